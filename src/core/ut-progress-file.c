/* ut-progress-file.c — the progress file: load, save, backups, the lock and recovery
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-progress"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "ut-catalog-schema.h"
#include "ut-json.h"
#include "ut-profile-private.h"
#include "ut-progress-private.h"
#include "ut-util.h"

/* A note is a few sentences; this leaves room for many, and keeps one record from being most of a
 * file. */
#define MAX_NOTE_LENGTH 10000

/* ---- the folder ------------------------------------------------------------------------- */

/* Saves by this process and by another Untrain (the command line runs beside the app) take this
 * lock, so that clearing away a killed save's temporary file never removes one being written.
 * Returns the lock's descriptor, or -1 when it cannot be had (then nothing is cleared away). */
static int
lock_directory (UtProgress *self)
{
  g_autofree char *path = g_build_filename (self->directory, ".progress.lock", NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd >= 0 && flock (fd, LOCK_EX) != 0)
    {
      close (fd);
      return -1;
    }

  return fd;
}

static void
unlock_directory (int fd)
{
  if (fd >= 0)
    close (fd);
}

/* Whether @name is a temporary file of an atomic write of @base: "@base.XXXXXX". */
static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  gsize base_length = strlen (base);

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '.' ||
      strlen (name + base_length + 1) != 6)
    return FALSE;

  for (const char *p = name + base_length + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* A save killed half way leaves its temporary file behind (progress.json itself is never
 * half-written); at start they are cleared away so they do not pile up. */
static void
remove_stale_temporaries (UtProgress *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *backup_base = g_path_get_basename (self->backup_path);
  g_autofree char *staged = g_strconcat (backup_base, ".tmp", NULL);
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  const char *name;
  int lock;

  if (dir == NULL || (lock = lock_directory (self)) < 0)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!is_temporary_of (name, base) && !is_temporary_of (name, backup_base) &&
          !is_temporary_of (name, staged) && !g_str_equal (name, staged))
        continue;

      path = g_build_filename (self->directory, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode))
        {
          g_debug ("Removing %s, left by an interrupted save", path);
          g_unlink (path);
        }
    }

  unlock_directory (lock);
}

/* ---- reading ---------------------------------------------------------------------------- */

gboolean
_ut_progress_fail_parse (GError     **error,
                         const char  *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_IO_ERROR, G_IO_ERROR_INVALID_DATA, format, args));
  va_end (args);

  return FALSE;
}

static gboolean
read_optional_time (JsonObject  *object,
                    const char  *key,
                    GDateTime  **out,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      (*out = ut_date_time_parse (json_node_get_string (node))) == NULL)
    return _ut_progress_fail_parse (error, "“%s” is not a date and time", key);

  return TRUE;
}

static const char *
read_string (JsonObject  *object,
             const char  *key,
             gboolean     required,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        _ut_progress_fail_parse (error, "“%s” is missing", key);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _ut_progress_fail_parse (error, "“%s” is not a string", key);
      return NULL;
    }

  /* ut_json_parse() refuses what json-glib is known to turn into invalid UTF-8; this catches
   * whatever else might. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      _ut_progress_fail_parse (error, "“%s” is not valid UTF-8", key);
      return NULL;
    }
  return json_node_get_string (node);
}

/* An id (of a profile, platform or action) is a slug: it is part of keys in memory, in the
 * keyring and in exports, where a line break or a control character would break them. */
