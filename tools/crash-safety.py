#!/usr/bin/python3
# tools/crash-safety.py: kill -9 at random moments during edits, imports, exports and batch adds,
# then `check` and a comparison of the file with every edit that was acknowledged.
#
# Usage: tools/crash-safety.py [--build DIR | --cli CLI --driver DRIVER] [--runs N] [--seed N]
#                              [--only RUN] [--workloads W,W…] [--sync-audit] [--tap] [--keep]
#
# Each run takes a fresh PAR Desk file (made with the CLI: init, units, a criteria set) or the
# file the previous run left behind, crashed, with its log; starts a workload, kills it with
# SIGKILL, then requires that
# - `par-desk-cli check` prints "ok" (else a failed check);
# - every acknowledged edit is in the file, and nothing changed but what was in flight (else lost
#   edits). An edit is acknowledged once the CLI exited 0 for it, or once par-desk-crash-driver
#   printed it, which it does when the core has said it is done;
# - no criteria set is partly imported, every kept document is whole (its bytes match its
#   SHA-256, its text rows and history are there), and every workbook under its final name is
#   complete (else half files). Leftovers such as FILE.xlsx.part may stay: they are counted.
# The workloads: score edits (score set), criteria imports (JSON, CSV, and a broken file that must
# import nothing), exports (export scores, export ranking), single adds (evidence add), batch adds
# (par_evidence_add_files, directly or as the window does, with score edits meanwhile), a mix of
# the CLI's, the making of a file (init) and the update of a prototype's file. In some runs
# another connection has the file open, or is in the middle of a read.
# The kill: half the runs kill the Nth command of the workload at a moment drawn around its
# commit (learnt from the runs before: was the change in flight found in the file?), half as
# soon as its commit starts writing the file's log (a workbook: its last temporary file), plus
# 0–6 ms; the batch adds are killed anywhere in their usual duration.
#
# It ends with "runs N, lost edits N, failed checks N, half files N, …" and exits 1 if anything
# was lost, a check failed, a half file was visible or a command failed that was not killed.
# The seed is printed: `--seed S` plays the same runs again (the moments of the kills differ),
# and `--seed S --only R` run R alone, on a fresh file. --sync-audit first runs each workload
# under strace and lists what was acknowledged before it was synced: what a power cut, unlike a
# kill, would lose. make check runs 30 runs (tools/meson.build); `make crash-safety` 300.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import collections
import hashlib
import json
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from contextlib import closing
from xml.etree import ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(HERE)
CRITERIA_DIR = os.path.join(SOURCE_ROOT, 'data', 'criteria')

UNITS = [('SNV', 'Sở Nội vụ'), ('STP', 'Sở Tư pháp'), ('SYT', 'Sở Y tế')]
MAIN_SET_FILE = 'departments-sample.json'
# A file is started afresh once it holds this much, so that runs stay quick.
MAX_FILE_BYTES = 160 * 1000 * 1000
WORDS = ('kế hoạch', 'cải cách hành chính', 'đúng hạn', 'báo cáo quý', 'phối hợp', 'giải trình', 'Sở Nội vụ',
         'văn bản số', '1242/QĐ-UBND', 'dịch vụ công trực tuyến', 'đã hoàn thành', 'chưa đạt', '“ngoặc kép”',
         'ĐẠT', 'Ủy ban nhân dân', 'chuyển đổi số', '0,5 điểm', 'ghi chú', 'x' * 40, 'ǅ', '𝔸', '—')
PART_SUFFIXES = ('.part', '.part2')
# How long a connection waits for another one's lock (PAR_DATABASE_BUSY_TIMEOUT_MS).
BUSY_TIMEOUT_MS = 5000
# Where a command of the CLI commits, as a share of its duration, until the kills have shown it.
COMMIT_SHARE = 0.85


def log_exception():
    return ''.join(traceback.format_exception(*sys.exc_info())[-3:])


# ---- numbers and texts ---------------------------------------------------------------------

def points_text(milli, comma):
    text = '%d.%03d' % (milli // 1000, milli % 1000)
    text = text.rstrip('0').rstrip('.')
    return text.replace('.', ',') if comma else text


def note_text(rng):
    if rng.random() < 0.04:
        words = [rng.choice(WORDS) for _ in range(rng.randint(300, 700))]
    else:
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 12))]
    return ' '.join(words + ['#%d' % rng.randint(0, 10 ** 6)]).strip()


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


# ---- criteria sets to import ---------------------------------------------------------------

def big_set_json(areas, criteria, subs, broken=False):
    """A large set: areas of criteria of sub-criteria of 0.5 points, some choices."""
    nodes = []
    for a in range(1, areas + 1):
        children = []
        for c in range(1, criteria + 1):
            leaves = []
            for s in range(1, subs + 1):
                code = '%d.%d.%d' % (a, c, s)
                leaf = {'code': code, 'title': 'Tiêu chí thành phần %s' % code, 'max': 0.5}
                if s % 3 == 0:
                    leaf['method'] = {'type': 'choice', 'options': [{'label': 'Đạt', 'points': 0.5},
                                                                    {'label': 'Không đạt', 'points': 0}]}
                else:
                    leaf['method'] = {'type': 'manual', 'step': 0.25}
                leaves.append(leaf)
            children.append({'code': '%d.%d' % (a, c), 'title': 'Tiêu chí %d.%d' % (a, c),
                             'max': 0.5 * subs, 'children': leaves})
        nodes.append({'code': str(a), 'title': 'Lĩnh vực %d' % a, 'max': 0.5 * subs * criteria,
                      'children': children})
    if broken:
        # The very last item breaks its criterion's sum: the whole file must import nothing.
        nodes[-1]['children'][-1]['children'][-1]['max'] = 0.75
    return json.dumps({'format': 'par-desk/criteria-set@1', 'name': 'Bộ chỉ số lớn (thử)',
                       'level': 'department', 'year': 2025, 'nodes': nodes}, ensure_ascii=False, indent=1)


def big_set_csv(areas, criteria, subs):
    """The same shape as CSV as LibreOffice saves it in Vietnamese: semicolons, decimal commas."""
    lines = ['code;title;max;method;options;step']
    for a in range(1, areas + 1):
        lines.append('%d;Lĩnh vực %d;%s;;;' % (a, a, points_text(500 * subs * criteria, True)))
        for c in range(1, criteria + 1):
            lines.append('%d.%d;Tiêu chí %d.%d;%s;;;' % (a, c, a, c, points_text(500 * subs, True)))
            for s in range(1, subs + 1):
                if s % 3 == 0:
                    lines.append('%d.%d.%d;"Tiêu chí; thành phần";0,5;choice;Đạt=0,5|Không đạt=0;'
                                 % (a, c, s))
                else:
                    lines.append('%d.%d.%d;Tiêu chí thành phần;0,5;manual;;0,25' % (a, c, s))
    return '\n'.join(lines) + '\n'


class Source:
    def __init__(self, path, args=(), broken=False):
        self.path = path
        self.name = os.path.basename(path)
        self.args = list(args)
        self.broken = broken
        self.nodes = None      # what a whole import holds
        self.options = None


# ---- running programs ----------------------------------------------------------------------

