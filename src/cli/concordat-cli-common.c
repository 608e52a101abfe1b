/* concordat-cli-common.c: what every command shares: options, JSON, one-line errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "concordat-cli-private.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-paths.h"
#include "concordat-store.h"

gboolean concordat_cli_json = FALSE;

int
concordat_cli_fail (const char *format,
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

void
concordat_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Parses a command's options; every command takes --json, and some take
 * @extra options of their own. */
gboolean
concordat_cli_parse (const char          *usage,
                     const GOptionEntry  *extra,
                     int                 *argc,
                     char              ***argv,
                     int                  n_args)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &concordat_cli_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      concordat_cli_fail ("%s. Run “concordat --help” to see the commands.", error->message);
      return FALSE;
    }

  if (*argc - 2 != n_args)
    {
      const char *args = strchr (usage, ' ');

      concordat_cli_fail ("“%s” takes %s. Run “concordat --help” to see the commands.",
                          (*argv)[1], n_args == 0 || args == NULL ? "no arguments" : args + 1);
      return FALSE;
    }

  return TRUE;
}

/* Opens the database with the model protocol in it, as every command that
 * reads the library expects. */
ConcordatStore *
concordat_cli_open_library (GError **error)
{
  g_autoptr(ConcordatStore) store = concordat_store_open_default (error);

  if (store == NULL || !concordat_library_ensure_model (store, error))
    return NULL;

  return g_steal_pointer (&store);
}
