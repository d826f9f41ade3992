/* par-index-links-private.h: the PAR Index items a task or an inspection names, kept alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database-private.h"
#include "par-task-items.h"

G_BEGIN_DECLS

/* What names items: its link table (owner column, node_id, position), what
 * the audit log calls it, what it changes, and how its existence is checked. */
typedef struct
{
  const char  *table;
  const char  *owner_column;
  const char  *audit_entity;
  ParChange    change;
  gboolean   (*check_owner) (ParDatabase  *db,
                             gint64        owner_id,
                             GError      **error);
} ParIndexLinks;

GPtrArray *par_index_links_list (ParDatabase          *db,
                                 const ParIndexLinks  *links,
                                 gint64                owner_id,
                                 GError              **error);
gboolean   par_index_links_set  (ParDatabase          *db,
                                 const ParIndexLinks  *links,
                                 gint64                owner_id,
                                 const gint64         *node_ids,
                                 guint                 n_nodes,
                                 GError              **error);

G_END_DECLS
