/* concordat-record.h: what the wizards record — actions, the duties they
 * create and the briefing ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-store.h"
#include "concordat-wizard.h"

G_BEGIN_DECLS

/**
 * ConcordatAction:
 * @id: its row in the store
 * @wizard: the wizard's id
 * @wizard_version: the version of the definition it was finished with
 * @date: the day it was recorded (the clock's today), YYYY-MM-DD
 * @created: when it was written, ISO 8601 in UTC
 * @summary: one line
 * @answers: the answers as JSON text
 * @notes: (element-type utf8): the notes it carries
 * @document: (nullable): the slug of the protocol its guidance came from
 * @document_version: that protocol's version
 * @citations: (element-type ConcordatCitation) (nullable): the paragraphs
 *   shown; filled in by concordat_record_get_action() only
 * @duties: (element-type ConcordatDuty) (nullable): the duties it created;
 *   filled in by concordat_record_get_action() only
 */
typedef struct
{
  gint64     id;
  char      *wizard;
  int        wizard_version;
  char      *date;
  char      *created;
  char      *summary;
  char      *answers;
  GPtrArray *notes;
  char      *document;
  int        document_version;
  GPtrArray *citations;
  GPtrArray *duties;
} ConcordatAction;

typedef enum
{
  CONCORDAT_DUTY_PENDING,
  CONCORDAT_DUTY_OVERDUE,
  CONCORDAT_DUTY_DONE,
} ConcordatDutyStatus;

/* Which duties concordat_record_list_duties() returns. */
typedef enum
{
  CONCORDAT_DUTY_FILTER_PENDING,  /* not done: due, overdue or not yet due */
  CONCORDAT_DUTY_FILTER_OVERDUE,  /* not done and past its due date */
  CONCORDAT_DUTY_FILTER_DONE,
  CONCORDAT_DUTY_FILTER_ALL,
} ConcordatDutyFilter;

/**
 * ConcordatDuty:
 * @due: the date it was due when created, YYYY-MM-DD
 * @snoozed_until: (nullable): the date it was snoozed to, YYYY-MM-DD
 * @status: relative to the day it was listed for: overdue once the day
 *   after its due date (or the date it was snoozed to) has come
 * @done_at: (nullable): when it was marked done, ISO 8601 in UTC
 * @group: (nullable): the party group it is for
 * @topic: (nullable): the briefing topic it is for
 */
typedef struct
{
  gint64               id;
  gint64               action_id;
  char                *wizard;
  char                *title;
  char                *due;
  char                *snoozed_until;
  ConcordatDutyStatus  status;
  char                *done_at;
  char                *group;
  char                *topic;
} ConcordatDuty;

/**
 * ConcordatLedgerCell:
 * @group: the party group
 * @state: its state on the topic; "not-offered" when it has none
 * @date: (nullable): the date of that state, YYYY-MM-DD
 * @gap: %TRUE when the group has not been offered what another group had
 *   and the council's rule is offer-to-all
 */
typedef struct
{
  char     *group;
  char     *state;
  char     *date;
  gboolean  gap;
} ConcordatLedgerCell;

/**
 * ConcordatLedgerTopic:
 * @requested_by: (nullable): the group that first asked
 * @cells: (element-type ConcordatLedgerCell): one per active group, and
 *   one per inactive group that has a state on the topic
 */
typedef struct
{
  gint64     id;
  char      *topic;
  char      *requested_by;
  char      *date;
  GPtrArray *cells;
} ConcordatLedgerTopic;

/**
 * ConcordatActionFilter:
 * @wizard: (nullable): only this wizard's actions
 * @from: (nullable): only actions on or after this day, YYYY-MM-DD
 * @to: (nullable): only actions on or before this day, YYYY-MM-DD
 * @search: (nullable): only actions whose summary has these words (each
 *   word also matches as the start of a longer one)
 *
 * Which actions a page of the record shows; all of them when every member
 * is %NULL.
 */
typedef struct
{
  const char *wizard;
  const char *from;
  const char *to;
  const char *search;
} ConcordatActionFilter;

/**
 * ConcordatDraft:
 * @wizard: the wizard's id
 * @answers: the answers so far, as JSON text
 * @step: the id of the step it was left at, or ""
 * @updated_at: when it was last saved, ISO 8601 in UTC
 */
