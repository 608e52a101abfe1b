/* concordat-autostart.c: the XDG autostart entry that starts Concordat
 * without a window at login ("concordat --background"), so that reminders
 * come while its window is closed.  The entry is written whole, atomically,
 * and removed when reminders are no longer wanted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "concordat-autostart.h"
#include "concordat-error.h"

/**
 * concordat_autostart_dup_path:
 *
 * Returns: where the entry goes: the user's autostart folder, named after
 *   the application
 */
char *
concordat_autostart_dup_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

/* An Exec argument as the Desktop Entry Specification quotes it, then
 * escaped as a desktop-file string (each backslash doubled). */
static char *
quote_exec_argument (const char *argument)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  gboolean plain = TRUE;

  for (const char *p = argument; *p != '\0'; p++)
    if (strchr (" \t\n\"'\\><~|&;$*?#()`=%", *p) != NULL)
      plain = FALSE;
  if (plain)
    return g_strdup (argument);

  g_string_append_c (quoted, '"');
  for (const char *p = argument; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (quoted, "\\\\\\\\");
      else if (*p == '"' || *p == '`' || *p == '$')
        g_string_append_printf (quoted, "\\\\%c", *p);
      else if (*p == '%')
        g_string_append (quoted, "%%");
      else
        g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/**
 * concordat_autostart_dup_entry:
 * @executable: the absolute path of the concordat program
 *
 * Returns: the desktop entry that runs "@executable --background"
 */
char *
concordat_autostart_dup_entry (const char *executable)
{
  g_autofree char *exec = quote_exec_argument (executable);

  return g_strdup_printf ("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Concordat reminders\n"
                          "Comment=Reminders of the duties your council’s member/officer protocol gives you\n"
                          "Exec=%s --background\n"
                          "Icon=" APPLICATION_ID "\n"
                          "Terminal=false\n"
                          "NoDisplay=true\n"
                          "X-GNOME-Autostart-enabled=true\n",
                          exec);
}

/**
 * concordat_autostart_set:
 * @enabled: whether Concordat is to start at login
 * @executable: the absolute path of the concordat program
 *
 * Writes the entry, or removes it.  Removing one that is not there is not
 * an error.
 */
gboolean
concordat_autostart_set (gboolean     enabled,
                         const char  *executable,
                         GError     **error)
{
  g_autofree char *path = concordat_autostart_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *entry = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (executable != NULL && g_path_is_absolute (executable), FALSE);

  if (!enabled)
    {
      if (g_unlink (path) == 0 || errno == ENOENT)
        return TRUE;
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_FAILED,
                   "Cannot remove %s, so Concordat will still start at login: %s. "
                   "Remove the file by hand.", path, g_strerror (errno));
      return FALSE;
    }

  entry = concordat_autostart_dup_entry (executable);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_FAILED,
                   "Cannot make the folder %s, so Concordat cannot start at login: %s",
                   dir, g_strerror (errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, entry, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_FAILED,
                   "Cannot write %s, so Concordat cannot start at login: %s",
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
