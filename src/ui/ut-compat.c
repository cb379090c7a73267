/* ut-compat.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-compat"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-compat-private.h"

static GtkWindow *
root_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- links -------------------------------------------------------------------------------- */

/* Set by the tests: every launch fails as it does where no browser is installed. */
static gboolean uri_launch_fails;
/* The last "could not open" dialog, for the tests; a weak pointer. */
static GObject *uri_fallback;

typedef struct
{
  GtkWidget *parent;         /* weak */
  char      *uri;
  char      *fallback_text;
} ShowUri;

static void
show_uri_free (ShowUri *show)
{
  g_clear_weak_pointer (&show->parent);
  g_free (show->uri);
  g_free (show->fallback_text);
  g_free (show);
}

static void
fallback_response_cb (GObject    *dialog,
                      const char *response,
                      gpointer    user_data)
{
  GtkWidget *label = g_object_get_data (dialog, "ut-text-label");

  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (label), gtk_label_get_label (GTK_LABEL (label)));
}

/* Where no browser can open @uri: the address (or @fallback_text, which says more), selectable,
 * with a Copy button, so that it can be opened elsewhere; never GTK's generic error. */
static void
show_uri_fallback (GtkWidget  *parent,
                   const char *uri,
                   const char *fallback_text)
{
  const char *text = fallback_text != NULL ? fallback_text : uri;
  const char *body = fallback_text != NULL ?
                     _("No browser could open the page. Copy this text and open the address at its top in a browser, here or on another device.") :
                     _("No browser could open this address. Copy it and open it in a browser, here or on another device.");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);
  GObject *dialog;

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fallback_text != NULL ? _("Text to copy") : _("Address"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);

#if ADW_CHECK_VERSION (1, 5, 0)
  dialog = G_OBJECT (adw_alert_dialog_new (_("Could Not Open the Link"), body));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scroller);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "close", _("_Close"), "copy", _("_Copy"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "copy");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
#else
  dialog = G_OBJECT (adw_message_dialog_new (root_window (parent), _("Could Not Open the Link"), body));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), "copy", _("_Copy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
#endif

  g_object_set_data (dialog, "ut-text-label", label);
  g_signal_connect (dialog, "response", G_CALLBACK (fallback_response_cb), NULL);
  g_set_weak_pointer (&uri_fallback, dialog);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

static void
show_uri_finish (ShowUri      *show,
                 const GError *error)
{
  /* Cancelled or dismissed by the user (a portal's app chooser): nothing to say. */
  if (error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
#if GTK_CHECK_VERSION (4, 10, 0)
      && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
      && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)
#endif
      )
    {
      g_debug ("Could not open %s: %s", show->uri, error->message);
      show_uri_fallback (show->parent, show->uri, show->fallback_text);
    }

  show_uri_free (show);
}

static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
#endif
  show_uri_finish (user_data, error);
}

/**
 * ut_show_uri_full:
 * @fallback_text: (nullable): what to offer to copy if no browser can open @uri, when the
 *   address alone is not enough; %NULL offers @uri
 *
 * Opens @uri in the default browser; inside Flatpak both paths go through the OpenURI portal.
 * Where nothing can open it, a dialog shows the address, selectable, with a Copy button.
 */
void
ut_show_uri_full (GtkWidget  *parent,
                  const char *uri,
                  const char *fallback_text)
{
  ShowUri *show;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (uri != NULL);

  show = g_new0 (ShowUri, 1);
  g_set_weak_pointer (&show->parent, parent);
  show->uri = g_strdup (uri);
  show->fallback_text = g_strdup (fallback_text);

  if (uri_launch_fails)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     "No browser (test)");

      show_uri_finish (show, error);
      return;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, root_window (parent), NULL, show_uri_cb, show);
  }
#else
  gtk_show_uri_full (root_window (parent), uri, GDK_CURRENT_TIME, NULL, show_uri_cb, show);
#endif
}

void
ut_show_uri (GtkWidget  *parent,
             const char *uri)
{
  ut_show_uri_full (parent, uri, NULL);
}

void
_ut_compat_set_uri_launch_fails (gboolean fails)
{
  uri_launch_fails = fails;
}

GObject *
_ut_compat_get_uri_fallback (void)
{
  return uri_fallback;
}

GtkLabel *
_ut_compat_get_uri_fallback_label (GObject *dialog)
{
  g_return_val_if_fail (G_IS_OBJECT (dialog), NULL);
  return g_object_get_data (dialog, "ut-text-label");
}

