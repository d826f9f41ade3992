/* test-gui-plan-io.c: the Plan view's import of tasks from CSV (a good file through the file chooser, a file with
 * problems, a file that is not text), carrying unfinished tasks into a later year, and the quarterly report printed
 * to PDF, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "par-core.h"
#include "par-plan-import-dialog.h"
#include "par-plan-report-print.h"
#include "par-plan-view.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char        *dir;
  ParWindow   *window;
  ParDatabase *db;
  ParPlanView *view;
  gint64       snv;
  gint64       cchc;
  gint64       vp;
  gint64       plan;
} Fixture;

static GtkWidget *
find (gpointer    root,
      const char *id)
{
  GtkWidget *widget = test_gui_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (widget);
  return widget;
}

static gint64
add_unit (Fixture    *f,
          const char *code,
          const char *name,
          gint64      parent)
{
  g_autoptr(GError) error = NULL;
  gint64 id = par_directory_add_unit (f->db, code, name, PAR_UNIT_LEVEL_OFFICE, parent, &error);

  g_assert_no_error (error);
  return id;
}

/* The units the sample CSV files name, and the plan of 2026 of SNV, shown. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  f->snv = add_unit (f, "SNV", "Sở Nội vụ", 0);
  f->cchc = add_unit (f, "SNV-CCHC", "Phòng Cải cách hành chính", f->snv);
  f->vp = add_unit (f, "VP", "Văn phòng Ủy ban nhân dân tỉnh", 0);
  add_unit (f, "STP", "Sở Tư pháp", 0);
  add_unit (f, "STTTT", "Sở Thông tin và Truyền thông", 0);
  f->plan = par_plans_create (f->db, f->snv, 2026, NULL, &error);
  g_assert_no_error (error);
  par_window_show_view (f->window, "plan");
  f->view = PAR_PLAN_VIEW (find (f->window, "plan_view"));
  g_assert_true (par_plan_view_select (f->view, f->snv, 2026));
  test_gui_wait_for_string (find (f->view, "content_stack"), "visible-child-name", "table");
  test_gui_wait_for_drawn (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_gui_close_dialogs ();
  test_gui_destroy_window (GTK_WINDOW (f->window));
  test_remove_dir (f->dir);
  g_free (f->dir);
}

static guint
n_tasks (Fixture *f,
         gint64   plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = par_plans_list_tasks (f->db, plan, &error);

  g_assert_no_error (error);
  return tasks->len;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
dialog_closed (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* A good file, chosen as a user does: the preview lists its six tasks, and
 * importing adds them all, to the file and to the view. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = sample ("plan-tasks-2026.csv");
  g_autofree char *button_label = NULL;
  GtkWindow *chooser;
  GtkWindow *dialog;
  GtkWidget *button;
  GListModel *rows;
  gpointer weak;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.import-tasks", NULL));
  chooser = test_gui_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  }
  test_gui_wait_for_chosen (chooser, path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  dialog = test_gui_wait_for_window (PAR_TYPE_PLAN_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find (dialog, "list_stack"))), ==, "tasks");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (find (dialog, "task_view"))))), ==, 6);
  test_gui_wait_for_text (GTK_WIDGET (dialog), "Ban hành kế hoạch cải cách hành chính năm 2026");
  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), "VII.1"));
  button = find (dialog, "save_button");
  button_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Task", "_Import %u Tasks", 6), 6);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, button_label);
  g_assert_cmpuint (n_tasks (f, f->plan), ==, 0);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_widget_activate (button);
  g_assert_true (test_gui_wait_for (dialog_closed, &weak, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpuint (n_tasks (f, f->plan), ==, 6);
  /* Four areas and their six tasks. */
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f->view, "task_view"))));
  test_gui_wait_for_n_items (rows, 10);
  {
    g_autofree char *toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task added to the plan",
                                                           "%u tasks added to the plan", 6), 6);

    test_gui_wait_for_text (GTK_WIDGET (f->window), toast);
  }
}

G_GNUC_END_IGNORE_DEPRECATIONS

