/* par-cli-index.c: the criteria and score commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  char *name;
  char *level;
  int   year;
} CriteriaImportOptions;

static const GOptionEntry criteria_import_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (CriteriaImportOptions, name),
    N_("the set’s name (a JSON file may give it)"), N_("NAME") },
  { "level", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (CriteriaImportOptions, level),
    N_("the level of the units it scores: province, department, district, commune or office"), N_("LEVEL") },
  { "year", 0, 0, G_OPTION_ARG_INT, PAR_CLI_OPTION (CriteriaImportOptions, year), N_("the year it scores"),
    N_("YEAR") },
  { NULL }
};

/* Judged before the file to import is read, so that a wrong --level or
 * --year is bad usage as in unit add, not one of that file's problems. An
 * empty --level overrides nothing, as the core reads it. */
static int
criteria_import_check (ParCliContext  *ctx,
                       gpointer        data,
                       char          **args)
{
  CriteriaImportOptions *options = data;
  ParUnitLevel level;
  int code = PAR_CLI_OK;

  if (options->level != NULL && *options->level != '\0')
    code = par_cli_parse_level (ctx, options->level, &level);
  if (code == PAR_CLI_OK && options->year != 0 && (options->year < 2000 || options->year > 2100))
    code = par_cli_usage (ctx, _("--year is a year from 2000 to 2100."));
  return code;
}

static int
criteria_import_run (ParCliContext  *ctx,
                     ParDatabase    *db,
                     gpointer        data,
                     char          **args)
{
  CriteriaImportOptions *options = data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = par_criteria_import_file (db, args[0], options->name, options->level, options->year, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_criteria_import_command = {
  .name = "criteria import",
  .summary = N_("Import a criteria set from a JSON or CSV file"),
  .parameters = N_("FILE"),
  .description = N_("Import a criteria set from a JSON or CSV file and print its id. A file with any problem "
                    "imports nothing."),
  .entries = criteria_import_entries,
  .options_size = sizeof (CriteriaImportOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one file to import."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = criteria_import_check,
  .run = criteria_import_run,
};

static int
criteria_list_run (ParCliContext  *ctx,
                   ParDatabase    *db,
                   gpointer        data,
                   char          **args)
{
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;

  sets = par_criteria_set_list (db, &error);
  if (sets == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < sets->len; i++)
    {
      ParCriteriaSet *set = g_ptr_array_index (sets, i);
      g_autofree char *max = par_points_to_string (par_criteria_set_get_max_total (set));
      g_autofree char *name = par_cli_field (par_criteria_set_get_name (set));

      printf ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\t%s\n", par_criteria_set_get_id (set),
              par_criteria_set_get_year (set), par_unit_level_to_string (par_criteria_set_get_level (set)), name,
              max);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_criteria_list_command = {
  .name = "criteria list",
  .summary = N_("List the criteria sets"),
  .description = N_("List the criteria sets: ID, YEAR, LEVEL, NAME and MAX_TOTAL, separated by tabs."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = criteria_list_run,
};

typedef struct
{
  gint64   set_id;
  char    *unit_code;
  char    *node_code;
  char    *self_text;
  char    *appraised_text;
  gboolean not_applicable;
  char    *note;
  gint64   value;   /* self_text or appraised_text, read */
} ScoreSetOptions;

static const GOptionEntry score_set_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ScoreSetOptions, set_id), N_("the criteria set’s id"),
    N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreSetOptions, unit_code), N_("the unit’s code"),
    N_("CODE") },
  { "code", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreSetOptions, node_code),
    N_("the item’s code, such as 1.2.1"), N_("CODE") },
  { "self", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreSetOptions, self_text),
    N_("the self-score (0.5 or 0,5)"), N_("POINTS") },
  { "appraised", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreSetOptions, appraised_text),
    N_("the appraised score"), N_("POINTS") },
  { "na", 0, 0, G_OPTION_ARG_NONE, PAR_CLI_OPTION (ScoreSetOptions, not_applicable),
    N_("mark the item not applicable to the unit"), NULL },
  { "note", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreSetOptions, note), N_("the explanation (giải trình)"),
    N_("TEXT") },
  { NULL }
};

