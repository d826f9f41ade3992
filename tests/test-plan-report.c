/* test-plan-report.c: the quarterly report worked out (par_plan_report_compute): counts by area and by lead unit,
 * totals, Completed (%), the overdue tasks, each as of the quarter's last day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (par_plan_date_from_iso (iso, &date));
  return date;
}

static gint64
add (Fixture         *f,
     gint64           plan,
     ParArea          area,
     gint64           lead,
     ParDeadlineKind  kind,
     const char      *deadline)
{
  ParTaskSpec spec = { NULL, "Nhiệm vụ", area, NULL, kind, { 0 }, 0, lead, NULL, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_date_clear (&spec.deadline_date, 1);
  if (kind == PAR_DEADLINE_DATE)
    spec.deadline_date = day (deadline);
  else if (kind == PAR_DEADLINE_QUARTER)
    spec.deadline_quarter = atoi (deadline);
  id = par_plans_add_task (f->db, plan, &spec, &error);
  g_assert_no_error (error);
  return id;
}

/* Six tasks of 2026, in every state by the end of quarter II:
 * I:   PNV due 31/03, done 31/03 (done); VP due 31/03, done 10/04 (late)
 * III: PNV due Q2, 40 % on 01/05 (in progress); VP due 15/02, cancelled 01/03;
 *      VP due 20/01, nothing (overdue)
 * VII: PNV ongoing (not started) */
static gint64
make_report_plan (Fixture *f)
{
  gint64 top = test_fixture_add_unit (f, "UBND", "Ủy ban nhân dân", 0);
  gint64 pnv = test_fixture_add_unit (f, "PNV", "Phòng Nội vụ", top);
  gint64 vp = test_fixture_add_unit (f, "VP", "Văn phòng", top);
  g_autoptr(GError) error = NULL;
  gint64 plan = par_plans_create (f->db, top, 2026, "Kế hoạch CCHC năm 2026", &error);
  GDate date;

  g_assert_no_error (error);
  date = day ("2026-03-31");
  par_plans_complete_task (f->db, add (f, plan, PAR_AREA_DIRECTION, pnv, PAR_DEADLINE_DATE, "2026-03-31"), &date,
                           NULL, &error);
  date = day ("2026-04-10");
  par_plans_complete_task (f->db, add (f, plan, PAR_AREA_DIRECTION, vp, PAR_DEADLINE_DATE, "2026-03-31"), &date,
                           NULL, &error);
  date = day ("2026-05-01");
  par_plans_record_progress (f->db, add (f, plan, PAR_AREA_PROCEDURES, pnv, PAR_DEADLINE_QUARTER, "2"), &date, 40,
                             NULL, &error);
  date = day ("2026-03-01");
  par_plans_cancel_task (f->db, add (f, plan, PAR_AREA_PROCEDURES, vp, PAR_DEADLINE_DATE, "2026-02-15"), &date,
                         NULL, &error);
  add (f, plan, PAR_AREA_PROCEDURES, vp, PAR_DEADLINE_DATE, "2026-01-20");
  add (f, plan, PAR_AREA_DIGITAL_GOVERNMENT, pnv, PAR_DEADLINE_ONGOING, NULL);
  g_assert_no_error (error);
  return plan;
}

/* "TASKS DONE LATE PROGRESS NOT-STARTED OVERDUE CANCELLED TENTHS" */
static char *
describe_row (const ParPlanReportRow *row)
{
  return g_strdup_printf ("%u %u %u %u %u %u %u %" G_GINT64_FORMAT, row->tasks, row->n[PAR_TASK_STATUS_DONE],
                          row->n[PAR_TASK_STATUS_DONE_LATE], row->n[PAR_TASK_STATUS_IN_PROGRESS],
                          row->n[PAR_TASK_STATUS_NOT_STARTED], row->n[PAR_TASK_STATUS_OVERDUE],
                          row->n[PAR_TASK_STATUS_CANCELLED], row->completed_tenths);
}

static void
assert_row (const ParPlanReportRow *row,
            const char             *number,
            const char             *name,
            const char             *counts)
{
  g_autofree char *described = describe_row (row);

  g_assert_cmpstr (row->number, ==, number);
  if (name != NULL)
    g_assert_cmpstr (row->name, ==, name);
  g_assert_cmpstr (described, ==, counts);
}

