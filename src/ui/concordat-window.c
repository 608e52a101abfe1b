/* concordat-window.c: the main window and its four views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-clock.h"
#include "concordat-duties-view.h"
#include "concordat-error.h"
#include "concordat-guidance-view.h"
#include "concordat-protocol-view.h"
#include "concordat-record.h"
#include "concordat-record-view.h"
#include "concordat-window.h"

struct _ConcordatWindow
{
  AdwApplicationWindow   parent_instance;

  AdwToastOverlay       *toast_overlay;
  AdwViewSwitcherTitle  *switcher_title;
  AdwViewSwitcherBar    *switcher_bar;
  GtkStack              *main_stack;
  AdwViewStack          *view_stack;
  ConcordatProtocolView *protocol_view;
  ConcordatGuidanceView *guidance_view;
  ConcordatRecordView   *record_view;
  ConcordatDutiesView   *duties_view;
  AdwViewStackPage      *duties_page;
  AdwStatusPage         *unavailable_page;

  GSettings             *settings;
  ConcordatStore        *store;
  guint                  guidance_ready : 1;
  guint                  record_ready : 1;
  guint                  duties_ready : 1;
};

G_DEFINE_FINAL_TYPE (ConcordatWindow, concordat_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views behind the first are given the store when first shown: the
 * Record view alone reads its list and ledger in about 90 ms, which nobody
 * opening Concordat to read the protocol should wait for. */
static void
ensure_view_ready (ConcordatWindow *self,
                   const char      *name)
{
  if (self->store == NULL || name == NULL)
    return;

  if (g_str_equal (name, "guidance") && !self->guidance_ready)
    {
      self->guidance_ready = TRUE;
      concordat_guidance_view_set_store (self->guidance_view, self->store);
    }
  else if (g_str_equal (name, "record") && !self->record_ready)
    {
      self->record_ready = TRUE;
      concordat_record_view_set_store (self->record_view, self->store);
    }
  else if (g_str_equal (name, "duties") && !self->duties_ready)
    {
      self->duties_ready = TRUE;
      concordat_duties_view_set_store (self->duties_view, self->store);
    }
}

/* Notified as the view changes, so a view shown by an action is ready
 * before the action goes on to use it. */
static void
visible_view_changed (ConcordatWindow *self)
{
  ensure_view_ready (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
show_view (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConcordatWindow *self = CONCORDAT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* A reminder's Open: the Duties view, with the duty's row focused. */
static void
show_duty (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConcordatWindow *self = CONCORDAT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "duties");
  concordat_duties_view_show_duty (self->duties_view, g_variant_get_int64 (parameter));
}

/* @target is "DOC/CITATION", as a concordat: link names a paragraph; the
 * citation may itself hold a "/", the document's id never does.  Returns
 * what went wrong, in the reader's words, or %NULL. */
static char *
open_target (ConcordatWindow *self,
             const char      *target)
{
  const char *slash = strchr (target, '/');
  g_autofree char *slug = NULL;
  g_autoptr(GError) error = NULL;

  if (slash == NULL || slash == target || slash[1] == '\0')
    return g_strdup_printf (_("“%s” does not name a paragraph"), target);

  slug = g_strndup (target, slash - target);
  if (!concordat_protocol_view_open_paragraph (self->protocol_view, slug, slash + 1, &error))
    return g_strdup (error->message);

  return NULL;
}

static void
open_paragraph (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConcordatWindow *self = CONCORDAT_WINDOW (widget);
  g_autofree char *problem = NULL;
  g_autofree char *title = NULL;

  adw_view_stack_set_visible_child_name (self->view_stack, "protocol");

  problem = open_target (self, g_variant_get_string (parameter, NULL));
  if (problem == NULL)
    return;

  /* A toast's title is markup. */
  title = g_markup_escape_text (problem, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* An action of the record, by its id: from a duty, a toast or a link. */
static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordatWindow *self = CONCORDAT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "record");
  concordat_record_view_show_action (self->record_view, g_variant_get_int64 (parameter));
}

static void
show_problem (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *summary;
  const char *details;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &summary, &details);

  dialog = adw_message_dialog_new (GTK_WINDOW (widget), summary, details);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
unavailable_title (const GError *error)
{
  if (g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW))
    return _("A Newer Concordat Is Needed");

  if (g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT))
    return _("The Database Was Damaged");

  return _("The Database Cannot Be Opened");
}

/* Without a store there is nothing the views could show, so the window says
 * why instead, in the store's own words: they name the files and what to do. */
