/* par-index-view.c: the PAR Index: a unit's scores against a criteria set, and the ranking
 *
 * Scores are typed into the tree; Enter saves and moves to the next item,
 * so a whole set can be scored from the keyboard. Each save is one short
 * indexed write; the totals follow without recomputing the tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-document-thumbnail.h"
#include "par-evidence-viewer.h"
#include "par-file-chooser.h"
#include "par-import-dialog.h"
#include "par-pdf-chooser.h"
#include "par-index-view.h"
#include "par-ranking-view.h"
#include "par-score-cell.h"
#include "par-score-row.h"

/* When the view closes with edits still waiting for another program. */
#define LAST_WAIT_MS 10000

struct _ParIndexView
{
  AdwBin              parent_instance;

  ParContext         *context;
  ParDatabase        *database;      /* the context's, followed */
  GPtrArray          *sets;          /* ParCriteriaSet, as listed (no nodes) */
  GPtrArray          *units;         /* ParUnit, in tree order */
  ParCriteriaSet     *set;           /* loaded with its nodes */
  ParAssessment      *assessment;
  GListStore         *root_rows;
  GHashTable         *rows;          /* ParCriteriaNode → ParScoreRow */
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GHashTable         *cells[2];      /* ParScoreRow → ParScoreCell, per kind */
  ParScoreRow        *side_row;
  gboolean            updating;
  GCancellable       *cancellable;
  ParEditQueue       *waiting_edits;   /* the file was busy in another program */
  guint               retry_id;

  GtkDropDown        *set_dropdown;
  GtkDropDown        *unit_dropdown;
  GtkStack           *content_stack;
  GtkStack           *scores_stack;
  GtkColumnView      *score_view;
  GtkLabel           *total_label;
  GtkLabel           *appraised_label;
  GtkLabel           *group_label;
  GtkLabel           *progress_label;
  GtkToggleButton    *filter_unscored;
  GtkToggleButton    *filter_explanation;
  GtkToggleButton    *filter_difference;
  GtkBox             *side_box;
  GtkLabel           *item_title_label;
  GtkLabel           *item_method_label;
  GtkLabel           *guidance_heading;
  GtkLabel           *guidance_label;
  GtkLabel           *evidence_heading;
  GtkLabel           *evidence_label;
  GtkCheckButton     *na_check;
  GtkLabel           *documents_heading;
  GtkListBox         *documents_list;
  GtkTextView        *explanation_view;
  GtkLabel           *history_label;
  ParRankingView     *ranking_view;
};

G_DEFINE_FINAL_TYPE (ParIndexView, par_index_view, ADW_TYPE_BIN)

static void refresh_path     (ParIndexView *self,
                              ParScoreRow  *row);
static void update_side_pane (ParIndexView *self);

static void
report (ParIndexView *self,
        const char   *heading,
        const GError *error)
{
  par_context_report_error (self->context, heading, error);
}

static ParScoreRow *
selected_row (ParIndexView *self)
{
  GtkTreeListRow *tree_row = gtk_single_selection_get_selected_item (self->selection);

  return tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;
}

ParAssessment *
par_index_view_get_assessment (ParIndexView *self)
{
  g_return_val_if_fail (PAR_IS_INDEX_VIEW (self), NULL);
  return self->assessment;
}

/* Summary ----------------------------------------------------------------- */

static void
update_summary (ParIndexView *self)
{
  ParTotals totals;
  g_autofree char *self_points = NULL;
  g_autofree char *applicable = NULL;
  g_autofree char *self_percent = NULL;
  g_autofree char *appraised = NULL;
  g_autofree char *appraised_percent = NULL;
  g_autofree char *text = NULL;

  if (self->assessment == NULL)
    return;
  par_assessment_get_totals (self->assessment, &totals);
  self_points = par_format_points (totals.self_milli);
  /* Survey points are appraised only: the self-score is out of the rest. */
  applicable = par_format_points (totals.applicable_milli - totals.survey_milli);
  self_percent = par_format_points (totals.self_percent * 10);
  /* Translators: the self-score total: points, the points that can be self-scored, percentage */
  text = g_strdup_printf (_("Self-score %s of %s · %s%%"), self_points, applicable, self_percent);
  gtk_label_set_text (self->total_label, text);
  g_free (text);

  appraised = par_format_points (totals.appraised_milli);
  appraised_percent = par_format_points (totals.appraised_percent * 10);
  g_free (applicable);
  applicable = par_format_points (totals.applicable_milli);
  /* Translators: the appraised total: points, applicable maximum, percentage */
  text = totals.has_appraised ? g_strdup_printf (_("Appraised %s of %s · %s%%"), appraised, applicable,
                                                 appraised_percent)
                              : g_strdup (_("Not appraised yet"));
  gtk_label_set_text (self->appraised_label, text);
  g_free (text);

  gtk_label_set_text (self->group_label,
                      par_ranking_group_label (par_ranking_group_for (totals.has_appraised ? totals.appraised_percent
                                                                                            : totals.self_percent)));
  text = g_strdup_printf (ngettext ("%u of %u item scored", "%u of %u items scored", totals.n_items),
                          totals.n_scored, totals.n_items);
  gtk_label_set_text (self->progress_label, text);
}

/* Side pane --------------------------------------------------------------- */

static char *
describe_method (ParCriteriaNode *node)
{
  g_autofree char *max = par_format_points (par_criteria_node_get_max (node));
  GString *text = g_string_new (par_scoring_method_get_label (par_criteria_node_get_method (node)));

  g_string_append (text, " · ");
  g_string_append_printf (text, _("maximum %s"), max);
  if (par_criteria_node_get_method (node) == PAR_METHOD_MANUAL)
    {
      g_autofree char *step = par_format_points (par_criteria_node_get_step (node));

      g_string_append (text, " · ");
      g_string_append_printf (text, _("in steps of %s"), step);
    }
  for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
    {
      const ParChoiceOption *option = par_criteria_node_get_option (node, i);
      g_autofree char *points = par_format_points (option->points_milli);

      g_string_append_printf (text, "\n• %s: %s", option->label, points);
    }
  return g_string_free (text, FALSE);
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "self"))
    return _("Self-score");
  if (g_str_equal (field, "appraised"))
    return _("Appraised score");
  if (g_str_equal (field, "not-applicable"))
    return _("Not applicable");
  if (g_str_equal (field, "evidence"))
    return _("Evidence linked");
  return _("Explanation");
}

