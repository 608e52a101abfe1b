/* concordat-wizard-fields.c: the controls that ask a wizard's questions,
 * one kind for each type of field, each putting its answer back in the
 * runner as it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-calendar.h"
#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-wizard-fields.h"
#include "concordat-wizard-runner-private.h"

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

static void
field_row_free (ConcordatFieldRow *fr)
{
  g_clear_pointer (&fr->options, g_ptr_array_unref);
  g_free (fr);
}

static JsonNode *
answer_of (ConcordatWizardRunner *self,
           const char            *id)
{
  return json_object_get_member (self->answers, id);
}

/* Sets or, with @node NULL, clears the answer; takes @node. */
static void
set_answer (ConcordatFieldRow *fr,
            JsonNode          *node)
{
  ConcordatWizardRunner *self = fr->runner;

  if (self->quiet)
    {
      g_clear_pointer (&node, json_node_unref);
      return;
    }
  if (node != NULL)
    json_object_set_member (self->answers, fr->field->id, node);
  else if (json_object_has_member (self->answers, fr->field->id))
    json_object_remove_member (self->answers, fr->field->id);
  concordat_wizard_runner_answer_changed (self);
}

static void
set_string_answer (ConcordatFieldRow *fr,
                   const char        *text)
{
  set_answer (fr, text != NULL && *text != '\0' ? json_node_init_string (json_node_alloc (), text) : NULL);
}

/* The question, and that it is required, for a screen reader.  GTK 4.8
 * reads out a label and a labelled-by relation both, so a control that
 * a row's title already names is only marked required. */
static void
name_control (GtkWidget            *control,
              const ConcordatField *field)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field->label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, field->required,
                                  -1);
}

static void
mark_required (GtkWidget            *control,
               const ConcordatField *field)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, field->required,
                                  -1);
}

static GtkWidget *
required_label_new (void)
{
  GtkWidget *label = gtk_label_new (_("Required"));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* "Required", the help and @extra, a line each, under a row's question. */
static char *
describe_field (const ConcordatField *field,
                const char           *extra)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  if (field->required)
    g_ptr_array_add (lines, (gpointer) _("Required"));
  if (field->help != NULL)
    g_ptr_array_add (lines, field->help);
  if (extra != NULL)
    g_ptr_array_add (lines, (gpointer) extra);
  if (lines->len == 0)
    return NULL;
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static AdwActionRow *
question_row_new (const ConcordatField *field)
{
  g_autofree char *subtitle = describe_field (field, NULL);

  return concordat_wizard_runner_text_row_new (field->label, subtitle);
}

static GtkWidget *
wrapped_label_new (const char *text,
                   const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A question asked by a list of its own: the question, marked required,
 * and its help above a boxed list, which is returned in @list.  Made here
 * rather than as an AdwPreferencesGroup, whose title does not wrap. */
static GtkWidget *
question_block_new (const ConcordatField  *field,
                    GtkListBox           **list)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *question = wrapped_label_new (field->label, "heading");

  gtk_widget_set_hexpand (question, TRUE);
  gtk_box_append (GTK_BOX (header), question);
  if (field->required)
    gtk_box_append (GTK_BOX (header), required_label_new ());
  gtk_box_append (GTK_BOX (block), header);
  if (field->help != NULL)
    gtk_box_append (GTK_BOX (block), wrapped_label_new (field->help, "dim-label"));

  *list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (*list), 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, question, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (block), GTK_WIDGET (*list));
  return block;
}

/* text */

static void
text_changed (GtkEditable       *editable,
              ConcordatFieldRow *fr)
{
  set_string_answer (fr, gtk_editable_get_text (editable));
}

static void
text_activated (ConcordatWizardRunner *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "runner.next", NULL);
}

static void
text_build (ConcordatFieldRow *fr)
{
  JsonNode *answer = answer_of (fr->runner, fr->field->id);
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = g_markup_escape_text (fr->field->label, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (answer != NULL && JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_STRING)
    gtk_editable_set_text (GTK_EDITABLE (row), json_node_get_string (answer));
  if (fr->field->required)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), required_label_new ());
  mark_required (row, fr->field);
  g_signal_connect (row, "changed", G_CALLBACK (text_changed), fr);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (text_activated), fr->runner);

  /* An entry row has no room for help: it goes under the row. */
  if (fr->field->help != NULL)
    {
      fr->help = wrapped_label_new (fr->field->help, "caption");
      gtk_widget_add_css_class (fr->help, "dim-label");
      gtk_widget_set_margin_start (fr->help, 12);
      gtk_widget_set_margin_end (fr->help, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      fr->field->help, -1);
    }
  fr->widget = fr->row = row;
}

