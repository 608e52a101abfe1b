/* concordat-record-finish.c: finishing a wizard — the action, its
 * citations, its ledger changes and its duties, written in one transaction.
 *
 * The transaction also works the answers out again, so what is written is
 * exactly what the engine decided on the data as it stood at that moment:
 * all of it or none of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-error.h"
#include "concordat-record-private.h"

/* A wizard never moves a group back to these from any other state. */
static const char * const provisional_states[] = { "to-offer", "available-on-request", NULL };

static char *
node_to_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
answers_to_json (JsonObject *answers)
{
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  json_node_init_object (node, answers != NULL ? answers : empty);
  return node_to_json (node);
}

static char *
notes_to_json (GPtrArray *notes)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (notes, i));

  json_node_init_array (node, array);
  return node_to_json (node);
}

/* Why the answers cannot be recorded, as one line. */
static void
set_refusal (GError                 **error,
             const ConcordatOutcome  *outcome)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  if (outcome->stop != NULL)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "Stopped: %s", outcome->stop->reason);
      return;
    }

  for (guint i = 0; i < outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (outcome->problems, i);

      if (i > 0)
        g_string_append (problems, "; ");
      /* Most messages already start with the field's id. */
      if (problem->field != NULL && !g_str_has_prefix (problem->message, problem->field))
        g_string_append_printf (problems, "%s: ", problem->field);
      g_string_append (problems, problem->message);
    }

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "The answers have %u %s: %s. Nothing was recorded; correct the answers and finish again",
               outcome->problems->len, outcome->problems->len == 1 ? "problem" : "problems",
               problems->str);
}

static gint64
insert_action (sqlite3                 *db,
               const ConcordatOutcome  *outcome,
               const char              *today,
               GError                 **error)
{
  g_autofree char *created = concordat_record_now ();
  g_autofree char *answers = answers_to_json (outcome->answers);
  g_autofree char *notes = notes_to_json (outcome->notes);
  sqlite3_stmt *stmt;

  stmt = concordat_record_prepare (db,
                                   "INSERT INTO actions (wizard, wizard_version, date, created_at, summary, "
                                   "  answers, notes, document, document_version) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, concordat_wizard_get_id (outcome->wizard), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, concordat_wizard_get_version (outcome->wizard));
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, outcome->summary != NULL ? outcome->summary : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, answers, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, outcome->document, -1, SQLITE_STATIC);
  if (outcome->document != NULL)
    sqlite3_bind_int (stmt, 9, outcome->document_version);

  if (!concordat_record_run_write (db, stmt, "record the action", error))
    return 0;

  return sqlite3_last_insert_rowid (db);
}

/* A topic the protocol has nothing on is kept too, with no citation, so
 * that the record says what was shown. */
static gboolean
insert_citations (sqlite3                 *db,
                  const ConcordatOutcome  *outcome,
                  gint64                   action_id,
                  GError                 **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = concordat_record_prepare (db,
                                   "INSERT INTO action_citations (action_id, position, step, topic, "
                                   "  document, citation, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && i < outcome->citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (outcome->citations, i);
      const char *document = citation->document != NULL ? citation->document : outcome->document;

      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, citation->step, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, citation->topic, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, document != NULL ? document : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, citation->citation != NULL ? citation->citation : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, citation->text != NULL ? citation->text : "", -1, SQLITE_STATIC);
      ok = concordat_record_step_write (db, stmt, "record the action's citations", error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gint64
find_group_id (sqlite3    *db,
               const char *name,
               GError    **error)
{
  return concordat_record_find_id (db, "SELECT id FROM party_groups WHERE name = ?1", name, error);
}

/* The group whose request a new topic records: the one the outcome
 * marks "requested" on it. */
static const char *
requesting_group (GPtrArray  *changes,
                  const char *topic)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const ConcordatPlannedChange *change = g_ptr_array_index (changes, i);

      if (g_ascii_strcasecmp (change->topic, topic) == 0 && g_str_equal (change->state, "requested"))
        return change->group;
    }

  return NULL;
}

/* Finds the briefing topic by name without regard to case, or adds it. */
static gint64
ensure_topic (sqlite3                 *db,
              const ConcordatOutcome  *outcome,
              const char              *topic,
              gint64                   action_id,
              const char              *today,
              GError                 **error)
{
  const char *requester = requesting_group (outcome->ledger, topic);
  gint64 id, requester_id = 0;
  sqlite3_stmt *stmt;

  id = concordat_record_find_id (db, "SELECT id FROM briefing_topics WHERE name = ?1", topic, error);
  if (id != 0)
    return id;

  if (requester != NULL && (requester_id = find_group_id (db, requester, error)) < 0)
    return -1;

  stmt = concordat_record_prepare (db,
                                   "INSERT INTO briefing_topics (name, requested_by, action_id, date) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, topic, -1, SQLITE_STATIC);
  if (requester_id > 0)
    sqlite3_bind_int64 (stmt, 2, requester_id);
  sqlite3_bind_int64 (stmt, 3, action_id);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_STATIC);
  if (!concordat_record_run_write (db, stmt, "add the briefing topic to the ledger", error))
    return -1;

  return sqlite3_last_insert_rowid (db);
}

/* Returns the cell's state, NULL when it has none; *failed on error. */
static char *
cell_state (sqlite3  *db,
            gint64    topic_id,
            gint64    group_id,
            gboolean *failed,
            GError  **error)
{
  sqlite3_stmt *stmt;
  char *state = NULL;
  int rc;

  stmt = concordat_record_prepare (db,
                                   "SELECT state FROM ledger WHERE topic_id = ?1 AND group_id = ?2",
                                   error);
  *failed = stmt == NULL;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, topic_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = concordat_record_column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      concordat_record_set_write_error (error, db, "read the ledger");
      *failed = TRUE;
    }
  sqlite3_finalize (stmt);

  return state;
}

