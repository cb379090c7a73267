/* ut-catalog-audit.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-catalog-audit"

#include "config.h"

#include <string.h>

#include "ut-catalog-audit.h"
#include "ut-json.h"

/* The audit reads records as JSON, not through the model, so that it also counts what it can in
 * a record that does not validate yet: a maintainer runs it while fixing one. */

static JsonObject *
object_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint
days_since (const char *date,
            GDate      *today)
{
  GDate reviewed;

  if (date == NULL || strlen (date) != 10)
    return -1;

  g_date_clear (&reviewed, 1);
  g_date_set_parse (&reviewed, date);
  if (!g_date_valid (&reviewed))
    return -1;

  return g_date_days_between (&reviewed, today);
}

void
ut_catalog_audit_record (JsonObject     *record,
                         GDate          *today,
                         UtAuditFigures *figures)
{
  g_autoptr(GHashTable) primary = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *sources, *actions;

  g_return_if_fail (record != NULL);
  g_return_if_fail (today != NULL);
  g_return_if_fail (figures != NULL);

  memset (figures, 0, sizeof *figures);
  figures->n_records = 1;
  figures->days_since_review = days_since (ut_json_get_string (record, "reviewed"), today);

  sources = ut_json_get_array (record, "sources");
  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonObject *source = object_element (sources, i);
      const char *publisher = source != NULL ? ut_json_get_string (source, "publisher") : NULL;
      const char *id = source != NULL ? ut_json_get_string (source, "id") : NULL;

      figures->n_sources++;
      if (g_strcmp0 (publisher, "other") == 0)
        figures->n_other_sources++;
      else if (id != NULL && (g_strcmp0 (publisher, "platform") == 0 ||
                              g_strcmp0 (publisher, "regulator") == 0 ||
                              g_strcmp0 (publisher, "court") == 0))
        g_hash_table_add (primary, (gpointer) id);
    }

  actions = ut_json_get_array (record, "actions");
  for (guint i = 0; actions != NULL && i < json_array_get_length (actions); i++)
    {
      JsonObject *action = object_element (actions, i);
      JsonArray *cited;
      const char *kind;

      if (action == NULL)
        continue;

      figures->n_actions++;
      cited = ut_json_get_array (action, "sources");
      for (guint j = 0; cited != NULL && j < json_array_get_length (cited); j++)
        {
          JsonNode *id = json_array_get_element (cited, j);

          if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
              g_hash_table_contains (primary, json_node_get_string (id)))
            {
              figures->n_actions_backed++;
              break;
            }
        }

      kind = ut_json_get_string (action, "kind");
      if (g_strcmp0 (kind, "toggle") == 0 || g_strcmp0 (kind, "form") == 0)
        {
          figures->n_toggles_and_forms++;
          if (ut_json_get_string (action, "url") != NULL)
            figures->n_toggles_and_forms_linked++;
        }
    }
}

void
ut_catalog_audit_add (UtAuditFigures       *total,
                      const UtAuditFigures *record)
{
  g_return_if_fail (total != NULL);
  g_return_if_fail (record != NULL);

  if (total->n_records == 0)
    total->days_since_review = -1;
  total->n_records += record->n_records;
  total->days_since_review = MAX (total->days_since_review, record->days_since_review);
  total->n_actions += record->n_actions;
  total->n_actions_backed += record->n_actions_backed;
  total->n_toggles_and_forms += record->n_toggles_and_forms;
  total->n_toggles_and_forms_linked += record->n_toggles_and_forms_linked;
  total->n_sources += record->n_sources;
  total->n_other_sources += record->n_other_sources;
}
