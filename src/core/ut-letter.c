/* ut-letter.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-letter"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ut-letter.h"
#include "ut-util.h"

/* The wordings below are format strings chosen by language at run time, so the compiler cannot
 * check them against their arguments; every one is exercised in each language by test-letter. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* A letter is written in English, German or French whatever the interface's language: the person
 * writes to a company or an authority in the language it reads. So the wording is here, one table
 * per language, not in gettext catalogs. The person's grounds go in as they wrote them; the app
 * never supplies a ground of its own. Legal citations come from the legal data, in each language. */

struct _UtLetter
{
  char *recipient;   /* e-mail address, nullable */
  char *address;     /* the addressee block, nullable */
  char *subject;
  char *body;
};

typedef struct
{
  const char *code;
  const char *months[12];
  const char *date_format;         /* %1$d day, %2$s month, %3$d year */
  const char *subject[3];          /* per UtLegalRequest: %s the article */
  const char *subject_reminder;    /* %s date, %s article */
  const char *subject_complaint;   /* %s platform, %s article */
  const char *salutation;
  const char *intro;               /* %s platform */
  const char *intro_account;       /* %s platform, %s account */
  const char *residence;           /* %s "in California" */
  const char *request[3];          /* per UtLegalRequest: %s article */
  const char *grounds_required;
  const char *grounds_optional;
  const char *asks;
  const char *ask_stop;
  const char *ask_erase;           /* %s article */
  const char *ask_confirm;
  const char *deadline;            /* %s article, %s period */
  const char *next_step;           /* %s regulator */
  const char *next_step_no_deadline; /* %s regulator */
  const char *reminder;            /* %s date sent, %s article, %s article, %s due date */
  const char *reminder_next;       /* %s regulator */
  const char *complaint;           /* %s article, %s platform */
  const char *complaint_sent;      /* %s date sent, %s article */
  const char *complaint_due;       /* %s article, %s due date */
  const char *complaint_silent;
  const char *complaint_refused;   /* %s platform */
  const char *complaint_ask;       /* %s platform */
  const char *complaint_attached;
  const char *closing;
  const char *one_month;
  const char *months_n;            /* %u */
  const char *days_n;              /* %u */
  const char *and;
} Wording;

