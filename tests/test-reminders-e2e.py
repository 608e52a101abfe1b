#!/usr/bin/python3
"""test-reminders-e2e.py: Concordat's reminders of due duties, from the
program itself, to python-dbusmock's notification server on a private
session bus and an Xvfb display (run-in-session.sh); prints TAP.

A briefing for Labour recorded on Wednesday 23 December 2026 creates two
offers, to Conservative and Green, due Tuesday 29 December, and a check of
the written record due Monday 11 January 2027.  CONCORDAT_TODAY and
CONCORDAT_TIME fix the clock.

Checked: the exact Notify calls for a duty due today, an overdue one and
many at once; catch-up on start; no second reminder the same day across a
restart, nor from `concordat remind`; Mark done, Snooze a day and Open
clicked on a notification; a server that cannot show buttons; no server at
all; `concordat --background` then `concordat` makes one process with a
window, which stays when the window closes; started with a window, closing
it ends Concordat.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import dbus

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import concordat_xkeys  # noqa: E402
from concordat_notifications import APP_ID, MockServer, assert_notify, report  # noqa: E402

CONCORDAT = os.environ['CONCORDAT']
ACTIONS = ['open', 'Open', 'done', 'Mark done', 'snooze', 'Snooze a day']
FROM = 'From: Briefing on “Local plan” for Labour by Director of Place on Thursday 7 January 2027'
OFFER_CONSERVATIVE = 'Offer Conservative the briefing on “Local plan”'
OFFER_GREEN = 'Offer Green the briefing on “Local plan”'


def briefing(group, topic):
    return json.dumps({
        'requesting_group': group, 'requester_role': 'group-leader', 'topic': topic,
        'council_business': True, 'officer': 'Director of Place', 'officer_is_senior': True,
        'meeting_date': '2027-01-07', 'non_members_present': False, 'budget_proposals': False})


class Concordat:
    """A data folder, the command line over it, and the program running."""

    def __init__(self):
        self.scratch = tempfile.TemporaryDirectory(prefix='concordat-reminders-')
        self.env = dict(os.environ,
                        CONCORDAT_DATA_DIR=os.path.join(self.scratch.name, 'data'),
                        XDG_CONFIG_HOME=os.path.join(self.scratch.name, 'config'),
                        CONCORDAT_TODAY='2026-12-23', CONCORDAT_TIME='10:00',
                        NOTIFY_IGNORE_PORTAL='1')
        os.mkdir(self.env['CONCORDAT_DATA_DIR'], 0o700)
        self.processes = []

    def cli(self, *args, stdin=None, today=None):
        env = dict(self.env, CONCORDAT_TODAY=today or self.env['CONCORDAT_TODAY'])
        done = subprocess.run([CONCORDAT, *args], input=stdin, env=env,
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    def record_briefing(self, group, topic='Local plan'):
        for name in ('Labour', 'Conservative', 'Green'):
            self.cli('groups', 'add', name) if name not in self.cli('groups') else None
        self.cli('wizard', 'run', 'briefing', '--answers', '-', stdin=briefing(group, topic))

    def duties(self, status='all'):
        return {d['title']: d for d in json.loads(self.cli('duties', '--status', status, '--json'))}

    def start(self, *args, today, time_of_day='10:00'):
        env = dict(self.env, CONCORDAT_TODAY=today, CONCORDAT_TIME=time_of_day)
        proc = subprocess.Popen([CONCORDAT, *args], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        self.processes.append(proc)
        return proc

    def stop(self, proc):
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        return err

    def close(self):
        for proc in self.processes:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.scratch.cleanup()


def close_concordat_window():
    """Ctrl+W in Concordat's window, as a user closes it."""
    concordat_xkeys.press(['ctrl+w'])


def concordat_windows():
    tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True,
                          check=False).stdout
    return tree.count('"Concordat": ("concordat"')


def wait_until(condition, what, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f'timed out waiting for {what}')


def concordat_processes(app):
    """The concordat processes using this test's data folder."""
    mine = f'CONCORDAT_DATA_DIR={app.env["CONCORDAT_DATA_DIR"]}'.encode()
    count = 0
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/comm', encoding='utf-8') as f:
                if f.read().strip() != 'concordat':
                    continue
            with open(f'/proc/{pid}/environ', 'rb') as f:
                if mine in f.read().split(b'\0'):
                    count += 1
        except OSError:
            pass
    return count


