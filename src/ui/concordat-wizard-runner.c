/* concordat-wizard-runner.c: one wizard run as pages, rendered from its
 * definition: a page for each step that applies to the answers so far, the
 * page a stop ends on, and a summary of what Finish records.
 *
 * Every change to an answer goes back to the engine
 * (concordat_wizard_evaluate), which decides which steps and questions
 * apply, what is wrong with the answers and what the protocol says; the
 * answers are kept as a draft at once, so that closing loses nothing.
 *
 * The questions' controls are in the first half of the file, the pages in
 * the second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-calendar.h"
#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-record.h"
#include "concordat-topics.h"
#include "concordat-wizard-runner.h"

/* From this width the protocol sits beside the questions, with this share
 * of the width; below it, under them. */
#define WIDE_WIDTH     760
#define SIDE_SHARE     0.4
#define COLUMN_SPACING 36
#define STACK_SPACING  30

typedef enum
{
  PAGE_STEP,
  PAGE_STOP,
  PAGE_SUMMARY,
} PageKind;

/* One question on the page: the widgets that show it, and where its
 * answer goes.  Owned by its outermost widget. */
typedef struct
{
  ConcordatWizardRunner *runner;
  const ConcordatField  *field;
  GtkWidget             *widget;   /* shown while the question applies */
  GtkWidget             *help;     /* help shown apart from @widget, or NULL */
  GtkWidget             *row;      /* the row marked when the answer is wrong */
  GtkWidget             *entry;    /* date: YYYY-MM-DD */
  GtkCalendar           *calendar;
  GPtrArray             *options;  /* choice, group, groups: check buttons */
  const char            *empty;    /* why there is nothing to choose from */
} FieldRow;

struct _ConcordatWizardRunner
{
  AdwBin               parent_instance;

  GtkLabel            *wizard_label;
  GtkLabel            *count_label;
  GtkStack            *pages;
  GtkScrolledWindow   *step_scroller;
  GtkLabel            *step_title;
  GtkWidget           *columns;
  GtkLabel            *step_help;
  GtkBox              *fields_box;
  GtkLabel            *errors_label;
  GtkLabel            *hint_label;
  GtkBox              *citations_box;
  AdwStatusPage       *stop_page;
  GtkBox              *stop_citations_box;
  GtkScrolledWindow   *summary_scroller;
  AdwActionRow        *summary_row;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *duties_group;
  AdwPreferencesGroup *ledger_group;
  GtkLabel            *finish_error_label;
  GtkWidget           *action_bar;
  GtkWidget           *next_button;
  GtkWidget           *go_back_button;
  GtkWidget           *close_button;
  GtkWidget           *back_button;
  GtkWidget           *cancel_button;
  GtkWidget           *finish_button;

  ConcordatStore      *store;
  ConcordatWizard     *wizard;
  ConcordatTopics     *topics;
  JsonObject          *answers;      /* as given, unchecked: what the draft keeps */
  ConcordatOutcome    *outcome;      /* what they come to now */
  char                *failure;      /* why they could not be worked out */
  GPtrArray           *fields;       /* FieldRow *, the step on screen */
  GPtrArray           *summary_rows; /* rows put in the summary's groups */
  const ConcordatStep *step;         /* on screen, or the one a stop is in */
  PageKind             page;
  guint                n_steps;      /* steps that apply, before any stop */
  gboolean             quiet;        /* widgets being filled in, or going */
};

G_DEFINE_FINAL_TYPE (ConcordatWizardRunner, concordat_wizard_runner, ADW_TYPE_BIN)

enum {
  CLOSED,
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void answer_changed (ConcordatWizardRunner *self);

/* --- text for people --- */

/* "Tuesday 29 December 2026". */
static char *
describe_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (time, "%A %-d %B %Y");
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

/* The engine's message without the answer's key in front, as a sentence. */
static char *
clean_message (const ConcordatProblem *problem)
{
  const char *text = problem->message;
  g_autofree char *prefix = problem->field != NULL ? g_strconcat (problem->field, ": ", NULL) : NULL;
  g_autofree char *first = NULL;

  if (prefix != NULL && g_str_has_prefix (text, prefix))
    text += strlen (prefix);
  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static const char *
state_label (const char *state)
{
  static const struct {
    const char *state;
    const char *label;
  } labels[] = {
    { "requested", N_("Requested") },
    { "to-offer", N_("To be offered") },
    { "offered", N_("Offered") },
    { "accepted", N_("Accepted") },
    { "declined", N_("Declined") },
    { "delivered", N_("Delivered") },
    { "available-on-request", N_("Available on request") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].state, state))
      return _(labels[i].label);
  return state;
}

/* Row titles and subtitles are markup; the wizards' text is text. */
static void
set_row_text (AdwPreferencesRow *row,
              const char        *title,
              const char        *subtitle)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (row, escaped_title);
  if (subtitle != NULL && ADW_IS_ACTION_ROW (row))
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
}

