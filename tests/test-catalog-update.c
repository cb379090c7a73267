/* test-catalog-update.c — fetching, checking and installing catalog updates against a real
 * HTTP server on loopback, and the maintainers' signing tool
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/stat.h>

#include "ut-catalog-store.h"
#include "ut-catalog-updater.h"
#include "ut-progress.h"
#include "ut-signature.h"
#include "ut-test-utils.h"
#include "ut-update-schedule.h"

#define CHUNK_SIZE (64 * 1024)

/* What a check says when nothing answers at the server's address. */
#define NETWORK_SENTENCE "Untrain could not reach the catalog server. Check your connection and try again."

typedef enum
{
  ROUTE_NORMAL,
  ROUTE_STALL,        /* headers never come */
  ROUTE_TRUNCATE,     /* announces more bytes than it sends, then closes */
  ROUTE_ENDLESS,      /* chunked, without end */
  ROUTE_CANCEL_MID,   /* one chunk, then waits; the test cancels the check */
} RouteMode;

typedef struct
{
  RouteMode  mode;
  guint      status;
  GBytes    *body;
  char      *etag;
  char      *location;
  char      *retry_after;
  char      *cache_control;
} Route;

typedef struct
{
  char        *home;            /* the test's own home folder (G_TEST_OPTION_ISOLATE_DIRS) */
  char        *directory;       /* where updates are installed */
  SoupServer  *server;
  char        *base;            /* http://127.0.0.1:PORT */
  char        *url;             /* base + /catalog.json */
  GHashTable  *routes;          /* path → Route */
  GPtrArray   *requests;        /* "PATH If-None-Match User-Agent", one per request */
  GPtrArray   *held;            /* server messages left paused */
  GBytes      *bundled_json;    /* the real catalog, as the app carries it */
  gint64       bundled_version;
  char        *out;             /* what the last run of untrain printed */
  char        *err;
  GBytes      *private_key;     /* the build's test key: the test program trusts it */
  GCancellable *cancellable;
  gsize        streamed;        /* bytes an endless route has written */

  /* The last check */
  gboolean               done;
  UtCatalogUpdateResult  result;
  UtCatalog             *new_catalog;
  GError                *error;
  gint64                 elapsed_us;
} Fixture;

static void
route_free (Route *route)
{
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route->etag);
  g_free (route->location);
  g_free (route->retry_after);
  g_free (route->cache_control);
  g_free (route);
}

static Route *
add_route (Fixture    *f,
           const char *path,
           guint       status,
           GBytes     *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->body = body != NULL ? g_bytes_ref (body) : NULL;
  g_hash_table_replace (f->routes, g_strdup (path), route);
  return route;
}

static void
endless_wrote_chunk (SoupServerMessage *msg,
                     gpointer           user_data)
{
  Fixture *f = user_data;
  static const guint8 zeros[CHUNK_SIZE];

  /* Bounded anyway, so a broken client cannot make the test run forever. */
  if (f->streamed >= 64 * 1024 * 1024)
    {
      soup_message_body_complete (soup_server_message_get_response_body (msg));
      soup_server_message_unpause (msg);
      return;
    }

  f->streamed += CHUNK_SIZE;
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            zeros, CHUNK_SIZE);
  soup_server_message_unpause (msg);
}

static gboolean
cancel_idle (gpointer user_data)
{
  Fixture *f = user_data;

  g_cancellable_cancel (f->cancellable);
  return G_SOURCE_REMOVE;
}

static void
cancel_mid_wrote_chunk (SoupServerMessage *msg,
                        gpointer           user_data)
{
  Fixture *f = user_data;

  /* Idle priority: the client reads what has arrived before it is cancelled. */
  g_idle_add (cancel_idle, f);
  g_signal_handlers_disconnect_by_func (msg, cancel_mid_wrote_chunk, f);
}

static void
server_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  Route *route = g_hash_table_lookup (f->routes, path);
  gsize size;
  gconstpointer data;

  g_ptr_array_add (f->requests, g_strdup_printf ("%s %s %s", path,
                                                 if_none_match != NULL ? if_none_match : "-",
                                                 soup_message_headers_get_one (request, "User-Agent")));

  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (route->etag != NULL)
    soup_message_headers_replace (response, "ETag", route->etag);
  if (route->location != NULL)
    soup_message_headers_replace (response, "Location", route->location);
  if (route->retry_after != NULL)
    soup_message_headers_replace (response, "Retry-After", route->retry_after);
  if (route->cache_control != NULL)
    soup_message_headers_replace (response, "Cache-Control", route->cache_control);

  switch (route->mode)
    {
    case ROUTE_NORMAL:
      if (route->etag != NULL && g_strcmp0 (if_none_match, route->etag) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_status (msg, route->status, NULL);
      if (route->body != NULL)
        {
          data = g_bytes_get_data (route->body, &size);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, size);
        }
      break;

    case ROUTE_STALL:
      soup_server_message_pause (msg);
      g_ptr_array_add (f->held, g_object_ref (msg));
      break;

    case ROUTE_TRUNCATE:
      {
        /* SoupServer always sends what it announces, so this one is written by hand. */
        g_autoptr(GIOStream) connection = soup_server_message_steal_connection (msg);
        g_autofree char *head = NULL;
        GOutputStream *out = g_io_stream_get_output_stream (connection);
        g_autoptr(GError) error = NULL;

        data = g_bytes_get_data (route->body, &size);
        head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                                size);
        g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error);
        g_assert_no_error (error);
        g_output_stream_write_all (out, data, 1000, NULL, NULL, &error);
        g_assert_no_error (error);
        g_io_stream_close (connection, NULL, &error);
        g_assert_no_error (error);
      }
      break;

    case ROUTE_ENDLESS:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (endless_wrote_chunk), f);
      endless_wrote_chunk (msg, f);
      break;

    case ROUTE_CANCEL_MID:
      data = g_bytes_get_data (route->body, &size);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY,
                                data, size / 2);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (cancel_mid_wrote_chunk), f);
      g_ptr_array_add (f->held, g_object_ref (msg));
      break;

    default:
      g_assert_not_reached ();
    }
}

static GBytes *
read_key (const char      *variable,
          UtSignatureKind  kind)
{
  const char *path = g_getenv (variable);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GBytes *key;

  g_assert_nonnull (path);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  key = ut_signature_decode (kind, text, -1, &error);
  g_assert_no_error (error);
  return key;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) bundled = NULL;
  GSList *uris;

  f->home = g_strdup (g_get_home_dir ());
  g_assert_cmpint (g_mkdir_with_parents (f->home, 0700), ==, 0);
  f->directory = g_build_filename (f->home, "catalog", NULL);

  f->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  f->requests = g_ptr_array_new_with_free_func (g_free);
  f->held = g_ptr_array_new_with_free_func (g_object_unref);
  f->cancellable = g_cancellable_new ();

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_handler, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->url = g_strconcat (f->base, "/catalog.json", NULL);

  bundled = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f->bundled_version = ut_catalog_get_version (bundled);
  f->bundled_json = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  f->private_key = read_key ("UT_TEST_SIGNING_KEY", UT_SIGNATURE_KIND_PRIVATE_KEY);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  for (guint i = 0; i < f->held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (f->held, i);

      g_signal_handlers_disconnect_matched (msg, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, f);
    }
  soup_server_disconnect (f->server);
  g_clear_pointer (&f->held, g_ptr_array_unref);
  g_assert_finalize_object (f->server);
  /* Let closed connections wind down before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* GLib removes the test's folders. */
  g_free (f->home);
  g_free (f->directory);
  g_free (f->base);
  g_free (f->url);
  g_free (f->out);
  g_free (f->err);
  g_hash_table_unref (f->routes);
  g_ptr_array_unref (f->requests);
  g_bytes_unref (f->bundled_json);
  g_bytes_unref (f->private_key);
  g_object_unref (f->cancellable);
  g_clear_object (&f->new_catalog);
  g_clear_error (&f->error);
}

/* A bundle made from the real catalog: @version as its version, and with @bump the LinkedIn
 * record one revision further with a change a user reads. */
