/* test-webdav.c — the sync folder client against a real WebDAV server (rclone serve webdav)
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rclone serves a folder of the test's own on loopback with a user name and password. What
 * rclone's server does not do (answer 304 to If-None-Match, or 507 when full) is answered by a
 * SoupServer in the test, also on loopback.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "ut-test-utils.h"
#include "ut-webdav.h"

#define USER     "anna"
#define PASSWORD "app-password-7Qx"

typedef struct
{
  char           *folder;     /* what rclone serves */
  GSubprocess    *rclone;
  char           *url;

  UtTestAsync     async;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (g_find_program_in_path ("rclone") == NULL)
    return;

  f->folder = g_dir_make_tmp ("untrain-webdav-XXXXXX", &error);
  g_assert_no_error (error);
  f->rclone = ut_test_rclone_start (f->folder, USER, PASSWORD, &f->url);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->rclone != NULL)
    {
      ut_test_rclone_stop (f->rclone);
      g_clear_object (&f->rclone);
    }
  if (f->folder != NULL)
    ut_test_remove_tree (f->folder);
  g_free (f->folder);
  g_free (f->url);
  ut_test_async_clear (&f->async);
}

static char *
put (Fixture    *f,
     UtWebdav   *dav,
     const char *name,
     const char *text,
     GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  ut_webdav_put_async (dav, name, bytes, NULL, NULL, ut_test_async_done_cb, &f->async);
  return ut_webdav_put_finish (dav, ut_test_async_wait (&f->async), error);
}

static GBytes *
get (Fixture    *f,
     UtWebdav   *dav,
     const char *name,
     const char *if_none_match,
     char      **etag,
     gboolean   *not_modified,
     GError    **error)
{
  ut_webdav_get_async (dav, name, if_none_match, NULL, ut_test_async_done_cb, &f->async);
  return ut_webdav_get_finish (dav, ut_test_async_wait (&f->async), etag, not_modified, error);
}

static GPtrArray *
list (Fixture   *f,
      UtWebdav  *dav,
      GError   **error)
{
  ut_webdav_list_async (dav, NULL, ut_test_async_done_cb, &f->async);
  return ut_webdav_list_finish (dav, ut_test_async_wait (&f->async), error);
}

/* Write, list with ETags, read back; a file written again gets a new ETag. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtWebdav) dav = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *read_etag = NULL;
  g_autofree char *second = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *path = NULL;
  gboolean not_modified = TRUE;

  if (f->rclone == NULL)
    {
      g_test_skip ("needs rclone (Debian package rclone)");
      return;
    }

  dav = ut_webdav_new (f->url, USER, PASSWORD, &error);
  g_assert_no_error (error);

  entries = list (f, dav, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  etag = put (f, dav, "0a1b2c.uts", "sealed bytes", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->folder, "0a1b2c.uts", NULL);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, "sealed bytes");

  second = put (f, dav, "ffee.uts", "other device", &error);
  g_assert_no_error (error);
  entries = list (f, dav, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      UtWebdavEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (g_str_equal (entry->name, "0a1b2c.uts") || g_str_equal (entry->name, "ffee.uts"));
      g_assert_nonnull (entry->etag);
      if (g_str_equal (entry->name, "0a1b2c.uts") && etag != NULL)
        g_assert_cmpstr (entry->etag, ==, etag);
    }

  body = get (f, dav, "0a1b2c.uts", NULL, &read_etag, &not_modified, &error);
  g_assert_no_error (error);
  g_assert_false (not_modified);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "sealed bytes", 12);
  g_assert_nonnull (read_etag);
  g_clear_pointer (&body, g_bytes_unref);

  /* Written again: another ETag in the listing, which is how a device knows to read it. */
  g_free (second);
  second = put (f, dav, "0a1b2c.uts", "sealed bytes, later", &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list (f, dav, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      UtWebdavEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->name, "0a1b2c.uts"))
        g_assert_cmpstr (entry->etag, !=, read_etag);
    }
}

/* Each way a request can fail says so in a sentence, and the password is asked for only once. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtWebdav) wrong = NULL;
  g_autoptr(UtWebdav) dav = NULL;
  g_autoptr(UtWebdav) down = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *nowhere = NULL;

  if (f->rclone == NULL)
    {
      g_test_skip ("needs rclone (Debian package rclone)");
      return;
    }

  wrong = ut_webdav_new (f->url, USER, "not-the-password", &error);
  g_assert_no_error (error);
  entries = list (f, wrong, &error);
  g_assert_null (entries);
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_AUTHENTICATION);
  g_assert_cmpstr (error->message, ==, "The sync server refused the user name or app password. "
                                       "Check them in Preferences; your progress here is unchanged.");
  g_clear_error (&error);

  dav = ut_webdav_new (f->url, USER, PASSWORD, &error);
  g_assert_no_error (error);
  body = get (f, dav, "missing.uts", NULL, NULL, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND);
  g_clear_error (&error);

  nowhere = g_strdup_printf ("http://127.0.0.1:%u/", ut_test_free_port ());
  down = ut_webdav_new (nowhere, USER, PASSWORD, &error);
  g_assert_no_error (error);
  entries = list (f, down, &error);
  g_assert_null (entries);
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, "Untrain could not reach the sync server. Check your "
                                       "connection and the server address; your progress here is "
                                       "unchanged.");
  g_clear_error (&error);

  /* Only https, or plain http to this machine. */
  g_assert_null (ut_webdav_new ("http://cloud.example.org/dav/", USER, PASSWORD, &error));
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_ADDRESS);
  g_clear_error (&error);
  g_assert_null (ut_webdav_new ("https://anna:pw@cloud.example.org/dav/", USER, PASSWORD, &error));
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_ADDRESS);
  g_clear_error (&error);
  g_assert_null (ut_webdav_new ("not an address", USER, PASSWORD, &error));
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_ADDRESS);
}

/* What rclone's server does not do: a 304 for an unchanged file, and 507 when the disk is full. */
static void
soup_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");

  if (g_str_equal (soup_server_message_get_method (msg), "PUT"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_INSUFFICIENT_STORAGE, NULL);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"v1\"");
  if (g_strcmp0 (if_none_match, "\"v1\"") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_STATIC, "v1 bytes", 8);
}

static void
test_not_modified_and_full (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UtWebdav) dav = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *url = NULL;
  g_autofree char *written = NULL;
  gboolean not_modified = FALSE;
  GSList *uris;

  soup_server_add_handler (server, NULL, soup_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/sync/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  dav = ut_webdav_new (url, USER, PASSWORD, &error);
  g_assert_no_error (error);
  body = get (f, dav, "a.uts", NULL, &etag, &not_modified, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (etag, ==, "\"v1\"");
  g_assert_false (not_modified);
  g_clear_pointer (&body, g_bytes_unref);

  body = get (f, dav, "a.uts", etag, NULL, &not_modified, &error);
  g_assert_no_error (error);
  g_assert_null (body);
  g_assert_true (not_modified);

  written = put (f, dav, "a.uts", "more", &error);
  g_assert_null (written);
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "The sync server is full (it answered “507 Insufficient "
                                       "Storage”). Free some space there; your progress here is "
                                       "unchanged.");
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/webdav/round-trip", Fixture, NULL, setup, test_round_trip, teardown);
  g_test_add ("/webdav/refusals", Fixture, NULL, setup, test_refusals, teardown);
  g_test_add ("/webdav/not-modified-and-full", Fixture, NULL, NULL, test_not_modified_and_full, teardown);

  return g_test_run ();
}