static AdwActionRow *
text_row_new (const char *title,
              const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  set_row_text (ADW_PREFERENCES_ROW (row), title, subtitle);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_set_subtitle_lines (row, 0);
  return row;
}

/* --- the questions --- */

static void
field_row_free (FieldRow *fr)
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
set_answer (FieldRow *fr,
            JsonNode *node)
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
  answer_changed (self);
}

static void
set_string_answer (FieldRow   *fr,
                   const char *text)
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

  return text_row_new (field->label, subtitle);
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
text_changed (GtkEditable *editable,
              FieldRow    *fr)
{
  set_string_answer (fr, gtk_editable_get_text (editable));
}

static void
text_activated (ConcordatWizardRunner *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "runner.next", NULL);
}

static void
text_build (FieldRow *fr)
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
long_text_changed (GtkTextBuffer *buffer,
                   FieldRow      *fr)
{
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_string_answer (fr, text);
}

static void
long_text_build (FieldRow *fr)
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
yes_no_toggled (GtkToggleButton *button,
                FieldRow        *fr)
{
  if (gtk_toggle_button_get_active (button))
    set_answer (fr, json_node_init_boolean (json_node_alloc (),
                                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"))));
}

static GtkWidget *
yes_no_button_new (FieldRow *fr,
                   gboolean  value,
                   JsonNode *answer)
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
yes_no_build (FieldRow *fr)
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
option_toggled (GtkCheckButton *check,
                FieldRow       *fr)
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
option_add (FieldRow   *fr,
            GtkListBox *list,
            const char *value,
            const char *label)
{
  AdwActionRow *row = text_row_new (label, NULL);
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
options_build (FieldRow *fr)
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
          row = text_row_new (fr->empty, NULL);
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
ward_selected (AdwComboRow *row,
               GParamSpec  *pspec,
               FieldRow    *fr)
{
  guint selected = adw_combo_row_get_selected (row);
  GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (row));

  /* The first item is "Choose…". */
  set_string_answer (fr, selected > 0 && selected != GTK_INVALID_LIST_POSITION
                           ? gtk_string_list_get_string (model, selected) : NULL);
}

static void
ward_build (FieldRow *fr)
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
  set_row_text (ADW_PREFERENCES_ROW (row), fr->field->label, subtitle);
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
date_describe (FieldRow   *fr,
               const char *text)
{
  g_autofree char *words = NULL;
  g_autofree char *subtitle = NULL;
  GDate date;

  if (text != NULL && concordat_calendar_parse_date (text, &date))
    words = describe_date (&date);
  subtitle = describe_field (fr->field, words);
  set_row_text (ADW_PREFERENCES_ROW (fr->row), fr->field->label, subtitle != NULL ? subtitle : "");
}

/* Moves the calendar to the date typed, without that being an answer. */
static void
date_show_on_calendar (FieldRow   *fr,
                       const char *text)
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
date_typed (GtkEditable *entry,
            FieldRow    *fr)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  date_describe (fr, text);
  date_show_on_calendar (fr, text);
  set_string_answer (fr, text);
}

static void
date_picked (GtkCalendar *calendar,
             FieldRow    *fr)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%d");

  if (!fr->runner->quiet)
    gtk_editable_set_text (GTK_EDITABLE (fr->entry), text);
}

/* The calendar opens at the answer, or at today as Concordat's clock has
 * it rather than the computer's. */
