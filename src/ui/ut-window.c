/* ut-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ut-compat.h"
#include "ut-legal.h"
#include "ut-platform-list-view.h"
#include "ut-window-private.h"

/* The main window: the platform list and the summary as two views, a platform's guide, and
 * onboarding. What it shows is one value, #UtWindow:page, set in one place. Its actions and the
 * backup import are in ut-window-actions.c. */

G_DEFINE_FINAL_TYPE (UtWindow, ut_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_PROGRESS,
  PROP_IDENTITIES,
  PROP_PROFILE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names of #UtWindow:page, in the order of UtWindowPage; the views' names are also their
 * names in the view stack. */
static const char * const page_names[] = { "onboarding", "platforms", "summary", "wizard" };

static void
toast_open_cb (AdwToast *toast,
               UtWindow *self)
{
  ut_open_file (GTK_WIDGET (self), g_object_get_data (G_OBJECT (toast), "file"));
}

/**
 * _ut_window_add_toast_full:
 * @timeout: seconds, or 0 to stay until dismissed
 * @file: (nullable): what the message is about, e.g. an exported checklist: the toast gets an
 *   Open button that opens it in the default application
 *
 * Returns: (transfer none): the toast, kept by the overlay until it is dismissed
 */
AdwToast *
_ut_window_add_toast_full (UtWindow   *self,
                           const char *message,
                           guint       timeout,
                           GFile      *file)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (UT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  /* Toast titles are markup, and messages may quote file or profile names. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, timeout);
  if (file != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_open_cb), self, 0);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);

  return toast;
}

/**
 * ut_window_add_toast:
 *
 * Shows a result for a few seconds: what was saved, copied or imported, or why it was not.
 */
void
ut_window_add_toast (UtWindow   *self,
                     const char *message)
{
  _ut_window_add_toast_full (self, message, 8, NULL);
}

/**
 * ut_window_show_problem:
 *
 * Shows a message that stays until the user dismisses it: for problems they must not miss, such
 * as a damaged progress file.
 */
void
ut_window_show_problem (UtWindow   *self,
                        const char *message)
{
  _ut_window_add_toast_full (self, message, 0, NULL);
}

/* A page inside the window reports a result; the window is where results are shown. */
static void
child_message_cb (UtWindow   *self,
                  const char *message)
{
  ut_window_add_toast (self, message);
}

static void
update_progress (UtWindow *self)
{
  UtPlatformProgress total;
  guint n_platforms;
  g_autofree char *text = NULL;
  g_autofree char *profile_text = NULL;

  if (self->profile == NULL)
    return;

  ut_progress_get_profile_progress (self->progress, self->catalog, self->profile, &total, &n_platforms);

  /* Translators: the header of the platform list, for the whole profile, e.g. "12 of 31 steps
   * done". A step is one thing to do in a platform's guide; use the same word everywhere. */
  text = g_strdup_printf (ngettext ("%u of %u step done", "%u of %u steps done", total.n_actions),
                          total.n_done, total.n_actions);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 total.n_actions > 0 ? (double) total.n_done / total.n_actions : 0.0);

  /* Translators: e.g. "Profile Me · 9 platforms · Switzerland" */
  profile_text = g_strdup_printf (ngettext ("Profile %s · %u platform · %s", "Profile %s · %u platforms · %s", n_platforms),
                                  ut_profile_get_name (self->profile), n_platforms,
                                  ut_region_get_display_name (ut_profile_get_region (self->profile)));
  gtk_label_set_label (self->profile_label, profile_text);
}

static void
add_platform_cb (UtWindow   *self,
                 const char *platform_id)
{
  g_autoptr(GError) error = NULL;
  UtPlatform *platform = ut_catalog_lookup (self->catalog, platform_id);
  const char *ids[2] = { NULL, NULL };
  g_autofree char *message = NULL;

  if (platform == NULL)
    return;

  ids[0] = ut_platform_get_id (platform);
  if (!ut_progress_set_platforms_used (self->progress, self->profile, ids, TRUE, &error))
    {
      ut_window_add_toast (self, error->message);
      return;
    }

  /* Translators: a toast, e.g. "Added Reddit to your platforms" */
  message = g_strdup_printf (_("Added %s to your platforms"), ut_platform_get_name (platform));
  ut_window_add_toast (self, message);
}

/* A search that matches none of the profile's platforms shows a status page instead of the list,
 * offering the catalog's platforms that match. */
static void
update_no_match (UtWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean no_match = *text != '\0' && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (no_match)
    ut_search_no_match_update (self->no_match, self->catalog, self->profile, text);
  gtk_stack_set_visible_child_name (self->platforms_stack, no_match ? "no-match" : "list");
}

/**
 * ut_window_announce_overdue:
 *
 * Says, once at start, which answers to the profile's objections are overdue: the reminder and
 * the complaint are in each guide.
 *
 * Returns: how many are overdue
 */
guint
ut_window_announce_overdue (UtWindow *self)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(UtLegal) legal = ut_legal_load_bundled (NULL);
  g_autoptr(GDate) today = NULL;
  g_autofree char *message = NULL;
  const char *first = NULL;
  guint n = 0;

  g_return_val_if_fail (UT_IS_WINDOW (self), 0);

  if (self->profile == NULL || legal == NULL)
    return 0;

  requests = ut_profile_list_requests (self->profile);
  today = ut_progress_get_today (self->progress);
  for (guint i = 0; i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);
      UtPlatform *platform = ut_catalog_lookup (self->catalog, request->platform);

      if (platform != NULL &&
          ut_request_get_state (request, ut_legal_get_rights (legal, request->region), today, NULL) == UT_REQUEST_STATE_OVERDUE)
        {
          first = first != NULL ? first : ut_platform_get_short_name (platform);
          n++;
        }
    }

  if (n == 1)
    /* Translators: a toast at start, e.g. "Claude has not answered your objection in time. Its guide offers a reminder and a complaint." */
    message = g_strdup_printf (_("%s has not answered your objection in time. Its guide offers a reminder and a complaint."), first);
  else if (n > 1)
    message = g_strdup_printf (ngettext ("%u answer to your objections is overdue: see Summary.",
                                         "%u answers to your objections are overdue: see Summary.", n), n);
  if (message != NULL)
    ut_window_add_toast (self, message);
  return n;
}

