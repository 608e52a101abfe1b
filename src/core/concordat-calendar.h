/* concordat-calendar.h: working days in one UK region, its bank holidays
 * and the council's own closure days, and the rules that count due dates
 * in working days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The version of the bank holidays file format this build reads. */
#define CONCORDAT_CALENDAR_FORMAT_VERSION 1

/* The most working days a due-date rule may count. */
#define CONCORDAT_CALENDAR_RULE_MAX_DAYS 365

/**
 * ConcordatCalendarRuleKind:
 * @CONCORDAT_CALENDAR_RULE_ON: "on": the date itself, working day or not
 * @CONCORDAT_CALENDAR_RULE_AFTER: "+Nwd": N working days after the date
 * @CONCORDAT_CALENDAR_RULE_BEFORE: "-Nwd": N working days before the date
 */
typedef enum
{
  CONCORDAT_CALENDAR_RULE_ON,
  CONCORDAT_CALENDAR_RULE_AFTER,
  CONCORDAT_CALENDAR_RULE_BEFORE,
} ConcordatCalendarRuleKind;

/**
 * ConcordatCalendarRule:
 * @kind: which way the rule counts
 * @days: how many working days; 0 for %CONCORDAT_CALENDAR_RULE_ON
 *
 * A due-date rule as a wizard states it, such as "+2wd".
 */
typedef struct
{
  ConcordatCalendarRuleKind kind;
  guint                     days;
} ConcordatCalendarRule;

#define CONCORDAT_TYPE_CALENDAR (concordat_calendar_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatCalendar, concordat_calendar, CONCORDAT, CALENDAR, GObject)

const char * const *concordat_calendar_list_regions     (void);
char               *concordat_calendar_describe_date    (const GDate                  *date);

ConcordatCalendar  *concordat_calendar_new_for_region   (const char                   *region,
                                                         GError                      **error);
ConcordatCalendar  *concordat_calendar_new_from_bytes   (GBytes                       *json,
                                                         const char                   *region,
                                                         GError                      **error);

const char         *concordat_calendar_get_region       (ConcordatCalendar            *self);
int                 concordat_calendar_get_first_year   (ConcordatCalendar            *self);
int                 concordat_calendar_get_last_year    (ConcordatCalendar            *self);

void                concordat_calendar_add_holiday      (ConcordatCalendar            *self,
                                                         const GDate                  *date,
                                                         const char                   *name);
const char         *concordat_calendar_get_holiday_name (ConcordatCalendar            *self,
                                                         const GDate                  *date);
GArray             *concordat_calendar_list_holidays    (ConcordatCalendar            *self,
                                                         int                           year,
                                                         GError                      **error);

gboolean            concordat_calendar_is_working_day   (ConcordatCalendar            *self,
                                                         const GDate                  *date,
                                                         GError                      **error);
GDate              *concordat_calendar_add_working_days (ConcordatCalendar            *self,
                                                         const GDate                  *date,
                                                         int                           n,
                                                         GError                      **error);

gboolean            concordat_calendar_parse_rule       (const char                   *text,
                                                         ConcordatCalendarRule        *rule,
                                                         GError                      **error);
GDate              *concordat_calendar_apply_rule       (ConcordatCalendar            *self,
                                                         const ConcordatCalendarRule  *rule,
                                                         const GDate                  *date,
                                                         GError                      **error);

gboolean            concordat_calendar_parse_date       (const char                   *text,
                                                         GDate                        *date);

G_END_DECLS
