/* test-lunar.c: the Vietnamese lunar calendar: Tết and the years Vietnam and China differ, every Tết from
 * 2000 to 2100 against a second method, conversions both ways, leap months, Hùng Kings' day
 *
 * The second method, below, is written apart from par-lunar.c on purpose:
 * new moons by Meeus's older series ("Astronomical Formulae for
 * Calculators", counted from January 1900), the sun by the Astronomical
 * Almanac's low-precision formula, the solstice and the principal terms
 * found as moments by bisection, and the months then set out around them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "par-core.h"

#define ZONE_DAYS (7.0 / 24.0)

static GDate
ymd (int year,
     int month,
     int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

static char *
text (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *got = text (date);

  g_assert_cmpstr (got, ==, expected);
}

/* The second method ------------------------------------------------------ */

static double
sine (double degrees)
{
  return sin (fmod (degrees, 360.0) * G_PI / 180.0);
}

/* TT − UT in days: the long-term parabola, near enough for days. */
static double
second_delta_t (double jd)
{
  double u = (2000.0 + (jd - 2451545.0) / 365.25 - 1820.0) / 100.0;

  return (-20.0 + 32.0 * u * u) / 86400.0;
}

/* New moon @n counted from January 1900, in UT. */
static double
second_new_moon (int n)
{
  double t = n / 1236.85, t2 = t * t, t3 = t2 * t;
  double m = 359.2242 + 29.10535608 * n - 0.0000333 * t2 - 0.00000347 * t3;
  double mm = 306.0253 + 385.81691806 * n + 0.0107306 * t2 + 0.00001236 * t3;
  double f = 21.2964 + 390.67050646 * n - 0.0016528 * t2 - 0.00000239 * t3;
  double mean = 2415020.75933 + 29.53058868 * n + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sine (166.56 + 132.87 * t - 0.009173 * t2);
  double jde = mean + (0.1734 - 0.000393 * t) * sine (m) + 0.0021 * sine (2 * m) - 0.4068 * sine (mm)
               + 0.0161 * sine (2 * mm) - 0.0004 * sine (3 * mm) + 0.0104 * sine (2 * f) - 0.0051 * sine (m + mm)
               - 0.0074 * sine (m - mm) + 0.0004 * sine (2 * f + m) - 0.0004 * sine (2 * f - m)
               - 0.0006 * sine (2 * f + mm) + 0.0010 * sine (2 * f - mm) + 0.0005 * sine (m + 2 * mm);

  return jde - second_delta_t (jde);
}

/* The sun's apparent longitude at @jd (UT), degrees in [0, 360). */
static double
second_sun (double jd)
{
  double n = jd + second_delta_t (jd) - 2451545.0;
  double g = 357.528 + 0.9856003 * n;
  double lambda = fmod (280.460 + 0.9856474 * n + 1.915 * sine (g) + 0.020 * sine (2 * g), 360.0);

  return lambda < 0 ? lambda + 360 : lambda;
}

/* The moment after @from, within 40 days, the sun reaches @degrees. */
static double
second_sun_reaches (double degrees,
                    double from)
{
  double low = from, high = from + 40;

  for (int i = 0; i < 60; i++)
    {
      double middle = (low + high) / 2;
      double ahead = fmod (second_sun (middle) - degrees + 540.0, 360.0) - 180.0;   /* in (−180, 180] */

      if (ahead >= 0)
        high = middle;
      else
        low = middle;
    }
  return high;
}

static int
local_day (double jd)
{
  return (int) floor (jd + 0.5 + ZONE_DAYS);
}

/* The local day of the last new moon on or before local day @day, and its number. */
static int
second_month_holding (int  day,
                      int *number)
{
  int n = (int) floor ((day - 2415021.0) / 29.530588853) - 1;

  while (local_day (second_new_moon (n + 1)) <= day)
    n++;
  *number = n;
  return local_day (second_new_moon (n));
}

