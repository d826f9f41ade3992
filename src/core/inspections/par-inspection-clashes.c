/* par-inspection-clashes.c: the clash check of an inspection and the search for free days
 *
 * Both read what they need once, with indexed queries on the days an
 * inspection spans (inspection_days, inspection_member_staff), and work in
 * memory: the check of one inspection against a year of 300 others takes a
 * few queries, the free-slot search one query and the year's holidays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-holidays.h"
#include "par-inspections-private.h"
#include "par-plan-rules.h"

#define OVERLAPPING \
  " i.status <> 'cancelled' AND i.id <> ?1 AND i.start_date <= ?2 AND i.end_date >= ?3"

static ParClash *
clash_new (ParClashKind kind)
{
  ParClash *clash = g_new0 (ParClash, 1);

  clash->kind = kind;
  g_date_clear (&clash->first, 1);
  g_date_clear (&clash->last, 1);
  return clash;
}

/* Binds the inspection to leave out and the days to overlap, as OVERLAPPING reads them. */
static void
bind_days (sqlite3_stmt *stmt,
           gint64        inspection_id,
           const GDate  *first,
           const GDate  *last)
{
  g_autofree char *first_text = par_plan_format_date (first);
  g_autofree char *last_text = par_plan_format_date (last);

  sqlite3_bind_int64 (stmt, 1, inspection_id);
  par_sqlite_bind_text (stmt, 2, last_text);
  par_sqlite_bind_text (stmt, 3, first_text);
}

/* The days the row's inspection (its dates at @column) shares with @first
 * to @last, into @clash; FALSE if the file's dates are not valid or share none. */
static gboolean
shared_days (sqlite3_stmt *stmt,
             int           column,
             const GDate  *first,
             const GDate  *last,
             ParClash     *clash)
{
  GDate other_first, other_last;

  if (!par_inspections_read_date (stmt, column, &other_first) || !par_inspections_read_date (stmt, column + 1, &other_last))
    return FALSE;
  clash->first = g_date_compare (&other_first, first) > 0 ? other_first : *first;
  clash->last = g_date_compare (&other_last, last) < 0 ? other_last : *last;
  return g_date_compare (&clash->first, &clash->last) <= 0;
}

