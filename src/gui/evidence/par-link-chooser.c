/* par-link-chooser.c: choosing what a document is evidence of
 *
 * Every item of every assessment in the file (a few thousand at most), the
 * plans' tasks and the inspections, in one list that filters as one types;
 * one click chooses. The list is read once, when the chooser opens: it is
 * modal, so nothing changes underneath it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-link-chooser.h"

struct _ParLinkChooser
{
  AdwWindow           parent_instance;

  GListStore         *targets;     /* ParLinkTarget */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *query;

  AdwWindowTitle     *title_widget;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *target_list;
};

G_DEFINE_FINAL_TYPE (ParLinkChooser, par_link_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The icon of a kind of link target, wherever one is listed: those of the
 * main window's views. */
const char *
par_link_chooser_get_icon_name (ParLinkTargetKind kind)
{
  switch (kind)
    {
    case PAR_LINK_TARGET_TASK:
      return "view-list-ordered-symbolic";
    case PAR_LINK_TARGET_INSPECTION:
      return "edit-find-symbolic";
    case PAR_LINK_TARGET_RECOMMENDATION:
      return "object-select-symbolic";
    case PAR_LINK_TARGET_ITEM:
    default:
      return "starred-symbolic";
    }
}

static gboolean
target_matches (gpointer item,
                gpointer user_data)
{
  ParLinkChooser *self = user_data;

  return par_link_target_matches (item, self->query);
}

static void
update_stack (ParLinkChooser *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->targets)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-matches";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

static void
search_changed (ParLinkChooser *self)
{
  g_free (self->query);
  self->query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self->target_list), "list.scroll-to-item", "u", 0);
    }
}

static void
choose (ParLinkChooser *self,
        guint           position)
{
  g_autoptr(ParLinkTarget) target = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (target == NULL)
    return;
  /* Kept alive across the handlers, which may close other windows. */
  g_object_ref (self);
  g_signal_emit (self, signals[CHOSEN], 0, target);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
target_activated (ParLinkChooser *self,
                  guint           position)
{
  choose (self, position);
}

/* Enter in the search field chooses the first (selected) match. */
static void
search_activated (ParLinkChooser *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    choose (self, selected);
}

static void
stop_search (ParLinkChooser *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Rows ---------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *linked = gtk_label_new (_("Linked"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (context, "dim-label");
  gtk_widget_add_css_class (context, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (linked, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (linked, "success");
  gtk_widget_add_css_class (linked, "caption-heading");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), context);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), linked);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  ParLinkTarget *target = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *linked = gtk_widget_get_next_sibling (texts);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *context = gtk_widget_get_next_sibling (title);
  const char *detail = par_link_target_get_detail (target);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), par_link_chooser_get_icon_name (par_link_target_get_kind (target)));
  gtk_label_set_text (GTK_LABEL (title), par_link_target_get_title (target));
  gtk_label_set_text (GTK_LABEL (context), par_link_target_get_context (target));
  gtk_widget_set_tooltip_text (box, *detail != '\0' ? detail : NULL);
  gtk_widget_set_visible (linked, par_link_target_get_linked (target));
}

/* Public ------------------------------------------------------------------- */

/* A chooser for @document_id; "chosen" gives the target picked, and the
 * chooser closes. Those already linked are marked. */
ParLinkChooser *
par_link_chooser_new (GtkWindow   *parent,
                      ParContext  *context,
                      gint64       document_id,
                      const char  *document_title)
{
  ParLinkChooser *self;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (par_context_get_database (context) != NULL, NULL);

  self = g_object_new (PAR_TYPE_LINK_CHOOSER, "transient-for", parent, NULL);
  adw_window_title_set_subtitle (self->title_widget, document_title);
  targets = par_link_target_list (par_context_get_database (context), document_id, &error);
  if (targets == NULL)
    par_context_report_error (context, _("The items, tasks and inspections could not be read"), error);
  else
    g_list_store_splice (self->targets, 0, 0, targets->pdata, targets->len);
  update_stack (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  return self;
}

/* How many targets the search shows. */
guint
par_link_chooser_get_n_shown (ParLinkChooser *self)
{
  g_return_val_if_fail (PAR_IS_LINK_CHOOSER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/* Class -------------------------------------------------------------------- */

static void
par_link_chooser_dispose (GObject *object)
{
  ParLinkChooser *self = PAR_LINK_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_LINK_CHOOSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->targets);

  G_OBJECT_CLASS (par_link_chooser_parent_class)->dispose (object);
}

static void
par_link_chooser_finalize (GObject *object)
{
  ParLinkChooser *self = PAR_LINK_CHOOSER (object);

  g_free (self->query);

  G_OBJECT_CLASS (par_link_chooser_parent_class)->finalize (object);
}

static void
par_link_chooser_class_init (ParLinkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_link_chooser_dispose;
  object_class->finalize = par_link_chooser_finalize;

  /**
   * ParLinkChooser::chosen:
   * @target: the ParLinkTarget picked
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, PAR_TYPE_LINK_TARGET);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/evidence/par-link-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ParLinkChooser, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParLinkChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParLinkChooser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ParLinkChooser, target_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, target_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
par_link_chooser_init (ParLinkChooser *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->targets = g_list_store_new (PAR_TYPE_LINK_TARGET);
  self->filter = gtk_custom_filter_new (target_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->targets)), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->target_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->target_list, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
