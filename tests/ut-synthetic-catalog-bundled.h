/* ut-synthetic-catalog-bundled.h — large catalogs made from the catalog the build bundles
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *ut_synthetic_catalog_new (guint n_platforms);

G_END_DECLS
