/* concordat-wizard.c: wizards as data — reading a definition strictly, and
 * working out what one set of answers comes to.
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

#include "concordat-calendar.h"
#include "concordat-council.h"
#include "concordat-data.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-store-private.h"
#include "concordat-topics.h"
#include "concordat-wizard.h"

#define WIZARDS_DIR     "wizards/"
#define TEXT_MAX        500
#define LONG_TEXT_MAX   10000
#define OTHER_GROUPS    "other-groups"

typedef enum
{
  COND_EQUALS,
  COND_NOT_EQUALS,
  COND_IN,
  COND_ANSWERED,
  COND_DIFFERS,
  COND_PRE_ELECTION,
  COND_ALL,
  COND_ANY,
  COND_NOT,
} ConditionKind;

/* With @setting set, a comparison is on a council setting, not a field. */
struct _ConcordatCondition
{
  ConditionKind  kind;
  char          *field;
  char          *setting;
  char          *other;     /* differs-from */
  gboolean       answered;
  GPtrArray     *values;    /* JsonNode *: equals, not-equals, in */
  GPtrArray     *children;  /* ConcordatCondition *: all, any, not */
};

typedef struct
{
  ConcordatCondition *when;
  char               *text;
} Note;

/* Exactly one of @group (a group field) and @for_each is set. */
typedef struct
{
  ConcordatCondition *when;
  char               *group;
  char               *for_each;
  char               *state;
} LedgerRule;

typedef struct
{
  ConcordatCondition    *when;
  char                  *title;
  ConcordatCalendarRule  rule;
  char                  *date_field;  /* NULL: counted from the day finished */
  char                  *for_each;
} DutyRule;

struct _ConcordatWizard
{
  GObject          parent_instance;

  char            *id;
  int              version;
  char            *title;
  char            *description;
  GStrv            audience;
  GPtrArray       *steps;        /* ConcordatStep * */
  GHashTable      *fields;       /* id → ConcordatField *, owned by steps */
  GHashTable      *field_steps;  /* id → ConcordatStep * */
  GPtrArray       *field_ids;    /* in the order they are asked */

  char            *summary;
  GPtrArray       *notes;        /* Note * */
  char            *ledger_topic;
  GPtrArray       *ledger;       /* LedgerRule * */
  GPtrArray       *duties;       /* DutyRule * */

  ConcordatTopics *topics;
};

G_DEFINE_FINAL_TYPE (ConcordatWizard, concordat_wizard, G_TYPE_OBJECT)

static const char * const field_types[] = {
  "text", "long-text", "yes-no", "choice", "date", "group", "groups", "ward", NULL,
};

static const char * const audiences[] = { "member", "officer", NULL };

static const char * const ledger_states[] = {
  "requested", "to-offer", "offered", "accepted", "declined", "delivered",
  "available-on-request", NULL,
};

/* The states for-each other-groups leaves out: the group has had its turn. */
static const char * const settled_states[] = {
  "requested", "offered", "accepted", "declined", "delivered", NULL,
};

static const char * const weekday_names[] = {
  NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char * const month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

const char *
concordat_field_type_to_string (ConcordatFieldType type)
{
  g_return_val_if_fail (type <= CONCORDAT_FIELD_WARD, NULL);

  return field_types[type];
}

/* --- freeing --- */

static void
condition_free (ConcordatCondition *condition)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatCondition, condition_free)

