/* ut-progress-import.c — importing a backup: reading it, planning the merge and applying it
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ut-catalog-schema.h"
#include "ut-json.h"
#include "ut-profile-private.h"
#include "ut-progress-private.h"

/* What importing one profile of a backup changes. Worked out before anything changes, then
 * applied twice: to a copy that is saved, and once that worked, to the profile the app shows. */
typedef struct
{
  UtProfile *target;       /* the profile merged into; NULL when the backup's profile is new */
  UtProfile *from;         /* the backup's profile */
  char      *name;         /* nullable: the name to take */
  gboolean   take_region;
  GPtrArray *platforms;    /* of borrowed char*: platforms to add */
  GPtrArray *records;      /* of borrowed UtRecord*: records to copy in */
  GPtrArray *requests;     /* of borrowed UtRequest*: requests to copy in */
} Merge;

static void
merge_free (Merge *merge)
{
  g_clear_object (&merge->target);
  g_clear_object (&merge->from);
  g_free (merge->name);
  g_ptr_array_unref (merge->platforms);
  g_ptr_array_unref (merge->records);
  g_clear_pointer (&merge->requests, g_ptr_array_unref);
  g_free (merge);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Merge, merge_free)

static gboolean
merge_is_empty (const Merge *merge)
{
  return merge->name == NULL && !merge->take_region && merge->platforms->len == 0 && merge->records->len == 0 &&
         (merge->requests == NULL || merge->requests->len == 0);
}

static void
apply_merge (UtProfile   *profile,
             const Merge *merge)
{
  if (merge->name != NULL)
    _ut_profile_set_name (profile, merge->name);
  if (merge->take_region)
    _ut_profile_set_region (profile, ut_profile_get_region (merge->from),
                            ut_profile_get_region_confirmed (merge->from));
  for (guint i = 0; i < merge->platforms->len; i++)
    _ut_profile_set_platform_used (profile, g_ptr_array_index (merge->platforms, i), TRUE);
  for (guint i = 0; i < merge->records->len; i++)
    _ut_profile_take_record (profile, ut_record_copy (g_ptr_array_index (merge->records, i)));
  for (guint i = 0; merge->requests != NULL && i < merge->requests->len; i++)
    _ut_profile_take_request (profile, ut_request_copy (g_ptr_array_index (merge->requests, i)));
}

static UtProfile *
copy_profile (UtProfile *profile)
{
  g_autoptr(GPtrArray) records = ut_profile_list_records (profile);
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (profile);
  const char * const *platforms = ut_profile_get_platforms (profile);
  UtProfile *copy = _ut_profile_new (ut_profile_get_id (profile), ut_profile_get_name (profile),
                                     ut_profile_get_region (profile),
                                     ut_profile_get_region_confirmed (profile));

  for (guint i = 0; platforms[i] != NULL; i++)
    _ut_profile_set_platform_used (copy, platforms[i], TRUE);
  for (guint i = 0; i < records->len; i++)
    _ut_profile_take_record (copy, ut_record_copy (g_ptr_array_index (records, i)));
  for (guint i = 0; i < requests->len; i++)
    _ut_profile_take_request (copy, ut_request_copy (g_ptr_array_index (requests, i)));

  return copy;
}

/* A request's history only grows: the backup's wins when it holds more of it. */
static gboolean
request_is_newer (const UtRequest *candidate,
                  const UtRequest *existing)
{
  return existing == NULL || candidate->events->len > existing->events->len;
}

/* The newer change wins; a record with no time is the oldest; on a tie what is here stays. */
static gboolean
record_is_newer (const UtRecord *candidate,
                 const UtRecord *existing)
{
  if (candidate->changed_at == NULL)
    return FALSE;
  if (existing->changed_at == NULL)
    return TRUE;
  return g_date_time_compare (candidate->changed_at, existing->changed_at) > 0;
}

static gboolean
profile_is_empty (UtProfile *profile)
{
  g_autoptr(GPtrArray) records = ut_profile_list_records (profile);

  return records->len == 0 && ut_profile_get_platforms (profile)[0] == NULL;
}

/* The names and ids of the profiles as they will be after an import, to tell in constant time
 * whether a name would make ut_progress_lookup_profile() ambiguous: it is another profile's id
 * or, ignoring case, its name. */
typedef struct
{
  GHashTable *by_folded_name;  /* casefolded name → UtProfile */
  GHashTable *by_id;           /* id → UtProfile */
  GHashTable *next_suffix;     /* casefolded base name → the next number to try after it */
} Names;

