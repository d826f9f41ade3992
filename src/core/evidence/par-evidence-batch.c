/* par-evidence-batch.c: many PDFs kept at once, committed in batches, in the caller's thread or a worker
 *
 * A thread of its own prepares the next files (par-evidence-add.c) while
 * the caller's stores them: reading and storing a folder of scans overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-database-private.h"
#include "par-evidence.h"
#include "par-evidence-private.h"
#include "par-pdf-reader.h"
#include "par-progress-relay.h"

/* A bulk import commits (and syncs) at most this often. */
#define BATCH_FILES 64
#define BATCH_BYTES ((gsize) 64 * 1024 * 1024)

void
par_add_result_free (ParAddResult *result)
{
  g_clear_error (&result->error);
  g_free (result);
}

/* How many files the reading thread may have ready ahead of the store. */
#define PREPARED_AHEAD 4

typedef struct
{
  GPtrArray    *paths;
  gint64        max_bytes;
  GHashTable   *kept_sha256;   /* bytes kept before the batch: not read again */
  GCancellable *cancellable;   /* the caller's */
  GCancellable *stop;          /* the store gave up */
  GAsyncQueue  *ready;         /* Item, in the order of paths */
  GAsyncQueue  *slots;         /* tokens: bounds what is prepared ahead */
  GThread      *thread;
} Preparing;

typedef struct
{
  ParPreparedFile *prepared;
  GError          *error;
} Item;

static void
item_free (Item *item)
{
  g_clear_pointer (&item->prepared, par_prepared_file_free);
  g_clear_error (&item->error);
  g_free (item);
}

static gpointer
prepare_files_thread (gpointer data)
{
  Preparing *state = data;
  /* one reader process for the whole batch */
  g_autoptr(ParPdfReader) reader = par_pdf_reader_new ();

  for (guint i = 0; i < state->paths->len; i++)
    {
      const char *path = g_ptr_array_index (state->paths, i);
      Item *item = g_new0 (Item, 1);

      g_async_queue_pop (state->slots);
      if (g_cancellable_is_cancelled (state->stop))
        {
          g_free (item);
          break;
        }
      if (!g_cancellable_set_error_if_cancelled (state->cancellable, &item->error))
        item->prepared = par_evidence_prepare_file (path, state->max_bytes, state->kept_sha256, reader,
                                                    &item->error);
      g_async_queue_push (state->ready, item);
    }
  return NULL;
}

/* Starts the thread that prepares the files of @state ahead of the store. */
static void
preparing_start (Preparing *state)
{
  state->ready = g_async_queue_new ();
  state->slots = g_async_queue_new ();
  for (guint i = 0; i < PREPARED_AHEAD; i++)
    g_async_queue_push (state->slots, GUINT_TO_POINTER (1));
  state->thread = g_thread_new ("par-evidence-read", prepare_files_thread, state);
}

/* Waits for the thread and drops what it has ready; after a failure, stops
 * it first (it may be waiting for a slot). */
static void
preparing_finish (Preparing *state,
                  gboolean   failed)
{
  if (failed)
    {
      g_cancellable_cancel (state->stop);
      g_async_queue_push (state->slots, GUINT_TO_POINTER (1));
    }
  g_thread_join (state->thread);
  while (g_async_queue_length (state->ready) > 0)
    item_free (g_async_queue_pop (state->ready));
  g_async_queue_unref (state->ready);
  g_async_queue_unref (state->slots);
}

static GHashTable *
kept_sha256 (ParDatabase  *db,
             GError      **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT sha256 FROM evidence_blob", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (kept, par_sqlite_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&kept);
}

/* Keeps many PDFs: each one whole or not at all, as with
 * par_evidence_add_file(), but committed in batches, so that a folder of
 * scans is stored at the speed of the disk rather than of its syncs, while
 * a second thread reads the next files and a third copies the batches
 * from the log into the file (see par_database_begin_bulk()). Returns one
 * ParAddResult per path (id 0 and an error for a file that was refused); a
 * cancel keeps what was done before it. */
