/* test-calendar.c: working days are counted past weekends and each
 * region's bank holidays, one-off holidays included; due-date rules are
 * read and applied; a broken bank holidays file, an unknown region and a
 * date outside the years known are refused with a message; and "today"
 * can be fixed with CONCORDAT_TODAY, whose bad values are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "concordat-calendar.h"
#include "concordat-clock.h"
#include "concordat-error.h"

static GDate *
date_from (const char *iso)
{
  g_autoptr(GDate) date = g_date_new ();

  g_assert_true (concordat_calendar_parse_date (iso, date));
  return g_steal_pointer (&date);
}

static char *
iso (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static ConcordatCalendar *
calendar_for (const char *region)
{
  g_autoptr(GError) error = NULL;
  ConcordatCalendar *calendar = concordat_calendar_new_for_region (region, &error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static gboolean
is_working_day (ConcordatCalendar *calendar,
                const char        *when)
{
  g_autoptr(GDate) date = date_from (when);
  g_autoptr(GError) error = NULL;
  gboolean working = concordat_calendar_is_working_day (calendar, date, &error);

  g_assert_no_error (error);
  return working;
}

/* @n working days from @from in @region is @expected. */
static void
assert_counts (const char *region,
               const char *from,
               int         n,
               const char *expected)
{
  g_autoptr(ConcordatCalendar) calendar = calendar_for (region);
  g_autoptr(GDate) date = date_from (from);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) reached = concordat_calendar_add_working_days (calendar, date, n, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = iso (reached);
  g_test_message ("%s: %+d working days from %s is %s", region, n, from, got);
  g_assert_cmpstr (got, ==, expected);
}

/* Rule @text applied to @from in @region gives @expected. */
static void
assert_rule (const char *region,
             const char *text,
             const char *from,
             const char *expected)
{
  g_autoptr(ConcordatCalendar) calendar = calendar_for (region);
  g_autoptr(GDate) date = date_from (from);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = NULL;
  g_autofree char *got = NULL;
  ConcordatCalendarRule rule;

  concordat_calendar_parse_rule (text, &rule, &error);
  g_assert_no_error (error);
  due = concordat_calendar_apply_rule (calendar, &rule, date, &error);
  g_assert_no_error (error);
  got = iso (due);
  g_assert_cmpstr (got, ==, expected);
}

/* --- the real cases --- */

static void
test_real_cases (void)
{
  /* Christmas Friday, Boxing Day Saturday given on Monday 28th. */
  assert_counts ("england-wales", "2026-12-23", 2, "2026-12-29");
  /* New Year's Day Friday; Scotland's 2nd January, a Saturday, on Monday 4th. */
  assert_counts ("england-wales", "2026-12-31", 1, "2027-01-04");
  assert_counts ("scotland", "2026-12-31", 1, "2027-01-05");
  assert_counts ("northern-ireland", "2026-12-31", 1, "2027-01-04");
  /* The coronation: Monday 8 May 2023, everywhere. */
  for (guint i = 0; concordat_calendar_list_regions ()[i] != NULL; i++)
    assert_counts (concordat_calendar_list_regions ()[i], "2023-05-05", 1, "2023-05-09");
}

static void
test_one_off_holidays (void)
{
  const char * const *regions = concordat_calendar_list_regions ();
  static const char * const holidays[] = {
    "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", NULL,
  };
  /* The early May holiday moved off 4 May 2020 for VE Day; the spring one
   * off 30 May 2022 for the Platinum Jubilee. */
  static const char * const moved_off[] = { "2020-05-04", "2022-05-30", NULL };

  for (guint r = 0; regions[r] != NULL; r++)
    {
      g_autoptr(ConcordatCalendar) calendar = calendar_for (regions[r]);

      for (guint i = 0; holidays[i] != NULL; i++)
        if (is_working_day (calendar, holidays[i]))
          g_test_fail_printf ("%s should be a holiday in %s", holidays[i], regions[r]);
      for (guint i = 0; moved_off[i] != NULL; i++)
        if (!is_working_day (calendar, moved_off[i]))
          g_test_fail_printf ("%s should be a working day in %s", moved_off[i], regions[r]);
    }
}

