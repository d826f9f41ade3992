/* par-progress-dialog.h: record a task's progress, mark it done or cancel it, with a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_PROGRESS_RECORD,
  PAR_PROGRESS_DONE,
  PAR_PROGRESS_CANCEL,
} ParProgressKind;

#define PAR_TYPE_PROGRESS_DIALOG (par_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParProgressDialog, par_progress_dialog, PAR, PROGRESS_DIALOG, ParFormDialog)

ParProgressDialog *par_progress_dialog_new (GtkWindow       *parent,
                                            ParDatabase     *db,
                                            ParTask         *task,
                                            ParProgressKind  kind,
                                            const GDate     *date);

G_END_DECLS
