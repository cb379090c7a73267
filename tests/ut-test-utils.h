/* ut-test-utils.h — helpers the test programs share
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  ut_test_remove_tree (const char *path);
char *ut_test_read_file   (const char *path);

G_END_DECLS
