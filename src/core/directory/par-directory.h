/* par-directory.h: the units and staff of a PAR Desk file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-staff.h"
#include "par-unit.h"

G_BEGIN_DECLS

/* parent_id for the units at the top of the tree */
#define PAR_DIRECTORY_ROOT 0

GPtrArray *par_directory_list_units        (ParDatabase   *db,
                                            gint64         parent_id,
                                            GError       **error);
GPtrArray *par_directory_list_all_units    (ParDatabase   *db,
                                            GError       **error);
ParUnit   *par_directory_get_unit          (ParDatabase   *db,
                                            gint64         unit_id,
                                            GError       **error);
ParUnit   *par_directory_find_unit         (ParDatabase   *db,
                                            const char    *code,
                                            GError       **error);
gint64     par_directory_add_unit          (ParDatabase   *db,
                                            const char    *code,
                                            const char    *name,
                                            ParUnitLevel   level,
                                            gint64         parent_id,
                                            GError       **error);
gboolean   par_directory_update_unit       (ParDatabase   *db,
                                            gint64         unit_id,
                                            const char    *code,
                                            const char    *name,
                                            ParUnitLevel   level,
                                            GError       **error);
gboolean   par_directory_move_unit         (ParDatabase   *db,
                                            gint64         unit_id,
                                            gint64         new_parent_id,
                                            GError       **error);
gboolean   par_directory_delete_unit       (ParDatabase   *db,
                                            gint64         unit_id,
                                            GError       **error);

GPtrArray *par_directory_list_staff        (ParDatabase   *db,
                                            gint64         unit_id,
                                            GError       **error);
gint64     par_directory_add_staff         (ParDatabase   *db,
                                            gint64         unit_id,
                                            const char    *full_name,
                                            const char    *title,
                                            ParStaffRole   role,
                                            GError       **error);
gboolean   par_directory_update_staff      (ParDatabase   *db,
                                            gint64         staff_id,
                                            gint64         unit_id,
                                            const char    *full_name,
                                            const char    *title,
                                            ParStaffRole   role,
                                            GError       **error);
gboolean   par_directory_delete_staff      (ParDatabase   *db,
                                            gint64         staff_id,
                                            GError       **error);

G_END_DECLS
