/* concordat-importer-builder.c: turns a protocol's cleaned lines into
 * sections and paragraphs, and gives each paragraph its citation.
 *
 * Each line either starts a section, a paragraph or a sub-item, or goes on
 * with what came before; numbering that restarts under a heading is
 * qualified with it, so that every citation is unique in its document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-error.h"
#include "concordat-importer-private.h"

/* What the builder remembers of each section and paragraph besides what
 * the parsed document holds: the raw number and the numbering run it is
 * in, from which citations are made once the whole text has been read. */
typedef struct
{
  char    *number;  /* as written, or NULL */
  gboolean strong;  /* a heading of the first rank */
  int      run;     /* the numbering run of its number, or -1 */
} SectionInfo;

typedef struct
{
  char *number;     /* as written, or NULL for an unnumbered paragraph */
  int   run;
} ParagraphInfo;

typedef struct
{
  char *label;      /* the heading it started under, or NULL */
  guint count;
} Run;

typedef struct
{
  ConcordatParsedDocument *doc;
  GArray    *stack;      /* int: open sections, outermost first */
  GArray    *sections;   /* SectionInfo, parallel to doc->sections */
  GArray    *paragraphs; /* ParagraphInfo, parallel to doc->paragraphs */
  GArray    *runs;       /* Run */
  char      *last_number;

  /* The paragraph being read. */
  GString   *text;
  char      *number;
  guint      line;

  guint      blank_run;      /* blank lines (or page breaks) since the last text */
  gboolean   after_heading;
} Builder;

static void
section_info_clear (gpointer data)
{
  g_free (((SectionInfo *)data)->number);
}

static void
paragraph_info_clear (gpointer data)
{
  g_free (((ParagraphInfo *)data)->number);
}

static void
run_clear (gpointer data)
{
  g_free (((Run *)data)->label);
}

static gboolean
ends_sentence (const GString *text)
{
  gsize n = text->len;

  while (n > 0 && text->str[n - 1] == ' ')
    n--;

  /* A closing bracket or quotation mark ends a quotation or a reference,
   * as in “…” (Third Report of the Committee on Standards in Public Life). */
  if (n >= 3 && memcmp (text->str + n - 3, "\xE2\x80\x9D", 3) == 0)
    return TRUE;

  return n > 0 && strchr (".:;!?)\"", text->str[n - 1]) != NULL;
}

static gboolean
starts_lowercase (const char *text)
{
  return g_unichar_islower (g_utf8_get_char (text));
}

static gboolean
starts_uppercase (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_isupper (c) || c == '(' || c == '"' || c == 0x201C;
}

/* Whether @next is what comes after @last: 9.4 after 9.3, 9.3.1 after 9.3,
 * 10 after 9.6. */
static gboolean
follows (const char *last,
         const char *next)
{
  const char *dot = strrchr (last, '.');
  g_autofree char *prefix = dot != NULL ? g_strndup (last, dot - last + 1) : g_strdup ("");
  g_autofree char *successor = NULL;
  g_autofree char *child = g_strconcat (last, ".1", NULL);
  g_autofree char *top = g_strdup_printf ("%" G_GUINT64_FORMAT, g_ascii_strtoull (last, NULL, 10) + 1);

  successor = g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix,
                               g_ascii_strtoull (dot != NULL ? dot + 1 : last, NULL, 10) + 1);

  return g_str_equal (next, successor) || g_str_equal (next, child) || g_str_equal (next, top);
}

static guint64
first_part (const char *number)
{
  return g_ascii_strtoull (number, NULL, 10);
}

static int
current_section (Builder *b)
{
  return b->stack->len > 0 ? g_array_index (b->stack, int, b->stack->len - 1) : -1;
}

/* The nearest enclosing heading of the first rank, or failing that any
 * heading: the name a restarted numbering is qualified with. */
static const char *
enclosing_heading (Builder *b)
{
  for (guint i = b->stack->len; i > 0; i--)
    {
      int s = g_array_index (b->stack, int, i - 1);

      if (g_array_index (b->sections, SectionInfo, s).strong)
        return ((ConcordatParsedSection *)g_ptr_array_index (b->doc->sections, s))->heading;
    }

  for (guint i = b->stack->len; i > 0; i--)
    {
      int s = g_array_index (b->stack, int, i - 1);
      ConcordatParsedSection *section = g_ptr_array_index (b->doc->sections, s);

      if (g_array_index (b->sections, SectionInfo, s).number == NULL)
        return section->heading;
    }

  return NULL;
}

