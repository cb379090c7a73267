/* ut-update-schedule.c — when the next automatic catalog check may run
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A million installations checking once a day arrive at about twelve requests a second, as long
 * as nothing lines them up. Two things could: a server that fails for everybody at once, after
 * which every client would come back at the same moment, and a Retry-After that names the same
 * instant to all of them. So every wait here gets a random share on top, failures double the
 * wait up to a week, and a server's own Retry-After or Cache-Control max-age is never cut short.
 */

#define G_LOG_DOMAIN "ut-update-schedule"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "ut-update-schedule.h"

#define GROUP "schedule"

static gint64
random_share (GRand  *rand,
              gint64  limit)
{
  if (limit <= 0)
    return 0;
  return (gint64) (g_rand_double (rand) * (double) limit);
}

/**
 * ut_update_schedule_load:
 * @directory: where catalog updates are installed
 * @url: the update address in use
 *
 * A schedule kept for another address starts afresh: its failures were another server's.
 *
 * Returns: (transfer full): the schedule; a fresh one (check now) when none was kept or it
 *   cannot be read
 */
UtUpdateSchedule *
ut_update_schedule_load (const char *directory,
                         const char *url)
{
  g_autofree char *path = g_build_filename (directory, UT_UPDATE_SCHEDULE_FILE, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *kept_url = NULL;
  UtUpdateSchedule *self = g_new0 (UtUpdateSchedule, 1);
  gint64 failures;

  self->url = g_strdup (url);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL) ||
      (kept_url = g_key_file_get_string (file, GROUP, "url", NULL)) == NULL ||
      g_strcmp0 (kept_url, url) != 0)
    return self;

  self->last_check = MAX (0, g_key_file_get_int64 (file, GROUP, "last-check", NULL));
  self->next_check = MAX (0, g_key_file_get_int64 (file, GROUP, "next-check", NULL));
  failures = g_key_file_get_int64 (file, GROUP, "failures", NULL);
  self->failures = (guint) CLAMP (failures, 0, 64);

  /* A next check further off than any wait we set comes from a clock that was wrong then. */
  if (self->next_check > self->last_check + UT_UPDATE_SCHEDULE_MAX_DELAY * 2)
    self->next_check = 0;

  return self;
}

gboolean
ut_update_schedule_save (UtUpdateSchedule  *self,
                         const char        *directory,
                         GError           **error)
{
  g_autofree char *path = g_build_filename (directory, UT_UPDATE_SCHEDULE_FILE, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *tmp_path = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);

  g_key_file_set_string (file, GROUP, "url", self->url != NULL ? self->url : "");
  g_key_file_set_int64 (file, GROUP, "last-check", self->last_check);
  g_key_file_set_int64 (file, GROUP, "next-check", self->next_check);
  g_key_file_set_int64 (file, GROUP, "failures", self->failures);
  data = g_key_file_to_data (file, &length, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* Replaced by a rename, but without waiting for the disk: after a power cut the worst case is
   * a schedule that is lost, and the next check simply runs early. */
  tmp_path = g_strconcat (path, ".tmp", NULL);
  if (!g_file_set_contents_full (tmp_path, data, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0644, error))
    return FALSE;
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      g_remove (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/**
 * ut_update_schedule_record:
 * @now: Unix seconds
 * @outcome: how the check ended
 * @server_wait: with %UT_UPDATE_OUTCOME_ANSWERED the response's Cache-Control max-age, with
 *   %UT_UPDATE_OUTCOME_FAILED its Retry-After, in seconds; -1 when it gave none
 * @rand: where the random shares come from
 *
 * Sets the earliest moment of the next automatic check.
 */
void
ut_update_schedule_record (UtUpdateSchedule *self,
                           gint64            now,
                           UtUpdateOutcome   outcome,
                           gint64            server_wait,
                           GRand            *rand)
{
  gint64 wait;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rand != NULL);

  self->last_check = now;

  switch (outcome)
    {
    case UT_UPDATE_OUTCOME_ANSWERED:
      /* Never more often than daily, even if the server allows it; later if it asks. */
      self->failures = 0;
      wait = CLAMP (server_wait, UT_UPDATE_SCHEDULE_INTERVAL, UT_UPDATE_SCHEDULE_MAX_DELAY);
      wait += random_share (rand, UT_UPDATE_SCHEDULE_OFFLINE_RETRY);
      break;

    case UT_UPDATE_OUTCOME_OFFLINE:
      /* Costs the server nothing, and people expect updates once they are back online. */
      wait = UT_UPDATE_SCHEDULE_OFFLINE_RETRY + random_share (rand, UT_UPDATE_SCHEDULE_OFFLINE_RETRY);
      break;

    case UT_UPDATE_OUTCOME_FAILED:
    default:
      self->failures = MIN (self->failures + 1, 64);
      if (server_wait >= 0)
        {
          /* The server said when; the random share keeps everybody it told from coming at once. */
          wait = CLAMP (server_wait, UT_UPDATE_SCHEDULE_MIN_RETRY, UT_UPDATE_SCHEDULE_MAX_DELAY);
          wait += random_share (rand, MIN (wait / 2, UT_UPDATE_SCHEDULE_OFFLINE_RETRY));
        }
      else
        {
          /* Two days, four, then a week, each somewhere in its second half. */
          gint64 ceiling = UT_UPDATE_SCHEDULE_MAX_DELAY;

          if (self->failures < 8)
            ceiling = MIN ((gint64) UT_UPDATE_SCHEDULE_INTERVAL << self->failures, UT_UPDATE_SCHEDULE_MAX_DELAY);
          wait = ceiling / 2 + random_share (rand, ceiling / 2);
        }
      break;
    }

  self->next_check = now + wait;
}

void
ut_update_schedule_free (UtUpdateSchedule *self)
{
  if (self == NULL)
    return;
  g_free (self->url);
  g_free (self);
}

/**
 * ut_http_parse_retry_after:
 * @value: (nullable): a Retry-After header: seconds, or an HTTP date
 * @now: Unix seconds, to turn a date into a wait
 *
 * Returns: seconds to wait (0 for a date already past), or -1 when @value is missing or is
 *   neither form
 */
gint64
ut_http_parse_retry_after (const char *value,
                           gint64      now)
{
  g_autoptr(GDateTime) date = NULL;
  const char *p;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;
  for (p = value; g_ascii_isdigit (*p); p++)
    ;
  if (p != value && p - value <= 9)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return g_ascii_strtoll (value, NULL, 10);
    }

  if ((date = soup_date_time_new_from_http_string (value)) == NULL)
    return -1;
  return MAX (0, g_date_time_to_unix (date) - now);
}

/**
 * ut_http_parse_max_age:
 * @cache_control: (nullable): a Cache-Control header
 *
 * Returns: its max-age in seconds, or -1 when it has none that is a number
 */
gint64
ut_http_parse_max_age (const char *cache_control)
{
  g_autoptr(GHashTable) directives = NULL;
  const char *value;
  const char *p;

  if (cache_control == NULL)
    return -1;

  directives = soup_header_parse_param_list (cache_control);
  if (!g_hash_table_lookup_extended (directives, "max-age", NULL, (gpointer *) &value) || value == NULL)
    return -1;
  for (p = value; g_ascii_isdigit (*p); p++)
    ;
  if (p == value || *p != '\0' || p - value > 9)
    return -1;

  return g_ascii_strtoll (value, NULL, 10);
}
