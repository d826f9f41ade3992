/* par-assessment.c: one unit's scores against one criteria set, with exact totals
 *
 * Every node keeps its subtree's sums and counts. An edit recomputes the
 * edited node and its ancestors only (and, for "not applicable", the
 * subtree it hides), never the whole tree; the totals are the sums of the
 * areas.
 *
 * Here: the object, what is read of each node and its history. Reading it
 * from the file is in par-assessment-load.c, sums and totals in
 * par-assessment-totals.c, edits in par-assessment-scores.c, starting from
 * another set's scores in par-assessment-copy.c. Each of those uses this
 * file and none is used by it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-assessment-private.h"

G_DEFINE_FINAL_TYPE (ParAssessment, par_assessment, G_TYPE_OBJECT)

void
par_history_entry_free (ParHistoryEntry *entry)
{
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

ParNodeState *
par_assessment_state_of (ParAssessment   *self,
                         ParCriteriaNode *node)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, node));

  /* Every node of the set has a state: a miss is a programming error. */
  g_assert (index > 0);
  return &self->states[index - 1];
}

ParCriteriaSet *
par_assessment_get_set (ParAssessment *self)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), NULL);
  return self->set;
}

gint64
par_assessment_get_unit_id (ParAssessment *self)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), 0);
  return self->unit_id;
}

gint64
par_assessment_get_id (ParAssessment *self)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), 0);
  return self->id;
}

/* The file the assessment is read from and written to. */
ParDatabase *
par_assessment_get_database (ParAssessment *self)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), NULL);
  return self->db;
}

void
par_assessment_get_subtotal (ParAssessment   *self,
                             ParCriteriaNode *node,
                             ParSubtotal     *subtotal)
{
  g_return_if_fail (PAR_IS_ASSESSMENT (self));
  *subtotal = par_assessment_state_of (self, node)->subtotal;
}

gboolean
par_assessment_is_marked_not_applicable (ParAssessment   *self,
                                         ParCriteriaNode *node)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  return par_assessment_state_of (self, node)->marked_na;
}

const char *
par_assessment_get_explanation (ParAssessment   *self,
                                ParCriteriaNode *node)
{
  const char *text;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), NULL);
  text = par_assessment_state_of (self, node)->explanation;
  return text != NULL ? text : "";
}

guint
par_assessment_get_evidence_count (ParAssessment   *self,
                                   ParCriteriaNode *node)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), 0);
  return par_assessment_state_of (self, node)->evidence_count;
}

/* An item scored above zero needs evidence or, failing that, an
 * explanation (giải trình). */
ParItemStatus
par_assessment_get_status (ParAssessment   *self,
                           ParCriteriaNode *node)
{
  ParNodeState *state;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), PAR_ITEM_UNSCORED);
  state = par_assessment_state_of (self, node);
  if (state->subtotal.not_applicable)
    return PAR_ITEM_NOT_APPLICABLE;
  if (!par_criteria_node_is_leaf (node))
    return state->n_scored == state->n_items ? PAR_ITEM_SCORED : PAR_ITEM_UNSCORED;
  if (state->n_scored == 0)
    return PAR_ITEM_UNSCORED;
  if (state->subtotal.has_self && state->subtotal.self_milli > 0 && state->evidence_count == 0
      && (state->explanation == NULL || *state->explanation == '\0'))
    return PAR_ITEM_NEEDS_EXPLANATION;
  return PAR_ITEM_SCORED;
}

/* Every change to the item, newest first. */
GPtrArray *
par_assessment_get_history (ParAssessment    *self,
                            ParCriteriaNode  *node,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) par_history_entry_free);
  int rc;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), NULL);

  if (self->id == 0)
    return g_steal_pointer (&entries);
  stmt = par_database_prepare (self->db,
                               "SELECT at, actor, field, old_value, new_value FROM audit_log"
                               " WHERE entity = 'score' AND assessment_id = ? AND entity_id = ?"
                               " ORDER BY id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, par_criteria_node_get_id (node));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParHistoryEntry *entry = g_new0 (ParHistoryEntry, 1);

      entry->at = par_sqlite_column_dup (stmt, 0);
      entry->actor = par_sqlite_column_dup (stmt, 1);
      entry->field = par_sqlite_column_dup (stmt, 2);
      entry->old_value = sqlite3_column_type (stmt, 3) != SQLITE_NULL ? par_sqlite_column_dup (stmt, 3) : NULL;
      entry->new_value = sqlite3_column_type (stmt, 4) != SQLITE_NULL ? par_sqlite_column_dup (stmt, 4) : NULL;
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static void
par_assessment_finalize (GObject *object)
{
  ParAssessment *self = PAR_ASSESSMENT (object);

  if (self->states != NULL && self->set != NULL)
    for (guint i = 0; i < par_criteria_set_get_n_nodes (self->set); i++)
      g_free (self->states[i].explanation);
  g_free (self->states);
  g_hash_table_unref (self->index);
  g_clear_object (&self->set);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (par_assessment_parent_class)->finalize (object);
}

static void
par_assessment_class_init (ParAssessmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = par_assessment_finalize;
}

static void
par_assessment_init (ParAssessment *self)
{
  self->index = g_hash_table_new (g_direct_hash, g_direct_equal);
}
