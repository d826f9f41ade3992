/* par-inspections-view-lists.c: the year's inspections, the overdue recommendations, the header's counts
 *
 * The year is that of the month shown: moving from December to January
 * loads the next year's inspections. The overdue list spans every year,
 * as of the view's today, since a recommendation left over from last year
 * is still the committee's business. Both lists are small (a committee
 * inspects a few dozen units a year), so they are read on the spot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-inspections-view-private.h"

typedef char *(*CellText) (ParInspectionsView *self,
                           ParInspectionItem  *item);

/* The error goes to the window's banner, the view stays as it was. */
void
par_inspections_view_report (ParInspectionsView *self,
                             const char         *heading,
                             const GError       *error)
{
  if (self->context != NULL)
    par_context_report_error (self->context, heading, error);
}

/* Columns ----------------------------------------------------------------- */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ParInspectionsView *self = g_object_get_data (G_OBJECT (factory), "view");
  CellText text = (CellText) user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *value = text (self, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (label), value);
  gtk_widget_set_tooltip_text (label, *value != '\0' ? value : NULL);
}

/* A column of labels; @css_class (or NULL) on each, @expand for the one
 * that takes the room left. */
static void
add_column (ParInspectionsView *self,
            GtkColumnView      *view,
            const char         *title,
            CellText            text,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), (gpointer) text);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

static char *
days_text (ParInspectionsView *self,
           ParInspectionItem  *item)
{
  return par_inspection_format_days (par_inspection_item_get_inspection (item));
}

static char *
unit_text (ParInspectionsView *self,
           ParInspectionItem  *item)
{
  return g_strdup (par_inspection_item_get_inspection (item)->unit_name);
}

static char *
title_text (ParInspectionsView *self,
            ParInspectionItem  *item)
{
  return g_strdup (par_inspection_item_get_inspection (item)->title);
}

static char *
leader_text (ParInspectionsView *self,
             ParInspectionItem  *item)
{
  return g_strdup (par_inspection_item_get_leader (item));
}

static char *
state_text (ParInspectionsView *self,
            ParInspectionItem  *item)
{
  return g_strdup (par_inspection_get_state_label (par_inspection_item_get_inspection (item), &self->today));
}

static char *
responsible_text (ParInspectionsView *self,
                  ParInspectionItem  *item)
{
  return g_strdup (par_inspection_item_get_recommendation (item)->unit_name);
}

static char *
recommendation_text (ParInspectionsView *self,
                     ParInspectionItem  *item)
{
  return g_strdup (par_inspection_item_get_recommendation (item)->text);
}

static char *
deadline_text (ParInspectionsView *self,
               ParInspectionItem  *item)
{
  return par_format_gdate (&par_inspection_item_get_recommendation (item)->deadline);
}

static char *
days_overdue_text (ParInspectionsView *self,
                   ParInspectionItem  *item)
{
  ParRecommendation *recommendation = par_inspection_item_get_recommendation (item);
  int days = g_date_days_between (&recommendation->deadline, &self->today);

  /* Translators: how long a recommendation is past its deadline */
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

static char *
inspection_text (ParInspectionsView *self,
                 ParInspectionItem  *item)
{
  ParInspection *inspection = par_inspection_item_get_inspection (item);
  g_autofree char *days = par_inspection_format_days (inspection);

  /* Translators: the inspection a recommendation comes from: the unit inspected, then its days */
  return g_strdup_printf (_("%s, %s"), inspection->unit_name, days);
}

/* The lists' columns and models; their rows come with par_inspections_view_load(). */
void
par_inspections_view_init_lists (ParInspectionsView *self)
{
  self->inspections = g_list_store_new (PAR_TYPE_INSPECTION_ITEM);
  self->overdue = g_list_store_new (PAR_TYPE_INSPECTION_ITEM);
  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->inspections)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  self->overdue_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->overdue)));
  gtk_single_selection_set_autoselect (self->overdue_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->overdue_selection, TRUE);
  gtk_column_view_set_model (self->inspection_list, GTK_SELECTION_MODEL (self->list_selection));
  gtk_column_view_set_model (self->overdue_list, GTK_SELECTION_MODEL (self->overdue_selection));

  add_column (self, self->inspection_list, _("Dates"), days_text, FALSE);
  add_column (self, self->inspection_list, _("Unit"), unit_text, FALSE);
  add_column (self, self->inspection_list, _("Title"), title_text, TRUE);
  add_column (self, self->inspection_list, _("Team leader"), leader_text, FALSE);
  add_column (self, self->inspection_list, _("State"), state_text, FALSE);

  add_column (self, self->overdue_list, _("Responsible unit"), responsible_text, FALSE);
  add_column (self, self->overdue_list, _("Recommendation"), recommendation_text, TRUE);
  add_column (self, self->overdue_list, _("Deadline"), deadline_text, FALSE);
  add_column (self, self->overdue_list, _("Overdue by"), days_overdue_text, FALSE);
  add_column (self, self->overdue_list, _("Inspection"), inspection_text, FALSE);
}

/* Loading ----------------------------------------------------------------- */

/* The counts of the year under the header: inspections, cancelled,
 * recommendations made and still open. */
