/* ut-ota-watch.h — which followed terms and policies changed since a record's review
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int ut_ota_watch_run (char       **records,
                      char       **copies,
                      const char  *json_path);

G_END_DECLS
