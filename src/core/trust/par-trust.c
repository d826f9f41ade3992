/* par-trust.c: whether a signer's certificate chains to an issuer the user trusts, at the signing time
 *
 * A signature is judged from the certificates it carries (the signer's
 * first), the file's trust list and revocation lists, and the CA
 * certificates of the system, at the time it was signed: a decision signed
 * in 2022 by a certificate that has expired since stays trusted. Nothing is
 * fetched: no OCSP, no CRL download, no certificate download.
 *
 * The trust list's issuers are anchors even when they are not roots
 * (X509_V_FLAG_PARTIAL_CHAIN): an office may trust the Government's CA
 * without the national root above it. A revocation list counts only when
 * its signature verifies with the key of the certificate's issuer, and
 * only for revocations before the signing time: a certificate revoked
 * after the decision was signed leaves the decision good.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "par-database-private.h"
#include "par-trust-private.h"
#include "par-trust.h"

static void
crl_stack_free (ParCrlStack *stack)
{
  sk_X509_CRL_pop_free (stack, X509_CRL_free);
}

/* Names ------------------------------------------------------------------- */

const char *
par_certificate_status_to_string (ParCertificateStatus status)
{
  switch (status)
    {
    case PAR_CERTIFICATE_TRUSTED:
      return "trusted";
    case PAR_CERTIFICATE_UNTRUSTED:
      return "untrusted";
    case PAR_CERTIFICATE_EXPIRED:
      return "expired";
    case PAR_CERTIFICATE_REVOKED:
      return "revoked";
    case PAR_CERTIFICATE_UNKNOWN:
      return "unknown";
    default:
      g_return_val_if_reached (NULL);
    }
}

ParCertificateStatus
par_certificate_status_from_string (const char *text)
{
  for (ParCertificateStatus status = PAR_CERTIFICATE_TRUSTED; status <= PAR_CERTIFICATE_UNKNOWN; status++)
    if (g_strcmp0 (text, par_certificate_status_to_string (status)) == 0)
      return status;
  return PAR_CERTIFICATE_UNKNOWN;
}

/* The one of @a and @b that says less for the document: a document is
 * only as trusted as its least trusted signature. */
ParCertificateStatus
par_certificate_status_worst (ParCertificateStatus a,
                              ParCertificateStatus b)
{
  static const int rank[] = {
    [PAR_CERTIFICATE_TRUSTED] = 0,
    [PAR_CERTIFICATE_UNKNOWN] = 1,
    [PAR_CERTIFICATE_UNTRUSTED] = 2,
    [PAR_CERTIFICATE_EXPIRED] = 3,
    [PAR_CERTIFICATE_REVOKED] = 4,
  };

  return rank[a] >= rank[b] ? a : b;
}

/* The system's CA certificates --------------------------------------------- */

/* Whether the default trust anchors of OpenSSL are there at all. */
static gboolean
system_anchors_exist (void)
{
  const char *file = g_getenv (X509_get_default_cert_file_env ());
  const char *dirs = g_getenv (X509_get_default_cert_dir_env ());
  g_auto(GStrv) dir_list = NULL;

  if (file == NULL)
    file = X509_get_default_cert_file ();
  if (dirs == NULL)
    dirs = X509_get_default_cert_dir ();
  if (file != NULL && g_file_test (file, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  dir_list = g_strsplit (dirs != NULL ? dirs : "", G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; dir_list[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = *dir_list[i] != '\0' ? g_dir_open (dir_list[i], 0, NULL) : NULL;

      if (dir != NULL && g_dir_read_name (dir) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The CA certificates of the system, loaded once; NULL if none. */
X509_STORE *
par_trust_system_store (void)
{
  static gsize once = 0;
  static X509_STORE *store = NULL;

  if (g_once_init_enter (&once))
    {
      if (system_anchors_exist ())
        {
          store = X509_STORE_new ();
          if (store != NULL && X509_STORE_set_default_paths (store) != 1)
            g_clear_pointer (&store, X509_STORE_free);
        }
      ERR_clear_error ();
      g_once_init_leave (&once, 1);
    }
  return store;
}

/* Loading ----------------------------------------------------------------- */

static ParTrust *
trust_new (void)
{
  ParTrust *trust = g_new0 (ParTrust, 1);

  g_atomic_ref_count_init (&trust->ref_count);
  trust->file_certs = sk_X509_new_null ();
  trust->crls = sk_X509_CRL_new_null ();
  g_mutex_init (&trust->lock);
  trust->chains = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                         (GDestroyNotify) par_trust_chain_free);
  trust->crl_signers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return trust;
}

/* A judge that knows only the system's CA certificates. */
ParTrust *
par_trust_new_system_only (void)
{
  return trust_new ();
}

static gboolean
load_certificates (ParTrust     *trust,
                   ParDatabase  *db,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT der FROM trust_certificate", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) der = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      X509 *cert = par_x509_from_bytes (der);

      /* Only CA certificates are anchors, whatever a hand-made file says. */
      if (cert == NULL || (X509_get_extension_flags (cert) & EXFLAG_CA) == 0 || sk_X509_push (trust->file_certs, cert) == 0)
        {
          X509_free (cert);
          continue;
        }
      if (trust->file_store == NULL)
        {
          trust->file_store = X509_STORE_new ();
          X509_STORE_set_flags (trust->file_store, X509_V_FLAG_PARTIAL_CHAIN);
        }
      X509_STORE_add_cert (trust->file_store, cert);
    }
  ERR_clear_error ();
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_crls (ParTrust     *trust,
           ParDatabase  *db,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT der FROM trust_crl", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) der = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      X509_CRL *crl = par_trust_read_crl (der, NULL);

      if (crl != NULL && sk_X509_CRL_push (trust->crls, crl) == 0)
        X509_CRL_free (crl);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The file's trust list and revocation lists, with the system's CAs. */
ParTrust *
par_trust_load (ParDatabase  *db,
                GError      **error)
{
  g_autoptr(ParTrust) trust = trust_new ();

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (!load_certificates (trust, db, error) || !load_crls (trust, db, error))
    return NULL;
  return g_steal_pointer (&trust);
}

ParTrust *
par_trust_ref (ParTrust *trust)
{
  g_atomic_ref_count_inc (&trust->ref_count);
  return trust;
}

void
par_trust_unref (ParTrust *trust)
{
  if (trust == NULL || !g_atomic_ref_count_dec (&trust->ref_count))
    return;
  g_hash_table_unref (trust->chains);
  g_hash_table_unref (trust->crl_signers);
  g_mutex_clear (&trust->lock);
  g_clear_pointer (&trust->file_store, X509_STORE_free);
  par_x509_stack_free (trust->file_certs);
  crl_stack_free (trust->crls);
  g_free (trust);
}

void
par_trust_chain_free (ParTrustChain *memo)
{
  g_clear_pointer (&memo->chain, par_x509_stack_free);
  g_clear_pointer (&memo->infos, g_ptr_array_unref);
  g_free (memo->issuer);
  g_free (memo);
}

void
par_trust_judgement_free (ParTrustJudgement *judgement)
{
  if (judgement == NULL)
    return;
  g_free (judgement->issuer);
  g_clear_pointer (&judgement->chain, g_ptr_array_unref);
  g_clear_pointer (&judgement->revoked_at, g_date_time_unref);
  g_free (judgement);
}
