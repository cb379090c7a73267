/* fuzz-progress.c — progress.json: load, save, load again, and nothing is lost
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-progress"

#include "config.h"

#include <string.h>

#include "ut-fuzz.h"
#include "ut-progress.h"

static char *
read_saved (UtProgress *progress)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (ut_progress_get_path (progress), &contents, NULL, &error))
    g_error ("The saved progress cannot be read back: %s", error->message);
  return contents;
}

/* The input is what Untrain finds as progress.json at start. Whatever it holds, loading must not
 * crash; if it loads (or is recovered from), saving and loading it again must give back exactly
 * what was loaded, and saving that gives the same file: a user who starts Untrain twice must not
 * lose anything the first start kept. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* First, so that it is removed last, after the progress that lives in it. */
  g_autoptr(UtFuzzDirectory) directory = NULL;
  g_autoptr(UtProgress) first = NULL;
  g_autoptr(UtProgress) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;

  ut_fuzz_init ();
  directory = ut_fuzz_directory_new ();

  path = g_build_filename (directory, "progress.json", NULL);
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("Could not write the input: %s", error->message);

  first = ut_fuzz_new_progress (directory);
  if (!ut_progress_load (first, &error))
    {
      /* Refused (a newer format): read-only, and the file must be left as it was. */
      g_autofree char *after = NULL;
      gsize length;

      g_assert (error != NULL);
      g_assert (ut_progress_is_read_only (first));
      g_assert (g_file_get_contents (path, &after, &length, NULL));
      g_assert (length == size && memcmp (after, data, size) == 0);
      return 0;
    }

  second = ut_fuzz_save_and_reload (first, directory, "load → save → load");
  saved = read_saved (first);

  if (!ut_progress_save (second, &error))
    g_error ("Reloaded progress could not be saved: %s", error->message);
  resaved = read_saved (second);
  if (g_strcmp0 (saved, resaved) != 0)
    g_error ("Saving the same progress twice wrote different files.\nFirst:\n%s\nSecond:\n%s", saved, resaved);

  return 0;
}
