/* ut-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-window.h"

struct _UtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (UtWindow, ut_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ut_window_class_init (UtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UtWindow, status_page);
}

static void
ut_window_init (UtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UtWindow *
ut_window_new (UtApplication *application)
{
  return g_object_new (UT_TYPE_WINDOW, "application", application, NULL);
}
