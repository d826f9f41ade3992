/* test-i18n.c: numbers and dates written the way the UI language writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "par-core.h"
#include "test-util.h"

static void
assert_points (gint64      milli,
               const char *expected)
{
  g_autofree char *text = par_format_points (milli);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_english (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2021, 9, 14, 0, 0, 0);
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;

  test_set_language ("en");
  assert_points (500, "0.5");
  assert_points (10000, "10");
  assert_points (14250, "14.25");
  assert_points (1, "0.001");
  assert_points (0, "0");
  assert_points (-2500, "-2.5");
  text = par_format_date (date);
  g_assert_cmpstr (text, ==, "2021-09-14");
  iso = par_format_iso_date ("not a date");
  g_assert_cmpstr (iso, ==, "");
}

static void
test_vietnamese (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2021, 9, 14, 0, 0, 0);
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;

  test_set_language ("vi");
  assert_points (500, "0,5");
  assert_points (14250, "14,25");
  assert_points (10000, "10");
  text = par_format_date (date);
  g_assert_cmpstr (text, ==, "14/09/2021");
  iso = par_format_iso_date ("2021-09-14");
  g_assert_cmpstr (iso, ==, "14/09/2021");
  g_assert_cmpstr (par_unit_level_get_label (PAR_UNIT_LEVEL_DEPARTMENT), ==, "Sở, ban, ngành");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

  g_test_add_func ("/i18n/english", test_english);
  g_test_add_func ("/i18n/vietnamese", test_vietnamese);

  return g_test_run ();
}
