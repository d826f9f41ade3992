/* par-certificate.c: what a person needs to know of an X.509 certificate
 *
 * Names are shown by their common name (how Vietnamese CAs name a signer:
 * "Nguyễn Văn A", "Sở Nội vụ tỉnh X"), else the whole name. The
 * fingerprint is the SHA-256 of the DER, as the authorities publish it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include "par-certificate-private.h"
#include "par-trust-list.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIO, BIO_free_all)

void
par_x509_stack_free (ParX509Stack *stack)
{
  sk_X509_pop_free (stack, X509_free);
}

/* @name's CN in UTF-8, else the whole name (RFC 2253 order); "" if none. */
char *
par_x509_name_text (const X509_NAME *name)
{
  int index = name != NULL ? X509_NAME_get_index_by_NID (name, NID_commonName, -1) : -1;
  g_autoptr(BIO) bio = NULL;
  char *text = NULL;
  long n;

  if (index >= 0)
    {
      unsigned char *utf8 = NULL;
      int length = ASN1_STRING_to_UTF8 (&utf8, X509_NAME_ENTRY_get_data (X509_NAME_get_entry (name, index)));

      if (length > 0)
        {
          char *cn = g_utf8_make_valid ((const char *) utf8, length);

          OPENSSL_free (utf8);
          return cn;
        }
      OPENSSL_free (utf8);
    }
  if (name == NULL || (bio = BIO_new (BIO_s_mem ())) == NULL
      || X509_NAME_print_ex (bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
    return g_strdup ("");
  n = BIO_get_mem_data (bio, &text);
  return g_utf8_make_valid (text != NULL ? text : "", n > 0 ? n : 0);
}

static char *
name_full_text (const X509_NAME *name)
{
  g_autoptr(BIO) bio = BIO_new (BIO_s_mem ());
  char *text = NULL;
  long n;

  if (name == NULL || bio == NULL || X509_NAME_print_ex (bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
    return g_strdup ("");
  n = BIO_get_mem_data (bio, &text);
  return g_utf8_make_valid (text != NULL ? text : "", n > 0 ? n : 0);
}

GDateTime *
par_asn1_time_to_date_time (const ASN1_TIME *time)
{
  struct tm tm = { 0 };

  if (time == NULL || ASN1_TIME_to_tm (time, &tm) != 1)
    return NULL;
  return g_date_time_new_utc (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The certificate in @der (one DER certificate and nothing after it), or NULL. */
X509 *
par_x509_from_bytes (GBytes *der)
{
  gsize length = 0;
  const unsigned char *data = der != NULL ? g_bytes_get_data (der, &length) : NULL;
  const unsigned char *p = data;
  X509 *cert;

  if (data == NULL || length == 0 || length > PAR_CERTIFICATE_MAX_BYTES)
    return NULL;
  cert = d2i_X509 (NULL, &p, (long) length);
  if (cert != NULL && p != data + length)
    g_clear_pointer (&cert, X509_free);
  return cert;
}

ParCertificateInfo *
par_certificate_info_new_from_x509 (X509 *cert)
{
  ParCertificateInfo *info = g_new0 (ParCertificateInfo, 1);
  unsigned char *der = NULL;
  int length = i2d_X509 (cert, &der);
  guint8 digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  GString *hex = g_string_new (NULL);

  info->der = length > 0 ? g_bytes_new (der, length) : g_bytes_new (NULL, 0);
  OPENSSL_free (der);
  if (X509_digest (cert, EVP_sha256 (), digest, &digest_length) == 1)
    for (unsigned int i = 0; i < digest_length; i++)
      g_string_append_printf (hex, "%02x", digest[i]);
  info->fingerprint = g_string_free (hex, FALSE);
  info->subject = par_x509_name_text (X509_get_subject_name (cert));
  info->subject_full = name_full_text (X509_get_subject_name (cert));
  info->issuer = par_x509_name_text (X509_get_issuer_name (cert));
  info->not_before = par_asn1_time_to_date_time (X509_get0_notBefore (cert));
  info->not_after = par_asn1_time_to_date_time (X509_get0_notAfter (cert));
  /* X509_check_ca also counts old v1 roots; the list wants the extension. */
  info->is_ca = (X509_get_extension_flags (cert) & EXFLAG_CA) != 0;
  info->self_issued = X509_NAME_cmp (X509_get_subject_name (cert), X509_get_issuer_name (cert)) == 0;
  return info;
}

/* The certificate in @der, or NULL with an error saying it is not one. */
ParCertificateInfo *
par_certificate_info_new_from_der (GBytes  *der,
                                   GError **error)
{
  g_autoptr(X509) cert = par_x509_from_bytes (der);

  if (cert == NULL)
    {
      g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_CERTIFICATE,
                   _("The data is not a certificate."));
      return NULL;
    }
  return par_certificate_info_new_from_x509 (cert);
}

ParCertificateInfo *
par_certificate_info_copy (const ParCertificateInfo *info)
{
  ParCertificateInfo *copy = g_new0 (ParCertificateInfo, 1);

  *copy = *info;
  copy->subject = g_strdup (info->subject);
  copy->subject_full = g_strdup (info->subject_full);
  copy->issuer = g_strdup (info->issuer);
  copy->fingerprint = g_strdup (info->fingerprint);
  copy->not_before = info->not_before != NULL ? g_date_time_ref (info->not_before) : NULL;
  copy->not_after = info->not_after != NULL ? g_date_time_ref (info->not_after) : NULL;
  copy->der = g_bytes_ref (info->der);
  return copy;
}

void
par_certificate_info_free (ParCertificateInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->subject);
  g_free (info->subject_full);
  g_free (info->issuer);
  g_free (info->fingerprint);
  g_clear_pointer (&info->not_before, g_date_time_unref);
  g_clear_pointer (&info->not_after, g_date_time_unref);
  g_clear_pointer (&info->der, g_bytes_unref);
  g_free (info);
}

/* "AB:CD:…" in upper case, as certificate viewers and the authorities'
 * web pages show fingerprints. */
char *
par_certificate_format_fingerprint (const char *fingerprint)
{
  GString *text = g_string_new (NULL);

  for (gsize i = 0; fingerprint[i] != '\0' && fingerprint[i + 1] != '\0'; i += 2)
    {
      if (text->len > 0)
        g_string_append_c (text, ':');
      g_string_append_c (text, g_ascii_toupper (fingerprint[i]));
      g_string_append_c (text, g_ascii_toupper (fingerprint[i + 1]));
    }
  return g_string_free (text, FALSE);
}

/* YYYY-MM-DD of @when in UTC; "" if NULL. */
char *
par_format_utc_date (GDateTime *when)
{
  return when != NULL ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("");
}
