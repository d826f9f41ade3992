/* par-criteria-import.h: reading criteria sets from JSON and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-criteria-set.h"

G_BEGIN_DECLS

#define PAR_IMPORT_ERROR (par_import_error_quark ())

typedef enum
{
  PAR_IMPORT_ERROR_UNREADABLE,
  PAR_IMPORT_ERROR_INVALID,
} ParImportError;

GQuark          par_import_error_quark     (void);
ParCriteriaSet *par_criteria_import_read_data (const char *contents,
                                               gsize       length,
                                               const char *source_name,
                                               GPtrArray **problems);
ParCriteriaSet *par_criteria_import_read   (const char   *path,
                                            GPtrArray   **problems,
                                            GError      **error);
gint64          par_criteria_import_file   (ParDatabase  *db,
                                            const char   *path,
                                            const char   *name,
                                            const char   *level,
                                            int           year,
                                            GError      **error);

G_END_DECLS
