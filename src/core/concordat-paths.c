/* concordat-paths.c: where Concordat keeps its data, and keeping it private.
 *
 * The data directory is $CONCORDAT_DATA_DIR when set (tests always set it),
 * otherwise $XDG_DATA_HOME/concordat.  A council's record is nobody else's
 * business, so the directory is 0700 and every file in it 0600.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "concordat-error.h"
#include "concordat-paths.h"

char *
concordat_paths_data_dir (void)
{
  const char *dir = g_getenv ("CONCORDAT_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_canonicalize_filename (dir, NULL);

  return g_build_filename (g_get_user_data_dir (), "concordat", NULL);
}

char *
concordat_paths_database_file (void)
{
  g_autofree char *dir = concordat_paths_data_dir ();

  return g_build_filename (dir, "concordat.db", NULL);
}

/* Creates @dir (and its parents) if needed and narrows it to 0700. */
gboolean
concordat_paths_ensure_private (const char  *dir,
                                GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot create the data folder %s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }

  if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "%s is not a folder: move it away or set CONCORDAT_DATA_DIR", dir);
      return FALSE;
    }

  /* A folder every user shares, such as /tmp, is not narrowed: it is not
   * Concordat's to change. */
  if ((st.st_mode & S_ISVTX) != 0 && (st.st_mode & 0002) != 0)
    {
      g_warning ("The data folder %s is shared by every user; keep Concordat's database "
                 "in a folder of its own", dir);
      return TRUE;
    }

  if ((st.st_mode & 0077) != 0)
    {
      g_warning ("The data folder %s could be read by other users; narrowing it to 0700", dir);
      if (g_chmod (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                       "Cannot make the data folder %s private: %s", dir,
                       g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

/* SQLite creates files 0644 (less the umask) and gives the -wal and -shm
 * files the mode of the database, so creating the database 0600 ourselves
 * keeps all three private.  An existing file that is wider is narrowed. */
gboolean
concordat_paths_create_private_file (const char  *path,
                                     GError     **error)
{
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == EACCES || saved == EROFS || saved == EPERM)
        {
          g_autofree char *dir = g_path_get_dirname (path);

          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                       "Cannot %s %s: %s. Nothing was changed; make the folder %s and the files "
                       "in it writable by you, or set CONCORDAT_DATA_DIR to a folder you can write to.",
                       g_file_test (path, G_FILE_TEST_EXISTS) ? "write to" : "create", path,
                       g_strerror (saved), dir);
        }
      else
        g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                     "Cannot create %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_warning ("%s could be read by other users; narrowing it to 0600", path);
      if (g_chmod (path, 0600) != 0)
        {
          int saved = errno;
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                       "Cannot make %s private: %s", path, g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

/* A file or folder left wider by something else — a copy, an old version,
 * a restore by hand — is narrowed where it is found: 0700 for a folder,
 * 0600 for a file.  A missing one is nothing to do; one that cannot be
 * narrowed (not ours) is warned about and left. */
void
concordat_paths_narrow_existing (const char *path)
{
  GStatBuf st;
  mode_t mode;

  g_return_if_fail (path != NULL);

  if (g_lstat (path, &st) != 0 || S_ISLNK (st.st_mode))
    return;

  mode = S_ISDIR (st.st_mode) ? 0700 : 0600;
  if ((st.st_mode & 0077) == 0)
    return;

  g_warning ("%s could be read by other users; narrowing it to %04o", path, (unsigned) mode);
  if (g_chmod (path, mode) != 0)
    g_warning ("Cannot make %s private: %s", path, g_strerror (errno));
}
