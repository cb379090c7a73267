/* ut-wizard.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-action-step.h"
#include "ut-identity-store.h"

G_BEGIN_DECLS

#define UT_TYPE_WIZARD (ut_wizard_get_type ())

G_DECLARE_FINAL_TYPE (UtWizard, ut_wizard, UT, WIZARD, GtkWidget)

UtWizard     *ut_wizard_new              (UtCatalog       *catalog);
void          ut_wizard_show             (UtWizard        *self,
                                          UtProgress      *progress,
                                          UtIdentityStore *identities,
                                          UtProfile       *profile,
                                          UtPlatform      *platform);
UtPlatform   *ut_wizard_get_platform     (UtWizard        *self);
UtActionStep *ut_wizard_lookup_step      (UtWizard        *self,
                                          const char      *action_id);
gboolean      ut_wizard_shows_changes    (UtWizard        *self);

G_END_DECLS
