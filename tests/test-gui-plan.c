/* test-gui-plan.c: the Plan view through the real widgets: creating a plan, adding a task, the as-of
 * date, the summary's filter and its header's cards, searching without diacritics, recording progress from the task pane,
 * exporting the plan to Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-core.h"
#include "par-plan-row.h"
#include "par-plan-view.h"
#include "par-progress-dialog.h"
#include "par-task-dialog.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char        *dir;
  ParWindow   *window;
  ParDatabase *db;
  ParPlanView *view;
} Fixture;

static GtkWidget *
find (gpointer    root,
      const char *id)
{
  GtkWidget *widget = test_gui_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (widget);
  return widget;
}

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
  g_assert_cmpint (par_directory_add_unit (f->db, "PNV", "Phòng Nội vụ", PAR_UNIT_LEVEL_OFFICE, 0, &error), >, 0);
  g_assert_cmpint (par_directory_add_unit (f->db, "VP", "Văn phòng", PAR_UNIT_LEVEL_OFFICE, 0, &error), >, 0);
  g_assert_no_error (error);
  par_window_show_view (f->window, "plan");
  f->view = PAR_PLAN_VIEW (find (f->window, "plan_view"));
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

static gboolean
dialog_closed (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static void
press_save (GtkWindow *dialog)
{
  GtkWidget *button = find (dialog, "save_button");
  gpointer weak = dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_widget_activate (button);
  g_assert_true (test_gui_wait_for (dialog_closed, &weak, TEST_GUI_TIMEOUT_MS));
}

/* The first visible widget under @root with @css_class. */
static GtkWidget *
find_class (GtkWidget  *root,
            const char *css_class)
{
  if (gtk_widget_get_visible (root) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GListModel *
rows_of (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f->view, "task_view"))));
}

static ParPlanRow *
row_at (Fixture *f,
        guint    position)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows_of (f), position);

  return gtk_tree_list_row_get_item (tree_row);
}

static void
add_task (Fixture    *f,
          const char *title,
          const char *date)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.add-task", NULL));
  dialog = test_gui_wait_for_window (PAR_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "title_row")), title);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, "deadline_kind_row")), PAR_DEADLINE_DATE);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "deadline_date_row")), date);
  press_save (dialog);
}

static void
set_as_of (Fixture    *f,
           const char *iso)
{
  GDate date;

  g_assert_true (par_plan_date_from_iso (iso, &date));
  par_plan_view_set_as_of (f->view, &date);
}

static GtkWidget *
summary_button (Fixture       *f,
                ParTaskStatus  status)
{
  for (GtkWidget *button = gtk_widget_get_first_child (find (f->view, "summary_box")); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "status")) == status)
      return button;
  g_assert_not_reached ();
}