/* unit-busy, then member-busy lines, by staff then other inspection. */
static gboolean
add_busy_clashes (ParDatabase             *db,
                  const ParInspectionSpec *spec,
                  gint64                   inspection_id,
                  GPtrArray               *clashes,
                  GError                 **error)
{
  g_autoptr(sqlite3_stmt) unit_stmt = NULL;
  g_autoptr(sqlite3_stmt) member_stmt = NULL;
  /* The list's parameters come after the three of OVERLAPPING. */
  g_autofree char *placeholders = par_inspections_placeholders (4, MAX (spec->n_team, 1));
  g_autofree char *member_sql = NULL;
  int rc;

  unit_stmt = par_database_prepare (db, "SELECT i.id, u.code, i.start_date, i.end_date FROM inspection i"
                                        " JOIN org_unit u ON u.id = i.unit_id WHERE i.unit_id = ?4 AND" OVERLAPPING
                                        " ORDER BY i.id", error);
  if (unit_stmt == NULL)
    return FALSE;
  bind_days (unit_stmt, inspection_id, &spec->first, &spec->last);
  sqlite3_bind_int64 (unit_stmt, 4, spec->unit_id);
  while ((rc = sqlite3_step (unit_stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParClash) clash = clash_new (PAR_CLASH_UNIT_BUSY);

      clash->other_id = sqlite3_column_int64 (unit_stmt, 0);
      clash->unit_code = par_sqlite_column_dup (unit_stmt, 1);
      if (shared_days (unit_stmt, 2, &spec->first, &spec->last, clash))
        g_ptr_array_add (clashes, g_steal_pointer (&clash));
    }
  if (rc != SQLITE_DONE)
    goto failed;
  if (spec->n_team == 0)
    return TRUE;

  member_sql = g_strconcat ("SELECT DISTINCT m.staff_id, i.id, i.start_date, i.end_date FROM inspection_member m"
                            " JOIN inspection i ON i.id = m.inspection_id WHERE m.staff_id IN (", placeholders,
                            ") AND" OVERLAPPING " ORDER BY m.staff_id, i.id", NULL);
  member_stmt = par_database_prepare (db, member_sql, error);
  if (member_stmt == NULL)
    return FALSE;
  bind_days (member_stmt, inspection_id, &spec->first, &spec->last);
  for (guint i = 0; i < spec->n_team; i++)
    sqlite3_bind_int64 (member_stmt, 4 + (int) i, spec->team[i].staff_id);
  while ((rc = sqlite3_step (member_stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParClash) clash = clash_new (PAR_CLASH_MEMBER_BUSY);

      clash->staff_id = sqlite3_column_int64 (member_stmt, 0);
      clash->other_id = sqlite3_column_int64 (member_stmt, 1);
      if (shared_days (member_stmt, 2, &spec->first, &spec->last, clash))
        g_ptr_array_add (clashes, g_steal_pointer (&clash));
    }
  if (rc == SQLITE_DONE)
    return TRUE;
failed:
  par_database_set_error (db, error);
  return FALSE;
}

/* The holidays from @first to @last, by Julian day: the name of each. */
static GHashTable *
load_holidays (ParDatabase  *db,
               const GDate  *first,
               const GDate  *last,
               GError      **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  guint32 from = g_date_get_julian (first), to = g_date_get_julian (last);

  for (int year = g_date_get_year (first); year <= g_date_get_year (last); year++)
    {
      g_autoptr(GPtrArray) holidays = NULL;

      if (year < PAR_INSPECTION_MIN_YEAR || year > PAR_INSPECTION_MAX_YEAR)
        continue;
      holidays = par_holidays_list (db, year, error);
      if (holidays == NULL)
        return NULL;
      for (guint i = 0; i < holidays->len; i++)
        {
          ParHoliday *holiday = g_ptr_array_index (holidays, i);
          guint32 julian;

          if (!g_date_valid (&holiday->date))
            continue;
          julian = g_date_get_julian (&holiday->date);
          if (julian >= from && julian <= to && !g_hash_table_contains (days, GUINT_TO_POINTER (julian)))
            g_hash_table_insert (days, GUINT_TO_POINTER (julian), g_strdup (holiday->name));
        }
    }
  return g_steal_pointer (&days);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

/* holiday lines, then weekend lines, each by date. */
static gboolean
add_calendar_clashes (ParDatabase             *db,
                      const ParInspectionSpec *spec,
                      GPtrArray               *clashes,
                      GError                 **error)
{
  g_autoptr(GHashTable) holidays = load_holidays (db, &spec->first, &spec->last, error);
  guint32 from = g_date_get_julian (&spec->first), to = g_date_get_julian (&spec->last);

  if (holidays == NULL)
    return FALSE;
  for (int pass = 0; pass < 2; pass++)
    for (guint32 julian = from; julian <= to; julian++)
      {
        const char *name = g_hash_table_lookup (holidays, GUINT_TO_POINTER (julian));
        ParClash *clash;
        GDate day;

        g_date_clear (&day, 1);
        g_date_set_julian (&day, julian);
        if (pass == 0 ? name == NULL : name != NULL || !is_weekend (&day))
          continue;
        clash = clash_new (pass == 0 ? PAR_CLASH_HOLIDAY : PAR_CLASH_WEEKEND);
        clash->first = clash->last = day;
        clash->name = g_strdup (name);
        g_ptr_array_add (clashes, clash);
      }
  return TRUE;
}

/* The clashes of @spec against every inspection but @inspection_id (0 for
 * a new one) that is not cancelled, and against the calendar: a GPtrArray
 * of ParClash in the order docs/cli.md prints them. The team is taken as
 * given (par_inspections_add() checks it). */
GPtrArray *
par_inspections_check (ParDatabase              *db,
                       const ParInspectionSpec  *spec,
                       gint64                    inspection_id,
                       GError                  **error)
{
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) par_clash_free);
  gboolean has_leader = FALSE;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_date_valid (&spec->first) && g_date_valid (&spec->last), NULL);

  for (guint i = 0; i < spec->n_team; i++)
    has_leader |= spec->team[i].role == PAR_TEAM_ROLE_LEADER;
  if (!has_leader)
    g_ptr_array_add (clashes, clash_new (PAR_CLASH_NO_LEADER));
  if (g_date_compare (&spec->first, &spec->last) > 0)
    return g_steal_pointer (&clashes);
  if (!add_busy_clashes (db, spec, inspection_id, clashes, error)
      || !add_calendar_clashes (db, spec, clashes, error))
    return NULL;
  return g_steal_pointer (&clashes);
}

/* The clashes of a saved inspection against every other. */
GPtrArray *
par_inspections_clashes (ParDatabase  *db,
                         gint64        inspection_id,
                         GError      **error)
{
  g_autoptr(ParInspection) inspection = par_inspections_get (db, inspection_id, error);
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  ParInspectionSpec spec = { 0 };

  if (inspection == NULL)
    return NULL;
  if (!g_date_valid (&inspection->first) || !g_date_valid (&inspection->last))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED,
                   _("The days of inspection %lld are not valid dates."), (long long) inspection_id);
      return NULL;
    }
  for (guint i = 0; i < inspection->team->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (inspection->team, i);
      ParTeamSeat seat = { member->staff_id, member->role };

      g_array_append_val (seats, seat);
    }
  spec.unit_id = inspection->unit_id;
  spec.first = inspection->first;
  spec.last = inspection->last;
  spec.title = inspection->title;
  spec.team = (const ParTeamSeat *) (gpointer) seats->data;
  spec.n_team = seats->len;
  return par_inspections_check (db, &spec, inspection_id, error);
}

/* Marks in @busy (a day of @first on each) the days of the inspections, not
 * cancelled and not @except_id, of the unit or of anyone of the staff, from @first on. */
