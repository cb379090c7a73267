/* ut-objection-card.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-identity-store.h"
#include "ut-legal.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_OBJECTION_CARD (ut_objection_card_get_type ())

G_DECLARE_FINAL_TYPE (UtObjectionCard, ut_objection_card, UT, OBJECTION_CARD, GtkWidget)

void        ut_objection_card_show        (UtObjectionCard *self,
                                           UtProgress      *progress,
                                           UtIdentityStore *identities,
                                           UtProfile       *profile,
                                           UtPlatform      *platform);
const char *ut_objection_card_get_status  (UtObjectionCard *self);
const char *ut_objection_card_get_proofs  (UtObjectionCard *self);

G_END_DECLS
