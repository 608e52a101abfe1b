/* concordat-test-ui.c: what the window tests share: a private data folder,
 * an application to drive, waiting on the main loop, finding widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-calendar.h"
#include "concordat-record.h"
#include "concordat-test-ui.h"
#include "concordat-wizard.h"

gboolean
concordat_test_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Settings live in the memory backend for the whole test program, so each
 * test starts from the schema's defaults. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

void
concordat_test_fixture_set_up (UiFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A name that is not valid markup, as a user's folder may be. */
  f->data_dir = g_dir_make_tmp ("concordat & <window>-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->data_dir, "concordat.db", NULL);
  g_setenv ("CONCORDAT_DATA_DIR", f->data_dir, TRUE);

  reset_settings ();
}

void
concordat_test_fixture_tear_down (UiFixture     *f,
                                  gconstpointer  data)
{
  concordat_test_close_windows ();

  if (f->app != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->app));

  g_unsetenv ("CONCORDAT_DATA_DIR");
  concordat_test_remove_tree (f->data_dir);
  g_clear_pointer (&f->data_dir, g_free);
  g_clear_pointer (&f->db_path, g_free);
}

static void
run_body (GApplication *app,
          UiFixture    *f)
{
  ConcordatTestBody body = g_steal_pointer (&f->body);

  /* Only the first activation: a body may open windows again. */
  if (body == NULL)
    return;

  body (f);

  concordat_test_close_windows ();
  g_application_quit (app);
}

/* Runs the application as launching Concordat does, with @body in place of
 * the user once the first window is presented; returns after shutdown, when
 * the store is closed. */
void
concordat_test_run (UiFixture         *f,
                    ConcordatTestBody  body)
{
  g_assert_null (f->app);

  f->app = concordat_application_new ();
  /* The tests of reminders run the program itself, with a notification server. */
  concordat_application_disable_reminders (f->app);
  f->body = body;
  g_application_set_flags (G_APPLICATION (f->app),
                           g_application_get_flags (G_APPLICATION (f->app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (f->app, "activate", G_CALLBACK (run_body), f);

  g_assert_cmpint (g_application_run (G_APPLICATION (f->app), 0, NULL), ==, 0);
  g_assert_null (f->body);
}

/* For g_test_add(): @body is the test's ConcordatTestBody. */
void
concordat_test_run_data (UiFixture     *f,
                         gconstpointer  body)
{
  concordat_test_run (f, (ConcordatTestBody) body);
}

/* The application's window once it is on screen, activating the
 * application again, as launching Concordat a second time does, if every
 * window was closed. */
ConcordatWindow *
concordat_test_open_window (UiFixture *f)
{
  GtkWidget *window;

  if (gtk_application_get_windows (GTK_APPLICATION (f->app)) == NULL)
    g_application_activate (G_APPLICATION (f->app));

  window = GTK_WIDGET (gtk_application_get_windows (GTK_APPLICATION (f->app))->data);
  g_assert_true (CONCORDAT_IS_WINDOW (window));
  concordat_test_wait_until (gtk_widget_get_mapped (window) &&
                             gtk_widget_get_width (window) > 0 &&
                             gtk_widget_get_height (window) > 0);

  return CONCORDAT_WINDOW (window);
}

void
concordat_test_close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first open top-level window of @type, such as a dialog. */
GtkWindow *
concordat_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Depth first, @root included; @match may be NULL to take the first
 * widget of @type. */
GtkWidget *
concordat_test_find_widget (GtkWidget          *root,
                            GType               type,
                            ConcordatTestMatch  match,
                            const char         *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, text)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = concordat_test_find_widget (child, type, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
concordat_test_label_is (GtkWidget  *widget,
                         const char *text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;

  return FALSE;
}

/* For anything with a "title": status pages, rows, pages. */
gboolean
concordat_test_title_is (GtkWidget  *widget,
                         const char *text)
{
  g_autofree char *title = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "title") == NULL)
    return FALSE;

  g_object_get (widget, "title", &title, NULL);
  return g_strcmp0 (title, text) == 0;
}

/* For controls named for a screen reader only, such as icon buttons. */
gboolean
concordat_test_accessible_label_is (GtkWidget  *widget,
                                    const char *text)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  return differs == NULL;
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

/* Runs what pressing @accelerator runs, from @widget's own shortcuts:
 * GTK 4.8 has no public way to synthesise a key press. */
void
concordat_test_press (GtkWidget  *widget,
                      const char *accelerator)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut (widget, accelerator);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

/* Whether the keyboard focus is @widget or inside it. */
gboolean
concordat_test_has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Opens Preferences as Ctrl+, does, on the page named @page. */
AdwPreferencesWindow *
concordat_test_open_preferences (UiFixture  *f,
                                 const char *page)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  preferences = concordat_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  concordat_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (preferences)));

  return ADW_PREFERENCES_WINDOW (preferences);
}

