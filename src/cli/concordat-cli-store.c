/* concordat-cli-store.c: the commands that look after the database: check, backup, restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "concordat-cli-private.h"
#include "concordat-error.h"
#include "concordat-paths.h"
#include "concordat-store.h"

int
concordat_cli_check (int    argc,
           char **argv)
{
  g_autofree char *path = concordat_paths_database_file ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("check", NULL, &argc, &argv, 0))
    return 1;

  problems = concordat_store_check_file (path, &error);
  if (problems == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, problems->len == 0);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
    }
  else if (problems->len == 0)
    g_print ("ok\n");
  else
    for (guint i = 0; i < problems->len; i++)
      g_print ("%s\n", (const char *)g_ptr_array_index (problems, i));

  if (problems->len > 0)
    return concordat_cli_fail ("the database %s failed its check. "
                 "Restore a backup with “concordat restore FILE”.", path);

  return 0;
}

static void
print_path_result (const char *key,
                   const char *path,
                   const char *text)
{
  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, path);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
    }
  else
    g_print ("%s\n", text);
}

int
concordat_cli_backup (int    argc,
            char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  if (!concordat_cli_parse ("backup", NULL, &argc, &argv, 0))
    return 1;

  store = concordat_store_open_default (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  backup = concordat_store_backup (store, now, &error);
  if (backup == NULL)
    return concordat_cli_fail ("%s", error->message);

  print_path_result ("backup", backup, backup);
  return 0;
}

/* A damaged database has been moved aside by the time we know; restoring
 * into the fresh one that takes its place is exactly what the user wants. */
static ConcordatStore *
open_for_restore (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  ConcordatStore *store;

  store = concordat_store_open_default (&local_error);
  if (store != NULL)
    return store;

  if (!g_error_matches (local_error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_printerr ("concordat: warning: %s\n", local_error->message);
  return concordat_store_open_default (error);
}

int
concordat_cli_restore (int    argc,
             char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;

  if (!concordat_cli_parse ("restore FILE", NULL, &argc, &argv, 1))
    return 1;

  file = g_canonicalize_filename (argv[2], NULL);
  store = open_for_restore (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (!concordat_store_restore (store, file, &kept, &error))
    return concordat_cli_fail ("%s", error->message);

  text = g_strdup_printf ("Restored %s. The database as it was before is kept in %s.", file, kept);
  print_path_result ("previous", kept, text);
  return 0;
}
