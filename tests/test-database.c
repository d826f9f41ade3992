/* test-database.c: the file format: schema, refusal of other files, migration, checks, copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "par-core.h"
#include "par-database-private.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static int
pragma_int (ParDatabase *db,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  static const char *tables[] = {
    "org_unit", "staff", "criteria_set", "criteria_node", "criteria_option", "assessment", "score",
    "evidence_blob", "evidence_document", "evidence_signature", "evidence_page", "evidence_fts",
    "evidence_link", "plan", "task", "task_unit", "progress_entry", "quarterly_report", "inspection",
    "inspection_member", "finding", "recommendation", "audit_log", "task_item", "holiday_edit", "inspection_item",
  };
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (pragma_int (db, "PRAGMA application_id"), ==, PAR_APPLICATION_ID);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, PAR_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_null (par_database_get_backup_path (db));
  g_assert_true (par_database_is_empty (db));

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT count(*) FROM sqlite_master WHERE name = ?", NULL);

      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    }
  /* Foreign keys throughout. */
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%REFERENCES%'"), >=, 15);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);

  /* Opening again changes nothing. */
  db = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_null (par_database_get_backup_path (db));
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = par_database_open (path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, PAR_DATABASE_ERROR, code);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, path));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_assert_false (par_database_check_file (path, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, code);
}

static void
test_foreign_bytes (Fixture       *f,
                    gconstpointer  data)
{
  guint8 junk[4096];

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = g_random_int_range (0, 256);
  g_assert_true (g_file_set_contents (f->path, (const char *) junk, sizeof junk, NULL));
  assert_refused_untouched (f->path, PAR_DATABASE_ERROR_NOT_OURS);
}

static void
test_foreign_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  test_sqlite_exec (f->path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused_untouched (f->path, PAR_DATABASE_ERROR_NOT_OURS);
}

static void
test_newer_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);

  g_assert_nonnull (db);
  g_clear_object (&db);
  test_sqlite_exec (f->path, "PRAGMA user_version = 99");
  assert_refused_untouched (f->path, PAR_DATABASE_ERROR_TOO_NEW);
}

static void
test_folder_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = par_database_open (f->dir, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS);
  g_assert_null (db);
}

static void
test_migrate_v0 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sql = test_read_fixture ("pardesk-v0.sql");
  g_autofree char *before = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  const char *backup;

  test_sqlite_exec (f->path, sql);
  before = test_file_checksum (f->path);

  db = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);

  /* A copy of the old file was written beside it, before anything changed. */
  backup = par_database_get_backup_path (db);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, f->path));
  g_assert_cmpint (test_sqlite_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (test_sqlite_int (backup, "SELECT count(*) FROM units"), ==, 3);

  /* The prototype's units were carried over with their hierarchy. */
  units = par_directory_list_all_units (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 3);
  g_assert_cmpstr (par_unit_get_code (g_ptr_array_index (units, 0)), ==, "SNV");
  g_assert_cmpstr (par_unit_get_code (g_ptr_array_index (units, 1)), ==, "SNV-CCHC");
  g_assert_cmpint (par_unit_get_parent_id (g_ptr_array_index (units, 1)), ==,
                   par_unit_get_id (g_ptr_array_index (units, 0)));
  g_assert_cmpstr (par_unit_get_name (g_ptr_array_index (units, 1)), ==, "Phòng Cải cách hành chính");
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'units'"), ==, 0);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
}