def wait_until(proc, deadline):
    """Waits for @proc until @deadline (time.monotonic()); TRUE if it exited."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return proc.poll() is not None
    try:
        fd = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):
        try:
            proc.wait(timeout=remaining)
            return True
        except subprocess.TimeoutExpired:
            return False
    try:
        select.select([fd], [], [], remaining)
    finally:
        os.close(fd)
    return proc.poll() is not None


class Trigger:
    """Fires once a file changes (appears, grows, is rewritten or removed): the file's log
    (-wal) is written when a transaction commits; a workbook's FILE.part2 just before the
    workbook is renamed into place. The kill follows @offset_ms later."""

    def __init__(self, path, offset_ms):
        self.path = path
        self.offset_ms = offset_ms
        self.baseline = None
        self.fired_at = None

    def stamp(self):
        try:
            st = os.stat(self.path)
            return (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            return None

    def arm(self):
        self.baseline = self.stamp()

    def fired(self):
        if self.fired_at is None and self.stamp() != self.baseline:
            self.fired_at = time.monotonic()
        return self.fired_at is not None


class Result:
    def __init__(self, argv, rc, out, err, elapsed, killed):
        self.argv = argv
        self.rc = rc
        self.out = out
        self.err = err
        self.elapsed = elapsed
        self.killed = killed


class Harness:
    def __init__(self, args):
        self.args = args
        self.cli = os.path.abspath(args.cli)
        self.driver = os.path.abspath(args.driver)
        self.work = args.workdir or tempfile.mkdtemp(prefix='par-desk-crash-')
        os.makedirs(self.work, exist_ok=True)
        self.env = dict(os.environ)
        for name in ('HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
            self.env[name] = os.path.join(self.work, 'home', name.lower())
            os.makedirs(self.env[name], exist_ok=True)
        self.env.setdefault('LC_ALL', 'C.UTF-8')
        self.env.setdefault('LANGUAGE', 'en')
        self.env.setdefault('G_DEBUG', 'fatal-criticals')
        self.durations = collections.defaultdict(list)   # command kind → ms of whole runs
        self.observations = collections.defaultdict(list)  # kind → [(ms at the kill, change found)]
        self.commit_shares = []                            # [(share of the usual duration, found)]
        self.per_file_ms = []                            # driver: ms a kept file
        self.n_tests = 0
        self.sources = []

    # -- programs --

    def run(self, argv, deadline=None, trigger=None):
        """Runs a program to its end, or kills it with SIGKILL at @deadline; with @trigger
        (a Trigger), as soon as it fires, and not later than @deadline."""
        start = time.monotonic()
        if trigger is not None:
            trigger.arm()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env,
                                stdin=subprocess.DEVNULL)
        killed = False
        children = set()
        if trigger is not None:
            # The child's output is small: it waits in the pipes until the end.
            while proc.poll() is None and (deadline is None or time.monotonic() < deadline):
                if trigger.fired():
                    wait_until(proc, time.monotonic() + trigger.offset_ms / 1000)
                    break
                time.sleep(0.0001)
            if proc.poll() is None and (trigger.fired_at is not None or deadline is not None):
                children = child_pids(proc.pid)
                proc.send_signal(signal.SIGKILL)
                killed = True
        elif deadline is not None and not wait_until(proc, deadline):
            children = child_pids(proc.pid)
            proc.send_signal(signal.SIGKILL)
            killed = True
        out, err = proc.communicate()
        elapsed = (time.monotonic() - start) * 1000
        rc = proc.returncode
        # Killed too late to matter: it had exited on its own.
        if killed and rc != -signal.SIGKILL:
            killed = False
        result = Result(argv, rc, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace'), elapsed, killed)
        result.children = children if killed else set()
        return result

    def cli_run(self, db, *args, deadline=None, trigger=None):
        return self.run([self.cli, '--db', db] + [str(a) for a in args], deadline, trigger)

    def cli_ok(self, db, *args):
        result = self.cli_run(db, *args)
        if result.rc != 0:
            raise HarnessError('par-desk-cli %s: exit %s\n%s%s' % (' '.join(map(str, args)), result.rc,
                                                                  result.out, result.err))
        return result.out

    def estimate(self, kind, default=40.0):
        times = self.durations.get(kind)
        return statistics.median(times[-15:]) if times else default

    def note_duration(self, kind, ms):
        self.durations[kind].append(ms)

    def make_pdfs(self, directory, seed, sizes_kb):
        result = self.run([self.driver, 'pdfs', directory, str(seed)] + [str(s) for s in sizes_kb])
        if result.rc != 0:
            raise HarnessError('par-desk-crash-driver pdfs: exit %s\n%s' % (result.rc, result.err))
        return result.out.split()

    # -- setting up --

    def prepare_sources(self):
        d = os.path.join(self.work, 'criteria')
        os.makedirs(d, exist_ok=True)
        files = {'big-set.json': big_set_json(8, 10, 15), 'big-set.csv': big_set_csv(6, 8, 10),
                 'broken-set.json': big_set_json(8, 10, 15, broken=True)}
        for name, text in files.items():
            with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
                f.write(text)
        self.sources = [Source(os.path.join(CRITERIA_DIR, 'departments-sample.json')),
                        Source(os.path.join(CRITERIA_DIR, 'districts-sample.json')),
                        Source(os.path.join(d, 'big-set.json')),
                        Source(os.path.join(d, 'big-set.csv'),
                               ['--name', 'Bộ chỉ số CSV', '--level', 'department', '--year', '2026']),
                        Source(os.path.join(d, 'broken-set.json'), broken=True)]
        # What a whole import of each holds, read from an import that was not killed.
        scratch = os.path.join(self.work, 'scratch.pardesk')
        self.cli_ok(scratch, 'init')
        for source in self.sources:
            result = self.cli_run(scratch, 'criteria', 'import', source.path, *source.args)
            if source.broken:
                if result.rc != 1:
                    raise HarnessError('%s was imported, or failed otherwise (exit %s): %s'
                                       % (source.name, result.rc, result.err))
                continue
            if result.rc != 0:
                raise HarnessError('%s does not import: %s' % (source.name, result.err))
            set_id = int(result.out.split()[0])
            with closing(connect(scratch)) as db:
                source.nodes = db.execute('SELECT count(*) FROM criteria_node WHERE set_id = ?',
                                          (set_id,)).fetchone()[0]
                source.options = db.execute('SELECT count(*) FROM criteria_option o JOIN criteria_node n'
                                            ' ON n.id = o.node_id WHERE n.set_id = ?', (set_id,)).fetchone()[0]
            self.note_duration('import ' + source.name, result.elapsed)
        os.unlink(scratch)
        for suffix in ('-wal', '-shm'):
            if os.path.exists(scratch + suffix):
                os.unlink(scratch + suffix)

    def source_named(self, name):
        for source in self.sources:
            if source.name == name:
                return source
        return None


class HarnessError(Exception):
    pass


def connect(path):
    """A read-only look at the file (after `check`): nothing is written to it. Closed at once
    after use: an open connection would keep the CLI from emptying the file's log when it
    closes, which only the runs "with a reader" mean to do."""
    db = sqlite3.connect('file:%s?mode=ro' % path, uri=True, timeout=10)
    db.row_factory = sqlite3.Row
    return db


# ---- one PAR Desk file, and what it must hold ----------------------------------------------

class Node:
    def __init__(self, row):
        self.id = row['id']
        self.code = row['code']
        self.method = row['method']
        self.max = row['max_milli']
        self.step = row['step_milli']
        self.optional = bool(row['applicable_optional'])
        self.options = []


DEFAULTS = {'self': None, 'appraised': None, 'na': 0, 'note': ''}
AUDIT_FIELDS = {'self': 'self', 'appraised': 'appraised', 'na': 'not-applicable', 'note': 'explanation'}


class FileState:
    """A file and what the harness knows it holds, read back after each verified run."""

    def __init__(self, harness, directory):
        self.h = harness
        self.dir = directory
        self.path = os.path.join(directory, 'office.pardesk')
        self.out = os.path.join(directory, 'out')
        self.pdfs = os.path.join(directory, 'pdfs')
        os.makedirs(self.out, exist_ok=True)
        self.main_set = None
        self.leaves = []
        self.editable_units = [code for code, _ in UNITS]   # the units a workload edits
        self.scores = {}                # (set, unit, code, field) → value
        self.sets = {}                  # id → source name
        self.docs = {}                  # id → sha256
        self.links = set()              # (document, set, unit, code)
        self.workbooks = {}             # path → sha256 of the last acknowledged export
        self.offered = {}               # sha256 → path of every PDF given to a workload
        self.runs = 0

    def setup(self, init_done=False):
        h = self.h
        if not init_done:
            h.cli_ok(self.path, 'init')
        there = {line.split('\t')[0] for line in h.cli_ok(self.path, 'unit', 'list').splitlines()}
        for code, name in UNITS:
            if code not in there:
                h.cli_ok(self.path, 'unit', 'add', code, name, '--level', 'department')
        out = h.cli_ok(self.path, 'criteria', 'import', os.path.join(CRITERIA_DIR, MAIN_SET_FILE))
        self.main_set = int(out.split()[0])
        self.reload()

    def reload(self):
        """What the file holds now (after a verified run): the model the next run starts from."""
        with closing(connect(self.path)) as db:
            self.sets = read_sets(db)
            nodes = {}
            for r in db.execute('SELECT n.*, (SELECT count(*) FROM criteria_node c WHERE c.parent_id = n.id)'
                                ' AS n_children FROM criteria_node n WHERE set_id = ? ORDER BY id',
                                (self.main_set,)):
                if r['n_children'] == 0:
                    nodes[r['id']] = Node(r)
            for r in db.execute('SELECT node_id, points_milli FROM criteria_option ORDER BY node_id, position'):
                if r['node_id'] in nodes:
                    nodes[r['node_id']].options.append(r['points_milli'])
            self.leaves = list(nodes.values())
            self.scores = read_scores(db)
            self.docs = {r['id']: r['sha256'] for r in db.execute(
                'SELECT d.id, b.sha256 FROM evidence_document d JOIN evidence_blob b ON b.id = d.blob_id')}
            self.links = read_links(db)

    def size(self):
        return sum(os.path.getsize(self.path + s) for s in ('', '-wal') if os.path.exists(self.path + s))


def read_scores(db):
    scores = {}
    for r in db.execute('SELECT a.set_id, u.code AS unit, n.code, s.self_milli, s.appraised_milli,'
                        ' s.not_applicable, s.explanation FROM score s'
                        ' JOIN assessment a ON a.id = s.assessment_id JOIN org_unit u ON u.id = a.unit_id'
                        ' JOIN criteria_node n ON n.id = s.node_id'):
        key = (r['set_id'], r['unit'], r['code'])
        for field, value in (('self', r['self_milli']), ('appraised', r['appraised_milli']),
                             ('na', r['not_applicable']), ('note', r['explanation'])):
            if value != DEFAULTS[field]:
                scores[key + (field,)] = value
    return scores


def read_sets(db):
    """id → the name of the file it was imported from (the file keeps the path given)."""
    return {r['id']: os.path.basename(r['source_file']) for r in db.execute('SELECT id, source_file FROM criteria_set')}


def read_links(db):
    return {(r['document_id'], r['set_id'], r['unit'], r['code']) for r in db.execute(
        'SELECT l.document_id, a.set_id, u.code AS unit, n.code FROM evidence_link l'
        ' JOIN assessment a ON a.id = l.assessment_id JOIN org_unit u ON u.id = a.unit_id'
        ' JOIN criteria_node n ON n.id = l.node_id')}


# ---- what a run did ------------------------------------------------------------------------

class Ledger:
    """What the workload was asked to do, and which of it was acknowledged."""

    def __init__(self):
        self.acked_scores = []        # [(key, value)] in order
        self.inflight_scores = []     # [(key, value)]: may or may not be there
        self.acked_sets = {}          # id → source name
        self.inflight_imports = []    # source names
        self.acked_docs = {}          # id → sha256
        self.inflight_shas = set()    # offered, not acknowledged: may be kept
        self.acked_links = set()
        self.exports = {}             # path → ('acked', sha) | ('inflight', previous sha or None)
        self.export_before = {}       # path → its sha256 before the last export began
        self.n_acked = 0
        self.failed_commands = []     # not killed, yet failed
        self.kill = 'no kill'
        self.phase = None
        self.audit_start = 0          # the audit log's last line before the run
        self.inflight_kept = 0        # edits in flight found saved, and not
        self.inflight_dropped = 0
        self.children = set()         # processes the one killed had started
        self.notes = []               # said after the kill
        self.killed = None            # (command kind, ms after its start, what), if aimed at
        self.landed = None            # whether the change in flight was found in the file


def score_command(rng, state, unit=None, allow_note=True):
    """A `score set` of a random item: (CLI arguments, effects)."""
    unit = unit or rng.choice(state.editable_units)
    node = rng.choice(state.leaves)
    key = (state.main_set, unit, node.code)
    comma = rng.random() < 0.5
    args = ['score', 'set', '--set', state.main_set, '--unit', unit, '--code', node.code]
    effects = []
    roll = rng.random()
    if roll < 0.05 and node.optional:
        args.append('--na')
        effects.append((key + ('na',), 1))
    elif roll < 0.12 and allow_note:
        pass     # the note alone
    else:
        field = 'appraised' if node.method == 'survey' or rng.random() < 0.3 else 'self'
        value = pick_value(rng, node)
        args += ['--' + field, points_text(value, comma)]
        effects.append((key + (field,), value))
    if allow_note and (not effects or rng.random() < 0.3):
        text = note_text(rng)
        args += ['--note', text]
        effects.append((key + ('note',), text))
    return args, effects


def pick_value(rng, node):
    if node.method == 'choice' and node.options:
        return rng.choice(node.options)
    if node.method == 'survey':
        return rng.randint(0, node.max)
    return rng.randint(0, node.max // node.step) * node.step


class Command:
    """A CLI command of a workload. @what says what it changes, so that once it is killed the
    file tells whether the kill came after its commit: ('scores',), ('import', SOURCE NAME),
    ('export', PATH), ('add', SHA256)."""

    def __init__(self, args, kind, what, effects=(), on_ack=None, on_start=None, expect_rc=0):
        self.args = [str(a) for a in args]
        self.kind = kind
        self.what = what
        self.effects = list(effects)
        self.on_ack = on_ack
        self.on_start = on_start
        self.expect_rc = expect_rc


# ---- workloads -----------------------------------------------------------------------------

def separation(seen):
    """The x of [(x, landed)] that best separates the kills that found the change in flight
    in the file from those that did not; None until both were seen a few times."""
    seen = [(x, landed) for x, landed in seen[-80:] if landed is not None]
    if len(seen) < 6 or all(l for _, l in seen) or not any(l for _, l in seen):
        return None
    return max(sorted(x for x, _ in seen), key=lambda t: sum(1 for x, l in seen if (x >= t) == l))


def kill_delay(h, kill_rng, kind):
    """When to kill a command of @kind: a third of the time before its commit, a third around
    it, a third after it. The moment of the commit is learnt from the kills before, of commands
    of its kind or of every kind as a share of their usual duration; a command of the CLI
    commits near its end (most of its time is starting), hence 0.85 until then."""
    est = h.estimate(kind)
    c = separation(h.observations[kind])
    if c is None:
        c = (separation(h.commit_shares) or COMMIT_SHARE) * est
    r = kill_rng.random()
    if r < 0.3:
        return kill_rng.uniform(0, c)
    if r < 0.7:
        return max(0.0, c + kill_rng.uniform(-0.15, 0.15) * est)
    return kill_rng.uniform(c, max(c, 1.3 * est))


def run_commands(h, rng, kill_rng, state, ledger, commands):
    """Runs @commands one after the other and kills one of them: the kth, at a random moment
    of its usual duration (when it ends first, the next one early), or, as often, the moment
    its commit begins to write the file's log (a workbook: its last temporary file), plus
    0–6 ms. So kills land before, during and after commits."""
    k = rng.randrange(0, max(1, len(commands) - 3))
    kind = commands[k].kind
    on_commit = kill_rng.random() < 0.5
    delay_ms = kill_delay(h, kill_rng, kind)
    # Most commits are written within a millisecond or two, then the file is closed.
    offset_ms = kill_rng.uniform(0, 1.5) if kill_rng.random() < 0.5 else kill_rng.uniform(1.5, 6)
    deadline = None
    trigger = None
    for i, command in enumerate(commands):
        if i == k:
            if on_commit:
                # If nothing is written (a score set to what it was), the next command's commit.
                deadline = time.monotonic() + 4 * h.estimate(kind) / 1000
            else:
                deadline = time.monotonic() + delay_ms / 1000
        if command.on_start:
            command.on_start()
        if on_commit and i >= k:
            watched = (command.what[1] + '.part2' if command.what[0] == 'export'
                       else state.path + '-wal')
            trigger = Trigger(watched, offset_ms)
        result = h.cli_run(state.path, *command.args, deadline=deadline, trigger=trigger)
        if result.killed:
            ledger.children |= result.children
            ledger.inflight_scores += command.effects
            if command.on_ack is not None:
                command.on_ack(None)
            est = h.estimate(command.kind)
            if trigger is not None and trigger.fired_at is not None:
                ledger.kill = 'killed `%s` (command %d) %.1f ms after it began to write %s, at %.1f ms' % (
                    ' '.join(command.args[:2]), i + 1, offset_ms, os.path.basename(trigger.path), result.elapsed)
            else:
                ledger.kill = 'killed `%s` (command %d) at %.1f ms of its usual %.1f' % (
                    ' '.join(command.args[:2]), i + 1, result.elapsed, est)
            ledger.phase = 'the start of the next command' if i > k and not on_commit else None
            ledger.killed = (command.kind, result.elapsed if i == k and not on_commit else None, command.what)
            return
        if result.rc == command.expect_rc:
            h.note_duration(command.kind, result.elapsed)
            if result.rc == 0:
                ledger.acked_scores += command.effects
                ledger.n_acked += 1
            if command.on_ack is not None:
                command.on_ack(result)
        else:
            # Not killed, yet it failed: what it did may or may not be there.
            ledger.inflight_scores += command.effects
            if command.on_ack is not None:
                command.on_ack(None)
            ledger.failed_commands.append('par-desk-cli %s: exit %s (wanted %s): %s' % (
                ' '.join(command.args), result.rc, command.expect_rc, result.err.strip()[:500]))
    ledger.kill = 'every command ended before the kill'
    ledger.phase = 'after the end'


def find_landed(state, ledger, snapshot):
    """Whether the change of the command killed was found in the file: the kill came after
    its commit. None if the file cannot tell (nothing would change)."""
    if ledger.killed is None:
        return None
    kind, delay, what = ledger.killed
    if what[0] == 'scores':
        return True if ledger.inflight_kept else False if ledger.inflight_dropped else None
    if what[0] == 'import':
        source = what[1]
        if source == 'broken-set.json':
            return None
        before = sum(1 for n in state.sets.values() if n == source) + \
            sum(1 for n in ledger.acked_sets.values() if n == source)
        return sum(1 for n in snapshot.sets.values() if n == source) > before
    if what[0] == 'export':
        path, previous = what[1], ledger.export_before.get(what[1])
        return os.path.exists(path) and sha256_file(path) != previous
    if what[0] == 'add':
        if what[1] in state.docs.values() or what[1] in ledger.acked_docs.values():
            return None
        return what[1] in snapshot.docs.values()
    if what[0] == 'batch':
        # Files committed, their call not yet returned.
        return bool(what[1] & set(snapshot.docs.values()))
    return None


def workload_scores(h, rng, kill_rng, state, ledger):
    commands = []
    for _ in range(rng.randint(4, 12)):
        args, effects = score_command(rng, state)
        commands.append(Command(args, 'score set', ('scores',), effects))
    run_commands(h, rng, kill_rng, state, ledger, commands)


def workload_imports(h, rng, kill_rng, state, ledger):
    commands = []
    weights = {'departments-sample.json': 2, 'districts-sample.json': 2, 'big-set.json': 3, 'big-set.csv': 2,
               'broken-set.json': 1}
    names = list(weights)
    for _ in range(rng.randint(4, 8)):
        source = h.source_named(rng.choices(names, [weights[n] for n in names])[0])
        commands.append(import_command(h, source, ledger))
    run_commands(h, rng, kill_rng, state, ledger, commands)


def import_command(h, source, ledger):
    def acked(result, source=source):
        if result is None:
            ledger.inflight_imports.append(source.name)
        elif not source.broken:
            ledger.acked_sets[int(result.out.split()[0])] = source.name
    return Command(['criteria', 'import', source.path] + source.args, 'import ' + source.name,
                   ('import', source.name), on_ack=acked, expect_rc=1 if source.broken else 0)


def export_command(rng, state, ledger):
    if rng.random() < 0.6:
        unit = rng.choice(UNITS)[0]
        path = os.path.join(state.out, 'scores-%s.xlsx' % unit)
        args = ['export', 'scores', '--set', state.main_set, '--unit', unit, '-o', path]
        kind = 'export scores'
    else:
        path = os.path.join(state.out, 'ranking.xlsx')
        args = ['export', 'ranking', '--set', state.main_set, '-o', path]
        if rng.random() < 0.5:
            args += ['--basis', 'appraised']
        kind = 'export ranking'

    def started(path=path):
        previous = ledger.exports.get(path)
        before = previous[1] if previous else state.workbooks.get(path)
        ledger.exports[path] = ('inflight', before)
        ledger.export_before[path] = before

    def acked(result, path=path):
        if result is not None:
            ledger.exports[path] = ('acked', sha256_file(path))
    return Command(args, kind, ('export', path), on_ack=acked, on_start=started)


def workload_exports(h, rng, kill_rng, state, ledger):
    commands = []
    for _ in range(rng.randint(4, 9)):
        if rng.random() < 0.3:
            args, effects = score_command(rng, state)
            commands.append(Command(args, 'score set', ('scores',), effects))
        else:
            commands.append(export_command(rng, state, ledger))
    run_commands(h, rng, kill_rng, state, ledger, commands)


def offer_pdfs(h, rng, state, ledger, sizes_kb, seed):
    paths = h.make_pdfs(state.pdfs, seed, sizes_kb)
    shas = {}
    for path in paths:
        sha = sha256_file(path)
        state.offered[sha] = path
        shas[path] = sha
    return paths, shas


def pdf_sizes(rng, n, large):
    sizes = [rng.randint(20, 160) for _ in range(n)]
    if large and sizes and rng.random() < large:
        # Now and then a large scan: above 16 MB it is mapped, not read.
        sizes[rng.randrange(len(sizes))] = rng.choice([rng.randint(2000, 8000), rng.randint(16500, 19000)])
    return sizes


def add_command(rng, state, ledger, path, sha, link):
    args = ['evidence', 'add', path]
    unit = node = None
    if link:
        unit = rng.choice(UNITS)[0]
        node = rng.choice(state.leaves)
        args += ['--set', state.main_set, '--unit', unit, '--code', node.code]

    def acked(result):
        if result is None:
            ledger.inflight_shas.add(sha)
            return
        doc = int(result.out.split()[0])
        ledger.acked_docs[doc] = sha
        if link:
            ledger.acked_links.add((doc, state.main_set, unit, node.code))
    return Command(args, 'evidence add', ('add', sha), on_ack=acked)


def workload_single_adds(h, rng, kill_rng, state, ledger, seed):
    n = rng.randint(4, 9)
    paths, shas = offer_pdfs(h, rng, state, ledger, pdf_sizes(rng, n, h.args.large), seed)
    commands = []
    for path in paths:
        commands.append(add_command(rng, state, ledger, path, shas[path], rng.random() < 0.5))
    # Bytes kept already: the id of the document that has them.
    if state.docs and rng.random() < 0.5:
        sha = rng.choice(sorted(state.docs.values()))
        if sha in state.offered and os.path.exists(state.offered[sha]):
            commands.insert(rng.randrange(len(commands)), add_command(rng, state, ledger, state.offered[sha], sha,
                                                                      rng.random() < 0.5))
    run_commands(h, rng, kill_rng, state, ledger, commands)


def workload_mixed(h, rng, kill_rng, state, ledger, seed):
    paths, shas = offer_pdfs(h, rng, state, ledger, pdf_sizes(rng, 3, 0), seed)
    commands = []
    for _ in range(rng.randint(5, 10)):
        roll = rng.random()
        if roll < 0.45:
            args, effects = score_command(rng, state)
            commands.append(Command(args, 'score set', ('scores',), effects))
        elif roll < 0.6:
            commands.append(import_command(h, h.source_named(rng.choice(['departments-sample.json',
                                                                         'big-set.csv'])), ledger))
        elif roll < 0.8:
            commands.append(export_command(rng, state, ledger))
        elif paths:
            path = paths.pop()
            commands.append(add_command(rng, state, ledger, path, shas[path], rng.random() < 0.5))
    run_commands(h, rng, kill_rng, state, ledger, commands)


def workload_batch(h, rng, kill_rng, state, ledger, seed):
    """par_evidence_add_files through the driver, which prints each file once the call said it
    was kept; with --async as the window does it, with score edits on the window's connection."""
    n = rng.choice([rng.randint(3, 20), rng.randint(3, 20), rng.randint(20, 45)])
    if h.args.large and rng.random() < 0.08:
        n = rng.randint(66, 90)      # more than a batch commit (64 files) in one call
    paths, shas = offer_pdfs(h, rng, state, ledger, pdf_sizes(rng, n, h.args.large), seed)
    # Bytes kept already, mixed in: they are reused, not kept again.
    kept = [s for s in state.docs.values() if s in state.offered and os.path.exists(state.offered[s])]
    for sha in rng.sample(kept, min(len(kept), rng.randint(0, 3))):
        paths.insert(rng.randrange(len(paths) + 1), state.offered[sha])
        shas[state.offered[sha]] = sha
    chunk = rng.choice([1, 3, 8, 16, 100])
    asynchronous = rng.random() < 0.5
    argv = [h.driver, 'add', state.path, '--chunk', str(chunk)]
    if asynchronous:
        argv.append('--async')
    edits = []
    if rng.random() < 0.6:
        for _ in range(rng.randint(5, 40)):
            # One field an edit: the driver makes them one by one.
            args, effects = score_command(rng, state, allow_note=rng.random() < 0.3)
            edits += [effect for effect in effects]
        edits_path = os.path.join(state.dir, 'edits.tsv')
        with open(edits_path, 'w', encoding='utf-8') as f:
            for (set_id, unit, code, field), value in edits:
                f.write('%s\t%s\t%s\t%s\t%s\n' % (set_id, unit, code, field, value))
        argv += ['--edits', edits_path]
    argv += paths

    per_file = statistics.median(h.per_file_ms[-15:]) if h.per_file_ms else 15.0
    open_ms = h.estimate('driver open', 30.0)
    expected = open_ms + per_file * len(paths)
    fraction = kill_rng.uniform(0, 0.15) if kill_rng.random() < 0.15 else kill_rng.uniform(0, 1.2)
    delay = fraction * expected

    lines = []
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=h.env,
                            stdin=subprocess.DEVNULL)
    stderr = []

    def read_out():
        for raw in proc.stdout:
            lines.append(((time.monotonic() - start) * 1000, raw.decode('utf-8', 'replace').rstrip('\n')))

    def read_err():
        stderr.append(proc.stderr.read().decode('utf-8', 'replace'))
    readers = [threading.Thread(target=read_out), threading.Thread(target=read_err)]
    for reader in readers:
        reader.start()
    killed = False
    if not wait_until(proc, start + delay / 1000):
        ledger.children |= child_pids(proc.pid)
        proc.send_signal(signal.SIGKILL)
        killed = True
    proc.wait()
    for reader in readers:
        reader.join()
    killed = killed and proc.returncode == -signal.SIGKILL
    elapsed = (time.monotonic() - start) * 1000

    # Every line the driver printed is acknowledged, those still in the pipe at the kill too.
    n_edits_reported = 0
    n_files_done = 0
    t_open = None
    t_last_chunk = None
    ended = False
    for t, line in lines:
        fields = line.split('\t')
        if fields[0] == 'open':
            t_open = t
        elif fields[0] == 'kept':
            doc, path = int(fields[1]), fields[3]
            ledger.acked_docs[doc] = shas[path]
            ledger.n_acked += 1
            n_files_done += 1
        elif fields[0] == 'refused':
            ledger.failed_commands.append('driver refused %s: %s' % (fields[1], fields[2] if len(fields) > 2 else ''))
            n_files_done += 1
        elif fields[0] == 'chunk':
            t_last_chunk = t
        elif fields[0] == 'edit':
            i = int(fields[1])
            ledger.acked_scores.append(edits[i])
            ledger.n_acked += 1
            n_edits_reported = i + 1
        elif fields[0] == 'edit-failed':
            i = int(fields[1])
            # Refused (the file busy): it must not be there, but say so rather than count it lost.
            ledger.inflight_scores.append(edits[i])
            ledger.failed_commands.append('driver edit %d failed: %s' % (i, fields[2] if len(fields) > 2 else ''))
            n_edits_reported = i + 1
        elif fields[0] == 'failed':
            ledger.failed_commands.append('driver: %s' % line)
        elif fields[0] == 'end':
            ended = True
    # The edit after the last one reported may have been in flight.
    if n_edits_reported < len(edits):
        ledger.inflight_scores.append(edits[n_edits_reported])
    for path in paths:
        if shas[path] not in ledger.acked_docs.values():
            ledger.inflight_shas.add(shas[path])
    if not killed and (proc.returncode != 0 or not ended):
        ledger.failed_commands.append('driver: exit %s: %s' % (proc.returncode, ''.join(stderr).strip()[:500]))
    if stderr and stderr[0].strip() and not killed:
        ledger.failed_commands.append('driver stderr: %s' % stderr[0].strip()[:500])

    if t_open is not None:
        h.note_duration('driver open', t_open)
        if t_last_chunk is not None and n_files_done:
            h.per_file_ms.append((t_last_chunk - t_open) / n_files_done)
    mode = ('async (the window)' if asynchronous else 'direct') + ', chunks of %d' % chunk
    if edits:
        mode += ', %d edits' % len(edits)
    if killed:
        ledger.kill = 'killed the driver (%d files, %s) at %.1f ms of about %.1f, %d files kept' % (
            len(paths), mode, elapsed, expected, n_files_done)
        if t_open is None:
            ledger.phase = 'the driver opening the file'
        elif ended:
            ledger.phase = 'the driver closing the file'
        else:
            ledger.killed = ('driver', None, ('batch', set(shas.values()) - set(ledger.acked_docs.values())))
    else:
        ledger.kill = 'the driver ended before the kill (%d files, %s)' % (len(paths), mode)
        ledger.phase = 'after the end'


