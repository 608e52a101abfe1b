/* concordat-wizard-runner-pages.c: what each of the runner's pages shows:
 * a step's questions beside what the protocol says, the page a stop ends
 * on, and the summary of what Finish records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-topics.h"
#include "concordat-wizard-fields.h"
#include "concordat-wizard-runner-private.h"

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
      row = concordat_wizard_runner_text_row_new (citation->text, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
      return GTK_WIDGET (row);
    }

  row = concordat_wizard_runner_text_row_new (citation->citation, citation->text);
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

/* --- a step, or where it stopped --- */

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
      ConcordatFieldRow *fr = concordat_field_row_new (self, g_ptr_array_index (self->step->fields, i));

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

void
concordat_wizard_runner_show_step (ConcordatWizardRunner *self,
                                   const ConcordatStep   *step)
{
  self->page = PAGE_STEP;
  self->step = step;

  gtk_label_set_text (self->step_title, step->title);
  gtk_label_set_text (self->step_help, step->help != NULL ? step->help : "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_help), step->help != NULL);
  build_fields (self);
  show_citations (self, self->citations_box, step->id, NULL);
  concordat_wizard_runner_update (self);

  gtk_stack_set_visible_child_name (self->pages, "step");
  scroll_to_top (self->step_scroller);
  gtk_widget_child_focus (GTK_WIDGET (self->fields_box), GTK_DIR_TAB_FORWARD);
}

void
concordat_wizard_runner_show_stop (ConcordatWizardRunner *self)
{
  g_autofree char *reason = g_markup_escape_text (self->outcome->stop->reason, -1);

  self->page = PAGE_STOP;
  adw_status_page_set_description (self->stop_page, reason);
  show_citations (self, self->stop_citations_box, self->outcome->stop_step, self->outcome->stop->topic);
  concordat_wizard_runner_update (self);
  gtk_stack_set_visible_child_name (self->pages, "stop");
  gtk_widget_grab_focus (self->go_back_button);
}

/* --- the summary --- */

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

static void
summary_add (ConcordatWizardRunner *self,
             AdwPreferencesGroup   *group,
             const char            *title,
             const char            *subtitle)
{
  AdwActionRow *row = concordat_wizard_runner_text_row_new (title, subtitle);

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
void
concordat_wizard_runner_fill_summary (ConcordatWizardRunner *self)
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
      g_autofree char *date = concordat_wizard_runner_describe_date (&duty->due);
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

void
concordat_wizard_runner_show_summary (ConcordatWizardRunner *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  self->page = PAGE_SUMMARY;
  concordat_wizard_runner_fill_summary (self);

  /* Problems no step shows, such as answers to questions since removed. */
  for (guint i = 0; i < self->outcome->problems->len; i++)
    {
      g_autofree char *message = concordat_wizard_runner_clean_message (g_ptr_array_index (self->outcome->problems, i));

      g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", message);
    }
  gtk_label_set_text (self->finish_error_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_error_label), problems->len > 0);

  concordat_wizard_runner_update (self);
  gtk_stack_set_visible_child_name (self->pages, "summary");
  scroll_to_top (self->summary_scroller);
  gtk_widget_grab_focus (self->finish_button);
}
