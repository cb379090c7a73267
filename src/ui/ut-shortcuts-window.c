/* ut-shortcuts-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-shortcuts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-shortcuts-window.h"

/* GtkShortcutsWindow is deprecated in newer GTK and AdwShortcutsDialog needs libadwaita 1.8, so
 * the list is plain preference rows. Keep it in step with the bindings in ut-application.c,
 * ut-window-actions.c and ut-wizard.c. */

typedef enum
{
  GROUP_GENERAL,
  GROUP_PLATFORMS,
  GROUP_GUIDE,
  N_GROUPS
} Group;

static const struct
{
  Group       group;
  const char *accels;        /* space-separated, in gtk_accelerator_parse() syntax */
  const char *description;
} shortcuts[] = {
  { GROUP_GENERAL, "<Control>question", N_("Keyboard shortcuts") },
  { GROUP_GENERAL, "<Control>comma", N_("Preferences") },
  { GROUP_GENERAL, "<Control>q", N_("Quit") },
  { GROUP_GENERAL, "<Control>w", N_("Close window") },
  { GROUP_GENERAL, "<Control>e", N_("Export checklist") },
  { GROUP_GENERAL, "<Control>o", N_("Import backup") },
  { GROUP_PLATFORMS, "<Control>f", N_("Search platforms") },
  { GROUP_PLATFORMS, "<Alt>Left Escape", N_("Back to the list") },
  { GROUP_PLATFORMS, "<Control>1", N_("Your platforms") },
  { GROUP_PLATFORMS, "<Control>2", N_("Summary") },
  { GROUP_GUIDE, "<Control>d", N_("Mark the first open step as done") },
  { GROUP_GUIDE, "<Control>l", N_("Open the settings page of the first open step") },
};

struct _UtShortcutsWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *platforms_group;
  AdwPreferencesGroup *guide_group;
};

G_DEFINE_FINAL_TYPE (UtShortcutsWindow, ut_shortcuts_window, ADW_TYPE_WINDOW)

static char *
accels_get_label (const char *accels)
{
  g_auto(GStrv) parts = g_strsplit (accels, " ", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (2, g_free, TRUE);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint key;
      GdkModifierType mods;

      if (gtk_accelerator_parse (parts[i], &key, &mods))
        g_ptr_array_add (labels, gtk_accelerator_get_label (key, mods));
      else
        g_critical ("Bad accelerator “%s”", parts[i]);
    }

  /* Translators: between two keyboard shortcuts that do the same, e.g. "Alt+← or Esc" */
  return g_strjoinv (_(" or "), (char **) labels->pdata);
}

static void
ut_shortcuts_window_class_init (UtShortcutsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-shortcuts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UtShortcutsWindow, general_group);
  gtk_widget_class_bind_template_child (widget_class, UtShortcutsWindow, platforms_group);
  gtk_widget_class_bind_template_child (widget_class, UtShortcutsWindow, guide_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ut_shortcuts_window_init (UtShortcutsWindow *self)
{
  AdwPreferencesGroup *groups[N_GROUPS];

  gtk_widget_init_template (GTK_WIDGET (self));

  groups[GROUP_GENERAL] = self->general_group;
  groups[GROUP_PLATFORMS] = self->platforms_group;
  groups[GROUP_GUIDE] = self->guide_group;

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = accels_get_label (shortcuts[i].accels);
      GtkWidget *label = gtk_label_new (text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(shortcuts[i].description));
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (groups[shortcuts[i].group], row);
    }
}

UtShortcutsWindow *
ut_shortcuts_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (UT_TYPE_SHORTCUTS_WINDOW, "transient-for", parent, NULL);
}
