/* ut-progress.c — the progress object: its profiles, the changes to them and what they derive
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ut-catalog-schema.h"
#include "ut-profile-private.h"
#include "ut-progress-private.h"
#include "ut-util.h"

G_DEFINE_FINAL_TYPE (UtProgress, ut_progress, G_TYPE_OBJECT)
G_DEFINE_QUARK (ut-progress-error-quark, ut_progress_error)

enum {
  RECORDS_CHANGED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ut_progress_finalize (GObject *object)
{
  UtProgress *self = (UtProgress *) object;

  g_free (self->directory);
  g_free (self->path);
  g_free (self->backup_path);
  g_clear_object (&self->profiles);
  g_clear_error (&self->recovery);
  g_clear_error (&self->read_only);

  G_OBJECT_CLASS (ut_progress_parent_class)->finalize (object);
}

static void
ut_progress_class_init (UtProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ut_progress_finalize;

  /**
   * UtProgress::records-changed:
   * @profile: the profile whose records changed
   * @platform_id: (nullable): the platform, or %NULL if many changed
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, UT_TYPE_PROFILE, G_TYPE_STRING);

  /**
   * UtProgress::saved:
   *
   * Emitted after every save of the progress file: whatever changed, a sync then has something
   * to send.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ut_progress_init (UtProgress *self)
{
  self->profiles = g_list_store_new (UT_TYPE_PROFILE);
  self->default_recheck_days = UT_DEFAULT_RECHECK_DAYS;
}

/**
 * ut_progress_new:
 * @directory: (nullable): where progress is kept; %NULL for `$XDG_DATA_HOME/untrain`
 */
UtProgress *
ut_progress_new (const char *directory)
{
  UtProgress *self = g_object_new (UT_TYPE_PROGRESS, NULL);

  self->directory = directory != NULL ? g_strdup (directory)
                                      : g_build_filename (g_get_user_data_dir (), "untrain", NULL);
  self->path = g_build_filename (self->directory, "progress.json", NULL);
  self->backup_path = g_strconcat (self->path, ".bak", NULL);

  return self;
}

const char *
ut_progress_get_path (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  return self->path;
}

/**
 * ut_progress_set_clock:
 * @func: (nullable): returns the current time; %NULL for the system clock
 *
 * Tests inject a clock so that dates and the re-check arithmetic are reproducible.
 */
void
ut_progress_set_clock (UtProgress  *self,
                       UtClockFunc  func,
                       gpointer     user_data)
{
  g_return_if_fail (UT_IS_PROGRESS (self));

  self->clock_func = func;
  self->clock_data = user_data;
}

GDateTime *
ut_progress_now (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);

  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);

  return g_date_time_new_now_utc ();
}

/* ---- shared with ut-progress-file.c and ut-progress-import.c ---------------------------- */

/* Every change, and an import, is refused while the file on disk must not be overwritten. */
gboolean
_ut_progress_check_writable (UtProgress  *self,
                             GError     **error)
{
  if (self->read_only == NULL)
    return TRUE;

  g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_READ_ONLY, "%s", self->read_only->message);
  return FALSE;
}

GPtrArray *
_ut_progress_list_profiles (UtProgress *self)
{
  GPtrArray *profiles = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_profiles = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n_profiles; i++)
    g_ptr_array_add (profiles, g_list_model_get_item (G_LIST_MODEL (self->profiles), i));

  return profiles;
}

void
_ut_progress_emit_saved (UtProgress *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

void
_ut_progress_emit_records_changed (UtProgress *self,
                                   UtProfile  *profile,
                                   const char *platform_id)
{
  g_signal_emit (self, signals[RECORDS_CHANGED], 0, profile, platform_id);
}

/* Whether @text holds a control character other than the line breaks and tabs a note may have. */
gboolean
_ut_progress_has_control_characters (const char *text,
                                     gboolean    allow_line_breaks)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allow_line_breaks && (c == '\n' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

/* ---- changes ---------------------------------------------------------------------------- */

static gboolean
changed (UtProgress  *self,
         UtProfile   *profile,
         const char  *platform_id,
         GError     **error)
{
  if (profile != NULL)
    g_signal_emit (self, signals[RECORDS_CHANGED], 0, profile, platform_id);

  return ut_progress_save (self, error);
}

guint
ut_progress_get_default_recheck_days (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), UT_DEFAULT_RECHECK_DAYS);
  return self->default_recheck_days;
}

