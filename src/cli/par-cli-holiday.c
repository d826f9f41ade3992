/* par-cli-holiday.c: holiday list, add and remove: the year's public holidays and the file's edits to them
 *
 * A date that is malformed or outside the years the table covers is bad
 * usage, found before the file is opened; a date already a holiday (add)
 * or not one (remove) fails once it is open, and nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

/* A date of the years the table covers, as docs/cli.md writes dates. */
static int
parse_holiday_date (ParCliContext *ctx,
                    const char    *text,
                    GDate         *date)
{
  g_autofree char *message = NULL;
  int code = par_cli_parse_date (ctx, _("DATE"), text, date);
  int year;

  if (code != PAR_CLI_OK)
    return code;
  year = g_date_get_year (date);
  if (year >= PAR_HOLIDAYS_FIRST_YEAR && year <= PAR_HOLIDAYS_LAST_YEAR)
    return PAR_CLI_OK;
  message = g_strdup_printf (_("The holiday table covers the years %d to %d."),
                             PAR_HOLIDAYS_FIRST_YEAR, PAR_HOLIDAYS_LAST_YEAR);
  return par_cli_usage (ctx, message);
}

/* holiday list ----------------------------------------------------------- */

typedef struct
{
  char *year_text;
  int   year;   /* from year_text */
} HolidayListOptions;

static const GOptionEntry holiday_list_entries[] = {
  { "year", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (HolidayListOptions, year_text),
    N_("the year whose holidays are listed"), N_("YEAR") },
  { NULL }
};

static int
holiday_list_check (ParCliContext *ctx,
                    gpointer       data,
                    char         **args)
{
  HolidayListOptions *options = data;
  g_autofree char *message = NULL;
  guint64 year;

  if (options->year_text != NULL
      && g_ascii_string_to_unsigned (options->year_text, 10, PAR_HOLIDAYS_FIRST_YEAR, PAR_HOLIDAYS_LAST_YEAR,
                                     &year, NULL))
    {
      options->year = (int) year;
      return PAR_CLI_OK;
    }
  message = g_strdup_printf (_("Give --year, a year from %d to %d."), PAR_HOLIDAYS_FIRST_YEAR, PAR_HOLIDAYS_LAST_YEAR);
  return par_cli_usage (ctx, message);
}

static int
holiday_list_run (ParCliContext *ctx,
                  ParDatabase   *db,
                  gpointer       data,
                  char         **args)
{
  HolidayListOptions *options = data;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  days = par_holidays_list (db, options->year, &error);
  if (days == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < days->len; i++)
    {
      ParHoliday *day = g_ptr_array_index (days, i);
      g_autofree char *name = par_cli_field (day->name);

      printf ("%04d-%02d-%02d\t%s\t%s\n", g_date_get_year (&day->date), g_date_get_month (&day->date),
              g_date_get_day (&day->date), par_holiday_kind_to_string (day->kind), name);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_holiday_list_command = {
  .name = "holiday list",
  .summary = N_("List the public holidays of a year"),
  .description = N_("List the year’s public holidays after the file’s edits, by date: DATE, KIND and NAME, "
                    "separated by tabs. A working day is a Monday to Friday not listed."),
  .entries = holiday_list_entries,
  .options_size = sizeof (HolidayListOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = holiday_list_check,
  .run = holiday_list_run,
};

/* holiday add ------------------------------------------------------------ */

typedef struct
{
  GDate date;   /* from the first argument */
} HolidayDayOptions;

static int
holiday_add_check (ParCliContext *ctx,
                   gpointer       data,
                   char         **args)
{
  HolidayDayOptions *options = data;
  g_autofree char *name = g_strstrip (g_strdup (args[1]));

  if (*name == '\0')
    return par_cli_usage (ctx, _("A holiday needs a name."));
  return parse_holiday_date (ctx, args[0], &options->date);
}

static int
holiday_add_run (ParCliContext *ctx,
                 ParDatabase   *db,
                 gpointer       data,
                 char         **args)
{
  HolidayDayOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_holidays_add (db, &options->date, args[1], &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_holiday_add_command = {
  .name = "holiday add",
  .summary = N_("Make a day a public holiday"),
  .description = N_("Make DATE a public holiday named NAME, as the Government announces one. A date that is "
                    "already a holiday is refused."),
  .parameters = N_("DATE NAME"),
  .options_size = sizeof (HolidayDayOptions),
  .min_args = 2,
  .max_args = 2,
  .args_message = N_("Give the date and the holiday’s name."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = holiday_add_check,
  .run = holiday_add_run,
};

/* holiday remove --------------------------------------------------------- */

static int
holiday_remove_check (ParCliContext *ctx,
                      gpointer       data,
                      char         **args)
{
  HolidayDayOptions *options = data;

  return parse_holiday_date (ctx, args[0], &options->date);
}

static int
holiday_remove_run (ParCliContext *ctx,
                    ParDatabase   *db,
                    gpointer       data,
                    char         **args)
{
  HolidayDayOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_holidays_remove (db, &options->date, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_holiday_remove_command = {
  .name = "holiday remove",
  .summary = N_("Make a public holiday a working day again"),
  .description = N_("Make DATE, a public holiday of any kind, a working day again. A date that is not a "
                    "holiday is refused. No other day moves."),
  .parameters = N_("DATE"),
  .options_size = sizeof (HolidayDayOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the date."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = holiday_remove_check,
  .run = holiday_remove_run,
};
