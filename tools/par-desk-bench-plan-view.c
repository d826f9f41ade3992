/* par-desk-bench-plan-view.c: the Plan view on a plan of 2,000 tasks
 *
 * Run under a display (make bench uses Xvfb). Builds the plan of
 * par-desk-bench-plan (par-bench-plan-builder.c), opens the Plan view on
 * it in a window, and prints the median time, over several runs, from a
 * change to a frame drawn with its result:
 *  - the view's first fill: a new view, showing the same unit's plan of
 *    another year (none), asked for the plan of the benchmark's year;
 *  - a filter change: the status filter to "Overdue" and back to all, the
 *    search "ke hoach" (every task's title holds "kế hoạch") and cleared,
 *    the search "so 17" (tasks 17, 170–179 and 1700–1799) and cleared;
 *  - the as-of date changed: every status recomputed and shown.
 * Beside each, where the time went: the view's own code (until the rows
 * are in the column view's model, which makes and binds the row widgets)
 * and then GTK's frame: measuring and laying out the rows (most of it),
 * snapshot and render. The search entry's typing delay is set to
 * 0: the figure is what the view takes once the entry has asked.
 * Usage: par-desk-bench-plan-view. Figures, not pass/fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "par-bench-plan-builder.h"
#include "par-plan-view.h"

#define RUNS 7

typedef struct
{
  double total[RUNS];   /* from the change to the frame drawn */
  double code[RUNS];    /* from the change to the rows in the model */
  double frame[RUNS];   /* from the rows in the model to the frame drawn */
} Times;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (const double *values)
{
  double sorted[RUNS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, RUNS, sizeof (double), compare_doubles);
  return sorted[RUNS / 2];
}

/* When a frame was last painted. */
static double frame_ended;

static void
after_paint (GdkFrameClock *clock)
{
  frame_ended = now_ms ();
}

/* Waits for a frame drawn after now; puts into run @r of @times the time
 * from @start, and its parts before and after @code_done. */
static void
wait_for_frame (GtkWidget *widget,
                double     start,
                double     code_done,
                Times     *times,
                int        r)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong end_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  double timeout = now_ms () + 10000;

  frame_ended = 0;
  /* A frame comes even where nothing else would ask for one. */
  gtk_widget_queue_draw (widget);
  while (frame_ended == 0 && now_ms () < timeout)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (frame_ended > 0);
  g_signal_handler_disconnect (clock, end_id);
  if (times != NULL)
    {
      times->total[r] = frame_ended - start;
      times->code[r] = code_done - start;
      times->frame[r] = frame_ended - code_done;
    }
}

/* Lets whatever is pending (idle work, a stack's transition) finish, then
 * waits for a frame with @widget, if any. */
static void
settle (GtkWidget *widget)
{
  for (double end = now_ms () + 300; now_ms () < end;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  if (widget != NULL)
    wait_for_frame (widget, 0, 0, NULL, 0);
}

static guint
n_rows (ParPlanView *view)
{
  GtkColumnView *task_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), PAR_TYPE_PLAN_VIEW,
                                                                            "task_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (task_view)));
}

static void
print_times (const char  *label,
             const Times *times,
             const char  *goal,
             guint        rows)
{
  printf ("%-34s %8.1f ms   %s\n", label, median (times->total), goal);
  printf ("  of which the view's code %.1f ms, then laying out and drawing %.1f ms; %u rows\n",
          median (times->code), median (times->frame), rows);
}

/* A window holding a new Plan view on @context, drawn showing @unit_id's
 * (missing) plan of the year before. */
static ParPlanView *
open_view (ParContext *context,
           gint64      unit_id,
           GtkWindow **window)
{
  ParPlanView *view = g_object_new (PAR_TYPE_PLAN_VIEW, NULL);

  par_plan_view_set_context (view, context);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, GTK_WIDGET (view));
  gtk_window_set_default_size (*window, 1280, 800);
  gtk_window_present (*window);
  g_assert_true (par_plan_view_select (view, unit_id, PAR_BENCH_PLAN_YEAR - 1));
  settle (GTK_WIDGET (view));
  return view;
}

/* A new view each run, asked for the plan: the rows made and drawn for the
 * first time. */
static void
time_first_fill (ParContext *context,
                 gint64      unit_id)
{
  Times times;
  guint rows = 0;

  for (int r = 0; r < RUNS; r++)
    {
      GtkWindow *window;
      ParPlanView *view = open_view (context, unit_id, &window);
      double start = now_ms (), code_done;

      g_assert_true (par_plan_view_select (view, unit_id, PAR_BENCH_PLAN_YEAR));
      code_done = now_ms ();
      rows = n_rows (view);
      wait_for_frame (GTK_WIDGET (view), start, code_done, &times, r);
      gtk_window_destroy (window);
      settle (NULL);
    }
  print_times ("first fill of the view", &times, "(no goal set)", rows);
}