static GBytes *
make_bundle (Fixture  *f,
             gint64    version,
             gboolean  bump)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *platforms;
  char *data;
  gsize length;

  json_parser_load_from_data (parser, g_bytes_get_data (f->bundled_json, NULL),
                              (gssize) g_bytes_get_size (f->bundled_json), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "version", version);

  platforms = json_object_get_array_member (root, "platforms");
  for (guint i = 0; bump && i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);
      g_autoptr(JsonObject) change = json_object_new ();
      JsonArray *changes;
      gint64 revision;

      if (g_strcmp0 (json_object_get_string_member (platform, "id"), "linkedin") != 0)
        continue;

      revision = json_object_get_int_member (platform, "revision") + 1;
      json_object_set_int_member (platform, "revision", revision);
      json_object_set_int_member (change, "revision", revision);
      json_object_set_string_member (change, "date", "2026-12-01");
      json_object_set_string_member (change, "summary", "LinkedIn moved the setting to a new page.");
      {
        JsonObject *source = json_array_get_object_element (json_object_get_array_member (platform, "sources"), 0);
        g_autoptr(JsonArray) cited = json_array_new ();

        json_array_add_string_element (cited, json_object_get_string_member (source, "id"));
        json_object_set_array_member (change, "sources", json_array_ref (cited));
      }
      changes = json_object_get_array_member (platform, "changes");
      /* Newest first: rebuild the list with the new change in front. */
      {
        g_autoptr(JsonArray) reordered = json_array_new ();

        json_array_add_object_element (reordered, json_object_ref (change));
        for (guint j = 0; j < json_array_get_length (changes); j++)
          json_array_add_element (reordered, json_node_copy (json_array_get_element (changes, j)));
        json_object_set_array_member (platform, "changes", json_array_ref (reordered));
      }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static GBytes *
sign_with (GBytes *private_key,
           GBytes *bundle)
{
  g_autoptr(GBytes) signature = ut_signature_sign (private_key, bundle);
  char *text = ut_signature_encode (signature);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
sign (Fixture *f,
      GBytes  *bundle)
{
  return sign_with (f->private_key, bundle);
}

/* Serves @bundle, signed, at the update address. */
static Route *
serve (Fixture *f,
       GBytes  *bundle)
{
  g_autoptr(GBytes) signature = sign (f, bundle);

  add_route (f, "/catalog.json.sig", SOUP_STATUS_OK, signature);
  return add_route (f, "/catalog.json", SOUP_STATUS_OK, bundle);
}

static void
write_file (const char *path,
            GBytes     *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (contents, NULL), (gssize) g_bytes_get_size (contents), &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* Installs @bundle directly, as an earlier update would have. */
static void
preinstall (Fixture *f,
            GBytes  *bundle)
{
  g_autofree char *bundle_path = g_build_filename (f->directory, UT_CATALOG_INSTALLED_BUNDLE, NULL);
  g_autofree char *signature_path = g_build_filename (f->directory, UT_CATALOG_INSTALLED_SIGNATURE, NULL);
  g_autoptr(GBytes) signature = sign (f, bundle);

  g_assert_cmpint (g_mkdir_with_parents (f->directory, 0700), ==, 0);
  write_file (bundle_path, bundle);
  write_file (signature_path, signature);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* What is on disk, file by file, to compare before and after. The schedule of the next check is
 * left out: every check that reaches the network moves it (see the schedule tests). */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_strcmp0 (name, UT_UPDATE_SCHEDULE_FILE) != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (f->directory, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = read_text (path);
      g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

      g_string_append_printf (text, "%s %s\n", (char *) g_ptr_array_index (names, i), checksum);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static UtCatalog *
load_newest (Fixture *f)
{
  g_autoptr(GError) warning = NULL;
  g_autoptr(GError) error = NULL;
  UtCatalog *catalog = ut_catalog_load_newest (f->directory, &warning, &error);

  g_assert_no_error (warning);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static UtCatalogUpdater *
new_updater (Fixture    *f,
             const char *url)
{
  g_autoptr(UtCatalog) catalog = load_newest (f);
  UtCatalogUpdater *updater = ut_catalog_updater_new (f->directory, url, catalog);

  ut_catalog_updater_set_timeout (updater, 1);
  return updater;
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  g_clear_object (&f->new_catalog);
  g_clear_error (&f->error);
  f->result = ut_catalog_updater_check_finish (UT_CATALOG_UPDATER (object), result,
                                               &f->new_catalog, &f->error);
  f->done = TRUE;
}

static UtCatalogUpdateResult
run_check (Fixture          *f,
           UtCatalogUpdater *updater)
{
  gint64 start = g_get_monotonic_time ();

  f->done = FALSE;
  ut_catalog_updater_check_async (updater, f->cancellable, check_done, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  f->elapsed_us = g_get_monotonic_time () - start;

  if (f->error != NULL)
    g_test_message ("%s", f->error->message);
  return f->result;
}

/* The common shape of every refusal: the error, a sentence that ends by saying the catalog stays,
 * nothing changed on disk, and the next start still loads the catalog that was in use. */
static void
assert_refused (Fixture    *f,
                GQuark      domain,
                int         code,
                const char *expected,
                const char *before,
                gint64      version_before)
{
  g_autoptr(UtCatalog) after = NULL;
  g_autofree char *now = NULL;

  g_assert_cmpint (f->result, ==, UT_CATALOG_UPDATE_FAILED);
  g_assert_null (f->new_catalog);
  g_assert_error (f->error, domain, code);
  if (strstr (f->error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, f->error->message);
  g_assert_true (g_str_has_suffix (f->error->message, "Your current catalog stays.") ||
                 g_str_has_suffix (f->error->message, "your current catalog stays."));

  now = snapshot (f);
  g_assert_cmpstr (now, ==, before);
  after = load_newest (f);
  g_assert_cmpint (ut_catalog_get_version (after), ==, version_before);
}

/* An earlier update, version bundled + 1, is installed; the server offers bundled + 2. The cases
 * below each spoil that offer in one way. */
typedef struct
{
  UtCatalogUpdater *updater;
  char             *before;
  GBytes           *offer;
} Refusal;

static void
refusal_setup (Fixture *f,
               Refusal *r)
{
  g_autoptr(GBytes) installed = make_bundle (f, f->bundled_version + 1, FALSE);

  preinstall (f, installed);
  r->before = snapshot (f);
  r->offer = make_bundle (f, f->bundled_version + 2, TRUE);
  r->updater = new_updater (f, f->url);
  g_assert_cmpint (ut_catalog_get_version (ut_catalog_updater_get_catalog (r->updater)), ==,
                   f->bundled_version + 1);
}

static void
refusal_clear (Refusal *r)
{
  g_assert_finalize_object (r->updater);
  g_free (r->before);
  g_bytes_unref (r->offer);
}

static void
refusal_check (Fixture    *f,
               Refusal    *r,
               GQuark      domain,
               int         code,
               const char *expected)
{
  run_check (f, r->updater);
  assert_refused (f, domain, code, expected, r->before, f->bundled_version + 1);
  /* The updater still offers the catalog in use. */
  g_assert_cmpint (ut_catalog_get_version (ut_catalog_updater_get_catalog (r->updater)), ==,
                   f->bundled_version + 1);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_install_and_restart (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(UtCatalogUpdater) updater = new_updater (f, f->url);
  g_autoptr(GBytes) offer = make_bundle (f, f->bundled_version + 1, TRUE);
  g_autoptr(UtCatalog) restarted = NULL;
  g_autofree char *installed_path = g_build_filename (f->directory, UT_CATALOG_INSTALLED_BUNDLE, NULL);
  g_autofree char *installed = NULL;
  g_autofree char *expected_agent = g_strconcat ("Untrain/", PACKAGE_VERSION, NULL);
  guint notified = 0;

  serve (f, offer);
  g_signal_connect (updater, "notify::catalog", G_CALLBACK (count_notify), &notified);

  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->new_catalog);
  g_assert_cmpint (ut_catalog_get_version (f->new_catalog), ==, f->bundled_version + 1);
  g_assert_true (ut_catalog_updater_get_catalog (updater) == f->new_catalog);
  g_assert_cmpuint (notified, ==, 1);

  /* The exact bytes that were signed, and a User-Agent that names Untrain. */
  installed = read_text (installed_path);
  g_assert_cmpmem (installed, strlen (installed), g_bytes_get_data (offer, NULL), g_bytes_get_size (offer));
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->requests, 0), "/catalog.json - "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->requests, 1), "/catalog.json.sig - "));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (f->requests, 0), expected_agent));

  /* The next start loads the update; the bundled catalog is older. */
  restarted = load_newest (f);
  g_assert_cmpint (ut_catalog_get_version (restarted), ==, f->bundled_version + 1);
  g_assert_cmpuint (ut_platform_get_revision (ut_catalog_lookup (restarted, "linkedin")), ==,
                    ut_platform_get_revision (ut_catalog_lookup (ut_catalog_updater_get_catalog (updater), "linkedin")));

  g_test_message ("check with install: %.1f ms", f->elapsed_us / 1000.0);
}

/* An update carries its translations: after it is installed, a German user's LinkedIn guide
 * shows the German summary of the new change, from the update, not from the bundled catalog. */
static void
test_update_translations (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(UtCatalogUpdater) updater = new_updater (f, f->url);
  g_autoptr(GBytes) plain = make_bundle (f, f->bundled_version + 1, TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) translations = json_parser_new ();
  g_autoptr(GBytes) offer = NULL;
  g_autoptr(UtCatalog) restarted = NULL;
  const UtChange *change;
  char *text;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (plain, NULL), (gssize) g_bytes_get_size (plain), NULL));
  g_assert_true (json_parser_load_from_data (translations,
                                             "{\"de\": {\"linkedin\": {\"/changes/0/summary\": "
                                             "[\"LinkedIn moved the setting to a new page.\", "
                                             "\"LinkedIn hat die Einstellung auf eine neue Seite verschoben.\"]}}}", -1, NULL));
  json_object_set_member (json_node_get_object (json_parser_get_root (parser)), "translations",
                          json_node_copy (json_parser_get_root (translations)));
  text = json_to_string (json_parser_get_root (parser), FALSE);
  offer = g_bytes_new_take (text, strlen (text));
  serve (f, offer);

  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (f->error);

  g_setenv ("LANGUAGE", "de", TRUE);
  restarted = load_newest (f);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (ut_catalog_get_version (restarted), ==, f->bundled_version + 1);
  change = ut_platform_get_change (ut_catalog_lookup (restarted, "linkedin"), 0);
  g_assert_cmpstr (change->summary, ==, "LinkedIn hat die Einstellung auf eine neue Seite verschoben.");
}

