/* par-lunar.h: the Vietnamese lunar calendar, computed from the moon and the sun
 *
 * A month begins on the day that holds the astronomical new moon, reckoned
 * in Vietnam's time zone (UTC+7); the month holding the December solstice
 * is the eleventh; in a year of thirteen months the first month holding no
 * principal solar term is the leap month. Years from 1800 to 2199.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Vietnam's time zone, in hours east of Greenwich; China reckons in 8. */
#define PAR_LUNAR_VIETNAM_ZONE 7.0

#define PAR_LUNAR_FIRST_YEAR 1800
#define PAR_LUNAR_LAST_YEAR  2199

typedef struct
{
  int      day;     /* 1 to 30 */
  int      month;   /* 1 to 12 */
  int      year;    /* the lunar year, named by the Gregorian year its Tết falls in */
  gboolean leap;    /* the leap month that follows @month */
} ParLunarDate;

/* The moment of new moon number @k (0: 6 January 2000), a Julian day in
 * Terrestrial Time. */
double    par_lunar_new_moon          (int                 k);
/* The sun's apparent longitude in degrees [0, 360) at the Julian day
 * @jd_ut (Universal Time). */
double    par_lunar_sun_longitude     (double              jd_ut);

gboolean  par_lunar_from_gregorian    (const GDate        *date,
                                       ParLunarDate       *lunar);
gboolean  par_lunar_to_gregorian      (const ParLunarDate *lunar,
                                       GDate              *date);
gboolean  par_lunar_new_year          (int                 year,
                                       GDate              *date);
gboolean  par_lunar_year_last_day     (int                 year,
                                       GDate              *date);

/* The same, reckoned in another time zone (@zone hours east of
 * Greenwich): for the tests that set Vietnam's calendar beside China's. */
gboolean  par_lunar_from_gregorian_in_zone (const GDate   *date,
                                            double         zone,
                                            ParLunarDate  *lunar);
gboolean  par_lunar_new_year_in_zone  (int                 year,
                                       double              zone,
                                       GDate              *date);

G_END_DECLS
