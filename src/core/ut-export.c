/* ut-export.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __GLIBC__
# include <langinfo.h>
#endif

#include "ut-export.h"
#include "ut-util.h"

G_DEFINE_QUARK (ut-export-error-quark, ut_export_error)

static const struct
{
  const char *name;
  const char *content_type;
  gboolean    text;
} formats[UT_EXPORT_N_FORMATS] = {
  { "md", "text/markdown", TRUE },
  { "csv", "text/csv", TRUE },
  { "json", "application/json", TRUE },
  { "ics", "text/calendar", TRUE },
  { "pdf", "application/pdf", FALSE },
};

const char *
ut_export_format_to_string (UtExportFormat format)
{
  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
ut_export_format_from_string (const char     *text,
                              UtExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; text != NULL && i < UT_EXPORT_N_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (text, formats[i].name) == 0)
        {
          *format = (UtExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ut_export_format_get_display_name (UtExportFormat format)
{
  switch (format)
    {
    case UT_EXPORT_FORMAT_MARKDOWN:
      return _("Checklist (Markdown)");
    case UT_EXPORT_FORMAT_CSV:
      return _("Spreadsheet (CSV)");
    case UT_EXPORT_FORMAT_JSON:
      return _("Backup (JSON)");
    case UT_EXPORT_FORMAT_ICS:
      return _("Re-check reminders (iCalendar)");
    case UT_EXPORT_FORMAT_PDF:
      return _("Printable checklist (PDF)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ut_export_format_get_content_type (UtExportFormat format)
{
  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);
  return formats[format].content_type;
}

gboolean
ut_export_format_is_text (UtExportFormat format)
{
  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, FALSE);
  return formats[format].text;
}

gboolean
ut_export_paper_from_string (const char    *text,
                             UtExportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = UT_EXPORT_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = UT_EXPORT_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* A local calendar day, as ISO 8601: exports are read in many languages, and spreadsheets and
 * scripts parse this one. */
static char *
format_day (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  /* Near the end of the calendar the local time can be out of range; UTC then serves. */
  local = g_date_time_to_local (date_time);
  return g_date_time_format (local != NULL ? local : date_time, "%Y-%m-%d");
}

/**
 * ut_export_suggest_filename:
 * @profile: (nullable): the profile exported, %NULL for all
 * @now: (nullable): the date to put in the name; %NULL for today
 *
 * Returns: (transfer full): a file name such as `untrain-checklist-me-2026-12-01.md`
 */
char *
ut_export_suggest_filename (UtExportFormat  format,
                            UtProfile      *profile,
                            GDateTime      *now)
{
  g_autoptr(GDateTime) today = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autofree char *day = format_day (today);
  const char *kind;

  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);

  kind = format == UT_EXPORT_FORMAT_JSON ? "backup" : format == UT_EXPORT_FORMAT_ICS ? "rechecks" : "checklist";
  if (profile == NULL)
    return g_strdup_printf ("untrain-%s-%s.%s", kind, day, formats[format].name);

  return g_strdup_printf ("untrain-%s-%s-%s.%s", kind, ut_profile_get_id (profile), day, formats[format].name);
}

/* ---- what is exported ------------------------------------------------------------------- */

typedef struct
{
  UtAction       *action;
  const UtRecord *record;   /* nullable: never touched */
  UtActionState   state;
  UtRecordFlags   flags;
  GDateTime      *recheck;  /* nullable: when to look again */
} Item;

typedef struct
{
  const char          *id;
  UtPlatform          *platform;  /* nullable: no longer in the catalog */
  const UtRegionOffer *offer;     /* nullable when platform is */
  const char          *account;   /* nullable */
  GArray              *items;     /* of Item, in the order to do them */
} Section;

typedef struct
{
  UtProfile *profile;
  GPtrArray *sections;  /* of Section*, by platform name */
} Chapter;

typedef struct
{
  UtExportFormat  format;
  UtCatalog      *catalog;
  UtProgress     *progress;
  UtProfile      *profile;     /* nullable: all */
  GDateTime      *now;
  UtExportPaper   paper;
  GHashTable     *identities;  /* nullable */
  GPtrArray      *chapters;    /* of Chapter*, one per profile */
  char           *today;
  char           *catalog_version;
} Export;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->recheck, g_date_time_unref);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_array_unref (section->items);
  g_free (section);
}

static void
chapter_free (gpointer data)
{
  Chapter *chapter = data;

  g_ptr_array_unref (chapter->sections);
  g_free (chapter);
}

static const char *
section_get_name (const Section *section)
{
  return section->platform != NULL ? ut_platform_get_name (section->platform) : section->id;
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const Section *sa = *(const Section **) a;
  const Section *sb = *(const Section **) b;
  g_autofree char *na = g_utf8_casefold (section_get_name (sa), -1);
  g_autofree char *nb = g_utf8_casefold (section_get_name (sb), -1);
  int cmp = g_utf8_collate (na, nb);

  return cmp != 0 ? cmp : strcmp (sa->id, sb->id);
}

