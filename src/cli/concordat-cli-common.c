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
#include "concordat-wizard.h"

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

void
concordat_cli_add_string (JsonBuilder *builder,
                          const char  *member,
                          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
concordat_cli_add_int (JsonBuilder *builder,
                       const char  *member,
                       gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
concordat_cli_add_boolean (JsonBuilder *builder,
                           const char  *member,
                           gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
concordat_cli_add_strings (JsonBuilder *builder,
                           const char  *member,
                           GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

/* The word after the command that says what to do, as in “duty done”:
 * the first argument that is neither an option nor the value of one of
 * @value_options, or NULL. */
const char *
concordat_cli_verb (int                 argc,
                    char              **argv,
                    const char * const *value_options)
{
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return i + 1 < argc ? argv[i + 1] : NULL;
      if (argv[i][0] != '-')
        return argv[i];
      if (value_options != NULL && g_strv_contains (value_options, argv[i]))
        i++;
    }
  return NULL;
}

int
concordat_cli_fail_error (const GError *error)
{
  return concordat_cli_fail ("%s", error->message);
}

/* Opens the library as concordat_cli_open_library() does, saying why not
 * when it cannot. */
ConcordatStore *
concordat_cli_open_store (void)
{
  g_autoptr(GError) error = NULL;
  ConcordatStore *store = concordat_cli_open_library (&error);

  if (store == NULL)
    concordat_cli_fail_error (error);
  return store;
}

/* Ids as text, so that the messages around them can be translated. */
const char *
concordat_cli_format_id (gint64              id,
                         ConcordatCliIdText  text)
{
  g_snprintf (text, sizeof (ConcordatCliIdText), "%" G_GINT64_FORMAT, id);
  return text;
}

void
concordat_cli_add_citations (JsonBuilder *builder,
                             GPtrArray   *citations)
{
  json_builder_set_member_name (builder, "citations");
  json_builder_begin_array (builder);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (citations, i);

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "step", citation->step);
      concordat_cli_add_string (builder, "topic", citation->topic);
      concordat_cli_add_string (builder, "document", citation->document);
      concordat_cli_add_string (builder, "citation", citation->citation);
      concordat_cli_add_string (builder, "text", citation->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

