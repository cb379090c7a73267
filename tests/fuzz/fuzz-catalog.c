/* fuzz-catalog.c — loading a catalog bundle, as an update delivers it
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-catalog"

#include "config.h"

#include "ut-catalog.h"
#include "ut-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(UtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  ut_fuzz_init ();

  catalog = ut_catalog_new_from_bytes (bytes, "fuzz.json", &error);
  if (catalog == NULL)
    {
      /* The reason is shown to the user in a dialog. */
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  /* A catalog that loaded is used at once: every platform must be there under its own id. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      g_assert (ut_catalog_lookup (catalog, ut_platform_get_id (platform)) == platform);
    }

  return 0;
}
