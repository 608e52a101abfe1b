/* concordat-council.c: the council's settings, the calendar its working
 * days are counted on, and the pre-election period; and the store helpers
 * the other council files share.
 *
 * Settings are stored as text by key and checked here as they are written,
 * so a refused value never reaches the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-council-private.h"
#include "concordat-error.h"
#include "concordat-library.h"

static const char * const keys[] = {
  "name", "briefing-rule", "polling-day", "pre-election-days",
  "info-response-days", "region", "protocol", NULL,
};

static const char * const rule_names[] = {
  [CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL] = "offer-to-all",
  [CONCORDAT_BRIEFING_RULE_ON_REQUEST] = "on-request",
};

void
concordat_council_free (ConcordatCouncil *council)
{
  if (council == NULL)
    return;

  g_free (council->name);
  g_free (council->region);
  g_free (council->protocol);
  g_free (council);
}

/* --- store helpers --- */

sqlite3_stmt *
concordat_council_prepare (ConcordatStore  *store,
                           const char      *sql,
                           GError         **error)
{
  sqlite3 *db = concordat_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_autofree char *message = concordat_store_dup_errmsg (db);

      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                   "Cannot read the council’s record: %s", message);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Steps a write to its end and finalizes it, returning the SQLite result
 * with the extended code dropped, for callers that expect a constraint. */
int
concordat_council_step_write (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  return rc & 0xff;
}

void
concordat_council_set_write_error (ConcordatStore  *store,
                                   const char      *doing,
                                   GError         **error)
{
  g_autofree char *message = concordat_store_dup_errmsg (concordat_store_get_db (store));

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO, "Cannot %s: %s", doing, message);
}

/* Says a write committed something, for views of the council to read it
 * again. */
void
concordat_council_note_change (ConcordatStore *store,
                               int             rc)
{
  if (rc == SQLITE_DONE && sqlite3_changes (concordat_store_get_db (store)) > 0)
    concordat_store_changed (store, "council");
}

gboolean
concordat_council_run_write (ConcordatStore  *store,
                             sqlite3_stmt    *stmt,
                             const char      *doing,
                             GError         **error)
{
  if (concordat_council_step_write (stmt) == SQLITE_DONE)
    {
      concordat_council_note_change (store, SQLITE_DONE);
      return TRUE;
    }

  concordat_council_set_write_error (store, doing, error);
  return FALSE;
}

int
concordat_council_changes (ConcordatStore *store)
{
  return sqlite3_changes (concordat_store_get_db (store));
}

char *
concordat_council_column_dup (sqlite3_stmt *stmt,
                              int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

char *
concordat_council_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* The names of @items (groups or wards, their name @name_offset into
 * each), joined with commas for a message. */
char *
concordat_council_names_of (GPtrArray *items,
                            gsize      name_offset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, G_STRUCT_MEMBER (char *, g_ptr_array_index (items, i), name_offset));
  names = g_strv_builder_end (builder);

  return g_strjoinv (", ", names);
}

/* "a, b and c", for messages. */
static char *
join_in_words (const char * const *words,
               const char         *last)
{
  GString *text = g_string_new (NULL);
  guint n = g_strv_length ((char **)words);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, i == n - 1 ? last : ", ");
      g_string_append (text, words[i]);
    }

  return g_string_free (text, FALSE);
}

/* Trims @text and checks it is fit to name a @what: a party group, ward
 * or local holiday. */
char *
concordat_council_check_item_name (const char  *text,
                                   const char  *what,
                                   const char  *example,
                                   guint        max,
                                   GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (text != NULL ? text : ""));
  glong length = g_utf8_strlen (name, -1);

  if (*name == '\0')
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "A %s needs a name; give it as people know it, such as “%s”", what, example);
  else if (strpbrk (name, "\r\n") != NULL)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "A %s’s name cannot contain a line break; give it on one line", what);
  else if (length > (glong) max)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "A %s’s name can be at most %u characters long, not %ld; shorten it",
                 what, max, length);
  else
    return g_steal_pointer (&name);

  return NULL;
}

/* --- settings --- */

