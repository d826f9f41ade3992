/* test-plan.c: the annual reform plan: dates, areas, statuses as of a date, codes, refusals, carry-over, migration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (par_plan_parse_date (text, &date));
  return date;
}

/* @date set to @text, for passing a day in one expression. */
static GDate *
at (GDate      *date,
    const char *text)
{
  *date = day (text);
  return date;
}

static char *
deadline_of (ParDeadlineKind kind,
             const char     *date,
             int             quarter,
             int             year)
{
  GDate given, deadline;

  g_date_clear (&given, 1);
  if (date != NULL)
    given = day (date);
  par_plan_deadline (kind, &given, quarter, year, &deadline);
  return par_plan_format_date (&deadline);
}

static void
test_dates (void)
{
  const char *good[][2] = {
    { "2026-03-31", "2026-03-31" }, { "31/03/2026", "2026-03-31" }, { "5/1/2026", "2026-01-05" },
    { " 15/2/2026 ", "2026-02-15" }, { "2028-02-29", "2028-02-29" }, { "29/02/2028", "2028-02-29" },
  };
  const char *bad[] = { "31/02/2026", "2026-02-29", "29/2/2027", "2026-13-01", "0/1/2026", "", "abc",
                        "2026/03/31", "31-03-2026", "1/1/26", "2026-03-31x", "+1/1/2026", "31.03.2026",
                        "2026-003-01", "12026-01-01" };
  GDate date;

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_true (par_plan_parse_date (good[i][0], &date));
      iso = par_plan_format_date (&date);
      g_assert_cmpstr (iso, ==, good[i][1]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (par_plan_parse_date (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_areas (void)
{
  const struct { const char *text; ParArea area; } good[] = {
    { "procedures", PAR_AREA_PROCEDURES }, { "III", PAR_AREA_PROCEDURES }, { "iii", PAR_AREA_PROCEDURES },
    { "3", PAR_AREA_PROCEDURES }, { "Administrative procedure reform", PAR_AREA_PROCEDURES },
    { "Cải cách thủ tục hành chính", PAR_AREA_PROCEDURES }, { "cai cach  THU tuc hanh chinh ", PAR_AREA_PROCEDURES },
    { "direction", PAR_AREA_DIRECTION }, { "I", PAR_AREA_DIRECTION },
    { "Công tác chỉ đạo, điều hành", PAR_AREA_DIRECTION }, { "cong tac chi dao, dieu hanh", PAR_AREA_DIRECTION },
    { "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", PAR_AREA_CIVIL_SERVICE }, { "civil-service", PAR_AREA_CIVIL_SERVICE },
    { "VI", PAR_AREA_PUBLIC_FINANCE }, { "7", PAR_AREA_DIGITAL_GOVERNMENT },
    { "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", PAR_AREA_DIGITAL_GOVERNMENT },
    { "Xây dựng chính quyền điện tử, chính quyền số", PAR_AREA_DIGITAL_GOVERNMENT },
    { "xay dung chinh quyen dien tu, chinh quyen so", PAR_AREA_DIGITAL_GOVERNMENT },
    { "E-government and digital government", PAR_AREA_DIGITAL_GOVERNMENT },
  };
  const char *bad[] = { "nowhere", "0", "8", "VIII", "", "   ", "procedure", "3.1", NULL };
  ParArea area;

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      area = PAR_N_AREAS;
      g_test_message ("%s", good[i].text);
      g_assert_true (par_area_parse (good[i].text, &area));
      g_assert_cmpint (area, ==, good[i].area);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (par_area_parse (bad[i], &area));
  g_assert_cmpstr (par_area_get_numeral (PAR_AREA_DIGITAL_GOVERNMENT), ==, "VII");
  g_assert_cmpstr (par_area_to_string (PAR_AREA_PUBLIC_FINANCE), ==, "public-finance");
  g_assert_true (par_area_from_string ("apparatus", &area));
  g_assert_cmpint (area, ==, PAR_AREA_APPARATUS);
  g_assert_false (par_area_from_string ("IV", &area));
}

static void
test_deadlines (void)
{
  const struct { ParDeadlineKind kind; const char *date; int quarter; int year; const char *want; } cases[] = {
    { PAR_DEADLINE_DATE, "15/05/2026", 0, 2026, "2026-05-15" },
    { PAR_DEADLINE_QUARTER, NULL, 1, 2026, "2026-03-31" },
    { PAR_DEADLINE_QUARTER, NULL, 2, 2026, "2026-06-30" },
    { PAR_DEADLINE_QUARTER, NULL, 3, 2026, "2026-09-30" },
    { PAR_DEADLINE_QUARTER, NULL, 4, 2026, "2026-12-31" },
    { PAR_DEADLINE_QUARTER, NULL, 1, 2028, "2028-03-31" },
    { PAR_DEADLINE_ONGOING, NULL, 0, 2030, "2030-12-31" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = deadline_of (cases[i].kind, cases[i].date, cases[i].quarter, cases[i].year);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

static ParTaskStatus
status (const char *as_of,
        const char *deadline,
        const char *completed,
        const char *cancelled,
        guint       percent)
{
  GDate d = day (as_of), l = day (deadline), done, gone;

  g_date_clear (&done, 1);
  g_date_clear (&gone, 1);
  if (completed != NULL)
    done = day (completed);
  if (cancelled != NULL)
    gone = day (cancelled);
  return par_task_status_as_of (&d, &l, &done, &gone, percent);
}

static void
test_status_rules (void)
{
  /* The deadline day itself is never overdue. */
  g_assert_cmpint (status ("2026-03-30", "2026-03-31", NULL, NULL, 0), ==, PAR_TASK_STATUS_NOT_STARTED);
  g_assert_cmpint (status ("2026-03-31", "2026-03-31", NULL, NULL, 0), ==, PAR_TASK_STATUS_NOT_STARTED);
  g_assert_cmpint (status ("2026-04-01", "2026-03-31", NULL, NULL, 0), ==, PAR_TASK_STATUS_OVERDUE);
  g_assert_cmpint (status ("2026-03-31", "2026-03-31", NULL, NULL, 40), ==, PAR_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (status ("2026-04-01", "2026-03-31", NULL, NULL, 40), ==, PAR_TASK_STATUS_OVERDUE);
  /* Completed on the deadline: done; after it: overdue until then, done-late from then. */
  g_assert_cmpint (status ("2026-03-31", "2026-03-31", "2026-03-31", NULL, 100), ==, PAR_TASK_STATUS_DONE);
  g_assert_cmpint (status ("2026-12-31", "2026-03-31", "2026-03-31", NULL, 100), ==, PAR_TASK_STATUS_DONE);
  g_assert_cmpint (status ("2026-04-09", "2026-03-31", "2026-04-10", NULL, 40), ==, PAR_TASK_STATUS_OVERDUE);
  g_assert_cmpint (status ("2026-04-10", "2026-03-31", "2026-04-10", NULL, 100), ==, PAR_TASK_STATUS_DONE_LATE);
  g_assert_cmpint (status ("2027-01-01", "2026-03-31", "2026-04-10", NULL, 100), ==, PAR_TASK_STATUS_DONE_LATE);
  /* Completion recorded for a later date does not count yet. */
  g_assert_cmpint (status ("2026-03-01", "2026-03-31", "2026-03-10", NULL, 0), ==, PAR_TASK_STATUS_NOT_STARTED);
  /* Cancelled from its date on, whatever else holds; never overdue after. */
  g_assert_cmpint (status ("2026-02-28", "2026-03-31", NULL, "2026-03-01", 0), ==, PAR_TASK_STATUS_NOT_STARTED);
  g_assert_cmpint (status ("2026-03-01", "2026-03-31", NULL, "2026-03-01", 0), ==, PAR_TASK_STATUS_CANCELLED);
  g_assert_cmpint (status ("2026-12-31", "2026-03-31", NULL, "2026-03-01", 0), ==, PAR_TASK_STATUS_CANCELLED);
  g_assert_cmpint (status ("2026-12-31", "2026-03-31", "2026-03-05", "2026-03-01", 0), ==, PAR_TASK_STATUS_CANCELLED);
  /* Quarter 2 ends on 30 June; ongoing on 31 December. */
  g_assert_cmpint (status ("2026-06-30", "2026-06-30", NULL, NULL, 0), ==, PAR_TASK_STATUS_NOT_STARTED);
  g_assert_cmpint (status ("2026-07-01", "2026-06-30", NULL, NULL, 0), ==, PAR_TASK_STATUS_OVERDUE);
  g_assert_cmpint (status ("2030-12-31", "2030-12-31", NULL, NULL, 10), ==, PAR_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (status ("2031-01-01", "2030-12-31", NULL, NULL, 10), ==, PAR_TASK_STATUS_OVERDUE);
}

static void
test_task_percent (void)
{
  g_autoptr(ParTask) task = par_task_new (1, 1, 2026, "I.1", "Task", PAR_AREA_DIRECTION, "");
  GDate date = day ("2026-03-31");
  GDate as_of, tmp;

  par_task_set_deadline (task, PAR_DEADLINE_DATE, &date, 0);
  /* Recorded out of date order: entry 3 is dated before entry 2; on 2026-03-15
   * entries 4 and 5 share the date, 5 recorded last. */
  par_task_add_progress (task, 2, at (&tmp, "2026-04-20"), 70, "", "");
  par_task_add_progress (task, 3, at (&tmp, "2026-03-01"), 10, "", "");
  par_task_add_progress (task, 5, at (&tmp, "2026-03-15"), 30, "", "");
  par_task_add_progress (task, 4, at (&tmp, "2026-03-15"), 60, "", "");

  as_of = day ("2026-02-28");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 0);
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_NOT_STARTED);
  as_of = day ("2026-03-01");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 10);
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_IN_PROGRESS);
  as_of = day ("2026-03-15");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 30);
  as_of = day ("2026-04-19");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 30);
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_OVERDUE);
  as_of = day ("2026-04-20");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 70);

  par_task_set_completed (task, at (&tmp, "2026-05-02"));
  as_of = day ("2026-05-01");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 70);
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_OVERDUE);
  as_of = day ("2026-05-02");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 100);
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_DONE_LATE);
}