static Chapter *
chapter_new (Export    *export,
             UtProfile *profile)
{
  const char * const *platforms = ut_profile_get_platforms (profile);
  Chapter *chapter = g_new0 (Chapter, 1);

  chapter->profile = profile;
  chapter->sections = g_ptr_array_new_with_free_func (section_free);

  for (guint i = 0; platforms[i] != NULL; i++)
    {
      Section *section = g_new0 (Section, 1);

      section->id = platforms[i];
      section->platform = ut_catalog_lookup (export->catalog, platforms[i]);
      section->items = g_array_new (FALSE, TRUE, sizeof (Item));
      g_array_set_clear_func (section->items, item_clear);
      if (export->identities != NULL)
        section->account = g_hash_table_lookup (export->identities,
                                                section->platform != NULL ? ut_platform_get_id (section->platform)
                                                                          : section->id);
      g_ptr_array_add (chapter->sections, section);

      if (section->platform == NULL)
        continue;

      section->offer = ut_platform_get_offer (section->platform, ut_profile_get_region (profile));
      for (guint j = 0; j < section->offer->actions->len; j++)
        {
          UtAction *action = g_ptr_array_index (section->offer->actions, j);
          Item item = { action, NULL, UT_ACTION_STATE_TODO, UT_RECORD_FLAGS_NONE, NULL };

          item.record = ut_profile_lookup_record (profile, ut_platform_get_id (section->platform),
                                                  ut_action_get_id (action));
          if (item.record != NULL)
            item.state = item.record->state;
          item.flags = ut_progress_get_record_flags (export->progress, profile, section->platform, action);
          item.recheck = ut_progress_get_recheck_date (export->progress, profile, section->platform, action);
          g_array_append_val (section->items, item);
        }
    }

  g_ptr_array_sort (chapter->sections, compare_sections);
  return chapter;
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->chapters, g_ptr_array_unref);
  g_clear_pointer (&export->now, g_date_time_unref);
  g_clear_pointer (&export->today, g_free);
  g_clear_pointer (&export->catalog_version, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

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

/* The same words starting a table cell; separate strings because some languages need it. */
static const char *
state_label (UtActionState state)
{
  switch (state)
    {
    case UT_ACTION_STATE_TODO:
      return _("To do");
    case UT_ACTION_STATE_DONE:
      return _("Done");
    case UT_ACTION_STATE_SKIPPED:
      return _("Skipped");
    case UT_ACTION_STATE_NOT_APPLICABLE:
      return _("Not applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

static GDateTime *
item_done_at (const Item *item)
{
  if (item->record == NULL)
    return NULL;
  return item->record->done_at != NULL ? item->record->done_at : item->record->changed_at;
}

static char *
no_opt_out_note (const Section *section)
{
  if (section->offer == NULL || section->offer->status != UT_OFFER_NO_OPT_OUT)
    return NULL;

  return g_strdup_printf (_("Nothing stops %s from training on your data here; these steps only reduce it."),
                          section_get_name (section));
}

static char *
versions_line (Export *export)
{
  /* Translators: the versions and date every export names: "Exported on 2026-12-01 by Untrain
   * 0.1.0, catalog version 2026112901" */
  return g_strdup_printf (_("Exported on %s by Untrain %s, catalog version %s"),
                          export->today, PACKAGE_VERSION, export->catalog_version);
}

/* ---- Markdown --------------------------------------------------------------------------- */

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

static void
md_item (GString    *out,
         const Item *item)
{
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
  if (item->state == UT_ACTION_STATE_DONE && item_done_at (item) != NULL)
    {
      g_autofree char *day = format_day (item_done_at (item));

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
}

static GBytes *
export_markdown (Export  *export,
                 GError **error)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < export->chapters->len; i++)
    {
      Chapter *chapter = g_ptr_array_index (export->chapters, i);
      UtRegion region = ut_profile_get_region (chapter->profile);
      g_autofree char *versions = versions_line (export);

      if (i > 0)
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

      for (guint j = 0; j < chapter->sections->len; j++)
        {
          Section *section = g_ptr_array_index (chapter->sections, j);
          g_autofree char *note = no_opt_out_note (section);

          g_string_append (out, "\n## ");
          md_append (out, section_get_name (section));
          g_string_append (out, "\n\n");

          if (section->account != NULL)
            {
              g_string_append_printf (out, "%s ", _("Account:"));
              md_append (out, section->account);
              g_string_append (out, "\n\n");
            }

          if (section->platform == NULL)
            {
              g_string_append_printf (out, "%s\n", _("This platform is no longer in Untrain’s catalog."));
              continue;
            }

          if (note != NULL)
            {
              g_string_append (out, "> ");
              md_append (out, note);
              g_string_append (out, "\n\n");
            }

          if (section->items->len == 0)
            g_string_append_printf (out, "%s\n", _("There is nothing to do in this region."));

          for (guint k = 0; k < section->items->len; k++)
            md_item (out, &g_array_index (section->items, Item, k));
        }
    }

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

static GBytes *
export_csv (Export  *export,
            GError **error)
{
  GString *out = g_string_new (NULL);
  gboolean accounts = export->identities != NULL;

  /* Column names are for programs, so they are never translated. */
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    csv_field (out, csv_columns[i], !accounts && i == G_N_ELEMENTS (csv_columns) - 1);
  if (accounts)
    csv_field (out, "account", TRUE);

  for (guint i = 0; i < export->chapters->len; i++)
    {
      Chapter *chapter = g_ptr_array_index (export->chapters, i);

      for (guint j = 0; j < chapter->sections->len; j++)
        {
          Section *section = g_ptr_array_index (chapter->sections, j);

          for (guint k = 0; k < section->items->len; k++)
            {
              Item *item = &g_array_index (section->items, Item, k);
              const UtRecord *record = item->record;
              g_autofree char *done = format_day (item->state == UT_ACTION_STATE_DONE ? item_done_at (item) : NULL);
              g_autofree char *verified = format_day (record != NULL ? record->verified_at : NULL);
              g_autofree char *recheck = format_day (item->recheck);
              g_autofree char *revision = record != NULL ? g_strdup_printf ("%u", record->revision) : g_strdup ("");

              csv_field (out, ut_profile_get_name (chapter->profile), FALSE);
              csv_field (out, ut_region_to_code (ut_profile_get_region (chapter->profile)), FALSE);
              csv_field (out, section_get_name (section), FALSE);
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
              csv_field (out, export->today, FALSE);
              csv_field (out, PACKAGE_VERSION, FALSE);
              csv_field (out, export->catalog_version, !accounts);
              if (accounts)
                csv_field (out, section->account, TRUE);
            }
        }
    }

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

static char *
ics_description (Export         *export,
                 Chapter        *chapter,
                 const Section  *section,
                 const Item     *item)
{
  const char * const *steps = ut_action_get_steps (item->action);
  g_autofree char *done = format_day (item_done_at (item));
  g_autofree char *verified = format_day (item->record->verified_at);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Check that this still holds for %s: %s."), section_get_name (section),
                          ut_action_get_title (item->action));
  g_string_append_c (text, '\n');
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    g_string_append_printf (text, "%u. %s\n", i + 1, steps[i]);
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

static GBytes *
export_ics (Export  *export,
            GError **error)
{
  GString *out = g_string_new (NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *product = g_strdup_printf ("-//Untrain//Untrain %s//EN", PACKAGE_VERSION);
  g_autofree char *versions = versions_line (export);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (export->now);
  guint n_events = 0;

  stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  ics_line (out, "BEGIN", "VCALENDAR");
  ics_line (out, "VERSION", "2.0");
  ics_line (out, "PRODID", product);
  ics_line (out, "CALSCALE", "GREGORIAN");
  ics_line (out, "METHOD", "PUBLISH");
  if (export->profile != NULL)
    {
      g_autofree char *name = g_strdup_printf (_("Untrain re-checks — %s"), ut_profile_get_name (export->profile));

      ics_text_line (out, "X-WR-CALNAME", name);
    }
  else
    ics_text_line (out, "X-WR-CALNAME", _("Untrain re-checks"));
  ics_text_line (out, "X-WR-CALDESC", versions);

  for (guint i = 0; i < export->chapters->len; i++)
    {
      Chapter *chapter = g_ptr_array_index (export->chapters, i);

      for (guint j = 0; j < chapter->sections->len; j++)
        {
          Section *section = g_ptr_array_index (chapter->sections, j);

          for (guint k = 0; k < section->items->len; k++)
            {
              Item *item = &g_array_index (section->items, Item, k);
              g_autofree char *uid = NULL;
              g_autofree char *summary = NULL;
              g_autofree char *description = NULL;
              g_autofree char *start = NULL;
              g_autofree char *end = NULL;

              if (item->recheck == NULL)
                continue;
              start = ics_date (item->recheck, 0);
              end = ics_date (item->recheck, 1);
              if (start == NULL || end == NULL)
                continue;

              uid = g_strdup_printf ("%s/%s/%s@untrain", ut_profile_get_id (chapter->profile),
                                     ut_platform_get_id (section->platform), ut_action_get_id (item->action));
              /* Translators: a calendar event: "Re-check: LinkedIn — Turn off …" */
              summary = g_strdup_printf (_("Re-check: %s — %s"), section_get_name (section),
                                         ut_action_get_title (item->action));
              description = ics_description (export, chapter, section, item);

              ics_line (out, "BEGIN", "VEVENT");
              ics_text_line (out, "UID", uid);
              ics_line (out, "DTSTAMP", stamp);
              ics_line (out, "DTSTART;VALUE=DATE", start);
              ics_line (out, "DTEND;VALUE=DATE", end);
              ics_text_line (out, "SUMMARY", summary);
              ics_text_line (out, "DESCRIPTION", description);
              if (ut_action_get_url (item->action) != NULL)
                ics_line (out, "URL", ut_action_get_url (item->action));
              ics_line (out, "TRANSP", "TRANSPARENT");
              /* At 9:00 on the day. */
              ics_line (out, "BEGIN", "VALARM");
              ics_line (out, "ACTION", "DISPLAY");
              ics_text_line (out, "DESCRIPTION", summary);
              ics_line (out, "TRIGGER;RELATED=START", "PT9H");
              ics_line (out, "END", "VALARM");
              ics_line (out, "END", "VEVENT");
              n_events++;
            }
        }
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

static GBytes *
export_json (Export  *export,
             GError **error)
{
  g_autoptr(JsonNode) progress = ut_progress_to_json (export->progress, export->profile);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *exported = ut_date_time_format (export->now);
  JsonObject *source = json_node_get_object (progress);
  GString *out;
  gsize length;
  char *data;

  /* The progress file's members, with what made the backup after the format number. */
  json_object_set_member (object, "format", json_node_copy (json_object_get_member (source, "format")));
  json_object_set_string_member (object, "untrain_version", PACKAGE_VERSION);
  json_object_set_int_member (object, "catalog_version", ut_catalog_get_version (export->catalog));
  json_object_set_string_member (object, "exported", exported);
  json_object_set_member (object, "recheck_days", json_node_copy (json_object_get_member (source, "recheck_days")));
  json_object_set_member (object, "profiles", json_node_copy (json_object_get_member (source, "profiles")));

  if (export->identities != NULL)
    {
      JsonObject *profile = json_array_get_object_element (json_object_get_array_member (object, "profiles"), 0);
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (export->identities), (GCompareFunc) strcmp);
      JsonObject *accounts = json_object_new ();

      for (GList *l = keys; l != NULL; l = l->next)
        json_object_set_string_member (accounts, l->data, g_hash_table_lookup (export->identities, l->data));
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

/* ---- PDF -------------------------------------------------------------------------------- */

#define PDF_MARGIN     50.0
#define PDF_FOOTER     24.0
#define PDF_BOX        9.0
#define PDF_BOX_COLUMN 18.0
#define PDF_GAP        10.0
#define PDF_STATE      108.0
#define PDF_DATE       72.0

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  gboolean      draw;       /* FALSE while counting pages */
  double        width;
  double        height;
  double        y;
  guint         page;
  guint         n_pages;
  char         *footer;
} Pdf;

static PangoLayout *
pdf_layout (Pdf        *pdf,
            const char *text,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
pdf_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (height);
}

static void
pdf_show (Pdf         *pdf,
          PangoLayout *layout,
          double       x,
          double       y,
          double       grey)
{
  if (!pdf->draw)
    return;

  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static double
pdf_content_width (Pdf *pdf)
{
  return pdf->width - 2 * PDF_MARGIN;
}

static void
pdf_end_page (Pdf *pdf)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *number = NULL;
  double y = pdf->height - PDF_MARGIN;

  if (!pdf->draw)
    return;

  /* Translators: the footer of a printed page: "Page 1 of 3" */
  number = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  left = pdf_layout (pdf, pdf->footer, "Sans 7.5", pdf_content_width (pdf));
  right = pdf_layout (pdf, number, "Sans 7.5", pdf_content_width (pdf));
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (pdf->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, PDF_MARGIN, y - 4);
  cairo_line_to (pdf->cr, pdf->width - PDF_MARGIN, y - 4);
  cairo_stroke (pdf->cr);
  pdf_show (pdf, left, PDF_MARGIN, y, 0.35);
  pdf_show (pdf, right, PDF_MARGIN, y, 0.35);
  cairo_show_page (pdf->cr);
}

static void
pdf_begin_page (Pdf *pdf)
{
  pdf->page++;
  pdf->y = PDF_MARGIN;
}

static gboolean
pdf_fits (Pdf    *pdf,
          double  height)
{
  return pdf->y + height <= pdf->height - PDF_MARGIN - PDF_FOOTER;
}

/* Starts a new page unless @height fits; returns TRUE if it did. */
static gboolean
pdf_ensure (Pdf    *pdf,
            double  height)
{
  if (pdf_fits (pdf, height) || pdf->y == PDF_MARGIN)
    return FALSE;

  pdf_end_page (pdf);
  pdf_begin_page (pdf);
  return TRUE;
}

static void
pdf_box (Pdf           *pdf,
         double         x,
         double         y,
         UtActionState  state)
{
  cairo_t *cr = pdf->cr;

  if (!pdf->draw)
    return;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, PDF_BOX, PDF_BOX);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 1.4);
  switch (state)
    {
    case UT_ACTION_STATE_DONE:
      cairo_move_to (cr, x + 1.8, y + 4.8);
      cairo_line_to (cr, x + 3.8, y + 7.2);
      cairo_line_to (cr, x + 7.6, y + 1.6);
      cairo_stroke (cr);
      break;
    case UT_ACTION_STATE_SKIPPED:
      cairo_move_to (cr, x + 2, y + PDF_BOX / 2);
      cairo_line_to (cr, x + PDF_BOX - 2, y + PDF_BOX / 2);
      cairo_stroke (cr);
      break;
    case UT_ACTION_STATE_NOT_APPLICABLE:
      cairo_move_to (cr, x + 2, y + PDF_BOX - 2);
      cairo_line_to (cr, x + PDF_BOX - 2, y + 2);
      cairo_stroke (cr);
      break;
    case UT_ACTION_STATE_TODO:
    default:
      break;
    }
}

static void
pdf_rule (Pdf    *pdf,
          double  y,
          double  grey)
{
  if (!pdf->draw)
    return;

  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, PDF_MARGIN, y);
  cairo_line_to (pdf->cr, pdf->width - PDF_MARGIN, y);
  cairo_stroke (pdf->cr);
}

typedef struct
{
  double action_x, action_width;
  double state_x, date_x;
} Columns;

static void
pdf_columns (Pdf     *pdf,
             Columns *columns)
{
  columns->action_x = PDF_MARGIN + PDF_BOX_COLUMN;
  columns->action_width = pdf_content_width (pdf) - PDF_BOX_COLUMN - PDF_STATE - PDF_DATE - 2 * PDF_GAP;
  columns->state_x = columns->action_x + columns->action_width + PDF_GAP;
  columns->date_x = columns->state_x + PDF_STATE + PDF_GAP;
}

static double
pdf_table_header (Pdf  *pdf,
                  gboolean measure_only)
{
  g_autoptr(PangoLayout) action = NULL;
  g_autoptr(PangoLayout) state = NULL;
  g_autoptr(PangoLayout) date = NULL;
  Columns columns;
  double height;

  pdf_columns (pdf, &columns);
  action = pdf_layout (pdf, _("Action"), "Sans Bold 8", columns.action_width);
  state = pdf_layout (pdf, _("State"), "Sans Bold 8", PDF_STATE);
  date = pdf_layout (pdf, _("Date"), "Sans Bold 8", PDF_DATE);
  height = pdf_height (action) + 5;

  if (!measure_only)
    {
      pdf_show (pdf, action, columns.action_x, pdf->y, 0.3);
      pdf_show (pdf, state, columns.state_x, pdf->y, 0.3);
      pdf_show (pdf, date, columns.date_x, pdf->y, 0.3);
      pdf_rule (pdf, pdf->y + height - 2, 0.5);
      pdf->y += height;
    }

  return height;
}

typedef struct
{
  PangoLayout *action;
  PangoLayout *state;
  PangoLayout *date;
  double       height;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->action);
  g_clear_object (&row->state);
  g_clear_object (&row->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
pdf_row_measure (Pdf        *pdf,
                 const Item *item,
                 Row        *row)
{
  g_autoptr(GString) state = g_string_new (state_label (item->state));
  g_autoptr(GString) date = g_string_new (NULL);
  Columns columns;

  pdf_columns (pdf, &columns);
  if (item->flags & UT_RECORD_FLAGS_NEEDS_REVIEW)
    g_string_append_printf (state, "\n%s", _("Changed since you finished"));
  if (item->flags & UT_RECORD_FLAGS_RECHECK_DUE)
    g_string_append_printf (state, "\n%s", _("Re-check due"));

  if (item->state == UT_ACTION_STATE_DONE)
    {
      g_autofree char *day = format_day (item_done_at (item));

      g_string_append (date, day);
      g_string_append_c (date, '\n');
      g_string_append_printf (date, _("revision %u"), item->record->revision);
    }

  row->action = pdf_layout (pdf, ut_action_get_title (item->action), "Sans 9.5", columns.action_width);
  if (item->record != NULL && item->record->note != NULL && *item->record->note != '\0')
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s %s", ut_action_get_title (item->action),
                                               _("Note:"), item->record->note);

      pango_layout_set_text (row->action, text, -1);
    }
  row->state = pdf_layout (pdf, state->str, "Sans 9", PDF_STATE);
  row->date = pdf_layout (pdf, date->str, "Sans 9", PDF_DATE);
  row->height = MAX (MAX (pdf_height (row->action), pdf_height (row->state)), pdf_height (row->date)) + 7;
}

static void
pdf_row_show (Pdf        *pdf,
              const Item *item,
              Row        *row)
{
  Columns columns;

  pdf_columns (pdf, &columns);
  pdf_box (pdf, PDF_MARGIN + 1, pdf->y + 2.5, item->state);
  pdf_show (pdf, row->action, columns.action_x, pdf->y + 1, 0);
  pdf_show (pdf, row->state, columns.state_x, pdf->y + 1, 0);
  pdf_show (pdf, row->date, columns.date_x, pdf->y + 1, 0.2);
  pdf->y += row->height;
  pdf_rule (pdf, pdf->y - 3, 0.85);
}

static void
pdf_section (Pdf     *pdf,
             Section *section)
{
  g_autoptr(PangoLayout) heading = pdf_layout (pdf, section_get_name (section), "Sans Bold 12.5",
                                               pdf_content_width (pdf));
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(PangoLayout) notes_layout = NULL;
  g_autofree char *no_opt_out = no_opt_out_note (section);
  double needed;

  if (section->account != NULL)
    g_string_append_printf (notes, "%s %s\n", _("Account:"), section->account);
  if (section->platform == NULL)
    g_string_append_printf (notes, "%s\n", _("This platform is no longer in Untrain’s catalog."));
  else if (no_opt_out != NULL)
    g_string_append_printf (notes, "%s\n", no_opt_out);
  if (section->platform != NULL && section->items->len == 0)
    g_string_append_printf (notes, "%s\n", _("There is nothing to do in this region."));
  if (notes->len > 0)
    {
      g_string_truncate (notes, notes->len - 1);
      notes_layout = pdf_layout (pdf, notes->str, "Sans Italic 9", pdf_content_width (pdf));
    }

  /* A heading is kept with its notes, the column titles and the first row. */
  needed = 10 + pdf_height (heading) + 4 + (notes_layout != NULL ? pdf_height (notes_layout) + 6 : 0);
  if (section->items->len > 0)
    {
      g_auto(Row) first = { NULL };

      pdf_row_measure (pdf, &g_array_index (section->items, Item, 0), &first);
      needed += pdf_table_header (pdf, TRUE) + first.height;
    }
  if (!pdf_ensure (pdf, needed))
    pdf->y += 10;

  pdf_show (pdf, heading, PDF_MARGIN, pdf->y, 0);
  pdf->y += pdf_height (heading) + 4;
  if (notes_layout != NULL)
    {
      pdf_show (pdf, notes_layout, PDF_MARGIN, pdf->y, 0.25);
      pdf->y += pdf_height (notes_layout) + 6;
    }

  if (section->items->len == 0)
    return;

  pdf_table_header (pdf, FALSE);
  for (guint i = 0; i < section->items->len; i++)
    {
      Item *item = &g_array_index (section->items, Item, i);
      g_auto(Row) row = { NULL };

      pdf_row_measure (pdf, item, &row);
      if (pdf_ensure (pdf, row.height))
        {
          /* Translators: a platform's heading repeated where its table goes on over a page */
          g_autofree char *text = g_strdup_printf (_("%s (continued)"), section_get_name (section));
          g_autoptr(PangoLayout) continued = pdf_layout (pdf, text, "Sans Bold 10", pdf_content_width (pdf));

          pdf_show (pdf, continued, PDF_MARGIN, pdf->y, 0.25);
          pdf->y += pdf_height (continued) + 4;
          pdf_table_header (pdf, FALSE);
        }
      pdf_row_show (pdf, item, &row);
    }
}

static void
pdf_title (Pdf     *pdf,
           Export  *export,
           Chapter *chapter)
{
  UtRegion region = ut_profile_get_region (chapter->profile);
  g_autoptr(PangoLayout) title = pdf_layout (pdf, _("Untrain checklist"), "Sans Bold 20", pdf_content_width (pdf));
  g_autoptr(PangoLayout) details = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Profile: %s"), ut_profile_get_name (chapter->profile));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Region: %s (%s)"), ut_region_get_display_name (region), ut_region_to_code (region));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Date: %s"), export->today);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Untrain %s, catalog version %s"), PACKAGE_VERSION, export->catalog_version);
  details = pdf_layout (pdf, text->str, "Sans 10", pdf_content_width (pdf));

  pdf_show (pdf, title, PDF_MARGIN, pdf->y, 0);
  pdf->y += pdf_height (title) + 6;
  pdf_show (pdf, details, PDF_MARGIN, pdf->y, 0.2);
  pdf->y += pdf_height (details) + 8;
  pdf_rule (pdf, pdf->y, 0.3);
  pdf->y += 4;

  if (chapter->sections->len == 0)
    {
      g_autoptr(PangoLayout) empty = pdf_layout (pdf, _("No platforms have been chosen for this profile yet."),
                                                 "Sans Italic 10", pdf_content_width (pdf));

      pdf->y += 10;
      pdf_show (pdf, empty, PDF_MARGIN, pdf->y, 0.25);
      pdf->y += pdf_height (empty);
    }
}

