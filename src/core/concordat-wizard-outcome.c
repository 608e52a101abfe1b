/* concordat-wizard-outcome.c: what a set of answers comes to: the summary, notes,
 * duties, ledger changes and citations that finishing records.
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

/* --- what finishing records --- */

/* An answer as the record shows it: a choice's label, "yes" or "no", a date
 * in words, several groups joined with commas; "" when not answered. */
static char *
display_answer (Eval       *e,
                const char *id)
{
  const ConcordatField *field = g_hash_table_lookup (e->self->fields, id);
  JsonNode *answer = json_object_get_member (e->answers, id);
  GDate date;

  if (answer == NULL)
    return g_strdup ("");
  switch (field->type)
    {
    case CONCORDAT_FIELD_YES_NO:
      return g_strdup (json_node_get_boolean (answer) ? "yes" : "no");
    case CONCORDAT_FIELD_CHOICE:
      for (guint i = 0; i < field->choices->len; i++)
        {
          ConcordatChoice *choice = g_ptr_array_index (field->choices, i);

          if (g_str_equal (choice->value, json_node_get_string (answer)))
            return g_strdup (choice->label);
        }
      return g_strdup (json_node_get_string (answer));
    case CONCORDAT_FIELD_DATE:
      concordat_calendar_parse_date (json_node_get_string (answer), &date);
      return concordat_wizard_describe_date (&date);
    case CONCORDAT_FIELD_GROUPS:
      {
        JsonArray *list = json_node_get_array (answer);
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < json_array_get_length (list); i++)
          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                                  json_array_get_string_element (list, i));
        return g_string_free (text, FALSE);
      }
    default:
      return g_strdup (json_node_get_string (answer));
    }
}

