/* test-preferences.c: the Preferences window's Data page: it shows where
 * the database and its backups are; Back Up Now writes one or says why it
 * could not; restoring a backup asks first, keeps a copy of what was
 * there, and says why when the file is not a backup; removing old actions
 * says how many will go, asks, backs up first and removes only those.
 * Today is fixed by CONCORDAT_TODAY as Sunday 22 November 2026.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-council.h"
#include "concordat-preferences-window.h"
#include "concordat-record.h"
#include "concordat-test-ui.h"

static ConcordatPreferencesWindow *
open_preferences (UiFixture *f)
{
  return CONCORDAT_PREFERENCES_WINDOW (concordat_test_open_preferences (f, "data"));
}

static const char *
subtitle_of (ConcordatPreferencesWindow *preferences,
             const char                 *title)
{
  GtkWidget *row = concordat_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW,
                                               concordat_test_title_is, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* As Enter or Space does: GTK clicks the button a moment later. */
static void
click_back_up_now (ConcordatPreferencesWindow *preferences)
{
  GtkWidget *button = concordat_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON,
                                                  concordat_test_label_is, "_Back Up Now");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_activate (button));
}

static gboolean
toast_says (ConcordatPreferencesWindow *preferences,
            const char                 *text)
{
  return concordat_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_LABEL,
                                     concordat_test_label_is, text) != NULL;
}

/* The one backup in @after that is not in @before. */
static char *
new_backup (GPtrArray *before,
            GPtrArray *after)
{
  char *found = NULL;

  for (guint i = 0; i < after->len; i++)
    {
      const char *path = g_ptr_array_index (after, i);

      if (!g_ptr_array_find_with_equal_func (before, path, g_str_equal, NULL))
        {
          g_assert_null (found);
          found = g_path_get_basename (path);
        }
    }

  g_assert_nonnull (found);
  return found;
}

static void
preferences_data (UiFixture *f)
{
  g_autofree char *backup_dir = g_build_filename (f->data_dir, "backups", NULL);
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatStore *store = concordat_application_get_store (f->app);
  ConcordatPreferencesWindow *preferences;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *written = NULL;
  g_autofree char *toast = NULL;

  concordat_test_wait_until (concordat_test_count_backups (f) == 1);
  before = concordat_store_list_backups (store);

  preferences = open_preferences (f);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_cmpstr (subtitle_of (preferences, "Location"), ==, f->db_path);
  g_assert_cmpstr (subtitle_of (preferences, "Backup Folder"), ==, backup_dir);
  g_assert_cmpstr (subtitle_of (preferences, "Backups Kept"), ==, "1 backup");
  concordat_test_assert_every_control_named (GTK_WIDGET (preferences), 2);

  click_back_up_now (preferences);

  concordat_test_wait_until (concordat_test_count_backups (f) == 2);
  g_assert_cmpstr (subtitle_of (preferences, "Backups Kept"), ==, "2 backups");

  after = concordat_store_list_backups (store);
  written = new_backup (before, after);
  g_assert_cmpstr (subtitle_of (preferences, "Latest Backup"), ==, written);

  toast = g_strdup_printf ("Backed up to %s", written);
  concordat_test_wait_until (toast_says (preferences, toast));
}

static void
preferences_back_up_fails (UiFixture *f)
{
  g_autofree char *in_the_way = g_build_filename (f->data_dir, "backups", NULL);
  ConcordatPreferencesWindow *preferences;
  AdwMessageDialog *dialog;

  concordat_test_open_window (f);
  preferences = open_preferences (f);
  g_assert_cmpstr (subtitle_of (preferences, "Latest Backup"), ==, "None yet");
  g_assert_cmpstr (subtitle_of (preferences, "Backups Kept"), ==, "0 backups");

  click_back_up_now (preferences);

  concordat_test_wait_until (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  concordat_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (preferences));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Backup Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), in_the_way));

  g_assert_cmpuint (concordat_test_count_backups (f), ==, 0);
  g_assert_cmpstr (subtitle_of (preferences, "Backups Kept"), ==, "0 backups");
}

static void
test_preferences_back_up_fails (UiFixture     *f,
                                gconstpointer  data)
{
  g_autofree char *in_the_way = g_build_filename (f->data_dir, "backups", NULL);

  /* A file where the backup folder should be. */
  g_assert_true (g_file_set_contents (in_the_way, "not a folder", -1, NULL));

  concordat_test_run (f, preferences_back_up_fails);
}

static gboolean
is_toast_about_restore (GtkWidget  *widget,
                        const char *basename)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));
  g_autofree char *start = g_strdup_printf ("Restored %s; the database as it was is kept as ", basename);

  return g_str_has_prefix (text, start) && g_str_has_suffix (text, "-before-restore.db");
}

static gboolean
is_toast_about_removal (GtkWidget  *widget,
                        const char *start)
{
  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start);
}

static gboolean
has_backup_ending (ConcordatStore *store,
                   const char     *ending)
{
  g_autoptr(GPtrArray) backups = concordat_store_list_backups (store);

  for (guint i = 0; i < backups->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (backups, i), ending))
      return TRUE;
  return FALSE;
}

static ConcordatStore *
store_of (UiFixture *f)
{
  return concordat_application_get_store (f->app);
}

static char *
stored_name (UiFixture *f)
{
  g_autoptr(ConcordatCouncil) council = concordat_council_load (store_of (f), NULL);

  return g_strdup (council->name);
}

static void
set_name (UiFixture  *f,
          const char *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_council_set (store_of (f), "name", name, &error));
  g_assert_no_error (error);
}

