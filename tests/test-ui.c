/* test-ui.c — the real window in a real X server, driven through its own actions
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb and a private D-Bus session (build-aux/test). Each test gets empty XDG
 * folders (G_TEST_OPTION_ISOLATE_DIRS), so a "restart" is a new UtProgress and UtWindow reading
 * what the previous ones wrote.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ut-action-step.h"
#include "ut-compat.h"
#include "ut-export.h"
#include "ut-export-dialog-private.h"
#include "ut-identity-row.h"
#include "ut-onboarding.h"
#include "ut-platform-chooser-private.h"
#include "ut-synthetic-catalog-bundled.h"
#include "ut-preferences-window-private.h"
#include "ut-platform-row.h"
#include "ut-profile-row.h"
#include "ut-summary-page.h"
#include "ut-util.h"
#include "ut-window-private.h"
#include "ut-wizard.h"

typedef struct
{
  UtCatalog       *catalog;
  UtProgress      *progress;
  UtIdentityStore *identities;
  UtWindow        *window;
} Fixture;

static gboolean
file_contains_identity (const char *path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, "anna@") != NULL;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done is true, failing after ten seconds. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What the window shows, through its #UtWindow:page property. A macro, so that a failure names
 * the test's line. */
#define assert_page(f, expected)                              \
  G_STMT_START {                                              \
    g_autofree char *page_ = NULL;                            \
                                                              \
    g_object_get ((f)->window, "page", &page_, NULL);         \
    g_assert_cmpstr (page_, ==, (expected));                  \
  } G_STMT_END

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->progress = ut_progress_new (NULL);
  ut_progress_load (f->progress, &error);
  g_assert_no_error (error);
  f->window = ut_window_new (NULL, f->catalog, f->progress, f->identities);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
  flush_events ();
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  f->window = NULL;
  g_clear_object (&f->progress);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  /* GSettings' memory backend outlives a test; start every test from the defaults. */
  g_settings_reset (settings, "last-platform");
  g_settings_reset (settings, "active-profile");

  f->catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f->identities = ut_identity_store_new ();
  open_window (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  g_clear_object (&f->catalog);
  g_clear_object (&f->identities);
}

/* The platform a row widget of the main list shows: the list view's rows hold a UtPlatformRow,
 * or the list's header or footer. */
static UtPlatformRow *
platform_row_of (GtkWidget *row)
{
  GtkWidget *child = gtk_widget_get_first_child (row);

  return UT_IS_PLATFORM_ROW (child) && gtk_widget_get_visible (row) ? UT_PLATFORM_ROW (child) : NULL;
}

static UtPlatformRow *
find_row (Fixture    *f,
          const char *platform_id)
{
  GtkListView *list = _ut_window_get_platform_list (f->window);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      UtPlatformRow *row = platform_row_of (child);

      if (row != NULL && g_str_equal (ut_platform_get_id (ut_platform_row_get_platform (row)), platform_id))
        return row;
    }

  return NULL;
}

static guint
count_rows (Fixture *f)
{
  GtkListView *list = _ut_window_get_platform_list (f->window);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += platform_row_of (child) != NULL;

  return n;
}

static void
finish_onboarding (Fixture            *f,
                   const char         *region,
                   const char * const *platforms)
{
  GtkWidget *onboarding = _ut_window_get_onboarding (f->window);

  assert_page (f, "onboarding");
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.next", NULL));
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.select-region", "s", region));
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.next", NULL));
  for (guint i = 0; platforms[i] != NULL; i++)
    g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.select-platform", "(sb)", platforms[i], TRUE));
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.finish", NULL));
  flush_events ();
}

/* The actions LinkedIn lists for @region, from the real catalog. */
static const UtRegionOffer *
linkedin_offer (Fixture  *f,
                UtRegion  region)
{
  return ut_platform_get_offer (ut_catalog_lookup (f->catalog, "linkedin"), region);
}

/* Depth first, the first widget under @widget (itself included) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget    *widget,
             gboolean    (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_with_icon (GtkWidget     *widget,
                     gconstpointer  icon_name)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

static GtkWidget *
find_button_with_icon (GtkWidget  *widget,
                       const char *icon_name)
{
  return find_widget (widget, is_button_with_icon, icon_name);
}

static gboolean
is_pref_row_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gpointer
find_pref_row (GtkWidget  *widget,
               const char *title)
{
  return find_widget (widget, is_pref_row_titled, title);
}

/* ---- toasts ---------------------------------------------------------------------------- */

/* What the window's AdwToastOverlay shows. Besides the window's content, its children are one
 * widget per toast on screen (a queued toast has none yet), each holding its AdwToast as
 * "toast". Calls @func on each toast until it returns TRUE; returns that toast. */
static AdwToast *
find_toast_under (GtkWidget *root,
                  gboolean (*func) (AdwToast *toast, const char *text, gconstpointer data),
                  gconstpointer data)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (find_widget (root, is_of_type,
                                                             GSIZE_TO_POINTER (ADW_TYPE_TOAST_OVERLAY)));

  g_assert_nonnull (overlay);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(AdwToast) toast = NULL;
      g_autofree char *text = NULL;

      if (child == adw_toast_overlay_get_child (overlay) ||
          g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") == NULL)
        continue;
      g_object_get (child, "toast", &toast, NULL);
      if (toast == NULL)
        continue;
      /* Titles are markup: the window escapes the messages it shows. */
      g_assert_true (pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &text, NULL, NULL));
      if (func (toast, text, data))
        return toast;  /* the widget keeps it */
    }

  return NULL;
}

static AdwToast *
find_toast_full (Fixture  *f,
                 gboolean (*func) (AdwToast *toast, const char *text, gconstpointer data),
                 gconstpointer data)
{
  return find_toast_under (GTK_WIDGET (f->window), func, data);
}

static gboolean
toast_is (AdwToast      *toast,
          const char    *text,
          gconstpointer  expected)
{
  return g_str_equal (text, expected);
}

static gboolean
any_toast (AdwToast      *toast,
           const char    *text,
           gconstpointer  data)
{
  return TRUE;
}

static gboolean
toast_is_not (AdwToast      *toast,
              const char    *text,
              gconstpointer  other)
{
  return !g_str_equal (text, other);
}

static gboolean
same_toast (AdwToast      *toast,
            const char    *text,
            gconstpointer  other)
{
  return toast == other;
}

/* Returns: (nullable) (transfer none): the toast on screen that says @text */
static AdwToast *
find_toast (Fixture    *f,
            const char *text)
{
  return find_toast_full (f, toast_is, text);
}

static gboolean
shows_toasts (Fixture *f)
{
  return find_toast_full (f, any_toast, NULL) != NULL;
}

typedef struct
{
  Fixture    *f;
  gboolean  (*func) (AdwToast *toast, const char *text, gconstpointer data);
  gconstpointer data;
  AdwToast   *found;
} ToastWait;

static gboolean
toast_found (gpointer data)
{
  ToastWait *wait = data;

  wait->found = find_toast_full (wait->f, wait->func, wait->data);
  return wait->found != NULL;
}

static gboolean
toast_gone (gpointer data)
{
  ToastWait *wait = data;

  return find_toast_full (wait->f, same_toast, wait->found) == NULL;
}

/* Waits for a toast that @func accepts, then dismisses it as the user would, and waits until it
 * has left: the next toast is not queued behind it, and cannot be mistaken for it. Returns what
 * it said. */
static char *
take_toast (Fixture      *f,
            gboolean    (*func) (AdwToast *toast, const char *text, gconstpointer data),
            gconstpointer data,
            char        **button_label)
{
  ToastWait wait = { f, func, data, NULL };
  char *text = NULL;

  wait_until (toast_found, &wait);
  g_assert_true (pango_parse_markup (adw_toast_get_title (wait.found), -1, 0, NULL, &text, NULL, NULL));
  if (button_label != NULL)
    *button_label = g_strdup (adw_toast_get_button_label (wait.found));
  adw_toast_dismiss (wait.found);
  wait_until (toast_gone, &wait);

  return text;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  return find_widget (widget, is_label_containing, text);
}

