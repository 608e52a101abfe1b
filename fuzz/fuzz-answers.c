/* fuzz-answers.c: libFuzzer target for a file of answers to a wizard, read
 * by the reader "concordat wizard run ID --answers FILE" uses and worked out by
 * each bundled wizard against a council with groups and wards.  Whatever
 * the answers, each wizard comes to an outcome — its problems, a stop or
 * what would be recorded — or the file is refused with a message naming it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "concordat-error.h"
#include "concordat-wizard.h"
#include "fuzz-common.h"

#define SOURCE "answers.json"

static GPtrArray *wizards;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  concordat_fuzz_init ();
  wizards = concordat_wizard_load_bundled (&error);
  if (wizards == NULL || wizards->len == 0)
    concordat_fuzz_fail ("no bundled wizards: %s", error != NULL ? error->message : "none");
  concordat_fuzz_store ();
  return 0;
}

/* Each wizard's problems with the answers, for the replay to compare
 * with what a regression input expects. */
static void
note_problems (ConcordatWizard  *wizard,
               ConcordatOutcome *outcome,
               GString          *problems)
{
  for (guint i = 0; i < outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (outcome->problems, i);

      g_string_append_printf (problems, "%s%s: %s", problems->len > 0 ? "; " : "",
                              concordat_wizard_get_id (wizard), problem->message);
    }
}

static void
evaluate (ConcordatWizard *wizard,
          JsonObject      *answers,
          GString         *problems)
{
  ConcordatStore *store = concordat_fuzz_store ();
  GPtrArray *steps = concordat_wizard_get_steps (wizard);
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = concordat_wizard_evaluate (wizard, store, answers, concordat_fuzz_today (), &error);
  if (outcome == NULL)
    concordat_fuzz_fail ("%s: the answers were not worked out: %s",
                         concordat_wizard_get_id (wizard), error->message);
  concordat_fuzz_check_outcome (outcome);
  note_problems (wizard, outcome, problems);

  /* What the window asks before each step. */
  for (guint i = 0; i < steps->len; i++)
    if (!concordat_wizard_step_applies (wizard, store, g_ptr_array_index (steps, i), answers, &error) &&
        error != NULL)
      concordat_fuzz_fail ("%s: cannot tell whether a step applies: %s",
                           concordat_wizard_get_id (wizard), error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);

  g_clear_pointer (&concordat_fuzz_last_error, g_free);
  answers = concordat_wizard_parse_answers ((const char *) data, size, SOURCE, &error);
  if (answers == NULL)
    {
      concordat_fuzz_check_error (error, SOURCE);
      return 0;
    }
  for (guint i = 0; i < wizards->len; i++)
    evaluate (g_ptr_array_index (wizards, i), answers, problems);
  concordat_fuzz_last_error = g_string_free (g_steal_pointer (&problems), FALSE);
  return 0;
}
