/* par-trust-judge.c: one signature's certificates judged at its signing time
 *
 * The order of the verdicts says what matters most to a reader: a
 * certificate revoked before the signing time, then one used outside its
 * validity, then whether the chain reaches an issuer the user trusts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "par-trust-private.h"

/* Signatures carry the signer and a few issuers; the rest is noise. */
#define MAX_CARRIED 32
#define MAX_CHAIN 10

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_STORE_CTX, X509_STORE_CTX_free)

/* The certificates of @blob, DER one after another, as kept for a
 * signature: the signer's first. */
static ParX509Stack *
read_carried (GBytes *blob)
{
  ParX509Stack *certs = sk_X509_new_null ();
  gsize length = 0;
  const unsigned char *data = blob != NULL ? g_bytes_get_data (blob, &length) : NULL;
  const unsigned char *p = data, *end = data + length;

  while (data != NULL && p < end && sk_X509_num (certs) < MAX_CARRIED)
    {
      const unsigned char *q = p;
      X509 *cert = d2i_X509 (NULL, &q, MIN (end - p, PAR_CERTIFICATE_MAX_BYTES));

      if (cert == NULL || sk_X509_push (certs, cert) == 0)
        {
          X509_free (cert);
          break;
        }
      p = q;
    }
  ERR_clear_error ();
  return certs;
}

static gboolean
valid_at (X509   *cert,
          time_t  when)
{
  return X509_cmp_time (X509_get0_notBefore (cert), &when) == -1
         && X509_cmp_time (X509_get0_notAfter (cert), &when) == 1;
}

/* Goes on past a certificate's dates, which the judgement looks at itself,
 * so that a chain sound but for its dates is told from one that is not. */
static int
ignore_dates (int             ok,
              X509_STORE_CTX *ctx)
{
  int error = X509_STORE_CTX_get_error (ctx);

  return ok || error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID;
}

/* The chain from @leaf to an anchor of @store at @when, or NULL. */
static ParX509Stack *
verified_chain (X509_STORE   *store,
                X509         *leaf,
                ParX509Stack *carried,
                time_t        when)
{
  g_autoptr(X509_STORE_CTX) ctx = X509_STORE_CTX_new ();
  ParX509Stack *chain = NULL;

  if (store == NULL || ctx == NULL || X509_STORE_CTX_init (ctx, store, leaf, carried) != 1)
    return NULL;
  X509_STORE_CTX_set_time (ctx, 0, when);
  X509_STORE_CTX_set_verify_cb (ctx, ignore_dates);
  if (X509_verify_cert (ctx) == 1)
    chain = X509_STORE_CTX_get1_chain (ctx);
  ERR_clear_error ();
  return chain;
}

static gboolean
issued (X509 *issuer,
        X509 *subject)
{
  EVP_PKEY *key = X509_get0_pubkey (issuer);

  return X509_check_issued (issuer, subject) == X509_V_OK && key != NULL && X509_verify (subject, key) == 1;
}

static X509 *
find_issuer (X509         *cert,
             ParX509Stack *candidates,
             ParX509Stack *chain)
{
  for (int i = 0; i < sk_X509_num (candidates); i++)
    {
      X509 *candidate = sk_X509_value (candidates, i);

      if (sk_X509_find (chain, candidate) < 0 && X509_cmp (candidate, cert) != 0 && issued (candidate, cert))
        return candidate;
    }
  return NULL;
}

/* The chain as far as it is known, when no anchor was reached: the signer,
 * then each issuer the signature or the trust list holds. */
