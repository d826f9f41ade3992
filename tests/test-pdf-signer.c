/* test-pdf-signer.c: signing a PDF with an incremental update
 *
 * A PDF drawn with cairo (test-signing.c) is signed once and twice with a small PKI made
 * here (a root, an intermediate, two signers); the offline check must find
 * every signature valid with its signer and time, and a changed byte must
 * make the file "modified". When pdfsig (poppler-utils) is installed, it
 * must list the signatures as valid too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "par-pdf-signature.h"
#include "par-pdf-signer.h"
#include "test-signing.h"
#include "test-util.h"

static char *work_dir;

typedef struct
{
  EVP_PKEY        *root_key, *intermediate_key, *leader_key, *office_key;
  X509            *root, *intermediate, *leader, *office;
  STACK_OF (X509) *chain;
} Pki;

static Pki pki;

static X509 *
make_certificate (const char *cn,
                  EVP_PKEY   *key,
                  X509       *issuer,
                  EVP_PKEY   *issuer_key,
                  gboolean    ca)
{
  return test_make_certificate (cn, key, issuer, issuer_key, ca, NULL, "20200101000000Z", "20400101000000Z");
}

static void
make_pki (void)
{
  pki.root_key = EVP_EC_gen ("P-256");
  pki.intermediate_key = EVP_EC_gen ("P-256");
  pki.leader_key = EVP_RSA_gen (2048);
  pki.office_key = EVP_EC_gen ("P-256");
  pki.root = make_certificate ("Gốc thử nghiệm", pki.root_key, NULL, NULL, TRUE);
  pki.intermediate = make_certificate ("CA trung gian thử nghiệm", pki.intermediate_key, pki.root, pki.root_key, TRUE);
  pki.leader = make_certificate ("Trần Văn Hùng", pki.leader_key, pki.intermediate, pki.intermediate_key, FALSE);
  pki.office = make_certificate ("Sở Nội vụ tỉnh Sông Lam", pki.office_key, pki.intermediate, pki.intermediate_key,
                                 FALSE);
  pki.chain = sk_X509_new_null ();
  sk_X509_push (pki.chain, pki.intermediate);
}

static void
free_pki (void)
{
  sk_X509_free (pki.chain);
  X509_free (pki.root);
  X509_free (pki.intermediate);
  X509_free (pki.leader);
  X509_free (pki.office);
  EVP_PKEY_free (pki.root_key);
  EVP_PKEY_free (pki.intermediate_key);
  EVP_PKEY_free (pki.leader_key);
  EVP_PKEY_free (pki.office_key);
}

static GBytes *
sign (GBytes     *pdf,
      X509       *cert,
      EVP_PKEY   *key,
      const char *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (when, NULL);
  ParPdfSigner signer = { key, cert, pki.chain, time, "Ký thử", "Ban hành văn bản", "Sông Lam" };
  GBytes *signed_pdf;

  g_assert_nonnull (time);
  signed_pdf = par_pdf_sign (pdf, &signer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_pdf);
  g_assert_cmpuint (g_bytes_get_size (signed_pdf), >, g_bytes_get_size (pdf));
  /* An incremental update: the bytes given come first, unchanged. */
  g_assert_cmpint (memcmp (g_bytes_get_data (signed_pdf, NULL), g_bytes_get_data (pdf, NULL),
                           g_bytes_get_size (pdf)), ==, 0);
  return signed_pdf;
}

static GPtrArray *
check (GBytes              *bytes,
       ParSignatureVerdict *verdict)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *signatures = par_pdf_signatures_check (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                    verdict, &error);

  g_assert_no_error (error);
  g_assert_nonnull (signatures);
  return signatures;
}

static void
assert_signature (GPtrArray  *signatures,
                  guint       index,
                  const char *signer,
                  const char *when)
{
  ParPdfSignature *signature = g_ptr_array_index (signatures, index);
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (when, NULL);
  g_autoptr(GDateTime) found = g_date_time_new_from_iso8601 (signature->signing_time, NULL);

  g_assert_cmpstr (par_signature_verdict_to_string (signature->status), ==, "valid");
  g_assert_cmpstr (signature->signer, ==, signer);
  g_assert_nonnull (found);
  g_assert_true (g_date_time_equal (found, expected));
}

