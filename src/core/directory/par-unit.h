/* par-unit.h: an organisation unit of the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PAR_UNIT_LEVEL_PROVINCE,
  PAR_UNIT_LEVEL_DEPARTMENT,
  PAR_UNIT_LEVEL_DISTRICT,
  PAR_UNIT_LEVEL_COMMUNE,
  PAR_UNIT_LEVEL_OFFICE,
  PAR_N_UNIT_LEVELS
} ParUnitLevel;

#define PAR_TYPE_UNIT (par_unit_get_type ())

G_DECLARE_FINAL_TYPE (ParUnit, par_unit, PAR, UNIT, GObject)

ParUnit     *par_unit_new               (gint64        id,
                                         gint64        parent_id,
                                         const char   *code,
                                         const char   *name,
                                         ParUnitLevel  level);
gint64       par_unit_get_id            (ParUnit      *self);
gint64       par_unit_get_parent_id     (ParUnit      *self);
const char  *par_unit_get_code          (ParUnit      *self);
const char  *par_unit_get_name          (ParUnit      *self);
ParUnitLevel par_unit_get_level         (ParUnit      *self);
guint        par_unit_get_n_children    (ParUnit      *self);
void         par_unit_set_n_children    (ParUnit      *self,
                                         guint         n_children);

const char  *par_unit_level_to_string   (ParUnitLevel  level);
gboolean     par_unit_level_from_string (const char   *text,
                                         ParUnitLevel *level);
const char  *par_unit_level_get_label   (ParUnitLevel  level);

G_END_DECLS