const char *
concordat_briefing_rule_to_string (ConcordatBriefingRule rule)
{
  g_return_val_if_fail (rule < G_N_ELEMENTS (rule_names), NULL);

  return rule_names[rule];
}

gboolean
concordat_briefing_rule_from_string (const char            *text,
                                     ConcordatBriefingRule *rule)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (g_str_equal (text, rule_names[i]))
      {
        *rule = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * concordat_council_list_keys:
 *
 * Returns: (transfer none): the settings' keys, %NULL-terminated, in the
 *   order they are shown
 */
const char * const *
concordat_council_list_keys (void)
{
  return keys;
}

static gboolean
parse_days (const char *text,
            guint       max,
            guint      *days)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &n, NULL))
    return FALSE;
  *days = n;
  return TRUE;
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Reads one stored setting into @council; a value that does not read
 * (written by hand into the database) leaves the default. */
static void
apply_setting (ConcordatCouncil *council,
               const char       *key,
               const char       *value)
{
  if (g_str_equal (key, "name"))
    replace_string (&council->name, value);
  else if (g_str_equal (key, "briefing-rule"))
    concordat_briefing_rule_from_string (value, &council->briefing_rule);
  else if (g_str_equal (key, "polling-day"))
    concordat_calendar_parse_date (value, &council->polling_day);
  else if (g_str_equal (key, "pre-election-days"))
    parse_days (value, 100, &council->pre_election_days);
  else if (g_str_equal (key, "info-response-days"))
    parse_days (value, 60, &council->info_response_days);
  else if (g_str_equal (key, "region") && g_strv_contains (concordat_calendar_list_regions (), value))
    replace_string (&council->region, value);
  else if (g_str_equal (key, "protocol"))
    replace_string (&council->protocol, value);
}

/**
 * concordat_council_load:
 *
 * Returns: (transfer full): the council's settings, with the defaults for
 *   those never set
 */
ConcordatCouncil *
concordat_council_load (ConcordatStore  *store,
                        GError         **error)
{
  g_autoptr(ConcordatCouncil) council = g_new0 (ConcordatCouncil, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  council->name = g_strdup ("");
  council->briefing_rule = CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL;
  g_date_clear (&council->polling_day, 1);
  council->pre_election_days = CONCORDAT_COUNCIL_DEFAULT_PRE_ELECTION_DAYS;
  council->info_response_days = CONCORDAT_COUNCIL_DEFAULT_INFO_RESPONSE_DAYS;
  council->region = g_strdup (CONCORDAT_COUNCIL_DEFAULT_REGION);
  council->protocol = g_strdup (CONCORDAT_LIBRARY_MODEL_SLUG);

  stmt = concordat_council_prepare (store, "SELECT key, value FROM council_settings", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    apply_setting (council,
                   (const char *)sqlite3_column_text (stmt, 0),
                   (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&council);
}

/**
 * concordat_council_dup_value:
 * @key: one of concordat_council_list_keys()
 *
 * Returns: (transfer full) (nullable): the setting as text, as `council
 *   set` takes it; "" for a polling day not set; %NULL for an unknown key
 */
char *
concordat_council_dup_value (const ConcordatCouncil *council,
                             const char             *key)
{
  g_return_val_if_fail (council != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "name"))
    return g_strdup (council->name);
  if (g_str_equal (key, "briefing-rule"))
    return g_strdup (concordat_briefing_rule_to_string (council->briefing_rule));
  if (g_str_equal (key, "polling-day"))
    return g_date_valid (&council->polling_day) ? concordat_council_format_date (&council->polling_day) : g_strdup ("");
  if (g_str_equal (key, "pre-election-days"))
    return g_strdup_printf ("%u", council->pre_election_days);
  if (g_str_equal (key, "info-response-days"))
    return g_strdup_printf ("%u", council->info_response_days);
  if (g_str_equal (key, "region"))
    return g_strdup (council->region);
  if (g_str_equal (key, "protocol"))
    return g_strdup (council->protocol);

  return NULL;
}

/* Each check takes the trimmed value of its key; on success *@stored is
 * what to store, or %NULL to clear the setting. */
typedef gboolean (*CheckFunc) (ConcordatStore  *store,
                               const char      *value,
                               char           **stored,
                               GError         **error);

static gboolean
accept (const char  *value,
        char       **stored)
{
  *stored = g_strdup (value);
  return TRUE;
}

static gboolean
check_name (ConcordatStore  *store,
            const char      *value,
            char           **stored,
            GError         **error)
{
  glong length = g_utf8_strlen (value, -1);

  if (*value == '\0')
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "name: the council’s name cannot be empty; give it as it appears on its "
                 "letters, such as “Borsetshire County Council”");
  else if (strpbrk (value, "\r\n") != NULL)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "name: the council’s name cannot contain a line break; give it on one line");
  else if (length > COUNCIL_NAME_MAX)
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "name: the council’s name can be at most %d characters long, not %ld; shorten it",
                 COUNCIL_NAME_MAX, length);
  else
    return accept (value, stored);

  return FALSE;
}

