/* concordat-council-page-lists.c: the party groups and wards on the
 * Council page.  A group opens to rename it and set its leader; removing
 * one the record refers to keeps it as inactive, and it can be restored.
 * Every removal offers Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-council.h"
#include "concordat-council-page-private.h"

/* What Undo puts back. */
typedef struct
{
  GWeakRef  page;
  char     *name;
  char     *leader;     /* a group's; NULL for a ward */
  gboolean  was_kept;   /* a group left inactive rather than deleted */
} Removed;

static void
removed_free (gpointer data,
              GClosure *closure)
{
  Removed *removed = data;

  g_weak_ref_clear (&removed->page);
  g_free (removed->name);
  g_free (removed->leader);
  g_free (removed);
}

static Removed *
removed_new (ConcordatCouncilPage *self,
             const char           *name,
             const char           *leader,
             gboolean              was_kept)
{
  Removed *removed = g_new0 (Removed, 1);

  g_weak_ref_init (&removed->page, self);
  removed->name = g_strdup (name);
  removed->leader = g_strdup (leader);
  removed->was_kept = was_kept;
  return removed;
}

static void
undo_removal (AdwToast *toast,
              Removed  *removed)
{
  g_autoptr(ConcordatCouncilPage) self = g_weak_ref_get (&removed->page);
  g_autoptr(GError) error = NULL;
  GtkLabel *reason;
  GtkWidget *row;
  gboolean ok;

  if (self == NULL)
    return;

  if (removed->leader == NULL)
    {
      g_autoptr(ConcordatWard) ward = concordat_council_add_ward (self->store, removed->name, &error);

      ok = ward != NULL;
      reason = self->wards_reason;
      row = GTK_WIDGET (self->add_ward_row);
    }
  else if (removed->was_kept)
    {
      ok = concordat_council_set_group_active (self->store, removed->name, TRUE, &error);
      reason = self->groups_reason;
      row = GTK_WIDGET (self->add_group_row);
    }
  else
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (self->store, removed->name,
                                                                     removed->leader, &error);

      ok = group != NULL;
      reason = self->groups_reason;
      row = GTK_WIDGET (self->add_group_row);
    }

  if (!ok)
    concordat_council_page_refuse (self, row, reason, error);
}

/* A toast's title is markup; names are not. */
static void
toast_removal (ConcordatCouncilPage *self,
               const char           *format,
               Removed              *removed)
{
  g_autofree char *name = g_markup_escape_text (removed->name, -1);
  g_autofree char *title = g_strdup_printf (format, name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_removal), removed,
                         removed_free, 0);
  concordat_council_page_toast (self, toast);
}

static ConcordatCouncilPage *
page_of (GtkWidget *widget)
{
  return CONCORDAT_COUNCIL_PAGE (gtk_widget_get_ancestor (widget, CONCORDAT_TYPE_COUNCIL_PAGE));
}

/* --- party groups --- */

static const char *
group_name_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "group");
}

static void
remove_group (GtkButton *button)
{
  ConcordatCouncilPage *self = page_of (GTK_WIDGET (button));
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  gboolean kept = FALSE;

  group = concordat_council_find_group (self->store, group_name_of (GTK_WIDGET (button)), &error);
  if (group == NULL || !concordat_council_remove_group (self->store, group->name, &kept, &error))
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->add_group_row), self->groups_reason, error);
      return;
    }

  toast_removal (self,
                 kept ? _("“%s” is now inactive: the record refers to it") : _("Removed “%s”"),
                 removed_new (self, group->name, group->leader, kept));
}

static void
restore_group (GtkButton *button)
{
  ConcordatCouncilPage *self = page_of (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (!concordat_council_set_group_active (self->store, group_name_of (GTK_WIDGET (button)), TRUE, &error))
    concordat_council_page_refuse (self, GTK_WIDGET (self->add_group_row), self->groups_reason, error);
}

static void
group_field_applied (AdwEntryRow *entry)
{
  ConcordatCouncilPage *self = page_of (GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean is_name = g_object_get_data (G_OBJECT (entry), "is-name") != NULL;
  g_autofree char *name = g_strdup (group_name_of (GTK_WIDGET (entry)));
  g_autoptr(GError) error = NULL;

  if (is_name)
    {
      /* Kept open under its new name. */
      g_free (self->expanded);
      self->expanded = g_strstrip (g_strdup (text));
    }

  if (!concordat_council_update_group (self->store, name, is_name ? text : NULL, is_name ? NULL : text, &error))
    {
      if (is_name)
        {
          g_free (self->expanded);
          self->expanded = g_strdup (name);
        }
      concordat_council_page_refuse (self, GTK_WIDGET (entry), self->groups_reason, error);
    }
}

static void
group_expanded (AdwExpanderRow *row)
{
  ConcordatCouncilPage *self = page_of (GTK_WIDGET (row));

  if (adw_expander_row_get_expanded (row))
    {
      g_free (self->expanded);
      self->expanded = g_strdup (group_name_of (GTK_WIDGET (row)));
    }
  else if (g_strcmp0 (self->expanded, group_name_of (GTK_WIDGET (row))) == 0)
    g_clear_pointer (&self->expanded, g_free);
}

static GtkWidget *
group_field_new (ConcordatCouncilPage *self,
                 const ConcordatGroup *group,
                 const char           *title,
                 const char           *text,
                 gboolean              is_name)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data_full (G_OBJECT (entry), "group", g_strdup (group->name), g_free);
  if (is_name)
    g_object_set_data (G_OBJECT (entry), "is-name", GINT_TO_POINTER (TRUE));
  g_signal_connect (entry, "apply", G_CALLBACK (group_field_applied), NULL);
  concordat_council_page_watch_entry (entry, self->groups_reason);
  return entry;
}

static GtkWidget *
group_button_new (const ConcordatGroup *group)
{
  g_autofree char *name = NULL;
  GtkWidget *button;

  if (group->active)
    {
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      name = g_strdup_printf (_("Remove %s"), group->name);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_group), NULL);
      gtk_widget_add_css_class (button, "flat");
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Restore"));
      name = g_strdup_printf (_("Restore %s"), group->name);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_group), NULL);
    }

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "group", g_strdup (group->name), g_free);
  return button;
}

