/* par-directory.c: the units and staff of a PAR Desk file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-directory.h"

#define UNIT_COLUMNS \
  "u.id, coalesce (u.parent_id, 0), u.code, u.name, u.level," \
  " (SELECT count(*) FROM org_unit c WHERE c.parent_id = u.id)"

static ParUnit *
unit_from_row (sqlite3_stmt *stmt)
{
  ParUnitLevel level = PAR_UNIT_LEVEL_OFFICE;
  ParUnit *unit;

  par_unit_level_from_string ((const char *) sqlite3_column_text (stmt, 4), &level);
  unit = par_unit_new (sqlite3_column_int64 (stmt, 0),
                       sqlite3_column_int64 (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3),
                       level);
  par_unit_set_n_children (unit, sqlite3_column_int (stmt, 5));
  return unit;
}

static GPtrArray *
collect_units (ParDatabase  *db,
               sqlite3_stmt *stmt,
               GError      **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

/* The units directly under @parent_id (PAR_DIRECTORY_ROOT for the top),
 * in their order. */
GPtrArray *
par_directory_list_units (ParDatabase  *db,
                          gint64        parent_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT " UNIT_COLUMNS " FROM org_unit u"
                               " WHERE coalesce (u.parent_id, 0) = ?"
                               " ORDER BY u.position, u.code",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  return collect_units (db, stmt, error);
}

/* Every unit, parents before children, siblings in their order. */
GPtrArray *
par_directory_list_all_units (ParDatabase  *db,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "WITH RECURSIVE tree (id, sort_key) AS ("
                               "  SELECT id, printf ('%08d.%s', position, code) FROM org_unit"
                               "   WHERE parent_id IS NULL"
                               "  UNION ALL"
                               "  SELECT c.id, tree.sort_key || '/' || printf ('%08d.%s', c.position, c.code)"
                               "   FROM org_unit c JOIN tree ON c.parent_id = tree.id)"
                               " SELECT " UNIT_COLUMNS " FROM tree JOIN org_unit u ON u.id = tree.id"
                               " ORDER BY tree.sort_key",
                               error);
  if (stmt == NULL)
    return NULL;
  return collect_units (db, stmt, error);
}

ParUnit *
par_directory_get_unit (ParDatabase  *db,
                        gint64        unit_id,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT " UNIT_COLUMNS " FROM org_unit u WHERE u.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return unit_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("The unit no longer exists."));
  else
    par_database_set_error (db, error);
  return NULL;
}

ParUnit *
par_directory_find_unit (ParDatabase  *db,
                         const char   *code,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = par_database_prepare (db, "SELECT " UNIT_COLUMNS " FROM org_unit u WHERE u.code = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  par_sqlite_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return unit_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no unit with code “%s”."), code);
  else
    par_database_set_error (db, error);
  return NULL;
}

