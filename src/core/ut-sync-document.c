/* ut-sync-document.c — one device's view of all progress, element by element, for sync
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Progress is cut into elements that change on their own: a profile's name and region, each
 * platform a profile uses, each record, each request, the re-check interval. Every element keeps
 * the version that wins (the newest by its hybrid-clock stamp, then by device id, so that every
 * device picks the same one) and the versions it replaced, newest first. A deleted element keeps a
 * version without a value, a tombstone, so that the deletion travels like any change.
 *
 * Which platforms have an account identity in a computer's keyring is that computer's alone:
 * "device/<id>/identity/<profile>/<platform>" elements, written only by that computer, tell the
 * others that an identity exists there (never what it is).
 *
 * Merging two documents takes the winner of each element and the union of their histories: the
 * result is the same in whatever order devices merge, so every device that has read every other
 * device's file shows the same progress.
 */

#define G_LOG_DOMAIN "ut-sync"

#include "config.h"

#include <string.h>

#include "ut-json.h"
#include "ut-progress.h"
#include "ut-sync-document.h"
#include "ut-util.h"

typedef struct
{
  UtSyncVersion  current;
  char          *text;     /* the current value as JSON, to notice changes; NULL for a tombstone */
  GPtrArray     *history;  /* of UtSyncVersion*, newest first */
} Element;

struct _UtSyncDocument
{
  GObject     parent_instance;

  char       *device;
  GHashTable *elements;  /* key → Element */
};

G_DEFINE_FINAL_TYPE (UtSyncDocument, ut_sync_document, G_TYPE_OBJECT)

static void
version_clear (UtSyncVersion *version)
{
  g_clear_pointer (&version->device, g_free);
  g_clear_pointer (&version->value, json_node_unref);
}

static void
version_free (UtSyncVersion *version)
{
  version_clear (version);
  g_free (version);
}

static UtSyncVersion *
version_copy (const UtSyncVersion *version)
{
  UtSyncVersion *copy = g_new0 (UtSyncVersion, 1);

  copy->stamp = version->stamp;
  copy->device = g_strdup (version->device);
  copy->value = version->value != NULL ? json_node_copy (version->value) : NULL;
  return copy;
}

/* The newer of two versions; equal stamps from two devices are ordered by device id, so that
 * every device chooses the same winner. */
static int
version_compare (const UtSyncVersion *a,
                 const UtSyncVersion *b)
{
  int order = ut_hlc_compare (&a->stamp, &b->stamp);

  return order != 0 ? order : g_strcmp0 (a->device, b->device);
}

static char *
value_text (JsonNode *value)
{
  return value != NULL ? json_to_string (value, FALSE) : NULL;
}

static Element *
element_new (void)
{
  Element *element = g_new0 (Element, 1);

  element->history = g_ptr_array_new_with_free_func ((GDestroyNotify) version_free);
  return element;
}

static void
element_free (Element *element)
{
  version_clear (&element->current);
  g_free (element->text);
  g_ptr_array_unref (element->history);
  g_free (element);
}

static void
element_set_current (Element             *element,
                     const UtSyncVersion *version)
{
  version_clear (&element->current);
  element->current.stamp = version->stamp;
  element->current.device = g_strdup (version->device);
  element->current.value = version->value != NULL ? json_node_copy (version->value) : NULL;
  g_free (element->text);
  element->text = value_text (element->current.value);
}

/* Keeps @version (taken) in the history unless it is already there or is the current one. The
 * history holds the newest versions only, so that an element changed every day stays small. */
static void
element_add_history (Element       *element,
                     UtSyncVersion *version)
{
  guint position = element->history->len;

  if (version_compare (version, &element->current) == 0)
    {
      version_free (version);
      return;
    }
  for (guint i = 0; i < element->history->len; i++)
    {
      int order = version_compare (version, g_ptr_array_index (element->history, i));

      if (order == 0)
        {
          version_free (version);
          return;
        }
      if (order > 0 && position == element->history->len)
        position = i;
    }

  g_ptr_array_insert (element->history, (int) position, version);
  if (element->history->len > UT_SYNC_HISTORY_LENGTH)
    g_ptr_array_set_size (element->history, UT_SYNC_HISTORY_LENGTH);
}

