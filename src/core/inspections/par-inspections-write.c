/* par-inspections-write.c: inspections planned and changed, with their teams, after their clash check
 *
 * An inspection is saved only after its clash check (par-inspection-clashes.c)
 * found nothing, or when the caller forces it; the check and the save run in
 * one transaction, so that no other program slips a clashing one in between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-inspections-private.h"
#include "par-plan-rules.h"

/* The title and days of @spec are acceptable. */
static gboolean
check_spec (const ParInspectionSpec  *spec,
            GError                  **error)
{
  g_autofree char *title = g_strstrip (g_strdup (spec->title != NULL ? spec->title : ""));

  if (*title == '\0' || !g_utf8_validate (title, -1, NULL)
      || (spec->scope != NULL && !g_utf8_validate (spec->scope, -1, NULL)))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("Enter the inspection’s title."));
      return FALSE;
    }
  if (!g_date_valid (&spec->first) || !g_date_valid (&spec->last) || g_date_compare (&spec->first, &spec->last) > 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("The last day of an inspection cannot come before its first day."));
      return FALSE;
    }
  if (g_date_get_year (&spec->first) < PAR_INSPECTION_MIN_YEAR || g_date_get_year (&spec->last) > PAR_INSPECTION_MAX_YEAR)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("An inspection’s days fall in the years %d to %d."), PAR_INSPECTION_MIN_YEAR,
                   PAR_INSPECTION_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_team (ParDatabase             *db,
             gint64                   inspection_id,
             const ParInspectionSpec *spec,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint position[PAR_N_TEAM_ROLES] = { 0 };

  stmt = par_database_prepare (db, "INSERT INTO inspection_member (inspection_id, staff_id, role, position)"
                                   " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < spec->n_team; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, inspection_id);
      sqlite3_bind_int64 (stmt, 2, spec->team[i].staff_id);
      par_sqlite_bind_text (stmt, 3, par_team_role_to_string (spec->team[i].role));
      sqlite3_bind_int (stmt, 4, (int) position[spec->team[i].role]++);
      if (!par_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_inspection (ParDatabase             *db,
                   const ParInspectionSpec *spec,
                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = par_plan_format_date (&spec->first);
  g_autofree char *last = par_plan_format_date (&spec->last);
  g_autofree char *title = g_strstrip (g_strdup (spec->title));
  g_autofree char *scope = g_strstrip (g_strdup (spec->scope != NULL ? spec->scope : ""));
  gint64 id;

  stmt = par_database_prepare (db, "INSERT INTO inspection (unit_id, year, title, scope, start_date, end_date,"
                                   " status) VALUES (?, ?, ?, ?, ?, ?, 'planned')", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, spec->unit_id);
  sqlite3_bind_int (stmt, 2, g_date_get_year (&spec->first));
  par_sqlite_bind_text (stmt, 3, title);
  par_sqlite_bind_text (stmt, 4, scope);
  par_sqlite_bind_text (stmt, 5, first);
  par_sqlite_bind_text (stmt, 6, last);
  if (!par_database_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  if (!insert_team (db, id, spec, error) || !par_database_audit (db, "inspection", id, "created", NULL, title, error))
    return 0;
  return id;
}

/* Plans an inspection: its id, or 0 with @error set. The clashes found go
 * to @clashes (a GPtrArray of ParClash, empty if none; may be NULL). With
 * any and not @force, nothing is saved and @error is
 * PAR_DATABASE_ERROR_REFUSED. */
gint64
par_inspections_add (ParDatabase              *db,
                     const ParInspectionSpec  *spec,
                     gboolean                  force,
                     GPtrArray               **clashes,
                     GError                  **error)
{
  g_autoptr(GPtrArray) found = NULL;
  gint64 id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);

  if (clashes != NULL)
    *clashes = NULL;
  if (!check_spec (spec, error) || !par_database_begin (db, error))
    return 0;
  if (!par_inspections_unit_exists (db, spec->unit_id, error)
      || !par_inspections_check_team (db, spec->team, spec->n_team, error)
      || (found = par_inspections_check (db, spec, 0, error)) == NULL)
    {
      par_database_rollback (db);
      return 0;
    }
  if (found->len > 0 && !force)
    {
      par_database_rollback (db);
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE, "The inspection has %u clash; it was not saved.",
                                "The inspection has %u clashes; it was not saved.", found->len), found->len);
      if (clashes != NULL)
        *clashes = g_steal_pointer (&found);
      return 0;
    }
  id = insert_inspection (db, spec, error);
  if (id == 0 || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return 0;
    }
  if (clashes != NULL)
    *clashes = g_steal_pointer (&found);
  par_database_emit_changed (db, PAR_CHANGE_INSPECTIONS);
  return id;
}

static gboolean
update_inspection (ParDatabase             *db,
                   gint64                   inspection_id,
                   const ParInspectionSpec *spec,
                   const char              *old_title,
                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) team_stmt = NULL;
  g_autofree char *first = par_plan_format_date (&spec->first);
  g_autofree char *last = par_plan_format_date (&spec->last);
  g_autofree char *title = g_strstrip (g_strdup (spec->title));
  g_autofree char *scope = g_strstrip (g_strdup (spec->scope != NULL ? spec->scope : ""));

  stmt = par_database_prepare (db, "UPDATE inspection SET unit_id = ?, year = ?, title = ?, scope = ?,"
                                   " start_date = ?, end_date = ? WHERE id = ?", error);
  team_stmt = par_database_prepare (db, "DELETE FROM inspection_member WHERE inspection_id = ?", error);
  if (stmt == NULL || team_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, spec->unit_id);
  sqlite3_bind_int (stmt, 2, g_date_get_year (&spec->first));
  par_sqlite_bind_text (stmt, 3, title);
  par_sqlite_bind_text (stmt, 4, scope);
  par_sqlite_bind_text (stmt, 5, first);
  par_sqlite_bind_text (stmt, 6, last);
  sqlite3_bind_int64 (stmt, 7, inspection_id);
  sqlite3_bind_int64 (team_stmt, 1, inspection_id);
  return par_database_step_done (db, stmt, error) && par_database_step_done (db, team_stmt, error)
         && insert_team (db, inspection_id, spec, error)
         && par_database_audit (db, "inspection", inspection_id, "edited", old_title, title, error);
}

