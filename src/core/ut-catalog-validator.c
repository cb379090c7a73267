/* ut-catalog-validator.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-catalog-validator"

#include "config.h"

#include <string.h>

#include "ut-catalog-schema.h"
#include "ut-catalog-validator.h"
#include "ut-json.h"
#include "ut-region.h"
#include "ut-util.h"

struct _UtCatalogValidator
{
  GPtrArray  *problems;
  /* Platform ids and aliases seen so far, mapped to where they were defined, so that a duplicate
   * across files names both places. */
  GHashTable *platform_ids;
  /* The newest date a record may carry in "reviewed" (YYYY-MM-DD), or NULL for no limit. */
  char       *today;
};

/* Where the walk currently is. The pointer grows and shrinks as the walk descends and returns. */
typedef struct
{
  UtCatalogValidator *validator;
  const char         *file;
  GString            *pointer;
  /* The newest date the record being walked may carry, or NULL. */
  const char         *latest;
} Walk;

/* What the checks of one record learn from its parts and need for the others. Strings point into
 * the record's JSON. */
typedef struct
{
  GPtrArray  *domains;       /* the record's own domains */
  GPtrArray  *form_hosts;    /* further hosts its forms live on */
  GHashTable *sources;       /* source id → UtPublisher + 1 */
  GHashTable *change_dates;  /* set of the dates in "changes" */
  GHashTable *action_kinds;  /* action id → UtActionKind + 1 */
  GHashTable *action_index;  /* action id → index in "actions" */
  const char *reviewed;
  gboolean    changes_readable;  /* every change has a valid date */
} Record;

static const char * const record_required[] = {
  "id", "name", "category", "homepage", "domains", "revision", "reviewed", "changes", "data_used",
  "regions", "actions", "sources", NULL
};
static const char * const record_optional[] = {
  "aliases", "short_name", "keywords", "owner", "form_hosts", "contact", "note", "maintainer_note", "ota",
  NULL
};
static const char * const region_required[] = { "status", "actions", NULL };
static const char * const region_optional[] = { "since", "sources", "note", NULL };
static const char * const action_required[] = {
  "id", "kind", "title", "steps", "affects_past_training", "sources", NULL
};
static const char * const action_optional[] = {
  "url", "setting_label", "note", "target", "scope", "recheck_days", "fields", NULL
};
static const char * const contact_required[] = { "sources", NULL };
static const char * const contact_optional[] = { "email", "form", "postal", "lead_authority", NULL };
static const char * const change_required[] = { "revision", "date", "summary", "sources", NULL };
static const char * const source_required[] = { "id", "url", "title", "publisher", "date", NULL };
static const char * const ota_required[] = { "collection", "document", NULL };
static const char * const bundle_required[] = { "format", "version", "generated", "platforms", NULL };
static const char * const bundle_optional[] = { "translations", NULL };
static const char * const none[] = { NULL };

G_DEFINE_BOXED_TYPE (UtProblem, ut_problem, ut_problem_copy, ut_problem_free)

UtProblem *
ut_problem_copy (const UtProblem *problem)
{
  UtProblem *copy = g_new0 (UtProblem, 1);

  copy->file = g_strdup (problem->file);
  copy->pointer = g_strdup (problem->pointer);
  copy->message = g_strdup (problem->message);

  return copy;
}

void
ut_problem_free (UtProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->pointer);
  g_free (problem->message);
  g_free (problem);
}

char *
ut_problem_to_string (const UtProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return g_strdup_printf ("%s: %s: %s",
                          problem->file,
                          *problem->pointer != '\0' ? problem->pointer : "(whole file)",
                          problem->message);
}

UtCatalogValidator *
ut_catalog_validator_new (void)
{
  UtCatalogValidator *self = g_new0 (UtCatalogValidator, 1);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ut_problem_free);
  self->platform_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

void
ut_catalog_validator_free (UtCatalogValidator *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->platform_ids);
  g_free (self->today);
  g_free (self);
}

/**
 * ut_catalog_validator_set_today:
 * @today: (nullable): a date, YYYY-MM-DD
 *
 * Records must not claim to have been reviewed after @today. Without it, a bundle's records are
 * held to the day the bundle was generated and single records to no date at all: the app checks
 * catalogs against their own dates, so a wrong clock on a user's machine cannot reject them.
 */
void
ut_catalog_validator_set_today (UtCatalogValidator *self,
                                const char         *today)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (today == NULL || ut_is_iso_date (today));

  g_free (self->today);
  self->today = g_strdup (today);
}

GPtrArray *
ut_catalog_validator_get_problems (UtCatalogValidator *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

gboolean
ut_catalog_validator_is_valid (UtCatalogValidator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->problems->len == 0;
}

G_GNUC_PRINTF (2, 3)
static void
report (Walk       *walk,
        const char *format,
        ...)
{
  UtProblem *problem = g_new0 (UtProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->file = g_strdup (walk->file);
  problem->pointer = g_strdup (walk->pointer->str);

  g_ptr_array_add (walk->validator->problems, problem);
}

static gsize
push_key (Walk       *walk,
          const char *key)
{
  gsize saved = walk->pointer->len;

  g_string_append_c (walk->pointer, '/');
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '~')
        g_string_append (walk->pointer, "~0");
      else if (*p == '/')
        g_string_append (walk->pointer, "~1");
      else
        g_string_append_c (walk->pointer, *p);
    }

  return saved;
}

static gsize
push_index (Walk  *walk,
            guint  index)
{
  gsize saved = walk->pointer->len;

  g_string_append_printf (walk->pointer, "/%u", index);

  return saved;
}

static void
pop (Walk  *walk,
     gsize  saved)
{
  g_string_truncate (walk->pointer, saved);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
      return "an integer";
    default:
      return "a number";
    }
}

