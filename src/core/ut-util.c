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

static gboolean
is_direction_control (gunichar c)
{
  return c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Characters that have no place in a link a person is shown or that Untrain writes into an export:
 * controls (a CR or LF would start a new line in an iCalendar file), spaces, and the Unicode
 * direction controls that can make one address look like another. */
static gboolean
has_unsafe_characters (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c) || is_direction_control (c))
        return TRUE;
    }

  return FALSE;
}

/* @text with every control character written as \xNN and every direction control as \u{NNNN},
 * and broken UTF-8 replaced, so that a message quoting it cannot move the cursor, clear a terminal
 * or reorder what follows, and a label can show it. */
char *
ut_escape_controls (const char *text)
{
  g_autofree char *valid = NULL;
  GString *escaped;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  escaped = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7F)
        g_string_append_printf (escaped, "\\x%02X", c);
      else if (g_unichar_iscntrl (c) || is_direction_control (c))
        g_string_append_printf (escaped, "\\u{%04X}", c);
      else
        g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (escaped, FALSE);
}

/* Whether @text is valid UTF-8 with no character ut_escape_controls() would escape: text a
 * person reads, with no control characters or direction marks. */
gboolean
ut_text_is_printable (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      /* Most catalog text is ASCII, checked a byte at a time: this loop is a tenth of loading. */
      if ((guchar) *p < 0x80)
        {
          if ((guchar) *p < 0x20 || *p == 0x7f)
            return FALSE;
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) || is_direction_control (c))
        return FALSE;
      p = g_utf8_next_char (p);
    }

  return TRUE;
}

/* An https:// address with a host name and no user name or password in it (which would let
 * "https://www.linkedin.com@evil.example/" look like LinkedIn). */
gboolean
ut_is_https_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (text == NULL || !g_str_has_prefix (text, "https://") || has_unsafe_characters (text))
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_userinfo (uri) != NULL)
    return FALSE;

  host = g_uri_get_host (uri);
  return host != NULL && *host != '\0';
}

/* A DNS name of at least two labels, lower case: what a catalog record lists as its domains. */
gboolean
ut_is_domain_name (const char *text)
{
  gsize label = 0;
  guint n_labels = 1;

  if (text == NULL || *text == '\0' || strlen (text) > 253)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (label == 0 || p[-1] == '-')
            return FALSE;
          label = 0;
          n_labels++;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p) || (*p == '-' && label > 0))
        {
          if (++label > 63)
            return FALSE;
        }
      else
        return FALSE;
    }

  return label > 0 && text[strlen (text) - 1] != '-' && n_labels >= 2;
}

/* Whether @url's host is @domain or one of its subdomains, ignoring case. */
gboolean
ut_url_is_on_domain (const char *url,
                     const char *domain)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  gsize host_len, domain_len;

  if (url == NULL || domain == NULL || (uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)) == NULL ||
      g_uri_get_host (uri) == NULL)
    return FALSE;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  host_len = strlen (host);
  domain_len = strlen (domain);

  if (host_len == domain_len)
    return g_ascii_strcasecmp (host, domain) == 0;

  return host_len > domain_len && host[host_len - domain_len - 1] == '.' &&
         g_ascii_strcasecmp (host + host_len - domain_len, domain) == 0;
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
  /* Made once: a progress file has three times per record, and a new zone each time was a sixth
   * of the time it took to load a large one. */
  static GTimeZone *utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  GDateTime *in_utc;

  if (g_once_init_enter (&utc))
    g_once_init_leave (&utc, g_time_zone_new_utc ());

  if (text == NULL || (parsed = g_date_time_new_from_iso8601 (text, utc)) == NULL ||
      (in_utc = g_date_time_to_utc (parsed)) == NULL)
    return NULL;

  /* Four-digit years only: ut_date_time_format() writes what this reads, and a time near the edge
   * of GDateTime's range could not be moved to the local time zone to be shown. */
  if (g_date_time_get_year (in_utc) < 1000 || g_date_time_get_year (in_utc) > 9999)
    {
      g_date_time_unref (in_utc);
      return NULL;
    }

  return in_utc;
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

  /* Near the end of the calendar the local time can be out of range; UTC then serves. */
  local = g_date_time_to_local (date_time);
  /* Translators: a date as in "Done on 3 November 2025"; see g_date_time_format() */
  return g_date_time_format (local != NULL ? local : date_time, _("%-d %B %Y"));
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

/* 64 lower-case hexadecimal digits: a SHA-256 as Untrain writes it, and safe as a file name. */
gboolean
ut_is_sha256_hex (const char *text)
{
  guint n = 0;

  if (text == NULL)
    return FALSE;
  for (; text[n] != '\0'; n++)
    if (!g_ascii_isxdigit (text[n]) || g_ascii_isupper (text[n]))
      return FALSE;
  return n == 64;
}
