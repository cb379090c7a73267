/* test-sync.c — the sealing, recovery codes and clocks that syncing rests on
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ut-hlc.h"
#include "ut-sync-crypto.h"

static GBytes *
new_key (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *key = ut_sync_key_generate (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (key), ==, UT_SYNC_KEY_SIZE);
  return key;
}

/* A recovery code brings the same key back, however a person types it, and a typo is caught. */
static void
test_recovery_code (void)
{
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GBytes) key = new_key ();
      g_autofree char *code = ut_sync_recovery_code_encode (key);
      g_autofree char *lower = g_ascii_strdown (code, -1);
      g_autofree char *spaced = NULL;
      g_autofree char *typo = g_strdup (code);
      g_autoptr(GBytes) back = NULL;
      g_autoptr(GBytes) from_lower = NULL;
      g_autoptr(GBytes) from_spaced = NULL;
      g_autoptr(GBytes) from_typo = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) groups = g_strsplit (code, "-", -1);
      gsize position;

      g_assert_cmpuint (strlen (code), ==, 55 + 10);
      g_assert_cmpuint (g_strv_length (groups), ==, 11);
      g_assert_true (strspn (code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ-") == strlen (code));

      back = ut_sync_recovery_code_decode (code, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (back, key));

      from_lower = ut_sync_recovery_code_decode (lower, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (from_lower, key));

      spaced = g_strjoinv (" ", groups);
      from_spaced = ut_sync_recovery_code_decode (spaced, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (from_spaced, key));

      /* One symbol changed anywhere in the key's part: the checksum says so (or, rarely, the
       * 16-bit checksum matches by chance: then the key differs, which the next step shows). */
      position = (round * 7) % 50;
      if (typo[position] == '-')
        position++;
      typo[position] = typo[position] == 'A' ? 'B' : 'A';
      from_typo = ut_sync_recovery_code_decode (typo, &error);
      if (from_typo == NULL)
        {
          g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE);
          g_assert_nonnull (strstr (error->message, "typing error"));
        }
      else
        g_assert_false (g_bytes_equal (from_typo, key));
    }
}

static void
test_recovery_code_refused (void)
{
  g_autoptr(GBytes) key = new_key ();
  g_autofree char *code = ut_sync_recovery_code_encode (key);
  g_autofree char *shorter = g_strndup (code, strlen (code) - 1);
  g_autofree char *with_u = g_strdup (code);
  g_autoptr(GError) error = NULL;

  g_assert_null (ut_sync_recovery_code_decode (shorter, &error));
  g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE);
  g_assert_cmpstr (error->message, ==, "A recovery code has 55 letters and digits; this one has 54. "
                                       "Check it against the one the first device showed.");
  g_clear_error (&error);

  with_u[0] = 'U';
  g_assert_null (ut_sync_recovery_code_decode (with_u, &error));
  g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE);
  g_assert_nonnull (strstr (error->message, "“U” cannot be in a recovery code"));
  g_clear_error (&error);

  g_assert_null (ut_sync_recovery_code_decode ("", &error));
  g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE);
  g_clear_error (&error);

  /* Found by fuzz-sync: a byte that is not UTF-8 must not end up in the sentence. */
  g_assert_null (ut_sync_recovery_code_decode ("\xaf\xaf-ABCDE", &error));
  g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_RECOVERY_CODE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_assert_null (ut_sync_recovery_code_decode ("ÄBCDE", &error));
  g_assert_nonnull (strstr (error->message, "“Ä” cannot be in a recovery code"));
}

/* Sealed text comes back only under its own key and only as it was written. */
static void
test_seal_and_open (void)
{
  g_autoptr(GBytes) key = new_key ();
  g_autoptr(GBytes) other = new_key ();
  const char *text = "{\"profiles\": [{\"name\": \"Anna\", \"platforms\": [\"linkedin\"]}]}";
  g_autoptr(GBytes) plain = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = ut_sync_seal (key, plain, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GBytes) sealed_empty = NULL;
  g_autoptr(GBytes) opened_empty = NULL;
  gsize size;
  const guint8 *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (sealed, &size);
  g_assert_cmpuint (size, ==, 4 + 8 + 12 + strlen (text) + 16);
  /* Nothing readable of the text is in what the server gets. */
  g_assert_null (g_strstr_len ((const char *) data, (gssize) size, "Anna"));
  g_assert_null (g_strstr_len ((const char *) data, (gssize) size, "linkedin"));

  /* A new nonce every time: the same text never seals to the same bytes. */
  again = ut_sync_seal (key, plain, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (again, sealed));

  opened = ut_sync_open (key, sealed, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (opened, plain));

  sealed_empty = ut_sync_seal (key, empty, &error);
  g_assert_no_error (error);
  opened_empty = ut_sync_open (key, sealed_empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (opened_empty), ==, 0);

  /* Another recovery code. */
  g_assert_null (ut_sync_open (other, sealed, &error));
  g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_OTHER_KEY);
  g_assert_cmpstr (error->message, ==, "A file in the sync folder was written with another recovery "
                                       "code. It was not merged; your progress here is unchanged.");
  g_clear_error (&error);

  /* Every single byte changed, header included, is caught; the key id byte as another key. */
  for (gsize i = 0; i < size; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) tampered = NULL;

      copy[i] ^= 0x01;
      tampered = g_bytes_new (copy, size);
      g_assert_null (ut_sync_open (key, tampered, &error));
      if (i < 4)
        g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_NOT_SYNC_FILE);
      else if (i < 12)
        g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_OTHER_KEY);
      else
        g_assert_error (error, UT_SYNC_ERROR, UT_SYNC_ERROR_TAMPERED);
      g_clear_error (&error);
    }

  /* Cut short, at every length. */
  for (gsize length = 0; length < size; length++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, length);
      g_autoptr(GBytes) result = ut_sync_open (key, cut, &error);

      g_assert_null (result);
      g_assert_true (g_error_matches (error, UT_SYNC_ERROR, UT_SYNC_ERROR_NOT_SYNC_FILE) ||
                     g_error_matches (error, UT_SYNC_ERROR, UT_SYNC_ERROR_TAMPERED));
      g_clear_error (&error);
    }
}

