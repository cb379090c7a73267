/* ut-platform.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-platform"

#include "config.h"

#include <string.h>

#include "ut-catalog-private.h"

struct _UtPlatform
{
  GObject        parent_instance;

  /* The record itself; every string below points into it, which keeps loading a large catalog
   * cheap (no copies) and the object immutable. */
  JsonObject    *record;

  const char    *id;
  char         **aliases;
  const char    *name;
  const char    *short_name;  /* for running text; NULL when the name is short already */
  const char    *owner;
  const char    *category;
  const char    *homepage;
  guint          revision;
  const char    *reviewed;
  const char    *data_used;
  const char    *note;
  const char    *contact_email;   /* where objections go, from the record's contact; nullable */
  const char    *contact_form;
  const char    *contact_postal;
  const char    *lead_authority;  /* the regulator id its EU privacy notice names; nullable */
  char          *search_text; /* name, short name, owner and keywords, one per line */
  gboolean       translated;  /* its text comes in the user's language, where translated */
  GArray        *changes;   /* of UtChange */
  GArray        *sources;   /* of UtSource */
  GPtrArray     *actions;   /* of UtAction */
  UtRegionOffer  offers[UT_N_REGIONS];
};

G_DEFINE_FINAL_TYPE (UtPlatform, ut_platform, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ut_platform_finalize (GObject *object)
{
  UtPlatform *self = (UtPlatform *) object;

  for (guint i = 0; i < UT_N_REGIONS; i++)
    g_clear_pointer (&self->offers[i].actions, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->record, json_object_unref);

  G_OBJECT_CLASS (ut_platform_parent_class)->finalize (object);
}

static void
ut_platform_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UtPlatform *self = UT_PLATFORM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_platform_class_init (UtPlatformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ut_platform_finalize;
  object_class->get_property = ut_platform_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* What a search matches: a GtkStringFilter on this finds "gmail" or "Google" as well as the
   * platform's name. */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ut_platform_init (UtPlatform *self)
{
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  return json_object_get_string_member_with_default (object, key, NULL);
}

UtPlatform *
_ut_platform_new_from_json (JsonObject *object,
                            JsonObject *translation)
{
  UtPlatform *self = g_object_new (UT_TYPE_PLATFORM, NULL);
  JsonObject *regions;
  JsonArray *array;
  GStrvBuilder *aliases;
  GString *search_text;

  self->record = json_object_ref (object);
  self->translated = translation != NULL;
  self->id = member_string (object, "id");
  self->name = member_string (object, "name");
  self->short_name = member_string (object, "short_name");
  self->owner = member_string (object, "owner");
  self->category = member_string (object, "category");
  self->homepage = member_string (object, "homepage");
  self->revision = (guint) json_object_get_int_member (object, "revision");
  self->reviewed = member_string (object, "reviewed");
  self->data_used = _ut_catalog_translate (translation, "/data_used", member_string (object, "data_used"));
  self->note = _ut_catalog_translate (translation, "/note", member_string (object, "note"));
  if (json_object_has_member (object, "contact"))
    {
      JsonObject *contact = json_object_get_object_member (object, "contact");

      self->contact_email = member_string (contact, "email");
      self->contact_form = member_string (contact, "form");
      self->contact_postal = member_string (contact, "postal");
      self->lead_authority = member_string (contact, "lead_authority");
    }

  aliases = g_strv_builder_new ();
  if (json_object_has_member (object, "aliases"))
    {
      array = json_object_get_array_member (object, "aliases");
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (aliases, json_array_get_string_element (array, i));
    }
  self->aliases = g_strv_builder_end (aliases);
  g_strv_builder_unref (aliases);

  search_text = g_string_new (self->name);
  if (self->short_name != NULL)
    g_string_append_printf (search_text, "\n%s", self->short_name);
  if (self->owner != NULL)
    g_string_append_printf (search_text, "\n%s", self->owner);
  if (json_object_has_member (object, "keywords"))
    {
      array = json_object_get_array_member (object, "keywords");
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (search_text, "\n%s", json_array_get_string_element (array, i));
    }
  self->search_text = g_string_free (search_text, FALSE);

  array = json_object_get_array_member (object, "changes");
  self->changes = g_array_sized_new (FALSE, FALSE, sizeof (UtChange), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      g_autofree char *pointer = g_strdup_printf ("/changes/%u/summary", i);
      UtChange change = {
        (guint) json_object_get_int_member (entry, "revision"),
        member_string (entry, "date"),
        _ut_catalog_translate (translation, pointer, member_string (entry, "summary")),
      };

      g_array_append_val (self->changes, change);
    }

  array = json_object_get_array_member (object, "sources");
  self->sources = g_array_sized_new (FALSE, FALSE, sizeof (UtSource), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      UtSource source = {
        member_string (entry, "id"),
        member_string (entry, "url"),
        member_string (entry, "title"),
        (UtPublisher) ut_schema_lookup (ut_publisher_names, member_string (entry, "publisher")),
        member_string (entry, "date"),
      };

      g_array_append_val (self->sources, source);
    }

  array = json_object_get_array_member (object, "actions");
  self->actions = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (self->actions,
                     _ut_action_new_from_json (json_array_get_object_element (array, i), translation, i));

  regions = json_object_get_object_member (object, "regions");
  for (guint r = 0; r < UT_N_REGIONS; r++)
    {
      JsonObject *entry = json_object_get_object_member (regions, ut_region_to_code ((UtRegion) r));
      g_autofree char *pointer = g_strdup_printf ("/regions/%s/note", ut_region_to_code ((UtRegion) r));
      UtRegionOffer *offer = &self->offers[r];
      JsonArray *ids = json_object_get_array_member (entry, "actions");

      offer->status = (UtOfferStatus) ut_schema_lookup (ut_offer_status_names,
                                                        member_string (entry, "status"));
      offer->since = member_string (entry, "since");
      offer->note = _ut_catalog_translate (translation, pointer, member_string (entry, "note"));
      offer->actions = g_ptr_array_new_full (json_array_get_length (ids), g_object_unref);
      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          UtAction *action = ut_platform_lookup_action (self, json_array_get_string_element (ids, i));

          g_ptr_array_add (offer->actions, g_object_ref (action));
        }
    }

  return self;
}

const char *
ut_platform_get_id (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->id;
}

const char * const *
ut_platform_get_aliases (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return (const char * const *) self->aliases;
}

const char *
ut_platform_get_name (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->name;
}

/* The name in running text ("Meta has a setting…"), where the full name, which lists every
 * product it covers, would be long: the record's short name, or its name. */
const char *
ut_platform_get_short_name (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->short_name != NULL ? self->short_name : self->name;
}

/**
 * ut_platform_matches_search:
 * @self: a platform
 * @folded_needle: what the user typed, already passed through g_utf8_casefold()
 *
 * Whether a search for @folded_needle finds this platform: by name, short name, owner or one of
 * its keywords ("gmail" finds Google Gmail).
 */
gboolean
ut_platform_matches_search (UtPlatform *self,
                            const char *folded_needle)
{
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (UT_IS_PLATFORM (self), FALSE);
  g_return_val_if_fail (folded_needle != NULL, FALSE);

  haystack = g_utf8_casefold (self->search_text, -1);
  return strstr (haystack, folded_needle) != NULL;
}

/* Where to send an objection or a request about one's data, as the platform's privacy policy
 * gives it: an e-mail address, a form, a postal address; each nullable. */
const char *
ut_platform_get_contact_email (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->contact_email;
}

const char *
ut_platform_get_contact_form (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->contact_form;
}

const char *
ut_platform_get_contact_postal (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->contact_postal;
}

/* The id (in the legal data's directory) of the authority the platform's EU privacy notice names
 * as its lead supervisory authority, or %NULL. */
const char *
ut_platform_get_lead_authority (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->lead_authority;
}

/**
 * ut_platform_is_translated:
 *
 * Whether the platform's guide is shown in the user's language rather than in the English it is
 * written in. Setting labels stay in English either way: they are quoted as the platform writes
 * them.
 */
gboolean
ut_platform_is_translated (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), FALSE);
  return self->translated;
}