/* long-text */

static void
long_text_changed (GtkTextBuffer     *buffer,
                   ConcordatFieldRow *fr)
{
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_string_answer (fr, text);
}

static void
long_text_build (ConcordatFieldRow *fr)
{
  JsonNode *answer = answer_of (fr->runner, fr->field->id);
  GtkListBox *list;
  GtkWidget *block = question_block_new (fr->field, &list);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "inline");
  if (answer != NULL && JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_STRING)
    gtk_text_buffer_set_text (buffer, json_node_get_string (answer), -1);
  name_control (view, fr->field);
  g_signal_connect (buffer, "changed", G_CALLBACK (long_text_changed), fr);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), view);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (list, row);
  fr->widget = block;
}

/* yes-no: two buttons, so that "not answered yet" is neither */

static void
yes_no_toggled (GtkToggleButton   *button,
                ConcordatFieldRow *fr)
{
  if (gtk_toggle_button_get_active (button))
    set_answer (fr, json_node_init_boolean (json_node_alloc (),
                                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"))));
}

static GtkWidget *
yes_no_button_new (ConcordatFieldRow *fr,
                   gboolean           value,
                   JsonNode          *answer)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (value ? _("Yes") : _("No"));

  g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (value));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fr->field->label,
                                  -1);
  if (answer != NULL && JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_BOOLEAN)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), json_node_get_boolean (answer) == value);
  g_signal_connect (button, "toggled", G_CALLBACK (yes_no_toggled), fr);
  return button;
}

static void
yes_no_build (ConcordatFieldRow *fr)
{
  JsonNode *answer = answer_of (fr->runner, fr->field->id);
  AdwActionRow *row = question_row_new (fr->field);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *yes = yes_no_button_new (fr, TRUE, answer);
  GtkWidget *no = yes_no_button_new (fr, FALSE, answer);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (no), GTK_TOGGLE_BUTTON (yes));
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), yes);
  gtk_box_append (GTK_BOX (buttons), no);
  adw_action_row_add_suffix (row, buttons);
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fr->field->label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, fr->field->required,
                                  -1);
  fr->widget = fr->row = GTK_WIDGET (row);
}

/* choice, group, groups: a list to tick */

static void
option_toggled (GtkCheckButton    *check,
                ConcordatFieldRow *fr)
{
  g_autoptr(JsonArray) chosen = NULL;

  if (fr->field->type != CONCORDAT_FIELD_GROUPS)
    {
      if (gtk_check_button_get_active (check))
        set_string_answer (fr, g_object_get_data (G_OBJECT (check), "value"));
      return;
    }

  chosen = json_array_new ();
  for (guint i = 0; i < fr->options->len; i++)
    {
      GtkCheckButton *option = g_ptr_array_index (fr->options, i);

      if (gtk_check_button_get_active (option))
        json_array_add_string_element (chosen, g_object_get_data (G_OBJECT (option), "value"));
    }
  set_answer (fr, json_array_get_length (chosen) > 0 ? json_node_init_array (json_node_alloc (), chosen) : NULL);
}

/* GTK 4.8 offers assistive technology no action on a check button; this
 * one lets it choose the option as a click would. */
static void
option_select (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       check)
{
  /* One of several choices is chosen; one of a list of groups, ticked or not. */
  gtk_check_button_set_active (check, g_object_get_data (check, "one-of") != NULL ||
                                      !gtk_check_button_get_active (check));
}

static gboolean
option_chosen (JsonNode   *answer,
               const char *value)
{
  if (answer == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (answer))
    {
      JsonArray *list = json_node_get_array (answer);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *item = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
              same_name (json_node_get_string (item), value))
            return TRUE;
        }
      return FALSE;
    }
  return JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_STRING &&
         same_name (json_node_get_string (answer), value);
}

