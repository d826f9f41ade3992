/* par-demo-inspections.h: the sample office's inspections of the year, for par-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

gboolean par_demo_inspections_fill (ParDatabase  *db,
                                    GHashTable   *unit_ids,
                                    GError      **error);

gboolean par_demo_inspections_link (ParDatabase  *db,
                                    gint64        document_id,
                                    const char   *recommendation,
                                    GError      **error);

G_END_DECLS