static ParX509Stack *
known_chain (X509         *leaf,
             ParX509Stack *carried,
             ParTrust     *trust)
{
  ParX509Stack *chain = sk_X509_new_null ();
  X509 *cert = leaf;

  while (cert != NULL && sk_X509_num (chain) < MAX_CHAIN)
    {
      X509_up_ref (cert);
      if (sk_X509_push (chain, cert) == 0)
        {
          X509_free (cert);
          break;
        }
      if (X509_check_issued (cert, cert) == X509_V_OK)
        break;
      cert = find_issuer (cert, carried, chain);
      if (cert == NULL)
        cert = find_issuer (sk_X509_value (chain, sk_X509_num (chain) - 1), trust->file_certs, chain);
    }
  ERR_clear_error ();
  return chain;
}

/* Whether @issuer signed @crl, verified once for each pair. */
static gboolean
crl_signed_by (ParTrust *trust,
               X509_CRL *crl,
               X509     *issuer,
               EVP_PKEY *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&trust->lock);
  char *pair = g_strdup_printf ("%p %p", (void *) crl, (void *) issuer);
  gpointer known = g_hash_table_lookup (trust->crl_signers, pair);
  gboolean signed_by;

  if (known != NULL)
    {
      g_free (pair);
      return GPOINTER_TO_INT (known) == 2;
    }
  signed_by = X509_CRL_verify (crl, key) == 1;
  g_hash_table_insert (trust->crl_signers, pair, GINT_TO_POINTER (signed_by ? 2 : 1));
  return signed_by;
}

/* The entry of a kept revocation list, signed by @issuer, that lists
 * @cert; NULL if none. */
static X509_REVOKED *
find_revocation (ParTrust *trust,
                 X509     *cert,
                 X509     *issuer)
{
  EVP_PKEY *key = X509_get0_pubkey (issuer);

  for (int i = 0; key != NULL && i < sk_X509_CRL_num (trust->crls); i++)
    {
      X509_CRL *crl = sk_X509_CRL_value (trust->crls, i);
      X509_REVOKED *entry = NULL;

      if (X509_NAME_cmp (X509_CRL_get_issuer (crl), X509_get_issuer_name (cert)) != 0
          || !crl_signed_by (trust, crl, issuer, key))
        continue;
      if (X509_CRL_get0_by_serial (crl, &entry, X509_get0_serialNumber (cert)) == 1 && entry != NULL)
        return entry;
    }
  ERR_clear_error ();
  return NULL;
}

static gboolean
in_stack (ParX509Stack *stack,
          X509         *cert)
{
  for (int i = 0; i < sk_X509_num (stack); i++)
    if (X509_cmp (sk_X509_value (stack, i), cert) == 0)
      return TRUE;
  return FALSE;
}

/* @chain as people read it, marking where each certificate is trusted. */
static GPtrArray *
describe_chain (ParTrust       *trust,
                ParX509Stack   *chain,
                ParTrustAnchor  anchor)
{
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) par_certificate_info_free);
  int n = sk_X509_num (chain);

  for (int i = 0; i < n; i++)
    {
      X509 *cert = sk_X509_value (chain, i);
      ParCertificateInfo *info = par_certificate_info_new_from_x509 (cert);

      if (in_stack (trust->file_certs, cert))
        info->anchor = PAR_TRUST_ANCHOR_FILE;
      else if (i == n - 1)
        info->anchor = anchor == PAR_TRUST_ANCHOR_SYSTEM ? PAR_TRUST_ANCHOR_SYSTEM : PAR_TRUST_ANCHOR_NONE;
      g_ptr_array_add (infos, info);
    }
  return infos;
}

/* The chain of the certificates @certificates, built once for each set of
 * certificates @trust judges: it does not depend on the signing time, and
 * a file's documents share a few chains (a list of 1,000 documents would
 * otherwise parse and verify 1,000 times the same certificates). */
