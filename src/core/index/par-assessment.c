/* par-assessment.c: one unit's scores against one criteria set, with exact totals
 *
 * Every node keeps its subtree's sums and counts. An edit recomputes the
 * edited node and its ancestors only (and, for "not applicable", the
 * subtree it hides), never the whole tree; the totals are the sums of the
 * areas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-assessment.h"
#include "par-database-private.h"
#include "par-points.h"

typedef struct
{
  /* entered */
  gboolean has_self;
  gboolean has_appraised;
  gint64   self_milli;
  gint64   appraised_milli;
  gboolean marked_na;
  char    *explanation;
  guint    evidence_count;

  /* derived, for the subtree */
  ParSubtotal subtotal;
  guint    n_items;
  guint    n_scored;
  gint64   na_max;      /* maxima taken out of the denominator */
  gint64   survey_max;  /* maxima of applicable survey items */
} NodeState;

struct _ParAssessment
{
  GObject         parent_instance;

  ParDatabase    *db;
  ParCriteriaSet *set;
  gint64          unit_id;
  gint64          id;       /* 0 until the first score is written */
  gboolean        in_batch; /* writes join the caller's transaction */
  NodeState      *states;   /* by node index, in tree order */
  GHashTable     *index;    /* ParCriteriaNode → index + 1 */
};

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

static NodeState *
state_of (ParAssessment   *self,
          ParCriteriaNode *node)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, node));

  /* Every node of the set has a state: a miss is a programming error. */
  g_assert (index > 0);
  return &self->states[index - 1];
}

static gboolean
under_marked_na (ParAssessment   *self,
                 ParCriteriaNode *node)
{
  for (ParCriteriaNode *p = par_criteria_node_get_parent (node); p != NULL; p = par_criteria_node_get_parent (p))
    if (state_of (self, p)->marked_na)
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
static void
compute_node (ParAssessment   *self,
              ParCriteriaNode *node,
              gboolean         hidden)
{
  NodeState *state = state_of (self, node);
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
      NodeState *c = state_of (self, child);

      state->n_items += c->n_items;
      state->n_scored += c->n_scored;
      state->na_max += c->na_max;
      state->survey_max += c->survey_max;
      add_to_sum (sub, child, &c->subtotal);
    }
}

static void
compute_subtree (ParAssessment   *self,
                 ParCriteriaNode *node,
                 gboolean         hidden)
{
  GPtrArray *children = par_criteria_node_get_children (node);
  gboolean hide_children = hidden || state_of (self, node)->marked_na;

  for (guint i = 0; i < children->len; i++)
    compute_subtree (self, g_ptr_array_index (children, i), hide_children);
  compute_node (self, node, hidden);
}

static void
compute_ancestors (ParAssessment   *self,
                   ParCriteriaNode *node)
{
  for (ParCriteriaNode *p = par_criteria_node_get_parent (node); p != NULL; p = par_criteria_node_get_parent (p))
    compute_node (self, p, under_marked_na (self, p));
}

static gboolean load_evidence_counts (ParAssessment  *self,
                                      GError        **error);

