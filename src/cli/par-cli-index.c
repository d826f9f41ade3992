/* par-cli-index.c: the criteria and score commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

int
par_cli_criteria_import (ParCliContext  *ctx,
                         int             argc,
                         char          **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *level = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int year = 0;
  int code = PAR_CLI_OK;
  gint64 id;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("the set’s name (a JSON file may give it)"), N_("NAME") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level,
      N_("the level of the units it scores: province, department, district, commune or office"), N_("LEVEL") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("the year it scores"), N_("YEAR") },
    { NULL }
  };

  options = g_option_context_new (_("FILE"));
  g_option_context_set_summary (options, _("Import a criteria set from a JSON or CSV file and print its id. "
                                           "A file with any problem imports nothing."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return par_cli_usage (ctx, options, _("Give one file to import."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  id = par_criteria_import_file (db, argv[1], name, level, year, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

int
par_cli_criteria_list (ParCliContext  *ctx,
                       int             argc,
                       char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("List the criteria sets: ID, YEAR, LEVEL, NAME and MAX_TOTAL, "
                                           "separated by tabs."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code)
      || (code = par_cli_expect_no_arguments (ctx, options, argc)) != PAR_CLI_OK)
    return code;

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
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

int
par_cli_score_set (ParCliContext  *ctx,
                   int             argc,
                   char          **argv)
{
  gint64 set_id = 0;
  g_autofree char *unit_code = NULL;
  g_autofree char *node_code = NULL;
  g_autofree char *self_text = NULL;
  g_autofree char *appraised_text = NULL;
  g_autofree char *note = NULL;
  gboolean not_applicable = FALSE;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node;
  gint64 value = 0;
  int n_changes;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_INT64, &set_id, N_("the criteria set’s id"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("the unit’s code"), N_("CODE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &node_code, N_("the item’s code, such as 1.2.1"), N_("CODE") },
    { "self", 0, 0, G_OPTION_ARG_STRING, &self_text, N_("the self-score (0.5 or 0,5)"), N_("POINTS") },
    { "appraised", 0, 0, G_OPTION_ARG_STRING, &appraised_text, N_("the appraised score"), N_("POINTS") },
    { "na", 0, 0, G_OPTION_ARG_NONE, &not_applicable, N_("mark the item not applicable to the unit"), NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("the explanation (giải trình)"), N_("TEXT") },
    { NULL }
  };

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Score one item of a unit: a self-score, an appraised score, or "
                                           "not applicable, with an optional explanation. A value the "
                                           "item’s method does not allow is refused."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return par_cli_usage (ctx, options, _("This command takes only options."));
  if (set_id == 0 || unit_code == NULL || node_code == NULL)
    return par_cli_usage (ctx, options, _("Give --set, --unit and --code."));
  n_changes = (self_text != NULL) + (appraised_text != NULL) + not_applicable;
  if (n_changes > 1)
    return par_cli_usage (ctx, options, _("Give only one of --self, --appraised and --na."));
  if (n_changes == 0 && note == NULL)
    return par_cli_usage (ctx, options, _("Give --self, --appraised, --na or --note."));
  if ((self_text != NULL || appraised_text != NULL)
      && !par_points_parse (self_text != NULL ? self_text : appraised_text, &value, &error))
    return par_cli_fail (ctx, error);

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  assessment = par_cli_open_assessment (ctx, db, set_id, unit_code, &code);
  if (assessment == NULL)
    return code;
  node = par_cli_find_item (ctx, assessment, node_code, &code);
  if (node == NULL)
    return code;

  if ((self_text != NULL && !par_assessment_set_score (assessment, node, PAR_SCORE_SELF, FALSE, value, &error))
      || (appraised_text != NULL
          && !par_assessment_set_score (assessment, node, PAR_SCORE_APPRAISED, FALSE, value, &error))
      || (not_applicable && !par_assessment_set_not_applicable (assessment, node, TRUE, &error))
      || (note != NULL && !par_assessment_set_explanation (assessment, node, note, &error)))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

static char *
subtotal_field (gboolean not_applicable,
                gboolean has,
                gint64   milli)
{
  if (not_applicable)
    return g_strdup ("NA");
  return has ? par_points_to_string (milli) : g_strdup ("");
}

int
par_cli_score_show (ParCliContext  *ctx,
                    int             argc,
                    char          **argv)
{
  gint64 set_id = 0;
  g_autofree char *unit_code = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  ParCriteriaSet *set;
  ParTotals totals;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_INT64, &set_id, N_("the criteria set’s id"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("the unit’s code"), N_("CODE") },
    { NULL }
  };

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Show a unit’s scores: CODE, MAX, SELF and APPRAISED for every node "
                                           "in tree order, then the TOTAL line and the PERCENT line."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 1 || set_id == 0 || unit_code == NULL)
    return par_cli_usage (ctx, options, _("Give --set and --unit."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  assessment = par_cli_open_assessment (ctx, db, set_id, unit_code, &code);
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

int
par_cli_score_copy (ParCliContext  *ctx,
                    int             argc,
                    char          **argv)
{
  gint64 from_id = 0;
  gint64 to_id = 0;
  g_autofree char *unit_code = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParAssessment) source = NULL;
  g_autoptr(ParAssessment) target = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT64, &from_id, N_("the set scored last year"), N_("ID") },
    { "to", 0, 0, G_OPTION_ARG_INT64, &to_id, N_("this year’s set"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("the unit’s code"), N_("CODE") },
    { NULL }
  };

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Start a unit’s scores in a new set from another set: self-scores, "
                                           "“not applicable” and explanations are copied to the items with the "
                                           "same code. Prints NEW and the code of each item that was not "
                                           "filled, and DROPPED and the code of each scored item that the new "
                                           "set does not have."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 1 || from_id == 0 || to_id == 0 || unit_code == NULL)
    return par_cli_usage (ctx, options, _("Give --from, --to and --unit."));
  if (from_id == to_id)
    return par_cli_usage (ctx, options, _("--from and --to must be two different sets."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  source = par_cli_open_assessment (ctx, db, from_id, unit_code, &code);
  if (source == NULL)
    return code;
  target = par_cli_open_assessment (ctx, db, to_id, unit_code, &code);
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
