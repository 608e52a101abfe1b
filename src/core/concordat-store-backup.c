/* concordat-store-backup.c: backups of the database, their rotation, and
 * restoring one.
 *
 * A backup is taken with SQLite's online backup API, so it is consistent
 * even while Concordat writes, and each is one self-contained file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "concordat-error.h"
#include "concordat-paths.h"
#include "concordat-store-private.h"

#define BACKUP_PREFIX "concordat-"
#define BACKUP_SUFFIX ".db"

static gboolean
copy_database (sqlite3     *to,
               sqlite3     *from,
               const char  *what,
               GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (to, "main", from, "main");
  if (backup == NULL)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot %s: %s", what, sqlite3_errmsg (to));
      return FALSE;
    }

  /* A lock another Concordat holds is waited for, as every write waits
   * for one, and not for ever. */
  for (gint64 deadline = g_get_monotonic_time () + CONCORDAT_STORE_BUSY_TIMEOUT_MS * G_GINT64_CONSTANT (1000);;)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) || g_get_monotonic_time () > deadline)
        break;
      sqlite3_sleep (20);
    }

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *mendable = concordat_store_describe_failure (to, rc);

      g_set_error (error, CONCORDAT_ERROR,
                   concordat_store_is_damage (rc) ? CONCORDAT_ERROR_CORRUPT : CONCORDAT_ERROR_IO,
                   "Cannot %s: %s", what, mendable != NULL ? mendable : sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Backup names carry their time, so they sort by age once their ".db" is
 * set aside: a second backup within a second ("…-090000-2") and one taken
 * before a restore ("…-090000-before-restore") sort after the first. */
static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const char *x = *(const char * const *)a;
  const char *y = *(const char * const *)b;
  gsize x_len = strlen (x) - strlen (BACKUP_SUFFIX);
  gsize y_len = strlen (y) - strlen (BACKUP_SUFFIX);
  int cmp = strncmp (y, x, MIN (x_len, y_len));

  if (cmp != 0)
    return cmp;

  return x_len < y_len ? 1 : x_len > y_len ? -1 : 0;
}

GPtrArray *
concordat_store_list_backups_in (const char *backup_dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX))
        g_ptr_array_add (names, g_build_filename (backup_dir, name, NULL));
    }

  g_ptr_array_sort (names, newest_first);

  return g_steal_pointer (&names);
}

/**
 * concordat_store_list_backups:
 *
 * Returns: (transfer full): the backup files, newest first.
 */
GPtrArray *
concordat_store_list_backups (ConcordatStore *self)
{
  g_autofree char *backup_dir = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);

  backup_dir = concordat_store_dup_backup_dir (self);
  return concordat_store_list_backups_in (backup_dir);
}

/* Keeps @written and the newest others, CONCORDAT_STORE_BACKUPS_KEPT in
 * all: a backup named before the kept ones (the clock was set back) is
 * still the one just taken, and is never the one removed. */
static void
rotate_backups (ConcordatStore *self,
                const char     *written)
{
  g_autoptr(GPtrArray) backups = concordat_store_list_backups (self);
  guint kept = 1;

  for (guint i = 0; i < backups->len; i++)
    {
      const char *old = g_ptr_array_index (backups, i);

      if (g_str_equal (old, written) || kept++ < CONCORDAT_STORE_BACKUPS_KEPT)
        continue;
      if (g_unlink (old) != 0)
        g_warning ("Cannot remove the old backup %s: %s", old, g_strerror (errno));
    }
}

/* A backup's temporary file left by a writer that was stopped mid-way (a
 * crash, a power cut) is removed once it is old enough that no writer can
 * still be at work on it. */
#define PARTIAL_SUFFIX ".part"
#define PARTIAL_STALE_SECONDS (60 * 60)

static void
remove_stale_partials (const char *backup_dir)
{
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, PARTIAL_SUFFIX))
        continue;

      path = g_build_filename (backup_dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > PARTIAL_STALE_SECONDS)
        g_unlink (path);
    }
}

/* Puts the finished @partial in place under the first free name from
 * @base, never over an existing file, even one another Concordat wrote a
 * moment ago: link(2) fails rather than replace. */
static char *
place_backup (const char  *partial,
              const char  *base,
              GError     **error)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *target = n == 1 ? g_strconcat (base, BACKUP_SUFFIX, NULL)
                                       : g_strdup_printf ("%s-%u" BACKUP_SUFFIX, base, n);

      if (link (partial, target) == 0)
        {
          g_unlink (partial);
          return g_steal_pointer (&target);
        }

      if (errno != EEXIST)
        {
          int saved = errno;
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                       "Cannot write the backup %s: %s", target, g_strerror (saved));
          return NULL;
        }
    }

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
               "Cannot write the backup %s: a thousand backups already have its name; "
               "move some out of the backups folder", base);
  return NULL;
}

/* The backup is written under a temporary name of its own and then given
 * its name, so a file named like a backup is always a whole one, and no
 * backup or other file is ever written over. */
