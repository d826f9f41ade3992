/* par-plan-view-load.c: the Plan's units, the chosen plan, the tree and its filters, the summary
 *
 * The rows are made once for the plan shown and kept: a new as-of date
 * moves them in place, and a filter adds and removes only the rows that
 * come and go, so that the table keeps the widgets of the rows it still
 * shows (GTK makes a row's widgets again for each row it is given anew).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "par-plan-view-private.h"

void
par_plan_view_report (ParPlanView  *self,
                      const char   *heading,
                      const GError *error)
{
  par_context_report_error (self->context, heading, error);
}

/* Units ------------------------------------------------------------------- */

const char *
par_plan_view_unit_name (ParPlanView *self,
                         gint64       unit_id)
{
  const char *name = self->unit_names != NULL ? g_hash_table_lookup (self->unit_names, &unit_id) : NULL;

  return name != NULL ? name : "";
}

/* The coordinating units' names, joined by commas. */
char *
par_plan_view_coordinating_names (ParPlanView *self,
                                  ParTask     *task)
{
  GArray *ids = par_task_get_coordinating_ids (task);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, par_plan_view_unit_name (self, g_array_index (ids, gint64, i)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gint64
par_plan_view_selected_unit_id (ParPlanView *self)
{
  guint i = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->units == NULL || i >= self->units->len)
    return 0;
  return par_unit_get_id (g_ptr_array_index (self->units, i));
}

static gint64
filter_unit_id (ParPlanView *self)
{
  guint i = gtk_drop_down_get_selected (self->filter_unit_dropdown);

  if (self->units == NULL || i == 0 || i > self->units->len)
    return 0;
  return par_unit_get_id (g_ptr_array_index (self->units, i - 1));
}

static void
set_unit_model (GtkDropDown *dropdown,
                GListModel  *names,
                guint        selected)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  /* The dropdown takes its own reference of the expression. */
  gtk_drop_down_set_expression (dropdown, name);
  gtk_drop_down_set_model (dropdown, names);
  gtk_drop_down_set_selected (dropdown, selected);
}

/* The units in the file, into both unit dropdowns; the chosen ones stay chosen. */
void
par_plan_view_reload_units (ParPlanView *self)
{
  gint64 keep = par_plan_view_selected_unit_id (self);
  gint64 keep_filter = filter_unit_id (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0, filter_selected = 0;

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (self->database != NULL && (self->units = par_directory_list_all_units (self->database, &error)) == NULL)
    par_plan_view_report (self, _("The units could not be read"), error);
  gtk_string_list_append (filter_names, _("All units"));
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (self->units, i);
      gint64 id = par_unit_get_id (unit);

      g_hash_table_insert (self->unit_names, g_memdup2 (&id, sizeof id), (gpointer) par_unit_get_name (unit));
      gtk_string_list_append (names, par_unit_get_name (unit));
      gtk_string_list_append (filter_names, par_unit_get_name (unit));
      if (id == keep)
        selected = i;
      if (id == keep_filter)
        filter_selected = i + 1;
    }
  self->updating = TRUE;
  set_unit_model (self->unit_dropdown, G_LIST_MODEL (names), selected);
  set_unit_model (self->filter_unit_dropdown, G_LIST_MODEL (filter_names), filter_selected);
  self->updating = FALSE;
}

/* The tree ---------------------------------------------------------------- */

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  GListStore *children = par_plan_row_get_children (item);

  return children != NULL ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

static void
status_button_clicked (GtkButton   *button,
                       ParPlanView *self)
{
  guint status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "status"));

  /* A second click on the chosen status shows every task again. */
  if (gtk_drop_down_get_selected (self->status_dropdown) == status + 1)
    gtk_drop_down_set_selected (self->status_dropdown, 0);
  else
    gtk_drop_down_set_selected (self->status_dropdown, status + 1);
}

static void
build_summary (ParPlanView *self)
{
  for (guint i = 0; i < PAR_N_TASK_STATUSES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *count = gtk_label_new ("0");
      GtkWidget *label = gtk_label_new (par_task_status_get_label (i));

      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "heading");
      gtk_box_append (GTK_BOX (box), count);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "status-button");
      gtk_widget_add_css_class (button, par_task_status_get_css_class (i));
      gtk_widget_set_tooltip_text (button, _("Show only these tasks; click again to show all"));
      g_object_set_data (G_OBJECT (button), "status", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (status_button_clicked), self);
      gtk_box_append (self->summary_box, button);
      self->status_buttons[i] = button;
    }
}