static void
test_plan_flow (Fixture       *f,
                gconstpointer  data)
{
  GtkStack *content = GTK_STACK (find (f->view, "content_stack"));
  GtkWindow *dialog;
  g_autoptr(ParPlanRow) row = NULL;
  g_autoptr(ParPlanRow) moved = NULL;

  /* No plan for the year: the status page creates it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (f->view, "year_spin")), 2026);
  test_gui_wait_for_string (content, "visible-child-name", "no-plan");
  gtk_widget_activate (find (f->view, "create_plan_button"));
  test_gui_wait_for_string (content, "visible-child-name", "table");

  /* Two tasks through the dialog: an area's heading and its two tasks. */
  add_task (f, "Ban hành kế hoạch cải cách hành chính", "31/03/2026");
  add_task (f, "Rà soát thủ tục", "2026-12-15");
  test_gui_wait_for_n_items (rows_of (f), 3);

  /* The deadline day is never overdue; the day after is. The row moves to
   * the new date in place, and its cell follows. */
  set_as_of (f, "2026-03-31");
  row = row_at (f, 1);
  g_assert_cmpint (par_plan_row_get_status (row), ==, PAR_TASK_STATUS_NOT_STARTED);
  test_gui_wait_for_drawn (find (f->view, "task_view"));
  g_assert_null (find_class (find (f->view, "task_view"), "task-overdue"));
  set_as_of (f, "2026-04-01");
  moved = row_at (f, 1);
  g_assert_true (moved == row);
  g_assert_cmpint (par_plan_row_get_status (row), ==, PAR_TASK_STATUS_OVERDUE);
  g_assert_nonnull (find_class (find (f->view, "task_view"), "task-overdue"));
  g_clear_object (&row);
  g_clear_object (&moved);

  /* The summary's "overdue" button shows only that task; again, all. */
  gtk_widget_activate (summary_button (f, PAR_TASK_STATUS_OVERDUE));
  test_gui_wait_for_n_items (rows_of (f), 2);
  gtk_widget_activate (summary_button (f, PAR_TASK_STATUS_OVERDUE));
  test_gui_wait_for_n_items (rows_of (f), 3);

  /* Searched without diacritics. */
  gtk_editable_set_text (GTK_EDITABLE (find (f->view, "task_search_entry")), "ke hoach");
  test_gui_wait_for_n_items (rows_of (f), 2);
  row = row_at (f, 1);
  g_assert_cmpstr (par_task_get_title (par_plan_row_get_task (row)), ==, "Ban hành kế hoạch cải cách hành chính");
  g_clear_object (&row);
  gtk_editable_set_text (GTK_EDITABLE (find (f->view, "task_search_entry")), "");
  test_gui_wait_for_n_items (rows_of (f), 3);

  /* Progress recorded from the pane of the second task. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows_of (f)), 2);
  gtk_widget_activate (find (f->view, "progress_button"));
  dialog = test_gui_wait_for_window (PAR_TYPE_PROGRESS_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "date_row")), "2026-03-20");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (dialog, "percent_spin")), 40);
  press_save (dialog);
  test_gui_wait_for_string (find (f->view, "percent_label"), "label", "40%");
  g_assert_nonnull (gtk_widget_get_first_child (find (f->view, "history_list")));
  row = row_at (f, 2);
  g_assert_cmpint (par_plan_row_get_status (row), ==, PAR_TASK_STATUS_IN_PROGRESS);
}

/* A task of @plan through the core, led by @lead and due on @iso. */
static gint64
add_core_task (Fixture    *f,
               gint64      plan,
               const char *title,
               gint64      lead,
               const char *iso)
{
  ParTaskSpec spec = { NULL, title, PAR_AREA_DIRECTION, NULL, PAR_DEADLINE_DATE, { 0 }, 0, lead, NULL, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (par_plan_date_from_iso (iso, &spec.deadline_date));
  id = par_plans_add_task (f->db, plan, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static guint
n_lines (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

static gint64
selected_task_id (Fixture *f)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (rows_of (f));
  g_autoptr(ParPlanRow) row = NULL;

  if (gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    return 0;
  row = row_at (f, gtk_single_selection_get_selected (selection));
  return par_plan_row_get_task (row) != NULL ? par_task_get_id (par_plan_row_get_task (row)) : 0;
}

/* The header: each lead unit's completion, the overdue tasks and the
 * deadlines ahead as of the view's date, each line leading to its tasks;
 * progress recorded from a past date offers that date. */
static void
test_plan_summary (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParUnit) pnv = par_directory_find_unit (f->db, "PNV", NULL);
  g_autoptr(ParUnit) vp = par_directory_find_unit (f->db, "VP", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *overdue_list = find (f->view, "overdue_list");
  GtkWidget *due_list = find (f->view, "due_list");
  GtkWidget *unit_list = find (f->view, "unit_list");
  gint64 plan, late, soon, later;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *expected = NULL;
  GtkWindow *dialog;
  GDate date;

  plan = par_plans_create (f->db, par_unit_get_id (pnv), 2026, "Kế hoạch 2026", &error);
  g_assert_no_error (error);
  late = add_core_task (f, plan, "Báo cáo quý I", par_unit_get_id (pnv), "2026-03-31");
  soon = add_core_task (f, plan, "Rà soát thủ tục", par_unit_get_id (vp), "2026-04-30");
  later = add_core_task (f, plan, "Tổng kết năm", par_unit_get_id (vp), "2026-12-15");
  g_assert_true (par_plan_date_from_iso ("2026-04-10", &date));
  g_assert_true (par_plans_complete_task (f->db, later, &date, "", &error));
  g_assert_no_error (error);
  g_assert_true (par_plan_view_select (f->view, par_unit_get_id (pnv), 2026));

  /* As of 10 April: the first task is overdue, the second due within 30
   * days; of the Office's two tasks one is done. */
  set_as_of (f, "2026-04-10");
  g_assert_cmpuint (n_lines (unit_list), ==, 2);
  g_assert_cmpuint (n_lines (overdue_list), ==, 1);
  g_assert_cmpuint (n_lines (due_list), ==, 1);
  /* As of the last day of March nothing is overdue yet, and both are due. */
  set_as_of (f, "2026-03-31");
  g_assert_cmpuint (n_lines (overdue_list), ==, 0);
  g_assert_cmpuint (n_lines (due_list), ==, 2);
  set_as_of (f, "2026-04-10");

  /* A task line selects its task, clearing a search that hid it. */
  gtk_editable_set_text (GTK_EDITABLE (find (f->view, "task_search_entry")), "tong ket");
  test_gui_wait_for_n_items (rows_of (f), 2);
  gtk_widget_activate (gtk_widget_get_first_child (overdue_list));
  test_gui_wait_for_n_items (rows_of (f), 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f->view, "task_search_entry"))), ==, "");
  g_assert_cmpint (selected_task_id (f), ==, late);
  gtk_widget_activate (gtk_widget_get_first_child (due_list));
  g_assert_cmpint (selected_task_id (f), ==, soon);

  /* The Office's line shows the Office's tasks (by unit code: PNV, then VP). */
  gtk_widget_activate (gtk_widget_get_next_sibling (gtk_widget_get_first_child (unit_list)));
  test_gui_wait_for_n_items (rows_of (f), 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (f->view, "filter_unit_dropdown"))), >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f->view, "filter_unit_dropdown")), 0);

  /* "Show All" of the overdue card: only the overdue tasks. */
  gtk_widget_activate (find (f->view, "show_overdue_button"));
  test_gui_wait_for_n_items (rows_of (f), 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (f->view, "overdue_toggle"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f->view, "overdue_toggle")), FALSE);

  /* Progress for the overdue task, seen as of 10 April, is dated 10 April. */
  g_assert_true (par_plan_view_select_task (f->view, late));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.record-progress", NULL));
  dialog = test_gui_wait_for_window (PAR_TYPE_PROGRESS_DIALOG);
  g_assert_nonnull (dialog);
  when = g_date_time_new_local (2026, 4, 10, 0, 0, 0);
  expected = par_format_date (when);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "date_row"))), ==, expected);
  gtk_window_destroy (dialog);
}

