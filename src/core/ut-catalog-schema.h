/* ut-catalog-schema.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The vocabulary of a catalog record, shared by the validator and the model so the two can never
 * disagree about what a value means. data/catalog/README.md documents the same lists. */

/* 2: sources carry an id and a publisher, actions and regions cite them, records list their domains. */
#define UT_CATALOG_FORMAT 2
#define UT_DEFAULT_RECHECK_DAYS 180
#define UT_MAX_RECHECK_DAYS 3650
/* The most a record file or a bundle may hold: far above the whole catalog (about 300 KiB), far
 * below what would hurt to read. Updates have their own, smaller cap. */
#define UT_CATALOG_MAX_SIZE (64 * 1024 * 1024)

typedef enum
{
  UT_OFFER_OPT_OUT,
  UT_OFFER_OBJECT,
  UT_OFFER_NO_OPT_OUT,
  UT_OFFER_NOT_TRAINED,
  UT_OFFER_OPT_IN,
  UT_OFFER_SITE_OWNER_ONLY,
} UtOfferStatus;

typedef enum
{
  UT_ACTION_KIND_TOGGLE,
  UT_ACTION_KIND_FORM,
  UT_ACTION_KIND_EMAIL,
  UT_ACTION_KIND_MITIGATION,
  UT_ACTION_KIND_SITE_OWNER,
} UtActionKind;

/* Who published a source. Platform, regulator and court sources can back an action alone. */
typedef enum
{
  UT_PUBLISHER_PLATFORM,
  UT_PUBLISHER_REGULATOR,
  UT_PUBLISHER_COURT,
  UT_PUBLISHER_PRESS,
  UT_PUBLISHER_OTHER,
} UtPublisher;

extern const char * const ut_offer_status_names[];
extern const char * const ut_action_kind_names[];
extern const char * const ut_publisher_names[];
extern const char * const ut_category_names[];
extern const char * const ut_scope_names[];
extern const char * const ut_form_field_names[];

int         ut_schema_lookup                 (const char * const *names,
                                              const char         *value);
char       *ut_schema_join                   (const char * const *names);
const char *ut_offer_status_to_string        (UtOfferStatus       status);
const char *ut_offer_status_get_description  (UtOfferStatus       status);
const char *ut_offer_status_get_caveat       (UtOfferStatus       status);
const char *ut_action_kind_to_string         (UtActionKind        kind);
const char *ut_publisher_get_display_name    (UtPublisher         publisher);
const char *ut_category_get_display_name     (const char         *category);
const char *ut_scope_get_description         (const char         *scope);
const char *ut_form_field_get_description    (const char         *field);

G_END_DECLS
