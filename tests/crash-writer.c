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
 * so that whatever was printed must be in the database after any kill;
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
#include "concordat-store-private.h"
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

static gint64
count_duties (ConcordatStore *store,
              gint64          action)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  sqlite3_prepare_v2 (concordat_store_get_db (store), "SELECT count (*) FROM duties WHERE action_id = ?1",
                      -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, action);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
finish_briefing (ConcordatStore  *store,
                 ConcordatWizard *wizard,
                 const GDate     *today,
                 guint            turn)
{
  g_autoptr(JsonObject) answers = briefing_answers (turn);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = concordat_record_finish (store, wizard, answers, today, NULL, &error);
  check (id > 0, error, "finish the briefing request");
  say ("action %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", id, count_duties (store, id));
}

static void
mark_one_done (ConcordatStore *store,
               const GDate    *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  ConcordatDuty *duty;
  gboolean ok;

  pending = concordat_record_list_duties (store, CONCORDAT_DUTY_FILTER_PENDING, today, &error);
  check (pending != NULL, error, "list the duties");
  if (pending->len == 0)
    return;
  duty = g_ptr_array_index (pending, g_random_int_range (0, pending->len));
  ok = concordat_record_duty_done (store, duty->id, &error);
  check (ok, error, "mark a duty done");
  say ("done %" G_GINT64_FORMAT "\n", duty->id);
}

/* A state for a topic already briefed, by hand. */
static void
set_ledger (ConcordatStore *store,
            const GDate    *today,
            guint           turn)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = NULL;
  const char *group = groups[turn % G_N_ELEMENTS (groups)];
  const char *state = states[turn % G_N_ELEMENTS (states)];
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  sqlite3_prepare_v2 (concordat_store_get_db (store),
                      "SELECT name FROM briefing_topics ORDER BY random () LIMIT 1", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    topic = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (topic == NULL)
    return;

  ok = concordat_record_ledger_set (store, topic, group, state, today, &error);
  check (ok, error, "set the ledger");
  say ("ledger %s\t%s\t%s\n", topic, group, state);
}

static void
back_up (ConcordatStore *store,
         guint           turn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 10, turn / 60 % 60, turn % 60);
  g_autofree char *path = concordat_store_backup (store, now, &error);

  check (path != NULL, error, "back up");
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
  gsize length;

  gboolean ok = g_file_get_contents (protocol, &text, &length, &error);

  check (ok, error, "read the protocol");
  varied = g_strdup_printf ("%s\n\nVariant %u-%08x of this protocol.\n", text, turn, nonce);
  length = strlen (varied);
  bytes = g_bytes_new_take (g_steal_pointer (&varied), length);
  document = concordat_library_import_bytes (store, bytes, source, title, FALSE, &error);
  check (document != NULL, error, "import the protocol");
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
