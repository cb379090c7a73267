/* ut-preferences-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-accounts-page.h"
#include "ut-compat.h"
#include "ut-legal.h"
#include "ut-preferences-window-private.h"
#include "ut-profile-row.h"
#include "ut-sync-page.h"

/* Profiles, the active profile's region and the re-check interval, catalog updates, then the
 * Accounts page (keyring identities) and the Sync page. Every change goes straight to UtProgress,
 * which saves it; there is no Apply button. The pages switch in the header bar when the window is
 * wide and at its bottom when it is narrow. */

struct _UtPreferencesWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwViewStack    *pages;
  GtkListBox      *profiles_list;
  AdwEntryRow     *new_profile_row;
  GtkWidget       *add_button;
  AdwComboRow     *region_row;
  GtkSpinButton   *recheck_spin;
  GtkLabel        *days_label;
  GtkSwitch       *automatic_switch;
  AdwEntryRow     *catalog_url_row;
  AdwActionRow    *last_check_row;
  GSettings       *settings;
  AdwComboRow     *regulator_row;
  GPtrArray       *regulator_ids;  /* of char*, one per row of regulator_row; "" for none */

  /* Owned references */
  UtCatalog       *catalog;
  UtProgress      *progress;
  UtIdentityStore *identities;
  UtProfile       *active;
  UtProfile       *deleting;   /* waiting for the user to confirm */
  UtAccountsPage  *accounts_page;

  gboolean         syncing;    /* showing the stored value, not a user's change */
};

G_DEFINE_FINAL_TYPE (UtPreferencesWindow, ut_preferences_window, ADW_TYPE_WINDOW)

static void catalog_url_apply_cb (UtPreferencesWindow *self);

static void
show_message (UtPreferencesWindow *self,
              const char          *message)
{
  g_autofree char *title = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

static void
show_error (UtPreferencesWindow *self,
            const GError        *error)
{
  show_message (self, error->message);
}

static void
identities_deleted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(UtPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ut_identity_store_delete_finish (UT_IDENTITY_STORE (source), result, &error))
    show_error (self, error);
}

static void
delete_confirmed_cb (gpointer user_data)
{
  UtPreferencesWindow *self = user_data;
  g_autoptr(UtProfile) profile = g_steal_pointer (&self->deleting);
  g_autoptr(GError) error = NULL;

  if (profile == NULL)
    return;

  if (!ut_progress_remove_profile (self->progress, profile, &error))
    {
      show_error (self, error);
      return;
    }

  /* The profile's account names go with it; nothing of it stays in the keyring. */
  ut_identity_store_delete_async (self->identities, ut_profile_get_id (profile), NULL, NULL,
                                  identities_deleted_cb, g_object_ref (self));
}

/* Asks first; delete_confirmed_cb() does it. */
void
_ut_preferences_window_ask_delete (UtPreferencesWindow *self,
                                   UtProfile           *profile)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), ut_profile_get_name (profile));

  g_set_object (&self->deleting, profile);
  ut_confirm (GTK_WIDGET (self), heading,
              _("Its progress and the account names saved for it in your keyring will be deleted. This cannot be undone."),
              _("_Delete"), delete_confirmed_cb, self);
}

static void
profile_row_delete_cb (UtPreferencesWindow *self,
                       UtProfileRow        *row)
{
  _ut_preferences_window_ask_delete (self, ut_profile_row_get_profile (row));
}

static GtkWidget *
create_profile_row (gpointer item,
                    gpointer user_data)
{
  UtPreferencesWindow *self = user_data;
  UtProfileRow *row = ut_profile_row_new (self->progress, item);

  g_signal_connect_object (row, "message", G_CALLBACK (show_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "delete-requested", G_CALLBACK (profile_row_delete_cb), self, G_CONNECT_SWAPPED);
  ut_profile_row_set_is_last (row, g_list_model_get_n_items (ut_progress_get_profiles (self->progress)) <= 1);
  ut_profile_row_set_active (row, item == self->active);

  return GTK_WIDGET (row);
}

static void
sync_region (UtPreferencesWindow *self)
{
  /* Translators: the title of the region row in Preferences; the region is its subtitle */
  g_autofree char *title = g_strdup_printf (_("Region of the profile “%s”"),
                                            ut_profile_get_name (self->active));

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->region_row, ut_profile_get_region (self->active));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->region_row), title);
  self->syncing = FALSE;
}