/* Numbers compare part by part: 9.3.2 comes after 9.3.1 and before 10. */
static int
compare_numbers (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      char *end_a, *end_b;
      guint64 x = g_ascii_strtoull (a, &end_a, 10);
      guint64 y = g_ascii_strtoull (b, &end_b, 10);

      if (x != y)
        return x < y ? -1 : 1;
      a = *end_a == '.' ? end_a + 1 : end_a;
      b = *end_b == '.' ? end_b + 1 : end_b;
    }

  return (*a != '\0') - (*b != '\0');
}

/* "1", "1.1", "1.1.1": where a numbering begins. */
static gboolean
is_first_number (const char *number)
{
  for (const char *p = number; *p != '\0'; p++)
    if (*p != '1' && *p != '.')
      return FALSE;

  return *number == '1' && strstr (number, "11") == NULL;
}

/* Numbering restarts when it goes back to a lower first number (1 after 9)
 * or begins again at 1; a repeated number does not restart it, and one
 * that goes backwards otherwise is kept, with a warning. */
static int
note_number (Builder    *b,
             const char *number,
             guint       line)
{
  int order = b->last_number != NULL ? compare_numbers (number, b->last_number) : 1;
  gboolean restart = b->last_number == NULL ||
                     first_part (number) < first_part (b->last_number) ||
                     (order <= 0 && is_first_number (number));

  if (restart)
    {
      Run run = { g_strdup (enclosing_heading (b)), 0 };
      g_array_append_val (b->runs, run);
    }
  else if (order < 0)
    concordat_importer_warn (b->doc, "Line %u: the numbering goes back from %s to %s; "
                             "check the paragraphs around it.", line, b->last_number, number);

  /* Starting again anywhere but at 1 is as likely a number out of place. */
  if (restart && b->last_number != NULL && !is_first_number (number))
    concordat_importer_warn (b->doc, "Line %u: the numbering goes back from %s to %s, so it was "
                             "taken to start again there; check the paragraphs around it.",
                             line, b->last_number, number);

  g_array_index (b->runs, Run, b->runs->len - 1).count++;
  g_free (b->last_number);
  b->last_number = g_strdup (number);

  return b->runs->len - 1;
}

static void
finish_paragraph (Builder *b)
{
  ConcordatParsedParagraph *paragraph;
  ParagraphInfo info;

  if (b->text == NULL)
    return;

  paragraph = g_new0 (ConcordatParsedParagraph, 1);
  paragraph->section = current_section (b);
  paragraph->text = g_string_free (g_steal_pointer (&b->text), FALSE);
  paragraph->line = b->line;
  g_ptr_array_add (b->doc->paragraphs, paragraph);

  info.number = g_steal_pointer (&b->number);
  info.run = info.number != NULL ? note_number (b, info.number, b->line) : -1;
  g_array_append_val (b->paragraphs, info);
}

static void
start_paragraph (Builder    *b,
                 const char *number,
                 const char *text,
                 guint       line)
{
  finish_paragraph (b);

  b->text = g_string_new (text);
  b->number = g_strdup (number);
  b->line = line;
  b->after_heading = FALSE;
}

/* PDF extraction splits words at line ends: "sub-" then "committee". */
static void
append_text (Builder    *b,
             const char *text)
{
  gsize n = b->text->len;

  if (n > 1 && b->text->str[n - 1] == '-' && g_ascii_isalpha (b->text->str[n - 2]) &&
      starts_lowercase (text))
    g_string_append (b->text, text);
  else if (n > 0 && b->text->str[n - 1] != '\n')
    g_string_append_printf (b->text, " %s", text);
  else
    g_string_append (b->text, text);
}

static void
append_item (Builder    *b,
             const char *label,
             const char *text,
             guint       line)
{
  if (b->text == NULL)
    start_paragraph (b, NULL, "", line);

  if (b->text->len > 0)
    g_string_append_c (b->text, '\n');
  g_string_append_printf (b->text, "%s %s", label, text);
}

/* A heading of the first rank closes every open section; a numbered one
 * goes inside the section whose number starts its own (9.3 holds 9.3.1);
 * a lesser heading goes inside a numbered or first-rank one. */
