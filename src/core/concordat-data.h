/* concordat-data.h: the data Concordat is built with (model protocol, topic
 * rules), read from the resources compiled into the binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONCORDAT_DATA_BANK_HOLIDAYS  "bank-holidays.json"
#define CONCORDAT_DATA_MODEL_PROTOCOL "model-protocol.md"
#define CONCORDAT_DATA_TOPICS         "topics.json"

GBytes *concordat_data_lookup (const char  *name,
                               GError     **error);

G_END_DECLS
