/* ut-accounts-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-accounts-page.h"
#include "ut-identity-row.h"

/* Preferences → Accounts: the account identity of every platform the profile uses. */
struct _UtAccountsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *elsewhere_group;

  UtCatalog           *catalog;
};

G_DEFINE_FINAL_TYPE (UtAccountsPage, ut_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ut_accounts_page_dispose (GObject *object)
{
  g_clear_object (&UT_ACCOUNTS_PAGE (object)->catalog);

  G_OBJECT_CLASS (ut_accounts_page_parent_class)->dispose (object);
}

static void
ut_accounts_page_class_init (UtAccountsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ut_accounts_page_dispose;

  /**
   * UtAccountsPage::message:
   * @message: what was saved or copied, or why it could not be, for a toast
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UtAccountsPage, group);
  gtk_widget_class_bind_template_child (widget_class, UtAccountsPage, elsewhere_group);
}

static void
ut_accounts_page_init (UtAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
row_message_cb (UtIdentityRow  *row,
                const char     *message,
                UtAccountsPage *self)
{
  /* A keyring that cannot be used says so once, where the rows are; what was saved or copied
   * goes to the window's toasts, as in the guide. */
  if (ut_identity_row_is_unavailable (row))
    adw_preferences_group_set_description (self->group, message);
  else
    g_signal_emit (self, signals[MESSAGE], 0, message);
}

UtAccountsPage *
ut_accounts_page_new (UtCatalog       *catalog,
                      UtIdentityStore *store,
                      UtProfile       *profile)
{
  UtAccountsPage *self;
  const char * const *ids;
  guint n = 0;

  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_IDENTITY_STORE (store), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);

  self = g_object_new (UT_TYPE_ACCOUNTS_PAGE, NULL);
  self->catalog = g_object_ref (catalog);
  ids = ut_profile_get_platforms (profile);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      UtPlatform *platform = ut_catalog_lookup (catalog, ids[i]);
      UtIdentityRow *row;

      if (platform == NULL)
        continue;

      row = ut_identity_row_new (store, profile, platform, ut_platform_get_short_name (platform));
      g_signal_connect_object (row, "message", G_CALLBACK (row_message_cb), self, 0);
      adw_preferences_group_add (self->group, GTK_WIDGET (row));
      n++;
    }

  if (n == 0)
    adw_preferences_group_set_description (self->group, _("Choose the platforms you use first; their accounts are listed here."));

  return self;
}

/**
 * ut_accounts_page_show_saved_elsewhere:
 * @platform_ids: the platforms whose account identity is saved on another computer and not here
 *
 * Sync tells which identities exist elsewhere, never what they are: the page says which to type
 * here too.
 */
void
ut_accounts_page_show_saved_elsewhere (UtAccountsPage     *self,
                                       const char * const *platform_ids)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *description = NULL;

  g_return_if_fail (UT_IS_ACCOUNTS_PAGE (self));

  for (guint i = 0; platform_ids != NULL && platform_ids[i] != NULL; i++)
    {
      UtPlatform *platform = ut_catalog_lookup (self->catalog, platform_ids[i]);

      if (platform == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between the names of platforms in a list */
        g_string_append (names, _(", "));
      g_string_append (names, ut_platform_get_short_name (platform));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->elsewhere_group), names->len > 0);
  if (names->len == 0)
    return;
  /* Translators: %s is a list of platforms, such as "LinkedIn, Reddit" */
  description = g_strdup_printf (_("You saved your account on %s on another computer, not on this one. Type it above "
                                   "to use it in this computer’s forms: Untrain never copies accounts between "
                                   "computers, it only syncs that they exist."), names->str);
  adw_preferences_group_set_description (self->elsewhere_group, description);
}
