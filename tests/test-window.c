/* test-window.c: the main window under Xvfb: it maps, fits a phone's width
 * with the switcher at the bottom, names every control, remembers its size,
 * switches views from the keyboard, takes the daily backup, and explains a
 * database it cannot open.
 *
 * Shortcuts are tested from the window's own bindings: GTK 4.8 has no public
 * way to synthesise a key press, so concordat_test_press() runs what a key
 * press would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "concordat-duties-view.h"
#include "concordat-guidance-view.h"
#include "concordat-protocol-view.h"
#include "concordat-record-view.h"
#include "concordat-test-ui.h"

static const char * const view_names[] = { "protocol", "guidance", "record", "duties" };

static AdwViewStack *
view_stack_of (ConcordatWindow *window)
{
  return ADW_VIEW_STACK (concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
}

static void
window_maps (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *protocol;
  GtkWidget *empty;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Concordat");

  /* The Protocol view comes first, the model protocol open in it. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "protocol");
  protocol = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_PROTOCOL_VIEW, NULL, NULL);
  g_assert_nonnull (protocol);
  g_assert_true (gtk_widget_get_mapped (protocol));
  g_assert_cmpstr (concordat_protocol_view_get_document (CONCORDAT_PROTOCOL_VIEW (protocol)), ==, "model");
  empty = concordat_test_find_widget (protocol, ADW_TYPE_STATUS_PAGE, concordat_test_title_is, "No Protocol");
  g_assert_false (empty != NULL && gtk_widget_get_mapped (empty));
}

static void
window_views (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  AdwViewStack *stack = view_stack_of (window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  static const char * const titles[] = { "Protocol", "Guidance", "Record", "Duties" };
  GType (*view_types[]) (void) = {
    concordat_protocol_view_get_type, concordat_guidance_view_get_type,
    concordat_record_view_get_type, concordat_duties_view_get_type,
  };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (view_names));

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, view_names[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_true (g_str_has_suffix (adw_view_stack_page_get_icon_name (page), "-symbolic"));

      /* Each view is its own widget, with tests of its own. */
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (child, view_types[i] ()));
    }
}

/* Only the view shown first reads the store as the window opens; the
 * Record view reads its list when it is first shown, by its switcher or by
 * an action that shows it. */
static void
window_views_wait (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *record = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_RECORD_VIEW, NULL, NULL);

  g_assert_null (concordat_record_view_get_model (CONCORDAT_RECORD_VIEW (record)));

  adw_view_stack_set_visible_child_name (view_stack_of (window), "record");
  g_assert_nonnull (concordat_record_view_get_model (CONCORDAT_RECORD_VIEW (record)));
}

static void
window_view_shortcuts (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  AdwViewStack *stack = view_stack_of (window);

  /* Backwards, so every press is a change. */
  for (int i = G_N_ELEMENTS (view_names) - 1; i >= 0; i--)
    {
      g_autofree char *accelerator = g_strdup_printf ("<Alt>%d", i + 1);

      concordat_test_press (GTK_WIDGET (window), accelerator);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, view_names[i]);
    }

  concordat_test_press (GTK_WIDGET (window), "<Control>w");
  concordat_test_wait_until (gtk_application_get_windows (GTK_APPLICATION (f->app)) == NULL);
}

static void
window_app_shortcuts (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                    expected[i].action);

      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }

  /* The Keyboard Shortcuts window is the one built into the resource. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  concordat_test_wait_until (concordat_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL &&
                             gtk_widget_get_mapped (GTK_WIDGET (concordat_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW))));

  /* Quit closes every window, so each can save its state. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  concordat_test_wait_until (gtk_application_get_windows (GTK_APPLICATION (f->app)) == NULL);
}

static void
window_about (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  about = ADW_ABOUT_WINDOW (concordat_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  concordat_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (about)));

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Concordat");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Concordat developers");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/concordat/concordat");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://github.com/concordat/concordat/issues");
  g_assert_cmpstr (adw_about_window_get_comments (about), !=, "");
}

/* The size on screen, borders included; under Xvfb there is no compositor,
 * so no shadow either. */
static int
surface_width (ConcordatWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

static int
surface_height (ConcordatWindow *window)
{
  return gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window)));
}

static GtkWidget *
header_switcher_of (ConcordatWindow *window)
{
  GtkWidget *title = concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL, NULL);

  return concordat_test_find_widget (title, ADW_TYPE_VIEW_SWITCHER, NULL, NULL);
}

