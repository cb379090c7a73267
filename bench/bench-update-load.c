/* bench-update-load.c — the catalog update protocol under a thousand clients at once
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing. The real update client (UtCatalogUpdater, each with its own
 * session and its own folder, as separate installations have) checks N times at once against a
 * static file server on loopback that answers as a CDN does: strong ETags, 304 to a matching
 * If-None-Match, Cache-Control max-age. Three rounds:
 *
 *   publish   a new catalog is out: every client downloads it, verifies and installs it
 *   quiet     nothing changed: every client sends its ETag and gets a 304
 *   outage    the server answers 503 with Retry-After: every client backs off
 *
 * For each: requests, 200s, 304s and 503s, bytes (bodies and headers), wall time, the clients'
 * CPU per check and their extra memory per client in flight. The server runs in its own thread
 * so that its CPU is counted apart.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ut-catalog-store.h"
#include "ut-catalog-updater.h"
#include "ut-catalog.h"
#include "ut-signature.h"
#include "ut-test-utils.h"
#include "ut-update-schedule.h"

#define RETRY_AFTER 600
#define MAX_AGE     3600

typedef enum { SERVE_FILES, SERVE_UNAVAILABLE } ServeMode;

typedef struct
{
  GBytes       *bundle;
  GBytes       *signature;
  char         *bundle_etag;
  char         *signature_etag;

  GMutex        lock;
  GCond         ready;
  GMainContext *context;
  guint         port;
  pthread_t     thread;
  gint          stop;
  gint          mode;

  /* Counted by the server thread, read between rounds. */
  gint          requests;
  gint          ok;
  gint          not_modified;
  gint          unavailable;
  gint64        body_bytes;
  gint64        header_bytes;
} Server;

typedef struct
{
  Server    *server;
  guint      pending;
  guint      results[4];
  gint64     peak_rss_kb;
  GArray    *waits;          /* seconds to the next automatic check, per client */
  char      *first_error;
  char      *root;
  char      *url;
} Bench;

static char *
strong_etag (GBytes *bytes)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strdup_printf ("\"%.32s\"", sum);
}

static void
count_headers (const char *name,
               const char *value,
               gpointer    user_data)
{
  *(gint64 *) user_data += strlen (name) + strlen (value) + 4;
}

static void
finished_cb (SoupServerMessage *msg,
             gpointer           user_data)
{
  Server *server = user_data;
  gint64 bytes = 17 + 2;   /* "HTTP/1.1 200 OK\r\n" and the blank line */

  soup_message_headers_foreach (soup_server_message_get_response_headers (msg), count_headers, &bytes);
  server->header_bytes += bytes;
}

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");
  GBytes *body;
  const char *etag;

  server->requests++;
  g_signal_connect (msg, "finished", G_CALLBACK (finished_cb), server);

  if (g_atomic_int_get (&server->mode) == SERVE_UNAVAILABLE)
    {
      server->unavailable++;
      soup_message_headers_replace (response, "Retry-After", G_STRINGIFY (RETRY_AFTER));
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }

  if (g_strcmp0 (path, "/catalog.json") == 0)
    body = server->bundle, etag = server->bundle_etag;
  else if (g_strcmp0 (path, "/catalog.json.sig") == 0)
    body = server->signature, etag = server->signature_etag;
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Cache-Control", "max-age=" G_STRINGIFY (MAX_AGE));
  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      server->not_modified++;
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  server->ok++;
  server->body_bytes += g_bytes_get_size (body);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr(SoupServer) soup_server = soup_server_new ("server-header", "bench-static", NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server->context);
  soup_server_add_handler (soup_server, NULL, handler, server, NULL);
  /* A CDN takes every connection at once; GIO's default backlog of 10 would leave the rest to
   * wait a second for their SYN to be sent again, and the figures would measure that. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  if (socket != NULL)
    g_socket_set_listen_backlog (socket, 4096);
  if (socket == NULL || !g_socket_bind (socket, address, TRUE, &error) ||
      !g_socket_listen (socket, &error) ||
      !soup_server_listen_socket (soup_server, socket, 0, &error))
    g_error ("The bench server cannot listen: %s", error->message);
  uris = soup_server_get_uris (soup_server);

  g_mutex_lock (&server->lock);
  server->port = g_uri_get_port (uris->data);
  server->thread = pthread_self ();
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  while (!g_atomic_int_get (&server->stop))
    g_main_context_iteration (server->context, TRUE);

  soup_server_disconnect (soup_server);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static double
server_cpu_seconds (Server *server)
{
  clockid_t clock;
  struct timespec ts;

  if (pthread_getcpuclockid (server->thread, &clock) != 0 || clock_gettime (clock, &ts) != 0)
    return 0;
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static double
process_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (double) usage.ru_utime.tv_sec + (double) usage.ru_utime.tv_usec / 1e6 +
         (double) usage.ru_stime.tv_sec + (double) usage.ru_stime.tv_usec / 1e6;
}

static gint64
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

static gboolean
sample_rss_cb (gpointer user_data)
{
  Bench *bench = user_data;

  bench->peak_rss_kb = MAX (bench->peak_rss_kb, current_rss_kb ());
  return G_SOURCE_CONTINUE;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Bench *bench = user_data;
  UtCatalogUpdater *updater = UT_CATALOG_UPDATER (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(UtUpdateSchedule) schedule = NULL;
  UtCatalogUpdateResult outcome;

  outcome = ut_catalog_updater_check_finish (updater, result, NULL, &error);
  bench->results[outcome]++;
  if (outcome == UT_CATALOG_UPDATE_FAILED && bench->first_error == NULL)
    bench->first_error = g_strdup (error->message);

  schedule = ut_update_schedule_load (ut_catalog_updater_get_directory (updater), bench->url);
  g_array_append_val (bench->waits, (gint64) { schedule->next_check - g_get_real_time () / G_USEC_PER_SEC });

  /* The installed catalog goes with the updater: memory in flight is what the figures show. */
  g_object_unref (updater);
  bench->pending--;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
