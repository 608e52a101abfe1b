/* concordat-council-page.c: the council's settings, party groups and
 * wards in Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-council-page.h"

struct _ConcordatCouncilPage
{
  AdwPreferencesPage  parent_instance;

  ConcordatStore     *store;
};

G_DEFINE_FINAL_TYPE (ConcordatCouncilPage, concordat_council_page, ADW_TYPE_PREFERENCES_PAGE)

static void
concordat_council_page_dispose (GObject *object)
{
  ConcordatCouncilPage *self = (ConcordatCouncilPage *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_COUNCIL_PAGE);
  G_OBJECT_CLASS (concordat_council_page_parent_class)->dispose (object);
}

static void
concordat_council_page_class_init (ConcordatCouncilPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_council_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-council-page.ui");
}

static void
concordat_council_page_init (ConcordatCouncilPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ConcordatCouncilPage *
concordat_council_page_new (ConcordatStore *store)
{
  ConcordatCouncilPage *self = g_object_new (CONCORDAT_TYPE_COUNCIL_PAGE, NULL);

  self->store = g_object_ref (store);
  return self;
}
