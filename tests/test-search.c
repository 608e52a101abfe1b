/* test-search.c: searching the protocol library finds what a person means,
 * whatever they type, ranks headings first, and shows safe snippets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-search.h"
#include "concordat-store-private.h"
#include "concordat-test-store.h"

typedef StoreFixture Fixture;

typedef struct
{
  const char *citation;
  const char *text;
} Paragraph;

typedef struct
{
  const char      *citation;
  const char      *heading;
  const Paragraph *paragraphs;  /* ended by { NULL } */
} Section;

static const Paragraph party_groups[] = {
  { "5.1", "Officers may attend party group meetings to give briefings on "
           "council business, provided every group is offered the same." },
  { "5.2", "A briefing given to one group must be offered to the other "
           "groups within five working days." },
  { "5.3", "A group's request for advice comes from its leader; the party "
           "whip may not direct officers." },
  { NULL }
};

static const Paragraph media_relations[] = {
  { "6.1", "Officers must not speak to journalists about a councillor "
           "without first consulting the communications team." },
  { NULL }
};

static const Paragraph premises[] = {
  { "7.1", "Councillors visiting a depot or other council premises should "
           "arrange the visit with its manager in advance, so that staff "
           "can be released from their duties and any local media who "
           "wish to attend can be told of the arrangements by the manager." },
  { "7.2", "Reports marked <b>exempt</b> & confidential are not taken on "
           "visits." },
  { NULL }
};

static const Section model_sections[] = {
  { "5", "Political Groups", party_groups },
  { "6", "Media Relations", media_relations },
  { "7", "Visits to Premises", premises },
  { NULL }
};

static const Paragraph briefings[] = {
  { "3.1", "Group briefings are arranged through the office of the Chief "
           "Executive and recorded in the briefing log." },
  { "3.2", "Information that officers give to councillors is confidential "
           "until the Monitoring Officer decides otherwise, as paragraph "
           "8.3 explains." },
  { "3.3", "Questions from the press about a ward matter go to the press "
           "office; the café at the civic centre is not a place for "
           "interviews." },
  { NULL }
};

static const Section district_sections[] = {
  { "3", "Working with Members", briefings },
  { NULL }
};

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

static gint64
insert (sqlite3      *db,
        sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (db);
}

static gint64
add_document (sqlite3    *db,
              const char *slug,
              const char *title)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO documents (slug, title, source_name, sha256, imported_at) "
                                "VALUES (?1, ?2, ?1 || '.md', 'sha256 of ' || ?1, '2026-01-05T09:00:00Z')");
  gint64 id;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  id = insert (db, stmt);
  sqlite3_finalize (stmt);

  return id;
}

static gint64
add_section (sqlite3    *db,
             gint64      document,
             int         position,
             const char *citation,
             const char *heading)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO sections (document_id, position, citation, heading, level) "
                                "VALUES (?1, ?2, ?3, ?4, 1)");
  gint64 id;

  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, citation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, heading, -1, SQLITE_STATIC);
  id = insert (db, stmt);
  sqlite3_finalize (stmt);

  return id;
}

/* The paragraph's section is set as it is inserted, as the importer does:
 * that is when the trigger copies the heading into the index. */
static sqlite3_stmt *
prepare_paragraph (sqlite3 *db)
{
  return prepare (db,
                  "INSERT INTO paragraphs (document_id, section_id, position, citation, text) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)");
}

static void
add_paragraph (sqlite3      *db,
               sqlite3_stmt *stmt,
               gint64        document,
               gint64        section,
               int           position,
               const char   *citation,
               const char   *text)
{
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, section);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, citation, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
  insert (db, stmt);
}