static GtkWindow *
open_file (Fixture    *f,
           const char *path)
{
  GtkWindow *dialog;

  par_plan_import_dialog_open_path (GTK_WINDOW (f->window), par_window_get_context (f->window),
                                    par_plan_view_get_plan (f->view), path);
  dialog = test_gui_wait_for_window (PAR_TYPE_PLAN_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

/* Every problem by its line; nothing can be imported, nothing is written. */
static void
test_import_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = sample ("plan-tasks-problems.csv");
  GtkWindow *dialog = open_file (f, path);
  GtkWidget *problems = find (dialog, "problems_list");
  const char *lines[] = { "3", "4", "5", "6", "7" };

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find (dialog, "list_stack"))), ==, "problems");
  /* 31/02; an empty title; an unknown lead unit; a repeated unit, another year, a code twice; no deadline. */
  g_assert_cmpuint (n_children (problems), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *line = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Line %u"), (guint) atoi (lines[i]));

      g_assert_true (test_gui_shows_text (problems, line));
    }
  g_assert_false (gtk_widget_get_sensitive (find (dialog, "save_button")));
  g_assert_true (gtk_widget_has_css_class (find (dialog, "heading_icon"), "error"));
  gtk_window_destroy (dialog);
  g_assert_cmpuint (n_tasks (f, f->plan), ==, 0);
}

/* Shows the file @contents in the preview: one problem, @message, on line 1. */
static void
assert_refused (Fixture    *f,
                const char *contents,
                gsize       length,
                const char *message)
{
  g_autofree char *path = g_build_filename (f->dir, "tasks.csv", NULL);
  g_autofree char *line = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Line %u"), 1);
  GtkWindow *dialog;
  GtkWidget *problems;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  dialog = open_file (f, path);
  problems = find (dialog, "problems_list");
  g_assert_cmpuint (n_children (problems), ==, 1);
  g_assert_true (test_gui_shows_text (problems, line));
  g_assert_true (test_gui_shows_text (problems, message));
  g_assert_false (gtk_widget_get_sensitive (find (dialog, "save_button")));
  gtk_window_destroy (dialog);
  test_gui_wait_for_no_window (PAR_TYPE_PLAN_IMPORT_DIALOG);
  g_assert_cmpuint (n_tasks (f, f->plan), ==, 0);
}

/* Files that are not a CSV table of tasks: a clear problem each, not a
 * crash nor an import. */
static void
test_import_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  static const char binary[] = "PK\x03\x04\x00\x00\x08\x00title,area\n";
  /* Excel's plain "CSV": the Windows code page (Nhi\xeam v\xf5 in windows-1258). */
  static const char windows[] = "Nhi\xeam v\xf5;L\xecnh v\xf5" "c\r\n";
  g_autofree char *huge = g_malloc (PAR_PLAN_IMPORT_MAX_BYTES + 10);
  g_autofree char *too_large = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "the file is larger than %d MB: a plan’s "
                                                                             "tasks take far less"),
                                                PAR_PLAN_IMPORT_MAX_BYTES / (1024 * 1024));

  assert_refused (f, binary, sizeof binary - 1,
                  g_dgettext (GETTEXT_PACKAGE, "the file holds a NUL byte: it is not a CSV file"));
  assert_refused (f, windows, sizeof windows - 1,
                  g_dgettext (GETTEXT_PACKAGE, "the file is not UTF-8 text: in the spreadsheet, save it as "
                                               "“CSV UTF-8” (Excel) or as Text CSV with the character set Unicode "
                                               "(UTF-8)"));
  memset (huge, 'a', PAR_PLAN_IMPORT_MAX_BYTES + 10);
  assert_refused (f, huge, PAR_PLAN_IMPORT_MAX_BYTES + 10, too_large);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