static gboolean
load_scores (ParAssessment  *self,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = par_database_prepare (self->db,
                               "SELECT a.id, s.node_id, s.self_milli, s.appraised_milli, s.not_applicable,"
                               " s.explanation FROM assessment a LEFT JOIN score s ON s.assessment_id = a.id"
                               " WHERE a.set_id = ? AND a.unit_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, par_criteria_set_get_id (self->set));
  sqlite3_bind_int64 (stmt, 2, self->unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParCriteriaNode *node;
      NodeState *state;

      self->id = sqlite3_column_int64 (stmt, 0);
      node = par_criteria_set_find_node_by_id (self->set, sqlite3_column_int64 (stmt, 1));
      if (node == NULL)
        continue;
      state = state_of (self, node);
      state->has_self = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      state->self_milli = sqlite3_column_int64 (stmt, 2);
      state->has_appraised = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      state->appraised_milli = sqlite3_column_int64 (stmt, 3);
      state->marked_na = sqlite3_column_int (stmt, 4);
      state->explanation = par_sqlite_column_dup (stmt, 5);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (self->db, error);
      return FALSE;
    }
  return load_evidence_counts (self, error);
}

/* How many documents each item has, read again. */
static gboolean
load_evidence_counts (ParAssessment  *self,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = par_criteria_set_get_n_nodes (self->set);
  int rc;

  for (guint i = 0; i < n; i++)
    self->states[i].evidence_count = 0;
  if (self->id == 0)
    return TRUE;
  stmt = par_database_prepare (self->db,
                               "SELECT node_id, count(*) FROM evidence_link WHERE assessment_id = ?"
                               " GROUP BY node_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParCriteriaNode *node = par_criteria_set_find_node_by_id (self->set, sqlite3_column_int64 (stmt, 0));

      if (node != NULL)
        state_of (self, node)->evidence_count = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* The scores of @unit_id in @set (a set loaded with its nodes). A unit not
 * yet scored has an empty assessment, written on its first score. */
ParAssessment *
par_assessment_load (ParDatabase     *db,
                     ParCriteriaSet  *set,
                     gint64           unit_id,
                     GError         **error)
{
  g_autoptr(ParAssessment) self = NULL;
  GPtrArray *roots;
  guint n;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (set), NULL);

  self = g_object_new (PAR_TYPE_ASSESSMENT, NULL);
  self->db = g_object_ref (db);
  self->set = g_object_ref (set);
  self->unit_id = unit_id;
  n = par_criteria_set_get_n_nodes (set);
  self->states = g_new0 (NodeState, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->index, par_criteria_set_get_node (set, i), GUINT_TO_POINTER (i + 1));

  if (!load_scores (self, error))
    return NULL;
  roots = par_criteria_set_get_roots (set);
  for (guint i = 0; i < roots->len; i++)
    compute_subtree (self, g_ptr_array_index (roots, i), FALSE);
  return g_steal_pointer (&self);
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
  *subtotal = state_of (self, node)->subtotal;
}

gboolean
par_assessment_is_marked_not_applicable (ParAssessment   *self,
                                         ParCriteriaNode *node)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  return state_of (self, node)->marked_na;
}

const char *
par_assessment_get_explanation (ParAssessment   *self,
                                ParCriteriaNode *node)
{
  const char *text;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), NULL);
  text = state_of (self, node)->explanation;
  return text != NULL ? text : "";
}

guint
par_assessment_get_evidence_count (ParAssessment   *self,
                                   ParCriteriaNode *node)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), 0);
  return state_of (self, node)->evidence_count;
}

/* An item scored above zero needs evidence or, failing that, an
 * explanation (giải trình). */
ParItemStatus
par_assessment_get_status (ParAssessment   *self,
                           ParCriteriaNode *node)
{
  NodeState *state;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), PAR_ITEM_UNSCORED);
  state = state_of (self, node);
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
      NodeState *state = state_of (self, root);

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

