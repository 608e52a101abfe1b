/* concordat-protocol-view-import.c: bringing a protocol into the library,
 * chosen in a file chooser or dropped on the reader; it opens once it is
 * in, with what the importer could not be sure of a click away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-library.h"
#include "concordat-protocol-view-private.h"

static void
show_import_error (ConcordatProtocolView *self,
                   const char            *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("The Protocol Was Not Imported"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
join_warnings (GPtrArray *warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, g_ptr_array_index (warnings, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The warnings are the importer's sentences, shown as text; there may be
 * many, so they scroll. */
static GtkWidget *
warnings_view_new (GPtrArray *warnings)
{
  g_autofree char *text = join_warnings (warnings);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  return scrolled;
}

static void
show_warnings (AdwToast              *toast,
               ConcordatProtocolView *self)
{
  GPtrArray *warnings = g_object_get_data (G_OBJECT (toast), "warnings");
  const char *title = g_object_get_data (G_OBJECT (toast), "title");
  g_autofree char *body = g_strdup_printf (_("Check these places in “%s” against the original."), title);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Imported with Warnings"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), warnings_view_new (warnings));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
announce (ConcordatProtocolView   *self,
          const ConcordatDocument *doc)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  guint n = doc->warnings != NULL ? doc->warnings->len : 0;
  g_autofree char *escaped = g_markup_escape_text (doc->title, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n == 0)
    title = g_strdup_printf (_("Imported “%s”"), escaped);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported with %u warning", "Imported with %u warnings", n), n);

  /* A toast's title is markup. */
  toast = adw_toast_new (title);
  if (n > 0)
    {
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Details"));
      g_object_set_data_full (G_OBJECT (toast), "warnings", g_ptr_array_ref (doc->warnings),
                              (GDestroyNotify)g_ptr_array_unref);
      g_object_set_data_full (G_OBJECT (toast), "title", g_strdup (doc->title), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_warnings), self, 0);
    }

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * concordat_protocol_view_import_file:
 * @file: a protocol saved as plain text or Markdown
 *
 * Imports @file into the library and opens it, saying how many warnings
 * the importer had, with a button to read them.  A file that cannot be
 * imported (not text, already in the library) is explained in a dialog,
 * and nothing of it is kept.
 */
void
concordat_protocol_view_import_file (ConcordatProtocolView *self,
                                     GFile                 *file)
{
  g_autofree char *path = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONCORDAT_IS_PROTOCOL_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s is not on this computer. Save it to a folder here, then import it from there."), uri);

      show_import_error (self, message);
      return;
    }

  doc = concordat_library_import_file (self->store, path, NULL, &error);
  if (doc == NULL)
    {
      show_import_error (self, error->message);
      return;
    }

  concordat_protocol_view_show_documents (self);
  if (!concordat_protocol_view_open_document (self, doc->slug, &error))
    concordat_protocol_view_report (self, error->message);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  announce (self, doc);
}

static void
chooser_response (GtkNativeDialog       *chooser,
                  int                    response,
                  ConcordatProtocolView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    concordat_protocol_view_import_file (self, file);

  g_object_unref (chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) protocols = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (protocols, _("Text and Markdown"));
  gtk_file_filter_add_mime_type (protocols, "text/plain");
  gtk_file_filter_add_mime_type (protocols, "text/markdown");
  gtk_file_filter_add_suffix (protocols, "txt");
  gtk_file_filter_add_suffix (protocols, "md");
  gtk_file_filter_add_suffix (protocols, "markdown");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  gtk_file_chooser_add_filter (chooser, protocols);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
choose_file (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import a Protocol"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
files_dropped (GtkDropTarget         *target,
               const GValue          *value,
               double                 x,
               double                 y,
               ConcordatProtocolView *self)
{
  g_autoptr(GSList) files = NULL;

  if (self->store == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));

  for (GSList *l = files; l != NULL; l = l->next)
    concordat_protocol_view_import_file (self, l->data);

  return files != NULL;
}

void
concordat_protocol_view_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "protocol.import", NULL, choose_file);
}

void
concordat_protocol_view_init_import (ConcordatProtocolView *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));

  g_signal_connect_object (target, "drop", G_CALLBACK (files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
