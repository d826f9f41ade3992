/* par-evidence-links.c: documents made evidence of items, plan tasks, inspections and recommendations
 *
 * Above both the evidence store and the assessments: linking a document to
 * an item goes through the item's assessment (so that its links are
 * written and audited in one place), and an item's documents are read from
 * the store; neither side needs the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-evidence-links.h"

/* The assessment an item link belongs to, with the item in its set. */
static ParAssessment *
load_item (ParDatabase      *db,
           ParLinkTarget    *target,
           ParCriteriaNode **node,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  gint64 unit_id;
  int rc;

  stmt = par_database_prepare (db, "SELECT set_id, unit_id FROM assessment WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, par_link_target_get_assessment_id (target));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("That unit’s self-assessment is no longer in the file."));
      else
        par_database_set_error (db, error);
      return NULL;
    }
  set = par_criteria_set_load (db, sqlite3_column_int64 (stmt, 0), error);
  unit_id = sqlite3_column_int64 (stmt, 1);
  if (set == NULL)
    return NULL;
  *node = par_criteria_set_find_node_by_id (set, par_link_target_get_node_id (target));
  if (*node == NULL)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("That item is no longer in its criteria set."));
      return NULL;
    }
  return par_assessment_load (db, set, unit_id, error);
}

/* The column, audit entity and message of a link that is not an item's. */
typedef struct
{
  const char *column;
  const char *entity;
  const char *gone;
} OtherKind;

static OtherKind
other_kind (ParLinkTarget *target,
            gint64        *target_id)
{
  switch (par_link_target_get_kind (target))
    {
    case PAR_LINK_TARGET_TASK:
      *target_id = par_link_target_get_task_id (target);
      return (OtherKind) { "task_id", "task", _("The document or the task is no longer in the file.") };
    case PAR_LINK_TARGET_RECOMMENDATION:
      *target_id = par_link_target_get_recommendation_id (target);
      return (OtherKind) { "recommendation_id", "recommendation",
                           _("The document or the recommendation is no longer in the file.") };
    case PAR_LINK_TARGET_INSPECTION:
    case PAR_LINK_TARGET_ITEM:
    default:
      *target_id = par_link_target_get_inspection_id (target);
      return (OtherKind) { "inspection_id", "inspection",
                           _("The document or the inspection is no longer in the file.") };
    }
}

/* Links or unlinks a task, an inspection or a recommendation, with its
 * entry in the audit log. */
static gboolean
write_other_link (ParDatabase    *db,
                  gint64          document_id,
                  ParLinkTarget  *target,
                  gboolean        link,
                  GError        **error)
{
  gint64 target_id = 0;
  OtherKind kind = other_kind (target, &target_id);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = g_strdup_printf ("%lld", (long long) document_id);
  g_autofree char *sql = NULL;

  /* The column is one of three fixed names, never from the caller. */
  if (link)
    sql = g_strdup_printf ("INSERT INTO evidence_link (document_id, %s) SELECT ?1, ?2 WHERE NOT EXISTS"
                           " (SELECT 1 FROM evidence_link WHERE document_id = ?1 AND %s = ?2)",
                           kind.column, kind.column);
  else
    sql = g_strdup_printf ("DELETE FROM evidence_link WHERE document_id = ?1 AND %s = ?2", kind.column);
  if (!par_database_begin (db, error))
    return FALSE;
  stmt = par_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, target_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (par_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND, kind.gone);
      else
        par_database_set_error (db, error);
      goto fail;
    }
  if ((sqlite3_changes (par_database_get_handle (db)) > 0
       && !par_database_audit (db, kind.entity, target_id, "evidence",
                               link ? NULL : value, link ? value : NULL, error))
      || !par_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  par_database_rollback (db);
  return FALSE;
}

