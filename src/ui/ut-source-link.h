/* ut-source-link.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ut-platform.h"

G_BEGIN_DECLS

GtkWidget *ut_source_link_new (const UtSource *source);

G_END_DECLS
