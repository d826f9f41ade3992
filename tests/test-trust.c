/* test-trust.c: the trust list kept in the file, and signers' chains judged at the signing time
 *
 * A small PKI is made at test time: a root, a "government" CA under it,
 * signers valid now, valid only in 2021–2023, and revoked in March 2025,
 * and a second root nobody trusts. Documents are signed here with the
 * signing time each case needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <openssl/pem.h>
#include <openssl/pkcs7.h>

#include "par-database-private.h"
#include "test-fixture.h"
#include "test-signing.h"
#include "test-util.h"

typedef struct
{
  EVP_PKEY *key;            /* one key for all: the tests are about names and dates */
  X509     *root;           /* Test Root CA, 2015–2045 */
  X509     *government;     /* Test Government CA, under root */
  X509     *signer;         /* Nguyễn Văn A, 2024–2030 */
  X509     *old_signer;     /* Trần Thị B, 2021–2023 only */
  X509     *revoked_signer; /* Lê Văn C, revoked on 2025-03-01 */
  X509     *other_root;     /* Other Root CA, trusted by no one */
  X509     *other_signer;
  X509     *tsa;            /* a time stamping authority */
  X509_CRL *crl;            /* the government CA's, listing revoked_signer */
  X509_CRL *forged_crl;     /* the same list, signed by the wrong key */
} Pki;

static Pki pki;

static void
make_pki (void)
{
  EVP_PKEY *other_key = EVP_EC_gen ("P-256");
  long revoked[2] = { 0, 0 };

  pki.key = EVP_EC_gen ("P-256");
  pki.root = test_make_certificate ("Test Root CA", pki.key, NULL, NULL, TRUE, NULL, "20150101000000Z", "20450101000000Z");
  pki.government = test_make_certificate ("Test Government CA", pki.key, pki.root, pki.key, TRUE, NULL,
                                          "20150101000000Z", "20400101000000Z");
  pki.signer = test_make_certificate ("Nguyễn Văn A", pki.key, pki.government, pki.key, FALSE, NULL,
                                      "20240101000000Z", "20300101000000Z");
  pki.old_signer = test_make_certificate ("Trần Thị B", pki.key, pki.government, pki.key, FALSE, NULL,
                                          "20210101000000Z", "20231231000000Z");
  pki.revoked_signer = test_make_certificate ("Lê Văn C", pki.key, pki.government, pki.key, FALSE, NULL,
                                              "20240101000000Z", "20300101000000Z");
  pki.other_root = test_make_certificate ("Other Root CA", other_key, NULL, NULL, TRUE, NULL,
                                          "20150101000000Z", "20450101000000Z");
  pki.other_signer = test_make_certificate ("Phạm Văn D", pki.key, pki.other_root, other_key, FALSE, NULL,
                                            "20240101000000Z", "20300101000000Z");
  pki.tsa = test_make_certificate ("Test Time Stamps", pki.key, pki.government, pki.key, FALSE, "critical,timeStamping",
                                   "20150101000000Z", "20400101000000Z");
  revoked[0] = ASN1_INTEGER_get (X509_get0_serialNumber (pki.revoked_signer));
  pki.crl = test_make_crl (pki.government, pki.key, revoked, "20250301000000Z", "20250301000000Z");
  pki.forged_crl = test_make_crl (pki.government, other_key, revoked, "20250301000000Z", "20250301000000Z");
  EVP_PKEY_free (other_key);
}

static void
free_pki (void)
{
  X509 *certs[] = { pki.root, pki.government, pki.signer, pki.old_signer, pki.revoked_signer, pki.other_root,
                    pki.other_signer, pki.tsa };

  for (guint i = 0; i < G_N_ELEMENTS (certs); i++)
    X509_free (certs[i]);
  X509_CRL_free (pki.crl);
  X509_CRL_free (pki.forged_crl);
  EVP_PKEY_free (pki.key);
}

/* Files ------------------------------------------------------------------- */

