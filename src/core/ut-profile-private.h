/* ut-profile-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-profile.h"

G_BEGIN_DECLS

/* Only UtProgress changes a profile, so that every change is saved. */
UtProfile *_ut_profile_new                (const char   *id,
                                           const char   *name,
                                           UtRegion      region,
                                           gboolean      region_confirmed);
void       _ut_profile_set_name           (UtProfile    *self,
                                           const char   *name);
void       _ut_profile_set_region         (UtProfile    *self,
                                           UtRegion      region,
                                           gboolean      confirmed);
gboolean   _ut_profile_set_platform_used  (UtProfile    *self,
                                           const char   *platform_id,
                                           gboolean      used);
UtRecord  *_ut_profile_ensure_record      (UtProfile    *self,
                                           const char   *platform_id,
                                           const char   *action_id);
void       _ut_profile_take_record        (UtProfile    *self,
                                           UtRecord     *record);
void       _ut_profile_take_request       (UtProfile    *self,
                                           UtRequest    *request);
void       _ut_profile_take_contents      (UtProfile    *self,
                                           UtProfile    *from);

G_END_DECLS
