/* ut-catalog.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-platform.h"

G_BEGIN_DECLS

#define UT_CATALOG_ERROR (ut_catalog_error_quark ())

typedef enum
{
  UT_CATALOG_ERROR_INVALID,
  UT_CATALOG_ERROR_OLDER_FORMAT,
} UtCatalogError;

#define UT_CATALOG_BUNDLED_RESOURCE "/io/github/untrain/Untrain/catalog/catalog.json"

#define UT_TYPE_CATALOG (ut_catalog_get_type ())

G_DECLARE_FINAL_TYPE (UtCatalog, ut_catalog, UT, CATALOG, GObject)

GQuark      ut_catalog_error_quark    (void);
UtCatalog  *ut_catalog_new_from_bytes (GBytes     *bytes,
                                       const char *origin,
                                       GError    **error);
UtCatalog  *ut_catalog_load_bundled   (GError    **error);
gint64      ut_catalog_get_version    (UtCatalog  *self);
const char *ut_catalog_get_generated  (UtCatalog  *self);
const char *ut_catalog_get_language   (UtCatalog  *self);
UtPlatform *ut_catalog_lookup         (UtCatalog  *self,
                                       const char *id);

G_END_DECLS
