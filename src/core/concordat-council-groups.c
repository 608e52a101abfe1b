/* concordat-council-groups.c: the council's party groups; a group the
 * record refers to is deactivated, never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-council-private.h"
#include "concordat-error.h"

#define GROUP_COLUMNS "id, name, leader, active"

void
concordat_group_free (ConcordatGroup *group)
{
  if (group == NULL)
    return;

  g_free (group->name);
  g_free (group->leader);
  g_free (group);
}

static ConcordatGroup *
read_group (sqlite3_stmt *stmt)
{
  ConcordatGroup *group = g_new0 (ConcordatGroup, 1);

  group->id = sqlite3_column_int64 (stmt, 0);
  group->name = concordat_council_column_dup (stmt, 1);
  group->leader = concordat_council_column_dup (stmt, 2);
  group->active = sqlite3_column_int (stmt, 3) != 0;

  return group;
}

/**
 * concordat_council_list_groups:
 * @include_inactive: whether to list the groups removed while the record
 *   still refers to them
 *
 * Returns: (transfer full) (element-type ConcordatGroup): the groups, by name
 */
GPtrArray *
concordat_council_list_groups (ConcordatStore  *store,
                               gboolean         include_inactive,
                               GError         **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_group_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = concordat_council_prepare (store, "SELECT " GROUP_COLUMNS " FROM party_groups "
                                           "WHERE ?1 OR active ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (groups, read_group (stmt));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&groups);
}

static void
set_group_not_found (ConcordatStore  *store,
                     const char      *name,
                     GError         **error)
{
  g_autoptr(GPtrArray) groups = concordat_council_list_groups (store, FALSE, NULL);
  g_autofree char *names = NULL;

  if (groups == NULL || groups->len == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "There is no party group called “%s”; no groups are set up yet. "
                   "Add one with “concordat groups add NAME”", name);
      return;
    }

  names = concordat_council_names_of (groups, G_STRUCT_OFFSET (ConcordatGroup, name));
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "There is no party group called “%s”; the groups are %s", name, names);
}

/**
 * concordat_council_find_group:
 * @name: its name, in any case
 *
 * Finds a group, active or not.
 *
 * Returns: (transfer full): the group, or %NULL with
 *   %CONCORDAT_ERROR_NOT_FOUND saying which groups there are
 */
ConcordatGroup *
concordat_council_find_group (ConcordatStore  *store,
                              const char      *name,
                              GError         **error)
{
  g_autofree char *trimmed = NULL;
  ConcordatGroup *group = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  stmt = concordat_council_prepare (store, "SELECT " GROUP_COLUMNS " FROM party_groups WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    group = read_group (stmt);
  sqlite3_finalize (stmt);

  if (group == NULL)
    set_group_not_found (store, trimmed, error);
  return group;
}

static char *
check_leader (const char  *leader,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (leader));

  if (strpbrk (trimmed, "\r\n") != NULL)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "A group leader’s name cannot contain a line break; give it on one line");
  else if (g_utf8_strlen (trimmed, -1) > ITEM_NAME_MAX)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "A group leader’s name can be at most %d characters long; shorten it",
                 ITEM_NAME_MAX);
  else
    return g_steal_pointer (&trimmed);

  return NULL;
}

/**
 * concordat_council_add_group:
 * @name: its name; unique without regard to case
 * @leader: (nullable): its leader's name
 *
 * Adding the name of a group that was removed while the record still
 * referred to it makes that group active again (with @leader, if given).
 *
 * Returns: (transfer full): the group, or %NULL with
 *   %CONCORDAT_ERROR_EXISTS if an active group has that name
 */
ConcordatGroup *
concordat_council_add_group (ConcordatStore  *store,
                             const char      *name,
                             const char      *leader,
                             GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *trimmed = NULL;
  g_autofree char *checked_leader = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = concordat_council_check_item_name (name, "party group", "Labour", ITEM_NAME_MAX, error);
  if (trimmed == NULL)
    return NULL;
  if (leader != NULL && (checked_leader = check_leader (leader, error)) == NULL)
    return NULL;

  /* One statement: insert, or wake a deactivated group of that name. */
  stmt = concordat_council_prepare (store, "INSERT INTO party_groups (name, leader, created_at) "
                                           "VALUES (?1, coalesce (?2, ''), ?3) "
                                           "ON CONFLICT (name) DO UPDATE SET active = 1, "
                                           "leader = coalesce (?2, leader) WHERE active = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, checked_leader, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC);
  if (!concordat_council_run_write (store, stmt, "add the party group", error))
    return NULL;

  if (concordat_council_changes (store) == 0)
    {
      /* Named as the council spells it, which may differ in case. */
      g_autoptr(ConcordatGroup) existing = concordat_council_find_group (store, trimmed, NULL);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS,
                   "There is already a party group called “%s”",
                   existing != NULL ? existing->name : trimmed);
      return NULL;
    }

  return concordat_council_find_group (store, trimmed, error);
}

