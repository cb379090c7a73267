/* ut-cli.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ut-catalog-store.h"
#include "ut-catalog-updater.h"
#include "ut-catalog-validator.h"
#include "ut-catalog.h"
#include "ut-cli.h"
#include "ut-export.h"
#include "ut-identity-store.h"
#include "ut-json.h"
#include "ut-progress.h"
#include "ut-cli-private.h"


static void
cli_clear (Cli *cli)
{
  g_free (cli->region);
  g_free (cli->profile);
  g_free (cli->export);
  g_free (cli->output);
  g_free (cli->paper);
  g_free (cli->import);
  g_free (cli->sync_setup);
  g_free (cli->user);
  if (cli->recovery_code != NULL)
    explicit_bzero (cli->recovery_code, strlen (cli->recovery_code));
  g_free (cli->recovery_code);
  g_free (cli->letter);
  g_free (cli->request);
  g_free (cli->grounds);
  g_free (cli->grounds_file);
  g_free (cli->format);
  g_free (cli->name);
  g_free (cli->language);
  g_free (cli->regulator);
  g_free (cli->date);
  g_free (cli->channel);
  g_free (cli->kind);
  g_free (cli->url);
  g_strfreev (cli->arguments);
  g_clear_object (&cli->catalog);
  g_clear_object (&cli->progress);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cli, cli_clear)

G_GNUC_PRINTF (1, 2)
int
_ut_cli_usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("untrain: %s\n", message);

  return EXIT_USAGE;
}

int
_ut_cli_failure (const char *message)
{
  g_printerr ("untrain: %s\n", message);
  return EXIT_FAILED;
}

guint
_ut_cli_n_arguments (Cli *cli)
{
  return cli->arguments != NULL ? g_strv_length (cli->arguments) : 0;
}

/* "LinkedIn", "LinkedIn and Reddit", "LinkedIn, Reddit and X": platform names in a sentence. */
static char *
join_names (GPtrArray *names)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (names->len > 0, NULL);

  text = g_strdup (g_ptr_array_index (names, names->len - 1));
  for (guint i = names->len - 1; i > 0; i--)
    {
      g_autofree char *shorter = g_steal_pointer (&text);

      if (i == names->len - 1)
        /* Translators: the last two names of a list, such as “Reddit and X” */
        text = g_strdup_printf (_("%s and %s"), (char *) g_ptr_array_index (names, i - 1), shorter);
      else
        /* Translators: names of a list before its last two, such as “LinkedIn, Reddit and X” */
        text = g_strdup_printf (_("%s, %s"), (char *) g_ptr_array_index (names, i - 1), shorter);
    }

  return g_steal_pointer (&text);
}

int
_ut_cli_load_catalog (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) warning = NULL;

  cli->catalog = ut_catalog_load_newest (NULL, &warning, &error);
  if (warning != NULL)
    g_printerr ("untrain: %s\n", warning->message);
  if (cli->catalog == NULL)
    return _ut_cli_failure (error->message);

  return EXIT_OK;
}

int
_ut_cli_load_progress (Cli *cli)
{
  g_autoptr(GError) error = NULL;

  cli->progress = ut_progress_new (NULL);
  if (!ut_progress_load (cli->progress, &error))
    return _ut_cli_failure (error->message);
  if (ut_progress_get_recovery (cli->progress) != NULL)
    g_printerr ("untrain: %s\n", ut_progress_get_recovery (cli->progress)->message);

  return EXIT_OK;
}

int
_ut_cli_find_platform (Cli         *cli,
               const char  *id,
               UtPlatform **platform)
{
  *platform = ut_catalog_lookup (cli->catalog, id);
  if (*platform == NULL)
    return _ut_cli_usage_error (_("unknown platform “%s” (untrain --list shows them all)"), id);

  return EXIT_OK;
}

int
_ut_cli_find_profile (Cli        *cli,
              UtProfile **profile)
{
  if (cli->profile == NULL)
    *profile = ut_progress_get_default_profile (cli->progress);
  else if ((*profile = ut_progress_lookup_profile (cli->progress, cli->profile)) == NULL)
    return _ut_cli_usage_error (_("there is no profile called “%s”"), cli->profile);

  return EXIT_OK;
}

