/* par-desk-screenshots-trust.h: the pictures of signatures and trust for par-desk-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-desk-screenshots-inspections.h"

G_BEGIN_DECLS

gboolean screenshots_trust_save    (ParWindow          *window,
                                    ScreenshotSaveFunc  save,
                                    const char         *outdir,
                                    const char         *language);

G_END_DECLS
