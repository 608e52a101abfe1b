/* crash-writer.c: writes to a Concordat database in a loop, as a busy
 * council's use would, for tests/test-crash.py to kill at random moments.
 *
 *   crash-writer DB PROTOCOL SEED
 *
 * Each turn does one of: finish a briefing request (which creates an action,
 * its citations and a duty for every other party group), mark a duty done,
 * record a ledger state, back up the database, or import PROTOCOL again
 * with a few words changed.  A line is printed only after the change it
 * names has committed:
 *
 *   action ID DUTIES      a finished action and how many duties it has
 *   done ID               a duty marked done
 *   ledger TOPIC GROUP STATE
 *   backup PATH
 *   document SLUG PARAGRAPHS
 *
 * each only after it has also read back as written (else the writer stops
 * with the difference), so that whatever was printed must be in the
 * database after any kill;
 * and "> WHAT" as each change begins, to tell what a kill interrupted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "concordat-calendar.h"
#include "concordat-council.h"
#include "concordat-library.h"
#include "concordat-record.h"
#include "concordat-search.h"
#include "concordat-store.h"
#include "concordat-wizard.h"

static const char * const groups[] = { "Labour", "Conservative", "Liberal Democrats", "Green" };
static const char * const states[] = { "offered", "accepted", "declined", "delivered" };

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  fflush (stdout);
}

static void
check (gboolean     ok,
       GError      *error,
       const char  *what)
{
  if (!ok)
    {
      g_printerr ("crash-writer: cannot %s: %s\n", what, error != NULL ? error->message : "?");
      exit (1);
    }
}

static void
set_up_council (ConcordatStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordatGroup) group = concordat_council_find_group (store, groups[i], NULL);

      if (group == NULL)
        {
          group = concordat_council_add_group (store, groups[i], NULL, &error);
          check (group != NULL, error, "add a party group");
        }
    }
}

static JsonObject *
briefing_answers (guint turn)
{
  g_autofree char *json = g_strdup_printf (
    "{\"requesting_group\": \"%s\", \"requester_role\": \"group-leader\","
    " \"topic\": \"Topic %u\", \"council_business\": true,"
    " \"officer\": \"Director of Place\", \"officer_is_senior\": true,"
    " \"meeting_date\": \"2027-01-07\", \"non_members_present\": false,"
    " \"budget_proposals\": false}",
    groups[turn % G_N_ELEMENTS (groups)], turn % 7);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  gboolean ok = json_parser_load_from_data (parser, json, -1, &error);

  check (ok, error, "read the answers");
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* What was just written must read back as written, or the writer stops
 * with the difference, which the harness reports. */
static void
expect (gboolean    ok,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
expect (gboolean    ok,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ok)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("crash-writer: %s\n", message);
  exit (1);
}

static void
finish_briefing (ConcordatStore  *store,
                 ConcordatWizard *wizard,
                 const GDate     *today,
                 guint            turn)
{
  g_autoptr(JsonObject) answers = briefing_answers (turn);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  gint64 id;

  id = concordat_record_finish (store, wizard, answers, today, NULL, &error);
  check (id > 0, error, "finish the briefing request");
  action = concordat_record_get_action (store, id, today, &error);
  check (action != NULL, error, "read the action back");
  /* A briefing request always asks for the briefing to be offered on. */
  expect (action->duties->len > 0 && action->citations->len > 0,
          "action %" G_GINT64_FORMAT " was stored with %u duties and %u citations",
          id, action->duties->len, action->citations->len);
  say ("action %" G_GINT64_FORMAT " %u\n", id, action->duties->len);
}

static void
mark_one_done (ConcordatStore *store,
               const GDate    *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(ConcordatDuty) stored = NULL;
  ConcordatDuty *duty;
  gboolean ok;

  pending = concordat_record_list_duties (store, CONCORDAT_DUTY_FILTER_PENDING, today, &error);
  check (pending != NULL, error, "list the duties");
  if (pending->len == 0)
    return;
  duty = g_ptr_array_index (pending, g_random_int_range (0, pending->len));
  ok = concordat_record_duty_done (store, duty->id, &error);
  check (ok, error, "mark a duty done");
  stored = concordat_record_get_duty (store, duty->id, today, &error);
  check (stored != NULL, error, "read the duty back");
  expect (stored->status == CONCORDAT_DUTY_DONE && stored->done_at != NULL,
          "duty %" G_GINT64_FORMAT " was marked done and reads back %s",
          duty->id, concordat_duty_status_to_string (stored->status));
  say ("done %" G_GINT64_FORMAT "\n", duty->id);
}

