/* par-evidence-document.h: a document kept as evidence, with its details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The details of a document as stored; NULL-free strings. */
typedef struct
{
  gint64   id;
  char    *filename;
  char    *sha256;
  gint64   size;
  int      pages;
  gboolean encrypted;
  char    *pdf_title;
  char    *pdf_author;
  char    *pdf_producer;
  char    *pdf_created;
  char    *number;
  char    *date;        /* YYYY-MM-DD or "" */
  char    *place;
  char    *issuer;
  char    *doc_type;
  char    *abstract;
  char    *signature;   /* "none", "valid", "modified", "invalid" */
  char    *trust;       /* "" if not signed, else the least trusted signature's certificate status ("trusted", …) */
  char    *added_at;
  gboolean text_read;   /* FALSE: the text took longer to read than allowed (not searchable) */
} ParEvidenceFields;

#define PAR_TYPE_EVIDENCE_DOCUMENT (par_evidence_document_get_type ())

G_DECLARE_FINAL_TYPE (ParEvidenceDocument, par_evidence_document, PAR, EVIDENCE_DOCUMENT, GObject)

ParEvidenceDocument     *par_evidence_document_new        (void);
ParEvidenceFields       *par_evidence_document_get_fields (ParEvidenceDocument *self);
GPtrArray               *par_evidence_document_get_signatures (ParEvidenceDocument *self);
GPtrArray               *par_evidence_document_get_links  (ParEvidenceDocument *self);
GPtrArray               *par_evidence_document_get_link_labels (ParEvidenceDocument *self);

G_END_DECLS