def user_version(path):
    """The schema version of a file a kill left, 0 if it has none yet."""
    if not os.path.exists(path):
        return 0
    try:
        db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
        try:
            return db.execute('PRAGMA user_version').fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def workload_init(h, rng, kill_rng, directory, ledger):
    """Kills `init` making a new file; another `init` must then make it whole."""
    state = FileState(h, directory)
    fraction = kill_rng.uniform(0, 1.3)
    result = h.cli_run(state.path, 'init', deadline=time.monotonic() + fraction * h.estimate('init', 60) / 1000)
    ledger.children |= result.children
    acked = result.rc == 0
    if result.killed:
        ledger.kill = 'killed `init` at %.1f ms of its usual %.1f' % (result.elapsed, h.estimate('init', 60))
        ledger.killed = ('init', result.elapsed, ('init',))
        ledger.landed = user_version(state.path) == 1
    else:
        h.note_duration('init', result.elapsed)
        ledger.kill = '`init` ended before the kill'
        ledger.phase = 'after the end'
        if not acked:
            ledger.failed_commands.append('init: exit %s: %s' % (result.rc, result.err.strip()))
    problems = []
    if acked:
        check = h.cli_run(state.path, 'check')
        if check.rc != 0 or check.out != 'ok\n':
            problems.append(('check', 'the file `init` made does not check: exit %s: %s%s'
                             % (check.rc, check.out, check.err)))
    again = h.cli_run(state.path, 'init')
    if again.rc != 0:
        ledger.failed_commands.append('`init` after the crash: exit %s: %s' % (again.rc, again.err.strip()))
        return None, problems
    state.setup(init_done=True)
    return state, problems


