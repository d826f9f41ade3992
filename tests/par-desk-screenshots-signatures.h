/* par-desk-screenshots-signatures.h: the demo's signed documents in the Evidence view, for par-desk-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-desk-screenshots-inspections.h"

G_BEGIN_DECLS

gboolean screenshots_signatures_save (ParWindow          *window,
                                      ScreenshotSaveFunc  save,
                                      const char         *outdir,
                                      const char         *language);

G_END_DECLS