static gboolean
mark_busy_days (ParDatabase   *db,
                gint64         except_id,
                gint64         unit_id,
                const gint64  *staff_ids,
                guint          n_staff,
                const GDate   *first,
                const GDate   *last,
                gboolean      *busy,
                GError       **error)
{
  g_autofree char *placeholders = par_inspections_placeholders (5, MAX (n_staff, 1));
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint32 from = g_date_get_julian (first), to = g_date_get_julian (last);
  int rc;

  sql = g_strconcat ("SELECT i.start_date, i.end_date FROM inspection i WHERE" OVERLAPPING
                     " AND (i.unit_id = ?4 OR i.id IN (SELECT inspection_id FROM inspection_member"
                     " WHERE staff_id IN (", placeholders, ")))", NULL);
  stmt = par_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_days (stmt, except_id, first, last);
  sqlite3_bind_int64 (stmt, 4, unit_id);
  for (guint i = 0; i < n_staff; i++)
    sqlite3_bind_int64 (stmt, 5 + (int) i, staff_ids[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParClash shared = { 0 };

      if (!shared_days (stmt, 0, first, last, &shared))
        continue;
      for (guint32 julian = g_date_get_julian (&shared.first); julian <= g_date_get_julian (&shared.last); julian++)
        if (julian >= from && julian <= to)
          busy[julian - from] = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The first @count runs of @n_days consecutive working days on which
 * neither the unit nor anyone of the staff is in an inspection that is not
 * cancelled, earliest first: a GArray of ParDayRun. Runs start after
 * @after, at most PAR_FREE_SLOTS_HORIZON days after it, one a start day (so
 * they may overlap), and end by 31 December 2100. */
GArray *
par_inspections_free_slots (ParDatabase   *db,
                            gint64         unit_id,
                            const gint64  *staff_ids,
                            guint          n_staff,
                            guint          n_days,
                            const GDate   *after,
                            guint          count,
                            GError       **error)
{
  return par_inspections_free_slots_except (db, 0, unit_id, staff_ids, n_staff, n_days, after, count, error);
}

/* As par_inspections_free_slots(), the days of inspection @except_id left
 * free: the one being moved does not stand in its own way. */
GArray *
par_inspections_free_slots_except (ParDatabase   *db,
                                   gint64         except_id,
                                   gint64         unit_id,
                                   const gint64  *staff_ids,
                                   guint          n_staff,
                                   guint          n_days,
                                   const GDate   *after,
                                   guint          count,
                                   GError       **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (ParDayRun));
  g_autoptr(GHashTable) holidays = NULL;
  g_autofree gboolean *busy = NULL;
  g_autofree guint *free_from = NULL;   /* the free days in a row from each day on */
  GDate first, last, end_of_range;
  guint n;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (n_days > 0 && count > 0 && g_date_valid (after), NULL);

  if (!par_inspections_unit_exists (db, unit_id, error) || !par_inspections_check_staff (db, staff_ids, n_staff, error))
    return NULL;
  g_date_clear (&end_of_range, 1);
  g_date_set_dmy (&end_of_range, 31, G_DATE_DECEMBER, PAR_INSPECTION_MAX_YEAR);
  /* No run of more than a year fits; nor anything after the holiday table's last year. */
  if (n_days > PAR_FREE_SLOTS_HORIZON || g_date_compare (after, &end_of_range) >= 0)
    return g_steal_pointer (&runs);
  first = *after;
  g_date_add_days (&first, 1);
  if (g_date_get_year (&first) < PAR_INSPECTION_MIN_YEAR)
    g_date_set_dmy (&first, 1, G_DATE_JANUARY, PAR_INSPECTION_MIN_YEAR);
  last = *after;
  g_date_add_days (&last, PAR_FREE_SLOTS_HORIZON + n_days - 1);
  if (g_date_compare (&last, &end_of_range) > 0)
    last = end_of_range;
  if (g_date_compare (&first, &last) > 0)
    return g_steal_pointer (&runs);

  n = g_date_get_julian (&last) - g_date_get_julian (&first) + 1;
  busy = g_new0 (gboolean, n);
  free_from = g_new0 (guint, n + 1);
  holidays = load_holidays (db, &first, &last, error);
  if (holidays == NULL || !mark_busy_days (db, except_id, unit_id, staff_ids, n_staff, &first, &last, busy, error))
    return NULL;
  for (guint i = n; i-- > 0;)
    {
      guint32 julian = g_date_get_julian (&first) + i;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, julian);
      if (!busy[i] && !is_weekend (&day) && !g_hash_table_contains (holidays, GUINT_TO_POINTER (julian)))
        free_from[i] = free_from[i + 1] + 1;
    }
  for (guint i = 0; i < n && runs->len < count; i++)
    {
      ParDayRun run;

      if (g_date_get_julian (&first) + i > g_date_get_julian (after) + PAR_FREE_SLOTS_HORIZON)
        break;
      if (free_from[i] < n_days)
        continue;
      g_date_clear (&run.first, 1);
      g_date_clear (&run.last, 1);
      g_date_set_julian (&run.first, g_date_get_julian (&first) + i);
      g_date_set_julian (&run.last, g_date_get_julian (&first) + i + n_days - 1);
      g_array_append_val (runs, run);
    }
  return g_steal_pointer (&runs);
}
