/* ut-test-utils.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "ut-test-utils.h"

/* Removes a test's temporary folder, including folders a test made read-only. */
void
ut_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ut_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The whole file; the test fails if it cannot be read. */
char *
ut_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The untrain binary the build made; meson passes its path in UNTRAIN_BINARY. */
const char *
ut_test_untrain_binary (void)
{
  const char *binary = g_getenv ("UNTRAIN_BINARY");

  g_assert_nonnull (binary);
  return binary;
}

/* A launcher for untrain or the catalog tool with their own data (and, unless %NULL, settings)
 * folders, a fixed locale, and no display, so untrain never starts its interface.
 *
 * Its home, cache and state folders (and settings, given %NULL) are the test's. Under
 * G_TEST_OPTION_ISOLATE_DIRS those are the test's own, while the environment children inherit
 * says /dev/null for every XDG folder; the system-wide ones are then left to their defaults. */
GSubprocessLauncher *
ut_test_launcher (const char *data_home,
                  const char *config_home)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *shared[] = { "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "XDG_RUNTIME_DIR" };

  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    if (g_strcmp0 (g_getenv (shared[i]), "/dev/null") == 0)
      g_subprocess_launcher_unsetenv (launcher, shared[i]);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME",
                                config_home != NULL ? config_home : g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  return launcher;
}

/* Runs @program with @first and @args (NULL-terminated) and returns its exit status; @out and
 * @err are replaced by what it printed. */
int
ut_test_run_valist (GSubprocessLauncher  *launcher,
                    const char           *program,
                    char                **out,
                    char                **err,
                    const char           *first,
                    va_list               args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) program);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_test_message ("%s %s → %d\nstdout: %.2000s\nstderr: %s", program, first,
                  g_subprocess_get_exit_status (process), *out, *err);

  return g_subprocess_get_exit_status (process);
}

/* A port nothing listens on now: bound, read, closed. */
guint16
ut_test_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/**
 * ut_test_rclone_start:
 * @folder: what the server serves
 * @url: (out): the address it serves it at
 *
 * A real WebDAV server, rclone's, on loopback with the user name and password given.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL when rclone is not installed
 */
GSubprocess *
ut_test_rclone_start (const char  *folder,
                      const char  *user,
                      const char  *password,
                      char       **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) log = NULL;
  g_autoptr(GSubprocess) rclone = NULL;
  g_autofree char *address = NULL;
  guint16 port;

  if (g_find_program_in_path ("rclone") == NULL)
    return NULL;

  port = ut_test_free_port ();
  address = g_strdup_printf ("127.0.0.1:%u", port);
  rclone = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             "rclone", "serve", "webdav", folder, "--addr", address,
                             "--user", user, "--pass", password, "--config", "/dev/null", NULL);
  g_assert_no_error (error);

  /* rclone says when it listens; a line that never comes means it exited, and the read ends. */
  log = g_data_input_stream_new (g_subprocess_get_stderr_pipe (rclone));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (log, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("rclone stopped before serving");
      if (strstr (line, "WebDav Server started") != NULL)
        break;
    }

  *url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  return g_steal_pointer (&rclone);
}

void
ut_test_rclone_stop (GSubprocess *rclone)
{
  if (rclone == NULL)
    return;
  g_subprocess_force_exit (rclone);
  g_subprocess_wait (rclone, NULL, NULL);
}

void
ut_test_async_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      async)
{
  UtTestAsync *self = async;

  g_set_object (&self->result, result);
  self->done = TRUE;
}

/* Returns: (transfer none): the result, kept until the next wait or ut_test_async_clear() */
GAsyncResult *
ut_test_async_wait (UtTestAsync *async)
{
  while (!async->done)
    g_main_context_iteration (NULL, TRUE);
  async->done = FALSE;
  return async->result;
}

void
ut_test_async_clear (UtTestAsync *async)
{
  g_clear_object (&async->result);
  async->done = FALSE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done is true, failing after @seconds. */
void
ut_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data,
                    guint      seconds)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}
