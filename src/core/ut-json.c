/* ut-json.c — every JSON document Untrain reads goes through here
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-json"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ut-json.h"
#include "ut-util.h"

/* Reads the four hex digits of a \uXXXX escape at @p; -1 if they are not there. */
static int
read_escape (const char *p,
             const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

G_GNUC_PRINTF (2, 3)
static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, format, args));
  va_end (args);

  return FALSE;
}

/* Checks what json-glib would let through or choke on before it sees @data: nesting deeper than
 * %UT_JSON_MAX_DEPTH (its parser recurses per level), and \u escapes that are no character —
 * a lone UTF-16 surrogate becomes invalid UTF-8 and \u0000 cuts a string short, so what was
 * read could not be written back and read again the same. The scan does not otherwise check the
 * syntax, which the parser does next. */
static gboolean
scan_document (const char  *data,
               gsize        length,
               GError     **error)
{
  const char *end = data + length;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = data; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '"')
            in_string = FALSE;
          else if (*p == '\\' && p + 1 < end && p[1] == 'u')
            {
              int unit = read_escape (p + 2, end);

              /* Fewer than four hex digits: json-glib reads on into what follows. */
              if (unit < 0)
                return refuse (error, _("a text contains an escape that JSON does not have"));
              if (unit == 0)
                return refuse (error, _("a text contains the character \\u0000"));
              if (unit >= 0xDC00 && unit <= 0xDFFF)
                return refuse (error, _("a text contains a lone UTF-16 surrogate (\\u%04X)"), (guint) unit);
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  int low = p + 7 < end && p[6] == '\\' && p[7] == 'u' ? read_escape (p + 8, end) : -1;

                  if (low < 0xDC00 || low > 0xDFFF)
                    return refuse (error, _("a text contains a lone UTF-16 surrogate (\\u%04X)"), (guint) unit);
                  p += 6;
                }
              p += 5;
            }
          else if (*p == '\\')
            {
              /* json-glib turns an escape JSON does not have into broken UTF-8. */
              if (p + 1 >= end || strchr ("\"\\/bfnrt", p[1]) == NULL)
                return refuse (error, _("a text contains an escape that JSON does not have"));
              p++;
            }
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > UT_JSON_MAX_DEPTH)
            return refuse (error, _("it nests more than %d levels deep"), UT_JSON_MAX_DEPTH);
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * ut_json_parse:
 * @length: the length of @data, or -1 if it is nul-terminated
 *
 * Parses a JSON document that nests at most %UT_JSON_MAX_DEPTH levels.
 *
 * Returns: (transfer full): the root, or %NULL with @error set (an empty document is an error)
 */
JsonNode *
ut_json_parse (const char  *data,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (data);

  if (!scan_document (data, (gsize) length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the bytes around a syntax error, which may be broken UTF-8 or control
       * characters; the message ends up in a label or a terminal. */
      g_autofree char *message = ut_escape_controls (local_error->message);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return NULL;
    }

  if ((root = json_parser_steal_root (parser)) == NULL)
    g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("the file is empty"));

  return root;
}

/**
 * ut_read_file_limited:
 * @limit: the most bytes the file may hold
 *
 * Reads a whole file, but never more than @limit bytes: a device such as /dev/zero, a FIFO or a
 * huge file fails as soon as it passes the limit instead of filling memory.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set: a #GFileError from reading,
 *   or %G_FILE_ERROR_FAILED when the file is larger than @limit
 */
GBytes *
ut_read_file_limited (const char  *path,
                      gsize        limit,
                      GError     **error)
{
  g_autofree char *display = NULL;
  GByteArray *contents;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open %s: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  contents = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read %s: %s"), display, g_strerror (saved_errno));
          break;
        }
      if (n == 0)
        {
          close (fd);
          return g_byte_array_free_to_bytes (contents);
        }
      if (contents->len + (gsize) n > limit)
        {
          g_autofree char *size = g_format_size (limit);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("%s is larger than %s, more than Untrain reads from such a file"),
                       display, size);
          break;
        }
      g_byte_array_append (contents, buffer, (guint) n);
    }

  close (fd);
  g_byte_array_unref (contents);
  return NULL;
}

/**
 * ut_read_gfile_limited:
 * @limit: the most bytes the file may hold
 *
 * Like ut_read_file_limited(), for any #GFile (a file chosen through the portal, for example).
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the %G_IO_ERROR domain
 */
GBytes *
ut_read_gfile_limited (GFile         *file,
                       gsize          limit,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;

  for (;;)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
      if (contents->len + (gsize) n > limit)
        {
          g_autofree char *size = g_format_size (limit);
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("%s is larger than %s, more than Untrain reads from such a file"), name, size);
          return NULL;
        }
      g_byte_array_append (contents, buffer, (guint) n);
    }
}

/* ---- members of a document from elsewhere ------------------------------------------------- */

/* json-glib's *_member_with_default() functions log a critical for a member of another type;
 * for documents that come from another computer or a hand-edited file, these take the fallback. */

/**
 * ut_json_get_string:
 *
 * Returns: (nullable): the member @name when it holds a string
 */
const char *
ut_json_get_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
ut_json_get_int (JsonObject *object,
                 const char *name,
                 gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

gboolean
ut_json_get_boolean (JsonObject *object,
                     const char *name,
                     gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

/**
 * ut_json_get_array:
 *
 * Returns: (nullable) (transfer none): the member @name when it holds an array
 */
JsonArray *
ut_json_get_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}
