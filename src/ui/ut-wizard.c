/* ut-wizard.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-identity-row.h"
#include "ut-objection-card.h"
#include "ut-source-link.h"
#include "ut-util.h"
#include "ut-wizard.h"
#include "ut-wizard-private.h"

/* Where "Report a Problem with This Guide" goes. */
#define UT_ISSUE_TRACKER_NEW "https://github.com/untrain/Untrain/issues/new"

/* A platform's guide: what it trains on, what the user's region offers, then each action as a
 * numbered step. It says what changed in the guide; it never claims to know the real setting.
 * The page is ut-wizard.ui; only the steps and sources, which vary in number, are made here. */
struct _UtWizard
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *scroller;
  GtkLabel            *name_label;
  GtkLabel            *owner_label;
  GtkLabel            *reviewed_label;
  GtkWidget           *changes_card;
  GtkLabel            *changes_label;
  GtkLabel            *trains_heading;
  GtkLabel            *trains_label;
  GtkLabel            *region_heading;
  GtkLabel            *region_label;
  AdwPreferencesGroup *account_group;
  GtkLabel            *caveat_label;
  GtkWidget           *nothing_section;
  GtkWidget           *steps_heading;
  GtkBox              *steps_box;
  GtkWidget           *note_section;
  GtkLabel            *note_label;
  GtkBox              *sources_box;
  UtObjectionCard     *objection_card;

  UtIdentityRow       *identity_row;      /* in account_group, for the platform shown */
  char                *account_description;

  /* Owned references */
  UtCatalog           *catalog;           /* nullable: for its version in reports */
  UtProgress          *progress;
  UtIdentityStore     *identities;
  UtProfile           *profile;
  UtPlatform          *platform;
  GPtrArray           *steps;             /* of UtActionStep, borrowed from steps_box */
  gulong               records_changed_id;
};

G_DEFINE_FINAL_TYPE (UtWizard, ut_wizard, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_offer (UtPlatform          *platform,
                const UtRegionOffer *offer,
                UtRegion             region)
{
  const char *name = ut_platform_get_short_name (platform);
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
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The steps and the account row report what went wrong, or what was copied or saved; the window
 * shows it. */
static void
step_message_cb (UtWizard   *self,
                 const char *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
objection_message_cb (UtWizard   *self,
                      const char *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
identity_message_cb (UtWizard      *self,
                     const char    *message,
                     UtIdentityRow *row)
{
  /* Saved or copied: a toast. A keyring that cannot be used: one sentence where the row is. */
  if (!ut_identity_row_is_unavailable (row))
    g_signal_emit (self, signals[MESSAGE], 0, message);
  else
    adw_preferences_group_set_description (self->account_group, message);
}

static void
show_account (UtWizard *self,
              gboolean  has_actions)
{
  g_autofree char *title = NULL;

  /* The previous guide's row may still hear from the keyring: it must not speak for this one. */
  if (self->identity_row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->identity_row, self);
      adw_preferences_group_remove (self->account_group, GTK_WIDGET (self->identity_row));
      self->identity_row = NULL;
    }
  adw_preferences_group_set_description (self->account_group, self->account_description);
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), has_actions);
  if (!has_actions)
    return;

  /* Translators: e.g. "Your e-mail or username on LinkedIn" */
  title = g_strdup_printf (_("Your e-mail or username on %s"), ut_platform_get_short_name (self->platform));
  self->identity_row = ut_identity_row_new (self->identities, self->profile, self->platform, title);
  g_signal_connect_object (self->identity_row, "message", G_CALLBACK (identity_message_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->account_group, GTK_WIDGET (self->identity_row));
}

/* The caveat speaks of what the steps can do, so a region with none shows only "Nothing, for
 * now", which already says that rules can change. */
static void
show_caveat (UtWizard            *self,
             const UtRegionOffer *offer)
{
  const char *caveat = offer->actions->len > 0 ? ut_offer_status_get_caveat (offer->status) : NULL;

  gtk_label_set_label (self->caveat_label, caveat != NULL ? caveat : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caveat_label), caveat != NULL);
}

static void
show_steps (UtWizard            *self,
            const UtRegionOffer *offer)
{
  gboolean has_actions = offer->actions->len > 0;

  remove_children (self->steps_box);
  g_ptr_array_set_size (self->steps, 0);
  gtk_widget_set_visible (self->nothing_section, !has_actions);
  gtk_widget_set_visible (self->steps_heading, has_actions);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), has_actions);

  for (guint i = 0; i < offer->actions->len; i++)
    {
      UtActionStep *step = ut_action_step_new (self->progress, self->profile, self->platform,
                                               g_ptr_array_index (offer->actions, i), i + 1);

      g_signal_connect_object (step, "message", G_CALLBACK (step_message_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->steps_box, GTK_WIDGET (step));
      g_ptr_array_add (self->steps, step);
    }
}