static gboolean
write_link (ParDatabase    *db,
            gint64          document_id,
            ParLinkTarget  *target,
            gboolean        link,
            GError        **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PAR_IS_LINK_TARGET (target), FALSE);

  if (par_link_target_get_kind (target) == PAR_LINK_TARGET_ITEM)
    {
      g_autoptr(ParAssessment) assessment = NULL;
      ParCriteriaNode *node = NULL;

      /* Through the assessment, so that an item's links are written and
       * audited in one place whoever makes them. */
      assessment = load_item (db, target, &node, error);
      if (assessment == NULL
          || !(link ? par_assessment_link_document (assessment, node, document_id, error)
                    : par_assessment_unlink_document (assessment, node, document_id, error)))
        return FALSE;
    }
  else if (!write_other_link (db, document_id, target, link, error))
    return FALSE;
  /* For views that hold links of their own (the PAR Index's counts). */
  par_database_emit_changed (db, PAR_CHANGE_LINKS);
  return TRUE;
}

/* Makes @document_id evidence of @target: an item, a task, an inspection or a
 * recommendation
 * (nothing happens if it already is). Audited like every edit. */
gboolean
par_evidence_link (ParDatabase    *db,
                   gint64          document_id,
                   ParLinkTarget  *target,
                   GError        **error)
{
  return write_link (db, document_id, target, TRUE, error);
}

/* Undoes par_evidence_link(); the document stays kept. */
gboolean
par_evidence_unlink (ParDatabase    *db,
                     gint64          document_id,
                     ParLinkTarget  *target,
                     GError        **error)
{
  return write_link (db, document_id, target, FALSE, error);
}


/* The documents whose ids @stmt's first column gives, in its order. */
static GPtrArray *
collect_documents (ParDatabase   *db,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParEvidenceDocument *document = par_evidence_get (db, sqlite3_column_int64 (stmt, 0), error);

      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&documents);
}

/* The documents linked to @node for the unit of @assessment, oldest issue
 * first. */
GPtrArray *
par_evidence_list_linked (ParAssessment    *assessment,
                          ParCriteriaNode  *node,
                          GError          **error)
{
  g_autoptr(ParLinkTarget) target = NULL;

  g_return_val_if_fail (PAR_IS_ASSESSMENT (assessment), NULL);

  if (par_assessment_get_id (assessment) == 0 || par_assessment_get_evidence_count (assessment, node) == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  target = par_link_target_new_item (par_assessment_get_id (assessment), par_criteria_node_get_id (node));
  return par_evidence_list_for_target (par_assessment_get_database (assessment), target, error);
}

/* The documents linked to @target (an item, a plan task, an inspection or a recommendation),
 * oldest issue first; none for a target that is not in the file. */
GPtrArray *
par_evidence_list_for_target (ParDatabase    *db,
                              ParLinkTarget  *target,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ParLinkTargetKind kind;
  const char *sql;
  gint64 id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PAR_IS_LINK_TARGET (target), NULL);

  /* One query per kind, so that each uses its index. */
  kind = par_link_target_get_kind (target);
  switch (kind)
    {
    case PAR_LINK_TARGET_ITEM:
      sql = "SELECT document_id FROM evidence_link l JOIN evidence_document d"
            " ON d.id = l.document_id WHERE l.assessment_id = ?1 AND l.node_id = ?2 ORDER BY d.doc_date, d.id";
      id = par_link_target_get_assessment_id (target);
      break;
    case PAR_LINK_TARGET_TASK:
      sql = "SELECT document_id FROM evidence_link l JOIN evidence_document d"
            " ON d.id = l.document_id WHERE l.task_id = ?1 ORDER BY d.doc_date, d.id";
      id = par_link_target_get_task_id (target);
      break;
    case PAR_LINK_TARGET_RECOMMENDATION:
      sql = "SELECT document_id FROM evidence_link l JOIN evidence_document d"
            " ON d.id = l.document_id WHERE l.recommendation_id = ?1 ORDER BY d.doc_date, d.id";
      id = par_link_target_get_recommendation_id (target);
      break;
    case PAR_LINK_TARGET_INSPECTION:
    default:
      sql = "SELECT document_id FROM evidence_link l JOIN evidence_document d"
            " ON d.id = l.document_id WHERE l.inspection_id = ?1 ORDER BY d.doc_date, d.id";
      id = par_link_target_get_inspection_id (target);
      break;
    }
  stmt = par_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (kind == PAR_LINK_TARGET_ITEM)
    sqlite3_bind_int64 (stmt, 2, par_link_target_get_node_id (target));
  return collect_documents (db, stmt, error);
}
