/* ut-compat.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-compat"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"

static GtkWindow *
root_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Opens @uri in the default browser; inside Flatpak both paths go through the OpenURI portal. */
void
ut_show_uri (GtkWidget  *parent,
             const char *uri)
{
  g_return_if_fail (uri != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, root_window (parent), NULL, NULL, NULL);
  }
#else
  gtk_show_uri (root_window (parent), uri, GDK_CURRENT_TIME);
#endif
}

void
ut_show_about (GtkWidget *parent)
{
  const char *developers[] = { "The Untrain developers", NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_show_about_dialog (parent,
#else
  adw_show_about_window (root_window (parent),
#endif
                         "application-name", _("Untrain"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Untrain developers"),
                         "developers", developers,
                         "comments", _("Keep your posts, chats, photos and profile out of AI training, platform by platform."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

typedef struct
{
  UtConfirmFunc func;
  gpointer      user_data;
} Confirm;

static void
confirm_response_cb (GObject    *dialog,
                     const char *response,
                     gpointer    user_data)
{
  Confirm *confirm = user_data;

  if (g_strcmp0 (response, "confirm") == 0)
    confirm->func (confirm->user_data);
}

/**
 * ut_confirm:
 *
 * Asks before something that cannot be undone. @on_confirm runs only if the user confirms;
 * cancelling or closing the dialog does nothing.
 */
void
ut_confirm (GtkWidget     *parent,
            const char    *heading,
            const char    *body,
            const char    *confirm_label,
            UtConfirmFunc  on_confirm,
            gpointer       user_data)
{
  Confirm *confirm = g_new0 (Confirm, 1);
  GObject *dialog;

  confirm->func = on_confirm;
  confirm->user_data = user_data;

#if ADW_CHECK_VERSION (1, 5, 0)
  dialog = G_OBJECT (adw_alert_dialog_new (heading, body));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
#else
  dialog = G_OBJECT (adw_message_dialog_new (root_window (parent), heading, body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
#endif

  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), confirm,
                         (GClosureNotify) (void (*) (void)) g_free, 0);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}
