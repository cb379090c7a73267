/* ut-export.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ut-export-private.h"
#include "ut-util.h"

/* The public face of exports: the formats, ut_export() choosing a writer, and writing the file.
 * The model is in ut-export-model.c, the writers in ut-export-text.c and ut-export-pdf.c. */

G_DEFINE_QUARK (ut-export-error-quark, ut_export_error)

static const struct
{
  const char *name;
  const char *content_type;
  gboolean    text;
} formats[UT_EXPORT_N_FORMATS] = {
  { "md", "text/markdown", TRUE },
  { "csv", "text/csv", TRUE },
  { "json", "application/json", TRUE },
  { "ics", "text/calendar", TRUE },
  { "pdf", "application/pdf", FALSE },
};

const char *
ut_export_format_to_string (UtExportFormat format)
{
  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
ut_export_format_from_string (const char     *text,
                              UtExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; text != NULL && i < UT_EXPORT_N_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (text, formats[i].name) == 0)
        {
          *format = (UtExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ut_export_format_get_display_name (UtExportFormat format)
{
  switch (format)
    {
    case UT_EXPORT_FORMAT_MARKDOWN:
      return _("Checklist (Markdown)");
    case UT_EXPORT_FORMAT_CSV:
      return _("Spreadsheet (CSV)");
    case UT_EXPORT_FORMAT_JSON:
      return _("Backup (JSON)");
    case UT_EXPORT_FORMAT_ICS:
      return _("Re-check reminders (iCalendar)");
    case UT_EXPORT_FORMAT_PDF:
      return _("Printable checklist (PDF)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ut_export_format_get_content_type (UtExportFormat format)
{
  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);
  return formats[format].content_type;
}

gboolean
ut_export_format_is_text (UtExportFormat format)
{
  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, FALSE);
  return formats[format].text;
}

gboolean
ut_export_paper_from_string (const char    *text,
                             UtExportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = UT_EXPORT_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = UT_EXPORT_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * ut_export_suggest_filename:
 * @profile: (nullable): the profile exported, %NULL for all
 * @now: (nullable): the date to put in the name; %NULL for today
 *
 * Returns: (transfer full): a file name such as `untrain-checklist-me-2026-12-01.md`
 */
char *
ut_export_suggest_filename (UtExportFormat  format,
                            UtProfile      *profile,
                            GDateTime      *now)
{
  g_autoptr(GDateTime) today = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autofree char *day = _ut_export_format_day (today);
  const char *kind;

  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);

  kind = format == UT_EXPORT_FORMAT_JSON ? "backup" : format == UT_EXPORT_FORMAT_ICS ? "rechecks" : "checklist";
  if (profile == NULL)
    return g_strdup_printf ("untrain-%s-%s.%s", kind, day, formats[format].name);

  return g_strdup_printf ("untrain-%s-%s-%s.%s", kind, ut_profile_get_id (profile), day, formats[format].name);
}

/* ---- entry points ----------------------------------------------------------------------- */

/**
 * ut_export:
 * @profile: (nullable): the profile to export; %NULL for every profile
 * @options: (nullable): the time, paper size and identities; %NULL for the defaults
 *
 * Makes an export in @format of the same data: the actions of each platform the profile uses,
 * for its region, with what the user recorded. Every format names Untrain's version, the catalog
 * version and the date. Account identities appear only if @options has them.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
ut_export (UtExportFormat          format,
           UtCatalog              *catalog,
           UtProgress             *progress,
           UtProfile              *profile,
           const UtExportOptions  *options,
           GError                **error)
{
  static const UtExportOptions defaults = { NULL, UT_EXPORT_PAPER_DEFAULT, NULL };
  g_auto(UtExportModel) model = { 0 };

  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (profile == NULL || UT_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  /* Identities belong to one profile: exporting them for all would mix people up. */
  g_return_val_if_fail (profile != NULL || options->identities == NULL, NULL);

  _ut_export_model_init (&model, format, catalog, progress, profile, options);

  if (format != UT_EXPORT_FORMAT_JSON && model.chapters->len == 0)
    {
      g_set_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_NOTHING_TO_EXPORT,
                   _("There is no profile to export yet. Choose your platforms first."));
      return NULL;
    }

  switch (format)
    {
    case UT_EXPORT_FORMAT_MARKDOWN:
      return _ut_export_markdown (&model, error);
    case UT_EXPORT_FORMAT_CSV:
      return _ut_export_csv (&model, error);
    case UT_EXPORT_FORMAT_JSON:
      return _ut_export_json (&model, error);
    case UT_EXPORT_FORMAT_ICS:
      return _ut_export_ics (&model, error);
    case UT_EXPORT_FORMAT_PDF:
      return _ut_export_pdf (&model, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ut_export_has_reminders:
 * @profile: (nullable): the profile; %NULL for every profile
 *
 * Whether an iCalendar export would have any event, so that a user interface can say there is
 * nothing to remind of before a file is chosen rather than after. ut_export() fails with
 * %UT_EXPORT_ERROR_NOTHING_TO_EXPORT exactly when this is %FALSE.
 */
gboolean
ut_export_has_reminders (UtCatalog  *catalog,
                         UtProgress *progress,
                         UtProfile  *profile)
{
  static const UtExportOptions defaults = { NULL, UT_EXPORT_PAPER_DEFAULT, NULL };
  g_auto(UtExportModel) model = { 0 };

  g_return_val_if_fail (UT_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), FALSE);
  g_return_val_if_fail (profile == NULL || UT_IS_PROFILE (profile), FALSE);

  _ut_export_model_init (&model, UT_EXPORT_FORMAT_ICS, catalog, progress, profile, &defaults);
  return _ut_export_model_has_reminders (&model);
}

/* ---- writing the file ------------------------------------------------------------------- */

static const char *
format_noun (UtExportFormat format)
{
  switch (format)
    {
    case UT_EXPORT_FORMAT_JSON:
      /* Translators: used as in "Could not write the backup to …" */
      return _("the backup");
    case UT_EXPORT_FORMAT_ICS:
      /* Translators: used as in "Could not write the calendar to …" */
      return _("the calendar");
    case UT_EXPORT_FORMAT_MARKDOWN:
    case UT_EXPORT_FORMAT_CSV:
    case UT_EXPORT_FORMAT_PDF:
    default:
      /* Translators: used as in "Could not write the checklist to …" */
      return _("the checklist");
    }
}

/* GLib's messages name a temporary file the user never chose; say what happened to theirs. */
static GError *
write_error (UtExportFormat  format,
             const char     *path,
             const GError   *cause)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (directory);
  g_autofree char *file = g_filename_display_name (path);
  const char *what = format_noun (format);
  int code = cause->domain == G_FILE_ERROR ? cause->code : G_FILE_ERROR_FAILED;

  switch (code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      /* Translators: "Could not write the checklist to /home/me/Documents: permission denied. …" */
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s: permission denied. Choose another folder."),
                          what, folder);
    case G_FILE_ERROR_NOSPC:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s: the disk is full. Free some space or choose another disk."),
                          what, folder);
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s: the folder does not exist. Choose another folder."),
                          what, folder);
    case G_FILE_ERROR_ISDIR:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s: %s is a folder. Choose a file name."),
                          what, file);
    case G_FILE_ERROR_NAMETOOLONG:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s: the name %s is too long. Choose a shorter name."),
                          what, file);
    default:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s (%s). Choose another folder."),
                          what, folder, cause->message);
    }
}

