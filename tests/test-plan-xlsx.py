#!/usr/bin/python3
# test-plan-xlsx.py: the plan workbook and the quarterly report, read back with openpyxl
#
# Usage: test-plan-xlsx.py PATH-TO-par-desk-cli     (prints TAP)
#
# Builds a plan through the CLI with tasks in every status (and events on
# both sides of a quarter's end), exports the plan workbook and two
# quarterly reports, and checks their sheets, headers, rows, date cells,
# formulas and cached values, rounding, totals, overdue lists and page
# set-up; every workbook part by part (check-xlsx-parts.py), and when
# LibreOffice is installed, its recalculated values against the cached
# ones. Runs in the locale and language it is given: make check runs it in
# English under C.UTF-8 and in Vietnamese under vi_VN.UTF-8.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile

import openpyxl

import libreoffice_recalc

CLI = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix='par-desk-plan-xlsx-')
DB = os.path.join(WORK, 't.pardesk')
LANGUAGE = 'vi' if os.environ.get('LANGUAGE', 'en').startswith('vi') else 'en'
LOCALE = os.environ.get('LC_ALL') or 'C.UTF-8'
CHECK_PARTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-xlsx-parts.py')
D = datetime.date

AREAS = {
    'en': ['Direction and management', 'Institutional reform', 'Administrative procedure reform', 'Apparatus reform',
           'Civil service reform', 'Public finance reform', 'E-government and digital government'],
    'vi': ['Công tác chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách thủ tục hành chính',
           'Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ', 'Cải cách tài chính công',
           'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số'],
}[LANGUAGE]
STATUS = {
    'en': {'not-started': 'Not started', 'in-progress': 'In progress', 'done': 'Done', 'done-late': 'Done late',
           'overdue': 'Overdue', 'cancelled': 'Cancelled'},
    'vi': {'not-started': 'Chưa thực hiện', 'in-progress': 'Đang thực hiện', 'done': 'Hoàn thành đúng hạn',
           'done-late': 'Hoàn thành chậm', 'overdue': 'Quá hạn', 'cancelled': 'Đã hủy'},
}[LANGUAGE]
# The workbooks' own words (sheet names, headers, labels).
WORDS = {
    'en': {'plan': 'Plan', 'sheets': ['By area', 'By lead unit', 'Overdue'],
           'plan_head': ['No.', 'Task', 'Output', 'Lead unit', 'Coordinating units', 'Deadline', 'Progress (%)',
                         'Status', 'Completed on'],
           'count_head': ['Tasks', 'Done', 'Done late', 'In progress', 'Not started', 'Overdue', 'Cancelled',
                          'Completed (%)'],
           'area': 'Area', 'lead': 'Lead unit', 'no': 'No.', 'total': 'Total',
           'overdue_head': ['No.', 'Code', 'Task', 'Lead unit', 'Deadline', 'Days overdue', 'Progress (%)'],
           'q3': 'Q3', 'ongoing': 'Ongoing', 'period': 'Quarter II 2026, as of 30/06/2026',
           'period3': 'Quarter III 2026, as of 30/09/2026'},
    'vi': {'plan': 'Kế hoạch', 'sheets': ['Theo lĩnh vực', 'Theo đơn vị chủ trì', 'Nhiệm vụ quá hạn'],
           'plan_head': ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn',
                         'Tiến độ (%)', 'Tình trạng', 'Ngày hoàn thành'],
           'count_head': ['Tổng số', 'Hoàn thành đúng hạn', 'Hoàn thành chậm', 'Đang thực hiện', 'Chưa thực hiện',
                          'Quá hạn', 'Đã hủy', 'Tỷ lệ hoàn thành (%)'],
           'area': 'Lĩnh vực', 'lead': 'Đơn vị chủ trì', 'no': 'STT', 'total': 'Tổng cộng',
           'overdue_head': ['STT', 'Mã', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Số ngày quá hạn', 'Tiến độ (%)'],
           'q3': 'Quý III', 'ongoing': 'Thường xuyên', 'period': 'Quý II năm 2026, tính đến ngày 30/06/2026',
           'period3': 'Quý III năm 2026, tính đến ngày 30/09/2026'},
}[LANGUAGE]

