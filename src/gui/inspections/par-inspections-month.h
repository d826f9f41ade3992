/* par-inspections-month.h: a month of inspections as a calendar: weeks from Monday, bars across days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_INSPECTIONS_MONTH (par_inspections_month_get_type ())

G_DECLARE_FINAL_TYPE (ParInspectionsMonth, par_inspections_month, PAR, INSPECTIONS_MONTH, AdwBin)

void par_inspections_month_show         (ParInspectionsMonth *self,
                                         const GDate         *month,
                                         GListModel          *inspections,
                                         ParHolidayCalendar  *holidays,
                                         const GDate         *today,
                                         gint64               selected_id);
void par_inspections_month_set_selected (ParInspectionsMonth *self,
                                         gint64               inspection_id);
GtkWidget *par_inspections_month_get_bar (ParInspectionsMonth *self,
                                          gint64               inspection_id,
                                          const GDate         *day);
GtkWidget *par_inspections_month_get_day (ParInspectionsMonth *self,
                                          const GDate         *day);

G_END_DECLS
