/* concordat-record.c: what the wizards record — actions, the duties they
 * create and the briefing ledger: the structures, the SQLite helpers the
 * parts of the record share, and reading actions back.
 *
 * Finishing a wizard is in concordat-record-finish.c, duties in
 * concordat-record-duties.c and the ledger in concordat-record-ledger.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-error.h"
#include "concordat-record-private.h"

void
concordat_action_free (ConcordatAction *action)
{
  if (action == NULL)
    return;

  g_free (action->wizard);
  g_free (action->date);
  g_free (action->created);
  g_free (action->summary);
  g_free (action->answers);
  g_clear_pointer (&action->notes, g_ptr_array_unref);
  g_free (action->document);
  g_clear_pointer (&action->citations, g_ptr_array_unref);
  g_clear_pointer (&action->duties, g_ptr_array_unref);
  g_free (action);
}

void
concordat_duty_free (ConcordatDuty *duty)
{
  if (duty == NULL)
    return;

  g_free (duty->wizard);
  g_free (duty->title);
  g_free (duty->due);
  g_free (duty->snoozed_until);
  g_free (duty->done_at);
  g_free (duty->group);
  g_free (duty->topic);
  g_free (duty);
}

void
concordat_ledger_cell_free (ConcordatLedgerCell *cell)
{
  if (cell == NULL)
    return;

  g_free (cell->group);
  g_free (cell->state);
  g_free (cell->date);
  g_free (cell);
}

void
concordat_ledger_topic_free (ConcordatLedgerTopic *topic)
{
  if (topic == NULL)
    return;

  g_free (topic->topic);
  g_free (topic->requested_by);
  g_free (topic->date);
  g_clear_pointer (&topic->cells, g_ptr_array_unref);
  g_free (topic);
}

static void
citation_free (ConcordatCitation *citation)
{
  if (citation == NULL)
    return;

  g_free (citation->step);
  g_free (citation->topic);
  g_free (citation->document);
  g_free (citation->citation);
  g_free (citation->text);
  g_free (citation);
}

const char *
concordat_duty_status_to_string (ConcordatDutyStatus status)
{
  switch (status)
    {
    case CONCORDAT_DUTY_PENDING:
      return "pending";
    case CONCORDAT_DUTY_OVERDUE:
      return "overdue";
    case CONCORDAT_DUTY_DONE:
      return "done";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
concordat_duty_filter_from_string (const char          *text,
                                   ConcordatDutyFilter *filter)
{
  static const char * const names[] = { "pending", "overdue", "done", "all" };

  g_return_val_if_fail (filter != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *filter = (ConcordatDutyFilter)i;
        return TRUE;
      }

  return FALSE;
}

sqlite3_stmt *
concordat_record_prepare (sqlite3     *db,
                          const char  *sql,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_autofree char *message = concordat_store_dup_errmsg (db);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot read the record: %s", message);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

void
concordat_record_set_write_error (GError     **error,
                                  sqlite3     *db,
                                  const char  *doing)
{
  g_autofree char *mendable = concordat_store_describe_failure (db, sqlite3_extended_errcode (db));

  /* A lock held too long, a full disk: said with what to do about it. */
  if (mendable != NULL)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "Cannot %s: %s", doing, mendable);
  else
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                 "Cannot %s: %s. Nothing was recorded; try again, "
                 "and run “concordat check” if it keeps failing",
                 doing, sqlite3_errmsg (db));
}

/* Steps a statement that writes, then resets it for the next row. */
gboolean
concordat_record_step_write (sqlite3       *db,
                             sqlite3_stmt  *stmt,
                             const char    *doing,
                             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    concordat_record_set_write_error (error, db, doing);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* Steps, finalizes and reports. */
gboolean
concordat_record_run_write (sqlite3       *db,
                            sqlite3_stmt  *stmt,
                            const char    *doing,
                            GError       **error)
{
  gboolean ok = concordat_record_step_write (db, stmt, doing, error);

  sqlite3_finalize (stmt);
  return ok;
}

/* Reads every row of @stmt with @reader into @rows, then finalizes it. */
gboolean
concordat_record_read_rows (sqlite3       *db,
                            sqlite3_stmt  *stmt,
                            ConcordatRecordRowReader  reader,
                            GPtrArray     *rows,
                            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, reader (stmt));

  if (rc != SQLITE_DONE)
    {
      g_autofree char *message = concordat_store_dup_errmsg (db);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot read the record: %s", message);
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/* BEGIN IMMEDIATE: the write lock is taken before anything is read, so
 * that what the transaction reads is not changed by another Concordat
 * before it writes, and waiting for the lock is all there is to it. */
gboolean
concordat_record_begin (sqlite3     *db,
                        GError     **error)
{
  if (concordat_store_exec (db, "BEGIN IMMEDIATE;", NULL))
    return TRUE;

  concordat_record_set_write_error (error, db, "start writing to the record");
  return FALSE;
}

gboolean
concordat_record_commit (sqlite3  *db,
                         GError  **error)
{
  if (concordat_store_exec (db, "COMMIT;", NULL))
    return TRUE;

  concordat_record_set_write_error (error, db, "save the record");
  return FALSE;
}

void
concordat_record_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    concordat_store_exec (db, "ROLLBACK;", NULL);
}

char *
concordat_record_column_dup (sqlite3_stmt *stmt,
                             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

char *
concordat_record_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

char *
concordat_record_format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* Returns the id of the row @sql finds for @name, 0 when there is none,
 * or -1 on error. */
gint64
concordat_record_find_id (sqlite3     *db,
                          const char  *sql,
                          const char  *name,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = concordat_record_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      concordat_record_set_write_error (error, db, "look up the ledger");
      id = -1;
    }
  sqlite3_finalize (stmt);

  return id;
}

/* The notes are kept as a JSON array of strings. */
static GPtrArray *
notes_from_json (const char *text)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return notes;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return notes;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      const char *note = json_array_get_string_element (json_node_get_array (root), i);

      if (note != NULL)
        g_ptr_array_add (notes, g_strdup (note));
    }

  return notes;
}

