/* test-platform-list.c — the platforms a profile uses, as the list model the window shows: sorted
 * by name, following the profile, and telling its view exactly what changed
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "ut-catalog.h"
#include "ut-platform-list.h"
#include "ut-progress.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  UtCatalog      *catalog;
  UtProgress     *progress;
  UtProfile      *anna;
  UtProfile      *dad;
  UtPlatformList *list;
  GArray         *changes;   /* of Change, as items-changed reported them */
  GPtrArray      *shadow;    /* the items as a view that follows items-changed knows them */
  guint           n_notify;  /* notify::profile */
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);

  /* What a GtkListView does: drop the removed rows, fetch the added ones. */
  g_assert_cmpuint (position + removed, <=, f->shadow->len);
  g_ptr_array_remove_range (f->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->shadow, position + i, g_list_model_get_item (model, position + i));
}

static void
notify_profile_cb (GObject    *object,
                   GParamSpec *pspec,
                   Fixture    *f)
{
  f->n_notify++;
}

/* Progress lives in the test's own data folder (G_TEST_OPTION_ISOLATE_DIRS). */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "untrain", NULL);
  g_autoptr(GError) error = NULL;

  f->catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f->progress = ut_progress_new (directory);
  g_assert_true (ut_progress_load (f->progress, &error));
  g_assert_no_error (error);
  f->anna = ut_progress_add_profile (f->progress, "Anna", UT_REGION_EU, &error);
  g_assert_no_error (error);
  f->dad = ut_progress_add_profile (f->progress, "Dad", UT_REGION_US, &error);
  g_assert_no_error (error);

  f->list = ut_platform_list_new (f->catalog, f->progress);
  f->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  f->shadow = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_signal_connect (f->list, "notify::profile", G_CALLBACK (notify_profile_cb), f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->list != NULL)
    g_assert_finalize_object (f->list);
  g_array_unref (f->changes);
  g_ptr_array_unref (f->shadow);
  g_assert_finalize_object (f->progress);
  g_assert_finalize_object (f->catalog);
}

/* Exactly one items-changed since the last call, and what it said. */
static void
assert_one_change (Fixture *f,
                   guint    position,
                   guint    removed,
                   guint    added)
{
  Change *change;

  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (f->changes, 0);
}

static void
assert_no_change (Fixture *f)
{
  g_assert_cmpuint (f->changes->len, ==, 0);
}

/* The list's platform ids, in order, as one string: "chatgpt linkedin x". The view that followed
 * items-changed has the same items. */
static char *
list_ids (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_cmpuint (f->shadow->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (model, i);

      g_assert_nonnull (platform);
      g_assert_true (g_ptr_array_index (f->shadow, i) == platform);
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ut_platform_get_id (platform));
    }
  /* Past the end, nothing. */
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));

  return g_strdup (ids->str);
}

static void
use (Fixture    *f,
     UtProfile  *profile,
     gboolean    used,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  g_ptr_array_add (ids, NULL);

  g_assert_true (ut_progress_set_platforms_used (f->progress, profile,
                                                 (const char * const *) ids->pdata, used, &error));
  g_assert_no_error (error);
}

static void
set_first_action (Fixture       *f,
                  UtProfile     *profile,
                  const char    *platform_id,
                  UtActionState  state)
{
  UtPlatform *platform = ut_catalog_lookup (f->catalog, platform_id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (platform);
  g_assert_cmpuint (ut_platform_get_n_actions (platform), >, 0);
  g_assert_true (ut_progress_set_state (f->progress, profile, platform,
                                        ut_action_get_id (ut_platform_get_action (platform, 0)),
                                        state, &error));
  g_assert_no_error (error);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(UtProfile) profile = NULL;

  g_assert_true (g_list_model_get_item_type (model) == UT_TYPE_PLATFORM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
  g_assert_null (ut_platform_list_get_profile (f->list));
  g_object_get (f->list, "profile", &profile, NULL);
  g_assert_null (profile);

  /* A profile that uses nothing yet: still empty, and no row to remove or add. */
  ut_platform_list_set_profile (f->list, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  for (guint i = 0; i < f->changes->len; i++)
    {
      g_assert_cmpuint (g_array_index (f->changes, Change, i).removed, ==, 0);
      g_assert_cmpuint (g_array_index (f->changes, Change, i).added, ==, 0);
    }
  g_array_set_size (f->changes, 0);
  g_assert_cmpuint (f->n_notify, ==, 1);
  g_assert_true (ut_platform_list_get_profile (f->list) == f->anna);

  /* Another profile's platforms are not this list's. */
  use (f, f->dad, TRUE, "linkedin", NULL);
  assert_no_change (f);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

/* Sorted by name, not by id or by the order they were added; each platform once; platforms the
 * catalog does not know are left out. */
static void
test_sorted_by_name (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *ids = NULL;
  GListModel *model = G_LIST_MODEL (f->list);

  /* "x" is "X (Twitter) and Grok", "meta" is "Meta (Facebook, ...)". */
  use (f, f->anna, TRUE, "x", "reddit", "myspace", "linkedin", "meta", "chatgpt", "linkedin", NULL);
  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, 5);

  ids = list_ids (f);
  g_assert_cmpstr (ids, ==, "chatgpt linkedin meta reddit x");
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UtPlatform) before = g_list_model_get_item (model, i - 1);
      g_autoptr(UtPlatform) after = g_list_model_get_item (model, i);

      g_assert_cmpint (g_utf8_collate (ut_platform_get_name (before), ut_platform_get_name (after)),
                       <, 0);
    }
}

/* The whole catalog, in name order. */
static void
test_all_platforms (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (f->list);
  const char *ids[] = { "adobe", "zoom", "youtube", "apple", "bluesky", "tiktok", "wordpress-com",
                        "stack-overflow", "otter-ai", "github-copilot", "whatsapp", NULL };

  g_assert_true (ut_progress_set_platforms_used (f->progress, f->anna, ids, TRUE, &error));
  g_assert_no_error (error);
  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, g_strv_length ((char **) ids));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_strv_length ((char **) ids));

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UtPlatform) before = g_list_model_get_item (model, i - 1);
      g_autoptr(UtPlatform) after = g_list_model_get_item (model, i);
      g_autofree char *key_before = g_utf8_collate_key (ut_platform_get_name (before), -1);
      g_autofree char *key_after = g_utf8_collate_key (ut_platform_get_name (after), -1);

      g_test_message ("%s < %s", ut_platform_get_name (before), ut_platform_get_name (after));
      g_assert_cmpstr (key_before, <, key_after);
    }
}