/* Tết of lunar year @year, as a Julian day number. */
static int
second_tet (int year)
{
  double solstice = second_sun_reaches (270.0, 2451545.0 + (year - 2001) * 365.2422 + 340);
  double next_solstice = second_sun_reaches (270.0, solstice + 340);
  int first, last, leap = -1;

  second_month_holding (local_day (solstice), &first);
  second_month_holding (local_day (next_solstice), &last);
  g_assert_true (last - first == 12 || last - first == 13);
  if (last - first == 13)
    {
      /* the principal terms between the solstices, as local days */
      int terms[11];

      for (int i = 0; i < 11; i++)
        terms[i] = local_day (second_sun_reaches (fmod (300.0 + 30 * i, 360.0), solstice + 20 + 30.4 * i));
      for (int i = 1; i <= 12 && leap < 0; i++)
        {
          int start = local_day (second_new_moon (first + i)), end = local_day (second_new_moon (first + i + 1));
          gboolean holds = FALSE;

          for (int j = 0; j < 11; j++)
            holds |= terms[j] >= start && terms[j] < end;
          if (!holds)
            leap = i;
        }
      g_assert_cmpint (leap, >, 0);
    }
  /* month 11, month 12, then month 1, unless a leap month comes between */
  return local_day (second_new_moon (first + (leap == 1 || leap == 2 ? 3 : 2)));
}

/* The tests --------------------------------------------------------------- */

static int
julian_day (const GDate *date)
{
  return (int) g_date_get_julian (date) + 1721425;
}

/* Every Tết from 2000 to 2100, by both methods. */
static void
test_every_tet (void)
{
  for (int year = 2000; year <= 2100; year++)
    {
      GDate tet;
      int expected = second_tet (year);

      g_assert_true (par_lunar_new_year (year, &tet));
      if (julian_day (&tet) != expected)
        g_test_message ("Tết %d: %d by par-lunar.c, %d by the second method", year, julian_day (&tet), expected);
      g_assert_cmpint (julian_day (&tet), ==, expected);
      g_assert_cmpint (g_date_get_year (&tet), ==, year);
      g_assert_true (g_date_get_month (&tet) == 1 ? g_date_get_day (&tet) >= 21 : g_date_get_month (&tet) == 2
                                                                               && g_date_get_day (&tet) <= 20);
    }
}

/* Tết as Vietnam kept it, 2000 to 2027. */
static void
test_known_tet (void)
{
  static const char *known[] = {
    "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22", "2005-02-09", "2006-01-29",
    "2007-02-17", "2008-02-07", "2009-01-26", "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10",
    "2014-01-31", "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25",
    "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      GDate tet;

      g_assert_true (par_lunar_new_year (2000 + (int) i, &tet));
      assert_date (&tet, known[i]);
    }
}

/* UTC+7 against UTC+8: the years the two calendars part. */
static void
test_vietnam_and_china (void)
{
  GDate date;

  g_assert_true (par_lunar_new_year (2007, &date));
  assert_date (&date, "2007-02-17");
  g_assert_true (par_lunar_new_year_in_zone (2007, 8.0, &date));
  assert_date (&date, "2007-02-18");
  /* 1985: a month apart, the solstice's new moon on either side of midnight */
  g_assert_true (par_lunar_new_year (1985, &date));
  assert_date (&date, "1985-01-21");
  g_assert_true (par_lunar_new_year_in_zone (1985, 8.0, &date));
  assert_date (&date, "1985-02-20");
  g_assert_true (par_lunar_year_last_day (2029, &date));
  assert_date (&date, "2030-02-01");
  g_assert_true (par_lunar_new_year (2030, &date));
  assert_date (&date, "2030-02-02");
  g_assert_true (par_lunar_new_year_in_zone (2030, 8.0, &date));
  assert_date (&date, "2030-02-03");
  /* and a year they agree */
  g_assert_true (par_lunar_new_year_in_zone (2026, 8.0, &date));
  assert_date (&date, "2026-02-17");
}