static void
test_etag (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(UtCatalogUpdater) updater = new_updater (f, f->url);
  g_autoptr(UtCatalogUpdater) next_run = NULL;
  g_autoptr(GBytes) offer = make_bundle (f, f->bundled_version + 1, FALSE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Route *route;

  route = serve (f, offer);
  route->etag = g_strdup ("\"v1\"");

  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_UPDATED);
  g_assert_cmpuint (f->requests->len, ==, 2);
  before = snapshot (f);

  /* Same updater: If-None-Match, a 304, and nothing else fetched or written. */
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_NOT_MODIFIED);
  g_assert_no_error (f->error);
  g_assert_null (f->new_catalog);
  g_assert_cmpuint (f->requests->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->requests, 2), "/catalog.json \"v1\" "));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* The ETag is kept on disk, so the next run of Untrain gets a 304 too. */
  next_run = new_updater (f, f->url);
  g_assert_cmpint (run_check (f, next_run), ==, UT_CATALOG_UPDATE_NOT_MODIFIED);
  g_assert_cmpuint (f->requests->len, ==, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->requests, 3), "/catalog.json \"v1\" "));
  g_test_message ("304 check: %.1f ms", f->elapsed_us / 1000.0);
}

static void
test_not_newer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(UtCatalogUpdater) updater = new_updater (f, f->url);
  g_autofree char *bundle_path = g_build_filename (f->directory, UT_CATALOG_INSTALLED_BUNDLE, NULL);
  g_autofree char *etag_path = g_build_filename (f->directory, UT_CATALOG_INSTALLED_ETAG, NULL);
  g_autofree char *expected_etag = g_strdup_printf ("%" G_GINT64_FORMAT " \"same\"\n", f->bundled_version);
  g_autofree char *etag = NULL;
  Route *route;

  /* The server has exactly what Untrain carries: nothing to install, but its ETag is kept. */
  route = serve (f, f->bundled_json);
  route->etag = g_strdup ("\"same\"");
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_NOT_NEWER);
  g_assert_no_error (f->error);
  g_assert_null (f->new_catalog);
  g_assert_false (g_file_test (bundle_path, G_FILE_TEST_EXISTS));
  etag = read_text (etag_path);
  g_assert_cmpstr (etag, ==, expected_etag);

  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_NOT_MODIFIED);
}

/* After an update, "changed since you finished" shows for LinkedIn, whose revision moved, and not
 * for a platform that stayed the same. */
static GDateTime *
fixed_clock (gpointer user_data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, 2026, 1, 10, 12, 0, 0);
}

static void
test_alerts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(UtCatalogUpdater) updater = new_updater (f, f->url);
  g_autoptr(GBytes) offer = make_bundle (f, f->bundled_version + 1, TRUE);
  g_autoptr(UtProgress) progress = ut_progress_new (f->home);
  g_autoptr(UtCatalog) restarted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) old = g_object_ref (ut_catalog_updater_get_catalog (updater));
  UtPlatform *old_linkedin = ut_catalog_lookup (old, "linkedin");
  UtPlatform *old_reddit = ut_catalog_lookup (old, "reddit");
  UtPlatform *linkedin;
  UtPlatform *reddit;
  const char *linkedin_action;
  const char *reddit_action;
  UtProfile *me;

  ut_progress_set_clock (progress, fixed_clock, NULL);
  g_assert_true (ut_progress_load (progress, &error));
  me = ut_progress_get_default_profile (progress);
  g_assert_true (ut_progress_set_region (progress, me, UT_REGION_EU, &error));

  linkedin_action = ut_action_get_id (g_ptr_array_index (ut_platform_get_offer (old_linkedin, UT_REGION_EU)->actions, 0));
  reddit_action = ut_action_get_id (g_ptr_array_index (ut_platform_get_offer (old_reddit, UT_REGION_EU)->actions, 0));
  g_assert_true (ut_progress_set_state (progress, me, old_linkedin, linkedin_action, UT_ACTION_STATE_DONE, &error));
  g_assert_true (ut_progress_set_state (progress, me, old_reddit, reddit_action, UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);

  serve (f, offer);
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_UPDATED);

  /* What the app does at its next start. */
  restarted = load_newest (f);
  linkedin = ut_catalog_lookup (restarted, "linkedin");
  reddit = ut_catalog_lookup (restarted, "reddit");
  g_assert_cmpuint (ut_platform_get_revision (linkedin), ==, ut_platform_get_revision (old_linkedin) + 1);

  g_assert_cmpint (ut_progress_get_record_flags (progress, me, linkedin,
                                                 ut_platform_lookup_action (linkedin, linkedin_action)),
                   ==, UT_RECORD_FLAGS_NEEDS_REVIEW);
  g_assert_cmpuint (ut_progress_get_finished_revision (progress, me, linkedin), ==,
                    ut_platform_get_revision (old_linkedin));
  g_assert_cmpint (ut_progress_get_record_flags (progress, me, reddit,
                                                 ut_platform_lookup_action (reddit, reddit_action)),
                   ==, UT_RECORD_FLAGS_NONE);
  g_assert_cmpuint (ut_progress_get_finished_revision (progress, me, reddit), ==, 0);

  /* Before the update, nothing was flagged. */
  g_assert_cmpint (ut_progress_get_record_flags (progress, me, old_linkedin,
                                                 ut_platform_lookup_action (old_linkedin, linkedin_action)),
                   ==, UT_RECORD_FLAGS_NONE);
}

static void
test_http_404 (Fixture       *f,
               gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP, "404 Not Found");
  refusal_clear (&r);
}

static void
test_http_500 (Fixture       *f,
               gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  add_route (f, "/catalog.json", SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP, "500 Internal Server Error");
  refusal_clear (&r);
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Refusal r = { 0 };

  /* A port that was just free and has nobody listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/catalog.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  refusal_setup (f, &r);
  g_clear_object (&r.updater);
  r.updater = new_updater (f, url);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK, NETWORK_SENTENCE);
  g_assert_cmpstr (f->error->message, ==, NETWORK_SENTENCE " Your current catalog stays.");
  refusal_clear (&r);
}

/* A resolver that knows no name, as a machine without a network: no lookup ever leaves this
 * process or waits for a DNS server. Addresses such as 127.0.0.1 never reach a resolver. */
G_DECLARE_FINAL_TYPE (TestOfflineResolver, test_offline_resolver, TEST, OFFLINE_RESOLVER, GResolver)

struct _TestOfflineResolver
{
  GResolver parent_instance;
  guint     lookups;
};

G_DEFINE_FINAL_TYPE (TestOfflineResolver, test_offline_resolver, G_TYPE_RESOLVER)

static GList *
offline_lookup_by_name (GResolver     *resolver,
                        const char    *hostname,
                        GCancellable  *cancellable,
                        GError       **error)
{
  TEST_OFFLINE_RESOLVER (resolver)->lookups++;
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "Error resolving “%s”: Name or service not known", hostname);
  return NULL;
}

