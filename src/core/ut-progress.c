/* ut-progress.c
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
#include "ut-progress.h"
#include "ut-util.h"

#define MAX_PROFILE_NAME_LENGTH 64
/* A note is a few sentences; this leaves room for many, and keeps one record from being most of a
 * file. */
#define MAX_NOTE_LENGTH 10000

struct _UtProgress
{
  GObject      parent_instance;

  char        *directory;
  char        *path;
  char        *backup_path;

  GListStore  *profiles;
  guint        default_recheck_days;

  UtClockFunc  clock_func;
  gpointer     clock_data;

  GError      *recovery;
  /* Set when the file on disk must not be overwritten: it is from a newer Untrain, or could not
   * be read. Saving it over would lose what the user has. */
  GError      *read_only;
  /* TRUE once progress.json on disk is known to be a good file (loaded or written by us), so it
   * may become the backup on the next save. */
  gboolean     file_is_good;
};

G_DEFINE_FINAL_TYPE (UtProgress, ut_progress, G_TYPE_OBJECT)
G_DEFINE_QUARK (ut-progress-error-quark, ut_progress_error)

enum {
  RECORDS_CHANGED,
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

/* ---- the folder ----------------------------------------------------------------------- */

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

G_GNUC_PRINTF (2, 3)
static gboolean
fail_parse (GError     **error,
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
    return fail_parse (error, "“%s” is not a date and time", key);

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
        fail_parse (error, "“%s” is missing", key);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail_parse (error, "“%s” is not a string", key);
      return NULL;
    }

  /* ut_json_parse() refuses what json-glib is known to turn into invalid UTF-8; this catches
   * whatever else might. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      fail_parse (error, "“%s” is not valid UTF-8", key);
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

      fail_parse (error, "“%s” is not a valid %s (allowed: lower-case letters, digits and single dashes)",
                  shown, key);
      return NULL;
    }

  return id;
}

/* Whether @text holds a control character other than the line breaks and tabs a note may have. */
static gboolean
has_control_characters (const char *text,
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
    return fail_parse (error, "“%s” is not a whole number from 0 to %u", key, maximum);

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
      fail_parse (error, "“%s” is missing", key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_parse (error, "“%s” is not a list", key);
      return NULL;
    }

  return json_node_get_array (node);
}

static UtRecord *
read_record (JsonNode  *node,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  UtRecord *record;
  const char *platform, *action, *state, *note;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_parse (error, "a record is not an object");
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
  if (note != NULL && (g_utf8_strlen (note, -1) > MAX_NOTE_LENGTH || has_control_characters (note, TRUE)))
    {
      fail_parse (error, "a note of %s is longer than %d characters or holds control characters",
                  platform, MAX_NOTE_LENGTH);
      return NULL;
    }

  record = g_new0 (UtRecord, 1);
  record->platform = g_strdup (platform);
  record->action = g_strdup (action);
  record->note = g_strdup (note);
  if (!ut_action_state_from_string (state, &record->state))
    fail_parse (error, "“%s” is not a known state", state);
  else if (read_optional_time (object, "changed_at", &record->changed_at, error) &&
           read_optional_time (object, "done_at", &record->done_at, error) &&
           read_optional_time (object, "verified_at", &record->verified_at, error) &&
           read_uint (object, "revision", G_MAXINT32, &record->revision, error))
    return record;

  _ut_record_free (record);
  return NULL;
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
      fail_parse (error, "a profile is not an object");
      return NULL;
    }
  object = json_node_get_object (node);

  if ((id = read_id (object, "id", error)) == NULL ||
      (name = read_string (object, "name", TRUE, error)) == NULL ||
      (region_code = read_string (object, "region", TRUE, error)) == NULL ||
      (platforms = read_array (object, "platforms", error)) == NULL ||
      (records = read_array (object, "records", error)) == NULL)
    return NULL;

  if (*name == '\0' || g_utf8_strlen (name, -1) > MAX_PROFILE_NAME_LENGTH ||
      has_control_characters (name, FALSE))
    {
      fail_parse (error, "the name of profile “%s” is empty, longer than %d characters or holds "
                  "control characters", id, MAX_PROFILE_NAME_LENGTH);
      return NULL;
    }

