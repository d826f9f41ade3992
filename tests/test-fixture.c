/* test-fixture.c: a new PAR Desk file in a folder of its own, for the tests of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-fixture.h"
#include "test-util.h"

static void
count_change (ParDatabase *db,
              ParChange    what,
              TestFixture *f)
{
  f->n_changes++;
}

/* A new file, test.pardesk, open in f->db. */
void
test_fixture_set_up (TestFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_fixture_set_up_no_file (f, data);
  f->db = par_database_open (f->path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
  g_signal_connect (f->db, "changed", G_CALLBACK (count_change), f);
}

/* The folder, and f->path where no file is yet: for the tests of opening
 * and creating files. */
void
test_fixture_set_up_no_file (TestFixture   *f,
                             gconstpointer  data)
{
  f->dir = test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "test.pardesk", NULL);
  f->db = NULL;
  f->n_changes = 0;
}

void
test_fixture_tear_down (TestFixture   *f,
                        gconstpointer  data)
{
  /* Whatever still holds the file no longer counts into a freed fixture. */
  if (f->db != NULL)
    g_signal_handlers_disconnect_by_data (f->db, f);
  g_clear_object (&f->db);
  test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* f->dir/@name holding @contents, @length bytes (-1: up to the NUL);
 * its path, to free. */
char *
test_fixture_write_file (TestFixture *f,
                         const char  *name,
                         const char  *contents,
                         gssize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* The criteria set of @json (written to set.json), imported as the
 * application does, and loaded. */
ParCriteriaSet *
test_fixture_import_set (TestFixture *f,
                         const char  *json)
{
  g_autofree char *file = test_fixture_write_file (f, "set.json", json, -1);
  g_autoptr(GError) error = NULL;
  ParCriteriaSet *set;
  gint64 id;

  id = par_criteria_import_file (f->db, file, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  set = par_criteria_set_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

/* A department, under @parent_id (0: at the top); its id. */
gint64
test_fixture_add_unit (TestFixture *f,
                       const char  *code,
                       const char  *name,
                       gint64       parent_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = par_directory_add_unit (f->db, code, name, PAR_UNIT_LEVEL_DEPARTMENT, parent_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

ParAssessment *
test_fixture_load_assessment (TestFixture    *f,
                              ParCriteriaSet *set,
                              gint64          unit_id)
{
  g_autoptr(GError) error = NULL;
  ParAssessment *assessment = par_assessment_load (f->db, set, unit_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Writes at @path a PAR Desk file of schema @version, as the first
 * @version migrations left it, for the tests of migrating from there. */
void
test_fixture_make_old_file (const char *path,
                            guint       version)
{
  static const char *dir = "/io/github/pardesk/ParDesk/core/migrations/";
  g_auto(GStrv) names = g_resources_enumerate_children (dir, 0, NULL);
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                              PAR_APPLICATION_ID, version);

  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), >=, version);
  g_qsort_with_data (names, (gint) g_strv_length (names), sizeof (char *), compare_names, NULL);
  for (guint i = 0; i < version; i++)
    {
      g_autofree char *name = g_strconcat (dir, names[i], NULL);
      g_autoptr(GBytes) sql = g_resources_lookup_data (name, 0, NULL);

      g_assert_nonnull (sql);
      test_sqlite_exec (path, g_bytes_get_data (sql, NULL));
    }
  test_sqlite_exec (path, pragmas);
}
