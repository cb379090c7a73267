/* test-identity.c — account identities in a real keyring
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs three ways (tests/meson.build), chosen by UT_TEST_KEYRING:
 *   service  a real gnome-keyring-daemon on a private bus (tests/with-keyring.sh starts it)
 *   file     libsecret's file backend, which is what Flatpak uses through the Secret portal
 *   none     a private bus with no Secret Service at all
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ut-identity-store.h"
#include "ut-progress.h"
#include "ut-sync-credentials.h"
#include "ut-sync-crypto.h"
#include "ut-test-utils.h"

#define IDENTITY_A "anna.müller@example.org"
#define IDENTITY_B "@anna_writes"
#define IDENTITY_DAD "Jürgen.Ødegård@例え.jp"

static GString *log_text;
static char *keyring_file;

static GLogWriterOutput
record_log (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (log_text, "%s\n", (const char *) fields[i].value);

  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  UtIdentityStore *store;
  GMainLoop       *loop;
  GAsyncResult    *result;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = ut_identity_store_new ();
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  const char *profiles[] = { "me", "dad", NULL };

  /* The keyring outlives a test case; leave it empty for the next. */
  for (guint i = 0; profiles[i] != NULL; i++)
    ut_identity_store_delete_sync (f->store, profiles[i], NULL, NULL, NULL);

  g_clear_object (&f->result);
  g_main_loop_unref (f->loop);
  g_assert_finalize_object (f->store);
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
  g_main_loop_quit (f->loop);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  g_main_loop_run (f->loop);
  return f->result;
}

