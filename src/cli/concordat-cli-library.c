/* concordat-cli-library.c: the commands that read the protocol library:
 * import, protocols, outline, show, topic, search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "concordat-cli-private.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-search.h"
#include "concordat-topics.h"

int
concordat_cli_import (int    argc,
                      char **argv)
{
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The title to give the protocol"), N_("TITLE") },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("import FILE", entries, &argc, &argv, 1))
    return 1;

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  doc = concordat_library_import_file (store, argv[2], title, &error);
  if (doc == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "id", doc->slug);
      concordat_cli_add_string (builder, "title", doc->title);
      concordat_cli_add_int (builder, "version", doc->version);
      concordat_cli_add_int (builder, "sections", doc->sections);
      concordat_cli_add_int (builder, "paragraphs", doc->paragraphs);
      concordat_cli_add_strings (builder, "warnings", doc->warnings);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print (_("Imported “%s” as %s: %u sections, %u paragraphs.\n"),
           doc->title, doc->slug, doc->sections, doc->paragraphs);
  if (doc->version > 1)
    g_print (_("This is version %d; the earlier versions are kept.\n"), doc->version);
  for (guint i = 0; i < doc->warnings->len; i++)
    g_printerr ("concordat: warning: %s\n", (const char *)g_ptr_array_index (doc->warnings, i));

  return 0;
}

int
concordat_cli_protocols (int    argc,
                         char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("protocols", NULL, &argc, &argv, 0))
    return 1;

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  docs = concordat_library_list (store, &error);
  if (docs == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < docs->len; i++)
        {
          const ConcordatDocument *doc = g_ptr_array_index (docs, i);

          json_builder_begin_object (builder);
          concordat_cli_add_string (builder, "id", doc->slug);
          concordat_cli_add_string (builder, "title", doc->title);
          concordat_cli_add_int (builder, "version", doc->version);
          concordat_cli_add_string (builder, "source", doc->source_name);
          concordat_cli_add_string (builder, "sha256", doc->sha256);
          concordat_cli_add_string (builder, "imported", doc->imported_at);
          concordat_cli_add_int (builder, "sections", doc->sections);
          concordat_cli_add_int (builder, "paragraphs", doc->paragraphs);
          json_builder_set_member_name (builder, "bundled");
          json_builder_add_boolean_value (builder, doc->bundled);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; i < docs->len; i++)
    {
      const ConcordatDocument *doc = g_ptr_array_index (docs, i);

      g_print ("%-28s %s (version %d, %u paragraphs)\n",
               doc->slug, doc->title, doc->version, doc->paragraphs);
    }

  return 0;
}

/* Sections come in document order with their parent's id; JSON nests them. */
static void
build_outline (JsonBuilder *builder,
               GPtrArray   *sections,
               guint       *i,
               gint64       parent)
{
  json_builder_begin_array (builder);
  while (*i < sections->len)
    {
      const ConcordatSection *section = g_ptr_array_index (sections, *i);

      if (section->parent_id != parent)
        break;

      (*i)++;
      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "citation", section->citation);
      concordat_cli_add_string (builder, "heading", section->heading);
      concordat_cli_add_int (builder, "level", section->level);
      concordat_cli_add_strings (builder, "paragraphs", section->paragraphs);
      json_builder_set_member_name (builder, "children");
      build_outline (builder, sections, i, section->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
concordat_cli_outline (int    argc,
                       char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("outline DOC", NULL, &argc, &argv, 1))
    return 1;

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  sections = concordat_library_outline (store, argv[2], &error);
  if (sections == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      guint i = 0;

      build_outline (builder, sections, &i, 0);
      concordat_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; i < sections->len; i++)
    {
      const ConcordatSection *section = g_ptr_array_index (sections, i);
      g_autofree char *indent = g_strnfill ((section->level - 1) * 2, ' ');

      g_print ("%s%s%s%s (%u)\n", indent, section->citation,
               *section->citation != '\0' ? " " : "", section->heading,
               section->paragraphs->len);
    }

  return 0;
}

int
concordat_cli_show (int    argc,
                    char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatParagraph) paragraph = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("show DOC CITATION", NULL, &argc, &argv, 2))
    return 1;

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  paragraph = concordat_library_show (store, argv[2], argv[3], &error);
  if (paragraph == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "doc", paragraph->doc);
      concordat_cli_add_string (builder, "citation", paragraph->citation);
      concordat_cli_add_string (builder, "section", paragraph->section);
      concordat_cli_add_string (builder, "text", paragraph->text);
      concordat_cli_add_strings (builder, "topics", paragraph->topics);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print ("%s — %s\n\n%s\n", paragraph->citation, paragraph->section, paragraph->text);
  if (paragraph->topics->len > 0)
    {
      g_ptr_array_add (paragraph->topics, NULL);
      g_autofree char *topics = g_strjoinv (", ", (char **)paragraph->topics->pdata);
      g_print ("\n%s %s\n", _("Topics:"), topics);
    }

  return 0;
}

int
concordat_cli_topic (int    argc,
                     char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatTopics) topics = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *ids;

  if (!concordat_cli_parse ("topic DOC TOPIC", NULL, &argc, &argv, 2))
    return 1;

  topics = concordat_topics_load_default (&error);
  if (topics == NULL)
    return concordat_cli_fail ("%s", error->message);

  ids = concordat_topics_list_ids (topics);
  if (!g_strv_contains (ids, argv[3]))
    {
      g_autofree char *known = g_strjoinv (", ", (char **)ids);
      return concordat_cli_fail ("there is no topic “%s”. The topics are: %s.", argv[3], known);
    }

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  citations = concordat_library_topic (store, argv[2], argv[3], &error);
  if (citations == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < citations->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (citations, i));
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; i < citations->len; i++)
    g_print ("%s\n", (const char *)g_ptr_array_index (citations, i));

  return 0;
}

int
concordat_cli_search (int    argc,
                      char **argv)
{
  g_autofree char *doc = NULL;
  int limit = 20;
  const GOptionEntry entries[] = {
    { "doc", 0, 0, G_OPTION_ARG_STRING, &doc, N_("Search one protocol only"), N_("DOC") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most this many results (20)"), N_("N") },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("search QUERY", entries, &argc, &argv, 1))
    return 1;

  if (limit < 1 || limit > 1000)
    return concordat_cli_fail ("--limit must be between 1 and 1000, not %d", limit);

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  results = concordat_search (store, argv[2], doc, limit, &error);
  if (results == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          const ConcordatSearchResult *result = g_ptr_array_index (results, i);
          g_autofree char *snippet = concordat_search_format_snippet (result->snippet, "**", "**", FALSE);

          json_builder_begin_object (builder);
          concordat_cli_add_string (builder, "doc", result->doc);
          concordat_cli_add_string (builder, "citation", result->citation);
          concordat_cli_add_string (builder, "section", result->section);
          concordat_cli_add_string (builder, "snippet", snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, result->rank);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (results->len == 0)
    g_print (_("No paragraphs match “%s”.\n"), argv[2]);

  for (guint i = 0; i < results->len; i++)
    {
      const ConcordatSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *snippet = concordat_search_format_snippet (result->snippet, "**", "**", FALSE);

      g_print ("%s %s — %s\n    %s\n", result->doc, result->citation, result->section, snippet);
    }

  return 0;
}
