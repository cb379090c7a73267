/* ut-webdav.c — the person's own WebDAV folder, where synced progress is kept
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three requests are all syncing needs: PROPFIND to list the folder with each file's ETag (a
 * device reads only the files whose ETag changed since it last read them), GET with
 * If-None-Match for servers that answer it with a 304, and PUT with If-Match for those that
 * honour it. The user name and app password go as Basic credentials with each request, over
 * https (or to this machine, for tests); a refused one ends as an error, never a retry. Every
 * error is a sentence for the person.
 */

#define G_LOG_DOMAIN "ut-webdav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ut-webdav.h"

#define MAX_BODY (16 * 1024 * 1024)

struct _UtWebdav
{
  GObject      parent_instance;

  GUri        *folder;
  char        *user;
  char        *password;
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (UtWebdav, ut_webdav, G_TYPE_OBJECT)
G_DEFINE_QUARK (ut-webdav-error-quark, ut_webdav_error)

void
ut_webdav_entry_free (UtWebdavEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->etag);
  g_free (entry);
}

static void
ut_webdav_finalize (GObject *object)
{
  UtWebdav *self = (UtWebdav *) object;

  g_clear_pointer (&self->folder, g_uri_unref);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ut_webdav_parent_class)->finalize (object);
}

static void
ut_webdav_class_init (UtWebdavClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ut_webdav_finalize;
}

static void
ut_webdav_init (UtWebdav *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Untrain/" PACKAGE_VERSION,
                                                 "timeout", 60,
                                                 NULL);
}

/**
 * ut_webdav_new:
 * @folder_url: the sync folder, such as https://cloud.example.org/remote.php/dav/files/anna/Untrain/
 * @user: the user name
 * @password: the app password
 *
 * Returns: (transfer full): the folder, or %NULL with %UT_WEBDAV_ERROR_ADDRESS when @folder_url
 *   is not an https address (plain http is taken only for this machine, for tests)
 */
UtWebdav *
ut_webdav_new (const char  *folder_url,
               const char  *user,
               const char  *password,
               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *with_slash = NULL;
  UtWebdav *self;
  const char *scheme, *host;

  g_return_val_if_fail (folder_url != NULL && user != NULL && password != NULL, NULL);

  with_slash = g_str_has_suffix (folder_url, "/") ? g_strdup (folder_url) : g_strconcat (folder_url, "/", NULL);
  uri = g_uri_parse (with_slash, G_URI_FLAGS_ENCODED, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || *host == '\0' || g_uri_get_userinfo (uri) != NULL ||
      !(g_ascii_strcasecmp (scheme, "https") == 0 ||
        (g_ascii_strcasecmp (scheme, "http") == 0 &&
         (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0))))
    {
      g_set_error (error, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_ADDRESS,
                   _("“%s” is not an address Untrain can sync with: it must start with https:// "
                     "and name a folder, without a user name or password in it."),
                   folder_url);
      return NULL;
    }

  self = g_object_new (UT_TYPE_WEBDAV, NULL);
  self->folder = g_steal_pointer (&uri);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  return self;
}

static SoupMessage *
new_message (UtWebdav   *self,
             const char *method,
             const char *name)
{
  g_autofree char *escaped = name != NULL ? g_uri_escape_string (name, NULL, FALSE) : NULL;
  g_autoptr(GUri) uri = g_uri_parse_relative (self->folder, escaped != NULL ? escaped : "",
                                              G_URI_FLAGS_ENCODED, NULL);
  SoupMessage *message = soup_message_new_from_uri (method, uri);
  g_autofree char *pair = g_strconcat (self->user, ":", self->password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);

  /* Sent with every request (the address is https, or this machine): app passwords are Basic
   * credentials. Nothing answers libsoup's "authenticate", so a refused password ends the
   * request with its 401 instead of sending it again. */
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  memset (pair, 0, strlen (pair));
  return message;
}

/* A status that is not success, as a sentence. */
static GError *
status_error (SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return g_error_new_literal (UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_AUTHENTICATION,
                                  _("The sync server refused the user name or app password. Check "
                                    "them in Preferences; your progress here is unchanged."));
    case SOUP_STATUS_NOT_FOUND:
      return g_error_new_literal (UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND,
                                  _("The sync folder has no such file."));
    case SOUP_STATUS_INSUFFICIENT_STORAGE:
      return g_error_new_literal (UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_FULL,
                                  _("The sync server is full (it answered “507 Insufficient "
                                    "Storage”). Free some space there; your progress here is "
                                    "unchanged."));
    case SOUP_STATUS_PRECONDITION_FAILED:
      return g_error_new_literal (UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_CHANGED,
                                  _("The file on the sync server changed since Untrain last read "
                                    "it; Untrain reads it again before writing."));
    default:
      return g_error_new (UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_SERVER,
                          _("The sync server refused the request (it answered “%u %s”). Your "
                            "progress here is unchanged."),
                          status, reason);
    }
}

