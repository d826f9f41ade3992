/* par-lunar.c: the Vietnamese lunar calendar, computed from the moon and the sun
 *
 * New moons by the series of Jean Meeus, "Astronomical Algorithms" (2nd
 * ed., ch. 49: the mean lunation corrected by the moon's and the sun's
 * anomalies and the planetary arguments), accurate to well under a minute;
 * the sun's apparent longitude by the same book's low-accuracy theory
 * (ch. 25, about 0.01°). Both series run in Terrestrial Time; ΔT turns
 * their moments into Universal Time before a time zone turns them into
 * days. A day is a Julian day number (12:00 UT on that date); local day
 * @d starts at the moment d − 0.5 − zone/24 in UT.
 *
 * The rules are those of the Vietnamese calendar (Hồ Ngọc Đức's account of
 * it): months begin on the local day of the new moon; month 11 holds the
 * December solstice; a "cycle" runs from one month 11 to the next and,
 * when it has thirteen months, the first of them after month 11 without a
 * principal term (the sun crossing a multiple of 30°) is the leap month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "par-lunar.h"

#define DEGREES (G_PI / 180.0)
#define SYNODIC_MONTH 29.530588861
#define NEW_MOON_EPOCH 2451550.09766    /* new moon 0, 6 January 2000, TT */
#define J2000 2451545.0
/* a GDate's Julian day (1 January of year 1 is 1) to a Julian day number */
#define GDATE_TO_JDN 1721425

static double
sin_deg (double degrees)
{
  return sin (fmod (degrees, 360.0) * DEGREES);
}

/* ΔT = TT − UT in days, by the polynomials of Espenak and Meeus (NASA's
 * eclipse pages); a minute or so across these centuries, it only moves a
 * new moon near midnight. */
