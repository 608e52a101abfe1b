/* fuzz-common.c: what the fuzz targets share — a council to evaluate
 * answers against, and the checks every error and result must pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concordat-council.h"
#include "concordat-error.h"
#include "fuzz-common.h"

char *concordat_fuzz_last_error;

static char *store_dir;
static ConcordatStore *store;

void
concordat_fuzz_fail (const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  fputs ("concordat-fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

/* Criticals and warnings are bugs: a g_return_if_fail() that an input
 * can reach is a crash the fuzzer should report. */
void
concordat_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("TZ", "UTC", TRUE);
}

static void
remove_store (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (store == NULL)
    return;
  g_clear_object (&store);
  dir = g_dir_open (store_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static void
set_up_council (ConcordatStore *s)
{
  const char *groups[][2] = {
    { "Labour", "Cllr Ann Lee" }, { "Conservative", "" }, { "Liberal Democrat", "" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatGroup) gone = NULL;
  g_autoptr(ConcordatWard) abbey = NULL;
  g_autoptr(ConcordatWard) castle = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (s, groups[i][0], groups[i][1], &error);

      if (group == NULL)
        concordat_fuzz_fail ("cannot add a group: %s", error->message);
    }
  /* A group that is gone, which answers may still name. */
  gone = concordat_council_add_group (s, "Green", "", &error);
  if (gone == NULL || !concordat_council_set_group_active (s, "Green", FALSE, &error))
    concordat_fuzz_fail ("cannot set up the groups: %s", error->message);
  abbey = concordat_council_add_ward (s, "Abbey", &error);
  castle = concordat_council_add_ward (s, "Castle", &error);
  if (abbey == NULL || castle == NULL ||
      !concordat_council_set (s, "name", "Fuzz Borough Council", &error) ||
      !concordat_council_set (s, "polling-day", "2027-05-06", &error))
    concordat_fuzz_fail ("cannot set up the council: %s", error->message);
}

/* One store for the whole run, in a temporary folder removed at exit. */
ConcordatStore *
concordat_fuzz_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store;
  store_dir = g_dir_make_tmp ("concordat-fuzz-XXXXXX", &error);
  if (store_dir == NULL)
    concordat_fuzz_fail ("cannot make a folder for the store: %s", error->message);
  path = g_build_filename (store_dir, "concordat.db", NULL);
  store = concordat_store_open (path, &error);
  if (store == NULL)
    concordat_fuzz_fail ("cannot open a store: %s", error->message);
  set_up_council (store);
  atexit (remove_store);
  return store;
}

/* A Wednesday before Christmas: working days and holidays both matter. */
const GDate *
concordat_fuzz_today (void)
{
  static GDate today;

  if (!g_date_valid (&today))
    g_date_set_dmy (&today, 23, G_DATE_DECEMBER, 2026);
  return &today;
}

void
concordat_fuzz_check_text (const char *text,
                           const char *what)
{
  if (text == NULL)
    concordat_fuzz_fail ("%s is NULL", what);
  if (!g_utf8_validate (text, -1, NULL))
    concordat_fuzz_fail ("%s is not valid UTF-8", what);
}

/* A refusal must be ours, say something, and name the file it is about. */
void
concordat_fuzz_check_error (const GError *error,
                            const char   *source)
{
  g_clear_pointer (&concordat_fuzz_last_error, g_free);
  if (error == NULL)
    concordat_fuzz_fail ("refused without an error");
  concordat_fuzz_check_text (error->message, "the error message");
  if (error->domain != CONCORDAT_ERROR)
    concordat_fuzz_fail ("an error from %s, not Concordat's own: %s",
                         g_quark_to_string (error->domain), error->message);
  if (strstr (error->message, source) == NULL)
    concordat_fuzz_fail ("the error does not name %s: %s", source, error->message);
  concordat_fuzz_last_error = g_strdup (error->message);
}

/* What a wizard worked out from answers: every text in it UTF-8, every
 * duty dated. */
void
concordat_fuzz_check_outcome (const ConcordatOutcome *outcome)
{
  for (guint i = 0; i < outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (outcome->problems, i);

      concordat_fuzz_check_text (problem->message, "a problem's message");
      if (problem->field != NULL)
        concordat_fuzz_check_text (problem->field, "a problem's field");
    }
  if (outcome->stop != NULL)
    concordat_fuzz_check_text (outcome->stop->reason, "a stop's reason");
  if (!concordat_outcome_can_finish (outcome))
    return;

  concordat_fuzz_check_text (outcome->summary, "the summary");
  for (guint i = 0; i < outcome->notes->len; i++)
    concordat_fuzz_check_text (g_ptr_array_index (outcome->notes, i), "a note");
  for (guint i = 0; i < outcome->duties->len; i++)
    {
      const ConcordatPlannedDuty *duty = g_ptr_array_index (outcome->duties, i);

      concordat_fuzz_check_text (duty->title, "a duty's title");
      if (!g_date_valid (&duty->due))
        concordat_fuzz_fail ("duty “%s” has no valid date", duty->title);
    }
}
