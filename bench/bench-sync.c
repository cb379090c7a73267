/* bench-sync.c — what a sync costs on the main thread, by the size of the progress
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing. A sync's network requests run while the main loop runs; the
 * stamping, merging and adopting of progress run on the main thread between two of them, so
 * their time is a pause of the window. Measured for one profile with N platforms of two
 * records each: stamping a first time and with nothing changed, merging another computer's
 * document in which every record changed, and making progress of it (checked and saved as
 * the progress file is), then the sealed file's size and the time to seal it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "ut-progress-private.h"
#include "ut-sync-crypto.h"
#include "ut-sync-document.h"
#include "ut-test-utils.h"

#define ROUNDS 5

static JsonNode *
progress_json (guint       n_platforms,
               const char *state,
               const char *changed_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UT_PROGRESS_FORMAT);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "me");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Me");
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, "EU");
  json_builder_set_member_name (builder, "region_confirmed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_platforms; i++)
    {
      g_autofree char *id = g_strdup_printf ("platform-%u", i);

      json_builder_add_string_value (builder, id);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_platforms * 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("platform-%u", i / 2);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "platform");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, i % 2 ? "objection-form" : "turn-off-training");
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state);
      json_builder_set_member_name (builder, "changed_at");
      json_builder_add_string_value (builder, changed_at);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, 3);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, ROUNDS, sizeof (double), compare_doubles);
  return values[ROUNDS / 2];
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure (guint n_platforms)
{
  double first[ROUNDS], again[ROUNDS], merge[ROUNDS], adopt[ROUNDS], seal[ROUNDS];
  gsize sealed_size = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(UtSyncDocument) here = ut_sync_document_new ("here");
      g_autoptr(UtSyncDocument) there = ut_sync_document_new ("there");
      g_autoptr(JsonNode) mine = progress_json (n_platforms, "done", "2026-11-30T10:00:00Z");
      g_autoptr(JsonNode) theirs = progress_json (n_platforms, "skipped", "2026-11-30T11:00:00Z");
      g_autoptr(JsonNode) merged = NULL;
      g_autoptr(JsonNode) written = NULL;
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GBytes) sealed = NULL;
      g_autoptr(GBytes) key = ut_sync_key_generate (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *directory = g_dir_make_tmp ("untrain-bench-sync-XXXXXX", NULL);
      g_autoptr(UtProgress) progress = ut_progress_new (directory);
      char *text;
      gint64 start;

      ut_sync_document_record_local (there, theirs, NULL, 0, FALSE);

      start = g_get_monotonic_time ();
      ut_sync_document_record_local (here, mine, NULL, 1796032800000, FALSE);
      first[round] = ms_since (start);

      start = g_get_monotonic_time ();
      ut_sync_document_record_local (here, mine, NULL, 1796032800000, FALSE);
      again[round] = ms_since (start);

      start = g_get_monotonic_time ();
      ut_sync_document_merge (here, there);
      merge[round] = ms_since (start);

      start = g_get_monotonic_time ();
      merged = ut_sync_document_to_progress (here);
      if (!_ut_progress_adopt (progress, merged, &error))
        g_error ("%s", error->message);
      adopt[round] = ms_since (start);

      start = g_get_monotonic_time ();
      written = ut_sync_document_to_json (here);
      text = json_to_string (written, FALSE);
      plain = g_bytes_new_take (text, strlen (text));
      sealed = ut_sync_seal (key, plain, NULL);
      seal[round] = ms_since (start);
      sealed_size = g_bytes_get_size (sealed);

      ut_test_remove_tree (directory);
    }

  printf ("%7u %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f\n", n_platforms, median (first), median (again),
          median (merge), median (adopt), median (seal), sealed_size / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 10, 100, 1000, 10000 };

  setlocale (LC_ALL, "C");
  printf ("Median of %d rounds, in ms, for one profile with N platforms of two records each\n", ROUNDS);
  printf ("%7s %9s %9s %9s %9s %9s %10s\n", "N", "stamp-1st", "stamp-0", "merge", "adopt", "write", "file KiB");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    measure (sizes[i]);
  return 0;
}
