/* test-store.c: the database is created private, upgraded, refused when
 * newer, moved aside when damaged, backed up, rotated and restored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>

#include "concordat-error.h"
#include "concordat-store.h"
#include "concordat-test-store.h"

typedef struct
{
  char *dir;   /* a temporary folder standing in for the data folder */
  char *path;  /* dir/data/concordat.db */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("concordat-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "data", "concordat.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  concordat_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Writes a database with plain SQLite, as another program or an older or
 * newer Concordat would have left it. */
static void
write_raw_database (const char *path,
                    const char *sql)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_chmod (path, 0600);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The files in @dir whose names start with @prefix. */
static GPtrArray *
files_starting (const char *dir,
                const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));

  return found;
}

static GDateTime *
day (int month,
     int d,
     int hour)
{
  return g_date_time_new_utc (2026, month, d, hour, 0, 0);
}

static void
test_fresh_create (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *value = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);

  /* A write makes SQLite create the WAL and its index: private too. */
  concordat_store_set_meta (store, "council", "Anytown", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  g_assert_cmpint (concordat_store_get_schema_version (store), ==,
                   CONCORDAT_STORE_SCHEMA_VERSION);
  value = concordat_store_get_meta (store, "council");
  g_assert_cmpstr (value, ==, "Anytown");
}

static void
test_reopen_keeps_rows (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  ConcordatStore *store;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  concordat_store_set_meta (store, "council", "Anytown", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  value = concordat_store_get_meta (store, "council");
  g_assert_cmpstr (value, ==, "Anytown");
  g_assert_finalize_object (store);
}

static void
test_migrate_from_zero (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  /* A version-0 database: SQLite's default, with none of our tables. */
  write_raw_database (f->path, "CREATE TABLE unrelated (x); INSERT INTO unrelated VALUES (42);");

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (concordat_store_get_schema_version (store), ==,
                   CONCORDAT_STORE_SCHEMA_VERSION);

  /* The tables of version 1 now exist and work. */
  g_assert_true (concordat_store_set_meta (store, "k", "v", &error));
  g_assert_no_error (error);
  value = concordat_store_get_meta (store, "k");
  g_assert_cmpstr (value, ==, "v");
}

static void
test_wider_modes_narrowed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);

  write_raw_database (f->path, "PRAGMA user_version = 0;");
  g_chmod (dir, 0755);
  g_chmod (f->path, 0644);

  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING, "*data folder*could be read by other users*");
  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING, "*concordat.db could be read by other users*");
  store = concordat_store_open (f->path, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

static void
test_newer_version_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *expected = NULL;

  write_raw_database (f->path,
                      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                      "CREATE TABLE from_the_future (x);"
                      "PRAGMA user_version = 99;");
  before = read_bytes (f->path);

  store = concordat_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW);
  expected = g_strdup_printf ("*%s was written by a newer version of Concordat "
                              "(schema version 99; this version knows up to %d)*",
                              f->path, CONCORDAT_STORE_SCHEMA_VERSION);
  g_assert_true (g_pattern_match_simple (expected, error->message));

  /* Never downgraded, never touched. */
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_moved_aside (Fixture *f,
                    GBytes  *original)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GPtrArray) aside = NULL;
  g_autoptr(GBytes) kept = NULL;
  const char *aside_path;

  store = concordat_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT);

  aside = files_starting (dir, "concordat.db.corrupt-");
  g_assert_cmpuint (aside->len, ==, 1);
  aside_path = g_ptr_array_index (aside, 0);

  /* The message names both files, and the damaged one is kept as it was. */
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, aside_path));
  kept = read_bytes (aside_path);
  g_assert_true (g_bytes_equal (kept, original));

  /* The next start gets a fresh, working database. */
  g_clear_error (&error);
  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (concordat_store_set_meta (store, "k", "v", &error));
}

static void
test_garbage_header (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 400; i++)
    g_string_append (garbage, "This is a letter to the monitoring officer, not a database. ");
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents_full (f->path, garbage->str, garbage->len,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  original = read_bytes (f->path);

  assert_moved_aside (f, original);
}

