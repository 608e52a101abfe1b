/* concordat-clock.c: the one place the engine learns today's date.
 *
 * Today is the local date of the computer, unless CONCORDAT_TODAY holds a
 * date as YYYY-MM-DD: then that is today, so that tests and scripts can
 * fix the date that due dates count from.  A value that is not such a date
 * is a mistake someone has to hear about: a program is to call
 * concordat_clock_check_override() as it starts and refuse to run with the
 * message it gives; should anything ask for today without that check, the
 * wall clock is used and a warning names the variable.  An empty
 * CONCORDAT_TODAY counts as unset, as an empty CONCORDAT_DATA_DIR does.
 * CONCORDAT_TIME, as HH:MM, stands in for the time of day in the same way,
 * for the reminders that wait for a time of day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-calendar.h"
#include "concordat-clock.h"
#include "concordat-error.h"

/* Fills @today from the variable.  Returns %FALSE, with @error set if the
 * value is not a date, when the variable gives no date. */
static gboolean
read_override (GDate   *today,
               GError **error)
{
  const char *value = g_getenv (CONCORDAT_CLOCK_TODAY_VARIABLE);

  if (value == NULL || *value == '\0')
    return FALSE;
  if (concordat_calendar_parse_date (value, today))
    return TRUE;

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "%s is set to “%s”, which is not a date: set it to a date in the form "
               "YYYY-MM-DD, such as 2026-12-23, or unset it to use today’s date",
               CONCORDAT_CLOCK_TODAY_VARIABLE, value);
  return FALSE;
}

/**
 * concordat_clock_check_override:
 *
 * Checks CONCORDAT_TODAY, for a program to call as it starts.
 *
 * Returns: %TRUE if it is unset, empty, or a date as YYYY-MM-DD; %FALSE
 *   with @error naming the variable and the form it takes otherwise
 */
/**
 * concordat_clock_parse_time:
 * @text: a time of day as HH:MM, 00:00 to 23:59
 * @minute_of_day: (out): minutes since midnight
 *
 * Returns: whether @text is such a time
 */
gboolean
concordat_clock_parse_time (const char *text,
                            guint      *minute_of_day)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minute_of_day != NULL, FALSE);

  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  guint hour = (text[0] - '0') * 10 + (text[1] - '0');
  guint minute = (text[3] - '0') * 10 + (text[4] - '0');

  if (hour > 23 || minute > 59)
    return FALSE;
  *minute_of_day = hour * 60 + minute;
  return TRUE;
}

static gboolean
read_time_override (guint   *minute_of_day,
                    GError **error)
{
  const char *value = g_getenv (CONCORDAT_CLOCK_TIME_VARIABLE);

  if (value == NULL || *value == '\0')
    return FALSE;
  if (concordat_clock_parse_time (value, minute_of_day))
    return TRUE;

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "%s is set to “%s”, which is not a time of day: set it to a time in the form "
               "HH:MM, such as 09:00, or unset it to use the computer’s clock",
               CONCORDAT_CLOCK_TIME_VARIABLE, value);
  return FALSE;
}

gboolean
concordat_clock_check_override (GError **error)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GError) local_error = NULL;
  guint minute;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((!read_override (today, &local_error) && local_error != NULL) ||
      (!read_time_override (&minute, &local_error) && local_error != NULL))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * concordat_clock_minute_of_day:
 *
 * Returns: the minutes since local midnight, or the time CONCORDAT_TIME
 *   holds
 */
guint
concordat_clock_minute_of_day (void)
{
  static gint warned;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  guint minute;

  if (read_time_override (&minute, &error))
    return minute;

  if (error != NULL && g_atomic_int_compare_and_exchange (&warned, 0, 1))
    g_warning ("%s; using the computer’s clock meanwhile", error->message);

  now = g_date_time_new_now_local ();
  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

/**
 * concordat_clock_today:
 *
 * Returns: (transfer full): today's local date, or the date in
 *   CONCORDAT_TODAY when that is set
 */
GDate *
concordat_clock_today (void)
{
  static gint warned;
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (read_override (today, &error))
    return g_steal_pointer (&today);

  /* Once is enough to be heard; the clock is asked often. */
  if (error != NULL && g_atomic_int_compare_and_exchange (&warned, 0, 1))
    g_warning ("%s; using the computer’s date meanwhile", error->message);

  now = g_date_time_new_now_local ();
  g_date_set_dmy (today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return g_steal_pointer (&today);
}
