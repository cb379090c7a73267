/* ut-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-application.h"

G_BEGIN_DECLS

#define UT_TYPE_WINDOW (ut_window_get_type ())

G_DECLARE_FINAL_TYPE (UtWindow, ut_window, UT, WINDOW, AdwApplicationWindow)

UtWindow *ut_window_new (UtApplication *application);

G_END_DECLS
