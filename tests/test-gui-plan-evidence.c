/* test-gui-plan-evidence.c: the evidence of plan tasks through the real widgets: PDFs dropped on the
 * task pane and on a task's row are kept and linked, listed in the pane, opened in the viewer (which
 * names the task), unlinked; the pane follows links made elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-evidence-viewer.h"
#include "par-linked-documents.h"
#include "par-plan-row.h"
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
  gint64       tasks[2];   /* I.1 and I.2 */
} Fixture;

static gint64
add_task (Fixture    *f,
          gint64      plan,
          gint64      unit,
          const char *title)
{
  ParTaskSpec spec = { .title = title, .area = PAR_AREA_DIRECTION, .deadline_kind = PAR_DEADLINE_QUARTER,
                       .deadline_quarter = 2, .lead_id = unit };
  g_autoptr(GError) error = NULL;
  gint64 id = par_plans_add_task (f->db, plan, &spec, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit, plan;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  unit = par_directory_add_unit (f->db, "PNV", "Phòng Nội vụ", PAR_UNIT_LEVEL_OFFICE, 0, &error);
  g_assert_no_error (error);
  plan = par_plans_create (f->db, unit, 2025, "Kế hoạch CCHC năm 2025", &error);
  g_assert_no_error (error);
  f->tasks[0] = add_task (f, plan, unit, "Ban hành kế hoạch cải cách hành chính");
  f->tasks[1] = add_task (f, plan, unit, "Kiểm tra công tác cải cách hành chính");
  par_window_show_view (f->window, "plan");
  f->view = PAR_PLAN_VIEW (test_gui_find (f->window, "plan_view"));
  g_assert_true (par_plan_view_select (f->view, unit, 2025));
  test_gui_wait_for_drawn (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_gui_close_window_and_dir (f->window, f->dir);
  g_free (f->dir);
}

static int
n_links (Fixture *f,
         gint64   task_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM evidence_link WHERE task_id = %" G_GINT64_FORMAT,
                                          task_id);

  return test_sqlite_int (par_database_get_path (f->db), sql);
}

typedef struct
{
  Fixture *f;
  gint64   task_id;
  int      wanted;
} LinksWanted;

static gboolean
has_links (gpointer data)
{
  LinksWanted *wanted = data;

  return n_links (wanted->f, wanted->task_id) == wanted->wanted;
}

static void
wait_for_links (Fixture *f,
                gint64   task_id,
                int      wanted)
{
  LinksWanted links = { f, task_id, wanted };

  g_assert_true (test_gui_wait_for (has_links, &links, TEST_GUI_TIMEOUT_MS));
}

static ParLinkedDocuments *
pane_documents (Fixture *f)
{
  return PAR_LINKED_DOCUMENTS (test_gui_find (test_gui_find (f->view, "task_pane"), "evidence"));
}

typedef struct
{
  Fixture *f;
  guint    wanted;
} PaneWanted;

static gboolean
pane_lists (gpointer data)
{
  PaneWanted *pane = data;

  return par_linked_documents_get_n_items (pane_documents (pane->f)) == pane->wanted;
}

static void
wait_for_pane (Fixture *f,
               guint    n_documents)
{
  PaneWanted pane = { f, n_documents };

  g_assert_true (test_gui_wait_for (pane_lists, &pane, TEST_GUI_TIMEOUT_MS));
}

static char *
toast_for (const char *name,
           guint       n,
           const char *code)
{
  if (name != NULL)
    return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "“%s” attached to task %s"), name, code);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document attached to task %s",
                                       "%u documents attached to task %s", n), n, code);
}

/* Dropped on the pane: kept, linked to the selected task, listed, said. */
static void
drop_on_pane (Fixture *f)
{
  GtkWidget *pane = test_gui_find (f->view, "task_pane");
  GtkWidget *attach = test_gui_find (pane, "attach_button");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *toast = toast_for ("ke-hoach.pdf", 1, "I.1");

  /* Nothing selected: the pane invites a choice, attaching waits for one. */
  g_assert_false (gtk_widget_is_sensitive (attach));
  g_assert_true (par_plan_view_select_task (f->view, f->tasks[0]));
  g_assert_true (gtk_widget_is_sensitive (attach));
  g_assert_true (gtk_widget_get_visible (test_gui_find (pane, "empty_label")));
  g_assert_cmpuint (par_linked_documents_get_n_items (pane_documents (f)), ==, 0);

  g_ptr_array_add (paths, test_make_pdf (f->dir, "ke-hoach.pdf", 2));
  g_assert_true (test_gui_drop_files (pane, 10, 10, paths));
  wait_for_links (f, f->tasks[0], 1);
  wait_for_pane (f, 1);
  test_gui_wait_for_text (GTK_WIDGET (f->window), toast);
  g_assert_false (gtk_widget_get_visible (test_gui_find (pane, "empty_label")));
  g_assert_cmpint (n_links (f, f->tasks[1]), ==, 0);
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 1);
}

static gboolean
shows_task (gpointer      item,
            gconstpointer task_id)
{
  ParTask *task = par_plan_row_get_task (item);

  return task != NULL && par_task_get_id (task) == *(const gint64 *) task_id;
}

