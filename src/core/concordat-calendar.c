/* concordat-calendar.c: working days in one UK region, and the due-date
 * rules that count them.
 *
 * A day is a working day unless it falls at a weekend, is one of the
 * region's bank holidays, or is a day the council closes (a local holiday).
 * The bank holidays are data, not rules in code: they are moved and added
 * by proclamation (VE Day, a jubilee, a state funeral, a coronation), so
 * the list in data/bank-holidays.json is the truth, and it is checked as it
 * is read.  It covers a range of years; outside them the calendar refuses to
 * answer rather than take every weekday for a working day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "concordat-calendar.h"
#include "concordat-data.h"
#include "concordat-error.h"

struct _ConcordatCalendar
{
  GObject     parent_instance;

  char       *region;
  int         first_year;
  int         last_year;
  GHashTable *holidays;  /* a date's Julian day → the holiday's name */
};

G_DEFINE_FINAL_TYPE (ConcordatCalendar, concordat_calendar, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const regions[] = {
  "england-wales", "scotland", "northern-ireland", NULL,
};

#define REGIONS_IN_WORDS "england-wales, scotland or northern-ireland"

static const char * const weekday_names[] = {
  NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char * const month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/**
 * concordat_calendar_describe_date:
 *
 * Returns: @date as "Thursday 31 December 2026", in English like every
 *   message of the engine
 */
char *
concordat_calendar_describe_date (const GDate *date)
{
  return g_strdup_printf ("%s %u %s %u", weekday_names[g_date_get_weekday (date)],
                          g_date_get_day (date), month_names[g_date_get_month (date)],
                          g_date_get_year (date));
}

static gpointer
day_key (const GDate *date)
{
  return GUINT_TO_POINTER (g_date_get_julian (date));
}

static void
concordat_calendar_finalize (GObject *object)
{
  ConcordatCalendar *self = (ConcordatCalendar *)object;

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (concordat_calendar_parent_class)->finalize (object);
}

static void
concordat_calendar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConcordatCalendar *self = CONCORDAT_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concordat_calendar_class_init (ConcordatCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_calendar_finalize;
  object_class->get_property = concordat_calendar_get_property;

  /**
   * ConcordatCalendar:region:
   *
   * The region whose bank holidays the calendar keeps, such as "scotland".
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concordat_calendar_init (ConcordatCalendar *self)
{
  self->holidays = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

/**
 * concordat_calendar_parse_date:
 * @text: a date written YYYY-MM-DD, such as "2026-12-23"
 * @date: (out caller-allocates): where to put it
 *
 * Reads a date in exactly that form; "2026-2-3", "2026-02-30" or
 * " 2026-02-03" are not dates.  @date is left alone when @text is not one.
 *
 * Returns: %TRUE if @text is a real date in the form YYYY-MM-DD
 */
gboolean
concordat_calendar_parse_date (const char *text,
                               GDate      *date)
{
  static const char shape[] = "dddd-dd-dd";
  guint digits[3] = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  /* Up to and with the terminating NUL, so nothing may follow. */
  for (guint i = 0, part = 0; i < sizeof shape; i++)
    {
      if (shape[i] != 'd')
        {
          if (text[i] != shape[i])
            return FALSE;
          part++;
        }
      else if (g_ascii_isdigit (text[i]))
        digits[part] = digits[part] * 10 + (text[i] - '0');
      else
        return FALSE;
    }
  if (!g_date_valid_dmy (digits[2], digits[1], digits[0]))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, digits[2], digits[1], digits[0]);
  return TRUE;
}

/* --- reading the bank holidays file --- */

/* Where the reader has got to, for its messages. */
typedef struct
{
  ConcordatCalendar *self;
  const char        *source;   /* the file's name */
  const char        *region;   /* the region being read */
  guint              entry;    /* its entry being read, counting from 1 */
  GDate              previous; /* the date of the entry before, or cleared */
  guint              previous_entry;
  gboolean          *years;    /* the years the region has holidays in */
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
invalid (Reader      *r,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID, "%s: %s", r->source, message);
  return FALSE;
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
check_keys (Reader      *r,
            JsonObject  *object,
            const char  *where,
            const char  *allowed,
            GError     **error)
{
  g_autoptr(GList) names = json_object_get_members (object);
  g_auto(GStrv) known = g_strsplit (allowed, ", ", -1);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains ((const char * const *) known, l->data))
      return invalid (r, error, "%s has an unknown key “%s”; the keys allowed there are %s",
                      where, (const char *) l->data, allowed);
  return TRUE;
}

/* Checks an entry's date against the file's years and the entry before. */
static gboolean
check_date (Reader      *r,
            const char  *text,
            const GDate *date,
            GError     **error)
{
  guint year = g_date_get_year (date);
  GDateWeekday weekday = g_date_get_weekday (date);

  if (year < (guint) r->self->first_year || year > (guint) r->self->last_year)
    return invalid (r, error, "in “%s”, entry %u (%s) is in %u, outside the years the file "
                    "covers (first-year %d to last-year %d)", r->region, r->entry, text, year,
                    r->self->first_year, r->self->last_year);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return invalid (r, error, "in “%s”, entry %u (%s) falls on a %s; a holiday that falls at a "
                    "weekend is listed on the weekday that substitutes for it", r->region,
                    r->entry, text, weekday_names[weekday]);
  if (g_date_valid (&r->previous) && g_date_compare (date, &r->previous) <= 0)
    {
      char before[16];

      g_date_strftime (before, sizeof before, "%Y-%m-%d", &r->previous);
      return invalid (r, error, "in “%s”, entry %u (%s) comes after entry %u (%s); list the "
                      "holidays in date order, each date once", r->region, r->entry, text,
                      r->previous_entry, before);
    }
  return TRUE;
}

static gboolean
read_entry (Reader      *r,
            JsonNode    *node,
            gboolean     keep,
            GError     **error)
{
  JsonObject *object;
  JsonNode *date_node;
  JsonNode *name_node;
  const char *text;
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;
  GDate date;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (r, error, "in “%s”, entry %u should be an object like {\"date\": "
                    "\"2026-12-25\", \"name\": \"Christmas Day\"}", r->region, r->entry);
  object = json_node_get_object (node);
  where = g_strdup_printf ("in “%s”, entry %u", r->region, r->entry);
  if (!check_keys (r, object, where, "date, name", error))
    return FALSE;

  date_node = json_object_get_member (object, "date");
  if (!holds_string (date_node))
    return invalid (r, error, "%s has no “date”; give it one in the form YYYY-MM-DD, such as "
                    "\"2026-12-25\"", where);
  text = json_node_get_string (date_node);
  if (!concordat_calendar_parse_date (text, &date))
    return invalid (r, error, "%s has the date “%s”, which is not a real date in the form "
                    "YYYY-MM-DD", where, text);

  name_node = json_object_get_member (object, "name");
  if (holds_string (name_node))
    name = g_strstrip (g_strdup (json_node_get_string (name_node)));
  if (name == NULL || *name == '\0')
    return invalid (r, error, "%s (%s) has no “name”; give it the name people will see, such "
                    "as \"Christmas Day\"", where, text);

  if (!check_date (r, text, &date, error))
    return FALSE;

  r->previous = date;
  r->previous_entry = r->entry;
  r->years[g_date_get_year (&date) - r->self->first_year] = TRUE;
  if (keep)
    g_hash_table_insert (r->self->holidays, day_key (&date), g_steal_pointer (&name));
  return TRUE;
}

static gboolean
read_region (Reader      *r,
             JsonObject  *all,
             const char  *region,
             GError     **error)
{
  JsonNode *node = json_object_get_member (all, region);
  g_autofree gboolean *years = NULL;
  JsonArray *array;

  r->region = region;
  if (node == NULL)
    return invalid (r, error, "“regions” has no “%s”; each of " REGIONS_IN_WORDS " needs its "
                    "list of holidays", region);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (r, error, "“%s” should be a list of holidays like {\"date\": \"2026-12-25\", "
                    "\"name\": \"Christmas Day\"}", region);

  r->years = years = g_new0 (gboolean, r->self->last_year - r->self->first_year + 1);
  g_date_clear (&r->previous, 1);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      r->entry = i + 1;
      if (!read_entry (r, json_array_get_element (array, i),
                       g_str_equal (region, r->self->region), error))
        return FALSE;
    }

  for (int year = r->self->first_year; year <= r->self->last_year; year++)
    if (!years[year - r->self->first_year])
      return invalid (r, error, "“%s” has no holidays in %d; every year from first-year %d to "
                      "last-year %d needs its holidays listed", region, year,
                      r->self->first_year, r->self->last_year);
  return TRUE;
}

static gboolean
read_years (Reader      *r,
            JsonObject  *root,
            GError     **error)
{
  JsonNode *first = json_object_get_member (root, "first-year");
  JsonNode *last = json_object_get_member (root, "last-year");

  /* From 1900, so that counting back from the first year stays in GDate's range. */
  if (!holds_integer (first) || json_node_get_int (first) < 1900 || json_node_get_int (first) > 9999)
    return invalid (r, error, "“first-year” should be the first year the file lists, such as 2020");
  if (!holds_integer (last) || json_node_get_int (last) < 1900 || json_node_get_int (last) > 9999)
    return invalid (r, error, "“last-year” should be the last year the file lists, such as 2030");
  r->self->first_year = json_node_get_int (first);
  r->self->last_year = json_node_get_int (last);
  if (r->self->first_year > r->self->last_year)
    return invalid (r, error, "first-year %d comes after last-year %d; the years are the other "
                    "way round", r->self->first_year, r->self->last_year);
  return TRUE;
}

static gboolean
read_version (Reader      *r,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *version = json_object_get_member (root, "version");

  if (!holds_integer (version) || json_node_get_int (version) < 1)
    return invalid (r, error, "“version” should be the whole number %d",
                    CONCORDAT_CALENDAR_FORMAT_VERSION);
  if (json_node_get_int (version) > CONCORDAT_CALENDAR_FORMAT_VERSION)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW,
                   "%s: the file is in version %" G_GINT64_FORMAT " of the bank holidays format; "
                   "this version of Concordat reads version %d",
                   r->source, json_node_get_int (version), CONCORDAT_CALENDAR_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_root (Reader      *r,
           JsonNode    *root,
           GError     **error)
{
  JsonObject *object;
  JsonNode *all;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (r, error, "the file should hold one object, {\"version\": %d, \"regions\": {…}}",
                    CONCORDAT_CALENDAR_FORMAT_VERSION);
  object = json_node_get_object (root);
  if (!check_keys (r, object, "the top level",
                   "comment, source, version, first-year, last-year, regions", error) ||
      !read_version (r, object, error) ||
      !read_years (r, object, error))
    return FALSE;

  all = json_object_get_member (object, "regions");
  if (all == NULL || !JSON_NODE_HOLDS_OBJECT (all))
    return invalid (r, error, "“regions” should be an object holding the holidays of each of "
                    REGIONS_IN_WORDS);
  if (!check_keys (r, json_node_get_object (all), "“regions”",
                   "england-wales, scotland, northern-ireland", error))
    return FALSE;
  for (guint i = 0; regions[i] != NULL; i++)
    if (!read_region (r, json_node_get_object (all), regions[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_region (const char  *region,
              GError     **error)
{
  if (g_strv_contains (regions, region))
    return TRUE;
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "“%s” is not a region Concordat knows the bank holidays of; use " REGIONS_IN_WORDS,
               region);
  return FALSE;
}

static ConcordatCalendar *
load (GBytes      *json,
      const char  *source,
      const char  *region,
      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(ConcordatCalendar) self = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader r = { NULL, source, NULL, 0, { 0 }, 0, NULL };
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (!check_region (region, error))
    return NULL;

  self = g_object_new (CONCORDAT_TYPE_CALENDAR, NULL);
  self->region = g_strdup (region);
  r.self = self;
  if (size == 0)
    invalid (&r, error, "the file is empty; it should hold the bank holidays as JSON");
  else if (!json_parser_load_from_data (parser, data, size, &local_error))
    invalid (&r, error, "this is not valid JSON (%s)", local_error->message);
  else if (read_root (&r, json_parser_get_root (parser), error))
    return g_steal_pointer (&self);
  return NULL;
}

/**
 * concordat_calendar_list_regions:
 *
 * Returns: (transfer none): the regions a calendar can be made for,
 *   %NULL-terminated: "england-wales", "scotland", "northern-ireland"
 */
const char * const *
concordat_calendar_list_regions (void)
{
  return regions;
}

/**
 * concordat_calendar_new_for_region:
 * @region: one of concordat_calendar_list_regions()
 *
 * Returns: (transfer full): the calendar of @region with the bank holidays
 *   Concordat is built with; or %NULL with @error set if @region is not one
 *   Concordat knows
 */
ConcordatCalendar *
concordat_calendar_new_for_region (const char  *region,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_region (region, error))
    return NULL;
  bytes = concordat_data_lookup (CONCORDAT_DATA_BANK_HOLIDAYS, error);
  if (bytes == NULL)
    return NULL;
  return load (bytes, "bank-holidays.json (built in)", region, error);
}

/**
 * concordat_calendar_new_from_bytes:
 * @json: bank holidays in the format of data/bank-holidays.json
 * @region: one of concordat_calendar_list_regions()
 *
 * The whole file is checked, every region of it, not only @region's.
 *
 * Returns: (transfer full): the calendar of @region; or %NULL with @error
 *   saying what is wrong with @region or the file, and where
 */
ConcordatCalendar *
concordat_calendar_new_from_bytes (GBytes      *json,
                                   const char  *region,
                                   GError     **error)
{
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load (json, "bank-holidays.json", region, error);
}

const char *
concordat_calendar_get_region (ConcordatCalendar *self)
{
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), NULL);

  return self->region;
}

/**
 * concordat_calendar_get_first_year:
 *
 * Returns: the first year whose bank holidays the calendar knows
 */
int
concordat_calendar_get_first_year (ConcordatCalendar *self)
{
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), 0);

  return self->first_year;
}

