/* par-row-drop.h: files dropped on a row of a tree's column view, the row highlighted meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the row showing @item takes files (an area's heading does not). */
typedef gboolean (*ParRowAcceptFunc) (GObject  *owner,
                                      gpointer  item);
/* The files dropped on @item's row. */
typedef void     (*ParRowDropFunc)   (GObject   *owner,
                                      gpointer   item,
                                      GPtrArray *paths);

void par_row_drop_accept (GtkColumnView    *view,
                          GObject          *owner,
                          ParRowAcceptFunc  accept,
                          ParRowDropFunc    drop_func);

G_END_DECLS
