/* test-export.c — exports in every format, and restoring a backup
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The golden files in fixtures/export/ are the exports of fixtures/export/progress.json with the
 * REAL bundled catalog at a fixed time. When the catalog's content changes (a step reworded, a
 * revision bumped), they must be made again and the difference read before committing:
 *
 *   UNTRAIN_UPDATE_GOLDEN=1 meson test -C BUILD export
 *
 * rewrites them in the source tree (the test then passes and says so).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "ut-export.h"
#include "ut-export-private.h"
#include "ut-test-utils.h"

#define EMAIL "sam@example.org"

typedef struct
{
  char       *directory;
  GDateTime  *now;
  UtCatalog  *catalog;
  UtProgress *progress;
} Fixture;

static GDateTime *
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return g_date_time_ref (f->now);
}

static UtProgress *
fixture_new_progress (Fixture    *f,
                      const char *directory)
{
  UtProgress *progress = ut_progress_new (directory);

  ut_progress_set_clock (progress, fixture_clock, f);
  return progress;
}

/* Progress in @directory from fixtures/export/progress.json, loaded as the app loads it. */
static void
fixture_load (Fixture *f)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "progress.json", NULL);
  g_autofree char *target = g_build_filename (f->directory, "progress.json", NULL);
  g_autofree char *contents = ut_test_read_file (source);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (target, contents, -1, &error);
  g_assert_no_error (error);

  f->progress = fixture_new_progress (f, f->directory);
  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);
  g_assert_null (ut_progress_get_recovery (f->progress));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("untrain-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->now = g_date_time_new (utc, 2026, 12, 1, 10, 0, 0);
  f->catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  fixture_load (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->progress);
  g_assert_finalize_object (f->catalog);
  ut_test_remove_tree (f->directory);
  g_free (f->directory);
  g_date_time_unref (f->now);
}

static char *
export_text (Fixture          *f,
             UtExportFormat    format,
             UtProfile        *profile,
             GHashTable       *identities)
{
  UtExportOptions options = { f->now, UT_EXPORT_PAPER_A4, identities };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = ut_export (format, f->catalog, f->progress, profile, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_utf8_validate (data, (gssize) length, NULL));
  g_assert_null (memchr (data, '\0', length));

  return g_strndup (data, length);
}

static char *
progress_dump (UtProgress *progress)
{
  g_autoptr(JsonNode) root = ut_progress_to_json (progress, NULL);

  return json_to_string (root, TRUE);
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* Saves share a lock file, .progress.lock, with other Untrain processes. */
      if (!g_str_equal (name, ".progress.lock"))
        n++;
    }
  return n;
}

/* ---- golden files ------------------------------------------------------------------------ */

static void
assert_golden (const char *name,
               const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) expected_lines = NULL;
  g_auto(GStrv) actual_lines = NULL;

  if (g_getenv ("UNTRAIN_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
      return;
    }

  if (!g_file_get_contents (path, &expected, NULL, &error))
    g_error ("%s: %s (UNTRAIN_UPDATE_GOLDEN=1 writes it)", path, error->message);

  if (g_str_equal (expected, actual))
    return;

  /* Name the first line that differs: a whole-file diff in a test log is unreadable. */
  expected_lines = g_strsplit (expected, "\n", -1);
  actual_lines = g_strsplit (actual, "\n", -1);
  for (guint i = 0; expected_lines[i] != NULL || actual_lines[i] != NULL; i++)
    {
      if (expected_lines[i] == NULL || actual_lines[i] == NULL ||
          !g_str_equal (expected_lines[i], actual_lines[i]))
        g_error ("%s differs at line %u:\n expected: %s\n actual:   %s\n"
                 "If the catalog changed on purpose, run the test with UNTRAIN_UPDATE_GOLDEN=1.",
                 name, i + 1, expected_lines[i] != NULL ? expected_lines[i] : "(end of file)",
                 actual_lines[i] != NULL ? actual_lines[i] : "(end of file)");
    }
}

/* The walk every writer shares stops at each chapter, then at each of its sections followed by
 * the section's items, in the model's order; empty chapters and sections are stopped at too. */
