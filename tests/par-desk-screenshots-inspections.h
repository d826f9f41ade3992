/* par-desk-screenshots-inspections.h: the Inspections view's pictures for par-desk-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-window.h"

G_BEGIN_DECLS

typedef gboolean (*ScreenshotSaveFunc) (GtkWidget  *widget,
                                        const char *outdir,
                                        const char *language,
                                        const char *name);

gboolean screenshots_inspections_prepare (ParDatabase        *db,
                                          GError            **error);
gboolean screenshots_inspections_save    (ParWindow          *window,
                                          ScreenshotSaveFunc  save,
                                          const char         *outdir,
                                          const char         *language);

G_END_DECLS
