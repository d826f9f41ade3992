/* test-gui-index.c: scoring in the PAR Index view through the real cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-core.h"
#include "par-document-thumbnail.h"
#include "par-index-view.h"
#include "par-preferences-window.h"
#include "par-ranking-view.h"
#include "par-score-cell.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

static const char set_json[] =
  "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"GUI set\", \"level\": \"department\", \"year\": 2025,"
  "  \"nodes\": ["
  "    { \"code\": \"1\", \"title\": \"Direction\", \"max\": 3.75, \"children\": ["
  "      { \"code\": \"1.1\", \"title\": \"Plan on time\", \"max\": 1, \"method\": { \"type\": \"choice\","
  "        \"options\": [ {\"label\": \"On time\", \"points\": 1}, {\"label\": \"Late\", \"points\": 0.5} ] } },"
  "      { \"code\": \"1.2\", \"title\": \"Tasks\", \"max\": 2.5, \"method\": { \"type\": \"manual\", \"step\": 0.25 } },"
  "      { \"code\": \"1.3\", \"title\": \"Reports\", \"max\": 0.25, \"applicable_optional\": true } ] },"
  "    { \"code\": \"2\", \"title\": \"Procedures\", \"max\": 1.2, \"children\": ["
  "      { \"code\": \"2.1\", \"title\": \"Published\", \"max\": 0.7 },"
  "      { \"code\": \"2.2\", \"title\": \"Online\", \"max\": 0.5 } ] },"
  "    { \"code\": \"3\", \"title\": \"Survey\", \"max\": 5, \"method\": { \"type\": \"survey\" } } ] }";

typedef struct
{
  char         *dir;
  ParWindow    *window;
  ParDatabase  *db;
  ParIndexView *view;
  gint64        set_id;
  gint64        unit_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "index.pardesk", NULL);
  json = g_build_filename (f->dir, "set.json", NULL);
  g_assert_true (g_file_set_contents (json, set_json, -1, NULL));

  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  f->unit_id = par_directory_add_unit (f->db, "DEP1", "Sở Nội vụ", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  par_directory_add_unit (f->db, "DEP2", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  f->set_id = par_criteria_import_file (f->db, json, NULL, NULL, 0, &error);
  g_assert_no_error (error);

  par_window_show_view (f->window, "index");
  f->view = PAR_INDEX_VIEW (test_gui_find_by_id (GTK_WIDGET (f->window), "index_view"));
  g_assert_nonnull (f->view);
  g_assert_true (par_index_view_select (f->view, f->set_id, f->unit_id));
  /* The items' rows are made as the table is laid out. */
  test_gui_wait_for_drawn (test_gui_find_by_id (GTK_WIDGET (f->view), "score_view"));
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

/* The score cell that has the keyboard focus, or NULL. */
static ParScoreCell *
focused_cell (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, PAR_TYPE_SCORE_CELL) : NULL;

  return cell != NULL ? PAR_SCORE_CELL (cell) : NULL;
}

static const char *
focused_code (Fixture *f)
{
  ParScoreCell *cell = focused_cell (f);

  if (cell == NULL || par_score_cell_get_row (cell) == NULL)
    return NULL;
  return par_criteria_node_get_code (par_score_row_get_node (par_score_cell_get_row (cell)));
}

typedef struct
{
  Fixture     *f;
  const char  *code;      /* the item wanted, or */
  ParScoreRow *row;       /* the one left, */
  GtkWidget   *entry;     /* its entry, */
  gboolean     has_next;  /* and whether Enter can go on from it */
} FocusWanted;

static gboolean
has_focus_on (gpointer data)
{
  FocusWanted *wanted = data;

  return g_strcmp0 (focused_code (wanted->f), wanted->code) == 0;
}

/* The cursor is put in the item's cell once the table has scrolled to it. */
static void
focus_item (Fixture     *f,
            const char  *code,
            ParScoreKind kind)
{
  FocusWanted wanted = { f, code, NULL, NULL, FALSE };

  g_assert_true (par_index_view_focus_item (f->view, code, kind));
  g_assert_true (test_gui_wait_for (has_focus_on, &wanted, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpstr (focused_code (f), ==, code);
}

/* Whether an item after @row, as the table lists them, takes a @kind
 * score: where Enter goes on to. */
static gboolean
has_editable_after (Fixture      *f,
                    ParScoreRow  *row,
                    ParScoreKind  kind)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (test_gui_find_by_id (GTK_WIDGET (f->view), "score_view"));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (table));
  gboolean after = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows, i);
      g_autoptr(ParScoreRow) item = gtk_tree_list_row_get_item (tree_row);

      if (after && par_score_row_is_editable (item, kind))
        return TRUE;
      after |= item == row;
    }
  return FALSE;
}

