/* ut-request.h — an objection or request sent to a platform, followed through
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ut-legal.h"
#include "ut-region.h"

G_BEGIN_DECLS

/* What happened to a request, in the order it happens. */
typedef enum
{
  UT_REQUEST_EVENT_SENT,       /* the person sent it (the clock starts) */
  UT_REQUEST_EVENT_EXTENDED,   /* the platform said it needs the extension the law allows */
  UT_REQUEST_EVENT_REMINDED,   /* the person sent a reminder */
  UT_REQUEST_EVENT_ANSWERED,   /* the platform did what was asked */
  UT_REQUEST_EVENT_REFUSED,    /* the platform refused, or did only part of it */
  UT_REQUEST_EVENT_ESCALATED,  /* the person complained to the regulator */
} UtRequestEventKind;

typedef struct
{
  UtRequestEventKind  kind;
  char               *date;     /* YYYY-MM-DD */
  char               *channel;  /* nullable: "email", "form" or "post", for sent and reminded */
} UtRequestEvent;

/* A file the person keeps as proof (a confirmation e-mail, a screenshot, a PDF), copied into
 * Untrain's data folder under its SHA-256. */
typedef struct
{
  char *name;     /* the file's name when it was attached */
  char *sha256;   /* lower-case hex; also the copy's file name */
  char *added;    /* YYYY-MM-DD */
} UtProof;

typedef struct
{
  char      *platform;
  UtRegion   region;   /* whose law it was sent under: the due date follows that law */
  GArray    *events;   /* of UtRequestEvent, oldest first */
  GArray    *proofs;   /* of UtProof, in the order attached */
} UtRequest;

/* Derived, never stored. */
typedef enum
{
  UT_REQUEST_STATE_OPEN,       /* sent, answer not due yet, or no deadline */
  UT_REQUEST_STATE_OVERDUE,    /* the answer's due date has passed */
  UT_REQUEST_STATE_ANSWERED,
  UT_REQUEST_STATE_REFUSED,
  UT_REQUEST_STATE_ESCALATED,
} UtRequestState;

GArray         *ut_proof_array_new               (void);
GArray         *ut_proof_array_copy              (GArray              *proofs);

#define UT_TYPE_REQUEST (ut_request_get_type ())

GType           ut_request_get_type              (void) G_GNUC_CONST;
UtRequest      *ut_request_new                   (const char          *platform_id,
                                                  UtRegion             region);
UtRequest      *ut_request_copy                  (const UtRequest     *request);
void            ut_request_free                  (UtRequest           *request);
const char     *ut_request_event_kind_to_string  (UtRequestEventKind   kind);
gboolean        ut_request_event_kind_from_string (const char         *text,
                                                  UtRequestEventKind  *kind);
gboolean        ut_request_channel_is_valid      (const char          *channel);
const UtRequestEvent *ut_request_find_event      (const UtRequest     *request,
                                                  UtRequestEventKind   kind);
UtRequestState  ut_request_get_state             (const UtRequest     *request,
                                                  const UtLegalRights *rights,
                                                  const GDate         *today,
                                                  GDate              **due);
char           *ut_request_describe_due          (const UtRequest     *request,
                                                  const UtLegalRights *rights,
                                                  const GDate         *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtRequest, ut_request_free)

G_END_DECLS