static void
test_first_start_shows_onboarding (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *welcome;
  GdkPaintable *icon;

  assert_page (f, "onboarding");

  /* The app icon comes from the resources, at the size the page shows it. */
  welcome = find_descendant (_ut_window_get_onboarding (f->window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (welcome);
  icon = adw_status_page_get_paintable (ADW_STATUS_PAGE (welcome));
  g_assert_nonnull (icon);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (icon), ==, 128 * gtk_widget_get_scale_factor (welcome));

  /* Nothing is written before the user chooses. */
  g_assert_false (g_file_test (ut_progress_get_path (f->progress), G_FILE_TEST_EXISTS));

  /* Done needs at least one platform. */
  g_assert_true (gtk_widget_activate_action (_ut_window_get_onboarding (f->window), "onboarding.finish", NULL));
  flush_events ();
  assert_page (f, "onboarding");
}

static void
test_onboarding_shows_chosen_platforms (Fixture       *f,
                                        gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", "reddit", NULL };
  g_autoptr(UtProfile) profile = NULL;
  g_autofree char *expected = NULL;
  guint total = 0;

  finish_onboarding (f, "CH", chosen);

  assert_page (f, "platforms");
  g_assert_cmpuint (count_rows (f), ==, 3);
  g_assert_nonnull (find_row (f, "linkedin"));
  g_assert_nonnull (find_row (f, "x"));
  g_assert_nonnull (find_row (f, "reddit"));
  g_assert_cmpstr (ut_platform_row_get_badge (find_row (f, "linkedin")), ==, "To do");

  g_object_get (f->window, "profile", &profile, NULL);
  g_assert_true (profile == ut_window_get_profile (f->window));
  g_assert_cmpint (ut_profile_get_region (profile), ==, UT_REGION_CH);
  g_assert_true (ut_profile_get_region_confirmed (profile));

  for (guint i = 0; chosen[i] != NULL; i++)
    total += ut_platform_get_offer (ut_catalog_lookup (f->catalog, chosen[i]), UT_REGION_CH)->actions->len;
  expected = g_strdup_printf ("0 of %u steps done", total);
  g_assert_cmpstr (_ut_window_get_progress_text (f->window), ==, expected);

  /* A restart goes straight to the list. */
  close_window (f);
  open_window (f);
  assert_page (f, "platforms");
  g_assert_cmpuint (count_rows (f), ==, 3);
}

static gboolean
one_row (gpointer data)
{
  return count_rows (data) == 1;
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", "reddit", NULL };

  finish_onboarding (f, "US", chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  flush_events ();
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (f->window))), "link");
  /* GtkSearchEntry delays search-changed a little; wait for the filter, not for a fixed time. */
  wait_until (one_row, f);
  g_assert_nonnull (find_row (f, "linkedin"));
}

static gboolean
linkedin_done (gpointer data)
{
  Fixture *f = data;
  UtPlatformRow *row = find_row (f, "linkedin");

  return row != NULL && g_str_equal (ut_platform_row_get_badge (row), "Done");
}

static void
test_mark_linkedin_done_survives_restart (Fixture       *f,
                                          gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", NULL };
  const UtRegionOffer *offer = linkedin_offer (f, UT_REGION_EU);
  UtWizard *wizard;
  GtkWidget *summary;
  g_autofree char *expected = NULL;
  guint n_page_changes = 0;
  gulong page_changed;
  guint total = offer->actions->len + ut_platform_get_offer (ut_catalog_lookup (f->catalog, "x"), UT_REGION_EU)->actions->len;

  finish_onboarding (f, "EU", chosen);
  g_assert_cmpuint (offer->actions->len, >, 0);

  /* The page changes once per switch, and says so. */
  page_changed = g_signal_connect (f->window, "notify::page", G_CALLBACK (count_cb), &n_page_changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-platform", "s", "linkedin"));
  flush_events ();
  assert_page (f, "wizard");
  g_assert_cmpuint (n_page_changes, ==, 1);
  wizard = UT_WIZARD (_ut_window_get_wizard (f->window));

  for (guint i = 0; i < offer->actions->len; i++)
    {
      const char *action_id = ut_action_get_id (g_ptr_array_index (offer->actions, i));
      UtActionStep *step = ut_wizard_lookup_step (wizard, action_id);

      g_assert_nonnull (step);
      g_assert_cmpstr (ut_action_step_get_status (step), ==, "Not done yet.");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "step.mark", "s", "done"));
      g_assert_true (g_str_has_prefix (ut_action_step_get_status (step), "You did this on "));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  assert_page (f, "platforms");
  g_assert_cmpuint (n_page_changes, ==, 2);
  g_clear_signal_handler (&page_changed, f->window);
  g_assert_cmpstr (ut_platform_row_get_badge (find_row (f, "linkedin")), ==, "Done");
  g_assert_cmpstr (ut_platform_row_get_badge (find_row (f, "x")), ==, "To do");
  expected = g_strdup_printf ("%u of %u steps done", offer->actions->len, total);
  g_assert_cmpstr (_ut_window_get_progress_text (f->window), ==, expected);

  /* The summary tab is built when first shown; it must count the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "summary"));
  flush_events ();
  assert_page (f, "summary");
  summary = _ut_window_get_summary_page (f->window);
  wait_until (is_mapped, summary);
  g_assert_cmpstr (ut_summary_page_get_headline (UT_SUMMARY_PAGE (summary)), ==, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "platforms"));

  close_window (f);
  open_window (f);
  assert_page (f, "platforms");
  wait_until (linkedin_done, f);
  g_assert_cmpstr (_ut_window_get_progress_text (f->window), ==, expected);
  g_assert_nonnull (ut_profile_lookup_record (ut_window_get_profile (f->window), "linkedin",
                                              ut_action_get_id (g_ptr_array_index (offer->actions, 0))));
}

static gboolean
is_link_to (GtkWidget     *widget,
            gconstpointer  uri)
{
  return GTK_IS_LINK_BUTTON (widget) && g_strcmp0 (gtk_link_button_get_uri (GTK_LINK_BUTTON (widget)), uri) == 0;
}

/* Every step lists the sources it rests on, with who published them; the guide says when the
 * record was last checked. */
static void
test_guide_shows_sources (Fixture       *f,
                          gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  UtPlatform *linkedin = ut_catalog_lookup (f->catalog, "linkedin");
  const UtRegionOffer *offer = linkedin_offer (f, UT_REGION_UK);
  g_autofree char *reviewed = ut_format_iso_date (ut_platform_get_reviewed (linkedin));
  g_autofree char *checked = g_strdup_printf ("Last checked against its sources on %s", reviewed);
  UtWizard *wizard;

  finish_onboarding (f, "UK", chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-platform", "s", "linkedin"));
  flush_events ();
  wizard = UT_WIZARD (_ut_window_get_wizard (f->window));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (wizard), checked));

  for (guint i = 0; i < offer->actions->len; i++)
    {
      UtAction *action = g_ptr_array_index (offer->actions, i);
      UtActionStep *step = ut_wizard_lookup_step (wizard, ut_action_get_id (action));
      const char * const *ids = ut_action_get_source_ids (action);

      g_assert_nonnull (step);
      for (guint s = 0; ids[s] != NULL; s++)
        {
          const UtSource *source = ut_platform_lookup_source (linkedin, ids[s]);
          GtkWidget *link = find_widget (GTK_WIDGET (step), is_link_to, source->url);
          g_autofree char *publisher = g_strdup_printf ("(%s, ", ut_publisher_get_display_name (source->publisher));

          g_assert_nonnull (link);
          g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (link)), source->title));
          g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (link)), publisher));
        }
    }

  /* No step talks about research gaps. */
  g_assert_null (find_label_containing (GTK_WIDGET (wizard), "No source"));
}

static void
test_last_platform_reopens (Fixture       *f,
                            gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", NULL };

  finish_onboarding (f, "UK", chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-platform", "s", "x"));
  flush_events ();

  close_window (f);
  open_window (f);
  assert_page (f, "wizard");
  g_assert_cmpstr (ut_platform_get_id (ut_wizard_get_platform (UT_WIZARD (_ut_window_get_wizard (f->window)))), ==, "x");
}

/* Progress recorded against revision 1 of LinkedIn, as if made before the 3 November 2025 change. */
static void
write_old_progress (Fixture *f)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "untrain", NULL);
  g_autofree char *path = g_build_filename (directory, "progress.json", NULL);
  const UtRegionOffer *offer = linkedin_offer (f, UT_REGION_US);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ut_platform_get_revision (ut_catalog_lookup (f->catalog, "linkedin")), >, 1);
  contents = g_strdup_printf ("{\"format\": 1, \"profiles\": [{\"id\": \"me\", \"name\": \"Me\", \"region\": \"US\","
                              " \"region_confirmed\": true, \"platforms\": [\"linkedin\"], \"records\": ["
                              "{\"platform\": \"linkedin\", \"action\": \"%s\", \"state\": \"done\","
                              " \"changed_at\": \"2025-01-10T10:00:00Z\", \"done_at\": \"2025-01-10T10:00:00Z\","
                              " \"verified_at\": \"2025-01-10T10:00:00Z\", \"revision\": 1}]}]}",
                              ut_action_get_id (g_ptr_array_index (offer->actions, 0)));
  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_newer_revision_shows_changed (Fixture       *f,
                                   gconstpointer  data)
{
  const UtRegionOffer *offer = linkedin_offer (f, UT_REGION_US);
  const char *action_id = ut_action_get_id (g_ptr_array_index (offer->actions, 0));
  UtWizard *wizard;
  UtActionStep *step;

  close_window (f);
  write_old_progress (f);
  open_window (f);

  assert_page (f, "platforms");
  g_assert_cmpstr (ut_platform_row_get_badge (find_row (f, "linkedin")), ==, "Changed since you finished");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-platform", "s", "linkedin"));
  flush_events ();
  wizard = UT_WIZARD (_ut_window_get_wizard (f->window));
  g_assert_true (ut_wizard_shows_changes (wizard));

  /* Confirming records the new revision; the alert goes away everywhere. */
  step = ut_wizard_lookup_step (wizard, action_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "step.confirm", NULL));
  g_assert_false (ut_wizard_shows_changes (wizard));
  g_assert_cmpuint (ut_profile_lookup_record (ut_window_get_profile (f->window), "linkedin", action_id)->revision, ==,
                    ut_platform_get_revision (ut_catalog_lookup (f->catalog, "linkedin")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  g_assert_cmpstr (ut_platform_row_get_badge (find_row (f, "linkedin")), !=, "Changed since you finished");
}

static void
test_corrupt_progress_is_reported (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  close_window (f);
  write_old_progress (f);
  path = g_build_filename (g_get_user_data_dir (), "untrain", "progress.json", NULL);
  g_file_set_contents (path, "{ broken", -1, &error);
  g_assert_no_error (error);
  open_window (f);

  /* Shown before the window is, and until the user dismisses it. */
  message = take_toast (f, any_toast, NULL, NULL);
  g_assert_nonnull (strstr (message, "damaged"));
}

/* The main menu's popover is made when it first opens; F10 and a click both go through popup. */
static void
test_main_menu_opens (Fixture       *f,
                      gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  GtkWidget *button;
  GtkPopover *popover;

  finish_onboarding (f, "EU", chosen);
  button = find_descendant (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==, "open-menu-symbolic");
  g_assert_true (gtk_widget_get_sensitive (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  wait_until (is_mapped, popover);
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button))), >, 0);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static gboolean
identity_row_settled (gpointer data)
{
  UtIdentityRow *row = data;

  return ut_identity_row_is_loaded (row) || ut_identity_row_is_unavailable (row);
}

