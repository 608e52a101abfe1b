/* concordat-duties-view.h: the Duties view: pending, overdue and done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_DUTIES_VIEW (concordat_duties_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatDutiesView, concordat_duties_view, CONCORDAT, DUTIES_VIEW, AdwBin)

void concordat_duties_view_set_store (ConcordatDutiesView *self,
                                     ConcordatStore *store);
guint concordat_duties_view_get_due_count (ConcordatDutiesView *self);
void  concordat_duties_view_show_duty      (ConcordatDutiesView *self,
                                           gint64               id);

G_END_DECLS
