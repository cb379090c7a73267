/* ut-application.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-application.h"
#include "ut-cli.h"
#include "ut-window.h"

struct _UtApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (UtApplication, ut_application, ADW_TYPE_APPLICATION)

UtApplication *
ut_application_new (void)
{
  return g_object_new (UT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
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

static void
ut_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (ut_window_new (UT_APPLICATION (application)));

  gtk_window_present (window);
}

static void
ut_application_class_init (UtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = ut_application_local_command_line;
  app_class->activate = ut_application_activate;
}

static void
ut_application_init (UtApplication *self)
{
}