static const char *
read_id (JsonObject  *object,
         const char  *key,
         GError     **error)
{
  const char *id = read_string (object, key, TRUE, error);

  if (id != NULL && !ut_is_slug (id))
    {
      g_autofree char *shown = ut_escape_controls (id);

      _ut_progress_fail_parse (error, "“%s” is not a valid %s (allowed: lower-case letters, digits and single dashes)",
                               shown, key);
      return NULL;
    }

  return id;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *key,
           guint        maximum,
           guint       *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 0 || value > maximum)
    return _ut_progress_fail_parse (error, "“%s” is not a whole number from 0 to %u", key, maximum);

  *out = (guint) value;
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *key,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      _ut_progress_fail_parse (error, "“%s” is missing", key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _ut_progress_fail_parse (error, "“%s” is not a list", key);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean read_proofs (JsonObject  *object,
                             GArray      *proofs,
                             const char  *platform,
                             GError     **error);

static UtRecord *
read_record (JsonNode  *node,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(UtRecord) record = NULL;
  JsonObject *object;
  const char *platform, *action, *state, *note;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ut_progress_fail_parse (error, "a record is not an object");
      return NULL;
    }
  object = json_node_get_object (node);

  if ((platform = read_id (object, "platform", error)) == NULL ||
      (action = read_id (object, "action", error)) == NULL ||
      (state = read_string (object, "state", TRUE, error)) == NULL)
    return NULL;
  note = read_string (object, "note", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (note != NULL && (g_utf8_strlen (note, -1) > MAX_NOTE_LENGTH ||
                       _ut_progress_has_control_characters (note, TRUE)))
    {
      _ut_progress_fail_parse (error, "a note of %s is longer than %d characters or holds control characters",
                               platform, MAX_NOTE_LENGTH);
      return NULL;
    }

  record = ut_record_new (platform, action);
  record->note = g_strdup (note);
  if (!read_proofs (object, record->proofs, platform, error))
    return NULL;
  if (!ut_action_state_from_string (state, &record->state))
    _ut_progress_fail_parse (error, "“%s” is not a known state", state);
  else if (read_optional_time (object, "changed_at", &record->changed_at, error) &&
           read_optional_time (object, "done_at", &record->done_at, error) &&
           read_optional_time (object, "verified_at", &record->verified_at, error) &&
           read_uint (object, "revision", G_MAXINT32, &record->revision, error))
    return g_steal_pointer (&record);

  return NULL;
}

/* "proofs": [{"name", "sha256", "added"}], optional: files kept as proof, appended to @proofs. */
static gboolean
read_proofs (JsonObject  *object,
             GArray      *proofs,
             const char  *platform,
             GError     **error)
{
  JsonArray *array;

  if (!json_object_has_member (object, "proofs"))
    return TRUE;
  if ((array = read_array (object, "proofs", error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name, *sha256, *added;
      UtProof proof;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (name = read_string (json_node_get_object (element), "name", TRUE, error)) == NULL ||
          (sha256 = read_string (json_node_get_object (element), "sha256", TRUE, error)) == NULL ||
          (added = read_string (json_node_get_object (element), "added", TRUE, error)) == NULL ||
          !ut_is_sha256_hex (sha256) || !ut_is_iso_date (added) || *name == '\0' ||
          _ut_progress_has_control_characters (name, FALSE))
        {
          if (error != NULL && *error == NULL)
            _ut_progress_fail_parse (error, "a proof kept for “%s” is not valid", platform);
          return FALSE;
        }
      proof.name = g_strdup (name);
      proof.sha256 = g_strdup (sha256);
      proof.added = g_strdup (added);
      g_array_append_val (proofs, proof);
    }
  return TRUE;
}

static void
add_proofs (JsonBuilder *builder,
            GArray      *proofs)
{
  json_builder_set_member_name (builder, "proofs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < proofs->len; i++)
    {
      const UtProof *proof = &g_array_index (proofs, UtProof, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, proof->name);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, proof->sha256);
      json_builder_set_member_name (builder, "added");
      json_builder_add_string_value (builder, proof->added);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* {"platform", "region", "events": [{"event", "date", "channel"?}]}: an objection or request. */
static UtRequest *
read_request (JsonNode  *node,
              GError   **error)
{
  g_autoptr(UtRequest) request = NULL;
  const char *platform, *region_code;
  JsonObject *object;
  JsonArray *events;
  UtRegion region;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ut_progress_fail_parse (error, "a request is not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if ((platform = read_id (object, "platform", error)) == NULL ||
      (region_code = read_string (object, "region", TRUE, error)) == NULL ||
      (events = read_array (object, "events", error)) == NULL)
    return NULL;
  if (!ut_region_from_code (region_code, &region))
    {
      _ut_progress_fail_parse (error, "a request to “%s” names no known region", platform);
      return NULL;
    }

  request = ut_request_new (platform, region);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *element = json_array_get_element (events, i);
      JsonObject *entry;
      const char *kind, *date, *channel;
      UtRequestEvent event = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          _ut_progress_fail_parse (error, "an event of the request to “%s” is not an object", platform);
          return NULL;
        }
      entry = json_node_get_object (element);
      if ((kind = read_string (entry, "event", TRUE, error)) == NULL ||
          (date = read_string (entry, "date", TRUE, error)) == NULL)
        return NULL;
      channel = read_string (entry, "channel", FALSE, error);
      if (!ut_request_event_kind_from_string (kind, &event.kind) || !ut_is_iso_date (date) ||
          (channel != NULL && !ut_request_channel_is_valid (channel)))
        {
          _ut_progress_fail_parse (error, "an event of the request to “%s” has an unknown kind, date or channel", platform);
          return NULL;
        }
      event.date = g_strdup (date);
      event.channel = g_strdup (channel);
      g_array_append_val (request->events, event);
    }

  if (!read_proofs (object, request->proofs, platform, error))
    return NULL;

  return g_steal_pointer (&request);
}

static UtProfile *
read_profile (JsonNode  *node,
              GError   **error)
{
  g_autoptr(UtProfile) profile = NULL;
  JsonObject *object;
  const char *id, *name, *region_code;
  JsonArray *platforms, *records;
  UtRegion region;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ut_progress_fail_parse (error, "a profile is not an object");
      return NULL;
    }
  object = json_node_get_object (node);

  if ((id = read_id (object, "id", error)) == NULL ||
      (name = read_string (object, "name", TRUE, error)) == NULL ||
      (region_code = read_string (object, "region", TRUE, error)) == NULL ||
      (platforms = read_array (object, "platforms", error)) == NULL ||
      (records = read_array (object, "records", error)) == NULL)
    return NULL;

  if (*name == '\0' || g_utf8_strlen (name, -1) > UT_MAX_PROFILE_NAME_LENGTH ||
      _ut_progress_has_control_characters (name, FALSE))
    {
      _ut_progress_fail_parse (error, "the name of profile “%s” is empty, longer than %d characters or holds "
                               "control characters", id, UT_MAX_PROFILE_NAME_LENGTH);
      return NULL;
    }

  if (!ut_region_from_code (region_code, &region))
    {
      g_autofree char *shown = ut_escape_controls (region_code);

      _ut_progress_fail_parse (error, "“%s” is not a known region", shown);
      return NULL;
    }

  profile = _ut_profile_new (id, name, region,
                             ut_json_get_boolean (object, "region_confirmed", FALSE));

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonNode *element = json_array_get_element (platforms, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !ut_is_slug (json_node_get_string (element)))
        {
          _ut_progress_fail_parse (error, "a platform of profile “%s” is not a valid id", id);
          return NULL;
        }
      _ut_profile_set_platform_used (profile, json_node_get_string (element), TRUE);
    }

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      UtRecord *record = read_record (json_array_get_element (records, i), error);

      if (record == NULL)
        return NULL;
      _ut_profile_take_record (profile, record);
    }

  /* Requests came with format 2; older files have none. */
  if (json_object_has_member (object, "requests"))
    {
      JsonArray *requests = read_array (object, "requests", error);

      if (requests == NULL)
        return NULL;
      for (guint i = 0; i < json_array_get_length (requests); i++)
        {
          UtRequest *request = read_request (json_array_get_element (requests, i), error);

          if (request == NULL)
            return NULL;
          _ut_profile_take_request (profile, request);
        }
    }

  return g_steal_pointer (&profile);
}