/* A wizard never moves a group back to "to-offer" or "available on
 * request", and a state the cell already has keeps its first date. */
static gboolean
apply_change (sqlite3                      *db,
              const ConcordatPlannedChange *change,
              gint64                        topic_id,
              gint64                        action_id,
              const char                   *today,
              GError                      **error)
{
  g_autofree char *current = NULL;
  gboolean failed;
  gint64 group_id;

  group_id = find_group_id (db, change->group, error);
  if (group_id < 0)
    return FALSE;
  if (group_id == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "The party group “%s” is not one of the council's groups. Nothing was recorded; "
                   "add it with “concordat groups add” or correct the answers",
                   change->group);
      return FALSE;
    }

  current = cell_state (db, topic_id, group_id, &failed, error);
  if (failed)
    return FALSE;
  if (g_strcmp0 (current, change->state) == 0 ||
      (current != NULL && g_strv_contains (provisional_states, change->state) &&
       !g_strv_contains (provisional_states, current)))
    return TRUE;

  return concordat_record_write_cell (db, topic_id, group_id, change->state, today, action_id, error);
}

/* Returns the id of the (first) ledger topic, 0 when there is none, or
 * -1 on error. */
static gint64
apply_ledger (sqlite3                 *db,
              const ConcordatOutcome  *outcome,
              gint64                   action_id,
              const char              *today,
              GError                 **error)
{
  gint64 first = 0;

  for (guint i = 0; i < outcome->ledger->len; i++)
    {
      const ConcordatPlannedChange *change = g_ptr_array_index (outcome->ledger, i);
      gint64 topic_id = ensure_topic (db, outcome, change->topic, action_id, today, error);

      if (topic_id < 0 || !apply_change (db, change, topic_id, action_id, today, error))
        return -1;
      if (first == 0)
        first = topic_id;
    }

  return first;
}

/* A duty for a group under a ledger topic is tied to that group's cell,
 * so that recording the group as offered closes it. */
static gboolean
insert_duties (sqlite3                 *db,
               const ConcordatOutcome  *outcome,
               gint64                   action_id,
               gint64                   topic_id,
               GError                 **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = concordat_record_prepare (db,
                                   "INSERT INTO duties (action_id, position, title, due, topic_id, group_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && i < outcome->duties->len; i++)
    {
      const ConcordatPlannedDuty *duty = g_ptr_array_index (outcome->duties, i);
      g_autofree char *due = concordat_record_format_date (&duty->due);
      gint64 group_id = duty->group != NULL ? find_group_id (db, duty->group, error) : 0;

      if (group_id < 0)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, duty->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, due, -1, SQLITE_STATIC);
      if (group_id > 0 && topic_id > 0)
        sqlite3_bind_int64 (stmt, 5, topic_id);
      if (group_id > 0)
        sqlite3_bind_int64 (stmt, 6, group_id);
      ok = concordat_record_step_write (db, stmt, "record the action's duties", error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* The wizard in progress is finished: its draft goes with the same commit. */
static gboolean
discard_draft (sqlite3                 *db,
               const ConcordatOutcome  *outcome,
               GError                 **error)
{
  sqlite3_stmt *stmt = concordat_record_prepare (db, "DELETE FROM drafts WHERE wizard = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, concordat_wizard_get_id (outcome->wizard), -1, SQLITE_TRANSIENT);
  return concordat_record_run_write (db, stmt, "discard the wizard in progress", error);
}

static gint64
write_outcome (sqlite3                 *db,
               const ConcordatOutcome  *outcome,
               const char              *today,
               GError                 **error)
{
  gint64 action_id, topic_id;

  action_id = insert_action (db, outcome, today, error);
  if (action_id <= 0 || !insert_citations (db, outcome, action_id, error))
    return 0;

  topic_id = apply_ledger (db, outcome, action_id, today, error);
  if (topic_id < 0 || !insert_duties (db, outcome, action_id, topic_id, error) ||
      !discard_draft (db, outcome, error))
    return 0;

  return action_id;
}

/**
 * concordat_record_finish:
 * @answers: the answers, as concordat_wizard_evaluate() takes them
 * @today: the day the action is recorded for
 * @outcome: (out) (optional) (nullable): what the answers came to, set
 *   whenever they could be worked out, recorded or not
 *
 * Works the answers out again and, when they can be recorded, writes the
 * action, its citations, its ledger changes and its duties in one
 * transaction.
 *
 * Returns: the new action's id, or 0 with nothing written
 */
gint64
concordat_record_finish (ConcordatStore     *store,
                         ConcordatWizard    *wizard,
                         JsonObject         *answers,
                         const GDate        *today,
                         ConcordatOutcome  **outcome,
                         GError            **error)
{
  g_autoptr(ConcordatOutcome) result = NULL;
  g_autofree char *day = NULL;
  sqlite3 *db;
  gint64 id = 0;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), 0);
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (wizard), 0);
  g_return_val_if_fail (answers != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (outcome != NULL)
    *outcome = NULL;
  db = concordat_store_get_db (store);
  day = concordat_record_format_date (today);

  if (!concordat_record_begin (db, error))
    return 0;

  result = concordat_wizard_evaluate (wizard, store, answers, today, error);
  if (result != NULL && !concordat_outcome_can_finish (result))
    set_refusal (error, result);
  else if (result != NULL)
    id = write_outcome (db, result, day, error);

  if (id <= 0 || !concordat_record_commit (db, error))
    {
      concordat_record_rollback (db);
      id = 0;
    }
  else
    concordat_store_changed (store, "record");

  if (outcome != NULL)
    *outcome = g_steal_pointer (&result);

  return id;
}
