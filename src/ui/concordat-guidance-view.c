/* concordat-guidance-view.c: the Guidance view: the wizards to choose from, and the one being run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-guidance-view.h"

struct _ConcordatGuidanceView
{
  AdwBin          parent_instance;

  ConcordatStore *store;
};

G_DEFINE_FINAL_TYPE (ConcordatGuidanceView, concordat_guidance_view, ADW_TYPE_BIN)

static void
concordat_guidance_view_dispose (GObject *object)
{
  ConcordatGuidanceView *self = (ConcordatGuidanceView *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_GUIDANCE_VIEW);

  G_OBJECT_CLASS (concordat_guidance_view_parent_class)->dispose (object);
}

static void
concordat_guidance_view_class_init (ConcordatGuidanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_guidance_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-guidance-view.ui");
}

static void
concordat_guidance_view_init (ConcordatGuidanceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
concordat_guidance_view_set_store (ConcordatGuidanceView *self,
                                       ConcordatStore *store)
{
  g_return_if_fail (CONCORDAT_IS_GUIDANCE_VIEW (self));

  g_set_object (&self->store, store);
}
