/* ut-action-step.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_ACTION_STEP (ut_action_step_get_type ())

G_DECLARE_FINAL_TYPE (UtActionStep, ut_action_step, UT, ACTION_STEP, GtkWidget)

UtActionStep *ut_action_step_new            (UtProgress   *progress,
                                             UtProfile    *profile,
                                             UtPlatform   *platform,
                                             UtAction     *action,
                                             guint         number);
UtAction     *ut_action_step_get_action     (UtActionStep *self);
gboolean      ut_action_step_is_open        (UtActionStep *self);
void          ut_action_step_update         (UtActionStep *self);
const char   *ut_action_step_get_status     (UtActionStep *self);
const char   *ut_action_step_get_done_label (UtActionStep *self);
gboolean      ut_action_step_focus_main     (UtActionStep *self);

G_END_DECLS
