/* concordat-record-view.c: the Record view: every completed action,
 * searchable and filtered by wizard and period, each opening on a page of
 * its own with its answers, the paragraphs it cited and the duties it
 * created; and, beside them, the briefing ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-clock.h"
#include "concordat-error.h"
#include "concordat-ledger-view.h"
#include "concordat-record-model.h"
#include "concordat-record-view.h"

/* Narrower than this, the list leaves out the wizard, for the summary. */
#define NARROW_WIDTH 600

/* Wide enough for "12.10", so that the texts beside them line up. */
#define CITATION_WIDTH 64

typedef enum
{
  COLUMN_DATE,
  COLUMN_WIZARD,
  COLUMN_SUMMARY,
} Column;

/* The periods of the date filter, in the order of its list. */
typedef enum
{
  PERIOD_ANY,
  PERIOD_LAST_7_DAYS,
  PERIOD_LAST_30_DAYS,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
} Period;

struct _ConcordatRecordView
{
  AdwBin                parent_instance;

  GtkToggleButton      *actions_button;
  GtkToggleButton      *ledger_button;
  GtkStack             *sections;
  GtkStack             *actions_stack;
  GtkWidget            *list_page;
  GtkStack             *list_stack;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *wizard_filter;
  GtkDropDown          *date_filter;
  GtkLabel             *count_label;
  GtkColumnView        *actions_list;
  GtkColumnViewColumn  *date_column;
  GtkColumnViewColumn  *wizard_column;
  GtkColumnViewColumn  *summary_column;
  GtkButton            *back_button;
  GtkScrolledWindow    *detail_scroller;
  GtkLabel             *detail_summary;
  GtkLabel             *detail_meta;
  GtkLabel             *notes_heading;
  GtkListBox           *notes_list;
  GtkListBox           *answers_list;
  GtkLabel             *citations_heading;
  GtkListBox           *citations_list;
  GtkLabel             *duties_heading;
  GtkListBox           *duties_list;
  ConcordatLedgerView  *ledger_view;

  ConcordatStore       *store;
  ConcordatRecordModel *model;
  GPtrArray            *wizard_ids;    /* the wizard filter's choices after "All Wizards" */
  gint64                shown_action;  /* on the detail page; 0 when the list shows */
  gboolean              narrow;
};

G_DEFINE_FINAL_TYPE (ConcordatRecordView, concordat_record_view, ADW_TYPE_BIN)

/* A toast's title is markup; @message is text. */
static void
report (ConcordatRecordView *self,
        const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

/* An AdwActionRow showing text from the record, which is never markup. */
static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* --- the list --- */

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (column) == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  column)
{
  ConcordatActionItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *day = NULL;

  switch (GPOINTER_TO_INT (column))
    {
    case COLUMN_DATE:
      /* TRANSLATORS: a day in the record's list, as g_date_time_format() takes it */
      day = concordat_record_format_day (concordat_action_item_get_date (item), _("%-d %b %Y"));
      gtk_label_set_text (label, day);
      break;

    case COLUMN_WIZARD:
      gtk_label_set_text (label, concordat_action_item_get_wizard_title (item));
      break;

    case COLUMN_SUMMARY:
      gtk_label_set_text (label, concordat_action_item_get_summary (item));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), concordat_action_item_get_summary (item));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    Column               which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
}

static void
section_toggled (ConcordatRecordView *self)
{
  gtk_stack_set_visible_child_name (self->sections,
                                    gtk_toggle_button_get_active (self->actions_button) ? "actions" : "ledger");
}

/* The list slides away for an action's page and back; the rest changes
 * in place. */
static void
show_page (ConcordatRecordView *self,
           const char          *name)
{
  const char *shown = gtk_stack_get_visible_child_name (self->actions_stack);
  GtkStackTransitionType transition = GTK_STACK_TRANSITION_TYPE_NONE;

  if (g_str_equal (name, "detail"))
    transition = GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT;
  else if (g_strcmp0 (shown, "detail") == 0)
    transition = GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT;

  gtk_stack_set_visible_child_full (self->actions_stack, name, transition);
}

