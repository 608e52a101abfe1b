/* concordat-application.c: the application, owner of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-application.h"
#include "concordat-window.h"

struct _ConcordatApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ConcordatApplication, concordat_application, ADW_TYPE_APPLICATION)

static void
concordat_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (concordat_window_new (CONCORDAT_APPLICATION (app)));

  gtk_window_present (window);
}

static void
concordat_application_class_init (ConcordatApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = concordat_application_activate;
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
                       NULL);
}
