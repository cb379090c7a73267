/* test-cli.c — the untrain executable's command line, run as a user would run it
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ut-catalog.h"
#include "ut-test-utils.h"

/* Each test has its own home, data and settings folders (G_TEST_OPTION_ISOLATE_DIRS), which the
 * untrain it runs uses too, and which GLib removes after the test: progress, its backup, the file
 * keyring and the backup libsecret keeps of it all live there. */
typedef struct
{
  char *progress;  /* progress.json in the test's data folder */
  char *out;
  char *err;
  char *keyring;  /* when set, untrain uses libsecret's file backend there */
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->progress = g_build_filename (g_get_user_data_dir (), "untrain", "progress.json", NULL);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_free (f->progress);
  g_free (f->keyring);
  g_free (f->out);
  g_free (f->err);
}

/* Runs untrain with @args (NULL-terminated) and returns its exit status. */
static int
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = ut_test_launcher (g_get_user_data_dir (),
                                                              g_get_user_config_dir ());
  va_list args;
  int status;

  g_subprocess_launcher_setenv (launcher, "TZ", "Europe/Zurich", TRUE);
  if (f->keyring != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "SECRET_BACKEND", "file", TRUE);
      g_subprocess_launcher_setenv (launcher, "SECRET_FILE_TEST_PATH", f->keyring, TRUE);
      g_subprocess_launcher_setenv (launcher, "SECRET_FILE_TEST_PASSWORD", "test", TRUE);
    }

  va_start (args, first);
  status = ut_test_run_valist (launcher, ut_test_untrain_binary (), &f->out, &f->err, first, args);
  va_end (args);

  return status;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
assert_one_line_error (Fixture    *f,
                       const char *expected)
{
  g_assert_cmpuint (count_lines (f->err), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "untrain: "));
  if (strstr (f->err, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, f->err);
  g_assert_cmpstr (f->out, ==, "");
}