static gboolean
node_is_value_of (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Reports unknown members and missing required ones. */
static void
check_members (Walk               *walk,
               JsonObject         *object,
               const char * const *required,
               const char * const *optional)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      if (ut_schema_lookup (required, name) < 0 && ut_schema_lookup (optional, name) < 0)
        {
          g_autofree char *allowed_required = ut_schema_join (required);
          g_autofree char *allowed_optional = ut_schema_join (optional);
          gsize saved = push_key (walk, name);

          report (walk, "unknown field \"%s\" (allowed: %s%s%s)", name, allowed_required,
                  *optional != NULL ? ", " : "", allowed_optional);
          pop (walk, saved);
        }
    }

  for (guint i = 0; required[i] != NULL; i++)
    {
      if (!json_object_has_member (object, required[i]))
        {
          gsize saved = push_key (walk, required[i]);

          report (walk, "required field \"%s\" is missing", required[i]);
          pop (walk, saved);
        }
    }
}

static JsonObject *
expect_object (Walk     *walk,
               JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (walk, "expected an object, found %s", describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Each expect_* helper looks up @key in @object, reports a problem at /key if it is there but
 * wrong, and returns the value (or NULL / -1) so callers can go on with further checks. */

static const char *
expect_string (Walk       *walk,
               JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *value;
  gsize saved;

  if (node == NULL)
    return NULL;

  saved = push_key (walk, key);
  if (!node_is_value_of (node, G_TYPE_STRING))
    {
      report (walk, "expected a string, found %s", describe_node (node));
      value = NULL;
    }
  else if (is_blank (value = json_node_get_string (node)))
    {
      report (walk, "must not be empty");
      value = NULL;
    }
  else if (!ut_text_is_printable (value))
    {
      report (walk, "contains a control character or a direction mark (text is shown in the app, "
              "printed in terminals and written into exports)");
      value = NULL;
    }
  pop (walk, saved);

  return value;
}

static void
check_string_node_is (Walk       *walk,
                      const char *value,
                      gboolean    valid,
                      const char *what)
{
  if (value != NULL && !valid)
    {
      g_autofree char *shown = ut_escape_controls (value);

      report (walk, "\"%s\" is not %s", shown, what);
    }
}

/* The expect_* helpers below return the value only when it is valid. */
static const char *
expect_https (Walk       *walk,
              JsonObject *object,
              const char *key)
{
  const char *value = expect_string (walk, object, key);
  gboolean valid = ut_is_https_url (value);
  gsize saved = push_key (walk, key);

  check_string_node_is (walk, value, valid,
                        "an https URL (only https:// links with a host name, and no spaces, "
                        "control characters, direction marks or user name, are allowed)");
  pop (walk, saved);

  return valid ? value : NULL;
}

static const char *
expect_date (Walk       *walk,
             JsonObject *object,
             const char *key,
             gboolean    month_is_enough)
{
  const char *value = expect_string (walk, object, key);
  gboolean valid;
  gsize saved = push_key (walk, key);

  if (month_is_enough)
    {
      valid = ut_is_partial_iso_date (value) && strlen (value) > 4;
      check_string_node_is (walk, value, valid,
                            "a valid date (allowed: YYYY-MM-DD, or YYYY-MM when the page gives only a month)");
    }
  else
    {
      valid = ut_is_iso_date (value);
      check_string_node_is (walk, value, valid, "a valid date (allowed: YYYY-MM-DD)");
    }
  pop (walk, saved);

  return valid ? value : NULL;
}

static int
expect_enum (Walk               *walk,
             JsonObject         *object,
             const char         *key,
             const char * const *names)
{
  const char *value = expect_string (walk, object, key);
  int index = ut_schema_lookup (names, value);

  if (value != NULL && index < 0)
    {
      g_autofree char *allowed = ut_schema_join (names);
      gsize saved = push_key (walk, key);

      report (walk, "unknown value \"%s\" (allowed: %s)", value, allowed);
      pop (walk, saved);
    }

  return index;
}

static gint64
expect_integer (Walk       *walk,
                JsonObject *object,
                const char *key,
                gint64      minimum,
                gint64      maximum)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value = -1;
  gsize saved;

  if (node == NULL)
    return -1;

  saved = push_key (walk, key);
  if (!node_is_value_of (node, G_TYPE_INT64))
    report (walk, "expected an integer, found %s", describe_node (node));
  else if ((value = json_node_get_int (node)) < minimum || value > maximum)
    {
      report (walk, "%" G_GINT64_FORMAT " is out of range (allowed: %" G_GINT64_FORMAT
              " to %" G_GINT64_FORMAT ")", value, minimum, maximum);
      value = -1;
    }
  pop (walk, saved);

  return value;
}

static void
expect_boolean (Walk       *walk,
                JsonObject *object,
                const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize saved;

  if (node == NULL)
    return;

  saved = push_key (walk, key);
  if (!node_is_value_of (node, G_TYPE_BOOLEAN))
    report (walk, "expected true or false, found %s", describe_node (node));
  pop (walk, saved);
}

static JsonArray *
expect_array (Walk       *walk,
              JsonObject *object,
              const char *key,
              gboolean    allow_empty)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array = NULL;
  gsize saved;

  if (node == NULL)
    return NULL;

  saved = push_key (walk, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    report (walk, "expected an array, found %s", describe_node (node));
  else if (json_array_get_length (array = json_node_get_array (node)) == 0 && !allow_empty)
    {
      report (walk, "must not be empty");
      array = NULL;
    }
  pop (walk, saved);

  return array;
}

/* Checks that every element of @array is a string; returns the strings in order, NULL where an
 * element was not a string. */
static GPtrArray *
expect_string_elements (Walk      *walk,
                        JsonArray *array)
{
  GPtrArray *strings = g_ptr_array_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize saved = push_index (walk, i);
      const char *value = NULL;

      if (!node_is_value_of (element, G_TYPE_STRING))
        report (walk, "expected a string, found %s", describe_node (element));
      else if (is_blank (value = json_node_get_string (element)))
        {
          report (walk, "must not be empty");
          value = NULL;
        }
      else if (!ut_text_is_printable (value))
        {
          report (walk, "contains a control character or a direction mark (text is shown in the app, "
                  "printed in terminals and written into exports)");
          value = NULL;
        }
      g_ptr_array_add (strings, (gpointer) value);
      pop (walk, saved);
    }

  return strings;
}

