/* par-holidays.c: Vietnam's public holidays of a year, as the Labour Code gives them and as the file edits them
 *
 * The law's days (Labour Code 2019, Art. 112): 1 January, Tết (the lunar
 * year's last day and the new one's first four), Hùng Kings' day (10th day
 * of the third lunar month), 30 April, 1 May, 2 September and a day next to
 * it. A law day on a Saturday or Sunday gives a compensatory day (Art.
 * 111(3)). The file then keeps the office's edits (table holiday_edit):
 * days the Government adds, days it makes working days again. Edits move
 * no other day, so the compensatory days are worked out from the law's
 * days alone, before the edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-holidays.h"
#include "par-lunar.h"

static const struct
{
  const char *key;
  const char *label;   /* N_() marked */
} kinds[PAR_N_HOLIDAY_KINDS] = {
  { "new-year", N_("New Year’s Day") },
  { "tet", N_("Lunar New Year (Tết)") },
  { "hung-kings", N_("Hùng Kings’ Commemoration Day") },
  { "victory-day", N_("Victory Day") },
  { "labour-day", N_("International Labour Day") },
  { "national-day", N_("National Day") },
  { "compensatory", N_("Compensatory day off") },
  { "added", N_("Added holiday") },
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
  return kinds[kind].key;
}

const char *
par_holiday_kind_get_label (ParHolidayKind kind)
{
  g_return_val_if_fail (kind < PAR_N_HOLIDAY_KINDS, NULL);
  return _(kinds[kind].label);
}

gboolean
par_holiday_kind_from_string (const char     *text,
                              ParHolidayKind *kind)
{
  for (int i = 0; i < PAR_N_HOLIDAY_KINDS; i++)
    if (g_strcmp0 (text, kinds[i].key) == 0)
      {
        *kind = (ParHolidayKind) i;
        return TRUE;
      }
  return FALSE;
}

static ParHoliday *
holiday_new (const GDate    *date,
             ParHolidayKind  kind,
             const char     *name)
{
  ParHoliday *holiday = g_new0 (ParHoliday, 1);

  holiday->date = *date;
  holiday->kind = kind;
  holiday->name = g_strdup (name != NULL ? name : par_holiday_kind_get_label (kind));
  return holiday;
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const ParHoliday *x = *(ParHoliday * const *) a;
  const ParHoliday *y = *(ParHoliday * const *) b;

  return g_date_compare (&x->date, &y->date);
}

/* Adds the day unless the table has it already: when two of the law's
 * days meet, the one named first stays. */
static void
add_day (GPtrArray      *days,
         const GDate    *date,
         ParHolidayKind  kind)
{
  for (guint i = 0; i < days->len; i++)
    if (g_date_compare (&((ParHoliday *) g_ptr_array_index (days, i))->date, date) == 0)
      return;
  g_ptr_array_add (days, holiday_new (date, kind, NULL));
}

static void
add_dmy (GPtrArray      *days,
         int             day,
         int             month,
         int             year,
         ParHolidayKind  kind)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  add_day (days, &date, kind);
}

/* The lunar year's last day and the first four of the new one. */
static void
add_tet (GPtrArray *days,
         int        year)
{
  GDate date;

  if (!par_lunar_year_last_day (year - 1, &date))
    g_return_if_reached ();
  for (int i = 0; i < 5; i++)
    {
      add_day (days, &date, PAR_HOLIDAY_TET);
      g_date_add_days (&date, 1);
    }
}

static void
add_hung_kings (GPtrArray *days,
                int        year)
{
  ParLunarDate tenth = { .day = 10, .month = 3, .year = year, .leap = FALSE };
  GDate date;

  if (!par_lunar_to_gregorian (&tenth, &date))
    g_return_if_reached ();
  add_day (days, &date, PAR_HOLIDAY_HUNG_KINGS);
}

/* 2 September and, next to it, 3 September when the 2nd is a Sunday,
 * Monday or Thursday (the rest falls on a Monday, a Tuesday or a
 * Friday), else 1 September: the choice the Prime Minister made each year
 * from 2021 to 2025. */
static void
add_national_day (GPtrArray *days,
                  int        year)
{
  g_autoptr(GDate) second = g_date_new_dmy (2, G_DATE_SEPTEMBER, (GDateYear) year);
  GDateWeekday weekday = g_date_get_weekday (second);
  gboolean after = weekday == G_DATE_SUNDAY || weekday == G_DATE_MONDAY || weekday == G_DATE_THURSDAY;

  if (!after)
    add_dmy (days, 1, 9, year, PAR_HOLIDAY_NATIONAL_DAY);
  add_dmy (days, 2, 9, year, PAR_HOLIDAY_NATIONAL_DAY);
  if (after)
    add_dmy (days, 3, 9, year, PAR_HOLIDAY_NATIONAL_DAY);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

/* Art. 111(3): for each law day on a Saturday or Sunday, in date order,
 * the first later Monday to Friday that is neither a law day nor already
 * a compensatory day. @days holds the law's days, by date, and is kept so. */
static void
add_compensatory_days (GPtrArray *days)
{
  /* a compensatory day comes after its law day, so the ones still to look
   * at stay ahead of @i; compensatory days are never on a weekend */
  for (guint i = 0; i < days->len; i++)
    {
      ParHoliday *law_day = g_ptr_array_index (days, i);
      GDate date = law_day->date;

      if (law_day->kind == PAR_HOLIDAY_COMPENSATORY || !is_weekend (&date))
        continue;
      do
        g_date_add_days (&date, 1);
      while (is_weekend (&date) || par_holidays_find (days, &date) != NULL);
      g_ptr_array_add (days, holiday_new (&date, PAR_HOLIDAY_COMPENSATORY, NULL));
      g_ptr_array_sort (days, compare_holidays);
    }
}

/* The year's table as the law gives it, before the file's edits, by date;
 * NULL for a year out of 2000–2100. Names are in the UI language. */
GPtrArray *
par_holidays_compute (int year)
{
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (year >= PAR_HOLIDAYS_FIRST_YEAR && year <= PAR_HOLIDAYS_LAST_YEAR, NULL);

  days = g_ptr_array_new_with_free_func ((GDestroyNotify) par_holiday_free);
  add_dmy (days, 1, 1, year, PAR_HOLIDAY_NEW_YEAR);
  add_tet (days, year);
  add_hung_kings (days, year);
  add_dmy (days, 30, 4, year, PAR_HOLIDAY_VICTORY_DAY);
  add_dmy (days, 1, 5, year, PAR_HOLIDAY_LABOUR_DAY);
  add_national_day (days, year);
  g_ptr_array_sort (days, compare_holidays);
  add_compensatory_days (days);
  return g_steal_pointer (&days);
}

const ParHoliday *
par_holidays_find (GPtrArray   *holidays,
                   const GDate *date)
{
  guint low = 0, high;

  g_return_val_if_fail (holidays != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  high = holidays->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      ParHoliday *holiday = g_ptr_array_index (holidays, middle);
      int order = g_date_compare (&holiday->date, date);

      if (order == 0)
        return holiday;
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

gboolean
par_holidays_is_working_day (GPtrArray    *holidays,
                             const GDate  *date,
                             const char  **holiday_name)
{
  const ParHoliday *holiday = par_holidays_find (holidays, date);

  if (holiday_name != NULL)
    *holiday_name = holiday != NULL ? holiday->name : NULL;
  return holiday == NULL && !is_weekend (date);
}
