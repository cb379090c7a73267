/* ut-test-utils.h — helpers the test programs share
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void                 ut_test_remove_tree          (const char          *path);
char                *ut_test_read_file            (const char          *path);
const char          *ut_test_untrain_binary       (void);
GSubprocessLauncher *ut_test_launcher             (const char          *data_home,
                                                   const char          *config_home);
int                  ut_test_run_valist           (GSubprocessLauncher *launcher,
                                                   const char          *program,
                                                   char               **out,
                                                   char               **err,
                                                   const char          *first,
                                                   va_list              args);

/* Waiting for an async call in a test: pass ut_test_async_done_cb with the UtTestAsync as user
 * data, then take the result with ut_test_async_wait(). */
typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} UtTestAsync;

void                 ut_test_async_done_cb        (GObject             *source,
                                                   GAsyncResult        *result,
                                                   gpointer             async);
GAsyncResult        *ut_test_async_wait           (UtTestAsync         *async);
void                 ut_test_async_clear          (UtTestAsync         *async);

void                 ut_test_wait_until           (gboolean           (*done) (gpointer),
                                                   gpointer             data,
                                                   guint                seconds);

guint16              ut_test_free_port            (void);
GSubprocess         *ut_test_rclone_start         (const char          *folder,
                                                   const char          *user,
                                                   const char          *password,
                                                   char               **url);
void                 ut_test_rclone_stop          (GSubprocess         *rclone);

G_END_DECLS