/**
 * concordat_calendar_get_last_year:
 *
 * Returns: the last year whose bank holidays the calendar knows
 */
int
concordat_calendar_get_last_year (ConcordatCalendar *self)
{
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), 0);

  return self->last_year;
}

/* --- holidays and working days --- */

/**
 * concordat_calendar_add_holiday:
 * @date: a day the council is closed
 * @name: (nullable): what people will see, such as "Council closure day";
 *   %NULL for "Local holiday"
 *
 * Makes @date a holiday, for this calendar only.  A bank holiday keeps its
 * own name.
 */
void
concordat_calendar_add_holiday (ConcordatCalendar *self,
                                const GDate       *date,
                                const char        *name)
{
  g_return_if_fail (CONCORDAT_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_hash_table_contains (self->holidays, day_key (date)))
    return;
  g_hash_table_insert (self->holidays, day_key (date),
                       g_strdup (name != NULL ? name : "Local holiday"));
}

/**
 * concordat_calendar_get_holiday_name:
 * @date: a date
 *
 * Returns: (nullable): the name of the holiday on @date, such as "Boxing Day
 *   (substitute day)"; %NULL if @date is not a holiday, or is outside the
 *   years the calendar knows
 */
const char *
concordat_calendar_get_holiday_name (ConcordatCalendar *self,
                                     const GDate       *date)
{
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_hash_table_lookup (self->holidays, day_key (date));
}