static GtkWidget *
date_picker_new (FieldRow   *fr,
                 const char *text)
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
date_build (FieldRow *fr)
{
  JsonNode *answer = answer_of (fr->runner, fr->field->id);
  const char *text = answer != NULL && JSON_NODE_HOLDS_VALUE (answer) &&
                     json_node_get_value_type (answer) == G_TYPE_STRING ? json_node_get_string (answer) : NULL;
  AdwActionRow *row = text_row_new (fr->field->label, NULL);

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

static FieldRow *
field_row_new (ConcordatWizardRunner *self,
               const ConcordatField  *field)
{
  FieldRow *fr = g_new0 (FieldRow, 1);

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

static void
field_row_set_visible (FieldRow *fr,
                       gboolean  visible)
{
  gtk_widget_set_visible (fr->widget, visible);
  if (fr->help != NULL)
    gtk_widget_set_visible (fr->help, visible);
}

/* --- the two columns --- */

static GtkSizeRequestMode
columns_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Whether, at @width, the columns fit side by side, and how wide each is. */
static gboolean
columns_split (GtkWidget *widget,
               int        width,
               int       *main_width,
               int       *side_width)
{
  GtkWidget *main = gtk_widget_get_first_child (widget);
  GtkWidget *side = gtk_widget_get_last_child (widget);
  int main_min;
  int side_min;

  if (width < WIDE_WIDTH || !gtk_widget_should_layout (side))
    return FALSE;
  *side_width = (int) (width * SIDE_SHARE);
  *main_width = width - *side_width - COLUMN_SPACING;
  gtk_widget_measure (main, GTK_ORIENTATION_HORIZONTAL, -1, &main_min, NULL, NULL, NULL);
  gtk_widget_measure (side, GTK_ORIENTATION_HORIZONTAL, -1, &side_min, NULL, NULL, NULL);
  return *main_width >= main_min && *side_width >= side_min;
}

static void
columns_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  GtkWidget *main = gtk_widget_get_first_child (widget);
  GtkWidget *side = gtk_widget_get_last_child (widget);
  gboolean has_side = gtk_widget_should_layout (side);
  int main_width;
  int side_width;
  int main_min, main_nat, side_min = 0, side_nat = 0;

  *minimum_baseline = *natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (main, orientation, -1, &main_min, &main_nat, NULL, NULL);
      if (has_side)
        gtk_widget_measure (side, orientation, -1, &side_min, &side_nat, NULL, NULL);
      *minimum = MAX (main_min, side_min);
      *natural = MAX (*minimum, main_nat + (has_side ? COLUMN_SPACING + side_nat : 0));
    }
  else if (for_size >= 0 && columns_split (widget, for_size, &main_width, &side_width))
    {
      gtk_widget_measure (main, orientation, main_width, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (side, orientation, side_width, &side_min, &side_nat, NULL, NULL);
      *minimum = MAX (main_min, side_min);
      *natural = MAX (main_nat, side_nat);
    }
  else
    {
      gtk_widget_measure (main, orientation, for_size, &main_min, &main_nat, NULL, NULL);
      if (has_side)
        gtk_widget_measure (side, orientation, for_size, &side_min, &side_nat, NULL, NULL);
      *minimum = main_min + (has_side ? STACK_SPACING + side_min : 0);
      *natural = main_nat + (has_side ? STACK_SPACING + side_nat : 0);
    }
}

static void
columns_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  GtkWidget *main = gtk_widget_get_first_child (widget);
  GtkWidget *side = gtk_widget_get_last_child (widget);
  int main_width;
  int side_width;
  int main_min;
  int main_nat;
  int side_nat = 0;
  int main_height;

  if (columns_split (widget, width, &main_width, &side_width))
    {
      gtk_widget_size_allocate (main, &(GtkAllocation) { 0, 0, main_width, height }, -1);
      gtk_widget_size_allocate (side, &(GtkAllocation) { main_width + COLUMN_SPACING, 0, side_width, height }, -1);
      return;
    }

  if (!gtk_widget_should_layout (side))
    {
      gtk_widget_size_allocate (main, &(GtkAllocation) { 0, 0, width, height }, -1);
      return;
    }
  gtk_widget_measure (main, GTK_ORIENTATION_VERTICAL, width, &main_min, &main_nat, NULL, NULL);
  gtk_widget_measure (side, GTK_ORIENTATION_VERTICAL, width, NULL, &side_nat, NULL, NULL);
  main_height = height >= main_nat + STACK_SPACING + side_nat ? main_nat : main_min;
  gtk_widget_size_allocate (main, &(GtkAllocation) { 0, 0, width, main_height }, -1);
  gtk_widget_size_allocate (side, &(GtkAllocation) { 0, main_height + STACK_SPACING, width,
                                                      height - main_height - STACK_SPACING }, -1);
}

/* --- what the protocol says --- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
citation_row_new (const ConcordatCitation *citation)
{
  g_autofree char *target = NULL;
  AdwActionRow *row;

  /* No paragraph on the topic: the text says so. */
  if (citation->citation == NULL)
    {
      row = text_row_new (citation->text, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
      return GTK_WIDGET (row);
    }

  row = text_row_new (citation->citation, citation->text);
  target = g_strdup_printf ("%s/%s", citation->document, citation->citation);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-paragraph");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Read it in the protocol"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, citation->text,
                                  -1);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  return GTK_WIDGET (row);
}

/* The paragraphs @step cites, under a heading for each topic; only those
 * on @topic when it is not NULL. */
