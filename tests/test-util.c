/* test-util.c — the core's small checks and conversions: slugs, links, domains, escapes, dates
 * and atomic writes
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "ut-util.h"

typedef struct
{
  const char *text;
  gboolean    expected;
} Check;

/* Runs @check on every case, naming the one that fails. */
static void
assert_checks (gboolean   (*check) (const char *),
               const Check *cases,
               gsize        n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *shown = cases[i].text != NULL ? g_strescape (cases[i].text, NULL)
                                                     : g_strdup ("(null)");

      g_test_message ("“%s”, expected %s", shown, cases[i].expected ? "yes" : "no");
      if (check (cases[i].text) != cases[i].expected)
        g_error ("“%s”: expected %s", shown, cases[i].expected ? "TRUE" : "FALSE");
    }
}

static void
test_slug (void)
{
  static const Check cases[] = {
    { "linkedin", TRUE },
    { "github-copilot", TRUE },
    { "wordpress-com", TRUE },
    { "a", TRUE },
    { "x2", TRUE },
    { "2", TRUE },
    { "a-b-c", TRUE },
    { NULL, FALSE },
    { "", FALSE },
    { "-", FALSE },
    { "-linkedin", FALSE },
    { "linkedin-", FALSE },
    { "github--copilot", FALSE },
    { "LinkedIn", FALSE },
    { "linked in", FALSE },
    { "linked_in", FALSE },
    { "linked.in", FALSE },
    { "lïnkedin", FALSE },
    { "linkedin\n", FALSE },
  };

  assert_checks (ut_is_slug, cases, G_N_ELEMENTS (cases));
}

