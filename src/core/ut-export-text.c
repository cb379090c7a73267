/* ut-export-text.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ut-export-private.h"
#include "ut-util.h"

/* The formats that are text: a Markdown checklist, a CSV table, iCalendar reminders and the JSON
 * backup. Each escapes what it writes for the programs that will read it. */

/* ---- Markdown --------------------------------------------------------------------------- */

static const char *
state_word (UtActionState state)
{
  switch (state)
    {
    case UT_ACTION_STATE_TODO:
      return _("to do");
    case UT_ACTION_STATE_DONE:
      return _("done");
    case UT_ACTION_STATE_SKIPPED:
      return _("skipped");
    case UT_ACTION_STATE_NOT_APPLICABLE:
      return _("not applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Text in a Markdown line: characters with a meaning in GitHub Markdown are escaped, and line
 * breaks and every other control character become spaces, so that a name cannot end a list item,
 * start a heading or send escape sequences to a terminal that shows the file. */
static void
md_append (GString    *out,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|~", *p) != NULL)
        g_string_append_c (out, '\\');
      if (g_ascii_iscntrl (*p))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static void
md_append_url (GString    *out,
               const char *url)
{
  /* Percent-encoded, a bracket, a space or a line break cannot end the link early. */
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '<' || *p == '>' || *p == '[' || *p == ']' ||
          g_ascii_iscntrl (*p) || g_ascii_isspace (*p))
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

/* A value that starts a block of its own (a numbered step): besides md_append()'s escapes, a
 * leading "-", "+" or "=" and a leading number followed by "." or ")" are escaped, so that a step
 * cannot become a list, a rule or a heading inside the list it is in. Leading spaces are dropped,
 * as five of them would make it a code block. */
static void
md_append_block (GString    *out,
                 const char *text)
{
  const char *p = text;
  const char *digits;

  while (*p == ' ' || *p == '\t')
    p++;

  digits = p;
  while (g_ascii_isdigit (*digits))
    digits++;

  if (*p == '-' || *p == '+' || *p == '=')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      p++;
    }
  else if (digits > p && (*digits == '.' || *digits == ')'))
    {
      g_string_append_len (out, p, digits - p);
      g_string_append_c (out, '\\');
      g_string_append_c (out, *digits);
      p = digits + 1;
    }

  md_append (out, p);
}

/* The link as text that shows the address, so that a printed copy still says where to go. */
static void
md_link (GString    *out,
         const char *url)
{
  g_string_append_c (out, '[');
  md_append (out, url);
  g_string_append (out, "](");
  md_append_url (out, url);
  g_string_append_c (out, ')');
}

static void md_proofs (GString *out,
                       GArray  *proofs);

static void
md_item (GString            *out,
         const UtExportItem *item)
{
  const char * const *steps = ut_action_get_steps (item->action);
  const char *url = ut_action_get_url (item->action);
  gboolean checked = item->state == UT_ACTION_STATE_DONE || item->state == UT_ACTION_STATE_NOT_APPLICABLE;

  g_string_append (out, checked ? "- [x] " : "- [ ] ");
  if (url != NULL)
    {
      g_string_append_c (out, '[');
      md_append (out, ut_action_get_title (item->action));
      g_string_append (out, "](");
      md_append_url (out, url);
      g_string_append_c (out, ')');
    }
  else
    md_append (out, ut_action_get_title (item->action));

  g_string_append (out, " — ");
  if (item->state == UT_ACTION_STATE_DONE && _ut_export_item_get_done_at (item) != NULL)
    {
      g_autofree char *day = _ut_export_format_day (_ut_export_item_get_done_at (item));

      /* Translators: "done on 2026-03-14 (revision 2)": the catalog revision it was done against */
      g_string_append_printf (out, _("done on %s (revision %u)"), day, item->record->revision);
    }
  else if (item->state == UT_ACTION_STATE_DONE)
    g_string_append_printf (out, _("done (revision %u)"), item->record->revision);
  else
    g_string_append (out, state_word (item->state));

  if (item->flags & UT_RECORD_FLAGS_NEEDS_REVIEW)
    g_string_append_printf (out, " (%s)", _("changed since you finished"));
  if (item->flags & UT_RECORD_FLAGS_RECHECK_DUE)
    g_string_append_printf (out, " (%s)", _("re-check due"));
  g_string_append_c (out, '\n');

  if (item->record != NULL && item->record->note != NULL && *item->record->note != '\0')
    {
      g_string_append (out, "  ");
      /* Translators: a note the user wrote about an action */
      g_string_append (out, _("Note:"));
      g_string_append_c (out, ' ');
      md_append (out, item->record->note);
      g_string_append_c (out, '\n');
    }

  /* What to do, as a numbered list inside the item (indented to its content), then the link.
   * An ordered list starting at 1 may follow the item's text without a blank line; the link
   * needs one, or it would join the last step's paragraph. */
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      g_string_append_printf (out, "  %u. ", i + 1);
      md_append_block (out, steps[i]);
      g_string_append_c (out, '\n');
    }
  if (ut_action_get_note (item->action) != NULL)
    {
      g_string_append (out, "\n  ");
      md_append_block (out, ut_action_get_note (item->action));
      g_string_append_c (out, '\n');
    }
  if (url != NULL)
    {
      if (steps != NULL && steps[0] != NULL)
        g_string_append_c (out, '\n');
      g_string_append (out, "  ");
      g_string_append_printf (out, "%s ", _("Link:"));
      md_link (out, url);
      g_string_append_c (out, '\n');
    }
  if (item->record != NULL && item->record->proofs->len > 0)
    {
      g_string_append_c (out, '\n');
      md_proofs (out, item->record->proofs);
    }
}

static void
md_chapter (GString         *out,
            UtExportModel   *model,
            UtExportChapter *chapter)
{
  UtRegion region = ut_profile_get_region (chapter->profile);
  g_autofree char *versions = _ut_export_versions_line (model);

  /* A blank line between profiles. */
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, "# ");
  /* Translators: the title of an exported checklist, followed by the profile's name */
  g_string_append (out, _("Untrain checklist"));
  g_string_append (out, " — ");
  md_append (out, ut_profile_get_name (chapter->profile));
  g_string_append (out, "\n\n");
  g_string_append_printf (out, _("Region: %s (%s)"), ut_region_get_display_name (region),
                          ut_region_to_code (region));
  g_string_append_printf (out, "\n\n%s.\n", versions);

  if (chapter->sections->len == 0)
    g_string_append_printf (out, "\n%s\n", _("No platforms have been chosen for this profile yet."));
}

static void
md_section (GString         *out,
            UtExportSection *section)
{
  g_autofree char *note = _ut_export_section_note (section);

  g_string_append (out, "\n## ");
  md_append (out, _ut_export_section_get_name (section));
  g_string_append (out, "\n\n");

  if (section->account != NULL)
    {
      g_string_append_printf (out, "%s ", _("Account:"));
      md_append (out, section->account);
      g_string_append (out, "\n\n");
    }

  /* Such a section has no items either. */
  if (section->platform == NULL)
    {
      g_string_append_printf (out, "%s\n", _("This platform is no longer in Untrain’s catalog."));
      return;
    }

  if (note != NULL)
    {
      g_string_append (out, "> ");
      md_append (out, note);
      g_string_append (out, "\n\n");
    }

  if (section->items->len == 0)
    g_string_append_printf (out, "%s\n", _("There is nothing to do in this region."));
}

/* Proofs kept, as indented list items under what they prove. */
static void
md_proofs (GString *out,
           GArray  *proofs)
{
  for (guint j = 0; j < proofs->len; j++)
    {
      const UtProof *proof = &g_array_index (proofs, UtProof, j);

      /* Translators: a proof kept with a request, e.g. "Proof: reply.eml, added 2026-11-30, SHA-256 ab12…" */
      g_string_append_printf (out, "  - %s ", _("Proof:"));
      md_append (out, proof->name);
      g_string_append_printf (out, _(", added %s, SHA-256 %s"), proof->added, proof->sha256);
      g_string_append_c (out, '\n');
    }
}

/* The objections and requests a profile sent, what became of them, and the proofs kept. */
static void
md_requests (GString         *out,
             UtExportModel   *model,
             UtExportChapter *chapter)
{
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (chapter->profile);

  if (requests->len == 0)
    return;

  g_string_append_printf (out, "\n## %s\n\n", _("Objections and requests"));
  for (guint i = 0; i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);
      UtPlatform *platform = ut_catalog_lookup (model->catalog, request->platform);

      g_string_append (out, "- ");
      md_append (out, platform != NULL ? ut_platform_get_name (platform) : request->platform);
      g_string_append (out, ":");
      for (guint j = 0; j < request->events->len; j++)
        {
          const UtRequestEvent *event = &g_array_index (request->events, UtRequestEvent, j);

          g_string_append_printf (out, "%s %s %s", j > 0 ? ";" : "", ut_request_event_kind_to_string (event->kind),
                                  event->date);
          if (event->channel != NULL)
            g_string_append_printf (out, " (%s)", event->channel);
        }
      g_string_append_c (out, '\n');
      md_proofs (out, request->proofs);
    }
}

