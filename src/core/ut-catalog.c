/* ut-catalog.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ut-catalog.h"
#include "ut-catalog-private.h"
#include "ut-catalog-validator.h"

struct _UtCatalog
{
  GObject     parent_instance;

  JsonNode   *root;
  gint64      version;
  const char *generated;
  char       *language;   /* of the translations in use; NULL for the records' English */
  GPtrArray  *platforms;  /* of UtPlatform, sorted by id */
  GHashTable *by_id;      /* id and aliases → UtPlatform (borrowed) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UtCatalog, ut_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (ut-catalog-error-quark, ut_catalog_error)

static void
ut_catalog_finalize (GObject *object)
{
  UtCatalog *self = (UtCatalog *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->platforms, g_ptr_array_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (ut_catalog_parent_class)->finalize (object);
}

static void
ut_catalog_class_init (UtCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ut_catalog_finalize;
}

static void
ut_catalog_init (UtCatalog *self)
{
  self->platforms = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static GType
ut_catalog_get_item_type (GListModel *model)
{
  return UT_TYPE_PLATFORM;
}

static guint
ut_catalog_get_n_items (GListModel *model)
{
  return UT_CATALOG (model)->platforms->len;
}

static gpointer
ut_catalog_get_item (GListModel *model,
                     guint       position)
{
  UtCatalog *self = UT_CATALOG (model);

  if (position >= self->platforms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->platforms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ut_catalog_get_item_type;
  iface->get_n_items = ut_catalog_get_n_items;
  iface->get_item = ut_catalog_get_item;
}

static int
compare_platforms (gconstpointer a,
                   gconstpointer b)
{
  UtPlatform *pa = *(UtPlatform **) a;
  UtPlatform *pb = *(UtPlatform **) b;

  return g_strcmp0 (ut_platform_get_id (pa), ut_platform_get_id (pb));
}

static gboolean
is_older_format (JsonNode *root)
{
  JsonNode *format;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "platforms") ||
      (format = json_object_get_member (json_node_get_object (root), "format")) == NULL)
    return FALSE;

  return JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_INT64 &&
         json_node_get_int (format) >= 1 && json_node_get_int (format) < UT_CATALOG_FORMAT;
}

/**
 * ut_catalog_new_from_bytes:
 * @bytes: a catalog bundle
 * @origin: where the bytes came from, for messages (a file name or "bundled catalog")
 *
 * Validates the whole bundle with the same rules as the build, then builds the immutable model.
 * Nothing of an invalid bundle is kept.
 */
/**
 * _ut_catalog_translate:
 * @translation: (nullable): a record's translations, JSON pointer → [English, translated]
 * @pointer: where @english is in the record
 * @english: (nullable): the record's text
 *
 * The translation of @english, if there is one for this very text: a translation made for an
 * English text that has since changed is not used, so a guide never mixes an outdated translated
 * step with a changed English one.
 */
const char *
_ut_catalog_translate (JsonObject *translation,
                       const char *pointer,
                       const char *english)
{
  JsonArray *pair;

  if (translation == NULL || english == NULL || !json_object_has_member (translation, pointer))
    return english;

  pair = json_object_get_array_member (translation, pointer);
  if (g_strcmp0 (json_array_get_string_element (pair, 0), english) != 0)
    return english;
  return json_array_get_string_element (pair, 1);
}

/* The bundle's translations for the first of the user's languages it has ("de_CH" falls back to
 * "de"), or NULL for English. */
static JsonObject *
choose_translations (JsonObject  *bundle,
                     char       **language)
{
  const char * const *languages = g_get_language_names ();
  JsonObject *translations;

  *language = NULL;
  if (!json_object_has_member (bundle, "translations"))
    return NULL;

  translations = json_object_get_object_member (bundle, "translations");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      /* English is what the records are written in; "C" stands for it. */
      if (g_str_equal (languages[i], "C") || g_str_has_prefix (languages[i], "en"))
        return NULL;
      if (json_object_has_member (translations, languages[i]))
        {
          *language = g_strdup (languages[i]);
          return json_object_get_object_member (translations, languages[i]);
        }
    }

  return NULL;
}