def make_v0_file(path, rng):
    """A file as the pre-release prototype wrote it (tests/fixtures/pardesk-v0.sql), with
    thousands of units more, so that its update takes a while."""
    with open(os.path.join(SOURCE_ROOT, 'tests', 'fixtures', 'pardesk-v0.sql'), encoding='utf-8') as f:
        script = f.read()
    db = sqlite3.connect(path)
    db.executescript(script)
    codes = [r[0] for r in db.execute('SELECT code FROM units')]
    for i in range(rng.randint(2000, 6000)):
        code = 'U%05d' % i
        db.execute('INSERT INTO units VALUES (?, ?, ?)', (code, 'Phòng %d — %s' % (i, 'x' * rng.randint(10, 200)),
                                                          rng.choice(codes)))
        codes.append(code)
    db.commit()
    db.close()
    return set(codes)


def v0_units(path):
    """The unit codes of a prototype's file (its backup), or None if it is not one, whole."""
    try:
        db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
        try:
            if db.execute('PRAGMA user_version').fetchone()[0] != 0:
                return None
            return {r[0] for r in db.execute('SELECT code FROM units')}
        finally:
            db.close()
    except sqlite3.Error:
        return None


def workload_upgrade(h, rng, kill_rng, directory, ledger):
    """Kills the update of a prototype's file (a copy of it is written first, FILE.v0-backup,
    then the file is migrated); opening it again must update it, every unit kept."""
    state = FileState(h, directory)
    codes = make_v0_file(state.path, rng)
    backup = state.path + '.v0-backup'
    est = h.estimate('upgrade', 80)
    result = h.cli_run(state.path, 'unit', 'list', deadline=time.monotonic() + kill_rng.uniform(0, 1.3) * est / 1000)
    ledger.children |= result.children
    problems = []
    if result.killed:
        ledger.kill = 'killed the update (`unit list`) at %.1f ms of its usual %.1f' % (result.elapsed, est)
        ledger.killed = ('upgrade', result.elapsed, ('upgrade',))
        ledger.landed = user_version(state.path) == 1
    else:
        h.note_duration('upgrade', result.elapsed)
        ledger.kill = 'the update ended before the kill'
        ledger.phase = 'after the end'
        if result.rc != 0:
            ledger.failed_commands.append('unit list (the update): exit %s: %s' % (result.rc, result.err.strip()))
    # The backup, if there is one under its name and SQLite has no journal to finish it with, is whole.
    if os.path.exists(backup) and not os.path.exists(backup + '-journal') and v0_units(backup) != codes:
        problems.append(('half', '%s, left by the kill, is not a whole copy of the file' % os.path.basename(backup)))
    check = h.cli_run(state.path, 'check')
    if check.rc != 0 or check.out != 'ok\n':
        problems.append(('check', '`check` exit %s: %s%s' % (check.rc, check.out.strip(), check.err.strip())))
        return state, problems
    updated = user_version(state.path) == 1
    again = h.cli_run(state.path, 'unit', 'list')
    if not updated and again.rc == 0:
        h.note_duration('upgrade', again.elapsed)
    if again.rc != 0:
        ledger.failed_commands.append('`unit list` after the crash: exit %s: %s' % (again.rc, again.err.strip()))
        return None, problems
    listed = {line.split('\t')[0] for line in again.out.splitlines()}
    if listed != codes:
        problems.append(('lost', 'the updated file has %d units, the prototype\'s had %d (%d missing)' % (
            len(listed), len(codes), len(codes - listed))))
    if v0_units(backup) != codes:
        problems.append(('half', '%s is not a whole copy of the file before its update' % os.path.basename(backup)))
    state.setup(init_done=True)
    return state, problems


