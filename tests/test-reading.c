/* test-reading.c: bookmarks, sections read and the acknowledgement are
 * stored, counted and removed as a reader expects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-reading.h"
#include "concordat-test-store.h"

typedef StoreFixture Fixture;

/* Every reading test reads the model protocol. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  concordat_test_store_set_up (f, data);
  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);
}

#define fixture_tear_down concordat_test_store_tear_down

static void
test_bookmarks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConcordatBookmark) later = NULL;
  g_autoptr(ConcordatBookmark) earlier = NULL;
  g_autoptr(ConcordatBookmark) missing = NULL;
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;

  later = concordat_reading_add_bookmark (f->store, "model", "8.3", "Briefing all groups", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (later->name, ==, "Briefing all groups");
  g_assert_cmpstr (later->citation, ==, "8.3");

  /* Without a name, the citation names it. */
  earlier = concordat_reading_add_bookmark (f->store, "model", "1.1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (earlier->name, ==, "1.1");

  missing = concordat_reading_add_bookmark (f->store, "model", "99.9", "Nowhere", &error);
  g_assert_null (missing);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Listed in document order, not in the order they were made. */
  bookmarks = concordat_reading_list_bookmarks (f->store, "model", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bookmarks->len, ==, 2);
  g_assert_cmpstr (((ConcordatBookmark *)g_ptr_array_index (bookmarks, 0))->citation, ==, "1.1");
  g_assert_cmpstr (((ConcordatBookmark *)g_ptr_array_index (bookmarks, 1))->citation, ==, "8.3");
  g_clear_pointer (&bookmarks, g_ptr_array_unref);

  g_assert_true (concordat_reading_remove_bookmark (f->store, earlier->id, &error));
  bookmarks = concordat_reading_list_bookmarks (f->store, NULL, &error);
  g_assert_cmpuint (bookmarks->len, ==, 1);
  g_assert_cmpstr (((ConcordatBookmark *)g_ptr_array_index (bookmarks, 0))->name, ==, "Briefing all groups");
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) outline = NULL;
  g_autoptr(GArray) read = NULL;
  g_autoptr(GError) error = NULL;
  ConcordatSection *first, *second;
  guint done = 99, total = 0;

  outline = concordat_library_outline (f->store, "model", &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (outline, 0);
  second = g_ptr_array_index (outline, 1);

  g_assert_true (concordat_reading_progress (f->store, "model", &done, &total, &error));
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (total, ==, outline->len);

  g_assert_true (concordat_reading_mark_section (f->store, first->id, TRUE, &error));
  g_assert_true (concordat_reading_mark_section (f->store, second->id, TRUE, &error));
  /* Marking twice counts once. */
  g_assert_true (concordat_reading_mark_section (f->store, second->id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (concordat_reading_progress (f->store, "model", &done, &total, &error));
  g_assert_cmpuint (done, ==, 2);

  g_assert_true (concordat_reading_mark_section (f->store, first->id, FALSE, &error));
  read = concordat_reading_sections_read (f->store, "model", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpint (g_array_index (read, gint64, 0), ==, second->id);

  g_assert_false (concordat_reading_progress (f->store, "nowhere", &done, &total, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
}

static void
test_acknowledge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GDateTime) when = NULL;

  before = concordat_reading_acknowledged_at (f->store, "model", &error);
  g_assert_no_error (error);
  g_assert_null (before);

  g_assert_true (concordat_reading_acknowledge (f->store, "model", &error));
  first = concordat_reading_acknowledged_at (f->store, "model", &error);
  g_assert_nonnull (first);
  when = g_date_time_new_from_iso8601 (first, NULL);
  g_assert_nonnull (when);

  /* Acknowledging again keeps the first date. */
  g_assert_true (concordat_reading_acknowledge (f->store, "model", &error));
  again = concordat_reading_acknowledged_at (f->store, "model", &error);
  g_assert_cmpstr (again, ==, first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reading/bookmarks", Fixture, NULL, fixture_set_up, test_bookmarks, fixture_tear_down);
  g_test_add ("/reading/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/reading/acknowledge", Fixture, NULL, fixture_set_up, test_acknowledge, fixture_tear_down);

  return g_test_run ();
}
