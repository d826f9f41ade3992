/* par-index-view-private.h: what the files of ParIndexView share: its fields and its internal functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-index-view.h"
#include "par-item-pane.h"
#include "par-ranking-view.h"
#include "par-score-cell.h"
#include "par-score-row.h"

G_BEGIN_DECLS

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
  ParItemPane        *side_box;      /* the selected item */
  ParRankingView     *ranking_view;
};

/* The files call one another from the top down, never back up: par-index-view.c
 * calls the others; -actions.c calls -evidence.c and -load.c; -columns.c calls
 * -edits.c; -edits.c and -evidence.c call -load.c and -tree.c; -load.c calls
 * only -tree.c, and -tree.c none of them. */

/* par-index-view-load.c: loading the chosen set and unit; the totals, the item pane, the actions */
void       par_index_view_report                 (ParIndexView    *self,
                                                  const char      *heading,
                                                  const GError    *error);
void       par_index_view_reload_sets            (ParIndexView    *self);
void       par_index_view_reload_units           (ParIndexView    *self);
void       par_index_view_load_assessment        (ParIndexView    *self);
void       par_index_view_update_summary         (ParIndexView    *self);
void       par_index_view_update_side_pane       (ParIndexView    *self);
void       par_index_view_update_actions         (ParIndexView    *self);

/* par-index-view-tree.c: the criteria tree, its filters, moving from item to item */
void       par_index_view_init_tree              (ParIndexView    *self);
void       par_index_view_fill_tree              (ParIndexView    *self);
void       par_index_view_apply_filters          (ParIndexView    *self);
void       par_index_view_refresh_path           (ParScoreRow     *row);
GtkWidget *par_index_view_get_list_view          (ParIndexView    *self);
guint      par_index_view_position_of            (ParIndexView    *self,
                                                  ParScoreRow     *row);
void       par_index_view_focus_position         (ParIndexView    *self,
                                                  guint            position,
                                                  ParScoreKind     kind);
void       par_index_view_focus_next_item        (ParIndexView    *self,
                                                  ParScoreRow     *row,
                                                  ParScoreKind     kind);

/* par-index-view-columns.c: the tree's columns and their cells */
void       par_index_view_build_columns          (ParIndexView    *self);

/* par-index-view-edits.c: saving what is typed, also while another program holds the file */
void       par_index_view_cell_edited            (ParIndexView    *self,
                                                  const char      *text,
                                                  gboolean         move_next,
                                                  ParScoreCell    *cell);
void       par_index_view_save_explanation       (ParIndexView    *self,
                                                  const char      *text,
                                                  ParItemPane     *pane);
void       par_index_view_not_applicable_toggled (ParIndexView    *self,
                                                  gboolean         active,
                                                  ParItemPane     *pane);
void       par_index_view_unlink_document        (ParIndexView    *self,
                                                  gint64           document_id,
                                                  ParItemPane     *pane);
void       par_index_view_refresh_all_rows       (ParIndexView    *self);
void       par_index_view_dispose_edits          (ParIndexView    *self);

/* par-index-view-evidence.c: documents attached to an item, from the file dialog or dropped */
void       par_index_view_attach_paths           (GPtrArray       *paths,
                                                  gpointer         owner);
void       par_index_view_accept_drop_on_rows    (ParIndexView    *self);

/* par-index-view-actions.c: import, export, start from another set, attach */
void       par_index_view_class_actions_init     (GtkWidgetClass  *widget_class);

G_END_DECLS