# ---- verification --------------------------------------------------------------------------

def zip_problem(path):
    """None if @path is a whole workbook, else what is wrong with it."""
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            if bad is not None:
                return 'part %s is damaged' % bad
            names = z.namelist()
            for needed in ('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'):
                if needed not in names:
                    return 'no %s' % needed
            if not any(n.startswith('xl/worksheets/sheet') for n in names):
                return 'no worksheet'
            for name in names:
                if name.endswith('.xml') or name.endswith('.rels'):
                    ElementTree.fromstring(z.read(name))
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, EOFError) as error:
        return '%s: %s' % (type(error).__name__, error)
    return None


def leftovers(state):
    """The files a kill may leave beside their final names: path → (inode, mtime)."""
    found = {}
    if state is None:
        return found
    for directory in (state.dir, state.out):
        for name in os.listdir(directory):
            if name.endswith(PART_SUFFIXES) or name.endswith('-backup-journal'):
                st = os.stat(os.path.join(directory, name))
                found[os.path.join(directory, name)] = (st.st_ino, st.st_mtime_ns)
    return found


def verify(h, state, ledger, rng, full_hash=False):
    """Returns [(category, message)]: category 'check', 'lost', 'half' or 'command'."""
    problems = []
    check = h.cli_run(state.path, 'check')
    if check.rc != 0 or check.out != 'ok\n':
        problems.append(('check', '`check` exit %s: %s%s' % (check.rc, check.out.strip(), check.err.strip())))
        return problems
    snapshot = Snapshot()
    try:
        with closing(connect(state.path)) as db:
            problems += verify_scores(state, ledger, db)
            problems += verify_sets(h, state, ledger, db, snapshot)
            problems += verify_documents(h, state, ledger, db, rng, full_hash, snapshot)
    except sqlite3.Error as error:
        problems.append(('check', 'the file cannot be read after `check` said ok: %s' % error))
        return problems
    problems += verify_workbooks(state, ledger)
    if ledger.landed is None:
        ledger.landed = find_landed(state, ledger, snapshot)
    return problems


class Colleague(threading.Thread):
    """Another user of the file meanwhile: `score set` after `score set` of the last unit, which
    the workload leaves alone, until told to stop; its commands are not killed. An edit refused
    at once (without waiting for the other writer, as every connection should) is a failed
    command; refused after the wait, it is counted as busy."""

    UNIT = UNITS[-1][0]

    def __init__(self, h, state, rng):
        super().__init__(daemon=True)
        self.h = h
        self.state = state
        self.rng = rng
        self.stopping = threading.Event()
        self.done = []        # (effects, Result)

    def run(self):
        while not self.stopping.is_set():
            args, effects = score_command(self.rng, self.state, unit=self.UNIT)
            self.done.append((effects, self.h.cli_run(self.state.path, *args)))

    def finish(self, ledger):
        self.stopping.set()
        self.join()
        busy = 0
        for effects, result in self.done:
            if result.rc == 0:
                ledger.acked_scores += effects
                ledger.n_acked += 1
                continue
            ledger.inflight_scores += effects
            if result.elapsed >= 0.8 * BUSY_TIMEOUT_MS:
                busy += 1
            else:
                ledger.failed_commands.append('the colleague\'s par-desk-cli %s: exit %s after %.0f ms: %s' % (
                    ' '.join(result.argv[3:]), result.rc, result.elapsed, result.err.strip()[:300]))
        return len(self.done), busy


def child_pids(pid):
    """The processes @pid started (the PDF reader of the core, say), before it is killed."""
    children = set()
    try:
        for task in os.listdir('/proc/%d/task' % pid):
            with open('/proc/%d/task/%s/children' % (pid, task)) as f:
                children.update(int(c) for c in f.read().split())
    except OSError:
        pass
    return children


def orphans_left(pids, grace_s=3.0):
    """Those of @pids still running @grace_s after their parent was killed; then killed."""
    deadline = time.monotonic() + grace_s
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        alive = {p for p in alive if process_alive(p)}
        if alive:
            time.sleep(0.05)
    left = []
    for pid in sorted(alive):
        try:
            with open('/proc/%d/cmdline' % pid, 'rb') as f:
                left.append('%s (pid %d)' % (os.path.basename(f.read().split(b'\0')[0].decode(errors='replace')), pid))
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return left


def process_alive(pid):
    """Whether @pid runs (a zombie waiting for its new parent does not count)."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] not in ('Z', 'X')
    except OSError:
        return False


def open_reader(path, mode):
    """Another program's connection to the file, kept open during the workload; 'a reader
    in the log' is in the middle of a read."""
    if mode is None:
        return None
    db = sqlite3.connect('file:%s?mode=ro' % path, uri=True, timeout=10, isolation_level=None)
    if mode == 'a reader in the log':
        db.execute('BEGIN')
        db.execute('SELECT count(*) FROM score').fetchone()
    return db


class Snapshot:
    """What the file held after the kill."""
    sets = {}
    docs = {}