static void
names_init (Names *names)
{
  names->by_folded_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  names->next_suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
names_clear (Names *names)
{
  g_hash_table_unref (names->by_folded_name);
  g_hash_table_unref (names->by_id);
  g_hash_table_unref (names->next_suffix);
}

static void
names_add (Names      *names,
           UtProfile  *profile,
           const char *name)
{
  g_hash_table_insert (names->by_folded_name, g_utf8_casefold (name, -1), profile);
  g_hash_table_insert (names->by_id, (gpointer) ut_profile_get_id (profile), profile);
}

static void
names_rename (Names      *names,
              UtProfile  *profile,
              const char *old_name,
              const char *new_name)
{
  g_autofree char *folded = g_utf8_casefold (old_name, -1);

  if (g_hash_table_lookup (names->by_folded_name, folded) == profile)
    g_hash_table_remove (names->by_folded_name, folded);
  g_hash_table_insert (names->by_folded_name, g_utf8_casefold (new_name, -1), profile);
}

static gboolean
name_is_taken (Names      *names,
               UtProfile  *except,
               const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  UtProfile *by_name = g_hash_table_lookup (names->by_folded_name, folded);
  UtProfile *by_id = g_hash_table_lookup (names->by_id, name);

  return (by_name != NULL && by_name != except) || (by_id != NULL && by_id != except);
}

/* @name, or "@name (2)", "(3)"…: the first that is free. Each base name remembers where its
 * numbers got to, so that a thousand profiles called "Me" do not each try every number again. */
static char *
unique_name (Names      *names,
             UtProfile  *except,
             const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *folded_base = NULL;
  guint n;

  if (!name_is_taken (names, except, name))
    return g_strdup (name);

  base = g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), UT_MAX_PROFILE_NAME_LENGTH - 12));
  folded_base = g_utf8_casefold (base, -1);
  n = MAX (2, GPOINTER_TO_UINT (g_hash_table_lookup (names->next_suffix, folded_base)));
  for (;; n++)
    {
      char *candidate = g_strdup_printf ("%s (%u)", base, n);

      if (!name_is_taken (names, except, candidate))
        {
          g_hash_table_insert (names->next_suffix, g_steal_pointer (&folded_base), GUINT_TO_POINTER (n + 1));
          return candidate;
        }
      g_free (candidate);
    }
}

/* Checks what the reader does not: a backup may be merged into other progress, so its
 * profiles must be told apart by id and by name. */
static gboolean
check_backup_profiles (GPtrArray  *profiles,
                       GError    **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < profiles->len; i++)
    {
      UtProfile *profile = g_ptr_array_index (profiles, i);
      const char *id = ut_profile_get_id (profile);
      const char *name = ut_profile_get_name (profile);

      if (*id == '\0')
        return _ut_progress_fail_parse (error, "a profile has an empty “id”");
      if (*name == '\0' || g_utf8_strlen (name, -1) > UT_MAX_PROFILE_NAME_LENGTH)
        return _ut_progress_fail_parse (error, "the name of profile “%s” is empty or longer than %d characters",
                                        id, UT_MAX_PROFILE_NAME_LENGTH);
      if (!g_hash_table_add (ids, (gpointer) id))
        return _ut_progress_fail_parse (error, "profile “%s” is listed twice", id);
      if (!g_hash_table_add (names, g_utf8_casefold (name, -1)))
        return _ut_progress_fail_parse (error, "two profiles are called “%s”", name);
    }

  return TRUE;
}