static void
set_active (UtPreferencesWindow *self,
            UtProfile           *profile)
{
  GtkListBoxRow *row;

  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  g_set_object (&self->active, profile);
  g_signal_connect_object (profile, "notify", G_CALLBACK (sync_region), self, G_CONNECT_SWAPPED);
  sync_region (self);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->profiles_list, i)) != NULL; i++)
    ut_profile_row_set_active (UT_PROFILE_ROW (row),
                               ut_profile_row_get_profile (UT_PROFILE_ROW (row)) == profile);
}

static void
profiles_changed_cb (UtPreferencesWindow *self,
                     guint                position,
                     guint                removed,
                     guint                added,
                     GListModel          *profiles)
{
  guint n = g_list_model_get_n_items (profiles);
  UtProfile *shown;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->profiles_list, i)) != NULL; i++)
    ut_profile_row_set_is_last (UT_PROFILE_ROW (row), n <= 1);

  /* The same rule as the main window, so that both show the same profile as the active one. */
  shown = ut_progress_get_fallback_profile (self->progress, self->active);
  if (shown != self->active)
    set_active (self, shown);
}

static void
new_profile_changed_cb (UtPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_profile_row));

  gtk_widget_set_sensitive (self->add_button, *text != '\0');
}

static void
add_profile_cb (UtPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_profile_row));
  g_autofree char *name = g_strstrip (g_strdup (text));

  if (ut_progress_add_profile (self->progress, name, ut_profile_get_region (self->active), &error) == NULL)
    show_error (self, error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->new_profile_row), "");
}

static void
region_selected_cb (UtPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (self->syncing || selected >= UT_N_REGIONS)
    return;

  if (!ut_progress_set_region (self->progress, self->active, (UtRegion) selected, &error))
    {
      show_error (self, error);
      sync_region (self);
    }
}

static void
sync_recheck_days (UtPreferencesWindow *self)
{
  int days;

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->recheck_spin, ut_progress_get_default_recheck_days (self->progress));
  self->syncing = FALSE;

  days = gtk_spin_button_get_value_as_int (self->recheck_spin);
  /* Translators: follows the number in "Look again after [180] days" */
  gtk_label_set_label (self->days_label, ngettext ("day", "days", days));
}

static void
recheck_changed_cb (UtPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int days = gtk_spin_button_get_value_as_int (self->recheck_spin);

  if (self->syncing)
    return;

  if (!ut_progress_set_default_recheck_days (self->progress, days, &error))
    show_error (self, error);
  sync_recheck_days (self);
}

static void
ut_preferences_window_dispose (GObject *object)
{
  UtPreferencesWindow *self = (UtPreferencesWindow *) object;

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (ut_progress_get_profiles (self->progress), self);
  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  if (self->profiles_list != NULL)
    gtk_list_box_bind_model (self->profiles_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->deleting);
  g_clear_object (&self->active);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->regulator_ids, g_ptr_array_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ut_preferences_window_parent_class)->dispose (object);
}

static void
ut_preferences_window_class_init (UtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, profiles_list);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, new_profile_row);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, regulator_row);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, recheck_spin);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, days_label);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, catalog_url_row);
  gtk_widget_class_bind_template_child (widget_class, UtPreferencesWindow, last_check_row);
  gtk_widget_class_bind_template_callback (widget_class, catalog_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_profile_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_profile_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ut_preferences_window_init (UtPreferencesWindow *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < UT_N_REGIONS; i++)
    gtk_string_list_append (regions, ut_region_get_display_name ((UtRegion) i));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));

}

static void
regulator_selected_cb (UtPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->regulator_row);

  if (selected < self->regulator_ids->len)
    g_settings_set_string (self->settings, "regulator", g_ptr_array_index (self->regulator_ids, selected));
}

/* Every authority in Untrain's directory, by country; "Not chosen" first. */
static void
fill_regulators (UtPreferencesWindow *self)
{
  g_autoptr(UtLegal) legal = ut_legal_load_bundled (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "regulator");
  guint selected = 0;

  self->regulator_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Not chosen"));
  g_ptr_array_add (self->regulator_ids, g_strdup (""));
  for (guint i = 0; legal != NULL && i < ut_legal_get_n_regulators (legal); i++)
    {
      const UtRegulator *regulator = ut_legal_get_regulator (legal, i);
      g_autofree char *name = g_strdup_printf ("%s — %s", regulator->land != NULL ? regulator->land : regulator->country,
                                               regulator->name);

      if (g_str_equal (regulator->id, current))
        selected = self->regulator_ids->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->regulator_ids, g_strdup (regulator->id));
    }
  adw_combo_row_set_model (self->regulator_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->regulator_row, selected);
  g_signal_connect_object (self->regulator_row, "notify::selected", G_CALLBACK (regulator_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
update_last_check (UtPreferencesWindow *self)
{
  gint64 when = g_settings_get_int64 (self->settings, "last-catalog-check");
  g_autofree char *result = g_settings_get_string (self->settings, "last-catalog-check-result");
  g_autofree char *subtitle = NULL;

  if (when == 0)
    subtitle = g_strdup (_("Never"));
  else
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);
      g_autofree char *date = g_date_time_format (time, "%x %X");

      /* Translators: e.g. "29/11/26 07:30:00 — The catalog is up to date (version 2026112901)." */
      subtitle = g_strdup_printf (_("%s — %s"), date, result);
    }
  adw_action_row_set_subtitle (self->last_check_row, subtitle);
}