static int
cli_validate (Cli *cli)
{
  g_autoptr(UtCatalogValidator) validator = ut_catalog_validator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GPtrArray *problems;
  guint n_records = 0;

  if (_ut_cli_n_arguments (cli) == 0)
    return _ut_cli_usage_error (_("--validate-catalog needs at least one file"));

  /* A maintainer checks records on the day they review them: none may claim a later day. */
  ut_catalog_validator_set_today (validator, today);

  for (guint i = 0; cli->arguments[i] != NULL; i++)
    {
      JsonNode *root = ut_catalog_validator_check_file (validator, cli->arguments[i]);

      /* A bundle holds many records, as the validator tells them apart. */
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
          json_object_has_member (json_node_get_object (root), "platforms") &&
          json_object_has_member (json_node_get_object (root), "format"))
        {
          JsonNode *platforms = json_object_get_member (json_node_get_object (root), "platforms");

          if (JSON_NODE_HOLDS_ARRAY (platforms))
            n_records += json_array_get_length (json_node_get_array (platforms));
        }
      else
        n_records++;
      g_clear_pointer (&root, json_node_unref);
    }

  problems = ut_catalog_validator_get_problems (validator);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ut_problem_to_string (g_ptr_array_index (problems, i));

      g_print ("%s\n", line);
    }
  if (problems->len > 0)
    return EXIT_FAILED;

  g_print (ngettext ("%u record is valid.\n", "%u records are valid.\n", n_records), n_records);
  return EXIT_OK;
}

/* Pads @text with spaces to @width characters on the terminal: printf's widths count bytes, and a
 * translated header or a name may have letters of more than one byte. */
static void
print_padded (const char *text,
              guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  for (glong i = length; i < (glong) width; i++)
    g_print (" ");
}

/* One row of --list: id, name, status (as scripts read them, untranslated) and number of actions. */
static void
print_list_row (const char *id,
                const char *name,
                const char *status,
                const char *n_actions)
{
  print_padded (id, 20);
  g_print (" ");
  print_padded (name, 36);
  g_print (" ");
  print_padded (status, 15);
  g_print (" %s\n", n_actions);
}

static int
cli_list (Cli *cli)
{
  UtRegion region;
  int status;
  guint n;

  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("--list takes no arguments, but got “%s”"), cli->arguments[0]);

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK)
    return status;

  if (cli->region != NULL)
    {
      if (!ut_region_from_code (cli->region, &region))
        return _ut_cli_usage_error (_("unknown region “%s” (allowed: US, EU, CH, UK, OTHER)"), cli->region);
    }
  else
    {
      UtProfile *profile;

      if ((status = _ut_cli_load_progress (cli)) != EXIT_OK || (status = _ut_cli_find_profile (cli, &profile)) != EXIT_OK)
        return status;
      region = ut_profile_get_region (profile);
    }

  g_print (_("Region: %s (%s)\n"), ut_region_get_display_name (region), ut_region_to_code (region));
  /* Translators: the column headers of untrain --list; the values below them stay in English */
  print_list_row (C_("column", "ID"), C_("column", "Name"), C_("column", "Status"), C_("column", "Actions"));
  n = g_list_model_get_n_items (G_LIST_MODEL (cli->catalog));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (cli->catalog), i);
      const UtRegionOffer *offer = ut_platform_get_offer (platform, region);
      g_autofree char *n_actions = g_strdup_printf ("%u", offer->actions->len);

      print_list_row (ut_platform_get_id (platform), ut_platform_get_name (platform),
                      ut_offer_status_to_string (offer->status), n_actions);
    }

  return EXIT_OK;
}

