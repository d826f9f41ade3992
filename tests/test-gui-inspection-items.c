/* test-gui-inspection-items.c: the PAR Index items an inspection covers, through the real widgets: ticked
 * in the inspection dialog's chooser, removed, cancelled, saved with the inspection (a new one and an
 * edited one), shown again when editing, listed in the inspection pane and opened in the PAR Index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-inspection-dialog.h"
#include "par-inspections-view.h"
#include "par-task-item-chooser.h"
#include "par-task-items-editor.h"
#include "par-task-items-section.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

static const char set_json[] =
  "{\"format\":\"par-desk/criteria-set@1\",\"name\":\"Bộ chỉ số sở\",\"level\":\"department\",\"year\":2026,"
  "\"nodes\":[{\"code\":\"1\",\"title\":\"Chỉ đạo, điều hành\",\"max\":3,\"children\":["
  "{\"code\":\"1.1\",\"title\":\"Kế hoạch cải cách hành chính năm\",\"max\":2,\"children\":["
  "{\"code\":\"1.1.1\",\"title\":\"Ban hành kế hoạch CCHC năm đúng thời hạn\",\"max\":1},"
  "{\"code\":\"1.1.2\",\"title\":\"Mức độ hoàn thành kế hoạch\",\"max\":1}]},"
  "{\"code\":\"1.2\",\"title\":\"Báo cáo định kỳ\",\"max\":1}]}]}";

typedef struct
{
  char               *dir;
  ParWindow          *window;
  ParDatabase        *db;
  ParInspectionsView *view;
  gint64              unit_id;
  gint64              inspection_id;   /* 10–12/02/2026 */
} Fixture;

static GDate
day (int d,
     int m,
     int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* A department with a leader, a criteria set, one inspection selected in the view. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = day (10, 2, 2026);
  ParTeamSeat team[1] = { { 0, PAR_TEAM_ROLE_LEADER } };
  ParInspectionSpec spec = { .first = day (10, 2, 2026), .last = day (12, 2, 2026),
                             .title = "Kiểm tra công tác cải cách hành chính", .scope = "Một cửa",
                             .team = team, .n_team = 1 };

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  f->unit_id = par_directory_add_unit (f->db, "STP", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  team[0].staff_id = par_directory_add_staff (f->db, f->unit_id, "Lê Quang Minh", "Phó Giám đốc",
                                              PAR_STAFF_ROLE_STEERING_MEMBER, &error);
  g_assert_no_error (error);
  set = par_criteria_import_read_data (set_json, sizeof set_json - 1, "set.json", &problems);
  g_assert_nonnull (set);
  par_criteria_set_save (set, f->db, &error);
  g_assert_no_error (error);
  spec.unit_id = f->unit_id;
  f->inspection_id = par_inspections_add (f->db, &spec, TRUE, NULL, &error);
  g_assert_no_error (error);

  par_window_show_view (f->window, "inspections");
  f->view = PAR_INSPECTIONS_VIEW (test_gui_find (f->window, "inspections_view"));
  par_inspections_view_set_today (f->view, &today);
  par_inspections_view_show_month (f->view, &today);
  par_inspections_view_select (f->view, f->inspection_id);
  test_gui_wait_for_drawn (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_gui_close_dialogs ();
  test_gui_close_window_and_dir (f->window, f->dir);
  g_free (f->dir);
}

static GtkWindow *
open_dialog (Fixture    *f,
             const char *action)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL);
  dialog = test_gui_wait_for_window (PAR_TYPE_INSPECTION_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static GPtrArray *
list_items (Fixture *f,
            gint64   inspection_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = par_inspection_items_list (f->db, inspection_id, &error);

  g_assert_no_error (error);
  return items;
}

/* Ticks 1.1.1 and 1.2 in the chooser; groups are not offered. */
static void
choose_items (Fixture            *f,
              GtkWindow          *dialog,
              ParTaskItemsEditor *editor)
{
  ParTaskItemChooser *chooser;

  gtk_widget_activate (test_gui_find (editor, "choose_button"));
  chooser = PAR_TASK_ITEM_CHOOSER (test_gui_wait_for_window (PAR_TYPE_TASK_ITEM_CHOOSER));
  g_assert_nonnull (chooser);
  g_assert_cmpuint (par_task_item_chooser_get_n_shown (chooser), ==, 3);
  g_assert_true (par_task_item_chooser_toggle (chooser, "1.1.1"));
  g_assert_false (par_task_item_chooser_toggle (chooser, "1.1"));
  g_assert_true (par_task_item_chooser_toggle (chooser, "1.2"));
  test_gui_press_closing (GTK_WINDOW (chooser), "done_button");
  g_assert_cmpuint (par_task_items_editor_get_items (editor)->len, ==, 2);
  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), "1.2 Báo cáo định kỳ"));
}

