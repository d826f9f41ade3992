/* par-cli.c: par-desk-cli, headless commands over libpar-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "par-cli.h"

/* In the order "par-desk-cli --help" lists them. */
static const ParCliCommand *const commands[] = {
  &par_cli_init_command,
  &par_cli_check_command,
  &par_cli_demo_command,
  &par_cli_unit_add_command,
  &par_cli_unit_list_command,
  &par_cli_staff_add_command,
  &par_cli_staff_list_command,
  &par_cli_criteria_import_command,
  &par_cli_criteria_list_command,
  &par_cli_score_set_command,
  &par_cli_score_show_command,
  &par_cli_score_copy_command,
  &par_cli_evidence_add_command,
  &par_cli_evidence_link_command,
  &par_cli_evidence_unlink_command,
  &par_cli_evidence_list_command,
  &par_cli_evidence_show_command,
  &par_cli_evidence_export_command,
  &par_cli_evidence_search_command,
  &par_cli_export_scores_command,
  &par_cli_export_ranking_command,
  &par_cli_export_plan_command,
  &par_cli_export_report_command,
  &par_cli_plan_create_command,
  &par_cli_plan_list_command,
  &par_cli_plan_import_command,
  &par_cli_task_add_command,
  &par_cli_task_list_command,
  &par_cli_task_progress_command,
  &par_cli_task_done_command,
  &par_cli_task_cancel_command,
  &par_cli_task_items_command,
  &par_cli_plan_carry_over_command,
  &par_cli_trust_add_command,
  &par_cli_trust_list_command,
  &par_cli_trust_remove_command,
  &par_cli_trust_add_crl_command,
  &par_cli_holiday_list_command,
  &par_cli_holiday_add_command,
  &par_cli_holiday_remove_command,
  &par_cli_inspection_add_command,
  &par_cli_inspection_clashes_command,
  &par_cli_inspection_list_command,
  &par_cli_inspection_cancel_command,
  &par_cli_inspection_free_slots_command,
  &par_cli_finding_add_command,
  &par_cli_finding_list_command,
  &par_cli_recommendation_add_command,
  &par_cli_recommendation_list_command,
  &par_cli_recommendation_done_command,
  &par_cli_export_inspections_command,
  &par_cli_export_ics_command,
};

int
par_cli_fail (ParCliContext *ctx,
              const GError  *error)
{
  fprintf (stderr, "par-desk-cli %s: %s\n", ctx->command, error->message);
  return PAR_CLI_FAILED;
}

int
par_cli_usage (ParCliContext *ctx,
               const char    *message)
{
  fprintf (stderr, "par-desk-cli %s: %s\n", ctx->command, message);
  fprintf (stderr, _("Try “par-desk-cli %s --help”.\n"), ctx->command);
  return PAR_CLI_USAGE;
}

/* Reads a --level value; a word that names no level is bad usage. */
int
par_cli_parse_level (ParCliContext *ctx,
                     const char    *name,
                     ParUnitLevel  *level)
{
  g_autofree char *message = NULL;

  if (par_unit_level_from_string (name, level))
    return PAR_CLI_OK;
  message = g_strdup_printf (_("Unknown level “%s”: use province, department, district, commune or office."),
                             name);
  return par_cli_usage (ctx, message);
}

/* @text as one field of a tab-separated record: tabs and line breaks
 * (a name from a file may hold them) would split the record. */
