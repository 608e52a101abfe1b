/* concordat-reminders.h: reminders of the duties that have fallen due —
 * which to send and what they say (concordat-reminders.c), and the clock
 * that sends them through the notifier and answers their buttons
 * (concordat-reminder-service.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-notifier.h"
#include "concordat-store.h"

G_BEGIN_DECLS

/* Minutes after midnight from which a duty due that day is reminded of. */
#define CONCORDAT_REMINDERS_DEFAULT_TIME (9 * 60)

/* More due at once than this become one notification. */
#define CONCORDAT_REMINDERS_MAX_SINGLE 3

/* The most duties the one that stands for many lists by name. */
#define CONCORDAT_REMINDERS_MAX_LISTED 5

/* The notification tag of the one that stands for many, and the start of
 * the tag of one for a single duty, "duty:ID". */
#define CONCORDAT_REMINDERS_GROUP_TAG "duties"
#define CONCORDAT_REMINDERS_DUTY_TAG_PREFIX "duty:"

/**
 * ConcordatReminder:
 * @id: the duty's row in the store
 * @action_id: the action it came from
 * @title: what is to be done
 * @due: the day it fell due, or was snoozed to, YYYY-MM-DD
 * @overdue: whether that day is before today
 * @from: (nullable): the summary of the action it came from, once
 *   concordat_reminders_add_sources() has filled it in
 * @last_notified: (nullable): the day it was last reminded of, before this
 *   reminder claimed it
 */
typedef struct
{
  gint64    id;
  gint64    action_id;
  char     *title;
  char     *due;
  gboolean  overdue;
  char     *from;
  char     *last_notified;
} ConcordatReminder;

/**
 * ConcordatReminderNotice:
 * @tag: the notifier's tag: "duty:ID", or CONCORDAT_REMINDERS_GROUP_TAG
 * @summary: the notification's title
 * @body: the text under it
 * @urgency: critical once anything in it is overdue
 * @grouped: whether it stands for many duties, to be opened together
 * @reminders: (element-type ConcordatReminder): what it stands for
 *
 * One notification, as concordat_reminders_compose() words it.
 */
typedef struct
{
  char                   *tag;
  char                   *summary;
  char                   *body;
  ConcordatNotifyUrgency  urgency;
  gboolean                grouped;
  GPtrArray              *reminders;
  /*< private >*/
  GPtrArray              *owner;
} ConcordatReminderNotice;

void concordat_reminder_free        (ConcordatReminder       *reminder);
void concordat_reminder_notice_free (ConcordatReminderNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatReminder, concordat_reminder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatReminderNotice, concordat_reminder_notice_free)

GPtrArray *concordat_reminders_find         (ConcordatStore     *store,
                                             const GDate        *today,
                                             guint               minute_of_day,
                                             guint               reminder_time,
                                             GError            **error);
gboolean   concordat_reminders_add_sources  (ConcordatStore     *store,
                                             GPtrArray          *reminders,
                                             GError            **error);
gboolean   concordat_reminders_claim        (ConcordatStore     *store,
                                             GPtrArray          *reminders,
                                             const GDate        *today,
                                             GError            **error);
gboolean   concordat_reminders_unclaim      (ConcordatStore     *store,
                                             GPtrArray          *reminders,
                                             GError            **error);

char      *concordat_reminder_dup_body      (const ConcordatReminder *reminder,
                                             const GDate        *today);
char      *concordat_reminders_dup_summary  (GPtrArray          *reminders);
char      *concordat_reminders_dup_body     (GPtrArray          *reminders);
gboolean   concordat_reminders_any_overdue  (GPtrArray          *reminders);
GPtrArray *concordat_reminders_compose      (GPtrArray          *reminders,
                                             const GDate        *today);

gboolean   concordat_reminders_snooze_a_day (ConcordatStore     *store,
                                             gint64              id,
                                             const GDate        *today,
                                             GDate              *until,
                                             GError            **error);

/* The clock that sends them. */
#define CONCORDAT_TYPE_REMINDER_SERVICE (concordat_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatReminderService, concordat_reminder_service, CONCORDAT, REMINDER_SERVICE, GObject)

ConcordatReminderService *concordat_reminder_service_new      (ConcordatStore           *store,
                                                               ConcordatNotifier        *notifier);
void                      concordat_reminder_service_set_time (ConcordatReminderService *self,
                                                               guint                     minute_of_day);
void                      concordat_reminder_service_start    (ConcordatReminderService *self);
void                      concordat_reminder_service_check    (ConcordatReminderService *self);

G_END_DECLS
