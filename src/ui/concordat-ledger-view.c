/* concordat-ledger-view.c: the briefing ledger: a row for each topic a
 * party group asked to be briefed on, a column for each group, and in each
 * cell what the group was offered and when.  A cell is a button whose menu
 * records what happened next, with today's date.
 *
 * A gap (a group not yet offered what another had, when the council offers
 * briefings to all) is marked in words as well as in colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-ledger-view.h"
#include "concordat-record.h"
#include "concordat-record-model.h"

#define CELL_WIDTH  140
#define TOPIC_WIDTH 180

struct _ConcordatLedgerView
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  GtkLabel       *rule_label;
  GtkGrid        *grid;

  ConcordatStore *store;
  guint           reload_source;
};

G_DEFINE_FINAL_TYPE (ConcordatLedgerView, concordat_ledger_view, ADW_TYPE_BIN)

/**
 * concordat_ledger_state_to_words:
 * @state: a state from concordat_ledger_list_states(), or "not-offered"
 *
 * Returns: (transfer none): the state as the ledger shows it
 */
const char *
concordat_ledger_state_to_words (const char *state)
{
  static const struct
  {
    const char *state;
    const char *words;
  } names[] = {
    { "requested", N_("Requested") },
    { "to-offer", N_("To offer") },
    { "offered", N_("Offered") },
    { "accepted", N_("Accepted") },
    { "declined", N_("Declined") },
    { "delivered", N_("Delivered") },
    { "available-on-request", N_("Available on request") },
    { "not-offered", N_("Not offered") },
  };

  g_return_val_if_fail (state != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (names[i].state, state))
        return _(names[i].words);
    }

  return state;
}

/* A toast's title is markup; @message is text. */
static void
report (ConcordatLedgerView *self,
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

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* What usually happens next: the states that settle a duty to offer. */
static const char * const next_states[] = { "offered", "accepted", "declined", "delivered", NULL };

static void
add_state (GMenu      *section,
           const char *topic,
           const char *group,
           const char *state)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (concordat_ledger_state_to_words (state), NULL);

  g_menu_item_set_action_and_target (item, "ledger.set-state", "(sss)", topic, group, state);
  g_menu_append_item (section, item);
}

/* The states a cell can be changed to, every one but its own: first what
 * usually happens next, then the rest. */
static GMenuModel *
cell_menu_new (const char                *topic,
               const ConcordatLedgerCell *cell)
{
  const char * const *states = concordat_ledger_list_states ();
  g_autoptr(GMenu) next = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  GMenu *menu = g_menu_new ();

  for (guint i = 0; states[i] != NULL; i++)
    {
      if (!g_str_equal (states[i], cell->state))
        add_state (g_strv_contains (next_states, states[i]) ? next : others, topic, cell->group, states[i]);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (next));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
cell_content_new (const ConcordatLedgerCell *cell)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *day = NULL;

  gtk_box_append (GTK_BOX (box), label_new (concordat_ledger_state_to_words (cell->state), "heading"));

  /* TRANSLATORS: the day of a state in the ledger, as g_date_time_format() takes it */
  day = concordat_record_format_day (cell->date, _("%-d %b %Y"));
  if (day != NULL)
    gtk_box_append (GTK_BOX (box), label_new (day, "caption"));

  if (cell->gap)
    {
      GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      gtk_box_append (GTK_BOX (mark), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (mark), label_new (_("Not yet offered"), "caption"));
      gtk_widget_add_css_class (mark, "gap-mark");
      gtk_box_append (GTK_BOX (box), mark);
    }

  return box;
}

/* Once: a widget may be told more than once that it is being destroyed. */
static void
unparent_menu (GtkWidget *button)
{
  GtkWidget *menu = g_object_steal_data (G_OBJECT (button), "menu");

  if (menu != NULL)
    gtk_widget_unparent (menu);
}

static void
open_menu (GtkButton *button)
{
  GtkWidget *menu = g_object_get_data (G_OBJECT (button), "menu");

  gtk_popover_popup (GTK_POPOVER (menu));
}