static Merge *
plan_merge (UtProfile  *target,
            UtProfile  *from,
            Names      *names,
            guint      *added,
            guint      *updated)
{
  g_autoptr(GPtrArray) records = ut_profile_list_records (from);
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (from);
  const char * const *platforms = ut_profile_get_platforms (from);
  Merge *merge = g_new0 (Merge, 1);

  merge->target = g_object_ref (target);
  merge->from = g_object_ref (from);
  merge->platforms = g_ptr_array_new ();
  merge->records = g_ptr_array_new ();
  merge->requests = g_ptr_array_new ();

  /* A profile that holds nothing yet, like the one made on a first start, becomes the one in
   * the backup, so that restoring onto a new computer gives back what was saved. */
  if (profile_is_empty (target))
    {
      if (!g_str_equal (ut_profile_get_name (target), ut_profile_get_name (from)) &&
          !name_is_taken (names, target, ut_profile_get_name (from)))
        merge->name = g_strdup (ut_profile_get_name (from));
      merge->take_region = ut_profile_get_region (target) != ut_profile_get_region (from) ||
                           ut_profile_get_region_confirmed (target) != ut_profile_get_region_confirmed (from);
    }
  else if (!ut_profile_get_region_confirmed (target) && ut_profile_get_region_confirmed (from))
    merge->take_region = TRUE;

  for (guint i = 0; platforms[i] != NULL; i++)
    if (!ut_profile_uses_platform (target, platforms[i]))
      g_ptr_array_add (merge->platforms, (gpointer) platforms[i]);

  for (guint i = 0; i < records->len; i++)
    {
      const UtRecord *record = g_ptr_array_index (records, i);
      const UtRecord *existing = ut_profile_lookup_record (target, record->platform, record->action);

      if (existing == NULL)
        (*added)++;
      else if (record_is_newer (record, existing))
        (*updated)++;
      else
        continue;
      g_ptr_array_add (merge->records, (gpointer) record);
    }

  for (guint i = 0; i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);

      if (request_is_newer (request, ut_profile_lookup_request (target, request->platform)))
        g_ptr_array_add (merge->requests, (gpointer) request);
    }

  return merge;
}

/* Parses and checks a backup into new profiles. Touches nothing of a UtProgress, so it may run in
 * a worker thread. */
static GPtrArray *
read_backup (GBytes  *backup,
             guint   *recheck_days,
             GError **error)
{
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (backup, &length);
  if (length > UT_PROGRESS_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This file is too large to be an Untrain backup. Nothing was changed."));
      return NULL;
    }

  *recheck_days = UT_DEFAULT_RECHECK_DAYS;
  switch (_ut_progress_parse (data != NULL ? data : "", length, imported, recheck_days, &local_error))
    {
    case UT_PARSE_OK:
      if (check_backup_profiles (imported, &local_error))
        return g_steal_pointer (&imported);
      G_GNUC_FALLTHROUGH;
    case UT_PARSE_CORRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This file is not a backup Untrain can import, so nothing was changed. (%s)"),
                   local_error->message);
      return NULL;
    case UT_PARSE_FUTURE:
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_FUTURE_FORMAT,
                   _("This backup was made by a newer version of Untrain. Update Untrain to import it; nothing was changed."));
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Merges profiles read by read_backup() into this progress; see ut_progress_import(). */
static gboolean
merge_backup (UtProgress  *self,
              GPtrArray   *imported,
              guint        recheck_days,
              guint       *added,
              guint       *updated,
              GError     **error)
{
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func ((GDestroyNotify) merge_free);
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GHashTable) live_by_id = NULL;
  g_autoptr(GHashTable) copies = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_profiles = g_ptr_array_new ();
  Names names;
  guint n_added = 0, n_updated = 0;
  gboolean new_days;

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  /* Plan against the profiles as they will be, so that new names are checked against names
   * given earlier in the same import. Everything is looked up in hash tables: a backup may hold
   * tens of thousands of profiles. */
  live = _ut_progress_list_profiles (self);
  names_init (&names);
  for (guint i = 0; i < live->len; i++)
    {
      UtProfile *profile = g_ptr_array_index (live, i);

      names_add (&names, profile, ut_profile_get_name (profile));
    }
  live_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < live->len; i++)
    g_hash_table_insert (live_by_id, (gpointer) ut_profile_get_id (g_ptr_array_index (live, i)),
                         g_ptr_array_index (live, i));

  for (guint i = 0; i < imported->len; i++)
    {
      UtProfile *from = g_ptr_array_index (imported, i);
      UtProfile *target = g_hash_table_lookup (live_by_id, ut_profile_get_id (from));
      g_autoptr(Merge) merge = NULL;

      if (target != NULL)
        {
          merge = plan_merge (target, from, &names, &n_added, &n_updated);
          if (merge->name != NULL)
            names_rename (&names, target, ut_profile_get_name (target), merge->name);
        }
      else
        {
          g_autofree char *name = unique_name (&names, NULL, ut_profile_get_name (from));
          g_autoptr(GPtrArray) records = ut_profile_list_records (from);

          if (!g_str_equal (name, ut_profile_get_name (from)))
            _ut_profile_set_name (from, name);
          n_added += records->len;
          names_add (&names, from, name);
          merge = g_new0 (Merge, 1);
          merge->from = g_object_ref (from);
          merge->platforms = g_ptr_array_new ();
          merge->records = g_ptr_array_new ();
        }

      if (merge->target == NULL || !merge_is_empty (merge))
        g_ptr_array_add (merges, g_steal_pointer (&merge));
    }
  names_clear (&names);

  /* Restoring onto a computer where nothing was saved yet brings the re-check interval along. */
  new_days = !self->file_is_good && recheck_days != self->default_recheck_days;
  if (merges->len == 0 && !new_days)
    return TRUE;

  /* Save the merged progress first; only then change what the app shows. A profile that changes
   * is saved as a merged copy. */
  copies = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  for (guint j = 0; j < merges->len; j++)
    {
      Merge *merge = g_ptr_array_index (merges, j);
      UtProfile *copy;

      if (merge->target == NULL)
        continue;
      if ((copy = g_hash_table_lookup (copies, merge->target)) == NULL)
        g_hash_table_insert (copies, merge->target, copy = copy_profile (merge->target));
      apply_merge (copy, merge);
    }
  for (guint i = 0; i < live->len; i++)
    {
      UtProfile *profile = g_ptr_array_index (live, i);
      UtProfile *copy = g_hash_table_lookup (copies, profile);

      g_ptr_array_add (saved, g_object_ref (copy != NULL ? copy : profile));
    }
  for (guint j = 0; j < merges->len; j++)
    {
      Merge *merge = g_ptr_array_index (merges, j);

      if (merge->target == NULL)
        g_ptr_array_add (saved, g_object_ref (merge->from));
    }

  if (!_ut_progress_save_profiles (self, new_days ? recheck_days : self->default_recheck_days, saved, error))
    return FALSE;

  if (new_days)
    self->default_recheck_days = recheck_days;

  for (guint j = 0; j < merges->len; j++)
    {
      Merge *merge = g_ptr_array_index (merges, j);

      if (merge->target != NULL)
        apply_merge (merge->target, merge);
      else
        g_ptr_array_add (new_profiles, merge->from);
    }
  /* One change of the list, not one per profile: every list view would re-sort each time. */
  g_list_store_splice (self->profiles, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)), 0,
                       new_profiles->pdata, new_profiles->len);
  for (guint j = 0; j < merges->len; j++)
    {
      Merge *merge = g_ptr_array_index (merges, j);

      _ut_progress_emit_records_changed (self, merge->target != NULL ? merge->target : merge->from, NULL);
    }

  if (added != NULL)
    *added = n_added;
  if (updated != NULL)
    *updated = n_updated;
  return TRUE;
}

