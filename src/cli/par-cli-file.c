/* par-cli-file.c: the init, check and demo commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

/* The runner has created or opened the file: nothing is left to do. */
static int
init_run (ParCliContext  *ctx,
          ParDatabase    *db,
          gpointer        data,
          char          **args)
{
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_init_command = {
  .name = "init",
  .summary = N_("Create the file (nothing happens if it is already a PAR Desk file)"),
  .description = N_("Create the file. A file that is already a PAR Desk file is left as it is; any other "
                    "file is refused."),
  .file = PAR_CLI_FILE_CREATE,
  .run = init_run,
};

typedef struct
{
  gboolean quick;
} CheckOptions;

static const GOptionEntry check_entries[] = {
  { "quick", 0, 0, G_OPTION_ARG_NONE, PAR_CLI_OPTION (CheckOptions, quick),
    N_("check the database only, not the bytes of every kept document"), NULL },
  { NULL }
};

static int
check_run (ParCliContext  *ctx,
           ParDatabase    *db,
           gpointer        data,
           char          **args)
{
  CheckOptions *options = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParFileCheck) check = NULL;

  check = par_file_check (ctx->db_path, options->quick, NULL, NULL, NULL, &error);
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

const ParCliCommand par_cli_check_command = {
  .name = "check",
  .summary = N_("Check that the file is whole and consistent"),
  .description = N_("Check the whole file, every kept document’s bytes included: exit status 1 and the "
                    "reason if it is damaged."),
  .entries = check_entries,
  .options_size = sizeof (CheckOptions),
  /* Read only: checking never updates or repairs anything. */
  .file = PAR_CLI_FILE_UNOPENED,
  .run = check_run,
};

static int
demo_run (ParCliContext  *ctx,
          ParDatabase    *db,
          gpointer        data,
          char          **args)
{
  g_autoptr(GError) error = NULL;

  if (!par_demo_fill (db, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_demo_command = {
  .name = "demo",
  .summary = N_("Fill a new, empty file with a sample office to try PAR Desk"),
  .description = N_("Fill a new, empty file with an invented provincial office: units, staff and data "
                    "for every feature. A file that already holds data is refused."),
  .file = PAR_CLI_FILE_CREATE,
  .run = demo_run,
};
