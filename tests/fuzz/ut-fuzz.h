/* ut-fuzz.h — what the libFuzzer harnesses share
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "ut-progress.h"

G_BEGIN_DECLS

/* libFuzzer's entry point, which it declares in no header. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* A private folder, made for one input and removed with everything in it after that input. */
typedef char UtFuzzDirectory;

void             ut_fuzz_init            (void);
UtFuzzDirectory *ut_fuzz_directory_new   (void);
void             ut_fuzz_directory_free  (UtFuzzDirectory *directory);
char            *ut_fuzz_node_to_string  (JsonNode        *node);
GDateTime       *ut_fuzz_clock           (gpointer         user_data);
UtProgress      *ut_fuzz_new_progress    (const char      *directory);
char            *ut_fuzz_serialise_progress (UtProgress   *progress);
UtProgress      *ut_fuzz_save_and_reload (UtProgress      *progress,
                                          const char      *directory,
                                          const char      *steps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UtFuzzDirectory, ut_fuzz_directory_free)

G_END_DECLS
