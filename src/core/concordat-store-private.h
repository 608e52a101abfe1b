/* concordat-store-private.h: what the parts of the store share, and what
 * other parts of the core need of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "concordat-store.h"

G_BEGIN_DECLS

/* How long a connection waits for another Concordat (a window, the
 * reminders in the background, a command) to finish writing before it
 * gives up: far longer than any write takes, so that a write is never
 * lost to a lock, and short enough to say so when something holds it. */
#define CONCORDAT_STORE_BUSY_TIMEOUT_MS 30000
#define CONCORDAT_STORE_BUSY_MESSAGE \
  "another Concordat (a window, the reminders running in the background, or a command) " \
  "kept the database busy for more than 30 seconds. Nothing more was saved; wait for it " \
  "to finish, or close it, and try again"

sqlite3   *concordat_store_get_db            (ConcordatStore  *self);
gboolean   concordat_store_exec              (sqlite3         *db,
                                              const char      *sql,
                                              GError         **error);

sqlite3   *concordat_store_open_connection   (const char      *path,
                                              int              flags,
                                              GError         **error);
gboolean   concordat_store_configure         (sqlite3         *db,
                                              GError         **error);
gboolean   concordat_store_migrate           (sqlite3         *db,
                                              int              from,
                                              GError         **error);
int        concordat_store_read_user_version (sqlite3         *db,
                                              int             *code);
GPtrArray *concordat_store_run_check         (sqlite3         *db,
                                              const char      *path,
                                              const char      *pragma,
                                              GError         **error);
gboolean   concordat_store_has_meta_table    (sqlite3         *db);
gboolean   concordat_store_is_damage         (int              code);
char      *concordat_store_describe_failure  (sqlite3         *db,
                                              int              code);
char      *concordat_store_dup_errmsg        (sqlite3         *db);

GPtrArray *concordat_store_list_backups_in   (const char      *backup_dir);

G_END_DECLS
