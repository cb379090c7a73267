/* ut-catalog-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ut-action.h"
#include "ut-platform.h"

G_BEGIN_DECLS

/* Constructors for the catalog's immutable objects. They trust their input: UtCatalog only calls
 * them on records the validator accepted. @translation (nullable) is the record's entry in the
 * bundle's translations for the chosen language: JSON pointer → [English, translated]. */
UtAction   *_ut_action_new_from_json   (JsonObject *object,
                                        JsonObject *translation,
                                        guint       index);
UtPlatform *_ut_platform_new_from_json (JsonObject *object,
                                        JsonObject *translation);

const char *_ut_catalog_translate      (JsonObject *translation,
                                        const char *pointer,
                                        const char *english);

G_END_DECLS
