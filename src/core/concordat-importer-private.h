/* concordat-importer-private.h: what the importer's reading of lines and
 * its building of sections share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-importer.h"

G_BEGIN_DECLS

/* Past this many, one more warning says there are more. */
#define CONCORDAT_IMPORTER_MAX_WARNINGS 50

typedef struct
{
  GRegex *number;
  GRegex *subitem;
  GRegex *bullet;
  GRegex *page_number;
} Patterns;

typedef struct
{
  char     *text;      /* cleaned, trimmed; "" for a blank line */
  guint     number;    /* in the source, from 1 */
  gboolean  strong;    /* marked up as a heading: "#", or bold on its own */
  int       md_level;  /* the number of "#", or 0 */
} Line;

const Patterns *concordat_importer_patterns (void);
void            concordat_importer_warn     (ConcordatParsedDocument  *doc,
                                             const char               *format,
                                             ...) G_GNUC_PRINTF (2, 3);
gboolean        concordat_importer_build    (ConcordatParsedDocument  *doc,
                                             GArray                   *lines,
                                             const char               *source_name,
                                             GError                  **error);

G_END_DECLS