/* Which list the Actions section shows: nothing recorded, the list, or no
 * action the filters let through; and how many there are. */
static void
update_state (ConcordatRecordView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint all = concordat_record_model_get_n_recorded (self->model);
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "actions" : "no-match");

  if (n == all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", all), all);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action", "%u of %u actions", all), n, all);
  gtk_label_set_text (self->count_label, count);

  if (self->shown_action == 0)
    show_page (self, all > 0 ? "list" : "nothing");
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* The first and last day of @period, either %NULL for no limit. */
static void
period_days (Period   period,
             char   **from,
             char   **to)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GDate) start = g_date_copy (today);
  g_autoptr(GDate) end = NULL;

  switch (period)
    {
    case PERIOD_ANY:
      return;

    case PERIOD_LAST_7_DAYS:
      g_date_subtract_days (start, 6);
      break;

    case PERIOD_LAST_30_DAYS:
      g_date_subtract_days (start, 29);
      break;

    case PERIOD_THIS_YEAR:
      g_date_set_dmy (start, 1, G_DATE_JANUARY, g_date_get_year (today));
      break;

    case PERIOD_LAST_YEAR:
      g_date_set_dmy (start, 1, G_DATE_JANUARY, g_date_get_year (today) - 1);
      end = g_date_new_dmy (31, G_DATE_DECEMBER, g_date_get_year (today) - 1);
      break;

    default:
      g_assert_not_reached ();
    }

  *from = format_date (start);
  *to = end != NULL ? format_date (end) : NULL;
}

/* GTK 4.8 leaves the button inside a drop-down without a name: it is
 * given the drop-down's, with what is chosen. */
static void
name_drop_down_button (GtkDropDown *drop_down,
                       const char  *name)
{
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *label = NULL;

  if (chosen == NULL)
    return;

  /* TRANSLATORS: a filter to a screen reader: its name, then what is chosen */
  label = g_strdup_printf (_("%s: %s"), name, gtk_string_object_get_string (chosen));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
filter_changed (ConcordatRecordView *self)
{
  guint wizard = gtk_drop_down_get_selected (self->wizard_filter);
  guint period = gtk_drop_down_get_selected (self->date_filter);
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  ConcordatActionFilter filter = { NULL, NULL, NULL, search };

  name_drop_down_button (self->wizard_filter, _("Wizard"));
  name_drop_down_button (self->date_filter, _("Period"));

  if (self->model == NULL)
    return;

  if (wizard != GTK_INVALID_LIST_POSITION && wizard > 0 && wizard <= self->wizard_ids->len)
    filter.wizard = g_ptr_array_index (self->wizard_ids, wizard - 1);
  if (period != GTK_INVALID_LIST_POSITION)
    period_days ((Period)period, &from, &to);
  filter.from = from;
  filter.to = to;

  concordat_record_model_set_filter (self->model, &filter);
  update_state (self);
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConcordatRecordView *self = CONCORDAT_RECORD_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->wizard_filter, 0);
  gtk_drop_down_set_selected (self->date_filter, PERIOD_ANY);
  filter_changed (self);
}

static void
search_stopped (ConcordatRecordView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Long titles are cut short on the button, so that the filters fit a
 * phone; the list that drops down shows them whole. */
static void
filter_label_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
filter_label_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
filter_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (filter_label_setup), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (filter_label_bind), GINT_TO_POINTER (ellipsize));
  return factory;
}

