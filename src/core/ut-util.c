/* ut-util.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ut-util.h"

gboolean
ut_is_slug (const char *text)
{
  gboolean previous_dash = TRUE;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (previous_dash)
            return FALSE;
          previous_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        previous_dash = FALSE;
      else
        return FALSE;
    }

  return !previous_dash;
}

gboolean
ut_is_https_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (text == NULL || !g_str_has_prefix (text, "https://"))
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static gboolean
parse_digits (const char *text,
              gsize       count,
              guint      *value)
{
  *value = 0;
  for (gsize i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) (text[i] - '0');
    }
  return TRUE;
}

/* Accepts YYYY, YYYY-MM and YYYY-MM-DD; the parts that are present must exist in the calendar. */
static gboolean
parse_date (const char *text,
            gboolean    allow_partial)
{
  guint year, month = 1, day = 1;
  gsize len;

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len != 10 && !(allow_partial && (len == 4 || len == 7)))
    return FALSE;

  if (!parse_digits (text, 4, &year) || year < 1900)
    return FALSE;
  if (len >= 7 && (text[4] != '-' || !parse_digits (text + 5, 2, &month)))
    return FALSE;
  if (len == 10 && (text[7] != '-' || !parse_digits (text + 8, 2, &day)))
    return FALSE;

  return month >= 1 && month <= 12 && g_date_valid_dmy (day, month, year);
}

gboolean
ut_is_iso_date (const char *text)
{
  return parse_date (text, FALSE);
}

gboolean
ut_is_partial_iso_date (const char *text)
{
  return parse_date (text, TRUE);
}

char *
ut_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;

  g_return_val_if_fail (text != NULL, NULL);

  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

GDateTime *
ut_date_time_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, utc);
}

char *
ut_date_time_format (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  utc = g_date_time_to_utc (date_time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* A date as people read it, in their locale: "3 November 2025". */
char *
ut_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  local = g_date_time_to_local (date_time);
  /* Translators: a date as in "Done on 3 November 2025"; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

/* Formats a catalog date, which may be only a year or a month ("2025", "2025-09"). */
char *
ut_format_iso_date (const char *text)
{
  g_autoptr(GDateTime) date_time = NULL;
  guint year = 0, month = 1, day = 1;

  g_return_val_if_fail (text != NULL, NULL);

  if (!ut_is_partial_iso_date (text))
    return g_strdup (text);

  parse_digits (text, 4, &year);
  if (strlen (text) >= 7)
    parse_digits (text + 5, 2, &month);
  if (strlen (text) == 10)
    parse_digits (text + 8, 2, &day);

  date_time = g_date_time_new_utc ((int) year, (int) month, (int) day, 12, 0, 0);
  if (strlen (text) == 4)
    return g_strdup (text);
  if (strlen (text) == 7)
    /* Translators: a month, as in "September 2025"; see g_date_time_format() */
    return g_date_time_format (date_time, _("%B %Y"));
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

/* @mode is the new file's permissions (before the umask): 0644 for most, 0600 for files that
 * hold account e-mails. It applies when the file is replaced too, since a new file takes its place. */
gboolean
ut_write_file_atomic (const char  *path,
                      const char  *contents,
                      gsize        length,
                      int          mode,
                      GError     **error)
{
  /* CONSISTENT writes a temporary file and renames it over the target; DURABLE fsyncs it first,
   * so after a crash the target holds either the old contents or the new, never a mix. */
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}
