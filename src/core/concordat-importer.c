/* concordat-importer.c: turns a protocol's text, as it comes out of a PDF or
 * a Markdown file, into titled sections and cited paragraphs.
 *
 * Real protocols arrive as text pulled out of PDFs: hard-wrapped lines,
 * several numbering styles, numbering that restarts under unnumbered
 * headings, running headers and footers, paragraphs broken by page breaks.
 * The importer reads the text line by line and decides, for each line,
 * whether it starts a section, a paragraph or a sub-item, or continues what
 * came before.  It never drops text it cannot place: that becomes an
 * unnumbered paragraph of its section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-error.h"
#include "concordat-importer-private.h"

/* A numbered paragraph or heading: "8.3", "82.", "- 5.3", "10 Political". */
#define NUMBER_PATTERN "^(?:[-•*]\\s+)?(\\d{1,3}(?:\\.\\d{1,3}){0,6})(\\.|\\))?\\s+(\\S.*)$"
/* A sub-item: "a)", "(a)", "(iv)", "- a)". */
#define SUBITEM_PATTERN "^(?:[-•*]\\s+)?(\\((?:[a-z]|[ivx]{1,6})\\)|(?:[a-z]|[ivx]{1,6})\\))\\s+(.*)$"
/* A bullet, including the "e " and "¢ " that OCR makes of "•". */
#define BULLET_PATTERN "^(?:[-•*·▪●◦‣∙–]|e(?= [A-Za-z(])|¢)\\s+(.*)$"
/* Page numbers and the like: "12", "Page 3 of 12", "- 4 -". */
#define PAGE_NUMBER_PATTERN "^(?:page\\s+)?[-–]?\\s*\\d{1,4}\\s*[-–]?(?:\\s+of\\s+\\d{1,4})?$"


const Patterns *
concordat_importer_patterns (void)
{
  static gsize once;
  static Patterns p;

  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags flags = G_REGEX_OPTIMIZE;

      p.number = g_regex_new (NUMBER_PATTERN, flags, 0, NULL);
      p.subitem = g_regex_new (SUBITEM_PATTERN, flags, 0, NULL);
      p.bullet = g_regex_new (BULLET_PATTERN, flags, 0, NULL);
      p.page_number = g_regex_new (PAGE_NUMBER_PATTERN, flags | G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return &p;
}

static void
parsed_section_free (gpointer data)
{
  ConcordatParsedSection *section = data;

  g_free (section->citation);
  g_free (section->heading);
  g_free (section);
}

static void
parsed_paragraph_free (gpointer data)
{
  ConcordatParsedParagraph *paragraph = data;

  g_free (paragraph->citation);
  g_free (paragraph->text);
  g_free (paragraph);
}

void
concordat_parsed_document_free (ConcordatParsedDocument *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->title);
  g_ptr_array_unref (doc->sections);
  g_ptr_array_unref (doc->paragraphs);
  g_ptr_array_unref (doc->warnings);
  g_free (doc);
}

const ConcordatParsedParagraph *
concordat_parsed_document_find (ConcordatParsedDocument *doc,
                                const char              *citation)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (citation != NULL, NULL);

  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (doc->paragraphs, i);

      if (g_str_equal (p->citation, citation))
        return p;
    }

  return NULL;
}

void
concordat_importer_warn (ConcordatParsedDocument *doc,
                         const char              *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (doc->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Checks that @bytes is text and returns it as UTF-8. */
static char *
decode (GBytes                   *bytes,
        const char               *source_name,
        ConcordatParsedDocument  *doc,
        GError                  **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *nul;

  if (size == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s is empty: there is no protocol in it to import", source_name);
      return NULL;
    }

  if (size > CONCORDAT_IMPORTER_MAX_BYTES)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s is %.1f MB, larger than any protocol (the limit is %d MB): "
                   "is it the right file?", source_name, size / 1e6,
                   CONCORDAT_IMPORTER_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  nul = memchr (data, '\0', size);
  if (nul != NULL)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s is not a text file (it contains binary data at byte %" G_GSIZE_FORMAT "). "
                   "Save the protocol as plain text or Markdown and import that.",
                   source_name, (gsize)(nul - data));
      return NULL;
    }

  /* A byte-order mark says nothing to a reader. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (g_utf8_validate_len (data, size, NULL))
    return g_strndup (data, size);

  /* Council files saved on Windows are often in its own code page. */
  {
    g_autoptr(GError) local_error = NULL;
    char *text = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, NULL, &local_error);

    if (text == NULL)
      text = g_utf8_make_valid (data, size);

    concordat_importer_warn (doc, "%s is not valid UTF-8; it was read as Windows-1252 text. "
                             "Check that quotation marks and accented letters look right.", source_name);
    return text;
  }
}


