/* concordat-wizard-conditions.c: reading a definition's conditions and
 * placeholders, and checking that each names a question asked before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-error.h"
#include "concordat-wizard-private.h"

/* --- conditions --- */

/* The field @key of a condition names, which must be asked before it. */
const ConcordatField *
concordat_wizard_refer (Loader      *l,
                        JsonNode    *node,
                        const char  *where,
                        GError     **error)
{
  const ConcordatField *field;
  const char *id;
  const char *later;

  if (!concordat_wizard_holds_string (node))
    {
      concordat_wizard_invalid (l, error, where, "should be the id of a question, not %s", concordat_wizard_describe_node (node));
      return NULL;
    }
  id = json_node_get_string (node);
  field = g_hash_table_lookup (l->self->fields, id);
  if (field != NULL)
    return field;

  later = g_hash_table_lookup (l->ahead, id);
  if (later != NULL && g_str_has_prefix (where, later) && where[strlen (later)] == '.')
    concordat_wizard_invalid (l, error, where, "“%s” is the question this is part of; a condition can use only "
                              "answers asked before it", id);
  else if (later != NULL)
    concordat_wizard_invalid (l, error, where, "“%s” is asked later, at %s; a condition can use only answers "
                              "asked before it, so move the question earlier", id, later);
  else if (l->self->field_ids->len == 0)
    concordat_wizard_invalid (l, error, where, "“%s” is not a question in this wizard, and no question is asked "
                              "before this", id);
  else
    {
      g_autofree char *known = concordat_wizard_join_ids (l->self->field_ids);

      concordat_wizard_invalid (l, error, where, "“%s” is not a question in this wizard; the questions asked "
                                "before this are %s", id, known);
    }
  return NULL;
}

static gboolean
check_field_value (Loader                *l,
                   const ConcordatField  *field,
                   JsonNode              *value,
                   const char            *where,
                   GError               **error)
{
  GDate date;

  if (field->type == CONCORDAT_FIELD_YES_NO)
    return concordat_wizard_holds_boolean (value) ||
           concordat_wizard_invalid (l, error, where, "“%s” is a yes-no question; compare it with true or false",
                                     field->id);
  if (!concordat_wizard_holds_string (value))
    return concordat_wizard_invalid (l, error, where, "should be text, not %s, to compare with “%s”",
                                     concordat_wizard_describe_node (value), field->id);
  if (field->type == CONCORDAT_FIELD_CHOICE)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new ();

      for (guint i = 0; i < field->choices->len; i++)
        {
          ConcordatChoice *choice = g_ptr_array_index (field->choices, i);

          if (g_str_equal (choice->value, json_node_get_string (value)))
            return TRUE;
          g_ptr_array_add (values, choice->value);
        }
      g_autofree char *words = concordat_wizard_join_ids (values);
      return concordat_wizard_invalid (l, error, where, "“%s” is not one of the choices of “%s”; use %s",
                                       json_node_get_string (value), field->id, words);
    }
  if (field->type == CONCORDAT_FIELD_DATE &&
      !concordat_calendar_parse_date (json_node_get_string (value), &date))
    return concordat_wizard_invalid (l, error, where, "“%s” is not a real date; give it as YYYY-MM-DD",
                                     json_node_get_string (value));
  return TRUE;
}

static gboolean
check_setting_value (Loader      *l,
                     const char  *setting,
                     JsonNode    *value,
                     const char  *where,
                     GError     **error)
{
  ConcordatBriefingRule rule;

  if (!concordat_wizard_holds_string (value))
    return concordat_wizard_invalid (l, error, where, "should be text, not %s, to compare with the council's "
                                     "“%s”", concordat_wizard_describe_node (value), setting);
  if (g_str_equal (setting, "briefing-rule") &&
      !concordat_briefing_rule_from_string (json_node_get_string (value), &rule))
    return concordat_wizard_invalid (l, error, where, "“%s” is not a briefing rule; use offer-to-all or on-request",
                                     json_node_get_string (value));
  if (g_str_equal (setting, "region") &&
      !g_strv_contains (concordat_calendar_list_regions (), json_node_get_string (value)))
    return concordat_wizard_invalid (l, error, where, "“%s” is not a region; use england-wales, scotland or "
                                     "northern-ireland", json_node_get_string (value));
  return TRUE;
}

static ConcordatCondition *read_condition (Loader      *l,
                                           JsonNode    *node,
                                           const char  *path,
                                           GError     **error);

