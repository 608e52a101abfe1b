/* concordat-guidance-view.c: the Guidance view: the wizards to choose
 * from, those for the user's role first, and the one being run in place of
 * the list.  A wizard left part-way is offered again where it was left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-application.h"
#include "concordat-guidance-view.h"
#include "concordat-record.h"
#include "concordat-wizard-runner.h"

struct _ConcordatGuidanceView
{
  AdwBin                 parent_instance;

  GtkStack              *stack;    /* the bin's child */
  AdwStatusPage         *list_page;
  GtkListBox            *wizards_list;

  ConcordatStore        *store;
  GSettings             *settings;
  GPtrArray             *wizards;  /* ConcordatWizard *, as bundled */
  ConcordatWizardRunner *runner;   /* the run on screen */
  GtkWidget             *closing;  /* a run on its way off screen */
};

G_DEFINE_FINAL_TYPE (ConcordatGuidanceView, concordat_guidance_view, ADW_TYPE_BIN)

/* A toast's title is markup; @message is text. */
static void
report (ConcordatGuidanceView *self,
        const char            *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    g_warning ("%s", message);
  else
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* --- the list --- */

/* Who the user is, in the wizards' terms: "member" or "officer";
 * democratic services work as officers. */
static const char *
user_audience (ConcordatGuidanceView *self)
{
  g_autofree char *role = NULL;

  if (self->settings == NULL)
    return "officer";
  role = g_settings_get_string (self->settings, "role");
  return g_strcmp0 (role, "councillor") == 0 ? "member" : "officer";
}

static const char *
describe_audience (ConcordatWizard *wizard)
{
  const char * const *audience = concordat_wizard_get_audience (wizard);
  gboolean members = g_strv_contains (audience, "member");
  gboolean officers = g_strv_contains (audience, "officer");

  if (members && officers)
    return _("For councillors and officers");
  return members ? _("For councillors") : _("For officers");
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       row)
{
  gtk_widget_activate (row);
}

static GtkWidget *
wizard_row_new (ConcordatWizard *wizard,
                gboolean         in_progress)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (concordat_wizard_get_title (wizard), -1);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", concordat_wizard_get_description (wizard),
                                               describe_audience (wizard));
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (in_progress)
    {
      GtkWidget *label = gtk_label_new (_("In progress"));

      gtk_widget_add_css_class (label, "accent");
      gtk_widget_add_css_class (label, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "wizard", g_strdup (concordat_wizard_get_id (wizard)), g_free);

  /* Assistive technology sees no action on a row, only on its own actions. */
  g_signal_connect_object (open, "activate", G_CALLBACK (open_activated), row, 0);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (open));
  gtk_widget_insert_action_group (row, "wizard", G_ACTION_GROUP (actions));

  return row;
}

static void
show_wizards (ConcordatGuidanceView *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GHashTable) in_progress = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char *audience = user_audience (self);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->wizards_list))) != NULL)
    gtk_list_box_remove (self->wizards_list, row);
  if (self->wizards == NULL || self->store == NULL)
    return;

  drafts = concordat_record_list_drafts (self->store, &error);
  if (drafts == NULL)
    g_warning ("Cannot list the wizards in progress: %s", error->message);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    g_hash_table_add (in_progress, ((ConcordatDraft *) g_ptr_array_index (drafts, i))->wizard);

  /* Those for the user's role, then the rest, each in the bundled order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->wizards->len; i++)
      {
        ConcordatWizard *wizard = g_ptr_array_index (self->wizards, i);
        gboolean for_user = g_strv_contains (concordat_wizard_get_audience (wizard), audience);

        if (for_user == (pass == 0))
          gtk_list_box_append (self->wizards_list,
                               wizard_row_new (wizard, g_hash_table_contains (in_progress,
                                                                              concordat_wizard_get_id (wizard))));
      }
}

/* --- running a wizard --- */

static void
remove_closing (ConcordatGuidanceView *self)
{
  if (self->closing != NULL && !gtk_stack_get_transition_running (self->stack))
    {
      gtk_stack_remove (self->stack, self->closing);
      self->closing = NULL;
    }
}

static void
runner_closed (ConcordatGuidanceView *self,
               ConcordatWizardRunner *runner)
{
  if (runner != self->runner)
    return;
  if (self->closing != NULL)
    gtk_stack_remove (self->stack, g_steal_pointer (&self->closing));
  self->closing = GTK_WIDGET (g_steal_pointer (&self->runner));

  show_wizards (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->wizards_list));
  /* Once it has slid away. */
  remove_closing (self);
}

static void
runner_recorded (ConcordatGuidanceView *self,
                 gint64                 id,
                 const char            *summary)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = g_strdup_printf (_("Recorded: %s"), summary);
  g_autofree char *title = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  /* Long enough to read a summary and reach the button. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open Record"));
  adw_toast_set_action_name (toast, "win.show-view");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("record"));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
start (ConcordatGuidanceView *self,
       ConcordatWizard       *wizard,
       JsonObject            *answers,
       const char            *step)
{
  ConcordatWizardRunner *runner = concordat_wizard_runner_new (self->store, wizard, answers, step);

  if (self->runner != NULL)
    gtk_stack_remove (self->stack, GTK_WIDGET (g_steal_pointer (&self->runner)));
  self->runner = runner;
  g_signal_connect_object (runner, "closed", G_CALLBACK (runner_closed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "recorded", G_CALLBACK (runner_recorded), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (runner), NULL);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (runner));
  /* The first question. */
  gtk_widget_child_focus (GTK_WIDGET (runner), GTK_DIR_TAB_FORWARD);
}

typedef struct
{
  ConcordatGuidanceView *self;
  ConcordatWizard       *wizard;
  ConcordatDraft        *draft;
} Resume;