def verify_scores(state, ledger, db):
    problems = []
    expected = dict(state.scores)
    changes = []
    for key, value in ledger.acked_scores:
        before = expected.get(key, DEFAULTS[key[3]])
        if before != value:
            changes.append((key, value))
        expected[key] = value
    maybe = collections.defaultdict(set)
    for key, value in ledger.inflight_scores:
        maybe[key].add(value)
    actual = read_scores(db)
    kept = dropped = 0
    for key in set(expected) | set(actual) | set(maybe):
        want = expected.get(key, DEFAULTS[key[3]])
        have = actual.get(key, DEFAULTS[key[3]])
        if have == want:
            if key in maybe and want not in maybe[key]:
                dropped += 1
            continue
        if have in maybe.get(key, ()):
            kept += 1
            continue
        problems.append(('lost', 'score %s %s %s %s: the file has %r, the acknowledged edits say %r' % (
            key[0], key[1], key[2], key[3], shorten(have), shorten(want))))
    ledger.inflight_kept = kept
    ledger.inflight_dropped = dropped

    # Each acknowledged change has its line in the item's history.
    if changes:
        assessments = {(r['set_id'], r['code']): r['id'] for r in db.execute(
            'SELECT a.id, a.set_id, u.code FROM assessment a JOIN org_unit u ON u.id = a.unit_id')}
        node_ids = {(r['set_id'], r['code']): r['id'] for r in db.execute('SELECT id, set_id, code FROM criteria_node')}
        audit = collections.Counter(
            (r['assessment_id'], r['entity_id'], r['field'], r['new_value']) for r in db.execute(
                "SELECT assessment_id, entity_id, field, new_value FROM audit_log WHERE entity = 'score' AND id > ?",
                (ledger.audit_start,)))
        wanted = collections.Counter()
        for (set_id, unit, code, field), value in changes:
            wanted[(assessments.get((set_id, unit)), node_ids.get((set_id, code)), AUDIT_FIELDS[field],
                    str(value) if field in ('self', 'appraised') else '1' if field == 'na' else value)] += 1
        missing = wanted - audit
        for (assessment, node, field, value), n in missing.items():
            problems.append(('lost', 'history: %d acknowledged change(s) of %s to %r on node %s (assessment %s)'
                             ' have no audit line' % (n, field, shorten(value), node, assessment)))
    return problems


def shorten(value):
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + '…'
    return value


def verify_sets(h, state, ledger, db, snapshot):
    problems = []
    sets = snapshot.sets = read_sets(db)
    counts = {r['set_id']: r['n'] for r in db.execute(
        'SELECT set_id, count(*) AS n FROM criteria_node GROUP BY set_id')}
    options = {r['set_id']: r['n'] for r in db.execute(
        'SELECT n.set_id, count(*) AS n FROM criteria_option o JOIN criteria_node n ON n.id = o.node_id'
        ' GROUP BY n.set_id')}
    for set_id, source_name in sets.items():
        source = h.source_named(source_name)
        if source is None:
            problems.append(('lost', 'criteria set %d comes from %r, which no run imported' % (set_id, source_name)))
        elif source.broken:
            problems.append(('half', 'criteria set %d was imported from %s, a file with a problem' % (
                set_id, source_name)))
        elif counts.get(set_id, 0) != source.nodes or options.get(set_id, 0) != source.options:
            problems.append(('half', 'criteria set %d (%s) is partly imported: %d of %d nodes, %d of %d options' % (
                set_id, source_name, counts.get(set_id, 0), source.nodes, options.get(set_id, 0), source.options)))
    for set_id, source_name in list(state.sets.items()) + list(ledger.acked_sets.items()):
        if sets.get(set_id) != source_name:
            problems.append(('lost', 'criteria set %d (%s), acknowledged, is %s' % (
                set_id, source_name, 'missing' if set_id not in sets else 'now from ' + sets[set_id])))
    extra = [i for i in sets if i not in state.sets and i not in ledger.acked_sets]
    inflight = collections.Counter(ledger.inflight_imports)
    for set_id in extra:
        if inflight[sets[set_id]] > 0:
            inflight[sets[set_id]] -= 1
        else:
            problems.append(('lost', 'criteria set %d (%s) is there, yet no import of it was in flight' % (
                set_id, sets[set_id])))
    return problems


def verify_documents(h, state, ledger, db, rng, full_hash, snapshot):
    problems = []
    docs = {r['id']: r for r in db.execute(
        'SELECT d.id, d.pages, d.blob_id, b.sha256, b.size FROM evidence_document d'
        ' JOIN evidence_blob b ON b.id = d.blob_id')}
    snapshot.docs = {i: r['sha256'] for i, r in docs.items()}
    orphans = db.execute('SELECT count(*) FROM evidence_blob WHERE id NOT IN'
                         ' (SELECT blob_id FROM evidence_document)').fetchone()[0]
    if orphans:
        problems.append(('half', '%d kept byte stream(s) belong to no document' % orphans))
    page_rows = {r['document_id']: r['n'] for r in db.execute(
        'SELECT document_id, count(*) AS n FROM evidence_page GROUP BY document_id')}
    fts_rows = {r['document_id']: r['n'] for r in db.execute(
        'SELECT document_id, count(*) AS n FROM evidence_fts GROUP BY document_id')}
    added = {r['entity_id'] for r in db.execute(
        "SELECT entity_id FROM audit_log WHERE entity = 'evidence_document' AND field = 'added'")}
    new = [d for d in docs if d not in state.docs]
    # Hashed: every new document, a few older ones, and all of them when the file is retired.
    older = [d for d in docs if d in state.docs]
    to_hash = set(new) | set(rng.sample(older, min(3, len(older))))
    if full_hash:
        to_hash = set(docs)
    for doc_id, row in docs.items():
        if doc_id in to_hash:
            data = db.execute('SELECT data FROM evidence_blob WHERE id = ?', (row['blob_id'],)).fetchone()[0]
            if len(data) != row['size'] or hashlib.sha256(data).hexdigest() != row['sha256']:
                problems.append(('half', 'document %d: its %d stored bytes do not match its SHA-256 and size (%d)'
                                 % (doc_id, len(data), row['size'])))
        if page_rows.get(doc_id, 0) != fts_rows.get(doc_id, 0) or page_rows.get(doc_id, 0) > row['pages']:
            problems.append(('half', 'document %d: %d pages, %d text rows, %d search rows' % (
                doc_id, row['pages'], page_rows.get(doc_id, 0), fts_rows.get(doc_id, 0))))
        elif row['sha256'] in state.offered and (row['pages'] != 1 or page_rows.get(doc_id, 0) != 1):
            problems.append(('half', 'document %d: %d pages and %d text rows, the PDF has 1 page of text' % (
                doc_id, row['pages'], page_rows.get(doc_id, 0))))
        if doc_id not in added:
            problems.append(('half', 'document %d has no "added" line in the audit log' % doc_id))
    for doc_id, sha in list(state.docs.items()) + list(ledger.acked_docs.items()):
        if doc_id not in docs:
            problems.append(('lost', 'document %d, acknowledged, is missing' % doc_id))
        elif docs[doc_id]['sha256'] != sha:
            problems.append(('lost', 'document %d holds %s…, not the acknowledged %s…' % (
                doc_id, docs[doc_id]['sha256'][:12], sha[:12])))
    acked_shas = set(ledger.acked_docs.values())
    for doc_id in new:
        sha = docs[doc_id]['sha256']
        if doc_id not in ledger.acked_docs and sha not in ledger.inflight_shas and sha not in acked_shas:
            problems.append(('lost', 'document %d (%s…) is there, yet no add of it was in flight' % (doc_id, sha[:12])))
    links = read_links(db)
    for link in state.links | ledger.acked_links:
        if link not in links:
            problems.append(('lost', 'link of document %d to %s %s %s, acknowledged, is missing' % link))
    # The command line's way back, byte for byte, for a few of this run's documents.
    for doc_id in rng.sample(sorted(ledger.acked_docs), min(2, len(ledger.acked_docs))):
        if doc_id not in docs:
            continue
        dest = os.path.join(state.dir, 'exported.pdf')
        result = h.cli_run(state.path, 'evidence', 'export', doc_id, '-o', dest)
        if result.rc != 0:
            problems.append(('command', '`evidence export %d`: exit %s: %s' % (doc_id, result.rc, result.err.strip())))
        elif sha256_file(dest) != ledger.acked_docs[doc_id]:
            problems.append(('half', '`evidence export %d` gives other bytes than the file added' % doc_id))
        if os.path.exists(dest):
            os.unlink(dest)
    return problems


def verify_workbooks(state, ledger):
    problems = []
    for name in sorted(os.listdir(state.out)):
        path = os.path.join(state.out, name)
        if not name.endswith('.xlsx'):
            continue
        problem = zip_problem(path)
        if problem is not None:
            problems.append(('half', 'workbook %s is not whole: %s' % (name, problem)))
    paths = set(ledger.exports) | set(state.workbooks)
    for path in paths:
        status, sha = ledger.exports.get(path, ('acked', state.workbooks.get(path)))
        exists = os.path.exists(path)
        name = os.path.basename(path)
        if status == 'acked':
            if not exists:
                problems.append(('lost', 'workbook %s, acknowledged, is missing' % name))
            elif sha256_file(path) != sha:
                problems.append(('lost', 'workbook %s is not the one acknowledged' % name))
        elif sha is not None and not exists:
            problems.append(('lost', 'workbook %s: the export in flight removed the previous one' % name))
    return problems


def record_workbooks(state, ledger):
    for path, (status, sha) in ledger.exports.items():
        if os.path.exists(path):
            state.workbooks[path] = sha256_file(path)
        else:
            state.workbooks.pop(path, None)


