/* par-staff.h: a staff member of a unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PAR_STAFF_ROLE_LEADER,
  PAR_STAFF_ROLE_PAR_OFFICER,
  PAR_STAFF_ROLE_STEERING_MEMBER,
  PAR_STAFF_ROLE_STAFF,
  PAR_N_STAFF_ROLES
} ParStaffRole;

#define PAR_TYPE_STAFF (par_staff_get_type ())

G_DECLARE_FINAL_TYPE (ParStaff, par_staff, PAR, STAFF, GObject)

ParStaff    *par_staff_new              (gint64        id,
                                         gint64        unit_id,
                                         const char   *full_name,
                                         const char   *title,
                                         ParStaffRole  role);
gint64       par_staff_get_id           (ParStaff     *self);
gint64       par_staff_get_unit_id      (ParStaff     *self);
const char  *par_staff_get_full_name    (ParStaff     *self);
const char  *par_staff_get_title        (ParStaff     *self);
ParStaffRole par_staff_get_role         (ParStaff     *self);

const char  *par_staff_role_to_string   (ParStaffRole  role);
gboolean     par_staff_role_from_string (const char   *text,
                                         ParStaffRole *role);
const char  *par_staff_role_get_label   (ParStaffRole  role);

G_END_DECLS
