/* par-assessment-copy.c: starting an assessment from another set's (last year's)
 *
 * What the unit entered is copied item by item, matched by code, in one
 * transaction: a failure leaves the new assessment as the file holds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-assessment-private.h"

/* "Not applicable", where this set allows it. */
static gboolean
copy_not_applicable (ParAssessment    *self,
                     ParCriteriaNode  *node,
                     ParNodeState     *state,
                     ParNodeState     *old_state,
                     GError          **error)
{
  gboolean ok;

  if (!old_state->marked_na || !par_criteria_node_get_applicable_optional (node) || state->marked_na)
    return TRUE;
  ok = par_assessment_write_score (self, node, "not_applicable", "not-applicable", "0", "1",
                                   par_assessment_bind_int, GINT_TO_POINTER (1), error);
  state->marked_na = TRUE;
  return ok;
}

/* An item's self-score; one the item's method here does not allow is
 * left out, and the item listed in @unmatched. Survey items have none. */
static gboolean
copy_self_score (ParAssessment    *self,
                 ParCriteriaNode  *node,
                 ParNodeState     *state,
                 ParNodeState     *old_state,
                 GPtrArray        *unmatched,
                 GError          **error)
{
  ParPointsValue value = { FALSE, old_state->self_milli };
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  gboolean ok;

  if (!par_criteria_node_is_leaf (node) || !old_state->has_self
      || par_criteria_node_get_method (node) == PAR_METHOD_SURVEY)
    return TRUE;
  if (!par_criteria_node_check_value (node, FALSE, old_state->self_milli, NULL))
    {
      g_ptr_array_add (unmatched, g_strdup (par_criteria_node_get_code (node)));
      return TRUE;
    }
  old_value = par_assessment_points_or_null (state->has_self, state->self_milli);
  new_value = par_assessment_points_or_null (TRUE, old_state->self_milli);
  ok = par_assessment_write_score (self, node, "self_milli", "self", old_value, new_value,
                                   par_assessment_bind_points, &value, error);
  state->has_self = TRUE;
  state->self_milli = old_state->self_milli;
  return ok;
}

static gboolean
copy_explanation (ParAssessment    *self,
                  ParCriteriaNode  *node,
                  ParNodeState     *state,
                  ParNodeState     *old_state,
                  GError          **error)
{
  gboolean ok;

  if (old_state->explanation == NULL || *old_state->explanation == '\0')
    return TRUE;
  ok = par_assessment_write_score (self, node, "explanation", "explanation", state->explanation,
                                   old_state->explanation, par_assessment_bind_text, old_state->explanation,
                                   error);
  g_free (state->explanation);
  state->explanation = g_strdup (old_state->explanation);
  return ok;
}

/* Copies to @node what @source holds for the item of the same code; an
 * item @source lacks is listed in @unmatched. */
static gboolean
copy_item (ParAssessment    *self,
           ParAssessment    *source,
           ParCriteriaNode  *node,
           GPtrArray        *unmatched,
           GError          **error)
{
  ParCriteriaNode *old = par_criteria_set_find_node (source->set, par_criteria_node_get_code (node));
  ParNodeState *state = par_assessment_state_of (self, node);
  ParNodeState *old_state;

  if (old == NULL)
    {
      if (par_criteria_node_is_leaf (node))
        g_ptr_array_add (unmatched, g_strdup (par_criteria_node_get_code (node)));
      return TRUE;
    }
  old_state = par_assessment_state_of (source, old);
  return copy_not_applicable (self, node, state, old_state, error)
         && copy_self_score (self, node, state, old_state, unmatched, error)
         && copy_explanation (self, node, state, old_state, error);
}

/* Back to what the file holds, after a copy that was rolled back. */
static void
reload_from_file (ParAssessment *self)
{
  guint n = par_criteria_set_get_n_nodes (self->set);

  for (guint i = 0; i < n; i++)
    g_clear_pointer (&self->states[i].explanation, g_free);
  memset (self->states, 0, sizeof (ParNodeState) * n);
  self->id = 0;
  par_assessment_load_scores (self, NULL);
}

/* The codes of @source's scored items that this set lacks. */
static GPtrArray *
dropped_codes (ParAssessment *self,
               ParAssessment *source)
{
  GPtrArray *dropped = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < par_criteria_set_get_n_nodes (source->set); i++)
    {
      ParCriteriaNode *old = par_criteria_set_get_node (source->set, i);
      ParNodeState *old_state = par_assessment_state_of (source, old);

      if (par_criteria_node_is_leaf (old) && (old_state->has_self || old_state->marked_na)
          && par_criteria_set_find_node (self->set, par_criteria_node_get_code (old)) == NULL)
        g_ptr_array_add (dropped, g_strdup (par_criteria_node_get_code (old)));
    }
  return dropped;
}

/* Starts this (new) assessment from @source, another set's assessment of
 * the same unit: self-scores, "not applicable" and explanations are copied
 * to the items with the same code, all in one transaction. @new_items gets
 * the codes of this set's items that @source lacks (or whose value the
 * new method does not allow); @dropped_items the codes of @source's scored
 * items that this set lacks. */
gboolean
par_assessment_copy_from (ParAssessment  *self,
                          ParAssessment  *source,
                          GPtrArray     **new_items,
                          GPtrArray     **dropped_items,
                          GError        **error)
{
  g_autoptr(GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dropped = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_ASSESSMENT (source), FALSE);

  if (!par_database_begin (self->db, error))
    return FALSE;
  self->in_batch = TRUE;
  for (guint i = 0; ok && i < par_criteria_set_get_n_nodes (self->set); i++)
    ok = copy_item (self, source, par_criteria_set_get_node (self->set, i), unmatched, error);
  self->in_batch = FALSE;

  if (!ok || !par_database_commit (self->db, error))
    {
      par_database_rollback (self->db);
      reload_from_file (self);
      ok = FALSE;
    }
  par_assessment_compute_all (self);
  if (!ok)
    return FALSE;

  dropped = dropped_codes (self, source);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  if (new_items != NULL)
    *new_items = g_steal_pointer (&unmatched);
  if (dropped_items != NULL)
    *dropped_items = g_steal_pointer (&dropped);
  return TRUE;
}