static void
test_hung_kings (void)
{
  static const struct { int year; const char *date; } known[] = {
    { 2023, "2023-04-29" }, { 2024, "2024-04-18" }, { 2025, "2025-04-07" }, { 2026, "2026-04-26" },
    { 2027, "2027-04-16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      ParLunarDate tenth = { .day = 10, .month = 3, .year = known[i].year };
      ParLunarDate back;
      GDate date;

      g_assert_true (par_lunar_to_gregorian (&tenth, &date));
      assert_date (&date, known[i].date);
      g_assert_true (par_lunar_from_gregorian (&date, &back));
      g_assert_cmpint (back.day, ==, 10);
      g_assert_cmpint (back.month, ==, 3);
      g_assert_false (back.leap);
      g_assert_cmpint (back.year, ==, known[i].year);
    }
}

/* Day by day from 2000 to 2100: days follow each other, months have 29 or
 * 30 days, a year has one leap month or none, and each day converts back. */
static void
test_every_day (void)
{
  GDate date = ymd (2000, 1, 1), end = ymd (2101, 1, 1);
  ParLunarDate previous = { 0 };
  int month_length = 0, n_leap_months = 0, n_leap_years = 0, leap_year = 0;

  for (; g_date_compare (&date, &end) < 0; g_date_add_days (&date, 1))
    {
      ParLunarDate lunar;
      GDate back;

      g_assert_true (par_lunar_from_gregorian (&date, &lunar));
      g_assert_true (par_lunar_to_gregorian (&lunar, &back));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
      if (previous.day != 0 && lunar.day == 1)
        {
          g_assert_true (previous.day == 29 || previous.day == 30);
          g_assert_true (lunar.leap ? lunar.month == previous.month
                                    : lunar.month == previous.month % 12 + 1);
          if (lunar.leap)
            {
              n_leap_months++;
              g_assert_cmpint (lunar.year, !=, leap_year);   /* one a year at most */
              leap_year = lunar.year;
              n_leap_years++;
            }
          g_assert_cmpint (lunar.year, ==, lunar.month == 1 && !lunar.leap ? previous.year + 1 : previous.year);
        }
      else if (previous.day != 0)
        g_assert_cmpint (lunar.day, ==, previous.day + 1);
      month_length = lunar.day;
      previous = lunar;
    }
  (void) month_length;
  /* seven leap months every nineteen years */
  g_assert_cmpint (n_leap_months, >=, 36);
  g_assert_cmpint (n_leap_months, <=, 38);
  g_assert_cmpint (n_leap_years, ==, n_leap_months);
}

/* Leap months of recent years, and dates the calendar does not have. */
static void
test_leap_months (void)
{
  static const struct { int year; int month; } known[] = {
    { 2017, 6 }, { 2020, 4 }, { 2023, 2 }, { 2025, 6 },
  };
  ParLunarDate lunar = { .day = 1 };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      lunar.year = known[i].year;
      for (int month = 1; month <= 12; month++)
        {
          lunar.month = month;
          lunar.leap = TRUE;
          g_assert_true (par_lunar_to_gregorian (&lunar, &date) == (month == known[i].month));
        }
    }
  /* no leap month in 2026; no month 13; no day 31 */
  lunar = (ParLunarDate) { .day = 1, .month = 5, .year = 2026, .leap = TRUE };
  g_assert_false (par_lunar_to_gregorian (&lunar, &date));
  lunar = (ParLunarDate) { .day = 1, .month = 13, .year = 2026 };
  g_assert_false (par_lunar_to_gregorian (&lunar, &date));
  lunar = (ParLunarDate) { .day = 31, .month = 1, .year = 2026 };
  g_assert_false (par_lunar_to_gregorian (&lunar, &date));
  /* 2025's leap sixth month began on 25 July 2025 */
  lunar = (ParLunarDate) { .day = 1, .month = 6, .year = 2025, .leap = TRUE };
  g_assert_true (par_lunar_to_gregorian (&lunar, &date));
  assert_date (&date, "2025-07-25");
}

/* The astronomy itself against Meeus's worked examples. */
static void
test_astronomy (void)
{
  /* example 49.a: the new moon of February 1977 is k = −283, JDE 2443192.65118 */
  g_assert_cmpfloat_with_epsilon (par_lunar_new_moon (-283), 2443192.65118, 0.0005);
  /* example 25.a: 13 October 1992 0h TD, apparent longitude 199.90895° (UT is 59 s earlier) */
  g_assert_cmpfloat_with_epsilon (par_lunar_sun_longitude (2448908.5 - 59.0 / 86400), 199.90895, 0.002);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

  g_test_add_func ("/lunar/every-tet-two-methods", test_every_tet);
  g_test_add_func ("/lunar/known-tet", test_known_tet);
  g_test_add_func ("/lunar/vietnam-and-china", test_vietnam_and_china);
  g_test_add_func ("/lunar/hung-kings", test_hung_kings);
  g_test_add_func ("/lunar/every-day", test_every_day);
  g_test_add_func ("/lunar/leap-months", test_leap_months);
  g_test_add_func ("/lunar/astronomy", test_astronomy);
  return g_test_run ();
}
