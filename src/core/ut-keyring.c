/* ut-keyring.c — what went wrong with the keyring, in the few kinds a person can act on
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Account identities and the sync credentials each say these in their own words; which kind an
 * error from libsecret or D-Bus is, is decided here once.
 */

#define G_LOG_DOMAIN "ut-keyring"

#include "config.h"

#include <libsecret/secret.h>

#include "ut-keyring.h"

/**
 * ut_keyring_classify_error:
 * @error: what libsecret reported; its message goes to the debug log only
 * @cancellable: (nullable): the call's cancellable
 */
UtKeyringProblem
ut_keyring_classify_error (const GError *error,
                           GCancellable *cancellable)
{
  g_return_val_if_fail (error != NULL, UT_KEYRING_PROBLEM_OTHER);

  g_debug ("Keyring error: %s (%s, %d)", error->message, g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && g_cancellable_is_cancelled (cancellable))
    return UT_KEYRING_PROBLEM_CANCELLED;

  /* A prompt the user dismissed reports "cancelled" although nobody cancelled the call. */
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return UT_KEYRING_PROBLEM_LOCKED;

  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_PROTOCOL))
    return UT_KEYRING_PROBLEM_UNAVAILABLE;

  return UT_KEYRING_PROBLEM_OTHER;
}
