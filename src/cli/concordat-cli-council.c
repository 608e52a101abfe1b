/* concordat-cli-council.c: the commands that set up the council: council,
 * groups, wards and holidays, each a listing with sub-commands that change it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "concordat-cli-private.h"
#include "concordat-council.h"
#include "concordat-error.h"

/* One sub-command: @verb is NULL for the bare command, which lists. */
typedef struct
{
  const char *verb;
  const char *usage;
  int         n_args;
  int       (*run) (ConcordatStore *store,
                    char          **args);
} SubCommand;

/* The options of `groups`: --leader for add, --all for the listing. */
static char *group_leader = NULL;
static gboolean all_groups = FALSE;

/* GOption keeps a "--" when a word after it starts with "-", as a
 * negative number does: `council set pre-election-days -- -5`. */
static gboolean
keeps_dashes (int    argc,
              char **argv)
{
  gboolean dashes = FALSE;

  for (int i = 2; i < argc; i++)
    {
      if (dashes && argv[i][0] == '-')
        return TRUE;
      dashes = dashes || g_str_equal (argv[i], "--");
    }

  return FALSE;
}

static void
drop_dashes (int   *argc,
             char **argv)
{
  for (int i = 2; i < *argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (&argv[i], &argv[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        return;
      }
}

static int
unknown_verb (const char       *command,
              const char       *verb,
              const SubCommand *subs,
              guint             n_subs)
{
  g_autoptr(GString) verbs = g_string_new (NULL);

  for (guint i = 1; i < n_subs; i++)
    g_string_append_printf (verbs, "%s%s", i == 1 ? "" : i == n_subs - 1 ? " or " : ", ",
                            subs[i].verb);

  return concordat_cli_fail ("“%s” has no sub-command “%s”; use %s, or “concordat %s” alone "
                             "to list. Run “concordat --help” to see the commands.",
                             command, verb, verbs->str, command);
}

/* Finds the sub-command @argv names, parses its options and arguments,
 * opens the store and runs it.  @subs[0] is the bare command. */
static int
run_sub_command (const SubCommand   *subs,
                 guint               n_subs,
                 const GOptionEntry *entries,
                 const char * const *value_options,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb = concordat_cli_verb (argc, argv, value_options);
  const SubCommand *sub = NULL;

  for (guint i = 0; i < n_subs && sub == NULL; i++)
    if (g_strcmp0 (subs[i].verb, verb) == 0)
      sub = &subs[i];
  if (sub == NULL && verb != NULL)
    return unknown_verb (argv[1], verb, subs, n_subs);

  if (!concordat_cli_parse (sub->usage, entries, &argc, &argv,
                            sub->n_args + (sub->verb != NULL ? 1 : 0) + (keeps_dashes (argc, argv) ? 1 : 0)))
    return 1;
  drop_dashes (&argc, argv);

  store = concordat_cli_open_library (&error);
  if (store == NULL)
    return concordat_cli_fail ("%s", error->message);

  return sub->run (store, argv + (sub->verb != NULL ? 3 : 2));
}

/* Prints what a change did, as {"name": …, "removed": true}. */
static int
print_done (const char *name,
            const char *what,
            gboolean    value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  concordat_cli_add_string (builder, "name", name);
  concordat_cli_add_boolean (builder, what, value);
  json_builder_end_object (builder);
  concordat_cli_print_json (builder);

  return 0;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* --- council --- */

/* The start of the pre-election period, as text; NULL with a warning when
 * the calendar cannot count it, or when there is no polling day. */
static char *
dup_pre_election_start (ConcordatStore         *store,
                        const ConcordatCouncil *council)
{
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;

  calendar = concordat_council_dup_calendar (store, council, &error);
  if (calendar != NULL && concordat_council_get_pre_election (council, calendar, &start, NULL, &error))
    return format_date (&start);

  if (error != NULL)
    g_printerr ("concordat: warning: %s\n", error->message);
  return NULL;
}

static void
build_council (JsonBuilder            *builder,
               const ConcordatCouncil *council,
               const char             *start)
{
  const char * const *keys = concordat_council_list_keys ();

  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = concordat_council_dup_value (council, keys[i]);

      json_builder_set_member_name (builder, keys[i]);
      if (g_str_equal (keys[i], "pre-election-days"))
        json_builder_add_int_value (builder, council->pre_election_days);
      else if (g_str_equal (keys[i], "info-response-days"))
        json_builder_add_int_value (builder, council->info_response_days);
      else if (g_str_equal (keys[i], "polling-day") && *value == '\0')
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, value);
    }
  if (g_date_valid (&council->polling_day))
    concordat_cli_add_string (builder, "pre-election-start", start);
  json_builder_end_object (builder);
}

static void
print_setting (const ConcordatCouncil *council,
               const char             *key)
{
  g_autofree char *value = concordat_council_dup_value (council, key);

  if (*value != '\0')
    g_print ("%s: %s\n", key, value);
  else
    g_print ("%s: %s\n", key, g_str_equal (key, "polling-day") ? "none" : _("(not set)"));
}

static int
show_council (ConcordatStore *store,
              char          **args)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  const char * const *keys = concordat_council_list_keys ();

  council = concordat_council_load (store, &error);
  if (council == NULL)
    return concordat_cli_fail ("%s", error->message);
  start = dup_pre_election_start (store, council);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_council (builder, council, start);
      concordat_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; keys[i] != NULL; i++)
    print_setting (council, keys[i]);
  if (start != NULL)
    g_print ("pre-election-start: %s\n", start);

  return 0;
}

