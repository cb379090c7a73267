/* ut-platform-list.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_PLATFORM_LIST (ut_platform_list_get_type ())

G_DECLARE_FINAL_TYPE (UtPlatformList, ut_platform_list, UT, PLATFORM_LIST, GObject)

UtPlatformList *ut_platform_list_new         (UtCatalog      *catalog,
                                              UtProgress     *progress);
UtProfile      *ut_platform_list_get_profile (UtPlatformList *self);
void            ut_platform_list_set_profile (UtPlatformList *self,
                                              UtProfile      *profile);

G_END_DECLS