/**
 * ut_progress_import:
 * @backup: a JSON export, as ut_progress_to_json() writes it
 * @added: (out) (optional): how many records were new here
 * @updated: (out) (optional): how many records replaced older ones
 *
 * Merges a backup into this progress. The whole file is read and checked first; if anything in it
 * is wrong, or it cannot be saved, nothing changes. Records are matched by profile id, platform
 * and action, and the one changed last is kept. Profiles that are new here are added (renamed
 * if their name is taken); platforms a profile uses in the backup are added to it. Progress is
 * saved once, then #UtProgress::records-changed is emitted for each profile that changed.
 */
gboolean
ut_progress_import (UtProgress  *self,
                    GBytes      *backup,
                    guint       *added,
                    guint       *updated,
                    GError     **error)
{
  g_autoptr(GPtrArray) imported = NULL;
  guint recheck_days;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (added != NULL)
    *added = 0;
  if (updated != NULL)
    *updated = 0;

  if (!_ut_progress_check_writable (self, error) || (imported = read_backup (backup, &recheck_days, error)) == NULL)
    return FALSE;

  return merge_backup (self, imported, recheck_days, added, updated, error);
}

typedef struct
{
  GPtrArray *imported;
  guint      recheck_days;
} ReadBackup;

static void
read_backup_free (ReadBackup *read)
{
  g_ptr_array_unref (read->imported);
  g_free (read);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ReadBackup *read = g_new0 (ReadBackup, 1);

  if ((bytes = ut_read_gfile_limited (file, UT_PROGRESS_MAX_SIZE, cancellable, &error)) == NULL)
    {
      g_autoptr(GError) message = NULL;

      g_free (read);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* Translators: the parenthesis is the system's reason, e.g. "Permission denied" */
      message = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("Could not read the backup (%s). Nothing was changed."), error->message);
      g_task_return_error (task, g_steal_pointer (&message));
      return;
    }

  if ((read->imported = read_backup (bytes, &read->recheck_days, &error)) == NULL)
    {
      g_free (read);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, read, (GDestroyNotify) read_backup_free);
}

