/* par-desk-bench-trust.c: how fast signatures are judged against the trust list when documents are read
 *
 * Keeps N signed decisions (default 1,000; RSA 2048 keys as the Vietnamese
 * CAs issue, the signer's chain carried in each signature), trusts their
 * root and keeps a revocation list, then prints the median time of: listing
 * every document with its trust (what the Evidence view and the score
 * sheet do on each change of the trust list), reading one document with
 * its judged signatures (the viewer's panel), and judging one signature.
 * Usage: par-desk-bench-trust [N]. Figures, not pass/fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include <openssl/pem.h>

#include "par-core.h"
#include "test-signing.h"
#include "test-util.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static GBytes *
pem_of (X509 *cert)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long length;
  GBytes *bytes;

  PEM_write_bio_X509 (bio, cert);
  length = BIO_get_mem_data (bio, &data);
  bytes = g_bytes_new (data, length);
  BIO_free (bio);
  return bytes;
}

/* N signed PDFs in @dir: three signers under one government CA, each
 * signing on its own day so that no two files are the same bytes. */
static GPtrArray *
write_signed (const char *dir,
              int         n,
              X509       *government,
              X509      **signers,
              EVP_PKEY   *key)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *when = g_strdup_printf ("2025%02d%02d%02d%02d00Z", 1 + i % 12, 1 + i % 28, i / 60 % 24, i % 60);
      TestSignSpec spec = { .cert = signers[i % 3], .key = key, .extra = { government }, .signing_time = when };
      g_autoptr(GBytes) signed_pdf = test_sign_pdf (pdf, &spec);
      char *path = g_strdup_printf ("%s/signed-%04d.pdf", dir, i);

      g_file_set_contents (path, g_bytes_get_data (signed_pdf, NULL), g_bytes_get_size (signed_pdf), NULL);
      g_ptr_array_add (paths, path);
    }
  return paths;
}

static double
time_list (ParDatabase *db,
           guint       *n_trusted)
{
  double start = now_ms ();
  g_autoptr(GPtrArray) documents = par_evidence_list (db, NULL);
  double took = now_ms () - start;

  *n_trusted = 0;
  for (guint i = 0; i < documents->len; i++)
    if (g_strcmp0 (par_evidence_document_get_fields (g_ptr_array_index (documents, i))->trust, "trusted") == 0)
      (*n_trusted)++;
  return took;
}

int
main (int    argc,
      char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 1000;
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.pardesk", NULL);
  EVP_PKEY *key = EVP_RSA_gen (2048);
  X509 *root = test_make_certificate ("Root CA (bench)", key, NULL, NULL, TRUE, NULL, "20150101000000Z", "20450101000000Z");
  X509 *government = test_make_certificate ("Government CA (bench)", key, root, key, TRUE, NULL,
                                            "20150101000000Z", "20400101000000Z");
  X509 *signers[3];
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GBytes) root_pem = pem_of (root);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  double list_ms[RUNS], get_ms[RUNS], judge_ms[RUNS];
  guint n_trusted = 0;

  par_i18n_init ();
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Signer %d", i + 1);

      signers[i] = test_make_certificate (name, key, government, key, FALSE, NULL, "20240101000000Z", "20300101000000Z");
    }
  printf ("signing %d PDFs…\n", n);
  paths = write_signed (dir, n, government, signers, key);
  db = par_database_open (path, PAR_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  results = par_evidence_add_files (db, paths, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  added = par_trust_add_certificates (db, root_pem, &error);
  g_assert_no_error (error);

  for (int r = 0; r < RUNS; r++)
    {
      double start;
      g_autoptr(ParEvidenceDocument) document = NULL;
      g_autoptr(ParTrust) trust = NULL;
      g_autoptr(ParTrustJudgement) judgement = NULL;
      ParPdfSignature *signature;

      list_ms[r] = time_list (db, &n_trusted);
      start = now_ms ();
      document = par_evidence_get (db, 1 + r, NULL);
      get_ms[r] = now_ms () - start;
      signature = g_ptr_array_index (par_evidence_document_get_signatures (document), 0);
      trust = par_trust_load (db, NULL);
      start = now_ms ();
      judgement = par_trust_judge (trust, signature->certificates, NULL);
      judge_ms[r] = now_ms () - start;
    }
  qsort (list_ms, RUNS, sizeof (double), compare_doubles);
  qsort (get_ms, RUNS, sizeof (double), compare_doubles);
  qsort (judge_ms, RUNS, sizeof (double), compare_doubles);
  printf ("%d signed documents, %u of them trusted; median of %d runs (fastest–slowest)\n", n, n_trusted, RUNS);
  printf ("list every document with its trust  %8.1f ms   (%.1f–%.1f ms)\n", list_ms[RUNS / 2], list_ms[0],
          list_ms[RUNS - 1]);
  printf ("read one document, signatures judged %7.2f ms   (%.2f–%.2f ms)\n", get_ms[RUNS / 2], get_ms[0],
          get_ms[RUNS - 1]);
  printf ("judge one signature                  %7.3f ms   (%.3f–%.3f ms)\n", judge_ms[RUNS / 2], judge_ms[0],
          judge_ms[RUNS - 1]);

  for (int i = 0; i < 3; i++)
    X509_free (signers[i]);
  X509_free (government);
  X509_free (root);
  EVP_PKEY_free (key);
  g_clear_object (&db);
  test_remove_dir (dir);
  return 0;
}
