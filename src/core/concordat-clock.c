/* concordat-clock.c: the one place the engine learns today's date.
 *
 * Today is the local date of the computer, unless CONCORDAT_TODAY holds a
 * date as YYYY-MM-DD: then that is today, so that tests and scripts can
 * fix the date that due dates count from.  A value that is not such a date
 * is a mistake someone has to hear about: a program is to call
 * concordat_clock_check_override() as it starts and refuse to run with the
 * message it gives; should anything ask for today without that check, the
 * wall clock is used and a warning names the variable.  An empty CONCORDAT_TODAY counts as unset, as an empty
 * CONCORDAT_DATA_DIR does.
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
gboolean
concordat_clock_check_override (GError **error)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_override (today, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
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