gboolean
ut_progress_set_default_recheck_days (UtProgress  *self,
                                      guint        days,
                                      GError     **error)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (days >= 1 && days <= UT_MAX_RECHECK_DAYS, FALSE);

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  self->default_recheck_days = days;

  /* What is due changes for every profile. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->profiles)); i++)
    {
      g_autoptr(UtProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      g_signal_emit (self, signals[RECORDS_CHANGED], 0, profile, NULL);
    }

  return ut_progress_save (self, error);
}

GListModel *
ut_progress_get_profiles (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  return G_LIST_MODEL (self->profiles);
}

/**
 * ut_progress_get_default_profile:
 *
 * The first profile. On a first start there is none on disk yet, so one is made for the person
 * using the computer, with a region guessed from the locale and time zone and marked as not yet
 * confirmed. It is saved with the first change.
 */
UtProfile *
ut_progress_get_default_profile (UtProgress *self)
{
  g_autoptr(UtProfile) profile = NULL;

  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) == 0)
    {
      profile = _ut_profile_new ("me", _("Me"), ut_region_guess_from_environment (), FALSE);
      g_list_store_append (self->profiles, profile);
    }
  else
    profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), 0);

  return profile;
}

UtProfile *
ut_progress_lookup_profile (UtProgress *self,
                            const char *id_or_name)
{
  guint n;

  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_str_equal (ut_profile_get_id (profile), id_or_name))
        return profile;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_autofree char *a = g_utf8_casefold (ut_profile_get_name (profile), -1);
      g_autofree char *b = g_utf8_casefold (id_or_name, -1);

      if (g_str_equal (a, b))
        return profile;
    }

  return NULL;
}

static gboolean
check_profile_name (UtProgress  *self,
                    UtProfile   *except,
                    const char  *name,
                    GError     **error)
{
  UtProfile *existing;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > UT_MAX_PROFILE_NAME_LENGTH)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("A profile name must be between 1 and %d characters long."),
                   UT_MAX_PROFILE_NAME_LENGTH);
      return FALSE;
    }
  if (_ut_progress_has_control_characters (name, FALSE))
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("A profile name cannot hold line breaks, tabs or other control characters."));
      return FALSE;
    }

  existing = ut_progress_lookup_profile (self, name);
  if (existing != NULL && existing != except)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("There is already a profile called “%s”."), name);
      return FALSE;
    }

  return TRUE;
}

UtProfile *
ut_progress_add_profile (UtProgress  *self,
                         const char  *name,
                         UtRegion     region,
                         GError     **error)
{
  g_autoptr(UtProfile) profile = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);

  if (!_ut_progress_check_writable (self, error) || !check_profile_name (self, NULL, name, error))
    return NULL;

  /* Ids are stable keys (the keyring uses them), so they never follow a later rename. */
  base = ut_slugify (name);
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("profile");
    }
  id = g_strdup (base);
  for (guint n = 2; ut_progress_lookup_profile (self, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  profile = _ut_profile_new (id, name, region, TRUE);
  g_list_store_append (self->profiles, profile);
  if (!changed (self, profile, NULL, error))
    {
      /* Not on disk, so not added: the caller may offer to try again. */
      g_list_store_remove (self->profiles, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) - 1);
      return NULL;
    }

  return profile;
}

gboolean
ut_progress_rename_profile (UtProgress  *self,
                            UtProfile   *profile,
                            const char  *name,
                            GError     **error)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);

  if (!_ut_progress_check_writable (self, error) || !check_profile_name (self, profile, name, error))
    return FALSE;

  _ut_profile_set_name (profile, name);
  return changed (self, profile, NULL, error);
}

gboolean
ut_progress_remove_profile (UtProgress  *self,
                            UtProfile   *profile,
                            GError     **error)
{
  guint position;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  if (!g_list_store_find (self->profiles, profile, &position))
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("The profile “%s” does not exist."), ut_profile_get_name (profile));
      return FALSE;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) == 1)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("The last profile cannot be deleted."));
      return FALSE;
    }

  g_list_store_remove (self->profiles, position);
  return changed (self, NULL, NULL, error);
}

/**
 * ut_progress_get_fallback_profile:
 * @gone: (nullable): the profile that was shown, which may no longer be in the list
 *
 * The one rule for which profile to show once the shown one may have gone (deleted, or replaced
 * by a load): @gone itself while it is still in ut_progress_get_profiles(), else the first
 * profile, else, when none is left, the one ut_progress_get_default_profile() makes, so that
 * what is shown is always a profile whose changes are saved. The main window and Preferences
 * both follow it, so they never show different profiles as the active one.
 *
 * Returns: (transfer none): a profile in ut_progress_get_profiles()
 */