static GtkWidget *
bottom_switcher_of (ConcordatWindow *window)
{
  GtkWidget *bar = concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL, NULL);

  return concordat_test_find_widget (bar, ADW_TYPE_VIEW_SWITCHER, NULL, NULL);
}

static void
window_narrow (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  AdwViewSwitcherBar *bar;
  int minimum;

  bar = ADW_VIEW_SWITCHER_BAR (concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL, NULL));

  /* A phone's width is enough. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  concordat_test_wait_until (surface_width (window) == 360);

  /* Narrow: the views are switched from the bottom bar. */
  concordat_test_wait_until (adw_view_switcher_bar_get_reveal (bar) &&
                             gtk_widget_get_mapped (bottom_switcher_of (window)) &&
                             !gtk_widget_get_mapped (header_switcher_of (window)));

  /* Wide: from the header bar, and the bottom bar goes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  concordat_test_wait_until (surface_width (window) == 1000);
  concordat_test_wait_until (!adw_view_switcher_bar_get_reveal (bar) &&
                             !gtk_widget_get_mapped (bottom_switcher_of (window)) &&
                             gtk_widget_get_mapped (header_switcher_of (window)));

  /* And back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  concordat_test_wait_until (surface_width (window) == 360);
  concordat_test_wait_until (adw_view_switcher_bar_get_reveal (bar) &&
                             gtk_widget_get_mapped (bottom_switcher_of (window)) &&
                             !gtk_widget_get_mapped (header_switcher_of (window)));
}

/* Opened at a phone's width, as the settings say. */
static void
test_window_narrow (UiFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);

  concordat_test_run (f, window_narrow);
}

static void
window_accessible_names (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *menu_button;
  GtkPopover *menu;

  /* Wide: the header's four view buttons, the menu button and the window
   * buttons. */
  concordat_test_wait_until (gtk_widget_get_mapped (header_switcher_of (window)));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 6);

  menu_button = concordat_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (menu_button),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));

  /* The menu's three items, once it is open. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  concordat_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (menu)));
  concordat_test_assert_every_control_named (GTK_WIDGET (menu), 3);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  /* Narrow: the bottom bar's four view buttons. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  concordat_test_wait_until (gtk_widget_get_mapped (bottom_switcher_of (window)) &&
                             !gtk_widget_get_mapped (header_switcher_of (window)));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 6);
}

/* As a window manager does when the user drags the window's edge: the size
 * comes from the window system, not from Concordat. */
static void
drag_to_size (ConcordatWindow *window,
              int              width,
              int              height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));

  XResizeWindow (xdisplay, gdk_x11_surface_get_xid (surface), width, height);
  XFlush (xdisplay);
}

static void
window_size_saved (UiFixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  ConcordatWindow *window = concordat_test_open_window (f);
  int width;
  int height;

  drag_to_size (window, 712, 534);
  concordat_test_wait_until (surface_width (window) == 712 &&
                             surface_height (window) == 534);

  /* Nothing is written until the window closes. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);

  gtk_window_close (GTK_WINDOW (window));
  concordat_test_wait_until (gtk_application_get_windows (GTK_APPLICATION (f->app)) == NULL);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 712);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 534);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  window = concordat_test_open_window (f);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 712);
  g_assert_cmpint (height, ==, 534);
  concordat_test_wait_until (surface_width (window) == 712 &&
                             surface_height (window) == 534);
}

static void
window_daily_backup (UiFixture *f)
{
  g_assert_cmpuint (concordat_test_count_backups (f), ==, 0);

  concordat_test_open_window (f);
  concordat_test_wait_until (concordat_test_count_backups (f) == 1);

  /* Once a day: opening another window takes no second backup. */
  concordat_test_close_windows ();
  concordat_test_open_window (f);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (concordat_test_count_backups (f), ==, 1);
}

static void
window_daily_backup_fails (UiFixture *f)
{
  g_autofree char *in_the_way = g_build_filename (f->data_dir, "backups", NULL);
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *details;
  AdwMessageDialog *dialog;

  /* A toast says so, and stays... */
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                                         concordat_test_label_is, "The daily backup failed") != NULL);
  details = concordat_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                        concordat_test_label_is, "_Details");
  g_assert_nonnull (details);

  /* ...and its Details button gives the whole message. */
  g_assert_true (gtk_widget_activate (details));
  concordat_test_wait_until (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The daily backup failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), in_the_way));
}

static void
test_window_daily_backup_fails (UiFixture     *f,
                                gconstpointer  data)
{
  g_autofree char *in_the_way = g_build_filename (f->data_dir, "backups", NULL);

  /* A file where the backup folder should be. */
  g_assert_true (g_file_set_contents (in_the_way, "not a folder", -1, NULL));

  concordat_test_run (f, window_daily_backup_fails);
}

