/* test-gui-evidence.c: adding, finding, viewing and linking documents through the real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-check-dialog.h"
#include "par-core.h"
#include "par-document-dialog.h"
#include "par-evidence-view.h"
#include "par-evidence-viewer.h"
#include "par-page-view.h"
#include "par-index-view.h"
#include "par-link-chooser.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char            *dir;
  ParWindow       *window;
  ParDatabase     *db;
  ParEvidenceView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "evidence.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  par_window_show_view (f->window, "evidence");
  f->view = PAR_EVIDENCE_VIEW (test_gui_find_by_id (GTK_WIDGET (f->window), "evidence_view"));
  g_assert_nonnull (f->view);
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

static Fixture *waiting;
static guint wanted;

static gboolean
shown_enough (gpointer data)
{
  return par_evidence_view_get_n_shown (waiting->view) >= wanted;
}

static gboolean
not_adding (gpointer progress)
{
  return !gtk_revealer_get_reveal_child (progress);
}

/* Adds @paths as a user does, and waits until the adding is over. */
static void
add_and_wait (Fixture *f,
              GPtrArray *paths,
              guint    n_expected)
{
  GtkRevealer *progress = GTK_REVEALER (test_gui_find_by_id (GTK_WIDGET (f->view), "progress_revealer"));

  par_evidence_view_add_files (f->view, paths);
  /* The progress shows from the start to the end of the adding. */
  g_assert_true (gtk_revealer_get_reveal_child (progress));
  g_assert_true (test_gui_wait_for (not_adding, progress, TEST_GUI_TIMEOUT_MS));
  waiting = f;
  wanted = n_expected;
  g_assert_true (test_gui_wait_for (shown_enough, NULL, TEST_GUI_TIMEOUT_MS));
}

static void
test_add_and_search (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkStack *list_stack = GTK_STACK (test_gui_find_by_id (GTK_WIDGET (f->view), "list_stack"));

  g_ptr_array_add (paths, test_make_pdf (f->dir, "one.pdf", 3));
  g_ptr_array_add (paths, test_make_pdf (f->dir, "two.pdf", 1));
  add_and_wait (f, paths, 2);
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 2);

  /* The same files again: nothing new is stored. */
  add_and_wait (f, paths, 2);
  g_assert_cmpuint (par_evidence_view_get_n_shown (f->view), ==, 2);
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_blob"), ==, 2);

  /* Correcting a detail through the dialog. */
  {
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "evidence.edit", NULL));
    dialog = test_gui_wait_for_window (PAR_TYPE_DOCUMENT_DIALOG);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (test_gui_find_by_id (GTK_WIDGET (dialog), "number_row")), "99/QĐ-UBND");
    gtk_editable_set_text (GTK_EDITABLE (test_gui_find_by_id (GTK_WIDGET (dialog), "date_row")), "01/02/2022");
    g_signal_emit_by_name (test_gui_find_by_id (GTK_WIDGET (dialog), "save_button"), "clicked");
    test_gui_wait_for_no_window (PAR_TYPE_DOCUMENT_DIALOG);
    g_assert_null (test_gui_find_window (PAR_TYPE_DOCUMENT_DIALOG));
    g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db),
                                      "SELECT count(*) FROM evidence_document WHERE doc_number = '99/QĐ-UBND'"
                                      " AND doc_date = '2022-02-01'"), ==, 1);
  }

  /* The search field finds text without diacritics. */
  par_evidence_view_search (f->view, "phoi hop");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "results");
  par_evidence_view_search (f->view, "zzz khong co");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  par_evidence_view_search (f->view, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "documents");
}

static ParEvidenceViewer *current_viewer;

static gboolean
viewer_ready (gpointer data)
{
  return par_evidence_viewer_get_n_rendered (current_viewer) > 0;
}

static gboolean
viewer_found (gpointer data)
{
  return par_evidence_viewer_get_n_hits (current_viewer) > 0;
}

static gboolean
viewer_locked (gpointer data)
{
  return par_evidence_viewer_is_locked (current_viewer);
}

static gboolean
zoomed_above (gpointer zoom)
{
  return par_evidence_viewer_get_zoom (current_viewer) > *(double *) zoom;
}

static gboolean
zoomed_to (gpointer zoom)
{
  return G_APPROX_VALUE (par_evidence_viewer_get_zoom (current_viewer), *(double *) zoom, 0.001);
}