GBytes *
_ut_export_markdown (UtExportModel  *model,
                     GError        **error)
{
  GString *out = g_string_new (NULL);
  UtExportChapter *chapter;
  UtExportChapter *previous = NULL;
  UtExportSection *section;
  UtExportItem *item;
  UtExportIter iter;

  _ut_export_iter_init (&iter, model);
  while (_ut_export_iter_next (&iter, &chapter, &section, &item))
    {
      if (section == NULL)
        {
          if (previous != NULL)
            md_requests (out, model, previous);
          md_chapter (out, model, chapter);
          previous = chapter;
        }
      else if (item == NULL)
        md_section (out, section);
      else
        md_item (out, item);
    }
  if (previous != NULL)
    md_requests (out, model, previous);

  return g_string_free_to_bytes (out);
}

/* ---- CSV -------------------------------------------------------------------------------- */

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and quotes are doubled.
 * A field that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe and quotes, as OWASP recommends against CSV
 * injection: a profile named "=HYPERLINK(…)" stays text. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  gboolean formula;

  if (text == NULL)
    text = "";

  formula = *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
  if (formula || strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);

  g_string_append (out, last ? "\r\n" : ",");
}

static const char * const csv_columns[] = {
  "profile", "region", "platform", "action", "state", "done_date", "verified_date", "revision",
  "needs_review", "recheck_due", "recheck_date", "note", "platform_id", "action_id",
  "exported", "untrain_version", "catalog_version",
};