char *
par_cli_field (const char *text)
{
  char *field = g_strdup (text != NULL ? text : "");

  for (char *p = field; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return field;
}

/* Opens the file named by --db. Only init and demo may create it, so that
 * a typo never leaves a stray file behind. */
static ParDatabase *
open_file (ParCliContext *ctx,
           gboolean       create,
           int           *exit_code)
{
  g_autoptr(GError) error = NULL;
  ParDatabase *db;

  db = par_database_open (ctx->db_path,
                          create ? PAR_DATABASE_OPEN_CREATE : PAR_DATABASE_OPEN_EXISTING,
                          &error);
  if (db == NULL)
    {
      *exit_code = par_cli_fail (ctx, error);
      return NULL;
    }
  if (par_database_get_backup_path (db) != NULL)
    fprintf (stderr, _("The file was updated to this version of PAR Desk; the old version was kept as “%s”.\n"),
                par_database_get_backup_path (db));
  return db;
}

/* @command's entries, each pointing into @options instead of at an offset. */
static GOptionEntry *
bind_entries (const ParCliCommand *command,
              gpointer             options)
{
  GOptionEntry *entries;
  gsize n = 0;

  while (command->entries[n].long_name != NULL)
    n++;
  entries = g_new0 (GOptionEntry, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      entries[i] = command->entries[i];
      entries[i].arg_data = (char *) options + GPOINTER_TO_SIZE (command->entries[i].arg_data);
    }
  return entries;
}

/* Frees @options and the strings parsing put in it. */
static void
free_options (const ParCliCommand *command,
              gpointer             options)
{
  for (const GOptionEntry *entry = command->entries; entry != NULL && entry->long_name != NULL; entry++)
    {
      gpointer *field = (gpointer *) ((char *) options + GPOINTER_TO_SIZE (entry->arg_data));

      switch (entry->arg)
        {
        case G_OPTION_ARG_STRING:
        case G_OPTION_ARG_FILENAME:
          g_free (*field);
          break;
        case G_OPTION_ARG_STRING_ARRAY:
        case G_OPTION_ARG_FILENAME_ARRAY:
          g_strfreev (*field);
          break;
        default:
          break;
        }
    }
  g_free (options);
}

/* Everything that can be judged without the file: the options, the number
 * of arguments, then the command's own check. All bad usage is found before
 * the file is opened, so that init and demo never create one for nothing. */
static int
check_command_line (ParCliContext       *ctx,
                    const ParCliCommand *command,
                    GOptionContext      *context,
                    gpointer             options,
                    int                 *argc,
                    char              ***argv)
{
  g_autoptr(GError) error = NULL;
  int n_args;

  if (!g_option_context_parse (context, argc, argv, &error))
    return par_cli_usage (ctx, error->message);
  n_args = *argc - 1;
  if (n_args < command->min_args || (command->max_args >= 0 && n_args > command->max_args))
    return par_cli_usage (ctx, command->args_message != NULL ? _(command->args_message)
                                                             : _("This command takes no arguments."));
  if (command->check != NULL)
    return command->check (ctx, options, *argv + 1);
  return PAR_CLI_OK;
}

/* The one way every command runs: its --help and options, its checks, the
 * file opened as it needs it, then its work. @argv[0] is the command's name. */
static int
run_command (ParCliContext       *ctx,
             const ParCliCommand *command,
             int                  argc,
             char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autofree GOptionEntry *entries = NULL;
  gpointer options;
  int code;

  options = command->defaults != NULL ? g_memdup2 (command->defaults, command->options_size)
                                      : g_malloc0 (command->options_size);
  context = g_option_context_new (command->parameters != NULL ? _(command->parameters) : NULL);
  g_option_context_set_summary (context, _(command->description));
  if (command->entries != NULL)
    {
      entries = bind_entries (command, options);
      g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    }

  code = check_command_line (ctx, command, context, options, &argc, &argv);
  if (code == PAR_CLI_OK && command->file != PAR_CLI_FILE_UNOPENED)
    db = open_file (ctx, command->file == PAR_CLI_FILE_CREATE, &code);
  /* The arguments after the options, NULL-terminated like argv. */
  if (code == PAR_CLI_OK)
    code = command->run (ctx, db, options, argv + 1);
  free_options (command, options);
  return code;
}

static void
print_help (void)
{
  printf ("%s\n  par-desk-cli [--db FILE] %s\n\n", _("Usage:"), _("COMMAND [OPTIONS…]"));
  printf ("%s\n\n", _("Keep the units, the PAR Index and the evidence of a PAR Desk file."));
  printf ("%s\n", _("Options:"));
  printf ("  --db FILE    %s\n", _("the PAR Desk file (default: $XDG_DATA_HOME/par-desk/par-desk.pardesk)"));
  printf ("  --version    %s\n", _("show the version"));
  printf ("  -h, --help   %s\n\n", _("show this help"));
  printf ("%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %-22s %s\n", commands[i]->name, _(commands[i]->summary));
  printf ("\n%s\n", _("“par-desk-cli COMMAND --help” describes one command."));
}

/* Finds the command named by one or two words at argv[0]. */
static const ParCliCommand *
find_command (int    argc,
              char **argv,
              int   *n_words)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *one = g_strdup (argv[0]);
      g_autofree char *two = argc > 1 ? g_strdup_printf ("%s %s", argv[0], argv[1]) : NULL;

      if (g_strcmp0 (commands[i]->name, one) == 0)
        {
          *n_words = 1;
          return commands[i];
        }
      if (two != NULL && g_strcmp0 (commands[i]->name, two) == 0)
        {
          *n_words = 2;
          return commands[i];
        }
    }
  return NULL;
}

