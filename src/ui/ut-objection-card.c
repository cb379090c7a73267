/* ut-objection-card.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-objection-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-letter-dialog.h"
#include "ut-objection-card.h"

/* The part of a guide about the person's legal right, where their region's law gives one: write
 * the objection, see when the answer is due, and when it is late, a reminder and a complaint are
 * one click away. Hidden where Untrain knows of no such right. */

struct _UtObjectionCard
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkLabel        *description_label;
  GtkLabel        *status_label;
  GtkWidget       *write_button;
  GtkWidget       *reminder_button;
  GtkWidget       *complaint_button;
  GtkWidget       *record_button;
  GtkWidget       *proof_button;
  GtkLabel        *proofs_label;

  /* Owned references */
  GCancellable    *cancellable;
  UtLegal         *legal;
  UtProgress      *progress;
  UtIdentityStore *identities;
  UtProfile       *profile;
  UtPlatform      *platform;
};

G_DEFINE_FINAL_TYPE (UtObjectionCard, ut_objection_card, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (UtObjectionCard *self)
{
  const UtLegalRights *rights = ut_legal_get_rights (self->legal, ut_profile_get_region (self->profile));
  const UtRequest *request = ut_profile_lookup_request (self->profile, ut_platform_get_id (self->platform));
  UtRequestState state = UT_REQUEST_STATE_OPEN;
  g_autofree char *status = NULL;
  gboolean late = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self), rights != NULL || request != NULL);
  if (rights == NULL && request == NULL)
    return;

  if (rights != NULL && rights->request == UT_LEGAL_REQUEST_DELETE)
    gtk_label_set_label (self->description_label,
                         _("If you live in California, you can ask in writing for the data collected from you to be deleted. Untrain writes the request in your words; you send it."));
  else
    gtk_label_set_label (self->description_label,
                         _("The data-protection law of your region lets you object in writing, even where the platform offers no setting. Untrain writes the letter with your own grounds; you send it, and Untrain tells you when the answer is due."));

  if (request != NULL)
    {
      g_autoptr(GDate) day = ut_progress_get_today (self->progress);
      const UtLegalRights *law = ut_legal_get_rights (self->legal, request->region);
      const UtRequestEvent *sent = ut_request_find_event (request, UT_REQUEST_EVENT_SENT);
      g_autofree char *due = ut_request_describe_due (request, law, day);
      g_autofree char *sent_on = NULL;

      state = ut_request_get_state (request, law, day, NULL);
      if (sent != NULL)
        {
          g_autoptr(GDate) date = g_date_new ();

          g_date_set_parse (date, sent->date);
          sent_on = g_date_valid (date) ? ut_legal_format_date (date, ut_legal_language_for_locale ()) : g_strdup (sent->date);
        }
      switch (state)
        {
        case UT_REQUEST_STATE_OPEN:
        case UT_REQUEST_STATE_OVERDUE:
          /* Translators: e.g. "Sent on 15 October 2026. Answer due in 12 days." */
          status = due != NULL ? g_strdup_printf (_("Sent on %s. %s."), sent_on, due)
                               : g_strdup_printf (_("Sent on %s. The law sets no deadline for the answer."), sent_on);
          break;
        case UT_REQUEST_STATE_ANSWERED:
          status = g_strdup (_("They answered and stopped."));
          break;
        case UT_REQUEST_STATE_REFUSED:
          status = g_strdup (_("They refused. You can complain to your data-protection authority."));
          break;
        case UT_REQUEST_STATE_ESCALATED:
          status = g_strdup (_("You complained to your data-protection authority."));
          break;
        default:
          g_assert_not_reached ();
        }
      late = state == UT_REQUEST_STATE_OVERDUE || state == UT_REQUEST_STATE_REFUSED;
    }

  if (request != NULL && request->proofs->len > 0)
    {
      g_autoptr(GString) proofs = g_string_new (NULL);

      for (guint i = 0; i < request->proofs->len; i++)
        {
          const UtProof *proof = &g_array_index (request->proofs, UtProof, i);

          /* Translators: a file kept as proof: its name, the day it was added, its SHA-256 */
          g_string_append_printf (proofs, "%s" "%s", i > 0 ? "\n" : "", proof->name);
          g_string_append_printf (proofs, _(" (added %s, SHA-256 %.12s…)"), proof->added, proof->sha256);
        }
      gtk_label_set_label (self->proofs_label, proofs->str);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->proofs_label), request != NULL && request->proofs->len > 0);
  gtk_widget_set_visible (self->proof_button, request != NULL);
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  gtk_widget_set_visible (self->write_button, rights != NULL);
  gtk_widget_set_visible (self->reminder_button, state == UT_REQUEST_STATE_OVERDUE);
  gtk_widget_set_visible (self->complaint_button, late);
  gtk_widget_set_visible (self->record_button, request != NULL &&
                                               (state == UT_REQUEST_STATE_OPEN || state == UT_REQUEST_STATE_OVERDUE));
}

