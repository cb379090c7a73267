/* ut-export-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-export.h"
#include "ut-export-dialog-private.h"

struct _UtExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *error_group;
  GtkLabel        *error_label;
  GtkWidget       *reason_group;
  GtkLabel        *reason_label;
  GtkWidget       *export_button;
  AdwComboRow     *format_row;
  AdwComboRow     *profile_row;
  AdwComboRow     *paper_row;
  AdwActionRow    *identities_row;
  GtkSwitch       *identities_switch;

  /* Owned references */
  UtCatalog       *catalog;
  UtProgress      *progress;
  UtIdentityStore *identities;
  UtProfile       *initial_profile;
  GPtrArray       *profiles;         /* the profile row's entries before "All profiles" */
  GtkStringList   *profile_names;
  GCancellable    *cancellable;      /* cancelled when the dialog closes */
  GTask           *task;             /* of ut_export_dialog_run_async(), until it returns */
  char            *keyring_problem;  /* why account e-mails cannot be read, or NULL */
  gboolean         keyring_checked;

  /* The export under way */
  gboolean         busy;
  gboolean         nothing_to_export;  /* the chosen format would make an empty file */
  GFile           *target;
  UtExportFormat   format;
  UtProfile       *profile;          /* NULL for all profiles */
  UtExportPaper    paper;
  GHashTable      *found;            /* platform id → account e-mail, when they are included */
};

G_DEFINE_FINAL_TYPE (UtExportDialog, ut_export_dialog, ADW_TYPE_WINDOW)

static UtExportFormat
selected_format (UtExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < UT_EXPORT_N_FORMATS ? (UtExportFormat) selected : UT_EXPORT_FORMAT_MARKDOWN;
}

/* Returns: (nullable): the chosen profile, or %NULL for all of them */
static UtProfile *
selected_profile (UtExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  return selected < self->profiles->len ? g_ptr_array_index (self->profiles, selected) : NULL;
}

static void
update_export_action (UtExportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !self->busy && !self->nothing_to_export);
}

static void
set_busy (UtExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  update_export_action (self);
}

/* A calendar with no event cannot be written; that is said before a file is chosen, under the
 * format row, and Export waits for another choice. */
static void
update_format_row (UtExportDialog *self)
{
  const char *reason;
  gboolean nothing;

  /* The combo rows say what they select while the template is built, before there is anything
   * to ask. */
  if (self->catalog == NULL)
    return;

  nothing = selected_format (self) == UT_EXPORT_FORMAT_ICS &&
            !ut_export_has_reminders (self->catalog, self->progress, selected_profile (self));
  /* The same sentence as the export's own error. */
  reason = _("There is nothing to put in a calendar yet: reminders are made for the actions you mark as done.");

  self->nothing_to_export = nothing;
  gtk_label_set_text (self->reason_label, nothing ? reason : "");
  gtk_widget_set_visible (self->reason_group, nothing);
  /* The disabled button says why too, to the pointer and to a screen reader. */
  gtk_widget_set_tooltip_text (self->export_button, nothing ? reason : NULL);
  if (nothing)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->export_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  update_export_action (self);
}

/* The dialog stays open, so that another folder can be chosen. */
static void
fail (UtExportDialog *self,
      const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_group, TRUE);
  set_busy (self, FALSE);
}

static void
update_identities_row (UtExportDialog *self)
{
  gboolean usable = self->keyring_checked && self->keyring_problem == NULL && selected_profile (self) != NULL;

  if (self->keyring_problem != NULL)
    adw_action_row_set_subtitle (self->identities_row, self->keyring_problem);
  else if (selected_profile (self) == NULL)
    adw_action_row_set_subtitle (self->identities_row,
                                 _("Account e-mails can only be included for one profile at a time."));
  else
    adw_action_row_set_subtitle (self->identities_row,
                                 _("Read from your keyring and written into the file. Anyone who gets the file can read them."));

  /* A switch left on where it has no effect would say something untrue about the file. */
  if (!usable)
    gtk_switch_set_active (self->identities_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identities_row), usable);
}

static void
profile_changed_cb (UtExportDialog *self)
{
  update_format_row (self);
  update_identities_row (self);
}

