/* bench-core.c — how long loading catalogs and saving progress take
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing. Targets (issue #2): a 10,000-platform catalog loads and
 * validates in under 250 ms, with cost linear in size; saving 1,000 progress records takes
 * under 20 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "ut-catalog.h"
#include "ut-progress.h"
#include "ut-synthetic-catalog.h"
#include "ut-test-utils.h"

#define RUNS 5

/* A synthetic bundle of @n copies of the real LinkedIn record, each with its own id, so every
 * platform is as large and as varied as a real one. The header (format, version, date) is the
 * bundled catalog's own, so the bundle stays valid when the catalog format moves on. */
static GBytes *
make_bundle (JsonObject *bundled,
             JsonObject *template,
             guint       n)
{
  g_autoptr(GList) header = json_object_get_members (bundled);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  for (const GList *l = header; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "platforms"))
        continue;
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (bundled, l->data)));
    }
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) node = json_node_alloc ();
      g_autoptr(JsonObject) copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (template);
      g_autofree char *id = g_strdup_printf ("platform-%05u", i);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (template, l->data)));
      json_object_set_string_member (copy, "id", id);
      json_node_init_object (node, copy);
      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* The share of json-glib's parser alone, which Untrain cannot make faster. */
static double
time_parse (GBytes *bytes)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gint64 start = g_get_monotonic_time ();

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        g_error ("synthetic catalog is not JSON");
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }

  return best;
}

/* @expected: how many platforms the catalog must have; 0 for any */
static double
time_load (GBytes *bytes,
           guint   expected)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(UtCatalog) catalog = ut_catalog_new_from_bytes (bytes, "synthetic", &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (catalog == NULL || (expected != 0 && g_list_model_get_n_items (G_LIST_MODEL (catalog)) != expected))
        g_error ("synthetic catalog did not load: %s", error != NULL ? error->message : "wrong size");
      best = MIN (best, ms);
    }

  return best;
}

static void
bench_save (UtCatalog *catalog,
            guint      n_records)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(UtProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("untrain-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "progress.json", NULL);
  g_autofree char *data = NULL;
  double best = G_MAXDOUBLE, total = 0;
  gsize length;

  /* A progress file with @n_records records across the catalog's platforms. */
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
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i % g_list_model_get_n_items (G_LIST_MODEL (catalog)));
      g_autofree char *action = g_strdup_printf ("action-%u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "platform");
      json_builder_add_string_value (builder, ut_platform_get_id (platform));
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, action);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, "done");
      json_builder_set_member_name (builder, "changed_at");
      json_builder_add_string_value (builder, "2026-11-29T06:00:00Z");
      json_builder_set_member_name (builder, "done_at");
      json_builder_add_string_value (builder, "2026-11-29T06:00:00Z");
      json_builder_set_member_name (builder, "verified_at");
      json_builder_add_string_value (builder, "2026-11-29T06:00:00Z");
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, 2);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  g_file_set_contents (path, data, length, NULL);

  progress = ut_progress_new (directory);
  if (!ut_progress_load (progress, &error))
    g_error ("%s", error->message);

  for (guint run = 0; run < RUNS * 4; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!ut_progress_save (progress, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      best = MIN (best, ms);
      total += ms;
    }

  {
    g_autofree char *size = g_format_size (length);

    g_print ("save %u progress records (atomic, fsync, backup): best %.2f ms, mean %.2f ms (%s)\n",
             n_records, best, total / (RUNS * 4), size);
  }

  ut_test_remove_tree (directory);
}

/* Issue 19: load + validate as throughput, against json-glib's parse-only throughput on the same
 * bytes (the floor with json-glib); the model and validation should cost no more than the parse. */
static void
bench_throughput (GBytes *real)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) synthetic = ut_synthetic_catalog_new_from (real, 1000, &error);
  struct { const char *name; GBytes *bytes; } catalogs[] = {
    { "the real catalog", real },
    { "1,000 synthetic platforms from the real records", synthetic },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (catalogs); i++)
    {
      double mb = (double) g_bytes_get_size (catalogs[i].bytes) / 1e6;
      double parse_ms = time_parse (catalogs[i].bytes);
      double load_ms = time_load (catalogs[i].bytes, 0);

      g_print ("throughput, %s (%.2f MB): json-glib parse only %.1f MB/s (%.1f ms); "
               "load + validate %.1f MB/s (%.1f ms); model and validation %.2f× the parse "
               "(target ≤ 1.00×, %s)\n",
               catalogs[i].name, mb, mb / (parse_ms / 1000), parse_ms, mb / (load_ms / 1000), load_ms,
               (load_ms - parse_ms) / parse_ms, load_ms - parse_ms <= parse_ms ? "met" : "not met");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) bundled = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const guint sizes[] = { 1000, 10000 };
  double per_platform[G_N_ELEMENTS (sizes)];
  double best = G_MAXDOUBLE;
  JsonObject *template = NULL;
  JsonObject *root;
  JsonArray *platforms;

  setlocale (LC_ALL, "");

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (&error);

      if (catalog == NULL)
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      g_set_object (&bundled, catalog);
    }
  g_print ("bundled catalog: %u platforms, load + validate best of %d: %.2f ms (%.1f µs per platform)\n",
           g_list_model_get_n_items (G_LIST_MODEL (bundled)), RUNS, best,
           best * 1000 / g_list_model_get_n_items (G_LIST_MODEL (bundled)));

  bytes = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, 0, NULL);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  root = json_node_get_object (json_parser_get_root (parser));
  platforms = json_object_get_array_member (root, "platforms");
  for (guint i = 0; i < json_array_get_length (platforms); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (platforms, i), "id"), "linkedin"))
      template = json_array_get_object_element (platforms, i);
  g_assert (template != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) synthetic = make_bundle (root, template, sizes[i]);
      double ms = time_load (synthetic, sizes[i]);
      double parse_ms = time_parse (synthetic);
      g_autofree char *size = g_format_size (g_bytes_get_size (synthetic));

      per_platform[i] = ms * 1000 / sizes[i];
      g_print ("synthetic catalog: %5u platforms (%s), load + validate best of %d: %7.2f ms (%.1f µs per platform; "
               "json-glib parsing alone %.2f ms, validation and model %.1f µs per platform)\n",
               sizes[i], size, RUNS, ms, per_platform[i], parse_ms, (ms - parse_ms) * 1000 / sizes[i]);
    }
  g_print ("linearity: per-platform cost at 10,000 is %.2f× the cost at 1,000\n", per_platform[1] / per_platform[0]);

  bench_throughput (bytes);
  bench_save (bundled, 1000);

  return 0;
}