static char *
history_value (const char *field,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_equal (field, "self") || g_str_equal (field, "appraised"))
    return par_format_points (g_ascii_strtoll (value, NULL, 10));
  if (g_str_equal (field, "not-applicable"))
    return g_strdup (g_str_equal (value, "1") ? _("yes") : _("no"));
  if (g_str_equal (field, "evidence"))
    /* Translators: a kept document, by its number in the file */
    return g_strdup_printf (_("document %s"), value);
  return g_strdup_printf ("“%s”", value);
}

static void
unlink_clicked (ParIndexView *self,
                GtkButton    *button)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "document-id"));
  g_autoptr(GError) error = NULL;

  if (self->side_row == NULL)
    return;
  if (!par_assessment_unlink_document (self->assessment, par_score_row_get_node (self->side_row), id, &error))
    {
      report (self, _("The document was not unlinked"), error);
      return;
    }
  refresh_path (self, self->side_row);
  update_side_pane (self);
}

/* The documents linked to @node for this unit: first page, number, date,
 * signature. */
static void
fill_documents (ParIndexView    *self,
                ParCriteriaNode *node)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  documents = par_evidence_list_linked (self->assessment, node, &error);
  if (documents == NULL)
    {
      report (self, _("The linked documents could not be read"), error);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      ParEvidenceFields *f = par_evidence_document_get_fields (g_ptr_array_index (documents, i));
      ParSignatureVerdict verdict = g_strcmp0 (f->signature, "valid") == 0 ? PAR_SIGNATURE_VALID
                                    : g_strcmp0 (f->signature, "modified") == 0 ? PAR_SIGNATURE_MODIFIED
                                    : g_strcmp0 (f->signature, "invalid") == 0 ? PAR_SIGNATURE_INVALID
                                    : PAR_SIGNATURE_NONE;
      g_autofree char *date = par_format_iso_date (f->date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *f->number != '\0' ? f->number : f->filename);
      /* The signature under the date rather than beside it: the pane is
       * narrow, and the first page takes room at the start of the row. */
      subtitle = g_markup_printf_escaped ("%s\n%s", *date != '\0' ? date : f->abstract,
                                          par_signature_verdict_get_label (verdict));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Drawn in a worker; given up when the row goes (another item). */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 par_document_thumbnail_new (par_database_get_path (self->database), f->id,
                                                             f->encrypted));
      {
        GtkWidget *unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");

        gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (unlink, "flat");
        gtk_widget_set_tooltip_text (unlink, _("Unlink from this item (the document stays kept)"));
        g_object_set_data (G_OBJECT (unlink), "document-id", GSIZE_TO_POINTER ((gsize) f->id));
        g_signal_connect_object (unlink, "clicked", G_CALLBACK (unlink_clicked), self, G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
      }
      g_object_set_data (G_OBJECT (row), "document-id", GSIZE_TO_POINTER ((gsize) f->id));
      gtk_list_box_append (self->documents_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list), documents->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_heading), TRUE);
}

static void
document_row_activated (ParIndexView  *self,
                        GtkListBoxRow *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id"));
  ParEvidenceViewer *viewer = par_evidence_viewer_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       self->context, id);

  gtk_window_present (GTK_WINDOW (viewer));
}

static void
update_side_pane (ParIndexView *self)
{
  ParScoreRow *row = selected_row (self);
  ParCriteriaNode *node;
  g_autofree char *title = NULL;
  g_autofree char *method = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) history_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *guidance, *evidence;
  gboolean optional;

  g_set_object (&self->side_row, row);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), row != NULL);
  if (row == NULL)
    return;
  g_object_unref (row);   /* selected_row returned a reference; side_row keeps one */

  node = par_score_row_get_node (row);
  optional = par_criteria_node_get_applicable_optional (node);
  title = g_strdup_printf ("%s %s", par_criteria_node_get_code (node), par_criteria_node_get_title (node));
  gtk_label_set_text (self->item_title_label, title);
  method = describe_method (node);
  gtk_label_set_text (self->item_method_label, method);

  guidance = par_criteria_node_get_guidance (node);
  gtk_label_set_text (self->guidance_label, guidance);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_heading), *guidance != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_label), *guidance != '\0');
  evidence = par_criteria_node_get_evidence (node);
  gtk_label_set_text (self->evidence_label, evidence);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_heading), *evidence != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_label), *evidence != '\0');

  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->na_check), optional);
  gtk_check_button_set_active (self->na_check, par_assessment_is_marked_not_applicable (self->assessment, node));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->explanation_view),
                            par_assessment_get_explanation (self->assessment, node), -1);
  self->updating = FALSE;

  fill_documents (self, node);

  history = par_assessment_get_history (self->assessment, node, &error);
  if (history == NULL)
    report (self, _("The history could not be read"), error);
  else
    for (guint i = 0; i < history->len; i++)
      {
        ParHistoryEntry *entry = g_ptr_array_index (history, i);
        g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
        g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
        g_autofree char *date = local != NULL ? par_format_date (local) : g_strdup (entry->at);
        g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
        g_autofree char *old_value = history_value (entry->field, entry->old_value);
        g_autofree char *new_value = history_value (entry->field, entry->new_value);

        g_string_append_printf (history_text, "%s%s %s · %s\n%s: %s → %s", i > 0 ? "\n\n" : "", date, time,
                                entry->actor, field_label (entry->field), old_value, new_value);
      }
  gtk_label_set_text (self->history_label, history_text->len > 0 ? history_text->str : _("No changes yet."));
}

/* Every row's cells and statuses, the header and the side pane, from the
 * assessment as it is now (what waited for the file is saved). */
static void
refresh_all_rows (ParIndexView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      par_score_row_set_waiting (row, PAR_SCORE_SELF, NULL);
      par_score_row_set_waiting (row, PAR_SCORE_APPRAISED, NULL);
    }
  update_summary (self);
  update_side_pane (self);
}