UtProfile *
ut_progress_get_fallback_profile (UtProgress *self,
                                  UtProfile  *gone)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (gone == NULL || UT_IS_PROFILE (gone), NULL);

  if (gone != NULL && g_list_store_find (self->profiles, gone, NULL))
    return gone;

  /* The first profile is the default one when there is any. */
  return ut_progress_get_default_profile (self);
}

gboolean
ut_progress_set_region (UtProgress  *self,
                        UtProfile   *profile,
                        UtRegion     region,
                        GError     **error)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (region < UT_N_REGIONS, FALSE);

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  _ut_profile_set_region (profile, region, TRUE);
  return changed (self, profile, NULL, error);
}

gboolean
ut_progress_set_platforms_used (UtProgress         *self,
                                UtProfile          *profile,
                                const char * const *platform_ids,
                                gboolean            used,
                                GError            **error)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (platform_ids != NULL, FALSE);

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  /* Records of a platform the user stops using are kept, so adding it back restores them. */
  for (guint i = 0; platform_ids[i] != NULL; i++)
    _ut_profile_set_platform_used (profile, platform_ids[i], used);

  return changed (self, profile, NULL, error);
}

static UtRecord *
ensure_record (UtProgress  *self,
               UtProfile   *profile,
               UtPlatform  *platform,
               const char  *action_id,
               GError     **error)
{
  if (!_ut_progress_check_writable (self, error))
    return NULL;

  if (ut_platform_lookup_action (platform, action_id) == NULL)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("%s has no action “%s”."), ut_platform_get_name (platform), action_id);
      return NULL;
    }

  _ut_profile_set_platform_used (profile, ut_platform_get_id (platform), TRUE);
  return _ut_profile_ensure_record (profile, ut_platform_get_id (platform), action_id);
}

static void
set_time (GDateTime **field,
          GDateTime  *value)
{
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
}

/**
 * ut_progress_set_state:
 *
 * Records what the user did with an action, against the platform's current revision. Marking an
 * action done also counts as verifying it.
 */
gboolean
ut_progress_set_state (UtProgress     *self,
                       UtProfile      *profile,
                       UtPlatform     *platform,
                       const char     *action_id,
                       UtActionState   state,
                       GError        **error)
{
  g_autoptr(GDateTime) now = NULL;
  UtRecord *record;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), FALSE);
  g_return_val_if_fail (action_id != NULL, FALSE);

  if ((record = ensure_record (self, profile, platform, action_id, error)) == NULL)
    return FALSE;

  now = ut_progress_now (self);
  record->state = state;
  record->revision = ut_platform_get_revision (platform);
  set_time (&record->changed_at, now);
  set_time (&record->done_at, state == UT_ACTION_STATE_DONE ? now : NULL);
  set_time (&record->verified_at, state == UT_ACTION_STATE_DONE ? now : NULL);

  return changed (self, profile, ut_platform_get_id (platform), error);
}

/**
 * ut_progress_confirm:
 *
 * The user looked again after a change or when a re-check was due, and the action still holds:
 * it is now recorded against the current revision and verified today.
 */
gboolean
ut_progress_confirm (UtProgress  *self,
                     UtProfile   *profile,
                     UtPlatform  *platform,
                     const char  *action_id,
                     GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  UtRecord *record;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), FALSE);
  g_return_val_if_fail (action_id != NULL, FALSE);

  if ((record = ensure_record (self, profile, platform, action_id, error)) == NULL)
    return FALSE;

  if (record->state != UT_ACTION_STATE_DONE)
    return ut_progress_set_state (self, profile, platform, action_id, UT_ACTION_STATE_DONE, error);

  now = ut_progress_now (self);
  record->revision = ut_platform_get_revision (platform);
  set_time (&record->changed_at, now);
  set_time (&record->verified_at, now);

  return changed (self, profile, ut_platform_get_id (platform), error);
}

/* ---- derived state ---------------------------------------------------------------------- */

