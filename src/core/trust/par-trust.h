/* par-trust.h: whether a signer's certificate chains to an issuer the user trusts, at the signing time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-certificate.h"
#include "par-database.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_CERTIFICATE_TRUSTED,    /* chains to a trusted issuer, every certificate valid at the signing time */
  PAR_CERTIFICATE_UNTRUSTED,  /* no chain to a trusted issuer */
  PAR_CERTIFICATE_EXPIRED,    /* signed outside a certificate's validity */
  PAR_CERTIFICATE_REVOKED,    /* a kept revocation list revoked it before the signing time */
  PAR_CERTIFICATE_UNKNOWN,    /* the certificate could not be read */
} ParCertificateStatus;

typedef struct
{
  ParCertificateStatus status;
  char                *issuer;      /* who issued the signer's certificate: its CN, else its name; "" if unknown */
  GPtrArray           *chain;       /* ParCertificateInfo: the signer's, then its issuers as far as they are known */
  GDateTime           *revoked_at;  /* when the revoked certificate was revoked, else NULL */
  guint                failed_at;   /* the place in @chain of the certificate that expired or was revoked */
} ParTrustJudgement;

typedef struct _ParTrust ParTrust;

ParTrust          *par_trust_load                   (ParDatabase          *db,
                                                     GError              **error);
ParTrust          *par_trust_new_system_only        (void);
ParTrust          *par_trust_ref                    (ParTrust             *trust);
void               par_trust_unref                  (ParTrust             *trust);
ParTrustJudgement *par_trust_judge                  (ParTrust             *trust,
                                                     GBytes               *certificates,
                                                     GDateTime            *signing_time);
ParTrustJudgement *par_trust_judgement_new_unknown  (void);
void               par_trust_judgement_free         (ParTrustJudgement    *judgement);

const char        *par_certificate_status_to_string (ParCertificateStatus  status);
ParCertificateStatus par_certificate_status_from_string (const char       *text);
ParCertificateStatus par_certificate_status_worst   (ParCertificateStatus  a,
                                                     ParCertificateStatus  b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParTrust, par_trust_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParTrustJudgement, par_trust_judgement_free)

G_END_DECLS
