/* par-cli-plan-import.c: plan import, the tasks of a CSV file appended to a plan
 *
 * Every problem of the file goes to stderr as FILE:LINE: what is wrong,
 * FILE as the command line gives it; a file with any problem adds nothing
 * (exit 1). On success each new task is printed as ID<TAB>CODE, in file
 * order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  gint64 plan_id;
} PlanImportOptions;

static const GOptionEntry plan_import_entries[] = {
  { "plan", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (PlanImportOptions, plan_id),
    N_("the plan the tasks are added to"), N_("ID") },
  { NULL }
};

static int
plan_import_check (ParCliContext *ctx,
                   gpointer       data,
                   char         **args)
{
  PlanImportOptions *options = data;

  if (options->plan_id <= 0)
    return par_cli_usage (ctx, _("Give --plan, the id of the plan the tasks are added to."));
  return PAR_CLI_OK;
}

/* The file's bytes, at most one more than the import takes, so that a
 * larger file is told as such without being read whole; NULL with @error set. */
static GBytes *
read_bounded (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  gsize size = PAR_PLAN_IMPORT_MAX_BYTES + 1;
  g_autofree char *buffer = NULL;
  gsize n_read = 0;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (size);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, size, &n_read, NULL, error))
    return NULL;
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (n_read, 1)), n_read);
}

static int
plan_import_run (ParCliContext *ctx,
                 ParDatabase   *db,
                 gpointer       data,
                 char         **args)
{
  PlanImportOptions *options = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(ParPlanImport) import = NULL;
  g_autoptr(GArray) ids = NULL;
  guint n_problems;

  contents = read_bounded (args[0], &error);
  if (contents == NULL)
    return par_cli_fail (ctx, error);
  import = par_plan_import_read (db, options->plan_id, contents, &error);
  if (import == NULL)
    return par_cli_fail (ctx, error);
  n_problems = par_plan_import_get_n_problems (import);
  for (guint i = 0; i < n_problems; i++)
    {
      const ParPlanImportProblem *problem = par_plan_import_get_problem (import, i);

      fprintf (stderr, "%s:%u: %s\n", args[0], problem->line, problem->message);
    }
  if (n_problems > 0)
    return PAR_CLI_FAILED;
  ids = par_plan_import_write (db, import, &error);
  if (ids == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < ids->len; i++)
    printf ("%" G_GINT64_FORMAT "\t%s\n", g_array_index (ids, gint64, i),
            par_plan_import_get_task (import, i)->spec.code);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_plan_import_command = {
  .name = "plan import",
  .summary = N_("Add the tasks of a CSV file to a plan"),
  .parameters = N_("FILE.csv"),
  .description = N_("Append the tasks of a CSV file (saved as CSV UTF-8 by Excel or LibreOffice) to the plan, "
                    "in file order, and print ID and CODE of each new task, separated by a tab. A file with "
                    "any problem adds nothing: every problem is told as FILE:LINE: what is wrong."),
  .entries = plan_import_entries,
  .options_size = sizeof (PlanImportOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one CSV file."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = plan_import_check,
  .run = plan_import_run,
};
