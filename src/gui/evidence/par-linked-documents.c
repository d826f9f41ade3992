/* par-linked-documents.c: the documents linked to an item or a task, in a side pane
 *
 * One list for the PAR Index's item pane and the Plan's task pane: each
 * document with its first page, number, date and signature (with whether
 * its issuer is trusted, in words and an icon); activating it
 * opens it in the evidence viewer. The list does not write: unlinking is
 * asked for by a signal, attaching by the action its button names, so the
 * view that owns the item or the task does both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-core.h"
#include "par-document-thumbnail.h"
#include "par-evidence-viewer.h"
#include "par-linked-documents.h"
#include "par-signature-panel.h"

struct _ParLinkedDocuments
{
  GtkBox      parent_instance;

  ParContext *context;
  char       *empty_text;
  char       *unlink_tooltip;

  GtkLabel   *documents_heading;
  GtkLabel   *empty_label;
  GtkListBox *documents_list;
  GtkButton  *attach_button;
};

G_DEFINE_FINAL_TYPE (ParLinkedDocuments, par_linked_documents, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_EMPTY_TEXT,
  PROP_ATTACH_ACTION_NAME,
  PROP_ATTACH_TOOLTIP,
  PROP_UNLINK_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UNLINK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unlink_clicked (ParLinkedDocuments *self,
                GtkButton          *button)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "document-id"));

  g_signal_emit (self, signals[UNLINK_REQUESTED], 0, id);
}

/* An icon in the badge's colour, for a signed document: the subtitle's
 * words alone do not stand out in a narrow pane. */