/* Saves the edits that waited for the file, as soon as it is free. */
static gboolean
retry_waiting_edits (gpointer user_data)
{
  ParIndexView *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!par_edit_queue_flush (self->waiting_edits, &error))
    report (self, _("A change that waited for the file was refused"), error);
  if (par_edit_queue_get_length (self->waiting_edits) > 0)
    return G_SOURCE_CONTINUE;
  self->retry_id = 0;
  par_context_set_waiting_for_file (self->context, FALSE);
  par_context_show_toast (self->context, _("The file is free again: your changes are saved."));
  if (self->assessment != NULL)
    refresh_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* Another program holds the file: what was typed waits, the window says
 * so, and it is tried again every second. */
static void
wait_for_file (ParIndexView *self)
{
  par_context_set_waiting_for_file (self->context, TRUE);
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add (1000, retry_waiting_edits, self);
}

static void
save_explanation (ParIndexView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->explanation_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean waiting;

  if (self->updating || self->side_row == NULL || self->assessment == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!par_edit_queue_set_explanation (self->waiting_edits, self->assessment, par_score_row_get_node (self->side_row),
                                       text, &waiting, &error))
    {
      report (self, _("The explanation was not saved"), error);
      return;
    }
  if (waiting)
    {
      wait_for_file (self);
      return;
    }
  par_score_row_changed (self->side_row);
  update_side_pane (self);
}

static void
na_toggled (ParIndexView *self)
{
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node;
  gboolean waiting;

  if (self->updating || self->side_row == NULL)
    return;
  node = par_score_row_get_node (self->side_row);
  if (!par_edit_queue_set_not_applicable (self->waiting_edits, self->assessment, node,
                                          gtk_check_button_get_active (self->na_check), &waiting, &error))
    {
      report (self, _("The item was not changed"), error);
      return;
    }
  if (waiting)
    {
      wait_for_file (self);
      return;
    }
  refresh_path (self, self->side_row);
  update_summary (self);
  update_side_pane (self);
}

/* The tree ---------------------------------------------------------------- */

static void
refresh_subtree (ParScoreRow *row)
{
  GListModel *children = par_score_row_get_children (row);

  par_score_row_changed (row);
  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(ParScoreRow) child = g_list_model_get_item (children, i);

        refresh_subtree (child);
      }
}

/* After an edit: the row (with what it hides) and its ancestors. */
static void
refresh_path (ParIndexView *self,
              ParScoreRow  *row)
{
  refresh_subtree (row);
  for (ParScoreRow *p = par_score_row_get_parent (row); p != NULL; p = par_score_row_get_parent (p))
    par_score_row_changed (p);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = par_score_row_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static gboolean
row_matches (ParIndexView *self,
             ParScoreRow  *row)
{
  gboolean unscored = gtk_toggle_button_get_active (self->filter_unscored);
  gboolean explanation = gtk_toggle_button_get_active (self->filter_explanation);
  gboolean difference = gtk_toggle_button_get_active (self->filter_difference);
  ParCriteriaNode *node = par_score_row_get_node (row);
  ParItemStatus status = par_score_row_get_status (row);
  ParSubtotal sub;

  if (!par_criteria_node_is_leaf (node))
    return FALSE;
  par_assessment_get_subtotal (self->assessment, node, &sub);
  if (unscored && status != PAR_ITEM_UNSCORED)
    return FALSE;
  if (explanation && status != PAR_ITEM_NEEDS_EXPLANATION)
    return FALSE;
  if (difference && (!sub.has_self || !sub.has_appraised || sub.self_milli == sub.appraised_milli))
    return FALSE;
  return TRUE;
}

/* Marks which rows a filter shows: matching items and their ancestors. */
static gboolean
mark_visible (ParIndexView *self,
              ParScoreRow  *row,
              gboolean      filtering)
{
  GListModel *children = par_score_row_get_children (row);
  gboolean visible = !filtering || row_matches (self, row);

  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(ParScoreRow) child = g_list_model_get_item (children, i);

        visible |= mark_visible (self, child, filtering);
      }
  par_score_row_set_visible (row, visible);
  return visible;
}

static void
apply_filters (ParIndexView *self)
{
  gboolean filtering = gtk_toggle_button_get_active (self->filter_unscored)
                       || gtk_toggle_button_get_active (self->filter_explanation)
                       || gtk_toggle_button_get_active (self->filter_difference);

  if (self->assessment == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->root_rows)); i++)
    {
      g_autoptr(ParScoreRow) row = g_list_model_get_item (G_LIST_MODEL (self->root_rows), i);

      mark_visible (self, row, filtering);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  ParScoreRow *row = gtk_tree_list_row_get_item (item);
  gboolean visible = par_score_row_get_visible (row);

  g_object_unref (row);
  return visible;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

typedef struct
{
  ParIndexView *view;
  ParScoreRow  *row;
  ParScoreKind  kind;
  guint         tries;
} FocusRequest;

static gboolean
focus_when_bound (gpointer data)
{
  FocusRequest *request = data;
  ParScoreCell *cell = g_hash_table_lookup (request->view->cells[request->kind], request->row);

  if (cell != NULL && par_score_cell_start_editing (cell))
    return G_SOURCE_REMOVE;
  return ++request->tries < 20 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
focus_request_free (gpointer data)
{
  FocusRequest *request = data;

  g_object_unref (request->view);
  g_object_unref (request->row);
  g_free (request);
}

/* Selects the row at @position, scrolls to it and puts the cursor in its
 * @kind cell as soon as the cell is on screen. */
static void
focus_position (ParIndexView *self,
                guint         position,
                ParScoreKind  kind)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->score_view));
  FocusRequest *request;

  if (tree_row == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  request = g_new0 (FocusRequest, 1);
  request->view = g_object_ref (self);
  request->row = gtk_tree_list_row_get_item (tree_row);
  request->kind = kind;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 15, focus_when_bound, request, focus_request_free);
}

static guint
position_of (ParIndexView *self,
             ParScoreRow  *row)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(ParScoreRow) item = gtk_tree_list_row_get_item (tree_row);

      if (item == row)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
focus_next_item (ParIndexView *self,
                 ParScoreRow  *row,
                 ParScoreKind  kind)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint start = position_of (self, row);

  if (start == GTK_INVALID_LIST_POSITION)
    return;
  for (guint i = start + 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(ParScoreRow) item = gtk_tree_list_row_get_item (tree_row);

      if (par_score_row_is_editable (item, kind))
        {
          focus_position (self, i, kind);
          return;
        }
    }
}

