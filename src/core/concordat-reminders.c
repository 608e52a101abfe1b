/* concordat-reminders.c: which duties to remind of, and what a reminder
 * says.
 *
 * A duty is due from the start of the day it is due (or was snoozed to),
 * but is reminded of only once the reminder time of that day has come;
 * one due on an earlier day is reminded of at any time.  Each duty is
 * reminded of at most once a day, however many processes look: a reminder
 * is claimed in the store (its last_notified set to today, in one
 * transaction that only takes duties not yet claimed today) before it is
 * sent, and given back when it could not be sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-calendar.h"
#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-record-private.h"
#include "concordat-reminders.h"

void
concordat_reminder_free (ConcordatReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->title);
  g_free (reminder->due);
  g_free (reminder->from);
  g_free (reminder->last_notified);
  g_free (reminder);
}

static gpointer
read_reminder (sqlite3_stmt *stmt)
{
  ConcordatReminder *reminder = g_new0 (ConcordatReminder, 1);

  reminder->id = sqlite3_column_int64 (stmt, 0);
  reminder->action_id = sqlite3_column_int64 (stmt, 1);
  reminder->title = concordat_record_column_dup (stmt, 2);
  reminder->due = concordat_record_column_dup (stmt, 3);
  reminder->overdue = sqlite3_column_int (stmt, 4);
  reminder->last_notified = concordat_record_column_dup (stmt, 5);
  return reminder;
}

/**
 * concordat_reminders_find:
 * @today: the day it is
 * @minute_of_day: the time it is, in minutes after midnight
 * @reminder_time: the time of day, in minutes after midnight, from which
 *   a duty due that day is reminded of
 *
 * Reads only the duties' own rows, so that a scan among years of duties
 * stays quick; concordat_reminders_add_sources() adds what each came from.
 *
 * Returns: (transfer full) (element-type ConcordatReminder): the duties
 *   not done that are due and have not been reminded of today, the
 *   longest due first
 */
GPtrArray *
concordat_reminders_find (ConcordatStore  *store,
                          const GDate     *today,
                          guint            minute_of_day,
                          guint            reminder_time,
                          GError         **error)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_reminder_free);
  g_autofree char *day = NULL;
  g_autofree char *limit = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GDate last_due;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Before the reminder time, only what fell due on an earlier day. */
  last_due = *today;
  if (minute_of_day < reminder_time)
    g_date_subtract_days (&last_due, 1);
  day = concordat_record_format_date (today);
  limit = concordat_record_format_date (&last_due);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db,
                                   "SELECT id, action_id, title, coalesce (snoozed_until, due), "
                                   "coalesce (snoozed_until, due) < ?1, last_notified "
                                   "FROM duties "
                                   "WHERE done_at IS NULL AND coalesce (snoozed_until, due) <= ?2 "
                                   "AND (last_notified IS NULL OR last_notified < ?1) "
                                   "ORDER BY coalesce (snoozed_until, due), id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, limit, -1, SQLITE_STATIC);

  if (!concordat_record_read_rows (db, stmt, read_reminder, reminders, error))
    return NULL;
  return g_steal_pointer (&reminders);
}

/**
 * concordat_reminders_add_sources:
 * @reminders: (element-type ConcordatReminder): as found
 *
 * Fills in each reminder's @from: the summary of the action it came from.
 */
gboolean
concordat_reminders_add_sources (ConcordatStore  *store,
                                 GPtrArray       *reminders,
                                 GError         **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);

  if (reminders->len == 0)
    return TRUE;

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "SELECT summary FROM actions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < reminders->len; i++)
    {
      ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, reminder->action_id);
      g_clear_pointer (&reminder->from, g_free);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        reminder->from = concordat_record_column_dup (stmt, 0);
      else
        reminder->from = g_strdup ("");
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * concordat_reminders_claim:
 * @reminders: (element-type ConcordatReminder): as found
 *
 * Marks each as reminded of @today, in one transaction, and drops from
 * @reminders any that another process claimed or marked done meanwhile.
 */
