/* par-plans.c: the reform plans of a PAR Desk file, their tasks and progress
 *
 * A plan belongs to one unit and one year; its tasks keep what was recorded
 * (progress, completion, cancellation), each with its date. Every change is
 * one transaction, written to the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-plans-private.h"

#define PLAN_COLUMNS \
  "p.id, p.unit_id, u.code, p.year, p.title, (SELECT count (*) FROM task t WHERE t.plan_id = p.id)"

#define TASK_COLUMNS \
  "t.id, t.plan_id, p.year, t.code, t.title, t.area, t.output, t.deadline_kind, t.deadline," \
  " coalesce (t.deadline_quarter, 0), t.completed_on, t.cancelled_on, t.cancel_note, coalesce (t.carried_from, 0)"

/* The title a plan gets when none is given. */
char *
par_plans_default_title (int year)
{
  return g_strdup_printf (_("Annual reform plan %d"), year);
}

static ParPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  return par_plan_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 3),
                       (const char *) sqlite3_column_text (stmt, 4), (guint) sqlite3_column_int (stmt, 5));
}

/* The id of the unit's plan for @year; 0 if it has none, -1 on an error. */
gint64
par_plans_find_id (ParDatabase  *db,
                   gint64        unit_id,
                   int           year,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = par_database_prepare (db, "SELECT id FROM plan WHERE unit_id = ? AND year = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  par_database_set_error (db, error);
  return -1;
}

/* Inserts a plan inside the caller's transaction; its id, or 0. */
gint64
par_plans_insert (ParDatabase  *db,
                  gint64        unit_id,
                  int           year,
                  const char   *title,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (title != NULL ? title : ""));
  gint64 id;

  if (year < PAR_PLAN_MIN_YEAR || year > PAR_PLAN_MAX_YEAR)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A plan’s year is from %d to %d."), PAR_PLAN_MIN_YEAR, PAR_PLAN_MAX_YEAR);
      return 0;
    }
  if (*clean == '\0')
    {
      g_free (clean);
      clean = par_plans_default_title (year);
    }
  stmt = par_database_prepare (db, "INSERT INTO plan (unit_id, year, title) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, year);
  par_sqlite_bind_text (stmt, 3, clean);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int code = sqlite3_extended_errcode (par_database_get_handle (db));

      if (code == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                     _("The unit already has a plan for %d."), year);
      else if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("The unit no longer exists."));
      else
        par_database_set_error (db, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  if (!par_database_audit (db, "plan", id, "created", NULL, clean, error))
    return 0;
  return id;
}

/* Creates the unit's plan for @year, titled @title (NULL or empty: the
 * default title); its id, or 0 with @error set. One plan a unit and year. */
gint64
par_plans_create (ParDatabase  *db,
                  gint64        unit_id,
                  int           year,
                  const char   *title,
                  GError      **error)
{
  gint64 id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);

  if (!par_database_begin (db, error))
    return 0;
  id = par_plans_insert (db, unit_id, year, title, error);
  if (id == 0 || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return 0;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return id;
}

/* Every plan, by year then unit code. */
GPtrArray *
par_plans_list (ParDatabase  *db,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT " PLAN_COLUMNS " FROM plan p JOIN org_unit u ON u.id = p.unit_id"
                                   " ORDER BY p.year, u.code, p.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plans, plan_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}

ParPlan *
par_plans_get (ParDatabase  *db,
               gint64        plan_id,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT " PLAN_COLUMNS " FROM plan p JOIN org_unit u ON u.id = p.unit_id"
                                   " WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return plan_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no plan with id %lld."), (long long) plan_id);
  else
    par_database_set_error (db, error);
  return NULL;
}

/* The codes of the plan's tasks, as a set of strings. */
GHashTable *
par_plans_load_codes (ParDatabase  *db,
                      gint64        plan_id,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  stmt = par_database_prepare (db, "SELECT code FROM task WHERE plan_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (codes, par_sqlite_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&codes);
}

/* What can be told wrong in a spec without the file. */
static gboolean
validate_spec (const ParTaskSpec  *spec,
               GError            **error)
{
  g_autofree char *title = g_strstrip (g_strdup (spec->title != NULL ? spec->title : ""));

  if (*title == '\0' || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("Enter the task’s title."));
      return FALSE;
    }
  if (spec->area >= PAR_N_AREAS || spec->deadline_kind >= PAR_N_DEADLINE_KINDS
      || (spec->deadline_kind == PAR_DEADLINE_DATE && !g_date_valid (&spec->deadline_date))
      || (spec->deadline_kind == PAR_DEADLINE_QUARTER
          && (spec->deadline_quarter < 1 || spec->deadline_quarter > 4)))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("Give the task a deadline: a date, a quarter from 1 to 4, or ongoing."));
      return FALSE;
    }
  if (spec->lead_id == 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("Choose the lead unit."));
      return FALSE;
    }
  for (guint i = 0; i < spec->n_coordinating; i++)
    for (guint j = 0; j <= i; j++)
      {
        gint64 other = j < i ? spec->coordinating_ids[j] : spec->lead_id;

        if (spec->coordinating_ids[i] == other)
          {
            g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                         _("A unit is named twice: a task has one lead unit, and each coordinating unit once."));
            return FALSE;
          }
      }
  return TRUE;
}

