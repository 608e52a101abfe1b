/* concordat-test-ui.h: what the window tests share: a private data folder,
 * an application to drive, waiting on the main loop, finding widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-application.h"
#include "concordat-test-store.h"
#include "concordat-window.h"

G_BEGIN_DECLS

typedef struct _UiFixture UiFixture;

typedef void (*ConcordatTestBody) (UiFixture *f);

struct _UiFixture
{
  char                 *data_dir;  /* $CONCORDAT_DATA_DIR, fresh for each test */
  char                 *db_path;   /* data_dir/concordat.db */
  ConcordatApplication *app;
  ConcordatTestBody     body;
};

typedef gboolean (*ConcordatTestMatch) (GtkWidget  *widget,
                                        const char *text);

void             concordat_test_fixture_set_up    (UiFixture     *f,
                                                   gconstpointer  data);
void             concordat_test_fixture_tear_down (UiFixture     *f,
                                                   gconstpointer  data);

void             concordat_test_run               (UiFixture          *f,
                                                   ConcordatTestBody   body);
void             concordat_test_run_data          (UiFixture     *f,
                                                   gconstpointer  body);
ConcordatWindow *concordat_test_open_window       (UiFixture     *f);
AdwPreferencesWindow *concordat_test_open_preferences (UiFixture  *f,
                                                       const char *page);
void             concordat_test_close_windows     (void);
GtkWindow       *concordat_test_find_toplevel     (GType          type);

GtkWidget       *concordat_test_find_widget       (GtkWidget          *root,
                                                   GType               type,
                                                   ConcordatTestMatch  match,
                                                   const char         *text);
gboolean         concordat_test_label_is          (GtkWidget          *widget,
                                                   const char         *text);
gboolean         concordat_test_title_is          (GtkWidget          *widget,
                                                   const char         *text);
gboolean         concordat_test_accessible_label_is (GtkWidget        *widget,
                                                     const char       *text);

GtkWidget       *concordat_test_find_button       (GtkWidget          *root,
                                                   const char         *name);
void             concordat_test_click             (GtkWidget          *widget);
gint64           concordat_test_record_briefing   (UiFixture          *f,
                                                   const char         *day);

void             concordat_test_press             (GtkWidget          *widget,
                                                   const char         *accelerator);
gboolean         concordat_test_has_focus_within  (GtkWidget          *widget);

guint            concordat_test_count_backups     (UiFixture     *f);

void             concordat_test_assert_every_control_named (GtkWidget *root,
                                                            guint      at_least);

/* Runs the main loop until @condition holds; fails the test after ten
 * seconds, naming the condition, rather than hanging. */
#define concordat_test_wait_until(condition)                            \
  G_STMT_START {                                                        \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;  \
    guint tick_ = g_timeout_add (10, concordat_test_tick, NULL);        \
    while (!(condition))                                                \
      {                                                                 \
        if (g_get_monotonic_time () > deadline_)                        \
          g_error ("Timed out waiting for %s", #condition);             \
        g_main_context_iteration (NULL, TRUE);                          \
      }                                                                 \
    g_source_remove (tick_);                                            \
  } G_STMT_END

gboolean         concordat_test_tick              (gpointer       data);

G_END_DECLS