static void
test_regional_holidays (void)
{
  g_autoptr(ConcordatCalendar) england = calendar_for ("england-wales");
  g_autoptr(ConcordatCalendar) scotland = calendar_for ("scotland");
  g_autoptr(ConcordatCalendar) ni = calendar_for ("northern-ireland");
  g_autoptr(GDate) boyne = date_from ("2026-07-13");

  /* Summer: the first Monday of August in Scotland, the last elsewhere. */
  g_assert_false (is_working_day (scotland, "2026-08-03"));
  g_assert_true (is_working_day (england, "2026-08-03"));
  g_assert_false (is_working_day (england, "2026-08-31"));
  g_assert_true (is_working_day (scotland, "2026-08-31"));
  g_assert_false (is_working_day (ni, "2026-08-31"));

  /* Easter Monday is not a holiday in Scotland. */
  g_assert_false (is_working_day (england, "2026-04-06"));
  g_assert_true (is_working_day (scotland, "2026-04-06"));
  g_assert_false (is_working_day (scotland, "2026-04-03"));

  /* 12 July 2026 is a Sunday: Northern Ireland has Monday 13th. */
  g_assert_false (is_working_day (ni, "2026-07-13"));
  g_assert_true (is_working_day (england, "2026-07-13"));
  g_assert_cmpstr (concordat_calendar_get_holiday_name (ni, boyne), ==,
                   "Battle of the Boyne (Orangemen’s Day) (substitute day)");
  g_assert_null (concordat_calendar_get_holiday_name (england, boyne));

  /* Weekend substitutes for St Patrick's and St Andrew's days. */
  g_assert_false (is_working_day (ni, "2024-03-18"));
  g_assert_true (is_working_day (england, "2024-03-18"));
  g_assert_false (is_working_day (scotland, "2025-12-01"));
  g_assert_false (is_working_day (scotland, "2026-11-30"));
  g_assert_true (is_working_day (england, "2026-11-30"));

  /* Scotland's 1 and 2 January, both at the weekend in 2022. */
  g_assert_false (is_working_day (scotland, "2022-01-03"));
  g_assert_false (is_working_day (scotland, "2022-01-04"));
  g_assert_true (is_working_day (england, "2022-01-04"));
}

static void
test_christmas_substitutes (void)
{
  g_autoptr(ConcordatCalendar) england = calendar_for ("england-wales");
  static const char * const holidays[] = {
    "2020-12-25", "2020-12-28",  /* Boxing Day a Saturday */
    "2021-12-27", "2021-12-28",  /* Christmas Saturday, Boxing Day Sunday */
    "2022-12-26", "2022-12-27",  /* Christmas Sunday */
    "2026-12-25", "2026-12-28", NULL,
  };
  static const char * const working[] = {
    "2020-12-24", "2020-12-29", "2021-12-24", "2021-12-29", "2022-12-23",
    "2022-12-28", "2026-12-24", "2026-12-29", NULL,
  };

  for (guint i = 0; holidays[i] != NULL; i++)
    if (is_working_day (england, holidays[i]))
      g_test_fail_printf ("%s should be a holiday in England and Wales", holidays[i]);
  for (guint i = 0; working[i] != NULL; i++)
    if (!is_working_day (england, working[i]))
      g_test_fail_printf ("%s should be a working day in England and Wales", working[i]);
}

/* Every year of the file, each region: 8, 9 and 10 in an ordinary year,
 * more with the one-off holidays. */
static void
test_holiday_counts (void)
{
  static const struct { const char *region; guint counts[11]; } expected[] = {
    /*                  2020 2021 2022 2023 2024 2025 2026 2027 2028 2029 2030 */
    { "england-wales",    { 8, 8, 10, 9, 8, 8, 8, 8, 8, 8, 8 } },
    /* 2026: the World Cup holiday, Monday 15 June, in Scotland only. */
    { "scotland",         { 9, 9, 11, 10, 9, 9, 10, 9, 9, 9, 9 } },
    { "northern-ireland", { 10, 10, 12, 11, 10, 10, 10, 10, 10, 10, 10 } },
  };

  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      g_autoptr(ConcordatCalendar) calendar = calendar_for (expected[r].region);

      g_assert_cmpint (concordat_calendar_get_first_year (calendar), ==, 2020);
      g_assert_cmpint (concordat_calendar_get_last_year (calendar), ==, 2030);
      for (int year = 2020; year <= 2030; year++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) holidays = concordat_calendar_list_holidays (calendar, year, &error);

          g_assert_no_error (error);
          if (holidays->len != expected[r].counts[year - 2020])
            g_test_fail_printf ("%s has %u holidays in %d, not %u", expected[r].region,
                                holidays->len, year, expected[r].counts[year - 2020]);
        }
    }
}

