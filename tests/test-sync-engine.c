/* test-sync-engine.c — two computers syncing progress through a real WebDAV server
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rclone serves a folder on loopback; two devices, each with its own data folder and clock, set
 * up, change progress and sync. Secrets go through libsecret's file backend (a keyring file under
 * the test's home, which the test also searches for the password). A SoupServer answers what
 * rclone never does: 507 Insufficient Storage.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "ut-identity-store.h"
#include "ut-progress.h"
#include "ut-sync-credentials.h"
#include "ut-sync-crypto.h"
#include "ut-sync-document.h"
#include "ut-sync-scheduler.h"
#include "ut-sync.h"
#include "ut-test-utils.h"
#include "ut-webdav.h"

#define USER     "anna"
#define PASSWORD "app-password-Zk4q9"

typedef struct
{
  char       *directory;
  UtProgress *progress;
  UtSync     *sync;
  gint64      skew_minutes;   /* how wrong this device's clock is */
} Device;

typedef struct
{
  char         *served;
  GSubprocess  *rclone;
  char         *url;
  UtCatalog    *catalog;
  gint64        minutes;      /* the time now, in minutes after the test's start */
  Device        a;
  Device        b;

  UtTestAsync   async;
} Fixture;

static char *home;   /* everything the test writes: served folder, devices, keyring */
static const char * const device_names[] = { "laptop", "desktop", "third" };

static GDateTime *
device_clock (gpointer user_data)
{
  Device *device = user_data;
  Fixture *f = g_object_get_data (G_OBJECT (device->progress), "fixture");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 30, 10, 0, 0);

  return g_date_time_add_minutes (start, (int) (f->minutes + device->skew_minutes));
}

static void
device_init (Fixture    *f,
             Device     *device,
             const char *name)
{
  g_autoptr(GError) error = NULL;

  device->directory = g_build_filename (home, name, NULL);
  device->progress = ut_progress_new (device->directory);
  g_object_set_data (G_OBJECT (device->progress), "fixture", f);
  ut_progress_set_clock (device->progress, device_clock, device);
  g_assert_true (ut_progress_load (device->progress, &error));
  g_assert_no_error (error);
  device->sync = ut_sync_new (device->progress);
  g_assert_true (ut_sync_load (device->sync, &error));
  g_assert_no_error (error);
}

static void
device_clear (Device *device)
{
  g_clear_object (&device->sync);
  g_clear_object (&device->progress);
  g_clear_pointer (&device->directory, g_free);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->served = g_build_filename (home, "served", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->served, 0700), ==, 0);
  f->rclone = ut_test_rclone_start (f->served, USER, PASSWORD, &f->url);
  f->catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  device_init (f, &f->a, device_names[0]);
  device_init (f, &f->b, device_names[1]);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ut_test_rclone_stop (f->rclone);
  g_clear_object (&f->rclone);
  device_clear (&f->a);
  device_clear (&f->b);
  g_clear_object (&f->catalog);
  ut_test_async_clear (&f->async);
  g_free (f->url);
  /* The keyring file stays: libsecret keeps it open for the whole run. */
  for (guint i = 0; i < G_N_ELEMENTS (device_names); i++)
    {
      g_autofree char *path = g_build_filename (home, device_names[i], NULL);

      ut_test_remove_tree (path);
    }
  ut_test_remove_tree (f->served);
  g_free (f->served);
}

static char *
set_up (Fixture    *f,
        Device     *device,
        const char *password,
        const char *code,
        GError    **error)
{
  ut_sync_set_up_async (device->sync, f->url, USER, password, code, NULL, ut_test_async_done_cb, &f->async);
  return ut_sync_set_up_finish (device->sync, ut_test_async_wait (&f->async), error);
}

static gboolean
sync_now (Fixture *f,
          Device  *device,
          guint   *n_changed,
          GError **error)
{
  ut_sync_run_async (device->sync, NULL, ut_test_async_done_cb, &f->async);
  return ut_sync_run_finish (device->sync, ut_test_async_wait (&f->async), n_changed, error);
}

static void
sync_ok (Fixture *f,
         Device  *device)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_now (f, device, NULL, &error));
  g_assert_no_error (error);
}

/* The first device sets up with a new key; the second joins with its recovery code. */
static void
set_up_both (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = set_up (f, &f->a, PASSWORD, NULL, &error);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (code);
  sync_ok (f, &f->a);
  joined = set_up (f, &f->b, PASSWORD, code, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined, ==, code);
}

static UtProfile *
me (Device *device)
{
  return ut_progress_get_default_profile (device->progress);
}

static void
use (Fixture    *f,
     Device     *device,
     const char *platform)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { platform, NULL };

  g_assert_true (ut_progress_set_platforms_used (device->progress, me (device), ids, TRUE, &error));
  g_assert_no_error (error);
}

