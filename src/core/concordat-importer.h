/* concordat-importer.h: turns a protocol's text, as it comes out of a PDF or
 * a Markdown file, into titled sections and cited paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger files are not protocols: they are refused before being read. */
#define CONCORDAT_IMPORTER_MAX_BYTES (20 * 1024 * 1024)

typedef struct
{
  char *citation;  /* "8", "9.3.1", or "" for an unnumbered heading */
  char *heading;
  int   level;     /* 1 for the outermost */
  int   parent;    /* index into the sections, or -1 */
} ConcordatParsedSection;

typedef struct
{
  int    section;  /* index into the sections, or -1 before the first */
  char  *citation; /* unique within the document */
  char  *text;     /* sub-items on lines of their own */
  guint  line;     /* where it starts in the source, from 1 */
} ConcordatParsedParagraph;

typedef struct
{
  char      *title;
  GPtrArray *sections;    /* ConcordatParsedSection */
  GPtrArray *paragraphs;  /* ConcordatParsedParagraph */
  GPtrArray *warnings;    /* char *, each a sentence for the user */
} ConcordatParsedDocument;

ConcordatParsedDocument *concordat_importer_parse          (GBytes                  *bytes,
                                                            const char              *source_name,
                                                            GError                 **error);
void                     concordat_parsed_document_free    (ConcordatParsedDocument *doc);
const ConcordatParsedParagraph *
                         concordat_parsed_document_find    (ConcordatParsedDocument *doc,
                                                            const char              *citation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatParsedDocument, concordat_parsed_document_free)

G_END_DECLS
