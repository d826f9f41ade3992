/* test-pdf-signature.c: the offline check of PDF signatures
 *
 * The fixtures are made at test time: a PDF drawn with cairo, signed by
 * pdfsig with a self-signed certificate (as the acceptance script does) when
 * poppler-utils, NSS tools and openssl are there, and signed here with
 * libcrypto in several layouts (which needs nothing else).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "par-pdf-signature.h"
#include "test-signing.h"
#include "test-util.h"

#define SIGNER "Nguyễn Văn A"
#define ISO_8601 "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)$"

/* Room for the CMS in the synthetic signature dictionaries, in bytes. */
#define CONTENTS_SIZE 8192

static char *work_dir;

/* Helpers ---------------------------------------------------------------- */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static char *
write_bytes (const char *name,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static GPtrArray *
check_data (const void          *data,
            gsize                length,
            ParSignatureVerdict *verdict)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *signatures = par_pdf_signatures_check (data, length, verdict, &error);

  g_assert_no_error (error);
  g_assert_nonnull (signatures);
  return signatures;
}

static GPtrArray *
check_bytes (GBytes              *bytes,
             ParSignatureVerdict *verdict)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return check_data (data, length, verdict);
}

static ParPdfSignature *
signature_at (GPtrArray *signatures,
              guint      index)
{
  g_assert_cmpuint (index, <, signatures->len);
  return g_ptr_array_index (signatures, index);
}

static void
assert_verdict (GPtrArray           *signatures,
                ParSignatureVerdict  verdict,
                ParSignatureVerdict  expected)
{
  g_assert_cmpstr (par_signature_verdict_to_string (verdict), ==, par_signature_verdict_to_string (expected));
}

/* The offset of the first @needle in @bytes, or -1. */
static gssize
find_bytes (GBytes     *bytes,
            const char *needle)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return i;
  return -1;
}

static GBytes *
with_byte_changed (GBytes *bytes,
                   gsize   offset,
                   guint8  value)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint8 *copy = g_memdup2 (data, length);

  g_assert_cmpuint (offset, <, length);
  copy[offset] = value;
  return g_bytes_new_take (copy, length);
}

static GBytes *
with_appended (GBytes     *bytes,
               const char *tail)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_byte_array_append (array, data, length);
  g_byte_array_append (array, (const guint8 *) tail, strlen (tail));
  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

/* Certificates and signing with libcrypto ------------------------------ */

typedef struct
{
  EVP_PKEY *ca_key;
  X509     *ca;            /* the test CA, made trusted through SSL_CERT_FILE */
  EVP_PKEY *rsa_key;
  X509     *self_signed;   /* CN=Nguyễn Văn A, issued by itself */
  X509     *leaf;          /* the same name and key, issued by the test CA */
  X509     *old_leaf;      /* issued by the test CA, valid in 2000 only */
  X509     *tsa;           /* a time stamping authority of the test CA */
  EVP_PKEY *ec_key;
  X509     *ec_leaf;       /* an EC key, issued by the test CA */
} Keys;

static Keys keys;

