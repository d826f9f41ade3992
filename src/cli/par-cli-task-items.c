/* par-cli-task-items.c: task items: the PAR Index items a plan task serves, listed or set
 *
 * Bad usage (options that do not go together) is found before the file is
 * opened; a task, a criteria set or an item code the file does not hold,
 * or a group named for an item, fails once it is open, and nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  gint64    set_id;     /* -1: not given */
  char    **codes;      /* each may hold several codes, comma-separated */
  gboolean  clear;
  gint64    task_id;    /* from the argument */
} TaskItemsOptions;

static const GOptionEntry task_items_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (TaskItemsOptions, set_id),
    N_("the criteria set the items belong to"), N_("ID") },
  { "code", 0, 0, G_OPTION_ARG_STRING_ARRAY, PAR_CLI_OPTION (TaskItemsOptions, codes),
    N_("the codes of the items the task serves, in order, in place of those it served"), N_("CODE,…") },
  { "clear", 0, 0, G_OPTION_ARG_NONE, PAR_CLI_OPTION (TaskItemsOptions, clear),
    N_("the task serves no item any more"), NULL },
  { NULL }
};

static const TaskItemsOptions task_items_defaults = { .set_id = -1 };

/* The codes --code gives, split and trimmed, empty ones left out. */
static GPtrArray *
split_codes (char **given)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (given[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (*g_strstrip (parts[j]) != '\0')
          g_ptr_array_add (codes, g_strdup (parts[j]));
    }
  return codes;
}

static int
task_items_check (ParCliContext *ctx,
                  gpointer       data,
                  char         **args)
{
  TaskItemsOptions *options = data;
  g_autoptr(GPtrArray) codes = split_codes (options->codes);
  guint64 id;

  if (!g_ascii_string_to_unsigned (args[0], 10, 1, G_MAXINT64, &id, NULL))
    return par_cli_usage (ctx, _("A task id is a whole number above 0."));
  options->task_id = (gint64) id;
  if (options->clear && (options->set_id != -1 || options->codes != NULL))
    return par_cli_usage (ctx, _("Give either --set and --code, or --clear."));
  if ((options->set_id != -1) != (options->codes != NULL))
    return par_cli_usage (ctx, _("To set the items, give both --set and --code."));
  if (options->codes != NULL && codes->len == 0)
    return par_cli_usage (ctx, _("--code names no item; to remove them all, give --clear."));
  return PAR_CLI_OK;
}

/* The ids of the items --code names in the set; NULL (the reason told) if
 * the set or one of the codes is not in the file. */
static GArray *
find_items (ParCliContext    *ctx,
            ParDatabase      *db,
            TaskItemsOptions *options)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) codes = split_codes (options->codes);
  g_autoptr(GError) error = NULL;

  set = par_criteria_set_load (db, options->set_id, &error);
  if (set == NULL)
    {
      par_cli_fail (ctx, error);
      return NULL;
    }
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      ParCriteriaNode *node = par_criteria_set_find_node (set, code);
      gint64 id;

      if (node == NULL)
        {
          g_set_error (&error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                       _("Criteria set %lld has no item “%s”."), (long long) options->set_id, code);
          par_cli_fail (ctx, error);
          return NULL;
        }
      id = par_criteria_node_get_id (node);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static int
print_items (ParCliContext *ctx,
             ParDatabase   *db,
             gint64         task_id)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = par_task_items_list (db, task_id, &error);
  if (items == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < items->len; i++)
    {
      ParTaskItem *item = g_ptr_array_index (items, i);
      g_autofree char *code = par_cli_field (item->code);
      g_autofree char *title = par_cli_field (item->title);

      printf ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\n", item->set_id, item->set_year, code, title);
    }
  return PAR_CLI_OK;
}

static int
task_items_run (ParCliContext *ctx,
                ParDatabase   *db,
                gpointer       data,
                char         **args)
{
  TaskItemsOptions *options = data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (options->clear)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  else if (options->set_id != -1 && (ids = find_items (ctx, db, options)) == NULL)
    return PAR_CLI_FAILED;
  if (ids != NULL && !par_task_items_set (db, options->task_id, (const gint64 *) (gpointer) ids->data, ids->len,
                                          &error))
    return par_cli_fail (ctx, error);
  return ids != NULL ? PAR_CLI_OK : print_items (ctx, db, options->task_id);
}

const ParCliCommand par_cli_task_items_command = {
  .name = "task items",
  .summary = N_("List or set the PAR Index items a task serves"),
  .parameters = N_("ID"),
  .description = N_("Without options, list the items the task serves, in order: the criteria SET id, its "
                    "YEAR, the item's CODE and TITLE, separated by tabs. With --set and --code, make the "
                    "items of that set the ones the task serves, in place of those it served; with --clear, "
                    "none. Only items can be named, not the groups above them; nothing changes if one "
                    "code is wrong."),
  .entries = task_items_entries,
  .options_size = sizeof (TaskItemsOptions),
  .defaults = &task_items_defaults,
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the task’s id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = task_items_check,
  .run = task_items_run,
};
