/* test-check-links.c — untrain-catalog check-links against a loopback server
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ut-test-utils.h"

/* The server answers each way a catalog address can go wrong. The slow path never answers and
 * the reset path closes the connection without a word. */
static void
handler (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  GPtrArray *held = user_data;
  const char *method = soup_server_message_get_method (message);

  if (g_str_equal (path, "/ok"))
    soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/ok");
  else if (g_str_equal (path, "/gone"))
    soup_server_message_set_status (message, SOUP_STATUS_GONE, NULL);
  else if (g_str_equal (path, "/head-refused"))
    soup_server_message_set_status (message, g_str_equal (method, "HEAD") ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_OK, NULL);
  else if (g_str_equal (path, "/slow"))
    {
      g_ptr_array_add (held, g_object_ref (message));
      soup_server_message_pause (message);
    }
  else if (g_str_equal (path, "/reset"))
    {
      g_autoptr(GIOStream) connection = soup_server_message_steal_connection (message);

      g_io_stream_close (connection, NULL, NULL);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* Runs check-links on a record holding @paths, serving while it runs; returns its exit status. */
static int
check (const char         *base,
       const char * const *paths,
       const char         *report)
{
  g_autofree char *directory = g_dir_make_tmp ("untrain-links-XXXXXX", NULL);
  g_autofree char *record = g_build_filename (directory, "example.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"id\": \"example\", \"homepage\": \"");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  int status;

  g_string_append_printf (json, "%s/ok\", \"actions\": [", base);
  for (guint i = 0; paths[i] != NULL; i++)
    g_string_append_printf (json, "%s{\"url\": \"%s%s\"}", i > 0 ? ", " : "", base, paths[i]);
  g_string_append (json, "], \"sources\": [{\"url\": \"");
  g_string_append_printf (json, "%s/ok\"}]}", base);
  g_assert_true (g_file_set_contents (record, json->str, -1, NULL));

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("UNTRAIN_CATALOG_TOOL"),
                              "check-links", "--timeout", "2", "--json", report, record, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, exited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (process));
  status = g_subprocess_get_exit_status (process);
  ut_test_remove_tree (directory);
  return status;
}

static JsonObject *
find_link (JsonArray  *links,
           const char *suffix)
{
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);

      if (g_str_has_suffix (json_object_get_string_member (link, "url"), suffix))
        return link;
    }
  g_error ("no %s in the report", suffix);
  return NULL;
}

static void
test_check_links (void)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *report = g_build_filename (g_get_user_data_dir (), "links.json", NULL);
  g_autofree char *base = NULL;
  const char * const broken[] = { "/moved", "/gone", "/missing", "/head-refused", "/slow", "/reset", NULL };
  const char * const fine[] = { "/moved", "/head-refused", NULL };
  JsonObject *root, *link;
  JsonArray *links;
  GSList *uris;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  soup_server_add_handler (server, NULL, handler, held, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_assert_cmpint (check (base, broken, report), ==, 1);
  g_assert_true (json_parser_load_from_file (parser, report, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  links = json_object_get_array_member (root, "links");
  /* Each address once: /ok is the home page and a source. */
  g_assert_cmpint (json_object_get_int_member (root, "checked"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (root, "broken"), ==, 4);

  link = find_link (links, "/ok");
  g_assert_cmpint (json_object_get_int_member (link, "status"), ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (link, "used_at")), ==, 2);
  link = find_link (links, "/moved");
  g_assert_cmpint (json_object_get_int_member (link, "status"), ==, 200);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (link, "redirected_to"), "/ok"));
  g_assert_false (json_object_get_boolean_member (link, "broken"));
  link = find_link (links, "/head-refused");
  g_assert_cmpint (json_object_get_int_member (link, "status"), ==, 200);
  g_assert_cmpint (json_object_get_int_member (find_link (links, "/gone"), "status"), ==, 410);
  g_assert_cmpint (json_object_get_int_member (find_link (links, "/missing"), "status"), ==, 404);
  link = find_link (links, "/slow");
  g_assert_true (json_object_get_boolean_member (link, "broken"));
  g_assert_cmpstr (json_object_get_string_member (link, "error"), ==, "no answer within 2 s");
  link = find_link (links, "/reset");
  g_assert_true (json_object_get_boolean_member (link, "broken"));
  g_assert_cmpint (json_object_get_int_member (link, "status"), ==, 0);

  /* Nothing broken: exit 0. */
  g_assert_cmpint (check (base, fine, report), ==, 0);

  for (guint i = 0; i < held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (held, i));
}

/* stale lists the records last reviewed before the cut-off, oldest first, and counts them. */
static void
test_stale (void)
{
  g_autofree char *directory = g_dir_make_tmp ("untrain-stale-XXXXXX", NULL);
  g_autofree char *old = g_build_filename (directory, "old.json", NULL);
  g_autofree char *older = g_build_filename (directory, "older.json", NULL);
  g_autofree char *fresh = g_build_filename (directory, "fresh.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *fresh_json = g_strdup_printf ("{\"id\": \"fresh\", \"reviewed\": \"%s\"}", today);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (g_file_set_contents (old, "{\"id\": \"old\", \"reviewed\": \"2025-06-01\"}", -1, NULL));
  g_assert_true (g_file_set_contents (older, "{\"id\": \"older\", \"reviewed\": \"2024-01-15\"}", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, fresh_json, -1, NULL));
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("UNTRAIN_CATALOG_TOOL"),
                              "stale", "--days", "90", fresh, old, older, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (out, "2024-01-15  older\n2025-06-01  old\n2 of 3 records last reviewed before "));
  ut_test_remove_tree (directory);
}

int
main (int   argc,
      char *argv[])
{
  /* As in test-catalog-update: the tool inherits this, and the loopback server is reached
   * directly, with no system proxy settings to read. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/check-links/answers", test_check_links);
  g_test_add_func ("/check-links/stale", test_stale);
  return g_test_run ();
}
