/* par-certificate.h: what a person needs to know of an X.509 certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a certificate of a chain is trusted as an issuer. */
typedef enum
{
  PAR_TRUST_ANCHOR_NONE,
  PAR_TRUST_ANCHOR_FILE,     /* in the file's trust list */
  PAR_TRUST_ANCHOR_SYSTEM,   /* among the system's CA certificates */
} ParTrustAnchor;

typedef struct
{
  char           *subject;       /* the CN, else the whole subject; UTF-8 */
  char           *subject_full;  /* the whole subject, RFC 2253 order */
  char           *issuer;        /* the issuer's CN, else its whole name */
  char           *fingerprint;   /* SHA-256 of the DER, lower-case hex */
  GDateTime      *not_before;    /* UTC */
  GDateTime      *not_after;     /* UTC */
  gboolean        is_ca;         /* basicConstraints CA:TRUE */
  gboolean        self_issued;   /* subject and issuer are the same name */
  ParTrustAnchor  anchor;
  GBytes         *der;
} ParCertificateInfo;

ParCertificateInfo *par_certificate_info_new_from_der (GBytes             *der,
                                                       GError            **error);
ParCertificateInfo *par_certificate_info_copy         (const ParCertificateInfo *info);
void                par_certificate_info_free         (ParCertificateInfo *info);
char               *par_certificate_format_fingerprint (const char        *fingerprint);
char               *par_format_utc_date               (GDateTime          *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParCertificateInfo, par_certificate_info_free)

G_END_DECLS
