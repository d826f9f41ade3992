/* par-cli-plan.c: the commands of the annual reform plan: plan create, list and carry-over; task add, list, progress, done and cancel
 *
 * Malformed values (a date, a year, a quarter, a percent, an area or a
 * status word) are bad usage, found before the file is opened; names the
 * file does not hold (a unit code, a plan or task id) fail once it is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

/* Reads a date option; unset leaves @date as today. */
int
par_cli_parse_date (ParCliContext *ctx,
                    const char    *option,
                    const char    *text,
                    GDate         *date)
{
  g_autofree char *message = NULL;

  if (text == NULL)
    {
      par_plan_today (date);
      return PAR_CLI_OK;
    }
  if (par_plan_parse_date (text, date))
    return PAR_CLI_OK;
  message = g_strdup_printf (_("%s: “%s” is not a date; write YYYY-MM-DD or DD/MM/YYYY."), option, text);
  return par_cli_usage (ctx, message);
}

static int
parse_year (ParCliContext *ctx,
            const char    *option,
            const char    *text,
            int           *year)
{
  g_autofree char *message = NULL;

  if (par_plan_parse_year (text, year))
    return PAR_CLI_OK;
  message = g_strdup_printf (_("%s is a year from %d to %d."), option, PAR_PLAN_MIN_YEAR, PAR_PLAN_MAX_YEAR);
  return par_cli_usage (ctx, message);
}

/* A task id given as the command's argument. */
static int
parse_task_id (ParCliContext *ctx,
               const char    *text,
               gint64        *id)
{
  guint64 value;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *id = (gint64) value;
      return PAR_CLI_OK;
    }
  return par_cli_usage (ctx, _("A task id is a whole number above 0."));
}

/* The unit with code @code, or NULL (the reason told, exit 1 in @code_out). */
static ParUnit *
find_unit (ParCliContext *ctx,
           ParDatabase   *db,
           const char    *code,
           int           *exit_code)
{
  g_autoptr(GError) error = NULL;
  ParUnit *unit = par_directory_find_unit (db, code, &error);

  if (unit == NULL)
    *exit_code = par_cli_fail (ctx, error);
  return unit;
}

/* plan create ------------------------------------------------------------ */

typedef struct
{
  char *unit_code;
  char *year_text;
  char *title;
  int   year;   /* from year_text */
} PlanCreateOptions;

static const GOptionEntry plan_create_entries[] = {
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (PlanCreateOptions, unit_code),
    N_("the code of the unit whose plan it is"), N_("CODE") },
  { "year", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (PlanCreateOptions, year_text),
    N_("the plan’s year"), N_("YEAR") },
  { "title", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (PlanCreateOptions, title),
    N_("the plan’s title (default: Annual reform plan YEAR)"), N_("TITLE") },
  { NULL }
};

static int
plan_create_check (ParCliContext *ctx,
                   gpointer       data,
                   char         **args)
{
  PlanCreateOptions *options = data;

  if (options->unit_code == NULL || options->year_text == NULL)
    return par_cli_usage (ctx, _("Give --unit and --year."));
  return parse_year (ctx, "--year", options->year_text, &options->year);
}

