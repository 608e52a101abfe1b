/* concordat-wizard-loader.c: reading a wizard definition strictly, and finding
 * the bundled ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-data.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-store-private.h"
#include "concordat-wizard-private.h"

G_GNUC_PRINTF (4, 5)
gboolean
concordat_wizard_invalid (Loader      *l,
                          GError     **error,
                          const char  *where,
                          const char  *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID, "%s: %s%s%s", l->source,
               where != NULL ? where : "", where != NULL ? ": " : "", message);
  return FALSE;
}

char *
concordat_wizard_at (const char *path,
                     const char *key)
{
  return *path != '\0' ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
}

char *
concordat_wizard_nth (const char *path,
                      guint       i)
{
  return g_strdup_printf ("%s[%u]", path, i);
}

gboolean
concordat_wizard_check_keys (Loader             *l,
                             JsonObject         *object,
                             const char         *path,
                             const char         *what,
                             const char * const *allowed,
                             GError            **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *n = names; n != NULL; n = n->next)
    if (!g_strv_contains (allowed, n->data))
      {
        g_autofree char *where = concordat_wizard_at (path, n->data);
        g_autofree char *words = concordat_wizard_join_words (allowed, " or ");

        return concordat_wizard_invalid (l, error, where, "“%s” is not a key of %s; use %s",
                                         (const char *) n->data, what, words);
      }
  return TRUE;
}

JsonObject *
concordat_wizard_read_object (Loader      *l,
                              JsonNode    *node,
                              const char  *where,
                              const char  *what,
                              GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  concordat_wizard_invalid (l, error, where, "should be %s, an object, not %s", what, concordat_wizard_describe_node (node));
  return NULL;
}

/* Reads @key of @object as trimmed text, not empty.  Leaves *@out NULL
 * when it is not there and not @required. */
