/* concordat-test-store.c: a store in a temporary folder, for the core tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "concordat-test-store.h"

/* Removes @path and everything under it. */
void
concordat_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* A link to a folder goes, not what is in that folder. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        concordat_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
concordat_test_store_set_up (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("concordat-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "concordat.db", NULL);
  f->store = concordat_store_open (path, &error);
  g_assert_no_error (error);
}

/* The store must be the last reference to itself: a test that leaks it
 * fails here. */
void
concordat_test_store_tear_down (StoreFixture  *f,
                                gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  concordat_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A visit: no ledger, three duties falling due on different days. */
const char concordat_test_visit_json[] =
  "{ \"format\": 1, \"id\": \"test-visit\", \"version\": 1,"
  "  \"title\": \"Test visit\", \"description\": \"A member visits a depot.\","
  "  \"audience\": [\"member\"],"
  "  \"steps\": [ { \"id\": \"visit\", \"title\": \"The visit\", \"topics\": [\"premises\"],"
  "    \"fields\": ["
  "      { \"id\": \"place\", \"type\": \"text\", \"label\": \"Where?\", \"required\": true },"
  "      { \"id\": \"visit_date\", \"type\": \"date\", \"label\": \"When?\", \"required\": true } ] } ],"
  "  \"outcome\": {"
  "    \"summary\": \"Visit to {place}\","
  "    \"duties\": ["
  "      { \"title\": \"Tell the manager\", \"due\": \"+1wd\" },"
  "      { \"title\": \"Write the note of the visit\", \"due\": \"+5wd\" },"
  "      { \"title\": \"Send the photographs\", \"due\": \"on:visit_date\" } ] } }";
