/* ut-catalog-messages.c — the catalog's text as gettext messages, for translators
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-catalog"

#include "config.h"

#include <string.h>

#include "ut-catalog-messages.h"

/* Every string a person reads in a guide is one message. Its context names the record and the
 * place in it, so that the same English sentence in two records can be translated apart, and a
 * translator sees where a sentence stands. Names, setting labels, URLs and sources are not
 * translated: names are the platforms' own, and labels are quoted as the platform writes them. */

void
ut_catalog_message_free (UtCatalogMessage *message)
{
  g_free (message->context);
  g_free (message->pointer);
  g_free (message->text);
  g_free (message->comment);
  g_free (message);
}

static void
add (GPtrArray  *messages,
     const char *id,
     const char *pointer,
     const char *text,
     const char *comment)
{
  UtCatalogMessage *message;

  if (text == NULL)
    return;

  message = g_new0 (UtCatalogMessage, 1);
  message->context = g_strconcat (id, pointer, NULL);
  message->pointer = g_strdup (pointer);
  message->text = g_strdup (text);
  message->comment = g_strdup (comment);
  g_ptr_array_add (messages, message);
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  return json_object_get_string_member_with_default (object, key, NULL);
}

/**
 * ut_catalog_collect_messages:
 * @record: a record the validator accepted
 *
 * Returns: (transfer full) (element-type UtCatalogMessage): the record's translatable text, in
 *   the order a guide shows it.
 */
GPtrArray *
ut_catalog_collect_messages (JsonObject *record)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) ut_catalog_message_free);
  const char *id = string_member (record, "id");
  const char *name = string_member (record, "name");
  JsonObject *regions = json_object_get_object_member (record, "regions");
  JsonArray *actions = json_object_get_array_member (record, "actions");
  JsonArray *changes = json_object_get_array_member (record, "changes");
  static const char * const region_codes[] = { "US", "EU", "CH", "UK", "OTHER" };
  g_autofree char *about = g_strdup_printf ("%s: what the platform trains on.", name);

  add (messages, id, "/data_used", string_member (record, "data_used"), about);
  add (messages, id, "/note", string_member (record, "note"), NULL);

  for (guint r = 0; r < G_N_ELEMENTS (region_codes); r++)
    {
      JsonObject *region = json_object_get_object_member (regions, region_codes[r]);
      g_autofree char *pointer = g_strdup_printf ("/regions/%s/note", region_codes[r]);
      g_autofree char *comment = g_strdup_printf ("%s: a note for people in region %s.", name, region_codes[r]);

      add (messages, id, pointer, string_member (region, "note"), comment);
    }

  for (guint a = 0; a < json_array_get_length (actions); a++)
    {
      JsonObject *action = json_array_get_object_element (actions, a);
      JsonArray *steps = json_object_get_array_member (action, "steps");
      const char *label = string_member (action, "setting_label");
      g_autofree char *pointer = g_strdup_printf ("/actions/%u/title", a);
      g_autofree char *comment = NULL;

      add (messages, id, pointer, string_member (action, "title"),
           "The title of a step: an instruction, as an imperative.");
      /* Labels stay as the platform writes them: a person looks for those very words. */
      if (label != NULL)
        comment = g_strdup_printf ("Keep the platform's label “%s” in English, as it is quoted.", label);
      else
        comment = g_strdup ("Keep words in quotes (the platform's own labels) in English.");
      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          g_autofree char *step = g_strdup_printf ("/actions/%u/steps/%u", a, s);

          add (messages, id, step, json_array_get_string_element (steps, s), comment);
        }
      g_free (pointer);
      pointer = g_strdup_printf ("/actions/%u/note", a);
      add (messages, id, pointer, string_member (action, "note"), NULL);
    }

  for (guint c = 0; c < json_array_get_length (changes); c++)
    {
      g_autofree char *pointer = g_strdup_printf ("/changes/%u/summary", c);

      add (messages, id, pointer, string_member (json_array_get_object_element (changes, c), "summary"),
           "Shown to people who finished the guide before this change.");
    }

  return messages;
}

static void
append_quoted (GString    *out,
               const char *keyword,
               const char *text)
{
  g_string_append_printf (out, "%s \"", keyword);
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default: g_string_append_c (out, *p);
      }
  g_string_append (out, "\"\n");
}

/**
 * ut_catalog_messages_to_pot:
 * @messages: (element-type UtCatalogMessage): every record's messages
 * @files: (element-type utf8): the record file of each message, for "#:" lines
 *
 * Returns: a gettext template (POT) with every message, as msgmerge and translation platforms
 *   read it.
 */
