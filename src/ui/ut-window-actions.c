/* ut-window-actions.c — the main window's actions, and the backup import
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-export.h"
#include "ut-export-dialog.h"
#include "ut-window-private.h"

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtWindow *self = UT_WINDOW (widget);

  /* Onboarding knows its pages: back one page, or cancel from the first when there is
   * somewhere to go back to. */
  if (self->page == UT_WINDOW_PAGE_ONBOARDING)
    gtk_widget_activate_action (_ut_window_get_onboarding (self), "onboarding.back", NULL);
  /* Back to the view the guide was opened from. */
  else if (self->page == UT_WINDOW_PAGE_WIZARD)
    _ut_window_set_page (self, _ut_window_get_view (self));
  /* In the list, Escape ends a search even when the focus has left the field. */
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    _ut_window_clear_search (self);
}

/* Switches to a view, unless onboarding is showing: it must be finished first. */
static gboolean
show_view (UtWindow   *self,
           const char *name)
{
  UtWindowPage page;

  if (self->page == UT_WINDOW_PAGE_ONBOARDING)
    return FALSE;

  if (g_str_equal (name, "platforms"))
    page = UT_WINDOW_PAGE_PLATFORMS;
  else if (g_str_equal (name, "summary"))
    page = UT_WINDOW_PAGE_SUMMARY;
  else
    g_return_val_if_reached (FALSE);

  _ut_window_set_page (self, page);
  return TRUE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtWindow *self = UT_WINDOW (widget);

  if (!show_view (self, "platforms"))
    return;

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Typing replaces an earlier search instead of adding to it. */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _ut_window_clear_search (UT_WINDOW (widget));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_view (UT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
edit_platforms_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _ut_window_show_onboarding (UT_WINDOW (widget), TRUE);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UtWindow) self = user_data;
  g_autoptr(GFile) file = ut_export_dialog_run_finish (UT_EXPORT_DIALOG (source), result, NULL);
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Closed without exporting, or the window went away: failures were said in the dialog. */
  if (file == NULL)
    return;

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  /* Translators: a toast with an Open button, e.g. "Exported to untrain-checklist-me-2026-03-05.pdf" */
  message = g_strdup_printf (_("Exported to %s"), name);
  _ut_window_add_toast_full (self, message, 8, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtWindow *self = UT_WINDOW (widget);
  UtExportDialog *dialog = ut_export_dialog_new (GTK_WINDOW (self), self->catalog, self->progress,
                                                 self->identities, self->profile);

  ut_export_dialog_run_async (dialog, self->cancellable, exported_cb, g_object_ref (self));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean was_set_up;
  guint added, updated;

  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_clear_object (&self->import_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);

  was_set_up = ut_profile_is_set_up (self->profile);
  if (!ut_progress_import_finish (UT_PROGRESS (source), result, &added, &updated, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ut_window_add_toast (self, error->message);
      return;
    }

  if (added == 0 && updated == 0)
    message = g_strdup (_("Nothing to import: you already have everything in this backup."));
  else
    /* Translators: the second number counts records too, e.g. "Imported 12 new records and updated 3." */
    message = g_strdup_printf (ngettext ("Imported %u new record and updated %u.",
                                         "Imported %u new records and updated %u.", added),
                               added, updated);
  ut_window_add_toast (self, message);

  /* A backup restored on a new computer sets up the profile that onboarding was waiting for. */
  if (!was_set_up && ut_profile_is_set_up (self->profile))
    ut_window_set_profile (self, self->profile);
}

/* Reading and checking a backup happen in a thread; a large one takes a moment, so a toast says
 * it is under way and the action waits until it is done. */
void
_ut_window_import_from (UtWindow *self,
                        GFile    *file)
{
  g_return_if_fail (UT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  g_set_object (&self->import_toast, _ut_window_add_toast_full (self, _("Importing the backup…"), 0, NULL));
  ut_progress_import_async (self->progress, file, self->cancellable, import_done_cb, g_object_ref (self));
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = ut_choose_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    ut_window_add_toast (self, error->message);
  else if (file != NULL)
    _ut_window_import_from (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtWindow *self = UT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Untrain backups"));
  gtk_file_filter_add_mime_type (filter, ut_export_format_get_content_type (UT_EXPORT_FORMAT_JSON));
  gtk_file_filter_add_suffix (filter, ut_export_format_to_string (UT_EXPORT_FORMAT_JSON));
  ut_choose_file_async (widget, FALSE, _("Import Backup"), NULL, filter, self->cancellable,
                        import_chosen_cb, g_object_ref (self));
}

static void
open_platform_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ut_window_open_platform (UT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
profile_action_change_state (GSimpleAction *action,
                             GVariant      *state,
                             gpointer       user_data)
{
  UtWindow *self = user_data;
  UtProfile *profile = ut_progress_lookup_profile (self->progress, g_variant_get_string (state, NULL));

  g_simple_action_set_state (action, state);
  if (profile != NULL && profile != self->profile)
    ut_window_set_profile (self, profile);
}

void
_ut_window_class_actions_init (UtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.edit-platforms", NULL, edit_platforms_action);
  gtk_widget_class_install_action (widget_class, "win.open-platform", "s", open_platform_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "platforms");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "summary");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

/* The profile menu's action has a state, which class actions cannot have. */
void
_ut_window_actions_init (UtWindow *self)
{
  g_autoptr(GSimpleAction) profile_action = NULL;

  profile_action = g_simple_action_new_stateful ("profile", G_VARIANT_TYPE_STRING, g_variant_new_string (""));
  g_signal_connect_object (profile_action, "change-state", G_CALLBACK (profile_action_change_state), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (profile_action));
}