  if (!ut_region_from_code (region_code, &region))
    {
      g_autofree char *shown = ut_escape_controls (region_code);

      fail_parse (error, "“%s” is not a known region", shown);
      return NULL;
    }

  profile = _ut_profile_new (id, name, region,
                             json_object_get_boolean_member_with_default (object, "region_confirmed", FALSE));

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonNode *element = json_array_get_element (platforms, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !ut_is_slug (json_node_get_string (element)))
        {
          fail_parse (error, "a platform of profile “%s” is not a valid id", id);
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

  return g_steal_pointer (&profile);
}

typedef enum
{
  PARSE_OK,
  PARSE_CORRUPT,
  PARSE_FUTURE,
} ParseResult;

/* Parses a whole progress file into @profiles; on any error nothing is kept. */
static ParseResult
parse_progress (const char  *contents,
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
    return PARSE_CORRUPT;

  if (!JSON_NODE_HOLDS_OBJECT (document))
    {
      fail_parse (error, "the file does not hold an object");
      return PARSE_CORRUPT;
    }
  root = json_node_get_object (document);

  if (!json_object_has_member (root, "format"))
    {
      fail_parse (error, "“format” is missing");
      return PARSE_CORRUPT;
    }
  if (!read_uint (root, "format", G_MAXINT32, &format, error))
    return PARSE_CORRUPT;
  if (format > UT_PROGRESS_FORMAT)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_FUTURE_FORMAT,
                   _("Your progress was saved by a newer version of Untrain (format %u; this version reads up to %u). "
                     "Update Untrain to see it; this version will not change it."),
                   format, UT_PROGRESS_FORMAT);
      return PARSE_FUTURE;
    }

  *recheck_days = UT_DEFAULT_RECHECK_DAYS;
  if (!read_uint (root, "recheck_days", UT_MAX_RECHECK_DAYS, recheck_days, error))
    return PARSE_CORRUPT;
  if (*recheck_days == 0)
    *recheck_days = UT_DEFAULT_RECHECK_DAYS;

  if ((array = read_array (root, "profiles", error)) == NULL)
    return PARSE_CORRUPT;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      UtProfile *profile = read_profile (json_array_get_element (array, i), error);

      if (profile == NULL)
        return PARSE_CORRUPT;
      g_ptr_array_add (profiles, profile);
      /* Two profiles with one id could not be told apart by the keyring or by an import. */
      if (!g_hash_table_add (ids, (gpointer) ut_profile_get_id (profile)))
        {
          fail_parse (error, "profile “%s” is listed twice", ut_profile_get_id (profile));
          return PARSE_CORRUPT;
        }
    }

  return PARSE_OK;
}

static void
install_profiles (UtProgress *self,
                  GPtrArray  *profiles)
{
  g_list_store_splice (self->profiles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                       profiles->pdata, profiles->len);
}

/* Reads @path; returns PARSE_OK with the profiles installed, or why not. */
static ParseResult
load_file (UtProgress  *self,
           const char  *path,
           GError     **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) contents = NULL;
  guint recheck_days = UT_DEFAULT_RECHECK_DAYS;
  ParseResult result;
  const char *data;
  gsize length;

  if ((contents = ut_read_file_limited (path, UT_PROGRESS_MAX_SIZE, error)) == NULL)
    return PARSE_CORRUPT;

  data = g_bytes_get_data (contents, &length);
  result = parse_progress (data != NULL ? data : "", length, profiles, &recheck_days, error);
  if (result == PARSE_OK)
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
  g_autoptr(GDateTime) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || (modified = g_file_info_get_modification_date_time (info)) == NULL)
    return g_strdup (_("an unknown date"));

  local = g_date_time_to_local (modified);
  return g_date_time_format (local, "%x %X");
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
  ParseResult result;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_error (&self->recovery);
  g_clear_error (&self->read_only);
  self->file_is_good = FALSE;
  g_list_store_remove_all (self->profiles);
  remove_stale_temporaries (self);

  result = load_file (self, self->path, &local_error);
  if (result == PARSE_OK)
    {
      self->file_is_good = TRUE;
      return TRUE;
    }

  if (result == PARSE_FUTURE)
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
  if (result == PARSE_FUTURE)
    {
      set_read_only (self, backup_error);
      g_propagate_error (error, g_steal_pointer (&backup_error));
      return FALSE;
    }

  if (aside == NULL)
    {
      if (result == PARSE_OK)
        self->recovery = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED,
                                      _("Your progress file was missing, so your progress from the backup of %s was restored."),
                                      backup_time);
      else
        self->recovery = g_error_new (UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_RECOVERED,
                                      _("Your progress file was missing and its backup could not be read either (%s). Untrain starts with no progress."),
                                      backup_error->message);
    }
  else if (result == PARSE_OK)
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
  json_builder_end_object (builder);
}

