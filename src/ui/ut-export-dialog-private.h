/* ut-export-dialog-private.h — what the UI tests drive
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-export-dialog.h"

G_BEGIN_DECLS

/* Everything Export does once the user has chosen @file: a file chooser cannot be driven in a test. */
void _ut_export_dialog_export_to (UtExportDialog *self,
                                  GFile          *file);

G_END_DECLS