static gboolean
check_briefing_rule (ConcordatStore  *store,
                     const char      *value,
                     char           **stored,
                     GError         **error)
{
  ConcordatBriefingRule rule;

  if (concordat_briefing_rule_from_string (value, &rule))
    return accept (value, stored);

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "briefing-rule: “%s” is not a rule; use offer-to-all or on-request", value);
  return FALSE;
}

static gboolean
check_polling_day (ConcordatStore  *store,
                   const char      *value,
                   char           **stored,
                   GError         **error)
{
  GDate date;

  g_date_clear (&date, 1);
  if (*value == '\0' || g_str_equal (value, "none"))
    return TRUE;
  if (concordat_calendar_parse_date (value, &date))
    return accept (value, stored);

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "polling-day: “%s” is not a real date; give it as YYYY-MM-DD, such as "
               "2027-05-06", value);
  return FALSE;
}

static gboolean
check_days (const char  *key,
            const char  *value,
            guint        max,
            guint        example,
            char       **stored,
            GError     **error)
{
  guint days;

  if (!parse_days (value, max, &days))
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "%s: “%s” is not a whole number of working days from 1 to %u; give one "
                   "such as %u", key, value, max, example);
      return FALSE;
    }

  /* "025" is stored as 25. */
  *stored = g_strdup_printf ("%u", days);
  return TRUE;
}

static gboolean
check_pre_election_days (ConcordatStore  *store,
                         const char      *value,
                         char           **stored,
                         GError         **error)
{
  return check_days ("pre-election-days", value, 100,
                     CONCORDAT_COUNCIL_DEFAULT_PRE_ELECTION_DAYS, stored, error);
}

static gboolean
check_info_response_days (ConcordatStore  *store,
                          const char      *value,
                          char           **stored,
                          GError         **error)
{
  return check_days ("info-response-days", value, 60,
                     CONCORDAT_COUNCIL_DEFAULT_INFO_RESPONSE_DAYS, stored, error);
}

static gboolean
check_region (ConcordatStore  *store,
              const char      *value,
              char           **stored,
              GError         **error)
{
  const char * const *regions = concordat_calendar_list_regions ();
  g_autofree char *in_words = NULL;

  if (g_strv_contains (regions, value))
    return accept (value, stored);

  in_words = join_in_words (regions, " or ");
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "region: “%s” is not a region; use %s", value, in_words);
  return FALSE;
}

static gboolean
check_protocol (ConcordatStore  *store,
                const char      *value,
                char           **stored,
                GError         **error)
{
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;

  doc = concordat_library_find (store, value, &local_error);
  if (doc != NULL)
    return accept (value, stored);

  if (!g_error_matches (local_error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                 "protocol: there is no protocol “%s” in the library; run “concordat "
                 "protocols” to see their ids", value);
  return FALSE;
}

/* In the order of keys[]. */
static const CheckFunc checks[] = {
  check_name, check_briefing_rule, check_polling_day, check_pre_election_days,
  check_info_response_days, check_region, check_protocol,
};

G_STATIC_ASSERT (G_N_ELEMENTS (checks) == G_N_ELEMENTS (keys) - 1);

static CheckFunc
find_check (const char  *key,
            GError     **error)
{
  g_autofree char *known = NULL;

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (key, keys[i]))
      return checks[i];

  known = join_in_words (keys, " and ");
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "There is no council setting “%s”; the settings are %s", key, known);
  return NULL;
}