/**
 * ut_progress_import_async:
 * @file: a JSON backup
 *
 * Like ut_progress_import(), for a file: reading and checking it, the slow part of a large
 * backup, happen in a worker thread; ut_progress_import_finish() merges and saves it.
 */
void
ut_progress_import_async (UtProgress          *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UT_IS_PROGRESS (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_progress_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * ut_progress_import_finish:
 *
 * Merges the backup read by ut_progress_import_async() into this progress and saves it, on the
 * thread that called it, as ut_progress_import() does.
 */
gboolean
ut_progress_import_finish (UtProgress    *self,
                           GAsyncResult  *result,
                           guint         *added,
                           guint         *updated,
                           GError       **error)
{
  ReadBackup *read;
  gboolean merged;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ut_progress_import_async, FALSE);

  if (added != NULL)
    *added = 0;
  if (updated != NULL)
    *updated = 0;

  if ((read = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;

  merged = merge_backup (self, read->imported, read->recheck_days, added, updated, error);
  read_backup_free (read);
  return merged;
}

/* ---- sync ------------------------------------------------------------------------------- */

/**
 * _ut_progress_adopt:
 * @progress: the whole progress, in the progress file's shape, as sync merged it
 *
 * Makes this progress what @progress holds: it is read and checked like the progress file, saved,
 * and only then shown. The profiles the app shows stay the same objects; a profile that is gone
 * from @progress is removed, a new one is added at the end.
 */
gboolean
_ut_progress_adopt (UtProgress  *self,
                    JsonNode    *progress,
                    GError     **error)
{
  g_autoptr(GPtrArray) adopted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  guint recheck_days;
  gsize length;

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  text = json_to_string (progress, FALSE);
  length = strlen (text);
  if (_ut_progress_parse (text, length, adopted, &recheck_days, error) != UT_PARSE_OK)
    return FALSE;

  for (guint i = 0; i < adopted->len; i++)
    g_hash_table_insert (by_id, (gpointer) ut_profile_get_id (g_ptr_array_index (adopted, i)),
                         g_ptr_array_index (adopted, i));

  /* In the order the app shows them: the profiles it has, then the new ones. */
  live = _ut_progress_list_profiles (self);
  for (guint i = 0; i < live->len; i++)
    {
      UtProfile *profile = g_hash_table_lookup (by_id, ut_profile_get_id (g_ptr_array_index (live, i)));

      if (profile != NULL && g_hash_table_remove (by_id, ut_profile_get_id (profile)))
        g_ptr_array_add (saved, profile);
    }
  for (guint i = 0; i < adopted->len; i++)
    if (g_hash_table_contains (by_id, ut_profile_get_id (g_ptr_array_index (adopted, i))))
      {
        g_ptr_array_add (saved, g_ptr_array_index (adopted, i));
        g_ptr_array_add (added, g_ptr_array_index (adopted, i));
      }

  if (!_ut_progress_save_profiles (self, recheck_days, saved, error))
    return FALSE;
  self->default_recheck_days = recheck_days;

  for (guint i = 0; i < saved->len; i++)
    g_hash_table_insert (by_id, (gpointer) ut_profile_get_id (g_ptr_array_index (saved, i)),
                         g_ptr_array_index (saved, i));
  for (guint i = live->len; i > 0; i--)
    {
      UtProfile *profile = g_ptr_array_index (live, i - 1);
      UtProfile *from = g_hash_table_lookup (by_id, ut_profile_get_id (profile));

      if (from != NULL)
        _ut_profile_take_contents (profile, from);
      else
        g_list_store_remove (self->profiles, i - 1);
    }
  g_list_store_splice (self->profiles, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)), 0,
                       added->pdata, added->len);

  for (guint i = 0; i < live->len; i++)
    if (g_hash_table_contains (by_id, ut_profile_get_id (g_ptr_array_index (live, i))))
      _ut_progress_emit_records_changed (self, g_ptr_array_index (live, i), NULL);
  for (guint i = 0; i < added->len; i++)
    _ut_progress_emit_records_changed (self, g_ptr_array_index (added, i), NULL);

  return TRUE;
}