/* Saves what was typed into a cell: "" clears; a value the item's method
 * does not allow is refused, shown on the cell and not saved. */
static void
cell_edited (ParIndexView *self,
             const char   *text,
             gboolean      move_next,
             ParScoreCell *cell)
{
  ParScoreRow *row = par_score_cell_get_row (cell);
  ParScoreKind kind = par_score_cell_get_kind (cell);
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean waiting = FALSE;
  gint64 value = 0;

  if (row == NULL || self->assessment == NULL)
    return;
  {
    g_autofree char *shown = par_score_row_get_points_text (row, kind);

    if (g_strcmp0 (shown, clean) == 0)
      {
        if (move_next)
          focus_next_item (self, row, kind);
        return;
      }
  }
  if ((*clean != '\0' && !par_points_parse (clean, &value, &error))
      || !par_edit_queue_set_score (self->waiting_edits, self->assessment, par_score_row_get_node (row), kind,
                                    *clean == '\0', value, &waiting, &error))
    {
      par_score_cell_set_error (cell, error->message);
      par_context_show_toast (self->context, error->message);
      return;
    }
  if (waiting)
    {
      /* kept, to be saved once the file is free: the cell shows what was typed */
      g_autofree char *shown = *clean != '\0' ? par_format_points (value) : g_strdup ("");

      par_score_row_set_waiting (row, kind, shown);
      wait_for_file (self);
      if (move_next)
        focus_next_item (self, row, kind);
      return;
    }
  refresh_path (self, row);
  update_summary (self);
  if (row == self->side_row)
    update_side_pane (self);
  if (move_next)
    focus_next_item (self, row, kind);
}

/* Columns ------------------------------------------------------------------ */

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *code = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (code);
  g_autoptr(ParScoreRow) row = gtk_tree_list_row_get_item (tree_row);
  ParCriteriaNode *node = par_score_row_get_node (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  gtk_label_set_text (GTK_LABEL (code), par_criteria_node_get_code (node));
  gtk_label_set_text (GTK_LABEL (title), par_criteria_node_get_title (node));
  gtk_widget_set_tooltip_text (title, par_criteria_node_get_title (node));
  if (par_criteria_node_get_depth (node) == 0)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
}

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1 : 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* Our reference keeps the binding valid even if the row goes first;
 * unbinding drops only the binding's own. */
static void
binding_release (gpointer binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
bind_property_text (GtkListItem *item,
                    const char  *property)
{
  g_autoptr(ParScoreRow) row = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  GBinding *binding = g_object_bind_property (row, property, label, "label", G_BINDING_SYNC_CREATE);

  g_object_set_data_full (G_OBJECT (item), "binding", g_object_ref (binding), binding_release);
}

static void
unbind_text (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (item), "binding", NULL);
}

#define DEFINE_TEXT_BINDER(name, property) \
  static void \
  bind_##name (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data) \
  { \
    bind_property_text (item, property); \
  }

DEFINE_TEXT_BINDER (max, "max-text")
DEFINE_TEXT_BINDER (difference, "difference-text")
DEFINE_TEXT_BINDER (evidence, "evidence-text")
DEFINE_TEXT_BINDER (status, "status-text")

static void
setup_score (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ParIndexView             *self)
{
  ParScoreKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  ParScoreCell *cell = par_score_cell_new (kind);

  g_signal_connect_object (cell, "edited", G_CALLBACK (cell_edited), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
bind_score (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ParIndexView             *self)
{
  ParScoreCell *cell = PAR_SCORE_CELL (gtk_list_item_get_child (item));
  g_autoptr(ParScoreRow) row = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));

  par_score_cell_bind (cell, row);
  g_hash_table_insert (self->cells[par_score_cell_get_kind (cell)], row, cell);
}

static void
unbind_score (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ParIndexView             *self)
{
  ParScoreCell *cell = PAR_SCORE_CELL (gtk_list_item_get_child (item));
  ParScoreRow *row = par_score_cell_get_row (cell);

  if (row != NULL && g_hash_table_lookup (self->cells[par_score_cell_get_kind (cell)], row) == cell)
    g_hash_table_remove (self->cells[par_score_cell_get_kind (cell)], row);
  par_score_cell_unbind (cell);
}

static void
add_column (ParIndexView *self,
            const char   *title,
            GCallback     setup,
            GCallback     bind,
            GCallback     unbind,
            gpointer      data,
            gboolean      expand,
            int           width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->score_view, column);
  g_object_unref (column);
}

static void
add_score_column (ParIndexView *self,
                  const char   *title,
                  ParScoreKind  kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_score), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_score), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_score), self, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, 122);
  gtk_column_view_append_column (self->score_view, column);
  g_object_unref (column);
}

static void
build_columns (ParIndexView *self)
{
  add_column (self, _("Criterion"), G_CALLBACK (setup_title), G_CALLBACK (bind_title), NULL, NULL, TRUE, 0);
  add_column (self, C_("column", "Max"), G_CALLBACK (setup_text), G_CALLBACK (bind_max), G_CALLBACK (unbind_text),
              GINT_TO_POINTER (1), FALSE, 70);
  add_score_column (self, _("Self-score"), PAR_SCORE_SELF);
  add_score_column (self, _("Appraised"), PAR_SCORE_APPRAISED);
  add_column (self, _("Difference"), G_CALLBACK (setup_text), G_CALLBACK (bind_difference),
              G_CALLBACK (unbind_text), GINT_TO_POINTER (1), FALSE, 90);
  add_column (self, _("Evidence"), G_CALLBACK (setup_text), G_CALLBACK (bind_evidence), G_CALLBACK (unbind_text),
              GINT_TO_POINTER (1), FALSE, 80);
  add_column (self, _("Status"), G_CALLBACK (setup_text), G_CALLBACK (bind_status), G_CALLBACK (unbind_text),
              GINT_TO_POINTER (0), FALSE, 140);
}

/* Loading ----------------------------------------------------------------- */