static void
csv_row (GString         *out,
         UtExportModel   *model,
         UtExportChapter *chapter,
         UtExportSection *section,
         UtExportItem    *item)
{
  const UtRecord *record = item->record;
  gboolean accounts = model->identities != NULL;
  g_autofree char *done = _ut_export_format_day (item->state == UT_ACTION_STATE_DONE ? _ut_export_item_get_done_at (item) : NULL);
  g_autofree char *verified = _ut_export_format_day (record != NULL ? record->verified_at : NULL);
  g_autofree char *recheck = _ut_export_format_day (item->recheck);
  g_autofree char *revision = record != NULL ? g_strdup_printf ("%u", record->revision) : g_strdup ("");

  csv_field (out, ut_profile_get_name (chapter->profile), FALSE);
  csv_field (out, ut_region_to_code (ut_profile_get_region (chapter->profile)), FALSE);
  csv_field (out, _ut_export_section_get_name (section), FALSE);
  csv_field (out, ut_action_get_title (item->action), FALSE);
  csv_field (out, ut_action_state_to_string (item->state), FALSE);
  csv_field (out, done, FALSE);
  csv_field (out, verified, FALSE);
  csv_field (out, revision, FALSE);
  csv_field (out, (item->flags & UT_RECORD_FLAGS_NEEDS_REVIEW) ? "true" : "false", FALSE);
  csv_field (out, (item->flags & UT_RECORD_FLAGS_RECHECK_DUE) ? "true" : "false", FALSE);
  csv_field (out, recheck, FALSE);
  csv_field (out, record != NULL ? record->note : NULL, FALSE);
  csv_field (out, ut_platform_get_id (section->platform), FALSE);
  csv_field (out, ut_action_get_id (item->action), FALSE);
  csv_field (out, model->today, FALSE);
  csv_field (out, PACKAGE_VERSION, FALSE);
  csv_field (out, model->catalog_version, !accounts);
  if (accounts)
    csv_field (out, section->account, TRUE);
}

