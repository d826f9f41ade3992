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

struct _ParTrust
{
  gatomicrefcount  ref_count;
  X509_STORE      *file_store;   /* the file's trust list, or NULL if empty */
  ParX509Stack    *file_certs;
  ParCrlStack     *crls;
};

/* par-trust.c */
X509_STORE   *par_trust_system_store (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_CRL, X509_CRL_free)

G_END_DECLS