/* The message dialog Preferences has open, once it is on screen. */
static AdwMessageDialog *
wait_for_dialog (void)
{
  GtkWindow *dialog;

  concordat_test_wait_until ((dialog = concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL &&
                             gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  /* As a click does: the response, then the dialog closes. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  concordat_test_wait_until (dialog == NULL);
}

static void
click_named (ConcordatPreferencesWindow *preferences,
             const char                 *name)
{
  g_signal_emit_by_name (concordat_test_find_button (GTK_WIDGET (preferences), name), "clicked");
}

static void
preferences_restore (UiFixture *f)
{
  g_autoptr(GDateTime) then = g_date_time_new_local (2026, 11, 20, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *button = NULL;
  g_autofree char *after_cancel = NULL;
  g_autofree char *restored = NULL;
  ConcordatPreferencesWindow *preferences;
  GtkWidget *name_row;
  AdwMessageDialog *dialog;

  concordat_test_open_window (f);
  set_name (f, "Borsetshire County Council");
  backup = concordat_store_backup (store_of (f), then, &error);
  g_assert_no_error (error);
  basename = g_path_get_basename (backup);
  set_name (f, "Borsetshire Unitary Council");

  preferences = open_preferences (f);
  concordat_test_assert_every_control_named (GTK_WIDGET (preferences), 4);
  button = g_strdup_printf ("Restore %s", basename);

  /* Cancel changes nothing. */
  click_named (preferences, button);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), basename));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  answer (dialog, "cancel");
  after_cancel = stored_name (f);
  g_assert_cmpstr (after_cancel, ==, "Borsetshire Unitary Council");

  /* Restore brings the backup back, keeps a copy of what was there, and the
   * Council page shows it at once. */
  click_named (preferences, button);
  answer (wait_for_dialog (), "restore");
  restored = stored_name (f);
  g_assert_cmpstr (restored, ==, "Borsetshire County Council");
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_LABEL,
                                                         is_toast_about_restore, basename) != NULL);
  name_row = concordat_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW,
                                         concordat_test_title_is, "Council Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Borsetshire County Council");
  g_assert_true (has_backup_ending (store_of (f), "-before-restore.db"));
}

static void
preferences_restore_fails (UiFixture *f)
{
  g_autofree char *dir = g_build_filename (f->data_dir, "backups", NULL);
  g_autofree char *broken = g_build_filename (dir, "concordat-2026-11-01-090000.db", NULL);
  g_autofree char *name = NULL;
  ConcordatPreferencesWindow *preferences;
  AdwMessageDialog *dialog;

  concordat_test_open_window (f);
  set_name (f, "Borsetshire County Council");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "not a database at all", -1, NULL));

  preferences = open_preferences (f);
  click_named (preferences, "Restore concordat-2026-11-01-090000.db");
  answer (wait_for_dialog (), "restore");

  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Backup Was Not Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), broken));
  name = stored_name (f);
  g_assert_cmpstr (name, ==, "Borsetshire County Council");
}

static gint64
count_actions (UiFixture *f)
{
  g_autoptr(GDate) far = g_date_new_dmy (1, 1, 2100);

  return concordat_record_count_before (store_of (f), far, NULL);
}

static void
preferences_remove_old (UiFixture *f)
{
  g_autoptr(ConcordatGroup) labour = concordat_council_add_group (store_of (f), "Labour", "", NULL);
  g_autoptr(ConcordatGroup) green = concordat_council_add_group (store_of (f), "Green", "", NULL);
  g_autoptr(GDate) first_kept = g_date_new_dmy (22, 11, 2020);
  ConcordatPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkSpinButton *years;
  guint backups;

  /* Three from before 22 November 2020, the last two days before; one
   * this year. */
  concordat_test_record_briefing (f, "2020-03-02");
  concordat_test_record_briefing (f, "2020-09-14");
  concordat_test_record_briefing (f, "2020-11-20");
  concordat_test_record_briefing (f, "2026-10-01");

  concordat_test_open_window (f);
  preferences = open_preferences (f);
  years = GTK_SPIN_BUTTON (concordat_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON,
                                                       concordat_test_accessible_label_is,
                                                       "Years of actions to keep"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (years), ==, 6);

  /* Today is 22 November 2026: six years back keeps 22 November 2020 on. */
  click_named (preferences, "_Remove…");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove 3 Actions?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "before 22 November 2020"));
  answer (dialog, "cancel");
  g_assert_cmpint (count_actions (f), ==, 4);

  backups = concordat_test_count_backups (f);
  click_named (preferences, "_Remove…");
  answer (wait_for_dialog (), "remove");
  g_assert_cmpint (count_actions (f), ==, 1);
  g_assert_cmpint (concordat_record_count_before (store_of (f), first_kept, NULL), ==, 0);
  g_assert_cmpuint (concordat_test_count_backups (f), ==, backups + 1);
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_LABEL,
                                                         is_toast_about_removal, "Removed 3 actions") != NULL);

  /* Nothing older than one year now: said so, nothing asked. */
  gtk_spin_button_set_value (years, 1);
  click_named (preferences, "_Remove…");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Old Actions");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "No action in the record is from before 22 November 2025.");
  answer (dialog, "close");
  g_assert_cmpint (count_actions (f), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test backend records what a screen reader would be told,
   * without the AT-SPI bus; test-views-atspi.py covers that bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("CONCORDAT_TODAY", "2026-11-22", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/preferences/data", UiFixture, preferences_data,
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down);
  g_test_add ("/preferences/back-up-fails", UiFixture, NULL,
              concordat_test_fixture_set_up, test_preferences_back_up_fails, concordat_test_fixture_tear_down);
  g_test_add ("/preferences/restore", UiFixture, preferences_restore,
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down);
  g_test_add ("/preferences/restore-fails", UiFixture, preferences_restore_fails,
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down);
  g_test_add ("/preferences/remove-old", UiFixture, preferences_remove_old,
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down);

  return g_test_run ();
}
