/* fuzz-wizard.c: libFuzzer target for the wizard-definition loader.  Any
 * bytes are either refused with a message naming the file, or make a
 * wizard that can be shown and worked out: it is evaluated twice, with no
 * answers and with an answer of the right kind for every field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "concordat-wizard.h"
#include "fuzz-common.h"

#define SOURCE "wizard.json"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  concordat_fuzz_init ();
  concordat_fuzz_store ();
  return 0;
}

/* An answer each field takes, as a person filling the wizard in gives it. */
static void
add_answer (JsonObject           *answers,
            const ConcordatField *field)
{
  switch (field->type)
    {
    case CONCORDAT_FIELD_YES_NO:
      json_object_set_boolean_member (answers, field->id, TRUE);
      break;
    case CONCORDAT_FIELD_CHOICE:
      if (field->choices != NULL && field->choices->len > 0)
        json_object_set_string_member (answers, field->id,
                                       ((ConcordatChoice *) g_ptr_array_index (field->choices, 0))->value);
      break;
    case CONCORDAT_FIELD_DATE:
      json_object_set_string_member (answers, field->id, "2027-01-05");
      break;
    case CONCORDAT_FIELD_GROUP:
      json_object_set_string_member (answers, field->id, "labour");
      break;
    case CONCORDAT_FIELD_GROUPS:
      {
        JsonArray *groups = json_array_new ();

        json_array_add_string_element (groups, "Conservative");
        json_array_add_string_element (groups, "Green");
        json_object_set_array_member (answers, field->id, groups);
      }
      break;
    case CONCORDAT_FIELD_WARD:
      json_object_set_string_member (answers, field->id, "Abbey");
      break;
    case CONCORDAT_FIELD_TEXT:
    case CONCORDAT_FIELD_LONG_TEXT:
    default:
      json_object_set_string_member (answers, field->id, " Local plan ");
      break;
    }
}

static void
check_outcome (ConcordatWizard *wizard,
               JsonObject      *answers)
{
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = concordat_wizard_evaluate (wizard, concordat_fuzz_store (), answers,
                                       concordat_fuzz_today (), &error);
  if (outcome == NULL)
    concordat_fuzz_fail ("a wizard that loaded cannot be worked out: %s", error->message);
  concordat_fuzz_check_outcome (outcome);
}

static void
check_wizard (ConcordatWizard *wizard)
{
  GPtrArray *steps = concordat_wizard_get_steps (wizard);
  g_autoptr(JsonObject) none = json_object_new ();
  g_autoptr(JsonObject) answers = json_object_new ();

  concordat_fuzz_check_text (concordat_wizard_get_id (wizard), "the id");
  concordat_fuzz_check_text (concordat_wizard_get_title (wizard), "the title");
  if (steps == NULL || steps->len == 0)
    concordat_fuzz_fail ("a wizard loaded with no steps");
  for (guint i = 0; i < steps->len; i++)
    {
      const ConcordatStep *step = g_ptr_array_index (steps, i);

      for (guint j = 0; j < step->fields->len; j++)
        {
          const ConcordatField *field = g_ptr_array_index (step->fields, j);

          if (concordat_wizard_find_field (wizard, field->id) != field)
            concordat_fuzz_fail ("field %s is not found by its id", field->id);
          concordat_fuzz_check_text (concordat_field_type_to_string (field->type), "a field's type");
          add_answer (answers, field);
        }
    }
  check_outcome (wizard, none);
  check_outcome (wizard, answers);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&concordat_fuzz_last_error, g_free);
  wizard = concordat_wizard_new_from_bytes (bytes, SOURCE, &error);
  if (wizard == NULL)
    concordat_fuzz_check_error (error, SOURCE);
  else
    check_wizard (wizard);
  return 0;
}