UNITS = [('UBND', 'Ủy ban nhân dân huyện Đông Hải', 'district', None),
         # Codes and names sort differently: the report lists lead units by code.
         ('AVP', 'Văn phòng HĐND và UBND huyện', 'office', 'UBND'),
         ('BTP', 'Phòng Tư pháp', 'office', 'UBND'),
         ('CNV', 'Phòng Nội vụ', 'office', 'UBND'),
         ('DTC', 'Ban Tài chính – Kế hoạch', 'office', 'UBND')]
NAMES = {code: name for code, name, _, _ in UNITS}

# code, area, lead, coordinating, deadline option, events (kind, date, percent)
TASKS = [
    ('I.1', 'direction', 'AVP', 'CNV', ('--deadline', '31/03/2026'), [('done', '2026-03-31')]),
    ('I.2', 'direction', 'AVP', '', ('--deadline', '2026-03-31'), [('progress', '2026-03-01', 50),
                                                                    ('done', '2026-04-10')]),
    ('I.3', 'direction', 'BTP', '', ('--quarter', '3'), []),
    # Due in quarter 2, completed on 2 July: not completed, not overdue in quarter 2's report.
    ('II.1', 'institutions', 'BTP', 'CNV,AVP', ('--quarter', '2'), [('done', '2026-07-02')]),
    ('II.2', 'institutions', 'BTP', '', ('--deadline', '15/05/2026'), [('progress', '2026-05-01', 40)]),
    ('II.3', 'institutions', 'CNV', '', ('--ongoing',), [('progress', '2026-06-30', 20),
                                                         ('progress', '2026-07-05', 50)]),
    ('III.1', 'procedures', 'CNV', '', ('--deadline', '30/04/2026'), []),
    ('III.2', 'procedures', 'CNV', '', ('--deadline', '30/04/2026'), [('cancel', '2026-06-01')]),
    # Cancelled after the quarter's end: overdue in quarter 2's report.
    ('III.3', 'procedures', 'CNV', '', ('--deadline', '15/06/2026'), [('cancel', '2026-07-03')]),
    ('IV.1', 'apparatus', 'BTP', '', ('--quarter', '1'), [('cancel', '2026-02-01')]),
] + [('VI.%d' % i, 'public-finance', 'DTC', '', ('--ongoing',), []) for i in range(1, 9)] \
  + [('VII.1', 'digital-government', 'DTC', '', ('--quarter', '4'), [('done', '2026-06-01')])] \
  + [('VII.%d' % i, 'digital-government', 'DTC', '', ('--quarter', '4'), []) for i in range(2, 9)] \
  + [
    # Same deadline as III.1 but later in the plan: listed after it, whatever its area.
    ('II.4', 'institutions', 'AVP', '', ('--deadline', '30/04/2026'), [('progress', '2026-04-01', 10)]),
]

# As of 30/06/2026: Done, Done late, In progress, Not started, Overdue, Cancelled; Tasks; Completed (%)
Q2_BY_AREA = [
    [1, 1, 0, 1, 0, 0, 3, 66.7],      # 2/3
    [0, 0, 1, 1, 2, 0, 4, 0],
    [0, 0, 0, 0, 2, 1, 3, 0],
    [0, 0, 0, 0, 0, 1, 1, 0],         # everything cancelled: 0, not an error
    [0, 0, 0, 0, 0, 0, 0, 0],         # no task: a row of zeros
    [0, 0, 0, 8, 0, 0, 8, 0],
    [1, 0, 0, 7, 0, 0, 8, 12.5],      # 1/8
]
Q2_BY_LEAD = [
    ('AVP', [1, 1, 0, 0, 1, 0, 3, 66.7]),
    ('BTP', [0, 0, 0, 2, 1, 1, 4, 0]),
    ('CNV', [0, 0, 1, 0, 2, 1, 4, 0]),
    ('DTC', [1, 0, 0, 15, 0, 0, 16, 6.3]),    # 1/16 = 6.25: half rounded away from zero
]
Q2_TOTAL = [2, 1, 1, 17, 4, 2, 27, 12.0]
Q2_OVERDUE = [('III.1', D(2026, 4, 30), 61, 0), ('II.4', D(2026, 4, 30), 61, 10), ('II.2', D(2026, 5, 15), 46, 40),
              ('III.3', D(2026, 6, 15), 15, 0)]
