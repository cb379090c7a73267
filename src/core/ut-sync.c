/* ut-sync.c — progress that follows a person across computers, through their WebDAV storage
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each computer writes one file in the sync folder, its own, and reads the others': two
 * computers never write the same file, so no write can overwrite another's. A file is this
 * computer's sync document (ut-sync-document.c), sealed under the key the recovery code carries
 * (ut-sync-crypto.c), under a name that is a keyed hash of the computer's random id.
 *
 * A sync: the keyring gives the password and key; the folder is listed; the files whose ETag
 * changed since they were last read are fetched and opened; this computer's changes are stamped;
 * everything is merged and, when it changed progress, saved and shown; then this computer's file
 * is written if it changed. What goes wrong before the merge changes nothing here. A file that
 * cannot be opened is left alone and named in the status; the others are still merged.
 *
 * The state (folder, user name, this computer's id, the ETags read, the last sync) is kept in
 * sync.json beside the progress file, and the document, which is as large as the progress, in
 * sync-document.json, written only when it changed. The password and key are only in the keyring.
 */

#define G_LOG_DOMAIN "ut-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ut-identity-store.h"
#include "ut-json.h"
#include "ut-progress-private.h"
#include "ut-sync-credentials.h"
#include "ut-sync-crypto.h"
#include "ut-sync-document.h"
#include "ut-sync.h"
#include "ut-util.h"
#include "ut-webdav.h"

#define STATE_FORMAT 1
/* A document is as large as the progress, with its history a little more. */
#define DOCUMENT_MAX_SIZE (2 * UT_PROGRESS_MAX_SIZE)
#define STATE_MAX_SIZE    (1024 * 1024)

struct _UtSync
{
  GObject         parent_instance;

  UtProgress     *progress;
  char           *path;           /* sync.json */
  char           *document_path;  /* sync-document.json */

  char           *url;       /* NULL when sync is not set up */
  char           *user;
  char           *device;
  gboolean        joining;   /* set up with a recovery code and not merged yet */
  GDateTime      *last_synced;
  char           *problem;
  GHashTable     *seen;      /* file name → the ETag it had when it was merged */
  char           *uploaded_etag;
  char           *uploaded_digest;
  UtSyncDocument *document;
  char           *document_digest;  /* of the document as sync-document.json holds it */
  UtIdentityStore *identities; /* nullable: then which identities exist here is not synced */

  gboolean        busy;
  gboolean        rebuilt;   /* the document was rebuilt after progress was recovered */
  GPtrArray      *waiting;   /* of GTask: run while another ran; one more run answers them all */
};

G_DEFINE_FINAL_TYPE (UtSync, ut_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SET_UP,
  PROP_BUSY,
  PROP_LAST_SYNCED,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_state (UtSync *self)
{
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->device, g_free);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->uploaded_etag, g_free);
  g_clear_pointer (&self->uploaded_digest, g_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->document_digest, g_free);
  g_hash_table_remove_all (self->seen);
  self->joining = FALSE;
}

static void
ut_sync_finalize (GObject *object)
{
  UtSync *self = (UtSync *) object;

  clear_state (self);
  g_hash_table_unref (self->seen);
  g_ptr_array_unref (self->waiting);
  g_free (self->path);
  g_free (self->document_path);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);

  G_OBJECT_CLASS (ut_sync_parent_class)->finalize (object);
}

