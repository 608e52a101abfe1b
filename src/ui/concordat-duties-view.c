/* concordat-duties-view.c: the Duties view: what is overdue, what is due,
 * and what was done lately, each with its due date and the action it came
 * from; mark done and snooze.
 *
 * The view reads the duties again whenever the store says the record
 * changed, so a duty marked done here, from a notification or from the
 * command line in another window all show the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-duties-view.h"
#include "concordat-record.h"
#include "concordat-record-model.h"
#include "concordat-reminders.h"
#include "concordat-wizard.h"

/* Done duties are shown for reassurance, not as an archive. */
#define DONE_SHOWN 10

struct _ConcordatDutiesView
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *due_group;
  AdwPreferencesGroup *done_group;

  ConcordatStore      *store;
  GPtrArray           *rows;       /* GtkWidget *: the rows shown, to remove them */
  GHashTable          *titles;     /* wizard id → title */
  guint                due_count;
};

G_DEFINE_FINAL_TYPE (ConcordatDutiesView, concordat_duties_view, ADW_TYPE_BIN)

/* "Tuesday 29 December 2026". */
static char *
date_in_words (const char *iso)
{
  return iso != NULL ? concordat_record_format_day (iso, "%A %-d %B %Y") : g_strdup ("");
}

static const char *
wizard_title (ConcordatDutiesView *self,
              const char          *id)
{
  const char *title = g_hash_table_lookup (self->titles, id);

  return title != NULL ? title : id;
}

static char *
describe (ConcordatDutiesView *self,
          const ConcordatDuty *duty)
{
  g_autofree char *due = date_in_words (duty->due);
  g_autofree char *when = NULL;

  if (duty->status == CONCORDAT_DUTY_DONE)
    when = g_strdup_printf (_("Done; was due %s"), due);
  else if (duty->snoozed_until != NULL)
    {
      g_autofree char *until = date_in_words (duty->snoozed_until);

      when = g_strdup_printf (_("Put off until %s; was due %s"), until, due);
    }
  else
    when = g_strdup_printf (duty->status == CONCORDAT_DUTY_OVERDUE ? _("Was due %s") : _("Due %s"), due);

  /* TRANSLATORS: the due date, then the wizard whose action created the duty. */
  return g_strdup_printf (_("%s · from %s"), when, wizard_title (self, duty->wizard));
}

static GtkWidget *
duty_button (const char *label,
             const char *accessible,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static GtkWidget *
snooze_button (const ConcordatDuty *duty)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) day = g_menu_item_new (_("Until the Next Working Day"), NULL);
  g_autoptr(GMenuItem) week = g_menu_item_new (_("For a Week"), NULL);
  g_autoptr(GMenuItem) date = g_menu_item_new (_("Until a Date…"), NULL);
  g_autofree char *accessible = g_strdup_printf (_("Snooze “%s”"), duty->title);
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target (day, "duties.snooze-day", "x", duty->id);
  g_menu_item_set_action_and_target (week, "duties.snooze-week", "x", duty->id);
  g_menu_append_item (menu, day);
  g_menu_item_set_action_and_target (date, "duties.snooze-until", "x", duty->id);
  g_menu_append_item (menu, week);
  g_menu_append_item (menu, date);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "alarm-symbolic");
  gtk_widget_set_tooltip_text (button, _("Snooze"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static GtkWidget *
make_row (ConcordatDutiesView *self,
          const ConcordatDuty *duty)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (self, duty);

  /* A duty's title comes from answers: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), duty->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "duty-id", g_memdup2 (&duty->id, sizeof duty->id), g_free);
  /* Activating the row opens the action the duty came from. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", duty->action_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  if (duty->status != CONCORDAT_DUTY_DONE)
    {
      g_autofree char *accessible = g_strdup_printf (_("Mark “%s” done"), duty->title);
      GtkWidget *done = duty_button (_("Mark Done"), accessible, "duties.done", duty->id);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), snooze_button (duty));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
    }
  else
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("object-select-symbolic"));
  return row;
}

static void
clear_rows (ConcordatDutiesView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (ConcordatDutiesView *self,
         AdwPreferencesGroup *group,
         const ConcordatDuty *duty)
{
  GtkWidget *row = make_row (self, duty);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static guint
show_duties (ConcordatDutiesView *self,
             GPtrArray           *pending,
             GPtrArray           *done,
             const GDate         *today)
{
  guint overdue = 0, due = 0;
  g_autofree char *day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (today),
                                          g_date_get_month (today), g_date_get_day (today));

  for (guint i = 0; i < pending->len; i++)
    {
      const ConcordatDuty *duty = g_ptr_array_index (pending, i);
      const char *effective = duty->snoozed_until != NULL ? duty->snoozed_until : duty->due;

      add_row (self, duty->status == CONCORDAT_DUTY_OVERDUE ? self->overdue_group : self->due_group, duty);
      if (duty->status == CONCORDAT_DUTY_OVERDUE)
        overdue++;
      else
        due++;
      if (g_strcmp0 (effective, day) <= 0)
        self->due_count++;
    }
  /* The most recently due of the done ones. */
  for (guint i = done->len; i > 0 && done->len - i < DONE_SHOWN; i--)
    add_row (self, self->done_group, g_ptr_array_index (done, i - 1));

  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->due_group), due > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->done_group), done->len > 0);
  return pending->len + done->len;
}

