/* ut-link-check.c — every address in the catalog, checked
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-catalog"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ut-json.h"
#include "ut-link-check.h"

/* Checks each address once, however many records use it: HEAD first (cheap for the sites), GET
 * when a server refuses or mishandles HEAD, redirects followed and reported, a deadline per
 * request. libsoup limits the connections per host and in all, so no site gets more than a
 * couple of requests at once from a maintainer's run. */

#define USER_AGENT "Untrain-link-check/" PACKAGE_VERSION " (+https://github.com/untrain/Untrain)"

typedef struct
{
  char         *url;
  GPtrArray    *used_at;     /* "record.json /pointer" */
  guint         status;      /* HTTP status; 0 when no answer came */
  char         *final_url;   /* after redirects; NULL when the same */
  char         *error;       /* why no answer came */
  gboolean      tried_get;
} Link;

typedef struct
{
  SoupSession        *session;
  GPtrArray          *links;     /* of Link */
  guint               pending;
  guint               timeout_seconds;
  GMainLoop          *loop;
} Run;

static void
link_free (Link *link)
{
  g_free (link->url);
  g_ptr_array_unref (link->used_at);
  g_free (link->final_url);
  g_free (link->error);
  g_free (link);
}

/* Every string member that holds an address people or the app open: homepages, settings and form
 * links, contact forms and sources. */
static void
collect (JsonNode    *node,
         const char  *file,
         GString     *pointer,
         GHashTable  *by_url,
         GPtrArray   *links)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          gsize saved = pointer->len;
          JsonNode *child = json_object_get_member (object, l->data);

          g_string_append_printf (pointer, "/%s", (const char *) l->data);
          if ((g_str_equal (l->data, "url") || g_str_equal (l->data, "homepage") || g_str_equal (l->data, "form") ||
               g_str_equal (l->data, "complaint_url")) &&
              JSON_NODE_HOLDS_VALUE (child) && json_node_get_value_type (child) == G_TYPE_STRING)
            {
              const char *url = json_node_get_string (child);
              Link *link = g_hash_table_lookup (by_url, url);

              if (link == NULL)
                {
                  link = g_new0 (Link, 1);
                  link->url = g_strdup (url);
                  link->used_at = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (by_url, link->url, link);
                  g_ptr_array_add (links, link);
                }
              g_ptr_array_add (link->used_at, g_strdup_printf ("%s %s", file, pointer->str));
            }
          else
            collect (child, file, pointer, by_url, links);
          g_string_truncate (pointer, saved);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved = pointer->len;

          g_string_append_printf (pointer, "/%u", i);
          collect (json_array_get_element (array, i), file, pointer, by_url, links);
          g_string_truncate (pointer, saved);
        }
    }
}

static gboolean
is_broken (const Link *link)
{
  return link->status == 0 || link->status >= 400;
}

static void send_request (Run *run, Link *link, const char *method);

typedef struct
{
  Run          *run;
  Link         *link;
  SoupMessage  *message;
  GCancellable *cancellable;
  guint         timeout_id;
} Request;

static gboolean
deadline_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timeout_id = 0;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static void
request_done (Request *request)
{
  Run *run = request->run;

  g_clear_handle_id (&request->timeout_id, g_source_remove);
  g_clear_object (&request->message);
  g_clear_object (&request->cancellable);
  g_free (request);
  if (--run->pending == 0)
    g_main_loop_quit (run->loop);
}

/* Our deadline cancels; libsoup's own I/O timeout reports itself. Either way: no answer in time,
 * and asking again with GET would only wait as long again. */
static gboolean
timed_out (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  Link *link = request->link;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  g_autofree char *final = NULL;

  if (stream == NULL)
    {
      g_free (link->error);
      link->error = timed_out (error) ? g_strdup_printf ("no answer within %u s", request->run->timeout_seconds)
                                      : g_strdup (error->message);
      link->status = 0;
    }
  else
    {
      /* Only the status matters: the body is not read. */
      g_input_stream_close (stream, NULL, NULL);
      link->status = soup_message_get_status (request->message);
      final = g_uri_to_string (soup_message_get_uri (request->message));
      g_clear_pointer (&link->final_url, g_free);
      if (!g_str_equal (final, link->url))
        link->final_url = g_steal_pointer (&final);
    }

  /* Some servers refuse or mishandle HEAD; ask once more with GET before calling it broken. */
  if (!link->tried_get && (link->status == 0 ? !timed_out (error) : link->status >= 400))
    {
      link->tried_get = TRUE;
      request->run->pending++;
      send_request (request->run, link, SOUP_METHOD_GET);
    }
  request_done (request);
}