static void
line_clear (gpointer data)
{
  g_free (((Line *)data)->text);
}

/* Markdown's inline marks, which PDF extraction tools also produce. */
static char *
strip_inline_markup (const char *text)
{
  static gsize once;
  static GRegex *link, *bold, *emphasis;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_once_init_enter (&once))
    {
      link = g_regex_new ("\\[([^\\]]*)\\]\\([^)]*\\)", G_REGEX_OPTIMIZE, 0, NULL);
      bold = g_regex_new ("\\*\\*(\\S(?:.*?\\S)?)\\*\\*|__(\\S(?:.*?\\S)?)__", G_REGEX_OPTIMIZE, 0, NULL);
      emphasis = g_regex_new ("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  a = g_regex_replace (link, text, -1, 0, "\\1", 0, NULL);
  b = g_regex_replace (bold, a, -1, 0, "\\1\\2", 0, NULL);
  return g_regex_replace (emphasis, b, -1, 0, "\\1", 0, NULL);
}

/* OCR reads a capital I as a small l: "ltis", "lt is", "lf a member".
 * Those are no English words, so where a sentence starts they are fixed. */
static char *
fix_ocr (const char *text)
{
  static gsize once;
  static GRegex *it_is, *small_l;
  g_autofree char *a = NULL;

  if (g_once_init_enter (&once))
    {
      it_is = g_regex_new ("(^|[.!?:;] )ltis\\b", G_REGEX_OPTIMIZE, 0, NULL);
      small_l = g_regex_new ("(^|[.!?:;] )l([tfn])(?= )", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  a = g_regex_replace (it_is, text, -1, 0, "\\1It is", 0, NULL);
  return g_regex_replace (small_l, a, -1, 0, "\\1I\\2", 0, NULL);
}

/* Tabs and no-break spaces become spaces, runs of spaces one space. */
static char *
normalise_spaces (const char *raw)
{
  GString *out = g_string_sized_new (strlen (raw));
  gboolean space = FALSE;

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == 0xA0 || c == '\f' || c == '\v' || c == '\r' || c == 0x2007 || c == 0x202F)
        c = ' ';

      if (c == ' ')
        {
          space = TRUE;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Splits the text into cleaned lines, joining a bold heading that PDF
 * extraction spread over several lines ("**EXCERPT … \n … 2006**"). */
static GArray *
split_lines (const char *text)
{
  g_auto(GStrv) raw = NULL;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autofree char *unix_text = NULL;

  g_array_set_clear_func (lines, line_clear);

  /* Old Mac files end lines with CR alone; a form feed is a page break. */
  unix_text = g_strdup (text);
  for (char *p = unix_text; *p != '\0'; p++)
    if (*p == '\f' || (*p == '\r' && p[1] != '\n'))
      *p = '\n';
  raw = g_strsplit (unix_text, "\n", -1);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *spaced = normalise_spaces (raw[i]);
      Line line = { NULL, i + 1, FALSE, 0 };
      const char *t = spaced;

      if (g_str_has_prefix (t, "**") && strstr (t + 2, "**") == NULL)
        {
          g_autoptr(GString) joined = g_string_new (t + 2);
          guint j;

          for (j = i + 1; raw[j] != NULL && j <= i + 4; j++)
            {
              g_autofree char *next = normalise_spaces (raw[j]);

              g_string_append_printf (joined, " %s", next);
              if (g_str_has_suffix (next, "**"))
                break;
            }

          if (raw[j] != NULL && j <= i + 4)
            {
              g_string_truncate (joined, joined->len - 2);
              line.text = g_strdup (g_strstrip (joined->str));
              line.strong = TRUE;
              g_array_append_val (lines, line);
              i = j;
              continue;
            }
        }

      if (*t == '#')
        {
          while (t[line.md_level] == '#')
            line.md_level++;
          if (line.md_level > 6 || (t[line.md_level] != ' ' && t[line.md_level] != '\0'))
            line.md_level = 0;
          else
            t += line.md_level;
        }

      if (g_str_has_prefix (t, "**") && g_str_has_suffix (t, "**") && strlen (t) > 4)
        line.strong = TRUE;

      {
        g_autofree char *plain = strip_inline_markup (t);
        line.text = fix_ocr (plain);
      }
      g_strstrip (line.text);
      if (line.md_level > 0)
        {
          /* "## Heading ##" closes with hashes too. */
          gsize n = strlen (line.text);
          while (n > 0 && line.text[n - 1] == '#')
            line.text[--n] = '\0';
          g_strstrip (line.text);
          line.strong = line.md_level <= 2;
        }
      g_array_append_val (lines, line);
    }

  return lines;
}

static gboolean
is_structural (const char *text)
{
  const Patterns *p = concordat_importer_patterns ();

  return g_regex_match (p->number, text, 0, NULL) ||
         g_regex_match (p->subitem, text, 0, NULL) ||
         g_regex_match (p->bullet, text, 0, NULL);
}

/* Running headers and footers repeat on every page with at most the page
 * number changing; page numbers stand alone.  Both are removed, and where
 * they stood is treated as a page break, not as the end of a paragraph. */
static guint
remove_page_furniture (GArray *lines)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  const Patterns *p = concordat_importer_patterns ();
  guint removed = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      GString *key = g_string_new (NULL);

      for (const char *c = line->text; *c != '\0'; c++)
        if (g_ascii_isdigit (*c))
          {
            if (key->len == 0 || key->str[key->len - 1] != '#')
              g_string_append_c (key, '#');
          }
        else
          g_string_append_c (key, g_ascii_tolower (*c));

      g_ptr_array_add (keys, g_string_free (key, FALSE));
      if (*line->text != '\0')
        {
          gpointer n = g_hash_table_lookup (counts, g_ptr_array_index (keys, i));
          g_hash_table_insert (counts, g_strdup (g_ptr_array_index (keys, i)),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (keys, i)));
      gboolean furniture;

      if (*line->text == '\0' || line->md_level > 0)
        continue;

      furniture = g_regex_match (p->page_number, line->text, 0, NULL) ||
                  (n >= 3 && g_utf8_strlen (line->text, -1) <= 80 && !is_structural (line->text));
      if (furniture)
        {
          g_free (line->text);
          line->text = NULL;  /* a page break */
          removed++;
        }
    }

  return removed;
}

/**
 * concordat_importer_parse:
 * @bytes: the file's contents
 * @source_name: the file's name, for messages and as a fallback title
 *
 * Reads a protocol.  Text that is not a protocol (empty, binary, over
 * %CONCORDAT_IMPORTER_MAX_BYTES) is refused with an error that says so.
 *
 * Returns: (transfer full): the document, with warnings for what the user
 *   should check, or %NULL with @error set
 */
ConcordatParsedDocument *
concordat_importer_parse (GBytes      *bytes,
                          const char  *source_name,
                          GError     **error)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  guint removed;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  doc = g_new0 (ConcordatParsedDocument, 1);
  doc->sections = g_ptr_array_new_with_free_func (parsed_section_free);
  doc->paragraphs = g_ptr_array_new_with_free_func (parsed_paragraph_free);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);

  text = decode (bytes, source_name, doc, error);
  if (text == NULL)
    return NULL;

  lines = split_lines (text);
  removed = remove_page_furniture (lines);

  if (!concordat_importer_build (doc, lines, source_name, error))
    return NULL;

  if (removed > 0)
    concordat_importer_warn (doc, "%u lines repeated on every page (running headers, footers "
                             "or page numbers) were left out.", removed);

  return g_steal_pointer (&doc);
}
