/* test-council-page.c: the Council page of Preferences in the real window
 * under Xvfb: each setting typed or chosen there is stored; a bad value is
 * refused where it was typed, with the engine's reason, and nothing is
 * stored; party groups are added, renamed, given a leader, removed (kept
 * inactive when the record refers to them) and put back with Undo; wards
 * likewise; the role goes to GSettings; the page follows changes made
 * elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-test-ui.h"

static ConcordatStore *
store_of (UiFixture *f)
{
  return concordat_application_get_store (f->app);
}

static GtkWidget *
open_council_page (UiFixture *f)
{
  concordat_test_open_window (f);
  return GTK_WIDGET (concordat_test_open_preferences (f, "council"));
}

static ConcordatCouncil *
stored_council (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  ConcordatCouncil *council = concordat_council_load (store_of (f), &error);

  g_assert_no_error (error);
  return council;
}

static GtkWidget *
row_titled (GtkWidget  *root,
            GType       type,
            const char *title)
{
  GtkWidget *row = concordat_test_find_widget (root, type, concordat_test_title_is, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

/* Clicks into an entry row, types @text and presses Enter, which applies it. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  GtkWidget *field = concordat_test_find_widget (row, GTK_TYPE_TEXT, NULL, NULL);

  g_assert_nonnull (field);
  /* The row offers to apply only what was typed while it had the focus. */
  g_assert_true (gtk_widget_grab_focus (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What Enter does in it. */
  g_signal_emit_by_name (field, "activate");
}

static void
click (GtkWidget *root,
       const char *name)
{
  GtkWidget *button = concordat_test_find_button (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
shows_mapped_label (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *label = concordat_test_find_widget (root, GTK_TYPE_LABEL, concordat_test_label_is, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
is_error_label (GtkWidget  *widget,
                const char *text)
{
  return gtk_widget_has_css_class (widget, "error");
}

/* The line under @row's group saying why a value was refused, or NULL
 * while it is hidden. */
static const char *
reason_under (GtkWidget *row)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *label = concordat_test_find_widget (group, GTK_TYPE_LABEL, is_error_label, NULL);

  g_assert_nonnull (label);
  return gtk_widget_get_mapped (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static gboolean
is_marked (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

/* A second protocol in the library, to choose as the active one. */
static void
import_second_protocol (UiFixture *f)
{
  static const char text[] =
    "# Borsetshire Member and Officer Protocol\n\n"
    "## 1. Briefings\n\n"
    "1.1 Officers may brief party groups on council business.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = concordat_library_import_bytes (store_of (f), bytes, "borsetshire.md",
                                        "Borsetshire Protocol", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->slug, !=, "model");
  g_object_set_data_full (G_OBJECT (f->app), "second-slug", g_strdup (doc->slug), g_free);
}

static guint
position_of (AdwComboRow *row,
             const char  *item)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item))
      return i;
  g_error ("No item “%s”", item);
  return 0;
}

static void
choose (GtkWidget  *page,
        const char *title,
        const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (row_titled (page, ADW_TYPE_COMBO_ROW, title));

  adw_combo_row_set_selected (row, position_of (row, item));
}

static void
council_settings (UiFixture *f)
{
  GtkWidget *page;
  GtkWidget *name_row;
  GtkWidget *info_row;
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(ConcordatCouncil) refused = NULL;

  import_second_protocol (f);
  page = open_council_page (f);
  concordat_test_assert_every_control_named (page, 8);

  /* As stored: nothing set yet, the defaults shown. */
  name_row = row_titled (page, ADW_TYPE_ENTRY_ROW, "Council Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row_titled (page, ADW_TYPE_COMBO_ROW, "Protocol"))),
                    ==, position_of (ADW_COMBO_ROW (row_titled (page, ADW_TYPE_COMBO_ROW, "Protocol")),
                                     "Model Member/Officer Protocol"));
  info_row = row_titled (page, ADW_TYPE_ACTION_ROW, "Information Requests");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (concordat_test_find_widget (info_row, GTK_TYPE_SPIN_BUTTON, NULL, NULL))),
                   ==, CONCORDAT_COUNCIL_DEFAULT_INFO_RESPONSE_DAYS);

  type_into (name_row, "  Borsetshire County Council ");
  choose (page, "Protocol", "Borsetshire Protocol");
  choose (page, "Briefing Rule", "Available to others on request");
  choose (page, "Bank Holidays", "Scotland");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (concordat_test_find_widget (info_row, GTK_TYPE_SPIN_BUTTON, NULL, NULL)), 5);

  council = stored_council (f);
  g_assert_cmpstr (council->name, ==, "Borsetshire County Council");
  g_assert_cmpstr (council->protocol, ==, g_object_get_data (G_OBJECT (f->app), "second-slug"));
  g_assert_cmpint (council->briefing_rule, ==, CONCORDAT_BRIEFING_RULE_ON_REQUEST);
  g_assert_cmpstr (council->region, ==, "scotland");
  g_assert_cmpuint (council->info_response_days, ==, 5);
  /* The row shows what was stored, trimmed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Borsetshire County Council");
  g_assert_false (is_marked (name_row));
  g_assert_null (reason_under (name_row));

  /* An empty name is refused where it was typed, with the reason. */
  type_into (name_row, "   ");
  g_assert_true (is_marked (name_row));
  g_assert_cmpstr (reason_under (name_row), ==,
                   "The council’s name cannot be empty; give it as it appears on its letters, "
                   "such as “Borsetshire County Council”");
  refused = stored_council (f);
  g_assert_cmpstr (refused->name, ==, "Borsetshire County Council");

  /* Typing again takes the refusal back. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Borsetshire");
  g_assert_false (is_marked (name_row));
  g_assert_null (reason_under (name_row));
}

static void
council_elections (UiFixture *f)
{
  GtkWidget *page = open_council_page (f);
  GtkWidget *polling_row = row_titled (page, ADW_TYPE_ENTRY_ROW, "Next Polling Day");
  GtkWidget *period_row = row_titled (page, ADW_TYPE_ACTION_ROW, "Pre-Election Period");
  GtkSpinButton *days = GTK_SPIN_BUTTON (concordat_test_find_widget (period_row, GTK_TYPE_SPIN_BUTTON, NULL, NULL));
  g_autoptr(ConcordatCouncil) refused = NULL;
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(ConcordatCouncil) shorter = NULL;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period_row)), ==, "Working days before polling day");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, CONCORDAT_COUNCIL_DEFAULT_PRE_ELECTION_DAYS);

  type_into (polling_row, "2027-02-30");
  g_assert_true (is_marked (polling_row));
  g_assert_cmpstr (reason_under (polling_row), ==,
                   "“2027-02-30” is not a real date; give it as YYYY-MM-DD, such as 2027-05-06");
  refused = stored_council (f);
  g_assert_false (g_date_valid (&refused->polling_day));

  /* 25 working days before Thursday 6 May 2027, over Easter. */
  type_into (polling_row, "2027-05-06");
  g_assert_false (is_marked (polling_row));
  council = stored_council (f);
  g_assert_cmpuint (g_date_get_year (&council->polling_day), ==, 2027);
  g_assert_cmpuint (g_date_get_month (&council->polling_day), ==, G_DATE_MAY);
  g_assert_cmpuint (g_date_get_day (&council->polling_day), ==, 6);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period_row)), ==,
                   "Working days before polling day; it starts on Wednesday 31 March 2027");

  gtk_spin_button_set_value (days, 20);
  shorter = stored_council (f);
  g_assert_cmpuint (shorter->pre_election_days, ==, 20);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period_row)), !=,
                   "Working days before polling day; it starts on Wednesday 31 March 2027");

  /* Emptied, there is no election due. */
  type_into (polling_row, "");
  g_clear_pointer (&council, concordat_council_free);
  council = stored_council (f);
  g_assert_false (g_date_valid (&council->polling_day));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period_row)), ==, "Working days before polling day");
}

