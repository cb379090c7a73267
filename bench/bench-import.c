/* bench-import.c — how long importing a large backup and the next start take
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing. Targets (issue #12): importing a backup of 20,000 profiles, or
 * of one profile with 100,000 platforms and records, into fresh progress and then loading the
 * saved file as the next start does each take under 1 s, with cost linear from 1,000 to 100,000.
 *
 * Sizes above 10,000 can take very long while a step is quadratic, so --max-size=N leaves them
 * out, and --series=profiles or --series=platforms runs one series; by default every size of
 * both runs, because those are the sizes the issue is about.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "ut-progress.h"
#include "ut-test-utils.h"

/* Sizes are in items: profiles for the many-profiles shape, platforms (each with one record)
 * for the one-big-profile shape. */
typedef enum
{
  SHAPE_PROFILES,
  SHAPE_PLATFORMS,
} Shape;

typedef struct
{
  double import_ms;
  double load_ms;
  gsize  input_size;
  gsize  saved_size;
} Timing;

static const char *
shape_unit (Shape shape)
{
  return shape == SHAPE_PROFILES ? "profiles" : "platforms";
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/* One record as ut_progress_to_json() writes it, for a platform id that is a valid slug. */
static void
add_record (JsonBuilder *builder,
            const char  *platform,
            guint        i)
{
  json_builder_begin_object (builder);
  add_string (builder, "platform", platform);
  /* Both actions the real LinkedIn entry has, so records look like real ones. */
  add_string (builder, "action", i % 2 == 0 ? "turn-off-training" : "objection-form");
  add_string (builder, "state", i % 3 == 0 ? "skipped" : "done");
  add_string (builder, "changed_at", "2026-11-29T06:00:00Z");
  if (i % 3 != 0)
    {
      add_string (builder, "done_at", "2026-11-29T06:00:00Z");
      add_string (builder, "verified_at", "2026-11-29T06:00:00Z");
    }
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, 2);
  json_builder_end_object (builder);
}

static void
begin_profile (JsonBuilder *builder,
               const char  *id,
               const char  *name)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "name", name);
  add_string (builder, "region", "EU");
  json_builder_set_member_name (builder, "region_confirmed");
  json_builder_add_boolean_value (builder, TRUE);
}

/* A backup in the one shape saved progress has (build_json() in ut-progress.c): SHAPE_PROFILES
 * gives @n profiles, each using one platform with one record, as a family or a class would
 * have; SHAPE_PLATFORMS gives one profile using @n platforms, with one record each. The
 * generator writes no spaces, like an export does not either, so the largest inputs stay
 * under the 32 MiB an import accepts. */
static GBytes *
make_backup (Shape shape,
             guint n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UT_PROGRESS_FORMAT);
  json_builder_set_member_name (builder, "recheck_days");
  json_builder_add_int_value (builder, 180);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);

  if (shape == SHAPE_PROFILES)
    {
      static const char * const platforms[] = { "linkedin", "x", "reddit", "chatgpt", "claude" };

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("profile-%06u", i);
          g_autofree char *name = g_strdup_printf ("Person %06u", i);
          const char *platform = platforms[i % G_N_ELEMENTS (platforms)];

          begin_profile (builder, id, name);
          json_builder_set_member_name (builder, "platforms");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, platform);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "records");
          json_builder_begin_array (builder);
          add_record (builder, platform, i);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
    }
  else
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (ids, g_strdup_printf ("platform-%06u", i));

      begin_profile (builder, "someone", "Someone");
      json_builder_set_member_name (builder, "platforms");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "records");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        add_record (builder, g_ptr_array_index (ids, i), i);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static gsize
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gsize) buf.st_size : 0;
}

/* Checks the result outside the timed part, so that a fast wrong answer cannot pass for a
 * fast right one. */
static void
check_loaded (UtProgress *progress,
              Shape       shape,
              guint       n)
{
  GListModel *profiles = ut_progress_get_profiles (progress);
  guint n_profiles = g_list_model_get_n_items (profiles);

  if (shape == SHAPE_PROFILES)
    {
      if (n_profiles != n)
        g_error ("expected %u profiles after loading, found %u", n, n_profiles);
    }
  else
    {
      g_autoptr(UtProfile) profile = NULL;
      g_autoptr(GPtrArray) records = NULL;
      guint n_platforms = 0;

      if (n_profiles != 1)
        g_error ("expected one profile after loading, found %u", n_profiles);
      profile = g_list_model_get_item (profiles, 0);
      records = ut_profile_list_records (profile);
      for (const char * const *p = ut_profile_get_platforms (profile); *p != NULL; p++)
        n_platforms++;
      if (n_platforms != n || records->len != n)
        g_error ("expected %u platforms and records after loading, found %u and %u",
                 n, n_platforms, records->len);
    }
}

