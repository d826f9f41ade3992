/* test-gui-task-items.c: the PAR Index items a plan task serves, through the real widgets: ticked in the
 * task dialog's chooser (searched without diacritics), removed, saved with the task, listed in the task
 * pane, opened in the PAR Index, whose item pane lists the task with its coloured status as it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-index-view.h"
#include "par-item-tasks-section.h"
#include "par-plan-row.h"
#include "par-plan-view.h"
#include "par-task-dialog.h"
#include "par-task-item-chooser.h"
#include "par-task-items-editor.h"
#include "par-task-items-section.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

static const char set_json[] =
  "{\"format\":\"par-desk/criteria-set@1\",\"name\":\"Bộ chỉ số sở\",\"level\":\"department\",\"year\":2025,"
  "\"nodes\":[{\"code\":\"1\",\"title\":\"Chỉ đạo, điều hành\",\"max\":3,\"children\":["
  "{\"code\":\"1.1\",\"title\":\"Kế hoạch cải cách hành chính năm\",\"max\":2,\"children\":["
  "{\"code\":\"1.1.1\",\"title\":\"Ban hành kế hoạch CCHC năm đúng thời hạn\",\"max\":1},"
  "{\"code\":\"1.1.2\",\"title\":\"Mức độ hoàn thành kế hoạch\",\"max\":1}]},"
  "{\"code\":\"1.2\",\"title\":\"Báo cáo định kỳ\",\"max\":1}]}]}";

typedef struct
{
  char        *dir;
  ParWindow   *window;
  ParDatabase *db;
  ParPlanView *view;
  gint64       unit_id;
  gint64       set_id;
  gint64       task_id;
} Fixture;

static GtkWidget *
find (gpointer    root,
      const char *id)
{
  GtkWidget *widget = test_gui_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (widget);
  return widget;
}

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (par_plan_parse_date (text, &date));
  return date;
}

/* A department, a criteria set, and its plan for 2025 with one task due
 * on 31 March 2025 — overdue today, whenever the test runs. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ParTaskSpec spec = { .title = "Ban hành kế hoạch cải cách hành chính năm 2025", .area = PAR_AREA_DIRECTION,
                       .deadline_kind = PAR_DEADLINE_DATE };
  gint64 plan;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  f->unit_id = par_directory_add_unit (f->db, "SNV", "Sở Nội vụ", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  set = par_criteria_import_read_data (set_json, sizeof set_json - 1, "set.json", &problems);
  g_assert_nonnull (set);
  f->set_id = par_criteria_set_save (set, f->db, &error);
  g_assert_no_error (error);
  plan = par_plans_create (f->db, f->unit_id, 2025, NULL, &error);
  g_assert_no_error (error);
  spec.deadline_date = day ("2025-03-31");
  spec.lead_id = f->unit_id;
  f->task_id = par_plans_add_task (f->db, plan, &spec, &error);
  g_assert_no_error (error);

  par_window_show_view (f->window, "plan");
  f->view = PAR_PLAN_VIEW (find (f->window, "plan_view"));
  g_assert_true (par_plan_view_select (f->view, f->unit_id, 2025));
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

static GtkWindow *
edit_task (Fixture *f)
{
  GtkSingleSelection *rows = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (f->view, "task_view"))));
  GtkWindow *dialog;

  test_gui_wait_for_n_items (G_LIST_MODEL (rows), 2);   /* the area's heading, the task */
  gtk_single_selection_set_selected (rows, 1);
  gtk_widget_activate (find (f->view, "edit_button"));
  dialog = test_gui_wait_for_window (PAR_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static ParTaskItemChooser *
open_chooser (GtkWindow *dialog)
{
  GtkWindow *chooser;

  gtk_widget_activate (find (dialog, "choose_button"));
  chooser = test_gui_wait_for_window (PAR_TYPE_TASK_ITEM_CHOOSER);
  g_assert_nonnull (chooser);
  return PAR_TASK_ITEM_CHOOSER (chooser);
}

static guint
n_links (Fixture *f)
{
  g_autoptr(GPtrArray) items = par_task_items_list (f->db, f->task_id, NULL);

  g_assert_nonnull (items);
  return items->len;
}

/* The first status label in @root, or NULL. */
static GtkWidget *
find_status (GtkWidget *root)
{
  if (gtk_widget_has_css_class (root, "task-status"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
status_is (gpointer data)
{
  gpointer *args = data;
  GtkWidget *status = find_status (args[0]);

  return status != NULL && gtk_widget_has_css_class (status, args[1])
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (status)), args[2]) == 0;
}

static void
wait_for_status (GtkWidget     *section,
                 ParTaskStatus  status)
{
  gpointer args[] = { section, (gpointer) par_task_status_get_css_class (status),
                      (gpointer) par_task_status_get_label (status) };

  g_assert_true (test_gui_wait_for (status_is, args, TEST_GUI_TIMEOUT_MS));
}

static gboolean
shows_n (gpointer data)
{
  gpointer *args = data;

  return par_task_item_chooser_get_n_shown (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The search runs a moment after the typing stops. */
static void
search (ParTaskItemChooser *chooser,
        const char         *text,
        guint               n_shown)
{
  gpointer args[] = { chooser, GUINT_TO_POINTER (n_shown) };

  gtk_editable_set_text (GTK_EDITABLE (find (chooser, "item_search_entry")), text);
  g_assert_true (test_gui_wait_for (shows_n, args, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_string (find (chooser, "list_stack"), "visible-child-name", n_shown > 0 ? "list" : "no-matches");
}

static void
choose_items (Fixture            *f,
              GtkWindow          *dialog,
              ParTaskItemsEditor *editor)
{
  ParTaskItemChooser *chooser = open_chooser (dialog);

  /* The set's items, found without diacritics; its groups are not offered. */
  g_assert_cmpuint (par_task_item_chooser_get_n_shown (chooser), ==, 3);
  search (chooser, "bao cao dinh ky 2030", 0);
  search (chooser, "ban hanh ke hoach", 1);
  g_assert_true (par_task_item_chooser_toggle (chooser, "1.1.1"));
  search (chooser, "", 3);
  g_assert_false (par_task_item_chooser_toggle (chooser, "1.1"));
  g_assert_true (par_task_item_chooser_toggle (chooser, "1.2"));
  test_gui_press_closing (GTK_WINDOW (chooser), "done_button");
  g_assert_cmpuint (par_task_items_editor_get_items (editor)->len, ==, 2);
  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), "1.2 Báo cáo định kỳ"));
  g_assert_cmpuint (n_links (f), ==, 0);   /* nothing written before the task is saved */
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_one_item (gpointer editor)
{
  return par_task_items_editor_get_items (editor)->len == 1;
}

static void
test_choose_and_meet (Fixture       *f,
                      gconstpointer  data)
{
  ParTaskItemsEditor *editor;
  ParTaskItemsSection *section;
  GtkWidget *tasks, *row;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDate done = day ("2025-04-10");

  /* Cancelling the dialog keeps nothing of what was ticked. */
  dialog = edit_task (f);
  editor = PAR_TASK_ITEMS_EDITOR (find (dialog, "items_editor"));
  choose_items (f, dialog, editor);
  gtk_window_close (dialog);
  test_gui_wait_for_no_window (PAR_TYPE_TASK_DIALOG);
  g_assert_cmpuint (n_links (f), ==, 0);

  /* Ticked again; one removed by its button; the other saved with the task. */
  dialog = edit_task (f);
  editor = PAR_TASK_ITEMS_EDITOR (find (dialog, "items_editor"));
  choose_items (f, dialog, editor);
  gtk_widget_activate (test_gui_find_icon_button (gtk_widget_get_last_child (find (editor, "item_list")), "list-remove-symbolic"));
  g_assert_true (test_gui_wait_for (has_one_item, editor, TEST_GUI_TIMEOUT_MS));
  g_assert_false (test_gui_shows_text (GTK_WIDGET (dialog), "1.2 Báo cáo định kỳ"));
  test_gui_press_closing (dialog, "save_button");
  items = par_task_items_list (f->db, f->task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((ParTaskItem *) g_ptr_array_index (items, 0))->code, ==, "1.1.1");

  /* The task pane lists it. */
  section = PAR_TASK_ITEMS_SECTION (find (f->view, "items_section"));
  g_assert_cmpuint (par_task_items_section_get_n_items (section), ==, 1);
  test_gui_wait_for_text (GTK_WIDGET (section), "1.1.1 Ban hành kế hoạch CCHC năm đúng thời hạn");

  /* Activated, it opens the PAR Index on the item, whose pane lists the
   * task, overdue today; completed late, it says so at once. */
  row = gtk_widget_get_first_child (find (section, "item_list"));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  gtk_widget_activate (row);
  g_assert_true (test_gui_wait_for (is_mapped, find (f->window, "index_view"), TEST_GUI_TIMEOUT_MS));
  tasks = find (find (f->window, "index_view"), "tasks_section");
  test_gui_wait_for_drawn (tasks);
  g_assert_true (gtk_widget_get_visible (tasks));
  g_assert_cmpuint (par_item_tasks_section_get_n_tasks (PAR_ITEM_TASKS_SECTION (tasks)), ==, 1);
  test_gui_wait_for_text (tasks, "I.1 Ban hành kế hoạch cải cách hành chính năm 2025");
  wait_for_status (tasks, PAR_TASK_STATUS_OVERDUE);
  g_assert_true (par_plans_complete_task (f->db, f->task_id, &done, NULL, &error));
  g_assert_no_error (error);
  wait_for_status (tasks, PAR_TASK_STATUS_DONE_LATE);
}

/* An item no task serves says so; a group of items has no such section. */
static void
test_item_without_tasks (Fixture       *f,
                         gconstpointer  data)
{
  ParIndexView *index;
  GtkWidget *tasks;

  par_window_show_view (f->window, "index");
  index = PAR_INDEX_VIEW (find (f->window, "index_view"));
  g_assert_true (par_index_view_select (index, f->set_id, f->unit_id));
  g_assert_true (par_index_view_focus_item (index, "1.2", PAR_SCORE_SELF));
  tasks = find (index, "tasks_section");
  test_gui_wait_for_drawn (tasks);
  g_assert_cmpuint (par_item_tasks_section_get_n_tasks (PAR_ITEM_TASKS_SECTION (tasks)), ==, 0);
  g_assert_true (gtk_widget_get_visible (find (tasks, "none_label")));
  g_assert_true (par_index_view_focus_item (index, "1.1", PAR_SCORE_SELF));
  g_assert_false (gtk_widget_get_visible (tasks));
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/task-items/choose-and-meet", Fixture, NULL, fixture_set_up, test_choose_and_meet,
              fixture_tear_down);
  g_test_add ("/gui/task-items/item-without-tasks", Fixture, NULL, fixture_set_up, test_item_without_tasks,
              fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
