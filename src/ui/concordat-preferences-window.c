/* concordat-preferences-window.c: the Preferences window: the Council
 * page (concordat-council-page.c), then the data: where the database
 * lives, its backups, backing up on demand, restoring a backup and
 * removing old actions, each of the last two after a confirmation that
 * says exactly what will go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-application.h"
#include "concordat-clock.h"
#include "concordat-council-page.h"
#include "concordat-preferences-window.h"
#include "concordat-record.h"
#include "concordat-record-model.h"

struct _ConcordatPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ConcordatCouncilPage *council_page;
  AdwActionRow         *location_row;
  AdwPreferencesGroup  *backups_group;
  AdwActionRow         *backup_folder_row;
  AdwActionRow         *latest_backup_row;
  AdwActionRow         *backups_kept_row;
  AdwExpanderRow       *restore_row;
  GPtrArray            *restore_rows;   /* GtkWidget *: one per backup, in restore_row */
  GtkSpinButton        *years_spin;

  ConcordatStore       *store;
};

G_DEFINE_FINAL_TYPE (ConcordatPreferencesWindow, concordat_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* When @path was written, in words, or %NULL when it cannot be read. */
static char *
taken_in_words (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || (modified = g_file_info_get_modification_date_time (info)) == NULL)
    return NULL;

  local = g_date_time_to_local (modified);
  return g_date_time_format (local, _("Taken %A %-d %B %Y at %H:%M"));
}

static GtkWidget *
restore_row_new (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *taken = taken_in_words (path);
  g_autofree char *name = g_strdup_printf (_("Restore %s"), basename);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  if (taken != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), taken);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
show_restore_rows (ConcordatPreferencesWindow *self,
                   GPtrArray                  *backups)
{
  for (guint i = 0; i < self->restore_rows->len; i++)
    adw_expander_row_remove (self->restore_row, g_ptr_array_index (self->restore_rows, i));
  g_ptr_array_set_size (self->restore_rows, 0);

  for (guint i = 0; i < backups->len; i++)
    {
      GtkWidget *row = restore_row_new (g_ptr_array_index (backups, i));

      adw_expander_row_add_row (self->restore_row, row);
      g_ptr_array_add (self->restore_rows, row);
    }

  adw_expander_row_set_subtitle (self->restore_row,
                                 backups->len > 0 ? _("Replace the database with an earlier copy")
                                                  : _("No backups yet; choose another file to restore"));
}

/* @written is the backup just taken, which is the latest even when the
 * list, ordered by name, cannot tell two taken in one second apart. */
static void
show_backups (ConcordatPreferencesWindow *self,
              const char                 *written)
{
  g_autoptr(GPtrArray) backups = concordat_store_list_backups (self->store);
  g_autofree char *latest = NULL;
  g_autofree char *kept = NULL;

  if (written != NULL)
    latest = g_path_get_basename (written);
  else if (backups->len > 0)
    latest = g_path_get_basename (g_ptr_array_index (backups, 0));
  else
    latest = g_strdup (_("None yet"));

  kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u backup", "%u backups", backups->len),
                          backups->len);

  adw_action_row_set_subtitle (self->latest_backup_row, latest);
  adw_action_row_set_subtitle (self->backups_kept_row, kept);
  show_restore_rows (self, backups);
}

static void
show_store (ConcordatPreferencesWindow *self)
{
  g_autofree char *backup_dir = concordat_store_dup_backup_dir (self->store);
  g_autofree char *policy = NULL;

  policy = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Concordat backs up the database once a day and keeps the newest backup.",
                                         "Concordat backs up the database once a day and keeps the %u newest backups.",
                                         CONCORDAT_STORE_BACKUPS_KEPT),
                            CONCORDAT_STORE_BACKUPS_KEPT);

  adw_action_row_set_subtitle (self->location_row, concordat_store_get_path (self->store));
  adw_action_row_set_subtitle (self->backup_folder_row, backup_dir);
  adw_preferences_group_set_description (self->backups_group, policy);
  show_backups (self, NULL);
}

static void
show_message (ConcordatPreferencesWindow *self,
              const char                 *heading,
              const char                 *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_up (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  backup = concordat_store_backup (self->store, now, &error);
  if (backup == NULL)
    {
      show_message (self, _("The Backup Failed"), error->message);
      return;
    }

  /* A toast's title is markup. */
  basename = g_path_get_basename (backup);
  name = g_markup_escape_text (basename, -1);
  title = g_strdup_printf (_("Backed up to %s"), name);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));

  show_backups (self, backup);
}

static void
toast (ConcordatPreferencesWindow *self,
       const char                 *format,
       const char                 *first,
       const char                 *second)
{
  g_autofree char *a = g_markup_escape_text (first, -1);
  g_autofree char *b = second != NULL ? g_markup_escape_text (second, -1) : NULL;
  g_autofree char *title = g_strdup_printf (format, a, b);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

/* Asks before something that cannot be taken back: Cancel, the default
 * and what Escape does, or @label, marked destructive.  @confirmed hears
 * the response; the dialog is returned to carry what it needs. */
static GtkWidget *
ask (ConcordatPreferencesWindow *self,
     const char                 *heading,
     const char                 *body,
     const char                 *response,
     const char                 *label,
     GCallback                   confirmed)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", confirmed, self, 0);
  return dialog;
}

/* --- restoring a backup --- */

