/* ut-export-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"
#include "ut-identity-store.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_EXPORT_DIALOG (ut_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UtExportDialog, ut_export_dialog, UT, EXPORT_DIALOG, AdwWindow)

UtExportDialog *ut_export_dialog_new        (GtkWindow            *parent,
                                             UtCatalog            *catalog,
                                             UtProgress           *progress,
                                             UtIdentityStore      *identities,
                                             UtProfile            *profile);
void            ut_export_dialog_run_async  (UtExportDialog       *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GFile          *ut_export_dialog_run_finish (UtExportDialog       *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