/* @text with each {ID} replaced by that answer and {each} by @each. */
static char *
fill (Eval       *e,
      const char *text,
      const char *each)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  for (const char *open = strchr (p, '{'); open != NULL; open = strchr (p, '{'))
    {
      const char *close = strchr (open, '}');
      g_autofree char *name = close != NULL ? g_strndup (open + 1, close - open - 1) : NULL;

      if (name == NULL)
        break;
      g_string_append_len (out, p, open - p);
      if (g_str_equal (name, "each") && each != NULL)
        g_string_append (out, each);
      else if (g_hash_table_contains (e->self->fields, name))
        {
          g_autofree char *answer = display_answer (e, name);

          g_string_append (out, answer);
        }
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/* Each group's state on the ledger topic, by the group's case-folded name. */
static GHashTable *
read_ledger_states (Eval       *e,
                    const char *topic)
{
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = concordat_store_get_db (e->store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (topic == NULL)
    return states;
  rc = sqlite3_prepare_v2 (db, "SELECT g.name, l.state FROM ledger l "
                           "JOIN briefing_topics t ON t.id = l.topic_id "
                           "JOIN party_groups g ON g.id = l.group_id "
                           "WHERE t.name = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, topic, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (states, g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 0), -1),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    concordat_wizard_failed (e, g_error_new (CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                                             "Cannot read the briefing ledger: %s", sqlite3_errmsg (db)));
  sqlite3_finalize (stmt);
  return states;
}

static const char *
state_of (GHashTable *states,
          const char *group)
{
  g_autofree char *key = g_utf8_casefold (group, -1);

  return g_hash_table_lookup (states, key);
}

/* The groups a request names: the ledger's "group" entries, or without
 * them, every group question. */
static gboolean
is_requesting (Eval       *e,
               const char *group)
{
  gboolean ledger_names = FALSE;

  for (guint i = 0; i < e->self->ledger->len; i++)
    {
      LedgerRule *rule = g_ptr_array_index (e->self->ledger, i);
      const char *named = rule->group != NULL ? concordat_wizard_answer_string (e, rule->group) : NULL;

      ledger_names |= rule->group != NULL;
      if (named != NULL && concordat_wizard_same_name (named, group))
        return TRUE;
    }
  if (ledger_names)
    return FALSE;
  for (guint i = 0; i < e->self->field_ids->len; i++)
    {
      const char *id = g_ptr_array_index (e->self->field_ids, i);
      const ConcordatField *field = g_hash_table_lookup (e->self->fields, id);
      const char *named = concordat_wizard_answer_string (e, id);

      if (field->type == CONCORDAT_FIELD_GROUP && named != NULL && concordat_wizard_same_name (named, group))
        return TRUE;
    }
  return FALSE;
}

/* What a for-each repeats for, each item a string the array owns. */
static GPtrArray *
list_items (Eval       *e,
            const char *for_each,
            GHashTable *states)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const ConcordatField *field;
  JsonNode *answer;

  if (g_str_equal (for_each, OTHER_GROUPS))
    {
      GPtrArray *groups = concordat_wizard_eval_groups (e);

      for (guint i = 0; groups != NULL && i < groups->len; i++)
        {
          ConcordatGroup *group = g_ptr_array_index (groups, i);
          const char *state = state_of (states, group->name);

          if (group->active && !is_requesting (e, group->name) &&
              (state == NULL || !g_strv_contains (concordat_wizard_settled_states, state)))
            g_ptr_array_add (items, g_strdup (group->name));
        }
      return items;
    }

  field = g_hash_table_lookup (e->self->fields, for_each);
  answer = json_object_get_member (e->answers, for_each);
  if (answer == NULL)
    return items;
  if (field->type == CONCORDAT_FIELD_GROUPS)
    {
      JsonArray *list = json_node_get_array (answer);

      for (guint i = 0; i < json_array_get_length (list); i++)
        g_ptr_array_add (items, g_strdup (json_array_get_string_element (list, i)));
    }
  else
    {
      g_auto(GStrv) names = g_strsplit_set (json_node_get_string (answer), ",;\r\n", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (*g_strstrip (names[i]) != '\0')
          g_ptr_array_add (items, g_strdup (names[i]));
    }
  return items;
}

static void
plan_ledger (Eval             *e,
             ConcordatOutcome *outcome,
             GHashTable       *states)
{
  const char *topic = e->self->ledger_topic != NULL ? concordat_wizard_answer_string (e, e->self->ledger_topic) : NULL;

  for (guint i = 0; i < e->self->ledger->len && e->error == NULL; i++)
    {
      LedgerRule *rule = g_ptr_array_index (e->self->ledger, i);
      g_autoptr(GPtrArray) items = NULL;

      if (!concordat_wizard_holds (e, rule->when))
        continue;
      if (topic == NULL)
        {
          concordat_wizard_problem (e, e->self->ledger_topic, "%s: needed to record the briefing on the ledger; "
                                    "give the briefing's topic", e->self->ledger_topic);
          return;
        }
      if (rule->for_each != NULL)
        items = list_items (e, rule->for_each, states);
      else
        {
          items = g_ptr_array_new_with_free_func (g_free);
          if (concordat_wizard_answer_string (e, rule->group) != NULL)
            g_ptr_array_add (items, g_strdup (concordat_wizard_answer_string (e, rule->group)));
        }
      for (guint j = 0; j < items->len; j++)
        {
          const char *group = g_ptr_array_index (items, j);
          const char *state = state_of (states, group);
          ConcordatPlannedChange *change;

          /* Never back: an offer made or refused is not undone by asking again. */
          if ((g_str_equal (rule->state, "to-offer") ||
               g_str_equal (rule->state, "available-on-request")) &&
              state != NULL && !g_str_equal (state, "to-offer") &&
              !g_str_equal (state, "available-on-request"))
            continue;
          change = g_new0 (ConcordatPlannedChange, 1);
          change->topic = g_strdup (topic);
          change->group = g_strdup (group);
          change->state = g_strdup (rule->state);
          g_ptr_array_add (outcome->ledger, change);
        }
    }
}

static void
plan_duty (Eval             *e,
           ConcordatOutcome *outcome,
           DutyRule         *rule,
           const char       *item)
{
  g_autofree char *title = fill (e, rule->title, item);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = NULL;
  ConcordatCalendar *calendar;
  ConcordatPlannedDuty *duty;
  const GDate *from = &outcome->today;
  GDate date;

  if (rule->date_field != NULL)
    {
      const char *text = concordat_wizard_answer_string (e, rule->date_field);

      if (text == NULL)
        {
          concordat_wizard_problem (e, rule->date_field, "%s: needed to date the duty “%s”; give the date as "
                                    "YYYY-MM-DD", rule->date_field, title);
          return;
        }
      concordat_calendar_parse_date (text, &date);
      from = &date;
    }
  calendar = concordat_wizard_eval_calendar (e);
  if (calendar == NULL)
    return;
  due = concordat_calendar_apply_rule (calendar, &rule->rule, from, &error);
  if (due == NULL)
    {
      if (rule->date_field != NULL)
        concordat_wizard_problem (e, rule->date_field, "%s: %s", rule->date_field, error->message);
      else
        concordat_wizard_problem (e, NULL, "%s", error->message);
      return;
    }

  duty = g_new0 (ConcordatPlannedDuty, 1);
  duty->title = g_steal_pointer (&title);
  duty->due = *due;
  if (rule->for_each != NULL &&
      (g_str_equal (rule->for_each, OTHER_GROUPS) ||
       ((ConcordatField *) g_hash_table_lookup (e->self->fields, rule->for_each))->type ==
       CONCORDAT_FIELD_GROUPS))
    duty->group = g_strdup (item);
  g_ptr_array_add (outcome->duties, duty);
}

static void
plan_duties (Eval             *e,
             ConcordatOutcome *outcome,
             GHashTable       *states)
{
  for (guint i = 0; i < e->self->duties->len && e->error == NULL; i++)
    {
      DutyRule *rule = g_ptr_array_index (e->self->duties, i);
      g_autoptr(GPtrArray) items = NULL;

      if (!concordat_wizard_holds (e, rule->when))
        continue;
      if (rule->for_each == NULL)
        {
          plan_duty (e, outcome, rule, NULL);
          continue;
        }
      items = list_items (e, rule->for_each, states);
      for (guint j = 0; j < items->len; j++)
        plan_duty (e, outcome, rule, g_ptr_array_index (items, j));
    }
}

static void
plan (Eval             *e,
      ConcordatOutcome *outcome)
{
  const char *topic = e->self->ledger_topic != NULL ? concordat_wizard_answer_string (e, e->self->ledger_topic) : NULL;
  g_autoptr(GHashTable) states = read_ledger_states (e, topic);

  outcome->summary = fill (e, e->self->summary, NULL);
  for (guint i = 0; i < e->self->notes->len; i++)
    {
      Note *note = g_ptr_array_index (e->self->notes, i);

      if (concordat_wizard_holds (e, note->when))
        g_ptr_array_add (outcome->notes, fill (e, note->text, NULL));
    }
  plan_ledger (e, outcome, states);
  plan_duties (e, outcome, states);
}

/* --- citations --- */

static void
add_citation (ConcordatOutcome *outcome,
              const char       *step,
              const char       *topic,
              const char       *citation,
              char             *text)
{
  ConcordatCitation *c = g_new0 (ConcordatCitation, 1);

  c->step = g_strdup (step);
  c->topic = g_strdup (topic);
  c->document = g_strdup (outcome->document);
  c->citation = g_strdup (citation);
  c->text = text;
  g_ptr_array_add (outcome->citations, c);
}

static gboolean
cite (Eval              *e,
      ConcordatOutcome  *outcome,
      ConcordatDocument *doc,
      const char        *step,
      const char        *topic,
      GError           **error)
{
  const char *label = concordat_topics_get_label (e->self->topics, topic);
  g_autoptr(GPtrArray) citations = NULL;

  if (doc == NULL)
    {
      add_citation (outcome, step, topic, NULL,
                    g_strdup_printf ("The protocol “%s” is not in the library, so nothing can be "
                                     "cited on the topic “%s”; import it, or choose another "
                                     "protocol in the council settings", outcome->document, label));
      return TRUE;
    }
  citations = concordat_library_cite (e->store, doc->slug, topic,
                                      CONCORDAT_WIZARD_CITATIONS_PER_TOPIC, error);
  if (citations == NULL)
    return FALSE;
  if (citations->len == 0)
    add_citation (outcome, step, topic, NULL,
                  g_strdup_printf ("The protocol “%s” has no paragraph on the topic “%s”", doc->title,
                                   label));
  for (guint i = 0; i < citations->len; i++)
    {
      ConcordatParagraph *paragraph = g_ptr_array_index (citations, i);

      add_citation (outcome, step, topic, paragraph->citation, g_steal_pointer (&paragraph->text));
    }
  return TRUE;
}

static gboolean
cite_steps (Eval              *e,
            ConcordatOutcome  *outcome,
            GError           **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;

  doc = concordat_library_find (e->store, e->council->protocol, &local_error);
  if (doc == NULL && !g_error_matches (local_error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  outcome->document = g_strdup (e->council->protocol);
  outcome->document_version = doc != NULL ? doc->version : 0;

  for (guint i = 0; i < outcome->steps->len; i++)
    {
      const ConcordatStep *step = g_ptr_array_index (outcome->steps, i);

      for (guint j = 0; step->topics[j] != NULL; j++)
        if (!cite (e, outcome, doc, step->id, step->topics[j], error))
          return FALSE;
    }
  /* A stop shows the paragraphs on its topic, cited in its step already or not. */
  if (outcome->stop != NULL && outcome->stop->topic != NULL)
    {
      const ConcordatStep *step = g_ptr_array_index (outcome->steps, outcome->steps->len - 1);

      if (!g_strv_contains ((const char * const *) step->topics, outcome->stop->topic) &&
          !cite (e, outcome, doc, step->id, outcome->stop->topic, error))
        return FALSE;
    }
  return TRUE;
}

/* --- the outcome --- */

static void
citation_free (ConcordatCitation *citation)
{
  g_free (citation->step);
  g_free (citation->topic);
  g_free (citation->document);
  g_free (citation->citation);
  g_free (citation->text);
  g_free (citation);
}

static void
planned_duty_free (ConcordatPlannedDuty *duty)
{
  g_free (duty->title);
  g_free (duty->group);
  g_free (duty);
}

static void
planned_change_free (ConcordatPlannedChange *change)
{
  g_free (change->topic);
  g_free (change->group);
  g_free (change->state);
  g_free (change);
}

void
concordat_outcome_free (ConcordatOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_object (&outcome->wizard);
  g_clear_pointer (&outcome->answers, json_object_unref);
  g_clear_pointer (&outcome->steps, g_ptr_array_unref);
  g_clear_pointer (&outcome->problems, g_ptr_array_unref);
  g_free (outcome->stop_step);
  g_free (outcome->summary);
  g_clear_pointer (&outcome->notes, g_ptr_array_unref);
  g_clear_pointer (&outcome->duties, g_ptr_array_unref);
  g_clear_pointer (&outcome->ledger, g_ptr_array_unref);
  g_clear_pointer (&outcome->citations, g_ptr_array_unref);
  g_free (outcome->document);
  g_free (outcome);
}

static ConcordatOutcome *
outcome_new (ConcordatWizard *self,
             const GDate     *today)
{
  ConcordatOutcome *outcome = g_new0 (ConcordatOutcome, 1);

  outcome->wizard = g_object_ref (self);
  outcome->today = *today;
  outcome->steps = g_ptr_array_new ();
  outcome->notes = g_ptr_array_new_with_free_func (g_free);
  outcome->duties = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_duty_free);
  outcome->ledger = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_change_free);
  outcome->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) citation_free);
  return outcome;
}

/* An answer to a question the wizard does not have is a problem, so that
 * a misspelt key is never silently ignored. */
static void
check_unknown (Eval       *e,
               JsonObject *answers)
{
  g_autoptr(GList) names = answers != NULL ? json_object_get_members (answers) : NULL;

  for (GList *n = names; n != NULL; n = n->next)
    if (!g_hash_table_contains (e->self->fields, n->data))
      {
        g_autofree char *known = concordat_wizard_join_ids (e->self->field_ids);
        /* A name with half a character ("\ud800") is shown, not passed on. */
        g_autofree char *name = g_utf8_make_valid (n->data, -1);

        concordat_wizard_problem (e, name, "%s: there is no such question in this wizard; its questions are %s",
                                  name, known);
      }
}

/**
 * concordat_wizard_evaluate:
 * @store: the store, for the council, its groups, wards and calendar, the
 *   ledger and the protocol to cite
 * @answers: (nullable): the answers, keyed by field id
 * @today: the day the wizard is finished, from which "+Nwd" counts
 *
 * Works out which steps apply, what is wrong with the answers, whether a
 * stop is reached and, when the answers can be recorded, what finishing
 * records.  Nothing is written.
 *
 * Returns: (transfer full): the outcome; or %NULL with @error set only if
 *   the store fails.  Problems with the answers are in the outcome.
 */
ConcordatOutcome *
concordat_wizard_evaluate (ConcordatWizard  *self,
                           ConcordatStore   *store,
                           JsonObject       *answers,
                           const GDate      *today,
                           GError          **error)
{
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_auto(Eval) e = { NULL };

  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);
  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!concordat_wizard_eval_init (&e, self, store, TRUE, error))
    return NULL;
  outcome = outcome_new (self, today);
  for (guint i = 0; i < self->steps->len && outcome->stop == NULL; i++)
    {
      ConcordatStep *step = g_ptr_array_index (self->steps, i);

      if (!concordat_wizard_holds (&e, step->when))
        continue;
      g_ptr_array_add (outcome->steps, step);
      concordat_wizard_ask_step (&e, step, answers);
      outcome->stop = concordat_wizard_first_stop (&e, step);
      if (outcome->stop != NULL)
        outcome->stop_step = g_strdup (step->id);
    }
  check_unknown (&e, answers);
  if (concordat_wizard_eval_failed (&e, error) || !cite_steps (&e, outcome, error))
    return NULL;
  if (e.problems->len == 0 && outcome->stop == NULL)
    plan (&e, outcome);
  if (concordat_wizard_eval_failed (&e, error))
    return NULL;

  outcome->answers = g_steal_pointer (&e.answers);
  outcome->problems = g_steal_pointer (&e.problems);
  return g_steal_pointer (&outcome);
}

/**
 * concordat_outcome_can_finish:
 *
 * Returns: %TRUE when the answers have no problems and reach no stop
 */
gboolean
concordat_outcome_can_finish (const ConcordatOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, FALSE);

  return outcome->problems->len == 0 && outcome->stop == NULL;
}