static void
show_citations (ConcordatWizardRunner *self,
                GtkBox                *box,
                const char            *step,
                const char            *topic)
{
  AdwPreferencesGroup *group = NULL;
  const char *group_topic = NULL;

  clear_box (box);
  for (guint i = 0; self->outcome != NULL && i < self->outcome->citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (self->outcome->citations, i);

      if (g_strcmp0 (citation->step, step) != 0 || (topic != NULL && g_strcmp0 (citation->topic, topic) != 0))
        continue;
      if (group == NULL || g_strcmp0 (group_topic, citation->topic) != 0)
        {
          const char *label = self->topics != NULL ? concordat_topics_get_label (self->topics, citation->topic) : NULL;
          g_autofree char *title = g_markup_escape_text (label != NULL ? label : citation->topic, -1);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          gtk_box_append (box, GTK_WIDGET (group));
          group_topic = citation->topic;
        }
      adw_preferences_group_add (group, citation_row_new (citation));
    }
}

/* --- working the answers out --- */

static gboolean
is_answered (ConcordatWizardRunner *self,
             const char            *id)
{
  return id != NULL && json_object_has_member (self->answers, id);
}

static gboolean
outcome_mentions (const ConcordatOutcome *outcome,
                  const char             *id)
{
  if (json_object_has_member (outcome->answers, id))
    return TRUE;
  for (guint i = 0; i < outcome->problems->len; i++)
    if (g_strcmp0 (((ConcordatProblem *) g_ptr_array_index (outcome->problems, i))->field, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
evaluate (ConcordatWizardRunner *self)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  ConcordatOutcome *outcome;

  outcome = concordat_wizard_evaluate (self->wizard, self->store, self->answers, today, &error);
  g_clear_pointer (&self->failure, g_free);
  if (outcome == NULL)
    {
      self->failure = g_strdup (error->message);
      return FALSE;
    }
  g_clear_pointer (&self->outcome, concordat_outcome_free);
  self->outcome = outcome;
  if (outcome->stop == NULL || self->n_steps == 0)
    self->n_steps = outcome->steps->len;
  return TRUE;
}

/* Whether a question in the step on screen applies.  The outcome tells
 * for a question answered or required; an optional question not answered
 * is tried with an answer, as its condition is the engine's to judge. */
static gboolean
field_applies (ConcordatWizardRunner *self,
               const ConcordatField  *field)
{
  g_autoptr(JsonObject) tried = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;

  if (self->outcome == NULL || field->when == NULL || outcome_mentions (self->outcome, field->id))
    return TRUE;

  tried = json_object_new ();
  names = json_object_get_members (self->answers);
  for (GList *n = names; n != NULL; n = n->next)
    json_object_set_member (tried, n->data, json_node_copy (json_object_get_member (self->answers, n->data)));
  if (field->type == CONCORDAT_FIELD_YES_NO)
    json_object_set_boolean_member (tried, field->id, TRUE);
  else if (field->type == CONCORDAT_FIELD_GROUPS)
    {
      JsonArray *one = json_array_new ();

      json_array_add_string_element (one, "?");
      json_object_set_array_member (tried, field->id, one);
    }
  else
    json_object_set_string_member (tried, field->id, "?");

  today = concordat_clock_today ();
  outcome = concordat_wizard_evaluate (self->wizard, self->store, tried, today, NULL);
  return outcome != NULL && outcome_mentions (outcome, field->id);
}

static FieldRow *
find_field_row (ConcordatWizardRunner *self,
                const char            *id)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldRow *fr = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (fr->field->id, id) == 0)
        return fr;
    }
  return NULL;
}

static gboolean
stopped_here (ConcordatWizardRunner *self)
{
  return self->outcome != NULL && self->outcome->stop != NULL && self->step != NULL &&
         g_strcmp0 (self->outcome->stop_step, self->step->id) == 0;
}

/* A boxed list with nothing left in it to show is hidden too. */
static void
hide_empty_lists (ConcordatWizardRunner *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean any = FALSE;

      if (!GTK_IS_LIST_BOX (child))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL; row = gtk_widget_get_next_sibling (row))
        any |= gtk_widget_get_visible (row);
      gtk_widget_set_visible (child, any);
    }
}

/* Shows what stands between this step and the next: wrong answers, in
 * the engine's words, and the questions still to answer.  Returns whether
 * anything does. */
