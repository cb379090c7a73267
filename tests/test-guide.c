/* test-guide.c — a platform's guide on its own: the report link, links without a browser, the
 * keyboard's feedback and the wording of mitigations
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb and a private D-Bus session. Each test gets empty XDG folders
 * (G_TEST_OPTION_ISOLATE_DIRS), so its progress starts empty.
 */

#include "config.h"

#include <string.h>

#include "ut-action-step.h"
#include "ut-compat-private.h"
#include "ut-letter-dialog-private.h"
#include "ut-objection-card.h"
#include "ut-wizard.h"
#include "ut-wizard-private.h"

#define PROFILE_NAME "Zelda Quartermain"

typedef struct
{
  UtCatalog       *catalog;
  UtProgress      *progress;
  UtIdentityStore *identities;
  UtProfile       *profile;
  GtkWindow       *window;
  UtWizard        *wizard;
  GPtrArray       *messages;
} Fixture;

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
message_cb (UtWizard   *wizard,
            const char *message,
            Fixture    *f)
{
  g_ptr_array_add (f->messages, g_strdup (message));
}

static const char *
last_message (Fixture *f)
{
  return f->messages->len > 0 ? g_ptr_array_index (f->messages, f->messages->len - 1) : NULL;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalog = ut_catalog_load_bundled (&error);
  g_assert_no_error (error);
  f->progress = ut_progress_new (NULL);
  ut_progress_load (f->progress, &error);
  g_assert_no_error (error);
  f->profile = ut_progress_add_profile (f->progress, PROFILE_NAME, UT_REGION_EU, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->profile);
  f->identities = ut_identity_store_new ();
  f->messages = g_ptr_array_new_with_free_func (g_free);

  f->wizard = ut_wizard_new (f->catalog);
  g_signal_connect (f->wizard, "message", G_CALLBACK (message_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  /* Short, so that later steps are below the fold. */
  gtk_window_set_default_size (f->window, 640, 360);
  gtk_window_set_child (f->window, GTK_WIDGET (f->wizard));
  gtk_window_present (f->window);

  _ut_compat_set_uri_launch_fails (FALSE);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  GObject *dialog = _ut_compat_get_uri_fallback ();

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (f->window);
  flush_events ();
  g_clear_pointer (&f->messages, g_ptr_array_unref);
  g_clear_object (&f->identities);
  g_clear_object (&f->progress);
  g_clear_object (&f->catalog);
}

static void
show (Fixture    *f,
      UtPlatform *platform)
{
  ut_wizard_show (f->wizard, f->progress, f->identities, f->profile, platform);
  flush_events ();
  /* Laid out, so that scrolling has something to measure. */
  while (gtk_widget_get_height (GTK_WIDGET (f->wizard)) == 0)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
}

typedef gboolean (*ActionFilter) (UtAction *action);

/* The first platform whose offer for the profile's region has an action that @filter accepts;
 * @index is that action's place in the offer. */
static UtPlatform *
find_platform (Fixture      *f,
               ActionFilter  filter,
               guint        *index)
{
  GListModel *platforms = G_LIST_MODEL (f->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (platforms); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (platforms, i);
      const UtRegionOffer *offer = ut_platform_get_offer (platform, ut_profile_get_region (f->profile));

      for (guint j = 0; j < offer->actions->len; j++)
        if (filter (g_ptr_array_index (offer->actions, j)))
          {
            *index = j;
            return platform;  /* the catalog keeps it */
          }
    }

  g_assert_not_reached ();
  return NULL;
}

static UtActionStep *
step_at (Fixture    *f,
         UtPlatform *platform,
         guint       index)
{
  const UtRegionOffer *offer = ut_platform_get_offer (platform, ut_profile_get_region (f->profile));
  UtActionStep *step = ut_wizard_lookup_step (f->wizard, ut_action_get_id (g_ptr_array_index (offer->actions, index)));

  g_assert_nonnull (step);
  return step;
}

/* Marks the steps before @index done, so that the one at @index is the first open step. */
static void
mark_before (Fixture    *f,
             UtPlatform *platform,
             guint       index)
{
  const UtRegionOffer *offer = ut_platform_get_offer (platform, ut_profile_get_region (f->profile));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < index; i++)
    {
      g_assert_true (ut_progress_set_state (f->progress, f->profile, platform,
                                            ut_action_get_id (g_ptr_array_index (offer->actions, i)),
                                            UT_ACTION_STATE_DONE, &error));
      g_assert_no_error (error);
    }
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

/* ---- report a problem ------------------------------------------------------------------- */

/* The report names the guide, never the person: platform, revision, region, the app's and the
 * catalog's versions, and no profile name. */
static void
test_report_link (Fixture       *f,
                  gconstpointer  data)
{
  UtPlatform *linkedin = ut_catalog_lookup (f->catalog, "linkedin");
  g_autofree char *uri = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *catalog_version = NULL;
  g_autofree char *shown = NULL;
  GObject *dialog;

  show (f, linkedin);
  uri = _ut_wizard_build_report (f->wizard, &fallback);
  g_test_message ("%s", uri);

  g_assert_true (g_str_has_prefix (uri, "https://github.com/untrain/Untrain/issues/new?title="));
  g_assert_nonnull (strstr (uri, "&body="));
  /* Escaped: nothing that would end the address or split a parameter. */
  g_assert_null (strpbrk (uri + strlen ("https://github.com/untrain/Untrain/issues/new?"), " \n#"));

  decoded = g_uri_unescape_string (uri, NULL);
  g_assert_nonnull (decoded);
  revision = g_strdup_printf ("Guide revision: %u\n", ut_platform_get_revision (linkedin));
  catalog_version = g_strdup_printf ("Catalog version: %" G_GINT64_FORMAT "\n", ut_catalog_get_version (f->catalog));
  g_assert_nonnull (strstr (decoded, "Platform: LinkedIn (linkedin)\n"));
  g_assert_nonnull (strstr (decoded, revision));
  g_assert_nonnull (strstr (decoded, "Region: EU\n"));
  g_assert_nonnull (strstr (decoded, "Untrain version: " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (decoded, catalog_version));
  g_assert_null (strstr (decoded, PROFILE_NAME));
  g_assert_null (strstr (decoded, "Zelda"));
  g_assert_null (strstr (decoded, ut_profile_get_id (f->profile)));

  /* The plain text offered where no browser exists says the same, with the tracker's address. */
  g_assert_true (g_str_has_prefix (fallback, "https://github.com/untrain/Untrain/issues/new\n"));
  g_assert_nonnull (strstr (fallback, revision));
  g_assert_nonnull (strstr (fallback, "Region: EU\n"));
  g_assert_nonnull (strstr (fallback, "Untrain version: " PACKAGE_VERSION "\n"));
  g_assert_null (strstr (fallback, PROFILE_NAME));

  /* The button goes through the same link, so without a browser the report is offered to copy. */
  _ut_compat_set_uri_launch_fails (TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.report", NULL));
  flush_events ();
  dialog = _ut_compat_get_uri_fallback ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_label (_ut_compat_get_uri_fallback_label (dialog)), ==, fallback);
  g_signal_emit_by_name (dialog, "response", "copy");
  shown = clipboard_text (GTK_WIDGET (f->wizard));
  g_assert_cmpstr (shown, ==, fallback);
}

/* ---- no browser ------------------------------------------------------------------------- */

static gboolean
has_url (UtAction *action)
{
  return ut_action_get_url (action) != NULL;
}

static gboolean
has_no_url (UtAction *action)
{
  return ut_action_get_url (action) == NULL;
}

static GtkWidget *
find_link_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LINK_BUTTON (child) && gtk_widget_is_visible (child))
        return child;
      if ((found = find_link_button (child)) != NULL)
        return found;
    }

  return NULL;
}