static GtkWidget *
signature_icon (ParEvidenceFields *f)
{
  const char *css = NULL;
  const char *label = par_signature_badge_label (f->signature, f->trust, &css);
  GtkWidget *icon;

  if (g_strcmp0 (css, "dim-label") == 0)
    return NULL;
  icon = gtk_image_new_from_icon_name (g_str_equal (css, "success") ? "emblem-ok-symbolic"
                                       : g_str_equal (css, "warning") ? "dialog-warning-symbolic"
                                       : "dialog-error-symbolic");
  gtk_widget_add_css_class (icon, css);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (icon, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return icon;
}

/* A linked document: first page, number, date, signature, and the button
 * that unlinks it. */
static GtkWidget *
document_row_new (ParLinkedDocuments *self,
                  ParEvidenceFields  *f)
{
  const char *db_path = par_database_get_path (par_context_get_database (self->context));
  g_autofree char *date = par_format_iso_date (f->date);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *icon = signature_icon (f);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *f->number != '\0' ? f->number : f->filename);
  /* The signature under the date rather than beside it: the pane is
   * narrow, and the first page takes room at the start of the row. */
  subtitle = g_markup_printf_escaped ("%s\n%s", *date != '\0' ? date : f->abstract,
                                      par_signature_badge_label (f->signature, f->trust, NULL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* What the document is about, for a number that says little. */
  if (*f->abstract != '\0')
    gtk_widget_set_tooltip_text (row, f->abstract);
  /* Drawn in a worker; given up when the row goes (another item). */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), par_document_thumbnail_new (db_path, f->id, f->encrypted));

  if (icon != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (unlink, "flat");
  gtk_widget_set_tooltip_text (unlink, self->unlink_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unlink"), -1);
  g_object_set_data (G_OBJECT (unlink), "document-id", GSIZE_TO_POINTER ((gsize) f->id));
  g_signal_connect_object (unlink, "clicked", G_CALLBACK (unlink_clicked), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);

  g_object_set_data (G_OBJECT (row), "document-id", GSIZE_TO_POINTER ((gsize) f->id));
  return row;
}

/* Shows @documents (ParEvidenceDocument), in their order. */
void
par_linked_documents_set_documents (ParLinkedDocuments *self,
                                    GPtrArray          *documents)
{
  GtkWidget *child;

  g_return_if_fail (PAR_IS_LINKED_DOCUMENTS (self));
  g_return_if_fail (documents != NULL);
  g_return_if_fail (self->context != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  for (guint i = 0; i < documents->len; i++)
    {
      ParEvidenceFields *f = par_evidence_document_get_fields (g_ptr_array_index (documents, i));

      gtk_list_box_append (self->documents_list, document_row_new (self, f));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list), documents->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          documents->len == 0 && self->empty_text != NULL && *self->empty_text != '\0');
}

/* How many documents are shown. */
guint
par_linked_documents_get_n_items (ParLinkedDocuments *self)
{
  guint n = 0;

  g_return_val_if_fail (PAR_IS_LINKED_DOCUMENTS (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The id of the document shown at @position; 0 past the end. */
gint64
par_linked_documents_get_id (ParLinkedDocuments *self,
                             guint               position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PAR_IS_LINKED_DOCUMENTS (self), 0);

  row = gtk_list_box_get_row_at_index (self->documents_list, (int) position);
  return row != NULL ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id")) : 0;
}

static void
document_row_activated (ParLinkedDocuments *self,
                        GtkListBoxRow      *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id"));
  ParEvidenceViewer *viewer = par_evidence_viewer_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       self->context, id);

  gtk_window_present (GTK_WINDOW (viewer));
}

/* The parameter the attach button gives its action (for one list per
 * recommendation, the recommendation's id); NULL: none. */
void
par_linked_documents_set_attach_target (ParLinkedDocuments *self,
                                        GVariant           *target)
{
  g_return_if_fail (PAR_IS_LINKED_DOCUMENTS (self));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->attach_button), target);
}

/* The list reads the file, and opens documents, through @context. */
void
par_linked_documents_set_context (ParLinkedDocuments *self,
                                  ParContext         *context)
{
  g_return_if_fail (PAR_IS_LINKED_DOCUMENTS (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

static void
set_title (ParLinkedDocuments *self,
           const char         *title)
{
  gtk_label_set_text (self->documents_heading, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->documents_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

static void
par_linked_documents_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ParLinkedDocuments *self = PAR_LINKED_DOCUMENTS (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_title (self, g_value_get_string (value));
      break;
    case PROP_EMPTY_TEXT:
      g_free (self->empty_text);
      self->empty_text = g_value_dup_string (value);
      gtk_label_set_text (self->empty_label, self->empty_text != NULL ? self->empty_text : "");
      break;
    case PROP_ATTACH_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->attach_button), g_value_get_string (value));
      break;
    case PROP_ATTACH_TOOLTIP:
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->attach_button), g_value_get_string (value));
      break;
    case PROP_UNLINK_TOOLTIP:
      g_free (self->unlink_tooltip);
      self->unlink_tooltip = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_linked_documents_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParLinkedDocuments *self = PAR_LINKED_DOCUMENTS (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->documents_heading));
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    case PROP_ATTACH_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->attach_button)));
      break;
    case PROP_ATTACH_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->attach_button)));
      break;
    case PROP_UNLINK_TOOLTIP:
      g_value_set_string (value, self->unlink_tooltip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_linked_documents_dispose (GObject *object)
{
  ParLinkedDocuments *self = PAR_LINKED_DOCUMENTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_LINKED_DOCUMENTS);
  g_clear_object (&self->context);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->unlink_tooltip, g_free);

  G_OBJECT_CLASS (par_linked_documents_parent_class)->dispose (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
}

static void
par_linked_documents_class_init (ParLinkedDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_linked_documents_dispose;
  object_class->set_property = par_linked_documents_set_property;
  object_class->get_property = par_linked_documents_get_property;

  /* The heading, and the list's accessible name. */
  properties[PROP_TITLE] = string_property ("title");
  /* What shows when nothing is linked; none: nothing does. */
  properties[PROP_EMPTY_TEXT] = string_property ("empty-text");
  /* The owner's action that attaches files, and its button's tooltip. */
  properties[PROP_ATTACH_ACTION_NAME] = string_property ("attach-action-name");
  properties[PROP_ATTACH_TOOLTIP] = string_property ("attach-tooltip");
  properties[PROP_UNLINK_TOOLTIP] = string_property ("unlink-tooltip");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParLinkedDocuments::unlink-requested:
   * @document_id: the kept document to unlink (it stays kept)
   */
  signals[UNLINK_REQUESTED] = g_signal_new ("unlink-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/evidence/par-linked-documents.ui");
  gtk_widget_class_bind_template_child (widget_class, ParLinkedDocuments, documents_heading);
  gtk_widget_class_bind_template_child (widget_class, ParLinkedDocuments, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ParLinkedDocuments, documents_list);
  gtk_widget_class_bind_template_child (widget_class, ParLinkedDocuments, attach_button);
  gtk_widget_class_bind_template_callback (widget_class, document_row_activated);
}

static void
par_linked_documents_init (ParLinkedDocuments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
