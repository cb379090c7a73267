/* test-hostile-input.c — what a damaged or crafted file must not do to progress: crash, slip in
 * text that cannot be written back, or lose the backup
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "ut-catalog.h"
#include "ut-json.h"
#include "ut-progress.h"
#include "ut-test-utils.h"
#include "ut-util.h"

typedef struct
{
  char       *directory;
  UtProgress *progress;
} Fixture;

/* Progress lives where the app keeps it, in the test's own data folder
 * (G_TEST_OPTION_ISOLATE_DIRS), which GLib removes after each test. */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->directory = g_build_filename (g_get_user_data_dir (), "untrain", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->directory, 0700), ==, 0);
  f->progress = ut_progress_new (f->directory);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->progress);
  g_free (f->directory);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A backup with one profile whose name, region, platform and record are given as raw JSON. */
static char *
backup_with (const char *name,
             const char *platform,
             const char *record)
{
  return g_strdup_printf ("{\"format\": 1, \"recheck_days\": 180, \"profiles\": [{\"id\": \"p\", "
                          "\"name\": %s, \"region\": \"EU\", \"platforms\": [%s], \"records\": [%s]}]}",
                          name, platform, record);
}

static char *
record_with (const char *platform,
             const char *changed_at,
             const char *note)
{
  return g_strdup_printf ("{\"platform\": %s, \"action\": \"turn-off-training\", \"state\": \"done\", "
                          "\"changed_at\": %s, \"done_at\": %s, \"verified_at\": %s, \"revision\": 1%s%s}",
                          platform, changed_at, changed_at, changed_at,
                          note != NULL ? ", \"note\": " : "", note != NULL ? note : "");
}

/* A backup of Sam, who uses LinkedIn, with one record. */
static char *
backup_with_record (const char *platform,
                    const char *changed_at,
                    const char *note)
{
  g_autofree char *record = record_with (platform, changed_at, note);

  return backup_with ("\"Sam\"", "\"linkedin\"", record);
}

static char *
nested (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *what;
  char       *backup;
  const char *reason;  /* must occur in the message */
} Refusal;

/* Whatever import accepts is saved and must read back the same, so anything that could not be is
 * refused with a sentence, and nothing changes: no file is written. */
static void
test_import_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good_record = record_with ("\"linkedin\"", "\"2026-03-14T09:30:00Z\"", NULL);
  Refusal cases[] = {
    { "a lone high surrogate in a name", backup_with ("\"Sam\\ud800\"", "\"linkedin\"", ""), "lone UTF-16 surrogate" },
    { "a lone low surrogate in a note",
      backup_with_record ("\"linkedin\"", "\"2026-03-14T09:30:00Z\"", "\"\\udc00\""),
      "lone UTF-16 surrogate" },
    { "a NUL character", backup_with ("\"Sam\\u0000Lee\"", "\"linkedin\"", ""), "\\u0000" },
    { "an escape JSON does not have", backup_with ("\"Sam\\2\"", "\"linkedin\"", ""), "an escape that JSON does not have" },
    { "a \\u escape with two digits", backup_with ("\"Sam\\ud8\n\"", "\"linkedin\"", ""), "an escape that JSON does not have" },
    { "a terminal escape in a name", backup_with ("\"Sam\\u001b[2J\"", "\"linkedin\"", ""), "control characters" },
    { "a line break in a name", backup_with ("\"Sam\\nLee\"", "\"linkedin\"", ""), "control characters" },
    { "a line break in a platform id", backup_with ("\"Sam\"", "\"linked\\nin\"", ""), "not a valid id" },
    { "a line break in a record's platform",
      backup_with_record ("\"linked\\nin\"", "\"2026-03-14T09:30:00Z\"", NULL),
      "not a valid platform" },
    { "a year before 1000",
      backup_with_record ("\"linkedin\"", "\"0999-03-14T09:30:00Z\"", NULL),
      "is not a date and time" },
    { "a year before 1000 once in UTC",
      backup_with_record ("\"linkedin\"", "\"1000-01-01T00:30:00+01:00\"", NULL),
      "is not a date and time" },
    { "an offset out of range",
      backup_with_record ("\"linkedin\"", "\"2026-03-14T09:30:00+99:00\"", NULL),
      "is not a date and time" },
    { "a re-check interval of a thousand years",
      g_strdup ("{\"format\": 1, \"recheck_days\": 365000, \"profiles\": []}"), "recheck_days" },
    { "two profiles with one id",
      g_strdup ("{\"format\": 1, \"profiles\": [{\"id\": \"p\", \"name\": \"A\", \"region\": \"EU\", \"platforms\": [], \"records\": []},"
                "{\"id\": \"p\", \"name\": \"B\", \"region\": \"EU\", \"platforms\": [], \"records\": []}]}"),
      "listed twice" },
    { "80,000 nested lists", nested (80000), "nests more than 64 levels" },
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);

  /* The same shape with good values is accepted, so each refusal is down to its one value. */
  {
    g_autofree char *good = backup_with ("\"Sam\"", "\"linkedin\"", good_record);
    g_autoptr(GBytes) bytes = g_bytes_new (good, strlen (good));
    g_autofree char *other_directory = g_build_filename (g_get_user_data_dir (), "untrain-good", NULL);
    g_autoptr(UtProgress) scratch = NULL;

    g_assert_cmpint (g_mkdir_with_parents (other_directory, 0700), ==, 0);
    scratch = ut_progress_new (other_directory);
    g_assert_true (ut_progress_load (scratch, &error));
    g_assert_true (ut_progress_import (scratch, bytes, NULL, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&scratch);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (cases[i].backup, strlen (cases[i].backup));
      guint added = 99;

      g_test_message ("%s", cases[i].what);
      g_assert_false (ut_progress_import (f->progress, bytes, &added, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("  %s", error->message);
      if (strstr (error->message, cases[i].reason) == NULL)
        g_error ("%s: expected “%s” in “%s”", cases[i].what, cases[i].reason, error->message);
      g_assert_true (g_str_has_suffix (error->message, ")") || strstr (error->message, "nothing was changed") != NULL ||
                     strstr (error->message, "Nothing was changed") != NULL);
      g_assert_cmpuint (added, ==, 0);
      g_clear_error (&error);
      g_assert_false (g_file_test (ut_progress_get_path (f->progress), G_FILE_TEST_EXISTS));
    }
}

/* A progress file nested deep enough to overflow json-glib's parser is damaged like any other:
 * moved aside, and the backup restored. */
static void
test_deep_progress_recovered (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->directory, "progress.json.bak", NULL);
  g_autofree char *deep = nested (80000);
  g_autoptr(GError) error = NULL;

  write_file (path, "{\"format\": 1, \"profiles\": [{\"id\": \"me\", \"name\": \"Me\", \"region\": \"UK\", "
                    "\"platforms\": [\"linkedin\"], \"records\": []}]}");
  write_file (ut_progress_get_path (f->progress), deep);

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ut_progress_get_recovery (f->progress));
  g_test_message ("%s", ut_progress_get_recovery (f->progress)->message);
  g_assert_nonnull (strstr (ut_progress_get_recovery (f->progress)->message, "nests more than 64 levels"));
  g_assert_nonnull (ut_progress_lookup_profile (f->progress, "me"));
}