static const char *
platform_state_to_string (UtPlatformState state)
{
  switch (state)
    {
    case UT_PLATFORM_STATE_CHANGED:
      return _("changed");
    case UT_PLATFORM_STATE_RECHECK_DUE:
      return _("re-check");
    case UT_PLATFORM_STATE_TODO:
      return _("to do");
    case UT_PLATFORM_STATE_DONE:
      return _("done");
    case UT_PLATFORM_STATE_NOTHING_TO_DO:
      return _("nothing to do");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
print_changes_since (UtPlatform *platform,
                     guint       finished_revision)
{
  for (guint i = 0; i < ut_platform_get_n_changes (platform); i++)
    {
      const UtChange *change = ut_platform_get_change (platform, i);

      if (change->revision > finished_revision)
        g_print ("  %s %s: %s\n", _("Changed since you finished:"), change->date, change->summary);
    }
}

static int
cli_status (Cli *cli)
{
  const char * const *platforms;
  UtPlatformProgress total;
  UtProfile *profile;
  int status;

  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("--status takes no arguments, but got “%s”"), cli->arguments[0]);

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK ||
      (status = _ut_cli_load_progress (cli)) != EXIT_OK ||
      (status = _ut_cli_find_profile (cli, &profile)) != EXIT_OK)
    return status;

  ut_progress_get_profile_progress (cli->progress, cli->catalog, profile, &total, NULL);

  g_print (_("Profile: %s (region %s%s)\n"), ut_profile_get_name (profile),
           ut_region_to_code (ut_profile_get_region (profile)),
           ut_profile_get_region_confirmed (profile) ? "" : _(", guessed"));
  g_print (ngettext ("%u of %u action done\n", "%u of %u actions done\n", total.n_actions),
           total.n_done, total.n_actions);

  platforms = ut_profile_get_platforms (profile);
  for (guint i = 0; platforms[i] != NULL; i++)
    {
      UtPlatform *platform = ut_catalog_lookup (cli->catalog, platforms[i]);
      const UtRegionOffer *offer;
      UtPlatformProgress progress;

      if (platform == NULL)
        {
          g_print ("%-20s %s\n", platforms[i], _("no longer in the catalog"));
          continue;
        }

      ut_progress_get_platform_progress (cli->progress, profile, platform, &progress);
      g_print ("%-20s %-14s %u/%u\n", ut_platform_get_id (platform),
               platform_state_to_string (progress.state), progress.n_done, progress.n_actions);

      offer = ut_platform_get_offer (platform, ut_profile_get_region (profile));
      for (guint j = 0; j < offer->actions->len; j++)
        {
          UtAction *action = g_ptr_array_index (offer->actions, j);
          const UtRecord *record = ut_profile_lookup_record (profile, ut_platform_get_id (platform),
                                                             ut_action_get_id (action));
          UtRecordFlags flags = ut_progress_get_record_flags (cli->progress, profile, platform, action);

          g_print ("  %-26s %s%s%s\n", ut_action_get_id (action),
                   ut_action_state_to_string (record != NULL ? record->state : UT_ACTION_STATE_TODO),
                   (flags & UT_RECORD_FLAGS_NEEDS_REVIEW) ? _(", changed since you finished") : "",
                   (flags & UT_RECORD_FLAGS_RECHECK_DUE) ? _(", re-check due") : "");
        }
      if (progress.state == UT_PLATFORM_STATE_CHANGED)
        print_changes_since (platform, ut_progress_get_finished_revision (cli->progress, profile, platform));
    }
  _ut_cli_print_requests (cli, profile);

  return EXIT_OK;
}

/* The profile named by --profile, created (with --region or a guessed region) if it is new. */
static int
find_or_add_profile (Cli        *cli,
                     UtProfile **profile,
                     gboolean   *created)
{
  g_autoptr(GError) error = NULL;
  UtRegion region;

  if (created != NULL)
    *created = FALSE;
  if (cli->profile == NULL || (*profile = ut_progress_lookup_profile (cli->progress, cli->profile)) != NULL)
    return _ut_cli_find_profile (cli, profile);

  if (cli->region == NULL)
    region = ut_region_guess_from_environment ();
  else if (!ut_region_from_code (cli->region, &region))
    return _ut_cli_usage_error (_("unknown region “%s” (allowed: US, EU, CH, UK, OTHER)"), cli->region);

  *profile = ut_progress_add_profile (cli->progress, cli->profile, region, &error);
  if (*profile == NULL)
    return error->domain == UT_PROGRESS_ERROR && error->code == UT_PROGRESS_ERROR_INVALID
           ? _ut_cli_usage_error ("%s", error->message) : _ut_cli_failure (error->message);

  if (created != NULL)
    *created = TRUE;
  return EXIT_OK;
}