add_task (Fixture         *f,
          gint64           plan,
          ParArea          area,
          gint64           lead,
          ParDeadlineKind  kind,
          const char      *deadline)
{
  ParTaskSpec spec = { NULL, "Nhiệm vụ thử", area, NULL, kind, { 0 }, 0, lead, NULL, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_date_clear (&spec.deadline_date, 1);
  if (kind == PAR_DEADLINE_DATE)
    g_assert_true (par_plan_date_from_iso (deadline, &spec.deadline_date));
  else if (kind == PAR_DEADLINE_QUARTER)
    spec.deadline_quarter = atoi (deadline);
  id = par_plans_add_task (f->db, plan, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
shows_year (gpointer data)
{
  Fixture *f = data;
  ParPlan *plan = par_plan_view_get_plan (f->view);

  return plan != NULL && par_plan_get_year (plan) == 2028;
}

/* Two unfinished tasks of three go into the plan of the year chosen;
 * the toast's button shows that plan. */
static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  GtkWindow *dialog;
  GtkSpinButton *spin;
  GtkWidget *open;
  GDate done;
  gint64 target = 0;

  add_task (f, f->plan, PAR_AREA_DIRECTION, f->cchc, PAR_DEADLINE_DATE, "2026-02-28");
  add_task (f, f->plan, PAR_AREA_PROCEDURES, f->vp, PAR_DEADLINE_QUARTER, "3");
  g_date_clear (&done, 1);
  g_date_set_dmy (&done, 10, 3, 2026);
  par_plans_complete_task (f->db, add_task (f, f->plan, PAR_AREA_PROCEDURES, f->vp, PAR_DEADLINE_ONGOING, NULL), &done,
                           NULL, &error);
  g_assert_no_error (error);
  test_gui_wait_for_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f->view, "task_view")))),
                             5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.carry-over", NULL));
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2027"));
  spin = GTK_SPIN_BUTTON (find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spin);
  /* Not into the plan's own year or before. */
  gtk_spin_button_set_value (spin, 2025);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 2027);
  gtk_spin_button_set_value (spin, 2028);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2028"));
  test_gui_respond (dialog, "carry");

  plans = par_plans_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    if (par_plan_get_year (g_ptr_array_index (plans, i)) == 2028)
      target = par_plan_get_id (g_ptr_array_index (plans, i));
  g_assert_cmpint (target, >, 0);
  g_assert_cmpuint (n_tasks (f, target), ==, 2);

  /* The toast opens the plan of 2028. */
  {
    g_autofree char *toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task carried into the plan of %d",
                                                           "%u tasks carried into the plan of %d", 2), 2, 2028);

    test_gui_wait_for_text (GTK_WIDGET (f->window), toast);
  }
  open = find_type (GTK_WIDGET (f->window), g_type_from_name ("AdwToastWidget"));
  g_assert_nonnull (open);
  open = find_button (open, g_dgettext (GETTEXT_PACKAGE, "_Open"));
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  g_assert_true (test_gui_wait_for (shows_year, f, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f->view, "task_view")))),
                             4);
}

/* A plan where nothing is left: the dialog says so and carries nothing. */
static void
test_carry_over_nothing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  GtkWindow *dialog;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 3, 2026);
  par_plans_cancel_task (f->db, add_task (f, f->plan, PAR_AREA_PROCEDURES, f->vp, PAR_DEADLINE_ONGOING, NULL), &day,
                         NULL, &error);
  g_assert_no_error (error);
  test_gui_wait_for_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f->view, "task_view")))),
                             2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.carry-over", NULL));
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Nothing to Carry Over"));
  test_gui_respond (dialog, "close");
  plans = par_plans_list (f->db, &error);
  g_assert_cmpuint (plans->len, ==, 1);
}

/* The text of a page without its white space: poppler joins the cells of
 * a row with or without spaces, as their distances say. */
static char *
page_text (PopplerDocument *document,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *joined = g_string_new (NULL);

  g_object_unref (page);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append (joined, words[i]);
  return g_string_free (joined, FALSE);
}

static void
assert_has (const char *text,
            const char *wanted)
{
  g_auto(GStrv) words = g_strsplit_set (wanted, " \n", -1);
  g_autofree char *normal = NULL;

  normal = g_strjoinv ("", words);
  if (strstr (text, normal) == NULL)
    g_error ("“%s” is not in the printed report:\n%s", normal, text);
}

/* The report of quarter II of six tasks in every state and forty more
 * units each leading one: printed to PDF, read back. */
