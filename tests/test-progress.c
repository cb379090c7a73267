/* test-progress.c — saving, recovering and deriving progress
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ut-legal.h"
#include "ut-progress.h"
#include "ut-test-utils.h"
#include "ut-util.h"

typedef struct
{
  char       *directory;
  GDateTime  *now;
  UtProgress *progress;
} Fixture;

static GDateTime *
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return g_date_time_ref (f->now);
}

static void
fixture_set_now (Fixture    *f,
                 const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_clear_pointer (&f->now, g_date_time_unref);
  f->now = g_date_time_new_from_iso8601 (iso8601, utc);
  g_assert_nonnull (f->now);
}

static UtProgress *
fixture_new_progress (Fixture *f)
{
  UtProgress *progress = ut_progress_new (f->directory);

  ut_progress_set_clock (progress, fixture_clock, f);
  return progress;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("untrain-progress-XXXXXX", &error);
  g_assert_no_error (error);
  fixture_set_now (f, "2026-01-10T12:00:00Z");
  f->progress = fixture_new_progress (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->progress);
  ut_test_remove_tree (f->directory);
  g_free (f->directory);
  g_date_time_unref (f->now);
}

/* The example platform from the validator fixtures, at any revision from 1 to 2. */
static UtCatalog *
make_catalog (guint revision)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", "valid", "bundle.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *platform;
  JsonArray *changes;
  UtCatalog *catalog;
  char *data;
  gsize length;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  platform = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "platforms"), 0);
  json_object_set_int_member (platform, "revision", revision);
  changes = json_object_get_array_member (platform, "changes");
  while (json_array_get_length (changes) > 0 &&
         json_object_get_int_member (json_array_get_object_element (changes, 0), "revision") > revision)
    {
      const char *date = json_object_get_string_member (json_array_get_object_element (changes, 0), "date");
      JsonObject *regions = json_object_get_object_member (platform, "regions");
      g_autoptr(GList) codes = json_object_get_members (regions);

      /* At the older revision no region had yet begun on the removed change's date. */
      for (const GList *l = codes; l != NULL; l = l->next)
        {
          JsonObject *region = json_object_get_object_member (regions, l->data);

          if (g_strcmp0 (json_object_get_string_member_with_default (region, "since", NULL), date) == 0)
            json_object_remove_member (region, "since");
        }
      json_array_remove_element (changes, 0);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (data, length);
  catalog = ut_catalog_new_from_bytes (bytes, "test catalog", &error);
  g_assert_no_error (error);
  return catalog;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
find_corrupt_copy (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->directory, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "progress.json.corrupt-"))
      return g_build_filename (f->directory, name, NULL);

  return NULL;
}

/* Fills a progress with two profiles and a few records. */
static void
populate (Fixture   *f,
          UtCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  UtPlatform *example = ut_catalog_lookup (catalog, "example");
  UtProfile *anna, *me;
  const char *platforms[] = { "example", "linkedin", NULL };

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);

  me = ut_progress_get_default_profile (f->progress);
  g_assert_true (ut_progress_set_region (f->progress, me, UT_REGION_CH, &error));
  g_assert_no_error (error);
  g_assert_true (ut_progress_set_platforms_used (f->progress, me, platforms, TRUE, &error));
  g_assert_true (ut_progress_set_state (f->progress, me, example, "turn-off", UT_ACTION_STATE_DONE, &error));
  g_assert_true (ut_progress_set_state (f->progress, me, example, "object", UT_ACTION_STATE_SKIPPED, &error));
  g_assert_no_error (error);

  anna = ut_progress_add_profile (f->progress, "Anna Müller", UT_REGION_US, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ut_profile_get_id (anna), ==, "anna-muller");
  g_assert_true (ut_progress_set_state (f->progress, anna, example, "object", UT_ACTION_STATE_NOT_APPLICABLE, &error));
  g_assert_no_error (error);
}