gboolean
concordat_reminders_claim (ConcordatStore  *store,
                           GPtrArray       *reminders,
                           const GDate     *today,
                           GError         **error)
{
  g_autofree char *day = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (reminders->len == 0)
    return TRUE;

  db = concordat_store_get_db (store);
  day = concordat_record_format_date (today);
  if (!concordat_record_begin (db, error))
    return FALSE;
  stmt = concordat_record_prepare (db,
                                   "UPDATE duties SET last_notified = ?1 WHERE id = ?2 AND done_at IS NULL "
                                   "AND (last_notified IS NULL OR last_notified < ?1)",
                                   error);
  if (stmt == NULL)
    {
      concordat_record_rollback (db);
      return FALSE;
    }

  for (guint i = 0; i < reminders->len; )
    {
      ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, reminder->id);
      if (!concordat_record_step_write (db, stmt, "note the reminder", error))
        {
          sqlite3_finalize (stmt);
          concordat_record_rollback (db);
          return FALSE;
        }
      if (sqlite3_changes (db) == 0)
        g_ptr_array_remove_index (reminders, i);
      else
        i++;
    }

  sqlite3_finalize (stmt);
  return concordat_record_commit (db, error);
}

/**
 * concordat_reminders_unclaim:
 *
 * Gives back what concordat_reminders_claim() took, for reminders that
 * could not be sent, so that they are sent when they can be.
 */
gboolean
concordat_reminders_unclaim (ConcordatStore  *store,
                             GPtrArray       *reminders,
                             GError         **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);

  db = concordat_store_get_db (store);
  if (!concordat_record_begin (db, error))
    return FALSE;
  stmt = concordat_record_prepare (db, "UPDATE duties SET last_notified = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    {
      concordat_record_rollback (db);
      return FALSE;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, reminder->last_notified, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, reminder->id);
      if (!concordat_record_step_write (db, stmt, "give the reminder back", error))
        {
          sqlite3_finalize (stmt);
          concordat_record_rollback (db);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return concordat_record_commit (db, error);
}

static char *
describe_day (const char *iso)
{
  GDate date;

  if (!concordat_calendar_parse_date (iso, &date))
    return g_strdup (iso);
  return concordat_calendar_describe_date (&date);
}

/**
 * concordat_reminder_dup_body:
 *
 * Returns: when it was due and what it came from, as
 *   "Due today, Tuesday 29 December 2026. From: Briefing on …"
 */
char *
concordat_reminder_dup_body (const ConcordatReminder *reminder,
                             const GDate             *today)
{
  g_autofree char *when = describe_day (reminder->due);
  const char *from = reminder->from != NULL ? reminder->from : "";

  if (reminder->overdue)
    return g_strdup_printf ("Overdue: it was due on %s. From: %s", when, from);
  return g_strdup_printf ("Due today, %s. From: %s", when, from);
}

/**
 * concordat_reminders_dup_summary:
 *
 * Returns: the title of the one notification that stands for @reminders,
 *   as "5 duties are due"
 */
char *
concordat_reminders_dup_summary (GPtrArray *reminders)
{
  return g_strdup_printf ("%u duties are due", reminders->len);
}

/**
 * concordat_reminders_dup_body:
 *
 * Returns: the first duties' titles, one to a line, overdue ones marked,
 *   and how many more there are
 */
char *
concordat_reminders_dup_body (GPtrArray *reminders)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint shown = MIN (reminders->len, CONCORDAT_REMINDERS_MAX_LISTED);

  for (guint i = 0; i < shown; i++)
    {
      ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

      g_string_append_printf (body, "%s%s%s", i > 0 ? "\n" : "",
                              reminder->overdue ? "Overdue: " : "", reminder->title);
    }
  if (reminders->len > shown)
    g_string_append_printf (body, "\nand %u more", reminders->len - shown);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

