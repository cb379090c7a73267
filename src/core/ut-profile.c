/* ut-profile.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-profile"

#include "config.h"

#include "ut-profile-private.h"

struct _UtProfile
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  UtRegion    region;
  gboolean    region_confirmed;
  GPtrArray  *platforms;     /* of char*, NULL-terminated, in the order the user added them */
  GHashTable *platform_set;  /* the same strings, to look them up in constant time */
  GHashTable *records;       /* "platform\naction" → UtRecord */
  GHashTable *requests;      /* platform id → UtRequest: objections and requests sent to it */
};

G_DEFINE_FINAL_TYPE (UtProfile, ut_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = { "todo", "done", "skipped", "not-applicable" };

const char *
ut_action_state_to_string (UtActionState state)
{
  g_return_val_if_fail (state <= UT_ACTION_STATE_NOT_APPLICABLE, NULL);
  return state_names[state];
}

gboolean
ut_action_state_from_string (const char    *text,
                             UtActionState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (text, state_names[i]) == 0)
        {
          *state = (UtActionState) i;
          return TRUE;
        }
    }
  return FALSE;
}

G_DEFINE_BOXED_TYPE (UtRecord, ut_record, ut_record_copy, ut_record_free)

/**
 * ut_record_new:
 *
 * A record of an action nobody has answered yet: to do, with no dates, at revision 0.
 *
 * Returns: (transfer full): the record; free it with ut_record_free()
 */
UtRecord *
ut_record_new (const char *platform_id,
               const char *action_id)
{
  UtRecord *record;

  g_return_val_if_fail (platform_id != NULL, NULL);
  g_return_val_if_fail (action_id != NULL, NULL);

  record = g_new0 (UtRecord, 1);
  record->platform = g_strdup (platform_id);
  record->action = g_strdup (action_id);
  record->state = UT_ACTION_STATE_TODO;
  record->proofs = ut_proof_array_new ();

  return record;
}

/**
 * ut_record_copy:
 *
 * Returns: (transfer full): a deep copy of @record; the dates are shared, being immutable
 */
UtRecord *
ut_record_copy (const UtRecord *record)
{
  UtRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = ut_record_new (record->platform, record->action);
  copy->state = record->state;
  copy->changed_at = record->changed_at != NULL ? g_date_time_ref (record->changed_at) : NULL;
  copy->done_at = record->done_at != NULL ? g_date_time_ref (record->done_at) : NULL;
  copy->verified_at = record->verified_at != NULL ? g_date_time_ref (record->verified_at) : NULL;
  copy->revision = record->revision;
  copy->note = g_strdup (record->note);
  g_array_unref (copy->proofs);
  copy->proofs = ut_proof_array_copy (record->proofs);

  return copy;
}

void
ut_record_free (UtRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->platform);
  g_free (record->action);
  g_clear_pointer (&record->changed_at, g_date_time_unref);
  g_clear_pointer (&record->done_at, g_date_time_unref);
  g_clear_pointer (&record->verified_at, g_date_time_unref);
  g_free (record->note);
  g_array_unref (record->proofs);
  g_free (record);
}

static char *
record_key (const char *platform_id,
            const char *action_id)
{
  return g_strconcat (platform_id, "\n", action_id, NULL);
}

static void
ut_profile_finalize (GObject *object)
{
  UtProfile *self = (UtProfile *) object;

  g_free (self->id);
  g_free (self->name);
  g_hash_table_unref (self->platform_set);
  g_ptr_array_unref (self->platforms);
  g_hash_table_unref (self->records);
  g_hash_table_unref (self->requests);

  G_OBJECT_CLASS (ut_profile_parent_class)->finalize (object);
}

static void
ut_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UtProfile *self = UT_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REGION:
      g_value_set_uint (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_profile_class_init (UtProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ut_profile_finalize;
  object_class->get_property = ut_profile_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_uint ("region", NULL, NULL, 0, UT_N_REGIONS - 1, UT_REGION_OTHER,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ut_profile_init (UtProfile *self)
{
  self->platforms = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->platform_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) ut_record_free);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) ut_request_free);
}