static void
register_platform_id (Walk       *walk,
                      const char *id)
{
  const char *previous = g_hash_table_lookup (walk->validator->platform_ids, id);

  if (previous != NULL)
    {
      report (walk, "duplicate platform id \"%s\" (already used at %s)", id, previous);
      return;
    }

  g_hash_table_insert (walk->validator->platform_ids, g_strdup (id),
                       g_strdup_printf ("%s %s", walk->file,
                                        walk->pointer->len > 0 ? walk->pointer->str : "/"));
}

static void
check_aliases (Walk       *walk,
               JsonObject *record,
               const char *id)
{
  JsonArray *aliases = expect_array (walk, record, "aliases", TRUE);
  g_autoptr(GPtrArray) values = NULL;
  gsize saved;

  if (aliases == NULL)
    return;

  saved = push_key (walk, "aliases");
  values = expect_string_elements (walk, aliases);
  for (guint i = 0; i < values->len; i++)
    {
      const char *alias = g_ptr_array_index (values, i);
      gsize saved_index = push_index (walk, i);

      if (alias == NULL)
        ;
      else if (!ut_is_slug (alias))
        report (walk, "\"%s\" is not a valid id (allowed: lower-case letters, digits and single dashes)", alias);
      else if (id != NULL && g_str_equal (alias, id))
        report (walk, "alias \"%s\" is the record's own id", alias);
      else
        register_platform_id (walk, alias);
      pop (walk, saved_index);
    }
  pop (walk, saved);
}

/* Search terms people type for this platform ("gmail", "insta"): plain text, no duplicates. */
static void
check_keywords (Walk       *walk,
                JsonObject *record)
{
  JsonArray *keywords = expect_array (walk, record, "keywords", TRUE);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gsize saved;

  if (keywords == NULL)
    return;

  saved = push_key (walk, "keywords");
  values = expect_string_elements (walk, keywords);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < values->len; i++)
    {
      const char *keyword = g_ptr_array_index (values, i);
      gsize saved_index = push_index (walk, i);

      if (keyword != NULL && !g_hash_table_add (seen, g_utf8_casefold (keyword, -1)))
        report (walk, "keyword \"%s\" is listed twice", keyword);
      pop (walk, saved_index);
    }
  pop (walk, saved);
}

/* "pga-versions", "GenAI-versions": letters and digits in hyphenated words, the last "versions". */
static gboolean
is_ota_collection (const char *name)
{
  gsize length = strlen (name);
  gsize words = length - strlen ("-versions");

  if (length <= strlen ("-versions") || !g_str_has_suffix (name, "-versions"))
    return FALSE;
  for (gsize i = 0; i < words; i++)
    if (!g_ascii_isalnum (name[i]) &&
        (name[i] != '-' || i == 0 || name[i - 1] == '-' || i + 1 == words))
      return FALSE;
  return TRUE;
}

/* "LinkedIn/Privacy Policy.md": a service folder that is not hidden, one file in it. */
static gboolean
is_ota_document (const char *path)
{
  const char *slash = strchr (path, '/');

  return slash != NULL && slash != path && path[0] != '.' && strchr (slash + 1, '/') == NULL &&
         strlen (slash + 1) > strlen (".md") && g_str_has_suffix (slash + 1, ".md");
}

/* The documents Open Terms Archive keeps for this platform, which `untrain-catalog watch` follows:
 * a collection ("pga-versions") and a path in it ("LinkedIn/Privacy Policy.md"). */
static void
check_ota (Walk       *walk,
           JsonObject *record)
{
  JsonArray *documents = expect_array (walk, record, "ota", TRUE);
  gsize saved;

  if (documents == NULL)
    return;

  saved = push_key (walk, "ota");
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      gsize saved_index = push_index (walk, i);
      JsonObject *entry = expect_object (walk, json_array_get_element (documents, i));
      const char *collection, *document;

      if (entry != NULL)
        {
          check_members (walk, entry, ota_required, none);
          collection = expect_string (walk, entry, "collection");
          document = expect_string (walk, entry, "document");
          if (collection != NULL && !is_ota_collection (collection))
            report (walk, "collection \"%s\" is not the name of an Open Terms Archive versions "
                    "repository (such as \"pga-versions\")", collection);
          if (document != NULL && !is_ota_document (document))
            report (walk, "document \"%s\" is not \"Service/Document type.md\"", document);
        }
      pop (walk, saved_index);
    }
  pop (walk, saved);
}

static gboolean
report_unless (Walk       *walk,
               gboolean    ok,
               const char *key,
               const char *message)
{
  if (!ok)
    {
      gsize saved = key != NULL ? push_key (walk, key) : walk->pointer->len;

      report (walk, "%s", message);
      pop (walk, saved);
    }

  return ok;
}

/* "domains" and "form_hosts": lists of host names, returned as strings into the JSON. */
static GPtrArray *
check_hosts (Walk       *walk,
             JsonObject *record,
             const char *key,
             gboolean    subdomains)
{
  JsonArray *array = expect_array (walk, record, key, FALSE);
  GPtrArray *hosts = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = NULL;
  gsize saved;

  if (array == NULL)
    return hosts;

  saved = push_key (walk, key);
  values = expect_string_elements (walk, array);
  for (guint i = 0; i < values->len; i++)
    {
      const char *host = g_ptr_array_index (values, i);
      gsize saved_index = push_index (walk, i);

      if (host != NULL && !ut_is_domain_name (host))
        report (walk, "\"%s\" is not a host name (allowed: lower-case names such as %s, without "
                "https:// or a path)", host, subdomains ? "\"linkedin.com\"" : "\"forms.example.net\"");
      else if (host != NULL)
        g_ptr_array_add (hosts, (gpointer) host);
      pop (walk, saved_index);
    }
  pop (walk, saved);

  return hosts;
}

static gboolean
url_is_on_domains (const char *url,
                   GPtrArray  *domains)
{
  for (guint i = 0; i < domains->len; i++)
    if (ut_url_is_on_domain (url, g_ptr_array_index (domains, i)))
      return TRUE;
  return FALSE;
}