/* Only https addresses are saved: the updater would refuse anything else, and saying so here is
 * kinder than a failed check later. */
static void
catalog_url_apply_cb (UtPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->catalog_url_row))));

  if (*url != '\0' && !g_str_has_prefix (url, "https://"))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                     _("The catalog address must start with https://"));

      show_error (self, error);
      return;
    }

  g_settings_set_string (self->settings, "catalog-url", url);
}

/**
 * ut_preferences_window_new:
 * @parent: (nullable): the window it is modal to
 * @active_profile: (nullable): whose region to show; %NULL for the first profile
 */
UtPreferencesWindow *
ut_preferences_window_new (GtkWindow       *parent,
                           UtCatalog       *catalog,
                           UtProgress      *progress,
                           UtIdentityStore *identities,
                           UtProfile       *active_profile)
{
  UtPreferencesWindow *self;
  GListModel *profiles;
  AdwViewStackPage *accounts;
  UtAccountsPage *accounts_page;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UT_IS_IDENTITY_STORE (identities), NULL);
  g_return_val_if_fail (active_profile == NULL || UT_IS_PROFILE (active_profile), NULL);

  self = g_object_new (UT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->catalog = g_object_ref (catalog);
  self->progress = g_object_ref (progress);
  self->identities = g_object_ref (identities);

  set_active (self, active_profile != NULL ? active_profile : ut_progress_get_default_profile (progress));

  profiles = ut_progress_get_profiles (progress);
  gtk_list_box_bind_model (self->profiles_list, profiles, create_profile_row, self, NULL);
  g_signal_connect_object (profiles, "items-changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);

  sync_recheck_days (self);
  g_signal_connect_object (self->region_row, "notify::selected",
                           G_CALLBACK (region_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recheck_spin, "value-changed",
                           G_CALLBACK (recheck_changed_cb), self, G_CONNECT_SWAPPED);

  accounts_page = ut_accounts_page_new (catalog, identities, self->active);
  self->accounts_page = accounts_page;
  g_signal_connect_object (accounts_page, "message", G_CALLBACK (show_message), self, G_CONNECT_SWAPPED);
  accounts = adw_view_stack_add_titled (self->pages, GTK_WIDGET (accounts_page), "accounts", _("Accounts"));
  adw_view_stack_page_set_icon_name (accounts, "system-users-symbolic");

  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind (self->settings, "automatic-catalog-checks", self->automatic_switch, "active", G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *url = g_settings_get_string (self->settings, "catalog-url");

    gtk_editable_set_text (GTK_EDITABLE (self->catalog_url_row), url);
  }
  fill_regulators (self);
  update_last_check (self);
  g_signal_connect_object (self->settings, "changed::last-catalog-check-result",
                           G_CALLBACK (update_last_check), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * ut_preferences_window_add_sync:
 *
 * Adds the Sync page, for @sync, and has the Accounts page say which account names were saved
 * on another computer.
 */
void
ut_preferences_window_add_sync (UtPreferencesWindow *self,
                                UtSync              *sync)
{
  g_auto(GStrv) elsewhere = NULL;
  AdwViewStackPage *page;

  g_return_if_fail (UT_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (UT_IS_SYNC (sync));

  page = adw_view_stack_add_titled (self->pages, GTK_WIDGET (ut_sync_page_new (sync)), "sync", _("Sync"));
  adw_view_stack_page_set_icon_name (page, "emblem-synchronizing-symbolic");
  elsewhere = ut_sync_list_identities_elsewhere (sync, ut_profile_get_id (self->active));
  ut_accounts_page_show_saved_elsewhere (self->accounts_page, (const char * const *) elsewhere);
}