static int
plan_create_run (ParCliContext *ctx,
                 ParDatabase   *db,
                 gpointer       data,
                 char         **args)
{
  PlanCreateOptions *options = data;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;
  gint64 id;

  unit = find_unit (ctx, db, options->unit_code, &code);
  if (unit == NULL)
    return code;
  id = par_plans_create (db, par_unit_get_id (unit), options->year, options->title, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_plan_create_command = {
  .name = "plan create",
  .summary = N_("Create a unit’s reform plan for a year"),
  .description = N_("Create the unit’s annual reform plan for the year and print its id. A unit has one plan a year."),
  .entries = plan_create_entries,
  .options_size = sizeof (PlanCreateOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = plan_create_check,
  .run = plan_create_run,
};

/* plan list -------------------------------------------------------------- */

static int
plan_list_run (ParCliContext *ctx,
               ParDatabase   *db,
               gpointer       data,
               char         **args)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = par_plans_list (db, &error);
  if (plans == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < plans->len; i++)
    {
      ParPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *title = par_cli_field (par_plan_get_title (plan));

      printf ("%" G_GINT64_FORMAT "\t%d\t%s\t%u\t%s\n", par_plan_get_id (plan), par_plan_get_year (plan),
              par_plan_get_unit_code (plan), par_plan_get_n_tasks (plan), title);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_plan_list_command = {
  .name = "plan list",
  .summary = N_("List the reform plans"),
  .description = N_("List the plans by year, then unit: ID, YEAR, the unit’s CODE, the number of TASKS "
                    "(cancelled ones included) and TITLE, separated by tabs."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = plan_list_run,
};

/* plan carry-over -------------------------------------------------------- */

typedef struct
{
  gint64  from_id;
  char   *year_text;
  int     year;
} CarryOverOptions;

static const GOptionEntry carry_over_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (CarryOverOptions, from_id),
    N_("the plan whose unfinished tasks are carried over"), N_("ID") },
  { "to-year", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (CarryOverOptions, year_text),
    N_("the later year they are carried into"), N_("YEAR") },
  { NULL }
};

static int
carry_over_check (ParCliContext *ctx,
                  gpointer       data,
                  char         **args)
{
  CarryOverOptions *options = data;

  if (options->from_id <= 0 || options->year_text == NULL)
    return par_cli_usage (ctx, _("Give --from and --to-year."));
  return parse_year (ctx, "--to-year", options->year_text, &options->year);
}

static int
carry_over_run (ParCliContext *ctx,
                ParDatabase   *db,
                gpointer       data,
                char         **args)
{
  CarryOverOptions *options = data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = par_plans_carry_over (db, options->from_id, options->year, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_plan_carry_over_command = {
  .name = "plan carry-over",
  .summary = N_("Carry a plan’s unfinished tasks into a later year"),
  .description = N_("Copy the tasks of the plan that are neither completed nor cancelled into the same unit’s "
                    "plan for the later year, creating it if needed, and print that plan’s id. Tasks copied "
                    "before are not copied again."),
  .entries = carry_over_entries,
  .options_size = sizeof (CarryOverOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = carry_over_check,
  .run = carry_over_run,
};

/* task add --------------------------------------------------------------- */

typedef struct
{
  gint64           plan_id;
  char            *title;
  char            *area_text;
  char            *lead_code;
  char           **coordinating;    /* each may hold several codes, comma-separated */
  char            *output;
  char            *deadline_text;
  char            *quarter_text;
  gboolean         ongoing;
  char            *code;
  ParTaskSpec      spec;            /* from the above, but the units */
} TaskAddOptions;

static const GOptionEntry task_add_entries[] = {
  { "plan", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (TaskAddOptions, plan_id), N_("the plan’s id"), N_("ID") },
  { "title", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, title), N_("what is to be done"),
    N_("TEXT") },
  { "area", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, area_text),
    N_("the reform area: its key, numeral (I–VII), number or name"), N_("AREA") },
  { "lead", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, lead_code),
    N_("the code of the lead unit"), N_("CODE") },
  { "coordinating", 0, 0, G_OPTION_ARG_STRING_ARRAY, PAR_CLI_OPTION (TaskAddOptions, coordinating),
    N_("the codes of the coordinating units, in order"), N_("CODE,…") },
  { "output", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, output), N_("the expected output"),
    N_("TEXT") },
  { "deadline", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, deadline_text),
    N_("due on a date"), N_("DATE") },
  { "quarter", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, quarter_text),
    N_("due by the end of a quarter of the plan’s year (1–4)"), N_("Q") },
  { "ongoing", 0, 0, G_OPTION_ARG_NONE, PAR_CLI_OPTION (TaskAddOptions, ongoing),
    N_("runs all year, due on 31 December of the plan’s year"), NULL },
  { "code", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskAddOptions, code),
    N_("the task’s code (default: the area’s numeral and the next number, as III.2)"), N_("CODE") },
  { NULL }
};

