/* test-validator.c — every validator rule has a fixture that must fail with its message
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ut-catalog-validator.h"

typedef struct
{
  const char *fixture;   /* under tests/fixtures/catalog/ */
  const char *pointer;
  const char *message;   /* must occur in the problem's message */
  const char *today;     /* the validator's date, where the rule needs one */
} Rule;

static const Rule rules[] = {
  { "unknown-field/example.json", "/colour", "unknown field \"colour\" (allowed: id, name, category," },
  { "missing-field/example.json", "/data_used", "required field \"data_used\" is missing" },
  { "wrong-type/example.json", "/revision", "expected an integer, found a string" },
  { "missing-region/example.json", "/regions/CH", "region CH is missing (every record needs US, EU, CH, UK and OTHER)" },
  { "unknown-region/example.json", "/regions/FR", "unknown region \"FR\" (allowed: US, EU, CH, UK, OTHER)" },
  { "undefined-action/example.json", "/regions/US/actions/2",
    "action \"delete-account\" is not defined in /actions (defined: go-private, object, turn-off)" },
  { "unused-action/example.json", "/actions/3/id", "action \"email-us\" is not used by any region" },
  { "duplicate-action-id/example.json", "/actions/2/id", "duplicate action id \"object\" (already defined at /actions/1)" },
  { "non-https-url/example.json", "/actions/0/url", "\"http://example.com/settings/ai\" is not an https URL" },
  { "non-https-source/example.json", "/sources/1/url", "\"http://example.com/news\" is not an https URL" },
  { "source-url-space/example.json", "/sources/0/url", "\"https://help.example.com/ai training\" is not an https URL" },
  { "url-user-info/example.json", "/actions/0/url", "\"https://www.example.com@evil.example.org/\" is not an https URL" },
  { "url-line-break/example.json", "/actions/0/url", "contains a control character or a direction mark" },
  { "url-direction-control/example.json", "/actions/0/url", "contains a control character or a direction mark" },
  { "action-url-off-domain/example.json", "/actions/0/url",
    "\"https://evil.example.org/settings/ai\" is not on the record's domains (example.com) or a host in /form_hosts" },
  { "control-character/example.json", "/actions/0/steps/1", "contains a control character or a direction mark" },
  { "homepage-off-domain/example.json", "/homepage", "the home page must be on one of the record's domains" },
  { "bad-domain/example.json", "/domains/1", "\"https://example.org/\" is not a host name" },
  { "platform-source-off-domain/example.json", "/sources/1/publisher",
    "a \"platform\" source must be on one of the record's domains (example.com)" },
  { "unknown-publisher/example.json", "/sources/2/publisher",
    "unknown value \"blog\" (allowed: platform, regulator, court, press, other)" },
  { "duplicate-source-id/example.json", "/sources/2/id", "duplicate source id \"example-news\"" },
  { "action-without-sources/example.json", "/actions/0/sources", "required field \"sources\" is missing" },
  { "action-press-only/example.json", "/actions/0/sources",
    "needs at least one source published by the platform, a regulator or a court" },
  { "change-other-only/example.json", "/changes/0/sources", "must not rest on \"other\" sources alone" },
  { "undefined-source/example.json", "/actions/0/sources/1",
    "source \"nope\" is not defined in /sources (defined: daily-news, example-help, example-news, some-blog)" },
  { "source-cited-twice/example.json", "/actions/0/sources/1", "source \"example-help\" is cited twice" },
  { "since-without-sources/example.json", "/regions/US/sources", "a region with \"since\" must cite the sources that back it" },
  { "since-without-change/example.json", "/regions/US/since", "no entry in /changes has the date 2024-09-19" },
  { "since-after-reviewed/example.json", "/regions/EU/since", "2025-11-03 is after \"reviewed\" (2025-10-01)" },
  { "reviewed-in-future/example.json", "/reviewed", "2026-12-01 is in the future (latest allowed: 2026-11-30)", "2026-11-30" },
  { "toggle-not-trained/example.json", "/regions/OTHER/status",
    "status \"not-trained\" cannot list a \"toggle\", \"form\" or \"email\" action" },
  { "form-no-opt-out/example.json", "/regions/UK/status",
    "status \"no-opt-out\" cannot list a \"toggle\", \"form\" or \"email\" action" },
  { "opt-out-without-toggle/example.json", "/regions/EU/status", "status \"opt-out\" needs at least one \"toggle\" action" },
  { "opt-out-site-owner-only/example.json", "/regions/EU/status",
    "(a region whose only actions are site-owner signals is \"site-owner-only\")" },
  { "object-without-form/example.json", "/regions/CH/status", "status \"object\" needs at least one \"form\" or \"email\" action" },
  { "site-owner-only-with-toggle/example.json", "/regions/UK/status",
    "status \"site-owner-only\" needs at least one \"site-owner\" action and no \"toggle\"" },
  { "bad-date/example.json", "/changes/0/date", "\"2025-02-30\" is not a valid date (allowed: YYYY-MM-DD)" },
  { "bad-source-date/example.json", "/sources/1/date", "\"Sep 2025\" is not a valid date (allowed: YYYY-MM-DD, or YYYY-MM when the page gives only a month)" },
  { "bare-year-source-date/example.json", "/sources/1/date", "\"2025\" is not a valid date (allowed: YYYY-MM-DD, or YYYY-MM" },
  { "revision-lower/example.json", "/revision", "revision 1 is lower than the newest change's revision 2" },
  { "changes-order/example.json", "/changes/1/revision", "changes must be newest first: revision 2 follows revision 1" },
  { "empty-sources/example.json", "/sources", "must not be empty" },
  { "id-mismatch/example.json", "/id", "id \"other\" does not match the file name (expected \"example\")" },
  { "bad-status/example.json", "/regions/EU/status",
    "unknown value \"optout\" (allowed: opt-out, object, no-opt-out, not-trained, opt-in, site-owner-only)" },
  { "empty-region-actions/example.json", "/regions/CH/actions", "must list at least one action when status is \"object\"" },
  { "action-listed-twice/example.json", "/regions/US/actions/2", "action \"turn-off\" is listed twice in this region" },
  { "bad-field/example.json", "/actions/1/fields/3", "unknown value \"password\" (allowed: name, email," },
  { "recheck-range/example.json", "/actions/0/recheck_days", "0 is out of range (allowed: 1 to 3650)" },
  { "duplicate-id/bundle.json", "/platforms/1/id", "duplicate platform id \"example\" (already used at " },
  { "duplicate-keyword/example.json", "/keywords/2", "keyword \"sample\" is listed twice" },
  { "bad-ota/example.json", "/ota/1", "document \"../Example/Terms of Service.md\" is not \"Service/Document type.md\"" },
  { "bad-translation/bundle.json", "/translations/de/example/~1actions~10~1title", "expected [English text, its translation]" },
  { "bad-contact/example.json", "/contact/email", "\"privacy at example.com\" is not an e-mail address" },
  { "not-json/example.json", "", "not valid JSON" },
};