round_run (Bench      *bench,
           const char *name,
           UtCatalog  *catalog,
           guint       clients)
{
  Server *server = bench->server;
  gint requests = server->requests, ok = server->ok, not_modified = server->not_modified;
  gint unavailable = server->unavailable;
  gint64 body_bytes = server->body_bytes, header_bytes = server->header_bytes;
  double server_cpu = server_cpu_seconds (server);
  double cpu = process_cpu_seconds ();
  gint64 rss = current_rss_kb ();
  gint64 start;
  double wall, client_cpu;
  guint sampler;

  memset (bench->results, 0, sizeof bench->results);
  g_clear_pointer (&bench->first_error, g_free);
  g_array_set_size (bench->waits, 0);
  bench->peak_rss_kb = rss;
  sampler = g_timeout_add (5, sample_rss_cb, bench);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < clients; i++)
    {
      g_autofree char *name_i = g_strdup_printf ("client-%04u", i);
      g_autofree char *directory = g_build_filename (bench->root, name_i, NULL);
      UtCatalogUpdater *updater = ut_catalog_updater_new (directory, bench->url, catalog);

      ut_catalog_updater_set_timeout (updater, 120);
      bench->pending++;
      ut_catalog_updater_check_async (updater, NULL, checked_cb, bench);
    }
  while (bench->pending > 0)
    g_main_context_iteration (NULL, TRUE);
  wall = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_source_remove (sampler);

  /* Let the server thread finish counting the last responses. */
  while (g_atomic_int_get (&server->requests) != server->ok + server->not_modified + server->unavailable)
    g_thread_yield ();

  server_cpu = server_cpu_seconds (server) - server_cpu;
  client_cpu = process_cpu_seconds () - cpu - server_cpu;
  g_array_sort (bench->waits, compare_int64);

  printf ("\n%s: %u clients at once, %.2f s\n", name, clients, wall);
  printf ("  results       %u updated, %u not modified, %u not newer, %u failed\n",
          bench->results[UT_CATALOG_UPDATE_UPDATED], bench->results[UT_CATALOG_UPDATE_NOT_MODIFIED],
          bench->results[UT_CATALOG_UPDATE_NOT_NEWER], bench->results[UT_CATALOG_UPDATE_FAILED]);
  if (bench->first_error != NULL)
    printf ("  a client said “%s”\n", bench->first_error);
  printf ("  requests      %d (%d × 200, %d × 304, %d × 503), %.0f per second\n",
          server->requests - requests, server->ok - ok, server->not_modified - not_modified,
          server->unavailable - unavailable, (server->requests - requests) / wall);
  printf ("  bytes sent    %" G_GINT64_FORMAT " in bodies, %" G_GINT64_FORMAT " in headers; %.1f KB per client\n",
          server->body_bytes - body_bytes, server->header_bytes - header_bytes,
          (double) (server->body_bytes - body_bytes + server->header_bytes - header_bytes) / 1024.0 / clients);
  printf ("  client        %.2f ms CPU per check, %.0f KB more memory per client in flight (peak %.0f MB)\n",
          client_cpu * 1000.0 / clients, (double) (bench->peak_rss_kb - rss) / clients,
          (double) bench->peak_rss_kb / 1024.0);
  printf ("  server        %.3f ms CPU per request\n",
          server_cpu * 1000.0 / MAX (1, server->requests - requests));
  if (bench->waits->len > 0)
    printf ("  next check in %.2f h (soonest) … %.2f h (median) … %.2f h (latest)\n",
            (double) g_array_index (bench->waits, gint64, 0) / 3600.0,
            (double) g_array_index (bench->waits, gint64, bench->waits->len / 2) / 3600.0,
            (double) g_array_index (bench->waits, gint64, bench->waits->len - 1) / 3600.0);
}

