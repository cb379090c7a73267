/* main.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ut-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UtApplication) app = NULL;

  /* UNTRAIN_LOCALEDIR names a folder laid out as LOCALEDIR is (LANG/LC_MESSAGES/untrain.mo):
   * build-aux/run points it at the build tree's po folder, so that an uninstalled Untrain speaks
   * the language the build just compiled. */
  const char *localedir = g_getenv ("UNTRAIN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ut_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
