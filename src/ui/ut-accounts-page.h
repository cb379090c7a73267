/* ut-accounts-page.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"
#include "ut-identity-store.h"
#include "ut-profile.h"

G_BEGIN_DECLS

#define UT_TYPE_ACCOUNTS_PAGE (ut_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (UtAccountsPage, ut_accounts_page, UT, ACCOUNTS_PAGE, AdwPreferencesPage)

UtAccountsPage *ut_accounts_page_new (UtCatalog       *catalog,
                                      UtIdentityStore *store,
                                      UtProfile       *profile);

void            ut_accounts_page_show_saved_elsewhere (UtAccountsPage     *self,
                                                       const char * const *platform_ids);

G_END_DECLS
