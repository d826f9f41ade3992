/* par-inspections-export.h: a year's inspections as a workbook (XLSX) and as a calendar (iCalendar)
 *
 * The contracts are docs/inspection-files.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

#define PAR_INSPECTIONS_EXPORT_ERROR (par_inspections_export_error_quark ())

typedef enum
{
  PAR_INSPECTIONS_EXPORT_ERROR_FAILED,
} ParInspectionsExportError;

GQuark   par_inspections_export_error_quark (void);

gboolean par_inspections_export_workbook    (ParDatabase  *db,
                                             int           year,
                                             const GDate  *as_of,
                                             const char   *path,
                                             GStrv        *cut_items,
                                             GError      **error);
gboolean par_inspections_export_ics         (ParDatabase  *db,
                                             int           year,
                                             const char   *path,
                                             GError      **error);

char    *par_ics_fold_lines                 (const char   *text);

G_END_DECLS