UtCatalog *
ut_catalog_new_from_bytes (GBytes      *bytes,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autoptr(UtCatalog) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *translations;
  JsonArray *platforms;
  GPtrArray *problems;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  root = ut_catalog_validator_check_data (validator, origin, data != NULL ? data : "", (gssize) length);
  problems = ut_catalog_validator_get_problems (validator);

  /* A bundle in an older format was written for an older Untrain: whatever it says, the catalog
   * this Untrain came with was made later. */
  if (problems->len > 0 && is_older_format (root))
    {
      g_set_error (error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_OLDER_FORMAT,
                   _("%s was made for an older version of Untrain"), origin);
      return NULL;
    }

  /* A single record is valid on its own but is not a catalog. */
  if (problems->len == 0 &&
      !json_object_has_member (json_node_get_object (root), "platforms"))
    {
      g_set_error (error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_INVALID,
                   _("%s is a single platform record, not a catalog bundle"), origin);
      return NULL;
    }

  if (problems->len > 0)
    {
      g_autofree char *first = ut_problem_to_string (g_ptr_array_index (problems, 0));

      if (problems->len == 1)
        g_set_error (error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_INVALID,
                     _("The catalog is not valid: %s"), first);
      else
        g_set_error (error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_INVALID,
                     ngettext ("The catalog is not valid: %s (and %u more problem)",
                               "The catalog is not valid: %s (and %u more problems)",
                               problems->len - 1),
                     first, problems->len - 1);
      return NULL;
    }

  self = g_object_new (UT_TYPE_CATALOG, NULL);
  self->root = g_steal_pointer (&root);
  object = json_node_get_object (self->root);
  self->version = json_object_get_int_member (object, "version");
  self->generated = json_object_get_string_member (object, "generated");

  translations = choose_translations (object, &self->language);

  platforms = json_object_get_array_member (object, "platforms");
  g_ptr_array_set_size (self->platforms, 0);
  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *record = json_array_get_object_element (platforms, i);
      const char *id = json_object_get_string_member (record, "id");
      JsonObject *translation = NULL;

      if (translations != NULL && json_object_has_member (translations, id))
        translation = json_object_get_object_member (translations, id);
      g_ptr_array_add (self->platforms, _ut_platform_new_from_json (record, translation));
    }
  g_ptr_array_sort (self->platforms, compare_platforms);

  for (guint i = 0; i < self->platforms->len; i++)
    {
      UtPlatform *platform = g_ptr_array_index (self->platforms, i);
      const char * const *aliases = ut_platform_get_aliases (platform);

      g_hash_table_insert (self->by_id, (gpointer) ut_platform_get_id (platform), platform);
      for (guint j = 0; aliases[j] != NULL; j++)
        g_hash_table_insert (self->by_id, (gpointer) aliases[j], platform);
    }

  return g_steal_pointer (&self);
}

/**
 * ut_catalog_get_language:
 *
 * Returns: (nullable): the language the catalog's text is shown in ("de"), or %NULL for the
 * records' own English. Strings not translated, or translated from an older English text, are
 * in English either way.
 */
const char *
ut_catalog_get_language (UtCatalog *self)
{
  g_return_val_if_fail (UT_IS_CATALOG (self), NULL);
  return self->language;
}

gint64
ut_catalog_get_version (UtCatalog *self)
{
  g_return_val_if_fail (UT_IS_CATALOG (self), 0);
  return self->version;
}

const char *
ut_catalog_get_generated (UtCatalog *self)
{
  g_return_val_if_fail (UT_IS_CATALOG (self), NULL);
  return self->generated;
}

/* Looks a platform up by its id or one of its former ids. */
UtPlatform *
ut_catalog_lookup (UtCatalog  *self,
                   const char *id)
{
  g_return_val_if_fail (UT_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}
