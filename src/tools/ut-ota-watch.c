/* ut-ota-watch.c — which followed terms and policies changed since a record's review
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open Terms Archive records every change to a platform's terms and policies as a git commit, and
 * the commit date is when the change was seen. A record lists the documents it rests on ("ota");
 * this reads local copies of those repositories (clones or bare mirrors, any number) and lists,
 * per record, each commit to a followed document after the day of its review: date, commit,
 * lines added and removed, and the changed lines that speak of training, AI or models, so that a
 * maintainer re-reads exactly what moved. git does the reading; nothing here parses its objects.
 */

#define G_LOG_DOMAIN "untrain-catalog"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ut-ota-watch.h"
#include "ut-json.h"

#define MAX_MENTIONS  5     /* changed lines quoted per commit */
#define MENTION_CHARS 240

/* Words that make a changed line worth quoting. "AI" only in capitals: "ai" is in too many words
 * of other languages that policies quote. */
#define MENTION_PATTERN \
  "\\b(?:AI|(?i:train(?:s|ed|ing)?|machine[- ]learning|artificial intelligence|generative|models?|LLMs?))\\b"

typedef struct
{
  char      *path;
  GHashTable *documents;   /* paths at HEAD */
} Copy;

static void
copy_free (Copy *copy)
{
  g_free (copy->path);
  g_clear_pointer (&copy->documents, g_hash_table_unref);
  g_free (copy);
}

