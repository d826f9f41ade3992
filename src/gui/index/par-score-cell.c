/* par-score-cell.c: a self-score or appraised-score cell, typed into in place
 *
 * An item's cell is an entry that takes the locale's decimals (0,5), or a
 * drop-down for a choice item; a parent's cell shows its sum. The cell
 * does not write: it emits ::edited and the view saves, so that the rules
 * and the error reporting live in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-score-cell.h"

struct _ParScoreCell
{
  AdwBin        parent_instance;

  ParScoreKind  kind;
  ParScoreRow  *row;
  gulong        notify_handler;
  gboolean      updating;
  gboolean      dirty;      /* the user typed since the value was shown */

  GtkStack     *stack;
  GtkLabel     *label;
  GtkEntry     *entry;
  GtkDropDown  *choice;
};

G_DEFINE_FINAL_TYPE (ParScoreCell, par_score_cell, ADW_TYPE_BIN)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_value (ParScoreCell *self,
            gboolean      force)
{
  g_autofree char *text = NULL;
  ParCriteriaNode *node;

  if (self->row == NULL)
    return;
  text = par_score_row_get_points_text (self->row, self->kind);
  node = par_score_row_get_node (self->row);
  self->updating = TRUE;
  /* typed, and waiting for another program to free the file */
  if (par_score_row_is_waiting (self->row, self->kind))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "score-waiting");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Not saved yet: another program is using the file"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "score-waiting");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
    }

  if (!par_score_row_is_editable (self->row, self->kind))
    {
      gtk_label_set_text (self->label, text);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->label));
    }
  else if (par_criteria_node_get_method (node) == PAR_METHOD_CHOICE)
    {
      ParSubtotal sub;
      guint selected = 0;
      gint64 value;

      /* The options change only with the row; a new value only moves the
       * selection (rebuilding the list would re-emit a selection). */
      if (force)
        {
          g_autoptr(GtkStringList) options = gtk_string_list_new (NULL);

          /* Translators: the first entry of a choice: nothing chosen yet */
          gtk_string_list_append (options, C_("choice", "—"));
          for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
            {
              const ParChoiceOption *option = par_criteria_node_get_option (node, i);
              g_autofree char *points = par_format_points (option->points_milli);
              g_autofree char *label = g_strdup_printf ("%s · %s", points, option->label);

              gtk_string_list_append (options, label);
            }
          gtk_drop_down_set_model (self->choice, G_LIST_MODEL (options));
        }
      par_assessment_get_subtotal (par_score_row_get_assessment (self->row), node, &sub);
      value = self->kind == PAR_SCORE_SELF ? sub.self_milli : sub.appraised_milli;
      if (self->kind == PAR_SCORE_SELF ? sub.has_self : sub.has_appraised)
        for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
          if (par_criteria_node_get_option (node, i)->points_milli == value)
            {
              selected = i + 1;
              break;
            }
      if (gtk_drop_down_get_selected (self->choice) != selected)
        gtk_drop_down_set_selected (self->choice, selected);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->choice));
    }
  else
    {
      /* What the user is typing is not overwritten, unless the cell now
       * shows another row. */
      if (force || !self->dirty)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
          self->dirty = FALSE;
        }
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->entry));
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
  self->updating = FALSE;
}

static void
row_notify (ParScoreCell *self)
{
  show_value (self, FALSE);
}

ParScoreCell *
par_score_cell_new (ParScoreKind kind)
{
  ParScoreCell *self = g_object_new (PAR_TYPE_SCORE_CELL, NULL);

  self->kind = kind;
  return self;
}

void
par_score_cell_bind (ParScoreCell *self,
                     ParScoreRow  *row)
{
  g_return_if_fail (PAR_IS_SCORE_CELL (self));

  par_score_cell_unbind (self);
  self->row = g_object_ref (row);
  self->notify_handler = g_signal_connect_object (row,
                                                  self->kind == PAR_SCORE_SELF ? "notify::self-text"
                                                                               : "notify::appraised-text",
                                                  G_CALLBACK (row_notify), self, G_CONNECT_SWAPPED);
  show_value (self, TRUE);
}

