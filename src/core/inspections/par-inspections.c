/* par-inspections.c: inspections read, listed and cancelled, with their teams
 *
 * Planning and changing them, after their clash check, is in
 * par-inspections-write.c; this file is what both it and the check read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-inspections-private.h"
#include "par-plan-rules.h"

#define INSPECTION_COLUMNS \
  "SELECT i.id, i.unit_id, u.code, u.name, i.start_date, i.end_date, i.title, i.scope, i.status" \
  " FROM inspection i JOIN org_unit u ON u.id = i.unit_id"

/* A date column; FALSE (and @date cleared) if the file holds no valid date there. */
gboolean
par_inspections_read_date (sqlite3_stmt *stmt,
                           int           column,
                           GDate        *date)
{
  return par_plan_date_from_iso ((const char *) sqlite3_column_text (stmt, column), date);
}

/* "?4, ?5, ?6": @n numbered parameters of an IN list from @first on (@n at least 1). */
char *
par_inspections_placeholders (guint first,
                              guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, i == 0 ? "?%u" : ", ?%u", first + i);
  return g_string_free (text, FALSE);
}

gboolean
par_inspections_unit_exists (ParDatabase  *db,
                             gint64        unit_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT 1 FROM org_unit WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND, _("The unit is not in the file."));
  return FALSE;
}

/* Every id names a staff member of the file. */
gboolean
par_inspections_check_staff (ParDatabase   *db,
                             const gint64  *staff_ids,
                             guint          n_staff,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT 1 FROM staff WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_staff; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, staff_ids[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                       _("There is no staff member with id %lld."), (long long) staff_ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The team's people exist, each holds one role, and the team has at most
 * one leader and one secretary. */
gboolean
par_inspections_check_team (ParDatabase        *db,
                            const ParTeamSeat  *team,
                            guint               n_team,
                            GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_leaders = 0, n_secretaries = 0;

  for (guint i = 0; i < n_team; i++)
    {
      g_return_val_if_fail (team[i].role < PAR_N_TEAM_ROLES, FALSE);
      for (guint j = 0; j < i; j++)
        if (team[j].staff_id == team[i].staff_id)
          {
            g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                         _("Staff member %lld is named twice in the team: one person holds one role."),
                         (long long) team[i].staff_id);
            return FALSE;
          }
      n_leaders += team[i].role == PAR_TEAM_ROLE_LEADER;
      n_secretaries += team[i].role == PAR_TEAM_ROLE_SECRETARY;
      g_array_append_val (ids, team[i].staff_id);
    }
  if (n_leaders > 1 || n_secretaries > 1)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A team has one leader and one secretary at most."));
      return FALSE;
    }
  return par_inspections_check_staff (db, (const gint64 *) (gpointer) ids->data, ids->len, error);
}

static ParInspection *
inspection_from_row (sqlite3_stmt *stmt)
{
  ParInspection *inspection = g_new0 (ParInspection, 1);

  inspection->id = sqlite3_column_int64 (stmt, 0);
  inspection->unit_id = sqlite3_column_int64 (stmt, 1);
  inspection->unit_code = par_sqlite_column_dup (stmt, 2);
  inspection->unit_name = par_sqlite_column_dup (stmt, 3);
  par_inspections_read_date (stmt, 4, &inspection->first);
  par_inspections_read_date (stmt, 5, &inspection->last);
  inspection->title = par_sqlite_column_dup (stmt, 6);
  inspection->scope = par_sqlite_column_dup (stmt, 7);
  inspection->cancelled = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), "cancelled") == 0;
  inspection->team = g_ptr_array_new_with_free_func ((GDestroyNotify) par_team_member_free);
  return inspection;
}

/* Fills the teams of @inspections (all of them with @inspection_id 0). */
static gboolean
load_teams (ParDatabase  *db,
            GPtrArray    *inspections,
            gint64        inspection_id,
            GError      **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);

      g_hash_table_insert (by_id, &inspection->id, inspection);
    }
  stmt = par_database_prepare (db,
                               "SELECT m.inspection_id, m.staff_id, m.role, s.full_name, s.title, s.email"
                               " FROM inspection_member m JOIN staff s ON s.id = m.staff_id"
                               " WHERE ?1 = 0 OR m.inspection_id = ?1"
                               " ORDER BY m.inspection_id, CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1"
                               " WHEN 'member' THEN 2 ELSE 3 END, m.position, m.staff_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ParInspection *inspection = g_hash_table_lookup (by_id, &id);
      ParTeamMember *member;
      ParTeamRole role;

      if (inspection == NULL || !par_team_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &role))
        continue;
      member = g_new0 (ParTeamMember, 1);
      member->staff_id = sqlite3_column_int64 (stmt, 1);
      member->role = role;
      member->name = par_sqlite_column_dup (stmt, 3);
      member->position = par_sqlite_column_dup (stmt, 4);
      member->email = par_sqlite_column_dup (stmt, 5);
      g_ptr_array_add (inspection->team, member);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The inspections that start in @year (every one with @year 0), by their
 * first day then id, cancelled ones too, each with its team. */
GPtrArray *
par_inspections_list (ParDatabase  *db,
                      int           year,
                      GError      **error)
{
  g_autoptr(GPtrArray) inspections = g_ptr_array_new_with_free_func ((GDestroyNotify) par_inspection_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, INSPECTION_COLUMNS
                               " WHERE ?1 = 0 OR i.start_date BETWEEN ?2 AND ?3 ORDER BY i.start_date, i.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  par_sqlite_bind_text (stmt, 2, from);
  par_sqlite_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (inspections, inspection_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  if (!load_teams (db, inspections, 0, error))
    return NULL;
  return g_steal_pointer (&inspections);
}

/* The inspection with its team, or NULL (PAR_DATABASE_ERROR_NOT_FOUND). */
ParInspection *
par_inspections_get (ParDatabase  *db,
                     gint64        inspection_id,
                     GError      **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) par_inspection_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, INSPECTION_COLUMNS " WHERE i.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("There is no inspection with id %lld."), (long long) inspection_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  g_ptr_array_add (one, inspection_from_row (stmt));
  if (!load_teams (db, one, inspection_id, error))
    return NULL;
  return g_ptr_array_steal_index (one, 0);
}

/* Cancels a planned inspection: it then takes no days and clashes with none. */
gboolean
par_inspections_cancel (ParDatabase  *db,
                        gint64        inspection_id,
                        GError      **error)
{
  g_autoptr(ParInspection) inspection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  inspection = par_inspections_get (db, inspection_id, error);
  if (inspection == NULL)
    return FALSE;
  if (inspection->cancelled)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("Inspection %lld is already cancelled."), (long long) inspection_id);
      return FALSE;
    }
  stmt = par_database_prepare (db, "UPDATE inspection SET status = 'cancelled' WHERE id = ?", error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  if (!par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "inspection", inspection_id, "status", "planned", "cancelled", error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_INSPECTIONS);
  return TRUE;
}