static GListModel *
labels_model (const char *all,
              guint       n,
              const char *(*label) (guint))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static const char *
status_label (guint status)
{
  return par_task_status_get_label (status);
}

static const char *
area_label (guint area)
{
  static char *labels[PAR_N_AREAS];

  if (labels[area] == NULL)
    labels[area] = g_strdup_printf ("%s. %s", par_area_get_numeral (area), par_area_get_name (area));
  return labels[area];
}

void
par_plan_view_init_tree (ParPlanView *self)
{
  GtkTreeListModel *tree;
  g_autoptr(GListModel) statuses = labels_model (_("All statuses"), PAR_N_TASK_STATUSES, status_label);
  g_autoptr(GListModel) areas = labels_model (_("All areas"), PAR_N_AREAS, area_label);

  self->root_rows = g_list_store_new (PAR_TYPE_PLAN_ROW);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->root_rows)), FALSE, TRUE,
                                  create_child_model, self, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->task_view, GTK_SELECTION_MODEL (self->selection));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->area_dropdown, areas);
  build_summary (self);
}

ParPlanRow *
par_plan_view_selected_row (ParPlanView *self)
{
  GtkTreeListRow *tree_row = gtk_single_selection_get_selected_item (self->selection);

  return tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;
}

/* The pane shows the selected task, as of the view's date. */
void
par_plan_view_update_pane (ParPlanView *self)
{
  g_autoptr(ParPlanRow) row = par_plan_view_selected_row (self);
  ParTask *task = row != NULL ? par_plan_row_get_task (row) : NULL;
  g_autofree char *coordinating = task != NULL ? par_plan_view_coordinating_names (self, task) : NULL;
  gboolean open = task != NULL && !par_task_get_completed (task, NULL) && !par_task_get_cancelled (task, NULL);

  par_task_pane_set_row (self->task_pane, row,
                         task != NULL ? par_plan_view_unit_name (self, par_task_get_lead_id (task)) : NULL,
                         coordinating);
  par_task_pane_show_items (self->task_pane, self->database, task,
                            self->plan != NULL ? par_plan_get_unit_id (self->plan) : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.edit-task", task != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.attach-evidence", task != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.record-progress", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.mark-done", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.cancel-task", open);
}

/* Filters ----------------------------------------------------------------- */

typedef struct
{
  int     status;    /* -1: any */
  int     area;      /* -1: any */
  gint64  unit_id;   /* 0: any */
  gboolean overdue;
  char   *query;     /* folded; NULL: none */
} Filters;

static void
read_filters (ParPlanView *self,
              Filters     *filters)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->task_search_entry))));

  filters->status = (int) gtk_drop_down_get_selected (self->status_dropdown) - 1;
  filters->area = (int) gtk_drop_down_get_selected (self->area_dropdown) - 1;
  filters->unit_id = filter_unit_id (self);
  filters->overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  /* Folded on both sides: "ke hoach" finds "kế hoạch". */
  filters->query = *query != '\0' ? par_text_fold (query) : NULL;
}

static gboolean
matches_query (ParTask    *task,
               const char *query)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (query == NULL)
    return TRUE;
  text = g_strjoin (" ", par_task_get_code (task), par_task_get_title (task),
                    par_task_get_output (task) != NULL ? par_task_get_output (task) : "", NULL);
  folded = par_text_fold (text);
  return strstr (folded, query) != NULL;
}

static gboolean
matches (ParPlanRow    *row,
         const Filters *filters)
{
  ParTask *task = par_plan_row_get_task (row);
  ParTaskStatus status = par_plan_row_get_status (row);

  return (filters->status < 0 || (ParTaskStatus) filters->status == status)
         && (filters->area < 0 || (ParArea) filters->area == par_task_get_area (task))
         && (filters->unit_id == 0 || par_task_involves_unit (task, filters->unit_id))
         && (!filters->overdue || status == PAR_TASK_STATUS_OVERDUE)
         && matches_query (task, filters->query);
}