/* Names end up in tab-separated CLI output and one-line list rows. */
static gboolean
is_single_line (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A unit code is short and typed by hand into the CLI and score sheets:
 * letters, digits and - _ . / only. */
static gboolean
validate_unit (const char  *code,
               const char  *name,
               GError     **error)
{
  if (code == NULL || *code == '\0')
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("Enter a code for the unit."));
      return FALSE;
    }
  if (!g_utf8_validate (code, -1, NULL) || g_utf8_strlen (code, -1) > 32)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A unit code has at most 32 characters."));
      return FALSE;
    }
  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '-' && c != '_' && c != '.' && c != '/')
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                       _("The code “%s” may hold only letters, digits and - _ . /"), code);
          return FALSE;
        }
    }
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("Enter a name for the unit."));
      return FALSE;
    }
  if (!is_single_line (name))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A name must fit on one line, without tabs."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_unit_error (ParDatabase  *db,
                const char   *code,
                GError      **error)
{
  if (sqlite3_extended_errcode (par_database_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                 _("A unit with code “%s” already exists. Choose another code."), code);
  else
    par_database_set_error (db, error);
  return FALSE;
}

/* Returns the new unit's id, or 0 with @error set. */
gint64
par_directory_add_unit (ParDatabase   *db,
                        const char    *code,
                        const char    *name,
                        ParUnitLevel   level,
                        gint64         parent_id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_code = g_strstrip (g_strdup (code != NULL ? code : ""));
  g_autofree char *clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  gint64 id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (level < PAR_N_UNIT_LEVELS, 0);

  if (!validate_unit (clean_code, clean_name, error))
    return 0;

  stmt = par_database_prepare (db,
                               "INSERT INTO org_unit (parent_id, code, name, level, position)"
                               " VALUES (nullif (?1, 0), ?2, ?3, ?4,"
                               "  (SELECT coalesce (max (position) + 1, 0) FROM org_unit"
                               "    WHERE coalesce (parent_id, 0) = ?1))",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  par_sqlite_bind_text (stmt, 2, clean_code);
  par_sqlite_bind_text (stmt, 3, clean_name);
  par_sqlite_bind_text (stmt, 4, par_unit_level_to_string (level));

  if (!par_database_begin (db, error))
    return 0;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (par_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("The parent unit no longer exists."));
      else
        set_unit_error (db, clean_code, error);
      par_database_rollback (db);
      return 0;
    }
  id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  if (!par_database_audit (db, "org_unit", id, "created", NULL, clean_code, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return 0;
    }
  par_database_emit_changed (db, PAR_CHANGE_UNITS);
  return id;
}

gboolean
par_directory_update_unit (ParDatabase   *db,
                           gint64         unit_id,
                           const char    *code,
                           const char    *name,
                           ParUnitLevel   level,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParUnit) old = NULL;
  g_autofree char *clean_code = g_strstrip (g_strdup (code != NULL ? code : ""));
  g_autofree char *clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  gboolean ok = TRUE;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (level < PAR_N_UNIT_LEVELS, FALSE);

  if (!validate_unit (clean_code, clean_name, error))
    return FALSE;
  old = par_directory_get_unit (db, unit_id, error);
  if (old == NULL)
    return FALSE;

  stmt = par_database_prepare (db, "UPDATE org_unit SET code = ?, name = ?, level = ? WHERE id = ?",
                               error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  par_sqlite_bind_text (stmt, 1, clean_code);
  par_sqlite_bind_text (stmt, 2, clean_name);
  par_sqlite_bind_text (stmt, 3, par_unit_level_to_string (level));
  sqlite3_bind_int64 (stmt, 4, unit_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_unit_error (db, clean_code, error);
      par_database_rollback (db);
      return FALSE;
    }

  if (g_strcmp0 (par_unit_get_code (old), clean_code) != 0)
    ok = par_database_audit (db, "org_unit", unit_id, "code", par_unit_get_code (old), clean_code, error);
  if (ok && g_strcmp0 (par_unit_get_name (old), clean_name) != 0)
    ok = par_database_audit (db, "org_unit", unit_id, "name", par_unit_get_name (old), clean_name, error);
  if (ok && par_unit_get_level (old) != level)
    ok = par_database_audit (db, "org_unit", unit_id, "level",
                             par_unit_level_to_string (par_unit_get_level (old)),
                             par_unit_level_to_string (level), error);
  if (!ok || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_UNITS);
  return TRUE;
}

/* Moves a unit (with everything under it) below @new_parent_id, or to the
 * top with PAR_DIRECTORY_ROOT. A unit cannot move below itself. */
gboolean
par_directory_move_unit (ParDatabase  *db,
                         gint64        unit_id,
                         gint64        new_parent_id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) cycle = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autofree char *old_parent = NULL;
  g_autofree char *new_parent = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  unit = par_directory_get_unit (db, unit_id, error);
  if (unit == NULL)
    return FALSE;
  if (par_unit_get_parent_id (unit) == new_parent_id)
    return TRUE;

  if (new_parent_id != PAR_DIRECTORY_ROOT)
    {
      g_autoptr(ParUnit) parent = par_directory_get_unit (db, new_parent_id, error);

      if (parent == NULL)
        return FALSE;
      cycle = par_database_prepare (db,
                                    "WITH RECURSIVE up (id) AS (SELECT ?1 UNION ALL"
                                    " SELECT o.parent_id FROM org_unit o JOIN up ON o.id = up.id"
                                    "  WHERE o.parent_id IS NOT NULL)"
                                    " SELECT count(*) FROM up WHERE id = ?2",
                                    error);
      if (cycle == NULL)
        return FALSE;
      sqlite3_bind_int64 (cycle, 1, new_parent_id);
      sqlite3_bind_int64 (cycle, 2, unit_id);
      if (sqlite3_step (cycle) != SQLITE_ROW)
        {
          par_database_set_error (db, error);
          return FALSE;
        }
      if (sqlite3_column_int (cycle, 0) > 0)
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                       _("“%s” cannot move under “%s”, which is part of it."),
                       par_unit_get_name (unit), par_unit_get_name (parent));
          return FALSE;
        }
    }

  stmt = par_database_prepare (db,
                               "UPDATE org_unit SET parent_id = nullif (?1, 0),"
                               " position = (SELECT coalesce (max (position) + 1, 0) FROM org_unit"
                               "              WHERE coalesce (parent_id, 0) = ?1)"
                               " WHERE id = ?2",
                               error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, new_parent_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  old_parent = g_strdup_printf ("%" G_GINT64_FORMAT, par_unit_get_parent_id (unit));
  new_parent = g_strdup_printf ("%" G_GINT64_FORMAT, new_parent_id);
  if (!par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "org_unit", unit_id, "parent_id", old_parent, new_parent, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_UNITS);
  return TRUE;
}

