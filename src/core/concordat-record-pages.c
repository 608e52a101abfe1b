/* concordat-record-pages.c: the record a page at a time, for lists that
 * read lazily; removing old actions; and the count of duties due.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-error.h"
#include "concordat-record-private.h"

/* The filter as SQL: only ever fixed text with numbered parameters, bound
 * by bind_filter(); nothing from the filter is put into the SQL itself. */
#define FILTER_WHERE \
  "WHERE (?1 IS NULL OR wizard = ?1) AND (?2 IS NULL OR date >= ?2) " \
  "AND (?3 IS NULL OR date <= ?3) " \
  "AND (?4 IS NULL OR id IN (SELECT rowid FROM actions_fts WHERE actions_fts MATCH ?4)) "

/* Each word the user typed, quoted so that FTS5 takes it as text, and
 * matching as the start of a longer word: "loc pla" → "loc"* "pla"*. */
static char *
search_query (const char *search)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  if (search == NULL)
    return NULL;
  words = g_strsplit_set (search, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *quoted = NULL;
      g_auto(GStrv) parts = NULL;

      if (*words[i] == '\0')
        continue;
      parts = g_strsplit (words[i], "\"", -1);
      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", quoted);
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

static void
bind_filter (sqlite3_stmt                *stmt,
             const ConcordatActionFilter *filter,
             char                        *query)
{
  if (filter == NULL)
    return;
  sqlite3_bind_text (stmt, 1, filter->wizard, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, filter->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, filter->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, query, -1, SQLITE_TRANSIENT);
}

static gint64
count_one (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  gint64 n = -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    concordat_record_set_write_error (error, db, doing);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * concordat_record_count_actions:
 * @filter: (nullable): which actions; all when %NULL
 *
 * Returns: how many actions the filter lets through, or -1 on error
 */
gint64
concordat_record_count_actions (ConcordatStore               *store,
                                const ConcordatActionFilter  *filter,
                                GError                      **error)
{
  g_autofree char *query = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "SELECT count (*) FROM actions " FILTER_WHERE, error);
  if (stmt == NULL)
    return -1;
  query = search_query (filter != NULL ? filter->search : NULL);
  bind_filter (stmt, filter, query);
  return count_one (db, stmt, "count the actions", error);
}

/**
 * concordat_record_list_actions_page:
 * @filter: (nullable): which actions; all when %NULL
 * @offset: how many to pass over, newest first
 * @limit: the most to return
 *
 * Returns: (transfer full) (element-type ConcordatAction): up to @limit
 *   actions from position @offset, newest first, without their citations
 *   and duties
 */
GPtrArray *
concordat_record_list_actions_page (ConcordatStore               *store,
                                    const ConcordatActionFilter  *filter,
                                    guint                         offset,
                                    guint                         limit,
                                    GError                      **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_action_free);
  g_autofree char *query = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, ACTION_QUERY FILTER_WHERE
                                   "ORDER BY date DESC, id DESC LIMIT ?5 OFFSET ?6", error);
  if (stmt == NULL)
    return NULL;
  query = search_query (filter != NULL ? filter->search : NULL);
  bind_filter (stmt, filter, query);
  sqlite3_bind_int64 (stmt, 5, limit);
  sqlite3_bind_int64 (stmt, 6, offset);

  if (!concordat_record_read_rows (db, stmt, concordat_record_read_action, actions, error))
    return NULL;
  return g_steal_pointer (&actions);
}

/**
 * concordat_record_count_before:
 * @before: the first day to keep
 *
 * Returns: how many actions concordat_record_remove_before() would remove,
 *   or -1 on error
 */
gint64
concordat_record_count_before (ConcordatStore  *store,
                               const GDate     *before,
                               GError         **error)
{
  g_autofree char *day = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), -1);
  g_return_val_if_fail (before != NULL && g_date_valid (before), -1);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "SELECT count (*) FROM actions WHERE date < ?1", error);
  if (stmt == NULL)
    return -1;
  day = concordat_record_format_date (before);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  return count_one (db, stmt, "count the old actions", error);
}

/**
 * concordat_record_remove_before:
 * @before: the first day to keep
 *
 * Removes every action recorded before @before, with its citations and
 * duties, in one transaction.  The briefing ledger keeps its states: they
 * say what each group was offered, whoever recorded it.
 *
 * Returns: how many actions were removed, or -1 on error
 */
gint64
concordat_record_remove_before (ConcordatStore  *store,
                                const GDate     *before,
                                GError         **error)
{
  g_autofree char *day = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 removed;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), -1);
  g_return_val_if_fail (before != NULL && g_date_valid (before), -1);

  db = concordat_store_get_db (store);
  if (!concordat_record_begin (db, error))
    return -1;
  stmt = concordat_record_prepare (db, "DELETE FROM actions WHERE date < ?1", error);
  day = concordat_record_format_date (before);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (stmt == NULL || !concordat_record_run_write (db, stmt, "remove the old actions", error))
    {
      concordat_record_rollback (db);
      return -1;
    }
  removed = sqlite3_changes64 (db);
  if (!concordat_record_commit (db, error))
    return -1;
  concordat_store_changed (store, "record");
  return removed;
}

/**
 * concordat_record_count_due:
 * @today: the day to count for
 *
 * Returns: how many duties not yet done are due by @today (overdue ones
 *   included; a snoozed one from the day it was put off to), or -1 on error
 */
gint64
concordat_record_count_due (ConcordatStore  *store,
                            const GDate     *today,
                            GError         **error)
{
  g_autofree char *day = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), -1);
  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "SELECT count (*) FROM duties WHERE done_at IS NULL "
                                   "AND coalesce (snoozed_until, due) <= ?1", error);
  if (stmt == NULL)
    return -1;
  day = concordat_record_format_date (today);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  return count_one (db, stmt, "count the duties due", error);
}