/* Summary ----------------------------------------------------------------- */

static void
update_counts (ParPlanView *self,
                const guint *counts,
                guint        n_shown)
{
  guint chosen = gtk_drop_down_get_selected (self->status_dropdown);
  guint n_tasks = self->tasks != NULL ? self->tasks->len : 0;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < PAR_N_TASK_STATUSES; i++)
    {
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (self->status_buttons[i]));
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), count);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->status_buttons[i]), chosen == i + 1);
      gtk_widget_set_visible (self->status_buttons[i], counts[i] > 0 || chosen == i + 1);
    }
  /* Translators: how many of the plan's tasks the filters show */
  shown = g_strdup_printf (ngettext ("%u of %u task shown", "%u of %u tasks shown", n_tasks), n_shown, n_tasks);
  gtk_label_set_text (self->shown_label, shown);
}

/* The header's cards follow the tasks and the date, not the filters. */
void
par_plan_view_update_summary (ParPlanView *self)
{
  par_plan_summary_set_tasks (self->summary, self->tasks, &self->as_of, self->unit_names);
}

/* The tree ---------------------------------------------------------------- */

static void
show_empty (ParPlanView *self,
            guint        n_shown)
{
  gboolean no_tasks = self->tasks == NULL || self->tasks->len == 0;

  adw_status_page_set_title (self->empty_page, no_tasks ? _("No Tasks Yet") : _("No Matching Tasks"));
  adw_status_page_set_description (self->empty_page,
                                   no_tasks ? _("Add the plan’s tasks with “Add Task…” (Ctrl+Shift+N).")
                                            : _("No task matches these filters as of this date."));
  gtk_stack_set_visible_child_name (self->tasks_stack, n_shown > 0 ? "list" : "empty");
}

/* Rows for the plan's tasks as of the view's date; none shown yet. */
static void
make_rows (ParPlanView *self)
{
  par_plan_view_clear_rows (self);
  for (guint i = 0; i < PAR_N_AREAS; i++)
    self->area_rows[i] = par_plan_row_new_area (i);
  self->task_rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    g_ptr_array_add (self->task_rows, par_plan_row_new_task (g_ptr_array_index (self->tasks, i), &self->as_of));
}

void
par_plan_view_clear_rows (ParPlanView *self)
{
  self->updating = TRUE;
  if (self->root_rows != NULL)
    g_list_store_remove_all (self->root_rows);
  self->updating = FALSE;
  for (guint i = 0; i < PAR_N_AREAS; i++)
    g_clear_object (&self->area_rows[i]);
  g_clear_pointer (&self->task_rows, g_ptr_array_unref);
}

/* The rows as of the view's date, in place. */
void
par_plan_view_move_rows (ParPlanView *self)
{
  for (guint i = 0; self->task_rows != NULL && i < self->task_rows->len; i++)
    par_plan_row_set_as_of (g_ptr_array_index (self->task_rows, i), &self->as_of);
}

/* The item at @position, held by @store. */
static gpointer
item_at (GListStore *store,
         guint       position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);
  return item;
}

/* Makes @store hold @wanted (@keep: the same rows as a set), one run of
 * rows that go or come at a time, so that the table keeps the widgets of
 * the rows it still shows; both are in the same order (plan order, or
 * I–VII), so one walk finds the runs. With @apply FALSE, only counts them;
 * adds the number of rows that go to @removed. */
static guint
walk_runs (GListStore *store,
           GPtrArray  *wanted,
           GHashTable *keep,
           gboolean    apply,
           guint      *removed)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position = 0, j = 0, runs = 0;

  while (position < n || j < wanted->len)
    {
      gpointer item = position < n ? item_at (store, position) : NULL;
      guint run = 0;

      if (item != NULL && j < wanted->len && item == g_ptr_array_index (wanted, j))
        {
          position++, j++;
          continue;
        }
      runs++;
      if (item != NULL && !g_hash_table_contains (keep, item))
        {
          while (position + run < n && !g_hash_table_contains (keep, item_at (store, position + run)))
            run++;
          *removed += run;
          if (apply)
            g_list_store_splice (store, position, run, NULL, 0), n -= run;
          else
            position += run;
          continue;
        }
      while (j + run < wanted->len && g_ptr_array_index (wanted, j + run) != item)
        run++;
      if (apply)
        g_list_store_splice (store, position, 0, &g_ptr_array_index (wanted, j), run), n += run, position += run;
      j += run;
    }
  return runs;
}