static void
open_section (Builder    *b,
              const char *number,
              const char *heading,
              gboolean    strong,
              guint       line)
{
  ConcordatParsedSection *section;
  SectionInfo info = { g_strdup (number), strong && number == NULL, -1 };

  finish_paragraph (b);

  while (b->stack->len > 0)
    {
      int top = current_section (b);
      const SectionInfo *top_info = &g_array_index (b->sections, SectionInfo, top);
      gboolean keep;

      if (info.strong)
        keep = FALSE;
      else if (number != NULL)
        keep = top_info->strong ||
               (top_info->number != NULL &&
                g_str_has_prefix (number, top_info->number) &&
                number[strlen (top_info->number)] == '.');
      else
        keep = top_info->strong || top_info->number != NULL;

      if (keep)
        break;
      g_array_set_size (b->stack, b->stack->len - 1);
    }

  section = g_new0 (ConcordatParsedSection, 1);
  section->citation = g_strdup (number != NULL ? number : "");
  section->heading = g_strdup (heading);
  section->parent = current_section (b);
  section->level = b->stack->len + 1;

  if (number != NULL)
    info.run = note_number (b, number, line);

  g_ptr_array_add (b->doc->sections, section);
  g_array_append_val (b->sections, info);
  g_array_append_vals (b->stack, &(int){ b->doc->sections->len - 1 }, 1);
  b->after_heading = TRUE;
}

static const char * const small_words[] = {
  "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on",
  "or", "the", "to", "with", NULL
};

static gboolean
is_all_caps (const char *text)
{
  guint upper = 0, letters = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          letters++;
          upper += g_unichar_isupper (c);
        }
    }

  return letters >= 3 && upper * 10 >= letters * 9;
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ';

      words += !space && !in_word;
      in_word = !space;
    }

  return words;
}

/* Whether the next text, past blank lines and page breaks, starts in
 * lower case: then this line was cut mid-sentence, and is no heading. */
static gboolean
next_text_continues (GArray *lines,
                     guint   i)
{
  for (guint j = i + 1; j < lines->len; j++)
    {
      const Line *next = &g_array_index (lines, Line, j);

      if (next->text != NULL && *next->text != '\0')
        return g_unichar_islower (g_utf8_get_char (next->text));
    }

  return FALSE;
}

/* "Date of Meeting: 22 January 2007", but not "Officers : General". */
static gboolean
is_key_value (const char *text)
{
  const char *colon = strstr (text, ": ");

  return colon != NULL && colon > text && colon[-1] != ' ';
}

/* Looks like a heading: short, no closing punctuation, capitalised, and not
 * a "Key: value" line such as "Date of Meeting: 22 January 2007". */
static gboolean
ends_with_small_word (const char *text)
{
  const char *space = strrchr (text, ' ');
  g_autofree char *last = g_ascii_strdown (space != NULL ? space + 1 : text, -1);

  return space != NULL && g_strv_contains (small_words, last);
}

static gboolean
looks_like_heading_text (const char *text,
                         guint       max_chars,
                         guint       max_words)
{
  gsize n = strlen (text);

  return n > 0 &&
         !ends_with_small_word (text) &&
         g_utf8_strlen (text, -1) <= max_chars &&
         count_words (text) <= max_words &&
         strchr (".;:,!?", text[n - 1]) == NULL &&
         !is_key_value (text) &&
         starts_uppercase (text) && g_utf8_get_char (text) != '(';
}