/* What --use did, in one line: "Added LinkedIn and Reddit to profile Me." */
static void
print_use_summary (UtProfile *profile,
                   GPtrArray *added,
                   GPtrArray *already,
                   gboolean   created)
{
  const char *profile_name = ut_profile_get_name (profile);
  g_autofree char *added_names = added->len > 0 ? join_names (added) : NULL;
  g_autofree char *already_names = already->len > 0 ? join_names (already) : NULL;

  if (created)
    /* Translators: “Created profile Anna and added LinkedIn and Reddit to it.” */
    g_print (_("Created profile %s and added %s to it.\n"), profile_name, added_names);
  else if (already->len == 0)
    /* Translators: “Added LinkedIn and Reddit to profile Me.” */
    g_print (_("Added %s to profile %s.\n"), added_names, profile_name);
  else if (added->len == 0)
    /* Translators: the first %s is one or more platform names, the second a profile's name */
    g_print (ngettext ("Nothing to add: %s is already in profile %s.\n",
                       "Nothing to add: %s are already in profile %s.\n", already->len),
             already_names, profile_name);
  else
    {
      /* Translators: “Added LinkedIn to profile Me.”; a sentence about the platforms that were
       * already there follows on the same line */
      g_autofree char *first = g_strdup_printf (_("Added %s to profile %s."), added_names, profile_name);
      /* Translators: %s is one or more platform names, such as “Reddit and X” */
      g_autofree char *second = g_strdup_printf (ngettext ("%s was already in it.", "%s were already in it.",
                                                           already->len),
                                                 already_names);

      g_print ("%s %s\n", first, second);
    }
}

static int
cli_use (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) already = g_ptr_array_new ();
  UtProfile *profile;
  gboolean created;
  int status;

  if (_ut_cli_n_arguments (cli) == 0)
    return _ut_cli_usage_error (_("--use needs at least one platform"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK)
    return status;

  /* Check every name before changing anything. */
  for (guint i = 0; cli->arguments[i] != NULL; i++)
    {
      UtPlatform *platform;

      if ((status = _ut_cli_find_platform (cli, cli->arguments[i], &platform)) != EXIT_OK)
        return status;
      /* A platform named twice (or by two of its names) is added once. */
      if (!g_ptr_array_find_with_equal_func (ids, ut_platform_get_id (platform), g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) ut_platform_get_id (platform));
    }

  if ((status = _ut_cli_load_progress (cli)) != EXIT_OK ||
      (status = find_or_add_profile (cli, &profile, &created)) != EXIT_OK)
    return status;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *name = ut_platform_get_short_name (ut_catalog_lookup (cli->catalog, id));

      g_ptr_array_add (ut_profile_uses_platform (profile, id) ? already : added, (gpointer) name);
    }

  if (!ut_progress_set_platforms_used (cli->progress, profile, (const char * const *) ids->pdata, TRUE, &error))
    return _ut_cli_failure (error->message);

  print_use_summary (profile, added, already, created);
  return EXIT_OK;
}