static ParScoreRow *
build_rows (ParIndexView    *self,
            ParCriteriaNode *node)
{
  ParScoreRow *row = par_score_row_new (self->assessment, node);
  GPtrArray *children = par_criteria_node_get_children (node);

  g_hash_table_insert (self->rows, node, g_object_ref (row));
  for (guint i = 0; i < children->len; i++)
    {
      g_autoptr(ParScoreRow) child = build_rows (self, g_ptr_array_index (children, i));

      par_score_row_add_child (row, child);
    }
  return row;
}

static gint64
selected_set_id (ParIndexView *self)
{
  guint i = gtk_drop_down_get_selected (self->set_dropdown);

  if (self->sets == NULL || i >= self->sets->len)
    return 0;
  return par_criteria_set_get_id (g_ptr_array_index (self->sets, i));
}

static gint64
selected_unit_id (ParIndexView *self)
{
  guint i = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->units == NULL || i >= self->units->len)
    return 0;
  return par_unit_get_id (g_ptr_array_index (self->units, i));
}

static void
update_actions (ParIndexView *self)
{
  gboolean ranking = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "ranking") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "index.import", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "index.export",
                                 ranking ? self->set != NULL : self->assessment != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "index.copy-from", self->assessment != NULL);
}

/* Loads the chosen set and unit into the tree. */
static void
load_assessment (ParIndexView *self)
{
  gint64 set_id = selected_set_id (self);
  gint64 unit_id = selected_unit_id (self);
  g_autoptr(GError) error = NULL;
  GPtrArray *roots;

  g_list_store_remove_all (self->root_rows);
  g_hash_table_remove_all (self->rows);
  g_clear_object (&self->side_row);
  g_clear_object (&self->assessment);
  if (self->set == NULL || par_criteria_set_get_id (self->set) != set_id)
    {
      g_clear_object (&self->set);
      if (set_id != 0)
        {
          self->set = par_criteria_set_load (self->database, set_id, &error);
          if (self->set == NULL)
            report (self, _("The criteria set could not be read"), error);
        }
    }
  par_ranking_view_set_set (self->ranking_view, self->set);

  if (self->set == NULL)
    gtk_stack_set_visible_child_name (self->scores_stack, "no-set");
  else if (unit_id == 0)
    gtk_stack_set_visible_child_name (self->scores_stack, "no-unit");
  else
    {
      self->assessment = par_assessment_load (self->database, self->set, unit_id, &error);
      if (self->assessment == NULL)
        {
          report (self, _("The scores could not be read"), error);
          gtk_stack_set_visible_child_name (self->scores_stack, "no-unit");
        }
      else
        {
          roots = par_criteria_set_get_roots (self->set);
          for (guint i = 0; i < roots->len; i++)
            {
              g_autoptr(ParScoreRow) row = build_rows (self, g_ptr_array_index (roots, i));

              g_list_store_append (self->root_rows, row);
            }
          apply_filters (self);
          update_summary (self);
          gtk_stack_set_visible_child_name (self->scores_stack, "table");
        }
    }
  update_side_pane (self);
  update_actions (self);
}

static void
reload_sets (ParIndexView *self)
{
  gint64 keep = selected_set_id (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->sets, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->sets = par_criteria_set_list (self->database, &error);
      if (self->sets == NULL)
        report (self, _("The criteria sets could not be read"), error);
    }
  if (self->sets != NULL)
    for (guint i = 0; i < self->sets->len; i++)
      {
        ParCriteriaSet *set = g_ptr_array_index (self->sets, i);
        g_autofree char *label = g_strdup_printf ("%s (%d)", par_criteria_set_get_name (set),
                                                  par_criteria_set_get_year (set));

        gtk_string_list_append (names, label);
        if (par_criteria_set_get_id (set) == keep)
          selected = i;
      }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->set_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->set_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->set_dropdown), self->sets != NULL && self->sets->len > 0);
}

static void
reload_units (ParIndexView *self)
{
  gint64 keep = selected_unit_id (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->units, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->units = par_directory_list_all_units (self->database, &error);
      if (self->units == NULL)
        report (self, _("The units could not be read"), error);
    }
  if (self->units != NULL)
    for (guint i = 0; i < self->units->len; i++)
      {
        ParUnit *unit = g_ptr_array_index (self->units, i);

        gtk_string_list_append (names, par_unit_get_name (unit));
        if (par_unit_get_id (unit) == keep)
          selected = i;
      }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->units != NULL && self->units->len > 0);
}

static void
selection_changed (ParIndexView *self)
{
  if (!self->updating)
    load_assessment (self);
}

static void
database_changed (ParIndexView *self,
                  ParChange     what)
{
  if (what == PAR_CHANGE_CRITERIA)
    {
      reload_sets (self);
      load_assessment (self);
    }
  else if (what == PAR_CHANGE_UNITS)
    {
      reload_units (self);
      load_assessment (self);
    }
  else if (what == PAR_CHANGE_LINKS && self->assessment != NULL)
    {
      /* Linked elsewhere (the document viewer): the counts, the statuses
       * that follow from them and the side pane's documents. */
      g_autoptr(GError) error = NULL;

      if (!par_assessment_reload_evidence (self->assessment, &error))
        report (self, _("The linked documents could not be read"), error);
      refresh_all_rows (self);
    }
}

static void
follow_database (ParIndexView *self)
{
  g_clear_object (&self->set);
  g_set_object (&self->database, par_context_get_database (self->context));
  /* A file opened where another was: its documents' numbers are not theirs. */
  par_document_thumbnail_clear_cache ();
  reload_sets (self);
  reload_units (self);
  load_assessment (self);
}

