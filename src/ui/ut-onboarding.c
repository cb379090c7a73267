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
#include "ut-platform-chooser.h"

/* First start: welcome, region, platforms. Also reused, platforms page only, for "Add or Remove
 * Platforms…". It only collects choices; the window hands them to UtProgress. Back (and Escape,
 * which the window turns into onboarding.back) goes one page back; from the first page it cancels
 * when there is somewhere to return to. */

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
  UtPlatformChooser *chooser;

  /* Owned references */
  GtkCheckButton *region_checks[UT_N_REGIONS];
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
update_buttons (UtOnboarding *self)
{
  guint n = ut_platform_chooser_get_n_selected (self->chooser);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);

  adw_window_title_set_subtitle (self->platforms_title, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->finish_button), n > 0);
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

  self->edit_only = edit_only;

  gtk_check_button_set_active (self->region_checks[region], TRUE);
  /* The chooser builds rows only for what is on screen, so this is cheap at any catalog size. */
  ut_platform_chooser_set_catalog (self->chooser, catalog, selected);

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
  gtk_widget_grab_focus (edit_only ? GTK_WIDGET (self->chooser) : self->start_button);
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
  g_return_val_if_fail (UT_IS_ONBOARDING (self), NULL);
  return ut_platform_chooser_dup_selected (self->chooser);
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
      gtk_stack_set_visible_child_name (self->stack, "platforms");
      gtk_widget_grab_focus (GTK_WIDGET (self->chooser));
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

/* Escape in the chooser's empty search field goes back like Escape elsewhere. */
static void
chooser_leave_cb (UtOnboarding *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "onboarding.back", NULL);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtOnboarding *self = UT_ONBOARDING (widget);

  if (ut_platform_chooser_get_n_selected (self->chooser) > 0)
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

  g_variant_get (parameter, "(&sb)", &id, &selected);
  ut_platform_chooser_set_selected (self->chooser, id, selected);
}

static void
select_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ut_platform_chooser_toggle_category (UT_ONBOARDING (widget)->chooser, g_variant_get_string (parameter, NULL));
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
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_header);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, region_group);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_back_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, platforms_title);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, finish_button);
  gtk_widget_class_bind_template_child (widget_class, UtOnboarding, chooser);
  gtk_widget_class_bind_template_callback (widget_class, update_buttons);
  gtk_widget_class_bind_template_callback (widget_class, chooser_leave_cb);
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

  g_type_ensure (UT_TYPE_PLATFORM_CHOOSER);
  gtk_widget_init_template (GTK_WIDGET (self));

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
