/* concordat-search.h: full-text search of the protocol library, from what a
 * person types to ranked paragraphs with marked snippets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "concordat-store.h"

G_BEGIN_DECLS

/* Around each matched word in a snippet; concordat_search_format_snippet()
 * turns them into whatever the front end shows. */
#define CONCORDAT_SEARCH_MARK_START "\x02"
#define CONCORDAT_SEARCH_MARK_END   "\x03"

/* Words past this many are ignored, so a pasted page stays a quick search. */
#define CONCORDAT_SEARCH_MAX_TERMS 32

typedef struct
{
  gint64  paragraph_id;
  char   *doc;         /* the document's slug */
  char   *doc_title;
  char   *citation;    /* the paragraph's, e.g. "8.3" */
  char   *section;     /* the heading of its section, or "" */
  char   *snippet;     /* words around the match, marked as above */
  double  rank;        /* bm25: the more negative, the better the match */
} ConcordatSearchResult;

#define CONCORDAT_TYPE_SEARCH_RESULT (concordat_search_result_get_type ())

GType                  concordat_search_result_get_type (void) G_GNUC_CONST;
ConcordatSearchResult *concordat_search_result_copy     (const ConcordatSearchResult *result);
void                   concordat_search_result_free     (ConcordatSearchResult       *result);

char                  *concordat_search_build_query     (const char                  *user_input);

GPtrArray             *concordat_search                 (ConcordatStore              *store,
                                                         const char                  *user_input,
                                                         const char                  *doc_slug,
                                                         guint                        limit,
                                                         GError                     **error);

char                  *concordat_search_format_snippet  (const char                  *snippet,
                                                         const char                  *open,
                                                         const char                  *close,
                                                         gboolean                     escape_markup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatSearchResult, concordat_search_result_free)

G_END_DECLS