/* The view shows the context's file, and follows it. */
void
par_index_view_set_context (ParIndexView *self,
                            ParContext   *context)
{
  g_return_if_fail (PAR_IS_INDEX_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  par_ranking_view_set_context (self->ranking_view, context);
  g_signal_connect_object (context, "notify::database", G_CALLBACK (follow_database), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  follow_database (self);
}

/* Shows @set_id scored for @unit_id; FALSE if either is not there. */
gboolean
par_index_view_select (ParIndexView *self,
                       gint64        set_id,
                       gint64        unit_id)
{
  g_return_val_if_fail (PAR_IS_INDEX_VIEW (self), FALSE);

  if (self->sets == NULL || self->units == NULL)
    return FALSE;
  for (guint i = 0; i < self->sets->len; i++)
    if (par_criteria_set_get_id (g_ptr_array_index (self->sets, i)) == set_id)
      {
        for (guint j = 0; j < self->units->len; j++)
          if (par_unit_get_id (g_ptr_array_index (self->units, j)) == unit_id)
            {
              self->updating = TRUE;
              gtk_drop_down_set_selected (self->set_dropdown, i);
              gtk_drop_down_set_selected (self->unit_dropdown, j);
              self->updating = FALSE;
              load_assessment (self);
              return TRUE;
            }
      }
  return FALSE;
}

/* Puts the cursor in the @kind cell of the item @code. */
gboolean
par_index_view_focus_item (ParIndexView *self,
                           const char   *code,
                           ParScoreKind  kind)
{
  ParCriteriaNode *node;
  ParScoreRow *row;
  guint position;

  g_return_val_if_fail (PAR_IS_INDEX_VIEW (self), FALSE);

  if (self->set == NULL || (node = par_criteria_set_find_node (self->set, code)) == NULL
      || (row = g_hash_table_lookup (self->rows, node)) == NULL
      || (position = position_of (self, row)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  focus_position (self, position, kind);
  return TRUE;
}

/* Actions ----------------------------------------------------------------- */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParIndexView *self = PAR_INDEX_VIEW (widget);

  if (self->database != NULL)
    par_import_dialog_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);
}

static char *
join_codes (char  **codes,
            guint   n_codes,
            guint   most)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_codes && i < most; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", codes[i]);
  if (n_codes > most)
    g_string_append (text, ", …");
  return g_string_free (text, FALSE);
}

typedef struct
{
  ParIndexView *view;
  gint64        unit_id;      /* 0 for the ranking */
  char         *path;
  guint         writing_id;   /* says "Writing the workbook…" if it takes a while */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_handle_id (&request->writing_id, g_source_remove);
  g_object_unref (request->view);
  g_free (request->path);
  g_free (request);
}

static gboolean
say_writing (gpointer user_data)
{
  ExportRequest *request = user_data;

  request->writing_id = 0;
  par_context_show_toast (request->view->context, _("Writing the workbook…"));
  return G_SOURCE_REMOVE;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;

  g_clear_handle_id (&request->writing_id, g_source_remove);
  if (par_export_finish (result, &cut_items, &error))
    {
      guint n_cut = g_strv_length (cut_items);
      g_autofree char *codes = join_codes (cut_items, n_cut, 5);
      g_autofree char *message = n_cut == 0 ? g_strdup (_("Workbook saved"))
                                            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                           "Workbook saved. Item %s had more text "
                                                                           "than a cell holds: it was cut.",
                                                                           "Workbook saved. Items %s had more text "
                                                                           "than a cell holds: they were cut.",
                                                                           n_cut),
                                                               codes);

      par_context_show_file_toast (request->view->context, message, request->path);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report (request->view, _("The workbook was not saved"), error);
  export_request_free (request);
}

static void
export_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportRequest *request = user_data;
  ParIndexView *self = request->view;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);

  if (path == NULL || self->set == NULL || self->database == NULL)
    {
      export_request_free (request);
      return;
    }
  request->path = g_str_has_suffix (path, ".xlsx") ? g_steal_pointer (&path) : g_strconcat (path, ".xlsx", NULL);
  /* A workbook is written in a fraction of a second: only a slow one is
   * announced, so that the result's toast is not queued behind it. */
  request->writing_id = g_timeout_add (1000, say_writing, request);
  par_export_async (par_database_get_path (self->database), par_criteria_set_get_id (self->set), request->unit_id,
                    request->path, self->cancellable, export_done, request);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char * const patterns[] = { "*.xlsx", NULL };
  ParIndexView *self = PAR_INDEX_VIEW (widget);
  gboolean ranking = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "ranking") == 0;
  g_autoptr(ParFileChooser) chooser = NULL;
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (self->set == NULL)
    return;
  chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE,
                                  ranking ? _("Export the Ranking") : _("Export the Score Sheet"), _("_Export"));
  par_file_chooser_add_filter (chooser, _("Excel workbooks"), NULL, patterns);
  if (ranking)
    /* Translators: file name offered for the ranking workbook; %d is the year */
    name = g_strdup_printf (_("Ranking %d.xlsx"), par_criteria_set_get_year (self->set));
  else
    {
      ParUnit *unit = g_ptr_array_index (self->units, gtk_drop_down_get_selected (self->unit_dropdown));

      /* Translators: file name offered for a score sheet: unit code and year */
      name = g_strdup_printf (_("Score sheet %s %d.xlsx"), par_unit_get_code (unit),
                              par_criteria_set_get_year (self->set));
    }
  par_file_chooser_set_current_name (chooser, name);
  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->unit_id = ranking || self->assessment == NULL ? 0 : par_assessment_get_unit_id (self->assessment);
  par_file_chooser_run_async (chooser, GTK_WINDOW (gtk_widget_get_root (widget)), export_chosen, request);
}

static void
copy_from_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ParIndexView     *self)
{
  GtkDropDown *choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *others = g_object_get_data (G_OBJECT (dialog), "sets");
  g_autoptr(ParCriteriaSet) source_set = NULL;
  g_autoptr(ParAssessment) source = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint selected = gtk_drop_down_get_selected (choice);
  GtkWidget *result;

  if (!g_str_equal (response, "copy") || self->assessment == NULL || selected >= others->len)
    return;
  source_set = par_criteria_set_load (self->database, par_criteria_set_get_id (g_ptr_array_index (others, selected)),
                                      &error);
  if (source_set != NULL)
    source = par_assessment_load (self->database, source_set, par_assessment_get_unit_id (self->assessment), &error);
  if (source == NULL || !par_assessment_copy_from (self->assessment, source, &new_items, &dropped, &error))
    {
      report (self, _("The scores were not copied"), error);
      return;
    }
  load_assessment (self);

  if (new_items->len == 0 && dropped->len == 0)
    g_string_append (body, _("Every item matched."));
  if (new_items->len > 0)
    {
      g_autofree char *codes = join_codes ((char **) new_items->pdata, new_items->len, 40);

      g_string_append_printf (body, _("Not filled (new items, or values the new method does not allow): %s."), codes);
    }
  if (dropped->len > 0)
    {
      g_autofree char *codes = join_codes ((char **) dropped->pdata, dropped->len, 40);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body, _("Scored last time but not in this set: %s."), codes);
    }
  result = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Scores Copied"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (result), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (result));
}

