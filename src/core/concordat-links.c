/* concordat-links.c: web and email addresses in protocol text.
 *
 * A protocol names the code of conduct's web page or democratic services'
 * email address, and a reader expects to click them.  But protocol text
 * comes from anywhere, so it is never taken as markup: every character is
 * escaped, and only the addresses found here become links — http, https
 * and mailto, nothing that could run or open a local file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-links.h"

/**
 * concordat_links_is_safe_uri:
 * @uri: an address a link points at
 *
 * Whether Concordat may open @uri: an http or https address with a host,
 * or a mailto address.  Every other scheme — file, javascript, data, a
 * program's own — is refused.
 */
gboolean
concordat_links_is_safe_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';

  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return strchr (g_uri_get_path (parsed), '@') != NULL;

  return FALSE;
}

static GRegex *
address_regex (void)
{
  static gsize once;
  static GRegex *regex;

  /* A web address with its scheme, or an email address, with or without
   * "mailto:".  The address ends before a space, a quote or an angle
   * bracket; punctuation that ends a sentence is trimmed after. */
  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("\\bhttps?://[^\\s<>\"]+"
                           "|\\b(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b",
                           G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return regex;
}

/* "see https://example.org/code." ends the address before the full stop;
 * a closing bracket stays only when the address opened one. */
static gsize
trim_end (const char *address,
          gsize       length)
{
  while (length > 0)
    {
      char last = address[length - 1];

      if (last == ')')
        {
          gsize open = 0, close = 0;

          for (gsize i = 0; i < length; i++)
            {
              open += address[i] == '(';
              close += address[i] == ')';
            }
          if (close <= open)
            break;
        }
      else if (strchr (".,;:!?'", last) == NULL)
        break;
      length--;
    }

  return length;
}

/* Whether @text has an explicit direction override or embedding, U+202A
 * to U+202E or U+2066 to U+2068, which could show an address reversed. */
static gboolean
has_direction_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2068))
        return TRUE;
    }

  return FALSE;
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (markup, escaped);
}

/**
 * concordat_links_to_markup:
 * @text: a paragraph of protocol text
 *
 * Pango markup showing @text exactly, with its web and email addresses as
 * links.  Nothing in @text is taken as markup: a "<span>" in it is shown
 * as written.
 *
 * Returns: (transfer full) (nullable): the markup, or %NULL when @text has
 *   no address, so that it can be shown as plain text
 */
char *
concordat_links_to_markup (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) markup = NULL;
  gsize done = 0;
  gboolean found = FALSE;
  gboolean isolate;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most paragraphs have neither; they cost no regular expression. */
  if (strchr (text, '@') == NULL && strstr (text, "://") == NULL)
    return NULL;

  /* An address inside a right-to-left override would read backwards, so
   * that the link looks like somewhere it does not go: each link is then
   * isolated (U+2066 … U+2069) and reads as its address is written. */
  isolate = has_direction_controls (text);

  markup = g_string_new (NULL);
  g_regex_match (address_regex (), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      gsize length;
      g_autofree char *address = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *href = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      length = trim_end (text + start, end - start);
      address = g_strndup (text + start, length);

      if (strstr (address, "://") != NULL || g_ascii_strncasecmp (address, "mailto:", 7) == 0)
        uri = g_strdup (address);
      else
        uri = g_strconcat ("mailto:", address, NULL);

      if (!concordat_links_is_safe_uri (uri))
        continue;

      found = TRUE;
      append_escaped (markup, text + done, start - done);
      href = g_markup_escape_text (uri, -1);
      g_string_append_printf (markup, "<a href=\"%s\">", href);
      if (isolate)
        g_string_append (markup, "\u2066");
      append_escaped (markup, address, -1);
      g_string_append (markup, isolate ? "\u2069</a>" : "</a>");
      done = start + length;
    }

  if (!found)
    return NULL;

  append_escaped (markup, text + done, -1);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