static void
set_filter_factories (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = filter_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list = filter_factory_new (FALSE);

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

static void
fill_wizard_filter (ConcordatRecordView *self)
{
  GPtrArray *wizards = concordat_record_model_get_wizards (self->model);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_string_list_append (titles, _("All Wizards"));
  for (guint i = 0; i < wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (wizards, i);

      gtk_string_list_append (titles, concordat_wizard_get_title (wizard));
      g_ptr_array_add (self->wizard_ids, g_strdup (concordat_wizard_get_id (wizard)));
    }

  gtk_drop_down_set_model (self->wizard_filter, G_LIST_MODEL (titles));
}

static void
focus_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConcordatRecordView *self = CONCORDAT_RECORD_VIEW (widget);

  gtk_toggle_button_set_active (self->actions_button, TRUE);
  gtk_widget_activate_action (widget, "record.back", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- an action's page --- */

static char *
answer_text (const ConcordatField *field,
             JsonNode             *node);

static char *
join_array (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *part = answer_text (NULL, json_array_get_element (array, i));

      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, part);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
choice_label (const ConcordatField *field,
              const char           *value)
{
  for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
    {
      const ConcordatChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        return choice->label;
    }

  return value;
}

/* An answer in words: @field says what kind it is, when the wizard is
 * known; otherwise the JSON speaks for itself. */
static char *
answer_text (const ConcordatField *field,
             JsonNode             *node)
{
  GType type = json_node_get_value_type (node);

  if (JSON_NODE_HOLDS_ARRAY (node))
    return join_array (json_node_get_array (node));

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

  if (type != G_TYPE_STRING)
    return json_to_string (node, FALSE);

  if (field != NULL && field->type == CONCORDAT_FIELD_CHOICE)
    return g_strdup (choice_label (field, json_node_get_string (node)));

  if (field != NULL && field->type == CONCORDAT_FIELD_DATE)
    /* TRANSLATORS: a date on an action's page, as g_date_time_format() takes it */
    return concordat_record_format_day (json_node_get_string (node), _("%A %-d %B %Y"));

  return g_strdup (json_node_get_string (node));
}

/* The question small above the answer, as a form shows it. */
static GtkWidget *
answer_row_new (const char *question,
                const char *answer)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (question);
  GtkWidget *value = gtk_label_new (answer);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, value, NULL,
                                  -1);
  return row;
}

static void
add_answer (ConcordatRecordView  *self,
            const ConcordatField *field,
            const char           *member,
            JsonNode             *node)
{
  g_autofree char *text = answer_text (field, node);

  gtk_list_box_append (self->answers_list, answer_row_new (field != NULL ? field->label : member, text));
}

/* In the order the wizard asks them, then any it no longer asks. */
static void
show_answers (ConcordatRecordView *self,
              ConcordatWizard     *wizard,
              const char          *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) members = NULL;
  JsonObject *answers;

  remove_rows (self->answers_list);

  if (!json_parser_load_from_data (parser, json, -1, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      gtk_list_box_append (self->answers_list, answer_row_new (_("As recorded"), json));
      return;
    }
  answers = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; wizard != NULL && i < concordat_wizard_get_steps (wizard)->len; i++)
    {
      const ConcordatStep *step = g_ptr_array_index (concordat_wizard_get_steps (wizard), i);

      for (guint j = 0; j < step->fields->len; j++)
        {
          const ConcordatField *field = g_ptr_array_index (step->fields, j);

          if (!json_object_has_member (answers, field->id) || g_hash_table_contains (shown, field->id))
            continue;
          add_answer (self, field, field->id, json_object_get_member (answers, field->id));
          g_hash_table_add (shown, field->id);
        }
    }

  members = json_object_get_members (answers);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_hash_table_contains (shown, l->data))
        add_answer (self, NULL, l->data, json_object_get_member (answers, l->data));
    }
}

static void
show_notes (ConcordatRecordView *self,
            GPtrArray           *notes)
{
  remove_rows (self->notes_list);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    gtk_list_box_append (self->notes_list, text_row_new (g_ptr_array_index (notes, i), NULL));

  gtk_widget_set_visible (GTK_WIDGET (self->notes_heading), notes != NULL && notes->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), notes != NULL && notes->len > 0);
}

