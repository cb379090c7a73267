/* ut-sync-crypto.c — what leaves the machine when progress is synced: sealed, under names that say nothing
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first device makes a random 32-byte key; the person carries it to their other devices as a
 * recovery code. Every file sent to the server is sealed with ChaCha20-Poly1305 (RFC 8439, from
 * nettle) under that key, with a random nonce, and named by an HMAC of the device's id, so the
 * server holds ciphertext under names that reveal no profile, platform or device. A sealed file:
 *
 *   "UTS1"  key id (8 bytes)  nonce (12 bytes)  ciphertext  tag (16 bytes)
 *
 * The header is authenticated with the ciphertext. The key id, an HMAC of a fixed string, tells a
 * file sealed under another recovery code from one that was changed, so each is refused with a
 * sentence that says which.
 */

#define G_LOG_DOMAIN "ut-sync-crypto"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <nettle/chacha-poly1305.h>
#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <string.h>
#include <sys/random.h>

#include "ut-sync-crypto.h"
#include "ut-util.h"

#define MAGIC        "UTS1"
#define MAGIC_SIZE   4
#define KEY_ID_SIZE  8
#define NONCE_SIZE   CHACHA_POLY1305_NONCE_SIZE
#define TAG_SIZE     CHACHA_POLY1305_DIGEST_SIZE
#define HEADER_SIZE  (MAGIC_SIZE + KEY_ID_SIZE + NONCE_SIZE)

/* Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define CHECK_SIZE   2                                   /* bytes of checksum after the key */
#define CODE_SYMBOLS (((UT_SYNC_KEY_SIZE + CHECK_SIZE) * 8 + 4) / 5)  /* 55 */
#define GROUP        5

G_DEFINE_QUARK (ut-sync-error-quark, ut_sync_error)

static void
hmac (GBytes       *key,
      const char   *label,
      const char   *message,
      guint8        digest[SHA256_DIGEST_SIZE])
{
  struct hmac_sha256_ctx ctx;
  gsize key_size;
  const guint8 *key_data = g_bytes_get_data (key, &key_size);

  hmac_sha256_set_key (&ctx, key_size, key_data);
  hmac_sha256_update (&ctx, strlen (label) + 1, (const guint8 *) label);  /* with its NUL: a separator */
  if (message != NULL)
    hmac_sha256_update (&ctx, strlen (message), (const guint8 *) message);
  hmac_sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
}

static gboolean
fill_random (guint8  *buffer,
             gsize    size,
             GError **error)
{
  gsize done = 0;

  while (done < size)
    {
      ssize_t got = getrandom (buffer + done, size - done, 0);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RANDOM,
                       _("The system gave Untrain no random numbers to make a key with (%s)."),
                       g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize) got;
    }
  return TRUE;
}

/**
 * ut_sync_key_generate:
 *
 * Returns: (transfer full): a new random key of %UT_SYNC_KEY_SIZE bytes, or %NULL with @error set
 */
GBytes *
ut_sync_key_generate (GError **error)
{
  guint8 key[UT_SYNC_KEY_SIZE];
  GBytes *bytes;

  if (!fill_random (key, sizeof key, error))
    return NULL;
  bytes = g_bytes_new (key, sizeof key);
  memset (key, 0, sizeof key);
  return bytes;
}

static void
checksum (const guint8 *key,
          guint8        check[CHECK_SIZE])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (sum, key, UT_SYNC_KEY_SIZE);
  g_checksum_get_digest (sum, digest, &length);
  memcpy (check, digest, CHECK_SIZE);
}

/**
 * ut_sync_recovery_code_encode:
 * @key: a key of %UT_SYNC_KEY_SIZE bytes
 *
 * Returns: (transfer full): the key as a person copies it to another device: 55 characters of
 *   Crockford base32 (the key and a 2-byte checksum) in groups of five joined by hyphens
 */
char *
ut_sync_recovery_code_encode (GBytes *key)
{
  guint8 data[UT_SYNC_KEY_SIZE + CHECK_SIZE];
  GString *code = g_string_sized_new (CODE_SYMBOLS + CODE_SYMBOLS / GROUP);
  guint bits = 0, value = 0, symbols = 0;

  g_return_val_if_fail (key != NULL && g_bytes_get_size (key) == UT_SYNC_KEY_SIZE, NULL);

  memcpy (data, g_bytes_get_data (key, NULL), UT_SYNC_KEY_SIZE);
  checksum (data, data + UT_SYNC_KEY_SIZE);

  for (gsize i = 0; i < sizeof data || bits > 0; )
    {
      if (bits < 5 && i < sizeof data)
        {
          value = (value << 8) | data[i++];
          bits += 8;
          continue;
        }
      if (symbols > 0 && symbols % GROUP == 0)
        g_string_append_c (code, '-');
      if (bits >= 5)
        {
          g_string_append_c (code, alphabet[(value >> (bits - 5)) & 31]);
          bits -= 5;
        }
      else
        {
          g_string_append_c (code, alphabet[(value << (5 - bits)) & 31]);
          bits = 0;
        }
      symbols++;
    }

  memset (data, 0, sizeof data);
  return g_string_free (code, FALSE);
}

