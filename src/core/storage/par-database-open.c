/* par-database-open.c: opening a PAR Desk file, and bringing an older one up to date
 *
 * A file that is not ours, or that a newer PAR Desk wrote, is looked at
 * without being written and refused. An older file is copied beside
 * itself before the migrations update it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "par-core-resources.h"
#include "par-database-internal.h"
#include "par-file-guard.h"

#define MIGRATIONS_PATH "/io/github/pardesk/ParDesk/core/migrations"

static void
register_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      par_core_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

/* Opens @path for reading without leaving anything behind: "immutable"
 * keeps SQLite from creating -wal and -shm files beside a file that may not
 * be ours. Only a file with a -wal of its own (open elsewhere, or after a
 * crash) is read through its log. */
int
par_sqlite_open_read_only (const char  *path,
                           sqlite3    **handle)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  int rc;

  if (!g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri != NULL)
        uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }
  rc = sqlite3_open_v2 (uri != NULL ? uri : path, handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  /* Another program may hold the file for a moment: wait, as every
   * connection does, rather than call it busy. */
  if (*handle != NULL)
    sqlite3_busy_timeout (*handle, PAR_DATABASE_BUSY_TIMEOUT_MS);
  return rc;
}

/* Looks at an existing file without writing to it, so that a file that is
 * not ours is left exactly as it was. */
gboolean
par_database_inspect_file (const char  *path,
                           int         *user_version,
                           gboolean    *empty,
                           GError     **error)
{
  sqlite3 *handle = NULL;
  int application_id = 0;
  int n_objects = 0;
  gboolean ok;
  int rc;

  rc = par_sqlite_open_read_only (path, &handle);
  ok = rc == SQLITE_OK
       && par_sqlite_query_int (handle, "PRAGMA application_id", &application_id, NULL)
       && par_sqlite_query_int (handle, "PRAGMA user_version", user_version, NULL)
       && par_sqlite_query_int (handle, "SELECT count(*) FROM sqlite_master", &n_objects, NULL);
  if (!ok)
    {
      int code = handle != NULL ? sqlite3_errcode (handle) : rc;

      if (code == SQLITE_NOTADB)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                     _("“%s” is not a PAR Desk file. It was left untouched."), path);
      else
        par_set_sqlite_error (handle, code, error);
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_close (handle);

  *empty = application_id == 0 && *user_version == 0 && n_objects == 0;
  if (application_id != PAR_APPLICATION_ID && !*empty)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is not a PAR Desk file (it is another program’s database). It was left "
                     "untouched."), path);
      return FALSE;
    }
  if (*user_version > PAR_SCHEMA_VERSION)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of PAR Desk (file version %d, this version "
                     "reads up to %d). Update PAR Desk to open it."),
                   path, *user_version, PAR_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
apply_migration (ParDatabase  *self,
                 int           version,
                 const char   *resource_name,
                 GError      **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, resource_name, NULL);
  g_autofree char *pragmas = NULL;
  g_autoptr(GBytes) sql = NULL;

  sql = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return FALSE;

  if (!par_database_begin (self, error))
    return FALSE;
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             PAR_APPLICATION_ID, version);
  if (!par_database_exec (self, g_bytes_get_data (sql, NULL), error)
      || !par_database_exec (self, pragmas, error)
      || !par_database_commit (self, error))
    {
      par_database_rollback (self);
      g_prefix_error (error, _("Updating the file to version %d failed: "), version);
      return FALSE;
    }
  self->schema_version = version;
  return TRUE;
}