static void
add_protocol (sqlite3       *db,
              const char    *slug,
              const char    *title,
              const Section *sections)
{
  sqlite3_stmt *stmt = prepare_paragraph (db);
  gint64 document = add_document (db, slug, title);
  int position = 0;

  for (int s = 0; sections[s].citation != NULL; s++)
    {
      gint64 section = add_section (db, document, s, sections[s].citation, sections[s].heading);

      for (int p = 0; sections[s].paragraphs[p].citation != NULL; p++)
        add_paragraph (db, stmt, document, section, position++,
                       sections[s].paragraphs[p].citation, sections[s].paragraphs[p].text);
    }
  sqlite3_finalize (stmt);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  sqlite3 *db;

  concordat_test_store_set_up (f, data);
  db = concordat_store_get_db (f->store);
  add_protocol (db, "model", "Model Member/Officer Protocol", model_sections);
  add_protocol (db, "district", "District Council Protocol", district_sections);
}

#define fixture_tear_down concordat_test_store_tear_down

static GPtrArray *
search (Fixture    *f,
        const char *input,
        const char *doc,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = concordat_search (f->store, input, doc, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  return results;
}

static ConcordatSearchResult *
result (GPtrArray *results,
        guint      i)
{
  return g_ptr_array_index (results, i);
}

static ConcordatSearchResult *
with_citation (GPtrArray  *results,
               const char *citation)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (result (results, i)->citation, citation))
      return result (results, i);

  g_assert_not_reached ();
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* What a search found, as "district:3.1 model:5.1": sorted, for tests that
 * are about which paragraphs are found rather than their order. */
