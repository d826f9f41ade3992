/* par-cli-inspection-follow-up.c: finding add and list; recommendation add, list and done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

/* finding add, list ------------------------------------------------------ */

typedef struct
{
  char   *criterion;
  gint64  inspection_id;
} FindingOptions;

static const GOptionEntry finding_add_entries[] = {
  { "criterion", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (FindingOptions, criterion),
    N_("the code of the PAR Index item it concerns, as written (2.1.3)"), N_("CODE") },
  { NULL }
};

static int
finding_check (ParCliContext *ctx,
               gpointer       data,
               char         **args)
{
  FindingOptions *options = data;

  return par_cli_parse_id (ctx, "INSPECTION", args[0], &options->inspection_id);
}

static int
finding_add_run (ParCliContext *ctx,
                 ParDatabase   *db,
                 gpointer       data,
                 char         **args)
{
  FindingOptions *options = data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = par_findings_add (db, options->inspection_id, args[1], options->criterion, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_finding_add_command = {
  .name = "finding add",
  .summary = N_("Record a finding of an inspection"),
  .parameters = N_("INSPECTION TEXT"),
  .description = N_("Record what the inspection found and print the finding’s id."),
  .entries = finding_add_entries,
  .options_size = sizeof (FindingOptions),
  .min_args = 2,
  .max_args = 2,
  .args_message = N_("Give the inspection’s id and the finding."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = finding_check,
  .run = finding_add_run,
};

static int
finding_list_run (ParCliContext *ctx,
                  ParDatabase   *db,
                  gpointer       data,
                  char         **args)
{
  FindingOptions *options = data;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  findings = par_findings_list (db, options->inspection_id, &error);
  if (findings == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < findings->len; i++)
    {
      ParFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *criterion = par_cli_field (finding->criterion);
      g_autofree char *text = par_cli_field (finding->text);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", finding->id, criterion, text);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_finding_list_command = {
  .name = "finding list",
  .summary = N_("List the findings of an inspection"),
  .parameters = N_("INSPECTION"),
  .description = N_("List the inspection’s findings by id: ID, CRITERION and TEXT, separated by tabs."),
  .options_size = sizeof (FindingOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the inspection’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = finding_check,
  .run = finding_list_run,
};

/* recommendation add ----------------------------------------------------- */

typedef struct
{
  char   *unit_code;
  char   *deadline_text;
  char   *finding_text;
  gint64  inspection_id;
  gint64  finding_id;
  GDate   deadline;
} RecommendationAddOptions;

static const GOptionEntry recommendation_add_entries[] = {
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationAddOptions, unit_code),
    N_("the code of the unit that must carry it out"), N_("CODE") },
  { "deadline", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationAddOptions, deadline_text),
    N_("the day it is due"), N_("DATE") },
  { "finding", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationAddOptions, finding_text),
    N_("the id of the finding it follows from"), N_("ID") },
  { NULL }
};

static int
recommendation_add_check (ParCliContext *ctx,
                          gpointer       data,
                          char         **args)
{
  RecommendationAddOptions *options = data;
  int code;

  if (options->unit_code == NULL || options->deadline_text == NULL)
    return par_cli_usage (ctx, _("Give --unit and --deadline."));
  code = par_cli_parse_id (ctx, "INSPECTION", args[0], &options->inspection_id);
  if (code == PAR_CLI_OK && options->finding_text != NULL)
    code = par_cli_parse_id (ctx, "--finding", options->finding_text, &options->finding_id);
  if (code != PAR_CLI_OK)
    return code;
  return par_cli_parse_date (ctx, "--deadline", options->deadline_text, &options->deadline);
}

static int
recommendation_add_run (ParCliContext *ctx,
                        ParDatabase   *db,
                        gpointer       data,
                        char         **args)
{
  RecommendationAddOptions *options = data;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit = par_directory_find_unit (db, options->unit_code, &error);
  if (unit == NULL)
    return par_cli_fail (ctx, error);
  id = par_recommendations_add (db, options->inspection_id, args[1], par_unit_get_id (unit), &options->deadline,
                                options->finding_id, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_recommendation_add_command = {
  .name = "recommendation add",
  .summary = N_("Record a recommendation of an inspection"),
  .parameters = N_("INSPECTION TEXT"),
  .description = N_("Record a recommendation to the unit that must carry it out by the deadline and print "
                    "its id; --finding names the finding of the same inspection it follows from."),
  .entries = recommendation_add_entries,
  .options_size = sizeof (RecommendationAddOptions),
  .min_args = 2,
  .max_args = 2,
  .args_message = N_("Give the inspection’s id and the recommendation."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = recommendation_add_check,
  .run = recommendation_add_run,
};

/* recommendation list ---------------------------------------------------- */

typedef struct
{
  char     *inspection_text;
  char     *unit_code;
  gboolean  overdue;
  char     *as_of_text;
  gint64    inspection_id;
  GDate     as_of;
} RecommendationListOptions;

static const GOptionEntry recommendation_list_entries[] = {
  { "inspection", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationListOptions, inspection_text),
    N_("only the recommendations of this inspection"), N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationListOptions, unit_code),
    N_("only the recommendations to this unit"), N_("CODE") },
  { "overdue", 0, 0, G_OPTION_ARG_NONE, PAR_CLI_OPTION (RecommendationListOptions, overdue),
    N_("only the overdue ones"), NULL },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationListOptions, as_of_text),
    N_("statuses as of this date (default today)"), N_("DATE") },
  { NULL }
};