def by_summary(calls):
    return {call[3]: call for call in calls}


def test_due_today(app, server):
    """Two offers due today, after the reminder time: one notice each."""
    app.record_briefing('Labour')
    proc = app.start('--background', today='2026-12-29', time_of_day='09:30')
    calls = by_summary(server.wait_for_calls('Notify', 2))
    assert sorted(calls) == [OFFER_CONSERVATIVE, OFFER_GREEN], list(calls)
    assert_notify(calls[OFFER_CONSERVATIVE], proc.pid, OFFER_CONSERVATIVE,
                  f'Due today, Tuesday 29 December 2026. {FROM}', 1, ACTIONS)
    assert_notify(calls[OFFER_GREEN], proc.pid, OFFER_GREEN,
                  f'Due today, Tuesday 29 December 2026. {FROM}', 1, ACTIONS)
    time.sleep(1)
    assert len(server.calls('Notify')) == 2, server.calls('Notify')


def test_not_before_reminder_time(app, server):
    """Due today, but it is only 08:00: nothing yet; the command line agrees."""
    app.record_briefing('Labour')
    app.start('--background', today='2026-12-29', time_of_day='08:00')
    wait_until(lambda: concordat_processes(app) == 1, 'Concordat to run')
    time.sleep(2)
    assert server.calls('Notify') == [], server.calls('Notify')


def test_overdue_caught_up(app, server):
    """Started the day after: overdue, so urgent, and shown at once."""
    app.record_briefing('Labour')
    proc = app.start('--background', today='2026-12-30', time_of_day='07:00')
    calls = by_summary(server.wait_for_calls('Notify', 2))
    assert_notify(calls[OFFER_GREEN], proc.pid, OFFER_GREEN,
                  f'Overdue: it was due on Tuesday 29 December 2026. {FROM}', 2, ACTIONS)


def test_once_a_day_across_restart(app, server):
    """Started again the same day: no second notice, from it or the command line."""
    app.record_briefing('Labour')
    first = app.start('--background', today='2026-12-29')
    server.wait_for_calls('Notify', 2)
    app.stop(first)
    app.start('--background', today='2026-12-29', time_of_day='15:00')
    wait_until(lambda: concordat_processes(app) == 1, 'Concordat to run again')
    time.sleep(2)
    assert len(server.calls('Notify')) == 2, server.calls('Notify')
    out = app.cli('remind', today='2026-12-29')
    assert out == 'Nothing is due that has not been reminded of today.\n', out
    # The next day they are overdue, and said again.
    out = app.cli('remind', '--dry-run', today='2026-12-30')
    assert OFFER_GREEN in out and 'overdue' in out, out
    said = json.loads(app.cli('remind', '--dry-run', '--json', today='2026-12-30'))
    assert said['dry_run'] is True and said['grouped'] is False, said
    assert [(r['title'], r['due'], r['overdue']) for r in said['reminders']] == [
        (OFFER_CONSERVATIVE, '2026-12-29', True), (OFFER_GREEN, '2026-12-29', True)], said
    assert all(r['from'] == FROM[len('From: '):] for r in said['reminders']), said


def test_many_become_one(app, server):
    """Four due at once: one notice saying so, whose Open shows them all."""
    app.record_briefing('Labour')
    app.record_briefing('Conservative', 'Budget')
    proc = app.start('--background', today='2026-12-29')
    calls = server.wait_for_calls('Notify', 1)
    time.sleep(1)
    calls = server.calls('Notify')
    assert len(calls) == 1, calls
    assert_notify(calls[0], proc.pid, '4 duties are due',
                  'Offer Conservative the briefing on “Local plan”\n'
                  'Offer Green the briefing on “Local plan”\n'
                  'Offer Green the briefing on “Budget”\n'
                  'Offer Labour the briefing on “Budget”', 1, ['open', 'Open'])
    server.invoke_action(1, 'open')
    wait_until(lambda: concordat_windows() == 1, 'the window')