static void
set_status_filter (ParPlanView *view,
                   guint        selected)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (view), PAR_TYPE_PLAN_VIEW,
                                                                          "status_dropdown")),
                              selected);
}

static double searched;

static void
search_changed (void)
{
  searched = now_ms ();
}

/* Types @text into the view's search at once, and returns when the view
 * has handled the entry's search-changed. */
static double
search (GtkSearchEntry *entry,
        const char     *text)
{
  double timeout = now_ms () + 10000;

  searched = 0;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (searched == 0 && now_ms () < timeout)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (searched > 0);
  return searched;
}

/* The status filter to "Overdue" and back, the searches "ke hoach" and
 * "so 17" and cleared, each RUNS times. */
static void
time_filters (ParPlanView *view)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (view), PAR_TYPE_PLAN_VIEW,
                                                                          "task_search_entry"));
  Times overdue, all, query, cleared, narrow, widened;
  guint rows[6] = { 0 };

  gtk_search_entry_set_search_delay (entry, 0);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed), NULL);
  for (int r = 0; r < RUNS; r++)
    {
      double start = now_ms ();

      set_status_filter (view, PAR_TASK_STATUS_OVERDUE + 1);
      rows[0] = n_rows (view);
      wait_for_frame (GTK_WIDGET (view), start, now_ms (), &overdue, r);
      start = now_ms ();
      set_status_filter (view, 0);
      rows[1] = n_rows (view);
      wait_for_frame (GTK_WIDGET (view), start, now_ms (), &all, r);
      start = now_ms ();
      wait_for_frame (GTK_WIDGET (view), start, search (entry, "ke hoach"), &query, r);
      rows[2] = n_rows (view);
      start = now_ms ();
      wait_for_frame (GTK_WIDGET (view), start, search (entry, ""), &cleared, r);
      rows[3] = n_rows (view);
      start = now_ms ();
      wait_for_frame (GTK_WIDGET (view), start, search (entry, "so 17"), &narrow, r);
      rows[4] = n_rows (view);
      start = now_ms ();
      wait_for_frame (GTK_WIDGET (view), start, search (entry, ""), &widened, r);
      rows[5] = n_rows (view);
    }
  print_times ("filter: status to \"Overdue\"", &overdue, "goal < 50 ms", rows[0]);
  print_times ("filter: status back to all", &all, "goal < 50 ms", rows[1]);
  print_times ("filter: search \"ke hoach\"", &query, "goal < 50 ms", rows[2]);
  print_times ("filter: search cleared", &cleared, "goal < 50 ms", rows[3]);
  print_times ("filter: search \"so 17\"", &narrow, "goal < 50 ms", rows[4]);
  print_times ("filter: search cleared", &widened, "goal < 50 ms", rows[5]);
}

/* The as-of date between the ends of the second and third quarters. */
static void
time_as_of (ParPlanView *view)
{
  Times times;

  for (int r = 0; r < RUNS; r++)
    {
      double start = now_ms ();
      GDate as_of;

      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, 30, r % 2 == 0 ? G_DATE_JUNE : G_DATE_SEPTEMBER, PAR_BENCH_PLAN_YEAR);
      par_plan_view_set_as_of (view, &as_of);
      wait_for_frame (GTK_WIDGET (view), start, now_ms (), &times, r);
    }
  print_times ("as-of date changed", &times, "goal < 20 ms (statuses)", n_rows (view));
}

/* The view as the application shows it: with PAR Desk's stylesheet,
 * which AdwApplication would load. */
static void
load_application_style (void)
{
  GtkCssProvider *style = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (style, "/io/github/pardesk/ParDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (style);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("par-desk-bench-plan-view-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.pardesk", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ParContext) context = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  ParPlanView *view;
  gint64 unit_id;

  par_i18n_init ();
  gtk_init ();
  adw_init ();
  load_application_style ();
  settings = g_settings_new (APPLICATION_ID);

  db = par_database_open (db_path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  par_bench_plan_fill (db, &unit_id);
  printf ("Plan view: %d tasks, %d lead units, window 1280×800, median of %d runs\n", PAR_BENCH_PLAN_TASKS,
          PAR_BENCH_PLAN_UNITS, RUNS);
  context = par_context_new (settings);
  par_context_set_database (context, db);

  time_first_fill (context, unit_id);
  view = open_view (context, unit_id, &window);
  par_plan_view_select (view, unit_id, PAR_BENCH_PLAN_YEAR);
  settle (GTK_WIDGET (view));
  time_filters (view);
  time_as_of (view);
  gtk_window_destroy (window);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  return 0;
}
