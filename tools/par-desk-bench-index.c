/* par-desk-bench-index.c: how fast the PAR Index is on a large set
 *
 * Builds a 300-node criteria set, 60 units scored on every item, and
 * prints the median time of: importing the set, `par-desk-cli score show`
 * (the whole process), writing one score sheet, computing and writing the
 * ranking, and one edit with its totals. Usage: par-desk-bench-index
 * [PATH_TO_par-desk-cli]. Figures, not pass/fail: see the goals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "par-core.h"

#define N_AREAS     8
#define N_CRITERIA  6     /* per area */
#define N_SUB       5     /* per criterion: 8 × (1 + 6 × (1 + 5)) = 296 nodes */
#define N_UNITS     60
#define RUNS        7

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

/* A set of N_AREAS areas of 12.5 points: criteria of 2.5 (last 0),
 * sub-criteria of 0.5 with steps of 0.25, some choices. */
static char *
write_set (const char *dir)
{
  GString *json = g_string_new ("{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Benchmark set\","
                                " \"level\": \"department\", \"year\": 2025, \"nodes\": [");
  char *path = g_build_filename (dir, "bench-set.json", NULL);

  for (int a = 1; a <= N_AREAS; a++)
    {
      g_string_append_printf (json, "%s{ \"code\": \"%d\", \"title\": \"Lĩnh vực %d\", \"max\": 15, \"children\": [",
                              a > 1 ? "," : "", a, a);
      for (int c = 1; c <= N_CRITERIA; c++)
        {
          g_string_append_printf (json, "%s{ \"code\": \"%d.%d\", \"title\": \"Tiêu chí %d.%d\", \"max\": 2.5,"
                                        " \"children\": [", c > 1 ? "," : "", a, c, a, c);
          for (int s = 1; s <= N_SUB; s++)
            {
              if (s % 2 == 0)
                g_string_append_printf (json, "%s{ \"code\": \"%d.%d.%d\", \"title\": \"Tiêu chí thành phần %d.%d.%d\","
                                              " \"max\": 0.5, \"method\": { \"type\": \"choice\", \"options\": ["
                                              " {\"label\": \"Đạt\", \"points\": 0.5}, {\"label\": \"Không đạt\", \"points\": 0} ] },"
                                              " \"evidence\": \"Quyết định, kế hoạch, báo cáo\" }",
                                        s > 1 ? "," : "", a, c, s, a, c, s);
              else
                g_string_append_printf (json, "%s{ \"code\": \"%d.%d.%d\", \"title\": \"Tiêu chí thành phần %d.%d.%d\","
                                              " \"max\": 0.5, \"method\": { \"type\": \"manual\", \"step\": 0.25 } }",
                                        s > 1 ? "," : "", a, c, s, a, c, s);
            }
          g_string_append (json, "] }");
        }
      g_string_append (json, "] }");
    }
  g_string_append (json, "] }");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  g_string_free (json, TRUE);
  return path;
}

/* Imports the set RUNS times: the first import is kept, the others are
 * timed too. Returns the kept set. */
static ParCriteriaSet *
import_set (ParDatabase *db,
            const char  *set_path)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  double times[RUNS];
  gint64 set_id = 0;

  for (int r = 0; r < RUNS; r++)
    {
      double t = now_ms ();
      gint64 id;

      id = par_criteria_import_file (db, set_path, NULL, NULL, 0, &error);
      times[r] = now_ms () - t;
      g_assert_no_error (error);
      if (set_id == 0)
        set_id = id;
    }
  set = par_criteria_set_load (db, set_id, &error);
  g_assert_no_error (error);
  printf ("criteria set: %u nodes, %d units\n", par_criteria_set_get_n_nodes (set), N_UNITS);
  printf ("import (parse, check, write)      %8.1f ms   goal < 200 ms\n", median (times, RUNS));
  return g_steal_pointer (&set);
}

