/* concordat-wizard-fields.h: the controls that ask a wizard's questions,
 * for the runner's step pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-wizard.h"
#include "concordat-wizard-runner.h"

G_BEGIN_DECLS

/* One question on the page: the widgets that show it, and where its
 * answer goes.  Owned by its outermost widget. */
typedef struct
{
  ConcordatWizardRunner *runner;
  const ConcordatField  *field;
  GtkWidget             *widget;   /* shown while the question applies */
  GtkWidget             *help;     /* help shown apart from @widget, or NULL */
  GtkWidget             *row;      /* the row marked when the answer is wrong */
  GtkWidget             *entry;    /* date: YYYY-MM-DD */
  GtkCalendar           *calendar;
  GPtrArray             *options;  /* choice, group, groups: check buttons */
  const char            *empty;    /* why there is nothing to choose from */
} ConcordatFieldRow;

ConcordatFieldRow *concordat_field_row_new         (ConcordatWizardRunner *self,
                                                    const ConcordatField  *field);
void               concordat_field_row_set_visible (ConcordatFieldRow     *fr,
                                                    gboolean               visible);

G_END_DECLS
