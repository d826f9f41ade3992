/* par-desk-screenshots.c: a PNG of every view, in Vietnamese and in English
 *
 * Usage: par-desk-screenshots OUTDIR
 * Fills a new file with the sample office (par-desk-cli demo), opens it and
 * writes OUTDIR/LANG-VIEW.png for each view, the directory's dialogs, the
 * document viewer and its link chooser, the Plan's dialogs (the task, progress,
 * CSV import previews and carry-over), the inspection dialog (its clashes,
 * the free days it finds).
 * Run it under a display (make check runs it under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <poppler.h>

#include "par-check-dialog.h"
#include "par-core.h"
#include "par-directory-view.h"
#include "par-document-thumbnail.h"
#include "par-evidence-view.h"
#include "par-evidence-viewer.h"
#include "par-import-dialog.h"
#include "par-index-view.h"
#include "par-plan-import-dialog.h"
#include "par-plan-report-print.h"
#include "par-plan-view.h"
#include "par-holiday-dialog.h"
#include "par-holidays-page.h"
#include "par-inspection-dialog.h"
#include "par-preferences-window.h"
#include "par-progress-dialog.h"
#include "par-link-chooser.h"
#include "par-staff-dialog.h"
#include "par-task-dialog.h"
#include "par-task-items-editor.h"
#include "par-unit-dialog.h"
#include "par-desk-screenshots-inspections.h"
#include "par-desk-screenshots-signatures.h"
#include "par-desk-screenshots-trust.h"
#include "test-gui-util.h"
#include "test-util.h"

/* Whether every first-page picture under @data (a widget) has come. */
static gboolean
thumbnails_drawn (gpointer data)
{
  GtkWidget *widget = data;

  if (PAR_IS_DOCUMENT_THUMBNAIL (widget)
      && par_document_thumbnail_get_texture (PAR_DOCUMENT_THUMBNAIL (widget)) == NULL
      && !par_document_thumbnail_is_locked (PAR_DOCUMENT_THUMBNAIL (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!thumbnails_drawn (child))
      return FALSE;
  return TRUE;
}

static gboolean
check_done (gpointer dialog)
{
  return par_check_dialog_is_done (dialog);
}

/* What was found marked on the page, and the sidebar, drawn, showing which
 * page that is. */
static gboolean
found_and_drawn (gpointer viewer)
{
  GtkWidget *thumbnails = test_gui_find_by_id (viewer, "thumbnails_box");
  gboolean marked = FALSE;

  for (GtkWidget *button = gtk_widget_get_first_child (thumbnails); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    marked |= gtk_widget_has_css_class (button, "current-page");
  return par_evidence_viewer_get_n_hits (viewer) > 0 && par_evidence_viewer_get_n_rendered (viewer) > 0
         && par_evidence_viewer_get_n_thumbnails_drawn (viewer) == par_evidence_viewer_get_n_pages (viewer)
         && marked;
}

typedef struct
{
  ParLinkChooser *chooser;
  guint           n_shown;
} ShownFewer;

static gboolean
shows_fewer (gpointer data)
{
  ShownFewer *before = data;

  return par_link_chooser_get_n_shown (before->chooser) < before->n_shown;
}

static const char * const views[] = { "plan", "index", "inspections", "evidence", "directory" };
static const char * const languages[] = { "vi", "en" };

typedef struct
{
  GtkWidget  *widget;
  const char *path;
} Shot;

/* A window drawn once may still give an empty picture for a moment (the
 * preferences window, with animations off): taken as soon as it gives one. */
static gboolean
shot_taken (gpointer data)
{
  Shot *shot = data;

  return test_gui_save_png (shot->widget, shot->path);
}

/* Scrolls the scrolled window around @widget to its end, once laid out. */
static gboolean
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = widget != NULL ? gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return FALSE;
  test_gui_wait_for_settled (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  return TRUE;
}

static gboolean
save (GtkWidget  *widget,
      const char *outdir,
      const char *language,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", language, name);
  g_autofree char *path = g_build_filename (outdir, file, NULL);
  Shot shot = { widget, path };

  /* As the user sees it once the last action has had its effect. */
  test_gui_wait_for_settled (widget);
  if (!test_gui_wait_for (shot_taken, &shot, TEST_GUI_TIMEOUT_MS))
    {
      g_printerr ("could not write %s\n", path);
      return FALSE;
    }
  g_print ("%s\n", path);
  return TRUE;
}

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* The sample's 2025 inspection of @unit_code, its dialog opened with its
 * days moved to @first – @last, once the clashes are shown. */
static GtkWindow *
open_inspection_dialog (ParWindow  *window,
                        const char *unit_code,
                        const char *first,
                        const char *last)
{
  ParDatabase *db = par_window_get_database (window);
  g_autoptr(GPtrArray) inspections = par_inspections_list (db, 2025, NULL);
  GtkWindow *dialog = NULL;

  for (guint i = 0; inspections != NULL && i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);

      if (g_str_equal (inspection->unit_code, unit_code))
        dialog = GTK_WINDOW (par_inspection_dialog_new (GTK_WINDOW (window), db, inspection->id, NULL));
    }
  if (dialog == NULL)
    return NULL;
  gtk_window_present (dialog);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "first_row")), first);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "last_row")), last);
  if (!test_gui_wait_for (widget_visible, test_gui_find (dialog, "clash_box"), TEST_GUI_TIMEOUT_MS))
    {
      gtk_window_destroy (dialog);
      return NULL;
    }
  return dialog;
}