static void
test_default_code_rule (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first = par_plan_default_code (PAR_AREA_PROCEDURES, taken);
  g_autofree char *gap = NULL;

  g_assert_cmpstr (first, ==, "III.1");
  g_hash_table_add (taken, "III.1");
  g_hash_table_add (taken, "III.3");
  g_hash_table_add (taken, "II.2");
  gap = par_plan_default_code (PAR_AREA_PROCEDURES, taken);
  g_assert_cmpstr (gap, ==, "III.2");
}

/* A plan of the unit UBND with units PNV, VP and PTP; their ids in @units. */
static gint64
make_plan (Fixture *f,
           int      year,
           gint64   units[3])
{
  gint64 top = test_fixture_add_unit (f, "UBND", "Ủy ban nhân dân", 0);
  g_autoptr(GError) error = NULL;
  gint64 plan;

  units[0] = test_fixture_add_unit (f, "PNV", "Phòng Nội vụ", top);
  units[1] = test_fixture_add_unit (f, "VP", "Văn phòng", top);
  units[2] = test_fixture_add_unit (f, "PTP", "Phòng Tư pháp", top);
  plan = par_plans_create (f->db, top, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan, >, 0);
  return plan;
}

static gint64
add_task (Fixture        *f,
          gint64          plan,
          ParTaskSpec    *spec,
          GQuark          domain,
          int             code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = par_plans_add_task (f->db, plan, spec, &error);

  if (domain == 0)
    {
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }
  else
    {
      g_assert_error (error, domain, code);
      g_assert_cmpint (id, ==, 0);
    }
  return id;
}

