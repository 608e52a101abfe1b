/* concordat-wizard-answers.c: checking and normalising a set of answers, and
 * deciding which steps, fields and stops apply.
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

/* --- reading answers --- */

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * concordat_wizard_parse_answers:
 * @contents: (array length=length) (nullable): an answers file's bytes
 * @length: how many; more than %CONCORDAT_WIZARD_ANSWERS_MAX_BYTES is
 *   refused unread, so a caller may stop reading there
 * @source: the file's name, for messages
 *
 * Reads answers to a wizard, a JSON object with a member for each field,
 * from bytes that came from anywhere: too large, empty, nested too deep,
 * not UTF-8, holding NUL bytes, not JSON or not an object, each is refused
 * with a message that names @source and says what the file should hold.
 * The answers themselves are checked against a wizard when it evaluates
 * them.
 *
 * Returns: (transfer full): the answers, or %NULL with @error set
 */
JsonObject *
concordat_wizard_parse_answers (const char  *contents,
                                gsize        length,
                                const char  *source,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > CONCORDAT_WIZARD_ANSWERS_MAX_BYTES)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s: the answers file is larger than 1 MB; it should hold a short JSON object "
                   "of answers such as {\"topic\": \"Local plan\"}", source);
      return NULL;
    }
  if (contents == NULL || is_blank (contents, length))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s: the answers file is empty; it should hold one JSON object of answers "
                   "such as {\"topic\": \"Local plan\"}", source);
      return NULL;
    }
  if (concordat_wizard_json_too_deep (contents, length))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s: the answers are lists and objects nested more than %d deep; they should be "
                   "one JSON object of answers such as {\"topic\": \"Local plan\"}", source,
                   CONCORDAT_WIZARD_MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new ();
  if (memchr (contents, '\0', length) != NULL ||
      !g_utf8_validate (contents, length, NULL) ||
      !json_parser_load_from_data (parser, contents, length, &local_error))
    {
      /* The parser quotes back a "\ud800" it read as bytes that are not UTF-8. */
      g_autofree char *why = local_error != NULL ? g_utf8_make_valid (local_error->message, -1) : NULL;

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s: this is not valid JSON (%s); the answers should be one JSON object "
                   "such as {\"topic\": \"Local plan\"}", source,
                   why != NULL ? why : "it is not UTF-8 text, or holds NUL bytes");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s: the answers should be one JSON object, with a member for each field "
                   "id, such as {\"topic\": \"Local plan\"}", source);
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/* --- evaluating answers --- */

void
concordat_wizard_eval_clear (Eval *e)
{
  g_clear_pointer (&e->council, concordat_council_free);
  g_clear_object (&e->calendar);
  g_clear_pointer (&e->groups, g_ptr_array_unref);
  g_clear_pointer (&e->wards, g_ptr_array_unref);
  g_clear_pointer (&e->answers, json_object_unref);
  g_clear_pointer (&e->problems, g_ptr_array_unref);
  g_clear_error (&e->error);
}

