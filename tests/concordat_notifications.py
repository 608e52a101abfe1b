"""concordat_notifications.py: what the notification tests share:
python-dbusmock's notification daemon on the private session bus, and a
check of one Notify call, and the TAP line for each test.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import subprocess
import sys
import time
import traceback

import dbus
import dbusmock

NAME = 'org.freedesktop.Notifications'
APP_ID = 'io.github.concordat.Concordat'


class MockServer:
    """python-dbusmock's notification daemon, with its log of calls.

    The template's own server can show no buttons; pass
    capabilities='body actions' for one that can."""

    def __init__(self, capabilities=None):
        parameters = {} if capabilities is None else {'capabilities': capabilities}
        self.bus = dbusmock.DBusTestCase.get_dbus()
        self.process, obj = dbusmock.DBusTestCase.spawn_server_template(
            'notification_daemon', parameters, stdout=subprocess.DEVNULL)
        self.mock = dbus.Interface(obj, dbusmock.MOCK_IFACE)

    def calls(self, method):
        return [args for (_, name, args) in self.mock.GetCalls() if name == method]

    def wait_for_calls(self, method, count=1, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.05)
        raise AssertionError(f'{count} {method} calls did not arrive within {timeout} s: '
                             f'{self.calls(method)}')

    def wait_for_call(self, method, timeout=20):
        return self.wait_for_calls(method, 1, timeout)

    def invoke_action(self, notification_id, action):
        """As a click on a notification's button does."""
        self.mock.EmitSignal(NAME, 'ActionInvoked', 'us', [dbus.UInt32(notification_id), action])

    def stop(self):
        self.process.terminate()
        self.process.wait()
        # The next server cannot start until the bus has let go of the name.
        while self.bus.name_has_owner(NAME):
            time.sleep(0.05)


def assert_notify(args, pid, summary, body, urgency, actions):
    """One Notify call, every argument and every hint."""
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
    if pid is not None:
        assert hints['sender-pid'] == pid, hints


def report(number, name, body):
    """Runs body() as TAP test number, printing ok, or not ok with the
    traceback as comments; returns whether it passed."""
    try:
        body()
    except Exception:  # pylint: disable=broad-except
        print(f'not ok {number} - {name}')
        for line in traceback.format_exc().splitlines():
            print(f'# {line}')
        sys.stdout.flush()
        return False
    print(f'ok {number} - {name}', flush=True)
    return True
