/* concordat-council-page.c: the Council page of Preferences: the user's
 * role, and the council's name, active protocol, briefing rule,
 * information-request target, bank-holiday region, polling day and
 * pre-election period.  Every value goes through the engine's checks; a
 * refused one is marked where it was typed, with the engine's reason
 * beneath, and nothing is stored.  The party groups and wards are in
 * concordat-council-page-lists.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-council-page-private.h"
#include "concordat-library.h"
#include "concordat-record-model.h"

G_DEFINE_FINAL_TYPE (ConcordatCouncilPage, concordat_council_page, ADW_TYPE_PREFERENCES_PAGE)

/* In the order of briefing_rule_row's and region_row's items. */
static const ConcordatBriefingRule rules[] = {
  CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL, CONCORDAT_BRIEFING_RULE_ON_REQUEST,
};

/* The engine's messages name the key first, as "name: …", for the command
 * line; here the row says which setting it is. */
static char *
reason_of (const GError *error)
{
  const char *message = error->message;
  const char *colon = strstr (message, ": ");
  g_autofree char *first = NULL;

  if (colon != NULL && strcspn (message, " ") > (gsize) (colon - message))
    message = colon + 2;

  first = g_utf8_strup (message, g_utf8_next_char (message) - message);
  return g_strconcat (first, g_utf8_next_char (message), NULL);
}

/**
 * concordat_council_page_refuse:
 * @row: where the value was typed or chosen
 * @reason: the line under @row's group
 * @error: why the engine refused it
 *
 * Marks @row and says why, for the eye and for a screen reader.
 */
void
concordat_council_page_refuse (ConcordatCouncilPage *self,
                               GtkWidget            *row,
                               GtkLabel             *reason,
                               const GError         *error)
{
  g_autofree char *text = reason_of (error);

  gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (reason, text);
  gtk_widget_set_visible (GTK_WIDGET (reason), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/**
 * concordat_council_page_accept:
 *
 * Takes back what concordat_council_page_refuse() showed.
 */
void
concordat_council_page_accept (ConcordatCouncilPage *self,
                               GtkWidget            *row,
                               GtkLabel             *reason)
{
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (reason), FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * concordat_council_page_toast:
 * @toast: (transfer full): what to say
 */
void
concordat_council_page_toast (ConcordatCouncilPage *self,
                              AdwToast             *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static gboolean
set_value (ConcordatCouncilPage *self,
           const char           *key,
           const char           *value,
           GtkWidget            *row,
           GtkLabel             *reason)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return TRUE;

  if (!concordat_council_set (self->store, key, value, &error))
    {
      concordat_council_page_refuse (self, row, reason, error);
      return FALSE;
    }

  concordat_council_page_accept (self, row, reason);
  return TRUE;
}

static void
show_pre_election (ConcordatCouncilPage   *self,
                   const ConcordatCouncil *council)
{
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *subtitle = NULL;
  GDate start, end;

  if (!g_date_valid (&council->polling_day) ||
      (calendar = concordat_council_dup_calendar (self->store, council, NULL)) == NULL ||
      !concordat_council_get_pre_election (council, calendar, &start, &end, NULL))
    {
      adw_action_row_set_subtitle (self->pre_election_row, _("Working days before polling day"));
      return;
    }

  starts = concordat_format_date (&start, _("%A %-d %B %Y"));
  subtitle = g_strdup_printf (_("Working days before polling day; it starts on %s"), starts);
  adw_action_row_set_subtitle (self->pre_election_row, subtitle);
}

static gboolean
same_protocols (ConcordatCouncilPage *self,
                GPtrArray            *docs)
{
  if (docs->len != self->protocols->len)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      ConcordatDocument *doc = g_ptr_array_index (docs, i);

      if (!g_str_equal (doc->slug, g_ptr_array_index (self->protocols, i)))
        return FALSE;
    }
  return TRUE;
}

/* The model is replaced only when the library has changed: replacing it
 * while the row tells of a choice would start the choice over. */
static void
show_protocols (ConcordatCouncilPage   *self,
                const ConcordatCouncil *council)
{
  g_autoptr(GPtrArray) docs = concordat_library_list (self->store, NULL);
  guint active = GTK_INVALID_LIST_POSITION;

  if (docs == NULL)
    docs = g_ptr_array_new ();

  if (!same_protocols (self, docs))
    {
      g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

      g_ptr_array_set_size (self->protocols, 0);
      for (guint i = 0; i < docs->len; i++)
        {
          ConcordatDocument *doc = g_ptr_array_index (docs, i);

          gtk_string_list_append (titles, doc->title);
          g_ptr_array_add (self->protocols, g_strdup (doc->slug));
        }
      adw_combo_row_set_model (self->protocol_row, G_LIST_MODEL (titles));
    }

  for (guint i = 0; i < self->protocols->len; i++)
    if (g_str_equal (g_ptr_array_index (self->protocols, i), council->protocol))
      active = i;
  adw_combo_row_set_selected (self->protocol_row, active);
}

static guint
index_of_region (const char *region)
{
  const char * const *regions = concordat_calendar_list_regions ();

  for (guint i = 0; regions[i] != NULL; i++)
    if (g_str_equal (regions[i], region))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Sets @row's text unless it already says that, so that the cursor stays
 * where it was. */
static void
show_text (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_settings (ConcordatCouncilPage *self)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *polling_day = NULL;

  council = concordat_council_load (self->store, &error);
  if (council == NULL)
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->name_row), self->council_reason, error);
      return;
    }

  self->loading = TRUE;
  polling_day = concordat_council_dup_value (council, "polling-day");
  show_text (self->name_row, council->name);
  show_protocols (self, council);
  adw_combo_row_set_selected (self->briefing_rule_row,
                              council->briefing_rule == CONCORDAT_BRIEFING_RULE_ON_REQUEST ? 1 : 0);
  gtk_spin_button_set_value (self->info_days_spin, council->info_response_days);
  adw_combo_row_set_selected (self->region_row, index_of_region (council->region));
  show_text (self->polling_day_row, polling_day);
  gtk_spin_button_set_value (self->pre_election_spin, council->pre_election_days);
  show_pre_election (self, council);
  self->loading = FALSE;
}