/* The assessment row, created with the first score. */
static gboolean
ensure_row (ParAssessment  *self,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->id != 0)
    return TRUE;
  stmt = par_database_prepare (self->db,
                               "INSERT INTO assessment (set_id, unit_id) VALUES (?, ?)"
                               " ON CONFLICT (set_id, unit_id) DO UPDATE SET set_id = excluded.set_id"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, par_criteria_set_get_id (self->set));
  sqlite3_bind_int64 (stmt, 2, self->unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (sqlite3_extended_errcode (par_database_get_handle (self->db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("The unit or the criteria set no longer exists."));
      else
        par_database_set_error (self->db, error);
      return FALSE;
    }
  self->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* An entry of the item's history. */
static gboolean
audit_item (ParAssessment  *self,
            gint64          node_id,
            const char     *field,
            const char     *old_value,
            const char     *new_value,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) audit = NULL;

  audit = par_database_prepare (self->db,
                                "INSERT INTO audit_log (actor, entity, entity_id, assessment_id, field,"
                                " old_value, new_value) VALUES (?, 'score', ?, ?, ?, ?, ?)",
                                error);
  if (audit == NULL)
    return FALSE;
  par_sqlite_bind_text (audit, 1, g_get_user_name ());
  sqlite3_bind_int64 (audit, 2, node_id);
  sqlite3_bind_int64 (audit, 3, self->id);
  par_sqlite_bind_text (audit, 4, field);
  if (old_value != NULL)
    par_sqlite_bind_text (audit, 5, old_value);
  if (new_value != NULL)
    par_sqlite_bind_text (audit, 6, new_value);
  return par_database_step_done (self->db, audit, error);
}

static char *
points_or_null (gboolean has,
                gint64   milli)
{
  return has ? g_strdup_printf ("%" G_GINT64_FORMAT, milli) : NULL;
}

/* Writes one column of the item's score row and its audit entry, in one
 * transaction. @sql sets the column from ?3. */
static gboolean
write_score (ParAssessment   *self,
             ParCriteriaNode *node,
             const char      *column,
             const char      *field,
             const char      *old_value,
             const char      *new_value,
             void           (*bind) (sqlite3_stmt *stmt, gpointer data),
             gpointer         data,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 node_id = par_criteria_node_get_id (node);

  if (!self->in_batch && !par_database_begin (self->db, error))
    return FALSE;
  if (!ensure_row (self, error))
    goto fail;

  sql = g_strdup_printf ("INSERT INTO score (assessment_id, node_id, %s) VALUES (?1, ?2, ?3)"
                         " ON CONFLICT (assessment_id, node_id) DO UPDATE SET %s = excluded.%s,"
                         " updated_at = strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')",
                         column, column, column);
  stmt = par_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, node_id);
  bind (stmt, data);
  if (!par_database_step_done (self->db, stmt, error))
    goto fail;

  if (!audit_item (self, node_id, field, old_value, new_value, error)
      || (!self->in_batch && !par_database_commit (self->db, error)))
    goto fail;
  return TRUE;

fail:
  if (!self->in_batch)
    par_database_rollback (self->db);
  return FALSE;
}

typedef struct
{
  gboolean clear;
  gint64   value;
} PointsValue;

static void
bind_points (sqlite3_stmt *stmt,
             gpointer      data)
{
  PointsValue *value = data;

  if (value->clear)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, value->value);
}

static void
bind_int (sqlite3_stmt *stmt,
          gpointer      data)
{
  sqlite3_bind_int (stmt, 3, GPOINTER_TO_INT (data));
}

static void
bind_text (sqlite3_stmt *stmt,
           gpointer      data)
{
  par_sqlite_bind_text (stmt, 3, data);
}

/* Sets (or with @clear, removes) the self-score or appraised score of an
 * item. A value the item's method does not allow is refused and nothing
 * is written. */
gboolean
par_assessment_set_score (ParAssessment    *self,
                          ParCriteriaNode  *node,
                          ParScoreKind      kind,
                          gboolean          clear,
                          gint64            value_milli,
                          GError          **error)
{
  NodeState *state;
  gboolean appraised = kind == PAR_SCORE_APPRAISED;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  PointsValue value = { clear, value_milli };

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  state = state_of (self, node);
  if (!clear && !par_criteria_node_check_value (node, appraised, value_milli, error))
    return FALSE;
  if (clear && !par_criteria_node_is_leaf (node))
    return par_criteria_node_check_value (node, appraised, 0, error);

  old_value = appraised ? points_or_null (state->has_appraised, state->appraised_milli)
                        : points_or_null (state->has_self, state->self_milli);
  new_value = points_or_null (!clear, value_milli);
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  if (!write_score (self, node, appraised ? "appraised_milli" : "self_milli", appraised ? "appraised" : "self",
                    old_value, new_value, bind_points, &value, error))
    return FALSE;

  if (appraised)
    {
      state->has_appraised = !clear;
      state->appraised_milli = clear ? 0 : value_milli;
    }
  else
    {
      state->has_self = !clear;
      state->self_milli = clear ? 0 : value_milli;
    }
  compute_node (self, node, under_marked_na (self, node));
  compute_ancestors (self, node);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;
}

/* Marks a node not applicable for this unit (only where the set allows
 * it): its maximum leaves the denominator of the percentage. */
