/* ut-identity-row.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-identity-store.h"
#include "ut-platform.h"
#include "ut-profile.h"

G_BEGIN_DECLS

#define UT_TYPE_IDENTITY_ROW (ut_identity_row_get_type ())

G_DECLARE_FINAL_TYPE (UtIdentityRow, ut_identity_row, UT, IDENTITY_ROW, AdwEntryRow)

UtIdentityRow *ut_identity_row_new       (UtIdentityStore *store,
                                          UtProfile       *profile,
                                          UtPlatform      *platform,
                                          const char      *title);
gboolean       ut_identity_row_is_loaded      (UtIdentityRow   *self);
gboolean       ut_identity_row_is_unavailable (UtIdentityRow   *self);

G_END_DECLS