static void
ut_sync_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  UtSync *self = UT_SYNC (object);

  switch (prop_id)
    {
    case PROP_SET_UP:
      g_value_set_boolean (value, ut_sync_is_set_up (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_boxed (value, self->last_synced);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_sync_class_init (UtSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ut_sync_finalize;
  object_class->get_property = ut_sync_get_property;

  properties[PROP_SET_UP] =
    g_param_spec_boolean ("set-up", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ut_sync_init (UtSync *self)
{
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ut_sync_new:
 * @progress: the progress that syncs; its state is kept beside its file
 */
UtSync *
ut_sync_new (UtProgress *progress)
{
  UtSync *self;
  g_autofree char *directory = NULL;

  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);

  self = g_object_new (UT_TYPE_SYNC, NULL);
  self->progress = g_object_ref (progress);
  directory = g_path_get_dirname (ut_progress_get_path (progress));
  self->path = g_build_filename (directory, "sync.json", NULL);
  self->document_path = g_build_filename (directory, "sync-document.json", NULL);
  return self;
}

/**
 * ut_sync_set_identity_store:
 *
 * Lets sync tell the other computers which platforms have an account identity in this
 * computer's keyring (never the identity itself), and know theirs.
 */
void
ut_sync_set_identity_store (UtSync          *self,
                            UtIdentityStore *identities)
{
  g_return_if_fail (UT_IS_SYNC (self));
  g_return_if_fail (identities == NULL || UT_IS_IDENTITY_STORE (identities));

  g_set_object (&self->identities, identities);
}

/**
 * ut_sync_list_identities_elsewhere:
 *
 * Returns: (transfer full): the platforms of @profile_id with an account identity saved on
 *   another computer but not on this one, as of the last sync
 */
char **
ut_sync_list_identities_elsewhere (UtSync     *self,
                                   const char *profile_id)
{
  g_return_val_if_fail (UT_IS_SYNC (self), NULL);

  if (self->document == NULL)
    return g_new0 (char *, 1);
  return ut_sync_document_list_identities_elsewhere (self->document, profile_id);
}

gboolean
ut_sync_is_set_up (UtSync *self)
{
  g_return_val_if_fail (UT_IS_SYNC (self), FALSE);
  return self->url != NULL;
}

const char *
ut_sync_get_url (UtSync *self)
{
  g_return_val_if_fail (UT_IS_SYNC (self), NULL);
  return self->url;
}

const char *
ut_sync_get_user (UtSync *self)
{
  g_return_val_if_fail (UT_IS_SYNC (self), NULL);
  return self->user;
}

/**
 * ut_sync_get_last_synced:
 *
 * Returns: (nullable) (transfer none): when this computer last synced with success
 */
GDateTime *
ut_sync_get_last_synced (UtSync *self)
{
  g_return_val_if_fail (UT_IS_SYNC (self), NULL);
  return self->last_synced;
}

/**
 * ut_sync_get_problem:
 *
 * Returns: (nullable): what went wrong in the last sync, as a sentence
 */
const char *
ut_sync_get_problem (UtSync *self)
{
  g_return_val_if_fail (UT_IS_SYNC (self), NULL);
  return self->problem;
}

gboolean
ut_sync_is_busy (UtSync *self)
{
  g_return_val_if_fail (UT_IS_SYNC (self), FALSE);
  return self->busy;
}

/**
 * ut_sync_describe:
 *
 * Returns: (transfer full): the status in a sentence or two: not set up, or when it last
 *   synced, and any problem
 */
char *
ut_sync_describe (UtSync *self)
{
  g_autofree char *when = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (UT_IS_SYNC (self), NULL);

  if (!ut_sync_is_set_up (self))
    return g_strdup (_("Sync is not set up."));

  if (self->last_synced != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->last_synced);

      /* Translators: a date and time, as in "Last synced 2026-11-30 14:05." */
      when = g_date_time_format (local, _("%Y-%m-%d %H:%M"));
      g_string_append_printf (text, _("Last synced %s."), when);
    }
  else
    g_string_append (text, _("Not synced yet."));

  if (self->problem != NULL)
    g_string_append_printf (text, " %s", self->problem);

  return g_string_free (text, FALSE);
}

/* ---- the state file --------------------------------------------------------------------- */

static void
notify_all (UtSync *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static gboolean
fail_state (GError     **error,
            const char  *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The sync settings in %s cannot be read. Set up sync again; your progress is not affected."), path);
  return FALSE;
}

/* Reads sync-document.json, which must be this computer's. Returns FALSE, leaving the document
 * as it was, when it cannot be read. */
static gboolean
load_document (UtSync *self)
{
  g_autoptr(GBytes) bytes = ut_read_file_limited (self->document_path, DOCUMENT_MAX_SIZE, NULL);
  g_autoptr(JsonNode) root = NULL;
  UtSyncDocument *document;

  if (bytes == NULL ||
      (root = ut_json_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL)) == NULL ||
      (document = ut_sync_document_from_json (root, NULL)) == NULL)
    return FALSE;
  if (!g_str_equal (ut_sync_document_get_device (document), self->device))
    {
      g_object_unref (document);
      return FALSE;
    }

  g_clear_object (&self->document);
  self->document = document;
  g_free (self->document_digest);
  self->document_digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return TRUE;
}

/**
 * ut_sync_load:
 *
 * Reads the state kept by the last set-up and sync. No file: sync is not set up.
 */
gboolean
ut_sync_load (UtSync  *self,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *seen;
  JsonObjectIter iter;
  const char *url, *user, *device, *name, *last_synced;
  JsonNode *member;

  g_return_val_if_fail (UT_IS_SYNC (self), FALSE);

  clear_state (self);
  if ((bytes = ut_read_file_limited (self->path, STATE_MAX_SIZE, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          notify_all (self);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  root = ut_json_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail_state (error, self->path);
  object = json_node_get_object (root);
  url = ut_json_get_string (object, "url");
  user = ut_json_get_string (object, "user");
  device = ut_json_get_string (object, "device");
  if (ut_json_get_int (object, "format", 0) != STATE_FORMAT || url == NULL || user == NULL || device == NULL)
    return fail_state (error, self->path);

  self->device = g_strdup (device);
  if (!load_document (self))
    {
      clear_state (self);
      return fail_state (error, self->document_path);
    }
  self->url = g_strdup (url);
  self->user = g_strdup (user);
  self->joining = ut_json_get_boolean (object, "joining", FALSE);
  self->problem = g_strdup (ut_json_get_string (object, "problem"));
  self->uploaded_etag = g_strdup (ut_json_get_string (object, "uploaded_etag"));
  self->uploaded_digest = g_strdup (ut_json_get_string (object, "uploaded_digest"));
  if ((last_synced = ut_json_get_string (object, "last_synced")) != NULL)
    self->last_synced = ut_date_time_parse (last_synced);
  member = json_object_get_member (object, "seen");
  seen = member != NULL && JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
  if (seen != NULL)
    {
      json_object_iter_init (&iter, seen);
      while (json_object_iter_next (&iter, &name, &member))
        if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
          g_hash_table_insert (self->seen, g_strdup (name), g_strdup (json_node_get_string (member)));
    }

  notify_all (self);
  return TRUE;
}

static void
add_optional (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static gboolean
write_file (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);

  if (g_mkdir_with_parents (directory, 0700) != 0 ||
      !ut_write_file_atomic (path, text, strlen (text), 0600, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The folder %s could not be created."), directory);
      g_prefix_error (error, _("Could not save the sync state: "));
      return FALSE;
    }
  return TRUE;
}

static char *
document_text (UtSyncDocument *document)
{
  g_autoptr(JsonNode) node = ut_sync_document_to_json (document);

  return json_to_string (node, FALSE);
}

static gboolean
save_state (UtSync  *self,
            GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_synced = NULL;
  GHashTableIter iter;
  gpointer name, etag;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, STATE_FORMAT);
  add_optional (builder, "url", self->url);
  add_optional (builder, "user", self->user);
  add_optional (builder, "device", self->device);
  json_builder_set_member_name (builder, "joining");
  json_builder_add_boolean_value (builder, self->joining);
  if (self->last_synced != NULL)
    add_optional (builder, "last_synced", last_synced = ut_date_time_format (self->last_synced));
  add_optional (builder, "problem", self->problem);
  add_optional (builder, "uploaded_etag", self->uploaded_etag);
  add_optional (builder, "uploaded_digest", self->uploaded_digest);
  json_builder_set_member_name (builder, "seen");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, &name, &etag))
    add_optional (builder, name, etag);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return write_file (self->path, text, error);
}

/* The document as it is written and sent: @text and its @digest. It is written only when it
 * changed since it was last written. */
static gboolean
save_document (UtSync      *self,
               const char  *text,
               const char  *digest,
               GError     **error)
{
  if (g_strcmp0 (digest, self->document_digest) == 0)
    return TRUE;
  if (!write_file (self->document_path, text, error))
    return FALSE;
  g_free (self->document_digest);
  self->document_digest = g_strdup (digest);
  return TRUE;
}

static void
set_problem (UtSync     *self,
             const char *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
}

/* ---- a sync ----------------------------------------------------------------------------- */

typedef struct
{
  char           *name;
  char           *etag;
  UtSyncDocument *document;
} Fetched;

static void
fetched_free (Fetched *fetched)
{
  g_free (fetched->name);
  g_free (fetched->etag);
  g_clear_object (&fetched->document);
  g_free (fetched);
}

typedef struct
{
  UtSync            *self;
  GPtrArray         *tasks;        /* of GTask, answered together */
  GCancellable      *cancellable;
  UtSyncCredentials *credentials;
  UtWebdav          *webdav;
  char              *own_name;
  char              *own_etag;     /* this computer's file as the listing has it; NULL if absent */
  gboolean           own_listed;
  GPtrArray         *to_fetch;     /* of UtWebdavEntry, borrowed from entries */
  GPtrArray         *entries;
  guint              next;
  GPtrArray         *fetched;      /* of Fetched */
  GString           *left_alone;   /* sentences about files that were not used */
  char              *text;         /* the document as written and sent */
  char              *digest;       /* of @text */
  guint              n_changed;
  GPtrArray         *profiles;     /* of UtProfile: whose identities are still to be listed */
  GPtrArray         *identities;   /* of char*, "profile/platform"; NULL if the keyring failed */
  gboolean           rebuilding;   /* progress was recovered from its backup: see start_run() */
} Run;

static void
run_free (Run *run)
{
  g_object_unref (run->self);
  g_ptr_array_unref (run->tasks);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->credentials, ut_sync_credentials_free);
  g_clear_object (&run->webdav);
  g_free (run->own_name);
  g_free (run->own_etag);
  g_clear_pointer (&run->to_fetch, g_ptr_array_unref);
  g_clear_pointer (&run->entries, g_ptr_array_unref);
  g_ptr_array_unref (run->fetched);
  g_string_free (run->left_alone, TRUE);
  g_free (run->text);
  g_free (run->digest);
  g_clear_pointer (&run->profiles, g_ptr_array_unref);
  g_clear_pointer (&run->identities, g_ptr_array_unref);
  g_free (run);
}

static void start_run (UtSync    *self,
                       GPtrArray *tasks);

static void
end_run (Run    *run,
         GError *error)
{
  UtSync *self = run->self;
  g_autoptr(GPtrArray) waiting = NULL;

  if (error != NULL && ut_sync_is_set_up (self))
    {
      g_autoptr(GError) save_error = NULL;

      /* Kept, so that the command line and the next start can say what went wrong. */
      set_problem (self, error->message);
      if (!save_state (self, &save_error))
        g_warning ("%s", save_error->message);
    }

  self->busy = FALSE;
  notify_all (self);

  for (guint i = 0; i < run->tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (run->tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_int (task, run->n_changed);
    }

  if (self->waiting->len > 0)
    {
      waiting = g_steal_pointer (&self->waiting);
      self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      start_run (self, waiting);
    }

  run_free (run);
}

static void
fail_run (Run    *run,
          GError *error)
{
  end_run (run, error);
  g_error_free (error);
}

static gint64
now_ms (UtSync *self)
{
  g_autoptr(GDateTime) now = ut_progress_now (self->progress);

  return g_date_time_to_unix (now) * 1000 + g_date_time_get_microsecond (now) / 1000;
}

/* Stamps this computer's changes, merges the files read, makes progress what they merged to
 * and writes the document. Runs on the main thread, between two requests: nothing can change
 * progress meanwhile. If progress cannot take the result, the document goes back to what
 * sync-document.json holds, so that nothing merged here claims to be in progress. */
static gboolean
merge (Run     *run,
       GError **error)
{
  UtSync *self = run->self;
  g_autoptr(JsonNode) local = ut_progress_to_json (self->progress, NULL);
  gboolean joining = self->joining || run->rebuilding;
  guint n_changed = 0;

  if (run->rebuilding)
    {
      g_clear_object (&self->document);
      self->document = ut_sync_document_new (self->device);
    }
  if (run->identities != NULL)
    g_ptr_array_add (run->identities, NULL);
  ut_sync_document_record_local (self->document, local,
                                 run->identities != NULL ? (const char * const *) run->identities->pdata : NULL,
                                 now_ms (self), joining);
  for (guint i = 0; i < run->fetched->len; i++)
    n_changed += ut_sync_document_merge (self->document,
                                         ((Fetched *) g_ptr_array_index (run->fetched, i))->document);

  if (n_changed > 0)
    {
      g_autoptr(JsonNode) progress = ut_sync_document_to_progress (self->document);

      if (!_ut_progress_adopt (self->progress, progress, error))
        {
          g_prefix_error (error, _("The progress synced from your other computers could not be used here, "
                                   "so nothing was changed: "));
          /* Changed by hand since it was written: start again from nothing stamped. */
          if (!load_document (self))
            {
              g_clear_object (&self->document);
              self->document = ut_sync_document_new (self->device);
            }
          return FALSE;
        }
    }

  run->text = document_text (self->document);
  run->digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, run->text, -1);
  if (!save_document (self, run->text, run->digest, error))
    return FALSE;

  for (guint i = 0; i < run->fetched->len; i++)
    {
      Fetched *fetched = g_ptr_array_index (run->fetched, i);

      if (fetched->etag != NULL)
        g_hash_table_replace (self->seen, g_strdup (fetched->name), g_strdup (fetched->etag));
    }
  self->joining = FALSE;
  self->rebuilt = self->rebuilt || run->rebuilding;
  run->n_changed = n_changed;
  return TRUE;
}

static void
finish_run (Run *run)
{
  g_autoptr(GError) error = NULL;
  UtSync *self = run->self;

  g_clear_pointer (&self->last_synced, g_date_time_unref);
  self->last_synced = ut_progress_now (self->progress);
  set_problem (self, run->left_alone->len > 0 ? run->left_alone->str : NULL);
  if (!save_state (self, &error))
    {
      fail_run (run, g_steal_pointer (&error));
      return;
    }
  end_run (run, NULL);
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;
  GError *error = NULL;
  g_autofree char *etag = ut_webdav_put_finish (UT_WEBDAV (source), result, &error);

  if (error != NULL)
    {
      fail_run (run, error);
      return;
    }

  g_free (run->self->uploaded_etag);
  run->self->uploaded_etag = g_steal_pointer (&etag);
  g_free (run->self->uploaded_digest);
  run->self->uploaded_digest = g_steal_pointer (&run->digest);
  finish_run (run);
}

static void
upload (Run *run)
{
  UtSync *self = run->self;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  GError *error = NULL;

  /* Written again when it changed, or when the server lost or replaced it. */
  if (g_strcmp0 (run->digest, self->uploaded_digest) == 0 && run->own_listed &&
      (run->own_etag == NULL || self->uploaded_etag == NULL || g_str_equal (run->own_etag, self->uploaded_etag)))
    {
      finish_run (run);
      return;
    }

  plain = g_bytes_new_static (run->text, strlen (run->text));
  if ((sealed = ut_sync_seal (run->credentials->key, plain, &error)) == NULL)
    {
      fail_run (run, error);
      return;
    }
  ut_webdav_put_async (run->webdav, run->own_name, sealed, NULL, run->cancellable, put_cb, run);
}

static void list_identities (Run *run);

static void
merge_and_upload (Run *run)
{
  GError *error = NULL;

  if (!merge (run, &error))
    {
      fail_run (run, error);
      return;
    }
  upload (run);
}

static void
identities_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Run *run = user_data;
  UtProfile *profile = g_ptr_array_index (run->profiles, 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) platforms = ut_identity_store_list_finish (UT_IDENTITY_STORE (source), result, &error);

  if (platforms == NULL)
    {
      /* A locked or missing keyring: what this computer said before stays as it was. */
      g_debug ("Sync: identities not listed: %s", error->message);
      g_clear_pointer (&run->identities, g_ptr_array_unref);
      merge_and_upload (run);
      return;
    }
  for (guint i = 0; platforms[i] != NULL; i++)
    g_ptr_array_add (run->identities, g_strconcat (ut_profile_get_id (profile), "/", platforms[i], NULL));
  g_ptr_array_remove_index (run->profiles, 0);
  list_identities (run);
}

/* Which platforms have an account identity in this computer's keyring, profile by profile. */
static void
list_identities (Run *run)
{
  UtSync *self = run->self;

  if (self->identities == NULL)
    {
      merge_and_upload (run);
      return;
    }
  if (run->profiles == NULL)
    {
      run->profiles = _ut_progress_list_profiles (self->progress);
      run->identities = g_ptr_array_new_with_free_func (g_free);
    }
  if (run->profiles->len == 0)
    {
      merge_and_upload (run);
      return;
    }
  ut_identity_store_list_async (self->identities, ut_profile_get_id (g_ptr_array_index (run->profiles, 0)),
                                run->cancellable, identities_listed_cb, run);
}

static void fetch_next (Run *run);

/* A file that cannot be used is left alone, said in the status, and not marked as read, so that
 * it is tried again once its computer writes it anew. */
static void
leave_alone (Run        *run,
             const char *sentence)
{
  if (strstr (run->left_alone->str, sentence) != NULL)
    return;
  if (run->left_alone->len > 0)
    g_string_append_c (run->left_alone, ' ');
  g_string_append (run->left_alone, sentence);
}

static UtSyncDocument *
open_file (Run     *run,
           GBytes  *sealed,
           GError **error)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  UtSyncDocument *document;

  if ((plain = ut_sync_open (run->credentials->key, sealed, error)) == NULL)
    return NULL;

  node = ut_json_parse (g_bytes_get_data (plain, NULL), (gssize) g_bytes_get_size (plain), NULL);
  if (node == NULL || (document = ut_sync_document_from_json (node, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Another computer syncs with a newer version of Untrain, whose progress "
                               "this version cannot read. Update Untrain here to see it."));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("A file in the sync folder opened with your recovery code but does not hold "
                               "progress Untrain can read, so it was left alone."));
      return NULL;
    }
  return document;
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;
  UtWebdavEntry *entry = g_ptr_array_index (run->to_fetch, run->next);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gboolean not_modified = FALSE;
  UtSyncDocument *document;

  sealed = ut_webdav_get_finish (UT_WEBDAV (source), result, &etag, &not_modified, &error);
  run->next++;

  if (sealed == NULL && !not_modified)
    {
      /* Gone since the listing: its computer stopped syncing. Nothing to merge. */
      if (g_error_matches (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND))
        {
          fetch_next (run);
          return;
        }
      fail_run (run, g_steal_pointer (&error));
      return;
    }

  if (sealed != NULL)
    {
      if ((document = open_file (run, sealed, &error)) == NULL)
        leave_alone (run, error->message);
      else if (g_str_equal (ut_sync_document_get_device (document), run->self->device) && !run->rebuilding)
        {
          /* Another file claims to be this computer's: it is a copy, nothing new. */
          g_object_unref (document);
        }
      else
        {
          Fetched *fetched = g_new0 (Fetched, 1);

          fetched->name = g_strdup (entry->name);
          fetched->etag = g_strdup (etag != NULL ? etag : entry->etag);
          fetched->document = document;
          g_ptr_array_add (run->fetched, fetched);
        }
    }

  fetch_next (run);
}

static void
fetch_next (Run *run)
{
  if (run->next < run->to_fetch->len)
    {
      UtWebdavEntry *entry = g_ptr_array_index (run->to_fetch, run->next);

      ut_webdav_get_async (run->webdav, entry->name, g_hash_table_lookup (run->self->seen, entry->name),
                           run->cancellable, get_cb, run);
      return;
    }

  list_identities (run);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  GError *error = NULL;

  if ((run->entries = ut_webdav_list_finish (UT_WEBDAV (source), result, &error)) == NULL)
    {
      fail_run (run, error);
      return;
    }

  run->own_name = ut_sync_file_name (run->credentials->key, run->self->device);
  run->to_fetch = g_ptr_array_new ();
  for (guint i = 0; i < run->entries->len; i++)
    {
      UtWebdavEntry *entry = g_ptr_array_index (run->entries, i);
      const char *seen;

      if (g_str_equal (entry->name, run->own_name))
        {
          run->own_listed = TRUE;
          run->own_etag = g_strdup (entry->etag);
          if (run->rebuilding)
            g_ptr_array_add (run->to_fetch, entry);
          continue;
        }
      if (!g_str_has_suffix (entry->name, ".uts"))
        continue;
      /* Read only what changed since it was merged, or everything when rebuilding. */
      seen = g_hash_table_lookup (run->self->seen, entry->name);
      if (run->rebuilding || seen == NULL || entry->etag == NULL || !g_str_equal (seen, entry->etag))
        g_ptr_array_add (run->to_fetch, entry);
    }

  fetch_next (run);
}

static GError *
missing_credentials_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                              _("The sync password and key are no longer in your keyring. Set up sync again "
                                "with the recovery code from your other computer."));
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;
  GError *error = NULL;

  run->credentials = ut_sync_credentials_lookup_finish (result, &error);
  if (run->credentials == NULL)
    {
      fail_run (run, error != NULL ? error : missing_credentials_error ());
      return;
    }

  if ((run->webdav = ut_webdav_new (run->self->url, run->self->user, run->credentials->password, &error)) == NULL)
    {
      fail_run (run, error);
      return;
    }
  ut_webdav_list_async (run->webdav, run->cancellable, list_cb, run);
}