/* Parses a whole progress file into @profiles; on any error nothing is kept. Import reads a
 * backup with it too. */
UtParseResult
_ut_progress_parse (const char  *contents,
                    gsize        length,
                    GPtrArray   *profiles,
                    guint       *recheck_days,
                    GError     **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *array;
  guint format = 0;

  if ((document = ut_json_parse (contents, (gssize) length, error)) == NULL)
    return UT_PARSE_CORRUPT;

  if (!JSON_NODE_HOLDS_OBJECT (document))
    {
      _ut_progress_fail_parse (error, "the file does not hold an object");
      return UT_PARSE_CORRUPT;
    }
  root = json_node_get_object (document);

  if (!json_object_has_member (root, "format"))
    {
      _ut_progress_fail_parse (error, "“format” is missing");
      return UT_PARSE_CORRUPT;
    }
  if (!read_uint (root, "format", G_MAXINT32, &format, error))
    return UT_PARSE_CORRUPT;
  if (format > UT_PROGRESS_FORMAT)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_FUTURE_FORMAT,
                   _("Your progress was saved by a newer version of Untrain (format %u; this version reads up to %u). "
                     "Update Untrain to see it; this version will not change it."),
                   format, UT_PROGRESS_FORMAT);
      return UT_PARSE_FUTURE;
    }

  *recheck_days = UT_DEFAULT_RECHECK_DAYS;
  if (!read_uint (root, "recheck_days", UT_MAX_RECHECK_DAYS, recheck_days, error))
    return UT_PARSE_CORRUPT;
  if (*recheck_days == 0)
    *recheck_days = UT_DEFAULT_RECHECK_DAYS;

  if ((array = read_array (root, "profiles", error)) == NULL)
    return UT_PARSE_CORRUPT;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      UtProfile *profile = read_profile (json_array_get_element (array, i), error);

      if (profile == NULL)
        return UT_PARSE_CORRUPT;
      g_ptr_array_add (profiles, profile);
      /* Two profiles with one id could not be told apart by the keyring or by an import. */
      if (!g_hash_table_add (ids, (gpointer) ut_profile_get_id (profile)))
        {
          _ut_progress_fail_parse (error, "profile “%s” is listed twice", ut_profile_get_id (profile));
          return UT_PARSE_CORRUPT;
        }
    }

  return UT_PARSE_OK;
}

