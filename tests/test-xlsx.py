#!/usr/bin/python3
# test-xlsx.py: the XLSX score sheet and ranking, read back with openpyxl
#
# Usage: test-xlsx.py PATH-TO-par-desk-cli     (prints TAP)
#
# Builds a file through the CLI, exports the score sheets and the ranking,
# and compares every number in them with what `score show` prints. Runs in
# the locale and language it is given (LC_ALL, LANGUAGE): make check runs it
# under C.UTF-8 in English and under vi_VN.UTF-8 in Vietnamese, where the C
# library writes decimal commas. Every workbook is checked part by part
# (check-xlsx-parts.py) as well as read back with openpyxl.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

import libreoffice_recalc

CLI = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix='par-desk-xlsx-')
DB = os.path.join(WORK, 't.pardesk')

EN_HEADERS = ['No.', 'Criterion', 'Maximum', 'Self-score', 'Appraised', 'Evidence', 'Explanation']
VI_HEADERS = ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá',
              'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Giải trình']

# The language of the workbooks and the locale of the CLI: those of the run.
LANGUAGE = 'vi' if os.environ.get('LANGUAGE', 'en').startswith('vi') else 'en'
LOCALE = os.environ.get('LC_ALL') or 'C.UTF-8'
HEADERS = {'en': EN_HEADERS, 'vi': VI_HEADERS}[LANGUAGE]
# What the other rows and the ranking say, in each language.
WORDS = {
    'en': {'total': 'Total', 'percentage': 'Percentage', 'rank': 'Rank', 'code': 'Code', 'unit': 'Unit',
           'percent': 'Percent', 'group': 'Group', 'exported': 'Exported on:',
           'continues': '…(continues in PAR Desk)'},
    'vi': {'total': 'Tổng điểm', 'percentage': 'Tỷ lệ', 'rank': 'Thứ hạng', 'code': 'Mã', 'unit': 'Đơn vị',
           'percent': 'Tỷ lệ (%)', 'group': 'Nhóm', 'exported': 'Ngày xuất:',
           'continues': '…(xem tiếp trong PAR Desk)'},
}[LANGUAGE]
CHECK_PARTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-xlsx-parts.py')

# ---- TAP -------------------------------------------------------------------

n_tests = 0
n_failed = 0


def report(passed, name, diagnostics=None, directive=''):
    global n_tests, n_failed
    n_tests += 1
    if not passed and not directive.startswith('TODO'):
        n_failed += 1
    print('%s %d - %s%s' % ('ok' if passed else 'not ok', n_tests, name,
                            ' # ' + directive if directive else ''))
    if diagnostics and not passed:
        for line in str(diagnostics).splitlines():
            print('#   ' + line)
    sys.stdout.flush()


def check(name, function, *args):
    """Runs function(*args); an AssertionError (or any error) fails the test."""
    try:
        function(*args)
        report(True, name)
        return True
    except Exception as error:  # noqa: BLE001: a test reports every failure
        report(False, name, '%s: %s\n%s' % (type(error).__name__, error,
                                            traceback.format_exc(limit=3)))
        return False


def skip(name, reason):
    global n_tests
    n_tests += 1
    print('ok %d - %s # SKIP %s' % (n_tests, name, reason))


# ---- the CLI ---------------------------------------------------------------

def cli_env(language=LANGUAGE, locale=LOCALE):
    env = dict(os.environ)
    env['LANGUAGE'] = language
    env['LC_ALL'] = env['LANG'] = locale
    return env


def run(*args, language=LANGUAGE, expect=0):
    result = subprocess.run([CLI, '--db', DB] + list(args), env=cli_env(language),
                            capture_output=True, text=True, timeout=120)
    if expect is not None and result.returncode != expect:
        raise AssertionError('par-desk-cli %s: exit %d (want %d)\n%s%s'
                             % (' '.join(args), result.returncode, expect, result.stdout, result.stderr))
    return result


# Areas, nested criteria, a choice, a bonus and a penalty inside an area,
# an optional item, an optional area, a survey item inside an area and a
# survey area, and a penalty area at the top.
CRITERIA = '''{
  "format": "par-desk/criteria-set@1", "name": "XLSX test set", "level": "department", "year": 2025,
  "nodes": [
    { "code": "1", "title": "Direction and management", "max": 20, "children": [
      { "code": "1.1", "title": "Plan issued on time", "max": 5,
        "method": { "type": "choice", "options": [ { "label": "On time", "points": 5 },
                                                   { "label": "Late", "points": 2.5 },
                                                   { "label": "Not issued", "points": 0 } ] },
        "evidence": "The unit's annual reform plan" },
      { "code": "1.2", "title": "Tasks", "max": 15, "children": [
        { "code": "1.2.1", "title": "Tasks completed", "max": 10, "method": { "type": "manual", "step": 0.25 } },
        { "code": "1.2.2", "title": "Reports on the portal", "max": 5, "applicable_optional": true } ] },
      { "code": "1.3", "title": "Initiative awarded", "max": 2, "method": { "type": "bonus" } },
      { "code": "1.4", "title": "Late reports", "max": 1.5, "method": { "type": "penalty" } } ] },
    { "code": "2", "title": "Administrative procedures", "max": 30, "children": [
      { "code": "2.1", "title": "Procedures published", "max": 10.5 },
      { "code": "2.2", "title": "Online services", "max": 19.5, "children": [
        { "code": "2.2.1", "title": "Level 3", "max": 9.75 },
        { "code": "2.2.2", "title": "Level 4", "max": 4.75, "method": { "type": "manual", "step": 0.001 } },
        { "code": "2.2.3", "title": "Users' satisfaction", "max": 5,
          "method": { "type": "survey" } } ] } ] },
    { "code": "3", "title": "Public finance (optional)", "max": 20, "applicable_optional": true, "children": [
      { "code": "3.1", "title": "Budget autonomy", "max": 12 },
      { "code": "3.2", "title": "Asset management", "max": 8 } ] },
    { "code": "4", "title": "Satisfaction survey", "max": 30, "method": { "type": "survey" } },
    { "code": "5", "title": "Deductions", "max": 3, "method": { "type": "penalty" } } ] }
'''

