/* concordat-duties-view.c: the Duties view: pending, overdue and done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-duties-view.h"

struct _ConcordatDutiesView
{
  AdwBin          parent_instance;

  ConcordatStore *store;
};

G_DEFINE_FINAL_TYPE (ConcordatDutiesView, concordat_duties_view, ADW_TYPE_BIN)

static void
concordat_duties_view_dispose (GObject *object)
{
  ConcordatDutiesView *self = (ConcordatDutiesView *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_DUTIES_VIEW);

  G_OBJECT_CLASS (concordat_duties_view_parent_class)->dispose (object);
}

static void
concordat_duties_view_class_init (ConcordatDutiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_duties_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-duties-view.ui");
}

static void
concordat_duties_view_init (ConcordatDutiesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
concordat_duties_view_set_store (ConcordatDutiesView *self,
                                     ConcordatStore *store)
{
  g_return_if_fail (CONCORDAT_IS_DUTIES_VIEW (self));

  g_set_object (&self->store, store);
}

guint
concordat_duties_view_get_due_count (ConcordatDutiesView *self)
{
  g_return_val_if_fail (CONCORDAT_IS_DUTIES_VIEW (self), 0);
  return 0;
}

void
concordat_duties_view_show_duty (ConcordatDutiesView *self,
                                 gint64               id)
{
  g_return_if_fail (CONCORDAT_IS_DUTIES_VIEW (self));
}
