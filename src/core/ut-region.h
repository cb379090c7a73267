/* ut-region.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The legal areas the catalog distinguishes. The order is the order regions are shown in. */
typedef enum
{
  UT_REGION_US,
  UT_REGION_EU,
  UT_REGION_CH,
  UT_REGION_UK,
  UT_REGION_OTHER,
} UtRegion;

#define UT_N_REGIONS (UT_REGION_OTHER + 1)

const char *ut_region_to_code               (UtRegion     region);
gboolean    ut_region_from_code             (const char  *code,
                                             UtRegion    *region);
const char *ut_region_get_display_name      (UtRegion     region);
const char *ut_region_get_location          (UtRegion     region);
UtRegion    ut_region_guess                 (const char  *locale,
                                             const char  *zone);
UtRegion    ut_region_guess_from_environment (void);

G_END_DECLS
