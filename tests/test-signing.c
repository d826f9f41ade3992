/* test-signing.c: certificates, revocation lists and signed PDFs made at test time with libcrypto
 *
 * The signatures are laid out in every way the checker must read (see
 * TestSignSpec), with the signing time and the certificates they carry
 * chosen by the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* timegm */

#include <cairo-pdf.h>
#include <string.h>
#include <time.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "test-signing.h"

/* Room for the CMS in the signature dictionaries, in bytes. */
#define CONTENTS_SIZE TEST_SIGN_CONTENTS_SIZE

/* A PDF of one page with some Vietnamese text, drawn with cairo. */
static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
test_draw_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 13);
  cairo_move_to (cr, 60, 80);
  cairo_show_text (cr, "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN");
  cairo_move_to (cr, 220, 160);
  cairo_show_text (cr, "QUYẾT ĐỊNH");
  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to (cr, 60, 200);
  cairo_show_text (cr, "Ban hành Quy chế phối hợp thực hiện công tác cải cách hành chính");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* Certificates ----------------------------------------------------------- */

static void
add_extension (X509       *cert,
               X509V3_CTX *ctx,
               int         nid,
               const char *value)
{
  X509_EXTENSION *extension = X509V3_EXT_conf_nid (NULL, ctx, nid, value);

  g_assert_nonnull (extension);
  g_assert_cmpint (X509_add_ext (cert, extension, -1), ==, 1);
  X509_EXTENSION_free (extension);
}

/* A certificate for @key named @cn, issued by @issuer (itself if NULL),
 * valid from @not_before to @not_after (from yesterday for a year if NULL). */