/* Enter is done with: the value refused, marked on its cell (at once),
 * or taken, and the cursor gone on to the next item if there is one. */
static gboolean
enter_handled (gpointer data)
{
  FocusWanted *wanted = data;
  ParScoreCell *cell = focused_cell (wanted->f);

  if (gtk_widget_has_css_class (wanted->entry, "error") || !wanted->has_next)
    return TRUE;
  return cell != NULL && par_score_cell_get_row (cell) != NULL && par_score_cell_get_row (cell) != wanted->row;
}

/* Types @text into the focused entry and presses Enter. */
static void
type_and_enter (Fixture    *f,
                const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
  FocusWanted wanted = { f, NULL, NULL, NULL, FALSE };

  g_assert_nonnull (entry);
  g_assert_nonnull (focused_cell (f));
  wanted.row = g_object_ref (par_score_cell_get_row (focused_cell (f)));
  wanted.entry = g_object_ref (entry);   /* its row may be made again meanwhile */
  wanted.has_next = has_editable_after (f, wanted.row, par_score_cell_get_kind (focused_cell (f)));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter in the entry's text: what the key press does. */
  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  g_assert_true (test_gui_wait_for (enter_handled, &wanted, TEST_GUI_TIMEOUT_MS));
  g_object_unref (wanted.row);
  g_object_unref (wanted.entry);
}

static ParAssessment *
reload (Fixture *f)
{
  g_autoptr(ParCriteriaSet) set = par_criteria_set_load (f->db, f->set_id, NULL);

  return par_assessment_load (f->db, set, f->unit_id, NULL);
}

static void
assert_stored (Fixture     *f,
               const char  *code,
               gboolean     has,
               gint64       milli)
{
  g_autoptr(ParAssessment) assessment = reload (f);
  ParSubtotal sub;

  par_assessment_get_subtotal (assessment,
                               par_criteria_set_find_node (par_assessment_get_set (assessment), code), &sub);
  g_assert_cmpint (sub.has_self, ==, has);
  if (has)
    g_assert_cmpint (sub.self_milli, ==, milli);
}

static const char *
label_text (Fixture    *f,
            const char *id)
{
  GtkWidget *label = test_gui_find_by_id (GTK_WIDGET (f->view), id);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_type_scores (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = g_strdup (label_text (f, "total_label"));
  g_autofree char *decimal = par_format_points (2250);

  /* The locale's decimal: 2,25 in Vietnamese, 2.25 in English. */
  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, decimal);
  assert_stored (f, "1.2", TRUE, 2250);

  /* Enter moved to the next item, and the header total changed. */
  g_assert_cmpstr (focused_code (f), ==, "1.3");
  g_assert_cmpstr (label_text (f, "total_label"), !=, before);
  g_assert_nonnull (strstr (label_text (f, "total_label"), decimal));

  /* Both decimal marks are accepted whatever the language. */
  type_and_enter (f, "0.25");
  assert_stored (f, "1.3", TRUE, 250);
  g_assert_cmpstr (focused_code (f), ==, "2.1");
  type_and_enter (f, "0,5");
  assert_stored (f, "2.1", TRUE, 500);
  g_assert_nonnull (strstr (label_text (f, "progress_label"), "3"));
}

static void
test_refused_value (Fixture       *f,
                    gconstpointer  data)
{
  ParScoreCell *cell;
  GtkWidget *entry;

  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, "2.6");   /* above the maximum */
  assert_stored (f, "1.2", FALSE, 0);

  /* The cell stays, marked, with the reason. */
  cell = focused_cell (f);
  g_assert_nonnull (cell);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (entry));
  g_assert_cmpstr (focused_code (f), ==, "1.2");

  type_and_enter (f, "0.3");   /* off the 0.25 step */
  assert_stored (f, "1.2", FALSE, 0);
  type_and_enter (f, "abc");
  assert_stored (f, "1.2", FALSE, 0);
}

