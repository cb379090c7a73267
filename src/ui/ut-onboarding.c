/* ut-onboarding.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-onboarding"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ut-onboarding.h"

/* First start: welcome, region, platforms. Also reused, platforms page only, for "Add or Remove
 * Platforms…". It only collects choices; the window hands them to UtProgress. Back (and Escape,
 * which the window turns into onboarding.back) goes one page back; from the first page it cancels
 * when there is somewhere to return to. */

typedef struct
{
  const char          *category;
  AdwPreferencesGroup *group;
  GtkButton           *select_all;
  GPtrArray           *rows;     /* of AdwActionRow, borrowed */
} CategoryGroup;

struct _UtOnboarding
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkWidget     *welcome_cancel_button;
  GtkMenuButton *menu_button;
  GtkWidget     *start_button;
  AdwPreferencesGroup *region_group;
  AdwHeaderBar  *platforms_header;
  GtkWidget     *platforms_back_button;
  AdwWindowTitle *platforms_title;
  GtkButton     *finish_button;
  GtkBox        *platforms_box;
  GtkSearchEntry *search_entry;
  GtkWidget     *no_match_label;
  GtkScrolledWindow *platforms_scroller;

  /* Owned references */
  UtCatalog     *catalog;
  GtkCheckButton *region_checks[UT_N_REGIONS];
  GArray        *groups;          /* of CategoryGroup */
  GHashTable    *checks;          /* platform id → GtkCheckButton (borrowed) */
  char         **pending_selected; /* until the platforms page is first built */
  gboolean       groups_built;
  gboolean       edit_only;
  gboolean       can_cancel;
};

G_DEFINE_FINAL_TYPE (UtOnboarding, ut_onboarding, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_group (CategoryGroup *group)
{
  g_clear_pointer (&group->rows, g_ptr_array_unref);
}

static guint
count_selected (UtOnboarding *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += gtk_check_button_get_active (value);

  return n;
}

static gboolean
group_all_selected (CategoryGroup *group)
{
  for (guint i = 0; i < group->rows->len; i++)
    if (!gtk_check_button_get_active (g_object_get_data (g_ptr_array_index (group->rows, i), "check")))
      return FALSE;
  return TRUE;
}

static void
update_buttons (UtOnboarding *self)
{
  guint n = count_selected (self);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    {
      CategoryGroup *group = &g_array_index (self->groups, CategoryGroup, i);
      g_autofree char *label = NULL;

      gtk_button_set_label (group->select_all, group_all_selected (group) ? _("Select None") : _("Select All"));
      /* Translators: accessible name of a category's "Select All" button, e.g. "Select all in Social networks" */
      label = g_strdup_printf (group_all_selected (group) ? _("Select none in %s") : _("Select all in %s"),
                               ut_category_get_display_name (group->category));
      gtk_accessible_update_property (GTK_ACCESSIBLE (group->select_all), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  subtitle = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
  adw_window_title_set_subtitle (self->platforms_title, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->finish_button), n > 0);
}

static void
check_toggled_cb (UtOnboarding *self)
{
  update_buttons (self);
}

static void
select_category (UtOnboarding *self,
                 const char   *category)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      CategoryGroup *group = &g_array_index (self->groups, CategoryGroup, i);
      gboolean select;

      if (!g_str_equal (group->category, category))
        continue;

      select = !group_all_selected (group);
      for (guint j = 0; j < group->rows->len; j++)
        gtk_check_button_set_active (g_object_get_data (g_ptr_array_index (group->rows, j), "check"), select);
    }
}

static void
select_all_clicked_cb (GtkButton    *button,
                       UtOnboarding *self)
{
  select_category (self, g_object_get_data (G_OBJECT (button), "category"));
}