static GList *
offline_lookup_by_name_with_flags (GResolver                 *resolver,
                                   const char                *hostname,
                                   GResolverNameLookupFlags   flags,
                                   GCancellable              *cancellable,
                                   GError                   **error)
{
  return offline_lookup_by_name (resolver, hostname, cancellable, error);
}

static void
offline_lookup_by_name_with_flags_async (GResolver                *resolver,
                                         const char               *hostname,
                                         GResolverNameLookupFlags  flags,
                                         GCancellable             *cancellable,
                                         GAsyncReadyCallback       callback,
                                         gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  GError *error = NULL;

  offline_lookup_by_name (resolver, hostname, cancellable, &error);
  g_task_return_error (task, error);
}

static void
offline_lookup_by_name_async (GResolver           *resolver,
                              const char          *hostname,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  offline_lookup_by_name_with_flags_async (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT,
                                           cancellable, callback, user_data);
}

static GList *
offline_lookup_by_name_finish (GResolver     *resolver,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_offline_resolver_class_init (TestOfflineResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = offline_lookup_by_name;
  resolver_class->lookup_by_name_async = offline_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = offline_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags = offline_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = offline_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = offline_lookup_by_name_finish;
}

static void
test_offline_resolver_init (TestOfflineResolver *self)
{
}

/* The kept schedule for @url: @failures in a row, and a next check from @earliest to @latest
 * seconds from now (a second of slack either side for the clock moving on). */
static void
assert_next_check (Fixture    *f,
                   const char *url,
                   guint       failures,
                   gint64      earliest,
                   gint64      latest)
{
  g_autoptr(UtUpdateSchedule) schedule = ut_update_schedule_load (f->directory, url);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpuint (schedule->failures, ==, failures);
  g_assert_cmpint (schedule->last_check, >=, now - 5);
  g_assert_cmpint (schedule->next_check, >=, now + earliest - 5);
  g_assert_cmpint (schedule->next_check, <=, now + latest + 1);
}

/* A name that does not resolve (".invalid" never does, RFC 6761): a sentence that names the
 * server, never the resolver's own message. */
static void
test_unresolvable (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GResolver) system_resolver = g_resolver_get_default ();
  g_autoptr(TestOfflineResolver) offline = g_object_new (test_offline_resolver_get_type (), NULL);
  Refusal r = { 0 };

  g_resolver_set_default (G_RESOLVER (offline));

  refusal_setup (f, &r);
  g_clear_object (&r.updater);
  r.updater = new_updater (f, "https://invalid.invalid/catalog.json");
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                 "Untrain could not find the catalog server invalid.invalid. Check your connection "
                 "and the update address, and try again. Your current catalog stays.");
  g_assert_cmpstr (f->error->message, ==,
                   "Untrain could not find the catalog server invalid.invalid. Check your connection "
                   "and the update address, and try again. Your current catalog stays.");
  g_assert_null (strstr (f->error->message, "resolving"));
  g_assert_cmpuint (offline->lookups, >, 0);
  g_assert_cmpuint (f->requests->len, ==, 0);
  g_assert_cmpint (f->elapsed_us, <, G_USEC_PER_SEC);
  assert_next_check (f, "https://invalid.invalid/catalog.json", 0,
                     UT_UPDATE_SCHEDULE_OFFLINE_RETRY, 2 * UT_UPDATE_SCHEDULE_OFFLINE_RETRY);
  refusal_clear (&r);

  g_resolver_set_default (system_resolver);
}

/* A server that answers whatever it is sent, a TLS handshake included, in plain HTTP. */
static gboolean
plain_incoming (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           user_data)
{
  static const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), answer,
                             strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* https to a server that does not speak TLS: no secure connection, said as such. */
static void
test_not_secure (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Refusal r = { 0 };

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (plain_incoming), NULL);
  g_socket_service_start (service);
  url = g_strdup_printf ("https://127.0.0.1:%u/catalog.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  refusal_setup (f, &r);
  g_clear_object (&r.updater);
  r.updater = new_updater (f, url);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                 "Untrain could not make a secure connection to the catalog server, so nothing was "
                 "downloaded. Try again later. Your current catalog stays.");
  g_assert_cmpstr (f->error->message, ==,
                   "Untrain could not make a secure connection to the catalog server, so nothing was "
                   "downloaded. Try again later. Your current catalog stays.");
  refusal_clear (&r);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_stall (Fixture       *f,
            gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer)->mode = ROUTE_STALL;
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_TIMEOUT, "within 1 second");
  g_assert_cmpuint (f->held->len, ==, 1);
  g_test_message ("gave up after %.2f s", f->elapsed_us / 1e6);
  g_assert_cmpint (f->elapsed_us, >=, 900 * 1000);
  g_assert_cmpint (f->elapsed_us, <, 5 * G_USEC_PER_SEC);
  refusal_clear (&r);
}

static void
test_over_cap_declared (Fixture       *f,
                        gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  ut_catalog_updater_set_max_size (r.updater, g_bytes_get_size (r.offer) - 1);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_TOO_LARGE, "larger than");
  refusal_clear (&r);
}

static void
test_over_cap_streamed (Fixture       *f,
                        gconstpointer  data)
{
  Refusal r = { 0 };

  /* No length announced and no end: the default 8 MiB cap stops it while reading. */
  refusal_setup (f, &r);
  serve (f, r.offer)->mode = ROUTE_ENDLESS;
  ut_catalog_updater_set_timeout (r.updater, 30);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_TOO_LARGE, "larger than 8.4");
  g_test_message ("server had sent %" G_GSIZE_FORMAT " bytes when the client stopped, after %.0f ms",
                  f->streamed, f->elapsed_us / 1000.0);
  g_assert_cmpuint (f->streamed, <, 16 * 1024 * 1024);
  refusal_clear (&r);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer)->mode = ROUTE_TRUNCATE;
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK, "connection");
  refusal_clear (&r);
}

static void
test_invalid_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"format\": 1, \"version\": ", 25);
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, broken);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INVALID, "not valid");
  refusal_clear (&r);
}

static void
test_fails_validation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *first;
  char *text;
  Refusal r = { 0 };

  refusal_setup (f, &r);
  /* Signed and well-formed, but the first platform lost its UK entry. */
  root = json_from_string (g_bytes_get_data (r.offer, NULL), &error);
  g_assert_no_error (error);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "platforms"), 0);
  json_object_remove_member (json_object_get_object_member (first, "regions"), "UK");
  text = json_to_string (root, FALSE);
  bad = g_bytes_new_take (text, strlen (text));
  serve (f, bad);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INVALID, "/platforms/0/regions");
  refusal_clear (&r);
}

static void
test_missing_signature (Fixture       *f,
                        gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  g_hash_table_remove (f->routes, "/catalog.json.sig");
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NO_SIGNATURE, "no signature");
  refusal_clear (&r);
}

static void
test_wrong_signature (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) signature = NULL;
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  /* A real signature by the trusted key, but of other bytes. */
  other = make_bundle (f, f->bundled_version + 3, TRUE);
  signature = sign (f, other);
  add_route (f, "/catalog.json.sig", SOUP_STATUS_OK, signature);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,
                 "signature does not match Untrain's key");
  refusal_clear (&r);
}

static void
test_damaged_signature (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a signature\n", 16);
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  add_route (f, "/catalog.json.sig", SOUP_STATUS_OK, garbage);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE, "damaged");
  refusal_clear (&r);
}

static void
test_other_key (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) other_private = NULL;
  g_autoptr(GBytes) other_public = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  g_assert_true (ut_signature_generate_key (&other_private, &other_public, &error));
  signature = sign_with (other_private, r.offer);
  add_route (f, "/catalog.json.sig", SOUP_STATUS_OK, signature);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,
                 "signature does not match Untrain's key");
  refusal_clear (&r);
}

