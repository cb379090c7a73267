/* ut-hlc.h — a hybrid logical clock, so that a wrong clock on one device cannot undo a change
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  wall_ms;   /* the largest wall time seen, in ms since the epoch */
  guint32 counter;   /* events at that wall time */
} UtHlc;

void      ut_hlc_tick       (UtHlc       *clock,
                             gint64       physical_ms,
                             UtHlc       *stamp);
void      ut_hlc_observe    (UtHlc       *clock,
                             const UtHlc *remote,
                             gint64       physical_ms);
int       ut_hlc_compare    (const UtHlc *a,
                             const UtHlc *b);
char     *ut_hlc_to_string  (const UtHlc *stamp);
gboolean  ut_hlc_parse      (const char  *text,
                             UtHlc       *stamp);

G_END_DECLS
