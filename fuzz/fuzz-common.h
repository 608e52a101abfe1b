/* fuzz-common.h: what the fuzz targets share — a council to evaluate
 * answers against, and the checks every error and result must pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "concordat-store.h"
#include "concordat-wizard.h"

G_BEGIN_DECLS

/* Each target defines these two; libFuzzer or fuzz/replay.c calls them. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* The message of the error the last input was refused with (for answers,
 * else the problems each wizard found with them), or NULL; the replay
 * compares it with what a regression input expects. */
extern char *concordat_fuzz_last_error;

void            concordat_fuzz_init          (void);
ConcordatStore *concordat_fuzz_store         (void);
const GDate    *concordat_fuzz_today         (void);
void            concordat_fuzz_check_error   (const GError *error,
                                              const char   *source);
void            concordat_fuzz_check_text    (const char   *text,
                                              const char   *what);
void            concordat_fuzz_check_outcome (const ConcordatOutcome *outcome);
void            concordat_fuzz_fail          (const char   *format,
                                              ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

G_END_DECLS