static void
test_add_and_codes (Fixture       *f,
                    gconstpointer  data)
{
  gint64 units[3];
  gint64 plan = make_plan (f, 2026, units);
  gint64 coordinating[] = { units[2], units[1] };
  ParTaskSpec spec = { .title = "Ban hành kế hoạch", .area = PAR_AREA_DIRECTION, .lead_id = units[0],
                       .deadline_kind = PAR_DEADLINE_QUARTER, .deadline_quarter = 1,
                       .coordinating_ids = coordinating, .n_coordinating = 2 };
  const char *want[] = { "I.1", "III.1", "3.1", "I.2", "III.2" };
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(ParPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStrv codes;

  add_task (f, plan, &spec, 0, 0);
  spec.area = PAR_AREA_PROCEDURES, spec.n_coordinating = 0;
  add_task (f, plan, &spec, 0, 0);
  spec.code = " 3.1 ";
  add_task (f, plan, &spec, 0, 0);
  spec.code = NULL, spec.area = PAR_AREA_DIRECTION;
  add_task (f, plan, &spec, 0, 0);
  spec.area = PAR_AREA_PROCEDURES;
  add_task (f, plan, &spec, 0, 0);

  tasks = par_plans_list_tasks (f->db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < tasks->len; i++)
    g_assert_cmpstr (par_task_get_code (g_ptr_array_index (tasks, i)), ==, want[i]);
  /* The lead, and the coordinating units in the order given. */
  g_assert_cmpstr (par_task_get_lead_code (g_ptr_array_index (tasks, 0)), ==, "PNV");
  codes = par_task_get_coordinating_codes (g_ptr_array_index (tasks, 0));
  g_assert_cmpuint (g_strv_length (codes), ==, 2);
  g_assert_cmpstr (codes[0], ==, "PTP");
  g_assert_cmpstr (codes[1], ==, "VP");
  g_assert_true (par_task_involves_unit (g_ptr_array_index (tasks, 0), units[1]));
  g_assert_false (par_task_involves_unit (g_ptr_array_index (tasks, 1), units[1]));

  loaded = par_plans_get (f->db, plan, &error);
  g_assert_cmpuint (par_plan_get_n_tasks (loaded), ==, 5);
  g_assert_cmpstr (par_plan_get_unit_code (loaded), ==, "UBND");
  g_assert_cmpint (par_plan_get_year (loaded), ==, 2026);
}

/* Editing a task changes what it is; its place, code (unless changed) and progress stay. */
static void
test_update_task (Fixture       *f,
                  gconstpointer  data)
{
  gint64 units[3];
  gint64 plan = make_plan (f, 2026, units);
  gint64 coordinating[] = { units[2] };
  ParTaskSpec spec = { .title = "Rà soát thủ tục", .area = PAR_AREA_PROCEDURES, .lead_id = units[0],
                       .deadline_kind = PAR_DEADLINE_QUARTER, .deadline_quarter = 2 };
  g_autoptr(ParTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = day ("2026-04-10"), deadline;
  gint64 first, second;
  GStrv codes;

  first = add_task (f, plan, &spec, 0, 0);
  second = add_task (f, plan, &spec, 0, 0);
  g_assert_true (par_plans_record_progress (f->db, first, &date, 40, NULL, &error));
  g_assert_no_error (error);

  spec.title = "Rà soát, đơn giản hóa thủ tục", spec.output = "Báo cáo";
  spec.deadline_kind = PAR_DEADLINE_DATE, spec.deadline_date = day ("2026-09-15");
  spec.lead_id = units[1], spec.coordinating_ids = coordinating, spec.n_coordinating = 1;
  g_assert_true (par_plans_update_task (f->db, first, &spec, &error));
  g_assert_no_error (error);
  task = par_plans_get_task (f->db, first, &error);
  g_assert_cmpstr (par_task_get_code (task), ==, "III.1");
  g_assert_cmpstr (par_task_get_title (task), ==, "Rà soát, đơn giản hóa thủ tục");
  g_assert_cmpstr (par_task_get_output (task), ==, "Báo cáo");
  g_assert_cmpstr (par_task_get_lead_code (task), ==, "VP");
  codes = par_task_get_coordinating_codes (task);
  g_assert_cmpuint (g_strv_length (codes), ==, 1);
  g_assert_cmpstr (codes[0], ==, "PTP");
  par_task_get_deadline (task, &deadline);
  g_assert_cmpint (g_date_compare (&deadline, &spec.deadline_date), ==, 0);
  g_assert_cmpuint (par_task_get_percent (task, &date), ==, 40);
  g_clear_object (&task);

  /* Another task's code is refused; its own is kept; a new area without a code takes that area's default. */
  spec.code = "III.2";
  g_assert_false (par_plans_update_task (f->db, first, &spec, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  spec.code = "III.1";
  g_assert_true (par_plans_update_task (f->db, first, &spec, &error));
  spec.code = NULL, spec.area = PAR_AREA_CIVIL_SERVICE;
  g_assert_true (par_plans_update_task (f->db, second, &spec, &error));
  g_assert_no_error (error);
  task = par_plans_get_task (f->db, second, &error);
  g_assert_cmpstr (par_task_get_code (task), ==, "V.1");

  /* A unit named twice, and a task that is not there. */
  spec.lead_id = units[2];
  g_assert_false (par_plans_update_task (f->db, second, &spec, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  spec.lead_id = units[0];
  g_assert_false (par_plans_update_task (f->db, 9999, &spec, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  gint64 units[3];
  gint64 plan = make_plan (f, 2026, units);
  gint64 lead_too[] = { units[1], units[0] };
  gint64 twice[] = { units[1], units[1] };
  gint64 unknown[] = { 9999 };
  ParTaskSpec spec = { .title = "Task", .area = PAR_AREA_DIRECTION, .lead_id = units[0],
                       .deadline_kind = PAR_DEADLINE_DATE, .deadline_date = day ("2026-03-31"), .code = "A" };
  g_autoptr(GError) error = NULL;
  gint64 done, cancelled, open;
  GDate date = day ("2026-03-01");

  done = add_task (f, plan, &spec, 0, 0);
  add_task (f, plan, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);   /* code taken */
  spec.code = NULL;
  spec.coordinating_ids = lead_too, spec.n_coordinating = 2;
  add_task (f, plan, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  spec.coordinating_ids = twice;
  add_task (f, plan, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  spec.coordinating_ids = unknown, spec.n_coordinating = 1;
  add_task (f, plan, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  spec.n_coordinating = 0;
  add_task (f, 4242, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  spec.title = "  ";
  add_task (f, plan, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  spec.title = "Task", spec.deadline_kind = PAR_DEADLINE_QUARTER, spec.deadline_quarter = 5;
  add_task (f, plan, &spec, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  /* Nothing of the refused ones is in the file. */
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM task"), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM task_unit"), ==, 1);

  /* A second plan of the unit for the year. */
  g_assert_cmpint (par_plans_create (f->db, units[0] - 1, 2026, "Again", &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);

  spec.deadline_quarter = 1;
  cancelled = add_task (f, plan, &spec, 0, 0);
  open = add_task (f, plan, &spec, 0, 0);
  /* Progress 100 completes the task on its date, as done does. */
  g_assert_true (par_plans_record_progress (f->db, done, &date, 100, "xong", &error));
  g_assert_true (par_plans_cancel_task (f->db, cancelled, &date, "không cần", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ParTask) task = par_plans_get_task (f->db, done, &error);
    GDate when;

    g_assert_no_error (error);

    g_assert_true (par_task_get_completed (task, &when));
    g_assert_cmpint (g_date_compare (&when, &date), ==, 0);
    g_assert_cmpstr (((ParProgressEntry *) g_ptr_array_index (par_task_get_progress (task), 0))->note, ==, "xong");
    g_assert_cmpstr (((ParProgressEntry *) g_ptr_array_index (par_task_get_progress (task), 0))->recorded_by, !=, "");
  }
  /* Completed or cancelled tasks refuse everything, whatever the dates. */
  date = day ("2026-01-01");
  g_assert_false (par_plans_record_progress (f->db, done, &date, 10, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (par_plans_complete_task (f->db, done, &date, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (par_plans_record_progress (f->db, cancelled, &date, 10, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (par_plans_cancel_task (f->db, cancelled, &date, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (par_plans_record_progress (f->db, 9999, &date, 10, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (par_plans_record_progress (f->db, open, &date, 101, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM progress_entry"), ==, 1);
}

static ParTask *
task_by_code (GPtrArray  *tasks,
              const char *code)
{
  for (guint i = 0; i < tasks->len; i++)
    if (g_str_equal (par_task_get_code (g_ptr_array_index (tasks, i)), code))
      return g_ptr_array_index (tasks, i);
  return NULL;
}

/* The plan @target after the 2028 plan of test_carry_over() was carried into it. */
static void
assert_carried (Fixture *f,
                gint64   target)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;
  char *iso;
  ParTask *task;

  tasks = par_plans_list_tasks (f->db, target, &error);
  g_assert_cmpuint (tasks->len, ==, 5);
  task = task_by_code (tasks, "L");
  g_assert_nonnull (task);
  par_task_get_deadline (task, &date);
  iso = par_plan_format_date (&date);
  g_assert_cmpstr (iso, ==, "2029-02-28");
  g_free (iso);
  g_assert_cmpstr (par_task_get_output (task), ==, "Báo cáo");
  g_assert_cmpstr (par_task_get_coordinating_codes (task)[0], ==, "PTP");
  g_assert_cmpstr (par_task_get_coordinating_codes (task)[1], ==, "VP");
  g_assert_cmpint (par_task_get_carried_from (task), >, 0);
  task = task_by_code (tasks, "Q");
  g_assert_cmpint (par_task_get_deadline_kind (task), ==, PAR_DEADLINE_QUARTER);
  g_assert_cmpint (par_task_get_deadline_quarter (task), ==, 2);
  task = task_by_code (tasks, "O");
  g_assert_cmpint (par_task_get_deadline_kind (task), ==, PAR_DEADLINE_ONGOING);
  g_assert_null (task_by_code (tasks, "D"));
  g_assert_null (task_by_code (tasks, "C"));
  /* The clashing code got a default code; progress stayed with the original. */
  task = g_ptr_array_index (tasks, 4);
  g_assert_cmpstr (par_task_get_title (task), ==, "Code clash");
  g_assert_cmpstr (par_task_get_code (task), ==, "I.2");
  g_assert_cmpuint (par_task_get_progress (task)->len, ==, 0);

}

static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  gint64 units[3];
  gint64 plan = make_plan (f, 2028, units);
  gint64 coordinating[] = { units[2], units[1] };
  ParTaskSpec spec = { .title = "Leap day", .area = PAR_AREA_DIRECTION, .lead_id = units[0], .code = "L",
                       .deadline_kind = PAR_DEADLINE_DATE, .deadline_date = day ("29/02/2028"),
                       .coordinating_ids = coordinating, .n_coordinating = 2, .output = "Báo cáo" };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 target, again, next, done, gone, existing, clash;
  GDate date = day ("2028-06-01");
  GDate tmp;

  add_task (f, plan, &spec, 0, 0);
  spec.code = "Q", spec.deadline_kind = PAR_DEADLINE_QUARTER, spec.deadline_quarter = 2, spec.n_coordinating = 0;
  add_task (f, plan, &spec, 0, 0);
  spec.code = "O", spec.deadline_kind = PAR_DEADLINE_ONGOING;
  add_task (f, plan, &spec, 0, 0);
  spec.code = "D";
  done = add_task (f, plan, &spec, 0, 0);
  spec.code = "C";
  gone = add_task (f, plan, &spec, 0, 0);
  spec.code = "I.1", spec.title = "Code clash";
  clash = add_task (f, plan, &spec, 0, 0);
  /* Completed and cancelled later than any as-of date: still not carried. */
  g_assert_true (par_plans_complete_task (f->db, done, at (&tmp, "2029-03-01"), NULL, &error));
  g_assert_true (par_plans_cancel_task (f->db, gone, at (&tmp, "2029-03-01"), NULL, &error));
  g_assert_true (par_plans_record_progress (f->db, clash, &date, 50, NULL, &error));
  g_assert_no_error (error);

  /* The year after already has a plan holding a task I.1. */
  existing = par_plans_create (f->db, units[0] - 1, 2029, "Kế hoạch 2029", &error);
  spec.code = "I.1", spec.title = "Already there";
  add_task (f, existing, &spec, 0, 0);

  target = par_plans_carry_over (f->db, plan, 2029, &error);
  g_assert_no_error (error);
  g_assert_cmpint (target, ==, existing);
  assert_carried (f, target);

  /* Twice: nothing more. */
  again = par_plans_carry_over (f->db, plan, 2029, &error);
  g_assert_cmpint (again, ==, target);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM task WHERE plan_id = (SELECT id FROM plan WHERE year = 2029)"), ==, 5);

  /* Into a year with no plan: created with the default title; 29 Feb 2028 → 2032 is 29 Feb again. */
  next = par_plans_carry_over (f->db, plan, 2032, &error);
  g_assert_no_error (error);
  plans = par_plans_list (f->db, &error);
  g_assert_cmpuint (plans->len, ==, 3);
  g_assert_cmpint (par_plan_get_id (g_ptr_array_index (plans, 2)), ==, next);
  {
    g_autofree char *title = par_plans_default_title (2032);

    g_assert_cmpstr (par_plan_get_title (g_ptr_array_index (plans, 2)), ==, title);
  }
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2032 AND t.deadline = '2032-02-29'"), ==, 1);

  /* Not into the same or an earlier year; not from a plan that is not there. */
  g_assert_cmpint (par_plans_carry_over (f->db, plan, 2028, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (par_plans_carry_over (f->db, 4242, 2029, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

/* A file as PAR Desk wrote it before 0003, with a plan in it, is updated and keeps its data. */
static void
test_migrate_from_v2 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.pardesk", NULL);
  g_autoptr(GBytes) v1 = g_resources_lookup_data ("/io/github/pardesk/ParDesk/core/migrations/0001-initial.sql", 0, NULL);
  g_autoptr(GBytes) v2 = g_resources_lookup_data ("/io/github/pardesk/ParDesk/core/migrations/0002-text-read.sql", 0, NULL);
  g_autofree char *backup = g_strconcat (old, ".v2-backup", NULL);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = day ("2026-07-01");
  ParTask *task;

  g_assert_nonnull (v1);
  g_assert_nonnull (v2);
  test_sqlite_exec (old, g_bytes_get_data (v1, NULL));
  test_sqlite_exec (old, g_bytes_get_data (v2, NULL));
  test_sqlite_exec (old, "PRAGMA application_id = 1346458180; PRAGMA user_version = 2;"
                         "INSERT INTO org_unit (id, code, name) VALUES (1, 'UBND', 'UBND'), (2, 'PNV', 'Phòng Nội vụ'), (3, 'VP', 'Văn phòng');"
                         "INSERT INTO plan (id, unit_id, year, title) VALUES (1, 1, 2026, 'Kế hoạch 2026');"
                         "INSERT INTO task (id, plan_id, position, code, area, title, deadline, deadline_quarter, completed_on)"
                         " VALUES (1, 1, 0, 'I.1', 'direction', 'Quarter', '', 2, ''),"
                         "        (2, 1, 1, 'I.1', 'procedures', 'Same code', '2026-05-15', NULL, '2026-05-10'),"
                         "        (3, 1, 2, '', 'apparatus', 'No deadline', '', NULL, '');"
                         "INSERT INTO task_unit (task_id, unit_id, role) VALUES (1, 2, 'lead'), (1, 3, 'coordinating'), (2, 3, 'lead'), (3, 2, 'lead');"
                         "INSERT INTO progress_entry (task_id, entry_date, percent) VALUES (1, '2026-04-01', 30);");
  g_assert_cmpint (test_sqlite_int (old, "PRAGMA user_version"), ==, 2);

  db = par_database_open (old, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_cmpstr (par_database_get_backup_path (db), ==, backup);
  g_assert_cmpint (test_sqlite_int (backup, "PRAGMA user_version"), ==, 2);

  tasks = par_plans_list_tasks (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 3);
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpstr (par_task_get_code (task), ==, "I.1");
  g_assert_cmpint (par_task_get_deadline_kind (task), ==, PAR_DEADLINE_QUARTER);
  g_assert_cmpstr (par_task_get_lead_code (task), ==, "PNV");
  g_assert_cmpstr (par_task_get_coordinating_codes (task)[0], ==, "VP");
  g_assert_cmpuint (par_task_get_percent (task, &as_of), ==, 30);
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_OVERDUE);
  task = g_ptr_array_index (tasks, 1);
  g_assert_cmpstr (par_task_get_code (task), ==, "#2");   /* a repeated code made unique */
  g_assert_cmpint (par_task_get_status (task, &as_of), ==, PAR_TASK_STATUS_DONE);
  task = g_ptr_array_index (tasks, 2);
  g_assert_cmpint (par_task_get_deadline_kind (task), ==, PAR_DEADLINE_ONGOING);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
}

/* A task of a 2026 plan led by @lead, due on @due ("Q2" for quarter 2). */
static ParTask *
tally_task (gint64      id,
            const char *code,
            gint64      lead,
            const char *lead_code,
            const char *due)
{
  ParTask *task = par_task_new (id, 1, 2026, code, code, PAR_AREA_DIRECTION, "");
  GDate date;

  g_date_clear (&date, 1);
  if (g_str_equal (due, "Q2"))
    par_task_set_deadline (task, PAR_DEADLINE_QUARTER, &date, 2);
  else
    par_task_set_deadline (task, PAR_DEADLINE_DATE, at (&date, due), 0);
  par_task_add_unit (task, lead, lead_code, TRUE);
  return task;
}

static char *
codes_of (GPtrArray *tasks)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? "," : "", par_task_get_code (g_ptr_array_index (tasks, i)));
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

/* The header's sums: each lead unit's completion, the overdue tasks, the
 * deadlines of the next 30 days, all as of a date and at its edges. */
static void
test_tally (void)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tallies = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *codes = NULL;
  ParUnitTally *tally;
  GDate as_of, tmp;

  g_ptr_array_add (tasks, tally_task (1, "A", 20, "SNV", "2026-06-01"));   /* done on time */
  g_ptr_array_add (tasks, tally_task (2, "B", 10, "STP", "2026-05-15"));   /* overdue */
  g_ptr_array_add (tasks, tally_task (3, "C", 20, "SNV", "2026-04-30"));   /* overdue, due first */
  g_ptr_array_add (tasks, tally_task (4, "D", 20, "SNV", "Q2"));           /* due 30/06 */
  g_ptr_array_add (tasks, tally_task (5, "E", 10, "STP", "2026-07-01"));   /* due the day after 30 days */
  g_ptr_array_add (tasks, tally_task (6, "F", 20, "SNV", "2026-06-01"));   /* cancelled */
  g_ptr_array_add (tasks, tally_task (7, "G", 10, "STP", "2026-05-31"));   /* due on the as-of day */
  par_task_set_completed (g_ptr_array_index (tasks, 0), at (&tmp, "2026-05-20"));
  par_task_set_cancelled (g_ptr_array_index (tasks, 5), at (&tmp, "2026-03-01"), "");
  as_of = day ("2026-05-31");

  tallies = par_plan_tally_by_lead_unit (tasks, &as_of);
  g_assert_cmpuint (tallies->len, ==, 2);
  tally = g_ptr_array_index (tallies, 0);   /* by unit code: SNV before STP */
  g_assert_cmpstr (tally->unit_code, ==, "SNV");
  g_assert_cmpint (tally->unit_id, ==, 20);
  g_assert_cmpuint (par_unit_tally_get_total (tally), ==, 4);
  g_assert_cmpuint (tally->n[PAR_TASK_STATUS_DONE], ==, 1);
  g_assert_cmpuint (tally->n[PAR_TASK_STATUS_OVERDUE], ==, 1);
  g_assert_cmpuint (tally->n[PAR_TASK_STATUS_CANCELLED], ==, 1);
  /* 1 done of the 3 not cancelled: 33.3 %. */
  g_assert_cmpint (par_unit_tally_get_completed_tenths (tally), ==, 333);
  tally = g_ptr_array_index (tallies, 1);
  g_assert_cmpstr (tally->unit_code, ==, "STP");
  g_assert_cmpuint (par_unit_tally_get_total (tally), ==, 3);
  g_assert_cmpint (par_unit_tally_get_completed_tenths (tally), ==, 0);

  overdue = par_plan_tasks_overdue (tasks, &as_of);
  codes = codes_of (overdue);
  g_assert_cmpstr (codes, ==, "C,B");
  g_clear_pointer (&codes, g_free);

  /* From the as-of day (never overdue on it) to 30 days on: 30/06, not 01/07. */
  due = par_plan_tasks_due_within (tasks, &as_of, 30);
  codes = codes_of (due);
  g_assert_cmpstr (codes, ==, "G,D");
  g_clear_pointer (&codes, g_free);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* A day later G is overdue, and E comes within reach. */
  as_of = day ("2026-06-01");
  due = par_plan_tasks_due_within (tasks, &as_of, 30);
  codes = codes_of (due);
  g_assert_cmpstr (codes, ==, "D,E");
  g_clear_pointer (&codes, g_free);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = par_plan_tasks_overdue (tasks, &as_of);
  codes = codes_of (overdue);
  g_assert_cmpstr (codes, ==, "C,B,G");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

  g_test_add_func ("/plan/dates", test_dates);
  g_test_add_func ("/plan/areas", test_areas);
  g_test_add_func ("/plan/deadlines", test_deadlines);
  g_test_add_func ("/plan/status-rules", test_status_rules);
  g_test_add_func ("/plan/task-percent", test_task_percent);
  g_test_add_func ("/plan/default-code-rule", test_default_code_rule);
  g_test_add_func ("/plan/tally", test_tally);
  g_test_add ("/plan/add-and-codes", Fixture, NULL, test_fixture_set_up, test_add_and_codes, test_fixture_tear_down);
  g_test_add ("/plan/update-task", Fixture, NULL, test_fixture_set_up, test_update_task, test_fixture_tear_down);
  g_test_add ("/plan/refusals", Fixture, NULL, test_fixture_set_up, test_refusals, test_fixture_tear_down);
  g_test_add ("/plan/carry-over", Fixture, NULL, test_fixture_set_up, test_carry_over, test_fixture_tear_down);
  g_test_add ("/plan/migrate-from-v2", Fixture, NULL, test_fixture_set_up, test_migrate_from_v2,
              test_fixture_tear_down);
  return g_test_run ();
}
