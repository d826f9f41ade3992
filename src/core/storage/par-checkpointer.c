/* par-checkpointer.c: copies a file's write-ahead log into it on a thread
 * of its own
 *
 * A writer that stores hundreds of megabytes (a folder of scans) would
 * otherwise copy its log into the file itself after every commit: reading
 * and writing everything a second time before it could store the next
 * batch. This thread does that copy with a connection of its own while the
 * writer goes on. Its checkpoints are "passive": they never wait for, nor
 * block, the writer or any reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "par-checkpointer.h"
#include "par-database-private.h"

struct _ParCheckpointer
{
  char    *path;
  GThread *thread;
  GMutex   lock;
  GCond    wake;
  gboolean wanted;    /* a commit happened since the last checkpoint began */
  gboolean finishing;
};

static gpointer
checkpoint_thread (gpointer data)
{
  ParCheckpointer *self = data;
  sqlite3 *handle = NULL;

  /* If this fails, the writer's own last checkpoint does all the work. */
  if (sqlite3_open_v2 (self->path, &handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_clear_pointer (&handle, sqlite3_close);
  if (handle != NULL)
    {
      sqlite3_busy_timeout (handle, PAR_DATABASE_BUSY_TIMEOUT_MS);
      /* A connection finds the log only once it has read the file. */
      sqlite3_exec (handle, "PRAGMA journal_mode", NULL, NULL, NULL);
    }

  g_mutex_lock (&self->lock);
  for (;;)
    {
      while (!self->wanted && !self->finishing)
        g_cond_wait (&self->wake, &self->lock);
      if (!self->wanted)
        break;
      self->wanted = FALSE;
      g_mutex_unlock (&self->lock);
      if (handle != NULL)
        sqlite3_wal_checkpoint_v2 (handle, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      g_mutex_lock (&self->lock);
    }
  g_mutex_unlock (&self->lock);
  sqlite3_close (handle);
  return NULL;
}

/* Starts a thread that checkpoints the SQLite file at @path each time
 * par_checkpointer_request() asks, until par_checkpointer_finish(). */
ParCheckpointer *
par_checkpointer_new (const char *path)
{
  ParCheckpointer *self = g_new0 (ParCheckpointer, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->thread = g_thread_new ("par-checkpoint", checkpoint_thread, self);
  return self;
}

/* Asks for a checkpoint of what has been committed so far; requests made
 * while one runs are served by one more. */
void
par_checkpointer_request (ParCheckpointer *self)
{
  g_mutex_lock (&self->lock);
  self->wanted = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
}

/* Waits for a last checkpoint of everything committed, then frees @self. */
void
par_checkpointer_finish (ParCheckpointer *self)
{
  g_mutex_lock (&self->lock);
  self->wanted = TRUE;
  self->finishing = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);
  g_free (self->path);
  g_free (self);
}
