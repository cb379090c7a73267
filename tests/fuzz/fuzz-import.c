/* fuzz-import.c — importing a backup: import, save, load again, and nothing is lost
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include "ut-fuzz.h"
#include "ut-progress.h"

/* The input is a file someone chose in "Import Backup" (or `untrain --import`). Whatever it holds,
 * importing it into empty progress must not crash; a refused import changes nothing; an accepted
 * one, saved and loaded again, gives back exactly what was imported. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* First, so that it is removed last, after the progress that lives in it. */
  g_autoptr(UtFuzzDirectory) directory = NULL;
  g_autoptr(GBytes) backup = g_bytes_new (data, size);
  g_autoptr(UtProgress) first = NULL;
  g_autoptr(UtProgress) second = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, updated = 0;

  ut_fuzz_init ();
  directory = ut_fuzz_directory_new ();

  first = ut_fuzz_new_progress (directory);
  if (!ut_progress_load (first, &error))
    g_error ("Empty progress could not be loaded: %s", error->message);

  if (!ut_progress_import (first, backup, &added, &updated, &error))
    {
      g_autoptr(JsonNode) node = NULL;

      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (added == 0 && updated == 0);
      /* "Nothing was changed", as the message says. */
      node = ut_progress_to_json (first, NULL);
      g_assert (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "profiles")) == 0);
      return 0;
    }

  /* Into empty progress nothing can be updated, only added. */
  g_assert (updated == 0);

  second = ut_fuzz_save_and_reload (first, directory, "import → save → load");

  return 0;
}
