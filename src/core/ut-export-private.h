/* ut-export-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-export.h"

G_BEGIN_DECLS

/* What every format exports, built once by ut-export-model.c and read by the writers
 * (ut-export-text.c, ut-export-pdf.c): one chapter per profile, one section per platform it
 * uses, one item per action of the platform in the profile's region. */

typedef struct
{
  UtAction       *action;
  const UtRecord *record;   /* nullable: never touched */
  UtActionState   state;
  UtRecordFlags   flags;
  GDateTime      *recheck;  /* nullable: when to look again */
} UtExportItem;

typedef struct
{
  const char          *id;
  UtPlatform          *platform;  /* nullable: no longer in the catalog */
  const UtRegionOffer *offer;     /* nullable when platform is */
  const char          *account;   /* nullable */
  GArray              *items;     /* of UtExportItem, in the order to do them */
} UtExportSection;

typedef struct
{
  UtProfile *profile;
  GPtrArray *sections;  /* of UtExportSection*, by platform name */
} UtExportChapter;

typedef struct
{
  UtExportFormat  format;
  UtCatalog      *catalog;
  UtProgress     *progress;
  UtProfile      *profile;          /* nullable: all */
  GDateTime      *now;
  UtExportPaper   paper;
  GHashTable     *identities;       /* nullable */
  GPtrArray      *chapters;         /* of UtExportChapter*, one per profile */
  char           *today;            /* the day of @now, as every format writes it */
  char           *catalog_version;
} UtExportModel;

/* An open request and the day its answer is due. */
typedef struct
{
  const UtRequest *request;
  UtPlatform      *platform;  /* nullable: no longer in the catalog */
  GDate           *due;
} UtExportRequestDue;

/* Walks a model in document order. Writers that only list actions take the items alone; those
 * that also write headings stop at each chapter and section too, including empty ones. */
typedef struct
{
  /*< private >*/
  UtExportModel *model;
  gboolean       started;
  guint          chapter;
  guint          section;  /* 0 at the chapter's heading, else the section's index + 1 */
  guint          item;     /* 0 at the section's heading, else the item's index + 1 */
} UtExportIter;

void             _ut_export_model_init          (UtExportModel          *model,
                                                 UtExportFormat          format,
                                                 UtCatalog              *catalog,
                                                 UtProgress             *progress,
                                                 UtProfile              *profile,
                                                 const UtExportOptions  *options);
void             _ut_export_model_clear         (UtExportModel          *model);

void             _ut_export_iter_init           (UtExportIter           *iter,
                                                 UtExportModel          *model);
gboolean         _ut_export_iter_next           (UtExportIter           *iter,
                                                 UtExportChapter       **chapter,
                                                 UtExportSection       **section,
                                                 UtExportItem          **item);
gboolean         _ut_export_iter_next_item      (UtExportIter           *iter,
                                                 UtExportChapter       **chapter,
                                                 UtExportSection       **section,
                                                 UtExportItem          **item);

char            *_ut_export_format_day          (GDateTime              *date_time);
char            *_ut_export_versions_line       (UtExportModel          *model);
const char      *_ut_export_section_get_name    (const UtExportSection  *section);
char            *_ut_export_section_note        (const UtExportSection  *section);
GDateTime       *_ut_export_item_get_done_at    (const UtExportItem     *item);
gboolean         _ut_export_item_has_reminder   (const UtExportItem     *item);
gboolean         _ut_export_model_has_reminders (UtExportModel          *model);
GPtrArray       *_ut_export_request_dues        (UtExportModel          *model,
                                                 UtExportChapter        *chapter);

/* The writers: each returns the file's contents, or %NULL with @error set. */
GBytes          *_ut_export_markdown            (UtExportModel          *model,
                                                 GError                **error);
GBytes          *_ut_export_csv                 (UtExportModel          *model,
                                                 GError                **error);
GBytes          *_ut_export_ics                 (UtExportModel          *model,
                                                 GError                **error);
GBytes          *_ut_export_json                (UtExportModel          *model,
                                                 GError                **error);
GBytes          *_ut_export_pdf                 (UtExportModel          *model,
                                                 GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UtExportModel, _ut_export_model_clear)

G_END_DECLS