static void
test_truncated_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("PRAGMA user_version = 1;"
                                         "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                                         "BEGIN;");

  /* Enough rows to span many pages, then cut the file in half.  One
   * transaction: two thousand would wait on the disk two thousand times. */
  for (int i = 0; i < 2000; i++)
    g_string_append_printf (sql, "INSERT INTO meta VALUES ('key %d', "
                            "'a briefing was offered to every group on matter %d');", i, i);
  g_string_append (sql, "COMMIT;");
  write_raw_database (f->path, sql->str);

  whole = read_bytes (f->path);
  g_file_set_contents_full (f->path, g_bytes_get_data (whole, NULL),
                            g_bytes_get_size (whole) / 2,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  half = read_bytes (f->path);

  assert_moved_aside (f, half);
}

static void
note_change (ConcordatStore *store,
             const char     *what,
             GString        *changes)
{
  g_string_append_printf (changes, "%s%s", changes->len > 0 ? " " : "", what);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) now = day (11, 20, 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  concordat_store_set_meta (store, "a", "first", &error);
  concordat_store_set_meta (store, "b", "second", &error);
  g_assert_no_error (error);

  backup = concordat_store_backup (store, now, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (backup, "backups/concordat-2026-11-20-090000.db"));
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  /* Change everything after the backup... */
  concordat_store_set_meta (store, "a", "changed", &error);
  concordat_store_set_meta (store, "c", "added later", &error);
  g_assert_no_error (error);

  /* ...and the restore brings back exactly the rows that were backed up,
   * and tells whatever shows them to read them again. */
  g_signal_connect (store, "changed", G_CALLBACK (note_change), changes);
  g_assert_true (concordat_store_restore (store, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes->str, ==, "library council record");
  a = concordat_store_get_meta (store, "a");
  b = concordat_store_get_meta (store, "b");
  c = concordat_store_get_meta (store, "c");
  g_assert_cmpstr (a, ==, "first");
  g_assert_cmpstr (b, ==, "second");
  g_assert_null (c);

  /* What was there before the restore is kept, not lost. */
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);
  store = concordat_store_open (kept, &error);
  g_assert_no_error (error);
  g_clear_pointer (&c, g_free);
  c = concordat_store_get_meta (store, "c");
  g_assert_cmpstr (c, ==, "added later");
}

static void
test_restore_refuses_bad_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *not_ours = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *value = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  concordat_store_set_meta (store, "a", "precious", &error);
  g_assert_no_error (error);

  write_raw_database (not_ours, "CREATE TABLE songs (title);");
  g_signal_connect (store, "changed", G_CALLBACK (note_change), changes);
  g_assert_false (concordat_store_restore (store, not_ours, NULL, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "is not a Concordat database"));
  g_clear_error (&error);

  g_file_set_contents (garbage, "not a database at all, just some text", -1, &error);
  g_assert_no_error (error);
  g_assert_false (concordat_store_restore (store, garbage, NULL, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, garbage));
  g_clear_error (&error);

  value = concordat_store_get_meta (store, "a");
  g_assert_cmpstr (value, ==, "precious");
  g_assert_cmpstr (changes->str, ==, "");
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);

  for (int d = 1; d <= 10; d++)
    {
      g_autoptr(GDateTime) when = day (11, d, 8);
      g_autofree char *backup = concordat_store_backup (store, when, &error);

      g_assert_no_error (error);
      g_assert_nonnull (backup);
    }

  backups = concordat_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, CONCORDAT_STORE_BACKUPS_KEPT);
  /* The newest seven survive, newest first. */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "concordat-2026-11-10-080000.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 6), "concordat-2026-11-04-080000.db"));
}

/* With the clock set back, a backup is named before the kept ones; it is
 * still there when Concordat names it, and the oldest other goes. */
static void
test_rotation_keeps_newest_written (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) earlier = day (10, 1, 8);
  g_autofree char *backup = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  for (int d = 1; d <= CONCORDAT_STORE_BACKUPS_KEPT; d++)
    {
      g_autoptr(GDateTime) when = day (11, d, 8);
      g_autofree char *kept = concordat_store_backup (store, when, &error);

      g_assert_no_error (error);
    }

  backup = concordat_store_backup (store, earlier, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  backups = concordat_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, CONCORDAT_STORE_BACKUPS_KEPT);
  g_assert_cmpstr (g_ptr_array_index (backups, CONCORDAT_STORE_BACKUPS_KEPT - 1), ==, backup);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, CONCORDAT_STORE_BACKUPS_KEPT - 2),
                                   "concordat-2026-11-02-080000.db"));
}

static void
test_same_second_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) now = day (11, 20, 9);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);

  first = concordat_store_backup (store, now, &error);
  g_assert_no_error (error);
  second = concordat_store_backup (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);

  /* The one taken last is listed first. */
  backups = concordat_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, second);
  g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, first);
}

/* A file already named as the backup would be — another Concordat's
 * backup of the same second, or anything else — is never written over. */
