/* ut-sync-document.h — one device's view of all progress, element by element, for sync
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ut-hlc.h"

G_BEGIN_DECLS

#define UT_SYNC_DOCUMENT_FORMAT 1
#define UT_SYNC_HISTORY_LENGTH 10

#define UT_TYPE_SYNC_DOCUMENT (ut_sync_document_get_type ())

G_DECLARE_FINAL_TYPE (UtSyncDocument, ut_sync_document, UT, SYNC_DOCUMENT, GObject)

typedef struct
{
  UtHlc     stamp;
  char     *device;  /* the device that made this change */
  JsonNode *value;   /* NULL: deleted (a tombstone) */
} UtSyncVersion;

UtSyncDocument      *ut_sync_document_new                (const char      *device_id);
UtSyncDocument      *ut_sync_document_from_json          (JsonNode        *node,
                                                          GError         **error);
JsonNode            *ut_sync_document_to_json            (UtSyncDocument  *self);
const char          *ut_sync_document_get_device         (UtSyncDocument  *self);
guint                ut_sync_document_get_n_elements     (UtSyncDocument  *self);

guint                ut_sync_document_record_local       (UtSyncDocument  *self,
                                                          JsonNode        *progress,
                                                          const char * const *identities,
                                                          gint64           now_ms,
                                                          gboolean         joining);
guint                ut_sync_document_merge              (UtSyncDocument  *self,
                                                          UtSyncDocument  *remote);
JsonNode            *ut_sync_document_to_progress        (UtSyncDocument  *self);

const UtSyncVersion *ut_sync_document_lookup             (UtSyncDocument  *self,
                                                          const char      *key);
GPtrArray           *ut_sync_document_get_history        (UtSyncDocument  *self,
                                                          const char      *key);
char               **ut_sync_document_list_identities_elsewhere (UtSyncDocument *self,
                                                                 const char     *profile_id);
char                *ut_sync_record_key                  (const char      *profile_id,
                                                          const char      *platform_id,
                                                          const char      *action_id);

G_END_DECLS
