/* ut-catalog-updater.c — fetches, checks and installs catalog updates
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-catalog-updater"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ut-catalog-updater.h"
#include "ut-signature.h"
#include "ut-update-schedule.h"
#include "ut-util.h"

#define SIGNATURE_MAX_SIZE 4096
#define READ_CHUNK_SIZE    65536
#define MAX_REDIRECTS      5

struct _UtCatalogUpdater
{
  GObject      parent_instance;

  char        *directory;
  char        *url;
  UtCatalog   *catalog;
  SoupSession *session;
  guint        timeout;
  guint64      max_size;
  gboolean     busy;
  GRand       *rand;
};

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_URL,
  PROP_CATALOG,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UtCatalogUpdater, ut_catalog_updater, G_TYPE_OBJECT)

/* One check, from the first request to the answer. */
typedef struct
{
  GCancellable *cancellable;         /* ours: the caller's cancellable and the deadline cancel it */
  GCancellable *caller_cancellable;
  gulong        cancelled_id;
  GSource      *deadline;
  gboolean      timed_out;
  guint         timeout;

  GUri         *signature_uri;
  gint64        current_version;
  char         *sent_etag;           /* If-None-Match, when the stored ETag is for what we have */

  /* The request in flight: the bundle, then its signature. */
  gboolean      fetching_signature;
  GUri         *uri;
  guint         redirects;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  guint64       limit;
  goffset       announced;           /* Content-Length, or -1 */

  GBytes       *bundle;
  char         *etag;
  GBytes       *signature_text;

  /* For the schedule of the next automatic check */
  gint64        server_wait;         /* max-age of an answer, Retry-After of a refusal; or -1 */
  gboolean      offline;             /* the request never reached the server */
} Check;

typedef struct
{
  UtCatalogUpdateResult  result;
  UtCatalog             *catalog;
} Outcome;

static void start_request (GTask *task);

static void
close_stream (Check *check)
{
  /* Closing asynchronously: a synchronous close could wait for the rest of a body. */
  if (check->stream != NULL)
    g_input_stream_close_async (check->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&check->stream);
}

static void
check_free (Check *check)
{
  close_stream (check);
  if (check->deadline != NULL)
    {
      g_source_destroy (check->deadline);
      g_source_unref (check->deadline);
    }
  if (check->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (check->caller_cancellable, check->cancelled_id);
      g_object_unref (check->caller_cancellable);
    }
  g_clear_object (&check->cancellable);
  g_clear_pointer (&check->signature_uri, g_uri_unref);
  g_free (check->sent_etag);
  g_clear_pointer (&check->uri, g_uri_unref);
  g_clear_object (&check->message);
  g_clear_pointer (&check->body, g_byte_array_unref);
  g_clear_pointer (&check->bundle, g_bytes_unref);
  g_free (check->etag);
  g_clear_pointer (&check->signature_text, g_bytes_unref);
  g_free (check);
}

static void
outcome_free (Outcome *outcome)
{
  g_clear_object (&outcome->catalog);
  g_free (outcome);
}

