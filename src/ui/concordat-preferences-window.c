/* concordat-preferences-window.c: the Preferences window: where the
 * database lives, its backups, and backing up on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-preferences-window.h"

struct _ConcordatPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwActionRow         *location_row;
  AdwPreferencesGroup  *backups_group;
  AdwActionRow         *backup_folder_row;
  AdwActionRow         *latest_backup_row;
  AdwActionRow         *backups_kept_row;

  ConcordatStore       *store;
};

G_DEFINE_FINAL_TYPE (ConcordatPreferencesWindow, concordat_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
show_backup_error (ConcordatPreferencesWindow *self,
                   const GError               *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Backup Failed"), error->message);
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
      show_backup_error (self, error);
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
concordat_preferences_window_constructed (GObject *object)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (concordat_preferences_window_parent_class)->constructed (object);

  show_store (self);
}

static void
concordat_preferences_window_dispose (GObject *object)
{
  ConcordatPreferencesWindow *self = CONCORDAT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, latest_backup_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatPreferencesWindow, backups_kept_row);

  gtk_widget_class_install_action (widget_class, "prefs.back-up", NULL, back_up);
}

static void
concordat_preferences_window_init (ConcordatPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
