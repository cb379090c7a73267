/* ut-compat.h
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The few calls that differ between Debian 12 (GTK 4.8, libadwaita 1.2) and the GNOME Flatpak
 * runtime (GTK 4.16+, libadwaita 1.6+). Every version check in Untrain lives in ut-compat.c. */

typedef void (*UtConfirmFunc) (gpointer user_data);

void ut_show_uri         (GtkWidget         *parent,
                          const char        *uri);
void ut_show_uri_full    (GtkWidget         *parent,
                          const char        *uri,
                          const char        *fallback_text);
void ut_show_about       (GtkWidget         *parent);
void ut_confirm          (GtkWidget         *parent,
                          const char        *heading,
                          const char        *body,
                          const char        *confirm_label,
                          UtConfirmFunc      on_confirm,
                          gpointer           user_data);
void ut_scroll_to_widget (GtkScrolledWindow *scroller,
                          GtkWidget         *widget);

void   ut_open_file           (GtkWidget            *parent,
                               GFile                *file);
void   ut_choose_file_async   (GtkWidget            *parent,
                               gboolean              save,
                               const char           *title,
                               const char           *suggested_name,
                               GtkFileFilter        *filter,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
GFile *ut_choose_file_finish  (GAsyncResult         *result,
                               GError              **error);

G_END_DECLS
