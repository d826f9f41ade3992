/* par-desk-bench-plan.c: how fast the annual reform plan is on a large plan
 *
 * Builds a plan of 2,000 tasks over the seven areas, led by 20 units, with
 * progress in every state (par-bench-plan-builder.c), and prints the
 * median time of: the statuses of every task as of a date (with and
 * without loading the tasks), and
 * `par-desk-cli export plan` and `export report` each as a whole process.
 * Usage: par-desk-bench-plan [PATH_TO_par-desk-cli]. Figures, not
 * pass/fail: see the goals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "par-bench-plan-builder.h"

#define N_TASKS PAR_BENCH_PLAN_TASKS
#define N_UNITS PAR_BENCH_PLAN_UNITS
#define YEAR    PAR_BENCH_PLAN_YEAR
#define RUNS    7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
time_statuses (ParDatabase *db,
               gint64       plan)
{
  g_autoptr(GError) error = NULL;
  double loaded[RUNS], computed[RUNS];
  guint counts[PAR_N_TASK_STATUSES] = { 0 };
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 30, G_DATE_SEPTEMBER, YEAR);
  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(GPtrArray) tasks = NULL;
      double t = now_ms (), t2;

      tasks = par_plans_list_tasks (db, plan, &error);
      g_assert_no_error (error);
      t2 = now_ms ();
      memset (counts, 0, sizeof counts);
      for (guint i = 0; i < tasks->len; i++)
        counts[par_task_get_status (g_ptr_array_index (tasks, i), &as_of)]++;
      computed[r] = now_ms () - t2;
      loaded[r] = now_ms () - t;
    }
  printf ("plan: %d tasks, %d lead units; as of 30/09/%d:", N_TASKS, N_UNITS, YEAR);
  for (guint s = 0; s < PAR_N_TASK_STATUSES; s++)
    printf (" %s %u", par_task_status_to_string (s), counts[s]);
  printf ("\n");
  printf ("statuses of all tasks (in memory)     %8.2f ms   goal < 20 ms\n", median (computed, RUNS));
  printf ("statuses with loading the tasks        %8.2f ms   goal < 20 ms\n", median (loaded, RUNS));
}

/* @args run as a whole process, RUNS times. */
static void
time_command (const char  *label,
              const char **args)
{
  double times[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      int status = 0;
      double t = now_ms ();

      g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                    NULL);
      times[r] = now_ms () - t;
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  printf ("%-38s %8.1f ms   goal < 300 ms\n", label, median (times, RUNS));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("par-desk-bench-plan-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.pardesk", NULL);
  g_autofree char *plan_path = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *plan_id = NULL;
  g_autoptr(ParDatabase) db = NULL;
  const char *cli = argc > 1 ? argv[1] : NULL;
  gint64 plan;

  par_i18n_init ();
  db = par_database_open (db_path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plan = par_bench_plan_fill (db, NULL);
  time_statuses (db, plan);
  g_clear_object (&db);

  if (cli != NULL)
    {
      const char *export_plan[] = { cli, "--db", db_path, "export", "plan", "--plan", NULL, "--as-of", "2026-09-30",
                                    "-o", plan_path, NULL };
      const char *export_report[] = { cli, "--db", db_path, "export", "report", "--plan", NULL, "--quarter", "3",
                                      "-o", report_path, NULL };

      plan_id = g_strdup_printf ("%" G_GINT64_FORMAT, plan);
      export_plan[6] = export_report[6] = plan_id;
      time_command ("export plan (whole process)", export_plan);
      time_command ("export report (whole process)", export_report);
    }

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  return 0;
}
