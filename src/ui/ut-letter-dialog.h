/* ut-letter-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-identity-store.h"
#include "ut-legal.h"
#include "ut-letter.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_LETTER_DIALOG (ut_letter_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UtLetterDialog, ut_letter_dialog, UT, LETTER_DIALOG, AdwWindow)

UtLetterDialog *ut_letter_dialog_new (GtkWindow       *parent,
                                      UtProgress      *progress,
                                      UtIdentityStore *identities,
                                      UtProfile       *profile,
                                      UtPlatform      *platform,
                                      UtLegal         *legal,
                                      UtLetterKind     kind);

G_END_DECLS
