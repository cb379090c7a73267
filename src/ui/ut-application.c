/* ut-application.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-application.h"
#include "ut-catalog-store.h"
#include "ut-catalog-updater.h"
#include "ut-cli.h"
#include "ut-compat.h"
#include "ut-preferences-window.h"
#include "ut-shortcuts-window.h"
#include "ut-sync-scheduler.h"
#include "ut-update-schedule.h"
#include "ut-window.h"

struct _UtApplication
{
  AdwApplication  parent_instance;

  UtCatalog      *catalog;
  UtProgress     *progress;
  UtIdentityStore *identities;
  GError         *load_error;
  GError         *catalog_warning;
  GError         *progress_error;
  GThread        *loader;
  gint            loaded;        /* atomic: the loader thread is done */
  UtWindow       *loading_window; /* shown before the state was loaded; not owned */

  GSettings        *settings;
  UtCatalogUpdater *updater;
  char             *updater_url;
  GCancellable     *update_cancellable;
  guint             automatic_check_source;
  gboolean          manual_check;
  gboolean          icons_added;

  UtSync           *sync;
  GError           *sync_error;   /* the sync state could not be read */
  UtSyncScheduler  *sync_scheduler;
};

G_DEFINE_FINAL_TYPE (UtApplication, ut_application, ADW_TYPE_APPLICATION)

UtApplication *
ut_application_new (void)
{
  /* No resource base path: GtkApplication would add its icons folder to the icon theme at
   * start-up, and that makes the theme reload itself while the first frame is laid out (about
   * 20 ms here). The style sheet is loaded in startup() and the icons when About needs them. */
  return g_object_new (UT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", NULL,
                       NULL);
}

/* The command-line operations run here, in the launching process, before any window or D-Bus
 * name exists, so scripts get their output and exit status without starting the app. */
static gboolean
ut_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  int status = ut_cli_run (*arguments);

  if (status != UT_CLI_NOT_HANDLED)
    {
      *exit_status = status;
      return TRUE;
    }

  return G_APPLICATION_CLASS (ut_application_parent_class)->local_command_line (application, arguments, exit_status);
}

static GtkWindow *
active_window (UtApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
show_load_error (UtApplication *self)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Untrain"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Untrain Cannot Start"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), self->load_error->message);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* Runs in a thread while GTK and libadwaita start up on the main thread: neither the catalog nor
 * the progress touches GTK, and on two cores the start-up then costs the first frame nothing. */
static gpointer
load_state (gpointer user_data)
{
  UtApplication *self = user_data;

  self->catalog = ut_catalog_load_newest (NULL, &self->catalog_warning, &self->load_error);
  if (self->catalog == NULL)
    return NULL;

  /* On failure the window still opens: progress stays read-only and every change says why. */
  self->progress = ut_progress_new (NULL);
  ut_progress_load (self->progress, &self->progress_error);
  self->sync = ut_sync_new (self->progress);
  ut_sync_load (self->sync, &self->sync_error);
  ut_sync_set_identity_store (self->sync, self->identities);
  self->sync_scheduler = ut_sync_scheduler_new (self->sync, self->progress);

  return NULL;
}

static void state_loaded (UtApplication *self);

