/* test-topics.c: the topic rules load, a broken rules file is refused with a
 * message that says what is wrong, paragraphs get the topics they are about
 * (and not the ones they only brush against), and the bundled model
 * protocol is well formed and covers every topic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "concordat-data.h"
#include "concordat-error.h"
#include "concordat-topics.h"

static const char * const expected_ids[] = {
  "party-groups", "premises", "media", "correspondence", "information-access",
  "complaints", "relationships", "ward-members", "pre-election", "resources",
  "scrutiny", "roles-members", "roles-officers", "statutory-officers",
  "employment", "confidentiality", NULL,
};

static ConcordatTopics *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  ConcordatTopics *topics = concordat_topics_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (topics);
  return topics;
}

static ConcordatTopics *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return concordat_topics_load_from_bytes (bytes, error);
}

static gboolean
carries (GPtrArray  *matches,
         const char *topic)
{
  for (guint i = 0; i < matches->len; i++)
    if (g_str_equal (((ConcordatTopicMatch *) g_ptr_array_index (matches, i))->topic, topic))
      return TRUE;
  return FALSE;
}

static char *
describe (GPtrArray *matches)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < matches->len; i++)
    {
      ConcordatTopicMatch *m = g_ptr_array_index (matches, i);

      g_string_append_printf (s, "%s%s %g", i > 0 ? ", " : "", m->topic, m->weight);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* Tags @text under @heading and checks it carries every topic in @must
 * (space-separated) and none in @must_not. */
static void
assert_tags (ConcordatTopics *topics,
             const char      *heading,
             const char      *text,
             const char      *must,
             const char      *must_not)
{
  g_autoptr(GPtrArray) matches = concordat_topics_tag (topics, heading, text);
  g_autofree char *got = describe (matches);
  g_auto(GStrv) wanted = g_strsplit (must, " ", -1);
  g_auto(GStrv) unwanted = g_strsplit (must_not, " ", -1);

  for (guint i = 0; wanted[i] != NULL; i++)
    if (*wanted[i] != '\0' && !carries (matches, wanted[i]))
      g_test_fail_printf ("“%s” (heading “%s”) should carry %s; it carries %s",
                          text, heading ? heading : "", wanted[i], got);
  for (guint i = 0; unwanted[i] != NULL; i++)
    if (*unwanted[i] != '\0' && carries (matches, unwanted[i]))
      g_test_fail_printf ("“%s” (heading “%s”) should not carry %s; it carries %s",
                          text, heading ? heading : "", unwanted[i], got);
}

/* --- the default rules --- */

static void
test_default_ids (void)
{
  g_autoptr(ConcordatTopics) topics = load_default ();
  const char * const *ids = concordat_topics_list_ids (topics);

  g_assert_cmpstrv (ids, expected_ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *label = concordat_topics_get_label (topics, ids[i]);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_cmpstr (label, !=, ids[i]);
    }
  g_assert_cmpstr (concordat_topics_get_label (topics, "party-groups"), ==, "Party groups");
  g_assert_cmpstr (concordat_topics_get_label (topics, "pre-election"), ==, "Pre-election period");
  g_assert_null (concordat_topics_get_label (topics, "gardening"));
}

