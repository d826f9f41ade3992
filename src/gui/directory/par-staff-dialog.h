/* par-staff-dialog.h: add or edit a staff member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_STAFF_DIALOG (par_staff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParStaffDialog, par_staff_dialog, PAR, STAFF_DIALOG, ParFormDialog)

ParStaffDialog *par_staff_dialog_new (GtkWindow   *parent,
                                      ParDatabase *db,
                                      ParStaff    *staff,
                                      gint64       unit_id);

G_END_DECLS