static void
problem_free (ConcordatProblem *problem)
{
  g_free (problem->step);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

/* Records a problem with @field's answer (or, with @field NULL, with the
 * answers as a whole), once however many times it is found. */
G_GNUC_PRINTF (3, 4)
void
concordat_wizard_problem (Eval       *e,
                          const char *field,
                          const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  ConcordatProblem *p;
  const ConcordatStep *step;
  va_list args;

  if (e->problems == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (guint i = 0; i < e->problems->len; i++)
    {
      ConcordatProblem *old = g_ptr_array_index (e->problems, i);

      if (g_strcmp0 (old->field, field) == 0 && g_str_equal (old->message, message))
        return;
    }
  step = field != NULL ? g_hash_table_lookup (e->self->field_steps, field) : NULL;
  p = g_new0 (ConcordatProblem, 1);
  p->step = step != NULL ? g_strdup (step->id) : NULL;
  p->field = g_strdup (field);
  p->message = g_steal_pointer (&message);
  g_ptr_array_add (e->problems, p);
}

/* Keeps the first failure of the store; later steps see it and stop. */
void
concordat_wizard_failed (Eval   *e,
                         GError *error)
{
  if (e->error == NULL)
    e->error = error;
  else
    g_error_free (error);
}

ConcordatCalendar *
concordat_wizard_eval_calendar (Eval *e)
{
  GError *error = NULL;

  if (e->calendar == NULL && e->error == NULL)
    {
      e->calendar = concordat_council_dup_calendar (e->store, e->council, &error);
      if (e->calendar == NULL)
        concordat_wizard_failed (e, error);
    }
  return e->calendar;
}

GPtrArray *
concordat_wizard_eval_groups (Eval *e)
{
  GError *error = NULL;

  if (e->groups == NULL && e->error == NULL)
    {
      e->groups = concordat_council_list_groups (e->store, TRUE, &error);
      if (e->groups == NULL)
        concordat_wizard_failed (e, error);
    }
  return e->groups;
}

static GPtrArray *
eval_wards (Eval *e)
{
  GError *error = NULL;

  if (e->wards == NULL && e->error == NULL)
    {
      e->wards = concordat_council_list_wards (e->store, &error);
      if (e->wards == NULL)
        concordat_wizard_failed (e, error);
    }
  return e->wards;
}

/* "Conservative, Labour", the active groups. */
static char *
active_group_names (GPtrArray *groups)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < groups->len; i++)
    {
      ConcordatGroup *group = g_ptr_array_index (groups, i);

      if (group->active)
        g_ptr_array_add (names, group->name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

const char *
concordat_wizard_answer_string (Eval       *e,
                                const char *id)
{
  JsonNode *node = json_object_get_member (e->answers, id);

  return concordat_wizard_holds_string (node) ? json_node_get_string (node) : NULL;
}

/* --- normalising one answer --- */

static char *
answer_text (Eval                 *e,
             const ConcordatField *field,
             JsonNode             *raw)
{
  if (!concordat_wizard_holds_string (raw))
    {
      concordat_wizard_problem (e, field->id, "%s: the answer should be text, not %s", field->id, concordat_wizard_describe_node (raw));
      return NULL;
    }
  return g_strstrip (g_strdup (json_node_get_string (raw)));
}

static JsonNode *
normalise_text (Eval                 *e,
                const ConcordatField *field,
                JsonNode             *raw)
{
  g_autofree char *text = answer_text (e, field, raw);
  gboolean one_line = field->type == CONCORDAT_FIELD_TEXT;
  glong max = one_line ? TEXT_MAX : LONG_TEXT_MAX;

  if (text == NULL || *text == '\0')
    return NULL;
  if (one_line && strpbrk (text, "\r\n") != NULL)
    {
      concordat_wizard_problem (e, field->id, "%s: the answer has a line break; give it on one line", field->id);
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > max)
    {
      concordat_wizard_problem (e, field->id, "%s: the answer is %ld characters long; it can be at most %ld, so "
                                "shorten it", field->id, g_utf8_strlen (text, -1), max);
      return NULL;
    }
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
normalise_choice (Eval                 *e,
                  const ConcordatField *field,
                  JsonNode             *raw)
{
  g_autofree char *text = answer_text (e, field, raw);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *words = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  for (guint i = 0; i < field->choices->len; i++)
    {
      ConcordatChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_str_equal (choice->value, text))
        return json_node_init_string (json_node_alloc (), text);
      g_ptr_array_add (values, choice->value);
    }
  words = concordat_wizard_join_ids (values);
  concordat_wizard_problem (e, field->id, "%s: “%s” is not one of the choices; use %s", field->id, text, words);
  return NULL;
}

static JsonNode *
normalise_date (Eval                 *e,
                const ConcordatField *field,
                JsonNode             *raw)
{
  g_autofree char *text = answer_text (e, field, raw);
  GDate date;

  if (text == NULL || *text == '\0')
    return NULL;
  if (!concordat_calendar_parse_date (text, &date))
    {
      concordat_wizard_problem (e, field->id, "%s: “%s” is not a real date; give it as YYYY-MM-DD", field->id, text);
      return NULL;
    }
  return json_node_init_string (json_node_alloc (), text);
}

/* The active group called @name, spelt as the council spells it. */
static const char *
find_group (Eval                 *e,
            const ConcordatField *field,
            const char           *name)
{
  GPtrArray *groups = concordat_wizard_eval_groups (e);
  g_autofree char *known = NULL;

  if (groups == NULL)
    return NULL;
  for (guint i = 0; i < groups->len; i++)
    {
      ConcordatGroup *group = g_ptr_array_index (groups, i);

      if (!concordat_wizard_same_name (group->name, name))
        continue;
      if (group->active)
        return group->name;
      known = active_group_names (groups);
      concordat_wizard_problem (e, field->id, "%s: “%s” is no longer an active party group; the groups are %s",
                                field->id, group->name, *known != '\0' ? known : "none");
      return NULL;
    }
  known = active_group_names (groups);
  if (*known == '\0')
    concordat_wizard_problem (e, field->id, "%s: there is no party group called “%s”; the council has no party "
                              "groups yet, so add them in its settings first", field->id, name);
  else
    concordat_wizard_problem (e, field->id, "%s: there is no party group called “%s”; the groups are %s",
                              field->id, name, known);
  return NULL;
}

static JsonNode *
normalise_group (Eval                 *e,
                 const ConcordatField *field,
                 JsonNode             *raw)
{
  g_autofree char *text = answer_text (e, field, raw);
  const char *name;

  if (text == NULL || *text == '\0')
    return NULL;
  name = find_group (e, field, text);
  return name != NULL ? json_node_init_string (json_node_alloc (), name) : NULL;
}

static JsonNode *
normalise_groups (Eval                 *e,
                  const ConcordatField *field,
                  JsonNode             *raw)
{
  g_autoptr(JsonArray) chosen = json_array_new ();
  gboolean ok = TRUE;
  JsonArray *list;

  if (!JSON_NODE_HOLDS_ARRAY (raw))
    {
      concordat_wizard_problem (e, field->id, "%s: the answer should be a list of party groups' names, not %s",
                                field->id, concordat_wizard_describe_node (raw));
      return NULL;
    }
  list = json_node_get_array (raw);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      g_autofree char *text = concordat_wizard_holds_string (item) ? g_strstrip (g_strdup (json_node_get_string (item))) : NULL;
      const char *name;

      if (text == NULL || *text == '\0')
        {
          concordat_wizard_problem (e, field->id, "%s: item %u of the list should be a party group's name, not %s",
                                    field->id, i + 1, text == NULL ? concordat_wizard_describe_node (item) : "empty");
          ok = FALSE;
          continue;
        }
      name = find_group (e, field, text);
      if (name == NULL)
        {
          ok = FALSE;
          continue;
        }
      for (guint j = 0; j < json_array_get_length (chosen); j++)
        if (g_str_equal (json_array_get_string_element (chosen, j), name))
          {
            concordat_wizard_problem (e, field->id, "%s: %s is in the list twice; list each group once", field->id, name);
            ok = FALSE;
            name = NULL;
            break;
          }
      if (name != NULL)
        json_array_add_string_element (chosen, name);
    }
  if (!ok || json_array_get_length (chosen) == 0)
    return NULL;
  return json_node_init_array (json_node_alloc (), chosen);
}

static JsonNode *
normalise_ward (Eval                 *e,
                const ConcordatField *field,
                JsonNode             *raw)
{
  g_autofree char *text = answer_text (e, field, raw);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *known = NULL;
  GPtrArray *wards;

  if (text == NULL || *text == '\0' || (wards = eval_wards (e)) == NULL)
    return NULL;
  for (guint i = 0; i < wards->len; i++)
    {
      ConcordatWard *ward = g_ptr_array_index (wards, i);

      if (concordat_wizard_same_name (ward->name, text))
        return json_node_init_string (json_node_alloc (), ward->name);
      g_ptr_array_add (names, ward->name);
    }
  g_ptr_array_add (names, NULL);
  known = g_strjoinv (", ", (char **) names->pdata);
  if (wards->len == 0)
    concordat_wizard_problem (e, field->id, "%s: there is no ward called “%s”; the council has no wards yet, so "
                              "add them in its settings first", field->id, text);
  else
    concordat_wizard_problem (e, field->id, "%s: there is no ward called “%s”; the wards are %s", field->id, text,
                              known);
  return NULL;
}

/* JSON can write half a character, "\ud800", which the parser lets
 * through as bytes that are not UTF-8: no text to record or show. */
static gboolean
holds_half_character (JsonNode *raw)
{
  if (concordat_wizard_holds_string (raw))
    return !g_utf8_validate (json_node_get_string (raw), -1, NULL);
  if (JSON_NODE_HOLDS_ARRAY (raw))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (raw)); i++)
      if (holds_half_character (json_array_get_element (json_node_get_array (raw), i)))
        return TRUE;
  return FALSE;
}