/* A filter that takes many rows out keeps the selected task selected, and
 * as-of changes keep the rows. */
static void
test_plan_large_filter (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ParUnit) pnv = par_directory_find_unit (f->db, "PNV", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("title,area,lead,deadline\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ParPlanImport) import = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 plan, chosen;

  plan = par_plans_create (f->db, par_unit_get_id (pnv), 2026, "Kế hoạch 2026", &error);
  g_assert_no_error (error);
  /* 150 tasks in one write; every tenth is a "Rà soát". */
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (csv, "%s %u,I,PNV,30/06/2026\n", i % 10 == 3 ? "Rà soát thủ tục" : "Tuyên truyền", i);
  bytes = g_bytes_new (csv->str, csv->len);
  import = par_plan_import_read (f->db, plan, bytes, &error);
  g_assert_no_error (error);
  ids = par_plan_import_write (f->db, import, &error);
  g_assert_no_error (error);
  chosen = g_array_index (ids, gint64, 53);
  g_assert_true (par_plan_view_select (f->view, par_unit_get_id (pnv), 2026));
  test_gui_wait_for_n_items (rows_of (f), 151);
  g_assert_true (par_plan_view_select_task (f->view, chosen));

  /* As of 1 July all 150 are overdue: the header lists the first 20 and
   * says how many more there are. */
  set_as_of (f, "2026-07-01");
  g_assert_cmpuint (n_lines (find (f->view, "overdue_list")), ==, 20);
  g_assert_true (gtk_widget_get_visible (find (f->view, "overdue_more")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (f->view, "overdue_more"))), "130"));
  set_as_of (f, "2026-06-30");
  g_assert_cmpuint (n_lines (find (f->view, "overdue_list")), ==, 0);
  g_assert_false (gtk_widget_get_visible (find (f->view, "overdue_more")));
  g_assert_cmpuint (n_lines (find (f->view, "due_list")), ==, 20);

  /* 135 rows go at once: the chosen task is still shown, and selected. */
  gtk_editable_set_text (GTK_EDITABLE (find (f->view, "task_search_entry")), "ra soat");
  test_gui_wait_for_n_items (rows_of (f), 16);
  g_assert_cmpint (selected_task_id (f), ==, chosen);
  gtk_editable_set_text (GTK_EDITABLE (find (f->view, "task_search_entry")), "");
  test_gui_wait_for_n_items (rows_of (f), 151);
  g_assert_cmpint (selected_task_id (f), ==, chosen);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Export to Excel from the view's menu, as a user does: the file chooser,
 * the toast once the worker is done, and an XLSX (a zip) on disk. */