gboolean
concordat_reminders_any_overdue (GPtrArray *reminders)
{
  for (guint i = 0; i < reminders->len; i++)
    if (((ConcordatReminder *) g_ptr_array_index (reminders, i))->overdue)
      return TRUE;
  return FALSE;
}

void
concordat_reminder_notice_free (ConcordatReminderNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->tag);
  g_free (notice->summary);
  g_free (notice->body);
  g_ptr_array_unref (notice->reminders);
  g_ptr_array_unref (notice->owner);
  g_free (notice);
}

static ConcordatReminderNotice *
notice_new (GPtrArray *owner,
            char      *tag,
            char      *summary,
            char      *body,
            gboolean   overdue)
{
  ConcordatReminderNotice *notice = g_new0 (ConcordatReminderNotice, 1);

  notice->tag = tag;
  notice->summary = summary;
  notice->body = body;
  notice->urgency = overdue ? CONCORDAT_NOTIFY_URGENCY_CRITICAL : CONCORDAT_NOTIFY_URGENCY_NORMAL;
  notice->reminders = g_ptr_array_new ();
  notice->owner = g_ptr_array_ref (owner);
  return notice;
}

/**
 * concordat_reminders_compose:
 * @reminders: (element-type ConcordatReminder): the claimed reminders, with
 *   their sources added when there are few
 * @today: the day it is
 *
 * Words the notifications for @reminders: one each for up to
 * CONCORDAT_REMINDERS_MAX_SINGLE, otherwise one that stands for them all.
 * Each notice keeps @reminders alive.
 *
 * Returns: (transfer full) (element-type ConcordatReminderNotice): the
 *   notifications to send
 */
GPtrArray *
concordat_reminders_compose (GPtrArray   *reminders,
                             const GDate *today)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_reminder_notice_free);

  g_return_val_if_fail (reminders != NULL, notices);

  if (reminders->len > CONCORDAT_REMINDERS_MAX_SINGLE)
    {
      ConcordatReminderNotice *notice = notice_new (reminders, g_strdup (CONCORDAT_REMINDERS_GROUP_TAG),
                                                    concordat_reminders_dup_summary (reminders),
                                                    concordat_reminders_dup_body (reminders),
                                                    concordat_reminders_any_overdue (reminders));

      notice->grouped = TRUE;
      g_ptr_array_extend (notice->reminders, reminders, NULL, NULL);
      g_ptr_array_add (notices, notice);
      return notices;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      ConcordatReminder *reminder = g_ptr_array_index (reminders, i);
      ConcordatReminderNotice *notice;

      notice = notice_new (reminders,
                           g_strdup_printf (CONCORDAT_REMINDERS_DUTY_TAG_PREFIX "%" G_GINT64_FORMAT, reminder->id),
                           g_strdup (reminder->title), concordat_reminder_dup_body (reminder, today),
                           reminder->overdue);
      g_ptr_array_add (notice->reminders, reminder);
      g_ptr_array_add (notices, notice);
    }
  return notices;
}

/**
 * concordat_reminders_snooze_a_day:
 * @until: (out) (optional): the day it is put off to
 *
 * Puts the duty off to the council's next working day after @today.
 */
gboolean
concordat_reminders_snooze_a_day (ConcordatStore  *store,
                                  gint64           id,
                                  const GDate     *today,
                                  GDate           *until,
                                  GError         **error)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autoptr(GDate) next = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  council = concordat_council_load (store, error);
  if (council != NULL)
    calendar = concordat_council_dup_calendar (store, council, error);
  if (calendar != NULL)
    next = concordat_calendar_add_working_days (calendar, today, 1, error);
  if (next == NULL || !concordat_record_duty_snooze (store, id, next, today, error))
    return FALSE;

  if (until != NULL)
    *until = *next;
  return TRUE;
}
