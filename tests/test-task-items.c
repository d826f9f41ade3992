/* test-task-items.c: the PAR Index items a plan task serves: setting them all or nothing, listing them,
 * the tasks serving an item with their status as of a date, links gone with their task or set, migration
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

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (par_plan_parse_date (text, &date));
  return date;
}

static gint64
node_id (ParCriteriaSet *set,
         const char     *code)
{
  ParCriteriaNode *node = par_criteria_set_find_node (set, code);

  g_assert_nonnull (node);
  return par_criteria_node_get_id (node);
}

/* A unit's plan for 2025 with two tasks: one due 31 March, one ongoing. */
static void
add_plan (Fixture *f,
          gint64  *tasks)
{
  gint64 unit = test_fixture_add_unit (f, "SNV", "Sở Nội vụ", 0);
  g_autoptr(GError) error = NULL;
  ParTaskSpec spec = { .title = "Ban hành kế hoạch CCHC năm 2025", .area = PAR_AREA_DIRECTION, .lead_id = unit };
  gint64 plan = par_plans_create (f->db, unit, 2025, NULL, &error);

  g_assert_no_error (error);
  spec.deadline_kind = PAR_DEADLINE_DATE;
  spec.deadline_date = day ("2025-03-31");
  tasks[0] = par_plans_add_task (f->db, plan, &spec, &error);
  g_assert_no_error (error);
  spec.title = "Báo cáo CCHC quý";
  spec.deadline_kind = PAR_DEADLINE_ONGOING;
  tasks[1] = par_plans_add_task (f->db, plan, &spec, &error);
  g_assert_no_error (error);
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
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2025));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tasks[2];
  gint64 ids[2];
  ParTaskItem *item;

  add_plan (f, tasks);
  ids[0] = node_id (set, "1.2");
  ids[1] = node_id (set, "1.1.1");
  g_assert_true (par_task_items_set (f->db, tasks[0], ids, 2, &error));
  g_assert_no_error (error);

  items = par_task_items_list (f->db, tasks[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);   /* in the order given */
  g_assert_cmpstr (item->code, ==, "1.2");
  g_assert_cmpstr (item->title, ==, "Báo cáo định kỳ");
  g_assert_cmpint (item->set_id, ==, par_criteria_set_get_id (set));
  g_assert_cmpint (item->set_year, ==, 2025);
  g_assert_cmpstr (item->set_name, ==, "Bộ chỉ số sở 2025");
  g_assert_cmpstr (((ParTaskItem *) g_ptr_array_index (items, 1))->code, ==, "1.1.1");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Setting again replaces, and is written to the audit log. */
  g_assert_true (par_task_items_set (f->db, tasks[0], &ids[1], 1, &error));
  g_assert_no_error (error);
  items = par_task_items_list (f->db, tasks[0], &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM audit_log WHERE entity = 'task' AND field = 'items'"
                              " AND old_value = '1.2,1.1.1' AND new_value = '1.1.1'"), ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Nothing: the task serves none. */
  g_assert_true (par_task_items_set (f->db, tasks[0], NULL, 0, &error));
  items = par_task_items_list (f->db, tasks[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM task_item"), ==, 0);

  /* A task that is not there. */
  g_assert_null (par_task_items_list (f->db, 4242, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

/* Every refusal leaves the links as they were. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2025));
  g_autoptr(GError) error = NULL;
  gint64 tasks[2];
  gint64 ids[2];

  add_plan (f, tasks);
  ids[0] = node_id (set, "1.1.1");
  g_assert_true (par_task_items_set (f->db, tasks[0], ids, 1, &error));
  g_assert_no_error (error);

  ids[1] = 4242;   /* no such node */
  g_assert_false (par_task_items_set (f->db, tasks[0], ids, 2, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ids[1] = node_id (set, "1.1");   /* a group */
  g_assert_false (par_task_items_set (f->db, tasks[0], &ids[1], 1, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1.1"));
  g_clear_error (&error);
  ids[1] = ids[0];   /* twice */
  g_assert_false (par_task_items_set (f->db, tasks[1], ids, 2, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (par_task_items_set (f->db, 4242, ids, 1, &error));   /* no such task */
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);

  g_assert_cmpuint (count (f, "SELECT count (*) FROM task_item"), ==, 1);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM task_item WHERE task_id = (SELECT min (id) FROM task)"), ==, 1);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM audit_log WHERE field = 'items'"), ==, 1);
}

/* The tasks serving an item, with their status by the plan's rules as of
 * the date asked: the deadline day is not overdue, the day after is. */
static void
test_serving_tasks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2025));
  g_autoptr(GPtrArray) serving = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = day ("2025-03-31");
  gint64 tasks[2];
  gint64 item;
  ParServingTask *first;

  add_plan (f, tasks);
  item = node_id (set, "1.1.1");
  g_assert_true (par_task_items_set (f->db, tasks[0], &item, 1, &error));
  g_assert_true (par_task_items_set (f->db, tasks[1], &item, 1, &error));
  g_assert_no_error (error);

  serving = par_task_items_list_tasks (f->db, item, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (serving->len, ==, 2);
  first = g_ptr_array_index (serving, 0);
  g_assert_cmpint (par_task_get_id (first->task), ==, tasks[0]);
  g_assert_cmpstr (par_task_get_code (first->task), ==, "I.1");
  g_assert_cmpint (par_task_get_plan_year (first->task), ==, 2025);
  g_assert_cmpstr (first->unit_code, ==, "SNV");
  g_assert_cmpstr (first->unit_name, ==, "Sở Nội vụ");
  g_assert_cmpint (first->status, ==, PAR_TASK_STATUS_NOT_STARTED);
  g_clear_pointer (&serving, g_ptr_array_unref);

  as_of = day ("2025-04-01");
  serving = par_task_items_list_tasks (f->db, item, &as_of, &error);
  g_assert_cmpint (((ParServingTask *) g_ptr_array_index (serving, 0))->status, ==, PAR_TASK_STATUS_OVERDUE);
  g_clear_pointer (&serving, g_ptr_array_unref);

  g_assert_true (par_plans_complete_task (f->db, tasks[0], &as_of, NULL, &error));
  serving = par_task_items_list_tasks (f->db, item, &as_of, &error);
  g_assert_cmpint (((ParServingTask *) g_ptr_array_index (serving, 0))->status, ==, PAR_TASK_STATUS_DONE_LATE);
  g_clear_pointer (&serving, g_ptr_array_unref);

  /* An item no task serves. */
  serving = par_task_items_list_tasks (f->db, node_id (set, "1.2"), &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (serving->len, ==, 0);
}

/* A task or a criteria set removed takes its links with it. */
static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, SET_JSON (2025));
  g_autoptr(ParCriteriaSet) other = test_fixture_import_set (f, SET_JSON (2026));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 tasks[2];
  gint64 ids[2];

  add_plan (f, tasks);
  ids[0] = node_id (set, "1.1.1");
  ids[1] = node_id (other, "1.1.1");
  g_assert_true (par_task_items_set (f->db, tasks[0], ids, 2, &error));
  g_assert_true (par_task_items_set (f->db, tasks[1], ids, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "SELECT count (*) FROM task_item"), ==, 3);

  test_sqlite_exec (f->path, "PRAGMA foreign_keys = ON;"
                             "DELETE FROM task WHERE id = (SELECT max (id) FROM task)");
  g_assert_cmpuint (count (f, "SELECT count (*) FROM task_item"), ==, 2);
  sql = g_strdup_printf ("PRAGMA foreign_keys = ON; DELETE FROM criteria_set WHERE id = %lld",
                         (long long) par_criteria_set_get_id (set));
  test_sqlite_exec (f->path, sql);
  items = par_task_items_list (f->db, tasks[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((ParTaskItem *) g_ptr_array_index (items, 0))->set_year, ==, 2026);
  g_assert_true (par_database_check (f->db, &error));
  g_assert_no_error (error);
}

/* A file written before 0004, with a plan, gains the table and keeps its tasks. */
static void
test_migrate_from_v3 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.pardesk", NULL);
  g_autofree char *backup = g_strconcat (old, ".v3-backup", NULL);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  test_fixture_make_old_file (old, 3);
  test_sqlite_exec (old, "INSERT INTO org_unit (id, code, name) VALUES (1, 'SNV', 'Sở Nội vụ');"
                         "INSERT INTO plan (id, unit_id, year, title) VALUES (1, 1, 2025, 'Kế hoạch 2025');"
                         "INSERT INTO task (id, plan_id, position, code, area, title, deadline_kind)"
                         " VALUES (1, 1, 0, 'I.1', 'direction', 'Ban hành kế hoạch', 'ongoing');"
                         "INSERT INTO task_unit (task_id, unit_id, role) VALUES (1, 1, 'lead');");
  g_assert_cmpint (test_sqlite_int (old, "SELECT count (*) FROM sqlite_master WHERE name = 'task_item'"), ==, 0);

  db = par_database_open (old, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_cmpstr (par_database_get_backup_path (db), ==, backup);
  g_assert_cmpint (test_sqlite_int (backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (test_sqlite_int (old, "SELECT count (*) FROM sqlite_master WHERE name = 'task_item'"), ==, 1);
  items = par_task_items_list (db, 1, &error);
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
  ADD ("/task-items/set-and-list", test_set_and_list);
  ADD ("/task-items/refusals", test_refusals);
  ADD ("/task-items/serving-tasks", test_serving_tasks);
  ADD ("/task-items/cascade", test_cascade);
  ADD ("/task-items/migrate-from-v3", test_migrate_from_v3);
#undef ADD
  return g_test_run ();
}