static void
ut_catalog_updater_constructed (GObject *object)
{
  UtCatalogUpdater *self = (UtCatalogUpdater *) object;

  G_OBJECT_CLASS (ut_catalog_updater_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = ut_catalog_get_installed_directory ();

  self->session = soup_session_new_with_options ("user-agent", "Untrain/" PACKAGE_VERSION,
                                                 "timeout", self->timeout,
                                                 NULL);
}

static void
ut_catalog_updater_finalize (GObject *object)
{
  UtCatalogUpdater *self = (UtCatalogUpdater *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->rand, g_rand_free);
  g_free (self->directory);
  g_free (self->url);

  G_OBJECT_CLASS (ut_catalog_updater_parent_class)->finalize (object);
}

static void
ut_catalog_updater_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UtCatalogUpdater *self = UT_CATALOG_UPDATER (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_catalog_updater_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UtCatalogUpdater *self = UT_CATALOG_UPDATER (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_TIMEOUT:
      ut_catalog_updater_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_MAX_SIZE:
      ut_catalog_updater_set_max_size (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_catalog_updater_class_init (UtCatalogUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ut_catalog_updater_constructed;
  object_class->finalize = ut_catalog_updater_finalize;
  object_class->get_property = ut_catalog_updater_get_property;
  object_class->set_property = ut_catalog_updater_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The catalog in use: replaced, and notified, when an update is installed. */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, UT_CATALOG_UPDATER_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 1, G_MAXUINT32, UT_CATALOG_UPDATER_DEFAULT_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ut_catalog_updater_init (UtCatalogUpdater *self)
{
  self->rand = g_rand_new ();
}

/**
 * ut_catalog_updater_new:
 * @directory: (nullable): where updates are installed; %NULL for $XDG_DATA_HOME/untrain/catalog
 * @url: the bundle's address; its signature is at the same address followed by ".sig"
 * @catalog: the catalog in use (from ut_catalog_load_newest()): an update must be newer
 */
UtCatalogUpdater *
ut_catalog_updater_new (const char *directory,
                        const char *url,
                        UtCatalog  *catalog)
{
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);

  return g_object_new (UT_TYPE_CATALOG_UPDATER,
                       "directory", directory,
                       "url", url,
                       "catalog", catalog,
                       NULL);
}

const char *
ut_catalog_updater_get_directory (UtCatalogUpdater *self)
{
  g_return_val_if_fail (UT_IS_CATALOG_UPDATER (self), NULL);
  return self->directory;
}

const char *
ut_catalog_updater_get_url (UtCatalogUpdater *self)
{
  g_return_val_if_fail (UT_IS_CATALOG_UPDATER (self), NULL);
  return self->url;
}

UtCatalog *
ut_catalog_updater_get_catalog (UtCatalogUpdater *self)
{
  g_return_val_if_fail (UT_IS_CATALOG_UPDATER (self), NULL);
  return self->catalog;
}

guint
ut_catalog_updater_get_timeout (UtCatalogUpdater *self)
{
  g_return_val_if_fail (UT_IS_CATALOG_UPDATER (self), 0);
  return self->timeout;
}

/* The longest a whole check may take, and the longest any single read or write may wait. */
void
ut_catalog_updater_set_timeout (UtCatalogUpdater *self,
                                guint             seconds)
{
  g_return_if_fail (UT_IS_CATALOG_UPDATER (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint64
ut_catalog_updater_get_max_size (UtCatalogUpdater *self)
{
  g_return_val_if_fail (UT_IS_CATALOG_UPDATER (self), 0);
  return self->max_size;
}

void
ut_catalog_updater_set_max_size (UtCatalogUpdater *self,
                                 guint64           bytes)
{
  g_return_if_fail (UT_IS_CATALOG_UPDATER (self));
  g_return_if_fail (bytes > 0 && bytes <= G_MAXUINT32);

  if (self->max_size == bytes)
    return;

  self->max_size = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

typedef enum
{
  ADDRESS_OK,
  ADDRESS_INSECURE,   /* not https (nor, where allowed, http to this machine) */
  ADDRESS_MALFORMED,  /* no host, a host that is neither a DNS name nor an IP address, or port 0 */
  ADDRESS_USER_INFO,  /* a user name or password before the host */
} AddressProblem;

/* A DNS name (labels of 1 to 63 letters, digits and inner hyphens) or an IP address. GUri has
 * already turned an international name into its ASCII form. libsoup makes no request of an empty
 * host (it logs a critical and returns no message), and anything else that is not a name could
 * only fail later, less clearly. */
static gboolean
is_valid_host (const char *host)
{
  gsize length, label = 0;

  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;

  length = strlen (host);
  if (host[length - 1] == '.')  /* fully qualified */
    length--;
  if (length == 0 || length > 253)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (host[i] == '.')
        {
          if (label == 0 || host[i - 1] == '-')
            return FALSE;
          label = 0;
        }
      else if ((!g_ascii_isalnum (host[i]) && host[i] != '-') ||
               (host[i] == '-' && label == 0) || ++label > 63)
        return FALSE;
    }

  return label > 0 && host[length - 1] != '-';
}

/* Plain http only to this machine, and only for the address the user set, so tests can use a
 * local server; a redirect must lead to https. A user name or password is never sent: the
 * catalog is public, and a server that asks for one is not the catalog's. */
static AddressProblem
check_address (GUri     *uri,
               gboolean  allow_loopback_http)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(allow_loopback_http && g_ascii_strcasecmp (scheme, "http") == 0 &&
        (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0)))
    return ADDRESS_INSECURE;
  if (!is_valid_host (host) || g_uri_get_port (uri) == 0)
    return ADDRESS_MALFORMED;
  if (g_uri_get_userinfo (uri) != NULL)
    return ADDRESS_USER_INFO;

  return ADDRESS_OK;
}

/* Every check that reached the network leaves the earliest moment for the next automatic one. */
static void
record_schedule (UtCatalogUpdater *self,
                 Check            *check,
                 const GError     *error)
{
  g_autoptr(UtUpdateSchedule) schedule = NULL;
  g_autoptr(GError) save_error = NULL;
  UtUpdateOutcome outcome;

  if (error == NULL)
    outcome = UT_UPDATE_OUTCOME_ANSWERED;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else if (check->offline)
    outcome = UT_UPDATE_OUTCOME_OFFLINE;
  else
    outcome = UT_UPDATE_OUTCOME_FAILED;

  schedule = ut_update_schedule_load (self->directory, self->url);
  ut_update_schedule_record (schedule, g_get_real_time () / G_USEC_PER_SEC, outcome,
                             outcome == UT_UPDATE_OUTCOME_OFFLINE ? -1 : check->server_wait,
                             self->rand);
  if (!ut_update_schedule_save (schedule, self->directory, &save_error))
    g_debug ("Could not keep the catalog check schedule: %s", save_error->message);
}

/* Every check that got past its first tests ends here. */
static void
complete (GTask   *task,
          Outcome *outcome,
          GError  *error)
{
  UtCatalogUpdater *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);

  close_stream (check);
  self->busy = FALSE;
  record_schedule (self, check, error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
}

static void
return_error (GTask  *task,
              GError *error)
{
  complete (task, NULL, error);
}

/* What went wrong on the way to the server, as a sentence a person can act on. The message GIO
 * or libsoup gave (a resolver's "Temporary failure in name resolution", say) goes to the debug
 * log; only an error of no known kind keeps it, in parentheses, after a sentence that stands on
 * its own. Every sentence ends saying that the catalog in use stays. */
static GError *
describe_io_error (Check        *check,
                   const GError *error)
{
  check->offline = error->domain == G_RESOLVER_ERROR ||
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);

  if (error->domain == G_RESOLVER_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                        /* Translators: %s is a host name, such as untrain.github.io */
                        _("Untrain could not find the catalog server %s. Check your connection and "
                          "the update address, and try again. Your current catalog stays."),
                        g_uri_get_host (check->uri));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED))
    return g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                _("Untrain could not reach the catalog server. Check your "
                                  "connection and try again. Your current catalog stays."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_FAILED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_AUTH_FAILED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_NEED_AUTH) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_NOT_ALLOWED))
    return g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                _("Untrain could not reach the catalog server through the network "
                                  "proxy. Check the proxy settings and try again. Your current "
                                  "catalog stays."));

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                _("The catalog server’s security certificate is not valid, so "
                                  "Untrain did not trust it and downloaded nothing. Check that "
                                  "your computer’s date and time are right, and try again. Your "
                                  "current catalog stays."));

  if (error->domain == G_TLS_ERROR)
    return g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                _("Untrain could not make a secure connection to the catalog "
                                  "server, so nothing was downloaded. Try again later. Your "
                                  "current catalog stays."));

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                _("The catalog server sent an answer Untrain could not read. Try "
                                  "again later. Your current catalog stays."));

  return g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                      /* Translators: %s is a technical error message from the system */
                      _("Untrain could not download the catalog update (%s). Check your "
                        "connection and try again. Your current catalog stays."),
                      error->message);
}

