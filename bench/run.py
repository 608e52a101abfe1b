#!/usr/bin/python3
"""run.py: Concordat's benchmark, as `make bench` runs it.

Measures start-up against a bare libadwaita window, search in one protocol
and across a generated library of protocols against the naive FTS5 query
and grep, import throughput, the reminder scan, and the Record view with
many actions against a few; each as medians over repeated runs and as
ratios against a baseline measured in the same run.  Writes
bench/results.json and prints a table.

Usage (under a display and a session bus, as `make bench` arranges):
  bench/run.py BUILD-DIR [--size full|tiny] [--out FILE]

SPDX-License-Identifier: GPL-3.0-or-later
"""

import argparse
import json
import math
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(SOURCE), 'shared', 'protocols')

SIZES = {
    'full': {'docs': 1000, 'growth': [10, 100, 1000], 'duties': [1000, 10000, 100000],
             'record': 100000, 'startup_runs': 11, 'record_runs': 7, 'repeats': 5,
             'grep_queries': 12, 'growth_queries': 60},
    'tiny': {'docs': 4, 'growth': [2, 4], 'duties': [100, 1000], 'record': 1000,
             'startup_runs': 2, 'record_runs': 2, 'repeats': 1, 'grep_queries': 2,
             'growth_queries': 5},
}


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def run(command, env=None):
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


