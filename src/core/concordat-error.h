/* concordat-error.h: the error domain every Concordat operation reports in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONCORDAT_ERROR (concordat_error_quark ())

typedef enum
{
  CONCORDAT_ERROR_FAILED,
  CONCORDAT_ERROR_IO,
  CONCORDAT_ERROR_CORRUPT,
  CONCORDAT_ERROR_TOO_NEW,
  CONCORDAT_ERROR_NOT_A_DATABASE,
  CONCORDAT_ERROR_INVALID,
  CONCORDAT_ERROR_NOT_FOUND,
  CONCORDAT_ERROR_NO_SERVER,
  CONCORDAT_ERROR_EXISTS,
} ConcordatError;

GQuark concordat_error_quark (void);

G_END_DECLS
