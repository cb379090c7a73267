/* ut-cli-sync.c — setting up sync and syncing from the command line
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ut-cli-private.h"
#include "ut-progress-private.h"
#include "ut-sync.h"

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

/* The app password, from the terminal without echo, or the first line of standard input when
 * it is not a terminal (a script, or a password manager piping it in). Never an argument: those
 * end up in the shell's history and in the process list. */
static char *
read_password (const char *user,
               const char *url)
{
  g_autofree char *line = NULL;
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  size_t size = 0;
  ssize_t length;

  /* Echo goes off before the prompt shows: what is typed once it shows is never echoed, nor
   * thrown away as input typed ahead would be. */
  if (terminal)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
      g_printerr (_("App password for %s at %s: "), user, url);
    }
  length = getline (&line, &size, stdin);
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      g_printerr ("\n");
    }
  if (length <= 0)
    return NULL;

  g_strchomp (line);
  return g_steal_pointer (&line);
}

static void
print_synced (UtSync *sync,
              guint   n_changed)
{
  g_print (ngettext ("Synced with %s: %u change arrived from your other computers.\n",
                     "Synced with %s: %u changes arrived from your other computers.\n", n_changed),
           ut_sync_get_url (sync), n_changed);
  if (ut_sync_get_problem (sync) != NULL)
    g_printerr ("untrain: %s\n", ut_sync_get_problem (sync));
}

static int
run_sync (UtSync *sync)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  guint n_changed = 0;

  ut_sync_run_async (sync, NULL, done_cb, &wait);
  if (!ut_sync_run_finish (sync, wait_for (&wait), &n_changed, &error))
    {
      g_object_unref (wait.result);
      return _ut_cli_failure (error->message);
    }
  g_object_unref (wait.result);

  print_synced (sync, n_changed);
  return EXIT_OK;
}

static int
load_sync (Cli     *cli,
           UtSync **sync)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtIdentityStore) identities = NULL;
  int status;

  if ((status = _ut_cli_load_progress (cli)) != EXIT_OK)
    return status;

  *sync = ut_sync_new (cli->progress);
  if (!ut_sync_load (*sync, &error))
    return _ut_cli_failure (error->message);
  identities = ut_identity_store_new ();
  ut_sync_set_identity_store (*sync, identities);

  return EXIT_OK;
}

static int
sync_set_up (Cli    *cli,
             UtSync *sync)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *code = NULL;
  Wait wait = { 0 };

  if (cli->user == NULL || *cli->user == '\0')
    return _ut_cli_usage_error (_("--sync-setup needs --user=NAME, the user name of your storage"));
  if ((password = read_password (cli->user, cli->sync_setup)) == NULL || *password == '\0')
    return _ut_cli_failure (_("No app password was given. Type it when asked, or pipe it in on one line."));

  ut_sync_set_up_async (sync, cli->sync_setup, cli->user, password, cli->recovery_code, NULL, done_cb, &wait);
  explicit_bzero (password, strlen (password));
  code = ut_sync_set_up_finish (sync, wait_for (&wait), &error);
  g_object_unref (wait.result);
  if (code == NULL)
    return _ut_cli_failure (error->message);

  if (cli->recovery_code == NULL)
    g_print (_("Sync is set up. This is your recovery code:\n\n    %s\n\n"
               "Write it down and keep it safe. Another computer needs it to join, and Untrain does not "
               "show it again. The server never sees it.\n\n"), code);
  else
    g_print (_("This computer joined the sync folder.\n"));

  return run_sync (sync);
}

static int
sync_stop (UtSync *sync)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  gboolean stopped;

  ut_sync_stop_async (sync, NULL, done_cb, &wait);
  stopped = ut_sync_stop_finish (sync, wait_for (&wait), &error);
  g_object_unref (wait.result);
  if (!stopped)
    return _ut_cli_failure (error->message);

  g_print (_("Sync is stopped on this computer. Your progress stays as it is, here and on your other computers.\n"));
  return EXIT_OK;
}

/* Where sync stands, and which account names were saved on another computer but not here. */
static int
sync_status (Cli    *cli,
             UtSync *sync)
{
  g_autofree char *status_text = ut_sync_describe (sync);
  g_autoptr(GPtrArray) profiles = NULL;
  int status;

  if (ut_sync_is_set_up (sync))
    g_print (_("Folder: %s (user %s)\n"), ut_sync_get_url (sync), ut_sync_get_user (sync));
  g_print ("%s\n", status_text);

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK)
    return status;
  profiles = _ut_progress_list_profiles (cli->progress);
  for (guint i = 0; i < profiles->len; i++)
    {
      UtProfile *profile = g_ptr_array_index (profiles, i);
      g_auto(GStrv) elsewhere = ut_sync_list_identities_elsewhere (sync, ut_profile_get_id (profile));
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint j = 0; elsewhere[j] != NULL; j++)
        {
          UtPlatform *platform = ut_catalog_lookup (cli->catalog, elsewhere[j]);

          g_string_append_printf (names, "%s%s", j > 0 ? ", " : "",
                                  platform != NULL ? ut_platform_get_short_name (platform) : elsewhere[j]);
        }
      if (names->len > 0)
        g_print (_("Account names saved on another computer but not here, for %s: %s\n"),
                 ut_profile_get_name (profile), names->str);
    }
  return EXIT_OK;
}

int
_ut_cli_sync (Cli *cli)
{
  g_autoptr(UtSync) sync = NULL;
  int status;

  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("the sync options take no arguments, but got “%s”"), cli->arguments[0]);
  if (cli->profile != NULL || cli->region != NULL)
    return _ut_cli_usage_error (_("sync covers every profile and takes no --profile or --region"));

  if ((status = load_sync (cli, &sync)) != EXIT_OK)
    return status;

  if (cli->sync_setup != NULL)
    return sync_set_up (cli, sync);
  if (cli->sync_stop)
    return sync_stop (sync);
  if (cli->sync_status)
    return sync_status (cli, sync);
  if (!ut_sync_is_set_up (sync))
    return _ut_cli_failure (_("Sync is not set up. Set it up with untrain --sync-setup=URL --user=NAME."));

  return run_sync (sync);
}