static void
copy_from_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParIndexView *self = PAR_INDEX_VIEW (widget);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *others = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog, *choice;

  if (self->assessment == NULL || self->sets == NULL)
    return;
  for (guint i = 0; i < self->sets->len; i++)
    {
      ParCriteriaSet *set = g_ptr_array_index (self->sets, i);
      g_autofree char *label = NULL;

      if (par_criteria_set_get_id (set) == par_criteria_set_get_id (self->set))
        continue;
      label = g_strdup_printf ("%s (%d)", par_criteria_set_get_name (set), par_criteria_set_get_year (set));
      gtk_string_list_append (names, label);
      g_ptr_array_add (others, g_object_ref (set));
    }
  if (others->len == 0)
    {
      g_autoptr(GError) error = g_error_new (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                                             _("Import last year’s set and its scores first: there is no other set "
                                               "to start from."));
      g_ptr_array_unref (others);
      report (self, _("There is nothing to copy from"), error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Start from Another Set?"),
                                   _("The unit’s self-scores, explanations and “not applicable” marks in the chosen "
                                     "set are copied to the items with the same code in this set. You will see "
                                     "which items did not match."));
  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "copy", _("C_opy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "sets", others, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (copy_from_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Attaching evidence ------------------------------------------------------ */

typedef struct
{
  ParIndexView    *view;
  ParCriteriaNode *node;    /* the item they were meant for */
  GPtrArray       *paths;   /* what was asked, in the order of the results */
} AttachRequest;

static void
attach_request_free (AttachRequest *request)
{
  g_clear_object (&request->view);
  g_clear_object (&request->node);
  g_clear_pointer (&request->paths, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttachRequest, attach_request_free)

/* What the toast says: "“qd.pdf” attached to 1.2" or "3 documents attached
 * to 1.2" when documents were linked to the item. */
static char *
describe_linked (AttachRequest *request,
                 GPtrArray     *results,
                 guint          n_linked)
{
  const char *code = par_criteria_node_get_code (request->node);

  if (n_linked == 1)
    for (guint i = 0; i < results->len && i < request->paths->len; i++)
      if (((ParAddResult *) g_ptr_array_index (results, i))->id != 0)
        {
          g_autofree char *name = g_path_get_basename (g_ptr_array_index (request->paths, i));

          /* Translators: a toast: a file name, then the code of a PAR Index item, e.g. 1.2 */
          return g_strdup_printf (_("“%s” attached to item %s"), name, code);
        }
  /* Translators: a toast: a number of files, then the code of a PAR Index item, e.g. 1.2 */
  return g_strdup_printf (ngettext ("%u document attached to item %s", "%u documents attached to item %s",
                                    n_linked),
                          n_linked, code);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AttachRequest) request = user_data;
  ParIndexView *self = request->view;
  ParCriteriaNode *node = request->node;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *message = NULL;
  ParScoreRow *row;
  guint n_linked = 0;

  results = par_evidence_add_files_finish (result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report (self, _("The documents were not attached"), error);
      return;
    }
  par_database_emit_changed (self->database, PAR_CHANGE_DOCUMENTS);
  /* The links are made here, where the assessment lives, unless the user
   * moved on to another set or unit meanwhile. */
  if (self->assessment != NULL
      && par_criteria_set_find_node_by_id (self->set, par_criteria_node_get_id (node)) == node)
    for (guint i = 0; i < results->len; i++)
      {
        ParAddResult *added = g_ptr_array_index (results, i);

        if (added->id == 0)
          continue;
        if (!par_assessment_link_document (self->assessment, node, added->id, &error))
          {
            report (self, _("The document was kept but not linked"), error);
            break;
          }
        n_linked++;
      }
  row = g_hash_table_lookup (self->rows, node);
  if (row != NULL && n_linked > 0)
    refresh_path (self, row);
  if (self->side_row != NULL)
    update_side_pane (self);
  message = par_pdf_chooser_summarize (results, failures);
  if (n_linked > 0)
    {
      g_free (message);
      message = describe_linked (request, results, n_linked);
    }
  par_context_show_toast (self->context, message);
  if (failures->len > 0)
    {
      g_autoptr(GError) refused = g_error_new_literal (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                                                       g_strstrip (failures->str));

      report (self, _("Some files were not attached"), refused);
    }
}

/* Keeps @paths, in a worker, and links them to @row's item. The one way
 * files reach an item: the file dialog, a drop on the side pane, a drop
 * on the item's row in the tree. */
static void
attach_paths_to_row (ParIndexView *self,
                     ParScoreRow  *row,
                     GPtrArray    *paths)
{
  AttachRequest *request;

  if (row == NULL || self->database == NULL || paths->len == 0)
    return;
  request = g_new0 (AttachRequest, 1);
  request->view = g_object_ref (self);
  request->node = g_object_ref (par_score_row_get_node (row));
  request->paths = g_ptr_array_ref (paths);
  par_evidence_add_files_async (par_database_get_path (self->database), paths,
                                par_context_get_evidence_max_bytes (self->context), NULL, NULL, self->cancellable,
                                attach_done, request);
}

/* Keeps @paths as evidence of the selected item. */
static void
attach_paths (GPtrArray *paths,
              gpointer   owner)
{
  ParIndexView *self = PAR_INDEX_VIEW (owner);

  attach_paths_to_row (self, self->side_row, paths);
}

/* Keeps @paths as evidence of the selected item (as dropping them does). */
void
par_index_view_attach_files (ParIndexView *self,
                             GPtrArray    *paths)
{
  g_return_if_fail (PAR_IS_INDEX_VIEW (self));
  attach_paths (paths, self);
}

/* Files dragged over the tree go to the item of the row under the pointer,
 * which is highlighted meanwhile. One drop target for the whole tree: rows
 * are recycled as the tree scrolls, the pointer's position is not. */

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row widget of the tree at (@x, @y) in the column view, and (in
 * *@row, a new reference) the item it shows; NULL off the rows. */
static GtkWidget *
row_widget_at (ParIndexView  *self,
               double         x,
               double         y,
               ParScoreRow  **row)
{
  GtkWidget *table = GTK_WIDGET (self->score_view);
  GtkWidget *list_view = find_list_view (table);
  GtkWidget *widget = gtk_widget_pick (table, x, y, GTK_PICK_INSENSITIVE | GTK_PICK_NON_TARGETABLE);
  GtkWidget *expander;
  GtkTreeListRow *tree_row;

  *row = NULL;
  if (list_view == NULL || self->assessment == NULL)
    return NULL;
  while (widget != NULL && widget != table && gtk_widget_get_parent (widget) != list_view)
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL || widget == table)
    return NULL;
  expander = find_expander (widget);
  tree_row = expander != NULL ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;
  if (tree_row == NULL)
    return NULL;
  *row = gtk_tree_list_row_get_item (tree_row);
  return *row != NULL ? widget : NULL;
}

static void
highlight_drop_row (ParIndexView *self,
                    GtkWidget    *widget)
{
  GtkWidget *old = g_object_get_data (G_OBJECT (self->score_view), "drop-row");

  if (old == widget)
    return;
  if (old != NULL)
    gtk_widget_remove_css_class (old, "drop-row");
  if (widget != NULL)
    gtk_widget_add_css_class (widget, "drop-row");
  g_object_set_data_full (G_OBJECT (self->score_view), "drop-row", widget != NULL ? g_object_ref (widget) : NULL,
                          g_object_unref);
}

static GdkDragAction
tree_drag_motion (GtkDropTarget *target,
                  double         x,
                  double         y,
                  ParIndexView  *self)
{
  g_autoptr(ParScoreRow) row = NULL;
  GtkWidget *widget = row_widget_at (self, x, y, &row);

  highlight_drop_row (self, widget);
  return widget != NULL ? GDK_ACTION_COPY : 0;
}

static void
tree_drag_leave (GtkDropTarget *target,
                 ParIndexView  *self)
{
  highlight_drop_row (self, NULL);
}

static gboolean
tree_drop (GtkDropTarget *target,
           const GValue  *value,
           double         x,
           double         y,
           ParIndexView  *self)
{
  g_autoptr(ParScoreRow) row = NULL;
  g_autoptr(GPtrArray) paths = par_pdf_chooser_paths_from_drop (value);
  GtkWidget *widget = row_widget_at (self, x, y, &row);

  highlight_drop_row (self, NULL);
  if (widget == NULL || paths->len == 0)
    return FALSE;
  attach_paths_to_row (self, row, paths);
  return TRUE;
}

static void
accept_drop_on_rows (ParIndexView *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "enter", G_CALLBACK (tree_drag_motion), self, 0);
  g_signal_connect_object (drop, "motion", G_CALLBACK (tree_drag_motion), self, 0);
  g_signal_connect_object (drop, "leave", G_CALLBACK (tree_drag_leave), self, 0);
  g_signal_connect_object (drop, "drop", G_CALLBACK (tree_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->score_view), GTK_EVENT_CONTROLLER (drop));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  par_pdf_chooser_run (GTK_WINDOW (gtk_widget_get_root (widget)), _("Attach PDF Documents"), _("_Attach"),
                       G_OBJECT (widget), attach_paths);
}

