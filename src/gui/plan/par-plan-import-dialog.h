/* par-plan-import-dialog.h: previewing a CSV file of tasks before it is added to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-context.h"
#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_PLAN_IMPORT_DIALOG (par_plan_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParPlanImportDialog, par_plan_import_dialog, PAR, PLAN_IMPORT_DIALOG, ParFormDialog)

ParPlanImportDialog *par_plan_import_dialog_new         (GtkWindow     *parent,
                                                         ParContext    *context,
                                                         ParPlan       *plan,
                                                         const char    *file_name,
                                                         ParPlanImport *import);
void                 par_plan_import_dialog_open_path   (GtkWindow     *parent,
                                                         ParContext    *context,
                                                         ParPlan       *plan,
                                                         const char    *path);
void                 par_plan_import_dialog_choose_file (GtkWindow     *parent,
                                                         ParContext    *context,
                                                         ParPlan       *plan);

G_END_DECLS