Q3_OVERDUE = [('III.1', D(2026, 4, 30), 153, 0), ('II.4', D(2026, 4, 30), 153, 10),
              ('II.2', D(2026, 5, 15), 138, 40)]

# ---- TAP -------------------------------------------------------------------

n_tests = 0
n_failed = 0
def report(passed, name, diagnostics=None):
    global n_tests, n_failed
    n_tests += 1
    if not passed:
        n_failed += 1
    print('%s %d - %s' % ('ok' if passed else 'not ok', n_tests, name))
    if diagnostics and not passed:
        for line in str(diagnostics).splitlines():
            print('#   ' + line)
    sys.stdout.flush()


def check(name, function, *args):
    try:
        function(*args)
        report(True, name)
    except Exception as error:  # noqa: BLE001: a test reports every failure
        report(False, name, '%s: %s\n%s' % (type(error).__name__, error, traceback.format_exc(limit=3)))


def skip(name, reason):
    global n_tests
    n_tests += 1
    print('ok %d - %s # SKIP %s' % (n_tests, name, reason))


def run(*args, expect=0):
    env = dict(os.environ, LANGUAGE=LANGUAGE, LC_ALL=LOCALE, LANG=LOCALE)
    result = subprocess.run([CLI, '--db', DB] + list(args), env=env, capture_output=True, text=True, timeout=120)
    if expect is not None and result.returncode != expect:
        raise AssertionError('par-desk-cli %s: exit %d (want %d)\n%s%s'
                             % (' '.join(args), result.returncode, expect, result.stdout, result.stderr))
    return result


