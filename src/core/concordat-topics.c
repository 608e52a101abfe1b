/* concordat-topics.c: the rules that tag a protocol's paragraphs with topics,
 * loaded from data and applied to any council's text.
 *
 * A rule is a phrase with a weight, counted once if it appears in a
 * paragraph's text (or, for a heading rule, in the heading of the section the
 * paragraph sits in).  A paragraph carries a topic when the weights found add
 * up to the topic's threshold.  Protocols arrive as text pulled out of PDFs,
 * so the rules and the paragraphs go through the same normalisation: lower
 * case; apostrophes, straight or curly, dropped ("officer’s" reads
 * "officers"); a word hyphenated at a line break joined up again; ligatures
 * spelt out; "&" read as "and"; and every word cut to a rough stem, so that
 * "briefing", "briefings" and "briefed" all match "brief".  The rules are
 * cut to stems once, at load; tagging a paragraph is one pass over its words
 * with a hash lookup for each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "concordat-data.h"
#include "concordat-error.h"
#include "concordat-topics.h"

/* A text cut into stems: each word ends in a NUL inside buffer. */
typedef struct
{
  char   *buffer;
  char  **words;
  guint   n_words;
} Words;

typedef struct
{
  char   *id;
  char   *label;
  double  threshold;
} Topic;

/* One spelling of a rule.  A hyphenated rule ("pre-election") is also kept
 * joined up ("preelection"); both spellings share one rule number, so that
 * the rule counts once however the paragraph spells it. */
typedef struct
{
  Words    words;
  guint    rule;
  guint    topic;
  gboolean heading;
  double   weight;
} Phrase;

struct _ConcordatTopics
{
  GObject     parent_instance;

  GPtrArray  *topics;    /* Topic *, in file order */
  GStrv       ids;       /* the same order, for list_ids */
  GHashTable *by_id;     /* id → Topic *, borrowed */
  GPtrArray  *phrases;   /* Phrase * */
  GHashTable *index;     /* a phrase's first stem → GPtrArray of Phrase *, borrowed */
  guint       n_rules;
};

G_DEFINE_FINAL_TYPE (ConcordatTopics, concordat_topics, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ConcordatTopicMatch, concordat_topic_match,
                     concordat_topic_match_copy, concordat_topic_match_free)

/* --- words and stems --- */

static gboolean
ends_with (const char *w,
           gsize       n,
           const char *suffix)
{
  gsize m = strlen (suffix);

  return n >= m && memcmp (w + n - m, suffix, m) == 0;
}

