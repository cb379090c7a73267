/* ut-action-step.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-action-step"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-action-step.h"
#include "ut-catalog-schema.h"
#include "ut-compat.h"
#include "ut-source-link.h"
#include "ut-util.h"

/* One action of a guide: the clicks, the label to look for, the link, and what the user did. */
struct _UtActionStep
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *card;
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkBox     *steps_box;
  GtkLabel   *setting_label;
  GtkLabel   *note_label;
  GtkLabel   *info_label;
  GtkBox     *sources_box;
  GtkLabel   *review_label;
  GtkLabel   *status_label;
  GtkWidget  *open_button;
  GtkWidget  *done_button;
  GtkWidget  *confirm_button;
  GtkWidget  *skip_button;
  GtkWidget  *not_applicable_button;
  GtkWidget  *undo_button;
  GtkWidget  *proof_button;

  /* Owned references */
  GCancellable *cancellable;
  UtProgress *progress;
  UtProfile  *profile;
  UtPlatform *platform;
  UtAction   *action;
};

G_DEFINE_FINAL_TYPE (UtActionStep, ut_action_step, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_button_visible (GtkWidget *button,
                    gboolean   visible)
{
  /* Buttons sit in GtkFlowBoxChild wrappers, which would otherwise leave a gap. */
  gtk_widget_set_visible (gtk_widget_get_parent (button), visible);
}

static char *
format_time (GDateTime *time)
{
  return time != NULL ? ut_format_date (time) : g_strdup (_("an unknown date"));
}

void
ut_action_step_update (UtActionStep *self)
{
  const UtRecord *record;
  UtRecordFlags flags;
  UtActionState state;
  g_autofree char *status = NULL;
  g_autofree char *review = NULL;

  g_return_if_fail (UT_IS_ACTION_STEP (self));

  record = ut_profile_lookup_record (self->profile, ut_platform_get_id (self->platform),
                                     ut_action_get_id (self->action));
  flags = ut_progress_get_record_flags (self->progress, self->profile, self->platform, self->action);
  state = record != NULL ? record->state : UT_ACTION_STATE_TODO;

  switch (state)
    {
    case UT_ACTION_STATE_DONE:
      {
        g_autofree char *done = format_time (record->done_at);
        g_autofree char *verified = format_time (record->verified_at);

        gboolean again = record->verified_at != NULL && record->done_at != NULL &&
                         !g_date_time_equal (record->verified_at, record->done_at);

        /* A mitigation can be a habit ("Don't send anything to Meta AI") as well as a one-off
         * ("Delete your voice recordings"), and the catalog does not say which: neither "You
         * did this" nor "You keep to this" fits both. */
        if (ut_action_get_kind (self->action) == UT_ACTION_KIND_MITIGATION)
          status = again ? g_strdup_printf (_("Marked as done on %s and checked again on %s."), done, verified)
                         : g_strdup_printf (_("Marked as done on %s."), done);
        else if (again)
          status = g_strdup_printf (_("You did this on %s and checked it again on %s."), done, verified);
        else
          status = g_strdup_printf (_("You did this on %s."), done);
      }
      break;

    case UT_ACTION_STATE_SKIPPED:
      status = g_strdup (_("You skipped this step."));
      break;

    case UT_ACTION_STATE_NOT_APPLICABLE:
      status = g_strdup (_("You said this does not apply to your account."));
      break;

    case UT_ACTION_STATE_TODO:
    default:
      status = g_strdup (_("Not done yet."));
      break;
    }
  /* Proofs kept for the step follow what the person did. */
  if (record != NULL && record->proofs->len > 0)
    {
      g_autoptr(GString) with_proofs = g_string_new (status);

      for (guint i = 0; i < record->proofs->len; i++)
        {
          const UtProof *proof = &g_array_index (record->proofs, UtProof, i);

          g_string_append_c (with_proofs, '\n');
          /* Translators: a file kept as proof of a step, e.g. "Proof: screenshot.png, added 2026-11-30" */
          g_string_append_printf (with_proofs, _("Proof: %s, added %s"), proof->name, proof->added);
        }
      g_free (status);
      status = g_string_free (g_steal_pointer (&with_proofs), FALSE);
    }
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (self->proof_button, state == UT_ACTION_STATE_DONE);

  if (flags & UT_RECORD_FLAGS_NEEDS_REVIEW)
    {
      review = g_strdup (_("Changed since you finished: this guide was updated after you did this step. Look at the steps again, then confirm."));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Confirm Again"));
    }
  else if (flags & UT_RECORD_FLAGS_RECHECK_DUE)
    {
      g_autofree char *verified = format_time (record->verified_at);

      review = g_strdup_printf (_("Re-check due: you last checked this on %s. Platforms sometimes reset settings, so look again."), verified);
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Verified Again"));
    }
  gtk_label_set_label (self->review_label, review != NULL ? review : "");
  gtk_widget_set_visible (GTK_WIDGET (self->review_label), review != NULL);

  set_button_visible (self->done_button, state != UT_ACTION_STATE_DONE);
  set_button_visible (self->confirm_button, review != NULL);
  set_button_visible (self->skip_button, state == UT_ACTION_STATE_TODO);
  set_button_visible (self->not_applicable_button, state == UT_ACTION_STATE_TODO);
  set_button_visible (self->undo_button, state != UT_ACTION_STATE_TODO);
}

static void
records_changed_cb (UtActionStep *self,
                    UtProfile    *profile,
                    const char   *platform_id)
{
  if (profile == self->profile &&
      (platform_id == NULL || g_str_equal (platform_id, ut_platform_get_id (self->platform))))
    ut_action_step_update (self);
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtActionStep *self = UT_ACTION_STEP (widget);
  g_autoptr(GError) error = NULL;
  UtActionState state;

  if (!ut_action_state_from_string (g_variant_get_string (parameter, NULL), &state))
    return;

  if (!ut_progress_set_state (self->progress, self->profile, self->platform,
                              ut_action_get_id (self->action), state, &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UtActionStep *self = UT_ACTION_STEP (widget);
  g_autoptr(GError) error = NULL;

  if (!ut_progress_confirm (self->progress, self->profile, self->platform,
                            ut_action_get_id (self->action), &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtActionStep *self = UT_ACTION_STEP (widget);

  if (ut_action_get_url (self->action) != NULL)
    ut_show_uri (widget, ut_action_get_url (self->action));
}

static void
proof_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UtActionStep) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = ut_choose_file_finish (result, NULL);

  if (file == NULL)
    return;
  if (!ut_progress_attach_proof (self->progress, self->profile, ut_platform_get_id (self->platform),
                                 ut_action_get_id (self->action), file, &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
  else
    g_signal_emit (self, signals[MESSAGE], 0, _("Proof kept with the step"));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtActionStep *self = UT_ACTION_STEP (widget);

  ut_choose_file_async (widget, FALSE, _("Attach Proof"), NULL, NULL, self->cancellable,
                        proof_chosen_cb, g_object_ref (self));
}

static void
ut_action_step_dispose (GObject *object)
{
  UtActionStep *self = (UtActionStep *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_ACTION_STEP);
  g_clear_object (&self->progress);
  g_clear_object (&self->profile);
  g_clear_object (&self->platform);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (ut_action_step_parent_class)->dispose (object);
}

static void
ut_action_step_class_init (UtActionStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_action_step_dispose;

  /**
   * UtActionStep::message:
   * @message: why what the user did could not be saved
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-action-step.ui");
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, card);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, title_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, steps_box);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, setting_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, note_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, info_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, sources_box);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, review_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, status_label);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, open_button);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, done_button);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, skip_button);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, not_applicable_button);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, undo_button);
  gtk_widget_class_bind_template_child (widget_class, UtActionStep, proof_button);

  gtk_widget_class_install_action (widget_class, "step.mark", "s", mark_action);
  gtk_widget_class_install_action (widget_class, "step.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "step.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "step.attach", NULL, attach_action);
}

static void
ut_action_step_init (UtActionStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
build (UtActionStep *self,
       guint         number)
{
  const char * const *steps = ut_action_get_steps (self->action);
  const char * const *fields = ut_action_get_fields (self->action);
  const char * const *source_ids = ut_action_get_source_ids (self->action);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) info = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *escaped = NULL;
  const char *scope = ut_scope_get_description (ut_action_get_scope (self->action));
  const char *url = ut_action_get_url (self->action);
  UtActionKind kind = ut_action_get_kind (self->action);

  /* Translators: a guide's step, e.g. "Step 1: Turn off Data for Generative AI Improvement" */
  title = g_strdup_printf (_("Step %u: %s"), number, ut_action_get_title (self->action));
  gtk_label_set_label (self->title_label, title);

  if (ut_action_get_target (self->action) != NULL)
    /* Translators: which part of a platform a step covers, e.g. "For Instagram" */
    g_string_append_printf (subtitle, _("For %s."), ut_action_get_target (self->action));
  if (scope != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " " : "", scope);
  if (kind == UT_ACTION_KIND_MITIGATION)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " " : "",
                            _("This reduces what the platform can use; it does not stop the training."));
  else if (kind == UT_ACTION_KIND_SITE_OWNER)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " " : "",
                            _("For people who run a website. AI crawlers follow these signals only if they choose to."));
  set_optional_label (self->subtitle_label, subtitle->len > 0 ? subtitle->str : NULL);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *n = g_strdup_printf ("%u.", i + 1);
      GtkWidget *number_label = gtk_label_new (n);
      GtkWidget *text = gtk_label_new (steps[i]);

      gtk_widget_add_css_class (number_label, "step-number");
      gtk_label_set_xalign (GTK_LABEL (number_label), 1);
      gtk_widget_set_valign (number_label, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (row), number_label);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (self->steps_box, row);
    }

  if (ut_action_get_setting_label (self->action) != NULL)
    {
      escaped = g_markup_escape_text (ut_action_get_setting_label (self->action), -1);
      if (ut_platform_is_translated (self->platform))
        /* Translators: %s is the platform's own English wording, shown in bold. In a translated
         * guide the label stays in English, since no source gives the platform's own wording in
         * this language. */
        setting = g_strdup_printf (_("Look for: “<b>%s</b>” (in English; in your language the menu may read differently)"), escaped);
      else
        /* Translators: %s is the platform's own wording, shown in bold */
        setting = g_strdup_printf (_("Look for: “<b>%s</b>”"), escaped);
      gtk_label_set_markup (self->setting_label, setting);
      gtk_widget_set_visible (GTK_WIDGET (self->setting_label), TRUE);
    }

  set_optional_label (self->note_label, ut_action_get_note (self->action));

  if (fields != NULL && fields[0] != NULL)
    {
      g_string_append (info, kind == UT_ACTION_KIND_EMAIL ? _("The request needs: ") : _("The form asks for: "));
      for (guint i = 0; fields[i] != NULL; i++)
        g_string_append_printf (info, "%s%s", i > 0 ? ", " : "", ut_form_field_get_description (fields[i]));
      g_string_append (info, ".");
    }
  set_optional_label (self->info_label, info->len > 0 ? info->str : NULL);

  for (guint i = 0; source_ids[i] != NULL; i++)
    {
      const UtSource *source = ut_platform_lookup_source (self->platform, source_ids[i]);

      /* The validator guarantees every cited source exists. */
      if (source != NULL)
        gtk_box_append (self->sources_box, ut_source_link_new (source));
    }

  /* See ut_action_step_update(): a mitigation may be a habit, so no "I did this". */
  if (kind == UT_ACTION_KIND_MITIGATION)
    gtk_button_set_label (GTK_BUTTON (self->done_button), _("_Mark as Done"));

  gtk_button_set_label (GTK_BUTTON (self->open_button),
                        kind == UT_ACTION_KIND_FORM ? _("_Open Form") : _("_Open Settings"));
  if (url != NULL)
    {
      g_autofree char *description = g_strdup_printf (_("Opens %s in your browser"), url);

      gtk_widget_set_tooltip_text (self->open_button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  set_button_visible (self->open_button, url != NULL);
}

UtActionStep *
ut_action_step_new (UtProgress *progress,
                    UtProfile  *profile,
                    UtPlatform *platform,
                    UtAction   *action,
                    guint       number)
{
  UtActionStep *self;

  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UT_IS_PLATFORM (platform), NULL);
  g_return_val_if_fail (UT_IS_ACTION (action), NULL);

  self = g_object_new (UT_TYPE_ACTION_STEP, NULL);
  self->progress = g_object_ref (progress);
  self->profile = g_object_ref (profile);
  self->platform = g_object_ref (platform);
  self->action = g_object_ref (action);

  build (self, number);
  ut_action_step_update (self);
  g_signal_connect_object (progress, "records-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

UtAction *
ut_action_step_get_action (UtActionStep *self)
{
  g_return_val_if_fail (UT_IS_ACTION_STEP (self), NULL);
  return self->action;
}

/* Open: not yet handled, or handled but flagged for another look. */
gboolean
ut_action_step_is_open (UtActionStep *self)
{
  const UtRecord *record;

  g_return_val_if_fail (UT_IS_ACTION_STEP (self), FALSE);

  record = ut_profile_lookup_record (self->profile, ut_platform_get_id (self->platform),
                                     ut_action_get_id (self->action));
  return record == NULL || record->state == UT_ACTION_STATE_TODO ||
         ut_progress_get_record_flags (self->progress, self->profile, self->platform, self->action) != 0;
}

/* The control a guide puts the focus on: the link to the setting, else the button that confirms
 * the step again or marks it done. A label never takes it, as it would select its text.
 *
 * Returns: %TRUE if one of them took the focus */
gboolean
ut_action_step_focus_main (UtActionStep *self)
{
  GtkWidget *buttons[] = { self->open_button, self->confirm_button, self->done_button };

  g_return_val_if_fail (UT_IS_ACTION_STEP (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_get_visible (gtk_widget_get_parent (buttons[i])) && gtk_widget_grab_focus (buttons[i]))
      return TRUE;

  return FALSE;
}

/* The label of the button that marks the step done, for the tests. */
const char *
ut_action_step_get_done_label (UtActionStep *self)
{
  g_return_val_if_fail (UT_IS_ACTION_STEP (self), NULL);
  return gtk_button_get_label (GTK_BUTTON (self->done_button));
}

const char *
ut_action_step_get_status (UtActionStep *self)
{
  g_return_val_if_fail (UT_IS_ACTION_STEP (self), NULL);
  return gtk_label_get_label (self->status_label);
}