static gboolean
knows (ConcordatCalendar *self,
       const GDate       *date)
{
  int year = g_date_get_year (date);

  return year >= self->first_year && year <= self->last_year;
}

static gboolean
not_known (ConcordatCalendar  *self,
           const GDate        *date,
           const char         *doing,
           GError            **error)
{
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
               "%s: Concordat knows the bank holidays of %d to %d only, not of %u; work "
               "it out by hand, or use a newer version of Concordat",
               doing, self->first_year, self->last_year, g_date_get_year (date));
  return FALSE;
}

static gboolean
is_working (ConcordatCalendar *self,
            const GDate       *date)
{
  return g_date_get_weekday (date) < G_DATE_SATURDAY &&
         !g_hash_table_contains (self->holidays, day_key (date));
}

/**
 * concordat_calendar_list_holidays:
 * @year: a year the calendar knows
 *
 * Returns: (transfer full) (element-type GDate): the holidays of @year,
 *   bank and local, in date order; or %NULL with @error set if @year is
 *   outside the years the calendar knows
 */
GArray *
concordat_calendar_list_holidays (ConcordatCalendar  *self,
                                  int                 year,
                                  GError            **error)
{
  GArray *holidays;
  GDate date;

  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < self->first_year || year > self->last_year)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   "Concordat knows the bank holidays of %d to %d only, not of %d",
                   self->first_year, self->last_year, year);
      return NULL;
    }

  holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_date_clear (&date, 1);
  for (g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
       g_date_get_year (&date) == (guint) year;
       g_date_add_days (&date, 1))
    if (g_hash_table_contains (self->holidays, day_key (&date)))
      g_array_append_val (holidays, date);
  return holidays;
}

