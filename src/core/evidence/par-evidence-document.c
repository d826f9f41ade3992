/* par-evidence-document.c: a document kept as evidence, with its details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-evidence-document.h"
#include "par-pdf-signature.h"

struct _ParEvidenceDocument
{
  GObject           parent_instance;

  ParEvidenceFields fields;
  GPtrArray        *signatures;   /* ParPdfSignature, in file order */
  GPtrArray        *links;        /* strings: what the document supports, for scripts */
  GPtrArray        *link_labels;  /* the same, for people */
};

G_DEFINE_FINAL_TYPE (ParEvidenceDocument, par_evidence_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_NUMBER,
  PROP_ABSTRACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ParEvidenceDocument *
par_evidence_document_new (void)
{
  return g_object_new (PAR_TYPE_EVIDENCE_DOCUMENT, NULL);
}

/* The details; the caller may fill them in (the store does). */
ParEvidenceFields *
par_evidence_document_get_fields (ParEvidenceDocument *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_DOCUMENT (self), NULL);
  return &self->fields;
}

GPtrArray *
par_evidence_document_get_signatures (ParEvidenceDocument *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_DOCUMENT (self), NULL);
  return self->signatures;
}

GPtrArray *
par_evidence_document_get_links (ParEvidenceDocument *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_DOCUMENT (self), NULL);
  return self->links;
}

/* What the document supports, as people read it: "Sở Nội vụ · 1.2 …". */
GPtrArray *
par_evidence_document_get_link_labels (ParEvidenceDocument *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_DOCUMENT (self), NULL);
  return self->link_labels;
}

static void
par_evidence_document_finalize (GObject *object)
{
  ParEvidenceDocument *self = PAR_EVIDENCE_DOCUMENT (object);
  ParEvidenceFields *f = &self->fields;
  char **strings[] = {
    &f->filename, &f->sha256, &f->pdf_title, &f->pdf_author, &f->pdf_producer, &f->pdf_created, &f->number,
    &f->date, &f->place, &f->issuer, &f->doc_type, &f->abstract, &f->signature, &f->trust, &f->added_at,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  g_ptr_array_unref (self->signatures);
  g_ptr_array_unref (self->links);
  g_ptr_array_unref (self->link_labels);

  G_OBJECT_CLASS (par_evidence_document_parent_class)->finalize (object);
}

static void
par_evidence_document_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ParEvidenceDocument *self = PAR_EVIDENCE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->fields.filename);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->fields.number);
      break;
    case PROP_ABSTRACT:
      g_value_set_string (value, self->fields.abstract);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_evidence_document_class_init (ParEvidenceDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_evidence_document_finalize;
  object_class->get_property = par_evidence_document_get_property;

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ABSTRACT] =
    g_param_spec_string ("abstract", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_evidence_document_init (ParEvidenceDocument *self)
{
  self->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) par_pdf_signature_free);
  self->links = g_ptr_array_new_with_free_func (g_free);
  self->link_labels = g_ptr_array_new_with_free_func (g_free);
}
