/* concordat-library.c: the protocols in the store — importing them, listing
 * them, and reading their outline and paragraphs.
 *
 * An import is one transaction: a document with all its sections,
 * paragraphs, topics and search index, or nothing at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "concordat-data.h"
#include "concordat-error.h"
#include "concordat-importer.h"
#include "concordat-library.h"
#include "concordat-store-private.h"
#include "concordat-topics.h"

void
concordat_document_free (ConcordatDocument *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->slug);
  g_free (doc->title);
  g_free (doc->source_name);
  g_free (doc->sha256);
  g_free (doc->imported_at);
  g_clear_pointer (&doc->warnings, g_ptr_array_unref);
  g_free (doc);
}

void
concordat_section_free (ConcordatSection *section)
{
  if (section == NULL)
    return;

  g_free (section->citation);
  g_free (section->heading);
  g_ptr_array_unref (section->paragraphs);
  g_free (section);
}

void
concordat_paragraph_free (ConcordatParagraph *paragraph)
{
  if (paragraph == NULL)
    return;

  g_free (paragraph->doc);
  g_free (paragraph->citation);
  g_free (paragraph->section);
  g_free (paragraph->text);
  g_ptr_array_unref (paragraph->topics);
  g_free (paragraph);
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_autofree char *message = concordat_store_dup_errmsg (db);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot read the library: %s", message);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* "Joint Protocol on Councillor & Officer Relationships" becomes
 * "joint-protocol-on-councillor-officer": short, and safe in a link. */
static char *
slugify (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len > 40)
    {
      char *cut = strrchr (slug->str, '-');
      if (cut != NULL && cut - slug->str >= 20)
        g_string_truncate (slug, cut - slug->str);
    }

  if (slug->len == 0)
    g_string_append (slug, "protocol");

  return g_string_free (slug, FALSE);
}

static gboolean
slug_taken (sqlite3    *db,
            const char *slug)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT 1 FROM documents WHERE slug = ?1", NULL);
  gboolean taken;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return taken;
}

static char *
unique_slug (sqlite3    *db,
             const char *base)
{
  char *slug = g_strdup (base);

  for (guint n = 2; slug_taken (db, slug); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }

  return slug;
}

static gboolean
refuse_duplicate (sqlite3     *db,
                  const char  *sha256,
                  const char  *source_name,
                  GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT title, slug FROM documents WHERE sha256 = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return TRUE;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS,
                 "%s is already in the library, as “%s” (%s)", source_name,
                 (const char *)sqlite3_column_text (stmt, 0),
                 (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  return found;
}

static int
next_version (sqlite3    *db,
              const char *title)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT coalesce (max (version), 0) + 1 FROM documents WHERE title = ?1", NULL);
  int version = 1;

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *section;
  sqlite3_stmt *paragraph;   /* into the temporary table */
  sqlite3_stmt *paragraphs;  /* from it into the library */
  sqlite3_stmt *ids;
  sqlite3_stmt *topic;
} Writer;

static void
writer_clear (Writer *w)
{
  sqlite3_finalize (w->section);
  sqlite3_finalize (w->paragraph);
  sqlite3_finalize (w->paragraphs);
  sqlite3_finalize (w->ids);
  sqlite3_finalize (w->topic);
}

static gboolean
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
write_sections (Writer                  *w,
                gint64                   document_id,
                ConcordatParsedDocument *parsed,
                gint64                  *ids)
{
  for (guint i = 0; i < parsed->sections->len; i++)
    {
      const ConcordatParsedSection *s = g_ptr_array_index (parsed->sections, i);

      sqlite3_bind_int64 (w->section, 1, document_id);
      if (s->parent >= 0)
        sqlite3_bind_int64 (w->section, 2, ids[s->parent]);
      sqlite3_bind_int (w->section, 3, i);
      sqlite3_bind_text (w->section, 4, s->citation, -1, SQLITE_STATIC);
      sqlite3_bind_text (w->section, 5, s->heading, -1, SQLITE_STATIC);
      sqlite3_bind_int (w->section, 6, s->level);
      if (!step_done (w->section))
        return FALSE;
      ids[i] = sqlite3_last_insert_rowid (w->db);
    }

  return TRUE;
}

/* Paragraphs are gathered in a temporary table and go into the library in
 * one statement: every statement that changes the full-text index, which
 * a trigger fills, opens and closes a savepoint on it, and one statement
 * for all the paragraphs stores them three times as fast as one each. */