static void
test_iter (Fixture       *f,
           gconstpointer  data)
{
  UtExportOptions options = { f->now, UT_EXPORT_PAPER_A4, NULL };
  g_auto(UtExportModel) model = { 0 };
  g_auto(UtExportModel) backup = { 0 };
  g_autoptr(GString) walked = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_heading = NULL;
  UtExportChapter *chapter;
  UtExportSection *section;
  UtExportItem *item;
  UtExportIter iter;
  UtProfile *empty;
  guint n = 0;

  empty = ut_progress_add_profile (f->progress, "Nobody Yet", UT_REGION_UK, &error);
  g_assert_no_error (error);
  _ut_export_model_init (&model, UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, NULL, &options);
  g_assert_cmpuint (model.chapters->len, ==, 3);

  /* What the nested loops the writers had would visit. */
  for (guint i = 0; i < model.chapters->len; i++)
    {
      UtExportChapter *c = g_ptr_array_index (model.chapters, i);

      g_string_append_printf (expected, "# %s\n", ut_profile_get_id (c->profile));
      for (guint j = 0; j < c->sections->len; j++)
        {
          UtExportSection *s = g_ptr_array_index (c->sections, j);

          g_string_append_printf (expected, "## %s\n", s->id);
          for (guint k = 0; k < s->items->len; k++)
            {
              g_string_append_printf (expected, "- %s\n", ut_action_get_id (g_array_index (s->items, UtExportItem, k).action));
              g_ptr_array_add (items, &g_array_index (s->items, UtExportItem, k));
            }
        }
    }

  _ut_export_iter_init (&iter, &model);
  while (_ut_export_iter_next (&iter, &chapter, &section, &item))
    {
      g_assert_nonnull (chapter);
      if (section == NULL)
        {
          g_assert_null (item);
          g_string_append_printf (walked, "# %s\n", ut_profile_get_id (chapter->profile));
        }
      else if (item == NULL)
        {
          g_assert_true (g_ptr_array_find (chapter->sections, section, NULL));
          g_string_append_printf (walked, "## %s\n", section->id);
        }
      else
        {
          g_assert_true (item >= &g_array_index (section->items, UtExportItem, 0) &&
                         item < &g_array_index (section->items, UtExportItem, section->items->len));
          g_string_append_printf (walked, "- %s\n", ut_action_get_id (item->action));
        }
    }
  g_assert_cmpstr (walked->str, ==, expected->str);
  /* Past the end it stays there. */
  g_assert_false (_ut_export_iter_next (&iter, &chapter, &section, &item));

  /* The platform no longer in the catalog has a heading and no items; the new profile has only
   * its heading, and comes last. */
  g_assert_nonnull (strstr (walked->str, "\n## gone-platform\n## "));
  empty_heading = g_strdup_printf ("\n# %s\n", ut_profile_get_id (empty));
  g_assert_true (g_str_has_suffix (walked->str, empty_heading));

  /* The items alone: the same ones, in the same order, with their chapter and section. */
  _ut_export_iter_init (&iter, &model);
  while (_ut_export_iter_next_item (&iter, &chapter, &section, &item))
    {
      g_assert_cmpuint (n, <, items->len);
      g_assert_true (item == g_ptr_array_index (items, n));
      g_assert_true (g_ptr_array_find (chapter->sections, section, NULL));
      n++;
    }
  g_assert_cmpuint (n, ==, items->len);
  g_assert_cmpuint (n, >, 0);
  g_assert_false (_ut_export_iter_next_item (&iter, NULL, NULL, NULL));

  /* A backup of every profile takes the progress whole and has no chapters to walk. */
  _ut_export_model_init (&backup, UT_EXPORT_FORMAT_JSON, f->catalog, f->progress, NULL, &options);
  g_assert_cmpuint (backup.chapters->len, ==, 0);
  _ut_export_iter_init (&iter, &backup);
  g_assert_false (_ut_export_iter_next (&iter, NULL, NULL, NULL));
  g_assert_false (_ut_export_iter_next_item (&iter, NULL, NULL, NULL));
}

static void
test_golden_markdown (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = export_text (f, UT_EXPORT_FORMAT_MARKDOWN, NULL, NULL);

  /* What the issue asks for, independent of the golden file. */
  g_assert_nonnull (strstr (text, "# Untrain checklist — Sam \"Sammy\" Lee, Jr.\n"));
  g_assert_nonnull (strstr (text, "# Untrain checklist — Anna Müller\n"));
  g_assert_nonnull (strstr (text, "Exported on 2026-12-01 by Untrain " PACKAGE_VERSION ", catalog version "));
  g_assert_nonnull (strstr (text, "\n## LinkedIn\n"));
  g_assert_nonnull (strstr (text, "— done on 2026-03-14 (revision 1) (changed since you finished) (re-check due)\n"));
  g_assert_nonnull (strstr (text, "> Nothing stops Reddit from training on your data here; these steps only reduce it."));
  g_assert_nonnull (strstr (text, "— skipped\n"));
  g_assert_nonnull (strstr (text, "— not applicable\n"));
  g_assert_nonnull (strstr (text, "— to do\n"));
  g_assert_nonnull (strstr (text, "Note: Albums set to \"Friends\", reels too; stories next\n"));
  g_assert_nonnull (strstr (text, "no longer in Untrain’s catalog"));
  /* Sorted by name, not in the order the platforms were added. */
  g_assert_true (strstr (text, "## ChatGPT") < strstr (text, "## LinkedIn"));

  assert_golden ("checklist.md", text);
}

static void
test_golden_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = export_text (f, UT_EXPORT_FORMAT_CSV, NULL, NULL);

  g_assert_true (g_str_has_prefix (text, "profile,region,platform,action,state,done_date,verified_date,revision,"
                                         "needs_review,recheck_due,"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* Quotes doubled; commas and line breaks inside quotes. */
  g_assert_nonnull (strstr (text, "\"Sam \"\"Sammy\"\" Lee, Jr.\",US,\"Meta (Facebook, Instagram, Threads)\","));
  g_assert_nonnull (strstr (text, ",\"Albums set to \"\"Friends\"\", reels too;\nstories next\","));
  g_assert_nonnull (strstr (text, ",done,2026-03-14,2026-03-14,1,true,true,2026-09-10,,linkedin,turn-off-training,2026-12-01,"));

  assert_golden ("checklist.csv", text);
}

static void
test_golden_ics (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = export_text (f, UT_EXPORT_FORMAT_ICS, NULL, NULL);
  g_auto(GStrv) lines = NULL;
  guint n_events = 0;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));

  /* Every line ends in CRLF, is at most 75 octets and is valid UTF-8 on its own: folding never
   * splits a character. */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        n_events++;
    }

  /* One event per finished action with a re-check date, future ones included; none for the
   * platform that left the catalog; and one for the answer due to the request sent to LinkedIn
   * under UK law on 20 November (one month). */
  g_assert_cmpuint (n_events, ==, 6);
  g_assert_nonnull (strstr (text, "\r\nUID:me/linkedin/request@untrain\r\nDTSTAMP:20261201T100000Z\r\nDTSTART;VALUE=DATE:20261220\r\n"));
  g_assert_nonnull (strstr (text, "\r\nSUMMARY:Answer due: LinkedIn\r\n"));
  g_assert_nonnull (strstr (text, "\r\nUID:me/linkedin/turn-off-training@untrain\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTAMP:20261201T100000Z\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART;VALUE=DATE:20260910\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART;VALUE=DATE:20270105\r\n"));
  g_assert_nonnull (strstr (text, "\r\nPRODID:-//Untrain//Untrain " PACKAGE_VERSION "//EN\r\n"));
  g_assert_null (strstr (text, "gone-platform"));

  assert_golden ("checklist.ics", text);
}

