/* concordat-record-private.h: what the parts of the record share — the
 * SQLite helpers, the ledger's one way of changing a cell and the one
 * query for duties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "concordat-record.h"
#include "concordat-store-private.h"

G_BEGIN_DECLS

/* The columns concordat_record_read_action() reads. */
#define ACTION_QUERY \
  "SELECT id, wizard, wizard_version, date, created_at, summary, answers, notes, " \
  "document, document_version FROM actions "

/* Makes one item of a list from the row @stmt is on. */
typedef gpointer (*ConcordatRecordRowReader) (sqlite3_stmt *stmt);

sqlite3_stmt *concordat_record_prepare           (sqlite3                   *db,
                                                  const char                *sql,
                                                  GError                   **error);
void          concordat_record_set_write_error   (GError                   **error,
                                                  sqlite3                   *db,
                                                  const char                *doing);
gboolean      concordat_record_step_write        (sqlite3                   *db,
                                                  sqlite3_stmt              *stmt,
                                                  const char                *doing,
                                                  GError                   **error);
gboolean      concordat_record_run_write         (sqlite3                   *db,
                                                  sqlite3_stmt              *stmt,
                                                  const char                *doing,
                                                  GError                   **error);
gboolean      concordat_record_read_rows         (sqlite3                   *db,
                                                  sqlite3_stmt              *stmt,
                                                  ConcordatRecordRowReader   reader,
                                                  GPtrArray                 *rows,
                                                  GError                   **error);
gpointer      concordat_record_read_action       (sqlite3_stmt              *stmt);
gint64        concordat_record_find_id           (sqlite3                   *db,
                                                  const char                *sql,
                                                  const char                *name,
                                                  GError                   **error);

gboolean      concordat_record_begin             (sqlite3                   *db,
                                                  GError                   **error);
gboolean      concordat_record_commit            (sqlite3                   *db,
                                                  GError                   **error);
void          concordat_record_rollback          (sqlite3                   *db);

char         *concordat_record_column_dup        (sqlite3_stmt              *stmt,
                                                  int                        column);
char         *concordat_record_now               (void);
char         *concordat_record_format_date       (const GDate               *date);

gboolean      concordat_record_write_cell        (sqlite3                   *db,
                                                  gint64                     topic_id,
                                                  gint64                     group_id,
                                                  const char                *state,
                                                  const char                *date,
                                                  gint64                     action_id,
                                                  GError                   **error);
GPtrArray    *concordat_record_list_duties_where (sqlite3                   *db,
                                                  const char                *where,
                                                  gint64                     id,
                                                  const char                *today,
                                                  GError                   **error);

G_END_DECLS
