/* par-cli-unit.c: the unit add and unit list commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  char        *parent_code;
  char        *level_name;
  ParUnitLevel level;   /* from level_name */
} UnitAddOptions;

static const GOptionEntry unit_add_entries[] = {
  { "parent", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (UnitAddOptions, parent_code),
    N_("the code of the unit it belongs to"), N_("CODE") },
  { "level", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (UnitAddOptions, level_name),
    N_("province, department, district, commune or office (default office)"), N_("LEVEL") },
  { NULL }
};

static const UnitAddOptions unit_add_defaults = { .level = PAR_UNIT_LEVEL_OFFICE };

static int
unit_add_check (ParCliContext  *ctx,
                gpointer        data,
                char          **args)
{
  UnitAddOptions *options = data;

  if (options->level_name != NULL)
    return par_cli_parse_level (ctx, options->level_name, &options->level);
  return PAR_CLI_OK;
}

static int
unit_add_run (ParCliContext  *ctx,
              ParDatabase    *db,
              gpointer        data,
              char          **args)
{
  UnitAddOptions *options = data;
  g_autoptr(ParUnit) parent = NULL;
  g_autoptr(GError) error = NULL;

  if (options->parent_code != NULL)
    {
      parent = par_directory_find_unit (db, options->parent_code, &error);
      if (parent == NULL)
        return par_cli_fail (ctx, error);
    }
  if (par_directory_add_unit (db, args[0], args[1], options->level,
                              parent != NULL ? par_unit_get_id (parent) : PAR_DIRECTORY_ROOT,
                              &error) == 0)
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_unit_add_command = {
  .name = "unit add",
  .summary = N_("Add an organisation unit"),
  .parameters = N_("CODE NAME"),
  .description = N_("Add an organisation unit."),
  .entries = unit_add_entries,
  .options_size = sizeof (UnitAddOptions),
  .defaults = &unit_add_defaults,
  .min_args = 2,
  .max_args = 2,
  .args_message = N_("Give the unit’s code and name."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = unit_add_check,
  .run = unit_add_run,
};

static int
unit_list_run (ParCliContext  *ctx,
               ParDatabase    *db,
               gpointer        data,
               char          **args)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GError) error = NULL;

  units = par_directory_list_all_units (db, &error);
  if (units == NULL)
    return par_cli_fail (ctx, error);

  codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (units, i);
      gint64 parent_id = par_unit_get_parent_id (unit);
      const char *parent_code = g_hash_table_lookup (codes, &parent_id);

      g_hash_table_insert (codes, g_memdup2 (&(gint64) { par_unit_get_id (unit) }, sizeof (gint64)),
                           (gpointer) par_unit_get_code (unit));
      g_autofree char *name = par_cli_field (par_unit_get_name (unit));

      printf ("%s\t%s\t%s\n", par_unit_get_code (unit), name, parent_code != NULL ? parent_code : "");
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_unit_list_command = {
  .name = "unit list",
  .summary = N_("List the organisation units"),
  .description = N_("List the units, parents first: CODE, NAME and the parent’s CODE, separated by tabs."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = unit_list_run,
};
