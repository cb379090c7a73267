/* fuzz-sync.c — what a sync server sends back, the documents in it, and recovery codes as people type them
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-sync"

#include "config.h"

#include <string.h>

#include "ut-fuzz.h"
#include "ut-json.h"
#include "ut-sync-crypto.h"
#include "ut-sync-document.h"

/* The harness's own key: bytes 0 to 31. The seed corpus holds a file sealed under it. */
static GBytes *
fixed_key (void)
{
  guint8 key[UT_SYNC_KEY_SIZE];

  for (guint i = 0; i < sizeof key; i++)
    key[i] = (guint8) i;
  return g_bytes_new (key, sizeof key);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) key = fixed_key ();
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) round_trip = NULL;

  ut_fuzz_init ();

  /* A file from the server: opened only if it is what was sealed, else a sentence. */
  opened = ut_sync_open (key, input, &error);
  g_assert ((opened == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A recovery code: a key that encodes back to a code that decodes to it, or a sentence. */
  decoded = ut_sync_recovery_code_decode (text, &error);
  if (decoded != NULL)
    {
      g_autofree char *code = ut_sync_recovery_code_encode (decoded);
      g_autoptr(GBytes) again = ut_sync_recovery_code_decode (code, NULL);

      g_assert (again != NULL && g_bytes_equal (again, decoded));
    }
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A document another computer wrote: read or refused; read, it writes back to what it read,
   * merges, and becomes progress in the progress file's shape. */
  {
    g_autoptr(JsonNode) node = ut_json_parse ((const char *) data, (gssize) size, NULL);
    g_autoptr(UtSyncDocument) document = node != NULL ? ut_sync_document_from_json (node, &error) : NULL;

    g_clear_error (&error);
    if (document != NULL)
      {
        g_autoptr(UtSyncDocument) merged = ut_sync_document_new ("fuzz");
        g_autoptr(UtSyncDocument) again = NULL;
        g_autoptr(JsonNode) written = ut_sync_document_to_json (document);
        g_autoptr(JsonNode) progress = NULL;

        again = ut_sync_document_from_json (written, NULL);
        g_assert (again != NULL);
        ut_sync_document_merge (merged, document);
        ut_sync_document_merge (merged, again);
        progress = ut_sync_document_to_progress (merged);
        g_assert (progress != NULL && JSON_NODE_HOLDS_OBJECT (progress));
      }
  }

  /* Anything sealed opens to itself. */
  sealed = ut_sync_seal (key, input, &error);
  g_assert (sealed != NULL);
  round_trip = ut_sync_open (key, sealed, &error);
  g_assert (round_trip != NULL && g_bytes_equal (round_trip, input));

  return 0;
}