/* A link that cannot open shows its address, selectable, and Copy puts it on the clipboard. */
static void
test_no_browser (Fixture       *f,
                 gconstpointer  data)
{
  guint index = 0;
  UtPlatform *platform = find_platform (f, has_url, &index);
  UtActionStep *step;
  const char *url;
  GtkLabel *label;
  GObject *dialog;
  GtkWidget *link;
  g_autofree char *copied = NULL;

  show (f, platform);
  step = step_at (f, platform, index);
  url = ut_action_get_url (ut_action_step_get_action (step));

  _ut_compat_set_uri_launch_fails (TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "step.open", NULL));
  flush_events ();

  dialog = _ut_compat_get_uri_fallback ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  label = _ut_compat_get_uri_fallback_label (dialog);
  g_assert_cmpstr (gtk_label_get_label (label), ==, url);
  g_assert_true (gtk_label_get_selectable (label));

  g_signal_emit_by_name (dialog, "response", "copy");
  copied = clipboard_text (GTK_WIDGET (f->wizard));
  g_assert_cmpstr (copied, ==, url);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  g_assert_null (_ut_compat_get_uri_fallback ());

  /* A source link too, which GtkLinkButton alone would answer with GTK's generic error. */
  link = find_link_button (GTK_WIDGET (f->wizard));
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  flush_events ();
  dialog = _ut_compat_get_uri_fallback ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_label (_ut_compat_get_uri_fallback_label (dialog)), ==,
                   gtk_link_button_get_uri (GTK_LINK_BUTTON (link)));
}

