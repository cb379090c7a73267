/* ut-source-link.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-source-link"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-compat.h"
#include "ut-source-link.h"
#include "ut-util.h"

/* Through ut_show_uri(), so that where no browser can open it the address is offered to copy
 * rather than GTK's generic error. */
static gboolean
activate_link_cb (GtkLinkButton *link,
                  gpointer       user_data)
{
  ut_show_uri (GTK_WIDGET (link), gtk_link_button_get_uri (link));
  gtk_link_button_set_visited (link, TRUE);
  return TRUE;
}

/* A link to a source that says who published it and when, so a person can weigh a guide's advice
 * before following it: "LinkedIn Help: Data for Generative AI Improvement (Platform, 3 November
 * 2025)". It opens in the browser (through the portal when sandboxed). */
GtkWidget *
ut_source_link_new (const UtSource *source)
{
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  GtkWidget *link;
  GtkWidget *child;

  g_return_val_if_fail (source != NULL, NULL);

  date = ut_format_iso_date (source->date);
  /* Translators: a source: its title, who published it ("Platform", "Regulator", "Court",
   * "Press", "Other") and its date */
  label = g_strdup_printf (_("%s (%s, %s)"), source->title,
                           ut_publisher_get_display_name (source->publisher), date);
  link = gtk_link_button_new_with_label (source->url, label);
  /* Filling the line lets a long title wrap at the card's edge rather than at half its width. */
  gtk_widget_set_halign (link, GTK_ALIGN_FILL);
  gtk_widget_set_tooltip_text (link, source->url);
  gtk_widget_add_css_class (link, "source-link");
  g_signal_connect (link, "activate-link", G_CALLBACK (activate_link_cb), NULL);

  child = gtk_button_get_child (GTK_BUTTON (link));
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
    }

  return link;
}