gboolean
concordat_wizard_read_text (Loader      *l,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           const char  *hint,
           char       **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *where = concordat_wizard_at (path, key);
  g_autofree char *text = NULL;

  if (node == NULL)
    return !required || concordat_wizard_invalid (l, error, where, "missing; %s", hint);
  if (!concordat_wizard_holds_string (node))
    return concordat_wizard_invalid (l, error, where, "should be text, not %s; %s", concordat_wizard_describe_node (node), hint);
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    return concordat_wizard_invalid (l, error, where, "is empty; %s", hint);
  *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_id (Loader      *l,
         JsonObject  *object,
         const char  *path,
         const char  *extra,
         const char  *hint,
         char       **out,
         GError     **error)
{
  g_autofree char *where = concordat_wizard_at (path, "id");
  g_autofree char *id = NULL;

  if (!concordat_wizard_read_text (l, object, path, "id", TRUE, hint, &id, error))
    return FALSE;
  if (!concordat_wizard_is_id (id, extra))
    return concordat_wizard_invalid (l, error, where, "“%s” is not an id; %s", id, hint);
  *out = g_steal_pointer (&id);
  return TRUE;
}

/* A list under @key, or NULL with no error when it is absent and may be. */
gboolean
concordat_wizard_read_list (Loader      *l,
                            JsonObject  *object,
                            const char  *path,
                            const char  *key,
                            guint        min,
                            const char  *hint,
                            JsonArray  **out,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *where = concordat_wizard_at (path, key);

  *out = NULL;
  if (node == NULL)
    return min == 0 || concordat_wizard_invalid (l, error, where, "missing; %s", hint);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return concordat_wizard_invalid (l, error, where, "should be a list, not %s; %s", concordat_wizard_describe_node (node), hint);
  if (json_array_get_length (json_node_get_array (node)) < min)
    return concordat_wizard_invalid (l, error, where, "has too few entries; %s", hint);
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_topic (Loader      *l,
            JsonNode    *node,
            const char  *where,
            char       **out,
            GError     **error)
{
  const char * const *ids = concordat_topics_list_ids (l->self->topics);
  g_autofree char *words = concordat_wizard_join_words (ids, " or ");

  if (!concordat_wizard_holds_string (node))
    return concordat_wizard_invalid (l, error, where, "should be a topic's id, such as \"party-groups\", not %s",
                                     concordat_wizard_describe_node (node));
  if (!g_strv_contains (ids, json_node_get_string (node)))
    return concordat_wizard_invalid (l, error, where, "“%s” is not a topic; use %s", json_node_get_string (node),
                                     words);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* --- steps and fields --- */

static gboolean
read_choices (Loader          *l,
              JsonObject      *object,
              const char      *path,
              ConcordatField  *field,
              GError         **error)
{
  static const char * const keys[] = { "value", "label", NULL };
  g_autofree char *where = concordat_wizard_at (path, "choices");
  JsonArray *list;

  if (field->type != CONCORDAT_FIELD_CHOICE)
    return !json_object_has_member (object, "choices") ||
           concordat_wizard_invalid (l, error, where, "only a choice question has choices; remove them, or make "
                                     "its type choice");
  if (!concordat_wizard_read_list (l, object, path, "choices", 2, "a choice question needs at least two choices, "
                                   "each {\"value\": …, \"label\": …}", &list, error))
    return FALSE;

  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_wizard_choice_free);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *each = concordat_wizard_nth (where, i);
      g_autofree char *value_at = concordat_wizard_at (each, "value");
      JsonObject *o = concordat_wizard_read_object (l, json_array_get_element (list, i), each,
                                                    "a choice, {\"value\": …, \"label\": …}", error);
      ConcordatChoice *choice;

      if (o == NULL || !concordat_wizard_check_keys (l, o, each, "a choice", keys, error))
        return FALSE;
      choice = g_new0 (ConcordatChoice, 1);
      g_ptr_array_add (field->choices, choice);
      if (!concordat_wizard_read_text (l, o, each, "value", TRUE, "give the value an answer records, such as "
                      "\"group-leader\"", &choice->value, error) ||
          !concordat_wizard_read_text (l, o, each, "label", TRUE, "give the words the person chooses", &choice->label,
                      error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((ConcordatChoice *) g_ptr_array_index (field->choices, j))->value,
                         choice->value))
          return concordat_wizard_invalid (l, error, value_at, "“%s” is the value of choice %u too; give each "
                                           "choice its own value", choice->value, j);
    }
  return TRUE;
}

static gboolean
read_field_type (Loader          *l,
                 JsonObject      *object,
                 const char      *path,
                 ConcordatField  *field,
                 GError         **error)
{
  g_autofree char *where = concordat_wizard_at (path, "type");
  g_autofree char *words = concordat_wizard_join_words (concordat_wizard_field_types, " or ");
  g_autofree char *type = NULL;
  g_autofree char *hint = g_strdup_printf ("give the kind of answer it takes: %s", words);

  if (!concordat_wizard_read_text (l, object, path, "type", TRUE, hint, &type, error))
    return FALSE;
  for (guint i = 0; concordat_wizard_field_types[i] != NULL; i++)
    if (g_str_equal (concordat_wizard_field_types[i], type))
      {
        field->type = (ConcordatFieldType) i;
        return TRUE;
      }
  return concordat_wizard_invalid (l, error, where, "“%s” is not a field type; use %s", type, words);
}

static gboolean
read_field (Loader         *l,
            ConcordatStep  *step,
            JsonNode       *node,
            const char     *path,
            GError        **error)
{
  static const char * const keys[] = {
    "id", "type", "label", "help", "required", "choices", "when", NULL,
  };
  g_autofree char *id_at = concordat_wizard_at (path, "id");
  g_autofree char *required_at = concordat_wizard_at (path, "required");
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a question", error);
  ConcordatField *field;
  JsonNode *required;

  if (object == NULL || !concordat_wizard_check_keys (l, object, path, "a field", keys, error))
    return FALSE;
  field = g_new0 (ConcordatField, 1);
  g_ptr_array_add (step->fields, field);
  if (!read_id (l, object, path, "_", "use lower case letters, digits and “_”, such as "
                "\"meeting_date\"", &field->id, error))
    return FALSE;
  if (g_str_equal (field->id, "each"))
    return concordat_wizard_invalid (l, error, id_at, "“each” stands for the item of a repeated duty; give the "
                                     "question another id");
  if (g_hash_table_contains (l->self->fields, field->id))
    return concordat_wizard_invalid (l, error, id_at, "“%s” is the id of an earlier question too; every question "
                                     "needs its own id", field->id);
  if (!read_field_type (l, object, path, field, error) ||
      !concordat_wizard_read_text (l, object, path, "label", TRUE, "give the question the person answers",
                  &field->label, error) ||
      !concordat_wizard_read_text (l, object, path, "help", FALSE, "give more about the question, or leave "
                  "“help” out", &field->help, error) ||
      !read_choices (l, object, path, field, error) ||
      !concordat_wizard_read_when (l, object, path, &field->when, error))
    return FALSE;

  required = json_object_get_member (object, "required");
  if (required != NULL && !concordat_wizard_holds_boolean (required))
    return concordat_wizard_invalid (l, error, required_at, "should be true or false, not %s",
                                     concordat_wizard_describe_node (required));
  field->required = required != NULL && json_node_get_boolean (required);

  /* Only now may later conditions use it. */
  g_hash_table_insert (l->self->fields, field->id, field);
  g_hash_table_insert (l->self->field_steps, field->id, step);
  g_ptr_array_add (l->self->field_ids, field->id);
  return TRUE;
}

static gboolean
read_stop (Loader         *l,
           ConcordatStep  *step,
           JsonNode       *node,
           const char     *path,
           GError        **error)
{
  static const char * const keys[] = { "when", "reason", "topic", NULL };
  g_autofree char *when_at = concordat_wizard_at (path, "when");
  g_autofree char *topic_at = concordat_wizard_at (path, "topic");
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a stop, {\"when\": …, \"reason\": …}", error);
  ConcordatStop *stop;

  if (object == NULL || !concordat_wizard_check_keys (l, object, path, "a stop", keys, error))
    return FALSE;
  stop = g_new0 (ConcordatStop, 1);
  g_ptr_array_add (step->stops, stop);
  if (!json_object_has_member (object, "when"))
    return concordat_wizard_invalid (l, error, when_at, "missing; a stop needs the condition under which the "
                                     "wizard must not go ahead");
  if (!concordat_wizard_read_when (l, object, path, &stop->when, error) ||
      !concordat_wizard_read_text (l, object, path, "reason", TRUE, "say why the person must not go ahead",
                  &stop->reason, error))
    return FALSE;
  return !json_object_has_member (object, "topic") ||
         read_topic (l, json_object_get_member (object, "topic"), topic_at, &stop->topic, error);
}

static gboolean
read_step_topics (Loader         *l,
                  JsonObject     *object,
                  const char     *path,
                  ConcordatStep  *step,
                  GError        **error)
{
  g_autofree char *where = concordat_wizard_at (path, "topics");
  g_autoptr(GStrvBuilder) topics = g_strv_builder_new ();
  JsonArray *list;

  if (!concordat_wizard_read_list (l, object, path, "topics", 0, "give the topics whose paragraphs the step cites",
                                   &list, error))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *each = concordat_wizard_nth (where, i);
      g_autofree char *topic = NULL;

      if (!read_topic (l, json_array_get_element (list, i), each, &topic, error))
        return FALSE;
      g_strv_builder_add (topics, topic);
    }
  step->topics = g_strv_builder_end (topics);
  return TRUE;
}

