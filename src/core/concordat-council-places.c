/* concordat-council-places.c: the council's wards, and its own closure
 * days besides the bank holidays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-council-private.h"
#include "concordat-error.h"

/* --- wards --- */

void
concordat_ward_free (ConcordatWard *ward)
{
  if (ward == NULL)
    return;

  g_free (ward->name);
  g_free (ward);
}

static ConcordatWard *
read_ward (sqlite3_stmt *stmt)
{
  ConcordatWard *ward = g_new0 (ConcordatWard, 1);

  ward->id = sqlite3_column_int64 (stmt, 0);
  ward->name = concordat_council_column_dup (stmt, 1);

  return ward;
}

/**
 * concordat_council_list_wards:
 *
 * Returns: (transfer full) (element-type ConcordatWard): the wards, by name
 */
GPtrArray *
concordat_council_list_wards (ConcordatStore  *store,
                              GError         **error)
{
  g_autoptr(GPtrArray) wards = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_ward_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = concordat_council_prepare (store, "SELECT id, name FROM wards ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (wards, read_ward (stmt));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&wards);
}

static void
set_ward_not_found (ConcordatStore  *store,
                    const char      *name,
                    GError         **error)
{
  g_autoptr(GPtrArray) wards = concordat_council_list_wards (store, NULL);
  g_autofree char *names = NULL;

  if (wards == NULL || wards->len == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "There is no ward called “%s”; no wards are set up yet. "
                   "Add one with “concordat wards add NAME”", name);
      return;
    }

  names = concordat_council_names_of (wards, G_STRUCT_OFFSET (ConcordatWard, name));
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "There is no ward called “%s”; the wards are %s", name, names);
}

/**
 * concordat_council_find_ward:
 * @name: its name, in any case
 *
 * Returns: (transfer full): the ward, or %NULL with
 *   %CONCORDAT_ERROR_NOT_FOUND saying which wards there are
 */
ConcordatWard *
concordat_council_find_ward (ConcordatStore  *store,
                             const char      *name,
                             GError         **error)
{
  g_autofree char *trimmed = NULL;
  ConcordatWard *ward = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  stmt = concordat_council_prepare (store, "SELECT id, name FROM wards WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ward = read_ward (stmt);
  sqlite3_finalize (stmt);

  if (ward == NULL)
    set_ward_not_found (store, trimmed, error);
  return ward;
}

/**
 * concordat_council_add_ward:
 *
 * Returns: (transfer full): the ward, or %NULL with
 *   %CONCORDAT_ERROR_EXISTS if there is one of that name
 */
ConcordatWard *
concordat_council_add_ward (ConcordatStore  *store,
                            const char      *name,
                            GError         **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = concordat_council_check_item_name (name, "ward", "Abbey", ITEM_NAME_MAX, error);
  if (trimmed == NULL)
    return NULL;

  stmt = concordat_council_prepare (store, "INSERT INTO wards (name) VALUES (?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  rc = concordat_council_step_write (stmt);
  concordat_council_note_change (store, rc);
  if (rc == SQLITE_CONSTRAINT)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS,
                 "There is already a ward called “%s”", trimmed);
  else if (rc != SQLITE_DONE)
    concordat_council_set_write_error (store, "add the ward", error);
  if (rc != SQLITE_DONE)
    return NULL;

  return concordat_council_find_ward (store, trimmed, error);
}

gboolean
concordat_council_remove_ward (ConcordatStore  *store,
                               const char      *name,
                               GError         **error)
{
  g_autoptr(ConcordatWard) ward = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ward = concordat_council_find_ward (store, name, error);
  if (ward == NULL)
    return FALSE;

  stmt = concordat_council_prepare (store, "DELETE FROM wards WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ward->id);

  return concordat_council_run_write (store, stmt, "remove the ward", error);
}

/* --- local holidays --- */

void
concordat_holiday_free (ConcordatHoliday *holiday)
{
  if (holiday == NULL)
    return;

  g_free (holiday->name);
  g_free (holiday);
}

/**
 * concordat_council_list_holidays:
 *
 * Returns: (transfer full) (element-type ConcordatHoliday): the council's
 *   own closure days, by date
 */
GPtrArray *
concordat_council_list_holidays (ConcordatStore  *store,
                                 GError         **error)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_holiday_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = concordat_council_prepare (store, "SELECT date, name FROM local_holidays ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ConcordatHoliday) holiday = g_new0 (ConcordatHoliday, 1);

      g_date_clear (&holiday->date, 1);
      /* A date written by hand into the database is skipped, not guessed. */
      if (!concordat_calendar_parse_date ((const char *)sqlite3_column_text (stmt, 0), &holiday->date))
        continue;
      holiday->name = concordat_council_column_dup (stmt, 1);
      g_ptr_array_add (holidays, g_steal_pointer (&holiday));
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&holidays);
}

/**
 * concordat_council_add_holiday:
 * @date: a day the council is closed
 * @name: what it is, such as "Council closure day"
 *
 * Returns: %FALSE with %CONCORDAT_ERROR_EXISTS if there is already a local
 *   holiday on @date
 */
gboolean
concordat_council_add_holiday (ConcordatStore  *store,
                               const GDate     *date,
                               const char      *name,
                               GError         **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_date_valid (date))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "A local holiday needs a real date; give it as YYYY-MM-DD, such as 2026-12-24");
      return FALSE;
    }
  trimmed = concordat_council_check_item_name (name, "local holiday", "Council closure day", ITEM_NAME_MAX, error);
  if (trimmed == NULL)
    return FALSE;

  day = concordat_council_format_date (date);
  stmt = concordat_council_prepare (store, "INSERT INTO local_holidays (date, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  rc = concordat_council_step_write (stmt);
  concordat_council_note_change (store, rc);
  if (rc == SQLITE_CONSTRAINT)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS,
                 "There is already a local holiday on %s; remove it first to change it", day);
  else if (rc != SQLITE_DONE)
    concordat_council_set_write_error (store, "add the local holiday", error);

  return rc == SQLITE_DONE;
}

/**
 * concordat_council_remove_holiday:
 *
 * Returns: %FALSE with %CONCORDAT_ERROR_NOT_FOUND if there is no local
 *   holiday on @date
 */
gboolean
concordat_council_remove_holiday (ConcordatStore  *store,
                                  const GDate     *date,
                                  GError         **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  day = concordat_council_format_date (date);
  stmt = concordat_council_prepare (store, "DELETE FROM local_holidays WHERE date = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (!concordat_council_run_write (store, stmt, "remove the local holiday", error))
    return FALSE;

  if (concordat_council_changes (store) == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "There is no local holiday on %s; run “concordat holidays” to see them", day);
      return FALSE;
    }

  return TRUE;
}