static GBytes *
pem_of (X509 *first,
        X509 *second)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long length;
  GBytes *bytes;

  g_assert_cmpint (PEM_write_bio_X509 (bio, first), ==, 1);
  if (second != NULL)
    g_assert_cmpint (PEM_write_bio_X509 (bio, second), ==, 1);
  length = BIO_get_mem_data (bio, &data);
  bytes = g_bytes_new (data, length);
  BIO_free (bio);
  return bytes;
}

static GBytes *
der_of (X509 *cert)
{
  unsigned char *der = NULL;
  int length = i2d_X509 (cert, &der);
  GBytes *bytes = g_bytes_new (der, length);

  OPENSSL_free (der);
  return bytes;
}

/* A PKCS #7 bundle of @first and @second, as DER or PEM. */
static GBytes *
bundle_of (X509     *first,
           X509     *second,
           gboolean  pem)
{
  PKCS7 *bundle = PKCS7_new ();
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long length;
  GBytes *bytes;

  g_assert_cmpint (PKCS7_set_type (bundle, NID_pkcs7_signed), ==, 1);
  g_assert_cmpint (PKCS7_content_new (bundle, NID_pkcs7_data), ==, 1);
  g_assert_cmpint (PKCS7_add_certificate (bundle, first), ==, 1);
  g_assert_cmpint (PKCS7_add_certificate (bundle, second), ==, 1);
  g_assert_cmpint (pem ? PEM_write_bio_PKCS7 (bio, bundle) : i2d_PKCS7_bio (bio, bundle), ==, 1);
  length = BIO_get_mem_data (bio, &data);
  bytes = g_bytes_new (data, length);
  BIO_free (bio);
  PKCS7_free (bundle);
  return bytes;
}

static GBytes *
crl_of (X509_CRL *crl,
        gboolean  pem)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long length;
  GBytes *bytes;

  g_assert_cmpint (pem ? PEM_write_bio_X509_CRL (bio, crl) : i2d_X509_CRL_bio (bio, crl), ==, 1);
  length = BIO_get_mem_data (bio, &data);
  bytes = g_bytes_new (data, length);
  BIO_free (bio);
  return bytes;
}

static char *
fingerprint_of (X509 *cert)
{
  g_autoptr(GBytes) der = der_of (cert);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParCertificateInfo) info = par_certificate_info_new_from_der (der, &error);

  g_assert_no_error (error);
  return g_strdup (info->fingerprint);
}