/* Turns what GIO or libsoup reported into a sentence for the user. */
static void
return_io_error (GTask  *task,
                 GError *error)
{
  Check *check = g_task_get_task_data (task);
  GError *message;

  if (check->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    message = g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_TIMEOUT,
                           ngettext ("The catalog server did not answer within %u second. Try "
                                     "again later; your current catalog stays.",
                                     "The catalog server did not answer within %u seconds. Try "
                                     "again later; your current catalog stays.",
                                     check->timeout),
                           check->timeout);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   _("The catalog update was cancelled. Your current catalog stays."));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
    message = g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                   _("The connection to the catalog server was lost before the "
                                     "download finished. Try again later; your current catalog "
                                     "stays."));
  else
    message = describe_io_error (check, error);

  g_debug ("Catalog update: %s (%s, %d)", error->message, g_quark_to_string (error->domain), error->code);
  g_error_free (error);
  return_error (task, message);
}

static void
return_status_error (GTask *task,
                     guint  status)
{
  Check *check = g_task_get_task_data (task);
  const char *reason = soup_message_get_reason_phrase (check->message);
  g_autofree char *address = g_uri_to_string_partial (check->uri, G_URI_HIDE_PASSWORD);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);

  if (check->fetching_signature && (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE))
    return_error (task, g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NO_SIGNATURE,
                                             _("The catalog update was refused: the server has no "
                                               "signature for it, so Untrain cannot check who made "
                                               "it. Your current catalog stays.")));
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP,
                                     _("There is no catalog at %s (the server answered “%u %s”). "
                                       "Check the update address; your current catalog stays."),
                                     address, status, reason));
  else if ((status == SOUP_STATUS_SERVICE_UNAVAILABLE || status == 429 /* Too Many Requests */) &&
           check->server_wait >= 0)
    {
      gint64 minutes = MAX (1, (check->server_wait + 59) / 60);
      g_autofree char *wait = NULL;

      if (minutes < 120)
        wait = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (gulong) minutes), (int) minutes);
      else
        wait = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", (gulong) (minutes / 60)),
                                (int) (minutes / 60));
      /* Translators: the first %s is a wait such as “5 minutes”; then a status such as 503 and its name */
      return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP,
                                       _("The catalog server is busy and asked Untrain to wait %s "
                                         "(it answered “%u %s”). Untrain will try again then; your "
                                         "current catalog stays."),
                                       wait, status, reason));
    }
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP,
                                     _("The catalog server has a problem (it answered “%u %s”). "
                                       "Try again later; your current catalog stays."),
                                     status, reason));
  else
    return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_HTTP,
                                     _("The catalog server refused the request (it answered “%u "
                                       "%s”). Your current catalog stays."),
                                     status, reason));
}