static gboolean
url_is_on_hosts (const char *url,
                 GPtrArray  *hosts)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  for (guint i = 0; uri != NULL && i < hosts->len; i++)
    if (g_ascii_strcasecmp (g_uri_get_host (uri), g_ptr_array_index (hosts, i)) == 0)
      return TRUE;
  return FALSE;
}

static char *
join_strings (GPtrArray *strings)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (strings, i));

  return g_string_free (joined, FALSE);
}

static char *
join_sorted_keys (GHashTable *table)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
  GString *joined = g_string_new (NULL);

  for (const GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "", (const char *) l->data);

  return g_string_free (joined, FALSE);
}

static void
check_source_list (Walk       *walk,
                   JsonObject *record,
                   Record     *facts)
{
  JsonArray *sources = expect_array (walk, record, "sources", FALSE);
  gsize saved;

  if (sources == NULL)
    return;

  saved = push_key (walk, "sources");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      gsize saved_index = push_index (walk, i);
      JsonObject *source = expect_object (walk, json_array_get_element (sources, i));
      const char *id, *url;
      int publisher;

      if (source == NULL)
        {
          pop (walk, saved_index);
          continue;
        }

      check_members (walk, source, source_required, none);
      id = expect_string (walk, source, "id");
      url = expect_https (walk, source, "url");
      expect_string (walk, source, "title");
      publisher = expect_enum (walk, source, "publisher", ut_publisher_names);
      expect_date (walk, source, "date", TRUE);

      if (id != NULL)
        {
          gsize saved_id = push_key (walk, "id");

          if (!ut_is_slug (id))
            report (walk, "\"%s\" is not a valid id (allowed: lower-case letters, digits and single dashes)", id);
          else if (g_hash_table_contains (facts->sources, id))
            report (walk, "duplicate source id \"%s\"", id);
          else
            g_hash_table_insert (facts->sources, (gpointer) id,
                                 GINT_TO_POINTER (publisher >= 0 ? publisher + 1 : UT_PUBLISHER_OTHER + 1));
          pop (walk, saved_id);
        }

      if (publisher == UT_PUBLISHER_PLATFORM && url != NULL && facts->domains->len > 0 &&
          !url_is_on_domains (url, facts->domains))
        {
          g_autofree char *domains = join_strings (facts->domains);
          gsize saved_publisher = push_key (walk, "publisher");

          report (walk, "a \"platform\" source must be on one of the record's domains (%s); a page "
                  "about the platform on another site is \"press\" or \"other\"", domains);
          pop (walk, saved_publisher);
        }
      pop (walk, saved_index);
    }
  pop (walk, saved);
}

typedef enum
{
  BACKING_PRIMARY,     /* at least one platform, regulator or court source */
  BACKING_NOT_OTHER,   /* at least one source that is not "other" */
} Backing;

/* Checks the "sources" list of an action, region or change: every id is defined, none twice, and
 * together they are strong enough for what they back. */
static void
check_citations (Walk       *walk,
                 JsonObject *object,
                 Record     *facts,
                 Backing     backing)
{
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = NULL;
  JsonArray *array = expect_array (walk, object, "sources", FALSE);
  gboolean all_defined = TRUE, primary = FALSE, not_other = FALSE;
  gsize saved;

  /* A record without sources has been reported already: no follow-on complaint per citation. */
  if (array == NULL || g_hash_table_size (facts->sources) == 0)
    return;

  saved = push_key (walk, "sources");
  ids = expect_string_elements (walk, array);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      gsize saved_index = push_index (walk, i);
      int publisher;

      if (id == NULL)
        all_defined = FALSE;
      else if ((publisher = GPOINTER_TO_INT (g_hash_table_lookup (facts->sources, id)) - 1) < 0)
        {
          g_autofree char *defined = join_sorted_keys (facts->sources);

          report (walk, "source \"%s\" is not defined in /sources (defined: %s)", id,
                  *defined != '\0' ? defined : "none");
          all_defined = FALSE;
        }
      else if (!g_hash_table_add (cited, (gpointer) id))
        report (walk, "source \"%s\" is cited twice", id);
      else
        {
          primary |= publisher == UT_PUBLISHER_PLATFORM || publisher == UT_PUBLISHER_REGULATOR ||
                     publisher == UT_PUBLISHER_COURT;
          not_other |= publisher != UT_PUBLISHER_OTHER;
        }
      pop (walk, saved_index);
    }

  if (all_defined && backing == BACKING_PRIMARY && !primary)
    report (walk, "needs at least one source published by the platform, a regulator or a court "
            "(\"press\" and \"other\" sources may only add to them)");
  else if (all_defined && backing == BACKING_NOT_OTHER && !not_other)
    report (walk, "must not rest on \"other\" sources alone (add the platform's, a regulator's, "
            "a court's or the press's page)");
  pop (walk, saved);
}

/* Returns the revision of the newest change, or 0. */
static gint64
check_changes (Walk       *walk,
               JsonObject *record,
               Record     *facts)
{
  JsonArray *changes = expect_array (walk, record, "changes", TRUE);
  gint64 newest = 0;
  gint64 previous = G_MAXINT64;
  gsize saved;

  if (changes == NULL)
    return 0;

  saved = push_key (walk, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      gsize saved_index = push_index (walk, i);
      JsonObject *change = expect_object (walk, json_array_get_element (changes, i));
      const char *date;
      gint64 revision;

      if (change != NULL)
        {
          check_members (walk, change, change_required, none);
          revision = expect_integer (walk, change, "revision", 1, G_MAXINT32);
          date = expect_date (walk, change, "date", FALSE);
          expect_string (walk, change, "summary");
          check_citations (walk, change, facts, BACKING_NOT_OTHER);

          if (date != NULL)
            g_hash_table_add (facts->change_dates, (gpointer) date);
          else
            facts->changes_readable = FALSE;

          if (revision > 0)
            {
              if (i == 0)
                newest = revision;
              if (revision >= previous)
                {
                  gsize saved_revision = push_key (walk, "revision");

                  report (walk, "changes must be newest first: revision %" G_GINT64_FORMAT
                          " follows revision %" G_GINT64_FORMAT, revision, previous);
                  pop (walk, saved_revision);
                }
              previous = revision;
            }
        }
      pop (walk, saved_index);
    }
  pop (walk, saved);

  return newest;
}