gpointer
concordat_record_read_action (sqlite3_stmt *stmt)
{
  ConcordatAction *action = g_new0 (ConcordatAction, 1);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->wizard = concordat_record_column_dup (stmt, 1);
  action->wizard_version = sqlite3_column_int (stmt, 2);
  action->date = concordat_record_column_dup (stmt, 3);
  action->created = concordat_record_column_dup (stmt, 4);
  action->summary = concordat_record_column_dup (stmt, 5);
  action->answers = concordat_record_column_dup (stmt, 6);
  action->notes = notes_from_json ((const char *)sqlite3_column_text (stmt, 7));
  action->document = concordat_record_column_dup (stmt, 8);
  action->document_version = sqlite3_column_int (stmt, 9);

  return action;
}

/* A topic the protocol had nothing on was kept without a citation. */
static gpointer
read_citation (sqlite3_stmt *stmt)
{
  ConcordatCitation *citation = g_new0 (ConcordatCitation, 1);
  const char *ref = (const char *)sqlite3_column_text (stmt, 3);

  citation->step = concordat_record_column_dup (stmt, 0);
  citation->topic = concordat_record_column_dup (stmt, 1);
  citation->document = concordat_record_column_dup (stmt, 2);
  citation->citation = ref != NULL && *ref != '\0' ? g_strdup (ref) : NULL;
  citation->text = concordat_record_column_dup (stmt, 4);

  return citation;
}

/**
 * concordat_record_list_actions:
 * @wizard: (nullable): only the actions of this wizard
 *
 * Returns: (transfer full) (element-type ConcordatAction): the actions,
 *   newest first, without their citations and duties
 */
GPtrArray *
concordat_record_list_actions (ConcordatStore  *store,
                               const char      *wizard,
                               GError         **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_action_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = concordat_store_get_db (store);
  /* Two queries rather than "?1 IS NULL OR", so each has its index. */
  if (wizard != NULL)
    stmt = concordat_record_prepare (db, ACTION_QUERY "WHERE wizard = ?1 ORDER BY date DESC, id DESC", error);
  else
    stmt = concordat_record_prepare (db, ACTION_QUERY "ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  if (wizard != NULL)
    sqlite3_bind_text (stmt, 1, wizard, -1, SQLITE_STATIC);

  if (!concordat_record_read_rows (db, stmt, concordat_record_read_action, actions, error))
    return NULL;

  return g_steal_pointer (&actions);
}

static GPtrArray *
list_citations (sqlite3  *db,
                gint64    action_id,
                GError  **error)
{
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify)citation_free);
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db,
                                   "SELECT step, topic, document, citation, text FROM action_citations "
                                   "WHERE action_id = ?1 ORDER BY position",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);

  if (!concordat_record_read_rows (db, stmt, read_citation, citations, error))
    return NULL;

  return g_steal_pointer (&citations);
}

/**
 * concordat_record_get_action:
 * @today: the day the duties' status is worked out for
 *
 * Returns: (transfer full): the action with its citations and duties
 */
ConcordatAction *
concordat_record_get_action (ConcordatStore  *store,
                             gint64           id,
                             const GDate     *today,
                             GError         **error)
{
  g_autoptr(ConcordatAction) action = NULL;
  g_autofree char *day = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, ACTION_QUERY "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    action = concordat_record_read_action (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                 "There is no action %" G_GINT64_FORMAT " in the record; "
                 "“concordat record” lists the actions and their numbers", id);
  else
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                 "Cannot read the record: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (action == NULL)
    return NULL;

  day = concordat_record_format_date (today);
  action->citations = list_citations (db, id, error);
  if (action->citations == NULL)
    return NULL;
  action->duties = concordat_record_list_duties_where (db, "WHERE d.action_id = ?1 ORDER BY d.position",
                                                       id, day, error);
  if (action->duties == NULL)
    return NULL;

  return g_steal_pointer (&action);
}
