#!/usr/bin/python3
# test-views-atspi.py: the real concordat binary as a screen reader meets it
# over AT-SPI: the four views are switched by their spoken names, every
# control on the way has a name, and a concordat: link opens the reader.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GTK 4.8 reports no "showing" state below the window, so a page on screen
# is told by the switchers that follow the view stack (every switcher marks
# the same view selected) and by the page being laid out at a real size.

import os
import shutil
import subprocess
import sys
import tempfile

import pyatspi
from gi.repository import GLib

from concordat_atspi import TIMEOUT, application_of, has, log, main_window, wait_for, walk

VIEWS = [
    # (switcher button, what the view is called: the reader by the protocol
    # open in it, Guidance by its list of wizards, the others by their
    # empty states)
    ('Protocol', 'Model Member/Officer Protocol'),
    ('Guidance', 'Step-by-Step Guidance'),
    ('Record', 'Nothing Recorded'),
    ('Duties', 'No Duties'),
]
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_LINK,
}


def view_tabs(window, name):
    return [node for node in walk(window)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB and node.name == name]


def selected_tabs(window):
    return {node.name for node in walk(window)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB and has(node, pyatspi.STATE_SELECTED)}


def page_size(window, title):
    for node in walk(window):
        if node.getRole() == pyatspi.ROLE_PANEL and node.name == title:
            extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            return extents.width, extents.height
    raise AssertionError('no view titled ' + title)


def switch_views(window):
    # The header's switcher: the one a user sees at this width.
    for name, title in VIEWS[1:] + VIEWS[:1]:
        tabs = view_tabs(window, name)
        assert tabs, 'no view switcher button named ' + name
        header = [tab for tab in tabs if has(tab, pyatspi.STATE_HORIZONTAL)]
        assert len(header) == 1, f'{len(header)} header buttons named {name}'

        action = header[0].queryAction()
        assert action.getName(0) == 'click', action.getName(0)
        action.doAction(0)

        wait_for(f'every switcher to show {name}',
                 lambda: selected_tabs(window) == {name})
        wait_for(f'the {name} view to be laid out',
                 lambda: min(page_size(window, title)) > 0)
        log(f'switched to {name}')


def check_names(window):
    checked = 0
    for node in walk(window):
        if node.getRole() in CONTROL_ROLES and has(node, pyatspi.STATE_VISIBLE):
            checked += 1
            assert node.name.strip(), f'a {node.getRoleName()} has no name'
    # Three switchers of four views, the menu button and the window buttons.
    assert checked >= 13, f'only {checked} controls found'
    log(f'{checked} controls named')


def close(window, concordat):
    # Closing the window ends Concordat cleanly.
    actions = window.queryAction()
    close = [i for i in range(actions.nActions) if actions.getName(i) == 'window.close']
    assert close, 'the window offers no close action'
    try:
        actions.doAction(close[0])
    except GLib.Error as error:
        # Concordat may be gone before it answers: its exit status says
        # whether it closed cleanly.
        log('no answer to closing: ' + error.message)
    assert concordat.wait(TIMEOUT) == 0, 'concordat exited with ' + str(concordat.returncode)


def run(data_dir, args, check):
    env = dict(os.environ, CONCORDAT_DATA_DIR=data_dir)
    concordat = subprocess.Popen([os.environ['CONCORDAT'], *args], env=env)
    try:
        app = wait_for('concordat on the accessibility bus',
                       lambda: application_of(concordat.pid))
        window = wait_for('the main window', lambda: main_window(app))
        check(window)
        close(window, concordat)
    finally:
        if concordat.poll() is None:
            concordat.kill()
            concordat.wait()


def views(window):
    wait_for('the Protocol view to be selected',
             lambda: selected_tabs(window) == {'Protocol'})
    switch_views(window)
    check_names(window)


def shows_label(window, text):
    return any(node.getRole() == pyatspi.ROLE_LABEL and node.name == text
               for node in walk(window))


def link(window):
    # A concordat: link given to the binary is for the window, not the
    # command line: the reader opens with the paragraph in it.
    wait_for('the Protocol view to be selected',
             lambda: selected_tabs(window) == {'Protocol'})
    wait_for('paragraph 8.3 in the reader', lambda: shows_label(window, '8.3'))
    log('concordat:model/8.3 opened the reader at 8.3')


def main():
    data_dir = tempfile.mkdtemp(prefix='concordat-atspi-')
    try:
        run(data_dir, [], views)
        log('all views switched by name')
        run(data_dir, ['concordat:model/8.3'], link)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
