/* concordat-cli.h: the headless subcommands of the concordat binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean concordat_cli_handles (int    argc,
                                char **argv);
int      concordat_cli_run     (int    argc,
                                char **argv);

G_END_DECLS
