/* concordat-application.h: the application, owner of the store and the
 * settings that its windows borrow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

/* Links to a paragraph: "concordat:DOC/CITATION". */
#define CONCORDAT_APPLICATION_LINK_SCHEME "concordat"

#define CONCORDAT_TYPE_APPLICATION (concordat_application_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatApplication, concordat_application, CONCORDAT, APPLICATION, AdwApplication)

ConcordatApplication *concordat_application_new             (void);

ConcordatStore       *concordat_application_get_store       (ConcordatApplication *self);
const GError         *concordat_application_get_store_error (ConcordatApplication *self);
GSettings            *concordat_application_get_settings    (ConcordatApplication *self);
void                  concordat_application_disable_reminders (ConcordatApplication *self);

G_END_DECLS
