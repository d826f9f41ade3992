/* par-inspection-dialog.h: plan or edit an inspection, its clashes shown as it is edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_INSPECTION_DIALOG (par_inspection_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParInspectionDialog, par_inspection_dialog, PAR, INSPECTION_DIALOG, ParFormDialog)

ParInspectionDialog *par_inspection_dialog_new (GtkWindow   *parent,
                                                ParDatabase *db,
                                                gint64       inspection_id,
                                                const GDate *first_day);

G_END_DECLS
