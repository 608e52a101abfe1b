/* test-importer.c: the importer recovers the structure of real protocols
 * (the three shared fixtures) and copes with the traits of text pulled out
 * of PDFs, written here in our own words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "concordat-error.h"
#include "concordat-importer.h"

static ConcordatParsedDocument *
parse_text (const char *text,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return concordat_importer_parse (bytes, "test.txt", error);
}

static ConcordatParsedDocument *
parse_fixture (const char *name)
{
  const char *dir = g_getenv ("CONCORDAT_SHARED_PROTOCOLS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ConcordatParsedDocument *doc;
  char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  bytes = g_bytes_new_take (contents, length);
  doc = concordat_importer_parse (bytes, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

/* The paragraph cited @citation starts with @opening (and, when given,
 * contains @inside somewhere: a continuation or a sub-item). */
static void
assert_paragraph (ConcordatParsedDocument *doc,
                  const char              *citation,
                  const char              *opening,
                  const char              *inside)
{
  const ConcordatParsedParagraph *p = concordat_parsed_document_find (doc, citation);

  if (p == NULL)
    g_error ("no paragraph is cited “%s”", citation);
  if (!g_str_has_prefix (p->text, opening))
    g_error ("paragraph “%s” starts “%.60s”, not “%s”", citation, p->text, opening);
  if (inside != NULL && strstr (p->text, inside) == NULL)
    g_error ("paragraph “%s” does not contain “%s”: %s", citation, inside, p->text);
}

static const ConcordatParsedSection *
section_of (ConcordatParsedDocument *doc,
            const char              *citation)
{
  const ConcordatParsedParagraph *p = concordat_parsed_document_find (doc, citation);

  g_assert_nonnull (p);
  g_assert_cmpint (p->section, >=, 0);
  return g_ptr_array_index (doc->sections, p->section);
}

static void
assert_citations_unique (ConcordatParsedDocument *doc)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (doc->paragraphs, i);

      g_assert_cmpstr (p->citation, !=, "");
      if (!g_hash_table_add (seen, p->citation))
        g_error ("citation “%s” is used twice", p->citation);
    }
}

static gboolean
has_warning (ConcordatParsedDocument *doc,
             const char              *pattern)
{
  for (guint i = 0; i < doc->warnings->len; i++)
    if (g_pattern_match_simple (pattern, g_ptr_array_index (doc->warnings, i)))
      return TRUE;

  return FALSE;
}

static void
test_joint_protocol (void)
{
  g_autoptr(ConcordatParsedDocument) doc = parse_fixture ("joint-councillor-officer-protocol.txt");

  g_assert_cmpstr (doc->title, ==, "Joint Protocol on Councillor & Officer Relationships");
  g_assert_cmpuint (doc->sections->len, ==, 18);
  g_assert_cmpuint (doc->paragraphs->len, ==, 93);
  assert_citations_unique (doc);

  assert_paragraph (doc, "1.1", "This document is intended to provide guidance", NULL);
  /* A Markdown link keeps its text only. */
  assert_paragraph (doc, "1.8", "The Corporate Governance and Standards Committee / Standards", NULL);
  /* A list belongs to the paragraph that introduces it. */
  assert_paragraph (doc, "4.7", "Councillors are not authorised to instruct Officers",
                    "\n• Through the formal decision-making process;");
  /* Split by a blank line mid-sentence, and by a page break before a
   * capitalised word: one paragraph each time, and no heading made of it. */
  assert_paragraph (doc, "4.8", "Councillors may not initiate or certify", "enter into a contract in writing");
  assert_paragraph (doc, "5.8", "Officers of the Council have an overriding duty",
                    "as expressed in the Council's formal decisions.");
  assert_paragraph (doc, "7.1", "In reaching their decisions", "\nb) The Monitoring Officer");
  assert_paragraph (doc, "8.3", "In their dealings with party groups", NULL);
  /* The paragraph after a list item with no full stop still starts anew. */
  assert_paragraph (doc, "9.4", "Information given to a Councillor must only be used", NULL);
  /* The two 10.2s are both kept. */
  assert_paragraph (doc, "10.2", "A Councillor will not raise matters", "\n• Never make a criticism in public.");
  assert_paragraph (doc, "10.2 (2)", "If a Councillor has a concern", NULL);
  assert_paragraph (doc, "12.2 (2)", "If it is necessary to copy correspondence", NULL);
  assert_paragraph (doc, "13.1", "Whenever a significant meeting is organised", NULL);
  assert_paragraph (doc, "17 ¶1", "Councillors should:", "\n• Avoid personal attacks on Officers");
  assert_paragraph (doc, "18", "The working relationship between Councillors and Officers", NULL);

  g_assert_cmpstr (section_of (doc, "8.3")->heading, ==, "PARTY GROUPS AND OFFICERS");
  g_assert_true (has_warning (doc, "Line 145: paragraph 10.2 appears more than once*10.2 (2)*"));
}

