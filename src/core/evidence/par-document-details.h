/* par-document-details.h: number, date, type and abstract of an official document, read from its first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Every field is a string in NFC, never NULL; "" when it could not be read. */
typedef struct
{
  char *issuer;     /* "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN": the lines of the issuing body, joined by a space */
  char *number;     /* "1242/QĐ-UBND" */
  char *place;      /* "Phú Yên" */
  char *date;       /* "2021-09-14" */
  char *doc_type;   /* "QUYẾT ĐỊNH", "KẾ HOẠCH"...; "" for an official letter (công văn) */
  char *abstract;   /* the trích yếu, on one line: what follows the type, or "V/v" */
} ParDocumentDetails;

ParDocumentDetails *par_document_details_new_from_page (PopplerPage        *page);
ParDocumentDetails *par_document_details_new_from_text (const char         *text);
void                par_document_details_free          (ParDocumentDetails *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParDocumentDetails, par_document_details_free)

G_END_DECLS
