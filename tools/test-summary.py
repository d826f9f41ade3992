#!/usr/bin/env python3
# tools/test-summary.py: the closing line of `make check`, from meson's test log.
# Counts every test case: each TAP line ("ok"/"not ok") of a test program, or the
# program itself when it reports no cases. Prints "N passed, N failed".
# Several logs (make check-sanitize: its build's and the fuzz build's) are added up.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = 0
for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as log:
        for line in log:
            test = json.loads(line)
            cases = [l for l in (test.get('stdout') or '').splitlines()
                     if re.match(r'^(not )?ok\b', l)]
            program_ok = test['result'] in ('OK', 'EXPECTEDFAIL', 'SKIP')
            if cases:
                bad = [c for c in cases if c.startswith('not ok') and '# TODO' not in c]
                passed += len(cases) - len(bad)
                failed += len(bad)
                if not program_ok and not bad:
                    failed += 1  # crashed after its last reported case
            elif program_ok:
                passed += 1
            else:
                failed += 1
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