/* N_UNITS units, every item scored (one transaction per score, as the UI does). */
static void
fill_units (ParDatabase    *db,
            ParCriteriaSet *set)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  double t = now_ms ();

  for (int u = 1; u <= N_UNITS; u++)
    {
      g_autofree char *code = g_strdup_printf ("U%02d", u);
      g_autofree char *name = g_strdup_printf ("Đơn vị %d", u);
      gint64 unit_id = par_directory_add_unit (db, code, name, PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
      g_autoptr(ParAssessment) a = NULL;

      g_assert_no_error (error);
      a = par_assessment_load (db, set, unit_id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
        {
          ParCriteriaNode *node = par_criteria_set_get_node (set, i);

          if (par_criteria_node_is_leaf (node))
            par_assessment_set_score (a, node, PAR_SCORE_SELF, FALSE, 250 * g_rand_int_range (rand, 0, 3) % 750,
                                      NULL);
        }
    }
  printf ("(filling %d units took %.1f s)\n", N_UNITS, (now_ms () - t) / 1000);
}

/* score show, the whole CLI process, as a script sees it */
static void
time_score_show (const char *cli,
                 const char *db_path,
                 gint64      set_id)
{
  g_autoptr(GError) error = NULL;
  double times[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      g_autofree char *out = NULL;
      char set_arg[32];
      const char *args[] = { cli, "--db", db_path, "score", "show", "--set", set_arg, "--unit", "U30", NULL };
      int status;
      double t;

      g_snprintf (set_arg, sizeof set_arg, "%" G_GINT64_FORMAT, set_id);
      t = now_ms ();
      g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                    &error);
      times[r] = now_ms () - t;
      g_assert_no_error (error);
      g_assert_true (out != NULL && strstr (out, "TOTAL") != NULL);
    }
  printf ("score show (par-desk-cli process) %8.1f ms   goal < 50 ms\n", median (times, RUNS));
}

/* One unit's score sheet, loaded and written RUNS times. */
static void
time_score_sheet (ParDatabase    *db,
                  ParCriteriaSet *set,
                  ParUnit        *unit,
                  const char     *sheet_path)
{
  g_autoptr(GError) error = NULL;
  double times[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(ParAssessment) a = NULL;
      double t = now_ms ();

      a = par_assessment_load (db, set, par_unit_get_id (unit), &error);
      g_assert_true (par_export_score_sheet (db, a, sheet_path, NULL, &error));
      times[r] = now_ms () - t;
    }
  printf ("one score sheet (load + XLSX)     %8.1f ms   goal < 100 ms\n", median (times, RUNS));
}

static void
time_ranking (ParDatabase    *db,
              ParCriteriaSet *set,
              const char     *ranking_path)
{
  g_autoptr(GError) error = NULL;
  double times[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      double t = now_ms ();

      g_assert_true (par_export_ranking (db, set, PAR_RANKING_BY_SELF, ranking_path, &error));
      times[r] = now_ms () - t;
    }
  printf ("ranking of %d units (+ XLSX)      %8.1f ms   goal < 1000 ms\n", N_UNITS, median (times, RUNS));
}

/* One edit: the write (a transaction, fsync'd) and the totals after it. */
static void
time_edit (ParCriteriaSet *set,
           ParAssessment  *assessment)
{
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node = par_criteria_set_find_node (set, "4.3.1");
  double times[RUNS], totals_us[RUNS];
  ParTotals totals;

  for (int r = 0; r < RUNS; r++)
    {
      double t = now_ms (), t2;

      g_assert_true (par_assessment_set_score (assessment, node, PAR_SCORE_SELF, FALSE, 250 * (r % 3), &error));
      t2 = now_ms ();
      par_assessment_get_totals (assessment, &totals);
      times[r] = t2 - t;
      totals_us[r] = (now_ms () - t2) * 1000;
    }
  printf ("one edit, saved (synchronous=FULL) %7.2f ms\n", median (times, RUNS));
  printf ("totals after an edit               %7.2f µs   (the path to the root only, not the tree)\n",
          median (totals_us, RUNS));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("par-desk-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.pardesk", NULL);
  g_autofree char *set_path = write_set (dir);
  g_autofree char *sheet_path = g_build_filename (dir, "sheet.xlsx", NULL);
  g_autofree char *ranking_path = g_build_filename (dir, "ranking.xlsx", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  const char *cli = argc > 1 ? argv[1] : NULL;

  par_i18n_init ();
  db = par_database_open (db_path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  set = import_set (db, set_path);
  fill_units (db, set);
  g_clear_object (&db);

  if (cli != NULL)
    time_score_show (cli, db_path, par_criteria_set_get_id (set));

  db = par_database_open (db_path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  unit = par_directory_find_unit (db, "U30", &error);
  time_score_sheet (db, set, unit, sheet_path);
  assessment = par_assessment_load (db, set, par_unit_get_id (unit), &error);
  time_ranking (db, set, ranking_path);
  time_edit (set, assessment);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  return 0;
}
