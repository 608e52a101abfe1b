/* concordat-search.c: full-text search of the protocol library, from what a
 * person types to ranked paragraphs with marked snippets.
 *
 * What is typed is never handed to FTS5 as query syntax: each word or quoted
 * phrase becomes an FTS5 string, so operators, column names and stray
 * quotes are searched for as text and can never make the query fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-error.h"
#include "concordat-search.h"
#include "concordat-store-private.h"

/* The shortest stem a half-typed word is cut back to when nothing matches
 * it as typed, and how far it is cut back at most (see append_relaxed_term()). */
#define RELAX_MIN_CHARS 3
#define RELAX_MAX_CUT   4

/* A search runs in two steps.  The first ranks every match and keeps the
 * best: headings say what a paragraph is about, so a match there counts
 * four times one in the text, and equal scores keep document order, which
 * is rowid order: paragraphs are numbered in document order as they are
 * imported.  Across the library the rank needs no join to the paragraphs,
 * which would cost a lookup per match — half the time of a search for a
 * common word. */
static const char rank_all_sql[] =
  "SELECT rowid, bm25 (paragraphs_fts, 4.0, 1.0) AS score "
  "FROM paragraphs_fts "
  "WHERE paragraphs_fts MATCH ?1 "
  "ORDER BY score, rowid "
  "LIMIT ?2";

/* In one protocol, the search runs in a small index of that protocol
 * alone, made in memory on its first search.  In the library's index, a
 * half-typed last word ("offic*") merges the whole library's entries for
 * every word it begins before the protocol's few can be picked out, and
 * bm25 counts the library's matches of every term: 13 ms and more for
 * a common word among 1,000 protocols, against well under one here.  A
 * word's weight then comes from how common it is in the protocol being
 * read, which is what matters when searching it.  Equal scores keep the
 * paragraphs' order in the protocol. */
#define DOCUMENT_FTS_COLUMNS \
  "(heading, text, position UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')"

static const char document_index_sql[] =
  "DROP TABLE IF EXISTS temp.document_fts;"
  "CREATE VIRTUAL TABLE temp.document_fts USING fts5 " DOCUMENT_FTS_COLUMNS ";";

static const char document_fill_sql[] =
  "INSERT INTO temp.document_fts (rowid, heading, text, position) "
  "SELECT f.rowid, f.heading, f.text, p.position "
  "FROM paragraphs p JOIN paragraphs_fts f ON f.rowid = p.id "
  "WHERE p.document_id = ?1";

static const char rank_document_sql[] =
  "SELECT rowid, bm25 (document_fts, 4.0, 1.0) AS score "
  "FROM temp.document_fts "
  "WHERE document_fts MATCH ?1 "
  "ORDER BY score, position "
  "LIMIT ?2";

/* The second makes snippets, which cost far more than ranking, for the
 * kept paragraphs only.  Their ids are a JSON array; the "+" keeps that
 * test from FTS5, which would otherwise rerun the match once per id. */
#define DETAILS_SQL(table) \
  "SELECT p.id, d.slug, d.title, p.citation, coalesce (s.heading, ''), " \
  "       snippet (" table ", 1, char (2), char (3), '…', 14) " \
  "FROM " table " " \
  "JOIN paragraphs p ON p.id = " table ".rowid " \
  "JOIN documents d ON d.id = p.document_id " \
  "LEFT JOIN sections s ON s.id = p.section_id " \
  "WHERE " table " MATCH ?1 " \
  "AND " table ".rowid BETWEEN ?2 AND ?3 " \
  "AND +" table ".rowid IN (SELECT value FROM json_each (?4))"

static const char details_all_sql[] = DETAILS_SQL ("paragraphs_fts");
static const char details_document_sql[] = DETAILS_SQL ("document_fts");

static const char find_document_sql[] =
  "SELECT d.id, d.sha256 FROM documents d WHERE d.slug = ?1";

/* Which protocol the in-memory index holds, on which connection. */
#define DOCUMENT_INDEX_KEY "concordat-search-document-index"

typedef struct
{
  sqlite3 *db;
  gint64 id;
  char *sha256;
} DocumentIndex;

static void
document_index_free (DocumentIndex *index)
{
  g_free (index->sha256);
  g_free (index);
}

typedef struct
{
  gint64 id;
  char *sha256;
} DocumentScope;