static void
start_run (UtSync    *self,
           GPtrArray *tasks)
{
  Run *run = g_new0 (Run, 1);

  run->self = g_object_ref (self);
  run->tasks = g_ptr_array_ref (tasks);
  run->cancellable = g_task_get_cancellable (g_ptr_array_index (tasks, 0));
  if (run->cancellable != NULL)
    g_object_ref (run->cancellable);
  run->fetched = g_ptr_array_new_with_free_func ((GDestroyNotify) fetched_free);
  run->left_alone = g_string_new (NULL);

  self->busy = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (!ut_sync_is_set_up (self))
    {
      fail_run (run, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("Sync is not set up.")));
      return;
    }
  /* Progress that could not be read shows as empty: synced, that would delete it everywhere. */
  if (ut_progress_is_read_only (self->progress))
    {
      fail_run (run, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                                          _("Your progress on this computer could not be read, so it is not synced "
                                            "until that is resolved. Your other computers keep theirs.")));
      return;
    }
  /* Progress recovered from its backup lacks the last changes made here, and any difference from
   * what was synced would look like a new change and undo newer ones. So the document is made
   * again from every computer's file, this one's included, as a computer that joins: what the
   * backup holds loses to what was synced, unless it is newer. */
  run->rebuilding = ut_progress_get_recovery (self->progress) != NULL && !self->rebuilt;
  ut_sync_credentials_lookup_async (self->url, self->user, run->cancellable, lookup_cb, run);
}