static ConcordatCondition *
read_group (Loader      *l,
            JsonObject  *object,
            const char  *path,
            const char  *key,
            GError     **error)
{
  const char * const only[] = { key, NULL };
  g_autoptr(ConcordatCondition) c = g_new0 (ConcordatCondition, 1);
  g_autofree char *what = g_strdup_printf ("an “%s” condition", key);
  g_autofree char *where = concordat_wizard_at (path, key);
  JsonArray *list;

  if (!concordat_wizard_check_keys (l, object, path, what, only, error))
    return NULL;
  c->children = g_ptr_array_new_with_free_func ((GDestroyNotify) concordat_wizard_condition_free);
  if (g_str_equal (key, "not"))
    {
      ConcordatCondition *child = read_condition (l, json_object_get_member (object, key),
                                                  where, error);

      c->kind = COND_NOT;
      if (child == NULL)
        return NULL;
      g_ptr_array_add (c->children, child);
      return g_steal_pointer (&c);
    }

  c->kind = g_str_equal (key, "all") ? COND_ALL : COND_ANY;
  if (!concordat_wizard_read_list (l, object, path, key, 1, "give a list of at least one condition", &list, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *each = concordat_wizard_nth (where, i);
      ConcordatCondition *child = read_condition (l, json_array_get_element (list, i), each, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (c->children, child);
    }
  return g_steal_pointer (&c);
}

/* Reads equals, not-equals or in: exactly one of them must be there. */
static const char *
find_comparison (Loader              *l,
                 JsonObject          *object,
                 const char          *path,
                 ConcordatCondition  *c,
                 gboolean             on_field,
                 GError             **error)
{
  static const char * const kinds[] = { "equals", "not-equals", "in", "answered", "differs-from", NULL };
  const char *found = NULL;

  for (guint i = 0; kinds[i] != NULL; i++)
    if (json_object_has_member (object, kinds[i]))
      {
        if (found != NULL)
          {
            concordat_wizard_invalid (l, error, path, "has both “%s” and “%s”; give one comparison only",
                                      found, kinds[i]);
            return NULL;
          }
        found = kinds[i];
        c->kind = (ConditionKind) i;
      }
  if (found == NULL)
    concordat_wizard_invalid (l, error, path, "needs a comparison: %s",
                              on_field ? "equals, not-equals, in, answered or differs-from"
                                       : "equals, not-equals or in");
  return found;
}

/* The values of equals, not-equals or in, each one the field or setting can take. */
static gboolean
read_compared_values (Loader                *l,
                      JsonObject            *object,
                      const char            *path,
                      const char            *where,
                      JsonNode              *node,
                      ConcordatCondition    *c,
                      const ConcordatField  *field,
                      GError               **error)
{
  if (c->kind == COND_IN)
    {
      JsonArray *list;

      if (!concordat_wizard_read_list (l, object, path, "in", 1, "give a list of the values", &list, error))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (list); i++)
        g_ptr_array_add (c->values, json_node_copy (json_array_get_element (list, i)));
    }
  else
    g_ptr_array_add (c->values, json_node_copy (node));

  for (guint i = 0; i < c->values->len; i++)
    {
      g_autofree char *each = c->kind == COND_IN ? concordat_wizard_nth (where, i) : g_strdup (where);
      JsonNode *value = g_ptr_array_index (c->values, i);

      if (field != NULL ? !check_field_value (l, field, value, each, error)
                        : !check_setting_value (l, c->setting, value, each, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_comparison (Loader                *l,
                 JsonObject            *object,
                 const char            *path,
                 ConcordatCondition    *c,
                 const ConcordatField  *field,
                 GError               **error)
{
  const char *found = find_comparison (l, object, path, c, field != NULL, error);
  g_autofree char *where = NULL;
  JsonNode *node;

  if (found == NULL)
    return FALSE;
  where = concordat_wizard_at (path, found);
  node = json_object_get_member (object, found);
  c->values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  if (c->kind == COND_ANSWERED)
    {
      if (!concordat_wizard_holds_boolean (node))
        return concordat_wizard_invalid (l, error, where, "should be true or false, not %s",
                                         concordat_wizard_describe_node (node));
      c->answered = json_node_get_boolean (node);
      return TRUE;
    }
  if (c->kind == COND_DIFFERS)
    {
      const ConcordatField *other = concordat_wizard_refer (l, node, where, error);

      if (other == NULL)
        return FALSE;
      c->other = g_strdup (other->id);
      return TRUE;
    }
  return read_compared_values (l, object, path, where, node, c, field, error);
}

static ConcordatCondition *
read_on_field (Loader      *l,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  static const char * const keys[] = {
    "field", "equals", "not-equals", "in", "answered", "differs-from", NULL,
  };
  g_autoptr(ConcordatCondition) c = g_new0 (ConcordatCondition, 1);
  g_autofree char *where = concordat_wizard_at (path, "field");
  const ConcordatField *field;

  if (!concordat_wizard_check_keys (l, object, path, "a condition on a field", keys, error))
    return NULL;
  field = concordat_wizard_refer (l, json_object_get_member (object, "field"), where, error);
  if (field == NULL)
    return NULL;
  c->field = g_strdup (field->id);
  if (!read_comparison (l, object, path, c, field, error))
    return NULL;
  return g_steal_pointer (&c);
}

static ConcordatCondition *
read_on_council (Loader      *l,
                 JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  static const char * const keys[] = { "council", "equals", "not-equals", "in", NULL };
  const char * const *settings = concordat_council_list_keys ();
  g_autoptr(ConcordatCondition) c = g_new0 (ConcordatCondition, 1);
  g_autofree char *where = concordat_wizard_at (path, "council");
  g_autofree char *words = concordat_wizard_join_words (settings, " or ");
  JsonNode *node = json_object_get_member (object, "council");

  if (!concordat_wizard_check_keys (l, object, path, "a condition on a council setting", keys, error))
    return NULL;
  if (!concordat_wizard_holds_string (node) || !g_strv_contains (settings, json_node_get_string (node)))
    {
      concordat_wizard_invalid (l, error, where, "should name a council setting: %s", words);
      return NULL;
    }
  c->setting = g_strdup (json_node_get_string (node));
  if (!read_comparison (l, object, path, c, NULL, error))
    return NULL;
  return g_steal_pointer (&c);
}

static ConcordatCondition *
read_pre_election (Loader      *l,
                   JsonObject  *object,
                   const char  *path,
                   GError     **error)
{
  static const char * const keys[] = { "pre-election", NULL };
  g_autoptr(ConcordatCondition) c = g_new0 (ConcordatCondition, 1);
  g_autofree char *where = concordat_wizard_at (path, "pre-election");
  const ConcordatField *field;

  if (!concordat_wizard_check_keys (l, object, path, "a “pre-election” condition", keys, error))
    return NULL;
  field = concordat_wizard_refer (l, json_object_get_member (object, "pre-election"), where, error);
  if (field == NULL)
    return NULL;
  if (field->type != CONCORDAT_FIELD_DATE)
    {
      concordat_wizard_invalid (l, error, where, "“%s” is a %s question; “pre-election” needs a date question",
                                field->id, concordat_wizard_field_types[field->type]);
      return NULL;
    }
  c->kind = COND_PRE_ELECTION;
  c->field = g_strdup (field->id);
  return g_steal_pointer (&c);
}

static ConcordatCondition *
read_condition (Loader      *l,
                JsonNode    *node,
                const char  *path,
                GError     **error)
{
  JsonObject *object = concordat_wizard_read_object (l, node, path, "a condition, such as {\"field\": \"ID\", "
                                                     "\"equals\": V}", error);

  if (object == NULL)
    return NULL;
  if (json_object_has_member (object, "field"))
    return read_on_field (l, object, path, error);
  if (json_object_has_member (object, "council"))
    return read_on_council (l, object, path, error);
  if (json_object_has_member (object, "pre-election"))
    return read_pre_election (l, object, path, error);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const groups[] = { "all", "any", "not" };

      if (json_object_has_member (object, groups[i]))
        return read_group (l, object, path, groups[i], error);
    }
  concordat_wizard_invalid (l, error, path, "a condition needs one of “field”, “council”, “pre-election”, "
                            "“all”, “any” or “not”");
  return NULL;
}

/* The optional "when" of @object. */
gboolean
concordat_wizard_read_when (Loader              *l,
                            JsonObject          *object,
                            const char          *path,
                            ConcordatCondition **out,
                            GError             **error)
{
  g_autofree char *where = concordat_wizard_at (path, "when");
  JsonNode *node = json_object_get_member (object, "when");

  *out = NULL;
  if (node == NULL)
    return TRUE;
  *out = read_condition (l, node, where, error);
  return *out != NULL;
}

/* --- placeholders --- */

gboolean
concordat_wizard_check_placeholders (Loader      *l,
                                     const char  *text,
                                     const char  *where,
                                     gboolean     each,
                                     GError     **error)
{
  for (const char *p = strchr (text, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *end = strchr (p, '}');
      g_autofree char *name = NULL;

      if (end == NULL)
        break;
      name = g_strndup (p + 1, end - p - 1);
      if (!concordat_wizard_is_id (name, "_"))
        continue;  /* not a placeholder: kept as written */
      if (g_str_equal (name, "each"))
        {
          if (!each)
            return concordat_wizard_invalid (l, error, where, "“{each}” stands for the item a duty or ledger "
                                             "change is repeated for; use it only with “for-each”");
        }
      else if (!g_hash_table_contains (l->self->fields, name))
        return concordat_wizard_invalid (l, error, where, "“{%s}” names no question in this wizard; a placeholder "
                                         "is a question's id in braces, such as {%s}", name,
                                         (const char *) g_ptr_array_index (l->self->field_ids, 0));
    }
  return TRUE;
}