static void
test_valid_fixtures (void)
{
  const char *files[] = { "valid/example.json", "valid/bundle.json" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", files[i], NULL);
      g_autoptr(JsonNode) root = ut_catalog_validator_check_file (validator, path);
      GPtrArray *problems = ut_catalog_validator_get_problems (validator);

      for (guint j = 0; j < problems->len; j++)
        {
          g_autofree char *line = ut_problem_to_string (g_ptr_array_index (problems, j));
          g_test_message ("unexpected: %s", line);
        }
      g_assert_nonnull (root);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", rule->fixture, NULL);
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *problems = ut_catalog_validator_get_problems (validator);
  const UtProblem *problem;
  g_autofree char *line = NULL;

  ut_catalog_validator_set_today (validator, rule->today);
  root = ut_catalog_validator_check_file (validator, path);

  for (guint j = 0; j < problems->len; j++)
    {
      g_autofree char *text = ut_problem_to_string (g_ptr_array_index (problems, j));
      g_test_message ("%s", text);
    }

  /* Exactly one problem: each fixture breaks one rule, and the validator must not pile
   * follow-on complaints on top of it. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (ut_catalog_validator_is_valid (validator));

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, path);
  g_assert_cmpstr (problem->pointer, ==, rule->pointer);
  if (strstr (problem->message, rule->message) == NULL)
    g_error ("expected a message containing “%s”, got “%s”", rule->message, problem->message);

  line = ut_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (line, path));
}

static void
test_duplicate_across_files (void)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", "valid", "example.json", NULL);
  JsonNode *first = ut_catalog_validator_check_file (validator, path);
  JsonNode *second = ut_catalog_validator_check_file (validator, path);
  GPtrArray *problems = ut_catalog_validator_get_problems (validator);
  const UtProblem *problem;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  json_node_unref (first);
  json_node_unref (second);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->pointer, ==, "/id");
  g_assert_nonnull (strstr (problem->message, "duplicate platform id \"example\""));
  g_assert_nonnull (strstr (problem->message, path));
}

static void
test_pointer_escaping (void)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  const char *record = "{\"a/b~c\": 1}";
  g_autoptr(JsonNode) root = ut_catalog_validator_check_data (validator, "x.json", record, -1);
  GPtrArray *problems = ut_catalog_validator_get_problems (validator);
  gboolean found = FALSE;

  g_assert_nonnull (root);
  for (guint i = 0; i < problems->len; i++)
    {
      const UtProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->pointer, "/a~1b~0c"))
        found = TRUE;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validator/valid-fixtures", test_valid_fixtures);
  g_test_add_func ("/validator/duplicate-across-files", test_duplicate_across_files);
  g_test_add_func ("/validator/pointer-escaping", test_pointer_escaping);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *dir = g_path_get_dirname (rules[i].fixture);
      g_autofree char *name = g_strdup_printf ("/validator/rule/%s", dir);

      g_test_add_data_func (name, &rules[i], test_rule);
    }

  return g_test_run ();
}
