/* concurrent-writer.c: writes to the Concordat database as the window
 * does, through the same engine calls, for tests/test-concurrent.py to run
 * beside the command line and the background reminder instance.
 *
 *   concurrent-writer PROTOCOL SECONDS NAME
 *
 * It opens the database in CONCORDAT_DATA_DIR as the application starts
 * (the model protocol, the daily backup), says "ready", and waits for a
 * line on standard input; then for SECONDS it keeps a wizard in progress,
 * finishes briefing requests, marks duties done, snoozes them, records
 * ledger states, imports PROTOCOL with a few words changed and backs up,
 * in turn.  A line is printed only once the change it names has
 * committed and read back as written:
 *
 *   draft WIZARD N               the draft kept, with "subject": "draft N"
 *   action ID DUTIES CITATIONS   a finished briefing request
 *   done ID                      a duty marked done
 *   snooze ID DATE               a duty put off to DATE
 *   ledger TOPIC GROUP STATE     (tab-separated)
 *   document SLUG PARAGRAPHS     an imported protocol
 *   backup PATH
 *
 * What the window would have shown the user as a failure is printed on
 * standard error as "error: WHAT: MESSAGE", and the writer goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concordat-clock.h"
#include "concordat-library.h"
#include "concordat-record.h"
#include "concordat-store.h"
#include "concordat-wizard.h"

static const char * const groups[] = { "Labour", "Conservative", "Liberal Democrat", "Green" };
static const char * const states[] = { "delivered", "accepted", "declined", "offered" };

typedef struct
{
  ConcordatStore  *store;
  ConcordatWizard *briefing;
  GDate           *today;
  const char      *protocol;
  const char      *name;
  GArray          *to_do;     /* gint64: duties of ours to mark done */
  GArray          *to_snooze; /* gint64: duties of ours to put off */
  GPtrArray       *topics;    /* char *, with the group that asked */
  guint            failures;
} Writer;

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

/* Reports a failure the window would have shown; FALSE when there was one. */
static gboolean
ok_or_report (Writer     *w,
              gboolean    ok,
              GError     *error,
              const char *what)
{
  if (ok)
    return TRUE;
  w->failures++;
  g_printerr ("error: %s: %s\n", what, error != NULL ? error->message : "(no message)");
  return FALSE;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    g_error ("Bad answers: %s", json);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A wizard left half done, kept as the window keeps it at each step. */
static void
keep_draft (Writer *w,
            guint   turn)
{
  g_autofree char *json = g_strdup_printf ("{\"role\": \"officer\", \"subject\": \"draft %u\"}", turn);
  g_autoptr(JsonObject) answers = parse_object (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatDraft) draft = NULL;

  if (!ok_or_report (w, concordat_record_save_draft (w->store, "media-contact", answers, "contact", &error),
                     error, "keep the wizard in progress"))
    return;
  draft = concordat_record_load_draft (w->store, "media-contact", &error);
  if (!ok_or_report (w, draft != NULL, error, "read the wizard in progress back"))
    return;
  say ("draft media-contact %u\n", turn);
}

static void
finish_briefing (Writer *w,
                 guint   turn)
{
  const char *group = groups[turn % G_N_ELEMENTS (groups)];
  g_autofree char *topic = g_strdup_printf ("%s %u", w->name, turn);
  g_autoptr(GDate) meeting = g_date_copy (w->today);
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) answers = NULL;
  char day[16];

  /* A week on from today, as a request usually comes. */
  g_date_add_days (meeting, 7);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", meeting);
  json = g_strdup_printf (
    "{\"requesting_group\": \"%s\", \"requester_role\": \"group-leader\","
    " \"topic\": \"%s\", \"council_business\": true,"
    " \"officer\": \"Director of Place\", \"officer_is_senior\": true,"
    " \"meeting_date\": \"%s\", \"non_members_present\": false,"
    " \"budget_proposals\": false}", group, topic, day);
  answers = parse_object (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  gint64 id;

  id = concordat_record_finish (w->store, w->briefing, answers, w->today, NULL, &error);
  if (!ok_or_report (w, id > 0, error, "finish the briefing request"))
    return;
  action = concordat_record_get_action (w->store, id, w->today, &error);
  if (!ok_or_report (w, action != NULL, error, "read the action back"))
    return;

  for (guint i = 0; i < action->duties->len; i++)
    {
      ConcordatDuty *duty = g_ptr_array_index (action->duties, i);

      /* The offers are tied to the other groups' ledger cells, which only
       * the group that asked has set here: they are put off, not done. */
      g_array_append_val (g_str_has_prefix (duty->title, "Offer ") ? w->to_snooze : w->to_do, duty->id);
    }
  g_ptr_array_add (w->topics, g_strdup_printf ("%s\t%s", topic, group));
  say ("action %" G_GINT64_FORMAT " %u %u\n", id, action->duties->len, action->citations->len);
}

static gboolean
pop (GArray *ids,
     gint64 *id)
{
  if (ids->len == 0)
    return FALSE;
  *id = g_array_index (ids, gint64, 0);
  g_array_remove_index (ids, 0);
  return TRUE;
}

static void
mark_done (Writer *w)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!pop (w->to_do, &id))
    return;
  if (ok_or_report (w, concordat_record_duty_done (w->store, id, &error), error, "mark the duty done"))
    say ("done %" G_GINT64_FORMAT "\n", id);
}