/* Sở Y tế's inspection moved onto the days of Sở Tư pháp's, two of its
 * people on both teams, and into a weekend; Đông Sơn's moved onto 30 April,
 * with the free days the finder proposes instead. */
static gboolean
save_inspection_dialogs (ParWindow  *window,
                         const char *outdir,
                         const char *language)
{
  GtkWindow *dialog = open_inspection_dialog (window, "SYT", "11/03/2025", "15/03/2025");
  gboolean ok = dialog != NULL && save (GTK_WIDGET (dialog), outdir, language, "inspection-clashes");

  g_clear_pointer (&dialog, gtk_window_destroy);
  dialog = open_inspection_dialog (window, "HDS", "29/04/2025", "30/04/2025");
  if (dialog == NULL)
    return FALSE;
  g_signal_emit_by_name (test_gui_find (dialog, "find_button"), "clicked");
  ok &= test_gui_wait_for (widget_visible, test_gui_find (dialog, "free_list"), TEST_GUI_TIMEOUT_MS)
        && save (GTK_WIDGET (dialog), outdir, language, "inspection-free-days");
  gtk_window_destroy (dialog);
  return ok;
}

/* The holidays page of 2026 (the demo added 2 January), then the dialog
 * that adds a day, filled in. */
static gboolean
save_holidays (ParPreferencesWindow *preferences,
               const char           *outdir,
               const char           *language)
{
  AdwPreferencesPage *page = par_preferences_window_get_holidays_page (preferences);
  GtkWindow *dialog;
  gboolean ok;

  if (page == NULL)
    return FALSE;
  par_holidays_page_set_year (PAR_HOLIDAYS_PAGE (page), 2026);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
  ok = save (GTK_WIDGET (preferences), outdir, language, "preferences-holidays");
  g_signal_emit_by_name (test_gui_find (page, "add_button"), "clicked");
  dialog = test_gui_wait_for_window (PAR_TYPE_HOLIDAY_DIALOG);
  if (dialog == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "date_row")), "29/04/2026");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "name_row")), "Nghỉ hoán đổi dịp 30/4 (làm bù thứ Bảy 09/05)");
  ok &= save (GTK_WIDGET (dialog), outdir, language, "holiday-dialog");
  gtk_window_destroy (dialog);
  return ok;
}

/* The Plan with task @task selected, its evidence in the pane; then files
 * dragged over another task's row, which is marked. */