/* "All profiles" is only offered for the backup: the other formats are one person's checklist. */
static void
format_changed_cb (UtExportDialog *self)
{
  UtExportFormat format = selected_format (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profile_names));
  gboolean offers_all = n > self->profiles->len;

  if (format == UT_EXPORT_FORMAT_JSON && !offers_all)
    gtk_string_list_append (self->profile_names, _("All profiles"));
  else if (format != UT_EXPORT_FORMAT_JSON && offers_all)
    {
      gboolean all_selected = selected_profile (self) == NULL;

      gtk_string_list_remove (self->profile_names, self->profiles->len);
      if (all_selected)
        {
          guint position = 0;

          g_ptr_array_find (self->profiles, self->initial_profile, &position);
          adw_combo_row_set_selected (self->profile_row, position);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), format == UT_EXPORT_FORMAT_PDF);
  update_format_row (self);
  update_identities_row (self);
}

static void
probe_keyring_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UtExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Only whether the keyring answers matters here, not what it holds. */
  g_strfreev (ut_identity_store_list_finish (UT_IDENTITY_STORE (source), result, &error));
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->keyring_checked = TRUE;
  if (g_error_matches (error, UT_IDENTITY_ERROR, UT_IDENTITY_ERROR_UNAVAILABLE))
    self->keyring_problem = g_strdup (error->message);
  update_identities_row (self);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UtExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ut_export_to_file_finish (result, &error))
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        fail (self, error->message);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* Whoever asked says it worked; the dialog only closes. */
  if (self->task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_pointer (task, g_object_ref (self->target), g_object_unref);
    }

  set_busy (self, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
write_export (UtExportDialog *self)
{
  UtExportOptions options = { NULL, self->paper, self->found };
  g_autofree char *path = g_file_get_path (self->target);

  if (path == NULL)
    {
      fail (self, _("Untrain can only export to a folder on this computer. Choose another folder."));
      return;
    }

  ut_export_to_file_async (self->format, self->catalog, self->progress, self->profile, &options, path,
                           self->cancellable, written_cb, g_object_ref (self));
}

static void
identities_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(UtExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = ut_identity_store_lookup_all_finish (UT_IDENTITY_STORE (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    {
      fail (self, error->message);
      return;
    }

  self->found = g_steal_pointer (&found);
  write_export (self);
}

void
_ut_export_dialog_export_to (UtExportDialog *self,
                             GFile          *file)
{
  gboolean with_identities;

  g_return_if_fail (UT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  set_busy (self, TRUE);
  gtk_widget_set_visible (self->error_group, FALSE);
  g_set_object (&self->target, file);
  self->format = selected_format (self);
  g_set_object (&self->profile, selected_profile (self));
  self->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? UT_EXPORT_PAPER_LETTER : UT_EXPORT_PAPER_A4;
  g_clear_pointer (&self->found, g_hash_table_unref);

  with_identities = self->profile != NULL &&
                    gtk_widget_get_sensitive (GTK_WIDGET (self->identities_row)) &&
                    gtk_switch_get_active (self->identities_switch);
  if (!with_identities)
    {
      write_export (self);
      return;
    }

  ut_identity_store_lookup_all_async (self->identities, ut_profile_get_id (self->profile),
                                      ut_profile_get_platforms (self->profile), self->cancellable,
                                      identities_found_cb, g_object_ref (self));
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UtExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = ut_choose_file_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (error != NULL)
    fail (self, error->message);
  else if (file == NULL)
    set_busy (self, FALSE);
  else
    _ut_export_dialog_export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtExportDialog *self = UT_EXPORT_DIALOG (widget);
  UtExportFormat format = selected_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = ut_export_suggest_filename (format, selected_profile (self), NULL);

  if (self->busy || self->nothing_to_export)
    return;

  gtk_file_filter_set_name (filter, ut_export_format_get_display_name (format));
  gtk_file_filter_add_mime_type (filter, ut_export_format_get_content_type (format));
  gtk_file_filter_add_suffix (filter, ut_export_format_to_string (format));

  set_busy (self, TRUE);
  ut_choose_file_async (widget, TRUE, _("Export Checklist"), suggested, filter, self->cancellable,
                        file_chosen_cb, g_object_ref (self));
}

/* gtk_window_destroy() leaves disposing for when the last reference goes, and every pending
 * callback holds one: closing the dialog is noticed here instead. The parent is let go too, as
 * it may be gone by the time this dialog is disposed. */
static void
ut_export_dialog_unrealize (GtkWidget *widget)
{
  UtExportDialog *self = UT_EXPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  if (self->task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Closed without exporting");
    }
  gtk_window_set_transient_for (GTK_WINDOW (widget), NULL);

  GTK_WIDGET_CLASS (ut_export_dialog_parent_class)->unrealize (widget);
}

static void
ut_export_dialog_dispose (GObject *object)
{
  UtExportDialog *self = (UtExportDialog *) object;

  /* Pending callbacks look at the cancellable before anything else. */
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->catalog);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_object (&self->initial_profile);
  g_clear_object (&self->profile_names);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_object (&self->target);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->found, g_hash_table_unref);

  G_OBJECT_CLASS (ut_export_dialog_parent_class)->dispose (object);
}

static void
ut_export_dialog_finalize (GObject *object)
{
  UtExportDialog *self = (UtExportDialog *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->keyring_problem, g_free);

  G_OBJECT_CLASS (ut_export_dialog_parent_class)->finalize (object);
}

static void
ut_export_dialog_class_init (UtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_export_dialog_dispose;
  object_class->finalize = ut_export_dialog_finalize;
  widget_class->unrealize = ut_export_dialog_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, identities_row);
  gtk_widget_class_bind_template_child (widget_class, UtExportDialog, identities_switch);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ut_export_dialog_init (UtExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  self->profile_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

/**
 * ut_export_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @profile: the profile offered first
 *
 * Asks what to export, then where, and writes the file. On success the dialog closes; on failure
 * it stays open and says why above the options. ut_export_dialog_run_async() shows it and says
 * which file was written.
 */
UtExportDialog *
ut_export_dialog_new (GtkWindow       *parent,
                      UtCatalog       *catalog,
                      UtProgress      *progress,
                      UtIdentityStore *identities,
                      UtProfile       *profile)
{
  UtExportDialog *self;
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  GListModel *profiles;
  guint position = 0;
  const char *paper;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UT_IS_IDENTITY_STORE (identities), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);

  self = g_object_new (UT_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->catalog = g_object_ref (catalog);
  self->progress = g_object_ref (progress);
  self->identities = g_object_ref (identities);
  self->initial_profile = g_object_ref (profile);

  profiles = ut_progress_get_profiles (progress);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      UtProfile *item = g_list_model_get_item (profiles, i);

      if (item == profile)
        position = i;
      gtk_string_list_append (self->profile_names, ut_profile_get_name (item));
      g_ptr_array_add (self->profiles, item);
    }
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (self->profile_names));
  adw_combo_row_set_selected (self->profile_row, position);

  /* In the order of UtExportFormat, which selected_format() relies on. */
  for (guint i = 0; i < UT_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (formats, ut_export_format_get_display_name (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  adw_combo_row_set_selected (self->format_row, UT_EXPORT_FORMAT_MARKDOWN);

  paper = gtk_paper_size_get_default ();
  adw_combo_row_set_selected (self->paper_row, g_strcmp0 (paper, GTK_PAPER_NAME_LETTER) == 0 ? 1 : 0);

  format_changed_cb (self);
  ut_identity_store_list_async (identities, ut_profile_get_id (profile), self->cancellable,
                                probe_keyring_cb, g_object_ref (self));

  return self;
}

/**
 * ut_export_dialog_run_async:
 * @cancellable: (nullable): for when the caller goes away first
 *
 * Presents the dialog. @callback runs once it has closed: after an export, or when it was closed
 * without one (the user's choice, or a failure it has already shown).
 */
void
ut_export_dialog_run_async (UtExportDialog      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (UT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ut_export_dialog_run_async);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * ut_export_dialog_run_finish:
 *
 * Returns: (transfer full): the file written, or %NULL with G_IO_ERROR_CANCELLED when the dialog
 *   closed without writing one or @cancellable was cancelled
 */
GFile *
ut_export_dialog_run_finish (UtExportDialog  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (UT_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ut_export_dialog_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
