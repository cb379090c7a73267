/* ut-platform-chooser-private.h — what the UI tests look at
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-platform-chooser.h"

G_BEGIN_DECLS

GListModel     *_ut_platform_chooser_get_entries     (UtPlatformChooser *self);
guint           _ut_platform_chooser_get_n_row_widgets (UtPlatformChooser *self);
GtkSearchEntry *_ut_platform_chooser_get_search_entry (UtPlatformChooser *self);
gboolean        _ut_platform_chooser_shows_no_match   (UtPlatformChooser *self);

G_END_DECLS
