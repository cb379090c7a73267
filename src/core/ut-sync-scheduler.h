/* ut-sync-scheduler.h — when the app syncs: at start, after changes, while open
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-sync.h"

G_BEGIN_DECLS

#define UT_SYNC_AT_START_MS      (3 * 1000)
#define UT_SYNC_AFTER_CHANGE_MS  (10 * 1000)
#define UT_SYNC_WHILE_OPEN_MS    (15 * 60 * 1000)

#define UT_TYPE_SYNC_SCHEDULER (ut_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (UtSyncScheduler, ut_sync_scheduler, UT, SYNC_SCHEDULER, GObject)

UtSyncScheduler *ut_sync_scheduler_new        (UtSync          *sync,
                                               UtProgress      *progress);
void             ut_sync_scheduler_set_delays (UtSyncScheduler *self,
                                               guint            at_start_ms,
                                               guint            after_change_ms,
                                               guint            while_open_ms);
void             ut_sync_scheduler_start      (UtSyncScheduler *self);
guint            ut_sync_scheduler_get_n_runs (UtSyncScheduler *self);

G_END_DECLS
