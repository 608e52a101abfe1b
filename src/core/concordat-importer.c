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
#include "concordat-links.h"

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

  /* A text that earns hundreds of warnings needs the first ones read, not
   * all of them. */
  if (doc->warnings->len > CONCORDAT_IMPORTER_MAX_WARNINGS)
    return;
  if (doc->warnings->len == CONCORDAT_IMPORTER_MAX_WARNINGS)
    {
      g_ptr_array_add (doc->warnings, g_strdup_printf ("There are more warnings than these %d; "
                                                       "check the whole protocol.",
                                                       CONCORDAT_IMPORTER_MAX_WARNINGS));
      return;
    }

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
                   "%s is empty: there is no protocol in it to import. "
                   "Choose the file that holds the protocol's text.", source_name);
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

    if (text != NULL)
      {
        concordat_importer_warn (doc, "%s is not valid UTF-8; it was read as Windows-1252 text. "
                                 "Check that quotation marks and accented letters look right.", source_name);
        return text;
      }
  }

  /* Neither: what cannot be read is marked where it stood, not dropped. */
  {
    char *text = g_utf8_make_valid (data, size);
    guint replaced = 0;

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      replaced += g_utf8_get_char (p) == 0xFFFD;
    concordat_importer_warn (doc, "%s is neither UTF-8 nor Windows-1252 text: %u characters that could "
                             "not be read were replaced by “�”. Save the protocol as UTF-8 text and "
                             "import it again, or check the paragraphs that have “�”.",
                             source_name, replaced);
    return text;
  }
}

/* Control characters are no text, other than the white space the importer
 * reads: tab and the line and page breaks. */
static gboolean
is_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
         (c >= 0x7F && c <= 0x9F);
}

/* The invisible marks that set the direction text is shown in, with which
 * text can be made to show in another order than it is read. */
static gboolean
is_direction_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

typedef struct
{
  guint    count;
  gunichar first;
  guint    line;
} Removed;

static void
note_removed (Removed  *removed,
              gunichar  c,
              guint     line)
{
  if (removed->count++ == 0)
    {
      removed->first = c;
      removed->line = line;
    }
}

/* Takes out control characters and direction marks, saying how many and
 * where the first was; text of which more than one character in twenty is
 * a control character or could not be read is no text. */
static char *
remove_controls (char                     *text,
                 const char               *source_name,
                 ConcordatParsedDocument  *doc,
                 GError                  **error)
{
  g_autofree char *owned = text;
  GString *out = g_string_sized_new (strlen (owned));
  Removed controls = { 0 }, directions = { 0 };
  guint line = 1, characters = 0, unreadable = 0;

  for (const char *p = owned; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      characters++;
      line += c == '\n';
      unreadable += c == 0xFFFD;
      if (is_control (c))
        note_removed (&controls, c, line);
      else if (is_direction_control (c))
        note_removed (&directions, c, line);
      else
        g_string_append_unichar (out, c);
    }

  if (controls.count + unreadable > 8 && (controls.count + unreadable) * 20 > characters)
    {
      g_string_free (out, TRUE);
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s is not a text file (%u of its %u characters are control characters or "
                   "cannot be read). Save the protocol as plain text or Markdown and import that.",
                   source_name, controls.count + unreadable, characters);
      return NULL;
    }

  if (controls.count > 0)
    concordat_importer_warn (doc, "Line %u: %u control characters that are not text (the first "
                             "U+%04X) were left out; check the paragraphs around it.",
                             controls.line, controls.count, controls.first);
  if (directions.count > 0)
    concordat_importer_warn (doc, "Line %u: %u invisible marks that change the direction text is "
                             "shown in (the first U+%04X) were left out, so that the text shows in "
                             "the order it is read; check the paragraphs around it.",
                             directions.line, directions.count, directions.first);

  return g_string_free (out, FALSE);
}


static void
line_clear (gpointer data)
{
  g_free (((Line *)data)->text);
}

/* A line the regular expression engine gives up on (it has a limit on the
 * work one match may take, which a line of megabytes can reach) is kept
 * as it is, marks and all, rather than lost. */