/**
 * concordat_calendar_is_working_day:
 * @date: a date in the years the calendar knows
 *
 * Returns: %TRUE if @date is not at a weekend and not a holiday; %FALSE if
 *   it is, or with @error set if @date is outside the years the calendar
 *   knows
 */
gboolean
concordat_calendar_is_working_day (ConcordatCalendar  *self,
                                   const GDate        *date,
                                   GError            **error)
{
  g_autofree char *when = NULL;
  g_autofree char *doing = NULL;

  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (knows (self, date))
    return is_working (self, date);
  when = concordat_calendar_describe_date (date);
  doing = g_strdup_printf ("Cannot tell whether %s is a working day", when);
  return not_known (self, date, doing, error);
}

static GDate *
count_beyond_years (ConcordatCalendar  *self,
                    const GDate        *from,
                    const GDate        *reached,
                    guint               days,
                    int                 step,
                    GError            **error)
{
  g_autofree char *when = concordat_calendar_describe_date (from);
  g_autofree char *doing = NULL;

  if (days == 0)
    doing = g_strdup_printf ("Cannot find the working day %s %s", step > 0 ? "from" : "up to", when);
  else
    doing = g_strdup_printf ("Cannot count %u working day%s %s %s", days, days == 1 ? "" : "s",
                             step > 0 ? "after" : "before", when);
  not_known (self, reached, doing, error);
  return NULL;
}

