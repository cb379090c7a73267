/* test-catalog.c — the real bundled catalog
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ut-catalog.h"

static const char * const required_platforms[] = {
  "linkedin", "meta", "whatsapp", "x", "reddit", "stack-overflow", "tumblr", "wordpress-com",
  "photobucket", "quora", "medium", "substack", "squarespace", "wix", "slack", "zoom",
  "google-gemini", "youtube", "chatgpt", "claude", "microsoft-copilot", "adobe", "grammarly",
  "pinterest", "perplexity", "figma", "github-copilot", "discord", "tiktok", "snapchat",
  "amazon-alexa", "apple", "deviantart", "artstation", "dropbox", "canva", "bluesky", "mastodon",
  "mistral-le-chat", "wetransfer", "soundcloud", "otter-ai", "flickr", "spotify", "duolingo",
};

static void
test_bundled_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (&error);
  GListModel *model;

  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  model = G_LIST_MODEL (catalog);
  g_assert_true (g_list_model_get_item_type (model) == UT_TYPE_PLATFORM);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 45);
  g_assert_cmpint (ut_catalog_get_version (catalog), >, 0);
  g_assert_nonnull (ut_catalog_get_generated (catalog));

  for (guint i = 0; i < G_N_ELEMENTS (required_platforms); i++)
    {
      UtPlatform *platform = ut_catalog_lookup (catalog, required_platforms[i]);

      if (platform == NULL)
        g_error ("platform %s is missing from the catalog", required_platforms[i]);
    }
}

static void
test_every_platform_complete (void)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  const char *previous = "";

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      /* Sorted by id, every region filled, sources present. */
      g_assert_cmpint (strcmp (previous, ut_platform_get_id (platform)), <, 0);
      previous = ut_platform_get_id (platform);
      g_assert_cmpuint (ut_platform_get_n_sources (platform), >, 0);
      g_assert_cmpuint (ut_platform_get_n_actions (platform), >, 0);
      for (guint r = 0; r < UT_N_REGIONS; r++)
        {
          const UtRegionOffer *offer = ut_platform_get_offer (platform, (UtRegion) r);

          g_assert_nonnull (offer);
          g_assert_true (offer->actions->len > 0 || offer->status == UT_OFFER_NOT_TRAINED);
        }
      for (guint a = 0; a < ut_platform_get_n_actions (platform); a++)
        {
          UtAction *action = ut_platform_get_action (platform, a);
          const char *url = ut_action_get_url (action);

          g_assert_nonnull (ut_action_get_steps (action)[0]);
          g_assert_true (url == NULL || g_str_has_prefix (url, "https://"));
        }
    }
}

static void
test_linkedin (void)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  UtPlatform *linkedin = ut_catalog_lookup (catalog, "linkedin");
  gboolean found_change = FALSE;

  g_assert_nonnull (linkedin);
  g_assert_cmpstr (ut_platform_get_name (linkedin), ==, "LinkedIn");

  for (guint i = 0; i < ut_platform_get_n_changes (linkedin); i++)
    if (g_str_equal (ut_platform_get_change (linkedin, i)->date, "2025-11-03"))
      found_change = TRUE;
  g_assert_true (found_change);
  g_assert_cmpuint (ut_platform_get_revision (linkedin), ==, ut_platform_get_change (linkedin, 0)->revision);

  /* Since 3 November 2025 members in Europe can turn it off too. */
  g_assert_cmpint (ut_platform_get_offer (linkedin, UT_REGION_US)->status, ==, UT_OFFER_OPT_OUT);
  g_assert_cmpint (ut_platform_get_offer (linkedin, UT_REGION_EU)->status, ==, UT_OFFER_OPT_OUT);
  g_assert_cmpint (ut_platform_get_offer (linkedin, UT_REGION_CH)->status, ==, UT_OFFER_OPT_OUT);
  g_assert_cmpint (ut_platform_get_offer (linkedin, UT_REGION_UK)->status, ==, UT_OFFER_OPT_OUT);
  g_assert_cmpstr (ut_platform_get_offer (linkedin, UT_REGION_EU)->since, ==, "2025-11-03");
}

static void
test_invalid_bytes_rejected (void)
{
  const char *cases[] = {
    "",
    "not json",
    "{\"format\": 1, \"version\": 1, \"generated\": \"2026-11-29T00:00:00Z\", \"platforms\": []}",
    "{\"format\": 2, \"version\": 1, \"generated\": \"2026-11-29T00:00:00Z\", \"platforms\": [{}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i], strlen (cases[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(UtCatalog) catalog = ut_catalog_new_from_bytes (bytes, "update.json", &error);

      g_assert_null (catalog);
      g_assert_error (error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "update.json"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/bundled-loads", test_bundled_loads);
  g_test_add_func ("/catalog/every-platform-complete", test_every_platform_complete);
  g_test_add_func ("/catalog/linkedin", test_linkedin);
  g_test_add_func ("/catalog/invalid-bytes-rejected", test_invalid_bytes_rejected);

  return g_test_run ();
}
