/* concordat-clock.h: the one place the engine learns today's date and the
 * time of day, which CONCORDAT_TODAY and CONCORDAT_TIME can set for tests
 * and scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The environment variable that stands in for today, as YYYY-MM-DD. */
#define CONCORDAT_CLOCK_TODAY_VARIABLE "CONCORDAT_TODAY"
/* The one that stands in for the time of day, as HH:MM. */
#define CONCORDAT_CLOCK_TIME_VARIABLE "CONCORDAT_TIME"

GDate    *concordat_clock_today          (void);
guint     concordat_clock_minute_of_day  (void);
gboolean  concordat_clock_check_override (GError **error);
gboolean  concordat_clock_parse_time     (const char  *text,
                                          guint       *minute_of_day);

G_END_DECLS
