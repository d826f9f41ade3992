/* par-cli.h: what the commands of par-desk-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"

G_BEGIN_DECLS

/* Exit codes, as docs/cli.md lists them. */
enum {
  PAR_CLI_OK = 0,
  PAR_CLI_FAILED = 1,
  PAR_CLI_USAGE = 2,
};

typedef struct
{
  const char *db_path;   /* --db, or the default file */
  const char *command;   /* "unit add", for messages */
} ParCliContext;

/* What the runner does with the --db file before it calls a command. */
typedef enum
{
  PAR_CLI_FILE_EXISTING,   /* opens it; a missing file is refused */
  PAR_CLI_FILE_CREATE,     /* opens it, creating it if it is missing */
  PAR_CLI_FILE_UNOPENED,   /* leaves it: the command reads ctx->db_path itself, read-only */
} ParCliFileUse;

/* Checks, and converts into @options, what can be judged without the file:
 * PAR_CLI_OK, or what par_cli_usage() returned. Bad usage is whatever is
 * wrong before the file is opened. */
typedef int (*ParCliCheckFunc) (ParCliContext *ctx,
                                gpointer       options,
                                char         **args);
/* Does the command's work on @db, the opened file (NULL for
 * PAR_CLI_FILE_UNOPENED); @args are its positional arguments. */
typedef int (*ParCliRunFunc)   (ParCliContext *ctx,
                                ParDatabase   *db,
                                gpointer       options,
                                char         **args);

/* One command: all the runner in par-cli.c needs to parse its command line,
 * check it and open the file before it calls @run. The strings are N_()
 * marked; the runner translates them. */
typedef struct
{
  const char         *name;          /* one or two words: "unit add" */
  const char         *summary;       /* its line in "par-desk-cli --help" */
  const char         *parameters;    /* what follows [OPTION…] in its --help, or NULL */
  const char         *description;   /* the text of its --help */
  const GOptionEntry *entries;       /* or NULL; each arg_data a PAR_CLI_OPTION() */
  gsize               options_size;  /* the structure the entries fill */
  gconstpointer       defaults;      /* its values before parsing, or NULL for zeros */
  int                 min_args;      /* positional arguments */
  int                 max_args;      /* -1: no limit */
  const char         *args_message;  /* for another number; NULL: "takes no arguments" */
  ParCliFileUse       file;
  ParCliCheckFunc     check;         /* or NULL */
  ParCliRunFunc       run;
} ParCliCommand;

/* The arg_data of a command's GOptionEntry: where in its options structure
 * the value goes. The runner gives each run a structure of its own. */
#define PAR_CLI_OPTION(Type, member) GSIZE_TO_POINTER (G_STRUCT_OFFSET (Type, member))

int          par_cli_fail       (ParCliContext  *ctx,
                                 const GError   *error);
int          par_cli_usage      (ParCliContext  *ctx,
                                 const char     *message);
int          par_cli_parse_level (ParCliContext *ctx,
                                  const char    *name,
                                  ParUnitLevel  *level);
char        *par_cli_field      (const char     *text);
int          par_cli_parse_date (ParCliContext  *ctx,
                                 const char     *option,
                                 const char     *text,
                                 GDate          *date);
int          par_cli_parse_id   (ParCliContext  *ctx,
                                 const char     *what,
                                 const char     *text,
                                 gint64         *id);
ParAssessment   *par_cli_open_assessment (ParCliContext *ctx,
                                          ParDatabase   *db,
                                          gint64         set_id,
                                          const char    *unit_code,
                                          int           *exit_code);
ParCriteriaNode *par_cli_find_item       (ParCliContext *ctx,
                                          ParAssessment *assessment,
                                          const char    *node_code,
                                          int           *exit_code);

extern const ParCliCommand par_cli_init_command;
extern const ParCliCommand par_cli_check_command;
extern const ParCliCommand par_cli_demo_command;
extern const ParCliCommand par_cli_unit_add_command;
extern const ParCliCommand par_cli_unit_list_command;
extern const ParCliCommand par_cli_criteria_import_command;
extern const ParCliCommand par_cli_criteria_list_command;
extern const ParCliCommand par_cli_score_set_command;
extern const ParCliCommand par_cli_score_show_command;
extern const ParCliCommand par_cli_score_copy_command;
extern const ParCliCommand par_cli_evidence_add_command;
extern const ParCliCommand par_cli_evidence_link_command;
extern const ParCliCommand par_cli_evidence_unlink_command;
extern const ParCliCommand par_cli_evidence_list_command;
extern const ParCliCommand par_cli_evidence_show_command;
extern const ParCliCommand par_cli_evidence_export_command;
extern const ParCliCommand par_cli_evidence_search_command;
extern const ParCliCommand par_cli_export_scores_command;
extern const ParCliCommand par_cli_export_ranking_command;
extern const ParCliCommand par_cli_export_plan_command;
extern const ParCliCommand par_cli_export_report_command;
extern const ParCliCommand par_cli_export_inspections_command;
extern const ParCliCommand par_cli_export_ics_command;
extern const ParCliCommand par_cli_plan_create_command;
extern const ParCliCommand par_cli_plan_list_command;
extern const ParCliCommand par_cli_plan_import_command;
extern const ParCliCommand par_cli_plan_carry_over_command;
extern const ParCliCommand par_cli_task_add_command;
extern const ParCliCommand par_cli_task_list_command;
extern const ParCliCommand par_cli_task_progress_command;
extern const ParCliCommand par_cli_task_done_command;
extern const ParCliCommand par_cli_task_cancel_command;
extern const ParCliCommand par_cli_task_items_command;
extern const ParCliCommand par_cli_trust_add_command;
extern const ParCliCommand par_cli_trust_list_command;
extern const ParCliCommand par_cli_trust_remove_command;
extern const ParCliCommand par_cli_trust_add_crl_command;
extern const ParCliCommand par_cli_holiday_list_command;
extern const ParCliCommand par_cli_holiday_add_command;
extern const ParCliCommand par_cli_holiday_remove_command;
extern const ParCliCommand par_cli_staff_add_command;
extern const ParCliCommand par_cli_staff_list_command;
extern const ParCliCommand par_cli_inspection_add_command;
extern const ParCliCommand par_cli_inspection_clashes_command;
extern const ParCliCommand par_cli_inspection_list_command;
extern const ParCliCommand par_cli_inspection_cancel_command;
extern const ParCliCommand par_cli_inspection_free_slots_command;
extern const ParCliCommand par_cli_finding_add_command;
extern const ParCliCommand par_cli_finding_list_command;
extern const ParCliCommand par_cli_recommendation_add_command;
extern const ParCliCommand par_cli_recommendation_list_command;
extern const ParCliCommand par_cli_recommendation_done_command;

G_END_DECLS
