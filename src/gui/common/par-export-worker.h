/* par-export-worker.h: a file written from the open PAR Desk file in a worker, then a toast or an error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-context.h"

G_BEGIN_DECLS

/* Writes @path from @db (a read-only connection of the worker's own). */
typedef gboolean (*ParExportWriter) (ParDatabase  *db,
                                     const char   *path,
                                     gpointer      data,
                                     GError      **error);

void par_export_in_background (ParContext     *context,
                               const char     *path,
                               ParExportWriter writer,
                               gpointer        data,
                               GDestroyNotify  data_free,
                               const char     *done_toast,
                               const char     *failed_heading);

G_END_DECLS