guint
concordat_test_count_backups (UiFixture *f)
{
  g_autofree char *backup_dir = g_build_filename (f->data_dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "concordat-") && g_str_has_suffix (name, ".db"))
        count++;
    }

  return count;
}

/* What a screen reader would announce: an accessible label or
 * labelled-by relation, which GTK sets for a button from its label. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *empty = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      return empty != NULL;
    }

  return gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Controls, by their role, as opposed to the containers that keyboard focus
 * passes through on its way to them. */
static gboolean
is_interactive (GtkWidget *widget)
{
  static const GtkAccessibleRole control_roles[] = {
    GTK_ACCESSIBLE_ROLE_BUTTON,
    GTK_ACCESSIBLE_ROLE_CHECKBOX,
    GTK_ACCESSIBLE_ROLE_COMBO_BOX,
    GTK_ACCESSIBLE_ROLE_LINK,
    GTK_ACCESSIBLE_ROLE_MENU_ITEM,
    GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX,
    GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO,
    GTK_ACCESSIBLE_ROLE_RADIO,
    GTK_ACCESSIBLE_ROLE_SEARCH_BOX,
    GTK_ACCESSIBLE_ROLE_SLIDER,
    GTK_ACCESSIBLE_ROLE_SPIN_BUTTON,
    GTK_ACCESSIBLE_ROLE_SWITCH,
    GTK_ACCESSIBLE_ROLE_TAB,
    GTK_ACCESSIBLE_ROLE_TEXT_BOX,
  };
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));

  /* The text inside an entry speaks for the entry, which is checked. */
  if (GTK_IS_TEXT (widget) && GTK_IS_EDITABLE (gtk_widget_get_parent (widget)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (control_roles); i++)
    {
      if (role == control_roles[i])
        return TRUE;
    }

  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_checked)
{
  /* What is on screen now; the tests call this in each layout. */
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_interactive (widget) && !GTK_IS_WINDOW (widget))
    {
      (*n_checked)++;
      if (!has_accessible_name (widget))
        g_string_append_printf (unnamed, " %s (in %s)",
                                G_OBJECT_TYPE_NAME (widget),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_checked);
}

/* Fails naming every control on screen under @root that a screen reader
 * would have no name for; and if fewer than @at_least were checked, as the
 * walk itself would then be broken. */
void
concordat_test_assert_every_control_named (GtkWidget *root,
                            guint      at_least)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_checked = 0;

  collect_unnamed (root, unnamed, &n_checked);

  if (unnamed->len > 0)
    g_error ("Controls without an accessible name:%s", unnamed->str);
  g_assert_cmpuint (n_checked, >=, at_least);
}

/* The button labelled @name, or named so for assistive technology; the
 * test fails when there is none. */
GtkWidget *
concordat_test_find_button (GtkWidget  *root,
                            const char *name)
{
  GtkWidget *button = concordat_test_find_widget (root, GTK_TYPE_BUTTON, concordat_test_label_is, name);

  if (button == NULL)
    button = concordat_test_find_widget (root, GTK_TYPE_BUTTON, concordat_test_accessible_label_is, name);
  if (button == NULL)
    g_error ("No button “%s”", name);
  return button;
}

static void
count_click (GtkButton *button,
             guint     *clicks)
{
  (*clicks)++;
}

/* As Enter or Space does: the button clicks a moment later. */
void
concordat_test_click (GtkWidget *widget)
{
  /* A click may take the button off screen for good. */
  g_autoptr(GtkWidget) button = g_object_ref (widget);
  guint clicks = 0;
  gulong handler;

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  handler = g_signal_connect (button, "clicked", G_CALLBACK (count_click), &clicks);
  g_assert_true (gtk_widget_activate (button));
  concordat_test_wait_until (clicks == 1);
  g_signal_handler_disconnect (button, handler);
}

/* Labour asks for a briefing on the local plan on @day (YYYY-MM-DD): the
 * bundled briefing wizard finished through the engine.  The groups must
 * be there already. */
gint64
concordat_test_record_briefing (UiFixture  *f,
                                const char *day)
{
  static const char answers_json[] =
    "{\"requesting_group\": \"Labour\", \"requester_role\": \"group-leader\","
    " \"topic\": \"Local plan\", \"council_business\": true,"
    " \"officer\": \"Director of Place\", \"officer_is_senior\": true,"
    " \"meeting_date\": \"2027-01-07\", \"non_members_present\": false,"
    " \"budget_proposals\": false}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  GDate date;

  wizard = concordat_wizard_find_bundled ("briefing", &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, answers_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (concordat_calendar_parse_date (day, &date));
  id = concordat_record_finish (concordat_application_get_store (f->app), wizard,
                                json_node_get_object (json_parser_get_root (parser)), &date, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