static gboolean
show_problems (ConcordatWizardRunner *self)
{
  g_autoptr(GString) errors = g_string_new (self->failure);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  gboolean blocked = self->failure != NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldRow *fr = g_ptr_array_index (self->fields, i);

      if (fr->row != NULL)
        gtk_widget_remove_css_class (fr->row, "error");
    }

  for (guint i = 0; self->outcome != NULL && self->step != NULL && i < self->outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (self->outcome->problems, i);
      FieldRow *fr = find_field_row (self, problem->field);
      g_autofree char *message = NULL;

      if (g_strcmp0 (problem->step, self->step->id) != 0)
        continue;
      blocked = TRUE;
      if (fr != NULL && fr->empty != NULL)
        message = g_strdup (fr->empty);
      else if (fr != NULL && !is_answered (self, problem->field))
        {
          g_ptr_array_add (missing, (gpointer) fr->field->label);
          continue;
        }
      else
        message = clean_message (problem);
      if (fr != NULL && fr->row != NULL)
        gtk_widget_add_css_class (fr->row, "error");
      g_string_append_printf (errors, "%s%s", errors->len > 0 ? "\n" : "", message);
    }

  gtk_label_set_text (self->errors_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), errors->len > 0);

  if (missing->len > 0 && !stopped_here (self))
    {
      g_autofree char *hint = NULL;

      if (missing->len == 1)
        hint = g_strdup_printf (_("To go on, answer “%s”"), (const char *) missing->pdata[0]);
      else
        hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "To go on, answer “%s” and %u more question",
                                             "To go on, answer “%s” and %u more questions",
                                             missing->len - 1),
                                (const char *) missing->pdata[0], missing->len - 1);
      gtk_label_set_text (self->hint_label, hint);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), missing->len > 0 && !stopped_here (self));

  return blocked;
}

static guint
step_position (ConcordatWizardRunner *self)
{
  guint index;

  if (self->outcome != NULL && self->step != NULL &&
      g_ptr_array_find (self->outcome->steps, self->step, &index))
    return index;
  return G_MAXUINT;
}

static void
show_count (ConcordatWizardRunner *self)
{
  guint total = self->n_steps + 1;
  guint position = self->page == PAGE_SUMMARY ? total : step_position (self) + 1;
  g_autofree char *count = NULL;

  if (position == 0 || position > total)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }
  /* The summary counts as the last step. */
  count = g_strdup_printf (_("Step %u of %u"), position, total);
  gtk_label_set_text (self->count_label, count);
}

/* Puts what the answers come to on screen: the questions that apply,
 * what is wrong, how many steps there are, and what can be done next. */
static void
update (ConcordatWizardRunner *self)
{
  gboolean blocked = FALSE;
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->page == PAGE_STEP)
    {
      for (guint i = 0; i < self->fields->len; i++)
        {
          FieldRow *fr = g_ptr_array_index (self->fields, i);

          field_row_set_visible (fr, field_applies (self, fr->field));
        }
      hide_empty_lists (self);
      blocked = show_problems (self);
    }
  show_count (self);

  gtk_widget_action_set_enabled (widget, "runner.next",
                                 self->page == PAGE_STEP && (!blocked || stopped_here (self)));
  gtk_widget_action_set_enabled (widget, "runner.back",
                                 self->page != PAGE_STEP || (step_position (self) != G_MAXUINT &&
                                                             step_position (self) > 0));
  gtk_widget_action_set_enabled (widget, "runner.finish",
                                 self->page == PAGE_SUMMARY && self->outcome != NULL &&
                                 concordat_outcome_can_finish (self->outcome));
  gtk_widget_set_visible (self->next_button, self->page == PAGE_STEP);
  gtk_widget_set_visible (self->finish_button, self->page == PAGE_SUMMARY);
  gtk_widget_set_visible (self->action_bar, self->page != PAGE_STOP);

  /* Why Next cannot be pressed, read with it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->errors_label, self->hint_label, NULL,
                                  -1);
}

static void
save_draft (ConcordatWizardRunner *self)
{
  g_autoptr(GError) error = NULL;

  if (!concordat_record_save_draft (self->store, concordat_wizard_get_id (self->wizard), self->answers,
                                    self->step != NULL ? self->step->id : NULL, &error))
    g_warning ("Cannot keep the answers so far: %s", error->message);
}

static void
answer_changed (ConcordatWizardRunner *self)
{
  evaluate (self);
  update (self);
  save_draft (self);
}

/* --- the pages --- */

static void
scroll_to_top (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Makes the controls for @step's questions, in shared boxed lists where
 * a row asks them, each in its own list where it needs more room. */
static void
build_fields (ConcordatWizardRunner *self)
{
  GtkWidget *list = NULL;

  g_ptr_array_set_size (self->fields, 0);
  clear_box (self->fields_box);

  self->quiet = TRUE;
  for (guint i = 0; i < self->step->fields->len; i++)
    {
      FieldRow *fr = field_row_new (self, g_ptr_array_index (self->step->fields, i));

      g_ptr_array_add (self->fields, fr);
      if (GTK_IS_LIST_BOX_ROW (fr->widget))
        {
          if (list == NULL)
            {
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_box_append (self->fields_box, list);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), fr->widget);
        }
      else
        {
          gtk_box_append (self->fields_box, fr->widget);
          list = NULL;
        }
      if (fr->help != NULL)
        {
          gtk_box_append (self->fields_box, fr->help);
          list = NULL;
        }
    }
  self->quiet = FALSE;
}

