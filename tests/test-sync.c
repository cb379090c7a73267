/* test-sync.c — the sealing, recovery codes and clocks that syncing rests on
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ut-hlc.h"
#include "ut-sync-crypto.h"
#include "ut-sync-document.h"

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

/* ---- documents ------------------------------------------------------------------------- */

/* A progress of one profile "me" using @platforms, with one record of linkedin. */
static JsonNode *
progress_with (const char *platforms,
               const char *state,
               const char *changed_at)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\": 2, \"recheck_days\": 90, \"profiles\": [{\"id\": \"me\", \"name\": \"Me\", "
    "\"region\": \"EU\", \"region_confirmed\": true, \"platforms\": [%s], \"records\": ["
    "{\"platform\": \"linkedin\", \"action\": \"turn-off-training\", \"state\": \"%s\", "
    "\"changed_at\": \"%s\", \"revision\": 2}], \"requests\": []}]}", platforms, state, changed_at);
  JsonNode *node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return node;
}

static char *
document_text (UtSyncDocument *document)
{
  g_autoptr(JsonNode) node = ut_sync_document_to_json (document);

  return json_to_string (node, FALSE);
}

static char *
state_in (UtSyncDocument *document)
{
  g_autofree char *key = ut_sync_record_key ("me", "linkedin", "turn-off-training");
  const UtSyncVersion *version = ut_sync_document_lookup (document, key);

  g_assert_nonnull (version);
  return g_strdup (json_object_get_string_member (json_node_get_object (version->value), "state"));
}

#define T0 G_GINT64_CONSTANT (1796032800000)  /* 2026-11-30 10:00 UTC */

/* Three devices change the same record: whatever order they merge in, all end the same, with the
 * latest change winning and the two others in the history. */
static void
test_document_merge_converges (void)
{
  g_autoptr(UtSyncDocument) a = ut_sync_document_new ("a");
  g_autoptr(UtSyncDocument) b = ut_sync_document_new ("b");
  g_autoptr(UtSyncDocument) c = ut_sync_document_new ("c");
  g_autoptr(JsonNode) pa = progress_with ("\"linkedin\"", "done", "2026-11-30T10:01:00Z");
  g_autoptr(JsonNode) pb = progress_with ("\"linkedin\"", "skipped", "2026-11-30T10:03:00Z");
  g_autoptr(JsonNode) pc = progress_with ("\"linkedin\", \"chatgpt\"", "not-applicable", "2026-11-30T10:02:00Z");
  UtSyncDocument *docs[] = { a, b, c };
  char *texts[6];
  guint orders[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };

  g_assert_cmpuint (ut_sync_document_record_local (a, pa, NULL, T0, FALSE), >, 0);
  g_assert_cmpuint (ut_sync_document_record_local (b, pb, NULL, T0, FALSE), >, 0);
  g_assert_cmpuint (ut_sync_document_record_local (c, pc, NULL, T0, FALSE), >, 0);
  /* Nothing changed since: nothing to stamp. */
  g_assert_cmpuint (ut_sync_document_record_local (a, pa, NULL, T0 + 1000, FALSE), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(UtSyncDocument) merged = ut_sync_document_new ("observer");
      g_autoptr(GPtrArray) history = NULL;
      g_autofree char *key = ut_sync_record_key ("me", "linkedin", "turn-off-training");
      g_autofree char *state = NULL;

      for (guint j = 0; j < 3; j++)
        ut_sync_document_merge (merged, docs[orders[i][j]]);
      state = state_in (merged);
      g_assert_cmpstr (state, ==, "skipped");
      history = ut_sync_document_get_history (merged, key);
      g_assert_cmpuint (history->len, ==, 2);
      g_assert_cmpint (ut_hlc_compare (&((UtSyncVersion *) history->pdata[0])->stamp,
                                       &((UtSyncVersion *) history->pdata[1])->stamp), >, 0);
      g_assert_nonnull (ut_sync_document_lookup (merged, "profile/me/platform/chatgpt"));
      texts[i] = document_text (merged);
      /* The device id differs from the inputs', nothing else. */
      g_assert_nonnull (strstr (texts[i], "\"device\":\"observer\""));
    }
  for (guint i = 1; i < G_N_ELEMENTS (orders); i++)
    g_assert_cmpstr (texts[i], ==, texts[0]);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    g_free (texts[i]);
}

/* A platform removed is a tombstone that travels and wins over the older "used". */
static void
test_document_tombstones (void)
{
  g_autoptr(UtSyncDocument) a = ut_sync_document_new ("a");
  g_autoptr(UtSyncDocument) b = ut_sync_document_new ("b");
  g_autoptr(JsonNode) both = progress_with ("\"linkedin\", \"chatgpt\"", "done", "2026-11-30T10:01:00Z");
  g_autoptr(JsonNode) one = progress_with ("\"linkedin\"", "done", "2026-11-30T10:01:00Z");
  g_autoptr(JsonNode) progress = NULL;
  g_autofree char *text = NULL;
  const UtSyncVersion *version;

  ut_sync_document_record_local (a, both, NULL, T0, FALSE);
  ut_sync_document_merge (b, a);
  g_assert_cmpuint (ut_sync_document_record_local (a, one, NULL, T0 + 60000, FALSE), ==, 1);
  version = ut_sync_document_lookup (a, "profile/me/platform/chatgpt");
  g_assert_null (version->value);

  g_assert_cmpuint (ut_sync_document_merge (b, a), ==, 1);
  progress = ut_sync_document_to_progress (b);
  text = json_to_string (progress, FALSE);
  g_assert_null (strstr (text, "chatgpt"));
  g_assert_nonnull (strstr (text, "\"platforms\":[\"linkedin\"]"));
}

