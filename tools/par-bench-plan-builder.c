/* par-bench-plan-builder.c: the large plan the plan benchmarks measure
 *
 * 2,000 tasks over the seven areas, led by 20 units, with progress in
 * every state (none, some, done on time, done late, cancelled, overdue
 * with progress). par-desk-bench-plan and par-desk-bench-plan-view both
 * build it, so that their figures are about the same plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-bench-plan-builder.h"

/* Task @i's progress: one of six kinds, dated in the first ten months. */
static void
record_progress (ParDatabase *db,
                 gint64       id,
                 guint        i)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1 + i % 28, 1 + i % 5, PAR_BENCH_PLAN_YEAR);
  switch (i % 6)
    {
    case 0:
      break;
    case 1:
      g_assert_true (par_plans_record_progress (db, id, &date, 10 + i % 80, "Đang triển khai", &error));
      break;
    case 2:
      g_assert_true (par_plans_record_progress (db, id, &date, 50, NULL, &error));
      g_date_add_days (&date, 3);
      g_assert_true (par_plans_complete_task (db, id, &date, NULL, &error));
      break;
    case 3:
      g_date_set_dmy (&date, 1 + i % 28, 7 + i % 2, PAR_BENCH_PLAN_YEAR);
      g_assert_true (par_plans_complete_task (db, id, &date, "Hoàn thành chậm", &error));
      break;
    case 4:
      g_assert_true (par_plans_cancel_task (db, id, &date, "Không còn phù hợp", &error));
      break;
    default:
      g_assert_true (par_plans_record_progress (db, id, &date, 30, NULL, &error));
      break;
    }
}

/* The units, the plan and its tasks; returns the plan's id, and in
 * @unit_id (if not NULL) the id of the unit the plan is for. */
gint64
par_bench_plan_fill (ParDatabase *db,
                     gint64      *unit_id)
{
  g_autoptr(GError) error = NULL;
  gint64 units[PAR_BENCH_PLAN_UNITS];
  gint64 top, plan;

  top = par_directory_add_unit (db, "UBND", "Ủy ban nhân dân thành phố", PAR_UNIT_LEVEL_DISTRICT,
                                PAR_DIRECTORY_ROOT, &error);
  g_assert_no_error (error);
  for (guint u = 0; u < PAR_BENCH_PLAN_UNITS; u++)
    {
      g_autofree char *code = g_strdup_printf ("P%02u", u);
      g_autofree char *name = g_strdup_printf ("Phòng chuyên môn số %u", u);

      units[u] = par_directory_add_unit (db, code, name, PAR_UNIT_LEVEL_OFFICE, top, &error);
      g_assert_no_error (error);
    }
  plan = par_plans_create (db, top, PAR_BENCH_PLAN_YEAR, NULL, &error);
  g_assert_no_error (error);
  if (unit_id != NULL)
    *unit_id = top;
  for (guint i = 0; i < PAR_BENCH_PLAN_TASKS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ cải cách hành chính số %u của kế hoạch năm", i);
      gint64 coordinating[2] = { units[(i + 1) % PAR_BENCH_PLAN_UNITS], units[(i + 2) % PAR_BENCH_PLAN_UNITS] };
      ParTaskSpec spec = { 0 };
      gint64 id;

      spec.title = title;
      spec.area = i % PAR_N_AREAS;
      spec.output = "Báo cáo kết quả";
      spec.deadline_kind = (i / 6) % 3;
      g_date_clear (&spec.deadline_date, 1);
      g_date_set_dmy (&spec.deadline_date, 1 + i % 28, 1 + i % 6, PAR_BENCH_PLAN_YEAR);
      spec.deadline_quarter = 1 + (i / 18) % 4;
      spec.lead_id = units[i % PAR_BENCH_PLAN_UNITS];
      spec.coordinating_ids = coordinating;
      spec.n_coordinating = i % 3;
      id = par_plans_add_task (db, plan, &spec, &error);
      g_assert_no_error (error);
      record_progress (db, id, i);
    }
  return plan;
}
