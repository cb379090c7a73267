/* ut-legal.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-legal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ut-json.h"
#include "ut-legal.h"
#include "ut-util.h"

/* data/legal/legal.json: per jurisdiction, the request its law gives, the article to cite, when the
 * answer is due and where to complain; and the directory of regulators. Like the catalog, every
 * entry cites sources, and the file is checked when the app is built and again when it loads. */

struct _UtLegal
{
  GObject        parent_instance;

  JsonNode      *root;      /* every string below points into it */
  UtLegalRights  rights[UT_N_REGIONS];
  gboolean       has_rights[UT_N_REGIONS];
  GArray        *regulators;  /* of UtRegulator */
};

G_DEFINE_FINAL_TYPE (UtLegal, ut_legal, G_TYPE_OBJECT)

/* The EU and EEA states, each with a national authority in the directory. */
static const char * const eea_countries[] = {
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", NULL
};
/* Germany's Länder, each with its own authority for companies (ISO 3166-2:DE). */
static const char * const german_lands[] = {
  "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH", NULL
};
static const char * const request_names[] = { "object", "opt-out", "delete", NULL };
/* Which jurisdiction's law a person in each region can rely on. In the US only some states give
 * such rights; California's are the ones the app explains. */
static const char * const region_jurisdictions[UT_N_REGIONS] = { "US-CA", "EU", "CH", "UK", NULL };

static void
ut_legal_finalize (GObject *object)
{
  UtLegal *self = (UtLegal *) object;

  g_clear_pointer (&self->regulators, g_array_unref);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (ut_legal_parent_class)->finalize (object);
}

static void
ut_legal_class_init (UtLegalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ut_legal_finalize;
}

static void
ut_legal_init (UtLegal *self)
{
  self->regulators = g_array_new (FALSE, TRUE, sizeof (UtRegulator));
}

/* ---- validation ------------------------------------------------------------------------------ */

typedef struct
{
  GString    *problems;   /* one line each */
  GHashTable *source_ids;
} Check;

G_GNUC_PRINTF (3, 4)
static void
problem (Check      *check,
         const char *where,
         const char *format,
         ...)
{
  va_list args;

  g_string_append_printf (check->problems, "%s: ", where);
  va_start (args, format);
  g_string_append_vprintf (check->problems, format, args);
  va_end (args);
  g_string_append_c (check->problems, '\n');
}

static const char *
text_member (Check      *check,
             JsonObject *object,
             const char *where,
             const char *key,
             gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *value;

  if (node == NULL)
    {
      if (required)
        problem (check, where, "“%s” is missing", key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *(value = json_node_get_string (node)) == '\0' || !ut_text_is_printable (value))
    {
      problem (check, where, "“%s” must be printable text", key);
      return NULL;
    }
  return value;
}

/* A text given once for every language ("GDPR") or per language ({"en": …, "de": …, "fr": …}). */
static gboolean
localized_member (Check       *check,
                  JsonObject  *object,
                  const char  *where,
                  const char  *key,
                  gboolean     required,
                  UtLegalText  text)
{
  static const char * const codes[UT_LEGAL_N_LANGUAGES] = { "en", "de", "fr" };
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *inner = g_strconcat (where, "/", key, NULL);

  for (guint i = 0; i < UT_LEGAL_N_LANGUAGES; i++)
    text[i] = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *value = text_member (check, object, where, key, required);

      for (guint i = 0; i < UT_LEGAL_N_LANGUAGES; i++)
        text[i] = value;
      return value != NULL;
    }
  for (guint i = 0; i < UT_LEGAL_N_LANGUAGES; i++)
    text[i] = text_member (check, json_node_get_object (node), inner, codes[i], TRUE);
  return text[0] != NULL;
}

static const char *
url_member (Check      *check,
            JsonObject *object,
            const char *where,
            const char *key,
            gboolean    required)
{
  const char *url = text_member (check, object, where, key, required);

  if (url != NULL && !ut_is_https_url (url))
    {
      problem (check, where, "“%s” is not an https URL", key);
      return NULL;
    }
  return url;
}