/* The answer as recorded, or NULL when it is not answered or is wrong. */
static JsonNode *
normalise (Eval                 *e,
           const ConcordatField *field,
           JsonNode             *raw)
{
  if (raw == NULL || JSON_NODE_HOLDS_NULL (raw))
    return NULL;
  if (holds_half_character (raw))
    {
      concordat_wizard_problem (e, field->id, "%s: the answer has a \\u escape for half of a character, "
                                "such as \\ud800; write the character itself", field->id);
      return NULL;
    }
  switch (field->type)
    {
    case CONCORDAT_FIELD_TEXT:
    case CONCORDAT_FIELD_LONG_TEXT:
      return normalise_text (e, field, raw);
    case CONCORDAT_FIELD_YES_NO:
      if (concordat_wizard_holds_boolean (raw))
        return json_node_copy (raw);
      concordat_wizard_problem (e, field->id, "%s: the answer should be true or false, not %s", field->id,
                                concordat_wizard_describe_node (raw));
      return NULL;
    case CONCORDAT_FIELD_CHOICE:
      return normalise_choice (e, field, raw);
    case CONCORDAT_FIELD_DATE:
      return normalise_date (e, field, raw);
    case CONCORDAT_FIELD_GROUP:
      return normalise_group (e, field, raw);
    case CONCORDAT_FIELD_GROUPS:
      return normalise_groups (e, field, raw);
    case CONCORDAT_FIELD_WARD:
      return normalise_ward (e, field, raw);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- conditions --- */

static gboolean
same_value (const ConcordatField *field,
            JsonNode             *answer,
            JsonNode             *value)
{
  const char *wanted;

  if (field->type == CONCORDAT_FIELD_YES_NO)
    return json_node_get_boolean (answer) == json_node_get_boolean (value);
  wanted = json_node_get_string (value);
  if (field->type == CONCORDAT_FIELD_GROUPS)
    {
      JsonArray *chosen = json_node_get_array (answer);

      for (guint i = 0; i < json_array_get_length (chosen); i++)
        if (concordat_wizard_same_name (json_array_get_string_element (chosen, i), wanted))
          return TRUE;
      return FALSE;
    }
  if (field->type == CONCORDAT_FIELD_GROUP || field->type == CONCORDAT_FIELD_WARD)
    return concordat_wizard_same_name (json_node_get_string (answer), wanted);
  return g_str_equal (json_node_get_string (answer), wanted);
}

/* An answer as text to compare with another field's, without regard to case. */
static char *
comparable (JsonNode *answer)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (concordat_wizard_holds_boolean (answer))
    return g_strdup (json_node_get_boolean (answer) ? "true" : "false");
  if (JSON_NODE_HOLDS_ARRAY (answer))
    {
      JsonArray *list = json_node_get_array (answer);

      for (guint i = 0; i < json_array_get_length (list); i++)
        g_string_append_printf (text, "%s\n", json_array_get_string_element (list, i));
    }
  else
    g_string_append (text, json_node_get_string (answer));
  return g_utf8_casefold (text->str, -1);
}

static gboolean
holds_comparison (const ConcordatCondition *c,
                  gboolean                (*matches) (gconstpointer, JsonNode *),
                  gconstpointer             data)
{
  gboolean any = FALSE;

  for (guint i = 0; i < c->values->len && !any; i++)
    any = matches (data, g_ptr_array_index (c->values, i));
  return c->kind == COND_NOT_EQUALS ? !any : any;
}

typedef struct
{
  const ConcordatField *field;
  JsonNode             *answer;
} FieldAnswer;

static gboolean
answer_matches (gconstpointer  data,
                JsonNode      *value)
{
  const FieldAnswer *fa = data;

  return same_value (fa->field, fa->answer, value);
}

static gboolean
setting_matches (gconstpointer  data,
                 JsonNode      *value)
{
  return g_str_equal (data, json_node_get_string (value));
}

static gboolean
holds_pre_election (Eval                     *e,
                    const ConcordatCondition *c)
{
  g_autoptr(GError) error = NULL;
  const char *text = concordat_wizard_answer_string (e, c->field);
  ConcordatCalendar *calendar;
  gboolean inside = FALSE;
  GDate date;

  if (text == NULL || !concordat_calendar_parse_date (text, &date) ||
      (calendar = concordat_wizard_eval_calendar (e)) == NULL)
    return FALSE;
  if (concordat_council_check_pre_election (e->council, calendar, &date, &inside, &error))
    return inside;
  /* The calendar cannot count that far: a problem with the date, not a failure. */
  if (g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND) ||
      g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID))
    concordat_wizard_problem (e, c->field, "%s: cannot tell whether %s falls in the pre-election period: %s",
                              c->field, text, error->message);
  else
    concordat_wizard_failed (e, g_steal_pointer (&error));
  return FALSE;
}