static void
return_too_large (GTask *task)
{
  Check *check = g_task_get_task_data (task);
  g_autofree char *size = g_format_size (check->limit);

  if (check->fetching_signature)
    return_error (task, g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,
                                             _("The catalog update was refused: its signature file "
                                               "is far too large to be a signature. Your current "
                                               "catalog stays.")));
  else
    return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_TOO_LARGE,
                                     _("The catalog update was refused: it is larger than %s, the "
                                       "most Untrain accepts. Your current catalog stays."),
                                     size));
}

static gboolean
deadline_cb (gpointer user_data)
{
  Check *check = user_data;

  check->timed_out = TRUE;
  g_cancellable_cancel (check->cancellable);
  g_clear_pointer (&check->deadline, g_source_unref);

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

/* Runs in a worker thread: verifying, validating and writing with fsync stay off the main loop. */
static void
install_thread (GTask        *inner,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *unused)
{
  UtCatalogUpdater *self = source_object;
  GTask *task = task_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(UtCatalog) catalog = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle_path = g_build_filename (self->directory, UT_CATALOG_INSTALLED_BUNDLE, NULL);
  g_autofree char *signature_path = g_build_filename (self->directory, UT_CATALOG_INSTALLED_SIGNATURE, NULL);
  g_autofree char *etag_path = g_build_filename (self->directory, UT_CATALOG_INSTALLED_ETAG, NULL);
  g_autofree char *etag_line = NULL;
  Outcome *outcome;
  gint64 version;

  /* Signature first: nothing from the network is parsed before we know who made it. */
  signature = ut_signature_decode (UT_SIGNATURE_KIND_SIGNATURE,
                                   g_bytes_get_data (check->signature_text, NULL),
                                   (gssize) g_bytes_get_size (check->signature_text), NULL);
  if (signature == NULL)
    {
      g_task_return_new_error (inner, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,
                               _("The catalog update was refused: its signature file is damaged. "
                                 "Your current catalog stays."));
      return;
    }
  if (!ut_catalog_verify_signature (check->bundle, signature, NULL))
    {
      g_task_return_new_error (inner, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,
                               _("The catalog update was refused: its signature does not match "
                                 "Untrain's key. Your current catalog stays."));
      return;
    }

  if ((catalog = ut_catalog_new_from_bytes (check->bundle, self->url, &error)) == NULL)
    {
      g_task_return_new_error (inner, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INVALID,
                               _("The catalog update was refused. %s. Your current catalog stays."),
                               error->message);
      return;
    }

  version = ut_catalog_get_version (catalog);
  if (version < check->current_version)
    {
      g_autofree char *theirs = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      g_autofree char *ours = g_strdup_printf ("%" G_GINT64_FORMAT, check->current_version);

      /* Translators: the two %s are catalog version numbers */
      g_task_return_new_error (inner, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_OLDER,
                               _("The catalog update was refused: the server’s catalog (version %s) is older than yours (version %s). Your current catalog stays."),
                               theirs, ours);
      return;
    }

  if (check->etag != NULL)
    etag_line = g_strdup_printf ("%" G_GINT64_FORMAT " %s\n", version, check->etag);

  outcome = g_new0 (Outcome, 1);
  if (version == check->current_version)
    {
      /* Nothing to install, but the next check can be a 304. */
      if (etag_line != NULL &&
          (g_mkdir_with_parents (self->directory, 0700) != 0 ||
           !ut_write_file_atomic (etag_path, etag_line, strlen (etag_line), 0644, &error)))
        g_debug ("Could not store the catalog ETag: %s",
                 error != NULL ? error->message : g_strerror (errno));
      outcome->result = UT_CATALOG_UPDATE_NOT_NEWER;
      g_task_return_pointer (inner, outcome, (GDestroyNotify) outcome_free);
      return;
    }

  if (g_cancellable_is_cancelled (check->cancellable))
    {
      outcome_free (outcome);
      g_task_return_new_error (inner, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The catalog update was cancelled. Your current catalog stays."));
      return;
    }

  /* Signature, then bundle: each write is atomic, and the pair is verified again at every load,
   * so a crash between them leaves a pair that is refused, never a bundle that is trusted wrongly.
   * The ETag comes last; a stale one only costs a full download. */
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      outcome_free (outcome);
      g_task_return_new_error (inner, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_SAVE,
                               _("The new catalog could not be saved in %s (%s). Your current "
                                 "catalog stays."),
                               self->directory, g_strerror (saved_errno));
      return;
    }
  g_remove (etag_path);
  if (!ut_write_file_atomic (signature_path, g_bytes_get_data (check->signature_text, NULL),
                             g_bytes_get_size (check->signature_text), 0644, &error) ||
      !ut_write_file_atomic (bundle_path, g_bytes_get_data (check->bundle, NULL),
                             g_bytes_get_size (check->bundle), 0644, &error))
    {
      outcome_free (outcome);
      g_task_return_new_error (inner, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_SAVE,
                               _("The new catalog could not be saved (%s). Check that your disk "
                                 "is not full; your current catalog stays."),
                               error->message);
      return;
    }
  if (etag_line != NULL && !ut_write_file_atomic (etag_path, etag_line, strlen (etag_line), 0644, &error))
    g_debug ("Could not store the catalog ETag: %s", error->message);

  outcome->result = UT_CATALOG_UPDATE_UPDATED;
  outcome->catalog = g_steal_pointer (&catalog);
  g_task_return_pointer (inner, outcome, (GDestroyNotify) outcome_free);
}

static void
install_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UtCatalogUpdater *self = UT_CATALOG_UPDATER (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Outcome *outcome;

  outcome = g_task_propagate_pointer (G_TASK (result), &error);
  if (outcome != NULL && outcome->catalog != NULL && g_set_object (&self->catalog, outcome->catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);

  complete (task, outcome, error);
}

static void
body_done (GTask *task)
{
  UtCatalogUpdater *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;
  GBytes *body = g_byte_array_free_to_bytes (g_steal_pointer (&check->body));

  close_stream (check);

  if (!check->fetching_signature)
    {
      check->bundle = body;
      check->fetching_signature = TRUE;
      check->redirects = 0;
      check->limit = SIGNATURE_MAX_SIZE;
      g_clear_pointer (&check->uri, g_uri_unref);
      check->uri = g_uri_ref (check->signature_uri);
      start_request (g_object_ref (task));
      return;
    }

  check->signature_text = body;
  if (check->deadline != NULL)
    {
      g_source_destroy (check->deadline);
      g_clear_pointer (&check->deadline, g_source_unref);
    }

  inner = g_task_new (self, NULL, install_done_cb, g_object_ref (task));
  g_task_set_source_tag (inner, install_thread);
  g_task_set_task_data (inner, task, NULL);
  g_task_run_in_thread (inner, install_thread);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      return_io_error (task, error);
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      /* libsoup reports a connection closed early as a normal end. */
      if (check->announced >= 0 && check->body->len != (guint64) check->announced)
        return_io_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                                    "Connection terminated unexpectedly"));
      else
        body_done (task);
      return;
    }

  g_byte_array_append (check->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (check->body->len > check->limit)
    {
      return_too_large (task);
      return;
    }

  g_input_stream_read_bytes_async (check->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   check->cancellable, read_cb, g_steal_pointer (&task));
}

