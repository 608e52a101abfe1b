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
#include <string.h>

#include "concordat-cli.h"
#include "concordat-cli-private.h"
#include "concordat-clock.h"
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

static const Command commands[] = {
  { "check", "", N_("Check the database for damage; prints “ok” when it is sound"), concordat_cli_check },
  { "backup", "", N_("Back up the database now and print the backup’s path"), concordat_cli_backup },
  { "restore", "FILE", N_("Replace the database with a backup; the current one is backed up first"), concordat_cli_restore },
  { "import", "FILE [--title T]", N_("Import a protocol from a plain text or Markdown file"), concordat_cli_import },
  { "protocols", "", N_("List the protocols in the library and their ids"), concordat_cli_protocols },
  { "outline", "DOC", N_("Show a protocol’s sections"), concordat_cli_outline },
  { "show", "DOC CITATION", N_("Show one paragraph, e.g. “concordat show model 4.2”"), concordat_cli_show },
  { "topic", "DOC TOPIC", N_("List the paragraphs about a topic, e.g. party-groups"), concordat_cli_topic },
  { "search", "QUERY [--doc DOC]", N_("Search the protocols; a quoted phrase searches the phrase"), concordat_cli_search },
  { "council", "[set KEY VALUE]", N_("Show the council’s settings, or change one"), concordat_cli_council },
  { "groups", "[--all] [add NAME [--leader L] | rename NAME NEW | leader NAME L | remove NAME]", N_("List, add, rename or remove the party groups, or set a leader"), concordat_cli_groups },
  { "wards", "[add NAME | remove NAME]", N_("List, add or remove the wards"), concordat_cli_wards },
  { "holidays", "[add DATE NAME | remove DATE]", N_("List, add or remove the council’s own closure days"), concordat_cli_holidays },
  { "wizard", "list | show ID | run ID --answers FILE [--dry-run]", N_("List, show or run the guidance wizards"), concordat_cli_wizard },
  { "record", "[--wizard ID] | show ID", N_("List the actions recorded, or show one"), concordat_cli_record },
  { "duties", "[--status pending|overdue|done|all]", N_("List the duties the actions created"), concordat_cli_duties },
  { "duty", "done ID | snooze ID --until DATE", N_("Mark a duty done, or put it off to a date"), concordat_cli_duty },
  { "ledger", "[set TOPIC GROUP STATE]", N_("Show the briefing ledger, or record what happened"), concordat_cli_ledger },
  { "remind", "[--dry-run] [--time HH:MM]", N_("Notify the duties due now, once a day each; for cron or a systemd timer"), concordat_cli_remind },
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
                       "  concordat --background     Run without a window, reminding of duties as they fall due\n"
                       "  concordat COMMAND [--json] Run a command without opening a window"));
  g_print ("%s\n\n", _("Concordat guides councillors and officers through their council’s member/officer protocol."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strjoin (" ", commands[i].name, commands[i].args, NULL);

      /* A long synopsis gets a line of its own, the summary under it. */
      g_strstrip (left);
      if (strlen (left) > 24)
        g_print ("  %s\n  %-24s %s\n", left, "", _(commands[i].summary));
      else
        g_print ("  %-24s %s\n", left, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  %-24s %s\n", "-h, --help", _("Show this help"));
  g_print ("  %-24s %s\n", "--version", _("Show the version"));
  g_print ("  %-24s %s\n", "--json", _("Print a command’s result as JSON"));
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
 *   a command word, --help or --version.  A "concordat:" link is for the
 *   window, which opens the paragraph it names.
 */
gboolean
concordat_cli_handles (int    argc,
                       char **argv)
{
  const char *first;

  if (argc < 2)
    return FALSE;

  first = argv[1];
  if (g_ascii_strncasecmp (first, "concordat:", strlen ("concordat:")) == 0)
    return FALSE;

  return first[0] != '-' ||
         g_str_equal (first, "--help") || g_str_equal (first, "-h") ||
         g_str_equal (first, "--version");
}

int
concordat_cli_run (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
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
    return concordat_cli_fail ("unknown command “%s”. Run “concordat --help” to see the commands.", argv[1]);

  /* A mistyped CONCORDAT_TODAY would date everything wrongly: refuse it. */
  if (!concordat_clock_check_override (&error))
    return concordat_cli_fail ("%s", error->message);

  return command->run (argc, argv);
}
