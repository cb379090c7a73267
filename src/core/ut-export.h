/* ut-export.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-catalog.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_EXPORT_ERROR (ut_export_error_quark ())

typedef enum
{
  UT_EXPORT_ERROR_NOTHING_TO_EXPORT,  /* e.g. a calendar with no re-check to remind of */
  UT_EXPORT_ERROR_FAILED,             /* the PDF could not be drawn */
} UtExportError;

typedef enum
{
  UT_EXPORT_FORMAT_MARKDOWN,
  UT_EXPORT_FORMAT_CSV,
  UT_EXPORT_FORMAT_JSON,
  UT_EXPORT_FORMAT_ICS,
  UT_EXPORT_FORMAT_PDF,
} UtExportFormat;

#define UT_EXPORT_N_FORMATS (UT_EXPORT_FORMAT_PDF + 1)

typedef enum
{
  UT_EXPORT_PAPER_DEFAULT,  /* the locale's paper size (LC_PAPER), else A4 */
  UT_EXPORT_PAPER_A4,
  UT_EXPORT_PAPER_LETTER,
} UtExportPaper;

typedef struct
{
  GDateTime     *now;         /* nullable: the time the export is made; NULL for the clock */
  UtExportPaper  paper;       /* PDF only */
  GHashTable    *identities;  /* nullable: platform id → account e-mail of the exported
                               * profile. Exports carry no identity unless this is set. */
} UtExportOptions;

GQuark      ut_export_error_quark              (void);

const char *ut_export_format_to_string         (UtExportFormat          format);
gboolean    ut_export_format_from_string       (const char             *text,
                                                UtExportFormat         *format);
const char *ut_export_format_get_display_name  (UtExportFormat          format);
const char *ut_export_format_get_content_type  (UtExportFormat          format);
gboolean    ut_export_format_is_text           (UtExportFormat          format);
gboolean    ut_export_paper_from_string        (const char             *text,
                                                UtExportPaper          *paper);
void        ut_export_paper_get_size           (UtExportPaper           paper,
                                                double                 *width,
                                                double                 *height);
char       *ut_export_suggest_filename         (UtExportFormat          format,
                                                UtProfile              *profile,
                                                GDateTime              *now);

GBytes     *ut_export                          (UtExportFormat          format,
                                                UtCatalog              *catalog,
                                                UtProgress             *progress,
                                                UtProfile              *profile,
                                                const UtExportOptions  *options,
                                                GError                **error);
gboolean    ut_export_to_file                  (UtExportFormat          format,
                                                UtCatalog              *catalog,
                                                UtProgress             *progress,
                                                UtProfile              *profile,
                                                const UtExportOptions  *options,
                                                const char             *path,
                                                GError                **error);
void        ut_export_to_file_async            (UtExportFormat          format,
                                                UtCatalog              *catalog,
                                                UtProgress             *progress,
                                                UtProfile              *profile,
                                                const UtExportOptions  *options,
                                                const char             *path,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean    ut_export_to_file_finish           (GAsyncResult           *result,
                                                GError                **error);
gboolean    ut_export_has_reminders            (UtCatalog              *catalog,
                                                UtProgress             *progress,
                                                UtProfile              *profile);

G_END_DECLS