static void
test_store_lookup_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *missing = NULL;

  /* Nothing stored yet: no value and no error. */
  missing = ut_identity_store_lookup_sync (f->store, "me", "linkedin", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  g_assert_true (ut_identity_store_store_sync (f->store, "me", "linkedin", IDENTITY_A, NULL, &error));
  g_assert_no_error (error);
  value = ut_identity_store_lookup_sync (f->store, "me", "linkedin", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, IDENTITY_A);

  g_assert_true (ut_identity_store_delete_sync (f->store, "me", "linkedin", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = ut_identity_store_lookup_sync (f->store, "me", "linkedin", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (value);

  /* Deleting what is not there is not an error. */
  g_assert_true (ut_identity_store_delete_sync (f->store, "me", "linkedin", NULL, &error));
  g_assert_no_error (error);
}

static void
test_overwrite (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) platforms = NULL;

  ut_identity_store_store_sync (f->store, "me", "x", IDENTITY_A, NULL, &error);
  g_assert_no_error (error);
  ut_identity_store_store_sync (f->store, "me", "x", IDENTITY_B, NULL, &error);
  g_assert_no_error (error);

  value = ut_identity_store_lookup_sync (f->store, "me", "x", NULL, &error);
  g_assert_cmpstr (value, ==, IDENTITY_B);
  platforms = ut_identity_store_list_sync (f->store, "me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (platforms, ((const char *[]) { "x", NULL }));
}

static void
test_profiles_kept_apart (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *dads = NULL;
  g_auto(GStrv) my_platforms = NULL;
  g_auto(GStrv) dads_platforms = NULL;

  g_assert_true (ut_identity_store_store_sync (f->store, "me", "linkedin", IDENTITY_A, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "me", "reddit", IDENTITY_B, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "dad", "linkedin", IDENTITY_DAD, NULL, &error));
  g_assert_no_error (error);

  mine = ut_identity_store_lookup_sync (f->store, "me", "linkedin", NULL, &error);
  dads = ut_identity_store_lookup_sync (f->store, "dad", "linkedin", NULL, &error);
  g_assert_cmpstr (mine, ==, IDENTITY_A);
  g_assert_cmpstr (dads, ==, IDENTITY_DAD);

  my_platforms = ut_identity_store_list_sync (f->store, "me", NULL, &error);
  dads_platforms = ut_identity_store_list_sync (f->store, "dad", NULL, &error);
  g_assert_cmpstrv (my_platforms, ((const char *[]) { "linkedin", "reddit", NULL }));
  g_assert_cmpstrv (dads_platforms, ((const char *[]) { "linkedin", NULL }));

  /* Deleting a profile's identities leaves the other profile's alone. */
  g_assert_true (ut_identity_store_delete_sync (f->store, "me", NULL, NULL, &error));
  g_clear_pointer (&my_platforms, g_strfreev);
  my_platforms = ut_identity_store_list_sync (f->store, "me", NULL, &error);
  g_assert_cmpuint (g_strv_length (my_platforms), ==, 0);
  g_clear_pointer (&dads, g_free);
  dads = ut_identity_store_lookup_sync (f->store, "dad", "linkedin", NULL, &error);
  g_assert_cmpstr (dads, ==, IDENTITY_DAD);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) platforms = NULL;

  ut_identity_store_store_async (f->store, "me", "claude", IDENTITY_A, NULL, async_done, f);
  g_assert_true (ut_identity_store_store_finish (f->store, wait_result (f), &error));
  g_assert_no_error (error);

  ut_identity_store_lookup_async (f->store, "me", "claude", NULL, async_done, f);
  value = ut_identity_store_lookup_finish (f->store, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, IDENTITY_A);

  ut_identity_store_list_async (f->store, "me", NULL, async_done, f);
  platforms = ut_identity_store_list_finish (f->store, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (platforms, ((const char *[]) { "claude", NULL }));

  ut_identity_store_delete_async (f->store, "me", "claude", NULL, async_done, f);
  g_assert_true (ut_identity_store_delete_finish (f->store, wait_result (f), &error));
  g_assert_no_error (error);
}

/* What an export includes: the profile's identities for the platforms it uses, and no one else's. */
static void
test_lookup_all (Fixture       *f,
                 gconstpointer  data)
{
  const char *used[] = { "linkedin", "x", "chatgpt", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) every = NULL;
  g_autoptr(GHashTable) none = NULL;

  g_assert_true (ut_identity_store_store_sync (f->store, "me", "linkedin", IDENTITY_A, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "me", "x", IDENTITY_B, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "me", "reddit", IDENTITY_B, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "dad", "chatgpt", IDENTITY_DAD, NULL, &error));
  g_assert_no_error (error);

  /* Reddit is no longer used, and the ChatGPT account is Dad's. */
  ut_identity_store_lookup_all_async (f->store, "me", used, NULL, async_done, f);
  found = ut_identity_store_lookup_all_finish (f->store, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpuint (g_hash_table_size (found), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (found, "linkedin"), ==, IDENTITY_A);
  g_assert_cmpstr (g_hash_table_lookup (found, "x"), ==, IDENTITY_B);

  ut_identity_store_lookup_all_async (f->store, "me", NULL, NULL, async_done, f);
  every = ut_identity_store_lookup_all_finish (f->store, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (every), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (every, "reddit"), ==, IDENTITY_B);

  /* Nothing stored is an empty answer, not an error. */
  ut_identity_store_lookup_all_async (f->store, "nobody", used, NULL, async_done, f);
  none = ut_identity_store_lookup_all_finish (f->store, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ut_identity_store_store_async (f->store, "me", "x", IDENTITY_A, cancellable, async_done, f);
  g_assert_false (ut_identity_store_store_finish (f->store, wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  ut_identity_store_lookup_all_async (f->store, "me", NULL, cancellable, async_done, f);
  g_assert_null (ut_identity_store_lookup_all_finish (f->store, wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return g_strstr_len (contents, (gssize) length, needle) != NULL;
}

/* Returns how many files were read. */
static guint
assert_not_in_tree (const char         *path,
                    const char * const *needles)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          n += assert_not_in_tree (child, needles);
          continue;
        }

      n++;
      for (guint i = 0; needles[i] != NULL; i++)
        if (file_contains (child, needles[i]))
          g_error ("identity “%s” found in %s", needles[i], child);
    }

  return n;
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
}

static void
test_nothing_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  const char *needles[] = { IDENTITY_A, IDENTITY_B, IDENTITY_DAD, "anna.m", "Jürgen", NULL };
  g_autoptr(UtProgress) progress = ut_progress_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *platforms[] = { "linkedin", "x", NULL };
  UtProfile *profile;
  guint n;

  g_assert_true (ut_identity_store_store_sync (f->store, "me", "linkedin", IDENTITY_A, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "me", "x", IDENTITY_B, NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->store, "dad", "linkedin", IDENTITY_DAD, NULL, &error));
  g_assert_no_error (error);

  ut_progress_set_clock (progress, fixed_clock, NULL);
  g_assert_true (ut_progress_load (progress, &error));
  profile = ut_progress_get_default_profile (progress);
  g_assert_true (ut_progress_set_platforms_used (progress, profile, platforms, TRUE, &error));
  g_assert_true (ut_progress_add_profile (progress, "Dad", UT_REGION_UK, &error) != NULL);
  g_assert_no_error (error);

  n = assert_not_in_tree (g_get_home_dir (), needles);
  n += assert_not_in_tree (g_get_user_data_dir (), needles);
  n += assert_not_in_tree (g_get_user_config_dir (), needles);
  n += assert_not_in_tree (g_get_user_cache_dir (), needles);
  if (keyring_file != NULL)
    {
      /* The file backend's keyring is encrypted: the identity must not show in it either. */
      g_assert_true (g_file_test (keyring_file, G_FILE_TEST_EXISTS));
      for (guint i = 0; needles[i] != NULL; i++)
        g_assert_false (file_contains (keyring_file, needles[i]));
      n++;
    }
  g_test_message ("scanned %u files", n);
  g_assert_cmpuint (n, >=, 1);  /* at least the progress file */

  for (guint i = 0; needles[i] != NULL; i++)
    g_assert_null (strstr (log_text->str, needles[i]));
}

/* With no Secret Service, every call fails quickly with the sentence the UI shows, and nothing
 * is written anywhere instead. */
static void
test_unavailable (Fixture       *f,
                  gconstpointer  data)
{
  const char *needles[] = { IDENTITY_A, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) platforms = NULL;

  g_assert_false (ut_identity_store_store_sync (f->store, "me", "linkedin", IDENTITY_A, NULL, &error));
  g_assert_error (error, UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "No keyring is available"));
  g_clear_error (&error);

  value = ut_identity_store_lookup_sync (f->store, "me", "linkedin", NULL, &error);
  g_assert_null (value);
  g_assert_error (error, UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  platforms = ut_identity_store_list_sync (f->store, "me", NULL, &error);
  g_assert_null (platforms);
  g_assert_error (error, UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  ut_identity_store_store_async (f->store, "me", "linkedin", IDENTITY_A, NULL, async_done, f);
  g_assert_false (ut_identity_store_store_finish (f->store, wait_result (f), &error));
  g_assert_error (error, UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  ut_identity_store_lookup_all_async (f->store, "me", NULL, NULL, async_done, f);
  g_assert_null (ut_identity_store_lookup_all_finish (f->store, wait_result (f), &error));
  g_assert_error (error, UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE);

  assert_not_in_tree (g_get_home_dir (), needles);
  assert_not_in_tree (g_get_user_data_dir (), needles);
}

/* ---- the sync server's app password and the sync key -------------------------------------- */

#define SYNC_URL      "https://cloud.example.org/remote.php/dav/files/anna/Untrain/"
#define SYNC_PASSWORD "Xk29-app-password-q7"

static UtSyncCredentials *
lookup_credentials (Fixture    *f,
                    const char *user,
                    GError    **error)
{
  ut_sync_credentials_lookup_async (SYNC_URL, user, NULL, async_done, f);
  return ut_sync_credentials_lookup_finish (wait_result (f), error);
}

static void
test_sync_credentials (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = ut_sync_key_generate (NULL);
  g_autoptr(GBytes) other_key = ut_sync_key_generate (NULL);
  g_autoptr(UtSyncCredentials) credentials = ut_sync_credentials_new (SYNC_URL, "anna", SYNC_PASSWORD, key);
  g_autoptr(UtSyncCredentials) replaced = ut_sync_credentials_new (SYNC_URL, "anna", "second-password", other_key);
  g_autoptr(UtSyncCredentials) found = NULL;
  g_autofree char *code = ut_sync_recovery_code_encode (key);
  const char *needles[] = { SYNC_PASSWORD, code, NULL };

  g_assert_null (lookup_credentials (f, "anna", &error));
  g_assert_no_error (error);

  ut_sync_credentials_store_async (credentials, NULL, async_done, f);
  g_assert_true (ut_sync_credentials_store_finish (wait_result (f), &error));
  g_assert_no_error (error);

  found = lookup_credentials (f, "anna", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->password, ==, SYNC_PASSWORD);
  g_assert_true (g_bytes_equal (found->key, key));
  g_assert_cmpstr (found->url, ==, SYNC_URL);
  g_clear_pointer (&found, ut_sync_credentials_free);

  /* Another user of the same folder has nothing kept. */
  g_assert_null (lookup_credentials (f, "bert", &error));
  g_assert_no_error (error);

  /* Neither the password nor the recovery code is in any file of ours, or in the log. */
  assert_not_in_tree (g_get_home_dir (), needles);
  assert_not_in_tree (g_get_user_data_dir (), needles);
  assert_not_in_tree (g_get_user_config_dir (), needles);
  if (keyring_file != NULL)
    for (guint i = 0; needles[i] != NULL; i++)
      g_assert_false (file_contains (keyring_file, needles[i]));
  for (guint i = 0; needles[i] != NULL; i++)
    g_assert_null (strstr (log_text->str, needles[i]));

  /* Set up again: replaced, not added. */
  ut_sync_credentials_store_async (replaced, NULL, async_done, f);
  g_assert_true (ut_sync_credentials_store_finish (wait_result (f), &error));
  found = lookup_credentials (f, "anna", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->password, ==, "second-password");
  g_assert_true (g_bytes_equal (found->key, other_key));
  g_clear_pointer (&found, ut_sync_credentials_free);

  /* Turned off: both go. */
  ut_sync_credentials_clear_async (SYNC_URL, "anna", NULL, async_done, f);
  g_assert_true (ut_sync_credentials_clear_finish (wait_result (f), &error));
  g_assert_no_error (error);
  g_assert_null (lookup_credentials (f, "anna", &error));
  g_assert_no_error (error);
}

static void
test_sync_credentials_unavailable (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = ut_sync_key_generate (NULL);
  g_autoptr(UtSyncCredentials) credentials = ut_sync_credentials_new (SYNC_URL, "anna", SYNC_PASSWORD, key);
  const char *needles[] = { SYNC_PASSWORD, NULL };

  ut_sync_credentials_store_async (credentials, NULL, async_done, f);
  g_assert_false (ut_sync_credentials_store_finish (wait_result (f), &error));
  g_assert_error (error, UT_SYNC_CREDENTIALS_ERROR, UT_SYNC_CREDENTIALS_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "No keyring is available, so Untrain cannot keep your sync "
                                       "password and key, and syncing stays off. Nothing was saved "
                                       "anywhere else.");
  g_clear_error (&error);

  g_assert_null (lookup_credentials (f, "anna", &error));
  g_assert_error (error, UT_SYNC_CREDENTIALS_ERROR, UT_SYNC_CREDENTIALS_ERROR_UNAVAILABLE);
  assert_not_in_tree (g_get_home_dir (), needles);
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = g_getenv ("UT_TEST_KEYRING");
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *keyring_dir = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_log, NULL, NULL);
  /* No unlock prompt may ever block a test. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  if (g_strcmp0 (mode, "file") == 0)
    {
      /* Must be set before libsecret picks its backend, which it does once. */
      keyring_dir = g_dir_make_tmp ("untrain-keyring-XXXXXX", NULL);
      keyring_file = g_build_filename (keyring_dir, "default.keyring", NULL);
      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_setenv ("SECRET_FILE_TEST_PATH", keyring_file, TRUE);
      g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
    }
  else if (g_strcmp0 (mode, "none") == 0)
    {
      /* A private bus with no services: nothing can be activated on it. */
      g_unsetenv ("SECRET_BACKEND");
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
    }
  else if (g_strcmp0 (mode, "service") != 0)
    g_error ("set UT_TEST_KEYRING to service, file or none");

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  if (g_strcmp0 (mode, "none") == 0)
    {
      ADD ("/identity/unavailable", test_unavailable);
      ADD ("/sync-credentials/unavailable", test_sync_credentials_unavailable);
    }
  else
    {
      ADD ("/sync-credentials/store-lookup-clear", test_sync_credentials);
      ADD ("/identity/store-lookup-delete", test_store_lookup_delete);
      ADD ("/identity/overwrite", test_overwrite);
      ADD ("/identity/profiles-kept-apart", test_profiles_kept_apart);
      ADD ("/identity/async", test_async);
      ADD ("/identity/lookup-all", test_lookup_all);
      ADD ("/identity/cancelled", test_cancelled);
      ADD ("/identity/nothing-on-disk", test_nothing_on_disk);
    }
#undef ADD

  status = g_test_run ();

  /* Not g_test_dbus_down (): libsecret keeps its connection to the bus until exit, and down
   * (also run when the object is disposed) would wait for it. So stop the daemon and let the
   * object go with the process. */
  if (bus != NULL)
    {
      g_test_dbus_stop (bus);
      g_steal_pointer (&bus);
    }
  /* libsecret keeps a backup beside the keyring file ("default.keyring~"). */
  if (keyring_dir != NULL)
    ut_test_remove_tree (keyring_dir);

  return status;
}