X509 *
test_make_certificate (const char *cn,
                       EVP_PKEY   *key,
                       X509       *issuer,
                       EVP_PKEY   *issuer_key,
                       gboolean    ca,
                       const char *extended_usage,
                       const char *not_before,
                       const char *not_after)
{
  static long serial = 1000;
  X509 *cert = X509_new ();
  X509_NAME *name = X509_NAME_new ();
  X509V3_CTX ctx;

  g_assert_cmpint (X509_set_version (cert, X509_VERSION_3), ==, 1);
  ASN1_INTEGER_set (X509_get_serialNumber (cert), serial++);
  X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_UTF8, (const unsigned char *) cn, -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "O", MBSTRING_UTF8, (const unsigned char *) "UBND Tỉnh Phú Yên", -1, -1, 0);
  X509_set_subject_name (cert, name);
  X509_set_issuer_name (cert, issuer != NULL ? X509_get_subject_name (issuer) : name);
  X509_NAME_free (name);
  if (not_before != NULL)
    g_assert_cmpint (ASN1_TIME_set_string_X509 (X509_getm_notBefore (cert), not_before), ==, 1);
  else
    X509_gmtime_adj (X509_getm_notBefore (cert), -24 * 3600);
  if (not_after != NULL)
    g_assert_cmpint (ASN1_TIME_set_string_X509 (X509_getm_notAfter (cert), not_after), ==, 1);
  else
    X509_gmtime_adj (X509_getm_notAfter (cert), 365 * 24 * 3600);
  X509_set_pubkey (cert, key);

  X509V3_set_ctx (&ctx, issuer != NULL ? issuer : cert, cert, NULL, NULL, 0);
  add_extension (cert, &ctx, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
  add_extension (cert, &ctx, NID_subject_key_identifier, "hash");
  if (ca)
    add_extension (cert, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
  else
    add_extension (cert, &ctx, NID_key_usage, "critical,digitalSignature,nonRepudiation");
  if (extended_usage != NULL)
    add_extension (cert, &ctx, NID_ext_key_usage, extended_usage);
  g_assert_cmpint (X509_sign (cert, issuer_key != NULL ? issuer_key : key, EVP_sha256 ()), >, 0);
  return cert;
}

/* A revocation list of @issuer listing @serials (NULL-terminated), each
 * revoked at @revoked_at, issued at @this_update. */
X509_CRL *
test_make_crl (X509        *issuer,
               EVP_PKEY    *issuer_key,
               const long  *serials,
               const char  *revoked_at,
               const char  *this_update)
{
  X509_CRL *crl = X509_CRL_new ();
  ASN1_TIME *when = ASN1_TIME_new ();

  g_assert_cmpint (X509_CRL_set_version (crl, X509_CRL_VERSION_2), ==, 1);
  g_assert_cmpint (X509_CRL_set_issuer_name (crl, X509_get_subject_name (issuer)), ==, 1);
  g_assert_cmpint (ASN1_TIME_set_string_X509 (when, this_update), ==, 1);
  g_assert_cmpint (X509_CRL_set1_lastUpdate (crl, when), ==, 1);
  for (guint i = 0; serials[i] != 0; i++)
    {
      X509_REVOKED *entry = X509_REVOKED_new ();
      ASN1_INTEGER *serial = ASN1_INTEGER_new ();
      ASN1_TIME *date = ASN1_TIME_new ();

      ASN1_INTEGER_set (serial, serials[i]);
      g_assert_cmpint (ASN1_TIME_set_string_X509 (date, revoked_at), ==, 1);
      X509_REVOKED_set_serialNumber (entry, serial);
      X509_REVOKED_set_revocationDate (entry, date);
      g_assert_cmpint (X509_CRL_add0_revoked (crl, entry), ==, 1);
      ASN1_INTEGER_free (serial);
      ASN1_TIME_free (date);
    }
  X509_CRL_sort (crl);
  g_assert_cmpint (X509_CRL_sign (crl, issuer_key, EVP_sha256 ()), >, 0);
  ASN1_TIME_free (when);
  return crl;
}

/* Signing ---------------------------------------------------------------- */



static ASN1_INTEGER *
fixed_serial (TS_RESP_CTX *ctx,
              void        *data)
{
  static long serial = 1;
  ASN1_INTEGER *number = ASN1_INTEGER_new ();

  ASN1_INTEGER_set (number, serial++);
  return number;
}

static int
fixed_time (TS_RESP_CTX *ctx,
            void        *data,
            long        *seconds,
            long        *microseconds)
{
  ASN1_TIME *when = ASN1_TIME_new ();
  struct tm tm = { 0 };

  g_assert_cmpint (ASN1_TIME_set_string_X509 (when, data), ==, 1);
  g_assert_cmpint (ASN1_TIME_to_tm (when, &tm), ==, 1);
  ASN1_TIME_free (when);
  *seconds = (long) timegm (&tm);
  *microseconds = 0;
  return 1;
}

/* An RFC 3161 token of @spec's time stamping authority over @digest, at
 * @spec->stamp_time (now if NULL). */
static guint8 *
time_stamp_token (const TestSignSpec *spec,
                  const guint8       *digest,
                  guint               digest_length,
                  int                *der_length)
{
  TS_RESP_CTX *ctx = TS_RESP_CTX_new ();
  TS_REQ *request = TS_REQ_new ();
  TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new ();
  X509_ALGOR *algorithm = X509_ALGOR_new ();
  ASN1_OBJECT *policy = OBJ_txt2obj ("1.2.3.4.1", 1);
  BIO *bio = BIO_new (BIO_s_mem ());
  TS_RESP *response;
  unsigned char *der = NULL;
  guint8 *copy;

  X509_ALGOR_set0 (algorithm, OBJ_nid2obj (NID_sha256), V_ASN1_NULL, NULL);
  TS_MSG_IMPRINT_set_algo (imprint, algorithm);
  TS_MSG_IMPRINT_set_msg (imprint, (unsigned char *) digest, digest_length);
  TS_REQ_set_version (request, 1);
  TS_REQ_set_msg_imprint (request, imprint);
  TS_REQ_set_cert_req (request, 1);
  g_assert_cmpint (i2d_TS_REQ_bio (bio, request), ==, 1);

  g_assert_nonnull (spec->tsa);
  g_assert_cmpint (TS_RESP_CTX_set_signer_cert (ctx, spec->tsa), ==, 1);
  g_assert_cmpint (TS_RESP_CTX_set_signer_key (ctx, spec->tsa_key), ==, 1);
  TS_RESP_CTX_set_serial_cb (ctx, fixed_serial, NULL);
  if (spec->stamp_time != NULL)
    TS_RESP_CTX_set_time_cb (ctx, fixed_time, (void *) spec->stamp_time);
  g_assert_cmpint (TS_RESP_CTX_set_def_policy (ctx, policy), ==, 1);
  g_assert_cmpint (TS_RESP_CTX_add_md (ctx, EVP_sha256 ()), ==, 1);
  response = TS_RESP_create_response (ctx, bio);
  g_assert_nonnull (response);
  g_assert_nonnull (TS_RESP_get_token (response));
  *der_length = i2d_PKCS7 (TS_RESP_get_token (response), &der);
  g_assert_cmpint (*der_length, >, 0);
  copy = g_memdup2 (der, *der_length);

  OPENSSL_free (der);
  TS_RESP_free (response);
  BIO_free (bio);
  ASN1_OBJECT_free (policy);
  X509_ALGOR_free (algorithm);
  TS_MSG_IMPRINT_free (imprint);
  TS_REQ_free (request);
  TS_RESP_CTX_free (ctx);
  return copy;
}

/* Adds a time stamp token over @si's signature value to its unsigned
 * attributes, as signing software does for long-term validation. */
static void
add_signature_stamp (const TestSignSpec *spec,
                     CMS_SignerInfo     *si)
{
  ASN1_OCTET_STRING *value = CMS_SignerInfo_get0_signature (si);
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_length = 0;
  g_autofree guint8 *token = NULL;
  int token_length = 0;

  g_assert_cmpint (EVP_Digest (ASN1_STRING_get0_data (value), ASN1_STRING_length (value), digest, &digest_length,
                               EVP_sha256 (), NULL), ==, 1);
  token = time_stamp_token (spec, digest, digest_length, &token_length);
  g_assert_cmpint (CMS_unsigned_add1_attr_by_NID (si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                                  token, token_length), ==, 1);
}

/* The DER of the signature of @spec over @content. */
static guint8 *
sign_content (const TestSignSpec *spec,
              const guint8   *content,
              gsize           length,
              int            *der_length)
{
  const EVP_MD *md = spec->md != NULL ? spec->md : EVP_sha256 ();
  unsigned int flags = CMS_BINARY | CMS_PARTIAL | spec->cms_flags;
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_length = 0;
  CMS_ContentInfo *cms;
  CMS_SignerInfo *si;
  BIO *in;
  unsigned char *der = NULL;
  guint8 *copy;

  if (spec->mode == TEST_SIGN_TIMESTAMP)
    {
      g_assert_cmpint (EVP_Digest (content, length, digest, &digest_length, EVP_sha256 (), NULL), ==, 1);
      return time_stamp_token (spec, digest, digest_length, der_length);
    }
  if (spec->mode == TEST_SIGN_SHA1)
    {
      g_assert_cmpint (EVP_Digest (content, length, digest, &digest_length, EVP_sha1 (), NULL), ==, 1);
      in = BIO_new_mem_buf (digest, digest_length);
    }
  else
    {
      flags |= CMS_DETACHED;
      in = BIO_new_mem_buf (content, length);
    }
  cms = CMS_sign (NULL, NULL, NULL, NULL, flags);
  g_assert_nonnull (cms);
  si = CMS_add1_signer (cms, spec->cert, spec->key, md, flags);
  g_assert_nonnull (si);
  if (spec->signing_time != NULL)
    {
      ASN1_TIME *when = ASN1_TIME_new ();

      g_assert_cmpint (ASN1_TIME_set_string_X509 (when, spec->signing_time), ==, 1);
      g_assert_cmpint (CMS_signed_add1_attr_by_NID (si, NID_pkcs9_signingTime, when->type, when, -1), ==, 1);
      ASN1_TIME_free (when);
    }
  for (guint i = 0; i < G_N_ELEMENTS (spec->extra) && spec->extra[i] != NULL; i++)
    g_assert_cmpint (CMS_add1_cert (cms, spec->extra[i]), ==, 1);
  g_assert_cmpint (CMS_final (cms, in, NULL, flags), ==, 1);
  if (spec->stamp_signature)
    add_signature_stamp (spec, si);
  *der_length = i2d_CMS_ContentInfo (cms, &der);
  g_assert_cmpint (*der_length, >, 0);
  copy = g_memdup2 (der, *der_length);
  OPENSSL_free (der);
  BIO_free (in);
  CMS_ContentInfo_free (cms);
  return copy;
}

char *
test_byte_range_text (const TestSignSpec *spec,
                      guint64             a,
                      guint64             b,
                      guint64             c,
                      guint64             d)
{
  const char *s = spec->space != NULL ? spec->space : " ";

  /* Fixed widths, so that the real numbers fit where the zeros were. */
  return g_strdup_printf ("/ByteRange%s[%" G_GUINT64_FORMAT "%s%-12" G_GUINT64_FORMAT "%s%-12" G_GUINT64_FORMAT
                          "%s%-12" G_GUINT64_FORMAT "%s]", s, a, s, b, s, c, s, d, s);
}

/* @pdf with an incremental update that holds a signature dictionary as
 * @spec says, signed over everything but its /Contents. */
GBytes *
test_sign_pdf (GBytes             *pdf,
               const TestSignSpec *spec)
{
  static guint object = 90;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *zeros = g_strnfill (CONTENTS_SIZE * 2, '0');
  g_autofree char *range = NULL;
  g_autofree char *head = NULL;
  g_autofree guint8 *signed_bytes = NULL;
  g_autofree guint8 *der = NULL;
  const char *sub_filter;
  gsize pdf_length = 0;
  const guint8 *pdf_data = g_bytes_get_data (pdf, &pdf_length);
  gsize b, c, d, range_at = 0;
  int der_length = 0;

  switch (spec->mode)
    {
    case TEST_SIGN_SHA1:
      sub_filter = "adbe.pkcs7.sha1";
      break;
    case TEST_SIGN_TIMESTAMP:
      sub_filter = "ETSI.RFC3161";
      break;
    case TEST_SIGN_DETACHED:
    default:
      sub_filter = "adbe.pkcs7.detached";
      break;
    }
  head = g_strdup_printf ("\n%u 0 obj\n<< /Type /%s /Filter /Adobe.PPKLite /SubFilter /%s ",
                          object++, spec->mode == TEST_SIGN_TIMESTAMP ? "DocTimeStamp" : "Sig", sub_filter);
  g_string_append_len (text, (const char *) pdf_data, pdf_length);
  g_string_append (text, head);
  if (spec->date != NULL)
    g_string_append_printf (text, "/M (%s) ", spec->date);

  range = test_byte_range_text (spec, 0, 0, 0, 0);
  if (!spec->contents_first)
    {
      range_at = text->len;
      g_string_append (text, range);
      g_string_append (text, spec->space != NULL ? spec->space : " ");
    }
  g_string_append (text, "/Contents");
  g_string_append (text, spec->space != NULL ? spec->space : " ");
  b = text->len;
  g_string_append_printf (text, "<%s>", zeros);
  c = text->len;
  if (spec->contents_first)
    {
      g_string_append (text, spec->space != NULL ? spec->space : " ");
      range_at = text->len;
      g_string_append (text, range);
    }
  g_string_append (text, " /Reason (Ban chinh ky so) >>\nendobj\n%%EOF\n");
  d = text->len - c;

  g_clear_pointer (&range, g_free);
  range = test_byte_range_text (spec, 0, b, c, d);
  memcpy (text->str + range_at, range, strlen (range));

  signed_bytes = g_malloc (b + d);
  memcpy (signed_bytes, text->str, b);
  memcpy (signed_bytes + b, text->str + c, d);
  der = sign_content (spec, signed_bytes, b + d, &der_length);
  g_assert_cmpint (der_length, <=, CONTENTS_SIZE);
  for (int i = 0; i < der_length; i++)
    {
      char hex[3];

      g_snprintf (hex, sizeof hex, spec->upper_hex ? "%02X" : "%02x", der[i]);
      memcpy (text->str + b + 1 + 2 * i, hex, 2);
    }
  return g_bytes_new (text->str, text->len);
}

