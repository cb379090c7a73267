/* ut-sync-credentials.c — the sync server's app password and the sync key, in the keyring only
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two keyring items per sync folder and user: the app password, and the key as its recovery code
 * (so that Passwords and Keys shows it to a person who needs it for another device). As for
 * account identities (ut-identity-store.c), only libsecret's secret_password_* calls are used:
 * the Secret Service on a desktop, the Secret portal inside Flatpak, never a file of ours.
 */

#define G_LOG_DOMAIN "ut-sync-credentials"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ut-keyring.h"
#include "ut-sync-credentials.h"
#include "ut-sync-crypto.h"

#define KIND_PASSWORD "password"
#define KIND_KEY      "key"

static const SecretSchema sync_schema = {
  "io.github.untrain.Untrain.Sync", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

G_DEFINE_QUARK (ut-sync-credentials-error-quark, ut_sync_credentials_error)

UtSyncCredentials *
ut_sync_credentials_new (const char *url,
                         const char *user,
                         const char *password,
                         GBytes     *key)
{
  UtSyncCredentials *self = g_new0 (UtSyncCredentials, 1);

  self->url = g_strdup (url);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  self->key = key != NULL ? g_bytes_ref (key) : NULL;
  return self;
}

void
ut_sync_credentials_free (UtSyncCredentials *self)
{
  if (self == NULL)
    return;
  g_free (self->url);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_clear_pointer (&self->key, g_bytes_unref);
  g_free (self);
}

static GHashTable *
make_attributes (const char *url,
                 const char *user,
                 const char *kind)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, "server", g_strdup (url));
  g_hash_table_insert (attributes, "user", g_strdup (user));
  if (kind != NULL)
    g_hash_table_insert (attributes, "kind", g_strdup (kind));
  return attributes;
}

/* What libsecret and D-Bus report, as a sentence; the original goes to the debug log only. */
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
      return g_error_new_literal (UT_SYNC_CREDENTIALS_ERROR, UT_SYNC_CREDENTIALS_ERROR_UNAVAILABLE,
                                  _("Your keyring is locked, so Untrain cannot use your sync password "
                                    "and key. Unlock it and try again."));

    case UT_KEYRING_PROBLEM_UNAVAILABLE:
      return g_error_new_literal (UT_SYNC_CREDENTIALS_ERROR, UT_SYNC_CREDENTIALS_ERROR_UNAVAILABLE,
                                  _("No keyring is available, so Untrain cannot keep your sync "
                                    "password and key, and syncing stays off. Nothing was saved "
                                    "anywhere else."));

    case UT_KEYRING_PROBLEM_OTHER:
    default:
      return g_error_new (UT_SYNC_CREDENTIALS_ERROR, UT_SYNC_CREDENTIALS_ERROR_FAILED,
                          _("The keyring could not be used: %s"), error->message);
    }
}

/* ---- store: the password, then the key --------------------------------------------------- */

typedef struct
{
  UtSyncCredentials *credentials;
  char              *code;
  char              *password;   /* a lookup's, until the key is read too */
} Step;

static void
step_free (Step *step)
{
  ut_sync_credentials_free (step->credentials);
  if (step->code != NULL)
    memset (step->code, 0, strlen (step->code));
  g_free (step->code);
  if (step->password != NULL)
    memset (step->password, 0, strlen (step->password));
  g_free (step->password);
  g_free (step);
}

static void
key_stored_cb (GObject      *source,
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

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *step = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
      return;
    }

  attributes = make_attributes (step->credentials->url, step->credentials->user, KIND_KEY);
  /* Translators: the label of a keyring item, seen in Passwords and Keys; %s is a user name */
  label = g_strdup_printf (_("Untrain: sync recovery code (%s)"), step->credentials->user);
  /* The cancellable is read before the task is handed on: arguments have no order. */
  cancellable = g_task_get_cancellable (task);
  secret_password_storev (&sync_schema, attributes, SECRET_COLLECTION_DEFAULT, label, step->code,
                          cancellable, key_stored_cb, g_steal_pointer (&task));
}