GBytes *
_ut_export_csv (UtExportModel  *model,
                GError        **error)
{
  GString *out = g_string_new (NULL);
  gboolean accounts = model->identities != NULL;
  UtExportChapter *chapter;
  UtExportSection *section;
  UtExportItem *item;
  UtExportIter iter;

  /* Column names are for programs, so they are never translated. */
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    csv_field (out, csv_columns[i], !accounts && i == G_N_ELEMENTS (csv_columns) - 1);
  if (accounts)
    csv_field (out, "account", TRUE);

  /* One row per action; platforms with none have no row. */
  _ut_export_iter_init (&iter, model);
  while (_ut_export_iter_next_item (&iter, &chapter, &section, &item))
    csv_row (out, model, chapter, section, item);

  return g_string_free_to_bytes (out);
}

/* ---- iCalendar -------------------------------------------------------------------------- */

/* RFC 5545 §3.3.11: a TEXT value escapes backslash, semicolon, comma and line breaks. */
static char *
ics_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* RFC 5545 §3.1: lines end in CRLF and are folded so that none is longer than 75 octets, never
 * inside a UTF-8 sequence; a continuation starts with a space. No value can start a line of its
 * own: a control character left in it (TEXT values were escaped before) becomes a space, so
 * nothing can add a property such as ATTACH. */
static void
ics_line (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  gsize octets = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize n = (gsize) (g_utf8_next_char (p) - p);

      if (octets + n > 75)
        {
          g_string_append (out, "\r\n ");
          octets = 1;
        }
      if (n == 1 && g_ascii_iscntrl (*p))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, (gssize) n);
      octets += n;
    }
  g_string_append (out, "\r\n");
}

static void
ics_text_line (GString    *out,
               const char *name,
               const char *text)
{
  g_autofree char *escaped = ics_text (text);

  ics_line (out, name, escaped);
}

/* Returns: (nullable): the day, or %NULL past the end of the calendar GDateTime knows */
static char *
ics_date (GDateTime *date_time,
          int        days)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date_time);
  g_autoptr(GDateTime) day = local != NULL ? g_date_time_add_days (local, days) : NULL;

  return day != NULL ? g_date_time_format (day, "%Y%m%d") : NULL;
}

/* Every event is transparent (it blocks no time) and reminds at 9:00 on its day. */
static void
ics_end_event (GString    *out,
               const char *summary)
{
  ics_line (out, "TRANSP", "TRANSPARENT");
  ics_line (out, "BEGIN", "VALARM");
  ics_line (out, "ACTION", "DISPLAY");
  ics_text_line (out, "DESCRIPTION", summary);
  ics_line (out, "TRIGGER;RELATED=START", "PT9H");
  ics_line (out, "END", "VALARM");
  ics_line (out, "END", "VEVENT");
}

