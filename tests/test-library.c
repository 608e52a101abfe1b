/* test-library.c: importing protocols into the store — counts, versions,
 * refusals that store nothing, one transaction — and reading them back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-store-private.h"
#include "concordat-test-store.h"
#include "concordat-topics.h"

typedef StoreFixture Fixture;

#define fixture_set_up concordat_test_store_set_up
#define fixture_tear_down concordat_test_store_tear_down

static gint64
count (Fixture    *f,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (concordat_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
assert_library_empty (Fixture *f)
{
  g_assert_cmpint (count (f, "documents"), ==, 0);
  g_assert_cmpint (count (f, "sections"), ==, 0);
  g_assert_cmpint (count (f, "paragraphs"), ==, 0);
  g_assert_cmpint (count (f, "paragraph_topics"), ==, 0);
  g_assert_cmpint (count (f, "paragraphs_fts"), ==, 0);
}

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("CONCORDAT_SHARED_PROTOCOLS");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_import_shared (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path ("joint-councillor-officer-protocol.txt");
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(ConcordatParagraph) paragraph = NULL;
  g_autoptr(GError) error = NULL;

  doc = concordat_library_import_file (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->slug, ==, "joint-protocol-on-councillor-officer");
  g_assert_cmpstr (doc->title, ==, "Joint Protocol on Councillor & Officer Relationships");
  g_assert_cmpint (doc->version, ==, 1);
  g_assert_cmpuint (doc->sections, ==, 18);
  g_assert_cmpuint (doc->paragraphs, ==, 93);
  g_assert_cmpuint (doc->warnings->len, ==, 2);

  /* What is stored: every paragraph, indexed for search, tagged. */
  g_assert_cmpint (count (f, "documents"), ==, 1);
  g_assert_cmpint (count (f, "sections"), ==, 18);
  g_assert_cmpint (count (f, "paragraphs"), ==, 93);
  g_assert_cmpint (count (f, "paragraphs_fts"), ==, 93);
  g_assert_cmpint (count (f, "paragraph_topics"), >, 0);

  paragraph = concordat_library_show (f->store, doc->slug, "8.3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paragraph->section, ==, "PARTY GROUPS AND OFFICERS");
  g_assert_true (g_str_has_prefix (paragraph->text, "In their dealings with party groups"));
  g_assert_cmpuint (paragraph->topics->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (paragraph->topics, 0), ==, "party-groups");
}

static void
test_same_bytes_twice (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path ("wokingham-chapter-9-3.txt");
  g_autoptr(ConcordatDocument) first = NULL;
  g_autoptr(ConcordatDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  first = concordat_library_import_file (f->store, path, NULL, &error);
  g_assert_no_error (error);

  again = concordat_library_import_file (f->store, path, "Another Title", &error);
  g_assert_null (again);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_EXISTS);
  expected = g_strdup_printf ("%s is already in the library, as “%s” (%s)", path, first->title, first->slug);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_cmpint (count (f, "documents"), ==, 1);
  g_assert_cmpint (count (f, "paragraphs"), ==, first->paragraphs);
}

