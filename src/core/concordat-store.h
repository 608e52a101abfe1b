/* concordat-store.h: the one SQLite database that holds everything Concordat
 * records, with its migrations, checks, backups and restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema this build writes; a database newer than this is refused. */
#define CONCORDAT_STORE_SCHEMA_VERSION 5

/* How many daily backups are kept in backups/ beside the database. */
#define CONCORDAT_STORE_BACKUPS_KEPT 7

#define CONCORDAT_TYPE_STORE (concordat_store_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatStore, concordat_store, CONCORDAT, STORE, GObject)

ConcordatStore *concordat_store_open              (const char      *path,
                                                   GError         **error);
ConcordatStore *concordat_store_open_default      (GError         **error);

const char     *concordat_store_get_path          (ConcordatStore  *self);
char           *concordat_store_dup_backup_dir    (ConcordatStore  *self);
int             concordat_store_get_schema_version (ConcordatStore *self);

char           *concordat_store_get_meta          (ConcordatStore  *self,
                                                   const char      *key);
gboolean        concordat_store_set_meta          (ConcordatStore  *self,
                                                   const char      *key,
                                                   const char      *value,
                                                   GError         **error);

void            concordat_store_changed           (ConcordatStore  *self,
                                                   const char      *what);

char           *concordat_store_backup            (ConcordatStore  *self,
                                                   GDateTime       *now,
                                                   GError         **error);
char           *concordat_store_backup_if_due     (ConcordatStore  *self,
                                                   GDateTime       *now,
                                                   GError         **error);
GPtrArray      *concordat_store_list_backups      (ConcordatStore  *self);
gboolean        concordat_store_restore           (ConcordatStore  *self,
                                                   const char      *file,
                                                   char           **safety_backup,
                                                   GError         **error);

GPtrArray      *concordat_store_check_file        (const char      *path,
                                                   GError         **error);

G_END_DECLS