static gboolean
saved_in_keyring (gpointer data)
{
  Fixture *f = data;
  g_autofree char *value = ut_identity_store_lookup_sync (f->identities, "me", "linkedin", NULL, NULL);

  return g_strcmp0 (value, "anna@example.org") == 0;
}

static void
test_account_row (Fixture       *f,
                  gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autoptr(GError) error = NULL;
  UtIdentityRow *row;
  GtkWidget *copy_button;

  finish_onboarding (f, "EU", chosen);
  g_assert_true (ut_identity_store_store_sync (f->identities, "me", "linkedin", "anna@exämple.org", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-platform", "s", "linkedin"));
  row = UT_IDENTITY_ROW (find_descendant (_ut_window_get_wizard (f->window), UT_TYPE_IDENTITY_ROW));
  g_assert_nonnull (row);
  wait_until (identity_row_settled, row);
  if (!ut_identity_row_is_loaded (row))
    g_test_message ("%s", adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                      gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP))));
  g_assert_true (ut_identity_row_is_loaded (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "anna@exämple.org");

  /* Copy: the clipboard holds it and a toast says so. */
  copy_button = find_button_with_icon (GTK_WIDGET (row), "edit-copy-symbolic");
  g_assert_nonnull (copy_button);
  g_assert_true (gtk_widget_get_sensitive (copy_button));
  g_signal_emit_by_name (copy_button, "clicked");
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (row));
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_clipboard_is_local (clipboard));
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, "anna@exämple.org");
  }
  g_assert_nonnull (find_toast (f, "Copied to the clipboard"));

  /* Editing and applying saves to the keyring, and nowhere else. */
  gtk_editable_set_text (GTK_EDITABLE (row), "anna@example.org");
  g_signal_emit_by_name (row, "apply");
  wait_until (saved_in_keyring, f);
  g_assert_false (file_contains_identity (ut_progress_get_path (f->progress)));
}

/* With no Secret Service on the bus, only the identity features go, with one sentence. */
static void
test_no_keyring (Fixture       *f,
                 gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  AdwPreferencesGroup *group;
  UtIdentityRow *row;

  finish_onboarding (f, "EU", chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-platform", "s", "linkedin"));
  row = UT_IDENTITY_ROW (find_descendant (_ut_window_get_wizard (f->window), UT_TYPE_IDENTITY_ROW));
  wait_until (identity_row_settled, row);
  g_assert_true (ut_identity_row_is_unavailable (row));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP));
  g_test_message ("%s", adw_preferences_group_get_description (group));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "No keyring is available"));

  /* The guide itself still works. */
  {
    const UtRegionOffer *offer = linkedin_offer (f, UT_REGION_EU);
    UtActionStep *step = ut_wizard_lookup_step (UT_WIZARD (_ut_window_get_wizard (f->window)),
                                                ut_action_get_id (g_ptr_array_index (offer->actions, 0)));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "step.mark", "s", "done"));
    g_assert_true (g_str_has_prefix (ut_action_step_get_status (step), "You did this on "));
  }
}

/* ---- export and import ------------------------------------------------------------------- */

static UtExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (UT_IS_EXPORT_DIALOG (window))
        return UT_EXPORT_DIALOG (window);
    }

  return NULL;
}

static UtExportDialog *
open_export_dialog (Fixture *f)
{
  UtExportDialog *dialog;

  g_assert_null (find_export_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  wait_until (is_mapped, dialog);

  return dialog;
}

static const char *
combo_item (AdwComboRow *row,
            guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);

  /* The model keeps the item, and with it the string. */
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
export_dialog_gone (gpointer data)
{
  return find_export_dialog () == NULL;
}

static gboolean
identities_row_settled (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (find_pref_row (data, "Include account _e-mails")));
}

typedef struct
{
  Fixture    *f;
  const char *path;
} Exported;

static gboolean
exported (gpointer data)
{
  Exported *e = data;

  return find_export_dialog () == NULL && g_file_test (e->path, G_FILE_TEST_EXISTS);
}

/* Exports the checklist in @format through the dialog, as if @path had been chosen, and returns
 * what was written. */
static char *
export_through_dialog (Fixture        *f,
                       UtExportFormat  format,
                       gboolean        with_identities,
                       const char     *path)
{
  UtExportDialog *dialog = open_export_dialog (f);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *expected_toast = g_strdup_printf ("Exported to %s", basename);
  g_autofree char *message = NULL;
  g_autofree char *button_label = NULL;
  AdwComboRow *format_row = find_pref_row (GTK_WIDGET (dialog), "_Format");
  AdwActionRow *identities_row = find_pref_row (GTK_WIDGET (dialog), "Include account _e-mails");
  Exported e = { f, path };
  char *contents = NULL;

  g_assert_nonnull (format_row);
  g_assert_nonnull (identities_row);
  adw_combo_row_set_selected (format_row, format);
  g_assert_cmpstr (combo_item (format_row, adw_combo_row_get_selected (format_row)), ==,
                   ut_export_format_get_display_name (format));

  /* The switch waits for the keyring to answer, and starts off. */
  wait_until (identities_row_settled, dialog);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (identities_row))));
  if (with_identities)
    gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (identities_row)), TRUE);

  g_remove (path);
  _ut_export_dialog_export_to (dialog, file);
  /* On success the dialog closes itself. */
  wait_until (exported, &e);
  /* The window says where it went, with a button to open it. */
  message = take_toast (f, any_toast, NULL, &button_label);
  g_assert_cmpstr (message, ==, expected_toast);
  g_assert_cmpstr (button_label, ==, "_Open");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "checklist.csv", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *with_accounts = NULL;
  UtExportDialog *dialog;
  AdwComboRow *format_row, *profile_row, *paper_row;
  AdwActionRow *identities_row;

  finish_onboarding (f, "EU", chosen);
  g_assert_nonnull (ut_progress_add_profile (f->progress, "Sam", UT_REGION_US, &error));
  g_assert_no_error (error);
  g_assert_true (ut_identity_store_store_sync (f->identities, "me", "linkedin", "anna.export@example.org", NULL, &error));
  g_assert_no_error (error);

  /* What the dialog offers. */
  dialog = open_export_dialog (f);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Checklist");
  format_row = find_pref_row (GTK_WIDGET (dialog), "_Format");
  profile_row = find_pref_row (GTK_WIDGET (dialog), "_Profile");
  paper_row = find_pref_row (GTK_WIDGET (dialog), "Paper _size");
  identities_row = find_pref_row (GTK_WIDGET (dialog), "Include account _e-mails");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (format_row)), ==, UT_EXPORT_N_FORMATS);
  for (guint i = 0; i < UT_EXPORT_N_FORMATS; i++)
    g_assert_cmpstr (combo_item (format_row, i), ==, ut_export_format_get_display_name (i));

  /* The window's profile comes first; "All profiles" only for the backup, and then without
   * account e-mails. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (profile_row)), ==, 2);
  g_assert_cmpstr (combo_item (profile_row, adw_combo_row_get_selected (profile_row)), ==, "Me");
  wait_until (identities_row_settled, dialog);
  adw_combo_row_set_selected (format_row, UT_EXPORT_FORMAT_JSON);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (profile_row)), ==, 3);
  g_assert_cmpstr (combo_item (profile_row, 2), ==, "All profiles");
  adw_combo_row_set_selected (profile_row, 2);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (identities_row)));
  adw_combo_row_set_selected (format_row, UT_EXPORT_FORMAT_CSV);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (profile_row)), ==, 2);
  g_assert_cmpstr (combo_item (profile_row, adw_combo_row_get_selected (profile_row)), ==, "Me");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (identities_row)));

  /* Paper only matters on paper. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (paper_row)));
  adw_combo_row_set_selected (format_row, UT_EXPORT_FORMAT_PDF);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (paper_row)));

  /* Escape closes it, and nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_until (export_dialog_gone, NULL);

  /* Without account e-mails, none is in the file even though the keyring has one. */
  plain = export_through_dialog (f, UT_EXPORT_FORMAT_CSV, FALSE, path);
  g_assert_nonnull (strstr (plain, "LinkedIn"));
  g_assert_null (strstr (plain, "anna.export@example.org"));

  with_accounts = export_through_dialog (f, UT_EXPORT_FORMAT_CSV, TRUE, path);
  g_assert_nonnull (strstr (with_accounts, "LinkedIn"));
  g_assert_nonnull (strstr (with_accounts, "anna.export@example.org"));

  /* Nothing else in the window changed. */
  g_assert_false (file_contains_identity (ut_progress_get_path (f->progress)));
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