static int
score_set_check (ParCliContext  *ctx,
                 gpointer        data,
                 char          **args)
{
  ScoreSetOptions *options = data;
  const char *points = options->self_text != NULL ? options->self_text : options->appraised_text;
  g_autoptr(GError) error = NULL;
  int n_changes;

  if (options->set_id == 0 || options->unit_code == NULL || options->node_code == NULL)
    return par_cli_usage (ctx, _("Give --set, --unit and --code."));
  n_changes = (options->self_text != NULL) + (options->appraised_text != NULL) + options->not_applicable;
  if (n_changes > 1)
    return par_cli_usage (ctx, _("Give only one of --self, --appraised and --na."));
  if (n_changes == 0 && options->note == NULL)
    return par_cli_usage (ctx, _("Give --self, --appraised, --na or --note."));
  /* Points that are no points at all (abc, -1, 0.1234) are bad usage,
   * like --set abc; only what the item's method refuses needs the file. */
  if (points != NULL && !par_points_parse (points, &options->value, &error))
    return par_cli_usage (ctx, error->message);
  return PAR_CLI_OK;
}

static int
score_set_run (ParCliContext  *ctx,
               ParDatabase    *db,
               gpointer        data,
               char          **args)
{
  ScoreSetOptions *options = data;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node;
  int code = PAR_CLI_OK;

  assessment = par_cli_open_assessment (ctx, db, options->set_id, options->unit_code, &code);
  if (assessment == NULL)
    return code;
  node = par_cli_find_item (ctx, assessment, options->node_code, &code);
  if (node == NULL)
    return code;

  if ((options->self_text != NULL
       && !par_assessment_set_score (assessment, node, PAR_SCORE_SELF, FALSE, options->value, &error))
      || (options->appraised_text != NULL
          && !par_assessment_set_score (assessment, node, PAR_SCORE_APPRAISED, FALSE, options->value, &error))
      || (options->not_applicable && !par_assessment_set_not_applicable (assessment, node, TRUE, &error))
      || (options->note != NULL && !par_assessment_set_explanation (assessment, node, options->note, &error)))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_score_set_command = {
  .name = "score set",
  .summary = N_("Score one item of a unit"),
  .description = N_("Score one item of a unit: a self-score, an appraised score, or not applicable, with an "
                    "optional explanation. A value the item’s method does not allow is refused."),
  .entries = score_set_entries,
  .options_size = sizeof (ScoreSetOptions),
  .args_message = N_("This command takes only options."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = score_set_check,
  .run = score_set_run,
};

static char *
subtotal_field (gboolean not_applicable,
                gboolean has,
                gint64   milli)
{
  if (not_applicable)
    return g_strdup ("NA");
  return has ? par_points_to_string (milli) : g_strdup ("");
}

typedef struct
{
  gint64 set_id;
  char  *unit_code;
} ScoreShowOptions;

static const GOptionEntry score_show_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ScoreShowOptions, set_id), N_("the criteria set’s id"),
    N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreShowOptions, unit_code), N_("the unit’s code"),
    N_("CODE") },
  { NULL }
};

static int
score_show_check (ParCliContext  *ctx,
                  gpointer        data,
                  char          **args)
{
  ScoreShowOptions *options = data;

  if (options->set_id == 0 || options->unit_code == NULL)
    return par_cli_usage (ctx, _("Give --set and --unit."));
  return PAR_CLI_OK;
}

