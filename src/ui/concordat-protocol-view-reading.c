/* concordat-protocol-view-reading.c: what the reader keeps of the open
 * protocol: sections read, as the reader scrolls past them or says so,
 * induction progress, the acknowledgement that it has all been read, and
 * named bookmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-paragraph-row.h"
#include "concordat-protocol-view-private.h"
#include "concordat-reading.h"

/* How often what is on screen is looked at while the reader scrolls. */
#define SEEN_INTERVAL_MS 400

static void
report_error (ConcordatProtocolView *self,
              const GError          *error)
{
  concordat_protocol_view_report (self, error->message);
}

/* "22 November 2026", in the reader's time zone. */
static char *
format_day (const char *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, _("%-d %B %Y"));
}

static void
show_acknowledgement (ConcordatProtocolView *self)
{
  const char *slug = concordat_protocol_view_get_document (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = concordat_reading_acknowledged_at (self->store, slug, &error);
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;

  if (error != NULL)
    report_error (self, error);

  gtk_widget_set_visible (GTK_WIDGET (self->acknowledge_button), when == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->acknowledged_label), when != NULL);
  if (when == NULL)
    return;

  day = format_day (when);
  label = g_strdup_printf (_("Read on %s"), day);
  gtk_label_set_text (self->acknowledged_label, label);
}

/* "12 of 18 sections read", with a bar to match, and the acknowledgement. */
void
concordat_protocol_view_show_progress (ConcordatProtocolView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint read = 0;
  guint total = 0;

  if (!concordat_reading_progress (self->store, concordat_protocol_view_get_document (self),
                                   &read, &total, &error))
    {
      report_error (self, error);
      return;
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u section read", "%u of %u sections read", total),
                           read, total);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)read / total : 0);
  show_acknowledgement (self);
}

static gboolean
mark_read (ConcordatProtocolView *self,
           ConcordatProtocolItem *heading,
           gboolean               read)
{
  g_autoptr(GError) error = NULL;

  if (!concordat_reading_mark_section (self->store, concordat_protocol_item_get_section_id (heading),
                                       read, &error))
    {
      report_error (self, error);
      return FALSE;
    }

  concordat_protocol_item_set_read (heading, read);
  return TRUE;
}

/* By hand, from the check button on a section's heading. */
static void
mark_section (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);
  ConcordatProtocolItem *heading;
  gint64 section_id;
  gboolean read;

  g_variant_get (parameter, "(xb)", &section_id, &read);
  heading = self->content != NULL ? concordat_protocol_content_get_section (self->content, section_id) : NULL;
  if (heading == NULL || !mark_read (self, heading, read))
    return;

  /* Unmarked by hand, it stays so, however long it is on screen. */
  if (read)
    g_hash_table_remove (self->unmarked, &section_id);
  else
    g_hash_table_add (self->unmarked, g_memdup2 (&section_id, sizeof section_id));

  concordat_protocol_view_show_progress (self);
}

/* Whether the bottom of @row is in the list's view. */
static gboolean
row_seen (GtkWidget *row,
          GtkWidget *list)
{
  graphene_rect_t bounds;
  float bottom;

  /* Rows kept aside off screen keep their last place. */
  if (!gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, list, &bounds))
    return FALSE;

  bottom = bounds.origin.y + bounds.size.height;
  return bottom > 0 && bottom <= gtk_widget_get_height (list) + 1;
}

/* The unread section @row shows the end of, if it is on screen; not one
 * the reader unmarked by hand. */
static ConcordatProtocolItem *
section_seen (ConcordatProtocolView *self,
              GtkWidget             *row,
              GtkWidget             *list)
{
  ConcordatProtocolItem *item;
  ConcordatProtocolItem *section;
  gint64 section_id;

  if (!CONCORDAT_IS_PARAGRAPH_ROW (row))
    return NULL;

  item = concordat_paragraph_row_get_item (CONCORDAT_PARAGRAPH_ROW (row));
  section = item != NULL ? concordat_protocol_item_get_completes (item) : NULL;
  if (section == NULL || concordat_protocol_item_get_read (section))
    return NULL;

  section_id = concordat_protocol_item_get_section_id (section);
  if (g_hash_table_contains (self->unmarked, &section_id) || !row_seen (row, list))
    return NULL;

  return section;
}

static gboolean
look_at_screen (gpointer user_data)
{
  ConcordatProtocolView *self = user_data;
  GtkWidget *list = GTK_WIDGET (self->content_list);
  gboolean changed = FALSE;

  self->seen_source = 0;

  /* Mid-jump, rows pass by unread; the jump looks again where it lands. */
  if (self->content == NULL || self->scroll_tick != 0 || !gtk_widget_get_mapped (list))
    return G_SOURCE_REMOVE;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      ConcordatProtocolItem *section = section_seen (self, gtk_widget_get_first_child (child), list);

      if (section != NULL)
        changed |= mark_read (self, section, TRUE);
    }

  if (changed)
    concordat_protocol_view_show_progress (self);

  return G_SOURCE_REMOVE;
}

/**
 * concordat_protocol_view_check_seen:
 *
 * Soon marks read each section whose end is then on screen.
 */
void
concordat_protocol_view_check_seen (ConcordatProtocolView *self)
{
  if (self->seen_source == 0)
    self->seen_source = g_timeout_add (SEEN_INTERVAL_MS, look_at_screen, self);
}

