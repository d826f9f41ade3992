/* par-holiday-edits.c: the year's holidays after the file's edits; adding and removing days; a calendar of working days
 *
 * Table holiday_edit (0005-holidays.sql) holds one row a date: a name for
 * a day added, NULL for a law day made a working day again. Rows are read
 * as untrusted: one whose date does not parse or falls outside the year
 * asked for is left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "par-database-private.h"
#include "par-holidays.h"

/* Longer than any name the Government gives a day off. */
#define MAX_NAME_CHARS 200

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* YYYY-MM-DD, as the file keeps dates; FALSE for anything else. */
static gboolean
parse_stored_date (const char *text,
                   GDate      *date)
{
  int year, month, day, end = 0;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &end) != 3 || text[end] != '\0'
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
check_year (int      year,
            GError **error)
{
  if (year >= PAR_HOLIDAYS_FIRST_YEAR && year <= PAR_HOLIDAYS_LAST_YEAR)
    return TRUE;
  g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
               _("The holiday table covers the years %d to %d, not %d."),
               PAR_HOLIDAYS_FIRST_YEAR, PAR_HOLIDAYS_LAST_YEAR, year);
  return FALSE;
}

static void
remove_day (GPtrArray   *days,
            const GDate *date)
{
  for (guint i = 0; i < days->len; i++)
    if (g_date_compare (&((ParHoliday *) g_ptr_array_index (days, i))->date, date) == 0)
      {
        g_ptr_array_remove_index (days, i);
        return;
      }
}

/* One edit applied to @days: a day removed, or one added (in place of a
 * law day on that date, should a file hold both). */
static void
apply_edit (GPtrArray   *days,
            const GDate *date,
            const char  *name)
{
  ParHoliday *added;

  remove_day (days, date);
  if (name == NULL)
    return;
  added = g_new0 (ParHoliday, 1);
  added->date = *date;
  added->kind = PAR_HOLIDAY_ADDED;
  added->name = g_utf8_make_valid (name, -1);
  g_ptr_array_add (days, added);
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const ParHoliday *x = *(ParHoliday * const *) a;
  const ParHoliday *y = *(ParHoliday * const *) b;

  return g_date_compare (&x->date, &y->date);
}

GPtrArray *
par_holidays_list (ParDatabase  *db,
                   int           year,
                   GError      **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (!check_year (year, error))
    return NULL;
  stmt = par_database_prepare (db, "SELECT day, name FROM holiday_edit WHERE day >= ? AND day < ? ORDER BY day",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, g_strdup_printf ("%04d-01-01", year), -1, g_free);
  sqlite3_bind_text (stmt, 2, g_strdup_printf ("%04d-01-01", year + 1), -1, g_free);
  days = par_holidays_compute (year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      if (parse_stored_date ((const char *) sqlite3_column_text (stmt, 0), &date) && g_date_get_year (&date) == year)
        apply_edit (days, &date, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  g_ptr_array_sort (days, compare_holidays);
  return g_steal_pointer (&days);
}

/* Writes @date's row: @name for a day added, NULL for a law day removed;
 * no row at all when @drop. */
static gboolean
write_edit (ParDatabase  *db,
            const GDate  *date,
            const char   *name,
            gboolean      drop,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (db, drop ? "DELETE FROM holiday_edit WHERE day = ?"
                                        : "INSERT OR REPLACE INTO holiday_edit (day, name) VALUES (?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date_text (date), -1, g_free);
  if (!drop && name != NULL)   /* unbound: NULL, a law day removed */
    par_sqlite_bind_text (stmt, 2, name);
  return par_database_step_done (db, stmt, error);
}

/* The audit log names a day by its date as a number, 20260320. */
static gint64
date_id (const GDate *date)
{
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

static gboolean
finish (ParDatabase *db,
        gboolean     ok,
        GError     **error)
{
  if (!ok || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_INSPECTIONS);
  return TRUE;
}

static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (!g_utf8_validate (clean, -1, NULL) || *clean == '\0')
    {
      g_set_error_literal (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                           _("A holiday needs a name."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("A holiday’s name is at most %d characters long."), MAX_NAME_CHARS);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gboolean
par_holidays_add (ParDatabase  *db,
                  const GDate  *date,
                  const char   *name,
                  GError      **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *text = NULL;
  const ParHoliday *listed;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!check_year (g_date_get_year (date), error) || (clean = check_name (name, error)) == NULL
      || !par_database_begin (db, error))
    return FALSE;
  text = date_text (date);
  ok = (days = par_holidays_list (db, g_date_get_year (date), error)) != NULL;
  if (ok && (listed = par_holidays_find (days, date)) != NULL)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("%s is already a holiday: %s."), text, listed->name);
      ok = FALSE;
    }
  ok = ok && write_edit (db, date, clean, FALSE, error)
       && par_database_audit (db, "holiday", date_id (date), "added", NULL, clean, error);
  return finish (db, ok, error);
}

gboolean
par_holidays_remove (ParDatabase  *db,
                     const GDate  *date,
                     GError      **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) law_days = NULL;
  g_autofree char *text = NULL;
  const ParHoliday *listed = NULL;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!check_year (g_date_get_year (date), error) || !par_database_begin (db, error))
    return FALSE;
  text = date_text (date);
  ok = (days = par_holidays_list (db, g_date_get_year (date), error)) != NULL;
  if (ok && (listed = par_holidays_find (days, date)) == NULL)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("%s is not a holiday."), text);
      ok = FALSE;
    }
  /* a day added over a law day that had been removed stays removed */
  law_days = par_holidays_compute (g_date_get_year (date));
  ok = ok && write_edit (db, date, NULL, par_holidays_find (law_days, date) == NULL, error)
       && par_database_audit (db, "holiday", date_id (date), "removed", listed->name, NULL, error);
  return finish (db, ok, error);
}

gboolean
par_holidays_restore (ParDatabase  *db,
                      const GDate  *date,
                      GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!check_year (g_date_get_year (date), error) || !par_database_begin (db, error))
    return FALSE;
  ok = write_edit (db, date, NULL, TRUE, error)
       && par_database_audit (db, "holiday", date_id (date), "restored", NULL, NULL, error);
  return finish (db, ok, error);
}

struct _ParHolidayCalendar
{
  ParDatabase *db;
  GHashTable  *years;   /* year → GPtrArray of ParHoliday */
};

ParHolidayCalendar *
par_holiday_calendar_new (ParDatabase *db)
{
  ParHolidayCalendar *calendar = g_new0 (ParHolidayCalendar, 1);

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  calendar->db = g_object_ref (db);
  calendar->years = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  return calendar;
}

void
par_holiday_calendar_free (ParHolidayCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_clear_object (&calendar->db);
  g_hash_table_unref (calendar->years);
  g_free (calendar);
}

gboolean
par_holiday_calendar_check (ParHolidayCalendar  *calendar,
                            const GDate         *date,
                            gboolean            *working,
                            const char         **holiday_name,
                            GError             **error)
{
  int year;
  GPtrArray *days;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (working != NULL, FALSE);

  year = g_date_get_year (date);
  days = g_hash_table_lookup (calendar->years, GINT_TO_POINTER (year));
  if (days == NULL)
    {
      days = par_holidays_list (calendar->db, year, error);
      if (days == NULL)
        return FALSE;
      g_hash_table_insert (calendar->years, GINT_TO_POINTER (year), days);
    }
  *working = par_holidays_is_working_day (days, date, holiday_name);
  return TRUE;
}