static void
test_quarter_two (Fixture       *f,
                  gconstpointer  data)
{
  gint64 plan = make_report_plan (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParPlanReport) report = par_plan_report_compute (f->db, plan, 2, &error);
  g_autofree char *as_of = NULL;
  ParPlanReportOverdue *overdue;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  as_of = par_plan_format_date (&report->as_of);
  g_assert_cmpstr (as_of, ==, "2026-06-30");
  g_assert_cmpstr (report->plan_title, ==, "Kế hoạch CCHC năm 2026");
  g_assert_cmpstr (report->unit_name, ==, "Ủy ban nhân dân");
  g_assert_nonnull (strstr (report->period, "30/06/2026"));
  g_assert_nonnull (strstr (report->period, " II "));

  /* All seven areas, zeros included. */
  assert_row (&report->areas[PAR_AREA_DIRECTION], "I", par_area_get_name (PAR_AREA_DIRECTION), "2 1 1 0 0 0 0 1000");
  assert_row (&report->areas[PAR_AREA_INSTITUTIONS], "II", NULL, "0 0 0 0 0 0 0 0");
  assert_row (&report->areas[PAR_AREA_PROCEDURES], "III", NULL, "3 0 0 1 0 1 1 0");
  assert_row (&report->areas[PAR_AREA_DIGITAL_GOVERNMENT], "VII", NULL, "1 0 0 0 1 0 0 0");
  assert_row (&report->area_total, "", C_("plan report", "Total"), "6 1 1 1 1 1 1 400");

  /* By lead unit, by code, numbered; their totals are the same. */
  g_assert_cmpuint (report->leads->len, ==, 2);
  assert_row (&g_array_index (report->leads, ParPlanReportRow, 0), "1", "Phòng Nội vụ", "3 1 0 1 1 0 0 333");
  assert_row (&g_array_index (report->leads, ParPlanReportRow, 1), "2", "Văn phòng", "3 0 1 0 0 1 1 500");
  assert_row (&report->lead_total, "", C_("plan report", "Total"), "6 1 1 1 1 1 1 400");

  /* Overdue: only the task due 20/01, 161 days at 30/06; the quarter-II
   * task is not yet overdue on the quarter's last day. */
  g_assert_cmpuint (report->overdue->len, ==, 1);
  overdue = &g_array_index (report->overdue, ParPlanReportOverdue, 0);
  g_assert_cmpstr (overdue->code, ==, "III.3");
  g_assert_cmpstr (overdue->lead, ==, "Văn phòng");
  g_assert_cmpint (overdue->days_overdue, ==, 161);
  g_assert_cmpuint (overdue->percent, ==, 0);
}

/* What is recorded after the quarter's end does not count; overdue tasks
 * by deadline. */
static void
test_quarters_one_and_three (Fixture       *f,
                             gconstpointer  data)
{
  gint64 plan = make_report_plan (f);
  g_autoptr(ParPlanReport) q1 = par_plan_report_compute (f->db, plan, 1, NULL);
  g_autoptr(ParPlanReport) q3 = par_plan_report_compute (f->db, plan, 3, NULL);
  ParPlanReportOverdue *first, *second;

  /* At 31/03 the task done on 10/04 is not done, and its deadline day is not overdue. */
  assert_row (&q1->areas[PAR_AREA_DIRECTION], "I", NULL, "2 1 0 0 1 0 0 500");
  assert_row (&q1->areas[PAR_AREA_PROCEDURES], "III", NULL, "3 0 0 0 1 1 1 0");
  g_assert_cmpuint (q1->overdue->len, ==, 1);
  g_assert_cmpint (g_array_index (q1->overdue, ParPlanReportOverdue, 0).days_overdue, ==, 70);

  g_assert_cmpuint (q3->overdue->len, ==, 2);
  first = &g_array_index (q3->overdue, ParPlanReportOverdue, 0);
  second = &g_array_index (q3->overdue, ParPlanReportOverdue, 1);
  g_assert_cmpstr (first->code, ==, "III.3");
  g_assert_cmpstr (second->code, ==, "III.1");
  g_assert_cmpint (second->days_overdue, ==, 92);
  g_assert_cmpuint (second->percent, ==, 40);
}

static void
test_unknown_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParPlanReport) report = par_plan_report_compute (f->db, 4242, 1, &error);

  g_assert_null (report);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

/* One decimal, the locale's separator: a comma in Vietnamese. */
static void
test_format_tenths (void)
{
  const char *separator = g_dpgettext2 (GETTEXT_PACKAGE, "decimal separator", ".");
  g_autofree char *third = par_plan_format_tenths (333);
  g_autofree char *whole = par_plan_format_tenths (1000);
  g_autofree char *zero = par_plan_format_tenths (0);
  g_autofree char *want_third = g_strconcat ("33", separator, "3", NULL);
  g_autofree char *want_whole = g_strconcat ("100", separator, "0", NULL);
  g_autofree char *want_zero = g_strconcat ("0", separator, "0", NULL);

  if (g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "vi"))
    g_assert_cmpstr (separator, ==, ",");
  g_assert_cmpstr (third, ==, want_third);
  g_assert_cmpstr (whole, ==, want_whole);
  g_assert_cmpstr (zero, ==, want_zero);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

  g_test_add_func ("/plan-report/format-tenths", test_format_tenths);
  g_test_add ("/plan-report/quarter-two", Fixture, NULL, test_fixture_set_up, test_quarter_two,
              test_fixture_tear_down);
  g_test_add ("/plan-report/quarters-one-and-three", Fixture, NULL, test_fixture_set_up,
              test_quarters_one_and_three, test_fixture_tear_down);
  g_test_add ("/plan-report/unknown-plan", Fixture, NULL, test_fixture_set_up, test_unknown_plan,
              test_fixture_tear_down);
  return g_test_run ();
}