static void
test_older (Fixture       *f,
            gconstpointer  data)
{
  Refusal r = { 0 };

  /* What Untrain carries is older than the update already installed. */
  refusal_setup (f, &r);
  serve (f, f->bundled_json);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_OLDER, "is older than yours");
  refusal_clear (&r);
}

static void
test_insecure_url (Fixture       *f,
                   gconstpointer  data)
{
  const char *urls[] = {
    "http://example.org/catalog.json",
    "http://localhost/catalog.json",
    "http://127.0.0.2/catalog.json",
    "ftp://example.org/catalog.json",
    "file:///etc/passwd",
  };
  Refusal r = { 0 };

  refusal_setup (f, &r);
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_clear_object (&r.updater);
      r.updater = new_updater (f, urls[i]);
      refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL, "not secure");
      /* Refused before any connection. */
      g_assert_cmpint (f->elapsed_us, <, G_USEC_PER_SEC / 10);
    }

  g_clear_object (&r.updater);
  r.updater = new_updater (f, "not a url");
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL, "not a web address");

  /* IPv6 loopback is allowed: nothing listens there, so the refusal is a network one. */
  g_clear_object (&r.updater);
  r.updater = new_updater (f, "http://[::1]:1/catalog.json");
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK, NETWORK_SENTENCE);
  g_assert_cmpstr (f->error->message, ==, NETWORK_SENTENCE " Your current catalog stays.");
  refusal_clear (&r);
}

static void
test_unusable_url (Fixture       *f,
                   gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  add_route (f, "/", SOUP_STATUS_OK, r.offer);

  g_clear_object (&r.updater);
  r.updater = new_updater (f, "https://anna:secret@example.org/catalog.json");
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                 "has a user name or password in it");
  g_assert_null (strstr (f->error->message, "secret"));
  g_assert_null (strstr (f->error->message, "anna"));
  g_assert_cmpint (f->elapsed_us, <, G_USEC_PER_SEC / 10);

  g_clear_object (&r.updater);
  r.updater = new_updater (f, f->base);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL, "does not name a file");
  g_assert_cmpuint (f->requests->len, ==, 0);
  refusal_clear (&r);
}

static void
test_redirect_to_http (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *target = g_strconcat (f->base, "/elsewhere.json", NULL);
  Route *route;
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  add_route (f, "/elsewhere.json", SOUP_STATUS_OK, r.offer);
  route = add_route (f, "/catalog.json", SOUP_STATUS_FOUND, NULL);
  route->location = g_strdup (target);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL, "redirected to");
  /* The redirect was not followed. */
  g_assert_cmpuint (f->requests->len, ==, 1);
  refusal_clear (&r);
}

typedef struct
{
  const char *name;
  const char *location;
  const char *expected;
} BadRedirect;

/* Each of the first seven crashed the app once: an empty host, which libsoup cannot make a request
 * of. The others are refused although libsoup would try them. */
static const BadRedirect bad_redirects[] = {
  { "no-authority", "https:///catalog.json", "not a valid web address" },
  { "port-only", "https://:0/x", "not a valid web address" },
  { "empty-user-info", "https://@/x", "not a valid web address" },
  { "user-info-only", "https://user@/x", "not a valid web address" },
  { "upper-case-scheme", "HTTPS:///x", "not a valid web address" },
  { "query-only", "https://?x", "not a valid web address" },
  { "fragment-only", "https://#x", "not a valid web address" },
  { "user-info", "https://user:secret@example.org/catalog.json", "user name" },
  { "underscore-host", "https://cata_log.example.org/catalog.json", "not a valid web address" },
  { "empty-label", "https://example..org/catalog.json", "not a valid web address" },
  { "empty-last-label", "https://example.org../catalog.json", "not a valid web address" },
  { "port-zero", "https://example.org:0/catalog.json", "not a valid web address" },
};

/* A malformed redirect is refused before libsoup sees it, with a sentence that says so; nothing is
 * fetched from it. */
static void
test_redirect_malformed (Fixture       *f,
                         gconstpointer  data)
{
  const BadRedirect *bad = data;
  Route *route;
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  route = add_route (f, "/catalog.json", SOUP_STATUS_FOUND, NULL);
  route->location = g_strdup (bad->location);
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL, bad->expected);
  g_assert_cmpuint (f->requests->len, ==, 1);
  /* A user name or password in the address is never repeated to the user. */
  g_assert_null (strstr (f->error->message, "user@"));
  g_assert_null (strstr (f->error->message, "user:"));
  g_assert_null (strstr (f->error->message, "secret"));
  refusal_clear (&r);
}

/* The same when the redirect comes while fetching the signature. */
static void
test_redirect_malformed_signature (Fixture       *f,
                                   gconstpointer  data)
{
  Route *route;
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  route = add_route (f, "/catalog.json.sig", SOUP_STATUS_MOVED_PERMANENTLY, NULL);
  route->location = g_strdup ("https:///catalog.json.sig");
  refusal_check (f, &r, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                 "not a valid web address");
  g_assert_cmpuint (f->requests->len, ==, 2);
  refusal_clear (&r);
}

static void
test_cancel_mid_download (Fixture       *f,
                          gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer)->mode = ROUTE_CANCEL_MID;
  refusal_check (f, &r, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  refusal_clear (&r);
}

static void
test_cancel_before (Fixture       *f,
                    gconstpointer  data)
{
  Refusal r = { 0 };

  refusal_setup (f, &r);
  serve (f, r.offer);
  g_cancellable_cancel (f->cancellable);
  refusal_check (f, &r, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  refusal_clear (&r);
}

/* At start, an installed pair that does not belong together is refused with a warning. */
static void
test_load_torn_pair (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) first = make_bundle (f, f->bundled_version + 1, FALSE);
  g_autoptr(GBytes) second = make_bundle (f, f->bundled_version + 2, TRUE);
  g_autofree char *signature_path = g_build_filename (f->directory, UT_CATALOG_INSTALLED_SIGNATURE, NULL);
  g_autoptr(GError) warning = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) catalog = NULL;

  /* A crash after the new signature was written and before the new bundle was. */
  preinstall (f, first);
  {
    g_autoptr(GBytes) signature = sign (f, second);

    write_file (signature_path, signature);
  }
  catalog = ut_catalog_load_newest (f->directory, &warning, &error);
  g_assert_no_error (error);
  g_assert_error (warning, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE);
  g_test_message ("%s", warning->message);
  g_assert_cmpint (ut_catalog_get_version (catalog), ==, f->bundled_version);
  g_clear_object (&catalog);
  g_clear_error (&warning);

  /* No signature at all. */
  g_unlink (signature_path);
  catalog = ut_catalog_load_newest (f->directory, &warning, &error);
  g_assert_error (warning, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NO_SIGNATURE);
  g_assert_cmpint (ut_catalog_get_version (catalog), ==, f->bundled_version);
  g_clear_object (&catalog);
  g_clear_error (&warning);

  /* Signed but invalid. */
  {
    g_autoptr(GBytes) broken = g_bytes_new_static ("[]", 2);

    preinstall (f, broken);
  }
  catalog = ut_catalog_load_newest (f->directory, &warning, &error);
  g_assert_error (warning, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INVALID);
  g_assert_cmpint (ut_catalog_get_version (catalog), ==, f->bundled_version);
  g_clear_object (&catalog);
  g_clear_error (&warning);

  /* An update older than what Untrain now carries stays on disk, unused and without a warning. */
  {
    g_autoptr(GBytes) old = make_bundle (f, f->bundled_version - 1, FALSE);

    preinstall (f, old);
  }
  catalog = ut_catalog_load_newest (f->directory, &warning, &error);
  g_assert_no_error (warning);
  g_assert_cmpint (ut_catalog_get_version (catalog), ==, f->bundled_version);
  g_clear_object (&catalog);

  /* Nothing installed: the bundled catalog, silently. */
  ut_test_remove_tree (f->directory);
  catalog = ut_catalog_load_newest (f->directory, &warning, &error);
  g_assert_no_error (warning);
  g_assert_cmpint (ut_catalog_get_version (catalog), ==, f->bundled_version);
}

/* Runs a program with @args (NULL-terminated) and the test's data folder; *@out and *@err are
 * replaced by what it printed. */
static int
run_program (Fixture     *f,
             const char  *program,
             char       **out,
             char       **err,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = ut_test_launcher (g_get_user_data_dir (), NULL);
  const char *first;
  va_list args;
  int status;

  va_start (args, err);
  first = va_arg (args, const char *);
  status = ut_test_run_valist (launcher, program, out, err, first, args);
  va_end (args);

  return status;
}

