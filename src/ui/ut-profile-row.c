/* ut-profile-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-profile-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-profile-row.h"

/* One profile in Preferences: its name and region, whether it is the active one, a Rename
 * popover and a Delete button. It renames by itself; deleting needs the user's confirmation,
 * which the window asks for, so the button itself is not red. */
struct _UtProfileRow
{
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkWidget    *rename_button;
  GtkPopover   *rename_popover;
  GtkWidget    *rename_entry;
  GtkWidget    *delete_button;
  GtkWidget    *active_icon;

  /* Owned references */
  UtProgress   *progress;
  UtProfile    *profile;
  gboolean      active;
};

G_DEFINE_FINAL_TYPE (UtProfileRow, ut_profile_row, ADW_TYPE_ACTION_ROW)

enum {
  MESSAGE,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sync_profile (UtProfileRow *self)
{
  const char *name = ut_profile_get_name (self->profile);
  g_autofree char *rename_label = g_strdup_printf (_("Rename “%s”"), name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), name);
  g_autofree char *entry_label = g_strdup_printf (_("New name for “%s”"), name);
  const char *region = ut_region_get_display_name (ut_profile_get_region (self->profile));
  g_autofree char *subtitle = NULL;

  if (self->active)
    /* Translators: the subtitle of the profile in use, after its region: "United States · Active" */
    subtitle = g_strdup_printf (_("%s · Active"), region);
  else
    subtitle = g_strdup (region);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_opacity (self->active_icon, self->active ? 1.0 : 0.0);
  gtk_widget_set_tooltip_text (self->active_icon, self->active ? _("Active profile") : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rename_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
}

/**
 * ut_profile_row_set_is_last:
 *
 * The last profile cannot be deleted; its Delete button says why instead.
 */
void
ut_profile_row_set_is_last (UtProfileRow *self,
                            gboolean      is_last)
{
  const char *tooltip = is_last ? _("The last profile cannot be deleted") : _("Delete");

  g_return_if_fail (UT_IS_PROFILE_ROW (self));

  gtk_widget_set_sensitive (self->delete_button, !is_last);
  gtk_widget_set_tooltip_text (self->delete_button, tooltip);
  if (is_last)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * ut_profile_row_set_active:
 *
 * Marks the profile the main window shows: a check mark, and "Active" in the subtitle, which a
 * screen reader reads with the row.
 */
void
ut_profile_row_set_active (UtProfileRow *self,
                           gboolean      active)
{
  g_return_if_fail (UT_IS_PROFILE_ROW (self));

  self->active = !!active;
  sync_profile (self);
}

gboolean
ut_profile_row_get_active (UtProfileRow *self)
{
  g_return_val_if_fail (UT_IS_PROFILE_ROW (self), FALSE);
  return self->active;
}

static void
rename_popover_map_cb (UtProfileRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), ut_profile_get_name (self->profile));
  gtk_widget_grab_focus (self->rename_entry);
}

static void
rename_cb (UtProfileRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rename_entry))));

  /* On failure the popover stays open, to correct the name. */
  if (ut_progress_rename_profile (self->progress, self->profile, name, &error))
    gtk_popover_popdown (self->rename_popover);
  else
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static void
delete_cb (UtProfileRow *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

static void
ut_profile_row_dispose (GObject *object)
{
  UtProfileRow *self = (UtProfileRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_PROFILE_ROW);
  g_clear_object (&self->progress);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (ut_profile_row_parent_class)->dispose (object);
}

static void
ut_profile_row_class_init (UtProfileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_profile_row_dispose;

  /**
   * UtProfileRow::message:
   * @message: why the profile could not be renamed
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * UtProfileRow::delete-requested:
   *
   * The user pressed Delete. Nothing is deleted yet: the handler asks them to confirm.
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-profile-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UtProfileRow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, UtProfileRow, rename_popover);
  gtk_widget_class_bind_template_child (widget_class, UtProfileRow, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, UtProfileRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, UtProfileRow, active_icon);
  gtk_widget_class_bind_template_callback (widget_class, rename_popover_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
}

static void
ut_profile_row_init (UtProfileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UtProfileRow *
ut_profile_row_new (UtProgress *progress,
                    UtProfile  *profile)
{
  UtProfileRow *self;

  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);

  self = g_object_new (UT_TYPE_PROFILE_ROW, NULL);
  self->progress = g_object_ref (progress);
  self->profile = g_object_ref (profile);
  g_signal_connect_object (profile, "notify", G_CALLBACK (sync_profile), self, G_CONNECT_SWAPPED);
  sync_profile (self);

  return self;
}

UtProfile *
ut_profile_row_get_profile (UtProfileRow *self)
{
  g_return_val_if_fail (UT_IS_PROFILE_ROW (self), NULL);
  return self->profile;
}
