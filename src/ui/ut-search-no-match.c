/* ut-search-no-match.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-search-no-match"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-search-no-match.h"

/* What the platform list shows when a search matches none of the profile's platforms: the
 * catalog's platforms that do match, each with an Add button, since a person searching for a
 * service usually wants it. Adding is the window's job: this page emits UtSearchNoMatch::add. */

struct _UtSearchNoMatch
{
  GtkWidget      parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkListBox    *addable_list;
};

G_DEFINE_FINAL_TYPE (UtSearchNoMatch, ut_search_no_match, GTK_TYPE_WIDGET)

enum {
  ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_clicked_cb (UtSearchNoMatch *self,
                GtkButton       *button)
{
  g_signal_emit (self, signals[ADD], 0, g_object_get_data (G_OBJECT (button), "platform-id"));
}

static GtkWidget *
addable_row_new (UtSearchNoMatch *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "button", button);

  return row;
}

/* Rows are kept from one keystroke to the next and given the next matches: making and styling
 * a dozen rows at every keystroke was most of its cost. */
static void
addable_row_show (GtkWidget  *row,
                  UtPlatform *platform)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "button");
  const char *owner = ut_platform_get_owner (platform);
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ut_platform_get_name (platform));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), owner != NULL ? owner : "");
  /* Translators: the accessible name and tooltip of a button that adds a platform to the
   * profile, e.g. "Add Reddit" */
  label = g_strdup_printf (_("Add %s"), ut_platform_get_name (platform));
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "platform-id", g_strdup (ut_platform_get_id (platform)), g_free);
}

/**
 * ut_search_no_match_update:
 * @needle: what the user searched for
 *
 * Offers the platforms of @catalog that match @needle and @profile does not use yet, and says
 * what was searched for; rows for the first %UT_SEARCH_NO_MATCH_MAX_ROWS only. Returns: how many
 * match.
 */
guint
ut_search_no_match_update (UtSearchNoMatch *self,
                           UtCatalog       *catalog,
                           UtProfile       *profile,
                           const char      *needle)
{
  g_autofree char *folded = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint n = 0;

  g_return_val_if_fail (UT_IS_SEARCH_NO_MATCH (self), 0);
  g_return_val_if_fail (UT_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (needle != NULL, 0);

  folded = g_utf8_casefold (needle, -1);
  child = gtk_widget_get_first_child (GTK_WIDGET (self->addable_list));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (!ut_platform_matches_search (platform, folded) ||
          (profile != NULL && ut_profile_uses_platform (profile, ut_platform_get_id (platform))))
        continue;
      /* A short search matches much of a large catalog: rows for the first few keep typing quick,
       * and the sentence asks for more letters. */
      if (n < UT_SEARCH_NO_MATCH_MAX_ROWS)
        {
          if (child == NULL)
            gtk_list_box_append (self->addable_list, (child = addable_row_new (self)));
          addable_row_show (child, platform);
          child = gtk_widget_get_next_sibling (child);
        }
      n++;
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_list_box_remove (self->addable_list, child);
      child = next;
    }

  if (n > UT_SEARCH_NO_MATCH_MAX_ROWS)
    /* Translators: %s is what the user searched for; %u how many catalog platforms match it */
    description = g_strdup_printf (ngettext ("None of your platforms matches “%s”. %u platform in the catalog does; here are the first ones. Type more to narrow the search, or add one to your platforms.",
                                             "None of your platforms matches “%s”. %u platforms in the catalog do; here are the first ones. Type more to narrow the search, or add one to your platforms.",
                                             n),
                                   needle, n);
  else if (n > 0)
    /* Translators: %s is what the user searched for */
    description = g_strdup_printf (ngettext ("None of your platforms matches “%s”. This one is in the catalog; add it to your platforms?",
                                             "None of your platforms matches “%s”. These are in the catalog; add them to your platforms?",
                                             n),
                                   needle);
  else
    /* Translators: %s is what the user searched for */
    description = g_strdup_printf (_("No platform in the catalog matches “%s”."), needle);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->addable_list), n > 0);

  return n;
}

GtkListBox *
ut_search_no_match_get_list (UtSearchNoMatch *self)
{
  g_return_val_if_fail (UT_IS_SEARCH_NO_MATCH (self), NULL);
  return self->addable_list;
}

const char *
ut_search_no_match_get_description (UtSearchNoMatch *self)
{
  g_return_val_if_fail (UT_IS_SEARCH_NO_MATCH (self), NULL);
  return adw_status_page_get_description (self->status_page);
}

static void
ut_search_no_match_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UT_TYPE_SEARCH_NO_MATCH);

  G_OBJECT_CLASS (ut_search_no_match_parent_class)->dispose (object);
}

static void
ut_search_no_match_class_init (UtSearchNoMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_search_no_match_dispose;

  /**
   * UtSearchNoMatch::add:
   * @platform_id: the platform to add to the profile
   *
   * The user chose to add a platform the search found in the catalog.
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                               G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-search-no-match.ui");
  gtk_widget_class_bind_template_child (widget_class, UtSearchNoMatch, status_page);
  gtk_widget_class_bind_template_child (widget_class, UtSearchNoMatch, addable_list);
}

static void
ut_search_no_match_init (UtSearchNoMatch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