/* Counts @days working days from @from, one way (@step is 1 or -1), @from
 * itself not counted.  With @days 0, the nearest working day that way:
 * @from itself if it is one. */
static GDate *
count (ConcordatCalendar  *self,
       const GDate        *from,
       guint               days,
       int                 step,
       GError            **error)
{
  g_autoptr(GDate) date = g_date_copy (from);
  guint counted = 0;

  while (knows (self, date))
    {
      if (days == 0 && is_working (self, date))
        return g_steal_pointer (&date);
      if (step > 0)
        g_date_add_days (date, 1);
      else
        g_date_subtract_days (date, 1);
      if (days > 0 && knows (self, date) && is_working (self, date) && ++counted == days)
        return g_steal_pointer (&date);
    }
  return count_beyond_years (self, from, date, days, step, error);
}

/**
 * concordat_calendar_add_working_days:
 * @date: the date to count from
 * @n: working days to count: after @date, or before it when negative
 *
 * Counts the working days after (or before) @date, @date itself not
 * counted: 1 working day after a Friday is the Monday, unless that is a
 * holiday.  With @n 0, the answer is @date if it is a working day and the
 * next working day if not.
 *
 * Returns: (transfer full): the date reached; or %NULL with @error set if
 *   the count leaves the years the calendar knows
 */
