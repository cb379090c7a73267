/* ut-signature.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-signature"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <nettle/eddsa.h>
#include <string.h>
#include <sys/random.h>

#include "ut-signature.h"

G_DEFINE_QUARK (ut-signature-error-quark, ut_signature_error)

G_STATIC_ASSERT (UT_SIGNATURE_PUBLIC_KEY_SIZE == ED25519_KEY_SIZE);
G_STATIC_ASSERT (UT_SIGNATURE_PRIVATE_KEY_SIZE == 2 * ED25519_KEY_SIZE);
G_STATIC_ASSERT (UT_SIGNATURE_SIZE == ED25519_SIGNATURE_SIZE);

static void
free_secret (gpointer data)
{
  explicit_bzero (data, UT_SIGNATURE_PRIVATE_KEY_SIZE);
  g_free (data);
}

/* Private keys are wiped from memory when the last reference goes. */
static GBytes *
new_private_key (const guint8 *seed)
{
  guint8 *key = g_malloc (UT_SIGNATURE_PRIVATE_KEY_SIZE);

  memcpy (key, seed, ED25519_KEY_SIZE);
  ed25519_sha512_public_key (key + ED25519_KEY_SIZE, seed);

  return g_bytes_new_with_free_func (key, UT_SIGNATURE_PRIVATE_KEY_SIZE, free_secret, key);
}

static gsize
expected_size (UtSignatureKind kind)
{
  switch (kind)
    {
    case UT_SIGNATURE_KIND_PUBLIC_KEY:
      return UT_SIGNATURE_PUBLIC_KEY_SIZE;
    case UT_SIGNATURE_KIND_PRIVATE_KEY:
      return UT_SIGNATURE_PRIVATE_KEY_SIZE;
    case UT_SIGNATURE_KIND_SIGNATURE:
      return UT_SIGNATURE_SIZE;
    default:
      g_assert_not_reached ();
    }
}

static const char *
describe (UtSignatureKind kind)
{
  switch (kind)
    {
    case UT_SIGNATURE_KIND_PUBLIC_KEY:
      return _("a public key");
    case UT_SIGNATURE_KIND_PRIVATE_KEY:
      return _("a private key");
    case UT_SIGNATURE_KIND_SIGNATURE:
      return _("a signature");
    default:
      g_assert_not_reached ();
    }
}

/**
 * ut_signature_decode:
 * @kind: what @text should hold
 * @text: the contents of a key or signature file
 * @length: the length of @text, or -1 if it is nul-terminated
 *
 * Decodes one line of base64. Only the canonical encoding of exactly the expected number of bytes
 * is accepted (g_base64_decode() alone would skip stray characters). A private key is also checked
 * against the public key it carries.
 *
 * Returns: (transfer full) (nullable): the raw bytes
 */
GBytes *
ut_signature_decode (UtSignatureKind   kind,
                     const char       *text,
                     gssize            length,
                     GError          **error)
{
  g_autofree char *line = NULL;
  g_autofree char *canonical = NULL;
  g_autofree guint8 *raw = NULL;
  g_autoptr(GBytes) key = NULL;
  gsize size = 0;
  gsize wanted;
  gboolean consistent;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wanted = expected_size (kind);
  line = g_strstrip (length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length));

  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      goto malformed;
  if (strlen (line) % 4 != 0 || strlen (line) == 0)
    goto malformed;

  raw = g_base64_decode (line, &size);
  if (size != wanted)
    {
      if (raw != NULL)
        explicit_bzero (raw, size);
      goto malformed;
    }
  canonical = g_base64_encode (raw, size);
  if (strcmp (canonical, line) != 0)
    goto malformed;

  if (kind != UT_SIGNATURE_KIND_PRIVATE_KEY)
    return g_bytes_new_take (g_steal_pointer (&raw), size);

  key = new_private_key (raw);
  consistent = memcmp ((const guint8 *) g_bytes_get_data (key, NULL) + ED25519_KEY_SIZE,
                       raw + ED25519_KEY_SIZE, ED25519_KEY_SIZE) == 0;
  explicit_bzero (raw, size);
  explicit_bzero (canonical, strlen (canonical));
  explicit_bzero (line, strlen (line));
  if (!consistent)
    {
      g_set_error (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_MALFORMED,
                   _("The private key is damaged: its two halves do not belong together."));
      return NULL;
    }

  return g_steal_pointer (&key);

