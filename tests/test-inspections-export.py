#!/usr/bin/python3
# test-inspections-export.py: the inspection plan workbook (openpyxl) and the inspections' calendar (icalendar)
#
# Usage: test-inspections-export.py PATH-TO-par-desk-cli     (prints TAP)
#
# Builds staff, inspections (one cancelled, one of another year, one with a
# long Vietnamese title) and recommendations in every state through the
# CLI, then checks `export inspections` (sheets, headers in the UI
# language, numbers as numbers, date cells, team cells one person a line,
# statuses as of the date, cancelled inspections left out) and `export ics`
# (read back by python3-icalendar; CRLF, folding at 75 octets never inside
# a UTF-8 character, escaping, UIDs stable across exports and distinct
# between files, attendees). Runs in the locale and language it is given:
# make check runs it in English under C.UTF-8 and in Vietnamese under
# vi_VN.UTF-8.
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

import sqlite3

import openpyxl
from icalendar import Calendar

CLI = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix='par-desk-inspections-export-')
DB = os.path.join(WORK, 't.pardesk')
LANGUAGE = 'vi' if os.environ.get('LANGUAGE', 'en').startswith('vi') else 'en'
LOCALE = os.environ.get('LC_ALL') or 'C.UTF-8'
CHECK_PARTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-xlsx-parts.py')
D = datetime.date