/* The app itself trusts only the release key: an update signed with the test key, which this test
 * program trusts, is refused by the untrain binary with a warning, and the bundled catalog used. */
static void
test_app_refuses_test_key (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) update = make_bundle (f, f->bundled_version + 1, FALSE);
  g_autoptr(UtCatalog) in_test = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("untrain %s (catalog %" G_GINT64_FORMAT ")\n",
                                               PACKAGE_VERSION, f->bundled_version);

  g_free (f->directory);
  f->directory = g_build_filename (g_get_user_data_dir (), "untrain", "catalog", NULL);
  preinstall (f, update);
  in_test = load_newest (f);
  g_assert_cmpint (ut_catalog_get_version (in_test), ==, f->bundled_version + 1);

  g_assert_cmpint (run_program (f, ut_test_untrain_binary (), &out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_true (g_str_has_prefix (err, "untrain: The catalog update in "));
  g_assert_nonnull (strstr (err, "does not match its signature"));
}

/* ut_catalog_update_sync(), which `untrain --update-catalog` calls: here with the test key, which
 * this program trusts, so the install path runs; the sentences are the ones the command prints. */
static void
test_update_sync (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) offer = make_bundle (f, f->bundled_version + 1, TRUE);
  g_autoptr(UtCatalog) catalog = load_newest (f);
  g_autoptr(UtCatalog) installed = NULL;
  g_autoptr(UtCatalog) restarted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *missing = g_strconcat (f->base, "/missing.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Route *route;

  route = serve (f, offer);
  route->etag = g_strdup ("\"v1\"");

  g_assert_cmpint (ut_catalog_update_sync (f->directory, f->url, catalog, 5, &installed, &error), ==,
                   UT_CATALOG_UPDATE_UPDATED);
  g_assert_no_error (error);
  g_assert_nonnull (installed);
  g_assert_cmpint (ut_catalog_get_version (installed), ==, f->bundled_version + 1);
  sentence = ut_catalog_update_describe (UT_CATALOG_UPDATE_UPDATED, ut_catalog_get_version (installed));
  expected = g_strdup_printf ("Installed catalog version %" G_GINT64_FORMAT ".", f->bundled_version + 1);
  g_assert_cmpstr (sentence, ==, expected);
  restarted = load_newest (f);
  g_assert_cmpint (ut_catalog_get_version (restarted), ==, f->bundled_version + 1);
  g_assert_cmpuint (f->requests->len, ==, 2);
  before = snapshot (f);

  /* Again, as the next run of the command would: the stored ETag brings a 304. */
  g_clear_object (&installed);
  g_assert_cmpint (ut_catalog_update_sync (f->directory, f->url, restarted, 5, &installed, &error), ==,
                   UT_CATALOG_UPDATE_NOT_MODIFIED);
  g_assert_no_error (error);
  g_assert_null (installed);
  g_assert_cmpuint (f->requests->len, ==, 3);

  /* Without an ETag, the same version is downloaded, checked and not installed again. */
  g_free (route->etag);
  route->etag = NULL;
  g_assert_cmpint (ut_catalog_update_sync (f->directory, f->url, restarted, 5, &installed, &error), ==,
                   UT_CATALOG_UPDATE_NOT_NEWER);
  g_assert_no_error (error);
  g_assert_null (installed);
  g_clear_pointer (&sentence, g_free);
  g_clear_pointer (&expected, g_free);
  sentence = ut_catalog_update_describe (UT_CATALOG_UPDATE_NOT_NEWER, ut_catalog_get_version (restarted));
  expected = g_strdup_printf ("The catalog is already up to date (version %" G_GINT64_FORMAT ").",
                              f->bundled_version + 1);
  g_assert_cmpstr (sentence, ==, expected);
  g_clear_pointer (&sentence, g_free);
  sentence = ut_catalog_update_describe (UT_CATALOG_UPDATE_NOT_MODIFIED, ut_catalog_get_version (restarted));
  g_assert_cmpstr (sentence, ==, expected);

  /* A refusal: the error is the sentence, and nothing changes. */
  g_assert_cmpint (ut_catalog_update_sync (f->directory, missing, restarted, 5, &installed, &error), ==,
                   UT_CATALOG_UPDATE_FAILED);
  g_assert_error (error, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP);
  g_assert_null (installed);
  g_assert_nonnull (strstr (error->message, "404 Not Found"));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
} Run;

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/* Runs untrain with @args (NULL-terminated), the test's data and settings folders and
 * @environment ("NAME=VALUE" pairs, or %NULL) added, while this process's loopback server
 * answers it; f->out and f->err get what it printed. */
static int
run_untrain (Fixture            *f,
             const char * const *environment,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = ut_test_launcher (g_get_user_data_dir (),
                                                              g_get_user_config_dir ());
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { FALSE, NULL, NULL };
  const char *arg;
  va_list args;

  for (guint i = 0; environment != NULL && environment[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (environment[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (argv, (gpointer) ut_test_untrain_binary ());
  va_start (args, environment);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_free (f->out);
  g_free (f->err);
  f->out = run.out;
  f->err = run.err;
  g_test_message ("untrain %s → %d\nstdout: %s\nstderr: %s", (char *) argv->pdata[1],
                  g_subprocess_get_exit_status (process), f->out, f->err);

  return g_subprocess_get_exit_status (process);
}

/* One line on the standard error, starting "untrain: ", containing @expected; nothing else. */
static void
assert_cli_refused (Fixture    *f,
                    const char *expected)
{
  const char *newline = strchr (f->err, '\n');

  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "untrain: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (strstr (f->err, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, f->err);
}

/* `untrain --update-catalog` itself. The binary trusts only the release key, so what it can show
 * here is every refusal, each with one line and exit status 1, and nothing installed. */
static void
test_cli_update (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) offer = make_bundle (f, f->bundled_version + 1, TRUE);
  /* Only the schedule of the next check may be written there. */
  g_autofree char *installed = g_build_filename (g_get_user_data_dir (), "untrain", "catalog",
                                                 UT_CATALOG_INSTALLED_BUNDLE, NULL);
  g_autofree char *url_option = g_strconcat ("--url=", f->url, NULL);
  g_autofree char *missing_option = g_strconcat ("--url=", f->base, "/missing.json", NULL);
  g_autofree char *redirect_option = g_strconcat ("--url=", f->base, "/moved.json", NULL);
  g_autofree char *down_option = NULL;
  Route *route;

  /* Signed, but with the test key. */
  serve (f, offer);
  g_assert_cmpint (run_untrain (f, NULL, "--update-catalog", url_option, NULL), ==, 1);
  assert_cli_refused (f, "The catalog update was refused: its signature does not match Untrain's key.");
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));

  /* Not found. */
  g_assert_cmpint (run_untrain (f, NULL, "--update-catalog", missing_option, NULL), ==, 1);
  assert_cli_refused (f, "404 Not Found");

  /* Plain http to another machine: refused before any connection. */
  g_assert_cmpint (run_untrain (f, NULL, "--update-catalog", "--url=http://example.org/catalog.json", NULL), ==, 1);
  assert_cli_refused (f, "is not secure: only https:// addresses are allowed");

  /* A redirect with no host: refused, not a crash. */
  route = add_route (f, "/moved.json", SOUP_STATUS_FOUND, NULL);
  route->location = g_strdup ("https:///catalog.json");
  g_assert_cmpint (run_untrain (f, NULL, "--update-catalog", redirect_option, NULL), ==, 1);
  assert_cli_refused (f, "redirected to “https:///catalog.json”, which is not a valid web address");

  /* The server is gone. */
  soup_server_disconnect (f->server);
  down_option = g_strconcat ("--url=", f->url, NULL);
  g_assert_cmpint (run_untrain (f, NULL, "--update-catalog", down_option, NULL), ==, 1);
  assert_cli_refused (f, NETWORK_SENTENCE " Your current catalog stays.");
  g_assert_cmpstr (f->err, ==, "untrain: " NETWORK_SENTENCE " Your current catalog stays.\n");

  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
}

/* Without --url, the address set in Preferences, read through GSettings. */
static void
test_cli_update_settings (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *settings_dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[io/github/untrain/Untrain]\ncatalog-url='%s/from-settings.json'\n",
                                               f->base);
  g_autofree char *empty_dir = g_build_filename (f->home, "empty", NULL);
  g_autofree char *no_schema_dir = g_strconcat ("GSETTINGS_SCHEMA_DIR=", empty_dir, NULL);
  g_autofree char *no_data_dirs = g_strconcat ("XDG_DATA_DIRS=", empty_dir, NULL);
  const char *keyfile_backend[] = { "GSETTINGS_BACKEND=keyfile", NULL };
  const char *no_schema[] = { no_schema_dir, no_data_dirs, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
  g_file_set_contents (keyfile, contents, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_untrain (f, keyfile_backend, "--update-catalog", NULL), ==, 1);
  assert_cli_refused (f, "404 Not Found");
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->requests, 0), "/from-settings.json "));

  /* An address the user emptied: nothing is fetched. (The default is the project's own address,
   * which a test never fetches; test_default_address checks it.) */
  g_file_set_contents (keyfile, "[io/github/untrain/Untrain]\ncatalog-url=''\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_untrain (f, keyfile_backend, "--update-catalog", NULL), ==, 1);
  assert_cli_refused (f, "No catalog update address is set: give one with --url=URL");

  /* No schema where GSettings looks. */
  g_assert_cmpint (run_untrain (f, no_schema, "--update-catalog", NULL), ==, 1);
  assert_cli_refused (f, "settings are not installed");
  g_assert_cmpuint (f->requests->len, ==, 1);
}

