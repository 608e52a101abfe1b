/* concordat-council.h: the council Concordat works for — its settings,
 * party groups, wards and local holidays, kept in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-calendar.h"
#include "concordat-store.h"

G_BEGIN_DECLS

/* The defaults of a council nobody has set up yet. */
#define CONCORDAT_COUNCIL_DEFAULT_PRE_ELECTION_DAYS  25
#define CONCORDAT_COUNCIL_DEFAULT_INFO_RESPONSE_DAYS 2
#define CONCORDAT_COUNCIL_DEFAULT_REGION             "england-wales"

/**
 * ConcordatBriefingRule:
 * @CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL: "offer-to-all": a briefing given
 *   to one party group is offered to every other group (a duty per group)
 * @CONCORDAT_BRIEFING_RULE_ON_REQUEST: "on-request": an officer who briefs
 *   one group must not decline another's request on the same matter; the
 *   other groups are shown as "available on request"
 */
typedef enum
{
  CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL,
  CONCORDAT_BRIEFING_RULE_ON_REQUEST,
} ConcordatBriefingRule;

/**
 * ConcordatCouncil:
 * @name: the council's name; "" until it is set
 * @briefing_rule: how briefings are offered to the other groups
 * @polling_day: the next polling day; invalid (g_date_valid() is %FALSE)
 *   until it is set
 * @pre_election_days: how many working days before polling day the
 *   pre-election period starts
 * @info_response_days: the target, in working days, for answering a
 *   member's request for information
 * @region: the bank-holiday region, one of concordat_calendar_list_regions()
 * @protocol: the slug of the active protocol, whose paragraphs the wizards
 *   cite; "model" until another is chosen
 *
 * The council's settings, as concordat_council_load() reads them.
 */
typedef struct
{
  char                  *name;
  ConcordatBriefingRule  briefing_rule;
  GDate                  polling_day;
  guint                  pre_election_days;
  guint                  info_response_days;
  char                  *region;
  char                  *protocol;
} ConcordatCouncil;

/**
 * ConcordatGroup:
 * @id: its row in the store
 * @name: its name, unique without regard to case
 * @leader: its leader's name, or ""
 * @active: %FALSE once removed while the record still refers to it
 */
typedef struct
{
  gint64    id;
  char     *name;
  char     *leader;
  gboolean  active;
} ConcordatGroup;

/**
 * ConcordatWard:
 * @id: its row in the store
 * @name: its name, unique without regard to case
 */
typedef struct
{
  gint64  id;
  char   *name;
} ConcordatWard;

/**
 * ConcordatHoliday:
 * @date: the day the council is closed
 * @name: what it is, such as "Council closure day"
 */
typedef struct
{
  GDate  date;
  char  *name;
} ConcordatHoliday;

void concordat_council_free (ConcordatCouncil *council);
void concordat_group_free   (ConcordatGroup   *group);
void concordat_ward_free    (ConcordatWard    *ward);
void concordat_holiday_free (ConcordatHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatCouncil, concordat_council_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatGroup, concordat_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatWard, concordat_ward_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatHoliday, concordat_holiday_free)

const char         *concordat_briefing_rule_to_string   (ConcordatBriefingRule  rule);
gboolean            concordat_briefing_rule_from_string (const char            *text,
                                                         ConcordatBriefingRule *rule);

/* Settings.  The keys are name, briefing-rule, polling-day,
 * pre-election-days, info-response-days, region and protocol. */
const char * const *concordat_council_list_keys         (void);
ConcordatCouncil   *concordat_council_load              (ConcordatStore        *store,
                                                         GError               **error);
char               *concordat_council_dup_value         (const ConcordatCouncil *council,
                                                         const char            *key);
gboolean            concordat_council_set               (ConcordatStore        *store,
                                                         const char            *key,
                                                         const char            *value,
                                                         GError               **error);

/* Working days and the pre-election period. */
ConcordatCalendar  *concordat_council_dup_calendar      (ConcordatStore        *store,
                                                         const ConcordatCouncil *council,
                                                         GError               **error);
gboolean            concordat_council_get_pre_election  (const ConcordatCouncil *council,
                                                         ConcordatCalendar     *calendar,
                                                         GDate                 *start,
                                                         GDate                 *end,
                                                         GError               **error);
gboolean            concordat_council_check_pre_election (const ConcordatCouncil *council,
                                                         ConcordatCalendar     *calendar,
                                                         const GDate           *date,
                                                         gboolean              *inside,
                                                         GError               **error);

/* Party groups. */
GPtrArray          *concordat_council_list_groups       (ConcordatStore        *store,
                                                         gboolean               include_inactive,
                                                         GError               **error);
ConcordatGroup     *concordat_council_find_group        (ConcordatStore        *store,
                                                         const char            *name,
                                                         GError               **error);
ConcordatGroup     *concordat_council_add_group         (ConcordatStore        *store,
                                                         const char            *name,
                                                         const char            *leader,
                                                         GError               **error);
gboolean            concordat_council_update_group      (ConcordatStore        *store,
                                                         const char            *name,
                                                         const char            *new_name,
                                                         const char            *leader,
                                                         GError               **error);
gboolean            concordat_council_set_group_active  (ConcordatStore        *store,
                                                         const char            *name,
                                                         gboolean               active,
                                                         GError               **error);
gboolean            concordat_council_remove_group      (ConcordatStore        *store,
                                                         const char            *name,
                                                         gboolean              *kept_inactive,
                                                         GError               **error);

/* Wards. */
GPtrArray          *concordat_council_list_wards        (ConcordatStore        *store,
                                                         GError               **error);
ConcordatWard      *concordat_council_find_ward         (ConcordatStore        *store,
                                                         const char            *name,
                                                         GError               **error);
ConcordatWard      *concordat_council_add_ward          (ConcordatStore        *store,
                                                         const char            *name,
                                                         GError               **error);
gboolean            concordat_council_remove_ward       (ConcordatStore        *store,
                                                         const char            *name,
                                                         GError               **error);

/* Local holidays: days the council is closed besides the bank holidays. */
GPtrArray          *concordat_council_list_holidays     (ConcordatStore        *store,
                                                         GError               **error);
gboolean            concordat_council_add_holiday       (ConcordatStore        *store,
                                                         const GDate           *date,
                                                         const char            *name,
                                                         GError               **error);
gboolean            concordat_council_remove_holiday    (ConcordatStore        *store,
                                                         const GDate           *date,
                                                         GError               **error);

G_END_DECLS
