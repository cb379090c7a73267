/* ut-wizard-private.h — what the tests read of a guide
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-wizard.h"

G_BEGIN_DECLS

char *_ut_wizard_build_report (UtWizard  *self,
                               char     **fallback_text);

G_END_DECLS