class Bench:
    def __init__(self, build, size, work):
        self.build = build
        self.size = SIZES[size]
        self.work = work
        self.tool = os.path.join(build, 'bench', 'concordat-bench')
        self.env = dict(os.environ, GSK_RENDERER='cairo', GSETTINGS_BACKEND='memory',
                        GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'), LC_ALL='C.UTF-8',
                        CONCORDAT_TODAY='2026-11-22', NOTIFY_IGNORE_PORTAL='1')
        self.results = {}

    def data_dir(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(path, mode=0o700, exist_ok=True)
        return path

    # --- start-up ---

    def first_frame(self, command, env):
        """Launch to first frame painted, in ms, and peak resident MB."""
        started = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True)
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - started) * 1000
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        assert line == 'first-frame\n' and proc.returncode == 0, (command, line, proc.returncode)
        return elapsed, usage.ru_maxrss / 1024

    def startup(self):
        data = self.data_dir('startup')
        run([self.tool, 'fill-record', os.path.join(data, 'concordat.db'), '10000'])
        app_env = dict(self.env, CONCORDAT_DATA_DIR=data, CONCORDAT_BENCH_FIRST_FRAME='1')
        app = [os.path.join(self.build, 'src', 'concordat')]
        bare = [os.path.join(self.build, 'bench', 'bare-window')]
        # The first start adds the model protocol and takes the day's backup.
        self.first_frame(app, app_env)
        self.first_frame(bare, self.env)
        app_runs, bare_runs = [], []
        for _ in range(self.size['startup_runs']):
            app_runs.append(self.first_frame(app, app_env))
            bare_runs.append(self.first_frame(bare, self.env))
        app_ms = statistics.median(t for t, _ in app_runs)
        bare_ms = statistics.median(t for t, _ in bare_runs)
        self.results['startup'] = {
            'app_ms': round(app_ms, 1), 'bare_ms': round(bare_ms, 1),
            'ratio': round(app_ms / bare_ms, 3),
            'app_rss_mb': round(max(m for _, m in app_runs), 1),
            'bare_rss_mb': round(max(m for _, m in bare_runs), 1),
        }

    # --- import and search ---

    def import_files(self, db, files):
        out = run([self.tool, 'import', db, *files]).split()
        return int(out[0]), float(out[1]), float(out[2])

    def corpus(self):
        corpus = os.path.join(self.work, 'corpus')
        run(['/usr/bin/python3', os.path.join(HERE, 'make-corpus.py'), '--count', str(self.size['docs']),
             '--out', corpus])
        return sorted(os.path.join(corpus, f) for f in os.listdir(corpus))

    def imports(self, files):
        shared = sorted(os.path.join(SHARED, f) for f in os.listdir(SHARED))
        shared_ms = []
        for i in range(5):
            _, ms, _ = self.import_files(os.path.join(self.work, f'shared-{i}.db'), shared)
            shared_ms.append(ms)
        library = os.path.join(self.work, 'library.db')
        size, ms, read_ms = self.import_files(library, files)
        self.results['import'] = {
            'shared_ms': round(statistics.median(shared_ms), 1),
            'mb_per_s': round(size / 1e6 / (ms / 1000), 2),
            'corpus_mb': round(size / 1e6, 1),
            'corpus_ms': round(ms, 1),
            'read_mb_per_s': round(size / 1e6 / (read_ms / 1000), 1),
        }
        return library

    @staticmethod
    def first_document(db):
        with sqlite3.connect(db) as connection:
            return connection.execute('SELECT slug FROM documents ORDER BY id DESC LIMIT 1').fetchone()[0]

    def search_times(self, db, queries):
        path = os.path.join(self.work, 'queries.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(queries) + '\n')
        rows = []
        for line in run([self.tool, 'search', db, path, self.first_document(db),
                         str(self.size['repeats'])]).splitlines():
            query, doc_ms, lib_ms, naive_ms, *_ = line.split('\t')
            rows.append((query, float(doc_ms), float(lib_ms), float(naive_ms)))
        return rows

    def grep_ms(self, corpus, word):
        times = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(['grep', '-rin', word, corpus], stdout=subprocess.DEVNULL, check=False)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    def first_search_ms(self, db):
        with sqlite3.connect(db) as connection:
            slugs = [row[0] for row in connection.execute('SELECT slug FROM documents ORDER BY id LIMIT 2')]
        return float(run([self.tool, 'first-search', db, slugs[0], slugs[-1],
                          str(10 * self.size['repeats'] + 1)]))

    def search(self, library, files, queries):
        rows = self.search_times(library, queries)
        lib = [r[2] for r in rows]
        naive = [r[3] for r in rows]
        words = [q for q in queries if q.isalpha()][:self.size['grep_queries']]
        by_query = {r[0]: r for r in rows}
        grep = [self.grep_ms(os.path.dirname(files[0]), w) for w in words]
        lib_words = [by_query[w][2] for w in words]
        with sqlite3.connect(library) as connection:
            documents = connection.execute('SELECT count (*) FROM documents').fetchone()[0]
            paragraphs = connection.execute('SELECT count (*) FROM paragraphs').fetchone()[0]
        self.results['search'] = {
            'doc_p95_ms': round(p95([r[1] for r in rows]), 3),
            'doc_first_ms': round(self.first_search_ms(library), 3),
            'lib_p50_ms': round(statistics.median(lib), 3),
            'lib_p95_ms': round(p95(lib), 3),
            'naive_p95_ms': round(p95(naive), 3),
            'naive_ratio': round(p95(naive) / p95(lib), 3),
            'grep_speedup': round(statistics.median(grep) / statistics.median(lib_words), 1),
            'documents': documents,
            'paragraphs': paragraphs,
            'queries': len(rows),
            'slowest': sorted(rows, key=lambda r: -r[2])[:5],
        }

    def growth(self, files, queries):
        figures = {}
        for n in self.size['growth']:
            db = os.path.join(self.work, f'growth-{n}.db')
            self.import_files(db, files[:n])
            rows = self.search_times(db, queries[:self.size['growth_queries']])
            figures[str(n)] = round(p95([r[2] for r in rows]), 3)
        self.results['search']['lib_p95_ms_by_documents'] = figures

    # --- reminders and the record ---

    def reminders(self):
        figures = {}
        for n in self.size['duties']:
            db = os.path.join(self.work, f'duties-{n}.db')
            run([self.tool, 'fill-duties', db, str(n)])
            ms, _ = run([self.tool, 'reminders', db, '50']).split()
            figures[n] = float(ms)
        names = {1000: 'ms_1k', 10000: 'ms_10k', 100000: 'ms_100k'}
        self.results['reminder_scan'] = {names.get(n, f'ms_{n}'): round(ms, 3) for n, ms in figures.items()}

    def record_view(self):
        program = [os.path.join(self.build, 'bench', 'record-view-bench')]
        few, many = self.data_dir('record-10'), self.data_dir('record-many')
        run([self.tool, 'fill-record', os.path.join(few, 'concordat.db'), '10'])
        run([self.tool, 'fill-record', os.path.join(many, 'concordat.db'), str(self.size['record'])])
        times = {few: [], many: []}
        for data in (few, many):
            run(program, dict(self.env, CONCORDAT_DATA_DIR=data))  # first start: model, backup
        for _ in range(self.size['record_runs']):
            for data in (few, many):
                times[data].append(float(run(program, dict(self.env, CONCORDAT_DATA_DIR=data))))
        ms_10, ms_many = statistics.median(times[few]), statistics.median(times[many])
        self.results['record_view'] = {
            'ms_10': round(ms_10, 1), 'ms_100k': round(ms_many, 1), 'ratio': round(ms_many / ms_10, 3),
            'actions': self.size['record'],
        }


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo', encoding='utf-8') as f:
            cpu = next(line.split(':', 1)[1].strip() for line in f if line.startswith('model name'))
    except (OSError, StopIteration):
        pass
    with open('/proc/meminfo', encoding='utf-8') as f:
        memory = int(f.readline().split()[1]) / 1024 / 1024
    return f'{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}'


def table(results):
    s, i, r, v, u = (results[k] for k in ('search', 'import', 'reminder_scan', 'record_view', 'startup'))
    lines = [
        ('Start-up to first frame', f"{u['app_ms']} ms vs bare {u['bare_ms']} ms", f"ratio {u['ratio']}", '≤ 1.2'),
        ('Peak memory', f"{u['app_rss_mb']} MB vs bare {u['bare_rss_mb']} MB",
         f"+{u['app_rss_mb'] - u['bare_rss_mb']:.1f} MB", '≤ +20 MB'),
        ('Search in one protocol, p95', f"{s['doc_p95_ms']} ms", '', '≤ 1 ms'),
        ('First search in a protocol', f"{s['doc_first_ms']} ms", '', ''),
        ('Search the library, p50 / p95', f"{s['lib_p50_ms']} / {s['lib_p95_ms']} ms", '', 'p95 ≤ 16 ms'),
        ('Naive FTS5 query, p95', f"{s['naive_p95_ms']} ms", f"naive / ours {s['naive_ratio']}", '≥ 3'),
        ('grep -rin against search', '', f"{s['grep_speedup']}× faster", '≥ 20×'),
        ('Import, three shared protocols', f"{i['shared_ms']} ms", '', '< 50 ms'),
        ('Import, generated library', f"{i['mb_per_s']} MB/s", f"reading: {i['read_mb_per_s']} MB/s", '≥ 10 MB/s'),
        ('Reminder scan', ', '.join(f'{k}: {ms} ms' for k, ms in r.items()), '', '≤ 2 ms at 100k'),
        ('Record view', f"{v['ms_10']} ms (10) vs {v['ms_100k']} ms ({v['actions']})", f"ratio {v['ratio']}", '≤ 1.5'),
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    out = [f"{'What':<{widths[0]}}  {'Measured':<{widths[1]}}  {'Against the baseline':<{widths[2]}}  Target"]
    for name, measured, baseline, target in lines:
        out.append(f'{name:<{widths[0]}}  {measured:<{widths[1]}}  {baseline:<{widths[2]}}  {target}')
    return '\n'.join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('build')
    parser.add_argument('--size', choices=SIZES, default='full')
    parser.add_argument('--out', default=os.path.join(HERE, 'results.json'))
    args = parser.parse_args()

    with open(os.path.join(HERE, 'queries.txt'), encoding='utf-8') as f:
        queries = [q for q in f.read().splitlines() if q and not q.startswith('#')]

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix='concordat-bench-') as work:
        bench = Bench(os.path.abspath(args.build), args.size, work)
        steps = [('start-up', bench.startup), ('reminder scan', bench.reminders),
                 ('Record view', bench.record_view)]
        for name, step in steps:
            print(f'… {name}', file=sys.stderr, flush=True)
            step()
        print('… generating the library', file=sys.stderr, flush=True)
        files = bench.corpus()
        print('… importing', file=sys.stderr, flush=True)
        library = bench.imports(files)
        print('… searching', file=sys.stderr, flush=True)
        bench.search(library, files, queries)
        print('… searching smaller libraries', file=sys.stderr, flush=True)
        bench.growth(files, queries)

    results = bench.results
    results['machine'] = machine()
    results['size'] = args.size
    results['seconds'] = round(time.monotonic() - started)
    with open(args.out, 'w', encoding='utf-8') as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
        f.write('\n')
    print(table(results))
    print(f"\n{results['machine']}; {results['seconds']} s; written to {args.out}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