GDate *
concordat_calendar_add_working_days (ConcordatCalendar  *self,
                                     const GDate        *date,
                                     int                 n,
                                     GError            **error)
{
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n < 0)
    return count (self, date, -(guint) n, -1, error);
  return count (self, date, n, 1, error);
}

/* --- due-date rules --- */

static gboolean
not_a_rule (const char  *text,
            GError     **error)
{
  g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
               "“%s” is not a due-date rule: write “on” for the date itself, or +Nwd or "
               "-Nwd for N working days after or before it, such as +2wd", text);
  return FALSE;
}

/**
 * concordat_calendar_parse_rule:
 * @text: "on", "+Nwd" or "-Nwd", N being 0 to %CONCORDAT_CALENDAR_RULE_MAX_DAYS
 * @rule: (out caller-allocates): the rule read
 *
 * Reads a due-date rule, exactly as written: no spaces, "wd" in lower case.
 *
 * Returns: %TRUE if @text is a rule; %FALSE with @error saying how to write
 *   one otherwise
 */
gboolean
concordat_calendar_parse_rule (const char             *text,
                               ConcordatCalendarRule  *rule,
                               GError                **error)
{
  ConcordatCalendarRuleKind kind;
  const char *p = text + 1;
  guint days = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (text, "on"))
    {
      rule->kind = CONCORDAT_CALENDAR_RULE_ON;
      rule->days = 0;
      return TRUE;
    }

  if (*text == '+')
    kind = CONCORDAT_CALENDAR_RULE_AFTER;
  else if (*text == '-')
    kind = CONCORDAT_CALENDAR_RULE_BEFORE;
  else
    return not_a_rule (text, error);

  if (!g_ascii_isdigit (*p))
    return not_a_rule (text, error);
  for (; g_ascii_isdigit (*p); p++)
    days = MIN (days * 10 + (*p - '0'), CONCORDAT_CALENDAR_RULE_MAX_DAYS + 1);
  if (!g_str_equal (p, "wd"))
    return not_a_rule (text, error);
  if (days > CONCORDAT_CALENDAR_RULE_MAX_DAYS)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID,
                   "“%s” counts too many working days: a due-date rule counts at most %d",
                   text, CONCORDAT_CALENDAR_RULE_MAX_DAYS);
      return FALSE;
    }

  rule->kind = kind;
  rule->days = days;
  return TRUE;
}

/**
 * concordat_calendar_apply_rule:
 * @rule: a rule from concordat_calendar_parse_rule()
 * @date: the date the rule counts from, such as a meeting's
 *
 * "on" gives @date, working day or not.  "+Nwd" and "-Nwd" count N working
 * days after or before @date; "+0wd" gives @date if it is a working day and
 * the next one if not, "-0wd" the one before.
 *
 * Returns: (transfer full): the due date; or %NULL with @error set if the
 *   count leaves the years the calendar knows
 */
GDate *
concordat_calendar_apply_rule (ConcordatCalendar            *self,
                               const ConcordatCalendarRule  *rule,
                               const GDate                  *date,
                               GError                      **error)
{
  g_return_val_if_fail (CONCORDAT_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (rule->days <= CONCORDAT_CALENDAR_RULE_MAX_DAYS, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (rule->kind)
    {
    case CONCORDAT_CALENDAR_RULE_ON:
      return g_date_copy (date);
    case CONCORDAT_CALENDAR_RULE_AFTER:
      return count (self, date, rule->days, 1, error);
    case CONCORDAT_CALENDAR_RULE_BEFORE:
      return count (self, date, rule->days, -1, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