static char *
ics_description (UtExportChapter        *chapter,
                 const UtExportSection  *section,
                 const UtExportItem     *item)
{
  const char * const *steps = ut_action_get_steps (item->action);
  g_autofree char *done = _ut_export_format_day (_ut_export_item_get_done_at (item));
  g_autofree char *verified = _ut_export_format_day (item->record->verified_at);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Check that this still holds for %s: %s."), _ut_export_section_get_name (section),
                          ut_action_get_title (item->action));
  g_string_append_c (text, '\n');
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    g_string_append_printf (text, "%u. %s\n", i + 1, steps[i]);
  if (ut_action_get_note (item->action) != NULL)
    g_string_append_printf (text, "%s\n", ut_action_get_note (item->action));
  if (ut_action_get_url (item->action) != NULL)
    g_string_append_printf (text, "%s %s\n", _("Link:"), ut_action_get_url (item->action));
  if (section->account != NULL)
    g_string_append_printf (text, "%s %s\n", _("Account:"), section->account);
  g_string_append_printf (text, _("Profile: %s"), ut_profile_get_name (chapter->profile));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Done on %s, last verified on %s (revision %u)."),
                          done, verified, item->record->revision);

  return g_string_free (text, FALSE);
}

/* Returns: %TRUE if @item has a re-check date, which became an event */
static gboolean
ics_event (GString         *out,
           const char      *stamp,
           UtExportChapter *chapter,
           UtExportSection *section,
           UtExportItem    *item)
{
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (item->recheck == NULL)
    return FALSE;
  start = ics_date (item->recheck, 0);
  end = ics_date (item->recheck, 1);
  if (start == NULL || end == NULL)
    return FALSE;

  uid = g_strdup_printf ("%s/%s/%s@untrain", ut_profile_get_id (chapter->profile),
                         ut_platform_get_id (section->platform), ut_action_get_id (item->action));
  /* Translators: a calendar event: "Re-check: LinkedIn — Turn off …" */
  summary = g_strdup_printf (_("Re-check: %s — %s"), _ut_export_section_get_name (section),
                             ut_action_get_title (item->action));
  description = ics_description (chapter, section, item);

  ics_line (out, "BEGIN", "VEVENT");
  ics_text_line (out, "UID", uid);
  ics_line (out, "DTSTAMP", stamp);
  ics_line (out, "DTSTART;VALUE=DATE", start);
  ics_line (out, "DTEND;VALUE=DATE", end);
  ics_text_line (out, "SUMMARY", summary);
  ics_text_line (out, "DESCRIPTION", description);
  if (ut_action_get_url (item->action) != NULL)
    ics_line (out, "URL", ut_action_get_url (item->action));
  ics_end_event (out, summary);

  return TRUE;
}

/* The day a request's answer is due, with a reminder that morning. */
static void
ics_request_event (GString            *out,
                   const char         *stamp,
                   UtExportChapter    *chapter,
                   UtExportRequestDue *due)
{
  /* Noon local time: the calendar day is the due day in any time zone offset. */
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (due->due), g_date_get_month (due->due),
                                                    g_date_get_day (due->due), 12, 0, 0);
  g_autofree char *start = ics_date (day, 0);
  g_autofree char *end = ics_date (day, 1);
  const char *name = due->platform != NULL ? ut_platform_get_short_name (due->platform) : due->request->platform;
  const UtRequestEvent *sent = ut_request_find_event (due->request, UT_REQUEST_EVENT_SENT);
  g_autofree char *uid = g_strdup_printf ("%s/%s/request@untrain", ut_profile_get_id (chapter->profile),
                                          due->request->platform);
  /* Translators: a calendar event on the day a platform's answer to a request is due */
  g_autofree char *summary = g_strdup_printf (_("Answer due: %s"), name);
  /* Translators: the calendar event's text: the day the request was sent and the profile */
  g_autofree char *description = g_strdup_printf (_("You sent %s your request on %s. If no answer has come, send a reminder or complain to your data-protection authority (Untrain writes both).\nProfile: %s"),
                                                  name, sent != NULL ? sent->date : "?", ut_profile_get_name (chapter->profile));

  ics_line (out, "BEGIN", "VEVENT");
  ics_text_line (out, "UID", uid);
  ics_line (out, "DTSTAMP", stamp);
  ics_line (out, "DTSTART;VALUE=DATE", start);
  ics_line (out, "DTEND;VALUE=DATE", end);
  ics_text_line (out, "SUMMARY", summary);
  ics_text_line (out, "DESCRIPTION", description);
  ics_end_event (out, summary);
}

