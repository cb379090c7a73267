/* ut-identity-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-identity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-identity-row.h"

/* The account a person uses on one platform: read from and saved to the keyring, copied into
 * forms with one click. Only the keyring ever holds it; the row keeps no copy of its own. */
struct _UtIdentityRow
{
  AdwEntryRow      parent_instance;

  /* Template widgets */
  GtkWidget       *copy_button;

  /* Owned references */
  UtIdentityStore *store;
  UtProfile       *profile;
  UtPlatform      *platform;
  GCancellable    *cancellable;
  gboolean         loaded;
  gboolean         unavailable;
};

G_DEFINE_FINAL_TYPE (UtIdentityRow, ut_identity_row, ADW_TYPE_ENTRY_ROW)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
say (UtIdentityRow *self,
     const char    *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
update_copy_button (UtIdentityRow *self)
{
  gtk_widget_set_sensitive (self->copy_button,
                            self->loaded && *gtk_editable_get_text (GTK_EDITABLE (self)) != '\0');
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UtIdentityRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = ut_identity_store_lookup_finish (UT_IDENTITY_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      /* Only the identity features go; the rest of the guide keeps working. */
      self->unavailable = TRUE;
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      say (self, error->message);
      return;
    }

  self->loaded = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), value != NULL ? value : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  update_copy_button (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UtIdentityRow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean deleted = g_task_get_source_tag (G_TASK (result)) == ut_identity_store_delete_async;

  if (deleted)
    ut_identity_store_delete_finish (UT_IDENTITY_STORE (source), result, &error);
  else
    ut_identity_store_store_finish (UT_IDENTITY_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    say (self, error->message);
  else if (deleted)
    say (self, _("Account name removed from your keyring"));
  else
    say (self, _("Account name saved in your keyring"));
  update_copy_button (self);
}

static void
apply_cb (UtIdentityRow *self)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  if (*value == '\0')
    ut_identity_store_delete_async (self->store, ut_profile_get_id (self->profile),
                                    ut_platform_get_id (self->platform), self->cancellable,
                                    saved_cb, g_object_ref (self));
  else
    ut_identity_store_store_async (self->store, ut_profile_get_id (self->profile),
                                   ut_platform_get_id (self->platform), value, self->cancellable,
                                   saved_cb, g_object_ref (self));
}

static void
copy_cb (UtIdentityRow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_set_text (clipboard, gtk_editable_get_text (GTK_EDITABLE (self)));
  say (self, _("Copied to the clipboard"));
}

static void
ut_identity_row_dispose (GObject *object)
{
  UtIdentityRow *self = (UtIdentityRow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  g_clear_object (&self->platform);

  G_OBJECT_CLASS (ut_identity_row_parent_class)->dispose (object);
}

static void
ut_identity_row_class_init (UtIdentityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_identity_row_dispose;

  /**
   * UtIdentityRow::message:
   * @message: a sentence for the user: what was saved or copied, or why the keyring is unusable
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-identity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UtIdentityRow, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_cb);
}

static void
ut_identity_row_init (UtIdentityRow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self, "changed", G_CALLBACK (update_copy_button), self);
}

/**
 * ut_identity_row_new:
 * @title: what the row asks for, e.g. "Your e-mail or username on LinkedIn"
 *
 * The row is insensitive until the keyring has answered, and stays so if it cannot be used; it
 * then says why through #UtIdentityRow::message.
 */
UtIdentityRow *
ut_identity_row_new (UtIdentityStore *store,
                     UtProfile       *profile,
                     UtPlatform      *platform,
                     const char      *title)
{
  UtIdentityRow *self;
  g_autofree char *copy_label = NULL;

  g_return_val_if_fail (UT_IS_IDENTITY_STORE (store), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), NULL);

  self = g_object_new (UT_TYPE_IDENTITY_ROW, NULL);
  self->store = g_object_ref (store);
  self->profile = g_object_ref (profile);
  self->platform = g_object_ref (platform);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* AdwEntryRow cuts a long title short in a narrow window; the pointer can read it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);

  /* Translators: accessible name of the copy button, e.g. "Copy your account on LinkedIn" */
  copy_label = g_strdup_printf (_("Copy your account on %s"), ut_platform_get_short_name (platform));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);

  ut_identity_store_lookup_async (store, ut_profile_get_id (profile), ut_platform_get_id (platform),
                                  self->cancellable, lookup_cb, g_object_ref (self));

  return self;
}

gboolean
ut_identity_row_is_loaded (UtIdentityRow *self)
{
  g_return_val_if_fail (UT_IS_IDENTITY_ROW (self), FALSE);
  return self->loaded;
}

/* The keyring could not be used; the row has said why through #UtIdentityRow::message. */
gboolean
ut_identity_row_is_unavailable (UtIdentityRow *self)
{
  g_return_val_if_fail (UT_IS_IDENTITY_ROW (self), FALSE);
  return self->unavailable;
}