malformed:
  if (kind == UT_SIGNATURE_KIND_PRIVATE_KEY)
    explicit_bzero (line, strlen (line));
  if (size == UT_SIGNATURE_PUBLIC_KEY_SIZE && kind != UT_SIGNATURE_KIND_PUBLIC_KEY)
    g_set_error (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_MALFORMED,
                 _("This is a public key, not %s."), describe (kind));
  else if (size == UT_SIGNATURE_PRIVATE_KEY_SIZE && kind == UT_SIGNATURE_KIND_PUBLIC_KEY)
    g_set_error (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_MALFORMED,
                 _("This is a private key or a signature, not a public key."));
  else
    g_set_error (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_MALFORMED,
                 _("This is not %s: expected one line of base64 holding %u bytes."),
                 describe (kind), (guint) wanted);
  return NULL;
}

/* One line of base64, with its newline. */
char *
ut_signature_encode (GBytes *bytes)
{
  g_autofree char *text = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  text = g_base64_encode (data, size);
  return g_strconcat (text, "\n", NULL);
}

/**
 * ut_signature_generate_key:
 *
 * Makes a new key pair from 32 bytes of the kernel's random number generator (getrandom(2), which
 * waits until it is seeded).
 */
gboolean
ut_signature_generate_key (GBytes **private_key,
                           GBytes **public_key,
                           GError **error)
{
  guint8 seed[ED25519_KEY_SIZE];
  g_autoptr(GBytes) key = NULL;
  gsize filled = 0;

  g_return_val_if_fail (private_key != NULL, FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (filled < sizeof seed)
    {
      ssize_t n = getrandom (seed + filled, sizeof seed - filled, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          explicit_bzero (seed, sizeof seed);
          g_set_error (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_RANDOM,
                       _("The system could not provide random bytes for a new key: %s."),
                       g_strerror (saved_errno));
          return FALSE;
        }
      filled += (gsize) n;
    }

  key = new_private_key (seed);
  explicit_bzero (seed, sizeof seed);

  *public_key = g_bytes_new_from_bytes (key, ED25519_KEY_SIZE, ED25519_KEY_SIZE);
  *private_key = g_steal_pointer (&key);
  return TRUE;
}

/**
 * ut_signature_sign:
 * @private_key: a private key from ut_signature_decode() or ut_signature_generate_key()
 * @data: the exact bytes to sign
 *
 * Returns: (transfer full): the 64-byte signature
 */
GBytes *
ut_signature_sign (GBytes *private_key,
                   GBytes *data)
{
  const guint8 *key;
  gconstpointer message;
  gsize length;
  gsize key_size;
  guint8 *signature;

  g_return_val_if_fail (private_key != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  key = g_bytes_get_data (private_key, &key_size);
  g_return_val_if_fail (key_size == UT_SIGNATURE_PRIVATE_KEY_SIZE, NULL);

  message = g_bytes_get_data (data, &length);
  signature = g_malloc (UT_SIGNATURE_SIZE);
  ed25519_sha512_sign (key + ED25519_KEY_SIZE, key, length, message, signature);

  return g_bytes_new_take (signature, UT_SIGNATURE_SIZE);
}

gboolean
ut_signature_verify (GBytes  *public_key,
                     GBytes  *data,
                     GBytes  *signature,
                     GError **error)
{
  gconstpointer message;
  gsize length;

  g_return_val_if_fail (public_key != NULL && g_bytes_get_size (public_key) == UT_SIGNATURE_PUBLIC_KEY_SIZE, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (signature != NULL && g_bytes_get_size (signature) == UT_SIGNATURE_SIZE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  message = g_bytes_get_data (data, &length);
  /* An empty GBytes may hold NULL; nettle hashes zero bytes from any pointer. */
  if (ed25519_sha512_verify (g_bytes_get_data (public_key, NULL), length,
                             message != NULL ? message : (gconstpointer) "",
                             g_bytes_get_data (signature, NULL)))
    return TRUE;

  g_set_error (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_MISMATCH,
               _("The signature does not match: these bytes were not signed with this key, or they "
                 "were changed after signing."));
  return FALSE;
}
