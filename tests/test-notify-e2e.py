#!/usr/bin/python3
"""test-notify-e2e.py: a notification sent through Concordat's notifier
reaches a real notification server on the session bus exactly as meant,
stays on screen after a one-shot sender exits, and a click on one of its
actions comes back to the sender under its tag.

Runs inside a private session bus (run-in-session.sh), with python-dbusmock's
notification_daemon template as the server; prints TAP.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from concordat_notifications import MockServer, assert_notify, report  # noqa: E402

ACTIONS = ['open', 'Open', 'done', 'Mark done', 'snooze', 'Snooze a day']


def test_one_shot_send(helper, server):
    """As `concordat remind` does: send, exit, and leave the notice up."""
    proc = subprocess.Popen(
        [helper, 'duty:42', 'Stage 1 response due today',
         'Reply to complaint 2024/117 by 5pm.', 'critical'] + ACTIONS,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out == '', out

    calls = server.calls('Notify')
    assert len(calls) == 1, calls
    assert_notify(calls[0], proc.pid, 'Stage 1 response due today',
                  'Reply to complaint 2024/117 by 5pm.', 2, ACTIONS)
    assert server.calls('CloseNotification') == [], 'the sender took its notice down as it exited'


def test_action_reaches_sender(helper, server):
    """A click on an action comes back to the sender, with the tag."""
    proc = subprocess.Popen(
        [helper, '--wait-for-action', 'duty:7', 'Acknowledge complaint',
         'Due in 2 working days.', 'normal'] + ACTIONS,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        calls = server.wait_for_call('Notify')
        assert len(calls) == 1, calls
        assert_notify(calls[0], proc.pid, 'Acknowledge complaint',
                      'Due in 2 working days.', 1, ACTIONS)

        # The mock numbers its notifications from 1.
        server.invoke_action(1, 'snooze')
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out == 'duty:7 snooze\n', out


def test_server_without_actions(helper, server):
    """A server that cannot show buttons gets the notification without them."""
    proc = subprocess.Popen(
        [helper, 'duty:9', 'Publish decision', 'Due today.', 'normal'] + ACTIONS,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err

    calls = server.calls('Notify')
    assert len(calls) == 1, calls
    assert_notify(calls[0], proc.pid, 'Publish decision', 'Due today.', 1, [])


def main():
    helper = sys.argv[1]
    # Outside a sandbox libnotify talks to the server directly; make sure.
    os.environ['NOTIFY_IGNORE_PORTAL'] = '1'
    tests = [test_one_shot_send, test_action_reaches_sender, test_server_without_actions]

    print(f'1..{len(tests)}', flush=True)
    failed = 0
    for number, test in enumerate(tests, 1):
        # The template's own server shows no buttons; ask for one that does.
        server = MockServer(None if test is test_server_without_actions else 'body actions')
        try:
            if not report(number, test.__name__, lambda: test(helper, server)):
                failed += 1
        finally:
            server.stop()

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