static void
test_plan_export (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autofree char *report = g_build_filename (f->dir, "report.xlsx", NULL);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;
  gsize length = 0;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (f->view, "year_spin")), 2026);
  test_gui_wait_for_string (find (f->view, "content_stack"), "visible-child-name", "no-plan");
  gtk_widget_activate (find (f->view, "create_plan_button"));
  test_gui_wait_for_string (find (f->view, "content_stack"), "visible-child-name", "table");
  add_task (f, "Ban hành kế hoạch cải cách hành chính", "31/03/2026");
  test_gui_wait_for_n_items (rows_of (f), 2);
  set_as_of (f, "2026-04-01");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.export-plan", NULL));
  chooser = test_gui_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "plan.xlsx");
  test_gui_wait_for_chosen (chooser, path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (test_gui_wait_for (file_exists, path, TEST_GUI_TIMEOUT_MS));
  /* The toast comes once the writing is over. */
  test_gui_wait_for_text (GTK_WIDGET (f->window), g_dgettext (GETTEXT_PACKAGE, "Plan exported"));

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);

  /* The first quarter's report, named for its quarter, unit and year. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.export-report", "i", 1));
  chooser = test_gui_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (strstr (name, "PNV"));
  g_assert_nonnull (strstr (name, "2026"));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "report.xlsx");
  test_gui_wait_for_chosen (chooser, report);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (test_gui_wait_for (file_exists, report, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_text (GTK_WIDGET (f->window), g_dgettext (GETTEXT_PACKAGE, "Report exported"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (report, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/plan/flow", Fixture, NULL, fixture_set_up, test_plan_flow, fixture_tear_down);
  g_test_add ("/gui/plan/summary", Fixture, NULL, fixture_set_up, test_plan_summary, fixture_tear_down);
  g_test_add ("/gui/plan/large-filter", Fixture, NULL, fixture_set_up, test_plan_large_filter, fixture_tear_down);
  g_test_add ("/gui/plan/export-plan", Fixture, NULL, fixture_set_up, test_plan_export, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