static gboolean
insert_task_unit (ParDatabase  *db,
                  gint64        task_id,
                  gint64        unit_id,
                  gboolean      lead,
                  guint         position,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (db, "INSERT INTO task_unit (task_id, unit_id, role, position) VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  par_sqlite_bind_text (stmt, 3, lead ? "lead" : "coordinating");
  sqlite3_bind_int (stmt, 4, (int) position);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  if (sqlite3_extended_errcode (par_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND, _("The unit no longer exists."));
  else
    par_database_set_error (db, error);
  return FALSE;
}

/* The spec's code, trimmed, or the default code when it has none; NULL
 * (@error set) if the plan already uses it. Adds it to @taken. */
static char *
take_code (const ParTaskSpec  *spec,
           GHashTable         *taken,
           GError            **error)
{
  char *code = g_strstrip (g_strdup (spec->code != NULL ? spec->code : ""));

  if (*code == '\0')
    {
      g_free (code);
      code = par_plan_default_code (spec->area, taken);
    }
  else if (g_hash_table_contains (taken, code))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("The plan already has a task with code “%s”."), code);
      g_free (code);
      return NULL;
    }
  g_hash_table_add (taken, g_strdup (code));
  return code;
}

static sqlite3_stmt *
prepare_task_insert (ParDatabase  *db,
                     GError      **error)
{
  return par_database_prepare (db,
                               "INSERT INTO task (plan_id, position, code, area, title, output, deadline_kind,"
                               " deadline, deadline_quarter, carried_from)"
                               " VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM task WHERE plan_id = ?1),"
                               "  ?2, ?3, ?4, ?5, ?6, ?7, ?8, nullif (?9, 0))",
                               error);
}

/* Inserts a task at the end of the plan, inside the caller's transaction;
 * its id, or 0. @taken: the plan's codes, the new one added. */
gint64
par_plans_insert_task (ParDatabase        *db,
                       gint64              plan_id,
                       const ParTaskSpec  *spec,
                       gint64              carried_from,
                       GHashTable         *taken,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *output = NULL;
  g_autofree char *deadline = NULL;
  gint64 id;

  if (!validate_spec (spec, error) || (code = take_code (spec, taken, error)) == NULL
      || (stmt = prepare_task_insert (db, error)) == NULL)
    return 0;
  title = g_strstrip (g_strdup (spec->title));
  output = g_strstrip (g_strdup (spec->output != NULL ? spec->output : ""));
  deadline = spec->deadline_kind == PAR_DEADLINE_DATE ? par_plan_format_date (&spec->deadline_date) : g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, plan_id);
  par_sqlite_bind_text (stmt, 2, code);
  par_sqlite_bind_text (stmt, 3, par_area_to_string (spec->area));
  par_sqlite_bind_text (stmt, 4, title);
  par_sqlite_bind_text (stmt, 5, output);
  par_sqlite_bind_text (stmt, 6, par_deadline_kind_to_string (spec->deadline_kind));
  par_sqlite_bind_text (stmt, 7, deadline);
  if (spec->deadline_kind == PAR_DEADLINE_QUARTER)
    sqlite3_bind_int (stmt, 8, spec->deadline_quarter);
  sqlite3_bind_int64 (stmt, 9, carried_from);
  if (!par_database_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  if (!insert_task_unit (db, id, spec->lead_id, TRUE, 0, error))
    return 0;
  for (guint i = 0; i < spec->n_coordinating; i++)
    if (!insert_task_unit (db, id, spec->coordinating_ids[i], FALSE, i + 1, error))
      return 0;
  if (!par_database_audit (db, "task", id, "created", NULL, code, error))
    return 0;
  return id;
}

