/* test-catalog.c — the real bundled catalog
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ut-catalog.h"
#include "ut-catalog-audit.h"

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
  /* The catalog-growth issue's target: at least 100 platforms. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 100);
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
          g_assert_true (offer->actions->len > 0 || offer->status == UT_OFFER_NOT_TRAINED ||
                         offer->status == UT_OFFER_NO_OPT_OUT);
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
  /* No short name: running text uses the name. Meta's name lists its products; its short name
   * reads in a sentence. */
  g_assert_cmpstr (ut_platform_get_short_name (linkedin), ==, "LinkedIn");
  g_assert_cmpstr (ut_platform_get_short_name (ut_catalog_lookup (catalog, "meta")), ==, "Meta");

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
    "{\"format\": 3, \"version\": 1, \"generated\": \"2026-11-29T00:00:00Z\", \"platforms\": []}",
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

/* A bundle written for an older Untrain is told apart from a broken one, so that an update installed
 * before this version is set aside quietly. */
static void
test_older_format_recognised (void)
{
  const char *bundle = "{\"format\": 1, \"version\": 1, \"generated\": \"2026-11-29T00:00:00Z\", "
                       "\"platforms\": [{\"id\": \"x\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bundle, strlen (bundle));
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) catalog = ut_catalog_new_from_bytes (bytes, "update.json", &error);

  g_assert_null (catalog);
  g_assert_error (error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_OLDER_FORMAT);
}

/* Words that belong in maintainer_note, never in text people read. */
static const char * const research_talk[] = {
  "sources do not", "sources don't", "no source", "one source", "secondary source", "unverified",
  "not verified", "could not confirm", "could not be confirmed", "we assume", "one guide",
  "guides say", "research gap", "maintainer", NULL
};

static void
assert_written_for_people (const char *platform,
                           const char *field,
                           const char *text)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return;

  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; research_talk[i] != NULL; i++)
    if (strstr (lower, research_talk[i]) != NULL)
      g_error ("%s: %s talks about research (“%s”): %s", platform, field, research_talk[i], text);
}

static void
test_text_written_for_people (void)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char *id = ut_platform_get_id (platform);

      assert_written_for_people (id, "data_used", ut_platform_get_data_used (platform));
      assert_written_for_people (id, "note", ut_platform_get_note (platform));
      for (guint r = 0; r < UT_N_REGIONS; r++)
        assert_written_for_people (id, "region note", ut_platform_get_offer (platform, (UtRegion) r)->note);
      for (guint c = 0; c < ut_platform_get_n_changes (platform); c++)
        assert_written_for_people (id, "change", ut_platform_get_change (platform, c)->summary);
      for (guint a = 0; a < ut_platform_get_n_actions (platform); a++)
        {
          UtAction *action = ut_platform_get_action (platform, a);
          const char * const *steps = ut_action_get_steps (action);

          assert_written_for_people (id, "action title", ut_action_get_title (action));
          for (guint s = 0; steps[s] != NULL; s++)
            assert_written_for_people (id, "step", steps[s]);
        }
    }
}

/* Every action's sources are in the model, and one of them is the platform's, a regulator's or a
 * court's: what the guide lists under each step. */
static void
test_actions_cite_primary_sources (void)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      for (guint a = 0; a < ut_platform_get_n_actions (platform); a++)
        {
          UtAction *action = ut_platform_get_action (platform, a);
          const char * const *ids = ut_action_get_source_ids (action);
          gboolean primary = FALSE;

          g_assert_nonnull (ids[0]);
          for (guint s = 0; ids[s] != NULL; s++)
            {
              const UtSource *source = ut_platform_lookup_source (platform, ids[s]);

              g_assert_nonnull (source);
              primary |= source->publisher <= UT_PUBLISHER_COURT;
            }
          if (!primary)
            g_error ("%s/%s has no platform, regulator or court source", ut_platform_get_id (platform),
                     ut_action_get_id (action));
        }
    }
}

