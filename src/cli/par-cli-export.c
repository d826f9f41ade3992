/* par-cli-export.c: the export scores and export ranking commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

int
par_cli_export_scores (ParCliContext  *ctx,
                       int             argc,
                       char          **argv)
{
  gint64 set_id = 0;
  g_autofree char *unit_code = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_INT64, &set_id, N_("the criteria set’s id"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("the unit’s code"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the workbook to write"), N_("FILE.xlsx") },
    { NULL }
  };

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Write a unit’s score sheet as an XLSX workbook, in the language "
                                           "of the interface."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 1 || set_id == 0 || unit_code == NULL || output == NULL)
    return par_cli_usage (ctx, options, _("Give --set, --unit and -o."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  assessment = par_cli_open_assessment (ctx, db, set_id, unit_code, &code);
  if (assessment == NULL)
    return code;
  if (!par_export_score_sheet (db, assessment, output, &cut_items, &error))
    return par_cli_fail (ctx, error);
  for (guint i = 0; cut_items[i] != NULL; i++)
    fprintf (stderr, _("par-desk-cli %s: warning: item %s has more text than an Excel cell holds (32,767 "
                       "characters); the sheet shows its beginning, marked as continuing in PAR Desk.\n"),
             ctx->command, cut_items[i]);
  return PAR_CLI_OK;
}

int
par_cli_export_ranking (ParCliContext  *ctx,
                        int             argc,
                        char          **argv)
{
  gint64 set_id = 0;
  g_autofree char *output = NULL;
  g_autofree char *basis_name = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  ParRankingBasis basis = PAR_RANKING_BY_SELF;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_INT64, &set_id, N_("the criteria set’s id"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the workbook to write"), N_("FILE.xlsx") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis_name,
      N_("rank by self or appraised scores (default: appraised once any unit is appraised)"), N_("BASIS") },
    { NULL }
  };

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Write the ranking of every unit scored against a set as an XLSX "
                                           "workbook."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 1 || set_id == 0 || output == NULL)
    return par_cli_usage (ctx, options, _("Give --set and -o."));
  if (basis_name != NULL && !g_str_equal (basis_name, "self") && !g_str_equal (basis_name, "appraised"))
    return par_cli_usage (ctx, options, _("--basis is self or appraised."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  set = par_criteria_set_load (db, set_id, &error);
  if (set == NULL)
    return par_cli_fail (ctx, error);
  if (basis_name != NULL)
    basis = g_str_equal (basis_name, "appraised") ? PAR_RANKING_BY_APPRAISED : PAR_RANKING_BY_SELF;
  else if (!par_ranking_default_basis (db, set, &basis, &error))
    return par_cli_fail (ctx, error);
  if (!par_export_ranking (db, set, basis, output, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}