/**
 * ut_sync_run_async:
 *
 * Syncs now. Asked while a sync runs, it answers once another sync after that one has run, so
 * that changes made meanwhile are synced too.
 */
void
ut_sync_run_async (UtSync              *self,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_if_fail (UT_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_sync_run_async);

  if (self->busy)
    {
      g_ptr_array_add (self->waiting, g_steal_pointer (&task));
      return;
    }

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, g_steal_pointer (&task));
  start_run (self, tasks);
}

/**
 * ut_sync_run_finish:
 * @n_changed: (out) (optional): how many things changed here
 */
gboolean
ut_sync_run_finish (UtSync        *self,
                    GAsyncResult  *result,
                    guint         *n_changed,
                    GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (n_changed != NULL)
    *n_changed = (guint) value;
  return TRUE;
}

/* ---- set-up ----------------------------------------------------------------------------- */

typedef struct
{
  char     *url;
  char     *user;
  char     *password;
  GBytes   *key;
  gboolean  joining;
  gboolean  created;   /* the folder was made at this set-up */
  UtWebdav *webdav;
} SetUp;

static void
set_up_free (SetUp *set_up)
{
  g_free (set_up->url);
  g_free (set_up->user);
  if (set_up->password != NULL)
    explicit_bzero (set_up->password, strlen (set_up->password));
  g_free (set_up->password);
  g_clear_pointer (&set_up->key, g_bytes_unref);
  g_clear_object (&set_up->webdav);
  g_free (set_up);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UtSync *self = g_task_get_source_object (task);
  SetUp *set_up = g_task_get_task_data (task);
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  GError *error = NULL;

  if (!ut_sync_credentials_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  clear_state (self);
  self->url = g_strdup (set_up->url);
  self->user = g_strdup (set_up->user);
  self->device = g_uuid_string_random ();
  self->document = ut_sync_document_new (self->device);
  self->joining = set_up->joining;
  text = document_text (self->document);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  if (!save_document (self, text, digest, &error) || !save_state (self, &error))
    {
      clear_state (self);
      notify_all (self);
      g_task_return_error (task, error);
      return;
    }

  notify_all (self);
  g_task_return_pointer (task, ut_sync_recovery_code_encode (set_up->key), g_free);
}

/* Takes @task. */
static void
store (GTask *task)
{
  SetUp *set_up = g_task_get_task_data (task);
  g_autoptr(UtSyncCredentials) credentials = ut_sync_credentials_new (set_up->url, set_up->user,
                                                                     set_up->password, set_up->key);

  ut_sync_credentials_store_async (credentials, g_task_get_cancellable (task), stored_cb, task);
}

/* The recovery code given must open what is already in the folder. */
static void
check_code_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SetUp *set_up = g_task_get_task_data (task);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) plain = NULL;
  GError *error = NULL;

  sealed = ut_webdav_get_finish (UT_WEBDAV (source), result, NULL, NULL, &error);
  if (sealed == NULL || (plain = ut_sync_open (set_up->key, sealed, &error)) == NULL)
    {
      if (g_error_matches (error, UT_SYNC_ERROR, UT_SYNC_ERROR_OTHER_KEY))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, UT_SYNC_ERROR, UT_SYNC_ERROR_OTHER_KEY,
                               _("This recovery code does not open the progress in this sync folder. Check it "
                                 "against the one your other computer showed when it was set up."));
        }
      g_task_return_error (task, error);
      return;
    }

  store (g_steal_pointer (&task));
}

