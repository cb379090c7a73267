/* fuzz-signature.c — reading keys and signatures, and verifying a signature over data
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-signature"

#include "config.h"

#include <string.h>

#include "ut-fuzz.h"
#include "ut-signature.h"

static const UtSignatureKind kinds[] = {
  UT_SIGNATURE_KIND_PUBLIC_KEY,
  UT_SIGNATURE_KIND_PRIVATE_KEY,
  UT_SIGNATURE_KIND_SIGNATURE,
};

static const gsize sizes[] = {
  UT_SIGNATURE_PUBLIC_KEY_SIZE,
  UT_SIGNATURE_PRIVATE_KEY_SIZE,
  UT_SIGNATURE_SIZE,
};

/* Decodes @text as @kind; whatever it returns must be of the size that kind promises, and encode
 * back to the same line. */
static GBytes *
decode (UtSignatureKind  kind,
        gsize            size,
        const char      *text,
        gssize           length)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ut_signature_decode (kind, text, length, &error);

  if (bytes == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return NULL;
    }

  g_assert (error == NULL);
  g_assert (g_bytes_get_size (bytes) == size);
  if (kind != UT_SIGNATURE_KIND_PRIVATE_KEY)
    {
      g_autofree char *line = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
      g_autofree char *encoded = ut_signature_encode (bytes);

      /* Files end in a newline; the decoder ignores the white space around the line. */
      g_assert_cmpstr (g_strstrip (encoded), ==, g_strstrip (line));
    }

  return bytes;
}

/* The input as a file from `untrain-catalog`: first a public key line, then a signature line,
 * then the signed bytes, so that the seeds can hold a real key and signature made by the test
 * suite's key and the fuzzer can damage each part. The whole input is also read as a key or a
 * signature on its own, as the tool and the updater read such files. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GBytes) public_key = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) signed_bytes = NULL;
  const char *key_end, *signature_end;

  ut_fuzz_init ();

  /* g_strndup stops at the first nul, as the callers' files read as strings do. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GBytes) whole = decode (kinds[i], sizes[i], text, -1);

      if (whole != NULL && kinds[i] == UT_SIGNATURE_KIND_PRIVATE_KEY)
        {
          g_autoptr(GBytes) half = g_bytes_new_from_bytes (whole, UT_SIGNATURE_PRIVATE_KEY_SIZE - UT_SIGNATURE_PUBLIC_KEY_SIZE,
                                                           UT_SIGNATURE_PUBLIC_KEY_SIZE);
          g_autoptr(GBytes) message = g_bytes_new_static ("fuzz", 4);
          g_autoptr(GBytes) made = ut_signature_sign (whole, message);
          g_autoptr(GError) error = NULL;

          /* A private key that decoded must sign, and its own public half must verify that. */
          g_assert (made != NULL && g_bytes_get_size (made) == UT_SIGNATURE_SIZE);
          if (!ut_signature_verify (half, message, made, &error))
            g_error ("A decoded private key's signature does not verify: %s", error->message);
        }
    }

  /* Lengths, not nul-terminated strings, from here on: the signed bytes may hold anything. */
  key_end = memchr (data, '\n', size);
  if (key_end == NULL)
    return 0;
  signature_end = memchr (key_end + 1, '\n', size - (gsize) (key_end + 1 - (const char *) data));
  if (signature_end == NULL)
    return 0;

  public_key = decode (UT_SIGNATURE_KIND_PUBLIC_KEY, UT_SIGNATURE_PUBLIC_KEY_SIZE,
                       (const char *) data, key_end - (const char *) data);
  signature = decode (UT_SIGNATURE_KIND_SIGNATURE, UT_SIGNATURE_SIZE,
                      key_end + 1, signature_end - (key_end + 1));
  if (public_key == NULL || signature == NULL)
    return 0;

  signed_bytes = g_bytes_new (signature_end + 1, size - (gsize) (signature_end + 1 - (const char *) data));
  {
    g_autoptr(GError) error = NULL;

    if (!ut_signature_verify (public_key, signed_bytes, signature, &error))
      {
        g_assert (error != NULL);
        g_assert (g_utf8_validate (error->message, -1, NULL));
      }
  }

  return 0;
}