static gboolean
follow_redirect (GTask *task)
{
  Check *check = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (check->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autofree char *address = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (check->uri, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL)
    {
      return_error (task, g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                       _("The catalog server sent a redirect without a valid "
                                         "address. Your current catalog stays.")));
      return FALSE;
    }

  /* libsoup would follow a redirect from https to http; we do not, not even to this machine. A
   * user name or password in the address is never shown: it may be a secret. */
  address = g_uri_to_string_partial (target, G_URI_HIDE_USERINFO);
  switch (check_address (target, FALSE))
    {
    case ADDRESS_OK:
      break;

    case ADDRESS_INSECURE:
      return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                                       _("The catalog update was refused: the server redirected "
                                         "to %s, which is not a secure (https) address. Your "
                                         "current catalog stays."),
                                       address));
      return FALSE;

    case ADDRESS_MALFORMED:
      return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                                       _("The catalog update was refused: the server redirected "
                                         "to “%s”, which is not a valid web address. Your "
                                         "current catalog stays."),
                                       address));
      return FALSE;

    case ADDRESS_USER_INFO:
    default:
      return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                                       _("The catalog update was refused: the server redirected "
                                         "to %s with a user name or password in the address, "
                                         "which Untrain does not send. Your current catalog "
                                         "stays."),
                                       address));
      return FALSE;
    }

  if (++check->redirects > MAX_REDIRECTS)
    {
      return_error (task, g_error_new_literal (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NETWORK,
                                       _("The catalog server redirected too many times. Your "
                                         "current catalog stays.")));
      return FALSE;
    }

  close_stream (check);
  g_clear_pointer (&check->uri, g_uri_unref);
  check->uri = g_steal_pointer (&target);
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;
  guint status;

  check->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (check->stream == NULL)
    {
      return_io_error (task, error);
      return;
    }

  status = soup_message_get_status (check->message);
  headers = soup_message_get_response_headers (check->message);
  if (!check->fetching_signature)
    {
      if (status == SOUP_STATUS_OK || status == SOUP_STATUS_NOT_MODIFIED)
        check->server_wait = ut_http_parse_max_age (soup_message_headers_get_one (headers, "Cache-Control"));
      else
        check->server_wait = ut_http_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                                        g_get_real_time () / G_USEC_PER_SEC);
    }
  else if (status != SOUP_STATUS_OK)
    check->server_wait = ut_http_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                                    g_get_real_time () / G_USEC_PER_SEC);

  if (status == SOUP_STATUS_NOT_MODIFIED && check->sent_etag != NULL && !check->fetching_signature)
    {
      Outcome *outcome = g_new0 (Outcome, 1);

      outcome->result = UT_CATALOG_UPDATE_NOT_MODIFIED;
      complete (task, outcome, NULL);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      if (follow_redirect (task))
        start_request (g_steal_pointer (&task));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      return_status_error (task, status);
      return;
    }

  /* A declared length over the cap is refused before reading anything. The length counts what is
   * sent, so it is compared with what was read only when the body is not compressed. */
  check->announced = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    {
      const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");

      if ((guint64) soup_message_headers_get_content_length (headers) > check->limit)
        {
          return_too_large (task);
          return;
        }
      if (coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0)
        check->announced = soup_message_headers_get_content_length (headers);
    }

  if (!check->fetching_signature)
    {
      g_free (check->etag);
      check->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
    }

  check->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (check->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   check->cancellable, read_cb, g_steal_pointer (&task));
}

