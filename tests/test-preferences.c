/* test-preferences.c: the Preferences window shows where the database and
 * its backups are, and Back Up Now writes one or says why it could not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-preferences-window.h"
#include "concordat-test-ui.h"

static ConcordatPreferencesWindow *
open_preferences (UiFixture *f)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  preferences = concordat_test_find_toplevel (CONCORDAT_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  concordat_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (preferences)));

  return CONCORDAT_PREFERENCES_WINDOW (preferences);
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

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test backend records what a screen reader would be told,
   * without the AT-SPI bus; test-views-atspi.py covers that bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/preferences/data", UiFixture, preferences_data,
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down);
  g_test_add ("/preferences/back-up-fails", UiFixture, NULL,
              concordat_test_fixture_set_up, test_preferences_back_up_fails, concordat_test_fixture_tear_down);

  return g_test_run ();
}
