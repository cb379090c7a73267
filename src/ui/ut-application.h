/* ut-application.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UT_TYPE_APPLICATION (ut_application_get_type ())

G_DECLARE_FINAL_TYPE (UtApplication, ut_application, UT, APPLICATION, AdwApplication)

UtApplication *ut_application_new (void);

G_END_DECLS