static void
start_request (GTask *task)
{
  UtCatalogUpdater *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);

  g_clear_object (&check->message);
  /* Every address was checked before it got here; checked again because libsoup, given an
   * address it cannot use, logs a critical, returns no message and then crashes on it. */
  if (check_address (check->uri, TRUE) == ADDRESS_OK)
    check->message = soup_message_new_from_uri (SOUP_METHOD_GET, check->uri);
  if (check->message == NULL)
    {
      g_autofree char *address = g_uri_to_string_partial (check->uri, G_URI_HIDE_USERINFO);

      return_error (task, g_error_new (UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                                       _("The catalog update was refused: “%s” is not an address "
                                         "Untrain can fetch from. Your current catalog stays."),
                                       address));
      g_object_unref (task);
      return;
    }
  soup_message_add_flags (check->message, SOUP_MESSAGE_NO_REDIRECT);
  if (check->sent_etag != NULL && !check->fetching_signature)
    soup_message_headers_replace (soup_message_get_request_headers (check->message),
                                  "If-None-Match", check->sent_etag);

  soup_session_send_async (self->session, check->message, G_PRIORITY_DEFAULT, check->cancellable,
                           send_cb, task);
}

/* The stored ETag names a bundle we verified; it is worth sending only if what we use now is
 * at least that bundle's version (not after the update was lost, say). */
