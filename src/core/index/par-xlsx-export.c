/* par-xlsx-export.c: the XLSX score sheet and ranking workbooks
 *
 * The layout is described in docs/score-sheet.md. Parent rows are SUM
 * formulas written with their computed values cached, so readers that do
 * not recalculate show the same numbers as Excel. ParWorkbook makes the
 * file right in any locale and renames it into place.
 *
 * Here: writing either in a worker thread. The sheets are
 * par-xlsx-export-score-sheet.c and par-xlsx-export-ranking.c; what both
 * share, par-xlsx-export-formats.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-xlsx-export-private.h"

typedef struct
{
  char  *db_path;
  gint64 set_id;
  gint64 unit_id;   /* 0: the ranking */
  char  *dest_path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_free (job->dest_path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;
  ParRankingBasis basis;
  gboolean ok = FALSE;

  /* A worker uses its own connection. */
  db = par_database_open (job->db_path, PAR_DATABASE_OPEN_EXISTING, &error);
  if (db != NULL)
    set = par_criteria_set_load (db, job->set_id, &error);
  if (set != NULL && job->unit_id != 0)
    {
      assessment = par_assessment_load (db, set, job->unit_id, &error);
      ok = assessment != NULL && par_export_score_sheet (db, assessment, job->dest_path, &cut_items, &error);
    }
  else if (set != NULL)
    ok = par_ranking_default_basis (db, set, &basis, &error)
         && par_export_ranking (db, set, basis, job->dest_path, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (cut_items != NULL)
    g_task_return_pointer (task, g_steal_pointer (&cut_items), (GDestroyNotify) g_strfreev);
  else
    g_task_return_pointer (task, g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
}

/* Writes the score sheet of @unit_id, or with @unit_id 0 the ranking of
 * the set, in a worker thread. */
void
par_export_async (const char          *db_path,
                  gint64               set_id,
                  gint64               unit_id,
                  const char          *dest_path,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (db_path);
  job->set_id = set_id;
  job->unit_id = unit_id;
  job->dest_path = g_strdup (dest_path);
  g_task_set_source_tag (task, par_export_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* @cut_items (if not NULL) gets what par_export_score_sheet() tells. */
gboolean
par_export_finish (GAsyncResult  *result,
                   GStrv         *cut_items,
                   GError       **error)
{
  GStrv cut;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  cut = g_task_propagate_pointer (G_TASK (result), error);
  if (cut == NULL)
    return FALSE;
  if (cut_items != NULL)
    *cut_items = cut;
  else
    g_strfreev (cut);
  return TRUE;
}