static void
council_changed (ConcordatCouncilPage *self)
{
  show_settings (self);
  concordat_council_page_show_lists (self);
}

static void
name_applied (ConcordatCouncilPage *self)
{
  set_value (self, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
             GTK_WIDGET (self->name_row), self->council_reason);
}

static void
polling_day_applied (ConcordatCouncilPage *self)
{
  set_value (self, "polling-day", gtk_editable_get_text (GTK_EDITABLE (self->polling_day_row)),
             GTK_WIDGET (self->polling_day_row), self->election_reason);
}

static void
entry_changed (GtkEditable *entry,
               GtkLabel    *reason)
{
  ConcordatCouncilPage *self = CONCORDAT_COUNCIL_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (entry),
                                                                                CONCORDAT_TYPE_COUNCIL_PAGE));

  if (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    concordat_council_page_accept (self, GTK_WIDGET (entry), reason);
}

/**
 * concordat_council_page_watch_entry:
 * @entry: an entry row whose value may be refused
 * @reason: the line under its group
 *
 * Typing in @entry again takes a refusal back; its apply button checks
 * anew.
 */
void
concordat_council_page_watch_entry (GtkWidget *entry,
                                    GtkLabel  *reason)
{
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed), reason);
}

static void
days_changed (ConcordatCouncilPage *self,
              GtkSpinButton        *spin)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  gboolean pre_election = spin == self->pre_election_spin;

  set_value (self, pre_election ? "pre-election-days" : "info-response-days", value,
             pre_election ? GTK_WIDGET (self->pre_election_row) : GTK_WIDGET (self->info_days_spin),
             pre_election ? self->election_reason : self->council_reason);
}

static void
info_days_changed (ConcordatCouncilPage *self)
{
  days_changed (self, self->info_days_spin);
}

static void
pre_election_days_changed (ConcordatCouncilPage *self)
{
  days_changed (self, self->pre_election_spin);
}

static void
protocol_selected (ConcordatCouncilPage *self)
{
  guint selected = adw_combo_row_get_selected (self->protocol_row);

  if (selected < self->protocols->len)
    set_value (self, "protocol", g_ptr_array_index (self->protocols, selected),
               GTK_WIDGET (self->protocol_row), self->council_reason);
}

static void
briefing_rule_selected (ConcordatCouncilPage *self)
{
  guint selected = adw_combo_row_get_selected (self->briefing_rule_row);

  if (selected < G_N_ELEMENTS (rules))
    set_value (self, "briefing-rule", concordat_briefing_rule_to_string (rules[selected]),
               GTK_WIDGET (self->briefing_rule_row), self->council_reason);
}

static void
region_selected (ConcordatCouncilPage *self)
{
  const char * const *regions = concordat_calendar_list_regions ();
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (selected < g_strv_length ((char **) regions))
    set_value (self, "region", regions[selected], GTK_WIDGET (self->region_row), self->council_reason);
}

/* The role's values are the combo row's items, in order. */
static void
show_role (ConcordatCouncilPage *self)
{
  adw_combo_row_set_selected (self->role_row, g_settings_get_enum (self->settings, "role"));
}

static void
role_selected (ConcordatCouncilPage *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (self->settings != NULL && selected != GTK_INVALID_LIST_POSITION &&
      (int) selected != g_settings_get_enum (self->settings, "role"))
    g_settings_set_enum (self->settings, "role", selected);
}