def test_actions(app, server):
    """Mark done, Snooze a day and Open, clicked on the notices."""
    app.record_briefing('Labour')
    app.start('--background', today='2026-12-29')
    calls = server.wait_for_calls('Notify', 2)
    # The mock numbers its notices from 1, in the order they came.
    ids = {call[3]: number for number, call in enumerate(calls, 1)}

    server.invoke_action(ids[OFFER_CONSERVATIVE], 'done')
    wait_until(lambda: app.duties()[OFFER_CONSERVATIVE]['status'] == 'done', 'the duty to be done')

    # The next working day after Tuesday 29 December 2026.
    server.invoke_action(ids[OFFER_GREEN], 'snooze')
    wait_until(lambda: app.duties()[OFFER_GREEN]['snoozed_until'] == '2026-12-30', 'the duty to be snoozed')
    assert app.duties()[OFFER_GREEN]['status'] == 'pending'

    assert concordat_windows() == 0
    server.invoke_action(ids[OFFER_GREEN], 'open')
    wait_until(lambda: concordat_windows() == 1, 'the window')


def test_server_without_buttons(app, server):
    """The template's own server shows no buttons: the notices come without."""
    app.record_briefing('Labour')
    proc = app.start('--background', today='2026-12-29')
    calls = by_summary(server.wait_for_calls('Notify', 2))
    assert_notify(calls[OFFER_GREEN], proc.pid, OFFER_GREEN,
                  f'Due today, Tuesday 29 December 2026. {FROM}', 1, [])


def test_no_server(app, server):
    """No notification server: one warning, still running, reminders kept."""
    app.record_briefing('Labour')
    proc = app.start('--background', today='2026-12-29')
    time.sleep(3)
    assert proc.poll() is None, 'Concordat stopped'
    err = app.stop(proc)
    assert err.count('No notification server') == 1, err
    out = app.cli('remind', '--dry-run', today='2026-12-29')
    assert 'Would remind of 2 duties' in out, out


def test_background_then_window(app, server):
    """`concordat --background`, then `concordat`: one process, with a window."""
    app.start('--background', today='2026-12-29')
    wait_until(lambda: concordat_processes(app) == 1, 'Concordat to run')
    # Running is not yet owning its name on the bus, which the second needs.
    bus = dbus.SessionBus()
    wait_until(lambda: bus.name_has_owner(APP_ID), 'Concordat to take its name')
    assert concordat_windows() == 0
    second = app.start(today='2026-12-29')
    assert second.wait(timeout=30) == 0
    wait_until(lambda: concordat_windows() == 1, 'the window')
    assert concordat_processes(app) == 1

    # Its window closed, the background instance stays to remind.
    time.sleep(1)
    close_concordat_window()
    wait_until(lambda: concordat_windows() == 0, 'the window to close')
    time.sleep(1)
    assert concordat_processes(app) == 1


def test_window_closed_ends_it(app, server):
    """Started with a window and the preference off: closing it ends Concordat."""
    proc = app.start(today='2026-12-29')
    wait_until(lambda: concordat_windows() == 1, 'the window')
    time.sleep(1)
    close_concordat_window()
    assert proc.wait(timeout=30) == 0


def main():
    tests = [
        (test_due_today, 'body actions'),
        (test_not_before_reminder_time, 'body actions'),
        (test_overdue_caught_up, 'body actions'),
        (test_once_a_day_across_restart, 'body actions'),
        (test_many_become_one, 'body actions'),
        (test_actions, 'body actions'),
        (test_server_without_buttons, None),
        (test_no_server, False),
        (test_background_then_window, 'body actions'),
        (test_window_closed_ends_it, 'body actions'),
    ]

    print(f'1..{len(tests)}', flush=True)
    failed = 0
    for number, (test, capabilities) in enumerate(tests, 1):
        server = MockServer(capabilities) if capabilities is not False else None
        app = Concordat()
        try:
            if not report(number, test.__name__, lambda: test(app, server)):
                failed += 1
        finally:
            app.close()
            if server is not None:
                server.stop()
            wait_until(lambda: concordat_processes(app) == 0, 'Concordat to stop')

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
