/* par-desk-bench-inspections.c: how fast the clash check and the free-day search are on a busy year
 *
 * Builds a file with 60 staff in 20 units and 300 inspections over 2026
 * (one to three days each, teams of three to six drawn from the staff,
 * saved with --force so that the year is as crowded as it comes), then
 * prints the median time of: the clash check of one inspection (a new
 * one, and a saved one against every other), and the free-slot search for
 * a team of six over the whole year; given the command-line tool, the
 * whole-process time of `export inspections` and `export ics` of the year
 * (each inspection with a scope and two recommendations). Usage:
 * par-desk-bench-inspections [PATH_TO_par-desk-cli]. Figures, not
 * pass/fail: the goals are < 5 ms, < 20 ms and < 300 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "par-core.h"
#include "par-database-private.h"

#define N_UNITS        20
#define N_STAFF        60
#define N_INSPECTIONS  300
#define YEAR           2026
#define RUNS           21

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

/* A team of @n distinct people of @staff, a leader first. */
static void
draw_team (GRand        *rand,
           const gint64 *staff,
           guint         n,
           ParTeamSeat  *team)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean taken;

      do
        {
          team[i].staff_id = staff[g_rand_int_range (rand, 0, N_STAFF)];
          taken = FALSE;
          for (guint j = 0; j < i; j++)
            taken |= team[j].staff_id == team[i].staff_id;
        }
      while (taken);
      team[i].role = i == 0 ? PAR_TEAM_ROLE_LEADER : i == 1 ? PAR_TEAM_ROLE_DEPUTY
                     : i == n - 1 ? PAR_TEAM_ROLE_SECRETARY : PAR_TEAM_ROLE_MEMBER;
    }
}

/* Two recommendations of the inspection, the first one closed. */
static void
add_recommendations (ParDatabase *db,
                     gint64       inspection_id,
                     gint64       unit_id,
                     const GDate *last)
{
  g_autoptr(GError) error = NULL;
  GDate deadline = *last;
  gint64 id;

  g_assert_cmpint (inspection_id, >, 0);
  g_date_add_days (&deadline, 60);
  id = par_recommendations_add (db, inspection_id, "Rà soát, công khai đầy đủ thủ tục hành chính", unit_id,
                                &deadline, 0, &error);
  g_assert_no_error (error);
  par_recommendations_close (db, id, &deadline, "Đã công khai trên Cổng Dịch vụ công", &error);
  g_assert_no_error (error);
  par_recommendations_add (db, inspection_id, "Cập nhật đề án vị trí việc làm", unit_id, &deadline, 0, &error);
  g_assert_no_error (error);
}

/* @args run as a whole process, RUNS times: the median. */
static double
time_command (const char **args)
{
  double times[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      int status = 0;
      double start = now_ms ();

      g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                    NULL);
      times[r] = now_ms () - start;
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  return median (times, RUNS);
}

/* The two exports of the year through par-desk-cli, each as a whole process. */
static void
time_exports (const char *cli,
              const char *path,
              const char *dir)
{
  g_autofree char *xlsx = g_build_filename (dir, "inspections.xlsx", NULL);
  g_autofree char *ics = g_build_filename (dir, "inspections.ics", NULL);
  const char *export_inspections[] = { cli, "--db", path, "export", "inspections", "--year", "2026", "--as-of",
                                       "2026-09-30", "-o", xlsx, NULL };
  const char *export_ics[] = { cli, "--db", path, "export", "ics", "--year", "2026", "-o", ics, NULL };

  printf ("  export inspections, the year's workbook (whole process):      %.1f ms (goal < 300 ms)\n",
          time_command (export_inspections));
  printf ("  export ics, the year's calendar (whole process):              %.1f ms (goal < 300 ms)\n",
          time_command (export_ics));
}

