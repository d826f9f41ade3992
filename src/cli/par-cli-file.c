/* par-cli-file.c: the init, check and demo commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

static GOptionContext *
command_options (const char *parameters,
                 const char *summary)
{
  GOptionContext *options = g_option_context_new (parameters);

  g_option_context_set_summary (options, summary);
  return options;
}

int
par_cli_init (ParCliContext  *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  int code = PAR_CLI_OK;

  options = command_options (NULL, _("Create the file. A file that is already a PAR Desk file is left "
                                     "as it is; any other file is refused."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code)
      || (code = par_cli_expect_no_arguments (ctx, options, argc)) != PAR_CLI_OK)
    return code;

  db = par_cli_open (ctx, TRUE, &code);
  return code;
}

int
par_cli_check (ParCliContext  *ctx,
               int             argc,
               char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParFileCheck) check = NULL;
  gboolean quick = FALSE;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick,
      N_("check the database only, not the bytes of every kept document"), NULL },
    { NULL }
  };

  options = command_options (NULL, _("Check the whole file, every kept document’s bytes included: exit status "
                                     "1 and the reason if it is damaged."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code)
      || (code = par_cli_expect_no_arguments (ctx, options, argc)) != PAR_CLI_OK)
    return code;

  /* Read only: checking never updates or repairs anything. */
  check = par_file_check (ctx->db_path, quick, NULL, NULL, NULL, &error);
  if (check == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < check->damaged->len; i++)
    fprintf (stderr, _("par-desk-cli %s: document %lld (%s) is damaged: its bytes no longer match the "
                       "fingerprint kept when it was added.\n"),
             ctx->command, (long long) g_array_index (check->damaged, gint64, i),
             (const char *) g_ptr_array_index (check->damaged_names, i));
  if (check->damaged->len > 0)
    {
      g_set_error (&error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u kept document is damaged. The other documents are intact: export them "
                                "(evidence export), and add the damaged one again from its original.",
                                "%u kept documents are damaged. The other documents are intact: export them "
                                "(evidence export), and add the damaged ones again from their originals.",
                                check->damaged->len),
                   check->damaged->len);
      return par_cli_fail (ctx, error);
    }
  printf ("ok\n");
  return PAR_CLI_OK;
}

int
par_cli_demo (ParCliContext  *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;

  options = command_options (NULL, _("Fill a new, empty file with an invented provincial office: units, "
                                     "staff and data for every feature. A file that already holds "
                                     "data is refused."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code)
      || (code = par_cli_expect_no_arguments (ctx, options, argc)) != PAR_CLI_OK)
    return code;

  db = par_cli_open (ctx, TRUE, &code);
  if (db == NULL)
    return code;
  if (!par_demo_fill (db, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}
