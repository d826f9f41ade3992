/* par-assessment-totals.c: the sums of an assessment's subtrees, and its totals
 *
 * A parent's points are its children's, a bonus added and a penalty
 * taken off; a node not applicable, or under one, adds nothing and takes
 * its maximum out of the denominator of the percentage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-assessment-private.h"
#include "par-points.h"

/* Whether a node above @node is marked not applicable. */
gboolean
par_assessment_under_marked_na (ParAssessment   *self,
                                ParCriteriaNode *node)
{
  for (ParCriteriaNode *p = par_criteria_node_get_parent (node); p != NULL; p = par_criteria_node_get_parent (p))
    if (par_assessment_state_of (self, p)->marked_na)
      return TRUE;
  return FALSE;
}

/* Adds @part, the subtotal of @node, to @sum: a penalty's points are
 * subtracted, and a node not applicable adds nothing. */
static void
add_to_sum (ParSubtotal       *sum,
            ParCriteriaNode   *node,
            const ParSubtotal *part)
{
  int sign = par_criteria_node_get_method (node) == PAR_METHOD_PENALTY ? -1 : 1;

  if (part->not_applicable)
    return;
  if (part->has_self)
    {
      sum->has_self = TRUE;
      sum->self_milli += sign * part->self_milli;
    }
  if (part->has_appraised)
    {
      sum->has_appraised = TRUE;
      sum->appraised_milli += sign * part->appraised_milli;
    }
}

/* Recomputes one node from what was entered on it and its children's
 * (already current) states. */
void
par_assessment_compute_node (ParAssessment   *self,
                             ParCriteriaNode *node,
                             gboolean         hidden)
{
  ParNodeState *state = par_assessment_state_of (self, node);
  GPtrArray *children = par_criteria_node_get_children (node);
  ParScoringMethod method = par_criteria_node_get_method (node);
  ParSubtotal *sub = &state->subtotal;

  memset (sub, 0, sizeof *sub);
  state->n_items = state->n_scored = 0;
  state->na_max = state->survey_max = 0;

  if (hidden || state->marked_na)
    {
      sub->not_applicable = TRUE;
      if (state->marked_na && !hidden && par_criteria_node_counts_in_max (node))
        state->na_max = par_criteria_node_get_max (node);
      return;
    }

  if (children->len == 0)
    {
      gboolean survey = method == PAR_METHOD_SURVEY;

      sub->has_self = state->has_self && !survey;
      sub->self_milli = sub->has_self ? state->self_milli : 0;
      sub->has_appraised = state->has_appraised;
      sub->appraised_milli = state->has_appraised ? state->appraised_milli : 0;
      state->n_items = 1;
      state->n_scored = survey ? state->has_appraised : state->has_self;
      state->survey_max = survey ? par_criteria_node_get_max (node) : 0;
      return;
    }

  for (guint i = 0; i < children->len; i++)
    {
      ParCriteriaNode *child = g_ptr_array_index (children, i);
      ParNodeState *c = par_assessment_state_of (self, child);

      state->n_items += c->n_items;
      state->n_scored += c->n_scored;
      state->na_max += c->na_max;
      state->survey_max += c->survey_max;
      add_to_sum (sub, child, &c->subtotal);
    }
}

void
par_assessment_compute_subtree (ParAssessment   *self,
                                ParCriteriaNode *node,
                                gboolean         hidden)
{
  GPtrArray *children = par_criteria_node_get_children (node);
  gboolean hide_children = hidden || par_assessment_state_of (self, node)->marked_na;

  for (guint i = 0; i < children->len; i++)
    par_assessment_compute_subtree (self, g_ptr_array_index (children, i), hide_children);
  par_assessment_compute_node (self, node, hidden);
}

void
par_assessment_compute_ancestors (ParAssessment   *self,
                                  ParCriteriaNode *node)
{
  for (ParCriteriaNode *p = par_criteria_node_get_parent (node); p != NULL; p = par_criteria_node_get_parent (p))
    par_assessment_compute_node (self, p, par_assessment_under_marked_na (self, p));
}

/* Recomputes the whole tree, after loading. */
void
par_assessment_compute_all (ParAssessment *self)
{
  GPtrArray *roots = par_criteria_set_get_roots (self->set);

  for (guint i = 0; i < roots->len; i++)
    par_assessment_compute_subtree (self, g_ptr_array_index (roots, i), FALSE);
}

void
par_assessment_get_totals (ParAssessment *self,
                           ParTotals     *totals)
{
  GPtrArray *roots;
  gint64 na_max = 0;
  ParSubtotal sum = { 0 };

  g_return_if_fail (PAR_IS_ASSESSMENT (self));

  memset (totals, 0, sizeof *totals);
  roots = par_criteria_set_get_roots (self->set);
  for (guint i = 0; i < roots->len; i++)
    {
      ParCriteriaNode *root = g_ptr_array_index (roots, i);
      ParNodeState *state = par_assessment_state_of (self, root);

      if (par_criteria_node_counts_in_max (root))
        totals->max_milli += par_criteria_node_get_max (root);
      na_max += state->na_max;
      totals->survey_milli += state->survey_max;
      totals->n_items += state->n_items;
      totals->n_scored += state->n_scored;
      add_to_sum (&sum, root, &state->subtotal);
    }
  totals->has_self = sum.has_self;
  totals->self_milli = sum.self_milli;
  totals->has_appraised = sum.has_appraised;
  totals->appraised_milli = sum.appraised_milli;
  totals->applicable_milli = totals->max_milli - na_max;
  totals->self_percent = par_percent_of (totals->self_milli, totals->applicable_milli - totals->survey_milli);
  totals->appraised_percent = par_percent_of (totals->appraised_milli, totals->applicable_milli);
}