static void
make_keys (void)
{
  g_autofree char *ca_path = g_build_filename (work_dir, "test-ca.pem", NULL);
  FILE *file;

  keys.ca_key = EVP_RSA_gen (2048);
  keys.rsa_key = EVP_RSA_gen (2048);
  keys.ec_key = EVP_EC_gen ("P-256");
  g_assert_nonnull (keys.ca_key);
  g_assert_nonnull (keys.rsa_key);
  g_assert_nonnull (keys.ec_key);
  keys.ca = test_make_certificate ("PAR Desk Test CA", keys.ca_key, NULL, NULL, TRUE, NULL,
                              "19990101000000Z", "20500101000000Z");
  keys.self_signed = test_make_certificate (SIGNER, keys.rsa_key, NULL, NULL, FALSE, NULL, NULL, NULL);
  keys.leaf = test_make_certificate (SIGNER, keys.rsa_key, keys.ca, keys.ca_key, FALSE, NULL, NULL, NULL);
  keys.old_leaf = test_make_certificate ("Trần Thị B", keys.rsa_key, keys.ca, keys.ca_key, FALSE, NULL,
                                    "20000101000000Z", "20010101000000Z");
  keys.tsa = test_make_certificate ("Máy đóng dấu thời gian", keys.rsa_key, keys.ca, keys.ca_key, FALSE,
                               "critical,timeStamping", NULL, NULL);
  keys.ec_leaf = test_make_certificate ("Lê Văn C", keys.ec_key, keys.ca, keys.ca_key, FALSE, NULL, NULL, NULL);

  /* The checker trusts what OpenSSL's default paths hold; the test CA is
   * put there before the first check loads them. */
  file = g_fopen (ca_path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (PEM_write_X509 (file, keys.ca), ==, 1);
  fclose (file);
  g_setenv (X509_get_default_cert_file_env (), ca_path, TRUE);
}

static void
free_keys (void)
{
  X509_free (keys.ca);
  X509_free (keys.self_signed);
  X509_free (keys.leaf);
  X509_free (keys.old_leaf);
  X509_free (keys.tsa);
  X509_free (keys.ec_leaf);
  EVP_PKEY_free (keys.ca_key);
  EVP_PKEY_free (keys.rsa_key);
  EVP_PKEY_free (keys.ec_key);
}

static GBytes *
sign_simple (GBytes *pdf,
             X509   *cert)
{
  TestSignSpec spec = { .cert = cert, .key = keys.rsa_key, .date = "D:20240315103000+07'00'" };

  return test_sign_pdf (pdf, &spec);
}

/* Fixtures signed by pdfsig ------------------------------------------------ */

typedef struct
{
  gboolean  tried;
  char     *skip_reason;
  char     *nss_dir;
  GBytes   *signed_pdf;   /* signed once */
  GBytes   *twice;        /* signed, then signed again */
} PdfsigFixtures;

static PdfsigFixtures pdfsig;

static gboolean
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_out = NULL;
  g_autofree char *standard_error = NULL;
  int status = 0;

  if (!g_spawn_sync (work_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &standard_out, &standard_error, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }
  if (out != NULL)
    *out = g_strconcat (standard_out, standard_error, NULL);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s: %s\n%s%s", argv[0], error->message, standard_out, standard_error);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
pdfsig_sign (const char *in,
             const char *out)
{
  g_autofree char *in_path = g_build_filename (work_dir, in, NULL);
  g_autofree char *out_path = g_build_filename (work_dir, out, NULL);
  const char *argv[] = { "pdfsig", "-nssdir", pdfsig.nss_dir, "-add-signature", "-nick", "signer",
                         "-reason", "Ban chinh ky so", in_path, out_path, NULL };

  g_assert_true (run (argv, NULL));
  return read_bytes (out_path);
}

/* Makes the pdfsig fixtures once; FALSE (and the test skipped) if the
 * tools are not there. */
static gboolean
need_pdfsig (void)
{
  if (!pdfsig.tried)
    {
      const char *tools[] = { "pdfsig", "openssl", "certutil", "pk12util" };
      g_autofree char *help = NULL;
      g_autofree char *nss = g_build_filename (work_dir, "nss", NULL);
      g_autofree char *key = g_build_filename (work_dir, "signer-key.pem", NULL);
      g_autofree char *cert = g_build_filename (work_dir, "signer-cert.pem", NULL);
      g_autofree char *p12 = g_build_filename (work_dir, "signer.p12", NULL);
      g_autoptr(GBytes) drawn = NULL;
      g_autofree char *drawn_path = NULL;

      pdfsig.tried = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
        {
          g_autofree char *path = g_find_program_in_path (tools[i]);

          if (path == NULL)
            {
              pdfsig.skip_reason = g_strdup_printf ("%s is not installed (poppler-utils, libnss3-tools, openssl)", tools[i]);
              break;
            }
        }
      if (pdfsig.skip_reason == NULL)
        {
          const char *argv[] = { "pdfsig", "-h", NULL };

          run (argv, &help);
          if (help == NULL || strstr (help, "-add-signature") == NULL)
            pdfsig.skip_reason = g_strdup ("this pdfsig cannot add signatures (-add-signature)");
        }
      if (pdfsig.skip_reason == NULL)
        {
          const char *certutil[] = { "certutil", "-N", "-d", NULL, "--empty-password", NULL };
          const char *req[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                "-out", cert, "-days", "3650", "-utf8",
                                "-subj", "/CN=" SIGNER "/O=UBND Tỉnh Phú Yên", NULL };
          const char *export[] = { "openssl", "pkcs12", "-export", "-inkey", key, "-in", cert, "-out", p12,
                                   "-passout", "pass:", "-name", "signer", NULL };
          const char *import[] = { "pk12util", "-i", p12, "-d", NULL, "-W", "", NULL };

          pdfsig.nss_dir = g_strconcat ("sql:", nss, NULL);
          certutil[3] = import[4] = pdfsig.nss_dir;
          g_assert_cmpint (g_mkdir (nss, 0700), ==, 0);
          g_assert_true (run (certutil, NULL));
          g_assert_true (run (req, NULL));
          g_assert_true (run (export, NULL));
          g_assert_true (run (import, NULL));

          drawn = test_draw_pdf ();
          drawn_path = write_bytes ("unsigned.pdf", g_bytes_get_data (drawn, NULL), g_bytes_get_size (drawn));
          pdfsig.signed_pdf = pdfsig_sign ("unsigned.pdf", "signed.pdf");
          pdfsig.twice = pdfsig_sign ("signed.pdf", "twice.pdf");
        }
    }
  if (pdfsig.skip_reason != NULL)
    {
      g_test_skip (pdfsig.skip_reason);
      return FALSE;
    }
  return TRUE;
}

/* What pdfsig itself says of @bytes: "valid" if every signature is valid
 * and the whole document signed, "modified" if a digest does not match or
 * the document is not wholly signed, else "invalid". */
static const char *
pdfsig_verdict (GBytes     *bytes,
                const char *name)
{
  g_autofree char *path = write_bytes (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *out = NULL;
  g_auto(GStrv) parts = NULL;
  const char *argv[] = { "pdfsig", "-nssdir", pdfsig.nss_dir, path, NULL };
  const char *total;

  run (argv, &out);
  g_assert_nonnull (out);
  if (strstr (out, "Digest Mismatch") != NULL)
    return "modified";
  if (strstr (out, "Signature is Valid") == NULL)
    return "invalid";
  /* The last signature tells whether the whole document is signed. */
  parts = g_strsplit (out, "Signature #", -1);
  total = parts[g_strv_length (parts) - 1];
  return strstr (total, "Total document signed") != NULL ? "valid" : "modified";
}

/* Tests -------------------------------------------------------------------- */

static void
test_strings (void)
{
  g_assert_cmpstr (par_signature_verdict_to_string (PAR_SIGNATURE_NONE), ==, "none");
  g_assert_cmpstr (par_signature_verdict_to_string (PAR_SIGNATURE_VALID), ==, "valid");
  g_assert_cmpstr (par_signature_verdict_to_string (PAR_SIGNATURE_MODIFIED), ==, "modified");
  g_assert_cmpstr (par_signature_verdict_to_string (PAR_SIGNATURE_INVALID), ==, "invalid");
  g_assert_cmpstr (par_certificate_status_to_string (PAR_CERTIFICATE_TRUSTED), ==, "trusted");
  g_assert_cmpstr (par_certificate_status_to_string (PAR_CERTIFICATE_UNTRUSTED), ==, "untrusted");
  g_assert_cmpstr (par_certificate_status_to_string (PAR_CERTIFICATE_UNKNOWN), ==, "unknown");
  g_assert_cmpstr (par_certificate_status_to_string (PAR_CERTIFICATE_EXPIRED), ==, "expired");
  g_assert_cmpstr (par_certificate_status_to_string (PAR_CERTIFICATE_REVOKED), ==, "revoked");
  g_assert_cmpstr (par_signature_verdict_get_label (PAR_SIGNATURE_NONE), ==, "Not signed");
  g_assert_cmpstr (par_signature_verdict_get_label (PAR_SIGNATURE_VALID), ==, "Signed, unchanged");
  g_assert_cmpstr (par_signature_verdict_get_label (PAR_SIGNATURE_MODIFIED), ==, "Changed after signing");
  g_assert_cmpstr (par_signature_verdict_get_label (PAR_SIGNATURE_INVALID), ==, "Signature not valid");
}

static void
test_not_pdf (void)
{
  const char *inputs[] = { "", "not a pdf at all\n", "%PD", "\x89PNG\r\n\x1a\n" };
  ParSignatureVerdict verdict = PAR_SIGNATURE_VALID;
  g_autoptr(GPtrArray) signatures = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *none = par_pdf_signatures_check ((const guint8 *) inputs[i], strlen (inputs[i]), &verdict, &error);

      g_assert_null (none);
      g_assert_error (error, PAR_SIGNATURE_ERROR, PAR_SIGNATURE_ERROR_NOT_PDF);
      g_assert_cmpint (verdict, ==, PAR_SIGNATURE_NONE);
    }

  /* A header and nothing else is a PDF without signatures. */
  signatures = check_data ("%PDF-1.7\n", 9, &verdict);
  g_assert_cmpuint (signatures->len, ==, 0);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_NONE);
}

static void
test_unsigned (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GPtrArray) signatures = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_INVALID;

  signatures = check_bytes (pdf, &verdict);
  g_assert_cmpuint (signatures->len, ==, 0);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_NONE);
}