/* Out of the box, updates come from the project's GitHub Pages site (its home is
 * https://github.com/untrain/Untrain), checked automatically. */
static void
test_default_address (Fixture       *f,
                      gconstpointer  data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) url_key = NULL;
  g_autoptr(GSettingsSchemaKey) automatic_key = NULL;
  g_autoptr(GVariant) url = NULL;
  g_autoptr(GVariant) automatic = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  g_assert_nonnull (schema);
  url_key = g_settings_schema_get_key (schema, "catalog-url");
  url = g_settings_schema_key_get_default_value (url_key);
  g_assert_cmpstr (g_variant_get_string (url, NULL), ==, "https://untrain.github.io/Untrain/catalog/v2/catalog.json");
  automatic_key = g_settings_schema_get_key (schema, "automatic-catalog-checks");
  automatic = g_settings_schema_key_get_default_value (automatic_key);
  g_assert_true (g_variant_get_boolean (automatic));
}

static void
test_tool (Fixture       *f,
           gconstpointer  data)
{
  const char *tool = g_getenv ("UNTRAIN_CATALOG_TOOL");
  g_autofree char *private_key = g_build_filename (f->home, "release.key", NULL);
  g_autofree char *public_key = g_build_filename (f->home, "release.pub", NULL);
  g_autofree char *other_private = g_build_filename (f->home, "other.key", NULL);
  g_autofree char *other_public = g_build_filename (f->home, "other.pub", NULL);
  g_autofree char *bundle = g_build_filename (f->home, "catalog.json", NULL);
  g_autofree char *signature = g_build_filename (f->home, "catalog.json.sig", NULL);
  g_autofree char *invalid = g_build_filename (f->home, "invalid.json", NULL);
  g_autofree char *invalid_signature = g_build_filename (f->home, "invalid.json.sig", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key_text = NULL;
  g_autoptr(GBytes) public_bytes = NULL;
  g_autoptr(GBytes) signature_bytes = NULL;
  g_autoptr(GBytes) bundle_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_nonnull (tool);
  write_file (bundle, f->bundled_json);

#define RUN(...) run_program (f, tool, &out, &err, __VA_ARGS__, NULL)

  /* keygen: a private key only its owner can read, and never overwritten. */
  g_assert_cmpint (RUN ("keygen", private_key, public_key), ==, 0);
  g_assert_cmpint (g_stat (private_key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  key_text = read_text (private_key);
  g_assert_cmpuint (strlen (key_text), ==, 89);   /* base64 of 64 bytes, and a newline */
  g_assert_cmpint (RUN ("keygen", private_key, public_key), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  {
    g_autofree char *again = read_text (private_key);

    g_assert_cmpstr (again, ==, key_text);
  }
  g_assert_cmpint (RUN ("keygen", other_private, other_public), ==, 0);

  /* sign, then verify with the public half, in the format the app reads. */
  g_assert_cmpint (RUN ("sign", "--key", private_key, bundle), ==, 0);
  g_assert_cmpint (RUN ("verify", "--key", public_key, bundle), ==, 0);
  g_assert_nonnull (strstr (out, "good signature"));
  {
    g_autofree char *text = read_text (public_key);
    g_autofree char *sig_text = read_text (signature);

    public_bytes = ut_signature_decode (UT_SIGNATURE_KIND_PUBLIC_KEY, text, -1, &error);
    g_assert_no_error (error);
    signature_bytes = ut_signature_decode (UT_SIGNATURE_KIND_SIGNATURE, sig_text, -1, &error);
    g_assert_no_error (error);
    g_assert_true (ut_signature_verify (public_bytes, f->bundled_json, signature_bytes, &error));
  }

  /* Another key does not verify it. */
  g_assert_cmpint (RUN ("verify", "--key", other_public, bundle), ==, 1);
  g_assert_nonnull (strstr (err, "BAD signature"));

  /* Keys mixed up are named as such. */
  g_assert_cmpint (RUN ("verify", "--key", private_key, bundle), ==, 1);
  g_assert_nonnull (strstr (err, "not a public key"));
  g_assert_cmpint (RUN ("sign", "--key", public_key, bundle), ==, 1);
  g_assert_nonnull (strstr (err, "This is a public key, not a private key"));

  /* One byte changed after signing: the version, so it stays valid JSON and a valid catalog. */
  {
    g_autofree char *text = read_text (bundle);
    g_autofree char *version = g_strdup_printf ("\"version\":%" G_GINT64_FORMAT, f->bundled_version);
    char *at = strstr (text, version);

    g_assert_nonnull (at);
    at[strlen (version) - 1] = at[strlen (version) - 1] == '9' ? '8' : at[strlen (version) - 1] + 1;
    bundle_bytes = g_bytes_new (text, strlen (text));
    write_file (bundle, bundle_bytes);
  }
  g_assert_cmpint (RUN ("verify", "--key", public_key, bundle), ==, 1);
  g_assert_nonnull (strstr (err, "BAD signature"));

  /* An invalid bundle is not signed at all. */
  {
    g_autoptr(GBytes) broken = g_bytes_new_static ("{\"format\": 1}", 13);

    write_file (invalid, broken);
  }
  g_assert_cmpint (RUN ("sign", "--key", private_key, invalid), ==, 1);
  g_assert_nonnull (strstr (err, "not signed"));
  g_assert_false (g_file_test (invalid_signature, G_FILE_TEST_EXISTS));

  /* Usage errors exit with 2. */
  g_assert_cmpint (RUN ("sign", bundle), ==, 2);
  g_assert_cmpint (RUN ("frobnicate"), ==, 2);
#undef RUN
}

static void
test_schedule_parse (void)
{
  gint64 now = 1780000000;
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (now + 3600);
  g_autoptr(GDateTime) earlier = g_date_time_new_from_unix_utc (now - 3600);
  g_autofree char *later_text = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autofree char *earlier_text = soup_date_time_to_string (earlier, SOUP_DATE_HTTP);

  g_assert_cmpint (ut_http_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (ut_http_parse_retry_after (" 30 ", now), ==, 30);
  g_assert_cmpint (ut_http_parse_retry_after (later_text, now), ==, 3600);
  g_assert_cmpint (ut_http_parse_retry_after (earlier_text, now), ==, 0);
  g_assert_cmpint (ut_http_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (ut_http_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (ut_http_parse_retry_after ("12 s", now), ==, -1);
  g_assert_cmpint (ut_http_parse_retry_after ("99999999999999", now), ==, -1);
  g_assert_cmpint (ut_http_parse_retry_after (NULL, now), ==, -1);

  g_assert_cmpint (ut_http_parse_max_age ("public, max-age=600"), ==, 600);
  g_assert_cmpint (ut_http_parse_max_age ("max-age=86400, must-revalidate"), ==, 86400);
  g_assert_cmpint (ut_http_parse_max_age ("Max-Age=5"), ==, 5);
  g_assert_cmpint (ut_http_parse_max_age ("no-cache"), ==, -1);
  g_assert_cmpint (ut_http_parse_max_age ("max-age=soon"), ==, -1);
  g_assert_cmpint (ut_http_parse_max_age ("max-age"), ==, -1);
  g_assert_cmpint (ut_http_parse_max_age (NULL), ==, -1);
}

#define DAY UT_UPDATE_SCHEDULE_INTERVAL
#define HOUR UT_UPDATE_SCHEDULE_OFFLINE_RETRY

/* Records one outcome and checks that the next check falls from @earliest to @latest after it. */
static void
assert_wait (UtUpdateSchedule *schedule,
             GRand            *rand,
             UtUpdateOutcome   outcome,
             gint64            server_wait,
             guint             failures,
             gint64            earliest,
             gint64            latest)
{
  gint64 now = 1780000000;

  ut_update_schedule_record (schedule, now, outcome, server_wait, rand);
  g_assert_cmpint (schedule->last_check, ==, now);
  g_assert_cmpuint (schedule->failures, ==, failures);
  g_assert_cmpint (schedule->next_check - now, >=, earliest);
  g_assert_cmpint (schedule->next_check - now, <=, latest);
}

static void
test_schedule_waits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(UtUpdateSchedule) schedule = g_new0 (UtUpdateSchedule, 1);
  g_autoptr(GHashTable) moments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 first = G_MAXINT64, last = 0;

  for (guint round = 0; round < 100; round++)
    {
      /* Answered: daily at most, later when the server says so, never past a week. */
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_ANSWERED, -1, 0, DAY, DAY + HOUR);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_ANSWERED, 60, 0, DAY, DAY + HOUR);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_ANSWERED, 3 * DAY, 0, 3 * DAY, 3 * DAY + HOUR);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_ANSWERED, 30 * DAY, 0, 7 * DAY, 7 * DAY + HOUR);

      /* Failures double the wait, each in its second half, up to a week; offline costs nothing. */
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, -1, 1, DAY, 2 * DAY);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_OFFLINE, -1, 1, HOUR, 2 * HOUR);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, -1, 2, 2 * DAY, 4 * DAY);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, -1, 3, 7 * DAY / 2, 7 * DAY);
      for (guint i = 4; i < 70; i++)
        assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, -1, MIN (i, 64), 7 * DAY / 2, 7 * DAY);

      /* Retry-After is obeyed, never shorter than a minute, never past a week. */
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, 120, 64, 120, 180);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, 0, 64, 60, 90);
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_FAILED, 30 * DAY, 64, 7 * DAY, 7 * DAY + HOUR);

      /* One answer ends the backing off. */
      assert_wait (schedule, rand, UT_UPDATE_OUTCOME_ANSWERED, -1, 0, DAY, DAY + HOUR);
    }

  /* A thousand clients told “come back in ten minutes” at the same moment come back spread out. */
  for (guint client = 0; client < 1000; client++)
    {
      schedule->failures = 0;
      ut_update_schedule_record (schedule, 1780000000, UT_UPDATE_OUTCOME_FAILED, 600, rand);
      g_hash_table_add (moments, g_memdup2 (&schedule->next_check, sizeof (gint64)));
      first = MIN (first, schedule->next_check);
      last = MAX (last, schedule->next_check);
    }
  g_assert_cmpint (last - first, >=, 250);
  g_assert_cmpuint (g_hash_table_size (moments), >=, 250);
}