static void
show_sources (UtWizard *self)
{
  guint n = ut_platform_get_n_sources (self->platform);

  ut_objection_card_show (self->objection_card, self->progress, self->identities, self->profile, self->platform);
  remove_children (self->sources_box);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->sources_box, ut_source_link_new (ut_platform_get_source (self->platform, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->sources_box), n > 0);
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
  const char *owner;
  const char *note;

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

  region = ut_profile_get_region (profile);
  offer = ut_platform_get_offer (platform, region);

  gtk_label_set_label (self->name_label, ut_platform_get_name (platform));
  owner = ut_platform_get_owner (platform);
  gtk_label_set_label (self->owner_label, owner != NULL ? owner : "");
  gtk_widget_set_visible (GTK_WIDGET (self->owner_label), owner != NULL);
  {
    g_autofree char *reviewed_date = ut_format_iso_date (ut_platform_get_reviewed (platform));
    /* Translators: e.g. "Last checked against its sources on 30 November 2026" */
    g_autofree char *reviewed = g_strdup_printf (_("Last checked against its sources on %s"), reviewed_date);

    gtk_label_set_label (self->reviewed_label, reviewed);
  }

  trains_heading = g_strdup_printf (_("What %s trains on"), ut_platform_get_short_name (platform));
  gtk_label_set_label (self->trains_heading, trains_heading);
  gtk_label_set_label (self->trains_label, ut_platform_get_data_used (platform));

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
  gtk_label_set_label (self->region_heading, region_heading);
  gtk_label_set_label (self->region_label, region_text->str);

  show_account (self, offer->actions->len > 0);
  show_caveat (self, offer);
  show_steps (self, offer);

  note = ut_platform_get_note (platform);
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->note_section, note != NULL);

  show_sources (self);
  update_changes (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

UtWizard *
ut_wizard_new (UtCatalog *catalog)
{
  g_return_val_if_fail (catalog == NULL || UT_IS_CATALOG (catalog), NULL);
  return g_object_new (UT_TYPE_WIZARD, "catalog", catalog, NULL);
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
  return gtk_widget_get_visible (self->changes_card);
}

/* The first step still to do, and its number in the guide, from 1. */
static UtActionStep *
first_open_step (UtWizard *self,
                 guint    *number)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (ut_action_step_is_open (g_ptr_array_index (self->steps, i)))
      {
        if (number != NULL)
          *number = i + 1;
        return g_ptr_array_index (self->steps, i);
      }
  return NULL;
}

static void
emit_message (UtWizard   *self,
              const char *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

/* Ctrl+D: the step marked may be below the fold, so the guide scrolls to it and says which one
 * it was. */
static gboolean
scroll_to_step_idle (gpointer data)
{
  GtkWidget *step = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (step, GTK_TYPE_SCROLLED_WINDOW);

  if (scroller != NULL)
    ut_scroll_to_widget (GTK_SCROLLED_WINDOW (scroller), step);
  return G_SOURCE_REMOVE;
}

/* Scrolls once the step has its new layout and focus has settled: marking a step hides the
 * focused button, and the scrolled window would otherwise follow the focus back up. */
static void
scroll_to_step (UtActionStep *step)
{
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_step_idle, g_object_ref (step), g_object_unref);
}

