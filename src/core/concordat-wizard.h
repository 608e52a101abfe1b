/* concordat-wizard.h: wizards as data — loading and checking a definition,
 * and working out, for a set of answers, which steps apply, what is wrong
 * with the answers, whether a stop is reached and what finishing records.
 *
 * The definition format is described in docs/wizards.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "concordat-store.h"

G_BEGIN_DECLS

/* The version of the wizard definition format this build reads. */
#define CONCORDAT_WIZARD_FORMAT_VERSION 1

/* How many paragraphs a step cites for each of its topics. */
#define CONCORDAT_WIZARD_CITATIONS_PER_TOPIC 5

/* JSON nested deeper than this, in a definition or in answers, is refused
 * before it is parsed: a definition needs about a dozen levels, answers
 * two, and the parser would use up the stack on a file of "[[[[…". */
#define CONCORDAT_WIZARD_MAX_JSON_DEPTH 64

typedef enum
{
  CONCORDAT_FIELD_TEXT,
  CONCORDAT_FIELD_LONG_TEXT,
  CONCORDAT_FIELD_YES_NO,
  CONCORDAT_FIELD_CHOICE,
  CONCORDAT_FIELD_DATE,
  CONCORDAT_FIELD_GROUP,
  CONCORDAT_FIELD_GROUPS,
  CONCORDAT_FIELD_WARD,
} ConcordatFieldType;

/* A condition on answers and council settings; opaque. */
typedef struct _ConcordatCondition ConcordatCondition;

typedef struct
{
  char *value;
  char *label;
} ConcordatChoice;

/**
 * ConcordatField:
 * @id: the answer's key
 * @type: what kind of answer it takes
 * @label: the question
 * @help: (nullable): more about the question
 * @required: whether it must be answered when it applies
 * @choices: (element-type ConcordatChoice): for %CONCORDAT_FIELD_CHOICE
 * @when: (nullable): the condition under which it applies
 */
typedef struct
{
  char               *id;
  ConcordatFieldType  type;
  char               *label;
  char               *help;
  gboolean            required;
  GPtrArray          *choices;
  ConcordatCondition *when;
} ConcordatField;

typedef struct
{
  ConcordatCondition *when;
  char               *reason;
  char               *topic;
} ConcordatStop;

/**
 * ConcordatStep:
 * @fields: (element-type ConcordatField)
 * @stops: (element-type ConcordatStop)
 * @topics: the topics it cites, %NULL-terminated
 */
typedef struct
{
  char               *id;
  char               *title;
  char               *help;
  char              **topics;
  ConcordatCondition *when;
  GPtrArray          *fields;
  GPtrArray          *stops;
} ConcordatStep;

#define CONCORDAT_TYPE_WIZARD (concordat_wizard_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatWizard, concordat_wizard, CONCORDAT, WIZARD, GObject)

const char         *concordat_field_type_to_string  (ConcordatFieldType  type);

gboolean            concordat_wizard_json_too_deep  (const char        *json,
                                                     gsize              length);

/* An answers file is a handful of short answers; anything this big is a
 * mistake, and is refused before it is read into memory. */
#define CONCORDAT_WIZARD_ANSWERS_MAX_BYTES (1024 * 1024)

JsonObject         *concordat_wizard_parse_answers  (const char        *contents,
                                                     gsize              length,
                                                     const char        *source,
                                                     GError           **error);
ConcordatWizard    *concordat_wizard_new_from_bytes (GBytes            *json,
                                                     const char        *source,
                                                     GError           **error);
ConcordatWizard    *concordat_wizard_new_from_file  (const char        *path,
                                                     GError           **error);
GPtrArray          *concordat_wizard_load_bundled   (GError           **error);
ConcordatWizard    *concordat_wizard_find_bundled   (const char        *id,
                                                     GError           **error);

