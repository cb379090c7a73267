/* ut-letter-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-letter-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-letter-dialog-private.h"

/* Writes an objection, a reminder or a complaint with the person: their grounds in their own
 * words (with prompts, never a ground of ours), their name, the language, and their account only
 * if they switch it on. The preview is the letter exactly as it will be sent. "I Sent It" records
 * the day, which starts the clock for the answer. */

struct _UtLetterDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toasts;
  GtkLabel             *title_label;
  AdwPreferencesGroup  *intro_group;
  AdwPreferencesGroup  *grounds_group;
  GtkTextView          *grounds_view;
  AdwEntryRow          *name_row;
  AdwComboRow          *language_row;
  AdwActionRow         *identity_row;
  GtkSwitch            *identity_switch;
  GtkLabel             *preview_label;
  GtkWidget            *email_button;
  GtkWidget            *form_button;

  /* Owned references */
  UtProgress           *progress;
  UtProfile            *profile;
  UtPlatform           *platform;
  UtLegal              *legal;
  GCancellable         *cancellable;
  UtLetterKind          kind;
  UtRegion              region;       /* whose law: the profile's, or the request's */
  const UtRegulator    *regulator;    /* nullable */
  GDate                *sent;         /* reminders and complaints */
  GDate                *due;
  gboolean              refused;
  char                 *identity;     /* nullable: the account from the keyring */
  UtLetter             *letter;       /* nullable: as the preview shows it */
};

