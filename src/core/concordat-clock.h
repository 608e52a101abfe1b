/* concordat-clock.h: the one place the engine learns today's date, which
 * CONCORDAT_TODAY can set for tests and scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The environment variable that stands in for today, as YYYY-MM-DD. */
#define CONCORDAT_CLOCK_TODAY_VARIABLE "CONCORDAT_TODAY"

GDate    *concordat_clock_today          (void);
gboolean  concordat_clock_check_override (GError **error);

G_END_DECLS
