/* concordat-wizard-loader-outcome.c: reading what finishing a wizard
 * records — its summary, notes, ledger changes and duties — strictly, as
 * the rest of a definition is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-wizard-private.h"

#define TYPE_BIT(t) (1u << (t))

static const ConcordatField *
read_field_ref (Loader      *l,
                JsonObject  *object,
                const char  *path,
                const char  *key,
                guint        types,
                const char  *wanted,
                GError     **error)
{
  g_autofree char *where = concordat_wizard_at (path, key);
  const ConcordatField *field = concordat_wizard_refer (l, json_object_get_member (object, key), where, error);

  if (field == NULL)
    return NULL;
  if ((types & TYPE_BIT (field->type)) != 0)
    return field;
  concordat_wizard_invalid (l, error, where, "“%s” is a %s question; this needs %s", field->id,
                            concordat_wizard_field_types[field->type], wanted);
  return NULL;
}

/* "other-groups", or a field whose answer lists the items: for a duty,
 * a groups question or a text question of names; for a ledger change, a
 * groups question. */
static gboolean
read_for_each (Loader      *l,
               JsonObject  *object,
               const char  *path,
               gboolean     names,
               char       **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "for-each");
  const ConcordatField *field;

  if (node == NULL)
    return TRUE;
  if (concordat_wizard_holds_string (node) && g_str_equal (json_node_get_string (node), OTHER_GROUPS))
    {
      *out = g_strdup (OTHER_GROUPS);
      return TRUE;
    }
  if (names)
    field = read_field_ref (l, object, path, "for-each",
                            TYPE_BIT (CONCORDAT_FIELD_GROUPS) | TYPE_BIT (CONCORDAT_FIELD_TEXT) |
                            TYPE_BIT (CONCORDAT_FIELD_LONG_TEXT),
                            "“other-groups”, a groups question or a text question of names",
                            error);
  else
    field = read_field_ref (l, object, path, "for-each", TYPE_BIT (CONCORDAT_FIELD_GROUPS),
                            "“other-groups” or a groups question", error);
  if (field == NULL)
    return FALSE;
  *out = g_strdup (field->id);
  return TRUE;
}

static gboolean
read_note (Loader      *l,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const keys[] = { "when", "text", NULL };
  g_autofree char *text_at = concordat_wizard_at (path, "text");
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a note, {\"text\": …}", error);
  Note *note;

  if (object == NULL || !concordat_wizard_check_keys (l, object, path, "a note", keys, error))
    return FALSE;
  note = g_new0 (Note, 1);
  g_ptr_array_add (l->self->notes, note);
  return concordat_wizard_read_when (l, object, path, &note->when, error) &&
         concordat_wizard_read_text (l, object, path, "text", TRUE, "give the line the record carries",
                    &note->text, error) &&
         concordat_wizard_check_placeholders (l, note->text, text_at, FALSE, error);
}

static gboolean
read_ledger_rule (Loader      *l,
                  JsonNode    *node,
                  const char  *path,
                  GError     **error)
{
  static const char * const keys[] = { "group", "for-each", "state", "when", NULL };
  g_autofree char *state_at = concordat_wizard_at (path, "state");
  g_autofree char *states = concordat_wizard_join_words (concordat_wizard_ledger_states, " or ");
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a ledger change, {\"group\": …, "
                                                     "\"state\": …}", error);
  LedgerRule *rule;

  if (object == NULL || !concordat_wizard_check_keys (l, object, path, "a ledger change", keys, error))
    return FALSE;
  rule = g_new0 (LedgerRule, 1);
  g_ptr_array_add (l->self->ledger, rule);
  if (json_object_has_member (object, "group") == json_object_has_member (object, "for-each"))
    return concordat_wizard_invalid (l, error, path, "a ledger change needs one of “group” (a group question) "
                                     "and “for-each” (\"other-groups\")");
  if (json_object_has_member (object, "group"))
    {
      const ConcordatField *field = read_field_ref (l, object, path, "group", TYPE_BIT (CONCORDAT_FIELD_GROUP),
                                                    "a group question", error);
      if (field == NULL)
        return FALSE;
      rule->group = g_strdup (field->id);
    }
  else if (!read_for_each (l, object, path, FALSE, &rule->for_each, error))
    return FALSE;
  if (!concordat_wizard_read_text (l, object, path, "state", TRUE, "give the group's new state on the ledger",
                  &rule->state, error))
    return FALSE;
  if (!g_strv_contains (concordat_wizard_ledger_states, rule->state))
    return concordat_wizard_invalid (l, error, state_at, "“%s” is not a ledger state; use %s", rule->state, states);
  return concordat_wizard_read_when (l, object, path, &rule->when, error);
}