static void
add_profile (JsonBuilder *builder,
             UtProfile   *profile)
{
  g_autoptr(GPtrArray) records = ut_profile_list_records (profile);
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

static GPtrArray *
list_profiles (UtProgress *self)
{
  GPtrArray *profiles = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_profiles = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n_profiles; i++)
    g_ptr_array_add (profiles, g_list_model_get_item (G_LIST_MODEL (self->profiles), i));

  return profiles;
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
static gboolean
save_profiles (UtProgress  *self,
               guint        recheck_days,
               GPtrArray   *profiles,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *staged = NULL;
  gboolean written;
  gsize length;
  int lock;

  if (self->read_only != NULL)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_READ_ONLY, "%s", self->read_only->message);
      return FALSE;
    }

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
  return TRUE;
}

gboolean
ut_progress_save (UtProgress  *self,
                  GError     **error)
{
  g_autoptr(GPtrArray) profiles = NULL;

  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  profiles = list_profiles (self);
  return save_profiles (self, self->default_recheck_days, profiles, error);
}

gboolean
ut_progress_has_saved_state (UtProgress *self)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  return self->file_is_good;
}

/* ---- changes ---------------------------------------------------------------------------- */

static gboolean
check_writable (UtProgress  *self,
                GError     **error)
{
  if (self->read_only == NULL)
    return TRUE;

  g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_READ_ONLY, "%s", self->read_only->message);
  return FALSE;
}

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

  if (!check_writable (self, error))
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
      g_utf8_strlen (name, -1) > MAX_PROFILE_NAME_LENGTH)
    {
      g_set_error (error, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_INVALID,
                   _("A profile name must be between 1 and %d characters long."),
                   MAX_PROFILE_NAME_LENGTH);
      return FALSE;
    }
  if (has_control_characters (name, FALSE))
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

  if (!check_writable (self, error) || !check_profile_name (self, NULL, name, error))
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

  if (!check_writable (self, error) || !check_profile_name (self, profile, name, error))
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

  if (!check_writable (self, error))
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

gboolean
ut_progress_set_region (UtProgress  *self,
                        UtProfile   *profile,
                        UtRegion     region,
                        GError     **error)
{
  g_return_val_if_fail (UT_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (UT_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (region < UT_N_REGIONS, FALSE);

  if (!check_writable (self, error))
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

  if (!check_writable (self, error))
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
  if (!check_writable (self, error))
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

  if (out->n_needs_review > 0)
    out->state = UT_PLATFORM_STATE_CHANGED;
  else if (out->n_recheck_due > 0)
    out->state = UT_PLATFORM_STATE_RECHECK_DUE;
  else if (out->n_actions == 0)
    out->state = UT_PLATFORM_STATE_NOTHING_TO_DO;
  else if (out->n_done + out->n_skipped < out->n_actions)
    out->state = UT_PLATFORM_STATE_TODO;
  else
    out->state = UT_PLATFORM_STATE_DONE;
}

/* ---- export and import ------------------------------------------------------------------ */

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
    profiles = list_profiles (self);

  return build_json (self->default_recheck_days, profiles);
}

static UtRecord *
copy_record (const UtRecord *record)
{
  UtRecord *copy = g_new0 (UtRecord, 1);

  copy->platform = g_strdup (record->platform);
  copy->action = g_strdup (record->action);
  copy->state = record->state;
  copy->changed_at = record->changed_at != NULL ? g_date_time_ref (record->changed_at) : NULL;
  copy->done_at = record->done_at != NULL ? g_date_time_ref (record->done_at) : NULL;
  copy->verified_at = record->verified_at != NULL ? g_date_time_ref (record->verified_at) : NULL;
  copy->revision = record->revision;
  copy->note = g_strdup (record->note);

  return copy;
}

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
} Merge;

