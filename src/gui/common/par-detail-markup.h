/* par-detail-markup.h: "label: value" details as Pango markup, for the panes and the evidence panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void par_detail_markup_append_line  (GString    *markup,
                                     const char *label,
                                     const char *value);
void par_detail_markup_append_block (GString    *markup,
                                     const char *label,
                                     const char *value);

G_END_DECLS