static void
test_ics_folding (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = export_text (f, UT_EXPORT_FORMAT_ICS, ut_progress_lookup_profile (f->progress, "me"), NULL);
  g_autofree char *unfolded = NULL;
  g_autoptr(GRegex) fold = g_regex_new ("\r\n ", 0, 0, NULL);

  /* Unfolding gives back the escaped text whole, including the "—" that straddles a fold. */
  unfolded = g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
  g_assert_nonnull (strstr (unfolded, "\r\nSUMMARY:Re-check: Meta (Facebook\\, Instagram\\, Threads) — "
                                      "Make posts you don't want used non-public\r\n"));
  g_assert_nonnull (strstr (unfolded, "X-WR-CALNAME:Untrain re-checks — Sam \"Sammy\" Lee\\, Jr.\r\n"));
  g_assert_null (strstr (unfolded, "Anna"));
}

/* ---- identities ------------------------------------------------------------------------- */

/* The text of a PDF, extracted by poppler's pdftotext, which the test suite installs. */
static char *
pdf_to_text (GBytes *pdf)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    return NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, "-enc", "UTF-8", "-", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, pdf, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
}

static void
async_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* ut_export_to_file_async(), waited for on the default main context. */
static gboolean
export_to_file_in_thread (Fixture               *f,
                          UtExportFormat         format,
                          UtProfile             *profile,
                          const UtExportOptions *options,
                          const char            *path,
                          GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ut_export_to_file_async (format, f->catalog, f->progress, profile, options, path, NULL, async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return ut_export_to_file_finish (result, error);
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* A file with account e-mails is readable by its owner only, whether written directly or in a
 * thread, and even when it replaces a file others could read. */
static void
test_identities_file_mode (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) identities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *plain = g_build_filename (f->directory, "plain.md", NULL);
  g_autofree char *named = g_build_filename (f->directory, "named.md", NULL);
  g_autofree char *threaded = g_build_filename (f->directory, "threaded.csv", NULL);
  UtProfile *me = ut_progress_lookup_profile (f->progress, "me");
  UtExportOptions without = { f->now, UT_EXPORT_PAPER_A4, NULL };
  UtExportOptions with = { f->now, UT_EXPORT_PAPER_A4, identities };
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  g_hash_table_insert (identities, "linkedin", EMAIL);

  g_assert_true (ut_export_to_file (UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, me, &without, plain, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (plain), ==, 0644);

  /* Replace a readable file: the new one must not inherit its permissions. */
  g_assert_true (ut_export_to_file (UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, me, &without, named, &error));
  g_assert_cmpuint (file_mode (named), ==, 0644);
  g_assert_true (ut_export_to_file (UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, me, &with, named, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (named), ==, 0600);

  g_assert_true (export_to_file_in_thread (f, UT_EXPORT_FORMAT_CSV, me, &with, threaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (threaded), ==, 0600);

  umask (old_umask);
}

static void
test_identities (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) identities = g_hash_table_new (g_str_hash, g_str_equal);
  UtProfile *me = ut_progress_lookup_profile (f->progress, "me");

  g_hash_table_insert (identities, "linkedin", EMAIL);
  g_hash_table_insert (identities, "meta", EMAIL);

  for (UtExportFormat format = 0; format < UT_EXPORT_N_FORMATS; format++)
    {
      UtExportOptions without = { f->now, UT_EXPORT_PAPER_A4, NULL };
      UtExportOptions with = { f->now, UT_EXPORT_PAPER_A4, identities };
      g_autoptr(GBytes) plain = ut_export (format, f->catalog, f->progress, me, &without, NULL);
      g_autoptr(GBytes) named = ut_export (format, f->catalog, f->progress, me, &with, NULL);
      g_autofree char *plain_text = NULL;
      g_autofree char *named_text = NULL;

      g_assert_nonnull (plain);
      g_assert_nonnull (named);
      if (format == UT_EXPORT_FORMAT_PDF)
        {
          plain_text = pdf_to_text (plain);
          named_text = pdf_to_text (named);
          if (plain_text == NULL)
            {
              g_test_message ("pdftotext is not installed: PDF identities not checked");
              continue;
            }
        }
      else
        {
          plain_text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
          named_text = g_strndup (g_bytes_get_data (named, NULL), g_bytes_get_size (named));
        }

      g_test_message ("%s: identities absent unless given", ut_export_format_to_string (format));
      g_assert_null (strstr (plain_text, EMAIL));
      g_assert_null (strstr (plain_text, "Account:"));
      g_assert_null (strstr (plain_text, "\"accounts\""));
      g_assert_null (strstr (plain_text, ",account\r\n"));
      g_assert_nonnull (strstr (named_text, EMAIL));
    }
}

/* ---- injection ------------------------------------------------------------------------- */

/* A profile named like a spreadsheet formula stays text: the cell starts with an apostrophe. */
static void
test_csv_formulas_neutralised (Fixture       *f,
                               gconstpointer  data)
{
  const char *names[] = { "=HYPERLINK(\"https://evil.example\",\"x\")", "+1", "-2+3", "@SUM(A1)", NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      UtProfile *profile = ut_progress_add_profile (f->progress, names[i], UT_REGION_EU, &error);
      g_autofree char *csv = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GString) quoted = g_string_new (NULL);

      g_assert_no_error (error);
      g_assert_true (ut_progress_set_platforms_used (f->progress, profile, (const char *[]) { "linkedin", NULL }, TRUE, &error));
      g_assert_no_error (error);
      csv = export_text (f, UT_EXPORT_FORMAT_CSV, profile, NULL);
      for (const char *p = names[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      expected = g_strdup_printf ("\r\n\"'%s\",EU,", quoted->str);
      g_test_message ("%s", names[i]);
      g_assert_nonnull (strstr (csv, expected));
    }
}

/* An account name with a line break (identities are whatever a person typed into the keyring)
 * cannot start a property of its own in a calendar, nor a heading or list item in Markdown. */
static void
test_line_breaks_cannot_inject (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GHashTable) identities = g_hash_table_new (g_str_hash, g_str_equal);
  UtProfile *me = ut_progress_lookup_profile (f->progress, "me");
  const char *account = "sam@example.com\r\nATTACH:https://evil.example/x\n# Heading\x1b[2J";
  g_autofree char *ics = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *markdown = NULL;
  g_auto(GStrv) folded = NULL;
  g_auto(GStrv) lines = NULL;

  g_hash_table_insert (identities, "linkedin", (gpointer) account);
  ics = export_text (f, UT_EXPORT_FORMAT_ICS, me, identities);
  /* Unfolded (RFC 5545 §3.1), each content line is one property. */
  unfolded = g_strjoinv ("", folded = g_strsplit (ics, "\r\n ", -1));
  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "ATTACH"));
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_null (strchr (lines[i], '\x1b'));
    }
  /* The text is there, escaped inside the description. */
  g_assert_nonnull (strstr (unfolded, "sam@example.com\\nATTACH:"));

  markdown = export_text (f, UT_EXPORT_FORMAT_MARKDOWN, me, identities);
  g_assert_null (strstr (markdown, "\n# Heading"));
  g_assert_null (strstr (markdown, "\nATTACH"));
  g_assert_null (strchr (markdown, '\x1b'));
  g_assert_null (strchr (markdown, '\r'));
}