char *
ut_catalog_messages_to_pot (GPtrArray *messages,
                            GPtrArray *files)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "# The text of Untrain's catalog: the guides people follow.\n"
                   "# Each message's context is the platform's id and the place in its record.\n"
                   "# Made by `untrain-catalog pot`; do not edit.\n"
                   "msgid \"\"\n"
                   "msgstr \"\"\n"
                   "\"Project-Id-Version: untrain-catalog\\n\"\n"
                   "\"MIME-Version: 1.0\\n\"\n"
                   "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                   "\"Content-Transfer-Encoding: 8bit\\n\"\n");

  for (guint i = 0; i < messages->len; i++)
    {
      UtCatalogMessage *message = g_ptr_array_index (messages, i);

      g_string_append_c (out, '\n');
      if (message->comment != NULL)
        g_string_append_printf (out, "#. %s\n", message->comment);
      g_string_append_printf (out, "#: %s\n", (const char *) g_ptr_array_index (files, i));
      append_quoted (out, "msgctxt", message->context);
      append_quoted (out, "msgid", message->text);
      g_string_append (out, "msgstr \"\"\n");
    }

  return g_string_free (out, FALSE);
}

char *
ut_po_key (const char *context,
           const char *msgid)
{
  return g_strdup_printf ("%s\004%s", context, msgid);
}

/* The text of a PO string line, `"…"`, unescaped and appended to @value. */
static gboolean
append_po_string (GString    *value,
                  const char *line)
{
  const char *p = line;

  if (*p++ != '"')
    return FALSE;
  for (; *p != '\0' && *p != '"'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (value, *p);
          continue;
        }
      switch (*++p)
        {
        case 'n': g_string_append_c (value, '\n'); break;
        case 't': g_string_append_c (value, '\t'); break;
        case '"': g_string_append_c (value, '"'); break;
        case '\\': g_string_append_c (value, '\\'); break;
        default: return FALSE;
        }
    }
  return *p == '"' && p[1] == '\0';
}

typedef struct
{
  GString  *context;
  GString  *msgid;
  GString  *msgstr;
  GString  *current;  /* which of the three a continuation line adds to */
  gboolean  fuzzy;
  gboolean  has_context;
} Entry;

static void
entry_finish (Entry      *entry,
              GHashTable *table)
{
  /* Untranslated and fuzzy entries are no translation at all: the English is shown instead. */
  if (entry->has_context && entry->msgid->len > 0 && entry->msgstr->len > 0 && !entry->fuzzy)
    g_hash_table_insert (table, ut_po_key (entry->context->str, entry->msgid->str),
                         g_strdup (entry->msgstr->str));
  g_string_truncate (entry->context, 0);
  g_string_truncate (entry->msgid, 0);
  g_string_truncate (entry->msgstr, 0);
  entry->current = NULL;
  entry->fuzzy = FALSE;
  entry->has_context = FALSE;
}

/**
 * ut_po_file_read:
 *
 * Reads the translations of a PO file: "context\004msgid" → msgstr, leaving out untranslated,
 * fuzzy and obsolete entries. Plural forms are not used by the catalog and are refused.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set, naming the line
 */
GHashTable *
ut_po_file_read (const char  *path,
                 GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Entry entry = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), NULL, FALSE, FALSE };
  gboolean ok = TRUE;

  if (!g_file_get_contents (path, &contents, NULL, error))
    goto out;
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not UTF-8", path);
      ok = FALSE;
      goto out;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint n = 0; lines[n] != NULL && ok; n++)
    {
      char *line = g_strstrip (lines[n]);
      GString *target = NULL;
      const char *rest = NULL;

      if (*line == '\0' || g_str_has_prefix (line, "#~"))
        continue;
      if (*line == '#')
        {
          if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
            {
              entry_finish (&entry, table);
              entry.fuzzy = TRUE;
            }
          continue;
        }

      if (g_str_has_prefix (line, "msgctxt "))
        {
          if (entry.msgstr->len > 0 || entry.current == entry.msgstr)
            {
              gboolean fuzzy = entry.fuzzy;

              entry_finish (&entry, table);
              entry.fuzzy = fuzzy;
            }
          target = entry.context, rest = line + 8, entry.has_context = TRUE;
        }
      else if (g_str_has_prefix (line, "msgid_plural ") || g_str_has_prefix (line, "msgstr["))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: plural forms are not used in the catalog", path, n + 1);
          ok = FALSE;
          break;
        }
      else if (g_str_has_prefix (line, "msgid "))
        {
          if (entry.current == entry.msgstr)
            {
              gboolean fuzzy = entry.fuzzy;

              entry_finish (&entry, table);
              entry.fuzzy = fuzzy;
            }
          target = entry.msgid, rest = line + 6;
        }
      else if (g_str_has_prefix (line, "msgstr "))
        target = entry.msgstr, rest = line + 7;
      else if (*line == '"' && entry.current != NULL)
        target = entry.current, rest = line;

      if (target == NULL || !append_po_string (target, rest))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: cannot read “%s”", path, n + 1, line);
          ok = FALSE;
          break;
        }
      entry.current = target;
    }
  if (ok)
    entry_finish (&entry, table);

out:
  g_string_free (entry.context, TRUE);
  g_string_free (entry.msgid, TRUE);
  g_string_free (entry.msgstr, TRUE);
  return ok && contents != NULL ? g_steal_pointer (&table) : NULL;
}
