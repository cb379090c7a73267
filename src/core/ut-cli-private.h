/* ut-cli-private.h — what the command line's files share
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ut-catalog.h"
#include "ut-progress.h"

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 the operation failed (invalid catalog, unwritable progress, a
 * catalog update refused), 2 the command line was wrong (unknown option, platform, action or
 * profile). */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  gboolean   list;
  gboolean   status;
  gboolean   validate;
  gboolean   use;
  gboolean   mark;
  gboolean   version;
  gboolean   identity_set;
  gboolean   identity_get;
  gboolean   identity_clear;
  gboolean   update_catalog;
  char      *url;
  char      *region;
  char      *profile;
  char      *export;
  char      *output;
  char      *paper;
  char      *import;
  char      *letter;        /* --letter PLATFORM */
  char      *request;       /* --request PLATFORM */
  char      *grounds;
  char      *grounds_file;
  char      *format;
  char      *name;
  char      *language;
  char      *regulator;
  char      *date;
  char      *channel;
  char      *kind;          /* reminder or complaint, for --letter */
  gboolean   with_identity;
  char      *sync_setup;    /* --sync-setup URL */
  char      *user;
  char      *recovery_code;
  gboolean   sync;
  gboolean   sync_status;
  gboolean   sync_stop;
  char     **arguments;

  UtCatalog  *catalog;
  UtProgress *progress;
} Cli;

int    _ut_cli_usage_error  (const char  *format,
                             ...) G_GNUC_PRINTF (1, 2);
int    _ut_cli_failure      (const char  *message);
guint  _ut_cli_n_arguments  (Cli         *cli);
int    _ut_cli_load_catalog (Cli         *cli);
int    _ut_cli_load_progress (Cli        *cli);
int    _ut_cli_find_platform (Cli        *cli,
                             const char  *id,
                             UtPlatform **platform);
int    _ut_cli_find_profile (Cli         *cli,
                             UtProfile  **profile);

/* ut-cli-sync.c */
int    _ut_cli_sync         (Cli         *cli);

/* ut-cli-letter.c */
int    _ut_cli_letter       (Cli         *cli);
int    _ut_cli_request      (Cli         *cli);
void   _ut_cli_print_requests (Cli       *cli,
                             UtProfile   *profile);

G_END_DECLS