/* A newer version becomes the current one; the one it replaces goes to the history. */
static void
element_replace (Element             *element,
                 const UtSyncVersion *version)
{
  UtSyncVersion *replaced = element->current.device != NULL ? version_copy (&element->current) : NULL;

  element_set_current (element, version);
  if (replaced != NULL)
    element_add_history (element, replaced);
}

static void
ut_sync_document_finalize (GObject *object)
{
  UtSyncDocument *self = (UtSyncDocument *) object;

  g_free (self->device);
  g_hash_table_unref (self->elements);

  G_OBJECT_CLASS (ut_sync_document_parent_class)->finalize (object);
}

static void
ut_sync_document_class_init (UtSyncDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ut_sync_document_finalize;
}

static void
ut_sync_document_init (UtSyncDocument *self)
{
  self->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) element_free);
}

UtSyncDocument *
ut_sync_document_new (const char *device_id)
{
  UtSyncDocument *self;

  g_return_val_if_fail (device_id != NULL && *device_id != '\0', NULL);

  self = g_object_new (UT_TYPE_SYNC_DOCUMENT, NULL);
  self->device = g_strdup (device_id);
  return self;
}

const char *
ut_sync_document_get_device (UtSyncDocument *self)
{
  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), NULL);
  return self->device;
}

guint
ut_sync_document_get_n_elements (UtSyncDocument *self)
{
  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), 0);
  return g_hash_table_size (self->elements);
}

/* ---- reading and writing ---------------------------------------------------------------- */

static gboolean
fail (GError     **error,
      const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", what);
  return FALSE;
}

static gboolean
read_version (JsonNode       *node,
              UtSyncVersion  *version,
              GError        **error)
{
  JsonObject *object;
  JsonNode *value;
  const char *device;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "a version is not an object");
  object = json_node_get_object (node);
  device = ut_json_get_string (object, "device");
  if (device == NULL || *device == '\0' ||
      !ut_hlc_parse (ut_json_get_string (object, "stamp"), &version->stamp))
    return fail (error, "a version has no device or no valid stamp");

  version->device = g_strdup (device);
  value = json_object_get_member (object, "value");
  version->value = value != NULL && !JSON_NODE_HOLDS_NULL (value) ? json_node_copy (value) : NULL;
  return TRUE;
}

/**
 * ut_sync_document_from_json:
 *
 * Reads a document ut_sync_document_to_json() wrote. What the elements hold is checked when they
 * become progress, by the progress file's own rules (ut_sync_document_to_progress()).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with %G_IO_ERROR_NOT_SUPPORTED for a
 *   newer format and %G_IO_ERROR_INVALID_DATA for anything else wrong
 */
UtSyncDocument *
ut_sync_document_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(UtSyncDocument) self = NULL;
  JsonObject *root, *elements;
  JsonObjectIter iter;
  const char *key, *device;
  JsonNode *member;
  gint64 format;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, "the document is not an object");
      return NULL;
    }
  root = json_node_get_object (node);
  format = ut_json_get_int (root, "format", 0);
  if (format > UT_SYNC_DOCUMENT_FORMAT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "format %" G_GINT64_FORMAT, format);
      return NULL;
    }
  device = ut_json_get_string (root, "device");
  member = json_object_get_member (root, "elements");
  if (format < 1 || device == NULL || *device == '\0' || member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      fail (error, "the document has no format, device or elements");
      return NULL;
    }

  self = ut_sync_document_new (device);
  elements = json_node_get_object (member);
  json_object_iter_init (&iter, elements);
  while (json_object_iter_next (&iter, &key, &member))
    {
      Element *element = element_new ();
      JsonArray *history = NULL;

      g_hash_table_insert (self->elements, g_strdup (key), element);
      if (!read_version (member, &element->current, error))
        return NULL;
      element->text = value_text (element->current.value);

      if (json_object_has_member (json_node_get_object (member), "history") &&
          (history = ut_json_get_array (json_node_get_object (member), "history")) == NULL)
        {
          fail (error, "a history is not a list");
          return NULL;
        }
      for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
        {
          UtSyncVersion *version = g_new0 (UtSyncVersion, 1);

          if (!read_version (json_array_get_element (history, i), version, error))
            {
              version_free (version);
              return NULL;
            }
          element_add_history (element, version);
        }
    }

  return g_steal_pointer (&self);
}

