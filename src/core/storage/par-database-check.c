/* par-database-check.c: checking a PAR Desk file whole, and writing copies of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-database-internal.h"
#include "par-file-guard.h"

/* An error while SQLite reads the whole file to check it: damage (garbage
 * pages make it report blobs too big, rows out of order…), unless the
 * file could not be read at all, was busy, or memory ran out. */
static void
set_check_error (sqlite3  *handle,
                 GError  **error)
{
  int code = sqlite3_extended_errcode (handle);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
    case SQLITE_INTERRUPT:
      par_set_sqlite_error (handle, code, error);
      break;
    default:
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED,
                   _("The file is damaged (%s). Open a backup copy instead."), sqlite3_errmsg (handle));
      break;
    }
}

static gboolean
check_connection (sqlite3  *handle,
                  int       schema_version,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0 && problems->len < 400)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    {
      set_check_error (handle, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (problems->len < 400)
      g_string_append_printf (problems, "%s%s: %s %lld → %s",
                              problems->len ? "; " : "",
                              _("broken reference"),
                              sqlite3_column_text (stmt, 0),
                              (long long) sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_text (stmt, 2));
  if (rc != SQLITE_DONE)
    {
      set_check_error (handle, error);
      return FALSE;
    }

  /* Units whose parents form a loop are unreachable from the top. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (schema_version >= 1
      && sqlite3_prepare_v2 (handle,
                             "WITH RECURSIVE reach (id) AS (SELECT id FROM org_unit WHERE parent_id IS NULL"
                             " UNION SELECT c.id FROM org_unit c JOIN reach ON c.parent_id = reach.id)"
                             " SELECT count(*) FROM org_unit WHERE id NOT IN reach",
                             -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    g_string_append_printf (problems, "%s%s", problems->len ? "; " : "",
                            _("some units are each other’s parents"));

  if (problems->len > 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED,
                   _("The file is damaged: %s. Open a backup copy instead."), problems->str);
      return FALSE;
    }
  return TRUE;
}

/* Runs SQLite's integrity and foreign key checks over the whole file. */
gboolean
par_database_check (ParDatabase  *self,
                    GError      **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  return check_connection (self->handle, self->schema_version, error);
}

/* Checks a file without changing it (an older file is not updated): it
 * must be ours, readable and whole. */
gboolean
par_database_check_file (const char  *path,
                         GError     **error)
{
  sqlite3 *handle = NULL;
  gboolean empty = FALSE;
  int user_version = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist."), path);
      return FALSE;
    }
  if (!par_database_inspect_file (path, &user_version, &empty, error))
    return FALSE;
  if (empty)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is empty, not a PAR Desk file. It was left untouched."), path);
      return FALSE;
    }

  rc = par_sqlite_open_read_only (path, &handle);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (handle, rc, error);
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_extended_result_codes (handle, 1);
  ok = check_connection (handle, user_version, error);
  sqlite3_close (handle);
  return ok;
}

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ParDatabase *self = source_object;
  const char *dest_path = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *source = NULL;
  int rc;

  g_autofree char *partial_path = g_strconcat (dest_path, ".part", NULL);

  /* A worker uses its own connection. The copy is written beside the
   * destination and renamed into place, so a failed or cancelled copy
   * never leaves half a file under the chosen name. */
  rc = sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    par_set_sqlite_error (source, rc, &error);
  else
    {
      sqlite3_busy_timeout (source, PAR_DATABASE_BUSY_TIMEOUT_MS);
      g_unlink (partial_path);
      if (!par_file_create_private (partial_path, &error)
          || !par_sqlite_backup (source, partial_path, cancellable, &error)
          || !par_file_commit (partial_path, dest_path, &error))
        g_unlink (partial_path);
    }
  sqlite3_close (source);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes a consistent copy of the file with SQLite's online backup, in a
 * worker thread. An existing file at @dest_path is replaced. */
void
par_database_save_copy_async (ParDatabase         *self,
                              const char          *dest_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (PAR_IS_DATABASE (self));
  g_return_if_fail (dest_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, par_database_save_copy_async);
  g_task_set_task_data (task, g_strdup (dest_path), g_free);
  if (!par_database_refuse_output (self, dest_path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, save_copy_thread);
}

gboolean
par_database_save_copy_finish (ParDatabase   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
par_database_save_copy (ParDatabase   *self,
                        const char    *dest_path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  if (!par_database_refuse_output (self, dest_path, error) || !par_file_create_private (dest_path, error))
    return FALSE;
  return par_sqlite_backup (self->handle, dest_path, cancellable, error);
}

/* FALSE, with an error that says so, when @dest_path is this file or its
 * -wal or -shm (by name, or as a link to it): for everything that writes
 * a file the user named. */
gboolean
par_database_refuse_output (ParDatabase  *self,
                            const char   *dest_path,
                            GError      **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  return par_file_refuse_open_file (dest_path, self->path, error);
}