static GtkWidget *
citation_row_new (const ConcordatCitation *citation)
{
  GtkWidget *row = text_row_new (citation->text, NULL);
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  GtkWidget *button;

  /* Without a citation the text says the protocol had nothing on it. */
  if (citation->citation == NULL)
    return row;

  target = g_strdup_printf ("%s/%s", citation->document, citation->citation);
  name = g_strdup_printf (_("Open paragraph %s"), citation->citation);
  button = gtk_button_new_with_label (citation->citation);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (button, CITATION_WIDTH, -1);
  gtk_widget_set_tooltip_text (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-paragraph");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "citation");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

/* Each paragraph once, though several steps may have cited it. */
static void
show_citations (ConcordatRecordView *self,
                GPtrArray           *citations)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  remove_rows (self->citations_list);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (citations, i);
      char *key = g_strdup_printf ("%s\n%s", citation->document,
                                   citation->citation != NULL ? citation->citation : citation->text);

      if (!g_hash_table_add (shown, key))
        continue;
      gtk_list_box_append (self->citations_list, citation_row_new (citation));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->citations_heading), citations != NULL && citations->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->citations_list), citations != NULL && citations->len > 0);
}

/* "Done on 24 December 2026", in the reader's time zone. */
static char *
done_text (const char *done_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (done_at, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (utc == NULL)
    return g_strdup (_("Done"));

  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, _("%-d %B %Y"));
  return g_strdup_printf (_("Done on %s"), day);
}

static char *
duty_text (const ConcordatDuty *duty)
{
  /* TRANSLATORS: a due date, as g_date_time_format() takes it */
  g_autofree char *due = concordat_record_format_day (duty->due, _("%A %-d %B %Y"));
  g_autofree char *snoozed = concordat_record_format_day (duty->snoozed_until, _("%-d %B %Y"));
  g_autofree char *state = NULL;

  if (duty->status == CONCORDAT_DUTY_DONE)
    state = done_text (duty->done_at);
  else if (snoozed != NULL)
    state = g_strdup_printf (duty->status == CONCORDAT_DUTY_OVERDUE ? _("Overdue, put off to %s") : _("Put off to %s"),
                             snoozed);
  else
    state = g_strdup (duty->status == CONCORDAT_DUTY_OVERDUE ? _("Overdue") : _("Pending"));

  /* TRANSLATORS: a duty's due date, then its state, such as "Pending" */
  return g_strdup_printf (_("Due %s · %s"), due, state);
}

static void
show_duties (ConcordatRecordView *self,
             GPtrArray           *duties)
{
  remove_rows (self->duties_list);
  for (guint i = 0; duties != NULL && i < duties->len; i++)
    {
      const ConcordatDuty *duty = g_ptr_array_index (duties, i);
      g_autofree char *text = duty_text (duty);

      gtk_list_box_append (self->duties_list, text_row_new (duty->title, text));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->duties_heading), duties != NULL && duties->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->duties_list), duties != NULL && duties->len > 0);
}

static gboolean
load_detail (ConcordatRecordView  *self,
             gint64                id,
             GError              **error)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(ConcordatAction) action = concordat_record_get_action (self->store, id, today, error);
  g_autofree char *day = NULL;
  g_autofree char *meta = NULL;

  if (action == NULL)
    return FALSE;

  /* TRANSLATORS: the day an action was recorded, as g_date_time_format() takes it */
  day = concordat_record_format_day (action->date, _("%A %-d %B %Y"));
  /* TRANSLATORS: the day an action was recorded, then the wizard's title */
  meta = g_strdup_printf (_("%s · %s"), day, concordat_record_model_get_wizard_title (self->model, action->wizard));
  gtk_label_set_text (self->detail_summary, action->summary);
  gtk_label_set_text (self->detail_meta, meta);

  show_notes (self, action->notes);
  show_answers (self, concordat_record_model_find_wizard (self->model, action->wizard), action->answers);
  show_citations (self, action->citations);
  show_duties (self, action->duties);

  self->shown_action = id;
  return TRUE;
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConcordatRecordView *self = CONCORDAT_RECORD_VIEW (widget);

  if (self->shown_action == 0)
    return;

  self->shown_action = 0;
  update_state (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->actions_list)))
    gtk_widget_grab_focus (GTK_WIDGET (self->actions_list));
}

