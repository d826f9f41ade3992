/* par-plan-import-private.h: the values of a CSV file of tasks, read one cell at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-plan-rules.h"

G_BEGIN_DECLS

/* The columns of a file of tasks. */
typedef enum
{
  PAR_IMPORT_COLUMN_CODE,
  PAR_IMPORT_COLUMN_TITLE,
  PAR_IMPORT_COLUMN_AREA,
  PAR_IMPORT_COLUMN_LEAD,
  PAR_IMPORT_COLUMN_COORDINATING,
  PAR_IMPORT_COLUMN_OUTPUT,
  PAR_IMPORT_COLUMN_DEADLINE,
  PAR_N_IMPORT_COLUMNS
} ParImportColumn;

/* A deadline as a cell gives it. */
typedef struct
{
  ParDeadlineKind kind;
  GDate           date;      /* for PAR_DEADLINE_DATE */
  int             quarter;   /* for PAR_DEADLINE_QUARTER */
} ParImportDeadline;

/* The units of the file, found by code or name. */
typedef struct _ParImportUnits ParImportUnits;

gboolean        par_import_column_parse    (const char       *header,
                                            ParImportColumn  *column);
gboolean        par_import_column_required (ParImportColumn   column);
const char     *par_import_column_describe (ParImportColumn   column);
const char     *par_import_column_header   (ParImportColumn   column,
                                            gboolean          vietnamese);

char           *par_import_parse_deadline  (const char        *text,
                                            int                plan_year,
                                            ParImportDeadline *deadline);
gboolean        par_import_parse_numeral   (const char        *code,
                                            ParArea           *area);
char           *par_import_number_code     (const char        *code,
                                            ParArea            heading);

ParImportUnits *par_import_units_load      (ParDatabase       *db,
                                            GError           **error);
void            par_import_units_free      (ParImportUnits    *units);
gint64          par_import_units_find      (ParImportUnits    *units,
                                            const char        *text,
                                            guint             *n_named);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParImportUnits, par_import_units_free)

G_END_DECLS