static char *
run_git (const char  *copy,
         GError     **error,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list ap;

  g_ptr_array_add (args, (char *) "git");
  g_ptr_array_add (args, (char *) "-C");
  g_ptr_array_add (args, (char *) copy);
  va_start (ap, error);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git in %s: %s", copy, g_strstrip (err));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static Copy *
copy_open (const char  *path,
           GError     **error)
{
  g_autofree char *listing = run_git (path, error, "ls-tree", "-r", "-z", "--name-only", "HEAD", NULL);
  Copy *copy;

  if (listing == NULL)
    return NULL;

  copy = g_new0 (Copy, 1);
  copy->path = g_strdup (path);
  copy->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* -z: NUL-separated, so names with spaces or quotes come as they are. */
  for (const char *name = listing; *name != '\0'; name += strlen (name) + 1)
    g_hash_table_add (copy->documents, g_strdup (name));
  return copy;
}

/* The changed lines of one commit to @document that mention training, AI or models. */
static JsonArray *
find_mentions (const char  *copy,
               const char  *commit,
               const char  *document,
               GRegex      *pattern,
               GError     **error)
{
  g_autofree char *diff = run_git (copy, error, "show", "--format=", "-U0", "--no-color", "--no-ext-diff",
                                   commit, "--", document, NULL);
  g_auto(GStrv) lines = NULL;
  JsonArray *mentions;

  if (diff == NULL)
    return NULL;

  mentions = json_array_new ();
  lines = g_strsplit (diff, "\n", -1);
  for (guint i = 0; lines[i] != NULL && json_array_get_length (mentions) < MAX_MENTIONS; i++)
    {
      const char *line = lines[i];
      g_autofree char *text = NULL;

      if ((line[0] != '+' && line[0] != '-') || g_str_has_prefix (line, "+++") ||
          g_str_has_prefix (line, "---") || !g_regex_match (pattern, line, 0, NULL))
        continue;

      text = g_utf8_make_valid (line, -1);
      g_strstrip (text);
      if (g_utf8_strlen (text, -1) > MENTION_CHARS)
        {
          char *end = g_utf8_offset_to_pointer (text, MENTION_CHARS);

          strcpy (end, "…");
        }
      json_array_add_string_element (mentions, text);
    }
  return mentions;
}

/* Commits to @document in @copy after @reviewed, newest first. */
static JsonArray *
find_changes (const char  *copy,
              const char  *document,
              const char  *reviewed,
              GRegex      *pattern,
              GError     **error)
{
  g_autofree char *since = g_strdup_printf ("--since=%sT23:59:59Z", reviewed);
  g_autofree char *log = run_git (copy, error, "log", "--format=%x01%H%x09%cs", "--numstat", since,
                                  "--", document, NULL);
  g_auto(GStrv) entries = NULL;
  g_autoptr(JsonArray) commits = json_array_new ();

  if (log == NULL)
    return NULL;

  entries = g_strsplit (log, "\001", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (entries[i], "\n", -1);
      g_auto(GStrv) head = NULL;
      g_autoptr(JsonObject) change = NULL;
      gint64 added = 0, removed = 0;
      JsonArray *mentions;

      if (lines[0] == NULL || *lines[0] == '\0')
        continue;
      head = g_strsplit (lines[0], "\t", 2);
      if (g_strv_length (head) != 2)
        continue;

      for (guint j = 1; lines[j] != NULL; j++)
        {
          g_auto(GStrv) counts = g_strsplit (lines[j], "\t", 3);

          if (g_strv_length (counts) == 3)
            {
              added += g_ascii_strtoll (counts[0], NULL, 10);
              removed += g_ascii_strtoll (counts[1], NULL, 10);
            }
        }

      if ((mentions = find_mentions (copy, head[0], document, pattern, error)) == NULL)
        return NULL;

      change = json_object_new ();
      json_object_set_string_member (change, "commit", head[0]);
      json_object_set_string_member (change, "date", head[1]);
      json_object_set_int_member (change, "added", added);
      json_object_set_int_member (change, "removed", removed);
      json_object_set_array_member (change, "mentions", mentions);
      json_array_add_object_element (commits, g_steal_pointer (&change));
    }

  return g_steal_pointer (&commits);
}

static void
print_record (JsonObject *report)
{
  JsonArray *documents = json_object_get_array_member (report, "documents");

  g_print ("%s (reviewed %s)\n", json_object_get_string_member (report, "id"),
           json_object_get_string_member (report, "reviewed"));
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      JsonArray *commits = json_object_get_array_member (document, "commits");

      for (guint j = 0; j < json_array_get_length (commits); j++)
        {
          JsonObject *change = json_array_get_object_element (commits, j);
          JsonArray *mentions = json_object_get_array_member (change, "mentions");

          g_print ("  %s  %.10s  %s  +%" G_GINT64_FORMAT " -%" G_GINT64_FORMAT "\n",
                   json_object_get_string_member (change, "date"),
                   json_object_get_string_member (change, "commit"),
                   json_object_get_string_member (document, "document"),
                   json_object_get_int_member (change, "added"),
                   json_object_get_int_member (change, "removed"));
          for (guint k = 0; k < json_array_get_length (mentions); k++)
            g_print ("      %s\n", json_array_get_string_element (mentions, k));
        }
    }
}

/**
 * ut_ota_watch_run:
 * @records: record files
 * @copies: local copies of Open Terms Archive versions repositories
 * @json_path: (nullable): where to write the report as JSON
 *
 * Returns: the exit status: 0 when nothing changed since any review, 1 when something did,
 *   2 when a record or a copy cannot be read
 */