static void
test_pdfsig_signed (void)
{
  g_autoptr(GPtrArray) signatures = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;
  ParPdfSignature *signature;

  if (!need_pdfsig ())
    return;
  signatures = check_bytes (pdfsig.signed_pdf, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_VALID);
  signature = signature_at (signatures, 0);
  g_assert_cmpint (signature->status, ==, PAR_SIGNATURE_VALID);
  g_assert_cmpstr (signature->signer, ==, SIGNER);
  g_assert_true (g_regex_match_simple (ISO_8601, signature->signing_time, 0, 0));
  g_assert_cmpstr (par_certificate_status_to_string (signature->trust->status), ==, "untrusted");
  g_assert_cmpint (signature->signed_end, ==, (gint64) g_bytes_get_size (pdfsig.signed_pdf));
  g_assert_cmpstr (pdfsig_verdict (pdfsig.signed_pdf, "check-signed.pdf"), ==, "valid");
}

static void
test_pdfsig_tampered (void)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GBytes) tampered = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;
  gssize at;

  if (!need_pdfsig ())
    return;
  /* "cairo" (the producer) becomes "cairO", inside the first range. */
  at = find_bytes (pdfsig.signed_pdf, "cairo");
  g_assert_cmpint (at, >, 0);
  g_assert_cmpint (at, <, find_bytes (pdfsig.signed_pdf, "/Contents <"));
  tampered = with_byte_changed (pdfsig.signed_pdf, at + 4, 'O');

  signatures = check_bytes (tampered, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_MODIFIED);
  g_assert_cmpint (signature_at (signatures, 0)->status, ==, PAR_SIGNATURE_MODIFIED);
  g_assert_cmpstr (signature_at (signatures, 0)->signer, ==, SIGNER);
  g_assert_cmpstr (pdfsig_verdict (tampered, "check-tampered.pdf"), ==, "modified");
}

