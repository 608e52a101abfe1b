/* concordat-notifier.h: desktop notifications with actions, sent through
 * libnotify without ever blocking the caller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The name the notification server shows as the sender. */
#define CONCORDAT_NOTIFIER_APP_NAME "Concordat"

typedef enum
{
  CONCORDAT_NOTIFY_URGENCY_LOW,
  CONCORDAT_NOTIFY_URGENCY_NORMAL,
  CONCORDAT_NOTIFY_URGENCY_CRITICAL,
} ConcordatNotifyUrgency;

#define CONCORDAT_TYPE_NOTIFIER (concordat_notifier_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatNotifier, concordat_notifier, CONCORDAT, NOTIFIER, GObject)

ConcordatNotifier *concordat_notifier_new             (void);

void               concordat_notifier_send_async      (ConcordatNotifier       *self,
                                                       const char              *tag,
                                                       const char              *summary,
                                                       const char              *body,
                                                       ConcordatNotifyUrgency   urgency,
                                                       const char * const      *actions,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
gboolean           concordat_notifier_send_finish     (ConcordatNotifier       *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);
gboolean           concordat_notifier_send            (ConcordatNotifier       *self,
                                                       const char              *tag,
                                                       const char              *summary,
                                                       const char              *body,
                                                       ConcordatNotifyUrgency   urgency,
                                                       const char * const      *actions,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);

void               concordat_notifier_withdraw_async  (ConcordatNotifier       *self,
                                                       const char              *tag,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
gboolean           concordat_notifier_withdraw_finish (ConcordatNotifier       *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);

G_END_DECLS