static void
install_profiles (UtProgress *self,
                  GPtrArray  *profiles)
{
  g_list_store_splice (self->profiles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                       profiles->pdata, profiles->len);
}

/* Reads @path; returns UT_PARSE_OK with the profiles installed, or why not. */
static UtParseResult
load_file (UtProgress  *self,
           const char  *path,
           GError     **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) contents = NULL;
  guint recheck_days = UT_DEFAULT_RECHECK_DAYS;
  UtParseResult result;
  const char *data;
  gsize length;

  if ((contents = ut_read_file_limited (path, UT_PROGRESS_MAX_SIZE, error)) == NULL)
    return UT_PARSE_CORRUPT;

  data = g_bytes_get_data (contents, &length);
  result = _ut_progress_parse (data != NULL ? data : "", length, profiles, &recheck_days, error);
  if (result == UT_PARSE_OK)
    {
      install_profiles (self, profiles);
      self->default_recheck_days = recheck_days;
    }

  return result;
}

static char *
format_file_time (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || (modified = g_file_info_get_modification_date_time (info)) == NULL)
    return g_strdup (_("an unknown date"));

  /* The day, as the guides write dates: a time to the second says nothing more to a person. */
  return ut_format_date (modified);
}

/* A damaged file is renamed, never deleted: the user or a developer may still rescue it. */
static char *
move_aside (UtProgress  *self,
            GError     **error)
{
  g_autoptr(GDateTime) now = ut_progress_now (self);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, n);
    }

  if (g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Your progress file %s is damaged and could not be moved aside: %s"),
                   self->path, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&aside);
}

static void
set_read_only (UtProgress   *self,
               const GError *error)
{
  g_clear_error (&self->read_only);
  self->read_only = g_error_copy (error);
}

/**
 * ut_progress_load:
 *
 * Loads progress from disk. A missing file gives empty progress. A damaged file is moved aside
 * and the backup is loaded; that is still a success, and ut_progress_get_recovery() then holds a
 * message for the user.
 *
 * Returns: %FALSE if progress could not be loaded at all (a file from a newer Untrain, or one
 *   that cannot be read); progress is then read-only so that nothing overwrites the file.
 */
