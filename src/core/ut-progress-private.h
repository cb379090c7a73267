/* ut-progress-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-progress.h"

G_BEGIN_DECLS

/* UtProgress is written in three files, one per job: ut-progress.c (the object, its profiles and
 * the changes to them), ut-progress-file.c (the progress file: load, save, backups, recovery) and
 * ut-progress-import.c (reading a backup and merging it in). They share the struct and these. */

#define UT_MAX_PROFILE_NAME_LENGTH 64

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

typedef enum
{
  UT_PARSE_OK,
  UT_PARSE_CORRUPT,
  UT_PARSE_FUTURE,
} UtParseResult;

/* ut-progress.c */
gboolean       _ut_progress_check_writable          (UtProgress   *self,
                                                     GError      **error);
GPtrArray     *_ut_progress_list_profiles           (UtProgress   *self);
void           _ut_progress_emit_saved              (UtProgress   *self);
void           _ut_progress_emit_records_changed    (UtProgress   *self,
                                                     UtProfile    *profile,
                                                     const char   *platform_id);
gboolean       _ut_progress_has_control_characters  (const char   *text,
                                                     gboolean      allow_line_breaks);

/* ut-progress-file.c */
gboolean       _ut_progress_fail_parse              (GError      **error,
                                                     const char   *format,
                                                     ...) G_GNUC_PRINTF (2, 3);
UtParseResult  _ut_progress_parse                   (const char   *contents,
                                                     gsize         length,
                                                     GPtrArray    *profiles,
                                                     guint        *recheck_days,
                                                     GError      **error);
gboolean       _ut_progress_save_profiles           (UtProgress   *self,
                                                     guint         recheck_days,
                                                     GPtrArray    *profiles,
                                                     GError      **error);

gboolean       _ut_progress_adopt                   (UtProgress   *self,
                                                     JsonNode     *progress,
                                                     GError      **error);

G_END_DECLS