static void
send_request (Run        *run,
              Link       *link,
              const char *method)
{
  Request *request = g_new0 (Request, 1);

  request->run = run;
  request->link = link;
  request->message = soup_message_new (method, link->url);
  if (request->message == NULL)
    {
      g_free (link->error);
      link->error = g_strdup ("not a valid address");
      link->tried_get = TRUE;
      request_done (request);
      return;
    }
  request->cancellable = g_cancellable_new ();
  request->timeout_id = g_timeout_add_seconds (run->timeout_seconds, deadline_cb, request);
  soup_session_send_async (run->session, request->message, G_PRIORITY_DEFAULT, request->cancellable,
                           sent_cb, request);
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *la = *(const Link **) a;
  const Link *lb = *(const Link **) b;

  /* Broken first, then by address: what needs fixing is at the top. */
  if (is_broken (la) != is_broken (lb))
    return is_broken (la) ? -1 : 1;
  return strcmp (la->url, lb->url);
}

static void
write_json (GPtrArray  *links,
            const char *path,
            guint       n_broken)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "checked");
  json_builder_add_int_value (builder, links->len);
  json_builder_set_member_name (builder, "broken");
  json_builder_add_int_value (builder, n_broken);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      Link *link = g_ptr_array_index (links, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, link->url);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, link->status);
      json_builder_set_member_name (builder, "broken");
      json_builder_add_boolean_value (builder, is_broken (link));
      if (link->final_url != NULL)
        {
          json_builder_set_member_name (builder, "redirected_to");
          json_builder_add_string_value (builder, link->final_url);
        }
      if (link->error != NULL && link->status == 0)
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, link->error);
        }
      json_builder_set_member_name (builder, "used_at");
      json_builder_begin_array (builder);
      for (guint j = 0; j < link->used_at->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (link->used_at, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, path, &error))
    g_printerr ("untrain-catalog: %s\n", error->message);
}

/**
 * ut_link_check_run:
 * @files: records or bundles
 * @json_path: (nullable): where to write the report as JSON
 *
 * Checks every address the files hold, prints a table (broken first) and returns 1 if any is
 * broken: an error status, no answer in time, or no connection.
 */
int
ut_link_check_run (char                    **files,
                   const UtLinkCheckOptions *options,
                   const char               *json_path)
{
  g_autoptr(GHashTable) by_url = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  g_autoptr(GString) pointer = g_string_new (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = { NULL, links, 0, options->timeout_seconds, loop };
  guint n_broken = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ut_read_file_limited (files[i], 16 * 1024 * 1024, &error);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *base = g_path_get_basename (files[i]);

      if (bytes == NULL ||
          (root = ut_json_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error)) == NULL)
        {
          g_printerr ("untrain-catalog: %s: %s\n", files[i], error->message);
          return 2;
        }
      collect (root, base, pointer, by_url, links);
    }

  run.session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                               "max-conns-per-host", (int) options->per_host,
                                               "max-conns", (int) options->total,
                                               "timeout", (guint) options->timeout_seconds,
                                               NULL);
  run.pending = links->len;
  for (guint i = 0; i < links->len; i++)
    send_request (&run, g_ptr_array_index (links, i), SOUP_METHOD_HEAD);
  if (run.pending > 0)
    g_main_loop_run (loop);
  g_object_unref (run.session);

  g_ptr_array_sort (links, compare_links);
  g_print ("%-7s %s\n", "STATUS", "ADDRESS (where it is used)");
  for (guint i = 0; i < links->len; i++)
    {
      Link *link = g_ptr_array_index (links, i);
      g_autofree char *status = link->status != 0 ? g_strdup_printf ("%u", link->status) : g_strdup ("—");

      n_broken += is_broken (link);
      g_print ("%-7s %s (%s%s)\n", status, link->url, (const char *) g_ptr_array_index (link->used_at, 0),
               link->used_at->len > 1 ? ", …" : "");
      if (link->final_url != NULL)
        g_print ("        → redirected to %s\n", link->final_url);
      if (link->status == 0 && link->error != NULL)
        g_print ("        ✗ %s\n", link->error);
    }
  g_print ("%u addresses checked, %u broken\n", links->len, n_broken);

  if (json_path != NULL)
    write_json (links, json_path, n_broken);
  return n_broken > 0 ? 1 : 0;
}
