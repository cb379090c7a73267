/* untrain-catalog.c — the catalog maintainers' tool: bundles records (the build runs it),
 * makes signing keys, signs bundles for publication and verifies them
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-catalog"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ut-catalog.h"
#include "ut-catalog-audit.h"
#include "ut-catalog-messages.h"
#include "ut-catalog-validator.h"
#include "ut-json.h"
#include "ut-legal.h"
#include "ut-link-check.h"
#include "ut-ota-watch.h"
#include "ut-synthetic-catalog.h"
#include "ut-signature.h"
#include "ut-util.h"

#define USAGE \
  "usage: untrain-catalog validate RECORD.json…\n" \
  "       untrain-catalog audit [--today YYYY-MM-DD] RECORD.json…\n" \
  "       untrain-catalog bundle --version-file FILE --output FILE [--directory DIR]\n" \
  "                              [--translations LANG.po…] RECORD.json…\n" \
  "       untrain-catalog pot --output FILE RECORD.json…\n" \
  "       untrain-catalog legal [--output FILE] LEGAL.json\n" \
  "       untrain-catalog check-links [--json FILE] [--timeout S] [--per-host N] FILE…\n" \
  "       untrain-catalog stale --days N RECORD.json…\n" \
  "       untrain-catalog watch --ota DIR… [--json FILE] RECORD.json…\n" \
  "       untrain-catalog synthesize --count N --output FILE BUNDLE\n" \
  "       untrain-catalog keygen [--force] PRIVATE-KEY PUBLIC-KEY\n" \
  "       untrain-catalog sign --key PRIVATE-KEY [--output SIGNATURE] BUNDLE\n" \
  "       untrain-catalog verify --key PUBLIC-KEY [--signature SIGNATURE] BUNDLE\n" \
  "       untrain-catalog keys-source --output FILE PUBLIC-KEY…\n"

static int
usage (const char *problem)
{
  if (problem != NULL)
    g_printerr ("untrain-catalog: %s\n", problem);
  g_printerr ("%s", USAGE);
  return 2;
}

static gboolean
parse_options (const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage (error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads a key or signature file; on failure prints why, naming the file. */
static GBytes *
read_encoded (UtSignatureKind  kind,
              const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GBytes *bytes;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, &error) ||
      (bytes = ut_signature_decode (kind, text, (gssize) length, &error)) == NULL)
    {
      g_printerr ("untrain-catalog: %s: %s\n", path, error->message);
      if (text != NULL)
        memset (text, 0, length);
      return NULL;
    }
  if (kind == UT_SIGNATURE_KIND_PRIVATE_KEY)
    memset (text, 0, length);

  return bytes;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("untrain-catalog: %s\n", error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            int          mode)
{
  g_autoptr(GError) error = NULL;

  if (!ut_write_file_atomic (path, contents, strlen (contents), mode, &error))
    {
      g_printerr ("untrain-catalog: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

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

static char *
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Prints the problems one a line; returns whether there were none. */
static gboolean
print_problems (UtCatalogValidator *validator)
{
  GPtrArray *problems = ut_catalog_validator_get_problems (validator);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ut_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }

  return problems->len == 0;
}

/* The records' translations from PO files named after their language (de.po): language →
 * platform id → JSON pointer → [English, translation]. Only translations of the records' current
 * English are kept: one made for an older text would mix languages in a guide. */
static JsonNode *
build_translations (GPtrArray  *records,
                    char      **po_files)
{
  g_autoptr(JsonObject) languages = json_object_new ();
  JsonNode *node;

  for (guint f = 0; po_files != NULL && po_files[f] != NULL; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) table = ut_po_file_read (po_files[f], &error);
      g_autofree char *base = g_path_get_basename (po_files[f]);
      g_autoptr(JsonObject) by_record = json_object_new ();

      if (table == NULL)
        {
          g_printerr ("untrain-catalog: %s\n", error->message);
          return NULL;
        }
      if (!g_str_has_suffix (base, ".po"))
        {
          g_printerr ("untrain-catalog: %s: a translation file is named after its language, e.g. de.po\n", po_files[f]);
          return NULL;
        }
      base[strlen (base) - 3] = '\0';

      for (guint r = 0; r < records->len; r++)
        {
          JsonObject *record = json_node_get_object (g_ptr_array_index (records, r));
          g_autoptr(GPtrArray) messages = ut_catalog_collect_messages (record);
          g_autoptr(JsonObject) strings = json_object_new ();

          for (guint m = 0; m < messages->len; m++)
            {
              UtCatalogMessage *message = g_ptr_array_index (messages, m);
              g_autofree char *key = ut_po_key (message->context, message->text);
              const char *translated = g_hash_table_lookup (table, key);
              JsonArray *pair;

              if (translated == NULL)
                continue;
              pair = json_array_new ();
              json_array_add_string_element (pair, message->text);
              json_array_add_string_element (pair, translated);
              json_object_set_array_member (strings, message->pointer, pair);
            }
          if (json_object_get_size (strings) > 0)
            json_object_set_object_member (by_record, json_object_get_string_member (record, "id"),
                                           g_steal_pointer (&strings));
        }
      json_object_set_object_member (languages, base, g_steal_pointer (&by_record));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, languages);
  return node;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_paths_plain (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
bundle (gint64       version,
        const char  *output,
        const char  *directory,
        char       **po_files,
        char       **files)
{
  g_autoptr(JsonNode) translations = NULL;
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *today = NULL;
  g_autofree char *data = NULL;
  const char *epoch;
  gsize length;

  /* SOURCE_DATE_EPOCH keeps release builds reproducible. */
  epoch = g_getenv ("SOURCE_DATE_EPOCH");
  now = epoch != NULL ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                      : g_date_time_new_now_utc ();
  generated = ut_date_time_format (now);
  today = g_date_time_format (now, "%Y-%m-%d");
  ut_catalog_validator_set_today (validator, today);

  for (guint i = 0; files[i] != NULL; i++)
    {
      JsonNode *record = ut_catalog_validator_check_file (validator, files[i]);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (!print_problems (validator) || (directory != NULL && !check_all_listed (directory, files)))
    return 1;

  g_ptr_array_sort (records, compare_records);
  if ((translations = build_translations (records, po_files)) == NULL)
    return 1;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UT_CATALOG_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "generated");
  json_builder_add_string_value (builder, generated);
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    json_builder_add_value (builder, json_node_ref (g_ptr_array_index (records, i)));
  json_builder_end_array (builder);
  if (po_files != NULL && po_files[0] != NULL)
    {
      json_builder_set_member_name (builder, "translations");
      json_builder_add_value (builder, json_node_ref (translations));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (!ut_write_file_atomic (output, data, length, 0644, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

static int
command_validate (int    argc,
                  char **argv)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autofree char *today = today_local ();
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };

  if (!parse_options ("RECORD.json… — check platform records or bundles", entries, &argc, &argv))
    return 2;
  if (files == NULL)
    return usage ("validate needs at least one file");

  ut_catalog_validator_set_today (validator, today);
  for (guint i = 0; files[i] != NULL; i++)
    {
      JsonNode *root = ut_catalog_validator_check_file (validator, files[i]);

      g_clear_pointer (&root, json_node_unref);
    }

  return print_problems (validator) ? 0 : 1;
}

static char *
format_share (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup_printf ("%9s", "none");
  return g_strdup_printf ("%3u/%-3u %3u%%", part, whole, (guint) ((part * 100 + whole / 2) / whole));
}

static void
print_audit_row (const char           *name,
                 const char           *reviewed,
                 const UtAuditFigures *figures)
{
  g_autofree char *backed = format_share (figures->n_actions_backed, figures->n_actions);
  g_autofree char *linked = format_share (figures->n_toggles_and_forms_linked, figures->n_toggles_and_forms);

  g_print ("%-20s %-10s %5d   %s   %s   %3u/%-3u\n", name, reviewed, figures->days_since_review,
           backed, linked, figures->n_other_sources, figures->n_sources);
}

/* Adds every record in @root (a record or a bundle) to @total, printing a row for each. */
static void
audit_document (JsonNode       *root,
                GDate          *today,
                UtAuditFigures *total)
{
  JsonObject *object = json_node_get_object (root);
  JsonArray *platforms = json_object_has_member (object, "platforms")
                         ? json_object_get_array_member (object, "platforms") : NULL;
  guint n = platforms != NULL ? json_array_get_length (platforms) : 1;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = platforms != NULL ? json_array_get_object_element (platforms, i) : object;
      UtAuditFigures figures;

      if (record == NULL)
        continue;
      ut_catalog_audit_record (record, today, &figures);
      print_audit_row (json_object_get_string_member_with_default (record, "id", "?"),
                       json_object_get_string_member_with_default (record, "reviewed", "?"),
                       &figures);
      ut_catalog_audit_add (total, &figures);
    }
}

/* For maintainers: how fresh and how well backed each record is, and the catalog in total. */
static int
command_audit (int    argc,
               char **argv)
{
  g_autofree char *today_text = NULL;
  g_auto(GStrv) files = NULL;
  UtAuditFigures total = { 0 };
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, "Count days up to this date (default: today)", "YYYY-MM-DD" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };

  if (!parse_options ("RECORD.json… — how fresh and how well backed the catalog is", entries, &argc, &argv))
    return 2;
  if (files == NULL)
    return usage ("audit needs at least one record or bundle");
  if (today_text == NULL)
    today_text = today_local ();
  if (!ut_is_iso_date (today_text))
    return usage ("--today takes a date, YYYY-MM-DD");

  g_date_clear (&today, 1);
  g_date_set_parse (&today, today_text);

  g_print ("%-20s %-10s %5s   %-13s   %-13s   %s\n", "record", "reviewed", "days",
           "backed", "toggle/form", "other");
  g_print ("%-20s %-10s %5s   %-13s   %-13s   %s\n", "", "", "", "actions", "with a URL", "sources");
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_mapped_file (parser, files[i], &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_printerr ("%s: %s\n", files[i], error != NULL ? error->message : "not a record or a bundle");
          status = 1;
          continue;
        }
      audit_document (json_parser_get_root (parser), &today, &total);
    }

  {
    g_autofree char *name = g_strdup_printf ("total (%u)", total.n_records);

    g_print ("\n");
    print_audit_row (name, "oldest:", &total);
  }

  return status;
}

static int
command_bundle (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *version_file = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) po_files = NULL;
  gint64 version = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write catalog.json", "FILE" },
    { "translations", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &po_files, "Translations of the records (repeat for each language)", "LANG.po" },
    { "version-file", 0, 0, G_OPTION_ARG_FILENAME, &version_file, "File holding the catalog version", "FILE" },
    { "directory", 0, 0, G_OPTION_ARG_FILENAME, &directory, "Fail if a record in DIR is not among FILEs", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };

  if (!parse_options ("RECORD.json… — validate platform records and bundle them", entries, &argc, &argv))
    return 2;
  if (files == NULL || output == NULL || version_file == NULL)
    return usage (NULL);

  if (!g_file_get_contents (version_file, &text, NULL, &error) ||
      (version = g_ascii_strtoll (g_strstrip (text), NULL, 10)) <= 0)
    {
      g_printerr ("untrain-catalog: %s: %s\n", version_file,
                  error != NULL ? error->message : "not a positive integer");
      return 1;
    }

  return bundle (version, output, directory, po_files, files);
}

/* Checks the legal data (rights per region, regulators) as the app will, and copies it for the
 * build to compile in. */
static int
command_legal (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UtLegal) legal = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to copy the checked file", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "LEGAL.json" },
    { NULL }
  };

  if (!parse_options ("LEGAL.json — check the legal data", entries, &argc, &argv))
    return 2;
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage ("legal needs one file");

  if ((bytes = ut_read_file_limited (files[0], 4 * 1024 * 1024, &error)) == NULL ||
      (legal = ut_legal_new_from_bytes (bytes, files[0], &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (output != NULL && !ut_write_file_atomic (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0644, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Every address in the records (or bundles, or the legal data), checked over the network. */
static int
command_check_links (int    argc,
                     char **argv)
{
  g_autofree char *json = NULL;
  g_auto(GStrv) files = NULL;
  int timeout = 20, per_host = 2;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json, "Also write the report as JSON", "FILE" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Seconds to wait for each answer (default 20)", "S" },
    { "per-host", 0, 0, G_OPTION_ARG_INT, &per_host, "Requests at once to one host (default 2)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  UtLinkCheckOptions options;

  if (!parse_options ("FILE… — check every address the records hold", entries, &argc, &argv))
    return 2;
  if (files == NULL || timeout < 1 || timeout > 300 || per_host < 1 || per_host > 16)
    return usage ("check-links needs files, a --timeout of 1 to 300 seconds and --per-host of 1 to 16");

  options.timeout_seconds = (guint) timeout;
  options.per_host = (guint) per_host;
  options.total = 16;
  return ut_link_check_run (files, &options, json);
}

/* Which documents Open Terms Archive saw change after each record's review. */
static int
command_watch (int    argc,
               char **argv)
{
  g_autofree char *json = NULL;
  g_auto(GStrv) copies = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "ota", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &copies, "A local copy of an Open Terms Archive versions repository (repeatable)", "DIR" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json, "Also write the report as JSON", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };

  if (!parse_options ("RECORD.json… — followed terms and policies that changed since review", entries, &argc, &argv))
    return 2;
  if (files == NULL || copies == NULL)
    return usage ("watch needs at least one --ota DIR and one record");

  return ut_ota_watch_run (files, copies, json);
}

/* A catalog of N platforms copied from a real bundle, for benchmarks (meson's
 * synthetic_platforms option); never for a release. */
static int
command_synthesize (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(GBytes) synthetic = NULL;
  int count = 0;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Platforms in the new bundle", "N" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Where to write it", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "BUNDLE" },
    { NULL }
  };

  if (!parse_options ("BUNDLE — a synthetic catalog for benchmarks", entries, &argc, &argv))
    return 2;
  if (files == NULL || files[0] == NULL || files[1] != NULL || output == NULL || count < 1 || count > 100000)
    return usage ("synthesize needs one bundle, --output FILE and a --count of 1 to 100000");

  if ((bundle = ut_read_file_limited (files[0], 64 * 1024 * 1024, &error)) == NULL ||
      (synthetic = ut_synthetic_catalog_new_from (bundle, (guint) count, &error)) == NULL ||
      !ut_write_file_atomic (output, g_bytes_get_data (synthetic, NULL), g_bytes_get_size (synthetic), 0644, &error))
    {
      g_printerr ("untrain-catalog: %s: %s\n", files[0], error->message);
      return 1;
    }
  return 0;
}

/* Records not checked against their sources for --days days, oldest first. */
static int
command_stale (int    argc,
               char **argv)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(GStrv) files = NULL;
  int days = -1;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Older than this many days", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };
  g_autoptr(GDateTime) limit = NULL;
  g_autofree char *cutoff = NULL;

  if (!parse_options ("RECORD.json… — records due for a review", entries, &argc, &argv))
    return 2;
  if (files == NULL || days < 0)
    return usage ("stale needs --days N and at least one record");

  limit = g_date_time_add_days (now, -days);
  cutoff = g_date_time_format (limit, "%Y-%m-%d");
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ut_read_file_limited (files[i], 4 * 1024 * 1024, &error);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *record;
      const char *reviewed;

      if (bytes == NULL ||
          (root = ut_json_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error)) == NULL ||
          !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_printerr ("untrain-catalog: %s: %s\n", files[i], error != NULL ? error->message : "not a record");
          return 1;
        }
      record = json_node_get_object (root);
      reviewed = json_object_get_string_member_with_default (record, "reviewed", "");
      /* ISO dates compare as strings. */
      if (strcmp (reviewed, cutoff) < 0)
        g_ptr_array_add (rows, g_strdup_printf ("%s  %s", *reviewed != '\0' ? reviewed : "(never)",
                                                json_object_get_string_member_with_default (record, "id", files[i])));
    }

  g_ptr_array_sort (rows, (GCompareFunc) compare_paths_plain);
  for (guint i = 0; i < rows->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (rows, i));
  g_print ("%u of %u records last reviewed before %s\n", rows->len, g_strv_length (files), cutoff);
  return 0;
}