/* ---- JSON and import -------------------------------------------------------------------- */

static GBytes *
export_backup (Fixture *f)
{
  UtExportOptions options = { f->now, UT_EXPORT_PAPER_DEFAULT, NULL };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ut_export (UT_EXPORT_FORMAT_JSON, f->catalog, f->progress, NULL, &options, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
count_signal (UtProgress *progress,
              UtProfile  *profile,
              const char *platform_id,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) backup = export_backup (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UtProgress) fresh = NULL;
  g_autoptr(UtProgress) reloaded = NULL;
  g_autofree char *fresh_directory = g_build_filename (f->directory, "fresh", NULL);
  g_autofree char *expected = progress_dump (f->progress);
  g_autofree char *actual = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *backup_path = NULL;
  JsonObject *root;
  guint added = 99, updated = 99, signals = 0;

  /* The backup names what made it. */
  json_parser_load_from_data (parser, g_bytes_get_data (backup, NULL), (gssize) g_bytes_get_size (backup), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, UT_PROGRESS_FORMAT);
  g_assert_cmpstr (json_object_get_string_member (root, "untrain_version"), ==, PACKAGE_VERSION);
  g_assert_cmpint (json_object_get_int_member (root, "catalog_version"), ==, ut_catalog_get_version (f->catalog));
  g_assert_cmpstr (json_object_get_string_member (root, "exported"), ==, "2026-12-01T10:00:00Z");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "profiles")), ==, 2);

  /* Into an installation with nothing saved yet, whose first-start profile exists only in memory. */
  fresh = fixture_new_progress (f, fresh_directory);
  g_assert_true (ut_progress_load (fresh, &error));
  ut_progress_get_default_profile (fresh);
  g_signal_connect (fresh, "records-changed", G_CALLBACK (count_signal), &signals);

  g_assert_true (ut_progress_import (fresh, backup, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 10);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (signals, ==, 2);

  actual = progress_dump (fresh);
  g_assert_cmpstr (actual, ==, expected);

  /* It was saved, once. */
  reloaded = fixture_new_progress (f, fresh_directory);
  g_assert_true (ut_progress_load (reloaded, &error));
  g_clear_pointer (&actual, g_free);
  actual = progress_dump (reloaded);
  g_assert_cmpstr (actual, ==, expected);
  /* A second save would have made the first file the backup. */
  backup_path = g_strconcat (ut_progress_get_path (fresh), ".bak", NULL);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));

  /* The same backup again changes nothing and writes nothing. */
  saved = ut_test_read_file (ut_progress_get_path (fresh));
  g_assert_true (ut_progress_import (fresh, backup, &added, &updated, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);
  again = ut_test_read_file (ut_progress_get_path (fresh));
  g_assert_cmpstr (again, ==, saved);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (signals, ==, 2);
}

static JsonObject *
find_record (JsonObject *root,
             const char *profile_id,
             const char *platform,
             const char *action)
{
  JsonArray *profiles = json_object_get_array_member (root, "profiles");

  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonObject *profile = json_array_get_object_element (profiles, i);
      JsonArray *records = json_object_get_array_member (profile, "records");

      if (!g_str_equal (json_object_get_string_member (profile, "id"), profile_id))
        continue;
      for (guint j = 0; j < json_array_get_length (records); j++)
        {
          JsonObject *record = json_array_get_object_element (records, j);

          if (g_str_equal (json_object_get_string_member (record, "platform"), platform) &&
              g_str_equal (json_object_get_string_member (record, "action"), action))
            return record;
        }
    }

  g_assert_not_reached ();
}

