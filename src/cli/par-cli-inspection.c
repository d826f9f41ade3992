/* par-cli-inspection.c: the commands of inspections: inspection add, clashes, list, cancel and free-slots
 *
 * Malformed values (a date, a year, a number, an id that is not a number)
 * are bad usage, found before the file is opened; names the file does not
 * hold (a unit code, a staff or inspection id) fail once it is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

/* An id: a whole number above 0; anything else is bad usage naming @what. */
int
par_cli_parse_id (ParCliContext *ctx,
                  const char    *what,
                  const char    *text,
                  gint64        *id)
{
  g_autofree char *message = NULL;
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *id = (gint64) value;
      return PAR_CLI_OK;
    }
  message = g_strdup_printf (_("%s: “%s” is not an id; an id is a whole number above 0."), what,
                             text != NULL ? text : "");
  return par_cli_usage (ctx, message);
}

/* Appends to @ids the ids of @lists, each a comma-separated list of ids. */
static int
parse_id_lists (ParCliContext  *ctx,
                const char     *option,
                char          **lists,
                GArray         *ids)
{
  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      g_auto(GStrv) items = g_strsplit (lists[i], ",", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          gint64 id;
          int code;

          g_strstrip (items[j]);
          if (*items[j] == '\0')
            continue;
          code = par_cli_parse_id (ctx, option, items[j], &id);
          if (code != PAR_CLI_OK)
            return code;
          g_array_append_val (ids, id);
        }
    }
  return PAR_CLI_OK;
}

static void
print_clashes (FILE      *out,
               GPtrArray *clashes)
{
  for (guint i = 0; clashes != NULL && i < clashes->len; i++)
    {
      g_autofree char *line = par_clash_to_line (g_ptr_array_index (clashes, i));

      fprintf (out, "%s\n", line);
    }
}

/* inspection add --------------------------------------------------------- */

typedef struct
{
  char              *unit_code;
  char              *from_text;
  char              *to_text;
  char              *title;
  char              *scope;
  char              *leader;
  char             **deputies;
  char             **members;
  char              *secretary;
  gboolean           force;
  ParInspectionSpec  spec;   /* from the above, but the unit and the team */
} InspectionAddOptions;

static const GOptionEntry inspection_add_entries[] = {
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, unit_code),
    N_("the code of the unit inspected"), N_("CODE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, from_text),
    N_("the first day"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, to_text),
    N_("the last day (default: the first day)"), N_("DATE") },
  { "title", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, title),
    N_("the inspection’s title"), N_("TEXT") },
  { "scope", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, scope),
    N_("what is inspected"), N_("TEXT") },
  { "leader", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, leader),
    N_("the team leader’s staff id"), N_("STAFF") },
  { "deputy", 0, 0, G_OPTION_ARG_STRING_ARRAY, PAR_CLI_OPTION (InspectionAddOptions, deputies),
    N_("the deputy leaders’ staff ids, in order"), N_("STAFF,…") },
  { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, PAR_CLI_OPTION (InspectionAddOptions, members),
    N_("the members’ staff ids, in order"), N_("STAFF,…") },
  { "secretary", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionAddOptions, secretary),
    N_("the secretary’s staff id"), N_("STAFF") },
  { "force", 0, 0, G_OPTION_ARG_NONE, PAR_CLI_OPTION (InspectionAddOptions, force),
    N_("save the inspection even if it clashes"), NULL },
  { NULL }
};