static void
search_changed_cb (UtOnboarding   *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gboolean any = FALSE;

  for (guint i = 0; i < self->groups->len; i++)
    {
      CategoryGroup *group = &g_array_index (self->groups, CategoryGroup, i);
      gboolean group_visible = FALSE;

      for (guint j = 0; j < group->rows->len; j++)
        {
          GtkWidget *row = g_ptr_array_index (group->rows, j);
          g_autofree char *name = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
          gboolean visible = strstr (name, needle) != NULL;

          gtk_widget_set_visible (row, visible);
          group_visible |= visible;
        }
      /* The bulk button would act on hidden rows too, so it is only offered unfiltered. */
      gtk_widget_set_visible (GTK_WIDGET (group->select_all), *needle == '\0');
      gtk_widget_set_visible (GTK_WIDGET (group->group), group_visible);
      any |= group_visible;
    }

  gtk_widget_set_visible (self->no_match_label, !any);
}

static CategoryGroup *
ensure_group (UtOnboarding *self,
              const char   *category)
{
  CategoryGroup group = { category, NULL, NULL, NULL };

  for (guint i = 0; i < self->groups->len; i++)
    if (g_str_equal (g_array_index (self->groups, CategoryGroup, i).category, category))
      return &g_array_index (self->groups, CategoryGroup, i);

  group.group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  {
    g_autofree char *title = g_markup_escape_text (ut_category_get_display_name (category), -1);

    adw_preferences_group_set_title (group.group, title);
  }
  group.select_all = GTK_BUTTON (gtk_button_new_with_label (_("Select All")));
  gtk_widget_set_valign (GTK_WIDGET (group.select_all), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (group.select_all), "flat");
  g_object_set_data (G_OBJECT (group.select_all), "category", (gpointer) category);
  g_signal_connect (group.select_all, "clicked", G_CALLBACK (select_all_clicked_cb), self);
  adw_preferences_group_set_header_suffix (group.group, GTK_WIDGET (group.select_all));
  group.rows = g_ptr_array_new ();
  g_array_append_val (self->groups, group);

  return &g_array_index (self->groups, CategoryGroup, self->groups->len - 1);
}

static void
remove_groups (UtOnboarding *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->platforms_box, GTK_WIDGET (g_array_index (self->groups, CategoryGroup, i).group));
  g_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->checks);
}

static void
build_platform_groups (UtOnboarding       *self,
                       const char * const *selected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));

  /* Groups follow the vocabulary's order, so related categories stay together. */
  for (guint c = 0; ut_category_names[c] != NULL; c++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);
          CategoryGroup *group;
          GtkWidget *row, *check;

          if (!g_str_equal (ut_platform_get_category (platform), ut_category_names[c]))
            continue;

          group = ensure_group (self, ut_category_names[c]);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ut_platform_get_name (platform));
          if (ut_platform_get_owner (platform) != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ut_platform_get_owner (platform));

          check = gtk_check_button_new ();
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       selected != NULL && g_strv_contains (selected, ut_platform_get_id (platform)));
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_object_set_data (G_OBJECT (row), "check", check);

          g_hash_table_insert (self->checks, g_strdup (ut_platform_get_id (platform)), check);
          adw_preferences_group_add (group->group, row);
          g_ptr_array_add (group->rows, row);
        }
    }

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_append (self->platforms_box, GTK_WIDGET (g_array_index (self->groups, CategoryGroup, i).group));
}

/* The platforms page has a row for every platform in the catalog; it is built when first needed
 * so that the welcome page appears without waiting for it. */
static void
ensure_platform_groups (UtOnboarding *self)
{
  if (self->groups_built)
    return;

  build_platform_groups (self, (const char * const *) self->pending_selected);
  g_clear_pointer (&self->pending_selected, g_strfreev);
  self->groups_built = TRUE;
  update_buttons (self);
}

