/* ut-catalog-messages.h — the catalog's text as gettext messages, for translators
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *context;   /* "<platform id><JSON pointer>", e.g. "linkedin/actions/0/steps/1" */
  char *pointer;   /* the JSON pointer within the record */
  char *text;      /* the English text */
  char *comment;   /* for translators, nullable */
} UtCatalogMessage;

void        ut_catalog_message_free       (UtCatalogMessage *message);
GPtrArray  *ut_catalog_collect_messages   (JsonObject       *record);
char       *ut_catalog_messages_to_pot    (GPtrArray        *messages,
                                           GPtrArray        *files);
GHashTable *ut_po_file_read               (const char       *path,
                                           GError          **error);
char       *ut_po_key                     (const char       *context,
                                           const char       *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtCatalogMessage, ut_catalog_message_free)

G_END_DECLS