const char *
ut_platform_get_owner (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->owner;
}

const char *
ut_platform_get_category (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->category;
}

const char *
ut_platform_get_homepage (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->homepage;
}

guint
ut_platform_get_revision (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), 0);
  return self->revision;
}

const char *
ut_platform_get_reviewed (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->reviewed;
}

const char *
ut_platform_get_data_used (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->data_used;
}

const char *
ut_platform_get_note (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  return self->note;
}

guint
ut_platform_get_n_changes (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), 0);
  return self->changes->len;
}

const UtChange *
ut_platform_get_change (UtPlatform *self,
                        guint       index)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return &g_array_index (self->changes, UtChange, index);
}

guint
ut_platform_get_n_sources (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), 0);
  return self->sources->len;
}

const UtSource *
ut_platform_get_source (UtPlatform *self,
                        guint       index)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return &g_array_index (self->sources, UtSource, index);
}

const UtSource *
ut_platform_lookup_source (UtPlatform *self,
                           const char *source_id)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  for (guint i = 0; i < self->sources->len; i++)
    {
      const UtSource *source = &g_array_index (self->sources, UtSource, i);

      if (g_str_equal (source->id, source_id))
        return source;
    }

  return NULL;
}

guint
ut_platform_get_n_actions (UtPlatform *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), 0);
  return self->actions->len;
}

UtAction *
ut_platform_get_action (UtPlatform *self,
                        guint       index)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (index < self->actions->len, NULL);
  return g_ptr_array_index (self->actions, index);
}

UtAction *
ut_platform_lookup_action (UtPlatform *self,
                           const char *action_id)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (action_id != NULL, NULL);

  for (guint i = 0; i < self->actions->len; i++)
    {
      UtAction *action = g_ptr_array_index (self->actions, i);

      if (g_str_equal (ut_action_get_id (action), action_id))
        return action;
    }

  return NULL;
}

const UtRegionOffer *
ut_platform_get_offer (UtPlatform *self,
                       UtRegion    region)
{
  g_return_val_if_fail (UT_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (region < UT_N_REGIONS, NULL);
  return &self->offers[region];
}
