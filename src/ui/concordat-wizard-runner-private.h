/* concordat-wizard-runner-private.h: what the runner's files share: the
 * runner itself, working the answers out and the actions in
 * concordat-wizard-runner.c, its pages in concordat-wizard-runner-pages.c,
 * the questions' controls in concordat-wizard-fields.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-topics.h"
#include "concordat-wizard-runner.h"

G_BEGIN_DECLS

typedef enum
{
  PAGE_STEP,
  PAGE_STOP,
  PAGE_SUMMARY,
} PageKind;

struct _ConcordatWizardRunner
{
  AdwBin               parent_instance;

  GtkLabel            *wizard_label;
  GtkLabel            *count_label;
  GtkStack            *pages;
  GtkScrolledWindow   *step_scroller;
  GtkLabel            *step_title;
  GtkWidget           *columns;
  GtkLabel            *step_help;
  GtkBox              *fields_box;
  GtkLabel            *errors_label;
  GtkLabel            *hint_label;
  GtkBox              *citations_box;
  AdwStatusPage       *stop_page;
  GtkBox              *stop_citations_box;
  GtkScrolledWindow   *summary_scroller;
  AdwActionRow        *summary_row;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *duties_group;
  AdwPreferencesGroup *ledger_group;
  GtkLabel            *finish_error_label;
  GtkWidget           *action_bar;
  GtkWidget           *next_button;
  GtkWidget           *go_back_button;
  GtkWidget           *close_button;
  GtkWidget           *back_button;
  GtkWidget           *cancel_button;
  GtkWidget           *finish_button;

  ConcordatStore      *store;
  ConcordatWizard     *wizard;
  ConcordatTopics     *topics;
  JsonObject          *answers;      /* as given, unchecked: what the draft keeps */
  ConcordatOutcome    *outcome;      /* what they come to now */
  char                *failure;      /* why they could not be worked out */
  GPtrArray           *fields;       /* ConcordatFieldRow *, the step on screen */
  GPtrArray           *summary_rows; /* rows put in the summary's groups */
  const ConcordatStep *step;         /* on screen, or the one a stop is in */
  PageKind             page;
  guint                n_steps;      /* steps that apply, before any stop */
  gboolean             quiet;        /* widgets being filled in, or going */
};

/* concordat-wizard-runner.c */
char         *concordat_wizard_runner_describe_date  (const GDate            *date);
char         *concordat_wizard_runner_clean_message  (const ConcordatProblem *problem);
void          concordat_wizard_runner_set_row_text   (AdwPreferencesRow      *row,
                                                      const char             *title,
                                                      const char             *subtitle);
AdwActionRow *concordat_wizard_runner_text_row_new   (const char             *title,
                                                      const char             *subtitle);
void          concordat_wizard_runner_update         (ConcordatWizardRunner  *self);
void          concordat_wizard_runner_answer_changed (ConcordatWizardRunner  *self);

/* concordat-wizard-runner-pages.c */
void          concordat_wizard_runner_show_step      (ConcordatWizardRunner  *self,
                                                      const ConcordatStep    *step);
void          concordat_wizard_runner_show_stop      (ConcordatWizardRunner  *self);
void          concordat_wizard_runner_fill_summary   (ConcordatWizardRunner  *self);
void          concordat_wizard_runner_show_summary   (ConcordatWizardRunner  *self);

G_END_DECLS
