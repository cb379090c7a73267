/* ut-summary-page.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ut-catalog.h"
#include "ut-progress.h"

G_BEGIN_DECLS

#define UT_TYPE_SUMMARY_PAGE (ut_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (UtSummaryPage, ut_summary_page, UT, SUMMARY_PAGE, GtkWidget)

UtSummaryPage *ut_summary_page_new         (UtCatalog     *catalog,
                                            UtProgress    *progress);
UtProfile     *ut_summary_page_get_profile (UtSummaryPage *self);
void           ut_summary_page_set_profile (UtSummaryPage *self,
                                            UtProfile     *profile);
const char    *ut_summary_page_get_headline (UtSummaryPage *self);

G_END_DECLS