static void
add_version (JsonBuilder         *builder,
             const UtSyncVersion *version)
{
  g_autofree char *stamp = ut_hlc_to_string (&version->stamp);

  json_builder_set_member_name (builder, "stamp");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, version->device);
  json_builder_set_member_name (builder, "value");
  if (version->value != NULL)
    json_builder_add_value (builder, json_node_copy (version->value));
  else
    json_builder_add_null_value (builder);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
sorted_keys (UtSyncDocument *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->elements);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/**
 * ut_sync_document_to_json:
 *
 * Returns: (transfer full): the document, elements in the order of their keys, so that the same
 *   document is always written the same
 */
JsonNode *
ut_sync_document_to_json (UtSyncDocument *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) keys = NULL;

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), NULL);

  keys = sorted_keys (self);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UT_SYNC_DOCUMENT_FORMAT);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, self->device);
  json_builder_set_member_name (builder, "elements");
  json_builder_begin_object (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      Element *element = g_hash_table_lookup (self->elements, key);

      json_builder_set_member_name (builder, key);
      json_builder_begin_object (builder);
      add_version (builder, &element->current);
      if (element->history->len > 0)
        {
          json_builder_set_member_name (builder, "history");
          json_builder_begin_array (builder);
          for (guint j = 0; j < element->history->len; j++)
            {
              json_builder_begin_object (builder);
              add_version (builder, g_ptr_array_index (element->history, j));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- progress, cut into elements -------------------------------------------------------- */

char *
ut_sync_record_key (const char *profile_id,
                    const char *platform_id,
                    const char *action_id)
{
  return g_strconcat ("profile/", profile_id, "/record/", platform_id, "/", action_id, NULL);
}

static void
add_element (GHashTable *elements,
             char       *key,
             JsonNode   *value)
{
  g_hash_table_replace (elements, key, value);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  const char *value = ut_json_get_string (object, name);

  return value != NULL ? value : "";
}

/* @progress is the progress file's shape (ut_progress_to_json()), which the app wrote and
 * checked: profiles, their platforms, records and requests. */
static GHashTable *
cut_into_elements (JsonNode *progress)
{
  GHashTable *elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  JsonObject *root = json_node_get_object (progress);
  JsonArray *profiles = json_object_get_array_member (root, "profiles");
  JsonNode *days = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (days, ut_json_get_int (root, "recheck_days", 0));
  add_element (elements, g_strdup ("settings/recheck_days"), days);

  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonObject *profile = json_array_get_object_element (profiles, i);
      const char *id = member_string (profile, "id");
      g_autoptr(JsonObject) about = json_object_new ();
      JsonArray *platforms = json_object_get_array_member (profile, "platforms");
      JsonArray *records = json_object_get_array_member (profile, "records");
      JsonArray *requests = json_object_has_member (profile, "requests")
                              ? json_object_get_array_member (profile, "requests") : NULL;

      json_object_set_string_member (about, "name", member_string (profile, "name"));
      json_object_set_string_member (about, "region", member_string (profile, "region"));
      json_object_set_boolean_member (about, "region_confirmed",
                                      ut_json_get_boolean (profile, "region_confirmed", FALSE));
      add_element (elements, g_strconcat ("profile/", id, NULL), json_node_init_object (json_node_alloc (), about));

      for (guint j = 0; j < json_array_get_length (platforms); j++)
        {
          JsonNode *used = json_node_new (JSON_NODE_VALUE);

          json_node_set_boolean (used, TRUE);
          add_element (elements, g_strconcat ("profile/", id, "/platform/",
                                              json_array_get_string_element (platforms, j), NULL), used);
        }
      for (guint j = 0; j < json_array_get_length (records); j++)
        {
          JsonNode *record = json_array_get_element (records, j);
          JsonObject *object = json_node_get_object (record);

          add_element (elements, ut_sync_record_key (id, member_string (object, "platform"),
                                                     member_string (object, "action")),
                       json_node_copy (record));
        }
      for (guint j = 0; requests != NULL && j < json_array_get_length (requests); j++)
        {
          JsonNode *request = json_array_get_element (requests, j);

          add_element (elements, g_strconcat ("profile/", id, "/request/",
                                              member_string (json_node_get_object (request), "platform"), NULL),
                       json_node_copy (request));
        }
    }

  return elements;
}

/* When a change was made, as well as this device knows: a record says when its state was set;
 * for everything else the change was made since the last sync, and now is the best guess. */
static gint64
change_time (JsonNode *value,
             gint64    now_ms)
{
  const char *changed_at;
  g_autoptr(GDateTime) time = NULL;

  if (value == NULL || !JSON_NODE_HOLDS_OBJECT (value) ||
      (changed_at = ut_json_get_string (json_node_get_object (value), "changed_at")) == NULL ||
      (time = ut_date_time_parse (changed_at)) == NULL)
    return now_ms;

  return g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
}

static gboolean
record_one (UtSyncDocument *self,
            const char     *key,
            JsonNode       *value,
            gint64          now_ms,
            gboolean        joining)
{
  Element *element = g_hash_table_lookup (self->elements, key);
  g_autofree char *text = value_text (value);
  UtHlc clock = { 0, 0 };
  UtSyncVersion version = { { 0, 0 }, self->device, value };
  gint64 physical;

  if (element != NULL && g_strcmp0 (element->text, text) == 0)
    return FALSE;
  if (element == NULL && value == NULL)
    return FALSE;

  /* What a device had before it joined is older than anything already synced, unless it says
   * when it was made: a new computer's guessed region must not replace the one you chose. */
  physical = change_time (value, joining ? 0 : now_ms);
  if (element != NULL)
    clock = element->current.stamp;
  /* Later than the version it replaces, whatever this computer's clock says. */
  ut_hlc_tick (&clock, physical, &version.stamp);

  if (element == NULL)
    g_hash_table_insert (self->elements, g_strdup (key), element = element_new ());
  element_replace (element, &version);
  return TRUE;
}

/**
 * ut_sync_document_record_local:
 * @progress: this device's progress, in the shape of ut_progress_to_json()
 * @identities: (nullable) (array zero-terminated=1): "profile/platform" for every account identity
 *   in this computer's keyring; %NULL when the keyring could not be read
 * @now_ms: the wall time now
 * @joining: whether this device has just joined and never synced: what it holds from before
 *   loses to what other devices synced, unless it carries its own time (records do)
 *
 * Stamps every element that changed here since the last call, and every element that is gone
 * (a tombstone).
 *
 * Returns: how many elements changed
 */
guint
ut_sync_document_record_local (UtSyncDocument     *self,
                               JsonNode           *progress,
                               const char * const *identities,
                               gint64              now_ms,
                               gboolean            joining)
{
  g_autoptr(GHashTable) local = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *own_identities = g_strconcat ("device/", self->device, "/identity/", NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint changed = 0;

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), 0);
  g_return_val_if_fail (progress != NULL && JSON_NODE_HOLDS_OBJECT (progress), 0);

  local = cut_into_elements (progress);
  for (guint i = 0; identities != NULL && identities[i] != NULL; i++)
    {
      JsonNode *present = json_node_new (JSON_NODE_VALUE);

      json_node_set_boolean (present, TRUE);
      add_element (local, g_strconcat (own_identities, identities[i], NULL), present);
    }
  g_hash_table_iter_init (&iter, local);
  while (g_hash_table_iter_next (&iter, &key, &value))
    changed += record_one (self, key, value, now_ms, joining);

  /* Gone: what is no longer here, of this computer's own. Other computers' identities are
   * theirs; this computer's stay as they were when the keyring could not be read. */
  g_hash_table_iter_init (&iter, self->elements);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean ours = !g_str_has_prefix (key, "device/") ||
                      (identities != NULL && g_str_has_prefix (key, own_identities));

      if (ours && ((Element *) value)->current.value != NULL && !g_hash_table_contains (local, key))
        g_ptr_array_add (gone, g_strdup (key));
    }
  for (guint i = 0; i < gone->len; i++)
    changed += record_one (self, g_ptr_array_index (gone, i), NULL, now_ms, joining);

  return changed;
}