static int
set_council (ConcordatStore *store,
             char          **args)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_council_set (store, args[0], args[1], &error))
    return concordat_cli_fail ("%s", error->message);
  if (concordat_cli_json)
    return show_council (store, args);

  council = concordat_council_load (store, &error);
  if (council == NULL)
    return concordat_cli_fail ("%s", error->message);
  print_setting (council, args[0]);

  return 0;
}

int
concordat_cli_council (int    argc,
                       char **argv)
{
  static const SubCommand subs[] = {
    { NULL, "council", 0, show_council },
    { "set", "council set KEY VALUE", 2, set_council },
  };

  return run_sub_command (subs, G_N_ELEMENTS (subs), NULL, NULL, argc, argv);
}

/* --- groups --- */

static void
build_group (JsonBuilder          *builder,
             const ConcordatGroup *group)
{
  json_builder_begin_object (builder);
  concordat_cli_add_string (builder, "name", group->name);
  concordat_cli_add_string (builder, "leader", group->leader);
  concordat_cli_add_boolean (builder, "active", group->active);
  json_builder_end_object (builder);
}

static void
print_group (const ConcordatGroup *group)
{
  g_print ("%s", group->name);
  if (*group->leader != '\0')
    g_print (" (leader: %s)", group->leader);
  if (!group->active)
    g_print (" (inactive)");
  g_print ("\n");
}

/* Each option of `groups` belongs to one sub-command; given to another it
 * is refused rather than ignored. */
static gboolean
refuse_options (gboolean leader_allowed,
                gboolean all_allowed)
{
  if (group_leader != NULL && !leader_allowed)
    concordat_cli_fail ("--leader goes with “concordat groups add NAME”; to change a "
                        "group’s leader, use “concordat groups leader NAME LEADER”");
  else if (all_groups && !all_allowed)
    concordat_cli_fail ("--all goes with “concordat groups” alone, which lists the groups");
  else
    return FALSE;

  return TRUE;
}

static int
list_groups (ConcordatStore *store,
             char          **args)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  if (refuse_options (FALSE, TRUE))
    return 1;

  groups = concordat_council_list_groups (store, all_groups, &error);
  if (groups == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < groups->len; i++)
        build_group (builder, g_ptr_array_index (groups, i));
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (groups->len == 0)
    g_print ("%s\n", _("No party groups are set up. Add one with “concordat groups add NAME”."));
  for (guint i = 0; i < groups->len; i++)
    print_group (g_ptr_array_index (groups, i));

  return 0;
}