static void
acknowledge (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->content == NULL)
    return;

  if (!concordat_reading_acknowledge (self->store, concordat_protocol_view_get_document (self), &error))
    report_error (self, error);

  show_acknowledgement (self);
}

static void
bookmark_activated (ConcordatProtocolView *self,
                    GtkListBoxRow         *row)
{
  ConcordatBookmark *bookmark = g_object_get_data (G_OBJECT (row), "bookmark");
  ConcordatProtocolItem *item = concordat_protocol_content_find_paragraph (self->content, bookmark->citation);

  if (item != NULL)
    concordat_protocol_view_scroll_to (self, item, TRUE);
}

static void
undo_remove (AdwToast              *toast,
             ConcordatProtocolView *self)
{
  ConcordatBookmark *removed = g_object_get_data (G_OBJECT (toast), "bookmark");
  g_autoptr(ConcordatBookmark) bookmark = NULL;
  g_autoptr(GError) error = NULL;

  bookmark = concordat_reading_add_bookmark (self->store, removed->doc, removed->citation, removed->name, &error);
  if (bookmark == NULL)
    report_error (self, error);

  concordat_protocol_view_show_bookmarks (self);
}

static void
remove_bookmark (ConcordatProtocolView *self,
                 GtkButton             *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  ConcordatBookmark *bookmark = g_object_get_data (G_OBJECT (row), "bookmark");
  ConcordatBookmark *removed;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!concordat_reading_remove_bookmark (self->store, bookmark->id, &error))
    {
      report_error (self, error);
      return;
    }

  /* The toast keeps it, to put it back. */
  removed = g_object_steal_data (G_OBJECT (row), "bookmark");

  /* A toast's title is markup. */
  name = g_markup_escape_text (removed->name, -1);
  title = g_strdup_printf (_("Bookmark “%s” removed"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "bookmark", removed, (GDestroyNotify)concordat_bookmark_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove), self, 0);

  concordat_protocol_view_show_bookmarks (self);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static GtkWidget *
remove_button_new (ConcordatProtocolView   *self,
                   const ConcordatBookmark *bookmark)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove Bookmark “%s”"), bookmark->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Bookmark"));
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_bookmark), self, G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
bookmark_row_new (ConcordatProtocolView *self,
                  ConcordatBookmark     *bookmark)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (bookmark->name);
  GtkWidget *citation = gtk_label_new (bookmark->citation);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_label_set_xalign (GTK_LABEL (citation), 0);
  gtk_widget_add_css_class (citation, "caption");
  gtk_widget_add_css_class (citation, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), citation);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), remove_button_new (self, bookmark));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, citation, NULL,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "bookmark", bookmark, (GDestroyNotify)concordat_bookmark_free);

  return row;
}

/* The open document's bookmarks, in the sidebar and on their paragraphs. */
void
concordat_protocol_view_show_bookmarks (ConcordatProtocolView *self)
{
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->bookmarks_list))) != NULL)
    gtk_list_box_remove (self->bookmarks_list, row);

  bookmarks = concordat_reading_list_bookmarks (self->store, concordat_protocol_view_get_document (self), &error);
  if (bookmarks == NULL)
    {
      report_error (self, error);
      return;
    }

  concordat_protocol_content_set_bookmarks (self->content, bookmarks);
  gtk_widget_set_visible (GTK_WIDGET (self->bookmarks_list), bookmarks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_bookmarks_label), bookmarks->len == 0);

  /* Each row keeps its bookmark. */
  while (bookmarks->len > 0)
    gtk_list_box_append (self->bookmarks_list, bookmark_row_new (self, g_ptr_array_steal_index (bookmarks, 0)));
}

static void
add_bookmark (AdwMessageDialog      *dialog,
              const char            *response,
              ConcordatProtocolView *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *slug = g_object_get_data (G_OBJECT (dialog), "slug");
  const char *citation = g_object_get_data (G_OBJECT (dialog), "citation");
  g_autoptr(ConcordatBookmark) bookmark = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;

  bookmark = concordat_reading_add_bookmark (self->store, slug, citation, gtk_editable_get_text (entry), &error);
  if (bookmark == NULL)
    report_error (self, error);

  if (g_strcmp0 (slug, concordat_protocol_view_get_document (self)) == 0)
    concordat_protocol_view_show_bookmarks (self);
}

static GtkWidget *
name_entry_new (const char *citation)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), citation);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bookmark name"), -1);

  return entry;
}

/* Asks for a name, the citation unless the reader gives another. */
static void
ask_bookmark_name (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);
  const char *citation = g_variant_get_string (parameter, NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->content == NULL)
    return;

  body = g_strdup_printf (_("Paragraph %s of “%s”"), citation, concordat_protocol_content_get_title (self->content));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add Bookmark"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), name_entry_new (citation));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "slug", g_strdup (concordat_protocol_view_get_document (self)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "citation", g_strdup (citation), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_bookmark), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
concordat_protocol_view_class_init_reading (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, bookmark_activated);

  gtk_widget_class_install_action (widget_class, "protocol.mark-section", "(xb)", mark_section);
  gtk_widget_class_install_action (widget_class, "protocol.acknowledge", NULL, acknowledge);
  gtk_widget_class_install_action (widget_class, "protocol.bookmark", "s", ask_bookmark_name);
}