static void
assert_same_records (UtProfile *a,
                     UtProfile *b)
{
  g_autoptr(GPtrArray) ra = ut_profile_list_records (a);
  g_autoptr(GPtrArray) rb = ut_profile_list_records (b);

  g_assert_cmpstr (ut_profile_get_id (a), ==, ut_profile_get_id (b));
  g_assert_cmpstr (ut_profile_get_name (a), ==, ut_profile_get_name (b));
  g_assert_cmpint (ut_profile_get_region (a), ==, ut_profile_get_region (b));
  g_assert_cmpstrv (ut_profile_get_platforms (a), ut_profile_get_platforms (b));
  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      const UtRecord *x = g_ptr_array_index (ra, i);
      const UtRecord *y = g_ptr_array_index (rb, i);

      g_assert_cmpstr (x->platform, ==, y->platform);
      g_assert_cmpstr (x->action, ==, y->action);
      g_assert_cmpint (x->state, ==, y->state);
      g_assert_cmpuint (x->revision, ==, y->revision);
      g_assert_true ((x->done_at == NULL) == (y->done_at == NULL));
      g_assert_true (x->done_at == NULL || g_date_time_equal (x->done_at, y->done_at));
      g_assert_true ((x->verified_at == NULL) == (y->verified_at == NULL));
      g_assert_true (x->verified_at == NULL || g_date_time_equal (x->verified_at, y->verified_at));
      g_assert_true (g_date_time_equal (x->changed_at, y->changed_at));
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autoptr(UtProgress) again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *before, *after;

  populate (f, catalog);

  again = fixture_new_progress (f);
  g_assert_true (ut_progress_load (again, &error));
  g_assert_no_error (error);
  g_assert_null (ut_progress_get_recovery (again));

  before = ut_progress_get_profiles (f->progress);
  after = ut_progress_get_profiles (again);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(UtProfile) a = g_list_model_get_item (before, i);
      g_autoptr(UtProfile) b = g_list_model_get_item (after, i);

      assert_same_records (a, b);
    }

  {
    g_autoptr(UtProfile) me = g_list_model_get_item (after, 0);
    const UtRecord *record = ut_profile_lookup_record (me, "example", "turn-off");

    g_assert_true (ut_profile_get_region_confirmed (me));
    g_assert_cmpint (record->state, ==, UT_ACTION_STATE_DONE);
    g_assert_cmpuint (record->revision, ==, 2);
    g_assert_true (g_date_time_equal (record->done_at, f->now));
  }
}

static void
test_backup_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autofree char *backup_path = g_strconcat (ut_progress_get_path (f->progress), ".bak", NULL);
  g_autofree char *first = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  UtProfile *me;

  g_assert_true (ut_progress_load (f->progress, &error));
  me = ut_progress_get_default_profile (f->progress);
  g_assert_true (ut_progress_set_region (f->progress, me, UT_REGION_UK, &error));
  g_assert_no_error (error);
  first = ut_test_read_file (ut_progress_get_path (f->progress));

  g_assert_true (ut_progress_set_state (f->progress, me, ut_catalog_lookup (catalog, "example"),
                                        "go-private", UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);

  backup = ut_test_read_file (backup_path);
  g_assert_cmpstr (backup, ==, first);
  g_assert_cmpstr (ut_test_read_file (ut_progress_get_path (f->progress)), !=, first);
}

static void
test_derived_states (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(UtCatalog) old_catalog = make_catalog (1);
  g_autoptr(UtCatalog) new_catalog = make_catalog (2);
  g_autoptr(GError) error = NULL;
  UtPlatform *old_example = ut_catalog_lookup (old_catalog, "example");
  UtPlatform *new_example = ut_catalog_lookup (new_catalog, "example");
  UtAction *turn_off = ut_platform_lookup_action (new_example, "turn-off");   /* recheck_days 90 */
  UtAction *object = ut_platform_lookup_action (new_example, "object");       /* default 180 */
  UtPlatformProgress progress;
  UtProfile *me;

  g_assert_true (ut_progress_load (f->progress, &error));
  me = ut_progress_get_default_profile (f->progress);
  g_assert_true (ut_progress_set_region (f->progress, me, UT_REGION_US, &error));

  ut_progress_get_platform_progress (f->progress, me, new_example, &progress);
  g_assert_cmpint (progress.state, ==, UT_PLATFORM_STATE_TODO);
  g_assert_cmpuint (progress.n_actions, ==, 2);
  g_assert_cmpuint (progress.n_done, ==, 0);

  /* Done against revision 1 on 10 January. */
  g_assert_true (ut_progress_set_state (f->progress, me, old_example, "turn-off", UT_ACTION_STATE_DONE, &error));
  g_assert_true (ut_progress_set_state (f->progress, me, old_example, "object", UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, old_example, turn_off), ==, UT_RECORD_FLAGS_NONE);
  ut_progress_get_platform_progress (f->progress, me, old_example, &progress);
  g_assert_cmpint (progress.state, ==, UT_PLATFORM_STATE_DONE);

  /* The catalog moved to revision 2: changed since you finished. */
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, turn_off), ==,
                   UT_RECORD_FLAGS_NEEDS_REVIEW);
  ut_progress_get_platform_progress (f->progress, me, new_example, &progress);
  g_assert_cmpint (progress.state, ==, UT_PLATFORM_STATE_CHANGED);
  g_assert_cmpuint (progress.n_needs_review, ==, 2);
  g_assert_cmpuint (ut_progress_get_finished_revision (f->progress, me, new_example), ==, 1);
  g_assert_cmpuint (ut_progress_get_finished_revision (f->progress, me, old_example), ==, 0);

  g_assert_true (ut_progress_confirm (f->progress, me, new_example, "turn-off", &error));
  g_assert_true (ut_progress_confirm (f->progress, me, new_example, "object", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, turn_off), ==, UT_RECORD_FLAGS_NONE);
  g_assert_cmpuint (ut_progress_get_finished_revision (f->progress, me, new_example), ==, 0);

  /* 89 days later nothing is due; on day 90 the action with recheck_days 90 is. */
  fixture_set_now (f, "2026-04-09T11:59:59Z");
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, turn_off), ==, UT_RECORD_FLAGS_NONE);
  fixture_set_now (f, "2026-04-10T12:00:00Z");
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, turn_off), ==, UT_RECORD_FLAGS_RECHECK_DUE);
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, object), ==, UT_RECORD_FLAGS_NONE);
  ut_progress_get_platform_progress (f->progress, me, new_example, &progress);
  g_assert_cmpint (progress.state, ==, UT_PLATFORM_STATE_RECHECK_DUE);

  /* The other action follows the default interval of 180 days, which the user can change. */
  fixture_set_now (f, "2026-07-09T12:00:00Z");
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, object), ==, UT_RECORD_FLAGS_RECHECK_DUE);
  fixture_set_now (f, "2026-02-01T12:00:00Z");
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, object), ==, UT_RECORD_FLAGS_NONE);
  g_assert_true (ut_progress_set_default_recheck_days (f->progress, 21, &error));
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, object), ==, UT_RECORD_FLAGS_RECHECK_DUE);

  /* Verified again: due no more. */
  g_assert_true (ut_progress_confirm (f->progress, me, new_example, "object", &error));
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, object), ==, UT_RECORD_FLAGS_NONE);

  /* Skipped actions are never due and never "changed". */
  g_assert_true (ut_progress_set_state (f->progress, me, old_example, "turn-off", UT_ACTION_STATE_SKIPPED, &error));
  g_assert_cmpint (ut_progress_get_record_flags (f->progress, me, new_example, turn_off), ==, UT_RECORD_FLAGS_NONE);
}

