/* test-inspection-items.c: the PAR Index items an inspection covers: setting them all or nothing, with
 * the audit log, listing them, links gone with their inspection or set, migration from version 6
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

#define SET_JSON(year) \
  "{\"format\":\"par-desk/criteria-set@1\",\"name\":\"Bộ chỉ số sở " #year "\",\"level\":\"department\"," \
  "\"year\":" #year ",\"nodes\":[{\"code\":\"1\",\"title\":\"Chỉ đạo, điều hành\",\"max\":3,\"children\":[" \
  "{\"code\":\"1.1\",\"title\":\"Kế hoạch CCHC\",\"max\":2,\"children\":[" \
  "{\"code\":\"1.1.1\",\"title\":\"Ban hành kế hoạch CCHC năm đúng thời hạn\",\"max\":1}," \
  "{\"code\":\"1.1.2\",\"title\":\"Mức độ hoàn thành kế hoạch\",\"max\":1}]}," \
  "{\"code\":\"1.2\",\"title\":\"Báo cáo định kỳ\",\"max\":1}]}]}"

static gint64
node_id (ParCriteriaSet *set,
         const char     *code)
{
  ParCriteriaNode *node = par_criteria_set_find_node (set, code);

  g_assert_nonnull (node);
  return par_criteria_node_get_id (node);
}

/* An inspection of a unit on @first, without a team. */
static gint64
add_inspection (Fixture    *f,
                gint64      unit,
                const char *first)
{
  ParInspectionSpec spec = { .unit_id = unit, .title = "Kiểm tra CCHC", .scope = "Chỉ đạo, điều hành" };
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (par_plan_parse_date (first, &spec.first));
  spec.last = spec.first;
  id = par_inspections_add (f->db, &spec, TRUE, &clashes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count (Fixture    *f,
       const char *sql)
{
  return (guint) test_sqlite_int (f->path, sql);
}

static void
test_set_and_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2026));
  gint64 unit = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 inspection = add_inspection (f, unit, "2026-03-10");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  gint64 ids[2] = { node_id (set, "1.2"), node_id (set, "1.1.1") };
  ParTaskItem *item;

  g_assert_true (par_inspection_items_set (f->db, inspection, ids, 2, &error));
  g_assert_no_error (error);
  items = par_inspection_items_list (f->db, inspection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);   /* in the order given */
  g_assert_cmpstr (item->code, ==, "1.2");
  g_assert_cmpstr (item->title, ==, "Báo cáo định kỳ");
  g_assert_cmpint (item->set_year, ==, 2026);
  g_assert_cmpstr (item->set_name, ==, "Bộ chỉ số sở 2026");
  codes = par_inspection_items_codes (items);
  g_assert_cmpstr (codes, ==, "1.2, 1.1.1");
  g_assert_cmpuint (count (f, "SELECT count (*) FROM audit_log WHERE entity = 'inspection' AND field = 'items'"
                              " AND coalesce (old_value, '') = '' AND new_value = '1.2,1.1.1'"), ==, 1);

  /* The same again writes nothing to the log; fewer replace them. */
  g_assert_true (par_inspection_items_set (f->db, inspection, ids, 2, &error));
  g_assert_true (par_inspection_items_set (f->db, inspection, &ids[1], 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM audit_log WHERE field = 'items'"), ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = par_inspection_items_list (f->db, inspection, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((ParTaskItem *) g_ptr_array_index (items, 0))->code, ==, "1.1.1");

  /* None clears them. */
  g_assert_true (par_inspection_items_set (f->db, inspection, NULL, 0, &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = par_inspection_items_list (f->db, inspection, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&codes, g_free);
  codes = par_inspection_items_codes (items);
  g_assert_cmpstr (codes, ==, "");

  g_assert_null (par_inspection_items_list (f->db, 4242, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

/* A group, an item twice, an unknown item or inspection: refused, nothing changed. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2026));
  gint64 unit = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 inspection = add_inspection (f, unit, "2026-03-10");
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { node_id (set, "1.2"), node_id (set, "1.1") };

  g_assert_true (par_inspection_items_set (f->db, inspection, ids, 1, &error));
  g_assert_false (par_inspection_items_set (f->db, inspection, ids, 2, &error));   /* 1.1 is a group */
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1.1"));
  g_clear_error (&error);
  ids[1] = ids[0];
  g_assert_false (par_inspection_items_set (f->db, inspection, ids, 2, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  ids[1] = 4242;
  g_assert_false (par_inspection_items_set (f->db, inspection, ids, 2, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (par_inspection_items_set (f->db, 4242, ids, 1, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM inspection_item"), ==, 1);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM audit_log WHERE field = 'items'"), ==, 1);
}

/* An inspection or a criteria set removed takes its links with it. */
static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2025));
  g_autoptr(ParCriteriaSet) other = test_fixture_import_set (f, SET_JSON (2026));
  gint64 unit = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 first = add_inspection (f, unit, "2026-03-10");
  gint64 second = add_inspection (f, unit, "2026-04-14");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 ids[2] = { node_id (set, "1.1.1"), node_id (other, "1.1.1") };

  g_assert_true (par_inspection_items_set (f->db, first, ids, 2, &error));
  g_assert_true (par_inspection_items_set (f->db, second, ids, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM inspection_item"), ==, 3);
  sql = g_strdup_printf ("PRAGMA foreign_keys = ON; DELETE FROM inspection WHERE id = %lld", (long long) second);
  test_sqlite_exec (f->path, sql);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM inspection_item"), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("PRAGMA foreign_keys = ON; DELETE FROM criteria_set WHERE id = %lld",
                         (long long) par_criteria_set_get_id (set));
  test_sqlite_exec (f->path, sql);
  items = par_inspection_items_list (f->db, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((ParTaskItem *) g_ptr_array_index (items, 0))->set_year, ==, 2026);
  g_assert_true (par_database_check (f->db, &error));
  g_assert_no_error (error);
}

/* A file of version 6 with an inspection gains the table and keeps its inspection. */
static void
test_migrate_from_v6 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.pardesk", NULL);
  g_autofree char *backup = g_strconcat (old, ".v6-backup", NULL);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParInspection) inspection = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  test_fixture_make_old_file (old, 6);
  test_sqlite_exec (old, "INSERT INTO org_unit (id, code, name) VALUES (1, 'STP', 'Sở Tư pháp');"
                         "INSERT INTO inspection (id, unit_id, year, title, scope, start_date, end_date)"
                         " VALUES (1, 1, 2026, 'Kiểm tra', 'Một cửa', '2026-03-10', '2026-03-11');");
  g_assert_cmpint (test_sqlite_int (old, "SELECT count (*) FROM sqlite_master WHERE name = 'inspection_item'"), ==, 0);

  db = par_database_open (old, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_cmpstr (par_database_get_backup_path (db), ==, backup);
  g_assert_cmpint (test_sqlite_int (backup, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (test_sqlite_int (old, "SELECT count (*) FROM sqlite_master WHERE name = 'inspection_item'"), ==, 1);
  inspection = par_inspections_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inspection->scope, ==, "Một cửa");
  items = par_inspection_items_list (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)
  ADD ("/inspection-items/set-and-list", test_set_and_list);
  ADD ("/inspection-items/refusals", test_refusals);
  ADD ("/inspection-items/cascade", test_cascade);
  ADD ("/inspection-items/migrate-from-v6", test_migrate_from_v6);
#undef ADD

  return g_test_run ();
}
