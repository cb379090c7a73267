/* ut-region.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-region"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ut-region.h"

static const char * const region_codes[UT_N_REGIONS] = { "US", "EU", "CH", "UK", "OTHER" };

/* EU member states plus the EEA states Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2). */
static const char * const eea_countries[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
  "IS", "LI", "NO",
};

/* IANA zones whose territory is in the EU/EEA. Zones such as Europe/Istanbul, Europe/Belgrade or
 * Europe/Gibraltar are deliberately absent: they are in Europe but not in the EEA. */
static const char * const eea_zones[] = {
  "Europe/Amsterdam", "Europe/Athens", "Europe/Berlin", "Europe/Bratislava", "Europe/Brussels",
  "Europe/Bucharest", "Europe/Budapest", "Europe/Busingen", "Europe/Copenhagen", "Europe/Dublin",
  "Europe/Helsinki", "Europe/Lisbon", "Europe/Ljubljana", "Europe/Luxembourg", "Europe/Madrid",
  "Europe/Malta", "Europe/Mariehamn", "Europe/Nicosia", "Europe/Oslo", "Europe/Paris",
  "Europe/Prague", "Europe/Riga", "Europe/Rome", "Europe/Sofia", "Europe/Stockholm",
  "Europe/Tallinn", "Europe/Vaduz", "Europe/Vienna", "Europe/Vilnius", "Europe/Warsaw",
  "Europe/Zagreb", "Asia/Nicosia", "Asia/Famagusta", "Atlantic/Azores", "Atlantic/Canary",
  "Atlantic/Madeira", "Atlantic/Reykjavik", "Africa/Ceuta", "Arctic/Longyearbyen", "Eire",
  "Iceland", "Poland", "Portugal",
};

static const char * const us_zones[] = {
  "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
  "America/Phoenix", "America/Anchorage", "America/Adak", "America/Boise", "America/Detroit",
  "America/Juneau", "America/Menominee", "America/Metlakatla", "America/Nome", "America/Sitka",
  "America/Yakutat", "America/Puerto_Rico", "Pacific/Honolulu", "Navajo",
};

static gboolean
str_in (const char         *needle,
        const char * const *haystack,
        gsize               n_haystack)
{
  for (gsize i = 0; i < n_haystack; i++)
    if (g_str_equal (needle, haystack[i]))
      return TRUE;
  return FALSE;
}

const char *
ut_region_to_code (UtRegion region)
{
  g_return_val_if_fail (region < UT_N_REGIONS, NULL);

  return region_codes[region];
}

gboolean
ut_region_from_code (const char *code,
                     UtRegion   *region)
{
  g_return_val_if_fail (region != NULL, FALSE);

  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < UT_N_REGIONS; i++)
    {
      if (g_ascii_strcasecmp (code, region_codes[i]) == 0)
        {
          *region = (UtRegion) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ut_region_get_display_name (UtRegion region)
{
  switch (region)
    {
    case UT_REGION_US:
      return _("United States");
    case UT_REGION_EU:
      return _("European Union and EEA");
    case UT_REGION_CH:
      return _("Switzerland");
    case UT_REGION_UK:
      return _("United Kingdom");
    case UT_REGION_OTHER:
      return _("Elsewhere");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The region as the end of a sentence: "… for people in Switzerland". */
const char *
ut_region_get_location (UtRegion region)
{
  switch (region)
    {
    case UT_REGION_US:
      return _("in the United States");
    case UT_REGION_EU:
      return _("in the EU/EEA");
    case UT_REGION_CH:
      return _("in Switzerland");
    case UT_REGION_UK:
      return _("in the United Kingdom");
    case UT_REGION_OTHER:
      return _("outside the US, the EU/EEA, Switzerland and the UK");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
region_from_country (const char *country,
                     UtRegion   *region)
{
  if (g_str_equal (country, "US"))
    *region = UT_REGION_US;
  else if (g_str_equal (country, "CH"))
    *region = UT_REGION_CH;
  else if (g_str_equal (country, "GB"))
    *region = UT_REGION_UK;
  else if (str_in (country, eea_countries, G_N_ELEMENTS (eea_countries)))
    *region = UT_REGION_EU;
  else
    *region = UT_REGION_OTHER;

  return TRUE;
}

/* "de_CH.UTF-8@euro" → "CH"; NULL for "C", "POSIX" or a bare language. */
static char *
country_from_locale (const char *locale)
{
  const char *underscore;
  gsize len = 0;

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return NULL;

  underscore++;
  while (g_ascii_isalpha (underscore[len]))
    len++;
  if (len != 2)
    return NULL;

  return g_ascii_strup (underscore, 2);
}

static gboolean
region_from_timezone (const char *zone,
                      UtRegion   *region)
{
  if (zone == NULL || *zone == '\0')
    return FALSE;

  /* A POSIX TZ value may start with ':'; an absolute path names a zoneinfo file. */
  if (*zone == ':')
    zone++;
  if (strstr (zone, "zoneinfo/") != NULL)
    zone = strstr (zone, "zoneinfo/") + strlen ("zoneinfo/");

  if (g_str_equal (zone, "Europe/Zurich"))
    *region = UT_REGION_CH;
  else if (g_str_equal (zone, "Europe/London") || g_str_equal (zone, "Europe/Belfast") ||
           g_str_equal (zone, "GB") || g_str_equal (zone, "GB-Eire"))
    *region = UT_REGION_UK;
  else if (str_in (zone, eea_zones, G_N_ELEMENTS (eea_zones)))
    *region = UT_REGION_EU;
  else if (str_in (zone, us_zones, G_N_ELEMENTS (us_zones)) ||
           g_str_has_prefix (zone, "America/Indiana/") ||
           g_str_has_prefix (zone, "America/Kentucky/") ||
           g_str_has_prefix (zone, "America/North_Dakota/") ||
           g_str_has_prefix (zone, "US/"))
    *region = UT_REGION_US;
  else if (strchr (zone, '/') != NULL && !g_str_has_prefix (zone, "Etc/"))
    *region = UT_REGION_OTHER;
  else
    return FALSE;  /* UTC, Etc/GMT+1 and the like say nothing about where someone lives. */

  return TRUE;
}

/**
 * ut_region_guess:
 * @locale: (nullable): a locale name such as "de_CH.UTF-8"
 * @zone: (nullable): an IANA time zone such as "Europe/Zurich"
 *
 * Guesses which region's rules apply to someone. The time zone wins when it names a place,
 * because it follows where a person lives while the locale often follows their language
 * (an American in Berlin with en_US is under EU rules). The result is only a guess: the UI
 * always asks the user to confirm it.
 */
UtRegion
ut_region_guess (const char *locale,
                 const char *zone)
{
  g_autofree char *country = NULL;
  UtRegion region = UT_REGION_OTHER;

  if (region_from_timezone (zone, &region))
    return region;

  country = country_from_locale (locale);
  if (country != NULL)
    region_from_country (country, &region);

  return region;
}

UtRegion
ut_region_guess_from_environment (void)
{
  static const char * const locale_variables[] = { "LC_ALL", "LC_MEASUREMENT", "LC_TIME", "LANG" };
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *locale = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (locale_variables) && locale == NULL; i++)
    {
      const char *value = g_getenv (locale_variables[i]);

      if (value != NULL && *value != '\0')
        locale = value;
    }

  return ut_region_guess (locale, g_time_zone_get_identifier (local));
}
