#!/usr/bin/python3
"""test-hostile.py: bad input never harms what Concordat has stored.

A catalogue of hostile inputs, each made here at run time and given to the
real command line as a user would give it: a protocol to import, a file of
wizard answers, a database or data folder that is not what it should be.
Each input that is refused must be refused with the one message that says
what is wrong and what to do, and leave the database exactly as it was
(its full SQL dump, or its bytes, compared before and after).  Each input
that is rightly accepted -- odd numbering, markup, a great many paragraphs
-- must be stored and shown literally, never interpreted; the invisible
marks that change the direction text is shown in (U+202A-U+202E,
U+2066-U+2069) are the one thing left out, with a warning, so that no text
can be made to show in another order than it is read.

One TAP result per entry, with the time it took as a comment.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from concordat_notifications import report  # noqa: E402

CONCORDAT = os.environ['CONCORDAT']
SHARED = os.environ['CONCORDAT_SHARED_PROTOCOLS']
TODAY = '2026-12-23'
NOBODY = 65534

BRIEFING = {
    'requesting_group': 'Labour', 'requester_role': 'group-leader', 'topic': 'Local plan',
    'council_business': True, 'officer': 'Director of Place', 'officer_is_senior': True,
    'meeting_date': '2027-01-07', 'non_members_present': False, 'budget_proposals': False,
}


def run(data, *args, preexec_fn=None, user=None, timeout=600):
    """Runs the command line on the data folder @data; returns (status, out, err)."""
    env = dict(os.environ, CONCORDAT_DATA_DIR=data, CONCORDAT_TODAY=TODAY)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    command = [CONCORDAT, *args]
    if user is not None:
        command = ['setpriv', f'--reuid={user}', f'--regid={user}', '--clear-groups', *command]
    p = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout,
                       preexec_fn=preexec_fn, check=False)
    return p.returncode, p.stdout, p.stderr


def run_json(data, *args):
    status, out, err = run(data, *args, '--json')
    assert status == 0, (args, status, err)
    return json.loads(out)


def database(data):
    return os.path.join(data, 'concordat.db')


def read(data, reader):
    """Calls reader() on a read-only connection to the database, leaving
    the data folder as it found it: no journal files of the reader's own
    are left behind."""
    left = [database(data) + suffix for suffix in ('-wal', '-shm')
            if not os.path.exists(database(data) + suffix)]
    db = sqlite3.connect(f'file:{database(data)}?mode=ro', uri=True)
    try:
        return reader(db)
    finally:
        db.close()
        for path in left:
            if os.path.exists(path):
                os.unlink(path)


def dump(data):
    """Everything stored, as SQL."""
    return read(data, lambda db: list(db.iterdump()))


def integrity(data):
    return read(data, lambda db: db.execute('PRAGMA integrity_check').fetchone()[0])


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def write(path, contents):
    with open(path, 'wb') as f:
        f.write(contents if isinstance(contents, bytes) else contents.encode('utf-8'))
    return path


def expect(status, err, want_status, want_err):
    assert status == want_status, f'exit status {status}, not {want_status}: {err}'
    assert err == want_err, f'stderr is\n{err!r}\nnot\n{want_err!r}'


def make_library(data):
    """A data folder with a council, a protocol and a recorded action."""
    for command in (['groups', 'add', 'Labour'], ['groups', 'add', 'Conservative'],
                    ['wards', 'add', 'Abbey'],
                    ['import', os.path.join(SHARED, 'wokingham-chapter-9-3.txt')]):
        status, _, err = run(data, *command)
        assert status == 0, (command, err)
    answers = write(os.path.join(os.path.dirname(data), 'good.json'), json.dumps(BRIEFING))
    status, _, err = run(data, 'wizard', 'run', 'briefing', '--answers', answers)
    assert status == 0, err


class Catalogue:
    """Each entry gets its own copy of the library, and its inputs a folder."""

    def __init__(self, root):
        self.root = root
        self.template = os.path.join(root, 'template', 'data')
        os.makedirs(self.template)
        make_library(self.template)
        self.number = 0
        self.passed = []

    def entry(self, name, body):
        self.number += 1
        folder = os.path.join(self.root, f'entry-{self.number}')
        os.makedirs(folder)
        data = os.path.join(folder, 'data')
        shutil.copytree(self.template, data)
        start = time.monotonic()
        ok = report(self.number, name, lambda: body(data, folder))
        print(f'# {time.monotonic() - start:.2f} s', flush=True)
        self.passed.append(ok)
        shutil.rmtree(folder, ignore_errors=True)


def refused_import(data, path, want_err):
    """Importing @path is refused with @want_err and changes nothing."""
    before = dump(data)
    status, out, err = run(data, 'import', path)
    expect(status, err, 1, want_err)
    assert out == '', out
    assert dump(data) == before, 'the database changed'


def imported(data, path, *extra):
    """Imports @path, and returns the new protocol's JSON and its warnings;
    what was stored before is all still there."""
    before = [run_json(data, 'protocols'), run_json(data, 'record'), run_json(data, 'groups')]
    status, out, err = run(data, 'import', path, '--json', *extra)
    assert status == 0, err
    doc = json.loads(out)
    after = [run_json(data, 'protocols'), run_json(data, 'record'), run_json(data, 'groups')]
    assert [p for p in after[0] if p['id'] != doc['id']] == before[0], after[0]
    assert after[1:] == before[1:], 'the record or the council changed'
    return doc


def paragraphs(data, slug):
    return read(data, lambda db: db.execute(
        'SELECT p.citation, p.text FROM paragraphs p JOIN documents d ON d.id = p.document_id '
        'WHERE d.slug = ? ORDER BY p.position', (slug,)).fetchall())


def show(data, slug, citation):
    return run_json(data, 'show', slug, citation)['text']


# --- protocols that are no text, or too big ---

def empty(data, folder):
    path = write(os.path.join(folder, 'empty.txt'), b'')
    refused_import(data, path, f'concordat: {path} is empty: there is no protocol in it to import. '
                               "Choose the file that holds the protocol's text.\n")


def binary(data, folder):
    # A picture, as a user might pick by mistake: a PNG signature and noise.
    contents = b'\x89PNG\r\n\x1a\n' + bytes((i * 7919) % 251 + 1 for i in range(5000)) + b'\0\0\0\rIHDR'
    path = write(os.path.join(folder, 'logo.png'), contents)
    refused_import(data, path, f'concordat: {path} is not a text file (it contains binary data at byte '
                               f'{contents.index(0)}). Save the protocol as plain text or Markdown and import that.\n')


def binary_without_nul(data, folder):
    contents = bytes((i * 7919) % 255 + 1 for i in range(20000))
    path = write(os.path.join(folder, 'scan.bin'), contents)
    before = dump(data)
    status, out, err = run(data, 'import', path)
    assert status == 1, err
    assert err.startswith(f'concordat: {path} is not a text file (') and err.endswith(
        ' characters are control characters or cannot be read). '
        'Save the protocol as plain text or Markdown and import that.\n'), err
    assert err.count('\n') == 1, err
    assert dump(data) == before, 'the database changed'


def nul_bytes(data, folder):
    contents = b'# Protocol\n\n1. Members and officers\0 work together.\n'
    path = write(os.path.join(folder, 'nul.txt'), contents)
    refused_import(data, path, f'concordat: {path} is not a text file (it contains binary data at byte '
                               f'{contents.index(0)}). Save the protocol as plain text or Markdown and import that.\n')


def windows_1252(data, folder):
    path = write(os.path.join(folder, 'gifts.txt'),
                 b'# Gifts\n\n1. Gifts over \xa350 are \x93declared\x94 within 28 days.\n')
    doc = imported(data, path)
    assert doc['warnings'] == [f'{path} is not valid UTF-8; it was read as Windows-1252 text. Check that '
                               'quotation marks and accented letters look right.'], doc['warnings']
    assert show(data, doc['id'], '1') == 'Gifts over £50 are “declared” within 28 days.'


def invalid_utf8(data, folder):
    # UTF-8 cut short and bytes that Windows-1252 leaves undefined (0x81, 0x8d).
    path = write(os.path.join(folder, 'broken.txt'),
                 '# Broken\n\n1. Officers brief every group alike.\n\n'.encode() +
                 b'2. A caf\xc3 and \x81\x8d here, the rest is fine and long enough to read.\n')
    doc = imported(data, path)
    assert doc['warnings'] == [f'{path} is neither UTF-8 nor Windows-1252 text: 3 characters that could not '
                               'be read were replaced by “\ufffd”. Save the protocol as UTF-8 text and import '
                               'it again, or check the paragraphs that have “\ufffd”.'], doc['warnings']
    assert show(data, doc['id'], '1') == 'Officers brief every group alike.'
    assert show(data, doc['id'], '2') == ('A caf\ufffd and \ufffd\ufffd here, the rest is fine and long '
                                          'enough to read.')


def hundred_megabytes(data, folder):
    path = os.path.join(folder, 'huge.txt')
    with open(path, 'wb') as f:
        f.truncate(100 * 1024 * 1024)  # sparse: written in no time
    start = time.monotonic()
    refused_import(data, path, f'concordat: {path} is 104.9 MB, larger than any protocol (the limit is '
                               '20 MB): is it the right file?\n')
    assert time.monotonic() - start < 10, 'refusing a big file took long: was it read?'


# --- protocols that are text, however odd: stored and shown literally ---

def long_line(data, folder):
    sentence = 'Officers brief every party group <alike> & on request; '
    text = (sentence * (2 * 1024 * 1024 // len(sentence) + 1))[:2 * 1024 * 1024 - 3].rstrip() + '.'
    path = write(os.path.join(folder, 'one-line.txt'), '1. ' + text + '\n')
    assert os.path.getsize(path) >= 2 * 1024 * 1024
    doc = imported(data, path)
    assert (doc['paragraphs'], doc['warnings']) == (1, []), doc
    assert paragraphs(data, doc['id']) == [('1', text)]
    status, out, err = run(data, 'show', doc['id'], '1')
    assert status == 0 and out.startswith(f'1 — \n\n{text}\n'), (status, out[:80], err)


def deep_numbering(data, folder):
    path = write(os.path.join(folder, 'deep.txt'),
                 '# Deep\n\n1 Top\n\n1.1 Second\n\n1.1.1 Third\n\n1.1.1.1 Fourth\n\n1.1.1.1.1 Fifth\n\n'
                 '1.1.1.1.1.1 Sixth\n\n1.1.1.1.1.1.1 Seven parts.\n\n'
                 '1.1.1.1.1.1.1.1 Eight parts.\n\n' + '1.' * 200 + '1 Two hundred and one.\n')
    doc = imported(data, path)
    assert doc['warnings'] == [
        'Line 17: “1.1.1.1.1.1.1.1” has more parts than a paragraph number can have (seven), so it was '
        'kept as text; check the paragraphs around it.',
        f'Line 19: “{("1." * 200 + "1")[:80]}” has more parts than a paragraph number can have (seven), '
        'so it was kept as text; check the paragraphs around it.'], doc['warnings']
    assert paragraphs(data, doc['id']) == [
        ('1.1.1.1.1.1.1', 'Seven parts.'),
        ('1.1.1.1.1.1 ¶1', '1.1.1.1.1.1.1.1 Eight parts.'),
        ('1.1.1.1.1.1 ¶2', '1.' * 200 + '1 Two hundred and one.')]
    outline = run_json(data, 'outline', doc['id'])
    depth, node = 1, outline[0]
    while node['children']:
        depth, node = depth + 1, node['children'][0]
    assert (depth, node['citation']) == (6, '1.1.1.1.1.1'), (depth, node)


def backwards_numbering(data, folder):
    path = write(os.path.join(folder, 'backwards.txt'),
                 '# Backwards\n\n9. Ninth rule.\n\n8. Eighth rule.\n\n8.4 Fourth.\n\n8.2 Second.\n')
    doc = imported(data, path)
    assert doc['warnings'] == [
        'Line 5: the numbering goes back from 9 to 8, so it was taken to start again there; check the '
        'paragraphs around it.',
        'Line 9: the numbering goes back from 8.4 to 8.2; check the paragraphs around it.'], doc['warnings']
    # The longer run is the protocol's own numbering, cited bare.
    assert paragraphs(data, doc['id']) == [('Backwards 9', 'Ninth rule.'), ('8', 'Eighth rule.'),
                                           ('8.4', 'Fourth.'), ('8.2', 'Second.')]


def many_paragraphs(data, folder):
    # 100,000 paragraphs, alike but for a number in them: so alike that
    # they once passed for a running header and all but a thousand were
    # left out.  They are unnumbered, and cited in order.
    lines = ['# Many Paragraphs\n']
    for i in range(1, 100001):
        lines.append(f'Officers offer briefing {i} to every party group alike.\n')
    path = write(os.path.join(folder, 'many.txt'), '\n'.join(lines))
    doc = imported(data, path)
    assert (doc['paragraphs'], doc['sections'], doc['warnings']) == (100000, 0, [
        f'No paragraph numbers were found in {path}: its paragraphs were imported unnumbered, under '
        'their headings.']), doc
    stored = paragraphs(data, doc['id'])
    assert stored == [(f'¶{i}', f'Officers offer briefing {i} to every party group alike.')
                      for i in range(1, 100001)], 'not every paragraph is stored as it was'
    assert show(data, doc['id'], '¶63017') == 'Officers offer briefing 63017 to every party group alike.'
    found = run_json(data, 'search', '"briefing 99431"', '--doc', doc['id'])
    assert [r['citation'] for r in found] == ['¶99431'], found


def markdown_html(data, folder):
    script = '<script>alert("stolen")</script>'
    path = write(os.path.join(folder, 'html.md'),
                 '# Markup Protocol\n\n## 1. Conduct\n\n'
                 f'1.1 Officers <b>must</b> brief <a href="javascript:evil()">every</a> group {script}.\n\n'
                 '1.2 An <img src=x onerror="alert(1)"> image &amp; &lt;entity&gt; and <!-- a comment -->.\n')
    doc = imported(data, path)
    assert doc['warnings'] == [], doc['warnings']
    assert paragraphs(data, doc['id']) == [
        ('1.1', f'Officers <b>must</b> brief <a href="javascript:evil()">every</a> group {script}.'),
        ('1.2', 'An <img src=x onerror="alert(1)"> image &amp; &lt;entity&gt; and <!-- a comment -->.')]
    status, out, err = run(data, 'show', doc['id'], '1.1')
    assert status == 0 and script in out and '<b>must</b>' in out, (out, err)
    found = run_json(data, 'search', 'alert stolen', '--doc', doc['id'])
    assert found and found[0]['citation'] == '1.1' and '<script>' in found[0]['snippet'], found


def pango_markup(data, folder):
    span = '<span foreground="red" size="xx-large" weight="ultrabold">'
    path = write(os.path.join(folder, 'pango.txt'),
                 f'# Pango\n\n1. A {span}loud</span> rule with <i>markup</i> & <tt>more</tt> &#169;.\n')
    doc = imported(data, path)
    text = f'A {span}loud</span> rule with <i>markup</i> & <tt>more</tt> &#169;.'
    assert paragraphs(data, doc['id']) == [('1', text)]
    status, out, err = run(data, 'show', doc['id'], '1')
    assert status == 0 and out.startswith(f'1 — \n\n{text}\n'), (out, err)
    titles = [p['title'] for p in run_json(data, 'protocols') if p['id'] == doc['id']]
    assert titles == ['Pango'], titles


def right_to_left(data, folder):
    # "Trojan source": the override shows "officer" text reversed; the
    # isolates hide where it ends.  The marks that only say which way a
    # letter runs (U+200E, U+200F) and real right-to-left text are kept.
    path = write(os.path.join(folder, 'rtl.txt'),
                 '# Direction\n\n1. Members may \u202erecnuob\u202c visit; see \u2067note\u2069 and '
                 '\u200fשלום\u200e here.\n\n2. The \u202dsecond\u202c paragraph.\n')
    doc = imported(data, path)
    assert doc['warnings'] == [
        'Line 3: 6 invisible marks that change the direction text is shown in (the first U+202E) were '
        'left out, so that the text shows in the order it is read; check the paragraphs around it.'], doc
    assert paragraphs(data, doc['id']) == [
        ('1', 'Members may recnuob visit; see note and \u200fשלום\u200e here.'),
        ('2', 'The second paragraph.')]
    status, out, err = run(data, 'show', doc['id'], '1')
    assert status == 0 and '\u202e' not in out and 'recnuob' in out, (out, err)


# --- wizard answers ---

def refused_answers(data, folder, answers, want_err, name='answers.json'):
    path = write(os.path.join(folder, name), answers if isinstance(answers, str) else json.dumps(answers))
    before = dump(data)
    status, out, err = run(data, 'wizard', 'run', 'briefing', '--answers', path)
    expect(status, err.replace(path, 'FILE'), 1, want_err)
    assert out == '', out
    assert dump(data) == before, 'the database changed'


def wrong_types(data, folder):
    refused_answers(data, folder, dict(BRIEFING, requesting_group=['Labour'], topic=42,
                                       council_business='yes', officer=None, meeting_date=20270107,
                                       non_members_present={'no': True}), (
        'concordat: requesting_group: the answer should be text, not a list\n'
        'concordat: topic: the answer should be text, not a number\n'
        'concordat: council_business: the answer should be true or false, not text\n'
        'concordat: officer: this question needs an answer: Which officer will brief the group?\n'
        'concordat: meeting_date: the answer should be text, not a number\n'
        'concordat: non_members_present: the answer should be true or false, not an object\n'
        'concordat: nothing was recorded; correct the answers and run it again.\n'))


def unknown_fields(data, folder):
    questions = ('requesting_group, requester_role, topic, council_business, officer, officer_is_senior, '
                 'nominated_by_senior, meeting_date, non_members_present, chief_officer_agreed and '
                 'budget_proposals')
    refused_answers(data, folder, dict(BRIEFING, colour='blue', __proto__={'admin': True}), (
        f'concordat: colour: there is no such question in this wizard; its questions are {questions}\n'
        f'concordat: __proto__: there is no such question in this wizard; its questions are {questions}\n'
        'concordat: nothing was recorded; correct the answers and run it again.\n'))


def huge_strings(data, folder):
    refused_answers(data, folder, dict(BRIEFING, topic='x' * 900000), (
        'concordat: topic: the answer is 900000 characters long; it can be at most 500, so shorten it\n'
        'concordat: nothing was recorded; correct the answer and run it again.\n'))
    refused_answers(data, folder, dict(BRIEFING, topic='x' * 2000000), (
        'concordat: FILE: the answers file is larger than 1 MB; it should hold a short JSON object of '
        'answers such as {"topic": "Local plan"}\n'), name='bigger.json')


def impossible_date(data, folder):
    refused_answers(data, folder, dict(BRIEFING, meeting_date='2026-02-30'), (
        'concordat: meeting_date: “2026-02-30” is not a real date; give it as YYYY-MM-DD\n'
        'concordat: nothing was recorded; correct the answer and run it again.\n'))


def deep_answers(data, folder):
    refused_answers(data, folder, '{"topic": ' + '[' * 100000 + ']' * 100000 + '}', (
        'concordat: FILE: the answers are lists and objects nested more than 64 deep; they should be '
        'one JSON object of answers such as {"topic": "Local plan"}\n'))


# --- databases and data folders ---

def newer_database(data, folder):
    db = sqlite3.connect(database(data))
    db.execute('PRAGMA user_version = 99')
    db.close()
    before = read_bytes(database(data))
    message = (f'concordat: The database {database(data)} was written by a newer version of Concordat '
               '(schema version 99; this version knows up to 5). It {}has not been changed: install '
               'the newer Concordat to {}open it.\n')
    status, out, err = run(data, 'record')
    expect(status, err, 1, message.format('', ''))
    status, out, err = run(data, 'check')
    expect(status, err, 1, message.format('is not damaged and ', 'check or '))
    assert read_bytes(database(data)) == before, 'the database changed'
    assert os.listdir(data) == ['concordat.db'], os.listdir(data)


def text_database(data, folder):
    shutil.rmtree(data)
    os.makedirs(data, mode=0o700)
    notes = b'These are my notes about the council, not a database.\n' * 10
    write(database(data), notes)
    os.chmod(database(data), 0o600)
    status, out, err = run(data, 'record')
    aside = [name for name in os.listdir(data) if name.startswith('concordat.db.corrupt-')]
    assert len(aside) == 1 and os.listdir(data) == aside, os.listdir(data)
    expect(status, err, 1, f'concordat: The database {database(data)} failed its check (the file is not a '
                           'SQLite database: its header is damaged or it is another kind of file). It was '
                           f'moved aside, unchanged, to {os.path.join(data, aside[0])}. There is no backup '
                           'to restore; Concordat will start with an empty database.\n')
    assert read_bytes(os.path.join(data, aside[0])) == notes, 'the file moved aside changed'


def read_only_folder(data, folder):
    before = dump(data)
    files = {name: read_bytes(os.path.join(data, name)) for name in os.listdir(data)
             if os.path.isfile(os.path.join(data, name))}
    # Root writes whatever the modes say: it runs the commands as nobody.
    user = NOBODY if os.geteuid() == 0 else None
    if user is not None:
        os.chmod(folder, 0o755)
        for path, _, names in os.walk(data):
            for name in [''] + names:
                os.chown(os.path.join(path, name), NOBODY, NOBODY)
    os.chmod(database(data), 0o400)
    os.chmod(data, 0o500)
    try:
        advice = (f'Nothing was changed; make the folder {data} and the files in it writable by you, '
                  'or set CONCORDAT_DATA_DIR to a folder you can write to.\n')
        for command in (['record'], ['groups', 'add', 'Greens'],
                        ['import', os.path.join(SHARED, 'joint-councillor-officer-protocol.txt')]):
            status, out, err = run(data, *command, user=user)
            expect(status, err, 1, f'concordat: Cannot write to {database(data)}: Permission denied. {advice}')
        status, out, err = run(data, 'check', user=user)
        expect(status, err, 1, f'concordat: Cannot check {database(data)}: the data folder or the database '
                               'is read-only; make the folder and the files in it writable by you, or set '
                               'CONCORDAT_DATA_DIR to a folder you can write to\n')
        assert sorted(os.listdir(data)) == sorted(files), os.listdir(data)
        for name, contents in files.items():
            assert read_bytes(os.path.join(data, name)) == contents, f'{name} changed'
    finally:
        os.chmod(data, 0o700)
        os.chmod(database(data), 0o600)
    assert dump(data) == before


def file_size_limit(kilobytes):
    """What a full disk looks like to one command: its files may grow no
    further than @kilobytes, and a write past that fails with EFBIG."""
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (kilobytes * 1024, kilobytes * 1024))
    return limit


def full_disk(data, folder):
    """The write-ahead log, which an import or an action is written to
    first, cannot grow: nothing of either may be stored."""

    path = write(os.path.join(folder, 'long.txt'), '# Long\n\n' + ''.join(
        f'{i // 500 + 1}.{i % 500 + 1} Officers keep a written note of briefing {i}.\n\n' for i in range(5000)))
    answers = write(os.path.join(folder, 'answers.json'), json.dumps(dict(BRIEFING, topic='x' * 400)))
    before = dump(data)
    mendable = ('the file would grow past the largest file size allowed (see “ulimit -f”); raise the limit, '
                'or free some space, and try again')
    status, out, err = run(data, 'import', path, preexec_fn=file_size_limit(256))
    expect(status, err, 1, f'concordat: Cannot store {path}: {mendable}. Nothing was imported.\n')
    status, out, err = run(data, 'wizard', 'run', 'briefing', '--answers', answers,
                           preexec_fn=file_size_limit(64))
    expect(status, err, 1, f'concordat: Cannot save the record: {mendable}\n')
    status, out, err = run(data, 'backup', preexec_fn=file_size_limit(64))
    assert status == 1 and err == f'concordat: Cannot write the backup: {mendable}\n', err
    assert dump(data) == before, 'the database changed'
    assert integrity(data) == 'ok'
    status, out, err = run(data, 'check')
    assert (status, out) == (0, 'ok\n'), err


def main():
    with tempfile.TemporaryDirectory() as root:
        os.chmod(root, 0o755)  # for the commands run as nobody
        catalogue = Catalogue(root)
        for name, body in [
                ('an empty protocol is refused, and nothing changes', empty),
                ('a binary file is refused, and nothing changes', binary),
                ('binary data without NUL bytes is refused, and nothing changes', binary_without_nul),
                ('a text with a NUL byte is refused, and nothing changes', nul_bytes),
                ('Windows-1252 text is read as such, with a warning', windows_1252),
                ('invalid UTF-8 is kept with its unreadable characters marked, with a warning', invalid_utf8),
                ('a 100 MB file is refused before it is read, and nothing changes', hundred_megabytes),
                ('a 2 MB single line is stored and shown whole', long_line),
                ('numbering eight parts deep is kept as text, with a warning', deep_numbering),
                ('numbering that goes backwards is kept, with warnings', backwards_numbering),
                ('100,000 paragraphs are all stored and found', many_paragraphs),
                ('Markdown with HTML and <script> is stored and shown literally', markdown_html),
                ('Pango markup is stored and shown literally', pango_markup),
                ('right-to-left override marks are left out, with a warning', right_to_left),
                ('answers of the wrong types are refused, each named, and nothing changes', wrong_types),
                ('answers to unknown questions are refused, and nothing changes', unknown_fields),
                ('huge answers are refused, and nothing changes', huge_strings),
                ('2026-02-30 is refused, and nothing changes', impossible_date),
                ('answers nested 100,000 deep are refused, and nothing changes', deep_answers),
                ('a database from a newer Concordat is left as it is', newer_database),
                ('a database that is a text file is moved aside unchanged', text_database),
                ('a read-only data folder is reported, and nothing changes', read_only_folder),
                ('a full disk is reported, and the database is as it was', full_disk)]:
            catalogue.entry(name, body)
        print(f'1..{catalogue.number}')
        return 0 if all(catalogue.passed) else 1


if __name__ == '__main__':
    sys.exit(main())