static gboolean
write_paragraphs (Writer                  *w,
                  gint64                   document_id,
                  ConcordatParsedDocument *parsed,
                  const gint64            *section_ids,
                  ConcordatTopics         *topics)
{
  guint i = 0;
  int rc;

  for (i = 0; i < parsed->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (parsed->paragraphs, i);

      if (p->section >= 0)
        sqlite3_bind_int64 (w->paragraph, 1, section_ids[p->section]);
      sqlite3_bind_int (w->paragraph, 2, i);
      sqlite3_bind_text (w->paragraph, 3, p->citation, -1, SQLITE_STATIC);
      sqlite3_bind_text (w->paragraph, 4, p->text, -1, SQLITE_STATIC);
      if (!step_done (w->paragraph))
        return FALSE;
    }

  sqlite3_bind_int64 (w->paragraphs, 1, document_id);
  if (!step_done (w->paragraphs))
    return FALSE;

  /* Their ids, in their order, for their topics. */
  sqlite3_bind_int64 (w->ids, 1, document_id);
  for (i = 0; (rc = sqlite3_step (w->ids)) == SQLITE_ROW && i < parsed->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (parsed->paragraphs, i);
      const char *heading = "";
      g_autoptr(GPtrArray) matches = NULL;
      gint64 id = sqlite3_column_int64 (w->ids, 0);

      if (p->section >= 0)
        heading = ((ConcordatParsedSection *)g_ptr_array_index (parsed->sections, p->section))->heading;

      matches = concordat_topics_tag (topics, heading, p->text);
      for (guint m = 0; m < matches->len; m++)
        {
          const ConcordatTopicMatch *match = g_ptr_array_index (matches, m);

          sqlite3_bind_int64 (w->topic, 1, id);
          sqlite3_bind_text (w->topic, 2, match->topic, -1, SQLITE_STATIC);
          sqlite3_bind_double (w->topic, 3, match->weight);
          if (!step_done (w->topic))
            {
              sqlite3_reset (w->ids);
              return FALSE;
            }
        }
    }
  sqlite3_reset (w->ids);

  return rc == SQLITE_DONE && i == parsed->paragraphs->len;
}

static void
set_import_error (GError     **error,
                  sqlite3     *db,
                  const char  *source_name)
{
  g_autofree char *message = concordat_store_dup_errmsg (db);

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
               "Cannot store %s: %s. Nothing was imported.", source_name, message);
}

static gint64
write_document (sqlite3                 *db,
                ConcordatParsedDocument *parsed,
                ConcordatDocument       *doc,
                ConcordatTopics         *topics)
{
  g_autofree gint64 *section_ids = g_new0 (gint64, parsed->sections->len + 1);
  Writer w = { db, NULL, NULL, NULL, NULL, NULL };
  sqlite3_stmt *stmt;
  gint64 document_id = -1;
  gboolean ok;

  stmt = prepare (db, "INSERT INTO documents (slug, title, source_name, sha256, imported_at, version, bundled) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", NULL);
  sqlite3_bind_text (stmt, 1, doc->slug, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, doc->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, doc->source_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, doc->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, doc->imported_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, doc->version);
  sqlite3_bind_int (stmt, 7, doc->bundled);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return -1;
  document_id = sqlite3_last_insert_rowid (db);

  w.section = prepare (db, "INSERT INTO sections (document_id, parent_id, position, citation, heading, level) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", NULL);
  if (!concordat_store_exec (db, "CREATE TEMP TABLE IF NOT EXISTS imported_paragraphs ("
                                 "  position   INTEGER PRIMARY KEY,"
                                 "  section_id INTEGER,"
                                 "  citation   TEXT NOT NULL,"
                                 "  text       TEXT NOT NULL);"
                                 "DELETE FROM temp.imported_paragraphs;", NULL))
    return -1;
  w.paragraph = prepare (db, "INSERT INTO temp.imported_paragraphs (section_id, position, citation, text) "
                             "VALUES (?1, ?2, ?3, ?4)", NULL);
  w.paragraphs = prepare (db, "INSERT INTO paragraphs (document_id, section_id, position, citation, text) "
                              "SELECT ?1, section_id, position, citation, text "
                              "FROM temp.imported_paragraphs ORDER BY position", NULL);
  w.ids = prepare (db, "SELECT id FROM paragraphs WHERE document_id = ?1 ORDER BY position", NULL);
  w.topic = prepare (db, "INSERT INTO paragraph_topics (paragraph_id, topic, weight) VALUES (?1, ?2, ?3)", NULL);

  ok = w.section != NULL && w.paragraph != NULL && w.paragraphs != NULL && w.ids != NULL && w.topic != NULL &&
       write_sections (&w, document_id, parsed, section_ids) &&
       write_paragraphs (&w, document_id, parsed, section_ids, topics);
  writer_clear (&w);
  /* On failure the rollback takes the temporary table away, and the
   * failure's own error stays the connection's last, to be reported. */
  if (ok)
    ok = concordat_store_exec (db, "DROP TABLE temp.imported_paragraphs;", NULL);

  return ok ? document_id : -1;
}