/* --- counting --- */

static void
test_weekends (void)
{
  g_autoptr(ConcordatCalendar) england = calendar_for ("england-wales");

  g_assert_false (is_working_day (england, "2026-03-07"));
  g_assert_false (is_working_day (england, "2026-03-08"));
  g_assert_true (is_working_day (england, "2026-03-09"));
  assert_counts ("england-wales", "2026-03-06", 1, "2026-03-09");
  assert_counts ("england-wales", "2026-03-07", 1, "2026-03-09");
  assert_counts ("england-wales", "2026-03-08", 1, "2026-03-09");
  assert_counts ("england-wales", "2026-03-09", 5, "2026-03-16");
  assert_counts ("england-wales", "2026-03-09", 10, "2026-03-23");
}

static void
test_counting_back (void)
{
  assert_counts ("england-wales", "2026-12-29", -1, "2026-12-24");
  assert_counts ("england-wales", "2027-01-04", -1, "2026-12-31");
  assert_counts ("scotland", "2027-01-05", -1, "2026-12-31");
  assert_counts ("england-wales", "2023-05-09", -2, "2023-05-04");
  assert_counts ("england-wales", "2026-03-09", -1, "2026-03-06");
  assert_counts ("england-wales", "2026-03-08", -1, "2026-03-06");
  /* Spring bank holiday 2022 was Thursday 2 June, not Monday 30 May. */
  assert_counts ("england-wales", "2022-06-06", -1, "2022-06-01");
  assert_counts ("england-wales", "2022-05-31", -1, "2022-05-30");
}

static void
test_zero_days (void)
{
  /* A working day is its own answer; a holiday rolls forward. */
  assert_counts ("england-wales", "2026-12-24", 0, "2026-12-24");
  assert_counts ("england-wales", "2026-12-25", 0, "2026-12-29");
  assert_rule ("england-wales", "+0wd", "2026-12-25", "2026-12-29");
  assert_rule ("england-wales", "+0wd", "2022-06-03", "2022-06-06");
  assert_rule ("england-wales", "-0wd", "2026-12-28", "2026-12-24");
  assert_rule ("england-wales", "+0wd", "2026-12-24", "2026-12-24");
  assert_rule ("england-wales", "on", "2026-12-25", "2026-12-25");
  assert_rule ("england-wales", "on", "2026-03-07", "2026-03-07");
}

/* --- rules --- */

static void
test_rules (void)
{
  static const struct { const char *text; ConcordatCalendarRuleKind kind; guint days; } good[] = {
    { "on", CONCORDAT_CALENDAR_RULE_ON, 0 },
    { "+0wd", CONCORDAT_CALENDAR_RULE_AFTER, 0 },
    { "+2wd", CONCORDAT_CALENDAR_RULE_AFTER, 2 },
    { "-1wd", CONCORDAT_CALENDAR_RULE_BEFORE, 1 },
    { "-0wd", CONCORDAT_CALENDAR_RULE_BEFORE, 0 },
    { "+20wd", CONCORDAT_CALENDAR_RULE_AFTER, 20 },
    { "+365wd", CONCORDAT_CALENDAR_RULE_AFTER, 365 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      ConcordatCalendarRule rule = { 99, 99 };

      g_assert_true (concordat_calendar_parse_rule (good[i].text, &rule, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rule.kind, ==, good[i].kind);
      g_assert_cmpuint (rule.days, ==, good[i].days);
    }

  assert_rule ("england-wales", "+2wd", "2026-12-23", "2026-12-29");
  assert_rule ("scotland", "+1wd", "2026-12-31", "2027-01-05");
  assert_rule ("england-wales", "-1wd", "2023-05-09", "2023-05-05");
  assert_rule ("england-wales", "+20wd", "2026-03-02", "2026-03-30");
}

static void
test_rule_errors (void)
{
  static const char * const bad[] = {
    "+2x", "++2wd", "", "2wd", "+wd", "-wd", "+2", "+2w", "+2WD", "+2wdd", " +2wd",
    "+2wd ", "On", "on ", "+-2wd", "+2.5wd", "+ 2wd", "wd", "+2d", "after",
  };
  static const char * const too_many[] = { "+99999wd", "+366wd", "-400wd", "+99999999999999999999wd" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);
      ConcordatCalendarRule rule = { 99, 99 };

      g_assert_false (concordat_calendar_parse_rule (bad[i], &rule, &error));
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "+2wd"));
      g_assert_cmpint (rule.kind, ==, 99);
    }
  for (guint i = 0; i < G_N_ELEMENTS (too_many); i++)
    {
      g_autoptr(GError) error = NULL;
      ConcordatCalendarRule rule;

      g_assert_false (concordat_calendar_parse_rule (too_many[i], &rule, &error));
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, too_many[i]));
      g_assert_nonnull (strstr (error->message, "at most 365"));
    }
}

