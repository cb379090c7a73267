/* ut-keyring.h — what went wrong with the keyring, in the few kinds a person can act on
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  UT_KEYRING_PROBLEM_CANCELLED,    /* the caller cancelled: pass the error on as it is */
  UT_KEYRING_PROBLEM_LOCKED,       /* locked, or its unlock prompt was dismissed */
  UT_KEYRING_PROBLEM_UNAVAILABLE,  /* no Secret Service or portal to talk to */
  UT_KEYRING_PROBLEM_OTHER,        /* the keyring answered with another error */
} UtKeyringProblem;

UtKeyringProblem ut_keyring_classify_error (const GError *error,
                                            GCancellable *cancellable);

G_END_DECLS