static double
delta_t (double jd)
{
  double y = 2000.0 + (jd - J2000) / 365.25;
  double t, seconds;

  if (y < 1860)
    {
      t = y - 1800;
      seconds = 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * pow (t, 3) - 0.00037436 * pow (t, 4)
                + 0.0000121272 * pow (t, 5) - 0.0000001699 * pow (t, 6) + 0.000000000875 * pow (t, 7);
    }
  else if (y < 1900)
    {
      t = y - 1860;
      seconds = 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow (t, 3) - 0.0004473624 * pow (t, 4)
                + pow (t, 5) / 233174.0;
    }
  else if (y < 1920)
    {
      t = y - 1900;
      seconds = -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow (t, 3) - 0.000197 * pow (t, 4);
    }
  else if (y < 1941)
    {
      t = y - 1920;
      seconds = 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow (t, 3);
    }
  else if (y < 1961)
    {
      t = y - 1950;
      seconds = 29.07 + 0.407 * t - t * t / 233.0 + pow (t, 3) / 2547.0;
    }
  else if (y < 1986)
    {
      t = y - 1975;
      seconds = 45.45 + 1.067 * t - t * t / 260.0 - pow (t, 3) / 718.0;
    }
  else if (y < 2005)
    {
      t = y - 2000;
      seconds = 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow (t, 3) + 0.000651814 * pow (t, 4)
                + 0.00002373599 * pow (t, 5);
    }
  else if (y < 2050)
    {
      t = y - 2000;
      seconds = 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
  else if (y < 2150)
    {
      double u = (y - 1820) / 100.0;

      seconds = -20 + 32 * u * u - 0.5628 * (2150 - y);
    }
  else
    {
      double u = (y - 1820) / 100.0;

      seconds = -20 + 32 * u * u;
    }
  return seconds / 86400.0;
}

/* The periodic terms of a new moon: coefficient (days) and the multiples
 * of M (the sun's mean anomaly), M′ (the moon's) and F (its argument of
 * latitude); E_power is how many times the term is multiplied by E, the
 * eccentricity of the earth's orbit. */
static const struct
{
  double coefficient;
  signed char m, m_moon, f;
  signed char e_power;
} new_moon_terms[] = {
  { -0.40720, 0, 1, 0, 0 }, { 0.17241, 1, 0, 0, 1 }, { 0.01608, 0, 2, 0, 0 }, { 0.01039, 0, 0, 2, 0 },
  { 0.00739, -1, 1, 0, 1 }, { -0.00514, 1, 1, 0, 1 }, { 0.00208, 2, 0, 0, 2 }, { -0.00111, 0, 1, -2, 0 },
  { -0.00057, 0, 1, 2, 0 }, { 0.00056, 1, 2, 0, 1 }, { -0.00042, 0, 3, 0, 0 }, { 0.00042, 1, 0, 2, 1 },
  { 0.00038, 1, 0, -2, 1 }, { -0.00024, -1, 2, 0, 1 }, { -0.00007, 2, 1, 0, 0 }, { 0.00004, 0, 2, -2, 0 },
  { 0.00004, 3, 0, 0, 0 }, { 0.00003, 1, 1, -2, 0 }, { 0.00003, 0, 2, 2, 0 }, { -0.00003, 1, 1, 2, 0 },
  { 0.00003, -1, 1, 2, 0 }, { -0.00002, -1, 1, -2, 0 }, { -0.00002, 1, 3, 0, 0 }, { 0.00002, 0, 4, 0, 0 },
};

/* The planetary arguments: A1 to A14 as a + b·k (A1 also − 0.009173 T²). */
static const struct
{
  double coefficient, a, b;
} planetary_terms[] = {
  { 0.000325, 299.77, 0.107408 }, { 0.000165, 251.88, 0.016321 }, { 0.000164, 251.83, 26.651886 },
  { 0.000126, 349.42, 36.412478 }, { 0.000110, 84.66, 18.206239 }, { 0.000062, 141.74, 53.303771 },
  { 0.000060, 207.14, 2.453732 }, { 0.000056, 154.84, 7.306860 }, { 0.000047, 34.52, 27.261239 },
  { 0.000042, 207.19, 0.121824 }, { 0.000040, 291.34, 1.844379 }, { 0.000037, 161.72, 24.198154 },
  { 0.000035, 239.56, 25.513099 }, { 0.000023, 331.55, 3.592518 },
};

double
par_lunar_new_moon (int k)
{
  double t = k / 1236.85;
  double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  double e = 1 - 0.002516 * t - 0.0000074 * t2;
  double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  double m_moon = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  /* the long arguments lose nothing to fmod: |k| < 3000 keeps them under 1.2e6° */
  for (gsize i = 0; i < G_N_ELEMENTS (new_moon_terms); i++)
    {
      double argument = new_moon_terms[i].m * m + new_moon_terms[i].m_moon * m_moon + new_moon_terms[i].f * f;

      jde += new_moon_terms[i].coefficient * pow (e, new_moon_terms[i].e_power) * sin_deg (argument);
    }
  jde += -0.00017 * sin_deg (omega);
  for (gsize i = 0; i < G_N_ELEMENTS (planetary_terms); i++)
    {
      double argument = planetary_terms[i].a + planetary_terms[i].b * k - (i == 0 ? 0.009173 * t2 : 0);

      jde += planetary_terms[i].coefficient * sin_deg (argument);
    }
  return jde;
}

double
par_lunar_sun_longitude (double jd_ut)
{
  double jde = jd_ut + delta_t (jd_ut);
  double t = (jde - J2000) / 36525.0;
  double mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  double anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin_deg (anomaly)
                  + (0.019993 - 0.000101 * t) * sin_deg (2 * anomaly) + 0.000289 * sin_deg (3 * anomaly);
  double omega = 125.04 - 1934.136 * t;
  /* aberration and nutation in longitude */
  double longitude = mean_longitude + centre - 0.00569 - 0.00478 * sin_deg (omega);

  longitude = fmod (longitude, 360.0);
  return longitude < 0 ? longitude + 360.0 : longitude;
}

/* The local day that holds new moon @k. */
static int
month_start (int    k,
             double zone)
{
  double jde = par_lunar_new_moon (k);
  double ut = jde - delta_t (jde);

  return (int) floor (ut + 0.5 + zone / 24.0);
}

/* Which twelfth of the ecliptic (0: 0° to 30°) the sun is in as local
 * day @day begins. */
static int
sun_sector (int    day,
            double zone)
{
  return (int) floor (par_lunar_sun_longitude (day - 0.5 - zone / 24.0) / 30.0);
}

static int
jdn_of (int year,
        int month,
        int day)
{
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return (int) g_date_get_julian (date) + GDATE_TO_JDN;
}

/* The number of the new moon that begins month 11 of Gregorian year
 * @year: the month holding the December solstice. */
static int
month_11 (int    year,
          double zone)
{
  int last = jdn_of (year, 12, 31);
  int k = (int) floor ((last - NEW_MOON_EPOCH) / SYNODIC_MONTH);

  /* the true new moon strays from the mean one by up to 14 hours */
  while (month_start (k + 1, zone) <= last)
    k++;
  while (month_start (k, zone) > last)
    k--;
  /* the sun already past 270° as the month begins: the solstice fell in the one before */
  if (sun_sector (month_start (k, zone), zone) >= 9)
    k--;
  return k;
}

/* One cycle: the months from month 11 of Gregorian year @year up to, not
 * including, month 11 of the next, with the label each month carries. */
typedef struct
{
  int year;               /* Gregorian year of the first month 11 */
  int n_months;           /* 12 or 13 */
  int starts[14];         /* the local day each month begins; one more ends the last */
  int leap;               /* index of the leap month, or -1 */
} Cycle;

static void
cycle_init (Cycle  *cycle,
            int     year,
            double  zone)
{
  int first = month_11 (year, zone);
  int next = month_11 (year + 1, zone);

  cycle->year = year;
  cycle->n_months = next - first;
  g_assert (cycle->n_months == 12 || cycle->n_months == 13);
  for (int i = 0; i <= cycle->n_months; i++)
    cycle->starts[i] = month_start (first + i, zone);
  cycle->leap = -1;
  if (cycle->n_months == 13)
    for (int i = 1; i < 13 && cycle->leap < 0; i++)
      if (sun_sector (cycle->starts[i], zone) == sun_sector (cycle->starts[i + 1], zone))
        cycle->leap = i;
}

/* The label of month @i of @cycle: month number, leap or not, lunar year. */
static void
cycle_label (const Cycle  *cycle,
             int           i,
             ParLunarDate *lunar)
{
  int count = cycle->leap >= 0 && i >= cycle->leap ? i - 1 : i;   /* months counted from month 11 */

  lunar->month = (11 + count - 1) % 12 + 1;
  lunar->leap = i == cycle->leap;
  lunar->year = count >= 2 ? cycle->year + 1 : cycle->year;
}

static gboolean
year_in_range (int year)
{
  return year >= PAR_LUNAR_FIRST_YEAR && year <= PAR_LUNAR_LAST_YEAR;
}

gboolean
par_lunar_from_gregorian_in_zone (const GDate  *date,
                                  double        zone,
                                  ParLunarDate *lunar)
{
  int day, year;
  Cycle cycle;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (lunar != NULL, FALSE);

  year = g_date_get_year (date);
  if (!year_in_range (year))
    return FALSE;
  day = (int) g_date_get_julian (date) + GDATE_TO_JDN;
  cycle_init (&cycle, year, zone);
  if (day < cycle.starts[0])
    cycle_init (&cycle, year - 1, zone);
  for (int i = 0; i < cycle.n_months; i++)
    if (day < cycle.starts[i + 1])
      {
        cycle_label (&cycle, i, lunar);
        lunar->day = day - cycle.starts[i] + 1;
        return TRUE;
      }
  g_assert_not_reached ();
}

gboolean
par_lunar_from_gregorian (const GDate  *date,
                          ParLunarDate *lunar)
{
  return par_lunar_from_gregorian_in_zone (date, PAR_LUNAR_VIETNAM_ZONE, lunar);
}

/* FALSE for a date the lunar calendar does not have: a leap month in a
 * year without it, day 30 of a 29-day month. */
static gboolean
to_gregorian_in_zone (const ParLunarDate *lunar,
                      double              zone,
                      GDate              *date)
{
  Cycle cycle;

  if (lunar->month < 1 || lunar->month > 12 || lunar->day < 1 || lunar->day > 30 || !year_in_range (lunar->year))
    return FALSE;
  cycle_init (&cycle, lunar->month >= 11 ? lunar->year : lunar->year - 1, zone);
  for (int i = 0; i < cycle.n_months; i++)
    {
      ParLunarDate label;

      cycle_label (&cycle, i, &label);
      if (label.month != lunar->month || label.year != lunar->year || label.leap != !!lunar->leap)
        continue;
      if (lunar->day > cycle.starts[i + 1] - cycle.starts[i])
        return FALSE;
      g_date_clear (date, 1);
      g_date_set_julian (date, (guint32) (cycle.starts[i] + lunar->day - 1 - GDATE_TO_JDN));
      return TRUE;
    }
  return FALSE;
}

gboolean
par_lunar_to_gregorian (const ParLunarDate *lunar,
                        GDate              *date)
{
  g_return_val_if_fail (lunar != NULL && date != NULL, FALSE);
  return to_gregorian_in_zone (lunar, PAR_LUNAR_VIETNAM_ZONE, date);
}

gboolean
par_lunar_new_year_in_zone (int     year,
                            double  zone,
                            GDate  *date)
{
  ParLunarDate first = { .day = 1, .month = 1, .year = year, .leap = FALSE };

  g_return_val_if_fail (date != NULL, FALSE);
  return to_gregorian_in_zone (&first, zone, date);
}

/* Tết: the first day of lunar year @year, in Vietnam. */
gboolean
par_lunar_new_year (int    year,
                    GDate *date)
{
  return par_lunar_new_year_in_zone (year, PAR_LUNAR_VIETNAM_ZONE, date);
}

/* The last day of lunar year @year: the eve of the next Tết. */
gboolean
par_lunar_year_last_day (int    year,
                         GDate *date)
{
  if (year >= PAR_LUNAR_LAST_YEAR || !par_lunar_new_year (year + 1, date))
    return FALSE;
  g_date_subtract_days (date, 1);
  return TRUE;
}
