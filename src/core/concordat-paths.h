/* concordat-paths.h: where Concordat keeps its data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *concordat_paths_data_dir       (void);
char    *concordat_paths_database_file  (void);
gboolean concordat_paths_ensure_private (const char  *dir,
                                         GError     **error);
gboolean concordat_paths_create_private_file (const char  *path,
                                              GError     **error);
void     concordat_paths_narrow_existing     (const char  *path);

G_END_DECLS
