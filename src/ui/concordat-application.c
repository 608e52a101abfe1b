/* concordat-application.c: the application, owner of the store and the
 * settings that its windows borrow, and of the reminders of due duties.
 *
 * "concordat --background" starts it without a window, holding itself
 * alive to send reminders; a later "concordat" raises a window in that
 * same process.  With "remind-when-closed" on, it also stays when its last
 * window closes, and an autostart entry starts it so at login.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "concordat-application.h"
#include "concordat-autostart.h"
#include "concordat-clock.h"
#include "concordat-library.h"
#include "concordat-reminders.h"
#include "concordat-preferences-window.h"
#include "concordat-resources.h"
#include "concordat-window.h"

struct _ConcordatApplication
{
  AdwApplication  parent_instance;

  ConcordatStore *store;
  GError         *store_error;
  GSettings      *settings;

  guint           backup_source;
  gboolean        backup_scheduled;

  ConcordatNotifier        *notifier;
  ConcordatReminderService *reminders;
  gboolean                  reminders_disabled;
  gboolean                  background;     /* --background: kept alive to remind */
  gboolean                  window_deferred; /* no window until asked for one */
  gboolean                  held;           /* kept alive without windows */
};

G_DEFINE_FINAL_TYPE (ConcordatApplication, concordat_application, ADW_TYPE_APPLICATION)

/* The backup is written while Concordat is idle, so it never delays the
 * first window; a failure is shown rather than silently skipped. */
static gboolean
take_daily_backup (gpointer user_data)
{
  ConcordatApplication *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  GtkWindow *window;

  self->backup_source = 0;

  backup = concordat_store_backup_if_due (self->store, now, &error);
  if (backup != NULL)
    g_debug ("Daily backup written to %s", backup);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (error != NULL && CONCORDAT_IS_WINDOW (window))
    concordat_window_report_problem (CONCORDAT_WINDOW (window),
                                     _("The daily backup failed"), error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_daily_backup (ConcordatApplication *self)
{
  if (self->backup_scheduled || self->store == NULL)
    return;

  self->backup_scheduled = TRUE;
  self->backup_source = g_idle_add_full (G_PRIORITY_LOW, take_daily_backup, self, NULL);
}

/* A fresh library holds the model protocol, so there is something real to
 * read and cite from the first start. */
static void
ensure_model (ConcordatApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!concordat_library_ensure_model (self->store, &error))
    g_warning ("Cannot add the model protocol to the library: %s", error->message);
}

/* The main window, most recently used first; not Preferences or About. */
static GtkWindow *
ensure_window (ConcordatApplication *self);

static void
open_duty (ConcordatApplication *self,
           gint64                id)
{
  GtkWindow *window = ensure_window (self);

  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-duty", "x", id);
}

static void
open_duties (ConcordatApplication *self)
{
  GtkWindow *window = ensure_window (self);

  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "duties");
}

static void
apply_reminder_time (ConcordatApplication *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "reminder-time");
  guint minute;

  if (!concordat_clock_parse_time (text, &minute))
    {
      g_warning ("The reminder time “%s” is not a time of day as HH:MM; reminding from 09:00", text);
      minute = CONCORDAT_REMINDERS_DEFAULT_TIME;
    }
  concordat_reminder_service_set_time (self->reminders, minute);
}

/* A new time may bring a reminder due now. */
static void
reminder_time_changed (ConcordatApplication *self)
{
  apply_reminder_time (self);
  concordat_reminder_service_check (self->reminders);
}

/* The program itself, for the autostart entry to run. */
static char *
dup_executable (void)
{
  g_autofree char *link = g_file_read_link ("/proc/self/exe", NULL);

  return link != NULL ? g_steal_pointer (&link) : g_find_program_in_path ("concordat");
}

/* Held while reminders are wanted with no window open. */
static void
update_hold (ConcordatApplication *self)
{
  gboolean wanted = self->reminders != NULL &&
                    (self->background || g_settings_get_boolean (self->settings, "remind-when-closed"));

  if (wanted && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!wanted && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = wanted;
}

static void
remind_when_closed_changed (ConcordatApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "remind-when-closed");
  g_autofree char *executable = dup_executable ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  update_hold (self);
  if (executable != NULL && concordat_autostart_set (enabled, executable, &error))
    return;

  if (error == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "Cannot find the concordat program to start at login");
  g_warning ("%s", error->message);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CONCORDAT_IS_WINDOW (window))
    concordat_window_report_problem (CONCORDAT_WINDOW (window),
                                     _("Concordat cannot start at login"), error->message);
}

static void
start_reminders (ConcordatApplication *self)
{
  if (self->store == NULL || self->reminders_disabled)
    return;

  self->notifier = concordat_notifier_new ();
  self->reminders = concordat_reminder_service_new (self->store, self->notifier);
  g_signal_connect_object (self->reminders, "open-duty", G_CALLBACK (open_duty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "open-duties", G_CALLBACK (open_duties), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reminder-time", G_CALLBACK (reminder_time_changed),
                           self, G_CONNECT_SWAPPED);
  /* Starting looks once; there is no need to look before it. */
  apply_reminder_time (self);
  concordat_reminder_service_start (self->reminders);
  update_hold (self);
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ConcordatApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ConcordatPreferencesWindow *preferences;

  g_return_if_fail (self->store != NULL);

  preferences = concordat_preferences_window_new (parent, self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ConcordatApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Concordat"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Concordat developers"),
                        "copyright", _("© The Concordat developers"),
                        "comments", _("Work within your council’s member/officer protocol, and keep a record of what you did and what you owe."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/concordat/concordat",
                        "issue-url", "https://github.com/concordat/concordat/issues",
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

/* Closing each window, rather than quitting outright, lets every window
 * save its size; the application ends with its last window. */
static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  ConcordatApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "preferences", show_preferences },
  { "about", show_about },
  { "quit", quit },
};

static void
concordat_application_startup (GApplication *app)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (app);
  static const char * const preferences_accels[] = { "<Control>comma", NULL };
  static const char * const quit_accels[] = { "<Control>q", NULL };
  GAction *preferences;

  G_APPLICATION_CLASS (concordat_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);

  /* A store that cannot be opened is not fatal: the window explains why. */
  self->store = concordat_store_open_default (&self->store_error);
  if (self->store != NULL)
    ensure_model (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  /* The preferences so far are all about the store. */
  preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->store != NULL);

  start_reminders (self);
  g_signal_connect_object (self->settings, "changed::remind-when-closed", G_CALLBACK (remind_when_closed_changed),
                           self, G_CONNECT_SWAPPED);
}

