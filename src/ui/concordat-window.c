/* concordat-window.c: the main window and its four views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-window.h"

struct _ConcordatWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (ConcordatWindow, concordat_window, ADW_TYPE_APPLICATION_WINDOW)

static void
concordat_window_class_init (ConcordatWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-window.ui");
}

static void
concordat_window_init (ConcordatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ConcordatWindow *
concordat_window_new (ConcordatApplication *app)
{
  return g_object_new (CONCORDAT_TYPE_WINDOW, "application", app, NULL);
}