static void
show_step (ConcordatWizardRunner *self,
           const ConcordatStep   *step)
{
  self->page = PAGE_STEP;
  self->step = step;

  gtk_label_set_text (self->step_title, step->title);
  gtk_label_set_text (self->step_help, step->help != NULL ? step->help : "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_help), step->help != NULL);
  build_fields (self);
  show_citations (self, self->citations_box, step->id, NULL);
  update (self);

  gtk_stack_set_visible_child_name (self->pages, "step");
  scroll_to_top (self->step_scroller);
  gtk_widget_child_focus (GTK_WIDGET (self->fields_box), GTK_DIR_TAB_FORWARD);
}

static void
show_stop (ConcordatWizardRunner *self)
{
  g_autofree char *reason = g_markup_escape_text (self->outcome->stop->reason, -1);

  self->page = PAGE_STOP;
  adw_status_page_set_description (self->stop_page, reason);
  show_citations (self, self->stop_citations_box, self->outcome->stop_step, self->outcome->stop->topic);
  update (self);
  gtk_stack_set_visible_child_name (self->pages, "stop");
  gtk_widget_grab_focus (self->go_back_button);
}

static void
summary_add (ConcordatWizardRunner *self,
             AdwPreferencesGroup   *group,
             const char            *title,
             const char            *subtitle)
{
  AdwActionRow *row = text_row_new (title, subtitle);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->summary_rows, row);
}

static void
clear_summary (ConcordatWizardRunner *self)
{
  for (guint i = 0; i < self->summary_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->summary_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->summary_rows, 0);
}

/* What Finish records: the summary, the notes, each duty with its due
 * date, and the changes to the briefing ledger. */
static void
fill_summary (ConcordatWizardRunner *self)
{
  const ConcordatOutcome *outcome = self->outcome;
  g_autofree char *summary = NULL;
  const char *topic = NULL;

  clear_summary (self);
  summary = g_markup_escape_text (outcome->summary != NULL ? outcome->summary : "", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);
  adw_action_row_set_title_lines (self->summary_row, 0);

  for (guint i = 0; i < outcome->notes->len; i++)
    summary_add (self, self->notes_group, g_ptr_array_index (outcome->notes, i), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), outcome->notes->len > 0);

  for (guint i = 0; i < outcome->duties->len; i++)
    {
      const ConcordatPlannedDuty *duty = g_ptr_array_index (outcome->duties, i);
      g_autofree char *date = describe_date (&duty->due);
      g_autofree char *due = g_strdup_printf (_("Due %s"), date);

      summary_add (self, self->duties_group, duty->title, due);
    }
  if (outcome->duties->len == 0)
    summary_add (self, self->duties_group, _("No duties follow from this"), NULL);

  for (guint i = 0; i < outcome->ledger->len; i++)
    {
      const ConcordatPlannedChange *change = g_ptr_array_index (outcome->ledger, i);

      summary_add (self, self->ledger_group, change->group, state_label (change->state));
      topic = change->topic;
    }
  if (topic != NULL)
    {
      g_autofree char *description = g_markup_escape_text (topic, -1);

      adw_preferences_group_set_description (self->ledger_group, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ledger_group), outcome->ledger->len > 0);
}

static void
show_summary (ConcordatWizardRunner *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  self->page = PAGE_SUMMARY;
  fill_summary (self);

  /* Problems no step shows, such as answers to questions since removed. */
  for (guint i = 0; i < self->outcome->problems->len; i++)
    {
      g_autofree char *message = clean_message (g_ptr_array_index (self->outcome->problems, i));

      g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", message);
    }
  gtk_label_set_text (self->finish_error_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_error_label), problems->len > 0);

  update (self);
  gtk_stack_set_visible_child_name (self->pages, "summary");
  scroll_to_top (self->summary_scroller);
  gtk_widget_grab_focus (self->finish_button);
}

/* --- the actions --- */

static void
go_next (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConcordatWizardRunner *self = CONCORDAT_WIZARD_RUNNER (widget);
  guint position = step_position (self);

  if (self->page != PAGE_STEP || self->outcome == NULL)
    return;
  if (stopped_here (self))
    show_stop (self);
  else if (position != G_MAXUINT && position + 1 < self->outcome->steps->len)
    show_step (self, g_ptr_array_index (self->outcome->steps, position + 1));
  else
    show_summary (self);
  save_draft (self);
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConcordatWizardRunner *self = CONCORDAT_WIZARD_RUNNER (widget);
  guint position = step_position (self);

  if (self->outcome == NULL || self->outcome->steps->len == 0)
    return;
  if (self->page == PAGE_STEP && position != G_MAXUINT && position > 0)
    show_step (self, g_ptr_array_index (self->outcome->steps, position - 1));
  else if (self->page == PAGE_SUMMARY)
    show_step (self, g_ptr_array_index (self->outcome->steps, self->outcome->steps->len - 1));
  else if (self->page == PAGE_STOP)
    show_step (self, self->step);
}