int
ut_ota_watch_run (char       **records,
                  char       **copies,
                  const char  *json_path)
{
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func ((GDestroyNotify) copy_free);
  g_autoptr(GRegex) pattern = g_regex_new (MENTION_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(JsonArray) reports = json_array_new ();
  g_autoptr(JsonArray) missing = json_array_new ();
  guint followed = 0, changed = 0, documents_changed = 0, commits_total = 0;

  g_assert (pattern != NULL);

  for (guint i = 0; copies[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      Copy *copy = copy_open (copies[i], &error);

      if (copy == NULL)
        {
          g_printerr ("untrain-catalog: %s is not a copy of a git repository that can be read: %s\n",
                      copies[i], error->message);
          return 2;
        }
      g_ptr_array_add (opened, copy);
    }

  for (guint i = 0; records[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ut_read_file_limited (records[i], 4 * 1024 * 1024, &error);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonObject) report = NULL;
      g_autoptr(JsonArray) report_documents = json_array_new ();
      JsonObject *record;
      JsonArray *ota;
      const char *id, *reviewed;

      if (bytes == NULL ||
          (root = ut_json_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error)) == NULL ||
          !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_printerr ("untrain-catalog: %s: %s\n", records[i], error != NULL ? error->message : "not a record");
          return 2;
        }
      record = json_node_get_object (root);
      id = json_object_get_string_member_with_default (record, "id", records[i]);
      reviewed = json_object_get_string_member_with_default (record, "reviewed", "");
      if (!json_object_has_member (record, "ota") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (record, "ota")))
        continue;
      if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", reviewed, 0, 0))
        {
          g_printerr ("untrain-catalog: %s: \"reviewed\" is not a date (YYYY-MM-DD)\n", records[i]);
          return 2;
        }

      followed++;
      ota = json_object_get_array_member (record, "ota");
      for (guint j = 0; j < json_array_get_length (ota); j++)
        {
          JsonObject *entry = json_array_get_object_element (ota, j);
          const char *document = entry != NULL ? json_object_get_string_member_with_default (entry, "document", NULL) : NULL;
          const char *collection = entry != NULL ? json_object_get_string_member_with_default (entry, "collection", "") : "";
          gboolean found = FALSE;

          if (document == NULL)
            continue;

          for (guint k = 0; k < opened->len; k++)
            {
              Copy *copy = g_ptr_array_index (opened, k);
              g_autoptr(JsonArray) commits = NULL;
              g_autoptr(JsonObject) report_document = NULL;

              if (!g_hash_table_contains (copy->documents, document))
                continue;
              found = TRUE;
              if ((commits = find_changes (copy->path, document, reviewed, pattern, &error)) == NULL)
                {
                  g_printerr ("untrain-catalog: %s\n", error->message);
                  return 2;
                }
              if (json_array_get_length (commits) == 0)
                continue;

              documents_changed++;
              commits_total += json_array_get_length (commits);
              report_document = json_object_new ();
              json_object_set_string_member (report_document, "collection", collection);
              json_object_set_string_member (report_document, "document", document);
              json_object_set_string_member (report_document, "copy", copy->path);
              json_object_set_array_member (report_document, "commits", g_steal_pointer (&commits));
              json_array_add_object_element (report_documents, g_steal_pointer (&report_document));
            }

          if (!found)
            {
              g_autofree char *where = g_strdup_printf ("%s: %s/%s", id, collection, document);

              json_array_add_string_element (missing, where);
            }
        }

      if (json_array_get_length (report_documents) == 0)
        continue;

      changed++;
      report = json_object_new ();
      json_object_set_string_member (report, "id", id);
      json_object_set_string_member (report, "reviewed", reviewed);
      json_object_set_array_member (report, "documents", g_steal_pointer (&report_documents));
      print_record (report);
      json_array_add_object_element (reports, g_steal_pointer (&report));
    }

  for (guint i = 0; i < json_array_get_length (missing); i++)
    g_print ("not in these copies: %s\n", json_array_get_string_element (missing, i));
  g_print ("%u of %u followed records changed since their review (%u documents, %u commits)\n",
           changed, followed, documents_changed, commits_total);

  if (json_path != NULL)
    {
      g_autoptr(JsonObject) top = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;

      json_object_set_int_member (top, "followed", followed);
      json_object_set_int_member (top, "changed", changed);
      json_object_set_array_member (top, "records", json_array_ref (reports));
      json_object_set_array_member (top, "missing", json_array_ref (missing));
      json_node_set_object (node, top);
      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      if (!json_generator_to_file (generator, json_path, &error))
        {
          g_printerr ("untrain-catalog: %s: %s\n", json_path, error->message);
          return 2;
        }
    }

  return changed > 0 ? 1 : 0;
}
