/* concordat-record-duties.c: the duties the actions created — listing
 * them by status against a given day, marking them done and snoozing them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-error.h"
#include "concordat-record-private.h"

#define DUTY_QUERY \
  "SELECT d.id, d.action_id, a.wizard, d.title, d.due, d.snoozed_until, d.done_at, " \
  "g.name, t.name, coalesce (d.snoozed_until, d.due) < ?2 " \
  "FROM duties d JOIN actions a ON a.id = d.action_id " \
  "LEFT JOIN party_groups g ON g.id = d.group_id " \
  "LEFT JOIN briefing_topics t ON t.id = d.topic_id "

/* Overdue once the day after its due date, or the date it was snoozed
 * to, has come: the query compares that date with today as ?2. */
static gpointer
read_duty (sqlite3_stmt *stmt)
{
  ConcordatDuty *duty = g_new0 (ConcordatDuty, 1);

  duty->id = sqlite3_column_int64 (stmt, 0);
  duty->action_id = sqlite3_column_int64 (stmt, 1);
  duty->wizard = concordat_record_column_dup (stmt, 2);
  duty->title = concordat_record_column_dup (stmt, 3);
  duty->due = concordat_record_column_dup (stmt, 4);
  duty->snoozed_until = concordat_record_column_dup (stmt, 5);
  duty->done_at = concordat_record_column_dup (stmt, 6);
  duty->group = concordat_record_column_dup (stmt, 7);
  duty->topic = concordat_record_column_dup (stmt, 8);

  if (duty->done_at != NULL)
    duty->status = CONCORDAT_DUTY_DONE;
  else if (sqlite3_column_int (stmt, 9))
    duty->status = CONCORDAT_DUTY_OVERDUE;
  else
    duty->status = CONCORDAT_DUTY_PENDING;

  return duty;
}

/* @where may use ?1 (@id) and ?2 (@today). */
GPtrArray *
concordat_record_list_duties_where (sqlite3     *db,
                                    const char  *where,
                                    gint64       id,
                                    const char  *today,
                                    GError     **error)
{
  g_autoptr(GPtrArray) duties = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_duty_free);
  g_autofree char *sql = g_strconcat (DUTY_QUERY, where, NULL);
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);

  if (!concordat_record_read_rows (db, stmt, read_duty, duties, error))
    return NULL;

  return g_steal_pointer (&duties);
}

/**
 * concordat_record_list_duties:
 * @today: the day their status is worked out for
 *
 * Returns: (transfer full) (element-type ConcordatDuty): the duties the
 *   filter picks, by the date they are due (or snoozed to), then id
 */
GPtrArray *
concordat_record_list_duties (ConcordatStore       *store,
                              ConcordatDutyFilter   filter,
                              const GDate          *today,
                              GError              **error)
{
  static const char * const wheres[] = {
    [CONCORDAT_DUTY_FILTER_PENDING] = "WHERE d.done_at IS NULL ",
    [CONCORDAT_DUTY_FILTER_OVERDUE] = "WHERE d.done_at IS NULL AND coalesce (d.snoozed_until, d.due) < ?2 ",
    [CONCORDAT_DUTY_FILTER_DONE] = "WHERE d.done_at IS NOT NULL ",
    [CONCORDAT_DUTY_FILTER_ALL] = "",
  };
  g_autofree char *where = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (filter <= CONCORDAT_DUTY_FILTER_ALL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  where = g_strconcat (wheres[filter], "ORDER BY coalesce (d.snoozed_until, d.due), d.id", NULL);
  day = concordat_record_format_date (today);

  return concordat_record_list_duties_where (concordat_store_get_db (store), where, 0, day, error);
}

static void
set_no_duty_error (GError **error,
                   gint64   id)
{
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "There is no duty %" G_GINT64_FORMAT "; "
               "“concordat duties --status all” lists every duty and its number", id);
}

/**
 * concordat_record_get_duty:
 * @today: the day its status is worked out for
 *
 * Returns: (transfer full): the duty
 */
ConcordatDuty *
concordat_record_get_duty (ConcordatStore  *store,
                           gint64           id,
                           const GDate     *today,
                           GError         **error)
{
  g_autoptr(GPtrArray) duties = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  day = concordat_record_format_date (today);
  duties = concordat_record_list_duties_where (concordat_store_get_db (store),
                                               "WHERE d.id = ?1", id, day, error);
  if (duties == NULL)
    return NULL;

  if (duties->len == 0)
    {
      set_no_duty_error (error, id);
      return NULL;
    }

  return g_ptr_array_steal_index (duties, 0);
}

/* Looks the duty up and refuses one that is already done; @then says
 * what that means for the caller. */
static gboolean
check_not_done (sqlite3     *db,
                gint64       id,
                const char  *then,
                GError     **error)
{
  g_autofree char *done_at = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = concordat_record_prepare (db, "SELECT done_at FROM duties WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    done_at = concordat_record_column_dup (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    set_no_duty_error (error, id);
  else if (rc != SQLITE_ROW)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                 "Cannot read the duties: %s", sqlite3_errmsg (db));
  else if (done_at != NULL)
    {
      g_autofree char *done_on = g_strndup (done_at, 10);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "Duty %" G_GINT64_FORMAT " is already done (on %s)%s", id, done_on, then);
    }

  return rc == SQLITE_ROW && done_at == NULL;
}

gboolean
concordat_record_duty_done (ConcordatStore  *store,
                            gint64           id,
                            GError         **error)
{
  g_autofree char *now = concordat_record_now ();
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = concordat_store_get_db (store);
  if (!check_not_done (db, id, "", error))
    return FALSE;

  stmt = concordat_record_prepare (db,
                                   "UPDATE duties SET done_at = ?2 WHERE id = ?1 AND done_at IS NULL",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);

  if (!concordat_record_run_write (db, stmt, "mark the duty done", error))
    return FALSE;
  concordat_store_changed (store, "record");
  return TRUE;
}

/**
 * concordat_record_duty_snooze:
 * @until: the day it falls due again; after @today
 *
 * Puts a duty that is not done off to a later day.
 */
gboolean
concordat_record_duty_snooze (ConcordatStore  *store,
                              gint64           id,
                              const GDate     *until,
                              const GDate     *today,
                              GError         **error)
{
  g_autofree char *day = NULL;
  g_autofree char *to = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (until != NULL && g_date_valid (until), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  day = concordat_record_format_date (today);
  to = concordat_record_format_date (until);
  if (g_date_compare (until, today) <= 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "Duty %" G_GINT64_FORMAT " cannot be snoozed to %s, which is not after today (%s): "
                   "give a date after today, YYYY-MM-DD", id, to, day);
      return FALSE;
    }

  db = concordat_store_get_db (store);
  if (!check_not_done (db, id, ": there is nothing to snooze", error))
    return FALSE;

  stmt = concordat_record_prepare (db,
                                   "UPDATE duties SET snoozed_until = ?2 WHERE id = ?1 AND done_at IS NULL",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  if (!concordat_record_run_write (db, stmt, "snooze the duty", error))
    return FALSE;
  concordat_store_changed (store, "record");
  return TRUE;
}
