/* test-pki.c: a small certificate authority and its signers, for the GUI tests of trust and the screenshots
 *
 * A test authority ("Cục Chứng thực số thử nghiệm") and signers as the
 * window shows them: one it issued, the same signer's self-signed
 * certificate, one that had expired and one it revoked, with the
 * authority's revocation list; the signatures carry the authority's
 * certificate, as national signing tokens do. Nothing here is trusted by
 * the machine, so the file's trust list decides. Built on test-signing.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "test-pki.h"
#include "test-signing.h"

struct _TestPki
{
  EVP_PKEY *ca_key;
  X509     *ca;
  EVP_PKEY *key;
  X509     *certs[TEST_PKI_REVOKED + 1];   /* by TestPkiSigner */
  X509_CRL *crl;
};

TestPki *
test_pki_new (void)
{
  TestPki *pki = g_new0 (TestPki, 1);
  long revoked[2] = { 0, 0 };

  pki->ca_key = EVP_RSA_gen (2048);
  pki->key = EVP_RSA_gen (2048);
  g_assert_nonnull (pki->ca_key);
  g_assert_nonnull (pki->key);
  pki->ca = test_make_certificate ("Cục Chứng thực số thử nghiệm", pki->ca_key, NULL, NULL, TRUE, NULL,
                                   "20200101000000Z", "20451231000000Z");
  pki->certs[TEST_PKI_SIGNER] = test_make_certificate ("Nguyễn Văn An", pki->key, pki->ca, pki->ca_key, FALSE, NULL,
                                                       "20200101000000Z", "20451231000000Z");
  pki->certs[TEST_PKI_SELF_SIGNED] = test_make_certificate ("Nguyễn Văn An", pki->key, NULL, NULL, FALSE, NULL,
                                                            "20200101000000Z", "20451231000000Z");
  pki->certs[TEST_PKI_EXPIRED] = test_make_certificate ("Trần Thị Bình", pki->key, pki->ca, pki->ca_key, FALSE, NULL,
                                                        "20000101000000Z", "20010101000000Z");
  pki->certs[TEST_PKI_REVOKED] = test_make_certificate ("Lê Văn Cường", pki->key, pki->ca, pki->ca_key, FALSE, NULL,
                                                        "20200101000000Z", "20451231000000Z");
  revoked[0] = ASN1_INTEGER_get (X509_get0_serialNumber (pki->certs[TEST_PKI_REVOKED]));
  pki->crl = test_make_crl (pki->ca, pki->ca_key, revoked, "20210301000000Z", "20210302000000Z");
  return pki;
}

void
test_pki_free (TestPki *pki)
{
  for (guint i = 0; i < G_N_ELEMENTS (pki->certs); i++)
    X509_free (pki->certs[i]);
  X509_free (pki->ca);
  X509_CRL_free (pki->crl);
  EVP_PKEY_free (pki->ca_key);
  EVP_PKEY_free (pki->key);
  g_free (pki);
}

static GBytes *
der_bytes (unsigned char *der,
           int            length)
{
  GBytes *bytes;

  g_assert_cmpint (length, >, 0);
  bytes = g_bytes_new (der, length);
  OPENSSL_free (der);
  return bytes;
}

GBytes *
test_pki_get_ca_der (TestPki *pki)
{
  unsigned char *der = NULL;
  int length = i2d_X509 (pki->ca, &der);

  return der_bytes (der, length);
}

/* The certificate of TEST_PKI_SIGNER, which vouches for no one. */
GBytes *
test_pki_get_leaf_der (TestPki *pki)
{
  unsigned char *der = NULL;
  int length = i2d_X509 (pki->certs[TEST_PKI_SIGNER], &der);

  return der_bytes (der, length);
}

/* The authority's revocation list, which revokes TEST_PKI_REVOKED. */
GBytes *
test_pki_get_crl_der (TestPki *pki)
{
  unsigned char *der = NULL;
  int length = i2d_X509_CRL (pki->crl, &der);

  return der_bytes (der, length);
}

/* Writes the authority's certificate as PEM to @path, which is returned. */
char *
test_pki_write_ca_pem (TestPki    *pki,
                       const char *path)
{
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  g_assert_cmpint (PEM_write_X509 (file, pki->ca), ==, 1);
  fclose (file);
  return g_strdup (path);
}

/* @pdf signed by @signer on 15 March 2024 (after the expired
 * certificate's last day, and the revoked one's revocation), with the
 * authority's certificate in the signature but for the self-signed one. */
GBytes *
test_pki_sign_pdf (TestPki       *pki,
                   GBytes        *pdf,
                   TestPkiSigner  signer)
{
  TestSignSpec spec = {
    .mode = TEST_SIGN_DETACHED,
    .cert = pki->certs[signer],
    .key = pki->key,
    .date = "D:20240315103000+07'00'",
    .signing_time = "20240315033000Z",
  };

  if (signer != TEST_PKI_SELF_SIGNED)
    spec.extra[0] = pki->ca;
  return test_sign_pdf (pdf, &spec);
}