/* What a computer held before it joined loses to what was synced, unless it carries its own
 * time; and a history keeps only the newest versions. */
static void
test_document_joining_and_history (void)
{
  g_autoptr(UtSyncDocument) first = ut_sync_document_new ("first");
  g_autoptr(UtSyncDocument) joining = ut_sync_document_new ("joining");
  g_autoptr(JsonNode) chosen = progress_with ("\"linkedin\"", "done", "2026-11-30T10:01:00Z");
  g_autoptr(JsonNode) guessed = progress_with ("", "skipped", "2026-11-30T11:00:00Z");
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *state = NULL;
  const UtSyncVersion *about;

  json_object_set_string_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (guessed), "profiles"), 0), "region", "US");
  ut_sync_document_record_local (first, chosen, NULL, T0, FALSE);
  ut_sync_document_record_local (joining, guessed, NULL, T0 + 3600000, TRUE);
  ut_sync_document_merge (joining, first);
  about = ut_sync_document_lookup (joining, "profile/me");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (about->value), "region"), ==, "EU");
  /* The record says it was made at 11:00, after the first computer's 10:01: it wins. */
  state = state_in (joining);
  g_assert_cmpstr (state, ==, "skipped");

  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-11-30T12:%02u:00Z", i);
      g_autoptr(JsonNode) next = progress_with ("\"linkedin\"", i % 2 ? "done" : "todo", at);

      ut_sync_document_record_local (first, next, NULL, T0, FALSE);
    }
  {
    g_autofree char *key = ut_sync_record_key ("me", "linkedin", "turn-off-training");

    history = ut_sync_document_get_history (first, key);
  }
  g_assert_cmpuint (history->len, ==, UT_SYNC_HISTORY_LENGTH);
}

/* Which identities a computer has is its own: another computer's list never removes them, and
 * a keyring that could not be read removes nothing. */
static void
test_document_identities (void)
{
  g_autoptr(UtSyncDocument) a = ut_sync_document_new ("a");
  g_autoptr(UtSyncDocument) b = ut_sync_document_new ("b");
  g_autoptr(JsonNode) progress = progress_with ("\"linkedin\", \"chatgpt\"", "done", "2026-11-30T10:01:00Z");
  const char *on_a[] = { "me/linkedin", "me/chatgpt", "dad/reddit", NULL };
  const char *on_b[] = { "me/chatgpt", NULL };
  const char *none[] = { NULL };
  g_auto(GStrv) elsewhere = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) unread = NULL;
  g_auto(GStrv) removed = NULL;

  ut_sync_document_record_local (a, progress, on_a, T0, FALSE);
  ut_sync_document_record_local (b, progress, on_b, T0, FALSE);
  ut_sync_document_merge (b, a);
  ut_sync_document_merge (a, b);
  elsewhere = ut_sync_document_list_identities_elsewhere (b, "me");
  g_assert_cmpstrv (elsewhere, ((const char *[]) { "linkedin", NULL }));
  after = ut_sync_document_list_identities_elsewhere (a, "me");
  g_assert_cmpstrv (after, none);

  /* b's keyring could not be read: its own presence stays. */
  g_assert_cmpuint (ut_sync_document_record_local (b, progress, NULL, T0 + 1000, FALSE), ==, 0);
  ut_sync_document_merge (a, b);
  unread = ut_sync_document_list_identities_elsewhere (a, "dad");
  g_assert_cmpstrv (unread, none);

  /* a removes its identity of linkedin: b no longer sees it. */
  ut_sync_document_record_local (a, progress, (const char *[]) { "me/chatgpt", NULL }, T0 + 2000, FALSE);
  ut_sync_document_merge (b, a);
  removed = ut_sync_document_list_identities_elsewhere (b, "me");
  g_assert_cmpstrv (removed, none);
}

/* A document from a newer Untrain, or one that is not a document, is refused. */
static void
test_document_refused (void)
{
  const char *invalid[] = {
    "[]", "{\"format\": 1}", "{\"format\": 1, \"device\": \"\", \"elements\": {}}",
    "{\"format\": 1, \"device\": \"a\", \"elements\": {\"k\": {\"stamp\": \"x\", \"device\": \"a\"}}}",
    "{\"format\": 1, \"device\": \"a\", \"elements\": {\"k\": {\"stamp\": \"1.0\"}}}",
    ("{\"format\": 1, \"device\": \"a\", \"elements\": {\"k\": {\"stamp\": \"1.0\", \"device\": \"a\", "
     "\"history\": [7]}}}"),
  };
  g_autoptr(JsonNode) future = json_from_string ("{\"format\": 2, \"device\": \"a\", \"elements\": {}}", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (ut_sync_document_from_json (future, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (invalid[i], NULL);

      g_assert_null (ut_sync_document_from_json (node, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }
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
  g_test_add_func ("/sync/document/merge-converges", test_document_merge_converges);
  g_test_add_func ("/sync/document/tombstones", test_document_tombstones);
  g_test_add_func ("/sync/document/joining-and-history", test_document_joining_and_history);
  g_test_add_func ("/sync/document/identities", test_document_identities);
  g_test_add_func ("/sync/document/refused", test_document_refused);

  return g_test_run ();
}