/* --- broken rules files --- */

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *says[3];  /* what the message must mention */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "not-json", "{\"version\": 1, \"topics\": [",
    CONCORDAT_ERROR_INVALID, { "topics.json", "not valid JSON" } },
  { "empty", "",
    CONCORDAT_ERROR_INVALID, { "topics.json", "empty" } },
  { "not-an-object", "[1, 2]",
    CONCORDAT_ERROR_INVALID, { "topics.json", "one object" } },
  { "no-version", "{\"topics\": []}",
    CONCORDAT_ERROR_INVALID, { "topics.json", "“version”" } },
  { "version-too-new",
    "{\"version\": 2, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1, \"text\": {\"press\": 1}}]}",
    CONCORDAT_ERROR_TOO_NEW, { "topics.json", "version 2", "version 1" } },
  { "unknown-top-level-key",
    "{\"version\": 1, \"topic\": []}",
    CONCORDAT_ERROR_INVALID, { "unknown key “topic”", "top level" } },
  { "no-topics", "{\"version\": 1, \"topics\": []}",
    CONCORDAT_ERROR_INVALID, { "“topics”", "at least one" } },
  { "unknown-topic-key",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1,"
    " \"phrases\": {\"press\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "unknown key “phrases”", "text, heading" } },
  { "weight-not-a-number",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1,"
    " \"text\": {\"press\": \"high\"}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "“press”", "should be a number, not a string" } },
  { "phrases-not-an-object",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1,"
    " \"heading\": [\"press\"]}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "“heading”", "not a list" } },
  { "topic-without-id",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1, \"text\": {\"press\": 1}},"
    " {\"label\": \"Premises\", \"threshold\": 1, \"text\": {\"depot\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topics.json", "topic 2", "no “id”" } },
  { "id-not-a-string",
    "{\"version\": 1, \"topics\": [{\"id\": 7, \"label\": \"Media\", \"threshold\": 1, \"text\": {\"press\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topic 1", "“id”", "a number" } },
  { "bad-id",
    "{\"version\": 1, \"topics\": [{\"id\": \"Party Groups\", \"label\": \"Party groups\", \"threshold\": 1,"
    " \"text\": {\"group\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "“Party Groups”", "lower-case" } },
  { "duplicate-id",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1, \"text\": {\"press\": 1}},"
    " {\"id\": \"media\", \"label\": \"Press\", \"threshold\": 1, \"text\": {\"journalist\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topics.json", "“media”", "two topics" } },
  { "no-label",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"  \", \"threshold\": 1, \"text\": {\"press\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "no “label”" } },
  { "no-threshold",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"text\": {\"press\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "“threshold”" } },
  { "threshold-unreachable",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 5,"
    " \"text\": {\"press\": 1, \"radio\": 1}, \"heading\": {\"media\": 2}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "weigh 4", "threshold of 5" } },
  { "zero-weight",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1,"
    " \"text\": {\"press\": 1, \"radio\": 0}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "“radio”", "weight of 0" } },
  { "phrase-without-words",
    "{\"version\": 1, \"topics\": [{\"id\": \"media\", \"label\": \"Media\", \"threshold\": 1,"
    " \"text\": {\"press\": 1, \" -- \": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "topic “media”", "no words" } },
  { "same-phrase-twice",
    "{\"version\": 1, \"topics\": [{\"id\": \"party-groups\", \"label\": \"Party groups\", \"threshold\": 1,"
    " \"text\": {\"briefing\": 1, \"Briefings\": 2}}]}",
    CONCORDAT_ERROR_INVALID, { "“briefing”", "“Briefings”", "same words" } },
  { "same-phrase-hyphenated",
    "{\"version\": 1, \"topics\": [{\"id\": \"correspondence\", \"label\": \"Correspondence\", \"threshold\": 1,"
    " \"text\": {\"e-mail\": 1, \"email\": 1}}]}",
    CONCORDAT_ERROR_INVALID, { "“e-mail”", "“email”", "same words" } },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatTopics) topics = load_string (c->json, &error);

  g_assert_null (topics);
  g_assert_error (error, CONCORDAT_ERROR, c->code);
  for (guint i = 0; i < G_N_ELEMENTS (c->says) && c->says[i] != NULL; i++)
    if (strstr (error->message, c->says[i]) == NULL)
      g_test_fail_printf ("the message “%s” should mention “%s”", error->message, c->says[i]);
}

/* A rules file of the council's own names the file in its messages. */
static void
test_broken_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("concordat-topics-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "our-topics.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(ConcordatTopics) topics = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"topics\": [{\"label\": \"Media\"}]}", -1, NULL));

  topics = concordat_topics_load_from_file (path, &error);
  g_assert_null (topics);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "no “id”"));
  g_clear_error (&error);

  topics = concordat_topics_load_from_file (missing, &error);
  g_assert_null (topics);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* --- tagging with the default rules --- */

typedef struct
{
  const char *heading;
  const char *text;
  const char *must;
  const char *must_not;
} TagCase;

/* Paragraphs as a council might write them, with the topics they are about
 * and topics they come close to without being about. */
static const TagCase tag_cases[] = {
  { NULL, "An officer asked to attend a meeting of the Labour group should first check that "
    "the briefing is about council business, and should leave before the group discusses "
    "its campaign.",
    "party-groups", "media premises pre-election" },
  { NULL, "When preparing their budget proposals, the administration and each opposition group "
    "may hold confidential discussions with officers.",
    "party-groups confidentiality", "media" },
  { NULL, "If a briefing is offered to one political group, the same briefing should be offered "
    "to every other group.",
    "party-groups", "premises" },
  { NULL, "The communications team issues press releases on the Council's behalf; a councillor "
    "who wants one should ask the team rather than write it themselves.",
    "media", "premises party-groups" },
  { NULL, "A journalist who telephones an officer for a comment should be referred to the press office.",
    "media", "correspondence" },
  { NULL, "A councillor who wishes to look round the recycling depot should arrange the visit in "
    "advance with the manager in charge and follow the site's safety rules.",
    "premises", "media information-access" },
  { NULL, "If the school is outside the councillor's own ward, the ward councillors for that area "
    "should be told about the visit beforehand.",
    "premises ward-members", "media" },
  { NULL, "Officers should answer a councillor's request for information within two working days, "
    "or say when a full answer will follow.",
    "information-access", "confidentiality correspondence" },
  { NULL, "An officer who forms a close personal relationship with a councillor must tell the "
    "monitoring officer.",
    "relationships", "party-groups statutory-officers" },
  { NULL, "The relationship between councillors and officers rests on mutual trust and courtesy.",
    "", "relationships" },
  { NULL, "During the pre-election period councillors should not be quoted in the Council's publicity.",
    "pre-election", "ward-members" },
  { NULL, "The notice of election is published about six weeks before polling day.",
    "pre-election", "" },
  { NULL, "Councillors must not use council stationery, printers or postage for party political "
    "campaigning.",
    "resources", "pre-election party-groups" },
  { NULL, "The scrutiny committee may invite the cabinet member and senior officers to give evidence "
    "about the decision.",
    "scrutiny", "complaints" },
  { NULL, "A councillor who is dissatisfied with the way an officer handled a case should take the "
    "complaint to the officer's manager, and not raise it in public.",
    "complaints", "media" },
  { NULL, "Councillors must keep exempt reports confidential and must not disclose what is in them.",
    "confidentiality", "media" },
  { NULL, "Councillors sitting on an interview panel for a senior post should judge the candidates "
    "on merit alone.",
    "employment", "media pre-election" },
  { NULL, "The chief finance officer, the Council's section 151 officer, must be consulted before any "
    "decision with financial consequences.",
    "statutory-officers", "" },
  { NULL, "Letters that commit the Council must be sent in the name of an officer, never a councillor, "
    "and blind copies are not used.",
    "correspondence", "confidentiality" },
  { NULL, "Officers serve the Council as a whole and must stay politically neutral, whichever party "
    "is in control.",
    "roles-officers", "party-groups" },
  { NULL, "Councillors are accountable to the electorate and act as advocates for their communities.",
    "roles-members", "ward-members" },
  { NULL, "The ward members for the area should be invited to any public meeting the Council holds "
    "on a local issue.",
    "ward-members", "premises" },
  { NULL, "A public meeting arranged by a ward councillor may be held in council-owned premises.",
    "ward-members", "premises" },
  { NULL, "Officers must never be asked to attend ward or constituency political party meetings.",
    "", "party-groups" },
  { NULL, "Members have a right of access to council land and premises to carry out their duties.",
    "premises", "information-access" },
  { NULL, "Officers must not allow pressure from any quarter to affect their professional advice.",
    "", "media" },
};

static void
test_tag_paragraphs (void)
{
  g_autoptr(ConcordatTopics) topics = load_default ();

  for (guint i = 0; i < G_N_ELEMENTS (tag_cases); i++)
    assert_tags (topics, tag_cases[i].heading, tag_cases[i].text,
                 tag_cases[i].must, tag_cases[i].must_not);
}

/* A heading says what a section is about even where its paragraphs do not
 * use the word; a heading on its own is not always enough. */
static void
test_tag_heading (void)
{
  g_autoptr(ConcordatTopics) topics = load_default ();
  const char *statements = "Statements made on the Council's behalf must be accurate and must not "
                           "promote any political party.";
  const char *services = "The Council provides members with equipment and services, paid for from "
                         "the public purse, to help them in their work as councillors.";

  assert_tags (topics, "Media Relations", statements, "media", "premises");
  assert_tags (topics, "MEDIA RELATIONS", statements, "media", "");
  assert_tags (topics, NULL, statements, "", "media");
  assert_tags (topics, "Standards of Conduct", statements, "", "media");

  assert_tags (topics, "Party Groups and Officers", "Members must not do anything that compromises "
               "the impartiality of officers.", "party-groups", "");

  /* Under a heading naming two subjects, each paragraph gets the one it
   * is about. */
  assert_tags (topics, "Access to Premises and Use of Council Resources", services,
               "resources", "premises");
  assert_tags (topics, "Access to Premises and Use of Council Resources",
               "Members have a right to visit council land to carry out their duties.",
               "premises", "resources");
}

/* Strongest first, each at least its threshold; ties keep file order. */
static void
test_tag_order (void)
{
  g_autoptr(ConcordatTopics) topics = load_default ();
  g_autoptr(ConcordatTopics) ties = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  matches = concordat_topics_tag (topics, "Media Relations",
                                  "If a member is contacted by a journalist during the pre-election "
                                  "period, they should say whether they speak as a ward member or "
                                  "for a party group.");
  g_assert_cmpuint (matches->len, >=, 3);
  g_assert_cmpstr (((ConcordatTopicMatch *) g_ptr_array_index (matches, 0))->topic, ==, "media");
  for (guint i = 0; i < matches->len; i++)
    {
      ConcordatTopicMatch *m = g_ptr_array_index (matches, i);

      g_assert_cmpfloat (m->weight, >=, 3);
      if (i > 0)
        g_assert_cmpfloat (m->weight, <=, ((ConcordatTopicMatch *) g_ptr_array_index (matches, i - 1))->weight);
    }
  g_clear_pointer (&matches, g_ptr_array_unref);

  ties = load_string ("{\"version\": 1, \"topics\": ["
                      "{\"id\": \"b\", \"label\": \"B\", \"threshold\": 1, \"text\": {\"ward\": 1}},"
                      "{\"id\": \"a\", \"label\": \"A\", \"threshold\": 1, \"text\": {\"visit\": 1}}]}",
                      &error);
  g_assert_no_error (error);
  matches = concordat_topics_tag (ties, NULL, "a visit to a ward");
  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpstr (((ConcordatTopicMatch *) g_ptr_array_index (matches, 0))->topic, ==, "b");
  g_assert_cmpstr (((ConcordatTopicMatch *) g_ptr_array_index (matches, 1))->topic, ==, "a");
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = concordat_topics_tag (ties, NULL, "");
  g_assert_cmpuint (matches->len, ==, 0);
}

/* --- matching: one rule per topic, so each case tests one thing --- */

static const char *matching_rules =
  "{\"version\": 1, \"topics\": ["
  " {\"id\": \"brief\", \"label\": \"Briefings\", \"threshold\": 1, \"text\": {\"brief\": 1}},"
  " {\"id\": \"premises\", \"label\": \"Premises\", \"threshold\": 1, \"text\": {\"premises\": 1}},"
  " {\"id\": \"press\", \"label\": \"Press\", \"threshold\": 1, \"text\": {\"press\": 1, \"journalist\": 1}},"
  " {\"id\": \"pre\", \"label\": \"Pre-election\", \"threshold\": 1, \"text\": {\"pre-election\": 1}},"
  " {\"id\": \"conf\", \"label\": \"Confidentiality\", \"threshold\": 1, \"text\": {\"confidentiality\": 1}},"
  " {\"id\": \"role\", \"label\": \"Roles\", \"threshold\": 1, \"text\": {\"officers' role\": 1}},"
  " {\"id\": \"safety\", \"label\": \"Safety\", \"threshold\": 1, \"text\": {\"health and safety\": 1}},"
  " {\"id\": \"email\", \"label\": \"Email\", \"threshold\": 1, \"text\": {\"e-mail\": 1}},"
  " {\"id\": \"ward\", \"label\": \"Wards\", \"threshold\": 2, \"text\": {\"ward\": 2, \"ward off\": -2}}"
  "]}";

typedef struct
{
  const char *text;
  const char *topic;    /* the one topic it must carry, or NULL for none */
} MatchCase;

static const MatchCase match_cases[] = {
  /* inflections */
  { "briefing", "brief" }, { "Briefings", "brief" }, { "BRIEFED", "brief" },
  { "two briefs", "brief" }, { "a brief note", "brief" },
  { "debriefing", NULL }, { "brie", NULL }, { "briefcase", NULL },
  { "the premises", "premises" }, { "a premise", "premises" },
  { "journalists", "press" }, { "the Press", "press" },
  { "pressure", NULL }, { "impress", NULL }, { "expressed", NULL },
  { "e-mail", "email" }, { "email", "email" }, { "E-mails", "email" }, { "emailed", "email" },
  /* hyphens, as typed and as PDFs break them */
  { "pre-election", "pre" }, { "pre election", "pre" }, { "Pre\u2010Election", "pre" },
  { "preelection", "pre" }, { "pre-elections", "pre" }, { "pre-\nelection", "pre" },
  { "pre- election", "pre" }, { "election", NULL },
  { "confiden-\ntiality", "conf" }, { "confiden-\r\n   tiality", "conf" },
  { "confiden\u00ADtiality", "conf" }, { "con\uFB01dentiality", "conf" },
  { "Confidentiality-", "conf" },
  /* apostrophes, straight and curly */
  { "officers' role", "role" }, { "officers\u2019 role", "role" }, { "officer's roles", "role" },
  { "Officer\u2019s Roles", "role" }, { "the officers role", "role" }, { "\u2018officers\u2019 role\u2019", "role" },
  /* spacing and ampersands */
  { "health and safety", "safety" }, { "Health  and\n   Safety", "safety" }, { "health & safety", "safety" },
  { "health\tand\u00A0safety", "safety" }, { "health, safety", NULL },
  /* a negative weight counts against */
  { "the ward", "ward" }, { "to ward off trouble", NULL },
  /* not UTF-8: read as far as it goes, never crash */
  { "briefing \xff\xfe premises", "brief" },
};

static void
test_matching (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatTopics) topics = load_string (matching_rules, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      const MatchCase *c = &match_cases[i];
      g_autoptr(GPtrArray) matches = concordat_topics_tag (topics, NULL, c->text);
      g_autofree char *got = describe (matches);
      gboolean right = c->topic == NULL ? matches->len == 0 : carries (matches, c->topic);

      if (!right)
        g_test_fail_printf ("“%s” should carry %s; it carries %s",
                            c->text, c->topic ? c->topic : "nothing", got);
    }
}