GBytes *
_ut_export_ics (UtExportModel  *model,
                GError        **error)
{
  GString *out = g_string_new (NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *product = g_strdup_printf ("-//Untrain//Untrain %s//EN", PACKAGE_VERSION);
  g_autofree char *versions = _ut_export_versions_line (model);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (model->now);
  UtExportChapter *chapter;
  UtExportSection *section;
  UtExportItem *item;
  UtExportIter iter;
  guint n_events = 0;

  stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  ics_line (out, "BEGIN", "VCALENDAR");
  ics_line (out, "VERSION", "2.0");
  ics_line (out, "PRODID", product);
  ics_line (out, "CALSCALE", "GREGORIAN");
  ics_line (out, "METHOD", "PUBLISH");
  if (model->profile != NULL)
    {
      g_autofree char *name = g_strdup_printf (_("Untrain re-checks — %s"), ut_profile_get_name (model->profile));

      ics_text_line (out, "X-WR-CALNAME", name);
    }
  else
    ics_text_line (out, "X-WR-CALNAME", _("Untrain re-checks"));
  ics_text_line (out, "X-WR-CALDESC", versions);

  _ut_export_iter_init (&iter, model);
  while (_ut_export_iter_next_item (&iter, &chapter, &section, &item))
    if (ics_event (out, stamp, chapter, section, item))
      n_events++;
  for (guint i = 0; i < model->chapters->len; i++)
    {
      UtExportChapter *each = g_ptr_array_index (model->chapters, i);
      g_autoptr(GPtrArray) dues = _ut_export_request_dues (model, each);

      for (guint j = 0; j < dues->len; j++, n_events++)
        ics_request_event (out, stamp, each, g_ptr_array_index (dues, j));
    }

  ics_line (out, "END", "VCALENDAR");

  /* A calendar must hold at least one event (RFC 5545 §3.6). */
  if (n_events == 0)
    {
      g_string_free (out, TRUE);
      g_set_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_NOTHING_TO_EXPORT,
                   _("There is nothing to put in a calendar yet: reminders are made for the actions you mark as done."));
      return NULL;
    }

  return g_string_free_to_bytes (out);
}

/* ---- JSON ------------------------------------------------------------------------------- */

GBytes *
_ut_export_json (UtExportModel  *model,
                 GError        **error)
{
  g_autoptr(JsonNode) progress = ut_progress_to_json (model->progress, model->profile);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *exported = ut_date_time_format (model->now);
  JsonObject *source = json_node_get_object (progress);
  GString *out;
  gsize length;
  char *data;

  /* The progress file's members, with what made the backup after the format number. */
  json_object_set_member (object, "format", json_node_copy (json_object_get_member (source, "format")));
  json_object_set_string_member (object, "untrain_version", PACKAGE_VERSION);
  json_object_set_int_member (object, "catalog_version", ut_catalog_get_version (model->catalog));
  json_object_set_string_member (object, "exported", exported);
  json_object_set_member (object, "recheck_days", json_node_copy (json_object_get_member (source, "recheck_days")));
  json_object_set_member (object, "profiles", json_node_copy (json_object_get_member (source, "profiles")));

  if (model->identities != NULL)
    {
      JsonObject *profile = json_array_get_object_element (json_object_get_array_member (object, "profiles"), 0);
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (model->identities), (GCompareFunc) strcmp);
      JsonObject *accounts = json_object_new ();

      for (GList *l = keys; l != NULL; l = l->next)
        json_object_set_string_member (accounts, l->data, g_hash_table_lookup (model->identities, l->data));
      json_object_set_object_member (profile, "accounts", accounts);
    }

  json_node_set_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  out = g_string_new_len (data, (gssize) length);
  g_free (data);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