/* What still refers to a unit, as a sentence for the user; NULL if nothing. */
static char *
describe_unit_references (ParDatabase  *db,
                          gint64        unit_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int n_children, n_staff, n_assessments, n_plans, n_tasks, n_inspections, n_recommendations;

  stmt = par_database_prepare (db,
                               "SELECT (SELECT count(*) FROM org_unit WHERE parent_id = ?1),"
                               " (SELECT count(*) FROM staff WHERE unit_id = ?1),"
                               " (SELECT count(*) FROM assessment WHERE unit_id = ?1),"
                               " (SELECT count(*) FROM plan WHERE unit_id = ?1),"
                               " (SELECT count(*) FROM task_unit WHERE unit_id = ?1),"
                               " (SELECT count(*) FROM inspection WHERE unit_id = ?1),"
                               " (SELECT count(*) FROM recommendation WHERE responsible_unit_id = ?1)",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  n_children = sqlite3_column_int (stmt, 0);
  n_staff = sqlite3_column_int (stmt, 1);
  n_assessments = sqlite3_column_int (stmt, 2);
  n_plans = sqlite3_column_int (stmt, 3);
  n_tasks = sqlite3_column_int (stmt, 4);
  n_inspections = sqlite3_column_int (stmt, 5);
  n_recommendations = sqlite3_column_int (stmt, 6);

  if (n_children > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d sub-unit", "%d sub-units", n_children),
                                             n_children));
  if (n_staff > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d staff member", "%d staff members", n_staff),
                                             n_staff));
  if (n_assessments > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d PAR Index assessment",
                                                       "%d PAR Index assessments", n_assessments),
                                             n_assessments));
  if (n_plans > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d reform plan", "%d reform plans", n_plans),
                                             n_plans));
  if (n_tasks > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d plan task", "%d plan tasks", n_tasks),
                                             n_tasks));
  if (n_inspections > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d inspection", "%d inspections", n_inspections),
                                             n_inspections));
  if (n_recommendations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d recommendation", "%d recommendations",
                                                       n_recommendations),
                                             n_recommendations));
  if (parts->len == 0)
    return g_strdup ("");
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* Deletes a unit that nothing refers to; otherwise refuses and says what
 * still refers to it. */
gboolean
par_directory_delete_unit (ParDatabase  *db,
                           gint64        unit_id,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autofree char *references = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  unit = par_directory_get_unit (db, unit_id, error);
  if (unit == NULL)
    return FALSE;
  references = describe_unit_references (db, unit_id, error);
  if (references == NULL)
    return FALSE;
  if (*references != '\0')
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("“%s” cannot be deleted: it still has %s. Move or delete those first."),
                   par_unit_get_name (unit), references);
      return FALSE;
    }

  stmt = par_database_prepare (db, "DELETE FROM org_unit WHERE id = ?", error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (!par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "org_unit", unit_id, "deleted", par_unit_get_code (unit), NULL, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_UNITS);
  return TRUE;
}

