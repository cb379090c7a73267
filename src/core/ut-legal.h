/* ut-legal.h — what the law of a person's region lets them ask a platform, and where to complain
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-region.h"

G_BEGIN_DECLS

#define UT_LEGAL_BUNDLED_RESOURCE "/io/github/untrain/Untrain/legal/legal.json"

typedef enum
{
  UT_LEGAL_REQUEST_OBJECT,   /* object to the processing (GDPR Art. 21) */
  UT_LEGAL_REQUEST_OPT_OUT,  /* opt out of sale or sharing */
  UT_LEGAL_REQUEST_DELETE,   /* have one's data deleted */
} UtLegalRequest;

typedef struct
{
  const char     *id;                 /* "EU", "UK", "CH", "US-CA" */
  const char     *law;                /* "Regulation (EU) 2016/679 (General Data Protection Regulation)" */
  const char     *law_short;          /* "GDPR" */
  UtLegalRequest  request;
  const char     *request_article;    /* "Art. 21(1) GDPR" */
  gboolean        grounds_required;   /* the person must give grounds from their situation */
  const char     *erasure_article;    /* nullable */
  const char     *residents_of;       /* nullable: the law covers residents of this place only */
  guint           deadline_months;    /* the answer is due this long after the request arrives */
  guint           deadline_days;
  const char     *deadline_article;
  guint           extension_months;   /* how much longer the platform may take, if it says why */
  guint           extension_days;
  const char     *complaint_article;  /* nullable */
  const char     *complaint_body;     /* nullable: who takes complaints when there is no regulator list */
  const char     *complaint_url;      /* nullable: their complaint page */
} UtLegalRights;

typedef struct
{
  const char  *id;             /* "de-by" */
  const char  *country;        /* ISO 3166-1 alpha-2, "DE"; the UK is "GB" */
  const char  *land;           /* nullable: a German Land, "BY" */
  const char  *name;
  const char  *name_en;        /* nullable */
  const char  *homepage;
  const char  *complaint_url;  /* nullable */
} UtRegulator;

#define UT_TYPE_LEGAL (ut_legal_get_type ())

G_DECLARE_FINAL_TYPE (UtLegal, ut_legal, UT, LEGAL, GObject)

UtLegal             *ut_legal_new_from_bytes      (GBytes      *bytes,
                                                   const char  *origin,
                                                   GError     **error);
UtLegal             *ut_legal_load_bundled        (GError     **error);
const UtLegalRights *ut_legal_get_rights          (UtLegal     *self,
                                                   UtRegion     region);
guint                ut_legal_get_n_regulators    (UtLegal     *self);
const UtRegulator   *ut_legal_get_regulator       (UtLegal     *self,
                                                   guint        index);
const UtRegulator   *ut_legal_find_regulator      (UtLegal     *self,
                                                   const char  *country,
                                                   const char  *land);
GDate               *ut_legal_add_period          (const GDate *start,
                                                   guint        months,
                                                   guint        days);
GDate               *ut_legal_rights_due_date     (const UtLegalRights *rights,
                                                   const GDate *received,
                                                   gboolean     extended);

G_END_DECLS