static void
option_add (ConcordatFieldRow *fr,
            GtkListBox        *list,
            const char        *value,
            const char        *label)
{
  AdwActionRow *row = concordat_wizard_runner_text_row_new (label, NULL);
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) select = g_simple_action_new ("select", NULL);

  if (fr->field->type != CONCORDAT_FIELD_GROUPS)
    g_object_set_data (G_OBJECT (check), "one-of", GINT_TO_POINTER (TRUE));
  if (fr->field->type != CONCORDAT_FIELD_GROUPS && fr->options->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (fr->options, 0));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), option_chosen (answer_of (fr->runner, fr->field->id), value));
  g_object_set_data_full (G_OBJECT (check), "value", g_strdup (value), g_free);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Named by the row's title, as the row's control. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fr->field->label,
                                  -1);
  g_signal_connect (check, "toggled", G_CALLBACK (option_toggled), fr);

  g_signal_connect_object (select, "activate", G_CALLBACK (option_select), check, 0);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (select));
  gtk_widget_insert_action_group (check, "option", G_ACTION_GROUP (actions));

  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  gtk_list_box_append (list, GTK_WIDGET (row));
  g_ptr_array_add (fr->options, check);
}

/* The council's active party groups, or its wards: what a question about
 * them offers.  NULL when they cannot be read. */
static GStrv
council_names (ConcordatWizardRunner *self,
               ConcordatFieldType     type)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  if (type == CONCORDAT_FIELD_WARD)
    items = concordat_council_list_wards (self->store, &error);
  else
    items = concordat_council_list_groups (self->store, FALSE, &error);
  if (items == NULL)
    {
      g_warning ("Cannot list the council's %s: %s",
                 type == CONCORDAT_FIELD_WARD ? "wards" : "party groups", error->message);
      return NULL;
    }
  for (guint i = 0; i < items->len; i++)
    {
      if (type == CONCORDAT_FIELD_WARD)
        g_strv_builder_add (names, ((ConcordatWard *) g_ptr_array_index (items, i))->name);
      else
        g_strv_builder_add (names, ((ConcordatGroup *) g_ptr_array_index (items, i))->name);
    }
  return g_strv_builder_end (names);
}

static void
options_build (ConcordatFieldRow *fr)
{
  GtkListBox *list;
  GtkWidget *block = question_block_new (fr->field, &list);

  fr->options = g_ptr_array_new ();
  if (fr->field->type == CONCORDAT_FIELD_CHOICE)
    {
      for (guint i = 0; i < fr->field->choices->len; i++)
        {
          ConcordatChoice *choice = g_ptr_array_index (fr->field->choices, i);

          option_add (fr, list, choice->value, choice->label);
        }
    }
  else
    {
      g_auto(GStrv) names = council_names (fr->runner, fr->field->type);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        option_add (fr, list, names[i], names[i]);
      if (names != NULL && names[0] == NULL)
        {
          AdwActionRow *row;

          fr->empty = _("No party groups — add them in Preferences");
          row = concordat_wizard_runner_text_row_new (fr->empty, NULL);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.preferences");
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_append (list, GTK_WIDGET (row));
        }
    }
  fr->widget = block;
}

/* ward: a council may have dozens, so a drop-down list */

static void
ward_selected (AdwComboRow       *row,
               GParamSpec        *pspec,
               ConcordatFieldRow *fr)
{
  guint selected = adw_combo_row_get_selected (row);
  GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (row));

  /* The first item is "Choose…". */
  set_string_answer (fr, selected > 0 && selected != GTK_INVALID_LIST_POSITION
                           ? gtk_string_list_get_string (model, selected) : NULL);
}

static void
ward_build (ConcordatFieldRow *fr)
{
  JsonNode *answer = answer_of (fr->runner, fr->field->id);
  g_auto(GStrv) names = council_names (fr->runner, fr->field->type);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *subtitle = NULL;
  guint selected = 0;

  gtk_string_list_append (model, _("Choose…"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (model, names[i]);
      if (option_chosen (answer, names[i]))
        selected = i + 1;
    }
  if (names != NULL && names[0] == NULL)
    fr->empty = _("No wards — add them in Preferences");
  subtitle = describe_field (fr->field, fr->empty);
  concordat_wizard_runner_set_row_text (ADW_PREFERENCES_ROW (row), fr->field->label, subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_sensitive (row, fr->empty == NULL);
  mark_required (row, fr->field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (ward_selected), fr);
  fr->widget = fr->row = row;
}

/* date: typed as YYYY-MM-DD, or picked from a calendar */

static void
date_describe (ConcordatFieldRow *fr,
               const char        *text)
{
  g_autofree char *words = NULL;
  g_autofree char *subtitle = NULL;
  GDate date;

  if (text != NULL && concordat_calendar_parse_date (text, &date))
    words = concordat_wizard_runner_describe_date (&date);
  subtitle = describe_field (fr->field, words);
  concordat_wizard_runner_set_row_text (ADW_PREFERENCES_ROW (fr->row), fr->field->label,
                                        subtitle != NULL ? subtitle : "");
}

/* Moves the calendar to the date typed, without that being an answer. */
static void
date_show_on_calendar (ConcordatFieldRow *fr,
                       const char        *text)
{
  gboolean quiet = fr->runner->quiet;
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (text == NULL || !concordat_calendar_parse_date (text, &date))
    return;
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                12, 0, 0);
  fr->runner->quiet = TRUE;
  gtk_calendar_select_day (fr->calendar, time);
  fr->runner->quiet = quiet;
}

static void
date_typed (GtkEditable       *entry,
            ConcordatFieldRow *fr)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  date_describe (fr, text);
  date_show_on_calendar (fr, text);
  set_string_answer (fr, text);
}