static void
mark_first_done_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UtWizard *self = UT_WIZARD (widget);
  guint number = 0;
  UtActionStep *step = first_open_step (self, &number);
  g_autofree char *message = NULL;

  if (step == NULL)
    {
      emit_message (self, self->steps->len > 0 ? _("Every step of this guide is already marked.")
                                               : _("This guide has no steps to mark."));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (step), "step.confirm", NULL);
  if (ut_action_step_is_open (step))
    return;  /* it could not be saved, and the step said why */

  scroll_to_step (step);
  /* Translators: after Ctrl+D, e.g. "Step 2 marked as done: Turn off Data for Generative AI
   * Improvement" */
  message = g_strdup_printf (_("Step %u marked as done: %s"), number,
                             ut_action_get_title (ut_action_step_get_action (step)));
  emit_message (self, message);
}

/* Ctrl+L: opens the first open step's link, or says why nothing opens. */
static void
open_first_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UtWizard *self = UT_WIZARD (widget);
  guint number = 0;
  UtActionStep *step = first_open_step (self, &number);
  g_autofree char *message = NULL;

  if (step == NULL)
    {
      emit_message (self, self->steps->len > 0 ? _("Every step of this guide is marked: there is no open step to link to.")
                                               : _("This guide has no steps, so there is no link to open."));
      return;
    }

  if (ut_action_get_url (ut_action_step_get_action (step)) == NULL)
    {
      ut_scroll_to_widget (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (step));
      /* Translators: after Ctrl+L, e.g. "Step 1 has no link: follow its instructions on the
       * platform." */
      message = g_strdup_printf (_("Step %u has no link: follow its instructions on the platform."), number);
      emit_message (self, message);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (step), "step.open", NULL);
}

/**
 * _ut_wizard_build_report:
 * @fallback_text: (out) (optional): the same report as plain text, with the tracker's address,
 *   for where no browser can open the link
 *
 * A new issue about the guide shown: its platform, revision and region and the versions of
 * Untrain and its catalog. Nothing personal: no profile name, no account, no progress.
 *
 * Returns: (transfer full): the address of the new issue, with its title and body filled in
 */
char *
_ut_wizard_build_report (UtWizard  *self,
                         char     **fallback_text)
{
  g_autofree char *title = NULL;
  g_autofree char *catalog_version = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_body = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  const char *region;

  g_return_val_if_fail (UT_IS_WIZARD (self), NULL);
  g_return_val_if_fail (self->platform != NULL, NULL);

  region = ut_region_to_code (ut_profile_get_region (self->profile));
  catalog_version = self->catalog != NULL ?
                    g_strdup_printf ("%" G_GINT64_FORMAT, ut_catalog_get_version (self->catalog)) :
                    g_strdup ("unknown");

  /* The title and the fields are for the people who keep the catalog, in the tracker's language,
   * so they are not translated; the question is for the person writing. */
  title = g_strdup_printf ("Guide for %s (%s, revision %u, region %s)",
                          ut_platform_get_name (self->platform), ut_platform_get_id (self->platform),
                          ut_platform_get_revision (self->platform), region);
  g_string_append_printf (body, "Platform: %s (%s)\n", ut_platform_get_name (self->platform),
                          ut_platform_get_id (self->platform));
  g_string_append_printf (body, "Guide revision: %u\n", ut_platform_get_revision (self->platform));
  g_string_append_printf (body, "Region: %s\n", region);
  g_string_append_printf (body, "Untrain version: %s\n", PACKAGE_VERSION);
  g_string_append_printf (body, "Catalog version: %s\n\n", catalog_version);
  g_string_append (body, _("What is wrong or out of date, and where did you see it (which step, which page of the platform)?"));
  g_string_append (body, "\n\n");

  if (fallback_text != NULL)
    *fallback_text = g_strdup_printf ("%s\n\n%s\n\n%s", UT_ISSUE_TRACKER_NEW, title, body->str);

  escaped_title = g_uri_escape_string (title, NULL, FALSE);
  escaped_body = g_uri_escape_string (body->str, NULL, FALSE);
  return g_strdup_printf ("%s?title=%s&body=%s", UT_ISSUE_TRACKER_NEW, escaped_title, escaped_body);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtWizard *self = UT_WIZARD (widget);
  g_autofree char *fallback_text = NULL;
  g_autofree char *uri = NULL;

  if (self->platform == NULL)
    return;

  uri = _ut_wizard_build_report (self, &fallback_text);
  ut_show_uri_full (widget, uri, fallback_text);
}