static int
cli_mark (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  UtPlatform *platform;
  UtProfile *profile;
  UtActionState state;
  int status;

  if (_ut_cli_n_arguments (cli) != 3)
    return _ut_cli_usage_error (_("--mark needs a platform, an action and one of done, skipped, not-applicable, todo"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK ||
      (status = _ut_cli_find_platform (cli, cli->arguments[0], &platform)) != EXIT_OK)
    return status;

  if (ut_platform_lookup_action (platform, cli->arguments[1]) == NULL)
    {
      g_autoptr(GString) actions = g_string_new (NULL);

      for (guint i = 0; i < ut_platform_get_n_actions (platform); i++)
        g_string_append_printf (actions, "%s%s", i > 0 ? ", " : "",
                                ut_action_get_id (ut_platform_get_action (platform, i)));
      return _ut_cli_usage_error (_("%s has no action “%s” (actions: %s)"), ut_platform_get_id (platform),
                          cli->arguments[1], actions->str);
    }

  if (!ut_action_state_from_string (cli->arguments[2], &state))
    return _ut_cli_usage_error (_("unknown state “%s” (allowed: done, skipped, not-applicable, todo)"), cli->arguments[2]);

  if ((status = _ut_cli_load_progress (cli)) != EXIT_OK || (status = find_or_add_profile (cli, &profile, NULL)) != EXIT_OK)
    return status;

  if (!ut_progress_set_state (cli->progress, profile, platform, cli->arguments[1], state, &error))
    return _ut_cli_failure (error->message);

  return EXIT_OK;
}

static const char *
keyring_locked_message (void)
{
  return _("Your keyring is locked, so Untrain cannot use the account names you saved. Unlock it and try again.");
}

/* Whether the keyring holds an account for @platform that it would not give: it is locked. */
static gboolean
identity_is_locked (UtIdentityStore *store,
                    UtProfile       *profile,
                    UtPlatform      *platform)
{
  g_auto(GStrv) platforms = ut_identity_store_list_sync (store, ut_profile_get_id (profile), NULL, NULL);

  return platforms != NULL && g_strv_contains ((const char * const *) platforms, ut_platform_get_id (platform));
}

/* Account identities: the keyring only, never the terminal's history of files. */
static int
cli_identity (Cli *cli)
{
  g_autoptr(UtIdentityStore) store = ut_identity_store_new ();
  g_autoptr(GError) error = NULL;
  UtPlatform *platform;
  UtProfile *profile;
  guint expected = cli->identity_set ? 2 : 1;
  int status;

  if (_ut_cli_n_arguments (cli) != expected)
    return _ut_cli_usage_error (cli->identity_set ? _("--identity-set needs a platform and a value")
                                          : _("--identity-get and --identity-clear need a platform"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK ||
      (status = _ut_cli_find_platform (cli, cli->arguments[0], &platform)) != EXIT_OK ||
      (status = _ut_cli_load_progress (cli)) != EXIT_OK ||
      (status = _ut_cli_find_profile (cli, &profile)) != EXIT_OK)
    return status;

  if (cli->identity_set)
    {
      if (!g_utf8_validate (cli->arguments[1], -1, NULL) || *cli->arguments[1] == '\0')
        return _ut_cli_usage_error (_("the value must be non-empty UTF-8 text"));
      if (!ut_identity_store_store_sync (store, ut_profile_get_id (profile), ut_platform_get_id (platform),
                                         cli->arguments[1], NULL, &error))
        return _ut_cli_failure (error->message);
    }
  else if (cli->identity_get)
    {
      g_autofree char *value = ut_identity_store_lookup_sync (store, ut_profile_get_id (profile),
                                                              ut_platform_get_id (platform), NULL, &error);

      if (error != NULL)
        return _ut_cli_failure (error->message);
      /* A locked keyring that stays locked (its unlock prompt dismissed, or none can be shown)
       * answers a lookup with nothing at all; its items are still listed, without their values. */
      if (value == NULL && identity_is_locked (store, profile, platform))
        return _ut_cli_failure (keyring_locked_message ());
      if (value == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("no account is saved for %s in profile %s"),
                                                      ut_platform_get_name (platform), ut_profile_get_name (profile));
          return _ut_cli_failure (message);
        }
      g_print ("%s\n", value);
    }
  else if (!ut_identity_store_delete_sync (store, ut_profile_get_id (profile), ut_platform_get_id (platform),
                                           NULL, &error))
    return _ut_cli_failure (error->message);
  /* A locked keyring deletes nothing and says nothing: the item is still listed. */
  else if (identity_is_locked (store, profile, platform))
    return _ut_cli_failure (keyring_locked_message ());

  return EXIT_OK;
}

static int
cli_export (Cli *cli)
{
  UtExportOptions options = { NULL, UT_EXPORT_PAPER_DEFAULT, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  UtExportFormat format;
  UtProfile *profile = NULL;
  const char *data;
  gsize length;
  int status;

  if (!ut_export_format_from_string (cli->export, &format))
    return _ut_cli_usage_error (_("unknown export format “%s” (allowed: md, csv, json, ics, pdf)"), cli->export);
  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("--export takes no arguments, but got “%s”"), cli->arguments[0]);
  if (cli->paper != NULL && format != UT_EXPORT_FORMAT_PDF)
    return _ut_cli_usage_error (_("--paper goes with --export=pdf"));
  if (cli->paper != NULL && !ut_export_paper_from_string (cli->paper, &options.paper))
    return _ut_cli_usage_error (_("unknown paper size “%s” (allowed: a4, letter)"), cli->paper);
  if (!ut_export_format_is_text (format) && cli->output == NULL)
    return _ut_cli_usage_error (_("a PDF cannot be written to the terminal: add --output=FILE"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK || (status = _ut_cli_load_progress (cli)) != EXIT_OK)
    return status;

  /* A backup holds every profile unless one is named; a checklist is one person's. */
  if ((format != UT_EXPORT_FORMAT_JSON || cli->profile != NULL) &&
      (status = _ut_cli_find_profile (cli, &profile)) != EXIT_OK)
    return status;

  if (cli->output != NULL)
    {
      if (!ut_export_to_file (format, cli->catalog, cli->progress, profile, &options, cli->output, &error))
        return _ut_cli_failure (error->message);
      return EXIT_OK;
    }

  if ((bytes = ut_export (format, cli->catalog, cli->progress, profile, &options, &error)) == NULL)
    return _ut_cli_failure (error->message);

  data = g_bytes_get_data (bytes, &length);
  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    return _ut_cli_failure (_("Could not write to the standard output."));

  return EXIT_OK;
}

static int
cli_import (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint added, updated;
  int status;

  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("--import takes one file, but also got “%s”"), cli->arguments[0]);
  if (cli->profile != NULL || cli->region != NULL)
    return _ut_cli_usage_error (_("--import merges the whole backup and takes no --profile or --region"));

  /* Read no further than a backup can be: --import /dev/zero must not fill memory. */
  if ((bytes = ut_read_file_limited (cli->import, UT_PROGRESS_MAX_SIZE, &error)) == NULL)
    return _ut_cli_failure (error->message);

  if ((status = _ut_cli_load_progress (cli)) != EXIT_OK)
    return status;

  if (!ut_progress_import (cli->progress, bytes, &added, &updated, &error))
    return _ut_cli_failure (error->message);

  g_print (ngettext ("Imported %u new record and updated %u.\n",
                     "Imported %u new records and updated %u.\n", added), added, updated);
  return EXIT_OK;
}

/* The address the app checks, from its settings. GSettings is GIO's, so the core can read it
 * without GTK; the schema is the one the app installs. */
static int
configured_catalog_url (char **url)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "catalog-url"))
    return _ut_cli_failure (_("Untrain’s settings are not installed, so there is no catalog update "
                      "address to read: give one with --url=URL."));

  settings = g_settings_new_full (schema, NULL, NULL);
  *url = g_strstrip (g_settings_get_string (settings, "catalog-url"));
  if (**url == '\0')
    return _ut_cli_failure (_("No catalog update address is set: give one with --url=URL, or set one in "
                      "Untrain’s Preferences."));

  return EXIT_OK;
}