gboolean
par_assessment_set_not_applicable (ParAssessment   *self,
                                   ParCriteriaNode *node,
                                   gboolean         not_applicable,
                                   GError         **error)
{
  NodeState *state;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  state = state_of (self, node);
  if (not_applicable && !par_criteria_node_get_applicable_optional (node))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s applies to every unit; the criteria set does not allow marking it not applicable"),
                   par_criteria_node_get_code (node));
      return FALSE;
    }
  if (state->marked_na == !!not_applicable)
    return TRUE;
  if (!write_score (self, node, "not_applicable", "not-applicable", state->marked_na ? "1" : "0",
                    not_applicable ? "1" : "0", bind_int, GINT_TO_POINTER (!!not_applicable), error))
    return FALSE;

  state->marked_na = !!not_applicable;
  compute_subtree (self, node, under_marked_na (self, node));
  compute_ancestors (self, node);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;
}

gboolean
par_assessment_set_explanation (ParAssessment    *self,
                                ParCriteriaNode  *node,
                                const char       *explanation,
                                GError          **error)
{
  NodeState *state;
  g_autofree char *clean = g_strstrip (g_strdup (explanation != NULL ? explanation : ""));

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  state = state_of (self, node);
  if (!g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("The explanation is not valid text."));
      return FALSE;
    }
  if (g_strcmp0 (state->explanation != NULL ? state->explanation : "", clean) == 0)
    return TRUE;
  if (!write_score (self, node, "explanation", "explanation", state->explanation, clean, bind_text, clean, error))
    return FALSE;
  g_free (state->explanation);
  state->explanation = g_steal_pointer (&clean);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;
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
  ParCriteriaSet *source_set;
  g_autoptr(GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *roots;
  gboolean ok = TRUE;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_ASSESSMENT (source), FALSE);

  source_set = source->set;
  if (!par_database_begin (self->db, error))
    return FALSE;
  self->in_batch = TRUE;

  for (guint i = 0; ok && i < par_criteria_set_get_n_nodes (self->set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (self->set, i);
      ParCriteriaNode *old = par_criteria_set_find_node (source_set, par_criteria_node_get_code (node));
      NodeState *state = state_of (self, node);
      NodeState *old_state = old != NULL ? state_of (source, old) : NULL;

      if (old == NULL)
        {
          if (par_criteria_node_is_leaf (node))
            g_ptr_array_add (unmatched, g_strdup (par_criteria_node_get_code (node)));
          continue;
        }
      if (old_state->marked_na && par_criteria_node_get_applicable_optional (node) && !state->marked_na)
        {
          ok = write_score (self, node, "not_applicable", "not-applicable", "0", "1", bind_int,
                            GINT_TO_POINTER (1), error);
          state->marked_na = TRUE;
        }
      if (ok && par_criteria_node_is_leaf (node) && old_state->has_self
          && par_criteria_node_get_method (node) != PAR_METHOD_SURVEY)
        {
          if (par_criteria_node_check_value (node, FALSE, old_state->self_milli, NULL))
            {
              PointsValue value = { FALSE, old_state->self_milli };
              g_autofree char *old_value = points_or_null (state->has_self, state->self_milli);
              g_autofree char *new_value = points_or_null (TRUE, old_state->self_milli);

              ok = write_score (self, node, "self_milli", "self", old_value, new_value, bind_points, &value, error);
              state->has_self = TRUE;
              state->self_milli = old_state->self_milli;
            }
          else
            g_ptr_array_add (unmatched, g_strdup (par_criteria_node_get_code (node)));
        }
      if (ok && old_state->explanation != NULL && *old_state->explanation != '\0')
        {
          ok = write_score (self, node, "explanation", "explanation", state->explanation, old_state->explanation,
                            bind_text, old_state->explanation, error);
          g_free (state->explanation);
          state->explanation = g_strdup (old_state->explanation);
        }
    }

  self->in_batch = FALSE;
  if (!ok || !par_database_commit (self->db, error))
    {
      par_database_rollback (self->db);
      /* Back to what the file holds. */
      for (guint i = 0; i < par_criteria_set_get_n_nodes (self->set); i++)
        g_clear_pointer (&self->states[i].explanation, g_free);
      memset (self->states, 0, sizeof (NodeState) * par_criteria_set_get_n_nodes (self->set));
      self->id = 0;
      load_scores (self, NULL);
      ok = FALSE;
    }

  roots = par_criteria_set_get_roots (self->set);
  for (guint i = 0; i < roots->len; i++)
    compute_subtree (self, g_ptr_array_index (roots, i), FALSE);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < par_criteria_set_get_n_nodes (source_set); i++)
    {
      ParCriteriaNode *old = par_criteria_set_get_node (source_set, i);
      NodeState *old_state = state_of (source, old);

      if (par_criteria_node_is_leaf (old) && (old_state->has_self || old_state->marked_na)
          && par_criteria_set_find_node (self->set, par_criteria_node_get_code (old)) == NULL)
        g_ptr_array_add (dropped, g_strdup (par_criteria_node_get_code (old)));
    }
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  if (new_items != NULL)
    *new_items = g_steal_pointer (&unmatched);
  if (dropped_items != NULL)
    *dropped_items = g_steal_pointer (&dropped);
  return TRUE;
}