/* The team in role order, into @team (of ParTeamSeat). */
static int
read_team (ParCliContext        *ctx,
           InspectionAddOptions *options,
           GArray               *team)
{
  char *leader[] = { options->leader, NULL };
  char *secretary[] = { options->secretary, NULL };
  struct { const char *option; char **lists; ParTeamRole role; } roles[] = {
    { "--leader", leader, PAR_TEAM_ROLE_LEADER },
    { "--deputy", options->deputies, PAR_TEAM_ROLE_DEPUTY },
    { "--member", options->members, PAR_TEAM_ROLE_MEMBER },
    { "--secretary", secretary, PAR_TEAM_ROLE_SECRETARY },
  };

  for (gsize r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      int code = parse_id_lists (ctx, roles[r].option, roles[r].lists, ids);

      if (code != PAR_CLI_OK)
        return code;
      if ((roles[r].role == PAR_TEAM_ROLE_LEADER || roles[r].role == PAR_TEAM_ROLE_SECRETARY) && ids->len > 1)
        {
          g_autofree char *message = g_strdup_printf (_("%s takes one staff id."), roles[r].option);

          return par_cli_usage (ctx, message);
        }
      for (guint i = 0; i < ids->len; i++)
        {
          ParTeamSeat seat = { g_array_index (ids, gint64, i), roles[r].role };

          g_array_append_val (team, seat);
        }
    }
  return PAR_CLI_OK;
}

static int
inspection_add_check (ParCliContext *ctx,
                      gpointer       data,
                      char         **args)
{
  InspectionAddOptions *options = data;
  g_autofree char *title = g_strstrip (g_strdup (options->title != NULL ? options->title : ""));
  g_autoptr(GArray) team = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  int code;

  if (options->unit_code == NULL || options->from_text == NULL || options->title == NULL)
    return par_cli_usage (ctx, _("Give --unit, --from and --title."));
  if (*title == '\0')
    return par_cli_usage (ctx, _("--title cannot be empty."));
  code = par_cli_parse_date (ctx, "--from", options->from_text, &options->spec.first);
  if (code == PAR_CLI_OK)
    code = par_cli_parse_date (ctx, "--to", options->to_text != NULL ? options->to_text : options->from_text,
                               &options->spec.last);
  if (code != PAR_CLI_OK)
    return code;
  if (g_date_compare (&options->spec.last, &options->spec.first) < 0)
    return par_cli_usage (ctx, _("--to cannot come before --from."));
  if (g_date_get_year (&options->spec.first) < PAR_INSPECTION_MIN_YEAR
      || g_date_get_year (&options->spec.last) > PAR_INSPECTION_MAX_YEAR)
    {
      g_autofree char *message = g_strdup_printf (_("An inspection’s days fall in the years %d to %d."),
                                                  PAR_INSPECTION_MIN_YEAR, PAR_INSPECTION_MAX_YEAR);

      return par_cli_usage (ctx, message);
    }
  options->spec.title = options->title;
  options->spec.scope = options->scope;
  /* The team is read again where it is used: the options hold strings only. */
  return read_team (ctx, options, team);
}

