/* ut-window.h
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

#define UT_TYPE_WINDOW (ut_window_get_type ())

G_DECLARE_FINAL_TYPE (UtWindow, ut_window, UT, WINDOW, AdwApplicationWindow)

UtWindow        *ut_window_new            (GtkApplication  *application,
                                           UtCatalog       *catalog,
                                           UtProgress      *progress,
                                           UtIdentityStore *identities);
UtWindow        *ut_window_new_loading    (GtkApplication  *application);
void             ut_window_set_state      (UtWindow        *self,
                                           UtCatalog       *catalog,
                                           UtProgress      *progress,
                                           UtIdentityStore *identities);
gboolean         ut_window_is_loading     (UtWindow        *self);
UtIdentityStore *ut_window_get_identities (UtWindow        *self);
UtProfile       *ut_window_get_profile    (UtWindow        *self);
void             ut_window_set_profile    (UtWindow        *self,
                                           UtProfile       *profile);
void             ut_window_open_platform  (UtWindow        *self,
                                           const char      *platform_id);
void             ut_window_add_toast      (UtWindow        *self,
                                           const char      *message);
guint            ut_window_announce_overdue (UtWindow      *self);
void             ut_window_show_problem   (UtWindow        *self,
                                           const char      *message);

G_END_DECLS
