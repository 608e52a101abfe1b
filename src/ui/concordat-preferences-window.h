/* concordat-preferences-window.h: the Preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_PREFERENCES_WINDOW (concordat_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatPreferencesWindow, concordat_preferences_window, CONCORDAT, PREFERENCES_WINDOW, AdwPreferencesWindow)

ConcordatPreferencesWindow *concordat_preferences_window_new (GtkWindow      *parent,
                                                              ConcordatStore *store);

G_END_DECLS