static const Wording wordings[UT_LEGAL_N_LANGUAGES] = {
  {
    "en",
    { "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December" },
    "%1$d %2$s %3$d",
    { "Objection to the use of my personal data for AI training (%s)",
      "Request not to sell or share my personal information (%s)",
      "Request to delete my personal information, including for AI training (%s)" },
    "Reminder: my request of %s under %s has not been answered",
    "Complaint about %s (%s)",
    "Dear Sir or Madam,",
    "I use %s.",
    "I use %s with the account %s.",
    "I live %s.",
    { "Under %s, I object to the processing of my personal data for developing, training and improving artificial intelligence models, including any such processing you base on your legitimate interests.",
      "Under %s, I direct you not to sell or share my personal information, including with third parties for training artificial intelligence models.",
      "Under %s, I request that you delete the personal information you have collected from me, including any copies in data used to train artificial intelligence models." },
    "My grounds, relating to my particular situation:",
    "My reasons:",
    "I ask you to:",
    "stop processing my personal data for training or improving AI models, and not use it for this in future;",
    "erase my personal data from the data you use to train AI models (%s);",
    "confirm to me in writing what you have done.",
    "Under %s, your answer is due within %s of receiving this letter.",
    "If I do not receive an answer in time, I may lodge a complaint with the competent authority: %s.",
    "If you do not comply with my request, I may lodge a complaint with the competent authority: %s.",
    "On %s I sent you my request under %s. Under %s, your answer was due by %s. I have not received it.",
    "Please answer without further delay. Otherwise I will lodge a complaint with the competent authority: %s.",
    "I am lodging a complaint under %s about %s.",
    "On %s I sent it my request under %s, concerning the use of my personal data for training artificial intelligence models.",
    "Under %s, the answer was due by %s.",
    "I have received no answer.",
    "%s refused my request.",
    "I ask you to examine my complaint and to ensure that %s complies with my request.",
    "A copy of my request, and of any answer, is attached.",
    "Yours faithfully,",
    "one month", "%u months", "%u days", "and",
  },
  {
    "de",
    { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
      "Oktober", "November", "Dezember" },
    "%1$d. %2$s %3$d",
    { "Widerspruch gegen die Verwendung meiner personenbezogenen Daten für KI-Training (%s)",
      "Widerspruch gegen den Verkauf und die Weitergabe meiner personenbezogenen Daten (%s)",
      "Antrag auf Löschung meiner personenbezogenen Daten, auch für KI-Training (%s)" },
    "Erinnerung: Mein Antrag vom %s nach %s ist unbeantwortet",
    "Beschwerde über %s (%s)",
    "Sehr geehrte Damen und Herren,",
    "ich nutze %s.",
    "ich nutze %s mit dem Konto %s.",
    "Ich wohne %s.",
    { "Gemäß %s widerspreche ich der Verarbeitung meiner personenbezogenen Daten zur Entwicklung, zum Training und zur Verbesserung von Modellen der künstlichen Intelligenz, einschließlich jeder solchen Verarbeitung, die Sie auf Ihre berechtigten Interessen stützen.",
      "Gemäß %s fordere ich Sie auf, meine personenbezogenen Daten weder zu verkaufen noch weiterzugeben, auch nicht an Dritte zum Training von Modellen der künstlichen Intelligenz.",
      "Gemäß %s beantrage ich, die personenbezogenen Daten zu löschen, die Sie über mich erhoben haben, einschließlich Kopien in Daten zum Training von Modellen der künstlichen Intelligenz." },
    "Meine Gründe, die sich aus meiner besonderen Situation ergeben:",
    "Meine Gründe:",
    "Ich bitte Sie,",
    "die Verarbeitung meiner personenbezogenen Daten zum Training oder zur Verbesserung von KI-Modellen einzustellen und sie künftig nicht mehr dafür zu verwenden;",
    "meine personenbezogenen Daten aus den Daten zu löschen, mit denen Sie KI-Modelle trainieren (%s);",
    "mir schriftlich zu bestätigen, was Sie veranlasst haben.",
    "Nach %s ist Ihre Antwort innerhalb von %s nach Eingang dieses Schreibens fällig.",
    "Erhalte ich nicht rechtzeitig eine Antwort, kann ich mich bei der zuständigen Aufsichtsbehörde beschweren: %s.",
    "Kommen Sie meinem Antrag nicht nach, kann ich mich bei der zuständigen Aufsichtsbehörde beschweren: %s.",
    "am %s habe ich Ihnen meinen Antrag nach %s geschickt. Nach %s war Ihre Antwort bis zum %s fällig. Ich habe keine Antwort erhalten.",
    "Bitte antworten Sie unverzüglich. Andernfalls werde ich mich bei der zuständigen Aufsichtsbehörde beschweren: %s.",
    "hiermit beschwere ich mich nach %s über %s.",
    "Am %s habe ich dem Unternehmen meinen Antrag nach %s geschickt; er betrifft die Verwendung meiner personenbezogenen Daten zum Training von Modellen der künstlichen Intelligenz.",
    "Nach %s war die Antwort bis zum %s fällig.",
    "Ich habe keine Antwort erhalten.",
    "%s hat meinen Antrag abgelehnt.",
    "Ich bitte Sie, meine Beschwerde zu prüfen und dafür zu sorgen, dass %s meinem Antrag nachkommt.",
    "Eine Kopie meines Antrags und einer etwaigen Antwort liegt bei.",
    "Mit freundlichen Grüßen",
    "einem Monat", "%u Monaten", "%u Tagen", "und",
  },
  {
    "fr",
    { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre" },
    "%1$d %2$s %3$d",
    { "Opposition à l’utilisation de mes données personnelles pour l’entraînement de l’IA (%s)",
      "Demande de ne pas vendre ni partager mes données personnelles (%s)",
      "Demande de suppression de mes données personnelles, y compris pour l’entraînement de l’IA (%s)" },
    "Relance : ma demande du %s fondée sur %s est restée sans réponse",
    "Réclamation concernant %s (%s)",
    "Madame, Monsieur,",
    "J’utilise %s.",
    "J’utilise %s avec le compte %s.",
    "Je réside %s.",
    { "En application de %s, je m’oppose au traitement de mes données à caractère personnel aux fins du développement, de l’entraînement et de l’amélioration de modèles d’intelligence artificielle, y compris tout traitement de cette nature que vous fondez sur vos intérêts légitimes.",
      "En application de %s, je vous demande de ne pas vendre ni partager mes données personnelles, y compris avec des tiers pour l’entraînement de modèles d’intelligence artificielle.",
      "En application de %s, je vous demande de supprimer les données personnelles que vous avez collectées à mon sujet, y compris leurs copies dans les données servant à entraîner des modèles d’intelligence artificielle." },
    "Mes raisons, tenant à ma situation particulière :",
    "Mes raisons :",
    "Je vous demande :",
    "de cesser de traiter mes données à caractère personnel pour entraîner ou améliorer des modèles d’IA, et de ne plus les utiliser à cette fin ;",
    "d’effacer mes données à caractère personnel des données que vous utilisez pour entraîner des modèles d’IA (%s) ;",
    "de me confirmer par écrit les mesures prises.",
    "En application de %s, votre réponse doit me parvenir dans un délai %s à compter de la réception de la présente lettre.",
    "À défaut de réponse dans ce délai, je pourrai introduire une réclamation auprès de l’autorité compétente : %s.",
    "Si vous ne donnez pas suite à ma demande, je pourrai introduire une réclamation auprès de l’autorité compétente : %s.",
    "Le %s, je vous ai adressé ma demande fondée sur %s. En application de %s, votre réponse devait me parvenir au plus tard le %s. Je ne l’ai pas reçue.",
    "Je vous prie de me répondre sans plus tarder. À défaut, j’introduirai une réclamation auprès de l’autorité compétente : %s.",
    "J’introduis par la présente, en application de %s, une réclamation concernant %s.",
    "Le %s, je lui ai adressé ma demande fondée sur %s, concernant l’utilisation de mes données personnelles pour l’entraînement de modèles d’intelligence artificielle.",
    "En application de %s, la réponse devait me parvenir au plus tard le %s.",
    "Je n’ai reçu aucune réponse.",
    "%s a refusé ma demande.",
    "Je vous demande d’examiner ma réclamation et de veiller à ce que %s donne suite à ma demande.",
    "Vous trouverez ci-joint une copie de ma demande et, le cas échéant, de la réponse.",
    "Veuillez agréer, Madame, Monsieur, l’expression de mes salutations distinguées.",
    "d’un mois", "de %u mois", "de %u jours", "et",
  },
};

G_DEFINE_QUARK (ut-letter-error-quark, ut_letter_error)

/**
 * ut_legal_format_date:
 *
 * Returns: (transfer full): @date as a letter in @language writes it ("3 November 2026",
 *   "3. November 2026", "3 novembre 2026")
 */
char *
ut_legal_format_date (const GDate     *date,
                      UtLegalLanguage  language)
{
  const Wording *w = &wordings[language];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (language < UT_LEGAL_N_LANGUAGES, NULL);

  return g_strdup_printf (w->date_format, g_date_get_day (date), w->months[g_date_get_month (date) - 1],
                          g_date_get_year (date));
}

gboolean
ut_legal_language_from_string (const char      *text,
                               UtLegalLanguage *language)
{
  for (guint i = 0; i < UT_LEGAL_N_LANGUAGES; i++)
    if (g_strcmp0 (text, wordings[i].code) == 0)
      {
        *language = (UtLegalLanguage) i;
        return TRUE;
      }
  return FALSE;
}

/* The first of the user's languages a letter can be written in; English otherwise. */
UtLegalLanguage
ut_legal_language_for_locale (void)
{
  const char * const *names = g_get_language_names ();
  UtLegalLanguage language;

  for (guint i = 0; names[i] != NULL; i++)
    if (ut_legal_language_from_string (names[i], &language))
      return language;
  return UT_LEGAL_LANGUAGE_EN;
}

static char *
format_period (const Wording *w,
               guint          months,
               guint          days)
{
  g_autofree char *month_text = NULL;
  g_autofree char *day_text = NULL;

  if (months == 1)
    month_text = g_strdup (w->one_month);
  else if (months > 1)
    month_text = g_strdup_printf (w->months_n, months);
  if (days > 0)
    day_text = g_strdup_printf (w->days_n, days);

  if (month_text != NULL && day_text != NULL)
    return g_strdup_printf ("%s %s %s", month_text, w->and, day_text);
  return g_strdup (month_text != NULL ? month_text : day_text);
}

/* French cites "l’article 21 …" in running text and "article 21 …" in a subject. */
static char *
cite (UtLegalLanguage  language,
      const char      *article)
{
  if (language == UT_LEGAL_LANGUAGE_FR && g_str_has_prefix (article, "article"))
    return g_strconcat ("l’", article, NULL);
  return g_strdup (article);
}

static const char *
regulator_name (const UtRegulator *regulator,
                UtLegalLanguage    language)
{
  if (regulator == NULL)
    return NULL;
  return language == UT_LEGAL_LANGUAGE_EN && regulator->name_en != NULL ? regulator->name_en : regulator->name;
}

/* Who takes a complaint: the person's regulator, or the body the law names (US states). */
static const char *
complaint_target (const UtLetterInput *input)
{
  const char *name = regulator_name (input->regulator, input->language);

  return name != NULL ? name : input->rights->complaint_body[input->language];
}

static void
append_paragraph (GString    *body,
                  const char *text)
{
  if (body->len > 0)
    g_string_append (body, "\n\n");
  g_string_append (body, text);
}

static void
write_objection (const UtLetterInput *input,
                 UtLetter            *letter,
                 GString             *body)
{
  const Wording *w = &wordings[input->language];
  const UtLegalRights *rights = input->rights;
  const char *platform = ut_platform_get_short_name (input->platform);
  g_autofree char *article = cite (input->language, rights->request_article[input->language]);
  g_autofree char *intro = NULL;
  g_autofree char *request = NULL;
  g_autofree char *grounds = NULL;
  int item = 1;

  letter->subject = g_strdup_printf (w->subject[rights->request], rights->subject_citation[input->language]);

  intro = input->identity != NULL ? g_strdup_printf (w->intro_account, platform, input->identity)
                                  : g_strdup_printf (w->intro, platform);
  if (rights->residents_of[input->language] != NULL)
    {
      g_autofree char *residence = g_strdup_printf (w->residence, rights->residents_of[input->language]);
      g_autofree char *both = g_strconcat (intro, " ", residence, NULL);

      append_paragraph (body, both);
    }
  else
    append_paragraph (body, intro);

  request = g_strdup_printf (w->request[rights->request], article);
  append_paragraph (body, request);

  if (input->grounds != NULL && *input->grounds != '\0')
    {
      grounds = g_strdup_printf ("%s\n\n%s", rights->grounds_required ? w->grounds_required : w->grounds_optional,
                                 input->grounds);
      append_paragraph (body, grounds);
    }

  /* What they ask for: an objection asks to stop, and to erase where the law allows. */
  append_paragraph (body, w->asks);
  if (rights->request == UT_LEGAL_REQUEST_OBJECT)
    g_string_append_printf (body, "\n%d. %s", item++, w->ask_stop);
  if (rights->erasure_article[input->language] != NULL)
    {
      g_autofree char *erase = g_strdup_printf (w->ask_erase, rights->erasure_article[input->language]);

      g_string_append_printf (body, "\n%d. %s", item++, erase);
    }
  g_string_append_printf (body, "\n%d. %s", item, w->ask_confirm);

  if (rights->has_deadline)
    {
      g_autofree char *deadline_article = cite (input->language, rights->deadline_article[input->language]);
      g_autofree char *period = format_period (w, rights->deadline_months, rights->deadline_days);
      g_autofree char *deadline = g_strdup_printf (w->deadline, deadline_article, period);

      append_paragraph (body, deadline);
    }
  if (complaint_target (input) != NULL)
    {
      g_autofree char *next = g_strdup_printf (rights->has_deadline ? w->next_step : w->next_step_no_deadline,
                                               complaint_target (input));

      append_paragraph (body, next);
    }
}

static void
write_reminder (const UtLetterInput *input,
                UtLetter            *letter,
                GString             *body)
{
  const Wording *w = &wordings[input->language];
  const UtLegalRights *rights = input->rights;
  g_autofree char *sent = ut_legal_format_date (input->sent, input->language);
  g_autofree char *due = ut_legal_format_date (input->due, input->language);
  g_autofree char *article = cite (input->language, rights->request_article[input->language]);
  g_autofree char *deadline_article = cite (input->language, rights->deadline_article[input->language]);
  g_autofree char *text = g_strdup_printf (w->reminder, sent, article, deadline_article, due);

  letter->subject = g_strdup_printf (w->subject_reminder, sent, rights->subject_citation[input->language]);
  append_paragraph (body, text);
  if (complaint_target (input) != NULL)
    {
      g_autofree char *next = g_strdup_printf (w->reminder_next, complaint_target (input));

      append_paragraph (body, next);
    }
}

static void
write_complaint (const UtLetterInput *input,
                 UtLetter            *letter,
                 GString             *body)
{
  const Wording *w = &wordings[input->language];
  const UtLegalRights *rights = input->rights;
  const char *platform = ut_platform_get_owner (input->platform) != NULL ? ut_platform_get_owner (input->platform)
                                                                         : ut_platform_get_short_name (input->platform);
  const char *complaint_article = rights->complaint_article[input->language] != NULL
                                  ? rights->complaint_article[input->language] : rights->law[input->language];
  g_autofree char *sent = ut_legal_format_date (input->sent, input->language);
  g_autofree char *article = cite (input->language, rights->request_article[input->language]);
  g_autofree char *cited_complaint = cite (input->language, complaint_article);
  g_autofree char *opening = g_strdup_printf (w->complaint, cited_complaint, platform);
  g_autofree char *history = g_strdup_printf (w->complaint_sent, sent, article);
  g_autofree char *ask = g_strdup_printf (w->complaint_ask, platform);

  letter->subject = g_strdup_printf (w->subject_complaint, platform,
                                     rights->complaint_article[input->language] != NULL
                                     ? rights->complaint_article[input->language]
                                     : rights->subject_citation[input->language]);
  append_paragraph (body, opening);
  if (input->identity != NULL)
    {
      g_autofree char *account = g_strdup_printf (w->intro_account, ut_platform_get_short_name (input->platform),
                                                  input->identity);

      /* German opens the letter in lower case after the salutation; this sentence starts one. */
      if (input->language == UT_LEGAL_LANGUAGE_DE)
        account[0] = g_ascii_toupper (account[0]);
      append_paragraph (body, account);
    }
  append_paragraph (body, history);
  if (rights->has_deadline && input->due != NULL)
    {
      g_autofree char *due = ut_legal_format_date (input->due, input->language);
      g_autofree char *deadline_article = cite (input->language, rights->deadline_article[input->language]);
      g_autofree char *deadline = g_strdup_printf (w->complaint_due, deadline_article, due);

      g_string_append_c (body, ' ');
      g_string_append (body, deadline);
    }
  g_string_append_c (body, ' ');
  if (input->refused)
    g_string_append_printf (body, w->complaint_refused, ut_platform_get_short_name (input->platform));
  else
    g_string_append (body, w->complaint_silent);
  append_paragraph (body, ask);
  append_paragraph (body, w->complaint_attached);
}

/**
 * ut_letter_new:
 *
 * Writes the letter @input describes. An objection needs the region's right, a name, and the
 * person's own grounds where the law asks for them; a reminder or complaint needs the day the
 * objection was sent; a complaint needs a regulator or a body the law names.
 *
 * Returns: (transfer full) (nullable): the letter, or %NULL with @error saying what is missing
 */
UtLetter *
ut_letter_new (const UtLetterInput  *input,
               GError              **error)
{
  g_autoptr(UtLetter) letter = g_new0 (UtLetter, 1);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *grounds = NULL;
  const Wording *w;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (UT_IS_PLATFORM (input->platform), NULL);
  g_return_val_if_fail (input->language < UT_LEGAL_N_LANGUAGES, NULL);
  g_return_val_if_fail (input->date != NULL && g_date_valid (input->date), NULL);

  w = &wordings[input->language];
  if (input->rights == NULL)
    {
      g_set_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_RIGHT,
                   _("Untrain knows of no right in your region to ask this of a platform."));
      return NULL;
    }
  name = input->name != NULL ? g_strstrip (g_strdup (input->name)) : NULL;
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_NAME, _("Give the name to sign the letter with."));
      return NULL;
    }
  grounds = input->grounds != NULL ? g_strstrip (g_strdup (input->grounds)) : NULL;
  if (input->kind == UT_LETTER_OBJECTION && input->rights->grounds_required && (grounds == NULL || *grounds == '\0'))
    {
      g_set_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_GROUNDS,
                   _("The law asks you to give grounds relating to your particular situation. Write them in your own words."));
      return NULL;
    }
  if (input->kind != UT_LETTER_OBJECTION && (input->sent == NULL || !g_date_valid (input->sent) ||
                                             (input->rights->has_deadline && input->due == NULL)))
    {
      g_set_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_DATES,
                   _("A reminder or complaint needs the day you sent your objection."));
      return NULL;
    }
  if (input->kind != UT_LETTER_OBJECTION && complaint_target (input) == NULL)
    {
      g_set_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_REGULATOR,
                   _("Choose your data-protection authority in Preferences first."));
      return NULL;
    }

  switch (input->kind)
    {
    case UT_LETTER_OBJECTION:
      write_objection (input, letter, body);
      break;
    case UT_LETTER_REMINDER:
      write_reminder (input, letter, body);
      break;
    case UT_LETTER_COMPLAINT:
      write_complaint (input, letter, body);
      break;
    default:
      g_assert_not_reached ();
    }

  date = ut_legal_format_date (input->date, input->language);
  letter->body = g_strdup_printf ("%s\n\n%s\n\n%s\n\n%s\n%s", date, w->salutation, body->str, w->closing, name);

  if (input->kind == UT_LETTER_COMPLAINT)
    {
      const UtRegulator *regulator = input->regulator;

      /* Where to file it: the authority's complaint page, or the one the law names. */
      if (regulator != NULL)
        letter->address = regulator->complaint_url != NULL
                          ? g_strdup_printf ("%s\n%s", regulator_name (regulator, input->language), regulator->complaint_url)
                          : g_strdup (regulator_name (regulator, input->language));
      else if (input->rights->complaint_url != NULL)
        letter->address = g_strdup_printf ("%s\n%s", complaint_target (input), input->rights->complaint_url);
    }
  else
    {
      letter->recipient = g_strdup (ut_platform_get_contact_email (input->platform));
      letter->address = g_strdup (ut_platform_get_contact_postal (input->platform));
    }

  return g_steal_pointer (&letter);
}

