/* ut-cli-letter.c — --letter, --request and the requests in --status
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ut-cli-private.h"
#include "ut-identity-store.h"
#include "ut-json.h"
#include "ut-legal.h"
#include "ut-letter.h"
#include "ut-util.h"

#define MAX_GROUNDS_SIZE (64 * 1024)

/* The regulator: --regulator, the one set in Preferences, or the region's only one. */
static const UtRegulator *
choose_regulator (Cli      *cli,
                  UtLegal  *legal,
                  UtRegion  region,
                  gboolean *unknown)
{
  g_autofree char *configured = NULL;
  const char *id = cli->regulator;

  *unknown = FALSE;
  if (id == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;

      if (schema != NULL && g_settings_schema_has_key (schema, "regulator"))
        {
          g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

          configured = g_settings_get_string (settings, "regulator");
          id = *configured != '\0' ? configured : NULL;
        }
    }
  if (id != NULL)
    {
      for (guint i = 0; i < ut_legal_get_n_regulators (legal); i++)
        if (g_str_equal (ut_legal_get_regulator (legal, i)->id, id))
          return ut_legal_get_regulator (legal, i);
      *unknown = cli->regulator != NULL;
      return NULL;
    }
  if (region == UT_REGION_CH)
    return ut_legal_find_regulator (legal, "CH", NULL);
  if (region == UT_REGION_UK)
    return ut_legal_find_regulator (legal, "GB", NULL);
  return NULL;
}

static GDate *
parse_day (const char *text)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, text);
  return date;
}