static void
test_corrupt_uses_backup (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autoptr(UtProgress) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  const GError *recovery;
  UtProfile *me;
  const char *garbage = "{\"format\": 1, \"profiles\": [ {\"id\": \"me\", \"na";

  populate (f, catalog);
  me = ut_progress_get_default_profile (f->progress);
  /* The backup now holds everything but this last change. */
  g_assert_true (ut_progress_set_state (f->progress, me, ut_catalog_lookup (catalog, "example"),
                                        "go-private", UT_ACTION_STATE_DONE, &error));
  write_file (ut_progress_get_path (f->progress), garbage);

  again = fixture_new_progress (f);
  g_assert_true (ut_progress_load (again, &error));
  g_assert_no_error (error);

  recovery = ut_progress_get_recovery (again);
  g_assert_error ((GError *) recovery, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED);
  g_test_message ("%s", recovery->message);
  g_assert_nonnull (strstr (recovery->message, "damaged"));
  g_assert_nonnull (strstr (recovery->message, "backup"));
  /* The backup's day, as the guides write dates (ut_format_date()), with no time of day. */
  {
    g_autofree char *backup_path = g_strconcat (ut_progress_get_path (f->progress), ".bak", NULL);
    g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
    g_autoptr(GFileInfo) info = g_file_query_info (backup, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_autoptr(GDateTime) modified = NULL;
    g_autofree char *day = NULL;
    g_autofree char *expected = NULL;

    g_assert_no_error (error);
    modified = g_file_info_get_modification_date_time (info);
    day = ut_format_date (modified);
    expected = g_strdup_printf ("the backup of %s was restored", day);
    g_assert_nonnull (strstr (recovery->message, expected));
  }

  /* Kept, not deleted, and named in the message. */
  aside = find_corrupt_copy (f);
  g_assert_nonnull (aside);
  g_assert_cmpstr (ut_test_read_file (aside), ==, garbage);
  g_assert_nonnull (strstr (recovery->message, aside));

  me = ut_progress_lookup_profile (again, "me");
  g_assert_nonnull (me);
  g_assert_nonnull (ut_profile_lookup_record (me, "example", "turn-off"));
  g_assert_null (ut_profile_lookup_record (me, "example", "go-private"));
  g_assert_nonnull (ut_progress_lookup_profile (again, "anna-muller"));
  g_assert_false (ut_progress_is_read_only (again));
}

static void
test_corrupt_without_backup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  const GError *recovery;

  write_file (ut_progress_get_path (f->progress), "\x01\x02 not json");
  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);

  recovery = ut_progress_get_recovery (f->progress);
  g_assert_error ((GError *) recovery, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED);
  g_assert_nonnull (strstr (recovery->message, "no usable backup"));
  aside = find_corrupt_copy (f);
  g_assert_nonnull (aside);
  g_assert_cmpstr (ut_test_read_file (aside), ==, "\x01\x02 not json");
  g_assert_cmpuint (g_list_model_get_n_items (ut_progress_get_profiles (f->progress)), ==, 0);
}

