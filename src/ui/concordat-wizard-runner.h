/* concordat-wizard-runner.h: one wizard run as pages, rendered from its definition.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_WIZARD_RUNNER (concordat_wizard_runner_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatWizardRunner, concordat_wizard_runner, CONCORDAT, WIZARD_RUNNER, AdwBin)

void concordat_wizard_runner_set_store (ConcordatWizardRunner *self,
                                       ConcordatStore *store);

G_END_DECLS
