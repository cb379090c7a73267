/* ut-preferences-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"
#include "ut-identity-store.h"
#include "ut-progress.h"
#include "ut-sync.h"

G_BEGIN_DECLS

#define UT_TYPE_PREFERENCES_WINDOW (ut_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (UtPreferencesWindow, ut_preferences_window, UT, PREFERENCES_WINDOW, AdwWindow)

UtPreferencesWindow *ut_preferences_window_new (GtkWindow       *parent,
                                                UtCatalog       *catalog,
                                                UtProgress      *progress,
                                                UtIdentityStore *identities,
                                                UtProfile       *active_profile);
void                 ut_preferences_window_add_sync (UtPreferencesWindow *self,
                                                     UtSync              *sync);

G_END_DECLS