static void
test_wrong_shape_is_corrupt (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const GError *recovery;

  /* Valid JSON, but a record's state is not one Untrain knows. */
  write_file (ut_progress_get_path (f->progress),
              "{\"format\": 1, \"profiles\": [{\"id\": \"me\", \"name\": \"Me\", \"region\": \"EU\", "
              "\"platforms\": [], \"records\": [{\"platform\": \"x\", \"action\": \"y\", \"state\": \"maybe\"}]}]}");
  g_assert_true (ut_progress_load (f->progress, &error));
  recovery = ut_progress_get_recovery (f->progress);
  g_assert_nonnull (recovery);
  g_assert_nonnull (strstr (recovery->message, "maybe"));
}

static void
test_missing_file_uses_backup (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autoptr(UtProgress) again = NULL;
  g_autoptr(GError) error = NULL;

  populate (f, catalog);
  g_assert_cmpint (g_unlink (ut_progress_get_path (f->progress)), ==, 0);

  again = fixture_new_progress (f);
  g_assert_true (ut_progress_load (again, &error));
  g_assert_nonnull (ut_progress_get_recovery (again));
  g_assert_nonnull (strstr (ut_progress_get_recovery (again)->message, "missing"));
  g_assert_nonnull (ut_progress_lookup_profile (again, "me"));
}

static void
test_first_start (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  UtProfile *me;

  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_null (ut_progress_get_recovery (f->progress));
  g_assert_false (ut_progress_has_saved_state (f->progress));

  me = ut_progress_get_default_profile (f->progress);
  g_assert_cmpstr (ut_profile_get_id (me), ==, "me");
  g_assert_false (ut_profile_get_region_confirmed (me));
  /* Nothing is written until the user changes something. */
  g_assert_false (g_file_test (ut_progress_get_path (f->progress), G_FILE_TEST_EXISTS));
}