static ConcordatGroup *
stored_group (UiFixture  *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  ConcordatGroup *group = concordat_council_find_group (store_of (f), name, &error);

  if (group == NULL)
    g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  return group;
}

static guint
count_groups (UiFixture *f)
{
  g_autoptr(GPtrArray) groups = concordat_council_list_groups (store_of (f), TRUE, NULL);

  return groups->len;
}

static void
undo (GtkWidget *preferences)
{
  GtkWidget *button;

  concordat_test_wait_until ((button = concordat_test_find_widget (preferences, GTK_TYPE_BUTTON,
                                                                   concordat_test_label_is, "_Undo")) != NULL &&
                             gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
council_groups (UiFixture *f)
{
  GtkWidget *page = open_council_page (f);
  GtkWidget *add_row = row_titled (page, ADW_TYPE_ENTRY_ROW, "Add a Party Group");
  g_autoptr(ConcordatGroup) labour = NULL;
  g_autoptr(ConcordatGroup) renamed = NULL;
  g_autoptr(ConcordatGroup) led = NULL;
  g_autoptr(ConcordatGroup) gone = NULL;
  g_autoptr(ConcordatGroup) back = NULL;
  GtkWidget *row;

  type_into (add_row, "Labour");
  type_into (add_row, "Conservative");
  labour = stored_group (f, "Labour");
  g_assert_nonnull (labour);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  row = row_titled (page, ADW_TYPE_EXPANDER_ROW, "Labour");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "No leader recorded");

  /* The same name in another case is refused, and nothing is added. */
  type_into (add_row, "labour");
  g_assert_true (is_marked (add_row));
  g_assert_cmpstr (reason_under (add_row), ==, "There is already a party group called “Labour”");
  g_assert_cmpuint (count_groups (f), ==, 2);

  /* Open it, rename it and give it a leader; it stays open. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  type_into (row_titled (row, ADW_TYPE_ENTRY_ROW, "Name"), "Labour and Co-operative");
  renamed = stored_group (f, "Labour and Co-operative");
  g_assert_nonnull (renamed);
  row = row_titled (page, ADW_TYPE_EXPANDER_ROW, "Labour and Co-operative");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  type_into (row_titled (row, ADW_TYPE_ENTRY_ROW, "Leader"), "Cllr Jane Smith");
  led = stored_group (f, "Labour and Co-operative");
  g_assert_cmpstr (led->leader, ==, "Cllr Jane Smith");
  row = row_titled (page, ADW_TYPE_EXPANDER_ROW, "Labour and Co-operative");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Led by Cllr Jane Smith");

  /* A rename onto another group's name is refused. */
  type_into (row_titled (row, ADW_TYPE_ENTRY_ROW, "Name"), "Conservative");
  g_assert_true (is_marked (row_titled (row, ADW_TYPE_ENTRY_ROW, "Name")));
  g_assert_nonnull (reason_under (row));
  g_assert_nonnull (stored_group (f, "Labour and Co-operative"));

  /* Removed, with nothing in the record: gone, until Undo. */
  click (page, "Remove Labour and Co-operative");
  gone = stored_group (f, "Labour and Co-operative");
  g_assert_null (gone);
  g_assert_null (concordat_test_find_widget (page, ADW_TYPE_EXPANDER_ROW, concordat_test_title_is,
                                             "Labour and Co-operative"));
  concordat_test_wait_until (shows_mapped_label (gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW),
                                                 "Removed “Labour and Co-operative”"));
  undo (GTK_WIDGET (gtk_widget_get_root (page)));
  back = stored_group (f, "Labour and Co-operative");
  g_assert_nonnull (back);
  g_assert_cmpstr (back->leader, ==, "Cllr Jane Smith");
  g_assert_true (back->active);
  row_titled (page, ADW_TYPE_EXPANDER_ROW, "Labour and Co-operative");
}

