#!/usr/bin/python3
"""test-concurrent.py: several Concordats writing to one database at once
lose nothing, and never tell the user the database is locked.

On one new database, at the same moment: six commands set the council up
(the first open, by several processes at once), the background reminder
instance starts (`concordat --background`), and tests/concurrent-writer
opens it as the window does.  Then, for SECONDS:

- the command line, WRITERS processes at a time, in loops: `wizard run
  --answers FILE` finishing briefing requests and premises visits, `duty
  done`, `duty snooze`, `ledger set`, and `import` of a protocol (all with
  the same title, so each is a new version);
- the window's writes through the engine calls the window makes
  (tests/concurrent-writer: a wizard kept in progress, briefing requests
  finished, duties done and snoozed, ledger states, imports, backups);
- the background reminder instance, its clock weeks ahead so that every
  new duty is due, woken again and again as the computer wakes from sleep
  (logind's PrepareForSleep from python-dbusmock on a private system bus):
  each time it claims the duties due (writes their last-notified day) and
  sends its notices to python-dbusmock's notification server, and Mark
  done clicked on a notice writes the duty done.

Every write a writer reported done is then looked for in the database: the
actions with all their duties and citations, duties done and snoozed,
ledger events, the wizard in progress, imported protocols with every
paragraph indexed, backups sound, and every reminder sent stored as
notified (and every duty due notified).  Nothing half-written, `PRAGMA
integrity_check` ok, and no process failed or printed that the database
was locked or busy.

Run under run-in-session.sh (Xvfb and a session bus) with Debian's python3:
  tests/run-in-session.sh /usr/bin/python3 tests/test-concurrent.py \\
      BUILD/tests/concurrent-writer PROTOCOL [SECONDS] [WRITERS]
with CONCORDAT set to BUILD/src/concordat.  Prints TAP; the comment lines
before the plan give the figures.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import dbus
import dbusmock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from concordat_notifications import MockServer, report  # noqa: E402

CONCORDAT = os.environ['CONCORDAT']
CLI_TODAY = '2026-12-23'
# Weeks after every duty the command line creates falls due, and before
# any of the window's.
REMINDER_TODAY = '2027-03-01'
WINDOW_TODAY = '2027-06-01'
GROUPS = ['Labour', 'Conservative', 'Liberal Democrat', 'Green']
WARDS = ['Abbey', 'Castle']
STATES = ['delivered', 'accepted', 'declined', 'offered']
LOCKED = re.compile(r'locked|busy', re.IGNORECASE)
GROUPED = re.compile(r'^(\d+) duties are due$')


class Failures:
    """What went wrong, from every writer, for the test to report."""

    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, text):
        with self.lock:
            self.items.append(text)


class CliWriter(threading.Thread):
    """One command-line writer: commands one after another, each write kept
    as the command reported it."""

    def __init__(self, number, env, work, protocol, deadline, failures):
        super().__init__(name=f'cli-{number}')
        self.number = number
        self.env = env
        self.work = work
        self.protocol = protocol
        self.deadline = deadline
        self.failures = failures
        self.commands = 0
        self.locked = 0
        self.actions = []      # (id, summary, duty ids, citations)
        self.done = []
        self.snoozed = []      # (id, date)
        self.ledger = []       # (topic, group, state)
        self.documents = []    # (slug, paragraphs, version)
        self.arrange = {}      # title of a visit's "Arrange" duty: its id
        self.to_do = []
        self.to_snooze = []
        self.topics = []

    def run_cli(self, *args, stdin=None):
        self.commands += 1
        done = subprocess.run([CONCORDAT, *args], env=self.env, input=stdin, capture_output=True,
                              text=True, timeout=120, check=False)
        said = done.stdout + done.stderr
        if LOCKED.search(said):
            self.locked += 1
        if done.returncode != 0 or done.stderr:
            self.failures.add(f'{self.name}: concordat {" ".join(args)} exited {done.returncode}: '
                              f'{done.stderr.strip()}')
            return None
        return done.stdout

    def answers(self, name, answers):
        path = os.path.join(self.work, f'{self.name}-{name}.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(answers, f)
        return path

    def briefing(self, turn):
        group = GROUPS[turn % len(GROUPS)]
        topic = f'{self.name} {turn}'
        path = self.answers('briefing', {
            'requesting_group': group, 'requester_role': 'group-leader', 'topic': topic,
            'council_business': True, 'officer': 'Director of Place', 'officer_is_senior': True,
            'meeting_date': '2027-01-07', 'non_members_present': False, 'budget_proposals': False})
        out = self.run_cli('wizard', 'run', 'briefing', '--answers', path, '--json')
        if out is None:
            return
        outcome = json.loads(out)
        self.keep_action(outcome)
        for duty in outcome['duties']:
            # The offers are tied to other groups' ledger cells, which this
            # writer leaves alone: they are put off, the rest done.
            (self.to_snooze if duty['title'].startswith('Offer ') else self.to_do).append(duty['id'])
        self.topics.append((topic, group))

    def visit(self, turn):
        path = self.answers('visit', {
            'member': f'Cllr {self.name} {turn}', 'member_ward': 'Abbey',
            'premises': 'Willowholme depot', 'premises_ward': 'Castle', 'visit_date': '2027-01-05',
            'purpose': 'To see the gritters', 'vulnerable_setting': False,
            'arranged_with_manager': False, 'health_safety_ack': True, 'no_interference_ack': True})
        out = self.run_cli('wizard', 'run', 'premises-visit', '--answers', path, '--json')
        if out is None:
            return
        outcome = json.loads(out)
        self.keep_action(outcome)
        for duty in outcome['duties']:
            # Arranging the visit is left to Mark done on its reminder.
            if duty['title'].startswith('Arrange '):
                self.arrange[duty['title']] = duty['id']
            else:
                self.to_do.append(duty['id'])

    def keep_action(self, outcome):
        self.actions.append((outcome['action'], outcome['summary'],
                             sorted(d['id'] for d in outcome['duties']), len(outcome['citations'])))

    def mark_done(self):
        if self.to_do:
            duty = self.to_do.pop(0)
            if self.run_cli('duty', 'done', str(duty)) is not None:
                self.done.append(duty)

    def snooze(self, turn):
        if self.to_snooze:
            duty = self.to_snooze.pop(0)
            until = f'2027-01-{1 + turn % 28:02d}'
            if self.run_cli('duty', 'snooze', str(duty), '--until', until) is not None:
                self.snoozed.append((duty, until))

    def set_ledger(self, turn):
        if self.topics:
            topic, group = self.topics[turn % len(self.topics)]
            state = STATES[turn % len(STATES)]
            if self.run_cli('ledger', 'set', topic, group, state) is not None:
                self.ledger.append((topic, group, state))

    def import_protocol(self, turn):
        path = os.path.join(self.work, f'{self.name}-protocol-{turn}.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(self.protocol + f'\n\nThis copy was imported by {self.name} on turn {turn}.\n')
        out = self.run_cli('import', path, '--json')
        if out is not None:
            document = json.loads(out)
            self.documents.append((document['id'], document['paragraphs'], document['version']))

    def run(self):
        turn = 0
        while time.monotonic() < self.deadline:
            step = turn % 6
            if step == 0:
                self.briefing(turn)
            elif step == 1:
                self.visit(turn)
            elif step == 2:
                self.mark_done()
            elif step == 3:
                self.snooze(turn)
            elif step == 4:
                self.set_ledger(turn)
            elif turn % 12 == 5:
                self.import_protocol(turn)
            else:
                self.mark_done()
            turn += 1

    def writes(self):
        return len(self.actions) + len(self.done) + len(self.snoozed) + len(self.ledger) + len(self.documents)


class Reminders:
    """The background reminder instance, the servers it talks to, and what
    it reported by its notices."""

    def __init__(self, env):
        dbusmock.DBusTestCase.start_system_bus()
        self.logind_process, logind = dbusmock.DBusTestCase.spawn_server_template(
            'logind', {}, stdout=subprocess.DEVNULL, system_bus=True)
        self.logind = dbus.Interface(logind, dbusmock.MOCK_IFACE)
        self.server = MockServer('body actions')
        self.env = dict(env, CONCORDAT_TODAY=REMINDER_TODAY, CONCORDAT_TIME='10:00',
                        DBUS_SYSTEM_BUS_ADDRESS=os.environ['DBUS_SYSTEM_BUS_ADDRESS'])
        self.process = None
        self.wakes = 0
        self.clicked = {}      # notification id: duty id
        self.seen = 0

    def start(self):
        self.process = subprocess.Popen([CONCORDAT, '--background'], env=self.env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wake(self):
        """As the computer wakes: the instance looks for due duties now."""
        self.logind.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [False])
        self.wakes += 1

    def notices(self):
        return self.server.calls('Notify')

    def claimed(self):
        """How many duties its notices said it reminded of."""
        total = 0
        for call in self.notices():
            grouped = GROUPED.match(str(call[3]))
            total += int(grouped.group(1)) if grouped else 1
        return total

    def click_done(self, arrange):
        """Mark done on each new notice of a visit to arrange."""
        calls = self.notices()
        for number, call in self.numbered(calls)[self.seen:]:
            duty = arrange.get(str(call[3]))
            if duty is not None:
                self.server.invoke_action(number, 'done')
                self.clicked[number] = duty
        self.seen = len(calls)

    @staticmethod
    def numbered(calls):
        """Each notice with its id: the mock numbers them from 1, and one
        that replaces another keeps that one's id."""
        numbered, next_id = [], 1
        for call in calls:
            if call[1]:
                numbered.append((int(call[1]), call))
            else:
                numbered.append((next_id, call))
                next_id += 1
        return numbered

    def stop(self):
        if self.process is None:
            return ''
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            _, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err

    def close(self):
        self.server.stop()
        self.logind_process.terminate()
        self.logind_process.wait()
        dbusmock.DBusTestCase.stop_dbus(dbusmock.DBusTestCase.system_bus_pid)
        os.environ.pop('DBUS_SYSTEM_BUS_ADDRESS', None)