static gboolean
migrate (ParDatabase  *self,
         GError      **error)
{
  g_auto(GStrv) names = NULL;
  gsize n;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_strings);

  for (gsize i = 0; i < n; i++)
    {
      int version = (int) g_ascii_strtoll (names[i], NULL, 10);

      if (version > self->schema_version && version <= PAR_SCHEMA_VERSION
          && !apply_migration (self, version, names[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (sqlite3  *handle,
                      GError  **error)
{
  int rc;

  sqlite3_busy_timeout (handle, PAR_DATABASE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (handle, 1);
  rc = sqlite3_exec (handle,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (handle, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether SQLite may write the file and, beside it, its -wal and -shm. */
static gboolean
can_write_beside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
}

/* A -wal or -shm left read-only by a program that read the file while it
 * was read-only (an earlier PAR Desk did) keeps SQLite from writing once
 * the file is writable again: they get the file's own mode back. */
static void
repair_companion_modes (const char *path)
{
  static const char *suffixes[] = { "-wal", "-shm" };
  GStatBuf file, companion;

  if (g_stat (path, &file) != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion_path = g_strconcat (path, suffixes[i], NULL);

      if (g_stat (companion_path, &companion) == 0 && g_access (companion_path, W_OK) != 0
          && companion.st_uid == getuid ())
        g_chmod (companion_path, file.st_mode & 0666);
    }
}

/* A file that cannot be written is read without anything written beside
 * it: no -shm that would outlive the reading, nothing needed of its folder. */
static gboolean
open_for_reading (ParDatabase  *self,
                  int           user_version,
                  gboolean      empty,
                  GError      **error)
{
  int rc;

  if (empty)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_IO,
                   _("“%s” is empty and read-only: it cannot become a PAR Desk file. Make it writable, or "
                     "choose a folder you may write to."),
                   self->path);
      return FALSE;
    }
  if (user_version < PAR_SCHEMA_VERSION)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NEEDS_UPDATE,
                   _("“%s” was made by an older PAR Desk and must be updated before it is read. Open it where "
                     "it can be written (make it writable, or copy it to a folder you may write to)."),
                   self->path);
      return FALSE;
    }
  rc = par_sqlite_open_read_only (self->path, &self->handle);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (self->handle, rc, error);
      return FALSE;
    }
  self->read_only = TRUE;
  sqlite3_extended_result_codes (self->handle, 1);
  return sqlite3_exec (self->handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) == SQLITE_OK
         || (par_database_set_error (self, error), FALSE);
}

/* Whether @path may be opened as @flags ask: it exists, or may be created
 * (it is, empty), and it is ours or empty. An existing file is only read. */
static gboolean
check_before_opening (const char            *path,
                      ParDatabaseOpenFlags   flags,
                      int                   *user_version,
                      gboolean              *empty,
                      GError               **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & PAR_DATABASE_OPEN_CREATE))
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                       _("The file “%s” does not exist."), path);
          return FALSE;
        }
      /* Only the user reads a new file, and SQLite gives its -wal and
       * -shm the same mode. */
      return par_file_create_private (path, error);
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is a folder, not a PAR Desk file."), path);
      return FALSE;
    }
  if (!par_database_inspect_file (path, user_version, empty, error))
    return FALSE;
  if (*empty && !(flags & PAR_DATABASE_OPEN_CREATE))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is empty, not a PAR Desk file. It was left untouched."), path);
      return FALSE;
    }
  return TRUE;
}

/* Opens a file that can be written, and brings it up to date: an older
 * one after a copy of it is written beside it. */
static gboolean
open_for_writing (ParDatabase  *self,
                  int           user_version,
                  gboolean      empty,
                  GError      **error)
{
  int rc;

  repair_companion_modes (self->path);
  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (self->handle, rc, error);
      return FALSE;
    }

  /* The backup comes first, before even the journal mode changes. */
  if (user_version < PAR_SCHEMA_VERSION && !empty)
    {
      self->backup_path = g_strdup_printf ("%s.v%d-backup", self->path, user_version);
      sqlite3_busy_timeout (self->handle, PAR_DATABASE_BUSY_TIMEOUT_MS);
      if (!par_sqlite_backup (self->handle, self->backup_path, NULL, error))
        {
          g_prefix_error (error, _("A backup could not be written before updating the file: "));
          return FALSE;
        }
    }

  /* SQLite's usual 4 KiB pages, chosen while the file is new. Bigger pages
   * (16 KiB until 0007) suited the PDF bytes a little better, but once the
   * schema outgrew page 1 most of that page was unused space, which no
   * check reads: damage there went unseen. With 4 KiB pages every page
   * past the first is one the check walks. */
  if (empty && sqlite3_exec (self->handle, "PRAGMA page_size = 4096", NULL, NULL, NULL) != SQLITE_OK)
    {
      par_database_set_error (self, error);
      return FALSE;
    }
  if (!configure_connection (self->handle, error))
    return FALSE;

  return migrate (self, error);
}

/**
 * par_database_open:
 * @path: the file
 * @flags: whether a missing file may be created
 * @error: return location for a #ParDatabaseError
 *
 * Opens a PAR Desk file. A file that is not ours, or that a newer PAR Desk
 * wrote, is refused and left untouched. An older file is brought up to
 * date, after a copy of it is written beside it (see
 * par_database_get_backup_path()).
 */
ParDatabase *
par_database_open (const char            *path,
                   ParDatabaseOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(ParDatabase) self = NULL;
  gboolean empty = TRUE;
  int user_version = 0;
  gboolean opened;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (!((flags & PAR_DATABASE_OPEN_CREATE) && (flags & PAR_DATABASE_OPEN_READ_ONLY)), NULL);

  register_resources ();

  if (!check_before_opening (path, flags, &user_version, &empty, error))
    return NULL;

  self = g_object_new (PAR_TYPE_DATABASE, "path", path, NULL);
  self->schema_version = user_version;

  if ((flags & PAR_DATABASE_OPEN_READ_ONLY) || !can_write_beside (path))
    opened = open_for_reading (self, user_version, empty, error);
  else
    opened = open_for_writing (self, user_version, empty, error);
  return opened ? g_steal_pointer (&self) : NULL;
}

typedef struct
{
  char                *path;
  ParDatabaseOpenFlags flags;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_free (open_data->path);
  g_free (open_data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  ParDatabase *db;

  db = par_database_open (data->path, data->flags, &error);
  if (db == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, db, g_object_unref);
}

/* Opens a file in a worker thread: updating an older file writes a backup
 * first, which can take a while. The connection is handed over to the
 * caller's thread and used only there afterwards. */
void
par_database_open_async (const char           *path,
                         ParDatabaseOpenFlags  flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, par_database_open_async);
  g_task_set_task_data (task, data, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

ParDatabase *
par_database_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
