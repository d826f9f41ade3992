/* par-database.c: one open PAR Desk file (an SQLite database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "par-checkpointer.h"
#include "par-core-resources.h"
#include "par-database-private.h"
#include "par-file-guard.h"

#define MIGRATIONS_PATH "/io/github/pardesk/ParDesk/core/migrations"
/* SQLite's own: a checkpoint once the log holds this many pages. */
#define CHECKPOINT_PAGES 1000

struct _ParDatabase
{
  GObject  parent_instance;

  sqlite3 *handle;
  char    *path;
  char    *backup_path;
  int      schema_version;

  ParCheckpointer *checkpointer;   /* in bulk, or for checkpoints_in_background */
  gboolean         in_bulk;
  gboolean         checkpoints_in_background;
  gboolean         read_only;       /* the file, or its folder, cannot be written */
  guint            patience_ms;     /* the busy timeout of this connection */
};

G_DEFINE_ENUM_TYPE (ParChange, par_change,
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_UNITS, "units"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_STAFF, "staff"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_CRITERIA, "criteria"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_SCORES, "scores"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_DOCUMENTS, "documents"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_LINKS, "links"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_PLANS, "plans"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_INSPECTIONS, "inspections"))

G_DEFINE_TYPE (ParDatabase, par_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (par-database-error-quark, par_database_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

static gboolean
query_int (sqlite3     *handle,
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

/* Opens @path for reading without leaving anything behind: "immutable"
 * keeps SQLite from creating -wal and -shm files beside a file that may not
 * be ours. Only a file with a -wal of its own (open elsewhere, or after a
 * crash) is read through its log. */
static int
open_read_only (const char  *path,
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
static gboolean
inspect_file (const char  *path,
              int         *user_version,
              gboolean    *empty,
              GError     **error)
{
  sqlite3 *handle = NULL;
  int application_id = 0;
  int n_objects = 0;
  gboolean ok;
  int rc;

  rc = open_read_only (path, &handle);
  ok = rc == SQLITE_OK
       && query_int (handle, "PRAGMA application_id", &application_id, NULL)
       && query_int (handle, "PRAGMA user_version", user_version, NULL)
       && query_int (handle, "SELECT count(*) FROM sqlite_master", &n_objects, NULL);
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

static gboolean
backup_connection (sqlite3       *source,
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
  rc = open_read_only (self->path, &self->handle);
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
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (!((flags & PAR_DATABASE_OPEN_CREATE) && (flags & PAR_DATABASE_OPEN_READ_ONLY)), NULL);

  register_resources ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & PAR_DATABASE_OPEN_CREATE))
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                       _("The file “%s” does not exist."), path);
          return NULL;
        }
      /* Only the user reads a new file, and SQLite gives its -wal and
       * -shm the same mode. */
      if (!par_file_create_private (path, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is a folder, not a PAR Desk file."), path);
      return NULL;
    }
  else if (!inspect_file (path, &user_version, &empty, error))
    return NULL;
  else if (empty && !(flags & PAR_DATABASE_OPEN_CREATE))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is empty, not a PAR Desk file. It was left untouched."), path);
      return NULL;
    }

  self = g_object_new (PAR_TYPE_DATABASE, "path", path, NULL);
  self->schema_version = user_version;

  if ((flags & PAR_DATABASE_OPEN_READ_ONLY) || !can_write_beside (path))
    return open_for_reading (self, user_version, empty, error) ? g_steal_pointer (&self) : NULL;
  repair_companion_modes (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (self->handle, rc, error);
      return NULL;
    }

  /* The backup comes first, before even the journal mode changes. */
  if (user_version < PAR_SCHEMA_VERSION && !empty)
    {
      self->backup_path = g_strdup_printf ("%s.v%d-backup", path, user_version);
      sqlite3_busy_timeout (self->handle, PAR_DATABASE_BUSY_TIMEOUT_MS);
      if (!backup_connection (self->handle, self->backup_path, NULL, error))
        {
          g_prefix_error (error, _("A backup could not be written before updating the file: "));
          return NULL;
        }
    }

  /* Big pages suit a file that is mostly PDF bytes; only a new file can
   * still choose them. */
  if (empty && sqlite3_exec (self->handle, "PRAGMA page_size = 16384", NULL, NULL, NULL) != SQLITE_OK)
    {
      par_database_set_error (self, error);
      return NULL;
    }
  if (!configure_connection (self->handle, error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
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

/* TRUE when the file, or its folder, cannot be written: it is read, and
 * every change is refused. */
gboolean
par_database_is_read_only (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  return self->read_only;
}

const char *
par_database_get_path (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), NULL);
  return self->path;
}

/* The copy written before an older file was updated, or %NULL. */
const char *
par_database_get_backup_path (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), NULL);
  return self->backup_path;
}

int
par_database_get_schema_version (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), 0);
  return self->schema_version;
}

/* TRUE when the file holds no user data yet (nothing in the directory,
 * criteria, evidence, plans or inspections). */
gboolean
par_database_is_empty (ParDatabase *self)
{
  int count = 1;

  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  query_int (self->handle,
             "SELECT (SELECT count(*) FROM org_unit) + (SELECT count(*) FROM criteria_set)"
             " + (SELECT count(*) FROM evidence_document) + (SELECT count(*) FROM plan)"
             " + (SELECT count(*) FROM inspection)",
             &count, NULL);
  return count == 0;
}

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
  if (!inspect_file (path, &user_version, &empty, error))
    return FALSE;
  if (empty)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS,
                   _("“%s” is empty, not a PAR Desk file. It was left untouched."), path);
      return FALSE;
    }

  rc = open_read_only (path, &handle);
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

void
par_database_emit_changed (ParDatabase *self,
                           ParChange    what)
{
  g_autoptr(GEnumClass) changes = g_type_class_ref (PAR_TYPE_CHANGE);
  GEnumValue *value = g_enum_get_value (changes, what);

  g_return_if_fail (PAR_IS_DATABASE (self));
  g_return_if_fail (value != NULL);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (value->value_nick), what);
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
          || !backup_connection (source, partial_path, cancellable, &error)
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
  return backup_connection (self->handle, dest_path, cancellable, error);
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

/* $XDG_DATA_HOME/par-desk/par-desk.pardesk */
char *
par_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "par-desk", "par-desk.pardesk", NULL);
}

static void
par_database_finalize (GObject *object)
{
  ParDatabase *self = PAR_DATABASE (object);

  g_clear_pointer (&self->checkpointer, par_checkpointer_finish);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (par_database_parent_class)->finalize (object);
}

static void
par_database_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ParDatabase *self = PAR_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_database_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ParDatabase *self = PAR_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_database_class_init (ParDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_database_finalize;
  object_class->get_property = par_database_get_property;
  object_class->set_property = par_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParDatabase::changed:
   * @what: what changed, a #ParChange; its nick ("units", "scores"…) is
   *   the signal's detail
   *
   * Emitted after a committed change, so that views can refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PAR_TYPE_CHANGE);
}

static void
par_database_init (ParDatabase *self)
{
  self->patience_ms = PAR_DATABASE_BUSY_TIMEOUT_MS;
}