static gboolean
is_major_heading (const char *text)
{
  static gsize once;
  static GRegex *prefix;

  if (g_once_init_enter (&once))
    {
      prefix = g_regex_new ("^(supporting guidance|guidance|appendix|annex|annexe|schedule|part|chapter)\\b",
                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return is_all_caps (text) || g_regex_match (prefix, text, 0, NULL);
}

static const Line *
line_at (GArray *lines,
         guint   i)
{
  return i < lines->len ? &g_array_index (lines, Line, i) : NULL;
}

/* Blank lines and page breaks both separate; the end of the text too. */
static gboolean
blank_after (GArray *lines,
             guint   i)
{
  const Line *next = line_at (lines, i + 1);

  return next == NULL || next->text == NULL || *next->text == '\0';
}

static void
read_numbered (Builder    *b,
               GArray     *lines,
               guint       i,
               GMatchInfo *match)
{
  const Line *line = line_at (lines, i);
  g_autofree char *number = g_match_info_fetch (match, 1);
  g_autofree char *mark = g_match_info_fetch (match, 2);
  g_autofree char *rest = g_match_info_fetch (match, 3);

  if (looks_like_heading_text (rest, 120, 18) &&
      ((blank_after (lines, i) && !next_text_continues (lines, i)) || line->md_level > 0))
    open_section (b, number, rest, line->strong, line->number);
  else
    start_paragraph (b, number, rest, line->number);

  (void)mark;
}

/* A number at the start of a line is only a paragraph number where a new
 * paragraph may start, and "14 of this Constitution" is not one at all. */
static gboolean
is_paragraph_number (Builder    *b,
                     GMatchInfo *match)
{
  g_autofree char *mark = g_match_info_fetch (match, 2);
  g_autofree char *rest = g_match_info_fetch (match, 3);
  gboolean dotted = mark != NULL && *mark != '\0';
  g_autofree char *number = g_match_info_fetch (match, 1);

  if (!dotted && strchr (number, '.') == NULL && !starts_uppercase (rest))
    return FALSE;

  /* The next number in sequence starts a paragraph even straight after a
   * list item that ends without punctuation. */
  if (b->number != NULL ? follows (b->number, number)
                        : b->last_number != NULL && follows (b->last_number, number))
    return TRUE;

  return b->text == NULL || b->after_heading || ends_sentence (b->text) || b->blank_run > 0;
}

/* The length of a number such as "1.1.1.1.1.1.1.1" at the start of @text
 * when it has more parts than a paragraph number has (seven), or 0. */
static gsize
too_deep_number (const char *text)
{
  const char *p = text;
  guint parts = 0;

  while (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      parts++;
      if (*p != '.' || !g_ascii_isdigit (p[1]))
        break;
      p++;
    }

  return parts > 7 ? (gsize) (p - text) : 0;
}

static void
read_line (Builder *b,
           GArray  *lines,
           guint    i)
{
  const Patterns *p = concordat_importer_patterns ();
  const Line *line = line_at (lines, i);
  g_autoptr(GMatchInfo) match = NULL;
  const char *text = line->text;
  gsize deep = too_deep_number (text);

  if (deep > 0)
    concordat_importer_warn (b->doc, "Line %u: “%.*s” has more parts than a paragraph number can "
                             "have (seven), so it was kept as text; check the paragraphs around it.",
                             line->number, (int) MIN (deep, 80), text);

  if (line->md_level > 0)
    {
      if (g_regex_match (p->number, text, 0, &match))
        read_numbered (b, lines, i, match);
      else if (*text != '\0')
        open_section (b, NULL, text, line->strong, line->number);
      return;
    }

  if (g_regex_match (p->number, text, 0, &match) && is_paragraph_number (b, match))
    {
      read_numbered (b, lines, i, match);
      return;
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (p->subitem, text, 0, &match))
    {
      g_autofree char *label = g_match_info_fetch (match, 1);
      g_autofree char *rest = g_match_info_fetch (match, 2);

      append_item (b, label, rest, line->number);
      return;
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (p->bullet, text, 0, &match))
    {
      g_autofree char *rest = g_match_info_fetch (match, 1);

      /* "- body or participate…" after a page break is the paragraph going
       * on, marked as a bullet by the extraction, not a list item; inside
       * a list, though, a bullet is a bullet. */
      if (b->text != NULL && b->blank_run > 0 && starts_lowercase (rest) &&
          !ends_sentence (b->text) && strchr (b->text->str, '\n') == NULL)
        append_text (b, rest);
      else
        append_item (b, "•", rest, line->number);
      return;
    }

  if ((line->strong || (b->blank_run > 0 || i == 0)) &&
      (line->strong || (blank_after (lines, i) && !next_text_continues (lines, i) &&
                        looks_like_heading_text (text, 100, 14))) &&
      (b->text == NULL || b->after_heading || ends_sentence (b->text)))
    {
      open_section (b, NULL, text, line->strong || is_major_heading (text), line->number);
      return;
    }

  /* Text after a blank line or a page break goes on with the paragraph
   * unless that paragraph had come to the end of a sentence. */
  if (b->text != NULL &&
      (b->blank_run == 0 || !ends_sentence (b->text) || starts_lowercase (text)))
    append_text (b, text);
  else
    start_paragraph (b, NULL, text, line->number);
}

/* "JOINT PROTOCOL ON COUNCILLOR & OFFICER RELATIONSHIPS" reads better as
 * "Joint Protocol on Councillor & Officer Relationships". */
static char *
title_case (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);
      gboolean letters_only = TRUE;

      for (const char *c = words[i]; *c != '\0'; c = g_utf8_next_char (c))
        letters_only &= g_unichar_isalpha (g_utf8_get_char (c)) || *c == '\'' || *c == '-';

      if (!letters_only)
        continue;

      g_free (words[i]);
      if (i > 0 && g_strv_contains (small_words, lower))
        words[i] = g_steal_pointer (&lower);
      else
        {
          gunichar first = g_unichar_totitle (g_utf8_get_char (lower));
          char buf[8] = { 0 };

          g_unichar_to_utf8 (first, buf);
          words[i] = g_strconcat (buf, g_utf8_next_char (lower), NULL);
        }
    }

  return g_strjoinv (" ", words);
}