/* Class ------------------------------------------------------------------- */

static void
par_index_view_dispose (GObject *object)
{
  ParIndexView *self = PAR_INDEX_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  /* Edits still waiting for the file get one last, longer wait. */
  if (self->waiting_edits != NULL && par_edit_queue_get_length (self->waiting_edits) > 0 && self->database != NULL)
    {
      par_database_set_patience (self->database, LAST_WAIT_MS);
      if (!par_edit_queue_flush (self->waiting_edits, NULL) || par_edit_queue_get_length (self->waiting_edits) > 0)
        g_warning ("%u changes could not be saved: another program held the file",
                   par_edit_queue_get_length (self->waiting_edits));
    }
  g_clear_pointer (&self->waiting_edits, par_edit_queue_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_INDEX_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->side_row);
  g_clear_object (&self->assessment);
  g_clear_object (&self->set);
  g_clear_object (&self->database);
  g_clear_object (&self->root_rows);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->cells[0], g_hash_table_unref);
  g_clear_pointer (&self->cells[1], g_hash_table_unref);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  G_OBJECT_CLASS (par_index_view_parent_class)->dispose (object);
}

static void
par_index_view_class_init (ParIndexViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_index_view_dispose;

  g_type_ensure (PAR_TYPE_RANKING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/index/par-index-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, scores_stack);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, score_view);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, total_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, appraised_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, group_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, filter_unscored);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, filter_explanation);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, filter_difference);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, side_box);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, item_title_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, item_method_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, guidance_heading);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, evidence_heading);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, na_check);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, documents_heading);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, history_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, ranking_view);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, na_toggled);
  gtk_widget_class_bind_template_callback (widget_class, document_row_activated);

  gtk_widget_class_install_action (widget_class, "index.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "index.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "index.copy-from", NULL, copy_from_action);
  gtk_widget_class_install_action (widget_class, "index.attach", NULL, attach_action);
}

static void
par_index_view_init (ParIndexView *self)
{
  GtkTreeListModel *tree;
  GtkFilterListModel *filtered;
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->waiting_edits = par_edit_queue_new ();
  self->rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->cells[PAR_SCORE_SELF] = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->cells[PAR_SCORE_APPRAISED] = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->root_rows = g_list_store_new (PAR_TYPE_SCORE_ROW);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->root_rows)), FALSE, TRUE, create_children,
                                  NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_row, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (tree), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_column_view_set_model (self->score_view, GTK_SELECTION_MODEL (self->selection));
  build_columns (self);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_side_pane), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->set_dropdown, "notify::selected", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (save_explanation), self);
  gtk_widget_add_controller (GTK_WIDGET (self->explanation_view), focus);
  par_pdf_chooser_accept_drop (GTK_WIDGET (self->side_box), G_OBJECT (self), attach_paths);
  accept_drop_on_rows (self);
  update_actions (self);
}