static int
add_group (ConcordatStore *store,
           char          **args)
{
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  if (refuse_options (TRUE, FALSE))
    return 1;

  group = concordat_council_add_group (store, args[0], group_leader, &error);
  if (group == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_group (builder, group);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print (_("Added the party group “%s”.\n"), group->name);
  return 0;
}

static int
remove_group (ConcordatStore *store,
              char          **args)
{
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  gboolean kept = FALSE;

  if (refuse_options (FALSE, FALSE))
    return 1;

  group = concordat_council_find_group (store, args[0], &error);
  if (group == NULL || !concordat_council_remove_group (store, group->name, &kept, &error))
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    return print_done (group->name, kept ? "kept-inactive" : "removed", TRUE);

  if (kept)
    g_print (_("Kept the party group “%s” but made it inactive, because the record refers to it.\n"),
             group->name);
  else
    g_print (_("Removed the party group “%s”.\n"), group->name);
  return 0;
}

static int
change_group (ConcordatStore *store,
              const char     *name,
              const char     *new_name,
              const char     *leader)
{
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  if (refuse_options (FALSE, FALSE))
    return 1;

  if (!concordat_council_update_group (store, name, new_name, leader, &error))
    return concordat_cli_fail ("%s", error->message);
  group = concordat_council_find_group (store, new_name != NULL ? new_name : name, &error);
  if (group == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_group (builder, group);
      concordat_cli_print_json (builder);
      return 0;
    }

  print_group (group);
  return 0;
}

static int
rename_group (ConcordatStore *store,
              char          **args)
{
  return change_group (store, args[0], args[1], NULL);
}

static int
set_group_leader (ConcordatStore *store,
                  char          **args)
{
  return change_group (store, args[0], NULL, args[1]);
}

int
concordat_cli_groups (int    argc,
                      char **argv)
{
  const GOptionEntry entries[] = {
    { "leader", 0, 0, G_OPTION_ARG_STRING, &group_leader, N_("The group leader’s name"), N_("LEADER") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all_groups, N_("List the inactive groups too"), NULL },
    { NULL }
  };
  static const char * const value_options[] = { "--leader", NULL };
  static const SubCommand subs[] = {
    { NULL, "groups", 0, list_groups },
    { "add", "groups add NAME", 1, add_group },
    { "remove", "groups remove NAME", 1, remove_group },
    { "rename", "groups rename NAME NEW", 2, rename_group },
    { "leader", "groups leader NAME LEADER", 2, set_group_leader },
  };

  return run_sub_command (subs, G_N_ELEMENTS (subs), entries, value_options, argc, argv);
}

/* --- wards --- */

static int
list_wards (ConcordatStore *store,
            char          **args)
{
  g_autoptr(GPtrArray) wards = NULL;
  g_autoptr(GError) error = NULL;

  wards = concordat_council_list_wards (store, &error);
  if (wards == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < wards->len; i++)
        {
          json_builder_begin_object (builder);
          concordat_cli_add_string (builder, "name", ((ConcordatWard *)g_ptr_array_index (wards, i))->name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (wards->len == 0)
    g_print ("%s\n", _("No wards are set up. Add one with “concordat wards add NAME”."));
  for (guint i = 0; i < wards->len; i++)
    g_print ("%s\n", ((ConcordatWard *)g_ptr_array_index (wards, i))->name);

  return 0;
}

static int
add_ward (ConcordatStore *store,
          char          **args)
{
  g_autoptr(ConcordatWard) ward = NULL;
  g_autoptr(GError) error = NULL;

  ward = concordat_council_add_ward (store, args[0], &error);
  if (ward == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    return print_done (ward->name, "added", TRUE);
  g_print (_("Added the ward “%s”.\n"), ward->name);
  return 0;
}

static int
remove_ward (ConcordatStore *store,
             char          **args)
{
  g_autoptr(ConcordatWard) ward = NULL;
  g_autoptr(GError) error = NULL;

  ward = concordat_council_find_ward (store, args[0], &error);
  if (ward == NULL || !concordat_council_remove_ward (store, ward->name, &error))
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    return print_done (ward->name, "removed", TRUE);
  g_print (_("Removed the ward “%s”.\n"), ward->name);
  return 0;
}

int
concordat_cli_wards (int    argc,
                     char **argv)
{
  static const SubCommand subs[] = {
    { NULL, "wards", 0, list_wards },
    { "add", "wards add NAME", 1, add_ward },
    { "remove", "wards remove NAME", 1, remove_ward },
  };

  return run_sub_command (subs, G_N_ELEMENTS (subs), NULL, NULL, argc, argv);
}

/* --- holidays --- */

static gboolean
parse_holiday_date (const char *text,
                    GDate      *date)
{
  g_date_clear (date, 1);
  if (concordat_calendar_parse_date (text, date))
    return TRUE;

  concordat_cli_fail ("“%s” is not a real date; give it as YYYY-MM-DD, such as 2026-12-24", text);
  return FALSE;
}

static int
list_holidays (ConcordatStore *store,
               char          **args)
{
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;

  holidays = concordat_council_list_holidays (store, &error);
  if (holidays == NULL)
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < holidays->len; i++)
        {
          const ConcordatHoliday *holiday = g_ptr_array_index (holidays, i);
          g_autofree char *date = format_date (&holiday->date);

          json_builder_begin_object (builder);
          concordat_cli_add_string (builder, "date", date);
          concordat_cli_add_string (builder, "name", holiday->name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (holidays->len == 0)
    g_print ("%s\n", _("No local holidays are set up. Add one with “concordat holidays add DATE NAME”."));
  for (guint i = 0; i < holidays->len; i++)
    {
      const ConcordatHoliday *holiday = g_ptr_array_index (holidays, i);
      g_autofree char *date = format_date (&holiday->date);

      g_print ("%s  %s\n", date, holiday->name);
    }

  return 0;
}

static int
add_holiday (ConcordatStore *store,
             char          **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (args[1]));
  GDate date;

  if (!parse_holiday_date (args[0], &date))
    return 1;
  if (!concordat_council_add_holiday (store, &date, name, &error))
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "date", args[0]);
      concordat_cli_add_string (builder, "name", name);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print (_("Added the local holiday on %s: %s.\n"), args[0], name);
  return 0;
}

static int
remove_holiday (ConcordatStore *store,
                char          **args)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!parse_holiday_date (args[0], &date))
    return 1;
  if (!concordat_council_remove_holiday (store, &date, &error))
    return concordat_cli_fail ("%s", error->message);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "date", args[0]);
      concordat_cli_add_boolean (builder, "removed", TRUE);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print (_("Removed the local holiday on %s.\n"), args[0]);
  return 0;
}

int
concordat_cli_holidays (int    argc,
                        char **argv)
{
  static const SubCommand subs[] = {
    { NULL, "holidays", 0, list_holidays },
    { "add", "holidays add DATE NAME", 2, add_holiday },
    { "remove", "holidays remove DATE", 1, remove_holiday },
  };

  return run_sub_command (subs, G_N_ELEMENTS (subs), NULL, NULL, argc, argv);
}
