/* ut-signature.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Detached Ed25519 signatures of catalog bundles (RFC 8032, through nettle).
 *
 * Every file is one line of standard base64 (surrounding white space is ignored):
 *   public key    32 bytes
 *   private key   64 bytes: the 32-byte secret seed, then the public key, so a private key
 *                 cannot be mistaken for a public one and a damaged one is noticed
 *   signature     64 bytes, over the exact bytes of the bundle
 */
#define UT_SIGNATURE_PUBLIC_KEY_SIZE  32
#define UT_SIGNATURE_PRIVATE_KEY_SIZE 64
#define UT_SIGNATURE_SIZE             64

#define UT_SIGNATURE_ERROR (ut_signature_error_quark ())

typedef enum
{
  UT_SIGNATURE_ERROR_MALFORMED,  /* not base64 of the expected size, or a damaged private key */
  UT_SIGNATURE_ERROR_MISMATCH,   /* well formed, but not a signature of these bytes by this key */
  UT_SIGNATURE_ERROR_RANDOM,     /* the system could not provide random bytes */
} UtSignatureError;

typedef enum
{
  UT_SIGNATURE_KIND_PUBLIC_KEY,
  UT_SIGNATURE_KIND_PRIVATE_KEY,
  UT_SIGNATURE_KIND_SIGNATURE,
} UtSignatureKind;

GQuark    ut_signature_error_quark  (void);
GBytes   *ut_signature_decode       (UtSignatureKind  kind,
                                     const char      *text,
                                     gssize           length,
                                     GError         **error);
char     *ut_signature_encode       (GBytes          *bytes);
gboolean  ut_signature_generate_key (GBytes         **private_key,
                                     GBytes         **public_key,
                                     GError         **error);
GBytes   *ut_signature_sign         (GBytes          *private_key,
                                     GBytes          *data);
gboolean  ut_signature_verify       (GBytes          *public_key,
                                     GBytes          *data,
                                     GBytes          *signature,
                                     GError         **error);

/* The public keys this program trusts, NULL-terminated, each UT_SIGNATURE_PUBLIC_KEY_SIZE bytes.
 * Defined in a source file the build generates from data/catalog/signing-key.pub (see
 * data/catalog/meson.build) and linked with the app, not with the core library, so that the test
 * programs that need a test key link their own list instead (see tests/meson.build). */
const guint8 * const *ut_signature_get_trusted_keys (void);

G_END_DECLS
