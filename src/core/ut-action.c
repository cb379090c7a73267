/* ut-action.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-action"

#include "config.h"

#include "ut-catalog-private.h"

struct _UtAction
{
  GObject       parent_instance;

  char         *id;
  UtActionKind  kind;
  char         *title;
  char        **steps;
  char         *url;
  char         *setting_label;
  char         *note;
  char         *target;
  char         *scope;
  guint         recheck_days;
  gboolean      affects_past_training;
  char        **fields;
  char        **sources;   /* ids into the platform's sources */
};

G_DEFINE_FINAL_TYPE (UtAction, ut_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ut_action_finalize (GObject *object)
{
  UtAction *self = (UtAction *) object;

  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->steps);
  g_free (self->url);
  g_free (self->setting_label);
  g_free (self->note);
  g_free (self->target);
  g_free (self->scope);
  g_strfreev (self->fields);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (ut_action_parent_class)->finalize (object);
}

static void
ut_action_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UtAction *self = UT_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_action_class_init (UtActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ut_action_finalize;
  object_class->get_property = ut_action_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ut_action_init (UtAction *self)
{
}

static char *
dup_member_string (JsonObject *object,
                   const char *key)
{
  return g_strdup (json_object_get_string_member_with_default (object, key, NULL));
}

static char **
dup_member_strv (JsonObject *object,
                 const char *key)
{
  JsonArray *array;
  GStrvBuilder *builder;
  char **strv;

  builder = g_strv_builder_new ();
  if (json_object_has_member (object, key))
    {
      array = json_object_get_array_member (object, key);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }

  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return strv;
}

/* The string at /actions/@index/@key, in the chosen language where a translation of this very
 * English text exists. */
static char *
dup_text (JsonObject *object,
          JsonObject *translation,
          guint       index,
          const char *key)
{
  g_autofree char *pointer = g_strdup_printf ("/actions/%u/%s", index, key);

  return g_strdup (_ut_catalog_translate (translation, pointer,
                                          json_object_get_string_member_with_default (object, key, NULL)));
}

UtAction *
_ut_action_new_from_json (JsonObject *object,
                          JsonObject *translation,
                          guint       index)
{
  UtAction *self = g_object_new (UT_TYPE_ACTION, NULL);
  JsonArray *steps = json_object_get_array_member (object, "steps");
  GStrvBuilder *builder = g_strv_builder_new ();

  self->id = dup_member_string (object, "id");
  self->kind = (UtActionKind) ut_schema_lookup (ut_action_kind_names,
                                                json_object_get_string_member (object, "kind"));
  self->title = dup_text (object, translation, index, "title");
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/actions/%u/steps/%u", index, i);

      g_strv_builder_add (builder, _ut_catalog_translate (translation, pointer,
                                                          json_array_get_string_element (steps, i)));
    }
  self->steps = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  self->url = dup_member_string (object, "url");
  self->setting_label = dup_member_string (object, "setting_label");
  self->note = dup_text (object, translation, index, "note");
  self->target = dup_member_string (object, "target");
  self->scope = g_strdup (json_object_get_string_member_with_default (object, "scope", "account"));
  self->recheck_days = (guint) json_object_get_int_member_with_default (object, "recheck_days", 0);
  self->affects_past_training = json_object_get_boolean_member (object, "affects_past_training");
  self->fields = dup_member_strv (object, "fields");
  self->sources = dup_member_strv (object, "sources");

  return self;
}

const char *
ut_action_get_id (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->id;
}

UtActionKind
ut_action_get_kind (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), UT_ACTION_KIND_TOGGLE);
  return self->kind;
}

const char *
ut_action_get_title (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->title;
}

const char * const *
ut_action_get_steps (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return (const char * const *) self->steps;
}

const char *
ut_action_get_url (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->url;
}

const char *
ut_action_get_setting_label (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->setting_label;
}

/* What to know about the step that is not a click: who can do it, what it does not cover. */
const char *
ut_action_get_note (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->note;
}

const char *
ut_action_get_target (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->target;
}

const char *
ut_action_get_scope (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return self->scope;
}

/* Returns: the record's own re-check interval in days, or 0 where the record leaves it to the
 * user's default interval. */
guint
ut_action_get_recheck_days (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), 0);
  return self->recheck_days;
}

gboolean
ut_action_get_affects_past_training (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), FALSE);
  return self->affects_past_training;
}

const char * const *
ut_action_get_fields (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return (const char * const *) self->fields;
}

/* Returns: the ids of the sources that back this action; look them up with
 * ut_platform_lookup_source(). */
const char * const *
ut_action_get_source_ids (UtAction *self)
{
  g_return_val_if_fail (UT_IS_ACTION (self), NULL);
  return (const char * const *) self->sources;
}
