/* ut-util.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean   ut_is_slug            (const char  *text);
gboolean   ut_is_https_url       (const char  *text);
gboolean   ut_is_domain_name     (const char  *text);
char      *ut_escape_controls    (const char  *text);
gboolean   ut_text_is_printable  (const char  *text);
gboolean   ut_url_is_on_domain   (const char  *url,
                                  const char  *domain);
gboolean   ut_is_iso_date        (const char  *text);
gboolean   ut_is_sha256_hex      (const char  *text);
gboolean   ut_is_partial_iso_date (const char *text);
char      *ut_slugify            (const char  *text);
GDateTime *ut_date_time_parse    (const char  *text);
char      *ut_date_time_format   (GDateTime   *date_time);
char      *ut_format_date        (GDateTime   *date_time);
char      *ut_format_iso_date    (const char  *text);
gboolean   ut_write_file_atomic  (const char  *path,
                                  const char  *contents,
                                  gsize        length,
                                  int          mode,
                                  GError     **error);

G_END_DECLS
