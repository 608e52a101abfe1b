/* concordat-store-private.h: what other parts of the core need of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "concordat-store.h"

G_BEGIN_DECLS

sqlite3   *concordat_store_get_db          (ConcordatStore  *self);
gboolean   concordat_store_exec            (sqlite3         *db,
                                            const char      *sql,
                                            GError         **error);
GPtrArray *concordat_store_list_backups_in (const char      *backup_dir);

G_END_DECLS
