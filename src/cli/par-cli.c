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

typedef struct
{
  const char   *name;
  const char   *summary;
  ParCliRunFunc run;
} ParCliCommand;

static const ParCliCommand commands[] = {
  { "init", N_("Create the file (nothing happens if it is already a PAR Desk file)"), par_cli_init },
  { "check", N_("Check that the file is whole and consistent"), par_cli_check },
  { "demo", N_("Fill a new, empty file with a sample office to try PAR Desk"), par_cli_demo },
  { "unit add", N_("Add an organisation unit"), par_cli_unit_add },
  { "unit list", N_("List the organisation units"), par_cli_unit_list },
  { "criteria import", N_("Import a criteria set from a JSON or CSV file"), par_cli_criteria_import },
  { "criteria list", N_("List the criteria sets"), par_cli_criteria_list },
  { "score set", N_("Score one item of a unit"), par_cli_score_set },
  { "score show", N_("Show a unit’s scores and totals"), par_cli_score_show },
  { "score copy", N_("Start a unit’s scores from another set (last year’s)"), par_cli_score_copy },
  { "evidence add", N_("Keep a PDF in the file, optionally as evidence of an item"), par_cli_evidence_add },
  { "evidence link", N_("Link a kept document to an item, a plan task or an inspection"), par_cli_evidence_link },
  { "evidence unlink", N_("Remove a link of a kept document; the document stays kept"), par_cli_evidence_unlink },
  { "evidence list", N_("List the kept documents"), par_cli_evidence_list },
  { "evidence show", N_("Show a kept document’s details, signatures and links"), par_cli_evidence_show },
  { "evidence export", N_("Write a kept document back to a file"), par_cli_evidence_export },
  { "evidence search", N_("Find text in the kept documents"), par_cli_evidence_search },
  { "export scores", N_("Write a unit’s score sheet (XLSX)"), par_cli_export_scores },
  { "export ranking", N_("Write the ranking of all units of a set (XLSX)"), par_cli_export_ranking },
};

int
par_cli_fail (ParCliContext *ctx,
              const GError  *error)
{
  fprintf (stderr, "par-desk-cli %s: %s\n", ctx->command, error->message);
  return PAR_CLI_FAILED;
}

int
par_cli_usage (ParCliContext  *ctx,
               GOptionContext *options,
               const char     *message)
{
  fprintf (stderr, "par-desk-cli %s: %s\n", ctx->command, message);
  fprintf (stderr, _("Try “par-desk-cli %s --help”.\n"), ctx->command);
  return PAR_CLI_USAGE;
}

/* Parses a command's options; FALSE with *exit_code set if it must stop. */
gboolean
par_cli_parse (ParCliContext    *ctx,
               GOptionContext   *options,
               int              *argc,
               char           ***argv,
               int              *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (options, argc, argv, &error))
    {
      *exit_code = par_cli_usage (ctx, options, error->message);
      return FALSE;
    }
  return TRUE;
}

/* PAR_CLI_OK, or the usage error of a command given arguments it does not take. */
int
par_cli_expect_no_arguments (ParCliContext  *ctx,
                             GOptionContext *options,
                             int             argc)
{
  if (argc > 1)
    return par_cli_usage (ctx, options, _("This command takes no arguments."));
  return PAR_CLI_OK;
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
ParDatabase *
par_cli_open (ParCliContext *ctx,
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

static void
print_help (void)
{
  printf ("%s\n  par-desk-cli [--db FILE] %s\n\n", _("Usage:"), _("COMMAND [OPTIONS…]"));
  printf ("%s\n\n", _("Keep the reform plan, the PAR Index, inspections and evidence of a PAR Desk file."));
  printf ("%s\n", _("Options:"));
  printf ("  --db FILE    %s\n", _("the PAR Desk file (default: $XDG_DATA_HOME/par-desk/par-desk.pardesk)"));
  printf ("  --version    %s\n", _("show the version"));
  printf ("  -h, --help   %s\n\n", _("show this help"));
  printf ("%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %-16s %s\n", commands[i].name, _(commands[i].summary));
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

      if (g_strcmp0 (commands[i].name, one) == 0)
        {
          *n_words = 1;
          return &commands[i];
        }
      if (two != NULL && g_strcmp0 (commands[i].name, two) == 0)
        {
          *n_words = 2;
          return &commands[i];
        }
    }
  return NULL;
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
      fprintf (stderr, _("par-desk-cli: unknown command “%s”. Try “par-desk-cli --help”.\n"), argv[i]);
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
  return command->run (&ctx, argc - i - n_words + 1, argv + i + n_words - 1);
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