static void
date_picked (GtkCalendar       *calendar,
             ConcordatFieldRow *fr)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%d");

  if (!fr->runner->quiet)
    gtk_editable_set_text (GTK_EDITABLE (fr->entry), text);
}

/* The calendar opens at the answer, or at today as Concordat's clock has
 * it rather than the computer's. */
static GtkWidget *
date_picker_new (ConcordatFieldRow *fr,
                 const char        *text)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autofree char *today_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (today),
                                                 g_date_get_month (today), g_date_get_day (today));

  fr->calendar = GTK_CALENDAR (gtk_calendar_new ());
  date_show_on_calendar (fr, today_text);
  date_show_on_calendar (fr, text);
  g_signal_connect (fr->calendar, "day-selected", G_CALLBACK (date_picked), fr);

  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (fr->calendar));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fr->field->label,
                                  -1);
  return button;
}

static void
date_build (ConcordatFieldRow *fr)
{
  JsonNode *answer = answer_of (fr->runner, fr->field->id);
  const char *text = answer != NULL && JSON_NODE_HOLDS_VALUE (answer) &&
                     json_node_get_value_type (answer) == G_TYPE_STRING ? json_node_get_string (answer) : NULL;
  AdwActionRow *row = concordat_wizard_runner_text_row_new (fr->field->label, NULL);

  fr->widget = fr->row = GTK_WIDGET (row);
  fr->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (fr->entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (fr->entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (fr->entry), 10);
  gtk_widget_set_valign (fr->entry, GTK_ALIGN_CENTER);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (fr->entry), text);
  name_control (fr->entry, fr->field);
  g_signal_connect (fr->entry, "changed", G_CALLBACK (date_typed), fr);
  g_signal_connect_swapped (fr->entry, "activate", G_CALLBACK (text_activated), fr->runner);

  adw_action_row_add_suffix (row, fr->entry);
  adw_action_row_add_suffix (row, date_picker_new (fr, text));
  date_describe (fr, text);
}

ConcordatFieldRow *
concordat_field_row_new (ConcordatWizardRunner *self,
                         const ConcordatField  *field)
{
  ConcordatFieldRow *fr = g_new0 (ConcordatFieldRow, 1);

  fr->runner = self;
  fr->field = field;
  switch (field->type)
    {
    case CONCORDAT_FIELD_TEXT:
      text_build (fr);
      break;
    case CONCORDAT_FIELD_LONG_TEXT:
      long_text_build (fr);
      break;
    case CONCORDAT_FIELD_YES_NO:
      yes_no_build (fr);
      break;
    case CONCORDAT_FIELD_CHOICE:
    case CONCORDAT_FIELD_GROUP:
    case CONCORDAT_FIELD_GROUPS:
      options_build (fr);
      break;
    case CONCORDAT_FIELD_DATE:
      date_build (fr);
      break;
    case CONCORDAT_FIELD_WARD:
      ward_build (fr);
      break;
    default:
      g_assert_not_reached ();
    }
  g_object_set_data_full (G_OBJECT (fr->widget), "concordat-field-row", fr, (GDestroyNotify) field_row_free);
  return fr;
}

void
concordat_field_row_set_visible (ConcordatFieldRow *fr,
                                 gboolean           visible)
{
  gtk_widget_set_visible (fr->widget, visible);
  if (fr->help != NULL)
    gtk_widget_set_visible (fr->help, visible);
}
