/* concordat-autostart.h: the XDG autostart entry that starts Concordat
 * without a window at login, to send reminders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *concordat_autostart_dup_path  (void);
char     *concordat_autostart_dup_entry (const char  *executable);
gboolean  concordat_autostart_set       (gboolean     enabled,
                                         const char  *executable,
                                         GError     **error);

G_END_DECLS
