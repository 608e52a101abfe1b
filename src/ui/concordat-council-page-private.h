/* concordat-council-page-private.h: what the Council page's files share:
 * its settings and the user's role in concordat-council-page.c, its party
 * groups and wards in -lists.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-council-page.h"

G_BEGIN_DECLS

struct _ConcordatCouncilPage
{
  AdwPreferencesPage    parent_instance;

  AdwComboRow          *role_row;
  AdwPreferencesGroup  *reminders_group;
  AdwEntryRow          *reminder_time_row;
  GtkSwitch            *remind_closed_switch;
  GtkLabel             *reminders_reason;
  AdwEntryRow          *name_row;
  AdwComboRow          *protocol_row;
  AdwComboRow          *briefing_rule_row;
  GtkSpinButton        *info_days_spin;
  AdwComboRow          *region_row;
  GtkLabel             *council_reason;
  AdwEntryRow          *polling_day_row;
  AdwActionRow         *pre_election_row;
  GtkSpinButton        *pre_election_spin;
  GtkLabel             *election_reason;
  AdwPreferencesGroup  *groups_group;
  AdwEntryRow          *add_group_row;
  GtkLabel             *groups_reason;
  AdwPreferencesGroup  *wards_group;
  AdwEntryRow          *add_ward_row;
  GtkLabel             *wards_reason;

  ConcordatStore       *store;
  GSettings            *settings;
  GPtrArray            *protocols;     /* char *: slugs, in the order of protocol_row */
  GPtrArray            *group_rows;    /* GtkWidget *: shown after add_group_row */
  GPtrArray            *ward_rows;     /* GtkWidget *: shown after add_ward_row */
  char                 *expanded;      /* the group whose row is open, kept open on reload */
  gboolean              loading;       /* showing stored values, not the user's */
};

/* concordat-council-page.c */
void concordat_council_page_refuse     (ConcordatCouncilPage *self,
                                        GtkWidget            *row,
                                        GtkLabel             *reason,
                                        const GError         *error);
void concordat_council_page_accept     (ConcordatCouncilPage *self,
                                        GtkWidget            *row,
                                        GtkLabel             *reason);
void concordat_council_page_toast      (ConcordatCouncilPage *self,
                                        AdwToast             *toast);
void concordat_council_page_watch_entry (GtkWidget           *entry,
                                         GtkLabel            *reason);

/* concordat-council-page-lists.c */
void concordat_council_page_init_lists (ConcordatCouncilPage *self);
void concordat_council_page_show_lists (ConcordatCouncilPage *self);

G_END_DECLS