class WindowWriter:
    """tests/concurrent-writer, writing as the window does; its output read
    as it comes, so that it never waits on a full pipe."""

    def __init__(self, program, protocol, seconds, env):
        self.process = subprocess.Popen([program, protocol, str(seconds), 'window'], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.err = ''
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self.read, name='window-reader')
        self.reader.start()

    def read(self):
        for line in self.process.stdout:
            if line == 'ready\n':
                self.ready.set()
            else:
                self.lines.append(line.rstrip('\n').split(' ', 1))
        self.ready.set()

    def go(self):
        if self.process.poll() is None:
            self.process.stdin.write('go\n')
            self.process.stdin.close()

    def wait(self):
        self.err = self.process.stderr.read()
        self.process.wait(timeout=300)
        self.reader.join()
        return self.process.returncode

    def writes(self):
        return [line for line in self.lines if line[0] != 'draft'] + self.last_draft()

    def last_draft(self):
        drafts = [line for line in self.lines if line[0] == 'draft']
        return drafts[-1:]


def open_database(path):
    return sqlite3.connect(f'file:{path}?mode=ro', uri=True)


def check_action(db, action_id, duties, citations, lost, summary=None, duty_ids=None):
    """The action is there with every duty and citation reported."""
    row = db.execute('SELECT summary FROM actions WHERE id = ?', (action_id,)).fetchone()
    stored_duties = sorted(r[0] for r in db.execute('SELECT id FROM duties WHERE action_id = ?', (action_id,)))
    stored_citations = db.execute('SELECT count (*) FROM action_citations WHERE action_id = ?',
                                  (action_id,)).fetchone()[0]
    if row is None or (summary is not None and row[0] != summary) or len(stored_duties) != duties or \
       (duty_ids is not None and stored_duties != duty_ids) or stored_citations != citations:
        lost.append(f'action {action_id}: reported {summary or ""} with {duties} duties {duty_ids or ""} '
                    f'and {citations} citations; stored {row} with duties {stored_duties} '
                    f'and {stored_citations} citations')


