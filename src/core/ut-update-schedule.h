/* ut-update-schedule.h — when the next automatic catalog check may run
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UT_UPDATE_SCHEDULE_FILE          "update-schedule.ini"
#define UT_UPDATE_SCHEDULE_INTERVAL      (24 * 60 * 60)       /* seconds between answered checks */
#define UT_UPDATE_SCHEDULE_MAX_DELAY     (7 * 24 * 60 * 60)   /* the longest any wait grows */
#define UT_UPDATE_SCHEDULE_OFFLINE_RETRY (60 * 60)            /* after the server was not reached */
#define UT_UPDATE_SCHEDULE_MIN_RETRY     60                   /* the shortest Retry-After obeyed */

typedef enum
{
  UT_UPDATE_OUTCOME_ANSWERED,  /* 200 or 304: the server is well */
  UT_UPDATE_OUTCOME_OFFLINE,   /* the request never reached the server (no network, no DNS) */
  UT_UPDATE_OUTCOME_FAILED,    /* the server answered badly, timed out or dropped the connection */
} UtUpdateOutcome;

typedef struct
{
  char   *url;
  gint64  last_check;   /* Unix seconds; 0 for never */
  gint64  next_check;   /* no automatic check before this; 0 for now */
  guint   failures;     /* failed checks in a row */
} UtUpdateSchedule;

UtUpdateSchedule *ut_update_schedule_load      (const char        *directory,
                                                const char        *url);
gboolean          ut_update_schedule_save      (UtUpdateSchedule  *self,
                                                const char        *directory,
                                                GError           **error);
void              ut_update_schedule_record    (UtUpdateSchedule  *self,
                                                gint64             now,
                                                UtUpdateOutcome    outcome,
                                                gint64             server_wait,
                                                GRand             *rand);
void              ut_update_schedule_free      (UtUpdateSchedule  *self);

gint64            ut_http_parse_retry_after    (const char        *value,
                                                gint64             now);
gint64            ut_http_parse_max_age        (const char        *cache_control);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtUpdateSchedule, ut_update_schedule_free)

G_END_DECLS
