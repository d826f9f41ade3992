/* par-holiday-dialog.h: add a day to the year's public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_HOLIDAY_DIALOG (par_holiday_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParHolidayDialog, par_holiday_dialog, PAR, HOLIDAY_DIALOG, ParFormDialog)

ParHolidayDialog *par_holiday_dialog_new (GtkWindow   *parent,
                                          ParDatabase *db,
                                          int          year);

G_END_DECLS