def check_done(db, duty, lost):
    row = db.execute('SELECT done_at FROM duties WHERE id = ?', (duty,)).fetchone()
    if row is None or row[0] is None:
        lost.append(f'duty {duty}: reported done, stored {row}')


def check_snoozed(db, duty, until, lost):
    row = db.execute('SELECT snoozed_until FROM duties WHERE id = ?', (duty,)).fetchone()
    if row is None or row[0] != until:
        lost.append(f'duty {duty}: reported snoozed to {until}, stored {row}')


def check_ledger(db, reported, lost):
    """Each state reported set is among its cell's events, as often."""
    counts = {}
    for cell in reported:
        counts[cell] = counts.get(cell, 0) + 1
    for (topic, group, state), times in counts.items():
        stored = db.execute(
            'SELECT count (*) FROM ledger_events e JOIN briefing_topics t ON t.id = e.topic_id '
            'JOIN party_groups g ON g.id = e.group_id WHERE t.name = ? AND g.name = ? AND e.state = ?',
            (topic, group, state)).fetchone()[0]
        if stored < times:
            lost.append(f'ledger {topic}/{group}: {state} reported {times} times, stored {stored}')


def check_document(db, slug, paragraphs, lost):
    row = db.execute(
        'SELECT count (p.id), count (f.rowid) FROM documents d JOIN paragraphs p ON p.document_id = d.id '
        'LEFT JOIN paragraphs_fts f ON f.rowid = p.id WHERE d.slug = ?', (slug,)).fetchone()
    if row != (paragraphs, paragraphs):
        lost.append(f'document {slug}: reported {paragraphs} paragraphs, stored (paragraphs, indexed) {row}')