/* Exactly one of --deadline, --quarter and --ongoing, read into @spec. */
static int
task_add_check_deadline (ParCliContext  *ctx,
                         TaskAddOptions *options)
{
  guint64 quarter;

  if ((options->deadline_text != NULL) + (options->quarter_text != NULL) + (options->ongoing != FALSE) != 1)
    return par_cli_usage (ctx, _("Give exactly one of --deadline, --quarter and --ongoing."));
  if (options->ongoing)
    options->spec.deadline_kind = PAR_DEADLINE_ONGOING;
  else if (options->quarter_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (options->quarter_text, 10, 1, 4, &quarter, NULL))
        return par_cli_usage (ctx, _("--quarter is a quarter from 1 to 4."));
      options->spec.deadline_kind = PAR_DEADLINE_QUARTER;
      options->spec.deadline_quarter = (int) quarter;
    }
  else
    {
      options->spec.deadline_kind = PAR_DEADLINE_DATE;
      return par_cli_parse_date (ctx, "--deadline", options->deadline_text, &options->spec.deadline_date);
    }
  return PAR_CLI_OK;
}

static int
task_add_check (ParCliContext *ctx,
                gpointer       data,
                char         **args)
{
  TaskAddOptions *options = data;
  g_autofree char *title = g_strstrip (g_strdup (options->title != NULL ? options->title : ""));

  if (options->plan_id <= 0 || options->area_text == NULL || options->lead_code == NULL)
    return par_cli_usage (ctx, _("Give --plan, --title, --area, --lead and a deadline."));
  if (*title == '\0')
    return par_cli_usage (ctx, _("--title cannot be empty."));
  if (!par_area_parse (options->area_text, &options->spec.area))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown area “%s”: give its key, numeral (I–VII), "
                                                    "number or name."), options->area_text);

      return par_cli_usage (ctx, message);
    }
  options->spec.title = options->title;
  options->spec.output = options->output;
  options->spec.code = options->code;
  return task_add_check_deadline (ctx, options);
}

/* The ids of the units --coordinating names, in order; NULL if one is unknown. */
static GArray *
find_coordinating (ParCliContext  *ctx,
                   ParDatabase    *db,
                   TaskAddOptions *options,
                   int            *exit_code)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; options->coordinating != NULL && options->coordinating[i] != NULL; i++)
    {
      g_auto(GStrv) codes = g_strsplit (options->coordinating[i], ",", -1);

      for (guint j = 0; codes[j] != NULL; j++)
        {
          g_autoptr(ParUnit) unit = NULL;
          gint64 id;

          g_strstrip (codes[j]);
          if (*codes[j] == '\0')
            continue;
          unit = find_unit (ctx, db, codes[j], exit_code);
          if (unit == NULL)
            return NULL;
          id = par_unit_get_id (unit);
          g_array_append_val (ids, id);
        }
    }
  return g_steal_pointer (&ids);
}

