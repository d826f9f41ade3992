/* par-task-item-chooser.c: ticking the PAR Index items a task serves
 *
 * The items of one criteria set at a time (a set has a hundred at most),
 * the set chosen above them, filtered as one types, accents optional. A
 * tick chooses, another unticks; what was ticked in another set stays
 * chosen. "Done" hands the choice to the task dialog, which saves it with
 * the task: the chooser writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-task-item-chooser.h"

struct _ParTaskItemChooser
{
  AdwWindow       parent_instance;

  ParDatabase    *db;
  GPtrArray      *sets;      /* ParCriteriaSet, as listed; loaded one at a time */
  ParCriteriaSet *set;       /* the one shown */
  GPtrArray      *chosen;    /* ParTaskItem, in the order ticked */
  char          **query;     /* folded words */

  GtkDropDown    *set_dropdown;
  GtkSearchEntry *item_search_entry;
  GtkStack       *list_stack;
  GtkListBox     *item_list;
};

G_DEFINE_FINAL_TYPE (ParTaskItemChooser, par_task_item_chooser, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

ParTaskItem *
par_task_item_copy (const ParTaskItem *item)
{
  ParTaskItem *copy = g_new0 (ParTaskItem, 1);

  *copy = *item;
  copy->set_name = g_strdup (item->set_name);
  copy->code = g_strdup (item->code);
  copy->title = g_strdup (item->title);
  return copy;
}

static int
find_chosen (ParTaskItemChooser *self,
             gint64              node_id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (((ParTaskItem *) g_ptr_array_index (self->chosen, i))->node_id == node_id)
      return (int) i;
  return -1;
}

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  ParTaskItemChooser *self = user_data;
  const char *folded = g_object_get_data (G_OBJECT (row), "folded");

  for (guint i = 0; self->query != NULL && self->query[i] != NULL; i++)
    if (*self->query[i] != '\0' && strstr (folded, self->query[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
update_stack (ParTaskItemChooser *self)
{
  guint shown = par_task_item_chooser_get_n_shown (self);

  gtk_stack_set_visible_child_name (self->list_stack, self->set == NULL ? "empty" : shown > 0 ? "list" : "no-matches");
}

static void
check_toggled (ParTaskItemChooser *self,
               GtkCheckButton     *check)
{
  ParCriteriaNode *node = g_object_get_data (G_OBJECT (check), "node");
  int position = find_chosen (self, par_criteria_node_get_id (node));

  if (gtk_check_button_get_active (check) && position < 0)
    {
      ParTaskItem *item = g_new0 (ParTaskItem, 1);

      item->node_id = par_criteria_node_get_id (node);
      item->set_id = par_criteria_set_get_id (self->set);
      item->set_year = par_criteria_set_get_year (self->set);
      item->set_name = g_strdup (par_criteria_set_get_name (self->set));
      item->code = g_strdup (par_criteria_node_get_code (node));
      item->title = g_strdup (par_criteria_node_get_title (node));
      g_ptr_array_add (self->chosen, item);
    }
  else if (!gtk_check_button_get_active (check) && position >= 0)
    g_ptr_array_remove_index (self->chosen, (guint) position);
}

static GtkWidget *
item_row_new (ParTaskItemChooser *self,
              ParCriteriaNode    *node)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  ParCriteriaNode *parent = par_criteria_node_get_parent (node);
  g_autofree char *title = g_strdup_printf ("%s %s", par_criteria_node_get_code (node),
                                            par_criteria_node_get_title (node));
  g_autofree char *haystack = g_strdup_printf ("%s %s", title, parent != NULL ? par_criteria_node_get_title (parent) : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (parent != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), par_criteria_node_get_title (parent));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), find_chosen (self, par_criteria_node_get_id (node)) >= 0);
  g_object_set_data (G_OBJECT (check), "node", node);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "folded", par_text_fold (haystack), g_free);
  g_object_set_data (G_OBJECT (row), "code", (gpointer) par_criteria_node_get_code (node));
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

/* The items of the chosen set: its leaves, in tree order. */
static void
show_set (ParTaskItemChooser *self)
{
  guint selected = gtk_drop_down_get_selected (self->set_dropdown);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  g_clear_object (&self->set);
  if (selected < self->sets->len)
    {
      gint64 id = par_criteria_set_get_id (g_ptr_array_index (self->sets, selected));

      self->set = par_criteria_set_load (self->db, id, &error);
      if (self->set == NULL)
        g_warning ("The criteria set %lld could not be read: %s", (long long) id, error->message);
    }
  for (guint i = 0; self->set != NULL && i < par_criteria_set_get_n_nodes (self->set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (self->set, i);

      if (par_criteria_node_is_leaf (node))
        gtk_list_box_append (self->item_list, item_row_new (self, node));
    }
  update_stack (self);
}

static void
search_changed (ParTaskItemChooser *self)
{
  g_autofree char *folded = par_text_fold_words (gtk_editable_get_text (GTK_EDITABLE (self->item_search_entry)));

  g_strfreev (self->query);
  self->query = g_strsplit (folded, " ", -1);
  gtk_list_box_invalidate_filter (self->item_list);
  update_stack (self);
}

static void
stop_search (ParTaskItemChooser *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->item_search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->item_search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
done_clicked (ParTaskItemChooser *self)
{
  /* Kept alive across the handlers. */
  g_object_ref (self);
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Public ------------------------------------------------------------------- */

/* A chooser starting from @chosen (ParTaskItem; NULL: none), on the set of
 * the first of them, else the newest set. "done" tells the choice is made;
 * par_task_item_chooser_get_chosen() gives it. */
ParTaskItemChooser *
par_task_item_chooser_new (GtkWindow   *parent,
                           ParDatabase *db,
                           GPtrArray   *chosen)
{
  ParTaskItemChooser *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint start = 0;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_TASK_ITEM_CHOOSER, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  for (guint i = 0; chosen != NULL && i < chosen->len; i++)
    g_ptr_array_add (self->chosen, par_task_item_copy (g_ptr_array_index (chosen, i)));
  self->sets = par_criteria_set_list (db, &error);
  if (self->sets == NULL)
    {
      g_warning ("The criteria sets could not be listed: %s", error->message);
      self->sets = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->sets->len; i++)
    {
      ParCriteriaSet *set = g_ptr_array_index (self->sets, i);
      g_autofree char *label = g_strdup_printf ("%s (%d)", par_criteria_set_get_name (set),
                                                par_criteria_set_get_year (set));

      gtk_string_list_append (names, label);
      if (self->chosen->len > 0
          ? par_criteria_set_get_id (set) == ((ParTaskItem *) g_ptr_array_index (self->chosen, 0))->set_id
          : par_criteria_set_get_year (set) > par_criteria_set_get_year (g_ptr_array_index (self->sets, start)))
        start = i;
    }
  gtk_drop_down_set_model (self->set_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->set_dropdown, start);
  show_set (self);
  g_signal_connect_object (self->set_dropdown, "notify::selected", G_CALLBACK (show_set), self, G_CONNECT_SWAPPED);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->item_search_entry));
  return self;
}

/* The items ticked, in the order they were (ParTaskItem, owned by the chooser). */
GPtrArray *
par_task_item_chooser_get_chosen (ParTaskItemChooser *self)
{
  g_return_val_if_fail (PAR_IS_TASK_ITEM_CHOOSER (self), NULL);
  return self->chosen;
}

/* Shows the items of set @set_id; FALSE if it is not listed. */
gboolean
par_task_item_chooser_select_set (ParTaskItemChooser *self,
                                  gint64              set_id)
{
  g_return_val_if_fail (PAR_IS_TASK_ITEM_CHOOSER (self), FALSE);

  for (guint i = 0; i < self->sets->len; i++)
    if (par_criteria_set_get_id (g_ptr_array_index (self->sets, i)) == set_id)
      {
        gtk_drop_down_set_selected (self->set_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* Ticks or unticks the item @code of the set shown, as a click would. */
gboolean
par_task_item_chooser_toggle (ParTaskItemChooser *self,
                              const char         *code)
{
  g_return_val_if_fail (PAR_IS_TASK_ITEM_CHOOSER (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->item_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0)
      {
        gtk_widget_activate (g_object_get_data (G_OBJECT (row), "check"));
        return TRUE;
      }
  return FALSE;
}

/* How many items the search shows. */
guint
par_task_item_chooser_get_n_shown (ParTaskItemChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (PAR_IS_TASK_ITEM_CHOOSER (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->item_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_matches (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}

/* Class -------------------------------------------------------------------- */

static void
par_task_item_chooser_dispose (GObject *object)
{
  ParTaskItemChooser *self = PAR_TASK_ITEM_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_TASK_ITEM_CHOOSER);
  g_clear_object (&self->set);
  g_clear_object (&self->db);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);

  G_OBJECT_CLASS (par_task_item_chooser_parent_class)->dispose (object);
}

static void
par_task_item_chooser_finalize (GObject *object)
{
  g_strfreev (PAR_TASK_ITEM_CHOOSER (object)->query);

  G_OBJECT_CLASS (par_task_item_chooser_parent_class)->finalize (object);
}

static void
par_task_item_chooser_class_init (ParTaskItemChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_task_item_chooser_dispose;
  object_class->finalize = par_task_item_chooser_finalize;

  /**
   * ParTaskItemChooser::done:
   *
   * The user is done choosing; the chooser closes after the handlers.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/plan/par-task-item-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemChooser, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemChooser, item_search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemChooser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemChooser, item_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
par_task_item_chooser_init (ParTaskItemChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) par_task_item_free);
  gtk_list_box_set_filter_func (self->item_list, row_matches, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->item_search_entry, GTK_WIDGET (self));
}
