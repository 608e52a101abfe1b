#!/usr/bin/python3
# test-guidance-atspi.py: the briefing wizard driven to Finish through the
# AT-SPI accessibility tree of the real concordat binary, as assistive
# technology drives it: every control found by its accessible name (and,
# for the Yes and No of each question, its description), and worked by
# its actions or, for text, by setting its contents.  What Finish stored
# is then read back with the command line.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GTK 4.8 reports no "showing" state below the window, and keeps the pages
# of a stack that are not on screen in the tree: a step's controls are
# told apart by their names, which no other page shares.

import json
import os
import shutil
import subprocess
import sys
import tempfile

import pyatspi
from gi.repository import GLib

from concordat_atspi import TIMEOUT, application_of, has, log, main_window, wait_for, walk

TODAY = '2026-12-23'  # a Wednesday: two working days on is Tuesday 29 December
SUMMARY = 'Briefing on “Local plan” for Labour by Director of Place on Thursday 7 January 2027'
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_LINK,
}
results = []


def check(description, condition, detail=''):
    results.append(bool(condition))
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}", flush=True)
    if not condition and detail:
        for line in str(detail).splitlines():
            print(f'# {line}', flush=True)
    return condition


def control(root, name, description=None, roles=CONTROL_ROLES):
    """The one control on screen under @root called @name (described by
    @description)."""
    found = [node for node in walk(root)
             if node.getRole() in roles and node.name == name
             and (description is None or node.description == description)
             and has(node, pyatspi.STATE_VISIBLE)]
    return found[0] if len(found) == 1 else None


def act(node, *names):
    """Runs the first of the node's actions called one of @names."""
    action = node.queryAction()
    offered = [action.getName(i) for i in range(action.nActions)]
    for name in names:
        if name in offered:
            return action.doAction(offered.index(name))
    raise AssertionError(f'{node.getRoleName()} “{node.name}” offers none of {names}, only {offered}')


def press(root, name, description=None):
    """Clicks a button, once it can be clicked."""
    button = wait_for(f'the button “{name}”',
                      lambda: control(root, name, description,
                                      {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON}))
    wait_for(f'“{name}” to be enabled', lambda: has(button, pyatspi.STATE_SENSITIVE))
    act(button, 'click')


def choose(root, option, question):
    """Ticks one of a question's options."""
    radio = wait_for(f'the option “{option}”',
                     lambda: control(root, option, question,
                                     {pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON}))
    act(radio, 'click', 'activate', 'option.select')
    wait_for(f'“{option}” to be chosen', lambda: has(radio, pyatspi.STATE_CHECKED))


def text_of(node):
    # GTK 4.8 gives nothing for the usual -1, "to the end".
    text = node.queryText()
    return text.getText(0, text.characterCount)


def type_into(root, name, text):
    entry = wait_for(f'the text entry “{name}”',
                     lambda: control(root, name, roles={pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY}))
    entry.queryEditableText().setTextContents(text)
    wait_for(f'“{name}” to say {text}', lambda: text_of(entry) == text)


def shows_label(root, text):
    return any(node.getRole() == pyatspi.ROLE_LABEL and node.name == text
               for node in walk(root))


def unnamed_controls(root):
    return [f'{node.getRoleName()} (description “{node.description}”)' for node in walk(root)
            if node.getRole() in CONTROL_ROLES and has(node, pyatspi.STATE_VISIBLE)
            and not node.name.strip()]


def step(root, title, count):
    wait_for(f'the step “{title}”',
             lambda: shows_label(root, title) and shows_label(root, count))
    unnamed = unnamed_controls(root)
    check(f'{count}, “{title}”: every control has a name', not unnamed, '\n'.join(unnamed))


