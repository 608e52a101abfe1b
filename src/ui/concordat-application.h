/* concordat-application.h: the application, owner of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONCORDAT_TYPE_APPLICATION (concordat_application_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatApplication, concordat_application, CONCORDAT, APPLICATION, AdwApplication)

ConcordatApplication *concordat_application_new (void);

G_END_DECLS