void
ut_onboarding_setup (UtOnboarding       *self,
                     UtCatalog          *catalog,
                     UtRegion            region,
                     const char * const *selected,
                     gboolean            edit_only)
{
  g_return_if_fail (UT_IS_ONBOARDING (self));
  g_return_if_fail (UT_IS_CATALOG (catalog));
  g_return_if_fail (region < UT_N_REGIONS);

  g_set_object (&self->catalog, catalog);
  self->edit_only = edit_only;

  gtk_check_button_set_active (self->region_checks[region], TRUE);
  remove_groups (self);
  self->groups_built = FALSE;
  g_strfreev (self->pending_selected);
  self->pending_selected = g_strdupv ((char **) selected);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (edit_only)
    ensure_platform_groups (self);

  /* Editing the list is a dialog: Cancel or Save, and Cancel stands for the window's close
   * button, which leaves room for both in a narrow window. Setting up goes back page by page. */
  if (edit_only)
    {
      gtk_button_set_label (GTK_BUTTON (self->platforms_back_button), _("_Cancel"));
      gtk_button_set_use_underline (GTK_BUTTON (self->platforms_back_button), TRUE);
      gtk_widget_set_tooltip_text (self->platforms_back_button, NULL);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->platforms_back_button), "go-previous-symbolic");
      gtk_widget_set_tooltip_text (self->platforms_back_button, _("Back"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->platforms_back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  edit_only ? _("Cancel") : _("Back"), -1);
  adw_header_bar_set_show_start_title_buttons (self->platforms_header, !edit_only);
  adw_header_bar_set_show_end_title_buttons (self->platforms_header, !edit_only);
  gtk_button_set_label (self->finish_button, edit_only ? _("_Save") : _("_Done"));
  gtk_button_set_use_underline (self->finish_button, TRUE);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child_name (self->stack, edit_only ? "platforms" : "welcome");
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  /* The window says whether setting up can cancel. */
  ut_onboarding_set_can_cancel (self, edit_only);

  /* The list starts at its top, with the search field ready. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->platforms_scroller), 0.0);
  gtk_widget_grab_focus (edit_only ? GTK_WIDGET (self->search_entry) : self->start_button);
}

/**
 * ut_onboarding_set_can_cancel:
 *
 * Whether the first page offers Cancel, which emits #UtOnboarding::cancelled: when another
 * profile is set up to go back to. Editing the platforms of a set-up profile can always cancel.
 */
void
ut_onboarding_set_can_cancel (UtOnboarding *self,
                              gboolean      can_cancel)
{
  g_return_if_fail (UT_IS_ONBOARDING (self));

  self->can_cancel = !!can_cancel;
  gtk_widget_set_visible (self->welcome_cancel_button, self->can_cancel && !self->edit_only);
}

gboolean
ut_onboarding_get_can_cancel (UtOnboarding *self)
{
  g_return_val_if_fail (UT_IS_ONBOARDING (self), FALSE);
  return self->can_cancel;
}

/**
 * ut_onboarding_set_menu_model:
 * @model: (nullable): the window's main menu
 *
 * Setting up a profile still reaches Preferences, Import Backup and About through the menu.
 */
void
ut_onboarding_set_menu_model (UtOnboarding *self,
                              GMenuModel   *model)
{
  g_return_if_fail (UT_IS_ONBOARDING (self));
  g_return_if_fail (model == NULL || G_IS_MENU_MODEL (model));

  gtk_menu_button_set_menu_model (self->menu_button, model);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), model != NULL);
}

/* The name of the page shown: "welcome", "region" or "platforms". */
const char *
ut_onboarding_get_page (UtOnboarding *self)
{
  g_return_val_if_fail (UT_IS_ONBOARDING (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

UtRegion
ut_onboarding_get_region (UtOnboarding *self)
{
  g_return_val_if_fail (UT_IS_ONBOARDING (self), UT_REGION_OTHER);

  for (guint i = 0; i < UT_N_REGIONS; i++)
    if (gtk_check_button_get_active (self->region_checks[i]))
      return (UtRegion) i;

  return UT_REGION_OTHER;
}

char **
ut_onboarding_dup_selected (UtOnboarding *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (UT_IS_ONBOARDING (self), NULL);

  ensure_platform_groups (self);
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (value))
      g_strv_builder_add (builder, key);

  return g_strv_builder_end (builder);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtOnboarding *self = UT_ONBOARDING (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "welcome"))
    gtk_stack_set_visible_child_name (self->stack, "region");
  else if (g_str_equal (page, "region"))
    {
      ensure_platform_groups (self);
      gtk_stack_set_visible_child_name (self->stack, "platforms");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtOnboarding *self = UT_ONBOARDING (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "platforms") && !self->edit_only)
    gtk_stack_set_visible_child_name (self->stack, "region");
  else if (g_str_equal (page, "region"))
    gtk_stack_set_visible_child_name (self->stack, "welcome");
  else if (self->can_cancel)
    g_signal_emit (self, signals[CANCELLED], 0);
}

/* Escape in the search field clears it; when it is empty, Escape goes back like elsewhere. */
static void
stop_search_cb (UtOnboarding   *self,
                GtkSearchEntry *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "onboarding.back", NULL);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtOnboarding *self = UT_ONBOARDING (widget);

  ensure_platform_groups (self);
  if (count_selected (self) > 0)
    g_signal_emit (self, signals[FINISHED], 0);
}