static void
choice_free (ConcordatChoice *choice)
{
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

static void
field_free (ConcordatField *field)
{
  g_free (field->id);
  g_free (field->label);
  g_free (field->help);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  condition_free (field->when);
  g_free (field);
}

static void
stop_free (ConcordatStop *stop)
{
  condition_free (stop->when);
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
  condition_free (step->when);
  g_clear_pointer (&step->fields, g_ptr_array_unref);
  g_clear_pointer (&step->stops, g_ptr_array_unref);
  g_free (step);
}

static void
note_free (Note *note)
{
  condition_free (note->when);
  g_free (note->text);
  g_free (note);
}

static void
ledger_rule_free (LedgerRule *rule)
{
  condition_free (rule->when);
  g_free (rule->group);
  g_free (rule->for_each);
  g_free (rule->state);
  g_free (rule);
}

static void
duty_rule_free (DutyRule *rule)
{
  condition_free (rule->when);
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
static char *
join_words (const char * const *words,
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

static char *
join_ids (GPtrArray *ids)
{
  g_autoptr(GPtrArray) words = g_ptr_array_copy (ids, NULL, NULL);

  g_ptr_array_add (words, NULL);
  return join_words ((const char * const *) words->pdata, " and ");
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
holds_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static const char *
describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "a list";
  if (holds_string (node))
    return "text";
  if (holds_boolean (node))
    return "true or false";
  return "a number";
}

/* Names, as of groups and wards, match without regard to case. */
static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

static gboolean
is_id (const char *text,
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
static char *
describe_date (const GDate *date)
{
  return g_strdup_printf ("%s %u %s %u", weekday_names[g_date_get_weekday (date)],
                          g_date_get_day (date), month_names[g_date_get_month (date)],
                          g_date_get_year (date));
}

/* --- reading a definition --- */

typedef struct
{
  ConcordatWizard *self;
  const char      *source;
  GHashTable      *ahead;  /* every field id → where it is, from a first look */
} Loader;

G_GNUC_PRINTF (4, 5)
static gboolean
invalid (Loader      *l,
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

static char *
at (const char *path,
    const char *key)
{
  return *path != '\0' ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
}

static char *
nth (const char *path,
     guint       i)
{
  return g_strdup_printf ("%s[%u]", path, i);
}

static gboolean
check_keys (Loader             *l,
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
        g_autofree char *where = at (path, n->data);
        g_autofree char *words = join_words (allowed, " or ");

        return invalid (l, error, where, "“%s” is not a key of %s; use %s",
                        (const char *) n->data, what, words);
      }
  return TRUE;
}

static JsonObject *
read_object (Loader      *l,
             JsonNode    *node,
             const char  *where,
             const char  *what,
             GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  invalid (l, error, where, "should be %s, an object, not %s", what, describe_node (node));
  return NULL;
}

/* Reads @key of @object as trimmed text, not empty.  Leaves *@out NULL
 * when it is not there and not @required. */
static gboolean
read_text (Loader      *l,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           const char  *hint,
           char       **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *where = at (path, key);
  g_autofree char *text = NULL;

  if (node == NULL)
    return !required || invalid (l, error, where, "missing; %s", hint);
  if (!holds_string (node))
    return invalid (l, error, where, "should be text, not %s; %s", describe_node (node), hint);
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    return invalid (l, error, where, "is empty; %s", hint);
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
  g_autofree char *where = at (path, "id");
  g_autofree char *id = NULL;

  if (!read_text (l, object, path, "id", TRUE, hint, &id, error))
    return FALSE;
  if (!is_id (id, extra))
    return invalid (l, error, where, "“%s” is not an id; %s", id, hint);
  *out = g_steal_pointer (&id);
  return TRUE;
}

/* A list under @key, or NULL with no error when it is absent and may be. */
static gboolean
read_list (Loader      *l,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           guint        min,
           const char  *hint,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *where = at (path, key);

  *out = NULL;
  if (node == NULL)
    return min == 0 || invalid (l, error, where, "missing; %s", hint);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (l, error, where, "should be a list, not %s; %s", describe_node (node), hint);
  if (json_array_get_length (json_node_get_array (node)) < min)
    return invalid (l, error, where, "has too few entries; %s", hint);
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
  g_autofree char *words = join_words (ids, " or ");

  if (!holds_string (node))
    return invalid (l, error, where, "should be a topic's id, such as \"party-groups\", not %s",
                    describe_node (node));
  if (!g_strv_contains (ids, json_node_get_string (node)))
    return invalid (l, error, where, "“%s” is not a topic; use %s", json_node_get_string (node),
                    words);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* --- conditions --- */

/* The field @key of a condition names, which must be asked before it. */
static const ConcordatField *
refer (Loader      *l,
       JsonNode    *node,
       const char  *where,
       GError     **error)
{
  const ConcordatField *field;
  const char *id;
  const char *later;

  if (!holds_string (node))
    {
      invalid (l, error, where, "should be the id of a question, not %s", describe_node (node));
      return NULL;
    }
  id = json_node_get_string (node);
  field = g_hash_table_lookup (l->self->fields, id);
  if (field != NULL)
    return field;

  later = g_hash_table_lookup (l->ahead, id);
  if (later != NULL && g_str_has_prefix (where, later) && where[strlen (later)] == '.')
    invalid (l, error, where, "“%s” is the question this is part of; a condition can use only "
             "answers asked before it", id);
  else if (later != NULL)
    invalid (l, error, where, "“%s” is asked later, at %s; a condition can use only answers "
             "asked before it, so move the question earlier", id, later);
  else if (l->self->field_ids->len == 0)
    invalid (l, error, where, "“%s” is not a question in this wizard, and no question is asked "
             "before this", id);
  else
    {
      g_autofree char *known = join_ids (l->self->field_ids);

      invalid (l, error, where, "“%s” is not a question in this wizard; the questions asked "
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
    return holds_boolean (value) ||
           invalid (l, error, where, "“%s” is a yes-no question; compare it with true or false",
                    field->id);
  if (!holds_string (value))
    return invalid (l, error, where, "should be text, not %s, to compare with “%s”",
                    describe_node (value), field->id);
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
      g_autofree char *words = join_ids (values);
      return invalid (l, error, where, "“%s” is not one of the choices of “%s”; use %s",
                      json_node_get_string (value), field->id, words);
    }
  if (field->type == CONCORDAT_FIELD_DATE &&
      !concordat_calendar_parse_date (json_node_get_string (value), &date))
    return invalid (l, error, where, "“%s” is not a real date; give it as YYYY-MM-DD",
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

  if (!holds_string (value))
    return invalid (l, error, where, "should be text, not %s, to compare with the council's "
                    "“%s”", describe_node (value), setting);
  if (g_str_equal (setting, "briefing-rule") &&
      !concordat_briefing_rule_from_string (json_node_get_string (value), &rule))
    return invalid (l, error, where, "“%s” is not a briefing rule; use offer-to-all or on-request",
                    json_node_get_string (value));
  if (g_str_equal (setting, "region") &&
      !g_strv_contains (concordat_calendar_list_regions (), json_node_get_string (value)))
    return invalid (l, error, where, "“%s” is not a region; use england-wales, scotland or "
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
  g_autofree char *where = at (path, key);
  JsonArray *list;

  if (!check_keys (l, object, path, what, only, error))
    return NULL;
  c->children = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_free);
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
  if (!read_list (l, object, path, key, 1, "give a list of at least one condition", &list, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *each = nth (where, i);
      ConcordatCondition *child = read_condition (l, json_array_get_element (list, i), each, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (c->children, child);
    }
  return g_steal_pointer (&c);
}

/* Reads equals, not-equals or in: exactly one of them must be there. */
static gboolean
read_comparison (Loader                *l,
                 JsonObject            *object,
                 const char            *path,
                 ConcordatCondition    *c,
                 const ConcordatField  *field,
                 GError               **error)
{
  static const char * const kinds[] = { "equals", "not-equals", "in", "answered", "differs-from", NULL };
  const char *found = NULL;
  g_autofree char *where = NULL;
  JsonNode *node;

  for (guint i = 0; kinds[i] != NULL; i++)
    if (json_object_has_member (object, kinds[i]))
      {
        if (found != NULL)
          return invalid (l, error, path, "has both “%s” and “%s”; give one comparison only",
                          found, kinds[i]);
        found = kinds[i];
        c->kind = (ConditionKind) i;
      }
  if (found == NULL)
    return invalid (l, error, path, "needs a comparison: %s",
                    field != NULL ? "equals, not-equals, in, answered or differs-from"
                                  : "equals, not-equals or in");

  where = at (path, found);
  node = json_object_get_member (object, found);
  c->values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  if (c->kind == COND_ANSWERED)
    {
      if (!holds_boolean (node))
        return invalid (l, error, where, "should be true or false, not %s", describe_node (node));
      c->answered = json_node_get_boolean (node);
      return TRUE;
    }
  if (c->kind == COND_DIFFERS)
    {
      const ConcordatField *other = refer (l, node, where, error);

      if (other == NULL)
        return FALSE;
      c->other = g_strdup (other->id);
      return TRUE;
    }
  if (c->kind == COND_IN)
    {
      JsonArray *list;

      if (!read_list (l, object, path, "in", 1, "give a list of the values", &list, error))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (list); i++)
        g_ptr_array_add (c->values, json_node_copy (json_array_get_element (list, i)));
    }
  else
    g_ptr_array_add (c->values, json_node_copy (node));

  for (guint i = 0; i < c->values->len; i++)
    {
      g_autofree char *each = c->kind == COND_IN ? nth (where, i) : g_strdup (where);
      JsonNode *value = g_ptr_array_index (c->values, i);

      if (field != NULL ? !check_field_value (l, field, value, each, error)
                        : !check_setting_value (l, c->setting, value, each, error))
        return FALSE;
    }
  return TRUE;
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
  g_autofree char *where = at (path, "field");
  const ConcordatField *field;

  if (!check_keys (l, object, path, "a condition on a field", keys, error))
    return NULL;
  field = refer (l, json_object_get_member (object, "field"), where, error);
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
  g_autofree char *where = at (path, "council");
  g_autofree char *words = join_words (settings, " or ");
  JsonNode *node = json_object_get_member (object, "council");

  if (!check_keys (l, object, path, "a condition on a council setting", keys, error))
    return NULL;
  if (!holds_string (node) || !g_strv_contains (settings, json_node_get_string (node)))
    {
      invalid (l, error, where, "should name a council setting: %s", words);
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
  g_autofree char *where = at (path, "pre-election");
  const ConcordatField *field;

  if (!check_keys (l, object, path, "a “pre-election” condition", keys, error))
    return NULL;
  field = refer (l, json_object_get_member (object, "pre-election"), where, error);
  if (field == NULL)
    return NULL;
  if (field->type != CONCORDAT_FIELD_DATE)
    {
      invalid (l, error, where, "“%s” is a %s question; “pre-election” needs a date question",
               field->id, field_types[field->type]);
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
  JsonObject *object = read_object (l, node, path, "a condition, such as {\"field\": \"ID\", "
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
  invalid (l, error, path, "a condition needs one of “field”, “council”, “pre-election”, "
           "“all”, “any” or “not”");
  return NULL;
}

/* The optional "when" of @object. */
static gboolean
read_when (Loader              *l,
           JsonObject          *object,
           const char          *path,
           ConcordatCondition **out,
           GError             **error)
{
  g_autofree char *where = at (path, "when");
  JsonNode *node = json_object_get_member (object, "when");

  *out = NULL;
  if (node == NULL)
    return TRUE;
  *out = read_condition (l, node, where, error);
  return *out != NULL;
}

/* --- placeholders --- */

static gboolean
check_placeholders (Loader      *l,
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
      if (!is_id (name, "_"))
        continue;  /* not a placeholder: kept as written */
      if (g_str_equal (name, "each"))
        {
          if (!each)
            return invalid (l, error, where, "“{each}” stands for the item a duty or ledger "
                            "change is repeated for; use it only with “for-each”");
        }
      else if (!g_hash_table_contains (l->self->fields, name))
        return invalid (l, error, where, "“{%s}” names no question in this wizard; a placeholder "
                        "is a question's id in braces, such as {%s}", name,
                        (const char *) g_ptr_array_index (l->self->field_ids, 0));
    }
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
  g_autofree char *where = at (path, "choices");
  JsonArray *list;

  if (field->type != CONCORDAT_FIELD_CHOICE)
    return !json_object_has_member (object, "choices") ||
           invalid (l, error, where, "only a choice question has choices; remove them, or make "
                    "its type choice");
  if (!read_list (l, object, path, "choices", 2, "a choice question needs at least two choices, "
                  "each {\"value\": …, \"label\": …}", &list, error))
    return FALSE;

  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *each = nth (where, i);
      g_autofree char *value_at = at (each, "value");
      JsonObject *o = read_object (l, json_array_get_element (list, i), each,
                                   "a choice, {\"value\": …, \"label\": …}", error);
      ConcordatChoice *choice;

      if (o == NULL || !check_keys (l, o, each, "a choice", keys, error))
        return FALSE;
      choice = g_new0 (ConcordatChoice, 1);
      g_ptr_array_add (field->choices, choice);
      if (!read_text (l, o, each, "value", TRUE, "give the value an answer records, such as "
                      "\"group-leader\"", &choice->value, error) ||
          !read_text (l, o, each, "label", TRUE, "give the words the person chooses", &choice->label,
                      error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((ConcordatChoice *) g_ptr_array_index (field->choices, j))->value,
                         choice->value))
          return invalid (l, error, value_at, "“%s” is the value of choice %u too; give each "
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
  g_autofree char *where = at (path, "type");
  g_autofree char *words = join_words (field_types, " or ");
  g_autofree char *type = NULL;

  if (!read_text (l, object, path, "type", TRUE, "give the kind of answer it takes", &type, error))
    return FALSE;
  for (guint i = 0; field_types[i] != NULL; i++)
    if (g_str_equal (field_types[i], type))
      {
        field->type = (ConcordatFieldType) i;
        return TRUE;
      }
  return invalid (l, error, where, "“%s” is not a field type; use %s", type, words);
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
  g_autofree char *id_at = at (path, "id");
  g_autofree char *required_at = at (path, "required");
  JsonObject *object = read_object (l, node, path, "a question", error);
  ConcordatField *field;
  JsonNode *required;

  if (object == NULL || !check_keys (l, object, path, "a field", keys, error))
    return FALSE;
  field = g_new0 (ConcordatField, 1);
  g_ptr_array_add (step->fields, field);
  if (!read_id (l, object, path, "_", "use lower case letters, digits and “_”, such as "
                "\"meeting_date\"", &field->id, error))
    return FALSE;
  if (g_str_equal (field->id, "each"))
    return invalid (l, error, id_at, "“each” stands for the item of a repeated duty; give the "
                    "question another id");
  if (g_hash_table_contains (l->self->fields, field->id))
    return invalid (l, error, id_at, "“%s” is the id of an earlier question too; every question "
                    "needs its own id", field->id);
  if (!read_field_type (l, object, path, field, error) ||
      !read_text (l, object, path, "label", TRUE, "give the question the person answers",
                  &field->label, error) ||
      !read_text (l, object, path, "help", FALSE, "give more about the question, or leave "
                  "“help” out", &field->help, error) ||
      !read_choices (l, object, path, field, error) ||
      !read_when (l, object, path, &field->when, error))
    return FALSE;

  required = json_object_get_member (object, "required");
  if (required != NULL && !holds_boolean (required))
    return invalid (l, error, required_at, "should be true or false, not %s",
                    describe_node (required));
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
  g_autofree char *when_at = at (path, "when");
  g_autofree char *topic_at = at (path, "topic");
  JsonObject *object = read_object (l, node, path, "a stop, {\"when\": …, \"reason\": …}", error);
  ConcordatStop *stop;

  if (object == NULL || !check_keys (l, object, path, "a stop", keys, error))
    return FALSE;
  stop = g_new0 (ConcordatStop, 1);
  g_ptr_array_add (step->stops, stop);
  if (!json_object_has_member (object, "when"))
    return invalid (l, error, when_at, "missing; a stop needs the condition under which the "
                    "wizard must not go ahead");
  if (!read_when (l, object, path, &stop->when, error) ||
      !read_text (l, object, path, "reason", TRUE, "say why the person must not go ahead",
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
  g_autofree char *where = at (path, "topics");
  g_autoptr(GStrvBuilder) topics = g_strv_builder_new ();
  JsonArray *list;

  if (!read_list (l, object, path, "topics", 0, "give the topics whose paragraphs the step cites",
                  &list, error))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *each = nth (where, i);
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
  g_autofree char *id_at = at (path, "id");
  g_autofree char *fields_at = at (path, "fields");
  g_autofree char *stops_at = at (path, "stops");
  JsonObject *object = read_object (l, node, path, "a step", error);
  ConcordatStep *step;
  JsonArray *fields;
  JsonArray *stops;

  if (object == NULL || !check_keys (l, object, path, "a step", keys, error))
    return FALSE;
  step = g_new0 (ConcordatStep, 1);
  step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  step->stops = g_ptr_array_new_with_free_func ((GDestroyNotify) stop_free);
  g_ptr_array_add (l->self->steps, step);

  if (!read_id (l, object, path, "-_", "use lower case letters, digits, “-” and “_”, such as "
                "\"route\"", &step->id, error))
    return FALSE;
  for (guint i = 0; i + 1 < l->self->steps->len; i++)
    if (g_str_equal (((ConcordatStep *) g_ptr_array_index (l->self->steps, i))->id, step->id))
      return invalid (l, error, id_at, "“%s” is the id of steps[%u] too; every step needs its "
                      "own id", step->id, i);
  if (!read_text (l, object, path, "title", TRUE, "every step needs a title, the heading shown "
                  "above its questions", &step->title, error) ||
      !read_text (l, object, path, "help", FALSE, "give the text shown above the questions, or "
                  "leave “help” out", &step->help, error) ||
      !read_step_topics (l, object, path, step, error) ||
      !read_when (l, object, path, &step->when, error) ||
      !read_list (l, object, path, "fields", 1, "a step needs at least one question", &fields, error) ||
      !read_list (l, object, path, "stops", 0, "give a list of stops, or leave “stops” out",
                  &stops, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      g_autofree char *each = nth (fields_at, i);

      if (!read_field (l, step, json_array_get_element (fields, i), each, error))
        return FALSE;
    }
  for (guint i = 0; stops != NULL && i < json_array_get_length (stops); i++)
    {
      g_autofree char *each = nth (stops_at, i);

      if (!read_stop (l, step, json_array_get_element (stops, i), each, error))
        return FALSE;
    }
  return TRUE;
}

/* --- the outcome --- */

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
  g_autofree char *where = at (path, key);
  const ConcordatField *field = refer (l, json_object_get_member (object, key), where, error);

  if (field == NULL)
    return NULL;
  if ((types & TYPE_BIT (field->type)) != 0)
    return field;
  invalid (l, error, where, "“%s” is a %s question; this needs %s", field->id,
           field_types[field->type], wanted);
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
  if (holds_string (node) && g_str_equal (json_node_get_string (node), OTHER_GROUPS))
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
  g_autofree char *text_at = at (path, "text");
  JsonObject *object = read_object (l, node, path, "a note, {\"text\": …}", error);
  Note *note;

  if (object == NULL || !check_keys (l, object, path, "a note", keys, error))
    return FALSE;
  note = g_new0 (Note, 1);
  g_ptr_array_add (l->self->notes, note);
  return read_when (l, object, path, &note->when, error) &&
         read_text (l, object, path, "text", TRUE, "give the line the record carries",
                    &note->text, error) &&
         check_placeholders (l, note->text, text_at, FALSE, error);
}

static gboolean
read_ledger_rule (Loader      *l,
                  JsonNode    *node,
                  const char  *path,
                  GError     **error)
{
  static const char * const keys[] = { "group", "for-each", "state", "when", NULL };
  g_autofree char *state_at = at (path, "state");
  g_autofree char *states = join_words (ledger_states, " or ");
  JsonObject *object = read_object (l, node, path, "a ledger change, {\"group\": …, "
                                    "\"state\": …}", error);
  LedgerRule *rule;

  if (object == NULL || !check_keys (l, object, path, "a ledger change", keys, error))
    return FALSE;
  rule = g_new0 (LedgerRule, 1);
  g_ptr_array_add (l->self->ledger, rule);
  if (json_object_has_member (object, "group") == json_object_has_member (object, "for-each"))
    return invalid (l, error, path, "a ledger change needs one of “group” (a group question) "
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
  if (!read_text (l, object, path, "state", TRUE, "give the group's new state on the ledger",
                  &rule->state, error))
    return FALSE;
  if (!g_strv_contains (ledger_states, rule->state))
    return invalid (l, error, state_at, "“%s” is not a ledger state; use %s", rule->state, states);
  return read_when (l, object, path, &rule->when, error);
}

static gboolean
read_due (Loader      *l,
          JsonObject  *object,
          const char  *path,
          DutyRule    *duty,
          GError     **error)
{
  g_autofree char *where = at (path, "due");
  g_autofree char *due = NULL;
  g_autoptr(GError) local_error = NULL;
  const ConcordatField *field;
  const char *colon;
  g_autofree char *rule = NULL;

  if (!read_text (l, object, path, "due", TRUE, "give a rule such as \"+2wd\" or "
                  "\"-1wd:visit_date\"", &due, error))
    return FALSE;
  colon = strchr (due, ':');
  rule = colon != NULL ? g_strndup (due, colon - due) : g_strdup (due);
  if (!concordat_calendar_parse_rule (rule, &duty->rule, &local_error))
    return invalid (l, error, where, "%s; add :ID to count from a date question, such as "
                    "+1wd:meeting_date", local_error->message);
  if (colon == NULL)
    {
      if (duty->rule.kind != CONCORDAT_CALENDAR_RULE_AFTER)
        return invalid (l, error, where, "“%s” needs a date question to count from, such as "
                        "%s:meeting_date; without one, a duty falls due +Nwd after the day the "
                        "wizard is finished", due, due);
      return TRUE;
    }

  field = g_hash_table_lookup (l->self->fields, colon + 1);
  if (field == NULL)
    return invalid (l, error, where, "“%s” names no question in this wizard; count from a date "
                    "question, such as %s:meeting_date", colon + 1, rule);
  if (field->type != CONCORDAT_FIELD_DATE)
    return invalid (l, error, where, "“%s” is a %s question; a due rule counts from a date "
                    "question", field->id, field_types[field->type]);
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
  g_autofree char *title_at = at (path, "title");
  JsonObject *object = read_object (l, node, path, "a duty, {\"title\": …, \"due\": …}", error);
  DutyRule *duty;

  if (object == NULL || !check_keys (l, object, path, "a duty", keys, error))
    return FALSE;
  duty = g_new0 (DutyRule, 1);
  g_ptr_array_add (l->self->duties, duty);
  return read_for_each (l, object, path, TRUE, &duty->for_each, error) &&
         read_text (l, object, path, "title", TRUE, "give what must be done", &duty->title, error) &&
         check_placeholders (l, duty->title, title_at, duty->for_each != NULL, error) &&
         read_due (l, object, path, duty, error) &&
         read_when (l, object, path, &duty->when, error);
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
  g_autofree char *where = at ("outcome", key);
  JsonArray *list;

  if (!read_list (l, object, "outcome", key, 0, "give a list, or leave it out", &list, error))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *each = nth (where, i);

      if (!read (l, json_array_get_element (list, i), each, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_outcome (Loader      *l,
              JsonObject  *root,
              GError     **error)
{
  static const char * const keys[] = { "summary", "notes", "ledger-topic", "ledger", "duties", NULL };
  JsonNode *node = json_object_get_member (root, "outcome");
  JsonObject *object;

  if (node == NULL)
    return invalid (l, error, "outcome", "missing; a wizard needs an outcome with at least a "
                    "“summary” for the record");
  object = read_object (l, node, "outcome", "what finishing records", error);
  if (object == NULL || !check_keys (l, object, "outcome", "the outcome", keys, error) ||
      !read_text (l, object, "outcome", "summary", TRUE, "give the record's one-line summary, "
                  "such as \"Briefing for {requesting_group}\"", &l->self->summary, error) ||
      !check_placeholders (l, l->self->summary, "outcome.summary", FALSE, error) ||
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
    return invalid (l, error, "outcome.ledger-topic", "missing; a wizard with “ledger” changes "
                    "needs it: the text question whose answer names the briefing topic");
  return read_entries (l, object, "duties", read_duty, error);
}

/* --- the top level --- */

static gboolean
read_format (Loader      *l,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");

  if (format == NULL)
    return invalid (l, error, "format", "missing; give the format's version, %d",
                    CONCORDAT_WIZARD_FORMAT_VERSION);
  if (!holds_integer (format) || json_node_get_int (format) < 1)
    return invalid (l, error, "format", "should be the whole number %d",
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

  if (!read_list (l, root, "", "audience", 1, "give who it is for: member, officer or both",
                  &list, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *each = nth ("audience", i);
      JsonNode *node = json_array_get_element (list, i);
      const char *who = holds_string (node) ? json_node_get_string (node) : NULL;

      if (who == NULL || !g_strv_contains (audiences, who))
        return invalid (l, error, each, "should be member or officer");
      if (g_ptr_array_find_with_equal_func (seen, who, g_str_equal, NULL))
        return invalid (l, error, each, "“%s” is listed twice; list each once", who);
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
          if (holds_string (id) && !g_hash_table_contains (l->ahead, json_node_get_string (id)))
            g_hash_table_insert (l->ahead, g_strdup (json_node_get_string (id)),
                                 g_strdup_printf ("steps[%u].fields[%u]", i, j));
        }
    }
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
    return invalid (l, error, NULL, "the file should hold one object, {\"format\": %d, \"id\": "
                    "…, \"steps\": […], \"outcome\": {…}}", CONCORDAT_WIZARD_FORMAT_VERSION);
  root = json_node_get_object (node);
  if (!read_format (l, root, error) ||
      !check_keys (l, root, "", "a wizard", keys, error) ||
      !read_id (l, root, "", "-", "use lower case letters, digits and “-”, such as \"briefing\"",
                &l->self->id, error))
    return FALSE;

  version = json_object_get_member (root, "version");
  if (!holds_integer (version) || json_node_get_int (version) < 1 ||
      json_node_get_int (version) > G_MAXINT)
    return invalid (l, error, "version", "should be a whole number from 1, raised whenever the "
                    "questions or the outcome change");
  l->self->version = json_node_get_int (version);

  if (!read_text (l, root, "", "title", TRUE, "give the title the list of wizards shows",
                  &l->self->title, error) ||
      !read_text (l, root, "", "description", TRUE, "give one line on when to use the wizard",
                  &l->self->description, error) ||
      !read_audience (l, root, error) ||
      !read_list (l, root, "", "steps", 1, "a wizard needs at least one step", &steps, error))
    return FALSE;

  look_ahead (l, root);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autofree char *each = nth ("steps", i);

      if (!read_step (l, json_array_get_element (steps, i), each, error))
        return FALSE;
    }
  return read_outcome (l, root, error);
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

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (json, &size);
  if (size == 0)
    {
      invalid (&l, error, NULL, "the file is empty; it should hold a wizard definition as JSON");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      invalid (&l, error, NULL, "this is not valid JSON (%s)", local_error->message);
      return NULL;
    }

  self = g_object_new (CONCORDAT_TYPE_WIZARD, NULL);
  self->topics = concordat_topics_load_default (error);
  if (self->topics == NULL)
    return NULL;
  l.self = self;
  if (!read_root (&l, json_parser_get_root (parser), error))
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
  known = join_ids (ids);
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "There is no wizard “%s”; the wizards are %s", id,
               ids->len > 0 ? known : "none");
  return NULL;
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

/* --- evaluating answers --- */

/* What a walk through the steps knows.  @problems is NULL when only
 * deciding what applies, for the window. */
typedef struct
{
  ConcordatWizard   *self;
  ConcordatStore    *store;
  ConcordatCouncil  *council;
  ConcordatCalendar *calendar;  /* read when first needed */
  GPtrArray         *groups;    /* ConcordatGroup *, every one; read when first needed */
  GPtrArray         *wards;     /* ConcordatWard *; read when first needed */
  JsonObject        *answers;   /* the answers of the fields that apply, normalised */
  GPtrArray         *problems;
  GError            *error;     /* the first failure of the store */
} Eval;

static void
eval_clear (Eval *e)
{
  g_clear_pointer (&e->council, concordat_council_free);
  g_clear_object (&e->calendar);
  g_clear_pointer (&e->groups, g_ptr_array_unref);
  g_clear_pointer (&e->wards, g_ptr_array_unref);
  g_clear_pointer (&e->answers, json_object_unref);
  g_clear_pointer (&e->problems, g_ptr_array_unref);
  g_clear_error (&e->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Eval, eval_clear)

static void
problem_free (ConcordatProblem *problem)
{
  g_free (problem->step);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

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

/* Records a problem with @field's answer (or, with @field NULL, with the
 * answers as a whole), once however many times it is found. */
G_GNUC_PRINTF (3, 4)
static void
problem (Eval       *e,
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
static void
failed (Eval   *e,
        GError *error)
{
  if (e->error == NULL)
    e->error = error;
  else
    g_error_free (error);
}

static ConcordatCalendar *
eval_calendar (Eval *e)
{
  GError *error = NULL;

  if (e->calendar == NULL && e->error == NULL)
    {
      e->calendar = concordat_council_dup_calendar (e->store, e->council, &error);
      if (e->calendar == NULL)
        failed (e, error);
    }
  return e->calendar;
}

static GPtrArray *
eval_groups (Eval *e)
{
  GError *error = NULL;

  if (e->groups == NULL && e->error == NULL)
    {
      e->groups = concordat_council_list_groups (e->store, TRUE, &error);
      if (e->groups == NULL)
        failed (e, error);
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
        failed (e, error);
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

static const char *
answer_string (Eval       *e,
               const char *id)
{
  JsonNode *node = json_object_get_member (e->answers, id);

  return holds_string (node) ? json_node_get_string (node) : NULL;
}

/* --- normalising one answer --- */

static char *
answer_text (Eval                 *e,
             const ConcordatField *field,
             JsonNode             *raw)
{
  if (!holds_string (raw))
    {
      problem (e, field->id, "%s: the answer should be text, not %s", field->id, describe_node (raw));
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
      problem (e, field->id, "%s: the answer has a line break; give it on one line", field->id);
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > max)
    {
      problem (e, field->id, "%s: the answer is %ld characters long; it can be at most %ld, so "
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
  words = join_ids (values);
  problem (e, field->id, "%s: “%s” is not one of the choices; use %s", field->id, text, words);
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
      problem (e, field->id, "%s: “%s” is not a real date; give it as YYYY-MM-DD", field->id, text);
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
  GPtrArray *groups = eval_groups (e);
  g_autofree char *known = NULL;

  if (groups == NULL)
    return NULL;
  for (guint i = 0; i < groups->len; i++)
    {
      ConcordatGroup *group = g_ptr_array_index (groups, i);

      if (!same_name (group->name, name))
        continue;
      if (group->active)
        return group->name;
      known = active_group_names (groups);
      problem (e, field->id, "%s: “%s” is no longer an active party group; the groups are %s",
               field->id, group->name, *known != '\0' ? known : "none");
      return NULL;
    }
  known = active_group_names (groups);
  if (*known == '\0')
    problem (e, field->id, "%s: there is no party group called “%s”; the council has no party "
             "groups yet, so add them in its settings first", field->id, name);
  else
    problem (e, field->id, "%s: there is no party group called “%s”; the groups are %s",
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
      problem (e, field->id, "%s: the answer should be a list of party groups' names, not %s",
               field->id, describe_node (raw));
      return NULL;
    }
  list = json_node_get_array (raw);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      g_autofree char *text = holds_string (item) ? g_strstrip (g_strdup (json_node_get_string (item))) : NULL;
      const char *name;

      if (text == NULL || *text == '\0')
        {
          problem (e, field->id, "%s: item %u of the list should be a party group's name, not %s",
                   field->id, i + 1, text == NULL ? describe_node (item) : "empty");
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
            problem (e, field->id, "%s: %s is in the list twice; list each group once", field->id, name);
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

      if (same_name (ward->name, text))
        return json_node_init_string (json_node_alloc (), ward->name);
      g_ptr_array_add (names, ward->name);
    }
  g_ptr_array_add (names, NULL);
  known = g_strjoinv (", ", (char **) names->pdata);
  if (wards->len == 0)
    problem (e, field->id, "%s: there is no ward called “%s”; the council has no wards yet, so "
             "add them in its settings first", field->id, text);
  else
    problem (e, field->id, "%s: there is no ward called “%s”; the wards are %s", field->id, text,
             known);
  return NULL;
}

/* The answer as recorded, or NULL when it is not answered or is wrong. */
static JsonNode *
normalise (Eval                 *e,
           const ConcordatField *field,
           JsonNode             *raw)
{
  if (raw == NULL || JSON_NODE_HOLDS_NULL (raw))
    return NULL;
  switch (field->type)
    {
    case CONCORDAT_FIELD_TEXT:
    case CONCORDAT_FIELD_LONG_TEXT:
      return normalise_text (e, field, raw);
    case CONCORDAT_FIELD_YES_NO:
      if (holds_boolean (raw))
        return json_node_copy (raw);
      problem (e, field->id, "%s: the answer should be true or false, not %s", field->id,
               describe_node (raw));
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

static gboolean holds (Eval                     *e,
                       const ConcordatCondition *c);

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
        if (same_name (json_array_get_string_element (chosen, i), wanted))
          return TRUE;
      return FALSE;
    }
  if (field->type == CONCORDAT_FIELD_GROUP || field->type == CONCORDAT_FIELD_WARD)
    return same_name (json_node_get_string (answer), wanted);
  return g_str_equal (json_node_get_string (answer), wanted);
}

/* An answer as text to compare with another field's, without regard to case. */
static char *
comparable (JsonNode *answer)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (holds_boolean (answer))
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
  const char *text = answer_string (e, c->field);
  ConcordatCalendar *calendar;
  gboolean inside = FALSE;
  GDate date;

  if (text == NULL || !concordat_calendar_parse_date (text, &date) ||
      (calendar = eval_calendar (e)) == NULL)
    return FALSE;
  if (concordat_council_check_pre_election (e->council, calendar, &date, &inside, &error))
    return inside;
  /* The calendar cannot count that far: a problem with the date, not a failure. */
  if (g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND) ||
      g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID))
    problem (e, c->field, "%s: cannot tell whether %s falls in the pre-election period: %s",
             c->field, text, error->message);
  else
    failed (e, g_steal_pointer (&error));
  return FALSE;
}

static gboolean
holds (Eval                     *e,
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
        if (holds (e, g_ptr_array_index (c->children, i)) != (c->kind == COND_ALL))
          return c->kind == COND_ANY;
      return c->kind == COND_ALL;
    case COND_NOT:
      return !holds (e, g_ptr_array_index (c->children, 0));
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
static void
ask_step (Eval                *e,
          const ConcordatStep *step,
          JsonObject          *raw)
{
  for (guint i = 0; i < step->fields->len && e->error == NULL; i++)
    {
      const ConcordatField *field = g_ptr_array_index (step->fields, i);
      guint before = e->problems != NULL ? e->problems->len : 0;
      JsonNode *answer;

      if (!holds (e, field->when))
        continue;
      answer = normalise (e, field, raw != NULL ? json_object_get_member (raw, field->id) : NULL);
      if (answer != NULL)
        json_object_set_member (e->answers, field->id, answer);
      else if (field->required && (e->problems == NULL || e->problems->len == before))
        problem (e, field->id, "%s: this question needs an answer: %s", field->id, field->label);
    }
}

static const ConcordatStop *
first_stop (Eval                *e,
            const ConcordatStep *step)
{
  for (guint i = 0; i < step->stops->len; i++)
    {
      const ConcordatStop *stop = g_ptr_array_index (step->stops, i);

      if (holds (e, stop->when))
        return stop;
    }
  return NULL;
}

static gboolean
eval_init (Eval             *e,
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

static gboolean
eval_failed (Eval    *e,
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

  if (!eval_init (&e, self, store, FALSE, error))
    return FALSE;
  for (guint i = 0; i < self->steps->len; i++)
    {
      const ConcordatStep *s = g_ptr_array_index (self->steps, i);
      gboolean applies = holds (&e, s->when);

      if (s == step || eval_failed (&e, error))
        return applies && !eval_failed (&e, error);
      if (!applies)
        continue;
      ask_step (&e, s, answers);
      if (first_stop (&e, s) != NULL || eval_failed (&e, error))
        return FALSE;
    }
  g_return_val_if_reached (FALSE);
}

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
      return describe_date (&date);
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
    failed (e, g_error_new (CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
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
      const char *named = rule->group != NULL ? answer_string (e, rule->group) : NULL;

      ledger_names |= rule->group != NULL;
      if (named != NULL && same_name (named, group))
        return TRUE;
    }
  if (ledger_names)
    return FALSE;
  for (guint i = 0; i < e->self->field_ids->len; i++)
    {
      const char *id = g_ptr_array_index (e->self->field_ids, i);
      const ConcordatField *field = g_hash_table_lookup (e->self->fields, id);
      const char *named = answer_string (e, id);

      if (field->type == CONCORDAT_FIELD_GROUP && named != NULL && same_name (named, group))
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
      GPtrArray *groups = eval_groups (e);

      for (guint i = 0; groups != NULL && i < groups->len; i++)
        {
          ConcordatGroup *group = g_ptr_array_index (groups, i);
          const char *state = state_of (states, group->name);

          if (group->active && !is_requesting (e, group->name) &&
              (state == NULL || !g_strv_contains (settled_states, state)))
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
  const char *topic = e->self->ledger_topic != NULL ? answer_string (e, e->self->ledger_topic) : NULL;

  for (guint i = 0; i < e->self->ledger->len && e->error == NULL; i++)
    {
      LedgerRule *rule = g_ptr_array_index (e->self->ledger, i);
      g_autoptr(GPtrArray) items = NULL;

      if (!holds (e, rule->when))
        continue;
      if (topic == NULL)
        {
          problem (e, e->self->ledger_topic, "%s: needed to record the briefing on the ledger; "
                   "give the briefing's topic", e->self->ledger_topic);
          return;
        }
      if (rule->for_each != NULL)
        items = list_items (e, rule->for_each, states);
      else
        {
          items = g_ptr_array_new_with_free_func (g_free);
          if (answer_string (e, rule->group) != NULL)
            g_ptr_array_add (items, g_strdup (answer_string (e, rule->group)));
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
      const char *text = answer_string (e, rule->date_field);

      if (text == NULL)
        {
          problem (e, rule->date_field, "%s: needed to date the duty “%s”; give the date as "
                   "YYYY-MM-DD", rule->date_field, title);
          return;
        }
      concordat_calendar_parse_date (text, &date);
      from = &date;
    }
  calendar = eval_calendar (e);
  if (calendar == NULL)
    return;
  due = concordat_calendar_apply_rule (calendar, &rule->rule, from, &error);
  if (due == NULL)
    {
      if (rule->date_field != NULL)
        problem (e, rule->date_field, "%s: %s", rule->date_field, error->message);
      else
        problem (e, NULL, "%s", error->message);
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

      if (!holds (e, rule->when))
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
  const char *topic = e->self->ledger_topic != NULL ? answer_string (e, e->self->ledger_topic) : NULL;
  g_autoptr(GHashTable) states = read_ledger_states (e, topic);

  outcome->summary = fill (e, e->self->summary, NULL);
  for (guint i = 0; i < e->self->notes->len; i++)
    {
      Note *note = g_ptr_array_index (e->self->notes, i);

      if (holds (e, note->when))
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
        g_autofree char *known = join_ids (e->self->field_ids);

        problem (e, n->data, "%s: there is no such question in this wizard; its questions are %s",
                 (const char *) n->data, known);
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

  if (!eval_init (&e, self, store, TRUE, error))
    return NULL;
  outcome = outcome_new (self, today);
  for (guint i = 0; i < self->steps->len && outcome->stop == NULL; i++)
    {
      ConcordatStep *step = g_ptr_array_index (self->steps, i);

      if (!holds (&e, step->when))
        continue;
      g_ptr_array_add (outcome->steps, step);
      ask_step (&e, step, answers);
      outcome->stop = first_stop (&e, step);
      if (outcome->stop != NULL)
        outcome->stop_step = g_strdup (step->id);
    }
  check_unknown (&e, answers);
  if (eval_failed (&e, error) || !cite_steps (&e, outcome, error))
    return NULL;
  if (e.problems->len == 0 && outcome->stop == NULL)
    plan (&e, outcome);
  if (eval_failed (&e, error))
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