/* Reading stops at the limit: /dev/zero never ends. */
static void
test_read_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ut_read_file_limited ("/dev/zero", 1024 * 1024, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "larger than"));
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (ut_progress_import_finish (UT_PROGRESS (source), result, NULL, NULL, error));
  g_assert_nonnull (*error);
}

/* The app imports in a thread, reading no more than a backup can hold. */
static void
test_import_async_stops_reading (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;

  g_assert_true (ut_progress_load (f->progress, &error));
  ut_progress_import_async (f->progress, zero, NULL, import_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The task lets go of the progress once the worker thread has finished with it too. */
  while (G_OBJECT (f->progress)->ref_count > 1)
    g_main_context_iteration (NULL, FALSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "larger than 67.1"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
}

static void
test_stale_temporaries_removed (Fixture       *f,
                                gconstpointer  data)
{
  const char *stale[] = { "progress.json.Ab12Cd", "progress.json.bak.tmp", "progress.json.bak.x9Y8z7", NULL };
  const char *kept[] = { "progress.json.corrupt-20260101T000000", "progress.json.notes", NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; stale[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->directory, stale[i], NULL);

      write_file (path, "half a save");
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->directory, kept[i], NULL);

      write_file (path, "not ours to remove");
    }

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);

  for (guint i = 0; stale[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->directory, stale[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->directory, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* The child of failed-save-keeps-backup: a file size limit makes every write past it fail as a
 * full disk would. */
static void
test_failed_save_child (void)
{
  g_autoptr(UtProgress) progress = ut_progress_new (g_getenv ("UT_TEST_DIRECTORY"));
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 64, 64 };
  UtProfile *profile;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as part of /hostile/failed-save-keeps-backup");
      return;
    }

  g_assert_true (ut_progress_load (progress, &error));
  profile = ut_progress_lookup_profile (progress, "me");
  g_assert_nonnull (profile);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (ut_progress_rename_profile (progress, profile, "Third name, which will not fit", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not save your progress: "));
}

/* A save that fails keeps the older backup: the backup moves on only once the new file is on
 * disk. */
static void
test_failed_save_keeps_backup (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->directory, "progress.json.bak", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *after_backup = NULL;
  g_autofree char *after_file = NULL;
  g_autoptr(GError) error = NULL;
  UtProfile *profile;

  g_assert_true (ut_progress_load (f->progress, &error));
  profile = ut_progress_add_profile (f->progress, "First", UT_REGION_EU, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_true (ut_progress_rename_profile (f->progress, profile, "Me", &error));
  first = ut_test_read_file (backup);
  second = ut_test_read_file (ut_progress_get_path (f->progress));
  g_assert_nonnull (strstr (first, "First"));
  g_assert_nonnull (strstr (second, "\"Me\""));

  /* The profile's id is "first"; look it up by name in the child. */
  g_assert_true (ut_progress_lookup_profile (f->progress, "me") == profile);
  g_setenv ("UT_TEST_DIRECTORY", f->directory, TRUE);
  g_test_trap_subprocess ("/hostile/failed-save-keeps-backup/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  after_backup = ut_test_read_file (backup);
  after_file = ut_test_read_file (ut_progress_get_path (f->progress));
  g_assert_cmpstr (after_backup, ==, first);
  g_assert_cmpstr (after_file, ==, second);
}

/* The last day GDateTime knows: re-check dates past it are never due, and nothing logs a
 * critical on the way (tests run with fatal warnings). */
static void
test_end_of_calendar (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  UtPlatform *linkedin = ut_catalog_lookup (catalog, "linkedin");
  g_autofree char *record = record_with ("\"linkedin\"", "\"9999-12-31T23:00:00Z\"", "\"late\"");
  g_autofree char *backup = backup_with ("\"Sam\"", "\"linkedin\"", record);
  g_autoptr(GBytes) bytes = g_bytes_new (backup, strlen (backup));
  g_autoptr(GError) error = NULL;
  g_autoptr(UtProgress) again = NULL;
  g_autoptr(GDateTime) due = NULL;
  UtProfile *profile;
  UtAction *action;

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_true (ut_progress_import (f->progress, bytes, NULL, NULL, &error));
  g_assert_no_error (error);

  again = ut_progress_new (f->directory);
  g_assert_true (ut_progress_load (again, &error));
  g_assert_null (ut_progress_get_recovery (again));
  profile = ut_progress_lookup_profile (again, "p");
  action = ut_platform_lookup_action (linkedin, "turn-off-training");
  g_assert_nonnull (action);
  due = ut_progress_get_recheck_date (again, profile, linkedin, action);
  g_assert_null (due);
  g_assert_cmpint (ut_progress_get_record_flags (again, profile, linkedin, action) & UT_RECORD_FLAGS_RECHECK_DUE, ==, 0);
}

/* Names stay unique however many profiles share one, and each probe is a hash look-up. */
static void
test_many_profiles_named_alike (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GString) backup = g_string_new ("{\"format\": 1, \"profiles\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    g_string_append_printf (backup, "%s{\"id\": \"p%u\", \"name\": \"Me\", \"region\": \"EU\", "
                            "\"platforms\": [], \"records\": []}", i > 0 ? "," : "", i);
  g_string_append (backup, "]}");
  bytes = g_bytes_new (backup->str, backup->len);

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_nonnull (ut_progress_add_profile (f->progress, "Me", UT_REGION_EU, &error));
  g_assert_false (ut_progress_import (f->progress, bytes, NULL, NULL, &error));
  /* Two profiles called "Me" in one backup are refused... */
  g_assert_nonnull (strstr (error->message, "two profiles are called"));
  g_clear_error (&error);

  /* ...but backups made elsewhere, each with its own "Me", are numbered on the way in. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *one = g_strdup_printf ("{\"format\": 1, \"profiles\": [{\"id\": \"q%u\", \"name\": \"ME\", "
                                              "\"region\": \"EU\", \"platforms\": [], \"records\": []}]}", i);
      g_autoptr(GBytes) single = g_bytes_new (one, strlen (one));

      g_assert_true (ut_progress_import (f->progress, single, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (ut_profile_get_name (ut_progress_lookup_profile (f->progress, "q0")), ==, "ME (2)");
  g_assert_cmpstr (ut_profile_get_name (ut_progress_lookup_profile (f->progress, "q3")), ==, "ME (5)");
}

/* The one check every link in Untrain passes: the validator's, the exports'. */
static void
test_https_urls (void)
{
  const char *good[] = { "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
                         "https://privacy.openai.com/policies?modal=take-control", NULL };
  const char *bad[] = { "http://example.com/", "https:///x", "https://@/x", "https://user@/x",
                        "https://www.linkedin.com@evil.example/", "https://example.com/a\r\nATTACH:x",
                        "https://example.com/a b", "https://example.com/\u202egnp.exe",
                        "https://example.com/\xff", "HTTPS:///x", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (ut_is_https_url (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *shown = g_strescape (bad[i], NULL);

      g_test_message ("%s", shown);
      g_assert_false (ut_is_https_url (bad[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/hostile/import-refuses", test_import_refuses);
  ADD ("/hostile/deep-progress-recovered", test_deep_progress_recovered);
  ADD ("/hostile/import-async-stops-reading", test_import_async_stops_reading);
  ADD ("/hostile/stale-temporaries-removed", test_stale_temporaries_removed);
  ADD ("/hostile/failed-save-keeps-backup", test_failed_save_keeps_backup);
  g_test_add_func ("/hostile/failed-save-keeps-backup/child", test_failed_save_child);
  ADD ("/hostile/end-of-calendar", test_end_of_calendar);
  ADD ("/hostile/many-profiles-named-alike", test_many_profiles_named_alike);
#undef ADD
  g_test_add_func ("/hostile/read-limit", test_read_limit);
  g_test_add_func ("/hostile/https-urls", test_https_urls);

  return g_test_run ();
}