/**
 * _ut_window_clear_search:
 *
 * Empties and hides the search, so the list shows every platform of the profile again.
 */
void
_ut_window_clear_search (UtWindow *self)
{
  g_return_if_fail (UT_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_no_match (self);
}

/* Escape in the field, or the search button: hiding the bar ends the search. */
static void
search_mode_changed_cb (UtWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  _ut_window_clear_search (self);
  /* The field had the focus and is gone; the list is what the user was searching. */
  if (self->page == UT_WINDOW_PAGE_PLATFORMS && gtk_widget_get_mapped (GTK_WIDGET (self->platform_list)))
    gtk_widget_child_focus (GTK_WIDGET (self->platform_list), GTK_DIR_TAB_FORWARD);
}

static void
rebuild_profiles_menu (UtWindow *self)
{
  GListModel *profiles = ut_progress_get_profiles (self->progress);
  guint n = g_list_model_get_n_items (profiles);

  g_menu_remove_all (self->profiles_section);
  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtProfile) profile = g_list_model_get_item (profiles, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (ut_profile_get_name (profile), NULL);

      g_menu_item_set_action_and_target (item, "win.profile", "s", ut_profile_get_id (profile));
      g_menu_append_item (self->profiles_section, item);
    }
}

static void onboarding_finished_cb  (UtWindow     *self,
                                     UtOnboarding *onboarding);
static void onboarding_cancelled_cb (UtWindow     *self,
                                     UtOnboarding *onboarding);

