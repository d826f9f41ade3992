/* par-assessment-scores.c: editing an assessment: scores, "not applicable", explanations, evidence
 *
 * Every edit is written with its entry in the item's history, in one
 * transaction, and then recomputes what it changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-assessment-private.h"

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

/* Points as the history stores them, or NULL for none. */
char *
par_assessment_points_or_null (gboolean has,
                               gint64   milli)
{
  return has ? g_strdup_printf ("%" G_GINT64_FORMAT, milli) : NULL;
}

/* Writes one column of the item's score row and its audit entry, in one
 * transaction. @sql sets the column from ?3. */
gboolean
par_assessment_write_score (ParAssessment   *self,
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

/* The binders of par_assessment_write_score()'s value, ?3. */
void
par_assessment_bind_points (sqlite3_stmt *stmt,
                            gpointer      data)
{
  ParPointsValue *value = data;

  if (value->clear)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, value->value);
}

void
par_assessment_bind_int (sqlite3_stmt *stmt,
                         gpointer      data)
{
  sqlite3_bind_int (stmt, 3, GPOINTER_TO_INT (data));
}

void
par_assessment_bind_text (sqlite3_stmt *stmt,
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
  ParNodeState *state;
  gboolean appraised = kind == PAR_SCORE_APPRAISED;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  ParPointsValue value = { clear, value_milli };

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  state = par_assessment_state_of (self, node);
  if (!clear && !par_criteria_node_check_value (node, appraised, value_milli, error))
    return FALSE;
  if (clear && !par_criteria_node_is_leaf (node))
    return par_criteria_node_check_value (node, appraised, 0, error);

  old_value = appraised ? par_assessment_points_or_null (state->has_appraised, state->appraised_milli)
                        : par_assessment_points_or_null (state->has_self, state->self_milli);
  new_value = par_assessment_points_or_null (!clear, value_milli);
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  if (!par_assessment_write_score (self, node, appraised ? "appraised_milli" : "self_milli",
                                   appraised ? "appraised" : "self", old_value, new_value,
                                   par_assessment_bind_points, &value, error))
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
  par_assessment_compute_node (self, node, par_assessment_under_marked_na (self, node));
  par_assessment_compute_ancestors (self, node);
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
  ParNodeState *state;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  state = par_assessment_state_of (self, node);
  if (not_applicable && !par_criteria_node_get_applicable_optional (node))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s applies to every unit; the criteria set does not allow marking it not applicable"),
                   par_criteria_node_get_code (node));
      return FALSE;
    }
  if (state->marked_na == !!not_applicable)
    return TRUE;
  if (!par_assessment_write_score (self, node, "not_applicable", "not-applicable",
                                   state->marked_na ? "1" : "0", not_applicable ? "1" : "0",
                                   par_assessment_bind_int, GINT_TO_POINTER (!!not_applicable), error))
    return FALSE;

  state->marked_na = !!not_applicable;
  par_assessment_compute_subtree (self, node, par_assessment_under_marked_na (self, node));
  par_assessment_compute_ancestors (self, node);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;
}

gboolean
par_assessment_set_explanation (ParAssessment    *self,
                                ParCriteriaNode  *node,
                                const char       *explanation,
                                GError          **error)
{
  ParNodeState *state;
  g_autofree char *clean = g_strstrip (g_strdup (explanation != NULL ? explanation : ""));

  g_return_val_if_fail (PAR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (node), FALSE);

  state = par_assessment_state_of (self, node);
  if (!g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("The explanation is not valid text."));
      return FALSE;
    }
  if (g_strcmp0 (state->explanation != NULL ? state->explanation : "", clean) == 0)
    return TRUE;
  if (!par_assessment_write_score (self, node, "explanation", "explanation", state->explanation, clean,
                                   par_assessment_bind_text, clean, error))
    return FALSE;
  g_free (state->explanation);
  state->explanation = g_steal_pointer (&clean);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
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
  par_assessment_state_of (self, node)->evidence_count += changes;
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
  ParNodeState *state;
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
  state = par_assessment_state_of (self, node);
  state->evidence_count -= MIN ((guint) changes, state->evidence_count);
  par_database_emit_changed (self->db, PAR_CHANGE_SCORES);
  return TRUE;

fail:
  par_database_rollback (self->db);
  return FALSE;
}