/* Adds a task at the end of the plan; its id, or 0 with @error set:
 * INVALID for a spec that cannot be, NOT_FOUND for a plan or unit the file
 * does not hold, REFUSED for a code the plan uses or a unit named twice. */
gint64
par_plans_add_task (ParDatabase        *db,
                    gint64              plan_id,
                    const ParTaskSpec  *spec,
                    GError            **error)
{
  g_autoptr(ParPlan) plan = NULL;
  g_autoptr(GHashTable) taken = NULL;
  gint64 id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!validate_spec (spec, error) || !par_database_begin (db, error))
    return 0;
  plan = par_plans_get (db, plan_id, error);
  if (plan != NULL)
    taken = par_plans_load_codes (db, plan_id, error);
  id = taken != NULL ? par_plans_insert_task (db, plan_id, spec, 0, taken, error) : 0;
  if (id == 0 || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return 0;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return id;
}

static ParTask *
task_from_row (sqlite3_stmt *stmt)
{
  ParArea area = PAR_AREA_DIRECTION;
  ParDeadlineKind kind = PAR_DEADLINE_ONGOING;
  ParTask *task;
  GDate date, done, cancelled;

  par_area_from_string ((const char *) sqlite3_column_text (stmt, 5), &area);
  par_deadline_kind_from_string ((const char *) sqlite3_column_text (stmt, 7), &kind);
  task = par_task_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                       sqlite3_column_int (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                       (const char *) sqlite3_column_text (stmt, 4), area,
                       (const char *) sqlite3_column_text (stmt, 6));
  par_plan_date_from_iso ((const char *) sqlite3_column_text (stmt, 8), &date);
  /* A date deadline the file holds badly reads as ongoing rather than as no deadline. */
  if (kind == PAR_DEADLINE_DATE && !g_date_valid (&date))
    kind = PAR_DEADLINE_ONGOING;
  if (kind == PAR_DEADLINE_QUARTER && (sqlite3_column_int (stmt, 9) < 1 || sqlite3_column_int (stmt, 9) > 4))
    kind = PAR_DEADLINE_ONGOING;
  par_task_set_deadline (task, kind, &date, sqlite3_column_int (stmt, 9));
  par_plan_date_from_iso ((const char *) sqlite3_column_text (stmt, 10), &done);
  par_task_set_completed (task, &done);
  par_plan_date_from_iso ((const char *) sqlite3_column_text (stmt, 11), &cancelled);
  par_task_set_cancelled (task, &cancelled, (const char *) sqlite3_column_text (stmt, 12));
  par_task_set_carried_from (task, sqlite3_column_int64 (stmt, 13));
  return task;
}

/* Adds to the tasks of @by_id their units, lead first, then the
 * coordinating ones in order, for the rows @where selects ("t.plan_id = ?1"
 * or "t.id = ?1"). */
