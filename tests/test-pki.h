/* test-pki.h: a small certificate authority and its signers, for the GUI tests of trust and the screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TEST_PKI_SIGNER,        /* issued by the test authority, which the signature carries */
  TEST_PKI_SELF_SIGNED,   /* the same signer's certificate, issued by itself */
  TEST_PKI_EXPIRED,       /* issued by the authority, valid in 2000 only */
  TEST_PKI_REVOKED,       /* issued by the authority, revoked by its list in 2021 */
} TestPkiSigner;

typedef struct _TestPki TestPki;

TestPki *test_pki_new          (void);
void     test_pki_free         (TestPki       *pki);
GBytes  *test_pki_get_ca_der   (TestPki       *pki);
GBytes  *test_pki_get_leaf_der (TestPki       *pki);
GBytes  *test_pki_get_crl_der  (TestPki       *pki);
char    *test_pki_write_ca_pem (TestPki       *pki,
                                const char    *path);
GBytes  *test_pki_sign_pdf     (TestPki       *pki,
                                GBytes        *pdf,
                                TestPkiSigner  signer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPki, test_pki_free)

G_END_DECLS