static int
symbol_value (char c)
{
  c = g_ascii_toupper (c);
  /* The letters a person may type for the digits they resemble. */
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';

  for (int v = 0; v < 32; v++)
    if (alphabet[v] == c)
      return v;
  return -1;
}

/**
 * ut_sync_recovery_code_decode:
 * @code: a recovery code as a person typed it: any case, with or without hyphens and spaces
 *
 * Returns: (transfer full): the key, or %NULL with a %UT_SYNC_ERROR_RECOVERY_CODE that says what
 *   is wrong with the code
 */
GBytes *
ut_sync_recovery_code_decode (const char  *code,
                              GError     **error)
{
  guint8 data[UT_SYNC_KEY_SIZE + CHECK_SIZE];
  guint8 check[CHECK_SIZE];
  guint bits = 0, value = 0, symbols = 0;
  gsize filled = 0;
  GBytes *key;

  g_return_val_if_fail (code != NULL, NULL);

  if (!g_utf8_validate (code, -1, NULL))
    {
      g_set_error_literal (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE,
                           _("The recovery code has characters that cannot be in one: it holds "
                             "only digits and the letters A to Z without I, L, O and U. Check it "
                             "against the one the first device showed."));
      return NULL;
    }

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      int v;

      if (*p == '-' || g_ascii_isspace (*p))
        continue;
      if ((guchar) *p >= 0x80 || (v = symbol_value (*p)) < 0)
        {
          g_autofree char *typed = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));
          g_autofree char *character = ut_escape_controls (typed);

          g_set_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE,
                       _("“%s” cannot be in a recovery code: it holds only digits and the letters "
                         "A to Z without I, L, O and U. Check it against the one the first device "
                         "showed."),
                       character);
          return NULL;
        }
      symbols++;
      value = (value << 5) | (guint) v;
      bits += 5;
      if (bits >= 8)
        {
          if (filled < sizeof data)
            data[filled] = (value >> (bits - 8)) & 0xff;
          filled++;
          bits -= 8;
        }
    }

  if (symbols != CODE_SYMBOLS)
    {
      g_set_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE,
                   _("A recovery code has %d letters and digits; this one has %u. Check it against "
                     "the one the first device showed."),
                   CODE_SYMBOLS, symbols);
      return NULL;
    }

  checksum (data, check);
  if (memcmp (check, data + UT_SYNC_KEY_SIZE, CHECK_SIZE) != 0)
    {
      memset (data, 0, sizeof data);
      g_set_error_literal (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE,
                           _("The recovery code has a typing error: check it against the one the "
                             "first device showed."));
      return NULL;
    }

  key = g_bytes_new (data, UT_SYNC_KEY_SIZE);
  memset (data, 0, sizeof data);
  return key;
}

static void
key_id (GBytes *key,
        guint8  id[KEY_ID_SIZE])
{
  guint8 digest[SHA256_DIGEST_SIZE];

  hmac (key, "untrain-sync-key-id", NULL, digest);
  memcpy (id, digest, KEY_ID_SIZE);
}

/**
 * ut_sync_seal:
 * @key: the sync key
 * @plaintext: what to send
 *
 * Returns: (transfer full): @plaintext sealed for the server, or %NULL with @error set when the
 *   system has no randomness for the nonce
 */
GBytes *
ut_sync_seal (GBytes  *key,
              GBytes  *plaintext,
              GError **error)
{
  struct chacha_poly1305_ctx ctx;
  gsize length;
  const guint8 *text = g_bytes_get_data (plaintext, &length);
  guint8 *sealed;

  g_return_val_if_fail (key != NULL && g_bytes_get_size (key) == UT_SYNC_KEY_SIZE, NULL);
  g_return_val_if_fail (plaintext != NULL, NULL);

  sealed = g_malloc (HEADER_SIZE + length + TAG_SIZE);
  memcpy (sealed, MAGIC, MAGIC_SIZE);
  key_id (key, sealed + MAGIC_SIZE);
  if (!fill_random (sealed + MAGIC_SIZE + KEY_ID_SIZE, NONCE_SIZE, error))
    {
      g_free (sealed);
      return NULL;
    }

  chacha_poly1305_set_key (&ctx, g_bytes_get_data (key, NULL));
  chacha_poly1305_set_nonce (&ctx, sealed + MAGIC_SIZE + KEY_ID_SIZE);
  chacha_poly1305_update (&ctx, HEADER_SIZE, sealed);
  if (length > 0)
    chacha_poly1305_encrypt (&ctx, length, sealed + HEADER_SIZE, text);
  chacha_poly1305_digest (&ctx, TAG_SIZE, sealed + HEADER_SIZE + length);
  memset (&ctx, 0, sizeof ctx);

  return g_bytes_new_take (sealed, HEADER_SIZE + length + TAG_SIZE);
}