static void
trust (TestFixture *f,
       X509        *cert)
{
  g_autoptr(GBytes) pem = pem_of (cert, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = par_trust_add_certificates (f->db, pem, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
}

static void
keep_crl (TestFixture *f,
          X509_CRL    *crl)
{
  g_autoptr(GBytes) der = crl_of (crl, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParRevocationList) list = par_trust_add_crl (f->db, der, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
}

/* Signed documents ---------------------------------------------------------- */

/* A drawn PDF signed by @signer at @signing_time, carrying the government
 * CA (or @issuer), kept in the file; its id. */
static gint64
add_signed (TestFixture *f,
            X509        *signer,
            X509        *issuer,
            const char  *signing_time)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  TestSignSpec spec = { .cert = signer, .key = pki.key, .extra = { issuer }, .signing_time = signing_time };
  g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &spec);
  g_autofree char *name = g_strdup_printf ("signed-%s.pdf", signing_time);
  g_autofree char *path = test_fixture_write_file (f, name, g_bytes_get_data (signed_pdf, NULL),
                                                   g_bytes_get_size (signed_pdf));
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, path, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ParEvidenceDocument *
get_document (TestFixture *f,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  ParEvidenceDocument *document = par_evidence_get (f->db, id, &error);

  g_assert_no_error (error);
  return document;
}

/* The judgement of the first signature of document @id, as read now. */
static ParTrustJudgement *
judgement_of (TestFixture *f,
              gint64       id)
{
  g_autoptr(ParEvidenceDocument) document = get_document (f, id);
  GPtrArray *signatures = par_evidence_document_get_signatures (document);
  ParPdfSignature *signature;
  ParTrustJudgement *judgement = g_new0 (ParTrustJudgement, 1);

  g_assert_cmpuint (signatures->len, >=, 1);
  signature = g_ptr_array_index (signatures, 0);
  g_assert_cmpint (signature->status, ==, PAR_SIGNATURE_VALID);
  *judgement = *signature->trust;
  judgement->issuer = g_strdup (signature->trust->issuer);
  judgement->chain = g_ptr_array_ref (signature->trust->chain);
  judgement->revoked_at = signature->trust->revoked_at != NULL ? g_date_time_ref (signature->trust->revoked_at) : NULL;
  return judgement;
}

static void
assert_status (TestFixture          *f,
               gint64                id,
               ParCertificateStatus  expected)
{
  g_autoptr(ParTrustJudgement) judgement = judgement_of (f, id);

  g_assert_cmpstr (par_certificate_status_to_string (judgement->status), ==,
                   par_certificate_status_to_string (expected));
}

/* Tests --------------------------------------------------------------------- */

static void
test_chain_to_trusted_root (TestFixture   *f,
                            gconstpointer  data)
{
  gint64 id = add_signed (f, pki.signer, pki.government, "20250601090000Z");
  g_autoptr(ParTrustJudgement) before = judgement_of (f, id);
  g_autoptr(ParTrustJudgement) after = NULL;
  ParCertificateInfo *top;

  /* Nobody trusts the root yet: the chain goes as far as the signature carries it. */
  g_assert_cmpint (before->status, ==, PAR_CERTIFICATE_UNTRUSTED);
  g_assert_cmpstr (before->issuer, ==, "Test Government CA");
  g_assert_cmpuint (before->chain->len, ==, 2);
  top = g_ptr_array_index (before->chain, 1);
  g_assert_cmpstr (top->subject, ==, "Test Government CA");
  g_assert_true (top->is_ca);
  g_assert_cmpint (top->anchor, ==, PAR_TRUST_ANCHOR_NONE);

  trust (f, pki.root);
  after = judgement_of (f, id);
  g_assert_cmpint (after->status, ==, PAR_CERTIFICATE_TRUSTED);
  g_assert_cmpuint (after->chain->len, ==, 3);
  g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (after->chain, 0))->subject, ==, "Nguyễn Văn A");
  top = g_ptr_array_index (after->chain, 2);
  g_assert_cmpstr (top->subject, ==, "Test Root CA");
  g_assert_cmpint (top->anchor, ==, PAR_TRUST_ANCHOR_FILE);
}

/* An office may trust the Government's CA without the root above it. */
static void
test_intermediate_as_anchor (TestFixture   *f,
                             gconstpointer  data)
{
  gint64 id = add_signed (f, pki.signer, NULL, "20250601090000Z");

  assert_status (f, id, PAR_CERTIFICATE_UNTRUSTED);
  trust (f, pki.government);
  assert_status (f, id, PAR_CERTIFICATE_TRUSTED);
}

/* Judged at the signing time: valid then stays trusted, outside is expired. */
static void
test_signing_time (TestFixture   *f,
                   gconstpointer  data)
{
  gint64 in_2022, in_2024;
  g_autoptr(ParTrustJudgement) expired = NULL;

  trust (f, pki.root);
  in_2022 = add_signed (f, pki.old_signer, pki.government, "20220601090000Z");
  in_2024 = add_signed (f, pki.old_signer, pki.government, "20240601090000Z");
  assert_status (f, in_2022, PAR_CERTIFICATE_TRUSTED);
  expired = judgement_of (f, in_2024);
  g_assert_cmpint (expired->status, ==, PAR_CERTIFICATE_EXPIRED);
  g_assert_cmpuint (expired->failed_at, ==, 0);
}