/* Built on first use: most starts never show it, and it would cost every start its widgets. */
static void
ensure_onboarding (UtWindow *self)
{
  if (self->onboarding != NULL)
    return;

  self->onboarding = g_object_new (UT_TYPE_ONBOARDING, NULL);
  g_signal_connect_object (self->onboarding, "finished", G_CALLBACK (onboarding_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->onboarding, "cancelled", G_CALLBACK (onboarding_cancelled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->onboarding), "onboarding");
}

static gboolean
profile_exists (UtWindow  *self,
                UtProfile *profile)
{
  GListModel *profiles = ut_progress_get_profiles (self->progress);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(UtProfile) other = g_list_model_get_item (profiles, i);

      if (other == profile)
        return TRUE;
    }

  return FALSE;
}

/* Where cancelling the set-up of a new profile goes: the set-up profile shown before it, or any
 * other set-up profile. A profile that is not set up has no page of its own to go back to.
 *
 * Returns: (nullable) (transfer none) */
static UtProfile *
find_return_profile (UtWindow *self)
{
  GListModel *profiles = ut_progress_get_profiles (self->progress);

  if (self->previous_profile != NULL && self->previous_profile != self->profile &&
      ut_profile_is_set_up (self->previous_profile) && profile_exists (self, self->previous_profile))
    return self->previous_profile;

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(UtProfile) other = g_list_model_get_item (profiles, i);

      if (other != self->profile && ut_profile_is_set_up (other))
        return other;  /* the list keeps it */
    }

  return NULL;
}

void
_ut_window_show_onboarding (UtWindow *self,
                            gboolean  edit_only)
{
  ensure_onboarding (self);
  /* Shown first: the onboarding puts the focus on its first control, which must be visible. */
  _ut_window_set_page (self, UT_WINDOW_PAGE_ONBOARDING);
  ut_onboarding_setup (self->onboarding, self->catalog,
                       ut_profile_get_region (self->profile),
                       ut_profile_get_platforms (self->profile),
                       edit_only);
  ut_onboarding_set_can_cancel (self->onboarding, edit_only || find_return_profile (self) != NULL);
  ut_onboarding_set_menu_model (self->onboarding, edit_only ? NULL : self->primary_menu);
}

/* Built on first use, like the summary: a start that shows the list does not pay for a guide. */
static UtWizard *
ensure_wizard (UtWindow *self)
{
  if (self->wizard == NULL)
    {
      self->wizard = ut_wizard_new (self->catalog);
      g_signal_connect_object (self->wizard, "message", G_CALLBACK (child_message_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->wizard_bin, GTK_WIDGET (self->wizard));
    }

  return self->wizard;
}

static void platform_activated_cb (UtWindow   *self,
                                   UtPlatform *platform);

/* The summary page is built and filled only when it is shown: the view stack measures every page,
 * hidden or not, and a start should not pay for one nobody has looked at. */
static UtSummaryPage *
ensure_summary_page (UtWindow *self)
{
  if (self->summary_page == NULL)
    {
      self->summary_page = ut_summary_page_new (self->catalog, self->progress);
      g_signal_connect_object (self->summary_page, "platform-activated",
                               G_CALLBACK (platform_activated_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->summary_bin, GTK_WIDGET (self->summary_page));
    }

  ut_summary_page_set_profile (self->summary_page, self->profile);
  return self->summary_page;
}

static void
sync_summary (UtWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "summary") == 0)
    ensure_summary_page (self);
}

/* Which of the two views the view stack shows, whether or not the views are showing. */
UtWindowPage
_ut_window_get_view (UtWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "summary") == 0)
    return UT_WINDOW_PAGE_SUMMARY;
  return UT_WINDOW_PAGE_PLATFORMS;
}

/**
 * _ut_window_set_page:
 *
 * The one place that switches pages: the three stacks, the back and search buttons and the
 * remembered platform follow from @page. Onboarding covers the rest of the window, which keeps
 * what it showed underneath. The wizard must have been given its platform first.
 */