static gboolean
state_loaded_cb (gpointer user_data)
{
  state_loaded (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
load_state_thread (gpointer user_data)
{
  UtApplication *self = user_data;

  load_state (self);
  g_atomic_int_set (&self->loaded, TRUE);
  /* The main loop finishes the start; the reference keeps the application until it has. */
  g_idle_add_full (G_PRIORITY_DEFAULT, state_loaded_cb, g_object_ref (self), g_object_unref);
  return NULL;
}

static void
wait_for_state (UtApplication *self)
{
  if (self->loader != NULL)
    g_thread_join (g_steal_pointer (&self->loader));
}

static void schedule_automatic_check (UtApplication *self);

/* The window as the loaded state makes it: the main window, or why Untrain cannot start. */
static GtkWindow *
open_main_window (UtApplication *self,
                  UtWindow      *loading)
{
  UtWindow *window;

  if (self->load_error != NULL)
    {
      if (loading != NULL)
        gtk_window_destroy (GTK_WINDOW (loading));
      show_load_error (self);
      return NULL;
    }

  if (loading != NULL)
    {
      window = loading;
      ut_window_set_state (window, self->catalog, self->progress, self->identities);
    }
  else
    window = ut_window_new (GTK_APPLICATION (self), self->catalog, self->progress, self->identities);

  if (self->catalog_warning != NULL)
    ut_window_show_problem (window, self->catalog_warning->message);
  if (self->progress_error != NULL)
    ut_window_show_problem (window, self->progress_error->message);
  if (self->sync_error != NULL)
    ut_window_show_problem (window, self->sync_error->message);
  ut_window_announce_overdue (window);
  schedule_automatic_check (self);
  ut_sync_scheduler_start (self->sync_scheduler);
  return GTK_WINDOW (window);
}

/* The loader thread is done: a window shown while it worked gets what it shows. */
static void
state_loaded (UtApplication *self)
{
  wait_for_state (self);
  if (self->loading_window != NULL)
    {
      UtWindow *loading = g_steal_pointer (&self->loading_window);

      g_object_remove_weak_pointer (G_OBJECT (loading), (gpointer *) &self->loading_window);
      open_main_window (self, loading);
    }
  g_application_release (G_APPLICATION (self));
}

static void
ut_application_activate (GApplication *application)
{
  UtApplication *self = UT_APPLICATION (application);
  GtkWindow *window = active_window (self);

  if (window == NULL && !g_atomic_int_get (&self->loaded))
    {
      /* Mapped at once, filled once the catalog is loaded: the first frame never waits for it. */
      self->loading_window = ut_window_new_loading (GTK_APPLICATION (self));
      g_object_add_weak_pointer (G_OBJECT (self->loading_window), (gpointer *) &self->loading_window);
      gtk_window_present (GTK_WINDOW (self->loading_window));
      return;
    }

  wait_for_state (self);
  if (window == NULL && (window = open_main_window (self, NULL)) == NULL)
    return;

  gtk_window_present (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UtApplication *self = user_data;
  GtkWindow *window = active_window (self);
  UtPreferencesWindow *preferences;

  if (!UT_IS_WINDOW (window) || ut_window_is_loading (UT_WINDOW (window)))
    return;

  preferences = ut_preferences_window_new (window, self->catalog, self->progress, self->identities,
                                           ut_window_get_profile (UT_WINDOW (window)));
  ut_preferences_window_add_sync (preferences, self->sync);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (ut_shortcuts_window_new (active_window (user_data))));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  UtApplication *self = user_data;
  GtkWindow *window = active_window (self);

  /* The app icon is in the theme once installed; from the build tree only in the resources. */
  if (!self->icons_added)
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        RESOURCE_BASE "/icons");
      self->icons_added = TRUE;
    }

  ut_show_about (window != NULL ? GTK_WIDGET (window) : NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *window;

  /* Closing the windows lets them remember their size. */
  while ((window = active_window (user_data)) != NULL)
    gtk_window_destroy (window);
  g_application_quit (G_APPLICATION (user_data));
}

/* ---- catalog updates ------------------------------------------------------------------------ */

static void
say (UtApplication *self,
     const char    *message)
{
  GtkWindow *window = active_window (self);

  if (UT_IS_WINDOW (window))
    ut_window_add_toast (UT_WINDOW (window), message);
}

static void
record_check (UtApplication *self,
              const char    *result)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_settings_set_int64 (self->settings, "last-catalog-check", g_date_time_to_unix (now));
  g_settings_set_string (self->settings, "last-catalog-check-result", result);
}

/* The windows hold the catalog in many models; a new window over the new catalog is the one
 * change that reaches them all. Progress is saved, so nothing is lost, and the new window shows
 * "Changed since you finished" wherever a guide moved past what the user did. */
static void
replace_window (UtApplication *self)
{
  GtkWindow *old = active_window (self);
  UtWindow *window;

  g_application_hold (G_APPLICATION (self));
  if (old != NULL)
    gtk_window_close (old);   /* remembers its size and the open guide */
  window = ut_window_new (GTK_APPLICATION (self), self->catalog, self->progress, self->identities);
  gtk_window_present (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (self));
}

static void
catalog_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(UtApplication) self = user_data;
  g_autoptr(UtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *version = NULL;
  gboolean tell = self->manual_check;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "check-catalog")), TRUE);

  switch (ut_catalog_updater_check_finish (UT_CATALOG_UPDATER (object), result, &catalog, &error))
    {
    case UT_CATALOG_UPDATE_UPDATED:
      g_set_object (&self->catalog, catalog);
      version = g_strdup_printf ("%" G_GINT64_FORMAT, ut_catalog_get_version (catalog));
      /* Translators: %s is the catalog's version number */
      message = g_strdup_printf (_("Catalog updated to version %s. Changed guides are marked."), version);
      record_check (self, message);
      replace_window (self);
      tell = TRUE;
      break;

    case UT_CATALOG_UPDATE_NOT_MODIFIED:
    case UT_CATALOG_UPDATE_NOT_NEWER:
      version = g_strdup_printf ("%" G_GINT64_FORMAT, ut_catalog_get_version (self->catalog));
      /* Translators: %s is the catalog's version number */
      message = g_strdup_printf (_("The catalog is up to date (version %s)."), version);
      record_check (self, message);
      break;

    case UT_CATALOG_UPDATE_FAILED:
    default:
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup (error->message);
      record_check (self, message);
      break;
    }

  schedule_automatic_check (self);

  /* An automatic check speaks only when it changed something. */
  if (tell)
    say (self, message);
}