static void
council_group_kept_inactive (UiFixture *f)
{
  g_autoptr(ConcordatGroup) labour = concordat_council_add_group (store_of (f), "Labour", "", NULL);
  g_autoptr(ConcordatGroup) conservative = concordat_council_add_group (store_of (f), "Conservative", "", NULL);
  g_autoptr(ConcordatGroup) inactive = NULL;
  g_autoptr(ConcordatGroup) restored = NULL;
  g_autoptr(ConcordatGroup) undone = NULL;
  GtkWidget *page;
  GtkWidget *row;

  /* Labour asks for a briefing, so the record refers to Labour. */
  concordat_test_record_briefing (f, "2026-12-23");
  page = open_council_page (f);

  click (page, "Remove Labour");
  inactive = stored_group (f, "Labour");
  g_assert_nonnull (inactive);
  g_assert_false (inactive->active);
  concordat_test_wait_until (shows_mapped_label (GTK_WIDGET (gtk_widget_get_root (page)),
                                                 "“Labour” is now inactive: the record refers to it"));
  row = row_titled (page, ADW_TYPE_EXPANDER_ROW, "Labour");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Inactive");

  /* Restore puts it back among the active groups. */
  click (page, "Restore Labour");
  restored = stored_group (f, "Labour");
  g_assert_true (restored->active);
  row = row_titled (page, ADW_TYPE_EXPANDER_ROW, "Labour");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "No leader recorded");

  /* And Undo does the same. */
  click (page, "Remove Labour");
  undo (GTK_WIDGET (gtk_widget_get_root (page)));
  undone = stored_group (f, "Labour");
  g_assert_true (undone->active);
}

static guint
count_wards (UiFixture *f)
{
  g_autoptr(GPtrArray) wards = concordat_council_list_wards (store_of (f), NULL);

  return wards->len;
}

