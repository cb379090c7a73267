/* ut-sync-scheduler.c — when the app syncs: at start, after changes, while open
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One timer at a time. A change (any save of the progress) moves it to a few seconds after the
 * last change, so that a person ticking off five steps causes one sync, not five. After a sync,
 * the next is a quarter of an hour away unless a change comes first, so that what other
 * computers did arrives while the app stays open. Saves made by a sync itself are not changes
 * to send. Failures wait for the next occasion: Preferences says what happened.
 */

#define G_LOG_DOMAIN "ut-sync"

#include "config.h"

#include "ut-sync-scheduler.h"

struct _UtSyncScheduler
{
  GObject     parent_instance;

  UtSync     *sync;
  UtProgress *progress;
  guint       at_start_ms;
  guint       after_change_ms;
  guint       while_open_ms;
  guint       source;
  guint       n_runs;
  gboolean    started;
};

G_DEFINE_FINAL_TYPE (UtSyncScheduler, ut_sync_scheduler, G_TYPE_OBJECT)

static void
ut_sync_scheduler_dispose (GObject *object)
{
  UtSyncScheduler *self = UT_SYNC_SCHEDULER (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->sync);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (ut_sync_scheduler_parent_class)->dispose (object);
}

static void
ut_sync_scheduler_class_init (UtSyncSchedulerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ut_sync_scheduler_dispose;
}

static void
ut_sync_scheduler_init (UtSyncScheduler *self)
{
  self->at_start_ms = UT_SYNC_AT_START_MS;
  self->after_change_ms = UT_SYNC_AFTER_CHANGE_MS;
  self->while_open_ms = UT_SYNC_WHILE_OPEN_MS;
}

UtSyncScheduler *
ut_sync_scheduler_new (UtSync     *sync,
                       UtProgress *progress)
{
  UtSyncScheduler *self;

  g_return_val_if_fail (UT_IS_SYNC (sync), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);

  self = g_object_new (UT_TYPE_SYNC_SCHEDULER, NULL);
  self->sync = g_object_ref (sync);
  self->progress = g_object_ref (progress);
  return self;
}

/**
 * ut_sync_scheduler_set_delays:
 *
 * For tests: the waits, which are otherwise a few seconds after start, ten seconds after the
 * last change and a quarter of an hour while open.
 */
void
ut_sync_scheduler_set_delays (UtSyncScheduler *self,
                              guint            at_start_ms,
                              guint            after_change_ms,
                              guint            while_open_ms)
{
  g_return_if_fail (UT_IS_SYNC_SCHEDULER (self));

  self->at_start_ms = at_start_ms;
  self->after_change_ms = after_change_ms;
  self->while_open_ms = while_open_ms;
}

/**
 * ut_sync_scheduler_get_n_runs:
 *
 * Returns: how many syncs it started
 */
guint
ut_sync_scheduler_get_n_runs (UtSyncScheduler *self)
{
  g_return_val_if_fail (UT_IS_SYNC_SCHEDULER (self), 0);
  return self->n_runs;
}

static void schedule (UtSyncScheduler *self,
                      guint            delay_ms);

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UtSyncScheduler) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ut_sync_run_finish (UT_SYNC (source), result, NULL, &error))
    g_debug ("Sync: %s", error->message);
  if (self->source == 0 && self->sync != NULL)
    schedule (self, self->while_open_ms);
}

static gboolean
timeout_cb (gpointer user_data)
{
  UtSyncScheduler *self = user_data;

  self->source = 0;
  if (ut_sync_is_set_up (self->sync))
    {
      self->n_runs++;
      ut_sync_run_async (self->sync, NULL, synced_cb, g_object_ref (self));
    }
  return G_SOURCE_REMOVE;
}

static void
schedule (UtSyncScheduler *self,
          guint            delay_ms)
{
  g_clear_handle_id (&self->source, g_source_remove);
  if (ut_sync_is_set_up (self->sync))
    self->source = g_timeout_add (delay_ms, timeout_cb, self);
}

static void
changed_cb (UtSyncScheduler *self)
{
  if (!ut_sync_is_busy (self->sync))
    schedule (self, self->after_change_ms);
}

/**
 * ut_sync_scheduler_start:
 *
 * Syncs soon, then after every change and while the app is open. Sync set up later (in
 * Preferences) is picked up by itself.
 */
void
ut_sync_scheduler_start (UtSyncScheduler *self)
{
  g_return_if_fail (UT_IS_SYNC_SCHEDULER (self));

  if (self->started)
    return;
  self->started = TRUE;
  g_signal_connect_object (self->progress, "saved", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::set-up", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  schedule (self, self->at_start_ms);
}