/* The viewer of document @id, not shown yet. */
static ParEvidenceViewer *
new_viewer (Fixture *f,
            gint64   id)
{
  current_viewer = par_evidence_viewer_new (GTK_WINDOW (f->window), par_window_get_context (f->window), id);
  gtk_window_set_default_size (GTK_WINDOW (current_viewer), 1000, 800);
  return current_viewer;
}

static ParEvidenceViewer *
open_viewer (Fixture *f,
             gint64   id)
{
  gtk_window_present (GTK_WINDOW (new_viewer (f, id)));
  return current_viewer;
}

/* A new PDF of @n_pages, kept; its id. */
static gint64
add_new_pdf (Fixture    *f,
             const char *name,
             int         n_pages)
{
  g_autofree char *pdf = test_make_pdf (f->dir, name, n_pages);
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return id;
}

/* A new PDF of @n_pages, kept, and open in the viewer. */
static ParEvidenceViewer *
open_new_pdf (Fixture    *f,
              const char *name,
              int         n_pages)
{
  return open_viewer (f, add_new_pdf (f, name, n_pages));
}

/* A two-page PDF changed by qpdf with @options, kept as @name and open in
 * the viewer; NULL where qpdf is missing (the test is then skipped). */
static ParEvidenceViewer *
open_qpdf_copy (Fixture    *f,
                const char *options,
                const char *name)
{
  g_autofree char *pdf = test_make_pdf (f->dir, "original.pdf", 2);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *copy = test_qpdf (pdf, options, path);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (copy == NULL)
    return NULL;
  id = par_evidence_add_file (f->db, copy, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  return open_viewer (f, id);
}

static void
test_viewer (Fixture       *f,
             gconstpointer  data)
{
  ParEvidenceViewer *viewer = open_new_pdf (f, "qd.pdf", 3);
  double zoom, two = 2.0;

  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (par_evidence_viewer_get_n_pages (viewer), ==, 3);

  /* Find, ignoring diacritics, highlights on the page. */
  par_evidence_viewer_show_page (viewer, 1, "phoi hop");
  g_assert_true (test_gui_wait_for (viewer_found, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpuint (par_evidence_viewer_get_n_hits (viewer), ==, 1);

  /* Zoom in and out from the keyboard's actions. */
  zoom = par_evidence_viewer_get_zoom (viewer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL));
  g_assert_true (test_gui_wait_for (zoomed_above, &zoom, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpfloat (par_evidence_viewer_get_zoom (viewer), >, zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom", "s", "2"));
  g_assert_true (test_gui_wait_for (zoomed_to, &two, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpfloat_with_epsilon (par_evidence_viewer_get_zoom (viewer), 2.0, 0.001);
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static gboolean
panel_shows (ParEvidenceViewer *viewer,
             const char        *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  test_gui_collect_text (test_gui_find_by_id (GTK_WIDGET (viewer), "links_list"), texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  return test_gui_find_where (root, has_action, action_name);
}

static gboolean
panel_has (gpointer text)
{
  return panel_shows (current_viewer, text);
}

static gboolean
panel_lacks (gpointer text)
{
  return !panel_shows (current_viewer, text);
}

static gboolean
chooser_shows_one (gpointer chooser)
{
  return par_link_chooser_get_n_shown (chooser) == 1;
}

static gboolean
has_assessment (gpointer index)
{
  return par_index_view_get_assessment (index) != NULL;
}

static int
count_links (Fixture *f)
{
  return test_sqlite_int (par_database_get_path (f->db),
                          "SELECT count(*) FROM evidence_link l JOIN criteria_node n ON n.id = l.node_id"
                          " WHERE n.code = '1.1'");
}

/* Linking a document from the viewer's panel: "Link to…", a few letters
 * typed without accents, one click; then unlinking it, and Undo. */
static void
test_link_from_viewer (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = test_make_pdf (f->dir, "kh.pdf", 1);
  g_autofree char *json = g_build_filename (f->dir, "set.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  ParIndexView *index;
  ParEvidenceViewer *viewer;
  ParCriteriaNode *shown_node;
  GtkWindow *chooser;
  GtkWidget *unlink;
  gint64 id, unit, set_id;

  g_file_set_contents (json, "{\"format\":\"par-desk/criteria-set@1\",\"name\":\"Bộ chỉ số sở\",\"level\":\"department\","
                             "\"year\":2025,\"nodes\":[{\"code\":\"1\",\"title\":\"Chỉ đạo\",\"max\":2,\"children\":["
                             "{\"code\":\"1.1\",\"title\":\"Ban hành kế hoạch cải cách hành chính\",\"max\":1},"
                             "{\"code\":\"1.2\",\"title\":\"Báo cáo định kỳ\",\"max\":1}]}]}", -1, NULL);
  set_id = par_criteria_import_file (f->db, json, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  unit = par_directory_add_unit (f->db, "SNV", "Sở Nội vụ", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  set = par_criteria_set_load (f->db, set_id, &error);
  assessment = par_assessment_load (f->db, set, unit, &error);
  g_assert_true (par_assessment_set_score (assessment, par_criteria_set_find_node (set, "1.2"), PAR_SCORE_SELF,
                                           FALSE, 500, &error));
  id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The PAR Index shows the unit's scores meanwhile. */
  par_window_show_view (f->window, "index");
  index = PAR_INDEX_VIEW (test_gui_find_by_id (GTK_WIDGET (f->window), "index_view"));
  g_assert_true (par_index_view_select (index, set_id, unit));
  g_assert_true (test_gui_wait_for (has_assessment, index, TEST_GUI_TIMEOUT_MS));
  shown_node = par_criteria_set_find_node (par_assessment_get_set (par_index_view_get_assessment (index)), "1.1");
  g_assert_cmpuint (par_assessment_get_evidence_count (par_index_view_get_assessment (index), shown_node), ==, 0);

  viewer = open_viewer (f, id);
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_false (panel_shows (viewer, "1.1 Ban hành"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.link", NULL));
  chooser = test_gui_wait_for_window (PAR_TYPE_LINK_CHOOSER);
  g_assert_nonnull (chooser);
  g_assert_cmpuint (par_link_chooser_get_n_shown (PAR_LINK_CHOOSER (chooser)), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find_by_id (GTK_WIDGET (chooser), "search_entry")), "KE HOACH noi vu");
  /* The search field waits for the typing to pause. */
  g_assert_true (test_gui_wait_for (chooser_shows_one, chooser, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpuint (par_link_chooser_get_n_shown (PAR_LINK_CHOOSER (chooser)), ==, 1);
  g_signal_emit_by_name (test_gui_find_by_id (GTK_WIDGET (chooser), "target_list"), "activate", 0);
  test_gui_wait_for_no_window (PAR_TYPE_LINK_CHOOSER);
  g_assert_null (test_gui_find_window (PAR_TYPE_LINK_CHOOSER));
  /* The panel follows the file once the burst of changes is over. */
  g_assert_true (test_gui_wait_for (panel_has, "1.1 Ban hành kế hoạch cải cách hành chính", TEST_GUI_TIMEOUT_MS));

  /* In the file, in the panel, and in the PAR Index. */
  g_assert_cmpint (count_links (f), ==, 1);
  g_assert_true (panel_shows (viewer, "1.1 Ban hành kế hoạch cải cách hành chính"));
  {
    /* in the language of the run */
    g_autofree char *context = g_strdup_printf (_("%s · PAR Index %d"), "Sở Nội vụ", 2025);

    g_assert_true (panel_shows (viewer, context));
  }
  g_assert_cmpuint (par_assessment_get_evidence_count (par_index_view_get_assessment (index), shown_node), ==, 1);

  /* Its button unlinks it; the toast's Undo brings it back. */
  unlink = find_actionable (test_gui_find_by_id (GTK_WIDGET (viewer), "links_list"), "viewer.unlink");
  g_assert_nonnull (unlink);
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_true (test_gui_wait_for (panel_lacks, "1.1 Ban hành", TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (count_links (f), ==, 0);
  g_assert_false (panel_shows (viewer, "1.1 Ban hành"));
  g_assert_cmpuint (par_assessment_get_evidence_count (par_index_view_get_assessment (index), shown_node), ==, 0);
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.undo-unlink", NULL));
  g_assert_true (test_gui_wait_for (panel_has, "1.1 Ban hành", TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (count_links (f), ==, 1);
  g_assert_true (panel_shows (viewer, "1.1 Ban hành"));

  /* From the keyboard: Ctrl+L, type, Enter takes the first match; an item
   * already linked is marked in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.link", NULL));
  chooser = test_gui_wait_for_window (PAR_TYPE_LINK_CHOOSER);
  g_assert_nonnull (chooser);
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    gboolean marked = FALSE;

    test_gui_collect_text (GTK_WIDGET (chooser), texts);
    for (guint i = 0; i < texts->len; i++)
      marked |= g_str_equal (g_ptr_array_index (texts, i), _("Linked"));
    g_assert_true (marked);
  }
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find_by_id (GTK_WIDGET (chooser), "search_entry")), "bao cao");
  /* Enter takes the first of what the search shows: once it shows it. */
  g_assert_true (test_gui_wait_for (chooser_shows_one, chooser, TEST_GUI_TIMEOUT_MS));
  g_signal_emit_by_name (test_gui_find_by_id (GTK_WIDGET (chooser), "search_entry"), "activate");
  test_gui_wait_for_no_window (PAR_TYPE_LINK_CHOOSER);
  g_assert_null (test_gui_find_window (PAR_TYPE_LINK_CHOOSER));
  g_assert_true (test_gui_wait_for (panel_has, "1.2 Báo cáo định kỳ", TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_link"), ==, 2);
  g_assert_true (panel_shows (viewer, "1.2 Báo cáo định kỳ"));
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static gboolean
thumbnails_drawn (gpointer data)
{
  return par_evidence_viewer_get_n_thumbnails_drawn (current_viewer) >= GPOINTER_TO_INT (data);
}

/* Whether the sidebar shows page @data's picture. The worker takes its
 * jobs by priority, thumbnails last, and in order within one: once a
 * thumbnail is drawn, so is every page and thumbnail asked for before. */
static gboolean
thumbnail_drawn (gpointer data)
{
  GtkWidget *box = test_gui_find_by_id (GTK_WIDGET (current_viewer), "thumbnails_box");
  GtkWidget *button = gtk_widget_get_first_child (box);
  GtkWidget *thumbnail;

  for (int i = 0; button != NULL && i < GPOINTER_TO_INT (data); i++)
    button = gtk_widget_get_next_sibling (button);
  if (button == NULL)
    return FALSE;
  /* button, box, then the page and its number */
  thumbnail = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
  return par_page_view_get_texture_scale (PAR_PAGE_VIEW (thumbnail)) > 0;
}

/* How many of the thumbnails of pages @first to @last (from 0) are drawn. */
static int
thumbnails_drawn_between (int first,
                          int last)
{
  int n = 0;

  for (int i = first; i <= last; i++)
    n += thumbnail_drawn (GINT_TO_POINTER (i));
  return n;
}

static void
test_bounded_pages (Fixture       *f,
                    gconstpointer  data)
{
  ParEvidenceViewer *viewer = open_new_pdf (f, "long.pdf", 300);

  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (par_evidence_viewer_get_n_pages (viewer), ==, 300);
  /* Only the pages in view (and a few around) are rendered: by the time
   * the sidebar has a thumbnail, every page asked for is done. */
  g_assert_true (test_gui_wait_for (thumbnail_drawn, GINT_TO_POINTER (0), TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (par_evidence_viewer_get_n_rendered (viewer), <, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.navigate", "s", "last"));
  /* The sidebar follows to the last page and draws its thumbnail after
   * the pages around it. */
  g_assert_true (test_gui_wait_for (thumbnail_drawn, GINT_TO_POINTER (299), TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (par_evidence_viewer_get_n_rendered (viewer), >, 0);
  g_assert_cmpint (par_evidence_viewer_get_n_rendered (viewer), <, 24);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

/* Pages that go out of reach while their render is still running have
 * it cancelled; the render then ends on its own and leaves the pages that
 * took their place alone. Each page takes a tenth of a second to draw, so
 * jumping to and fro leaves renders in flight behind. */
static void
test_jump_past_pending_pages (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pdf = test_make_slow_to_draw_pdf (f->dir, "slow.pdf", 40, 10000);
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  ParEvidenceViewer *viewer;

  g_assert_no_error (error);
  viewer = open_viewer (f, id);
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  for (int i = 0; i < 6; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.navigate", "s",
                                                 i % 2 == 0 ? "last" : "first"));
      test_gui_iterate (50);
    }
  /* The last jump was to the first page: it and its thumbnail are drawn. */
  g_assert_true (test_gui_wait_for (thumbnail_drawn, GINT_TO_POINTER (0), TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (par_evidence_viewer_get_n_rendered (viewer), >, 0);
  g_assert_cmpint (par_evidence_viewer_get_n_rendered (viewer), <, 24);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

/* "Page N of M", in the language of the run. */
static const char *
page_of (int      page,
         unsigned n_pages)
{
  static char text[64];

  g_snprintf (text, sizeof text, _("Page %d of %u"), page, n_pages);
  return text;
}

/* "Page N of M", under the document's title. */
static const char *
viewer_subtitle (ParEvidenceViewer *viewer)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (test_gui_find_by_id (GTK_WIDGET (viewer), "title_widget")));
}

/* Thumbnails are rendered for the part of the sidebar in view (and a
 * screen around it), when it is shown: not all 300 of a long scan. */
static void
test_thumbnails_on_demand (Fixture       *f,
                           gconstpointer  data)
{
  ParEvidenceViewer *viewer = new_viewer (f, add_new_pdf (f, "long.pdf", 300));
  GtkToggleButton *toggle;
  GtkScrolledWindow *sidebar;
  GtkAdjustment *adjustment;
  int in_view;

  toggle = GTK_TOGGLE_BUTTON (test_gui_find_by_id (GTK_WIDGET (viewer), "thumbnails_toggle"));
  sidebar = GTK_SCROLLED_WINDOW (test_gui_find_by_id (GTK_WIDGET (viewer), "thumbnails_scroller"));
  /* Hidden: none. Hidden before the window shows, the sidebar does not
   * slide away while the first page comes. */
  gtk_toggle_button_set_active (toggle, FALSE);
  gtk_window_present (GTK_WINDOW (viewer));
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  /* A fixed wait: nothing marks a thumbnail that is not asked for. This is
   * far longer than one takes to come once asked. */
  test_gui_iterate (800);
  g_assert_cmpint (par_evidence_viewer_get_n_thumbnails_drawn (viewer), ==, 0);

  /* Shown: those in view, a few dozen at most. */
  gtk_toggle_button_set_active (toggle, TRUE);
  g_assert_true (test_gui_wait_for (thumbnails_drawn, GINT_TO_POINTER (3), TEST_GUI_TIMEOUT_MS));

  /* Going to the last page marks its thumbnail and brings it into the
   * sidebar's view, which renders the last ones too: once the last is
   * drawn, so are all those the sidebar asked for when it was shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.navigate", "s", "last"));
  g_assert_true (test_gui_wait_for (thumbnail_drawn, GINT_TO_POINTER (299), TEST_GUI_TIMEOUT_MS));
  in_view = thumbnails_drawn_between (0, 149);
  g_assert_cmpint (in_view, >=, 3);
  g_assert_cmpint (in_view, <, 40);
  g_assert_true (test_gui_wait_for (thumbnails_drawn, GINT_TO_POINTER (in_view + 3), TEST_GUI_TIMEOUT_MS));
  adjustment = gtk_scrolled_window_get_vadjustment (sidebar);
  {
    GtkWidget *box = test_gui_find_by_id (GTK_WIDGET (viewer), "thumbnails_box");
    GtkWidget *current = NULL;
    graphene_rect_t bounds;
    int marked = 0, position = 0, current_position = -1;

    for (GtkWidget *button = gtk_widget_get_first_child (box); button != NULL;
         button = gtk_widget_get_next_sibling (button), position++)
      if (gtk_widget_has_css_class (button, "current-page"))
        {
          current = button;
          current_position = position;
          marked++;
        }
    /* One, the last page: the view has reached the end. */
    g_assert_cmpint (marked, ==, 1);
    g_assert_cmpint (current_position, ==, 299);
    g_assert_cmpstr (viewer_subtitle (viewer), ==, page_of (300, 300));
    g_assert_true (gtk_widget_compute_bounds (current, box, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  }
  /* Page 300's was the last asked for: every one asked for is drawn. */
  in_view = par_evidence_viewer_get_n_thumbnails_drawn (viewer);

  /* Scrolled back to the top of the sidebar: the first ones are kept.
   * A fixed wait: nothing marks a thumbnail dropped, or asked for again,
   * that should not be. This is far longer than one takes to come. */
  gtk_adjustment_set_value (adjustment, 0);
  test_gui_iterate (1500);
  g_assert_cmpint (par_evidence_viewer_get_n_thumbnails_drawn (viewer), ==, in_view);
  g_assert_cmpint (in_view, <, 80);

  /* A page shown from its top is the page being read, though the edge
   * of the one before it is still in view. */
  par_evidence_viewer_show_page (viewer, 150, NULL);
  test_gui_wait_for_string (test_gui_find_by_id (GTK_WIDGET (viewer), "title_widget"), "subtitle", page_of (150, 300));
  g_assert_cmpstr (viewer_subtitle (viewer), ==, page_of (150, 300));
  gtk_window_destroy (GTK_WINDOW (viewer));
}

/* A portrait page beside a landscape one (an annex table) keeps its shape:
 * it is not stretched to the width of the widest page. */
static void
test_mixed_orientation (Fixture       *f,
                        gconstpointer  data)
{
  ParEvidenceViewer *viewer = open_qpdf_copy (f, "--rotate=+90:2", "mixed.pdf");
  GtkWidget *portrait, *landscape;

  if (viewer == NULL)
    return;
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  /* The sizes are those of the last layout. */
  test_gui_wait_for_drawn (GTK_WIDGET (viewer));
  portrait = gtk_widget_get_first_child (test_gui_find_by_id (GTK_WIDGET (viewer), "pages_box"));
  landscape = gtk_widget_get_next_sibling (portrait);
  g_assert_true (PAR_IS_PAGE_VIEW (portrait) && PAR_IS_PAGE_VIEW (landscape));
  /* A4: 595 × 842 points, within a pixel or two of its border. */
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_width (portrait) / gtk_widget_get_height (portrait),
                                  595.0 / 842, 0.02);
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_width (landscape) / gtk_widget_get_height (landscape),
                                  842.0 / 595, 0.02);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static gboolean
password_refused (gpointer viewer)
{
  return gtk_widget_get_visible (test_gui_find_by_id (viewer, "password_error")) && viewer_locked (NULL);
}

static void
test_protected (Fixture       *f,
                gconstpointer  data)
{
  ParEvidenceViewer *viewer = open_qpdf_copy (f, "--encrypt secret owner 256 --", "locked.pdf");

  if (viewer == NULL)
    return;
  g_assert_true (test_gui_wait_for (viewer_locked, NULL, TEST_GUI_TIMEOUT_MS));
  par_evidence_viewer_unlock (viewer, "wrong");
  /* Tried, and refused: the reason shows under the field. */
  g_assert_true (test_gui_wait_for (password_refused, viewer, TEST_GUI_TIMEOUT_MS));
  g_assert_true (test_gui_wait_for (viewer_locked, NULL, TEST_GUI_TIMEOUT_MS));
  par_evidence_viewer_unlock (viewer, "secret");
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (par_evidence_viewer_get_n_pages (viewer), ==, 2);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static char *found_copy;

/* The newest par-desk-* folder of the temporary folder holding @name. */
static gboolean
copy_made (gpointer name)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *candidate = g_build_filename (g_get_tmp_dir (), entry, name, NULL);

      if (g_str_has_prefix (entry, "par-desk-") && g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        {
          g_free (found_copy);
          found_copy = g_steal_pointer (&candidate);
          return TRUE;
        }
    }
  return FALSE;
}

/* A received file whose stored name climbs out of the folder: Open With
 * the System Viewer writes its copy, under a clean name, in a private
 * folder, and nowhere else. */
static void
test_open_external_stays_inside (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *pdf = test_make_pdf (f->dir, "victim.pdf", 1);
  g_autofree char *escape = g_build_filename (f->dir, "escape", NULL);
  g_autofree char *victim = g_build_filename (escape, "victim.txt", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  ParEvidenceViewer *viewer;
  GStatBuf st;
  gint64 id;

  id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (escape, 0700), ==, 0);
  /* ../ enough times to reach the root from any folder, then down to escape/ */
  stored = g_strconcat ("../../../../../../../../../../../../../../..", escape, "/victim.txt", NULL);
  sql = g_strdup_printf ("UPDATE evidence_document SET filename = '%s' WHERE id = %" G_GINT64_FORMAT, stored, id);
  test_sqlite_exec (par_database_get_path (f->db), sql);

  viewer = open_viewer (f, id);
  g_assert_true (test_gui_wait_for (viewer_ready, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.open-external", NULL));
  /* Where the copy went, once it is there. */
  g_assert_true (test_gui_wait_for (copy_made, (gpointer) "victim.txt.pdf", TEST_GUI_TIMEOUT_MS));
  g_assert_false (g_file_test (victim, G_FILE_TEST_EXISTS));
  {
    g_autofree char *original = test_file_checksum (pdf);
    g_autofree char *copy = test_file_checksum (found_copy);

    g_assert_cmpstr (copy, ==, original);
  }
  folder = g_path_get_dirname (found_copy);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_unlink (found_copy);
  g_rmdir (folder);
  g_clear_pointer (&found_copy, g_free);
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static gboolean
check_done (gpointer dialog)
{
  return par_check_dialog_is_done (dialog);
}

static gboolean
has_n_files (gpointer folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n >= 1;
}

static gboolean
export_told (gpointer dialog)
{
  return gtk_widget_get_visible (test_gui_find_by_id (dialog, "export_label"));
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Check the File reads every document; a damaged one is named, and the
 * intact ones are saved into a folder the user chooses. */
static void
test_check_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *good = test_make_pdf (f->dir, "good.pdf", 1);
  g_autofree char *bad = test_make_pdf (f->dir, "damaged.pdf", 2);
  g_autofree char *out = g_build_filename (f->dir, "saved", NULL);
  g_autofree char *saved_good = g_build_filename (out, "good.pdf", NULL);
  g_autofree char *saved_bad = g_build_filename (out, "damaged.pdf", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWindow *chooser;
  gboolean named = FALSE;
  gint64 id;

  par_evidence_add_file (f->db, good, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  id = par_evidence_add_file (f->db, bad, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE evidence_blob SET data = substr (data, 1, 500) || randomblob (32) || substr (data, 533)"
                         " WHERE id = (SELECT blob_id FROM evidence_document WHERE id = %" G_GINT64_FORMAT ")", id);
  test_sqlite_exec (par_database_get_path (f->db), sql);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.check-file", NULL));
  dialog = test_gui_find_window (PAR_TYPE_CHECK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (test_gui_wait_for (check_done, dialog, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_text (GTK_WIDGET (dialog), "damaged.pdf");
  g_assert_cmpuint (par_check_dialog_get_n_damaged (PAR_CHECK_DIALOG (dialog)), ==, 1);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  for (guint i = 0; i < texts->len; i++)
    named |= g_str_equal (g_ptr_array_index (texts, i), "damaged.pdf");
  g_assert_true (named);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_signal_emit_by_name (test_gui_find_by_id (GTK_WIDGET (dialog), "export_button"), "clicked");
  chooser = test_gui_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  /* the folder is selected once its parent is listed */
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL));
  test_gui_wait_for_chosen (chooser, out);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (test_gui_wait_for (has_n_files, out, TEST_GUI_TIMEOUT_MS));
  /* The dialog says how many were saved once it is over. */
  g_assert_true (test_gui_wait_for (export_told, dialog, TEST_GUI_TIMEOUT_MS));
  g_assert_true (g_file_test (saved_good, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (saved_bad, G_FILE_TEST_EXISTS));
  gtk_window_destroy (dialog);
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/evidence/add-and-search", test_add_and_search);
  ADD ("/gui/evidence/viewer", test_viewer);
  ADD ("/gui/evidence/link-from-viewer", test_link_from_viewer);
  ADD ("/gui/evidence/bounded-pages", test_bounded_pages);
  ADD ("/gui/evidence/jump-past-pending-pages", test_jump_past_pending_pages);
  ADD ("/gui/evidence/thumbnails-on-demand", test_thumbnails_on_demand);
  ADD ("/gui/evidence/mixed-orientation", test_mixed_orientation);
  ADD ("/gui/evidence/protected", test_protected);
  ADD ("/gui/evidence/open-external-stays-inside", test_open_external_stays_inside);
  ADD ("/gui/evidence/check-file", test_check_file);
#undef ADD

  result = g_test_run ();
  g_object_unref (app);
  return result;
}
