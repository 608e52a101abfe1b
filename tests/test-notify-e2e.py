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
import time
import traceback

import dbus
import dbusmock

NAME = 'org.freedesktop.Notifications'
APP_ID = 'io.github.concordat.Concordat'
ACTIONS = ['open', 'Open', 'done', 'Mark done', 'snooze', 'Snooze a day']


class MockServer:
    """python-dbusmock's notification daemon, with its log of calls."""

    def __init__(self):
        self.bus = dbusmock.DBusTestCase.get_dbus()
        self.process, obj = dbusmock.DBusTestCase.spawn_server_template(
            'notification_daemon', {}, stdout=subprocess.DEVNULL)
        self.mock = dbus.Interface(obj, dbusmock.MOCK_IFACE)

    def calls(self, method):
        return [args for (_, name, args) in self.mock.GetCalls() if name == method]

    def wait_for_call(self, method, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls(method)
            if calls:
                return calls
            time.sleep(0.05)
        raise AssertionError(f'no {method} call arrived within {timeout} s')

    def stop(self):
        self.process.terminate()
        self.process.wait()
        # The next server cannot start until the bus has let go of the name.
        while self.bus.name_has_owner(NAME):
            time.sleep(0.05)


def assert_notify(args, pid, summary, body, urgency, actions):
    app_name, replaces_id, icon, got_summary, got_body, got_actions, hints, timeout = args
    assert app_name == 'Concordat', app_name
    assert replaces_id == 0, replaces_id
    assert icon == APP_ID, icon
    assert got_summary == summary, got_summary
    assert got_body == body, got_body
    assert list(got_actions) == actions, got_actions
    assert timeout == -1, timeout
    # Every hint, not only those looked for: libnotify adds the sender's pid.
    assert sorted(hints) == ['desktop-entry', 'sender-pid', 'urgency'], hints
    assert hints['desktop-entry'] == APP_ID, hints
    assert hints['urgency'] == urgency, hints
    assert hints['sender-pid'] == pid, hints


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
        server.mock.EmitSignal(NAME, 'ActionInvoked', 'us', [dbus.UInt32(1), 'snooze'])
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out == 'duty:7 snooze\n', out


def main():
    helper = sys.argv[1]
    # Outside a sandbox libnotify talks to the server directly; make sure.
    os.environ['NOTIFY_IGNORE_PORTAL'] = '1'
    tests = [test_one_shot_send, test_action_reaches_sender]

    print(f'1..{len(tests)}', flush=True)
    failed = 0
    for number, test in enumerate(tests, 1):
        server = MockServer()
        try:
            test(helper, server)
            print(f'ok {number} - {test.__name__}', flush=True)
        except Exception:  # pylint: disable=broad-except
            failed += 1
            print(f'not ok {number} - {test.__name__}')
            for line in traceback.format_exc().splitlines():
                print(f'# {line}')
            sys.stdout.flush()
        finally:
            server.stop()

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
