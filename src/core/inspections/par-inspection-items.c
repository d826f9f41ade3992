/* par-inspection-items.c: the PAR Index items an inspection covers
 *
 * An inspection's scope is its free text and the items of a criteria set
 * it covers, named as a plan task names the items it serves and kept the
 * same way (par-index-links.c): set all at once, in one transaction written
 * to the audit log, only items and never the groups above them. The items
 * are ParTaskItem, the same record as a task's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-index-links-private.h"
#include "par-inspection-items.h"

static gboolean
check_inspection (ParDatabase  *db,
                  gint64        inspection_id,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT 1 FROM inspection WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no inspection with id %lld."), (long long) inspection_id);
  else
    par_database_set_error (db, error);
  return FALSE;
}

static const ParIndexLinks inspection_links = {
  .table = "inspection_item",
  .owner_column = "inspection_id",
  .audit_entity = "inspection",
  .change = PAR_CHANGE_INSPECTIONS,
  .check_owner = check_inspection,
};

/* The items @inspection_id covers, in the order they were given, each with
 * its criteria set's name and year (ParTaskItem); NOT_FOUND for an
 * inspection the file does not hold. */
GPtrArray *
par_inspection_items_list (ParDatabase  *db,
                           gint64        inspection_id,
                           GError      **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  return par_index_links_list (db, &inspection_links, inspection_id, error);
}

/* Makes @node_ids, in this order, the items @inspection_id covers, in place
 * of those it covered (none: it covers none). All or nothing: NOT_FOUND for
 * an inspection or an item the file does not hold, INVALID for a group of
 * items, REFUSED for an item named twice. */
gboolean
par_inspection_items_set (ParDatabase   *db,
                          gint64         inspection_id,
                          const gint64  *node_ids,
                          guint          n_nodes,
                          GError       **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (node_ids != NULL || n_nodes == 0, FALSE);

  return par_index_links_set (db, &inspection_links, inspection_id, node_ids, n_nodes, error);
}

/* The codes of @items (ParTaskItem), in order, as "1.1, 3.2"; "" for none. */
char *
par_inspection_items_codes (GPtrArray *items)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      if (i > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, ((ParTaskItem *) g_ptr_array_index (items, i))->code);
    }
  return g_string_free (codes, FALSE);
}