static void
reload (ConcordatDutiesView *self)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();

  clear_rows (self);
  self->due_count = 0;
  if (self->store == NULL)
    return;

  pending = concordat_record_list_duties (self->store, CONCORDAT_DUTY_FILTER_PENDING, today, &error);
  if (pending != NULL)
    done = concordat_record_list_duties (self->store, CONCORDAT_DUTY_FILTER_DONE, today, &error);
  if (done == NULL)
    {
      g_warning ("Cannot read the duties: %s", error->message);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    show_duties (self, pending, done, today) > 0 ? "duties" : "empty");
}

static void
report (ConcordatDutiesView *self,
        const char          *message)
{
  g_autofree char *title = g_markup_escape_text (message, -1);

  /* The overlay is the view's own child: AdwBin owns it, not the template. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))),
                               adw_toast_new (title));
}

static void
mark_done (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConcordatDutiesView *self = CONCORDAT_DUTIES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!concordat_record_duty_done (self->store, g_variant_get_int64 (parameter), &error))
    report (self, error->message);
  else
    report (self, _("Marked done"));
}

/* To the council's next working day, or @days on. */
static void
snooze (ConcordatDutiesView *self,
        gint64               id,
        int                  days)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  gboolean snoozed;

  if (days > 0)
    {
      g_autoptr(GDate) until = g_date_copy (today);

      g_date_add_days (until, days);
      snoozed = concordat_record_duty_snooze (self->store, id, until, today, &error);
    }
  else
    snoozed = concordat_reminders_snooze_a_day (self->store, id, today, NULL, &error);

  if (!snoozed)
    report (self, error->message);
}

static void
snooze_day (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  snooze (CONCORDAT_DUTIES_VIEW (widget), g_variant_get_int64 (parameter), 0);
}

static void
snooze_week (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  snooze (CONCORDAT_DUTIES_VIEW (widget), g_variant_get_int64 (parameter), 7);
}

static void
snooze_response (AdwMessageDialog    *dialog,
                 const char          *response,
                 ConcordatDutiesView *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog));
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "duty-id");
  g_autoptr(GDateTime) chosen = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  GDate until;

  if (g_strcmp0 (response, "snooze") != 0 || self->store == NULL)
    return;
  chosen = gtk_calendar_get_date (calendar);
  g_date_clear (&until, 1);
  g_date_set_dmy (&until, g_date_time_get_day_of_month (chosen),
                  g_date_time_get_month (chosen), g_date_time_get_year (chosen));
  if (!concordat_record_duty_snooze (self->store, *id, &until, today, &error))
    report (self, error->message);
}

/* A dialog with a calendar, opening on the next day. */
static void
snooze_until (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConcordatDutiesView *self = CONCORDAT_DUTIES_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GDateTime) tomorrow = NULL;
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *dialog;

  tomorrow = g_date_time_new_local (g_date_get_year (today), g_date_get_month (today),
                                    g_date_get_day (today), 0, 0, 0);
  tomorrow = g_date_time_add_days (g_steal_pointer (&tomorrow), 1);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), tomorrow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The date to put the duty off until"), -1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Snooze Until a Date"),
                                   _("The duty is due again from the day you choose."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "snooze", _("_Snooze"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "snooze",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "snooze");
  g_object_set_data_full (G_OBJECT (dialog), "duty-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (snooze_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
concordat_duties_view_dispose (GObject *object)
{
  ConcordatDutiesView *self = (ConcordatDutiesView *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_DUTIES_VIEW);

  G_OBJECT_CLASS (concordat_duties_view_parent_class)->dispose (object);
}

static void
concordat_duties_view_class_init (ConcordatDutiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_duties_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-duties-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatDutiesView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatDutiesView, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatDutiesView, due_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatDutiesView, done_group);
  gtk_widget_class_install_action (widget_class, "duties.done", "x", mark_done);
  gtk_widget_class_install_action (widget_class, "duties.snooze-day", "x", snooze_day);
  gtk_widget_class_install_action (widget_class, "duties.snooze-week", "x", snooze_week);
  gtk_widget_class_install_action (widget_class, "duties.snooze-until", "x", snooze_until);
}

static void
load_titles (ConcordatDutiesView *self)
{
  g_autoptr(GPtrArray) wizards = concordat_wizard_load_bundled (NULL);

  for (guint i = 0; wizards != NULL && i < wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (wizards, i);

      g_hash_table_insert (self->titles, g_strdup (concordat_wizard_get_id (wizard)),
                           g_strdup (concordat_wizard_get_title (wizard)));
    }
}

static void
concordat_duties_view_init (ConcordatDutiesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load_titles (self);
}

void
concordat_duties_view_set_store (ConcordatDutiesView *self,
                                 ConcordatStore      *store)
{
  g_return_if_fail (CONCORDAT_IS_DUTIES_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::record", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

/**
 * concordat_duties_view_get_due_count:
 *
 * Returns: how many duties not done are due today or overdue
 */
guint
concordat_duties_view_get_due_count (ConcordatDutiesView *self)
{
  g_return_val_if_fail (CONCORDAT_IS_DUTIES_VIEW (self), 0);

  return self->due_count;
}

/**
 * concordat_duties_view_show_duty:
 *
 * Brings the duty's row into view and gives it the keyboard focus.
 */
void
concordat_duties_view_show_duty (ConcordatDutiesView *self,
                                 gint64               id)
{
  g_return_if_fail (CONCORDAT_IS_DUTIES_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      const gint64 *row_id = g_object_get_data (G_OBJECT (row), "duty-id");

      if (*row_id == id)
        gtk_widget_grab_focus (row);
    }
}
