/* par-pdf-signature.h: offline check of the digital signatures of a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "par-trust.h"

G_BEGIN_DECLS

#define PAR_SIGNATURE_ERROR (par_signature_error_quark ())

typedef enum
{
  PAR_SIGNATURE_ERROR_NOT_PDF,   /* the bytes are not a PDF document */
} ParSignatureError;

typedef enum
{
  PAR_SIGNATURE_NONE,
  PAR_SIGNATURE_VALID,
  PAR_SIGNATURE_MODIFIED,
  PAR_SIGNATURE_INVALID,
} ParSignatureVerdict;

typedef struct
{
  char                *signer;        /* the signer certificate's CN (UTF-8), else the subject; "" if unknown */
  char                *signing_time;  /* ISO 8601 with offset, from the CMS signingTime attribute or the /M date; "" if none */
  ParSignatureVerdict  status;        /* VALID, MODIFIED or INVALID for this signature */
  GBytes              *certificates;  /* DER, the signer's first, then the others the CMS carries; NULL if none read */
  ParTrustJudgement   *trust;         /* how its certificates stand at the signing time; never NULL */
  gint64               signed_end;    /* end offset of its ByteRange (c + d), 0 if it could not be read */
} ParPdfSignature;

GQuark      par_signature_error_quark         (void);

void        par_pdf_signature_free            (ParPdfSignature      *signature);

GPtrArray  *par_pdf_signatures_check          (const guint8         *data,
                                               gsize                 length,
                                               ParSignatureVerdict  *verdict,
                                               GError              **error);
GPtrArray  *par_pdf_signatures_check_with_trust (const guint8       *data,
                                                 gsize               length,
                                                 ParTrust           *trust,
                                                 ParSignatureVerdict *verdict,
                                                 GError            **error);
ParPdfSignature *par_pdf_signature_new        (void);
void        par_pdf_signature_judge           (ParPdfSignature      *signature,
                                               ParTrust             *trust);

const char *par_signature_verdict_to_string   (ParSignatureVerdict   verdict);
const char *par_signature_verdict_get_label   (ParSignatureVerdict   verdict);
const char *par_certificate_status_get_label  (ParCertificateStatus  status);
const char *par_signature_summary_label       (const char           *verdict,
                                               const char           *trust);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPdfSignature, par_pdf_signature_free)

G_END_DECLS