static void
test_pdfsig_appended (void)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GBytes) appended = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

  if (!need_pdfsig ())
    return;
  appended = with_appended (pdfsig.signed_pdf, "\n% appended after signing\n");
  signatures = check_bytes (appended, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_MODIFIED);
  /* The signature itself still holds for what it covers. */
  g_assert_cmpint (signature_at (signatures, 0)->status, ==, PAR_SIGNATURE_VALID);
  g_assert_cmpint (signature_at (signatures, 0)->signed_end, <, (gint64) g_bytes_get_size (appended));
  g_assert_cmpstr (pdfsig_verdict (appended, "check-appended.pdf"), ==, "modified");
}

static void
test_pdfsig_twice (void)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GBytes) appended = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

  if (!need_pdfsig ())
    return;
  signatures = check_bytes (pdfsig.twice, &verdict);
  g_assert_cmpuint (signatures->len, ==, 2);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_VALID);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (signature_at (signatures, i)->status, ==, PAR_SIGNATURE_VALID);
      g_assert_cmpstr (signature_at (signatures, i)->signer, ==, SIGNER);
    }
  /* In file order: the first covers the first revision only. */
  g_assert_cmpint (signature_at (signatures, 0)->signed_end, ==, (gint64) g_bytes_get_size (pdfsig.signed_pdf));
  g_assert_cmpint (signature_at (signatures, 1)->signed_end, ==, (gint64) g_bytes_get_size (pdfsig.twice));
  g_assert_cmpstr (pdfsig_verdict (pdfsig.twice, "check-twice.pdf"), ==, "valid");

  appended = with_appended (pdfsig.twice, "%%EOF\n");
  after = check_bytes (appended, &verdict);
  g_assert_cmpuint (after->len, ==, 2);
  assert_verdict (after, verdict, PAR_SIGNATURE_MODIFIED);
}

static void
test_pdfsig_garbage_contents (void)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GByteArray) garbage = g_byte_array_new ();
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;
  gssize at;

  if (!need_pdfsig ())
    return;
  at = find_bytes (pdfsig.signed_pdf, "/Contents <");
  g_assert_cmpint (at, >, 0);
  g_byte_array_append (garbage, g_bytes_get_data (pdfsig.signed_pdf, NULL), g_bytes_get_size (pdfsig.signed_pdf));
  /* Hex digits still, but not a CMS: "deadbeef..." over the first 400. */
  for (guint i = 0; i < 400; i++)
    garbage->data[at + strlen ("/Contents <") + i] = "deadbeef"[i % 8];

  signatures = check_data (garbage->data, garbage->len, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_INVALID);
  g_assert_cmpint (signature_at (signatures, 0)->status, ==, PAR_SIGNATURE_INVALID);

  /* Not hex at all. */
  garbage->data[at + strlen ("/Contents <") + 1] = 'z';
  g_clear_pointer (&signatures, g_ptr_array_unref);
  signatures = check_data (garbage->data, garbage->len, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_INVALID);
}