static void
mark (Fixture       *f,
      Device        *device,
      const char    *platform,
      const char    *action,
      UtActionState  state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ut_progress_set_state (device->progress, me (device), ut_catalog_lookup (f->catalog, platform),
                                        action, state, &error));
  g_assert_no_error (error);
}

static UtActionState
state_of (Device     *device,
          const char *platform,
          const char *action)
{
  const UtRecord *record = ut_profile_lookup_record (me (device), platform, action);

  return record != NULL ? record->state : UT_ACTION_STATE_TODO;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The progress as text. Each computer keeps its platforms in the order they were added there,
 * so they are compared in alphabetical order. */
static char *
progress_text (Device *device)
{
  g_autoptr(JsonNode) node = ut_progress_to_json (device->progress, NULL);
  JsonArray *profiles = json_object_get_array_member (json_node_get_object (node), "profiles");

  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonObject *profile = json_array_get_object_element (profiles, i);
      JsonArray *platforms = json_object_get_array_member (profile, "platforms");
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      JsonArray *sorted = json_array_new ();

      for (guint j = 0; j < json_array_get_length (platforms); j++)
        g_ptr_array_add (ids, g_strdup (json_array_get_string_element (platforms, j)));
      g_ptr_array_sort (ids, compare_strings);
      for (guint j = 0; j < ids->len; j++)
        json_array_add_string_element (sorted, g_ptr_array_index (ids, j));
      json_object_set_array_member (profile, "platforms", sorted);
    }

  return json_to_string (node, FALSE);
}

static gboolean
skip_without_rclone (Fixture *f)
{
  if (f->rclone != NULL)
    return FALSE;
  g_test_skip ("needs rclone (Debian package rclone)");
  return TRUE;
}

/* Both mark different actions, sync, and both see both; a region chosen on the first device is
 * not replaced by the region the second one guessed before it joined. */
