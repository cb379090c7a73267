/* render-icon.c — renders the scalable app icon to a PNG of one size at build time
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The welcome page shows the app icon at 128 pixels. At scale 1 it draws this PNG, which spares
 * loading librsvg (about 6 MB) before the first frame of a first start.
 */

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int size;

  if (argc != 4 || (size = atoi (argv[2])) <= 0)
    {
      g_printerr ("usage: render-icon ICON.svg SIZE OUTPUT.png\n");
      return 2;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], size, size, &error);
  if (pixbuf == NULL || !gdk_pixbuf_save (pixbuf, argv[3], "png", &error, NULL))
    {
      g_printerr ("render-icon: %s\n", error->message);
      return 1;
    }

  return 0;
}
