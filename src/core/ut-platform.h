/* ut-platform.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ut-action.h"
#include "ut-catalog-schema.h"
#include "ut-region.h"

G_BEGIN_DECLS

/* What a platform offers in one region. Owned by its UtPlatform and as immutable. */
typedef struct
{
  UtOfferStatus  status;
  const char    *since;    /* nullable, YYYY-MM-DD */
  const char    *note;     /* nullable */
  GPtrArray     *actions;  /* of UtAction, in the order to do them */
} UtRegionOffer;

typedef struct
{
  guint       revision;
  const char *date;
  const char *summary;
} UtChange;

typedef struct
{
  const char  *id;
  const char  *url;
  const char  *title;
  UtPublisher  publisher;
  const char  *date;       /* YYYY-MM-DD or YYYY-MM */
} UtSource;

#define UT_TYPE_PLATFORM (ut_platform_get_type ())

G_DECLARE_FINAL_TYPE (UtPlatform, ut_platform, UT, PLATFORM, GObject)

const char          *ut_platform_get_id              (UtPlatform *self);
const char * const  *ut_platform_get_aliases         (UtPlatform *self);
const char          *ut_platform_get_name            (UtPlatform *self);
const char          *ut_platform_get_short_name      (UtPlatform *self);
const char          *ut_platform_get_owner           (UtPlatform *self);
gboolean             ut_platform_is_translated       (UtPlatform *self);
const char          *ut_platform_get_contact_email   (UtPlatform *self);
const char          *ut_platform_get_contact_form    (UtPlatform *self);
const char          *ut_platform_get_contact_postal  (UtPlatform *self);
const char          *ut_platform_get_lead_authority  (UtPlatform *self);
gboolean             ut_platform_matches_search      (UtPlatform *self,
                                                      const char *folded_needle);
const char          *ut_platform_get_category        (UtPlatform *self);
const char          *ut_platform_get_homepage        (UtPlatform *self);
guint                ut_platform_get_revision        (UtPlatform *self);
const char          *ut_platform_get_reviewed        (UtPlatform *self);
const char          *ut_platform_get_data_used       (UtPlatform *self);
const char          *ut_platform_get_note            (UtPlatform *self);
guint                ut_platform_get_n_changes       (UtPlatform *self);
const UtChange      *ut_platform_get_change          (UtPlatform *self,
                                                      guint       index);
guint                ut_platform_get_n_sources       (UtPlatform *self);
const UtSource      *ut_platform_get_source          (UtPlatform *self,
                                                      guint       index);
const UtSource      *ut_platform_lookup_source       (UtPlatform *self,
                                                      const char *source_id);
guint                ut_platform_get_n_actions       (UtPlatform *self);
UtAction            *ut_platform_get_action          (UtPlatform *self,
                                                      guint       index);
UtAction            *ut_platform_lookup_action       (UtPlatform *self,
                                                      const char *action_id);
const UtRegionOffer *ut_platform_get_offer           (UtPlatform *self,
                                                      UtRegion    region);

G_END_DECLS
