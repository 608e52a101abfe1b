/* concordat-guidance-view.h: the Guidance view: the wizards to choose from, and the one being run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_GUIDANCE_VIEW (concordat_guidance_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatGuidanceView, concordat_guidance_view, CONCORDAT, GUIDANCE_VIEW, AdwBin)

void     concordat_guidance_view_set_store   (ConcordatGuidanceView *self,
                                              ConcordatStore        *store);
gboolean concordat_guidance_view_open_wizard (ConcordatGuidanceView *self,
                                              const char            *id);

G_END_DECLS
