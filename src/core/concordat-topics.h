/* concordat-topics.h: the rules that tag a protocol's paragraphs with topics
 * (party groups, premises, media…), kept in data so that they work on any
 * council's protocol.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The version of the rules file format this build reads. */
#define CONCORDAT_TOPICS_FORMAT_VERSION 1

/**
 * ConcordatTopicMatch:
 * @topic: the topic's id, e.g. "party-groups"
 * @weight: the sum of the weights of the topic's phrases found in the
 *   paragraph and its heading; never below the topic's threshold
 *
 * One topic a paragraph carries.
 */
typedef struct
{
  char   *topic;
  double  weight;
} ConcordatTopicMatch;

#define CONCORDAT_TYPE_TOPIC_MATCH (concordat_topic_match_get_type ())
GType                concordat_topic_match_get_type (void) G_GNUC_CONST;
ConcordatTopicMatch *concordat_topic_match_copy     (const ConcordatTopicMatch *match);
void                 concordat_topic_match_free     (ConcordatTopicMatch       *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatTopicMatch, concordat_topic_match_free)

#define CONCORDAT_TYPE_TOPICS (concordat_topics_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatTopics, concordat_topics, CONCORDAT, TOPICS, GObject)

ConcordatTopics    *concordat_topics_load_default    (GError          **error);
ConcordatTopics    *concordat_topics_load_from_bytes (GBytes           *json,
                                                      GError          **error);
ConcordatTopics    *concordat_topics_load_from_file  (const char       *path,
                                                      GError          **error);

const char * const *concordat_topics_list_ids        (ConcordatTopics  *self);
const char         *concordat_topics_get_label       (ConcordatTopics  *self,
                                                      const char       *id);

GPtrArray          *concordat_topics_tag             (ConcordatTopics  *self,
                                                      const char       *heading,
                                                      const char       *text);

G_END_DECLS
