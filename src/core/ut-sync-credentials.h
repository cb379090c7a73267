/* ut-sync-credentials.h — the sync server's app password and the sync key, in the keyring only
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UT_SYNC_CREDENTIALS_ERROR (ut_sync_credentials_error_quark ())

typedef enum
{
  UT_SYNC_CREDENTIALS_ERROR_UNAVAILABLE,  /* no keyring, or it stayed locked */
  UT_SYNC_CREDENTIALS_ERROR_FAILED,       /* the keyring answered with an error */
  UT_SYNC_CREDENTIALS_ERROR_DAMAGED,      /* the stored key is not a recovery code */
} UtSyncCredentialsError;

typedef struct
{
  char   *url;       /* the sync folder */
  char   *user;
  char   *password;  /* the app password */
  GBytes *key;       /* the sync key */
} UtSyncCredentials;

GQuark             ut_sync_credentials_error_quark  (void);
UtSyncCredentials *ut_sync_credentials_new          (const char           *url,
                                                     const char           *user,
                                                     const char           *password,
                                                     GBytes               *key);
void               ut_sync_credentials_free         (UtSyncCredentials    *self);

void               ut_sync_credentials_store_async  (const UtSyncCredentials *credentials,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           ut_sync_credentials_store_finish (GAsyncResult         *result,
                                                     GError              **error);
void               ut_sync_credentials_lookup_async (const char           *url,
                                                     const char           *user,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
UtSyncCredentials *ut_sync_credentials_lookup_finish (GAsyncResult        *result,
                                                     GError              **error);
void               ut_sync_credentials_clear_async  (const char           *url,
                                                     const char           *user,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           ut_sync_credentials_clear_finish (GAsyncResult         *result,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtSyncCredentials, ut_sync_credentials_free)

G_END_DECLS
