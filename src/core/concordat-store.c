/* concordat-store.c: the one SQLite database that holds everything Concordat
 * records, with its migrations, checks, backups and restore.
 *
 * A completed action is an audit record, so the database runs in WAL mode
 * with synchronous=FULL, and a database that fails its check is never
 * written to: it is moved aside for the user to recover from a backup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include "concordat-error.h"
#include "concordat-paths.h"
#include "concordat-store-private.h"

struct _ConcordatStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
};

G_DEFINE_FINAL_TYPE (ConcordatStore, concordat_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each entry takes the schema from its index to the next version; an entry
 * is never edited once released, only appended to. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT;",

  /* 1 → 2: the protocol library.  A document is one imported version of a
   * protocol; its sections form a tree and its paragraphs keep their order.
   * The full-text index keeps its own copy of each paragraph's text and
   * heading so that snippets can be made from it. */
  "CREATE TABLE documents ("
  "  id          INTEGER PRIMARY KEY,"
  "  slug        TEXT NOT NULL UNIQUE,"
  "  title       TEXT NOT NULL,"
  "  source_name TEXT NOT NULL,"
  "  sha256      TEXT NOT NULL UNIQUE,"
  "  imported_at TEXT NOT NULL,"
  "  version     INTEGER NOT NULL DEFAULT 1,"
  "  bundled     INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE sections ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  parent_id   INTEGER REFERENCES sections (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  citation    TEXT NOT NULL,"
  "  heading     TEXT NOT NULL,"
  "  level       INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX sections_by_document ON sections (document_id, position);"
  "CREATE TABLE paragraphs ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  section_id  INTEGER REFERENCES sections (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  citation    TEXT NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  UNIQUE (document_id, citation)"
  ") STRICT;"
  "CREATE INDEX paragraphs_by_section ON paragraphs (section_id, position);"
  "CREATE INDEX paragraphs_by_document ON paragraphs (document_id, position);"
  "CREATE TABLE paragraph_topics ("
  "  paragraph_id INTEGER NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,"
  "  topic        TEXT NOT NULL,"
  "  weight       REAL NOT NULL,"
  "  PRIMARY KEY (paragraph_id, topic)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX paragraph_topics_by_topic ON paragraph_topics (topic, paragraph_id);"
  "CREATE VIRTUAL TABLE paragraphs_fts USING fts5 ("
  "  heading, text,"
  "  tokenize = 'porter unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN"
  "  INSERT INTO paragraphs_fts (rowid, heading, text)"
  "  VALUES (new.id, coalesce ((SELECT heading FROM sections WHERE id = new.section_id), ''), new.text);"
  "END;"
  "CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN"
  "  DELETE FROM paragraphs_fts WHERE rowid = old.id;"
  "END;"
  "CREATE TABLE bookmarks ("
  "  id           INTEGER PRIMARY KEY,"
  "  paragraph_id INTEGER NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,"
  "  name         TEXT NOT NULL,"
  "  created_at   TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE sections_read ("
  "  section_id INTEGER PRIMARY KEY REFERENCES sections (id) ON DELETE CASCADE,"
  "  read_at    TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE acknowledgements ("
  "  document_id     INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  acknowledged_at TEXT NOT NULL"
  ") STRICT;",

  /* 2 → 3: the council and what its wizards record.  Settings are text by
   * key, checked by the code that writes them.  A party group that the
   * record refers to is deactivated, never deleted, so the record keeps
   * its names.  An action keeps its answers as JSON and a copy of every
   * paragraph it cited, so it says what guidance was relied on even after
   * the protocol changes.  The ledger holds each group's current state on
   * each briefing topic; ledger_events keeps every change with its date. */
  "CREATE TABLE council_settings ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE party_groups ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  leader     TEXT NOT NULL DEFAULT '',"
  "  active     INTEGER NOT NULL DEFAULT 1,"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE wards ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  ") STRICT;"
  "CREATE TABLE local_holidays ("
  "  date TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE actions ("
  "  id               INTEGER PRIMARY KEY,"
  "  wizard           TEXT NOT NULL,"
  "  wizard_version   INTEGER NOT NULL,"
  "  date             TEXT NOT NULL,"
  "  created_at       TEXT NOT NULL,"
  "  summary          TEXT NOT NULL,"
  "  answers          TEXT NOT NULL,"
  "  notes            TEXT NOT NULL DEFAULT '[]',"
  "  document         TEXT,"
  "  document_version INTEGER"
  ") STRICT;"
  "CREATE INDEX actions_by_date ON actions (date DESC, id DESC);"
  "CREATE INDEX actions_by_wizard ON actions (wizard, date DESC, id DESC);"
  "CREATE TABLE action_citations ("
  "  action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL,"
  "  step      TEXT NOT NULL,"
  "  topic     TEXT NOT NULL,"
  "  document  TEXT NOT NULL,"
  "  citation  TEXT NOT NULL,"
  "  text      TEXT NOT NULL,"
  "  PRIMARY KEY (action_id, position)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE briefing_topics ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  requested_by INTEGER REFERENCES party_groups (id),"
  "  action_id    INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  date         TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE ledger ("
  "  topic_id  INTEGER NOT NULL REFERENCES briefing_topics (id) ON DELETE CASCADE,"
  "  group_id  INTEGER NOT NULL REFERENCES party_groups (id),"
  "  state     TEXT NOT NULL,"
  "  date      TEXT NOT NULL,"
  "  PRIMARY KEY (topic_id, group_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE ledger_events ("
  "  id          INTEGER PRIMARY KEY,"
  "  topic_id    INTEGER NOT NULL REFERENCES briefing_topics (id) ON DELETE CASCADE,"
  "  group_id    INTEGER NOT NULL REFERENCES party_groups (id),"
  "  state       TEXT NOT NULL,"
  "  date        TEXT NOT NULL,"
  "  action_id   INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  recorded_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX ledger_events_by_cell ON ledger_events (topic_id, group_id, id);"
  "CREATE TABLE duties ("
  "  id            INTEGER PRIMARY KEY,"
  "  action_id     INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  title         TEXT NOT NULL,"
  "  due           TEXT NOT NULL,"
  "  snoozed_until TEXT,"
  "  done_at       TEXT,"
  "  topic_id      INTEGER REFERENCES briefing_topics (id) ON DELETE SET NULL,"
  "  group_id      INTEGER REFERENCES party_groups (id),"
  "  last_notified TEXT"
  ") STRICT;"
  "CREATE INDEX duties_by_action ON duties (action_id, position);"
  "CREATE INDEX duties_pending ON duties (coalesce (snoozed_until, due), id) WHERE done_at IS NULL;"
  "CREATE INDEX duties_by_cell ON duties (topic_id, group_id) WHERE topic_id IS NOT NULL;",

  /* 3 → 4: a wizard in progress is kept, one per wizard, until it is
   * finished or discarded; the record's summaries get a full-text index so
   * that searching years of actions does not read every one.  Actions are
   * never changed once written, only removed. */
  "CREATE TABLE drafts ("
  "  wizard     TEXT PRIMARY KEY NOT NULL,"
  "  answers    TEXT NOT NULL,"
  "  step       TEXT NOT NULL DEFAULT '',"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE VIRTUAL TABLE actions_fts USING fts5 ("
  "  summary, content = 'actions', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO actions_fts (rowid, summary) SELECT id, summary FROM actions;"
  "CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN"
  "  INSERT INTO actions_fts (rowid, summary) VALUES (new.id, new.summary);"
  "END;"
  "CREATE TRIGGER actions_fts_delete AFTER DELETE ON actions BEGIN"
  "  INSERT INTO actions_fts (actions_fts, rowid, summary) VALUES ('delete', old.id, old.summary);"
  "END;"
  "CREATE TRIGGER actions_fts_update AFTER UPDATE OF summary ON actions BEGIN"
  "  INSERT INTO actions_fts (actions_fts, rowid, summary) VALUES ('delete', old.id, old.summary);"
  "  INSERT INTO actions_fts (rowid, summary) VALUES (new.id, new.summary);"
  "END;",

  /* 4 → 5: the reminder scan reads every column it needs from the index of
   * duties not done, so finding the due ones among years of duties never
   * visits the table (1.5 ms instead of 4.6 ms among 100,000 duties). */
  "DROP INDEX duties_pending;"
  "CREATE INDEX duties_pending ON duties ("
  "  coalesce (snoozed_until, due), id, last_notified, action_id, title, snoozed_until, due, done_at"
  ") WHERE done_at IS NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CONCORDAT_STORE_SCHEMA_VERSION);

static void
concordat_store_finalize (GObject *object)
{
  ConcordatStore *self = (ConcordatStore *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (concordat_store_parent_class)->finalize (object);
}

static void
concordat_store_class_init (ConcordatStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_store_finalize;

  /**
   * ConcordatStore::changed:
   * @what: the detail: "record" (actions, duties, the ledger, drafts),
   *   "council" (settings, groups, wards, holidays) or "library" (the
   *   protocols, after a restore)
   *
   * Emitted after a change has been committed, for whatever shows it to
   * read it again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

/**
 * concordat_store_changed:
 * @what: "record", "council" or "library"
 *
 * Says that a change to @what has been committed: see
 * #ConcordatStore::changed.
 */
void
concordat_store_changed (ConcordatStore *self,
                         const char     *what)
{
  g_return_if_fail (CONCORDAT_IS_STORE (self));
  g_return_if_fail (what != NULL);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
}

static void
concordat_store_init (ConcordatStore *self)
{
}

gboolean
concordat_store_is_damage (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

static gboolean
file_size_limited (void)
{
  struct rlimit limit;

  return getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
}

/* A failure the user can mend — a full disk, a file grown to the size
 * limit, a folder that cannot be written, a database another Concordat
 * kept busy for longer than anyone waits — said with what to do; NULL
 * for any other. */
char *
concordat_store_describe_failure (sqlite3 *db,
                                  int      code)
{
  int primary = code & 0xff;
  int sys = db != NULL && (primary == SQLITE_IOERR || primary == SQLITE_FULL ||
                           primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY)
            ? sqlite3_system_errno (db) : 0;

  /* SQLite keeps the errno of a failed write only until the rollback
   * that follows; a write refused under a file size limit is that. */
  if (sys == 0 && code == SQLITE_IOERR_WRITE && file_size_limited ())
    sys = EFBIG;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return g_strdup (CONCORDAT_STORE_BUSY_MESSAGE);
  if (primary == SQLITE_FULL || sys == ENOSPC)
    return g_strdup ("the disk is full; free some space and try again");
  if (sys == EFBIG)
    return g_strdup ("the file would grow past the largest file size allowed (see “ulimit -f”); "
                     "raise the limit, or free some space, and try again");
  if (primary == SQLITE_READONLY || primary == SQLITE_PERM || sys == EACCES || sys == EROFS || sys == EPERM)
    return g_strdup ("the data folder or the database is read-only; make the folder and the files "
                     "in it writable by you, or set CONCORDAT_DATA_DIR to a folder you can write to");
  return NULL;
}

/* What the last failure on @db was, said as concordat_store_describe_failure()
 * says it when it can be mended, else as SQLite says it. */
char *
concordat_store_dup_errmsg (sqlite3 *db)
{
  char *mendable = concordat_store_describe_failure (db, sqlite3_extended_errcode (db));

  return mendable != NULL ? mendable : g_strdup (sqlite3_errmsg (db));
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          code,
                  const char  *path,
                  const char  *doing)
{
  g_autofree char *mendable = concordat_store_describe_failure (db, code);

  g_set_error (error, CONCORDAT_ERROR,
               concordat_store_is_damage (code) ? CONCORDAT_ERROR_CORRUPT : CONCORDAT_ERROR_IO,
               "Cannot %s %s: %s", doing, path,
               mendable != NULL ? mendable : db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code));
}

/* Runs every statement in @sql, one prepared statement at a time. */
gboolean
concordat_store_exec (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail);
      if (rc == SQLITE_OK && stmt != NULL)
        {
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_OK)
        {
          g_autofree char *mendable = concordat_store_describe_failure (db, rc);

          if (mendable != NULL)
            g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "Cannot write to the database %s: %s",
                         sqlite3_db_filename (db, "main"), mendable);
          else
            g_set_error (error, CONCORDAT_ERROR,
                         concordat_store_is_damage (rc) ? CONCORDAT_ERROR_CORRUPT : CONCORDAT_ERROR_IO,
                         "%s", sqlite3_errmsg (db));
          return FALSE;
        }
    }

  return TRUE;
}

