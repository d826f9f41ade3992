/* par-cli-export.c: the export scores, export ranking, export plan and export report commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  gint64 set_id;
  char  *unit_code;
  char  *output;
} ExportScoresOptions;

static const GOptionEntry export_scores_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ExportScoresOptions, set_id), N_("the criteria set’s id"),
    N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportScoresOptions, unit_code), N_("the unit’s code"),
    N_("CODE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (ExportScoresOptions, output),
    N_("the workbook to write"), N_("FILE.xlsx") },
  { NULL }
};

static int
export_scores_check (ParCliContext  *ctx,
                     gpointer        data,
                     char          **args)
{
  ExportScoresOptions *options = data;

  if (options->set_id == 0 || options->unit_code == NULL || options->output == NULL)
    return par_cli_usage (ctx, _("Give --set, --unit and -o."));
  return PAR_CLI_OK;
}

static int
export_scores_run (ParCliContext  *ctx,
                   ParDatabase    *db,
                   gpointer        data,
                   char          **args)
{
  ExportScoresOptions *options = data;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;
  int code = PAR_CLI_OK;

  assessment = par_cli_open_assessment (ctx, db, options->set_id, options->unit_code, &code);
  if (assessment == NULL)
    return code;
  if (!par_export_score_sheet (db, assessment, options->output, &cut_items, &error))
    return par_cli_fail (ctx, error);
  for (guint i = 0; cut_items[i] != NULL; i++)
    fprintf (stderr, _("par-desk-cli %s: warning: item %s has more text than an Excel cell holds (32,767 "
                       "characters); the sheet shows its beginning, marked as continuing in PAR Desk.\n"),
             ctx->command, cut_items[i]);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_export_scores_command = {
  .name = "export scores",
  .summary = N_("Write a unit’s score sheet (XLSX)"),
  .description = N_("Write a unit’s score sheet as an XLSX workbook, in the language of the interface."),
  .entries = export_scores_entries,
  .options_size = sizeof (ExportScoresOptions),
  .args_message = N_("Give --set, --unit and -o."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = export_scores_check,
  .run = export_scores_run,
};

typedef struct
{
  gint64          set_id;
  char           *output;
  char           *basis_name;
  ParRankingBasis basis;       /* from basis_name */
} ExportRankingOptions;

static const GOptionEntry export_ranking_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ExportRankingOptions, set_id), N_("the criteria set’s id"),
    N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (ExportRankingOptions, output),
    N_("the workbook to write"), N_("FILE.xlsx") },
  { "basis", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportRankingOptions, basis_name),
    N_("rank by self or appraised scores (default: appraised once any unit is appraised)"), N_("BASIS") },
  { NULL }
};

static int
export_ranking_check (ParCliContext  *ctx,
                      gpointer        data,
                      char          **args)
{
  ExportRankingOptions *options = data;

  if (options->set_id == 0 || options->output == NULL)
    return par_cli_usage (ctx, _("Give --set and -o."));
  if (options->basis_name == NULL)
    return PAR_CLI_OK;
  if (g_str_equal (options->basis_name, "self"))
    options->basis = PAR_RANKING_BY_SELF;
  else if (g_str_equal (options->basis_name, "appraised"))
    options->basis = PAR_RANKING_BY_APPRAISED;
  else
    return par_cli_usage (ctx, _("--basis is self or appraised."));
  return PAR_CLI_OK;
}

