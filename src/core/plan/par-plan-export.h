/* par-plan-export.h: the plan workbook and the quarterly report, as XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

gboolean par_plan_export_workbook  (ParDatabase  *db,
                                    gint64        plan_id,
                                    const GDate  *as_of,
                                    const char   *path,
                                    GStrv        *cut_items,
                                    GError      **error);
gboolean par_plan_export_report    (ParDatabase  *db,
                                    gint64        plan_id,
                                    int           quarter,
                                    const char   *path,
                                    GStrv        *cut_items,
                                    GError      **error);

G_END_DECLS
