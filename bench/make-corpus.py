#!/usr/bin/python3
"""make-corpus.py: writes a library of variant protocols for the search
benchmark, from the model protocol and the real councils' protocols beside
the source tree, read when it runs.  Each variant samples their paragraphs,
reorders and renumbers them under new section headings, and swaps some of
their words, so that no two documents are alike.  The same seed gives the
same files, byte for byte.

Usage: make-corpus.py --count N --out DIR [--seed S] [--sources FILE...]
With --count 1000: about 75 MB and 190,000 paragraphs.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)

PARAGRAPHS_PER_DOCUMENT = 190
PLACES = ['Ambridge', 'Borchester', 'Felpersham', 'Loxley', 'Penny Hassett', 'Edgeley', 'Hollerton',
          'Darrington', 'Westbury', 'Eastmoor', 'Northfield', 'Southwold', 'Kingsbridge', 'Marlow',
          'Ashby', 'Redhill', 'Brackley', 'Thornbury', 'Oakham', 'Whitby']
KINDS = ['Borough Council', 'District Council', 'County Council', 'City Council', 'Town Council']
VOCABULARY = ['officer', 'member', 'councillor', 'committee', 'cabinet', 'group', 'report', 'meeting',
              'decision', 'advice', 'service', 'director', 'manager', 'ward', 'policy', 'budget']
HEADINGS = ['Introduction', 'Roles of members and officers', 'Mutual respect', 'Party groups',
            'Briefings', 'Access to information', 'Confidentiality', 'The media', 'Council premises',
            'Pre-election period', 'Political assistants', 'Complaints', 'Gifts and hospitality',
            'Personal relationships', 'Ward matters', 'Correspondence', 'Social media', 'Training',
            'Support services', 'Monitoring and review']


def default_sources():
    sources = [os.path.join(SOURCE, 'data', 'model-protocol.md')]
    shared = os.path.join(os.path.dirname(SOURCE), 'shared', 'protocols')
    if os.path.isdir(shared):
        sources += sorted(os.path.join(shared, name) for name in os.listdir(shared))
    return sources


def read_paragraphs(path):
    """The paragraphs of a source, without their numbers: blocks of text of
    at least a dozen words."""
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    paragraphs = []
    for block in re.split(r'\n\s*\n', text):
        block = ' '.join(block.split())
        block = re.sub(r'^(\d+(\.\d+)*\.?|\([a-z0-9]+\)|[a-z]\))\s+', '', block)
        if len(block.split()) >= 12 and not block.startswith('#'):
            paragraphs.append(block)
    return paragraphs


def vary(paragraph, rng):
    """Some adjacent words swapped, some council words replaced."""
    words = paragraph.split()
    for _ in range(max(1, len(words) // 15)):
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    for i, word in enumerate(words):
        if word.lower() in VOCABULARY and rng.random() < 0.2:
            words[i] = rng.choice(VOCABULARY)
    return ' '.join(words)


def write_document(path, number, pool, rng):
    name = f'{rng.choice(PLACES)} {rng.choice(KINDS)}'
    headings = rng.sample(HEADINGS, rng.randint(12, 16))
    per_section = PARAGRAPHS_PER_DOCUMENT // len(headings)
    extra = PARAGRAPHS_PER_DOCUMENT - per_section * len(headings)
    # The number first, so that each has a slug of its own.
    lines = [f'# Protocol {number:04}: {name} Member/Officer Protocol', '']
    written = 0
    for s, heading in enumerate(headings, 1):
        lines += [f'## {s}. {heading}', '']
        for p in range(1, per_section + (1 if s <= extra else 0) + 1):
            lines += [f'{s}.{p} {vary(rng.choice(pool), rng)}', '']
            written += 1
    text = '\n'.join(lines)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return len(text.encode('utf-8')), written


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--count', type=int, required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--sources', nargs='*', default=None)
    args = parser.parse_args()

    pool = []
    for source in args.sources or default_sources():
        pool += read_paragraphs(source)
    if not pool:
        sys.exit('make-corpus.py: no paragraphs in the sources')

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    total_bytes = total_paragraphs = 0
    for number in range(1, args.count + 1):
        size, paragraphs = write_document(os.path.join(args.out, f'protocol-{number:04}.md'), number, pool, rng)
        total_bytes += size
        total_paragraphs += paragraphs
    print(f'{args.count} files, {total_bytes / 1e6:.1f} MB, {total_paragraphs} paragraphs')
    return 0


if __name__ == '__main__':
    sys.exit(main())
