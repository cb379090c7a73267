/* ut-catalog-audit.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How well one record (or, added up, a catalog) is backed: what the maintainers' audit prints. */
typedef struct
{
  guint n_records;
  gint  days_since_review;       /* the most among the records added up; -1 when unknown */
  guint n_actions;
  guint n_actions_backed;        /* cites a platform, regulator or court source */
  guint n_toggles_and_forms;
  guint n_toggles_and_forms_linked;  /* ...with a direct URL */
  guint n_sources;
  guint n_other_sources;         /* publisher "other" */
} UtAuditFigures;

void ut_catalog_audit_record (JsonObject           *record,
                              GDate                *today,
                              UtAuditFigures       *figures);
void ut_catalog_audit_add    (UtAuditFigures       *total,
                              const UtAuditFigures *record);

G_END_DECLS