static void
test_backup_never_overwrites (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) now = day (11, 20, 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) partials = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  backup_dir = concordat_store_dup_backup_dir (store);
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  kept = g_build_filename (backup_dir, "concordat-2026-11-20-090000.db", NULL);
  g_assert_true (g_file_set_contents (kept, "someone else's file", -1, NULL));

  taken = concordat_store_backup (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (taken, !=, kept);
  g_assert_true (g_str_has_suffix (taken, "concordat-2026-11-20-090000-2.db"));
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "someone else's file");
  g_assert_cmpuint (file_mode (taken), ==, 0600);

  /* Only the two are there: nothing is left half-written beside them. */
  partials = files_starting (backup_dir, "concordat-");
  g_assert_cmpuint (partials->len, ==, 2);
}

/* A backup's temporary file left by a stopped writer is removed once it
 * is an hour old; a newer one may be another Concordat's, still at work. */
static void
test_stale_partials_removed (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) now = day (11, 20, 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *taken = NULL;
  struct utimbuf old = { 0 };

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  backup_dir = concordat_store_dup_backup_dir (store);
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  stale = g_build_filename (backup_dir, "concordat-2026-11-19-090000.db.part", NULL);
  fresh = g_build_filename (backup_dir, "concordat-2026-11-20-085959.123-0badcafe.part", NULL);
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
  old.actime = old.modtime = time (NULL) - 2 * 60 * 60;
  g_assert_cmpint (g_utime (stale, &old), ==, 0);

  taken = concordat_store_backup (store, now, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

/* The journal files and the backups are narrowed at every open, as the
 * database is, whatever made them wider since. */
static void
test_companions_narrowed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (11, 20, 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup = NULL;
  ConcordatStore *store;
  ConcordatStore *second;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  concordat_store_set_meta (store, "council", "Anytown", &error);
  g_assert_no_error (error);
  backup = concordat_store_backup (store, now, &error);
  g_assert_no_error (error);
  backup_dir = concordat_store_dup_backup_dir (store);

  /* Widened while the first is open, so that its WAL is still there. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_chmod (wal, 0644);
  g_chmod (backup_dir, 0755);
  g_chmod (backup, 0644);

  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING, "*concordat.db-wal could be read by other users*");
  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING, "*backups could be read by other users*");
  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING, "*concordat-2026-11-20-090000.db could be read by other users*");
  second = concordat_store_open (f->path, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (backup_dir), ==, 0700);
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  g_assert_finalize_object (second);
  g_assert_finalize_object (store);
}

/* A folder every user shares (sticky and world-writable, as /tmp) is not
 * Concordat's to narrow: it warns, and keeps the database itself private. */
static void
test_shared_folder_left (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (dir, 01777), ==, 0);

  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING, "*is shared by every user*folder of its own*");
  store = concordat_store_open (f->path, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_cmpuint (file_mode (dir), ==, 01777);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

static void
test_backup_if_due (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) morning = day (11, 20, 8);
  g_autoptr(GDateTime) evening = day (11, 20, 18);
  g_autoptr(GDateTime) next_day = day (11, 21, 8);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *tomorrow = NULL;

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);

  first = concordat_store_backup_if_due (store, morning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  again = concordat_store_backup_if_due (store, evening, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  tomorrow = concordat_store_backup_if_due (store, next_day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tomorrow);

  backups = concordat_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 2);
}

static void
test_check_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  problems = concordat_store_check_file (f->path, &error);
  g_assert_null (problems);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  store = concordat_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  problems = concordat_store_check_file (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A damaged file is reported, and checking it leaves it where it is. */
  g_file_set_contents (f->path, "garbage garbage garbage garbage", -1, &error);
  before = read_bytes (f->path);
  problems = concordat_store_check_file (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "not a SQLite database"));
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("fresh-create", test_fresh_create);
  ADD ("reopen-keeps-rows", test_reopen_keeps_rows);
  ADD ("migrate-from-zero", test_migrate_from_zero);
  ADD ("wider-modes-narrowed", test_wider_modes_narrowed);
  ADD ("newer-version-refused", test_newer_version_refused);
  ADD ("corrupt/garbage-header", test_garbage_header);
  ADD ("corrupt/truncated", test_truncated_file);
  ADD ("backup-restore", test_backup_restore);
  ADD ("rotation-keeps-newest-written", test_rotation_keeps_newest_written);
  ADD ("restore-refuses-bad-file", test_restore_refuses_bad_file);
  ADD ("rotation", test_rotation);
  ADD ("same-second-order", test_same_second_order);
  ADD ("backup-if-due", test_backup_if_due);
  ADD ("backup-never-overwrites", test_backup_never_overwrites);
  ADD ("stale-partials-removed", test_stale_partials_removed);
  ADD ("companions-narrowed", test_companions_narrowed);
  ADD ("shared-folder-left", test_shared_folder_left);
  ADD ("check-file", test_check_file);

#undef ADD

  return g_test_run ();
}
