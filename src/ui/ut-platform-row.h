/* ut-platform-row.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_PLATFORM_ROW (ut_platform_row_get_type ())

G_DECLARE_FINAL_TYPE (UtPlatformRow, ut_platform_row, UT, PLATFORM_ROW, GtkWidget)

UtPlatformRow *ut_platform_row_new             (void);
void           ut_platform_row_set_platform    (UtPlatformRow  *self,
                                                UtPlatform     *platform,
                                                UtProgress     *progress,
                                                UtProfile      *profile);
UtPlatform    *ut_platform_row_get_platform    (UtPlatformRow  *self);
const char    *ut_platform_row_get_badge       (UtPlatformRow  *self);
const char    *ut_platform_row_get_description (UtPlatformRow  *self);
void           ut_platform_row_set_card_edges  (UtPlatformRow  *self,
                                                gboolean        first,
                                                gboolean        last);
const char    *ut_platform_state_get_label     (UtPlatformState state);

G_END_DECLS
