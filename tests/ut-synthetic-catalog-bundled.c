/* ut-synthetic-catalog-bundled.c — large catalogs made from the catalog the build bundles
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ut-catalog.h"
#include "ut-synthetic-catalog-bundled.h"
#include "ut-synthetic-catalog.h"

/* A synthetic bundle of @n_platforms copies of the bundled records (see
 * ut_synthetic_catalog_new_from()); any failure is a broken build, so it aborts the test. */
GBytes *
ut_synthetic_catalog_new (guint n_platforms)
{
  g_autoptr(GBytes) bundled = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (bundled == NULL || (bytes = ut_synthetic_catalog_new_from (bundled, n_platforms, &error)) == NULL)
    g_error ("the bundled catalog cannot be read: %s", error != NULL ? error->message : "missing");
  return bytes;
}