static gboolean
has_vowel (const char *w,
           gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (strchr ("aeiouy", w[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "committ" (from "committed") → "commit"; not "staff" or "call". */
static gsize
undouble (const char *w,
          gsize       n)
{
  if (n >= 3 && w[n - 1] == w[n - 2] && strchr ("aeiouflsz", w[n - 1]) == NULL)
    return n - 1;
  return n;
}

/* Cuts @w (@n lower-case letters) to a rough stem, in place, and returns its
 * length.  Not a real stemmer: it only has to send the usual inflections of
 * a word to the same place, for the rules and the text alike. */
static gsize
stem (char  *w,
      gsize  n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (w[i]))
      return n;
  if (n <= 3)
    return n;

  if (n > 4 && ends_with (w, n, "ies"))
    w[(n -= 2) - 1] = 'y';
  else if (ends_with (w, n, "sses"))
    n -= 2;
  else if (w[n - 1] == 's' && !ends_with (w, n, "ss") && !ends_with (w, n, "us") &&
           !ends_with (w, n, "is") && !(n == 4 && memcmp (w, "news", 4) == 0))
    n -= 1;

  if (n > 5 && ends_with (w, n, "ing") && has_vowel (w, n - 3))
    n = undouble (w, n - 3);
  else if (n > 4 && ends_with (w, n, "ied"))
    w[(n -= 2) - 1] = 'y';
  else if (n > 4 && ends_with (w, n, "ed") && !ends_with (w, n, "eed") && has_vowel (w, n - 2))
    n = undouble (w, n - 2);

  if (n > 3 && w[n - 1] == 'e' && w[n - 2] != 'e')
    n -= 1;

  return n;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC ||
         c == 0x00B4 || c == 0x2032;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static const char *
ligature (gunichar c)
{
  switch (c)
    {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05:
    case 0xFB06: return "st";
    default:     return NULL;
    }
}

/* After a hyphen that follows a lower-case letter: if a line break or
 * spaces come next and then a lower-case letter, the hyphen broke one word
 * across lines ("confiden-\ntiality") and the word goes on there. */
static const char *
word_continues_after (const char *after_hyphen)
{
  const char *q = after_hyphen;

  while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
    q++;
  return q != after_hyphen && g_ascii_islower (*q) ? q : NULL;
}

typedef struct
{
  Words *w;
  char  *out;     /* where the next byte of a stem goes */
  char  *start;   /* the current word's first byte, or NULL between words */
} Splitter;

static void
splitter_end_word (Splitter *s)
{
  gsize n;

  if (s->start == NULL)
    return;
  n = stem (s->start, s->out - s->start);
  s->start[n] = '\0';
  s->w->words[s->w->n_words++] = s->start;
  s->out = s->start + n + 1;
  s->start = NULL;
}

static void
splitter_append (Splitter   *s,
                 const char *bytes,
                 gsize       n)
{
  if (s->start == NULL)
    s->start = s->out;
  memcpy (s->out, bytes, n);
  s->out += n;
}

/* Reads one character at *p and moves *p past it.  Bytes that are not
 * UTF-8 read as a space. */
static gunichar
next_char (const char **p)
{
  gunichar c;

  if ((guchar) **p < 0x80)
    return *(*p)++;

  c = g_utf8_get_char_validated (*p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      (*p)++;
      return ' ';
    }
  *p = g_utf8_next_char (*p);
  return c;
}

static void
words_split (Words      *w,
             const char *text)
{
  gsize len = strlen (text);
  Splitter s = { w, NULL, NULL };
  const char *p = text;

  /* A byte of text gives at most four of stems ("&" → "and" and its NUL)
   * and at most one word. */
  w->buffer = s.out = g_malloc (len * 4 + 8);
  w->words = g_new (char *, len + 2);
  w->n_words = 0;

  while (*p != '\0')
    {
      const char *here = p;
      gunichar c = next_char (&p);
      const char *spelt;
      char lower[6];

      if (c < 0x80 && g_ascii_isalnum (c))
        {
          lower[0] = g_ascii_tolower (c);
          splitter_append (&s, lower, 1);
        }
      else if (is_apostrophe (c) && s.start != NULL)
        continue;  /* "officer’s" reads "officers"; a quote mark ends nothing */
      else if (c == 0x00AD && s.start != NULL)
        p = word_continues_after (p) != NULL ? word_continues_after (p) : p;
      else if (is_hyphen (c) && s.start != NULL && here > text &&
               g_ascii_islower (here[-1]) && word_continues_after (p) != NULL)
        p = word_continues_after (p);
      else if ((spelt = ligature (c)) != NULL)
        splitter_append (&s, spelt, strlen (spelt));
      else if (c >= 0x80 && g_unichar_isalnum (c))
        splitter_append (&s, lower, g_unichar_to_utf8 (g_unichar_tolower (c), lower));
      else
        {
          splitter_end_word (&s);
          if (c == '&')
            {
              splitter_append (&s, "and", 3);
              splitter_end_word (&s);
            }
        }
    }
  splitter_end_word (&s);
}

static void
words_clear (Words *w)
{
  g_clear_pointer (&w->buffer, g_free);
  g_clear_pointer (&w->words, g_free);
  w->n_words = 0;
}

/* --- the rules --- */

static void
topic_free (Topic *topic)
{
  g_free (topic->id);
  g_free (topic->label);
  g_free (topic);
}

static void
phrase_free (Phrase *phrase)
{
  words_clear (&phrase->words);
  g_free (phrase);
}

static void
concordat_topics_finalize (GObject *object)
{
  ConcordatTopics *self = (ConcordatTopics *)object;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->phrases, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (concordat_topics_parent_class)->finalize (object);
}

static void
concordat_topics_class_init (ConcordatTopicsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_topics_finalize;
}

static void
concordat_topics_init (ConcordatTopics *self)
{
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) phrase_free);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
}

static void
index_phrase (ConcordatTopics *self,
              Phrase          *phrase)
{
  const char *first = phrase->words.words[0];
  GPtrArray *candidates = g_hash_table_lookup (self->index, first);

  if (candidates == NULL)
    {
      candidates = g_ptr_array_new ();
      g_hash_table_insert (self->index, (gpointer) first, candidates);
    }
  g_ptr_array_add (candidates, phrase);
  g_ptr_array_add (self->phrases, phrase);
}

static gboolean
words_equal (const Words *a,
             const Words *b)
{
  if (a->n_words != b->n_words)
    return FALSE;
  for (guint i = 0; i < a->n_words; i++)
    if (strcmp (a->words[i], b->words[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Adds a rule with words, in every spelling it has. */
static void
add_rule (ConcordatTopics *self,
          guint            topic,
          gboolean         heading,
          const char      *text,
          double           weight)
{
  g_auto(GStrv) pieces = g_strsplit (text, "-", -1);
  g_autofree char *joined = g_strjoinv ("", pieces);
  const char *spellings[] = { text, joined };
  const Words *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      Phrase *phrase = g_new0 (Phrase, 1);

      words_split (&phrase->words, spellings[i]);
      if (phrase->words.n_words == 0 || (first != NULL && words_equal (first, &phrase->words)))
        {
          phrase_free (phrase);
          continue;
        }
      phrase->rule = self->n_rules;
      phrase->topic = topic;
      phrase->heading = heading;
      phrase->weight = weight;
      index_phrase (self, phrase);
      if (first == NULL)
        first = &phrase->words;
    }
  g_assert (first != NULL);
  self->n_rules++;
}

/* --- reading the rules file --- */

/* Where the reader has got to in a rules file, for its messages. */
typedef struct
{
  ConcordatTopics *self;
  const char      *source;     /* the file's name */
  GHashTable      *ids;        /* the topic ids read so far */
  GHashTable      *phrases;    /* the phrases of the object being read, by what they match */
  char            *where;      /* "topic 3", then "topic “media”" */
  guint            topic;      /* the current topic's index */
  double           reachable;  /* the sum of its positive weights */
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
invalid (Reader      *r,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID, "%s: %s", r->source, message);
  return FALSE;
}

/* What a JSON value is, in the words of someone editing the file. */
static const char *
json_kind (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return "an object";
    case JSON_NODE_ARRAY:  return "a list";
    case JSON_NODE_NULL:   return "null";
    case JSON_NODE_VALUE:
    default:
      type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        return "a string";
      if (type == G_TYPE_BOOLEAN)
        return "true or false";
      return "a number";
    }
}

static gboolean
json_is_type (JsonNode *node,
              GType     type)
{
  GType held;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  held = json_node_get_value_type (node);
  return held == type || (type == G_TYPE_DOUBLE && held == G_TYPE_INT64);
}

static gboolean
check_keys (Reader      *r,
            JsonObject  *object,
            const char  *where,
            const char  *allowed,
            GError     **error)
{
  g_autoptr(GList) names = json_object_get_members (object);
  g_auto(GStrv) known = g_strsplit (allowed, ", ", -1);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains ((const char * const *) known, l->data))
      return invalid (r, error, "%s has an unknown key “%s”; the keys allowed there are %s",
                      where, (const char *) l->data, allowed);
  return TRUE;
}

/* The phrase as it is matched: its stems, space-separated; "" if it has no
 * words.  Two phrases with the same key are one rule written twice. */
static char *
phrase_key (const char *phrase)
{
  Words words = { 0 };
  char *key;

  words_split (&words, phrase);
  words.words[words.n_words] = NULL;
  key = g_strjoinv (" ", words.words);
  words_clear (&words);
  return key;
}

/* The key of the phrase with its hyphens taken out: "e-mail" is also
 * looked for as "email". */
static char *
joined_key (const char *phrase)
{
  g_auto(GStrv) pieces = g_strsplit (phrase, "-", -1);
  g_autofree char *joined = g_strjoinv ("", pieces);

  return phrase_key (joined);
}

/* Reads one entry of a topic's "text" or "heading" object (@scope). */
static gboolean
read_phrase (Reader      *r,
             const char  *scope,
             const char  *phrase,
             JsonNode    *weight_node,
             GError     **error)
{
  g_autofree char *key = phrase_key (phrase);
  g_autofree char *joined = joined_key (phrase);
  const char *same;
  double weight;

  if (!json_is_type (weight_node, G_TYPE_DOUBLE))
    return invalid (r, error, "in %s, the weight of the %s phrase “%s” should be a number, not %s",
                    r->where, scope, phrase, json_kind (weight_node));
  weight = json_node_get_double (weight_node);
  if (weight == 0 || !isfinite (weight))
    return invalid (r, error, "in %s, the %s phrase “%s” has a weight of 0; give it a positive "
                    "weight, or a negative one to count against the topic", r->where, scope, phrase);
  if (*key == '\0')
    return invalid (r, error, "in %s, the %s phrase “%s” has no words to look for",
                    r->where, scope, phrase);
  if ((same = g_hash_table_lookup (r->phrases, key)) != NULL ||
      (same = g_hash_table_lookup (r->phrases, joined)) != NULL)
    return invalid (r, error, "in %s, the %s phrases “%s” and “%s” match the same words (case, "
                    "apostrophes and word endings are ignored); keep one of them",
                    r->where, scope, same, phrase);

  g_hash_table_insert (r->phrases, g_steal_pointer (&key), (gpointer) phrase);
  g_hash_table_insert (r->phrases, g_steal_pointer (&joined), (gpointer) phrase);
  add_rule (r->self, r->topic, g_str_equal (scope, "heading"), phrase, weight);
  if (weight > 0)
    r->reachable += weight;
  return TRUE;
}

/* Reads a topic's "text" or "heading" object (@scope): phrase → weight. */
static gboolean
read_phrases (Reader      *r,
              JsonObject  *topic,
              const char  *scope,
              GError     **error)
{
  g_autoptr(GList) names = NULL;
  JsonNode *node = json_object_get_member (topic, scope);
  JsonObject *object;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (r, error, "in %s, “%s” should be an object of phrases and their weights, "
                    "like {\"press release\": 3}, not %s", r->where, scope, json_kind (node));

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  g_hash_table_remove_all (r->phrases);
  for (GList *l = names; l != NULL; l = l->next)
    if (!read_phrase (r, scope, l->data, json_object_get_member (object, l->data), error))
      return FALSE;
  return TRUE;
}

/* Ids appear in links and in wizard definitions: lower-case words joined by
 * hyphens, like "pre-election". */
static gboolean
read_id_and_label (Reader      *r,
                   JsonObject  *object,
                   Topic       *topic,
                   GError     **error)
{
  JsonNode *id = json_object_get_member (object, "id");
  JsonNode *label = json_object_get_member (object, "label");

  if (id == NULL)
    return invalid (r, error, "%s has no “id”; give it one such as \"media\"", r->where);
  if (!json_is_type (id, G_TYPE_STRING))
    return invalid (r, error, "%s has an “id” that is %s; it should be a string such as \"media\"",
                    r->where, json_kind (id));
  topic->id = g_strdup (json_node_get_string (id));
  if (!g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", topic->id, 0, 0))
    return invalid (r, error, "%s has the id “%s”; an id is lower-case letters and digits in "
                    "words joined by hyphens, such as \"pre-election\"", r->where, topic->id);
  if (g_hash_table_contains (r->ids, topic->id))
    return invalid (r, error, "the id “%s” is used by two topics; each topic needs its own id",
                    topic->id);
  g_hash_table_add (r->ids, topic->id);

  if (json_is_type (label, G_TYPE_STRING))
    topic->label = g_strstrip (g_strdup (json_node_get_string (label)));
  if (topic->label == NULL || *topic->label == '\0')
    return invalid (r, error, "topic “%s” has no “label”; give it the name people will see, "
                    "such as \"Media\"", topic->id);
  return TRUE;
}

static gboolean
read_topic (Reader      *r,
            JsonNode    *node,
            GError     **error)
{
  JsonObject *object;
  JsonNode *threshold;
  Topic *topic;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (r, error, "%s should be an object with an id, a label, a threshold and its "
                    "phrases, not %s", r->where, json_kind (node));
  object = json_node_get_object (node);

  topic = g_new0 (Topic, 1);
  g_ptr_array_add (r->self->topics, topic);
  if (!read_id_and_label (r, object, topic, error))
    return FALSE;
  g_free (r->where);
  r->where = g_strdup_printf ("topic “%s”", topic->id);
  if (!check_keys (r, object, r->where, "id, label, threshold, text, heading, comment", error))
    return FALSE;

  threshold = json_object_get_member (object, "threshold");
  if (!json_is_type (threshold, G_TYPE_DOUBLE) || !(json_node_get_double (threshold) > 0) ||
      !isfinite (json_node_get_double (threshold)))
    return invalid (r, error, "%s needs a “threshold”, a number above 0: the weight of the "
                    "phrases a paragraph must have to carry the topic", r->where);
  topic->threshold = json_node_get_double (threshold);

  if (!read_phrases (r, object, "text", error) || !read_phrases (r, object, "heading", error))
    return FALSE;
  if (r->reachable < topic->threshold)
    return invalid (r, error, "%s can never be found: its phrases weigh %g in all, less than "
                    "its threshold of %g", r->where, r->reachable, topic->threshold);
  return TRUE;
}

static gboolean
read_version (Reader      *r,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *version = json_object_get_member (root, "version");

  if (!json_is_type (version, G_TYPE_INT64) || json_node_get_int (version) < 1)
    return invalid (r, error, "“version” should be the whole number %d",
                    CONCORDAT_TOPICS_FORMAT_VERSION);
  if (json_node_get_int (version) > CONCORDAT_TOPICS_FORMAT_VERSION)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW,
                   "%s: the file is in version %" G_GINT64_FORMAT " of the topic rules format; "
                   "this version of Concordat reads version %d",
                   r->source, json_node_get_int (version), CONCORDAT_TOPICS_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_root (Reader      *r,
           JsonNode    *root,
           GError     **error)
{
  JsonObject *object;
  JsonNode *topics;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (r, error, "the file should hold one object, {\"version\": %d, \"topics\": […]}",
                    CONCORDAT_TOPICS_FORMAT_VERSION);
  object = json_node_get_object (root);
  if (!check_keys (r, object, "the top level", "version, topics, comment", error) ||
      !read_version (r, object, error))
    return FALSE;

  topics = json_object_get_member (object, "topics");
  if (topics == NULL || !JSON_NODE_HOLDS_ARRAY (topics) ||
      json_array_get_length (json_node_get_array (topics)) == 0)
    return invalid (r, error, "“topics” should be a list of at least one topic");

  array = json_node_get_array (topics);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_free (r->where);
      r->where = g_strdup_printf ("topic %u", i + 1);
      r->topic = i;
      r->reachable = 0;
      if (!read_topic (r, json_array_get_element (array, i), error))
        return FALSE;
    }
  return TRUE;
}

static void
finish_loading (ConcordatTopics *self)
{
  self->ids = g_new0 (char *, self->topics->len + 1);
  for (guint i = 0; i < self->topics->len; i++)
    {
      Topic *topic = g_ptr_array_index (self->topics, i);

      self->ids[i] = g_strdup (topic->id);
      g_hash_table_insert (self->by_id, topic->id, topic);
    }
}

static ConcordatTopics *
load (GBytes      *json,
      const char  *source,
      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ConcordatTopics) self = g_object_new (CONCORDAT_TYPE_TOPICS, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  Reader r = { self, source, ids, phrases, NULL, 0, 0 };
  gboolean ok;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (size == 0)
    ok = invalid (&r, error, "the file is empty; it should hold the topic rules as JSON");
  else if (!json_parser_load_from_data (parser, data, size, &local_error))
    ok = invalid (&r, error, "this is not valid JSON (%s)", local_error->message);
  else
    ok = read_root (&r, json_parser_get_root (parser), error);
  g_free (r.where);
  if (!ok)
    return NULL;

  finish_loading (self);
  return g_steal_pointer (&self);
}

/**
 * concordat_topics_load_from_bytes:
 * @json: the rules, in the format of data/topics.json
 *
 * Returns: (transfer full): the rules, ready to tag paragraphs; or %NULL
 *   with @error saying what is wrong with the file and where
 */
ConcordatTopics *
concordat_topics_load_from_bytes (GBytes  *json,
                                  GError **error)
{
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load (json, "topics.json", error);
}

/**
 * concordat_topics_load_from_file:
 * @path: a rules file in the format of data/topics.json
 *
 * Returns: (transfer full): the rules; or %NULL with @error naming @path
 */
ConcordatTopics *
concordat_topics_load_from_file (const char  *path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot read the topic rules: %s", local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, length);
  return load (bytes, path, error);
}

/**
 * concordat_topics_load_default:
 *
 * Returns: (transfer full): the rules Concordat is built with
 */
ConcordatTopics *
concordat_topics_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = concordat_data_lookup (CONCORDAT_DATA_TOPICS, error);
  if (bytes == NULL)
    return NULL;
  return load (bytes, "topics.json (built in)", error);
}

/**
 * concordat_topics_list_ids:
 *
 * Returns: (transfer none): the topics' ids in the order of the rules file,
 *   %NULL-terminated
 */
const char * const *
concordat_topics_list_ids (ConcordatTopics *self)
{
  g_return_val_if_fail (CONCORDAT_IS_TOPICS (self), NULL);

  return (const char * const *) self->ids;
}

/**
 * concordat_topics_get_label:
 * @id: a topic's id
 *
 * Returns: (nullable): the topic's label, such as "Party groups"; %NULL if
 *   the rules have no topic @id
 */
const char *
concordat_topics_get_label (ConcordatTopics *self,
                            const char      *id)
{
  Topic *topic;

  g_return_val_if_fail (CONCORDAT_IS_TOPICS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  topic = g_hash_table_lookup (self->by_id, id);
  return topic != NULL ? topic->label : NULL;
}

/* --- tagging --- */

static gboolean
phrase_matches_at (const Phrase *phrase,
                   const Words  *words,
                   guint         at)
{
  if (at + phrase->words.n_words > words->n_words)
    return FALSE;
  /* The first word matched already: it is the index's key. */
  for (guint i = 1; i < phrase->words.n_words; i++)
    if (strcmp (phrase->words.words[i], words->words[at + i]) != 0)
      return FALSE;
  return TRUE;
}

static void
score (ConcordatTopics *self,
       const char      *text,
       gboolean         heading,
       double          *scores,
       guint8          *counted)
{
  Words words = { 0 };

  words_split (&words, text);
  for (guint at = 0; at < words.n_words; at++)
    {
      GPtrArray *candidates = g_hash_table_lookup (self->index, words.words[at]);

      for (guint i = 0; candidates != NULL && i < candidates->len; i++)
        {
          const Phrase *phrase = g_ptr_array_index (candidates, i);

          if (phrase->heading != heading || counted[phrase->rule] ||
              !phrase_matches_at (phrase, &words, at))
            continue;
          counted[phrase->rule] = TRUE;
          scores[phrase->topic] += phrase->weight;
        }
    }
  words_clear (&words);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const ConcordatTopicMatch *x = *(ConcordatTopicMatch * const *) a;
  const ConcordatTopicMatch *y = *(ConcordatTopicMatch * const *) b;

  return (x->weight < y->weight) - (x->weight > y->weight);
}

/**
 * concordat_topics_tag:
 * @heading: (nullable): the heading of the section the paragraph is in
 * @text: the paragraph's text, with its sub-items
 *
 * Returns: (transfer full) (element-type ConcordatTopicMatch): the topics
 *   the paragraph carries, strongest first; topics as strong as each other
 *   keep the order of the rules file.  Empty if it carries none.
 */
GPtrArray *
concordat_topics_tag (ConcordatTopics *self,
                      const char      *heading,
                      const char      *text)
{
  g_autofree double *scores = NULL;
  g_autofree guint8 *counted = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (CONCORDAT_IS_TOPICS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  scores = g_new0 (double, self->topics->len);
  counted = g_new0 (guint8, self->n_rules);
  if (heading != NULL)
    score (self, heading, TRUE, scores, counted);
  score (self, text, FALSE, scores, counted);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_topic_match_free);
  for (guint i = 0; i < self->topics->len; i++)
    {
      Topic *topic = g_ptr_array_index (self->topics, i);
      ConcordatTopicMatch *match;

      /* A little slack, so that 0.1 + 0.2 reaches a threshold of 0.3. */
      if (scores[i] < topic->threshold - 1e-9)
        continue;
      match = g_new (ConcordatTopicMatch, 1);
      match->topic = g_strdup (topic->id);
      match->weight = scores[i];
      g_ptr_array_add (matches, match);
    }
  /* g_ptr_array_sort is stable: equal weights stay in file order. */
  g_ptr_array_sort (matches, compare_matches);
  return matches;
}

ConcordatTopicMatch *
concordat_topic_match_copy (const ConcordatTopicMatch *match)
{
  ConcordatTopicMatch *copy;

  g_return_val_if_fail (match != NULL, NULL);

  copy = g_new (ConcordatTopicMatch, 1);
  copy->topic = g_strdup (match->topic);
  copy->weight = match->weight;
  return copy;
}

void
concordat_topic_match_free (ConcordatTopicMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->topic);
  g_free (match);
}