gboolean
ut_progress_load (UtProgress  *self,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *backup_time = NULL;
  UtParseResult result;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_error (&self->recovery);
  g_clear_error (&self->read_only);
  self->file_is_good = FALSE;
  g_list_store_remove_all (self->profiles);
  remove_stale_temporaries (self);

  result = load_file (self, self->path, &local_error);
  if (result == UT_PARSE_OK)
    {
      self->file_is_good = TRUE;
      return TRUE;
    }

  if (result == UT_PARSE_FUTURE)
    {
      set_read_only (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      /* No file: a first start, unless a backup says a crash or a person removed it. */
      if (!g_file_test (self->backup_path, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  else if (local_error->domain == G_FILE_ERROR)
    {
      g_autoptr(GError) unreadable = NULL;

      unreadable = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_UNREADABLE,
                                _("Your progress file %s could not be read (%s). Untrain will not change it until it can be read."),
                                self->path, local_error->message);
      set_read_only (self, unreadable);
      g_propagate_error (error, g_steal_pointer (&unreadable));
      return FALSE;
    }
  else
    {
      g_debug ("Progress file %s is damaged: %s", self->path, local_error->message);
      aside = move_aside (self, error);
      if (aside == NULL)
        {
          set_read_only (self, *error);
          return FALSE;
        }
    }

  backup_time = format_file_time (self->backup_path);
  result = load_file (self, self->backup_path, &backup_error);
  if (result == UT_PARSE_FUTURE)
    {
      set_read_only (self, backup_error);
      g_propagate_error (error, g_steal_pointer (&backup_error));
      return FALSE;
    }

  if (aside == NULL)
    {
      if (result == UT_PARSE_OK)
        self->recovery = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED,
                                      _("Your progress file was missing, so your progress from the backup of %s was restored."),
                                      backup_time);
      else
        self->recovery = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED,
                                      _("Your progress file was missing and its backup could not be read either (%s). Untrain starts with no progress."),
                                      backup_error->message);
    }
  else if (result == UT_PARSE_OK)
    self->recovery = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED,
                                  _("Your progress file was damaged (%s). It was kept as %s, and your progress from the backup of %s was restored."),
                                  local_error->message, aside, backup_time);
  else
    self->recovery = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED,
                                  _("Your progress file was damaged (%s) and there is no usable backup. It was kept as %s; Untrain starts with no progress."),
                                  local_error->message, aside);

  return TRUE;
}

const GError *
ut_progress_get_recovery (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  return self->recovery;
}

gboolean
ut_progress_is_read_only (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), TRUE);
  return self->read_only != NULL;
}

/* ---- writing ---------------------------------------------------------------------------- */

static void
add_time (JsonBuilder *builder,
          const char  *key,
          GDateTime   *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return;

  text = ut_date_time_format (time);
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

static void
add_record (JsonBuilder    *builder,
            const UtRecord *record)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "platform");
  json_builder_add_string_value (builder, record->platform);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, record->action);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, ut_action_state_to_string (record->state));
  add_time (builder, "changed_at", record->changed_at);
  add_time (builder, "done_at", record->done_at);
  add_time (builder, "verified_at", record->verified_at);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, record->revision);
  if (record->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, record->note);
    }
  if (record->proofs->len > 0)
    add_proofs (builder, record->proofs);
  json_builder_end_object (builder);
}

