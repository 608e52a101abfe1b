# concordat_atspi.py: what the AT-SPI tests share: finding Concordat's
# window in the accessibility tree, walking it and waiting on it.
# SPDX-License-Identifier: GPL-3.0-or-later
import time

import pyatspi
from gi.repository import GLib

TIMEOUT = 20


def log(message):
    print('# ' + message, flush=True)


def wait_for(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            result = probe()
        except GLib.Error:
            # A node gone between listing and reading it: look again.
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError('timed out waiting for ' + what)
        time.sleep(0.1)


def walk(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def has(node, state):
    return node.getState().contains(state)


def application_of(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def main_window(app):
    for child in app:
        if child is not None and child.getRole() == pyatspi.ROLE_FRAME and child.name == 'Concordat':
            return child
    return None