static gboolean
write_bytes (UtExportFormat   format,
             GBytes          *bytes,
             gboolean         has_identities,
             const char      *path,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GStatBuf info;

  /* The atomic write would put a regular file in the place of a device or a FIFO (run as root,
   * --output=/dev/full turned the device into a file). A symbolic link is replaced by the new file
   * and what it points to is left alone, like any file that is replaced. */
  if (g_lstat (path, &info) == 0 && !S_ISREG (info.st_mode) && !S_ISLNK (info.st_mode) && !S_ISDIR (info.st_mode))
    {
      g_autofree char *file = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Could not write %s: %s is not a regular file (a device, a pipe or a socket), "
                     "so Untrain does not replace it. Choose a file name."),
                   format_noun (format), file);
      return FALSE;
    }

  /* A temporary file beside the target, renamed over it once complete: GLib removes the
   * temporary file itself when writing fails, so a full disk leaves nothing behind. */
  /* Account e-mails are for the user's eyes only, like the keyring they came from. */
  if (!ut_write_file_atomic (path, data != NULL ? data : "", length, has_identities ? 0600 : 0644,
                             &local_error))
    {
      g_propagate_error (error, write_error (format, path, local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * ut_export_to_file:
 * @path: the file to write; it is replaced atomically
 *
 * Like ut_export(), written to @path: completely or, on failure, not at all. Failures come with a
 * sentence for the user (in the %G_FILE_ERROR domain when writing failed).
 */
gboolean
ut_export_to_file (UtExportFormat          format,
                   UtCatalog              *catalog,
                   UtProgress             *progress,
                   UtProfile              *profile,
                   const UtExportOptions  *options,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ut_export (format, catalog, progress, profile, options, error);
  if (bytes == NULL)
    return FALSE;

  return write_bytes (format, bytes, options != NULL && options->identities != NULL, path, error);
}

typedef struct
{
  UtExportFormat  format;
  GBytes         *bytes;
  gboolean        has_identities;
  char           *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (write_bytes (data->format, data->bytes, data->has_identities, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ut_export_to_file_async:
 *
 * Like ut_export_to_file(), but the file is written (and synced to disk) in a worker thread. The
 * export itself is made before this returns, from the progress as it is now, so the caller may
 * go on changing progress.
 */
void
ut_export_to_file_async (UtExportFormat          format,
                         UtCatalog              *catalog,
                         UtProgress             *progress,
                         UtProfile              *profile,
                         const UtExportOptions  *options,
                         const char             *path,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;
  GBytes *bytes;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_export_to_file_async);

  bytes = ut_export (format, catalog, progress, profile, options, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (WriteData, 1);
  data->format = format;
  data->bytes = bytes;
  data->has_identities = options != NULL && options->identities != NULL;
  data->path = g_strdup (path);
  /* Not cancellable once started: the write is all or nothing anyway. */
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ut_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ut_export_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