/**
 * concordat_library_import_bytes:
 * @bytes: the protocol's text
 * @source_name: where it came from, for messages and the record
 * @title: (nullable): the title to give it, instead of the one found in it
 * @bundled: whether it is the model protocol Concordat comes with
 *
 * Imports a protocol in one transaction.  The same bytes twice are refused
 * with %CONCORDAT_ERROR_EXISTS; a changed file with a title already in the
 * library becomes its next version, and the old one is kept.
 *
 * Returns: (transfer full): the new document, with the importer's warnings
 */
ConcordatDocument *
concordat_library_import_bytes (ConcordatStore  *store,
                                GBytes          *bytes,
                                const char      *source_name,
                                const char      *title,
                                gboolean         bundled,
                                GError         **error)
{
  g_autoptr(ConcordatParsedDocument) parsed = NULL;
  g_autoptr(ConcordatTopics) topics = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base_slug = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  parsed = concordat_importer_parse (bytes, source_name, error);
  if (parsed == NULL)
    return NULL;

  topics = concordat_topics_load_default (error);
  if (topics == NULL)
    return NULL;

  db = concordat_store_get_db (store);
  if (!concordat_store_exec (db, "BEGIN IMMEDIATE;", NULL))
    {
      set_import_error (error, db, source_name);
      return NULL;
    }

  doc = g_new0 (ConcordatDocument, 1);
  doc->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  doc->title = g_strdup (title != NULL && *title != '\0' ? title : parsed->title);
  doc->source_name = g_path_get_basename (source_name);
  doc->imported_at = g_date_time_format_iso8601 (now);
  doc->bundled = bundled;
  doc->sections = parsed->sections->len;
  doc->paragraphs = parsed->paragraphs->len;

  if (refuse_duplicate (db, doc->sha256, source_name, error))
    goto fail;

  doc->version = next_version (db, doc->title);
  base_slug = bundled ? g_strdup (CONCORDAT_LIBRARY_MODEL_SLUG) : slugify (doc->title);
  if (doc->version > 1)
    {
      g_autofree char *versioned = g_strdup_printf ("%s-v%d", base_slug, doc->version);
      g_free (base_slug);
      base_slug = g_steal_pointer (&versioned);
    }
  doc->slug = unique_slug (db, base_slug);

  id = write_document (db, parsed, doc, topics);
  if (id < 0 || !concordat_store_exec (db, "COMMIT;", NULL))
    {
      set_import_error (error, db, source_name);
      goto fail;
    }

  doc->id = id;
  doc->warnings = g_ptr_array_ref (parsed->warnings);
  return g_steal_pointer (&doc);

fail:
  concordat_store_exec (db, "ROLLBACK;", NULL);
  return NULL;
}

/**
 * concordat_library_import_file:
 * @path: a plain text or Markdown file
 * @title: (nullable): the title to give it
 *
 * Imports the file; see concordat_library_import_bytes().
 */
ConcordatDocument *
concordat_library_import_file (ConcordatStore  *store,
                               const char      *path,
                               const char      *title,
                               GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "Cannot import %s: %s", path, g_strerror (saved));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "Cannot import %s: it is not a file", path);
      return NULL;
    }

  /* Refused before it is read: a protocol is never this large. */
  if (st.st_size > CONCORDAT_IMPORTER_MAX_BYTES)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s is %.1f MB, larger than any protocol (the limit is %d MB): "
                   "is it the right file?", path, st.st_size / 1e6,
                   CONCORDAT_IMPORTER_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot read %s: %s", path, local_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  return concordat_library_import_bytes (store, bytes, path, title, FALSE, error);
}

/**
 * concordat_library_ensure_model:
 *
 * Imports the model protocol Concordat comes with, unless it is there, so
 * that a fresh install has something real to read and cite.
 */