static gboolean
load_task_units (ParDatabase  *db,
                 const char   *where,
                 gint64        key,
                 GHashTable   *by_id,
                 GError      **error)
{
  g_autofree char *sql = g_strconcat ("SELECT tu.task_id, tu.unit_id, u.code, tu.role = 'lead'"
                                      " FROM task_unit tu JOIN task t ON t.id = tu.task_id"
                                      " JOIN org_unit u ON u.id = tu.unit_id WHERE ", where,
                                      " ORDER BY tu.task_id, tu.role <> 'lead', tu.position", NULL);
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParTask *task = g_hash_table_lookup (by_id, &(gint64) { sqlite3_column_int64 (stmt, 0) });

      if (task != NULL)
        par_task_add_unit (task, sqlite3_column_int64 (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
                           sqlite3_column_int (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Adds to the tasks of @by_id their progress entries (see load_task_units()). */
static gboolean
load_task_progress (ParDatabase  *db,
                    const char   *where,
                    gint64        key,
                    GHashTable   *by_id,
                    GError      **error)
{
  g_autofree char *sql = g_strconcat ("SELECT e.task_id, e.id, e.entry_date, e.percent, e.note, e.recorded_by"
                                      " FROM progress_entry e JOIN task t ON t.id = e.task_id WHERE ", where,
                                      " ORDER BY e.task_id, e.entry_date, e.id", NULL);
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParTask *task = g_hash_table_lookup (by_id, &(gint64) { sqlite3_column_int64 (stmt, 0) });
      GDate date;

      if (task != NULL && par_plan_date_from_iso ((const char *) sqlite3_column_text (stmt, 2), &date))
        par_task_add_progress (task, sqlite3_column_int64 (stmt, 1), &date,
                               (guint) CLAMP (sqlite3_column_int (stmt, 3), 0, 100),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
load_tasks (ParDatabase  *db,
            const char   *where,
            gint64        key,
            GError      **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " TASK_COLUMNS " FROM task t JOIN plan p ON p.id = t.plan_id WHERE ",
                                      where, " ORDER BY t.position, t.id", NULL);
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, task_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { par_task_get_id (task) }, sizeof (gint64)), task);
    }
  if (tasks->len > 0 && (!load_task_units (db, where, key, by_id, error)
                         || !load_task_progress (db, where, key, by_id, error)))
    return NULL;
  return g_steal_pointer (&tasks);
}

/* The plan's tasks in plan order, with their units and progress; NOT_FOUND
 * for a plan the file does not hold. */
GPtrArray *
par_plans_list_tasks (ParDatabase  *db,
                      gint64        plan_id,
                      GError      **error)
{
  g_autoptr(ParPlan) plan = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  plan = par_plans_get (db, plan_id, error);
  if (plan == NULL)
    return NULL;
  return load_tasks (db, "t.plan_id = ?1", plan_id, error);
}

ParTask *
par_plans_get_task (ParDatabase  *db,
                    gint64        task_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  tasks = load_tasks (db, "t.id = ?1", task_id, error);
  if (tasks == NULL)
    return NULL;
  if (tasks->len == 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("There is no task with id %lld."), (long long) task_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (tasks, 0));
}

/* The task, loaded inside the caller's transaction, if it is still open:
 * neither completed nor cancelled, whatever the dates. */
static ParTask *
get_open_task (ParDatabase  *db,
               gint64        task_id,
               GError      **error)
{
  g_autoptr(ParTask) task = par_plans_get_task (db, task_id, error);
  GDate date;

  if (task == NULL)
    return NULL;
  if (par_task_get_completed (task, &date) || par_task_get_cancelled (task, &date))
    {
      g_autofree char *day = par_plan_format_date (&date);

      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   par_task_get_completed (task, NULL) ? _("Task %s was completed on %s.")
                                                       : _("Task %s was cancelled on %s."),
                   par_task_get_code (task), day);
      return NULL;
    }
  return g_steal_pointer (&task);
}

/* Who records progress: the user's full name, else the login name. */
static const char *
recorder_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

static gboolean
insert_progress (ParDatabase  *db,
                 gint64        task_id,
                 const char   *day,
                 guint         percent,
                 const char   *note,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_autofree char *audit = g_strdup_printf ("%s %u%%", day, percent);

  stmt = par_database_prepare (db,
                               "INSERT INTO progress_entry (task_id, entry_date, percent, note, recorded_by,"
                               " recorded_at) VALUES (?, ?, ?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  par_sqlite_bind_text (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, (int) percent);
  par_sqlite_bind_text (stmt, 4, clean);
  par_sqlite_bind_text (stmt, 5, recorder_name ());
  return par_database_step_done (db, stmt, error)
         && par_database_audit (db, "task", task_id, "progress", NULL, audit, error);
}

/* What par_plans_record_progress(), _complete_task() and _cancel_task()
 * share: one transaction on an open task. */
static gboolean
change_open_task (ParDatabase  *db,
                  gint64        task_id,
                  const GDate  *date,
                  guint         percent,
                  gboolean      cancel,
                  const char   *note,
                  GError      **error)
{
  g_autoptr(ParTask) task = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (percent <= 100, FALSE);

  day = par_plan_format_date (date);
  if (!par_database_begin (db, error))
    return FALSE;
  task = get_open_task (db, task_id, error);
  ok = task != NULL;
  if (ok && !cancel)
    ok = insert_progress (db, task_id, day, percent, note, error);
  if (ok && (cancel || percent == 100))
    {
      stmt = par_database_prepare (db, cancel ? "UPDATE task SET cancelled_on = ?1, cancel_note = ?2 WHERE id = ?3"
                                              : "UPDATE task SET completed_on = ?1 WHERE id = ?3", error);
      ok = stmt != NULL;
      if (ok)
        {
          g_autofree char *clean = g_strstrip (g_strdup (note != NULL ? note : ""));

          par_sqlite_bind_text (stmt, 1, day);
          if (cancel)
            par_sqlite_bind_text (stmt, 2, clean);
          sqlite3_bind_int64 (stmt, 3, task_id);
          ok = par_database_step_done (db, stmt, error)
               && par_database_audit (db, "task", task_id, cancel ? "cancelled_on" : "completed_on", NULL, day, error);
        }
    }
  if (!ok || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return TRUE;
}

/* Records that the task reached @percent on @date; 100 completes it on
 * that date. A completed or cancelled task is refused, whatever the dates. */
gboolean
par_plans_record_progress (ParDatabase  *db,
                           gint64        task_id,
                           const GDate  *date,
                           guint         percent,
                           const char   *note,
                           GError      **error)
{
  if (percent > 100)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A percent is a whole number from 0 to 100."));
      return FALSE;
    }
  return change_open_task (db, task_id, date, percent, FALSE, note, error);
}

/* Records that the task was completed on @date: its percent is 100 from then. */
gboolean
par_plans_complete_task (ParDatabase  *db,
                         gint64        task_id,
                         const GDate  *date,
                         const char   *note,
                         GError      **error)
{
  return change_open_task (db, task_id, date, 100, FALSE, note, error);
}

/* Cancels the task from @date on. */
gboolean
par_plans_cancel_task (ParDatabase  *db,
                       gint64        task_id,
                       const GDate  *date,
                       const char   *note,
                       GError      **error)
{
  return change_open_task (db, task_id, date, 0, TRUE, note, error);
}

static gboolean
update_task_row (ParDatabase        *db,
                 gint64              task_id,
                 const char         *code,
                 const ParTaskSpec  *spec,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strstrip (g_strdup (spec->title));
  g_autofree char *output = g_strstrip (g_strdup (spec->output != NULL ? spec->output : ""));
  g_autofree char *deadline = spec->deadline_kind == PAR_DEADLINE_DATE ? par_plan_format_date (&spec->deadline_date)
                                                                        : g_strdup ("");

  stmt = par_database_prepare (db,
                               "UPDATE task SET code = ?2, area = ?3, title = ?4, output = ?5, deadline_kind = ?6,"
                               " deadline = ?7, deadline_quarter = ?8 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  par_sqlite_bind_text (stmt, 2, code);
  par_sqlite_bind_text (stmt, 3, par_area_to_string (spec->area));
  par_sqlite_bind_text (stmt, 4, title);
  par_sqlite_bind_text (stmt, 5, output);
  par_sqlite_bind_text (stmt, 6, par_deadline_kind_to_string (spec->deadline_kind));
  par_sqlite_bind_text (stmt, 7, deadline);
  if (spec->deadline_kind == PAR_DEADLINE_QUARTER)
    sqlite3_bind_int (stmt, 8, spec->deadline_quarter);
  return par_database_step_done (db, stmt, error);
}

static gboolean
replace_task_units (ParDatabase        *db,
                    gint64              task_id,
                    const ParTaskSpec  *spec,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "DELETE FROM task_unit WHERE task_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  if (!par_database_step_done (db, stmt, error) || !insert_task_unit (db, task_id, spec->lead_id, TRUE, 0, error))
    return FALSE;
  for (guint i = 0; i < spec->n_coordinating; i++)
    if (!insert_task_unit (db, task_id, spec->coordinating_ids[i], FALSE, i + 1, error))
      return FALSE;
  return TRUE;
}

/* Changes what a task is: its code (NULL or "": the default code, as for a
 * new task, unless it keeps its own), title, area, output, deadline and
 * units, as par_plans_add_task() takes them. Its place in the plan, its
 * progress, completion and cancellation stay. The same errors as
 * par_plans_add_task(); NOT_FOUND for a task the file does not hold. */
gboolean
par_plans_update_task (ParDatabase        *db,
                       gint64              task_id,
                       const ParTaskSpec  *spec,
                       GError            **error)
{
  g_autoptr(ParTask) task = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *code = NULL;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!validate_spec (spec, error) || !par_database_begin (db, error))
    return FALSE;
  task = par_plans_get_task (db, task_id, error);
  if (task != NULL)
    taken = par_plans_load_codes (db, par_task_get_plan_id (task), error);
  if (taken != NULL)
    {
      /* Its own code is not taken by another task. */
      g_hash_table_remove (taken, par_task_get_code (task));
      if ((spec->code == NULL || *spec->code == '\0') && par_task_get_area (task) == spec->area)
        code = g_strdup (par_task_get_code (task));
      else
        code = take_code (spec, taken, error);
    }
  ok = code != NULL && update_task_row (db, task_id, code, spec, error) && replace_task_units (db, task_id, spec, error)
       && par_database_audit (db, "task", task_id, "edited", par_task_get_code (task), code, error);
  if (!ok || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return TRUE;
}
