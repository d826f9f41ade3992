/* par-holidays-fixed.c: the fixed-date public holidays of the Labour Code, for the inspections to build on
 *
 * A stand-in for the holiday table: it gives only the days of the Labour
 * Code of 2019 that fall on the same date every year (1 January, 30 April,
 * 1 May, 2 September and the day next to it), with no lunar days, no
 * compensatory days and no edits. It is replaced by the full table (Tết,
 * Hùng Kings' day, compensatory days, `holiday add` and `remove`) when the
 * branches are merged; the days it gives are right under that table too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-holidays.h"

static const char *const kind_strings[PAR_N_HOLIDAY_KINDS] = {
  "new-year", "tet", "hung-kings", "victory-day", "labour-day", "national-day", "compensatory", "added",
};

void
par_holiday_free (ParHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  g_free (holiday);
}

const char *
par_holiday_kind_to_string (ParHolidayKind kind)
{
  g_return_val_if_fail (kind < PAR_N_HOLIDAY_KINDS, NULL);
  return kind_strings[kind];
}

static void
add_day (GPtrArray      *days,
         int             year,
         GDateMonth      month,
         GDateDay        day,
         ParHolidayKind  kind,
         const char     *name)
{
  ParHoliday *holiday = g_new0 (ParHoliday, 1);

  g_date_clear (&holiday->date, 1);
  g_date_set_dmy (&holiday->date, day, month, (GDateYear) year);
  holiday->kind = kind;
  holiday->name = g_strdup (name);
  g_ptr_array_add (days, holiday);
}

GPtrArray *
par_holidays_list (ParDatabase  *db,
                   int           year,
                   GError      **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) par_holiday_free);
  GDate second;
  GDateWeekday weekday;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (year < 2000 || year > 2100)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("The holidays are known for the years 2000 to 2100."));
      return NULL;
    }
  g_date_clear (&second, 1);
  g_date_set_dmy (&second, 2, G_DATE_SEPTEMBER, (GDateYear) year);
  weekday = g_date_get_weekday (&second);

  add_day (days, year, G_DATE_JANUARY, 1, PAR_HOLIDAY_NEW_YEAR, _("New Year’s Day"));
  add_day (days, year, G_DATE_APRIL, 30, PAR_HOLIDAY_VICTORY_DAY, _("Victory Day"));
  add_day (days, year, G_DATE_MAY, 1, PAR_HOLIDAY_LABOUR_DAY, _("International Labour Day"));
  /* The day next to 2 September: the 3rd after a Sunday, Monday or Thursday, else the 1st. */
  if (weekday == G_DATE_SUNDAY || weekday == G_DATE_MONDAY || weekday == G_DATE_THURSDAY)
    {
      add_day (days, year, G_DATE_SEPTEMBER, 2, PAR_HOLIDAY_NATIONAL_DAY, _("National Day"));
      add_day (days, year, G_DATE_SEPTEMBER, 3, PAR_HOLIDAY_NATIONAL_DAY, _("National Day"));
    }
  else
    {
      add_day (days, year, G_DATE_SEPTEMBER, 1, PAR_HOLIDAY_NATIONAL_DAY, _("National Day"));
      add_day (days, year, G_DATE_SEPTEMBER, 2, PAR_HOLIDAY_NATIONAL_DAY, _("National Day"));
    }
  return g_steal_pointer (&days);
}
