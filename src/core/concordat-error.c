/* concordat-error.c: the error domain every Concordat operation reports in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "concordat-error.h"

G_DEFINE_QUARK (concordat-error-quark, concordat_error)
