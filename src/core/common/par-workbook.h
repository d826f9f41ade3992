/* par-workbook.h: an XLSX workbook written right in any locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

#define PAR_WORKBOOK_ERROR (par_workbook_error_quark ())

typedef enum
{
  PAR_WORKBOOK_ERROR_FAILED,
} ParWorkbookError;

/* Dates in every workbook, whatever the language (docs/score-sheet.md). */
#define PAR_WORKBOOK_DATE_FORMAT "dd/mm/yyyy"

/* The most characters a cell holds (Excel's limit, in UTF-16 units). */
#define PAR_WORKBOOK_MAX_CELL_TEXT 32767

typedef struct _ParWorkbook ParWorkbook;

GQuark         par_workbook_error_quark      (void);
ParWorkbook   *par_workbook_new              (const char     *path,
                                              GError        **error);
void           par_workbook_free             (ParWorkbook    *book);
lxw_workbook  *par_workbook_get_workbook     (ParWorkbook    *book);
void           par_workbook_write_text       (ParWorkbook    *book,
                                              lxw_worksheet  *sheet,
                                              lxw_row_t       row,
                                              lxw_col_t       col,
                                              const char     *text,
                                              lxw_format     *format,
                                              const char     *item);
void           par_workbook_merge_text       (ParWorkbook    *book,
                                              lxw_worksheet  *sheet,
                                              lxw_row_t       row,
                                              lxw_col_t       first_col,
                                              lxw_col_t       last_col,
                                              const char     *text,
                                              lxw_format     *format);
void           par_workbook_write_date       (ParWorkbook    *book,
                                              lxw_worksheet  *sheet,
                                              lxw_row_t       row,
                                              lxw_col_t       col,
                                              const GDate    *date,
                                              lxw_format     *format);
void           par_workbook_set_properties   (ParWorkbook    *book,
                                              const char     *title,
                                              const char     *subject,
                                              const char     *company);
gboolean       par_workbook_close            (ParWorkbook    *book,
                                              GStrv          *cut_items,
                                              GError        **error);

char          *par_workbook_clean_text       (const char     *text,
                                              gboolean       *cut);
gboolean       par_workbook_shortest_number  (const char     *text,
                                              gsize           length,
                                              char           *buffer,
                                              gsize           buffer_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParWorkbook, par_workbook_free)

G_END_DECLS
