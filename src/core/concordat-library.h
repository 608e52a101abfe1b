/* concordat-library.h: the protocols in the store — importing them, listing
 * them, and reading their outline and paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-store.h"

G_BEGIN_DECLS

/* The bundled model protocol's id. */
#define CONCORDAT_LIBRARY_MODEL_SLUG "model"

typedef struct
{
  gint64    id;
  char     *slug;
  char     *title;
  char     *source_name;
  char     *sha256;
  char     *imported_at;   /* ISO 8601 */
  int       version;
  gboolean  bundled;
  guint     sections;
  guint     paragraphs;
  GPtrArray *warnings;     /* after an import only; else NULL */
} ConcordatDocument;

typedef struct
{
  gint64     id;
  gint64     parent_id;    /* 0 at the top */
  char      *citation;
  char      *heading;
  int        level;
  GPtrArray *paragraphs;   /* char *: the citations of its own paragraphs */
} ConcordatSection;

typedef struct
{
  gint64     id;
  char      *doc;          /* the document's slug */
  char      *citation;
  char      *section;      /* the heading of its section, or "" */
  char      *text;
  int        position;
  GPtrArray *topics;       /* char *: topic ids, strongest first */
} ConcordatParagraph;

void concordat_document_free  (ConcordatDocument  *doc);
void concordat_section_free   (ConcordatSection   *section);
void concordat_paragraph_free (ConcordatParagraph *paragraph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatDocument, concordat_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatSection, concordat_section_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatParagraph, concordat_paragraph_free)

ConcordatDocument *concordat_library_import_file  (ConcordatStore  *store,
                                                   const char      *path,
                                                   const char      *title,
                                                   GError         **error);
ConcordatDocument *concordat_library_import_bytes (ConcordatStore  *store,
                                                   GBytes          *bytes,
                                                   const char      *source_name,
                                                   const char      *title,
                                                   gboolean         bundled,
                                                   GError         **error);
gboolean           concordat_library_ensure_model (ConcordatStore  *store,
                                                   GError         **error);

GPtrArray         *concordat_library_list         (ConcordatStore  *store,
                                                   GError         **error);
ConcordatDocument *concordat_library_find         (ConcordatStore  *store,
                                                   const char      *slug,
                                                   GError         **error);
GPtrArray         *concordat_library_outline      (ConcordatStore  *store,
                                                   const char      *slug,
                                                   GError         **error);
GPtrArray         *concordat_library_paragraphs   (ConcordatStore  *store,
                                                   const char      *slug,
                                                   GError         **error);
ConcordatParagraph *concordat_library_show        (ConcordatStore  *store,
                                                   const char      *slug,
                                                   const char      *citation,
                                                   GError         **error);
GPtrArray         *concordat_library_topic        (ConcordatStore  *store,
                                                   const char      *slug,
                                                   const char      *topic,
                                                   GError         **error);
GPtrArray         *concordat_library_cite         (ConcordatStore  *store,
                                                   const char      *slug,
                                                   const char      *topic,
                                                   guint            limit,
                                                   GError         **error);

G_END_DECLS