static void
check_platform_url (Walk       *walk,
                    JsonObject *object,
                    const char *key,
                    Record     *facts)
{
  const char *url = expect_https (walk, object, key);
  g_autofree char *domains = NULL;
  gsize saved;

  if (url == NULL || facts->domains->len == 0 || url_is_on_domains (url, facts->domains) ||
      url_is_on_hosts (url, facts->form_hosts))
    return;

  domains = join_strings (facts->domains);
  saved = push_key (walk, key);
  report (walk, "\"%s\" is not on the record's domains (%s) or a host in /form_hosts", url, domains);
  pop (walk, saved);
}

static void
check_actions (Walk       *walk,
               JsonObject *record,
               Record     *facts)
{
  JsonArray *actions = expect_array (walk, record, "actions", FALSE);
  gsize saved;

  if (actions == NULL)
    return;

  saved = push_key (walk, "actions");
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      gsize saved_index = push_index (walk, i);
      JsonObject *action = expect_object (walk, json_array_get_element (actions, i));
      const char *id;
      JsonArray *steps, *fields;
      int kind;

      if (action == NULL)
        {
          pop (walk, saved_index);
          continue;
        }

      check_members (walk, action, action_required, action_optional);

      kind = expect_enum (walk, action, "kind", ut_action_kind_names);
      id = expect_string (walk, action, "id");
      if (id != NULL)
        {
          gsize saved_id = push_key (walk, "id");

          if (!ut_is_slug (id))
            report (walk, "\"%s\" is not a valid id (allowed: lower-case letters, digits and single dashes)", id);
          else if (g_hash_table_contains (facts->action_index, id))
            report (walk, "duplicate action id \"%s\" (already defined at /actions/%u)", id,
                    GPOINTER_TO_UINT (g_hash_table_lookup (facts->action_index, id)));
          else
            {
              g_hash_table_insert (facts->action_index, (gpointer) id, GUINT_TO_POINTER (i));
              g_hash_table_insert (facts->action_kinds, (gpointer) id, GINT_TO_POINTER (kind + 1));
            }
          pop (walk, saved_id);
        }

      expect_string (walk, action, "title");

      steps = expect_array (walk, action, "steps", FALSE);
      if (steps != NULL)
        {
          gsize saved_steps = push_key (walk, "steps");

          g_ptr_array_unref (expect_string_elements (walk, steps));
          pop (walk, saved_steps);
        }

      check_platform_url (walk, action, "url", facts);
      expect_string (walk, action, "setting_label");
      expect_string (walk, action, "note");
      expect_string (walk, action, "target");
      expect_enum (walk, action, "scope", ut_scope_names);
      expect_integer (walk, action, "recheck_days", 1, UT_MAX_RECHECK_DAYS);
      expect_boolean (walk, action, "affects_past_training");
      check_citations (walk, action, facts, BACKING_PRIMARY);

      fields = expect_array (walk, action, "fields", FALSE);
      if (fields != NULL)
        {
          g_autoptr(GPtrArray) values = NULL;
          gsize saved_fields = push_key (walk, "fields");

          values = expect_string_elements (walk, fields);
          for (guint j = 0; j < values->len; j++)
            {
              const char *field = g_ptr_array_index (values, j);

              if (field != NULL && ut_schema_lookup (ut_form_field_names, field) < 0)
                {
                  g_autofree char *allowed = ut_schema_join (ut_form_field_names);
                  gsize saved_field = push_index (walk, j);

                  report (walk, "unknown value \"%s\" (allowed: %s)", field, allowed);
                  pop (walk, saved_field);
                }
            }
          pop (walk, saved_fields);
        }

      pop (walk, saved_index);
    }
  pop (walk, saved);
}

/* A region's status must agree with the kinds of its actions: Untrain must not offer a toggle
 * where nothing is trained, or tell someone they can opt out when only site owners can. */
static void
check_status_agrees (Walk          *walk,
                     UtOfferStatus  status,
                     guint          kinds)
{
#define HAS(kind) ((kinds & (1u << (kind))) != 0)
  gboolean stops = HAS (UT_ACTION_KIND_TOGGLE) || HAS (UT_ACTION_KIND_FORM) || HAS (UT_ACTION_KIND_EMAIL);
  gboolean only_site_owner = kinds == (1u << UT_ACTION_KIND_SITE_OWNER);
  const char *name = ut_offer_status_names[status];

  switch (status)
    {
    case UT_OFFER_OPT_OUT:
      if (!HAS (UT_ACTION_KIND_TOGGLE))
        report (walk, "status \"%s\" needs at least one \"toggle\" action%s", name,
                only_site_owner ? " (a region whose only actions are site-owner signals is \"site-owner-only\")" : "");
      break;

    case UT_OFFER_OBJECT:
      if (!HAS (UT_ACTION_KIND_FORM) && !HAS (UT_ACTION_KIND_EMAIL))
        report (walk, "status \"%s\" needs at least one \"form\" or \"email\" action", name);
      break;

    case UT_OFFER_NO_OPT_OUT:
    case UT_OFFER_NOT_TRAINED:
      if (stops)
        report (walk, "status \"%s\" cannot list a \"toggle\", \"form\" or \"email\" action "
                "(allowed: \"mitigation\" and \"site-owner\")", name);
      break;

    case UT_OFFER_SITE_OWNER_ONLY:
      if (stops || !HAS (UT_ACTION_KIND_SITE_OWNER))
        report (walk, "status \"%s\" needs at least one \"site-owner\" action and no \"toggle\", "
                "\"form\" or \"email\"", name);
      break;

    case UT_OFFER_OPT_IN:
      if (only_site_owner)
        report (walk, "status \"%s\" with only site-owner signals: use \"site-owner-only\"", name);
      break;

    default:
      g_assert_not_reached ();
    }
#undef HAS
}