static gboolean
stored_500 (gpointer f)
{
  g_autoptr(ParAssessment) assessment = reload (f);
  ParSubtotal sub;

  par_assessment_get_subtotal (assessment, par_criteria_set_find_node (par_assessment_get_set (assessment), "1.1"),
                               &sub);
  return sub.has_self && sub.self_milli == 500;
}

static void
test_choice_dropdown (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *dropdown;

  focus_item (f, "1.1", PAR_SCORE_SELF);
  dropdown = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  /* Entry 0 is "nothing chosen"; then the options in order. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_true (test_gui_wait_for (stored_500, f, TEST_GUI_TIMEOUT_MS));
  assert_stored (f, "1.1", TRUE, 500);
}

static gboolean
marked_not_applicable (gpointer f)
{
  g_autoptr(ParAssessment) assessment = reload (f);

  return par_assessment_is_marked_not_applicable (assessment,
                                                  par_criteria_set_find_node (par_assessment_get_set (assessment),
                                                                              "1.3"));
}

static void
test_filters_and_not_applicable (Fixture       *f,
                                 gconstpointer  data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (test_gui_find_by_id (GTK_WIDGET (f->view), "score_view"));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (table));
  GtkToggleButton *unscored = GTK_TOGGLE_BUTTON (test_gui_find_by_id (GTK_WIDGET (f->view), "filter_unscored"));
  GtkCheckButton *na_check;
  guint all = g_list_model_get_n_items (rows);
  g_autoptr(ParAssessment) assessment = NULL;
  ParCriteriaSet *set;

  g_assert_cmpuint (all, ==, 8);
  focus_item (f, "2.1", PAR_SCORE_SELF);
  type_and_enter (f, "0.7");
  focus_item (f, "2.2", PAR_SCORE_SELF);
  type_and_enter (f, "0.5");

  /* Unscored: area 2 is complete and disappears; area 1 and the survey stay. */
  gtk_toggle_button_set_active (unscored, TRUE);
  test_gui_wait_for_n_items (rows, 5);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  gtk_toggle_button_set_active (unscored, FALSE);
  test_gui_wait_for_n_items (rows, all);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, all);

  /* Not applicable, from the side pane. */
  focus_item (f, "1.3", PAR_SCORE_SELF);
  na_check = GTK_CHECK_BUTTON (test_gui_find_by_id (GTK_WIDGET (f->view), "na_check"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (na_check)));
  gtk_check_button_set_active (na_check, TRUE);
  g_assert_true (test_gui_wait_for (marked_not_applicable, f, TEST_GUI_TIMEOUT_MS));
  assessment = reload (f);
  set = par_assessment_get_set (assessment);
  g_assert_true (par_assessment_is_marked_not_applicable (assessment, par_criteria_set_find_node (set, "1.3")));
}

static gboolean
ranks_one (gpointer ranking)
{
  return par_ranking_view_get_n_rows (ranking) == 1;
}

static void
test_ranking_page (Fixture       *f,
                   gconstpointer  data)
{
  GtkStack *content = GTK_STACK (test_gui_find_by_id (GTK_WIDGET (f->view), "content_stack"));
  ParRankingView *ranking = PAR_RANKING_VIEW (test_gui_find_by_id (GTK_WIDGET (f->view), "ranking_view"));

  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, "2");
  gtk_stack_set_visible_child_name (content, "ranking");
  g_assert_true (test_gui_wait_for (ranks_one, ranking, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpuint (par_ranking_view_get_n_rows (ranking), ==, 1);
  gtk_stack_set_visible_child_name (content, "scores");
}

static const char *linked_db;

static gboolean
document_linked (gpointer data)
{
  return test_sqlite_int (linked_db, "SELECT count(*) FROM evidence_link") > 0;
}

static gboolean
lists_a_document (gpointer list)
{
  return gtk_widget_get_first_child (list) != NULL;
}

static void
test_attach_evidence (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkListBox *documents = GTK_LIST_BOX (test_gui_find_by_id (GTK_WIDGET (f->view), "documents_list"));
  g_autoptr(ParAssessment) assessment = NULL;

  /* Scored above zero with neither evidence nor explanation: flagged. */
  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, "2");
  assessment = reload (f);
  g_assert_cmpint (par_assessment_get_status (assessment, par_criteria_set_find_node (par_assessment_get_set (assessment), "1.2")),
                   ==, PAR_ITEM_NEEDS_EXPLANATION);
  g_clear_object (&assessment);

  focus_item (f, "1.2", PAR_SCORE_SELF);
  g_ptr_array_add (paths, test_make_pdf (f->dir, "qd.pdf", 2));
  par_index_view_attach_files (f->view, paths);
  linked_db = par_database_get_path (f->db);
  g_assert_true (test_gui_wait_for (document_linked, NULL, TEST_GUI_TIMEOUT_MS));
  /* Linked where the assessment lives, then the side pane lists it. */
  g_assert_true (test_gui_wait_for (lists_a_document, documents, TEST_GUI_TIMEOUT_MS));

  assessment = reload (f);
  g_assert_cmpint (par_assessment_get_status (assessment, par_criteria_set_find_node (par_assessment_get_set (assessment), "1.2")),
                   ==, PAR_ITEM_SCORED);
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (documents)));
}

