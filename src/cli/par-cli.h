/* par-cli.h: what the commands of par-desk-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"

G_BEGIN_DECLS

/* Exit codes, as formats.md §2 defines them. */
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

typedef int (*ParCliRunFunc) (ParCliContext *ctx,
                              int            argc,
                              char         **argv);

int          par_cli_fail       (ParCliContext  *ctx,
                                 const GError   *error);
int          par_cli_usage      (ParCliContext  *ctx,
                                 GOptionContext *options,
                                 const char     *message);
gboolean     par_cli_parse      (ParCliContext  *ctx,
                                 GOptionContext *options,
                                 int            *argc,
                                 char         ***argv,
                                 int            *exit_code);
int          par_cli_expect_no_arguments (ParCliContext  *ctx,
                                          GOptionContext *options,
                                          int             argc);
char        *par_cli_field      (const char     *text);
ParDatabase *par_cli_open       (ParCliContext  *ctx,
                                 gboolean        create,
                                 int            *exit_code);
ParAssessment   *par_cli_open_assessment (ParCliContext *ctx,
                                          ParDatabase   *db,
                                          gint64         set_id,
                                          const char    *unit_code,
                                          int           *exit_code);
ParCriteriaNode *par_cli_find_item       (ParCliContext *ctx,
                                          ParAssessment *assessment,
                                          const char    *node_code,
                                          int           *exit_code);

int par_cli_init      (ParCliContext *ctx, int argc, char **argv);
int par_cli_check     (ParCliContext *ctx, int argc, char **argv);
int par_cli_demo      (ParCliContext *ctx, int argc, char **argv);
int par_cli_unit_add  (ParCliContext *ctx, int argc, char **argv);
int par_cli_unit_list (ParCliContext *ctx, int argc, char **argv);
int par_cli_criteria_import (ParCliContext *ctx, int argc, char **argv);
int par_cli_criteria_list   (ParCliContext *ctx, int argc, char **argv);
int par_cli_score_set       (ParCliContext *ctx, int argc, char **argv);
int par_cli_score_show      (ParCliContext *ctx, int argc, char **argv);
int par_cli_score_copy      (ParCliContext *ctx, int argc, char **argv);
int par_cli_export_scores   (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_add    (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_link   (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_unlink (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_list   (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_show   (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_export (ParCliContext *ctx, int argc, char **argv);
int par_cli_evidence_search (ParCliContext *ctx, int argc, char **argv);
int par_cli_export_ranking  (ParCliContext *ctx, int argc, char **argv);

G_END_DECLS