static int
cli_update_catalog (Cli *cli)
{
  g_autoptr(UtCatalog) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *sentence = NULL;
  UtCatalogUpdateResult result;
  UtCatalog *in_use;
  int status;

  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("--update-catalog takes no arguments, but got “%s”"), cli->arguments[0]);
  if (cli->profile != NULL || cli->region != NULL)
    return _ut_cli_usage_error (_("--update-catalog takes no --profile or --region"));
  if (cli->url != NULL && *g_strstrip (cli->url) == '\0')
    return _ut_cli_usage_error (_("--url needs an address"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK)
    return status;
  if (cli->url != NULL)
    url = g_strdup (cli->url);
  else if ((status = configured_catalog_url (&url)) != EXIT_OK)
    return status;

  /* The same check as the app's, with the same rules, signature and limits. */
  result = ut_catalog_update_sync (NULL, url, cli->catalog, UT_CATALOG_UPDATER_DEFAULT_TIMEOUT,
                                   &installed, &error);
  if (result == UT_CATALOG_UPDATE_FAILED)
    return _ut_cli_failure (error->message);

  in_use = installed != NULL ? installed : cli->catalog;
  sentence = ut_catalog_update_describe (result, ut_catalog_get_version (in_use));
  g_print ("%s\n", sentence);
  return EXIT_OK;
}

static int
cli_version (Cli *cli)
{
  int status;

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK)
    return status;

  g_print ("untrain %s (catalog %" G_GINT64_FORMAT ")\n", PACKAGE_VERSION, ut_catalog_get_version (cli->catalog));
  return EXIT_OK;
}

