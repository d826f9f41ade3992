/* test-signing.h: certificates, revocation lists and signed PDFs made at test time with libcrypto
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* Room for the CMS in the signature dictionaries, in bytes. */
#define TEST_SIGN_CONTENTS_SIZE 8192

typedef enum
{
  TEST_SIGN_DETACHED,    /* adbe.pkcs7.detached */
  TEST_SIGN_SHA1,        /* adbe.pkcs7.sha1: the SHA-1 of the ranges as content */
  TEST_SIGN_TIMESTAMP,   /* ETSI.RFC3161: a time stamp token over the ranges */
} TestSignMode;

typedef struct
{
  TestSignMode  mode;
  X509         *cert;
  EVP_PKEY     *key;
  X509         *extra[4];        /* more certificates in the CMS (issuers), NULL-terminated */
  const EVP_MD *md;              /* SHA-256 if NULL */
  unsigned int  cms_flags;       /* CMS_NOATTR, CMS_NOCERTS */
  gboolean      contents_first;  /* /Contents before /ByteRange */
  const char   *space;           /* between the tokens of the array, " " if NULL */
  gboolean      upper_hex;
  const char   *date;            /* /M, none if NULL */
  const char   *signing_time;    /* the signingTime attribute, "YYYYMMDDHHMMSSZ"; now if NULL */
  X509         *tsa;             /* the time stamping authority of TEST_SIGN_TIMESTAMP and stamp_signature */
  EVP_PKEY     *tsa_key;
  gboolean      stamp_signature; /* a time stamp token over the signature in its unsigned attributes */
  const char   *stamp_time;      /* the token's time, "YYYYMMDDHHMMSSZ"; now if NULL */
} TestSignSpec;

GBytes   *test_draw_pdf         (void);
X509     *test_make_certificate (const char         *cn,
                                 EVP_PKEY           *key,
                                 X509               *issuer,
                                 EVP_PKEY           *issuer_key,
                                 gboolean            ca,
                                 const char         *extended_usage,
                                 const char         *not_before,
                                 const char         *not_after);
X509_CRL *test_make_crl         (X509               *issuer,
                                 EVP_PKEY           *issuer_key,
                                 const long         *serials,
                                 const char         *revoked_at,
                                 const char         *this_update);
char     *test_byte_range_text  (const TestSignSpec *spec,
                                 guint64             a,
                                 guint64             b,
                                 guint64             c,
                                 guint64             d);
GBytes   *test_sign_pdf         (GBytes             *pdf,
                                 const TestSignSpec *spec);

G_END_DECLS