static GtkWidget *
group_row_new (ConcordatCouncilPage *self,
               const ConcordatGroup *group)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;

  if (!group->active)
    subtitle = g_strdup (_("Inactive"));
  else if (*group->leader != '\0')
    subtitle = g_strdup_printf (_("Led by %s"), group->leader);
  else
    subtitle = g_strdup (_("No leader recorded"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), group->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "group", g_strdup (group->name), g_free);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), group_button_new (group));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), group_field_new (self, group, _("Name"), group->name, TRUE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), group_field_new (self, group, _("Leader"), group->leader, FALSE));

  if (self->expanded != NULL && g_utf8_collate (self->expanded, group->name) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (group_expanded), NULL);
  return row;
}

static void
add_group_applied (ConcordatCouncilPage *self)
{
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  group = concordat_council_add_group (self->store, gtk_editable_get_text (GTK_EDITABLE (self->add_group_row)),
                                       "", &error);
  if (group == NULL)
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->add_group_row), self->groups_reason, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_group_row), "");
}

/* --- wards --- */

static void
remove_ward (GtkButton *button)
{
  ConcordatCouncilPage *self = page_of (GTK_WIDGET (button));
  g_autoptr(ConcordatWard) ward = NULL;
  g_autoptr(GError) error = NULL;

  ward = concordat_council_find_ward (self->store, g_object_get_data (G_OBJECT (button), "ward"), &error);
  if (ward == NULL || !concordat_council_remove_ward (self->store, ward->name, &error))
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->add_ward_row), self->wards_reason, error);
      return;
    }

  toast_removal (self, _("Removed the ward “%s”"), removed_new (self, ward->name, NULL, FALSE));
}

static GtkWidget *
ward_row_new (const ConcordatWard *ward)
{
  g_autofree char *name = g_strdup_printf (_("Remove %s"), ward->name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ward->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "ward", g_strdup (ward->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_ward), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
add_ward_applied (ConcordatCouncilPage *self)
{
  g_autoptr(ConcordatWard) ward = NULL;
  g_autoptr(GError) error = NULL;

  ward = concordat_council_add_ward (self->store, gtk_editable_get_text (GTK_EDITABLE (self->add_ward_row)), &error);
  if (ward == NULL)
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->add_ward_row), self->wards_reason, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_ward_row), "");
}

/* --- showing them --- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/**
 * concordat_council_page_show_lists:
 *
 * Shows the party groups, inactive ones last, and the wards, as stored.
 */
void
concordat_council_page_show_lists (ConcordatCouncilPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) wards = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->groups_group, self->group_rows);
  clear_rows (self->wards_group, self->ward_rows);

  groups = concordat_council_list_groups (self->store, TRUE, &error);
  if (groups == NULL)
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->add_group_row), self->groups_reason, error);
      return;
    }
  for (int active = 1; active >= 0; active--)
    for (guint i = 0; i < groups->len; i++)
      {
        const ConcordatGroup *group = g_ptr_array_index (groups, i);

        if (!group->active == !active)
          {
            GtkWidget *row = group_row_new (self, group);

            adw_preferences_group_add (self->groups_group, row);
            g_ptr_array_add (self->group_rows, row);
          }
      }

  wards = concordat_council_list_wards (self->store, &error);
  if (wards == NULL)
    {
      concordat_council_page_refuse (self, GTK_WIDGET (self->add_ward_row), self->wards_reason, error);
      return;
    }
  for (guint i = 0; i < wards->len; i++)
    {
      GtkWidget *row = ward_row_new (g_ptr_array_index (wards, i));

      adw_preferences_group_add (self->wards_group, row);
      g_ptr_array_add (self->ward_rows, row);
    }
}

/**
 * concordat_council_page_init_lists:
 *
 * Connects the rows that add a group and a ward.
 */
void
concordat_council_page_init_lists (ConcordatCouncilPage *self)
{
  g_signal_connect_swapped (self->add_group_row, "apply", G_CALLBACK (add_group_applied), self);
  concordat_council_page_watch_entry (GTK_WIDGET (self->add_group_row), self->groups_reason);
  g_signal_connect_swapped (self->add_ward_row, "apply", G_CALLBACK (add_ward_applied), self);
  concordat_council_page_watch_entry (GTK_WIDGET (self->add_ward_row), self->wards_reason);
}