def check_backup(path, lost):
    if not os.path.exists(path):
        return  # rotated away: only the newest are kept
    backup = open_database(path)
    try:
        sound = backup.execute('PRAGMA integrity_check').fetchone()[0]
    except sqlite3.DatabaseError as error:
        sound = str(error)
    backup.close()
    if sound != 'ok':
        lost.append(f'backup {path}: {sound}')


def check_window_writes(db, lines, lost):
    for kind, rest in lines:
        if kind == 'action':
            action, duties, citations = (int(x) for x in rest.split())
            check_action(db, action, duties, citations, lost)
        elif kind == 'done':
            check_done(db, int(rest), lost)
        elif kind == 'snooze':
            duty, until = rest.split()
            check_snoozed(db, int(duty), until, lost)
        elif kind == 'ledger':
            pass  # counted with the others' below
        elif kind == 'document':
            slug, paragraphs = rest.split()
            check_document(db, slug, int(paragraphs), lost)
        elif kind == 'backup':
            check_backup(rest, lost)
        elif kind == 'draft':
            wizard, number = rest.split()
            row = db.execute('SELECT answers FROM drafts WHERE wizard = ?', (wizard,)).fetchone()
            if row is None or json.loads(row[0]).get('subject') != f'draft {number}':
                lost.append(f'draft {wizard}: reported "draft {number}" kept, stored {row}')
    check_ledger(db, [tuple(rest.split('\t')) for kind, rest in lines if kind == 'ledger'], lost)


def check_sound(db, problems):
    """integrity_check, foreign keys, and nothing half-written."""
    ok = db.execute('PRAGMA integrity_check').fetchone()[0]
    if ok != 'ok':
        problems.append(f'integrity_check: {ok}')
    for row in db.execute('PRAGMA foreign_key_check'):
        problems.append(f'foreign_key_check: {row}')
    for action, duties, citations in db.execute(
            'SELECT a.id, (SELECT count (*) FROM duties d WHERE d.action_id = a.id), '
            '(SELECT count (*) FROM action_citations c WHERE c.action_id = a.id) FROM actions a'):
        if duties == 0 or citations == 0:
            problems.append(f'action {action} is half-written: {duties} duties, {citations} citations')
    for slug, paragraphs, indexed in db.execute(
            'SELECT d.slug, count (p.id), count (f.rowid) FROM documents d '
            'LEFT JOIN paragraphs p ON p.document_id = d.id '
            'LEFT JOIN paragraphs_fts f ON f.rowid = p.id GROUP BY d.id'):
        if paragraphs == 0 or indexed != paragraphs:
            problems.append(f'document {slug} is half-written: {paragraphs} paragraphs, {indexed} indexed')
    for title, versions, distinct in db.execute(
            'SELECT title, count (*), count (DISTINCT version) FROM documents GROUP BY title'):
        if versions != distinct:
            problems.append(f'“{title}”: {versions} documents share {distinct} version numbers')


