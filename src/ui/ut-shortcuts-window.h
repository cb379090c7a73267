/* ut-shortcuts-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UT_TYPE_SHORTCUTS_WINDOW (ut_shortcuts_window_get_type ())

G_DECLARE_FINAL_TYPE (UtShortcutsWindow, ut_shortcuts_window, UT, SHORTCUTS_WINDOW, AdwWindow)

UtShortcutsWindow *ut_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
