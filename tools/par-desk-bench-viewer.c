/* par-desk-bench-viewer.c: the evidence viewer on a 300-page scan
 *
 * Run under a display (make bench uses Xvfb), with the path of par-desk-cli
 * (which keeps the scan, in a process of its own). Prints:
 *  - the first page on screen, beside `pdftoppm -f 1 -l 1 -r 96` on the same file;
 *  - the longest main-loop stall while scrolling through all 300 pages;
 *  - the process's peak memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "par-core.h"
#include "par-evidence-viewer.h"

#define N_PAGES 300
#define RUNS 3

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Scanned pages: grey noise that does not compress, like a photocopy. */
static char *
write_scan (const char *dir)
{
  char *path = g_build_filename (dir, "scan.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  GRand *rand = g_rand_new_with_seed (3);

  for (int p = 0; p < N_PAGES; p++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 990);
      guint32 *pixels = (guint32 *) cairo_image_surface_get_data (image);

      for (int i = 0; i < 700 * 990; i++)
        {
          guint8 grey = 235 + g_rand_int_range (rand, 0, 21) - (i / 700 % 40 < 3 ? 150 : 0);

          pixels[i] = (grey << 16) | (grey << 8) | grey;
        }
      cairo_surface_mark_dirty (image);
      cairo_save (cr);
      cairo_scale (cr, 595.0 / 700, 842.0 / 990);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  g_rand_free (rand);
  return path;
}

static double heartbeat_last;
static double heartbeat_worst;
static GArray *heartbeat_gaps;   /* double, ms */
static ParEvidenceViewer *scrolled_viewer;
static int pictures_before;      /* pages with a picture at the last heartbeat */
static guint slow_with_picture;  /* turns over 16 ms in which pictures came or went */

static gboolean
heartbeat (gpointer data)
{
  double t = now_ms ();
  int pictures = scrolled_viewer != NULL ? par_evidence_viewer_get_n_rendered (scrolled_viewer) : 0;

  if (heartbeat_last > 0)
    {
      double gap = t - heartbeat_last;

      heartbeat_worst = MAX (heartbeat_worst, gap);
      g_array_append_val (heartbeat_gaps, gap);
      if (gap > 16 && pictures != pictures_before)
        slow_with_picture++;
    }
  heartbeat_last = t;
  pictures_before = pictures;
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static long
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return atol (line + 6);
}

/* Starts the peak over (Linux ≥ 4.0), so that what the benchmark itself
 * did in writing the scan is not counted as the viewer's. */
static void
reset_peak_memory (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
iterate_until (gboolean (*done) (ParEvidenceViewer *), ParEvidenceViewer *viewer, double timeout_ms)
{
  double end = now_ms () + timeout_ms;

  while (!done (viewer) && now_ms () < end)
    g_main_context_iteration (NULL, TRUE);
}

static GObject *opened;
static cairo_surface_t *rendered;

static void
worker_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  opened = G_OBJECT (par_pdf_worker_open_finish (result, NULL));
}

static void
page_rendered (GObject *source, GAsyncResult *result, gpointer data)
{
  rendered = par_pdf_worker_render_finish (PAR_PDF_WORKER (source), result, NULL);
}

/* Where the time to the first page goes, without any window. */
static void
time_core (const char *db_path,
           gint64      id)
{
  double t0 = now_ms (), t1, t2;

  par_pdf_worker_open_document_async (db_path, id, NULL, NULL, worker_opened, NULL);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  t1 = now_ms ();
  par_pdf_worker_render_async (PAR_PDF_WORKER (opened), 0, 96.0 / 72, PAR_JOB_PRIORITY_VISIBLE, NULL, page_rendered,
                               NULL);
  while (rendered == NULL)
    g_main_context_iteration (NULL, TRUE);
  t2 = now_ms ();
  printf ("  of which: reading and opening %.1f ms, rendering page 1 at 96 dpi %.1f ms\n", t1 - t0, t2 - t1);
  cairo_surface_destroy (rendered);
  g_clear_object (&opened);
}

static gboolean
first_page_shown (ParEvidenceViewer *viewer)
{
  return par_evidence_viewer_first_page_shown (viewer);
}

static gboolean
first_page_rendered (ParEvidenceViewer *viewer)
{
  return par_evidence_viewer_get_n_rendered (viewer) > 0;
}

/* The time GTK takes for each frame, from its before-paint to its
 * after-paint phase: update, layout, snapshot and render. */
static double frame_began, frame_drawing_ms;
static int n_frames, n_slow_frames;

static void
frame_begun (GdkFrameClock *clock)
{
  frame_began = now_ms ();
}

static void
frame_ended (GdkFrameClock *clock)
{
  if (frame_began > 0)
    {
      double ms = now_ms () - frame_began;

      frame_drawing_ms += ms;
      n_frames++;
      n_slow_frames += ms > 16;
    }
  frame_began = 0;
}

/* Scrolls to the end, 60 px a frame, as fast as a wheel, and prints the
 * main loop's longest stall, and what drawing the frames took. */
static void
scroll_to_end (GtkScrolledWindow *scroller,
               const char        *what)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (scroller));
  guint heartbeat_id, over = 0;
  gulong begin_id, end_id;

  heartbeat_gaps = g_array_new (FALSE, FALSE, sizeof (double));
  heartbeat_last = heartbeat_worst = 0;
  frame_began = frame_drawing_ms = 0;
  n_frames = n_slow_frames = 0;
  slow_with_picture = 0;
  pictures_before = 0;
  begin_id = g_signal_connect (clock, "before-paint", G_CALLBACK (frame_begun), NULL);
  end_id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_ended), NULL);
  heartbeat_id = g_timeout_add (1, heartbeat, NULL);
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
         < gtk_adjustment_get_upper (adjustment) - 1)
    {
      double frame = now_ms () + 16;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 60);
      while (now_ms () < frame)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (heartbeat_id);
  g_signal_handler_disconnect (clock, begin_id);
  g_signal_handler_disconnect (clock, end_id);
  g_array_sort (heartbeat_gaps, compare_doubles);
  for (guint i = 0; i < heartbeat_gaps->len; i++)
    over += g_array_index (heartbeat_gaps, double, i) > 16;
  printf ("longest main-loop stall scrolling %s: %.1f ms (goal ≤ 16 ms)\n", what, heartbeat_worst);
  printf ("  %u of %u main-loop turns over 16 ms; median %.1f ms, 99th percentile %.1f ms\n", over,
          heartbeat_gaps->len, g_array_index (heartbeat_gaps, double, heartbeat_gaps->len / 2),
          g_array_index (heartbeat_gaps, double, heartbeat_gaps->len * 99 / 100));
  printf ("  a frame (GTK's update, layout, snapshot and render): %.1f ms on average over %d frames,"
          " %d of them over 16 ms\n", frame_drawing_ms / MAX (n_frames, 1), n_frames, n_slow_frames);
  if (scrolled_viewer != NULL)
    printf ("  turns over 16 ms in which a page's picture arrived or was dropped: %u\n", slow_with_picture);
  g_clear_pointer (&heartbeat_gaps, g_array_unref);
}