void
_ut_window_set_page (UtWindow     *self,
                     UtWindowPage  page)
{
  UtWindowPage old = self->page;
  gboolean views = page == UT_WINDOW_PAGE_PLATFORMS || page == UT_WINDOW_PAGE_SUMMARY;

  g_return_if_fail (page <= UT_WINDOW_PAGE_WIZARD);

  /* Set first: switching the view stack below comes back here through view_changed_cb(). */
  self->page = page;
  if (page == UT_WINDOW_PAGE_ONBOARDING && old != UT_WINDOW_PAGE_ONBOARDING)
    self->page_before_onboarding = old;

  /* Search filters the list; whatever else is shown, it starts over. Typing in the list starts
   * it. */
  if (page != UT_WINDOW_PAGE_PLATFORMS)
    _ut_window_clear_search (self);
  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         page == UT_WINDOW_PAGE_PLATFORMS ? GTK_WIDGET (self) : NULL);
  /* Setting up a profile is finished or cancelled first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-platforms", page != UT_WINDOW_PAGE_ONBOARDING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", page != UT_WINDOW_PAGE_ONBOARDING);

  if (page == UT_WINDOW_PAGE_ONBOARDING)
    {
      ensure_onboarding (self);
      gtk_stack_set_visible_child_name (self->main_stack, "onboarding");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      gtk_stack_set_visible_child_name (self->content_stack, views ? "views" : "wizard");
      gtk_stack_set_visible_child_name (self->title_stack, views ? "switcher" : "wizard");
      gtk_widget_set_visible (self->back_button, !views);
      gtk_widget_set_visible (GTK_WIDGET (self->search_button), page == UT_WINDOW_PAGE_PLATFORMS);
      if (views)
        {
          adw_view_stack_set_visible_child_name (self->view_stack, page_names[page]);
          /* The list is where the next start begins. */
          g_settings_set_string (self->settings, "last-platform", "");
        }
    }

  if (page != old)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The view switcher changes the view stack without asking the window. */
static void
view_changed_cb (UtWindow *self)
{
  sync_summary (self);
  if (self->page == UT_WINDOW_PAGE_PLATFORMS || self->page == UT_WINDOW_PAGE_SUMMARY)
    _ut_window_set_page (self, _ut_window_get_view (self));
}

void
ut_window_set_profile (UtWindow  *self,
                       UtProfile *profile)
{
  g_return_if_fail (UT_IS_WINDOW (self));
  g_return_if_fail (UT_IS_PROFILE (profile));

  /* Remembered for cancelling the set-up of the new one. */
  if (self->profile != NULL && self->profile != profile && ut_profile_is_set_up (self->profile))
    g_set_object (&self->previous_profile, self->profile);
  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  ut_platform_list_set_profile (self->platforms, profile);
  sync_summary (self);
  g_settings_set_string (self->settings, "active-profile", ut_profile_get_id (profile));
  g_action_group_change_action_state (G_ACTION_GROUP (self), "profile",
                                      g_variant_new_string (ut_profile_get_id (profile)));
  update_progress (self);

  /* A profile nobody has set up yet starts with onboarding. */
  if (!ut_profile_is_set_up (profile))
    _ut_window_show_onboarding (self, FALSE);
  else
    _ut_window_set_page (self, _ut_window_get_view (self));
}

UtProfile *
ut_window_get_profile (UtWindow *self)
{
  g_return_val_if_fail (UT_IS_WINDOW (self), NULL);
  return self->profile;
}