# ---- what a power cut could lose: the syncs before each acknowledgement ---------------------
#
# A kill -9 loses nothing the kernel was given: only a power cut (or a crash of the system) loses
# what was written and not yet synced. With --sync-audit, each workload runs once more under
# strace, and every acknowledgement (the CLI's exit 0, the driver's line) must come after:
# - a sync of every byte written to the file's log (-wal) before it;
# - a sync of the file itself before its log is emptied (unlinked, truncated or started again);
# - for a file written beside its final name and renamed into place (a workbook, a document
#   exported): a sync of its bytes before the rename, and of its folder after it.

TRACED = ('write,pwrite64,pwritev,pwritev2,writev,fsync,fdatasync,ftruncate,rename,renameat,renameat2,'
          'unlink,unlinkat,exit_group')
FD_PATH = re.compile(r'^\d+<(.*?)>')
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


class SyncAudit:
    def __init__(self, root):
        self.root = root
        self.dirty = {}          # path → the first write not synced since
        self.renamed = {}        # folder → names renamed into it, the folder not synced since
        self.findings = []
        self.reported = set()    # each problem once, with the first acknowledgement it precedes
        self.renames = collections.Counter()   # path → how many times a file was renamed to it
        self.main_pid = None     # the program traced; its children (the PDF reader) acknowledge nothing

    def tracked(self, path):
        return (path.startswith(self.root + os.sep) and not path.endswith('-shm')
                and not path.endswith('(deleted)'))

    def feed(self, line, what):
        m = re.match(r'^(\d+)\s+(?:<\.\.\. (\w+) resumed>(.*)|(\w+)\((.*))$', line)
        if not m:
            return
        if self.main_pid is None:
            self.main_pid = m.group(1)
        main = m.group(1) == self.main_pid
        if m.group(2):
            # A sync counts once it returned; writes count from their start (below).
            name, args, resumed = m.group(2), m.group(3), True
        else:
            name, args, resumed = m.group(4), m.group(5), False
        unfinished = args.endswith('<unfinished ...>')
        fd = FD_PATH.match(args)
        path = fd.group(1) if fd else None
        if name in ('write', 'pwrite64', 'pwritev', 'pwritev2', 'writev') and not resumed:
            if args.startswith('1<pipe:') and what.startswith('driver') and main:
                printed = QUOTED.search(args).group(1)[:40].replace('\\t', ' ').replace('\\n', '')
                self.acknowledged('the driver printed "%s"' % printed, what)
            elif path and self.tracked(path):
                if path.endswith('-wal') and re.search(r', 0\)', args) and self.dirty.get(path[:-4]):
                    self.lose('%s: the log was started again while %s' % (what, self.dirty[path[:-4]]))
                self.dirty.setdefault(path, '%s written by %s and not synced' % (os.path.basename(path), name))
        elif name in ('fsync', 'fdatasync') and not unfinished:
            if path is None and resumed:
                return
            if path and os.path.isdir(path):
                self.renamed.pop(path, None)
            elif path:
                self.dirty.pop(path, None)
        elif name == 'ftruncate' and not resumed and path and path.endswith('-wal') and self.dirty.get(path[:-4]):
            self.lose('%s: the log was truncated while %s' % (what, self.dirty[path[:-4]]))
        elif name in ('unlink', 'unlinkat') and not resumed:
            names = QUOTED.findall(args)
            if names:
                gone = names[-1]
                if gone.endswith('-wal') and self.dirty.get(gone[:-4]):
                    self.lose('%s: the log was removed while %s' % (what, self.dirty[gone[:-4]]))
                self.dirty.pop(gone, None)
        elif name in ('rename', 'renameat', 'renameat2') and not resumed:
            names = QUOTED.findall(args)
            if len(names) >= 2 and self.tracked(names[1]):
                source, dest = names[0], names[1]
                if source in self.dirty:
                    self.dirty[dest] = '%s renamed into place before its bytes were synced' % os.path.basename(dest)
                    del self.dirty[source]
                self.renamed.setdefault(os.path.dirname(dest), []).append(os.path.basename(dest))
                self.renames[dest] += 1
        elif name == 'exit_group' and not resumed and args.startswith('0)') and not what.startswith('driver') and main:
            self.acknowledged('it exited 0', what)

    def lose(self, message, key=None):
        key = key or message
        if key not in self.reported:
            self.reported.add(key)
            self.findings.append(message)

    def acknowledged(self, how, what):
        for path, why in sorted(self.dirty.items()):
            self.lose('%s: %s while %s' % (what, how, why), (path, why, self.renames[path]))
        for folder, names in sorted(self.renamed.items()):
            for name in sorted(set(names)):
                self.lose('%s: %s while the rename of %s into its folder (%s) was not synced' % (
                    what, how, name, os.path.relpath(folder, self.root)),
                    (folder, name, self.renames[os.path.join(folder, name)]))


def traced_run(h, audit, argv, what, trace_path):
    result = h.run(['strace', '-f', '-y', '-qq', '-s', '48', '-e', 'trace=' + TRACED, '-o', trace_path, '--'] + argv)
    audit.main_pid = None
    with open(trace_path, encoding='utf-8', errors='replace') as trace:
        for line in trace:
            audit.feed(line.rstrip('\n'), what)
    os.unlink(trace_path)
    return result


def sync_audit(h, rng):
    """Each workload once under strace; the acknowledgements that a power cut could undo."""
    root = os.path.join(h.work, 'sync-audit')
    os.makedirs(root)
    audit = SyncAudit(root)
    state = FileState(h, root)
    trace = os.path.join(h.work, 'strace.txt')
    failures = []

    def cli(*args, what=None):
        what = what or 'par-desk-cli ' + ' '.join(str(a) for a in args[:2])
        result = traced_run(h, audit, [h.cli, '--db', state.path] + [str(a) for a in args], what, trace)
        if result.rc != 0:
            failures.append('%s: exit %s: %s' % (what, result.rc, result.err.strip()[:300]))
        return result

    cli('init')
    for code, name in UNITS:
        cli('unit', 'add', code, name, '--level', 'department')
    out = cli('criteria', 'import', os.path.join(CRITERIA_DIR, MAIN_SET_FILE)).out
    state.main_set = int(out.split()[0]) if out.strip() else 1
    state.reload()
    args, _ = score_command(rng, state)
    cli(*args)
    cli('score', 'set', '--set', state.main_set, '--unit', 'SNV', '--code', state.leaves[0].code, '--note', 'ghi chú')
    paths = h.make_pdfs(state.pdfs, 7, [40] * 72)
    cli('evidence', 'add', paths[0], '--set', state.main_set, '--unit', 'SNV', '--code', state.leaves[0].code)
    workbook = os.path.join(state.out, 'scores-SNV.xlsx')
    cli('export', 'scores', '--set', state.main_set, '--unit', 'SNV', '-o', workbook, what='export scores (a new file)')
    cli('export', 'scores', '--set', state.main_set, '--unit', 'SNV', '-o', workbook,
        what='export scores (over the last one)')
    cli('export', 'ranking', '--set', state.main_set, '-o', os.path.join(state.out, 'ranking.xlsx'))
    cli('evidence', 'export', 1, '-o', os.path.join(state.out, 'document.pdf'))
    cli('criteria', 'import', h.source_named('big-set.json').path)
    # More files than a batch commit takes (64), with score edits between the calls.
    edits_path = os.path.join(root, 'edits.tsv')
    with open(edits_path, 'w', encoding='utf-8') as f:
        for _ in range(3):
            args, effects = score_command(rng, state, allow_note=False)
            for (set_id, unit, code, field), value in effects:
                f.write('%s\t%s\t%s\t%s\t%s\n' % (set_id, unit, code, field, value))
    result = traced_run(h, audit, [h.driver, 'add', state.path, '--chunk', '70', '--edits', edits_path] + paths[1:],
                        'driver add (direct, 71 files in 2 calls)', trace)
    if result.rc != 0:
        failures.append('driver add: exit %s: %s' % (result.rc, result.err.strip()[:300]))
    # A prototype's file, updated: its backup first.
    v0 = FileState(h, os.path.join(root, 'v0'))
    make_v0_file(v0.path, rng)
    result = traced_run(h, audit, [h.cli, '--db', v0.path, 'unit', 'list'], 'the update of a prototype\'s file', trace)
    if result.rc != 0:
        failures.append('unit list (update): exit %s: %s' % (result.rc, result.err.strip()[:300]))
    return audit.findings, failures


# ---- the runs ------------------------------------------------------------------------------

WORKLOADS = {'scores': 4, 'imports': 2, 'exports': 3, 'single-adds': 2, 'batch': 4, 'mixed': 2, 'init': 1,
             'upgrade': 1}