static void
test_new_version (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *old_path = write_file (f, "v1.txt", "# Anytown Protocol\n\n1. Members and officers work together.\n", -1);
  g_autofree char *new_path = write_file (f, "v2.txt", "# Anytown Protocol\n\n1. Members and officers work together.\n\n2. A rule added later.\n", -1);
  g_autoptr(ConcordatDocument) v1 = NULL;
  g_autoptr(ConcordatDocument) v2 = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  v1 = concordat_library_import_file (f->store, old_path, NULL, &error);
  g_assert_no_error (error);
  v2 = concordat_library_import_file (f->store, new_path, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (v1->slug, ==, "anytown-protocol");
  g_assert_cmpstr (v2->slug, ==, "anytown-protocol-v2");
  g_assert_cmpint (v2->version, ==, 2);

  /* The old version is kept, whole. */
  docs = concordat_library_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpuint (((ConcordatDocument *)g_ptr_array_index (docs, 0))->paragraphs, ==, 1);
  g_assert_cmpuint (((ConcordatDocument *)g_ptr_array_index (docs, 1))->paragraphs, ==, 2);
}

static void
test_bad_input_stores_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *empty = write_file (f, "empty.txt", "", 0);
  g_autofree char *binary = write_file (f, "scan.pdf", "%PDF-1.4\n\0\0\x01binary", 18);
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = concordat_library_import_file (f->store, empty, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_clear_error (&error);

  doc = concordat_library_import_file (f->store, binary, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a text file"));
  g_clear_error (&error);

  doc = concordat_library_import_file (f->store, missing, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  doc = concordat_library_import_file (f->store, f->dir, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_clear_error (&error);

  assert_library_empty (f);
}

static void
test_one_transaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("carlisle-2007-executive-report.txt");
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  /* The disk "fills up" at the fiftieth paragraph. */
  g_assert_true (concordat_store_exec (concordat_store_get_db (f->store),
                                       "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON paragraphs "
                                       "WHEN (SELECT count (*) FROM paragraphs) >= 50 "
                                       "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;",
                                       &error));
  g_assert_no_error (error);

  doc = concordat_library_import_file (f->store, path, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "database or disk is full. Nothing was imported."));

  assert_library_empty (f);
}

static void
test_outline_and_topics (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path ("wokingham-chapter-9-3.txt");
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(ConcordatParagraph) missing = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordatSection *officers, *groups;

  doc = concordat_library_import_file (f->store, path, "Wokingham", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->slug, ==, "wokingham");

  sections = concordat_library_outline (f->store, "wokingham", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, ==, 35);

  /* "10 Political Groups…" sits under the supporting guidance on officers. */
  officers = g_ptr_array_index (sections, 22);
  groups = g_ptr_array_index (sections, 32);
  g_assert_cmpstr (officers->heading, ==, "Supporting Guidance on Role and Responsibilities of Officers");
  g_assert_cmpstr (groups->citation, ==, "10");
  g_assert_cmpint (groups->parent_id, ==, officers->id);
  g_assert_cmpint (groups->level, ==, 2);
  g_assert_cmpuint (groups->paragraphs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (groups->paragraphs, 0), ==, "Role and Responsibilities of Officers 10");

  /* The media guidance carries the media topic, in document order. */
  media = concordat_library_topic (f->store, "wokingham", "media", &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (media, "Media Relations 6", g_str_equal, NULL));
  for (guint i = 1; i < media->len; i++)
    g_assert_cmpstr (g_ptr_array_index (media, i - 1), !=, g_ptr_array_index (media, i));

  missing = concordat_library_show (f->store, "wokingham", "99.9", &error);
  g_assert_null (missing);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“wokingham” has no paragraph 99.9. "
                   "Run “concordat outline wokingham” to see its citations.");
  g_clear_error (&error);

  g_assert_null (concordat_library_outline (f->store, "nowhere", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
}

static void
test_model_protocol (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConcordatTopics) topics = NULL;
  g_autoptr(ConcordatDocument) model = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *ids;

  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);
  /* Once only, however often it is asked for. */
  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_cmpint (count (f, "documents"), ==, 1);

  model = concordat_library_find (f->store, CONCORDAT_LIBRARY_MODEL_SLUG, &error);
  g_assert_no_error (error);
  g_assert_true (model->bundled);
  g_assert_cmpuint (model->paragraphs, >=, 80);

  /* Every topic has paragraphs a wizard can cite. */
  topics = concordat_topics_load_default (&error);
  g_assert_no_error (error);
  ids = concordat_topics_list_ids (topics);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) cited = concordat_library_topic (f->store, CONCORDAT_LIBRARY_MODEL_SLUG, ids[i], &error);

      g_assert_no_error (error);
      if (cited->len == 0)
        g_error ("the model protocol has no paragraph about %s", ids[i]);
    }
}

typedef struct
{
  const char *citation;
  const char *topic;
  gboolean    carries;
} Pin;

/* Topics pinned on the real protocols, checked by reading them: each
 * protocol has at least five paragraphs that must carry a topic and five
 * that must not. */
static const Pin joint_pins[] = {
  { "8.3", "party-groups", TRUE }, { "8.5", "confidentiality", TRUE },
  { "6.5", "relationships", TRUE }, { "7.1", "statutory-officers", TRUE },
  { "12.3", "correspondence", TRUE }, { "13.1", "ward-members", TRUE },
  { "9.2", "information-access", TRUE }, { "3.7", "complaints", TRUE },
  { "8.3", "media", FALSE }, { "6.5", "party-groups", FALSE },
  { "6.1", "relationships", FALSE }, { "12.3", "premises", FALSE },
  { "13.1", "pre-election", FALSE }, { "1.7", "complaints", FALSE },
  { NULL }
};

