/* par-inspections-private.h: what the files of src/core/inspections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database-private.h"
#include "par-inspections.h"

G_BEGIN_DECLS

gboolean par_inspections_read_date      (sqlite3_stmt             *stmt,
                                         int                       column,
                                         GDate                    *date);
char    *par_inspections_placeholders   (guint                     first,
                                         guint                     n);
gboolean par_inspections_check_team     (ParDatabase              *db,
                                         const ParTeamSeat        *team,
                                         guint                     n_team,
                                         GError                  **error);
gboolean par_inspections_check_staff    (ParDatabase              *db,
                                         const gint64             *staff_ids,
                                         guint                     n_staff,
                                         GError                  **error);
gboolean par_inspections_unit_exists    (ParDatabase              *db,
                                         gint64                    unit_id,
                                         GError                  **error);

G_END_DECLS
