/* par-assessment-load.c: an assessment read from the file: its scores, its items' documents, its totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-assessment-private.h"

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
        par_assessment_state_of (self, node)->evidence_count = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
par_assessment_load_scores (ParAssessment  *self,
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
      ParNodeState *state;

      self->id = sqlite3_column_int64 (stmt, 0);
      node = par_criteria_set_find_node_by_id (self->set, sqlite3_column_int64 (stmt, 1));
      if (node == NULL)
        continue;
      state = par_assessment_state_of (self, node);
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

/* The scores of @unit_id in @set (a set loaded with its nodes). A unit not
 * yet scored has an empty assessment, written on its first score. */
ParAssessment *
par_assessment_load (ParDatabase     *db,
                     ParCriteriaSet  *set,
                     gint64           unit_id,
                     GError         **error)
{
  g_autoptr(ParAssessment) self = NULL;
  guint n;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (set), NULL);

  self = g_object_new (PAR_TYPE_ASSESSMENT, NULL);
  self->db = g_object_ref (db);
  self->set = g_object_ref (set);
  self->unit_id = unit_id;
  n = par_criteria_set_get_n_nodes (set);
  self->states = g_new0 (ParNodeState, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->index, par_criteria_set_get_node (set, i), GUINT_TO_POINTER (i + 1));

  if (!par_assessment_load_scores (self, error))
    return NULL;
  par_assessment_compute_all (self);
  return g_steal_pointer (&self);
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
