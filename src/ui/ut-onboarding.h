/* ut-onboarding.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"

G_BEGIN_DECLS

#define UT_TYPE_ONBOARDING (ut_onboarding_get_type ())

G_DECLARE_FINAL_TYPE (UtOnboarding, ut_onboarding, UT, ONBOARDING, GtkWidget)

void        ut_onboarding_setup          (UtOnboarding       *self,
                                          UtCatalog          *catalog,
                                          UtRegion            region,
                                          const char * const *selected,
                                          gboolean            edit_only);
UtRegion    ut_onboarding_get_region     (UtOnboarding       *self);
char      **ut_onboarding_dup_selected   (UtOnboarding       *self);
void        ut_onboarding_set_can_cancel (UtOnboarding       *self,
                                          gboolean            can_cancel);
gboolean    ut_onboarding_get_can_cancel (UtOnboarding       *self);
void        ut_onboarding_set_menu_model (UtOnboarding       *self,
                                          GMenuModel         *model);
const char *ut_onboarding_get_page       (UtOnboarding       *self);

G_END_DECLS
