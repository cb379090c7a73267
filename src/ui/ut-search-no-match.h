/* ut-search-no-match.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"
#include "ut-profile.h"

G_BEGIN_DECLS

#define UT_SEARCH_NO_MATCH_MAX_ROWS 12

#define UT_TYPE_SEARCH_NO_MATCH (ut_search_no_match_get_type ())

G_DECLARE_FINAL_TYPE (UtSearchNoMatch, ut_search_no_match, UT, SEARCH_NO_MATCH, GtkWidget)

guint        ut_search_no_match_update          (UtSearchNoMatch *self,
                                                 UtCatalog       *catalog,
                                                 UtProfile       *profile,
                                                 const char      *needle);
GtkListBox  *ut_search_no_match_get_list        (UtSearchNoMatch *self);
const char  *ut_search_no_match_get_description (UtSearchNoMatch *self);

G_END_DECLS