static gboolean
save_plan_evidence (GtkWidget   *window,
                    ParPlanView *plan,
                    ParTask     *task,
                    const char  *outdir,
                    const char  *language)
{
  GtkWidget *documents = test_gui_find_by_id (GTK_WIDGET (plan), "documents_list");
  GtkDropTarget *target = test_gui_drop_target_of (test_gui_find_by_id (GTK_WIDGET (plan), "task_view"));
  GdkDragAction action = 0;
  gboolean ok;

  par_plan_view_select_task (plan, par_task_get_id (task));
  if (gtk_widget_get_first_child (documents) == NULL || !test_gui_wait_for (thumbnails_drawn, documents,
                                                                           TEST_GUI_TIMEOUT_MS))
    {
      g_printerr ("task %s shows no first page of a linked document\n", par_task_get_code (task));
      return FALSE;
    }
  /* The pane scrolled down to the evidence, under the progress history. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (documents, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    test_gui_wait_for_settled (window);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  ok = save (window, outdir, language, "plan-evidence");
  if (target == NULL)
    return FALSE;
  g_signal_emit_by_name (target, "enter", 300.0, 130.0, &action);
  ok &= action != 0 && save (window, outdir, language, "plan-drop");
  g_signal_emit_by_name (target, "leave");
  return ok;
}

static gboolean
save_dialog (ParDirectoryView *view,
             const char       *action,
             GType             type,
             const char       *outdir,
             const char       *language,
             const char       *name)
{
  GtkWindow *dialog;
  gboolean ok;

  gtk_widget_activate_action (GTK_WIDGET (view), action, NULL);
  dialog = test_gui_wait_for_window (type);
  if (dialog == NULL)
    return FALSE;
  ok = save (GTK_WIDGET (dialog), outdir, language, name);
  gtk_window_destroy (dialog);
  return ok;
}

/* The preview of a CSV file of tasks (tests/data) for @plan of @db: a copy
 * of the sample file, so that the views keep showing the sample's own plans. */
static gboolean
save_import_preview (ParWindow   *window,
                     ParDatabase *db,
                     ParPlan     *plan,
                     const char  *csv,
                     const char  *outdir,
                     const char  *language,
                     const char  *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", csv, NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = file != NULL ? g_mapped_file_get_bytes (file) : NULL;
  ParPlanImport *import = bytes != NULL ? par_plan_import_read (db, par_plan_get_id (plan), bytes, NULL) : NULL;
  GtkWindow *dialog;
  gboolean ok;

  if (import == NULL)
    {
      g_printerr ("could not read %s\n", path);
      return FALSE;
    }
  dialog = GTK_WINDOW (par_plan_import_dialog_new (GTK_WINDOW (window), par_window_get_context (window), plan, csv,
                                                   import));
  gtk_window_present (dialog);
  ok = save (GTK_WIDGET (dialog), outdir, language, name);
  gtk_window_destroy (dialog);
  return ok;
}

/* The quarterly report of @plan_id printed to OUTDIR/LANG-plan-report.pdf,
 * and its first page as LANG-plan-report.png. */
static gboolean
save_printed_report (ParDatabase *db,
                     gint64       plan_id,
                     const char  *outdir,
                     const char  *language)
{
  g_autofree char *name = g_strdup_printf ("%s-plan-report", language);
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", outdir, name);
  g_autofree char *png = g_strdup_printf ("%s/%s.png", outdir, name);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  ParPlanReport *report = par_plan_report_compute (db, plan_id, 2, &error);
  PopplerDocument *document = NULL;

  if (report != NULL)
    {
      operation = par_plan_report_print_new (report, name);
      gtk_print_operation_set_export_filename (operation, pdf);
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
    }
  if (error == NULL && (uri = g_filename_to_uri (pdf, NULL, &error)) != NULL)
    document = poppler_document_new_from_file (uri, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("the printed report: %s\n", error->message);
      return FALSE;
    }
  {
    PopplerPage *page = poppler_document_get_page (document, 0);
    double width, height;
    cairo_surface_t *surface;
    cairo_t *cr;

    poppler_page_get_size (page, &width, &height);
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * 1.5, height * 1.5);
    cr = cairo_create (surface);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    cairo_scale (cr, 1.5, 1.5);
    poppler_page_render_for_printing (page, cr);
    cairo_destroy (cr);
    cairo_surface_write_to_png (surface, png);
    cairo_surface_destroy (surface);
    g_object_unref (page);
  }
  g_object_unref (document);
  g_print ("%s\n%s\n", pdf, png);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ParApplication) app = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParDatabase) io_db = NULL;
  g_autoptr(ParPlan) io_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean ok = TRUE;

  app = test_gui_init (&argc, &argv);
  if (argc != 2)
    {
      g_printerr ("usage: par-desk-screenshots OUTDIR\n");
      return 2;
    }
  /* A picture shows where the user ends up: a CSS transition (the view
   * switcher's highlight fading from one view to the next) cannot be
   * waited for, so there are none. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_mkdir_with_parents (argv[1], 0755);

  dir = test_make_temp_dir ();
  path = g_build_filename (dir, "Sở Nội vụ 2026.pardesk", NULL);
  db = par_database_open (path, PAR_DATABASE_OPEN_CREATE, &error);
  if (db == NULL || !par_demo_fill (db, &error) || !screenshots_inspections_prepare (db, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&db);
  /* The imports are previewed into a new plan of 2026 of a copy. */
  {
    g_autofree char *io_path = g_build_filename (dir, "import.pardesk", NULL);
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = g_file_new_for_path (io_path);
    g_autoptr(ParUnit) snv = NULL;
    gint64 plan_id = 0;

    if (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error)
        && (io_db = par_database_open (io_path, PAR_DATABASE_OPEN_EXISTING, &error)) != NULL
        && (snv = par_directory_find_unit (io_db, "SNV", &error)) != NULL
        && (plan_id = par_plans_create (io_db, par_unit_get_id (snv), 2026, NULL, &error)) != 0)
      io_plan = par_plans_get (io_db, plan_id, &error);
    if (io_plan == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      ParWindow *window;
      ParDirectoryView *view;
      g_autoptr(ParUnit) unit = NULL;

      test_set_language (languages[l]);
      window = test_gui_open_window (app, path);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

      for (gsize v = 0; v < G_N_ELEMENTS (views); v++)
        {
          par_window_show_view (window, views[v]);
          ok &= save (GTK_WIDGET (window), argv[1], languages[l], views[v]);
        }

      /* The directory with a department selected, and its dialogs. */
      view = PAR_DIRECTORY_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "directory_view"));
      unit = par_directory_find_unit (par_window_get_database (window), "SNV-CCHC", NULL);
      par_directory_view_select_unit (view, par_unit_get_id (unit));
      ok &= save (GTK_WIDGET (window), argv[1], languages[l], "directory-staff");
      ok &= save_dialog (view, "directory.edit-unit", PAR_TYPE_UNIT_DIALOG, argv[1], languages[l], "unit-dialog");
      ok &= save_dialog (view, "directory.add-staff", PAR_TYPE_STAFF_DIALOG, argv[1], languages[l], "staff-dialog");
      ok &= save_dialog (view, "directory.delete-unit", ADW_TYPE_MESSAGE_DIALOG, argv[1], languages[l], "delete-dialog");

      /* The Plan: the department's plan as it stood at the second quarter's
       * end, all of it and then one unit's tasks, a task selected; the task
       * dialog. */
      {
        ParPlanView *plan = PAR_PLAN_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "plan_view"));
        GtkDropDown *filter_unit = GTK_DROP_DOWN (test_gui_find_by_id (GTK_WIDGET (plan), "filter_unit_dropdown"));
        g_autoptr(ParUnit) snv = par_directory_find_unit (par_window_get_database (window), "SNV", NULL);
        g_autoptr(GPtrArray) units = par_directory_list_all_units (par_window_get_database (window), NULL);
        g_autoptr(GPtrArray) tasks = NULL;
        GDate quarter_end;
        GtkWindow *dialog;

        g_date_clear (&quarter_end, 1);
        g_date_set_dmy (&quarter_end, 30, 6, 2025);
        par_window_show_view (window, "plan");
        par_plan_view_select (plan, par_unit_get_id (snv), 2025);
        par_plan_view_set_as_of (plan, &quarter_end);
        tasks = par_plans_list_tasks (par_window_get_database (window), par_plan_get_id (par_plan_view_get_plan (plan)),
                                      NULL);
        /* III.1: in progress, with its history. */
        par_plan_view_select_task (plan, par_task_get_id (g_ptr_array_index (tasks, 9)));
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "plan-quarter");
        /* I.1, the year's plan issued: the pane scrolled to the PAR Index items it serves. */
        par_plan_view_select_task (plan, par_task_get_id (g_ptr_array_index (tasks, 0)));
        ok &= scroll_to_end (test_gui_find_by_id (GTK_WIDGET (plan), "items_section"))
              && save (GTK_WIDGET (window), argv[1], languages[l], "plan-task-items");
        for (guint i = 0; i < units->len; i++)
          if (g_str_equal (par_unit_get_code (g_ptr_array_index (units, i)), "SNV-CCHC"))
            gtk_drop_down_set_selected (filter_unit, i + 1);
        par_plan_view_select_task (plan, par_task_get_id (g_ptr_array_index (tasks, 2)));
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "plan-filtered");
        gtk_widget_activate_action (GTK_WIDGET (plan), "plan.edit-task", NULL);
        dialog = test_gui_wait_for_window (PAR_TYPE_TASK_DIALOG);
        ok &= dialog != NULL && save (GTK_WIDGET (dialog), argv[1], languages[l], "task-dialog");
        /* The chooser of the PAR Index items the task serves. */
        if (dialog != NULL)
          {
            GtkWidget *editor = test_gui_find_by_id (GTK_WIDGET (dialog), "items_editor");
            GtkWindow *chooser = GTK_WINDOW (par_task_items_editor_choose (PAR_TASK_ITEMS_EDITOR (editor)));

            ok &= save (GTK_WIDGET (chooser), argv[1], languages[l], "task-items-chooser");
            gtk_window_destroy (chooser);
          }
        if (dialog != NULL)
          gtk_window_destroy (dialog);
        gtk_widget_activate_action (GTK_WIDGET (plan), "plan.record-progress", NULL);
        dialog = test_gui_wait_for_window (PAR_TYPE_PROGRESS_DIALOG);
        ok &= dialog != NULL && save (GTK_WIDGET (dialog), argv[1], languages[l], "progress-dialog");
        if (dialog != NULL)
          gtk_window_destroy (dialog);
        gtk_drop_down_set_selected (filter_unit, 0);
        /* I.1, done, with the plans it carried out. */
        ok &= save_plan_evidence (GTK_WIDGET (window), plan, g_ptr_array_index (tasks, 0), argv[1], languages[l]);

        /* A CSV file of tasks previewed: a good one, one with problems;
         * the carry-over of the plan's unfinished tasks, asked. */
        ok &= save_import_preview (window, io_db, io_plan, "plan-tasks-2026.csv", argv[1], languages[l],
                                   "plan-import");
        ok &= save_import_preview (window, io_db, io_plan, "plan-tasks-problems.csv", argv[1], languages[l],
                                   "plan-import-problems");
        gtk_widget_activate_action (GTK_WIDGET (plan), "plan.carry-over", NULL);
        dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
        ok &= dialog != NULL && save (GTK_WIDGET (dialog), argv[1], languages[l], "plan-carry-over");
        if (dialog != NULL)
          gtk_window_destroy (dialog);
        ok &= save_printed_report (par_window_get_database (window),
                                   par_plan_get_id (par_plan_view_get_plan (plan)), argv[1], languages[l]);
      }

      /* The PAR Index: a scored department, an item selected; the ranking;
       * the preview of a criteria set file. */
      {
        ParIndexView *index = PAR_INDEX_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "index_view"));
        GtkStack *content = GTK_STACK (test_gui_find_by_id (GTK_WIDGET (index), "content_stack"));
        g_autoptr(ParUnit) snv = par_directory_find_unit (par_window_get_database (window), "SNV", NULL);
        g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "criteria",
                                                         "districts-sample.json", NULL);
        g_autoptr(GPtrArray) problems = NULL;
        g_autoptr(ParCriteriaSet) set = par_criteria_import_read (sample, &problems, NULL);

        par_window_show_view (window, "index");
        par_index_view_select (index, 1, par_unit_get_id (snv));
        /* 1.1.2 has a linked document: its first page is in the side pane. */
        par_index_view_focus_item (index, "1.1.2", PAR_SCORE_SELF);
        {
          GtkWidget *documents = test_gui_find_by_id (GTK_WIDGET (index), "documents_list");

          if (gtk_widget_get_first_child (documents) == NULL
              || !test_gui_wait_for (thumbnails_drawn, documents, TEST_GUI_TIMEOUT_MS))
            {
              g_printerr ("item 1.1.2 shows no first page of a linked document\n");
              ok = FALSE;
            }
        }
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "index-scores");
        /* 1.1.1, "the year's plan issued on time": the plan's task serving it, with its status today. */
        par_index_view_focus_item (index, "1.1.1", PAR_SCORE_SELF);
        if (!test_gui_wait_for (thumbnails_drawn, test_gui_find_by_id (GTK_WIDGET (index), "documents_list"),
                                TEST_GUI_TIMEOUT_MS))
          ok = FALSE;
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "index-item-tasks");
        /* Files dragged over a row of the tree: that row is marked. */
        {
          GtkDropTarget *target = test_gui_drop_target_of (test_gui_find_by_id (GTK_WIDGET (index), "score_view"));
          GdkDragAction action = 0;

          if (target != NULL)
            {
              g_signal_emit_by_name (target, "enter", 200.0, 290.0, &action);
              ok &= action != 0 && save (GTK_WIDGET (window), argv[1], languages[l], "index-drop");
              g_signal_emit_by_name (target, "leave");
            }
          else
            ok = FALSE;
        }
        gtk_stack_set_visible_child_name (content, "ranking");
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "index-ranking");
        gtk_stack_set_visible_child_name (content, "scores");
        if (set != NULL)
          {
            GtkWindow *dialog = GTK_WINDOW (par_import_dialog_new (GTK_WINDOW (window), par_window_get_context (window),
                                                                   set, problems));

            gtk_window_present (dialog);
            ok &= save (GTK_WIDGET (dialog), argv[1], languages[l], "import-dialog");
            gtk_window_destroy (dialog);
          }
        else
          ok = FALSE;
      }

      /* Evidence: the documents, a search, and the viewer. */
      {
        ParEvidenceView *evidence = PAR_EVIDENCE_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "evidence_view"));
        ParEvidenceViewer *viewer;

        par_window_show_view (window, "evidence");
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "evidence-documents");
        par_evidence_view_search (evidence, "ke hoach cai cach");
        ok &= save (GTK_WIDGET (window), argv[1], languages[l], "evidence-search");
        par_evidence_view_search (evidence, "");
        ok &= screenshots_signatures_save (window, save, argv[1], languages[l]);
        viewer = par_evidence_viewer_new (GTK_WINDOW (window), par_window_get_context (window), 2);
        gtk_window_set_default_size (GTK_WINDOW (viewer), 1200, 820);
        gtk_window_present (GTK_WINDOW (viewer));
        par_evidence_viewer_show_page (viewer, 1, "cải cách hành chính");
        /* The page drawn, what was found marked on it. */
        if (!test_gui_wait_for (found_and_drawn, viewer, TEST_GUI_TIMEOUT_MS))
          {
            g_printerr ("the viewer found nothing, or drew no page\n");
            ok = FALSE;
          }
        ok &= save (GTK_WIDGET (viewer), argv[1], languages[l], "evidence-viewer");

        /* Its "Link to…" chooser: everything, then a search typed without accents. */
        {
          GtkWindow *chooser;

          gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.link", NULL);
          chooser = test_gui_wait_for_window (PAR_TYPE_LINK_CHOOSER);
          if (chooser != NULL)
            {
              ShownFewer before = { PAR_LINK_CHOOSER (chooser), 0 };

              ok &= save (GTK_WIDGET (chooser), argv[1], languages[l], "link-chooser");
              before.n_shown = par_link_chooser_get_n_shown (before.chooser);
              gtk_editable_set_text (GTK_EDITABLE (test_gui_find_by_id (GTK_WIDGET (chooser), "search_entry")),
                                     "ke hoach noi vu");
              /* The search field waits for the typing to pause. */
              if (!test_gui_wait_for (shows_fewer, &before, TEST_GUI_TIMEOUT_MS))
                {
                  g_printerr ("the link chooser's search left all %u shown\n", before.n_shown);
                  ok = FALSE;
                }
              ok &= save (GTK_WIDGET (chooser), argv[1], languages[l], "link-chooser-search");
              gtk_window_destroy (chooser);
            }
          else
            ok = FALSE;
        }
        gtk_window_destroy (GTK_WINDOW (viewer));
      }

      ok &= screenshots_inspections_save (window, save, argv[1], languages[l]);
      ok &= screenshots_trust_save (window, save, argv[1], languages[l]);

      /* Check the File, from the main menu: every document read again. */
      {
        GtkWindow *dialog;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.check-file", NULL);
        dialog = test_gui_find_window (PAR_TYPE_CHECK_DIALOG);
        if (dialog != NULL && test_gui_wait_for (check_done, dialog, 30000))
          {
            ok &= save (GTK_WIDGET (dialog), argv[1], languages[l], "check-file");
            gtk_window_destroy (dialog);
          }
        else
          ok = FALSE;
      }

      ok &= save_inspection_dialogs (window, argv[1], languages[l]);

      /* Preferences, opened as the menu does. */
      {
        GtkWindow *preferences;

        g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
        preferences = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
        if (preferences != NULL)
          {
            ok &= save (GTK_WIDGET (preferences), argv[1], languages[l], "preferences");
            ok &= save_holidays (PAR_PREFERENCES_WINDOW (preferences), argv[1], languages[l]);
            gtk_window_destroy (preferences);
          }
        else
          ok = FALSE;
      }

      test_gui_destroy_window (GTK_WINDOW (window));
    }

  return ok ? 0 : 1;
}