static void
council_wards (UiFixture *f)
{
  GtkWidget *page = open_council_page (f);
  GtkWidget *add_row = row_titled (page, ADW_TYPE_ENTRY_ROW, "Add a Ward");
  g_autoptr(ConcordatWard) back = NULL;

  type_into (add_row, "Ambridge");
  type_into (add_row, "Borchester North");
  g_assert_cmpuint (count_wards (f), ==, 2);
  row_titled (page, ADW_TYPE_ACTION_ROW, "Ambridge");

  type_into (add_row, "");
  g_assert_true (is_marked (add_row));
  g_assert_nonnull (reason_under (add_row));
  g_assert_cmpuint (count_wards (f), ==, 2);

  click (page, "Remove Ambridge");
  g_assert_cmpuint (count_wards (f), ==, 1);
  g_assert_null (concordat_test_find_widget (page, ADW_TYPE_ACTION_ROW, concordat_test_title_is, "Ambridge"));
  undo (GTK_WIDGET (gtk_widget_get_root (page)));
  back = concordat_council_find_ward (store_of (f), "Ambridge", NULL);
  g_assert_nonnull (back);
  row_titled (page, ADW_TYPE_ACTION_ROW, "Ambridge");
}

static void
council_role (UiFixture *f)
{
  GSettings *settings = concordat_application_get_settings (f->app);
  GtkWidget *page = open_council_page (f);
  AdwComboRow *role = ADW_COMBO_ROW (row_titled (page, ADW_TYPE_COMBO_ROW, "Your Role"));
  g_autofree char *chosen = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (role), ==, position_of (role, "Officer"));

  choose (page, "Your Role", "Councillor");
  chosen = g_settings_get_string (settings, "role");
  g_assert_cmpstr (chosen, ==, "councillor");

  g_settings_set_string (settings, "role", "democratic-services");
  g_assert_cmpuint (adw_combo_row_get_selected (role), ==, position_of (role, "Democratic Services"));
}

/* The command line, or another window, changes the council: the page
 * shows it. */
static void
council_follows_store (UiFixture *f)
{
  GtkWidget *page = open_council_page (f);
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_council_set (store_of (f), "name", "Ambridge Parish Council", &error));
  g_assert_no_error (error);
  group = concordat_council_add_group (store_of (f), "Green", "", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_titled (page, ADW_TYPE_ENTRY_ROW, "Council Name"))),
                   ==, "Ambridge Parish Council");
  row_titled (page, ADW_TYPE_EXPANDER_ROW, "Green");
}

static char *
autostart_entry (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", "io.github.concordat.Concordat.desktop", NULL);
}

static void
council_reminders (UiFixture *f)
{
  GSettings *settings = concordat_application_get_settings (f->app);
  GtkWidget *page = open_council_page (f);
  GtkWidget *time_row = row_titled (page, ADW_TYPE_ENTRY_ROW, "Reminder Time (HH:MM)");
  GtkWidget *remind_row = row_titled (page, ADW_TYPE_ACTION_ROW, "Remind Me When Concordat Is Closed");
  GtkSwitch *remind = GTK_SWITCH (concordat_test_find_widget (remind_row, GTK_TYPE_SWITCH, NULL, NULL));
  g_autofree char *entry_path = autostart_entry ();
  g_autofree char *entry = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exec_line = g_strdup_printf ("\nExec=%s --background\n", self_path);
  g_autofree char *time = NULL;
  g_autofree char *validator_out = NULL;
  g_autofree char *validator_err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_row)), ==, "09:00");
  type_into (time_row, "25:00");
  g_assert_true (is_marked (time_row));
  g_assert_cmpstr (reason_under (time_row), ==, "“25:00” is not a time of day; give it as HH:MM, such as 09:00");
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "09:00");
  type_into (time_row, "08:30");
  g_free (time);
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "08:30");
  g_assert_false (is_marked (time_row));

  /* On: an autostart entry that runs this program without a window. */
  g_assert_false (g_file_test (entry_path, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_switch_get_active (remind));
  gtk_switch_set_active (remind, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "remind-when-closed"));
  g_assert_true (g_file_get_contents (entry_path, &entry, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (entry, exec_line));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "desktop-file-validate", entry_path, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &validator_out, &validator_err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (validator_out, ==, "");
  g_assert_cmpstr (validator_err, ==, "");
  g_assert_cmpint (status, ==, 0);

  /* Off: gone. */
  gtk_switch_set_active (remind, FALSE);
  g_assert_false (g_file_test (entry_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("concordat-config-XXXXXX", NULL);
  int status;

  /* The autostart entry goes here, not into the user's own folder. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD_BODY(path, body) \
  g_test_add ("/council-page/" path, UiFixture, body, \
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down)

  ADD_BODY ("settings", council_settings);
  ADD_BODY ("elections", council_elections);
  ADD_BODY ("groups", council_groups);
  ADD_BODY ("group-kept-inactive", council_group_kept_inactive);
  ADD_BODY ("wards", council_wards);
  ADD_BODY ("role", council_role);
  ADD_BODY ("follows-store", council_follows_store);
  ADD_BODY ("reminders", council_reminders);

#undef ADD_BODY

  status = g_test_run ();
  concordat_test_remove_tree (config);
  return status;
}