static char *
read_grounds (Cli     *cli,
              int     *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  *status = EXIT_OK;
  if (cli->grounds != NULL)
    return g_strstrip (g_strdup (cli->grounds));
  if (cli->grounds_file == NULL)
    return NULL;

  if ((bytes = ut_read_file_limited (cli->grounds_file, MAX_GROUNDS_SIZE, &error)) == NULL)
    {
      *status = _ut_cli_failure (error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s is not text (UTF-8)."), cli->grounds_file);

      *status = _ut_cli_failure (message);
      return NULL;
    }
  return g_strstrip (g_strndup (data, length));
}

/* --letter PLATFORM: the objection, or with --kind a reminder or a complaint, on standard
 * output or in --output. */
int
_ut_cli_letter (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLegal) legal = NULL;
  g_autoptr(UtLetter) letter = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) sent_day = NULL;
  g_autoptr(GDate) due = NULL;
  g_autofree char *grounds = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) output = NULL;
  UtLetterInput input = { UT_LETTER_OBJECTION };
  UtPlatform *platform;
  UtProfile *profile;
  UtExportPaper paper = UT_EXPORT_PAPER_DEFAULT;
  const UtRequest *request;
  const char *format = cli->format != NULL ? cli->format : "txt";
  gboolean unknown_regulator;
  int status;

  if (_ut_cli_n_arguments (cli) > 0)
    return _ut_cli_usage_error (_("--letter takes no other arguments, but got “%s”"), cli->arguments[0]);
  if (!g_str_equal (format, "txt") && !g_str_equal (format, "eml") && !g_str_equal (format, "pdf"))
    return _ut_cli_usage_error (_("“%s” is not a letter format (use txt, eml or pdf)"), format);
  if (g_str_equal (format, "pdf") && cli->output == NULL)
    return _ut_cli_usage_error (_("a PDF letter needs --output=FILE"));
  if (cli->paper != NULL && !ut_export_paper_from_string (cli->paper, &paper))
    return _ut_cli_usage_error (_("“%s” is not a paper size (use a4 or letter)"), cli->paper);
  if (cli->language != NULL && !ut_legal_language_from_string (cli->language, &input.language))
    return _ut_cli_usage_error (_("“%s” is not a language letters are written in (use en, de or fr)"), cli->language);
  if (cli->language == NULL)
    input.language = ut_legal_language_for_locale ();
  if (cli->kind != NULL && g_str_equal (cli->kind, "reminder"))
    input.kind = UT_LETTER_REMINDER;
  else if (cli->kind != NULL && g_str_equal (cli->kind, "complaint"))
    input.kind = UT_LETTER_COMPLAINT;
  else if (cli->kind != NULL && !g_str_equal (cli->kind, "objection"))
    return _ut_cli_usage_error (_("“%s” is not a kind of letter (use objection, reminder or complaint)"), cli->kind);
  if (cli->grounds != NULL && cli->grounds_file != NULL)
    return _ut_cli_usage_error (_("give --grounds or --grounds-file, not both"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK ||
      (status = _ut_cli_find_platform (cli, cli->letter, &platform)) != EXIT_OK ||
      (status = _ut_cli_load_progress (cli)) != EXIT_OK ||
      (status = _ut_cli_find_profile (cli, &profile)) != EXIT_OK)
    return status;
  if ((legal = ut_legal_load_bundled (&error)) == NULL)
    return _ut_cli_failure (error->message);
  if ((grounds = read_grounds (cli, &status)) == NULL && status != EXIT_OK)
    return status;

  today = ut_progress_get_today (cli->progress);
  input.platform = platform;
  input.rights = ut_legal_get_rights (legal, ut_profile_get_region (profile));
  input.regulator = choose_regulator (cli, legal, ut_profile_get_region (profile), &unknown_regulator);
  if (unknown_regulator)
    return _ut_cli_usage_error (_("no regulator “%s” in Untrain’s directory"), cli->regulator);
  name = g_strdup (cli->name != NULL ? cli->name
                   : g_strcmp0 (g_get_real_name (), "Unknown") != 0 ? g_get_real_name () : g_get_user_name ());
  input.name = name;
  input.grounds = grounds;
  input.date = today;

  /* A reminder or a complaint follows a request that was sent, under that request's law. */
  request = ut_profile_lookup_request (profile, ut_platform_get_id (platform));
  if (input.kind != UT_LETTER_OBJECTION)
    {
      const UtRequestEvent *sent = request != NULL ? ut_request_find_event (request, UT_REQUEST_EVENT_SENT) : NULL;

      if (sent == NULL)
        return _ut_cli_failure (_("No request to this platform has been recorded as sent; record it first with "
                                  "--request PLATFORM sent."));
      input.rights = ut_legal_get_rights (legal, request->region);
      ut_request_get_state (request, input.rights, today, &due);
      sent_day = parse_day (sent->date);
      input.sent = sent_day;
      input.due = due;
      input.refused = ut_request_find_event (request, UT_REQUEST_EVENT_REFUSED) != NULL;
    }

  if (cli->with_identity)
    {
      g_autoptr(UtIdentityStore) store = ut_identity_store_new ();

      identity = ut_identity_store_lookup_sync (store, ut_profile_get_id (profile), ut_platform_get_id (platform), NULL, &error);
      if (identity == NULL)
        return _ut_cli_failure (error != NULL ? error->message
                                              : _("No account is saved for this platform; save one with --identity-set."));
      input.identity = identity;
    }

  if ((letter = ut_letter_new (&input, &error)) == NULL)
    return _ut_cli_failure (error->message);

  if (g_str_equal (format, "pdf"))
    output = ut_letter_to_pdf (letter, paper, &error);
  else
    {
      g_autoptr(GDateTime) now = ut_progress_now (cli->progress);
      char *text = g_str_equal (format, "eml") ? ut_letter_to_eml (letter, now) : ut_letter_to_text (letter);

      output = g_bytes_new_take (text, strlen (text));
    }
  if (output == NULL)
    return _ut_cli_failure (error->message);

  if (cli->output == NULL)
    {
      fwrite (g_bytes_get_data (output, NULL), 1, g_bytes_get_size (output), stdout);
      return EXIT_OK;
    }
  if (!ut_write_file_atomic (cli->output, g_bytes_get_data (output, NULL), g_bytes_get_size (output), 0600, &error))
    return _ut_cli_failure (error->message);

  if (ut_letter_get_recipient (letter) != NULL)
    g_printerr (_("Wrote %s. Send it to %s, then record it with: untrain --request %s sent\n"), cli->output,
                ut_letter_get_recipient (letter), ut_platform_get_id (platform));
  else if (input.kind == UT_LETTER_OBJECTION && ut_platform_get_contact_form (platform) != NULL)
    g_printerr (_("Wrote %s. Send it through %s, then record it with: untrain --request %s sent\n"), cli->output,
                ut_platform_get_contact_form (platform), ut_platform_get_id (platform));
  else
    g_printerr (_("Wrote %s.\n"), cli->output);
  return EXIT_OK;
}