static void
add_profile (JsonBuilder *builder,
             UtProfile   *profile)
{
  g_autoptr(GPtrArray) records = ut_profile_list_records (profile);
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (profile);
  const char * const *platforms = ut_profile_get_platforms (profile);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ut_profile_get_id (profile));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ut_profile_get_name (profile));
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, ut_region_to_code (ut_profile_get_region (profile)));
  json_builder_set_member_name (builder, "region_confirmed");
  json_builder_add_boolean_value (builder, ut_profile_get_region_confirmed (profile));
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; platforms[i] != NULL; i++)
    json_builder_add_string_value (builder, platforms[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    add_record (builder, g_ptr_array_index (records, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "platform");
      json_builder_add_string_value (builder, request->platform);
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, ut_region_to_code (request->region));
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint j = 0; j < request->events->len; j++)
        {
          const UtRequestEvent *event = &g_array_index (request->events, UtRequestEvent, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "event");
          json_builder_add_string_value (builder, ut_request_event_kind_to_string (event->kind));
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, event->date);
          if (event->channel != NULL)
            {
              json_builder_set_member_name (builder, "channel");
              json_builder_add_string_value (builder, event->channel);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_proofs (builder, request->proofs);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The one shape of saved progress: the progress file, exports and backups all use it. The nodes
 * are not sealed, so an export can add its own members. */
static JsonNode *
build_json (guint       recheck_days,
            GPtrArray  *profiles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UT_PROGRESS_FORMAT);
  json_builder_set_member_name (builder, "recheck_days");
  json_builder_add_int_value (builder, recheck_days);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < profiles->len; i++)
    add_profile (builder, g_ptr_array_index (profiles, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
serialize (guint       recheck_days,
           GPtrArray  *profiles,
           gsize      *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = build_json (recheck_days, profiles);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, length);
}

/* The previous good file is linked as progress.json.bak.tmp before a save, and becomes the
 * backup only once the new file is safely on disk: a save that fails (a full disk) then keeps the
 * older backup. A hard link costs no copy and keeps the old contents when the new file is renamed
 * over progress.json. Returns the staged path, or NULL when there is nothing to keep. */
static char *
stage_backup (UtProgress *self)
{
  g_autofree char *staged = g_strconcat (self->backup_path, ".tmp", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!self->file_is_good)
    return NULL;

  g_unlink (staged);
  if (link (self->path, staged) == 0)
    return g_steal_pointer (&staged);

  /* Some file systems have no hard links; a copy serves as well, just slower. */
  if (g_file_get_contents (self->path, &contents, &length, NULL) &&
      ut_write_file_atomic (staged, contents, length, 0644, NULL))
    return g_steal_pointer (&staged);

  return NULL;
}

/* Writes @profiles as the progress file. Import saves a merged copy this way before it changes
 * anything the app shows. */
gboolean
_ut_progress_save_profiles (UtProgress  *self,
                            guint        recheck_days,
                            GPtrArray   *profiles,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *staged = NULL;
  gboolean written;
  gsize length;
  int lock;

  if (!_ut_progress_check_writable (self, error))
    return FALSE;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save your progress: the folder %s could not be created (%s)."),
                   self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  contents = serialize (recheck_days, profiles, &length);

  lock = lock_directory (self);
  staged = stage_backup (self);
  written = ut_write_file_atomic (self->path, contents, length, 0644, error);
  if (staged != NULL && (!written || g_rename (staged, self->backup_path) != 0))
    g_unlink (staged);
  unlock_directory (lock);

  if (!written)
    {
      g_prefix_error (error, _("Could not save your progress: "));
      return FALSE;
    }

  self->file_is_good = TRUE;
  _ut_progress_emit_saved (self);
  return TRUE;
}

gboolean
ut_progress_save (UtProgress  *self,
                  GError     **error)
{
  g_autoptr(GPtrArray) profiles = NULL;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  profiles = _ut_progress_list_profiles (self);
  return _ut_progress_save_profiles (self, self->default_recheck_days, profiles, error);
}

gboolean
ut_progress_has_saved_state (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  return self->file_is_good;
}

/* ---- export ----------------------------------------------------------------------------- */

/**
 * ut_progress_to_json:
 * @profile: (nullable): the profile to include; %NULL for all of them
 *
 * Progress in the shape of the progress file, which is also what ut_progress_import() reads.
 *
 * Returns: (transfer full): an object node, not sealed
 */
JsonNode *
ut_progress_to_json (UtProgress *self,
                     UtProfile  *profile)
{
  g_autoptr(GPtrArray) profiles = NULL;

  g_return_val_if_fail (UT_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (profile == NULL || UT_IS_PROFILE (profile), NULL);

  if (profile != NULL)
    {
      profiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (profiles, g_object_ref (profile));
    }
  else
    profiles = _ut_progress_list_profiles (self);

  return build_json (self->default_recheck_days, profiles);
}
