/* test-pki.c: certificates and signed PDFs made with libcrypto, for the tests of trust
 *
 * A test certificate authority ("Cục Chứng thực số thử nghiệm"), a
 * signer's certificate it issued, and the same signer's self-signed one;
 * a PDF drawn with cairo and signed with an incremental update as
 * signing software does (adbe.pkcs7.detached, SHA-256), the authority's
 * certificate carried in the CMS as national signing tokens do. Nothing
 * here is trusted by the machine, so the file's trust list decides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "test-pki.h"

#define CONTENTS_SIZE 8192

struct _TestPki
{
  EVP_PKEY *ca_key;
  X509     *ca;
  EVP_PKEY *key;
  X509     *leaf;
  X509     *self_signed;
};

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
 * valid from 2020 to 2045. */
static X509 *
make_certificate (const char *cn,
                  EVP_PKEY   *key,
                  X509       *issuer,
                  EVP_PKEY   *issuer_key,
                  gboolean    ca)
{
  static long serial = 1;
  X509 *cert = X509_new ();
  X509_NAME *name = X509_NAME_new ();
  X509V3_CTX ctx;

  g_assert_cmpint (X509_set_version (cert, X509_VERSION_3), ==, 1);
  ASN1_INTEGER_set (X509_get_serialNumber (cert), serial++);
  X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_UTF8, (const unsigned char *) cn, -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "O", MBSTRING_UTF8, (const unsigned char *) "UBND Tỉnh Phú Yên", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "C", MBSTRING_UTF8, (const unsigned char *) "VN", -1, -1, 0);
  X509_set_subject_name (cert, name);
  X509_set_issuer_name (cert, issuer != NULL ? X509_get_subject_name (issuer) : name);
  X509_NAME_free (name);
  g_assert_cmpint (ASN1_TIME_set_string_X509 (X509_getm_notBefore (cert), "20200101000000Z"), ==, 1);
  g_assert_cmpint (ASN1_TIME_set_string_X509 (X509_getm_notAfter (cert), "20451231000000Z"), ==, 1);
  X509_set_pubkey (cert, key);
  X509V3_set_ctx (&ctx, issuer != NULL ? issuer : cert, cert, NULL, NULL, 0);
  add_extension (cert, &ctx, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
  add_extension (cert, &ctx, NID_subject_key_identifier, "hash");
  if (issuer != NULL)
    add_extension (cert, &ctx, NID_authority_key_identifier, "keyid:always");
  add_extension (cert, &ctx, NID_key_usage,
                 ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,nonRepudiation");
  g_assert_cmpint (X509_sign (cert, issuer_key != NULL ? issuer_key : key, EVP_sha256 ()), >, 0);
  return cert;
}

TestPki *
test_pki_new (void)
{
  TestPki *pki = g_new0 (TestPki, 1);

  pki->ca_key = EVP_RSA_gen (2048);
  pki->key = EVP_RSA_gen (2048);
  g_assert_nonnull (pki->ca_key);
  g_assert_nonnull (pki->key);
  pki->ca = make_certificate ("Cục Chứng thực số thử nghiệm", pki->ca_key, NULL, NULL, TRUE);
  pki->leaf = make_certificate ("Nguyễn Văn An", pki->key, pki->ca, pki->ca_key, FALSE);
  pki->self_signed = make_certificate ("Nguyễn Văn An", pki->key, NULL, NULL, FALSE);
  return pki;
}

void
test_pki_free (TestPki *pki)
{
  X509_free (pki->ca);
  X509_free (pki->leaf);
  X509_free (pki->self_signed);
  EVP_PKEY_free (pki->ca_key);
  EVP_PKEY_free (pki->key);
  g_free (pki);
}

static GBytes *
der_of (X509 *cert)
{
  unsigned char *der = NULL;
  int length = i2d_X509 (cert, &der);
  GBytes *bytes;

  g_assert_cmpint (length, >, 0);
  bytes = g_bytes_new (der, length);
  OPENSSL_free (der);
  return bytes;
}

GBytes *
test_pki_get_ca_der (TestPki *pki)
{
  return der_of (pki->ca);
}

GBytes *
test_pki_get_leaf_der (TestPki *pki)
{
  return der_of (pki->leaf);
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

static cairo_status_t
append_to (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page decision titled @title. */
GBytes *
test_draw_pdf (const char *title)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 13);
  cairo_move_to (cr, 60, 80);
  cairo_show_text (cr, "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN");
  cairo_move_to (cr, 220, 160);
  cairo_show_text (cr, title);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* The detached CMS signature of @content, with the authority's
 * certificate unless the signer signs as itself. */
static guint8 *
sign_content (TestPki      *pki,
              gboolean      self_signed,
              const guint8 *content,
              gsize         length,
              int          *der_length)
{
  unsigned int flags = CMS_BINARY | CMS_PARTIAL | CMS_DETACHED;
  BIO *in = BIO_new_mem_buf (content, length);
  CMS_ContentInfo *cms = CMS_sign (NULL, NULL, NULL, NULL, flags);
  unsigned char *der = NULL;
  guint8 *copy;

  g_assert_nonnull (cms);
  g_assert_nonnull (CMS_add1_signer (cms, self_signed ? pki->self_signed : pki->leaf, pki->key, EVP_sha256 (),
                                     flags));
  if (!self_signed)
    g_assert_cmpint (CMS_add1_cert (cms, pki->ca), ==, 1);
  g_assert_cmpint (CMS_final (cms, in, NULL, flags), ==, 1);
  *der_length = i2d_CMS_ContentInfo (cms, &der);
  g_assert_cmpint (*der_length, >, 0);
  g_assert_cmpint (*der_length, <=, CONTENTS_SIZE);
  copy = g_memdup2 (der, (guint) *der_length);
  OPENSSL_free (der);
  BIO_free (in);
  CMS_ContentInfo_free (cms);
  return copy;
}

/* @pdf with an incremental update holding a signature over everything
 * but its /Contents, signed on 15 March 2024. */
GBytes *
test_pki_sign_pdf (TestPki  *pki,
                   GBytes   *pdf,
                   gboolean  self_signed)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *zeros = g_strnfill (CONTENTS_SIZE * 2, '0');
  g_autofree char *range = NULL;
  g_autofree guint8 *signed_bytes = NULL;
  g_autofree guint8 *der = NULL;
  gsize pdf_length = 0;
  const guint8 *pdf_data = g_bytes_get_data (pdf, &pdf_length);
  gsize b, c, d, range_at;
  int der_length = 0;

  g_string_append_len (text, (const char *) pdf_data, pdf_length);
  g_string_append (text, "\n90 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
                         "/M (D:20240315103000+07'00') ");
  range_at = text->len;
  g_string_append_printf (text, "/ByteRange [0 %-12d %-12d %-12d] ", 0, 0, 0);
  g_string_append (text, "/Contents ");
  b = text->len;
  g_string_append_printf (text, "<%s>", zeros);
  c = text->len;
  g_string_append (text, " /Reason (Ban chinh ky so) >>\nendobj\n%%EOF\n");
  d = text->len - c;
  range = g_strdup_printf ("/ByteRange [0 %-12" G_GSIZE_FORMAT " %-12" G_GSIZE_FORMAT " %-12" G_GSIZE_FORMAT "]",
                           b, c, d);
  memcpy (text->str + range_at, range, strlen (range));

  signed_bytes = g_malloc (b + d);
  memcpy (signed_bytes, text->str, b);
  memcpy (signed_bytes + b, text->str + c, d);
  der = sign_content (pki, self_signed, signed_bytes, b + d, &der_length);
  for (int i = 0; i < der_length; i++)
    {
      char hex[3];

      g_snprintf (hex, sizeof hex, "%02x", der[i]);
      memcpy (text->str + b + 1 + 2 * i, hex, 2);
    }
  return g_bytes_new (text->str, text->len);
}