/* Changes an inspection's unit, days, title, scope and team, with the same
 * clash check as par_inspections_add() (against every other inspection). */
gboolean
par_inspections_update (ParDatabase              *db,
                        gint64                    inspection_id,
                        const ParInspectionSpec  *spec,
                        gboolean                  force,
                        GPtrArray               **clashes,
                        GError                  **error)
{
  g_autoptr(ParInspection) old = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  if (clashes != NULL)
    *clashes = NULL;
  if (!check_spec (spec, error) || !par_database_begin (db, error))
    return FALSE;
  if ((old = par_inspections_get (db, inspection_id, error)) == NULL
      || !par_inspections_unit_exists (db, spec->unit_id, error)
      || !par_inspections_check_team (db, spec->team, spec->n_team, error)
      || (found = par_inspections_check (db, spec, inspection_id, error)) == NULL)
    {
      par_database_rollback (db);
      return FALSE;
    }
  if (found->len > 0 && !force)
    {
      par_database_rollback (db);
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE, "The inspection has %u clash; it was not saved.",
                                "The inspection has %u clashes; it was not saved.", found->len), found->len);
      if (clashes != NULL)
        *clashes = g_steal_pointer (&found);
      return FALSE;
    }
  if (!update_inspection (db, inspection_id, spec, old->title, error) || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  if (clashes != NULL)
    *clashes = g_steal_pointer (&found);
  par_database_emit_changed (db, PAR_CHANGE_INSPECTIONS);
  return TRUE;
}