GPtrArray *
par_evidence_add_files (ParDatabase          *db,
                        GPtrArray            *paths,
                        gint64                max_bytes,
                        ParProgressFunc       progress,
                        gpointer              user_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) par_add_result_free);
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autoptr(GHashTable) kept = NULL;
  Preparing state = { 0 };
  gsize batch_bytes = 0;
  guint batch_files = 0;
  gboolean open = FALSE;
  gboolean failed = FALSE;
  guint taken = 0;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  kept = kept_sha256 (db, error);
  if (kept == NULL)
    return NULL;
  state.paths = paths;
  state.max_bytes = max_bytes;
  state.kept_sha256 = kept;
  state.cancellable = cancellable;
  state.stop = stop;
  preparing_start (&state);
  par_database_begin_bulk (db);

  for (; taken < paths->len && !failed; taken++)
    {
      ParAddResult *result = g_new0 (ParAddResult, 1);
      Item *item = g_async_queue_pop (state.ready);

      g_async_queue_push (state.slots, GUINT_TO_POINTER (1));
      g_ptr_array_add (results, result);
      if (progress != NULL)
        progress (taken, paths->len, g_ptr_array_index (paths, taken), user_data);
      if (item->error != NULL || g_cancellable_set_error_if_cancelled (cancellable, &item->error))
        {
          result->error = g_steal_pointer (&item->error);
        }
      else
        {
          if (!open && !(open = par_database_begin (db, error)))
            failed = TRUE;
          else
            result->id = par_evidence_store_prepared (db, item->prepared, TRUE, &result->reused, &batch_bytes,
                                                      cancellable, &result->error);
          if (open && (++batch_files >= BATCH_FILES || batch_bytes >= BATCH_BYTES))
            {
              open = FALSE;
              batch_files = 0;
              batch_bytes = 0;
              failed = !par_database_commit (db, error);
            }
        }
      item_free (item);
    }
  preparing_finish (&state, failed);

  if (!failed && open)
    failed = !par_database_commit (db, error);
  par_database_end_bulk (db);
  if (failed)
    return NULL;
  par_database_emit_changed (db, PAR_CHANGE_DOCUMENTS);
  return g_steal_pointer (&results);
}

/* In a worker ------------------------------------------------------------- */

typedef struct
{
  char             *db_path;
  GPtrArray        *paths;
  gint64            max_bytes;
  ParProgressRelay  relay;
} AddFilesJob;

static void
add_files_job_free (gpointer data)
{
  AddFilesJob *job = data;

  g_free (job->db_path);
  g_ptr_array_unref (job->paths);
  par_progress_relay_clear (&job->relay);
  g_free (job);
}

static void
add_files_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AddFilesJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParDatabase) db = par_database_open (job->db_path, PAR_DATABASE_OPEN_EXISTING, &error);
  GPtrArray *results = NULL;

  /* A worker uses its own connection. */
  if (db != NULL)
    results = par_evidence_add_files (db, job->paths, job->max_bytes,
                                      job->relay.progress != NULL ? par_progress_relay_forward : NULL,
                                      &job->relay, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* par_evidence_add_files() in a worker, on the file at @db_path; @progress
 * is called in the caller's thread. The caller's own connection does not
 * see "changed" for these documents: it should emit it when done. */
void
par_evidence_add_files_async (const char          *db_path,
                              GPtrArray           *paths,
                              gint64               max_bytes,
                              ParProgressFunc      progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AddFilesJob *job = g_new0 (AddFilesJob, 1);

  job->db_path = g_strdup (db_path);
  job->paths = g_ptr_array_ref (paths);
  job->max_bytes = max_bytes;
  par_progress_relay_init (&job->relay, progress, progress_data);
  g_task_set_source_tag (task, par_evidence_add_files_async);
  g_task_set_task_data (task, job, add_files_job_free);
  g_task_run_in_thread (task, add_files_thread);
}

/* One ParAddResult per path. */
GPtrArray *
par_evidence_add_files_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
