/* concordat-wizard-runner.c: one wizard run as pages, rendered from its
 * definition: a page for each step that applies to the answers so far, the
 * page a stop ends on, and a summary of what Finish records.
 *
 * Every change to an answer goes back to the engine
 * (concordat_wizard_evaluate), which decides which steps and questions
 * apply, what is wrong with the answers and what the protocol says; the
 * answers are kept as a draft at once, so that closing loses nothing.
 *
 * Here: working the answers out, the buttons' actions and the widget.
 * The questions' controls are in concordat-wizard-fields.c, the pages in
 * concordat-wizard-runner-pages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-clock.h"
#include "concordat-record.h"
#include "concordat-record-model.h"
#include "concordat-topics.h"
#include "concordat-wizard-fields.h"
#include "concordat-wizard-runner-private.h"

/* From this width the protocol sits beside the questions, with this share
 * of the width; below it, under them. */
#define WIDE_WIDTH     760
#define SIDE_SHARE     0.4
#define COLUMN_SPACING 36
#define STACK_SPACING  30

G_DEFINE_FINAL_TYPE (ConcordatWizardRunner, concordat_wizard_runner, ADW_TYPE_BIN)

enum {
  CLOSED,
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- text for people --- */

/* "Tuesday 29 December 2026". */
char *
concordat_wizard_runner_describe_date (const GDate *date)
{
  return concordat_format_date (date, "%A %-d %B %Y");
}

/* The engine's message without the answer's key in front, as a sentence. */
char *
concordat_wizard_runner_clean_message (const ConcordatProblem *problem)
{
  const char *text = problem->message;
  g_autofree char *prefix = problem->field != NULL ? g_strconcat (problem->field, ": ", NULL) : NULL;
  g_autofree char *first = NULL;

  if (prefix != NULL && g_str_has_prefix (text, prefix))
    text += strlen (prefix);
  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* Row titles and subtitles are markup; the wizards' text is text. */
void
concordat_wizard_runner_set_row_text (AdwPreferencesRow *row,
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

AdwActionRow *
concordat_wizard_runner_text_row_new (const char *title,
                                      const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  concordat_wizard_runner_set_row_text (ADW_PREFERENCES_ROW (row), title, subtitle);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_set_subtitle_lines (row, 0);
  return row;
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

static ConcordatFieldRow *
find_field_row (ConcordatWizardRunner *self,
                const char            *id)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      ConcordatFieldRow *fr = g_ptr_array_index (self->fields, i);

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

/* The questions still to answer, by the first of them; none is asked for
 * on a step that stops the run. */
static void
show_missing (ConcordatWizardRunner *self,
              GPtrArray             *missing)
{
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
      ConcordatFieldRow *fr = g_ptr_array_index (self->fields, i);

      if (fr->row != NULL)
        gtk_widget_remove_css_class (fr->row, "error");
    }

  for (guint i = 0; self->outcome != NULL && self->step != NULL && i < self->outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (self->outcome->problems, i);
      ConcordatFieldRow *fr = find_field_row (self, problem->field);
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
        message = concordat_wizard_runner_clean_message (problem);
      if (fr != NULL && fr->row != NULL)
        gtk_widget_add_css_class (fr->row, "error");
      g_string_append_printf (errors, "%s%s", errors->len > 0 ? "\n" : "", message);
    }

  gtk_label_set_text (self->errors_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), errors->len > 0);
  show_missing (self, missing);

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
void
concordat_wizard_runner_update (ConcordatWizardRunner *self)
{
  gboolean blocked = FALSE;
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->page == PAGE_STEP)
    {
      for (guint i = 0; i < self->fields->len; i++)
        {
          ConcordatFieldRow *fr = g_ptr_array_index (self->fields, i);

          concordat_field_row_set_visible (fr, field_applies (self, fr->field));
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

void
concordat_wizard_runner_answer_changed (ConcordatWizardRunner *self)
{
  evaluate (self);
  concordat_wizard_runner_update (self);
  save_draft (self);
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
    concordat_wizard_runner_show_stop (self);
  else if (position != G_MAXUINT && position + 1 < self->outcome->steps->len)
    concordat_wizard_runner_show_step (self, g_ptr_array_index (self->outcome->steps, position + 1));
  else
    concordat_wizard_runner_show_summary (self);
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
    concordat_wizard_runner_show_step (self, g_ptr_array_index (self->outcome->steps, position - 1));
  else if (self->page == PAGE_SUMMARY)
    concordat_wizard_runner_show_step (self, g_ptr_array_index (self->outcome->steps, self->outcome->steps->len - 1));
  else if (self->page == PAGE_STOP)
    concordat_wizard_runner_show_step (self, self->step);
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
        g_autofree char *message = concordat_wizard_runner_clean_message (g_ptr_array_index (outcome->problems, i));

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
        concordat_wizard_runner_fill_summary (self);
      concordat_wizard_runner_update (self);
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
bind_template (GtkWidgetClass *widget_class)
{
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
  bind_template (widget_class);

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
      concordat_wizard_runner_update (self);
      return self;
    }

  for (guint i = 0; step != NULL && i < self->outcome->steps->len; i++)
    if (g_str_equal (((ConcordatStep *) g_ptr_array_index (self->outcome->steps, i))->id, step))
      start = g_ptr_array_index (self->outcome->steps, i);
  concordat_wizard_runner_show_step (self, start != NULL ? start : g_ptr_array_index (self->outcome->steps, 0));

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