/**
 * ut_sync_open:
 * @key: the sync key
 * @sealed: what ut_sync_seal() made, as the server returned it
 *
 * Returns: (transfer full): the plaintext, or %NULL with a %UT_SYNC_ERROR that says whether the
 *   file is no sync file, was sealed under another recovery code, or was changed
 */
GBytes *
ut_sync_open (GBytes  *key,
              GBytes  *sealed,
              GError **error)
{
  struct chacha_poly1305_ctx ctx;
  guint8 expected_id[KEY_ID_SIZE];
  guint8 tag[TAG_SIZE];
  gsize size, length;
  const guint8 *data;
  guint8 *text;
  gboolean authentic;

  g_return_val_if_fail (key != NULL && g_bytes_get_size (key) == UT_SYNC_KEY_SIZE, NULL);
  g_return_val_if_fail (sealed != NULL, NULL);

  data = g_bytes_get_data (sealed, &size);
  if (size < HEADER_SIZE + TAG_SIZE || memcmp (data, MAGIC, MAGIC_SIZE) != 0)
    {
      g_set_error_literal (error, UT_SYNC_ERROR, UT_SYNC_ERROR_NOT_SYNC_FILE,
                           _("A file in the sync folder is not one Untrain wrote, or it was cut "
                             "short. It was not merged; your progress here is unchanged."));
      return NULL;
    }

  key_id (key, expected_id);
  if (memcmp (expected_id, data + MAGIC_SIZE, KEY_ID_SIZE) != 0)
    {
      g_set_error_literal (error, UT_SYNC_ERROR, UT_SYNC_ERROR_OTHER_KEY,
                           _("A file in the sync folder was written with another recovery code. "
                             "It was not merged; your progress here is unchanged."));
      return NULL;
    }

  length = size - HEADER_SIZE - TAG_SIZE;
  text = g_malloc (length + 1);
  chacha_poly1305_set_key (&ctx, g_bytes_get_data (key, NULL));
  chacha_poly1305_set_nonce (&ctx, data + MAGIC_SIZE + KEY_ID_SIZE);
  chacha_poly1305_update (&ctx, HEADER_SIZE, data);
  if (length > 0)
    chacha_poly1305_decrypt (&ctx, length, text, data + HEADER_SIZE);
  chacha_poly1305_digest (&ctx, TAG_SIZE, tag);
  memset (&ctx, 0, sizeof ctx);
  authentic = memeql_sec (tag, data + HEADER_SIZE + length, TAG_SIZE);

  if (!authentic)
    {
      /* Nothing of a file that fails its check is ever handed on. */
      memset (text, 0, length);
      g_free (text);
      g_set_error_literal (error, UT_SYNC_ERROR, UT_SYNC_ERROR_TAMPERED,
                           _("A file in the sync folder was changed after Untrain wrote it "
                             "(damaged, or altered on the server). It was not merged; your "
                             "progress here is unchanged."));
      return NULL;
    }

  text[length] = '\0';
  return g_bytes_new_take (text, length);
}

/**
 * ut_sync_file_name:
 * @device_id: the device whose file it is
 *
 * Returns: (transfer full): the name of @device_id's file in the sync folder: 32 hex digits of an
 *   HMAC under the key and ".uts", the same on every device with the key, meaningless without it
 */
char *
ut_sync_file_name (GBytes     *key,
                   const char *device_id)
{
  guint8 digest[SHA256_DIGEST_SIZE];
  GString *name = g_string_sized_new (40);

  g_return_val_if_fail (key != NULL && g_bytes_get_size (key) == UT_SYNC_KEY_SIZE, NULL);
  g_return_val_if_fail (device_id != NULL, NULL);

  hmac (key, "untrain-sync-device", device_id, digest);
  for (guint i = 0; i < 16; i++)
    g_string_append_printf (name, "%02x", digest[i]);
  g_string_append (name, ".uts");
  return g_string_free (name, FALSE);
}
