/* test-region.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ut-region.h"

typedef struct
{
  const char *locale;
  const char *timezone;
  UtRegion    expected;
} Guess;

static const Guess guesses[] = {
  { "de_CH.UTF-8", NULL, UT_REGION_CH },
  { "fr_CH.UTF-8", "Europe/Zurich", UT_REGION_CH },
  { "C.UTF-8", "Europe/Zurich", UT_REGION_CH },
  { "en_GB.UTF-8", NULL, UT_REGION_UK },
  { "en_US.UTF-8", "Europe/London", UT_REGION_UK },
  { "de_DE.UTF-8", "Europe/Berlin", UT_REGION_EU },
  { "nb_NO.UTF-8", NULL, UT_REGION_EU },               /* EEA, not EU */
  { "is_IS.UTF-8", "Atlantic/Reykjavik", UT_REGION_EU },
  { "en_US.UTF-8", "Europe/Berlin", UT_REGION_EU },    /* an American living in Berlin */
  { "en_US.UTF-8", NULL, UT_REGION_US },
  { "en_US.UTF-8", "America/New_York", UT_REGION_US },
  { "es_MX.UTF-8", "America/Los_Angeles", UT_REGION_US },
  { "C", "America/Indiana/Indianapolis", UT_REGION_US },
  { "en_US.UTF-8", "America/Toronto", UT_REGION_OTHER },  /* not every America/ zone is in the US */
  { "pt_BR.UTF-8", "America/Sao_Paulo", UT_REGION_OTHER },
  { "tr_TR.UTF-8", "Europe/Istanbul", UT_REGION_OTHER },  /* in Europe, not in the EEA */
  { "ja_JP.UTF-8", "Asia/Tokyo", UT_REGION_OTHER },
  { "de_CH.UTF-8", "UTC", UT_REGION_CH },              /* UTC says nothing; the locale decides */
  { "fr_FR.UTF-8@euro", "Etc/GMT-1", UT_REGION_EU },
  { "C", NULL, UT_REGION_OTHER },
  { NULL, NULL, UT_REGION_OTHER },
  { "en", ":Europe/Dublin", UT_REGION_EU },
  { "en_GB", "/usr/share/zoneinfo/Europe/London", UT_REGION_UK },
};

static void
test_guess (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      UtRegion region = ut_region_guess (guesses[i].locale, guesses[i].timezone);

      g_test_message ("%s + %s → %s", guesses[i].locale, guesses[i].timezone, ut_region_to_code (region));
      g_assert_cmpstr (ut_region_to_code (region), ==, ut_region_to_code (guesses[i].expected));
    }
}

static void
test_codes (void)
{
  UtRegion region;

  for (guint i = 0; i < UT_N_REGIONS; i++)
    {
      g_assert_true (ut_region_from_code (ut_region_to_code ((UtRegion) i), &region));
      g_assert_cmpint (region, ==, i);
      g_assert_nonnull (ut_region_get_display_name ((UtRegion) i));
    }

  g_assert_true (ut_region_from_code ("ch", &region));
  g_assert_cmpint (region, ==, UT_REGION_CH);
  g_assert_false (ut_region_from_code ("FR", &region));
  g_assert_false (ut_region_from_code (NULL, &region));
}

static void
test_environment (void)
{
  g_setenv ("LC_ALL", "de_CH.UTF-8", TRUE);
  g_setenv ("TZ", "Europe/Zurich", TRUE);
  g_assert_cmpint (ut_region_guess_from_environment (), ==, UT_REGION_CH);

  g_setenv ("LC_ALL", "en_GB.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_assert_cmpint (ut_region_guess_from_environment (), ==, UT_REGION_UK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/region/guess", test_guess);
  g_test_add_func ("/region/codes", test_codes);
  g_test_add_func ("/region/environment", test_environment);

  return g_test_run ();
}
