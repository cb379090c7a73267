/* ut-request.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-request"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ut-request.h"

/* A request is its history: sent, maybe extended or reminded, then answered, refused or taken to
 * the regulator. Its state and due date are worked out from that history and the law of the
 * region it was sent under, never stored, so a corrected due-date rule applies to old requests. */

static const char * const event_names[] = { "sent", "extended", "reminded", "answered", "refused", "escalated", NULL };
static const char * const channel_names[] = { "email", "form", "post", NULL };

G_DEFINE_BOXED_TYPE (UtRequest, ut_request, ut_request_copy, ut_request_free)

static void
clear_event (UtRequestEvent *event)
{
  g_clear_pointer (&event->date, g_free);
  g_clear_pointer (&event->channel, g_free);
}

static void
clear_proof (UtProof *proof)
{
  g_clear_pointer (&proof->name, g_free);
  g_clear_pointer (&proof->sha256, g_free);
  g_clear_pointer (&proof->added, g_free);
}

/* An array of UtProof that frees its proofs. */
GArray *
ut_proof_array_new (void)
{
  GArray *proofs = g_array_new (FALSE, TRUE, sizeof (UtProof));

  g_array_set_clear_func (proofs, (GDestroyNotify) clear_proof);
  return proofs;
}

GArray *
ut_proof_array_copy (GArray *proofs)
{
  GArray *copy = ut_proof_array_new ();

  for (guint i = 0; i < proofs->len; i++)
    {
      const UtProof *proof = &g_array_index (proofs, UtProof, i);
      UtProof dup = { g_strdup (proof->name), g_strdup (proof->sha256), g_strdup (proof->added) };

      g_array_append_val (copy, dup);
    }
  return copy;
}

UtRequest *
ut_request_new (const char *platform_id,
                UtRegion    region)
{
  UtRequest *request = g_new0 (UtRequest, 1);

  request->platform = g_strdup (platform_id);
  request->region = region;
  request->events = g_array_new (FALSE, TRUE, sizeof (UtRequestEvent));
  g_array_set_clear_func (request->events, (GDestroyNotify) clear_event);
  request->proofs = ut_proof_array_new ();
  return request;
}

UtRequest *
ut_request_copy (const UtRequest *request)
{
  UtRequest *copy = ut_request_new (request->platform, request->region);

  for (guint i = 0; i < request->events->len; i++)
    {
      const UtRequestEvent *event = &g_array_index (request->events, UtRequestEvent, i);
      UtRequestEvent dup = { event->kind, g_strdup (event->date), g_strdup (event->channel) };

      g_array_append_val (copy->events, dup);
    }
  g_array_unref (copy->proofs);
  copy->proofs = ut_proof_array_copy (request->proofs);
  return copy;
}

void
ut_request_free (UtRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->platform);
  g_array_unref (request->events);
  g_array_unref (request->proofs);
  g_free (request);
}

const char *
ut_request_event_kind_to_string (UtRequestEventKind kind)
{
  g_return_val_if_fail (kind <= UT_REQUEST_EVENT_ESCALATED, NULL);
  return event_names[kind];
}

gboolean
ut_request_event_kind_from_string (const char         *text,
                                   UtRequestEventKind *kind)
{
  for (guint i = 0; event_names[i] != NULL; i++)
    if (g_strcmp0 (text, event_names[i]) == 0)
      {
        *kind = (UtRequestEventKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ut_request_channel_is_valid (const char *channel)
{
  return channel != NULL && g_strv_contains (channel_names, channel);
}

/* The latest event of @kind, or %NULL. */
const UtRequestEvent *
ut_request_find_event (const UtRequest    *request,
                       UtRequestEventKind  kind)
{
  for (guint i = request->events->len; i > 0; i--)
    {
      const UtRequestEvent *event = &g_array_index (request->events, UtRequestEvent, i - 1);

      if (event->kind == kind)
        return event;
    }
  return NULL;
}

static GDate *
parse_day (const char *text)
{
  GDate *date = g_date_new ();
  unsigned year, month, day;

  if (text != NULL && sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

/**
 * ut_request_get_state:
 * @rights: (nullable): the law of the region it was sent under
 * @today: the day to judge by
 * @due: (out) (optional) (nullable) (transfer full): when the answer is due, if the law says
 *
 * Returns: where the request stands
 */
UtRequestState
ut_request_get_state (const UtRequest     *request,
                      const UtLegalRights *rights,
                      const GDate         *today,
                      GDate              **due)
{
  const UtRequestEvent *sent = ut_request_find_event (request, UT_REQUEST_EVENT_SENT);
  g_autoptr(GDate) due_date = NULL;
  UtRequestState state = UT_REQUEST_STATE_OPEN;

  g_return_val_if_fail (request != NULL, UT_REQUEST_STATE_OPEN);

  if (sent != NULL && rights != NULL && rights->has_deadline)
    {
      g_autoptr(GDate) sent_day = parse_day (sent->date);

      if (g_date_valid (sent_day))
        due_date = ut_legal_rights_due_date (rights, sent_day,
                                             ut_request_find_event (request, UT_REQUEST_EVENT_EXTENDED) != NULL);
    }

  /* The last decisive event says where it stands; reminders and extensions do not close it. */
  for (guint i = 0; i < request->events->len; i++)
    switch (g_array_index (request->events, UtRequestEvent, i).kind)
      {
      case UT_REQUEST_EVENT_ANSWERED:
        state = UT_REQUEST_STATE_ANSWERED;
        break;
      case UT_REQUEST_EVENT_REFUSED:
        state = UT_REQUEST_STATE_REFUSED;
        break;
      case UT_REQUEST_EVENT_ESCALATED:
        state = UT_REQUEST_STATE_ESCALATED;
        break;
      case UT_REQUEST_EVENT_SENT:
      case UT_REQUEST_EVENT_EXTENDED:
      case UT_REQUEST_EVENT_REMINDED:
      default:
        break;
      }

  if (state == UT_REQUEST_STATE_OPEN && due_date != NULL && today != NULL && g_date_compare (today, due_date) > 0)
    state = UT_REQUEST_STATE_OVERDUE;

  if (due != NULL)
    *due = g_steal_pointer (&due_date);
  return state;
}

/**
 * ut_request_describe_due:
 *
 * Returns: (transfer full) (nullable): "Answer due in 12 days", "Answer due today", "Overdue by
 *   3 days", or %NULL once the request is answered, refused or escalated, or without a deadline
 */
char *
ut_request_describe_due (const UtRequest     *request,
                         const UtLegalRights *rights,
                         const GDate         *today)
{
  g_autoptr(GDate) due = NULL;
  UtRequestState state = ut_request_get_state (request, rights, today, &due);
  int days;

  if ((state != UT_REQUEST_STATE_OPEN && state != UT_REQUEST_STATE_OVERDUE) || due == NULL)
    return NULL;

  days = g_date_days_between (today, due);
  if (days > 0)
    return g_strdup_printf (ngettext ("Answer due in %d day", "Answer due in %d days", days), days);
  if (days == 0)
    return g_strdup (_("Answer due today"));
  return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", -days), -days);
}