static void
test_audit_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "catalog", "valid", "example.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (30, G_DATE_NOVEMBER, 2026);
  UtAuditFigures figures, total = { 0 };

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  ut_catalog_audit_record (json_node_get_object (json_parser_get_root (parser)), today, &figures);

  /* Reviewed on 29 November; four actions, all citing the platform's help page; a toggle with a
   * link and a form with a link; one of four sources is "other". */
  g_assert_cmpint (figures.days_since_review, ==, 1);
  g_assert_cmpuint (figures.n_actions, ==, 4);
  g_assert_cmpuint (figures.n_actions_backed, ==, 4);
  g_assert_cmpuint (figures.n_toggles_and_forms, ==, 2);
  g_assert_cmpuint (figures.n_toggles_and_forms_linked, ==, 2);
  g_assert_cmpuint (figures.n_sources, ==, 4);
  g_assert_cmpuint (figures.n_other_sources, ==, 1);

  ut_catalog_audit_add (&total, &figures);
  ut_catalog_audit_add (&total, &figures);
  g_assert_cmpuint (total.n_records, ==, 2);
  g_assert_cmpuint (total.n_actions, ==, 8);
  g_assert_cmpint (total.days_since_review, ==, 1);
}

/* What issue 11 asks of the bundled catalog, measured the way the maintainers' audit measures it:
 * every action backed by a platform, regulator or court; and toggles and forms with a direct link
 * where the platform's own page gives one. The 60 % is not reached (see the maintainers'
 * audit): the other settings pages' addresses are on no platform page that could be read, and a
 * link is never made up. This holds the share reached on 30 November 2026, so that it cannot
 * fall unnoticed. */
static void
test_audit_targets (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (30, G_DATE_NOVEMBER, 2026);
  UtAuditFigures total = { 0 };
  JsonArray *platforms;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  platforms = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "platforms");
  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      UtAuditFigures figures;

      ut_catalog_audit_record (json_array_get_object_element (platforms, i), today, &figures);
      ut_catalog_audit_add (&total, &figures);
    }

  g_test_message ("actions backed: %u/%u; toggles and forms with a link: %u/%u",
                  total.n_actions_backed, total.n_actions,
                  total.n_toggles_and_forms_linked, total.n_toggles_and_forms);
  g_assert_cmpuint (total.n_actions_backed, ==, total.n_actions);
  /* The target is 60 %; the platforms' own pages give no address for most of the rest (settings
   * inside apps, editors and command lines), and no address is ever guessed. This floor keeps
   * links from being lost: 29 of 66 (44 %) on 2026-11-30. */
  g_assert_cmpuint (total.n_toggles_and_forms_linked * 100, >=, total.n_toggles_and_forms * 40);
}

static char **
search_ids (UtCatalog  *catalog,
            const char *typed)
{
  g_autofree char *needle = g_utf8_casefold (typed, -1);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (ut_platform_matches_search (platform, needle))
        g_strv_builder_add (ids, ut_platform_get_id (platform));
    }

  return g_strv_builder_end (ids);
}

/* Search finds a platform by what people call it: its owner, a product inside it, a short form. */
static void
test_search_terms (void)
{
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  g_auto(GStrv) microsoft = search_ids (catalog, "MICROSOFT");
  g_auto(GStrv) gmail = search_ids (catalog, "gmail");
  g_auto(GStrv) nothing = search_ids (catalog, "zzqx");

  g_assert_true (g_strv_contains ((const char * const *) microsoft, "linkedin"));
  g_assert_true (g_strv_contains ((const char * const *) microsoft, "github-copilot"));
  g_assert_false (g_strv_contains ((const char * const *) microsoft, "reddit"));
  g_assert_true (g_strv_contains ((const char * const *) gmail, "google-gmail"));
  g_assert_cmpuint (g_strv_length (nothing), ==, 0);
}

/* The bundled catalog with @translations (a JSON object text) added, as an update would bring it. */
static UtCatalog *
catalog_with_translations (const char *translations)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) added = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) result = NULL;
  JsonObject *bundle;
  UtCatalog *catalog;
  char *data;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  g_assert_true (json_parser_load_from_data (added, translations, -1, NULL));
  bundle = json_node_get_object (json_parser_get_root (parser));
  json_object_set_member (bundle, "translations", json_node_copy (json_parser_get_root (added)));
  data = json_to_string (json_parser_get_root (parser), FALSE);
  result = g_bytes_new_take (data, strlen (data));
  catalog = ut_catalog_new_from_bytes (result, "test bundle", &error);
  g_assert_no_error (error);
  return catalog;
}

/* A translation is used only for the English text it was made from; anything else, and any
 * language the bundle lacks, is English. */