static gboolean
shows_area (gpointer      item,
            gconstpointer data)
{
  return par_plan_row_get_task (item) == NULL;
}

static graphene_point_t
point_in (GtkWidget *row,
          GtkWidget *table)
{
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (row, table,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 4.0,
                                                                 gtk_widget_get_height (row) / 2.0),
                                           &at));
  return at;
}

/* Dropped on the row of I.2 while I.1 is selected: linked to I.2, whose
 * row is marked while they hover; an area's heading takes none. */
static void
drop_on_row (Fixture *f)
{
  GtkWidget *table = test_gui_find (f->view, "task_view");
  GtkDropTarget *target = test_gui_drop_target_of (table);
  GtkWidget *row = test_gui_tree_row_widget (table, shows_task, &f->tasks[1]);
  GtkWidget *heading = test_gui_tree_row_widget (table, shows_area, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *toast = toast_for (NULL, 2, "I.2");
  graphene_point_t at, off;
  GdkDragAction action = 0;

  g_assert_nonnull (target);
  g_assert_nonnull (row);
  g_assert_nonnull (heading);
  at = point_in (row, table);
  off = point_in (heading, table);
  g_signal_emit_by_name (target, "enter", (double) at.x, (double) at.y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (row, "drop-row"));
  g_assert_false (gtk_widget_has_css_class (test_gui_tree_row_widget (table, shows_task, &f->tasks[0]), "drop-row"));
  g_signal_emit_by_name (target, "motion", (double) off.x, (double) off.y, &action);
  g_assert_cmpint (action, ==, 0);
  g_assert_false (gtk_widget_has_css_class (row, "drop-row"));
  g_assert_false (gtk_widget_has_css_class (heading, "drop-row"));

  g_ptr_array_add (paths, test_make_pdf (f->dir, "bao-cao.pdf", 1));
  g_ptr_array_add (paths, test_make_pdf (f->dir, "bien-ban.pdf", 3));
  g_assert_false (test_gui_drop_files (table, off.x, off.y, paths));   /* the area's heading: refused */
  g_assert_true (test_gui_drop_files (table, at.x, at.y, paths));
  g_assert_false (gtk_widget_has_css_class (row, "drop-row"));
  wait_for_links (f, f->tasks[1], 2);
  test_gui_wait_for_text (GTK_WIDGET (f->window), toast);
  g_assert_cmpint (n_links (f, f->tasks[0]), ==, 1);
  g_assert_null (test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  /* The pane still shows I.1, with its one document. */
  g_assert_cmpuint (par_linked_documents_get_n_items (pane_documents (f)), ==, 1);
}

static gboolean
viewer_names_task (gpointer viewer)
{
  g_autofree char *plan = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s · Reform plan %d"), "Phòng Nội vụ", 2025);

  return test_gui_shows_text (viewer, "I.1 Ban hành kế hoạch cải cách hành chính") && test_gui_shows_text (viewer, plan);
}

/* Activated in the pane: opened in the viewer, which names the task. */
static void
open_in_viewer (Fixture *f)
{
  GtkWidget *list = test_gui_find (pane_documents (f), "documents_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  GtkWindow *viewer;

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  viewer = test_gui_wait_for_window (PAR_TYPE_EVIDENCE_VIEWER);
  g_assert_nonnull (viewer);
  g_assert_true (test_gui_wait_for (viewer_names_task, viewer, TEST_GUI_TIMEOUT_MS));
  gtk_window_destroy (viewer);
  test_gui_wait_for_no_window (PAR_TYPE_EVIDENCE_VIEWER);
}

static GtkWidget *
find_unlink_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "list-remove-symbolic") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_unlink_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Unlinked from the pane: the document stays kept; linked again elsewhere
 * (as the evidence viewer does), the pane follows. */
static void
unlink_and_relink (Fixture *f)
{
  GtkWidget *unlink = find_unlink_button (test_gui_find (pane_documents (f), "documents_list"));
  gint64 document_id = par_linked_documents_get_id (pane_documents (f), 0);
  g_autoptr(ParLinkTarget) target = par_link_target_new_task (f->tasks[0]);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (unlink);
  g_assert_cmpint (document_id, >, 0);
  gtk_widget_activate (unlink);
  wait_for_links (f, f->tasks[0], 0);
  wait_for_pane (f, 0);
  g_assert_true (gtk_widget_get_visible (test_gui_find (pane_documents (f), "empty_label")));
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 3);
  g_assert_cmpint (n_links (f, f->tasks[1]), ==, 2);

  g_assert_true (par_evidence_link (f->db, document_id, target, &error));
  g_assert_no_error (error);
  wait_for_pane (f, 1);
  g_assert_cmpint (par_linked_documents_get_id (pane_documents (f), 0), ==, document_id);
}

static void
test_task_evidence (Fixture       *f,
                    gconstpointer  data)
{
  drop_on_pane (f);
  drop_on_row (f);
  open_in_viewer (f);
  unlink_and_relink (f);
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/plan/task-evidence", Fixture, NULL, fixture_set_up, test_task_evidence, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