static char *
found (Fixture    *f,
       const char *input,
       const char *doc)
{
  g_autoptr(GPtrArray) results = search (f, input, doc, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (names, g_strdup_printf ("%s:%s", result (results, i)->doc,
                                             result (results, i)->citation));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                            (const char *)g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

#define assert_found(f, input, doc, expected) \
  G_STMT_START { \
    g_autofree char *found_ = found ((f), (input), (doc)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_build_query (void)
{
  static const struct
  {
    const char *input;
    const char *query;
  } cases[] = {
    { "brie", "\"brie\"*" },
    { "brief ", "\"brief\"" },
    { "party group", "\"party\" AND \"group\"*" },
    { "\"party group\"", "\"party group\"" },
    { "\xe2\x80\x9cparty group\xe2\x80\x9d", "\"party group\"" },
    { "\"party gr", "\"party gr\"*" },
    { "\"party group ", "\"party group \"" },
    { "heading:media", "\"heading:media\"*" },
    { "NEAR(a b)", "\"NEAR(a\" AND \"b)\"*" },
    { "brief AND (", "\"brief\" AND \"AND\"" },
    { "8.3", "\"8.3\"*" },
    { "", NULL },
    { "     ", NULL },
    { "\"", NULL },
    { "\"\"", NULL },
    { "))", NULL },
    { "* - ^ : ' \xe2\x80\x9c", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = concordat_search_build_query (cases[i].input);

      g_test_message ("input: %s", cases[i].input);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_stemming (Fixture       *f,
               gconstpointer  data)
{
  /* A finished word: "brief" finds "briefing" and "briefings". */
  assert_found (f, "brief ", NULL, "district:3.1 model:5.1 model:5.2");
  assert_found (f, "briefings ", NULL, "district:3.1 model:5.1 model:5.2");
  /* Words are ANDed. */
  assert_found (f, "briefing days ", NULL, "model:5.2");
}

static void
test_prefix_while_typing (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const words[] = { "briefings", "information" };

  assert_found (f, "brie", NULL, "district:3.1 model:5.1 model:5.2");
  /* Once the word is finished with a space, it is a word, not a prefix. */
  assert_found (f, "brie ", NULL, "");

  /* Results do not vanish in the middle of a word, even where the letters
   * typed so far ("briefi", "informa") are longer than the stem. */
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    for (gsize length = 3; length <= strlen (words[w]); length++)
      {
        g_autofree char *typed = g_strndup (words[w], length);
        g_autoptr(GPtrArray) results = search (f, typed, "district", 0);

        g_test_message ("typed: %s", typed);
        g_assert_cmpuint (results->len, >=, 1);
      }
}

static void
test_phrase (Fixture       *f,
             gconstpointer  data)
{
  /* 5.3 has both words, apart: only the phrase in 5.1 matches. */
  assert_found (f, "\"party group\"", NULL, "model:5.1");
  assert_found (f, "\xe2\x80\x9cparty group\xe2\x80\x9d", NULL, "model:5.1");
  assert_found (f, "party group ", NULL, "model:5.1 model:5.3");
  /* A phrase still being typed. */
  assert_found (f, "\"party gr", NULL, "model:5.1");
}

static void
test_hostile_input (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const inputs[] = {
    "\"", "\"\"", "\"\"\"", "AND (", "OR", "NOT", "NOT brief", "brief NOT",
    "*", "brief*", "-officer", "^officer", "heading:x", "text:briefing",
    "paragraphs_fts:x", "NEAR(a b)", "NEAR(\"a\" \"b\", 2)", "))", "((", "'",
    "''", "\xe2\x80\x9cparty", "party\xe2\x80\x9d", "a\"b\"c", "{heading text}: x",
    "+", "\\", "%", "_", ";", "--", "/* x */", "1 OR 1=1", "\x01\x02\x03",
    "\xff\xfe broken UTF-8 \xc3", "     ", "\t\n", "",
  };
  g_autofree char *long_word = g_strnfill (10000, 'x');
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) results = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *shown = g_strescape (inputs[i], NULL);

      g_test_message ("input: %s", shown);
      g_clear_pointer (&results, g_ptr_array_unref);
      results = search (f, inputs[i], NULL, 10);
      g_clear_pointer (&results, g_ptr_array_unref);
      results = search (f, inputs[i], "model", 10);
    }

  /* Operators are only text: what is left of them still finds. */
  assert_found (f, "-councillors", "district", "district:3.2");
  assert_found (f, "brief*", "model", "model:5.1 model:5.2");
  assert_found (f, "\"brief", "model", "model:5.1 model:5.2");
  assert_found (f, "heading:media", NULL, "");

  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, long_word, NULL, 10);
  g_assert_cmpuint (results->len, ==, 0);

  /* A pasted page: ten thousand characters, every word of which matches. */
  while (long_text->len < 10000)
    g_string_append (long_text, "briefing ");
  g_string_truncate (long_text, 10000);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, long_text->str, NULL, 10);
  g_assert_cmpuint (results->len, ==, 3);
}

static void
test_headings_rank_first (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (f, "media ", NULL, 0);

  /* 6.1 is under "Media Relations" but never says "media"; 7.1 mentions the
   * media once in passing. */
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (result (results, 0)->citation, ==, "6.1");
  g_assert_cmpstr (result (results, 0)->section, ==, "Media Relations");
  g_assert_cmpstr (result (results, 1)->citation, ==, "7.1");
  g_assert_cmpfloat (result (results, 0)->rank, <, result (results, 1)->rank);
}

static void
test_ties_in_document_order (Fixture       *f,
                             gconstpointer  data)
{
  sqlite3 *db = concordat_store_get_db (f->store);
  sqlite3_stmt *stmt = prepare_paragraph (db);
  gint64 document = add_document (db, "parish", "Parish Protocol");
  gint64 section = add_section (db, document, 0, "1", "Letters");
  const char *text = "Correspondence between a councillor and an officer is not copied to others.";
  g_autoptr(GPtrArray) results = NULL;

  /* Inserted last to first, so that only their positions give their order. */
  add_paragraph (db, stmt, document, section, 2, "1.3", text);
  add_paragraph (db, stmt, document, section, 1, "1.2", text);
  add_paragraph (db, stmt, document, section, 0, "1.1", text);
  sqlite3_finalize (stmt);

  results = search (f, "correspondence copied", "parish", 0);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpstr (result (results, 0)->citation, ==, "1.1");
  g_assert_cmpstr (result (results, 1)->citation, ==, "1.2");
  g_assert_cmpstr (result (results, 2)->citation, ==, "1.3");
}

static void
test_one_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  assert_found (f, "councillors", NULL, "district:3.2 model:6.1 model:7.1");
  assert_found (f, "councillors", "model", "model:6.1 model:7.1");
  assert_found (f, "councillors", "district", "district:3.2");

  results = search (f, "brief", "district", 0);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result (results, 0)->doc, ==, "district");
  g_assert_cmpstr (result (results, 0)->doc_title, ==, "District Council Protocol");
  g_assert_cmpstr (result (results, 0)->citation, ==, "3.1");
  g_assert_cmpstr (result (results, 0)->section, ==, "Working with Members");
  g_clear_pointer (&results, g_ptr_array_unref);

  results = concordat_search (f->store, "brief", "no-such-protocol", 0, &error);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-protocol"));
  g_assert_null (results);
  g_clear_error (&error);

  /* Even with nothing to search for: the scope itself is wrong. */
  results = concordat_search (f->store, "", "no-such-protocol", 0, &error);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_null (results);
}

/* A protocol removed and imported again under the same name, with other
 * text, is searched as it is now, not as it was when last searched. */
static void
test_document_replaced (Fixture       *f,
                        gconstpointer  data)
{
  sqlite3 *db = concordat_store_get_db (f->store);
  sqlite3_stmt *stmt;
  gint64 old_id, new_id, section;

  assert_found (f, "councillors", "model", "model:6.1 model:7.1");
  stmt = prepare (db, "SELECT id FROM documents WHERE slug = 'model'");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  old_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  stmt = prepare (db, "DELETE FROM documents WHERE slug = 'model'");
  insert (db, stmt);
  sqlite3_finalize (stmt);
  stmt = prepare (db, "INSERT INTO documents (id, slug, title, source_name, sha256, imported_at) "
                      "VALUES (?1, 'model', 'Model Protocol', 'model.md', 'another digest', "
                      "'2026-02-05T09:00:00Z')");
  sqlite3_bind_int64 (stmt, 1, old_id);
  new_id = insert (db, stmt);
  sqlite3_finalize (stmt);
  g_assert_cmpint (new_id, ==, old_id);
  section = add_section (db, new_id, 0, "1", "Introduction");
  stmt = prepare_paragraph (db);
  add_paragraph (db, stmt, new_id, section, 0, "1.1", "Councillors and officers respect one another.");
  sqlite3_finalize (stmt);

  assert_found (f, "councillors", "model", "model:1.1");
  assert_found (f, "media", "model", "");
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) all = search (f, "councillors", NULL, 0);
  g_autoptr(GPtrArray) two = search (f, "councillors", NULL, 2);
  g_autoptr(GPtrArray) one = search (f, "councillors", "model", 1);

  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (one->len, ==, 1);

  /* The limit keeps the best: the first of all. */
  g_assert_cmpint (result (two, 0)->paragraph_id, ==, result (all, 0)->paragraph_id);
  g_assert_cmpint (result (two, 1)->paragraph_id, ==, result (all, 1)->paragraph_id);
}

