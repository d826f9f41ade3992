/* par-demo-plan.h: the sample office's reform plan for the year, for par-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

gboolean par_demo_plan_fill (ParDatabase  *db,
                             GHashTable   *unit_ids,
                             GError      **error);
gboolean par_demo_plan_link (ParDatabase  *db,
                             gint64        document_id,
                             const char   *codes,
                             GError      **error);

G_END_DECLS
