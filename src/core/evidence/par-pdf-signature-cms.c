/* par-pdf-signature-cms.c: one signature's CMS checked against the bytes it signs, and its certificate
 *
 * The digest of the two ranges is compared with the signed messageDigest
 * (a mismatch means the signed bytes changed) and the signature over the
 * signed attributes is checked with the signer certificate's key (a
 * failure means the signature itself is broken). The certificates the
 * signature carries are kept, the signer's first, for the trust list to
 * judge (src/core/trust): that judgement changes when the list does, this
 * one never.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "par-certificate-private.h"
#include "par-pdf-signature-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CMS_ContentInfo, CMS_ContentInfo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIO, BIO_free_all)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY_CTX, EVP_PKEY_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TS_TST_INFO, TS_TST_INFO_free)

/* Verification ---------------------------------------------------------- */

static const EVP_MD *
digest_of_algorithm (const X509_ALGOR *algorithm)
{
  const ASN1_OBJECT *object = NULL;
  const EVP_MD *md;
  int digest_nid = NID_undef;

  if (algorithm == NULL)
    return NULL;
  X509_ALGOR_get0 (&object, NULL, NULL, algorithm);
  if (object == NULL)
    return NULL;
  md = EVP_get_digestbyobj (object);
  /* Some signers name the signature algorithm (sha256WithRSAEncryption). */
  if (md == NULL && OBJ_find_sigid_algs (OBJ_obj2nid (object), &digest_nid, NULL))
    md = EVP_get_digestbynid (digest_nid);
  return md;
}

static gboolean
digest_ranges (const EVP_MD    *md,
               const guint8    *data,
               const ByteRange *range,
               guint8          *out,
               guint           *out_length)
{
  g_autoptr(EVP_MD_CTX) ctx = EVP_MD_CTX_new ();

  return ctx != NULL
         && EVP_DigestInit_ex (ctx, md, NULL) == 1
         && EVP_DigestUpdate (ctx, data + range->a, range->b) == 1
         && EVP_DigestUpdate (ctx, data + range->c, range->d) == 1
         && EVP_DigestFinal_ex (ctx, out, out_length) == 1;
}

static gboolean
digest_matches (const EVP_MD    *md,
                const guint8    *data,
                const ByteRange *range,
                const guint8    *expected,
                gsize            expected_length,
                gboolean        *matches)
{
  guint8 digest[EVP_MAX_MD_SIZE];
  guint length = 0;

  if (md == NULL || !digest_ranges (md, data, range, digest, &length))
    return FALSE;
  *matches = expected_length == length && memcmp (expected, digest, length) == 0;
  return TRUE;
}

/* A signature without signed attributes: the signature value is over the
 * digest of the ranges itself. RSA gives that digest back, which tells a
 * change of the bytes from a broken signature. */
static ParSignatureVerdict
verify_without_attributes (CMS_SignerInfo  *si,
                           EVP_PKEY        *key,
                           const EVP_MD    *md,
                           const guint8    *data,
                           const ByteRange *range)
{
  ASN1_OCTET_STRING *value = CMS_SignerInfo_get0_signature (si);
  g_autoptr(EVP_PKEY_CTX) ctx = NULL;
  guint8 digest[EVP_MAX_MD_SIZE];
  guint length = 0;

  if (key == NULL || md == NULL || value == NULL || !digest_ranges (md, data, range, digest, &length)
      || (ctx = EVP_PKEY_CTX_new (key, NULL)) == NULL)
    return PAR_SIGNATURE_INVALID;

  if (EVP_PKEY_is_a (key, "RSA"))
    {
      g_autofree guint8 *recovered = NULL;
      size_t recovered_length = 0;

      if (EVP_PKEY_verify_recover_init (ctx) != 1
          || EVP_PKEY_CTX_set_rsa_padding (ctx, RSA_PKCS1_PADDING) != 1
          || EVP_PKEY_CTX_set_signature_md (ctx, md) != 1
          || EVP_PKEY_verify_recover (ctx, NULL, &recovered_length,
                                      ASN1_STRING_get0_data (value), ASN1_STRING_length (value)) != 1)
        return PAR_SIGNATURE_INVALID;
      recovered = g_malloc (recovered_length + 1);
      if (EVP_PKEY_verify_recover (ctx, recovered, &recovered_length,
                                   ASN1_STRING_get0_data (value), ASN1_STRING_length (value)) != 1
          || recovered_length != (size_t) EVP_MD_get_size (md))
        return PAR_SIGNATURE_INVALID;
      return memcmp (recovered, digest, length) == 0 ? PAR_SIGNATURE_VALID : PAR_SIGNATURE_MODIFIED;
    }

  if (EVP_PKEY_verify_init (ctx) != 1
      || EVP_PKEY_CTX_set_signature_md (ctx, md) != 1
      || EVP_PKEY_verify (ctx, ASN1_STRING_get0_data (value), ASN1_STRING_length (value), digest, length) != 1)
    return PAR_SIGNATURE_INVALID;
  return PAR_SIGNATURE_VALID;
}

