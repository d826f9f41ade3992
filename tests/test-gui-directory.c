/* test-gui-directory.c: adding, editing, moving and deleting units and staff through the real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-database-private.h"
#include "par-directory-view.h"
#include "par-staff-dialog.h"
#include "par-unit-dialog.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char             *dir;
  ParWindow        *window;
  ParDatabase      *db;
  ParDirectoryView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  par_window_show_view (f->window, "directory");
  f->view = PAR_DIRECTORY_VIEW (test_gui_find_by_id (GTK_WIDGET (f->window), "directory_view"));
  g_assert_nonnull (f->view);
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

static void
type_into (GtkWindow  *dialog,
           const char *row_id,
           const char *text)
{
  GtkWidget *row = test_gui_find_by_id (GTK_WIDGET (dialog), row_id);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
find (GtkWindow  *dialog,
      const char *id)
{
  GtkWidget *widget = test_gui_find_by_id (GTK_WIDGET (dialog), id);

  g_assert_nonnull (widget);
  return widget;
}

/* Saved and closed, or refused with the reason shown. */
static gboolean
save_done (gpointer pointer)
{
  GtkWindow *dialog = *(GtkWindow **) pointer;

  return dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog))
         || gtk_widget_get_visible (test_gui_find_by_id (GTK_WIDGET (dialog), "error_label"));
}

static void
press_save (GtkWindow *dialog)
{
  GtkWidget *button = find (dialog, "save_button");
  gpointer weak = dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_get_visible (find (dialog, "error_label")));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  /* A button activated from the keyboard shows its press, then clicks. */
  gtk_widget_activate (button);
  g_assert_true (test_gui_wait_for (save_done, &weak, TEST_GUI_TIMEOUT_MS));
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
}

static GtkWindow *
open_dialog (Fixture    *f,
             const char *action,
             GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  dialog = test_gui_wait_for_window (type);
  g_assert_nonnull (dialog);
  return dialog;
}

/* The rows of the units' tree. */
static GListModel *
units_of (Fixture *f)
{
  GtkWidget *units = test_gui_find_by_id (GTK_WIDGET (f->view), "units_view");

  g_assert_nonnull (units);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (units)));
}

static gint64
unit_id (Fixture    *f,
         const char *code)
{
  g_autoptr(ParUnit) unit = par_directory_find_unit (f->db, code, NULL);

  return unit != NULL ? par_unit_get_id (unit) : 0;
}

static void
test_add_units_and_staff (Fixture       *f,
                          gconstpointer  data)
{
  GtkStack *units_stack = GTK_STACK (test_gui_find_by_id (GTK_WIDGET (f->view), "units_stack"));
  GtkWindow *dialog;
  g_autoptr(ParUnit) selected = NULL;
  g_autoptr(ParUnit) child = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  GListModel *staff_model;

  /* An empty file invites the first unit. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (units_stack), ==, "empty");

  dialog = open_dialog (f, "directory.add-unit", PAR_TYPE_UNIT_DIALOG);
  g_assert_false (gtk_widget_is_sensitive (find (dialog, "save_button")));
  type_into (dialog, "code_row", "SNV");
  type_into (dialog, "name_row", "Sở Nội vụ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, "level_row")), PAR_UNIT_LEVEL_DEPARTMENT);
  press_save (dialog);

  g_assert_null (test_gui_find_window (PAR_TYPE_UNIT_DIALOG));
  g_assert_cmpint (unit_id (f, "SNV"), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (units_stack), ==, "list");
  selected = par_directory_view_get_selected_unit (f->view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (par_unit_get_code (selected), ==, "SNV");
  g_assert_cmpint (par_unit_get_level (selected), ==, PAR_UNIT_LEVEL_DEPARTMENT);

  /* A sub-unit goes under the selected unit. */
  dialog = open_dialog (f, "directory.add-child-unit", PAR_TYPE_UNIT_DIALOG);
  type_into (dialog, "code_row", "SNV-CCHC");
  type_into (dialog, "name_row", "Phòng Cải cách hành chính");
  press_save (dialog);
  child = par_directory_find_unit (f->db, "SNV-CCHC", NULL);
  g_assert_nonnull (child);
  g_assert_cmpint (par_unit_get_parent_id (child), ==, unit_id (f, "SNV"));

  /* The selected unit's staff: add one through the dialog. */
  g_assert_true (par_directory_view_select_unit (f->view, par_unit_get_id (child)));
  dialog = open_dialog (f, "directory.add-staff", PAR_TYPE_STAFF_DIALOG);
  type_into (dialog, "name_row", "Phạm Thị Lan Anh");
  type_into (dialog, "title_row", "Trưởng phòng");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, "role_row")), PAR_STAFF_ROLE_PAR_OFFICER);
  press_save (dialog);

  staff = par_directory_list_staff (f->db, par_unit_get_id (child), NULL);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpstr (par_staff_get_full_name (g_ptr_array_index (staff, 0)), ==, "Phạm Thị Lan Anh");
  g_assert_cmpstr (par_staff_get_title (g_ptr_array_index (staff, 0)), ==, "Trưởng phòng");
  g_assert_cmpint (par_staff_get_role (g_ptr_array_index (staff, 0)), ==, PAR_STAFF_ROLE_PAR_OFFICER);

  /* ... and the list shows it. */
  staff_model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (test_gui_find_by_id (GTK_WIDGET (f->view), "staff_view"))));
  g_assert_cmpuint (g_list_model_get_n_items (staff_model), ==, 1);
}