static void
test_check_leaves_file_alone (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *sql = test_read_fixture ("pardesk-v0.sql");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v0-backup", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  test_sqlite_exec (f->path, sql);
  before = test_file_checksum (f->path);
  g_assert_true (par_database_check_file (f->path, &error));
  g_assert_no_error (error);
  after = test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_migrate_v0_loop (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;

  /* The prototype let two units be each other's parent. */
  test_sqlite_exec (f->path, "PRAGMA application_id = 1346458180;"
                             "CREATE TABLE units (code TEXT PRIMARY KEY, name TEXT NOT NULL, parent TEXT);"
                             "INSERT INTO units VALUES ('A', 'Unit A', 'B'), ('B', 'Unit B', 'A'), ('C', 'Unit C', 'A');");
  db = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  units = par_directory_list_all_units (db, &error);
  g_assert_cmpuint (units->len, ==, 3);
  /* A and B went to the top; C stays under A. */
  g_assert_cmpstr (par_unit_get_code (g_ptr_array_index (units, 1)), ==, "C");
  g_assert_cmpint (par_unit_get_parent_id (g_ptr_array_index (units, 1)), ==,
                   par_unit_get_id (g_ptr_array_index (units, 0)));
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);

  /* A loop made behind our back is reported by the check. */
  test_sqlite_exec (f->path, "UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = 'C') WHERE code = 'A'");
  g_assert_false (par_database_check (db, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED);
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  db = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_OURS);
  g_assert_null (db);
  g_clear_error (&error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  /* Creating a file may start from an empty one (a file dialog makes those). */
  db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
}

static void
test_damaged_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length, page_size;

  g_assert_nonnull (db);
  par_demo_fill (db, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Overwrite pages 2 and 3 with garbage, as a failing disk would: the
   * page size is in the header (bytes 16–17, big-endian), and page 1,
   * the schema's, may be a mostly empty interior page. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  page_size = ((gsize) (guchar) contents[16] << 8) | (guchar) contents[17];
  g_assert_cmpuint (page_size, >=, 512);
  g_assert_cmpuint (length, >, 3 * page_size);
  for (gsize i = page_size; i < 3 * page_size; i++)
    contents[i] = (char) g_random_int_range (0, 256);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  g_assert_false (par_database_check_file (f->path, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED);
}

static void
copy_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  par_database_save_copy_finish (PAR_DATABASE (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.pardesk", NULL);
  g_autoptr(ParDatabase) copy = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  par_demo_fill (db, &error);
  g_assert_no_error (error);

  g_object_set_data (G_OBJECT (db), "done", &done);
  par_database_save_copy_async (db, copy_path, NULL, copy_done, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));

  copy = par_database_open (copy_path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  units = par_directory_list_all_units (copy, &error);
  g_assert_cmpuint (units->len, ==, test_sqlite_int (f->path, "SELECT count(*) FROM org_unit"));
  g_assert_cmpuint (units->len, >, 10);

  /* A copy may not replace the file it is made from. */
  g_assert_false (par_database_save_copy (db, f->path, NULL, &error));
  g_assert_error (error, PAR_FILE_GUARD_ERROR, PAR_FILE_GUARD_ERROR_OPEN_FILE);
}

static void
test_cancelled_copy (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.pardesk", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (par_database_save_copy (db, copy_path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
}

/* Bulk writes (a folder of scans): meanwhile commits do not wait for the
 * disk and the log is copied into the file on a thread of its own; at the
 * end everything is in the file itself, the log is empty and the
 * connection is as before. */
static void
test_bulk_writes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (par_database_exec (db, "CREATE TABLE bulk (data BLOB)", &error));
  par_database_begin_bulk (db);
  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 1); /* NORMAL */
  g_assert_cmpint (pragma_int (db, "PRAGMA wal_autocheckpoint"), ==, 0);
  for (int batch = 0; batch < 8; batch++)
    {
      g_assert_true (par_database_begin (db, &error));
      for (int row = 0; row < 4; row++)
        g_assert_true (par_database_exec (db, "INSERT INTO bulk VALUES (randomblob(1000000))", &error));
      g_assert_true (par_database_commit (db, &error));
    }
  par_database_end_bulk (db);

  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (pragma_int (db, "PRAGMA wal_autocheckpoint"), ==, 1000);
  g_assert_cmpint (g_stat (wal_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 32 * 1000000);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM bulk"), ==, 32);

  /* Another bulk on the same connection works as the first. */
  par_database_begin_bulk (db);
  g_assert_true (par_database_exec (db, "DELETE FROM bulk", &error));
  par_database_end_bulk (db);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM bulk"), ==, 0);
  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 2);

  /* A reader elsewhere (the viewer's open document) holds the log: the
   * end does not wait for it (the busy timeout is 5 s), and leaves the log
   * to a later checkpoint. */
  {
    sqlite3 *reader = NULL;
    sqlite3_stmt *stmt = NULL;
    gint64 start;

    g_assert_cmpint (sqlite3_open_v2 (f->path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM bulk", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

    start = g_get_monotonic_time ();
    par_database_begin_bulk (db);
    g_assert_true (par_database_exec (db, "INSERT INTO bulk VALUES (randomblob(1000000))", &error));
    par_database_end_bulk (db);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
    g_assert_cmpint (g_stat (wal_path, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 1000000);

    sqlite3_finalize (stmt);
    sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);
    sqlite3_close (reader);
    g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM bulk"), ==, 1);
  }
}

/* The size of the file itself, without its log. */
static gint64
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* The window's connection: its commits never copy the log into the file
 * themselves; a thread of its own does, soon after each. */
static void
test_background_checkpoints (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;
  gint64 end;

  par_database_checkpoint_in_background (db);
  g_assert_cmpint (pragma_int (db, "PRAGMA wal_autocheckpoint"), ==, 0);
  g_assert_true (par_database_exec (db, "CREATE TABLE background (data BLOB)", &error));
  /* Statements that commit on their own, as most edits do. */
  for (int row = 0; row < 20; row++)
    g_assert_true (par_database_exec (db, "INSERT INTO background VALUES (randomblob(1000000))", &error));

  /* The file itself grows as the thread copies the commit into it: soon,
   * but on a loaded machine (the sanitizers, two builds beside) 20 MB can
   * take more than 10 s to copy and sync. */
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (file_size (f->path) < 20 * 1000000 && g_get_monotonic_time () < end)
    g_usleep (10000);
  g_assert_cmpint (file_size (f->path), >=, 20 * 1000000);

  /* A bulk on this connection leaves it checkpointing in the background. */
  par_database_begin_bulk (db);
  g_assert_true (par_database_exec (db, "DELETE FROM background", &error));
  par_database_end_bulk (db);
  g_assert_cmpint (pragma_int (db, "PRAGMA wal_autocheckpoint"), ==, 0);
  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM background"), ==, 0);
}

static void
test_default_path (void)
{
  g_autofree char *path = par_database_get_default_path ();

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "par-desk/par-desk.pardesk"));
}

/* A new file and the folders made for it are the user's alone; its log and
 * shared memory too (SQLite gives them the file's mode). */
static void
test_private_new_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "new", "deeper", NULL);
  g_autofree char *path = g_build_filename (folder, "private.pardesk", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);
  GStatBuf st;

  db = par_database_open (path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_directory_add_unit (db, "A", "A", PAR_UNIT_LEVEL_OFFICE, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (shm, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_object (&db);

  /* an existing file keeps its mode */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  again = par_database_open (path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  umask (old_umask);
}

/* Another program holding the file for a moment makes opening it wait,
 * not fail: the first, read-only look at it waits like every connection. */
static void
test_waits_for_other_program (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autoptr(ParDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  TestFileHolder *holder;

  g_assert_nonnull (db);
  par_directory_add_unit (db, "A", "A", PAR_UNIT_LEVEL_OFFICE, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* exclusive: even reading waits, for half a second */
  holder = test_hold_file (f->path, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                    " UPDATE org_unit SET name = 'B' WHERE code = 'A';", 500);
  again = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  test_release_file (holder);
}

/* Nothing PAR Desk writes for the user lands on the open file or its log,
 * by name or through a link. */
static void
test_refuse_output_onto_file (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ParDatabase) db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *symlink_path = g_build_filename (f->dir, "link.xlsx", NULL);
  g_autofree char *hardlink_path = g_build_filename (f->dir, "hard.xlsx", NULL);
  g_autofree char *relative = g_build_filename (f->dir, ".", "test.pardesk", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.xlsx", NULL);
  const char *refused[] = { f->path, wal, shm, symlink_path, hardlink_path, relative };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  g_assert_cmpint (symlink ("test.pardesk", symlink_path), ==, 0);
  g_assert_cmpint (link (f->path, hardlink_path), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (par_database_refuse_output (db, refused[i], &error));
      g_assert_error (error, PAR_FILE_GUARD_ERROR, PAR_FILE_GUARD_ERROR_OPEN_FILE);
      g_clear_error (&error);
    }
  g_assert_true (par_database_refuse_output (db, other, &error));
  g_assert_no_error (error);
  g_assert_false (par_database_save_copy (db, hardlink_path, NULL, &error));
  g_assert_error (error, PAR_FILE_GUARD_ERROR, PAR_FILE_GUARD_ERROR_OPEN_FILE);
  g_assert_true (par_database_check (db, NULL));
}

static void
test_safe_file_names (void)
{
  static const struct { const char *stored, *safe; } cases[] = {
    { "1242-QD-UBND.pdf", "1242-QD-UBND.pdf" },
    { "Quyết định 1242.PDF", "Quyết định 1242.PDF" },
    { "../../victim.txt", "victim.txt.pdf" },
    { "/etc/passwd", "passwd.pdf" },
    { "..\\..\\win.pdf", "win.pdf" },
    { "..", "document.pdf" },
    { ".", "document.pdf" },
    { "", "document.pdf" },
    { NULL, "document.pdf" },
    { "dir/", "document.pdf" },
    { ".bashrc", "bashrc.pdf" },
    { "evil\xe2\x80\xae" "fdp.exe", "evilfdp.exe.pdf" },
    { "tab\there\nnew.pdf", "tabherenew.pdf" },
    { "bad \xff bytes.pdf", "bad  bytes.pdf" },
    { "  spaced . ", "spaced.pdf" },
  };
  g_autofree char *very_long = g_strnfill (1000, 'x');
  g_autofree char *long_vi = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *cut_vi = NULL;
  GString *vi = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = par_file_safe_name (cases[i].stored, "document.pdf", ".pdf");

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }
  cut = par_file_safe_name (very_long, "document.pdf", ".pdf");
  g_assert_cmpuint (strlen (cut), <=, 200);
  g_assert_true (g_str_has_suffix (cut, ".pdf"));
  for (int i = 0; i < 300; i++)
    g_string_append (vi, "ệ");
  long_vi = g_string_free (vi, FALSE);
  cut_vi = par_file_safe_name (long_vi, "document.pdf", NULL);
  g_assert_cmpuint (strlen (cut_vi), <=, 200);
  g_assert_true (g_utf8_validate (cut_vi, -1, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, test_fixture_set_up_no_file, func, test_fixture_tear_down)
  ADD ("/database/new-file", test_new_file);
  ADD ("/database/missing-file", test_missing_file);
  ADD ("/database/foreign-bytes", test_foreign_bytes);
  ADD ("/database/foreign-sqlite", test_foreign_sqlite);
  ADD ("/database/newer-file", test_newer_file);
  ADD ("/database/folder-refused", test_folder_refused);
  ADD ("/database/migrate-v0", test_migrate_v0);
  ADD ("/database/damaged-file", test_damaged_file);
  ADD ("/database/check-leaves-file-alone", test_check_leaves_file_alone);
  ADD ("/database/migrate-v0-loop", test_migrate_v0_loop);
  ADD ("/database/empty-file", test_empty_file);
  ADD ("/database/save-copy", test_save_copy);
  ADD ("/database/cancelled-copy", test_cancelled_copy);
  ADD ("/database/bulk-writes", test_bulk_writes);
  ADD ("/database/background-checkpoints", test_background_checkpoints);
  ADD ("/database/private-new-file", test_private_new_file);
  ADD ("/database/waits-for-other-program", test_waits_for_other_program);
  ADD ("/database/refuse-output-onto-file", test_refuse_output_onto_file);
#undef ADD
  g_test_add_func ("/database/default-path", test_default_path);
  g_test_add_func ("/database/safe-file-names", test_safe_file_names);

  return g_test_run ();
}
