/* bench-ui.c — what people feel: a keystroke in search, a click on a platform
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing. Targets (issue 19), with the real catalog and with 1,000
 * synthetic platforms: a keystroke in search → the filtered list drawn within one 60 Hz frame
 * (16 ms) median; a click on a platform → its guide drawn in under 50 ms median.
 *
 * Each measurement starts just before the change a keystroke or a click makes (the search
 * field's text is set, as typing sets it; the platform is opened, as activating its row does)
 * and ends at the end of the first frame painted after the change took effect (the frame
 * clock's after-paint), so it holds the filtering, the layout and the painting, but not the X
 * server's delivery of the key or click (well under a millisecond here). Between measurements
 * the main loop runs idle for 50 ms, as a person's typing leaves gaps. A keystroke that leaves
 * the list as it was still ends at the next frame, the one that draws the search field.
 *
 * Run it headless with `meson compile -C build bench-ui` (Xvfb and a D-Bus session).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "ut-catalog.h"
#include "ut-identity-store.h"
#include "ut-platform-chooser-private.h"
#include "ut-platform-chooser.h"
#include "ut-synthetic-catalog-bundled.h"
#include "ut-test-utils.h"
#include "ut-window-private.h"
#include "ut-window.h"

#define KEYSTROKES 50
#define CLICKS     50

typedef struct
{
  gboolean armed;   /* the change under measurement has taken effect */
  gint64   drawn;   /* the end of the first frame painted after it */
} Probe;

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->armed && probe->drawn == 0)
    probe->drawn = g_get_monotonic_time ();
}

static void
arm_cb (Probe *probe)
{
  probe->armed = TRUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
idle_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_mapped (GtkWidget *window)
{
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  idle_for (300);
}

/* Runs until the probe has seen a frame painted after the change, and returns how long that
 * took from @start, in ms. */
static double
finish (Probe  *probe,
        gint64  start)
{
  while (probe->drawn == 0)
    g_main_context_iteration (NULL, TRUE);
  return (double) (probe->drawn - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms,
        double      target)
{
  double median, worst;

  g_array_sort (ms, compare_doubles);
  median = g_array_index (ms, double, ms->len / 2);
  worst = g_array_index (ms, double, ms->len - 1);
  printf ("  %-52s median %6.2f ms, worst %6.2f ms over %u (target: median < %.0f ms, %s)\n",
          what, median, worst, ms->len, target, median < target ? "met" : "not met");
}

/* The queries people type, one character at a time, then deleted again. */
static const char * const queries[] = { "linkedin", "chat", "google", "reddit 7", "meta" };

static char *
keystroke_text (guint n)
{
  /* Walks through the queries typed forwards then erased: l, li, … linkedin, linkedi, … l. */
  for (guint q = 0;; q = (q + 1) % G_N_ELEMENTS (queries))
    {
      guint length = (guint) strlen (queries[q]);
      guint steps = 2 * length - 1;

      if (n < steps)
        return g_strndup (queries[q], n < length ? n + 1 : steps - n);
      n -= steps;
    }
}

/* The widget's own handler of "search-changed" filters; this one, connected later, runs after it. */
static void
type_into (GtkSearchEntry *entry,
           GtkWidget      *window,
           Probe          *probe,
           GArray         *ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong paint = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), probe);
  gulong filtered = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (arm_cb), probe);

  for (guint i = 0; i < KEYSTROKES; i++)
    {
      g_autofree char *text = keystroke_text (i);
      gint64 start;
      double took;

      idle_for (50);
      probe->armed = FALSE;
      probe->drawn = 0;
      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      took = finish (probe, start);
      g_array_append_val (ms, took);
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  idle_for (100);
  g_signal_handler_disconnect (clock, paint);
  g_signal_handler_disconnect (entry, filtered);
}

/* Onboarding and "Add or Remove Platforms": the whole catalog, grouped, with a search. */
static void
bench_chooser (UtCatalog *catalog)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = gtk_window_new ();
  UtPlatformChooser *chooser = g_object_new (UT_TYPE_PLATFORM_CHOOSER, NULL);
  Probe probe = { 0 };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chooser));
  ut_platform_chooser_set_catalog (chooser, catalog, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (window);

  type_into (_ut_platform_chooser_get_search_entry (chooser), window, &probe, ms);
  report ("keystroke → list drawn, platform chooser", ms, 16);
  gtk_window_destroy (GTK_WINDOW (window));
}

