# tests/libreoffice_recalc.py: a workbook opened in LibreOffice, recalculated and saved again
#
# The workbook tests (test-xlsx.py, test-plan-xlsx.py) compare the values PAR Desk caches
# beside its formulas with the ones LibreOffice works out itself.
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess

# "Always recalculate on load", for XLSX and ODF files, in a profile of the test's own.
RECALC_PROFILE = '''<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
'''


def resave(path, outdir, work, locale, language):
    """Opens @path in LibreOffice with "always recalculate on load" and saves it
    again as XLSX in @outdir: the cached values of the copy are LibreOffice's own.
    @work holds the profile and is HOME; LibreOffice runs in @locale and @language."""
    profile = os.path.join(work, 'lo-profile')
    os.makedirs(os.path.join(profile, 'user'), exist_ok=True)
    with open(os.path.join(profile, 'user', 'registrymodifications.xcu'), 'w') as f:
        f.write(RECALC_PROFILE)
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, HOME=work, LC_ALL=locale, LANG=locale, LANGUAGE=language)
    result = subprocess.run(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--norestore',
                             '--convert-to', 'xlsx', '--outdir', outdir, path],
                            env=env, capture_output=True, text=True, timeout=300)
    out = os.path.join(outdir, os.path.basename(path))
    assert result.returncode == 0 and os.path.exists(out), 'soffice failed: %s %s' % (result.stdout, result.stderr)
    return out
