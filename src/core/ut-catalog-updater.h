/* ut-catalog-updater.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-catalog.h"
#include "ut-catalog-store.h"

G_BEGIN_DECLS

#define UT_CATALOG_UPDATER_DEFAULT_TIMEOUT  30                 /* seconds, for the whole check */
#define UT_CATALOG_UPDATER_DEFAULT_MAX_SIZE (8 * 1024 * 1024)  /* bytes of bundle */

typedef enum
{
  UT_CATALOG_UPDATE_FAILED,        /* the error says why; the catalog in use stays */
  UT_CATALOG_UPDATE_UPDATED,       /* a newer catalog was installed and is returned */
  UT_CATALOG_UPDATE_NOT_MODIFIED,  /* the server answered 304: nothing new, nothing downloaded */
  UT_CATALOG_UPDATE_NOT_NEWER,     /* the server has the same version as the catalog in use */
} UtCatalogUpdateResult;

#define UT_TYPE_CATALOG_UPDATER (ut_catalog_updater_get_type ())

G_DECLARE_FINAL_TYPE (UtCatalogUpdater, ut_catalog_updater, UT, CATALOG_UPDATER, GObject)

UtCatalogUpdater      *ut_catalog_updater_new          (const char          *directory,
                                                        const char          *url,
                                                        UtCatalog           *catalog);
const char            *ut_catalog_updater_get_directory (UtCatalogUpdater   *self);
const char            *ut_catalog_updater_get_url      (UtCatalogUpdater    *self);
UtCatalog             *ut_catalog_updater_get_catalog  (UtCatalogUpdater    *self);
guint                  ut_catalog_updater_get_timeout  (UtCatalogUpdater    *self);
void                   ut_catalog_updater_set_timeout  (UtCatalogUpdater    *self,
                                                        guint                seconds);
guint64                ut_catalog_updater_get_max_size (UtCatalogUpdater    *self);
void                   ut_catalog_updater_set_max_size (UtCatalogUpdater    *self,
                                                        guint64              bytes);
void                   ut_catalog_updater_check_async  (UtCatalogUpdater    *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
UtCatalogUpdateResult  ut_catalog_updater_check_finish (UtCatalogUpdater    *self,
                                                        GAsyncResult        *result,
                                                        UtCatalog          **new_catalog,
                                                        GError             **error);

UtCatalogUpdateResult  ut_catalog_update_sync          (const char          *directory,
                                                        const char          *url,
                                                        UtCatalog           *catalog,
                                                        guint                timeout,
                                                        UtCatalog          **new_catalog,
                                                        GError             **error);
char                  *ut_catalog_update_describe      (UtCatalogUpdateResult result,
                                                        gint64               version);

G_END_DECLS