static void
build (ParDatabase *db,
       gint64      *units,
       gint64      *staff)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GError) error = NULL;

  par_database_begin_bulk (db);
  for (int i = 0; i < N_UNITS; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%02d", i);
      g_autofree char *name = g_strdup_printf ("Đơn vị %d", i);

      units[i] = par_directory_add_unit (db, code, name, PAR_UNIT_LEVEL_DEPARTMENT, PAR_DIRECTORY_ROOT, &error);
      g_assert_no_error (error);
    }
  for (int i = 0; i < N_STAFF; i++)
    {
      g_autofree char *name = g_strdup_printf ("Cán bộ %d", i);

      staff[i] = par_directory_add_staff_contact (db, units[i % N_UNITS], name, "Chuyên viên",
                                                  PAR_STAFF_ROLE_STEERING_MEMBER, "a@b.vn", NULL, &error);
      g_assert_no_error (error);
    }
  for (int i = 0; i < N_INSPECTIONS; i++)
    {
      ParTeamSeat team[6];
      ParInspectionSpec spec = { 0 };

      spec.n_team = (guint) g_rand_int_range (rand, 3, 7);
      draw_team (rand, staff, spec.n_team, team);
      spec.team = team;
      spec.unit_id = units[g_rand_int_range (rand, 0, N_UNITS)];
      g_date_clear (&spec.first, 1);
      g_date_set_dmy (&spec.first, 1, G_DATE_JANUARY, YEAR);
      g_date_add_days (&spec.first, (guint) g_rand_int_range (rand, 0, 360));
      spec.last = spec.first;
      g_date_add_days (&spec.last, (guint) g_rand_int_range (rand, 0, 3));
      spec.title = "Kiểm tra công tác cải cách hành chính";
      spec.scope = "Công tác chỉ đạo, điều hành; cải cách thủ tục hành chính; thực hiện cơ chế một cửa";
      add_recommendations (db, par_inspections_add (db, &spec, TRUE, NULL, &error), spec.unit_id, &spec.last);
      g_assert_no_error (error);
    }
  par_database_end_bulk (db);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("par-bench-inspections-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.pardesk", NULL);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 units[N_UNITS], staff[N_STAFF], team[6];
  double check_new[RUNS], check_saved[RUNS], slots[RUNS];
  ParTeamSeat seats[6];
  ParInspectionSpec spec = { 0 };
  guint n_clashes = 0, n_runs = 0;
  GDate after;

  par_i18n_init ();
  db = par_database_open (path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  build (db, units, staff);

  for (int i = 0; i < 6; i++)
    {
      seats[i].staff_id = team[i] = staff[i * 7];
      seats[i].role = i == 0 ? PAR_TEAM_ROLE_LEADER : PAR_TEAM_ROLE_MEMBER;
    }
  spec.unit_id = units[3];
  g_date_clear (&spec.first, 1);
  g_date_set_dmy (&spec.first, 14, G_DATE_SEPTEMBER, YEAR);
  spec.last = spec.first;
  g_date_add_days (&spec.last, 4);
  spec.title = "Kiểm tra";
  spec.team = seats;
  spec.n_team = 6;
  g_date_clear (&after, 1);
  g_date_set_dmy (&after, 31, G_DATE_DECEMBER, YEAR - 1);

  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) saved = NULL;
      g_autoptr(GArray) runs = NULL;
      double start = now_ms ();

      found = par_inspections_check (db, &spec, 0, &error);
      check_new[r] = now_ms () - start;
      start = now_ms ();
      saved = par_inspections_clashes (db, 150, &error);
      check_saved[r] = now_ms () - start;
      start = now_ms ();
      runs = par_inspections_free_slots (db, units[3], team, 6, 2, &after, 1000, &error);
      slots[r] = now_ms () - start;
      g_assert_no_error (error);
      n_clashes = found->len;
      n_runs = runs->len;
    }

  printf ("Inspections: %d over %d, %d staff in %d units\n", N_INSPECTIONS, YEAR, N_STAFF, N_UNITS);
  printf ("  clash check of a new 5-day inspection, team of 6 (%u clashes): %.2f ms (goal < 5 ms)\n",
          n_clashes, median (check_new, RUNS));
  printf ("  clash check of a saved inspection against every other:         %.2f ms (goal < 5 ms)\n",
          median (check_saved, RUNS));
  printf ("  free-slot search, team of 6, 2 days, the whole year (%u runs):  %.2f ms (goal < 20 ms)\n",
          n_runs, median (slots, RUNS));

  g_clear_object (&db);
  if (argc > 1)
    time_exports (argv[1], path, dir);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  return 0;
}
