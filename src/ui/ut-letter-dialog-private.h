/* ut-letter-dialog-private.h — what the UI tests drive
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-letter-dialog.h"

G_BEGIN_DECLS

void        _ut_letter_dialog_set_grounds  (UtLetterDialog *self,
                                            const char     *grounds);
const char *_ut_letter_dialog_get_preview  (UtLetterDialog *self);
gboolean    _ut_letter_dialog_can_send     (UtLetterDialog *self);
void        _ut_letter_dialog_save_to      (UtLetterDialog *self,
                                            GFile          *file);

G_END_DECLS