/* A time stamp token's time counts before the signer's own clock. */
static void
test_time_stamp_token (TestFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  TestSignSpec spec = { .cert = pki.old_signer, .key = pki.key, .extra = { pki.government },
                        .signing_time = "20240601090000Z", .stamp_signature = TRUE, .tsa = pki.tsa,
                        .tsa_key = pki.key, .stamp_time = "20220601090000Z" };
  g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &spec);
  g_autofree char *path = test_fixture_write_file (f, "stamped.pdf", g_bytes_get_data (signed_pdf, NULL),
                                                   g_bytes_get_size (signed_pdf));
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, path, 0, NULL, NULL, &error);
  g_autoptr(ParEvidenceDocument) document = NULL;
  ParPdfSignature *signature;

  g_assert_no_error (error);
  trust (f, pki.root);
  document = get_document (f, id);
  signature = g_ptr_array_index (par_evidence_document_get_signatures (document), 0);
  g_assert_true (g_str_has_prefix (signature->signing_time, "2022-06-01T"));
  g_assert_cmpint (signature->trust->status, ==, PAR_CERTIFICATE_TRUSTED);
}

/* A kept list revokes from its date on, and only if its issuer signed it. */
static void
test_revoked (TestFixture   *f,
              gconstpointer  data)
{
  gint64 after, before;
  g_autoptr(ParTrustJudgement) revoked = NULL;
  g_autoptr(GDateTime) revoked_at = g_date_time_new_utc (2025, 3, 1, 0, 0, 0);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;

  trust (f, pki.root);
  after = add_signed (f, pki.revoked_signer, pki.government, "20250601090000Z");
  before = add_signed (f, pki.revoked_signer, pki.government, "20250115090000Z");
  assert_status (f, after, PAR_CERTIFICATE_TRUSTED);

  keep_crl (f, pki.forged_crl);
  assert_status (f, after, PAR_CERTIFICATE_TRUSTED);

  keep_crl (f, pki.crl);
  revoked = judgement_of (f, after);
  g_assert_cmpint (revoked->status, ==, PAR_CERTIFICATE_REVOKED);
  g_assert_cmpuint (revoked->failed_at, ==, 0);
  g_assert_true (g_date_time_equal (revoked->revoked_at, revoked_at));
  assert_status (f, before, PAR_CERTIFICATE_TRUSTED);

  /* The lists are listed, and one removed no longer counts. */
  lists = par_trust_list_crls (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 2);
  for (guint i = 0; i < lists->len; i++)
    {
      ParRevocationList *list = g_ptr_array_index (lists, i);

      g_assert_cmpstr (list->issuer, ==, "Test Government CA");
      g_assert_cmpuint (list->revoked, ==, 1);
      g_assert_true (par_trust_remove_crl (f->db, list->id, &error));
      g_assert_no_error (error);
    }
  assert_status (f, after, PAR_CERTIFICATE_TRUSTED);
}