int
concordat_store_read_user_version (sqlite3 *db,
                                   int     *code)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  *code = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (*code == SQLITE_OK)
    {
      *code = sqlite3_step (stmt);
      if (*code == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          *code = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return version;
}

/* Runs @pragma (integrity_check or quick_check) and returns its complaints:
 * an empty array means the database is sound.  Damage that stops the check
 * from running at all is reported as a complaint too; any other failure
 * (a locked or unreadable file) is an error. */
GPtrArray *
concordat_store_run_check (sqlite3     *db,
                           const char  *path,
                           const char  *pragma,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (row));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    return g_steal_pointer (&problems);

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      g_ptr_array_add (problems,
                       g_strdup ("the file is not a SQLite database: its header is damaged or it is another kind of file"));
      return g_steal_pointer (&problems);
    }

  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (db)));
      return g_steal_pointer (&problems);
    }

  set_sqlite_error (error, db, rc, path, "check");
  return NULL;
}

static char *
unused_name (const char *base)
{
  char *candidate = g_strdup (base);

  for (guint n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }

  return candidate;
}

/* Moves a damaged database and its -wal/-shm files aside under one new name,
 * so nothing is ever written over them. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  g_autofree char *aside = unused_name (base);
  static const char * const companions[] = { "-wal", "-shm" };

  if (g_rename (path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "The database %s is damaged and could not be moved aside: %s",
                   path, g_strerror (saved));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&aside);
}

static char *
latest_backup_in (const char *backup_dir)
{
  g_autoptr(GPtrArray) backups = concordat_store_list_backups_in (backup_dir);

  return backups->len > 0 ? g_strdup (g_ptr_array_index (backups, 0)) : NULL;
}

static char *
backup_dir_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_build_filename (dir, "backups", NULL);
}

static void
set_damaged_error (GError     **error,
                   const char  *path,
                   const char  *aside,
                   GPtrArray   *problems)
{
  g_autofree char *backup_dir = backup_dir_for (path);
  g_autofree char *latest = latest_backup_in (backup_dir);
  g_autofree char *advice = NULL;

  if (latest != NULL)
    advice = g_strdup_printf ("To recover, run “concordat restore %s” (the latest backup).", latest);
  else
    advice = g_strdup ("There is no backup to restore; Concordat will start with an empty database.");

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT,
               "The database %s failed its check (%s). It was moved aside, unchanged, to %s. %s",
               path, (const char *)g_ptr_array_index (problems, 0), aside, advice);
}

/* Takes the schema one version on from the one it has under the write
 * lock, which is not always the one read before it: another Concordat
 * opening a new database at the same moment may have taken the step. */
