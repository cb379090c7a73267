/* ut-synthetic-catalog.h — large catalogs made from the real records, for tests and benchmarks
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *ut_synthetic_catalog_new_from (GBytes  *bundle,
                                       guint    n_platforms,
                                       GError **error);

G_END_DECLS