gboolean
concordat_wizard_holds (Eval                     *e,
                        const ConcordatCondition *c)
{
  JsonNode *answer;

  if (c == NULL)
    return TRUE;
  answer = c->field != NULL ? json_object_get_member (e->answers, c->field) : NULL;
  switch (c->kind)
    {
    case COND_ALL:
    case COND_ANY:
      for (guint i = 0; i < c->children->len; i++)
        if (concordat_wizard_holds (e, g_ptr_array_index (c->children, i)) != (c->kind == COND_ALL))
          return c->kind == COND_ANY;
      return c->kind == COND_ALL;
    case COND_NOT:
      return !concordat_wizard_holds (e, g_ptr_array_index (c->children, 0));
    case COND_ANSWERED:
      return (answer != NULL) == c->answered;
    case COND_DIFFERS:
      {
        JsonNode *other = json_object_get_member (e->answers, c->other);
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;

        if (answer == NULL || other == NULL)
          return FALSE;
        a = comparable (answer);
        b = comparable (other);
        return !g_str_equal (a, b);
      }
    case COND_PRE_ELECTION:
      return holds_pre_election (e, c);
    case COND_EQUALS:
    case COND_NOT_EQUALS:
    case COND_IN:
      if (c->setting != NULL)
        {
          g_autofree char *value = concordat_council_dup_value (e->council, c->setting);

          return value != NULL && holds_comparison (c, setting_matches, value);
        }
      else
        {
          FieldAnswer fa = { g_hash_table_lookup (e->self->fields, c->field), answer };

          return answer != NULL && holds_comparison (c, answer_matches, &fa);
        }
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* --- walking the steps --- */

/* Takes in the answers of @step's fields that apply. */
void
concordat_wizard_ask_step (Eval                *e,
                           const ConcordatStep *step,
                           JsonObject          *raw)
{
  for (guint i = 0; i < step->fields->len && e->error == NULL; i++)
    {
      const ConcordatField *field = g_ptr_array_index (step->fields, i);
      guint before = e->problems != NULL ? e->problems->len : 0;
      JsonNode *answer;

      if (!concordat_wizard_holds (e, field->when))
        continue;
      answer = normalise (e, field, raw != NULL ? json_object_get_member (raw, field->id) : NULL);
      if (answer != NULL)
        json_object_set_member (e->answers, field->id, answer);
      else if (field->required && (e->problems == NULL || e->problems->len == before))
        concordat_wizard_problem (e, field->id, "%s: this question needs an answer: %s", field->id, field->label);
    }
}

const ConcordatStop *
concordat_wizard_first_stop (Eval                *e,
                             const ConcordatStep *step)
{
  for (guint i = 0; i < step->stops->len; i++)
    {
      const ConcordatStop *stop = g_ptr_array_index (step->stops, i);

      if (concordat_wizard_holds (e, stop->when))
        return stop;
    }
  return NULL;
}

gboolean
concordat_wizard_eval_init (Eval             *e,
                            ConcordatWizard  *self,
                            ConcordatStore   *store,
                            gboolean          with_problems,
                            GError          **error)
{
  e->self = self;
  e->store = store;
  e->answers = json_object_new ();
  if (with_problems)
    e->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  e->council = concordat_council_load (store, error);
  return e->council != NULL;
}

gboolean
concordat_wizard_eval_failed (Eval    *e,
                              GError **error)
{
  if (e->error == NULL)
    return FALSE;
  g_propagate_error (error, g_steal_pointer (&e->error));
  return TRUE;
}

/**
 * concordat_wizard_step_applies:
 * @store: the store, for the council's settings, groups and wards
 * @step: one of the wizard's steps
 * @answers: (nullable): the answers so far, as the person gave them
 *
 * Whether @step is to be asked: no stop is reached before it, and its
 * condition holds on the answers to the questions before it that apply.
 *
 * Returns: %TRUE if it applies; %FALSE if not, or with @error set if the
 *   store fails
 */
gboolean
concordat_wizard_step_applies (ConcordatWizard      *self,
                               ConcordatStore       *store,
                               const ConcordatStep  *step,
                               JsonObject           *answers,
                               GError              **error)
{
  g_auto(Eval) e = { NULL };

  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!concordat_wizard_eval_init (&e, self, store, FALSE, error))
    return FALSE;
  for (guint i = 0; i < self->steps->len; i++)
    {
      const ConcordatStep *s = g_ptr_array_index (self->steps, i);
      gboolean applies = concordat_wizard_holds (&e, s->when);

      if (s == step || concordat_wizard_eval_failed (&e, error))
        return applies && !concordat_wizard_eval_failed (&e, error);
      if (!applies)
        continue;
      concordat_wizard_ask_step (&e, s, answers);
      if (concordat_wizard_first_stop (&e, s) != NULL || concordat_wizard_eval_failed (&e, error))
        return FALSE;
    }
  g_return_val_if_reached (FALSE);
}