static const char *
cell_state (GPtrArray  *ledger,
            const char *topic,
            const char *group)
{
  for (guint i = 0; i < ledger->len; i++)
    {
      ConcordatLedgerTopic *row = g_ptr_array_index (ledger, i);

      for (guint j = 0; j < row->cells->len && g_str_equal (row->topic, topic); j++)
        {
          ConcordatLedgerCell *cell = g_ptr_array_index (row->cells, j);

          if (g_str_equal (cell->group, group))
            return cell->state;
        }
    }
  return NULL;
}

/* A state for a topic already briefed, by hand. */
static void
set_ledger (ConcordatStore *store,
            const GDate    *today,
            guint           turn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *topic = NULL;
  const char *group = groups[turn % G_N_ELEMENTS (groups)];
  const char *state = states[turn % G_N_ELEMENTS (states)];
  gboolean ok;

  ledger = concordat_record_ledger (store, &error);
  check (ledger != NULL, error, "read the ledger");
  if (ledger->len == 0)
    return;
  topic = g_strdup (((ConcordatLedgerTopic *)g_ptr_array_index (ledger, g_random_int_range (0, ledger->len)))->topic);

  ok = concordat_record_ledger_set (store, topic, group, state, today, &error);
  check (ok, error, "set the ledger");
  after = concordat_record_ledger (store, &error);
  check (after != NULL, error, "read the ledger back");
  expect (g_strcmp0 (cell_state (after, topic, group), state) == 0,
          "ledger %s/%s was set to %s and reads back %s", topic, group, state,
          cell_state (after, topic, group));
  say ("ledger %s\t%s\t%s\n", topic, group, state);
}

static void
back_up (ConcordatStore *store,
         guint           turn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 10, turn / 60 % 60, turn % 60);
  g_autofree char *path = concordat_store_backup (store, now, &error);
  g_autoptr(GPtrArray) problems = NULL;

  check (path != NULL, error, "back up");
  problems = concordat_store_check_file (path, &error);
  check (problems != NULL, error, "check the backup");
  expect (problems->len == 0, "the backup %s has %u problems, first: %s", path, problems->len,
          problems->len > 0 ? (const char *)g_ptr_array_index (problems, 0) : "");
  say ("backup %s\n", path);
}

static void
import_variant (ConcordatStore *store,
                const char     *protocol,
                guint           turn)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *varied = NULL;
  guint nonce = g_random_int ();
  g_autofree char *title = g_strdup_printf ("Variant %u-%08x", turn, nonce);
  g_autofree char *source = g_strdup_printf ("variant-%u-%08x.md", turn, nonce);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ConcordatDocument) document = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *marker = g_strdup_printf ("\"Variant %u-%08x\"", turn, nonce);
  gsize length;

  gboolean ok = g_file_get_contents (protocol, &text, &length, &error);

  check (ok, error, "read the protocol");
  varied = g_strdup_printf ("%s\n\nVariant %u-%08x of this protocol.\n", text, turn, nonce);
  length = strlen (varied);
  bytes = g_bytes_new_take (g_steal_pointer (&varied), length);
  document = concordat_library_import_bytes (store, bytes, source, title, FALSE, &error);
  check (document != NULL, error, "import the protocol");
  /* Its own last words are found in it, so its paragraphs are indexed. */
  found = concordat_search (store, marker, document->slug, 0, &error);
  check (found != NULL, error, "search the protocol");
  expect (document->paragraphs > 0 && found->len == 1,
          "%s was imported with %u paragraphs, and its last words are found %u times",
          document->slug, document->paragraphs, found->len);
  say ("document %s %u\n", document->slug, document->paragraphs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (argc != 4)
    {
      g_printerr ("Usage: crash-writer DB PROTOCOL SEED\n");
      return 2;
    }
  g_random_set_seed (atoi (argv[3]));
  g_date_set_dmy (&today, 23, 11, 2026);

  store = concordat_store_open (argv[1], &error);
  check (store != NULL, error, "open the database");
  set_up_council (store);
  wizard = concordat_wizard_find_bundled ("briefing", &error);
  check (wizard != NULL, error, "load the briefing wizard");
  say ("ready\n");

  for (guint turn = g_random_int_range (0, 100000); ; turn++)
    {
      static const char * const doing[] = { "finish", "finish", "finish", "finish", "done", "done",
                                             "ledger", "ledger", "backup", "import" };

      /* What it is doing when killed. */
      say ("> %s\n", doing[turn % 10]);
      switch (turn % 10)
        {
        case 0: case 1: case 2: case 3:
          finish_briefing (store, wizard, &today, turn);
          break;
        case 4: case 5:
          mark_one_done (store, &today);
          break;
        case 6: case 7:
          set_ledger (store, &today, turn);
          break;
        case 8:
          back_up (store, turn);
          break;
        default:
          import_variant (store, argv[2], turn);
          break;
        }
    }
}