static GtkWidget *
cell_button_new (const ConcordatLedgerTopic *topic,
                 const ConcordatLedgerCell  *cell)
{
  GtkWidget *button = gtk_button_new ();
  g_autoptr(GMenuModel) model = cell_menu_new (topic->topic, cell);
  GtkWidget *menu = gtk_popover_menu_new_from_model (model);
  const char *state = concordat_ledger_state_to_words (cell->state);
  g_autofree char *day = concordat_record_format_day (cell->date, _("%-d %B %Y"));
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  gtk_button_set_child (GTK_BUTTON (button), cell_content_new (cell));
  gtk_widget_set_size_request (button, CELL_WIDTH, -1);
  gtk_widget_add_css_class (button, "ledger-cell");
  gtk_widget_set_tooltip_text (button, _("Record what happened, with today’s date"));

  /* A menu button would centre the cell's text; this one keeps it left. */
  gtk_widget_set_parent (menu, button);
  gtk_popover_set_position (GTK_POPOVER (menu), GTK_POS_BOTTOM);
  g_object_set_data (G_OBJECT (button), "menu", menu);
  g_signal_connect (button, "clicked", G_CALLBACK (open_menu), NULL);
  g_signal_connect (button, "destroy", G_CALLBACK (unparent_menu), NULL);

  /* TRANSLATORS: a cell of the briefing ledger to a screen reader: the
   * topic, the party group, then its state, such as "To offer" */
  name = g_strdup_printf (_("%s, %s: %s"), topic->topic, cell->group, state);
  if (cell->gap)
    {
      gtk_widget_add_css_class (button, "ledger-gap");
      description = day != NULL ? g_strdup_printf (_("Since %s. Not yet offered."), day)
                                : g_strdup (_("Not yet offered."));
    }
  else if (day != NULL)
    description = g_strdup_printf (_("Since %s."), day);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  g_object_set_data_full (G_OBJECT (button), "topic", g_strdup (topic->topic), g_free);
  g_object_set_data_full (G_OBJECT (button), "group", g_strdup (cell->group), g_free);
  return button;
}

static GtkWidget *
topic_header_new (const ConcordatLedgerTopic *topic)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *day = concordat_record_format_day (topic->date, _("%-d %b %Y"));
  g_autofree char *asked = NULL;

  gtk_box_append (GTK_BOX (box), label_new (topic->topic, "heading"));
  if (topic->requested_by != NULL)
    /* TRANSLATORS: under a briefing topic: the party group that asked, then the day */
    asked = g_strdup_printf (_("Asked for by %s on %s"), topic->requested_by, day);
  else
    asked = g_strdup_printf (_("Since %s"), day);
  gtk_box_append (GTK_BOX (box), label_new (asked, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  gtk_widget_set_size_request (box, TOPIC_WIDTH, -1);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  return box;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* Every group with a cell on any topic, by name as the ledger orders them. */
static GPtrArray *
list_columns (GPtrArray *topics)
{
  GPtrArray *groups = g_ptr_array_new ();

  for (guint i = 0; i < topics->len; i++)
    {
      ConcordatLedgerTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < topic->cells->len; j++)
        {
          ConcordatLedgerCell *cell = g_ptr_array_index (topic->cells, j);

          if (!g_ptr_array_find_with_equal_func (groups, cell->group, g_str_equal, NULL))
            g_ptr_array_add (groups, cell->group);
        }
    }
  g_ptr_array_sort (groups, compare_names);

  return groups;
}

static void
add_headers (ConcordatLedgerView *self,
             GPtrArray           *groups)
{
  GtkWidget *corner = label_new (_("Topic"), "heading");

  gtk_widget_set_valign (corner, GTK_ALIGN_END);
  gtk_grid_attach (self->grid, corner, 0, 0, 1, 1);

  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *label = label_new (g_ptr_array_index (groups, i), "heading");

      gtk_widget_set_size_request (label, CELL_WIDTH, -1);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_set_margin_start (label, 10);
      gtk_grid_attach (self->grid, label, i + 1, 0, 1, 1);
    }
}