static guint
uint_member (Check      *check,
             JsonObject *object,
             const char *where,
             const char *key,
             guint       max)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  if (node == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 0 || value > max)
    {
      problem (check, where, "“%s” must be a whole number from 0 to %u", key, max);
      return 0;
    }
  return (guint) value;
}

static void
check_cited (Check      *check,
             JsonObject *object,
             const char *where)
{
  JsonNode *node = json_object_get_member (object, "sources");
  JsonArray *sources = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (sources == NULL || json_array_get_length (sources) == 0)
    {
      problem (check, where, "every entry cites at least one source (“sources”)");
      return;
    }
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonNode *id = json_array_get_element (sources, i);

      if (!JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING ||
          !g_hash_table_contains (check->source_ids, json_node_get_string (id)))
        problem (check, where, "source %u is not defined in “sources”", i);
    }
}

static JsonObject *
object_member (Check      *check,
               JsonObject *object,
               const char *where,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (check, where, "“%s” must be an object", key);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
array_member (Check      *check,
              JsonObject *object,
              const char *where,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (check, where, "“%s” must be an array", key);
      return NULL;
    }
  return json_node_get_array (node);
}

static void
read_sources (Check      *check,
              JsonObject *root)
{
  JsonArray *sources = array_member (check, root, "/sources", "sources");
  static const char * const publishers[] = { "legislation", "regulator", "court", NULL };

  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonNode *node = json_array_get_element (sources, i);
      g_autofree char *where = g_strdup_printf ("/sources/%u", i);
      JsonObject *source;
      const char *id, *publisher, *date;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          problem (check, where, "a source is an object");
          continue;
        }
      source = json_node_get_object (node);
      id = text_member (check, source, where, "id", TRUE);
      url_member (check, source, where, "url", TRUE);
      text_member (check, source, where, "title", TRUE);
      publisher = text_member (check, source, where, "publisher", TRUE);
      date = text_member (check, source, where, "date", TRUE);
      /* The law is what the letters state: only the legal texts, regulators and courts say it. */
      if (publisher != NULL && !g_strv_contains (publishers, publisher))
        problem (check, where, "“publisher” must be legislation, regulator or court");
      if (date != NULL && !ut_is_iso_date (date) && !ut_is_partial_iso_date (date))
        problem (check, where, "“date” must be YYYY-MM-DD or YYYY-MM");
      if (id != NULL && !g_hash_table_add (check->source_ids, (gpointer) id))
        problem (check, where, "source id “%s” is used twice", id);
    }
}

static void
read_rights (UtLegal    *self,
             Check      *check,
             JsonObject *root)
{
  JsonObject *jurisdictions = object_member (check, root, "/", "jurisdictions");

  if (jurisdictions == NULL)
    return;

  for (guint r = 0; r < UT_N_REGIONS; r++)
    {
      const char *id = region_jurisdictions[r];
      g_autofree char *where = NULL;
      JsonObject *entry, *deadline;
      UtLegalRights *rights = &self->rights[r];
      const char *request;
      int request_index;

      if (id == NULL)
        continue;
      where = g_strdup_printf ("/jurisdictions/%s", id);
      if ((entry = object_member (check, jurisdictions, "/jurisdictions", id)) == NULL)
        continue;

      rights->id = id;
      localized_member (check, entry, where, "law", TRUE, rights->law);
      request = text_member (check, entry, where, "request", TRUE);
      request_index = request != NULL ? (int) g_strv_length ((char **) request_names) : -1;
      for (guint i = 0; request != NULL && request_names[i] != NULL; i++)
        if (g_str_equal (request_names[i], request))
          request_index = (int) i;
      if (request != NULL && request_names[request_index] == NULL)
        problem (check, where, "“request” must be object, opt-out or delete");
      rights->request = request_index >= 0 && request_names[request_index] != NULL ? (UtLegalRequest) request_index
                                                                                  : UT_LEGAL_REQUEST_OBJECT;
      localized_member (check, entry, where, "request_article", TRUE, rights->request_article);
      if (!localized_member (check, entry, where, "subject_citation", FALSE, rights->subject_citation))
        memcpy (rights->subject_citation, rights->request_article, sizeof (UtLegalText));
      rights->grounds_required = json_object_get_boolean_member_with_default (entry, "grounds_required", FALSE);
      localized_member (check, entry, where, "erasure_article", FALSE, rights->erasure_article);
      localized_member (check, entry, where, "residents_of", FALSE, rights->residents_of);
      localized_member (check, entry, where, "complaint_article", FALSE, rights->complaint_article);
      localized_member (check, entry, where, "complaint_body", FALSE, rights->complaint_body);
      rights->complaint_url = url_member (check, entry, where, "complaint_url", FALSE);
      /* Some laws set no time for the answer to this request; then there is no due date. */
      if (json_object_has_member (entry, "deadline") &&
          (deadline = object_member (check, entry, where, "deadline")) != NULL)
        {
          g_autofree char *deadline_where = g_strconcat (where, "/deadline", NULL);

          rights->deadline_months = uint_member (check, deadline, deadline_where, "months", 12);
          rights->deadline_days = uint_member (check, deadline, deadline_where, "days", 366);
          rights->extension_months = uint_member (check, deadline, deadline_where, "extension_months", 12);
          rights->extension_days = uint_member (check, deadline, deadline_where, "extension_days", 366);
          localized_member (check, deadline, deadline_where, "article", TRUE, rights->deadline_article);
          if (rights->deadline_months == 0 && rights->deadline_days == 0)
            problem (check, deadline_where, "a deadline needs “months” or “days”");
          rights->has_deadline = TRUE;
        }
      check_cited (check, entry, where);
      self->has_rights[r] = TRUE;
    }
}

