/* concordat-wizard.c: the wizard object — its getters, freeing a definition,
 * and the small helpers its loader, answers and outcome share.
 *
 * A definition is checked whole when it is read (docs/wizards.md is the
 * format), so that evaluating answers never meets a surprise: every field a
 * condition, placeholder or due rule names exists and comes earlier, and
 * every compared value is one the field can take.  Messages name the file
 * and the JSON path of the key at fault, for whoever edits the file.
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

G_DEFINE_FINAL_TYPE (ConcordatWizard, concordat_wizard, G_TYPE_OBJECT)

const char * const concordat_wizard_field_types[] = {
  "text", "long-text", "yes-no", "choice", "date", "group", "groups", "ward", NULL,
};

const char * const concordat_wizard_audiences[] = { "member", "officer", NULL };

const char * const concordat_wizard_ledger_states[] = {
  "requested", "to-offer", "offered", "accepted", "declined", "delivered",
  "available-on-request", NULL,
};

/* The states for-each other-groups leaves out: the group has had its turn,
 * or is already owed an offer from an earlier request. */
const char * const concordat_wizard_settled_states[] = {
  "requested", "to-offer", "offered", "accepted", "declined", "delivered", NULL,
};

const char *
concordat_field_type_to_string (ConcordatFieldType type)
{
  g_return_val_if_fail (type <= CONCORDAT_FIELD_WARD, NULL);

  return concordat_wizard_field_types[type];
}

/* --- freeing --- */

void
concordat_wizard_condition_free (ConcordatCondition *condition)
{
  if (condition == NULL)
    return;
  g_free (condition->field);
  g_free (condition->setting);
  g_free (condition->other);
  g_clear_pointer (&condition->values, g_ptr_array_unref);
  g_clear_pointer (&condition->children, g_ptr_array_unref);
  g_free (condition);
}

void
concordat_wizard_choice_free (ConcordatChoice *choice)
{
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

void
concordat_wizard_field_free (ConcordatField *field)
{
  g_free (field->id);
  g_free (field->label);
  g_free (field->help);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  concordat_wizard_condition_free (field->when);
  g_free (field);
}

void
concordat_wizard_stop_free (ConcordatStop *stop)
{
  concordat_wizard_condition_free (stop->when);
  g_free (stop->reason);
  g_free (stop->topic);
  g_free (stop);
}

static void
step_free (ConcordatStep *step)
{
  g_free (step->id);
  g_free (step->title);
  g_free (step->help);
  g_strfreev (step->topics);
  concordat_wizard_condition_free (step->when);
  g_clear_pointer (&step->fields, g_ptr_array_unref);
  g_clear_pointer (&step->stops, g_ptr_array_unref);
  g_free (step);
}

static void
note_free (Note *note)
{
  concordat_wizard_condition_free (note->when);
  g_free (note->text);
  g_free (note);
}

static void
ledger_rule_free (LedgerRule *rule)
{
  concordat_wizard_condition_free (rule->when);
  g_free (rule->group);
  g_free (rule->for_each);
  g_free (rule->state);
  g_free (rule);
}

static void
duty_rule_free (DutyRule *rule)
{
  concordat_wizard_condition_free (rule->when);
  g_free (rule->title);
  g_free (rule->date_field);
  g_free (rule->for_each);
  g_free (rule);
}

static void
concordat_wizard_finalize (GObject *object)
{
  ConcordatWizard *self = (ConcordatWizard *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_strfreev (self->audience);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->field_steps, g_hash_table_unref);
  g_clear_pointer (&self->field_ids, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self->summary);
  g_free (self->ledger_topic);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->ledger, g_ptr_array_unref);
  g_clear_pointer (&self->duties, g_ptr_array_unref);
  g_clear_object (&self->topics);

  G_OBJECT_CLASS (concordat_wizard_parent_class)->finalize (object);
}

static void
concordat_wizard_class_init (ConcordatWizardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = concordat_wizard_finalize;
}

static void
concordat_wizard_init (ConcordatWizard *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->field_steps = g_hash_table_new (g_str_hash, g_str_equal);
  self->field_ids = g_ptr_array_new ();
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->ledger = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_rule_free);
  self->duties = g_ptr_array_new_with_free_func ((GDestroyNotify) duty_rule_free);
}

/* --- small helpers --- */

/* "a, b or c" */
char *
concordat_wizard_join_words (const char * const *words,
                             const char         *last)
{
  GString *s = g_string_new (NULL);
  guint n = g_strv_length ((char **) words);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i == n - 1 ? last : ", ");
      g_string_append (s, words[i]);
    }
  return g_string_free (s, FALSE);
}

char *
concordat_wizard_join_ids (GPtrArray *ids)
{
  g_autoptr(GPtrArray) words = g_ptr_array_copy (ids, NULL, NULL);

  g_ptr_array_add (words, NULL);
  return concordat_wizard_join_words ((const char * const *) words->pdata, " and ");
}

gboolean
concordat_wizard_holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
concordat_wizard_holds_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
concordat_wizard_holds_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

const char *
concordat_wizard_describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "a list";
  if (concordat_wizard_holds_string (node))
    return "text";
  if (concordat_wizard_holds_boolean (node))
    return "true or false";
  return "a number";
}

/* Names, as of groups and wards, match without regard to case. */
gboolean
concordat_wizard_same_name (const char *a,
                            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

gboolean
concordat_wizard_is_id (const char *text,
                        const char *extra)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr (extra, *p) == NULL)
      return FALSE;
  return TRUE;
}

/* "Tuesday 29 December 2026" */
char *
concordat_wizard_describe_date (const GDate *date)
{
  return concordat_calendar_describe_date (date);
}

/* --- reading a wizard --- */

const char *
concordat_wizard_get_id (ConcordatWizard *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);

  return self->id;
}

int
concordat_wizard_get_version (ConcordatWizard *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), 0);

  return self->version;
}

const char *
concordat_wizard_get_title (ConcordatWizard *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);

  return self->title;
}

const char *
concordat_wizard_get_description (ConcordatWizard *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);

  return self->description;
}

/**
 * concordat_wizard_get_audience:
 *
 * Returns: (transfer none): "member", "officer" or both, %NULL-terminated
 */
const char * const *
concordat_wizard_get_audience (ConcordatWizard *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);

  return (const char * const *) self->audience;
}

/**
 * concordat_wizard_get_steps:
 *
 * Returns: (transfer none) (element-type ConcordatStep): every step, in order
 */
GPtrArray *
concordat_wizard_get_steps (ConcordatWizard *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);

  return self->steps;
}

/**
 * concordat_wizard_find_field:
 * @id: a field's id
 *
 * Returns: (transfer none) (nullable): the field, or %NULL if there is none
 */
const ConcordatField *
concordat_wizard_find_field (ConcordatWizard *self,
                             const char      *id)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->fields, id);
}