static void
snooze (Writer *w,
        guint   turn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) until = g_date_copy (w->today);
  char day[16];
  gint64 id;

  if (!pop (w->to_snooze, &id))
    return;
  g_date_add_days (until, 1 + turn % 20);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", until);
  if (ok_or_report (w, concordat_record_duty_snooze (w->store, id, until, w->today, &error),
                    error, "snooze the duty"))
    say ("snooze %" G_GINT64_FORMAT " %s\n", id, day);
}

/* What happened to the group that asked, recorded by hand in the ledger. */
static void
set_ledger (Writer *w,
            guint   turn)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cell = NULL;
  const char *state = states[turn % G_N_ELEMENTS (states)];

  if (w->topics->len == 0)
    return;
  cell = g_strsplit (g_ptr_array_index (w->topics, turn % w->topics->len), "\t", 2);
  if (ok_or_report (w, concordat_record_ledger_set (w->store, cell[0], cell[1], state, w->today, &error),
                    error, "set the ledger"))
    say ("ledger %s\t%s\t%s\n", cell[0], cell[1], state);
}

static void
import_variant (Writer *w,
                guint   turn)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = g_strdup_printf ("%s variant %u", w->name, turn);
  g_autofree char *source = g_strdup_printf ("%s-variant-%u.txt", w->name, turn);
  g_autoptr(ConcordatDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *varied;
  gsize length;

  if (!g_file_get_contents (w->protocol, &text, &length, &error))
    g_error ("%s", error->message);
  varied = g_strdup_printf ("%s\n\nThis is %s.\n", text, title);
  bytes = g_bytes_new_take (varied, strlen (varied));
  document = concordat_library_import_bytes (w->store, bytes, source, title, FALSE, &error);
  if (ok_or_report (w, document != NULL, error, "import the protocol"))
    say ("document %s %u\n", document->slug, document->paragraphs);
}

static void
back_up (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = concordat_store_backup (w->store, now, &error);

  if (ok_or_report (w, path != NULL, error, "back up"))
    say ("backup %s\n", path);
}

static void
turn_once (Writer *w,
           guint   turn)
{
  switch (turn % 12)
    {
    case 0: case 4: case 8:
      keep_draft (w, turn);
      break;
    case 1: case 5: case 9:
      finish_briefing (w, turn);
      break;
    case 2: case 6:
      mark_done (w);
      break;
    case 3: case 10:
      set_ledger (w, turn);
      break;
    case 7:
      snooze (w, turn);
      break;
    case 11:
      if (turn % 24 == 11)
        import_variant (w, turn);
      else if (turn % 48 == 23)
        back_up (w);
      else
        keep_draft (w, turn);
      break;
    default:
      g_assert_not_reached ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatWizard) briefing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *backup = NULL;
  Writer w = { 0 };
  char line[16];
  gint64 end;

  if (argc != 4)
    {
      g_printerr ("Usage: concurrent-writer PROTOCOL SECONDS NAME\n");
      return 2;
    }

  /* As the application starts: the store, the model protocol, then the
   * daily backup once it is idle. */
  store = concordat_store_open_default (&error);
  if (store == NULL || !concordat_library_ensure_model (store, &error))
    {
      g_printerr ("error: open the database: %s\n", error->message);
      return 1;
    }
  briefing = concordat_wizard_find_bundled ("briefing", &error);
  if (briefing == NULL)
    g_error ("%s", error->message);
  say ("ready\n");

  if (fgets (line, sizeof line, stdin) == NULL)
    return 0;

  w.store = store;
  w.briefing = briefing;
  w.today = concordat_clock_today ();
  w.protocol = argv[1];
  w.name = argv[3];
  w.to_do = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.to_snooze = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.topics = g_ptr_array_new_with_free_func (g_free);

  now = g_date_time_new_now_utc ();
  backup = concordat_store_backup_if_due (store, now, &error);
  ok_or_report (&w, backup != NULL || error == NULL, error, "take the daily backup");
  if (backup != NULL)
    say ("backup %s\n", backup);

  end = g_get_monotonic_time () + (gint64) (g_ascii_strtod (argv[2], NULL) * G_USEC_PER_SEC);
  for (guint turn = 0; g_get_monotonic_time () < end; turn++)
    turn_once (&w, turn);

  g_array_unref (w.to_do);
  g_array_unref (w.to_snooze);
  g_ptr_array_unref (w.topics);
  g_date_free (w.today);
  return w.failures > 0 ? 1 : 0;
}