static GHashTable *
set_of (GPtrArray *rows)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (set, g_ptr_array_index (rows, i));
  return set;
}

/* GTK 4.8's list is told of each change and goes through its rows for
 * each: changed run by run, a few runs are quickest and keep the widgets;
 * past MAX_RUNS, one change for each area is. Rows taken out of the tree
 * cost most (about half a millisecond each): past MAX_REMOVED, the areas
 * leave the tree while they change, and come back filled. Measured with
 * par-desk-bench-plan-view. */
#define MAX_RUNS    40
#define MAX_REMOVED 64

/* The tasks' rows into their areas, the areas that have some into the tree. */
static void
sync_tree (ParPlanView *self,
           GPtrArray  **shown)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GHashTable) root_set = NULL;
  GHashTable *sets[PAR_N_AREAS];
  guint runs = 0, removed = 0;
  gboolean by_runs;

  for (guint i = 0; i < PAR_N_AREAS; i++)
    {
      sets[i] = set_of (shown[i]);
      runs += walk_runs (par_plan_row_get_children (self->area_rows[i]), shown[i], sets[i], FALSE, &removed);
      if (shown[i]->len > 0)
        g_ptr_array_add (areas, self->area_rows[i]);
    }
  by_runs = runs <= MAX_RUNS && removed <= MAX_REMOVED;
  if (removed > MAX_REMOVED)
    g_list_store_remove_all (self->root_rows);
  for (guint i = 0; i < PAR_N_AREAS; i++)
    {
      GListStore *children = par_plan_row_get_children (self->area_rows[i]);

      if (by_runs)
        walk_runs (children, shown[i], sets[i], TRUE, &removed);
      else
        g_list_store_splice (children, 0, g_list_model_get_n_items (G_LIST_MODEL (children)),
                             shown[i]->pdata, shown[i]->len);
      g_hash_table_unref (sets[i]);
    }
  root_set = set_of (areas);
  walk_runs (self->root_rows, areas, root_set, TRUE, &removed);
}

/* Selects the task @task_id if the filters show it. */
gboolean
par_plan_view_select_task (ParPlanView *self,
                           gint64       task_id)
{
  GListModel *rows;

  g_return_val_if_fail (PAR_IS_PLAN_VIEW (self), FALSE);

  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows, i);
      g_autoptr(ParPlanRow) row = gtk_tree_list_row_get_item (tree_row);
      ParTask *task = par_plan_row_get_task (row);

      if (task != NULL && par_task_get_id (task) == task_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->task_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The areas and their tasks that pass the filters, as of the view's date;
 * the selected task stays selected if it is still shown. */
void
par_plan_view_fill_tree (ParPlanView *self)
{
  GPtrArray *shown[PAR_N_AREAS];
  guint counts[PAR_N_TASK_STATUSES] = { 0 };
  Filters filters;
  guint n_shown = 0;

  g_autoptr(ParPlanRow) selected = par_plan_view_selected_row (self);
  g_autoptr(ParPlanRow) still = NULL;

  read_filters (self, &filters);
  for (guint i = 0; i < PAR_N_AREAS; i++)
    shown[i] = g_ptr_array_new ();
  for (guint i = 0; self->task_rows != NULL && i < self->task_rows->len; i++)
    {
      ParPlanRow *row = g_ptr_array_index (self->task_rows, i);

      counts[par_plan_row_get_status (row)]++;
      if (!matches (row, &filters))
        continue;
      g_ptr_array_add (shown[par_plan_row_get_area (row)], row);
      n_shown++;
    }
  g_free (filters.query);

  self->updating = TRUE;
  if (self->task_rows != NULL)
    sync_tree (self, shown);
  self->updating = FALSE;
  /* A row the tree took out and put back lost its selection. */
  still = par_plan_view_selected_row (self);
  if (selected != NULL && still == NULL && par_plan_row_get_task (selected) != NULL
      && g_ptr_array_find (shown[par_plan_row_get_area (selected)], selected, NULL))
    par_plan_view_select_task (self, par_task_get_id (par_plan_row_get_task (selected)));
  for (guint i = 0; i < PAR_N_AREAS; i++)
    g_ptr_array_unref (shown[i]);
  update_counts (self, counts, n_shown);
  show_empty (self, n_shown);
  par_plan_view_update_pane (self);
}

/* The plan ---------------------------------------------------------------- */

static ParPlan *
find_plan (ParPlanView *self,
           gint64       unit_id,
           int          year)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  if ((plans = par_plans_list (self->database, &error)) == NULL)
    {
      par_plan_view_report (self, _("The plans could not be read"), error);
      return NULL;
    }
  for (guint i = 0; i < plans->len; i++)
    {
      ParPlan *plan = g_ptr_array_index (plans, i);

      if (par_plan_get_unit_id (plan) == unit_id && par_plan_get_year (plan) == year)
        return g_object_ref (plan);
    }
  return NULL;
}

