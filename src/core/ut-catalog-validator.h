/* ut-catalog-validator.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One thing wrong with a catalog file: where it is and what is allowed instead. */
typedef struct
{
  char *file;
  char *pointer;   /* RFC 6901 JSON pointer; "" is the whole document */
  char *message;
} UtProblem;

#define UT_TYPE_PROBLEM (ut_problem_get_type ())

GType      ut_problem_get_type  (void) G_GNUC_CONST;
UtProblem *ut_problem_copy      (const UtProblem *problem);
void       ut_problem_free      (UtProblem       *problem);
char      *ut_problem_to_string (const UtProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtProblem, ut_problem_free)

typedef struct _UtCatalogValidator UtCatalogValidator;

UtCatalogValidator *ut_catalog_validator_new            (void);
void                ut_catalog_validator_free           (UtCatalogValidator *self);
void                ut_catalog_validator_set_today      (UtCatalogValidator *self,
                                                         const char         *today);
void                ut_catalog_validator_check_record   (UtCatalogValidator *self,
                                                         const char         *file,
                                                         JsonNode           *record);
void                ut_catalog_validator_check_bundle   (UtCatalogValidator *self,
                                                         const char         *file,
                                                         JsonNode           *bundle);
JsonNode           *ut_catalog_validator_check_data     (UtCatalogValidator *self,
                                                         const char         *file,
                                                         const char         *data,
                                                         gssize              length);
JsonNode           *ut_catalog_validator_check_file     (UtCatalogValidator *self,
                                                         const char         *path);
GPtrArray          *ut_catalog_validator_get_problems   (UtCatalogValidator *self);
gboolean            ut_catalog_validator_is_valid       (UtCatalogValidator *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtCatalogValidator, ut_catalog_validator_free)

G_END_DECLS