static void
test_export_failure_keeps_dialog (Fixture       *f,
                                  gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "no-such-folder", "checklist.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  UtExportDialog *dialog;
  GtkWidget *export_button;

  finish_onboarding (f, "EU", chosen);
  dialog = open_export_dialog (f);
  _ut_export_dialog_export_to (dialog, file);
  g_assert_false (gtk_widget_is_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));

  /* The sentence is shown in the dialog, which stays open to choose another folder. */
  export_button = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  wait_until (is_sensitive, export_button);
  g_assert_true (find_export_dialog () == dialog);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "the folder does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (shows_toasts (f));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Closing the dialog while the keyring is being read stops the export: no file, no toast. */
static void
test_export_closed_midway (Fixture       *f,
                           gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "checklist.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UtExportDialog) dialog = NULL;
  AdwActionRow *row;

  finish_onboarding (f, "EU", chosen);
  g_assert_true (ut_identity_store_store_sync (f->identities, "me", "linkedin", "anna.export@example.org", NULL, &error));
  g_assert_no_error (error);
  dialog = g_object_ref (open_export_dialog (f));
  row = find_pref_row (GTK_WIDGET (dialog), "Include account _e-mails");
  wait_until (identities_row_settled, dialog);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (row)), TRUE);

  _ut_export_dialog_export_to (dialog, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The keyring's answer arrives after the close and must be dropped; wait for it. */
  {
    g_autoptr(UtIdentityStore) store = ut_identity_store_new ();
    g_autofree char *value = ut_identity_store_lookup_sync (store, "me", "linkedin", NULL, NULL);

    g_assert_cmpstr (value, ==, "anna.export@example.org");
  }
  flush_events ();
  g_assert_null (find_export_dialog ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (shows_toasts (f));
}

static GFile *
write_backup (Fixture    *f,
              const char *platform_id,
              gboolean    truncated)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "elsewhere", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "backup.json", NULL);
  g_autoptr(UtProgress) other = ut_progress_new (directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) backup = NULL;
  const char *platforms[] = { platform_id, NULL };
  UtPlatform *platform = ut_catalog_lookup (f->catalog, platform_id);
  const UtRegionOffer *offer = ut_platform_get_offer (platform, UT_REGION_EU);
  UtProfile *profile;
  gsize length;

  g_assert_true (ut_progress_load (other, &error));
  profile = ut_progress_get_default_profile (other);
  g_assert_true (ut_progress_set_region (other, profile, UT_REGION_EU, &error));
  g_assert_true (ut_progress_set_platforms_used (other, profile, platforms, TRUE, &error));
  g_assert_cmpuint (offer->actions->len, >, 0);
  for (guint i = 0; i < offer->actions->len; i++)
    g_assert_true (ut_progress_set_state (other, profile, platform, ut_action_get_id (g_ptr_array_index (offer->actions, i)),
                                          UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);

  backup = ut_export (UT_EXPORT_FORMAT_JSON, f->catalog, other, NULL, NULL, &error);
  g_assert_no_error (error);
  length = g_bytes_get_size (backup);
  g_file_set_contents (path, g_bytes_get_data (backup, NULL), truncated ? (gssize) length / 2 : (gssize) length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_import_backup (Fixture       *f,
                    gconstpointer  data)
{
  const char *chosen[] = { "x", NULL };
  g_autoptr(GFile) truncated = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_after = NULL;
  g_autofree char *progress_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  AdwToast *importing;
  guint n_actions = linkedin_offer (f, UT_REGION_EU)->actions->len;

  finish_onboarding (f, "EU", chosen);
  g_assert_null (find_row (f, "linkedin"));
  g_assert_true (g_file_get_contents (ut_progress_get_path (f->progress), &saved, NULL, NULL));
  progress_text = g_strdup (_ut_window_get_progress_text (f->window));

  /* A damaged file changes nothing, and says so. */
  truncated = write_backup (f, "linkedin", TRUE);
  _ut_window_import_from (f->window, truncated);
  /* Read in a thread: the window says so until it is done. */
  importing = find_toast (f, "Importing the backup…");
  g_assert_nonnull (importing);
  message = take_toast (f, toast_is_not, "Importing the backup…", NULL);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "so nothing was changed"));
  {
    /* ... and no longer once it is. */
    ToastWait wait = { f, NULL, NULL, importing };

    wait_until (toast_gone, &wait);
  }
  g_assert_true (g_file_get_contents (ut_progress_get_path (f->progress), &saved_after, NULL, NULL));
  g_assert_cmpstr (saved_after, ==, saved);
  g_assert_null (find_row (f, "linkedin"));
  g_assert_cmpstr (_ut_window_get_progress_text (f->window), ==, progress_text);

  backup = write_backup (f, "linkedin", FALSE);
  _ut_window_import_from (f->window, backup);
  g_clear_pointer (&message, g_free);
  message = take_toast (f, toast_is_not, "Importing the backup…", NULL);
  expected = g_strdup_printf ("Imported %u new record%s and updated 0.", n_actions, n_actions == 1 ? "" : "s");
  g_assert_cmpstr (message, ==, expected);
  g_assert_nonnull (find_row (f, "linkedin"));
  g_assert_nonnull (find_row (f, "x"));
  g_assert_cmpstr (ut_platform_row_get_badge (find_row (f, "linkedin")), ==, "Done");

  /* The same backup again has nothing new. */
  _ut_window_import_from (f->window, backup);
  g_clear_pointer (&message, g_free);
  message = take_toast (f, toast_is_not, "Importing the backup…", NULL);
  g_assert_cmpstr (message, ==, "Nothing to import: you already have everything in this backup.");
}

static gboolean
says_no_keyring (gpointer row)
{
  return strstr (adw_action_row_get_subtitle (row), "No keyring is available") != NULL;
}

/* Without a keyring the rest of the export still works; only the e-mails cannot be included. */
static void
test_no_keyring_export (Fixture       *f,
                        gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  UtExportDialog *dialog;
  AdwActionRow *row;

  finish_onboarding (f, "EU", chosen);
  dialog = open_export_dialog (f);
  row = find_pref_row (GTK_WIDGET (dialog), "Include account _e-mails");
  wait_until (says_no_keyring, row);
  g_test_message ("%s", adw_action_row_get_subtitle (row));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
dads_identity_gone (gpointer data)
{
  Fixture *f = data;
  g_autofree char *value = ut_identity_store_lookup_sync (f->identities, "dad", "linkedin", NULL, NULL);

  return value == NULL;
}

static GtkWidget *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name))
        return window;
    }

  return NULL;
}

