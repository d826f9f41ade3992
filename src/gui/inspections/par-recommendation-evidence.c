/* par-recommendation-evidence.c: a recommendation row's documents: their count, a popover listing them, files dropped on the row
 *
 * What a unit sends to show it carried out a recommendation (its report of
 * what it fixed) belongs to that recommendation, not to the whole
 * inspection. Each recommendation row of the inspection pane gets a button
 * with the paper clip and the number of its documents, whose popover lists
 * them (ParLinkedDocuments: open, unlink, attach); PDFs dropped on the row
 * go to that recommendation, the row highlighted while they hover. Like
 * the pane, this only shows: the view's actions
 * (inspections.attach-recommendation-evidence,
 * inspections.unlink-recommendation-evidence) and its drop function write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-linked-documents.h"
#include "par-pdf-chooser.h"
#include "par-recommendation-evidence.h"

static void
unlink_requested (GtkWidget *button,
                  gint64     document_id)
{
  gint64 recommendation_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "recommendation-id"));

  gtk_widget_activate_action (button, "inspections.unlink-recommendation-evidence", "(xx)",
                              recommendation_id, document_id);
}

static GtkWidget *
documents_popover (ParContext *context,
                   gint64      recommendation_id,
                   GPtrArray  *documents,
                   GtkWidget  *button)
{
  GtkWidget *popover = gtk_popover_new ();
  ParLinkedDocuments *list = g_object_new (PAR_TYPE_LINKED_DOCUMENTS,
                                           "title", _("Evidence of the Recommendation"),
                                           "empty-text", _("No documents yet. Drop PDF files on the recommendation, "
                                                           "such as the unit’s report on what it fixed, or attach "
                                                           "them."),
                                           "attach-action-name", "inspections.attach-recommendation-evidence",
                                           "attach-tooltip", _("Keep PDF documents as evidence of this recommendation"),
                                           "unlink-tooltip",
                                           _("Unlink from this recommendation (the document stays kept)"),
                                           NULL);

  par_linked_documents_set_attach_target (list, g_variant_new_int64 (recommendation_id));
  par_linked_documents_set_context (list, context);
  par_linked_documents_set_documents (list, documents);
  /* Narrow like the pane, with room for a few documents. */
  gtk_widget_set_size_request (GTK_WIDGET (list), 340, -1);
  g_object_set_data (G_OBJECT (list), "recommendation-id", GSIZE_TO_POINTER ((gsize) recommendation_id));
  g_signal_connect_object (list, "unlink-requested", G_CALLBACK (unlink_requested), button, G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (list));
  return popover;
}

/* The button at the end of a recommendation's row: the paper clip and how
 * many documents it has; its popover lists them. */
GtkWidget *
par_recommendation_evidence_new (ParContext *context,
                                 gint64      recommendation_id,
                                 GPtrArray  *documents)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *count = g_strdup_printf ("%u", documents->len);
  g_autofree char *tooltip = NULL;
  GtkWidget *label = gtk_label_new (count);

  g_return_val_if_fail (PAR_IS_CONTEXT (context), NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (documents->len == 0)
    {
      gtk_widget_add_css_class (label, "dim-label");
      tooltip = g_strdup (_("No evidence yet: drop the unit’s PDF report on the recommendation, or attach it"));
    }
  else
    /* Translators: the tooltip of a recommendation's evidence button */
    tooltip = g_strdup_printf (ngettext ("%u document shows how the recommendation was carried out",
                                         "%u documents show how the recommendation was carried out",
                                         documents->len),
                               documents->len);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "recommendation-id", GSIZE_TO_POINTER ((gsize) recommendation_id));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button),
                               documents_popover (context, recommendation_id, documents, button));
  return button;
}

typedef struct
{
  GWeakRef                   owner;
  gint64                     recommendation_id;
  ParRecommendationDropFunc  func;
} RowDrop;

static void
row_drop_free (RowDrop *row_drop)
{
  g_weak_ref_clear (&row_drop->owner);
  g_free (row_drop);
}

static GdkDragAction
drag_enter (GtkDropTarget *target,
            double         x,
            double         y,
            RowDrop       *row_drop)
{
  gtk_widget_add_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-row");
  return GDK_ACTION_COPY;
}

static void
drag_leave (GtkDropTarget *target,
            RowDrop       *row_drop)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-row");
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value,
      double         x,
      double         y,
      RowDrop       *row_drop)
{
  g_autoptr(GPtrArray) paths = par_pdf_chooser_paths_from_drop (value);
  g_autoptr(GObject) owner = g_weak_ref_get (&row_drop->owner);

  drag_leave (target, row_drop);
  if (owner == NULL || paths->len == 0)
    return FALSE;
  row_drop->func (owner, row_drop->recommendation_id, paths);
  return TRUE;
}

/* Files dropped on @row go to @func with @recommendation_id, not to the
 * inspection the pane takes them for elsewhere; the row has the
 * "drop-row" class while they hover. */
void
par_recommendation_evidence_accept_drop (GtkWidget                 *row,
                                         gint64                     recommendation_id,
                                         GObject                   *owner,
                                         ParRecommendationDropFunc  func)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  RowDrop *row_drop = g_new0 (RowDrop, 1);

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (func != NULL);

  g_weak_ref_init (&row_drop->owner, owner);
  row_drop->recommendation_id = recommendation_id;
  row_drop->func = func;
  g_signal_connect (target, "enter", G_CALLBACK (drag_enter), row_drop);
  g_signal_connect (target, "leave", G_CALLBACK (drag_leave), row_drop);
  g_signal_connect_data (target, "drop", G_CALLBACK (drop), row_drop,
                         (GClosureNotify) (void (*) (void)) row_drop_free, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
