#!/usr/bin/python3
"""test-crash.py: Concordat loses nothing it said it saved, whenever it is
killed.

Starts tests/crash-writer (wizards finished, duties marked done, ledger
states, backups, imports, in a loop, each printed only once committed) and
kills it with SIGKILL at a random moment, again and again on the same
database; every other kill is aimed at the start of one kind of change.
After each kill: the database passes `integrity_check` and
`foreign_key_check`; every action printed is there with all its duties,
and every action there has its duties and citations (nothing
half-written); every duty printed done is done; every ledger
state printed is among the cell's events; every backup printed is a sound
database; every protocol printed is there with its paragraphs, each in the
full-text index.

Usage: test-crash.py CRASH-WRITER PROTOCOL [KILLS] [SEED]
Prints TAP; the last line before the plan gives the totals.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def read_printed(stdout):
    return [line.split(' ', 1) for line in stdout.decode('utf-8').splitlines() if ' ' in line]


def check_database(path, printed, problems):
    if not os.path.exists(path):
        # Killed before it made the database: nothing may have been said.
        if printed:
            problems.append(f'{len(printed)} changes printed, and no database')
        return 0
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        ok = db.execute('PRAGMA integrity_check').fetchone()[0]
        if ok != 'ok':
            problems.append(f'integrity_check: {ok}')
        for row in db.execute('PRAGMA foreign_key_check'):
            problems.append(f'foreign_key_check: {row}')

        duties_by_action = dict(db.execute(
            'SELECT a.id, count (d.id) FROM actions a LEFT JOIN duties d ON d.action_id = a.id GROUP BY a.id'))
        citations = dict(db.execute('SELECT action_id, count (*) FROM action_citations GROUP BY action_id'))
        for kind, rest in printed:
            if kind == 'action':
                action, duties = (int(x) for x in rest.split())
                if duties_by_action.get(action) != duties:
                    problems.append(f'action {action}: printed with {duties} duties, '
                                    f'stored with {duties_by_action.get(action)}')
            elif kind == 'done':
                done = db.execute('SELECT done_at FROM duties WHERE id = ?', (int(rest),)).fetchone()
                if done is None or done[0] is None:
                    problems.append(f'duty {rest}: printed done, stored {done}')
            elif kind == 'ledger':
                topic, group, state = rest.split('\t')
                event = db.execute(
                    'SELECT e.id FROM ledger_events e JOIN briefing_topics t ON t.id = e.topic_id '
                    'JOIN party_groups g ON g.id = e.group_id WHERE t.name = ? AND g.name = ? AND e.state = ?',
                    (topic, group, state)).fetchone()
                if event is None:
                    problems.append(f'ledger {topic}/{group}: printed {state}, not stored')
            elif kind == 'backup':
                if not os.path.exists(rest):
                    continue  # rotated away: only the newest are kept
                backup = sqlite3.connect(f'file:{rest}?mode=ro', uri=True)
                try:
                    sound = backup.execute('PRAGMA integrity_check').fetchone()[0]
                except sqlite3.DatabaseError as error:
                    sound = str(error)
                backup.close()
                if sound != 'ok':
                    problems.append(f'backup {rest}: {sound}')
            elif kind == 'document':
                slug, paragraphs = rest.split()
                row = db.execute(
                    'SELECT count (p.id), count (f.rowid) FROM documents d JOIN paragraphs p ON p.document_id = d.id '
                    'LEFT JOIN paragraphs_fts f ON f.rowid = p.id WHERE d.slug = ?', (slug,)).fetchone()
                if row != (int(paragraphs), int(paragraphs)):
                    problems.append(f'document {slug}: printed {paragraphs} paragraphs, stored {row}')

        # Nothing half-written: every action has duties and citations (a
        # briefing request always creates at least one duty).
        for action, duties in duties_by_action.items():
            if duties == 0:
                problems.append(f'action {action} has no duties')
            if citations.get(action, 0) == 0:
                problems.append(f'action {action} has no citations')
        return len(duties_by_action)
    finally:
        db.close()


# Every other kill is aimed: it waits for the writer to say it is starting
# one of these, then kills it within two milliseconds, so that each kind of
# change is interrupted, however quick it is.
AIMS = ['finish', 'done', 'ledger', 'backup', 'import']


def wait_for_start(process, what, deadline):
    """Reads the writer's output until it says "> WHAT"; returns what was read."""
    seen = b''
    marker = f'> {what}\n'.encode()
    fd = process.stdout.fileno()
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        seen += chunk
    return seen


def main():
    writer, protocol = sys.argv[1], sys.argv[2]
    kills = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else int(time.time())
    rng = random.Random(seed)
    print(f'# seed {seed}; rerun with: {sys.argv[0]} {writer} {protocol} {kills} {seed}')

    with tempfile.TemporaryDirectory(prefix='concordat-crash-') as work:
        path = os.path.join(work, 'concordat.db')
        counts = {'action': 0, 'done': 0, 'ledger': 0, 'backup': 0, 'document': 0}
        killed_in = {}
        aimed_at = {}
        failures = 0
        for n in range(1, kills + 1):
            process = subprocess.Popen([writer, path, protocol, str(rng.randrange(1 << 30))],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            seen = b''
            if n % 2 == 0:
                aim = AIMS[(n // 2) % len(AIMS)]
                aimed_at[aim] = aimed_at.get(aim, 0) + 1
                seen = wait_for_start(process, aim, time.monotonic() + 20)
                time.sleep(rng.uniform(0, 0.002))
            else:
                time.sleep(rng.uniform(0.01, 0.25))
            process.send_signal(signal.SIGKILL)
            stdout, stderr = process.communicate()
            printed = read_printed(seen + stdout)
            begun = [rest for kind, rest in printed if kind == '>']
            printed = [(kind, rest) for kind, rest in printed if kind != '>']
            problems = []
            if process.returncode != -signal.SIGKILL:
                problems.append(f'the writer ended by itself ({process.returncode}): '
                                f'{stderr.decode("utf-8", "replace").strip()}')
            actions = check_database(path, printed, problems)
            for kind, _ in printed:
                counts[kind] = counts.get(kind, 0) + 1
            during = begun[-1] if begun else 'start-up'
            killed_in[during] = killed_in.get(during, 0) + 1
            if problems:
                failures += 1
                print(f'not ok {n} - kill {n}: ' + '; '.join(problems[:5]))
            else:
                print(f'ok {n} - kill {n}: {len(printed)} changes printed, {actions} actions stored')
        print(f'# {kills} kills, {failures} with anything lost; printed before the kills: '
              + ', '.join(f'{v} {k}' for k, v in counts.items())
              + '; killed during: ' + ', '.join(f'{k} {v}' for k, v in sorted(killed_in.items()))
              + '; aimed at: ' + ', '.join(f'{k} {v}' for k, v in sorted(aimed_at.items())))
        print(f'1..{kills}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