static gboolean
has_one_item (gpointer editor)
{
  return par_task_items_editor_get_items (editor)->len == 1;
}

static gboolean
section_has_one (gpointer section)
{
  return par_task_items_section_get_n_items (section) == 1;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_edit_and_open (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *pane = test_gui_find (f->view, "pane");
  ParTaskItemsSection *section = PAR_TASK_ITEMS_SECTION (test_gui_find (pane, "items_section"));
  g_autoptr(GPtrArray) items = NULL;
  ParTaskItemsEditor *editor;
  GtkWindow *dialog;
  GtkWidget *row, *index;

  /* The pane says the inspection covers none. */
  g_assert_cmpuint (par_task_items_section_get_n_items (section), ==, 0);
  g_assert_true (gtk_widget_get_visible (test_gui_find (section, "none_label")));

  /* Cancelling the dialog keeps nothing of what was ticked. */
  dialog = open_dialog (f, "inspections.edit-inspection");
  editor = PAR_TASK_ITEMS_EDITOR (test_gui_find (dialog, "items_editor"));
  choose_items (f, dialog, editor);
  gtk_window_close (dialog);
  test_gui_wait_for_no_window (PAR_TYPE_INSPECTION_DIALOG);
  items = list_items (f, f->inspection_id);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Ticked again, one removed, the other saved with the inspection. */
  dialog = open_dialog (f, "inspections.edit-inspection");
  editor = PAR_TASK_ITEMS_EDITOR (test_gui_find (dialog, "items_editor"));
  choose_items (f, dialog, editor);
  row = gtk_widget_get_last_child (test_gui_find (editor, "item_list"));
  gtk_widget_activate (test_gui_find_icon_button (row, "list-remove-symbolic"));
  g_assert_true (test_gui_wait_for (has_one_item, editor, TEST_GUI_TIMEOUT_MS));
  test_gui_press_closing (dialog, "save_button");
  items = list_items (f, f->inspection_id);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((ParTaskItem *) g_ptr_array_index (items, 0))->code, ==, "1.1.1");

  /* The pane lists it; editing again shows it in the dialog. */
  g_assert_true (test_gui_wait_for (section_has_one, section, TEST_GUI_TIMEOUT_MS));
  g_assert_false (gtk_widget_get_visible (test_gui_find (section, "none_label")));
  test_gui_wait_for_text (GTK_WIDGET (section), "1.1.1 Ban hành kế hoạch CCHC năm đúng thời hạn");
  dialog = open_dialog (f, "inspections.edit-inspection");
  editor = PAR_TASK_ITEMS_EDITOR (test_gui_find (dialog, "items_editor"));
  g_assert_cmpuint (par_task_items_editor_get_items (editor)->len, ==, 1);
  gtk_window_close (dialog);
  test_gui_wait_for_no_window (PAR_TYPE_INSPECTION_DIALOG);

  /* Activated, it opens the PAR Index on the item. */
  row = gtk_widget_get_first_child (test_gui_find (section, "item_list"));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  gtk_widget_activate (row);
  index = test_gui_find (f->window, "index_view");
  g_assert_true (test_gui_wait_for (is_mapped, index, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_text (index, "Ban hành kế hoạch CCHC năm đúng thời hạn");
}

static void
on_saved (gint64  *saved,
          gint64   id)
{
  *saved = id;
}

/* A new inspection is saved with the items ticked. */
static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  GtkWindow *dialog = open_dialog (f, "inspections.add-inspection");
  ParTaskItemsEditor *editor = PAR_TASK_ITEMS_EDITOR (test_gui_find (dialog, "items_editor"));
  GtkDropDown *units = GTK_DROP_DOWN (test_gui_find (dialog, "unit_dropdown"));
  g_autoptr(GPtrArray) items = NULL;
  gint64 saved = 0;

  g_assert_cmpuint (par_task_items_editor_get_items (editor)->len, ==, 0);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_drop_down_set_selected (units, 1);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "title_row")), "Kiểm tra chuyên đề");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "first_row")), "16/03/2026");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "last_row")), "16/03/2026");
  choose_items (f, dialog, editor);
  test_gui_press_closing (dialog, "save_button");
  g_assert_cmpint (saved, >, 0);
  g_assert_cmpint (saved, !=, f->inspection_id);
  items = list_items (f, saved);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((ParTaskItem *) g_ptr_array_index (items, 0))->code, ==, "1.1.1");
  g_assert_cmpstr (((ParTaskItem *) g_ptr_array_index (items, 1))->code, ==, "1.2");
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/inspection-items/edit-and-open", Fixture, NULL, fixture_set_up, test_edit_and_open,
              fixture_tear_down);
  g_test_add ("/gui/inspection-items/new", Fixture, NULL, fixture_set_up, test_new, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
