/* par-document-dialog.c: correcting the details read from a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-document-dialog.h"

struct _ParDocumentDialog
{
  ParFormDialog   parent_instance;

  ParDatabase    *db;
  gint64          document_id;

  GtkButton      *save_button;
  AdwEntryRow    *number_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *issuer_row;
  AdwEntryRow    *type_row;
  AdwEntryRow    *abstract_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ParDocumentDialog, par_document_dialog, PAR_TYPE_FORM_DIALOG)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gint64
par_document_dialog_save (ParFormDialog  *dialog,
                          GError        **error)
{
  ParDocumentDialog *self = PAR_DOCUMENT_DIALOG (dialog);
  g_autofree char *date = NULL;
  ParEvidenceFields fields = { 0 };

  if (!par_parse_date (text_of (self->date_row), &date))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is not a date; write it as day/month/year, for example 14/09/2021."),
                   text_of (self->date_row));
      return 0;
    }
  fields.number = (char *) text_of (self->number_row);
  fields.date = date;
  fields.place = (char *) text_of (self->place_row);
  fields.issuer = (char *) text_of (self->issuer_row);
  fields.doc_type = (char *) text_of (self->type_row);
  fields.abstract = (char *) text_of (self->abstract_row);
  if (!par_evidence_update_details (self->db, self->document_id, &fields, error))
    return 0;
  return self->document_id;
}

ParDocumentDialog *
par_document_dialog_new (GtkWindow   *parent,
                         ParDatabase *db,
                         gint64       document_id)
{
  ParDocumentDialog *self;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_DOCUMENT_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->document_id = document_id;
  document = par_evidence_get (db, document_id, &error);
  if (document == NULL)
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  else
    {
      ParEvidenceFields *f = par_evidence_document_get_fields (document);
      g_autofree char *date = par_format_iso_date (f->date);

      /* Dates are typed day/month/year whatever the language. */
      if (*f->date != '\0')
        {
          int year, month, day;

          if (sscanf (f->date, "%4d-%2d-%2d", &year, &month, &day) == 3)
            {
              g_free (date);
              date = g_strdup_printf ("%02d/%02d/%04d", day, month, year);
            }
        }
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), f->number);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), f->place);
      gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), f->issuer);
      gtk_editable_set_text (GTK_EDITABLE (self->type_row), f->doc_type);
      gtk_editable_set_text (GTK_EDITABLE (self->abstract_row), f->abstract);
    }
  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), document != NULL);
  return self;
}

static void
par_document_dialog_dispose (GObject *object)
{
  ParDocumentDialog *self = PAR_DOCUMENT_DIALOG (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_DOCUMENT_DIALOG);

  G_OBJECT_CLASS (par_document_dialog_parent_class)->dispose (object);
}

static void
par_document_dialog_class_init (ParDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_document_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_document_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/evidence/par-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, abstract_row);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentDialog, error_label);
}

static void
par_document_dialog_init (ParDocumentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