static GtkWindow *
ensure_window (ConcordatApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CONCORDAT_IS_WINDOW (l->data))
        return l->data;
    }

  return GTK_WINDOW (concordat_window_new (self));
}

/* For `make bench`: with CONCORDAT_BENCH_FIRST_FRAME set, the process says
 * so on standard output once its window's first frame is painted, and ends
 * there, so that the benchmark can time start-up and read its peak memory. */
static void
first_frame_painted (GdkFrameClock *clock,
                     gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, data);
  g_print ("first-frame\n");
  fflush (stdout);
  _exit (0);
}

static void
watch_first_frame (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted), NULL);
}

static void
concordat_application_activate (GApplication *app)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (app);

  schedule_daily_backup (self);

  /* Started with --background: no window until asked for one, unless
   * there is nothing to remind of with. */
  if (self->window_deferred)
    {
      self->window_deferred = FALSE;
      if (self->held)
        return;
    }

  gtk_window_present (ensure_window (self));
  if (g_getenv ("CONCORDAT_BENCH_FIRST_FRAME") != NULL)
    watch_first_frame (ensure_window (self));
}

static int
concordat_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "background"))
    return -1;

  /* Before registering, which starts the application up. */
  self->background = TRUE;
  self->window_deferred = TRUE;
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("concordat: %s\n", error->message);
      return 1;
    }
  /* Already running, and so already reminding. */
  if (g_application_get_is_remote (app))
    return 0;

  return -1;
}

/* "concordat:model/8.3" or "concordat://model/8.3" gives "model/8.3";
 * a citation with spaces arrives escaped ("Media%20Relations%206"). */
static char *
paragraph_of_link (const char *uri)
{
  static const char scheme[] = CONCORDAT_APPLICATION_LINK_SCHEME ":";
  const char *rest;

  if (g_ascii_strncasecmp (uri, scheme, strlen (scheme)) != 0)
    return NULL;

  rest = uri + strlen (scheme);
  while (*rest == '/')
    rest++;

  return g_uri_unescape_string (rest, NULL);
}

/* Each concordat: link opens its paragraph in the reader. */
static void
concordat_application_open (GApplication  *app,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (app);
  GtkWindow *window = ensure_window (self);

  gtk_window_present (window);
  schedule_daily_backup (self);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      g_autofree char *paragraph = paragraph_of_link (uri);

      if (paragraph == NULL)
        paragraph = g_strdup (uri);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", paragraph);
    }
}

/* The store closes when the application ends, not whenever the last
 * reference to it happens to go. */
static void
concordat_application_shutdown (GApplication *app)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (app);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (concordat_application_parent_class)->shutdown (app);
}

static void
concordat_application_dispose (GObject *object)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (object);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (concordat_application_parent_class)->dispose (object);
}

static void
concordat_application_finalize (GObject *object)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (object);

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (concordat_application_parent_class)->finalize (object);
}

static void
concordat_application_class_init (ConcordatApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = concordat_application_dispose;
  object_class->finalize = concordat_application_finalize;
  app_class->startup = concordat_application_startup;
  app_class->activate = concordat_application_activate;
  app_class->handle_local_options = concordat_application_handle_local_options;
  app_class->open = concordat_application_open;
  app_class->shutdown = concordat_application_shutdown;

  /* Before any window class loads its template from it. */
  concordat_register_resource ();
}

static void
concordat_application_init (ConcordatApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "background", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Run without a window, to remind of duties as they fall due"), NULL);
}

/**
 * concordat_application_disable_reminders:
 *
 * Before it runs: no reminders from this application, for the window's
 * tests, which have no notification server to send them to.
 */
void
concordat_application_disable_reminders (ConcordatApplication *self)
{
  g_return_if_fail (CONCORDAT_IS_APPLICATION (self));

  self->reminders_disabled = TRUE;
}

ConcordatApplication *
concordat_application_new (void)
{
  return g_object_new (CONCORDAT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * concordat_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, or %NULL when it
 *   could not be opened (see concordat_application_get_store_error())
 */
ConcordatStore *
concordat_application_get_store (ConcordatApplication *self)
{
  g_return_val_if_fail (CONCORDAT_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * concordat_application_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the store could not be opened
 */
const GError *
concordat_application_get_store_error (ConcordatApplication *self)
{
  g_return_val_if_fail (CONCORDAT_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * concordat_application_get_settings:
 *
 * Returns: (transfer none): Concordat's settings, from startup on
 */
GSettings *
concordat_application_get_settings (ConcordatApplication *self)
{
  g_return_val_if_fail (CONCORDAT_IS_APPLICATION (self), NULL);

  return self->settings;
}
