/* ut-platform-chooser.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"

G_BEGIN_DECLS

#define UT_TYPE_PLATFORM_CHOOSER (ut_platform_chooser_get_type ())

G_DECLARE_FINAL_TYPE (UtPlatformChooser, ut_platform_chooser, UT, PLATFORM_CHOOSER, GtkWidget)

void      ut_platform_chooser_set_catalog      (UtPlatformChooser  *self,
                                                UtCatalog          *catalog,
                                                const char * const *selected);
char    **ut_platform_chooser_dup_selected     (UtPlatformChooser  *self);
guint     ut_platform_chooser_get_n_selected   (UtPlatformChooser  *self);
void      ut_platform_chooser_set_selected     (UtPlatformChooser  *self,
                                                const char         *platform_id,
                                                gboolean            selected);
void      ut_platform_chooser_toggle_category  (UtPlatformChooser  *self,
                                                const char         *category);
void      ut_platform_chooser_reset            (UtPlatformChooser  *self);

G_END_DECLS