/**
 * ut_cli_run:
 *
 * Runs the command-line operations. GApplication's own option parsing would exit with 1 and
 * several lines on a bad option; scripts need one line and a distinct status, so Untrain parses
 * them itself before the application starts.
 *
 * Returns: the exit status, or %UT_CLI_NOT_HANDLED if @argv asks for no operation and the app
 *   should start.
 */
int
ut_cli_run (char **argv)
{
  g_auto(Cli) cli = { 0 };
  gboolean gapplication_service = FALSE;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &cli.list, N_("List the platforms and what each offers in a region"), NULL },
    { "region", 0, 0, G_OPTION_ARG_STRING, &cli.region, N_("Region for --list, or of a new profile"), "US|EU|CH|UK|OTHER" },
    { "status", 0, 0, G_OPTION_ARG_NONE, &cli.status, N_("Show a profile's progress"), NULL },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &cli.profile, N_("The profile to use (default: the first)"), N_("NAME") },
    { "validate-catalog", 0, 0, G_OPTION_ARG_NONE, &cli.validate, N_("Check catalog records or bundles and print each problem"), NULL },
    { "use", 0, 0, G_OPTION_ARG_NONE, &cli.use, N_("Add platforms to a profile (creates the profile if new)"), NULL },
    { "mark", 0, 0, G_OPTION_ARG_NONE, &cli.mark, N_("Record an action: PLATFORM ACTION done|skipped|not-applicable|todo"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli.version, N_("Show the version"), NULL },
    { "identity-set", 0, 0, G_OPTION_ARG_NONE, &cli.identity_set, N_("Save your account e-mail or handle for PLATFORM in the keyring: PLATFORM VALUE"), NULL },
    { "identity-get", 0, 0, G_OPTION_ARG_NONE, &cli.identity_get, N_("Print the account saved for PLATFORM"), NULL },
    { "identity-clear", 0, 0, G_OPTION_ARG_NONE, &cli.identity_clear, N_("Remove the account saved for PLATFORM from the keyring"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, &cli.export, N_("Export a checklist of a profile, or a backup of all profiles (json)"), "md|csv|json|ics|pdf" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &cli.output, N_("The file --export writes (default: the terminal)"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &cli.paper, N_("Paper size for --export=pdf (default: the locale’s)"), "a4|letter" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &cli.import, N_("Merge a JSON backup into your progress, keeping the newer of each record"), N_("FILE") },
    { "update-catalog", 0, 0, G_OPTION_ARG_NONE, &cli.update_catalog, N_("Check for a newer catalog now and install it if it is signed and valid"), NULL },
    { "url", 0, 0, G_OPTION_ARG_STRING, &cli.url, N_("The address --update-catalog checks (default: the one set in Preferences)"), N_("URL") },
    { "letter", 0, 0, G_OPTION_ARG_STRING, &cli.letter, N_("Write an objection to PLATFORM under your region’s law"), N_("PLATFORM") },
    { "grounds", 0, 0, G_OPTION_ARG_STRING, &cli.grounds, N_("Your grounds for --letter, in your own words"), N_("TEXT") },
    { "grounds-file", 0, 0, G_OPTION_ARG_FILENAME, &cli.grounds_file, N_("Read your grounds for --letter from FILE"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli.format, N_("The form --letter writes (default: txt)"), "txt|eml|pdf" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &cli.name, N_("The name --letter is signed with (default: your user name)"), N_("NAME") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &cli.language, N_("The language of --letter (default: yours)"), "en|de|fr" },
    { "with-identity", 0, 0, G_OPTION_ARG_NONE, &cli.with_identity, N_("Name your account for PLATFORM, from the keyring, in --letter"), NULL },
    { "regulator", 0, 0, G_OPTION_ARG_STRING, &cli.regulator, N_("The id of your data-protection authority, for --letter (for example fr or de-by; Preferences lists them)"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &cli.kind, N_("What --letter writes: the objection, a reminder or a complaint (default: objection)"), "objection|reminder|complaint" },
    { "request", 0, 0, G_OPTION_ARG_STRING, &cli.request, N_("Record what happened to your request to PLATFORM: sent|extended|reminded|answered|refused|escalated"), N_("PLATFORM") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &cli.date, N_("The day for --request (default: today)"), "YYYY-MM-DD" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &cli.channel, N_("How a request was sent, for --request"), "email|form|post" },
    { "sync-setup", 0, 0, G_OPTION_ARG_STRING, &cli.sync_setup, N_("Sync progress through your WebDAV storage (Nextcloud and the like): the folder’s https address; the app password is asked for"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &cli.user, N_("Your user name on the storage, for --sync-setup"), N_("NAME") },
    { "recovery-code", 0, 0, G_OPTION_ARG_STRING, &cli.recovery_code, N_("Join the computers that already sync, with the recovery code the first one showed, for --sync-setup"), N_("CODE") },
    { "sync", 0, 0, G_OPTION_ARG_NONE, &cli.sync, N_("Sync progress now"), NULL },
    { "sync-status", 0, 0, G_OPTION_ARG_NONE, &cli.sync_status, N_("Show when progress last synced, and any problem"), NULL },
    { "sync-stop", 0, 0, G_OPTION_ARG_NONE, &cli.sync_stop, N_("Stop syncing on this computer (progress stays)"), NULL },
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &gapplication_service, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &cli.arguments, NULL, N_("[FILE…|PLATFORM…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  guint n_operations;

  /* GOptionContext rearranges the array it parses; work on a copy so GApplication gets the
   * original when the app starts. */
  args = g_strdupv (argv);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Keep your data out of AI training, platform by platform."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse_strv (context, &args, &error))
    return _ut_cli_usage_error ("%s", error->message);

  n_operations = cli.list + cli.status + cli.validate + cli.use + cli.mark + cli.version +
                 cli.identity_set + cli.identity_get + cli.identity_clear + cli.update_catalog +
                 cli.sync + cli.sync_status + cli.sync_stop;
  n_operations += (cli.export != NULL) + (cli.import != NULL) + (cli.letter != NULL) + (cli.request != NULL) +
                  (cli.sync_setup != NULL);
  if (n_operations > 1)
    return _ut_cli_usage_error (_("choose only one operation (see untrain --help)"));

  if ((cli.output != NULL || cli.paper != NULL) && cli.export == NULL && cli.letter == NULL)
    return _ut_cli_usage_error (_("--output and --paper go with --export or --letter"));
  if ((cli.grounds != NULL || cli.grounds_file != NULL || cli.format != NULL || cli.name != NULL ||
       cli.language != NULL || cli.with_identity || cli.regulator != NULL || cli.kind != NULL) && cli.letter == NULL)
    return _ut_cli_usage_error (_("--grounds, --grounds-file, --format, --name, --language, --with-identity, --regulator and --kind go with --letter"));
  if ((cli.date != NULL || cli.channel != NULL) && cli.request == NULL)
    return _ut_cli_usage_error (_("--date and --channel go with --request"));
  if ((cli.user != NULL || cli.recovery_code != NULL) && cli.sync_setup == NULL)
    return _ut_cli_usage_error (_("--user and --recovery-code go with --sync-setup"));
  if (cli.url != NULL && !cli.update_catalog)
    return _ut_cli_usage_error (_("--url goes with --update-catalog"));

  if (n_operations == 0)
    {
      if (cli.region != NULL || cli.profile != NULL)
        return _ut_cli_usage_error (_("--region and --profile go with --list, --status, --use or --mark"));
      if (_ut_cli_n_arguments (&cli) > 0 && !gapplication_service)
        return _ut_cli_usage_error (_("unexpected argument “%s” (see untrain --help)"), cli.arguments[0]);
      return UT_CLI_NOT_HANDLED;
    }

  if (cli.version)
    return cli_version (&cli);
  if (cli.identity_set || cli.identity_get || cli.identity_clear)
    return cli_identity (&cli);
  if (cli.export != NULL)
    return cli_export (&cli);
  if (cli.import != NULL)
    return cli_import (&cli);
  if (cli.update_catalog)
    return cli_update_catalog (&cli);
  if (cli.letter != NULL)
    return _ut_cli_letter (&cli);
  if (cli.request != NULL)
    return _ut_cli_request (&cli);
  if (cli.sync_setup != NULL || cli.sync || cli.sync_status || cli.sync_stop)
    return _ut_cli_sync (&cli);
  if (cli.validate)
    return cli_validate (&cli);
  if (cli.list)
    return cli_list (&cli);
  if (cli.status)
    return cli_status (&cli);
  if (cli.use)
    return cli_use (&cli);
  return cli_mark (&cli);
}
