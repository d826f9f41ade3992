/* par-criteria-import-private.h: what the CSV and JSON readers of criteria sets share
 *
 * A reader fills a set and collects every problem, each naming where it
 * is (the line, or the node path); the checks both formats make are in
 * par-criteria-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-criteria-import.h"

G_BEGIN_DECLS

typedef struct
{
  ParCriteriaSet *set;
  GPtrArray      *problems;
  GHashTable     *seen;       /* code → ParCriteriaNode, first occurrence */
  GHashTable     *paths;      /* JSON: code → node path in the file, first occurrence */
} ParImportReader;

/* par-criteria-import-checks.c */
void      par_import_problem    (ParImportReader *reader,
                                 const char      *where,
                                 const char      *format,
                                 ...) G_GNUC_PRINTF (3, 4);
char     *par_import_line_where (int              line);
gboolean  par_import_valid_code (const char      *code);
void      par_import_check_node (ParImportReader *reader,
                                 ParCriteriaNode *node,
                                 const char      *where);

/* par-criteria-import-csv.c */
void      par_import_read_csv   (ParImportReader *reader,
                                 const char      *contents);

/* par-criteria-import-json.c */
void      par_import_read_json  (ParImportReader *reader,
                                 const char      *contents,
                                 gsize            length);

G_END_DECLS