static void
pdf_render (Pdf    *pdf,
            Export *export)
{
  pdf->page = 0;

  for (guint i = 0; i < export->chapters->len; i++)
    {
      Chapter *chapter = g_ptr_array_index (export->chapters, i);

      /* Each profile starts on a page of its own. */
      if (i > 0)
        pdf_end_page (pdf);
      pdf_begin_page (pdf);
      pdf_title (pdf, export, chapter);

      for (guint j = 0; j < chapter->sections->len; j++)
        pdf_section (pdf, g_ptr_array_index (chapter->sections, j));
    }

  pdf_end_page (pdf);
}

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

#ifdef __GLIBC__
static guint
locale_paper_width (void)
{
  /* glibc returns the number itself where the pointer would be, as GTK also reads it. */
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  return width.word;
}
#endif

static UtExportPaper
resolve_paper (UtExportPaper paper)
{
  if (paper != UT_EXPORT_PAPER_DEFAULT)
    return paper;

#ifdef __GLIBC__
  /* US Letter is 216 mm wide, A4 210 mm. */
  if (locale_paper_width () == 216)
    return UT_EXPORT_PAPER_LETTER;
#endif

  return UT_EXPORT_PAPER_A4;
}

static GBytes *
export_pdf (Export  *export,
            GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *creator = g_strdup_printf ("Untrain %s", PACKAGE_VERSION);
  g_autofree char *created = ut_date_time_format (export->now);
  g_autofree char *versions = versions_line (export);
  cairo_font_options_t *font_options;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf pdf = { NULL };

  if (resolve_paper (export->paper) == UT_EXPORT_PAPER_LETTER)
    {
      pdf.width = 612;
      pdf.height = 792;
    }
  else
    {
      pdf.width = 595;
      pdf.height = 842;
    }

  surface = cairo_pdf_surface_create_for_stream (pdf_write, bytes, pdf.width, pdf.height);
  title = export->profile != NULL
          ? g_strdup_printf ("%s — %s", _("Untrain checklist"), ut_profile_get_name (export->profile))
          : g_strdup (_("Untrain checklist"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  pdf.cr = cairo_create (surface);
  pdf.context = pango_cairo_create_context (pdf.cr);
  /* Sizes are in points, and metrics are not hinted, so the page looks the same at any zoom. */
  pango_cairo_context_set_resolution (pdf.context, 72);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.context, font_options);
  cairo_font_options_destroy (font_options);
  pdf.footer = versions;

  /* Once to count the pages for "Page 1 of N", once to draw. */
  pdf.draw = FALSE;
  pdf_render (&pdf, export);
  pdf.n_pages = pdf.page;
  pdf.draw = TRUE;
  pdf_render (&pdf, export);

  g_object_unref (pdf.context);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_FAILED,
                   _("The PDF could not be made (%s). Try another format."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* ---- entry points ----------------------------------------------------------------------- */

/**
 * ut_export:
 * @profile: (nullable): the profile to export; %NULL for every profile
 * @options: (nullable): the time, paper size and identities; %NULL for the defaults
 *
 * Makes an export in @format of the same data: the actions of each platform the profile uses,
 * for its region, with what the user recorded. Every format names Untrain's version, the catalog
 * version and the date. Account identities appear only if @options has them.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
ut_export (UtExportFormat          format,
           UtCatalog              *catalog,
           UtProgress             *progress,
           UtProfile              *profile,
           const UtExportOptions  *options,
           GError                **error)
{
  static const UtExportOptions defaults = { NULL, UT_EXPORT_PAPER_DEFAULT, NULL };
  g_auto(Export) export = { 0 };

  g_return_val_if_fail (format < UT_EXPORT_N_FORMATS, NULL);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (profile == NULL || UT_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  /* Identities belong to one profile: exporting them for all would mix people up. */
  g_return_val_if_fail (profile != NULL || options->identities == NULL, NULL);

  export.format = format;
  export.catalog = catalog;
  export.progress = progress;
  export.profile = profile;
  export.now = options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_utc ();
  export.paper = options->paper;
  export.identities = options->identities;
  export.today = format_day (export.now);
  export.catalog_version = g_strdup_printf ("%" G_GINT64_FORMAT, ut_catalog_get_version (catalog));
  export.chapters = g_ptr_array_new_with_free_func (chapter_free);

  if (profile != NULL)
    g_ptr_array_add (export.chapters, chapter_new (&export, profile));
  else if (format != UT_EXPORT_FORMAT_JSON)
    {
      GListModel *profiles = ut_progress_get_profiles (progress);

      for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
        {
          g_autoptr(UtProfile) item = g_list_model_get_item (profiles, i);

          g_ptr_array_add (export.chapters, chapter_new (&export, item));
        }
    }

  if (format != UT_EXPORT_FORMAT_JSON && export.chapters->len == 0)
    {
      g_set_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_NOTHING_TO_EXPORT,
                   _("There is no profile to export yet. Choose your platforms first."));
      return NULL;
    }

  switch (format)
    {
    case UT_EXPORT_FORMAT_MARKDOWN:
      return export_markdown (&export, error);
    case UT_EXPORT_FORMAT_CSV:
      return export_csv (&export, error);
    case UT_EXPORT_FORMAT_JSON:
      return export_json (&export, error);
    case UT_EXPORT_FORMAT_ICS:
      return export_ics (&export, error);
    case UT_EXPORT_FORMAT_PDF:
      return export_pdf (&export, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
format_noun (UtExportFormat format)
{
  switch (format)
    {
    case UT_EXPORT_FORMAT_JSON:
      /* Translators: used as in "Could not write the backup to …" */
      return _("the backup");
    case UT_EXPORT_FORMAT_ICS:
      /* Translators: used as in "Could not write the calendar to …" */
      return _("the calendar");
    case UT_EXPORT_FORMAT_MARKDOWN:
    case UT_EXPORT_FORMAT_CSV:
    case UT_EXPORT_FORMAT_PDF:
    default:
      /* Translators: used as in "Could not write the checklist to …" */
      return _("the checklist");
    }
}

/* GLib's messages name a temporary file the user never chose; say what happened to theirs. */
static GError *
write_error (UtExportFormat  format,
             const char     *path,
             const GError   *cause)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (directory);
  g_autofree char *file = g_filename_display_name (path);
  const char *what = format_noun (format);
  int code = cause->domain == G_FILE_ERROR ? cause->code : G_FILE_ERROR_FAILED;

  switch (code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      /* Translators: "Could not write the checklist to /home/me/Documents: permission denied. …" */
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s: permission denied. Choose another folder."),
                          what, folder);
    case G_FILE_ERROR_NOSPC:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s: the disk is full. Free some space or choose another disk."),
                          what, folder);
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s: the folder does not exist. Choose another folder."),
                          what, folder);
    case G_FILE_ERROR_ISDIR:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s: %s is a folder. Choose a file name."),
                          what, file);
    case G_FILE_ERROR_NAMETOOLONG:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s: the name %s is too long. Choose a shorter name."),
                          what, file);
    default:
      return g_error_new (G_FILE_ERROR, code, _("Could not write %s to %s (%s). Choose another folder."),
                          what, folder, cause->message);
    }
}