/* A guide opened from the list starts at its first useful control: the first step still to do,
 * else the first step with a control, else the first source. The default would focus the first
 * focusable child, a selectable label, which selects all its text. Where there is no control,
 * nothing takes the focus. */
static gboolean
ut_wizard_grab_focus (GtkWidget *widget)
{
  UtWizard *self = UT_WIZARD (widget);
  UtActionStep *step = first_open_step (self, NULL);
  GtkWidget *source;

  if (step != NULL && ut_action_step_focus_main (step))
    return TRUE;

  for (guint i = 0; i < self->steps->len; i++)
    if (ut_action_step_focus_main (g_ptr_array_index (self->steps, i)))
      return TRUE;

  source = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box));
  return source != NULL && gtk_widget_grab_focus (source);
}

static void
ut_wizard_dispose (GObject *object)
{
  UtWizard *self = (UtWizard *) object;

  g_clear_signal_handler (&self->records_changed_id, self->progress);
  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_WIZARD);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_object (&self->profile);
  g_clear_object (&self->platform);

  G_OBJECT_CLASS (ut_wizard_parent_class)->dispose (object);
}

static void
ut_wizard_finalize (GObject *object)
{
  UtWizard *self = (UtWizard *) object;

  g_free (self->account_description);

  G_OBJECT_CLASS (ut_wizard_parent_class)->finalize (object);
}

static void
ut_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UtWizard *self = UT_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_wizard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UtWizard *self = UT_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_set_object (&self->catalog, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_wizard_class_init (UtWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_wizard_dispose;
  object_class->finalize = ut_wizard_finalize;
  object_class->get_property = ut_wizard_get_property;
  object_class->set_property = ut_wizard_set_property;

  /**
   * UtWizard:catalog:
   *
   * The catalog the guides come from; a report about a guide names its version.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UtWizard::message:
   * @message: a sentence for the user: what was copied or saved, or why something was not
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->grab_focus = ut_wizard_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, UtWizard, scroller);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, name_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, owner_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, changes_card);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, changes_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, trains_heading);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, trains_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, region_heading);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, region_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, account_group);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, caveat_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, nothing_section);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, steps_box);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, note_section);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, note_label);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, sources_box);
  gtk_widget_class_bind_template_child (widget_class, UtWizard, objection_card);
  gtk_widget_class_bind_template_callback (widget_class, objection_message_cb);

  gtk_widget_class_install_action (widget_class, "wizard.mark-first-done", NULL, mark_first_done_action);
  gtk_widget_class_install_action (widget_class, "wizard.open-first", NULL, open_first_action);
  gtk_widget_class_install_action (widget_class, "wizard.report", NULL, report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "wizard.mark-first-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "wizard.open-first", NULL);
}

static void
ut_wizard_init (UtWizard *self)
{
  self->steps = g_ptr_array_new ();
  g_type_ensure (UT_TYPE_OBJECTION_CARD);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's; a keyring that cannot be used replaces it until the next guide. */
  self->account_description = g_strdup (adw_preferences_group_get_description (self->account_group));
}