static gboolean
migrate_step (sqlite3  *db,
              int      *version,
              GError  **error)
{
  g_autofree char *bump = NULL;
  int code;

  if (!concordat_store_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  *version = concordat_store_read_user_version (db, &code);
  if (code != SQLITE_OK)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  if (*version >= CONCORDAT_STORE_SCHEMA_VERSION)
    return concordat_store_exec (db, "COMMIT;", error);

  bump = g_strdup_printf ("PRAGMA user_version = %d;", *version + 1);
  if (!concordat_store_exec (db, migrations[*version], error) ||
      !concordat_store_exec (db, bump, error) ||
      !concordat_store_exec (db, "COMMIT;", error))
    return FALSE;

  (*version)++;
  return TRUE;
}

gboolean
concordat_store_migrate (sqlite3     *db,
                         int          from,
                         GError     **error)
{
  int version = from;

  while (version < CONCORDAT_STORE_SCHEMA_VERSION)
    {
      g_autoptr(GError) local_error = NULL;

      if (!migrate_step (db, &version, &local_error))
        {
          if (!sqlite3_get_autocommit (db))
            concordat_store_exec (db, "ROLLBACK;", NULL);
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_FAILED,
                       "Cannot upgrade the database from version %d to %d: %s",
                       version, version + 1, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
concordat_store_configure (sqlite3     *db,
                           GError     **error)
{
  sqlite3_busy_timeout (db, CONCORDAT_STORE_BUSY_TIMEOUT_MS);

  return concordat_store_exec (db,
                               "PRAGMA journal_mode = WAL;"
                               "PRAGMA synchronous = FULL;"
                               "PRAGMA foreign_keys = ON;"
                               "PRAGMA temp_store = MEMORY;",
                               error);
}

/* Quick-checks the open database and refuses one that is damaged or newer
 * than this build, before anything is written to it. */
static gboolean
vet (sqlite3    **dbp,
     const char  *path,
     int         *version,
     GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = *dbp;
  int code;

  problems = concordat_store_run_check (db, path, "PRAGMA quick_check", error);
  if (problems == NULL)
    return FALSE;

  if (problems->len > 0)
    {
      g_autofree char *aside = NULL;

      g_clear_pointer (dbp, sqlite3_close);
      aside = move_aside (path, error);
      if (aside != NULL)
        set_damaged_error (error, path, aside, problems);
      return FALSE;
    }

  *version = concordat_store_read_user_version (db, &code);
  if (code != SQLITE_OK)
    {
      set_sqlite_error (error, db, code, path, "read");
      return FALSE;
    }

  if (*version > CONCORDAT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW,
                   "The database %s was written by a newer version of Concordat "
                   "(schema version %d; this version knows up to %d). "
                   "It has not been changed: install the newer Concordat to open it.",
                   path, *version, CONCORDAT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
concordat_store_open_connection (const char  *path,
                                 int          flags,
                                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, NULL, rc, path, "open");
      sqlite3_close (db);
      return NULL;
    }

  /* Before the first read: a reader can meet a lock too, as when another
   * Concordat is creating the database or recovering its journal. */
  sqlite3_busy_timeout (db, CONCORDAT_STORE_BUSY_TIMEOUT_MS);

  return db;
}

/* The database's journal files and its backups are as private as it is,
 * whatever made them wider since it was last opened. */
static void
narrow_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backup_dir = backup_dir_for (path);
  g_autoptr(GPtrArray) backups = NULL;

  concordat_paths_narrow_existing (wal);
  concordat_paths_narrow_existing (shm);

  /* Something else in the backups folder's place is no backup: a backup
   * then says what is wrong. */
  if (!g_file_test (backup_dir, G_FILE_TEST_IS_DIR))
    return;
  concordat_paths_narrow_existing (backup_dir);

  backups = concordat_store_list_backups_in (backup_dir);
  for (guint i = 0; i < backups->len; i++)
    concordat_paths_narrow_existing (g_ptr_array_index (backups, i));
}

/**
 * concordat_store_open:
 * @path: the database file, created if missing
 *
 * Opens the database, creating it (0600, in a 0700 folder) if needed,
 * checking it, and upgrading its schema.  A damaged database is moved aside
 * and reported; one from a newer Concordat is refused and left untouched.
 */
ConcordatStore *
concordat_store_open (const char  *path,
                      GError     **error)
{
  g_autoptr(ConcordatStore) self = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *db;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!concordat_paths_ensure_private (dir, error) ||
      !concordat_paths_create_private_file (path, error))
    return NULL;
  narrow_companions (path);

  db = concordat_store_open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;

  if (!vet (&db, path, &version, error) ||
      !concordat_store_configure (db, error) ||
      !concordat_store_migrate (db, version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  self = g_object_new (CONCORDAT_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);

  return g_steal_pointer (&self);
}

/**
 * concordat_store_open_default:
 *
 * Opens the database in the data folder: $CONCORDAT_DATA_DIR, or
 * $XDG_DATA_HOME/concordat.
 */
ConcordatStore *
concordat_store_open_default (GError **error)
{
  g_autofree char *path = concordat_paths_database_file ();

  return concordat_store_open (path, error);
}

const char *
concordat_store_get_path (ConcordatStore *self)
{
  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);

  return self->path;
}

char *
concordat_store_dup_backup_dir (ConcordatStore *self)
{
  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);

  return backup_dir_for (self->path);
}

int
concordat_store_get_schema_version (ConcordatStore *self)
{
  int code;

  g_return_val_if_fail (CONCORDAT_IS_STORE (self), -1);

  return concordat_store_read_user_version (self->db, &code);
}

sqlite3 *
concordat_store_get_db (ConcordatStore *self)
{
  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);

  return self->db;
}

char *
concordat_store_get_meta (ConcordatStore *self,
                          const char     *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return value;
}

gboolean
concordat_store_set_meta (ConcordatStore  *self,
                          const char      *key,
                          const char      *value,
                          GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CONCORDAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path, "write to");
      return FALSE;
    }

  return TRUE;
}