static void
test_untrusted_issuer (TestFixture   *f,
                       gconstpointer  data)
{
  gint64 id = add_signed (f, pki.other_signer, pki.other_root, "20250601090000Z");
  g_autoptr(ParTrustJudgement) judgement = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  ParCertificateInfo *top;

  trust (f, pki.root);
  judgement = judgement_of (f, id);
  g_assert_cmpint (judgement->status, ==, PAR_CERTIFICATE_UNTRUSTED);
  g_assert_cmpstr (judgement->issuer, ==, "Other Root CA");
  g_assert_cmpuint (judgement->chain->len, ==, 2);
  top = g_ptr_array_index (judgement->chain, 1);
  g_assert_true (top->self_issued);
  g_assert_true (top->is_ca);

  /* "Trust this issuer…" adds the top of the chain. */
  added = par_trust_add_certificates (f->db, top->der, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
  assert_status (f, id, PAR_CERTIFICATE_TRUSTED);
}

/* Every format authorities publish, a bundle, and what is refused. */
static void
test_formats (TestFixture   *f,
              gconstpointer  data)
{
  g_autofree char *root = fingerprint_of (pki.root);
  g_autofree char *government = fingerprint_of (pki.government);
  struct { GBytes *bytes; guint count; } files[] = {
    { pem_of (pki.root, pki.government), 2 },
    { der_of (pki.root), 1 },
    { bundle_of (pki.root, pki.government, FALSE), 2 },
    { bundle_of (pki.government, pki.root, TRUE), 2 },
  };
  g_autoptr(GBytes) leaf = pem_of (pki.root, pki.signer);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a certificate\n", 18);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) crl_pem = crl_of (pki.crl, TRUE);
  g_autoptr(ParRevocationList) crl = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) added = par_trust_add_certificates (f->db, files[i].bytes, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (added->len, ==, files[i].count);
      g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (added, 0))->fingerprint, ==,
                       i == 3 ? government : root);
      g_bytes_unref (files[i].bytes);
    }
  /* Added again and again, each is there once, by subject. */
  listed = par_trust_list_certificates (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (listed, 0))->subject, ==, "Test Government CA");
  g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (listed, 1))->fingerprint, ==, root);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A signer's certificate in the file refuses it whole. */
  g_assert_null (par_trust_add_certificates (f->db, leaf, &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NOT_CA);
  g_assert_nonnull (strstr (error->message, "Nguyễn Văn A"));
  g_clear_error (&error);
  g_assert_null (par_trust_add_certificates (f->db, junk, &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_CERTIFICATE);
  g_clear_error (&error);
  g_assert_null (par_trust_add_certificates (f->db, empty, &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_CERTIFICATE);
  g_clear_error (&error);
  g_assert_null (par_trust_add_crl (f->db, junk, &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_CRL);
  g_clear_error (&error);
  crl = par_trust_add_crl (f->db, crl_pem, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crl->revoked, ==, 1);

  listed = par_trust_list_certificates (f->db, &error);
  g_assert_cmpuint (listed->len, ==, 2);
}

static void
test_remove (TestFixture   *f,
             gconstpointer  data)
{
  g_autofree char *root = fingerprint_of (pki.root);
  g_autofree char *spaced = NULL;
  g_autofree char *other = NULL;
  g_autofree char *government = fingerprint_of (pki.government);
  gint64 id = add_signed (f, pki.signer, pki.government, "20250601090000Z");
  g_autoptr(ParCertificateInfo) removed = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  guint changes;

  trust (f, pki.root);
  trust (f, pki.government);
  assert_status (f, id, PAR_CERTIFICATE_TRUSTED);

  g_assert_null (par_trust_remove (f->db, "1234567", &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_MATCH);
  g_clear_error (&error);
  other = g_strndup (root, 10);
  other[0] = other[0] == '0' ? '1' : '0';
  g_assert_null (par_trust_remove (f->db, other, &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_MATCH);
  g_clear_error (&error);
  g_assert_null (par_trust_remove (f->db, "12:34:zz:56:78", &error));
  g_assert_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_MATCH);
  g_clear_error (&error);

  /* Any prefix of eight digits or more, colons and case ignored. */
  spaced = par_certificate_format_fingerprint (root);
  spaced[3 * 6 - 1] = '\0';
  changes = f->n_changes;
  removed = par_trust_remove (f->db, spaced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (removed->fingerprint, ==, root);
  g_assert_cmpuint (f->n_changes, >, changes);
  /* The government CA is still an anchor. */
  assert_status (f, id, PAR_CERTIFICATE_TRUSTED);
  g_clear_pointer (&removed, par_certificate_info_free);

  removed = par_trust_remove (f->db, government, &error);
  g_assert_no_error (error);
  assert_status (f, id, PAR_CERTIFICATE_UNTRUSTED);

  /* Undo. */
  g_assert_true (par_trust_restore (f->db, removed, &error));
  g_assert_no_error (error);
  assert_status (f, id, PAR_CERTIFICATE_TRUSTED);
  listed = par_trust_list_certificates (f->db, &error);
  g_assert_cmpuint (listed->len, ==, 1);
}

/* The list is in the file: a copy of the file trusts the same issuers. */
static void
test_travels_with_copy (TestFixture   *f,
                        gconstpointer  data)
{
  gint64 id = add_signed (f, pki.signer, pki.government, "20250601090000Z");
  g_autofree char *copy = g_build_filename (f->dir, "copy.pardesk", NULL);
  g_autoptr(ParDatabase) other = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  trust (f, pki.root);
  keep_crl (f, pki.crl);
  g_assert_true (par_database_save_copy (f->db, copy, NULL, &error));
  g_assert_no_error (error);
  other = par_database_open (copy, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  listed = par_trust_list_certificates (other, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = par_trust_list_crls (other, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  document = par_evidence_get (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (par_evidence_document_get_fields (document)->trust, ==, "trusted");
}

static const char *
listed_trust (TestFixture *f,
              gint64       id,
              GPtrArray  **documents)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (documents, g_ptr_array_unref);
  *documents = par_evidence_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (*documents)->len; i++)
    {
      ParEvidenceFields *fields = par_evidence_document_get_fields (g_ptr_array_index (*documents, i));

      if (fields->id == id)
        return fields->trust;
    }
  g_assert_not_reached ();
}

/* Two signatures: each judged; the document is as trusted as the least. */
static void
test_two_signatures (TestFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  TestSignSpec leader = { .cert = pki.signer, .key = pki.key, .extra = { pki.government },
                          .signing_time = "20250601090000Z" };
  TestSignSpec office = { .cert = pki.other_signer, .key = pki.key, .extra = { pki.other_root },
                          .signing_time = "20250602090000Z" };
  g_autoptr(GBytes) once = test_sign_pdf (pdf, &leader);
  g_autoptr(GBytes) twice = test_sign_pdf (once, &office);
  g_autofree char *path = test_fixture_write_file (f, "twice.pdf", g_bytes_get_data (twice, NULL),
                                                   g_bytes_get_size (twice));
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, path, 0, NULL, NULL, &error);
  gint64 unsigned_id;
  g_autofree char *plain = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  GPtrArray *signatures;

  g_assert_no_error (error);
  plain = test_fixture_write_file (f, "plain.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  unsigned_id = par_evidence_add_file (f->db, plain, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  trust (f, pki.root);
  document = get_document (f, id);
  g_assert_cmpstr (par_evidence_document_get_fields (document)->signature, ==, "valid");
  g_assert_cmpstr (par_evidence_document_get_fields (document)->trust, ==, "untrusted");
  signatures = par_evidence_document_get_signatures (document);
  g_assert_cmpuint (signatures->len, ==, 2);
  g_assert_cmpint (((ParPdfSignature *) g_ptr_array_index (signatures, 0))->trust->status, ==, PAR_CERTIFICATE_TRUSTED);
  g_assert_cmpint (((ParPdfSignature *) g_ptr_array_index (signatures, 1))->trust->status, ==, PAR_CERTIFICATE_UNTRUSTED);

  /* The list follows a change of the trust list without adding again. */
  g_assert_cmpstr (listed_trust (f, id, &documents), ==, "untrusted");
  g_assert_cmpstr (listed_trust (f, unsigned_id, &documents), ==, "");
  trust (f, pki.other_root);
  g_assert_cmpstr (listed_trust (f, id, &documents), ==, "trusted");
}

/* Signatures kept before the trust list (NULL certificates) are read again. */
static void
test_older_rows_read_again (TestFixture   *f,
                            gconstpointer  data)
{
  gint64 id = add_signed (f, pki.signer, pki.government, "20250601090000Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  trust (f, pki.root);
  g_assert_true (par_database_exec (f->db, "UPDATE evidence_signature SET certificates = NULL", &error));
  g_assert_no_error (error);
  assert_status (f, id, PAR_CERTIFICATE_TRUSTED);
  stmt = par_database_prepare (f->db, "SELECT count(*) FROM evidence_signature WHERE certificates IS NULL", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
}

/* A file of version 8 kept signatures without their certificates: opened
 * by this version, they are read again from the kept PDF. */
static void
test_version_8_file (TestFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  TestSignSpec spec = { .cert = pki.signer, .key = pki.key, .extra = { pki.government },
                        .signing_time = "20250601090000Z" };
  g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &spec);
  g_autofree char *path = g_build_filename (f->dir, "old.pardesk", NULL);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, signed_pdf);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GBytes) root = pem_of (pki.root, NULL);
  g_autoptr(GError) error = NULL;
  ParPdfSignature *signature;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  test_fixture_make_old_file (path, 8);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO evidence_blob (id, sha256, size, data) VALUES (1, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_bytes_get_size (signed_pdf));
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (signed_pdf, NULL), g_bytes_get_size (signed_pdf), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO evidence_document (id, blob_id, filename, pages, signature_status)"
                                 " VALUES (1, 1, 'old.pdf', 1, 'valid');"
                                 "INSERT INTO evidence_signature (document_id, position, signer, signing_time, status,"
                                 " certificate_status) VALUES (1, 0, 'Nguyễn Văn A', '2025-06-01T09:00:00+00:00',"
                                 " 'valid', 'untrusted');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = par_database_open (path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  added = par_trust_add_certificates (db, root, &error);
  g_assert_no_error (error);
  document = par_evidence_get (db, 1, &error);
  g_assert_no_error (error);
  signature = g_ptr_array_index (par_evidence_document_get_signatures (document), 0);
  g_assert_cmpstr (signature->signer, ==, "Nguyễn Văn A");
  g_assert_cmpint (signature->trust->status, ==, PAR_CERTIFICATE_TRUSTED);
  g_assert_cmpstr (signature->trust->issuer, ==, "Test Government CA");
}

/* A hand-made file: a row that is no certificate, or not a CA's, vouches for nothing. */
static void
test_hostile_rows (TestFixture   *f,
                   gconstpointer  data)
{
  gint64 id = add_signed (f, pki.signer, pki.government, "20250601090000Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (par_database_exec (f->db,
                                    "INSERT INTO trust_certificate (fingerprint, der, subject, issuer, not_before, not_after)"
                                    " VALUES (printf ('%064d', 1), x'3082', 'junk', '', '', '')", &error));
  g_assert_no_error (error);
  stmt = par_database_prepare (f->db,
                               "INSERT INTO trust_certificate (fingerprint, der, subject, issuer, not_before, not_after)"
                               " VALUES (printf ('%064d', 2), ?, 'leaf', '', '', '')", &error);
  /* The signer's own certificate, put in the list behind the program's back. */
  {
    g_autoptr(GBytes) signer = der_of (pki.signer);

    sqlite3_bind_blob (stmt, 1, g_bytes_get_data (signer, NULL), g_bytes_get_size (signer), SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  }
  listed = par_trust_list_certificates (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_status (f, id, PAR_CERTIFICATE_UNTRUSTED);
}

static void
test_strings (void)
{
  g_assert_cmpstr (par_certificate_status_to_string (PAR_CERTIFICATE_EXPIRED), ==, "expired");
  g_assert_cmpint (par_certificate_status_from_string ("revoked"), ==, PAR_CERTIFICATE_REVOKED);
  g_assert_cmpint (par_certificate_status_worst (PAR_CERTIFICATE_TRUSTED, PAR_CERTIFICATE_UNTRUSTED), ==,
                   PAR_CERTIFICATE_UNTRUSTED);
  g_assert_cmpint (par_certificate_status_worst (PAR_CERTIFICATE_REVOKED, PAR_CERTIFICATE_EXPIRED), ==,
                   PAR_CERTIFICATE_REVOKED);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();
  test_set_language ("en");
  make_pki ();
  g_test_add_func ("/trust/strings", test_strings);
#define ADD(path, func) g_test_add (path, TestFixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)
  ADD ("/trust/chain-to-trusted-root", test_chain_to_trusted_root);
  ADD ("/trust/intermediate-as-anchor", test_intermediate_as_anchor);
  ADD ("/trust/signing-time", test_signing_time);
  ADD ("/trust/time-stamp-token", test_time_stamp_token);
  ADD ("/trust/revoked", test_revoked);
  ADD ("/trust/untrusted-issuer", test_untrusted_issuer);
  ADD ("/trust/formats", test_formats);
  ADD ("/trust/remove", test_remove);
  ADD ("/trust/travels-with-copy", test_travels_with_copy);
  ADD ("/trust/two-signatures", test_two_signatures);
  ADD ("/trust/older-rows-read-again", test_older_rows_read_again);
  ADD ("/trust/hostile-rows", test_hostile_rows);
  ADD ("/trust/version-8-file", test_version_8_file);
#undef ADD
  status = g_test_run ();
  free_pki ();
  return status;
}