static gboolean
read_due (Loader      *l,
          JsonObject  *object,
          const char  *path,
          DutyRule    *duty,
          GError     **error)
{
  g_autofree char *where = concordat_wizard_at (path, "due");
  g_autofree char *due = NULL;
  g_autoptr(GError) local_error = NULL;
  const ConcordatField *field;
  const char *colon;
  g_autofree char *rule = NULL;

  if (!concordat_wizard_read_text (l, object, path, "due", TRUE, "give a rule such as \"+2wd\" or "
                  "\"-1wd:visit_date\"", &due, error))
    return FALSE;
  colon = strchr (due, ':');
  rule = colon != NULL ? g_strndup (due, colon - due) : g_strdup (due);
  if (!concordat_calendar_parse_rule (rule, &duty->rule, &local_error))
    return concordat_wizard_invalid (l, error, where, "%s; add :ID to count from a date question, such as "
                                     "+1wd:meeting_date", local_error->message);
  if (colon == NULL)
    {
      if (duty->rule.kind != CONCORDAT_CALENDAR_RULE_AFTER)
        return concordat_wizard_invalid (l, error, where, "“%s” needs a date question to count from, such as "
                                         "%s:meeting_date; without one, a duty falls due +Nwd after the day the "
                                         "wizard is finished", due, due);
      return TRUE;
    }

  field = g_hash_table_lookup (l->self->fields, colon + 1);
  if (field == NULL)
    return concordat_wizard_invalid (l, error, where, "“%s” names no question in this wizard; count from a date "
                                     "question, such as %s:meeting_date", colon + 1, rule);
  if (field->type != CONCORDAT_FIELD_DATE)
    return concordat_wizard_invalid (l, error, where, "“%s” is a %s question; a due rule counts from a date "
                                     "question", field->id, concordat_wizard_field_types[field->type]);
  duty->date_field = g_strdup (field->id);
  return TRUE;
}

static gboolean
read_duty (Loader      *l,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const keys[] = { "title", "due", "when", "for-each", NULL };
  g_autofree char *title_at = concordat_wizard_at (path, "title");
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a duty, {\"title\": …, \"due\": …}", error);
  DutyRule *duty;

  if (object == NULL || !concordat_wizard_check_keys (l, object, path, "a duty", keys, error))
    return FALSE;
  duty = g_new0 (DutyRule, 1);
  g_ptr_array_add (l->self->duties, duty);
  return read_for_each (l, object, path, TRUE, &duty->for_each, error) &&
         concordat_wizard_read_text (l, object, path, "title", TRUE, "give what must be done", &duty->title, error) &&
         concordat_wizard_check_placeholders (l, duty->title, title_at, duty->for_each != NULL, error) &&
         read_due (l, object, path, duty, error) &&
         concordat_wizard_read_when (l, object, path, &duty->when, error);
}

typedef gboolean (*ReadEntry) (Loader      *l,
                               JsonNode    *node,
                               const char  *path,
                               GError     **error);

static gboolean
read_entries (Loader      *l,
              JsonObject  *object,
              const char  *key,
              ReadEntry    read,
              GError     **error)
{
  g_autofree char *where = concordat_wizard_at ("outcome", key);
  JsonArray *list;

  if (!concordat_wizard_read_list (l, object, "outcome", key, 0, "give a list, or leave it out", &list, error))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *each = concordat_wizard_nth (where, i);

      if (!read (l, json_array_get_element (list, i), each, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
concordat_wizard_read_outcome (Loader      *l,
              JsonObject  *root,
              GError     **error)
{
  static const char * const keys[] = { "summary", "notes", "ledger-topic", "ledger", "duties", NULL };
  JsonNode *node = json_object_get_member (root, "outcome");
  JsonObject *object;

  if (node == NULL)
    return concordat_wizard_invalid (l, error, "outcome", "missing; a wizard needs an outcome with at least a "
                                     "“summary” for the record");
  object = concordat_wizard_read_object (l, node, "outcome", "what finishing records", error);
  if (object == NULL || !concordat_wizard_check_keys (l, object, "outcome", "the outcome", keys, error) ||
      !concordat_wizard_read_text (l, object, "outcome", "summary", TRUE, "give the record's one-line summary, "
                  "such as \"Briefing for {requesting_group}\"", &l->self->summary, error) ||
      !concordat_wizard_check_placeholders (l, l->self->summary, "outcome.summary", FALSE, error) ||
      !read_entries (l, object, "notes", read_note, error))
    return FALSE;

  if (json_object_has_member (object, "ledger-topic"))
    {
      const ConcordatField *field = read_field_ref (l, object, "outcome", "ledger-topic",
                                                    TYPE_BIT (CONCORDAT_FIELD_TEXT), "a text question", error);
      if (field == NULL)
        return FALSE;
      l->self->ledger_topic = g_strdup (field->id);
    }
  if (!read_entries (l, object, "ledger", read_ledger_rule, error))
    return FALSE;
  if (l->self->ledger->len > 0 && l->self->ledger_topic == NULL)
    return concordat_wizard_invalid (l, error, "outcome.ledger-topic", "missing; a wizard with “ledger” changes "
                                     "needs it: the text question whose answer names the briefing topic");
  return read_entries (l, object, "duties", read_duty, error);
}