UtRecordFlags
ut_progress_get_record_flags (UtProgress *self,
                              UtProfile  *profile,
                              UtPlatform *platform,
                              UtAction   *action)
{
  const UtRecord *record;
  UtRecordFlags flags = UT_RECORD_FLAGS_NONE;

  g_return_val_if_fail (UT_IS_PROGRESS (self), flags);
  g_return_val_if_fail (UT_IS_PROFILE (profile), flags);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), flags);
  g_return_val_if_fail (UT_IS_ACTION (action), flags);

  record = ut_profile_lookup_record (profile, ut_platform_get_id (platform), ut_action_get_id (action));
  if (record == NULL || record->state != UT_ACTION_STATE_DONE)
    return flags;

  if (ut_platform_get_revision (platform) > record->revision)
    flags |= UT_RECORD_FLAGS_NEEDS_REVIEW;

  if (record->verified_at != NULL)
    {
      g_autoptr(GDateTime) due = ut_progress_get_recheck_date (self, profile, platform, action);
      g_autoptr(GDateTime) now = ut_progress_now (self);

      /* No date: the re-check would fall after the year 9999, so it is never due. */
      if (due != NULL && g_date_time_compare (now, due) >= 0)
        flags |= UT_RECORD_FLAGS_RECHECK_DUE;
    }

  return flags;
}

/**
 * ut_progress_get_recheck_date:
 *
 * When a finished action should be looked at again: the day it was last verified plus its
 * re-check interval (the action's own, else the default).
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if the action is not done, was never
 *   verified, or would be due after the end of the calendar GDateTime knows
 */
GDateTime *
ut_progress_get_recheck_date (UtProgress *self,
                              UtProfile  *profile,
                              UtPlatform *platform,
                              UtAction   *action)
{
  const UtRecord *record;
  guint days;

  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), NULL);
  g_return_val_if_fail (UT_IS_ACTION (action), NULL);

  record = ut_profile_lookup_record (profile, ut_platform_get_id (platform), ut_action_get_id (action));
  if (record == NULL || record->state != UT_ACTION_STATE_DONE || record->verified_at == NULL)
    return NULL;

  days = ut_action_get_recheck_days (action);
  if (days == 0)
    days = self->default_recheck_days;

  return g_date_time_add_days (record->verified_at, (int) days);
}

/**
 * ut_progress_get_finished_revision:
 *
 * The oldest platform revision that a finished action now needing review was recorded against.
 * The platform's changes newer than it are what changed since the user finished.
 *
 * Returns: the revision, or 0 when nothing needs review
 */
guint
ut_progress_get_finished_revision (UtProgress *self,
                                   UtProfile  *profile,
                                   UtPlatform *platform)
{
  const UtRegionOffer *offer;
  guint oldest = 0;

  g_return_val_if_fail (UT_IS_PROGRESS (self), 0);
  g_return_val_if_fail (UT_IS_PROFILE (profile), 0);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), 0);

  offer = ut_platform_get_offer (platform, ut_profile_get_region (profile));
  for (guint i = 0; i < offer->actions->len; i++)
    {
      UtAction *action = g_ptr_array_index (offer->actions, i);
      const UtRecord *record;

      if (!(ut_progress_get_record_flags (self, profile, platform, action) & UT_RECORD_FLAGS_NEEDS_REVIEW))
        continue;

      record = ut_profile_lookup_record (profile, ut_platform_get_id (platform), ut_action_get_id (action));
      if (oldest == 0 || record->revision < oldest)
        oldest = record->revision;
    }

  return oldest;
}

/* The one badge for these counts, most urgent first. */
static UtPlatformState
state_from_counts (const UtPlatformProgress *progress)
{
  if (progress->n_needs_review > 0)
    return UT_PLATFORM_STATE_CHANGED;
  if (progress->n_recheck_due > 0)
    return UT_PLATFORM_STATE_RECHECK_DUE;
  if (progress->n_actions == 0)
    return UT_PLATFORM_STATE_NOTHING_TO_DO;
  if (progress->n_done + progress->n_skipped < progress->n_actions)
    return UT_PLATFORM_STATE_TODO;
  return UT_PLATFORM_STATE_DONE;
}

/**
 * ut_progress_get_platform_progress:
 *
 * Counts what @profile did with @platform's actions for the profile's region.
 */