UtProfile *
_ut_profile_new (const char *id,
                 const char *name,
                 UtRegion    region,
                 gboolean    region_confirmed)
{
  UtProfile *self = g_object_new (UT_TYPE_PROFILE, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->region = region;
  self->region_confirmed = region_confirmed;

  return self;
}

void
_ut_profile_set_name (UtProfile  *self,
                      const char *name)
{
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_ut_profile_set_region (UtProfile *self,
                        UtRegion   region,
                        gboolean   confirmed)
{
  self->region_confirmed = confirmed;
  if (self->region == region)
    return;

  self->region = region;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

/* Returns TRUE if the list changed. */
gboolean
_ut_profile_set_platform_used (UtProfile  *self,
                               const char *platform_id,
                               gboolean    used)
{
  char *stored = g_hash_table_lookup (self->platform_set, platform_id);

  if (used && stored == NULL)
    {
      stored = g_strdup (platform_id);
      g_ptr_array_add (self->platforms, stored);
      g_hash_table_add (self->platform_set, stored);
    }
  else if (!used && stored != NULL)
    {
      /* Removing keeps the order of the rest; it is a person's click, never a loop. */
      g_hash_table_remove (self->platform_set, stored);
      g_ptr_array_remove (self->platforms, stored);
    }
  else
    return FALSE;

  return TRUE;
}

UtRecord *
_ut_profile_ensure_record (UtProfile  *self,
                           const char *platform_id,
                           const char *action_id)
{
  g_autofree char *key = record_key (platform_id, action_id);
  UtRecord *record = g_hash_table_lookup (self->records, key);

  if (record == NULL)
    {
      record = ut_record_new (platform_id, action_id);
      g_hash_table_insert (self->records, g_steal_pointer (&key), record);
    }

  return record;
}

/* Makes @self hold what @from holds (a profile with the same id), keeping the order of the
 * platforms it already had: sync replaces a profile's contents, never the object the app shows. */
void
_ut_profile_take_contents (UtProfile *self,
                           UtProfile *from)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (g_str_equal (self->id, from->id));

  _ut_profile_set_name (self, from->name);
  _ut_profile_set_region (self, from->region, from->region_confirmed);

  for (guint i = 0; i < self->platforms->len; i++)
    if (!g_hash_table_contains (from->platform_set, g_ptr_array_index (self->platforms, i)))
      g_ptr_array_add (gone, g_strdup (g_ptr_array_index (self->platforms, i)));
  for (guint i = 0; i < gone->len; i++)
    _ut_profile_set_platform_used (self, g_ptr_array_index (gone, i), FALSE);
  for (guint i = 0; i < from->platforms->len; i++)
    _ut_profile_set_platform_used (self, g_ptr_array_index (from->platforms, i), TRUE);

  /* The records and requests move over; @from is left with none. */
  g_hash_table_unref (self->records);
  self->records = g_steal_pointer (&from->records);
  from->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) ut_record_free);
  g_hash_table_unref (self->requests);
  self->requests = g_steal_pointer (&from->requests);
  from->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) ut_request_free);
}

/* Takes @request, replacing any earlier one for the same platform. */
void
_ut_profile_take_request (UtProfile *self,
                          UtRequest *request)
{
  g_hash_table_replace (self->requests, g_strdup (request->platform), request);
}

/**
 * ut_profile_lookup_request:
 *
 * Returns: (nullable): the objection or request sent to @platform_id, with its history
 */
const UtRequest *
ut_profile_lookup_request (UtProfile  *self,
                           const char *platform_id)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);
  return g_hash_table_lookup (self->requests, platform_id);
}

static int
compare_requests (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 ((*(const UtRequest **) a)->platform, (*(const UtRequest **) b)->platform);
}

/**
 * ut_profile_list_requests:
 *
 * Returns: (transfer container) (element-type UtRequest): the requests, by platform
 */
GPtrArray *
ut_profile_list_requests (UtProfile *self)
{
  GPtrArray *requests;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);

  requests = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->requests);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (requests, value);
  g_ptr_array_sort (requests, compare_requests);
  return requests;
}

void
_ut_profile_take_record (UtProfile *self,
                         UtRecord  *record)
{
  g_hash_table_replace (self->records, record_key (record->platform, record->action), record);
}

const char *
ut_profile_get_id (UtProfile *self)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
ut_profile_get_name (UtProfile *self)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);
  return self->name;
}

UtRegion
ut_profile_get_region (UtProfile *self)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), UT_REGION_OTHER);
  return self->region;
}

gboolean
ut_profile_get_region_confirmed (UtProfile *self)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), FALSE);
  return self->region_confirmed;
}

const char * const *
ut_profile_get_platforms (UtProfile *self)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);
  return (const char * const *) self->platforms->pdata;
}

gboolean
ut_profile_uses_platform (UtProfile  *self,
                          const char *platform_id)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), FALSE);
  return g_hash_table_contains (self->platform_set, platform_id);
}

const UtRecord *
ut_profile_lookup_record (UtProfile  *self,
                          const char *platform_id,
                          const char *action_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);

  key = record_key (platform_id, action_id);
  return g_hash_table_lookup (self->records, key);
}

/**
 * ut_profile_is_set_up:
 *
 * Whether the person finished setting up @self: they confirmed its region and chose at least
 * one platform. Until then the app shows onboarding for it.
 */
gboolean
ut_profile_is_set_up (UtProfile *self)
{
  g_return_val_if_fail (UT_IS_PROFILE (self), FALSE);
  return self->region_confirmed && self->platforms->len > 0;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const UtRecord *ra = *(const UtRecord **) a;
  const UtRecord *rb = *(const UtRecord **) b;
  int cmp = g_strcmp0 (ra->platform, rb->platform);

  return cmp != 0 ? cmp : g_strcmp0 (ra->action, rb->action);
}

/**
 * ut_profile_list_records:
 *
 * Returns: (transfer container) (element-type UtRecord): the records, sorted by platform and
 *   action so that saves and exports are stable
 */
GPtrArray *
ut_profile_list_records (UtProfile *self)
{
  GPtrArray *records;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (UT_IS_PROFILE (self), NULL);

  records = g_ptr_array_sized_new (g_hash_table_size (self->records));
  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (records, value);
  g_ptr_array_sort (records, compare_records);

  return records;
}