static GBytes *
with_byte_changed (GBytes *bytes,
                   gsize   offset)
{
  gsize length = 0;
  guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));

  g_assert_cmpuint (offset, <, length);
  copy[offset] ^= 0x01;
  return g_bytes_new_take (copy, length);
}

/* pdfsig's report of @bytes, or NULL (and the test skipped) without it. */
static char *
pdfsig_report (GBytes     *bytes,
               const char *name)
{
  g_autofree char *program = g_find_program_in_path ("pdfsig");
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdfsig", path, NULL };
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdfsig is not installed (poppler-utils)");
      return NULL;
    }
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_spawn_sync (work_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("pdfsig: %s%s", out, err);
  return g_steal_pointer (&out);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Tests -------------------------------------------------------------------- */

static void
test_once (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) signed_pdf = sign (pdf, pki.leader, pki.leader_key, "2025-04-10T09:30:00+07:00");
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GPtrArray) changed_signatures = NULL;
  g_autofree char *report = NULL;
  ParSignatureVerdict verdict;

  signatures = check (signed_pdf, &verdict);
  g_assert_cmpstr (par_signature_verdict_to_string (verdict), ==, "valid");
  g_assert_cmpuint (signatures->len, ==, 1);
  assert_signature (signatures, 0, "Trần Văn Hùng", "2025-04-10T09:30:00+07:00");

  /* A byte of the drawn page, inside the signed range. */
  changed = with_byte_changed (signed_pdf, g_bytes_get_size (pdf) / 2);
  changed_signatures = check (changed, &verdict);
  g_assert_cmpstr (par_signature_verdict_to_string (verdict), ==, "modified");
  g_assert_cmpuint (changed_signatures->len, ==, 1);

  report = pdfsig_report (signed_pdf, "once.pdf");
  if (report == NULL)
    return;
  g_assert_cmpuint (count (report, "Signature Validation: Signature is Valid."), ==, 1);
  g_assert_nonnull (strstr (report, "Total document signed"));
}

static void
test_twice (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) once = sign (pdf, pki.leader, pki.leader_key, "2025-05-15T08:00:00+07:00");
  g_autoptr(GBytes) twice = sign (once, pki.office, pki.office_key, "2025-05-15T14:20:00+07:00");
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GPtrArray) changed_signatures = NULL;
  g_autofree char *report = NULL;
  ParSignatureVerdict verdict;

  signatures = check (twice, &verdict);
  g_assert_cmpstr (par_signature_verdict_to_string (verdict), ==, "valid");
  g_assert_cmpuint (signatures->len, ==, 2);
  assert_signature (signatures, 0, "Trần Văn Hùng", "2025-05-15T08:00:00+07:00");
  assert_signature (signatures, 1, "Sở Nội vụ tỉnh Sông Lam", "2025-05-15T14:20:00+07:00");
  /* The leader signed the first revision, the office the whole file. */
  g_assert_cmpint (((ParPdfSignature *) g_ptr_array_index (signatures, 0))->signed_end, ==,
                   g_bytes_get_size (once));
  g_assert_cmpint (((ParPdfSignature *) g_ptr_array_index (signatures, 1))->signed_end, ==,
                   g_bytes_get_size (twice));

  /* A byte the leader signed: both signatures see it. */
  changed = with_byte_changed (twice, g_bytes_get_size (pdf) / 3);
  changed_signatures = check (changed, &verdict);
  g_assert_cmpstr (par_signature_verdict_to_string (verdict), ==, "modified");
  for (guint i = 0; i < changed_signatures->len; i++)
    g_assert_cmpstr (par_signature_verdict_to_string (((ParPdfSignature *) g_ptr_array_index (changed_signatures,
                                                                                             i))->status),
                     ==, "modified");

  report = pdfsig_report (twice, "twice.pdf");
  if (report == NULL)
    return;
  g_assert_cmpuint (count (report, "Signature Validation: Signature is Valid."), ==, 2);
  g_assert_nonnull (strstr (report, "Signature #2"));
  g_assert_nonnull (strstr (strstr (report, "Signature #2"), "Total document signed"));
}

/* A third signature keeps the two fields before it, and the AcroForm is
 * updated, not repeated. */
