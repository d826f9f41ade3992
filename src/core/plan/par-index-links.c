/* par-index-links.c: the PAR Index items a task or an inspection names, kept alike
 *
 * A task names the items its work is scored by, an inspection the items it
 * covers; both keep them in a table of their own (owner, node_id,
 * position) and set them the same way: all at once, in one transaction
 * written to the audit log, only items and never the groups above them,
 * each once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-index-links-private.h"

static GPtrArray *
load_items (ParDatabase          *db,
            const ParIndexLinks  *links,
            gint64                owner_id,
            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) par_task_item_free);
  g_autofree char *sql = g_strdup_printf ("SELECT n.id, n.set_id, s.year, s.name, n.code, n.title"
                                          " FROM %s l JOIN criteria_node n ON n.id = l.node_id"
                                          " JOIN criteria_set s ON s.id = n.set_id"
                                          " WHERE l.%s = ? ORDER BY l.position, n.id",
                                          links->table, links->owner_column);
  int rc;

  stmt = par_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParTaskItem *item = g_new0 (ParTaskItem, 1);

      item->node_id = sqlite3_column_int64 (stmt, 0);
      item->set_id = sqlite3_column_int64 (stmt, 1);
      item->set_year = sqlite3_column_int (stmt, 2);
      item->set_name = par_sqlite_column_dup (stmt, 3);
      item->code = par_sqlite_column_dup (stmt, 4);
      item->title = par_sqlite_column_dup (stmt, 5);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The items @owner_id names, in the order they were given, each with its
 * criteria set's name and year; the owner check's error for an owner the
 * file does not hold. */
GPtrArray *
par_index_links_list (ParDatabase          *db,
                      const ParIndexLinks  *links,
                      gint64                owner_id,
                      GError              **error)
{
  if (!links->check_owner (db, owner_id, error))
    return NULL;
  return load_items (db, links, owner_id, error);
}

/* Checks that each of @node_ids is an item of a criteria set (not a group)
 * and is named once; appends their codes to @codes, comma-separated. */
static gboolean
check_nodes (ParDatabase   *db,
             const gint64  *node_ids,
             guint          n_nodes,
             GString       *codes,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (db,
                               "SELECT n.code, EXISTS (SELECT 1 FROM criteria_node c WHERE c.parent_id = n.id)"
                               " FROM criteria_node n WHERE n.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_nodes; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, node_ids[i]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                         _("There is no PAR Index item with id %lld."), (long long) node_ids[i]);
          else
            par_database_set_error (db, error);
          return FALSE;
        }
      if (sqlite3_column_int (stmt, 1))
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                       _("%s groups the items below it: name those items instead."),
                       (const char *) sqlite3_column_text (stmt, 0));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (node_ids[j] == node_ids[i])
          {
            g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                         _("Item %s is named twice."), (const char *) sqlite3_column_text (stmt, 0));
            return FALSE;
          }
      if (codes->len > 0)
        g_string_append (codes, ",");
      g_string_append (codes, (const char *) sqlite3_column_text (stmt, 0));
    }
  return TRUE;
}

static gboolean
replace_links (ParDatabase          *db,
               const ParIndexLinks  *links,
               gint64                owner_id,
               const gint64         *node_ids,
               guint                 n_nodes,
               GError              **error)
{
  g_autofree char *clear_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?", links->table, links->owner_column);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (%s, node_id, position) VALUES (?, ?, ?)",
                                                 links->table, links->owner_column);
  g_autoptr(sqlite3_stmt) clear = par_database_prepare (db, clear_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, owner_id);
  if (!par_database_step_done (db, clear, error))
    return FALSE;
  insert = par_database_prepare (db, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < n_nodes; i++)
    {
      sqlite3_bind_int64 (insert, 1, owner_id);
      sqlite3_bind_int64 (insert, 2, node_ids[i]);
      sqlite3_bind_int (insert, 3, (int) i);
      if (!par_database_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

static char *
join_codes (GPtrArray *items)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ParTaskItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append (codes, ",");
      g_string_append (codes, item->code);
    }
  return g_string_free (codes, FALSE);
}

/* Makes @node_ids, in this order, the items @owner_id names, in place of
 * those it named (none: it names none). All or nothing: the owner check's
 * error for an owner the file does not hold, NOT_FOUND for an item it does
 * not hold, INVALID for a group of items, REFUSED for an item named twice. */
gboolean
par_index_links_set (ParDatabase          *db,
                     const ParIndexLinks  *links,
                     gint64                owner_id,
                     const gint64         *node_ids,
                     guint                 n_nodes,
                     GError              **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *old_codes = NULL;
  gboolean ok;

  if (!par_database_begin (db, error))
    return FALSE;
  ok = links->check_owner (db, owner_id, error) && (before = load_items (db, links, owner_id, error)) != NULL
       && check_nodes (db, node_ids, n_nodes, codes, error)
       && replace_links (db, links, owner_id, node_ids, n_nodes, error);
  if (ok)
    {
      old_codes = join_codes (before);
      if (!g_str_equal (old_codes, codes->str))
        ok = par_database_audit (db, links->audit_entity, owner_id, "items", old_codes, codes->str, error);
    }
  if (!ok || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, links->change);
  return TRUE;
}
