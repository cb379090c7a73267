/* ut-preferences-window-private.h — what the UI tests drive
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-preferences-window.h"

G_BEGIN_DECLS

void _ut_preferences_window_ask_delete (UtPreferencesWindow *self,
                                        UtProfile           *profile);

G_END_DECLS