static void
check_region (Walk       *walk,
              JsonObject *region,
              Record     *facts,
              GHashTable *used)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = NULL;
  JsonArray *actions;
  const char *since = NULL;
  guint kinds = 0;
  int status;

  check_members (walk, region, region_required, region_optional);
  status = expect_enum (walk, region, "status", ut_offer_status_names);
  expect_string (walk, region, "note");

  if (json_object_has_member (region, "since"))
    {
      since = expect_date (walk, region, "since", FALSE);
      if (!json_object_has_member (region, "sources"))
        report_unless (walk, FALSE, "sources", "a region with \"since\" must cite the sources that back it");
    }
  if (json_object_has_member (region, "sources"))
    check_citations (walk, region, facts, BACKING_NOT_OTHER);

  if (since != NULL)
    {
      g_autofree char *message = g_strdup_printf ("no entry in /changes has the date %s: every "
                                                  "region's \"since\" needs one", since);
      g_autofree char *later = g_strdup_printf ("%s is after \"reviewed\" (%s)", since,
                                                facts->reviewed != NULL ? facts->reviewed : "");

      /* A change whose date is broken has been reported already: no follow-on complaint. */
      if (facts->changes_readable)
        report_unless (walk, g_hash_table_contains (facts->change_dates, since), "since", message);
      if (facts->reviewed != NULL)
        report_unless (walk, strcmp (since, facts->reviewed) <= 0, "since", later);
    }

  actions = expect_array (walk, region, "actions", TRUE);
  if (actions == NULL)
    return;

  {
    gsize saved = push_key (walk, "actions");

    ids = expect_string_elements (walk, actions);
    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);
        gsize saved_index = push_index (walk, i);
        int kind;

        if (id == NULL)
          ;
        else if (!g_hash_table_contains (facts->action_index, id))
          {
            g_autofree char *names = join_sorted_keys (facts->action_index);

            report (walk, "action \"%s\" is not defined in /actions (defined: %s)", id,
                    *names != '\0' ? names : "none");
          }
        else if (!g_hash_table_add (listed, (gpointer) id))
          report (walk, "action \"%s\" is listed twice in this region", id);
        else
          {
            g_hash_table_add (used, (gpointer) id);
            if ((kind = GPOINTER_TO_INT (g_hash_table_lookup (facts->action_kinds, id)) - 1) >= 0)
              kinds |= 1u << kind;
          }
        pop (walk, saved_index);
      }

    if (ids->len == 0 && status >= 0 && status != UT_OFFER_NOT_TRAINED && status != UT_OFFER_NO_OPT_OUT)
      report (walk, "must list at least one action when status is \"%s\" (may be empty only for "
              "\"not-trained\" and \"no-opt-out\")", ut_offer_status_names[status]);
    pop (walk, saved);
  }

  if (status >= 0 && ids->len > 0)
    {
      gsize saved = push_key (walk, "status");

      check_status_agrees (walk, (UtOfferStatus) status, kinds);
      pop (walk, saved);
    }
}

static gboolean
is_email_address (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL && strchr (at + 1, '.') != NULL &&
         at[1] != '.' && !g_str_has_suffix (text, ".") && strpbrk (text, " <>()[],;:\"") == NULL;
}

/* An address is the one text with line breaks: each line must be printable on its own. */
static void
check_postal (Walk       *walk,
              JsonObject *contact)
{
  JsonNode *node = json_object_get_member (contact, "postal");
  g_auto(GStrv) lines = NULL;
  gsize saved;

  if (node == NULL)
    return;
  saved = push_key (walk, "postal");
  if (!node_is_value_of (node, G_TYPE_STRING) || is_blank (json_node_get_string (node)))
    report (walk, "expected a non-empty string");
  else
    {
      lines = g_strsplit (json_node_get_string (node), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (is_blank (lines[i]) || !ut_text_is_printable (lines[i]))
          {
            report (walk, "each line of an address must be printable text, and none empty");
            break;
          }
    }
  pop (walk, saved);
}

/* Where people send an objection or request about their data: the platform's privacy e-mail
 * address, its form, or its postal address, as its own privacy policy gives them. */
static void
check_contact (Walk       *walk,
               JsonObject *record,
               Record     *facts)
{
  JsonObject *contact;
  const char *email;
  gsize saved;

  if (!json_object_has_member (record, "contact"))
    return;

  saved = push_key (walk, "contact");
  if ((contact = expect_object (walk, json_object_get_member (record, "contact"))) != NULL)
    {
      check_members (walk, contact, contact_required, contact_optional);
      if ((email = expect_string (walk, contact, "email")) != NULL && !is_email_address (email))
        {
          gsize saved_email = push_key (walk, "email");

          report (walk, "\"%s\" is not an e-mail address", email);
          pop (walk, saved_email);
        }
      check_platform_url (walk, contact, "form", facts);
      check_postal (walk, contact);
      if (json_object_has_member (contact, "lead_authority"))
        {
          const char *authority = expect_string (walk, contact, "lead_authority");
          gsize saved_authority = push_key (walk, "lead_authority");

          if (authority != NULL && !ut_is_slug (authority))
            report (walk, "\"%s\" is not a regulator id from data/legal/legal.json (e.g. ie, de-by)", authority);
          pop (walk, saved_authority);
        }
      if (!json_object_has_member (contact, "email") && !json_object_has_member (contact, "form") &&
          !json_object_has_member (contact, "postal"))
        report (walk, "a contact needs an \"email\", a \"form\" or a \"postal\" address");
      check_citations (walk, contact, facts, BACKING_PRIMARY);
    }
  pop (walk, saved);
}

static void
check_regions (Walk       *walk,
               JsonObject *record,
               Record     *facts)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (record, "regions");
  JsonObject *regions;
  GHashTableIter iter;
  gpointer key, value;
  gsize saved;

  if (node == NULL)
    return;

  saved = push_key (walk, "regions");
  regions = expect_object (walk, node);
  if (regions != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (regions);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *code = l->data;
          gsize saved_region = push_key (walk, code);
          UtRegion region;

          if (!ut_region_from_code (code, &region) || !g_str_equal (code, ut_region_to_code (region)))
            report (walk, "unknown region \"%s\" (allowed: US, EU, CH, UK, OTHER)", code);
          else
            {
              JsonObject *entry = expect_object (walk, json_object_get_member (regions, code));

              if (entry != NULL)
                check_region (walk, entry, facts, used);
            }
          pop (walk, saved_region);
        }

      for (guint i = 0; i < UT_N_REGIONS; i++)
        {
          const char *code = ut_region_to_code ((UtRegion) i);

          if (!json_object_has_member (regions, code))
            {
              gsize saved_region = push_key (walk, code);

              report (walk, "region %s is missing (every record needs US, EU, CH, UK and OTHER)", code);
              pop (walk, saved_region);
            }
        }
    }
  pop (walk, saved);

  /* Only meaningful when the regions could be read at all. */
  if (regions == NULL)
    return;

  g_hash_table_iter_init (&iter, facts->action_index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (used, key))
        {
          gsize saved_action = push_key (walk, "actions");

          push_index (walk, GPOINTER_TO_UINT (value));
          push_key (walk, "id");
          report (walk, "action \"%s\" is not used by any region", (const char *) key);
          pop (walk, saved_action);
        }
    }
}