/**
 * concordat_council_set:
 * @key: one of concordat_council_list_keys()
 * @value: the new value as text; for polling-day, "" or "none" clears it
 *
 * Checks and stores one setting.  A value that is refused is not stored,
 * and @error names the key and the values it accepts.
 */
gboolean
concordat_council_set (ConcordatStore  *store,
                       const char      *key,
                       const char      *value,
                       GError         **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *stored = NULL;
  CheckFunc check;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  check = find_check (key, error);
  if (check == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (value));
  if (!check (store, trimmed, &stored, error))
    return FALSE;

  if (stored == NULL)
    stmt = concordat_council_prepare (store, "DELETE FROM council_settings WHERE key = ?1", error);
  else
    stmt = concordat_council_prepare (store, "INSERT INTO council_settings (key, value) VALUES (?1, ?2) "
                                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (stored != NULL)
    sqlite3_bind_text (stmt, 2, stored, -1, SQLITE_STATIC);

  return concordat_council_run_write (store, stmt, "store the council’s setting", error);
}

/* --- working days and the pre-election period --- */

/**
 * concordat_council_dup_calendar:
 *
 * Returns: (transfer full): the calendar of the council's region with its
 *   local holidays added
 */
ConcordatCalendar *
concordat_council_dup_calendar (ConcordatStore          *store,
                                const ConcordatCouncil  *council,
                                GError                 **error)
{
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autoptr(GPtrArray) holidays = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (council != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  calendar = concordat_calendar_new_for_region (council->region, error);
  if (calendar == NULL)
    return NULL;

  holidays = concordat_council_list_holidays (store, error);
  if (holidays == NULL)
    return NULL;
  for (guint i = 0; i < holidays->len; i++)
    {
      const ConcordatHoliday *holiday = g_ptr_array_index (holidays, i);

      concordat_calendar_add_holiday (calendar, &holiday->date, holiday->name);
    }

  return g_steal_pointer (&calendar);
}

/**
 * concordat_council_get_pre_election:
 * @start: (out caller-allocates) (optional): its first day
 * @end: (out caller-allocates) (optional): its last day: polling day
 *
 * The pre-election period starts the council's pre-election-days working
 * days before polling day and ends on polling day.
 *
 * Returns: %TRUE with the period; %FALSE without @error set when no polling
 *   day is set (@start and @end are then cleared), or with @error set when
 *   the calendar cannot count back from polling day
 */
gboolean
concordat_council_get_pre_election (const ConcordatCouncil  *council,
                                    ConcordatCalendar       *calendar,
                                    GDate                   *start,
                                    GDate                   *end,
                                    GError                 **error)
{
  g_autoptr(GDate) first = NULL;

  g_return_val_if_fail (council != NULL, FALSE);
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (start != NULL)
    g_date_clear (start, 1);
  if (end != NULL)
    g_date_clear (end, 1);

  if (!g_date_valid (&council->polling_day))
    return FALSE;

  first = concordat_calendar_add_working_days (calendar, &council->polling_day,
                                               -(int) council->pre_election_days, error);
  if (first == NULL)
    return FALSE;

  if (start != NULL)
    *start = *first;
  if (end != NULL)
    *end = council->polling_day;
  return TRUE;
}

/**
 * concordat_council_check_pre_election:
 * @date: the day in question
 * @inside: (out): whether @date falls in the pre-election period; %FALSE
 *   when no polling day is set
 *
 * Returns: %FALSE with @error set when the calendar cannot tell
 */
gboolean
concordat_council_check_pre_election (const ConcordatCouncil  *council,
                                      ConcordatCalendar       *calendar,
                                      const GDate             *date,
                                      gboolean                *inside,
                                      GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate start, end;

  g_return_val_if_fail (council != NULL, FALSE);
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (inside != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *inside = FALSE;
  if (!concordat_council_get_pre_election (council, calendar, &start, &end, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *inside = g_date_compare (&start, date) <= 0 && g_date_compare (date, &end) <= 0;
  return TRUE;
}