static int
score_show_run (ParCliContext  *ctx,
                ParDatabase    *db,
                gpointer        data,
                char          **args)
{
  ScoreShowOptions *options = data;
  g_autoptr(ParAssessment) assessment = NULL;
  ParCriteriaSet *set;
  ParTotals totals;
  int code = PAR_CLI_OK;

  assessment = par_cli_open_assessment (ctx, db, options->set_id, options->unit_code, &code);
  if (assessment == NULL)
    return code;

  set = par_assessment_get_set (assessment);
  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);
      ParSubtotal sub;
      g_autofree char *max = par_points_to_string (par_criteria_node_get_max (node));
      g_autofree char *self_points = NULL;
      g_autofree char *appraised = NULL;

      par_assessment_get_subtotal (assessment, node, &sub);
      self_points = subtotal_field (sub.not_applicable, sub.has_self, sub.self_milli);
      appraised = subtotal_field (sub.not_applicable, sub.has_appraised, sub.appraised_milli);
      printf ("%s\t%s\t%s\t%s\n", par_criteria_node_get_code (node), max, self_points, appraised);
    }

  par_assessment_get_totals (assessment, &totals);
  {
    g_autofree char *max = par_points_to_string (totals.max_milli);
    g_autofree char *self_points = subtotal_field (FALSE, totals.has_self, totals.self_milli);
    g_autofree char *appraised = subtotal_field (FALSE, totals.has_appraised, totals.appraised_milli);
    g_autofree char *applicable = par_points_to_string (totals.applicable_milli);
    g_autofree char *self_percent = par_percent_to_string (totals.self_percent);
    g_autofree char *appraised_percent = par_percent_to_string (totals.appraised_percent);

    printf ("TOTAL\t%s\t%s\t%s\n", max, self_points, appraised);
    printf ("PERCENT\t%s\t%s\t%s\n", applicable, self_percent, appraised_percent);
  }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_score_show_command = {
  .name = "score show",
  .summary = N_("Show a unit’s scores and totals"),
  .description = N_("Show a unit’s scores: CODE, MAX, SELF and APPRAISED for every node in tree order, then "
                    "the TOTAL line and the PERCENT line."),
  .entries = score_show_entries,
  .options_size = sizeof (ScoreShowOptions),
  .args_message = N_("Give --set and --unit."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = score_show_check,
  .run = score_show_run,
};

typedef struct
{
  gint64 from_id;
  gint64 to_id;
  char  *unit_code;
} ScoreCopyOptions;

static const GOptionEntry score_copy_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ScoreCopyOptions, from_id), N_("the set scored last year"),
    N_("ID") },
  { "to", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (ScoreCopyOptions, to_id), N_("this year’s set"), N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (ScoreCopyOptions, unit_code), N_("the unit’s code"),
    N_("CODE") },
  { NULL }
};

static int
score_copy_check (ParCliContext  *ctx,
                  gpointer        data,
                  char          **args)
{
  ScoreCopyOptions *options = data;

  if (options->from_id == 0 || options->to_id == 0 || options->unit_code == NULL)
    return par_cli_usage (ctx, _("Give --from, --to and --unit."));
  if (options->from_id == options->to_id)
    return par_cli_usage (ctx, _("--from and --to must be two different sets."));
  return PAR_CLI_OK;
}

static int
score_copy_run (ParCliContext  *ctx,
                ParDatabase    *db,
                gpointer        data,
                char          **args)
{
  ScoreCopyOptions *options = data;
  g_autoptr(ParAssessment) source = NULL;
  g_autoptr(ParAssessment) target = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;

  source = par_cli_open_assessment (ctx, db, options->from_id, options->unit_code, &code);
  if (source == NULL)
    return code;
  target = par_cli_open_assessment (ctx, db, options->to_id, options->unit_code, &code);
  if (target == NULL)
    return code;
  if (!par_assessment_copy_from (target, source, &new_items, &dropped, &error))
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < new_items->len; i++)
    printf ("NEW\t%s\n", (char *) g_ptr_array_index (new_items, i));
  for (guint i = 0; i < dropped->len; i++)
    printf ("DROPPED\t%s\n", (char *) g_ptr_array_index (dropped, i));
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_score_copy_command = {
  .name = "score copy",
  .summary = N_("Start a unit’s scores from another set (last year’s)"),
  .description = N_("Start a unit’s scores in a new set from another set: self-scores, “not applicable” and "
                    "explanations are copied to the items with the same code. Prints NEW and the code of "
                    "each item that was not filled, and DROPPED and the code of each scored item that the "
                    "new set does not have."),
  .entries = score_copy_entries,
  .options_size = sizeof (ScoreCopyOptions),
  .args_message = N_("Give --from, --to and --unit."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = score_copy_check,
  .run = score_copy_run,
};