static void
show_detail (ConcordatRecordView *self,
             gint64               id)
{
  g_autoptr(GError) error = NULL;

  if (!load_detail (self, id, &error))
    {
      report (self, error->message);
      return;
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  show_page (self, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

static void
action_activated (ConcordatRecordView *self,
                  guint                position)
{
  g_autoptr(ConcordatActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    show_detail (self, concordat_action_item_get_id (item));
}

/* The record changed under the page: it shows the action as it is now, or
 * the list when the action has been removed. */
static void
record_changed (ConcordatRecordView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->shown_action == 0 || load_detail (self, self->shown_action, &error))
    return;

  if (!g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND))
    report (self, error->message);
  self->shown_action = 0;
  update_state (self);
}

/* --- the view --- */

static void
concordat_record_view_dispose (GObject *object)
{
  ConcordatRecordView *self = CONCORDAT_RECORD_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_RECORD_VIEW);

  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->wizard_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (concordat_record_view_parent_class)->dispose (object);
}

static void
concordat_record_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  gtk_widget_measure (adw_bin_get_child (ADW_BIN (widget)), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* A phone has room for the day and the summary, which says what the
 * wizard was; the column view then needs no scrolling sideways.  Only the
 * list's own allocation changes, so this settles in the same layout. */
static void
concordat_record_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ConcordatRecordView *self = CONCORDAT_RECORD_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      gtk_column_view_column_set_visible (self->wizard_column, !narrow);
    }

  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

static void
concordat_record_view_class_init (ConcordatRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_record_view_dispose;
  widget_class->measure = concordat_record_view_measure;
  widget_class->size_allocate = concordat_record_view_size_allocate;

  g_type_ensure (CONCORDAT_TYPE_LEDGER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, actions_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, ledger_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, sections);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, actions_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, list_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, wizard_filter);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, date_filter);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, date_column);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, wizard_column);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, summary_column);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, detail_summary);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, notes_heading);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, notes_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, answers_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, citations_heading);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, citations_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, duties_heading);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, duties_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatRecordView, ledger_view);
  gtk_widget_class_bind_template_callback (widget_class, section_toggled);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, action_activated);

  gtk_widget_class_install_action (widget_class, "record.search", NULL, focus_search);
  gtk_widget_class_install_action (widget_class, "record.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "record.clear-filters", NULL, clear_filters);
}

static void
concordat_record_view_init (ConcordatRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Measured and allocated by the class, not by AdwBin's layout manager,
   * to follow the width. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->wizard_ids = g_ptr_array_new_with_free_func (g_free);

  set_column_factory (self->date_column, COLUMN_DATE);
  set_column_factory (self->wizard_column, COLUMN_WIZARD);
  set_column_factory (self->summary_column, COLUMN_SUMMARY);
  set_filter_factories (self->wizard_filter);
  set_filter_factories (self->date_filter);

  /* Typing in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);
}

/**
 * concordat_record_view_set_store:
 * @store: the record to show, which the view keeps and follows
 */
void
concordat_record_view_set_store (ConcordatRecordView *self,
                                 ConcordatStore      *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CONCORDAT_IS_RECORD_VIEW (self));
  g_return_if_fail (CONCORDAT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->model = concordat_record_model_new (store);
  fill_wizard_filter (self);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->actions_list, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-recorded", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::record", G_CALLBACK (record_changed), self, G_CONNECT_SWAPPED);

  concordat_ledger_view_set_store (self->ledger_view, store);
  filter_changed (self);
  update_state (self);
}

/**
 * concordat_record_view_get_model:
 *
 * Returns: (transfer none) (nullable): the actions listed, once the view
 *   has a store
 */
ConcordatRecordModel *
concordat_record_view_get_model (ConcordatRecordView *self)
{
  g_return_val_if_fail (CONCORDAT_IS_RECORD_VIEW (self), NULL);

  return self->model;
}

/**
 * concordat_record_view_show_action:
 * @id: an action's row in the store
 *
 * Shows the Actions section at the action's own page; or, when it cannot
 * be read, says why in a toast.
 */
void
concordat_record_view_show_action (ConcordatRecordView *self,
                                   gint64               id)
{
  g_return_if_fail (CONCORDAT_IS_RECORD_VIEW (self));
  g_return_if_fail (self->store != NULL);

  gtk_toggle_button_set_active (self->actions_button, TRUE);
  show_detail (self, id);
}