static void
test_fields_kept (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) once = sign (pdf, pki.leader, pki.leader_key, "2025-06-01T08:00:00+07:00");
  g_autoptr(GBytes) twice = sign (once, pki.office, pki.office_key, "2025-06-01T09:00:00+07:00");
  g_autoptr(GBytes) thrice = sign (twice, pki.leader, pki.leader_key, "2025-06-02T10:00:00+07:00");
  g_autoptr(GPtrArray) signatures = NULL;
  /* The text of the updates (the drawn page holds binary streams). */
  g_autofree char *text = g_strndup ((const char *) g_bytes_get_data (thrice, NULL) + g_bytes_get_size (pdf),
                                     g_bytes_get_size (thrice) - g_bytes_get_size (pdf));
  const char *last_fields = g_strrstr (text, "/Fields [");
  g_autofree char *fields = NULL;
  ParSignatureVerdict verdict;

  signatures = check (thrice, &verdict);
  g_assert_cmpstr (par_signature_verdict_to_string (verdict), ==, "valid");
  g_assert_cmpuint (signatures->len, ==, 3);
  g_assert_nonnull (last_fields);
  /* Three references in the last AcroForm's /Fields. */
  fields = g_strndup (last_fields, strchr (last_fields, ']') - last_fields);
  g_assert_cmpuint (count (fields, " R"), ==, 3);
  g_assert_cmpuint (count (text, "/AcroForm "), ==, 1);
  g_assert_cmpuint (count (text, "/Type /Sig "), ==, 3);
}

static void
test_refused (void)
{
  static const char *inputs[] = {
    "",
    "not a PDF at all",
    "%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /Root 1 0 R >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n",
    "%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF\n",
    "%PDF-1.4\nxref\n0 2\n0000000000 65535 f \n0000000999 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"
    "startxref\n9\n%%EOF\n",
  };
  g_autoptr(GDateTime) time = g_date_time_new_utc (2025, 1, 2, 3, 4, 5);
  ParPdfSigner signer = { pki.leader_key, pki.leader, NULL, time, NULL, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) pdf = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) signed_pdf = par_pdf_sign (pdf, &signer, &error);

      g_assert_null (signed_pdf);
      g_assert_error (error, PAR_PDF_SIGNER_ERROR, PAR_PDF_SIGNER_ERROR_UNSUPPORTED);
    }
}

/* Damaged input (cut short, or bytes of its structure changed) is signed
 * or refused with an error, never read past its end. */
static void
test_damaged (void)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) once = sign (pdf, pki.office, pki.office_key, "2025-06-01T08:00:00+07:00");
  g_autoptr(GDateTime) time = g_date_time_new_utc (2025, 6, 2, 3, 4, 5);
  ParPdfSigner signer = { pki.office_key, pki.office, NULL, time, NULL, NULL, NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  gsize length = g_bytes_get_size (once);
  const guint8 *data = g_bytes_get_data (once, NULL);
  guint refused = 0;

  for (guint i = 0; i < 400; i++)
    {
      /* Cut, or a byte changed in the last two updates' structure. */
      gsize cut = i < 200 ? (gsize) g_rand_int_range (rand, 1, length) : length;
      g_autofree guint8 *copy = g_memdup2 (data, cut);
      g_autoptr(GBytes) input = NULL;
      g_autoptr(GBytes) output = NULL;
      g_autoptr(GError) error = NULL;

      if (i >= 200)
        copy[length - 1 - g_rand_int_range (rand, 0, 1200)] = (guint8) g_rand_int_range (rand, 0, 256);
      input = g_bytes_new_take (g_steal_pointer (&copy), cut);
      output = par_pdf_sign (input, &signer, &error);
      if (output == NULL)
        {
          g_assert_error (error, PAR_PDF_SIGNER_ERROR, PAR_PDF_SIGNER_ERROR_UNSUPPORTED);
          refused++;
        }
      else
        g_assert_no_error (error);
    }
  g_assert_cmpuint (refused, >, 0);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  work_dir = test_make_temp_dir ();
  make_pki ();

  g_test_add_func ("/pdf-signer/once", test_once);
  g_test_add_func ("/pdf-signer/twice", test_twice);
  g_test_add_func ("/pdf-signer/fields-kept", test_fields_kept);
  g_test_add_func ("/pdf-signer/refused", test_refused);
  g_test_add_func ("/pdf-signer/damaged", test_damaged);

  result = g_test_run ();

  free_pki ();
  test_remove_dir (work_dir);
  g_free (work_dir);
  return result;
}
