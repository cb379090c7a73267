/* ut-letter.h — objections, reminders and complaints in a person's own words
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ut-export.h"
#include "ut-legal.h"
#include "ut-platform.h"

G_BEGIN_DECLS

#define UT_LETTER_ERROR (ut_letter_error_quark ())

typedef enum
{
  UT_LETTER_ERROR_NO_RIGHT,     /* the region's law gives no such request */
  UT_LETTER_ERROR_NO_GROUNDS,   /* the law asks for grounds and none were given */
  UT_LETTER_ERROR_NO_NAME,      /* a letter is signed */
  UT_LETTER_ERROR_NO_DATES,     /* a reminder or complaint needs the day the objection was sent */
  UT_LETTER_ERROR_NO_REGULATOR, /* a complaint needs someone to complain to */
  UT_LETTER_ERROR_FAILED,       /* the PDF could not be made */
} UtLetterError;

typedef enum
{
  UT_LETTER_OBJECTION,  /* to the platform: stop using my data for AI training */
  UT_LETTER_REMINDER,   /* to the platform: the answer is overdue */
  UT_LETTER_COMPLAINT,  /* to the regulator: the platform did not answer, or refused */
} UtLetterKind;

typedef struct
{
  UtLetterKind          kind;
  UtPlatform           *platform;
  const UtLegalRights  *rights;
  const UtRegulator    *regulator;   /* complaints: whom to; letters: named as the next step */
  UtLegalLanguage       language;
  const char           *name;        /* who signs */
  const char           *identity;    /* nullable: the account, only if the person chose to add it */
  const char           *grounds;     /* the person's own words; nullable where the law asks none */
  const GDate          *date;        /* the letter's date */
  const GDate          *sent;        /* reminders and complaints: when the objection was sent */
  const GDate          *due;         /* reminders and complaints: when the answer was due */
  gboolean              refused;     /* complaints: the platform answered and refused */
} UtLetterInput;

typedef struct _UtLetter UtLetter;

GQuark      ut_letter_error_quark    (void);
UtLetter   *ut_letter_new            (const UtLetterInput *input,
                                      GError             **error);
void        ut_letter_free           (UtLetter            *letter);
const char *ut_letter_get_subject    (UtLetter            *letter);
const char *ut_letter_get_body       (UtLetter            *letter);
const char *ut_letter_get_recipient  (UtLetter            *letter);
char       *ut_letter_to_text        (UtLetter            *letter);
char       *ut_letter_to_eml         (UtLetter            *letter,
                                      GDateTime           *now);
char       *ut_letter_to_mailto      (UtLetter            *letter);
GBytes     *ut_letter_to_pdf         (UtLetter            *letter,
                                      UtExportPaper        paper,
                                      GError             **error);
char       *ut_legal_format_date     (const GDate         *date,
                                      UtLegalLanguage      language);
gboolean    ut_legal_language_from_string (const char     *text,
                                      UtLegalLanguage     *language);
UtLegalLanguage ut_legal_language_for_locale (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtLetter, ut_letter_free)

G_END_DECLS