/* Deleting a profile, once confirmed, takes its account names out of the keyring too. */
static void
test_delete_profile_clears_identities (Fixture       *f,
                                       gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  UtPreferencesWindow *prefs;
  GtkWidget *dialog;
  UtProfile *dad;

  finish_onboarding (f, "EU", chosen);
  dad = ut_progress_add_profile (f->progress, "Dad", UT_REGION_UK, &error);
  g_assert_no_error (error);
  g_assert_true (ut_identity_store_store_sync (f->identities, "dad", "linkedin", "dad@example.org", NULL, &error));
  g_assert_true (ut_identity_store_store_sync (f->identities, "me", "linkedin", "me@example.org", NULL, &error));
  g_assert_no_error (error);

  prefs = ut_preferences_window_new (GTK_WINDOW (f->window), f->catalog, f->progress, f->identities, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  _ut_preferences_window_ask_delete (prefs, dad);
  flush_events ();

  /* Nothing happens before the user confirms. */
  g_assert_nonnull (ut_progress_lookup_profile (f->progress, "dad"));
  g_assert_false (dads_identity_gone (f));

  /* libadwaita 1.2's confirmation is an AdwMessageDialog window (Debian 12, where this runs). */
  dialog = find_toplevel ("AdwMessageDialog");
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (dialog, "response", "confirm");
  wait_until (dads_identity_gone, f);

  g_assert_null (ut_progress_lookup_profile (f->progress, "dad"));
  mine = ut_identity_store_lookup_sync (f->identities, "me", "linkedin", NULL, &error);
  g_assert_cmpstr (mine, ==, "me@example.org");
  ut_identity_store_delete_sync (f->identities, "me", NULL, NULL, NULL);

  gtk_window_destroy (GTK_WINDOW (prefs));
  flush_events ();
}

/* ---- Preferences and the export dialog (issue 14) ------------------------------------------ */

typedef struct
{
  GtkWidget  *root;
  const char *text;
} ToastIn;

static gboolean
shows_toast_in (gpointer data)
{
  ToastIn *t = data;

  return find_toast_under (t->root, toast_is, t->text) != NULL;
}

static gboolean
toast_in_gone (gpointer data)
{
  return !shows_toast_in (data);
}

/* Waits for the toast, then dismisses it as the user would: the next one is not queued behind
 * it for its whole timeout. */
static void
take_toast_in (ToastIn *t)
{
  wait_until (shows_toast_in, t);
  adw_toast_dismiss (find_toast_under (t->root, toast_is, t->text));
  wait_until (toast_in_gone, t);
}

static UtPreferencesWindow *
open_preferences (Fixture *f)
{
  UtPreferencesWindow *prefs = ut_preferences_window_new (GTK_WINDOW (f->window), f->catalog, f->progress,
                                                          f->identities, NULL);

  gtk_window_present (GTK_WINDOW (prefs));
  wait_until (is_mapped, prefs);
  flush_events ();

  return prefs;
}

/* Saving and copying an account in Preferences → Accounts says so in a toast, as the guide does. */
static void
test_preferences_account_toasts (Fixture       *f,
                                 gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  UtPreferencesWindow *prefs;
  UtIdentityRow *row;
  GtkWidget *copy_button;
  ToastIn saved, copied;

  finish_onboarding (f, "EU", chosen);
  prefs = open_preferences (f);
  row = UT_IDENTITY_ROW (find_descendant (GTK_WIDGET (prefs), UT_TYPE_IDENTITY_ROW));
  g_assert_nonnull (row);
  wait_until (identity_row_settled, row);
  g_assert_true (ut_identity_row_is_loaded (row));

  saved = (ToastIn) { GTK_WIDGET (prefs), "Account name saved in your keyring" };
  g_assert_false (shows_toast_in (&saved));
  gtk_editable_set_text (GTK_EDITABLE (row), "anna@example.org");
  g_signal_emit_by_name (row, "apply");
  wait_until (saved_in_keyring, f);
  take_toast_in (&saved);

  copied = (ToastIn) { GTK_WIDGET (prefs), "Copied to the clipboard" };
  copy_button = find_button_with_icon (GTK_WIDGET (row), "edit-copy-symbolic");
  g_assert_nonnull (copy_button);
  g_assert_true (gtk_widget_get_sensitive (copy_button));
  g_signal_emit_by_name (copy_button, "clicked");
  take_toast_in (&copied);

  /* Not in the main window: Preferences is modal and covers it. */
  g_assert_null (find_toast (f, "Copied to the clipboard"));

  ut_identity_store_delete_sync (f->identities, "me", NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (prefs));
  flush_events ();
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Reminders with nothing due: Export is disabled before a file is chosen, and the format row says
 * why. Once an action is done there is a reminder, and it is enabled again. */
static void
test_export_ics_nothing_due (Fixture       *f,
                             gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  const char *reason = "There is nothing to put in a calendar yet: reminders are made for the actions you mark as done.";
  const UtRegionOffer *offer;
  UtProfile *me;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ics = NULL;
  UtExportDialog *dialog;
  AdwComboRow *format_row;
  GtkWidget *export_button;

  finish_onboarding (f, "EU", chosen);
  me = ut_progress_get_default_profile (f->progress);
  g_assert_false (ut_export_has_reminders (f->catalog, f->progress, me));
  /* The same answer as the export itself. */
  ics = ut_export (UT_EXPORT_FORMAT_ICS, f->catalog, f->progress, me, NULL, &error);
  g_assert_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_NOTHING_TO_EXPORT);
  g_assert_cmpstr (error->message, ==, reason);
  g_clear_error (&error);

  dialog = open_export_dialog (f);
  format_row = find_pref_row (GTK_WIDGET (dialog), "_Format");
  export_button = find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Export");
  g_assert_nonnull (export_button);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_null (find_label_containing (GTK_WIDGET (dialog), reason));

  adw_combo_row_set_selected (format_row, UT_EXPORT_FORMAT_ICS);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), reason));
  g_assert_true (gtk_widget_is_visible (find_label_containing (GTK_WIDGET (dialog), reason)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (export_button), ==, reason);
  /* The chosen format is the row's subtitle, which wraps rather than being cut short. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format_row)), ==,
                   ut_export_format_get_display_name (UT_EXPORT_FORMAT_ICS));

  /* Another format is enabled again, and says nothing. */
  adw_combo_row_set_selected (format_row, UT_EXPORT_FORMAT_PDF);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_null (find_label_containing (GTK_WIDGET (dialog), reason));
  g_assert_null (gtk_widget_get_tooltip_text (export_button));
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();

  /* With an action done there is something to remind of. */
  offer = linkedin_offer (f, UT_REGION_EU);
  for (guint i = 0; i < offer->actions->len; i++)
    g_assert_true (ut_progress_set_state (f->progress, me, ut_catalog_lookup (f->catalog, "linkedin"),
                                          ut_action_get_id (g_ptr_array_index (offer->actions, i)),
                                          UT_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);
  g_assert_true (ut_export_has_reminders (f->catalog, f->progress, me));

  dialog = open_export_dialog (f);
  format_row = find_pref_row (GTK_WIDGET (dialog), "_Format");
  export_button = find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Export");
  adw_combo_row_set_selected (format_row, UT_EXPORT_FORMAT_ICS);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_null (find_label_containing (GTK_WIDGET (dialog), reason));
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static UtProfileRow *
find_profile_row (UtPreferencesWindow *prefs,
                  const char          *name)
{
  return UT_PROFILE_ROW (find_pref_row (GTK_WIDGET (prefs), name));
}

/* The profile the main window shows is marked, in words too; the others are not. */
static void
test_preferences_active_profile (Fixture       *f,
                                 gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autoptr(GError) error = NULL;
  UtPreferencesWindow *prefs;
  UtProfileRow *me_row, *sam_row;
  UtProfile *sam;

  finish_onboarding (f, "EU", chosen);
  sam = ut_progress_add_profile (f->progress, "Sam", UT_REGION_US, &error);
  g_assert_no_error (error);

  prefs = open_preferences (f);
  me_row = find_profile_row (prefs, "Me");
  sam_row = find_profile_row (prefs, "Sam");
  g_assert_nonnull (me_row);
  g_assert_nonnull (sam_row);
  g_assert_true (ut_profile_row_get_active (me_row));
  g_assert_false (ut_profile_row_get_active (sam_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (me_row)), "Active"));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sam_row)), "Active"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  flush_events ();

  /* Opened for Sam, Sam is the one marked. */
  prefs = ut_preferences_window_new (GTK_WINDOW (f->window), f->catalog, f->progress, f->identities, sam);
  gtk_window_present (GTK_WINDOW (prefs));
  flush_events ();
  g_assert_false (ut_profile_row_get_active (find_profile_row (prefs, "Me")));
  g_assert_true (ut_profile_row_get_active (find_profile_row (prefs, "Sam")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_profile_row (prefs, "Sam"))), "Active"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  flush_events ();
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static guint
count_toplevels (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += g_str_equal (G_OBJECT_TYPE_NAME (window), type_name);
    }

  return n;
}

static gboolean
no_message_dialog (gpointer data)
{
  return count_toplevels ("AdwMessageDialog") == 0;
}

/* No red button in the profile list; Delete asks once, with the one destructive action, and
 * nothing is deleted until it is chosen. */
static void
test_preferences_delete_asks_once (Fixture       *f,
                                   gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autoptr(GError) error = NULL;
  UtPreferencesWindow *prefs;
  UtProfileRow *dad_row;
  GtkWidget *delete_button;
  GtkWidget *dialog;

  finish_onboarding (f, "EU", chosen);
  g_assert_nonnull (ut_progress_add_profile (f->progress, "Dad", UT_REGION_UK, &error));
  g_assert_nonnull (ut_progress_add_profile (f->progress, "Sam", UT_REGION_US, &error));
  g_assert_no_error (error);

  prefs = open_preferences (f);
  g_assert_null (find_widget (GTK_WIDGET (prefs), has_css_class, "destructive-action"));

  dad_row = find_profile_row (prefs, "Dad");
  g_assert_nonnull (dad_row);
  delete_button = find_button_with_icon (GTK_WIDGET (dad_row), "user-trash-symbolic");
  g_assert_nonnull (delete_button);
  g_assert_true (gtk_widget_get_sensitive (delete_button));

  /* Cancelling keeps it. */
  g_assert_cmpuint (count_toplevels ("AdwMessageDialog"), ==, 0);
  g_signal_emit_by_name (delete_button, "clicked");
  flush_events ();
  g_assert_cmpuint (count_toplevels ("AdwMessageDialog"), ==, 1);
  g_assert_nonnull (ut_progress_lookup_profile (f->progress, "dad"));
  dialog = find_toplevel ("AdwMessageDialog");
  /* AdwMessageDialog's class for a destructive response. */
  g_assert_nonnull (find_widget (dialog, has_css_class, "destructive"));
  g_signal_emit_by_name (dialog, "response", "cancel");
  if (count_toplevels ("AdwMessageDialog") > 0)
    gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_message_dialog, NULL);
  g_assert_nonnull (ut_progress_lookup_profile (f->progress, "dad"));

  /* Confirming once deletes it: no second question. */
  g_signal_emit_by_name (delete_button, "clicked");
  flush_events ();
  g_assert_cmpuint (count_toplevels ("AdwMessageDialog"), ==, 1);
  dialog = find_toplevel ("AdwMessageDialog");
  g_signal_emit_by_name (dialog, "response", "confirm");
  /* As the dialog's own buttons do after responding. */
  if (count_toplevels ("AdwMessageDialog") > 0)
    gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_message_dialog, NULL);
  flush_events ();
  g_assert_null (ut_progress_lookup_profile (f->progress, "dad"));
  g_assert_cmpuint (count_toplevels ("AdwMessageDialog"), ==, 0);
  g_assert_null (find_profile_row (prefs, "Dad"));
  g_assert_nonnull (find_profile_row (prefs, "Sam"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  flush_events ();
}

/* About offers the project's website and its issue tracker (Report an Issue), the addresses the
 * metainfo gives. libadwaita 1.2's About is an AdwAboutWindow (Debian 12, where this runs). */
static void
test_about_links (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *website = NULL;
  g_autofree char *issue_url = NULL;
  GLogLevelFlags fatal;
  GtkWidget *about;

  g_assert_null (find_toplevel ("AdwAboutWindow"));
  /* Its link rows' icon is an SVG in libadwaita's resources, which cannot be recognised with the
   * isolated XDG_DATA_DIRS of this test (no shared-mime-info), and GTK warns; g_test_expect_message()
   * does not see GTK's structured log, so warnings are not fatal while it opens. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  ut_show_about (GTK_WIDGET (f->window));
  flush_events ();
  g_log_set_always_fatal (fatal);
  about = find_toplevel ("AdwAboutWindow");
  g_assert_nonnull (about);
  /* By property: AdwAboutWindow's getters are deprecated in later libadwaita. */
  g_object_get (about, "website", &website, "issue-url", &issue_url, NULL);
  g_assert_cmpstr (website, ==, "https://github.com/untrain/Untrain");
  g_assert_cmpstr (issue_url, ==, "https://github.com/untrain/Untrain/issues");
  gtk_window_destroy (GTK_WINDOW (about));
  flush_events ();
}

/* ---- search ---------------------------------------------------------------------------- */

static gboolean
three_rows (gpointer data)
{
  return count_rows (data) == 3;
}

static gboolean
shows_no_match (gpointer data)
{
  Fixture *f = data;

  return g_str_equal (gtk_stack_get_visible_child_name (f->window->platforms_stack), "no-match");
}

static void
search_for (Fixture    *f,
            const char *text)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  flush_events ();
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) != NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                         GTK_WIDGET (f->window->search_entry)));
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), text);
}