def check_parts(path):
    result = subprocess.run([sys.executable, CHECK_PARTS, path], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def load(path):
    check_parts(path)
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def day(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def header_row(ws, head):
    for r in range(1, 16):
        if [ws.cell(r, c).value for c in range(1, len(head) + 1)] == head:
            return r
    raise AssertionError('no header row %r; first rows: %r'
                         % (head, [[ws.cell(r, c).value for c in range(1, len(head) + 1)] for r in range(1, 7)]))


def header_row_any(ws):
    """The header row, found by its layout whatever the words."""
    for r in range(1, 16):
        if ws.cell(r, 1).value in ('No.', 'STT'):
            return r
    raise AssertionError('no header row')

# ---- building the plan -------------------------------------------------------


def build():
    run('init')
    for code, name, level, parent in UNITS:
        run('unit', 'add', code, name, '--level', level, *(['--parent', parent] if parent else []))
    plan = run('plan', 'create', '--unit', 'UBND', '--year', '2026', '--title', 'Kế hoạch CCHC năm 2026').stdout
    plan = re.sub(r'[^0-9]', '', plan)
    ids = {}
    for code, area, lead, coordinating, deadline, events in TASKS:
        args = ['task', 'add', '--plan', plan, '--title', 'Nhiệm vụ ' + code, '--area', area, '--lead', lead,
                '--code', code, '--output', 'Sản phẩm ' + code] + list(deadline)
        if coordinating:
            args += ['--coordinating', coordinating]
        ids[code] = re.sub(r'[^0-9]', '', run(*args).stdout)
    for code, _, _, _, _, events in TASKS:
        for event in events:
            if event[0] == 'progress':
                run('task', 'progress', ids[code], '--percent', str(event[2]), '--date', event[1])
            else:
                run('task', event[0], ids[code], '--date', event[1])
    return plan

# ---- the plan workbook -------------------------------------------------------


def check_plan_sheet(wb, wv):
    assert [s.title for s in wb.worksheets] == [WORDS['plan']], [s.title for s in wb.worksheets]
    header_row(wb.worksheets[0], WORDS['plan_head'])


def plan_rows(wb):
    ws = wb.worksheets[0]
    hr = header_row_any(ws)
    return hr, [[ws.cell(r, c) for c in range(1, 10)] for r in range(hr + 1, ws.max_row + 1)]


def check_plan_title(wb):
    ws = wb.worksheets[0]
    hr = header_row_any(ws)
    assert ws.cell(1, 1).value == 'Kế hoạch CCHC năm 2026', ws.cell(1, 1).value
    assert ws.cell(2, 1).value == NAMES['UBND'], ws.cell(2, 1).value
    dates = [ws.cell(r, c) for r in range(1, hr) for c in range(1, 10) if isinstance(ws.cell(r, c).value, datetime.datetime)]
    assert len(dates) == 1 and day(dates[0].value) == D(2026, 7, 1) and dates[0].number_format == 'dd/mm/yyyy', dates


def check_plan_rows(wb):
    numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']
    _, rows = plan_rows(wb)
    nos = [r[0].value for r in rows]
    want = []
    for i, area in enumerate(['direction', 'institutions', 'procedures', 'apparatus', 'civil-service',
                              'public-finance', 'digital-government']):
        codes = [t[0] for t in TASKS if t[1] == area]
        if codes:
            want += [numerals[i]] + codes
    assert nos == want, nos
    for r in rows:
        if r[0].value in numerals:
            assert r[1].value == AREAS[numerals.index(r[0].value)] and r[7].value in (None, ''), [c.value for c in r]
        else:
            assert r[0].data_type == 's', (r[0].value, r[0].data_type)
    assert sum(1 for r in rows if r[7].value not in (None, '')) == len(TASKS)


def check_plan_cells(wb):
    _, rows = plan_rows(wb)
    by = {r[0].value: r for r in rows}
    i1, i2, ii1, ii3 = by['I.1'], by['I.2'], by['II.1'], by['II.3']
    assert i1[1].value == 'Nhiệm vụ I.1' and i1[2].value == 'Sản phẩm I.1', [c.value for c in i1]
    assert i1[3].value == NAMES['AVP'] and i1[4].value == NAMES['CNV'], [c.value for c in i1]
    assert ii1[4].value == NAMES['CNV'] + ', ' + NAMES['AVP'], ii1[4].value
    for cell, want in ((i1[5], D(2026, 3, 31)), (i1[8], D(2026, 3, 31)), (i2[8], D(2026, 4, 10))):
        assert day(cell.value) == want and cell.number_format == 'dd/mm/yyyy', (cell.coordinate, cell.value,
                                                                                cell.number_format)
    assert i2[6].value == 100 and i2[7].value == STATUS['done-late'], [c.value for c in i2]
    assert ii1[7].value == STATUS['overdue'] and ii1[8].value is None and ii1[6].value == 0, [c.value for c in ii1]
    assert ii3[6].value == 20 and ii3[7].value == STATUS['in-progress'], [c.value for c in ii3]
    assert by['III.2'][7].value == STATUS['cancelled'] and by['VII.1'][7].value == STATUS['done']
    assert by['I.3'][7].value == STATUS['not-started']


def check_plan_deadline_words(wb):
    _, rows = plan_rows(wb)
    by = {r[0].value: r for r in rows}
    assert by['I.3'][5].value == WORDS['q3'] and by['II.3'][5].value == WORDS['ongoing'], \
        (by['I.3'][5].value, by['II.3'][5].value)


def check_page_setup(wb):
    assert wb.properties.title, 'no document title'
    for ws in wb.worksheets:
        hr = header_row_any(ws)
        assert ws.freeze_panes == 'A%d' % (hr + 1), (ws.title, ws.freeze_panes)
        assert ws.page_setup.orientation == 'landscape' and str(ws.page_setup.paperSize) == '9', ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None) \
            and ws.page_setup.fitToHeight == 0, (ws.title, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight)
        assert (ws.print_title_rows or '').replace('$', '') == '%d:%d' % (hr, hr), (ws.title, ws.print_title_rows)

# ---- the quarterly report ----------------------------------------------------


def count_table(wb, wv, index):
    ws, vs = wb.worksheets[index], wv.worksheets[index]
    hr = header_row_any(ws)
    rows = []
    for r in range(hr + 1, ws.max_row + 1):
        rows.append((vs.cell(r, 1).value, vs.cell(r, 2).value,
                     [vs.cell(r, c).value for c in range(4, 10)] + [vs.cell(r, 3).value, vs.cell(r, 10).value],
                     [ws.cell(r, c).value for c in range(3, 11)]))
    return hr, rows


def check_report_sheets(wb):
    assert [s.title for s in wb.worksheets] == WORDS['sheets'], [s.title for s in wb.worksheets]
    header_row(wb.worksheets[0], [WORDS['no'], WORDS['area']] + WORDS['count_head'])
    header_row(wb.worksheets[1], [WORDS['no'], WORDS['lead']] + WORDS['count_head'])
    header_row(wb.worksheets[2], WORDS['overdue_head'])
    for ws in wb.worksheets:
        assert ws.cell(3, 1).value == WORDS['period'], (ws.title, ws.cell(3, 1).value)


def check_report_titles(wb):
    for ws in wb.worksheets:
        assert ws.cell(1, 1).value == 'Kế hoạch CCHC năm 2026' and ws.cell(2, 1).value == NAMES['UBND'], ws.title


def same(got, want):
    return len(got) == len(want) and all(is_number(g) and abs(g - w) < 1e-9 for g, w in zip(got, want))


def check_by_area(wb, wv):
    _, rows = count_table(wb, wv, 0)
    numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']
    for i, want in enumerate(Q2_BY_AREA):
        no, name, values, _ = rows[i]
        assert no == numerals[i] and name == AREAS[i], (no, name)
        assert same(values, want), (name, values, want)
    assert rows[7][1] not in AREAS and same(rows[7][2], Q2_TOTAL), rows[7]
    assert len(rows) == 8, len(rows)


def check_by_lead(wb, wv):
    _, rows = count_table(wb, wv, 1)
    assert len(rows) == len(Q2_BY_LEAD) + 1, [r[1] for r in rows]
    for i, (code, want) in enumerate(Q2_BY_LEAD):
        no, name, values, _ = rows[i]
        assert no == i + 1 and name == NAMES[code], (no, name, NAMES[code])
        assert same(values, want), (name, values, want)
    assert same(rows[-1][2], Q2_TOTAL), rows[-1]


def check_total_label(wb, wv):
    for index in (0, 1):
        _, rows = count_table(wb, wv, index)
        assert rows[-1][1] == WORDS['total'], rows[-1][1]


def check_formulas(wb, wv):
    for index in (0, 1):
        hr, rows = count_table(wb, wv, index)
        first, last = hr + 1, hr + len(rows) - 1
        for i, (_, name, _, formulas) in enumerate(rows):
            r = hr + 1 + i
            assert formulas[0].replace('$', '') == '=SUM(D%d:I%d)' % (r, r), (name, formulas[0])
            assert formulas[7].replace('$', '') == '=IF(C%d-I%d=0,0,ROUND((D%d+E%d)*100/(C%d-I%d),1))' % ((r,) * 6), \
                (name, formulas[7])
            if i == len(rows) - 1:
                for c, f in zip('DEFGHI', formulas[1:7]):
                    assert f.replace('$', '') == '=SUM(%s%d:%s%d)' % (c, first, c, last), (c, f)
            else:
                assert all(is_number(v) for v in formulas[1:7]), (name, formulas)


def overdue_rows(path):
    ws = openpyxl.load_workbook(path).worksheets[2]
    hr = header_row_any(ws)
    out = []
    for r in range(hr + 1, ws.max_row + 1):
        deadline = ws.cell(r, 5)
        assert deadline.number_format == 'dd/mm/yyyy' and isinstance(deadline.value, datetime.datetime), deadline.value
        assert ws.cell(r, 1).value == r - hr and ws.cell(r, 2).data_type == 's'
        out.append((ws.cell(r, 2).value, day(deadline.value), ws.cell(r, 6).value, ws.cell(r, 7).value))
    return out


def check_overdue(q2, q3):
    assert overdue_rows(q2) == Q2_OVERDUE, overdue_rows(q2)
    assert overdue_rows(q3) == Q3_OVERDUE, overdue_rows(q3)
    ws = openpyxl.load_workbook(q2).worksheets[2]
    hr = header_row_any(ws)
    assert ws.cell(hr + 1, 3).value == 'Nhiệm vụ III.1' and ws.cell(hr + 1, 4).value == NAMES['CNV']


def check_quarter3(path):
    wb, wv = load(path)
    _, rows = count_table(wb, wv, 0)
    # II.1, completed on 2 July after its quarter-2 deadline, is done late in quarter 3; I.3, due in
    # quarter 3, is not overdue on the quarter's last day; III.3, cancelled on 3 July, is cancelled now.
    assert same(rows[0][2], [1, 1, 0, 1, 0, 0, 3, 66.7]), rows[0]
    assert same(rows[1][2], [0, 1, 1, 0, 2, 0, 4, 25]), rows[1]
    assert same(rows[2][2], [0, 0, 0, 0, 1, 2, 3, 0]), rows[2]


def check_quarter3_title(path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.cell(3, 1).value == WORDS['period3'], ws.cell(3, 1).value

# ---- the CLI's refusals --------------------------------------------------------


def check_refusals(plan):
    out = os.path.join(WORK, 'refused.xlsx')
    for args in (['--plan', plan, '--quarter', '5'], ['--plan', plan, '--quarter', 'x'], ['--plan', plan],
                 ['--quarter', '2']):
        run('export', 'report', *args, '-o', out, expect=2)
    run('export', 'report', '--plan', plan, '--quarter', '2', expect=2)
    run('export', 'plan', '--plan', plan, '--as-of', '31/02/2026', '-o', out, expect=2)
    run('export', 'plan', '-o', out, expect=2)
    run('export', 'plan', '--plan', '9999', '-o', out, expect=1)
    run('export', 'report', '--plan', '9999', '--quarter', '1', '-o', out, expect=1)
    assert not os.path.exists(out), 'a refused export left a file'
    size = os.path.getsize(DB)
    run('export', 'plan', '--plan', plan, '-o', DB, expect=1)
    run('export', 'report', '--plan', plan, '--quarter', '1', '-o', DB, expect=1)
    assert os.path.getsize(DB) == size and open(DB, 'rb').read(16) == b'SQLite format 3\x00', 'the file was touched'
    run('export', 'plan', '--plan', plan, '-o', os.path.join(WORK, 'missing', 'p.xlsx'), expect=1)

# ---- LibreOffice ---------------------------------------------------------------


def soffice_resave(path, outdir):
    return libreoffice_recalc.resave(path, outdir, WORK, LOCALE, LANGUAGE)


def tamper(path, out, cell, value):
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/worksheets/sheet2.xml':
                text, n = re.subn(r'(<c r="%s"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)' % cell, r'\g<1>%s\g<2>' % value,
                                  data.decode())
                assert n == 1, 'cell %s has no cached formula value' % cell
                data = text.encode()
            zout.writestr(item, data)


def check_recalculated(path):
    outdir = os.path.join(WORK, 'lo-out')
    cached = openpyxl.load_workbook(path, data_only=True)
    hr = header_row_any(cached.worksheets[1])
    cell = 'J%d' % (hr + 4)      # DTC's 6.3
    bad = os.path.join(WORK, 'tampered.xlsx')
    tamper(path, bad, cell, '99')
    fixed = openpyxl.load_workbook(soffice_resave(bad, outdir), data_only=True).worksheets[1][cell].value
    assert is_number(fixed) and abs(fixed - 6.3) < 1e-9, 'LibreOffice did not recalculate %s: %r' % (cell, fixed)
    again = openpyxl.load_workbook(soffice_resave(path, outdir), data_only=True)
    problems = []
    for index in (0, 1):
        for row in cached.worksheets[index].iter_rows():
            for c in row:
                other = again.worksheets[index][c.coordinate].value
                if is_number(c.value) and not (is_number(other) and abs(c.value - other) < 1e-9):
                    problems.append('%s!%s: cached %r, recalculated %r' % (index, c.coordinate, c.value, other))
    assert not problems, '\n'.join(problems)

# ---- main ------------------------------------------------------------------------


def main():
    plan = build()
    plan_path = os.path.join(WORK, 'plan.xlsx')
    q2 = os.path.join(WORK, 'q2.xlsx')
    q3 = os.path.join(WORK, 'q3.xlsx')
    run('export', 'plan', '--plan', plan, '--as-of', '01/07/2026', '-o', plan_path)
    run('export', 'report', '--plan', plan, '--quarter', '2', '-o', q2)
    run('export', 'report', '--plan', plan, '--quarter', '3', '-o', q3)

    check('the plan workbook, part by part (valid XML, numbers with a dot, shortest)', check_parts, plan_path)
    check('the quarterly report, part by part', check_parts, q2)
    wb, wv = load(plan_path)
    check('plan workbook: one sheet named %r, the header row' % WORDS['plan'], check_plan_sheet, wb, wv)
    check('plan workbook: title rows (plan, unit, the as-of date a date cell)', check_plan_title, wb)
    check('plan workbook: area rows I–VII with names, then their tasks in plan order; codes text cells',
          check_plan_rows, wb)
    check('plan workbook: units by name, dates as dd/mm/yyyy date cells, progress and status as of the date',
          check_plan_cells, wb)
    check('plan workbook: quarter and ongoing deadlines in words', check_plan_deadline_words, wb)
    check('plan workbook: header frozen, A4 landscape, one page wide, header repeated, title set',
          check_page_setup, wb)

    rb, rv = load(q2)
    check('report: three sheets in order, exact headers, the quarter named on each', check_report_sheets, rb)
    check('report: the plan and the unit on each sheet', check_report_titles, rb)
    check('report by area: seven rows, counts as of 30/06 (later events left out), 2/3 → 66.7, 1/8 → 12.5',
          check_by_area, rb, rv)
    check('report by lead unit: by code, 1/16 → 6.3 (half away from zero), all cancelled → 0', check_by_lead, rb, rv)
    check('report: the Total row', check_total_label, rb, rv)
    check('report: Tasks, Completed (%) and totals are formulas', check_formulas, rb, rv)
    check('report: overdue sheets of quarters 2 and 3, by deadline then plan order, days overdue',
          check_overdue, q2, q3)
    check('report of quarter 3: a task completed on 2 July is done late, a later cancellation counts',
          check_quarter3, q3)
    check('report of quarter 3: named on its title row', check_quarter3_title, q3)
    check('report: header frozen, A4 landscape, one page wide, header repeated, title set', check_page_setup,
          rb)
    check('export plan and export report refuse bad values (2), unknown plans and the open file (1)',
          check_refusals, plan)
    if shutil.which('soffice') is None:
        skip('LibreOffice recalculates the report to the cached values', 'no LibreOffice')
    else:
        check('LibreOffice recalculates the report to the cached values (written under %s)' % LOCALE,
              check_recalculated, q2)


if __name__ == '__main__':
    try:
        main()
    except Exception as error:  # noqa: BLE001
        report(False, 'setting up the plan through the CLI', '%s\n%s' % (error, traceback.format_exc()))
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    print('1..%d' % n_tests)
    sys.exit(1 if n_failed else 0)