static int
task_add_run (ParCliContext *ctx,
              ParDatabase   *db,
              gpointer       data,
              char         **args)
{
  TaskAddOptions *options = data;
  g_autoptr(ParUnit) lead = NULL;
  g_autoptr(GArray) coordinating = NULL;
  g_autoptr(ParPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;
  gint64 id;

  plan = par_plans_get (db, options->plan_id, &error);
  if (plan == NULL)
    return par_cli_fail (ctx, error);
  lead = find_unit (ctx, db, options->lead_code, &code);
  if (lead == NULL || (coordinating = find_coordinating (ctx, db, options, &code)) == NULL)
    return code;
  options->spec.lead_id = par_unit_get_id (lead);
  options->spec.coordinating_ids = (const gint64 *) (gpointer) coordinating->data;
  options->spec.n_coordinating = coordinating->len;
  id = par_plans_add_task (db, options->plan_id, &options->spec, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_task_add_command = {
  .name = "task add",
  .summary = N_("Add a task at the end of a plan"),
  .description = N_("Add a task at the end of the plan and print its id. Give exactly one of --deadline, "
                    "--quarter and --ongoing. Codes are unique in a plan; a unit is named once."),
  .entries = task_add_entries,
  .options_size = sizeof (TaskAddOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = task_add_check,
  .run = task_add_run,
};

/* task list -------------------------------------------------------------- */

typedef struct
{
  gint64         plan_id;
  char          *as_of_text;
  char          *status_text;
  char          *unit_code;
  GDate          as_of;
  ParTaskStatus  status;
} TaskListOptions;

static const GOptionEntry task_list_entries[] = {
  { "plan", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (TaskListOptions, plan_id), N_("the plan’s id"), N_("ID") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskListOptions, as_of_text),
    N_("percents and statuses as of this date (default today)"), N_("DATE") },
  { "status", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskListOptions, status_text),
    N_("only the tasks with this status as of the date"), N_("STATUS") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskListOptions, unit_code),
    N_("only the tasks the unit leads or coordinates"), N_("CODE") },
  { NULL }
};

static int
task_list_check (ParCliContext *ctx,
                 gpointer       data,
                 char         **args)
{
  TaskListOptions *options = data;

  if (options->plan_id <= 0)
    return par_cli_usage (ctx, _("Give --plan."));
  if (options->status_text != NULL && !par_task_status_from_string (options->status_text, &options->status))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown status “%s”: use not-started, in-progress, done, "
                                                    "done-late, overdue or cancelled."), options->status_text);

      return par_cli_usage (ctx, message);
    }
  return par_cli_parse_date (ctx, "--as-of", options->as_of_text, &options->as_of);
}

static void
print_task (ParTask     *task,
            const GDate *as_of)
{
  g_autofree char *code = par_cli_field (par_task_get_code (task));
  g_autofree char *title = par_cli_field (par_task_get_title (task));
  g_autofree char *coordinating = g_strjoinv (",", par_task_get_coordinating_codes (task));
  g_autofree char *deadline_text = NULL;
  g_autofree char *completed_text = NULL;
  GDate deadline, completed;

  par_task_get_deadline (task, &deadline);
  deadline_text = par_plan_format_date (&deadline);
  if (!par_task_get_completed (task, &completed) || g_date_compare (&completed, as_of) > 0)
    g_date_clear (&completed, 1);
  completed_text = par_plan_format_date (&completed);
  printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%u\t%s\t%s\t%s\n", par_task_get_id (task), code,
          par_area_to_string (par_task_get_area (task)), par_task_get_lead_code (task), coordinating,
          deadline_text, par_task_get_percent (task, as_of), completed_text,
          par_task_status_to_string (par_task_get_status (task, as_of)), title);
}