static UtWindow *
open_window (UtCatalog  *catalog,
             UtProgress *progress,
             guint       n_platforms)
{
  g_autoptr(UtIdentityStore) identities = ut_identity_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  UtProfile *profile;
  UtWindow *window;

  profile = ut_progress_add_profile (progress, "Bench", UT_REGION_EU, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < MIN (n_platforms, g_list_model_get_n_items (G_LIST_MODEL (catalog))); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      g_ptr_array_add (ids, (char *) ut_platform_get_id (platform));
    }
  g_ptr_array_add (ids, NULL);
  ut_progress_set_platforms_used (progress, profile, (const char * const *) ids->pdata, TRUE, &error);
  g_assert_no_error (error);

  window = ut_window_new (NULL, catalog, progress, identities);
  ut_window_set_profile (window, profile);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  return window;
}

/* The main list of a profile with @n_platforms platforms: search, then opening guides. */
static void
bench_window (UtCatalog *catalog,
              guint      n_platforms)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clicks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(UtProgress) progress = ut_progress_new (NULL);
  g_autofree char *what = NULL;
  UtWindow *window;
  GdkFrameClock *clock;
  Probe probe = { 0 };
  gulong paint;
  guint n;

  window = open_window (catalog, progress, n_platforms);
  n = g_list_model_get_n_items (G_LIST_MODEL (window->platforms));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_into (window->search_entry, GTK_WIDGET (window), &probe, keys);
  what = g_strdup_printf ("keystroke → list drawn, main list of %u", n);
  report (what, keys, 16);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  for (guint i = 0; i < CLICKS; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (window->platforms), i % n);
      gint64 start;
      double took;

      idle_for (50);
      probe.armed = FALSE;
      probe.drawn = 0;
      start = g_get_monotonic_time ();
      ut_window_open_platform (window, ut_platform_get_id (platform));
      probe.armed = TRUE;
      took = finish (&probe, start);
      g_array_append_val (clicks, took);

      idle_for (50);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
    }
  g_signal_handler_disconnect (clock, paint);
  g_free (what);
  what = g_strdup_printf ("click → guide drawn, from the main list of %u", n);
  report (what, clicks, 50);

  gtk_window_destroy (GTK_WINDOW (window));
  idle_for (100);
}

static const char *only;   /* --only: one scenario, for profiling */

static void
bench_catalog (const char *name,
               UtCatalog  *catalog)
{
  printf ("\n%s: %u platforms\n", name, g_list_model_get_n_items (G_LIST_MODEL (catalog)));
  if (only == NULL || g_str_equal (only, "chooser"))
    bench_chooser (catalog);
  if (only == NULL || g_str_equal (only, "profile"))
    bench_window (catalog, 10);
  if (only == NULL || g_str_equal (only, "everything"))
    bench_window (catalog, G_MAXUINT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtCatalog) real = NULL;
  g_autoptr(UtCatalog) synthetic = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *home = g_dir_make_tmp ("untrain-bench-ui-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int platforms = 1000;
  gboolean synthetic_only = FALSE;
  GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "One scenario: chooser, profile (10 platforms) or everything", "NAME" },
    { "synthetic-only", 0, 0, G_OPTION_ARG_NONE, &synthetic_only, "Leave the real catalog out", NULL },
    { "platforms", 0, 0, G_OPTION_ARG_INT, &platforms, "Synthetic platforms beside the real catalog (1000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— search and guide latency");

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || platforms < 1)
    g_error ("%s", error != NULL ? error->message : "--platforms must be at least 1");

  /* Progress goes to a folder of its own, never the person's. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Figures from a run that went wrong are worse than none. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  printf ("Search and guide latency, %s, GSK_RENDERER=%s, window 1280×800\n",
          g_getenv ("DISPLAY") != NULL ? "X11" : "?", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");

  real = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  if (!synthetic_only)
    bench_catalog ("real catalog", real);

  bytes = ut_synthetic_catalog_new ((guint) platforms);
  synthetic = ut_catalog_new_from_bytes (bytes, "synthetic", &error);
  g_assert_no_error (error);
  bench_catalog ("synthetic catalog", synthetic);

  ut_test_remove_tree (home);
  return 0;
}
