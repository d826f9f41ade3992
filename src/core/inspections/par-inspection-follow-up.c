/* par-inspection-follow-up.c: findings and recommendations of inspections, and the closing of recommendations
 *
 * A recommendation's status is never kept: it is worked out as of a date
 * from its deadline and its closing date (par-inspection.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "par-inspection-follow-up.h"
#include "par-inspections-private.h"
#include "par-plan-rules.h"

/* @text trimmed, or NULL (@error set) if it is empty or not UTF-8. */
static char *
clean_text (const char  *text,
            const char  *message,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_set_error_literal (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, message);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
inspection_exists (ParDatabase  *db,
                   gint64        inspection_id,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT 1 FROM inspection WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
               _("There is no inspection with id %lld."), (long long) inspection_id);
  return FALSE;
}

/* Runs @stmt, an INSERT, with its audit entry, in a transaction: the new
 * row's id, or 0. */
static gint64
insert_row (ParDatabase   *db,
            sqlite3_stmt  *stmt,
            const char    *entity,
            const char    *text,
            GError       **error)
{
  gint64 id;

  if (!par_database_begin (db, error))
    return 0;
  if (!par_database_step_done (db, stmt, error))
    {
      par_database_rollback (db);
      return 0;
    }
  id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  if (!par_database_audit (db, entity, id, "created", NULL, text, error) || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return 0;
    }
  par_database_emit_changed (db, PAR_CHANGE_INSPECTIONS);
  return id;
}

/* Records a finding of the inspection; @criterion the PAR Index code it
 * concerns, kept as written, or NULL. Its id, or 0. */
gint64
par_findings_add (ParDatabase  *db,
                  gint64        inspection_id,
                  const char   *text,
                  const char   *criterion,
                  GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *code = g_strstrip (g_strdup (criterion != NULL ? criterion : ""));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);

  clean = clean_text (text, _("Enter what the inspection found."), error);
  if (clean == NULL || !inspection_exists (db, inspection_id, error))
    return 0;
  if (!g_utf8_validate (code, -1, NULL) || strpbrk (code, "\t\r\n") != NULL)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A criterion code fits on one line, without tabs."));
      return 0;
    }
  stmt = par_database_prepare (db, "INSERT INTO finding (inspection_id, position, text, criterion) VALUES"
                                   " (?1, (SELECT count(*) FROM finding WHERE inspection_id = ?1), ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  par_sqlite_bind_text (stmt, 2, clean);
  par_sqlite_bind_text (stmt, 3, code);
  return insert_row (db, stmt, "finding", clean, error);
}

/* The findings of the inspection, by id: a GPtrArray of ParFinding. */
GPtrArray *
par_findings_list (ParDatabase  *db,
                   gint64        inspection_id,
                   GError      **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) par_finding_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (!inspection_exists (db, inspection_id, error))
    return NULL;
  stmt = par_database_prepare (db, "SELECT id, criterion, text FROM finding WHERE inspection_id = ? ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParFinding *finding = g_new0 (ParFinding, 1);

      finding->id = sqlite3_column_int64 (stmt, 0);
      finding->inspection_id = inspection_id;
      finding->criterion = par_sqlite_column_dup (stmt, 1);
      finding->text = par_sqlite_column_dup (stmt, 2);
      g_ptr_array_add (findings, finding);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&findings);
}

/* The finding is one of the inspection's. */
static gboolean
finding_of (ParDatabase  *db,
            gint64        finding_id,
            gint64        inspection_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT inspection_id FROM finding WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("There is no finding with id %lld."), (long long) finding_id);
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) != inspection_id)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("Finding %lld belongs to another inspection."), (long long) finding_id);
      return FALSE;
    }
  return TRUE;
}

/* Records a recommendation to @unit_id, due on @deadline; @finding_id the
 * finding of the same inspection it follows from, or 0. Its id, or 0. */
