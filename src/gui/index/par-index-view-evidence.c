/* par-index-view-evidence.c: PDF documents attached to a PAR Index item: chosen, dropped on the pane or on a row
 *
 * The files are kept in a worker (par-evidence-attach.c); the links are
 * made here, where the assessment lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-attach.h"
#include "par-index-view-private.h"
#include "par-row-drop.h"

/* Links to @target (a ParCriteriaNode) unless the user moved on to another
 * set or unit meanwhile. */
static gboolean
link_to_item (GObject  *owner,
              GObject  *target,
              gint64    document_id,
              GError  **error)
{
  ParIndexView *self = PAR_INDEX_VIEW (owner);
  ParCriteriaNode *node = PAR_CRITERIA_NODE (target);

  if (self->assessment == NULL
      || par_criteria_set_find_node_by_id (self->set, par_criteria_node_get_id (node)) != node)
    return FALSE;
  return par_assessment_link_document (self->assessment, node, document_id, error);
}

/* What the toast says: "“qd.pdf” attached to item 1.2" or "3 documents
 * attached to item 1.2". */
static char *
describe_item (GObject    *target,
               const char *name,
               guint       n_linked)
{
  const char *code = par_criteria_node_get_code (PAR_CRITERIA_NODE (target));

  if (name != NULL)
    /* Translators: a toast: a file name, then the code of a PAR Index item, e.g. 1.2 */
    return g_strdup_printf (_("“%s” attached to item %s"), name, code);
  /* Translators: a toast: a number of files, then the code of a PAR Index item, e.g. 1.2 */
  return g_strdup_printf (ngettext ("%u document attached to item %s", "%u documents attached to item %s",
                                    n_linked),
                          n_linked, code);
}

static void
item_linked (GObject *owner,
             GObject *target,
             guint    n_linked)
{
  ParIndexView *self = PAR_INDEX_VIEW (owner);
  ParScoreRow *row = g_hash_table_lookup (self->rows, target);

  if (row != NULL && n_linked > 0)
    par_index_view_refresh_path (row);
  if (par_item_pane_get_row (self->side_box) != NULL)
    par_index_view_update_side_pane (self);
}

static const ParAttachFuncs item_funcs = { link_to_item, describe_item, item_linked };

/* Keeps @paths, in a worker, and links them to @row's item. The one way
 * files reach an item: the file dialog, a drop on the side pane, a drop
 * on the item's row in the tree. */
static void
attach_paths_to_row (ParIndexView *self,
                     ParScoreRow  *row,
                     GPtrArray    *paths)
{
  if (row == NULL || self->database == NULL)
    return;
  par_evidence_attach_files (self->context, paths, G_OBJECT (self), G_OBJECT (par_score_row_get_node (row)),
                             &item_funcs, self->cancellable);
}

/* Keeps @paths as evidence of the selected item: what the file dialog
 * and a drop on the item pane call. */
void
par_index_view_attach_paths (GPtrArray *paths,
                             gpointer   owner)
{
  ParIndexView *self = PAR_INDEX_VIEW (owner);

  attach_paths_to_row (self, par_item_pane_get_row (self->side_box), paths);
}

/* Keeps @paths as evidence of the selected item (as dropping them does). */
void
par_index_view_attach_files (ParIndexView *self,
                             GPtrArray    *paths)
{
  g_return_if_fail (PAR_IS_INDEX_VIEW (self));
  par_index_view_attach_paths (paths, self);
}

/* Every row of a loaded assessment takes files. */
static gboolean
row_accepts (GObject  *owner,
             gpointer  item)
{
  return PAR_INDEX_VIEW (owner)->assessment != NULL;
}

static void
row_dropped (GObject   *owner,
             gpointer   item,
             GPtrArray *paths)
{
  attach_paths_to_row (PAR_INDEX_VIEW (owner), PAR_SCORE_ROW (item), paths);
}

/* Files dragged over the tree go to the item of the row under the pointer. */
void
par_index_view_accept_drop_on_rows (ParIndexView *self)
{
  par_row_drop_accept (self->score_view, G_OBJECT (self), row_accepts, row_dropped);
}