UNITS = [('DEP1', 'Department of Home Affairs'), ('DEP2', 'Department of Justice'),
         ('DEP3', 'Department of Finance'), ('DEP4', 'Department of Health')]

# (unit, code, option, value, note)
SCORES = [
    ('DEP1', '1.1', '--self', '2,5', None),
    ('DEP1', '1.1', '--appraised', '2.5', None),
    ('DEP1', '1.2.1', '--self', '7.75', 'Eleven of twelve tasks done'),
    ('DEP1', '1.2.1', '--appraised', '7.5', None),
    ('DEP1', '1.2.2', '--na', None, 'No portal yet'),
    ('DEP1', '1.3', '--self', '1.5', 'Provincial award 2025'),
    ('DEP1', '1.3', '--appraised', '1', None),
    ('DEP1', '1.4', '--self', '0.5', None),
    ('DEP1', '1.4', '--appraised', '1.25', None),
    ('DEP1', '2.1', '--self', '10.1', None),
    ('DEP1', '2.1', '--appraised', '9.9', None),
    ('DEP1', '2.2.1', '--self', '9.75', None),
    ('DEP1', '2.2.2', '--self', '0.001', 'Level 4 launched in December'),
    ('DEP1', '2.2.2', '--appraised', '0', None),
    ('DEP1', '2.2.3', '--appraised', '3.875', None),
    ('DEP1', '3.1', '--self', '6.3', None),
    ('DEP1', '3.2', '--self', '0.2', None),
    ('DEP1', '3.2', '--appraised', '0.1', None),
    ('DEP1', '4', '--appraised', '24.35', None),
    ('DEP1', '5', '--self', '1', None),
    ('DEP1', '5', '--appraised', '0.75', None),
    # a whole area not applicable; scores below it stay out
    ('DEP2', '1.1', '--self', '5', None),
    ('DEP2', '1.1', '--appraised', '5', None),
    ('DEP2', '1.2.1', '--self', '10', None),
    ('DEP2', '1.2.1', '--appraised', '9.75', None),
    ('DEP2', '1.2.2', '--self', '4.5', None),
    ('DEP2', '1.2.2', '--appraised', '4.5', None),
    ('DEP2', '1.4', '--self', '1.5', None),
    ('DEP2', '2.1', '--appraised', '10.5', None),
    ('DEP2', '2.2.1', '--appraised', '9.75', None),
    ('DEP2', '2.2.2', '--appraised', '4.5', None),
    ('DEP2', '2.2.3', '--appraised', '4.25', None),
    ('DEP2', '3.1', '--self', '12', None),
    ('DEP2', '3', '--na', None, 'The department has no budget of its own'),
    ('DEP2', '4', '--appraised', '27.3', None),
    # DEP3 and DEP4 tie on the appraised percentage
    ('DEP3', '1.1', '--appraised', '5', None),
    ('DEP3', '2.1', '--appraised', '10.5', None),
    ('DEP3', '1.1', '--self', '5', None),
    ('DEP4', '1.2.1', '--appraised', '5', None),
    ('DEP4', '2.1', '--appraised', '10.5', None),
    ('DEP4', '1.2.1', '--self', '2.25', None),
]

EXPORT_UNITS = ['DEP1', 'DEP2']

# documents linked to DEP1's item 1.1: (number, date)
EVIDENCE = [('15/KH-SNV', '2025-01-02'), ('1242/QĐ-UBND', '2021-09-14')]

# ---- reading the output ----------------------------------------------------


def parse_show(text):
    nodes, order, total, percent = {}, [], None, None
    for line in text.splitlines():
        fields = line.split('\t')
        assert len(fields) == 4, 'score show line with %d fields: %r' % (len(fields), line)
        if fields[0] == 'TOTAL':
            total = fields[1:]
        elif fields[0] == 'PERCENT':
            percent = fields[1:]
        else:
            nodes[fields[0]] = fields[1:]
            order.append(fields[0])
    assert total and percent, 'no TOTAL or PERCENT line'
    return {'nodes': nodes, 'order': order, 'total': total, 'percent': percent}