static GError *
network_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("WebDAV: %s", error->message);
  return g_error_new_literal (UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NETWORK,
                              _("Untrain could not reach the sync server. Check your connection "
                                "and the server address; your progress here is unchanged."));
}

typedef struct
{
  SoupMessage *message;
  char        *etag;
  gboolean     not_modified;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_free (request->etag);
  g_free (request);
}

static void
start (UtWebdav            *self,
       SoupMessage         *message,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       GAsyncReadyCallback  done)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->message = message;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    done, task);
}

/* Reads the body, or sets the task's error; the task is returned or consumed. */
static GBytes *
finish_send (GObject      *session,
             GAsyncResult *result,
             GTask        *task)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read_finish (SOUP_SESSION (session), result, &error);

  if (body == NULL)
    {
      g_task_return_error (task, network_error (error));
      return NULL;
    }
  if (g_bytes_get_size (body) > MAX_BODY)
    {
      g_bytes_unref (body);
      g_task_return_new_error (task, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_SERVER,
                               _("The sync server sent far more than a sync file holds. Your "
                                 "progress here is unchanged."));
      return NULL;
    }
  request->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                                          "ETag"));
  return body;
}

/* ---- list ------------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *entries;
  GString   *text;
  char      *href;
  char      *etag;
  gboolean   collection;
} Listing;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
listing_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Listing *listing = user_data;
  const char *name = local_name (element);

  g_string_truncate (listing->text, 0);
  if (g_str_equal (name, "response"))
    {
      g_clear_pointer (&listing->href, g_free);
      g_clear_pointer (&listing->etag, g_free);
      listing->collection = FALSE;
    }
  else if (g_str_equal (name, "collection"))
    listing->collection = TRUE;
}

static void
listing_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Listing *listing = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "href"))
    {
      g_free (listing->href);
      listing->href = g_strstrip (g_strdup (listing->text->str));
    }
  else if (g_str_equal (name, "getetag"))
    {
      g_free (listing->etag);
      listing->etag = g_strstrip (g_strdup (listing->text->str));
    }
  else if (g_str_equal (name, "response") && listing->href != NULL && !listing->collection)
    {
      /* The href is a path (or a whole URL); the file's name is its last segment. */
      g_autofree char *path = g_uri_unescape_string (listing->href, NULL);
      const char *slash = path != NULL ? strrchr (path, '/') : NULL;
      const char *file = slash != NULL ? slash + 1 : path;

      if (file != NULL && *file != '\0')
        {
          UtWebdavEntry *entry = g_new0 (UtWebdavEntry, 1);

          entry->name = g_strdup (file);
          entry->etag = listing->etag != NULL && *listing->etag != '\0' ? g_strdup (listing->etag) : NULL;
          g_ptr_array_add (listing->entries, entry);
        }
    }
  g_string_truncate (listing->text, 0);
}

static void
listing_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  g_string_append_len (((Listing *) user_data)->text, text, (gssize) length);
}

static void
list_done_cb (GObject      *session,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = finish_send (session, result, task);
  static const GMarkupParser parser = { listing_start, listing_end, listing_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Listing listing = { 0 };
  gsize size;
  const char *data;

  if (body == NULL)
    return;
  if (soup_message_get_status (request->message) == SOUP_STATUS_NOT_FOUND)
    {
      g_task_return_new_error (task, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND,
                               _("The sync folder does not exist on the server. Check its address; "
                                 "your progress here is unchanged."));
      return;
    }
  if (soup_message_get_status (request->message) != SOUP_STATUS_MULTI_STATUS)
    {
      g_task_return_error (task, status_error (request->message));
      return;
    }

  listing.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ut_webdav_entry_free);
  listing.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &listing, NULL);
  data = g_bytes_get_data (body, &size);
  if (!g_markup_parse_context_parse (context, data, (gssize) size, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_debug ("PROPFIND answer: %s", error->message);
      g_ptr_array_unref (listing.entries);
      g_task_return_new_error (task, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_SERVER,
                               _("The sync server's list of files cannot be read. Your progress "
                                 "here is unchanged."));
    }
  else
    g_task_return_pointer (task, listing.entries, (GDestroyNotify) g_ptr_array_unref);

  g_string_free (listing.text, TRUE);
  g_free (listing.href);
  g_free (listing.etag);
}

/**
 * ut_webdav_list_async:
 *
 * Lists the files in the folder (not its subfolders), each with its ETag.
 */
