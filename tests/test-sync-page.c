/* test-sync-page.c — Preferences → Sync, used as a person would, against a real WebDAV server
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two computers (two data folders) set up sync from the page: the first gets a recovery code,
 * the second joins with it and receives the first one's progress. A mistyped code, Sync Now and
 * Stop Syncing go through the page's own widgets. rclone serves the folder on loopback.
 */

#include "config.h"

#include <string.h>

#include "ut-accounts-page.h"
#include "ut-sync-page.h"
#include "ut-test-utils.h"

#define USER     "anna"
#define PASSWORD "app-password-Pa6e"

typedef struct
{
  char        *home;
  char        *served;
  GSubprocess *rclone;
  char        *url;
} Fixture;

typedef struct
{
  UtProgress *progress;
  UtSync     *sync;
  UtSyncPage *page;
  GtkWindow  *window;
} Computer;

/* Set-up and sync go over loopback; twenty seconds is far more than they take. */
#define WAIT_SECONDS 20

static GtkWidget *
child (Computer   *computer,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (computer->page), UT_TYPE_SYNC_PAGE, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
visible (Computer   *computer,
         const char *id)
{
  return gtk_widget_get_visible (child (computer, id));
}

static void
computer_open (Fixture    *f,
               Computer   *computer,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_build_filename (f->home, name, NULL);

  computer->progress = ut_progress_new (directory);
  g_assert_true (ut_progress_load (computer->progress, &error));
  computer->sync = ut_sync_new (computer->progress);
  g_assert_true (ut_sync_load (computer->sync, &error));
  g_assert_no_error (error);
  computer->page = ut_sync_page_new (computer->sync);
  computer->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (computer->window, GTK_WIDGET (computer->page));
  gtk_window_present (computer->window);
}

static void
computer_close (Computer *computer)
{
  gtk_window_destroy (computer->window);
  g_clear_object (&computer->sync);
  g_clear_object (&computer->progress);
}

static void
type_into (Computer   *computer,
           const char *id,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (computer, id)), text);
}

static void
fill_form (Fixture    *f,
           Computer   *computer,
           const char *code)
{
  type_into (computer, "url_row", f->url);
  type_into (computer, "user_row", USER);
  type_into (computer, "password_row", PASSWORD);
  type_into (computer, "code_row", code != NULL ? code : "");
}

static gboolean
synced (gpointer data)
{
  Computer *computer = data;

  return ut_sync_get_last_synced (computer->sync) != NULL && !ut_sync_is_busy (computer->sync);
}

static gboolean
busy (gpointer data)
{
  return ut_sync_is_busy (((Computer *) data)->sync);
}

/* libadwaita 1.2's confirmation is an AdwMessageDialog window (Debian 12, where this runs). */
static GtkWindow *
confirmation (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "AdwMessageDialog"))
      return l->data;
  return NULL;
}

static gboolean
asks_to_confirm (gpointer data)
{
  return confirmation () != NULL;
}

static gboolean
shows_form_error (gpointer data)
{
  return visible (data, "form_error");
}

static gboolean
shows_form (gpointer data)
{
  return visible (data, "form_group");
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->home = g_dir_make_tmp ("untrain-sync-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->served = g_build_filename (f->home, "served", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->served, 0700), ==, 0);
  f->rclone = ut_test_rclone_start (f->served, USER, PASSWORD, &f->url);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ut_test_rclone_stop (f->rclone);
  g_clear_object (&f->rclone);
  ut_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->served);
  g_free (f->url);
}