/* Dropping files --------------------------------------------------------- */

static guint
n_documents (Fixture    *f,
             const char *code)
{
  g_autoptr(ParAssessment) assessment = reload (f);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = par_evidence_list_linked (assessment,
                                            par_criteria_set_find_node (par_assessment_get_set (assessment), code),
                                            &error);
  g_assert_no_error (error);
  return documents->len;
}

static int
n_links (Fixture *f)
{
  return test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_link");
}

static gboolean
size_limit_is (gpointer megabytes)
{
  return g_settings_get_int (par_application_get_settings (app), "evidence-size-limit-mb")
         == GPOINTER_TO_INT (megabytes);
}

static gboolean
has_message_dialog (gpointer data)
{
  return test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The size limit set in Preferences is the one the Index view keeps files
 * with: over it, a file dropped on the side pane is refused; under, kept. */
static void
test_preferences_size_limit (Fixture       *f,
                             gconstpointer  data)
{
  GSettings *settings = par_application_get_settings (app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *preferences;
  GtkSpinButton *spin;
  GtkWidget *side_box;
  GtkWindow *dialog;
  double min, max;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_assert_cmpint (g_settings_get_int (settings, "evidence-size-limit-mb"), ==, 200);

  /* Opened by the action, over the main window; the spin button has the
   * schema's range and the key's value. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (f->window));
  spin = GTK_SPIN_BUTTON (test_gui_find_by_id (GTK_WIDGET (preferences), "size_limit_spin"));
  g_assert_nonnull (spin);
  gtk_spin_button_get_range (spin, &min, &max);
  g_assert_cmpfloat (min, ==, 1);
  g_assert_cmpfloat (max, ==, 4096);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 200);

  /* Typed in: applies at once; out of range: clamped to the schema's. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "99999");
  gtk_spin_button_update (spin);
  g_assert_true (test_gui_wait_for (size_limit_is, GINT_TO_POINTER (4096), TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (g_settings_get_int (settings, "evidence-size-limit-mb"), ==, 4096);
  gtk_editable_set_text (GTK_EDITABLE (spin), "1");
  gtk_spin_button_update (spin);
  g_assert_true (test_gui_wait_for (size_limit_is, GINT_TO_POINTER (1), TEST_GUI_TIMEOUT_MS));
  g_assert_cmpint (g_settings_get_int (settings, "evidence-size-limit-mb"), ==, 1);
  gtk_window_destroy (preferences);
  test_gui_wait_for_no_window (PAR_TYPE_PREFERENCES_WINDOW);

  /* A 1.5 MB scan dropped on the side pane of item 1.2: refused, and said. */
  focus_item (f, "1.2", PAR_SCORE_SELF);
  side_box = test_gui_find_by_id (GTK_WIDGET (f->view), "side_box");
  g_ptr_array_add (paths, test_make_large_pdf (f->dir, "big-scan.pdf", 1536 * 1024));
  g_assert_true (test_gui_drop_files (side_box, 10, 10, paths));
  g_assert_true (test_gui_wait_for (has_message_dialog, NULL, TEST_GUI_TIMEOUT_MS));
  dialog = test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "big-scan.pdf"));
  test_gui_close_dialogs ();
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 0);
  g_assert_cmpuint (n_documents (f, "1.2"), ==, 0);

  /* Raised in the settings (the window follows the key too): kept. */
  g_settings_set_int (settings, "evidence-size-limit-mb", 2);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
  spin = GTK_SPIN_BUTTON (test_gui_find_by_id (GTK_WIDGET (preferences), "size_limit_spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2);
  gtk_window_destroy (preferences);

  g_assert_true (test_gui_drop_files (side_box, 10, 10, paths));
  linked_db = par_database_get_path (f->db);
  /* Linked as the keeping ends, and any dialog of it opened with. */
  g_assert_true (test_gui_wait_for (document_linked, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_null (test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_documents (f, "1.2"), ==, 1);

  g_settings_reset (settings, "evidence-size-limit-mb");
}

static gboolean
shows_item (gpointer      item,
            gconstpointer code)
{
  return g_str_equal (par_criteria_node_get_code (par_score_row_get_node (item)), code);
}

/* The row widget of the tree that shows item @code. */
static GtkWidget *
tree_row_widget (Fixture    *f,
                 const char *code)
{
  return test_gui_tree_row_widget (test_gui_find_by_id (GTK_WIDGET (f->view), "score_view"), shows_item, code);
}

static int wanted_links;

/* Whether the window shows @text (a toast, for one). */
static gboolean
window_shows (Fixture    *f,
              const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  test_gui_collect_text (GTK_WIDGET (f->window), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

static gboolean
links_made (gpointer data)
{
  return n_links (data) >= wanted_links;
}

/* PDFs dropped on a row of the tree are kept and linked to that row's
 * item (not the selected one); the row is highlighted while they hover. */
static void
test_drop_on_row (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *table = test_gui_find_by_id (GTK_WIDGET (f->view), "score_view");
  GtkDropTarget *target = test_gui_drop_target_of (table);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;
  graphene_point_t at;
  GdkDragAction action = 0;
  g_autofree char *toast = NULL;

  g_assert_nonnull (target);
  focus_item (f, "1.2", PAR_SCORE_SELF);   /* selected: the drop must not go there */
  row = tree_row_widget (f, "2.1");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (row, table,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 4.0,
                                                                 gtk_widget_get_height (row) / 2.0),
                                           &at));

  /* Hovering: that row is marked, and only while the files are over it. */
  g_signal_emit_by_name (target, "enter", (double) at.x, (double) at.y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (row, "drop-row"));
  g_assert_false (gtk_widget_has_css_class (tree_row_widget (f, "1.2"), "drop-row"));
  g_signal_emit_by_name (target, "motion", (double) at.x, 2.0, &action);   /* over the column titles */
  g_assert_cmpint (action, ==, 0);
  g_assert_false (gtk_widget_has_css_class (row, "drop-row"));
  g_signal_emit_by_name (target, "motion", (double) at.x, (double) at.y, &action);
  g_assert_true (gtk_widget_has_css_class (row, "drop-row"));

  g_ptr_array_add (paths, test_make_pdf (f->dir, "ke-hoach.pdf", 2));
  g_ptr_array_add (paths, test_make_pdf (f->dir, "bao-cao.pdf", 3));
  g_assert_false (test_gui_drop_files (table, at.x, 2.0, paths));   /* not on a row: refused */
  g_assert_true (test_gui_drop_files (table, at.x, at.y, paths));
  g_assert_false (gtk_widget_has_css_class (row, "drop-row"));
  wanted_links = 2;
  g_assert_true (test_gui_wait_for (links_made, f, TEST_GUI_TIMEOUT_MS));
  /* The toast says what went where, in the user's language. */
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document attached to item %s",
                                        "%u documents attached to item %s", 2), 2, "2.1");
  test_gui_wait_for_text (GTK_WIDGET (f->window), toast);

  g_assert_null (test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (test_sqlite_int (par_database_get_path (f->db), "SELECT count(*) FROM evidence_document"), ==, 2);
  g_assert_cmpuint (n_documents (f, "2.1"), ==, 2);
  g_assert_cmpuint (n_documents (f, "1.2"), ==, 0);
  g_assert_cmpint (n_links (f), ==, 2);
  g_assert_true (window_shows (f, toast));
}

/* Previews of the linked documents ---------------------------------------- */

static void
collect_thumbnails (GtkWidget *widget,
                    GPtrArray *thumbnails)
{
  if (PAR_IS_DOCUMENT_THUMBNAIL (widget))
    g_ptr_array_add (thumbnails, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_thumbnails (child, thumbnails);
}

/* The side pane's thumbnails, in the order of the documents. */
static GPtrArray *
side_thumbnails (Fixture *f)
{
  GPtrArray *thumbnails = g_ptr_array_new ();

  collect_thumbnails (test_gui_find_by_id (GTK_WIDGET (f->view), "documents_list"), thumbnails);
  return thumbnails;
}

static gboolean
thumbnails_drawn (gpointer data)
{
  g_autoptr(GPtrArray) thumbnails = side_thumbnails (data);

  for (guint i = 0; i < thumbnails->len; i++)
    if (par_document_thumbnail_get_texture (g_ptr_array_index (thumbnails, i)) == NULL)
      return FALSE;
  return thumbnails->len > 0;
}

/* Whether @object is held by the test alone. */
static gboolean
only_ours (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

static gint64
add_linked (Fixture    *f,
            const char *name,
            int         n_pages,
            const char *code)
{
  ParAssessment *assessment = par_index_view_get_assessment (f->view);
  g_autofree char *pdf = test_make_pdf (f->dir, name, n_pages);
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  par_assessment_link_document (assessment, par_criteria_set_find_node (par_assessment_get_set (assessment), code),
                                id, &error);
  g_assert_no_error (error);
  return id;
}

/* An A4 page @width pixels wide, white, with the letterhead's text dark in
 * its top part (test_make_pdf writes it from 60 to 170 points down) and
 * nothing in its lower half. */
static void
assert_first_page (ParDocumentThumbnail *thumbnail)
{
  GdkTexture *texture = par_document_thumbnail_get_texture (thumbnail);
  int width = PAR_DOCUMENT_THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (thumbnail));
  int height, stride, dark_top = 0, dark_bottom = 0;
  g_autofree guchar *pixels = NULL;

  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (abs (height - (int) (width * 842.0 / 595.0 + 0.5)), <=, 1);

  stride = width * 4;
  pixels = g_malloc ((gsize) stride * height);
  gdk_texture_download (texture, pixels, stride);   /* B, G, R, A (premultiplied) */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + (gsize) y * stride + 4 * x;
        gboolean dark = p[3] == 255 && p[0] + p[1] + p[2] < 3 * 200;

        g_assert_cmpint (p[3], ==, 255);   /* a page, opaque */
        if (dark && y < height / 4)
          dark_top++;
        else if (dark && y > height / 2)
          dark_bottom++;
      }
  g_test_message ("%d×%d, %d dark pixels at the top, %d in the lower half", width, height, dark_top, dark_bottom);
  g_assert_cmpint (dark_top, >=, 20);
  g_assert_cmpint (dark_bottom, ==, 0);
}

static void
test_document_preview (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) thumbnails = NULL;
  g_autoptr(ParDocumentThumbnail) early = NULL;
  gint64 a, b, c;
  guint renders;

  par_document_thumbnail_clear_cache ();
  a = add_linked (f, "a.pdf", 1, "1.2");
  b = add_linked (f, "b.pdf", 2, "2.1");
  c = add_linked (f, "c.pdf", 3, "2.1");

  /* An item with one document: its picture is on its way... */
  renders = par_document_thumbnail_get_n_renders ();
  g_assert_true (par_index_view_focus_item (f->view, "1.2", PAR_SCORE_SELF));
  thumbnails = side_thumbnails (f);
  g_assert_cmpuint (thumbnails->len, ==, 1);
  early = g_object_ref (g_ptr_array_index (thumbnails, 0));
  g_assert_cmpint (par_document_thumbnail_get_document_id (early), ==, a);
  g_assert_null (par_document_thumbnail_get_texture (early));
  g_assert_false (par_document_thumbnail_is_cancelled (early));
  g_clear_pointer (&thumbnails, g_ptr_array_unref);

  /* ...when another item is chosen: given up, without harm. */
  g_assert_true (par_index_view_focus_item (f->view, "2.1", PAR_SCORE_SELF));
  g_assert_true (par_document_thumbnail_is_cancelled (early));
  g_assert_true (test_gui_wait_for (thumbnails_drawn, f, TEST_GUI_TIMEOUT_MS));
  /* Its job over, whatever it came to: no worker holds it any more. */
  g_assert_true (test_gui_wait_for (only_ours, early, TEST_GUI_TIMEOUT_MS));
  g_assert_null (par_document_thumbnail_get_texture (early));
  /* The pictures laid out, at their size. */
  test_gui_wait_for_drawn (test_gui_find_by_id (GTK_WIDGET (f->view), "documents_list"));

  /* Two documents, a picture each, of their first page. */
  thumbnails = side_thumbnails (f);
  g_assert_cmpuint (thumbnails->len, ==, 2);
  g_assert_cmpint (par_document_thumbnail_get_document_id (g_ptr_array_index (thumbnails, 0))
                   + par_document_thumbnail_get_document_id (g_ptr_array_index (thumbnails, 1)), ==, b + c);
  for (guint i = 0; i < thumbnails->len; i++)
    {
      GtkWidget *thumbnail = g_ptr_array_index (thumbnails, i);

      assert_first_page (PAR_DOCUMENT_THUMBNAIL (thumbnail));
      g_assert_true (gtk_widget_get_mapped (thumbnail));
      g_assert_cmpint (gtk_widget_get_width (thumbnail), ==, PAR_DOCUMENT_THUMBNAIL_WIDTH);
      /* Inside the row, which still opens the viewer. */
      g_assert_nonnull (gtk_widget_get_ancestor (thumbnail, GTK_TYPE_LIST_BOX_ROW));
    }
  g_clear_pointer (&thumbnails, g_ptr_array_unref);

  /* Back and forth: drawn once, shown again from the cache at once. */
  renders = par_document_thumbnail_get_n_renders () - renders;
  g_assert_cmpuint (renders, >=, 2);
  g_assert_true (par_index_view_focus_item (f->view, "1.2", PAR_SCORE_SELF));
  g_assert_true (thumbnails_drawn (f) || test_gui_wait_for (thumbnails_drawn, f, TEST_GUI_TIMEOUT_MS));
  renders = par_document_thumbnail_get_n_renders ();
  g_assert_true (par_index_view_focus_item (f->view, "2.1", PAR_SCORE_SELF));
  g_assert_true (thumbnails_drawn (f));
  g_assert_true (par_index_view_focus_item (f->view, "1.2", PAR_SCORE_SELF));
  g_assert_true (thumbnails_drawn (f));
  /* A fixed wait: nothing marks a picture drawn again that should not be.
   * This is longer than one takes to draw. */
  test_gui_iterate (200);
  g_assert_cmpuint (par_document_thumbnail_get_n_renders (), ==, renders);
}

/* A protected document shows a lock: its pages need the password. */
static void
test_document_preview_locked (Fixture       *f,
                              gconstpointer  data)
{
  ParAssessment *assessment = par_index_view_get_assessment (f->view);
  g_autofree char *pdf = test_make_pdf (f->dir, "open.pdf", 1);
  g_autofree char *path = g_build_filename (f->dir, "locked.pdf", NULL);
  g_autofree char *locked = test_qpdf (pdf, "--encrypt secret owner 256 --", path);
  g_autoptr(GPtrArray) thumbnails = NULL;
  g_autoptr(GError) error = NULL;
  ParDocumentThumbnail *thumbnail;
  gint64 id;

  if (locked == NULL)
    return;
  id = par_evidence_add_file (f->db, locked, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  par_assessment_link_document (assessment, par_criteria_set_find_node (par_assessment_get_set (assessment), "2.2"),
                                id, &error);
  g_assert_no_error (error);

  focus_item (f, "2.2", PAR_SCORE_SELF);
  thumbnails = side_thumbnails (f);
  g_assert_cmpuint (thumbnails->len, ==, 1);
  thumbnail = g_ptr_array_index (thumbnails, 0);
  g_assert_true (par_document_thumbnail_is_locked (thumbnail));
  g_assert_null (par_document_thumbnail_get_texture (thumbnail));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (thumbnail)), ==, _("Protected by a password"));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The cached values of the score sheet's total row, as `score show` writes
 * numbers: "SELF APPRAISED", read back with openpyxl. */
static char *
read_totals_with_openpyxl (const char *path)
{
  static const char script[] =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]\n"
    "text = lambda v: ('%.3f' % v).rstrip('0').rstrip('.') if isinstance(v, (int, float)) else repr(v)\n"
    "row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == sys.argv[2])\n"
    "print(text(ws.cell(row, 4).value), text(ws.cell(row, 5).value))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, _("Total"), NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_strdup (g_strstrip (out));
}