/* A gettext template of every string a person reads in the records, for translators. */
static int
command_pot (int    argc,
             char **argv)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) ut_catalog_message_free);
  g_autoptr(GPtrArray) message_files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pot = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the template", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "RECORD.json…" },
    { NULL }
  };

  if (!parse_options ("RECORD.json… — write the records' text as a gettext template", entries, &argc, &argv))
    return 2;
  if (files == NULL || output == NULL)
    return usage ("pot needs --output FILE and at least one record");

  /* Sorted like the bundle, so that the template's order does not depend on the shell's. */
  g_qsort_with_data (files, g_strv_length (files), sizeof (char *), compare_paths, NULL);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(JsonNode) record = ut_catalog_validator_check_file (validator, files[i]);
      g_autoptr(GPtrArray) record_messages = NULL;
      g_autofree char *base = g_path_get_basename (files[i]);

      if (record == NULL)
        continue;
      record_messages = ut_catalog_collect_messages (json_node_get_object (record));
      for (guint m = 0; m < record_messages->len; m++)
        {
          g_ptr_array_add (messages, g_ptr_array_steal_index (record_messages, m--));
          g_ptr_array_add (message_files, g_strconcat ("data/catalog/platforms/", base, NULL));
        }
    }
  if (!print_problems (validator))
    return 1;

  pot = ut_catalog_messages_to_pot (messages, message_files);
  if (!ut_write_file_atomic (output, pot, strlen (pot), 0644, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* The private key is written first and readable only by its owner. */
static int
command_keygen (int    argc,
                char **argv)
{
  g_autoptr(GBytes) private_key = NULL;
  g_autoptr(GBytes) public_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *private_text = NULL;
  g_autofree char *public_text = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  gboolean written;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, "Replace existing key files", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "PRIVATE-KEY PUBLIC-KEY" },
    { NULL }
  };

  if (!parse_options ("PRIVATE-KEY PUBLIC-KEY — make a new signing key pair", entries, &argc, &argv))
    return 2;
  if (files == NULL || g_strv_length (files) != 2)
    return usage ("keygen needs the private and the public key file names");
  if (g_strcmp0 (files[0], files[1]) == 0)
    return usage ("the private and the public key need two different files");

  for (guint i = 0; i < 2 && !force; i++)
    if (g_file_test (files[i], G_FILE_TEST_EXISTS))
      {
        g_printerr ("untrain-catalog: %s already exists; a signing key is never overwritten "
                    "(use --force if you really mean to replace it)\n", files[i]);
        return 1;
      }

  if (!ut_signature_generate_key (&private_key, &public_key, &error))
    {
      g_printerr ("untrain-catalog: %s\n", error->message);
      return 1;
    }

  private_text = ut_signature_encode (private_key);
  public_text = ut_signature_encode (public_key);
  written = write_file (files[0], private_text, 0600);
  memset (private_text, 0, strlen (private_text));
  if (!written || !write_file (files[1], public_text, 0644))
    return 1;

  g_print ("Private key (keep it secret, never commit it): %s\n", files[0]);
  g_print ("Public key: %s\n", files[1]);
  return 0;
}

