/* par-inspection-team.h: the team of an inspection, chosen from the directory's staff, with their roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_INSPECTION_TEAM (par_inspection_team_get_type ())

G_DECLARE_FINAL_TYPE (ParInspectionTeam, par_inspection_team, PAR, INSPECTION_TEAM, GtkBox)

gboolean    par_inspection_team_load       (ParInspectionTeam  *self,
                                            ParDatabase        *db,
                                            GError            **error);
void        par_inspection_team_set_team   (ParInspectionTeam  *self,
                                            GPtrArray          *members);
GtkWidget  *par_inspection_team_add_row    (ParInspectionTeam  *self,
                                            gint64              staff_id,
                                            ParTeamRole         role);
GArray     *par_inspection_team_get_seats  (ParInspectionTeam  *self);
const char *par_inspection_team_get_name   (ParInspectionTeam  *self,
                                            gint64              staff_id);
gboolean    par_inspection_team_select     (GtkWidget          *row,
                                            gint64              staff_id,
                                            ParTeamRole         role);

G_END_DECLS
