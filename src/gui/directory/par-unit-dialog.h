/* par-unit-dialog.h: add or edit an organisation unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_UNIT_DIALOG (par_unit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParUnitDialog, par_unit_dialog, PAR, UNIT_DIALOG, ParFormDialog)

ParUnitDialog *par_unit_dialog_new (GtkWindow   *parent,
                                    ParDatabase *db,
                                    ParUnit     *unit,
                                    gint64       parent_id);

G_END_DECLS