void
ut_letter_free (UtLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->recipient);
  g_free (letter->address);
  g_free (letter->subject);
  g_free (letter->body);
  g_free (letter);
}

const char *
ut_letter_get_subject (UtLetter *letter)
{
  return letter->subject;
}

const char *
ut_letter_get_body (UtLetter *letter)
{
  return letter->body;
}

/* The e-mail address the platform gives for such requests, or %NULL. */
const char *
ut_letter_get_recipient (UtLetter *letter)
{
  return letter->recipient;
}

/* The letter as plain text: the addressee, the subject, the letter. */
char *
ut_letter_to_text (UtLetter *letter)
{
  GString *text = g_string_new (NULL);

  if (letter->address != NULL)
    g_string_append_printf (text, "%s\n\n", letter->address);
  if (letter->recipient != NULL)
    g_string_append_printf (text, "%s\n\n", letter->recipient);
  g_string_append_printf (text, "%s\n\n%s\n", letter->subject, letter->body);
  return g_string_free (text, FALSE);
}

/* An RFC 5322 message with a UTF-8 subject (RFC 2047) and body, for a mail client to open. */
char *
ut_letter_to_eml (UtLetter  *letter,
                  GDateTime *now)
{
  g_autofree char *subject = g_base64_encode ((const guchar *) letter->subject, strlen (letter->subject));
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S %z");
  g_auto(GStrv) lines = g_strsplit (letter->body, "\n", -1);
  GString *eml = g_string_new (NULL);

  if (letter->recipient != NULL)
    g_string_append_printf (eml, "To: %s\r\n", letter->recipient);
  g_string_append_printf (eml, "Subject: =?UTF-8?B?%s?=\r\n", subject);
  g_string_append_printf (eml, "Date: %s\r\n", date);
  g_string_append (eml, "MIME-Version: 1.0\r\n"
                        "Content-Type: text/plain; charset=UTF-8\r\n"
                        "Content-Transfer-Encoding: 8bit\r\n"
                        "X-Unsent: 1\r\n"
                        "\r\n");
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (eml, "%s\r\n", lines[i]);
  return g_string_free (eml, FALSE);
}