static void
resume_free (gpointer  data,
             GClosure *closure)
{
  Resume *resume = data;

  g_object_unref (resume->self);
  g_object_unref (resume->wizard);
  concordat_draft_free (resume->draft);
  g_free (resume);
}

static void
resume_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Resume           *resume)
{
  ConcordatGuidanceView *self = resume->self;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "continue"))
    {
      g_autoptr(JsonNode) root = json_from_string (resume->draft->answers, &error);

      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_autofree char *message = g_strdup_printf (_("The answers kept for “%s” cannot be read, so it starts again"),
                                                      concordat_wizard_get_title (resume->wizard));

          report (self, message);
          start (self, resume->wizard, NULL, NULL);
          return;
        }
      start (self, resume->wizard, json_node_get_object (root), resume->draft->step);
    }
  else if (g_str_equal (response, "start-again"))
    {
      if (!concordat_record_discard_draft (self->store, concordat_wizard_get_id (resume->wizard), &error))
        report (self, error->message);
      start (self, resume->wizard, NULL, NULL);
    }
}

static void
ask_to_resume (ConcordatGuidanceView *self,
               ConcordatWizard       *wizard,
               ConcordatDraft        *draft)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = g_strdup_printf (_("Your answers to “%s” were kept when you last left it."),
                                           concordat_wizard_get_title (wizard));
  AdwMessageDialog *dialog;
  Resume *resume;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Continue where you left off?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "start-again", _("_Start Again"),
                                    "continue", _("_Continue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "start-again", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  /* Escape leaves the list as it was, and the answers kept. */
  adw_message_dialog_set_close_response (dialog, "cancel");

  resume = g_new0 (Resume, 1);
  resume->self = g_object_ref (self);
  resume->wizard = g_object_ref (wizard);
  resume->draft = draft;
  g_signal_connect_data (dialog, "response", G_CALLBACK (resume_response), resume,
                         resume_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static ConcordatWizard *
find_wizard (ConcordatGuidanceView *self,
             const char            *id)
{
  for (guint i = 0; self->wizards != NULL && i < self->wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (self->wizards, i);

      if (g_strcmp0 (concordat_wizard_get_id (wizard), id) == 0)
        return wizard;
    }
  return NULL;
}

/**
 * concordat_guidance_view_open_wizard:
 * @id: the wizard's id, such as "briefing"
 *
 * Runs the wizard from its first step; or, when it has answers kept from
 * before, asks whether to continue with them.
 *
 * Returns: %FALSE when there is no such wizard
 */
gboolean
concordat_guidance_view_open_wizard (ConcordatGuidanceView *self,
                                     const char            *id)
{
  g_autoptr(GError) error = NULL;
  ConcordatWizard *wizard;
  ConcordatDraft *draft;

  g_return_val_if_fail (CONCORDAT_IS_GUIDANCE_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  wizard = find_wizard (self, id);
  if (wizard == NULL)
    return FALSE;

  draft = concordat_record_load_draft (self->store, id, &error);
  if (error != NULL)
    report (self, error->message);
  if (draft != NULL)
    ask_to_resume (self, wizard, draft);
  else
    start (self, wizard, NULL, NULL);
  return TRUE;
}

static void
wizard_activated (ConcordatGuidanceView *self,
                  GtkListBoxRow         *row)
{
  concordat_guidance_view_open_wizard (self, g_object_get_data (G_OBJECT (row), "wizard"));
}

/* --- the widget --- */

static void
concordat_guidance_view_dispose (GObject *object)
{
  ConcordatGuidanceView *self = (ConcordatGuidanceView *)object;

  self->runner = NULL;
  self->closing = NULL;
  self->stack = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_GUIDANCE_VIEW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->wizards, g_ptr_array_unref);

  G_OBJECT_CLASS (concordat_guidance_view_parent_class)->dispose (object);
}

static void
concordat_guidance_view_class_init (ConcordatGuidanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_guidance_view_dispose;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-guidance-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatGuidanceView, list_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordatGuidanceView, wizards_list);
  gtk_widget_class_bind_template_callback (widget_class, wizard_activated);
}

static void
concordat_guidance_view_init (ConcordatGuidanceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bin's own child, not bound as a template child, which the template
   * would unparent on disposal before the bin does. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  g_signal_connect_object (self->stack, "notify::transition-running", G_CALLBACK (remove_closing),
                           self, G_CONNECT_SWAPPED);

  /* A screen reader names the view by its list's heading. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, adw_status_page_get_title (self->list_page),
                                  -1);
}

/* The application's settings, through the window the view is in. */
static GSettings *
find_settings (ConcordatGuidanceView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return CONCORDAT_IS_APPLICATION (app) ? concordat_application_get_settings (CONCORDAT_APPLICATION (app)) : NULL;
}

/**
 * concordat_guidance_view_set_store:
 * @store: where the answers are checked and recorded, which the view keeps
 *
 * Lists the bundled wizards, those for the user's role first.
 */
void
concordat_guidance_view_set_store (ConcordatGuidanceView *self,
                                   ConcordatStore        *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONCORDAT_IS_GUIDANCE_VIEW (self));
  g_return_if_fail (CONCORDAT_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->settings, find_settings (self));
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::role", G_CALLBACK (show_wizards), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::record", G_CALLBACK (show_wizards), self, G_CONNECT_SWAPPED);

  g_clear_pointer (&self->wizards, g_ptr_array_unref);
  self->wizards = concordat_wizard_load_bundled (&error);
  if (self->wizards == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The guidance cannot be loaded: %s"), error->message);
      g_autofree char *description = g_markup_escape_text (message, -1);

      adw_status_page_set_description (self->list_page, description);
    }
  show_wizards (self);
}