/* Scrolls @scroller so that @widget, one of its descendants, is in view, if it is not. */
void
ut_scroll_to_widget (GtkScrolledWindow *scroller,
                     GtkWidget         *widget)
{
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  double y;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  viewport = gtk_scrolled_window_get_child (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  if (viewport == NULL)
    return;

#if GTK_CHECK_VERSION (4, 12, 0)
  {
    graphene_point_t point;

    if (!gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
      return;
    y = point.y;
  }
#else
  {
    double x;

    if (!gtk_widget_translate_coordinates (widget, viewport, 0, 0, &x, &y))
      return;
  }
#endif

  /* @y is where the widget is in the visible part: above it, or reaching below it, scroll so its
   * top shows with a little room. */
  if (y < 0 || y + gtk_widget_get_height (widget) > gtk_adjustment_get_page_size (adjustment))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
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
                         /* The same addresses as the metainfo's homepage and bugtracker. */
                         "website", "https://github.com/untrain/Untrain",
                         "issue-url", "https://github.com/untrain/Untrain/issues",
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

/* Opens @file in the default application for its type; inside Flatpak both paths go through the
 * OpenURI portal. */
void
ut_open_file (GtkWidget *parent,
              GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, root_window (parent), NULL, NULL, NULL);
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (root_window (parent), uri, GDK_CURRENT_TIME);
  }
#endif
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
file_dialog_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)))
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_task_return_pointer (task, NULL, NULL);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, file, g_object_unref);
}

#else

/* GtkFileChooserNative says nothing when it is hidden, so cancelling answers the task here. */
typedef struct
{
  GtkFileChooserNative *native;
  GCancellable         *cancellable;
  gulong                cancelled_id;
  GTask                *task;
} Chooser;

static void
chooser_finish (Chooser *chooser,
                GFile   *file,
                GError  *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&chooser->task);

  if (chooser->cancelled_id != 0)
    g_signal_handler_disconnect (chooser->cancellable, chooser->cancelled_id);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser->native));
  g_object_unref (chooser->native);
  g_clear_object (&chooser->cancellable);
  g_free (chooser);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  chooser_finish (user_data, file, NULL);
}

static void
chooser_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  chooser_finish (user_data, NULL,
                  g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Choosing a file was cancelled"));
}

#endif

/**
 * ut_choose_file_async:
 * @save: %TRUE to ask for a file to write, offering @suggested_name; %FALSE for one to read
 * @suggested_name: (nullable): the file name offered when saving
 * @filter: (nullable): the kind of files to offer
 *
 * Asks for a file with the desktop's file chooser: the FileChooser portal inside Flatpak.
 */
void
ut_choose_file_async (GtkWidget           *parent,
                      gboolean             save,
                      const char          *title,
                      const char          *suggested_name,
                      GtkFileFilter       *filter,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_choose_file_async);
  if (g_task_return_error_if_cancelled (task))
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    g_task_set_task_data (task, GINT_TO_POINTER (save), NULL);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (filter != NULL)
      {
        g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

        g_list_store_append (filters, filter);
        gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
        gtk_file_dialog_set_default_filter (dialog, filter);
      }

    if (save)
      {
        gtk_file_dialog_set_initial_name (dialog, suggested_name);
        gtk_file_dialog_save (dialog, root_window (parent), cancellable, file_dialog_cb, g_steal_pointer (&task));
      }
    else
      gtk_file_dialog_open (dialog, root_window (parent), cancellable, file_dialog_cb, g_steal_pointer (&task));
  }
#else
  {
    Chooser *chooser = g_new0 (Chooser, 1);

    chooser->native = gtk_file_chooser_native_new (title, root_window (parent),
                                                   save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   NULL, NULL);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser->native), TRUE);
    if (filter != NULL)
      {
        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser->native), filter);
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser->native), filter);
      }
    if (save && suggested_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser->native), suggested_name);

    chooser->task = g_steal_pointer (&task);
    g_signal_connect (chooser->native, "response", G_CALLBACK (chooser_response_cb), chooser);
    if (cancellable != NULL)
      {
        chooser->cancellable = g_object_ref (cancellable);
        chooser->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (chooser_cancelled_cb), chooser);
      }
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser->native));
  }
#endif
}

/**
 * ut_choose_file_finish:
 *
 * Returns: (transfer full) (nullable): the file chosen, or %NULL without an error if the user
 *   closed the chooser without choosing
 */
GFile *
ut_choose_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ut_choose_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