static void
test_duplicate_code_keeps_dialog (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *error_label;

  par_directory_add_unit (f->db, "SNV", "Sở Nội vụ", PAR_UNIT_LEVEL_DEPARTMENT, 0, NULL);
  test_gui_wait_for_n_items (units_of (f), 1);

  dialog = open_dialog (f, "directory.add-unit", PAR_TYPE_UNIT_DIALOG);
  type_into (dialog, "code_row", "SNV");
  type_into (dialog, "name_row", "Một sở khác");
  press_save (dialog);

  /* The dialog stays, with what was typed and the reason. */
  g_assert_true (test_gui_find_window (PAR_TYPE_UNIT_DIALOG) == dialog);
  error_label = find (dialog, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "SNV"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "name_row"))), ==, "Một sở khác");
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM org_unit"), ==, 1);
  gtk_window_destroy (dialog);
}

static void
test_edit_moves_unit (Fixture       *f,
                      gconstpointer  data)
{
  gint64 parent = par_directory_add_unit (f->db, "A", "Unit A", PAR_UNIT_LEVEL_DEPARTMENT, 0, NULL);
  gint64 child = par_directory_add_unit (f->db, "B", "Unit B", PAR_UNIT_LEVEL_OFFICE, parent, NULL);
  g_autoptr(ParUnit) unit = NULL;
  GtkWindow *dialog;

  /* the child under its parent, the tree open */
  test_gui_wait_for_n_items (units_of (f), 2);
  g_assert_true (par_directory_view_select_unit (f->view, child));
  dialog = open_dialog (f, "directory.edit-unit", PAR_TYPE_UNIT_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "code_row"))), ==, "B");
  type_into (dialog, "name_row", "Unit B renamed");
  /* First entry of "Belongs to": none, the top of the tree. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, "parent_row")), 0);
  press_save (dialog);

  unit = par_directory_get_unit (f->db, child, NULL);
  g_assert_cmpstr (par_unit_get_name (unit), ==, "Unit B renamed");
  g_assert_cmpint (par_unit_get_parent_id (unit), ==, 0);
}

static void
test_delete_refused_then_done (Fixture       *f,
                               gconstpointer  data)
{
  gint64 unit = par_directory_add_unit (f->db, "A", "Unit A", PAR_UNIT_LEVEL_DEPARTMENT, 0, NULL);
  GtkWindow *confirm;
  GtkWindow *error_dialog;

  par_directory_add_staff (f->db, unit, "Nguyễn Văn A", "", PAR_STAFF_ROLE_STAFF, NULL);
  test_gui_wait_for_n_items (units_of (f), 1);
  g_assert_true (par_directory_view_select_unit (f->view, unit));

  confirm = open_dialog (f, "directory.delete-unit", ADW_TYPE_MESSAGE_DIALOG);
  test_gui_respond (confirm, "delete");

  /* Refused, and the user is told why. */
  error_dialog = test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), "Unit A"));
  g_assert_cmpint (unit_id (f, "A"), ==, unit);
  test_gui_close_dialogs ();

  /* Delete the staff member first, then the unit goes. */
  confirm = open_dialog (f, "directory.delete-staff", ADW_TYPE_MESSAGE_DIALOG);
  test_gui_respond (confirm, "delete");
  confirm = open_dialog (f, "directory.delete-unit", ADW_TYPE_MESSAGE_DIALOG);
  test_gui_respond (confirm, "delete");
  g_assert_null (test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (unit_id (f, "A"), ==, 0);
}

/* The window's edits never copy the log into the file themselves (after a
 * batch of scans, megabytes, in the UI thread): its connection has no
 * automatic checkpoint; a thread of its own does them. */
static void
test_checkpoints_in_background (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (f->db, "PRAGMA wal_autocheckpoint", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
}

static void
test_open_foreign_file_shows_error (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (f->dir, "junk.pardesk", NULL);
  GtkWindow *error_dialog;

  g_assert_true (g_file_set_contents (junk, "not a database at all, just text", -1, NULL));
  par_window_open_path (f->window, junk, FALSE);

  error_dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), "junk.pardesk"));
  /* The window keeps the file it had. */
  g_assert_true (par_window_get_database (f->window) == f->db);
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/directory/add-units-and-staff", test_add_units_and_staff);
  ADD ("/gui/directory/checkpoints-in-background", test_checkpoints_in_background);
  ADD ("/gui/directory/duplicate-code-keeps-dialog", test_duplicate_code_keeps_dialog);
  ADD ("/gui/directory/edit-moves-unit", test_edit_moves_unit);
  ADD ("/gui/directory/delete-refused-then-done", test_delete_refused_then_done);
  ADD ("/gui/directory/open-foreign-file", test_open_foreign_file_shows_error);
#undef ADD

  result = g_test_run ();
  g_object_unref (app);
  return result;
}