static void
test_slugify (void)
{
  static const struct
  {
    const char *text;
    const char *slug;
  } cases[] = {
    { "LinkedIn", "linkedin" },
    { "Stack Overflow", "stack-overflow" },
    { "X (Twitter) and Grok", "x-twitter-and-grok" },
    { "  Anna’s   laptop!! ", "anna-s-laptop" },
    { "Ünïcödé Çafé", "unicode-cafe" },
    { "--a--b--", "a-b" },
    { "Dad 2", "dad-2" },
    { "", "" },
    { "!!!", "" },
    { "日本", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = ut_slugify (cases[i].text);

      g_assert_cmpstr (slug, ==, cases[i].slug);
      /* Whatever is left is a slug. */
      if (*slug != '\0')
        g_assert_true (ut_is_slug (slug));
    }
}

static void
test_https_url (void)
{
  static const Check cases[] = {
    { "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement", TRUE },
    { "https://example.com", TRUE },
    { "https://example.com:8443/a?b=c#d", TRUE },
    { "https://xn--bcher-kva.example/", TRUE },
    { "https://example.com/ä", TRUE },
    { NULL, FALSE },
    { "", FALSE },
    { "https://", FALSE },
    { "https:///x", FALSE },
    { "http://example.com/", FALSE },
    { "HTTPS://example.com/", FALSE },
    { "ftp://example.com/", FALSE },
    { "//example.com/", FALSE },
    { "https://user@example.com/", FALSE },
    { "https://user:secret@example.com/", FALSE },
    { "https://www.linkedin.com@evil.example/", FALSE },
    { "https://example.com/a b", FALSE },
    { "https://example.com/a\tb", FALSE },
    { "https://example.com/a\r\nATTACH:x", FALSE },
    { "https://example.com/\x7f", FALSE },
    { "https://example.com/\xc2\x85", FALSE },  /* U+0085, a C1 control */
    { "https://example.com/\u00a0", FALSE },
    { "https://example.com/\u200e", FALSE },
    { "https://example.com/\u202egnp.exe", FALSE },
    { "https://example.com/\u2066", FALSE },
    { "https://example.com/\u061c", FALSE },
    { "https://example.com/\xff", FALSE },
    { "https://exa mple.com/", FALSE },
  };

  assert_checks (ut_is_https_url, cases, G_N_ELEMENTS (cases));
}

static void
test_domain_name (void)
{
  g_autofree char *label_63 = g_strnfill (63, 'a');
  g_autofree char *label_64 = g_strnfill (64, 'a');
  g_autofree char *long_63 = g_strconcat (label_63, ".com", NULL);
  g_autofree char *long_64 = g_strconcat (label_64, ".com", NULL);
  /* 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters, the most DNS allows; then one more. */
  g_autofree char *label_61 = g_strnfill (61, 'b');
  g_autofree char *label_62 = g_strnfill (62, 'b');
  g_autofree char *name_253 = g_strjoin (".", label_63, label_63, label_63, label_61, NULL);
  g_autofree char *name_254 = g_strjoin (".", label_63, label_63, label_63, label_62, NULL);
  const Check cases[] = {
    { "linkedin.com", TRUE },
    { "www.linkedin.com", TRUE },
    { "a.b", TRUE },
    { "x-y.example.org", TRUE },
    { "xn--bcher-kva.example", TRUE },
    { "123.example", TRUE },
    { long_63, TRUE },
    { name_253, TRUE },
    { NULL, FALSE },
    { "", FALSE },
    { "localhost", FALSE },
    { "LinkedIn.com", FALSE },
    { ".com", FALSE },
    { "linkedin.", FALSE },
    { "linkedin.com.", FALSE },
    { "linkedin..com", FALSE },
    { "-linkedin.com", FALSE },
    { "linkedin-.com", FALSE },
    { "linkedin.com-", FALSE },
    { "linkedin.-com", FALSE },
    { "linked_in.com", FALSE },
    { "linked in.com", FALSE },
    { "bücher.example", FALSE },
    { "https://linkedin.com", FALSE },
    { long_64, FALSE },
    { name_254, FALSE },
  };

  g_assert_cmpuint (strlen (name_253), ==, 253);
  assert_checks (ut_is_domain_name, cases, G_N_ELEMENTS (cases));
}

static void
test_url_is_on_domain (void)
{
  static const struct
  {
    const char *url;
    const char *domain;
    gboolean    expected;
  } cases[] = {
    { "https://linkedin.com/", "linkedin.com", TRUE },
    { "https://www.linkedin.com/mypreferences", "linkedin.com", TRUE },
    { "https://a.b.linkedin.com/", "linkedin.com", TRUE },
    { "https://WWW.LinkedIn.COM/", "linkedin.com", TRUE },
    { "https://www.linkedin.com/", "LinkedIn.com", TRUE },
    { "https://linkedin.com:8443/x", "linkedin.com", TRUE },
    { "http://linkedin.com/", "linkedin.com", TRUE },  /* the scheme is another check's */
    { "https://evillinkedin.com/", "linkedin.com", FALSE },
    { "https://linkedin.com.evil.example/", "linkedin.com", FALSE },
    { "https://www.linkedin.com@evil.example/", "linkedin.com", FALSE },
    { "https://evil.example/linkedin.com", "linkedin.com", FALSE },
    { "https://evil.example/?linkedin.com", "linkedin.com", FALSE },
    { "https://com/", "linkedin.com", FALSE },
    { "https://inkedin.com/", "linkedin.com", FALSE },
    { "mailto:someone@linkedin.com", "linkedin.com", FALSE },
    { "linkedin.com", "linkedin.com", FALSE },
    { "not a link", "linkedin.com", FALSE },
    { NULL, "linkedin.com", FALSE },
    { "https://linkedin.com/", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s on %s", cases[i].url, cases[i].domain);
      g_assert_cmpint (ut_url_is_on_domain (cases[i].url, cases[i].domain), ==, cases[i].expected);
    }
}

static void
test_escape_controls (void)
{
  static const struct
  {
    const char *text;
    const char *escaped;
  } cases[] = {
    { "", "" },
    { "LinkedIn", "LinkedIn" },
    { "Zürich, 日本, emoji 🙂", "Zürich, 日本, emoji 🙂" },
    { "a\nb", "a\\x0Ab" },
    { "a\r\n", "a\\x0D\\x0A" },
    { "tab\there", "tab\\x09here" },
    { "\x1b[2J\x1b]0;title\x07", "\\x1B[2J\\x1B]0;title\\x07" },
    { "del\x7f", "del\\x7F" },
    { "\x01\x1f", "\\x01\\x1F" },
    { "next\xc2\x85line", "next\\u{0085}line" },   /* C1 controls as UTF-8 */
    { "\xc2\x9b" "31m", "\\u{009B}31m" },
    { "abc\u202edcba", "abc\\u{202E}dcba" },
    { "\u200e\u200f\u061c", "\\u{200E}\\u{200F}\\u{061C}" },
    { "\u2066x\u2069", "\\u{2066}x\\u{2069}" },
    { "a\xff" "b", "a\uFFFD" "b" },
    { "\xc3", "\uFFFD" },
    /* Already escaped text is left as it is: no double escaping is needed to read it. */
    { "\\x0A", "\\x0A" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = ut_escape_controls (cases[i].text);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
      /* Printable text is exactly the text escaping leaves alone. */
      g_assert_cmpint (ut_text_is_printable (cases[i].text), ==, g_str_equal (escaped, cases[i].text));
    }
}

static void
test_iso_date (void)
{
  static const Check full[] = {
    { "2025-11-03", TRUE },
    { "1900-01-01", TRUE },
    { "9999-12-31", TRUE },
    { "2024-02-29", TRUE },
    { "2000-02-29", TRUE },
    { "2025-12-31", TRUE },
    { NULL, FALSE },
    { "", FALSE },
    { "1899-12-31", FALSE },  /* older than anything a catalog records */
    { "0999-01-01", FALSE },
    { "2025-02-29", FALSE },
    { "1900-02-29", FALSE },
    { "2025-02-30", FALSE },
    { "2025-04-31", FALSE },
    { "2025-13-01", FALSE },
    { "2025-00-10", FALSE },
    { "2025-01-00", FALSE },
    { "2025-01-32", FALSE },
    { "2025-1-01", FALSE },
    { "2025-01-1", FALSE },
    { "2025/01/01", FALSE },
    { "2025-01-01T00:00:00Z", FALSE },
    { "2025-01-01 ", FALSE },
    { " 2025-01-01", FALSE },
    { "+025-01-01", FALSE },
    { "2025-+1-01", FALSE },
    { "10000-01-01", FALSE },
    { "2025", FALSE },     /* partial dates are the other function's */
    { "2025-09", FALSE },
  };
  static const Check partial[] = {
    { "2025", TRUE },
    { "1900", TRUE },
    { "9999", TRUE },
    { "2025-09", TRUE },
    { "2025-12", TRUE },
    { "2025-09-30", TRUE },
    { "2024-02-29", TRUE },
    { NULL, FALSE },
    { "", FALSE },
    { "1899", FALSE },
    { "0999", FALSE },
    { "202", FALSE },
    { "20250", FALSE },
    { "2025-", FALSE },
    { "2025-9", FALSE },
    { "2025-00", FALSE },
    { "2025-13", FALSE },
    { "2025-09-31", FALSE },
    { "2025-02-29", FALSE },
    { "2025-09-3", FALSE },
    { "2025/09", FALSE },
    { "20x5", FALSE },
  };

  assert_checks (ut_is_iso_date, full, G_N_ELEMENTS (full));
  assert_checks (ut_is_partial_iso_date, partial, G_N_ELEMENTS (partial));
}

/* What ut_date_time_parse() makes of each text, written back by ut_date_time_format(); NULL where
 * it refuses the text. */
static void
test_date_time_parse_format (void)
{
  static const struct
  {
    const char *text;
    const char *formatted;
  } cases[] = {
    { "2025-11-03T10:00:00Z", "2025-11-03T10:00:00Z" },
    { "2025-11-03T10:00:00+02:00", "2025-11-03T08:00:00Z" },
    { "2025-11-03T23:30:00-01:00", "2025-11-04T00:30:00Z" },
    { "2025-11-03T10:00:00", "2025-11-03T10:00:00Z" },       /* no zone: UTC */
    { "2025-11-03T10:00:00.75Z", "2025-11-03T10:00:00Z" },   /* whole seconds are kept */
    { "2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z" },
    /* Four-digit years, after the move to UTC. */
    { "1000-01-01T00:00:00Z", "1000-01-01T00:00:00Z" },
    { "1000-01-01T00:30:00-01:00", "1000-01-01T01:30:00Z" },
    { "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z" },
    { "9999-12-31T23:30:00+01:00", "9999-12-31T22:30:00Z" },
    { "0999-12-31T23:59:59Z", NULL },
    { "1000-01-01T00:30:00+01:00", NULL },
    { "9999-12-31T23:30:00-01:00", NULL },
    { "0001-01-01T00:00:00Z", NULL },
    { "0000-01-01T00:00:00Z", NULL },
    { "10000-01-01T00:00:00Z", NULL },
    /* Not a time at all. */
    { "2025-02-29T12:00:00Z", NULL },
    { "2025-11-03T24:00:01Z", NULL },
    { "2025-11-03", NULL },
    { "yesterday", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) parsed = ut_date_time_parse (cases[i].text);

      g_test_message ("%s", cases[i].text);
      if (cases[i].formatted == NULL)
        {
          g_assert_null (parsed);
        }
      else
        {
          g_autofree char *formatted = NULL;
          g_autoptr(GDateTime) again = NULL;

          g_assert_nonnull (parsed);
          /* Always in UTC. */
          g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
          formatted = ut_date_time_format (parsed);
          g_assert_cmpstr (formatted, ==, cases[i].formatted);

          /* What is written reads back as the same time. */
          again = ut_date_time_parse (formatted);
          g_assert_nonnull (again);
          g_assert_cmpint (g_date_time_to_unix (again), ==, g_date_time_to_unix (parsed));
        }
    }
}

/* ut_date_time_format() writes UTC whatever the time's zone. */
static void
test_date_time_format_zones (void)
{
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GTimeZone) minus_nine = g_time_zone_new_offset (-9 * 3600 - 1800);
  g_autoptr(GDateTime) in_plus_two = g_date_time_new (plus_two, 2025, 1, 1, 1, 0, 0);
  g_autoptr(GDateTime) in_minus_nine = g_date_time_new (minus_nine, 2025, 12, 31, 20, 15, 0);
  g_autoptr(GDateTime) year_1000 = g_date_time_new_utc (1000, 1, 1, 0, 0, 0);
  g_autofree char *a = ut_date_time_format (in_plus_two);
  g_autofree char *b = ut_date_time_format (in_minus_nine);
  g_autofree char *c = ut_date_time_format (year_1000);

  g_assert_cmpstr (a, ==, "2024-12-31T23:00:00Z");
  g_assert_cmpstr (b, ==, "2026-01-01T05:45:00Z");
  /* Four digits, so that the file sorts and reads back. */
  g_assert_cmpstr (c, ==, "1000-01-01T00:00:00Z");
}

/* Dates as people read them, in the local time zone (Pacific/Kiritimati, UTC+14, set in main). */
static void
test_format_date (void)
{
  static const struct
  {
    const char *utc;
    const char *shown;
  } cases[] = {
    { "2025-11-03T08:00:00Z", "3 November 2025" },
    { "2025-11-03T10:00:00Z", "4 November 2025" },   /* already the next day at UTC+14 */
    { "2025-12-31T12:00:00Z", "1 January 2026" },
    /* Past the end of the calendar at UTC+14: shown in UTC rather than not at all. */
    { "9999-12-31T23:59:59Z", "31 December 9999" },
    { "9999-12-31T10:00:00Z", "31 December 9999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date_time = ut_date_time_parse (cases[i].utc);
      g_autofree char *shown = NULL;

      g_assert_nonnull (date_time);
      shown = ut_format_date (date_time);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_format_iso_date (void)
{
  static const struct
  {
    const char *text;
    const char *shown;
  } cases[] = {
    { "2025-09-03", "3 September 2025" },
    { "2025-09", "September 2025" },
    { "2025", "2025" },
    { "1900-01-01", "1 January 1900" },
    { "9999-12-31", "31 December 9999" },
    { "9999-12", "December 9999" },
    { "2024-02-29", "29 February 2024" },
    /* Anything else is shown as it is. */
    { "2025-02-30", "2025-02-30" },
    { "1899", "1899" },
    { "0999-12", "0999-12" },
    { "soon", "soon" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ut_format_iso_date (cases[i].text);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static guint
count_entries (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_contents (const char *path,
                 const char *expected,
                 gsize       length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize read = 0;

  g_file_get_contents (path, &contents, &read, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, read, expected, length);
}

static void
assert_mode (const char *path,
             int         mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
test_write_file_atomic (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "untrain", NULL);
  g_autofree char *path = g_build_filename (directory, "progress.json", NULL);
  g_autofree char *missing = g_build_filename (directory, "no-such-folder", "progress.json", NULL);
  static const char binary[] = "a\0b\nc";
  g_autoptr(GError) error = NULL;

  umask (022);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);

  /* A new file, with the mode asked for. */
  g_assert_true (ut_write_file_atomic (path, "first", 5, 0600, &error));
  g_assert_no_error (error);
  assert_contents (path, "first", 5);
  assert_mode (path, 0600);

  /* Replaced: the new contents and the new file's mode, and no temporary file left beside it. */
  g_assert_true (ut_write_file_atomic (path, "second, longer", 14, 0644, &error));
  g_assert_no_error (error);
  assert_contents (path, "second, longer", 14);
  assert_mode (path, 0644);
  g_assert_cmpuint (count_entries (directory), ==, 1);

  /* Shorter again: nothing of the longer file remains. */
  g_assert_true (ut_write_file_atomic (path, "3", 1, 0600, &error));
  g_assert_no_error (error);
  assert_contents (path, "3", 1);
  assert_mode (path, 0600);

  /* The length given, NUL bytes and all. */
  g_assert_true (ut_write_file_atomic (path, binary, sizeof binary - 1, 0600, &error));
  g_assert_no_error (error);
  assert_contents (path, binary, sizeof binary - 1);

  /* Empty. */
  g_assert_true (ut_write_file_atomic (path, "", 0, 0600, &error));
  g_assert_no_error (error);
  assert_contents (path, "", 0);

  /* A folder that does not exist is an error, and nothing is written elsewhere. */
  g_assert_false (ut_write_file_atomic (missing, "x", 1, 0600, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (directory), ==, 1);

  /* A folder in the file's place is not replaced. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (ut_write_file_atomic (path, "x", 1, 0600, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (directory), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* English month names, untranslated; a time zone far enough east to move dates a day and to
   * run out of calendar before UTC does. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/util/slug", test_slug);
  g_test_add_func ("/util/slugify", test_slugify);
  g_test_add_func ("/util/https-url", test_https_url);
  g_test_add_func ("/util/domain-name", test_domain_name);
  g_test_add_func ("/util/url-is-on-domain", test_url_is_on_domain);
  g_test_add_func ("/util/escape-controls", test_escape_controls);
  g_test_add_func ("/util/iso-date", test_iso_date);
  g_test_add_func ("/util/date-time/parse-format", test_date_time_parse_format);
  g_test_add_func ("/util/date-time/format-zones", test_date_time_format_zones);
  g_test_add_func ("/util/date-time/format-date", test_format_date);
  g_test_add_func ("/util/date-time/format-iso-date", test_format_iso_date);
  g_test_add_func ("/util/write-file-atomic", test_write_file_atomic);

  return g_test_run ();
}