def number_text(value):
    """A cell's number as the CLI prints it: a dot, at most three decimals, zeros trimmed."""
    text = '%.3f' % value
    text = text.rstrip('0').rstrip('.')
    return '0' if text in ('-0', '') else text


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_parts(path):
    """Every number in every worksheet and chart part a valid xsd:double,
    every part well-formed XML (check-xlsx-parts.py)."""
    result = subprocess.run([sys.executable, CHECK_PARTS, path], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def load(path):
    check_parts(path)
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def find_header_row(ws, first_texts):
    for r in range(1, 16):
        if str(ws.cell(r, 1).value or '').strip() in first_texts:
            return r
    raise AssertionError('no header row starting with %s' % (first_texts,))


def row_of_code(ws, header_row, code, columns=(1, 2)):
    """The row whose criterion cell (a text cell) begins with the code, or
    whose own cell holds the code alone."""
    pattern = re.compile(re.escape(code) + r'\.?(\s|$)')
    for r in range(header_row + 1, ws.max_row + 1):
        for c in columns:
            value = ws.cell(r, c).value
            if isinstance(value, str) and not value.startswith('=') and pattern.match(value.strip()):
                return r
    raise AssertionError('no row for %s' % code)


FORMULA_CELL = re.compile(r'\$?([A-Z]{1,3})\$?([0-9]+)')


def sum_formula_parts(formula):
    """'=SUM(D8,D9)-SUM(D12)' → (['D8','D9'], ['D12']); ranges are expanded."""
    body = formula.replace(' ', '').upper()
    match = re.fullmatch(r'=SUM\(([^()]*)\)(?:-SUM\(([^()]*)\))?', body)
    assert match, 'not a SUM formula: %s' % formula

    def cells(text):
        out = []
        for part in (text or '').split(','):
            if not part or part == '0':
                continue
            if ':' in part:
                a, b = part.split(':')
                ca, ra = FORMULA_CELL.fullmatch(a).groups()
                cb, rb = FORMULA_CELL.fullmatch(b).groups()
                for col in range(column_index_from_string(ca), column_index_from_string(cb) + 1):
                    for row in range(int(ra), int(rb) + 1):
                        out.append('%s%d' % (get_column_letter(col), row))
            else:
                col, row = FORMULA_CELL.fullmatch(part).groups()
                out.append('%s%s' % (col, row))
        return out
    return cells(match.group(1)), cells(match.group(2))


def cell_number(vs, ref):
    value = vs[ref].value
    return value if is_number(value) else 0


# ---- the checks --------------------------------------------------------------


class ScoreSheet:
    def __init__(self, path, show, tree):
        self.path = path
        self.show = show
        self.tree = tree            # code → (method, children codes)
        self.wb, self.wv = load(path)
        self.ws = self.wb.worksheets[0]
        self.vs = self.wv.worksheets[0]
        self.header = find_header_row(self.ws, ('No.', 'STT'))
        self.rows = {code: row_of_code(self.ws, self.header, code) for code in show['order']}
        self.col = {'max': 3, 'self': 4, 'appraised': 5, 'evidence': 6, 'explanation': 7}
        # the columns from the header texts, wherever they are
        labels = EN_HEADERS if str(self.ws.cell(self.header, 1).value).strip() == 'No.' else VI_HEADERS
        for c in range(1, self.ws.max_column + 1):
            text = str(self.ws.cell(self.header, c).value or '')
            for key, label in zip(('max', 'self', 'appraised', 'evidence', 'explanation'), labels[2:]):
                if text == label:
                    self.col[key] = c

    def ref(self, code, key):
        return '%s%d' % (get_column_letter(self.col[key]), self.rows[code])


def check_headers(sheet, unit_name):
    texts = [sheet.ws.cell(sheet.header, c).value for c in range(1, 8)]
    assert texts == HEADERS, texts
    assert sheet.header > 1, 'no title rows above the header'
    titles = ' '.join(str(sheet.ws.cell(r, 1).value or '') for r in range(1, sheet.header))
    assert unit_name in titles and 'XLSX test set' in titles and '2025' in titles, titles


def check_rows_in_tree_order(sheet):
    rows = [sheet.rows[code] for code in sheet.show['order']]
    assert rows == sorted(rows) and len(set(rows)) == len(rows), list(zip(sheet.show['order'], rows))
    assert rows[0] == sheet.header + 1, 'the first node is not right below the header'
    # the No. column: Roman numerals for areas, the code below them
    roman = ['I', 'II', 'III', 'IV', 'V', 'VI']
    area = 0
    for code in sheet.show['order']:
        number = str(sheet.ws.cell(sheet.rows[code], 1).value)
        if '.' not in code:
            assert number == roman[area], (code, number)
            area += 1
        else:
            assert number == code, (code, number)
        criterion = sheet.ws.cell(sheet.rows[code], 2).value
        assert isinstance(criterion, str) and criterion.startswith(code + ' '), criterion


def check_cells_equal_show(sheet, key):
    """Every node's cell (cached value) against `score show`; parents are SUM formulas."""
    index = {'max': 0, 'self': 1, 'appraised': 2}[key]
    problems = []
    for code in sheet.show['order']:
        want = sheet.show['nodes'][code][index]
        ref = sheet.ref(code, key)
        formula = sheet.ws[ref].value
        cached = sheet.vs[ref].value
        method, children = sheet.tree[code]
        if children:
            if not (isinstance(formula, str) and formula.upper().startswith('=SUM(')) and want != 'NA':
                problems.append('%s %s: parent cell is not a SUM formula: %r' % (code, ref, formula))
        if want == 'NA':
            if not (isinstance(cached, str) and cached.strip() and not is_number(cached)):
                problems.append('%s %s: want an N/A text cell, got %r' % (code, ref, cached))
        elif want == '':
            # nothing entered: an empty leaf, or a parent formula whose value is 0
            if children:
                if cached not in (0, None):
                    problems.append('%s %s: want 0 or empty, got %r' % (code, ref, cached))
            elif cached not in (None, ''):
                problems.append('%s %s: want an empty cell, got %r' % (code, ref, cached))
        else:
            if not is_number(cached) or number_text(cached) != want:
                problems.append('%s %s: want %s, got %r (formula %r)' % (code, ref, want, cached, formula))
    assert not problems, '\n'.join(problems)


def check_sum_formulas(sheet, key):
    """A parent's formula adds its children's cells (penalty subtracted, and
    for the maximum bonus and penalty left out), and its cached value is
    what that formula gives from the cached values of those cells."""
    problems = []
    letter = get_column_letter(sheet.col[key])
    for code in sheet.show['order']:
        method, children = sheet.tree[code]
        if not children or sheet.show['nodes'][code][1] == 'NA':
            continue
        ref = sheet.ref(code, key)
        plus, minus = sum_formula_parts(sheet.ws[ref].value)
        if key == 'max':
            want_plus = {'%s%d' % (letter, sheet.rows[c]) for c in children
                         if sheet.tree[c][0] not in ('bonus', 'penalty')}
            want_minus = set()
        else:
            want_plus = {'%s%d' % (letter, sheet.rows[c]) for c in children if sheet.tree[c][0] != 'penalty'}
            want_minus = {'%s%d' % (letter, sheet.rows[c]) for c in children if sheet.tree[c][0] == 'penalty'}
        if set(plus) != want_plus or set(minus) != want_minus:
            problems.append('%s %s: %s; want + %s − %s' % (code, ref, sheet.ws[ref].value, sorted(want_plus),
                                                           sorted(want_minus)))
            continue
        value = sum(cell_number(sheet.vs, r) for r in plus) - sum(cell_number(sheet.vs, r) for r in minus)
        cached = sheet.vs[ref].value
        if not is_number(cached) or abs(value - cached) > 1e-9:
            problems.append('%s %s: the formula gives %r, the cached value is %r' % (code, ref, value, cached))
    assert not problems, '\n'.join(problems)


def check_bonus_penalty(sheet):
    """Area 1: bonus 1.3 added, penalty 1.4 subtracted, in formula and value."""
    nodes = sheet.show['nodes']
    for key, index in (('self', 1), ('appraised', 2)):
        ref = sheet.ref('1', key)
        plus, minus = sum_formula_parts(sheet.ws[ref].value)
        assert sheet.ref('1.3', key) in plus, (ref, sheet.ws[ref].value)
        assert sheet.ref('1.4', key) in minus, (ref, sheet.ws[ref].value)
        parts = [nodes[c][index] for c in ('1.1', '1.2', '1.3', '1.4')]
        value = sum(float(p or 0) for p in parts[:3]) - float(parts[3] or 0)
        assert abs(sheet.vs[ref].value - value) < 1e-9, (ref, sheet.vs[ref].value, value)
        # and at the total: the penalty area 5 is subtracted
        total_plus, total_minus = sum_formula_parts(sheet.ws.cell(sheet.total_row, sheet.col[key]).value)
        assert sheet.ref('5', key) in total_minus, sheet.ws.cell(sheet.total_row, sheet.col[key]).value
        assert sheet.ref('1', key) in total_plus


def find_total_rows(sheet):
    last = max(sheet.rows.values())
    formula_rows = [r for r in range(last + 1, sheet.ws.max_row + 1)
                    if any(isinstance(sheet.ws.cell(r, c).value, str) and sheet.ws.cell(r, c).value.startswith('=')
                           for c in (sheet.col['max'], sheet.col['self'], sheet.col['appraised']))]
    assert len(formula_rows) >= 2, 'no total and percentage rows'
    self_rows = [r for r in formula_rows if str(sheet.ws.cell(r, sheet.col['self']).value or '').startswith('=')]
    assert len(self_rows) >= 2, self_rows
    sheet.total_row, sheet.percent_row = self_rows[0], self_rows[-1]
    between = [r for r in formula_rows if sheet.total_row < r < sheet.percent_row]
    sheet.applicable_row = between[0] if between else None


def check_totals(sheet):
    total, percent = sheet.show['total'], sheet.show['percent']
    problems = []

    def compare(row, key, want, what):
        cell = sheet.ws.cell(row, sheet.col[key])
        value = sheet.vs.cell(row, sheet.col[key]).value
        if not (isinstance(cell.value, str) and cell.value.startswith('=')):
            problems.append('%s: %s is not a formula: %r' % (what, cell.coordinate, cell.value))
        if not is_number(value) or number_text(value) != (want or '0'):
            problems.append('%s: %s is %r, score show says %r' % (what, cell.coordinate, value, want))

    compare(sheet.total_row, 'max', total[0], 'TOTAL max')
    compare(sheet.total_row, 'self', total[1], 'TOTAL self')
    compare(sheet.total_row, 'appraised', total[2], 'TOTAL appraised')
    compare(sheet.percent_row, 'self', percent[1], 'PERCENT self')
    compare(sheet.percent_row, 'appraised', percent[2], 'PERCENT appraised')
    if sheet.applicable_row is not None:
        compare(sheet.applicable_row, 'max', percent[0], 'PERCENT applicable')
    else:
        problems.append('no applicable-maximum row')
    assert not problems, '\n'.join(problems)


def check_labels(sheet):
    text = ' '.join(str(sheet.ws.cell(r, c).value or '') for r in (sheet.total_row, sheet.percent_row)
                    for c in (1, 2))
    assert WORDS['total'] in text and WORDS['percentage'] in text, text


def check_explanations(sheet, notes):
    for code in sheet.show['order']:
        value = sheet.ws[sheet.ref(code, 'explanation')].value or ''
        want = notes.get(code, '')
        assert value == want, (code, value, want)


def check_evidence(sheet):
    value = str(sheet.ws[sheet.ref('1.1', 'evidence')].value or '')
    for number, date in EVIDENCE:
        year, month, day = date.split('-')
        assert number in value, (number, value)
        assert '%s/%s/%s' % (day, month, year) in value or date in value, (date, value)
    for code in sheet.show['order']:
        if code != '1.1':
            assert not sheet.ws[sheet.ref(code, 'evidence')].value, (code, sheet.ws[sheet.ref(code, 'evidence')].value)


def check_layout(sheet):
    ws = sheet.ws
    assert ws.freeze_panes == 'A%d' % (sheet.header + 1), ws.freeze_panes
    assert ws.page_setup.orientation == 'landscape', ws.page_setup.orientation
    assert str(ws.page_setup.paperSize) == '9', ws.page_setup.paperSize
    assert ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage, \
        'fit to page not set'
    assert ws.page_setup.fitToWidth in (None, 1, '1'), ws.page_setup.fitToWidth   # absent means 1
    assert str(ws.page_setup.fitToHeight) == '0', ws.page_setup.fitToHeight
    titles = str(ws.print_title_rows or '').replace('$', '')
    assert titles == '%d:%d' % (sheet.header, sheet.header), ws.print_title_rows


def check_properties(sheet, unit_name):
    props = sheet.wb.properties
    assert props.title and unit_name in props.title, props.title
    assert props.creator, 'no author'
    with zipfile.ZipFile(sheet.path) as z:
        app = z.read('docProps/app.xml').decode()
    match = re.search(r'<Company>([^<]*)</Company>', app)
    assert match and match.group(1).strip(), 'no company in docProps/app.xml'


def check_summary_sheet(sheet):
    assert len(sheet.wb.worksheets) >= 2, 'no second sheet'
    with zipfile.ZipFile(sheet.path) as z:
        charts = [n for n in z.namelist() if n.startswith('xl/charts/') and n.endswith('.xml')]
        assert charts, 'no chart'
        assert any('<c:barChart>' in z.read(n).decode() for n in charts), 'the chart is not a bar chart'
        drawings = [n for n in z.namelist() if n.startswith('xl/worksheets/_rels/sheet2')]
        assert drawings, 'the chart is not on the second sheet'
    summary = sheet.wv.worksheets[1]
    areas = [c for c in sheet.show['order'] if '.' not in c]
    problems = []
    for code in areas:
        title = sheet.ws.cell(sheet.rows[code], 2).value[len(code) + 1:]
        row = next((r for r in range(1, summary.max_row + 1)
                    if isinstance(summary.cell(r, 1).value, str) and summary.cell(r, 1).value.endswith(title)), None)
        if row is None:
            problems.append('area %s not in the summary' % code)
            continue
        max_, self_, appraised = sheet.show['nodes'][code]
        for col, want in ((2, max_), (3, self_), (4, appraised)):
            value = summary.cell(row, col).value
            want = '0' if want in ('', 'NA') else want
            if not is_number(value) or number_text(value) != want:
                problems.append('summary %s col %d: %r, want %s' % (code, col, value, want))
    assert not problems, '\n'.join(problems)


def check_ranking(path, shows, index):
    """@index: 2 to rank by the appraised scores, 1 by the self-scores."""
    wb, wv = load(path)
    ws, vs = wb.worksheets[0], wv.worksheets[0]
    header = find_header_row(ws, (WORDS['rank'],))
    heads = [str(ws.cell(header, c).value or '') for c in range(1, ws.max_column + 1)]
    col = {name: heads.index(WORDS[name.lower()]) + 1 for name in ('Rank', 'Code', 'Unit', 'Total', 'Percent',
                                                                   'Group')}
    listed = []
    for r in range(header + 1, ws.max_row + 1):
        code = vs.cell(r, col['Code']).value
        if code:
            listed.append((code, vs.cell(r, col['Unit']).value, vs.cell(r, col['Rank']).value,
                           vs.cell(r, col['Total']).value, vs.cell(r, col['Percent']).value,
                           vs.cell(r, col['Group']).value, ws.cell(r, col['Total']).value, r))
    assert sorted(x[0] for x in listed) == sorted(c for c, _ in UNITS), listed
    names = dict(UNITS)
    problems = []
    for code, name, rank, total, percent, group, formula, row in listed:
        show = shows[code]
        if name != names[code]:
            problems.append('%s: name %r' % (code, name))
        if not is_number(total) or number_text(total) != (show['total'][index] or '0'):
            problems.append('%s: total %r, score show %r' % (code, total, show['total'][index]))
        if not is_number(percent) or number_text(percent) != show['percent'][index]:
            problems.append('%s: percent %r, score show %r' % (code, percent, show['percent'][index]))
        want_group = 'A' if percent >= 90 else 'B' if percent >= 80 else 'C' if percent >= 70 else 'D'
        if group != want_group:
            problems.append('%s: group %r at %r %%' % (code, group, percent))
        # the total formula gives the cached total
        plus, minus = sum_formula_parts(formula)
        value = sum(cell_number(vs, x) for x in plus) - sum(cell_number(vs, x) for x in minus)
        if abs(value - total) > 1e-9:
            problems.append('%s: total formula %s gives %r, cached %r' % (code, formula, value, total))
    percents = [x[4] for x in listed]
    if percents != sorted(percents, reverse=True):
        problems.append('not best first: %s' % percents)
    for i, entry in enumerate(listed):
        want_rank = next(j for j, other in enumerate(listed) if other[4] == entry[4]) + 1
        if entry[2] != want_rank:
            problems.append('%s: rank %r, want %d' % (entry[0], entry[2], want_rank))
    if index == 2:
        assert len(set(percents)) < len(percents), 'the test wants a tie: %s' % percents
    assert not problems, '\n'.join(problems)


def check_other_language(sheet, language):
    path = os.path.join(WORK, 'scores-%s.xlsx' % language)
    run('export', 'scores', '--set', SET_ID, '--unit', 'DEP1', '-o', path, language=language)
    wb, wv = load(path)
    ws, vs = wb.worksheets[0], wv.worksheets[0]
    header = find_header_row(ws, ('STT', 'No.'))
    texts = [ws.cell(header, c).value for c in range(1, 8)]
    assert texts == {'en': EN_HEADERS, 'vi': VI_HEADERS}[language], texts
    assert header == sheet.header and ws.max_row == sheet.ws.max_row, (header, ws.max_row)
    problems = ['%s%d: %r, in %s %r' % (get_column_letter(c), r, vs.cell(r, c).value, LANGUAGE, sheet.vs.cell(r, c).value)
                for r in range(sheet.header + 1, sheet.ws.max_row + 1) for c in (3, 4, 5)
                if (is_number(vs.cell(r, c).value) or is_number(sheet.vs.cell(r, c).value))
                and vs.cell(r, c).value != sheet.vs.cell(r, c).value]
    assert not problems, '\n'.join(problems)


def has_locale(name):
    listed = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.lower().split()
    return name.lower().replace('utf-8', 'utf8') in listed


def check_same_in_locales():
    """Files written for machines do not depend on the locale: the parts of
    a workbook written under C.UTF-8 and under vi_VN.UTF-8 (decimal commas
    in the C library) are the same bytes; only the creation time in
    docProps/core.xml may differ."""
    assert has_locale('vi_VN.UTF-8'), 'vi_VN.UTF-8 is not generated on this machine (make check generates it)'
    for kind in ('scores', 'ranking'):
        parts = {}
        for locale in ('C.UTF-8', 'vi_VN.UTF-8'):
            path = os.path.join(WORK, '%s-%s.xlsx' % (kind, locale))
            args = ['export', kind, '--set', SET_ID] + (['--unit', 'DEP1'] if kind == 'scores' else []) + ['-o', path]
            result = subprocess.run([CLI, '--db', DB] + args, env=cli_env(LANGUAGE, locale), capture_output=True,
                                    text=True, timeout=120)
            assert result.returncode == 0, (locale, result.stderr)
            check_parts(path)
            with zipfile.ZipFile(path) as z:
                parts[locale] = {n: z.read(n) for n in z.namelist() if n != 'docProps/core.xml'}
        c, vi = parts['C.UTF-8'], parts['vi_VN.UTF-8']
        assert sorted(c) == sorted(vi), (sorted(c), sorted(vi))
        differ = [n for n in c if c[n] != vi[n]]
        assert not differ, '%s: parts differ between the locales: %s' % (kind, differ)


def check_export_date(ws, title_rows):
    """The export date is a date cell (dd/mm/yyyy) beside its label, not text."""
    import datetime
    for r in range(1, title_rows + 1):
        for c in range(1, 6):
            if ws.cell(r, c).value == WORDS['exported']:
                date = next((ws.cell(r, d) for d in range(c + 1, c + 3) if ws.cell(r, d).value is not None), None)
                assert date is not None, 'nothing after the label'
                assert isinstance(date.value, datetime.datetime), (date.coordinate, date.value)
                assert date.number_format == 'dd/mm/yyyy', date.number_format
                assert date.value.date() == datetime.date.today(), date.value
                return
    raise AssertionError('no “%s” label in the title rows' % WORDS['exported'])


def check_long_and_forbidden_text(tree):
    """A note longer than a cell holds is cut with a marker, and the CLI says
    which item; characters XML forbids never reach the file."""
    long_note = ('Giải trình dài. ' * 2600)[:40000]
    odd_note = 'Line one\vline two \x01\ufffe\uffff end'
    run('score', 'set', '--set', SET_ID, '--unit', 'DEP3', '--code', '1.2.1', '--self', '1', '--note', long_note)
    run('score', 'set', '--set', SET_ID, '--unit', 'DEP3', '--code', '2.1', '--self', '1', '--note', odd_note)
    path = os.path.join(WORK, 'scores-long.xlsx')
    result = run('export', 'scores', '--set', SET_ID, '--unit', 'DEP3', '-o', path)
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and '1.2.1' in warnings[0], result.stderr
    show = parse_show(run('score', 'show', '--set', SET_ID, '--unit', 'DEP3').stdout)
    sheet = ScoreSheet(path, show, tree)
    cut = sheet.ws[sheet.ref('1.2.1', 'explanation')].value
    assert len(cut.encode('utf-16-le')) // 2 <= 32767, len(cut)
    assert cut.endswith(WORDS['continues']), cut[-60:]
    assert long_note.startswith(cut[:-len(WORDS['continues'])]), 'the beginning of the note is not kept'
    assert len(cut) > 32000, len(cut)
    odd = sheet.ws[sheet.ref('2.1', 'explanation')].value
    assert odd.startswith('Line one\nline two ') and odd.endswith(' end'), repr(odd)
    assert not any(ch in odd for ch in '\x01\ufffe\uffff\v'), repr(odd)


def check_unscored(tree):
    run('unit', 'add', 'NEW1', 'New department', '--level', 'department')
    show = parse_show(run('score', 'show', '--set', SET_ID, '--unit', 'NEW1').stdout)
    assert all(v[1] == '' and v[2] == '' for v in show['nodes'].values()), show['nodes']
    assert show['total'][1:] == ['', ''] and show['percent'][1:] == ['0', '0'], (show['total'], show['percent'])
    path = os.path.join(WORK, 'scores-new.xlsx')
    run('export', 'scores', '--set', SET_ID, '--unit', 'NEW1', '-o', path)
    sheet = ScoreSheet(path, show, tree)
    find_total_rows(sheet)
    for key in ('max', 'self', 'appraised'):
        check_cells_equal_show(sheet, key)
        check_sum_formulas(sheet, key)
    check_totals(sheet)


def check_missing_folder(kind):
    folder = os.path.join(WORK, 'no-such-folder')
    target = os.path.join(folder, 'out.xlsx')
    args = ['export', kind, '--set', SET_ID] + (['--unit', 'DEP1'] if kind == 'scores' else []) + ['-o', target]
    result = run(*args, expect=None)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stderr.strip(), 'no message'
    assert not os.path.exists(target) and not os.path.exists(folder), 'a file was left'
    leftovers = [n for n in os.listdir(WORK) if n.endswith('.part')]
    assert not leftovers, leftovers


# ---- LibreOffice -------------------------------------------------------------

def soffice_resave(path, outdir):
    return libreoffice_recalc.resave(path, outdir, WORK, LOCALE, LANGUAGE)


def tamper(path, out, cell, value):
    """A copy of @path whose first sheet caches @value for @cell."""
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/worksheets/sheet1.xml':
                text = data.decode()
                text, n = re.subn(r'(<c r="%s"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)' % cell,
                                  r'\g<1>%s\g<2>' % value, text)
                assert n == 1, 'cell %s has no cached formula value' % cell
                data = text.encode()
            zout.writestr(item, data)


def check_recalculated(sheet, ranking_path):
    outdir = os.path.join(WORK, 'lo-out')
    # First make sure LibreOffice really recalculates: a wrong cached value
    # must come back right.
    bad = os.path.join(WORK, 'tampered.xlsx')
    area = sheet.ref('1', 'self')
    tamper(sheet.path, bad, area, '12345')
    fixed = openpyxl.load_workbook(soffice_resave(bad, outdir), data_only=True).worksheets[0]
    assert is_number(fixed[area].value) and number_text(fixed[area].value) == sheet.show['nodes']['1'][1], \
        'LibreOffice did not recalculate (%s is %r)' % (area, fixed[area].value)

    problems = []
    recalculated = openpyxl.load_workbook(soffice_resave(sheet.path, outdir), data_only=True)
    rows = list(sheet.rows.values()) + [sheet.total_row, sheet.percent_row] + \
        ([sheet.applicable_row] if sheet.applicable_row else [])
    for r in sorted(rows):
        for key in ('max', 'self', 'appraised'):
            ref = '%s%d' % (get_column_letter(sheet.col[key]), r)
            cached, again = sheet.vs[ref].value, recalculated.worksheets[0][ref].value
            if is_number(cached) or is_number(again):
                if not (is_number(cached) and is_number(again) and abs(cached - again) < 1e-9):
                    problems.append('%s: cached %r, recalculated %r' % (ref, cached, again))
            elif (cached or None) != (again or None):
                problems.append('%s: cached %r, recalculated %r' % (ref, cached, again))
    summary, summary_again = sheet.wv.worksheets[1], recalculated.worksheets[1]
    for row in summary.iter_rows(min_row=1, max_row=summary.max_row):
        for cell in row:
            again = summary_again[cell.coordinate].value
            if is_number(cell.value) and not (is_number(again) and abs(cell.value - again) < 1e-9):
                problems.append('summary %s: cached %r, recalculated %r' % (cell.coordinate, cell.value, again))

    cached_ranking = openpyxl.load_workbook(ranking_path, data_only=True).worksheets[0]
    ranking_again = openpyxl.load_workbook(soffice_resave(ranking_path, outdir), data_only=True).worksheets[0]
    for row in cached_ranking.iter_rows():
        for cell in row:
            again = ranking_again[cell.coordinate].value
            if is_number(cell.value) and not (is_number(again) and abs(cell.value - again) < 1e-9):
                problems.append('ranking %s: cached %r, recalculated %r' % (cell.coordinate, cell.value, again))
    assert not problems, '\n'.join(problems)


# ---- main --------------------------------------------------------------------

SET_ID = None


def main():
    global SET_ID
    import json

    run('init')
    set_path = os.path.join(WORK, 'set.json')
    with open(set_path, 'w') as f:
        f.write(CRITERIA)
    SET_ID = re.sub(r'[^0-9]', '', run('criteria', 'import', set_path).stdout.strip().splitlines()[-1])
    assert SET_ID, 'no set id'
    for code, name in UNITS:
        run('unit', 'add', code, name, '--level', 'department')
    notes = {}
    for unit, code, option, value, note in SCORES:
        args = ['score', 'set', '--set', SET_ID, '--unit', unit, '--code', code, option]
        if value is not None:
            args.append(value)
        if note is not None:
            args += ['--note', note]
            notes.setdefault(unit, {})[code] = note
        run(*args)

    # Two documents linked to DEP1's 1.1, written straight into the file
    # (the CLI's `evidence add` needs real PDFs).
    import sqlite3
    db = sqlite3.connect(DB)
    with db:
        assessment = db.execute('SELECT a.id FROM assessment a JOIN org_unit u ON u.id = a.unit_id'
                                ' WHERE u.code = ? AND a.set_id = ?', ('DEP1', SET_ID)).fetchone()[0]
        node = db.execute('SELECT id FROM criteria_node WHERE set_id = ? AND code = ?', (SET_ID, '1.1')).fetchone()[0]
        for i, (number, date) in enumerate(EVIDENCE, start=1):
            db.execute('INSERT INTO evidence_blob (sha256, size, data) VALUES (?, 4, ?)', ('%064d' % i, b'%PDF'))
            blob = db.execute('SELECT last_insert_rowid()').fetchone()[0]
            db.execute('INSERT INTO evidence_document (blob_id, filename, doc_number, doc_date) VALUES (?, ?, ?, ?)',
                       (blob, 'doc%d.pdf' % i, number, date))
            document = db.execute('SELECT last_insert_rowid()').fetchone()[0]
            db.execute('INSERT INTO evidence_link (document_id, assessment_id, node_id) VALUES (?, ?, ?)',
                       (document, assessment, node))
    db.close()

    # the tree, from the JSON file
    tree = {}

    def walk(nodes):
        for node in nodes:
            children = node.get('children', [])
            tree[node['code']] = (node.get('method', {}).get('type', 'group' if children else 'manual'),
                                  [c['code'] for c in children])
            walk(children)
    walk(json.loads(CRITERIA)['nodes'])

    shows = {code: parse_show(run('score', 'show', '--set', SET_ID, '--unit', code).stdout) for code, _ in UNITS}
    report(shows['DEP1']['nodes']['1.2.2'][1] == 'NA' and shows['DEP2']['nodes']['3.1'][1] == 'NA',
           'score show marks the N/A item and the N/A area', shows['DEP1']['nodes'])

    sheets = {}
    for unit in EXPORT_UNITS:
        path = os.path.join(WORK, 'scores-%s.xlsx' % unit)
        run('export', 'scores', '--set', SET_ID, '--unit', unit, '-o', path)
        report(os.path.getsize(path) > 0, '%s: score sheet exported' % unit)
        try:
            sheets[unit] = ScoreSheet(path, shows[unit], tree)
            find_total_rows(sheets[unit])
            report(True, '%s: score sheet opened, a row for every node' % unit)
        except Exception as error:  # noqa: BLE001
            report(False, '%s: score sheet opened, a row for every node' % unit, error)
    if not sheets:
        return

    dep1 = sheets.get('DEP1')
    for unit, sheet in sheets.items():
        check('%s: header row in the language of the run (%s)' % (unit, LANGUAGE), check_headers, sheet,
              dict(UNITS)[unit])
        check('%s: rows in tree order, Roman numerals for areas, criterion cells begin with the code' % unit,
              check_rows_in_tree_order, sheet)
        for key in ('max', 'self', 'appraised'):
            check('%s: %s cell of every node equals score show' % (unit, key), check_cells_equal_show, sheet, key)
            check('%s: %s parent cells are SUM formulas over their children, cached values match' % (unit, key),
                  check_sum_formulas, sheet, key)
        check('%s: total and percentage rows are formulas equal to TOTAL and PERCENT' % unit, check_totals, sheet)
        check('%s: explanations from --note' % unit, check_explanations, sheet, notes.get(unit, {}))
        check('%s: summary sheet with a bar chart, numbers as score show' % unit, check_summary_sheet, sheet)
    if dep1:
        check('bonus added and penalty subtracted, in the area and at the total', check_bonus_penalty, dep1)
        check('total rows labelled in the language of the run', check_labels, dep1)
        check('evidence column: the linked documents\' numbers and dates', check_evidence, dep1)
        check('header row frozen; A4 landscape, one page wide, header repeated', check_layout, dep1)
        check('document properties: title, author, company', check_properties, dep1, 'Department of Home Affairs')
        check('the export date is a date cell (dd/mm/yyyy), today', check_export_date, dep1.ws, dep1.header - 1)

    # the other language, and the other locale
    other = 'en' if LANGUAGE == 'vi' else 'vi'
    if dep1:
        check('the score sheet in the other language (%s): its header row, the same numbers' % other,
              check_other_language, dep1, other)
    check('written under C.UTF-8 and under vi_VN.UTF-8: the same worksheet and chart parts, byte for byte',
          check_same_in_locales)

    # ranking
    ranking = os.path.join(WORK, 'ranking.xlsx')
    try:
        run('export', 'ranking', '--set', SET_ID, '-o', ranking)
        report(True, 'ranking exported')
    except Exception as error:  # noqa: BLE001
        report(False, 'ranking exported', error)
    # appraised scores exist: by default they rank
    check('ranking: every unit, rank (ties shared), total, percent, group, best first',
          check_ranking, ranking, shows, 2)
    ranking_self = os.path.join(WORK, 'ranking-self.xlsx')
    try:
        run('export', 'ranking', '--set', SET_ID, '--basis', 'self', '-o', ranking_self)
        check('ranking by self-scores (--basis self)', check_ranking, ranking_self, shows, 1)
        check('ranking: the export date is a date cell (dd/mm/yyyy), today', check_export_date,
              openpyxl.load_workbook(ranking_self).worksheets[0], 4)
    except Exception as error:  # noqa: BLE001
        report(False, 'ranking by self-scores (--basis self)', error)

    check('score sheet of a unit with nothing scored: empty cells, zero totals', check_unscored, tree)
    check('a note longer than a cell is cut with a marker and named on stderr; no character XML forbids',
          check_long_and_forbidden_text, tree)
    check('export scores into a missing folder: exit 1, no file', check_missing_folder, 'scores')
    check('export ranking into a missing folder: exit 1, no file', check_missing_folder, 'ranking')

    if shutil.which('soffice') is None:
        skip('LibreOffice recalculates the same values as cached', 'no LibreOffice')
    elif dep1:
        check('LibreOffice recalculates the same values as cached (score sheet, summary, ranking written under %s)'
              % LOCALE, check_recalculated, dep1, ranking)


if __name__ == '__main__':
    try:
        main()
    except Exception as error:  # noqa: BLE001
        report(False, 'setting up the file through the CLI', '%s\n%s' % (error, traceback.format_exc()))
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    print('1..%d' % n_tests)
    sys.exit(1 if n_failed else 0)