static void
test_import_merge (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) exported = export_backup (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root, *record, *profile, *new_record, *twin_record;
  JsonArray *profiles, *platforms, *records;
  UtProfile *me, *twin;
  guint added, updated, signals = 0;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (exported, NULL), (gssize) g_bytes_get_size (exported), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  profiles = json_object_get_array_member (root, "profiles");

  /* Newer in the backup: wins. */
  record = find_record (root, "me", "linkedin", "objection-form");
  json_object_set_string_member (record, "state", "done");
  json_object_set_string_member (record, "changed_at", "2026-11-30T10:00:00Z");
  json_object_set_string_member (record, "done_at", "2026-11-30T10:00:00Z");
  /* Older in the backup: loses. */
  record = find_record (root, "me", "chatgpt", "use-temporary-chat");
  json_object_set_string_member (record, "state", "done");
  json_object_set_string_member (record, "changed_at", "2026-01-01T00:00:00Z");
  /* Equal time: what is here stays. */
  record = find_record (root, "me", "soundcloud", "decline-ai-opt-in");
  json_object_set_string_member (record, "state", "skipped");
  /* New to this profile: a record, and a platform it now uses. */
  platforms = json_object_get_array_member (json_array_get_object_element (profiles, 0), "platforms");
  json_array_add_string_element (platforms, "claude");
  new_record = json_object_new ();
  json_object_set_string_member (new_record, "platform", "claude");
  json_object_set_string_member (new_record, "action", "turn-off-training");
  json_object_set_string_member (new_record, "state", "skipped");
  json_object_set_string_member (new_record, "changed_at", "2026-11-30T11:00:00Z");
  json_object_set_int_member (new_record, "revision", 1);
  json_array_add_object_element (json_object_get_array_member (json_array_get_object_element (profiles, 0), "records"),
                                 new_record);
  /* A profile new here whose name is taken here: added under another name. The backup's own
   * Anna is left out, as two profiles of one backup must have different names. */
  twin_record = json_object_ref (find_record (root, "anna", "x", "turn-off-grok-training"));
  json_array_remove_element (profiles, 1);
  profile = json_object_new ();
  json_object_set_string_member (profile, "id", "anna-2");
  json_object_set_string_member (profile, "name", "ANNA MÜLLER");
  json_object_set_string_member (profile, "region", "UK");
  json_object_set_boolean_member (profile, "region_confirmed", TRUE);
  json_object_set_array_member (profile, "platforms", json_array_new ());
  records = json_array_new ();
  json_array_add_object_element (records, twin_record);
  json_object_set_array_member (profile, "records", records);
  json_array_add_object_element (profiles, profile);

  text = json_to_string (json_parser_get_root (parser), FALSE);
  backup = g_bytes_new_take (text, strlen (text));

  g_signal_connect (f->progress, "records-changed", G_CALLBACK (count_signal), &signals);
  g_assert_true (ut_progress_import (f->progress, backup, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpuint (signals, ==, 2);

  me = ut_progress_lookup_profile (f->progress, "me");
  g_assert_cmpint (ut_profile_lookup_record (me, "linkedin", "objection-form")->state, ==, UT_ACTION_STATE_DONE);
  g_assert_cmpint (ut_profile_lookup_record (me, "chatgpt", "use-temporary-chat")->state, ==, UT_ACTION_STATE_SKIPPED);
  g_assert_cmpint (ut_profile_lookup_record (me, "claude", "turn-off-training")->state, ==, UT_ACTION_STATE_SKIPPED);
  g_assert_true (ut_profile_uses_platform (me, "claude"));
  g_assert_cmpint (ut_profile_lookup_record (me, "soundcloud", "decline-ai-opt-in")->state, ==, UT_ACTION_STATE_DONE);
  twin = ut_progress_lookup_profile (f->progress, "anna-2");
  g_assert_nonnull (twin);
  g_assert_cmpstr (ut_profile_get_name (twin), ==, "ANNA MÜLLER (2)");
  g_assert_cmpint (ut_profile_get_region (twin), ==, UT_REGION_UK);
  g_assert_cmpuint (g_list_model_get_n_items (ut_progress_get_profiles (f->progress)), ==, 3);

  /* What the app shows is what was saved. */
  {
    g_autoptr(UtProgress) reloaded = fixture_new_progress (f, f->directory);
    g_autofree char *shown = progress_dump (f->progress);
    g_autofree char *on_disk = NULL;

    g_assert_true (ut_progress_load (reloaded, &error));
    on_disk = progress_dump (reloaded);
    g_assert_cmpstr (on_disk, ==, shown);
  }
}

static void
assert_import_refused (Fixture    *f,
                       const char *backup,
                       gssize      length,
                       GQuark      domain,
                       int         code)
{
  g_autofree char *file_before = ut_test_read_file (ut_progress_get_path (f->progress));
  g_autofree char *memory_before = progress_dump (f->progress);
  g_autofree char *file_after = NULL;
  g_autofree char *memory_after = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (backup, length < 0 ? strlen (backup) : (gsize) length);
  g_autoptr(GError) error = NULL;
  guint added = 99, updated = 99;

  g_assert_false (ut_progress_import (f->progress, bytes, &added, &updated, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, "othing was changed"));
  g_test_message ("%s", error->message);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 0);

  file_after = ut_test_read_file (ut_progress_get_path (f->progress));
  memory_after = progress_dump (f->progress);
  g_assert_cmpstr (file_after, ==, file_before);
  g_assert_cmpstr (memory_after, ==, memory_before);
}

/* A backup that would add a record, for the bad ones to be made from. */
static char *
make_backup_adding_a_record (Fixture *f)
{
  UtProfile *me = ut_progress_lookup_profile (f->progress, "me");
  g_autoptr(JsonNode) root = ut_progress_to_json (f->progress, me);
  JsonObject *record = json_object_new ();
  JsonArray *records;

  records = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "profiles"), 0), "records");
  json_object_set_string_member (record, "platform", "reddit");
  json_object_set_string_member (record, "action", "delete-content");
  json_object_set_string_member (record, "state", "done");
  json_object_set_string_member (record, "changed_at", "2026-11-30T10:00:00Z");
  json_array_add_object_element (records, record);

  return json_to_string (root, TRUE);
}

