/* par-export-worker.c: a file written from the open PAR Desk file in a worker, then a toast or an error
 *
 * The views' exports (the plan workbook and reports, the inspection plan
 * and calendar) all do this: the writing never blocks the window, the
 * worker reads through its own read-only connection, and the context says
 * how it went — a toast that opens the file, or the error under a heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-export-worker.h"

typedef struct
{
  ParContext     *context;
  char           *db_path;
  char           *path;
  ParExportWriter writer;
  gpointer        data;
  GDestroyNotify  data_free;
  char           *done_toast;
  char           *failed_heading;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->context);
  g_free (export->db_path);
  g_free (export->path);
  if (export->data_free != NULL)
    export->data_free (export->data);
  g_free (export->done_toast);
  g_free (export->failed_heading);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = par_database_open (export->db_path, PAR_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL && export->writer (db, export->path, export->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    par_context_show_file_toast (export->context, export->done_toast, export->path);
  else
    par_context_report_error (export->context, export->failed_heading, error);
}

/* Writes @path with @writer (given @data, freed with @data_free) in a
 * worker, from the context's file; then shows @done_toast with an "Open"
 * button, or reports the error under @failed_heading. */
void
par_export_in_background (ParContext     *context,
                          const char     *path,
                          ParExportWriter writer,
                          gpointer        data,
                          GDestroyNotify  data_free,
                          const char     *done_toast,
                          const char     *failed_heading)
{
  ParDatabase *db;
  Export *export;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (path != NULL && writer != NULL);

  db = par_context_get_database (context);
  if (db == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      return;
    }
  export = g_new0 (Export, 1);
  export->context = g_object_ref (context);
  export->db_path = g_strdup (par_database_get_path (db));
  export->path = g_strdup (path);
  export->writer = writer;
  export->data = data;
  export->data_free = data_free;
  export->done_toast = g_strdup (done_toast);
  export->failed_heading = g_strdup (failed_heading);
  task = g_task_new (NULL, NULL, export_done, NULL);
  g_task_set_source_tag (task, par_export_in_background);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}