static void
test_two_devices (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  guint n_changed = 0;

  if (skip_without_rclone (f))
    return;

  use (f, &f->a, "linkedin");
  g_assert_true (ut_progress_set_region (f->a.progress, me (&f->a), UT_REGION_EU, &error));
  g_assert_no_error (error);
  mark (f, &f->a, "linkedin", "turn-off-training", UT_ACTION_STATE_DONE);
  use (f, &f->b, "chatgpt");
  f->minutes++;
  mark (f, &f->b, "chatgpt", "turn-off-improve-model", UT_ACTION_STATE_DONE);
  g_assert_true (ut_progress_add_request_event (f->b.progress, me (&f->b), "chatgpt", UT_REQUEST_EVENT_SENT,
                                                "2026-11-30", "email", &error));
  g_assert_no_error (error);

  set_up_both (f);
  g_assert_true (sync_now (f, &f->b, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, >, 0);
  sync_ok (f, &f->a);

  for (Device *device = &f->a; device != NULL; device = device == &f->a ? &f->b : NULL)
    {
      g_assert_cmpint (state_of (device, "linkedin", "turn-off-training"), ==, UT_ACTION_STATE_DONE);
      g_assert_cmpint (state_of (device, "chatgpt", "turn-off-improve-model"), ==, UT_ACTION_STATE_DONE);
      g_assert_true (ut_profile_uses_platform (me (device), "linkedin"));
      g_assert_true (ut_profile_uses_platform (me (device), "chatgpt"));
      g_assert_cmpint (ut_profile_get_region (me (device)), ==, UT_REGION_EU);
      g_assert_nonnull (ut_profile_lookup_request (me (device), "chatgpt"));
      g_assert_cmpuint (ut_profile_lookup_request (me (device), "chatgpt")->events->len, ==, 1);
      g_assert_true (ut_profile_get_region_confirmed (me (device)));
      g_assert_nonnull (ut_sync_get_last_synced (device->sync));
      g_assert_null (ut_sync_get_problem (device->sync));
    }

  /* Converged: the same progress, and a sync with nothing new changes nothing. */
  a_text = progress_text (&f->a);
  b_text = progress_text (&f->b);
  g_assert_cmpstr (a_text, ==, b_text);
  g_assert_true (sync_now (f, &f->a, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);

  /* What the app shows was saved: a fresh start on the second device reads it. */
  {
    g_autoptr(UtProgress) reread = ut_progress_new (f->b.directory);

    g_assert_true (ut_progress_load (reread, &error));
    g_assert_no_error (error);
    g_assert_cmpint (ut_profile_lookup_record (ut_progress_get_default_profile (reread), "linkedin",
                                               "turn-off-training")->state, ==, UT_ACTION_STATE_DONE);
  }
}

static const UtSyncVersion *
history_holds (Device        *device,
               const char    *platform,
               const char    *action,
               const char    *state)
{
  g_autoptr(UtSyncDocument) document = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *path = g_build_filename (device->directory, "sync-document.json", NULL);
  g_autofree char *key = ut_sync_record_key ("me", platform, action);
  g_autofree char *contents = ut_test_read_file (path);
  g_autoptr(JsonNode) root = json_from_string (contents, NULL);

  document = ut_sync_document_from_json (root, NULL);
  g_assert_nonnull (document);
  history = ut_sync_document_get_history (document, key);
  for (guint i = 0; i < history->len; i++)
    {
      const UtSyncVersion *version = g_ptr_array_index (history, i);

      if (version->value != NULL &&
          g_str_equal (json_object_get_string_member (json_node_get_object (version->value), "state"), state))
        return version;
    }
  return NULL;
}

/* The first device's clock is an hour fast. It marks an action done and syncs; the second,
 * whose clock is right, reads that and then skips the action. The skip is the later change and
 * must win everywhere, though its wall time is earlier; the "done" stays in the history. Without
 * the hybrid clock, the fast clock would undo the skip. */
static void
test_skewed_clocks (Fixture       *f,
                    gconstpointer  data)
{
  if (skip_without_rclone (f))
    return;

  f->a.skew_minutes = 60;
  use (f, &f->a, "linkedin");
  use (f, &f->b, "linkedin");
  set_up_both (f);

  mark (f, &f->a, "linkedin", "turn-off-training", UT_ACTION_STATE_DONE);
  sync_ok (f, &f->a);
  f->minutes += 5;
  sync_ok (f, &f->b);
  g_assert_cmpint (state_of (&f->b, "linkedin", "turn-off-training"), ==, UT_ACTION_STATE_DONE);
  mark (f, &f->b, "linkedin", "turn-off-training", UT_ACTION_STATE_SKIPPED);
  sync_ok (f, &f->b);
  sync_ok (f, &f->a);

  g_assert_cmpint (state_of (&f->a, "linkedin", "turn-off-training"), ==, UT_ACTION_STATE_SKIPPED);
  g_assert_cmpint (state_of (&f->b, "linkedin", "turn-off-training"), ==, UT_ACTION_STATE_SKIPPED);
  g_assert_nonnull (history_holds (&f->a, "linkedin", "turn-off-training", "done"));

  /* Changed on both without a sync between: the one made later wins on both, the other is kept. */
  f->a.skew_minutes = 0;
  f->minutes += 10;
  mark (f, &f->a, "linkedin", "objection-form", UT_ACTION_STATE_NOT_APPLICABLE);
  f->minutes += 3;
  mark (f, &f->b, "linkedin", "objection-form", UT_ACTION_STATE_DONE);
  sync_ok (f, &f->b);
  sync_ok (f, &f->a);
  sync_ok (f, &f->b);
  g_assert_cmpint (state_of (&f->a, "linkedin", "objection-form"), ==, UT_ACTION_STATE_DONE);
  g_assert_cmpint (state_of (&f->b, "linkedin", "objection-form"), ==, UT_ACTION_STATE_DONE);
  g_assert_nonnull (history_holds (&f->a, "linkedin", "objection-form", "not-applicable"));
  g_assert_nonnull (history_holds (&f->b, "linkedin", "objection-form", "not-applicable"));
}

/* The second device stays away while the first changes things over several syncs, removes a
 * platform and deletes a profile; when it syncs again it has all of it, deletions included. */
static void
test_catch_up_and_deletions (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *chatgpt[] = { "chatgpt", NULL };
  UtProfile *partner;

  if (skip_without_rclone (f))
    return;

  use (f, &f->a, "linkedin");
  use (f, &f->a, "chatgpt");
  partner = ut_progress_add_profile (f->a.progress, "Partner", UT_REGION_UK, &error);
  g_assert_no_error (error);
  set_up_both (f);
  sync_ok (f, &f->b);
  g_assert_nonnull (ut_progress_lookup_profile (f->b.progress, "Partner"));

  for (guint i = 0; i < 3; i++)
    {
      f->minutes += 60;
      mark (f, &f->a, "linkedin", i % 2 == 0 ? "turn-off-training" : "objection-form", UT_ACTION_STATE_DONE);
      sync_ok (f, &f->a);
    }
  g_assert_true (ut_progress_set_platforms_used (f->a.progress, me (&f->a), chatgpt, FALSE, &error));
  g_assert_true (ut_progress_remove_profile (f->a.progress, partner, &error));
  g_assert_no_error (error);
  sync_ok (f, &f->a);

  f->minutes += 60 * 24 * 7;
  sync_ok (f, &f->b);
  g_assert_cmpint (state_of (&f->b, "linkedin", "turn-off-training"), ==, UT_ACTION_STATE_DONE);
  g_assert_cmpint (state_of (&f->b, "linkedin", "objection-form"), ==, UT_ACTION_STATE_DONE);
  g_assert_false (ut_profile_uses_platform (me (&f->b), "chatgpt"));
  g_assert_true (ut_profile_uses_platform (me (&f->b), "linkedin"));
  g_assert_null (ut_progress_lookup_profile (f->b.progress, "Partner"));
  g_assert_cmpuint (g_list_model_get_n_items (ut_progress_get_profiles (f->b.progress)), ==, 1);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize needle_length = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Sealed files hold zero bytes, so no string search. */
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (contents + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Every file under @directory, recursively. */
static void
list_files (const char *directory,
            GPtrArray  *files)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

/* The server sees no platform, profile or account; nothing under the test's home, the keyring
 * file included, holds the app password or the recovery code in the clear. */
static void
test_nothing_readable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) served = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) everything = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  const char *secrets[] = { "linkedin", "LinkedIn", "chatgpt", "Partner Anna", "turn-off-training", NULL };

  if (skip_without_rclone (f))
    return;

  use (f, &f->a, "linkedin");
  use (f, &f->a, "chatgpt");
  mark (f, &f->a, "linkedin", "turn-off-training", UT_ACTION_STATE_DONE);
  ut_progress_add_profile (f->a.progress, "Partner Anna", UT_REGION_CH, &error);
  g_assert_no_error (error);
  code = set_up (f, &f->a, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  sync_ok (f, &f->a);
  g_free (set_up (f, &f->b, PASSWORD, code, &error));
  g_assert_no_error (error);
  sync_ok (f, &f->b);
  g_assert_nonnull (ut_progress_lookup_profile (f->b.progress, "Partner Anna"));

  list_files (f->served, served);
  g_assert_cmpuint (served->len, ==, 2);
  for (guint i = 0; i < served->len; i++)
    {
      const char *path = g_ptr_array_index (served, i);
      g_autofree char *name = g_path_get_basename (path);

      g_assert_true (g_str_has_suffix (name, ".uts"));
      g_assert_cmpuint (strspn (name, "0123456789abcdef"), ==, 32);
      for (guint j = 0; secrets[j] != NULL; j++)
        g_assert_false (file_contains (path, secrets[j]));
    }

  list_files (home, everything);
  g_assert_cmpuint (everything->len, >, served->len);
  for (guint i = 0; i < everything->len; i++)
    {
      const char *path = g_ptr_array_index (everything, i);

      g_assert_false (file_contains (path, PASSWORD));
      g_assert_false (file_contains (path, code));
    }
}

/* A SoupServer answering a listing with nothing in it, and every write with 507. */
static void
full_server_handler (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  static const char listing[] =
    "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/</d:href><d:propstat>"
    "<d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status>"
    "</d:propstat></d:response></d:multistatus>";

  if (g_str_equal (soup_server_message_get_method (msg), "PROPFIND"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_MULTI_STATUS, NULL);
      soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_STATIC, listing, strlen (listing));
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_INSUFFICIENT_STORAGE, NULL);
}

static void
assert_refused (Fixture     *f,
                Device      *device,
                const char  *before,
                GQuark       domain,
                int          code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_false (sync_now (f, device, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (ut_sync_get_problem (device->sync), ==, error->message);
  after = progress_text (device);
  g_assert_cmpstr (after, ==, before);
}

/* Puts a file in the sync folder through the server (rclone caches its listing, so a file
 * written beside it would not be seen): sealed under @key, then cut to @keep bytes or with its
 * last byte flipped when asked. */
static void
put_sealed (Fixture    *f,
            GBytes     *key,
            const char *name,
            const char *text,
            gssize      keep,
            gboolean    flip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) sealed = ut_sync_seal (key, plain, NULL);
  g_autoptr(UtWebdav) dav = ut_webdav_new (f->url, USER, PASSWORD, &error);
  g_autoptr(GBytes) sent = NULL;
  g_autofree char *etag = NULL;
  gsize length;
  guint8 *bytes = g_bytes_unref_to_data (g_steal_pointer (&sealed), &length);

  g_assert_no_error (error);
  if (flip)
    bytes[length - 1] ^= 1;
  sent = g_bytes_new_take (bytes, keep >= 0 ? (gsize) keep : length);
  ut_webdav_put_async (dav, name, sent, NULL, NULL, ut_test_async_done_cb, &f->async);
  etag = ut_webdav_put_finish (dav, ut_test_async_wait (&f->async), &error);
  g_assert_no_error (error);
}

/* Refusals: each with its sentence, and nothing lost here. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtSyncCredentials) wrong = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GBytes) other_key = NULL;
  g_autoptr(SoupServer) full = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *code = NULL;
  g_autofree char *before = NULL;
  g_autofree char *full_url = NULL;

  if (skip_without_rclone (f))
    return;

  /* A wrong password at set-up. */
  g_assert_null (set_up (f, &f->a, "not-the-password", NULL, &error));
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_AUTHENTICATION);
  g_assert_false (ut_sync_is_set_up (f->a.sync));
  g_clear_error (&error);

  use (f, &f->a, "linkedin");
  mark (f, &f->a, "linkedin", "turn-off-training", UT_ACTION_STATE_DONE);
  set_up_both (f);
  sync_ok (f, &f->b);
  mark (f, &f->b, "linkedin", "objection-form", UT_ACTION_STATE_SKIPPED);
  before = progress_text (&f->b);

  /* A wrong recovery code on another computer. */
  other_key = ut_sync_key_generate (&error);
  g_assert_no_error (error);
  code = ut_sync_recovery_code_encode (other_key);
  {
    g_autofree char *directory = g_build_filename (home, "third", NULL);
    g_autoptr(UtProgress) progress = ut_progress_new (directory);
    g_autoptr(UtSync) third = ut_sync_new (progress);

    ut_sync_set_up_async (third, f->url, USER, PASSWORD, code, NULL, ut_test_async_done_cb, &f->async);
    g_assert_null (ut_sync_set_up_finish (third, ut_test_async_wait (&f->async), &error));
    g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_OTHER_KEY);
    g_clear_error (&error);
    /* And setting up a new key in a folder in use. */
    ut_sync_set_up_async (third, f->url, USER, PASSWORD, NULL, NULL, ut_test_async_done_cb, &f->async);
    g_assert_null (ut_sync_set_up_finish (third, ut_test_async_wait (&f->async), &error));
    g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE);
    g_clear_error (&error);
  }

  /* Files that cannot be used are left alone and named; the rest still merges. */
  ut_sync_credentials_lookup_async (f->url, USER, NULL, ut_test_async_done_cb, &f->async);
  {
    g_autoptr(UtSyncCredentials) credentials = ut_sync_credentials_lookup_finish (ut_test_async_wait (&f->async), &error);

    g_assert_no_error (error);
    key = g_bytes_ref (credentials->key);
  }
  put_sealed (f, other_key, "00000000000000000000000000000001.uts", "{}", -1, FALSE);
  put_sealed (f, key, "00000000000000000000000000000002.uts", "{\"format\": 1}", 20, FALSE);
  put_sealed (f, key, "00000000000000000000000000000003.uts", "not a document", -1, FALSE);
  put_sealed (f, key, "00000000000000000000000000000004.uts", "{\"format\": 1}", -1, TRUE);
  f->minutes += 1;
  mark (f, &f->a, "linkedin", "turn-off-training", UT_ACTION_STATE_TODO);
  sync_ok (f, &f->a);
  sync_ok (f, &f->b);
  g_assert_cmpint (state_of (&f->b, "linkedin", "turn-off-training"), ==, UT_ACTION_STATE_TODO);
  g_assert_cmpint (state_of (&f->b, "linkedin", "objection-form"), ==, UT_ACTION_STATE_SKIPPED);
  g_assert_nonnull (ut_sync_get_problem (f->b.sync));
  g_assert_nonnull (strstr (ut_sync_get_problem (f->b.sync), "another recovery code"));
  g_assert_nonnull (strstr (ut_sync_get_problem (f->b.sync), "changed after Untrain wrote it"));
  g_assert_nonnull (strstr (ut_sync_get_problem (f->b.sync), "does not hold progress"));
  g_assert_nonnull (strstr (ut_sync_get_problem (f->b.sync), "not one Untrain wrote"));
  g_clear_pointer (&before, g_free);
  before = progress_text (&f->b);

  /* A document that opens but holds progress the progress file's rules refuse (a profile without
   * a name): refused as a whole, nothing merged here, nothing of it kept. */
  put_sealed (f, key, "00000000000000000000000000000005.uts",
              "{\"format\": 1, \"device\": \"other\", \"elements\": {\"profile/bad\": {\"stamp\": "
              "\"9999999999999.0\", \"device\": \"other\", \"value\": {\"name\": \"\", \"region\": \"EU\", "
              "\"region_confirmed\": false}}}}", -1, FALSE);
  {
    g_autofree char *document_path = g_build_filename (f->b.directory, "sync-document.json", NULL);
    g_autofree char *document = NULL;
    g_autofree char *after = NULL;

    g_assert_false (sync_now (f, &f->b, NULL, &error));
    g_assert_nonnull (strstr (error->message, "could not be used here, so nothing was changed"));
    g_clear_error (&error);
    after = progress_text (&f->b);
    g_assert_cmpstr (after, ==, before);
    document = ut_test_read_file (document_path);
    g_assert_null (strstr (document, "profile/bad"));
  }

  /* The password changed on the server: refused, nothing changes here. */
  wrong = ut_sync_credentials_new (f->url, USER, "an-old-password", key);
  ut_sync_credentials_store_async (wrong, NULL, ut_test_async_done_cb, &f->async);
  g_assert_true (ut_sync_credentials_store_finish (ut_test_async_wait (&f->async), &error));
  g_assert_no_error (error);
  assert_refused (f, &f->b, before, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_AUTHENTICATION);

  /* The server is down. */
  ut_test_rclone_stop (f->rclone);
  g_clear_object (&f->rclone);
  assert_refused (f, &f->b, before, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NETWORK);
  g_assert_nonnull (ut_sync_get_last_synced (f->b.sync));

  /* A full server: the set-up finds the folder, the write is refused with 507. */
  full = soup_server_new (NULL, NULL);
  soup_server_add_handler (full, NULL, full_server_handler, NULL, NULL);
  soup_server_listen_local (full, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (full);
  full_url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  ut_sync_set_up_async (f->b.sync, full_url, USER, PASSWORD, NULL, NULL, ut_test_async_done_cb, &f->async);
  g_free (ut_sync_set_up_finish (f->b.sync, ut_test_async_wait (&f->async), &error));
  g_assert_no_error (error);
  assert_refused (f, &f->b, before, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_FULL);
  soup_server_disconnect (full);
}