static void
show_unavailable (ConcordatWindow *self,
                  const GError    *error)
{
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;

  /* A damaged database is already out of the way by now. */
  if (g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_CORRUPT))
    message = g_strdup_printf ("%s\n\n%s", error->message,
                               _("Concordat opens the database again the next time it starts."));
  else
    message = g_strdup (error != NULL ? error->message : _("No reason was given."));

  description = g_markup_escape_text (message, -1);
  adw_status_page_set_title (self->unavailable_page, unavailable_title (error));
  adw_status_page_set_description (self->unavailable_page, description);

  gtk_stack_set_visible_child_name (self->main_stack, "unavailable");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-paragraph", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-action", FALSE);
}

static void
restore_window_state (ConcordatWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* GTK keeps the default size at the unmaximised size, which is the one to
 * come back to. */
static void
save_window_state (ConcordatWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
concordat_window_close_request (GtkWindow *window)
{
  ConcordatWindow *self = CONCORDAT_WINDOW (window);

  if (self->settings != NULL)
    save_window_state (self);

  return GTK_WINDOW_CLASS (concordat_window_parent_class)->close_request (window);
}

static void
concordat_window_dispose (GObject *object)
{
  ConcordatWindow *self = CONCORDAT_WINDOW (object);

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_WINDOW);

  G_OBJECT_CLASS (concordat_window_parent_class)->dispose (object);
}

static void
add_view_shortcut (GtkWidgetClass *widget_class,
                   guint           keyval,
                   const char     *view)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK,
                                       "win.show-view", "s", view);
}

static void
concordat_window_class_init (ConcordatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concordat_window_dispose;
  window_class->close_request = concordat_window_close_request;

  g_type_ensure (CONCORDAT_TYPE_PROTOCOL_VIEW);
  g_type_ensure (CONCORDAT_TYPE_GUIDANCE_VIEW);
  g_type_ensure (CONCORDAT_TYPE_RECORD_VIEW);
  g_type_ensure (CONCORDAT_TYPE_DUTIES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, protocol_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, guidance_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, record_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, duties_view);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, duties_page);
  gtk_widget_class_bind_template_child (widget_class, ConcordatWindow, unavailable_page);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view);
  gtk_widget_class_install_action (widget_class, "win.show-problem", "(ss)", show_problem);
  gtk_widget_class_install_action (widget_class, "win.open-paragraph", "s", open_paragraph);
  gtk_widget_class_install_action (widget_class, "win.show-action", "x", show_action);
  gtk_widget_class_install_action (widget_class, "win.show-duty", "x", show_duty);

  add_view_shortcut (widget_class, GDK_KEY_1, "protocol");
  add_view_shortcut (widget_class, GDK_KEY_2, "guidance");
  add_view_shortcut (widget_class, GDK_KEY_3, "record");
  add_view_shortcut (widget_class, GDK_KEY_4, "duties");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
concordat_window_init (ConcordatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The Duties view's badge: how many duties are due today or overdue. */
static void
update_due_badge (ConcordatWindow *self)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  gint64 due = concordat_record_count_due (self->store, today, &error);

  if (due < 0)
    g_warning ("Cannot count the duties due: %s", error->message);
  adw_view_stack_page_set_badge_number (self->duties_page, MAX (due, 0));
  adw_view_stack_page_set_needs_attention (self->duties_page, due > 0);
}

static void
set_store (ConcordatWindow *self,
           ConcordatStore  *store)
{
  self->store = g_object_ref (store);
  concordat_protocol_view_set_store (self->protocol_view, store);
  visible_view_changed (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_view_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (store, "changed::record", G_CALLBACK (update_due_badge),
                           self, G_CONNECT_SWAPPED);
  update_due_badge (self);
}

/**
 * concordat_window_new:
 * @app: the application, whose store and settings the window borrows
 *
 * Returns: (transfer none): a new window, owned by @app until it closes
 */
ConcordatWindow *
concordat_window_new (ConcordatApplication *app)
{
  ConcordatWindow *self;

  g_return_val_if_fail (CONCORDAT_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (concordat_application_get_settings (app) != NULL, NULL);

  self = g_object_new (CONCORDAT_TYPE_WINDOW, "application", app, NULL);
  self->settings = g_object_ref (concordat_application_get_settings (app));
  restore_window_state (self);

  if (concordat_application_get_store (app) != NULL)
    set_store (self, concordat_application_get_store (app));
  else
    show_unavailable (self, concordat_application_get_store_error (app));

  return self;
}

/**
 * concordat_window_report_problem:
 * @summary: one short sentence, such as "The daily backup failed"
 * @details: the whole message, which names the files and what to do
 *
 * Shows @summary in a toast that stays until dismissed, with a Details
 * button that shows @details in full: a toast is too narrow for a path.
 */
void
concordat_window_report_problem (ConcordatWindow *self,
                                 const char      *summary,
                                 const char      *details)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (CONCORDAT_IS_WINDOW (self));
  g_return_if_fail (summary != NULL);
  g_return_if_fail (details != NULL);

  /* A toast's title is markup. */
  title = g_markup_escape_text (summary, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-problem");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", summary, details));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