gboolean
concordat_library_ensure_model (ConcordatStore  *store,
                                GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean present;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);

  stmt = prepare (concordat_store_get_db (store), "SELECT 1 FROM documents WHERE bundled = 1", error);
  if (stmt == NULL)
    return FALSE;
  present = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (present)
    return TRUE;

  bytes = concordat_data_lookup (CONCORDAT_DATA_MODEL_PROTOCOL, error);
  if (bytes == NULL)
    return FALSE;

  /* Another Concordat starting on the same new database at the same
   * moment may have imported it since it was looked for: that is as good. */
  doc = concordat_library_import_bytes (store, bytes, CONCORDAT_DATA_MODEL_PROTOCOL, NULL, TRUE, &local_error);
  if (doc != NULL || g_error_matches (local_error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

#define DOCUMENT_COLUMNS \
  "d.id, d.slug, d.title, d.source_name, d.sha256, d.imported_at, d.version, d.bundled, " \
  "(SELECT count (*) FROM sections s WHERE s.document_id = d.id), " \
  "(SELECT count (*) FROM paragraphs p WHERE p.document_id = d.id)"

static ConcordatDocument *
read_document (sqlite3_stmt *stmt)
{
  ConcordatDocument *doc = g_new0 (ConcordatDocument, 1);

  doc->id = sqlite3_column_int64 (stmt, 0);
  doc->slug = column_text (stmt, 1);
  doc->title = column_text (stmt, 2);
  doc->source_name = column_text (stmt, 3);
  doc->sha256 = column_text (stmt, 4);
  doc->imported_at = column_text (stmt, 5);
  doc->version = sqlite3_column_int (stmt, 6);
  doc->bundled = sqlite3_column_int (stmt, 7);
  doc->sections = sqlite3_column_int (stmt, 8);
  doc->paragraphs = sqlite3_column_int (stmt, 9);

  return doc;
}

/**
 * concordat_library_list:
 *
 * Returns: (transfer full): every document, the model first, then by title
 *   and version
 */
GPtrArray *
concordat_library_list (ConcordatStore  *store,
                        GError         **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_document_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  stmt = prepare (concordat_store_get_db (store),
                  "SELECT " DOCUMENT_COLUMNS " FROM documents d "
                  "ORDER BY d.bundled DESC, d.title COLLATE NOCASE, d.version", error);
  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (docs, read_document (stmt));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&docs);
}

/**
 * concordat_library_find:
 * @slug: a document's id, as `import` printed it
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %CONCORDAT_ERROR_NOT_FOUND
 */
ConcordatDocument *
concordat_library_find (ConcordatStore  *store,
                        const char      *slug,
                        GError         **error)
{
  ConcordatDocument *doc = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  stmt = prepare (concordat_store_get_db (store),
                  "SELECT " DOCUMENT_COLUMNS " FROM documents d WHERE d.slug = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    doc = read_document (stmt);
  sqlite3_finalize (stmt);

  if (doc == NULL)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                 "There is no protocol “%s” in the library. "
                 "Run “concordat protocols” to see their ids.", slug);

  return doc;
}

/**
 * concordat_library_outline:
 *
 * Returns: (transfer full): the document's sections in order, each with
 *   the citations of its own paragraphs
 */
GPtrArray *
concordat_library_outline (ConcordatStore  *store,
                           const char      *slug,
                           GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3 *db = concordat_store_get_db (store);
  sqlite3_stmt *stmt;

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return NULL;

  sections = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_section_free);
  stmt = prepare (db, "SELECT id, coalesce (parent_id, 0), citation, heading, level "
                      "FROM sections WHERE document_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, doc->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ConcordatSection *section = g_new0 (ConcordatSection, 1);

      section->id = sqlite3_column_int64 (stmt, 0);
      section->parent_id = sqlite3_column_int64 (stmt, 1);
      section->citation = column_text (stmt, 2);
      section->heading = column_text (stmt, 3);
      section->level = sqlite3_column_int (stmt, 4);
      section->paragraphs = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (sections, section);
      g_hash_table_insert (by_id, &section->id, section);
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT section_id, citation FROM paragraphs "
                      "WHERE document_id = ?1 AND section_id IS NOT NULL ORDER BY position", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, doc->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 section_id = sqlite3_column_int64 (stmt, 0);
      ConcordatSection *section = g_hash_table_lookup (by_id, &section_id);

      if (section != NULL)
        g_ptr_array_add (section->paragraphs, column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&sections);
}

#define PARAGRAPH_QUERY \
  "SELECT p.id, d.slug, p.citation, coalesce (s.heading, ''), p.text, p.position, " \
  "  (SELECT group_concat (topic, ' ') FROM " \
  "     (SELECT topic FROM paragraph_topics t WHERE t.paragraph_id = p.id ORDER BY weight DESC, topic)) " \
  "FROM paragraphs p JOIN documents d ON d.id = p.document_id " \
  "LEFT JOIN sections s ON s.id = p.section_id "

static ConcordatParagraph *
read_paragraph (sqlite3_stmt *stmt)
{
  ConcordatParagraph *paragraph = g_new0 (ConcordatParagraph, 1);
  const char *topics = (const char *)sqlite3_column_text (stmt, 6);

  paragraph->id = sqlite3_column_int64 (stmt, 0);
  paragraph->doc = column_text (stmt, 1);
  paragraph->citation = column_text (stmt, 2);
  paragraph->section = column_text (stmt, 3);
  paragraph->text = column_text (stmt, 4);
  paragraph->position = sqlite3_column_int (stmt, 5);
  paragraph->topics = g_ptr_array_new_with_free_func (g_free);

  if (topics != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (topics, " ", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        g_ptr_array_add (paragraph->topics, g_strdup (ids[i]));
    }

  return paragraph;
}

/**
 * concordat_library_paragraphs:
 *
 * Returns: (transfer full): every paragraph of the document, in order
 */
GPtrArray *
concordat_library_paragraphs (ConcordatStore  *store,
                              const char      *slug,
                              GError         **error)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  sqlite3_stmt *stmt;

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return NULL;

  stmt = prepare (concordat_store_get_db (store),
                  PARAGRAPH_QUERY "WHERE p.document_id = ?1 ORDER BY p.position", error);
  if (stmt == NULL)
    return NULL;

  paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_paragraph_free);
  sqlite3_bind_int64 (stmt, 1, doc->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (paragraphs, read_paragraph (stmt));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&paragraphs);
}

