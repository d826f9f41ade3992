#!/usr/bin/python3
# check-xlsx-parts.py: what any XLSX that PAR Desk writes must be, part by part
#
# Usage: check-xlsx-parts.py FILE.xlsx...     (exit 1 and the problems if any)
#
# - every XML part is well-formed (no character XML forbids, such as U+FFFE);
# - every number of a worksheet cell (a <v> of a cell that is not a string,
#   boolean or error) and of a chart's number cache is a valid xsd:double: a
#   dot, never the decimal comma of the writer's locale;
# - and is written in its shortest form (79.635, not 79.63500000000001), without an exponent
#   unless it is very large or very small (100, not 1e+02).
#
# openpyxl reads a damaged number as text or fails outright; these checks
# say which part and which cell.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
CHART = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
XSD_DOUBLE = re.compile(r'^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$')


def number_problem(text):
    if text is None or not XSD_DOUBLE.match(text):
        return 'not an xsd:double: %r' % text
    if Decimal(text) != Decimal(repr(float(text))):
        return 'not in its shortest form: %s (%r)' % (text, float(text))
    if 'e' in text.lower() and 1e-5 <= abs(float(text)) < 1e15:
        return 'written with an exponent: %s (%r)' % (text, float(text))
    return None


def check(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.endswith('.xml') or name.endswith('.rels')):
                continue
            try:
                root = ElementTree.fromstring(z.read(name))
            except ElementTree.ParseError as error:
                problems.append('%s: not well-formed XML: %s' % (name, error))
                continue
            if name.startswith('xl/worksheets/'):
                for cell in root.iter(MAIN + 'c'):
                    value = cell.find(MAIN + 'v')
                    if value is not None and cell.get('t', 'n') == 'n':
                        problem = number_problem(value.text)
                        if problem:
                            problems.append('%s %s: %s' % (name, cell.get('r'), problem))
            elif name.startswith('xl/charts/'):
                for cache in root.iter(CHART + 'numCache'):
                    for value in cache.iter(CHART + 'v'):
                        problem = number_problem(value.text)
                        if problem:
                            problems.append('%s: chart cache: %s' % (name, problem))
    return problems


def main():
    if len(sys.argv) < 2:
        print('usage: check-xlsx-parts.py FILE.xlsx...', file=sys.stderr)
        return 2
    failed = False
    for path in sys.argv[1:]:
        problems = check(path)
        for problem in problems[:20]:
            print('%s: %s' % (path, problem))
        if len(problems) > 20:
            print('%s: and %d more' % (path, len(problems) - 20))
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