/* The title is the first line when it is a heading ("# Title", or a short
 * line standing alone), otherwise the file's name. */
static guint
read_title (ConcordatParsedDocument *doc,
            GArray                  *lines,
            const char              *source_name)
{
  const Patterns *p = concordat_importer_patterns ();

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = line_at (lines, i);

      if (line->text == NULL || *line->text == '\0')
        continue;

      if ((line->md_level == 1 ||
           (line->md_level == 0 && blank_after (lines, i) &&
            looks_like_heading_text (line->text, 120, 16))) &&
          !g_regex_match (p->number, line->text, 0, NULL))
        {
          doc->title = is_all_caps (line->text) ? title_case (line->text) : g_strdup (line->text);
          return i + 1;
        }
      break;
    }

  {
    g_autofree char *base = g_path_get_basename (source_name);
    char *dot = strrchr (base, '.');

    if (dot != NULL && dot != base)
      *dot = '\0';
    doc->title = g_strdup (base);
  }
  return 0;
}

/* "Supporting Guidance on Media Relations" cites as "Media Relations 6". */
static char *
short_label (const char *heading)
{
  static const char * const prefixes[] = {
    "supporting guidance on ", "supporting guidance for ", "supporting guidance - ",
    "supporting guidance: ", "guidance on ", "guidance for ", NULL
  };
  g_autofree char *lower = g_ascii_strdown (heading, -1);

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (lower, prefixes[i]) && heading[strlen (prefixes[i])] != '\0')
      {
        const char *rest = heading + strlen (prefixes[i]);
        char first[8] = { 0 };

        g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (rest)), first);
        return g_strconcat (first, g_utf8_next_char (rest), NULL);
      }

  return g_strdup (heading);
}

/* The run holding most of the numbers is the document's own numbering and
 * cites bare ("82"); so does a first run that no heading introduces.  Every
 * other run restarted under a heading, and is qualified with it. */
static int
main_run (Builder *b)
{
  guint total = 0, best = 0;
  int best_run = -1;

  for (guint r = 0; r < b->runs->len; r++)
    {
      const Run *run = &g_array_index (b->runs, Run, r);

      total += run->count;
      if (run->count > best)
        {
          best = run->count;
          best_run = r;
        }
    }

  if (best_run >= 0 && best * 2 > total)
    return best_run;

  if (b->runs->len > 0 && g_array_index (b->runs, Run, 0).label == NULL)
    return 0;

  return -1;
}

static char *
qualify (Builder    *b,
         int         main,
         const char *number,
         int         run)
{
  const Run *r = &g_array_index (b->runs, Run, run);
  g_autofree char *label = NULL;

  if (run == main)
    return g_strdup (number);

  label = short_label (r->label != NULL ? r->label : b->doc->title);
  return g_strdup_printf ("%s %s", label, number);
}