/* Whether @word starts two-word commands ("unit" of "unit add"). */
static gboolean
is_command_group (const char *word)
{
  g_autofree char *prefix = g_strconcat (word, " ", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_has_prefix (commands[i]->name, prefix))
      return TRUE;
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *default_path = NULL;
  const ParCliCommand *command;
  ParCliContext ctx = { NULL, "" };
  g_autofree char *command_name = NULL;
  int n_words = 0;
  int i;

  par_i18n_init ();

  /* Global options come before the command. */
  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--db") || g_str_has_prefix (argv[i], "--db="))
        {
          ctx.db_path = argv[i][4] == '=' ? argv[i] + 5 : i + 1 < argc ? argv[++i] : NULL;
          if (ctx.db_path == NULL || *ctx.db_path == '\0')
            {
              fprintf (stderr, _("par-desk-cli: --db needs a file name.\n"));
              return PAR_CLI_USAGE;
            }
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          return PAR_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("par-desk-cli %s\n", PACKAGE_VERSION);
          return PAR_CLI_OK;
        }
      else
        {
          fprintf (stderr, _("par-desk-cli: unknown option “%s”. Try “par-desk-cli --help”.\n"), argv[i]);
          return PAR_CLI_USAGE;
        }
    }

  if (i >= argc)
    {
      fprintf (stderr, _("par-desk-cli: name a command. Try “par-desk-cli --help”.\n"));
      return PAR_CLI_USAGE;
    }

  command = find_command (argc - i, argv + i, &n_words);
  if (command == NULL)
    {
      g_autofree char *name = i + 1 < argc && is_command_group (argv[i])
                              ? g_strdup_printf ("%s %s", argv[i], argv[i + 1]) : g_strdup (argv[i]);

      fprintf (stderr, _("par-desk-cli: unknown command “%s”. Try “par-desk-cli --help”.\n"), name);
      return PAR_CLI_USAGE;
    }

  if (ctx.db_path == NULL)
    ctx.db_path = default_path = par_database_get_default_path ();
  command_name = g_strdup (command->name);
  ctx.command = command_name;
  /* So that "--help" of a command shows "par-desk-cli unit add [OPTION…]". */
  {
    g_autofree char *prgname = g_strconcat ("par-desk-cli ", command->name, NULL);
    g_set_prgname (prgname);
  }

  /* The command sees itself as argv[0] and its own arguments after it. */
  argv[i + n_words - 1] = command_name;
  return run_command (&ctx, command, argc - i - n_words + 1, argv + i + n_words - 1);
}

/* The assessment of the unit @unit_code in the criteria set @set_id, as
 * --set and --unit name them; NULL (the reason told) if either is unknown. */
ParAssessment *
par_cli_open_assessment (ParCliContext *ctx,
                         ParDatabase   *db,
                         gint64         set_id,
                         const char    *unit_code,
                         int           *exit_code)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  ParAssessment *assessment;

  set = par_criteria_set_load (db, set_id, &error);
  if (set != NULL)
    unit = par_directory_find_unit (db, unit_code, &error);
  assessment = unit != NULL ? par_assessment_load (db, set, par_unit_get_id (unit), &error) : NULL;
  if (assessment == NULL)
    *exit_code = par_cli_fail (ctx, error);
  return assessment;
}

/* The item --code names in @assessment's set; NULL (the reason told) if
 * the set has none. */
ParCriteriaNode *
par_cli_find_item (ParCliContext *ctx,
                   ParAssessment *assessment,
                   const char    *node_code,
                   int           *exit_code)
{
  ParCriteriaNode *node = par_criteria_set_find_node (par_assessment_get_set (assessment), node_code);

  if (node == NULL)
    {
      g_autoptr(GError) error = g_error_new (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                                             _("The set has no item with code “%s”."), node_code);

      *exit_code = par_cli_fail (ctx, error);
    }
  return node;
}
