/* ut-sync.h — progress that follows a person across computers, through their WebDAV storage
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-identity-store.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_SYNC (ut_sync_get_type ())

G_DECLARE_FINAL_TYPE (UtSync, ut_sync, UT, SYNC, GObject)

UtSync     *ut_sync_new              (UtProgress           *progress);
gboolean    ut_sync_load             (UtSync               *self,
                                      GError              **error);
void        ut_sync_set_identity_store (UtSync             *self,
                                      UtIdentityStore      *identities);
char      **ut_sync_list_identities_elsewhere (UtSync      *self,
                                      const char           *profile_id);
gboolean    ut_sync_is_set_up        (UtSync               *self);
const char *ut_sync_get_url          (UtSync               *self);
const char *ut_sync_get_user         (UtSync               *self);
GDateTime  *ut_sync_get_last_synced  (UtSync               *self);
const char *ut_sync_get_problem      (UtSync               *self);
gboolean    ut_sync_is_busy          (UtSync               *self);
char       *ut_sync_describe         (UtSync               *self);

void        ut_sync_set_up_async     (UtSync               *self,
                                      const char           *url,
                                      const char           *user,
                                      const char           *password,
                                      const char           *recovery_code,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char       *ut_sync_set_up_finish    (UtSync               *self,
                                      GAsyncResult         *result,
                                      GError              **error);

void        ut_sync_run_async        (UtSync               *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean    ut_sync_run_finish       (UtSync               *self,
                                      GAsyncResult         *result,
                                      guint                *n_changed,
                                      GError              **error);

void        ut_sync_stop_async       (UtSync               *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean    ut_sync_stop_finish      (UtSync               *self,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