static char *
read_etag (UtCatalogUpdater *self)
{
  g_autofree char *path = g_build_filename (self->directory, UT_CATALOG_INSTALLED_ETAG, NULL);
  g_autofree char *contents = NULL;
  char *separator;
  gint64 version;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  g_strstrip (contents);
  if ((separator = strchr (contents, ' ')) == NULL)
    return NULL;
  *separator = '\0';
  version = g_ascii_strtoll (contents, NULL, 10);
  for (const char *p = separator + 1; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return NULL;

  if (version <= 0 || version > ut_catalog_get_version (self->catalog) || separator[1] == '\0')
    return NULL;

  return g_strdup (separator + 1);
}

/**
 * ut_catalog_updater_check_async:
 * @cancellable: (nullable): cancels the check; nothing is installed once it is cancelled
 *
 * Fetches the bundle (with If-None-Match when we hold its ETag) and its signature, checks the
 * signature against Untrain's keys, validates the bundle and installs it if it is newer than the
 * catalog in use. One check runs at a time.
 */
void
ut_catalog_updater_check_async (UtCatalogUpdater    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) signature_uri = NULL;
  g_autofree char *signature_url = NULL;
  AddressProblem problem;
  Check *check;

  g_return_if_fail (UT_IS_CATALOG_UPDATER (self));
  g_return_if_fail (UT_IS_CATALOG (self->catalog));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ut_catalog_updater_check_async);
  /* Once installed, the update stands, whenever the caller cancels. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A catalog update check is already running."));
      return;
    }

  /* The signature's address is the bundle's with ".sig" added, which can stop being an address
   * (after a port, say): both are checked now, so neither can fail once the download started. */
  uri = g_uri_parse (self->url, G_URI_FLAGS_ENCODED, NULL);
  signature_url = g_strconcat (self->url, ".sig", NULL);
  signature_uri = g_uri_parse (signature_url, G_URI_FLAGS_ENCODED, NULL);
  problem = uri == NULL ? ADDRESS_MALFORMED : check_address (uri, TRUE);
  switch (problem)
    {
    case ADDRESS_OK:
      if (signature_uri == NULL || check_address (signature_uri, TRUE) != ADDRESS_OK)
        {
          g_task_return_new_error (task, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                                   _("The catalog address “%s” does not name a file, so it has no "
                                     "signature address (the same address followed by “.sig”). "
                                     "Your current catalog stays."),
                                   self->url);
          return;
        }
      break;

    case ADDRESS_MALFORMED:
      g_task_return_new_error (task, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                               _("“%s” is not a web address, so the catalog cannot be updated "
                                 "from it. Your current catalog stays."),
                               self->url);
      return;

    case ADDRESS_INSECURE:
      g_task_return_new_error (task, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                               _("The catalog address “%s” is not secure: only https:// "
                                 "addresses are allowed. Your current catalog stays."),
                               self->url);
      return;

    case ADDRESS_USER_INFO:
    default:
      {
        g_autofree char *address = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);

        g_task_return_new_error (task, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INSECURE_URL,
                                 _("The catalog address %s has a user name or password in it, "
                                   "which Untrain does not send. Remove it; your current catalog "
                                   "stays."),
                                 address);
        return;
      }
    }

  check = g_new0 (Check, 1);
  check->cancellable = g_cancellable_new ();
  check->timeout = self->timeout;
  check->current_version = ut_catalog_get_version (self->catalog);
  check->signature_uri = g_steal_pointer (&signature_uri);
  check->sent_etag = read_etag (self);
  check->uri = g_steal_pointer (&uri);
  check->limit = self->max_size;
  check->server_wait = -1;
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  self->busy = TRUE;

  if (cancellable != NULL)
    {
      check->caller_cancellable = g_object_ref (cancellable);
      check->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   g_object_ref (check->cancellable), g_object_unref);
    }

  check->deadline = g_timeout_source_new (self->timeout * 1000);
  g_source_set_callback (check->deadline, deadline_cb, check, NULL);
  g_source_set_static_name (check->deadline, "[untrain] catalog update deadline");
  g_source_attach (check->deadline, g_main_context_get_thread_default ());

  start_request (g_steal_pointer (&task));
}