static int
recommendation_list_check (ParCliContext *ctx,
                           gpointer       data,
                           char         **args)
{
  RecommendationListOptions *options = data;

  if (options->inspection_text != NULL)
    {
      int code = par_cli_parse_id (ctx, "--inspection", options->inspection_text, &options->inspection_id);

      if (code != PAR_CLI_OK)
        return code;
    }
  return par_cli_parse_date (ctx, "--as-of", options->as_of_text, &options->as_of);
}

static void
print_recommendation (const ParRecommendation *recommendation,
                      const GDate             *as_of)
{
  ParRecommendationStatus status = par_recommendation_get_status (recommendation, as_of);
  g_autofree char *deadline = par_plan_format_date (&recommendation->deadline);
  g_autofree char *closed = NULL;
  g_autofree char *code = par_cli_field (recommendation->unit_code);
  g_autofree char *text = par_cli_field (recommendation->text);

  closed = status == PAR_RECOMMENDATION_DONE || status == PAR_RECOMMENDATION_DONE_LATE
           ? par_plan_format_date (&recommendation->closed_on) : g_strdup ("");
  printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", recommendation->id,
          recommendation->inspection_id, code, deadline, par_recommendation_status_to_string (status), closed, text);
}

static int
recommendation_list_run (ParCliContext *ctx,
                         ParDatabase   *db,
                         gpointer       data,
                         char         **args)
{
  RecommendationListOptions *options = data;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  if (options->unit_code != NULL && (unit = par_directory_find_unit (db, options->unit_code, &error)) == NULL)
    return par_cli_fail (ctx, error);
  list = par_recommendations_list (db, options->inspection_id, unit != NULL ? par_unit_get_id (unit) : 0, &error);
  if (list == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < list->len; i++)
    {
      ParRecommendation *recommendation = g_ptr_array_index (list, i);

      if (options->overdue && par_recommendation_get_status (recommendation, &options->as_of)
                              != PAR_RECOMMENDATION_OVERDUE)
        continue;
      print_recommendation (recommendation, &options->as_of);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_recommendation_list_command = {
  .name = "recommendation list",
  .summary = N_("List recommendations with their status as of a date"),
  .description = N_("List the recommendations by id: ID, INSPECTION, the responsible unit’s CODE, DEADLINE, "
                    "STATUS (open, overdue, done or done-late) and CLOSED (the closing date if closed on or "
                    "before the date), then TEXT, separated by tabs, as of --as-of (default today)."),
  .entries = recommendation_list_entries,
  .options_size = sizeof (RecommendationListOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = recommendation_list_check,
  .run = recommendation_list_run,
};

/* recommendation done ---------------------------------------------------- */

typedef struct
{
  char   *date_text;
  char   *note;
  gint64  id;
  GDate   date;
} RecommendationDoneOptions;

static const GOptionEntry recommendation_done_entries[] = {
  { "date", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationDoneOptions, date_text),
    N_("the day it was carried out (default today)"), N_("DATE") },
  { "note", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (RecommendationDoneOptions, note),
    N_("the follow-up: what was done"), N_("TEXT") },
  { NULL }
};

static int
recommendation_done_check (ParCliContext *ctx,
                           gpointer       data,
                           char         **args)
{
  RecommendationDoneOptions *options = data;
  int code = par_cli_parse_id (ctx, "ID", args[0], &options->id);

  return code != PAR_CLI_OK ? code : par_cli_parse_date (ctx, "--date", options->date_text, &options->date);
}

static int
recommendation_done_run (ParCliContext *ctx,
                         ParDatabase   *db,
                         gpointer       data,
                         char         **args)
{
  RecommendationDoneOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_recommendations_close (db, options->id, &options->date, options->note, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_recommendation_done_command = {
  .name = "recommendation done",
  .summary = N_("Close a recommendation"),
  .parameters = N_("ID"),
  .description = N_("Record that the recommendation was carried out on a date, with the follow-up note. A "
                    "closed one is refused."),
  .entries = recommendation_done_entries,
  .options_size = sizeof (RecommendationDoneOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the recommendation’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = recommendation_done_check,
  .run = recommendation_done_run,
};
