/* par-xlsx-export-private.h: what the score sheet and the ranking workbooks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "par-workbook.h"
#include "par-xlsx-export.h"

G_BEGIN_DECLS

#define PAR_XLSX_PAPER_A4 9

/* The cell formats of both workbooks. */
typedef struct
{
  ParWorkbook  *book;
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *subtitle;
  lxw_format   *subtitle_right;
  lxw_format   *subtitle_date;
  lxw_format   *header;
  lxw_format   *area_text;
  lxw_format   *area_number;
  lxw_format   *text;
  lxw_format   *number;
  lxw_format   *total_text;
  lxw_format   *total_number;
  lxw_format   *centered;
} ParXlsxFormats;

/* Points as a spreadsheet number. */
static inline double
par_xlsx_points (gint64 milli)
{
  return milli / 1000.0;
}

void  par_xlsx_make_formats       (ParXlsxFormats *f,
                                   ParWorkbook    *book);
void  par_xlsx_write_export_date  (ParXlsxFormats *f,
                                   lxw_worksheet  *sheet,
                                   lxw_row_t       row,
                                   lxw_col_t       col,
                                   gboolean        beside);
char *par_xlsx_sum_formula        (GArray         *rows,
                                   GArray         *negative,
                                   lxw_col_t       col);
char *par_xlsx_sum_formula_in_row (lxw_row_t       row,
                                   GArray         *cols,
                                   GArray         *negative);

G_END_DECLS