static void
check_reviewed (Walk       *walk,
                JsonObject *record,
                Record     *facts)
{
  facts->reviewed = expect_date (walk, record, "reviewed", FALSE);

  if (facts->reviewed != NULL && walk->latest != NULL && strcmp (facts->reviewed, walk->latest) > 0)
    {
      g_autofree char *message = g_strdup_printf ("%s is in the future (latest allowed: %s): set it "
                                                  "to the day the record was checked",
                                                  facts->reviewed, walk->latest);

      report_unless (walk, FALSE, "reviewed", message);
    }
}

/* Checks one platform record at the walk's current pointer. @id_must_match is the file's base
 * name for record files, whose id must equal it. */
static void
check_record (Walk       *walk,
              JsonNode   *node,
              const char *id_must_match)
{
  Record facts = { NULL };
  JsonObject *record;
  const char *id, *homepage;
  gint64 revision, newest_change;

  if ((record = expect_object (walk, node)) == NULL)
    return;

  check_members (walk, record, record_required, record_optional);

  id = expect_string (walk, record, "id");
  if (id != NULL)
    {
      gsize saved = push_key (walk, "id");

      if (!ut_is_slug (id))
        report (walk, "\"%s\" is not a valid id (allowed: lower-case letters, digits and single dashes)", id);
      else if (id_must_match != NULL && !g_str_equal (id, id_must_match))
        report (walk, "id \"%s\" does not match the file name (expected \"%s\")", id, id_must_match);
      else
        register_platform_id (walk, id);
      pop (walk, saved);
    }
  check_aliases (walk, record, id);

  expect_string (walk, record, "name");
  expect_string (walk, record, "short_name");
  check_keywords (walk, record);
  expect_string (walk, record, "owner");
  expect_enum (walk, record, "category", ut_category_names);

  facts.domains = check_hosts (walk, record, "domains", TRUE);
  facts.form_hosts = check_hosts (walk, record, "form_hosts", FALSE);
  facts.sources = g_hash_table_new (g_str_hash, g_str_equal);
  facts.change_dates = g_hash_table_new (g_str_hash, g_str_equal);
  facts.action_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  facts.action_index = g_hash_table_new (g_str_hash, g_str_equal);
  facts.changes_readable = TRUE;

  homepage = expect_https (walk, record, "homepage");
  if (homepage != NULL && facts.domains->len > 0)
    report_unless (walk, url_is_on_domains (homepage, facts.domains), "homepage",
                   "the home page must be on one of the record's domains");

  revision = expect_integer (walk, record, "revision", 1, G_MAXINT32);
  check_reviewed (walk, record, &facts);
  check_source_list (walk, record, &facts);
  newest_change = check_changes (walk, record, &facts);
  if (revision > 0 && revision < newest_change)
    {
      gsize saved = push_key (walk, "revision");

      report (walk, "revision %" G_GINT64_FORMAT " is lower than the newest change's revision %"
              G_GINT64_FORMAT " (/changes/0/revision)", revision, newest_change);
      pop (walk, saved);
    }
  expect_string (walk, record, "data_used");

  check_actions (walk, record, &facts);
  check_contact (walk, record, &facts);
  check_regions (walk, record, &facts);

  expect_string (walk, record, "note");
  expect_string (walk, record, "maintainer_note");
  check_ota (walk, record);

  g_ptr_array_unref (facts.domains);
  g_ptr_array_unref (facts.form_hosts);
  g_hash_table_unref (facts.sources);
  g_hash_table_unref (facts.change_dates);
  g_hash_table_unref (facts.action_kinds);
  g_hash_table_unref (facts.action_index);
}

void
ut_catalog_validator_check_record (UtCatalogValidator *self,
                                   const char         *file,
                                   JsonNode           *record)
{
  g_autofree char *basename = NULL;
  Walk walk = { self, file, NULL, self->today };

  g_return_if_fail (self != NULL);
  g_return_if_fail (file != NULL);
  g_return_if_fail (record != NULL);

  basename = g_path_get_basename (file);
  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - strlen (".json")] = '\0';

  walk.pointer = g_string_new (NULL);
  check_record (&walk, record, basename);
  g_string_free (walk.pointer, TRUE);
}

static gboolean
is_language_tag (const char *tag)
{
  gsize n = strlen (tag);

  /* "de", "fr", "pt_BR": what gettext calls a language, and what g_get_language_names() gives. */
  if (n != 2 && n != 3 && n != 5)
    return FALSE;
  for (gsize i = 0; i < MIN (n, 3); i++)
    if (tag[i] != '_' ? !g_ascii_islower (tag[i]) : i != 2 || n != 5)
      return FALSE;
  return n != 5 || (tag[2] == '_' && g_ascii_isupper (tag[3]) && g_ascii_isupper (tag[4]));
}