/* The first action LinkedIn lists for @region, from the real catalog. */
static char *
linkedin_action (UtRegion region,
                 guint    index)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  const UtRegionOffer *offer = ut_platform_get_offer (ut_catalog_lookup (catalog, "linkedin"), region);

  g_assert_cmpuint (offer->actions->len, >, index);
  return g_strdup (ut_action_get_id (g_ptr_array_index (offer->actions, index)));
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpint (run (f, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "untrain " PACKAGE_VERSION " (catalog "));
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GRegex) linkedin = g_regex_new ("^linkedin +LinkedIn +opt-out +2$", G_REGEX_MULTILINE, 0, NULL);

  g_assert_cmpint (run (f, "--list", "--region=EU", NULL), ==, 0);
  /* The region, then a header row over the columns. */
  g_assert_true (g_str_has_prefix (f->out, "Region: European Union and EEA (EU)\n"
                                           "ID                   Name                                 Status          Actions\n"));
  g_assert_cmpuint (count_lines (f->out), >=, 46);
  g_assert_true (g_regex_match (linkedin, f->out, 0, NULL));

  /* Without --region, the profile's (here guessed from TZ=Europe/Zurich). */
  g_assert_cmpint (run (f, "--list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Region: Switzerland (CH)\n"));
  /* Listing writes nothing. */
  g_assert_false (g_file_test (f->progress, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (run (f, "--list", "--region=FR", NULL), ==, 2);
  assert_one_line_error (f, "unknown region “FR” (allowed: US, EU, CH, UK, OTHER)");

  g_assert_cmpint (run (f, "--frobnicate", NULL), ==, 2);
  assert_one_line_error (f, "--frobnicate");

  g_assert_cmpint (run (f, "--list", "--status", NULL), ==, 2);
  assert_one_line_error (f, "choose only one operation");

  g_assert_cmpint (run (f, "--status", "--profile=Nobody", NULL), ==, 2);
  assert_one_line_error (f, "there is no profile called “Nobody”");

  g_assert_cmpint (run (f, "--use", NULL), ==, 2);
  assert_one_line_error (f, "--use needs at least one platform");

  g_assert_cmpint (run (f, "--use", "linkedin", "myspace", NULL), ==, 2);
  assert_one_line_error (f, "unknown platform “myspace”");

  g_assert_cmpint (run (f, "--mark", "linkedin", NULL), ==, 2);
  assert_one_line_error (f, "--mark needs a platform, an action and one of");

  g_assert_cmpint (run (f, "--mark", "linkedin", "teleport", "done", NULL), ==, 2);
  assert_one_line_error (f, "linkedin has no action “teleport” (actions: ");

  g_assert_cmpint (run (f, "--mark", "linkedin", "x", "maybe", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "linkedin has no action “x”"));

  g_assert_cmpint (run (f, "--validate-catalog", NULL), ==, 2);
  assert_one_line_error (f, "--validate-catalog needs at least one file");

  g_assert_cmpint (run (f, "stray", NULL), ==, 2);
  assert_one_line_error (f, "unexpected argument “stray”");

  /* None of these may have created progress. */
  g_assert_false (g_file_test (f->progress, G_FILE_TEST_EXISTS));
}

static void
test_use_mark_status (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *action = linkedin_action (UT_REGION_UK, 0);
  g_autoptr(GRegex) summary = g_regex_new ("^([0-9]+) of ([0-9]+) actions done$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  /* Before anything is saved, the profile is the computer's user, its region a guess. */
  g_assert_cmpint (run (f, "--status", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Profile: Me (region CH, guessed)\n"));

  g_assert_cmpint (run (f, "--use", "linkedin", "x", "--profile=Anna", "--region=UK", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Created profile Anna and added LinkedIn and X to it.\n");
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run (f, "--status", "--profile=anna", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Profile: Anna (region UK)\n"));
  g_assert_true (g_regex_match (summary, f->out, 0, &match));
  g_assert_cmpstr (g_match_info_fetch (match, 1), ==, "0");
  g_assert_nonnull (strstr (f->out, "\nlinkedin "));
  g_assert_nonnull (strstr (f->out, "\nx "));

  g_assert_cmpint (run (f, "--mark", "linkedin", action, "done", "--profile=Anna", NULL), ==, 0);
  g_assert_cmpint (run (f, "--status", "--profile=Anna", NULL), ==, 0);
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_true (g_regex_match (summary, f->out, 0, &match));
  g_assert_cmpstr (g_match_info_fetch (match, 1), ==, "1");
  g_assert_nonnull (strstr (f->out, action));

  g_assert_cmpint (run (f, "--mark", "linkedin", action, "todo", "--profile=Anna", NULL), ==, 0);
  g_assert_cmpint (run (f, "--status", "--profile=Anna", NULL), ==, 0);
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_true (g_regex_match (summary, f->out, 0, &match));
  g_assert_cmpstr (g_match_info_fetch (match, 1), ==, "0");

  /* Without --profile, the first profile. */
  g_assert_cmpint (run (f, "--status", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Profile: Anna (region UK)\n"));
}

/* --use says what it added, and what was there already. */
static void
test_use_summary (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpint (run (f, "--use", "linkedin", "pinterest", "reddit", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Added LinkedIn, Pinterest and Reddit to profile Me.\n");
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run (f, "--use", "reddit", "--profile=me", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Nothing to add: Reddit is already in profile Me.\n");

  g_assert_cmpint (run (f, "--use", "linkedin", "reddit", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Nothing to add: LinkedIn and Reddit are already in profile Me.\n");

  /* A platform named twice counts once. */
  g_assert_cmpint (run (f, "--use", "quora", "linkedin", "quora", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Added Quora to profile Me. LinkedIn was already in it.\n");

  g_assert_cmpint (run (f, "--use", "linkedin", "tumblr", "reddit", "medium", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Added Tumblr and Medium to profile Me. LinkedIn and Reddit were already in it.\n");
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run (f, "--status", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Profile: Me "));
  for (guint i = 0; i < 6; i++)
    {
      const char *ids[] = { "\nlinkedin ", "\nmedium ", "\npinterest ", "\nquora ", "\nreddit ", "\ntumblr " };

      g_assert_nonnull (strstr (f->out, ids[i]));
    }
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", "valid", "example.json", NULL);
  g_autofree char *bad1 = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", "bad-date", "example.json", NULL);
  g_autofree char *bad2 = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", "missing-region", "example.json", NULL);
  g_autofree char *bundle = g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "catalog.json", NULL);
  g_autoptr(UtCatalog) bundled = ut_catalog_load_bundled (NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpint (run (f, "--validate-catalog", valid, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1 record is valid.\n");
  g_assert_cmpstr (f->err, ==, "");

  /* A bundle counts each record in it. */
  expected = g_strdup_printf ("%u records are valid.\n", g_list_model_get_n_items (G_LIST_MODEL (bundled)));
  g_assert_cmpint (run (f, "--validate-catalog", bundle, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Both fixtures are records of "example": the clash between files is a problem too. */
  g_assert_cmpint (run (f, "--validate-catalog", bad1, bad2, NULL), ==, 1);
  g_assert_cmpuint (count_lines (f->out), ==, 3);
  g_assert_nonnull (strstr (f->out, "/id: duplicate platform id \"example\" (already used at "));
  expected = g_strdup_printf ("%s: /changes/0/date: \"2025-02-30\" is not a valid date (allowed: YYYY-MM-DD)\n", bad1);
  g_assert_true (g_str_has_prefix (f->out, expected));
  g_assert_nonnull (strstr (f->out, "/regions/CH: region CH is missing"));
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  f->keyring = g_build_filename (g_get_home_dir (), "keyring", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);

  g_assert_cmpint (run (f, "--identity-set", "linkedin", "anna@exämple.org", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run (f, "--identity-set", "linkedin", "anna@example.org", "--profile=Dad", NULL), ==, 2);
  assert_one_line_error (f, "there is no profile called “Dad”");

  g_assert_cmpint (run (f, "--identity-get", "linkedin", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "anna@exämple.org\n");

  g_assert_cmpint (run (f, "--identity-get", "myspace", NULL), ==, 2);
  assert_one_line_error (f, "unknown platform “myspace”");
  g_assert_cmpint (run (f, "--identity-set", "linkedin", NULL), ==, 2);
  assert_one_line_error (f, "--identity-set needs a platform and a value");

  g_assert_cmpint (run (f, "--identity-clear", "linkedin", NULL), ==, 0);
  g_assert_cmpint (run (f, "--identity-get", "linkedin", NULL), ==, 1);
  assert_one_line_error (f, "no account is saved for LinkedIn in profile Me");
}

/* With a keyring that stays locked, --identity-get and --identity-clear say so rather than that
 * nothing is saved or that it was removed, as --identity-set does: a real GNOME Keyring, locked over D-Bus after the account was saved, whose
 * unlock prompt cannot show (with-keyring.sh leaves no display). */
static void
test_identity_locked (Fixture       *f,
                      gconstpointer  data)
{
  static const char script[] =
    "untrain=$1 dir=$2\n"
    "\"$untrain\" --identity-set linkedin anna@example.org >/dev/null 2>&1 || exit 3\n"
    "gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets "
    "--method org.freedesktop.Secret.Service.Lock \"['/org/freedesktop/secrets/aliases/default']\" "
    ">/dev/null || exit 4\n"
    "\"$untrain\" --identity-get linkedin >\"$dir/get.out\" 2>\"$dir/get.err\"; echo $? >\"$dir/get.status\"\n"
    "\"$untrain\" --identity-set linkedin bob@example.org >\"$dir/set.out\" 2>\"$dir/set.err\"; echo $? >\"$dir/set.status\"\n"
    "\"$untrain\" --identity-clear linkedin >\"$dir/clear.out\" 2>\"$dir/clear.err\"; echo $? >\"$dir/clear.status\"\n";
  static const char locked[] = "untrain: Your keyring is locked, so Untrain cannot use the account names "
                               "you saved. Unlock it and try again.\n";
  g_autofree char *with_keyring = g_test_build_filename (G_TEST_DIST, "with-keyring.sh", NULL);
  const char *dir = g_get_user_data_dir ();
  const char *names[] = { "get", "set", "clear" };
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *gdbus = g_find_program_in_path ("gdbus");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (daemon == NULL || gdbus == NULL)
    {
      g_test_skip ("needs gnome-keyring-daemon and gdbus");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  launcher = ut_test_launcher (dir, g_get_user_config_dir ());
  g_subprocess_launcher_setenv (launcher, "TZ", "Europe/Zurich", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, with_keyring, "sh", "-c", script, "sh",
                                         ut_test_untrain_binary (), dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &f->out, &f->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("the keyring script failed: %s", f->err);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out_path = g_strdup_printf ("%s/%s.out", dir, names[i]);
      g_autofree char *err_path = g_strdup_printf ("%s/%s.err", dir, names[i]);
      g_autofree char *status_path = g_strdup_printf ("%s/%s.status", dir, names[i]);
      g_autofree char *out = ut_test_read_file (out_path);
      g_autofree char *err = ut_test_read_file (err_path);
      g_autofree char *status = ut_test_read_file (status_path);

      g_test_message ("--identity-%s: %s", names[i], err);
      g_assert_cmpstr (status, ==, "1\n");
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, locked);
    }
}

/* --update-catalog's usage errors exit with 2 and touch nothing; its refusals, against a loopback
 * server, are in test-catalog-update. */
static void
test_update_catalog_usage (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *installed = g_build_filename (g_get_user_data_dir (), "untrain", "catalog", NULL);

  g_assert_cmpint (run (f, "--url=https://example.org/catalog.json", NULL), ==, 2);
  assert_one_line_error (f, "--url goes with --update-catalog");

  g_assert_cmpint (run (f, "--update-catalog", "https://example.org/catalog.json", NULL), ==, 2);
  assert_one_line_error (f, "--update-catalog takes no arguments, but got “https://example.org/catalog.json”");

  g_assert_cmpint (run (f, "--update-catalog", "--url=", NULL), ==, 2);
  assert_one_line_error (f, "--url needs an address");

  g_assert_cmpint (run (f, "--update-catalog", "--list", NULL), ==, 2);
  assert_one_line_error (f, "choose only one operation");

  g_assert_cmpint (run (f, "--update-catalog", "--profile=Anna", NULL), ==, 2);
  assert_one_line_error (f, "--update-catalog takes no --profile or --region");

  /* Refused before any connection: exit status 1, one line. */
  g_assert_cmpint (run (f, "--update-catalog", "--url=http://example.org/catalog.json", NULL), ==, 1);
  assert_one_line_error (f, "is not secure: only https:// addresses are allowed");
  g_assert_cmpint (run (f, "--update-catalog", "--url=https://user:secret@example.org/catalog.json", NULL), ==, 1);
  assert_one_line_error (f, "has a user name or password in it");
  g_assert_null (strstr (f->err, "secret"));

  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));

  /* Listed in --help. */
  g_assert_cmpint (run (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--update-catalog "));
  g_assert_nonnull (strstr (f->out, "--url=URL "));
}

/* A day relative to today, as --request takes it. */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* An objection in the person's words, sent, followed through to a complaint. */
static void
test_letter_and_requests (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *eml = g_build_filename (g_get_user_data_dir (), "objection.eml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sent = day_from_today (-40);

  g_assert_cmpint (run (f, "--use", "claude", "--profile=Anna", "--region=EU", NULL), ==, 0);

  /* The GDPR asks for grounds; the letter is not written without them. */
  g_assert_cmpint (run (f, "--letter", "claude", "--name=Anna", NULL), ==, 1);
  assert_one_line_error (f, "grounds relating to your particular situation");

  g_assert_cmpint (run (f, "--letter", "claude", "--grounds=My chats name my patients.", "--name=Anna Test",
                        "--language=en", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Under Art. 21(1) GDPR, I object"));
  g_assert_nonnull (strstr (f->out, "My chats name my patients."));
  g_assert_nonnull (strstr (f->out, "Anna Test"));
  /* Addressed to the platform's privacy address, above the subject. */
  g_assert_nonnull (strstr (f->out, "privacy@anthropic.com\n\nObjection to the use of my personal data"));

  g_assert_cmpint (run (f, "--letter", "claude", "--grounds=My chats name my patients.", "--name=Anna",
                        "--format=eml", "--output", eml, NULL), ==, 0);
  g_assert_true (g_file_get_contents (eml, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "To: privacy@anthropic.com\r\n"));
  g_assert_nonnull (strstr (f->err, "untrain --request claude sent"));

  g_assert_cmpint (run (f, "--letter", "claude", "--format=pdf", NULL), ==, 2);
  assert_one_line_error (f, "--output");
  g_assert_cmpint (run (f, "--letter", "claude", "--language=it", NULL), ==, 2);
  assert_one_line_error (f, "en, de or fr");

  /* Sent 40 days ago: the month has passed. */
  g_assert_cmpint (run (f, "--request", "claude", "sent", "--date", sent, "--channel=email", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Overdue by"));
  g_assert_cmpint (run (f, "--status", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Requests:\n  claude"));
  g_assert_nonnull (strstr (f->out, "overdue"));

  g_assert_cmpint (run (f, "--letter", "claude", "--kind=complaint", "--regulator=fr", "--language=fr", "--name=Anna", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Réclamation concernant Anthropic"));
  g_assert_nonnull (strstr (f->out, "Commission nationale de l"));
  g_assert_cmpint (run (f, "--letter", "claude", "--kind=complaint", "--regulator=nowhere", NULL), ==, 2);
  assert_one_line_error (f, "no regulator “nowhere”");

  /* Nothing before it was sent; once answered, nothing is due. */
  g_assert_cmpint (run (f, "--request", "claude", "answered", "--date=1999-01-01", NULL), ==, 1);
  assert_one_line_error (f, "before the request was sent");
  g_assert_cmpint (run (f, "--request", "claude", "answered", NULL), ==, 0);
  g_assert_cmpint (run (f, "--status", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "answered"));
  g_assert_null (strstr (f->out, "due "));
  g_assert_cmpint (run (f, "--request", "claude", "shouted", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/cli/version", test_version);
  ADD ("/cli/list", test_list);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/use-mark-status", test_use_mark_status);
  ADD ("/cli/use-summary", test_use_summary);
  ADD ("/cli/validate", test_validate);
  ADD ("/cli/identity", test_identity);
  ADD ("/cli/identity-locked", test_identity_locked);
  ADD ("/cli/update-catalog-usage", test_update_catalog_usage);
  ADD ("/cli/letter-and-requests", test_letter_and_requests);
#undef ADD

  return g_test_run ();
}