/* Switching profiles replaces every row; the same profile again changes nothing. */
static void
test_switch_profile (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *anna_ids = NULL;
  g_autofree char *dad_ids = NULL;
  g_autoptr(UtProfile) shown = NULL;

  use (f, f->anna, TRUE, "linkedin", "reddit", "x", NULL);
  use (f, f->dad, TRUE, "claude", "meta", NULL);

  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, 3);
  g_assert_cmpuint (f->n_notify, ==, 1);
  g_assert_true (ut_platform_list_get_profile (f->list) == f->anna);
  anna_ids = list_ids (f);
  g_assert_cmpstr (anna_ids, ==, "linkedin reddit x");

  ut_platform_list_set_profile (f->list, f->anna);
  assert_no_change (f);
  g_assert_cmpuint (f->n_notify, ==, 1);

  /* Through the property, as a binding would. */
  g_object_set (f->list, "profile", f->dad, NULL);
  assert_one_change (f, 0, 3, 2);
  g_assert_cmpuint (f->n_notify, ==, 2);
  g_object_get (f->list, "profile", &shown, NULL);
  g_assert_true (shown == f->dad);
  dad_ids = list_ids (f);
  g_assert_cmpstr (dad_ids, ==, "claude meta");

  ut_platform_list_set_profile (f->list, NULL);
  assert_one_change (f, 0, 2, 0);
  g_assert_cmpuint (f->n_notify, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_null (ut_platform_list_get_profile (f->list));
}

/* Using or no longer using platforms rebuilds the list; another profile's changes do not. */
static void
test_follows_platforms_used (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *ids = NULL;

  use (f, f->anna, TRUE, "linkedin", "x", NULL);
  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, 2);

  use (f, f->anna, TRUE, "chatgpt", "reddit", NULL);
  assert_one_change (f, 0, 2, 4);
  ids = list_ids (f);
  g_assert_cmpstr (ids, ==, "chatgpt linkedin reddit x");

  use (f, f->anna, FALSE, "linkedin", "x", NULL);
  assert_one_change (f, 0, 4, 2);
  g_clear_pointer (&ids, g_free);
  ids = list_ids (f);
  g_assert_cmpstr (ids, ==, "chatgpt reddit");

  use (f, f->dad, TRUE, "linkedin", NULL);
  set_first_action (f, f->dad, "linkedin", UT_ACTION_STATE_DONE);
  assert_no_change (f);
  g_clear_pointer (&ids, g_free);
  ids = list_ids (f);
  g_assert_cmpstr (ids, ==, "chatgpt reddit");

  /* A new name leaves the set as it was (whatever rows are refreshed on the way). */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ut_progress_rename_profile (f->progress, f->anna, "Anna B.", &error));
    g_assert_no_error (error);
    g_array_set_size (f->changes, 0);
    g_clear_pointer (&ids, g_free);
    ids = list_ids (f);
    g_assert_cmpstr (ids, ==, "chatgpt reddit");
  }
}