static void
test_snippets (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (f, "briefing ", "model", 0);
  g_autoptr(GPtrArray) heading_only = search (f, "relations ", NULL, 0);
  g_autofree char *shown = NULL;

  g_assert_cmpuint (results->len, ==, 2);
  for (guint i = 0; i < results->len; i++)
    {
      const char *snippet = result (results, i)->snippet;
      const char *mark = g_str_equal (result (results, i)->citation, "5.1")
                         ? "\002briefings\003" : "\002briefing\003";

      g_test_message ("snippet: %s", snippet);
      g_assert_nonnull (strstr (snippet, mark));
    }

  /* Where only the heading matched, the paragraph's own opening words. */
  g_assert_cmpuint (heading_only->len, ==, 1);
  g_assert_true (g_str_has_prefix (result (heading_only, 0)->snippet,
                                   "Officers must not speak to journalists"));
  g_assert_null (strchr (result (heading_only, 0)->snippet, '\002'));
  g_assert_true (g_str_has_suffix (result (heading_only, 0)->snippet, "…"));

  /* A long paragraph is cut around the match. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, "attend ", "model", 0);
  g_assert_cmpuint (results->len, ==, 2);
  shown = concordat_search_format_snippet (with_citation (results, "7.1")->snippet, "**", "**", FALSE);
  g_test_message ("shown: %s", shown);
  g_assert_true (g_str_has_prefix (shown, "…"));
  g_assert_nonnull (strstr (shown, "**attend**"));
}

/* Whether GTK would accept @markup in a label: inside a root element, it
 * must parse as XML with only the entities markup has. */
static gboolean
is_well_formed_markup (const char *markup)
{
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);

  context = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  return g_markup_parse_context_parse (context, document, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

static void
test_format_snippet (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (f, "confidential ", "model", 0);
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *stray = NULL;

  g_assert_cmpuint (results->len, ==, 1);
  markup = concordat_search_format_snippet (result (results, 0)->snippet, "<b>", "</b>", TRUE);
  plain = concordat_search_format_snippet (result (results, 0)->snippet, "**", "**", FALSE);

  g_assert_cmpstr (markup, ==,
                   "Reports marked &lt;b&gt;exempt&lt;/b&gt; &amp; <b>confidential</b> "
                   "are not taken on visits.");
  g_assert_cmpstr (plain, ==,
                   "Reports marked <b>exempt</b> & **confidential** "
                   "are not taken on visits.");
  g_assert_true (is_well_formed_markup (markup));

  /* Stray marks in the text never leave markup open or unbalanced. */
  stray = concordat_search_format_snippet ("a\003b\002c\002d", "<b>", "</b>", TRUE);
  g_assert_cmpstr (stray, ==, "ab<b>cd</b>");
}

static void
test_unicode (Fixture       *f,
              gconstpointer  data)
{
  assert_found (f, "cafe ", NULL, "district:3.3");
  assert_found (f, "CAFÉ", NULL, "district:3.3");
  assert_found (f, "8.3", NULL, "district:3.2");
  assert_found (f, "„party group‟", NULL, "model:5.1");
}

static void
test_result_copy (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (f, "journalists", NULL, 0);
  g_autoptr(ConcordatSearchResult) copy = NULL;
  ConcordatSearchResult *original;

  g_assert_cmpuint (results->len, ==, 1);
  original = result (results, 0);
  copy = g_boxed_copy (CONCORDAT_TYPE_SEARCH_RESULT, original);
  g_assert_cmpint (copy->paragraph_id, ==, original->paragraph_id);
  g_assert_cmpstr (copy->snippet, ==, original->snippet);
  g_assert_cmpfloat (copy->rank, ==, original->rank);
  g_assert_cmpfloat (copy->rank, <, 0.0);

  /* The copy owns its strings: it outlives the results it came from. */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_assert_cmpstr (copy->doc, ==, "model");
  g_assert_cmpstr (copy->doc_title, ==, "Model Member/Officer Protocol");
  g_assert_cmpstr (copy->citation, ==, "6.1");
  g_assert_cmpstr (copy->section, ==, "Media Relations");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/search/build-query", test_build_query);
  ADD ("stemming", test_stemming);
  ADD ("prefix-while-typing", test_prefix_while_typing);
  ADD ("phrase", test_phrase);
  ADD ("hostile-input", test_hostile_input);
  ADD ("headings-rank-first", test_headings_rank_first);
  ADD ("ties-in-document-order", test_ties_in_document_order);
  ADD ("one-document", test_one_document);
  ADD ("document-replaced", test_document_replaced);
  ADD ("limit", test_limit);
  ADD ("snippets", test_snippets);
  ADD ("format-snippet", test_format_snippet);
  ADD ("unicode", test_unicode);
  ADD ("result-copy", test_result_copy);

#undef ADD

  return g_test_run ();
}
