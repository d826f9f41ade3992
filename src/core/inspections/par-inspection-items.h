/* par-inspection-items.h: the PAR Index items an inspection covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-task-items.h"

G_BEGIN_DECLS

gboolean   par_inspection_items_set   (ParDatabase   *db,
                                       gint64         inspection_id,
                                       const gint64  *node_ids,
                                       guint          n_nodes,
                                       GError       **error);
GPtrArray *par_inspection_items_list  (ParDatabase   *db,
                                       gint64         inspection_id,
                                       GError       **error);
char      *par_inspection_items_codes (GPtrArray     *items);

G_END_DECLS
