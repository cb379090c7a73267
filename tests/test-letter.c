/* test-letter.c — objections, reminders and complaints, and the law behind them
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "ut-catalog.h"
#include "ut-legal.h"
#include "ut-letter.h"

typedef struct
{
  UtCatalog *catalog;
  UtLegal   *legal;
  GDate     *today;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f->legal = ut_legal_load_bundled (&error);
  g_assert_no_error (error);
  f->today = g_date_new_dmy (30, G_DATE_NOVEMBER, 2026);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->catalog);
  g_clear_object (&f->legal);
  g_clear_pointer (&f->today, g_date_free);
}

static GDate *
date_from (const char *iso)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, iso);
  g_assert_true (g_date_valid (date));
  return date;
}

static void
assert_date (GDate      *date,
             const char *expected)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_assert_cmpstr (text, ==, expected);
  g_date_free (date);
}

/* ---- the law ------------------------------------------------------------------------------ */

/* Everyone in Europe finds their regulator; Germans their Land's, or the federal one. */
static void
test_regulators (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const countries[] = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB",
  };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      const UtRegulator *regulator = ut_legal_find_regulator (f->legal, countries[i], NULL);

      g_assert_nonnull (regulator);
      g_assert_true (g_str_has_prefix (regulator->homepage, "https://"));
    }
  g_assert_cmpstr (ut_legal_find_regulator (f->legal, "DE", "BY")->id, ==, "de-by");
  g_assert_cmpstr (ut_legal_find_regulator (f->legal, "DE", NULL)->id, ==, "de-bund");
  g_assert_null (ut_legal_find_regulator (f->legal, "US", NULL));
  g_assert_cmpuint (ut_legal_get_n_regulators (f->legal), ==, 48);
}

static void
test_rights (Fixture       *f,
             gconstpointer  data)
{
  const UtLegalRights *eu = ut_legal_get_rights (f->legal, UT_REGION_EU);
  const UtLegalRights *ch = ut_legal_get_rights (f->legal, UT_REGION_CH);

  g_assert_nonnull (eu);
  g_assert_true (eu->grounds_required);
  g_assert_true (eu->has_deadline);
  g_assert_cmpuint (eu->deadline_months, ==, 1);
  g_assert_cmpuint (eu->extension_months, ==, 2);
  g_assert_nonnull (ut_legal_get_rights (f->legal, UT_REGION_UK));
  g_assert_nonnull (ch);
  g_assert_false (ch->has_deadline);
  g_assert_cmpint (ut_legal_get_rights (f->legal, UT_REGION_US)->request, ==, UT_LEGAL_REQUEST_DELETE);
  g_assert_null (ut_legal_get_rights (f->legal, UT_REGION_OTHER));
}

/* A legal file that leaves a country out, cites nothing or links over http is refused, with
 * every problem named. */
static void
test_legal_validation (void)
{
  g_autoptr(GBytes) bundled = g_resources_lookup_data (UT_LEGAL_BUNDLED_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLegal) legal = NULL;
  g_autoptr(GBytes) broken = NULL;
  JsonObject *root;
  JsonArray *regulators, *kept;
  char *text;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), (gssize) g_bytes_get_size (bundled), NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  regulators = json_object_get_array_member (root, "regulators");
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (regulators); i++)
    {
      JsonObject *regulator = json_array_get_object_element (regulators, i);
      const char *id = json_object_get_string_member (regulator, "id");

      if (g_str_equal (id, "fr"))
        continue;
      if (g_str_equal (id, "ie"))
        json_object_set_string_member (regulator, "homepage", "http://dataprotection.ie");
      if (g_str_equal (id, "at"))
        json_object_set_array_member (regulator, "sources", json_array_new ());
      json_array_add_element (kept, json_node_copy (json_array_get_element (regulators, i)));
    }
  json_object_set_array_member (root, "regulators", kept);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  broken = g_bytes_new_take (text, strlen (text));

  legal = ut_legal_new_from_bytes (broken, "test", &error);
  g_assert_null (legal);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "no regulator for FR"));
  g_assert_nonnull (strstr (error->message, "“homepage” is not an https URL"));
  g_assert_nonnull (strstr (error->message, "every entry cites at least one source"));
}

/* Every lead authority a record names is in the directory, so the app can name it. */
static void
test_lead_authorities (Fixture       *f,
                       gconstpointer  data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->catalog)); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (f->catalog), i);
      const char *id = ut_platform_get_lead_authority (platform);
      gboolean found = FALSE;

      if (id == NULL)
        continue;
      for (guint r = 0; r < ut_legal_get_n_regulators (f->legal); r++)
        found |= g_str_equal (ut_legal_get_regulator (f->legal, r)->id, id);
      if (!found)
        g_error ("%s names lead authority “%s”, which is not in data/legal/legal.json", ut_platform_get_id (platform), id);
      n++;
    }
  g_test_message ("%u platforms name their lead supervisory authority", n);
}