static void
close_runner (ConcordatWizardRunner *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
discard_and_close (ConcordatWizardRunner *self)
{
  g_autoptr(GError) error = NULL;

  if (!concordat_record_discard_draft (self->store, concordat_wizard_get_id (self->wizard), &error))
    g_warning ("Cannot discard the answers so far: %s", error->message);
  close_runner (self);
}

/* From a stop: nothing is recorded, and nothing kept to come back to. */
static void
close_stopped (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  discard_and_close (CONCORDAT_WIZARD_RUNNER (widget));
}

static void
cancel_response (AdwMessageDialog      *dialog,
                 const char            *response,
                 ConcordatWizardRunner *self)
{
  if (g_str_equal (response, "discard"))
    discard_and_close (self);
  else if (g_str_equal (response, "keep"))
    close_runner (self);
}

static void
cancel (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ConcordatWizardRunner *self = CONCORDAT_WIZARD_RUNNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (json_object_get_size (self->answers) == 0)
    {
      discard_and_close (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Keep your answers?"),
                                                       _("Kept, they are here to carry on from the next time you open this guidance.")));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "keep", _("_Keep"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  /* Escape goes back to the questions. */
  adw_message_dialog_set_close_response (dialog, "stay");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Nothing recorded: what was wrong, in the engine's words, or why the
 * store refused. */
static void
show_refusal (ConcordatWizardRunner  *self,
              const ConcordatOutcome *outcome,
              const GError           *error)
{
  g_autoptr(GString) text = g_string_new (_("Nothing was recorded."));

  if (outcome != NULL && outcome->stop != NULL)
    g_string_append_printf (text, " %s", outcome->stop->reason);
  else if (outcome != NULL && outcome->problems->len > 0)
    for (guint i = 0; i < outcome->problems->len; i++)
      {
        g_autofree char *message = clean_message (g_ptr_array_index (outcome->problems, i));

        g_string_append_printf (text, "\n%s", message);
      }
  else
    g_string_append_printf (text, " %s", error->message);

  gtk_label_set_text (self->finish_error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_error_label), TRUE);
}

static void
finish (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ConcordatWizardRunner *self = CONCORDAT_WIZARD_RUNNER (widget);
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = concordat_record_finish (self->store, self->wizard, self->answers, today, &outcome, &error);
  if (id <= 0)
    {
      show_refusal (self, outcome, error);
      /* What the answers come to now, with Finish as it now can be. */
      if (evaluate (self))
        fill_summary (self);
      update (self);
      return;
    }

  g_signal_emit (self, signals[RECORDED], 0, id, outcome->summary);
  close_runner (self);
}

/* --- the widget --- */

static void
concordat_wizard_runner_dispose (GObject *object)
{
  ConcordatWizardRunner *self = CONCORDAT_WIZARD_RUNNER (object);

  self->quiet = TRUE;
  if (self->fields != NULL)
    g_ptr_array_set_size (self->fields, 0);
  if (self->summary_rows != NULL)
    g_ptr_array_set_size (self->summary_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_WIZARD_RUNNER);

  g_clear_object (&self->store);
  g_clear_object (&self->wizard);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->answers, json_object_unref);
  g_clear_pointer (&self->outcome, concordat_outcome_free);
  g_clear_pointer (&self->failure, g_free);

  G_OBJECT_CLASS (concordat_wizard_runner_parent_class)->dispose (object);
}

static void
concordat_wizard_runner_finalize (GObject *object)
{
  ConcordatWizardRunner *self = CONCORDAT_WIZARD_RUNNER (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (concordat_wizard_runner_parent_class)->finalize (object);
}

static void
concordat_wizard_runner_class_init (ConcordatWizardRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_wizard_runner_dispose;
  object_class->finalize = concordat_wizard_runner_finalize;

  /**
   * ConcordatWizardRunner::closed:
   *
   * The run is over: finished, cancelled or stopped.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ConcordatWizardRunner::recorded:
   * @id: the action's row in the store
   * @summary: its summary
   *
   * Finish recorded the action; ::closed follows.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-wizard-runner.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, wizard_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, count_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, pages);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, step_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, step_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, columns);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, step_help);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, fields_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, errors_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, citations_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, stop_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, stop_citations_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, summary_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, summary_row);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, notes_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, duties_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, ledger_group);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, finish_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, action_bar);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, next_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, go_back_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, close_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWizardRunner, finish_button);

  gtk_widget_class_install_action (widget_class, "runner.next", NULL, go_next);
  gtk_widget_class_install_action (widget_class, "runner.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "runner.finish", NULL, finish);
  gtk_widget_class_install_action (widget_class, "runner.cancel", NULL, cancel);
  gtk_widget_class_install_action (widget_class, "runner.close", NULL, close_stopped);
}

static void
concordat_wizard_runner_init (ConcordatWizardRunner *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *mnemonic_buttons[6];

  gtk_widget_init_template (GTK_WIDGET (self));

  mnemonic_buttons[0] = self->next_button;
  mnemonic_buttons[1] = self->finish_button;
  mnemonic_buttons[2] = self->back_button;
  mnemonic_buttons[3] = self->cancel_button;
  mnemonic_buttons[4] = self->go_back_button;
  mnemonic_buttons[5] = self->close_button;

  /* GTK 4.8 names a button with a mnemonic both by its label's text and
   * by the label as written, underscore and all; the text is enough. */
  for (guint i = 0; i < G_N_ELEMENTS (mnemonic_buttons); i++)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (mnemonic_buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL);

  gtk_widget_set_layout_manager (self->columns,
                                 gtk_custom_layout_new (columns_request_mode, columns_measure, columns_allocate));
  self->fields = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();
  self->answers = json_object_new ();

  /* Without the labels, topics are headed by their ids. */
  self->topics = concordat_topics_load_default (&error);
  if (self->topics == NULL)
    g_warning ("Cannot load the topics: %s", error->message);

  /* A screen reader names the run by its wizard. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->wizard_label, NULL,
                                  -1);
}

/* Answers to questions the wizard no longer has are left behind, or they
 * would be problems no page could show. */
static void
take_answers (ConcordatWizardRunner *self,
              JsonObject            *answers)
{
  g_autoptr(GList) names = answers != NULL ? json_object_get_members (answers) : NULL;

  for (GList *n = names; n != NULL; n = n->next)
    if (concordat_wizard_find_field (self->wizard, n->data) != NULL)
      json_object_set_member (self->answers, n->data, json_node_copy (json_object_get_member (answers, n->data)));
}

/**
 * concordat_wizard_runner_new:
 * @store: the store the answers are checked against and recorded in
 * @wizard: the definition to run
 * @answers: (nullable): answers to start from, such as a draft's
 * @step: (nullable): the id of the step to start at, if it applies
 *
 * Returns: (transfer floating): a runner on its first page, or on @step
 */
ConcordatWizardRunner *
concordat_wizard_runner_new (ConcordatStore  *store,
                             ConcordatWizard *wizard,
                             JsonObject      *answers,
                             const char      *step)
{
  ConcordatWizardRunner *self;
  const ConcordatStep *start = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (CONCORDAT_IS_WIZARD (wizard), NULL);

  self = g_object_new (CONCORDAT_TYPE_WIZARD_RUNNER, NULL);
  self->store = g_object_ref (store);
  self->wizard = g_object_ref (wizard);
  take_answers (self, answers);
  gtk_label_set_text (self->wizard_label, concordat_wizard_get_title (wizard));

  if (!evaluate (self) || self->outcome->steps->len == 0)
    {
      /* Nothing to ask: the failure, on the summary, says why. */
      self->page = PAGE_SUMMARY;
      gtk_label_set_text (self->finish_error_label, self->failure != NULL ? self->failure : "");
      gtk_widget_set_visible (GTK_WIDGET (self->finish_error_label), TRUE);
      gtk_stack_set_visible_child_name (self->pages, "summary");
      update (self);
      return self;
    }

  for (guint i = 0; step != NULL && i < self->outcome->steps->len; i++)
    if (g_str_equal (((ConcordatStep *) g_ptr_array_index (self->outcome->steps, i))->id, step))
      start = g_ptr_array_index (self->outcome->steps, i);
  show_step (self, start != NULL ? start : g_ptr_array_index (self->outcome->steps, 0));

  return self;
}

ConcordatWizard *
concordat_wizard_runner_get_wizard (ConcordatWizardRunner *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD_RUNNER (self), NULL);

  return self->wizard;
}

/**
 * concordat_wizard_runner_get_answers:
 *
 * Returns: (transfer none): the answers as given so far
 */
JsonObject *
concordat_wizard_runner_get_answers (ConcordatWizardRunner *self)
{
  g_return_val_if_fail (CONCORDAT_IS_WIZARD_RUNNER (self), NULL);

  return self->answers;
}