static void
test_future_format (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autoptr(GError) error = NULL;
  const char *future = "{\"format\": 99, \"profiles\": [], \"something_new\": true}";
  UtProfile *me;

  write_file (ut_progress_get_path (f->progress), future);
  g_assert_false (ut_progress_load (f->progress, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_FUTURE_FORMAT);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);
  g_assert_true (ut_progress_is_read_only (f->progress));

  me = ut_progress_get_default_profile (f->progress);
  g_assert_false (ut_progress_set_state (f->progress, me, ut_catalog_lookup (catalog, "example"),
                                         "turn-off", UT_ACTION_STATE_DONE, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ut_progress_save (f->progress, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_READ_ONLY);

  g_assert_cmpstr (ut_test_read_file (ut_progress_get_path (f->progress)), ==, future);
  g_assert_null (find_corrupt_copy (f));
}

/* The child half of read-only-directory: runs in a subprocess so that, as root, it can drop to an
 * unprivileged user, for whom permissions do stop writes. */
static void
test_read_only_directory_child (void)
{
  Fixture f = { (char *) g_getenv ("UT_TEST_DIRECTORY"), NULL, NULL };
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autoptr(UtProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  UtProfile *me;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as part of /progress/read-only-directory");
      return;
    }

  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not drop privileges");

  fixture_set_now (&f, "2026-01-10T12:00:00Z");
  progress = fixture_new_progress (&f);
  before = ut_test_read_file (ut_progress_get_path (progress));

  g_assert_true (ut_progress_load (progress, &error));
  g_assert_no_error (error);
  me = ut_progress_get_default_profile (progress);
  g_assert_false (ut_progress_set_state (progress, me, ut_catalog_lookup (catalog, "example"),
                                         "turn-off", UT_ACTION_STATE_DONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_true (g_str_has_prefix (error->message, "Could not save your progress: "));
  g_test_message ("%s", error->message);

  /* The change stays in memory, and the old file is untouched. */
  g_assert_cmpint (ut_profile_lookup_record (me, "example", "turn-off")->state, ==, UT_ACTION_STATE_DONE);
  after = ut_test_read_file (ut_progress_get_path (progress));
  g_assert_cmpstr (after, ==, before);
  g_date_time_unref (f.now);
}

static void
test_read_only_directory (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  UtProfile *me;

  g_assert_true (ut_progress_load (f->progress, &error));
  me = ut_progress_get_default_profile (f->progress);
  g_assert_true (ut_progress_set_region (f->progress, me, UT_REGION_EU, &error));
  g_assert_no_error (error);
  before = ut_test_read_file (ut_progress_get_path (f->progress));

  g_assert_cmpint (g_chmod (f->directory, 0555), ==, 0);
  g_setenv ("UT_TEST_DIRECTORY", f->directory, TRUE);
  g_test_trap_subprocess ("/progress/read-only-directory/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_assert_cmpstr (ut_test_read_file (ut_progress_get_path (f->progress)), ==, before);
  g_assert_cmpint (g_chmod (f->directory, 0700), ==, 0);
}

static void
test_profiles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  UtProfile *me, *dad;

  g_assert_true (ut_progress_load (f->progress, &error));
  me = ut_progress_get_default_profile (f->progress);

  dad = ut_progress_add_profile (f->progress, "Dad", UT_REGION_UK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ut_profile_get_id (dad), ==, "dad");
  g_assert_true (ut_progress_lookup_profile (f->progress, "DAD") == dad);

  g_assert_null (ut_progress_add_profile (f->progress, "dad", UT_REGION_UK, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ut_progress_add_profile (f->progress, "", UT_REGION_UK, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ut_progress_rename_profile (f->progress, dad, "Papa", &error));
  g_assert_cmpstr (ut_profile_get_id (dad), ==, "dad");
  g_assert_cmpstr (ut_profile_get_name (dad), ==, "Papa");

  g_assert_true (ut_progress_remove_profile (f->progress, dad, &error));
  g_assert_no_error (error);
  g_assert_false (ut_progress_remove_profile (f->progress, me, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (ut_progress_get_profiles (f->progress)), ==, 1);
}

static void
test_record_copy (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(UtRecord) record = ut_record_new ("example", "turn-off");
  g_autoptr(UtRecord) copy = NULL;
  UtRecord *boxed;

  g_assert_cmpstr (record->platform, ==, "example");
  g_assert_cmpstr (record->action, ==, "turn-off");
  g_assert_cmpint (record->state, ==, UT_ACTION_STATE_TODO);
  g_assert_null (record->changed_at);
  g_assert_null (record->done_at);
  g_assert_null (record->verified_at);
  g_assert_null (record->note);
  g_assert_cmpuint (record->revision, ==, 0);

  record->state = UT_ACTION_STATE_DONE;
  record->changed_at = g_date_time_new_from_iso8601 ("2026-01-10T12:00:00Z", utc);
  record->done_at = g_date_time_ref (record->changed_at);
  record->revision = 7;
  record->note = g_strdup ("Asked by e-mail");

  copy = ut_record_copy (record);
  g_assert_true (copy != record);
  g_assert_true (copy->platform != record->platform);
  g_assert_cmpstr (copy->platform, ==, "example");
  g_assert_cmpstr (copy->action, ==, "turn-off");
  g_assert_cmpint (copy->state, ==, UT_ACTION_STATE_DONE);
  g_assert_true (g_date_time_equal (copy->changed_at, record->changed_at));
  g_assert_true (g_date_time_equal (copy->done_at, record->done_at));
  g_assert_null (copy->verified_at);
  g_assert_cmpuint (copy->revision, ==, 7);
  g_assert_true (copy->note != record->note);
  g_assert_cmpstr (copy->note, ==, "Asked by e-mail");

  /* The copy owns what it holds: changing or freeing one leaves the other whole. */
  g_free (copy->note);
  copy->note = g_strdup ("Changed");
  g_assert_cmpstr (record->note, ==, "Asked by e-mail");

  g_assert_true (G_TYPE_IS_BOXED (UT_TYPE_RECORD));
  boxed = g_boxed_copy (UT_TYPE_RECORD, record);
  g_clear_pointer (&record, ut_record_free);
  g_assert_cmpstr (boxed->action, ==, "turn-off");
  g_assert_cmpstr (boxed->note, ==, "Asked by e-mail");
  g_boxed_free (UT_TYPE_RECORD, boxed);
}

/* The sums of ut_progress_get_platform_progress() over the platforms of @profile that @catalog
 * has, written out here the long way. */
static void
sum_platform_progress (UtProgress         *progress,
                       UtCatalog          *catalog,
                       UtProfile          *profile,
                       UtPlatformProgress *sum,
                       guint              *n_platforms)
{
  const char * const *ids = ut_profile_get_platforms (profile);

  memset (sum, 0, sizeof *sum);
  *n_platforms = 0;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      UtPlatform *platform = ut_catalog_lookup (catalog, ids[i]);
      UtPlatformProgress one;

      if (platform == NULL)
        continue;
      ut_progress_get_platform_progress (progress, profile, platform, &one);
      sum->n_actions += one.n_actions;
      sum->n_done += one.n_done;
      sum->n_skipped += one.n_skipped;
      sum->n_needs_review += one.n_needs_review;
      sum->n_recheck_due += one.n_recheck_due;
      (*n_platforms)++;
    }
}

static void
assert_profile_progress (Fixture         *f,
                         UtCatalog       *catalog,
                         UtProfile       *profile,
                         UtPlatformState  state,
                         guint            n_platforms,
                         guint            n_actions,
                         guint            n_done)
{
  UtPlatformProgress total, sum;
  guint counted = G_MAXUINT, summed;

  ut_progress_get_profile_progress (f->progress, catalog, profile, &total, &counted);
  sum_platform_progress (f->progress, catalog, profile, &sum, &summed);

  g_assert_cmpint (total.state, ==, state);
  g_assert_cmpuint (counted, ==, n_platforms);
  g_assert_cmpuint (total.n_actions, ==, n_actions);
  g_assert_cmpuint (total.n_done, ==, n_done);

  g_assert_cmpuint (counted, ==, summed);
  g_assert_cmpuint (total.n_actions, ==, sum.n_actions);
  g_assert_cmpuint (total.n_done, ==, sum.n_done);
  g_assert_cmpuint (total.n_skipped, ==, sum.n_skipped);
  g_assert_cmpuint (total.n_needs_review, ==, sum.n_needs_review);
  g_assert_cmpuint (total.n_recheck_due, ==, sum.n_recheck_due);

  /* n_platforms is optional. */
  memset (&sum, 0xff, sizeof sum);
  ut_progress_get_profile_progress (f->progress, catalog, profile, &sum, NULL);
  g_assert_cmpint (sum.state, ==, total.state);
  g_assert_cmpuint (sum.n_done, ==, total.n_done);
}

static void
test_profile_progress (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(UtCatalog) old_catalog = make_catalog (1);
  g_autoptr(UtCatalog) catalog = make_catalog (2);
  g_autoptr(GError) error = NULL;
  UtPlatform *old_example = ut_catalog_lookup (old_catalog, "example");
  UtPlatform *example = ut_catalog_lookup (catalog, "example");
  UtPlatform *sites = ut_catalog_lookup (catalog, "example-sites");
  const char *platforms[] = { "example", "example-sites", "no-longer-listed", NULL };
  const char *unknown[] = { "no-longer-listed", NULL };
  UtPlatformProgress total;
  UtProfile *me, *dad;

  g_assert_true (ut_progress_load (f->progress, &error));
  me = ut_progress_get_default_profile (f->progress);
  g_assert_true (ut_progress_set_region (f->progress, me, UT_REGION_US, &error));
  g_assert_true (ut_progress_set_platforms_used (f->progress, me, platforms, TRUE, &error));
  g_assert_no_error (error);

  /* Two actions each in the US; the platform the catalog no longer has counts for nothing. */
  assert_profile_progress (f, catalog, me, UT_PLATFORM_STATE_TODO, 2, 4, 0);

  g_assert_true (ut_progress_set_state (f->progress, me, example, "turn-off", UT_ACTION_STATE_DONE, &error));
  g_assert_true (ut_progress_set_state (f->progress, me, example, "object", UT_ACTION_STATE_SKIPPED, &error));
  g_assert_true (ut_progress_set_state (f->progress, me, sites, "turn-off", UT_ACTION_STATE_NOT_APPLICABLE, &error));
  g_assert_no_error (error);
  assert_profile_progress (f, catalog, me, UT_PLATFORM_STATE_TODO, 2, 4, 2);
  ut_progress_get_profile_progress (f->progress, catalog, me, &total, NULL);
  g_assert_cmpuint (total.n_skipped, ==, 1);

  /* Skipped counts as answered: with the last action done, everything is. */
  g_assert_true (ut_progress_set_state (f->progress, me, sites, "object", UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);
  assert_profile_progress (f, catalog, me, UT_PLATFORM_STATE_DONE, 2, 4, 3);

  /* One action finished against an older revision makes the whole profile "changed". */
  g_assert_true (ut_progress_set_state (f->progress, me, old_example, "object", UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);
  assert_profile_progress (f, catalog, me, UT_PLATFORM_STATE_CHANGED, 2, 4, 4);
  ut_progress_get_profile_progress (f->progress, catalog, me, &total, NULL);
  g_assert_cmpuint (total.n_needs_review, ==, 1);
  g_assert_true (ut_progress_confirm (f->progress, me, example, "object", &error));
  g_assert_no_error (error);
  assert_profile_progress (f, catalog, me, UT_PLATFORM_STATE_DONE, 2, 4, 4);

  /* Half a year on, the three done actions are due for a re-check; "not applicable" never is. */
  fixture_set_now (f, "2026-07-30T12:00:00Z");
  assert_profile_progress (f, catalog, me, UT_PLATFORM_STATE_RECHECK_DUE, 2, 4, 4);
  ut_progress_get_profile_progress (f->progress, catalog, me, &total, NULL);
  g_assert_cmpuint (total.n_recheck_due, ==, 3);

  /* A profile with no platform, or only ones the catalog lost, has nothing to do. */
  dad = ut_progress_add_profile (f->progress, "Dad", UT_REGION_UK, &error);
  g_assert_no_error (error);
  assert_profile_progress (f, catalog, dad, UT_PLATFORM_STATE_NOTHING_TO_DO, 0, 0, 0);
  g_assert_true (ut_progress_set_platforms_used (f->progress, dad, unknown, TRUE, &error));
  g_assert_no_error (error);
  assert_profile_progress (f, catalog, dad, UT_PLATFORM_STATE_NOTHING_TO_DO, 0, 0, 0);
}

static void
test_profile_is_set_up (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *platforms[] = { "example", NULL };
  UtProfile *me, *dad;

  g_assert_true (ut_progress_load (f->progress, &error));

  /* On a first start the region is only a guess and no platform is chosen. */
  me = ut_progress_get_default_profile (f->progress);
  g_assert_false (ut_profile_get_region_confirmed (me));
  g_assert_false (ut_profile_is_set_up (me));

  g_assert_true (ut_progress_set_platforms_used (f->progress, me, platforms, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (ut_profile_is_set_up (me));
  g_assert_true (ut_progress_set_region (f->progress, me, UT_REGION_CH, &error));
  g_assert_no_error (error);
  g_assert_true (ut_profile_is_set_up (me));
  g_assert_true (ut_progress_set_platforms_used (f->progress, me, platforms, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ut_profile_is_set_up (me));

  /* A profile added by hand has its region chosen, but no platform yet. */
  dad = ut_progress_add_profile (f->progress, "Dad", UT_REGION_UK, &error);
  g_assert_no_error (error);
  g_assert_true (ut_profile_get_region_confirmed (dad));
  g_assert_false (ut_profile_is_set_up (dad));
  g_assert_true (ut_progress_set_platforms_used (f->progress, dad, platforms, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ut_profile_is_set_up (dad));
}

static void
test_fallback_profile (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(UtProgress) other = NULL;
  g_autoptr(UtProfile) shown = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *profiles = ut_progress_get_profiles (f->progress);
  UtProfile *me, *dad, *mum, *fallback;

  g_assert_true (ut_progress_load (f->progress, &error));
  me = ut_progress_get_default_profile (f->progress);
  dad = ut_progress_add_profile (f->progress, "Dad", UT_REGION_UK, &error);
  g_assert_no_error (error);
  mum = ut_progress_add_profile (f->progress, "Mum", UT_REGION_UK, &error);
  g_assert_no_error (error);

  /* A profile still in the list stays; with none shown yet, the first is. */
  g_assert_true (ut_progress_get_fallback_profile (f->progress, dad) == dad);
  g_assert_true (ut_progress_get_fallback_profile (f->progress, NULL) == me);

  /* A deleted profile falls back to the first one, whichever was deleted. */
  g_object_ref (dad);
  g_assert_true (ut_progress_remove_profile (f->progress, dad, &error));
  g_assert_no_error (error);
  g_assert_true (ut_progress_get_fallback_profile (f->progress, dad) == me);
  g_object_unref (dad);

  g_object_ref (me);
  g_assert_true (ut_progress_remove_profile (f->progress, me, &error));
  g_assert_no_error (error);
  g_assert_true (ut_progress_get_fallback_profile (f->progress, me) == mum);
  g_object_unref (me);

  /* Progress loaded anew holds other objects, even for the same ids. A window keeps a reference
   * to the profile it shows, as this does. */
  shown = g_object_ref (mum);
  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);
  fallback = ut_progress_get_fallback_profile (f->progress, shown);
  g_assert_true (fallback != shown);
  g_assert_cmpstr (ut_profile_get_id (fallback), ==, "mum");

  /* With no profile left at all, the default one is made, so there is always one to show. */
  write_file (ut_progress_get_path (f->progress), "{\"format\": 1, \"profiles\": []}");
  other = fixture_new_progress (f);
  g_assert_true (ut_progress_load (other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ut_progress_get_profiles (other)), ==, 0);
  fallback = ut_progress_get_fallback_profile (other, shown);
  g_assert_cmpstr (ut_profile_get_id (fallback), ==, "me");
  g_assert_cmpuint (g_list_model_get_n_items (ut_progress_get_profiles (other)), ==, 1);
  g_assert_true (ut_progress_get_fallback_profile (other, fallback) == fallback);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
}

/* A request's history and proofs survive saving and loading; a proof is copied in under its
 * SHA-256, once; nothing can be attached to a request never sent, or bigger than 25 MB. */
static void
test_requests_and_proofs (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtProgress) reloaded = NULL;
  g_autofree char *proof_source = g_build_filename (f->directory, "reply.eml", NULL);
  g_autofree char *big_source = g_build_filename (f->directory, "huge.pdf", NULL);
  g_autoptr(GFile) proof_file = g_file_new_for_path (proof_source);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_source);
  g_autofree char *expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Subject: We stopped.\n", -1);
  g_autofree char *copy_path = NULL;
  g_autofree char *copied = NULL;
  UtProfile *profile = ut_progress_add_profile (f->progress, "Anna", UT_REGION_EU, &error);
  const UtRequest *request;
  FILE *big;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (proof_source, "Subject: We stopped.\n", -1, NULL));

  /* Nothing to attach to yet. */
  g_assert_false (ut_progress_attach_proof (f->progress, profile, "claude", NULL, proof_file, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ut_progress_add_request_event (f->progress, profile, "claude", UT_REQUEST_EVENT_SENT,
                                                "2026-10-31", "email", &error));
  g_assert_true (ut_progress_add_request_event (f->progress, profile, "claude", UT_REQUEST_EVENT_EXTENDED,
                                                "2026-11-20", NULL, &error));
  g_assert_false (ut_progress_add_request_event (f->progress, profile, "claude", UT_REQUEST_EVENT_ANSWERED,
                                                 "2026-13-01", NULL, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ut_progress_add_request_event (f->progress, profile, "claude", UT_REQUEST_EVENT_ANSWERED,
                                                 "2026-12-01", "fax", &error));
  g_clear_error (&error);

  g_assert_true (ut_progress_attach_proof (f->progress, profile, "claude", NULL, proof_file, &error));
  g_assert_no_error (error);
  g_assert_true (ut_progress_attach_proof (f->progress, profile, "claude", NULL, proof_file, &error));
  request = ut_profile_lookup_request (profile, "claude");
  g_assert_cmpuint (request->proofs->len, ==, 1);
  g_assert_cmpstr (g_array_index (request->proofs, UtProof, 0).sha256, ==, expected_sha);
  g_assert_cmpstr (g_array_index (request->proofs, UtProof, 0).name, ==, "reply.eml");
  copy_path = ut_progress_get_proof_path (f->progress, &g_array_index (request->proofs, UtProof, 0));
  g_assert_true (g_file_get_contents (copy_path, &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, "Subject: We stopped.\n");

  big = fopen (big_source, "w");
  g_assert_nonnull (big);
  g_assert_cmpint (fseek (big, 26 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('x', big);
  fclose (big);
  g_assert_false (ut_progress_attach_proof (f->progress, profile, "claude", NULL, big_file, &error));
  g_assert_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "25 MB"));
  g_clear_error (&error);

  /* Extended: the due date is three months after it was sent. */
  {
    g_autoptr(UtLegal) legal = ut_legal_load_bundled (NULL);
    g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
    g_autoptr(GDate) due = NULL;

    g_assert_cmpint (ut_request_get_state (request, ut_legal_get_rights (legal, UT_REGION_EU), today, &due), ==,
                     UT_REQUEST_STATE_OPEN);
    g_assert_cmpint (g_date_get_month (due), ==, G_DATE_JANUARY);
    g_assert_cmpint (g_date_get_day (due), ==, 31);
  }

  reloaded = ut_progress_new (f->directory);
  g_assert_true (ut_progress_load (reloaded, &error));
  g_assert_no_error (error);
  request = ut_profile_lookup_request (ut_progress_lookup_profile (reloaded, "Anna"), "claude");
  g_assert_nonnull (request);
  g_assert_cmpuint (request->events->len, ==, 2);
  g_assert_cmpint (g_array_index (request->events, UtRequestEvent, 1).kind, ==, UT_REQUEST_EVENT_EXTENDED);
  g_assert_cmpuint (request->proofs->len, ==, 1);

  /* A step's proof is kept with the step's record, and saved with it. */
  g_clear_object (&reloaded);
  g_assert_true (ut_progress_attach_proof (f->progress, profile, "claude", "turn-off-help-improve-claude", proof_file, &error));
  g_assert_no_error (error);
  reloaded = ut_progress_new (f->directory);
  g_assert_true (ut_progress_load (reloaded, &error));
  {
    const UtRecord *record = ut_profile_lookup_record (ut_progress_lookup_profile (reloaded, "Anna"), "claude",
                                                       "turn-off-help-improve-claude");

    g_assert_nonnull (record);
    g_assert_cmpuint (record->proofs->len, ==, 1);
    g_assert_cmpstr (g_array_index (record->proofs, UtProof, 0).sha256, ==, expected_sha);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/progress/round-trip", test_round_trip);
  ADD ("/progress/requests-and-proofs", test_requests_and_proofs);
  ADD ("/progress/backup-kept", test_backup_kept);
  ADD ("/progress/derived-states", test_derived_states);
  ADD ("/progress/corrupt-uses-backup", test_corrupt_uses_backup);
  ADD ("/progress/corrupt-without-backup", test_corrupt_without_backup);
  ADD ("/progress/wrong-shape-is-corrupt", test_wrong_shape_is_corrupt);
  ADD ("/progress/missing-file-uses-backup", test_missing_file_uses_backup);
  ADD ("/progress/first-start", test_first_start);
  ADD ("/progress/future-format", test_future_format);
  ADD ("/progress/read-only-directory", test_read_only_directory);
  g_test_add_func ("/progress/read-only-directory/child", test_read_only_directory_child);
  ADD ("/progress/profiles", test_profiles);
  ADD ("/progress/profile-progress", test_profile_progress);
  ADD ("/progress/profile-is-set-up", test_profile_is_set_up);
  ADD ("/progress/fallback-profile", test_fallback_profile);
#undef ADD
  g_test_add_func ("/progress/record-copy", test_record_copy);

  return g_test_run ();
}
