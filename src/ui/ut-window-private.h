/* ut-window-private.h — what ut-window.c and ut-window-actions.c share, and what the UI tests look at
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-onboarding.h"
#include "ut-platform-list.h"
#include "ut-platform-list-view.h"
#include "ut-summary-page.h"
#include "ut-search-no-match.h"
#include "ut-window.h"
#include "ut-wizard.h"

G_BEGIN_DECLS

/* What the window shows; #UtWindow:page names it. Platforms and Summary are the two views of
 * the view switcher. */
typedef enum
{
  UT_WINDOW_PAGE_ONBOARDING,
  UT_WINDOW_PAGE_PLATFORMS,
  UT_WINDOW_PAGE_SUMMARY,
  UT_WINDOW_PAGE_WIZARD,
} UtWindowPage;

struct _UtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toasts;
  GtkStack             *main_stack;
  GtkWidget            *back_button;
  GtkStack             *title_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwWindowTitle       *wizard_title;
  GtkToggleButton      *search_button;
  GtkStack             *content_stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwViewStack         *view_stack;
  GtkLabel             *progress_label;
  GtkLabel             *profile_label;
  GtkProgressBar       *progress_bar;
  UtPlatformListView   *platform_list;
  GtkStack             *platforms_stack;
  UtSearchNoMatch      *no_match;
  AdwBin               *wizard_bin;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GMenu                *profiles_section;

  /* Made in code on first use and owned by the widget they are put in, not by the window:
   * the template's disposal takes them down. */
  UtOnboarding         *onboarding;
  UtWizard             *wizard;
  AdwBin               *summary_bin;
  UtSummaryPage        *summary_page;

  /* Owned references */
  UtCatalog            *catalog;
  UtProgress           *progress;
  UtIdentityStore      *identities;
  UtProfile            *profile;
  UtProfile            *previous_profile;  /* set up, to return to if onboarding is cancelled */
  UtPlatformList       *platforms;
  GtkFilterListModel   *filtered;
  GtkStringFilter      *filter;
  GSettings            *settings;
  GCancellable         *cancellable;
  AdwToast             *import_toast;  /* shown while a backup is imported */

  UtWindowPage          page;
  UtWindowPage          page_before_onboarding;
  guint                 bind_source;
  gboolean              list_bound;
};

/* ut-window.c */
void          _ut_window_set_page            (UtWindow     *self,
                                              UtWindowPage  page);
UtWindowPage  _ut_window_get_view            (UtWindow     *self);
void          _ut_window_show_onboarding     (UtWindow     *self,
                                              gboolean      edit_only);
void          _ut_window_clear_search        (UtWindow     *self);
AdwToast     *_ut_window_add_toast_full      (UtWindow     *self,
                                              const char   *message,
                                              guint         timeout,
                                              GFile        *file);

/* ut-window-actions.c */
void          _ut_window_class_actions_init  (UtWindowClass *klass);
void          _ut_window_actions_init        (UtWindow      *self);

/* For the UI tests */
GtkWidget    *_ut_window_get_onboarding      (UtWindow     *self);
GtkWidget    *_ut_window_get_wizard          (UtWindow     *self);
GtkWidget    *_ut_window_get_summary_page    (UtWindow     *self);
GtkListView  *_ut_window_get_platform_list   (UtWindow     *self);
const char   *_ut_window_get_progress_text   (UtWindow     *self);
void          _ut_window_import_from         (UtWindow     *self,
                                              GFile        *file);

G_END_DECLS
