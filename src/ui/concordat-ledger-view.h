/* concordat-ledger-view.h: the briefing ledger: topics by party groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_LEDGER_VIEW (concordat_ledger_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatLedgerView, concordat_ledger_view, CONCORDAT, LEDGER_VIEW, AdwBin)

void        concordat_ledger_view_set_store (ConcordatLedgerView *self,
                                             ConcordatStore      *store);

const char *concordat_ledger_state_to_words (const char          *state);

G_END_DECLS