/* --- limits --- */

static void
test_unknown_region (void)
{
  static const char * const bad[] = { "wales", "England-Wales", "england", "", "uk" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordatCalendar) calendar = concordat_calendar_new_for_region (bad[i], &error);
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);

      g_assert_null (calendar);
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "england-wales, scotland or northern-ireland"));
    }
}

static void
test_outside_years (void)
{
  g_autoptr(ConcordatCalendar) england = calendar_for ("england-wales");
  static const struct { const char *from; int n; const char *year; } counts[] = {
    { "2030-12-31", 1, "2031" },
    { "2031-01-06", 1, "2031" },
    { "2020-01-02", -2, "2019" },
    { "2019-12-31", 0, "2019" },
  };
  g_autoptr(GDate) beyond = date_from ("2031-01-06");
  g_autoptr(GDate) last = date_from ("2030-12-31");
  g_autoptr(GDate) reached = NULL;
  g_autoptr(GError) error = NULL;
  GArray *holidays;

  g_assert_false (concordat_calendar_is_working_day (england, beyond, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Monday 6 January 2031"));
  g_assert_nonnull (strstr (error->message, "2020 to 2030"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GDate) from = date_from (counts[i].from);
      g_autoptr(GDate) none = concordat_calendar_add_working_days (england, from, counts[i].n, &error);

      g_assert_null (none);
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "2020 to 2030"));
      g_assert_nonnull (strstr (error->message, counts[i].year));
      g_clear_error (&error);
    }

  holidays = concordat_calendar_list_holidays (england, 2031, &error);
  g_assert_null (holidays);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2020 to 2030"));
  g_clear_error (&error);

  /* The last day known is still a working day to count from and to. */
  reached = concordat_calendar_add_working_days (england, last, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (reached, last), ==, 0);
}

static void
test_local_holiday (void)
{
  g_autoptr(ConcordatCalendar) england = calendar_for ("england-wales");
  g_autoptr(ConcordatCalendar) other = calendar_for ("england-wales");
  g_autoptr(GDate) closure = date_from ("2026-03-09");
  g_autoptr(GDate) unnamed = date_from ("2026-03-10");
  g_autoptr(GDate) christmas = date_from ("2026-12-25");
  g_autoptr(GArray) holidays = NULL;
  g_autoptr(GDate) reached = NULL;
  g_autoptr(GDate) friday = date_from ("2026-03-06");

  g_assert_true (is_working_day (england, "2026-03-09"));
  concordat_calendar_add_holiday (england, closure, "Council closure day");
  g_assert_false (is_working_day (england, "2026-03-09"));
  g_assert_cmpstr (concordat_calendar_get_holiday_name (england, closure), ==, "Council closure day");

  reached = concordat_calendar_add_working_days (england, friday, 1, NULL);
  g_assert_cmpuint (g_date_get_day (reached), ==, 10);

  concordat_calendar_add_holiday (england, unnamed, NULL);
  g_assert_cmpstr (concordat_calendar_get_holiday_name (england, unnamed), ==, "Local holiday");
  concordat_calendar_add_holiday (england, christmas, "Office party");
  g_assert_cmpstr (concordat_calendar_get_holiday_name (england, christmas), ==, "Christmas Day");

  holidays = concordat_calendar_list_holidays (england, 2026, NULL);
  g_assert_cmpuint (holidays->len, ==, 10);
  g_assert_cmpuint (g_date_get_day (&g_array_index (holidays, GDate, 1)), ==, 9);
  g_assert_cmpuint (g_date_get_day (&g_array_index (holidays, GDate, 2)), ==, 10);

  /* Another calendar of the same region does not have it. */
  g_assert_true (is_working_day (other, "2026-03-09"));
}

