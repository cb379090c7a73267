/* ut-webdav.h — the person's own WebDAV folder, where synced progress is kept
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UT_WEBDAV_ERROR (ut_webdav_error_quark ())

typedef enum
{
  UT_WEBDAV_ERROR_ADDRESS,        /* not an https address (plain http only to this machine) */
  UT_WEBDAV_ERROR_NETWORK,        /* the server could not be reached */
  UT_WEBDAV_ERROR_AUTHENTICATION, /* the user name or app password was refused */
  UT_WEBDAV_ERROR_NOT_FOUND,      /* no such file */
  UT_WEBDAV_ERROR_FULL,           /* 507 Insufficient Storage */
  UT_WEBDAV_ERROR_CHANGED,        /* 412: the file changed since it was read */
  UT_WEBDAV_ERROR_SERVER,         /* any other refusal */
} UtWebdavError;

typedef struct
{
  char *name;   /* the file's name in the folder */
  char *etag;   /* nullable */
} UtWebdavEntry;

#define UT_TYPE_WEBDAV (ut_webdav_get_type ())

G_DECLARE_FINAL_TYPE (UtWebdav, ut_webdav, UT, WEBDAV, GObject)

GQuark     ut_webdav_error_quark    (void);
void       ut_webdav_entry_free     (UtWebdavEntry        *entry);

UtWebdav  *ut_webdav_new            (const char           *folder_url,
                                     const char           *user,
                                     const char           *password,
                                     GError              **error);

void       ut_webdav_list_async     (UtWebdav             *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
GPtrArray *ut_webdav_list_finish    (UtWebdav             *self,
                                     GAsyncResult         *result,
                                     GError              **error);

void       ut_webdav_get_async      (UtWebdav             *self,
                                     const char           *name,
                                     const char           *if_none_match,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
GBytes    *ut_webdav_get_finish     (UtWebdav             *self,
                                     GAsyncResult         *result,
                                     char                **etag,
                                     gboolean             *not_modified,
                                     GError              **error);

void       ut_webdav_put_async      (UtWebdav             *self,
                                     const char           *name,
                                     GBytes               *contents,
                                     const char           *if_match,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
char      *ut_webdav_put_finish     (UtWebdav             *self,
                                     GAsyncResult         *result,
                                     GError              **error);

void       ut_webdav_create_folder_async  (UtWebdav           *self,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean   ut_webdav_create_folder_finish (UtWebdav           *self,
                                           GAsyncResult       *result,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtWebdavEntry, ut_webdav_entry_free)

G_END_DECLS