void
ut_window_open_platform (UtWindow   *self,
                         const char *platform_id)
{
  UtPlatform *platform;

  g_return_if_fail (UT_IS_WINDOW (self));
  g_return_if_fail (platform_id != NULL);

  if ((platform = ut_catalog_lookup (self->catalog, platform_id)) == NULL)
    return;

  ut_wizard_show (ensure_wizard (self), self->progress, self->identities, self->profile, platform);
  adw_window_title_set_title (self->wizard_title, ut_platform_get_short_name (platform));
  adw_window_title_set_subtitle (self->wizard_title,
                                 ut_region_get_display_name (ut_profile_get_region (self->profile)));
  _ut_window_set_page (self, UT_WINDOW_PAGE_WIZARD);
  g_settings_set_string (self->settings, "last-platform", ut_platform_get_id (platform));
  gtk_widget_grab_focus (GTK_WIDGET (self->wizard));
}

static void
onboarding_finished_cb (UtWindow     *self,
                        UtOnboarding *onboarding)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) chosen = ut_onboarding_dup_selected (onboarding);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  const char * const *current = ut_profile_get_platforms (self->profile);

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) chosen, current[i]))
      g_ptr_array_add (removed, g_strdup (current[i]));
  g_ptr_array_add (removed, NULL);

  if (!ut_progress_set_region (self->progress, self->profile, ut_onboarding_get_region (onboarding), &error) ||
      !ut_progress_set_platforms_used (self->progress, self->profile, (const char * const *) removed->pdata, FALSE, &error) ||
      !ut_progress_set_platforms_used (self->progress, self->profile, (const char * const *) chosen, TRUE, &error))
    ut_window_add_toast (self, error->message);

  _ut_window_set_page (self, UT_WINDOW_PAGE_PLATFORMS);
}

/* Cancel or Escape in onboarding. Editing the platforms of a set-up profile goes back to where it
 * was opened; setting up a new profile goes back to the profile shown before. */
static void
onboarding_cancelled_cb (UtWindow     *self,
                         UtOnboarding *onboarding)
{
  UtProfile *back;

  if (ut_profile_is_set_up (self->profile))
    {
      UtWindowPage page = self->page_before_onboarding;

      if (page == UT_WINDOW_PAGE_ONBOARDING)
        page = _ut_window_get_view (self);
      _ut_window_set_page (self, page);
    }
  else if ((back = find_return_profile (self)) != NULL)
    ut_window_set_profile (self, back);
}

/* A row of the list or of the summary. */
static void
platform_activated_cb (UtWindow   *self,
                       UtPlatform *platform)
{
  ut_window_open_platform (self, ut_platform_get_id (platform));
}

static void
search_changed_cb (UtWindow       *self,
                   GtkSearchEntry *entry)
{
  /* No list to filter before the state is set, nor once the window is being destroyed (an
   * entry's delayed "search-changed" can come then). */
  if (self->filter == NULL)
    return;
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_no_match (self);
}

static void
search_activate_cb (UtWindow       *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(UtPlatform) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first != NULL)
    ut_window_open_platform (self, ut_platform_get_id (first));
}

static void
records_changed_cb (UtWindow   *self,
                    UtProfile  *profile,
                    const char *platform_id)
{
  if (profile == self->profile)
    update_progress (self);
}

static void
profiles_changed_cb (UtWindow *self)
{
  UtProfile *shown;

  rebuild_profiles_menu (self);

  /* The same rule as Preferences, so that both show the same profile as the active one. */
  shown = ut_progress_get_fallback_profile (self->progress, self->profile);
  if (shown != self->profile)
    ut_window_set_profile (self, shown);
}

