/* concordat-bench.c: the in-process measurements of `make bench`, run by
 * bench/run.py, each printing what it measured on standard output:
 *
 *   concordat-bench fill-record DB N       N actions, as years of guidance
 *   concordat-bench fill-duties DB N       one action with N duties, most done
 *   concordat-bench import DB FILE…        import each; bytes, ms, and the
 *                                          ms to read the same bytes
 *   concordat-bench search DB QUERIES DOC REPEATS
 *                                          per query: the median ms of a search
 *                                          in DOC, in the whole library, and
 *                                          of the naive FTS5 query
 *   concordat-bench first-search DB DOC-A DOC-B REPEATS
 *                                          the median ms of a first search in
 *                                          a protocol, alternating between two
 *   concordat-bench reminders DB REPEATS   the median ms of one reminder scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "concordat-library.h"
#include "concordat-record-private.h"
#include "concordat-reminders.h"
#include "concordat-search.h"
#include "concordat-store-private.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (int (*) (const void *, const void *)) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static ConcordatStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ConcordatStore *store = concordat_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/* Actions one a day back from 22 November 2026, as the three wizards
 * record them. */
static int
fill_record (const char *path,
             guint       n)
{
  static const char * const wizards[] = { "briefing", "premises-visit", "media-contact" };
  static const char * const topics[] = { "Local plan", "Budget", "Waste contract", "Libraries", "Parking" };
  g_autoptr(ConcordatStore) store = open_store (path);
  sqlite3 *db = concordat_store_get_db (store);
  sqlite3_stmt *stmt;
  GDate day;

  exec_sql (db, "BEGIN");
  stmt = prepare (db, "INSERT INTO actions (wizard, wizard_version, date, created_at, summary, answers) "
                      "VALUES (?1, 1, ?2, ?2 || 'T10:00:00Z', ?3, '{}')");
  g_date_set_dmy (&day, 22, 11, 2026);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Briefing on “%s” for group %u (%u)", topics[i % 5], i % 7, i);
      g_autofree char *date = NULL;

      if (i % 3 == 0 && i > 0)
        g_date_subtract_days (&day, 1);
      date = concordat_record_format_date (&day);
      sqlite3_bind_text (stmt, 1, wizards[i % 3], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_TRANSIENT);
      step_done (db, stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");
  g_print ("%u\n", n);
  return 0;
}

/* Due over two years around 22 November 2026; all but one in thirty done. */
static int
fill_duties (const char *path,
             guint       n)
{
  g_autoptr(ConcordatStore) store = open_store (path);
  sqlite3 *db = concordat_store_get_db (store);
  sqlite3_stmt *stmt;
  GDate day;

  exec_sql (db, "BEGIN");
  exec_sql (db, "INSERT INTO actions (wizard, wizard_version, date, created_at, summary, answers) "
                "VALUES ('briefing', 1, '2025-11-22', '2025-11-22T10:00:00Z', 'Briefing', '{}')");
  stmt = prepare (db, "INSERT INTO duties (action_id, position, title, due, done_at) "
                      "VALUES (?5, ?1, ?2, ?3, ?4)");
  sqlite3_bind_int64 (stmt, 5, sqlite3_last_insert_rowid (db));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Offer group %u the briefing", i);
      g_autofree char *due = NULL;

      g_date_set_dmy (&day, 22, 11, 2025);
      g_date_add_days (&day, i % 730);
      due = concordat_record_format_date (&day);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, due, -1, SQLITE_TRANSIENT);
      if (i % 30 != 0)
        sqlite3_bind_text (stmt, 4, "2026-01-01T10:00:00Z", -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 4);
      step_done (db, stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");
  g_print ("%u\n", n);
  return 0;
}

static int
import (const char  *path,
        int          n_files,
        char       **files)
{
  g_autoptr(ConcordatStore) store = open_store (path);
  gsize bytes = 0;
  double started, import_ms, read_ms;

  /* Reading the same bytes, for the ratio. */
  started = now_ms ();
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      if (!g_file_get_contents (files[i], &text, &length, NULL))
        g_error ("Cannot read %s", files[i]);
      bytes += length;
    }
  read_ms = now_ms () - started;

  started = now_ms ();
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordatDocument) doc = concordat_library_import_file (store, files[i], NULL, &error);

      if (doc == NULL)
        g_error ("%s", error->message);
    }
  import_ms = now_ms () - started;

  g_print ("%" G_GSIZE_FORMAT " %.3f %.3f\n", bytes, import_ms, read_ms);
  return 0;
}