/* Every number of every part a valid xsd:double in its shortest form. */
static void
assert_parts_valid (const char *path)
{
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "check-xlsx-parts.py", NULL);
  const char *argv[] = { "/usr/bin/python3", checker, path, NULL };
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s", out);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Export to Excel from the window, as a user does, in the locale of the
 * run (make check runs it under vi_VN.UTF-8 too): the file holds the
 * totals the window shows. */
static void
test_export_score_sheet (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sheet.xlsx", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(ParAssessment) assessment = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *want = NULL;
  g_autofree char *self = NULL;
  g_autofree char *appraised = NULL;
  /* The toast says which item was cut to fit its cell. */
  g_autofree char *toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Workbook saved. Item %s had more text than a cell "
                                                         "holds: it was cut.",
                                                         "Workbook saved. Items %s had more text than a cell "
                                                         "holds: they were cut.", 1), "2.2");
  GtkWindow *chooser;
  ParTotals sums;

  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, "2,25");
  type_and_enter (f, "0.25");
  type_and_enter (f, "0,63");
  focus_item (f, "1.2", PAR_SCORE_APPRAISED);
  type_and_enter (f, "2.5");
  /* an explanation longer than a cell holds */
  {
    ParAssessment *shown = par_index_view_get_assessment (f->view);
    g_autofree char *long_text = g_strnfill (40000, 'x');
    g_autoptr(GError) error = NULL;

    par_assessment_set_explanation (shown, par_criteria_set_find_node (par_assessment_get_set (shown), "2.2"),
                                    long_text, &error);
    g_assert_no_error (error);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "index.export", NULL));
  chooser = test_gui_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "sheet.xlsx");
  test_gui_wait_for_chosen (chooser, path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (test_gui_wait_for (file_exists, path, TEST_GUI_TIMEOUT_MS));
  /* The toast comes once the writing is over. */
  test_gui_wait_for_text (GTK_WIDGET (f->window), toast);

  assessment = reload (f);
  par_assessment_get_totals (assessment, &sums);
  self = par_points_to_string (sums.self_milli);
  appraised = par_points_to_string (sums.appraised_milli);
  want = g_strdup_printf ("%s %s", self, appraised);
  g_assert_cmpstr (want, ==, "3.13 2.5");
  totals = read_totals_with_openpyxl (path);
  g_assert_cmpstr (totals, ==, want);
  assert_parts_valid (path);

  g_assert_true (window_shows (f, toast));
}

