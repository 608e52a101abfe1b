/* concordat-cli-private.h: what the command-line commands share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "concordat-store.h"

G_BEGIN_DECLS

/* Set by --json, which every command takes. */
extern gboolean concordat_cli_json;

int             concordat_cli_fail        (const char          *format,
                                           ...) G_GNUC_PRINTF (1, 2);
void            concordat_cli_print_json  (JsonBuilder         *builder);
gboolean        concordat_cli_parse       (const char          *usage,
                                           const GOptionEntry  *extra,
                                           int                 *argc,
                                           char              ***argv,
                                           int                  n_args);
ConcordatStore *concordat_cli_open_library (GError            **error);

int concordat_cli_check     (int argc, char **argv);
int concordat_cli_backup    (int argc, char **argv);
int concordat_cli_restore   (int argc, char **argv);
int concordat_cli_import    (int argc, char **argv);
int concordat_cli_protocols (int argc, char **argv);
int concordat_cli_outline   (int argc, char **argv);
int concordat_cli_show      (int argc, char **argv);
int concordat_cli_topic     (int argc, char **argv);
int concordat_cli_search    (int argc, char **argv);

G_END_DECLS