static gboolean
text_contains (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The text of the label under @root that says @text, as the user reads it,
 * markup and all taken away. */
static const char *
shown_text (GtkWidget  *root,
            const char *text)
{
  GtkWidget *label = concordat_test_find_widget (root, GTK_TYPE_LABEL, text_contains, text);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
write_newer_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE future (x TEXT);"
                                 "INSERT INTO future VALUES ('kept');"
                                 "PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static void
assert_views_hidden (ConcordatWindow *window)
{
  GtkWidget *bar = concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL, NULL);

  /* The header's switcher may still be fading out. */
  concordat_test_wait_until (!gtk_widget_get_mapped (header_switcher_of (window)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view_stack_of (window))));
  g_assert_false (gtk_widget_get_visible (bar));

  /* Alt+3 and the like do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "record");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "protocol");
}

static void
window_store_too_new (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *notice;
  const char *description;

  notice = concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                       concordat_test_title_is, "A Newer Concordat Is Needed");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_mapped (notice));
  description = shown_text (notice, "newer version of Concordat");
  g_assert_nonnull (strstr (description, f->db_path));
  g_assert_nonnull (strstr (description, "newer version of Concordat"));
  g_assert_nonnull (strstr (description, "install the newer Concordat"));
  assert_views_hidden (window);

  /* Nothing offers to work with a store that is not there. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "preferences"));
}

static void
test_window_store_too_new (UiFixture     *f,
                           gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;

  write_newer_database (f->db_path);
  g_assert_true (g_file_get_contents (f->db_path, &before, &before_len, NULL));

  concordat_test_run (f, window_store_too_new);

  g_assert_true (g_file_get_contents (f->db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (concordat_test_count_backups (f), ==, 0);
}

#define GARBAGE_LENGTH 8192

static void
window_store_damaged (UiFixture *f)
{
  g_autofree char *garbage = g_strnfill (GARBAGE_LENGTH, 'x');
  ConcordatWindow *window = concordat_test_open_window (f);
  g_autoptr(GDir) dir = NULL;
  GtkWidget *notice;
  const char *description;
  const char *name;
  gboolean moved = FALSE;

  notice = concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                       concordat_test_title_is, "The Database Was Damaged");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_mapped (notice));
  description = shown_text (notice, "moved aside");
  assert_views_hidden (window);

  /* The damaged file is kept, unchanged, under the name the notice gives. */
  dir = g_dir_open (f->data_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->data_dir, name, NULL);
      g_autofree char *contents = NULL;

      if (!g_str_has_prefix (name, "concordat.db.corrupt-"))
        continue;

      g_assert_nonnull (strstr (description, path));
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, garbage);
      moved = TRUE;
    }
  g_assert_true (moved);
}

static void
test_window_store_damaged (UiFixture     *f,
                           gconstpointer  data)
{
  g_autofree char *garbage = g_strnfill (GARBAGE_LENGTH, 'x');

  g_assert_true (g_file_set_contents (f->db_path, garbage, -1, NULL));
  g_assert_cmpint (g_chmod (f->db_path, 0600), ==, 0);

  concordat_test_run (f, window_store_damaged);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test backend records what a screen reader would be told,
   * without the AT-SPI bus; test-views-atspi.py covers that bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

/* A body runs inside the application; a test runs around it. */
#define ADD_BODY(path, body) \
  g_test_add ("/window/" path, UiFixture, body, \
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down)
#define ADD_TEST(path, func) \
  g_test_add ("/window/" path, UiFixture, NULL, \
              concordat_test_fixture_set_up, func, concordat_test_fixture_tear_down)

  ADD_BODY ("maps", window_maps);
  ADD_BODY ("views", window_views);
  ADD_BODY ("views-wait", window_views_wait);
  ADD_BODY ("view-shortcuts", window_view_shortcuts);
  ADD_BODY ("app-shortcuts", window_app_shortcuts);
  ADD_BODY ("about", window_about);
  ADD_TEST ("narrow", test_window_narrow);
  ADD_BODY ("accessible-names", window_accessible_names);
  ADD_BODY ("size-saved", window_size_saved);
  ADD_BODY ("daily-backup", window_daily_backup);
  ADD_TEST ("daily-backup-fails", test_window_daily_backup_fails);
  ADD_TEST ("store-too-new", test_window_store_too_new);
  ADD_TEST ("store-damaged", test_window_store_damaged);

#undef ADD_BODY
#undef ADD_TEST

  return g_test_run ();
}
