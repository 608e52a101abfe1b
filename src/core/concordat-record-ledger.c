/* concordat-record-ledger.c: the briefing ledger — each party group's
 * state on each topic a group was briefed on, the gaps the council's
 * briefing rule leaves, and recording what happened by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-record-private.h"

static const char * const ledger_states[] = {
  "requested",
  "to-offer",
  "offered",
  "accepted",
  "declined",
  "delivered",
  "available-on-request",
  NULL,
};

/* Recording one of these for a group settles the duty to offer it. */
static const char * const closing_states[] = { "offered", "accepted", "declined", "delivered", NULL };

/**
 * concordat_ledger_list_states:
 *
 * Returns: (transfer none): the states a group can have on a briefing
 *   topic, %NULL-terminated; "not-offered" is not one of them, it is the
 *   absence of a state
 */
const char * const *
concordat_ledger_list_states (void)
{
  return ledger_states;
}

/* Sets one cell and keeps the change in ledger_events. */
gboolean
concordat_record_write_cell (sqlite3     *db,
                             gint64       topic_id,
                             gint64       group_id,
                             const char  *state,
                             const char  *date,
                             gint64       action_id,
                             GError     **error)
{
  g_autofree char *now = concordat_record_now ();
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db,
                                   "INSERT INTO ledger (topic_id, group_id, state, date) "
                                   "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (topic_id, group_id) "
                                   "DO UPDATE SET state = excluded.state, date = excluded.date",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, topic_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
  if (!concordat_record_run_write (db, stmt, "write the ledger", error))
    return FALSE;

  stmt = concordat_record_prepare (db,
                                   "INSERT INTO ledger_events (topic_id, group_id, state, date, "
                                   "  action_id, recorded_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, topic_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
  if (action_id > 0)
    sqlite3_bind_int64 (stmt, 5, action_id);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);

  return concordat_record_run_write (db, stmt, "write the ledger's history", error);
}

static gpointer
read_topic (sqlite3_stmt *stmt)
{
  ConcordatLedgerTopic *topic = g_new0 (ConcordatLedgerTopic, 1);

  topic->id = sqlite3_column_int64 (stmt, 0);
  topic->topic = concordat_record_column_dup (stmt, 1);
  topic->requested_by = concordat_record_column_dup (stmt, 2);
  topic->date = concordat_record_column_dup (stmt, 3);
  topic->cells = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_ledger_cell_free);

  return topic;
}

static gpointer
read_cell (sqlite3_stmt *stmt)
{
  ConcordatLedgerCell *cell = g_new0 (ConcordatLedgerCell, 1);
  const char *state = (const char *)sqlite3_column_text (stmt, 1);

  cell->group = concordat_record_column_dup (stmt, 0);
  cell->state = g_strdup (state != NULL ? state : "not-offered");
  cell->date = concordat_record_column_dup (stmt, 2);
  cell->gap = sqlite3_column_int (stmt, 3);

  return cell;
}

/* A gap, under offer-to-all (?2), is an active group not yet offered
 * what another group on the topic asked for or had.  A group removed
 * since cannot be offered anything, so it is never a gap. */
static gboolean
read_cells (sqlite3               *db,
            ConcordatLedgerTopic  *topic,
            gboolean               offer_to_all,
            GError               **error)
{
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db,
                                   "SELECT g.name, l.state, l.date, ?2 AND g.active "
                                   "  AND coalesce (l.state, 'not-offered') IN ('to-offer', 'not-offered') "
                                   "  AND EXISTS (SELECT 1 FROM ledger o WHERE o.topic_id = ?1 "
                                   "    AND o.state IN ('requested', 'offered', 'accepted', 'delivered')) "
                                   "FROM party_groups g "
                                   "LEFT JOIN ledger l ON l.group_id = g.id AND l.topic_id = ?1 "
                                   "WHERE g.active OR l.state IS NOT NULL ORDER BY g.name, g.id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, topic->id);
  sqlite3_bind_int (stmt, 2, offer_to_all);

  return concordat_record_read_rows (db, stmt, read_cell, topic->cells, error);
}

/**
 * concordat_record_ledger:
 *
 * Returns: (transfer full) (element-type ConcordatLedgerTopic): every
 *   briefing topic, oldest first, with a cell for each party group
 */