/* ---- keyboard --------------------------------------------------------------------------- */

/* Ctrl+L on a step with no link says so, where a step with a link opens it. */
static void
test_open_without_link (Fixture       *f,
                        gconstpointer  data)
{
  guint index = 0;
  UtPlatform *platform = find_platform (f, has_no_url, &index);
  g_autofree char *expected = g_strdup_printf ("Step %u has no link: follow its instructions on the platform.", index + 1);

  g_test_message ("%s, step %u", ut_platform_get_id (platform), index + 1);
  mark_before (f, platform, index);
  show (f, platform);
  _ut_compat_set_uri_launch_fails (TRUE);

  g_assert_cmpuint (f->messages->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.open-first", NULL));
  flush_events ();
  g_assert_cmpstr (last_message (f), ==, expected);
  g_assert_null (_ut_compat_get_uri_fallback ());

  /* With every step marked, there is nothing to open, and it says that. */
  mark_before (f, platform, ut_platform_get_offer (platform, UT_REGION_EU)->actions->len);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.open-first", NULL));
  g_assert_cmpstr (last_message (f), ==, "Every step of this guide is marked: there is no open step to link to.");
}

/* A step with a link: Ctrl+L opens it and says nothing. */
static void
test_open_with_link (Fixture       *f,
                     gconstpointer  data)
{
  guint index = 0;
  UtPlatform *platform = find_platform (f, has_url, &index);
  GObject *dialog;

  mark_before (f, platform, index);
  show (f, platform);
  _ut_compat_set_uri_launch_fails (TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.open-first", NULL));
  flush_events ();
  g_assert_cmpuint (f->messages->len, ==, 0);
  dialog = _ut_compat_get_uri_fallback ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_label (_ut_compat_get_uri_fallback_label (dialog)), ==,
                   ut_action_get_url (ut_action_step_get_action (step_at (f, platform, index))));
}

/* Ctrl+D on a step below the fold scrolls to it and says which step it marked. */
static void
test_mark_below_fold (Fixture       *f,
                      gconstpointer  data)
{
  UtPlatform *linkedin = ut_catalog_lookup (f->catalog, "linkedin");
  guint last = ut_platform_get_offer (linkedin, UT_REGION_EU)->actions->len - 1;
  GtkWidget *scroller;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  UtActionStep *step;
  g_autofree char *expected = NULL;
  graphene_rect_t bounds;

  g_assert_cmpuint (last, >, 0);
  mark_before (f, linkedin, last);
  show (f, linkedin);
  step = step_at (f, linkedin, last);
  scroller = gtk_widget_get_first_child (GTK_WIDGET (f->wizard));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 0);
  /* The viewport would also scroll to wherever the focus goes; the guide must scroll by itself. */
  g_object_set (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), "scroll-to-focus", FALSE, NULL);
  flush_events ();

  /* Below the fold at first. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (step), scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, gtk_widget_get_height (scroller));

  /* Focus elsewhere, as after a click on the page: the scrolled window has nothing to follow. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.mark-first-done", NULL));
  flush_events ();

  g_assert_false (ut_action_step_is_open (step));
  expected = g_strdup_printf ("Step %u marked as done: %s", last + 1,
                              ut_action_get_title (ut_action_step_get_action (step)));
  g_assert_cmpstr (last_message (f), ==, expected);
  /* Where the step is in the whole page (the viewport's content), against the part shown: the
   * allocation of what scrolled is only updated at the next frame, the adjustment at once. */
  content = gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (step), content, &bounds));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (bounds.origin.y, <, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));

  /* Nothing left: it says so rather than doing nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.mark-first-done", NULL));
  g_assert_cmpstr (last_message (f), ==, "Every step of this guide is already marked.");
}

/* ---- wording ---------------------------------------------------------------------------- */

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_note (UtAction *action)
{
  return ut_action_get_note (action) != NULL;
}

