/* concordat-application.c: the application, owner of the store and the
 * settings that its windows borrow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concordat-application.h"
#include "concordat-library.h"
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
}

/* The main window, most recently used first; not Preferences or About. */
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

static void
concordat_application_activate (GApplication *app)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (app);

  gtk_window_present (ensure_window (self));
  schedule_daily_backup (self);
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
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (concordat_application_parent_class)->shutdown (app);
}

static void
concordat_application_dispose (GObject *object)
{
  ConcordatApplication *self = CONCORDAT_APPLICATION (object);

  g_clear_handle_id (&self->backup_source, g_source_remove);
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
  app_class->open = concordat_application_open;
  app_class->shutdown = concordat_application_shutdown;

  /* Before any window class loads its template from it. */
  concordat_register_resource ();
}

static void
concordat_application_init (ConcordatApplication *self)
{
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
