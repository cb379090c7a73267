/* ut-profile.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ut-region.h"
#include "ut-request.h"

G_BEGIN_DECLS

typedef enum
{
  UT_ACTION_STATE_TODO,
  UT_ACTION_STATE_DONE,
  UT_ACTION_STATE_SKIPPED,
  UT_ACTION_STATE_NOT_APPLICABLE,
} UtActionState;

/* What one person recorded for one action. "done" only ever means the user said they did it:
 * Untrain cannot see a platform's real setting. */
typedef struct
{
  char          *platform;
  char          *action;
  UtActionState  state;
  GDateTime     *changed_at;   /* when the state was last set; newer wins when merging */
  GDateTime     *done_at;      /* nullable */
  GDateTime     *verified_at;  /* nullable: when the user last confirmed it */
  guint          revision;     /* the platform revision it was recorded against */
  char          *note;         /* nullable */
  GArray        *proofs;       /* of UtProof: files the person keeps as proof of this action */
} UtRecord;

#define UT_TYPE_RECORD (ut_record_get_type ())
#define UT_TYPE_PROFILE (ut_profile_get_type ())

G_DECLARE_FINAL_TYPE (UtProfile, ut_profile, UT, PROFILE, GObject)

GType               ut_record_get_type            (void) G_GNUC_CONST;
UtRecord           *ut_record_new                 (const char     *platform_id,
                                                   const char     *action_id);
UtRecord           *ut_record_copy                (const UtRecord *record);
void                ut_record_free                (UtRecord       *record);

const char         *ut_action_state_to_string     (UtActionState  state);
gboolean            ut_action_state_from_string   (const char    *text,
                                                   UtActionState *state);

const char         *ut_profile_get_id             (UtProfile     *self);
const char         *ut_profile_get_name           (UtProfile     *self);
UtRegion            ut_profile_get_region         (UtProfile     *self);
gboolean            ut_profile_get_region_confirmed (UtProfile   *self);
const char * const *ut_profile_get_platforms      (UtProfile     *self);
gboolean            ut_profile_uses_platform      (UtProfile     *self,
                                                   const char    *platform_id);
const UtRecord     *ut_profile_lookup_record      (UtProfile     *self,
                                                   const char    *platform_id,
                                                   const char    *action_id);
GPtrArray          *ut_profile_list_records       (UtProfile     *self);
const UtRequest    *ut_profile_lookup_request     (UtProfile     *self,
                                                   const char    *platform_id);
GPtrArray          *ut_profile_list_requests      (UtProfile     *self);
gboolean            ut_profile_is_set_up          (UtProfile     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtRecord, ut_record_free)

G_END_DECLS