static gboolean
write_bytes (UtExportFormat   format,
             GBytes          *bytes,
             gboolean         has_identities,
             const char      *path,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GStatBuf info;

  /* The atomic write would put a regular file in the place of a device or a FIFO (run as root,
   * --output=/dev/full turned the device into a file). A symbolic link is replaced by the new file
   * and what it points to is left alone, like any file that is replaced. */
  if (g_lstat (path, &info) == 0 && !S_ISREG (info.st_mode) && !S_ISLNK (info.st_mode) && !S_ISDIR (info.st_mode))
    {
      g_autofree char *file = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Could not write %s: %s is not a regular file (a device, a pipe or a socket), "
                     "so Untrain does not replace it. Choose a file name."),
                   format_noun (format), file);
      return FALSE;
    }

  /* A temporary file beside the target, renamed over it once complete: GLib removes the
   * temporary file itself when writing fails, so a full disk leaves nothing behind. */
  /* Account e-mails are for the user's eyes only, like the keyring they came from. */
  if (!ut_write_file_atomic (path, data != NULL ? data : "", length, has_identities ? 0600 : 0644,
                             &local_error))
    {
      g_propagate_error (error, write_error (format, path, local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * ut_export_to_file:
 * @path: the file to write; it is replaced atomically
 *
 * Like ut_export(), written to @path: completely or, on failure, not at all. Failures come with a
 * sentence for the user (in the %G_FILE_ERROR domain when writing failed).
 */
gboolean
ut_export_to_file (UtExportFormat          format,
                   UtCatalog              *catalog,
                   UtProgress             *progress,
                   UtProfile              *profile,
                   const UtExportOptions  *options,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ut_export (format, catalog, progress, profile, options, error);
  if (bytes == NULL)
    return FALSE;

  return write_bytes (format, bytes, options != NULL && options->identities != NULL, path, error);
}

typedef struct
{
  UtExportFormat  format;
  GBytes         *bytes;
  gboolean        has_identities;
  char           *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (write_bytes (data->format, data->bytes, data->has_identities, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ut_export_to_file_async:
 *
 * Like ut_export_to_file(), but the file is written (and synced to disk) in a worker thread. The
 * export itself is made before this returns, from the progress as it is now, so the caller may
 * go on changing progress.
 */
void
ut_export_to_file_async (UtExportFormat          format,
                         UtCatalog              *catalog,
                         UtProgress             *progress,
                         UtProfile              *profile,
                         const UtExportOptions  *options,
                         const char             *path,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;
  GBytes *bytes;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_export_to_file_async);

  bytes = ut_export (format, catalog, progress, profile, options, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (WriteData, 1);
  data->format = format;
  data->bytes = bytes;
  data->has_identities = options != NULL && options->identities != NULL;
  data->path = g_strdup (path);
  /* Not cancellable once started: the write is all or nothing anyway. */
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ut_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ut_export_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
