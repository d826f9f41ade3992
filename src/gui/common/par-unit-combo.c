/* par-unit-combo.c: choosing a unit of the directory in an AdwComboRow
 *
 * The row lists every unit in tree order, indented by depth, so that the
 * same name in two districts can be told apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-unit-combo.h"

#define IDS_KEY "par-unit-ids"

/* Fills @row with the units; with @none_label a first entry stands for
 * "no unit" (id 0). The unit @exclude_subtree_of and everything under it is
 * left out (a unit cannot move under itself). */
gboolean
par_unit_combo_fill (AdwComboRow  *row,
                     ParDatabase  *db,
                     gint64        exclude_subtree_of,
                     const char   *none_label,
                     gint64        selected_id,
                     GError      **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) depths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint selected = 0;

  units = par_directory_list_all_units (db, error);
  if (units == NULL)
    {
      g_array_unref (ids);
      return FALSE;
    }

  if (none_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (labels, none_label);
      g_array_append_val (ids, none);
    }

  for (guint i = 0; i < units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (units, i);
      gint64 id = par_unit_get_id (unit);
      gint64 parent_id = par_unit_get_parent_id (unit);
      gpointer parent_depth = NULL;
      guint depth = 0;
      g_autofree char *label = NULL;

      if (parent_id != 0 && !g_hash_table_lookup_extended (depths, &parent_id, NULL, &parent_depth))
        continue; /* under an excluded unit */
      if (id == exclude_subtree_of)
        continue;
      depth = parent_id != 0 ? GPOINTER_TO_UINT (parent_depth) + 1 : 0;
      g_hash_table_insert (depths, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (depth));

      label = g_strdup_printf ("%*s%s", (int) depth * 4, "", par_unit_get_name (unit));
      if (id == selected_id)
        selected = ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (ids, id);
    }

  g_object_set_data_full (G_OBJECT (row), IDS_KEY, ids, (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  return TRUE;
}

/* The chosen unit's id, or 0 for none. */
gint64
par_unit_combo_get_selected_id (AdwComboRow *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}