static const Pin wokingham_pins[] = {
  { "Role and Responsibilities of Officers 10", "party-groups", TRUE },
  { "Media Relations 4", "media", TRUE },
  { "Media Relations 6", "pre-election", TRUE },
  { "Access to Premises and Use of Council Resources 2", "premises", TRUE },
  { "Access to Premises and Use of Council Resources 4", "resources", TRUE },
  { "Correspondence 1", "correspondence", TRUE },
  { "9.3.6 ¶2", "statutory-officers", TRUE },
  { "Role and Responsibilities of Officers 10", "media", FALSE },
  { "Media Relations 4", "premises", FALSE },
  { "Access to Premises and Use of Council Resources 2", "resources", FALSE },
  { "Access to Premises and Use of Council Resources 2", "information-access", FALSE },
  { "Access to Premises and Use of Council Resources 4", "premises", FALSE },
  { "Role and Responsibilities of Officers 5", "roles-officers", FALSE },
  { NULL }
};

static const Pin carlisle_pins[] = {
  { "92", "party-groups", TRUE }, { "96", "confidentiality", TRUE },
  { "136", "premises", TRUE }, { "137", "premises", TRUE },
  { "107", "ward-members", TRUE }, { "125", "media", TRUE },
  { "130", "correspondence", TRUE }, { "138", "resources", TRUE },
  { "92", "media", FALSE }, { "136", "information-access", FALSE },
  { "107", "premises", FALSE }, { "110", "party-groups", FALSE },
  { "125", "premises", FALSE }, { "140", "pre-election", FALSE },
  { "43", "relationships", FALSE },
  { NULL }
};

static void
test_topics_pinned (Fixture       *f,
                    gconstpointer  data)
{
  const struct { const char *file; const Pin *pins; } protocols[] = {
    { "joint-councillor-officer-protocol.txt", joint_pins },
    { "wokingham-chapter-9-3.txt", wokingham_pins },
    { "carlisle-2007-executive-report.txt", carlisle_pins },
  };

  for (guint i = 0; i < G_N_ELEMENTS (protocols); i++)
    {
      g_autofree char *path = fixture_path (protocols[i].file);
      g_autoptr(ConcordatDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      doc = concordat_library_import_file (f->store, path, NULL, &error);
      g_assert_no_error (error);

      for (const Pin *pin = protocols[i].pins; pin->citation != NULL; pin++)
        {
          g_autoptr(ConcordatParagraph) p = concordat_library_show (f->store, doc->slug, pin->citation, &error);
          gboolean carries;

          g_assert_no_error (error);
          carries = g_ptr_array_find_with_equal_func (p->topics, pin->topic, g_str_equal, NULL);
          if (carries != pin->carries)
            g_error ("%s %s %s carry %s", protocols[i].file, pin->citation,
                     pin->carries ? "should" : "should not", pin->topic);
        }
    }
}

/* Guidance cites the paragraphs most about a topic, not the first ones to
 * mention it: Carlisle's contents page and its early mentions of party
 * groups lose to paragraphs 82-97, its section on them. */
static void
test_cite (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = fixture_path ("carlisle-2007-executive-report.txt");
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GPtrArray) cited = NULL;
  g_autoptr(GError) error = NULL;
  GString *citations = g_string_new (NULL);
  g_autofree char *joined = NULL;

  doc = concordat_library_import_file (f->store, path, NULL, &error);
  g_assert_no_error (error);

  cited = concordat_library_cite (f->store, doc->slug, "party-groups", 5, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cited->len; i++)
    {
      const ConcordatParagraph *p = g_ptr_array_index (cited, i);

      g_string_append_printf (citations, "%s%s", i > 0 ? " " : "", p->citation);
      g_assert_cmpint (strtol (p->citation, NULL, 10), >=, 82);
      g_assert_cmpint (strtol (p->citation, NULL, 10), <=, 97);
    }
  joined = g_string_free (citations, FALSE);
  /* Five, the strongest, in the order the protocol has them. */
  g_assert_cmpstr (joined, ==, "85 87 89 91 97");
  g_clear_pointer (&cited, g_ptr_array_unref);

  /* A topic the document says nothing on cites nothing. */
  cited = concordat_library_cite (f->store, doc->slug, "no-such-topic", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cited->len, ==, 0);
  g_clear_pointer (&cited, g_ptr_array_unref);

  cited = concordat_library_cite (f->store, "no-such-protocol", "party-groups", 5, &error);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_null (cited);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/library/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("import-shared", test_import_shared);
  ADD ("same-bytes-twice", test_same_bytes_twice);
  ADD ("new-version", test_new_version);
  ADD ("bad-input-stores-nothing", test_bad_input_stores_nothing);
  ADD ("one-transaction", test_one_transaction);
  ADD ("outline-and-topics", test_outline_and_topics);
  ADD ("model-protocol", test_model_protocol);
  ADD ("topics-pinned", test_topics_pinned);
  ADD ("cite", test_cite);

#undef ADD

  return g_test_run ();
}