/* --request PLATFORM EVENT: what happened to a request. */
int
_ut_cli_request (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UtLegal) legal = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *due_text = NULL;
  UtRequestEventKind kind;
  UtPlatform *platform;
  UtProfile *profile;
  const UtRequest *request;
  int status;

  if (_ut_cli_n_arguments (cli) != 1 || !ut_request_event_kind_from_string (cli->arguments[0], &kind))
    return _ut_cli_usage_error (_("--request needs what happened: sent, extended, reminded, answered, refused or escalated"));

  if ((status = _ut_cli_load_catalog (cli)) != EXIT_OK ||
      (status = _ut_cli_find_platform (cli, cli->request, &platform)) != EXIT_OK ||
      (status = _ut_cli_load_progress (cli)) != EXIT_OK ||
      (status = _ut_cli_find_profile (cli, &profile)) != EXIT_OK)
    return status;
  if (!ut_progress_add_request_event (cli->progress, profile, ut_platform_get_id (platform), kind,
                                      cli->date, cli->channel, &error))
    return _ut_cli_failure (error->message);
  if ((legal = ut_legal_load_bundled (&error)) == NULL)
    return _ut_cli_failure (error->message);

  request = ut_profile_lookup_request (profile, ut_platform_get_id (platform));
  today = ut_progress_get_today (cli->progress);
  due_text = ut_request_describe_due (request, ut_legal_get_rights (legal, request->region), today);
  /* Translators: after --request, e.g. "Recorded for Claude: sent on 2026-11-30. Answer due in 30 days." */
  g_print (_("Recorded for %s: %s on %s."), ut_platform_get_short_name (platform), cli->arguments[0],
           g_array_index (request->events, UtRequestEvent, request->events->len - 1).date);
  if (due_text != NULL)
    g_print (" %s.", due_text);
  g_print ("\n");
  return EXIT_OK;
}

static const char *
state_to_string (UtRequestState state)
{
  switch (state)
    {
    case UT_REQUEST_STATE_OPEN:
      return "open";
    case UT_REQUEST_STATE_OVERDUE:
      return "overdue";
    case UT_REQUEST_STATE_ANSWERED:
      return "answered";
    case UT_REQUEST_STATE_REFUSED:
      return "refused";
    case UT_REQUEST_STATE_ESCALATED:
      return "escalated";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The requests part of --status: each with its state and, while open, its due date. */
void
_ut_cli_print_requests (Cli       *cli,
                        UtProfile *profile)
{
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (profile);
  g_autoptr(UtLegal) legal = NULL;
  g_autoptr(GDate) today = NULL;

  if (requests->len == 0 || (legal = ut_legal_load_bundled (NULL)) == NULL)
    return;

  today = ut_progress_get_today (cli->progress);
  g_print ("%s\n", _("Requests:"));
  for (guint i = 0; i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);
      const UtLegalRights *rights = ut_legal_get_rights (legal, request->region);
      const UtRequestEvent *sent = ut_request_find_event (request, UT_REQUEST_EVENT_SENT);
      g_autoptr(GDate) due = NULL;
      UtRequestState state = ut_request_get_state (request, rights, today, &due);
      g_autofree char *due_text = ut_request_describe_due (request, rights, today);

      g_print ("  %-20s %-10s %s %s", request->platform, state_to_string (state), _("sent"),
               sent != NULL ? sent->date : "?");
      if (due != NULL && (state == UT_REQUEST_STATE_OPEN || state == UT_REQUEST_STATE_OVERDUE))
        {
          char day[16];

          g_date_strftime (day, sizeof day, "%Y-%m-%d", due);
          g_print (", %s %s (%s)", _("due"), day, due_text);
        }
      g_print ("\n");
    }
}