static void
test_pdfsig_truncated (void)
{
  g_autoptr(GPtrArray) signatures = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;
  gsize length;

  if (!need_pdfsig ())
    return;
  length = g_bytes_get_size (pdfsig.signed_pdf);
  /* The dictionary is still there, the end of its second range is not. */
  signatures = check_data (g_bytes_get_data (pdfsig.signed_pdf, NULL), length - 100, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_INVALID);
  g_assert_cmpint (signature_at (signatures, 0)->status, ==, PAR_SIGNATURE_INVALID);
}

static void
test_synthetic_layouts (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  const TestSignSpec specs[] = {
    { .cert = keys.self_signed, .key = keys.rsa_key },
    { .cert = keys.self_signed, .key = keys.rsa_key, .contents_first = TRUE },
    { .cert = keys.self_signed, .key = keys.rsa_key, .space = "\r\n  ", .upper_hex = TRUE },
    { .cert = keys.self_signed, .key = keys.rsa_key, .space = "\t", .contents_first = TRUE, .md = EVP_sha512 () },
    { .cert = keys.self_signed, .key = keys.rsa_key, .md = EVP_sha1 () },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &specs[i]);
      g_autoptr(GBytes) tampered = with_byte_changed (signed_pdf, 200, '\x01');
      g_autoptr(GPtrArray) signatures = NULL;
      ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

      g_test_message ("layout %u", i);
      signatures = check_bytes (signed_pdf, &verdict);
      g_assert_cmpuint (signatures->len, ==, 1);
      assert_verdict (signatures, verdict, PAR_SIGNATURE_VALID);
      g_assert_cmpstr (signature_at (signatures, 0)->signer, ==, SIGNER);
      g_assert_true (g_regex_match_simple (ISO_8601, signature_at (signatures, 0)->signing_time, 0, 0));
      g_assert_cmpint (signature_at (signatures, 0)->trust->status, ==, PAR_CERTIFICATE_UNTRUSTED);

      g_clear_pointer (&signatures, g_ptr_array_unref);
      signatures = check_bytes (tampered, &verdict);
      assert_verdict (signatures, verdict, PAR_SIGNATURE_MODIFIED);
    }
}

static void
test_synthetic_kinds (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  struct
  {
    TestSignSpec            spec;
    ParSignatureVerdict tampered;
  } kinds[] = {
    /* No signed attributes: the signature is over the digest itself, which
     * RSA gives back ... */
    { { .cert = keys.self_signed, .key = keys.rsa_key, .cms_flags = CMS_NOATTR, .date = "D:20240315103000+07'00'" },
      PAR_SIGNATURE_MODIFIED },
    /* An EC key. */
    { { .cert = keys.ec_leaf, .key = keys.ec_key, .md = EVP_sha384 () }, PAR_SIGNATURE_MODIFIED },
    /* ... and ECDSA does not: a change cannot be told from a bad signature. */
    { { .cert = keys.ec_leaf, .key = keys.ec_key, .cms_flags = CMS_NOATTR }, PAR_SIGNATURE_INVALID },
    /* adbe.pkcs7.sha1. */
    { { .mode = TEST_SIGN_SHA1, .cert = keys.self_signed, .key = keys.rsa_key }, PAR_SIGNATURE_MODIFIED },
    /* An RFC 3161 document time stamp. */
    { { .mode = TEST_SIGN_TIMESTAMP, .tsa = keys.tsa, .tsa_key = keys.rsa_key }, PAR_SIGNATURE_MODIFIED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &kinds[i].spec);
      g_autoptr(GBytes) tampered = with_byte_changed (signed_pdf, 200, '\x01');
      g_autoptr(GPtrArray) signatures = NULL;
      ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

      g_test_message ("kind %u", i);
      signatures = check_bytes (signed_pdf, &verdict);
      g_assert_cmpuint (signatures->len, ==, 1);
      assert_verdict (signatures, verdict, PAR_SIGNATURE_VALID);
      g_assert_cmpstr (signature_at (signatures, 0)->signer, !=, "");

      g_clear_pointer (&signatures, g_ptr_array_unref);
      signatures = check_bytes (tampered, &verdict);
      assert_verdict (signatures, verdict, kinds[i].tampered);
    }

  /* Without signed attributes the time is the /M date, with its offset. */
  {
    g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &kinds[0].spec);
    g_autoptr(GPtrArray) signatures = check_bytes (signed_pdf, NULL);

    g_assert_cmpstr (signature_at (signatures, 0)->signing_time, ==, "2024-03-15T10:30:00+07:00");
  }
  /* The time stamp's time is its genTime. */
  {
    g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &kinds[4].spec);
    g_autoptr(GPtrArray) signatures = check_bytes (signed_pdf, NULL);

    g_assert_cmpstr (signature_at (signatures, 0)->signer, ==, "Máy đóng dấu thời gian");
    g_assert_true (g_regex_match_simple (ISO_8601, signature_at (signatures, 0)->signing_time, 0, 0));
    g_assert_cmpint (signature_at (signatures, 0)->trust->status, ==, PAR_CERTIFICATE_TRUSTED);
  }
}