static void
test_object (void)
{
  ConcordatCalendar *calendar = calendar_for ("northern-ireland");
  g_autofree char *region = NULL;

  g_object_get (calendar, "region", &region, NULL);
  g_assert_cmpstr (region, ==, "northern-ireland");
  g_assert_cmpstr (concordat_calendar_get_region (calendar), ==, "northern-ireland");
  g_assert_finalize_object (calendar);
}

/* --- a broken bank holidays file --- */

#define CHRISTMAS "{\"date\": \"2026-12-25\", \"name\": \"Christmas Day\"}"
#define FILE_WITH(years, england) \
  "{\"version\": 1, " years ", \"regions\": {\"england-wales\": [" england "], " \
  "\"scotland\": [" CHRISTMAS "], \"northern-ireland\": [" CHRISTMAS "]}}"
#define ENGLAND(entries) FILE_WITH ("\"first-year\": 2026, \"last-year\": 2026", entries)
#define EARLY_MAY "{\"date\": \"2026-05-04\", \"name\": \"Early May bank holiday\"}"

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *says;   /* what the message must say, pieces split by | */
} Broken;

static const Broken broken_cases[] = {
  { "empty", "", CONCORDAT_ERROR_INVALID, "empty" },
  { "not-json", "{\"version\": 1,", CONCORDAT_ERROR_INVALID, "not valid JSON" },
  { "not-object", "[]", CONCORDAT_ERROR_INVALID, "one object" },
  { "no-version", "{\"first-year\": 2026, \"last-year\": 2026, \"regions\": {}}",
    CONCORDAT_ERROR_INVALID, "“version”|whole number 1" },
  { "too-new", "{\"version\": 2}", CONCORDAT_ERROR_TOO_NEW, "version 2|reads version 1" },
  { "unknown-key", "{\"version\": 1, \"holidays\": []}", CONCORDAT_ERROR_INVALID,
    "unknown key “holidays”" },
  { "years-backwards", FILE_WITH ("\"first-year\": 2027, \"last-year\": 2026", CHRISTMAS),
    CONCORDAT_ERROR_INVALID, "first-year 2027 comes after last-year 2026" },
  { "year-not-number", FILE_WITH ("\"first-year\": \"2026\", \"last-year\": 2026", CHRISTMAS),
    CONCORDAT_ERROR_INVALID, "“first-year”" },
  { "region-missing",
    "{\"version\": 1, \"first-year\": 2026, \"last-year\": 2026, \"regions\": {"
    "\"england-wales\": [" CHRISTMAS "], \"scotland\": [" CHRISTMAS "]}}",
    CONCORDAT_ERROR_INVALID, "has no “northern-ireland”" },
  { "region-unknown",
    "{\"version\": 1, \"first-year\": 2026, \"last-year\": 2026, \"regions\": {"
    "\"wales\": [" CHRISTMAS "]}}",
    CONCORDAT_ERROR_INVALID, "unknown key “wales”|england-wales, scotland, northern-ireland" },
  { "not-a-date", ENGLAND (EARLY_MAY ", {\"date\": \"2026-13-01\", \"name\": \"Christmas Day\"}"),
    CONCORDAT_ERROR_INVALID, "“england-wales”, entry 2|“2026-13-01”|YYYY-MM-DD" },
  { "february-30", ENGLAND ("{\"date\": \"2026-02-30\", \"name\": \"Not a day\"}"),
    CONCORDAT_ERROR_INVALID, "entry 1|“2026-02-30”" },
  { "other-form", ENGLAND ("{\"date\": \"25/12/2026\", \"name\": \"Christmas Day\"}"),
    CONCORDAT_ERROR_INVALID, "entry 1|“25/12/2026”|YYYY-MM-DD" },
  { "no-date", ENGLAND ("{\"name\": \"Christmas Day\"}"), CONCORDAT_ERROR_INVALID,
    "entry 1 has no “date”" },
  { "no-name", ENGLAND ("{\"date\": \"2026-12-25\", \"name\": \"  \"}"), CONCORDAT_ERROR_INVALID,
    "entry 1 (2026-12-25) has no “name”" },
  { "unknown-entry-key", ENGLAND ("{\"date\": \"2026-12-25\", \"name\": \"Christmas Day\", \"day\": 5}"),
    CONCORDAT_ERROR_INVALID, "entry 1 has an unknown key “day”" },
  { "entry-not-object", ENGLAND ("\"2026-12-25\""), CONCORDAT_ERROR_INVALID,
    "entry 1 should be an object" },
  { "out-of-order", ENGLAND (CHRISTMAS ", " EARLY_MAY), CONCORDAT_ERROR_INVALID,
    "“england-wales”, entry 2 (2026-05-04) comes after entry 1 (2026-12-25)|date order" },
  { "twice", ENGLAND (CHRISTMAS ", " CHRISTMAS), CONCORDAT_ERROR_INVALID,
    "entry 2 (2026-12-25) comes after entry 1 (2026-12-25)" },
  { "year-outside", ENGLAND (CHRISTMAS ", {\"date\": \"2027-01-01\", \"name\": \"New Year’s Day\"}"),
    CONCORDAT_ERROR_INVALID, "entry 2 (2027-01-01) is in 2027|2026 to last-year 2026" },
  { "weekend", ENGLAND (CHRISTMAS ", {\"date\": \"2026-12-26\", \"name\": \"Boxing Day\"}"),
    CONCORDAT_ERROR_INVALID, "entry 2 (2026-12-26) falls on a Saturday|substitute" },
  { "year-missing", FILE_WITH ("\"first-year\": 2025, \"last-year\": 2026", CHRISTMAS),
    CONCORDAT_ERROR_INVALID, "“england-wales” has no holidays in 2025" },
  { "other-region-broken",
    "{\"version\": 1, \"first-year\": 2026, \"last-year\": 2026, \"regions\": {"
    "\"england-wales\": [" CHRISTMAS "], \"scotland\": [" CHRISTMAS "], "
    "\"northern-ireland\": [{\"date\": \"2026-07-12\", \"name\": \"Battle of the Boyne\"}]}}",
    CONCORDAT_ERROR_INVALID, "“northern-ireland”, entry 1 (2026-07-12) falls on a Sunday" },
};