static void
read_regulators (UtLegal    *self,
                 Check      *check,
                 JsonObject *root)
{
  JsonArray *regulators = array_member (check, root, "/", "regulators");
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; regulators != NULL && i < json_array_get_length (regulators); i++)
    {
      JsonNode *node = json_array_get_element (regulators, i);
      g_autofree char *where = g_strdup_printf ("/regulators/%u", i);
      UtRegulator regulator = { NULL };
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          problem (check, where, "a regulator is an object");
          continue;
        }
      entry = json_node_get_object (node);
      regulator.id = text_member (check, entry, where, "id", TRUE);
      regulator.country = text_member (check, entry, where, "country", TRUE);
      regulator.land = text_member (check, entry, where, "land", FALSE);
      regulator.name = text_member (check, entry, where, "name", TRUE);
      regulator.name_en = text_member (check, entry, where, "name_en", FALSE);
      regulator.homepage = url_member (check, entry, where, "homepage", TRUE);
      regulator.complaint_url = url_member (check, entry, where, "complaint_url", FALSE);
      check_cited (check, entry, where);
      if (regulator.id == NULL || regulator.country == NULL || regulator.name == NULL || regulator.homepage == NULL)
        continue;
      if (regulator.land != NULL && !g_str_equal (regulator.country, "DE"))
        problem (check, where, "only German regulators have a “land”");
      if (!g_hash_table_add (places, g_strdup_printf ("%s-%s", regulator.country,
                                                        regulator.land != NULL ? regulator.land : "")))
        problem (check, where, "a second regulator for %s%s%s", regulator.country,
                 regulator.land != NULL ? "-" : "", regulator.land != NULL ? regulator.land : "");
      g_array_append_val (self->regulators, regulator);
    }

  /* Everyone the app serves in Europe finds their regulator. */
  for (guint i = 0; eea_countries[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s-", eea_countries[i]);

      if (!g_hash_table_contains (places, key))
        problem (check, "/regulators", "no regulator for %s", eea_countries[i]);
    }
  for (guint i = 0; german_lands[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("DE-%s", german_lands[i]);

      if (!g_hash_table_contains (places, key))
        problem (check, "/regulators", "no regulator for the German Land %s", german_lands[i]);
    }
  if (!g_hash_table_contains (places, "CH-"))
    problem (check, "/regulators", "no regulator for CH");
  if (!g_hash_table_contains (places, "GB-"))
    problem (check, "/regulators", "no regulator for GB");
}

/**
 * ut_legal_new_from_bytes:
 * @origin: where the bytes came from, for messages
 *
 * Reads and checks the legal data: every jurisdiction the regions need, every EU/EEA country's,
 * every German Land's, Switzerland's and the UK's regulator, and a source behind each entry.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL with @error listing every problem
 */
UtLegal *
ut_legal_new_from_bytes (GBytes      *bytes,
                         const char  *origin,
                         GError     **error)
{
  g_autoptr(UtLegal) self = g_object_new (UT_TYPE_LEGAL, NULL);
  g_autoptr(GHashTable) source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  Check check = { g_string_new (NULL), source_ids };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonObject *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  self->root = ut_json_parse (data != NULL ? data : "", (gssize) length, error);
  if (self->root == NULL)
    {
      g_string_free (check.problems, TRUE);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (self->root))
    problem (&check, "/", "the legal data is an object");
  else
    {
      root = json_node_get_object (self->root);
      if (json_object_get_int_member_with_default (root, "format", 0) != 1)
        problem (&check, "/format", "must be 1");
      read_sources (&check, root);
      read_rights (self, &check, root);
      read_regulators (self, &check, root);
    }

  if (check.problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:\n%s", origin, check.problems->str);
      g_string_free (check.problems, TRUE);
      return NULL;
    }

  g_string_free (check.problems, TRUE);
  return g_steal_pointer (&self);
}

/**
 * ut_legal_get_rights:
 *
 * Returns: (nullable): what the law of @region lets a person ask for, or %NULL where the app knows
 *   of no such right (everywhere else)
 */
const UtLegalRights *
ut_legal_get_rights (UtLegal  *self,
                     UtRegion  region)
{
  g_return_val_if_fail (UT_IS_LEGAL (self), NULL);
  g_return_val_if_fail (region < UT_N_REGIONS, NULL);

  return self->has_rights[region] ? &self->rights[region] : NULL;
}

guint
ut_legal_get_n_regulators (UtLegal *self)
{
  g_return_val_if_fail (UT_IS_LEGAL (self), 0);
  return self->regulators->len;
}

const UtRegulator *
ut_legal_get_regulator (UtLegal *self,
                        guint    index)
{
  g_return_val_if_fail (UT_IS_LEGAL (self), NULL);
  g_return_val_if_fail (index < self->regulators->len, NULL);

  return &g_array_index (self->regulators, UtRegulator, index);
}

/**
 * ut_legal_find_regulator:
 * @country: ISO 3166-1 alpha-2 ("DE", "GB")
 * @land: (nullable): for Germany, the Land ("BY"); without it, the federal authority
 *
 * Returns: (nullable): the regulator a person there complains to
 */
const UtRegulator *
ut_legal_find_regulator (UtLegal    *self,
                         const char *country,
                         const char *land)
{
  g_return_val_if_fail (UT_IS_LEGAL (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  for (guint i = 0; i < self->regulators->len; i++)
    {
      const UtRegulator *regulator = &g_array_index (self->regulators, UtRegulator, i);

      if (g_ascii_strcasecmp (regulator->country, country) == 0 &&
          g_strcmp0 (regulator->land, g_str_equal (country, "DE") ? land : NULL) == 0)
        return regulator;
    }
  return NULL;
}

/**
 * ut_legal_add_period:
 *
 * @start plus @months and @days, as EU law counts periods (Regulation 1182/71, Art. 3): a period
 * of months ends on the day with the same number, or on the month's last day when it has no such
 * day (31 January + 1 month = 28 or 29 February).
 *
 * Returns: (transfer full): the day the period ends
 */
GDate *
ut_legal_add_period (const GDate *start,
                     guint        months,
                     guint        days)
{
  GDate *end;

  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);

  end = g_date_copy (start);
  g_date_add_months (end, months);
  g_date_add_days (end, days);
  return end;
}

/**
 * ut_legal_rights_due_date:
 * @received: the day the platform received the request
 * @extended: the platform said it needs the extension the law allows
 *
 * Returns: (transfer full): the last day for the answer
 */
GDate *
ut_legal_rights_due_date (const UtLegalRights *rights,
                          const GDate         *received,
                          gboolean             extended)
{
  g_return_val_if_fail (rights != NULL, NULL);

  return ut_legal_add_period (received,
                              rights->deadline_months + (extended ? rights->extension_months : 0),
                              rights->deadline_days + (extended ? rights->extension_days : 0));
}