/* What the server says sets when the next check may run, and the schedule is kept per address. */
static void
test_schedule_from_server (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(UtCatalogUpdater) updater = new_updater (f, f->url);
  g_autoptr(GBytes) offer = make_bundle (f, f->bundled_version + 1, FALSE);
  g_autoptr(UtUpdateSchedule) other = NULL;
  Route *route;

  route = add_route (f, "/catalog.json", SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  route->retry_after = g_strdup ("120");
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_FAILED);
  g_assert_error (f->error, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP);
  g_assert_cmpstr (f->error->message, ==,
                   "The catalog server is busy and asked Untrain to wait 2 minutes (it answered "
                   "“503 Service Unavailable”). Untrain will try again then; your current catalog "
                   "stays.");
  assert_next_check (f, f->url, 1, 120, 180);

  route = add_route (f, "/catalog.json", 429, NULL);
  route->retry_after = g_strdup ("7200");
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_FAILED);
  g_assert_nonnull (strstr (f->error->message, "wait 2 hours"));
  assert_next_check (f, f->url, 2, 7200, 7200 + HOUR);

  add_route (f, "/catalog.json", SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_FAILED);
  assert_next_check (f, f->url, 3, 7 * DAY / 2, 7 * DAY);

  route = serve (f, offer);
  route->cache_control = g_strdup ("public, max-age=259200");
  g_assert_cmpint (run_check (f, updater), ==, UT_CATALOG_UPDATE_UPDATED);
  assert_next_check (f, f->url, 0, 3 * DAY, 3 * DAY + HOUR);

  /* Another address starts afresh: the failures were another server's. */
  other = ut_update_schedule_load (f->directory, "https://example.org/catalog.json");
  g_assert_cmpint (other->next_check, ==, 0);
  g_assert_cmpuint (other->failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* GIO's GNOME proxy resolver reads the system's proxy settings schema, which the test's own
   * folders do not have; it would stop the program. No proxy is wanted anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The loopback server must be reached directly. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  g_test_add_func ("/catalog-update/schedule/parse", test_schedule_parse);
  g_test_add_func ("/catalog-update/schedule/waits", test_schedule_waits);
  ADD ("/catalog-update/schedule/from-server", test_schedule_from_server);
  ADD ("/catalog-update/translations", test_update_translations);
  ADD ("/catalog-update/install-and-restart", test_install_and_restart);
  ADD ("/catalog-update/etag", test_etag);
  ADD ("/catalog-update/not-newer", test_not_newer);
  ADD ("/catalog-update/alerts", test_alerts);
  ADD ("/catalog-update/refused/404", test_http_404);
  ADD ("/catalog-update/refused/500", test_http_500);
  ADD ("/catalog-update/refused/connection-refused", test_connection_refused);
  ADD ("/catalog-update/refused/unresolvable", test_unresolvable);
  ADD ("/catalog-update/refused/not-secure", test_not_secure);
  ADD ("/catalog-update/refused/stall", test_stall);
  ADD ("/catalog-update/refused/over-cap-declared", test_over_cap_declared);
  ADD ("/catalog-update/refused/over-cap-streamed", test_over_cap_streamed);
  ADD ("/catalog-update/refused/truncated", test_truncated);
  ADD ("/catalog-update/refused/invalid-json", test_invalid_json);
  ADD ("/catalog-update/refused/fails-validation", test_fails_validation);
  ADD ("/catalog-update/refused/missing-signature", test_missing_signature);
  ADD ("/catalog-update/refused/wrong-signature", test_wrong_signature);
  ADD ("/catalog-update/refused/damaged-signature", test_damaged_signature);
  ADD ("/catalog-update/refused/other-key", test_other_key);
  ADD ("/catalog-update/refused/older", test_older);
  ADD ("/catalog-update/refused/insecure-url", test_insecure_url);
  ADD ("/catalog-update/refused/unusable-url", test_unusable_url);
  ADD ("/catalog-update/refused/redirect-to-http", test_redirect_to_http);
  for (guint i = 0; i < G_N_ELEMENTS (bad_redirects); i++)
    {
      g_autofree char *path = g_strconcat ("/catalog-update/refused/redirect-malformed/",
                                           bad_redirects[i].name, NULL);

      g_test_add (path, Fixture, &bad_redirects[i], setup, test_redirect_malformed, teardown);
    }
  ADD ("/catalog-update/refused/redirect-malformed/signature", test_redirect_malformed_signature);
  ADD ("/catalog-update/refused/cancel-mid-download", test_cancel_mid_download);
  ADD ("/catalog-update/refused/cancel-before", test_cancel_before);
  ADD ("/catalog-update/load/torn-pair", test_load_torn_pair);
  ADD ("/catalog-update/load/app-refuses-test-key", test_app_refuses_test_key);
  ADD ("/catalog-update/update-sync", test_update_sync);
  ADD ("/catalog-update/cli/refused", test_cli_update);
  ADD ("/catalog-update/cli/settings", test_cli_update_settings);
  ADD ("/catalog-update/default-address", test_default_address);
  ADD ("/catalog-tool/keygen-sign-verify", test_tool);
#undef ADD

  return g_test_run ();
}