static ParTrustChain *
chain_of (ParTrust *trust,
          GBytes   *certificates)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&trust->lock);
  ParTrustChain *memo = g_hash_table_lookup (trust->chains, certificates);
  g_autoptr(ParX509Stack) carried = NULL;
  X509 *leaf;

  if (memo != NULL)
    return memo;
  memo = g_new0 (ParTrustChain, 1);
  g_hash_table_insert (trust->chains, g_bytes_ref (certificates), memo);
  carried = read_carried (certificates);
  if (sk_X509_num (carried) == 0)
    return memo;
  leaf = sk_X509_value (carried, 0);
  memo->issuer = par_x509_name_text (X509_get_issuer_name (leaf));
  if ((memo->chain = verified_chain (trust->file_store, leaf, carried, time (NULL))) != NULL)
    memo->anchor = PAR_TRUST_ANCHOR_FILE;
  else if ((memo->chain = verified_chain (par_trust_system_store (), leaf, carried, time (NULL))) != NULL)
    memo->anchor = PAR_TRUST_ANCHOR_SYSTEM;
  else
    memo->chain = known_chain (leaf, carried, trust);
  memo->infos = describe_chain (trust, memo->chain, memo->anchor);
  return memo;
}

/* Whether a certificate of @chain was revoked at or before @when by a
 * kept list; fills in which and when. */
static gboolean
find_revoked (ParTrustJudgement *judgement,
              ParTrust          *trust,
              ParX509Stack      *chain,
              time_t             when)
{
  for (int i = 0; i + 1 < sk_X509_num (chain); i++)
    {
      X509_REVOKED *entry = find_revocation (trust, sk_X509_value (chain, i), sk_X509_value (chain, i + 1));
      const ASN1_TIME *date = entry != NULL ? X509_REVOKED_get0_revocationDate (entry) : NULL;

      if (date != NULL && X509_cmp_time (date, &when) == -1)
        {
          judgement->failed_at = i;
          judgement->revoked_at = par_asn1_time_to_date_time (date);
          return TRUE;
        }
    }
  return FALSE;
}

/* The judgement of a signature whose certificate could not be read. */
ParTrustJudgement *
par_trust_judgement_new_unknown (void)
{
  ParTrustJudgement *judgement = g_new0 (ParTrustJudgement, 1);

  judgement->status = PAR_CERTIFICATE_UNKNOWN;
  judgement->issuer = g_strdup ("");
  judgement->chain = g_ptr_array_new_with_free_func ((GDestroyNotify) par_certificate_info_free);
  return judgement;
}

/* How the certificates in @certificates (DER one after another, the
 * signer's first) stand at @signing_time (now if NULL). */
ParTrustJudgement *
par_trust_judge (ParTrust  *trust,
                 GBytes    *certificates,
                 GDateTime *signing_time)
{
  ParTrustJudgement *judgement = par_trust_judgement_new_unknown ();
  time_t when = signing_time != NULL ? (time_t) g_date_time_to_unix (signing_time) : time (NULL);
  ParTrustChain *memo;
  ParX509Stack *chain;

  g_return_val_if_fail (trust != NULL, judgement);

  if (certificates == NULL || g_bytes_get_size (certificates) == 0)
    return judgement;
  memo = chain_of (trust, certificates);
  if (memo->chain == NULL)
    return judgement;
  chain = memo->chain;
  g_free (judgement->issuer);
  judgement->issuer = g_strdup (memo->issuer);
  g_ptr_array_unref (judgement->chain);
  judgement->chain = g_ptr_array_ref (memo->infos);

  if (find_revoked (judgement, trust, chain, when))
    {
      judgement->status = PAR_CERTIFICATE_REVOKED;
      return judgement;
    }
  for (int i = 0; i < sk_X509_num (chain); i++)
    if (!valid_at (sk_X509_value (chain, i), when))
      {
        judgement->status = PAR_CERTIFICATE_EXPIRED;
        judgement->failed_at = i;
        return judgement;
      }
  judgement->status = memo->anchor != PAR_TRUST_ANCHOR_NONE ? PAR_CERTIFICATE_TRUSTED : PAR_CERTIFICATE_UNTRUSTED;
  return judgement;
}
