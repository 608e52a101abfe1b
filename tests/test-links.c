/* test-links.c: web and email addresses in protocol text become links, and
 * nothing else in the text is ever taken as markup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-links.h"

static void
test_safe_uris (void)
{
  const char *safe[] = {
    "https://www.example.gov.uk/code-of-conduct",
    "http://example.org",
    "HTTPS://EXAMPLE.ORG/A?b=c&d=e#f",
    "mailto:democratic.services@example.gov.uk",
    "mailto:clerk@example.org?subject=Briefing",
  };
  const char *unsafe[] = {
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/file",
    "smb://server/share",
    "vbscript:msgbox",
    "https://",
    "http:///no-host",
    "mailto:",
    "mailto:nobody",
    "help:gnome-help",
    "/etc/passwd",
    "",
    "not a uri at all",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (safe); i++)
    g_assert_true (concordat_links_is_safe_uri (safe[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_test_message ("%s", unsafe[i]);
      g_assert_false (concordat_links_is_safe_uri (unsafe[i]));
    }
  g_assert_false (concordat_links_is_safe_uri (NULL));
}

static void
test_markup (void)
{
  struct {
    const char *text;
    const char *markup;
  } cases[] = {
    /* No address: shown as plain text. */
    { "Officers brief every group alike.", NULL },
    { "A <span foreground=\"red\">warning</span> & <b>bold</b>", NULL },
    /* Sentence punctuation is not part of the address. */
    { "See https://example.gov.uk/code.",
      "See <a href=\"https://example.gov.uk/code\">https://example.gov.uk/code</a>." },
    { "(see https://example.gov.uk/a_(b)), then",
      "(see <a href=\"https://example.gov.uk/a_(b)\">https://example.gov.uk/a_(b)</a>), then" },
    { "Write to clerk@example.gov.uk, or call.",
      "Write to <a href=\"mailto:clerk@example.gov.uk\">clerk@example.gov.uk</a>, or call." },
    { "mailto:clerk@example.org",
      "<a href=\"mailto:clerk@example.org\">mailto:clerk@example.org</a>" },
    /* What is around an address is escaped, and so is the address. */
    { "<b>x</b> https://example.org/?a=1&b=<2>",
      "&lt;b&gt;x&lt;/b&gt; <a href=\"https://example.org/?a=1&amp;b=\">https://example.org/?a=1&amp;b=</a>&lt;2&gt;" },
    { "<a href=\"javascript:alert(1)\">https://example.org</a>",
      "&lt;a href=&quot;javascript:alert(1)&quot;&gt;<a href=\"https://example.org\">https://example.org</a>&lt;/a&gt;" },
    /* Schemes that could run something or open a file are left as text. */
    { "javascript://example.org/%0Aalert(1) file:///etc/passwd", NULL },
    /* Inside a right-to-left override, a link reads as it is written. */
    { "Right-to-left \u202Egnp.exe@example.org is text",
      "Right-to-left \u202E<a href=\"mailto:gnp.exe@example.org\">\u2066gnp.exe@example.org\u2069</a> is text" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = concordat_links_to_markup (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (markup, ==, cases[i].markup);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/links/safe-uris", test_safe_uris);
  g_test_add_func ("/links/markup", test_markup);

  return g_test_run ();
}
