/* par-cli-unit.c: the unit add and unit list commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

int
par_cli_unit_add (ParCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  g_autofree char *parent_code = NULL;
  g_autofree char *level_name = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParUnit) parent = NULL;
  g_autoptr(GError) error = NULL;
  ParUnitLevel level = PAR_UNIT_LEVEL_OFFICE;
  int code = PAR_CLI_OK;
  GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_code, N_("the code of the unit it belongs to"),
      N_("CODE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_name,
      N_("province, department, district, commune or office (default office)"), N_("LEVEL") },
    { NULL }
  };

  options = g_option_context_new (_("CODE NAME"));
  g_option_context_set_summary (options, _("Add an organisation unit."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return par_cli_usage (ctx, options, _("Give the unit’s code and name."));
  if (level_name != NULL && !par_unit_level_from_string (level_name, &level))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown level “%s”: use province, department, district, commune or office."),
                         level_name);
      return par_cli_usage (ctx, options, message);
    }

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  if (parent_code != NULL)
    {
      parent = par_directory_find_unit (db, parent_code, &error);
      if (parent == NULL)
        return par_cli_fail (ctx, error);
    }
  if (par_directory_add_unit (db, argv[1], argv[2], level,
                              parent != NULL ? par_unit_get_id (parent) : PAR_DIRECTORY_ROOT,
                              &error) == 0)
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

int
par_cli_unit_list (ParCliContext  *ctx,
                   int             argc,
                   char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("List the units, parents first: CODE, NAME and the "
                                           "parent’s CODE, separated by tabs."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code)
      || (code = par_cli_expect_no_arguments (ctx, options, argc)) != PAR_CLI_OK)
    return code;

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
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