G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
revealed (gpointer revealer)
{
  return gtk_revealer_get_reveal_child (revealer);
}

static gboolean
hidden (gpointer revealer)
{
  return !gtk_revealer_get_reveal_child (revealer);
}

/* Another program holds the file: a typed score is not lost. The window
 * says it waits, and saves it once the file is free. */
static void
test_edit_waits_for_file (Fixture       *f,
                          gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (test_gui_find_by_id (GTK_WIDGET (f->window), "waiting_revealer"));
  g_autofree char *saved = NULL;
  TestFileHolder *holder;

  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  holder = test_hold_file (par_database_get_path (f->db), "BEGIN IMMEDIATE", 0);

  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, "1,75");
  g_assert_true (test_gui_wait_for (revealed, revealer, TEST_GUI_TIMEOUT_MS));
  assert_stored (f, "1.2", FALSE, 0);
  /* more typing meanwhile waits behind it, in order */
  focus_item (f, "1.2", PAR_SCORE_SELF);
  type_and_enter (f, "2");
  assert_stored (f, "1.2", FALSE, 0);

  test_release_file (holder);

  g_assert_true (test_gui_wait_for (hidden, revealer, TEST_GUI_TIMEOUT_MS));
  assert_stored (f, "1.2", TRUE, 2000);
  saved = g_strdup (_("The file is free again: your changes are saved."));
  g_assert_true (window_shows (f, saved));
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/index/type-scores", test_type_scores);
  ADD ("/gui/index/refused-value", test_refused_value);
  ADD ("/gui/index/choice-dropdown", test_choice_dropdown);
  ADD ("/gui/index/filters-and-not-applicable", test_filters_and_not_applicable);
  ADD ("/gui/index/ranking-page", test_ranking_page);
  ADD ("/gui/index/attach-evidence", test_attach_evidence);
  ADD ("/gui/index/preferences-size-limit", test_preferences_size_limit);
  ADD ("/gui/index/drop-on-row", test_drop_on_row);
  ADD ("/gui/index/document-preview", test_document_preview);
  ADD ("/gui/index/document-preview-locked", test_document_preview_locked);
  ADD ("/gui/index/export-score-sheet", test_export_score_sheet);
  ADD ("/gui/index/edit-waits-for-file", test_edit_waits_for_file);
#undef ADD

  result = g_test_run ();
  g_object_unref (app);
  return result;
}