void
ut_progress_get_platform_progress (UtProgress         *self,
                                   UtProfile          *profile,
                                   UtPlatform         *platform,
                                   UtPlatformProgress *out)
{
  const UtRegionOffer *offer;

  g_return_if_fail (UT_IS_PROGRESS (self));
  g_return_if_fail (UT_IS_PROFILE (profile));
  g_return_if_fail (UT_IS_PLATFORM (platform));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  offer = ut_platform_get_offer (platform, ut_profile_get_region (profile));
  out->n_actions = offer->actions->len;

  for (guint i = 0; i < offer->actions->len; i++)
    {
      UtAction *action = g_ptr_array_index (offer->actions, i);
      const UtRecord *record = ut_profile_lookup_record (profile, ut_platform_get_id (platform),
                                                         ut_action_get_id (action));
      UtRecordFlags flags = ut_progress_get_record_flags (self, profile, platform, action);

      if (record != NULL && (record->state == UT_ACTION_STATE_DONE ||
                             record->state == UT_ACTION_STATE_NOT_APPLICABLE))
        out->n_done++;
      else if (record != NULL && record->state == UT_ACTION_STATE_SKIPPED)
        out->n_skipped++;

      if (flags & UT_RECORD_FLAGS_NEEDS_REVIEW)
        out->n_needs_review++;
      if (flags & UT_RECORD_FLAGS_RECHECK_DUE)
        out->n_recheck_due++;
    }

  out->state = state_from_counts (out);
}

/**
 * ut_progress_get_profile_progress:
 * @catalog: where the profile's platforms are looked up
 * @total: (out caller-allocates): the counts of all the platforms together
 * @n_platforms: (out) (optional): how many platforms were counted
 *
 * Adds up ut_progress_get_platform_progress() over the platforms @profile uses that @catalog
 * knows; a platform no longer in the catalog counts for nothing. This is the one "n of m done"
 * of a profile, so that the window, the summary and the command line never disagree.
 *
 * @total's state comes from the sums by the rule for one platform, which makes it the most
 * urgent state of any counted platform (%UT_PLATFORM_STATE_NOTHING_TO_DO when none has an action).
 */
void
ut_progress_get_profile_progress (UtProgress         *self,
                                  UtCatalog          *catalog,
                                  UtProfile          *profile,
                                  UtPlatformProgress *total,
                                  guint              *n_platforms)
{
  const char * const *ids;
  guint n = 0;

  g_return_if_fail (UT_IS_PROGRESS (self));
  g_return_if_fail (UT_IS_CATALOG (catalog));
  g_return_if_fail (UT_IS_PROFILE (profile));
  g_return_if_fail (total != NULL);

  memset (total, 0, sizeof *total);
  ids = ut_profile_get_platforms (profile);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      UtPlatform *platform = ut_catalog_lookup (catalog, ids[i]);
      UtPlatformProgress progress;

      if (platform == NULL)
        continue;

      ut_progress_get_platform_progress (self, profile, platform, &progress);
      total->n_actions += progress.n_actions;
      total->n_done += progress.n_done;
      total->n_skipped += progress.n_skipped;
      total->n_needs_review += progress.n_needs_review;
      total->n_recheck_due += progress.n_recheck_due;
      n++;
    }
  total->state = state_from_counts (total);

  if (n_platforms != NULL)
    *n_platforms = n;
}

/**
 * ut_progress_add_request_event:
 * @date: (nullable): the day it happened, YYYY-MM-DD; %NULL for today
 * @channel: (nullable): how it was sent ("email", "form", "post"), for sent and reminded
 *
 * Records what happened to the objection or request sent to @platform_id. Sending starts a new
 * request under the profile's region (a later one replaces an earlier one); anything else needs
 * a request that was sent, on or after the day it was sent.
 */
