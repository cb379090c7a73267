/* fuzz-validator.c — the catalog validator on any record or bundle
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-validator"

#include "config.h"

#include "ut-catalog-validator.h"
#include "ut-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *problems;

  ut_fuzz_init ();

  root = ut_catalog_validator_check_data (validator, "fuzz.json", (const char *) data, (gssize) size);
  problems = ut_catalog_validator_get_problems (validator);

  /* Every problem is shown to a catalog maintainer, so each must print. */
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ut_problem_to_string (g_ptr_array_index (problems, i));

      g_assert (g_utf8_validate (line, -1, NULL));
    }

  if (ut_catalog_validator_is_valid (validator))
    {
      g_autoptr(UtCatalogValidator) again = ut_catalog_validator_new ();
      g_autoptr(JsonNode) reparsed = NULL;
      g_autofree char *text = NULL;

      /* The bundle tool writes valid records back out with json-glib, and the app reads that
       * bundle with the same rules: what passed once must pass again once written. */
      g_assert (root != NULL);
      text = ut_fuzz_node_to_string (root);
      reparsed = ut_catalog_validator_check_data (again, "fuzz.json", text, -1);
      if (!ut_catalog_validator_is_valid (again))
        {
          g_autofree char *first = ut_problem_to_string (g_ptr_array_index (ut_catalog_validator_get_problems (again), 0));

          g_error ("A valid record is no longer valid once written out: %s", first);
        }
    }

  return 0;
}