/* Escape in the field (the entry's stop-search) empties and hides the search; the header counts
 * the whole profile while the list is filtered. */
static void
test_search_escape_clears (Fixture       *f,
                           gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", "reddit", NULL };
  g_autofree char *header = NULL;

  finish_onboarding (f, "US", chosen);
  header = g_strdup (_ut_window_get_progress_text (f->window));
  search_for (f, "reddit");
  wait_until (one_row, f);
  g_assert_nonnull (find_row (f, "reddit"));
  g_assert_cmpstr (_ut_window_get_progress_text (f->window), ==, header);
  g_assert_true (gtk_search_bar_get_search_mode (f->window->search_bar));

  g_signal_emit_by_name (f->window->search_entry, "stop-search");
  flush_events ();
  g_assert_false (gtk_search_bar_get_search_mode (f->window->search_bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "");
  wait_until (three_rows, f);

  /* Escape with the focus elsewhere in the list ends the search too. */
  search_for (f, "reddit");
  wait_until (one_row, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  g_assert_false (gtk_search_bar_get_search_mode (f->window->search_bar));
  wait_until (three_rows, f);
}

/* Opening a guide from a search, or switching to Summary, leaves a full list behind. */
static void
test_search_clears_on_leave (Fixture       *f,
                             gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", "reddit", NULL };

  finish_onboarding (f, "US", chosen);
  search_for (f, "reddit");
  wait_until (one_row, f);
  g_signal_emit_by_name (f->window->search_entry, "activate");
  flush_events ();
  assert_page (f, "wizard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  assert_page (f, "platforms");
  g_assert_false (gtk_search_bar_get_search_mode (f->window->search_bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "");
  wait_until (three_rows, f);

  search_for (f, "link");
  wait_until (one_row, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "summary"));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "platforms"));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "");
  wait_until (three_rows, f);
}

/* Ctrl+F again selects what was typed before, so typing replaces it. */
static void
test_search_selects_old_text (Fixture       *f,
                              gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "x", "reddit", NULL };
  int start = -1, end = -1;

  finish_onboarding (f, "US", chosen);
  search_for (f, "meta");
  flush_events ();
  gtk_editable_set_position (GTK_EDITABLE (f->window->search_entry), 0);
  gtk_widget_grab_focus (GTK_WIDGET (f->window->search_button));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (f->window->search_entry), NULL, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  flush_events ();
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (f->window->search_entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 4);
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
reddit_listed (gpointer data)
{
  Fixture *f = data;

  return count_rows (f) == 1 && find_row (f, "reddit") != NULL &&
         g_str_equal (gtk_stack_get_visible_child_name (f->window->platforms_stack), "list");
}

/* A search that matches none of the profile's platforms offers the catalog's. */
static void
test_search_no_match_offers_catalog (Fixture       *f,
                                     gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  GtkWidget *add;

  finish_onboarding (f, "US", chosen);
  search_for (f, "reddit");
  wait_until (shows_no_match, f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ut_search_no_match_get_list (f->window->no_match))));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (ut_search_no_match_get_list (f->window->no_match)), "Reddit"));
  g_assert_null (find_pref_row (GTK_WIDGET (ut_search_no_match_get_list (f->window->no_match)), "LinkedIn"));
  add = find_widget (GTK_WIDGET (ut_search_no_match_get_list (f->window->no_match)), is_button_with_tooltip, "Add Reddit");
  g_assert_nonnull (add);

  g_signal_emit_by_name (add, "clicked");
  g_assert_true (ut_profile_uses_platform (ut_window_get_profile (f->window), "reddit"));
  g_free (take_toast (f, toast_is, "Added Reddit to your platforms", NULL));
  wait_until (reddit_listed, f);

  /* A short search that matches much of the catalog offers the first few and asks for more. */
  {
    const char *candidates[] = { "oo", "ar", "on", "er", "an", NULL };
    const char *needle = NULL;
    guint matching = 0, rows = 0;
    GtkWidget *list = GTK_WIDGET (ut_search_no_match_get_list (f->window->no_match));

    for (guint c = 0; candidates[c] != NULL && needle == NULL; c++)
      {
        guint in_profile = 0;

        matching = 0;
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->catalog)); i++)
          {
            g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (f->catalog), i);

            if (!ut_platform_matches_search (platform, candidates[c]))
              continue;
            if (ut_profile_uses_platform (ut_window_get_profile (f->window), ut_platform_get_id (platform)))
              in_profile++;
            else
              matching++;
          }
        if (in_profile == 0 && matching > UT_SEARCH_NO_MATCH_MAX_ROWS)
          needle = candidates[c];
      }
    g_assert_nonnull (needle);
    gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), needle);
    wait_until (shows_no_match, f);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      rows++;
    g_assert_cmpuint (rows, ==, UT_SEARCH_NO_MATCH_MAX_ROWS);
    g_assert_nonnull (strstr (ut_search_no_match_get_description (f->window->no_match), "Type more to narrow the search"));
  }

  /* Nothing in the catalog matches: the page says so and offers nothing. */
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "zzzz");
  wait_until (shows_no_match, f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ut_search_no_match_get_list (f->window->no_match))));
  g_assert_nonnull (strstr (ut_search_no_match_get_description (f->window->no_match), "zzzz"));
}

/* ---- ways out -------------------------------------------------------------------------- */