static void set_up_list_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable;
  GError *error = NULL;

  if (!ut_webdav_create_folder_finish (UT_WEBDAV (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  ut_webdav_list_async (UT_WEBDAV (source), cancellable, set_up_list_cb, g_steal_pointer (&task));
}

static void
set_up_list_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SetUp *set_up = g_task_get_task_data (task);
  g_autoptr(GPtrArray) entries = NULL;
  const char *existing = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  if ((entries = ut_webdav_list_finish (UT_WEBDAV (source), result, &error)) == NULL)
    {
      /* A folder named for Untrain that is not there yet is made, once. */
      if (g_error_matches (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND) && !set_up->created)
        {
          g_error_free (error);
          set_up->created = TRUE;
          cancellable = g_task_get_cancellable (task);
          ut_webdav_create_folder_async (set_up->webdav, cancellable, created_cb, g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < entries->len && existing == NULL; i++)
    if (g_str_has_suffix (((UtWebdavEntry *) g_ptr_array_index (entries, i))->name, ".uts"))
      existing = ((UtWebdavEntry *) g_ptr_array_index (entries, i))->name;

  if (set_up->key == NULL)
    {
      /* A second key in one folder would split it into two that never merge. */
      if (existing != NULL)
        {
          g_task_return_new_error (task, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE,
                                   _("This sync folder already holds progress from another computer. Enter the "
                                     "recovery code that computer showed when it was set up."));
          return;
        }
      if ((set_up->key = ut_sync_key_generate (&error)) == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else if (existing != NULL)
    {
      cancellable = g_task_get_cancellable (task);
      ut_webdav_get_async (set_up->webdav, existing, NULL, cancellable, check_code_cb, g_steal_pointer (&task));
      return;
    }

  store (g_steal_pointer (&task));
}

/**
 * ut_sync_set_up_async:
 * @url: the sync folder (https; plain http only to this machine)
 * @password: the app password, kept only in the keyring
 * @recovery_code: (nullable): the code another computer showed, to join it; %NULL on the first
 *   computer, which makes a new key
 *
 * Checks that the folder can be listed with these credentials (and that @recovery_code opens what
 * is in it), keeps the password and key in the keyring and starts this computer's sync state.
 * Nothing is synced yet: call ut_sync_run_async() next.
 */
void
ut_sync_set_up_async (UtSync              *self,
                      const char          *url,
                      const char          *user,
                      const char          *password,
                      const char          *recovery_code,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SetUp *set_up;
  GError *error = NULL;

  g_return_if_fail (UT_IS_SYNC (self));
  g_return_if_fail (url != NULL && user != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_sync_set_up_async);
  set_up = g_new0 (SetUp, 1);
  set_up->url = g_strstrip (g_strdup (url));
  set_up->user = g_strdup (user);
  set_up->password = g_strdup (password);
  g_task_set_task_data (task, set_up, (GDestroyNotify) set_up_free);

  if (*set_up->user == '\0' || *set_up->password == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Enter the user name and the app password of your sync storage."));
      return;
    }
  if (recovery_code != NULL && *recovery_code != '\0')
    {
      if ((set_up->key = ut_sync_recovery_code_decode (recovery_code, &error)) == NULL)
        {
          g_task_return_error (task, error);
              return;
        }
      set_up->joining = TRUE;
    }
  if ((set_up->webdav = ut_webdav_new (set_up->url, user, password, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ut_webdav_list_async (set_up->webdav, cancellable, set_up_list_cb, g_steal_pointer (&task));
}

/**
 * ut_sync_set_up_finish:
 *
 * Returns: (transfer full): the recovery code, to show the person (the one given, or a new one)
 */
char *
ut_sync_set_up_finish (UtSync        *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- stopping --------------------------------------------------------------------------- */

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UtSync *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!ut_sync_credentials_clear_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? self->path : self->document_path;

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return;
        }
    }
  clear_state (self);
  notify_all (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * ut_sync_stop_async:
 *
 * Stops syncing on this computer: the password and key leave the keyring and the sync state is
 * removed. Progress stays as it is, here and on the other computers.
 */
void
ut_sync_stop_async (UtSync              *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UT_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_sync_stop_async);
  if (!ut_sync_is_set_up (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  ut_sync_credentials_clear_async (self->url, self->user, cancellable, cleared_cb, g_steal_pointer (&task));
}

gboolean
ut_sync_stop_finish (UtSync        *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