static char *
write_backup (ConcordatStore  *self,
              GDateTime       *now,
              const char      *label,
              GError         **error)
{
  g_autofree char *backup_dir = concordat_store_dup_backup_dir (self);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *base = NULL;
  g_autofree char *target = NULL;
  g_autofree char *partial = NULL;
  sqlite3 *dest;
  gboolean ok;

  if (!concordat_paths_ensure_private (backup_dir, error))
    return NULL;

  remove_stale_partials (backup_dir);

  base = g_strdup_printf ("%s/" BACKUP_PREFIX "%s%s", backup_dir, stamp, label);
  partial = g_strdup_printf ("%s.%d-%08x" PARTIAL_SUFFIX, base, (int) getpid (), g_random_int ());
  if (!concordat_paths_create_private_file (partial, error))
    return NULL;

  dest = concordat_store_open_connection (partial, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    {
      g_unlink (partial);
      return NULL;
    }

  /* A backup is one self-contained file, not a WAL database. */
  ok = copy_database (dest, concordat_store_get_db (self), "write the backup", error) &&
       concordat_store_exec (dest, "PRAGMA journal_mode = DELETE;", error);
  sqlite3_close (dest);

  if (!ok || (target = place_backup (partial, base, error)) == NULL)
    {
      g_unlink (partial);
      return NULL;
    }

  rotate_backups (self, target);

  return g_steal_pointer (&target);
}

/**
 * concordat_store_backup:
 * @now: the time the backup is named after
 *
 * Writes a backup into backups/ beside the database and keeps only the
 * newest %CONCORDAT_STORE_BACKUPS_KEPT.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
concordat_store_backup (ConcordatStore  *self,
                        GDateTime       *now,
                        GError         **error)
{
  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return write_backup (self, now, "", error);
}

/**
 * concordat_store_backup_if_due:
 * @now: today, for deciding whether a backup was already taken
 *
 * Takes the daily backup unless one was already taken on @now's date.
 *
 * Returns: (transfer full) (nullable): the new backup's path; %NULL with
 *   @error unset when none was due
 */
char *
concordat_store_backup_if_due (ConcordatStore  *self,
                               GDateTime       *now,
                               GError         **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  backups = concordat_store_list_backups (self);
  today = g_date_time_format (now, BACKUP_PREFIX "%Y-%m-%d-");

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (g_str_has_prefix (name, today))
        return NULL;
    }

  return write_backup (self, now, "", error);
}

static sqlite3 *
open_restore_source (const char  *file,
                     GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *src;
  int version;
  int code;

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "Cannot restore %s: there is no such file", file);
      return NULL;
    }

  src = concordat_store_open_connection (file, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return NULL;

  problems = concordat_store_run_check (src, file, "PRAGMA quick_check", error);
  if (problems == NULL)
    goto fail;

  if (problems->len > 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT,
                   "Cannot restore %s: it failed its check (%s). Choose another backup.",
                   file, (const char *)g_ptr_array_index (problems, 0));
      goto fail;
    }

  version = concordat_store_read_user_version (src, &code);
  if (code != SQLITE_OK || version < 1 || !concordat_store_has_meta_table (src))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_A_DATABASE,
                   "Cannot restore %s: it is not a Concordat database. "
                   "Backups are in the backups folder beside the database.", file);
      goto fail;
    }

  if (version > CONCORDAT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW,
                   "Cannot restore %s: it was written by a newer version of Concordat "
                   "(schema version %d; this version knows up to %d).",
                   file, version, CONCORDAT_STORE_SCHEMA_VERSION);
      goto fail;
    }

  return src;

fail:
  sqlite3_close (src);
  return NULL;
}

/**
 * concordat_store_restore:
 * @file: a backup to restore
 * @safety_backup: (out) (optional): where the database as it was is kept
 *
 * Replaces the database's contents with @file's, after checking @file and
 * backing up the current contents.  On failure nothing is changed; on
 * success #ConcordatStore::changed is emitted for the library, the council
 * and the record.
 */
gboolean
concordat_store_restore (ConcordatStore  *self,
                         const char      *file,
                         char           **safety_backup,
                         GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *kept = NULL;
  sqlite3 *src;
  int version;
  int code;
  gboolean ok;

  g_return_val_if_fail (CONCORDAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  src = open_restore_source (file, error);
  if (src == NULL)
    return FALSE;

  kept = write_backup (self, now, "-before-restore", error);
  if (kept == NULL)
    {
      sqlite3_close (src);
      return FALSE;
    }

  ok = copy_database (concordat_store_get_db (self), src, "restore the backup", error);
  sqlite3_close (src);

  if (!ok)
    return FALSE;

  version = concordat_store_read_user_version (concordat_store_get_db (self), &code);
  if (code != SQLITE_OK || !concordat_store_configure (concordat_store_get_db (self), error) || !concordat_store_migrate (concordat_store_get_db (self), version, error))
    return FALSE;

  if (safety_backup != NULL)
    *safety_backup = g_steal_pointer (&kept);

  concordat_store_changed (self, "library");
  concordat_store_changed (self, "council");
  concordat_store_changed (self, "record");
  return TRUE;
}

/**
 * concordat_store_check_file:
 * @path: a database file
 *
 * Runs SQLite's full integrity check and Concordat's own on @path without
 * moving, upgrading or repairing it.
 *
 * Returns: (transfer full): what is wrong, empty when the database is sound;
 *   %NULL with @error set when it cannot be checked at all, or
 *   (%CONCORDAT_ERROR_TOO_NEW) when it is sound but from a newer Concordat
 */
