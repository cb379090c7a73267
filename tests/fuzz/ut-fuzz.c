/* ut-fuzz.c — what the libFuzzer harnesses share
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-fuzz"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "ut-fuzz.h"
#include "ut-test-utils.h"

/* Called once before the first input. */
void
ut_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  /* A critical or a warning is how GLib reports a broken precondition, such as reading a string
   * member that holds a number: the input reached code that did not check it, so it is a finding
   * like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* The code under test reads no settings and no keyring, but GIO should not go looking for
   * modules (proxy resolvers, remote file systems) on every run either. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
}

/**
 * ut_fuzz_directory_new:
 *
 * Made in /dev/shm where there is one: progress is written with fsync, and a disk would cap a run
 * at a few hundred inputs a second. One folder per input, removed after it, because libFuzzer
 * leaves with _exit() and no atexit() handler would run; the folder of an input that crashed stays
 * for a look.
 */
UtFuzzDirectory *
ut_fuzz_directory_new (void)
{
  char *directory;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    directory = g_strdup ("/dev/shm/untrain-fuzz-XXXXXX");
  else
    directory = g_build_filename (g_get_tmp_dir (), "untrain-fuzz-XXXXXX", NULL);
  if (g_mkdtemp_full (directory, 0700) == NULL)
    g_error ("Could not make a private folder: %s", g_strerror (errno));

  return directory;
}

void
ut_fuzz_directory_free (UtFuzzDirectory *directory)
{
  ut_test_remove_tree (directory);
  g_free (directory);
}

UtProgress *
ut_fuzz_new_progress (const char *directory)
{
  UtProgress *progress = ut_progress_new (directory);

  ut_progress_set_clock (progress, ut_fuzz_clock, NULL);
  return progress;
}

/* Progress as the exports write it, to compare two loads. */
char *
ut_fuzz_serialise_progress (UtProgress *progress)
{
  g_autoptr(JsonNode) node = ut_progress_to_json (progress, NULL);

  g_assert (node != NULL);
  return ut_fuzz_node_to_string (node);
}

char *
ut_fuzz_node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Progress that depends on the time of day would not reproduce; every run is on the same day. */
GDateTime *
ut_fuzz_clock (gpointer user_data)
{
  return g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
}

/* Saves @progress, loads what was saved into a new UtProgress and fails unless that comes back
 * exactly as @progress was: whatever Untrain accepts, it must write back and read again.
 * @steps names the round trip in the failure ("load → save → load"). */
UtProgress *
ut_fuzz_save_and_reload (UtProgress *progress,
                         const char *directory,
                         const char *steps)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ut_fuzz_serialise_progress (progress);
  g_autofree char *after = NULL;
  UtProgress *reloaded;

  if (!ut_progress_save (progress, &error))
    g_error ("Progress could not be saved (%s): %s", steps, error->message);

  reloaded = ut_fuzz_new_progress (directory);
  if (!ut_progress_load (reloaded, &error))
    g_error ("Saved progress could not be loaded (%s): %s", steps, error->message);
  if (ut_progress_get_recovery (reloaded) != NULL)
    g_error ("Saved progress was found damaged (%s): %s", steps, ut_progress_get_recovery (reloaded)->message);

  after = ut_fuzz_serialise_progress (reloaded);
  if (g_strcmp0 (before, after) != 0)
    g_error ("Progress changed between %s.\nBefore:\n%s\nAfter:\n%s", steps, before, after);

  return reloaded;
}
