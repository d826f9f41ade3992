/* par-ranking-view.c: every unit scored against a criteria set, ranked
 *
 * Columns are built per set (one per area); every column sorts. The
 * ranking is computed when the page is shown, from the file as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-ranking-row.h"
#include "par-ranking-view.h"

struct _ParRankingView
{
  AdwBin           parent_instance;

  ParContext      *context;
  ParCriteriaSet  *set;
  GListStore      *rows;
  gboolean         stale;

  GtkStack        *stack;
  GtkColumnView   *view;
  GtkToggleButton *by_self;
  GtkToggleButton *by_appraised;
  GtkLabel        *basis_label;
};

G_DEFINE_FINAL_TYPE (ParRankingView, par_ranking_view, ADW_TYPE_BIN)

typedef enum
{
  FIELD_RANK,
  FIELD_CODE,
  FIELD_NAME,
  FIELD_TOTAL,
  FIELD_PERCENT,
  FIELD_GROUP,
  FIELD_AREA,     /* + area index */
} Field;

static char *
field_text (ParRankingRow *row,
            int            field)
{
  gint64 milli;

  switch (field)
    {
    case FIELD_RANK:
      return par_ranking_row_get_rank (row) > 0 ? g_strdup_printf ("%u", par_ranking_row_get_rank (row))
                                                 : g_strdup ("—");
    case FIELD_CODE:
      return g_strdup (par_ranking_row_get_code (row));
    case FIELD_NAME:
      return g_strdup (par_ranking_row_get_name (row));
    case FIELD_TOTAL:
      if (par_ranking_row_get_rank (row) == 0)
        return g_strdup ("");
      return par_format_points (par_ranking_row_get_total (row));
    case FIELD_PERCENT:
      if (par_ranking_row_get_rank (row) == 0)
        return g_strdup ("");
      {
        g_autofree char *number = par_format_points (par_ranking_row_get_percent (row) * 10);
        return g_strdup_printf ("%s%%", number);
      }
    case FIELD_GROUP:
      return g_strdup (par_ranking_row_get_group (row));
    default:
      return par_ranking_row_get_area (row, field - FIELD_AREA, &milli) ? par_format_points (milli) : g_strdup ("");
    }
}

static int
compare_fields (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ParRankingRow *ra = (ParRankingRow *) a;
  ParRankingRow *rb = (ParRankingRow *) b;
  int field = GPOINTER_TO_INT (user_data);
  gint64 va = 0, vb = 0;

  switch (field)
    {
    case FIELD_CODE:
      return g_utf8_collate (par_ranking_row_get_code (ra), par_ranking_row_get_code (rb));
    case FIELD_NAME:
      return g_utf8_collate (par_ranking_row_get_name (ra), par_ranking_row_get_name (rb));
    case FIELD_GROUP:
      return g_strcmp0 (par_ranking_row_get_group (ra), par_ranking_row_get_group (rb));
    case FIELD_RANK:
      /* Unranked units (0) sort after the ranked ones. */
      va = par_ranking_row_get_rank (ra) > 0 ? par_ranking_row_get_rank (ra) : G_MAXINT;
      vb = par_ranking_row_get_rank (rb) > 0 ? par_ranking_row_get_rank (rb) : G_MAXINT;
      break;
    case FIELD_TOTAL:
      va = par_ranking_row_get_total (ra);
      vb = par_ranking_row_get_total (rb);
      break;
    case FIELD_PERCENT:
      va = par_ranking_row_get_percent (ra);
      vb = par_ranking_row_get_percent (rb);
      break;
    default:
      if (!par_ranking_row_get_area (ra, field - FIELD_AREA, &va))
        va = G_MININT64;
      if (!par_ranking_row_get_area (rb, field - FIELD_AREA, &vb))
        vb = G_MININT64;
      break;
    }
  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  int field = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), field == FIELD_NAME || field == FIELD_CODE ? 0 : 1);
  if (field == FIELD_NAME)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  g_autofree char *text = field_text (gtk_list_item_get_item (item), GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (ParRankingView *self,
            const char     *title,
            int             field,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_fields, GINT_TO_POINTER (field), NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (field));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (field));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
}

