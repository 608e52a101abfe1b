/* concordat-council-page.h: the council's settings, party groups and
 * wards in Preferences, and the user's role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_COUNCIL_PAGE (concordat_council_page_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatCouncilPage, concordat_council_page, CONCORDAT, COUNCIL_PAGE, AdwPreferencesPage)

void concordat_council_page_set_store (ConcordatCouncilPage *self,
                                       ConcordatStore       *store,
                                       GSettings            *settings);

G_END_DECLS