static gboolean
is_visible_button_labelled (GtkWidget     *widget,
                            gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Setting up a new profile can be cancelled, with Cancel or Escape, back to the profile that was
 * shown; the first profile has nowhere to go back to. */
static void
test_onboarding_cancel_returns (Fixture       *f,
                                gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  g_autoptr(GError) error = NULL;
  UtOnboarding *onboarding = UT_ONBOARDING (_ut_window_get_onboarding (f->window));
  GtkWidget *menu_button;

  /* First start: Escape stays, and the menu is there. */
  g_assert_false (ut_onboarding_get_can_cancel (onboarding));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  assert_page (f, "onboarding");
  g_assert_cmpstr (ut_onboarding_get_page (onboarding), ==, "welcome");
  g_assert_null (find_widget (GTK_WIDGET (onboarding), is_visible_button_labelled, "_Cancel"));
  menu_button = find_descendant (GTK_WIDGET (onboarding), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_is_visible (menu_button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));

  finish_onboarding (f, "EU", chosen);
  g_assert_nonnull (ut_progress_add_profile (f->progress, "Sam", UT_REGION_US, &error));
  g_assert_no_error (error);

  /* Cancel from the welcome page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.profile", "s", "sam"));
  flush_events ();
  assert_page (f, "onboarding");
  g_assert_cmpstr (ut_profile_get_id (ut_window_get_profile (f->window)), ==, "sam");
  g_assert_true (ut_onboarding_get_can_cancel (onboarding));
  g_assert_nonnull (find_widget (GTK_WIDGET (onboarding), is_visible_button_labelled, "_Cancel"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onboarding), "onboarding.back", NULL));
  flush_events ();
  assert_page (f, "platforms");
  g_assert_cmpstr (ut_profile_get_id (ut_window_get_profile (f->window)), ==, "me");

  /* Escape goes back page by page, then cancels; even over a guide that was open. */
  ut_window_open_platform (f->window, "linkedin");
  assert_page (f, "wizard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.profile", "s", "sam"));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onboarding), "onboarding.next", NULL));
  g_assert_cmpstr (ut_onboarding_get_page (onboarding), ==, "region");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  assert_page (f, "onboarding");
  g_assert_cmpstr (ut_onboarding_get_page (onboarding), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  assert_page (f, "platforms");
  g_assert_cmpstr (ut_profile_get_id (ut_window_get_profile (f->window)), ==, "me");
  g_assert_false (ut_profile_is_set_up (ut_progress_lookup_profile (f->progress, "sam")));
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
chooser_has_rows (gpointer data)
{
  return _ut_platform_chooser_get_n_row_widgets (data) > 0;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_drawn (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Until @widget has been laid out and drawn twice: a list view places its rows on a frame. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  wait_until (two_frames_drawn, &frames);
  gtk_widget_remove_tick_callback (widget, id);
}

/* "Add or Remove Platforms…" opens at the top, and Cancel or Escape keeps the platforms. */
static void
test_edit_platforms_cancel (Fixture       *f,
                            gconstpointer  data)
{
  const char *chosen[] = { "linkedin", NULL };
  GtkWidget *onboarding = _ut_window_get_onboarding (f->window);
  GtkWidget *entry = find_widget (onboarding, is_search_entry, NULL);
  GtkAdjustment *adjustment;

  g_assert_nonnull (entry);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find_descendant (onboarding, GTK_TYPE_LIST_VIEW),
                                                                                                  GTK_TYPE_SCROLLED_WINDOW)));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 500);
  finish_onboarding (f, "EU", chosen);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-platforms", NULL));
  flush_events ();
  assert_page (f, "onboarding");
  g_assert_cmpstr (ut_onboarding_get_page (UT_ONBOARDING (onboarding)), ==, "platforms");
  g_assert_nonnull (find_widget (onboarding, is_visible_button_labelled, "_Cancel"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), entry));

  /* Escape in the search field clears it first, and stays. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  g_signal_emit_by_name (entry, "stop-search");
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  assert_page (f, "onboarding");

  /* A choice made and then cancelled with Escape is forgotten. */
  wait_for_frames (find_descendant (onboarding, GTK_TYPE_LIST_VIEW));
  gtk_adjustment_set_value (adjustment, 50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.select-platform", "(sb)", "reddit", TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  flush_events ();
  assert_page (f, "platforms");
  g_assert_cmpuint (count_rows (f), ==, 1);
  g_assert_false (ut_profile_uses_platform (ut_window_get_profile (f->window), "reddit"));

  /* Opened again, from a guide: at the top, and Cancel returns to the guide. */
  ut_window_open_platform (f->window, "linkedin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-platforms", NULL));
  flush_events ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);
  g_signal_emit_by_name (entry, "stop-search");  /* Escape in the empty field */
  flush_events ();
  assert_page (f, "wizard");
}

/* The platforms to choose from: grouped by category, found by what people call them, drawn only
 * where they are on screen. */
static guint
count_headings (GListModel *entries)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (entries, i);

      n += GTK_IS_STRING_OBJECT (entry);
    }
  return n;
}

/* GtkSearchEntry reports a change after a pause; a test need not wait for it. */
static void
search_chooser (UtPlatformChooser *chooser,
                const char        *text)
{
  GtkSearchEntry *entry = _ut_platform_chooser_get_search_entry (chooser);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
test_platform_chooser (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *onboarding = _ut_window_get_onboarding (f->window);
  UtPlatformChooser *chooser = UT_PLATFORM_CHOOSER (find_descendant (onboarding, UT_TYPE_PLATFORM_CHOOSER));
  GListModel *entries = _ut_platform_chooser_get_entries (chooser);
  GtkSearchEntry *entry = _ut_platform_chooser_get_search_entry (chooser);
  guint n_platforms = g_list_model_get_n_items (G_LIST_MODEL (f->catalog));
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;
  guint n_social = 0;

  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (f->catalog), i);

      g_hash_table_add (categories, (gpointer) ut_platform_get_category (platform));
      n_social += g_str_equal (ut_platform_get_category (platform), "social");
    }

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.next", NULL));
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.next", NULL));
  wait_until (chooser_has_rows, chooser);
  flush_events ();

  /* Every platform once, under one heading per category; rows exist for the screen only. */
  g_assert_cmpuint (count_headings (entries), ==, g_hash_table_size (categories));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_platforms + g_hash_table_size (categories));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), GTK_WIDGET (entry)));

  /* A keyword finds the platform: only its category's heading and the platform remain. */
  search_chooser (chooser, "gmail");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  first = g_list_model_get_item (entries, 0);
  second = g_list_model_get_item (entries, 1);
  g_assert_true (GTK_IS_STRING_OBJECT (first));
  g_assert_cmpstr (ut_platform_get_id (UT_PLATFORM (second)), ==, "google-gmail");
  g_assert_false (_ut_platform_chooser_shows_no_match (chooser));

  search_chooser (chooser, "zzzz");
  g_assert_true (_ut_platform_chooser_shows_no_match (chooser));

  /* A whole category at once, and back. */
  search_chooser (chooser, "");
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.select-category", "s", "social"));
  g_assert_cmpuint (ut_platform_chooser_get_n_selected (chooser), ==, n_social);
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.select-category", "s", "social"));
  g_assert_cmpuint (ut_platform_chooser_get_n_selected (chooser), ==, 0);

  /* Escape clears a search, then goes back a page. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "meta");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (ut_onboarding_get_page (UT_ONBOARDING (onboarding)), ==, "platforms");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (ut_onboarding_get_page (UT_ONBOARDING (onboarding)), ==, "region");
}

/* With a thousand platforms the chooser still makes rows for the screen only, and a search
 * narrows the model, not a thousand widgets. */
static void
test_platform_chooser_large (void)
{
  g_autoptr(GBytes) bytes = ut_synthetic_catalog_new (1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) catalog = ut_catalog_new_from_bytes (bytes, "synthetic", &error);
  GtkWidget *window = gtk_window_new ();
  UtPlatformChooser *chooser = g_object_new (UT_TYPE_PLATFORM_CHOOSER, NULL);
  GListModel *entries = _ut_platform_chooser_get_entries (chooser);
  guint n_entries;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chooser));
  ut_platform_chooser_set_catalog (chooser, catalog, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (chooser_has_rows, chooser);
  flush_events ();

  n_entries = g_list_model_get_n_items (entries);
  g_test_message ("%u row widgets for %u entries", _ut_platform_chooser_get_n_row_widgets (chooser), n_entries);
  g_assert_cmpuint (n_entries, >, 1000);
  g_assert_cmpuint (_ut_platform_chooser_get_n_row_widgets (chooser) * 2, <, n_entries);

  /* "Reddit 7" and nothing else: copy 7 of the record. */
  search_chooser (chooser, "reddit 7");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_row_widgets (GtkListView *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* With a thousand platforms in the profile, the main list makes rows for the screen only; a
 * search narrows the model, and a row still opens its guide. */
static void
test_platform_list_large (void)
{
  g_autoptr(GBytes) bytes = ut_synthetic_catalog_new (1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  Fixture large = { 0 };
  Fixture *f = &large;
  UtProfile *profile;
  g_autoptr(UtPlatform) first = NULL;
  g_autoptr(UtPlatform) last = NULL;
  GtkAdjustment *adjustment;
  GtkListView *list;
  guint n_platforms, n_widgets;

  g_settings_reset (settings, "last-platform");
  g_settings_reset (settings, "active-profile");
  f->catalog = ut_catalog_new_from_bytes (bytes, "synthetic", &error);
  g_assert_no_error (error);
  f->identities = ut_identity_store_new ();
  f->progress = ut_progress_new (NULL);
  profile = ut_progress_add_profile (f->progress, "Everything", UT_REGION_EU, &error);
  g_assert_no_error (error);
  n_platforms = g_list_model_get_n_items (G_LIST_MODEL (f->catalog));
  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (f->catalog), i);

      g_ptr_array_add (ids, (char *) ut_platform_get_id (platform));
    }
  g_ptr_array_add (ids, NULL);
  g_assert_true (ut_progress_set_platforms_used (f->progress, profile, (const char * const *) ids->pdata, TRUE, &error));
  g_assert_no_error (error);

  f->window = ut_window_new (NULL, f->catalog, f->progress, f->identities);
  ut_window_set_profile (f->window, profile);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window);
  flush_events ();
  assert_page (f, "platforms");

  /* Rows for what is on screen (GTK 4.8 keeps up to 200 around it), not for every platform. */
  list = _ut_window_get_platform_list (f->window);
  flush_events ();
  n_widgets = count_row_widgets (list);
  g_test_message ("%u row widgets for %u platforms", n_widgets, n_platforms);
  g_assert_cmpuint (n_platforms, >=, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->filtered)), ==, n_platforms);
  g_assert_cmpuint (n_widgets, >, 0);
  g_assert_cmpuint (n_widgets * 4, <, n_platforms);
  first = g_list_model_get_item (G_LIST_MODEL (f->window->filtered), 0);
  last = g_list_model_get_item (G_LIST_MODEL (f->window->filtered), n_platforms - 1);
  g_assert_nonnull (find_row (f, ut_platform_get_id (first)));
  g_assert_null (find_row (f, ut_platform_get_id (last)));

  /* Scrolled to the end, the rows show the last platforms: rows are made or given to other
   * platforms as the list scrolls, never all at once. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (GTK_WIDGET (list));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (GTK_WIDGET (list));
  g_assert_nonnull (find_row (f, ut_platform_get_id (last)));
  g_assert_null (find_row (f, ut_platform_get_id (first)));
  g_assert_cmpuint (count_row_widgets (list) * 4, <, n_platforms);

  /* "Reddit 7" and nothing else, through the filter model, with the rows following it: GTK 4.8
   * once left the last platform's row in place of the header here. */
  search_for (f, "reddit 7");
  g_signal_emit_by_name (f->window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->filtered)), ==, 1);
  wait_until (one_row, f);
  g_assert_nonnull (find_row (f, "reddit-7"));
  g_assert_null (find_row (f, ut_platform_get_id (last)));
  g_assert_cmpuint (count_row_widgets (list), ==, 3);  /* the header, Reddit 7 and the footer */

  /* Activating the row (a click, Enter or Space) opens that platform's guide; the header is the
   * list view's first item. */
  g_signal_emit_by_name (list, "activate", 1);
  flush_events ();
  assert_page (f, "wizard");
  g_assert_cmpstr (ut_platform_get_id (ut_wizard_get_platform (UT_WIZARD (_ut_window_get_wizard (f->window)))), ==, "reddit-7");

  close_window (f);
  g_clear_object (&f->catalog);
  g_clear_object (&f->identities);
}

