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

G_END_DECLS