void
par_score_cell_unbind (ParScoreCell *self)
{
  g_return_if_fail (PAR_IS_SCORE_CELL (self));

  if (self->row != NULL)
    g_clear_signal_handler (&self->notify_handler, self->row);
  g_clear_object (&self->row);
}

ParScoreRow *
par_score_cell_get_row (ParScoreCell *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_CELL (self), NULL);
  return self->row;
}

ParScoreKind
par_score_cell_get_kind (ParScoreCell *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_CELL (self), PAR_SCORE_SELF);
  return self->kind;
}

/* Moves the keyboard focus into the cell; FALSE if it cannot be edited. */
gboolean
par_score_cell_start_editing (ParScoreCell *self)
{
  GtkWidget *visible;

  g_return_val_if_fail (PAR_IS_SCORE_CELL (self), FALSE);
  visible = gtk_stack_get_visible_child (self->stack);
  if (visible == GTK_WIDGET (self->label))
    return FALSE;
  return gtk_widget_grab_focus (visible);
}

/* Marks the value typed as refused, with the reason as a tooltip. */
void
par_score_cell_set_error (ParScoreCell *self,
                          const char   *message)
{
  g_return_if_fail (PAR_IS_SCORE_CELL (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), message);
}

static void
entry_changed (ParScoreCell *self)
{
  if (!self->updating)
    self->dirty = TRUE;
}

static void
entry_activate (ParScoreCell *self)
{
  self->dirty = FALSE;
  g_signal_emit (self, signals[EDITED], 0, gtk_editable_get_text (GTK_EDITABLE (self->entry)), TRUE);
}

static void
entry_focus_leave (ParScoreCell *self)
{
  g_autofree char *shown = NULL;

  if (self->row == NULL || self->updating || !self->dirty)
    return;
  self->dirty = FALSE;
  shown = par_score_row_get_points_text (self->row, self->kind);
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    g_signal_emit (self, signals[EDITED], 0, gtk_editable_get_text (GTK_EDITABLE (self->entry)), FALSE);
}

static void
choice_selected (ParScoreCell *self)
{
  guint selected = gtk_drop_down_get_selected (self->choice);
  g_autofree char *text = NULL;

  if (self->updating || self->row == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    text = par_format_points (par_criteria_node_get_option (par_score_row_get_node (self->row), selected - 1)->points_milli);
  g_signal_emit (self, signals[EDITED], 0, text != NULL ? text : "", FALSE);
}

/* The closed drop-down shows the points; the open list also the label. */
static void
setup_choice_button (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_button (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *separator = strstr (text, " · ");
  g_autofree char *points = separator != NULL ? g_strndup (text, separator - text) : g_strdup (text);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), points);
}

static void
setup_choice_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
par_score_cell_dispose (GObject *object)
{
  ParScoreCell *self = PAR_SCORE_CELL (object);

  par_score_cell_unbind (self);

  G_OBJECT_CLASS (par_score_cell_parent_class)->dispose (object);
}

static void
par_score_cell_class_init (ParScoreCellClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = par_score_cell_dispose;

  /**
   * ParScoreCell::edited:
   * @text: what the user entered ("" to clear)
   * @move_next: TRUE when Enter was pressed: go to the next item after saving
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
par_score_cell_init (ParScoreCell *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_alignment (self->entry, 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 5);
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "score-entry");
  self->choice = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->choice), "flat");
  {
    GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
    GtkListItemFactory *list = gtk_signal_list_item_factory_new ();

    g_signal_connect (button, "setup", G_CALLBACK (setup_choice_button), NULL);
    g_signal_connect (button, "bind", G_CALLBACK (bind_choice_button), NULL);
    gtk_drop_down_set_factory (self->choice, button);
    g_object_unref (button);
    g_signal_connect (list, "setup", G_CALLBACK (setup_choice_row), NULL);
    g_signal_connect (list, "bind", G_CALLBACK (bind_choice_row), NULL);
    gtk_drop_down_set_list_factory (self->choice, list);
    g_object_unref (list);
  }

  gtk_stack_add_child (self->stack, GTK_WIDGET (self->label));
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->entry));
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->choice));
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
  g_signal_connect_swapped (self->choice, "notify::selected", G_CALLBACK (choice_selected), self);
}