static void
restore_confirmed (AdwMessageDialog           *dialog,
                   const char                 *response,
                   ConcordatPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (!concordat_store_restore (self->store, path, &kept, &error))
    {
      show_message (self, _("The Backup Was Not Restored"), error->message);
      return;
    }

  kept_name = g_path_get_basename (kept);
  toast (self, _("Restored %s; the database as it was is kept as %s"), basename, kept_name);
  show_backups (self, NULL);
}

static void
confirm_restore (ConcordatPreferencesWindow *self,
                 const char                 *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *taken = taken_in_words (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Everything in Concordat — the record of actions, duties, the briefing ledger, "
                            "the council’s settings and the protocols — will be as it was in %s%s%s. "
                            "The database as it is now is backed up first, so this can be undone by "
                            "restoring that backup."),
                          basename, taken != NULL ? ", " : "", taken != NULL ? taken : "");
  dialog = ask (self, _("Restore This Backup?"), body, "restore", _("_Restore"), G_CALLBACK (restore_confirmed));
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  confirm_restore (CONCORDAT_PREFERENCES_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
backup_chosen (GtkNativeDialog            *chooser,
               int                         response,
               ConcordatPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    confirm_restore (self, path);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_backup (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (widget);
  g_autofree char *backup_dir = concordat_store_dup_backup_dir (self->store);
  g_autoptr(GFile) folder = g_file_new_for_path (backup_dir);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- removing old actions --- */

/* The first day kept when actions older than @years are removed. */
static void
first_day_kept (guint  years,
                GDate *day)
{
  g_autoptr(GDate) today = concordat_clock_today ();

  *day = *today;
  g_date_subtract_years (day, years);
}

static void
remove_old_confirmed (AdwMessageDialog           *dialog,
                      const char                 *response,
                      ConcordatPreferencesWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *removed_text = NULL;
  gint64 removed = -1;
  GDate before;

  if (!g_str_equal (response, "remove"))
    return;

  first_day_kept (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "years")), &before);

  /* A copy first: what is removed here is gone from the record. */
  backup = concordat_store_backup (self->store, now, &error);
  if (backup != NULL)
    removed = concordat_record_remove_before (self->store, &before, &error);
  if (backup == NULL || removed < 0)
    {
      show_message (self, _("Nothing Was Removed"), error->message);
      return;
    }

  basename = g_path_get_basename (backup);
  removed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", removed),
                                  (guint) removed);
  toast (self, _("Removed %s; the record as it was is backed up as %s"), removed_text, basename);
  show_backups (self, backup);
}

static void
remove_old (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (widget);
  guint years = gtk_spin_button_get_value_as_int (self->years_spin);
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 count;
  GDate before;

  first_day_kept (years, &before);
  day = concordat_format_date (&before, _("%-d %B %Y"));
  count = concordat_record_count_before (self->store, &before, &error);
  if (count < 0)
    {
      show_message (self, _("The Record Could Not Be Read"), error->message);
      return;
    }
  if (count == 0)
    {
      body = g_strdup_printf (_("No action in the record is from before %s."), day);
      show_message (self, _("No Old Actions"), body);
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Remove %u Action?", "Remove %u Actions?", count),
                             (guint) count);
  body = g_strdup_printf (_("Every action recorded before %s will be removed, with its answers, "
                            "citations and duties. A backup is taken first."), day);
  dialog = ask (self, heading, body, "remove", _("_Remove"), G_CALLBACK (remove_old_confirmed));
  g_object_set_data (G_OBJECT (dialog), "years", GUINT_TO_POINTER (years));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
concordat_preferences_window_constructed (GObject *object)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (object);
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (concordat_preferences_window_parent_class)->constructed (object);

  concordat_council_page_set_store (self->council_page, self->store,
                                    CONCORDAT_IS_APPLICATION (app)
                                    ? concordat_application_get_settings (CONCORDAT_APPLICATION (app))
                                    : NULL);
  show_store (self);
}

static void
concordat_preferences_window_dispose (GObject *object)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->restore_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concordat_preferences_window_parent_class)->dispose (object);
}

static void
concordat_preferences_window_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concordat_preferences_window_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concordat_preferences_window_class_init (ConcordatPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = concordat_preferences_window_constructed;
  object_class->dispose = concordat_preferences_window_dispose;
  object_class->get_property = concordat_preferences_window_get_property;
  object_class->set_property = concordat_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CONCORDAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONCORDAT_TYPE_COUNCIL_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, council_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, latest_backup_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, backups_kept_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, restore_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, years_spin);

  gtk_widget_class_install_action (widget_class, "prefs.back-up", NULL, back_up);
  gtk_widget_class_install_action (widget_class, "prefs.restore", "s", restore);
  gtk_widget_class_install_action (widget_class, "prefs.choose-backup", NULL, choose_backup);
  gtk_widget_class_install_action (widget_class, "prefs.remove-old", NULL, remove_old);
}

static void
concordat_preferences_window_init (ConcordatPreferencesWindow *self)
{
  self->restore_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->years_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Years of actions to keep"),
                                  -1);
}

/**
 * concordat_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @store: the open store
 *
 * Returns: (transfer none): a new Preferences window
 */
ConcordatPreferencesWindow *
concordat_preferences_window_new (GtkWindow      *parent,
                                  ConcordatStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  return g_object_new (CONCORDAT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
