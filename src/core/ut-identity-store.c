/* ut-identity-store.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-identity-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "ut-identity-store.h"
#include "ut-keyring.h"

/* The e-mail address or handle a person uses on each platform, per profile, kept only in the
 * system keyring. Only libsecret's secret_password_* calls are used, because only they go through
 * libsecret's backends: the Secret Service on a desktop, the Secret portal's encrypted file inside
 * Flatpak. There is never a plain-text fallback. */
struct _UtIdentityStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (UtIdentityStore, ut_identity_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (ut-identity-error-quark, ut_identity_error)

/* "kind" leaves room for other secrets of Untrain's own, such as a future sync password. */
#define KIND_ACCOUNT "account"

static const SecretSchema identity_schema = {
  "io.github.untrain.Untrain.Identity", SECRET_SCHEMA_NONE,
  {
    { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

static void
ut_identity_store_class_init (UtIdentityStoreClass *klass)
{
}

static void
ut_identity_store_init (UtIdentityStore *self)
{
}

UtIdentityStore *
ut_identity_store_new (void)
{
  return g_object_new (UT_TYPE_IDENTITY_STORE, NULL);
}

static GHashTable *
make_attributes (const char *profile_id,
                 const char *platform_id)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, "profile", g_strdup (profile_id));
  if (platform_id != NULL)
    g_hash_table_insert (attributes, "platform", g_strdup (platform_id));
  g_hash_table_insert (attributes, "kind", g_strdup (KIND_ACCOUNT));

  return attributes;
}

/* Turns what libsecret and D-Bus report into one of two sentences a person can act on. The
 * original message goes to the debug log, never an identity. */
static GError *
translate_error (GError       *error,
                 GCancellable *cancellable)
{
  g_autoptr(GError) owned = error;

  switch (ut_keyring_classify_error (error, cancellable))
    {
    case UT_KEYRING_PROBLEM_CANCELLED:
      return g_steal_pointer (&owned);

    case UT_KEYRING_PROBLEM_LOCKED:
      return g_error_new_literal (UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE,
                                  _("Your keyring is locked, so Untrain cannot use the account names you saved. Unlock it and try again."));

    case UT_KEYRING_PROBLEM_UNAVAILABLE:
      return g_error_new_literal (UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE,
                                  _("No keyring is available, so Untrain cannot remember your account names. Nothing was saved anywhere else. Start GNOME Keyring or another Secret Service to use this."));

    case UT_KEYRING_PROBLEM_OTHER:
    default:
      return g_error_new (UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_FAILED,
                          _("The keyring could not be used: %s"), error->message);
    }
}

static char *
make_label (const char *profile_id,
            const char *platform_id)
{
  /* Translators: the label of a keyring item, seen in Passwords and Keys */
  return g_strdup_printf (_("Untrain: account on %s (profile %s)"), platform_id, profile_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
platforms_from_items (GList *items)
{
  g_autoptr(GPtrArray) platforms = g_ptr_array_new_with_free_func (g_free);

  for (const GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *platform = g_hash_table_lookup (attributes, "platform");

      if (platform != NULL && !g_ptr_array_find_with_equal_func (platforms, platform, g_str_equal, NULL))
        g_ptr_array_add (platforms, g_strdup (platform));
    }

  g_ptr_array_sort (platforms, compare_strings);
  g_ptr_array_add (platforms, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&platforms), FALSE);
}

/* ---- asynchronous ------------------------------------------------------------------------ */

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_boolean (task, TRUE);
}

void
ut_identity_store_store_async (UtIdentityStore     *self,
                               const char          *profile_id,
                               const char          *platform_id,
                               const char          *value,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (UT_IS_IDENTITY_STORE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (platform_id != NULL);
  g_return_if_fail (value != NULL && g_utf8_validate (value, -1, NULL));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_identity_store_store_async);
  attributes = make_attributes (profile_id, platform_id);
  label = make_label (profile_id, platform_id);
  secret_password_storev (&identity_schema, attributes, SECRET_COLLECTION_DEFAULT, label, value,
                          cancellable, store_cb, g_steal_pointer (&task));
}

gboolean
ut_identity_store_store_finish (UtIdentityStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *value = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_pointer (task, value, (GDestroyNotify) secret_password_free);
}

void
ut_identity_store_lookup_async (UtIdentityStore     *self,
                                const char          *profile_id,
                                const char          *platform_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (UT_IS_IDENTITY_STORE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (platform_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_identity_store_lookup_async);
  attributes = make_attributes (profile_id, platform_id);
  secret_password_lookupv (&identity_schema, attributes, cancellable, lookup_cb, g_steal_pointer (&task));
}

/**
 * ut_identity_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the identity, or %NULL with no error when none is stored;
 *   free it with g_free()
 */
char *
ut_identity_store_lookup_finish (UtIdentityStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_autofree char *value = NULL;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  secret = g_task_propagate_pointer (G_TASK (result), error);
  value = g_strdup (secret);
  secret_password_free (secret);

  return g_steal_pointer (&value);
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means there was nothing to delete. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ut_identity_store_delete_async:
 * @platform_id: (nullable): the platform, or %NULL for every platform of the profile
 */
void
ut_identity_store_delete_async (UtIdentityStore     *self,
                                const char          *profile_id,
                                const char          *platform_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (UT_IS_IDENTITY_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_identity_store_delete_async);
  attributes = make_attributes (profile_id, platform_id);
  secret_password_clearv (&identity_schema, attributes, cancellable, delete_cb, g_steal_pointer (&task));
}

gboolean
ut_identity_store_delete_finish (UtIdentityStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *items = secret_password_search_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_pointer (task, platforms_from_items (items), (GDestroyNotify) g_strfreev);

  g_list_free_full (items, g_object_unref);
}

void
ut_identity_store_list_async (UtIdentityStore     *self,
                              const char          *profile_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (UT_IS_IDENTITY_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_identity_store_list_async);
  attributes = make_attributes (profile_id, NULL);
  secret_password_searchv (&identity_schema, attributes, SECRET_SEARCH_ALL, cancellable, list_cb,
                           g_steal_pointer (&task));
}

/**
 * ut_identity_store_list_finish:
 *
 * Returns: (transfer full): the ids of the platforms that have an identity, sorted
 */
char **
ut_identity_store_list_finish (UtIdentityStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char        *profile_id;
  char       **wanted;   /* nullable: every platform */
  char       **pending;  /* the platforms with an identity in the keyring */
  guint        next;
  GHashTable  *found;    /* platform id → identity */
} LookupAll;

static void
lookup_all_free (gpointer data)
{
  LookupAll *state = data;

  g_free (state->profile_id);
  g_strfreev (state->wanted);
  g_strfreev (state->pending);
  g_hash_table_unref (state->found);
  g_free (state);
}

static void lookup_all_next (GTask *task);

static void
lookup_all_lookup_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupAll *state = g_task_get_task_data (task);
  GError *error = NULL;
  char *value = ut_identity_store_lookup_finish (UT_IDENTITY_STORE (source), result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (value != NULL)
    g_hash_table_insert (state->found, g_strdup (state->pending[state->next]), value);
  state->next++;
  lookup_all_next (g_steal_pointer (&task));
}

/* One at a time: a locked keyring asks to be unlocked once, not once per platform. Takes @task. */
static void
lookup_all_next (GTask *task)
{
  LookupAll *state = g_task_get_task_data (task);

  while (state->pending[state->next] != NULL && state->wanted != NULL &&
         !g_strv_contains ((const char * const *) state->wanted, state->pending[state->next]))
    state->next++;

  if (state->pending[state->next] == NULL)
    {
      g_task_return_pointer (task, g_hash_table_ref (state->found), (GDestroyNotify) g_hash_table_unref);
      g_object_unref (task);
      return;
    }

  ut_identity_store_lookup_async (g_task_get_source_object (task), state->profile_id,
                                  state->pending[state->next], g_task_get_cancellable (task),
                                  lookup_all_lookup_cb, task);
}

static void
lookup_all_list_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupAll *state = g_task_get_task_data (task);
  GError *error = NULL;

  state->pending = ut_identity_store_list_finish (UT_IDENTITY_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  lookup_all_next (g_steal_pointer (&task));
}

/**
 * ut_identity_store_lookup_all_async:
 * @platform_ids: (nullable) (array zero-terminated=1): the platforms wanted, such as those the
 *   profile uses; %NULL for every platform with an identity
 *
 * Reads a profile's identities for an export. Only the platforms with an identity in the
 * keyring are looked up, one after the other.
 */
void
ut_identity_store_lookup_all_async (UtIdentityStore     *self,
                                    const char          *profile_id,
                                    const char * const  *platform_ids,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LookupAll *state;

  g_return_if_fail (UT_IS_IDENTITY_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_identity_store_lookup_all_async);
  state = g_new0 (LookupAll, 1);
  state->profile_id = g_strdup (profile_id);
  state->wanted = g_strdupv ((char **) platform_ids);
  state->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_task_set_task_data (task, state, lookup_all_free);

  ut_identity_store_list_async (self, profile_id, cancellable, lookup_all_list_cb, g_steal_pointer (&task));
}

/**
 * ut_identity_store_lookup_all_finish:
 *
 * Returns: (transfer full) (element-type utf8 utf8): platform id → identity, for the wanted
 *   platforms that have one; empty if none has
 */
GHashTable *
ut_identity_store_lookup_all_finish (UtIdentityStore  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ut_identity_store_lookup_all_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- synchronous ------------------------------------------------------------------------- */

gboolean
ut_identity_store_store_sync (UtIdentityStore  *self,
                              const char       *profile_id,
                              const char       *platform_id,
                              const char       *value,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (UT_IS_IDENTITY_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL && platform_id != NULL, FALSE);
  g_return_val_if_fail (value != NULL && g_utf8_validate (value, -1, NULL), FALSE);

  attributes = make_attributes (profile_id, platform_id);
  label = make_label (profile_id, platform_id);
  if (!secret_password_storev_sync (&identity_schema, attributes, SECRET_COLLECTION_DEFAULT, label, value,
                                    cancellable, &local_error))
    {
      g_propagate_error (error, translate_error (local_error, cancellable));
      return FALSE;
    }

  return TRUE;
}

char *
ut_identity_store_lookup_sync (UtIdentityStore  *self,
                               const char       *profile_id,
                               const char       *platform_id,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *value = NULL;
  GError *local_error = NULL;
  char *secret;

  g_return_val_if_fail (UT_IS_IDENTITY_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL && platform_id != NULL, NULL);

  attributes = make_attributes (profile_id, platform_id);
  secret = secret_password_lookupv_sync (&identity_schema, attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, translate_error (local_error, cancellable));
      return NULL;
    }

  value = g_strdup (secret);
  secret_password_free (secret);
  return g_steal_pointer (&value);
}

gboolean
ut_identity_store_delete_sync (UtIdentityStore  *self,
                               const char       *profile_id,
                               const char       *platform_id,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (UT_IS_IDENTITY_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  attributes = make_attributes (profile_id, platform_id);
  secret_password_clearv_sync (&identity_schema, attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, translate_error (local_error, cancellable));
      return FALSE;
    }

  return TRUE;
}

char **
ut_identity_store_list_sync (UtIdentityStore  *self,
                             const char       *profile_id,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  GError *local_error = NULL;
  GList *items;
  char **platforms;

  g_return_val_if_fail (UT_IS_IDENTITY_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  attributes = make_attributes (profile_id, NULL);
  items = secret_password_searchv_sync (&identity_schema, attributes, SECRET_SEARCH_ALL, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, translate_error (local_error, cancellable));
      return NULL;
    }

  platforms = platforms_from_items (items);
  g_list_free_full (items, g_object_unref);
  return platforms;
}