static int
command_sign (int    argc,
              char **argv)
{
  g_autoptr(GBytes) private_key = NULL;
  g_autoptr(GBytes) public_key = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(UtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &key_path, "The private key", "PRIVATE-KEY" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the signature (default: BUNDLE.sig)", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "BUNDLE" },
    { NULL }
  };

  if (!parse_options ("BUNDLE — sign a catalog bundle for publication", entries, &argc, &argv))
    return 2;
  if (key_path == NULL || files == NULL || g_strv_length (files) != 1)
    return usage ("sign needs --key PRIVATE-KEY and one bundle");

  if ((private_key = read_encoded (UT_SIGNATURE_KIND_PRIVATE_KEY, key_path)) == NULL ||
      (data = read_file (files[0])) == NULL)
    return 1;

  /* Publishing a bundle the app would refuse helps nobody. */
  if ((catalog = ut_catalog_new_from_bytes (data, files[0], &error)) == NULL)
    {
      g_printerr ("untrain-catalog: not signed: %s\n", error->message);
      return 1;
    }

  signature = ut_signature_sign (private_key, data);
  public_key = g_bytes_new_from_bytes (private_key, UT_SIGNATURE_PUBLIC_KEY_SIZE,
                                       UT_SIGNATURE_PUBLIC_KEY_SIZE);
  if (!ut_signature_verify (public_key, data, signature, &error))
    {
      g_printerr ("untrain-catalog: %s\n", error->message);
      return 1;
    }

  if (output == NULL)
    output = g_strconcat (files[0], ".sig", NULL);
  text = ut_signature_encode (signature);
  if (!write_file (output, text, 0644))
    return 1;

  {
    g_autofree char *public_text = ut_signature_encode (public_key);

    g_print ("Signed %s (catalog version %" G_GINT64_FORMAT ") with the key whose public half is %s"
             "Signature: %s\n",
             files[0], ut_catalog_get_version (catalog), public_text, output);
  }
  return 0;
}

