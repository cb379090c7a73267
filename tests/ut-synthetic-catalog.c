/* ut-synthetic-catalog.c — large catalogs made from the real records, for tests and benchmarks
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ut-catalog.h"
#include "ut-synthetic-catalog.h"

/**
 * ut_synthetic_catalog_new:
 * @n_platforms: how many platforms the bundle holds
 *
 * A valid catalog bundle of @n_platforms records, taken in turn from the bundled catalog so that
 * names, categories and text are as varied as the real ones. Copy k of a record gets the id
 * "<id>-k" and the name "<name> k"; former ids (aliases) are left out, as they would collide.
 * The bundle's header is the bundled catalog's own, so it stays valid as the format moves on.
 */
GBytes *
ut_synthetic_catalog_new (guint n_platforms)
{
  g_autoptr(GBytes) bundled = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *bundle;
  JsonArray *records;
  JsonArray *platforms;
  char *data;
  gsize length;
  guint n_records;

  if (bundled == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), (gssize) g_bytes_get_size (bundled), &error))
    g_error ("the bundled catalog cannot be read: %s", error != NULL ? error->message : "missing");

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