/* One month after the 31st ends on the month's last day; leap years count. */
static void
test_due_dates (Fixture       *f,
                gconstpointer  data)
{
  const UtLegalRights *eu = ut_legal_get_rights (f->legal, UT_REGION_EU);
  g_autoptr(GDate) jan31 = date_from ("2026-01-31");
  g_autoptr(GDate) jan31_leap = date_from ("2028-01-31");
  g_autoptr(GDate) mar31 = date_from ("2026-03-31");
  g_autoptr(GDate) dec15 = date_from ("2026-12-15");
  g_autoptr(GDate) feb29 = date_from ("2028-02-29");

  assert_date (ut_legal_rights_due_date (eu, jan31, FALSE), "2026-02-28");
  assert_date (ut_legal_rights_due_date (eu, jan31_leap, FALSE), "2028-02-29");
  assert_date (ut_legal_rights_due_date (eu, mar31, FALSE), "2026-04-30");
  assert_date (ut_legal_rights_due_date (eu, dec15, FALSE), "2027-01-15");
  /* With the extension the law allows: three months in all. */
  assert_date (ut_legal_rights_due_date (eu, jan31, TRUE), "2026-04-30");
  assert_date (ut_legal_add_period (feb29, 12, 0), "2029-02-28");
  assert_date (ut_legal_add_period (dec15, 0, 45), "2027-01-29");
}

/* ---- letters ------------------------------------------------------------------------------ */

static UtLetter *
write_letter (Fixture         *f,
              UtLetterKind     kind,
              const char      *platform,
              UtRegion         region,
              UtLegalLanguage  language,
              const char      *identity,
              const char      *grounds,
              GError         **error)
{
  g_autoptr(GDate) sent = date_from ("2026-10-31");
  g_autoptr(GDate) due = date_from ("2026-11-30");
  UtLetterInput input = {
    kind, ut_catalog_lookup (f->catalog, platform), ut_legal_get_rights (f->legal, region),
    region == UT_REGION_CH ? ut_legal_find_regulator (f->legal, "CH", NULL)
    : region == UT_REGION_UK ? ut_legal_find_regulator (f->legal, "GB", NULL)
    : region == UT_REGION_EU ? ut_legal_find_regulator (f->legal, "DE", "BY")
    : NULL,
    language, "Anna Müller", identity, grounds, f->today, sent, due, FALSE,
  };

  g_assert_nonnull (input.platform);
  return ut_letter_new (&input, error);
}

#define GROUNDS "I am a therapist; my posts describe my patients' situations in general terms, and a model that learns them could expose them."

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
test_objection_eu (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLetter) letter = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_EN,
                                             NULL, GROUNDS, &error);
  g_autoptr(UtLetter) with_account = NULL;
  const char *body;

  g_assert_no_error (error);
  body = ut_letter_get_body (letter);
  assert_contains (ut_letter_get_subject (letter), "Art. 21(1) GDPR");
  assert_contains (body, "Under Art. 21(1) GDPR, I object to the processing of my personal data");
  assert_contains (body, "My grounds, relating to my particular situation:\n\n" GROUNDS);
  assert_contains (body, "Under Art. 12(3) GDPR, your answer is due within one month of receiving this letter.");
  assert_contains (body, "Bayerisches Landesamt für Datenschutzaufsicht");
  assert_contains (body, "30 November 2026");
  assert_contains (body, "Yours faithfully,\nAnna Müller");
  /* The addressee is the platform's own privacy address; no account unless chosen. */
  g_assert_cmpstr (ut_letter_get_recipient (letter), ==, ut_platform_get_contact_email (ut_catalog_lookup (f->catalog, "claude")));
  g_assert_nonnull (ut_letter_get_recipient (letter));
  g_assert_null (strstr (body, "account"));

  with_account = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_EN,
                               "anna@example.org", GROUNDS, &error);
  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (with_account), "I use Claude with the account anna@example.org.");
}

/* The same letter in German and French cites the law as those languages do. */
static void
test_objection_languages (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLetter) german = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_DE,
                                             NULL, "Meine Beiträge beschreiben Patienten.", &error);
  g_autoptr(UtLetter) french = NULL;

  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (german), "Gemäß Art. 21 Abs. 1 DSGVO widerspreche ich");
  assert_contains (ut_letter_get_body (german), "innerhalb von einem Monat");
  assert_contains (ut_letter_get_body (german), "30. November 2026");
  assert_contains (ut_letter_get_body (german), "Meine Beiträge beschreiben Patienten.");

  french = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_FR,
                         NULL, "Mes messages décrivent des patients.", &error);
  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (french), "En application de l’article 21, paragraphe 1, du RGPD, je m’oppose");
  assert_contains (ut_letter_get_body (french), "dans un délai d’un mois à compter");
  assert_contains (ut_letter_get_subject (french), "(article 21, paragraphe 1, du RGPD)");
}

