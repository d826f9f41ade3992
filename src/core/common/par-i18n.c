/* par-i18n.c: gettext set-up and the locale's ways of writing numbers and dates
 *
 * The decimal separator and the date pattern are translations, not the C
 * library's locale, so that a Vietnamese UI writes 0,5 and 14/09/2021 even
 * on a machine whose vi_VN locale was never generated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "par-i18n.h"

/* Where the catalogues are: $PAR_DESK_LOCALEDIR, else the installed ones,
 * else the build tree's (when running uninstalled, as `make run` does). */
static const char *
find_localedir (void)
{
  const char *env = g_getenv ("PAR_DESK_LOCALEDIR");
  g_autofree char *installed = g_build_filename (LOCALEDIR, "vi", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (env != NULL && *env != '\0')
    return env;
  if (g_file_test (installed, G_FILE_TEST_EXISTS) || !g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return LOCALEDIR;
  return BUILD_LOCALEDIR;
}

void
par_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Libraries that print numbers with the C library (libxlsxwriter writes
 * every cell with "%.16G") would write 0,5 into a file under vi_VN. This
 * gives the calling thread the user's locale with the numbers and dates of
 * "C" until par_machine_locale_end(); messages keep the user's language.
 * Per thread: setlocale() would change the numbers of a running window. */
locale_t
par_machine_locale_begin (void)
{
  locale_t user = duplocale (uselocale ((locale_t) 0));
  locale_t machine = user != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK | LC_TIME_MASK, "C", user) : (locale_t) 0;

  if (machine == (locale_t) 0)
    {
      /* Only out of memory; the writers then refuse a number with a comma. */
      if (user != (locale_t) 0)
        freelocale (user);
      return (locale_t) 0;
    }
  return uselocale (machine);
}

/* Gives the thread back the locale it had before par_machine_locale_begin(). */
void
par_machine_locale_end (locale_t previous)
{
  if (previous != (locale_t) 0)
    freelocale (uselocale (previous));
}

/* Points are thousandths: 500 → "0.5" in English, "0,5" in Vietnamese.
 * Trailing zeros are trimmed. */
char *
par_format_points (gint64 milli)
{
  /* Translators: the decimal separator of numbers (a comma in Vietnamese) */
  const char *separator = C_("decimal separator", ".");
  guint64 magnitude = milli < 0 ? (guint64) -(milli + 1) + 1 : (guint64) milli;
  guint64 whole = magnitude / 1000;
  guint fraction = magnitude % 1000;
  GString *text = g_string_new (milli < 0 ? "-" : "");

  g_string_append_printf (text, "%" G_GUINT64_FORMAT, whole);
  if (fraction != 0)
    {
      char digits[4];

      g_snprintf (digits, sizeof digits, "%03u", fraction);
      for (int i = 2; i > 0 && digits[i] == '0'; i--)
        digits[i] = '\0';
      g_string_append (text, separator);
      g_string_append (text, digits);
    }
  return g_string_free (text, FALSE);
}

char *
par_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  /* Translators: how a date is written, as for g_date_time_format();
   * Vietnamese writes day/month/year: %d/%m/%Y */
  return g_date_time_format (date, C_("date format", "%Y-%m-%d"));
}

/* @date in the user's language; "" for a cleared or invalid one (a file
 * may hold anything). */
char *
par_format_gdate (const GDate *date)
{
  g_autoptr(GDateTime) when = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  return par_format_date (when);
}

/* "2021-09-14" → the locale's date; "" or anything else unparsable → "". */
char *
par_format_iso_date (const char *iso_date)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup ("");
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup ("");
  return par_format_date (date);
}

/* A date as users type it, "14/09/2021", "14-9-2021" or "2021-09-14", to
 * ISO 8601; "" stays "". FALSE for anything else, or a day that does not
 * exist. */
gboolean
par_parse_date (const char  *text,
                char       **iso_date)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  int a = 0, b = 0, c = 0;
  int year, month, day;
  char sep1 = 0, sep2 = 0;

  if (*clean == '\0')
    {
      *iso_date = g_strdup ("");
      return TRUE;
    }
  if (sscanf (clean, "%d%c%d%c%d", &a, &sep1, &b, &sep2, &c) != 5 || sep1 != sep2
      || (sep1 != '/' && sep1 != '-' && sep1 != '.'))
    return FALSE;
  if (a > 31)
    year = a, month = b, day = c;
  else
    day = a, month = b, year = c;
  if (!g_date_valid_dmy (day, month, year) || year < 1900 || year > 2200)
    return FALSE;
  *iso_date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}