def open_guidance(window):
    """The Guidance view, from the header's view switcher; the rest of
    the window (the reader's hundreds of paragraphs) is left unwalked."""
    tabs = [node for node in walk(window)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB and node.name == 'Guidance'
            and has(node, pyatspi.STATE_HORIZONTAL)]
    assert len(tabs) == 1, f'{len(tabs)} header buttons named Guidance'
    act(tabs[0], 'click')
    view = wait_for('the Guidance view',
                    lambda: next((node for node in walk(window)
                                  if node.getRole() == pyatspi.ROLE_PANEL
                                  and node.name == 'Step-by-Step Guidance'), None))
    row = wait_for('the briefing in the list of guidance',
                   lambda: control(view, 'Party group briefing request',
                                   roles={pyatspi.ROLE_LIST_ITEM}))
    act(row, 'wizard.open', 'activate')
    return view


def drive_briefing(window):
    view = open_guidance(window)

    step(view, 'The request', 'Step 1 of 4')
    choose(view, 'Labour', 'Which party group is asking for the briefing?')
    choose(view, 'The group leader', 'Who made the request?')
    type_into(view, 'What is the briefing about?', 'Local plan')
    press(view, 'Yes', 'Is it about council business?')
    press(view, 'Next')

    step(view, 'Who will brief the group', 'Step 2 of 4')
    type_into(view, 'Which officer will brief the group?', 'Director of Place')
    press(view, 'Yes', 'Is that officer a chief officer or senior officer?')
    press(view, 'Next')

    step(view, 'The meeting', 'Step 3 of 4')
    type_into(view, 'When is the group meeting?', '2027-01-07')
    press(view, 'No', 'Will anyone who is not a councillor be at the meeting?')
    press(view, 'No', "Is it about the group's own budget proposals?")
    press(view, 'Next')

    step(view, 'Summary', 'Step 4 of 4')
    check('the summary shows what Finish records', shows_label(view, SUMMARY))
    press(view, 'Finish')
    wait_for('the toast saying what was recorded',
             lambda: shows_label(window, 'Recorded: ' + SUMMARY))
    check('Finish says what it recorded', True)


def close(window, concordat):
    actions = window.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    assert 'window.close' in names, 'the window offers no close action'
    try:
        actions.doAction(names.index('window.close'))
    except GLib.Error as error:
        # Concordat may be gone before it answers: its exit status says
        # whether it closed cleanly.
        log('no answer to closing: ' + error.message)
    check('Concordat closes cleanly', concordat.wait(TIMEOUT) == 0,
          f'exit status {concordat.returncode}')


def command(env, *args):
    run = subprocess.run([os.environ['CONCORDAT'], *args], env=env, capture_output=True,
                         text=True, timeout=60)
    return run.returncode, run.stdout, run.stderr


def main():
    data_dir = tempfile.mkdtemp(prefix='concordat-guidance-atspi-')
    env = dict(os.environ, CONCORDAT_DATA_DIR=data_dir, CONCORDAT_TODAY=TODAY)
    try:
        for group in ('Labour', 'Conservative'):
            status, out, err = command(env, 'groups', 'add', group)
            check(f'groups add {group}', status == 0, err)

        concordat = subprocess.Popen([os.environ['CONCORDAT']], env=env)
        try:
            app = wait_for('concordat on the accessibility bus', lambda: application_of(concordat.pid))
            window = wait_for('the main window', lambda: main_window(app))
            drive_briefing(window)
            close(window, concordat)
        finally:
            if concordat.poll() is None:
                concordat.kill()
                concordat.wait()

        status, out, err = command(env, 'record', '--json')
        record = json.loads(out) if status == 0 else []
        check('the briefing is in the record',
              [(a['wizard'], a['summary'], a['date']) for a in record] == [('briefing', SUMMARY, TODAY)],
              out + err)

        status, out, err = command(env, 'duties', '--json')
        duties = json.loads(out) if status == 0 else []
        check('with its duties: offer Conservative the briefing, check the written record',
              sorted((d['title'], d['due']) for d in duties) == [
                  ('Check any written record of the Labour meeting that attributes advice to '
                   'Director of Place', '2027-01-11'),
                  ('Offer Conservative the briefing on “Local plan”', '2026-12-29')],
              out + err)
    except AssertionError as error:
        check(str(error), False)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

    print(f'1..{len(results)}', flush=True)
    return 0 if results and all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
