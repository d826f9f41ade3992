/* par-plan-import.h: a CSV file of tasks read into a plan, every problem told by line, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-plans.h"

G_BEGIN_DECLS

/* The limits that keep a hostile file from taking the machine. */
#define PAR_PLAN_IMPORT_MAX_BYTES      (4 * 1024 * 1024)
#define PAR_PLAN_IMPORT_MAX_ROWS       5000
#define PAR_PLAN_IMPORT_MAX_COLUMNS    64
#define PAR_PLAN_IMPORT_MAX_CELL_BYTES 8000
#define PAR_PLAN_IMPORT_MAX_PROBLEMS   500

/* One problem of the file: the line where its row starts (the header is
 * line 1) and what is wrong, in the UI language. */
typedef struct
{
  guint  line;
  char  *message;
} ParPlanImportProblem;

/* One task the file holds, as it will be added: @spec's strings belong to
 * the import; spec.code is the code it gets (a default one filled in). */
typedef struct
{
  guint        line;
  ParTaskSpec  spec;
} ParPlanImportTask;

typedef struct _ParPlanImport ParPlanImport;

ParPlanImport              *par_plan_import_read         (ParDatabase    *db,
                                                          gint64          plan_id,
                                                          GBytes         *contents,
                                                          GError        **error);
void                        par_plan_import_free         (ParPlanImport  *import);
guint                       par_plan_import_get_n_problems (ParPlanImport *import);
const ParPlanImportProblem *par_plan_import_get_problem  (ParPlanImport  *import,
                                                          guint           index);
guint                       par_plan_import_get_n_tasks  (ParPlanImport  *import);
const ParPlanImportTask    *par_plan_import_get_task     (ParPlanImport  *import,
                                                          guint           index);
GArray                     *par_plan_import_write        (ParDatabase    *db,
                                                          ParPlanImport  *import,
                                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPlanImport, par_plan_import_free)

G_END_DECLS
