/* par-trust-read.c: certificates and revocation lists from the files authorities publish
 *
 * Authorities publish their certificates as PEM (one or more blocks), as
 * DER (.cer, .crt, .der) or as a PKCS #7 bundle (.p7b, .p7c, PEM or DER);
 * revocation lists as PEM or DER. The bytes come from anywhere: sizes and
 * counts are bounded, and anything else is refused with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>

#include "par-certificate-private.h"
#include "par-trust-list.h"
#include "par-trust-private.h"

/* Bundles of whole national hierarchies hold a few dozen. */
#define MAX_FILE_BYTES (4 * 1024 * 1024)
#define MAX_CERTIFICATES 256

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIO, BIO_free_all)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PKCS7, PKCS7_free)

/* Adds the certificates of the PKCS #7 SignedData in @der to @certs. */
static gboolean
add_bundle (const unsigned char *der,
            long                 length,
            ParX509Stack        *certs)
{
  const unsigned char *p = der;
  g_autoptr(PKCS7) bundle = d2i_PKCS7 (NULL, &p, length);
  STACK_OF (X509) *inside;

  if (bundle == NULL || !PKCS7_type_is_signed (bundle) || bundle->d.sign == NULL)
    return FALSE;
  inside = bundle->d.sign->cert;
  for (int i = 0; inside != NULL && i < sk_X509_num (inside) && sk_X509_num (certs) < MAX_CERTIFICATES; i++)
    {
      X509 *cert = sk_X509_value (inside, i);

      if (X509_up_ref (cert) != 1 || sk_X509_push (certs, cert) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Adds one DER certificate or bundle to @certs. */
static gboolean
add_der (const unsigned char *der,
         long                 length,
         ParX509Stack        *certs)
{
  const unsigned char *p = der;
  X509 *cert = length <= PAR_CERTIFICATE_MAX_BYTES ? d2i_X509 (NULL, &p, length) : NULL;

  if (cert != NULL && p == der + length && sk_X509_push (certs, cert) != 0)
    return TRUE;
  X509_free (cert);
  return add_bundle (der, length, certs);
}

/* The PEM blocks of @contents: certificates and PKCS #7 bundles; other
 * blocks (keys, revocation lists) are passed over. */
static gboolean
add_pem_blocks (GBytes       *contents,
                ParX509Stack *certs)
{
  g_autoptr(BIO) bio = BIO_new_mem_buf (g_bytes_get_data (contents, NULL), (int) g_bytes_get_size (contents));
  char *name = NULL, *header = NULL;
  unsigned char *data = NULL;
  long length = 0;

  while (bio != NULL && sk_X509_num (certs) < MAX_CERTIFICATES
         && PEM_read_bio (bio, &name, &header, &data, &length) == 1)
    {
      gboolean ok = TRUE;

      if (g_strcmp0 (name, PEM_STRING_X509) == 0 || g_strcmp0 (name, PEM_STRING_X509_OLD) == 0
          || g_strcmp0 (name, PEM_STRING_X509_TRUSTED) == 0)
        {
          const unsigned char *p = data;
          /* A "TRUSTED CERTIFICATE" is the certificate followed by OpenSSL's trust settings. */
          X509 *cert = g_strcmp0 (name, PEM_STRING_X509_TRUSTED) == 0 ? d2i_X509_AUX (NULL, &p, length)
                                                                       : d2i_X509 (NULL, &p, length);

          ok = cert != NULL && sk_X509_push (certs, cert) != 0;
          if (!ok)
            X509_free (cert);
        }
      else if (g_strcmp0 (name, PEM_STRING_PKCS7) == 0 || g_strcmp0 (name, "CERTIFICATE CHAIN") == 0)
        ok = add_bundle (data, length, certs);
      OPENSSL_free (name);
      OPENSSL_free (header);
      OPENSSL_free (data);
      if (!ok)
        return FALSE;
    }
  ERR_clear_error ();
  return TRUE;
}

static gboolean
looks_like_pem (GBytes *contents)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (contents, &length);

  return g_strstr_len (data, MIN (length, (gsize) MAX_FILE_BYTES), "-----BEGIN ") != NULL;
}

static gboolean
check_size (GBytes  *contents,
            GError **error)
{
  if (g_bytes_get_size (contents) > MAX_FILE_BYTES)
    {
      g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_TOO_LARGE,
                   _("The file is larger than any certificate or revocation list (over %s)."), "4 MB");
      return FALSE;
    }
  return TRUE;
}

/* The certificates in @contents as OpenSSL reads them; NULL with an error
 * if it holds none or cannot be read. */
ParX509Stack *
par_trust_read_x509 (GBytes  *contents,
                     GError **error)
{
  g_autoptr(ParX509Stack) certs = sk_X509_new_null ();
  gboolean ok;

  if (!check_size (contents, error))
    return NULL;
  if (looks_like_pem (contents))
    ok = add_pem_blocks (contents, certs);
  else
    ok = g_bytes_get_size (contents) > 0
         && add_der (g_bytes_get_data (contents, NULL), (long) g_bytes_get_size (contents), certs);
  ERR_clear_error ();
  if (!ok || sk_X509_num (certs) == 0)
    {
      g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_CERTIFICATE,
                   _("The file holds no certificate that can be read. Certificates of issuers come as "
                     ".cer, .crt, .der, .pem or .p7b files from the authority's web site."));
      return NULL;
    }
  return g_steal_pointer (&certs);
}

/* What is known of each certificate in @contents (PEM, DER or PKCS #7),
 * in the order of the file. */
GPtrArray *
par_trust_read_certificates (GBytes  *contents,
                             GError **error)
{
  g_autoptr(ParX509Stack) certs = NULL;
  GPtrArray *infos;

  g_return_val_if_fail (contents != NULL, NULL);

  certs = par_trust_read_x509 (contents, error);
  if (certs == NULL)
    return NULL;
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) par_certificate_info_free);
  for (int i = 0; i < sk_X509_num (certs); i++)
    g_ptr_array_add (infos, par_certificate_info_new_from_x509 (sk_X509_value (certs, i)));
  return infos;
}

/* The revocation list in @contents (PEM or DER), or NULL with an error. */
X509_CRL *
par_trust_read_crl (GBytes  *contents,
                    GError **error)
{
  g_autoptr(BIO) bio = NULL;
  X509_CRL *crl = NULL;

  if (!check_size (contents, error))
    return NULL;
  bio = BIO_new_mem_buf (g_bytes_get_data (contents, NULL), (int) g_bytes_get_size (contents));
  if (bio != NULL && g_bytes_get_size (contents) > 0)
    crl = looks_like_pem (contents) ? PEM_read_bio_X509_CRL (bio, NULL, NULL, NULL) : d2i_X509_CRL_bio (bio, NULL);
  ERR_clear_error ();
  if (crl == NULL)
    g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_CRL,
                 _("The file is not a certificate revocation list (CRL). Revocation lists come as .crl "
                   "files from the authority's web site."));
  return crl;
}