/* One platform's record changes: only its row is told, so only its badge is read again. */
static void
test_record_changes_one_row (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *ids = NULL;

  use (f, f->anna, TRUE, "chatgpt", "linkedin", "reddit", "x", NULL);
  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, 4);

  set_first_action (f, f->anna, "reddit", UT_ACTION_STATE_DONE);
  assert_one_change (f, 2, 1, 1);
  set_first_action (f, f->anna, "chatgpt", UT_ACTION_STATE_SKIPPED);
  assert_one_change (f, 0, 1, 1);
  set_first_action (f, f->anna, "x", UT_ACTION_STATE_TODO);
  assert_one_change (f, 3, 1, 1);

  /* The same platform in another profile: nothing here. */
  set_first_action (f, f->dad, "reddit", UT_ACTION_STATE_DONE);
  assert_no_change (f);

  /* A record for a platform the profile did not use yet adds it: the whole list is rebuilt. */
  set_first_action (f, f->anna, "claude", UT_ACTION_STATE_DONE);
  assert_one_change (f, 0, 4, 5);
  ids = list_ids (f);
  g_assert_cmpstr (ids, ==, "chatgpt claude linkedin reddit x");
}

/* A change of every profile's due dates refreshes every row shown: their badges may change. */
static void
test_recheck_days (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  use (f, f->anna, TRUE, "linkedin", "x", NULL);
  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, 2);

  g_assert_true (ut_progress_set_default_recheck_days (f->progress, 30, &error));
  g_assert_no_error (error);
  /* Emitted once for Anna (rebuilt) and once for Dad (ignored). */
  assert_one_change (f, 0, 2, 2);
}

/* A list can go before progress does: nothing else holds it (it finalizes here), and progress's
 * later changes no longer reach it (under the sanitizers, a use after free would stop the test). */
static void
test_outlived (Fixture       *f,
               gconstpointer  data)
{
  guint records_changed = g_signal_lookup ("records-changed", UT_TYPE_PROGRESS);

  use (f, f->anna, TRUE, "linkedin", NULL);
  ut_platform_list_set_profile (f->list, f->anna);
  assert_one_change (f, 0, 0, 1);
  g_assert_true (g_signal_has_handler_pending (f->progress, records_changed, 0, TRUE));

  g_assert_finalize_object (g_steal_pointer (&f->list));
  g_assert_false (g_signal_has_handler_pending (f->progress, records_changed, 0, TRUE));
  use (f, f->anna, TRUE, "x", NULL);
  set_first_action (f, f->anna, "linkedin", UT_ACTION_STATE_DONE);
  assert_no_change (f);
}

/* The bundled catalog with "twitter" an alias of "x", as a record keeps an id it was renamed
 * from. */
static UtCatalog *
catalog_with_alias (void)
{
  g_autoptr(GBytes) bundled = g_resources_lookup_data (UT_CATALOG_BUNDLED_RESOURCE,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) aliases = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *platforms;
  UtCatalog *catalog;
  gsize length;

  g_assert_nonnull (bundled);
  json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  platforms = json_object_get_array_member (root, "platforms");
  json_array_add_string_element (aliases, "twitter");
  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);

      if (g_str_equal (json_object_get_string_member (platform, "id"), "x"))
        json_object_set_array_member (platform, "aliases", json_array_ref (aliases));
    }

  text = json_to_string (json_parser_get_root (parser), FALSE);
  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  catalog = ut_catalog_new_from_bytes (bytes, "test", &error);
  g_assert_no_error (error);
  g_assert_true (ut_catalog_lookup (catalog, "twitter") == ut_catalog_lookup (catalog, "x"));

  return catalog;
}

/* A platform the profile lists under two ids (its own and an alias) is one row. */
static void
test_alias_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(UtCatalog) catalog = catalog_with_alias ();
  g_autoptr(UtPlatformList) list = ut_platform_list_new (catalog, f->progress);
  g_autoptr(UtPlatform) first = NULL;
  g_autoptr(UtPlatform) second = NULL;

  use (f, f->anna, TRUE, "twitter", "linkedin", "x", NULL);
  ut_platform_list_set_profile (list, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (ut_platform_get_id (first), ==, "linkedin");
  g_assert_cmpstr (ut_platform_get_id (second), ==, "x");

  /* The old id alone still finds it. */
  use (f, f->anna, FALSE, "x", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  use (f, f->anna, FALSE, "twitter", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (g_steal_pointer (&list));
}

int
main (int   argc,
      char *argv[])
{
  /* The sort order this test expects is the C.UTF-8 locale's. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/platform-list/empty", test_empty);
  ADD ("/platform-list/sorted-by-name", test_sorted_by_name);
  ADD ("/platform-list/many-sorted", test_all_platforms);
  ADD ("/platform-list/switch-profile", test_switch_profile);
  ADD ("/platform-list/follows-platforms-used", test_follows_platforms_used);
  ADD ("/platform-list/record-changes-one-row", test_record_changes_one_row);
  ADD ("/platform-list/recheck-days", test_recheck_days);
  ADD ("/platform-list/outlived", test_outlived);
  ADD ("/platform-list/alias-once", test_alias_once);
#undef ADD

  return g_test_run ();
}
