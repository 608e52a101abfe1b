/* concordat-data.c: the data Concordat is built with (model protocol, topic
 * rules), read from the resources compiled into the binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-data.h"
#include "concordat-data-resources.h"

#define DATA_PREFIX RESOURCE_BASE "/data/"

/**
 * concordat_data_lookup:
 * @name: a file name under data/, e.g. %CONCORDAT_DATA_TOPICS
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
concordat_data_lookup (const char  *name,
                       GError     **error)
{
  static gsize registered;
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* The resource sits in a static library, where a constructor nothing
   * refers to would be dropped: register it by hand, once. */
  if (g_once_init_enter (&registered))
    {
      concordat_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  path = g_strconcat (DATA_PREFIX, name, NULL);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
