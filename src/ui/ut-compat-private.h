/* ut-compat-private.h — test hooks of ut-compat.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-compat.h"

G_BEGIN_DECLS

/* For the tests: make every link fail to open, as where no browser is installed. */
void      _ut_compat_set_uri_launch_fails   (gboolean  fails);
/* The dialog shown by the last link that could not open (an AdwMessageDialog or AdwAlertDialog,
 * as the version has), while it exists, and its selectable text. */
GObject  *_ut_compat_get_uri_fallback       (void);
GtkLabel *_ut_compat_get_uri_fallback_label (GObject  *dialog);

G_END_DECLS