/* Links a kept document to an item as its evidence (nothing happens if it
 * already is). */
gboolean
par_assessment_link_document (ParAssessment    *self,
                              ParCriteriaNode  *node,
                              gint64            document_id,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = NULL;
  int changes;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  if (!par_database_begin (self->db, error))
    return FALSE;
  if (!ensure_row (self, error))
    goto fail;
  stmt = par_database_prepare (self->db,
                               "INSERT INTO evidence_link (document_id, assessment_id, node_id)"
                               " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM evidence_link"
                               "  WHERE document_id = ?1 AND assessment_id = ?2 AND node_id = ?3)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, self->id);
  sqlite3_bind_int64 (stmt, 3, par_criteria_node_get_id (node));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (par_database_get_handle (self->db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("There is no document with id %lld."), (long long) document_id);
      else
        par_database_set_error (self->db, error);
      goto fail;
    }
  changes = sqlite3_changes (par_database_get_handle (self->db));
  value = g_strdup_printf ("%lld", (long long) document_id);
  if ((changes > 0
       && !audit_item (self, par_criteria_node_get_id (node), "evidence", NULL, value, error))
      || !par_database_commit (self->db, error))
    goto fail;
  state_of (self, node)->evidence_count += changes;
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;

fail:
  par_database_rollback (self->db);
  return FALSE;
}

/* Unlinks a document from the item; the document stays kept. */
gboolean
par_assessment_unlink_document (ParAssessment    *self,
                                ParCriteriaNode  *node,
                                gint64            document_id,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = g_strdup_printf ("%lld", (long long) document_id);
  int changes;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  if (self->id == 0)
    return TRUE;
  stmt = par_database_prepare (self->db,
                               "DELETE FROM evidence_link WHERE document_id = ? AND assessment_id = ? AND node_id = ?",
                               error);
  if (stmt == NULL || !par_database_begin (self->db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, self->id);
  sqlite3_bind_int64 (stmt, 3, par_criteria_node_get_id (node));
  if (!par_database_step_done (self->db, stmt, error))
    goto fail;
  changes = sqlite3_changes (par_database_get_handle (self->db));
  if ((changes > 0 && !audit_item (self, par_criteria_node_get_id (node), "evidence", value, NULL, error))
      || !par_database_commit (self->db, error))
    goto fail;
  state_of (self, node)->evidence_count -= MIN ((guint) changes, state_of (self, node)->evidence_count);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;

fail:
  par_database_rollback (self->db);
  return FALSE;
}

/* Reads the items' document counts again, after links made elsewhere (by
 * par_evidence_link(), which emits "links" on the database). The assessment
 * may have been created there meanwhile. */
gboolean
par_assessment_reload_evidence (ParAssessment  *self,
                                GError        **error)
{
  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);

  if (self->id == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = par_database_prepare (self->db,
                                                           "SELECT id FROM assessment WHERE set_id = ? AND unit_id = ?",
                                                           error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, par_criteria_set_get_id (self->set));
      sqlite3_bind_int64 (stmt, 2, self->unit_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        self->id = sqlite3_column_int64 (stmt, 0);
    }
  return load_evidence_counts (self, error);
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