/**
 * ut_catalog_updater_check_finish:
 * @new_catalog: (out) (optional) (transfer full): with %UT_CATALOG_UPDATE_UPDATED, the catalog
 *   just installed (also the updater's #UtCatalogUpdater:catalog from now on); otherwise %NULL
 * @error: with %UT_CATALOG_UPDATE_FAILED, why: a %UT_CATALOG_UPDATE_ERROR or
 *   %G_IO_ERROR_CANCELLED, whose message is a sentence to show as it is
 *
 * Returns: what the check found
 */
UtCatalogUpdateResult
ut_catalog_updater_check_finish (UtCatalogUpdater  *self,
                                 GAsyncResult      *result,
                                 UtCatalog        **new_catalog,
                                 GError           **error)
{
  Outcome *outcome;
  UtCatalogUpdateResult value;

  g_return_val_if_fail (UT_IS_CATALOG_UPDATER (self), UT_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (g_task_is_valid (result, self), UT_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (error == NULL || *error == NULL, UT_CATALOG_UPDATE_FAILED);

  if (new_catalog != NULL)
    *new_catalog = NULL;

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return UT_CATALOG_UPDATE_FAILED;

  if (new_catalog != NULL && outcome->catalog != NULL)
    *new_catalog = g_object_ref (outcome->catalog);
  value = outcome->result;
  outcome_free (outcome);

  return value;
}

typedef struct
{
  gboolean               done;
  UtCatalogUpdateResult  result;
  UtCatalog             *new_catalog;
  GError                *error;
} SyncCheck;

static void
sync_check_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SyncCheck *sync = user_data;

  sync->result = ut_catalog_updater_check_finish (UT_CATALOG_UPDATER (object), result,
                                                  &sync->new_catalog, &sync->error);
  sync->done = TRUE;
}

/**
 * ut_catalog_update_sync:
 * @directory: (nullable): where updates are installed; %NULL for $XDG_DATA_HOME/untrain/catalog
 * @url: the bundle's address, as for ut_catalog_updater_new()
 * @catalog: the catalog in use
 * @timeout: seconds the whole check may take
 * @new_catalog: (out) (optional) (transfer full): with %UT_CATALOG_UPDATE_UPDATED, the catalog
 *   just installed; otherwise %NULL
 * @error: with %UT_CATALOG_UPDATE_FAILED, a sentence that says why
 *
 * One check, as ut_catalog_updater_check_async() makes it, run to its end: for the command line,
 * which has no main loop of its own. It iterates the thread-default main context meanwhile, so
 * it must not be called from a callback of a running main loop.
 *
 * Returns: what the check found
 */
UtCatalogUpdateResult
ut_catalog_update_sync (const char  *directory,
                        const char  *url,
                        UtCatalog   *catalog,
                        guint        timeout,
                        UtCatalog  **new_catalog,
                        GError     **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(UtCatalogUpdater) updater = NULL;
  SyncCheck sync = { FALSE, UT_CATALOG_UPDATE_FAILED, NULL, NULL };

  g_return_val_if_fail (url != NULL, UT_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), UT_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (timeout > 0, UT_CATALOG_UPDATE_FAILED);
  g_return_val_if_fail (error == NULL || *error == NULL, UT_CATALOG_UPDATE_FAILED);

  updater = ut_catalog_updater_new (directory, url, catalog);
  ut_catalog_updater_set_timeout (updater, timeout);
  ut_catalog_updater_check_async (updater, NULL, sync_check_done_cb, &sync);
  while (!sync.done)
    g_main_context_iteration (context, TRUE);

  if (new_catalog != NULL)
    *new_catalog = g_steal_pointer (&sync.new_catalog);
  g_clear_object (&sync.new_catalog);
  if (sync.error != NULL)
    g_propagate_error (error, sync.error);

  return sync.result;
}

/**
 * ut_catalog_update_describe:
 * @result: what a check found, other than %UT_CATALOG_UPDATE_FAILED (whose error says it all)
 * @version: the version of the catalog in use after the check
 *
 * Returns: (transfer full): one sentence for the user
 */
char *
ut_catalog_update_describe (UtCatalogUpdateResult result,
                            gint64                version)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

  g_return_val_if_fail (result != UT_CATALOG_UPDATE_FAILED, NULL);

  if (result == UT_CATALOG_UPDATE_UPDATED)
    /* Translators: %s is the catalog's version number */
    return g_strdup_printf (_("Installed catalog version %s."), number);

  /* Translators: %s is the catalog's version number */
  return g_strdup_printf (_("The catalog is already up to date (version %s)."), number);
}