/**
 * ut_sync_credentials_store_async:
 * @credentials: all four filled in
 *
 * Keeps the app password and the key in the keyring, replacing what was kept for the same
 * folder and user.
 */
void
ut_sync_credentials_store_async (const UtSyncCredentials *credentials,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  Step *step;

  g_return_if_fail (credentials != NULL && credentials->url != NULL && credentials->user != NULL &&
                    credentials->password != NULL && credentials->key != NULL);

  g_task_set_source_tag (task, ut_sync_credentials_store_async);
  step = g_new0 (Step, 1);
  step->credentials = ut_sync_credentials_new (credentials->url, credentials->user, credentials->password,
                                               credentials->key);
  step->code = ut_sync_recovery_code_encode (credentials->key);
  g_task_set_task_data (task, step, (GDestroyNotify) step_free);

  attributes = make_attributes (credentials->url, credentials->user, KIND_PASSWORD);
  /* Translators: the label of a keyring item, seen in Passwords and Keys; %s is a user name */
  label = g_strdup_printf (_("Untrain: sync app password (%s)"), credentials->user);
  secret_password_storev (&sync_schema, attributes, SECRET_COLLECTION_DEFAULT, label, credentials->password,
                          cancellable, password_stored_cb, g_steal_pointer (&task));
}

gboolean
ut_sync_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- lookup: the password, then the key -------------------------------------------------- */

static void
key_found_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *step = g_task_get_task_data (task);
  g_autoptr(GBytes) key = NULL;
  GError *error = NULL;
  char *code = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
      return;
    }
  if (code == NULL || step->password == NULL)
    {
      /* Set up only halfway (or cleared halfway): nothing to sync with. */
      secret_password_free (code);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  key = ut_sync_recovery_code_decode (code, NULL);
  secret_password_free (code);
  if (key == NULL)
    {
      g_task_return_new_error (task, UT_SYNC_CREDENTIALS_ERROR, UT_SYNC_CREDENTIALS_ERROR_DAMAGED,
                               _("The sync key in your keyring is damaged. Set up syncing again "
                                 "with the recovery code from your other device."));
      return;
    }

  g_task_return_pointer (task, ut_sync_credentials_new (step->credentials->url, step->credentials->user,
                                                        step->password, key),
                         (GDestroyNotify) ut_sync_credentials_free);
}

static void
password_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *step = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
      return;
    }
  step->password = g_strdup (password);
  secret_password_free (password);

  attributes = make_attributes (step->credentials->url, step->credentials->user, KIND_KEY);
  cancellable = g_task_get_cancellable (task);
  secret_password_lookupv (&sync_schema, attributes, cancellable, key_found_cb, g_steal_pointer (&task));
}

void
ut_sync_credentials_lookup_async (const char          *url,
                                  const char          *user,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  Step *step;

  g_return_if_fail (url != NULL && user != NULL);

  g_task_set_source_tag (task, ut_sync_credentials_lookup_async);
  step = g_new0 (Step, 1);
  step->credentials = ut_sync_credentials_new (url, user, NULL, NULL);
  g_task_set_task_data (task, step, (GDestroyNotify) step_free);

  attributes = make_attributes (url, user, KIND_PASSWORD);
  secret_password_lookupv (&sync_schema, attributes, cancellable, password_found_cb, g_steal_pointer (&task));
}

/**
 * ut_sync_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the credentials; %NULL without an error when none are kept
 *   for that folder and user
 */
UtSyncCredentials *
ut_sync_credentials_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- clear: both items at once ----------------------------------------------------------- */

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to clear, which is what was asked. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
  else
    g_task_return_boolean (task, TRUE);
}

void
ut_sync_credentials_clear_async (const char          *url,
                                 const char          *user,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (url != NULL && user != NULL);

  g_task_set_source_tag (task, ut_sync_credentials_clear_async);
  /* Without "kind": the password and the key together. */
  attributes = make_attributes (url, user, NULL);
  secret_password_clearv (&sync_schema, attributes, cancellable, cleared_cb, g_steal_pointer (&task));
}

gboolean
ut_sync_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