static char *
replace (GRegex     *regex,
         const char *text,
         const char *replacement)
{
  char *replaced = g_regex_replace (regex, text, -1, 0, replacement, 0, NULL);

  return replaced != NULL ? replaced : g_strdup (text);
}

/* "[the code](https://example.org/code)" reads "the code
 * (https://example.org/code)", so that the reader shows the address as a
 * link; an address that is not one Concordat would open, or that the
 * text already shows, is left out. */
static gboolean
link_text (const GMatchInfo *match,
           GString          *result,
           gpointer          user_data)
{
  g_autofree char *text = g_match_info_fetch (match, 1);
  g_autofree char *address = g_match_info_fetch (match, 2);

  g_string_append (result, text);
  if (*address != '\0' && strstr (text, address) == NULL && concordat_links_is_safe_uri (address))
    g_string_append_printf (result, *text != '\0' ? " (%s)" : "%s", address);
  return FALSE;
}

/* Markdown's inline marks, which PDF extraction tools also produce.  Bold
 * text runs at most 500 characters, so that each "**" looks no further
 * than that for its closing mark: a long line of marks that never close
 * would otherwise take a time growing with the square of its length. */
static char *
strip_inline_markup (const char *text)
{
  static gsize once;
  static GRegex *link, *bold, *emphasis;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_once_init_enter (&once))
    {
      link = g_regex_new ("\\[([^\\]]*)\\]\\(\\s*<?((?:[^\\s()<>]|\\([^\\s()]*\\))*)>?[^)]*\\)",
                          G_REGEX_OPTIMIZE, 0, NULL);
      bold = g_regex_new ("\\*\\*(\\S(?:.{0,500}?\\S)?)\\*\\*|__(\\S(?:.{0,500}?\\S)?)__",
                          G_REGEX_OPTIMIZE, 0, NULL);
      emphasis = g_regex_new ("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  /* Most lines have no marks, and are not run through the patterns: they
   * cost as much as the rest of reading a long protocol. */
  if (strpbrk (text, "*_[") == NULL)
    return g_strdup (text);

  a = g_regex_replace_eval (link, text, -1, 0, 0, link_text, NULL, NULL);
  if (a == NULL)
    a = g_strdup (text);
  b = replace (bold, a, "\\1\\2");
  return replace (emphasis, b, "\\1");
}

/* Whether @text has an "l" before a "t", "f" or "n", as fix_ocr() needs. */
static gboolean
has_small_l (const char *text)
{
  for (const char *l = strchr (text, 'l'); l != NULL; l = strchr (l + 1, 'l'))
    if (l[1] == 't' || l[1] == 'f' || l[1] == 'n')
      return TRUE;
  return FALSE;
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

  if (!has_small_l (text))
    return g_strdup (text);

  a = replace (it_is, text, "\\1It is");
  return replace (small_l, a, "\\1I\\2");
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

/* Splits @text at its line breaks.  Not with g_strsplit(): that
 * searches the rest of the text with strstr() for every line, which
 * AddressSanitizer checks by measuring the whole rest each time, making
 * the import of a long protocol take minutes under it instead of seconds. */
static GStrv
split_at_newlines (char *text)
{
  GPtrArray *pieces = g_ptr_array_new ();
  char *p = text;
  char *end = text + strlen (text);

  for (;;)
    {
      char *newline = memchr (p, '\n', end - p);

      g_ptr_array_add (pieces, g_strndup (p, newline != NULL ? newline - p : end - p));
      if (newline == NULL)
        break;
      p = newline + 1;
    }
  g_ptr_array_add (pieces, NULL);
  return (GStrv) g_ptr_array_free (pieces, FALSE);
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
  raw = split_at_newlines (unix_text);

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
  guint removed = 0, text_lines = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      GString *key = g_string_new (NULL);

      text_lines += *line->text != '\0';

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

      /* A line that is a quarter of the text is the text, not what
       * repeats at the top or foot of its pages. */
      furniture = g_regex_match (p->page_number, line->text, 0, NULL) ||
                  (n >= 3 && n * 4 <= text_lines &&
                   g_utf8_strlen (line->text, -1) <= 80 && !is_structural (line->text));
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
  text = remove_controls (g_steal_pointer (&text), source_name, doc, error);
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