static int
task_list_run (ParCliContext *ctx,
               ParDatabase   *db,
               gpointer       data,
               char         **args)
{
  TaskListOptions *options = data;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;

  tasks = par_plans_list_tasks (db, options->plan_id, &error);
  if (tasks == NULL)
    return par_cli_fail (ctx, error);
  if (options->unit_code != NULL && (unit = find_unit (ctx, db, options->unit_code, &code)) == NULL)
    return code;
  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);

      if (options->status_text != NULL && par_task_get_status (task, &options->as_of) != options->status)
        continue;
      if (unit != NULL && !par_task_involves_unit (task, par_unit_get_id (unit)))
        continue;
      print_task (task, &options->as_of);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_task_list_command = {
  .name = "task list",
  .summary = N_("List a plan’s tasks with their status as of a date"),
  .description = N_("List the plan’s tasks in plan order: ID, CODE, AREA, LEAD, COORDINATING, DEADLINE, "
                    "PERCENT, COMPLETED, STATUS and TITLE, separated by tabs, as of --as-of (default today)."),
  .entries = task_list_entries,
  .options_size = sizeof (TaskListOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = task_list_check,
  .run = task_list_run,
};

/* task progress, done, cancel -------------------------------------------- */

typedef struct
{
  char   *percent_text;
  char   *date_text;
  char   *note;
  gint64  task_id;
  guint   percent;
  GDate   date;
} TaskChangeOptions;

static const GOptionEntry task_progress_entries[] = {
  { "percent", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskChangeOptions, percent_text),
    N_("how far the task is, a whole number from 0 to 100; 100 completes it"), N_("N") },
  { "date", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskChangeOptions, date_text),
    N_("the day it was reached (default today)"), N_("DATE") },
  { "note", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskChangeOptions, note), N_("a note"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry task_done_entries[] = {
  { "date", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskChangeOptions, date_text),
    N_("the day (default today)"), N_("DATE") },
  { "note", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (TaskChangeOptions, note), N_("a note"), N_("TEXT") },
  { NULL }
};

static int
task_change_check (ParCliContext *ctx,
                   gpointer       data,
                   char         **args)
{
  TaskChangeOptions *options = data;
  int code = parse_task_id (ctx, args[0], &options->task_id);

  return code != PAR_CLI_OK ? code : par_cli_parse_date (ctx, "--date", options->date_text, &options->date);
}

static int
task_progress_check (ParCliContext *ctx,
                     gpointer       data,
                     char         **args)
{
  TaskChangeOptions *options = data;
  guint64 percent;

  if (options->percent_text == NULL)
    return par_cli_usage (ctx, _("Give --percent."));
  if (!g_ascii_string_to_unsigned (options->percent_text, 10, 0, 100, &percent, NULL))
    return par_cli_usage (ctx, _("--percent is a whole number from 0 to 100."));
  options->percent = (guint) percent;
  return task_change_check (ctx, data, args);
}

static int
task_progress_run (ParCliContext *ctx,
                   ParDatabase   *db,
                   gpointer       data,
                   char         **args)
{
  TaskChangeOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_plans_record_progress (db, options->task_id, &options->date, options->percent, options->note, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

static int
task_done_run (ParCliContext *ctx,
               ParDatabase   *db,
               gpointer       data,
               char         **args)
{
  TaskChangeOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_plans_complete_task (db, options->task_id, &options->date, options->note, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

static int
task_cancel_run (ParCliContext *ctx,
                 ParDatabase   *db,
                 gpointer       data,
                 char         **args)
{
  TaskChangeOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_plans_cancel_task (db, options->task_id, &options->date, options->note, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_task_progress_command = {
  .name = "task progress",
  .summary = N_("Record a task’s progress"),
  .parameters = N_("ID"),
  .description = N_("Record the percent the task reached on a date; 100 completes it on that date. "
                    "A completed or cancelled task is refused."),
  .entries = task_progress_entries,
  .options_size = sizeof (TaskChangeOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the task’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = task_progress_check,
  .run = task_progress_run,
};

const ParCliCommand par_cli_task_done_command = {
  .name = "task done",
  .summary = N_("Record that a task was completed"),
  .parameters = N_("ID"),
  .description = N_("Record that the task was completed on a date; its percent is 100 from then. "
                    "A completed or cancelled task is refused."),
  .entries = task_done_entries,
  .options_size = sizeof (TaskChangeOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the task’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = task_change_check,
  .run = task_done_run,
};

const ParCliCommand par_cli_task_cancel_command = {
  .name = "task cancel",
  .summary = N_("Cancel a task"),
  .parameters = N_("ID"),
  .description = N_("Cancel the task from a date on. A completed or cancelled task is refused."),
  .entries = task_done_entries,
  .options_size = sizeof (TaskChangeOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the task’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = task_change_check,
  .run = task_cancel_run,
};