static char *
unnumbered_citation (Builder *b,
                     int      main,
                     int      s,
                     guint    k,
                     gboolean section_has_numbers)
{
  const ConcordatParsedSection *section;
  const SectionInfo *info;
  g_autofree char *base = NULL;

  if (s < 0)
    return g_strdup_printf ("¶%u", k);

  section = g_ptr_array_index (b->doc->sections, s);
  info = &g_array_index (b->sections, SectionInfo, s);

  if (info->number == NULL)
    return g_strdup_printf ("%s ¶%u", section->heading, k);

  base = qualify (b, main, info->number, info->run);
  if (k == 1 && !section_has_numbers)
    return g_steal_pointer (&base);

  return g_strdup_printf ("%s ¶%u", base, k);
}

/* Every citation is unique in its document: a number used twice keeps both
 * paragraphs, the second cited "10.2 (2)". */
static void
assign_citations (Builder *b)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Each repeated citation → the next "(n)" to try, so that a number
   * repeated thousands of times is not counted up from 2 each time. */
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *unnumbered = g_new0 (guint, b->doc->sections->len + 1);
  g_autofree gboolean *has_numbers = g_new0 (gboolean, b->doc->sections->len + 1);
  int main = main_run (b);

  for (guint i = 0; i < b->doc->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (b->doc->paragraphs, i);

      if (g_array_index (b->paragraphs, ParagraphInfo, i).number != NULL)
        has_numbers[p->section + 1] = TRUE;
    }

  for (guint i = 0; i < b->doc->paragraphs->len; i++)
    {
      ConcordatParsedParagraph *p = g_ptr_array_index (b->doc->paragraphs, i);
      const ParagraphInfo *info = &g_array_index (b->paragraphs, ParagraphInfo, i);
      g_autofree char *citation = NULL;

      if (info->number != NULL)
        citation = qualify (b, main, info->number, info->run);
      else
        citation = unnumbered_citation (b, main, p->section,
                                        ++unnumbered[p->section + 1],
                                        has_numbers[p->section + 1]);

      if (g_hash_table_contains (used, citation))
        {
          g_autofree char *original = g_steal_pointer (&citation);
          guint n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (next, original)), 2);

          for (; citation == NULL || g_hash_table_contains (used, citation); n++)
            {
              g_free (citation);
              citation = g_strdup_printf ("%s (%u)", original, n);
            }
          g_hash_table_replace (next, g_strdup (original), GUINT_TO_POINTER (n));

          if (info->number != NULL)
            concordat_importer_warn (b->doc, "Line %u: paragraph %s appears more than once; "
                                     "this one is cited as “%s”.", p->line, original, citation);
        }

      g_hash_table_add (used, g_strdup (citation));
      p->citation = g_steal_pointer (&citation);
    }
}

/* Reads the lines into sections and paragraphs and cites them. */
gboolean
concordat_importer_build (ConcordatParsedDocument  *doc,
                          GArray                   *lines,
                          const char               *source_name,
                          GError                  **error)
{
  Builder b = { 0 };
  gboolean ok = FALSE;
  guint start = read_title (doc, lines, source_name);

  b.doc = doc;
  b.stack = g_array_new (FALSE, FALSE, sizeof (int));
  b.sections = g_array_new (FALSE, TRUE, sizeof (SectionInfo));
  b.paragraphs = g_array_new (FALSE, TRUE, sizeof (ParagraphInfo));
  b.runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (b.sections, section_info_clear);
  g_array_set_clear_func (b.paragraphs, paragraph_info_clear);
  g_array_set_clear_func (b.runs, run_clear);

  for (guint i = start; i < lines->len; i++)
    {
      const Line *line = line_at (lines, i);

      if (line->text == NULL || *line->text == '\0')
        {
          b.blank_run++;
          continue;
        }

      read_line (&b, lines, i);
      b.blank_run = 0;
    }
  finish_paragraph (&b);

  if (doc->paragraphs->len == 0)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s has no paragraphs to import: it holds only headings or blank lines",
                   source_name);
      goto out;
    }

  assign_citations (&b);
  ok = TRUE;

  if (b.runs->len == 0)
    concordat_importer_warn (doc, "No paragraph numbers were found in %s: its paragraphs "
                             "were imported unnumbered, under their headings.", source_name);

out:
  g_array_unref (b.stack);
  g_array_unref (b.sections);
  g_array_unref (b.paragraphs);
  g_array_unref (b.runs);
  g_free (b.last_number);
  if (b.text != NULL)
    g_string_free (b.text, TRUE);
  g_free (b.number);

  return ok;
}