static gboolean
read_step (Loader      *l,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const keys[] = {
    "id", "title", "help", "topics", "when", "fields", "stops", NULL,
  };
  g_autofree char *id_at = concordat_wizard_at (path, "id");
  g_autofree char *fields_at = concordat_wizard_at (path, "fields");
  g_autofree char *stops_at = concordat_wizard_at (path, "stops");
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a step", error);
  ConcordatStep *step;
  JsonArray *fields;
  JsonArray *stops;

  if (object == NULL || !concordat_wizard_check_keys (l, object, path, "a step", keys, error))
    return FALSE;
  step = g_new0 (ConcordatStep, 1);
  step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_wizard_field_free);
  step->stops = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_wizard_stop_free);
  g_ptr_array_add (l->self->steps, step);

  if (!read_id (l, object, path, "-_", "use lower case letters, digits, “-” and “_”, such as "
                "\"route\"", &step->id, error))
    return FALSE;
  for (guint i = 0; i + 1 < l->self->steps->len; i++)
    if (g_str_equal (((ConcordatStep *) g_ptr_array_index (l->self->steps, i))->id, step->id))
      return concordat_wizard_invalid (l, error, id_at, "“%s” is the id of steps[%u] too; every step needs its "
                                       "own id", step->id, i);
  if (!concordat_wizard_read_text (l, object, path, "title", TRUE, "every step needs a title, the heading shown "
                  "above its questions", &step->title, error) ||
      !concordat_wizard_read_text (l, object, path, "help", FALSE, "give the text shown above the questions, or "
                  "leave “help” out", &step->help, error) ||
      !read_step_topics (l, object, path, step, error) ||
      !concordat_wizard_read_when (l, object, path, &step->when, error) ||
      !concordat_wizard_read_list (l, object, path, "fields", 1, "a step needs at least one question", &fields, error) ||
      !concordat_wizard_read_list (l, object, path, "stops", 0, "give a list of stops, or leave “stops” out",
                                   &stops, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      g_autofree char *each = concordat_wizard_nth (fields_at, i);

      if (!read_field (l, step, json_array_get_element (fields, i), each, error))
        return FALSE;
    }
  for (guint i = 0; stops != NULL && i < json_array_get_length (stops); i++)
    {
      g_autofree char *each = concordat_wizard_nth (stops_at, i);

      if (!read_stop (l, step, json_array_get_element (stops, i), each, error))
        return FALSE;
    }
  return TRUE;
}