static void
records_changed_cb (UtObjectionCard *self,
                    UtProfile       *profile,
                    const char      *platform_id)
{
  if (profile == self->profile && (platform_id == NULL || g_str_equal (platform_id, ut_platform_get_id (self->platform))))
    update (self);
}

static void
recorded_cb (UtObjectionCard *self,
             const char      *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UtObjectionCard *self = UT_OBJECTION_CARD (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  UtLetterDialog *dialog;

  dialog = ut_letter_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->progress, self->identities,
                                 self->profile, self->platform, self->legal,
                                 g_str_equal (kind, "reminder") ? UT_LETTER_REMINDER
                                 : g_str_equal (kind, "complaint") ? UT_LETTER_COMPLAINT : UT_LETTER_OBJECTION);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtObjectionCard *self = UT_OBJECTION_CARD (widget);
  g_autoptr(GError) error = NULL;
  UtRequestEventKind kind;

  if (!ut_request_event_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (!ut_progress_add_request_event (self->progress, self->profile, ut_platform_get_id (self->platform),
                                      kind, NULL, NULL, &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
  else
    g_signal_emit (self, signals[MESSAGE], 0, _("Answer recorded"));
}

static void
proof_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UtObjectionCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = ut_choose_file_finish (result, NULL);

  if (file == NULL)
    return;
  if (!ut_progress_attach_proof (self->progress, self->profile, ut_platform_get_id (self->platform), NULL, file, &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
  else
    g_signal_emit (self, signals[MESSAGE], 0, _("Proof kept with the request"));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UtObjectionCard *self = UT_OBJECTION_CARD (widget);

  ut_choose_file_async (widget, FALSE, _("Attach Proof"), NULL, NULL, self->cancellable,
                        proof_chosen_cb, g_object_ref (self));
}

/**
 * ut_objection_card_show:
 *
 * Shows the right of @profile's region about @platform and what became of a request sent to it.
 */
void
ut_objection_card_show (UtObjectionCard *self,
                        UtProgress      *progress,
                        UtIdentityStore *identities,
                        UtProfile       *profile,
                        UtPlatform      *platform)
{
  g_return_if_fail (UT_IS_OBJECTION_CARD (self));

  if (self->progress != progress)
    {
      if (self->progress != NULL)
        g_signal_handlers_disconnect_by_func (self->progress, records_changed_cb, self);
      g_set_object (&self->progress, progress);
      g_signal_connect_object (progress, "records-changed", G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->identities, identities);
  g_set_object (&self->profile, profile);
  g_set_object (&self->platform, platform);
  if (self->legal == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Checked at build time; if it still fails, the guide shows no letters rather than wrong law. */
      if ((self->legal = ut_legal_load_bundled (&error)) == NULL)
        {
          g_warning ("%s", error->message);
          gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
          return;
        }
    }
  update (self);
}

/* The request's status as shown, for tests; "" without one. */
const char *
ut_objection_card_get_status (UtObjectionCard *self)
{
  g_return_val_if_fail (UT_IS_OBJECTION_CARD (self), NULL);
  return gtk_label_get_label (self->status_label);
}

/* The proofs kept with the request, as listed; "" without any. */
const char *
ut_objection_card_get_proofs (UtObjectionCard *self)
{
  g_return_val_if_fail (UT_IS_OBJECTION_CARD (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->proofs_label)) ? gtk_label_get_label (self->proofs_label) : "";
}

static void
ut_objection_card_dispose (GObject *object)
{
  UtObjectionCard *self = (UtObjectionCard *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_OBJECTION_CARD);
  /* The template's outer box is not a bound child, so the template does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->legal);
  g_clear_object (&self->progress);
  g_clear_object (&self->identities);
  g_clear_object (&self->profile);
  g_clear_object (&self->platform);

  G_OBJECT_CLASS (ut_objection_card_parent_class)->dispose (object);
}

static void
ut_objection_card_class_init (UtObjectionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_objection_card_dispose;

  /**
   * UtObjectionCard::message:
   * @message: what to tell the person, as a toast
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-objection-card.ui");
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, write_button);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, reminder_button);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, complaint_button);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, record_button);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, proof_button);
  gtk_widget_class_bind_template_child (widget_class, UtObjectionCard, proofs_label);

  gtk_widget_class_install_action (widget_class, "objection.write", "s", write_action);
  gtk_widget_class_install_action (widget_class, "objection.record", "s", record_action);
  gtk_widget_class_install_action (widget_class, "objection.attach", NULL, attach_action);
}

static void
ut_objection_card_init (UtObjectionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
