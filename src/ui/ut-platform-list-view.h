/* ut-platform-list-view.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-platform-list.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_PLATFORM_LIST_VIEW (ut_platform_list_view_get_type ())

G_DECLARE_FINAL_TYPE (UtPlatformListView, ut_platform_list_view, UT, PLATFORM_LIST_VIEW, GtkWidget)

void         ut_platform_list_view_set_model     (UtPlatformListView *self,
                                                  GListModel         *shown,
                                                  UtPlatformList     *platforms,
                                                  UtProgress         *progress);
GtkListView *ut_platform_list_view_get_list_view (UtPlatformListView *self);

G_END_DECLS