static void
test_translation_fallback (void)
{
  g_autoptr(UtCatalog) english = ut_catalog_load_bundled (NULL);
  UtAction *action = ut_platform_get_action (ut_catalog_lookup (english, "linkedin"), 0);
  const char * const *steps = ut_action_get_steps (action);
  g_autofree char *translations = NULL;
  g_autofree char *title = NULL;
  g_autofree char *step = NULL;
  g_autoptr(JsonNode) title_node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) step_node = json_node_new (JSON_NODE_VALUE);
  const char *languages[] = { "de", "de_CH", "fr" };

  g_assert_nonnull (steps[0]);
  g_assert_nonnull (steps[1]);
  json_node_set_string (title_node, ut_action_get_title (action));
  json_node_set_string (step_node, steps[1]);
  title = json_to_string (title_node, FALSE);
  step = json_to_string (step_node, FALSE);
  /* The title's translation matches today's English; step 1's was made for an older text. */
  translations = g_strdup_printf ("{\"de\": {\"linkedin\": {"
                                  "\"/actions/0/title\": [%s, \"Übersetzter Titel\"],"
                                  "\"/actions/0/steps/0\": [\"An older English step\", \"Veralteter Schritt\"],"
                                  "\"/actions/0/steps/1\": [%s, \"Übersetzter Schritt\"]}}}", title, step);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(UtCatalog) catalog = NULL;
      UtAction *translated;
      gboolean german = g_str_has_prefix (languages[i], "de");

      g_setenv ("LANGUAGE", languages[i], TRUE);
      catalog = catalog_with_translations (translations);
      translated = ut_platform_get_action (ut_catalog_lookup (catalog, "linkedin"), 0);
      g_assert_cmpstr (ut_catalog_get_language (catalog), ==, german ? "de" : NULL);
      g_assert_true (ut_platform_is_translated (ut_catalog_lookup (catalog, "linkedin")) == german);
      g_assert_false (ut_platform_is_translated (ut_catalog_lookup (catalog, "reddit")));
      g_assert_cmpstr (ut_action_get_title (translated), ==, german ? "Übersetzter Titel" : ut_action_get_title (action));
      g_assert_cmpstr (ut_action_get_steps (translated)[0], ==, steps[0]);
      g_assert_cmpstr (ut_action_get_steps (translated)[1], ==, german ? "Übersetzter Schritt" : steps[1]);
    }
  g_unsetenv ("LANGUAGE");
}

/* With a German locale the bundled guides are German: LinkedIn's steps for the EU, every one. */
static void
test_german_guide (void)
{
  g_autoptr(UtCatalog) english = NULL;
  g_autoptr(UtCatalog) german = NULL;
  const UtRegionOffer *offer_en, *offer_de;

  g_setenv ("LANGUAGE", "C", TRUE);
  english = ut_catalog_load_bundled (NULL);
  g_setenv ("LANGUAGE", "de", TRUE);
  german = ut_catalog_load_bundled (NULL);
  g_unsetenv ("LANGUAGE");

  g_assert_null (ut_catalog_get_language (english));
  g_assert_cmpstr (ut_catalog_get_language (german), ==, "de");
  offer_en = ut_platform_get_offer (ut_catalog_lookup (english, "linkedin"), UT_REGION_EU);
  offer_de = ut_platform_get_offer (ut_catalog_lookup (german, "linkedin"), UT_REGION_EU);
  g_assert_cmpuint (offer_de->actions->len, >, 0);
  for (guint i = 0; i < offer_de->actions->len; i++)
    {
      const char * const *steps_en = ut_action_get_steps (g_ptr_array_index (offer_en->actions, i));
      const char * const *steps_de = ut_action_get_steps (g_ptr_array_index (offer_de->actions, i));

      g_assert_cmpstr (ut_action_get_title (g_ptr_array_index (offer_de->actions, i)), !=,
                       ut_action_get_title (g_ptr_array_index (offer_en->actions, i)));
      for (guint j = 0; steps_en[j] != NULL; j++)
        g_assert_cmpstr (steps_de[j], !=, steps_en[j]);
    }
  g_assert_cmpstr (ut_platform_get_data_used (ut_catalog_lookup (german, "linkedin")), !=,
                   ut_platform_get_data_used (ut_catalog_lookup (english, "linkedin")));
}