static void
test_import_malformed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *good = make_backup_adding_a_record (f);
  g_autofree char *duplicate = NULL;
  gsize length = strlen (good);
  static const char * const bad[] = {
    "",
    "{",
    "null",
    "[]",
    "{\"format\": 1}",
    "{\"format\": \"1\", \"profiles\": []}",
    "{\"profiles\": []}",
    "{\"format\": 1, \"profiles\": [{\"id\": \"me\"}]}",
    "{\"format\": 1, \"profiles\": [{\"id\": \"\", \"name\": \"X\", \"region\": \"US\", \"platforms\": [], \"records\": []}]}",
    "{\"format\": 1, \"profiles\": [{\"id\": \"me\", \"name\": \"X\", \"region\": \"Mars\", \"platforms\": [], \"records\": []}]}",
    "\xff\xfe{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_import_refused (f, bad[i], -1, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  /* Cut anywhere, the file is refused. */
  for (guint i = 1; i < 20; i++)
    assert_import_refused (f, good, (gssize) (length * i / 20), G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  /* A fault in the last record refuses the whole file, not just what follows it. */
  {
    g_autoptr(GString) text = g_string_new (good);
    char *state = strstr (text->str + (strstr (good, "delete-content") - good), "\"done\"");

    g_string_overwrite (text, (gsize) (state - text->str), "\"DONE\"");
    assert_import_refused (f, text->str, -1, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  /* The same profile twice. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *profiles;

    json_parser_load_from_data (parser, good, -1, NULL);
    profiles = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "profiles");
    json_array_add_element (profiles, json_node_copy (json_array_get_element (profiles, 0)));
    duplicate = json_to_string (json_parser_get_root (parser), FALSE);
  }
  assert_import_refused (f, duplicate, -1, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  /* And the good one is accepted, so the refusals above were about the damage. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (good, length);
    g_autoptr(GError) error = NULL;
    guint added, updated;

    g_assert_true (ut_progress_import (f->progress, bytes, &added, &updated, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
  }
}

static void
test_import_future (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *good = make_backup_adding_a_record (f);
  g_autoptr(GString) future = g_string_new (good);
  g_autofree char *current = g_strdup_printf ("\"format\" : %d", UT_PROGRESS_FORMAT);
  char *format = strstr (future->str, current);

  g_assert_nonnull (format);
  g_string_overwrite (future, (gsize) (format - future->str), "\"format\" : 9");
  assert_import_refused (f, future->str, -1, UT_PROGRESS_ERROR, UT_PROGRESS_ERROR_FUTURE_FORMAT);
}

/* ---- writing files ---------------------------------------------------------------------- */

static void
test_to_file (Fixture       *f,
              gconstpointer  data)
{
  UtExportOptions options = { f->now, UT_EXPORT_PAPER_LETTER, NULL };
  g_autofree char *path = g_build_filename (f->directory, "checklist.md", NULL);
  g_autofree char *missing = g_build_filename (f->directory, "no", "such", "folder", "checklist.md", NULL);
  g_autofree char *expected = export_text (f, UT_EXPORT_FORMAT_MARKDOWN, NULL, NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  UtProfile *me = ut_progress_lookup_profile (f->progress, "me");
  g_autofree char *name = ut_export_suggest_filename (UT_EXPORT_FORMAT_PDF, me, f->now);

  g_assert_cmpstr (name, ==, "untrain-checklist-me-2026-12-01.pdf");

  g_assert_true (ut_export_to_file (UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, NULL, &options, path, &error));
  g_assert_no_error (error);
  written = ut_test_read_file (path);
  g_assert_cmpstr (written, ==, expected);

  g_assert_false (ut_export_to_file (UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, NULL, &options, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the checklist to "));
  g_assert_true (g_str_has_suffix (error->message, ": the folder does not exist. Choose another folder."));
  g_clear_error (&error);

  /* A folder in the way is named, not overwritten. */
  g_assert_false (ut_export_to_file (UT_EXPORT_FORMAT_JSON, f->catalog, f->progress, NULL, &options, f->directory, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->directory), ==, 2);
}

/* A device or a FIFO in the way is refused, not turned into a regular file. */
static void
test_device_not_replaced (Fixture       *f,
                          gconstpointer  data)
{
  UtExportOptions options = { f->now, UT_EXPORT_PAPER_A4, NULL };
  g_autofree char *fifo = g_build_filename (f->directory, "pipe", NULL);
  g_autofree char *device = g_build_filename (f->directory, "null", NULL);
  const char *targets[] = { fifo, device, NULL };
  g_autoptr(GError) error = NULL;

  /* A copy of /dev/null in the test's own folder, never the real one: a regression here would
   * replace the device. Only root may make one; others test the FIFO alone. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  if (mknod (device, S_IFCHR | 0600, makedev (1, 3)) != 0)
    {
      g_test_message ("no device node (%s): only the FIFO is tested", g_strerror (errno));
      targets[1] = NULL;
    }
  for (guint i = 0; targets[i] != NULL; i++)
    {
      GStatBuf info;

      g_assert_false (ut_export_to_file (UT_EXPORT_FORMAT_MARKDOWN, f->catalog, f->progress, NULL, &options,
                                         targets[i], &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "is not a regular file"));
      g_clear_error (&error);
      g_assert_cmpint (g_lstat (targets[i], &info), ==, 0);
      g_assert_false (S_ISREG (info.st_mode));
    }
}

static void
test_to_file_async (Fixture       *f,
                    gconstpointer  data)
{
  UtExportOptions options = { f->now, UT_EXPORT_PAPER_A4, NULL };
  g_autofree char *path = g_build_filename (f->directory, "checklist.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  UtProfile *anna = ut_progress_lookup_profile (f->progress, "anna");
  gsize length;

  g_assert_true (export_to_file_in_thread (f, UT_EXPORT_FORMAT_PDF, anna, &options, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Errors of the export itself come back the same way: Anna has no re-check to remind of
   * once her one finished action is undone. */
  g_assert_true (ut_progress_set_state (f->progress, anna, ut_catalog_lookup (f->catalog, "x"),
                                        "turn-off-grok-training", UT_ACTION_STATE_TODO, &error));
  g_assert_false (export_to_file_in_thread (f, UT_EXPORT_FORMAT_ICS, anna, &options, path, &error));
  g_assert_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_NOTHING_TO_EXPORT);
  g_test_message ("%s", error->message);
}

/* The child half of read-only: as root it drops to an unprivileged user, for whom permissions
 * do stop writes. */
static void
test_read_only_child (void)
{
  Fixture f = { (char *) g_getenv ("UT_TEST_DIRECTORY"), NULL, NULL, NULL };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) backup = NULL;
  guint files;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as part of /export/read-only");
      return;
    }

  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not drop privileges");

  f.now = g_date_time_new (utc, 2026, 12, 1, 10, 0, 0);
  f.catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f.progress = fixture_new_progress (&f, f.directory);
  g_assert_true (ut_progress_load (f.progress, &error));
  files = count_files (f.directory);

  /* Exporting into the read-only folder fails with a sentence and leaves no file. */
  path = g_build_filename (f.directory, "checklist.csv", NULL);
  g_assert_false (ut_export_to_file (UT_EXPORT_FORMAT_CSV, f.catalog, f.progress, NULL, NULL, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the checklist to "));
  g_assert_true (g_str_has_suffix (error->message, ": permission denied. Choose another folder."));
  g_assert_cmpuint (count_files (f.directory), ==, files);
  g_clear_error (&error);

  /* Importing where progress cannot be saved changes nothing, in memory either. */
  good = make_backup_adding_a_record (&f);
  backup = g_bytes_new (good, strlen (good));
  before = progress_dump (f.progress);
  g_assert_false (ut_progress_import (f.progress, backup, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_test_message ("%s", error->message);
  after = progress_dump (f.progress);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (ut_profile_lookup_record (ut_progress_lookup_profile (f.progress, "me"), "reddit", "delete-content"));
  g_assert_cmpuint (count_files (f.directory), ==, files);

  g_object_unref (f.progress);
  g_object_unref (f.catalog);
  g_date_time_unref (f.now);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = ut_test_read_file (ut_progress_get_path (f->progress));
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (f->directory, 0555), ==, 0);
  g_setenv ("UT_TEST_DIRECTORY", f->directory, TRUE);
  g_test_trap_subprocess ("/export/read-only/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  after = ut_test_read_file (ut_progress_get_path (f->progress));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_chmod (f->directory, 0700), ==, 0);
}

/* The child half of disk-full: a file size limit makes writes fail part-way, as a full disk
 * does, without needing one. */
static void
test_disk_full_child (void)
{
  Fixture f = { (char *) g_getenv ("UT_TEST_DIRECTORY"), NULL, NULL, NULL };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  struct rlimit limit = { 4096, 4096 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as part of /export/disk-full");
      return;
    }

  f.now = g_date_time_new (utc, 2026, 12, 1, 10, 0, 0);
  f.catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f.progress = fixture_new_progress (&f, f.directory);
  g_assert_true (ut_progress_load (f.progress, &error));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  path = g_build_filename (f.directory, "checklist.pdf", NULL);
  g_assert_false (ut_export_to_file (UT_EXPORT_FORMAT_PDF, f.catalog, f.progress, NULL, NULL, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the checklist to "));

  g_object_unref (f.progress);
  g_object_unref (f.catalog);
  g_date_time_unref (f.now);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->directory, "out", NULL);
  g_autofree char *progress = g_build_filename (out, "progress.json", NULL);
  g_autofree char *contents = ut_test_read_file (ut_progress_get_path (f->progress));

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (progress, contents, -1, NULL));
  g_setenv ("UT_TEST_DIRECTORY", out, TRUE);
  g_test_trap_subprocess ("/export/disk-full/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* Neither the PDF nor its temporary file is left. */
  g_assert_cmpuint (count_files (out), ==, 1);
}

/* ---- the command line ------------------------------------------------------------------- */

typedef struct
{
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static int
run_untrain (const char *data_home,
             Run        *run,
             const char *first,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = ut_test_launcher (data_home, data_home);
  va_list args;
  int status;

  va_start (args, first);
  status = ut_test_run_valist (launcher, ut_test_untrain_binary (), &run->out, &run->err, first, args);
  va_end (args);

  return status;
}

static void
assert_one_line_error (Run        *run,
                       const char *expected)
{
  g_assert_true (g_str_has_prefix (run->err, "untrain: "));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (strstr (run->err, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, run->err);
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_auto(Run) run = { NULL };
  g_autofree char *home = g_build_filename (f->directory, "home", NULL);
  g_autofree char *untrain_dir = g_build_filename (home, "untrain", NULL);
  g_autofree char *other = g_build_filename (f->directory, "other", NULL);
  g_autofree char *backup = g_build_filename (f->directory, "backup.json", NULL);
  g_autofree char *pdf = g_build_filename (f->directory, "checklist.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->directory, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (f->directory, "nowhere", "x.md", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *fixture = ut_test_read_file (ut_progress_get_path (f->progress));
  g_autofree char *progress = g_build_filename (untrain_dir, "progress.json", NULL);
  g_autofree char *other_progress = g_build_filename (other, "untrain", "progress.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (untrain_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (progress, fixture, -1, NULL));

  /* Text goes to the terminal; the first profile unless one is named. */
  g_assert_cmpint (run_untrain (home, &run, "--export=md", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "# Untrain checklist — Sam \"Sammy\" Lee, Jr.\n"));
  g_assert_null (strstr (run.out, "Anna"));
  g_assert_cmpint (run_untrain (home, &run, "--export=csv", "--profile=Anna Müller", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "\r\nAnna Müller,EU,"));
  g_assert_cmpint (run_untrain (home, &run, "--export=ics", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "BEGIN:VCALENDAR\r\n"));

  g_assert_cmpint (run_untrain (home, &run, "--export=pdf", "--paper=letter", "--output", pdf, NULL), ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  contents = ut_test_read_file (pdf);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Usage errors: one line, status 2. */
  g_assert_cmpint (run_untrain (home, &run, "--export=docx", NULL), ==, 2);
  assert_one_line_error (&run, "unknown export format “docx” (allowed: md, csv, json, ics, pdf)");
  g_assert_cmpint (run_untrain (home, &run, "--export=pdf", NULL), ==, 2);
  assert_one_line_error (&run, "--output=FILE");
  g_assert_cmpint (run_untrain (home, &run, "--export=pdf", "--paper=a3", "--output", pdf, NULL), ==, 2);
  assert_one_line_error (&run, "unknown paper size “a3”");
  g_assert_cmpint (run_untrain (home, &run, "--output=x.md", NULL), ==, 2);
  assert_one_line_error (&run, "--output and --paper go with --export");
  g_assert_cmpint (run_untrain (home, &run, "--export=md", "--import", backup, NULL), ==, 2);
  assert_one_line_error (&run, "choose only one operation");
  g_assert_cmpint (run_untrain (home, &run, "--export=md", "--profile=Nobody", NULL), ==, 2);
  assert_one_line_error (&run, "there is no profile called “Nobody”");

  /* Failures: one line, status 1, no file. */
  g_assert_cmpint (run_untrain (home, &run, "--export=md", "--output", missing, NULL), ==, 1);
  assert_one_line_error (&run, "the folder does not exist. Choose another folder.");

  /* A backup of all profiles, restored elsewhere. */
  g_assert_cmpint (run_untrain (home, &run, "--export=json", "--output", backup, NULL), ==, 0);
  g_assert_cmpint (run_untrain (other, &run, "--import", backup, NULL), ==, 0);
  g_assert_cmpstr (run.out, ==, "Imported 10 new records and updated 0.\n");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run_untrain (other, &run, "--import", backup, NULL), ==, 0);
  g_assert_cmpstr (run.out, ==, "Imported 0 new records and updated 0.\n");

  /* A bad backup changes nothing and says why. */
  before = ut_test_read_file (other_progress);
  g_assert_true (g_file_set_contents (bad, "{\"format\": 1, \"profiles\": [", -1, NULL));
  g_assert_cmpint (run_untrain (other, &run, "--import", bad, NULL), ==, 1);
  assert_one_line_error (&run, "is not a backup Untrain can import");
  g_assert_cmpint (run_untrain (other, &run, "--import", missing, NULL), ==, 1);
  assert_one_line_error (&run, "x.md");
  after = ut_test_read_file (other_progress);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates in the golden files are local days: pin the zone and the locale they are made in. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/export/iter", test_iter);
  ADD ("/export/golden/markdown", test_golden_markdown);
  ADD ("/export/golden/csv", test_golden_csv);
  ADD ("/export/golden/ics", test_golden_ics);
  ADD ("/export/ics-folding", test_ics_folding);
  ADD ("/export/identities", test_identities);
  ADD ("/export/identities-file-mode", test_identities_file_mode);
  ADD ("/export/csv-formulas-neutralised", test_csv_formulas_neutralised);
  ADD ("/export/line-breaks-cannot-inject", test_line_breaks_cannot_inject);
  ADD ("/export/device-not-replaced", test_device_not_replaced);
  ADD ("/export/json-round-trip", test_json_round_trip);
  ADD ("/export/import/merge", test_import_merge);
  ADD ("/export/import/malformed", test_import_malformed);
  ADD ("/export/import/future", test_import_future);
  ADD ("/export/to-file", test_to_file);
  ADD ("/export/to-file-async", test_to_file_async);
  ADD ("/export/read-only", test_read_only);
  g_test_add_func ("/export/read-only/child", test_read_only_child);
  ADD ("/export/disk-full", test_disk_full);
  g_test_add_func ("/export/disk-full/child", test_disk_full_child);
  ADD ("/export/cli", test_cli);
#undef ADD

  return g_test_run ();
}