static int
export_ranking_run (ParCliContext  *ctx,
                    ParDatabase    *db,
                    gpointer        data,
                    char          **args)
{
  ExportRankingOptions *options = data;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;

  set = par_criteria_set_load (db, options->set_id, &error);
  if (set == NULL)
    return par_cli_fail (ctx, error);
  if (options->basis_name == NULL && !par_ranking_default_basis (db, set, &options->basis, &error))
    return par_cli_fail (ctx, error);
  if (!par_export_ranking (db, set, options->basis, options->output, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_export_ranking_command = {
  .name = "export ranking",
  .summary = N_("Write the ranking of all units of a set (XLSX)"),
  .description = N_("Write the ranking of every unit scored against a set as an XLSX workbook."),
  .entries = export_ranking_entries,
  .options_size = sizeof (ExportRankingOptions),
  .args_message = N_("Give --set and -o."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = export_ranking_check,
  .run = export_ranking_run,
};

/* Tells which tasks' texts were cut to fit a cell. */
static void
warn_cut_tasks (ParCliContext *ctx,
                GStrv          cut_items)
{
  for (guint i = 0; cut_items != NULL && cut_items[i] != NULL; i++)
    fprintf (stderr, _("par-desk-cli %s: warning: task %s has more text than an Excel cell holds (32,767 "
                       "characters); the sheet shows its beginning, marked as continuing in PAR Desk.\n"),
             ctx->command, cut_items[i]);
}

typedef struct
{
  gint64  plan_id;
  char   *output;
  char   *as_of_text;
  GDate   as_of;
} ExportPlanOptions;

static const GOptionEntry export_plan_entries[] = {
  { "plan", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ExportPlanOptions, plan_id), N_("the plan’s id"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (ExportPlanOptions, output),
    N_("the workbook to write"), N_("FILE.xlsx") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportPlanOptions, as_of_text),
    N_("percents and statuses as of this date (default today)"), N_("DATE") },
  { NULL }
};

static int
export_plan_check (ParCliContext  *ctx,
                   gpointer        data,
                   char          **args)
{
  ExportPlanOptions *options = data;

  if (options->plan_id <= 0 || options->output == NULL)
    return par_cli_usage (ctx, _("Give --plan and -o."));
  return par_cli_parse_date (ctx, "--as-of", options->as_of_text, &options->as_of);
}

static int
export_plan_run (ParCliContext  *ctx,
                 ParDatabase    *db,
                 gpointer        data,
                 char          **args)
{
  ExportPlanOptions *options = data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;

  if (!par_plan_export_workbook (db, options->plan_id, &options->as_of, options->output, &cut_items, &error))
    return par_cli_fail (ctx, error);
  warn_cut_tasks (ctx, cut_items);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_export_plan_command = {
  .name = "export plan",
  .summary = N_("Write a plan’s workbook with statuses as of a date (XLSX)"),
  .description = N_("Write the plan’s tasks under their areas, with progress and status as of the date, as an "
                    "XLSX workbook in the language of the interface."),
  .entries = export_plan_entries,
  .options_size = sizeof (ExportPlanOptions),
  .args_message = N_("Give --plan and -o."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = export_plan_check,
  .run = export_plan_run,
};

typedef struct
{
  gint64  plan_id;
  char   *output;
  char   *quarter_text;
  int     quarter;
} ExportReportOptions;

static const GOptionEntry export_report_entries[] = {
  { "plan", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ExportReportOptions, plan_id), N_("the plan’s id"),
    N_("ID") },
  { "quarter", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ExportReportOptions, quarter_text),
    N_("the quarter of the plan’s year (1–4), reported as of its last day"), N_("Q") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (ExportReportOptions, output),
    N_("the workbook to write"), N_("FILE.xlsx") },
  { NULL }
};

static int
export_report_check (ParCliContext  *ctx,
                     gpointer        data,
                     char          **args)
{
  ExportReportOptions *options = data;
  guint64 quarter;

  if (options->plan_id <= 0 || options->quarter_text == NULL || options->output == NULL)
    return par_cli_usage (ctx, _("Give --plan, --quarter and -o."));
  if (!g_ascii_string_to_unsigned (options->quarter_text, 10, 1, 4, &quarter, NULL))
    return par_cli_usage (ctx, _("--quarter is a quarter from 1 to 4."));
  options->quarter = (int) quarter;
  return PAR_CLI_OK;
}

static int
export_report_run (ParCliContext  *ctx,
                   ParDatabase    *db,
                   gpointer        data,
                   char          **args)
{
  ExportReportOptions *options = data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;

  if (!par_plan_export_report (db, options->plan_id, options->quarter, options->output, &cut_items, &error))
    return par_cli_fail (ctx, error);
  warn_cut_tasks (ctx, cut_items);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_export_report_command = {
  .name = "export report",
  .summary = N_("Write a plan’s quarterly report (XLSX)"),
  .description = N_("Write the quarterly progress report of a plan for the steering committee, as of the "
                    "quarter’s last day: tasks by status per area and per lead unit, and the overdue ones, as "
                    "an XLSX workbook in the language of the interface."),
  .entries = export_report_entries,
  .options_size = sizeof (ExportReportOptions),
  .args_message = N_("Give --plan, --quarter and -o."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = export_report_check,
  .run = export_report_run,
};
