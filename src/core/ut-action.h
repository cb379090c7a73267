/* ut-action.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ut-catalog-schema.h"

G_BEGIN_DECLS

#define UT_TYPE_ACTION (ut_action_get_type ())

G_DECLARE_FINAL_TYPE (UtAction, ut_action, UT, ACTION, GObject)

const char         *ut_action_get_id                    (UtAction *self);
UtActionKind        ut_action_get_kind                  (UtAction *self);
const char         *ut_action_get_title                 (UtAction *self);
const char * const *ut_action_get_steps                 (UtAction *self);
const char         *ut_action_get_url                   (UtAction *self);
const char         *ut_action_get_setting_label         (UtAction *self);
const char         *ut_action_get_note                  (UtAction *self);
const char         *ut_action_get_target                (UtAction *self);
const char         *ut_action_get_scope                 (UtAction *self);
guint               ut_action_get_recheck_days          (UtAction *self);
gboolean            ut_action_get_affects_past_training (UtAction *self);
const char * const *ut_action_get_fields                (UtAction *self);
const char * const *ut_action_get_source_ids            (UtAction *self);

G_END_DECLS