static gboolean
bind_platform_list (gpointer user_data)
{
  UtWindow *self = user_data;

  self->bind_source = 0;
  ut_platform_list_view_set_model (self->platform_list, G_LIST_MODEL (self->filtered),
                                   self->platforms, self->progress);
  self->list_bound = TRUE;
  update_no_match (self);

  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (UtWindow *self)
{
  if (self->list_bound || self->bind_source != 0)
    return;

  /* Idles at low priority run after the frame clock has painted the first frame. */
  self->bind_source = g_idle_add_full (G_PRIORITY_LOW, bind_platform_list, g_object_ref (self), g_object_unref);
}

/* The menu's popover is built when it first opens (click or F10): building it with the window
 * cost the first frame about 5 ms. */
static void
create_main_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  UtWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Everything that needs the catalog and the progress: at construction, or once a start-up that
 * showed the window first has loaded them. */
static void
setup_state (UtWindow *self)
{
  g_autoptr(UtProfile) profile = NULL;
  g_autofree char *active = NULL;
  g_autofree char *last_platform = NULL;
  const GError *recovery;

  self->platforms = ut_platform_list_new (self->catalog, self->progress);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (UT_TYPE_PLATFORM, NULL, "search-text"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->platforms)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* Rows are filled after the first frame: GTK 4.8's list view makes up to 200 whatever the
   * screen shows, and in a profile of 1,000 platforms they put the first frame at 330-400 ms
   * instead of 40-80. */
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    window_mapped_cb (self);

  self->summary_bin = ADW_BIN (adw_bin_new ());
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->summary_bin),
                                                                "summary", _("Summary")),
                                     "emblem-ok-symbolic");

  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Adding a platform from the no-match page makes the search match it. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_no_match),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "records-changed", G_CALLBACK (records_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ut_progress_get_profiles (self->progress), "items-changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);

  _ut_window_actions_init (self);
  rebuild_profiles_menu (self);

  /* Read before showing the list, which forgets the last platform. */
  last_platform = g_settings_get_string (self->settings, "last-platform");
  active = g_settings_get_string (self->settings, "active-profile");
  profile = *active != '\0' ? ut_progress_lookup_profile (self->progress, active) : NULL;
  if (profile != NULL)
    g_object_ref (profile);
  else
    profile = g_object_ref (ut_progress_get_default_profile (self->progress));
  ut_window_set_profile (self, profile);

  if (*last_platform != '\0' && ut_profile_uses_platform (self->profile, last_platform) &&
      self->page != UT_WINDOW_PAGE_ONBOARDING)
    ut_window_open_platform (self, last_platform);

  recovery = ut_progress_get_recovery (self->progress);
  if (recovery != NULL)
    ut_window_show_problem (self, recovery->message);
}

static void
ut_window_constructed (GObject *object)
{
  UtWindow *self = (UtWindow *) object;

  G_OBJECT_CLASS (ut_window_parent_class)->constructed (object);

  if (self->catalog != NULL)
    {
      setup_state (self);
      return;
    }

  /* Shown while loading: nothing to act on, not even a shortcut, until ut_window_set_state(). */
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

static gboolean
ut_window_close_request (GtkWindow *window)
{
  UtWindow *self = UT_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (ut_window_parent_class)->close_request (window);
}

/* gtk_window_destroy() disposes only when the last reference goes, and a pending file chooser,
 * export or import holds one: they are cancelled when the window goes away instead. */
static void
ut_window_unrealize (GtkWidget *widget)
{
  g_cancellable_cancel (UT_WINDOW (widget)->cancellable);

  GTK_WIDGET_CLASS (ut_window_parent_class)->unrealize (widget);
}

static void
ut_window_dispose (GObject *object)
{
  UtWindow *self = (UtWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->bind_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->platforms);
  g_clear_object (&self->profile);
  g_clear_object (&self->previous_profile);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->import_toast);

  G_OBJECT_CLASS (ut_window_parent_class)->dispose (object);
}

static void
ut_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UtWindow *self = UT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_PAGE:
      g_value_set_static_string (value, page_names[self->page]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UtWindow *self = UT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_IDENTITIES:
      self->identities = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_window_class_init (UtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ut_window_constructed;
  object_class->dispose = ut_window_dispose;
  object_class->get_property = ut_window_get_property;
  object_class->set_property = ut_window_set_property;
  window_class->close_request = ut_window_close_request;
  widget_class->unrealize = ut_window_unrealize;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UT_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL, UT_TYPE_PROGRESS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDENTITIES] =
    g_param_spec_object ("identities", NULL, NULL, UT_TYPE_IDENTITY_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UtWindow:profile:
   *
   * Whose progress the window shows; ut_window_set_profile() changes it.
   */
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, UT_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * UtWindow:page:
   *
   * What the window shows: "onboarding", "platforms", "summary" or "wizard" (a platform's guide).
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "platforms",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UtWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, wizard_title);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, profile_label);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, platform_list);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, platforms_stack);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, no_match);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, wizard_bin);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UtWindow, profiles_section);
  gtk_widget_class_bind_template_callback (widget_class, platform_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_platform_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  _ut_window_class_actions_init (klass);
}

