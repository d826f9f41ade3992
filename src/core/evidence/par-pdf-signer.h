/* par-pdf-signer.h: signing a PDF with an incremental update (detached CMS, SHA-256)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

#define PAR_PDF_SIGNER_ERROR (par_pdf_signer_error_quark ())

typedef enum
{
  PAR_PDF_SIGNER_ERROR_UNSUPPORTED,   /* the PDF's structure is not one that can be updated */
  PAR_PDF_SIGNER_ERROR_FAILED,        /* libcrypto could not make the signature */
} ParPdfSignerError;

typedef struct
{
  EVP_PKEY        *key;
  X509            *certificate;
  STACK_OF (X509) *chain;          /* the issuers carried in the signature, or NULL */
  GDateTime       *signing_time;   /* the CMS signingTime and the dictionary's /M */
  const char      *name;           /* /Name, or NULL */
  const char      *reason;         /* /Reason, or NULL */
  const char      *location;       /* /Location, or NULL */
} ParPdfSigner;

GQuark  par_pdf_signer_error_quark (void);

GBytes *par_pdf_sign               (GBytes              *pdf,
                                    const ParPdfSigner  *signer,
                                    GError             **error);

G_END_DECLS