static void
select_region_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UtOnboarding *self = UT_ONBOARDING (widget);
  UtRegion region;

  if (ut_region_from_code (g_variant_get_string (parameter, NULL), &region))
    gtk_check_button_set_active (self->region_checks[region], TRUE);
}

static void
select_platform_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UtOnboarding *self = UT_ONBOARDING (widget);
  const char *id;
  gboolean selected;
  GtkCheckButton *check;

  g_variant_get (parameter, "(&sb)", &id, &selected);
  ensure_platform_groups (self);
  if ((check = g_hash_table_lookup (self->checks, id)) != NULL)
    gtk_check_button_set_active (check, selected);
}

static void
select_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ensure_platform_groups (UT_ONBOARDING (widget));
  select_category (UT_ONBOARDING (widget), g_variant_get_string (parameter, NULL));
}

#define APP_ICON_PATH RESOURCE_BASE "/icons/%s/apps/" APP_ID ".%s"

/* The app icon from the resources, not the icon theme: the app does not add its resources to the
 * theme at start-up (see ut_application_new()). At scale 1 the 128-pixel PNG is what the page
 * shows, and it spares loading the SVG renderer on first start. */
static void
update_welcome_icon (AdwStatusPage *page)
{
  g_autoptr(GdkPaintable) icon = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (page));

  if (scale == 1)
    {
      g_autofree char *path = g_strdup_printf (APP_ICON_PATH, "128x128", "png");

      icon = GDK_PAINTABLE (gdk_texture_new_from_resource (path));
    }
  else
    {
      g_autofree char *uri = g_strdup_printf ("resource://" APP_ICON_PATH, "scalable", "svg");
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      icon = GDK_PAINTABLE (gtk_icon_paintable_new_for_file (file, 128, scale));
    }

  adw_status_page_set_paintable (page, icon);
}

static void
ut_onboarding_dispose (GObject *object)
{
  UtOnboarding *self = (UtOnboarding *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_ONBOARDING);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->pending_selected, g_strfreev);

  G_OBJECT_CLASS (ut_onboarding_parent_class)->dispose (object);
}

static void
ut_onboarding_class_init (UtOnboardingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_onboarding_dispose;

  /**
   * UtOnboarding::finished:
   *
   * The user chose a region and at least one platform.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * UtOnboarding::cancelled:
   *
   * The user went back from the first page: nothing they chose is to be kept.
   */
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-onboarding.ui");
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, stack);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, welcome_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, start_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_scroller);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_header);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, region_group);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_back_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_title);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, finish_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_box);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_welcome_icon);

  gtk_widget_class_install_action (widget_class, "onboarding.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "onboarding.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "onboarding.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "onboarding.select-region", "s", select_region_action);
  gtk_widget_class_install_action (widget_class, "onboarding.select-platform", "(sb)", select_platform_action);
  gtk_widget_class_install_action (widget_class, "onboarding.select-category", "s", select_category_action);
}

static void
ut_onboarding_init (UtOnboarding *self)
{
  GtkCheckButton *first = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_array_new (FALSE, TRUE, sizeof (CategoryGroup));
  g_array_set_clear_func (self->groups, (GDestroyNotify) clear_group);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < UT_N_REGIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ut_region_get_display_name ((UtRegion) i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      /* The row labels its check button for screen readers. */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->region_group, row);
      self->region_checks[i] = GTK_CHECK_BUTTON (check);
    }
}
