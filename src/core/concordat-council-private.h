/* concordat-council-private.h: what the parts of the council share — the
 * store helpers, the longest names and the check of a name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "concordat-council.h"
#include "concordat-store-private.h"

G_BEGIN_DECLS

/* The longest council, group, ward and holiday names accepted. */
#define COUNCIL_NAME_MAX 200
#define ITEM_NAME_MAX    100

sqlite3_stmt *concordat_council_prepare         (ConcordatStore  *store,
                                                 const char      *sql,
                                                 GError         **error);
int           concordat_council_step_write      (sqlite3_stmt    *stmt);
gboolean      concordat_council_run_write       (ConcordatStore  *store,
                                                 sqlite3_stmt    *stmt,
                                                 const char      *doing,
                                                 GError         **error);
void          concordat_council_set_write_error (ConcordatStore  *store,
                                                 const char      *doing,
                                                 GError         **error);
void          concordat_council_note_change     (ConcordatStore  *store,
                                                 int              rc);
int           concordat_council_changes         (ConcordatStore  *store);
char         *concordat_council_column_dup      (sqlite3_stmt    *stmt,
                                                 int              column);

char         *concordat_council_format_date     (const GDate     *date);
char         *concordat_council_names_of        (GPtrArray       *items,
                                                 gsize            name_offset);
char         *concordat_council_check_item_name (const char      *text,
                                                 const char      *what,
                                                 const char      *example,
                                                 guint            max,
                                                 GError         **error);

G_END_DECLS
