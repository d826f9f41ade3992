/* par-plan-export-private.h: what the plan workbook and the quarterly report share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "par-database.h"
#include "par-directory.h"
#include "par-plan-export.h"
#include "par-plan-report-data.h"
#include "par-plans.h"
#include "par-workbook.h"

G_BEGIN_DECLS

/* The cell formats of both workbooks. */
typedef struct
{
  ParWorkbook  *book;
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *subtitle;
  lxw_format   *label_right;
  lxw_format   *date_left;
  lxw_format   *header;
  lxw_format   *text;
  lxw_format   *centered;
  lxw_format   *number;
  lxw_format   *percent;
  lxw_format   *date;
  lxw_format   *area_text;
  lxw_format   *area_centered;
  lxw_format   *total_text;
  lxw_format   *total_number;
  lxw_format   *total_percent;
} ParPlanFormats;

/* A plan with all a workbook shows of it: its tasks in plan order and the
 * units they name. */
typedef struct
{
  ParPlan    *plan;
  ParUnit    *unit;      /* the plan's unit */
  GPtrArray  *tasks;     /* ParTask, in plan order */
  GHashTable *units;     /* unit id (gint64 *) → ParUnit */
} ParPlanData;

gboolean    par_plan_data_load        (ParPlanData     *data,
                                       ParDatabase     *db,
                                       gint64           plan_id,
                                       GError         **error);
void        par_plan_data_clear       (ParPlanData     *data);
const char *par_plan_data_unit_name   (ParPlanData     *data,
                                       gint64           unit_id);

ParPlanReport *par_plan_report_from_data (ParPlanData *data,
                                          int          quarter);

void        par_plan_make_formats     (ParPlanFormats  *f,
                                       ParWorkbook     *book);
void        par_plan_write_title_rows (ParPlanFormats  *f,
                                       lxw_worksheet   *sheet,
                                       ParPlanData     *data,
                                       lxw_col_t        last_col);
void        par_plan_write_header     (ParPlanFormats  *f,
                                       lxw_worksheet   *sheet,
                                       lxw_row_t        row,
                                       const char     **labels,
                                       const double    *widths,
                                       guint            n_columns);
void        par_plan_set_up_pages     (lxw_worksheet   *sheet,
                                       lxw_row_t        header_row);

G_END_DECLS
