/* par-file-check.c: checking a whole file, every kept document's bytes included
 *
 * Read only: checking never updates or repairs anything. First SQLite's
 * own checks over the database, then each kept document against the
 * SHA-256 it was added with; a damaged document does not stop the check,
 * so the intact ones can be saved elsewhere (par_evidence_export_intact).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-database-private.h"
#include "par-file-check.h"
#include "par-file-guard.h"
#include "par-progress-relay.h"

void
par_file_check_free (ParFileCheck *check)
{
  if (check == NULL)
    return;
  g_array_unref (check->damaged);
  g_ptr_array_unref (check->damaged_names);
  g_free (check);
}

static guint
count_documents (ParDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT count(*) FROM evidence_document", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}

static ParFileCheck *
file_check_new (void)
{
  ParFileCheck *check = g_new0 (ParFileCheck, 1);

  check->damaged = g_array_new (FALSE, FALSE, sizeof (gint64));
  check->damaged_names = g_ptr_array_new_with_free_func (g_free);
  return check;
}

/**
 * par_file_check:
 * @path: a PAR Desk file
 * @quick: check the database only, not the documents' bytes
 * @progress: (nullable): called after each document read
 * @progress_data: for @progress
 * @cancellable: (nullable): stops between documents
 * @error: return location for a #GError
 *
 * Returns what was found (the damaged documents, if any), or %NULL with
 * @error if the database itself is damaged, not ours, or unreadable.
 */
ParFileCheck *
par_file_check (const char           *path,
                gboolean              quick,
                ParProgressFunc       progress,
                gpointer              progress_data,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(ParFileCheck) check = file_check_new ();
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GArray) damaged = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!par_database_check_file (path, error))
    return NULL;
  if (quick)
    return g_steal_pointer (&check);
  db = par_database_open (path, PAR_DATABASE_OPEN_READ_ONLY, &open_error);
  if (db == NULL)
    {
      /* A file older than its documents has none to read. */
      if (g_error_matches (open_error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NEEDS_UPDATE))
        return g_steal_pointer (&check);
      g_propagate_error (error, g_steal_pointer (&open_error));
      return NULL;
    }
  damaged = par_evidence_verify_all (db, progress, progress_data, cancellable, error);
  if (damaged == NULL)
    return NULL;
  check->n_documents = count_documents (db);
  for (guint i = 0; i < damaged->len; i++)
    {
      gint64 id = g_array_index (damaged, gint64, i);
      g_autoptr(ParEvidenceDocument) document = par_evidence_get (db, id, NULL);

      g_array_append_val (check->damaged, id);
      g_ptr_array_add (check->damaged_names,
                       g_strdup (document != NULL ? par_evidence_document_get_fields (document)->filename : ""));
    }
  return g_steal_pointer (&check);
}

typedef struct
{
  char             *path;
  ParProgressRelay  relay;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_free (job->path);
  par_progress_relay_clear (&job->relay);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  GError *error = NULL;
  ParFileCheck *check;

  check = par_file_check (job->path, FALSE, job->relay.progress != NULL ? par_progress_relay_forward : NULL,
                          &job->relay, cancellable, &error);
  if (check == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, check, (GDestroyNotify) par_file_check_free);
}

/* par_file_check() in a worker, with its own connection; @progress is
 * called in the caller's thread. */
void
par_file_check_async (const char           *path,
                      ParProgressFunc       progress,
                      gpointer              progress_data,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CheckJob *job = g_new0 (CheckJob, 1);

  job->path = g_strdup (path);
  par_progress_relay_init (&job->relay, progress, progress_data);
  g_task_set_source_tag (task, par_file_check_async);
  g_task_set_task_data (task, job, check_job_free);
  g_task_run_in_thread (task, check_thread);
}

ParFileCheck *
par_file_check_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char   *db_path;
  char   *folder;
  GArray *damaged;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_free (job->folder);
  g_array_unref (job->damaged);
  g_free (job);
}

static gboolean
is_damaged (GArray *damaged,
            gint64  id)
{
  for (guint i = 0; i < damaged->len; i++)
    if (g_array_index (damaged, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* "name.pdf", else "name (2).pdf", "name (3).pdf"… that does not exist yet. */
static char *
free_path_in (const char *folder,
              const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".pdf"));
  char *path = g_build_filename (folder, name, NULL);

  for (int n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s (%d).pdf", stem, n);

      g_free (path);
      path = g_build_filename (folder, numbered, NULL);
    }
  return path;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(ParDatabase) db = par_database_open (job->db_path, PAR_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) documents = NULL;
  guint exported = 0;

  if (db != NULL)
    documents = par_evidence_list (db, &error);
  for (guint i = 0; documents != NULL && i < documents->len && error == NULL; i++)
    {
      ParEvidenceDocument *document = g_ptr_array_index (documents, i);
      ParEvidenceFields *fields = par_evidence_document_get_fields (document);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error) || is_damaged (job->damaged, fields->id))
        continue;
      /* Names come from the file: made safe, never overwriting. */
      name = par_file_safe_name (fields->filename, _("document.pdf"), ".pdf");
      path = free_path_in (job->folder, name);
      if (par_evidence_export (db, fields->id, path, &error))
        exported++;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, exported);
}

/* Saves every kept document but those in @damaged into @folder, in a
 * worker, under their own names made safe; returns how many. */
void
par_evidence_export_intact_async (const char          *db_path,
                                  const char          *folder,
                                  GArray              *damaged,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (db_path);
  job->folder = g_strdup (folder);
  job->damaged = g_array_ref (damaged);
  g_task_set_source_tag (task, par_evidence_export_intact_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

guint
par_evidence_export_intact_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  return (guint) g_task_propagate_int (G_TASK (result), error);
}