G_DEFINE_FINAL_TYPE (UtLetterDialog, ut_letter_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (UtLetterDialog *self,
       const char     *message)
{
  AdwToast *item = adw_toast_new (message);

  adw_toast_set_timeout (item, 5);
  adw_toast_overlay_add_toast (self->toasts, item);
}

static char *
grounds_text (UtLetterDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->grounds_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
update (UtLetterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = ut_progress_get_today (self->progress);
  g_autofree char *grounds = grounds_text (self);
  g_autofree char *text = NULL;
  UtLetterInput input = { self->kind };

  input.platform = self->platform;
  input.rights = ut_legal_get_rights (self->legal, self->region);
  input.regulator = self->regulator;
  input.language = (UtLegalLanguage) adw_combo_row_get_selected (self->language_row);
  input.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  input.identity = gtk_switch_get_active (self->identity_switch) ? self->identity : NULL;
  input.grounds = *grounds != '\0' ? grounds : NULL;
  input.date = today;
  input.sent = self->sent;
  input.due = self->due;
  input.refused = self->refused;

  g_clear_pointer (&self->letter, ut_letter_free);
  self->letter = ut_letter_new (&input, &error);

  if (self->letter != NULL)
    {
      text = ut_letter_to_text (self->letter);
      gtk_label_set_label (self->preview_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");
    }
  else
    {
      /* Say what is missing where the letter would be. */
      gtk_label_set_label (self->preview_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.email",
                                 self->letter != NULL && ut_letter_get_recipient (self->letter) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.form",
                                 self->letter != NULL && self->kind != UT_LETTER_COMPLAINT &&
                                 ut_platform_get_contact_form (self->platform) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.pdf", self->letter != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.copy", self->letter != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.sent", self->letter != NULL);
}

static void
copy_letter (UtLetterDialog *self)
{
  g_autofree char *text = ut_letter_to_text (self->letter);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UtLetterDialog *self = UT_LETTER_DIALOG (widget);
  g_autofree char *mailto = ut_letter_to_mailto (self->letter);
  g_autofree char *text = ut_letter_to_text (self->letter);

  /* Where no mail client opens it, the letter is offered to copy. */
  ut_show_uri_full (widget, mailto, text);
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtLetterDialog *self = UT_LETTER_DIALOG (widget);

  copy_letter (self);
  ut_show_uri (widget, ut_platform_get_contact_form (self->platform));
  toast (self, _("The letter is copied: paste it into the form."));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_letter (UT_LETTER_DIALOG (widget));
  toast (UT_LETTER_DIALOG (widget), _("Letter copied"));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UtLetterDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, e.g. "No space left on device" */
      message = g_strdup_printf (_("The letter could not be saved: %s"), error->message);
      toast (self, message);
      return;
    }
  toast (self, _("Letter saved as PDF"));
}

/**
 * _ut_letter_dialog_save_to:
 *
 * Writes the letter as a PDF to @file, as Save as PDF does once a file is chosen.
 */
void
_ut_letter_dialog_save_to (UtLetterDialog *self,
                           GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_return_if_fail (self->letter != NULL);

  if ((pdf = ut_letter_to_pdf (self->letter, UT_EXPORT_PAPER_DEFAULT, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_file_replace_contents_bytes_async (file, pdf, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, saved_cb, g_object_ref (self));
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UtLetterDialog) self = user_data;
  g_autoptr(GFile) file = ut_choose_file_finish (result, NULL);

  if (file != NULL && self->letter != NULL)
    _ut_letter_dialog_save_to (self, file);
}

static void
pdf_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  UtLetterDialog *self = UT_LETTER_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf",
                                           self->kind == UT_LETTER_COMPLAINT ? "complaint"
                                           : self->kind == UT_LETTER_REMINDER ? "reminder" : "objection",
                                           ut_platform_get_id (self->platform));

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  ut_choose_file_async (widget, TRUE, _("Save Letter as PDF"), name, filter, self->cancellable,
                        chosen_cb, g_object_ref (self));
}

static void
sent_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UtLetterDialog *self = UT_LETTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  UtRequestEventKind event = self->kind == UT_LETTER_COMPLAINT ? UT_REQUEST_EVENT_ESCALATED
                             : self->kind == UT_LETTER_REMINDER ? UT_REQUEST_EVENT_REMINDED
                             : UT_REQUEST_EVENT_SENT;
  const char *channel = NULL;
  const char *message;

  if (self->kind != UT_LETTER_COMPLAINT)
    channel = ut_letter_get_recipient (self->letter) != NULL ? "email"
              : ut_platform_get_contact_form (self->platform) != NULL ? "form" : "post";
  if (!ut_progress_add_request_event (self->progress, self->profile, ut_platform_get_id (self->platform),
                                      event, NULL, channel, &error))
    {
      toast (self, error->message);
      return;
    }

  message = self->kind == UT_LETTER_COMPLAINT ? _("Complaint recorded")
            : self->kind == UT_LETTER_REMINDER ? _("Reminder recorded")
            : _("Objection recorded: Untrain will show when the answer is due");
  g_signal_emit (self, signals[RECORDED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
identity_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UtLetterDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = ut_identity_store_lookup_finish (UT_IDENTITY_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (value == NULL || *value == '\0')
    {
      adw_action_row_set_subtitle (self->identity_row, error != NULL ? error->message
                                   : _("No account is saved for this platform. Add one in the guide first."));
      return;
    }
  self->identity = g_steal_pointer (&value);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identity_switch), TRUE);
  /* Translators: the account that can be named in a letter, e.g. "anna@example.org" */
  adw_action_row_set_subtitle (self->identity_row, self->identity);
}

static void
describe (UtLetterDialog *self)
{
  const UtLegalRights *rights = ut_legal_get_rights (self->legal, self->region);
  const char *name = ut_platform_get_short_name (self->platform);
  g_autofree char *description = NULL;

  switch (self->kind)
    {
    case UT_LETTER_OBJECTION:
      gtk_label_set_label (self->title_label, _("Write an Objection"));
      if (rights != NULL && rights->request == UT_LEGAL_REQUEST_DELETE)
        /* Translators: %s is the platform, e.g. "Claude" */
        description = g_strdup_printf (_("If you live in California, the California Consumer Privacy Act lets you ask %s to delete the personal information it collected from you. Untrain writes the request; you send it."), name);
      else if (rights != NULL && rights->grounds_required)
        description = g_strdup_printf (_("The data-protection law of your region lets you object to %s using your data for AI training. Give grounds that come from your own situation: the law asks for them, and Untrain will not make them up. %s must answer within the time the law sets."), name, name);
      else
        description = g_strdup_printf (_("The data-protection law of your region lets you tell %s not to use your data for AI training. Untrain writes the letter; you send it."), name);
      break;
    case UT_LETTER_REMINDER:
      gtk_label_set_label (self->title_label, _("Write a Reminder"));
      description = g_strdup_printf (_("%s has not answered in time. A reminder asks again and names the authority you will complain to."), name);
      break;
    case UT_LETTER_COMPLAINT:
      gtk_label_set_label (self->title_label, _("Write a Complaint"));
      description = self->regulator != NULL && self->regulator->complaint_url != NULL
                    ? g_strdup_printf (_("Your data-protection authority can make %s answer. File this through the authority’s complaint page (%s), with a copy of your request and any answer."),
                                       name, self->regulator->complaint_url)
                    : g_strdup_printf (_("Your data-protection authority can make %s answer. Send it this complaint with a copy of your request and any answer."), name);
      if (ut_platform_get_lead_authority (self->platform) != NULL)
        {
          for (guint i = 0; i < ut_legal_get_n_regulators (self->legal); i++)
            {
              const UtRegulator *lead = ut_legal_get_regulator (self->legal, i);

              if (g_str_equal (lead->id, ut_platform_get_lead_authority (self->platform)))
                {
                  /* Translators: e.g. "… In the EU, Meta names Data Protection Commission (DPC) as its lead supervisory authority." */
                  g_autofree char *lead_text = g_strdup_printf (_("In the EU, %s names %s as its lead supervisory authority."), name,
                                                                lead->name_en != NULL ? lead->name_en : lead->name);
                  g_autofree char *both = g_strconcat (description, " ", lead_text, NULL);

                  g_free (description);
                  description = g_steal_pointer (&both);
                }
            }
        }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_window_set_title (GTK_WINDOW (self), gtk_label_get_label (self->title_label));
  adw_preferences_group_set_description (self->intro_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->grounds_group), self->kind == UT_LETTER_OBJECTION);
  adw_preferences_group_set_description (self->grounds_group,
                                         rights != NULL && rights->grounds_required
                                         ? _("Why does this use of your data weigh on you in particular? For example: your work, your health, your family, your safety, or what you have written about others. Write it in your own words; it goes into the letter as you write it.")
                                         : _("Optional. Why this matters to you, in your own words."));
}

void
_ut_letter_dialog_set_grounds (UtLetterDialog *self,
                               const char     *grounds)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->grounds_view), grounds, -1);
}

const char *
_ut_letter_dialog_get_preview (UtLetterDialog *self)
{
  return gtk_label_get_label (self->preview_label);
}

gboolean
_ut_letter_dialog_can_send (UtLetterDialog *self)
{
  return self->letter != NULL;
}

/**
 * ut_letter_dialog_new:
 * @kind: an objection, or a reminder or complaint about the request already sent
 */
UtLetterDialog *
ut_letter_dialog_new (GtkWindow       *parent,
                      UtProgress      *progress,
                      UtIdentityStore *identities,
                      UtProfile       *profile,
                      UtPlatform      *platform,
                      UtLegal         *legal,
                      UtLetterKind     kind)
{
  UtLetterDialog *self = g_object_new (UT_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *regulator_id = g_settings_get_string (settings, "regulator");
  const UtRequest *request = ut_profile_lookup_request (profile, ut_platform_get_id (platform));
  const char *real_name = g_get_real_name ();

  self->progress = g_object_ref (progress);
  self->profile = g_object_ref (profile);
  self->platform = g_object_ref (platform);
  self->legal = g_object_ref (legal);
  self->kind = kind;
  self->region = ut_profile_get_region (profile);

  /* A reminder or complaint follows the request, under the law it was sent under. */
  if (kind != UT_LETTER_OBJECTION && request != NULL)
    {
      const UtRequestEvent *sent = ut_request_find_event (request, UT_REQUEST_EVENT_SENT);

      self->region = request->region;
      if (sent != NULL)
        {
          self->sent = g_date_new ();
          g_date_set_parse (self->sent, sent->date);
        }
      ut_request_get_state (request, ut_legal_get_rights (legal, request->region), NULL, &self->due);
      self->refused = ut_request_find_event (request, UT_REQUEST_EVENT_REFUSED) != NULL;
    }

  for (guint i = 0; i < ut_legal_get_n_regulators (legal); i++)
    if (g_str_equal (ut_legal_get_regulator (legal, i)->id, regulator_id))
      self->regulator = ut_legal_get_regulator (legal, i);
  if (self->regulator == NULL && self->region == UT_REGION_CH)
    self->regulator = ut_legal_find_regulator (legal, "CH", NULL);
  if (self->regulator == NULL && self->region == UT_REGION_UK)
    self->regulator = ut_legal_find_regulator (legal, "GB", NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_strcmp0 (real_name, "Unknown") != 0 ? real_name : "");
  adw_combo_row_set_selected (self->language_row, ut_legal_language_for_locale ());
  describe (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->identity_switch), FALSE);
  if (identities != NULL)
    ut_identity_store_lookup_async (identities, ut_profile_get_id (profile), ut_platform_get_id (platform),
                                    self->cancellable, identity_cb, g_object_ref (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->grounds_view), "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return self;
}

static void
ut_letter_dialog_dispose (GObject *object)
{
  UtLetterDialog *self = (UtLetterDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_LETTER_DIALOG);
  g_clear_object (&self->progress);
  g_clear_object (&self->profile);
  g_clear_object (&self->platform);
  g_clear_object (&self->legal);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sent, g_date_free);
  g_clear_pointer (&self->due, g_date_free);
  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->letter, ut_letter_free);

  G_OBJECT_CLASS (ut_letter_dialog_parent_class)->dispose (object);
}

static void
ut_letter_dialog_class_init (UtLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_letter_dialog_dispose;

  /**
   * UtLetterDialog::recorded:
   * @message: what to tell the person
   *
   * The letter was recorded as sent.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, intro_group);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, grounds_group);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, grounds_view);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, identity_row);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, identity_switch);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, email_button);
  gtk_widget_class_bind_template_child (widget_class, UtLetterDialog, form_button);

  gtk_widget_class_install_action (widget_class, "letter.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "letter.form", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "letter.pdf", NULL, pdf_action);
  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "letter.sent", NULL, sent_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ut_letter_dialog_init (UtLetterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->identity_switch, "notify::active", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}
