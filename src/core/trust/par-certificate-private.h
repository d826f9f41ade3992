/* par-certificate-private.h: certificates as OpenSSL has them, for the trust and signature code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <openssl/x509.h>

#include "par-certificate.h"

G_BEGIN_DECLS

typedef STACK_OF (X509) ParX509Stack;

/* A certificate read from DER, or a revocation list, no more than this:
 * real ones are a few kilobytes. */
#define PAR_CERTIFICATE_MAX_BYTES (64 * 1024)

char               *par_x509_name_text               (const X509_NAME *name);
GDateTime          *par_asn1_time_to_date_time       (const ASN1_TIME *time);
ParCertificateInfo *par_certificate_info_new_from_x509 (X509          *cert);
X509               *par_x509_from_bytes              (GBytes          *der);
void                par_x509_stack_free              (ParX509Stack    *stack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParX509Stack, par_x509_stack_free)

G_END_DECLS