static int
inspection_add_run (ParCliContext *ctx,
                    ParDatabase   *db,
                    gpointer       data,
                    char         **args)
{
  InspectionAddOptions *options = data;
  g_autoptr(GArray) team = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit = par_directory_find_unit (db, options->unit_code, &error);
  if (unit == NULL)
    return par_cli_fail (ctx, error);
  options->spec.unit_id = par_unit_get_id (unit);
  read_team (ctx, options, team);
  options->spec.team = (const ParTeamSeat *) (gpointer) team->data;
  options->spec.n_team = team->len;
  id = par_inspections_add (db, &options->spec, options->force, &clashes, &error);
  print_clashes (stderr, clashes);
  if (id == 0)
    return par_cli_fail (ctx, error);
  if (clashes != NULL && clashes->len > 0)
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "par-desk-cli inspection add: saved with %u clash.\n",
                                  "par-desk-cli inspection add: saved with %u clashes.\n", clashes->len),
             clashes->len);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_inspection_add_command = {
  .name = "inspection add",
  .summary = N_("Plan an inspection of a unit, checking clashes"),
  .description = N_("Plan an inspection of the unit over the days from --from to --to, both included, with its "
                    "team, and print its id. Clashes (no leader, the unit or a member in another inspection on "
                    "a shared day, a holiday or weekend day) are printed one a line on stderr and nothing is "
                    "saved, unless --force is given. One person holds one role in a team."),
  .entries = inspection_add_entries,
  .options_size = sizeof (InspectionAddOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = inspection_add_check,
  .run = inspection_add_run,
};

/* inspection clashes, cancel ------------------------------------------- */

typedef struct
{
  gint64 id;
} InspectionIdOptions;

static int
inspection_id_check (ParCliContext *ctx,
                     gpointer       data,
                     char         **args)
{
  InspectionIdOptions *options = data;

  return par_cli_parse_id (ctx, "ID", args[0], &options->id);
}

static int
inspection_clashes_run (ParCliContext *ctx,
                        ParDatabase   *db,
                        gpointer       data,
                        char         **args)
{
  InspectionIdOptions *options = data;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;

  clashes = par_inspections_clashes (db, options->id, &error);
  if (clashes == NULL)
    return par_cli_fail (ctx, error);
  print_clashes (stdout, clashes);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_inspection_clashes_command = {
  .name = "inspection clashes",
  .summary = N_("Show the clashes of a saved inspection"),
  .parameters = N_("ID"),
  .description = N_("Print the clash lines of the inspection against every other that is not cancelled, and "
                    "against the calendar; nothing if it has none."),
  .options_size = sizeof (InspectionIdOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the inspection’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = inspection_id_check,
  .run = inspection_clashes_run,
};

static int
inspection_cancel_run (ParCliContext *ctx,
                       ParDatabase   *db,
                       gpointer       data,
                       char         **args)
{
  InspectionIdOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_inspections_cancel (db, options->id, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_inspection_cancel_command = {
  .name = "inspection cancel",
  .summary = N_("Cancel an inspection"),
  .parameters = N_("ID"),
  .description = N_("Cancel the inspection: it no longer clashes with others nor takes days in a free-slot "
                    "search. A cancelled one is refused."),
  .options_size = sizeof (InspectionIdOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the inspection’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = inspection_id_check,
  .run = inspection_cancel_run,
};

/* inspection list -------------------------------------------------------- */

typedef struct
{
  char *year_text;
  int   year;
} InspectionListOptions;

static const GOptionEntry inspection_list_entries[] = {
  { "year", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (InspectionListOptions, year_text),
    N_("only the inspections that start in this year"), N_("YEAR") },
  { NULL }
};

static int
inspection_list_check (ParCliContext *ctx,
                       gpointer       data,
                       char         **args)
{
  InspectionListOptions *options = data;
  g_autofree char *message = NULL;

  if (options->year_text == NULL || par_plan_parse_year (options->year_text, &options->year))
    return PAR_CLI_OK;
  message = g_strdup_printf (_("%s is a year from %d to %d."), "--year", PAR_PLAN_MIN_YEAR, PAR_PLAN_MAX_YEAR);
  return par_cli_usage (ctx, message);
}

/* The team as ROLE:STAFF items joined by commas. */
static char *
format_team (const ParInspection *inspection)
{
  GString *team = g_string_new (NULL);

  for (guint i = 0; i < inspection->team->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (inspection->team, i);

      g_string_append_printf (team, "%s%s:%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              par_team_role_to_string (member->role), member->staff_id);
    }
  return g_string_free (team, FALSE);
}

static int
inspection_list_run (ParCliContext *ctx,
                     ParDatabase   *db,
                     gpointer       data,
                     char         **args)
{
  InspectionListOptions *options = data;
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(GError) error = NULL;

  inspections = par_inspections_list (db, options->year, &error);
  if (inspections == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);
      g_autofree char *first = par_plan_format_date (&inspection->first);
      g_autofree char *last = par_plan_format_date (&inspection->last);
      g_autofree char *team = format_team (inspection);
      g_autofree char *code = par_cli_field (inspection->unit_code);
      g_autofree char *title = par_cli_field (inspection->title);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", inspection->id, code, first, last,
              inspection->cancelled ? "cancelled" : "planned", team, title);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_inspection_list_command = {
  .name = "inspection list",
  .summary = N_("List the inspections"),
  .description = N_("List the inspections by first day, then id: ID, the unit’s CODE, FROM, TO, STATUS "
                    "(planned or cancelled), TEAM (ROLE:STAFF items joined by commas) and TITLE, separated "
                    "by tabs."),
  .entries = inspection_list_entries,
  .options_size = sizeof (InspectionListOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = inspection_list_check,
  .run = inspection_list_run,
};

/* inspection free-slots -------------------------------------------------- */

typedef struct
{
  char   *unit_code;
  char  **team;
  char   *days_text;
  char   *after_text;
  char   *count_text;
  guint   days;
  guint   count;
  GDate   after;
} FreeSlotsOptions;

static const GOptionEntry free_slots_entries[] = {
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (FreeSlotsOptions, unit_code),
    N_("the code of the unit to inspect"), N_("CODE") },
  { "team", 0, 0, G_OPTION_ARG_STRING_ARRAY, PAR_CLI_OPTION (FreeSlotsOptions, team),
    N_("the staff ids of the whole team"), N_("STAFF,…") },
  { "days", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (FreeSlotsOptions, days_text),
    N_("how many consecutive working days"), N_("N") },
  { "after", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (FreeSlotsOptions, after_text),
    N_("look from the day after this date (default today)"), N_("DATE") },
  { "count", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (FreeSlotsOptions, count_text),
    N_("how many runs to show (default 5)"), N_("K") },
  { NULL }
};

static int
free_slots_check (ParCliContext *ctx,
                  gpointer       data,
                  char         **args)
{
  FreeSlotsOptions *options = data;
  g_autoptr(GArray) team = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 value;
  int code;

  if (options->unit_code == NULL || options->days_text == NULL)
    return par_cli_usage (ctx, _("Give --unit, --team and --days."));
  if (!g_ascii_string_to_unsigned (options->days_text, 10, 1, G_MAXUINT32, &value, NULL))
    return par_cli_usage (ctx, _("--days is a whole number above 0."));
  options->days = (guint) value;
  options->count = 5;
  if (options->count_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (options->count_text, 10, 1, G_MAXUINT32, &value, NULL))
        return par_cli_usage (ctx, _("--count is a whole number above 0."));
      options->count = (guint) value;
    }
  code = parse_id_lists (ctx, "--team", options->team, team);
  if (code != PAR_CLI_OK)
    return code;
  if (team->len == 0)
    return par_cli_usage (ctx, _("Give --unit, --team and --days."));
  return par_cli_parse_date (ctx, "--after", options->after_text, &options->after);
}

static int
free_slots_run (ParCliContext *ctx,
                ParDatabase   *db,
                gpointer       data,
                char         **args)
{
  FreeSlotsOptions *options = data;
  g_autoptr(GArray) team = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) runs = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  unit = par_directory_find_unit (db, options->unit_code, &error);
  if (unit == NULL)
    return par_cli_fail (ctx, error);
  parse_id_lists (ctx, "--team", options->team, team);
  runs = par_inspections_free_slots (db, par_unit_get_id (unit), (const gint64 *) (gpointer) team->data, team->len,
                                     options->days, &options->after, options->count, &error);
  if (runs == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < runs->len; i++)
    {
      ParDayRun *run = &g_array_index (runs, ParDayRun, i);
      g_autofree char *first = par_plan_format_date (&run->first);
      g_autofree char *last = par_plan_format_date (&run->last);

      printf ("%s\t%s\n", first, last);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_inspection_free_slots_command = {
  .name = "inspection free-slots",
  .summary = N_("Find days when a unit and a team are free"),
  .description = N_("Print FROM and TO, earliest first, of the first runs of N consecutive working days on "
                    "which neither the unit nor anyone of the team is in an inspection that is not cancelled. "
                    "Runs start after --after, at most 366 days after it, one a start day."),
  .entries = free_slots_entries,
  .options_size = sizeof (FreeSlotsOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .check = free_slots_check,
  .run = free_slots_run,
};
