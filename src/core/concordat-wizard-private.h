/* concordat-wizard-private.h: what the parts of the wizard engine share —
 * a definition's insides, the state of an evaluation, and the helpers the
 * loader, the answers and the outcome all use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-calendar.h"
#include "concordat-council.h"
#include "concordat-topics.h"
#include "concordat-wizard.h"

G_BEGIN_DECLS

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

extern const char * const concordat_wizard_field_types[];
extern const char * const concordat_wizard_audiences[];
extern const char * const concordat_wizard_ledger_states[];
extern const char * const concordat_wizard_settled_states[];

/* concordat-wizard.c: freeing a definition's parts, and small helpers. */
void        concordat_wizard_condition_free (ConcordatCondition *condition);
void        concordat_wizard_choice_free    (ConcordatChoice    *choice);
void        concordat_wizard_field_free     (ConcordatField     *field);
void        concordat_wizard_stop_free      (ConcordatStop      *stop);
char       *concordat_wizard_join_words     (const char * const *words,
                                             const char         *last);
char       *concordat_wizard_join_ids       (GPtrArray          *ids);
gboolean    concordat_wizard_holds_string   (JsonNode           *node);
gboolean    concordat_wizard_holds_boolean  (JsonNode           *node);
gboolean    concordat_wizard_holds_integer  (JsonNode           *node);
const char *concordat_wizard_describe_node  (JsonNode           *node);
gboolean    concordat_wizard_same_name      (const char         *a,
                                             const char         *b);
gboolean    concordat_wizard_is_id          (const char         *text,
                                             const char         *extra);
char       *concordat_wizard_describe_date  (const GDate        *date);

/* concordat-wizard-answers.c: walking the steps for a set of answers. */
void        concordat_wizard_eval_clear     (Eval               *e);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Eval, concordat_wizard_eval_clear)

gboolean             concordat_wizard_eval_init     (Eval                      *e,
                                                     ConcordatWizard           *self,
                                                     ConcordatStore            *store,
                                                     gboolean                   with_problems,
                                                     GError                   **error);
gboolean             concordat_wizard_eval_failed   (Eval                      *e,
                                                     GError                   **error);
void                 concordat_wizard_problem       (Eval                      *e,
                                                     const char                *field,
                                                     const char                *format,
                                                     ...) G_GNUC_PRINTF (3, 4);
void                 concordat_wizard_failed        (Eval                      *e,
                                                     GError                    *error);
ConcordatCalendar   *concordat_wizard_eval_calendar (Eval                      *e);
GPtrArray           *concordat_wizard_eval_groups   (Eval                      *e);
const char          *concordat_wizard_answer_string (Eval                      *e,
                                                     const char                *id);
gboolean             concordat_wizard_holds         (Eval                      *e,
                                                     const ConcordatCondition  *c);
void                 concordat_wizard_ask_step      (Eval                      *e,
                                                     const ConcordatStep       *step,
                                                     JsonObject                *raw);
const ConcordatStop *concordat_wizard_first_stop    (Eval                      *e,
                                                     const ConcordatStep       *step);

/* Reading a definition. */
typedef struct
{
  ConcordatWizard *self;
  const char      *source;
  GHashTable      *ahead;  /* every field id → where it is, from a first look */
} Loader;

/* concordat-wizard-loader.c: reading JSON strictly. */
gboolean    concordat_wizard_invalid     (Loader              *l,
                                          GError             **error,
                                          const char          *where,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (4, 5);
char       *concordat_wizard_at          (const char          *path,
                                          const char          *key);
char       *concordat_wizard_nth         (const char          *path,
                                          guint                i);
gboolean    concordat_wizard_check_keys  (Loader              *l,
                                          JsonObject          *object,
                                          const char          *path,
                                          const char          *what,
                                          const char * const  *allowed,
                                          GError             **error);
JsonObject *concordat_wizard_read_object (Loader              *l,
                                          JsonNode            *node,
                                          const char          *where,
                                          const char          *what,
                                          GError             **error);
gboolean    concordat_wizard_read_text   (Loader              *l,
                                          JsonObject          *object,
                                          const char          *path,
                                          const char          *key,
                                          gboolean             required,
                                          const char          *hint,
                                          char               **out,
                                          GError             **error);
gboolean    concordat_wizard_read_list   (Loader              *l,
                                          JsonObject          *object,
                                          const char          *path,
                                          const char          *key,
                                          guint                min,
                                          const char          *hint,
                                          JsonArray          **out,
                                          GError             **error);

/* concordat-wizard-loader-outcome.c */
gboolean    concordat_wizard_read_outcome (Loader             *l,
                                           JsonObject         *root,
                                           GError            **error);

/* concordat-wizard-conditions.c */
const ConcordatField *concordat_wizard_refer              (Loader              *l,
                                                           JsonNode            *node,
                                                           const char          *where,
                                                           GError             **error);
gboolean              concordat_wizard_read_when          (Loader              *l,
                                                           JsonObject          *object,
                                                           const char          *path,
                                                           ConcordatCondition **out,
                                                           GError             **error);
gboolean              concordat_wizard_check_placeholders (Loader              *l,
                                                           const char          *text,
                                                           const char          *where,
                                                           gboolean             each,
                                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatCondition, concordat_wizard_condition_free)

G_END_DECLS