static void
ut_window_init (UtWindow *self)
{
  self->settings = g_settings_new (SCHEMA_ID);
  self->cancellable = g_cancellable_new ();
  self->page = UT_WINDOW_PAGE_PLATFORMS;  /* what the template shows */

  g_type_ensure (UT_TYPE_PLATFORM_LIST_VIEW);
  g_type_ensure (UT_TYPE_SEARCH_NO_MATCH);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu, self, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The entry is inside a clamp, where the bar does not find it: connected, Escape in it ends
   * the search and hiding the bar empties it. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ut_window_new_loading:
 *
 * A window to show at once while the catalog and the progress are still loading: a bare header,
 * taking no input, until ut_window_set_state() gives it what it shows.
 */
UtWindow *
ut_window_new_loading (GtkApplication *application)
{
  return g_object_new (UT_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ut_window_set_state:
 *
 * Gives a window made with ut_window_new_loading() the catalog, progress and identities it shows.
 */
void
ut_window_set_state (UtWindow        *self,
                     UtCatalog       *catalog,
                     UtProgress      *progress,
                     UtIdentityStore *identities)
{
  g_return_if_fail (UT_IS_WINDOW (self));
  g_return_if_fail (self->catalog == NULL);
  g_return_if_fail (UT_IS_CATALOG (catalog));
  g_return_if_fail (UT_IS_PROGRESS (progress));
  g_return_if_fail (UT_IS_IDENTITY_STORE (identities));

  self->catalog = g_object_ref (catalog);
  self->progress = g_object_ref (progress);
  self->identities = g_object_ref (identities);
  setup_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
}

/**
 * ut_window_is_loading:
 *
 * Returns: whether the window still waits for ut_window_set_state()
 */
gboolean
ut_window_is_loading (UtWindow *self)
{
  g_return_val_if_fail (UT_IS_WINDOW (self), FALSE);

  return self->catalog == NULL;
}

UtWindow *
ut_window_new (GtkApplication  *application,
               UtCatalog       *catalog,
               UtProgress      *progress,
               UtIdentityStore *identities)
{
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UT_IS_IDENTITY_STORE (identities), NULL);

  return g_object_new (UT_TYPE_WINDOW,
                       "application", application,
                       "catalog", catalog,
                       "progress", progress,
                       "identities", identities,
                       NULL);
}

UtIdentityStore *
ut_window_get_identities (UtWindow *self)
{
  g_return_val_if_fail (UT_IS_WINDOW (self), NULL);
  return self->identities;
}

GtkWidget *
_ut_window_get_onboarding (UtWindow *self)
{
  ensure_onboarding (self);
  return GTK_WIDGET (self->onboarding);
}

GtkWidget *
_ut_window_get_wizard (UtWindow *self)
{
  return GTK_WIDGET (ensure_wizard (self));
}

GtkWidget *
_ut_window_get_summary_page (UtWindow *self)
{
  return GTK_WIDGET (ensure_summary_page (self));
}

GtkListView *
_ut_window_get_platform_list (UtWindow *self)
{
  if (!self->list_bound)
    {
      g_clear_handle_id (&self->bind_source, g_source_remove);
      bind_platform_list (self);
    }
  return ut_platform_list_view_get_list_view (self->platform_list);
}

const char *
_ut_window_get_progress_text (UtWindow *self)
{
  return gtk_label_get_label (self->progress_label);
}
