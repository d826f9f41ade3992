/* par-task-dialog.h: add or edit a task of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_TASK_DIALOG (par_task_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParTaskDialog, par_task_dialog, PAR, TASK_DIALOG, ParFormDialog)

ParTaskDialog *par_task_dialog_new (GtkWindow   *parent,
                                    ParDatabase *db,
                                    ParPlan     *plan,
                                    ParTask     *task);

G_END_DECLS
