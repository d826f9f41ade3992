/* par-plan-report-print.h: the quarterly report drawn for printing (and "Save as PDF")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "par-core.h"

G_BEGIN_DECLS

GtkPrintOperation *par_plan_report_print_new (ParPlanReport *report,
                                              const char    *file_name);

G_END_DECLS