/* What a step says beyond its clicks is shown after them as text, never as a numbered step. */
static void
test_action_note (Fixture       *f,
                  gconstpointer  data)
{
  guint index = 0;
  UtPlatform *platform = find_platform (f, has_note, &index);
  UtActionStep *step;
  UtAction *action;

  show (f, platform);
  step = step_at (f, platform, index);
  action = ut_action_step_get_action (step);
  g_assert_true (shows_label (GTK_WIDGET (step), ut_action_get_note (action)));
  for (guint i = 0; ut_action_get_steps (action)[i] != NULL; i++)
    g_assert_cmpstr (ut_action_get_steps (action)[i], !=, ut_action_get_note (action));
}

static gboolean
is_mitigation (UtAction *action)
{
  return ut_action_get_kind (action) == UT_ACTION_KIND_MITIGATION;
}

static gboolean
is_setting (UtAction *action)
{
  return ut_action_get_kind (action) != UT_ACTION_KIND_MITIGATION;
}

/* A mitigation can be a habit or a one-off, so it is marked, not "done" by the user; other
 * steps keep "I Did This". */
static void
test_mitigation_wording (Fixture       *f,
                         gconstpointer  data)
{
  guint index = 0;
  UtPlatform *platform = find_platform (f, is_mitigation, &index);
  UtActionStep *step;

  g_test_message ("%s", ut_platform_get_id (platform));
  show (f, platform);
  step = step_at (f, platform, index);
  g_assert_cmpstr (ut_action_step_get_done_label (step), ==, "_Mark as Done");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "step.mark", "s", "done"));
  g_assert_true (g_str_has_prefix (ut_action_step_get_status (step), "Marked as done on "));

  platform = find_platform (f, is_setting, &index);
  show (f, platform);
  step = step_at (f, platform, index);
  g_assert_cmpstr (ut_action_step_get_done_label (step), ==, "I _Did This");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step), "step.mark", "s", "done"));
  g_assert_true (g_str_has_prefix (ut_action_step_get_status (step), "You did this on "));
}

/* ---- objecting in writing ------------------------------------------------------------- */

static UtLetterDialog *
find_letter_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (UT_IS_LETTER_DIALOG (window))
        return UT_LETTER_DIALOG (window);
    }
  return NULL;
}

static UtObjectionCard *
objection_card (Fixture *f)
{
  UtObjectionCard *card = NULL;
  GtkWidget *widget = GTK_WIDGET (f->wizard);

  /* Depth-first, like a reader scrolling down the guide. */
  while (widget != NULL && card == NULL)
    {
      if (UT_IS_OBJECTION_CARD (widget))
        card = UT_OBJECTION_CARD (widget);
      else if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget != NULL ? gtk_widget_get_next_sibling (widget) : NULL;
        }
    }
  g_assert_nonnull (card);
  return card;
}

