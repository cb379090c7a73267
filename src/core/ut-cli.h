/* ut-cli.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UT_CLI_NOT_HANDLED (-1)

int ut_cli_run (char **argv);

G_END_DECLS
