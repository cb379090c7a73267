/* ut-sync-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-sync-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-sync-page.h"

/* Preferences → Sync: the set-up form until sync is set up, then its status with Sync Now and
 * Stop Syncing. The recovery code of a first computer is shown once, right after its set-up. */
struct _UtSyncPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *form_group;
  AdwEntryRow         *url_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *password_row;
  AdwEntryRow         *code_row;
  GtkLabel            *form_error;
  GtkWidget           *set_up_button;
  AdwPreferencesGroup *code_group;
  GtkLabel            *code_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *folder_row;
  AdwActionRow        *status_row;
  GtkSpinner          *spinner;
  GtkWidget           *sync_button;
  GtkWidget           *stop_button;

  UtSync              *sync;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (UtSyncPage, ut_sync_page, ADW_TYPE_PREFERENCES_PAGE)

static void
update (UtSyncPage *self)
{
  gboolean set_up = ut_sync_is_set_up (self->sync);
  gboolean busy = ut_sync_is_busy (self->sync);
  g_autofree char *status = ut_sync_describe (self->sync);

  gtk_widget_set_visible (GTK_WIDGET (self->form_group), !set_up);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), set_up);
  if (!set_up)
    gtk_widget_set_visible (GTK_WIDGET (self->code_group), FALSE);

  if (set_up)
    {
      /* Translators: the sync folder's address and the user name, as in "https://… (anna)" */
      g_autofree char *folder = g_strdup_printf (_("%s (%s)"), ut_sync_get_url (self->sync), ut_sync_get_user (self->sync));

      adw_action_row_set_subtitle (self->folder_row, folder);
    }
  adw_action_row_set_subtitle (self->status_row, busy ? _("Syncing…") : status);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (self->sync_button, !busy);
  gtk_widget_set_sensitive (self->stop_button, !busy);
  gtk_widget_set_sensitive (self->set_up_button, !busy);
}

static void
show_form_error (UtSyncPage *self,
                 const char *message)
{
  gtk_label_set_text (self->form_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  /* The status row says how it went, problem included. */
  ut_sync_run_finish (UT_SYNC (source), result, NULL, NULL);
  g_object_unref (user_data);
}

static void
sync_clicked_cb (UtSyncPage *self)
{
  ut_sync_run_async (self->sync, self->cancellable, synced_cb, g_object_ref (self));
}

static void
set_up_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UtSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ut_sync_set_up_finish (UT_SYNC (source), result, &error);
  gboolean joined;

  gtk_widget_set_sensitive (self->set_up_button, TRUE);
  if (code == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_form_error (self, error->message);
      return;
    }

  joined = *gtk_editable_get_text (GTK_EDITABLE (self->code_row)) != '\0';
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  show_form_error (self, NULL);
  if (!joined)
    {
      gtk_label_set_text (self->code_label, code);
      gtk_widget_set_visible (GTK_WIDGET (self->code_group), TRUE);
    }
  update (self);
  sync_clicked_cb (self);
}

static void
set_up_clicked_cb (UtSyncPage *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));

  show_form_error (self, NULL);
  gtk_widget_set_sensitive (self->set_up_button, FALSE);
  ut_sync_set_up_async (self->sync, gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                        gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                        gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                        *code != '\0' ? code : NULL, self->cancellable, set_up_done_cb, g_object_ref (self));
}

static void
copy_clicked_cb (UtSyncPage *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          gtk_label_get_text (self->code_label));
}

static void
stopped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UtSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ut_sync_stop_finish (UT_SYNC (source), result, &error))
    adw_action_row_set_subtitle (self->status_row, error->message);
}

static void
stop_confirmed_cb (gpointer user_data)
{
  UtSyncPage *self = user_data;

  ut_sync_stop_async (self->sync, self->cancellable, stopped_cb, g_object_ref (self));
}

static void
stop_clicked_cb (UtSyncPage *self)
{
  ut_confirm (GTK_WIDGET (self), _("Stop Syncing on This Computer?"),
              _("The app password and the key leave your keyring. Your progress stays as it is, here and on your "
                "other computers. To sync again, you will need the recovery code."),
              _("_Stop Syncing"), stop_confirmed_cb, self);
}

static void
ut_sync_page_dispose (GObject *object)
{
  UtSyncPage *self = UT_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (ut_sync_page_parent_class)->dispose (object);
}

static void
ut_sync_page_class_init (UtSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_sync_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, form_error);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, set_up_button);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, code_group);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, UtSyncPage, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, set_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
}

static void
ut_sync_page_init (UtSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

UtSyncPage *
ut_sync_page_new (UtSync *sync)
{
  UtSyncPage *self;

  g_return_val_if_fail (UT_IS_SYNC (sync), NULL);

  self = g_object_new (UT_TYPE_SYNC_PAGE, NULL);
  self->sync = g_object_ref (sync);
  g_signal_connect_object (sync, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}
