/* par-holidays.h: Vietnam's public holidays of a year, as the Labour Code gives them and as the file edits them
 *
 * The contract is docs/cli.md ("Working days and public holidays"). A
 * working day is a Monday to Friday that is not in the year's table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_HOLIDAY_NEW_YEAR,       /* 1 January */
  PAR_HOLIDAY_TET,            /* the lunar year's last day and the new one's first four */
  PAR_HOLIDAY_HUNG_KINGS,     /* day 10 of the third lunar month */
  PAR_HOLIDAY_VICTORY_DAY,    /* 30 April */
  PAR_HOLIDAY_LABOUR_DAY,     /* 1 May */
  PAR_HOLIDAY_NATIONAL_DAY,   /* 2 September and a day next to it */
  PAR_HOLIDAY_COMPENSATORY,   /* for a holiday on a weekend */
  PAR_HOLIDAY_ADDED,          /* added by the user (holiday add) */
  PAR_N_HOLIDAY_KINDS
} ParHolidayKind;

typedef struct
{
  GDate           date;
  ParHolidayKind  kind;
  char           *name;   /* in the UI language, or as the user gave it */
} ParHoliday;

void        par_holiday_free        (ParHoliday     *holiday);
const char *par_holiday_kind_to_string (ParHolidayKind kind);   /* "new-year", "tet", … */

/* The year's holidays after the file's edits, by date: a GPtrArray of
 * ParHoliday (freed with it). @year from 2000 to 2100. */
GPtrArray  *par_holidays_list       (ParDatabase    *db,
                                     int             year,
                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParHoliday, par_holiday_free)

#define PAR_HOLIDAYS_FIRST_YEAR 2000
#define PAR_HOLIDAYS_LAST_YEAR  2100

/* The kind's name in the UI language ("Tết Nguyên đán" in Vietnamese). */
const char *par_holiday_kind_get_label (ParHolidayKind kind);
gboolean    par_holiday_kind_from_string (const char     *text,
                                          ParHolidayKind *kind);

/* The year's table as the law gives it, without the file's edits. */
GPtrArray  *par_holidays_compute    (int             year);

/* The holiday on @date in @holidays (a year's list, by date), or NULL. */
const ParHoliday *par_holidays_find (GPtrArray      *holidays,
                                     const GDate    *date);
/* Whether @date is a working day, given its year's @holidays: a Monday
 * to Friday not in the table. @holiday_name (may be NULL) gets the name of
 * the holiday on @date, or NULL if none, whatever the weekday. */
gboolean    par_holidays_is_working_day (GPtrArray   *holidays,
                                         const GDate *date,
                                         const char **holiday_name);

/* Makes @date a holiday of kind ADDED named @name; REFUSED if it is
 * already one, INVALID for a year out of range or an empty name. */
gboolean    par_holidays_add        (ParDatabase    *db,
                                     const GDate    *date,
                                     const char     *name,
                                     GError        **error);
/* Makes a listed @date a working day again, whatever its kind; NOT_FOUND
 * if it is not a holiday. */
gboolean    par_holidays_remove     (ParDatabase    *db,
                                     const GDate    *date,
                                     GError        **error);

/* Takes back the file's edit of @date, if any: the day is again as the
 * law's table has it (for undoing a removal). */
gboolean    par_holidays_restore    (ParDatabase    *db,
                                     const GDate    *date,
                                     GError        **error);

/* The holidays of any year a search runs through, each loaded once: for
 * checks and searches over several days, maybe across New Year. */
typedef struct _ParHolidayCalendar ParHolidayCalendar;

ParHolidayCalendar *par_holiday_calendar_new  (ParDatabase        *db);
void        par_holiday_calendar_free         (ParHolidayCalendar *calendar);
/* As par_holidays_is_working_day(); FALSE with @error set if the year's
 * table cannot be read (or is out of range), @working untouched. */
gboolean    par_holiday_calendar_check        (ParHolidayCalendar *calendar,
                                               const GDate        *date,
                                               gboolean           *working,
                                               const char        **holiday_name,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParHolidayCalendar, par_holiday_calendar_free)

G_END_DECLS
