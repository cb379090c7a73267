/* ut-sync-crypto.h — what leaves the machine when progress is synced: sealed, under names that say nothing
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UT_SYNC_KEY_SIZE 32

#define UT_SYNC_ERROR (ut_sync_error_quark ())

typedef enum
{
  UT_SYNC_ERROR_RECOVERY_CODE,  /* a recovery code that is mistyped or not one */
  UT_SYNC_ERROR_NOT_SYNC_FILE,  /* not a file Untrain wrote, or cut short */
  UT_SYNC_ERROR_OTHER_KEY,      /* sealed under another recovery code */
  UT_SYNC_ERROR_TAMPERED,       /* changed after it was sealed */
  UT_SYNC_ERROR_RANDOM,         /* the system gave no randomness */
} UtSyncError;

GQuark  ut_sync_error_quark           (void);

GBytes *ut_sync_key_generate          (GError     **error);
char   *ut_sync_recovery_code_encode  (GBytes      *key);
GBytes *ut_sync_recovery_code_decode  (const char  *code,
                                       GError     **error);

GBytes *ut_sync_seal                  (GBytes      *key,
                                       GBytes      *plaintext,
                                       GError     **error);
GBytes *ut_sync_open                  (GBytes      *key,
                                       GBytes      *sealed,
                                       GError     **error);

char   *ut_sync_file_name             (GBytes      *key,
                                       const char  *device_id);

G_END_DECLS