/* A signature whose CMS carries content (adbe.pkcs7.sha1, where the content
 * is the SHA-1 of the ranges, or an RFC 3161 document time stamp, where it is
 * a TSTInfo with the digest of the ranges). */
static ParSignatureVerdict
verify_with_content (CMS_ContentInfo  *cms,
                     const EVP_MD     *signer_md,
                     const guint8     *data,
                     const ByteRange  *range,
                     GDateTime       **stamp_time)
{
  g_autoptr(BIO) out = BIO_new (BIO_s_mem ());
  const guint8 *content = NULL;
  long content_length;
  gboolean matches = FALSE;

  if (out == NULL
      || CMS_verify (cms, NULL, NULL, NULL, out, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1)
    return PAR_SIGNATURE_INVALID;
  content_length = BIO_get_mem_data (out, (char **) &content);
  if (content == NULL || content_length <= 0)
    return PAR_SIGNATURE_INVALID;

  if (OBJ_obj2nid (CMS_get0_eContentType (cms)) == NID_id_smime_ct_TSTInfo)
    {
      const unsigned char *p = content;
      g_autoptr(TS_TST_INFO) info = d2i_TS_TST_INFO (NULL, &p, content_length);
      TS_MSG_IMPRINT *imprint = info != NULL ? TS_TST_INFO_get_msg_imprint (info) : NULL;
      ASN1_OCTET_STRING *message = imprint != NULL ? TS_MSG_IMPRINT_get_msg (imprint) : NULL;

      if (message == NULL
          || !digest_matches (digest_of_algorithm (TS_MSG_IMPRINT_get_algo (imprint)), data, range,
                              ASN1_STRING_get0_data (message), ASN1_STRING_length (message), &matches))
        return PAR_SIGNATURE_INVALID;
      *stamp_time = par_asn1_time_to_date_time (TS_TST_INFO_get_time (info));
      return matches ? PAR_SIGNATURE_VALID : PAR_SIGNATURE_MODIFIED;
    }

  /* The digest, raw or as a DER OCTET STRING. */
  if (content_length >= 2 && content[0] == V_ASN1_OCTET_STRING && content[1] == content_length - 2)
    {
      content += 2;
      content_length -= 2;
    }
  if (signer_md == NULL || EVP_MD_get_size (signer_md) != content_length)
    signer_md = EVP_sha1 ();
  if (!digest_matches (signer_md, data, range, content, content_length, &matches))
    return PAR_SIGNATURE_INVALID;
  return matches ? PAR_SIGNATURE_VALID : PAR_SIGNATURE_MODIFIED;
}

/* The time of the RFC 3161 token the signature carries in its unsigned
 * attributes (a time stamping authority's word on when the signature
 * existed), if the token is sound and stamps this signature's value. */
static GDateTime *
signature_stamp_time (CMS_SignerInfo *si)
{
  int index = CMS_unsigned_get_attr_by_NID (si, NID_id_smime_aa_timeStampToken, -1);
  ASN1_TYPE *value = index >= 0 ? X509_ATTRIBUTE_get0_type (CMS_unsigned_get_attr (si, index), 0) : NULL;
  ASN1_OCTET_STRING *signed_value = CMS_SignerInfo_get0_signature (si);
  g_autoptr(CMS_ContentInfo) token = NULL;
  g_autoptr(BIO) out = NULL;
  const unsigned char *p;
  const guint8 *content = NULL;
  long content_length;
  g_autoptr(TS_TST_INFO) info = NULL;
  TS_MSG_IMPRINT *imprint;
  ASN1_OCTET_STRING *message;
  const EVP_MD *md;
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_length = 0;

  if (value == NULL || value->type != V_ASN1_SEQUENCE || signed_value == NULL)
    return NULL;
  p = ASN1_STRING_get0_data (value->value.sequence);
  token = d2i_CMS_ContentInfo (NULL, &p, ASN1_STRING_length (value->value.sequence));
  if (token == NULL || OBJ_obj2nid (CMS_get0_eContentType (token)) != NID_id_smime_ct_TSTInfo
      || (out = BIO_new (BIO_s_mem ())) == NULL
      || CMS_verify (token, NULL, NULL, NULL, out, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1)
    return NULL;
  content_length = BIO_get_mem_data (out, (char **) &content);
  p = content;
  info = content != NULL && content_length > 0 ? d2i_TS_TST_INFO (NULL, &p, content_length) : NULL;
  imprint = info != NULL ? TS_TST_INFO_get_msg_imprint (info) : NULL;
  message = imprint != NULL ? TS_MSG_IMPRINT_get_msg (imprint) : NULL;
  md = imprint != NULL ? digest_of_algorithm (TS_MSG_IMPRINT_get_algo (imprint)) : NULL;
  if (message == NULL || md == NULL
      || EVP_Digest (ASN1_STRING_get0_data (signed_value), ASN1_STRING_length (signed_value),
                     digest, &digest_length, md, NULL) != 1
      || (guint) ASN1_STRING_length (message) != digest_length
      || memcmp (ASN1_STRING_get0_data (message), digest, digest_length) != 0)
    return NULL;
  return par_asn1_time_to_date_time (TS_TST_INFO_get_time (info));
}

/* When the signature was made: a time stamp token's time, else the
 * signing time the signer put in the signed attributes, else the /M of the
 * dictionary; NULL if none. */
static GDateTime *
signing_time_of (CMS_SignerInfo *si,
                 GDateTime      *dictionary_time)
{
  GDateTime *signing_time = signature_stamp_time (si);
  int index = CMS_signed_get_attr_by_NID (si, NID_pkcs9_signingTime, -1);

  if (signing_time == NULL && index >= 0)
    {
      ASN1_TYPE *value = X509_ATTRIBUTE_get0_type (CMS_signed_get_attr (si, index), 0);

      if (value != NULL && (value->type == V_ASN1_UTCTIME || value->type == V_ASN1_GENERALIZEDTIME))
        signing_time = par_asn1_time_to_date_time (value->value.utctime);
    }
  if (signing_time == NULL && dictionary_time != NULL)
    signing_time = g_date_time_ref (dictionary_time);
  return signing_time;
}

/* Whether the signed bytes are unchanged and the signature sound, checked
 * the way the CMS allows: with its content, its signed attributes, or
 * neither. */
static ParSignatureVerdict
verify_signer (CMS_ContentInfo  *cms,
               CMS_SignerInfo   *si,
               EVP_PKEY         *key,
               const EVP_MD     *md,
               const guint8     *data,
               const ByteRange  *range,
               GDateTime       **stamp_time)
{
  ASN1_OCTET_STRING **content = CMS_get0_content (cms);

  if (content != NULL && *content != NULL)
    return verify_with_content (cms, md, data, range, stamp_time);
  if (CMS_signed_get_attr_count (si) > 0)
    {
      ASN1_OCTET_STRING *expected = CMS_signed_get0_data_by_OBJ (si, OBJ_nid2obj (NID_pkcs9_messageDigest),
                                                                 -3, V_ASN1_OCTET_STRING);
      gboolean matches = FALSE;

      /* The signature over the signed attributes first: if that fails the
       * signature is broken whatever the bytes are. */
      if (CMS_SignerInfo_verify (si) == 1 && expected != NULL
          && digest_matches (md, data, range, ASN1_STRING_get0_data (expected),
                             ASN1_STRING_length (expected), &matches))
        return matches ? PAR_SIGNATURE_VALID : PAR_SIGNATURE_MODIFIED;
      return PAR_SIGNATURE_INVALID;
    }
  return verify_without_attributes (si, key, md, data, range);
}

/* The signer's certificate and then the others @cms carries, DER one
 * after another: what the trust list judges later. */
static GBytes *
carried_certificates (CMS_ContentInfo *cms,
                      X509            *signer)
{
  g_autoptr(ParX509Stack) certs = CMS_get1_certs (cms);
  g_autoptr(GByteArray) out = g_byte_array_new ();

  for (int i = -1; i < (certs != NULL ? sk_X509_num (certs) : 0); i++)
    {
      X509 *cert = i < 0 ? signer : sk_X509_value (certs, i);
      unsigned char *der = NULL;
      int length;

      if (i >= 0 && X509_cmp (cert, signer) == 0)
        continue;
      length = i2d_X509 (cert, &der);
      if (length > 0)
        g_byte_array_append (out, der, length);
      OPENSSL_free (der);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
set_signing_time (ParPdfSignature *signature,
                  GDateTime       *signing_time)
{
  if (signing_time == NULL)
    return;
  g_free (signature->signing_time);
  signature->signing_time = par_pdf_format_date_time (signing_time);
}

/* Checks the CMS in @der against the ranges of @range and fills in
 * @signature: signer, time, status and the certificates it carries. */
void
par_pdf_verify_cms (ParPdfSignature *signature,
                    const guint8    *der,
                    gsize            der_length,
                    const guint8    *data,
                    const ByteRange *range,
                    GDateTime       *dictionary_time)
{
  const unsigned char *p = der;
  g_autoptr(CMS_ContentInfo) cms = NULL;
  g_autoptr(GDateTime) signing_time = NULL;
  g_autoptr(GDateTime) stamp_time = NULL;
  STACK_OF (CMS_SignerInfo) *signers;
  CMS_SignerInfo *si;
  EVP_PKEY *key = NULL;
  X509 *cert = NULL;
  X509_ALGOR *digest_algorithm = NULL;
  const EVP_MD *md;

  signature->status = PAR_SIGNATURE_INVALID;
  if (der_length > G_MAXLONG)
    return;
  cms = d2i_CMS_ContentInfo (NULL, &p, (long) der_length);
  if (cms == NULL || OBJ_obj2nid (CMS_get0_type (cms)) != NID_pkcs7_signed)
    return;
  signers = CMS_get0_SignerInfos (cms);
  if (signers == NULL || sk_CMS_SignerInfo_num (signers) < 1)
    return;
  si = sk_CMS_SignerInfo_value (signers, 0);

  /* Matches the signer info with its certificate, which sets its key. */
  CMS_set1_signers_certs (cms, NULL, 0);
  CMS_SignerInfo_get0_algs (si, &key, &cert, &digest_algorithm, NULL);
  md = digest_of_algorithm (digest_algorithm);
  signing_time = signing_time_of (si, dictionary_time);

  if (cert == NULL)
    {
      set_signing_time (signature, signing_time);
      return;
    }
  g_free (signature->signer);
  signature->signer = par_x509_name_text (X509_get_subject_name (cert));
  signature->status = verify_signer (cms, si, key, md, data, range, &stamp_time);
  g_clear_pointer (&signature->certificates, g_bytes_unref);
  signature->certificates = carried_certificates (cms, cert);
  set_signing_time (signature, signing_time != NULL ? signing_time : stamp_time);
}
