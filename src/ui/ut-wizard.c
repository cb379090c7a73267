/* ut-wizard.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-identity-row.h"
#include "ut-source-link.h"
#include "ut-util.h"
#include "ut-window.h"
#include "ut-wizard.h"

/* A platform's guide: what it trains on, what the user's region offers, then each action as a
 * numbered step. It says what changed in the guide; it never claims to know the real setting. */
struct _UtWizard
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *scroller;
  GtkBox     *content;

  /* Owned references */
  UtProgress *progress;
  UtIdentityStore *identities;
  UtProfile  *profile;
  UtPlatform *platform;
  GPtrArray  *steps;          /* of UtActionStep, borrowed from the content box */
  GtkWidget  *changes_card;
  GtkLabel   *changes_label;
  gulong      records_changed_id;
};

G_DEFINE_FINAL_TYPE (UtWizard, ut_wizard, GTK_TYPE_WIDGET)

static GtkWidget *
add_label (UtWizard   *self,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content, label);

  return label;
}

static GtkWidget *
add_section (UtWizard   *self,
             const char *heading,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_box_append (self->content, box);

  return body;
}

static char *
describe_offer (UtPlatform          *platform,
                const UtRegionOffer *offer,
                UtRegion             region)
{
  const char *name = ut_platform_get_name (platform);
  const char *where = ut_region_get_location (region);

  /* Translators: in these, the second %s is a place such as "in Switzerland" */
  switch (offer->status)
    {
    case UT_OFFER_OPT_OUT:
      return g_strdup_printf (_("%s has a setting that stops this for people %s."), name, where);
    case UT_OFFER_OBJECT:
      return g_strdup_printf (_("%s offers no setting for people %s: the only way to stop this is to object with a form or a request."), name, where);
    case UT_OFFER_NO_OPT_OUT:
      return g_strdup_printf (_("Nothing stops %s from training on your data %s. The steps below only reduce what it can use."), name, where);
    case UT_OFFER_NOT_TRAINED:
      return g_strdup_printf (_("%s says it does not train on data from people %s."), name, where);
    case UT_OFFER_OPT_IN:
      return g_strdup_printf (_("%s does not use your data for this %s unless you agree. Check that it is still off."), name, where);
    case UT_OFFER_SITE_OWNER_ONLY:
      return g_strdup_printf (_("%s has no setting for your own data %s. If you run a site, blog or publication on it, the steps below ask AI crawlers to stay away from it."), name, where);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_changes (UtWizard *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint oldest = ut_progress_get_finished_revision (self->progress, self->profile, self->platform);

  if (oldest > 0)
    {
      g_string_append (text, _("This guide changed after you finished it. Untrain cannot see your account, so look at the marked steps again and confirm each one. What changed:"));
      for (guint i = 0; i < ut_platform_get_n_changes (self->platform); i++)
        {
          const UtChange *change = ut_platform_get_change (self->platform, i);
          g_autofree char *date = NULL;

          if (change->revision <= oldest)
            continue;
          date = ut_format_iso_date (change->date);
          g_string_append_printf (text, "\n• %s: %s", date, change->summary);
        }
    }

  gtk_label_set_label (self->changes_label, text->str);
  gtk_widget_set_visible (self->changes_card, oldest > 0);
}

static void
records_changed_cb (UtWizard   *self,
                    UtProfile  *profile,
                    const char *platform_id)
{
  if (self->platform != NULL && profile == self->profile)
    update_changes (self);
}

static void
clear_content (UtWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_ptr_array_set_size (self->steps, 0);
  self->changes_card = NULL;
  self->changes_label = NULL;
}

static void
build_changes_card (UtWizard *self)
{
  GtkWidget *title = gtk_label_new (_("Changed since you finished"));

  self->changes_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->changes_card, "changed-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  self->changes_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->changes_label, 0);
  gtk_label_set_wrap (self->changes_label, TRUE);
  gtk_box_append (GTK_BOX (self->changes_card), title);
  gtk_box_append (GTK_BOX (self->changes_card), GTK_WIDGET (self->changes_label));
  gtk_box_append (self->content, self->changes_card);
}

static void
build_sources (UtWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_("All Sources"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = 0; i < ut_platform_get_n_sources (self->platform); i++)
    gtk_box_append (GTK_BOX (box), ut_source_link_new (ut_platform_get_source (self->platform, i)));

  gtk_box_append (self->content, box);
}

static void
identity_message_cb (UtIdentityRow       *row,
                     const char          *message,
                     AdwPreferencesGroup *group)
{
  /* Saved or copied: a toast. A keyring that cannot be used: one sentence where the row is. */
  if (!ut_identity_row_is_unavailable (row))
    ut_window_add_toast (GTK_WIDGET (row), message);
  else
    adw_preferences_group_set_description (group, message);
}

static void
build_account_group (UtWizard *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  UtIdentityRow *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Account"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Forms often ask which account is yours. Saved in your system keyring only."));
  /* Translators: e.g. "Your e-mail or username on LinkedIn" */
  title = g_strdup_printf (_("Your e-mail or username on %s"), ut_platform_get_name (self->platform));
  row = ut_identity_row_new (self->identities, self->profile, self->platform, title);
  g_signal_connect_object (row, "message", G_CALLBACK (identity_message_cb), group, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  gtk_box_append (self->content, group);
}

void
ut_wizard_show (UtWizard        *self,
                UtProgress      *progress,
                UtIdentityStore *identities,
                UtProfile       *profile,
                UtPlatform      *platform)
{
  const UtRegionOffer *offer;
  UtRegion region;
  g_autofree char *trains_heading = NULL;
  g_autofree char *region_heading = NULL;
  g_autoptr(GString) region_text = NULL;
  GtkWidget *header;

  g_return_if_fail (UT_IS_WIZARD (self));
  g_return_if_fail (UT_IS_PROGRESS (progress));
  g_return_if_fail (UT_IS_PROFILE (profile));
  g_return_if_fail (UT_IS_PLATFORM (platform));

  if (self->progress != progress)
    {
      g_clear_signal_handler (&self->records_changed_id, self->progress);
      g_set_object (&self->progress, progress);
      self->records_changed_id = g_signal_connect_object (progress, "records-changed",
                                                          G_CALLBACK (records_changed_cb), self,
                                                          G_CONNECT_SWAPPED);
    }
  g_set_object (&self->identities, identities);
  g_set_object (&self->profile, profile);
  g_set_object (&self->platform, platform);

  clear_content (self);
  region = ut_profile_get_region (profile);
  offer = ut_platform_get_offer (platform, region);

  header = add_label (self, ut_platform_get_name (platform), "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  if (ut_platform_get_owner (platform) != NULL)
    add_label (self, ut_platform_get_owner (platform), "dim-label");
  {
    g_autofree char *reviewed_date = ut_format_iso_date (ut_platform_get_reviewed (platform));
    /* Translators: e.g. "Last checked against its sources on 30 November 2026" */
    g_autofree char *reviewed = g_strdup_printf (_("Last checked against its sources on %s"), reviewed_date);

    add_label (self, reviewed, "dim-label");
  }

  build_changes_card (self);

  trains_heading = g_strdup_printf (_("What %s trains on"), ut_platform_get_name (platform));
  add_section (self, trains_heading, ut_platform_get_data_used (platform));

  /* Translators: a heading, e.g. "Your region: Switzerland" */
  region_heading = g_strdup_printf (_("Your region: %s"), ut_region_get_display_name (region));
  region_text = g_string_new (NULL);
  {
    g_autofree char *description = describe_offer (platform, offer, region);

    g_string_append (region_text, description);
  }
  if (offer->since != NULL)
    {
      g_autofree char *since = ut_format_iso_date (offer->since);

      g_string_append_c (region_text, ' ');
      /* Translators: appended to what a region offers, e.g. "Since 3 November 2025." */
      g_string_append_printf (region_text, _("Since %s."), since);
    }
  if (offer->note != NULL)
    g_string_append_printf (region_text, "\n\n%s", offer->note);
  add_section (self, region_heading, region_text->str);

  if (offer->actions->len > 0)
    build_account_group (self);

  add_label (self, _("Opting out only stops future use. It does not remove your data from AI models that were already trained."),
             "caveat");

  if (offer->actions->len == 0)
    add_section (self, _("What to do"), _("Nothing, for now. If the platform changes its rules, an updated guide will tell you."));
  else
    {
      GtkWidget *heading = add_label (self, _("What to do"), "title-3");

      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      for (guint i = 0; i < offer->actions->len; i++)
        {
          UtActionStep *step = ut_action_step_new (progress, profile, platform,
                                                   g_ptr_array_index (offer->actions, i), i + 1);

          gtk_box_append (self->content, GTK_WIDGET (step));
          g_ptr_array_add (self->steps, step);
        }
    }

  if (ut_platform_get_note (platform) != NULL)
    add_section (self, _("Good to know"), ut_platform_get_note (platform));

  build_sources (self);
  update_changes (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

UtPlatform *
ut_wizard_get_platform (UtWizard *self)
{
  g_return_val_if_fail (UT_IS_WIZARD (self), NULL);
  return self->platform;
}

UtActionStep *
ut_wizard_lookup_step (UtWizard   *self,
                       const char *action_id)
{
  g_return_val_if_fail (UT_IS_WIZARD (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      UtActionStep *step = g_ptr_array_index (self->steps, i);

      if (g_str_equal (ut_action_get_id (ut_action_step_get_action (step)), action_id))
        return step;
    }

  return NULL;
}

gboolean
ut_wizard_shows_changes (UtWizard *self)
{
  g_return_val_if_fail (UT_IS_WIZARD (self), FALSE);
  return self->changes_card != NULL && gtk_widget_get_visible (self->changes_card);
}

static UtActionStep *
first_open_step (UtWizard *self)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (ut_action_step_is_open (g_ptr_array_index (self->steps, i)))
      return g_ptr_array_index (self->steps, i);
  return NULL;
}

static void
mark_first_done_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UtActionStep *step = first_open_step (UT_WIZARD (widget));

  if (step != NULL)
    gtk_widget_activate_action (GTK_WIDGET (step), "step.confirm", NULL);
}

static void
open_first_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UtActionStep *step = first_open_step (UT_WIZARD (widget));

  if (step != NULL)
    gtk_widget_activate_action (GTK_WIDGET (step), "step.open", NULL);
}

static void
ut_wizard_dispose (GObject *object)
{
  UtWizard *self = (UtWizard *) object;

  g_clear_signal_handler (&self->records_changed_id, self->progress);
  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_WIZARD);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_object (&self->profile);
  g_clear_object (&self->platform);

  G_OBJECT_CLASS (ut_wizard_parent_class)->dispose (object);
}

static void
ut_wizard_class_init (UtWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_wizard_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, UtWizard, scroller);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, content);

  gtk_widget_class_install_action (widget_class, "wizard.mark-first-done", NULL, mark_first_done_action);
  gtk_widget_class_install_action (widget_class, "wizard.open-first", NULL, open_first_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "wizard.mark-first-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "wizard.open-first", NULL);
}

static void
ut_wizard_init (UtWizard *self)
{
  self->steps = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