/* In the EU, a guide offers an objection: written with the person's grounds, recorded as sent,
 * then followed: due date, the platform's refusal, and the complaint it opens. */
static void
test_objection (Fixture       *f,
                gconstpointer  data)
{
  UtPlatform *claude = ut_catalog_lookup (f->catalog, "claude");
  UtObjectionCard *card;
  UtLetterDialog *dialog;
  const UtRequest *request;

  show (f, claude);
  card = objection_card (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_cmpstr (ut_objection_card_get_status (card), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "objection.write", "s", "objection"));
  flush_events ();
  dialog = find_letter_dialog ();
  g_assert_nonnull (dialog);

  /* Without grounds the letter is not written; the preview says why. */
  g_assert_false (_ut_letter_dialog_can_send (dialog));
  g_assert_nonnull (strstr (_ut_letter_dialog_get_preview (dialog), "own words"));
  _ut_letter_dialog_set_grounds (dialog, "I care for a relative; my chats describe her illness.");
  g_assert_true (_ut_letter_dialog_can_send (dialog));
  g_assert_nonnull (strstr (_ut_letter_dialog_get_preview (dialog), "I care for a relative; my chats describe her illness."));
  g_assert_nonnull (strstr (_ut_letter_dialog_get_preview (dialog), "privacy@anthropic.com"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "letter.sent", NULL));
  flush_events ();
  g_assert_null (find_letter_dialog ());
  g_assert_cmpstr (last_message (f), ==, "Objection recorded: Untrain will show when the answer is due");
  request = ut_profile_lookup_request (f->profile, "claude");
  g_assert_nonnull (request);
  g_assert_cmpstr (g_array_index (request->events, UtRequestEvent, 0).channel, ==, "email");
  g_assert_true (g_str_has_suffix (ut_objection_card_get_status (card), "Answer due in 30 days.") ||
                 g_str_has_suffix (ut_objection_card_get_status (card), "Answer due in 31 days.") ||
                 g_str_has_suffix (ut_objection_card_get_status (card), "Answer due in 28 days.") ||
                 g_str_has_suffix (ut_objection_card_get_status (card), "Answer due in 29 days."));

  /* A proof kept with it is listed in the guide. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "confirmation.eml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (ut_objection_card_get_proofs (card), ==, "");
    g_assert_true (g_file_set_contents (path, "Subject: Received", -1, NULL));
    g_assert_true (ut_progress_attach_proof (f->progress, f->profile, "claude", NULL, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (ut_objection_card_get_proofs (card), "confirmation.eml (added "));
  }

  /* A refusal: the status says so and a complaint can be written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "objection.record", "s", "refused"));
  g_assert_nonnull (strstr (ut_objection_card_get_status (card), "They refused"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "objection.write", "s", "complaint"));
  flush_events ();
  dialog = find_letter_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (_ut_letter_dialog_can_send (dialog) || strstr (_ut_letter_dialog_get_preview (dialog), "authority") != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Where Untrain knows of no right, the guide offers no letter. */
  g_assert_true (ut_progress_set_region (f->progress, f->profile, UT_REGION_OTHER, NULL));
  show (f, ut_catalog_lookup (f->catalog, "reddit"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (objection_card (f))));
}

int
main (int   argc,
      char *argv[])
{
  /* Not gtk_test_init (): it cannot pass G_TEST_OPTION_ISOLATE_DIRS on. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/guide/report-link", test_report_link);
  ADD ("/guide/no-browser", test_no_browser);
  ADD ("/guide/open-without-link", test_open_without_link);
  ADD ("/guide/open-with-link", test_open_with_link);
  ADD ("/guide/mark-below-fold", test_mark_below_fold);
  ADD ("/guide/mitigation-wording", test_mitigation_wording);
  ADD ("/guide/action-note", test_action_note);
  ADD ("/guide/objection", test_objection);
#undef ADD

  return g_test_run ();
}
