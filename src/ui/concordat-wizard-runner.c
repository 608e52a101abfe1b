/* concordat-wizard-runner.c: one wizard run as pages, rendered from its definition.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-wizard-runner.h"

struct _ConcordatWizardRunner
{
  AdwBin          parent_instance;

  ConcordatStore *store;
};

G_DEFINE_FINAL_TYPE (ConcordatWizardRunner, concordat_wizard_runner, ADW_TYPE_BIN)

static void
concordat_wizard_runner_dispose (GObject *object)
{
  ConcordatWizardRunner *self = (ConcordatWizardRunner *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_WIZARD_RUNNER);

  G_OBJECT_CLASS (concordat_wizard_runner_parent_class)->dispose (object);
}

static void
concordat_wizard_runner_class_init (ConcordatWizardRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_wizard_runner_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-wizard-runner.ui");
}

static void
concordat_wizard_runner_init (ConcordatWizardRunner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
concordat_wizard_runner_set_store (ConcordatWizardRunner *self,
                                       ConcordatStore *store)
{
  g_return_if_fail (CONCORDAT_IS_WIZARD_RUNNER (self));

  g_set_object (&self->store, store);
}