static void
show_counts (ParInspectionsView *self,
             GPtrArray          *recommendations)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->inspections)), n_cancelled = 0, n_open = 0;
  g_autofree char *inspections = NULL;
  g_autofree char *follow_up = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParInspectionItem) item = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);

      n_cancelled += par_inspection_item_get_inspection (item)->cancelled ? 1 : 0;
    }
  for (guint i = 0; i < recommendations->len; i++)
    {
      ParRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      ParRecommendationStatus status = par_recommendation_get_status (recommendation, &self->today);

      n_open += status == PAR_RECOMMENDATION_OPEN || status == PAR_RECOMMENDATION_OVERDUE ? 1 : 0;
    }
  /* Translators: the year's count of inspections, then how many of them are cancelled */
  inspections = g_strdup_printf (ngettext ("%d: %u inspection, %u cancelled", "%d: %u inspections, %u cancelled", n),
                                 self->loaded_year, n, n_cancelled);
  /* Translators: the count of the year's recommendations, then how many of them are not carried out yet */
  follow_up = g_strdup_printf (ngettext ("%u recommendation, %u still open", "%u recommendations, %u still open",
                                         recommendations->len),
                               recommendations->len, n_open);
  text = g_strdup_printf ("%s · %s", inspections, follow_up);
  gtk_label_set_text (self->counts_label, text);
}

/* The recommendations of the year's inspections. */
static GPtrArray *
year_recommendations (ParInspectionsView *self,
                      GError            **error)
{
  g_autoptr(GPtrArray) all = par_recommendations_list (self->database, 0, 0, error);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *year = g_ptr_array_new_with_free_func ((GDestroyNotify) par_recommendation_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->inspections));

  if (all == NULL)
    {
      g_ptr_array_unref (year);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParInspectionItem) item = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);

      g_hash_table_add (ids, &par_inspection_item_get_inspection (item)->id);
    }
  for (guint i = 0; i < all->len; i++)
    {
      ParRecommendation *recommendation = g_ptr_array_index (all, i);

      if (g_hash_table_contains (ids, &recommendation->inspection_id))
        g_ptr_array_add (year, g_ptr_array_steal_index (all, i--));
    }
  return year;
}

/* Reads the inspections of the year of the month shown, and the counts. */
void
par_inspections_view_load (ParInspectionsView *self)
{
  int year = g_date_get_year (&self->month);
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(GPtrArray) recommendations = NULL;
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;
  g_list_store_remove_all (self->inspections);
  self->loaded_year = year;
  if (self->database != NULL && (inspections = par_inspections_list (self->database, year, &error)) == NULL)
    par_inspections_view_report (self, _("The inspections could not be read"), error);
  g_clear_error (&error);
  for (guint i = 0; inspections != NULL && i < inspections->len; i++)
    {
      g_autoptr(ParInspectionItem) item = par_inspection_item_new (g_ptr_array_steal_index (inspections, i--), NULL);

      g_list_store_append (self->inspections, item);
    }
  if (self->database != NULL && (recommendations = year_recommendations (self, &error)) == NULL)
    par_inspections_view_report (self, _("The recommendations could not be read"), error);
  if (recommendations == NULL)
    recommendations = g_ptr_array_new ();
  show_counts (self, recommendations);
  self->updating = FALSE;
}

static void
show_n_overdue (ParInspectionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->overdue));
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("No overdue recommendations"));
  else
    label = g_strdup_printf (ngettext ("%u overdue recommendation", "%u overdue recommendations", n), n);
  gtk_button_set_label (GTK_BUTTON (self->overdue_toggle), label);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_toggle), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_toggle), "overdue");
  gtk_stack_set_visible_child_name (self->overdue_stack, n > 0 ? "list" : "empty");
}

static int
by_deadline (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  ParRecommendation *first = par_inspection_item_get_recommendation ((ParInspectionItem *) a);
  ParRecommendation *second = par_inspection_item_get_recommendation ((ParInspectionItem *) b);

  return g_date_compare (&first->deadline, &second->deadline);
}

/* Reads the recommendations overdue on the view's today, in every year,
 * each with the inspection that made it; the longest overdue first. */
void
par_inspections_view_load_overdue (ParInspectionsView *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;
  g_list_store_remove_all (self->overdue);
  if (self->database != NULL && (all = par_recommendations_list (self->database, 0, 0, &error)) == NULL)
    par_inspections_view_report (self, _("The recommendations could not be read"), error);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      ParRecommendation *recommendation = g_ptr_array_index (all, i);
      ParInspection *inspection;
      ParInspectionItem *item;

      if (par_recommendation_get_status (recommendation, &self->today) != PAR_RECOMMENDATION_OVERDUE)
        continue;
      g_clear_error (&error);
      if ((inspection = par_inspections_get (self->database, recommendation->inspection_id, &error)) == NULL)
        continue;   /* its inspection gone meanwhile: nothing to follow up */
      item = par_inspection_item_new (inspection, g_ptr_array_steal_index (all, i--));
      g_list_store_append (self->overdue, item);
      g_object_unref (item);
    }
  g_list_store_sort (self->overdue, by_deadline, NULL);
  self->updating = FALSE;
  show_n_overdue (self);
}

/* The first row of @selection about @inspection_id, or none. */
static guint
position_of (GtkSingleSelection *selection,
             gint64              inspection_id)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n && inspection_id != 0; i++)
    {
      g_autoptr(ParInspectionItem) item = g_list_model_get_item (model, i);

      if (par_inspection_item_get_inspection (item)->id == inspection_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Selects the selected inspection in the lists too, or nothing; an
 * overdue row already of that inspection stays the one selected. */
void
par_inspections_view_sync_lists (ParInspectionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->inspections));
  g_autoptr(ParInspectionItem) overdue = gtk_single_selection_get_selected_item (self->overdue_selection) != NULL
                                         ? g_object_ref (gtk_single_selection_get_selected_item (self->overdue_selection))
                                         : NULL;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->list_selection, position_of (self->list_selection, self->selected_id));
  if (overdue == NULL || par_inspection_item_get_inspection (overdue)->id != self->selected_id)
    gtk_single_selection_set_selected (self->overdue_selection,
                                       position_of (self->overdue_selection, self->selected_id));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  self->updating = FALSE;
}