/* A rule counts once however often a paragraph says it. */
static void
test_matching_counts_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatTopics) topics = load_string (matching_rules, &error);
  g_autoptr(GPtrArray) matches = NULL;

  g_assert_no_error (error);
  matches = concordat_topics_tag (topics, NULL, "ward, ward and ward again: wards");
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpfloat (((ConcordatTopicMatch *) g_ptr_array_index (matches, 0))->weight, ==, 2);
}

/* --- the model protocol --- */

typedef struct
{
  char    *citation;
  char    *heading;
  GString *text;      /* the paragraph with its sub-items */
} Paragraph;

static void
paragraph_free (Paragraph *p)
{
  g_free (p->citation);
  g_free (p->heading);
  g_string_free (p->text, TRUE);
  g_free (p);
}

typedef struct
{
  GPtrArray *paragraphs;  /* Paragraph * */
  GPtrArray *headings;    /* char *, one a section */
  GPtrArray *problems;    /* char *, "line N: …" */
} Model;

static void
model_free (Model *m)
{
  g_ptr_array_unref (m->paragraphs);
  g_ptr_array_unref (m->headings);
  g_ptr_array_unref (m->problems);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

G_GNUC_PRINTF (3, 4)
static void
problem (Model      *m,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (m->problems, g_strdup_printf ("line %u: %s", line, message));
}

static void
check_plain_text (Model      *m,
                  guint       line,
                  const char *text)
{
  static const char * const markup[] = { "**", "__", "[", "](", "|", "<", ">", "`", "#", NULL };

  for (guint i = 0; markup[i] != NULL; i++)
    if (strstr (text, markup[i]) != NULL)
      problem (m, line, "“%s” is Markdown or HTML, which the model protocol does not use", markup[i]);
  if (g_str_has_suffix (text, " ") || strstr (text, "  ") != NULL)
    problem (m, line, "stray spaces");
}

typedef enum { SEEN_TITLE, SEEN_BLANK, SEEN_SECTION, SEEN_PARAGRAPH, SEEN_ITEM } Seen;

/* Splits the model protocol by its simple format and notes every departure
 * from the format; `last` is the kind of the line before, `before_blank` the
 * kind of the line before the last blank one. */
static Model *
split_model (const char *markdown)
{
  g_autoptr(Model) m = g_new0 (Model, 1);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autoptr(GRegex) section_re = g_regex_new ("^## ([0-9]+)\\. (\\S.*)$", 0, 0, NULL);
  g_autoptr(GRegex) paragraph_re = g_regex_new ("^([0-9]+)\\.([0-9]+) (\\S.*)$", 0, 0, NULL);
  Paragraph *current = NULL;
  Seen last = SEEN_TITLE, before_blank = SEEN_TITLE;
  guint section = 0, number = 0;
  guint n = g_strv_length (lines);

  m->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  m->headings = g_ptr_array_new_with_free_func (g_free);
  m->problems = g_ptr_array_new_with_free_func (g_free);

  if (n < 2 || !g_str_equal (lines[0], "# Model Member/Officer Protocol"))
    problem (m, 1, "the first line should be “# Model Member/Officer Protocol”");
  if (n < 2 || *lines[n - 1] != '\0' || *lines[n - 2] == '\0')
    problem (m, n, "the file should end with exactly one newline");

  for (guint i = 1; i + 1 < n; i++)
    {
      const char *line = lines[i];
      guint at = i + 1;
      g_autoptr(GMatchInfo) section_match = NULL;
      g_autoptr(GMatchInfo) paragraph_match = NULL;

      if (*line == '\0')
        {
          if (last == SEEN_BLANK)
            problem (m, at, "two blank lines in a row");
          before_blank = last;
          last = SEEN_BLANK;
        }
      else if (g_regex_match (section_re, line, 0, &section_match))
        {
          g_autofree char *digits = g_match_info_fetch (section_match, 1);

          if (last != SEEN_BLANK)
            problem (m, at, "a section heading needs a blank line before it");
          if (g_ascii_strtoull (digits, NULL, 10) != ++section)
            problem (m, at, "section %s should be section %u", digits, section);
          g_ptr_array_add (m->headings, g_match_info_fetch (section_match, 2));
          check_plain_text (m, at, line + 3);
          number = 0;
          current = NULL;
          last = SEEN_SECTION;
        }
      else if (g_regex_match (paragraph_re, line, 0, &paragraph_match))
        {
          g_autofree char *s = g_match_info_fetch (paragraph_match, 1);
          g_autofree char *p = g_match_info_fetch (paragraph_match, 2);

          if (last != SEEN_BLANK || before_blank == SEEN_TITLE)
            problem (m, at, "a paragraph needs a blank line before it, and a section above it");
          if (g_ascii_strtoull (s, NULL, 10) != section || g_ascii_strtoull (p, NULL, 10) != ++number)
            problem (m, at, "paragraph %s.%s should be %u.%u", s, p, section, number);
          current = g_new0 (Paragraph, 1);
          current->citation = g_strdup_printf ("%s.%s", s, p);
          current->heading = section > 0 ? g_strdup (g_ptr_array_index (m->headings, section - 1)) : NULL;
          current->text = g_string_new (NULL);
          g_string_append (current->text, line + strlen (current->citation) + 1);
          g_ptr_array_add (m->paragraphs, current);
          check_plain_text (m, at, current->text->str);
          if (!g_str_has_suffix (line, ".") && !g_str_has_suffix (line, ":"))
            problem (m, at, "a paragraph should end with a full stop, or a colon before its items");
          last = SEEN_PARAGRAPH;
        }
      else if (g_str_has_prefix (line, "- "))
        {
          gboolean first_item = last == SEEN_BLANK && before_blank == SEEN_PARAGRAPH &&
                                current != NULL && g_str_has_suffix (current->text->str, ":");

          if (last != SEEN_ITEM && !first_item)
            problem (m, at, "an item should follow the paragraph that introduces it with a colon, "
                     "or another item");
          if (!g_str_has_suffix (line, ";") && !g_str_has_suffix (line, "."))
            problem (m, at, "an item should end with a semicolon or a full stop");
          check_plain_text (m, at, line + 2);
          if (current != NULL)
            g_string_append_printf (current->text, "\n- %s", line + 2);
          last = SEEN_ITEM;
        }
      else
        {
          problem (m, at, "“%.40s” is not a section heading, a numbered paragraph or an item "
                   "(paragraphs are not wrapped)", line);
          last = SEEN_PARAGRAPH;
        }
    }

  return g_steal_pointer (&m);
}

static Model *
load_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = concordat_data_lookup (CONCORDAT_DATA_MODEL_PROTOCOL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return split_model (text);
}

static void
test_model_format (void)
{
  g_autoptr(Model) model = load_model ();

  for (guint i = 0; i < model->problems->len; i++)
    g_test_fail_printf ("model-protocol.md, %s", (char *) g_ptr_array_index (model->problems, i));
  g_assert_cmpuint (model->headings->len, >=, 14);
  g_assert_cmpuint (model->headings->len, <=, 18);
  g_assert_cmpuint (model->paragraphs->len, >=, 90);
  g_assert_cmpuint (model->paragraphs->len, <=, 140);
}

/* The rules the wizards rely on are in the model, in so many words. */
static void
test_model_says (void)
{
  g_autoptr(Model) model = load_model ();
  static const char * const sayings[] = {
    "offered to all groups", "leave before any party business", "2 working days",
    "at least every four years", "disclose it to the monitoring officer", "at the outset",
    "tell the manager in charge beforehand", "press release", "notice of election",
    "section 151", "head of paid service", NULL,
  };

  for (guint i = 0; sayings[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < model->paragraphs->len && !found; j++)
        found = strstr (((Paragraph *) g_ptr_array_index (model->paragraphs, j))->text->str, sayings[i]) != NULL;
      if (!found)
        g_test_fail_printf ("no paragraph of the model protocol says “%s”", sayings[i]);
    }
}

/* Every topic is carried by at least two paragraphs of the model, so every
 * wizard has something to cite on a fresh install. */
static void
test_model_coverage (void)
{
  g_autoptr(ConcordatTopics) topics = load_default ();
  g_autoptr(Model) model = load_model ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < model->paragraphs->len; i++)
    {
      Paragraph *p = g_ptr_array_index (model->paragraphs, i);
      g_autoptr(GPtrArray) matches = concordat_topics_tag (topics, p->heading, p->text->str);

      for (guint j = 0; j < matches->len; j++)
        {
          const char *id = ((ConcordatTopicMatch *) g_ptr_array_index (matches, j))->topic;

          g_hash_table_insert (counts, (gpointer) g_intern_string (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
        }
    }

  for (guint i = 0; expected_ids[i] != NULL; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, expected_ids[i]));

      g_test_message ("%s: %u paragraphs", expected_ids[i], count);
      if (count < 2)
        g_test_fail_printf ("only %u paragraphs of the model protocol carry %s", count, expected_ids[i]);
    }
}

