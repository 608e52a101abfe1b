/* record-view-bench.c: for `make bench`, the time from activating
 * Concordat to the first frame showing its Record view, over the store in
 * CONCORDAT_DATA_DIR; run.py compares a record of 100,000 actions with
 * one of ten.  Prints the milliseconds and ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "concordat-application.h"
#include "concordat-record-view.h"
#include "concordat-window.h"

static gint64 started;

static GtkWidget *
find_record_view (GtkWidget *widget)
{
  if (CONCORDAT_IS_RECORD_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_record_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
painted (GdkFrameClock *clock,
         GtkWidget     *view)
{
  if (!gtk_widget_get_mapped (view))
    return;
  g_print ("%.3f\n", (g_get_monotonic_time () - started) / 1000.0);
  fflush (stdout);
  _exit (0);
}

static void
before_activate (GApplication *app)
{
  started = g_get_monotonic_time ();
}

static void
after_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *view = find_record_view (GTK_WIDGET (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "record");
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (painted), view);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConcordatApplication) app = concordat_application_new ();

  concordat_application_disable_reminders (app);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (before_activate), NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (after_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