gboolean
ut_progress_add_request_event (UtProgress          *self,
                               UtProfile           *profile,
                               const char          *platform_id,
                               UtRequestEventKind   kind,
                               const char          *date,
                               const char          *channel,
                               GError             **error)
{
  const UtRequest *existing;
  g_autoptr(UtRequest) request = NULL;
  g_autofree char *today = NULL;
  UtRequestEvent event = { kind, NULL, NULL };

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (platform_id != NULL, FALSE);

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = ut_progress_now (self);
      g_autoptr(GDateTime) local = g_date_time_to_local (now);

      date = today = g_date_time_format (local, "%Y-%m-%d");
    }
  if (!ut_is_iso_date (date))
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), date);
      return FALSE;
    }
  if (channel != NULL && (!ut_request_channel_is_valid (channel) ||
                          (kind != UT_REQUEST_EVENT_SENT && kind != UT_REQUEST_EVENT_REMINDED)))
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("Say how a request or reminder was sent: by e-mail, form or post."));
      return FALSE;
    }

  existing = ut_profile_lookup_request (profile, platform_id);
  if (kind == UT_REQUEST_EVENT_SENT)
    request = ut_request_new (platform_id, ut_profile_get_region (profile));
  else if (existing == NULL)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("No request to this platform has been sent yet."));
      return FALSE;
    }
  else
    {
      const UtRequestEvent *sent = ut_request_find_event (existing, UT_REQUEST_EVENT_SENT);

      if (sent != NULL && strcmp (date, sent->date) < 0)
        {
          g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                       _("That is before the request was sent (%s)."), sent->date);
          return FALSE;
        }
      request = ut_request_copy (existing);
    }

  event.date = g_strdup (date);
  event.channel = g_strdup (channel);
  g_array_append_val (request->events, event);
  _ut_profile_set_platform_used (profile, platform_id, TRUE);
  _ut_profile_take_request (profile, g_steal_pointer (&request));

  return changed (self, profile, platform_id, error);
}

#define UT_MAX_PROOF_SIZE (25 * 1024 * 1024)

/**
 * ut_progress_get_proof_path:
 *
 * Returns: (transfer full): where Untrain keeps its copy of @proof
 */
char *
ut_progress_get_proof_path (UtProgress    *self,
                            const UtProof *proof)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (proof != NULL, NULL);

  return g_build_filename (self->directory, "proofs", proof->sha256, NULL);
}

/**
 * ut_progress_attach_proof:
 * @action_id: (nullable): the action the proof is for; %NULL for the request sent to the platform
 * @file: a confirmation e-mail, screenshot or PDF the person keeps as proof
 *
 * Copies @file into Untrain's data folder, named by its SHA-256, and lists it with the action or
 * the request sent to @platform_id. The same file attached twice is kept once. Files over 25 MB
 * are refused.
 */
gboolean
ut_progress_attach_proof (UtProgress  *self,
                          UtProfile   *profile,
                          const char  *platform_id,
                          const char  *action_id,
                          GFile       *file,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(UtRequest) request = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  const UtRequest *existing;
  GArray *proofs;
  UtProof proof;
  gsize length;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!_ut_progress_check_writable (self, error))
    return FALSE;
  existing = ut_profile_lookup_request (profile, platform_id);
  if (action_id == NULL && existing == NULL)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("No request to this platform has been sent yet."));
      return FALSE;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > UT_MAX_PROOF_SIZE)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("%s is larger than 25 MB. Attach a smaller copy, such as a screenshot or a PDF of the e-mail."),
                   g_file_info_get_display_name (info));
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  directory = g_build_filename (self->directory, "proofs", NULL);
  target = g_build_filename (directory, sha256, NULL);
  if (g_mkdir_with_parents (directory, 0700) != 0 ||
      (!g_file_test (target, G_FILE_TEST_EXISTS) &&
       !ut_write_file_atomic (target, contents, length, 0600, &local_error)))
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("The proof could not be copied into Untrain’s folder (%s)."),
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }

  if (action_id != NULL)
    proofs = _ut_profile_ensure_record (profile, platform_id, action_id)->proofs;
  else
    {
      request = ut_request_copy (existing);
      proofs = request->proofs;
    }
  for (guint i = 0; i < proofs->len; i++)
    if (g_str_equal (g_array_index (proofs, UtProof, i).sha256, sha256))
      return TRUE;

  /* The name as the person saw it, without anything that would break a line in an export. */
  name = g_strdup (g_file_info_get_display_name (info));
  for (char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  now = ut_progress_now (self);
  local = g_date_time_to_local (now);
  proof.name = g_steal_pointer (&name);
  proof.sha256 = g_steal_pointer (&sha256);
  proof.added = g_date_time_format (local, "%Y-%m-%d");
  g_array_append_val (proofs, proof);
  if (request != NULL)
    _ut_profile_take_request (profile, g_steal_pointer (&request));

  return changed (self, profile, platform_id, error);
}

/**
 * ut_progress_get_today:
 *
 * Returns: (transfer full): today in the local time zone, by the progress clock: the day due
 *   dates are judged by
 */
GDate *
ut_progress_get_today (UtProgress *self)
{
  g_autoptr(GDateTime) now = ut_progress_now (self);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (local), (GDateMonth) g_date_time_get_month (local),
                         (GDateYear) g_date_time_get_year (local));
}
