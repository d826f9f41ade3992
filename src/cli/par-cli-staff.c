/* par-cli-staff.c: the staff add and staff list commands
 *
 * Staff members are named on the command line by their id, which staff add
 * prints: the inspection commands take those ids for their teams.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  char         *position;
  char         *role_text;
  char         *email;
  char         *phone;
  ParStaffRole  role;   /* from role_text */
} StaffAddOptions;

static const GOptionEntry staff_add_entries[] = {
  { "position", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (StaffAddOptions, position),
    N_("the person’s position (Chuyên viên, Phó Giám đốc…)"), N_("TEXT") },
  { "role", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (StaffAddOptions, role_text),
    N_("leader, par-officer, steering-member or staff (default staff)"), N_("ROLE") },
  { "email", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (StaffAddOptions, email),
    N_("the person’s email address"), N_("EMAIL") },
  { "phone", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (StaffAddOptions, phone),
    N_("the person’s phone number"), N_("PHONE") },
  { NULL }
};

static const StaffAddOptions staff_add_defaults = { .role = PAR_STAFF_ROLE_STAFF };

static int
staff_add_check (ParCliContext *ctx,
                 gpointer       data,
                 char         **args)
{
  StaffAddOptions *options = data;

  if (options->role_text != NULL && !par_staff_role_from_string (options->role_text, &options->role))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown role “%s”: use leader, par-officer, "
                                                    "steering-member or staff."), options->role_text);

      return par_cli_usage (ctx, message);
    }
  return PAR_CLI_OK;
}

static int
staff_add_run (ParCliContext *ctx,
               ParDatabase   *db,
               gpointer       data,
               char         **args)
{
  StaffAddOptions *options = data;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit = par_directory_find_unit (db, args[0], &error);
  if (unit == NULL)
    return par_cli_fail (ctx, error);
  id = par_directory_add_staff_contact (db, par_unit_get_id (unit), args[1], options->position, options->role,
                                        options->email, options->phone, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_staff_add_command = {
  .name = "staff add",
  .summary = N_("Add a staff member to a unit"),
  .parameters = N_("UNIT NAME"),
  .description = N_("Add a staff member to the unit whose code is UNIT and print the new id, by which the "
                    "inspection commands name the person."),
  .entries = staff_add_entries,
  .options_size = sizeof (StaffAddOptions),
  .defaults = &staff_add_defaults,
  .min_args = 2,
  .max_args = 2,
  .args_message = N_("Give the unit’s code and the person’s name."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = staff_add_check,
  .run = staff_add_run,
};

typedef struct
{
  char *unit_code;
} StaffListOptions;

static const GOptionEntry staff_list_entries[] = {
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (StaffListOptions, unit_code),
    N_("only the staff of this unit"), N_("CODE") },
  { NULL }
};

static int
staff_list_run (ParCliContext *ctx,
                ParDatabase   *db,
                gpointer       data,
                char         **args)
{
  StaffListOptions *options = data;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  if (options->unit_code != NULL && (unit = par_directory_find_unit (db, options->unit_code, &error)) == NULL)
    return par_cli_fail (ctx, error);
  staff = par_directory_list_staff_entries (db, unit != NULL ? par_unit_get_id (unit) : 0, &error);
  if (staff == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < staff->len; i++)
    {
      ParStaffEntry *entry = g_ptr_array_index (staff, i);
      g_autofree char *name = par_cli_field (entry->name);
      g_autofree char *position = par_cli_field (entry->position);
      g_autofree char *email = par_cli_field (entry->email);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", entry->id, entry->unit_code, name, position,
              par_staff_role_to_string (entry->role), email);
    }
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_staff_list_command = {
  .name = "staff list",
  .summary = N_("List the staff"),
  .description = N_("List the staff by id: ID, the unit’s CODE, NAME, POSITION, ROLE and EMAIL, separated by tabs."),
  .entries = staff_list_entries,
  .options_size = sizeof (StaffListOptions),
  .file = PAR_CLI_FILE_EXISTING,
  .run = staff_list_run,
};