/* Each region's own law: the UK's, Switzerland's with no deadline, California's deletion. */
static void
test_objection_regions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLetter) uk = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_UK, UT_LEGAL_LANGUAGE_EN, NULL, GROUNDS, &error);
  g_autoptr(UtLetter) ch = NULL;
  g_autoptr(UtLetter) us = NULL;
  g_autoptr(UtLetter) other = NULL;
  g_autoptr(UtLetter) no_grounds = NULL;

  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (uk), "Under Art. 21(1) UK GDPR");
  assert_contains (ut_letter_get_body (uk), "Information Commissioner's Office");

  ch = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_CH, UT_LEGAL_LANGUAGE_EN, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (ch), "Under the Federal Act on Data Protection (FADP), I object");
  g_assert_null (strstr (ut_letter_get_body (ch), "due within"));
  assert_contains (ut_letter_get_body (ch), "If you do not comply with my request");

  us = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_US, UT_LEGAL_LANGUAGE_EN, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (us), "I live in California.");
  assert_contains (ut_letter_get_body (us), "I request that you delete the personal information");
  assert_contains (ut_letter_get_body (us), "California Privacy Protection Agency");

  other = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_OTHER, UT_LEGAL_LANGUAGE_EN, NULL, GROUNDS, &error);
  g_assert_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_RIGHT);
  g_assert_null (other);
  g_clear_error (&error);

  /* The GDPR asks for grounds from the person's situation: never one made up for them. */
  no_grounds = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_EN, NULL, "  ", &error);
  g_assert_error (error, UT_LETTER_ERROR, UT_LETTER_ERROR_NO_GROUNDS);
  g_assert_null (no_grounds);
}

static void
test_reminder_and_complaint (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLetter) reminder = write_letter (f, UT_LETTER_REMINDER, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_EN, NULL, NULL, &error);
  g_autoptr(UtLetter) complaint = NULL;

  g_assert_no_error (error);
  assert_contains (ut_letter_get_body (reminder),
                   "On 31 October 2026 I sent you my request under Art. 21(1) GDPR. Under Art. 12(3) GDPR, your answer was due by 30 November 2026.");

  complaint = write_letter (f, UT_LETTER_COMPLAINT, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_DE, "anna@example.org", NULL, &error);
  g_assert_no_error (error);
  assert_contains (ut_letter_get_subject (complaint), "Beschwerde über Anthropic");
  assert_contains (ut_letter_get_body (complaint), "hiermit beschwere ich mich nach Art. 77 DSGVO über Anthropic");
  assert_contains (ut_letter_get_body (complaint), "bis zum 30. November 2026 fällig. Ich habe keine Antwort erhalten.");
  assert_contains (ut_letter_get_body (complaint), "Ich nutze Claude mit dem Konto anna@example.org.");
  /* A complaint goes to the regulator, not to the platform. */
  g_assert_null (ut_letter_get_recipient (complaint));
}

/* The same letter as an e-mail file, a mailto: link and a PDF that a PDF reader reads back. */
static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLetter) letter = write_letter (f, UT_LETTER_OBJECTION, "claude", UT_REGION_EU, UT_LEGAL_LANGUAGE_DE,
                                             NULL, "Meine Gründe: Ärztin.", &error);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  g_autofree char *eml = ut_letter_to_eml (letter, now);
  g_autofree char *mailto = ut_letter_to_mailto (letter);
  g_autofree char *encoded = g_base64_encode ((const guchar *) ut_letter_get_subject (letter), strlen (ut_letter_get_subject (letter)));
  g_autofree char *subject_header = g_strdup_printf ("Subject: =?UTF-8?B?%s?=\r\n", encoded);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_no_error (error);
  assert_contains (eml, "To: privacy@anthropic.com\r\n");
  assert_contains (eml, subject_header);
  assert_contains (eml, "Content-Type: text/plain; charset=UTF-8\r\n");
  assert_contains (eml, "Meine Gründe: Ärztin.\r\n");
  g_assert_true (g_str_has_prefix (mailto, "mailto:privacy@anthropic.com?subject="));
  assert_contains (mailto, "%C3%84rztin");
  g_assert_null (strchr (mailto, ' '));

  pdf = ut_letter_to_pdf (letter, UT_EXPORT_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "untrain-letter-test.pdf", NULL);
    g_autofree char *out = NULL;
    g_autofree char *flat = NULL;
    const char *argv[] = { pdftotext, path, "-", NULL };
    int status = 0;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_remove (path);
    flat = g_strdelimit (g_strdup (out), "\n", ' ');
    assert_contains (flat, "Gemäß Art. 21 Abs. 1 DSGVO widerspreche ich");
    assert_contains (flat, "Meine Gründe: Ärztin.");
    assert_contains (flat, "Anna Müller");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/legal/regulators", test_regulators);
  ADD ("/legal/rights", test_rights);
  g_test_add_func ("/legal/validation", test_legal_validation);
  ADD ("/legal/due-dates", test_due_dates);
  ADD ("/legal/lead-authorities", test_lead_authorities);
  ADD ("/letter/objection-eu", test_objection_eu);
  ADD ("/letter/objection-languages", test_objection_languages);
  ADD ("/letter/objection-regions", test_objection_regions);
  ADD ("/letter/reminder-and-complaint", test_reminder_and_complaint);
  ADD ("/letter/formats", test_formats);
#undef ADD

  return g_test_run ();
}