static int
command_verify (int    argc,
                char **argv)
{
  g_autoptr(GBytes) public_key = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(UtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *signature_path = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &key_path, "The public key", "PUBLIC-KEY" },
    { "signature", 's', 0, G_OPTION_ARG_FILENAME, &signature_path, "The signature (default: BUNDLE.sig)", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "BUNDLE" },
    { NULL }
  };

  if (!parse_options ("BUNDLE — check a bundle as Untrain will before installing it", entries, &argc, &argv))
    return 2;
  if (key_path == NULL || files == NULL || g_strv_length (files) != 1)
    return usage ("verify needs --key PUBLIC-KEY and one bundle");
  if (signature_path == NULL)
    signature_path = g_strconcat (files[0], ".sig", NULL);

  if ((public_key = read_encoded (UT_SIGNATURE_KIND_PUBLIC_KEY, key_path)) == NULL ||
      (signature = read_encoded (UT_SIGNATURE_KIND_SIGNATURE, signature_path)) == NULL ||
      (data = read_file (files[0])) == NULL)
    return 1;

  if (!ut_signature_verify (public_key, data, signature, &error))
    {
      g_printerr ("untrain-catalog: %s: BAD signature: %s\n", files[0], error->message);
      return 1;
    }

  if ((catalog = ut_catalog_new_from_bytes (data, files[0], &error)) == NULL)
    {
      g_printerr ("untrain-catalog: %s: good signature, but Untrain would refuse it: %s\n",
                  files[0], error->message);
      return 1;
    }

  g_print ("%s: good signature; a valid catalog, version %" G_GINT64_FORMAT ", %u platforms\n",
           files[0], ut_catalog_get_version (catalog),
           g_list_model_get_n_items (G_LIST_MODEL (catalog)));
  return 0;
}