/* The staff of one unit, or of every unit with @unit_id 0, by name. */
GPtrArray *
par_directory_list_staff (ParDatabase  *db,
                          gint64        unit_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT id, unit_id, full_name, title, role FROM staff"
                               " WHERE ?1 = 0 OR unit_id = ?1 ORDER BY role = 'staff', id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParStaffRole role = PAR_STAFF_ROLE_STAFF;

      par_staff_role_from_string ((const char *) sqlite3_column_text (stmt, 4), &role);
      g_ptr_array_add (staff, par_staff_new (sqlite3_column_int64 (stmt, 0),
                                             sqlite3_column_int64 (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             (const char *) sqlite3_column_text (stmt, 3),
                                             role));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&staff);
}

static gboolean
validate_staff (const char  *full_name,
                const char  *title,
                GError     **error)
{
  if (full_name == NULL || *full_name == '\0' || !g_utf8_validate (full_name, -1, NULL))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("Enter the staff member’s full name."));
      return FALSE;
    }
  if (!g_utf8_validate (title, -1, NULL) || !is_single_line (full_name) || !is_single_line (title))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A name must fit on one line, without tabs."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_staff (ParDatabase   *db,
             gint64         staff_id,
             gint64         unit_id,
             const char    *full_name,
             const char    *title,
             ParStaffRole   role,
             gint64        *out_id,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_name = g_strstrip (g_strdup (full_name != NULL ? full_name : ""));
  g_autofree char *clean_title = g_strstrip (g_strdup (title != NULL ? title : ""));

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (role < PAR_N_STAFF_ROLES, FALSE);

  if (!validate_staff (clean_name, clean_title, error))
    return FALSE;

  if (staff_id == 0)
    stmt = par_database_prepare (db,
                                 "INSERT INTO staff (unit_id, full_name, title, role) VALUES (?, ?, ?, ?)",
                                 error);
  else
    stmt = par_database_prepare (db,
                                 "UPDATE staff SET unit_id = ?, full_name = ?, title = ?, role = ?"
                                 " WHERE id = ?",
                                 error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  par_sqlite_bind_text (stmt, 2, clean_name);
  par_sqlite_bind_text (stmt, 3, clean_title);
  par_sqlite_bind_text (stmt, 4, par_staff_role_to_string (role));
  if (staff_id != 0)
    sqlite3_bind_int64 (stmt, 5, staff_id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (par_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("The unit no longer exists."));
      else
        par_database_set_error (db, error);
      par_database_rollback (db);
      return FALSE;
    }
  if (staff_id == 0)
    staff_id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  if (!par_database_audit (db, "staff", staff_id, out_id != NULL ? "created" : "updated",
                           NULL, clean_name, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = staff_id;
  par_database_emit_changed (db, PAR_CHANGE_STAFF);
  return TRUE;
}

/* Returns the new staff member's id, or 0 with @error set. */
gint64
par_directory_add_staff (ParDatabase   *db,
                         gint64         unit_id,
                         const char    *full_name,
                         const char    *title,
                         ParStaffRole   role,
                         GError       **error)
{
  gint64 id = 0;

  if (!write_staff (db, 0, unit_id, full_name, title, role, &id, error))
    return 0;
  return id;
}

gboolean
par_directory_update_staff (ParDatabase   *db,
                            gint64         staff_id,
                            gint64         unit_id,
                            const char    *full_name,
                            const char    *title,
                            ParStaffRole   role,
                            GError       **error)
{
  g_return_val_if_fail (staff_id > 0, FALSE);
  return write_staff (db, staff_id, unit_id, full_name, title, role, NULL, error);
}

/* Deletes a staff member who is on no inspection team. */
gboolean
par_directory_delete_staff (ParDatabase  *db,
                            gint64        staff_id,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  stmt = par_database_prepare (db, "DELETE FROM staff WHERE id = ?", error);
  if (stmt == NULL || !par_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (par_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                     _("This staff member is on an inspection team and cannot be deleted. Remove "
                       "them from the team first."));
      else
        par_database_set_error (db, error);
      par_database_rollback (db);
      return FALSE;
    }
  if (!par_database_audit (db, "staff", staff_id, "deleted", NULL, NULL, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_STAFF);
  return TRUE;
}
