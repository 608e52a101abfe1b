/* concordat-window.h: the main window and its four views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-application.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_WINDOW (concordat_window_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatWindow, concordat_window, CONCORDAT, WINDOW, AdwApplicationWindow)

ConcordatWindow *concordat_window_new            (ConcordatApplication *app);

void             concordat_window_report_problem (ConcordatWindow *self,
                                                  const char      *summary,
                                                  const char      *details);

G_END_DECLS