static void
merge_free (Merge *merge)
{
  g_clear_object (&merge->target);
  g_clear_object (&merge->from);
  g_free (merge->name);
  g_ptr_array_unref (merge->platforms);
  g_ptr_array_unref (merge->records);
  g_free (merge);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Merge, merge_free)

static gboolean
merge_is_empty (const Merge *merge)
{
  return merge->name == NULL && !merge->take_region && merge->platforms->len == 0 && merge->records->len == 0;
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
    _ut_profile_take_record (profile, copy_record (g_ptr_array_index (merge->records, i)));
}

static UtProfile *
copy_profile (UtProfile *profile)
{
  g_autoptr(GPtrArray) records = ut_profile_list_records (profile);
  const char * const *platforms = ut_profile_get_platforms (profile);
  UtProfile *copy = _ut_profile_new (ut_profile_get_id (profile), ut_profile_get_name (profile),
                                     ut_profile_get_region (profile),
                                     ut_profile_get_region_confirmed (profile));

  for (guint i = 0; platforms[i] != NULL; i++)
    _ut_profile_set_platform_used (copy, platforms[i], TRUE);
  for (guint i = 0; i < records->len; i++)
    _ut_profile_take_record (copy, copy_record (g_ptr_array_index (records, i)));

  return copy;
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

  base = g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), MAX_PROFILE_NAME_LENGTH - 12));
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
        return fail_parse (error, "a profile has an empty “id”");
      if (*name == '\0' || g_utf8_strlen (name, -1) > MAX_PROFILE_NAME_LENGTH)
        return fail_parse (error, "the name of profile “%s” is empty or longer than %d characters",
                           id, MAX_PROFILE_NAME_LENGTH);
      if (!g_hash_table_add (ids, (gpointer) id))
        return fail_parse (error, "profile “%s” is listed twice", id);
      if (!g_hash_table_add (names, g_utf8_casefold (name, -1)))
        return fail_parse (error, "two profiles are called “%s”", name);
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
  const char * const *platforms = ut_profile_get_platforms (from);
  Merge *merge = g_new0 (Merge, 1);

  merge->target = g_object_ref (target);
  merge->from = g_object_ref (from);
  merge->platforms = g_ptr_array_new ();
  merge->records = g_ptr_array_new ();

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
  switch (parse_progress (data != NULL ? data : "", length, imported, recheck_days, &local_error))
    {
    case PARSE_OK:
      if (check_backup_profiles (imported, &local_error))
        return g_steal_pointer (&imported);
      G_GNUC_FALLTHROUGH;
    case PARSE_CORRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This file is not a backup Untrain can import, so nothing was changed. (%s)"),
                   local_error->message);
      return NULL;
    case PARSE_FUTURE:
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

  if (!check_writable (self, error))
    return FALSE;

  /* Plan against the profiles as they will be, so that new names are checked against names
   * given earlier in the same import. Everything is looked up in hash tables: a backup may hold
   * tens of thousands of profiles. */
  live = list_profiles (self);
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

  if (!save_profiles (self, new_days ? recheck_days : self->default_recheck_days, saved, error))
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

      g_signal_emit (self, signals[RECORDS_CHANGED], 0, merge->target != NULL ? merge->target : merge->from, NULL);
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

  if (!check_writable (self, error) || (imported = read_backup (backup, &recheck_days, error)) == NULL)
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