/**
 * ut_sync_document_merge:
 * @remote: another device's document
 *
 * Takes the newer version of every element and keeps the other in its history.
 *
 * Returns: how many elements now have another value
 */
guint
ut_sync_document_merge (UtSyncDocument *self,
                        UtSyncDocument *remote)
{
  GHashTableIter iter;
  gpointer key, value;
  guint changed = 0;

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), 0);
  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (remote), 0);

  g_hash_table_iter_init (&iter, remote->elements);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Element *theirs = value;
      Element *ours = g_hash_table_lookup (self->elements, key);
      int order;

      if (ours == NULL)
        {
          g_hash_table_insert (self->elements, g_strdup (key), ours = element_new ());
          element_set_current (ours, &theirs->current);
          changed += theirs->current.value != NULL;
        }
      else if ((order = version_compare (&theirs->current, &ours->current)) > 0)
        {
          changed += g_strcmp0 (ours->text, theirs->text) != 0;
          element_replace (ours, &theirs->current);
        }
      else if (order < 0)
        element_add_history (ours, version_copy (&theirs->current));

      for (guint i = 0; i < theirs->history->len; i++)
        element_add_history (ours, version_copy (g_ptr_array_index (theirs->history, i)));
    }

  return changed;
}

/* ---- elements, put together as progress ------------------------------------------------- */

