/* test-gui-recommendation-evidence.c: evidence of a recommendation in the inspection pane, through the real widgets
 *
 * A PDF dropped on a recommendation's row is kept and linked to that
 * recommendation (not to its inspection, nor to the other recommendation),
 * the row highlighted while it hovers; the row's button counts it and its
 * popover lists it; unlinking there leaves the document kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-inspections-view.h"
#include "par-linked-documents.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char               *dir;
  ParWindow          *window;
  ParDatabase        *db;
  ParInspectionsView *view;
  gint64              inspection;
  gint64              report;       /* "Gửi báo cáo khắc phục", the one dropped on */
  gint64              other;        /* "Niêm yết công khai thủ tục hành chính" */
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = day (10, 2, 2026), deadline = day (30, 4, 2026);
  ParInspectionSpec spec = { .first = day (10, 2, 2026), .last = day (12, 2, 2026),
                             .title = "Kiểm tra công tác cải cách hành chính" };
  gint64 unit;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  unit = par_directory_add_unit (f->db, "STP", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  spec.unit_id = unit;
  f->inspection = par_inspections_add (f->db, &spec, TRUE, NULL, &error);
  g_assert_no_error (error);
  f->other = par_recommendations_add (f->db, f->inspection, "Niêm yết công khai thủ tục hành chính", unit,
                                      &deadline, 0, &error);
  g_assert_no_error (error);
  f->report = par_recommendations_add (f->db, f->inspection, "Gửi báo cáo khắc phục", unit, &deadline, 0, &error);
  g_assert_no_error (error);

  par_window_show_view (f->window, "inspections");
  f->view = PAR_INSPECTIONS_VIEW (test_gui_find (f->window, "inspections_view"));
  par_inspections_view_set_today (f->view, &today);
  par_inspections_view_show_month (f->view, &today);
  par_inspections_view_select (f->view, f->inspection);
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

/* The pane's row of @recommendation (rows are made again on every change). */
static GtkWidget *
row_of (Fixture *f,
        gint64   recommendation)
{
  GtkWidget *list = test_gui_find (test_gui_find (f->view, "pane"), "recommendations_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "recommendation-id")) == recommendation)
      return row;
  g_assert_not_reached ();
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
             const char *icon_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The evidence button at the end of @recommendation's row. */
static GtkMenuButton *
button_of (Fixture *f,
           gint64   recommendation)
{
  GtkWidget *button = find_type (row_of (f, recommendation), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

/* The documents listed in the button's popover. */
static ParLinkedDocuments *
documents_of (Fixture *f,
              gint64   recommendation)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button_of (f, recommendation)));

  return PAR_LINKED_DOCUMENTS (gtk_popover_get_child (GTK_POPOVER (popover)));
}

/* The number the button shows. */
static const char *
count_of (Fixture *f,
          gint64   recommendation)
{
  return gtk_label_get_text (GTK_LABEL (find_type (GTK_WIDGET (button_of (f, recommendation)), GTK_TYPE_LABEL)));
}

static int
links_where (Fixture    *f,
             const char *condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM evidence_link WHERE %s", condition);

  return test_sqlite_int (par_database_get_path (f->db), sql);
}

static gboolean
linked_and_listed (gpointer data)
{
  Fixture *f = data;
  g_autofree char *condition = g_strdup_printf ("recommendation_id = %" G_GINT64_FORMAT, f->report);

  return links_where (f, condition) == 1 && par_linked_documents_get_n_items (documents_of (f, f->report)) == 1
         && g_str_equal (count_of (f, f->report), "1");
}

static gboolean
unlinked (gpointer data)
{
  Fixture *f = data;

  return links_where (f, "1") == 0 && par_linked_documents_get_n_items (documents_of (f, f->report)) == 0
         && g_str_equal (count_of (f, f->report), "0");
}

static void
test_drop_on_recommendation (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *toast = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "“%s” attached to the recommendation"),
                                            "bao-cao-khac-phuc.pdf");
  g_autofree char *other = g_strdup_printf ("recommendation_id = %" G_GINT64_FORMAT, f->other);
  GtkDropTarget *target;
  GdkDragAction action = 0;
  GtkWidget *row, *unlink;
  GVariant *attach_target;

  g_assert_cmpstr (count_of (f, f->report), ==, "0");
  g_assert_cmpuint (par_linked_documents_get_n_items (documents_of (f, f->report)), ==, 0);
  /* The popover's attach button names the recommendation. */
  attach_target = gtk_actionable_get_action_target_value (
    GTK_ACTIONABLE (test_gui_find (documents_of (f, f->report), "attach_button")));
  g_assert_nonnull (attach_target);
  g_assert_cmpint (g_variant_get_int64 (attach_target), ==, f->report);

  /* Hovering marks the row; leaving unmarks it. */
  row = row_of (f, f->report);
  target = test_gui_drop_target_of (row);
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (row, "drop-row"));
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_has_css_class (row, "drop-row"));

  g_ptr_array_add (paths, test_make_pdf (f->dir, "bao-cao-khac-phuc.pdf", 1));
  g_assert_true (test_gui_drop_files (row, 10, 10, paths));
  g_assert_true (test_gui_wait_for (linked_and_listed, f, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_text (GTK_WIDGET (f->window), toast);
  /* Kept, and linked to that recommendation alone. */
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 1);
  g_assert_cmpint (links_where (f, "inspection_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (links_where (f, other), ==, 0);
  g_assert_cmpstr (count_of (f, f->other), ==, "0");
  g_assert_cmpuint (par_linked_documents_get_n_items (
                      PAR_LINKED_DOCUMENTS (test_gui_find (test_gui_find (f->view, "pane"), "evidence"))), ==, 0);

  /* Unlinked from the popover's list: the document stays kept. */
  unlink = find_button (GTK_WIDGET (documents_of (f, f->report)), "list-remove-symbolic");
  g_assert_nonnull (unlink);
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_true (test_gui_wait_for (unlinked, f, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/recommendation-evidence/drop-on-recommendation", Fixture, NULL, fixture_set_up,
              test_drop_on_recommendation, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