def main():
    writer_program, protocol_path = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20
    cli_writers = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    with open(protocol_path, encoding='utf-8') as f:
        protocol = f.read()
    started = time.monotonic()
    failures = Failures()
    results = []

    with tempfile.TemporaryDirectory(prefix='concordat-concurrent-') as work:
        data = os.path.join(work, 'data')
        path = os.path.join(data, 'concordat.db')
        env = dict(os.environ, CONCORDAT_DATA_DIR=data, CONCORDAT_TODAY=CLI_TODAY,
                   XDG_CONFIG_HOME=os.path.join(work, 'config'), NOTIFY_IGNORE_PORTAL='1')
        cli_env = {k: v for k, v in env.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
        reminders = Reminders(env)
        try:
            # --- the first open, by several at once ---
            setup = [['groups', 'add', name] for name in GROUPS] + [['wards', 'add', name] for name in WARDS]
            firsts = [subprocess.Popen([CONCORDAT, *args], env=cli_env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True) for args in setup]
            reminders.start()
            # The window's duties fall due after the reminders' today, so
            # that the reminders notify the command line's few at a time.
            window = WindowWriter(writer_program, protocol_path, seconds,
                                  dict(env, CONCORDAT_TODAY=WINDOW_TODAY))
            first_outputs = [(args, p.wait(timeout=120), *p.communicate()) for args, p in zip(setup, firsts)]
            window.ready.wait(timeout=120)

            def first_open():
                problems = [f'concordat {" ".join(args)} exited {rc}: {err.strip()}'
                            for args, rc, out, err in first_outputs if rc != 0 or err]
                assert window.ready.is_set() and window.process.poll() is None, \
                    f'the window writer did not start: {window.process.stderr.read() if window.process.poll() is not None else ""}'
                db = open_database(path)
                try:
                    groups = sorted(r[0] for r in db.execute('SELECT name FROM party_groups'))
                    wards = sorted(r[0] for r in db.execute('SELECT name FROM wards'))
                    version = db.execute('PRAGMA user_version').fetchone()[0]
                    models = db.execute('SELECT count (*) FROM documents WHERE bundled = 1').fetchone()[0]
                finally:
                    db.close()
                assert not problems, problems
                assert groups == sorted(GROUPS) and wards == sorted(WARDS), (groups, wards)
                assert models == 1, f'{models} model protocols'
                print(f'# first open: {len(setup)} commands, the reminder instance and the window writer '
                      f'at once; schema version {version}')
            results.append(report(1, 'several processes open a new database at once', first_open))

            # --- the writers, all at once ---
            deadline = time.monotonic() + seconds
            clis = [CliWriter(n, cli_env, work, protocol, deadline, failures) for n in range(1, cli_writers + 1)]
            window.go()
            for cli in clis:
                cli.start()
            while time.monotonic() < deadline:
                reminders.wake()
                arrange = {t: d for cli in clis for t, d in list(cli.arrange.items())}
                reminders.click_done(arrange)
                time.sleep(0.3)
            for cli in clis:
                cli.join()
            window_status = window.wait()
            writing_ended = time.monotonic()

            # --- the reminders catch up with the last writes ---
            arrange = {t: d for cli in clis for t, d in cli.arrange.items()}

            def reminders_caught_up():
                db = open_database(path)
                try:
                    due = db.execute('SELECT count (*) FROM duties WHERE done_at IS NULL '
                                     'AND coalesce (snoozed_until, due) <= ? AND '
                                     '(last_notified IS NULL OR last_notified < ?)',
                                     (REMINDER_TODAY, REMINDER_TODAY)).fetchone()[0]
                    notified = db.execute('SELECT count (*) FROM duties WHERE last_notified = ?',
                                          (REMINDER_TODAY,)).fetchone()[0]
                    undone = [d for d in reminders.clicked.values()
                              if db.execute('SELECT done_at FROM duties WHERE id = ?', (d,)).fetchone()[0] is None]
                finally:
                    db.close()
                return due, notified, undone

            catch_up_deadline = time.monotonic() + 30
            while True:
                reminders.wake()
                time.sleep(0.5)
                reminders.click_done(arrange)
                due, notified, undone = reminders_caught_up()
                if (due == 0 and notified == reminders.claimed() and not undone) or \
                   time.monotonic() > catch_up_deadline:
                    break
            reminders_err = reminders.stop()
            elapsed = time.monotonic() - started

            def writers_ran():
                problems = list(failures.items)
                if window_status != 0 or window.err:
                    problems.append(f'the window writer exited {window_status}: {window.err.strip()}')
                if reminders.process.returncode not in (0, -signal.SIGTERM) or \
                   re.search(r'locked|busy|Cannot|CRITICAL|WARNING|ERROR', reminders_err, re.IGNORECASE):
                    problems.append(f'the reminder instance exited {reminders.process.returncode}: '
                                    f'{reminders_err.strip()}')
                locked = sum(cli.locked for cli in clis) + len(LOCKED.findall(window.err)) + \
                    len(LOCKED.findall(reminders_err))
                print(f'# {locked} messages said the database was locked or busy')
                # Those first: any other failure may follow from them.
                problems.sort(key=lambda problem: not LOCKED.search(problem))
                assert locked == 0 and not problems, '\n'.join(problems[:20])
                assert all(cli.writes() > 0 for cli in clis) and window.writes() and reminders.claimed(), \
                    'a writer wrote nothing'
            results.append(report(2, 'no writer failed or said the database was locked', writers_ran))

            lost_cli, lost_window, lost_reminders, problems = [], [], [], []
            db = open_database(path)
            try:
                for cli in clis:
                    for action, summary, duty_ids, citations in cli.actions:
                        check_action(db, action, len(duty_ids), citations, lost_cli, summary, duty_ids)
                    for duty in cli.done:
                        check_done(db, duty, lost_cli)
                    for duty, until in cli.snoozed:
                        check_snoozed(db, duty, until, lost_cli)
                    for slug, paragraphs, _ in cli.documents:
                        check_document(db, slug, paragraphs, lost_cli)
                check_ledger(db, [cell for cli in clis for cell in cli.ledger], lost_cli)
                check_window_writes(db, window.writes(), lost_window)
                for duty in reminders.clicked.values():
                    check_done(db, duty, lost_reminders)
                check_sound(db, problems)
                notified = db.execute('SELECT count (*) FROM duties WHERE last_notified = ?',
                                      (REMINDER_TODAY,)).fetchone()[0]
                stored = {name: db.execute(f'SELECT count (*) FROM {name}').fetchone()[0]
                          for name in ('actions', 'duties', 'ledger_events', 'documents')}
            finally:
                db.close()
            if notified != reminders.claimed():
                lost_reminders.append(f'the reminder instance sent notices for {reminders.claimed()} duties; '
                                      f'{notified} are stored as notified on {REMINDER_TODAY}')
            if due:
                lost_reminders.append(f'{due} duties due on {REMINDER_TODAY} were never notified')
            check = subprocess.run([CONCORDAT, 'check'], env=cli_env, capture_output=True, text=True,
                                   timeout=120, check=False)
            if check.returncode != 0 or check.stdout.strip() != 'ok':
                problems.append(f'concordat check: {check.stdout.strip()} {check.stderr.strip()}')

            def fail_on(lost):
                assert not lost, f'{len(lost)} lost:\n' + '\n'.join(lost[:20])

            results.append(report(3, 'every write the command line reported is stored',
                                  lambda: fail_on(lost_cli)))
            results.append(report(4, "every write the window's writer reported is stored",
                                  lambda: fail_on(lost_window)))
            results.append(report(5, 'every reminder sent, and every Mark done clicked, is stored',
                                  lambda: fail_on(lost_reminders)))
            results.append(report(6, 'the database is sound, with nothing half-written',
                                  lambda: fail_on(problems)))

            kinds = {'actions': sum(len(c.actions) for c in clis), 'done': sum(len(c.done) for c in clis),
                     'snoozed': sum(len(c.snoozed) for c in clis), 'ledger': sum(len(c.ledger) for c in clis),
                     'imports': sum(len(c.documents) for c in clis)}
            window_kinds = {}
            for kind, _ in window.lines:
                window_kinds[kind] = window_kinds.get(kind, 0) + 1
            reported = sum(kinds.values()) + len(window.writes()) + reminders.claimed() + len(reminders.clicked)
            lost = len(lost_cli) + len(lost_window) + len(lost_reminders)
            print(f'# writers: {cli_writers} command-line loops ({sum(c.commands for c in clis)} commands), '
                  f'1 window writer, 1 background reminder instance ({reminders.wakes} wakes)')
            print('# command line reported: ' + ', '.join(f'{v} {k}' for k, v in kinds.items()))
            print("# window's writer reported: " + ', '.join(f'{v} {k}' for k, v in sorted(window_kinds.items()))
                  + ' (each draft replaces the one before: the last is the write checked)')
            print(f'# reminder instance reported: {reminders.claimed()} duties notified in '
                  f'{len(reminders.notices())} notices, {len(reminders.clicked)} marked done')
            print('# stored: ' + ', '.join(f'{v} {k}' for k, v in stored.items()))
            print(f'# writes reported: {reported}; writes lost: {lost}; '
                  f'writing {seconds:.0f} s, catching up {time.monotonic() - writing_ended:.1f} s, '
                  f'in all {elapsed:.1f} s')
        finally:
            reminders.stop()
            reminders.close()
    print(f'1..{len(results)}')
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