gint64
par_recommendations_add (ParDatabase  *db,
                         gint64        inspection_id,
                         const char   *text,
                         gint64        unit_id,
                         const GDate  *deadline,
                         gint64        finding_id,
                         GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *deadline_text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), 0);

  clean = clean_text (text, _("Enter the recommendation."), error);
  if (clean == NULL || !inspection_exists (db, inspection_id, error)
      || !par_inspections_unit_exists (db, unit_id, error)
      || (finding_id != 0 && !finding_of (db, finding_id, inspection_id, error)))
    return 0;
  deadline_text = par_plan_format_date (deadline);
  stmt = par_database_prepare (db, "INSERT INTO recommendation (inspection_id, finding_id, text, responsible_unit_id,"
                                   " deadline) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  if (finding_id != 0)
    sqlite3_bind_int64 (stmt, 2, finding_id);
  par_sqlite_bind_text (stmt, 3, clean);
  sqlite3_bind_int64 (stmt, 4, unit_id);
  par_sqlite_bind_text (stmt, 5, deadline_text);
  return insert_row (db, stmt, "recommendation", clean, error);
}

static ParRecommendation *
recommendation_from_row (sqlite3_stmt *stmt)
{
  ParRecommendation *recommendation = g_new0 (ParRecommendation, 1);

  recommendation->id = sqlite3_column_int64 (stmt, 0);
  recommendation->inspection_id = sqlite3_column_int64 (stmt, 1);
  recommendation->finding_id = sqlite3_column_int64 (stmt, 2);
  recommendation->unit_id = sqlite3_column_int64 (stmt, 3);
  recommendation->unit_code = par_sqlite_column_dup (stmt, 4);
  recommendation->unit_name = par_sqlite_column_dup (stmt, 5);
  recommendation->text = par_sqlite_column_dup (stmt, 6);
  par_inspections_read_date (stmt, 7, &recommendation->deadline);
  par_inspections_read_date (stmt, 8, &recommendation->closed_on);
  recommendation->follow_up = par_sqlite_column_dup (stmt, 9);
  return recommendation;
}

/* The recommendations, by id: of one inspection, or of all with
 * @inspection_id 0; to one unit, or to any with @unit_id 0. */
GPtrArray *
par_recommendations_list (ParDatabase  *db,
                          gint64        inspection_id,
                          gint64        unit_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) par_recommendation_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (inspection_id != 0 && !inspection_exists (db, inspection_id, error))
    return NULL;
  stmt = par_database_prepare (db,
                               "SELECT r.id, r.inspection_id, coalesce (r.finding_id, 0),"
                               " coalesce (r.responsible_unit_id, 0), coalesce (u.code, ''), coalesce (u.name, ''),"
                               " r.text, r.deadline, r.closed_on, r.follow_up"
                               " FROM recommendation r LEFT JOIN org_unit u ON u.id = r.responsible_unit_id"
                               " WHERE (?1 = 0 OR r.inspection_id = ?1) AND (?2 = 0 OR r.responsible_unit_id = ?2)"
                               " ORDER BY r.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, recommendation_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Closes the recommendation on @date with @note, the follow-up (kết quả
 * thực hiện; NULL for none). A closed one is refused, whatever the dates. */
gboolean
par_recommendations_close (ParDatabase  *db,
                           gint64        recommendation_id,
                           const GDate  *date,
                           const char   *note,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!g_utf8_validate (clean_note, -1, NULL))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("The note is not valid text."));
      return FALSE;
    }
  find = par_database_prepare (db, "SELECT closed_on FROM recommendation WHERE id = ?", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, recommendation_id);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("There is no recommendation with id %lld."), (long long) recommendation_id);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (find, 0), "") != 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("Recommendation %lld is already closed."), (long long) recommendation_id);
      return FALSE;
    }
  date_text = par_plan_format_date (date);
  stmt = par_database_prepare (db, "UPDATE recommendation SET closed_on = ?, follow_up = ?, status = 'done'"
                                   " WHERE id = ?", error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  par_sqlite_bind_text (stmt, 1, date_text);
  par_sqlite_bind_text (stmt, 2, clean_note);
  sqlite3_bind_int64 (stmt, 3, recommendation_id);
  if (!par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "recommendation", recommendation_id, "closed_on", NULL, date_text, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_INSPECTIONS);
  return TRUE;
}