/* File names: the same for a device on every machine with the key, different per device and per
 * key, and telling nothing. */
static void
test_file_names (void)
{
  g_autoptr(GBytes) key = new_key ();
  g_autoptr(GBytes) other = new_key ();
  g_autofree char *laptop = ut_sync_file_name (key, "laptop-3f2a");
  g_autofree char *laptop_again = ut_sync_file_name (key, "laptop-3f2a");
  g_autofree char *desktop = ut_sync_file_name (key, "desktop-91c0");
  g_autofree char *laptop_other = ut_sync_file_name (other, "laptop-3f2a");

  g_assert_cmpstr (laptop, ==, laptop_again);
  g_assert_cmpstr (laptop, !=, desktop);
  g_assert_cmpstr (laptop, !=, laptop_other);
  g_assert_cmpuint (strlen (laptop), ==, 32 + 4);
  g_assert_true (g_str_has_suffix (laptop, ".uts"));
  g_assert_true (strspn (laptop, "0123456789abcdef") == 32);
  g_assert_null (strstr (laptop, "laptop"));
}

/* The newest change wins by the clock, and a device whose clock runs an hour behind still stamps
 * a change it makes after seeing another device's later than that one. */
static void
test_hlc (void)
{
  UtHlc laptop = { 0 }, desktop = { 0 };
  UtHlc a, b, c, parsed;
  gint64 now = G_GINT64_CONSTANT (1780000000000);
  g_autofree char *text = NULL;

  /* The laptop's clock is an hour fast. */
  ut_hlc_tick (&laptop, now + 3600 * 1000, &a);
  /* The desktop, on time, syncs ten minutes later and sees the laptop's change... */
  ut_hlc_observe (&desktop, &a, now + 600 * 1000);
  /* ... then changes the same action: its change is the newer one, though its clock says earlier. */
  ut_hlc_tick (&desktop, now + 601 * 1000, &b);
  g_assert_cmpint (ut_hlc_compare (&b, &a), >, 0);
  g_assert_cmpint (b.wall_ms, ==, a.wall_ms);

  /* Two changes in the same millisecond on one device are ordered. */
  ut_hlc_tick (&desktop, now + 601 * 1000, &c);
  g_assert_cmpint (ut_hlc_compare (&c, &b), >, 0);
  g_assert_cmpint (ut_hlc_compare (&c, &c), ==, 0);

  /* When the wall clock passes the stamps seen, the stamps follow it again. */
  ut_hlc_tick (&desktop, now + 7200 * 1000, &c);
  g_assert_cmpint (c.wall_ms, ==, now + 7200 * 1000);
  g_assert_cmpuint (c.counter, ==, 0);

  text = ut_hlc_to_string (&b);
  g_assert_true (ut_hlc_parse (text, &parsed));
  g_assert_cmpint (ut_hlc_compare (&parsed, &b), ==, 0);
  g_assert_false (ut_hlc_parse ("12", &parsed));
  g_assert_false (ut_hlc_parse ("12.x", &parsed));
  g_assert_false (ut_hlc_parse ("-1.0", &parsed));
  g_assert_false (ut_hlc_parse ("1.2.3", &parsed));
  g_assert_false (ut_hlc_parse (NULL, &parsed));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/recovery-code", test_recovery_code);
  g_test_add_func ("/sync/recovery-code-refused", test_recovery_code_refused);
  g_test_add_func ("/sync/seal-and-open", test_seal_and_open);
  g_test_add_func ("/sync/file-names", test_file_names);
  g_test_add_func ("/sync/hybrid-logical-clock", test_hlc);

  return g_test_run ();
}