/* A mailto: link that opens the letter in the person's mail client, or %NULL without an address. */
char *
ut_letter_to_mailto (UtLetter *letter)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *to = NULL;

  if (letter->recipient == NULL)
    return NULL;

  to = g_uri_escape_string (letter->recipient, "@", FALSE);
  subject = g_uri_escape_string (letter->subject, NULL, FALSE);
  body = g_uri_escape_string (letter->body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject, body);
}

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A printable letter, one paragraph after another, lines carried over to the next page. */
GBytes *
ut_letter_to_pdf (UtLetter       *letter,
                  UtExportPaper   paper,
                  GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *text = ut_letter_to_text (letter);
  const double margin = 72;
  double width, height, y = margin;
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoFontDescription *font;
  PangoLayoutIter *iter;
  PangoLayout *layout;
  cairo_t *cr;

  ut_export_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, letter->subject);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  font = pango_font_description_from_string ("Sans 11");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, pango_units_from_double (width - 2 * margin));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      int line_top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = logical.y;
      if (y + pango_units_to_double (logical.height) > height - margin)
        {
          cairo_show_page (cr);
          y = margin;
        }
      cairo_move_to (cr, margin + pango_units_to_double (logical.x),
                     y + pango_units_to_double (baseline - line_top));
      pango_cairo_show_layout_line (cr, line);
      y += pango_units_to_double (logical.height);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_FAILED,
                   _("The PDF could not be made (%s). Save the letter as text instead."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