static const char * const profile_members[] = { "name", "region", "region_confirmed" };

static JsonArray *
profile_array (JsonObject *profile,
               const char *name)
{
  return json_object_get_array_member (profile, name);
}

/**
 * ut_sync_document_to_progress:
 *
 * Returns: (transfer full): the progress the document holds, in the progress file's shape, to be
 *   read and checked like one. Elements this version does not know are left out.
 */
JsonNode *
ut_sync_document_to_progress (UtSyncDocument *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GHashTable) profiles = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root = json_object_new ();
  JsonArray *list = json_array_new ();
  const UtSyncVersion *days;

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), NULL);

  json_object_set_int_member (root, "format", UT_PROGRESS_FORMAT);
  days = ut_sync_document_lookup (self, "settings/recheck_days");
  if (days != NULL && days->value != NULL && JSON_NODE_HOLDS_VALUE (days->value))
    json_object_set_member (root, "recheck_days", json_node_copy (days->value));
  json_object_set_array_member (root, "profiles", list);

  /* Profiles first, then what belongs to them: "profile/a-b" sorts between "profile/a" and
   * "profile/a/…". */
  keys = sorted_keys (self);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      Element *element = g_hash_table_lookup (self->elements, key);
      JsonObject *about, *profile;

      if (!g_str_has_prefix (key, "profile/") || strchr (key + strlen ("profile/"), '/') != NULL ||
          element->current.value == NULL || !JSON_NODE_HOLDS_OBJECT (element->current.value))
        continue;

      about = json_node_get_object (element->current.value);
      profile = json_object_new ();
      json_object_set_string_member (profile, "id", key + strlen ("profile/"));
      /* What is missing is left out, for the progress file's rules to refuse. */
      for (guint j = 0; j < G_N_ELEMENTS (profile_members); j++)
        if (json_object_has_member (about, profile_members[j]))
          json_object_set_member (profile, profile_members[j],
                                  json_node_copy (json_object_get_member (about, profile_members[j])));
      json_object_set_array_member (profile, "platforms", json_array_new ());
      json_object_set_array_member (profile, "records", json_array_new ());
      json_object_set_array_member (profile, "requests", json_array_new ());
      json_array_add_object_element (list, profile);
      g_hash_table_insert (profiles, (gpointer) key + strlen ("profile/"), profile);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      Element *element = g_hash_table_lookup (self->elements, key);
      g_auto(GStrv) parts = g_strsplit (key, "/", 0);
      JsonNode *value = element->current.value;
      guint n_parts = g_strv_length (parts);
      JsonObject *profile;

      if (value == NULL || n_parts < 4 || !g_str_equal (parts[0], "profile") ||
          (profile = g_hash_table_lookup (profiles, parts[1])) == NULL)
        continue;

      if (n_parts == 4 && g_str_equal (parts[2], "platform") && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_BOOLEAN && json_node_get_boolean (value))
        json_array_add_string_element (profile_array (profile, "platforms"), parts[3]);
      else if (n_parts == 5 && g_str_equal (parts[2], "record"))
        json_array_add_element (profile_array (profile, "records"), json_node_copy (value));
      else if (n_parts == 4 && g_str_equal (parts[2], "request"))
        json_array_add_element (profile_array (profile, "requests"), json_node_copy (value));
    }

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * ut_sync_document_lookup:
 *
 * Returns: (nullable): the winning version of the element @key
 */
