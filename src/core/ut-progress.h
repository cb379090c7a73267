/* ut-progress.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ut-catalog.h"
#include "ut-profile.h"

G_BEGIN_DECLS

/* 2 added each profile's requests; a file of format 1 reads as one without requests. */
#define UT_PROGRESS_FORMAT 2
/* The most a progress file or a backup may hold. A person with 20,000 profiles, or with 100,000
 * platforms in one, stays far below it. */
#define UT_PROGRESS_MAX_SIZE (64 * 1024 * 1024)
#define UT_PROGRESS_ERROR (ut_progress_error_quark ())

typedef enum
{
  UT_PROGRESS_ERROR_FUTURE_FORMAT,  /* written by a newer Untrain: refused, never overwritten */
  UT_PROGRESS_ERROR_UNREADABLE,     /* could not be read at all: left alone, nothing saved */
  UT_PROGRESS_ERROR_RECOVERED,      /* damaged file moved aside; see the message */
  UT_PROGRESS_ERROR_READ_ONLY,      /* a change was refused because of one of the above */
  UT_PROGRESS_ERROR_INVALID,        /* a bad argument: unknown profile, platform or action */
} UtProgressError;

/* Derived, never stored. */
typedef enum
{
  UT_RECORD_FLAGS_NONE         = 0,
  UT_RECORD_FLAGS_NEEDS_REVIEW = 1 << 0,  /* the catalog changed since the user finished it */
  UT_RECORD_FLAGS_RECHECK_DUE  = 1 << 1,  /* verified longer ago than its re-check interval */
} UtRecordFlags;

/* The one badge a platform shows, most urgent first. */
typedef enum
{
  UT_PLATFORM_STATE_CHANGED,
  UT_PLATFORM_STATE_RECHECK_DUE,
  UT_PLATFORM_STATE_TODO,
  UT_PLATFORM_STATE_DONE,
  UT_PLATFORM_STATE_NOTHING_TO_DO,
} UtPlatformState;

typedef struct
{
  UtPlatformState state;
  guint           n_actions;
  guint           n_done;          /* done or not applicable */
  guint           n_skipped;
  guint           n_needs_review;
  guint           n_recheck_due;
} UtPlatformProgress;

typedef GDateTime *(*UtClockFunc) (gpointer user_data);

#define UT_TYPE_PROGRESS (ut_progress_get_type ())

G_DECLARE_FINAL_TYPE (UtProgress, ut_progress, UT, PROGRESS, GObject)

GQuark        ut_progress_error_quark          (void);
UtProgress   *ut_progress_new                  (const char          *directory);
const char   *ut_progress_get_path             (UtProgress          *self);
void          ut_progress_set_clock            (UtProgress          *self,
                                                UtClockFunc          func,
                                                gpointer             user_data);
GDateTime    *ut_progress_now                  (UtProgress          *self);
GDate        *ut_progress_get_today            (UtProgress          *self);
gboolean      ut_progress_load                 (UtProgress          *self,
                                                GError             **error);
const GError *ut_progress_get_recovery         (UtProgress          *self);
gboolean      ut_progress_is_read_only         (UtProgress          *self);
gboolean      ut_progress_save                 (UtProgress          *self,
                                                GError             **error);
gboolean      ut_progress_has_saved_state      (UtProgress          *self);

guint         ut_progress_get_default_recheck_days (UtProgress      *self);
gboolean      ut_progress_set_default_recheck_days (UtProgress      *self,
                                                    guint            days,
                                                    GError         **error);

GListModel   *ut_progress_get_profiles         (UtProgress          *self);
UtProfile    *ut_progress_get_default_profile  (UtProgress          *self);
UtProfile    *ut_progress_lookup_profile       (UtProgress          *self,
                                                const char          *id_or_name);
UtProfile    *ut_progress_add_profile          (UtProgress          *self,
                                                const char          *name,
                                                UtRegion             region,
                                                GError             **error);
gboolean      ut_progress_rename_profile       (UtProgress          *self,
                                                UtProfile           *profile,
                                                const char          *name,
                                                GError             **error);
gboolean      ut_progress_remove_profile       (UtProgress          *self,
                                                UtProfile           *profile,
                                                GError             **error);
UtProfile    *ut_progress_get_fallback_profile (UtProgress          *self,
                                                UtProfile           *gone);
gboolean      ut_progress_set_region           (UtProgress          *self,
                                                UtProfile           *profile,
                                                UtRegion             region,
                                                GError             **error);
gboolean      ut_progress_set_platforms_used   (UtProgress          *self,
                                                UtProfile           *profile,
                                                const char * const  *platform_ids,
                                                gboolean             used,
                                                GError             **error);
gboolean      ut_progress_set_state            (UtProgress          *self,
                                                UtProfile           *profile,
                                                UtPlatform          *platform,
                                                const char          *action_id,
                                                UtActionState        state,
                                                GError             **error);
gboolean      ut_progress_confirm              (UtProgress          *self,
                                                UtProfile           *profile,
                                                UtPlatform          *platform,
                                                const char          *action_id,
                                                GError             **error);

UtRecordFlags ut_progress_get_record_flags     (UtProgress          *self,
                                                UtProfile           *profile,
                                                UtPlatform          *platform,
                                                UtAction            *action);
guint         ut_progress_get_finished_revision (UtProgress         *self,
                                                 UtProfile          *profile,
                                                 UtPlatform         *platform);
void          ut_progress_get_platform_progress (UtProgress         *self,
                                                 UtProfile          *profile,
                                                 UtPlatform         *platform,
                                                 UtPlatformProgress *out);
void          ut_progress_get_profile_progress (UtProgress          *self,
                                                UtCatalog           *catalog,
                                                UtProfile           *profile,
                                                UtPlatformProgress  *total,
                                                guint               *n_platforms);

GDateTime    *ut_progress_get_recheck_date     (UtProgress          *self,
                                                UtProfile           *profile,
                                                UtPlatform          *platform,
                                                UtAction            *action);
JsonNode     *ut_progress_to_json              (UtProgress          *self,
                                                UtProfile           *profile);
gboolean      ut_progress_import               (UtProgress          *self,
                                                GBytes              *backup,
                                                guint               *added,
                                                guint               *updated,
                                                GError             **error);
void          ut_progress_import_async         (UtProgress          *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      ut_progress_import_finish        (UtProgress          *self,
                                                GAsyncResult        *result,
                                                guint               *added,
                                                guint               *updated,
                                                GError             **error);

gboolean      ut_progress_add_request_event    (UtProgress          *self,
                                                UtProfile           *profile,
                                                const char          *platform_id,
                                                UtRequestEventKind   kind,
                                                const char          *date,
                                                const char          *channel,
                                                GError             **error);

gboolean      ut_progress_attach_proof         (UtProgress          *self,
                                                UtProfile           *profile,
                                                const char          *platform_id,
                                                const char          *action_id,
                                                GFile               *file,
                                                GError             **error);
char         *ut_progress_get_proof_path       (UtProgress          *self,
                                                const UtProof       *proof);

G_END_DECLS