static void
test_broken (gconstpointer data)
{
  const Broken *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->json, strlen (c->json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatCalendar) calendar = concordat_calendar_new_from_bytes (bytes, "england-wales", &error);
  g_auto(GStrv) says = g_strsplit (c->says, "|", -1);

  g_assert_null (calendar);
  g_assert_error (error, CONCORDAT_ERROR, c->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "bank-holidays.json: "));
  for (guint i = 0; says[i] != NULL; i++)
    if (strstr (error->message, says[i]) == NULL)
      g_test_fail_printf ("“%s” does not say “%s”", error->message, says[i]);
}

/* The smallest file that is right, so that the broken ones fail for what
 * they break and nothing else. */
static void
test_from_bytes (void)
{
  static const char json[] = ENGLAND (EARLY_MAY ", " CHRISTMAS);
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatCalendar) calendar = concordat_calendar_new_from_bytes (bytes, "england-wales", &error);
  g_autoptr(ConcordatCalendar) wales = concordat_calendar_new_from_bytes (bytes, "wales", &error);

  g_assert_nonnull (calendar);
  g_assert_cmpint (concordat_calendar_get_first_year (calendar), ==, 2026);
  g_assert_false (is_working_day (calendar, "2026-05-04"));
  g_assert_false (is_working_day (calendar, "2026-12-25"));
  g_assert_true (is_working_day (calendar, "2026-12-28"));
  g_assert_null (wales);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
}

/* --- today --- */

static void
assert_today_is (const char *expected)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autofree char *got = iso (today);

  g_assert_cmpstr (got, ==, expected);
}