static void
test_wokingham (void)
{
  g_autoptr(ConcordatParsedDocument) doc = parse_fixture ("wokingham-chapter-9-3.txt");
  const ConcordatParsedSection *section;

  g_assert_cmpstr (doc->title, ==, "Chapter 9.3 - Member / Officer Protocol");
  g_assert_cmpuint (doc->sections->len, ==, 35);
  g_assert_cmpuint (doc->paragraphs->len, ==, 79);
  assert_citations_unique (doc);

  /* Numbered sections with unnumbered paragraphs. */
  assert_paragraph (doc, "9.3.1", "The relationship between Members and Officers is important", NULL);
  assert_paragraph (doc, "9.3.1 ¶2", "The Protocol must be read and operated", NULL);
  assert_paragraph (doc, "9.3.5", "Members shall be given timely access",
                    "either alone or in partnership with another group or groups, it is recognised");
  assert_paragraph (doc, "9.3.7 ¶2", "Officers can expect from Members:", "\n• A working partnership;");
  /* Numbering that restarts under an unnumbered heading is qualified. */
  assert_paragraph (doc, "Members' Access to Documents and Information 1",
                    "This Guidance should be read in conjunction", NULL);
  assert_paragraph (doc, "Members' Access to Documents and Information 2",
                    "Members may request Directors", "\na) it is in the public domain, and");
  assert_paragraph (doc, "Media Relations 4", "Before responding to enquiries from the media", NULL);
  assert_paragraph (doc, "Media Relations 6", "If a Member is contacted by, or contacts, the media",
                    "\ng) take particular care in what he/she says");
  assert_paragraph (doc, "Correspondence 5", "When writing in an individual capacity", NULL);
  assert_paragraph (doc, "Access to Premises and Use of Council Resources 3",
                    "When making visits as individual Members",
                    "\nd) if outside his/her own ward, notify the ward Member(s) beforehand; and");
  assert_paragraph (doc, "Role and Responsibilities of Officers 10", "The Chief Executive and Directors may properly",
                    "\nj) an Officer accepting an invitation to the meeting of one political group");
  assert_paragraph (doc, "Procedure for Officers ¶1", "From time to time the relationship", NULL);

  section = section_of (doc, "Media Relations 6");
  g_assert_cmpstr (section->heading, ==, "Supporting Guidance on Media Relations");
  g_assert_cmpint (section->level, ==, 1);
  section = section_of (doc, "Role and Responsibilities of Officers 10");
  g_assert_cmpstr (section->citation, ==, "10");
  g_assert_cmpstr (section->heading, ==, "Political Groups and Officers (excluding Political Assistants)");
  g_assert_cmpint (section->level, ==, 2);
}