const char         *concordat_wizard_get_id          (ConcordatWizard   *self);
int                 concordat_wizard_get_version     (ConcordatWizard   *self);
const char         *concordat_wizard_get_title       (ConcordatWizard   *self);
const char         *concordat_wizard_get_description (ConcordatWizard   *self);
const char * const *concordat_wizard_get_audience    (ConcordatWizard   *self);
GPtrArray          *concordat_wizard_get_steps       (ConcordatWizard   *self);
const ConcordatField *concordat_wizard_find_field    (ConcordatWizard   *self,
                                                      const char        *id);
gboolean            concordat_wizard_step_applies    (ConcordatWizard   *self,
                                                      ConcordatStore    *store,
                                                      const ConcordatStep *step,
                                                      JsonObject        *answers,
                                                      GError           **error);

/**
 * ConcordatProblem:
 * @step: the step the field is in
 * @field: the field's id, or %NULL for a problem with the answers as a whole
 * @message: what is wrong and what would be right
 */
typedef struct
{
  char *step;
  char *field;
  char *message;
} ConcordatProblem;

/**
 * ConcordatCitation:
 * @step: the step that cites it
 * @topic: the topic it was found for
 * @document: the protocol's slug
 * @citation: the paragraph's citation, such as "8.3"; %NULL with @text
 *   saying so when the protocol has no paragraph on @topic
 * @text: the paragraph's text
 */
typedef struct
{
  char *step;
  char *topic;
  char *document;
  char *citation;
  char *text;
} ConcordatCitation;

/**
 * ConcordatPlannedDuty:
 * @title: with its placeholders filled in
 * @due: when it falls due
 * @group: (nullable): the party group it is for, when repeated for groups
 */
typedef struct
{
  char  *title;
  GDate  due;
  char  *group;
} ConcordatPlannedDuty;

/**
 * ConcordatPlannedChange:
 * @topic: the briefing topic
 * @group: the party group's name
 * @state: its new state on the ledger
 */
typedef struct
{
  char *topic;
  char *group;
  char *state;
} ConcordatPlannedChange;

/**
 * ConcordatOutcome:
 * @wizard: the definition
 * @answers: the answers that apply, normalised (trimmed, names spelt as
 *   the council spells them); what finishing records
 * @today: the day it was worked out for
 * @steps: (element-type ConcordatStep): the steps that apply, in order,
 *   up to the stop if one is reached
 * @problems: (element-type ConcordatProblem): what is wrong with the
 *   answers; empty when they can be recorded
 * @stop: (nullable): the stop reached, if any
 * @stop_step: (nullable): the id of the step it is in
 * @summary: the record's summary
 * @notes: (element-type utf8): the notes the record carries
 * @duties: (element-type ConcordatPlannedDuty)
 * @ledger: (element-type ConcordatPlannedChange)
 * @citations: (element-type ConcordatCitation): for the steps that apply
 * @document: the active protocol's slug
 * @document_version: its version
 *
 * What a wizard comes to for one set of answers.  It can be recorded only
 * when @problems is empty and @stop is %NULL.
 */
typedef struct
{
  ConcordatWizard     *wizard;
  JsonObject          *answers;
  GDate                today;
  GPtrArray           *steps;
  GPtrArray           *problems;
  const ConcordatStop *stop;
  char                *stop_step;
  char                *summary;
  GPtrArray           *notes;
  GPtrArray           *duties;
  GPtrArray           *ledger;
  GPtrArray           *citations;
  char                *document;
  int                  document_version;
} ConcordatOutcome;

void              concordat_outcome_free     (ConcordatOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatOutcome, concordat_outcome_free)

ConcordatOutcome *concordat_wizard_evaluate  (ConcordatWizard  *self,
                                              ConcordatStore   *store,
                                              JsonObject       *answers,
                                              const GDate      *today,
                                              GError          **error);
gboolean          concordat_outcome_can_finish (const ConcordatOutcome *outcome);

G_END_DECLS