void
ut_webdav_list_async (UtWebdav            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  static const char body[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>";
  g_autoptr(GBytes) request_body = g_bytes_new_static (body, sizeof body - 1);
  SoupMessage *message;

  g_return_if_fail (UT_IS_WEBDAV (self));

  message = new_message (self, "PROPFIND", NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
  soup_message_set_request_body_from_bytes (message, "application/xml", request_body);
  start (self, message, ut_webdav_list_async, cancellable, callback, user_data, list_done_cb);
}

/**
 * ut_webdav_list_finish:
 *
 * Returns: (transfer container) (element-type UtWebdavEntry): the files, or %NULL with @error set
 */
GPtrArray *
ut_webdav_list_finish (UtWebdav      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- get ------------------------------------------------------------------------------- */

static void
get_done_cb (GObject      *session,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = finish_send (session, result, task);
  guint status;

  if (body == NULL)
    return;

  status = soup_message_get_status (request->message);
  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      request->not_modified = TRUE;
      g_task_return_pointer (task, NULL, NULL);
    }
  else if (status == SOUP_STATUS_OK)
    g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, status_error (request->message));
}

/**
 * ut_webdav_get_async:
 * @name: a file in the folder
 * @if_none_match: (nullable): the ETag of the copy already read; the server then answers 304
 *   when the file is unchanged
 */
void
ut_webdav_get_async (UtWebdav            *self,
                     const char          *name,
                     const char          *if_none_match,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  SoupMessage *message;

  g_return_if_fail (UT_IS_WEBDAV (self));
  g_return_if_fail (name != NULL);

  message = new_message (self, SOUP_METHOD_GET, name);
  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "If-None-Match", if_none_match);
  start (self, message, ut_webdav_get_async, cancellable, callback, user_data, get_done_cb);
}

/**
 * ut_webdav_get_finish:
 * @etag: (out) (optional) (transfer full): the file's ETag, when the server gave one
 * @not_modified: (out) (optional): set when the file is unchanged since @if_none_match
 *
 * Returns: (transfer full): the file, or %NULL when it is unchanged (@not_modified) or with
 *   @error set
 */
GBytes *
ut_webdav_get_finish (UtWebdav      *self,
                      GAsyncResult  *result,
                      char         **etag,
                      gboolean      *not_modified,
                      GError       **error)
{
  Request *request;
  GBytes *body;
  GError *local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  body = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (not_modified != NULL)
    *not_modified = local_error == NULL && request->not_modified;
  if (etag != NULL)
    *etag = local_error == NULL ? g_strdup (request->etag) : NULL;
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return body;
}

/* ---- put ------------------------------------------------------------------------------- */

static void
put_done_cb (GObject      *session,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = finish_send (session, result, task);

  if (body == NULL)
    return;

  if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message)))
    g_task_return_pointer (task, g_strdup (request->etag), g_free);
  else
    g_task_return_error (task, status_error (request->message));
}

/**
 * ut_webdav_put_async:
 * @name: a file in the folder
 * @if_match: (nullable): the ETag of the copy last read or written; the write is refused with
 *   %UT_WEBDAV_ERROR_CHANGED if the file changed since
 */
void
ut_webdav_put_async (UtWebdav            *self,
                     const char          *name,
                     GBytes              *contents,
                     const char          *if_match,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  SoupMessage *message;

  g_return_if_fail (UT_IS_WEBDAV (self));
  g_return_if_fail (name != NULL && contents != NULL);

  message = new_message (self, SOUP_METHOD_PUT, name);
  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match", if_match);
  soup_message_set_request_body_from_bytes (message, "application/octet-stream", contents);
  start (self, message, ut_webdav_put_async, cancellable, callback, user_data, put_done_cb);
}

/**
 * ut_webdav_put_finish:
 *
 * Returns: (transfer full) (nullable): the file's new ETag when the server gave one; %NULL with
 *   @error set on failure
 */
char *
ut_webdav_put_finish (UtWebdav      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- create the folder ------------------------------------------------------------------ */

static void
create_done_cb (GObject      *session,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = finish_send (session, result, task);
  guint status;

  if (body == NULL)
    return;

  /* 405: it exists already, which is what was asked for. */
  status = soup_message_get_status (request->message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_METHOD_NOT_ALLOWED)
    g_task_return_boolean (task, TRUE);
  else if (status == SOUP_STATUS_CONFLICT)
    g_task_return_new_error (task, UT_WEBDAV_ERROR, UT_WEBDAV_ERROR_NOT_FOUND,
                             _("The folder that should hold the sync folder does not exist on the server. "
                               "Check the address; your progress here is unchanged."));
  else
    g_task_return_error (task, status_error (request->message));
}

/**
 * ut_webdav_create_folder_async:
 *
 * Creates the folder itself (MKCOL), so that a person can name a new folder at set-up. Its
 * parent must exist.
 */
void
ut_webdav_create_folder_async (UtWebdav            *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (UT_IS_WEBDAV (self));

  start (self, new_message (self, "MKCOL", NULL), ut_webdav_create_folder_async, cancellable, callback,
         user_data, create_done_cb);
}

gboolean
ut_webdav_create_folder_finish (UtWebdav      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
