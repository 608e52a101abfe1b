/* concordat-record-drafts.c: a wizard in progress, kept in the store until
 * it is finished or discarded, so that closing the window loses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-error.h"
#include "concordat-record-private.h"

void
concordat_draft_free (ConcordatDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->wizard);
  g_free (draft->answers);
  g_free (draft->step);
  g_free (draft->updated_at);
  g_free (draft);
}

static gpointer
read_draft (sqlite3_stmt *stmt)
{
  ConcordatDraft *draft = g_new0 (ConcordatDraft, 1);

  draft->wizard = concordat_record_column_dup (stmt, 0);
  draft->answers = concordat_record_column_dup (stmt, 1);
  draft->step = concordat_record_column_dup (stmt, 2);
  draft->updated_at = concordat_record_column_dup (stmt, 3);
  return draft;
}

/**
 * concordat_record_save_draft:
 * @wizard: the wizard's id
 * @answers: the answers so far
 * @step: (nullable): the id of the step the user is on
 *
 * Keeps @answers as the draft of @wizard, in place of any earlier one.
 */
gboolean
concordat_record_save_draft (ConcordatStore  *store,
                             const char      *wizard,
                             JsonObject      *answers,
                             const char      *step,
                             GError         **error)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), answers);
  g_autofree char *text = json_to_string (root, FALSE);
  g_autofree char *now = concordat_record_now ();
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (wizard != NULL, FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "INSERT OR REPLACE INTO drafts (wizard, answers, step, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, wizard, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, step != NULL ? step : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return concordat_record_run_write (db, stmt, "keep the wizard in progress", error);
}

/**
 * concordat_record_load_draft:
 *
 * Returns: (transfer full) (nullable): the draft of @wizard, or %NULL
 *   without an error when there is none
 */
ConcordatDraft *
concordat_record_load_draft (ConcordatStore  *store,
                             const char      *wizard,
                             GError         **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_draft_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (wizard != NULL, NULL);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "SELECT wizard, answers, step, updated_at FROM drafts "
                                   "WHERE wizard = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, wizard, -1, SQLITE_TRANSIENT);
  if (!concordat_record_read_rows (db, stmt, read_draft, drafts, error) || drafts->len == 0)
    return NULL;
  return g_ptr_array_steal_index (drafts, 0);
}

/**
 * concordat_record_list_drafts:
 *
 * Returns: (transfer full) (element-type ConcordatDraft): every wizard in
 *   progress, the most recently saved first
 */
GPtrArray *
concordat_record_list_drafts (ConcordatStore  *store,
                              GError         **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_draft_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "SELECT wizard, answers, step, updated_at FROM drafts "
                                   "ORDER BY updated_at DESC, wizard", error);
  if (stmt == NULL || !concordat_record_read_rows (db, stmt, read_draft, drafts, error))
    return NULL;
  return g_steal_pointer (&drafts);
}

/**
 * concordat_record_discard_draft:
 *
 * Forgets the draft of @wizard; nothing happens when there is none.
 */
gboolean
concordat_record_discard_draft (ConcordatStore  *store,
                                const char      *wizard,
                                GError         **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (wizard != NULL, FALSE);

  db = concordat_store_get_db (store);
  stmt = concordat_record_prepare (db, "DELETE FROM drafts WHERE wizard = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, wizard, -1, SQLITE_TRANSIENT);
  return concordat_record_run_write (db, stmt, "discard the wizard in progress", error);
}
