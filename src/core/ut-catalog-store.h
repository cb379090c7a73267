/* ut-catalog-store.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-catalog.h"

G_BEGIN_DECLS

/* An installed update lives in one directory, by default $XDG_DATA_HOME/untrain/catalog:
 *   catalog.json      the bundle, byte for byte as it was signed
 *   catalog.json.sig  its detached signature (see ut-signature.h)
 *   etag              "VERSION ETAG": the server's ETag for that bundle, for If-None-Match
 * The signature is checked again at every load, so a pair torn apart by a crash between the two
 * writes, or changed on disk, is refused and the bundled catalog is used. */
#define UT_CATALOG_INSTALLED_BUNDLE    "catalog.json"
#define UT_CATALOG_INSTALLED_SIGNATURE "catalog.json.sig"
#define UT_CATALOG_INSTALLED_ETAG      "etag"

#define UT_CATALOG_UPDATE_ERROR (ut_catalog_update_error_quark ())

/* Every message is a sentence for the user, ending in what happens next. */
typedef enum
{
  UT_CATALOG_UPDATE_ERROR_INSECURE_URL,   /* not https (nor http to 127.0.0.1 or ::1), no valid host, a user name or password, or a redirect to such an address */
  UT_CATALOG_UPDATE_ERROR_NETWORK,        /* unreachable, connection lost, too many redirects */
  UT_CATALOG_UPDATE_ERROR_TIMEOUT,        /* the server did not answer in time */
  UT_CATALOG_UPDATE_ERROR_HTTP,           /* the server answered with an error status */
  UT_CATALOG_UPDATE_ERROR_TOO_LARGE,      /* the bundle is over the size cap */
  UT_CATALOG_UPDATE_ERROR_NO_SIGNATURE,   /* the bundle has no signature */
  UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,  /* not signed by a key Untrain trusts, or a damaged signature */
  UT_CATALOG_UPDATE_ERROR_INVALID,        /* not JSON, or it fails validation */
  UT_CATALOG_UPDATE_ERROR_OLDER,          /* its version is older than the catalog in use */
  UT_CATALOG_UPDATE_ERROR_SAVE,           /* it could not be written to disk */
  UT_CATALOG_UPDATE_ERROR_UNREADABLE,     /* an installed update could not be read */
} UtCatalogUpdateError;

GQuark      ut_catalog_update_error_quark      (void);
char       *ut_catalog_get_installed_directory (void);
gboolean    ut_catalog_verify_signature        (GBytes      *bundle,
                                                GBytes      *signature,
                                                GError     **error);
UtCatalog  *ut_catalog_load_installed          (const char  *directory,
                                                GError     **error);
UtCatalog  *ut_catalog_load_newest             (const char  *directory,
                                                GError     **warning,
                                                GError     **error);

G_END_DECLS