/* Stopping removes the keyring items and the state; progress stays. */
static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_without_rclone (f))
    return;

  use (f, &f->a, "linkedin");
  set_up_both (f);
  sync_ok (f, &f->b);
  before = progress_text (&f->b);
  ut_sync_stop_async (f->b.sync, NULL, ut_test_async_done_cb, &f->async);
  g_assert_true (ut_sync_stop_finish (f->b.sync, ut_test_async_wait (&f->async), &error));
  g_assert_no_error (error);
  g_assert_false (ut_sync_is_set_up (f->b.sync));
  after = progress_text (&f->b);
  g_assert_cmpstr (after, ==, before);

  ut_sync_credentials_lookup_async (f->url, USER, NULL, ut_test_async_done_cb, &f->async);
  g_assert_null (ut_sync_credentials_lookup_finish (ut_test_async_wait (&f->async), &error));
  g_assert_no_error (error);
  g_assert_false (sync_now (f, &f->b, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
}

/* The first computer has an account identity in its keyring; the second, whose keyring holds
 * none, learns that it exists there, never what it is; once removed, it learns that too. */
static void
test_identities_elsewhere (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtIdentityStore) store = ut_identity_store_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) elsewhere = NULL;
  g_auto(GStrv) gone = NULL;

  if (skip_without_rclone (f))
    return;

  use (f, &f->a, "linkedin");
  g_assert_true (ut_identity_store_store_sync (store, "me", "linkedin", "anna@example.org", NULL, &error));
  g_assert_no_error (error);
  ut_sync_set_identity_store (f->a.sync, store);
  set_up_both (f);
  sync_ok (f, &f->b);
  elsewhere = ut_sync_list_identities_elsewhere (f->b.sync, "me");
  g_assert_cmpstrv (elsewhere, ((const char *[]) { "linkedin", NULL }));

  list_files (home, files);
  for (guint i = 0; i < files->len; i++)
    if (!g_str_has_suffix (g_ptr_array_index (files, i), "keyring"))
      g_assert_false (file_contains (g_ptr_array_index (files, i), "anna@example.org"));

  g_assert_true (ut_identity_store_delete_sync (store, "me", "linkedin", NULL, &error));
  g_assert_no_error (error);
  f->minutes++;
  sync_ok (f, &f->a);
  sync_ok (f, &f->b);
  gone = ut_sync_list_identities_elsewhere (f->b.sync, "me");
  g_assert_cmpstrv (gone, ((const char *[]) { NULL }));
}

