/* par-database-sql.c: statements, transactions and checkpoints of a ParDatabase
 *
 * What the core's modules use to read and write the file (see
 * par-database-private.h): statements and the words for their errors,
 * transactions, bulk writing with checkpoints on a thread of their own, and
 * how long a statement waits for another program's lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-database-internal.h"

/* SQLite's own: a checkpoint once the log holds this many pages. */
#define CHECKPOINT_PAGES 1000

void
par_set_sqlite_error (sqlite3  *handle,
                      int       rc,
                      GError  **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_IO,
                   _("The disk is full. Free some space and try again; nothing was changed."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_IO,
                   _("The file cannot be written (%s). Check that it is not read-only and that "
                     "you may write to its folder."), detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_IO,
                   _("Reading or writing the file failed (%s). Check the disk; nothing was changed."),
                   detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_BUSY,
                   _("The file is in use by another program. Close it there and try again."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED,
                   _("The file is damaged (%s). Open a backup copy instead."), detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("This is not a PAR Desk file."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("The change breaks a rule of the data (%s)."), detail);
      break;
    default:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
}

void
par_database_set_error (ParDatabase  *self,
                        GError      **error)
{
  par_set_sqlite_error (self->handle, sqlite3_extended_errcode (self->handle), error);
}

sqlite3 *
par_database_get_handle (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), NULL);
  return self->handle;
}

sqlite3_stmt *
par_database_prepare (ParDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      par_database_set_error (self, error);
      return NULL;
    }
  return stmt;
}

gboolean
par_database_exec (ParDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      par_database_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
par_database_begin (ParDatabase  *self,
                    GError      **error)
{
  return par_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
par_database_commit (ParDatabase  *self,
                     GError      **error)
{
  if (!par_database_exec (self, "COMMIT", error))
    {
      par_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Called by SQLite after each commit (a statement's own, too) with the

 * pages in the log; replaces its automatic checkpoint, at its threshold. */
static int
log_committed (void       *data,
               sqlite3    *handle,
               const char *name,
               int         n_pages)
{
  ParDatabase *self = data;

  if (n_pages >= CHECKPOINT_PAGES && self->checkpointer != NULL)
    par_checkpointer_request (self->checkpointer);
  return SQLITE_OK;
}

/* Commits leave copying the log into the file to the checkpointer's thread. */
static void
start_checkpointer (ParDatabase *self)
{
  if (self->checkpointer != NULL || self->read_only)
    return;
  self->checkpointer = par_checkpointer_new (self->path);
  sqlite3_wal_hook (self->handle, log_committed, self);
}

/* From now on, a commit never copies the log into the file itself: a
 * thread of its own does, after each commit. For the connection the user
 * interface writes through, whose commits would otherwise now and then
 * copy megabytes (all a batch of scans left in the log) in the UI thread. */
void
par_database_checkpoint_in_background (ParDatabase *self)
{
  g_return_if_fail (PAR_IS_DATABASE (self));

  self->checkpoints_in_background = TRUE;
  start_checkpointer (self);
}

/* Many large transactions follow (a folder of scans). Until
 * par_database_end_bulk(), a commit does not wait for the disk, and the
 * log is copied into the file on a thread of its own while the next
 * transaction is written, instead of by the commit itself: the bytes are
 * then written about at the speed of the disk. A power cut meanwhile can
 * lose the last commits, never the file's consistency. */
void
par_database_begin_bulk (ParDatabase *self)
{
  g_return_if_fail (PAR_IS_DATABASE (self));
  g_return_if_fail (!self->in_bulk);

  self->in_bulk = TRUE;
  sqlite3_exec (self->handle, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  start_checkpointer (self);
}

/* Ends what par_database_begin_bulk() began: every commit is then on the
 * disk, and the log, which has grown to the size of all that was written,
 * is emptied unless another connection is reading it. */
void
par_database_end_bulk (ParDatabase *self)
{
  sqlite3_file *wal = NULL;

  g_return_if_fail (PAR_IS_DATABASE (self));
  g_return_if_fail (self->in_bulk);

  self->in_bulk = FALSE;
  if (!self->checkpoints_in_background)
    {
      sqlite3_wal_autocheckpoint (self->handle, CHECKPOINT_PAGES);
      g_clear_pointer (&self->checkpointer, par_checkpointer_finish);
    }
  sqlite3_exec (self->handle, "PRAGMA synchronous = FULL", NULL, NULL, NULL);

  /* A checkpoint syncs only what it could copy, and a reader elsewhere
   * (the viewer's open document) can hold it back: one sync of the log
   * makes all the bulk's commits durable. */
  if (sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK
      && wal != NULL && wal->pMethods != NULL)
    wal->pMethods->xSync (wal, SQLITE_SYNC_NORMAL);

  /* Empties the log; with a reader in it, a later checkpoint will, and
   * nothing waits here for the reader to finish. */
  sqlite3_busy_timeout (self->handle, 0);
  sqlite3_wal_checkpoint_v2 (self->handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_busy_timeout (self->handle, (int) self->patience_ms);
}

void
par_database_rollback (ParDatabase *self)
{
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

/* Steps a statement that returns no rows. */
gboolean
par_database_step_done (ParDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      par_database_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
par_sqlite_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

char *
par_sqlite_column_dup (sqlite3_stmt *stmt,
                       int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

gboolean
par_database_audit (ParDatabase  *self,
                    const char   *entity,
                    gint64        entity_id,
                    const char   *field,
                    const char   *old_value,
                    const char   *new_value,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (self,
                               "INSERT INTO audit_log (actor, entity, entity_id, field, old_value, new_value) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  par_sqlite_bind_text (stmt, 1, g_get_user_name ());
  par_sqlite_bind_text (stmt, 2, entity);
  sqlite3_bind_int64 (stmt, 3, entity_id);
  par_sqlite_bind_text (stmt, 4, field);
  if (old_value != NULL)
    par_sqlite_bind_text (stmt, 5, old_value);
  if (new_value != NULL)
    par_sqlite_bind_text (stmt, 6, new_value);
  return par_database_step_done (self, stmt, error);
}

/* The integer the first row of @sql holds. */
gboolean
par_sqlite_query_int (sqlite3     *handle,
                      const char  *sql,
                      int         *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      par_set_sqlite_error (handle, sqlite3_extended_errcode (handle), error);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* How long a statement waits for another program that holds the file
 * before it fails with PAR_DATABASE_ERROR_BUSY (5 s unless set): the
 * window's connection waits briefly and keeps the edit for later. */
void
par_database_set_patience (ParDatabase *self,
                           guint        milliseconds)
{
  g_return_if_fail (PAR_IS_DATABASE (self));
  self->patience_ms = MIN (milliseconds, G_MAXINT);
  sqlite3_busy_timeout (self->handle, (int) self->patience_ms);
}

/* Copies the file of @source to @dest_path with SQLite's online backup;
 * nothing is left at @dest_path if it fails or is cancelled. */
gboolean
par_sqlite_backup (sqlite3       *source,
                   const char    *dest_path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (dest, rc, error);
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      par_set_sqlite_error (dest, sqlite3_errcode (dest), error);
      sqlite3_close (dest);
      return FALSE;
    }

  /* In steps, so that a large file can be cancelled. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
         && !g_cancellable_is_cancelled (cancellable));
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    rc = SQLITE_ABORT;
  else if (rc != SQLITE_DONE)
    par_set_sqlite_error (dest, rc, error);
  sqlite3_close (dest);

  if (rc != SQLITE_DONE)
    {
      g_unlink (dest_path);
      return FALSE;
    }
  return TRUE;
}
