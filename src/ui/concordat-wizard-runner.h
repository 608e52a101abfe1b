/* concordat-wizard-runner.h: one wizard run as pages, rendered from its definition.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"
#include "concordat-wizard.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_WIZARD_RUNNER (concordat_wizard_runner_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatWizardRunner, concordat_wizard_runner, CONCORDAT, WIZARD_RUNNER, AdwBin)

ConcordatWizardRunner *concordat_wizard_runner_new        (ConcordatStore        *store,
                                                           ConcordatWizard       *wizard,
                                                           JsonObject            *answers,
                                                           const char            *step);

ConcordatWizard       *concordat_wizard_runner_get_wizard (ConcordatWizardRunner *self);
JsonObject            *concordat_wizard_runner_get_answers (ConcordatWizardRunner *self);

G_END_DECLS
