/* ut-window-private.h — what the UI tests look at
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-window.h"

G_BEGIN_DECLS

const char *_ut_window_get_visible_page  (UtWindow   *self);
GtkWidget  *_ut_window_get_onboarding    (UtWindow   *self);
GtkWidget  *_ut_window_get_wizard        (UtWindow   *self);
GtkWidget  *_ut_window_get_summary_page  (UtWindow   *self);
GtkListBox *_ut_window_get_platform_list (UtWindow   *self);
const char *_ut_window_get_progress_text (UtWindow   *self);
const char *_ut_window_get_last_toast    (UtWindow   *self);
void        _ut_window_import_from       (UtWindow   *self,
                                          GFile      *file);

G_END_DECLS