/**
 * concordat_council_update_group:
 * @name: the group's name, in any case
 * @new_name: (nullable): its new name, or %NULL to keep it
 * @leader: (nullable): its leader's name ("" for none), or %NULL to keep it
 */
gboolean
concordat_council_update_group (ConcordatStore  *store,
                                const char      *name,
                                const char      *new_name,
                                const char      *leader,
                                GError         **error)
{
  g_autoptr(ConcordatGroup) group = NULL;
  g_autofree char *checked_name = NULL;
  g_autofree char *checked_leader = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_name != NULL &&
      (checked_name = concordat_council_check_item_name (new_name, "party group", "Labour", ITEM_NAME_MAX, error)) == NULL)
    return FALSE;
  if (leader != NULL && (checked_leader = check_leader (leader, error)) == NULL)
    return FALSE;

  group = concordat_council_find_group (store, name, error);
  if (group == NULL)
    return FALSE;

  stmt = concordat_council_prepare (store, "UPDATE party_groups SET name = coalesce (?2, name), "
                                           "leader = coalesce (?3, leader) WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group->id);
  sqlite3_bind_text (stmt, 2, checked_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, checked_leader, -1, SQLITE_STATIC);
  rc = concordat_council_step_write (stmt);
  concordat_council_note_change (store, rc);
  if (rc == SQLITE_CONSTRAINT && checked_name != NULL)
    {
      g_autoptr(ConcordatGroup) existing = concordat_council_find_group (store, checked_name, NULL);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS,
                   "There is already a party group called “%s”",
                   existing != NULL ? existing->name : checked_name);
    }
  else if (rc != SQLITE_DONE)
    concordat_council_set_write_error (store, "change the party group", error);

  return rc == SQLITE_DONE;
}

/**
 * concordat_council_set_group_active:
 * @active: %FALSE to take the group out of the lists while keeping it for
 *   the record; %TRUE to bring it back
 */
gboolean
concordat_council_set_group_active (ConcordatStore  *store,
                                    const char      *name,
                                    gboolean         active,
                                    GError         **error)
{
  g_autoptr(ConcordatGroup) group = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  group = concordat_council_find_group (store, name, error);
  if (group == NULL)
    return FALSE;

  stmt = concordat_council_prepare (store, "UPDATE party_groups SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group->id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);

  return concordat_council_run_write (store, stmt, "change the party group", error);
}

/* Deletes the group unless the record refers to it, in which case it is
 * deactivated; inside the caller's transaction. */
static gboolean
delete_or_deactivate (ConcordatStore  *store,
                      gint64           id,
                      gboolean        *kept_inactive,
                      GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = concordat_council_prepare (store, "DELETE FROM party_groups WHERE id = ?1 "
                                           "AND NOT EXISTS (SELECT 1 FROM ledger WHERE group_id = ?1) "
                                           "AND NOT EXISTS (SELECT 1 FROM ledger_events WHERE group_id = ?1) "
                                           "AND NOT EXISTS (SELECT 1 FROM duties WHERE group_id = ?1) "
                                           "AND NOT EXISTS (SELECT 1 FROM briefing_topics WHERE requested_by = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  /* A reference this does not know of still stops the delete, as a
   * foreign key: then too the group is kept. */
  rc = concordat_council_step_write (stmt);
  concordat_council_note_change (store, rc);
  if (rc == SQLITE_DONE && concordat_council_changes (store) == 1)
    return TRUE;
  if (rc != SQLITE_DONE && rc != SQLITE_CONSTRAINT)
    {
      concordat_council_set_write_error (store, "remove the party group", error);
      return FALSE;
    }

  *kept_inactive = TRUE;
  stmt = concordat_council_prepare (store, "UPDATE party_groups SET active = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return concordat_council_run_write (store, stmt, "remove the party group", error);
}

/**
 * concordat_council_remove_group:
 * @kept_inactive: (out) (optional): set to %TRUE when the record refers to
 *   the group, so it was deactivated instead of deleted
 */
gboolean
concordat_council_remove_group (ConcordatStore  *store,
                                const char      *name,
                                gboolean        *kept_inactive,
                                GError         **error)
{
  sqlite3 *db;
  g_autoptr(ConcordatGroup) group = NULL;
  gboolean kept = FALSE;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_inactive != NULL)
    *kept_inactive = FALSE;

  db = concordat_store_get_db (store);
  if (!concordat_store_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  group = concordat_council_find_group (store, name, error);
  if (group == NULL ||
      !delete_or_deactivate (store, group->id, &kept, error) ||
      !concordat_store_exec (db, "COMMIT;", error))
    {
      concordat_store_exec (db, "ROLLBACK;", NULL);
      return FALSE;
    }

  if (kept_inactive != NULL)
    *kept_inactive = kept;
  return TRUE;
}

