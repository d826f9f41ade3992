/* par-trust-private.h: what the files of the trust list share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-certificate-private.h"
#include "par-trust.h"

G_BEGIN_DECLS

/* par-trust-read.c */
ParX509Stack *par_trust_read_x509 (GBytes  *contents,
                                   GError **error);
X509_CRL     *par_trust_read_crl  (GBytes  *contents,
                                   GError **error);

typedef STACK_OF (X509_CRL) ParCrlStack;

/* A set of certificates as a signature carries them, with its chain. */
typedef struct
{
  ParX509Stack   *chain;    /* to an anchor, else as far as known; NULL if no certificate could be read */
  ParTrustAnchor  anchor;   /* NONE if no anchor was reached */
  GPtrArray      *infos;    /* ParCertificateInfo of chain */
  char           *issuer;   /* of the signer's certificate */
} ParTrustChain;

struct _ParTrust
{
  gatomicrefcount  ref_count;
  X509_STORE      *file_store;   /* the file's trust list, or NULL if empty */
  ParX509Stack    *file_certs;
  ParCrlStack     *crls;
  GMutex           lock;         /* of the two memos */
  GHashTable      *chains;       /* GBytes of certificates → ParTrustChain */
  GHashTable      *crl_signers;  /* "CRL ISSUER" pointers → 2 if the issuer signed the list, 1 if not */
};

void          par_trust_chain_free   (ParTrustChain *memo);

/* par-trust.c */
X509_STORE   *par_trust_system_store (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_CRL, X509_CRL_free)

G_END_DECLS
