/* par-cli-export-inspections.c: the export inspections and export ics commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  char  *year_text;
  int    year;
  char  *output;
  char  *as_of_text;
  GDate  as_of;
} ExportInspectionsOptions;

static const GOptionEntry export_inspections_entries[] = {
  { "year", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportInspectionsOptions, year_text),
    N_("the inspections that start in this year"), N_("YEAR") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (ExportInspectionsOptions, output),
    N_("the workbook to write"), N_("FILE.xlsx") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportInspectionsOptions, as_of_text),
    N_("recommendation statuses as of this date (default today)"), N_("DATE") },
  { NULL }
};

static const GOptionEntry export_ics_entries[] = {
  { "year", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportInspectionsOptions, year_text),
    N_("the inspections that start in this year"), N_("YEAR") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (ExportInspectionsOptions, output),
    N_("the calendar to write"), N_("FILE.ics") },
  { NULL }
};

static int
export_year_check (ParCliContext  *ctx,
                   gpointer        data,
                   char          **args)
{
  ExportInspectionsOptions *options = data;
  g_autofree char *message = NULL;

  if (options->year_text == NULL || options->output == NULL)
    return par_cli_usage (ctx, _("Give --year and -o."));
  if (!par_plan_parse_year (options->year_text, &options->year))
    {
      message = g_strdup_printf (_("%s is a year from %d to %d."), "--year", PAR_PLAN_MIN_YEAR, PAR_PLAN_MAX_YEAR);
      return par_cli_usage (ctx, message);
    }
  return par_cli_parse_date (ctx, "--as-of", options->as_of_text, &options->as_of);
}

static int
export_inspections_run (ParCliContext  *ctx,
                        ParDatabase    *db,
                        gpointer        data,
                        char          **args)
{
  ExportInspectionsOptions *options = data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;

  if (!par_inspections_export_workbook (db, options->year, &options->as_of, options->output, &cut_items, &error))
    return par_cli_fail (ctx, error);
  for (guint i = 0; cut_items != NULL && cut_items[i] != NULL; i++)
    /* Translators: %s is the command, then what was cut: "inspection 12" or "recommendation 5" */
    fprintf (stderr, _("par-desk-cli %s: warning: %s has more text than an Excel cell holds (32,767 characters); "
                       "the sheet shows its beginning, marked as continuing in PAR Desk.\n"),
             ctx->command, cut_items[i]);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_export_inspections_command = {
  .name = "export inspections",
  .summary = N_("Write the year’s inspection plan and its recommendations (XLSX)"),
  .description = N_("Write the inspections that start in the year, with their teams, and their recommendations "
                    "with statuses as of the date, as an XLSX workbook in the language of the interface. "
                    "Cancelled inspections are left out."),
  .entries = export_inspections_entries,
  .options_size = sizeof (ExportInspectionsOptions),
  .args_message = N_("Give --year and -o."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = export_year_check,
  .run = export_inspections_run,
};

static int
export_ics_run (ParCliContext  *ctx,
                ParDatabase    *db,
                gpointer        data,
                char          **args)
{
  ExportInspectionsOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_inspections_export_ics (db, options->year, options->output, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_export_ics_command = {
  .name = "export ics",
  .summary = N_("Write the year’s inspections as a calendar (iCalendar)"),
  .description = N_("Write the inspections that start in the year as an iCalendar file that calendar programs "
                    "import: one all-day event per inspection, with its team invited by email; cancelled "
                    "inspections are marked cancelled, so that a calendar that imported an earlier file "
                    "updates them."),
  .entries = export_ics_entries,
  .options_size = sizeof (ExportInspectionsOptions),
  .args_message = N_("Give --year and -o."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = export_year_check,
  .run = export_ics_run,
};