static void
document_scope_clear (DocumentScope *scope)
{
  g_clear_pointer (&scope->sha256, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocumentScope, document_scope_clear)

G_DEFINE_BOXED_TYPE (ConcordatSearchResult, concordat_search_result,
                     concordat_search_result_copy, concordat_search_result_free)

ConcordatSearchResult *
concordat_search_result_copy (const ConcordatSearchResult *result)
{
  ConcordatSearchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (ConcordatSearchResult, 1);
  copy->paragraph_id = result->paragraph_id;
  copy->doc = g_strdup (result->doc);
  copy->doc_title = g_strdup (result->doc_title);
  copy->citation = g_strdup (result->citation);
  copy->section = g_strdup (result->section);
  copy->snippet = g_strdup (result->snippet);
  copy->rank = result->rank;

  return copy;
}

void
concordat_search_result_free (ConcordatSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->doc);
  g_free (result->doc_title);
  g_free (result->citation);
  g_free (result->section);
  g_free (result->snippet);
  g_free (result);
}

/* Straight, curly and low quotes all open or close a phrase, as people type
 * or paste them. */
static gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case '"':
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0xFF02: /* ＂ */
      return TRUE;
    default:
      return FALSE;
    }
}

/* What the unicode61 tokenizer keeps as part of a word by default (letters,
 * numbers, private use); everything else separates words. */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_token_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_token_char (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* A term with nothing to match would be an empty phrase, which matches no
 * row at all and so would empty the whole AND. */
static void
take_term (GPtrArray *terms,
           GString   *current)
{
  if (has_token_char (current->str))
    g_ptr_array_add (terms, g_strdup (current->str));
  g_string_truncate (current, 0);
}

/* Splits what was typed into words and quoted phrases.  *open_end says
 * whether the last term runs to the very end of the input, that is, whether
 * it may still be being typed. */
static GPtrArray *
split_terms (const char *input,
             gboolean   *open_end)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);
  gboolean in_phrase = FALSE;
  gboolean ends_in_text = FALSE;
  const char *p;

  for (p = input; *p != '\0' && terms->len < CONCORDAT_SEARCH_MAX_TERMS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      ends_in_text = FALSE;
      if (is_quote (c) || (!in_phrase && g_unichar_isspace (c)))
        {
          take_term (terms, current);
          if (is_quote (c))
            in_phrase = !in_phrase;
        }
      else if (g_unichar_isspace (c))
        g_string_append_c (current, ' ');
      else
        {
          g_string_append_unichar (current, c);
          ends_in_text = TRUE;
        }
    }

  *open_end = FALSE;
  if (terms->len < CONCORDAT_SEARCH_MAX_TERMS)
    {
      guint before = terms->len;

      take_term (terms, current);
      *open_end = *p == '\0' && ends_in_text && terms->len > before;
    }

  return g_steal_pointer (&terms);
}

/* An FTS5 string: whatever is inside is text for the tokenizer, never
 * syntax; only the quote itself needs doubling. */
static void
append_fts_string (GString    *query,
                   const char *text,
                   gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  g_string_append_c (query, '"');
  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/* How many letters or digits @text ends with. */
static guint
trailing_word_chars (const char *text)
{
  const char *p = text + strlen (text);
  guint count = 0;

  while (p > text)
    {
      p = g_utf8_prev_char (p);
      if (!is_token_char (g_utf8_get_char (p)))
        break;
      count++;
    }

  return count;
}

/* Porter stems a finished word, but a half-typed one is only a prefix of
 * the typed letters: "briefi" is not a prefix of "brief", the stem stored
 * for "briefing".  So the half-typed word is also tried cut back by a few
 * letters, as whole words ("brief", "brie"), which the stemmer then treats
 * as it treated the text.  Returns FALSE when the word is too short to cut. */
static gboolean
append_relaxed_term (GString    *query,
                     const char *term)
{
  const char *cut = term + strlen (term);
  guint word_chars = trailing_word_chars (term);
  gboolean any = FALSE;

  g_string_append_c (query, '(');
  append_fts_string (query, term, -1);
  g_string_append_c (query, '*');
  for (guint n = 1; n <= RELAX_MAX_CUT && word_chars >= RELAX_MIN_CHARS + n; n++)
    {
      cut = g_utf8_prev_char (cut);
      g_string_append (query, " OR ");
      append_fts_string (query, term, cut - term);
      any = TRUE;
    }
  g_string_append_c (query, ')');

  return any;
}

static char *
build_query (const char *user_input,
             gboolean    relaxed)
{
  g_autofree char *valid = g_utf8_make_valid (user_input, -1);
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean open_end;
  gboolean any_relaxed = FALSE;

  terms = split_terms (valid, &open_end);
  if (terms->len == 0)
    return NULL;

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);
      gboolean last = i + 1 == terms->len;

      if (i > 0)
        g_string_append (query, " AND ");

      if (last && open_end && relaxed)
        any_relaxed = append_relaxed_term (query, term);
      else
        append_fts_string (query, term, -1);

      if (last && open_end && !relaxed)
        g_string_append_c (query, '*');
    }

  if (relaxed && !any_relaxed)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * concordat_search_build_query:
 * @user_input: what the person typed
 *
 * Turns typed words into an FTS5 MATCH expression that cannot fail: words
 * are ANDed, a quoted phrase ("party group", with straight or curly quotes)
 * is searched as a phrase, and the last word is a prefix while it may still
 * be being typed (the input does not end in a space or closing quote).
 * Anything else, FTS5 operators included, is searched for as text.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   nothing searchable was typed
 */