/* Copies the whole of @from into @to with SQLite's online backup API. */
gboolean
concordat_store_has_meta_table (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'",
                          -1, &stmt, NULL) == SQLITE_OK)
    found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

/* Opens @file read-only and makes sure it is a sound Concordat database this
 * build can read, before anything is copied out of it. */
GPtrArray *
concordat_store_check_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db;
  int version;
  int code;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "There is no database at %s yet: Concordat creates one when it first runs",
                   path);
      return NULL;
    }

  db = concordat_store_open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  problems = concordat_store_run_check (db, path, "PRAGMA integrity_check", error);
  if (problems != NULL && problems->len == 0)
    {
      version = concordat_store_read_user_version (db, &code);
      if (code != SQLITE_OK)
        g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (db)));
      else if (version > CONCORDAT_STORE_SCHEMA_VERSION)
        {
          /* Sound, only newer: restoring an older backup over it would lose
           * what the newer version recorded. */
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW,
                       "The database %s was written by a newer version of Concordat "
                       "(schema version %d; this version knows up to %d). It is not damaged "
                       "and has not been changed: install the newer Concordat to check or open it.",
                       path, version, CONCORDAT_STORE_SCHEMA_VERSION);
          g_clear_pointer (&problems, g_ptr_array_unref);
        }
      else if (version >= 1 && !concordat_store_has_meta_table (db))
        g_ptr_array_add (problems, g_strdup ("the table “meta” is missing"));
    }
  sqlite3_close (db);

  return g_steal_pointer (&problems);
}