static void
add_topic (ConcordatLedgerView        *self,
           const ConcordatLedgerTopic *topic,
           GPtrArray                  *groups,
           int                         row)
{
  gtk_grid_attach (self->grid, topic_header_new (topic), 0, row, 1, 1);

  for (guint j = 0; j < topic->cells->len; j++)
    {
      ConcordatLedgerCell *cell = g_ptr_array_index (topic->cells, j);
      guint column = 0;

      if (g_ptr_array_find_with_equal_func (groups, cell->group, g_str_equal, &column))
        gtk_grid_attach (self->grid, cell_button_new (topic, cell), column + 1, row, 1, 1);
    }
}

static void
show_rule (ConcordatLedgerView *self)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;

  council = concordat_council_load (self->store, &error);
  if (council == NULL)
    {
      report (self, error->message);
      return;
    }

  if (council->briefing_rule == CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL)
    gtk_label_set_text (self->rule_label,
                        _("Your council offers a briefing given to one party group to every other group. "
                          "A group not yet offered one is marked as a gap. Choose a cell to record what happened."));
  else
    gtk_label_set_text (self->rule_label,
                        _("Your council makes a briefing given to one party group available to the others "
                          "when they ask. Choose a cell to record what happened."));
}

/* The cell with the keyboard focus, to give it back once it is rebuilt. */
static GtkWidget *
find_cell (ConcordatLedgerView *self,
           const char          *topic,
           const char          *group)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));
       child != NULL && topic != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "topic"), topic) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "group"), group) == 0)
        return child;
    }

  return NULL;
}

static GtkWidget *
focused_cell (ConcordatLedgerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)))
    return NULL;

  return gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON);
}

static void
reload (ConcordatLedgerView *self)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = focused_cell (self);
  g_autofree char *focus_topic = focus != NULL ? g_strdup (g_object_get_data (G_OBJECT (focus), "topic")) : NULL;
  g_autofree char *focus_group = focus != NULL ? g_strdup (g_object_get_data (G_OBJECT (focus), "group")) : NULL;
  GtkWidget *child;

  topics = concordat_record_ledger (self->store, &error);
  if (topics == NULL)
    {
      report (self, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  groups = list_columns (topics);
  add_headers (self, groups);
  for (guint i = 0; i < topics->len; i++)
    add_topic (self, g_ptr_array_index (topics, i), groups, i + 1);

  show_rule (self);
  gtk_stack_set_visible_child_name (self->stack, topics->len > 0 ? "ledger" : "empty");

  if ((focus = find_cell (self, focus_topic, focus_group)) != NULL)
    gtk_widget_grab_focus (focus);
}

static gboolean
reload_when_idle (gpointer data)
{
  ConcordatLedgerView *self = data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Not at once: the change may come from a cell's own menu, which is still
 * closing. */
static void
record_changed (ConcordatLedgerView *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_when_idle, self);
}

static void
set_state (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConcordatLedgerView *self = CONCORDAT_LEDGER_VIEW (widget);
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  const char *topic;
  const char *group;
  const char *state;

  g_variant_get (parameter, "(&s&s&s)", &topic, &group, &state);

  if (!concordat_record_ledger_set (self->store, topic, group, state, today, &error))
    report (self, error->message);
}

static void
concordat_ledger_view_dispose (GObject *object)
{
  ConcordatLedgerView *self = CONCORDAT_LEDGER_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  /* The stack is both the bin's child and the template's: it is taken out
   * once, here, not by each of them. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_LEDGER_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (concordat_ledger_view_parent_class)->dispose (object);
}

static void
concordat_ledger_view_class_init (ConcordatLedgerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_ledger_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-ledger-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatLedgerView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatLedgerView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatLedgerView, grid);

  gtk_widget_class_install_action (widget_class, "ledger.set-state", "(sss)", set_state);
}

static void
concordat_ledger_view_init (ConcordatLedgerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * concordat_ledger_view_set_store:
 * @store: the record whose ledger to show, which the view keeps and follows
 */
void
concordat_ledger_view_set_store (ConcordatLedgerView *self,
                                 ConcordatStore      *store)
{
  g_return_if_fail (CONCORDAT_IS_LEDGER_VIEW (self));
  g_return_if_fail (CONCORDAT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::record", G_CALLBACK (record_changed), self, G_CONNECT_SWAPPED);
  /* Its groups and its briefing rule are the council's. */
  g_signal_connect_object (store, "changed::council", G_CALLBACK (record_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}