const UtSyncVersion *
ut_sync_document_lookup (UtSyncDocument *self,
                         const char     *key)
{
  Element *element;

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), NULL);

  element = g_hash_table_lookup (self->elements, key);
  return element != NULL ? &element->current : NULL;
}

/**
 * ut_sync_document_get_history:
 *
 * Returns: (transfer container) (element-type UtSyncVersion): the versions @key replaced, newest
 *   first; empty for an unknown key
 */
GPtrArray *
ut_sync_document_get_history (UtSyncDocument *self,
                              const char     *key)
{
  Element *element;
  GPtrArray *history = g_ptr_array_new ();

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), history);

  element = g_hash_table_lookup (self->elements, key);
  for (guint i = 0; element != NULL && i < element->history->len; i++)
    g_ptr_array_add (history, g_ptr_array_index (element->history, i));
  return history;
}

/**
 * ut_sync_document_list_identities_elsewhere:
 *
 * Returns: (transfer full): the platforms of @profile_id that have an account identity on
 *   another computer and not on this one, as of the last sync, sorted
 */
char **
ut_sync_document_list_identities_elsewhere (UtSyncDocument *self,
                                            const char     *profile_id)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GHashTable) here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *platforms = g_ptr_array_new ();

  g_return_val_if_fail (UT_IS_SYNC_DOCUMENT (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  keys = sorted_keys (self);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < keys->len; i++)
      {
        const char *key = g_ptr_array_index (keys, i);
        Element *element = g_hash_table_lookup (self->elements, key);
        g_auto(GStrv) parts = NULL;
        gboolean own;

        if (!g_str_has_prefix (key, "device/"))
          continue;
        parts = g_strsplit (key, "/", 0);
        if (g_strv_length (parts) != 5 || !g_str_equal (parts[0], "device") ||
            !g_str_equal (parts[2], "identity") || !g_str_equal (parts[3], profile_id) ||
            element->current.value == NULL)
          continue;
        own = g_str_equal (parts[1], self->device);
        if (pass == 0 && own)
          g_hash_table_add (here, g_strdup (parts[4]));
        else if (pass == 1 && !own && !g_hash_table_contains (here, parts[4]) &&
                 !g_hash_table_contains (seen, parts[4]))
          {
            char *platform = g_strdup (parts[4]);

            g_hash_table_add (seen, platform);
            g_ptr_array_add (platforms, platform);
          }
      }

  g_ptr_array_sort (platforms, compare_keys);
  g_ptr_array_add (platforms, NULL);
  return (char **) g_ptr_array_free (platforms, FALSE);
}
