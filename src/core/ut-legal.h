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

/* The languages letters are written in; legal citations are given in each ("Art. 21(1) GDPR",
 * "Art. 21 Abs. 1 DSGVO", "article 21, paragraphe 1, du RGPD"). */
typedef enum
{
  UT_LEGAL_LANGUAGE_EN,
  UT_LEGAL_LANGUAGE_DE,
  UT_LEGAL_LANGUAGE_FR,
} UtLegalLanguage;

#define UT_LEGAL_N_LANGUAGES (UT_LEGAL_LANGUAGE_FR + 1)

typedef enum
{
  UT_LEGAL_REQUEST_OBJECT,   /* object to the processing (GDPR Art. 21) */
  UT_LEGAL_REQUEST_OPT_OUT,  /* opt out of sale or sharing */
  UT_LEGAL_REQUEST_DELETE,   /* have one's data deleted */
} UtLegalRequest;

/* Texts in the letters' languages, indexed by UtLegalLanguage. */
typedef const char *UtLegalText[UT_LEGAL_N_LANGUAGES];

typedef struct
{
  const char     *id;                 /* "EU", "UK", "CH", "US-CA" */
  UtLegalText     law;                /* "Regulation (EU) 2016/679 (General Data Protection Regulation)" */
  UtLegalRequest  request;
  UtLegalText     request_article;    /* "Art. 21(1) GDPR" */
  UtLegalText     subject_citation;   /* in a letter's subject: the article, or a short name */
  gboolean        grounds_required;   /* the person must give grounds from their situation */
  UtLegalText     erasure_article;    /* each nullable */
  UtLegalText     residents_of;       /* each nullable: the law covers residents of this place only */
  gboolean        has_deadline;       /* the law sets a time for the answer */
  guint           deadline_months;    /* the answer is due this long after the request arrives */
  guint           deadline_days;
  UtLegalText     deadline_article;
  guint           extension_months;   /* how much longer the platform may take, if it says why */
  guint           extension_days;
  UtLegalText     complaint_article;  /* each nullable */
  UtLegalText     complaint_body;     /* each nullable: who takes complaints where there is no
                                       * regulator directory (US states) */
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