typedef struct
{
  char *wizard;
  char *answers;
  char *step;
  char *updated_at;
} ConcordatDraft;

void concordat_action_free       (ConcordatAction      *action);
void concordat_draft_free        (ConcordatDraft       *draft);
void concordat_duty_free         (ConcordatDuty        *duty);
void concordat_ledger_cell_free  (ConcordatLedgerCell  *cell);
void concordat_ledger_topic_free (ConcordatLedgerTopic *topic);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatAction, concordat_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatDuty, concordat_duty_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatLedgerTopic, concordat_ledger_topic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatDraft, concordat_draft_free)

const char * const *concordat_ledger_list_states   (void);
const char         *concordat_duty_status_to_string (ConcordatDutyStatus status);
gboolean            concordat_duty_filter_from_string (const char        *text,
                                                       ConcordatDutyFilter *filter);

/* Finishing a wizard: the answers are worked out again and written in one
 * transaction.  Refused, with nothing written, when they have problems or
 * reach a stop (CONCORDAT_ERROR_INVALID); *outcome is set either way when
 * not NULL, for the caller to show what was wrong. */
gint64              concordat_record_finish        (ConcordatStore     *store,
                                                    ConcordatWizard    *wizard,
                                                    JsonObject         *answers,
                                                    const GDate        *today,
                                                    ConcordatOutcome  **outcome,
                                                    GError            **error);

GPtrArray          *concordat_record_list_actions  (ConcordatStore     *store,
                                                    const char         *wizard,
                                                    GError            **error);
ConcordatAction    *concordat_record_get_action    (ConcordatStore     *store,
                                                    gint64              id,
                                                    const GDate        *today,
                                                    GError            **error);

/* The record a page at a time, for a list that reads lazily. */
gint64              concordat_record_count_actions (ConcordatStore     *store,
                                                    const ConcordatActionFilter *filter,
                                                    GError            **error);
GPtrArray          *concordat_record_list_actions_page (ConcordatStore *store,
                                                    const ConcordatActionFilter *filter,
                                                    guint               offset,
                                                    guint               limit,
                                                    GError            **error);

/* Removing old actions, with their citations and duties; the ledger keeps
 * its states. */
gint64              concordat_record_count_before  (ConcordatStore     *store,
                                                    const GDate        *before,
                                                    GError            **error);
gint64              concordat_record_remove_before (ConcordatStore     *store,
                                                    const GDate        *before,
                                                    GError            **error);

/* A wizard in progress, kept until it is finished or discarded. */
gboolean            concordat_record_save_draft    (ConcordatStore     *store,
                                                    const char         *wizard,
                                                    JsonObject         *answers,
                                                    const char         *step,
                                                    GError            **error);
ConcordatDraft     *concordat_record_load_draft    (ConcordatStore     *store,
                                                    const char         *wizard,
                                                    GError            **error);
GPtrArray          *concordat_record_list_drafts   (ConcordatStore     *store,
                                                    GError            **error);
gboolean            concordat_record_discard_draft (ConcordatStore     *store,
                                                    const char         *wizard,
                                                    GError            **error);

gint64              concordat_record_count_due     (ConcordatStore     *store,
                                                    const GDate        *today,
                                                    GError            **error);

GPtrArray          *concordat_record_list_duties   (ConcordatStore     *store,
                                                    ConcordatDutyFilter filter,
                                                    const GDate        *today,
                                                    GError            **error);
ConcordatDuty      *concordat_record_get_duty      (ConcordatStore     *store,
                                                    gint64              id,
                                                    const GDate        *today,
                                                    GError            **error);
gboolean            concordat_record_duty_done     (ConcordatStore     *store,
                                                    gint64              id,
                                                    GError            **error);
gboolean            concordat_record_duty_snooze   (ConcordatStore     *store,
                                                    gint64              id,
                                                    const GDate        *until,
                                                    const GDate        *today,
                                                    GError            **error);

GPtrArray          *concordat_record_ledger        (ConcordatStore     *store,
                                                    GError            **error);
gboolean            concordat_record_ledger_set    (ConcordatStore     *store,
                                                    const char         *topic,
                                                    const char         *group,
                                                    const char         *state,
                                                    const GDate        *date,
                                                    GError            **error);

G_END_DECLS
