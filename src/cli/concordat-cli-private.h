/* concordat-cli-private.h: what the command-line commands share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "concordat-store.h"

G_BEGIN_DECLS

/* An id as text, for a translatable message: concordat_cli_format_id(). */
typedef char ConcordatCliIdText[24];

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
ConcordatStore *concordat_cli_open_store  (void);
int             concordat_cli_fail_error  (const GError        *error);
const char     *concordat_cli_format_id   (gint64               id,
                                           ConcordatCliIdText   text);
const char     *concordat_cli_verb        (int                  argc,
                                           char               **argv,
                                           const char * const  *value_options);

void            concordat_cli_add_string  (JsonBuilder         *builder,
                                           const char          *member,
                                           const char          *value);
void            concordat_cli_add_int     (JsonBuilder         *builder,
                                           const char          *member,
                                           gint64               value);
void            concordat_cli_add_boolean (JsonBuilder         *builder,
                                           const char          *member,
                                           gboolean             value);
void            concordat_cli_add_strings (JsonBuilder         *builder,
                                           const char          *member,
                                           GPtrArray           *strings);
void            concordat_cli_add_citations (JsonBuilder       *builder,
                                           GPtrArray           *citations);

int concordat_cli_check     (int argc, char **argv);
int concordat_cli_backup    (int argc, char **argv);
int concordat_cli_restore   (int argc, char **argv);
int concordat_cli_import    (int argc, char **argv);
int concordat_cli_protocols (int argc, char **argv);
int concordat_cli_outline   (int argc, char **argv);
int concordat_cli_show      (int argc, char **argv);
int concordat_cli_topic     (int argc, char **argv);
int concordat_cli_search    (int argc, char **argv);
int concordat_cli_council   (int argc, char **argv);
int concordat_cli_groups    (int argc, char **argv);
int concordat_cli_wards     (int argc, char **argv);
int concordat_cli_holidays  (int argc, char **argv);
int concordat_cli_wizard    (int argc, char **argv);
int concordat_cli_record    (int argc, char **argv);
int concordat_cli_duties    (int argc, char **argv);
int concordat_cli_duty      (int argc, char **argv);
int concordat_cli_ledger    (int argc, char **argv);
int concordat_cli_remind    (int argc, char **argv);

G_END_DECLS
