/* concordat-reading.c: what a reader keeps of a protocol: bookmarks,
 * sections read, and the acknowledgement that it has been read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-reading.h"
#include "concordat-store-private.h"

void
concordat_bookmark_free (ConcordatBookmark *bookmark)
{
  if (bookmark == NULL)
    return;

  g_free (bookmark->doc);
  g_free (bookmark->citation);
  g_free (bookmark->name);
  g_free (bookmark->created_at);
  g_free (bookmark);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static gboolean
run_write (ConcordatStore  *store,
           sqlite3_stmt    *stmt,
           const char      *doing,
           GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "Cannot %s: %s",
                   doing, sqlite3_errmsg (concordat_store_get_db (store)));
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (ConcordatStore  *store,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (concordat_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "Cannot read the library: %s",
                   sqlite3_errmsg (concordat_store_get_db (store)));
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

#define BOOKMARK_QUERY \
  "SELECT b.id, b.paragraph_id, d.slug, p.citation, b.name, b.created_at " \
  "FROM bookmarks b JOIN paragraphs p ON p.id = b.paragraph_id " \
  "JOIN documents d ON d.id = p.document_id "

static ConcordatBookmark *
read_bookmark (sqlite3_stmt *stmt)
{
  ConcordatBookmark *bookmark = g_new0 (ConcordatBookmark, 1);

  bookmark->id = sqlite3_column_int64 (stmt, 0);
  bookmark->paragraph_id = sqlite3_column_int64 (stmt, 1);
  bookmark->doc = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  bookmark->citation = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  bookmark->name = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  bookmark->created_at = g_strdup ((const char *)sqlite3_column_text (stmt, 5));

  return bookmark;
}

/**
 * concordat_reading_add_bookmark:
 * @name: (nullable): what to call it; the citation when %NULL or empty
 *
 * Returns: (transfer full): the new bookmark
 */
ConcordatBookmark *
concordat_reading_add_bookmark (ConcordatStore  *store,
                                const char      *slug,
                                const char      *citation,
                                const char      *name,
                                GError         **error)
{
  g_autoptr(ConcordatParagraph) paragraph = NULL;
  g_autofree char *now = now_iso8601 ();
  ConcordatBookmark *bookmark = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  paragraph = concordat_library_show (store, slug, citation, error);
  if (paragraph == NULL)
    return NULL;

  stmt = prepare (store, "INSERT INTO bookmarks (paragraph_id, name, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, paragraph->id);
  sqlite3_bind_text (stmt, 2, name != NULL && *name != '\0' ? name : citation, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!run_write (store, stmt, "add the bookmark", error))
    return NULL;
  id = sqlite3_last_insert_rowid (concordat_store_get_db (store));

  stmt = prepare (store, BOOKMARK_QUERY "WHERE b.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bookmark = read_bookmark (stmt);
  sqlite3_finalize (stmt);

  return bookmark;
}

gboolean
concordat_reading_remove_bookmark (ConcordatStore  *store,
                                   gint64           id,
                                   GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);

  stmt = prepare (store, "DELETE FROM bookmarks WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return run_write (store, stmt, "remove the bookmark", error);
}

/**
 * concordat_reading_list_bookmarks:
 * @slug: (nullable): one document's, or every document's
 *
 * Returns: (transfer full): the bookmarks, in document order
 */
GPtrArray *
concordat_reading_list_bookmarks (ConcordatStore  *store,
                                  const char      *slug,
                                  GError         **error)
{
  g_autoptr(GPtrArray) bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_bookmark_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  stmt = prepare (store, BOOKMARK_QUERY "WHERE ?1 IS NULL OR d.slug = ?1 ORDER BY d.id, p.position, b.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (bookmarks, read_bookmark (stmt));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&bookmarks);
}

/**
 * concordat_reading_mark_section:
 * @section_id: a section's id, as the outline gives it
 * @read: whether it has been read
 */
gboolean
concordat_reading_mark_section (ConcordatStore  *store,
                                gint64           section_id,
                                gboolean         read,
                                GError         **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);

  if (read)
    {
      stmt = prepare (store, "INSERT OR IGNORE INTO sections_read (section_id, read_at) "
                             "SELECT id, ?2 FROM sections WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
    }
  else
    {
      stmt = prepare (store, "DELETE FROM sections_read WHERE section_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, section_id);

  return run_write (store, stmt, "mark the section", error);
}

/**
 * concordat_reading_sections_read:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the
 *   document's sections marked read
 */
GArray *
concordat_reading_sections_read (ConcordatStore  *store,
                                 const char      *slug,
                                 GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  stmt = prepare (store, "SELECT r.section_id FROM sections_read r JOIN sections s ON s.id = r.section_id "
                         "JOIN documents d ON d.id = s.document_id WHERE d.slug = ?1 ORDER BY s.position", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&ids);
}

/**
 * concordat_reading_progress:
 * @read: (out): how many of its sections are marked read
 * @total: (out): how many sections it has
 *
 * Induction progress: "12 of 18 sections read".
 */
gboolean
concordat_reading_progress (ConcordatStore  *store,
                            const char      *slug,
                            guint           *read,
                            guint           *total,
                            GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return FALSE;

  stmt = prepare (store, "SELECT count (*), count (r.section_id) FROM sections s "
                         "LEFT JOIN sections_read r ON r.section_id = s.id WHERE s.document_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, doc->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *total = sqlite3_column_int (stmt, 0);
      *read = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

/* "I have read this protocol", recorded with its date; saying it again
 * keeps the first date. */
gboolean
concordat_reading_acknowledge (ConcordatStore  *store,
                               const char      *slug,
                               GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return FALSE;

  stmt = prepare (store, "INSERT OR IGNORE INTO acknowledgements (document_id, acknowledged_at) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);

  return run_write (store, stmt, "record the acknowledgement", error);
}

/**
 * concordat_reading_acknowledged_at:
 *
 * Returns: (transfer full) (nullable): when the document was acknowledged
 *   as read (ISO 8601), or %NULL if it has not been
 */
char *
concordat_reading_acknowledged_at (ConcordatStore  *store,
                                   const char      *slug,
                                   GError         **error)
{
  sqlite3_stmt *stmt;
  char *when = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  stmt = prepare (store, "SELECT a.acknowledged_at FROM acknowledgements a "
                         "JOIN documents d ON d.id = a.document_id WHERE d.slug = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    when = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return when;
}
