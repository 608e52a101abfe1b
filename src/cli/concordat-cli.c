/* concordat-cli.c: the headless subcommands of the concordat binary.
 *
 * Each command is thin: it parses its arguments, calls the core and prints
 * the result, as text or (with --json) as JSON for scripts.  Errors are one
 * line on stderr, "concordat: …", with exit status 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "concordat-cli.h"
#include "concordat-error.h"
#include "concordat-paths.h"
#include "concordat-store.h"

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static gboolean json_output;

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("concordat: %s\n", message);
  return 1;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Parses a command's options; every command takes --json. */
static gboolean
parse_options (const char   *usage,
               int          *argc,
               char       ***argv,
               int           n_args)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fail ("%s. Run “concordat --help” to see the commands.", error->message);
      return FALSE;
    }

  if (*argc - 2 != n_args)
    {
      fail ("“%s” takes %s. Run “concordat --help” to see the commands.",
            (*argv)[1], n_args == 0 ? "no arguments" : usage);
      return FALSE;
    }

  return TRUE;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autofree char *path = concordat_paths_database_file ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("check", &argc, &argv, 0))
    return 1;

  problems = concordat_store_check_file (path, &error);
  if (problems == NULL)
    return fail ("%s", error->message);

  if (json_output)
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
      print_json (builder);
    }
  else if (problems->len == 0)
    g_print ("ok\n");
  else
    for (guint i = 0; i < problems->len; i++)
      g_print ("%s\n", (const char *)g_ptr_array_index (problems, i));

  if (problems->len > 0)
    return fail ("the database %s failed its check. "
                 "Restore a backup with “concordat restore FILE”.", path);

  return 0;
}

static void
print_path_result (const char *key,
                   const char *path,
                   const char *text)
{
  if (json_output)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, path);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    g_print ("%s\n", text);
}

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  if (!parse_options ("backup", &argc, &argv, 0))
    return 1;

  store = concordat_store_open_default (&error);
  if (store == NULL)
    return fail ("%s", error->message);

  backup = concordat_store_backup (store, now, &error);
  if (backup == NULL)
    return fail ("%s", error->message);

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

static int
cmd_restore (int    argc,
             char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;

  if (!parse_options ("restore FILE", &argc, &argv, 1))
    return 1;

  file = g_canonicalize_filename (argv[2], NULL);
  store = open_for_restore (&error);
  if (store == NULL)
    return fail ("%s", error->message);

  if (!concordat_store_restore (store, file, &kept, &error))
    return fail ("%s", error->message);

  text = g_strdup_printf ("Restored %s. The database as it was before is kept in %s.", file, kept);
  print_path_result ("previous", kept, text);
  return 0;
}

static const Command commands[] = {
  { "check", "", N_("Check the database for damage; prints “ok” when it is sound"), cmd_check },
  { "backup", "", N_("Back up the database now and print the backup’s path"), cmd_backup },
  { "restore", "FILE", N_("Replace the database with a backup; the current one is backed up first"), cmd_restore },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static void
print_help (void)
{
  g_autofree char *db = concordat_paths_database_file ();

  g_print ("%s\n\n", _("Usage:\n"
                       "  concordat                  Open the Concordat window\n"
                       "  concordat COMMAND [--json] Run a command without opening a window"));
  g_print ("%s\n\n", _("Concordat guides councillors and officers through their council’s member/officer protocol."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strjoin (" ", commands[i].name, commands[i].args, NULL);
      g_print ("  %-16s %s\n", g_strstrip (left), _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  %-16s %s\n", "-h, --help", _("Show this help"));
  g_print ("  %-16s %s\n", "--version", _("Show the version"));
  g_print ("  %-16s %s\n", "--json", _("Print a command’s result as JSON"));
  g_print ("\n");
  g_print (_("Data: %s (set CONCORDAT_DATA_DIR to use another folder)\n"), db);
}

static GLogWriterOutput
log_to_stderr (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *message = NULL;

  if (level & G_LOG_LEVEL_DEBUG || level & G_LOG_LEVEL_INFO)
    return g_log_writer_default (level, fields, n_fields, user_data);

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  g_printerr ("concordat: %s: %s\n",
              level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL) ? "error" : "warning",
              message != NULL ? message : "");
  return G_LOG_WRITER_HANDLED;
}

/**
 * concordat_cli_handles:
 *
 * Returns: whether @argv asks for the command line rather than the window:
 *   a command word, --help or --version.
 */
gboolean
concordat_cli_handles (int    argc,
                       char **argv)
{
  const char *first;

  if (argc < 2)
    return FALSE;

  first = argv[1];
  return first[0] != '-' ||
         g_str_equal (first, "--help") || g_str_equal (first, "-h") ||
         g_str_equal (first, "--version");
}

int
concordat_cli_run (int    argc,
                   char **argv)
{
  const Command *command;

  g_return_val_if_fail (argc >= 2, 1);

  g_log_set_writer_func (log_to_stderr, NULL, NULL);

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("concordat %s\n", PACKAGE_VERSION);
      return 0;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return fail ("unknown command “%s”. Run “concordat --help” to see the commands.", argv[1]);

  return command->run (argc, argv);
}