static void
rebuild_columns (ParRankingView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  GPtrArray *areas;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
  add_column (self, C_("ranking", "Rank"), FIELD_RANK, FALSE);
  add_column (self, C_("ranking", "Code"), FIELD_CODE, FALSE);
  add_column (self, C_("ranking", "Unit"), FIELD_NAME, TRUE);
  areas = par_criteria_set_get_roots (self->set);
  for (guint i = 0; i < areas->len; i++)
    {
      g_autofree char *numeral = par_roman_numeral (i + 1);

      add_column (self, numeral, FIELD_AREA + i, FALSE);
    }
  add_column (self, C_("ranking", "Total"), FIELD_TOTAL, FALSE);
  add_column (self, C_("ranking", "Percent"), FIELD_PERCENT, FALSE);
  add_column (self, C_("ranking", "Group"), FIELD_GROUP, FALSE);
}

static void
reload (ParRankingView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ParRankingBasis basis = gtk_toggle_button_get_active (self->by_appraised) ? PAR_RANKING_BY_APPRAISED
                                                                           : PAR_RANKING_BY_SELF;

  self->stale = FALSE;
  g_list_store_remove_all (self->rows);
  if (self->set == NULL || self->context == NULL || par_context_get_database (self->context) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  entries = par_ranking_compute (par_context_get_database (self->context), self->set, basis, &error);
  if (entries == NULL)
    {
      par_context_report_error (self->context, _("The ranking could not be computed"), error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(ParRankingRow) row = par_ranking_row_new (g_ptr_array_index (entries, i),
                                                          par_criteria_set_get_roots (self->set), basis);

      g_list_store_append (self->rows, row);
    }
  gtk_label_set_text (self->basis_label, basis == PAR_RANKING_BY_APPRAISED ? _("Ranked by appraised scores")
                                                                          : _("Ranked by self-scores"));
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "table" : "empty");
}

static void
database_changed (ParRankingView *self,
                  ParChange       what)
{
  /* Recomputed when next shown, not on every keystroke of scoring. */
  if (what == PAR_CHANGE_SCORES || what == PAR_CHANGE_UNITS)
    {
      self->stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload (self);
    }
}

static void
view_mapped (ParRankingView *self)
{
  if (self->stale)
    reload (self);
}

/* The ranking follows the context's file and its changes. */
void
par_ranking_view_set_context (ParRankingView *self,
                              ParContext     *context)
{
  g_return_if_fail (PAR_IS_RANKING_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
}

/* The set to rank (a set of the context's file), or NULL. */
void
par_ranking_view_set_set (ParRankingView *self,
                          ParCriteriaSet *set)
{
  ParRankingBasis basis = PAR_RANKING_BY_SELF;

  g_return_if_fail (PAR_IS_RANKING_VIEW (self));
  g_return_if_fail (self->context != NULL);

  if (set == self->set)
    return;
  g_set_object (&self->set, set);
  if (set != NULL)
    {
      rebuild_columns (self);
      if (par_context_get_database (self->context) != NULL)
        par_ranking_default_basis (par_context_get_database (self->context), set, &basis, NULL);
      gtk_toggle_button_set_active (basis == PAR_RANKING_BY_APPRAISED ? self->by_appraised : self->by_self, TRUE);
    }
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || set == NULL)
    reload (self);
}

guint
par_ranking_view_get_n_rows (ParRankingView *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static void
basis_toggled (ParRankingView *self)
{
  reload (self);
}

static void
par_ranking_view_dispose (GObject *object)
{
  ParRankingView *self = PAR_RANKING_VIEW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->set);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (par_ranking_view_parent_class)->dispose (object);
}

static void
par_ranking_view_class_init (ParRankingViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = par_ranking_view_dispose;
}

static void
par_ranking_view_init (ParRankingView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *basis_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkSortListModel *sorted;

  self->rows = g_list_store_new (PAR_TYPE_RANKING_ROW);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));

  self->by_self = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("By self-score")));
  self->by_appraised = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("By appraised score")));
  gtk_toggle_button_set_group (self->by_appraised, self->by_self);
  gtk_toggle_button_set_active (self->by_self, TRUE);
  gtk_widget_add_css_class (basis_box, "linked");
  gtk_box_append (GTK_BOX (basis_box), GTK_WIDGET (self->by_self));
  gtk_box_append (GTK_BOX (basis_box), GTK_WIDGET (self->by_appraised));
  self->basis_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->basis_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->basis_label), TRUE);
  gtk_label_set_xalign (self->basis_label, 1);
  gtk_box_append (GTK_BOX (bar), basis_box);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->basis_label));
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-list-ordered-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Unit Scored Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Units appear here, best first, once they have scores in this criteria set."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, box, "table");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  g_signal_connect_swapped (self->by_appraised, "toggled", G_CALLBACK (basis_toggled), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (view_mapped), self);
}
