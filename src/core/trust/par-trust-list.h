/* par-trust-list.h: the issuers a file trusts, and the revocation lists it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-certificate.h"
#include "par-database.h"

G_BEGIN_DECLS

#define PAR_TRUST_ERROR (par_trust_error_quark ())

typedef enum
{
  PAR_TRUST_ERROR_NO_CERTIFICATE,  /* the data holds no certificate */
  PAR_TRUST_ERROR_NOT_CA,          /* a certificate cannot issue others */
  PAR_TRUST_ERROR_NO_MATCH,        /* no trusted issuer has that fingerprint */
  PAR_TRUST_ERROR_AMBIGUOUS,       /* several have */
  PAR_TRUST_ERROR_NO_CRL,          /* the data is not a revocation list */
  PAR_TRUST_ERROR_TOO_LARGE,
} ParTrustError;

/* A certificate revocation list kept in the file. */
typedef struct
{
  gint64     id;
  char      *sha256;
  char      *issuer;        /* the issuing CA's CN, else its whole name */
  GDateTime *this_update;
  GDateTime *next_update;   /* or NULL */
  guint      revoked;       /* how many certificates it lists */
} ParRevocationList;

GQuark             par_trust_error_quark       (void);

GPtrArray         *par_trust_read_certificates (GBytes        *contents,
                                                GError       **error);
GPtrArray         *par_trust_add_certificates  (ParDatabase   *db,
                                                GBytes        *contents,
                                                GError       **error);
GPtrArray         *par_trust_list_certificates (ParDatabase   *db,
                                                GError       **error);
ParCertificateInfo *par_trust_remove           (ParDatabase   *db,
                                                const char    *fingerprint,
                                                GError       **error);
gboolean           par_trust_restore           (ParDatabase   *db,
                                                const ParCertificateInfo *info,
                                                GError       **error);

ParRevocationList *par_trust_add_crl           (ParDatabase   *db,
                                                GBytes        *contents,
                                                GError       **error);
GPtrArray         *par_trust_list_crls         (ParDatabase   *db,
                                                GError       **error);
gboolean           par_trust_remove_crl        (ParDatabase   *db,
                                                gint64         id,
                                                GError       **error);

void               par_revocation_list_free    (ParRevocationList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParRevocationList, par_revocation_list_free)

G_END_DECLS
