/* ut-json.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib's parser recurses once per nesting level, so a few hundred thousand "[" overflow the
 * stack before it can report an error. Nothing Untrain reads nests deeper than a handful of
 * levels. */
#define UT_JSON_MAX_DEPTH 64

JsonNode *ut_json_parse            (const char  *data,
                                    gssize       length,
                                    GError     **error);
GBytes   *ut_read_file_limited     (const char  *path,
                                    gsize        limit,
                                    GError     **error);

GBytes   *ut_read_gfile_limited    (GFile         *file,
                                    gsize          limit,
                                    GCancellable  *cancellable,
                                    GError       **error);

const char *ut_json_get_string      (JsonObject  *object,
                                    const char  *name);
gint64      ut_json_get_int         (JsonObject  *object,
                                    const char  *name,
                                    gint64       fallback);
gboolean    ut_json_get_boolean     (JsonObject  *object,
                                    const char  *name,
                                    gboolean     fallback);
JsonArray  *ut_json_get_array       (JsonObject  *object,
                                    const char  *name);

G_END_DECLS