/**
 * concordat_library_show:
 * @citation: as the document cites it: "8.3", "Media Relations 6"
 *
 * Returns: (transfer full): the paragraph, or %NULL with
 *   %CONCORDAT_ERROR_NOT_FOUND
 */
ConcordatParagraph *
concordat_library_show (ConcordatStore  *store,
                        const char      *slug,
                        const char      *citation,
                        GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  ConcordatParagraph *paragraph = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (citation != NULL, NULL);

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return NULL;

  stmt = prepare (concordat_store_get_db (store),
                  PARAGRAPH_QUERY "WHERE p.document_id = ?1 AND p.citation = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_text (stmt, 2, citation, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    paragraph = read_paragraph (stmt);
  sqlite3_finalize (stmt);

  if (paragraph == NULL)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                 "“%s” has no paragraph %s. Run “concordat outline %s” to see its citations.",
                 slug, citation, slug);

  return paragraph;
}

/**
 * concordat_library_topic:
 * @topic: a topic id, e.g. "party-groups"
 *
 * Returns: (transfer full): the citations of the paragraphs tagged with
 *   @topic, in document order
 */
GPtrArray *
concordat_library_topic (ConcordatStore  *store,
                         const char      *slug,
                         const char      *topic,
                         GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (topic != NULL, NULL);

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return NULL;

  stmt = prepare (concordat_store_get_db (store),
                  "SELECT p.citation FROM paragraph_topics t JOIN paragraphs p ON p.id = t.paragraph_id "
                  "WHERE p.document_id = ?1 AND t.topic = ?2 ORDER BY p.position", error);
  if (stmt == NULL)
    return NULL;

  citations = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_text (stmt, 2, topic, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (citations, column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&citations);
}

/**
 * concordat_library_cite:
 * @topic: a topic id, e.g. "party-groups"
 * @limit: the most paragraphs to return
 *
 * The paragraphs a piece of guidance on @topic should cite: those most
 * strongly about it (a contents page that merely names the topic loses to
 * the section on it), in document order so that they read as the protocol
 * does.
 *
 * Returns: (transfer full) (element-type ConcordatParagraph): at most
 *   @limit paragraphs; empty when the document has none on @topic
 */
GPtrArray *
concordat_library_cite (ConcordatStore  *store,
                        const char      *slug,
                        const char      *topic,
                        guint            limit,
                        GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (topic != NULL, NULL);

  doc = concordat_library_find (store, slug, error);
  if (doc == NULL)
    return NULL;

  stmt = prepare (concordat_store_get_db (store),
                  PARAGRAPH_QUERY
                  "WHERE p.id IN (SELECT t.paragraph_id FROM paragraph_topics t "
                  "               JOIN paragraphs q ON q.id = t.paragraph_id "
                  "               WHERE q.document_id = ?1 AND t.topic = ?2 "
                  "               ORDER BY t.weight DESC, q.position LIMIT ?3) "
                  "ORDER BY p.position", error);
  if (stmt == NULL)
    return NULL;

  paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_paragraph_free);
  sqlite3_bind_int64 (stmt, 1, doc->id);
  sqlite3_bind_text (stmt, 2, topic, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, MIN (limit, G_MAXINT));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (paragraphs, read_paragraph (stmt));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&paragraphs);
}