/* The wall clock's date, read either side of the clock's own reading so that
 * a test running across midnight still agrees with one of them. */
static void
assert_today_is_real (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *got = iso (today);
  g_autofree char *first = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *second = g_date_time_format (after, "%Y-%m-%d");

  if (!g_str_equal (got, first) && !g_str_equal (got, second))
    g_test_fail_printf ("today is %s, not %s", got, first);
}

static void
test_today_override (void)
{
  g_autoptr(GError) error = NULL;

  g_setenv (CONCORDAT_CLOCK_TODAY_VARIABLE, "2026-12-23", TRUE);
  g_assert_true (concordat_clock_check_override (&error));
  g_assert_no_error (error);
  assert_today_is ("2026-12-23");

  g_setenv (CONCORDAT_CLOCK_TODAY_VARIABLE, "2024-02-29", TRUE);
  assert_today_is ("2024-02-29");

  g_unsetenv (CONCORDAT_CLOCK_TODAY_VARIABLE);
  g_assert_true (concordat_clock_check_override (&error));
  g_assert_no_error (error);
  assert_today_is_real ();

  /* Empty is unset, as for CONCORDAT_DATA_DIR. */
  g_setenv (CONCORDAT_CLOCK_TODAY_VARIABLE, "", TRUE);
  g_assert_true (concordat_clock_check_override (&error));
  assert_today_is_real ();
  g_unsetenv (CONCORDAT_CLOCK_TODAY_VARIABLE);
}

static const char * const bad_todays[] = {
  "2026-13-01", "2026-02-29", "2026-12-32", "2026-2-3", "26-12-23", "23/12/2026",
  "2026-12-23 ", " 2026-12-23", "2026-12-23T09:00", "20261223", "tomorrow", "0000-01-01",
};

static void
test_today_bad_override (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_todays); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad_todays[i]);

      g_setenv (CONCORDAT_CLOCK_TODAY_VARIABLE, bad_todays[i], TRUE);
      g_assert_false (concordat_clock_check_override (&error));
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "CONCORDAT_TODAY"));
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
    }
  g_unsetenv (CONCORDAT_CLOCK_TODAY_VARIABLE);
}

/* Asked for today without the check, the clock says what is wrong once and
 * goes by the wall clock. */
static void
test_today_bad_override_warns (void)
{
  if (g_test_subprocess ())
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_log_set_fatal_mask ("Concordat", G_LOG_FATAL_MASK);
      g_setenv (CONCORDAT_CLOCK_TODAY_VARIABLE, "2026-13-01", TRUE);
      assert_today_is_real ();
      assert_today_is_real ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*WARNING*CONCORDAT_TODAY is set to*2026-13-01*YYYY-MM-DD*");
  g_test_trap_assert_stderr_unmatched ("*CONCORDAT_TODAY*CONCORDAT_TODAY*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/real-cases", test_real_cases);
  g_test_add_func ("/calendar/holidays/one-off", test_one_off_holidays);
  g_test_add_func ("/calendar/holidays/regional", test_regional_holidays);
  g_test_add_func ("/calendar/holidays/christmas", test_christmas_substitutes);
  g_test_add_func ("/calendar/holidays/counts", test_holiday_counts);
  g_test_add_func ("/calendar/holidays/local", test_local_holiday);
  g_test_add_func ("/calendar/count/weekends", test_weekends);
  g_test_add_func ("/calendar/count/back", test_counting_back);
  g_test_add_func ("/calendar/count/zero", test_zero_days);
  g_test_add_func ("/calendar/count/outside-years", test_outside_years);
  g_test_add_func ("/calendar/rules/good", test_rules);
  g_test_add_func ("/calendar/rules/errors", test_rule_errors);
  g_test_add_func ("/calendar/region/unknown", test_unknown_region);
  g_test_add_func ("/calendar/object", test_object);
  g_test_add_func ("/calendar/data/from-bytes", test_from_bytes);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/calendar/data/broken/%s", broken_cases[i].name);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/clock/today/override", test_today_override);
  g_test_add_func ("/clock/today/bad-override", test_today_bad_override);
  g_test_add_func ("/clock/today/bad-override-warns", test_today_bad_override_warns);

  return g_test_run ();
}