static gsize
gzip_size (GBytes *bytes)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) compressed = g_converter_input_stream_new (plain, compressor);
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();

  g_output_stream_splice (sink, compressed, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL);
  return g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sink));
}

/* The real catalog with its version one higher: what a maintainer publishes next. */
static GBytes *
next_bundle (GBytes *bundled)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  char *data;
  gsize length;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), (gssize) g_bytes_get_size (bundled), &error))
    g_error ("The bundled catalog does not parse: %s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "version", json_object_get_int_member (root, "version") + 1);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = g_option_context_new ("— load test of the catalog update protocol");
  g_autofree char *key_path = NULL;
  int clients = 1000;
  GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path, "The test signing key (the build makes one)", "FILE" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "Clients at once (1000)", "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GBytes) private_key = NULL;
  g_autoptr(GBytes) raw_signature = NULL;
  g_autoptr(UtCatalog) old_catalog = NULL;
  g_autoptr(UtCatalog) new_catalog = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *signature_text = NULL;
  g_autofree char *root = NULL;
  Server server = { 0 };
  Bench bench = { 0 };
  GThread *thread;
  struct rlimit files;

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (key_path == NULL || clients < 1)
    g_error ("Usage: bench-update-load --key=FILE [--clients=N]");

  /* Each client holds a connection, and the server another. */
  if (getrlimit (RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max)
    {
      files.rlim_cur = files.rlim_max;
      setrlimit (RLIMIT_NOFILE, &files);
    }

  if (!g_file_get_contents (key_path, &key_text, NULL, &error) ||
      (private_key = ut_signature_decode (UT_SIGNATURE_KIND_PRIVATE_KEY, key_text, -1, &error)) == NULL)
    g_error ("The signing key cannot be read: %s", error->message);

  bundled = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  old_catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);

  server.bundle = next_bundle (bundled);
  raw_signature = ut_signature_sign (private_key, server.bundle);
  signature_text = ut_signature_encode (raw_signature);
  server.signature = g_bytes_new (signature_text, strlen (signature_text));
  server.bundle_etag = strong_etag (server.bundle);
  server.signature_etag = strong_etag (server.signature);
  new_catalog = ut_catalog_new_from_bytes (server.bundle, "bench", &error);
  g_assert_no_error (error);

  g_mutex_init (&server.lock);
  g_cond_init (&server.ready);
  server.context = g_main_context_new ();
  g_mutex_lock (&server.lock);
  thread = g_thread_new ("bench-server", server_thread, &server);
  while (server.port == 0)
    g_cond_wait (&server.ready, &server.lock);
  g_mutex_unlock (&server.lock);

  root = g_dir_make_tmp ("untrain-bench-update-XXXXXX", &error);
  g_assert_no_error (error);
  bench.server = &server;
  bench.root = root;
  bench.url = g_strdup_printf ("http://127.0.0.1:%u/catalog.json", server.port);
  bench.waits = g_array_new (FALSE, FALSE, sizeof (gint64));

  printf ("Catalog update protocol, %d clients at once against a static server on loopback\n", clients);
  printf ("bundle %" G_GSIZE_FORMAT " bytes (%" G_GSIZE_FORMAT " gzipped, as a CDN sends it), signature %" G_GSIZE_FORMAT " bytes\n",
          g_bytes_get_size (server.bundle), gzip_size (server.bundle), g_bytes_get_size (server.signature));

  round_run (&bench, "publish (a new catalog, every client downloads it)", old_catalog, (guint) clients);
  round_run (&bench, "quiet (nothing new: ETag and 304)", new_catalog, (guint) clients);
  g_atomic_int_set (&server.mode, SERVE_UNAVAILABLE);
  round_run (&bench, "outage (503, Retry-After: " G_STRINGIFY (RETRY_AFTER) ")", new_catalog, (guint) clients);

  g_atomic_int_set (&server.stop, TRUE);
  g_main_context_wakeup (server.context);
  g_thread_join (thread);

  ut_test_remove_tree (root);
  g_array_unref (bench.waits);
  g_free (bench.first_error);
  g_free (bench.url);
  g_free (server.bundle_etag);
  g_free (server.signature_etag);
  g_bytes_unref (server.bundle);
  g_bytes_unref (server.signature);
  g_main_context_unref (server.context);
  return 0;
}
