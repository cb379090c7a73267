/* ut-link-check.h — every address in the catalog, checked
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint  timeout_seconds;   /* per request, connection included */
  guint  per_host;          /* requests at once to one host */
  guint  total;             /* requests at once in all */
} UtLinkCheckOptions;

int ut_link_check_run (char                    **files,
                       const UtLinkCheckOptions *options,
                       const char               *json_path);

G_END_DECLS