static void
show_reminder_time (ConcordatCouncilPage *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "reminder-time");

  show_text (self->reminder_time_row, text);
}

static void
reminder_time_applied (ConcordatCouncilPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reminder_time_row))));
  g_autoptr(GError) error = NULL;
  guint minute;

  if (!concordat_clock_parse_time (text, &minute))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a time of day; give it as HH:MM, such as 09:00"), text);
      concordat_council_page_refuse (self, GTK_WIDGET (self->reminder_time_row), self->reminders_reason, error);
      return;
    }

  concordat_council_page_accept (self, GTK_WIDGET (self->reminder_time_row), self->reminders_reason);
  g_settings_set_string (self->settings, "reminder-time", text);
}

static void
concordat_council_page_dispose (GObject *object)
{
  ConcordatCouncilPage *self = (ConcordatCouncilPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_COUNCIL_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->expanded, g_free);

  G_OBJECT_CLASS (concordat_council_page_parent_class)->dispose (object);
}

static void
concordat_council_page_finalize (GObject *object)
{
  ConcordatCouncilPage *self = (ConcordatCouncilPage *)object;

  g_ptr_array_unref (self->protocols);
  g_ptr_array_unref (self->group_rows);
  g_ptr_array_unref (self->ward_rows);

  G_OBJECT_CLASS (concordat_council_page_parent_class)->finalize (object);
}

static void
concordat_council_page_class_init (ConcordatCouncilPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_council_page_dispose;
  object_class->finalize = concordat_council_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-council-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, reminder_time_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, remind_closed_switch);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, reminders_reason);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, protocol_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, briefing_rule_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, info_days_spin);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, council_reason);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, polling_day_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, pre_election_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, pre_election_spin);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, election_reason);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, groups_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, add_group_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, groups_reason);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, wards_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, add_ward_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatCouncilPage, wards_reason);
}

static void
concordat_council_page_init (ConcordatCouncilPage *self)
{
  self->protocols = g_ptr_array_new_with_free_func (g_free);
  self->group_rows = g_ptr_array_new ();
  self->ward_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The spin buttons are named by their rows' titles. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working days to answer a member’s request"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pre_election_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working days of the pre-election period"),
                                  -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remind_closed_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remind me when Concordat is closed"),
                                  -1);

  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (name_applied), self);
  g_signal_connect_swapped (self->reminder_time_row, "apply", G_CALLBACK (reminder_time_applied), self);
  concordat_council_page_watch_entry (GTK_WIDGET (self->reminder_time_row), self->reminders_reason);
  concordat_council_page_watch_entry (GTK_WIDGET (self->name_row), self->council_reason);
  g_signal_connect_swapped (self->polling_day_row, "apply", G_CALLBACK (polling_day_applied), self);
  concordat_council_page_watch_entry (GTK_WIDGET (self->polling_day_row), self->election_reason);
  g_signal_connect_swapped (self->info_days_spin, "value-changed", G_CALLBACK (info_days_changed), self);
  g_signal_connect_swapped (self->pre_election_spin, "value-changed", G_CALLBACK (pre_election_days_changed), self);
  g_signal_connect_swapped (self->protocol_row, "notify::selected", G_CALLBACK (protocol_selected), self);
  g_signal_connect_swapped (self->briefing_rule_row, "notify::selected", G_CALLBACK (briefing_rule_selected), self);
  g_signal_connect_swapped (self->region_row, "notify::selected", G_CALLBACK (region_selected), self);

  concordat_council_page_init_lists (self);
}

/**
 * concordat_council_page_set_store:
 * @store: the council's store, which the page keeps
 * @settings: (nullable): where the user's role is kept; without it the
 *   role is not offered
 *
 * Shows the council as stored, and again whenever it changes.
 */
void
concordat_council_page_set_store (ConcordatCouncilPage *self,
                                  ConcordatStore       *store,
                                  GSettings            *settings)
{
  g_return_if_fail (CONCORDAT_IS_COUNCIL_PAGE (self));
  g_return_if_fail (CONCORDAT_IS_STORE (store));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::council", G_CALLBACK (council_changed), self, G_CONNECT_SWAPPED);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->role_row), ADW_TYPE_PREFERENCES_GROUP),
                          settings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reminders_group), settings != NULL);
  if (settings != NULL)
    {
      show_reminder_time (self);
      g_signal_connect_object (settings, "changed::reminder-time", G_CALLBACK (show_reminder_time),
                               self, G_CONNECT_SWAPPED);
      g_settings_bind (settings, "remind-when-closed", self->remind_closed_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      show_role (self);
      g_signal_connect_object (settings, "changed::role", G_CALLBACK (show_role), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (role_selected), self);
    }

  council_changed (self);
}