/* The same scrolling in a window of the same size with nothing to render:
 * 300 blank page-sized cards.  What a frame costs on this display at all,
 * whatever the viewer does (under Xvfb, software GL). */
static void
scroll_blank_pages (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (int i = 0; i < N_PAGES; i++)
    {
      GtkWidget *page = gtk_label_new (NULL);

      gtk_widget_add_css_class (page, "card");
      gtk_widget_set_size_request (page, 780, 1100);
      gtk_widget_set_halign (page, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), page);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_present (GTK_WINDOW (window));
  for (double end = now_ms () + 500; now_ms () < end;)
    g_main_context_iteration (NULL, FALSE);
  scroll_to_end (GTK_SCROLLED_WINDOW (scroller), "blank pages, for comparison");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The viewer as the application shows it: with PAR Desk's stylesheet,
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

/* Keeps the scan in a new file, by another process, so that the peak
 * memory measured later is the viewer's own. Returns the document's id. */
static gint64
keep_scan (const char *cli,
           const char *db_path,
           const char *scan)
{
  g_autofree char *command = g_strdup_printf ("'%s' --db '%s' init", cli, db_path);
  g_autofree char *add = g_strdup_printf ("'%s' --db '%s' evidence add '%s'", cli, db_path, scan);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  if (!g_spawn_command_line_sync (add, &out, NULL, NULL, &error) || out == NULL)
    g_error ("%s", error != NULL ? error->message : "evidence add failed");
  return g_ascii_strtoll (out, NULL, 10);
}

/* pdftoppm's first page of the scan, RUNS times, into @ppm. These runs come
 * first: spawned between the viewer's runs, pdftoppm made the next viewer
 * take 35–48 ms instead of 8–13 ms to build (likely the fork's
 * copy-on-write faults over this process's large heap). */
static void
time_pdftoppm (const char *scan,
               const char *dir,
               double     *ppm)
{
  for (int r = 0; r < RUNS; r++)
    {
      g_autofree char *command = g_strdup_printf ("pdftoppm -f 1 -l 1 -r 96 '%s' '%s/ppm'", scan, dir);
      double t = now_ms ();

      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      ppm[r] = now_ms () - t;
    }
}

/* The scroller of @viewer's pages: the widest one. */
static GtkScrolledWindow *
find_pages_scroller (ParEvidenceViewer *viewer)
{
  GtkScrolledWindow *scroller = NULL;

  for (GtkWidget *w = GTK_WIDGET (viewer); w != NULL;)
    {
      GtkWidget *child;

      if (GTK_IS_SCROLLED_WINDOW (w)
          && (scroller == NULL || gtk_widget_get_width (w) > gtk_widget_get_width (GTK_WIDGET (scroller))))
        scroller = GTK_SCROLLED_WINDOW (w);
      child = gtk_widget_get_first_child (w);
      if (child == NULL)
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
      else
        w = child;
    }
  g_assert_nonnull (scroller);
  return scroller;
}

/* One viewer at a time, as in the application: the next run starts once
 * this one's cancelled pages have come back and it is gone, so that the
 * peak is one viewer's. */
static void
close_viewer (ParEvidenceViewer *viewer)
{
  GWeakRef weak;
  double end = now_ms () + 10000;

  g_weak_ref_init (&weak, viewer);
  gtk_window_destroy (GTK_WINDOW (viewer));
  while (now_ms () < end)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&weak);

      if (alive == NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  g_weak_ref_clear (&weak);
}

/* Scrolling @viewer: 60 px a frame, as fast as a wheel, to the end; then
 * the peak memory. */
static void
scroll_viewer (ParEvidenceViewer *viewer)
{
  GtkScrolledWindow *scroller = find_pages_scroller (viewer);

  scrolled_viewer = viewer;
  scroll_to_end (scroller, "the viewer, 300 pages");
  scrolled_viewer = NULL;
  printf ("peak memory: %.0f MB (goal < 400 MB)\n", peak_memory_kb () / 1024.0);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

/* Opens the document in a viewer RUNS times: into @ours the time to its
 * first page shown, into @sharp the time to that page sharp at the
 * window's zoom. The last viewer is scrolled before it is closed. */
static void
time_viewer (ParContext *context,
             gint64      id,
             double     *ours,
             double     *sharp)
{
  for (int r = 0; r < RUNS; r++)
    {
      ParEvidenceViewer *viewer;
      double t = now_ms ();

      viewer = par_evidence_viewer_new (NULL, context, id);
      gtk_window_set_default_size (GTK_WINDOW (viewer), 1000, 900);
      gtk_window_present (GTK_WINDOW (viewer));
      iterate_until (first_page_shown, viewer, 10000);
      ours[r] = now_ms () - t;
      iterate_until (first_page_rendered, viewer, 10000);
      sharp[r] = now_ms () - t;
      if (r < RUNS - 1)
        close_viewer (viewer);
      else
        scroll_viewer (viewer);
    }
}

/* The first page, the fastest of the RUNS runs each, then where the
 * viewer's time went. */
static void
print_first_page (const double *ppm,
                  const double *ours,
                  const double *sharp,
                  const char   *db_path,
                  gint64        id)
{
  double a = MIN (MIN (ppm[0], ppm[1]), ppm[2]);
  double b = MIN (MIN (ours[0], ours[1]), ours[2]);

  printf ("first page: pdftoppm -r 96 %.1f ms; the viewer %.1f ms; ratio %.2f (goal ≤ 1.2)\n", a, b, b / a);
  printf ("  sharp at the window's zoom after %.1f ms\n", MIN (MIN (sharp[0], sharp[1]), sharp[2]));
  time_core (db_path, id);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("par-desk-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.pardesk", NULL);
  g_autofree char *scan = NULL;
  g_autofree char *command = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(ParContext) context = NULL;
  g_autoptr(GError) error = NULL;
  double ppm[RUNS], ours[RUNS], sharp[RUNS];
  gint64 id;
  GStatBuf st;

  if (argc != 2)
    {
      g_printerr ("usage: par-desk-bench-viewer PATH_TO_par-desk-cli\n");
      return 2;
    }
  par_i18n_init ();
  gtk_init ();
  adw_init ();
  load_application_style ();

  printf ("writing a %d-page scan…\n", N_PAGES);
  scan = write_scan (dir);
  g_stat (scan, &st);
  id = keep_scan (argv[1], db_path, scan);
  /* Written to disk before anything is timed, as a user's files long
   * have been, not still going out while pdftoppm and the viewer read. */
  sync ();
  db = par_database_open (db_path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  printf ("%d pages, %.1f MB (writing it took the benchmark to %.0f MB)\n", N_PAGES, st.st_size / 1e6,
          peak_memory_kb () / 1024.0);
  reset_peak_memory ();

  time_pdftoppm (scan, dir, ppm);
  /* The viewer reads its file from a context, as a window's views do. */
  context = par_context_new (settings);
  par_context_set_database (context, db);
  time_viewer (context, id, ours, sharp);
  print_first_page (ppm, ours, sharp, db_path, id);
  scroll_blank_pages ();

  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  return 0;
}