static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParPlanReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  PopplerDocument *document = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *all = NULL;
  g_autofree char *total_percent = NULL;
  gboolean continued = FALSE;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 3, 2026);
  par_plans_complete_task (f->db, add_task (f, f->plan, PAR_AREA_DIRECTION, f->cchc, PAR_DEADLINE_DATE, "2026-03-31"),
                           &date, NULL, &error);
  g_date_set_dmy (&date, 10, 4, 2026);
  par_plans_complete_task (f->db, add_task (f, f->plan, PAR_AREA_DIRECTION, f->vp, PAR_DEADLINE_DATE, "2026-03-31"),
                           &date, NULL, &error);
  add_task (f, f->plan, PAR_AREA_PROCEDURES, f->vp, PAR_DEADLINE_DATE, "2026-01-20");
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("U%02u", i);
      g_autofree char *name = g_strdup_printf ("Đơn vị thử nghiệm số %02u", i);

      add_task (f, f->plan, PAR_AREA_DIGITAL_GOVERNMENT, add_unit (f, code, name, f->snv), PAR_DEADLINE_ONGOING, NULL);
    }
  g_assert_no_error (error);

  report = par_plan_report_compute (f->db, f->plan, 2, &error);
  g_assert_no_error (error);
  total_percent = par_plan_format_tenths (report->area_total.completed_tenths);
  operation = par_plan_report_print_new (g_steal_pointer (&report), "report");
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 2);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *number = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Page %d of %d"), i + 1,
                                                 poppler_document_get_n_pages (document));

      g_ptr_array_add (pages, page_text (document, i));
      assert_has (g_ptr_array_index (pages, i), number);
      /* A page that goes on with the lead units' table starts with its header again. */
      if (i > 0 && strstr (g_ptr_array_index (pages, i - 1), "Đơnvịthửnghiệmsố") != NULL
          && strstr (g_ptr_array_index (pages, i), "Đơnvịthửnghiệmsố") != NULL)
        {
          continued = TRUE;
          assert_has (g_ptr_array_index (pages, i), g_dpgettext2 (GETTEXT_PACKAGE, "plan report", "Not started"));
          assert_has (g_ptr_array_index (pages, i), g_dpgettext2 (GETTEXT_PACKAGE, "plan report", "Completed (%)"));
        }
    }
  g_assert_true (continued);
  g_ptr_array_add (pages, NULL);
  all = g_strjoinv (" ", (GStrv) pages->pdata);
  g_test_message ("%s", all);

  {
    g_autofree char *title = par_plans_default_title (2026);

    assert_has (all, title);
  }
  assert_has (all, "30/06/2026");
  for (ParArea area = 0; area < PAR_N_AREAS; area++)
    assert_has (all, par_area_get_name (area));
  assert_has (all, g_dpgettext2 (GETTEXT_PACKAGE, "sheet name", "By area"));
  assert_has (all, g_dpgettext2 (GETTEXT_PACKAGE, "sheet name", "By lead unit"));
  assert_has (all, g_dpgettext2 (GETTEXT_PACKAGE, "plan report", "Days overdue"));
  assert_has (all, g_dpgettext2 (GETTEXT_PACKAGE, "plan report", "Total"));
  assert_has (all, "Đơn vị thử nghiệm số 40");
  /* Two done of 43: 4.7 %, written as the locale writes it. */
  g_assert_cmpstr (total_percent, ==, g_str_has_prefix (g_getenv ("LANGUAGE"), "vi") ? "4,7" : "4.7");
  assert_has (all, total_percent);
  /* The areas' total row: 43 tasks, 1 done, 1 late, 0 in progress, 40 not started, 1 overdue, 0 cancelled. */
  {
    g_autofree char *row = g_strconcat (g_dpgettext2 (GETTEXT_PACKAGE, "plan report", "Total"), "43 1 1 0 40 1 0",
                                        total_percent, NULL);

    assert_has (all, row);
  }
  /* The overdue task: 161 days at 30/06. */
  assert_has (all, "20/01/2026");
  assert_has (all, "161");
  g_object_unref (document);
}

/* The print dialog's type is registered only when one is made. */
static gboolean
print_dialog_shown (gpointer data)
{
  GtkWindow **dialog = data;
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "GtkPrintUnixDialog") && gtk_widget_get_visible (l->data))
      *dialog = l->data;
  return *dialog != NULL;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* The menu's "Print Quarterly Report" opens the print dialog. */
static void
test_print_dialog (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *dialog = NULL;

  add_task (f, f->plan, PAR_AREA_DIRECTION, f->cchc, PAR_DEADLINE_DATE, "2026-03-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.print-report", "i", 2));
  g_assert_true (test_gui_wait_for (print_dialog_shown, &dialog, TEST_GUI_TIMEOUT_MS));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/plan-io/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/gui/plan-io/import-problems", Fixture, NULL, fixture_set_up, test_import_problems, fixture_tear_down);
  g_test_add ("/gui/plan-io/import-bad-files", Fixture, NULL, fixture_set_up, test_import_bad_files,
              fixture_tear_down);
  g_test_add ("/gui/plan-io/carry-over", Fixture, NULL, fixture_set_up, test_carry_over, fixture_tear_down);
  g_test_add ("/gui/plan-io/carry-over-nothing", Fixture, NULL, fixture_set_up, test_carry_over_nothing,
              fixture_tear_down);
  g_test_add ("/gui/plan-io/print-pdf", Fixture, NULL, fixture_set_up, test_print_pdf, fixture_tear_down);
  g_test_add ("/gui/plan-io/print-dialog", Fixture, NULL, fixture_set_up, test_print_dialog, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
