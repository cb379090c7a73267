/* ut-catalog-store.c — the catalog update installed on disk, and which catalog wins at start
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ut-catalog-store.h"
#include "ut-json.h"
#include "ut-signature.h"

G_DEFINE_QUARK (ut-catalog-update-error-quark, ut_catalog_update_error)

char *
ut_catalog_get_installed_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "untrain", "catalog", NULL);
}

/**
 * ut_catalog_verify_signature:
 * @bundle: the exact bytes of a catalog bundle
 * @signature: a decoded signature
 *
 * Checks @signature against each public key compiled into the program.
 *
 * Returns: %TRUE if one of them signed @bundle; otherwise %FALSE with
 *   %UT_SIGNATURE_ERROR_MISMATCH
 */
gboolean
ut_catalog_verify_signature (GBytes  *bundle,
                             GBytes  *signature,
                             GError **error)
{
  const guint8 * const *keys = ut_signature_get_trusted_keys ();

  g_return_val_if_fail (bundle != NULL, FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GBytes) key = g_bytes_new_static (keys[i], UT_SIGNATURE_PUBLIC_KEY_SIZE);

      if (ut_signature_verify (key, bundle, signature, NULL))
        return TRUE;
    }

  g_set_error_literal (error, UT_SIGNATURE_ERROR, UT_SIGNATURE_ERROR_MISMATCH,
                       _("The signature does not match any key Untrain trusts."));
  return FALSE;
}

/**
 * ut_catalog_load_installed:
 * @directory: (nullable): where updates are installed; %NULL for the default
 *
 * Loads an installed catalog update after checking its signature and validating it.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with %G_IO_ERROR_NOT_FOUND if
 *   nothing is installed, or with a %UT_CATALOG_UPDATE_ERROR whose message says why the update
 *   cannot be used
 */
UtCatalog *
ut_catalog_load_installed (const char  *directory,
                           GError     **error)
{
  g_autofree char *default_directory = NULL;
  g_autofree char *bundle_path = NULL;
  g_autofree char *signature_path = NULL;
  g_autofree char *signature_text = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) local_error = NULL;
  UtCatalog *catalog;
  gsize length;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (directory == NULL)
    directory = default_directory = ut_catalog_get_installed_directory ();
  bundle_path = g_build_filename (directory, UT_CATALOG_INSTALLED_BUNDLE, NULL);
  signature_path = g_build_filename (directory, UT_CATALOG_INSTALLED_SIGNATURE, NULL);

  /* An update was at most UT_CATALOG_UPDATER_DEFAULT_MAX_SIZE when it was installed; anything
   * much larger was put there by something else. */
  if ((bundle = ut_read_file_limited (bundle_path, UT_CATALOG_MAX_SIZE, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("No catalog update is installed in %s."), directory);
      else
        g_set_error (error, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_UNREADABLE,
                     _("The catalog update in %s cannot be read (%s), so the catalog that came "
                       "with Untrain is used. Check for updates to install it again."),
                     directory, local_error->message);
      return NULL;
    }

  if (!g_file_get_contents (signature_path, &signature_text, &length, &local_error))
    {
      g_set_error (error, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_NO_SIGNATURE,
                   _("The catalog update in %s has no readable signature (%s), so the catalog "
                     "that came with Untrain is used. Check for updates to install it again."),
                   directory, local_error->message);
      return NULL;
    }

  if ((signature = ut_signature_decode (UT_SIGNATURE_KIND_SIGNATURE, signature_text,
                                        (gssize) length, NULL)) == NULL ||
      !ut_catalog_verify_signature (bundle, signature, NULL))
    {
      g_set_error (error, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_BAD_SIGNATURE,
                   _("The catalog update in %s does not match its signature: it was changed or "
                     "only partly written, so the catalog that came with Untrain is used. Check "
                     "for updates to install it again."),
                   directory);
      return NULL;
    }

  if ((catalog = ut_catalog_new_from_bytes (bundle, bundle_path, &local_error)) == NULL &&
      g_error_matches (local_error, UT_CATALOG_ERROR, UT_CATALOG_ERROR_OLDER_FORMAT))
    {
      /* Superseded by the catalog built into this newer Untrain: not worth a warning. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", local_error->message);
      return NULL;
    }
  else if (catalog == NULL)
    {
      /* Signed but invalid: signed by a newer Untrain's rules, most likely. */
      g_set_error (error, UT_CATALOG_UPDATE_ERROR, UT_CATALOG_UPDATE_ERROR_INVALID,
                   _("The catalog update in %s cannot be used (%s), so the catalog that came with "
                     "Untrain is used."),
                   directory, local_error->message);
      return NULL;
    }

  return catalog;
}

/**
 * ut_catalog_load_newest:
 * @directory: (nullable): where updates are installed; %NULL for the default
 * @warning: (nullable): set when an installed update exists but cannot be used; the catalog
 *   returned is then the bundled one, and the message says so
 * @error: set when no catalog at all could be loaded
 *
 * Loads the bundled catalog and the installed update, if any, and returns the one with the higher
 * version: an update is kept until Untrain itself ships a newer catalog.
 *
 * Returns: (transfer full) (nullable): the catalog to use
 */
UtCatalog *
ut_catalog_load_newest (const char  *directory,
                        GError     **warning,
                        GError     **error)
{
  g_autoptr(UtCatalog) installed = NULL;
  g_autoptr(UtCatalog) bundled = NULL;
  g_autoptr(GError) installed_error = NULL;

  g_return_val_if_fail (warning == NULL || *warning == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  installed = ut_catalog_load_installed (directory, &installed_error);
  if (installed == NULL && !g_error_matches (installed_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (warning, g_steal_pointer (&installed_error));

  bundled = ut_catalog_load_bundled (installed != NULL ? NULL : error);
  if (bundled == NULL || (installed != NULL &&
                          ut_catalog_get_version (installed) > ut_catalog_get_version (bundled)))
    return g_steal_pointer (&installed);

  return g_steal_pointer (&bundled);
}