static void
test_synthetic_certificates (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  struct
  {
    TestSignSpec             spec;
    ParCertificateStatus certificate;
    ParSignatureVerdict  verdict;
  } cases[] = {
    /* Issued by the trusted CA, with or without the CA in the CMS. */
    { { .cert = keys.leaf, .key = keys.rsa_key }, PAR_CERTIFICATE_TRUSTED, PAR_SIGNATURE_VALID },
    { { .cert = keys.leaf, .key = keys.rsa_key, .extra = { keys.ca } }, PAR_CERTIFICATE_TRUSTED, PAR_SIGNATURE_VALID },
    /* Valid in 2000 only: trusted when the signing time is in 2000 ... */
    { { .cert = keys.old_leaf, .key = keys.rsa_key, .cms_flags = CMS_NOATTR, .date = "D:20000601120000Z" },
      PAR_CERTIFICATE_TRUSTED, PAR_SIGNATURE_VALID },
    /* ... and expired when it is today (the signingTime attribute). */
    { { .cert = keys.old_leaf, .key = keys.rsa_key }, PAR_CERTIFICATE_EXPIRED, PAR_SIGNATURE_VALID },
    /* Self-signed, not in the store. */
    { { .cert = keys.self_signed, .key = keys.rsa_key }, PAR_CERTIFICATE_UNTRUSTED, PAR_SIGNATURE_VALID },
    /* No certificate in the CMS: nothing can be checked offline. */
    { { .cert = keys.leaf, .key = keys.rsa_key, .cms_flags = CMS_NOCERTS }, PAR_CERTIFICATE_UNKNOWN, PAR_SIGNATURE_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &cases[i].spec);
      g_autoptr(GPtrArray) signatures = NULL;
      ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

      g_test_message ("certificate case %u", i);
      signatures = check_bytes (signed_pdf, &verdict);
      g_assert_cmpuint (signatures->len, ==, 1);
      assert_verdict (signatures, verdict, cases[i].verdict);
      g_assert_cmpstr (par_certificate_status_to_string (signature_at (signatures, 0)->trust->status), ==,
                       par_certificate_status_to_string (cases[i].certificate));
    }
}

static void
test_synthetic_twice (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) once = sign_simple (pdf, keys.self_signed);
  g_autoptr(GBytes) twice = sign_simple (once, keys.leaf);
  g_autoptr(GBytes) appended = with_appended (twice, "\n");
  g_autoptr(GBytes) first_changed = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

  signatures = check_bytes (twice, &verdict);
  g_assert_cmpuint (signatures->len, ==, 2);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_VALID);
  g_assert_cmpint (signature_at (signatures, 0)->trust->status, ==, PAR_CERTIFICATE_UNTRUSTED);
  g_assert_cmpint (signature_at (signatures, 1)->trust->status, ==, PAR_CERTIFICATE_TRUSTED);
  g_assert_cmpstr (signature_at (signatures, 0)->signing_time, !=, "");

  g_clear_pointer (&signatures, g_ptr_array_unref);
  signatures = check_bytes (appended, &verdict);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_MODIFIED);
  g_assert_cmpint (signature_at (signatures, 0)->status, ==, PAR_SIGNATURE_VALID);
  g_assert_cmpint (signature_at (signatures, 1)->status, ==, PAR_SIGNATURE_VALID);

  /* A change in the second revision only: the first signature holds, the
   * second does not. */
  first_changed = with_byte_changed (twice, g_bytes_get_size (twice) - 3, 'X');
  g_clear_pointer (&signatures, g_ptr_array_unref);
  signatures = check_bytes (first_changed, &verdict);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_MODIFIED);
  g_assert_cmpint (signature_at (signatures, 0)->status, ==, PAR_SIGNATURE_VALID);
  g_assert_cmpint (signature_at (signatures, 1)->status, ==, PAR_SIGNATURE_MODIFIED);
}

