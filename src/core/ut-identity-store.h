/* ut-identity-store.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UT_IDENTITY_ERROR (ut_identity_error_quark ())

typedef enum
{
  UT_IDENTITY_ERROR_UNAVAILABLE,  /* no keyring to talk to, or it stayed locked */
  UT_IDENTITY_ERROR_FAILED,       /* the keyring answered with an error */
} UtIdentityError;

#define UT_TYPE_IDENTITY_STORE (ut_identity_store_get_type ())

G_DECLARE_FINAL_TYPE (UtIdentityStore, ut_identity_store, UT, IDENTITY_STORE, GObject)

GQuark           ut_identity_error_quark               (void);
UtIdentityStore *ut_identity_store_new                 (void);

void             ut_identity_store_store_async         (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char           *platform_id,
                                                        const char           *value,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         ut_identity_store_store_finish        (UtIdentityStore      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             ut_identity_store_lookup_async        (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char           *platform_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
char            *ut_identity_store_lookup_finish       (UtIdentityStore      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             ut_identity_store_delete_async        (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char           *platform_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         ut_identity_store_delete_finish       (UtIdentityStore      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             ut_identity_store_list_async          (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
char           **ut_identity_store_list_finish         (UtIdentityStore      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             ut_identity_store_lookup_all_async    (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char * const   *platform_ids,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GHashTable      *ut_identity_store_lookup_all_finish   (UtIdentityStore      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* For the command line and tests only: these block. */
gboolean         ut_identity_store_store_sync          (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char           *platform_id,
                                                        const char           *value,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
char            *ut_identity_store_lookup_sync         (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char           *platform_id,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
gboolean         ut_identity_store_delete_sync         (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        const char           *platform_id,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
char           **ut_identity_store_list_sync           (UtIdentityStore      *self,
                                                        const char           *profile_id,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

G_END_DECLS