static void
test_carlisle (void)
{
  g_autoptr(ConcordatParsedDocument) doc = parse_fixture ("carlisle-2007-executive-report.txt");

  g_assert_cmpuint (doc->sections->len, ==, 40);
  g_assert_cmpuint (doc->paragraphs->len, ==, 206);
  assert_citations_unique (doc);

  /* The protocol inside the report keeps its own bare numbers... */
  assert_paragraph (doc, "1", "Mutual trust and respect between members and officers", NULL);
  assert_paragraph (doc, "47", "It is not enough to avoid actual impropriety",
                    "should not sit on a body or participate in any decision");
  assert_paragraph (doc, "82", "Senior officers may properly be asked to contribute", NULL);
  assert_paragraph (doc, "88", "Officers will respect the confidentiality", "to another party group or to any other members. This shall not");
  assert_paragraph (doc, "92", "An officer accepting an invitation to the meeting of one party group", NULL);
  assert_paragraph (doc, "129", "If a member is contacted by, or contacts, the media",
                    "\n• take particular care in what he/she says");
  assert_paragraph (doc, "136", "Members have a right of access to Council land", NULL);
  assert_paragraph (doc, "137", "When making visits as individual members",
                    "\n• If outside his/her own ward, notify the ward member(s) beforehand; and");
  assert_paragraph (doc, "146", "An officer who believes a member may have acted", NULL);
  g_assert_cmpstr (section_of (doc, "82")->heading, ==, "Party Groups and Officers (excluding Political Assistants)");
  g_assert_cmpstr (section_of (doc, "43")->heading, ==, "The Relationship between Members and Officers : General");

  /* ...while the cover reports and minutes around it are qualified. */
  assert_paragraph (doc, "Report to Executive 1.1", "The following documents are attached", NULL);
  assert_paragraph (doc, "REPORT TO EXECUTIVE 1.1", "Members will be aware that the Council", NULL);
  assert_paragraph (doc, "CROS.127/06 REFERENCES FROM THE EXECUTIVE/OVERVIEW AND SCRUTINY 3",
                    "A Member referred to the section concerning Overview", NULL);
}

static void
test_pdf_traits (void)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_text ("Anytown Borough Council Constitution\n\n"
                    "PROTOCOL ON MEMBERS AND OFFICERS\n\n"
                    "1. GENERAL\n\n"
                    "1.1 Members and officers work together for the good of the\n"
                    "borough. ltis expected that they are courteous.\n\n"
                    "1.2 Officers give advice in line with paragraph\n"
                    "14 of this Constitution and the law.\n\n"
                    "Anytown Borough Council Constitution\n"
                    "Page 2 of 3\n\n"
                    "1.3 A paragraph that runs over the page break and carries\n\n"
                    "on to the next page.\n\n"
                    "1.4 Members should:\n"
                    "e ask for advice early;\n"
                    "¢ keep officers informed.\n\n"
                    "Anytown Borough Council Constitution\n"
                    "Page 3 of 3\n\n"
                    "Guidance on Visits\n\n"
                    "1. Members may visit council premises.\n"
                    "2. They should tell the manager first.\n\n"
                    "Guidance on the Press\n\n"
                    "1. Members should say in what capacity they speak.\n"
                    "1. A second paragraph with the same number.\n", &error);
  g_assert_no_error (error);

  /* The running header stands first and so is no title. */
  g_assert_cmpstr (doc->title, ==, "Protocol on Members and Officers");
  assert_paragraph (doc, "1.1", "Members and officers work", "the good of the borough. It is expected");
  assert_paragraph (doc, "1.2", "Officers give advice", "paragraph 14 of this Constitution and the law.");
  assert_paragraph (doc, "1.3", "A paragraph that runs", "carries on to the next page.");
  assert_paragraph (doc, "1.4", "Members should:", "\n• ask for advice early;\n• keep officers informed.");
  assert_paragraph (doc, "Visits 2", "They should tell the manager first.", NULL);
  assert_paragraph (doc, "The Press 1", "Members should say", NULL);
  assert_paragraph (doc, "The Press 1 (2)", "A second paragraph", NULL);
  g_assert_cmpuint (doc->paragraphs->len, ==, 8);

  /* Nothing of the page furniture is left in any paragraph. */
  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (doc->paragraphs, i);

      g_assert_null (strstr (p->text, "Anytown Borough Council Constitution"));
      g_assert_null (strstr (p->text, "Page 2"));
    }
  g_assert_true (has_warning (doc, "5 lines repeated on every page*"));
  g_assert_true (has_warning (doc, "*The Press 1 appears more than once*"));
}

static void
test_backwards_numbering (void)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_text ("# Rules\n\n7.3 First rule.\n\n7.4 Second rule.\n\n7.2 A number that goes back.\n", &error);
  g_assert_no_error (error);

  assert_paragraph (doc, "7.2", "A number that goes back.", NULL);
  g_assert_true (has_warning (doc, "Line 7: the numbering goes back from 7.4 to 7.2*"));
}

