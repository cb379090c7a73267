/* ut-profile-row.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_PROFILE_ROW (ut_profile_row_get_type ())

G_DECLARE_FINAL_TYPE (UtProfileRow, ut_profile_row, UT, PROFILE_ROW, AdwActionRow)

UtProfileRow *ut_profile_row_new         (UtProgress   *progress,
                                          UtProfile    *profile);
UtProfile    *ut_profile_row_get_profile (UtProfileRow *self);
void          ut_profile_row_set_is_last (UtProfileRow *self,
                                          gboolean      is_last);
void          ut_profile_row_set_active  (UtProfileRow *self,
                                          gboolean      active);
gboolean      ut_profile_row_get_active  (UtProfileRow *self);

G_END_DECLS