static void
test_set_up_and_join (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Computer laptop = { 0 }, desktop = { 0 }, third = { 0 };
  const char *platforms[] = { "linkedin", NULL };
  g_autofree char *code = NULL;
  GtkWindow *dialog;

  if (f->rclone == NULL)
    {
      g_test_skip ("needs rclone (Debian package rclone)");
      return;
    }

  /* The first computer: the form, then the status and its recovery code, shown once. */
  computer_open (f, &laptop, "laptop");
  g_assert_true (ut_progress_set_platforms_used (laptop.progress, ut_progress_get_default_profile (laptop.progress),
                                                 platforms, TRUE, &error));
  g_assert_true (visible (&laptop, "form_group"));
  g_assert_false (visible (&laptop, "status_group"));
  fill_form (f, &laptop, NULL);
  /* Enter in a field sets up, as the button does. */
  g_signal_emit_by_name (child (&laptop, "password_row"), "entry-activated");
  ut_test_wait_until (synced, &laptop, WAIT_SECONDS);
  g_assert_false (visible (&laptop, "form_group"));
  g_assert_true (visible (&laptop, "status_group"));
  g_assert_true (visible (&laptop, "code_group"));
  g_assert_false (visible (&laptop, "form_error"));
  code = g_strdup (gtk_label_get_text (GTK_LABEL (child (&laptop, "code_label"))));
  g_assert_cmpuint (strlen (code), ==, 65);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (&laptop, "status_row"))),
                                   "Last synced "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (&laptop, "password_row"))), ==, "");

  /* A mistyped recovery code: said under the form, nothing set up. */
  computer_open (f, &third, "third");
  fill_form (f, &third, "0000-1111");
  gtk_widget_activate (child (&third, "set_up_button"));
  ut_test_wait_until (shows_form_error, &third, WAIT_SECONDS);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (&third, "form_error"))), "recovery code"));
  g_assert_false (ut_sync_is_set_up (third.sync));
  g_assert_true (gtk_widget_get_sensitive (child (&third, "set_up_button")));

  /* The second computer joins with the code and receives the first one's platforms. */
  computer_open (f, &desktop, "desktop");
  fill_form (f, &desktop, code);
  gtk_widget_activate (child (&desktop, "set_up_button"));
  ut_test_wait_until (synced, &desktop, WAIT_SECONDS);
  g_assert_false (visible (&desktop, "code_group"));
  g_assert_true (ut_profile_uses_platform (ut_progress_get_default_profile (desktop.progress), "linkedin"));

  /* Sync Now, then Stop Syncing once confirmed: the form comes back, progress stays. */
  gtk_widget_activate (child (&laptop, "sync_button"));
  /* A button activated from the keyboard clicks a moment later, as it shows itself pressed. */
  ut_test_wait_until (busy, &laptop, WAIT_SECONDS);
  g_assert_false (gtk_widget_get_sensitive (child (&laptop, "sync_button")));
  ut_test_wait_until (synced, &laptop, WAIT_SECONDS);
  g_assert_true (gtk_widget_get_sensitive (child (&laptop, "sync_button")));

  gtk_widget_activate (child (&laptop, "stop_button"));
  ut_test_wait_until (asks_to_confirm, NULL, WAIT_SECONDS);
  dialog = confirmation ();
  /* Nothing stops before the person confirms. */
  g_assert_true (ut_sync_is_set_up (laptop.sync));
  g_signal_emit_by_name (dialog, "response", "confirm");
  ut_test_wait_until (shows_form, &laptop, WAIT_SECONDS);
  g_assert_false (ut_sync_is_set_up (laptop.sync));
  g_assert_true (ut_profile_uses_platform (ut_progress_get_default_profile (laptop.progress), "linkedin"));

  computer_close (&laptop);
  computer_close (&desktop);
  computer_close (&third);
}

/* The Accounts page names the platforms whose account was saved on another computer only. */
static void
test_accounts_saved_elsewhere (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) catalog = ut_catalog_load_bundled (&error);
  g_autoptr(UtIdentityStore) store = ut_identity_store_new ();
  g_autofree char *directory = g_dir_make_tmp ("untrain-accounts-XXXXXX", NULL);
  g_autoptr(UtProgress) progress = ut_progress_new (directory);
  const char *platforms[] = { "linkedin", "reddit", NULL };
  UtAccountsPage *page;
  GtkWidget *group;

  g_assert_no_error (error);
  g_assert_true (ut_progress_set_platforms_used (progress, ut_progress_get_default_profile (progress), platforms,
                                                 TRUE, &error));
  page = g_object_ref_sink (ut_accounts_page_new (catalog, store, ut_progress_get_default_profile (progress)));
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), UT_TYPE_ACCOUNTS_PAGE, "elsewhere_group"));
  g_assert_false (gtk_widget_get_visible (group));

  ut_accounts_page_show_saved_elsewhere (page, platforms);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "LinkedIn, Reddit"));
  ut_accounts_page_show_saved_elsewhere (page, (const char * const[]) { NULL });
  g_assert_false (gtk_widget_get_visible (group));

  g_object_unref (page);
  ut_test_remove_tree (directory);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/sync-page/set-up-and-join", Fixture, NULL, setup, test_set_up_and_join, teardown);
  g_test_add_func ("/sync-page/accounts-saved-elsewhere", test_accounts_saved_elsewhere);

  return g_test_run ();
}