/* --- the top level --- */

static gboolean
read_format (Loader      *l,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");

  if (format == NULL)
    return concordat_wizard_invalid (l, error, "format", "missing; give the format's version, %d",
                                     CONCORDAT_WIZARD_FORMAT_VERSION);
  if (!concordat_wizard_holds_integer (format) || json_node_get_int (format) < 1)
    return concordat_wizard_invalid (l, error, "format", "should be the whole number %d",
                                     CONCORDAT_WIZARD_FORMAT_VERSION);
  if (json_node_get_int (format) > CONCORDAT_WIZARD_FORMAT_VERSION)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW,
                   "%s: format: the wizard is in version %" G_GINT64_FORMAT " of the wizard "
                   "format; this version of Concordat reads version %d, so use a newer Concordat",
                   l->source, json_node_get_int (format), CONCORDAT_WIZARD_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_audience (Loader      *l,
               JsonObject  *root,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  JsonArray *list;

  if (!concordat_wizard_read_list (l, root, "", "audience", 1, "give who it is for: member, officer or both",
                                   &list, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *each = concordat_wizard_nth ("audience", i);
      JsonNode *node = json_array_get_element (list, i);
      const char *who = concordat_wizard_holds_string (node) ? json_node_get_string (node) : NULL;

      if (who == NULL || !g_strv_contains (concordat_wizard_audiences, who))
        return concordat_wizard_invalid (l, error, each, "should be member or officer");
      if (g_ptr_array_find_with_equal_func (seen, who, g_str_equal, NULL))
        return concordat_wizard_invalid (l, error, each, "“%s” is listed twice; list each once", who);
      g_ptr_array_add (seen, (gpointer) who);
      g_strv_builder_add (builder, who);
    }
  l->self->audience = g_strv_builder_end (builder);
  return TRUE;
}

/* Where each field is, before anything is read, so that a condition on a
 * later field is told apart from one on a field that does not exist. */
static void
look_ahead (Loader     *l,
            JsonObject *root)
{
  JsonNode *steps = json_object_get_member (root, "steps");

  if (steps == NULL || !JSON_NODE_HOLDS_ARRAY (steps))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (steps)); i++)
    {
      JsonNode *step = json_array_get_element (json_node_get_array (steps), i);
      JsonNode *fields;

      if (!JSON_NODE_HOLDS_OBJECT (step))
        continue;
      fields = json_object_get_member (json_node_get_object (step), "fields");
      if (fields == NULL || !JSON_NODE_HOLDS_ARRAY (fields))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (fields)); j++)
        {
          JsonNode *field = json_array_get_element (json_node_get_array (fields), j);
          JsonNode *id;

          if (!JSON_NODE_HOLDS_OBJECT (field))
            continue;
          id = json_object_get_member (json_node_get_object (field), "id");
          if (concordat_wizard_holds_string (id) && !g_hash_table_contains (l->ahead, json_node_get_string (id)))
            g_hash_table_insert (l->ahead, g_strdup (json_node_get_string (id)),
                                 g_strdup_printf ("steps[%u].fields[%u]", i, j));
        }
    }
}