/* The signature value itself damaged: invalid, not modified. */
static void
test_synthetic_broken (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  TestSignSpec spec = { .cert = keys.self_signed, .key = keys.rsa_key };
  g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &spec);
  gssize contents = find_bytes (signed_pdf, "/Contents <");
  const guint8 *data = g_bytes_get_data (signed_pdf, NULL);
  gsize last = contents + strlen ("/Contents <") + CONTENTS_SIZE * 2;
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

  /* The last hex digit of the DER (the end of the RSA signature value),
   * before the padding zeros. */
  while (last > 0 && data[last - 1] == '0')
    last--;
  g_assert_cmpuint (last, >, (gsize) contents + 200);
  broken = with_byte_changed (signed_pdf, last - 3, data[last - 3] == 'a' ? 'b' : 'a');
  signatures = check_bytes (broken, &verdict);
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_verdict (signatures, verdict, PAR_SIGNATURE_INVALID);
  g_assert_cmpstr (signature_at (signatures, 0)->signer, ==, SIGNER);
}

/* ByteRanges that do not describe the gap of their /Contents. */
static void
test_synthetic_bad_ranges (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  TestSignSpec spec = { .cert = keys.self_signed, .key = keys.rsa_key };
  g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &spec);
  gssize at = find_bytes (signed_pdf, "/ByteRange [0 ");
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (signed_pdf, &length);
  g_autofree char *numbers = NULL;
  guint64 b = 0, c = 0, d = 0;
  struct
  {
    gint64 a, b, c, d;
  } changes[] = {
    { 1, 0, 0, 0 },     /* not from the start */
    { 0, 1, 0, 0 },     /* the gap does not start at "<" */
    { 0, 0, -1, 0 },    /* ... or does not end after ">" */
    { 0, 0, 0, 1 },     /* past the end of the file */
    { 0, -200, 0, 0 },  /* the gap is not the /Contents string */
  };

  g_assert_cmpint (at, >, 0);
  numbers = g_strndup ((const char *) data + at + strlen ("/ByteRange [0 "), 60);
  g_assert_cmpint (sscanf (numbers, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &b, &c, &d), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autofree char *range = test_byte_range_text (&spec, changes[i].a, b + changes[i].b,
                                                c + changes[i].c, d + changes[i].d);
      g_autoptr(GPtrArray) signatures = NULL;
      ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;

      g_test_message ("range change %u: %s", i, range);
      memcpy (copy + at, range, strlen (range));
      signatures = check_data (copy, length, &verdict);
      g_assert_cmpuint (signatures->len, ==, 1);
      assert_verdict (signatures, verdict, PAR_SIGNATURE_INVALID);
    }
}

/* Whether @offset is inside the /Contents string of a signature (not
 * covered by any signature: changing a padding zero changes nothing). */
static gboolean
in_a_gap (GBytes *bytes,
          gsize   offset)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  for (gsize i = 0; i + 11 <= length; i++)
    if (memcmp (data + i, "/Contents <", 11) == 0)
      {
        gsize start = i + 10, end = start;

        while (end < length && data[end] != '>')
          end++;
        if (offset >= start && offset <= end)
          return TRUE;
        i = end;
      }
  return FALSE;
}

/* Truncated and damaged copies of @signed_pdf: never a crash, never "valid"
 * when a signed byte changed or the file is cut (but at @revision_end, the
 * end of an earlier signed revision, if not 0). */