def main():
    parser = argparse.ArgumentParser(description='kill -9 during edits, imports, exports and batch adds; then check')
    parser.add_argument('--build', default=os.path.join(SOURCE_ROOT, 'build'), help='the build directory')
    parser.add_argument('--cli', help='par-desk-cli (default: BUILD/src/cli/par-desk-cli)')
    parser.add_argument('--driver', help='par-desk-crash-driver (default: BUILD/tools/par-desk-crash-driver)')
    parser.add_argument('--runs', type=int, default=300)
    parser.add_argument('--seed', type=int, default=None, help='plays the same runs again (default: new)')
    parser.add_argument('--only', type=int, default=None, help='run only this run of the seed, on a fresh file')
    parser.add_argument('--workloads', default=','.join(WORKLOADS), help='of: ' + ', '.join(WORKLOADS))
    parser.add_argument('--large', type=float, default=0.1,
                        help='share of the runs that keep a large scan (2–19 MB) or more than a batch')
    parser.add_argument('--sync-audit', action='store_true',
                        help='first run each workload under strace: what would a power cut lose that was acknowledged?')
    parser.add_argument('--tap', action='store_true', help='TAP output (meson)')
    parser.add_argument('--keep', action='store_true', help='keep the work directory')
    parser.add_argument('--workdir', help='work here (default: a new temporary directory)')
    args = parser.parse_args()
    args.cli = args.cli or os.path.join(args.build, 'src', 'cli', 'par-desk-cli')
    args.driver = args.driver or os.path.join(args.build, 'tools', 'par-desk-crash-driver')
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), 'little')
    workloads = [w for w in args.workloads.split(',') if w]
    for w in workloads:
        if w not in WORKLOADS:
            parser.error('unknown workload %r' % w)
    for program in (args.cli, args.driver):
        if not os.access(program, os.X_OK):
            print('1..0 # SKIP %s is not built' % program if args.tap else '%s is not built' % program)
            return 0 if args.tap else 77

    h = Harness(args)
    some = ' --workloads ' + args.workloads if args.workloads != ','.join(WORKLOADS) else ''
    runs = '--only %d' % args.only if args.only is not None else '--runs %d' % args.runs
    print('# seed %d: replay with tools/crash-safety.py --seed %d %s%s' % (args.seed, args.seed, runs, some))
    print('# work directory %s' % h.work)
    sys.stdout.flush()
    started = time.monotonic()
    try:
        h.prepare_sources()
    except HarnessError as error:
        print('Bail out! setting up: %s' % str(error).splitlines()[0])
        print('\n'.join('# ' + l for l in str(error).splitlines()))
        return 1

    totals = collections.Counter()
    audit_note = ''
    if args.sync_audit:
        if shutil.which('strace') is None:
            print('# sync audit skipped: strace is not installed')
        else:
            findings, failures = sync_audit(h, random.Random('%d:audit' % args.seed))
            totals['unsynced'] = len(findings)
            totals['command'] += len(failures)
            audit_note = ', unsynced acknowledgements %d' % len(findings)
            print('# sync audit (what a power cut could undo after it was acknowledged): %d finding(s)' % len(findings))
            for line in findings + ['failed: ' + f for f in failures]:
                print('#   ' + line)
        sys.stdout.flush()
    phases = collections.Counter()
    kinds = collections.Counter()
    state = None
    failed_runs = []
    run_numbers = [args.only] if args.only is not None else range(1, args.runs + 1)
    for number in run_numbers:
        # The workload and its commands follow from the seed; the moment of the kill and the
        # documents hashed again may differ from one play to the next.
        rng = random.Random('%d:%d' % (args.seed, number))
        kill_rng = random.Random('%d:%d:kill' % (args.seed, number))
        verify_rng = random.Random('%d:%d:verify' % (args.seed, number))
        workload = rng.choices(workloads, [WORKLOADS[w] for w in workloads])[0]
        run_dir = os.path.join(h.work, 'run-%04d' % number)
        fresh = (state is None or rng.random() < 0.2 or workload in ('init', 'upgrade')
                 or state.size() > MAX_FILE_BYTES)
        ledger = Ledger()
        problems = []
        file_note = ''
        try:
            if fresh and state is not None:
                # Retired: every document it holds is hashed once more.
                ledger_retire = Ledger()
                retire = verify(h, state, ledger_retire, verify_rng, full_hash=True)
                if retire:
                    problems += [(c, 'retiring the previous file: ' + m) for c, m in retire]
                if not args.keep and not failed_runs_in(state, failed_runs):
                    shutil.rmtree(state.dir, ignore_errors=True)
            if workload in ('init', 'upgrade'):
                left_before = {}
                os.makedirs(run_dir, exist_ok=True)
                new_file = workload_init if workload == 'init' else workload_upgrade
                state, new_problems = new_file(h, rng, kill_rng, run_dir, ledger)
                problems += new_problems
                file_note = 'a new file' if workload == 'init' else 'a prototype\'s file'
                if state is None:
                    raise HarnessError('; '.join(ledger.failed_commands))
            else:
                if fresh:
                    os.makedirs(run_dir, exist_ok=True)
                    state = FileState(h, run_dir)
                    state.setup()
                    file_note = 'a fresh file'
                else:
                    file_note = 'the file of %d run(s) before' % state.runs
                left_before = leftovers(state)
                with closing(connect(state.path)) as db:
                    ledger.audit_start = db.execute('SELECT coalesce(max(id), 0) FROM audit_log').fetchone()[0]
                seed = (args.seed * 100003 + number) % (1 << 31)
                # Now and then another program has the file open (the window, a viewer): its
                # connection keeps the log from being emptied; in a read, from being copied on.
                roll = rng.random()
                reader_mode = 'an idle reader' if roll < 0.15 else 'a reader in the log' if roll < 0.3 else None
                reader = open_reader(state.path, reader_mode)
                if reader_mode:
                    file_note += ', with %s' % reader_mode
                colleague = None
                if workload != 'imports' and rng.random() < 0.2:
                    state.editable_units = [code for code, _ in UNITS if code != Colleague.UNIT]
                    colleague = Colleague(h, state, random.Random('%d:%d:colleague' % (args.seed, number)))
                    colleague.start()
                    file_note += ', with a colleague editing'
                if workload == 'scores':
                    workload_scores(h, rng, kill_rng, state, ledger)
                elif workload == 'imports':
                    workload_imports(h, rng, kill_rng, state, ledger)
                elif workload == 'exports':
                    workload_exports(h, rng, kill_rng, state, ledger)
                elif workload == 'single-adds':
                    workload_single_adds(h, rng, kill_rng, state, ledger, seed)
                elif workload == 'mixed':
                    workload_mixed(h, rng, kill_rng, state, ledger, seed)
                elif workload == 'batch':
                    workload_batch(h, rng, kill_rng, state, ledger, seed)
                if colleague is not None:
                    n_edits, busy = colleague.finish(ledger)
                    state.editable_units = [code for code, _ in UNITS]
                    ledger.notes.append('the colleague made %d edits%s' % (
                        n_edits, ' (%d refused: the file busy)' % busy if busy else ''))
                if reader is not None:
                    reader.close()
                problems += verify(h, state, ledger, verify_rng)
            for orphan in orphans_left(ledger.children):
                problems.append(('command', '%s still ran 3 s after the program that started it was killed'
                                 % orphan))
            left = leftovers(state)
            n_left = sum(1 for path, stamp in left.items() if left_before.get(path) != stamp)
            totals['part files'] += n_left
            problems += [('command', c) for c in ledger.failed_commands]
            if not any(c in ('check', 'lost', 'half') for c, _ in problems):
                state.reload()
                record_workbooks(state, ledger)
            state.runs += 1
        except Exception as error:  # noqa: BLE001: a run reports every failure
            problems.append(('command', 'the harness failed: %s\n%s' % (error, log_exception())))
            n_left = 0

        kinds[workload] += 1
        if ledger.phase:
            phase = ledger.phase
        elif ledger.landed is True:
            phase = 'after the commit in flight (found, not acknowledged)'
        elif ledger.landed is False:
            phase = 'before the commit in flight (not found)'
        else:
            phase = 'where the file cannot tell'
        phases[phase] += 1
        if ledger.killed is not None and ledger.killed[1] is not None and ledger.landed is not None:
            h.observations[ledger.killed[0]].append((ledger.killed[1], ledger.landed))
            h.commit_shares.append((ledger.killed[1] / h.estimate(ledger.killed[0]), ledger.landed))
        if ledger.landed is not None:
            ledger.kill += ', %s its commit' % ('after' if ledger.landed else 'before')
        counts = collections.Counter(c for c, _ in problems)
        totals['lost'] += counts['lost']
        totals['check'] += counts['check']
        totals['half'] += counts['half']
        totals['command'] += counts['command']
        description = 'run %d: %s on %s; %d acknowledged; %s%s' % (
            number, workload, file_note, ledger.n_acked, ledger.kill,
            ''.join('; ' + note for note in ledger.notes + (['%d part file(s) left' % n_left] if n_left else [])))
        h.n_tests += 1
        if problems:
            print('not ok %d - %s' % (h.n_tests, description))
            for category, message in problems:
                for i, line in enumerate(message.splitlines()):
                    print('#   %s %s' % (category + ':' if i == 0 else ' ' * (len(category) + 1), line))
            print('#   replay: tools/crash-safety.py --seed %d --only %d (the file: %s)' % (
                args.seed, number, state.dir if state else run_dir))
            failed_runs.append(state.dir if state else run_dir)
            # A file found wrong is kept as it is, and the next run starts afresh.
            state = None
        else:
            print('ok %d - %s' % (h.n_tests, description))
        sys.stdout.flush()

    elapsed = time.monotonic() - started
    print('1..%d' % h.n_tests)
    print('# workloads: %s' % ', '.join('%s %d' % kv for kv in sorted(kinds.items())))
    print('# kills landed: %s' % ', '.join('%s %d' % kv for kv in sorted(phases.items())))
    summary = 'runs %d, lost edits %d, failed checks %d, half files %d, failed commands %d, part files left %d%s, ' \
              'seed %d, %.1f s' % (h.n_tests, totals['lost'], totals['check'], totals['half'], totals['command'],
                                   totals['part files'], audit_note, args.seed, elapsed)
    print(('# ' if args.tap else '') + summary)
    bad = totals['lost'] or totals['check'] or totals['half'] or totals['command'] or totals['unsynced']
    if bad or args.keep:
        print('# files kept in %s' % h.work)
    else:
        shutil.rmtree(h.work, ignore_errors=True)
    return 1 if bad else 0


def failed_runs_in(state, failed_runs):
    return state.dir in failed_runs


if __name__ == '__main__':
    sys.exit(main())