char *
concordat_search_build_query (const char *user_input)
{
  g_return_val_if_fail (user_input != NULL, NULL);

  return build_query (user_input, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
set_search_error (GError  **error,
                  sqlite3  *db,
                  int       code)
{
  g_set_error (error, CONCORDAT_ERROR,
               concordat_store_is_damage (code) ? CONCORDAT_ERROR_CORRUPT : CONCORDAT_ERROR_IO,
               "Cannot search the protocol library: %s", sqlite3_errmsg (db));
}

static gboolean
find_document (sqlite3        *db,
               const char     *slug,
               DocumentScope  *scope,
               GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, find_document_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_ROW)
    {
      scope->id = sqlite3_column_int64 (stmt, 0);
      scope->sha256 = column_dup (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                 "There is no protocol “%s” in the library; "
                 "“concordat protocols” lists the ones imported",
                 slug);
  else
    set_search_error (error, db, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

/* Makes the in-memory index of the protocol searched, unless it is the one
 * already made: a document's paragraphs never change once imported, and a
 * different one, even under a reused id, has a different digest. */
static gboolean
ensure_document_index (ConcordatStore       *store,
                       sqlite3              *db,
                       const DocumentScope  *scope,
                       GError              **error)
{
  DocumentIndex *index = g_object_get_data (G_OBJECT (store), DOCUMENT_INDEX_KEY);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (index != NULL && index->db == db && index->id == scope->id &&
      g_strcmp0 (index->sha256, scope->sha256) == 0)
    return TRUE;

  /* Forgotten first, so that a failure below leaves no claim to an index. */
  g_object_set_data (G_OBJECT (store), DOCUMENT_INDEX_KEY, NULL);

  rc = sqlite3_exec (db, document_index_sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, document_fill_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, scope->id);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      set_search_error (error, db, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  index = g_new0 (DocumentIndex, 1);
  index->db = db;
  index->id = scope->id;
  index->sha256 = g_strdup (scope->sha256);
  g_object_set_data_full (G_OBJECT (store), DOCUMENT_INDEX_KEY, index,
                          (GDestroyNotify)document_index_free);
  return TRUE;
}

/* Step one: the best matches' ids and scores, best first. */
static gboolean
rank_matches (sqlite3              *db,
              const char           *match,
              const DocumentScope  *scope,
              guint                 limit,
              GPtrArray            *results,
              GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, scope != NULL ? rank_document_sql : rank_all_sql,
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ConcordatSearchResult *result = g_new0 (ConcordatSearchResult, 1);

          result->paragraph_id = sqlite3_column_int64 (stmt, 0);
          result->rank = sqlite3_column_double (stmt, 1);
          g_ptr_array_add (results, result);
        }
    }
  if (rc != SQLITE_DONE)
    set_search_error (error, db, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/* Step two: where each kept paragraph is, and its snippet. */
static gboolean
add_details (sqlite3              *db,
             const char           *match,
             const DocumentScope  *scope,
             GPtrArray            *results,
             GError              **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_new ("[");
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < results->len; i++)
    {
      ConcordatSearchResult *result = g_ptr_array_index (results, i);

      g_hash_table_insert (by_id, &result->paragraph_id, result);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", result->paragraph_id);
      first = MIN (first, result->paragraph_id);
      last = MAX (last, result->paragraph_id);
    }
  g_string_append_c (ids, ']');

  rc = sqlite3_prepare_v2 (db, scope != NULL ? details_document_sql : details_all_sql,
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last);
      sqlite3_bind_text (stmt, 4, ids->str, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          ConcordatSearchResult *result = g_hash_table_lookup (by_id, &id);

          if (result == NULL)
            continue;
          result->doc = column_dup (stmt, 1);
          result->doc_title = column_dup (stmt, 2);
          result->citation = column_dup (stmt, 3);
          result->section = column_dup (stmt, 4);
          result->snippet = column_dup (stmt, 5);
        }
    }
  if (rc != SQLITE_DONE)
    set_search_error (error, db, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/* A paragraph removed by another process between the two steps has no
 * details: it is dropped rather than shown empty. */
static void
drop_vanished (GPtrArray *results)
{
  for (guint i = results->len; i > 0; i--)
    if (((ConcordatSearchResult *)g_ptr_array_index (results, i - 1))->doc == NULL)
      g_ptr_array_remove_index (results, i - 1);
}

static gboolean
run_query (sqlite3              *db,
           const char           *match,
           const DocumentScope  *scope,
           guint                 limit,
           GPtrArray            *results,
           GError              **error)
{
  if (!rank_matches (db, match, scope, limit, results, error))
    return FALSE;

  if (results->len == 0)
    return TRUE;

  if (!add_details (db, match, scope, results, error))
    return FALSE;

  drop_vanished (results);
  return TRUE;
}

/**
 * concordat_search:
 * @store: the library
 * @user_input: what the person typed; see concordat_search_build_query()
 * @doc_slug: (nullable): the one document to search, or %NULL for all
 * @limit: the most results to return, or 0 for every match
 *
 * Searches paragraph text and section headings, best match first
 * (ConcordatSearchResult.rank ascending: bm25, more negative is better),
 * equal matches in document order.  When nothing matches a half-typed last
 * word, it is tried again cut back towards its stem, so results do not
 * vanish in the middle of typing a word.
 *
 * Returns: (transfer full) (element-type ConcordatSearchResult): the
 *   results, empty when nothing searchable was typed; %NULL with @error set
 *   when @doc_slug names no document or the database cannot be read
 */
GPtrArray *
concordat_search (ConcordatStore  *store,
                  const char      *user_input,
                  const char      *doc_slug,
                  guint            limit,
                  GError         **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *match = NULL;
  g_autofree char *relaxed = NULL;
  g_auto(DocumentScope) scope = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (user_input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = concordat_store_get_db (store);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify)concordat_search_result_free);

  if (doc_slug != NULL &&
      (!find_document (db, doc_slug, &scope, error) ||
       !ensure_document_index (store, db, &scope, error)))
    return NULL;

  match = build_query (user_input, FALSE);
  if (match == NULL)
    return g_steal_pointer (&results);

  if (!run_query (db, match, doc_slug != NULL ? &scope : NULL, limit, results, error))
    return NULL;

  if (results->len == 0 && (relaxed = build_query (user_input, TRUE)) != NULL &&
      !run_query (db, relaxed, doc_slug != NULL ? &scope : NULL, limit, results, error))
    return NULL;

  return g_steal_pointer (&results);
}

static void
append_text (GString    *out,
             const char *text,
             gsize       length,
             gboolean    escape_markup)
{
  g_autofree char *escaped = NULL;

  if (!escape_markup)
    {
      g_string_append_len (out, text, length);
      return;
    }

  escaped = g_markup_escape_text (text, length);
  g_string_append (out, escaped);
}

/**
 * concordat_search_format_snippet:
 * @snippet: a snippet from concordat_search()
 * @open: what to put before each matched word, e.g. "<b>" or "**"
 * @close: what to put after it
 * @escape_markup: whether the text is to be shown as Pango markup
 *
 * Replaces the snippet's marks.  With @escape_markup the protocol's own
 * text is escaped, so a "<b>" or "&" in it is shown as written; @open and
 * @close are not.  The marks always come out paired, even if the text
 * itself held a stray one, so the markup stays well formed.
 *
 * Returns: (transfer full): the snippet as it is to be shown
 */
char *
concordat_search_format_snippet (const char *snippet,
                                 const char *open,
                                 const char *close,
                                 gboolean    escape_markup)
{
  g_autoptr(GString) out = NULL;
  gboolean marked = FALSE;
  const char *p;

  g_return_val_if_fail (snippet != NULL, NULL);
  g_return_val_if_fail (open != NULL, NULL);
  g_return_val_if_fail (close != NULL, NULL);

  out = g_string_sized_new (strlen (snippet) + 16);
  for (p = snippet; *p != '\0'; )
    {
      gsize run = strcspn (p, CONCORDAT_SEARCH_MARK_START CONCORDAT_SEARCH_MARK_END);

      append_text (out, p, run, escape_markup);
      p += run;
      if (*p == '\0')
        break;

      if (*p == CONCORDAT_SEARCH_MARK_START[0] && !marked)
        g_string_append (out, open);
      else if (*p == CONCORDAT_SEARCH_MARK_END[0] && marked)
        g_string_append (out, close);
      marked = *p == CONCORDAT_SEARCH_MARK_START[0];
      p++;
    }
  if (marked)
    g_string_append (out, close);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