GPtrArray *
concordat_record_ledger (ConcordatStore  *store,
                         GError         **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_ledger_topic_free);
  g_autoptr(ConcordatCouncil) council = NULL;
  gboolean offer_to_all;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  council = concordat_council_load (store, error);
  if (council == NULL)
    return NULL;
  offer_to_all = council->briefing_rule == CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL;

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db,
                                   "SELECT t.id, t.name, g.name, t.date FROM briefing_topics t "
                                   "LEFT JOIN party_groups g ON g.id = t.requested_by ORDER BY t.date, t.id",
                                   error);
  if (stmt == NULL || !concordat_record_read_rows (db, stmt, read_topic, topics, error))
    return NULL;

  for (guint i = 0; i < topics->len; i++)
    if (!read_cells (db, g_ptr_array_index (topics, i), offer_to_all, error))
      return NULL;

  return g_steal_pointer (&topics);
}

static char *
quoted_list (GPtrArray  *names,
             const char *last_joiner)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == names->len ? last_joiner : ", ");
      g_string_append_printf (text, "“%s”", (const char *)g_ptr_array_index (names, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_no_topic_error (sqlite3     *db,
                    const char  *topic,
                    GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db, "SELECT name FROM briefing_topics ORDER BY date, id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, concordat_record_column_dup (stmt, 0));
  sqlite3_finalize (stmt);

  if (names->len == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "There is no briefing topic “%s”: the ledger has no topics yet; "
                   "one is added when a party group's request for a briefing is recorded",
                   topic);
      return;
    }

  list = quoted_list (names, " and ");
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "There is no briefing topic “%s”; the ledger's topics are %s", topic, list);
}

static gint64
find_topic (sqlite3     *db,
            const char  *topic,
            GError     **error)
{
  gint64 topic_id;

  topic_id = concordat_record_find_id (db, "SELECT id FROM briefing_topics WHERE name = ?1", topic, error);
  if (topic_id == 0)
    set_no_topic_error (db, topic, error);

  return topic_id;
}

static gboolean
check_state (const char  *state,
             GError     **error)
{
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *list = NULL;

  if (g_strv_contains (ledger_states, state))
    return TRUE;

  states = g_ptr_array_new ();
  for (guint i = 0; ledger_states[i] != NULL; i++)
    g_ptr_array_add (states, (gpointer)ledger_states[i]);
  list = quoted_list (states, " or ");
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "“%s” is not a state in the ledger; use %s", state, list);
  return FALSE;
}

static gboolean
close_tied_duties (sqlite3  *db,
                   gint64    topic_id,
                   gint64    group_id,
                   GError  **error)
{
  g_autofree char *now = concordat_record_now ();
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db,
                                   "UPDATE duties SET done_at = ?3 "
                                   "WHERE topic_id = ?1 AND group_id = ?2 AND done_at IS NULL",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, topic_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);

  return concordat_record_run_write (db, stmt, "close the duties the change settles", error);
}

static gboolean
ledger_set_in_transaction (ConcordatStore  *store,
                           const char      *topic,
                           const char      *group,
                           const char      *state,
                           const char      *day,
                           GError         **error)
{
  g_autoptr(ConcordatGroup) found = NULL;
  sqlite3 *db = concordat_store_get_db (store);
  gint64 topic_id;

  topic_id = find_topic (db, topic, error);
  if (topic_id <= 0)
    return FALSE;

  found = concordat_council_find_group (store, group, error);
  if (found == NULL || !check_state (state, error))
    return FALSE;

  if (!concordat_record_write_cell (db, topic_id, found->id, state, day, 0, error))
    return FALSE;

  return !g_strv_contains (closing_states, state) || close_tied_duties (db, topic_id, found->id, error);
}

/**
 * concordat_record_ledger_set:
 * @topic: a briefing topic's name, in any case
 * @group: a party group's name, in any case
 * @state: one of concordat_ledger_list_states()
 * @date: (nullable): the day it happened; today by the clock when %NULL
 *
 * Records what happened to one group on one topic, by hand.  Offering,
 * accepting, declining or delivering a briefing closes the duties to
 * offer it to that group.
 */
gboolean
concordat_record_ledger_set (ConcordatStore  *store,
                             const char      *topic,
                             const char      *group,
                             const char      *state,
                             const GDate     *date,
                             GError         **error)
{
  g_autoptr(GDate) today = NULL;
  g_autofree char *day = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);
  g_return_val_if_fail (group != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (date == NULL || g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL)
    date = today = concordat_clock_today ();
  day = concordat_record_format_date (date);
  db = concordat_store_get_db (store);

  if (!concordat_record_begin (db, error))
    return FALSE;

  if (!ledger_set_in_transaction (store, topic, group, state, day, error) ||
      !concordat_record_commit (db, error))
    {
      concordat_record_rollback (db);
      return FALSE;
    }

  concordat_store_changed (store, "record");
  return TRUE;
}
