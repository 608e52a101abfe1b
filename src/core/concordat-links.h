/* concordat-links.h: web and email addresses in protocol text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  concordat_links_is_safe_uri (const char *uri);
char     *concordat_links_to_markup   (const char *text);

G_END_DECLS