static void
start_catalog_check (UtApplication *self,
                     gboolean       manual)
{
  g_autofree char *url = g_settings_get_string (self->settings, "catalog-url");
  GSimpleAction *action = G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "check-catalog"));

  /* Nothing to update before the loader thread is done with the catalog. */
  if (!g_atomic_int_get (&self->loaded) || self->catalog == NULL)
    return;

  if (*url == '\0')
    {
      if (manual)
        say (self, _("No catalog update address is set. Add one in Preferences."));
      return;
    }

  if (self->updater == NULL || g_strcmp0 (self->updater_url, url) != 0)
    {
      g_clear_object (&self->updater);
      g_free (self->updater_url);
      self->updater_url = g_strdup (url);
      self->updater = ut_catalog_updater_new (NULL, url, self->catalog);
    }

  self->manual_check = manual;
  g_simple_action_set_enabled (action, FALSE);
  if (manual)
    say (self, _("Checking for catalog updates…"));
  ut_catalog_updater_check_async (self->updater, self->update_cancellable, catalog_checked_cb, g_object_ref (self));
}

static gboolean
automatic_check_cb (gpointer user_data)
{
  UtApplication *self = user_data;

  self->automatic_check_source = 0;
  start_catalog_check (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The updater keeps when the next check may run (daily, later when the server asks or fails,
 * each time with a random share on top: see ut-update-schedule.c). A check that is due waits a
 * few random minutes after start, so that installations started together do not ask together,
 * and one that is not due yet runs when it is, if Untrain is still open. */
static void
schedule_automatic_check (UtApplication *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "catalog-url");
  g_autofree char *directory = NULL;
  g_autoptr(UtUpdateSchedule) schedule = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 delay;

  g_clear_handle_id (&self->automatic_check_source, g_source_remove);
  if (!g_settings_get_boolean (self->settings, "automatic-catalog-checks") || *url == '\0')
    return;

  directory = ut_catalog_get_installed_directory ();
  schedule = ut_update_schedule_load (directory, url);
  delay = MAX (schedule->next_check - now, 0) + g_random_int_range (60, 600);
  self->automatic_check_source = g_timeout_add_seconds ((guint) MIN (delay, G_MAXUINT32 / 2),
                                                        automatic_check_cb, self);
}

static void
check_settings_changed_cb (UtApplication *self)
{
  /* Checks start with the first window; the command line never schedules one. */
  if (active_window (self) != NULL)
    schedule_automatic_check (self);
}

static void
check_catalog_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  start_catalog_check (user_data, TRUE);
}

static const GActionEntry app_actions[] = {
  { "check-catalog", check_catalog_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
ut_application_startup (GApplication *application)
{
  UtApplication *self = UT_APPLICATION (application);
  g_autoptr(GtkCssProvider) provider = NULL;

  /* Held until the state is loaded and shown: closing the first window meanwhile does not end
   * the application under the loader's feet. */
  g_application_hold (application);
  self->loader = g_thread_new ("untrain-load", load_state_thread, self);
  self->settings = g_settings_new (SCHEMA_ID);

  G_APPLICATION_CLASS (ut_application_parent_class)->startup (application);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });

  g_signal_connect_object (self->settings, "changed::catalog-url", G_CALLBACK (check_settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::automatic-catalog-checks",
                           G_CALLBACK (check_settings_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
ut_application_finalize (GObject *object)
{
  UtApplication *self = (UtApplication *) object;

  wait_for_state (self);
  g_clear_object (&self->catalog);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_error (&self->load_error);
  g_clear_error (&self->catalog_warning);
  g_clear_handle_id (&self->automatic_check_source, g_source_remove);
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_clear_object (&self->updater);
  g_clear_pointer (&self->updater_url, g_free);
  g_clear_object (&self->settings);
  g_clear_error (&self->progress_error);
  g_clear_object (&self->sync_scheduler);
  g_clear_object (&self->sync);
  g_clear_error (&self->sync_error);

  G_OBJECT_CLASS (ut_application_parent_class)->finalize (object);
}

static void
ut_application_class_init (UtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ut_application_finalize;
  app_class->local_command_line = ut_application_local_command_line;
  app_class->startup = ut_application_startup;
  app_class->activate = ut_application_activate;
}

static void
ut_application_init (UtApplication *self)
{
  self->identities = ut_identity_store_new ();
  self->update_cancellable = g_cancellable_new ();
}