static void
fuzz (GBytes *signed_pdf,
      gsize   revision_end,
      guint   rounds)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (signed_pdf, &length);
  gssize contents = find_bytes (signed_pdf, "/Contents <");
  gsize gap_start = contents + strlen ("/Contents ");
  g_autofree guint8 *copy = g_malloc (length);

  g_assert_cmpint (contents, >, 300);
  for (guint i = 0; i < rounds; i++)
    {
      ParSignatureVerdict verdict = PAR_SIGNATURE_NONE;
      g_autoptr(GPtrArray) signatures = NULL;
      g_autoptr(GError) error = NULL;
      gsize cut = g_test_rand_int_range (0, length);
      gsize at = g_test_rand_int_range (0, length);
      guint8 flip = g_test_rand_int_range (1, 256);

      /* Truncated, often near the signature dictionary. */
      if (i % 2 == 0)
        cut = MIN (length, gap_start - 200 + g_test_rand_int_range (0, length - gap_start + 200));
      signatures = par_pdf_signatures_check (data, cut, &verdict, &error);
      g_assert_true ((signatures != NULL) != (error != NULL));
      if (signatures != NULL && cut < length && cut != revision_end)
        g_assert_cmpint (verdict, !=, PAR_SIGNATURE_VALID);
      g_clear_pointer (&signatures, g_ptr_array_unref);
      g_clear_error (&error);

      /* One byte changed, often in the dictionary or the CMS. */
      memcpy (copy, data, length);
      if (i % 2 == 0)
        at = MIN (length - 1, gap_start - 300 + g_test_rand_int_range (0, 3000));
      copy[at] ^= flip;
      signatures = par_pdf_signatures_check (copy, length, &verdict, &error);
      g_assert_true ((signatures != NULL) != (error != NULL));
      if (signatures != NULL && !in_a_gap (signed_pdf, at))
        g_assert_cmpint (verdict, !=, PAR_SIGNATURE_VALID);
      g_clear_pointer (&signatures, g_ptr_array_unref);
      g_clear_error (&error);

      /* A run of random bytes in the CMS. */
      memcpy (copy, data, length);
      at = gap_start + 1 + g_test_rand_int_range (0, 4000);
      for (guint k = 0, n = g_test_rand_int_range (1, 64); k < n && at + k < length; k++)
        copy[at + k] = g_test_rand_int_range (0, 256);
      signatures = check_data (copy, length, &verdict);
      g_assert_cmpuint (signatures->len, >=, 1);
    }
}

static void
test_fuzz_synthetic (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) once = sign_simple (pdf, keys.leaf);
  TestSignSpec spec = { .cert = keys.leaf, .key = keys.rsa_key, .cms_flags = CMS_NOATTR, .contents_first = TRUE };
  g_autoptr(GBytes) twice = test_sign_pdf (once, &spec);

  fuzz (once, 0, g_test_thorough () ? 3000 : 300);
  fuzz (twice, g_bytes_get_size (once), g_test_thorough () ? 3000 : 300);
}

static void
test_fuzz_pdfsig (void)
{
  if (!need_pdfsig ())
    return;
  fuzz (pdfsig.signed_pdf, 0, g_test_thorough () ? 500 : 40);
  fuzz (pdfsig.twice, g_bytes_get_size (pdfsig.signed_pdf), g_test_thorough () ? 500 : 40);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  work_dir = test_make_temp_dir ();
  make_keys ();

  g_test_add_func ("/pdf-signature/strings", test_strings);
  g_test_add_func ("/pdf-signature/not-pdf", test_not_pdf);
  g_test_add_func ("/pdf-signature/unsigned", test_unsigned);
  g_test_add_func ("/pdf-signature/pdfsig/signed", test_pdfsig_signed);
  g_test_add_func ("/pdf-signature/pdfsig/tampered", test_pdfsig_tampered);
  g_test_add_func ("/pdf-signature/pdfsig/appended", test_pdfsig_appended);
  g_test_add_func ("/pdf-signature/pdfsig/twice", test_pdfsig_twice);
  g_test_add_func ("/pdf-signature/pdfsig/garbage-contents", test_pdfsig_garbage_contents);
  g_test_add_func ("/pdf-signature/pdfsig/truncated", test_pdfsig_truncated);
  g_test_add_func ("/pdf-signature/pdfsig/fuzz", test_fuzz_pdfsig);
  g_test_add_func ("/pdf-signature/synthetic/layouts", test_synthetic_layouts);
  g_test_add_func ("/pdf-signature/synthetic/kinds", test_synthetic_kinds);
  g_test_add_func ("/pdf-signature/synthetic/certificates", test_synthetic_certificates);
  g_test_add_func ("/pdf-signature/synthetic/twice", test_synthetic_twice);
  g_test_add_func ("/pdf-signature/synthetic/broken", test_synthetic_broken);
  g_test_add_func ("/pdf-signature/synthetic/bad-ranges", test_synthetic_bad_ranges);
  g_test_add_func ("/pdf-signature/synthetic/fuzz", test_fuzz_synthetic);

  result = g_test_run ();

  test_remove_dir (work_dir);
  free_keys ();
  g_clear_pointer (&pdfsig.signed_pdf, g_bytes_unref);
  g_clear_pointer (&pdfsig.twice, g_bytes_unref);
  g_free (pdfsig.skip_reason);
  g_free (pdfsig.nss_dir);
  g_free (work_dir);
  return result;
}