typedef struct
{
  UtSyncScheduler *scheduler;
  guint            runs;
  Device          *device;
} RunsAtLeast;

static gboolean
ran (gpointer data)
{
  RunsAtLeast *wanted = data;

  return ut_sync_scheduler_get_n_runs (wanted->scheduler) >= wanted->runs && !ut_sync_is_busy (wanted->device->sync);
}

/* The app's schedule: a sync at start, one after a burst of changes (not one per change), and
 * the next while open; a sync set up later is picked up. Nothing runs while sync is not set up. */
static void
test_scheduler (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(UtSyncScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  RunsAtLeast wanted = { NULL, 1, &f->a };

  if (skip_without_rclone (f))
    return;

  scheduler = ut_sync_scheduler_new (f->a.sync, f->a.progress);
  wanted.scheduler = scheduler;
  /* The quarter hour while open stays long: only the first two occasions may start a sync. */
  ut_sync_scheduler_set_delays (scheduler, 0, 100, G_MAXINT);
  ut_sync_scheduler_start (scheduler);
  use (f, &f->a, "linkedin");
  g_assert_cmpuint (ut_sync_scheduler_get_n_runs (scheduler), ==, 0);

  /* Set up later: the set-up itself is the occasion. */
  code = set_up (f, &f->a, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  ut_test_wait_until (ran, &wanted, 20);
  g_assert_cmpuint (ut_sync_scheduler_get_n_runs (scheduler), ==, 1);

  /* Five changes in a row: one sync, a moment after the last. */
  for (guint i = 0; i < 5; i++)
    mark (f, &f->a, "linkedin", i % 2 ? "objection-form" : "turn-off-training", UT_ACTION_STATE_DONE);
  wanted.runs = 2;
  ut_test_wait_until (ran, &wanted, 20);
  g_assert_cmpuint (ut_sync_scheduler_get_n_runs (scheduler), ==, 2);

  /* What it sent arrives on the other computer. */
  g_free (set_up (f, &f->b, PASSWORD, code, &error));
  g_assert_no_error (error);
  sync_ok (f, &f->b);
  g_assert_cmpint (state_of (&f->b, "linkedin", "objection-form"), ==, UT_ACTION_STATE_DONE);
}

/* The progress file is damaged and Untrain falls back on its backup, which lacks the last change
 * made here: the next sync brings that change back from this computer's own file on the server
 * instead of sending its absence as a deletion. A file from a newer Untrain is not synced at all. */
static void
test_recovered_progress (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (skip_without_rclone (f))
    return;

  use (f, &f->a, "linkedin");
  set_up_both (f);
  sync_ok (f, &f->b);
  use (f, &f->a, "chatgpt");
  sync_ok (f, &f->a);

  /* A damaged file: the backup, without chatgpt, is what loads. */
  path = g_build_filename (f->a.directory, "progress.json", NULL);
  g_assert_true (g_file_set_contents (path, "{", -1, NULL));
  device_clear (&f->a);
  device_init (f, &f->a, device_names[0]);
  g_assert_nonnull (ut_progress_get_recovery (f->a.progress));
  g_assert_false (ut_profile_uses_platform (me (&f->a), "chatgpt"));

  sync_ok (f, &f->a);
  g_assert_true (ut_profile_uses_platform (me (&f->a), "chatgpt"));
  sync_ok (f, &f->b);
  g_assert_true (ut_profile_uses_platform (me (&f->b), "chatgpt"));
  g_assert_true (ut_profile_uses_platform (me (&f->b), "linkedin"));

  /* Written by a newer Untrain: refused, nothing sent. */
  g_assert_true (g_file_set_contents (path, "{\"format\": 99, \"profiles\": []}", -1, NULL));
  device_clear (&f->a);
  f->a.directory = g_build_filename (home, device_names[0], NULL);
  f->a.progress = ut_progress_new (f->a.directory);
  g_object_set_data (G_OBJECT (f->a.progress), "fixture", f);
  ut_progress_set_clock (f->a.progress, device_clock, &f->a);
  g_assert_false (ut_progress_load (f->a.progress, &error));
  g_clear_error (&error);
  f->a.sync = ut_sync_new (f->a.progress);
  g_assert_true (ut_sync_load (f->a.sync, &error));
  g_assert_false (sync_now (f, &f->a, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  sync_ok (f, &f->b);
  g_assert_true (ut_profile_uses_platform (me (&f->b), "chatgpt"));
}

/* A folder named at set-up that is not there yet is made; one whose parent is missing is not. */
static void
test_creates_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = NULL;
  g_autofree char *orphan = NULL;
  g_autofree char *made = g_build_filename (home, "served", "Untrain", NULL);

  if (skip_without_rclone (f))
    return;

  folder = g_strconcat (f->url, "Untrain/", NULL);
  ut_sync_set_up_async (f->a.sync, folder, USER, PASSWORD, NULL, NULL, ut_test_async_done_cb, &f->async);
  g_free (ut_sync_set_up_finish (f->a.sync, ut_test_async_wait (&f->async), &error));
  g_assert_no_error (error);
  sync_ok (f, &f->a);
  list_files (made, files);
  g_assert_cmpuint (files->len, ==, 1);

  orphan = g_strconcat (f->url, "missing/Untrain/", NULL);
  ut_sync_set_up_async (f->b.sync, orphan, USER, PASSWORD, NULL, NULL, ut_test_async_done_cb, &f->async);
  g_assert_null (ut_sync_set_up_finish (f->b.sync, ut_test_async_wait (&f->async), &error));
  g_assert_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND);
  g_assert_false (ut_sync_is_set_up (f->b.sync));
}

/* Runs untrain as a computer whose data and keyring are in home/@device, with @input on its
 * standard input. */
static int
run_cli (const char  *device,
         const char  *input,
         char       **out,
         char       **err,
         ...)
{
  g_autofree char *data = g_build_filename (home, device, "data", NULL);
  g_autofree char *keyring = g_build_filename (home, device, "keyring", NULL);
  g_autoptr(GSubprocessLauncher) launcher = ut_test_launcher (data, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_ptr_array_add (argv, (gpointer) ut_test_untrain_binary ());
  va_start (args, err);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error);
  g_assert_no_error (error);
  g_test_message ("untrain %s → %d\nstdout: %s\nstderr: %s", (const char *) argv->pdata[1],
                  g_subprocess_get_exit_status (process), *out, *err);
  return g_subprocess_get_exit_status (process);
}

/* Two computers set up and converge from the command line; the password is read from standard
 * input and lands in no file. */
static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  if (skip_without_rclone (f))
    return;

  g_assert_cmpint (run_cli ("laptop", NULL, &out, &err, "--use", "linkedin", NULL), ==, 0);
  g_assert_cmpint (run_cli ("laptop", NULL, &out, &err, "--identity-set", "linkedin", "anna@example.org", NULL), ==, 0);
  g_assert_cmpint (run_cli ("laptop", NULL, &out, &err, "--mark", "linkedin", "turn-off-training", "done", NULL), ==, 0);
  g_assert_cmpint (run_cli ("laptop", PASSWORD "\n", &out, &err, "--sync-setup", f->url, "--user", USER, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && code == NULL; i++)
    if (g_str_has_prefix (lines[i], "    "))
      code = g_strstrip (g_strdup (lines[i]));
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==, 65);

  g_assert_cmpint (run_cli ("desktop", NULL, &out, &err, "--use", "chatgpt", NULL), ==, 0);
  g_assert_cmpint (run_cli ("desktop", NULL, &out, &err, "--mark", "chatgpt", "turn-off-improve-model", "done", NULL), ==, 0);
  g_assert_cmpint (run_cli ("desktop", PASSWORD "\n", &out, &err, "--sync-setup", f->url, "--user", USER,
                            "--recovery-code", code, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "joined"));
  g_assert_cmpint (run_cli ("laptop", NULL, &out, &err, "--sync", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "arrived from your other computers"));

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (run_cli (i == 0 ? "laptop" : "desktop", NULL, &out, &err, "--status", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "2 of 5 actions done"));
    }
  g_assert_cmpint (run_cli ("desktop", NULL, &out, &err, "--sync-status", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Folder: "));
  g_assert_nonnull (strstr (out, "\nLast synced "));
  g_assert_nonnull (strstr (out, "saved on another computer but not here, for Me: LinkedIn"));

  /* Refused: a wrong password, no password, a stray option. Nothing is set up. */
  g_assert_cmpint (run_cli ("third", "wrong\n", &out, &err, "--sync-setup", f->url, "--user", USER,
                            "--recovery-code", code, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "refused the user name or app password"));
  g_assert_cmpint (run_cli ("third", "", &out, &err, "--sync-setup", f->url, "--user", USER, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No app password"));
  g_assert_cmpint (run_cli ("third", NULL, &out, &err, "--user", USER, NULL), ==, 2);
  g_assert_cmpint (run_cli ("third", NULL, &out, &err, "--sync", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not set up"));

  list_files (home, files);
  for (guint i = 0; i < files->len; i++)
    {
      g_assert_false (file_contains (g_ptr_array_index (files, i), PASSWORD));
      if (!g_str_has_suffix (g_ptr_array_index (files, i), "keyring"))
        g_assert_false (file_contains (g_ptr_array_index (files, i), "anna@example.org"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = NULL;
  int status;

  home = g_dir_make_tmp ("untrain-sync-engine-XXXXXX", &error);
  g_assert_no_error (error);
  keyring = g_build_filename (home, "keyring", NULL);
  /* libsecret picks its backend once, before anything else uses it. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sync-engine/two-devices", Fixture, NULL, setup, test_two_devices, teardown);
  g_test_add ("/sync-engine/skewed-clocks", Fixture, NULL, setup, test_skewed_clocks, teardown);
  g_test_add ("/sync-engine/catch-up-and-deletions", Fixture, NULL, setup, test_catch_up_and_deletions, teardown);
  g_test_add ("/sync-engine/nothing-readable", Fixture, NULL, setup, test_nothing_readable, teardown);
  g_test_add ("/sync-engine/refusals", Fixture, NULL, setup, test_refusals, teardown);
  g_test_add ("/sync-engine/stop", Fixture, NULL, setup, test_stop, teardown);
  g_test_add ("/sync-engine/identities-elsewhere", Fixture, NULL, setup, test_identities_elsewhere, teardown);
  g_test_add ("/sync-engine/scheduler", Fixture, NULL, setup, test_scheduler, teardown);
  g_test_add ("/sync-engine/recovered-progress", Fixture, NULL, setup, test_recovered_progress, teardown);
  g_test_add ("/sync-engine/creates-folder", Fixture, NULL, setup, test_creates_folder, teardown);
  g_test_add ("/sync-engine/command-line", Fixture, NULL, setup, test_command_line, teardown);
  status = g_test_run ();

  ut_test_remove_tree (home);
  return status;
}
