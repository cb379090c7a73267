/* ut-sync-page.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-sync.h"

G_BEGIN_DECLS

#define UT_TYPE_SYNC_PAGE (ut_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (UtSyncPage, ut_sync_page, UT, SYNC_PAGE, AdwPreferencesPage)

UtSyncPage *ut_sync_page_new (UtSync *sync);

G_END_DECLS
