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
 * them on records the validator accepted. */
UtAction   *_ut_action_new_from_json   (JsonObject *object);
UtPlatform *_ut_platform_new_from_json (JsonObject *object);

G_END_DECLS
