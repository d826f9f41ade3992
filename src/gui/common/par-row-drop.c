/* par-row-drop.c: files dropped on a row of a tree's column view, the row highlighted meanwhile
 *
 * Files dragged over the PAR Index's tree go to the item of the row under
 * the pointer, files dragged over the Plan's tree to the task of that row.
 * One drop target for the whole column view: rows are recycled as the
 * tree scrolls, the pointer's position is not. The rows are those of a
 * GtkTreeListModel, each with a GtkTreeExpander that names its item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-pdf-chooser.h"
#include "par-row-drop.h"

typedef struct
{
  GWeakRef          owner;
  ParRowAcceptFunc  accept;
  ParRowDropFunc    drop;
  GtkWidget        *highlighted;   /* the row widget marked, with a reference */
} RowDrop;

static void
row_drop_free (RowDrop *row_drop)
{
  g_weak_ref_clear (&row_drop->owner);
  g_clear_object (&row_drop->highlighted);
  g_free (row_drop);
}

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
list_view_of (GtkWidget *table)
{
  for (GtkWidget *child = gtk_widget_get_first_child (table); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The row widget at (@x, @y) of @table that takes files, and (in *@item,
 * a new reference) the item it shows; NULL off such rows. */
static GtkWidget *
row_widget_at (RowDrop       *row_drop,
               GtkWidget     *table,
               double         x,
               double         y,
               GObject      **item)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&row_drop->owner);
  GtkWidget *list_view = list_view_of (table);
  GtkWidget *widget = gtk_widget_pick (table, x, y, GTK_PICK_INSENSITIVE | GTK_PICK_NON_TARGETABLE);
  GtkWidget *expander;
  GtkTreeListRow *tree_row;

  *item = NULL;
  if (owner == NULL || list_view == NULL)
    return NULL;
  while (widget != NULL && widget != table && gtk_widget_get_parent (widget) != list_view)
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL || widget == table)
    return NULL;
  expander = find_expander (widget);
  tree_row = expander != NULL ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;
  if (tree_row == NULL)
    return NULL;
  *item = gtk_tree_list_row_get_item (tree_row);
  if (*item != NULL && row_drop->accept (owner, *item))
    return widget;
  g_clear_object (item);
  return NULL;
}

static void
highlight (RowDrop   *row_drop,
           GtkWidget *widget)
{
  if (row_drop->highlighted == widget)
    return;
  if (row_drop->highlighted != NULL)
    gtk_widget_remove_css_class (row_drop->highlighted, "drop-row");
  if (widget != NULL)
    gtk_widget_add_css_class (widget, "drop-row");
  g_set_object (&row_drop->highlighted, widget);
}

static GdkDragAction
drag_motion (GtkDropTarget *target,
             double         x,
             double         y,
             RowDrop       *row_drop)
{
  g_autoptr(GObject) item = NULL;
  GtkWidget *table = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkWidget *widget = row_widget_at (row_drop, table, x, y, &item);

  highlight (row_drop, widget);
  return widget != NULL ? GDK_ACTION_COPY : 0;
}

static void
drag_leave (GtkDropTarget *target,
            RowDrop       *row_drop)
{
  highlight (row_drop, NULL);
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value,
      double         x,
      double         y,
      RowDrop       *row_drop)
{
  g_autoptr(GObject) item = NULL;
  g_autoptr(GObject) owner = NULL;
  g_autoptr(GPtrArray) paths = par_pdf_chooser_paths_from_drop (value);
  GtkWidget *table = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkWidget *widget = row_widget_at (row_drop, table, x, y, &item);

  highlight (row_drop, NULL);
  owner = g_weak_ref_get (&row_drop->owner);
  if (widget == NULL || owner == NULL || paths->len == 0)
    return FALSE;
  row_drop->drop (owner, item, paths);
  return TRUE;
}

/* Files dropped on a row of @view that @accept takes go to @drop, with
 * the row's item; the row has the "drop-row" class while they hover. */
void
par_row_drop_accept (GtkColumnView    *view,
                     GObject          *owner,
                     ParRowAcceptFunc  accept,
                     ParRowDropFunc    drop_func)
{
  GtkDropTarget *target;
  RowDrop *row_drop;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (accept != NULL && drop_func != NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  row_drop = g_new0 (RowDrop, 1);
  g_weak_ref_init (&row_drop->owner, owner);
  row_drop->accept = accept;
  row_drop->drop = drop_func;
  /* The whole table shows no drop look of its own (style.css). */
  gtk_widget_add_css_class (GTK_WIDGET (view), "row-drop-table");
  g_signal_connect (target, "enter", G_CALLBACK (drag_motion), row_drop);
  g_signal_connect (target, "motion", G_CALLBACK (drag_motion), row_drop);
  g_signal_connect (target, "leave", G_CALLBACK (drag_leave), row_drop);
  g_signal_connect_data (target, "drop", G_CALLBACK (drop), row_drop,
                         (GClosureNotify) (void (*) (void)) row_drop_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (target));
}