static void
test_unnumbered (void)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = parse_text ("Working Together\n\n"
                    "Some words before any heading.\n\n"
                    "Meetings\n\n"
                    "Members and officers meet often.\n\n"
                    "They keep notes of what was agreed.\n\n"
                    "Visits\n\n"
                    "Members tell the manager before a visit.\n", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (doc->title, ==, "Working Together");
  g_assert_cmpuint (doc->sections->len, ==, 2);
  assert_paragraph (doc, "¶1", "Some words before any heading.", NULL);
  assert_paragraph (doc, "Meetings ¶1", "Members and officers meet often.", NULL);
  assert_paragraph (doc, "Meetings ¶2", "They keep notes", NULL);
  assert_paragraph (doc, "Visits ¶1", "Members tell the manager", NULL);
  g_assert_true (has_warning (doc, "No paragraph numbers were found in test.txt*"));
}

static void
test_markdown (void)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const ConcordatParsedSection *section;

  doc = parse_text ("# A Model Protocol\n\n"
                    "## 1. Party groups\n\n"
                    "1.1 Officers brief **every** group on *council* business, as the "
                    "[constitution](https://example.org/c) says, not [this](javascript:alert(1)) "
                    "nor [<https://example.org/d>](<https://example.org/d> \"title\").\n\n"
                    "- first point;\n"
                    "- second point.\n\n"
                    "## 2. Visits\n\n"
                    "### Schools\n\n"
                    "2.1 Take special care.\n", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (doc->title, ==, "A Model Protocol");
  g_assert_cmpuint (doc->sections->len, ==, 3);
  /* A link keeps its address, when it is one Concordat would open. */
  assert_paragraph (doc, "1.1", "Officers brief every group on council business, as the constitution "
                    "(https://example.org/c) says, not this nor <https://example.org/d>.",
                    "\n• first point;\n• second point.");
  section = section_of (doc, "2.1");
  g_assert_cmpstr (section->heading, ==, "Schools");
  g_assert_cmpint (section->level, ==, 2);
}

static void
test_windows_1252 (void)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  /* 0x93 and 0x94 are curly quotes, 0xA3 a pound sign in Windows-1252. */
  doc = parse_text ("1. Gifts over \xA3" "50 are \x93" "declared\x94.\n", &error);
  g_assert_no_error (error);

  assert_paragraph (doc, "1", "Gifts over £50 are “declared”.", NULL);
  g_assert_true (has_warning (doc, "test.txt is not valid UTF-8; it was read as Windows-1252*"));
}

static void
test_not_text (void)
{
  g_autoptr(ConcordatParsedDocument) doc = NULL;
  g_autoptr(GBytes) binary = g_bytes_new ("%PDF-1.4\n\0\x01\x02 stream", 20);
  g_autoptr(GBytes) empty = g_bytes_new ("", 0);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = CONCORDAT_IMPORTER_MAX_BYTES + 1;

  doc = concordat_importer_parse (empty, "empty.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "empty.txt is empty: there is no protocol in it to import. "
                   "Choose the file that holds the protocol's text.");
  g_clear_error (&error);

  doc = concordat_importer_parse (binary, "scan.pdf", &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "scan.pdf is not a text file (it contains binary data at byte 9)"));
  g_clear_error (&error);

  huge = g_bytes_new_take (g_malloc0 (size), size);
  doc = concordat_importer_parse (huge, "huge.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "larger than any protocol"));
  g_clear_error (&error);

  doc = parse_text ("\n\n   \n", &error);
  g_assert_null (doc);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/shared/joint-protocol", test_joint_protocol);
  g_test_add_func ("/importer/shared/wokingham", test_wokingham);
  g_test_add_func ("/importer/shared/carlisle", test_carlisle);
  g_test_add_func ("/importer/pdf-traits", test_pdf_traits);
  g_test_add_func ("/importer/backwards-numbering", test_backwards_numbering);
  g_test_add_func ("/importer/unnumbered", test_unnumbered);
  g_test_add_func ("/importer/markdown", test_markdown);
  g_test_add_func ("/importer/windows-1252", test_windows_1252);
  g_test_add_func ("/importer/not-text", test_not_text);

  return g_test_run ();
}