/* A section given to one subject carries it in every paragraph. */
static void
test_model_sections (void)
{
  static const struct { const char *heading; const char *topic; } sections[] = {
    { "The role of members", "roles-members" },
    { "The role of officers", "roles-officers" },
    { "The statutory officers", "statutory-officers" },
    { "The Council as employer", "employment" },
    { "Close personal relationships", "relationships" },
    { "Party groups and officer briefings", "party-groups" },
    { "Overview and scrutiny", "scrutiny" },
    { "Ward members", "ward-members" },
    { "Members' access to information", "information-access" },
    { "Confidentiality", "confidentiality" },
    { "Correspondence", "correspondence" },
    { "Media contact", "media" },
    { "Members visiting council premises", "premises" },
    { "Use of council resources", "resources" },
    { "The pre-election period", "pre-election" },
    { "Concerns, complaints and breaches", "complaints" },
  };
  g_autoptr(ConcordatTopics) topics = load_default ();
  g_autoptr(Model) model = load_model ();

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      guint seen = 0;

      for (guint i = 0; i < model->paragraphs->len; i++)
        {
          Paragraph *p = g_ptr_array_index (model->paragraphs, i);
          g_autoptr(GPtrArray) matches = NULL;

          if (g_strcmp0 (p->heading, sections[s].heading) != 0)
            continue;
          seen++;
          matches = concordat_topics_tag (topics, p->heading, p->text->str);
          if (!carries (matches, sections[s].topic))
            {
              g_autofree char *got = describe (matches);

              g_test_fail_printf ("model paragraph %s should carry %s; it carries %s",
                                  p->citation, sections[s].topic, got);
            }
        }
      if (seen < 2)
        g_test_fail_printf ("the model protocol has no section “%s” with two paragraphs or more",
                            sections[s].heading);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/topics/default/ids", test_default_ids);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/topics/broken/%s", broken_cases[i].name);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/topics/broken/file", test_broken_file);
  g_test_add_func ("/topics/tag/paragraphs", test_tag_paragraphs);
  g_test_add_func ("/topics/tag/heading", test_tag_heading);
  g_test_add_func ("/topics/tag/order", test_tag_order);
  g_test_add_func ("/topics/matching/forms", test_matching);
  g_test_add_func ("/topics/matching/counts-once", test_matching_counts_once);
  g_test_add_func ("/topics/model/format", test_model_format);
  g_test_add_func ("/topics/model/says", test_model_says);
  g_test_add_func ("/topics/model/coverage", test_model_coverage);
  g_test_add_func ("/topics/model/sections", test_model_sections);

  return g_test_run ();
}