/* Imports @backup into fresh progress in a new folder, then loads what was saved with a new
 * UtProgress, as the next start of the app would. */
static Timing
run_once (GBytes *backup,
          Shape   shape,
          guint   n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("untrain-bench-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  Timing timing = { 0, };
  guint added = 0, updated = 0;
  gint64 start;

  if (directory == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (directory, "progress.json", NULL);

  {
    g_autoptr(UtProgress) fresh = ut_progress_new (directory);

    if (!ut_progress_load (fresh, &error))
      g_error ("%s", error->message);

    start = g_get_monotonic_time ();
    if (!ut_progress_import (fresh, backup, &added, &updated, &error))
      g_error ("import of %u %s failed: %s", n, shape_unit (shape), error->message);
    timing.import_ms = (g_get_monotonic_time () - start) / 1000.0;

    if (added != n)
      g_error ("import of %u %s added %u records", n, shape_unit (shape), added);
  }

  timing.input_size = g_bytes_get_size (backup);
  timing.saved_size = file_size (path);

  {
    g_autoptr(UtProgress) next = ut_progress_new (directory);

    start = g_get_monotonic_time ();
    if (!ut_progress_load (next, &error))
      g_error ("loading the imported %u %s failed: %s", n, shape_unit (shape), error->message);
    timing.load_ms = (g_get_monotonic_time () - start) / 1000.0;

    if (ut_progress_get_recovery (next) != NULL)
      g_error ("the imported progress did not load cleanly: %s", ut_progress_get_recovery (next)->message);
    check_loaded (next, shape, n);
  }

  ut_test_remove_tree (directory);

  return timing;
}

/* The share json-glib and the file system take, which Untrain cannot make faster: parsing the
 * backup, parsing the saved file, and writing the saved file as a save does (atomic, fsync). */
typedef struct
{
  double parse_backup_ms;
  double parse_saved_ms;
  double write_ms;
} Floors;

static double
time_parse (const char *data,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gint64 start = g_get_monotonic_time ();

  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    g_error ("generated JSON does not parse");
  return (g_get_monotonic_time () - start) / 1000.0;
}

static Floors
measure_floors (GBytes *backup,
                Shape   shape,
                guint   n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("untrain-bench-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *contents = NULL;
  Floors floors = { 0, };
  gsize length;
  gint64 start;

  if (directory == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (directory, "progress.json", NULL);
  scratch = g_build_filename (directory, "scratch.json", NULL);

  {
    g_autoptr(UtProgress) progress = ut_progress_new (directory);

    if (!ut_progress_load (progress, &error) ||
        !ut_progress_import (progress, backup, NULL, NULL, &error))
      g_error ("import of %u %s failed: %s", n, shape_unit (shape), error->message);
  }
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  floors.parse_backup_ms = time_parse (g_bytes_get_data (backup, NULL), g_bytes_get_size (backup));
  floors.parse_saved_ms = time_parse (contents, length);

  start = g_get_monotonic_time ();
  if (!g_file_set_contents_full (scratch, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &error))
    g_error ("%s", error->message);
  floors.write_ms = (g_get_monotonic_time () - start) / 1000.0;

  ut_test_remove_tree (directory);

  return floors;
}

/* Small sizes are noisy, large ones slow: more runs for the small ones, best of them kept. */
static guint
runs_for (guint n)
{
  return n <= 1000 ? 5 : n <= 10000 ? 3 : 1;
}

static Timing
measure (Shape shape,
         guint n)
{
  g_autoptr(GBytes) backup = make_backup (shape, n);
  Timing best = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0 };
  guint runs = runs_for (n);

  for (guint run = 0; run < runs; run++)
    {
      Timing timing = run_once (backup, shape, n);

      if (timing.import_ms + timing.load_ms < best.import_ms + best.load_ms)
        best = timing;
    }

  {
    g_autofree char *input = g_format_size (best.input_size);
    g_autofree char *saved = g_format_size (best.saved_size);
    double total = best.import_ms + best.load_ms;
    Floors floors = measure_floors (backup, shape, n);

    g_print ("%7u %-9s import %9.1f ms + next start %9.1f ms = %9.1f ms  (%6.2f µs per item; "
             "backup %s, saved %s; best of %u)%s\n",
             n, shape_unit (shape), best.import_ms, best.load_ms, total, total * 1000 / n,
             input, saved, runs, total < 1000 ? "" : "  over the 1 s target");
    g_print ("%17s of which json-glib parsing the backup %.1f ms, writing the saved file (atomic, fsync) %.1f ms, "
             "parsing it %.1f ms\n",
             "", floors.parse_backup_ms, floors.write_ms, floors.parse_saved_ms);
  }

  return best;
}

/* Before a size that may take very long, says how long it would take if the cost were linear
 * or quadratic from the last size measured, so that someone waiting knows what to expect. */
static void
print_projection (const Timing *last,
                  guint         last_n,
                  guint         n)
{
  double ms = last->import_ms + last->load_ms;
  double factor = (double) n / last_n;

  if (ms * factor * factor < 10000)
    return;

  g_print ("        (next: %u; from %u, about %.1f s if linear, %.0f s if quadratic; "
           "--max-size=%u leaves it out)\n",
           n, last_n, ms * factor / 1000, ms * factor * factor / 1000, last_n);
}

static void
run_series (Shape        shape,
            const guint *sizes,
            guint        n_sizes,
            guint        max_size)
{
  g_autofree double *per_item = g_new0 (double, n_sizes);
  Timing last = { 0, };
  guint last_n = 0;
  guint first = G_MAXUINT, measured = G_MAXUINT;

  g_print ("\nimport + next start, %s:\n", shape == SHAPE_PROFILES ? "many profiles (one platform and record each)"
                                                                   : "one profile, many platforms (one record each)");
  for (guint i = 0; i < n_sizes; i++)
    {
      if (sizes[i] > max_size)
        {
          g_print ("%7u %-9s left out (--max-size=%u)\n", sizes[i], shape_unit (shape), max_size);
          continue;
        }
      if (last_n != 0)
        print_projection (&last, last_n, sizes[i]);

      last = measure (shape, sizes[i]);
      last_n = sizes[i];
      per_item[i] = (last.import_ms + last.load_ms) * 1000 / sizes[i];
      if (first == G_MAXUINT)
        first = i;
      measured = i;
    }

  /* Linear cost keeps the cost per item flat; quadratic cost multiplies it by the growth. */
  if (first != G_MAXUINT && measured != first)
    g_print ("linearity: per-item cost at %u %s is %.2f× the cost at %u (1× is linear, %.0f× would be quadratic)\n",
             sizes[measured], shape_unit (shape), per_item[measured] / per_item[first], sizes[first],
             (double) sizes[measured] / sizes[first]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int max_size = G_MAXINT;
  g_autofree char *series = NULL;
  /* The scaling series of the issue; 20,000 profiles is the size it names for profiles. */
  const guint profile_sizes[] = { 1000, 10000, 20000, 100000 };
  const guint platform_sizes[] = { 1000, 10000, 100000 };
  const GOptionEntry entries[] = {
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size,
      "Leave out sizes above N (default: run all, up to 100,000)", "N" },
    { "series", 0, 0, G_OPTION_ARG_STRING, &series,
      "Run one series only: profiles or platforms (default: both)", "NAME" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Figures appear as they are measured, also when meson pipes them. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  context = g_option_context_new ("— time importing large backups and the next start");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || max_size <= 0 ||
      (series != NULL && !g_str_equal (series, "profiles") && !g_str_equal (series, "platforms")))
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "--max-size must be positive, --series profiles or platforms");
      return 2;
    }

  g_print ("Target (issue #12): each under 1 s; per-item cost flat from 1,000 to 100,000.\n");
  if (series == NULL || g_str_equal (series, "profiles"))
    run_series (SHAPE_PROFILES, profile_sizes, G_N_ELEMENTS (profile_sizes), (guint) max_size);
  if (series == NULL || g_str_equal (series, "platforms"))
    run_series (SHAPE_PLATFORMS, platform_sizes, G_N_ELEMENTS (platform_sizes), (guint) max_size);

  return 0;
}