/* Every scope and form field the schema allows has the words a guide shows for it, once. */
static void
test_schema_descriptions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; ut_scope_names[i] != NULL; i++)
    {
      const char *description = ut_scope_get_description (ut_scope_names[i]);

      /* "account", the default, needs no sentence: every step is once per account. */
      if (g_str_equal (ut_scope_names[i], "account"))
        {
          g_assert_null (description);
          continue;
        }

      g_assert_nonnull (description);
      g_assert_true (g_ascii_isupper (description[0]) && g_str_has_suffix (description, "."));
      g_assert_false (g_hash_table_contains (seen, description));
      g_hash_table_add (seen, (char *) description);
    }
  g_assert_null (ut_scope_get_description (NULL));
  g_assert_null (ut_scope_get_description ("per-galaxy"));

  g_hash_table_remove_all (seen);
  for (guint i = 0; ut_form_field_names[i] != NULL; i++)
    {
      const char *description = ut_form_field_get_description (ut_form_field_names[i]);

      /* Shown inside a sentence: "The form asks for: your name, your country." */
      g_assert_nonnull (description);
      g_assert_cmpstr (description, !=, ut_form_field_names[i]);
      g_assert_true (g_ascii_islower (description[0]) && !g_str_has_suffix (description, "."));
      g_assert_false (g_hash_table_contains (seen, description));
      g_hash_table_add (seen, (char *) description);
    }
  /* A field from a newer catalog is shown as it is rather than dropped. */
  g_assert_cmpstr (ut_form_field_get_description ("shoe-size"), ==, "shoe-size");

  /* So every step of the bundled catalog reads right. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      for (guint a = 0; a < ut_platform_get_n_actions (platform); a++)
        {
          UtAction *action = ut_platform_get_action (platform, a);
          const char *scope = ut_action_get_scope (action);
          const char * const *fields = ut_action_get_fields (action);

          g_assert_true (scope == NULL || g_str_equal (scope, "account") || ut_scope_get_description (scope) != NULL);
          for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
            g_assert_cmpstr (ut_form_field_get_description (fields[f]), !=, fields[f]);
        }
    }
}

/* Each status has its own caveat, true for it: the opt-out one ("Opting out only stops future
 * use…") never shows where there is nothing to opt out of. */
static void
test_offer_status_caveats (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *opt_out = ut_offer_status_get_caveat (UT_OFFER_OPT_OUT);

  g_assert_nonnull (opt_out);
  g_assert_true (g_str_has_prefix (opt_out, "Opting out only stops future use."));

  for (guint i = 0; ut_offer_status_names[i] != NULL; i++)
    {
      const char *caveat = ut_offer_status_get_caveat ((UtOfferStatus) i);

      g_test_message ("%s: %s", ut_offer_status_names[i], caveat);
      if (caveat == NULL)
        continue;
      g_assert_true (g_ascii_isupper (caveat[0]) && g_str_has_suffix (caveat, "."));
      /* An objection is a way of opting out, so the two share one. */
      if (i != UT_OFFER_OBJECT)
        g_assert_false (g_hash_table_contains (seen, caveat));
      g_hash_table_add (seen, (char *) caveat);
    }
  g_assert_cmpstr (ut_offer_status_get_caveat (UT_OFFER_OBJECT), ==, opt_out);

  for (UtOfferStatus status = UT_OFFER_NO_OPT_OUT; status <= UT_OFFER_SITE_OWNER_ONLY; status++)
    {
      const char *caveat = ut_offer_status_get_caveat (status);

      if (status == UT_OFFER_OPT_IN)
        continue;
      g_assert_true (caveat == NULL || strstr (caveat, "Opting out") == NULL);
    }
  /* Nor does it say that training can be stopped where it cannot. */
  g_assert_null (strstr (ut_offer_status_get_caveat (UT_OFFER_NO_OPT_OUT), "stops"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/bundled-loads", test_bundled_loads);
  g_test_add_func ("/catalog/every-platform-complete", test_every_platform_complete);
  g_test_add_func ("/catalog/linkedin", test_linkedin);
  g_test_add_func ("/catalog/invalid-bytes-rejected", test_invalid_bytes_rejected);
  g_test_add_func ("/catalog/older-format-recognised", test_older_format_recognised);
  g_test_add_func ("/catalog/text-written-for-people", test_text_written_for_people);
  g_test_add_func ("/catalog/actions-cite-primary-sources", test_actions_cite_primary_sources);
  g_test_add_func ("/catalog/audit-fixture", test_audit_fixture);
  g_test_add_func ("/catalog/audit-targets", test_audit_targets);
  g_test_add_func ("/catalog/schema-descriptions", test_schema_descriptions);
  g_test_add_func ("/catalog/search-terms", test_search_terms);
  g_test_add_func ("/catalog/translation-fallback", test_translation_fallback);
  g_test_add_func ("/catalog/german-guide", test_german_guide);
  g_test_add_func ("/catalog/offer-status-caveats", test_offer_status_caveats);

  return g_test_run ();
}
