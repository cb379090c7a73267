/* untrain-catalog.c — the catalog maintainers' tool, run by the build
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-catalog"

#include "config.h"

#include <locale.h>

#include "ut-catalog-validator.h"
#include "ut-util.h"

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  JsonNode *na = *(JsonNode **) a;
  JsonNode *nb = *(JsonNode **) b;

  return g_strcmp0 (json_object_get_string_member (json_node_get_object (na), "id"),
                    json_object_get_string_member (json_node_get_object (nb), "id"));
}

/* Every record in the folder must be in the build's list, or a maintainer's new record would
 * silently be left out of the app. */
static gboolean
check_all_listed (const char  *directory,
                  char       **files)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  const char *name;

  for (guint i = 0; files[i] != NULL; i++)
    g_hash_table_add (listed, g_path_get_basename (files[i]));

  if ((dir = g_dir_open (directory, 0, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && !g_hash_table_contains (listed, name))
        {
          g_printerr ("%s/%s: (whole file): not listed in data/catalog/meson.build; add it there\n",
                      directory, name);
          ok = FALSE;
        }
    }

  return ok;
}

static int
bundle (gint64       version,
        const char  *output,
        const char  *directory,
        char       **files)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *data = NULL;
  GPtrArray *problems;
  const char *epoch;
  gsize length;

  for (guint i = 0; files[i] != NULL; i++)
    {
      JsonNode *record = ut_catalog_validator_check_file (validator, files[i]);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  problems = ut_catalog_validator_get_problems (validator);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ut_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }
  if (problems->len > 0 || (directory != NULL && !check_all_listed (directory, files)))
    return 1;

  g_ptr_array_sort (records, compare_records);

  /* SOURCE_DATE_EPOCH keeps release builds reproducible. */
  epoch = g_getenv ("SOURCE_DATE_EPOCH");
  now = epoch != NULL ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                      : g_date_time_new_now_utc ();
  generated = ut_date_time_format (now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "generated");
  json_builder_add_string_value (builder, generated);
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    json_builder_add_value (builder, json_node_ref (g_ptr_array_index (records, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (!ut_write_file_atomic (output, data, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *version_file = NULL;
  g_auto(GStrv) files = NULL;
  gint64 version = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write catalog.json", "FILE" },
    { "version-file", 0, 0, G_OPTION_ARG_FILENAME, &version_file, "File holding the catalog version", "FILE" },
    { "directory", 0, 0, G_OPTION_ARG_FILENAME, &directory, "Fail if a record in DIR is not among FILEs", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("bundle — validate platform records and bundle them");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("untrain-catalog: %s\n", error->message);
      return 2;
    }

  if (files == NULL || g_strcmp0 (files[0], "bundle") != 0 || files[1] == NULL ||
      output == NULL || version_file == NULL)
    {
      g_printerr ("usage: untrain-catalog bundle --version-file FILE --output FILE [--directory DIR] RECORD.json…\n");
      return 2;
    }

  {
    g_autofree char *text = NULL;

    if (!g_file_get_contents (version_file, &text, NULL, &error) ||
        (version = g_ascii_strtoll (g_strstrip (text), NULL, 10)) <= 0)
      {
        g_printerr ("untrain-catalog: %s: %s\n", version_file,
                    error != NULL ? error->message : "not a positive integer");
        return 1;
      }
  }

  return bundle (version, output, directory, files + 1);
}
