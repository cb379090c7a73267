/* ut-hlc.c — a hybrid logical clock, so that a wrong clock on one device cannot undo a change
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kulkarni et al., "Logical Physical Clocks" (2014): a stamp is the largest wall time seen so
 * far and a counter. A device that has seen another's stamp stamps its next change later than
 * it, whatever its own clock says, so "the newest change wins" keeps the order in which changes
 * were made on devices that synced in between, and stays close to wall time otherwise.
 */

#define G_LOG_DOMAIN "ut-hlc"

#include "config.h"

#include "ut-hlc.h"

/**
 * ut_hlc_tick:
 * @clock: the device's clock, advanced
 * @physical_ms: the wall time now
 * @stamp: (out): the stamp of the change being made now
 */
void
ut_hlc_tick (UtHlc  *clock,
             gint64  physical_ms,
             UtHlc  *stamp)
{
  g_return_if_fail (clock != NULL && stamp != NULL);

  if (physical_ms > clock->wall_ms)
    {
      clock->wall_ms = physical_ms;
      clock->counter = 0;
    }
  else
    clock->counter++;

  *stamp = *clock;
}

/**
 * ut_hlc_observe:
 * @clock: the device's clock, advanced past @remote
 * @remote: a stamp read from another device
 * @physical_ms: the wall time now
 */
void
ut_hlc_observe (UtHlc       *clock,
                const UtHlc *remote,
                gint64       physical_ms)
{
  gint64 wall;

  g_return_if_fail (clock != NULL && remote != NULL);

  wall = MAX (MAX (clock->wall_ms, remote->wall_ms), physical_ms);
  if (wall == clock->wall_ms && wall == remote->wall_ms)
    clock->counter = MAX (clock->counter, remote->counter) + 1;
  else if (wall == clock->wall_ms)
    clock->counter++;
  else if (wall == remote->wall_ms)
    clock->counter = remote->counter + 1;
  else
    clock->counter = 0;
  clock->wall_ms = wall;
}

/**
 * ut_hlc_compare:
 *
 * Returns: negative, 0 or positive as @a is before, the same as or after @b
 */
int
ut_hlc_compare (const UtHlc *a,
                const UtHlc *b)
{
  if (a->wall_ms != b->wall_ms)
    return a->wall_ms < b->wall_ms ? -1 : 1;
  if (a->counter != b->counter)
    return a->counter < b->counter ? -1 : 1;
  return 0;
}

/**
 * ut_hlc_to_string:
 *
 * Returns: (transfer full): "WALL_MS.COUNTER", which ut_hlc_parse() reads back
 */
char *
ut_hlc_to_string (const UtHlc *stamp)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%u", stamp->wall_ms, stamp->counter);
}

/**
 * ut_hlc_parse:
 * @stamp: (out): the stamp @text names
 *
 * Returns: whether @text is a stamp ut_hlc_to_string() wrote
 */
gboolean
ut_hlc_parse (const char *text,
              UtHlc      *stamp)
{
  g_auto(GStrv) parts = NULL;
  guint64 wall, counter;

  g_return_val_if_fail (stamp != NULL, FALSE);

  if (text == NULL || (parts = g_strsplit (text, ".", 3)) == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXINT64, &wall, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT32, &counter, NULL))
    return FALSE;

  stamp->wall_ms = (gint64) wall;
  stamp->counter = (guint32) counter;
  return TRUE;
}