/* Writes the C source that compiles public keys into a program (see ut-signature.h). */
static int
command_keys_source (int    argc,
                     char **argv)
{
  g_autoptr(GString) source = g_string_new (NULL);
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the C source", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "PUBLIC-KEY…" },
    { NULL }
  };

  if (!parse_options ("PUBLIC-KEY… — write the list of trusted keys as C", entries, &argc, &argv))
    return 2;
  if (output == NULL || files == NULL)
    return usage ("keys-source needs --output FILE and at least one public key");

  g_string_append (source, "/* Generated by untrain-catalog keys-source; do not edit. */\n\n"
                           "#include \"ut-signature.h\"\n\n");
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GBytes) key = read_encoded (UT_SIGNATURE_KIND_PUBLIC_KEY, files[i]);
      g_autofree char *name = NULL;
      const guint8 *data;

      if (key == NULL)
        return 1;

      name = g_path_get_basename (files[i]);
      data = g_bytes_get_data (key, NULL);
      g_string_append_printf (source, "/* %s */\nstatic const guint8 key_%u[UT_SIGNATURE_PUBLIC_KEY_SIZE] = {", name, i);
      for (guint j = 0; j < UT_SIGNATURE_PUBLIC_KEY_SIZE; j++)
        g_string_append_printf (source, "%s0x%02x,", j % 8 == 0 ? "\n  " : " ", data[j]);
      g_string_append (source, "\n};\n\n");
    }

  g_string_append (source, "static const guint8 * const keys[] = {");
  for (guint i = 0; files[i] != NULL; i++)
    g_string_append_printf (source, " key_%u,", i);
  g_string_append (source, " NULL };\n\n"
                           "const guint8 * const *\n"
                           "ut_signature_get_trusted_keys (void)\n"
                           "{\n"
                           "  return keys;\n"
                           "}\n");

  return write_file (output, source->str, 0644) ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *name;
    int (*run) (int argc, char **argv);
  } commands[] = {
    { "validate", command_validate },
    { "audit", command_audit },
    { "bundle", command_bundle },
    { "pot", command_pot },
    { "legal", command_legal },
    { "check-links", command_check_links },
    { "stale", command_stale },
    { "watch", command_watch },
    { "synthesize", command_synthesize },
    { "keygen", command_keygen },
    { "sign", command_sign },
    { "verify", command_verify },
    { "keys-source", command_keys_source },
  };

  setlocale (LC_ALL, "");

  if (argc < 2)
    return usage (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0)
    {
      g_print ("%s", USAGE);
      return 0;
    }

  {
    g_autofree char *problem = g_strdup_printf ("unknown command “%s”", argv[1]);

    return usage (problem);
  }
}