WORDS = {
    'en': {'sheets': ['Inspections', 'Recommendations'],
           'head': ['No.', 'Unit inspected', 'From', 'To', 'Title', 'Scope', 'Team leader', 'Deputy leaders',
                    'Members', 'Secretary'],
           'rec_head': ['No.', 'Unit inspected', 'Recommendation', 'Responsible unit', 'Deadline', 'Status',
                        'Closed on', 'Follow-up'],
           'status': {'open': 'Open', 'overdue': 'Overdue', 'done': 'Done', 'done-late': 'Done late'},
           'roles': {'leader': 'Team leader', 'deputy': 'Deputy leader', 'member': 'Member',
                     'secretary': 'Secretary'},
           'title': 'Inspection plan for administrative reform, 2026'},
    'vi': {'sheets': ['Kế hoạch kiểm tra', 'Kiến nghị'],
           'head': ['STT', 'Đơn vị được kiểm tra', 'Từ ngày', 'Đến ngày', 'Tên cuộc kiểm tra', 'Nội dung kiểm tra',
                    'Trưởng đoàn', 'Phó Trưởng đoàn', 'Thành viên', 'Thư ký'],
           'rec_head': ['STT', 'Đơn vị được kiểm tra', 'Kiến nghị', 'Đơn vị thực hiện', 'Thời hạn', 'Tình trạng',
                        'Ngày hoàn thành', 'Kết quả thực hiện'],
           'status': {'open': 'Chưa hoàn thành', 'overdue': 'Quá hạn', 'done': 'Hoàn thành đúng hạn',
                      'done-late': 'Hoàn thành chậm'},
           'roles': {'leader': 'Trưởng đoàn', 'deputy': 'Phó Trưởng đoàn', 'member': 'Thành viên',
                     'secretary': 'Thư ký'},
           'title': 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026'},
}[LANGUAGE]

SCOPE = 'Chỉ đạo, điều hành; cải cách TTHC \\ "một cửa"'
LONG_TITLE = ('Kiểm tra chuyên đề việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành '
              'chính, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến '
              'toàn trình tại Sở Nội vụ tỉnh Sông Lam, đợt một năm hai nghìn không trăm hai mươi sáu; '
              'đánh giá mức độ hài lòng của người dân, doanh nghiệp — “Chỉ số SIPAS” ✓')
S = {}   # staff ids by short name
I = {}   # inspection ids
R = {}   # recommendation ids

# The PAR Index items the inspections cover: a criteria set imported through the CLI, the links written
# straight into the file (the CLI sets none); the workbook's Scope cell names them after the text.
CRITERIA = ('{"format":"par-desk/criteria-set@1","name":"Bộ chỉ số sở","level":"department","year":2026,'
            '"nodes":[{"code":"1","title":"Chỉ đạo, điều hành","max":1,"children":['
            '{"code":"1.1","title":"Kế hoạch CCHC","max":1}]},'
            '{"code":"3","title":"Cải cách TTHC","max":2,"children":[{"code":"3.2","title":"Một cửa","max":2}]}]}')
INDEX_WORD = {'en': 'PAR Index', 'vi': 'Chỉ số CCHC'}[LANGUAGE]

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


def run(*args, expect=0, db=DB):
    env = dict(os.environ, LANGUAGE=LANGUAGE, LC_ALL=LOCALE, LANG=LOCALE)
    result = subprocess.run([CLI, '--db', db] + list(args), env=env, capture_output=True, text=True, timeout=120)
    if expect is not None and result.returncode != expect:
        raise AssertionError('par-desk-cli %s: exit %d (want %d)\n%s%s'
                             % (' '.join(args), result.returncode, expect, result.stdout, result.stderr))
    return result


def new_id(*args, db=DB):
    return int(re.findall(r'\d+', run(*args, db=db).stdout)[-1])

# ---- building the file -------------------------------------------------------


def build():
    run('init')
    for code, name, level in [('SNV', 'Sở Nội vụ', 'department'), ('STP', 'Sở Tư pháp', 'department'),
                              ('SYT', 'Sở Y tế', 'department'), ('HDS', 'Ủy ban nhân dân huyện Đông Sơn', 'district')]:
        run('unit', 'add', code, name, '--level', level)
    for key, unit, name, extra in [
            ('minh', 'SNV', 'Lê Quang Minh', ['--position', 'Phó Giám đốc Sở Nội vụ', '--email', 'minh.lq@snv.example.org']),
            ('anh', 'SNV', 'Phạm Thị Lan Anh', ['--position', 'Trưởng phòng CCHC', '--email', 'anh.ptl@snv.example.org']),
            ('thang', 'SNV', 'Hoàng Đức Thắng', ['--position', 'Phó Trưởng phòng']),
            ('mai', 'SNV', 'Võ Thị Mai', ['--position', 'Chuyên viên', '--email', 'mai ở phòng CCHC']),
            ('tung', 'SNV', 'Đặng Văn Tùng', []),
            ('long', 'STP', 'Phan Văn Long', ['--position', 'Phó Giám đốc Sở Tư pháp', '--email', 'long.pv@stp.example.org'])]:
        S[key] = new_id('staff', 'add', unit, name, *extra)
    I['stp'] = new_id('inspection', 'add', '--unit', 'STP', '--from', '2026-03-10', '--to', '2026-03-11',
                      '--title', 'Kiểm tra công tác CCHC tại Sở Tư pháp', '--scope', SCOPE, '--leader', str(S['minh']),
                      '--deputy', str(S['anh']), '--member', '%d,%d' % (S['thang'], S['mai']),
                      '--secretary', str(S['tung']))
    I['syt'] = new_id('inspection', 'add', '--unit', 'SYT', '--from', '2026-02-24', '--title', 'Kiểm tra Sở Y tế',
                      '--leader', str(S['long']), '--member', str(S['mai']))
    I['hds'] = new_id('inspection', 'add', '--unit', 'HDS', '--from', '2026-04-07', '--title', 'Kiểm tra huyện Đông Sơn',
                      '--leader', str(S['minh']))
    I['old'] = new_id('inspection', 'add', '--unit', 'STP', '--from', '2025-12-15', '--title', 'Kiểm tra năm trước',
                      '--leader', str(S['long']))
    I['snv'] = new_id('inspection', 'add', '--unit', 'SNV', '--from', '2026-06-02', '--to', '2026-06-03',
                      '--title', LONG_TITLE, '--leader', str(S['anh']))
    run('inspection', 'cancel', str(I['hds']))
    rec = lambda key, insp, text, unit, deadline: R.__setitem__(key, new_id(
        'recommendation', 'add', str(I[insp]), text, '--unit', unit, '--deadline', deadline))
    rec('late', 'stp', 'Ban hành kế hoạch tự kiểm tra', 'STP', '2026-04-30')
    rec('after', 'stp', 'Cập nhật TTHC trên Cổng dịch vụ công', 'SNV', '2026-05-15')
    rec('overdue', 'syt', 'Niêm yết công khai TTHC', 'SYT', '2026-03-31')
    rec('ontime', 'stp', 'Rà soát quy chế làm việc', 'STP', '2026-04-30')
    rec('open', 'snv', 'Số hóa hồ sơ TTHC', 'SNV', '2026-12-31')
    rec('cancelled', 'hds', 'Kiến nghị của cuộc kiểm tra đã hủy', 'HDS', '2026-05-31')
    rec('old', 'old', 'Kiến nghị năm trước', 'STP', '2026-01-31')
    run('recommendation', 'done', str(R['late']), '--date', '2026-05-05', '--note', 'Đã ban hành Kế hoạch số 12/KH-STP')
    run('recommendation', 'done', str(R['after']), '--date', '2026-05-15', '--note', 'Ghi chú sau ngày báo cáo')
    run('recommendation', 'done', str(R['ontime']), '--date', '2026-04-01', '--note', 'Đã ban hành quy chế')
    link_items()


def link_items():
    set_path = os.path.join(WORK, 'set.json')
    with open(set_path, 'w', encoding='utf-8') as f:
        f.write(CRITERIA)
    run('criteria', 'import', set_path)
    con = sqlite3.connect(DB)
    with con:
        node = dict(con.execute('SELECT code, id FROM criteria_node'))
        con.executemany('INSERT INTO inspection_item (inspection_id, node_id, position) VALUES (?, ?, ?)',
                        [(I['stp'], node['3.2'], 0), (I['stp'], node['1.1'], 1), (I['snv'], node['1.1'], 0)])
    con.close()

# ---- the workbook ------------------------------------------------------------


def day(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def header_row(ws, head):
    for r in range(1, 16):
        if [ws.cell(r, c).value for c in range(1, len(head) + 1)] == head:
            return r
    raise AssertionError('no header row %r; first rows: %r'
                         % (head, [[ws.cell(r, c).value for c in range(1, len(head) + 1)] for r in range(1, 6)]))


def body(ws, head):
    r0 = header_row(ws, head)
    return [[ws.cell(r, c) for c in range(1, len(head) + 1)] for r in range(r0 + 1, ws.max_row + 1)
            if ws.cell(r, 1).value is not None]


def check_parts(path):
    result = subprocess.run([sys.executable, CHECK_PARTS, path], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def check_sheets(wb):
    assert [s.title for s in wb.worksheets] == WORDS['sheets'], [s.title for s in wb.worksheets]
    assert wb.properties.title == WORDS['title'], wb.properties.title
    assert wb.worksheets[0].cell(1, 1).value == WORDS['title'], wb.worksheets[0].cell(1, 1).value


def check_inspection_rows(wb):
    rows = body(wb.worksheets[0], WORDS['head'])
    got = [(x[0].value, x[1].value, day(x[2].value), day(x[3].value), x[4].value) for x in rows]
    assert got == [(1, 'Sở Y tế', D(2026, 2, 24), D(2026, 2, 24), 'Kiểm tra Sở Y tế'),
                   (2, 'Sở Tư pháp', D(2026, 3, 10), D(2026, 3, 11), 'Kiểm tra công tác CCHC tại Sở Tư pháp'),
                   (3, 'Sở Nội vụ', D(2026, 6, 2), D(2026, 6, 3), LONG_TITLE)], got
    for x in rows:
        assert is_number(x[0].value), x[0].value
        for cell in (x[2], x[3]):
            assert isinstance(cell.value, datetime.datetime) and cell.number_format == 'dd/mm/yyyy', \
                (cell.value, cell.number_format)


def check_team_cells(wb):
    stp = body(wb.worksheets[0], WORDS['head'])[1]
    assert stp[5].value.startswith(SCOPE + '; '), stp[5].value
    assert stp[6].value == 'Lê Quang Minh (Phó Giám đốc Sở Nội vụ)', stp[6].value
    assert stp[7].value == 'Phạm Thị Lan Anh (Trưởng phòng CCHC)', stp[7].value
    assert stp[8].value.split('\n') == ['Hoàng Đức Thắng (Phó Trưởng phòng)', 'Võ Thị Mai (Chuyên viên)'], stp[8].value
    assert stp[9].value == 'Đặng Văn Tùng', stp[9].value
    assert stp[8].alignment.wrap_text, 'team cells wrap, one person a line'
    syt = body(wb.worksheets[0], WORDS['head'])[0]
    assert syt[7].value is None and syt[9].value is None, (syt[7].value, syt[9].value)


def check_scope_items(wb):
    rows = body(wb.worksheets[0], WORDS['head'])
    got = [x[5].value for x in rows]
    assert got == [None, SCOPE + '; ' + INDEX_WORD + ': 3.2, 1.1', INDEX_WORD + ': 1.1'], got


def check_recommendations(wb):
    rows = body(wb.worksheets[1], WORDS['rec_head'])
    st = WORDS['status']
    got = [(x[0].value, x[1].value, x[2].value, x[3].value, day(x[4].value), x[5].value, day(x[6].value), x[7].value)
           for x in rows]
    want = [(1, 'Sở Y tế', 'Niêm yết công khai TTHC', 'Sở Y tế', D(2026, 3, 31), st['overdue'], None, None),
            (2, 'Sở Tư pháp', 'Ban hành kế hoạch tự kiểm tra', 'Sở Tư pháp', D(2026, 4, 30), st['done-late'],
             D(2026, 5, 5), 'Đã ban hành Kế hoạch số 12/KH-STP'),
            (3, 'Sở Tư pháp', 'Cập nhật TTHC trên Cổng dịch vụ công', 'Sở Nội vụ', D(2026, 5, 15), st['open'], None,
             None),
            (4, 'Sở Tư pháp', 'Rà soát quy chế làm việc', 'Sở Tư pháp', D(2026, 4, 30), st['done'], D(2026, 4, 1),
             'Đã ban hành quy chế'),
            (5, 'Sở Nội vụ', 'Số hóa hồ sơ TTHC', 'Sở Nội vụ', D(2026, 12, 31), st['open'], None, None)]
    assert got == want, '\n'.join(map(repr, got))
    for x in rows:
        assert is_number(x[0].value)
        assert x[4].number_format == 'dd/mm/yyyy' and isinstance(x[4].value, datetime.datetime)
    assert rows[1][6].number_format == 'dd/mm/yyyy' and isinstance(rows[1][6].value, datetime.datetime)


def check_as_of_cell(wb):
    ws = wb.worksheets[1]
    dates = [ws.cell(r, c).value for r in range(1, header_row(ws, WORDS['rec_head']))
             for c in range(1, 9) if isinstance(ws.cell(r, c).value, datetime.datetime)]
    assert [day(d) for d in dates] == [D(2026, 5, 10)], dates


def check_pages(wb):
    for ws in wb.worksheets:
        r = header_row(ws, WORDS['head'] if ws is wb.worksheets[0] else WORDS['rec_head'])
        assert ws.freeze_panes == 'A%d' % (r + 1), ws.freeze_panes
        assert ws.page_setup.orientation == 'landscape' and str(ws.page_setup.paperSize) == '9'
        assert ws.print_title_rows == '$%d:$%d' % (r, r), ws.print_title_rows
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None) \
            and ws.page_setup.fitToHeight == 0, (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight)


def check_workbook_refusals():
    out = os.path.join(WORK, 'r.xlsx')
    assert run('export', 'inspections', '--year', '1999', '-o', out, expect=None).returncode == 2
    assert run('export', 'inspections', '--year', '2026', expect=None).returncode == 2
    assert run('export', 'inspections', '--year', '2026', '-o', out, '--as-of', '31/02/2026',
               expect=None).returncode == 2
    before = open(DB, 'rb').read()
    result = run('export', 'inspections', '--year', '2026', '-o', DB, expect=None)
    assert result.returncode == 1 and result.stderr, result.stderr
    assert open(DB, 'rb').read() == before, 'the open file was changed'
    missing = os.path.join(WORK, 'no-such-folder', 'x.xlsx')
    result = run('export', 'inspections', '--year', '2026', '-o', missing, expect=None)
    assert result.returncode == 1 and 'no-such-folder' in result.stderr, result.stderr
    assert not os.path.exists(out)


def check_empty_year():
    path = os.path.join(WORK, 'empty.xlsx')
    run('export', 'inspections', '--year', '2030', '-o', path)
    wb = openpyxl.load_workbook(path)
    assert body(wb.worksheets[0], WORDS['head']) == [] and body(wb.worksheets[1], WORDS['rec_head']) == []

# ---- the calendar ------------------------------------------------------------


def events(raw):
    return Calendar.from_ical(raw).walk('VEVENT')


def check_raw_lines(raw):
    assert raw.endswith(b'\r\n'), 'the last line ends with CRLF'
    assert b'\n' not in raw.replace(b'\r\n', b''), 'a line break that is not CRLF'
    assert b'\r' not in raw.replace(b'\r\n', b''), 'a lone CR'
    for line in raw.split(b'\r\n'):
        assert len(line) <= 75, 'a line of %d octets: %r' % (len(line), line)
        line.decode('utf-8')   # a fold inside a character leaves half of it on each line
    raw.decode('utf-8')


def unfolded(raw):
    return raw.replace(b'\r\n ', b'').decode('utf-8')


def check_calendar_props(raw):
    check_raw_lines(raw)
    cal = Calendar.from_ical(raw)
    assert str(cal['VERSION']) == '2.0' and 'PAR Desk' in str(cal['PRODID'])
    assert str(cal['CALSCALE']) == 'GREGORIAN' and str(cal['METHOD']) == 'PUBLISH'
    text = unfolded(raw)
    assert 'Chỉ đạo\\, điều hành\\; cải cách TTHC \\\\ "một cửa"' in text, 'TEXT values escaped'
    assert re.search(r'^DTSTAMP:\d{8}T\d{6}Z\r$', text, re.M), 'DTSTAMP in UTC'


def by_uid_id(evs):
    return {int(re.match(r'inspection-(\d+)-', str(e['UID'])).group(1)): e for e in evs}


def check_events(raw):
    evs = by_uid_id(events(raw))
    assert sorted(evs) == sorted([I['stp'], I['syt'], I['hds'], I['snv']]), sorted(evs)
    assert str(evs[I['hds']]['STATUS']) == 'CANCELLED'
    assert all(str(evs[i]['STATUS']) == 'CONFIRMED' for i in (I['stp'], I['syt'], I['snv']))
    e = evs[I['stp']]
    assert type(e.decoded('DTSTART')) is D and e.decoded('DTSTART') == D(2026, 3, 10)
    assert type(e.decoded('DTEND')) is D and e.decoded('DTEND') == D(2026, 3, 12), 'the end is exclusive'
    assert evs[I['syt']].decoded('DTEND') - evs[I['syt']].decoded('DTSTART') == datetime.timedelta(days=1)
    summary = str(e['SUMMARY'])
    assert 'Sở Tư pháp' in summary and 'Kiểm tra công tác CCHC tại Sở Tư pháp' in summary, summary
    assert str(e['LOCATION']) == 'Sở Tư pháp'
    assert str(evs[I['snv']]['SUMMARY']).endswith(LONG_TITLE), 'the long title survives folding whole'


def check_description(raw):
    e = by_uid_id(events(raw))[I['stp']]
    roles = WORDS['roles']
    want = [SCOPE, roles['leader'] + ': Lê Quang Minh', roles['deputy'] + ': Phạm Thị Lan Anh',
            roles['member'] + ': Hoàng Đức Thắng', roles['member'] + ': Võ Thị Mai',
            roles['secretary'] + ': Đặng Văn Tùng']
    assert str(e['DESCRIPTION']).split('\n') == want, str(e['DESCRIPTION'])
    syt = by_uid_id(events(raw))[I['syt']]
    assert str(syt['DESCRIPTION']).split('\n') == [roles['leader'] + ': Phan Văn Long',
                                                   roles['member'] + ': Võ Thị Mai'], 'no scope: the team alone'


def check_attendees(raw):
    e = by_uid_id(events(raw))[I['stp']]
    att = e.get('ATTENDEE', [])
    att = att if isinstance(att, list) else [att]
    got = [(str(a.params['CN']), str(a.params['ROLE']), str(a)) for a in att]
    # Hoàng Đức Thắng and Đặng Văn Tùng have no email; Võ Thị Mai's is not an address.
    assert got == [('Lê Quang Minh', 'CHAIR', 'mailto:minh.lq@snv.example.org'),
                   ('Phạm Thị Lan Anh', 'REQ-PARTICIPANT', 'mailto:anh.ptl@snv.example.org')], got


def check_uids(raw, again):
    first = {str(e['UID']) for e in events(raw)}
    second = {str(e['UID']) for e in events(again)}
    assert first == second and len(first) == 4, (first, second)
    other_db = os.path.join(WORK, 'other.pardesk')
    run('init', db=other_db)
    run('unit', 'add', 'STP', 'Sở Tư pháp', '--level', 'department', db=other_db)
    leader = new_id('staff', 'add', 'STP', 'Phan Văn Long', db=other_db)
    same_id = new_id('inspection', 'add', '--unit', 'STP', '--from', '2026-03-10', '--title', 'Kiểm tra',
                     '--leader', str(leader), db=other_db)
    assert same_id in by_uid_id(events(raw)), 'the other file reuses an id of this one'
    path = os.path.join(WORK, 'other.ics')
    run('export', 'ics', '--year', '2026', '-o', path, db=other_db)
    theirs = {str(e['UID']) for e in events(open(path, 'rb').read())}
    assert len(theirs) == 1 and not (theirs & first), (theirs, first)


def check_folding_boundaries():
    """Lines that end exactly at a fold, for every offset: libical 3.0.16 alone splits CRLF there."""
    for pad in range(0, 80):
        scope = 'a' * pad + 'é' * 30 + 'ệ' * 3 + '😀'
        run('inspection', 'add', '--unit', 'SYT', '--from', '2027-03-01', '--title', 'T%d' % pad, '--scope', scope,
            '--force')
    path = os.path.join(WORK, 'fold.ics')
    run('export', 'ics', '--year', '2027', '-o', path)
    raw = open(path, 'rb').read()
    check_raw_lines(raw)
    got = {str(e['SUMMARY']).split('T')[-1]: str(e['DESCRIPTION']) for e in events(raw)}
    assert len(got) == 80, len(got)
    for pad in range(0, 80):
        assert got[str(pad)] == 'a' * pad + 'é' * 30 + 'ệ' * 3 + '😀', (pad, got[str(pad)])


def check_ics_refusals():
    before = open(DB, 'rb').read()
    result = run('export', 'ics', '--year', '2026', '-o', DB, expect=None)
    assert result.returncode == 1 and result.stderr, result.stderr
    assert open(DB, 'rb').read() == before
    assert run('export', 'ics', '--year', 'x', '-o', os.path.join(WORK, 'x.ics'), expect=None).returncode == 2
    assert run('export', 'ics', '-o', os.path.join(WORK, 'x.ics'), expect=None).returncode == 2
    missing = os.path.join(WORK, 'no-such-folder', 'x.ics')
    result = run('export', 'ics', '--year', '2026', '-o', missing, expect=None)
    assert result.returncode == 1 and 'no-such-folder' in result.stderr, result.stderr
    assert not [n for n in os.listdir(WORK) if n.endswith('.part')], os.listdir(WORK)


def main():
    build()
    xlsx = os.path.join(WORK, 'inspections.xlsx')
    run('export', 'inspections', '--year', '2026', '-o', xlsx, '--as-of', '10/05/2026')
    check('the workbook, part by part (valid XML, numbers with a dot, shortest)', check_parts, xlsx)
    wb = openpyxl.load_workbook(xlsx)
    check('workbook: two sheets named %r, title row and document title' % WORDS['sheets'], check_sheets, wb)
    check('inspections sheet: header, one row per inspection of the year by first day, numbers and date cells; '
          'cancelled and other years left out', check_inspection_rows, wb)
    check('inspections sheet: scope, team cells as "Name (Position)" one a line, a name alone without position',
          check_team_cells, wb)
    check('inspections sheet: the scope\'s text, then the codes of the PAR Index items covered, in their order',
          check_scope_items, wb)
    check('recommendations sheet: in the order of the first sheet then id, units by name, statuses as of the date, '
          'closed on and follow-up only when closed by then', check_recommendations, wb)
    check('recommendations sheet: the as-of date is a date cell', check_as_of_cell, wb)
    check('both sheets: header frozen, A4 landscape, one page wide, header repeated', check_pages, wb)
    check('a year without inspections gives both sheets with headers only', check_empty_year)
    check('export inspections refuses bad values (2), the open file and a missing folder (1)',
          check_workbook_refusals)

    ics = os.path.join(WORK, 'a.ics')
    ics2 = os.path.join(WORK, 'b.ics')
    run('export', 'ics', '--year', '2026', '-o', ics)
    run('export', 'ics', '--year', '2026', '-o', ics2)
    raw = open(ics, 'rb').read()
    check('calendar: CRLF, lines of 75 octets at most never cut inside a character, VCALENDAR properties, '
          'escaping, DTSTAMP in UTC', check_calendar_props, raw)
    check('calendar: one all-day event per inspection of the year, cancelled ones CANCELLED, end exclusive, '
          'summary and location', check_events, raw)
    check('calendar: description is the scope then one line per member, roles in the UI language',
          check_description, raw)
    check('calendar: attendees with an email, CN, CHAIR for the leader, mailto:', check_attendees, raw)
    check('calendar: UIDs the same in two exports, different from another file\'s', check_uids, raw,
          open(ics2, 'rb').read())
    check('calendar: folding at every offset of 2-, 3- and 4-octet characters keeps CRLF and characters whole',
          check_folding_boundaries)
    check('export ics refuses bad values (2), the open file and a missing folder (1), leaves no partial file',
          check_ics_refusals)


if __name__ == '__main__':
    try:
        main()
    except Exception as error:  # noqa: BLE001
        report(False, 'setting up the inspections through the CLI', '%s\n%s' % (error, traceback.format_exc()))
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    print('1..%d' % n_tests)
    sys.exit(1 if n_failed else 0)