/* One string of a record in one language: [English it was made from, translation]. */
static void
check_translated_pair (Walk     *walk,
                       JsonNode *node)
{
  JsonArray *pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (pair == NULL || json_array_get_length (pair) != 2)
    {
      report (walk, "expected [English text, its translation]");
      return;
    }
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *element = json_array_get_element (pair, i);
      gsize saved = push_index (walk, i);

      if (!node_is_value_of (element, G_TYPE_STRING) || is_blank (json_node_get_string (element)))
        report (walk, "expected a non-empty string");
      else if (!ut_text_is_printable (json_node_get_string (element)))
        report (walk, "contains a control character or a direction mark (text is shown in the app, "
                      "where these can hide or reorder what people read)");
      pop (walk, saved);
    }
}

/* translations: language → platform id → JSON pointer in that record → [English, translation]. */
static void
check_translations (Walk       *walk,
                    JsonObject *bundle)
{
  JsonObject *languages;
  g_autoptr(GList) language_names = NULL;
  gsize saved;

  if (!json_object_has_member (bundle, "translations"))
    return;

  saved = push_key (walk, "translations");
  if ((languages = expect_object (walk, json_object_get_member (bundle, "translations"))) == NULL)
    {
      pop (walk, saved);
      return;
    }

  language_names = json_object_get_members (languages);
  for (const GList *l = language_names; l != NULL; l = l->next)
    {
      gsize saved_language = push_key (walk, l->data);
      JsonObject *records;
      g_autoptr(GList) ids = NULL;

      if (!is_language_tag (l->data))
        report (walk, "\"%s\" is not a language (allowed: e.g. de, fr, pt_BR)", (const char *) l->data);
      else if ((records = expect_object (walk, json_object_get_member (languages, l->data))) != NULL)
        {
          ids = json_object_get_members (records);
          for (const GList *id = ids; id != NULL; id = id->next)
            {
              gsize saved_id = push_key (walk, id->data);
              JsonObject *strings;
              g_autoptr(GList) pointers = NULL;

              if (!ut_is_slug (id->data))
                report (walk, "\"%s\" is not a valid id (allowed: lower-case letters, digits and single dashes)",
                        (const char *) id->data);
              else if ((strings = expect_object (walk, json_object_get_member (records, id->data))) != NULL)
                {
                  pointers = json_object_get_members (strings);
                  for (const GList *p = pointers; p != NULL; p = p->next)
                    {
                      gsize saved_pointer = push_key (walk, p->data);

                      if (*(const char *) p->data != '/')
                        report (walk, "\"%s\" is not a JSON pointer into the record", (const char *) p->data);
                      else
                        check_translated_pair (walk, json_object_get_member (strings, p->data));
                      pop (walk, saved_pointer);
                    }
                }
              pop (walk, saved_id);
            }
        }
      pop (walk, saved_language);
    }
  pop (walk, saved);
}

void
ut_catalog_validator_check_bundle (UtCatalogValidator *self,
                                   const char         *file,
                                   JsonNode           *bundle)
{
  Walk walk = { self, file, NULL, self->today };
  JsonObject *object;
  JsonArray *platforms;
  const char *generated;
  g_autoptr(GDateTime) generated_time = NULL;
  g_autofree char *generated_day = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (file != NULL);
  g_return_if_fail (bundle != NULL);

  walk.pointer = g_string_new (NULL);

  if ((object = expect_object (&walk, bundle)) == NULL)
    goto out;

  check_members (&walk, object, bundle_required, bundle_optional);
  expect_integer (&walk, object, "format", UT_CATALOG_FORMAT, UT_CATALOG_FORMAT);
  expect_integer (&walk, object, "version", 1, G_MAXINT64);
  generated = expect_string (&walk, object, "generated");
  if (generated != NULL && (generated_time = ut_date_time_parse (generated)) == NULL)
    {
      gsize saved = push_key (&walk, "generated");

      report (&walk, "\"%s\" is not a date and time (allowed: ISO 8601, e.g. 2026-11-29T06:00:00Z)", generated);
      pop (&walk, saved);
    }
  /* No record in a bundle can have been reviewed after the bundle was made. */
  if (walk.latest == NULL && generated_time != NULL)
    walk.latest = generated_day = g_date_time_format (generated_time, "%Y-%m-%d");

  platforms = expect_array (&walk, object, "platforms", FALSE);
  if (platforms != NULL)
    {
      gsize saved = push_key (&walk, "platforms");

      for (guint i = 0; i < json_array_get_length (platforms); i++)
        {
          gsize saved_index = push_index (&walk, i);

          check_record (&walk, json_array_get_element (platforms, i), NULL);
          pop (&walk, saved_index);
        }
      pop (&walk, saved);
    }

  check_translations (&walk, object);

out:
  g_string_free (walk.pointer, TRUE);
}

/**
 * ut_catalog_validator_check_data:
 *
 * Parses @data and checks it as a bundle (an object with "format" and "platforms") or else as a
 * single platform record.
 *
 * Returns: (transfer full) (nullable): the parsed document, or %NULL if it is not JSON (a problem
 *   says why)
 */
JsonNode *
ut_catalog_validator_check_data (UtCatalogValidator *self,
                                 const char         *file,
                                 const char         *data,
                                 gssize              length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if ((root = ut_json_parse (data, length, &error)) == NULL)
    {
      Walk walk = { self, file, g_string_new (NULL), NULL };

      report (&walk, "not valid JSON: %s", error->message);
      g_string_free (walk.pointer, TRUE);
      return NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "platforms") &&
      json_object_has_member (json_node_get_object (root), "format"))
    ut_catalog_validator_check_bundle (self, file, root);
  else
    ut_catalog_validator_check_record (self, file, root);

  return root;
}

JsonNode *
ut_catalog_validator_check_file (UtCatalogValidator *self,
                                 const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((contents = ut_read_file_limited (path, UT_CATALOG_MAX_SIZE, &error)) == NULL)
    {
      Walk walk = { self, path, g_string_new (NULL), NULL };

      report (&walk, "cannot be read: %s", error->message);
      g_string_free (walk.pointer, TRUE);
      return NULL;
    }

  data = g_bytes_get_data (contents, &length);
  return ut_catalog_validator_check_data (self, path, data != NULL ? data : "", (gssize) length);
}
