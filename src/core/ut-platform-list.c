/* ut-platform-list.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-platform-list"

#include "config.h"

#include <string.h>

#include "ut-platform-list.h"

/* The platforms a profile uses, as UtPlatform items sorted by name. It follows the profile:
 * adding or removing platforms, or any change of a record, updates the list so rows re-read
 * their badges. Platforms no longer in the catalog are left out. */
struct _UtPlatformList
{
  GObject     parent_instance;

  UtCatalog  *catalog;
  UtProgress *progress;
  UtProfile  *profile;
  GPtrArray  *items;  /* of UtPlatform */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UtPlatformList, ut_platform_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  UtPlatform *pa = *(UtPlatform **) a;
  UtPlatform *pb = *(UtPlatform **) b;
  g_autofree char *ka = g_utf8_collate_key (ut_platform_get_name (pa), -1);
  g_autofree char *kb = g_utf8_collate_key (ut_platform_get_name (pb), -1);

  return strcmp (ka, kb);
}

static void
rebuild (UtPlatformList *self)
{
  guint removed = self->items->len;

  g_ptr_array_set_size (self->items, 0);
  if (self->profile != NULL)
    {
      const char * const *ids = ut_profile_get_platforms (self->profile);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          UtPlatform *platform = ut_catalog_lookup (self->catalog, ids[i]);

          if (platform != NULL && !g_ptr_array_find (self->items, platform, NULL))
            g_ptr_array_add (self->items, g_object_ref (platform));
        }
      g_ptr_array_sort (self->items, compare_by_name);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static void
records_changed_cb (UtPlatformList *self,
                    UtProfile      *profile,
                    const char     *platform_id)
{
  if (profile != self->profile)
    return;

  /* One platform's records changed: tell only its row. Anything else may have changed the set. */
  if (platform_id != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          if (g_str_equal (ut_platform_get_id (g_ptr_array_index (self->items, i)), platform_id))
            {
              g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
              return;
            }
        }
    }

  rebuild (self);
}

static void
ut_platform_list_dispose (GObject *object)
{
  UtPlatformList *self = (UtPlatformList *) object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->progress);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (ut_platform_list_parent_class)->dispose (object);
}

static void
ut_platform_list_finalize (GObject *object)
{
  UtPlatformList *self = (UtPlatformList *) object;

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (ut_platform_list_parent_class)->finalize (object);
}

static void
ut_platform_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UtPlatformList *self = UT_PLATFORM_LIST (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_platform_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UtPlatformList *self = UT_PLATFORM_LIST (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      ut_platform_list_set_profile (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_platform_list_class_init (UtPlatformListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ut_platform_list_dispose;
  object_class->finalize = ut_platform_list_finalize;
  object_class->get_property = ut_platform_list_get_property;
  object_class->set_property = ut_platform_list_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, UT_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ut_platform_list_init (UtPlatformList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static GType
ut_platform_list_get_item_type (GListModel *model)
{
  return UT_TYPE_PLATFORM;
}

static guint
ut_platform_list_get_n_items (GListModel *model)
{
  return UT_PLATFORM_LIST (model)->items->len;
}

static gpointer
ut_platform_list_get_item (GListModel *model,
                           guint       position)
{
  UtPlatformList *self = UT_PLATFORM_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ut_platform_list_get_item_type;
  iface->get_n_items = ut_platform_list_get_n_items;
  iface->get_item = ut_platform_list_get_item;
}

UtPlatformList *
ut_platform_list_new (UtCatalog  *catalog,
                      UtProgress *progress)
{
  UtPlatformList *self;

  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);

  self = g_object_new (UT_TYPE_PLATFORM_LIST, NULL);
  self->catalog = g_object_ref (catalog);
  self->progress = g_object_ref (progress);
  g_signal_connect_object (progress, "records-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

UtProfile *
ut_platform_list_get_profile (UtPlatformList *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM_LIST (self), NULL);
  return self->profile;
}

void
ut_platform_list_set_profile (UtPlatformList *self,
                              UtProfile      *profile)
{
  g_return_if_fail (UT_IS_PLATFORM_LIST (self));
  g_return_if_fail (profile == NULL || UT_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}
