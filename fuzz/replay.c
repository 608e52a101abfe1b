/* replay.c: runs a fuzz target, built without libFuzzer, on files: the
 * inputs that once broke it (fuzz/regressions/TARGET/) and its seeds.  Each
 * file is one TAP test; it fails by crashing, by a sanitizer's report, by
 * taking more than REPLAY_SECONDS, or when the file has a FILE.expect
 * beside it and the input was not refused with a message containing that
 * text.  A FILE.gz is replayed uncompressed: inputs of megabytes that
 * broke the importer are kept that way.
 *
 *   replay [FILE | FOLDER]...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"

/* Ten times what the slowest input takes under AddressSanitizer. */
#define REPLAY_SECONDS 30

static guint tests;
static guint failed;

static gboolean
is_input (const char *name)
{
  return name[0] != '.' && !g_str_has_suffix (name, ".expect") &&
         !g_str_has_suffix (name, ".md5") && !g_str_equal (name, "README");
}

static gboolean
read_input (const char  *path,
            char       **contents,
            gsize       *length,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) plain = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GConverter) gunzip = NULL;

  if (!g_str_has_suffix (path, ".gz"))
    return g_file_get_contents (path, contents, length, error);

  file = g_file_new_for_path (path);
  in = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (in == NULL)
    return FALSE;
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  plain = g_converter_input_stream_new (in, gunzip);
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, plain, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return FALSE;
  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  *contents = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  return TRUE;
}

static void
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expect_path = g_strconcat (path, ".expect", NULL);
  g_autofree char *expected = NULL;
  gsize length;

  tests++;
  if (!read_input (path, &contents, &length, &error))
    {
      failed++;
      printf ("not ok %u - %s\n# %s\n", tests, path, error->message);
      return;
    }
  /* An input that hangs the target is killed by the alarm, and fails. */
  fflush (stdout);
  alarm (REPLAY_SECONDS);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  alarm (0);

  if (g_file_get_contents (expect_path, &expected, NULL, NULL))
    {
      g_strstrip (expected);
      if (concordat_fuzz_last_error == NULL || strstr (concordat_fuzz_last_error, expected) == NULL)
        {
          failed++;
          printf ("not ok %u - %s\n# expected a refusal saying “%s”, got: %s\n", tests, path,
                  expected, concordat_fuzz_last_error != NULL ? concordat_fuzz_last_error : "no error");
          return;
        }
    }
  printf ("ok %u - %s%s%.200s\n", tests, path,
          concordat_fuzz_last_error != NULL ? " # " : "",
          concordat_fuzz_last_error != NULL ? concordat_fuzz_last_error : "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

static void
replay_folder (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;

  if (dir == NULL)
    {
      tests++;
      failed++;
      printf ("not ok %u - %s\n# %s\n", tests, path, error->message);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_input (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      replay (file);
    }
}

int
main (int    argc,
      char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        replay_folder (argv[i]);
      else
        replay (argv[i]);
    }
  printf ("1..%u\n", tests);
  g_clear_pointer (&concordat_fuzz_last_error, g_free);
  return failed > 0 || tests == 0 ? 1 : 0;
}