/* JSON can write half a character, "\ud800", which the parser lets
 * through as bytes that are not UTF-8; no text of a wizard may hold it. */
static gboolean
check_text (Loader      *l,
            JsonNode    *node,
            const char  *path,
            GError     **error)
{
  if (node == NULL)
    return TRUE;
  if (concordat_wizard_holds_string (node))
    return g_utf8_validate (json_node_get_string (node), -1, NULL) ||
           concordat_wizard_invalid (l, error, *path != '\0' ? path : NULL, "the text has a \\u escape for half of a "
                                     "character, such as \\ud800; write the character itself");
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = concordat_wizard_nth (path, i);

          if (!check_text (l, json_array_get_element (array, i), where, error))
            return FALSE;
        }
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *n = names; n != NULL; n = n->next)
        {
          g_autofree char *where = NULL;

          if (!g_utf8_validate (n->data, -1, NULL))
            return concordat_wizard_invalid (l, error, *path != '\0' ? path : NULL,
                                             "a key has a \\u escape for half of a character, "
                                             "such as \\ud800; write the character itself");
          where = concordat_wizard_at (path, n->data);
          if (!check_text (l, json_object_get_member (object, n->data), where, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_root (Loader      *l,
           JsonNode    *node,
           GError     **error)
{
  static const char * const keys[] = {
    "format", "id", "version", "title", "description", "audience", "comment", "steps",
    "outcome", NULL,
  };
  JsonObject *root;
  JsonNode *version;
  JsonArray *steps;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return concordat_wizard_invalid (l, error, NULL, "the file should hold one object, {\"format\": %d, \"id\": "
                                     "…, \"steps\": […], \"outcome\": {…}}", CONCORDAT_WIZARD_FORMAT_VERSION);
  root = json_node_get_object (node);
  if (!read_format (l, root, error) ||
      !concordat_wizard_check_keys (l, root, "", "a wizard", keys, error) ||
      !read_id (l, root, "", "-", "use lower case letters, digits and “-”, such as \"briefing\"",
                &l->self->id, error))
    return FALSE;

  version = json_object_get_member (root, "version");
  if (!concordat_wizard_holds_integer (version) || json_node_get_int (version) < 1 ||
      json_node_get_int (version) > G_MAXINT)
    return concordat_wizard_invalid (l, error, "version", "should be a whole number from 1, raised whenever the "
                                     "questions or the outcome change");
  l->self->version = json_node_get_int (version);

  if (!concordat_wizard_read_text (l, root, "", "title", TRUE, "give the title the list of wizards shows",
                  &l->self->title, error) ||
      !concordat_wizard_read_text (l, root, "", "description", TRUE, "give one line on when to use the wizard",
                  &l->self->description, error) ||
      !read_audience (l, root, error) ||
      !concordat_wizard_read_list (l, root, "", "steps", 1, "a wizard needs at least one step", &steps, error))
    return FALSE;

  look_ahead (l, root);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autofree char *each = concordat_wizard_nth ("steps", i);

      if (!read_step (l, json_array_get_element (steps, i), each, error))
        return FALSE;
    }
  return concordat_wizard_read_outcome (l, root, error);
}

/**
 * concordat_wizard_json_too_deep:
 * @json: JSON text, not necessarily valid
 *
 * Returns: whether arrays and objects in @json nest deeper than
 *   %CONCORDAT_WIZARD_MAX_JSON_DEPTH, brackets inside strings aside
 */
gboolean
concordat_wizard_json_too_deep (const char *json,
                                gsize       length)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  g_return_val_if_fail (json != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > CONCORDAT_WIZARD_MAX_JSON_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

/**
 * concordat_wizard_new_from_bytes:
 * @json: a wizard definition, as described in docs/wizards.md
 * @source: the file's name, for messages
 *
 * Returns: (transfer full): the wizard; or %NULL with @error saying what is
 *   wrong and where (%CONCORDAT_ERROR_INVALID), or that the file is in a
 *   newer format (%CONCORDAT_ERROR_TOO_NEW)
 */
ConcordatWizard *
concordat_wizard_new_from_bytes (GBytes      *json,
                                 const char  *source,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ConcordatWizard) self = NULL;
  g_autoptr(GHashTable) ahead = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  Loader l = { NULL, source, ahead };
  gsize size;
  const char *data;
  const char *end;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (json, &size);
  if (size == 0)
    {
      concordat_wizard_invalid (&l, error, NULL, "the file is empty; it should hold a wizard definition as JSON");
      return NULL;
    }
  /* The parser would quote the bad bytes back in its message. */
  if (!g_utf8_validate_len (data, size, &end))
    {
      concordat_wizard_invalid (&l, error, NULL, "byte %" G_GSIZE_FORMAT " is %s, and a wizard definition "
                                "is JSON text in UTF-8; check that this is the right file, and save it as UTF-8",
                                (gsize) (end - data), *end == '\0' ? "a NUL byte" : "not UTF-8");
      return NULL;
    }
  if (concordat_wizard_json_too_deep (data, size))
    {
      concordat_wizard_invalid (&l, error, NULL, "its lists and objects are nested more than %d deep, "
                                "far deeper than a wizard definition goes; check that it is the right file",
                                CONCORDAT_WIZARD_MAX_JSON_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      concordat_wizard_invalid (&l, error, NULL, "this is not valid JSON (%s)", message);
      return NULL;
    }

  self = g_object_new (CONCORDAT_TYPE_WIZARD, NULL);
  self->topics = concordat_topics_load_default (error);
  if (self->topics == NULL)
    return NULL;
  l.self = self;
  if (!check_text (&l, json_parser_get_root (parser), "", error) ||
      !read_root (&l, json_parser_get_root (parser), error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * concordat_wizard_new_from_file:
 * @path: a wizard definition file
 *
 * Returns: (transfer full): the wizard; or %NULL with @error set, its
 *   messages naming the file
 */
ConcordatWizard *
concordat_wizard_new_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "Cannot read the wizard %s: %s",
                   path, local_error->message);
      return NULL;
    }
  name = g_path_get_basename (path);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return concordat_wizard_new_from_bytes (bytes, name, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 ((*(ConcordatWizard **) a)->id, (*(ConcordatWizard **) b)->id);
}

static GStrv
list_bundled (GError **error)
{
  g_autoptr(GBytes) topics = NULL;
  g_autoptr(GError) local_error = NULL;
  GStrv names;

  /* Looking anything up registers the data resource, which enumerating does not. */
  topics = concordat_data_lookup (CONCORDAT_DATA_TOPICS, error);
  if (topics == NULL)
    return NULL;
  names = g_resources_enumerate_children (RESOURCE_BASE "/data/" WIZARDS_DIR,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  return names != NULL ? names : g_new0 (char *, 1);
}

/**
 * concordat_wizard_load_bundled:
 *
 * Returns: (transfer full) (element-type ConcordatWizard): the wizards
 *   Concordat is built with, sorted by id; or %NULL with @error set if one
 *   of them is broken
 */
GPtrArray *
concordat_wizard_load_bundled (GError **error)
{
  g_autoptr(GPtrArray) wizards = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = list_bundled (error);

  if (names == NULL)
    return NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (WIZARDS_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      ConcordatWizard *wizard;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = concordat_data_lookup (path, error);
      if (bytes == NULL)
        return NULL;
      wizard = concordat_wizard_new_from_bytes (bytes, names[i], error);
      if (wizard == NULL)
        return NULL;
      g_ptr_array_add (wizards, wizard);
    }
  g_ptr_array_sort (wizards, compare_ids);
  return g_steal_pointer (&wizards);
}

/**
 * concordat_wizard_find_bundled:
 * @id: a wizard's id, such as "briefing"
 *
 * Returns: (transfer full): the bundled wizard @id; or %NULL with @error
 *   set (%CONCORDAT_ERROR_NOT_FOUND naming the wizards there are)
 */
ConcordatWizard *
concordat_wizard_find_bundled (const char  *id,
                               GError     **error)
{
  g_autoptr(GPtrArray) wizards = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *known = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wizards = concordat_wizard_load_bundled (error);
  if (wizards == NULL)
    return NULL;
  for (guint i = 0; i < wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (wizards, i);

      if (g_str_equal (wizard->id, id))
        return g_object_ref (wizard);
      g_ptr_array_add (ids, wizard->id);
    }
  known = concordat_wizard_join_ids (ids);
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "There is no wizard “%s”; the wizards are %s", id,
               ids->len > 0 ? known : "none");
  return NULL;
}