static void
show_no_plan (ParPlanView *self,
              gint64       unit_id,
              int          year)
{
  g_autofree char *title = g_strdup_printf (_("No Plan for %d"), year);
  /* Translators: the unit's name, the year */
  g_autofree char *text = g_strdup_printf (_("%s has no reform plan for %d yet. Create it, then add its tasks."),
                                           par_plan_view_unit_name (self, unit_id), year);

  adw_status_page_set_title (self->no_plan_page, title);
  adw_status_page_set_description (self->no_plan_page, text);
  gtk_stack_set_visible_child_name (self->content_stack, "no-plan");
}

/* Loads the chosen unit's plan for the chosen year, and its tasks; the
 * selected task stays selected. */
void
par_plan_view_load_plan (ParPlanView *self)
{
  g_autoptr(ParPlanRow) selected = par_plan_view_selected_row (self);
  gint64 keep = selected != NULL && par_plan_row_get_task (selected) != NULL
                ? par_task_get_id (par_plan_row_get_task (selected)) : 0;
  gint64 unit_id = par_plan_view_selected_unit_id (self);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  if (self->database != NULL && unit_id != 0)
    self->plan = find_plan (self, unit_id, year);
  if (self->plan != NULL
      && (self->tasks = par_plans_list_tasks (self->database, par_plan_get_id (self->plan), &error)) == NULL)
    par_plan_view_report (self, _("The plan’s tasks could not be read"), error);

  if (unit_id == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-unit");
  else if (self->plan == NULL)
    show_no_plan (self, unit_id, year);
  else
    {
      gtk_label_set_text (self->plan_title_label, par_plan_get_title (self->plan));
      gtk_stack_set_visible_child_name (self->content_stack, "table");
    }
  make_rows (self);
  par_plan_view_fill_tree (self);
  if (keep != 0)
    par_plan_view_select_task (self, keep);
  par_plan_view_update_summary (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.create-plan",
                                 self->database != NULL && unit_id != 0 && self->plan == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-task", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-plan", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-report", self->plan != NULL);
}

/* Shows @unit_id's plan for @year (or the page that creates it); FALSE if
 * the unit is not there. */
gboolean
par_plan_view_select (ParPlanView *self,
                      gint64       unit_id,
                      int          year)
{
  g_return_val_if_fail (PAR_IS_PLAN_VIEW (self), FALSE);

  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    if (par_unit_get_id (g_ptr_array_index (self->units, i)) == unit_id)
      {
        self->updating = TRUE;
        gtk_drop_down_set_selected (self->unit_dropdown, i);
        gtk_spin_button_set_value (self->year_spin, year);
        self->updating = FALSE;
        par_plan_view_load_plan (self);
        return TRUE;
      }
  return FALSE;
}

/* The as-of button names the date. */
void
par_plan_view_show_as_of (ParPlanView *self)
{
  g_autofree char *day = par_format_gdate (&self->as_of);
  /* Translators: the date the plan's statuses are shown for */
  g_autofree char *label = g_strdup_printf (_("As of %s"), day);

  gtk_menu_button_set_label (self->as_of_button, label);
}