/* A start that shows the window before the catalog is loaded: a bare header taking no input,
 * then the window the loaded state makes, its list filled. */
static void
test_window_before_state (Fixture       *f,
                          gconstpointer  data)
{
  UtWindow *window = ut_window_new_loading (NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  g_assert_true (ut_window_is_loading (window));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_null (ut_window_get_profile (window));

  ut_window_set_state (window, f->catalog, f->progress, f->identities);
  g_assert_false (ut_window_is_loading (window));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window)));
  g_assert_nonnull (ut_window_get_profile (window));
  /* A new profile starts with onboarding, as a window made with its state does. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==,
                   gtk_stack_get_visible_child_name (f->window->main_stack));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

/* An objection whose answer is late is announced at start, with where to act on it. */
static void
test_overdue_announced (Fixture       *f,
                        gconstpointer  data)
{
  const char *chosen[] = { "claude", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -45);
  g_autofree char *sent = g_date_time_format (then, "%Y-%m-%d");

  finish_onboarding (f, "EU", chosen);
  g_assert_cmpuint (ut_window_announce_overdue (f->window), ==, 0);
  g_assert_true (ut_progress_add_request_event (f->progress, ut_window_get_profile (f->window), "claude",
                                                UT_REQUEST_EVENT_SENT, sent, "email", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ut_window_announce_overdue (f->window), ==, 1);
  g_free (take_toast (f, toast_is, "Claude has not answered your objection in time. Its guide offers a reminder and a complaint.", NULL));
}

/* ---- narrow windows -------------------------------------------------------------------- */

/* For the failure message: the widgets under @widget whose minimum width is above @limit, and
 * the children of each, which are what makes them that wide. */
static void
report_wide (GtkWidget *widget,
             int        limit,
             int        depth)
{
  int min = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%*s%s %s: %d", depth, "", G_OBJECT_TYPE_NAME (widget),
                  GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "", min);
  if (min <= limit)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    report_wide (child, limit, depth + 1);
}

static void
assert_fits (Fixture    *f,
             const char *what)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  int min = 0;

  flush_events ();
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 360)
    {
      g_test_message ("%s is %d px wide at least:", what, min);
      report_wide (content, 360, 0);
    }
  g_assert_cmpint (min, <=, 360);
}

static gboolean
switcher_bar_revealed (gpointer data)
{
  Fixture *f = data;

  return adw_view_switcher_bar_get_reveal (f->window->switcher_bar);
}

static gboolean
switcher_bar_hidden (gpointer data)
{
  return !switcher_bar_revealed (data);
}

/* Every page fits a 360 px wide window; narrow, the view switcher moves to the bottom bar. */
static void
test_narrow_layout (Fixture       *f,
                    gconstpointer  data)
{
  const char *chosen[] = { "linkedin", "meta", "x", "reddit", "chatgpt", NULL };
  GtkWidget *onboarding = _ut_window_get_onboarding (f->window);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  assert_fits (f, "Welcome");
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.next", NULL));
  assert_fits (f, "Region");
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.next", NULL));
  assert_fits (f, "Platforms in onboarding");
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.back", NULL));
  g_assert_true (gtk_widget_activate_action (onboarding, "onboarding.back", NULL));
  finish_onboarding (f, "EU", chosen);

  assert_fits (f, "The list");
  wait_until (switcher_bar_revealed, f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->switcher_bar)));
  search_for (f, "zzzz");
  wait_until (shows_no_match, f);
  assert_fits (f, "No search results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "summary"));
  _ut_window_get_summary_page (f->window);
  assert_fits (f, "Summary");
  ut_window_open_platform (f->window, "meta");
  assert_fits (f, "Meta's guide");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-platforms", NULL));
  assert_fits (f, "Add or Remove Platforms");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));

  /* Wide, the switcher is in the header and the bar is gone. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  wait_until (switcher_bar_hidden, f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  gboolean no_keyring = g_strcmp0 (g_getenv ("UT_TEST_KEYRING"), "none") == 0;

  /* Not gtk_test_init (): it cannot pass G_TEST_OPTION_ISOLATE_DIRS on. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (no_keyring)
    {
      /* A private bus with no Secret Service and nothing to activate one, set up before GTK
       * connects to the session bus. */
      g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

      g_unsetenv ("SECRET_BACKEND");
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
      /* GTestDBus unsets DISPLAY against X11 autolaunching; the window still needs it. */
      g_setenv ("DISPLAY", display, TRUE);
    }

  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
  /* libadwaita 1.2 frees a toast dismissed while it is still sliding in, then touches it when the
   * slide ends; the tests dismiss toasts as soon as they have read them. Without animations a
   * toast has arrived by the time a test can see it. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (no_keyring)
    {
      int status;

      g_test_add ("/ui/no-keyring", Fixture, NULL, setup, test_no_keyring, teardown);
      g_test_add ("/ui/no-keyring-export", Fixture, NULL, setup, test_no_keyring_export, teardown);
      status = g_test_run ();
      /* As in test-identity.c: libsecret holds the bus until exit; down would wait for it. */
      g_test_dbus_stop (bus);
      g_steal_pointer (&bus);
      return status;
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/ui/first-start-shows-onboarding", test_first_start_shows_onboarding);
  ADD ("/ui/onboarding-shows-chosen-platforms", test_onboarding_shows_chosen_platforms);
  ADD ("/ui/search-filters", test_search_filters);
  ADD ("/ui/search-escape-clears", test_search_escape_clears);
  ADD ("/ui/search-clears-on-leave", test_search_clears_on_leave);
  ADD ("/ui/search-selects-old-text", test_search_selects_old_text);
  ADD ("/ui/search-no-match-offers-catalog", test_search_no_match_offers_catalog);
  ADD ("/ui/window-before-state", test_window_before_state);
  ADD ("/ui/onboarding-cancel-returns", test_onboarding_cancel_returns);
  ADD ("/ui/edit-platforms-cancel", test_edit_platforms_cancel);
  ADD ("/ui/platform-chooser", test_platform_chooser);
  ADD ("/ui/overdue-announced", test_overdue_announced);
  g_test_add_func ("/ui/platform-chooser-large", test_platform_chooser_large);
  g_test_add_func ("/ui/platform-list-large", test_platform_list_large);
  ADD ("/ui/narrow-layout", test_narrow_layout);
  ADD ("/ui/main-menu-opens", test_main_menu_opens);
  ADD ("/ui/mark-linkedin-done-survives-restart", test_mark_linkedin_done_survives_restart);
  ADD ("/ui/guide-shows-sources", test_guide_shows_sources);
  ADD ("/ui/last-platform-reopens", test_last_platform_reopens);
  ADD ("/ui/newer-revision-shows-changed", test_newer_revision_shows_changed);
  ADD ("/ui/corrupt-progress-is-reported", test_corrupt_progress_is_reported);
  ADD ("/ui/account-row", test_account_row);
  ADD ("/ui/export-dialog", test_export_dialog);
  ADD ("/ui/export-failure-keeps-dialog", test_export_failure_keeps_dialog);
  ADD ("/ui/export-closed-midway", test_export_closed_midway);
  ADD ("/ui/import-backup", test_import_backup);
  ADD ("/ui/delete-profile-clears-identities", test_delete_profile_clears_identities);
  ADD ("/ui/preferences-account-toasts", test_preferences_account_toasts);
  ADD ("/ui/export-ics-nothing-due", test_export_ics_nothing_due);
  ADD ("/ui/preferences-active-profile", test_preferences_active_profile);
  ADD ("/ui/preferences-delete-asks-once", test_preferences_delete_asks_once);
  ADD ("/ui/about-links", test_about_links);
#undef ADD

  return g_test_run ();
}
