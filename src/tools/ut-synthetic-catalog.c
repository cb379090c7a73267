/* ut-synthetic-catalog.c — large catalogs made from the real records, for tests and benchmarks
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the tests, the benchmarks and `untrain-catalog synthesize`; never for a release build.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ut-synthetic-catalog.h"

/**
 * ut_synthetic_catalog_new_from:
 * @bundle: a catalog bundle (the real one)
 * @n_platforms: how many platforms the new bundle holds
 * @error: where to say why @bundle cannot be read
 *
 * A valid catalog bundle of @n_platforms records, taken in turn from @bundle so that names,
 * categories and text are as varied as the real ones. Copy k of a record gets the id "ID-k" and
 * the name "NAME k" (its own id and name); former ids (aliases) are left out, as they would
 * collide. The header (format, version, date, translations) is @bundle's own, so the result
 * stays valid as the format moves on; translations are keyed by the real ids, so the copies read
 * in English.
 *
 * Returns: (transfer full): the new bundle, or %NULL with @error set
 */
GBytes *
ut_synthetic_catalog_new_from (GBytes  *bundle_bytes,
                               guint    n_platforms,
                               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *bundle;
  JsonArray *records;
  JsonArray *platforms;
  char *data;
  gsize length;
  guint n_records;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bundle_bytes, NULL),
                                   (gssize) g_bytes_get_size (bundle_bytes), error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "platforms") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "platforms")) ||
      json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "platforms")) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a catalog bundle with platforms");
      return NULL;
    }

  root = json_node_copy (json_parser_get_root (parser));
  bundle = json_node_get_object (root);
  records = json_array_ref (json_object_get_array_member (bundle, "platforms"));
  n_records = json_array_get_length (records);
  platforms = json_array_sized_new (n_platforms);

  for (guint i = 0; i < n_platforms; i++)
    {
      JsonObject *record = json_array_get_object_element (records, i % n_records);
      g_autoptr(GList) members = json_object_get_members (record);
      JsonObject *copy = json_object_new ();
      guint k = i / n_records + 1;
      g_autofree char *id = g_strdup_printf ("%s-%u", json_object_get_string_member (record, "id"), k);
      g_autofree char *name = g_strdup_printf ("%s %u", json_object_get_string_member (record, "name"), k);

      /* Members are shared with the record (json_node_copy() does not go deeper); only the
       * copy's own top-level members change. */
      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "aliases"))
          json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (record, l->data)));
      json_object_set_string_member (copy, "id", id);
      json_object_set_string_member (copy, "name", name);
      json_array_add_object_element (platforms, copy);
    }

  json_object_set_array_member (bundle, "platforms", platforms);
  json_array_unref (records);
  data = json_to_string (root, FALSE);
  length = strlen (data);
  return g_bytes_new_take (data, length);
}