/* The plain way: every match scored, then sorted. */
static GPtrArray *
naive_search (ConcordatStore *store,
              const char     *query)
{
  g_autofree char *match = concordat_search_build_query (query);
  GPtrArray *results = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = concordat_store_get_db (store);
  sqlite3_stmt *stmt;

  if (match == NULL)
    return results;
  stmt = prepare (db, "SELECT rowid, snippet (paragraphs_fts, 1, char (2), char (3), '…', 14) "
                      "FROM paragraphs_fts WHERE paragraphs_fts MATCH ?1 "
                      "ORDER BY bm25 (paragraphs_fts) LIMIT 20");
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (results, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return results;
}

typedef enum { IN_DOCUMENT, IN_LIBRARY, NAIVE } Kind;

static double
time_search (ConcordatStore *store,
             const char     *query,
             const char     *doc,
             Kind            kind,
             guint           repeats,
             guint          *found)
{
  g_autofree double *times = g_new (double, repeats);

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;
      double started = now_ms ();

      if (kind == NAIVE)
        results = naive_search (store, query);
      else
        results = concordat_search (store, query, kind == IN_DOCUMENT ? doc : NULL, 20, &error);
      times[r] = now_ms () - started;
      if (results == NULL)
        g_error ("%s: %s", query, error->message);
      *found = results->len;
    }
  return median (times, repeats);
}

static int
search (const char *path,
        const char *queries_file,
        const char *doc,
        guint       repeats)
{
  g_autoptr(ConcordatStore) store = open_store (path);
  g_autofree char *text = NULL;
  g_auto(GStrv) queries = NULL;

  if (!g_file_get_contents (queries_file, &text, NULL, NULL))
    g_error ("Cannot read %s", queries_file);
  queries = g_strsplit (text, "\n", -1);

  for (guint i = 0; queries[i] != NULL; i++)
    {
      guint in_doc = 0, in_lib = 0, naive = 0;
      double doc_ms, lib_ms, naive_ms;

      if (*queries[i] == '\0' || *queries[i] == '#')
        continue;
      doc_ms = time_search (store, queries[i], doc, IN_DOCUMENT, repeats, &in_doc);
      lib_ms = time_search (store, queries[i], doc, IN_LIBRARY, repeats, &in_lib);
      naive_ms = time_search (store, queries[i], doc, NAIVE, repeats, &naive);
      g_print ("%s\t%.4f\t%.4f\t%.4f\t%u\t%u\t%u\n", queries[i], doc_ms, lib_ms, naive_ms, in_doc, in_lib, naive);
    }
  return 0;
}

/* The first search in a protocol, which makes its in-memory index:
 * alternating between two protocols makes every search a first one. */
static int
first_search (const char *path,
              const char *doc_a,
              const char *doc_b,
              guint       repeats)
{
  g_autoptr(ConcordatStore) store = open_store (path);
  g_autofree double *times = g_new (double, repeats);
  guint found;

  for (guint r = 0; r < repeats; r++)
    times[r] = time_search (store, "officer", r % 2 == 0 ? doc_a : doc_b, IN_DOCUMENT, 1, &found);
  g_print ("%.4f\n", median (times, repeats));
  return 0;
}

static int
reminders (const char *path,
           guint       repeats)
{
  g_autoptr(ConcordatStore) store = open_store (path);
  g_autofree double *times = g_new (double, repeats);
  GDate today;
  guint found = 0;

  g_date_set_dmy (&today, 22, 11, 2026);
  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) due = NULL;
      double started = now_ms ();

      due = concordat_reminders_find (store, &today, 10 * 60, CONCORDAT_REMINDERS_DEFAULT_TIME, &error);
      times[r] = now_ms () - started;
      if (due == NULL)
        g_error ("%s", error->message);
      found = due->len;
    }
  g_print ("%.4f %u\n", median (times, repeats), found);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 4 && g_str_equal (argv[1], "fill-record"))
    return fill_record (argv[2], atoi (argv[3]));
  if (argc >= 4 && g_str_equal (argv[1], "fill-duties"))
    return fill_duties (argv[2], atoi (argv[3]));
  if (argc >= 4 && g_str_equal (argv[1], "import"))
    return import (argv[2], argc - 3, argv + 3);
  if (argc >= 6 && g_str_equal (argv[1], "search"))
    return search (argv[2], argv[3], argv[4], atoi (argv[5]));
  if (argc >= 6 && g_str_equal (argv[1], "first-search"))
    return first_search (argv[2], argv[3], argv[4], atoi (argv[5]));
  if (argc >= 4 && g_str_equal (argv[1], "reminders"))
    return reminders (argv[2], atoi (argv[3]));

  g_printerr ("Usage: concordat-bench fill-record|fill-duties|import|search|first-search|reminders …\n");
  return 2;
}
