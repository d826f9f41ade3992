/* par-pdf-signature.c: offline check of the digital signatures of a PDF
 *
 * Every signature dictionary of the file is found by its /ByteRange; the
 * gap it leaves is the /Contents hex string, a CMS (PKCS #7) SignedData.
 * The digest of the two ranges is compared with the signed messageDigest
 * (a mismatch means the signed bytes changed) and the signature over the
 * signed attributes is checked with the signer certificate's key (a
 * failure means the signature itself is broken). Nothing is fetched from
 * the network: no OCSP, no CRL, no certificate download; the certificate
 * is only checked against the CA certificates of the system.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
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

#include "par-pdf-signature.h"

/* More signature dictionaries than this are not looked at: no real
 * document has them, and each costs a digest of the whole file. */
#define MAX_SIGNATURES 100

/* The header may follow some junk, but not much (PDF 1.7, H.3). */
#define HEADER_WINDOW 1024

G_DEFINE_QUARK (par-signature-error-quark, par_signature_error)

typedef STACK_OF (X509) ParX509Stack;

static void
x509_stack_free (ParX509Stack *stack)
{
  sk_X509_pop_free (stack, X509_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CMS_ContentInfo, CMS_ContentInfo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIO, BIO_free_all)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY_CTX, EVP_PKEY_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_STORE_CTX, X509_STORE_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TS_TST_INFO, TS_TST_INFO_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParX509Stack, x509_stack_free)

typedef struct
{
  guint64 a, b, c, d;
} ByteRange;

void
par_pdf_signature_free (ParPdfSignature *signature)
{
  if (signature == NULL)
    return;
  g_free (signature->signer);
  g_free (signature->signing_time);
  g_free (signature);
}

const char *
par_signature_verdict_to_string (ParSignatureVerdict verdict)
{
  switch (verdict)
    {
    case PAR_SIGNATURE_NONE:
      return "none";
    case PAR_SIGNATURE_VALID:
      return "valid";
    case PAR_SIGNATURE_MODIFIED:
      return "modified";
    case PAR_SIGNATURE_INVALID:
      return "invalid";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
par_signature_verdict_get_label (ParSignatureVerdict verdict)
{
  switch (verdict)
    {
    case PAR_SIGNATURE_NONE:
      return _("Not signed");
    case PAR_SIGNATURE_VALID:
      return _("Signed, unchanged");
    case PAR_SIGNATURE_MODIFIED:
      return _("Changed after signing");
    case PAR_SIGNATURE_INVALID:
      return _("Signature not valid");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
par_certificate_status_to_string (ParCertificateStatus status)
{
  switch (status)
    {
    case PAR_CERTIFICATE_TRUSTED:
      return "trusted";
    case PAR_CERTIFICATE_UNTRUSTED:
      return "untrusted";
    case PAR_CERTIFICATE_UNKNOWN:
      return "unknown";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Lexical helpers ------------------------------------------------------- */

static gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (guint8 c)
{
  return is_space (c) || strchr ("()<>[]{}/%", c) != NULL;
}

static gboolean
has_at (const guint8 *data,
        gsize         length,
        gsize         pos,
        const char   *word)
{
  gsize n = strlen (word);

  return pos <= length && length - pos >= n && memcmp (data + pos, word, n) == 0;
}

/* The offset of the first @word in [@from, @to), or -1. */
static gssize
find_in (const guint8 *data,
         gsize         from,
         gsize         to,
         const char   *word)
{
  gsize n = strlen (word);

  for (gsize i = from; i < to && to - i >= n; i++)
    {
      const guint8 *hit = memchr (data + i, word[0], to - i - n + 1);

      if (hit == NULL)
        return -1;
      i = hit - data;
      if (memcmp (hit, word, n) == 0)
        return i;
    }
  return -1;
}

/* Skips white space and comments. */
static gsize
skip_space (const guint8 *data,
            gsize         length,
            gsize         pos)
{
  while (pos < length)
    {
      if (is_space (data[pos]))
        pos++;
      else if (data[pos] == '%')
        {
          while (pos < length && data[pos] != '\n' && data[pos] != '\r')
            pos++;
        }
      else
        break;
    }
  return pos;
}

/* "obj" as a keyword (after "N G", not the end of "endobj"). */
static gboolean
is_obj_keyword (const guint8 *data,
                gsize         length,
                gsize         pos)
{
  return pos > 0 && is_space (data[pos - 1]) && has_at (data, length, pos, "obj")
         && (pos + 3 == length || is_delimiter (data[pos + 3]));
}

/* Where the object holding @pos begins: just after the last "obj" keyword
 * before it, or 0. */
static gsize
object_start_before (const guint8 *data,
                     gsize         length,
                     gsize         pos)
{
  for (gsize i = pos; i-- > 0;)
    if (data[i] == 'o' && is_obj_keyword (data, length, i))
      return i + 3;
  return 0;
}

static gboolean
parse_integer (const guint8 *data,
               gsize         length,
               gsize        *pos,
               guint64      *value)
{
  gsize p = skip_space (data, length, *pos);
  guint digits = 0;

  *value = 0;
  while (p < length && g_ascii_isdigit (data[p]))
    {
      if (++digits > 15)  /* more than a petabyte: not an offset */
        return FALSE;
      *value = *value * 10 + (data[p] - '0');
      p++;
    }
  if (digits == 0 || (p < length && !is_delimiter (data[p])))
    return FALSE;
  *pos = p;
  return TRUE;
}

/* "[a b c d]" at @pos (after the key). */
static gboolean
parse_byte_range (const guint8 *data,
                  gsize         length,
                  gsize         pos,
                  ByteRange    *range)
{
  pos = skip_space (data, length, pos);
  if (pos >= length || data[pos] != '[')
    return FALSE;
  pos++;
  if (!parse_integer (data, length, &pos, &range->a)
      || !parse_integer (data, length, &pos, &range->b)
      || !parse_integer (data, length, &pos, &range->c)
      || !parse_integer (data, length, &pos, &range->d))
    return FALSE;
  pos = skip_space (data, length, pos);
  return pos < length && data[pos] == ']';
}

static int
hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The bytes of the hex digits in [@from, @to), white space ignored, an odd
 * last digit taken as followed by 0; NULL if anything else is there. */
static guint8 *
hex_decode (const guint8 *data,
            gsize         from,
            gsize         to,
            gsize        *out_length)
{
  g_autofree guint8 *out = g_malloc ((to - from) / 2 + 1);
  gsize n = 0;
  int high = -1;

  for (gsize i = from; i < to; i++)
    {
      int v;

      if (is_space (data[i]))
        continue;
      v = hex_value (data[i]);
      if (v < 0)
        return NULL;
      if (high < 0)
        high = v;
      else
        {
          out[n++] = (guint8) (high << 4 | v);
          high = -1;
        }
    }
  if (high >= 0)
    out[n++] = (guint8) (high << 4);
  *out_length = n;
  return g_steal_pointer (&out);
}

/* Dates ----------------------------------------------------------------- */

static char *
format_date_time (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
}

static GDateTime *
date_time_from_asn1 (const ASN1_TIME *time)
{
  struct tm tm = { 0 };

  if (time == NULL || ASN1_TIME_to_tm (time, &tm) != 1)
    return NULL;
  return g_date_time_new_utc (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                              tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static gboolean
take_digits (const char *s,
             gsize      *pos,
             guint       n,
             int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[*pos + i]))
        return FALSE;
      v = v * 10 + (s[*pos + i] - '0');
    }
  *pos += n;
  *value = v;
  return TRUE;
}

/* A PDF date, "D:YYYYMMDDHHmmSSOHH'mm'" with everything after the year
 * optional (PDF 1.7, 7.9.4); no offset is taken as UTC. */
static GDateTime *
parse_pdf_date (const char *s)
{
  int field[6] = { 0, 1, 1, 0, 0, 0 };
  int offset = 0;
  gsize pos = 0;
  g_autoptr(GTimeZone) zone = NULL;

  if (g_str_has_prefix (s, "D:"))
    pos = 2;
  if (!take_digits (s, &pos, 4, &field[0]))
    return NULL;
  for (guint i = 1; i < 6; i++)
    if (!take_digits (s, &pos, 2, &field[i]))
      break;
  if (s[pos] == '+' || s[pos] == '-')
    {
      int sign = s[pos] == '-' ? -1 : 1;
      int hours = 0, minutes = 0;

      pos++;
      if (take_digits (s, &pos, 2, &hours))
        {
          if (s[pos] == '\'')
            pos++;
          take_digits (s, &pos, 2, &minutes);
        }
      if (hours > 23 || minutes > 59)
        return NULL;
      offset = sign * (hours * 3600 + minutes * 60);
    }
  if (field[1] < 1 || field[1] > 12 || field[2] < 1 || field[2] > 31
      || field[3] > 23 || field[4] > 59 || field[5] > 59)
    return NULL;
  zone = g_time_zone_new_offset (offset);
  if (zone == NULL)
    return NULL;
  return g_date_time_new (zone, field[0], field[1], field[2], field[3], field[4], field[5]);
}

/* The /M value of the dictionary in [@from, @to), as a literal or a hex
 * string (UTF-16 with its mark reduced to ASCII); NULL if none. */
static GDateTime *
find_pdf_date (const guint8 *data,
               gsize         from,
               gsize         to)
{
  char text[64];
  gsize n = 0;
  gssize key = from;

  while ((key = find_in (data, key, to, "/M")) >= 0)
    {
      gsize pos = key + 2;

      if (pos < to && (is_space (data[pos]) || data[pos] == '(' || data[pos] == '<'))
        break;
      key = pos;
    }
  if (key < 0)
    return NULL;

  {
    gsize pos = skip_space (data, to, key + 2);

    if (pos < to && data[pos] == '(')
      {
        for (pos++; pos < to && data[pos] != ')' && n < sizeof text - 1; pos++)
          if (data[pos] >= 0x20 && data[pos] < 0x7f)
            text[n++] = data[pos];
      }
    else if (pos < to && data[pos] == '<')
      {
        gssize end = find_in (data, pos, to, ">");
        g_autofree guint8 *bytes = NULL;
        gsize length = 0;

        if (end < 0 || (bytes = hex_decode (data, pos + 1, end, &length)) == NULL)
          return NULL;
        for (gsize i = 0; i < length && n < sizeof text - 1; i++)
          if (bytes[i] >= 0x20 && bytes[i] < 0x7f)
            text[n++] = bytes[i];
      }
  }
  text[n] = '\0';
  return parse_pdf_date (text);
}

/* The name after /SubFilter in [@from, @to), or NULL. */
static char *
find_sub_filter (const guint8 *data,
                 gsize         from,
                 gsize         to)
{
  gssize key = find_in (data, from, to, "/SubFilter");
  gsize start, end;

  if (key < 0)
    return NULL;
  start = skip_space (data, to, key + strlen ("/SubFilter"));
  if (start >= to || data[start] != '/')
    return NULL;
  start++;
  for (end = start; end < to && !is_delimiter (data[end]) && end - start < 64; end++)
    ;
  return g_strndup ((const char *) data + start, end - start);
}

/* Certificates ---------------------------------------------------------- */

static char *
certificate_name (X509 *cert)
{
  X509_NAME *subject = X509_get_subject_name (cert);
  int index = subject != NULL ? X509_NAME_get_index_by_NID (subject, NID_commonName, -1) : -1;
  g_autoptr(BIO) bio = NULL;
  char *text = NULL;
  long n;

  if (index >= 0)
    {
      unsigned char *utf8 = NULL;
      int length = ASN1_STRING_to_UTF8 (&utf8, X509_NAME_ENTRY_get_data (X509_NAME_get_entry (subject, index)));

      if (length >= 0)
        {
          char *name = g_utf8_make_valid ((const char *) utf8, length);

          OPENSSL_free (utf8);
          return name;
        }
    }
  if (subject == NULL || (bio = BIO_new (BIO_s_mem ())) == NULL
      || X509_NAME_print_ex (bio, subject, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
    return g_strdup ("");
  n = BIO_get_mem_data (bio, &text);
  return g_utf8_make_valid (text != NULL ? text : "", n > 0 ? n : 0);
}

/* Whether the default trust anchors of OpenSSL are there at all: without
 * them an unknown issuer proves nothing. */
static gboolean
trust_anchors_exist (void)
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
static X509_STORE *
system_store (void)
{
  static gsize once = 0;
  static X509_STORE *store = NULL;

  if (g_once_init_enter (&once))
    {
      if (trust_anchors_exist ())
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

/* Whether @cert chains to a CA of the system store at @when (now if NULL),
 * with the certificates of the signature as intermediates. No CRL, no OCSP. */
static ParCertificateStatus
check_certificate (X509         *cert,
                   ParX509Stack *intermediates,
                   GDateTime    *when)
{
  X509_STORE *store = system_store ();
  g_autoptr(X509_STORE_CTX) ctx = NULL;
  int error;

  if (store == NULL || (ctx = X509_STORE_CTX_new ()) == NULL
      || X509_STORE_CTX_init (ctx, store, cert, intermediates) != 1)
    return PAR_CERTIFICATE_UNKNOWN;
  if (when != NULL)
    X509_STORE_CTX_set_time (ctx, 0, (time_t) g_date_time_to_unix (when));
  if (X509_verify_cert (ctx) == 1)
    return PAR_CERTIFICATE_TRUSTED;

  error = X509_STORE_CTX_get_error (ctx);
  switch (error)
    {
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED:
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
    case X509_V_ERR_CERT_REVOKED:
      return PAR_CERTIFICATE_UNTRUSTED;
    default:
      return PAR_CERTIFICATE_UNKNOWN;
    }
}

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
      *stamp_time = date_time_from_asn1 (TS_TST_INFO_get_time (info));
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

/* Checks the CMS in @der against the ranges of @range and fills in
 * @signature: signer, time, status, certificate. */
static void
verify_cms (ParPdfSignature *signature,
            const guint8    *der,
            gsize            der_length,
            const guint8    *data,
            const ByteRange *range,
            GDateTime       *dictionary_time)
{
  const unsigned char *p = der;
  g_autoptr(CMS_ContentInfo) cms = NULL;
  g_autoptr(ParX509Stack) certs = NULL;
  g_autoptr(GDateTime) signing_time = NULL;
  g_autoptr(GDateTime) stamp_time = NULL;
  STACK_OF (CMS_SignerInfo) *signers;
  CMS_SignerInfo *si;
  EVP_PKEY *key = NULL;
  X509 *cert = NULL;
  X509_ALGOR *digest_algorithm = NULL;
  const EVP_MD *md;
  ASN1_OCTET_STRING **content;
  int index;

  signature->status = PAR_SIGNATURE_INVALID;
  signature->certificate = PAR_CERTIFICATE_UNKNOWN;
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

  index = CMS_signed_get_attr_by_NID (si, NID_pkcs9_signingTime, -1);
  if (index >= 0)
    {
      ASN1_TYPE *value = X509_ATTRIBUTE_get0_type (CMS_signed_get_attr (si, index), 0);

      if (value != NULL && (value->type == V_ASN1_UTCTIME || value->type == V_ASN1_GENERALIZEDTIME))
        signing_time = date_time_from_asn1 (value->value.utctime);
    }
  if (signing_time == NULL && dictionary_time != NULL)
    signing_time = g_date_time_ref (dictionary_time);

  if (cert == NULL)
    {
      if (signing_time != NULL)
        {
          g_free (signature->signing_time);
          signature->signing_time = format_date_time (signing_time);
        }
      return;
    }
  g_free (signature->signer);
  signature->signer = certificate_name (cert);

  content = CMS_get0_content (cms);
  if (content != NULL && *content != NULL)
    signature->status = verify_with_content (cms, md, data, range, &stamp_time);
  else if (CMS_signed_get_attr_count (si) > 0)
    {
      ASN1_OCTET_STRING *expected = CMS_signed_get0_data_by_OBJ (si, OBJ_nid2obj (NID_pkcs9_messageDigest),
                                                                 -3, V_ASN1_OCTET_STRING);
      gboolean matches = FALSE;

      /* The signature over the signed attributes first: if that fails the
       * signature is broken whatever the bytes are. */
      if (CMS_SignerInfo_verify (si) == 1 && expected != NULL
          && digest_matches (md, data, range, ASN1_STRING_get0_data (expected),
                             ASN1_STRING_length (expected), &matches))
        signature->status = matches ? PAR_SIGNATURE_VALID : PAR_SIGNATURE_MODIFIED;
    }
  else
    signature->status = verify_without_attributes (si, key, md, data, range);

  if (signing_time == NULL && stamp_time != NULL)
    signing_time = g_date_time_ref (stamp_time);
  if (signing_time != NULL)
    {
      g_free (signature->signing_time);
      signature->signing_time = format_date_time (signing_time);
    }

  certs = CMS_get1_certs (cms);
  signature->certificate = check_certificate (cert, certs, signing_time);
}

/* Scanning -------------------------------------------------------------- */

/* Whether the gap of @range is exactly the /Contents hex string of the
 * dictionary in [@from, @to). */
static gboolean
range_is_sane (const guint8    *data,
               gsize            length,
               const ByteRange *range,
               gsize            from,
               gsize            to)
{
  gsize start, pos;

  if (range->a != 0 || range->b + 2 > range->c || range->c > length || range->d > length - range->c)
    return FALSE;
  start = range->b;
  if (start < from || range->c > to || data[start] != '<' || data[range->c - 1] != '>')
    return FALSE;
  for (pos = start; pos > from && is_space (data[pos - 1]); pos--)
    ;
  if (pos < from + strlen ("/Contents") || memcmp (data + pos - strlen ("/Contents"), "/Contents", strlen ("/Contents")) != 0)
    return FALSE;
  for (pos = start + 1; pos < range->c - 1; pos++)
    if (hex_value (data[pos]) < 0 && !is_space (data[pos]))
      return FALSE;
  return TRUE;
}

static ParPdfSignature *
signature_new (void)
{
  ParPdfSignature *signature = g_new0 (ParPdfSignature, 1);

  signature->signer = g_strdup ("");
  signature->signing_time = g_strdup ("");
  signature->status = PAR_SIGNATURE_INVALID;
  signature->certificate = PAR_CERTIFICATE_UNKNOWN;
  return signature;
}

/* The signature dictionary whose /ByteRange key is at @key, in the object
 * [@from, @to); added to @signatures unless it is a copy of one seen, with
 * whether its ByteRange describes its /Contents gap added to @sane. */
static void
check_dictionary (const guint8 *data,
                  gsize         length,
                  gsize         key,
                  gsize         from,
                  gsize         to,
                  GPtrArray    *signatures,
                  GArray       *sane,
                  GArray       *seen)
{
  gboolean is_sane = FALSE;
  ByteRange range;
  ParPdfSignature *signature;
  g_autoptr(GDateTime) dictionary_time = NULL;
  g_autofree char *sub_filter = NULL;
  g_autofree guint8 *der = NULL;
  gsize der_length = 0;

  if (!parse_byte_range (data, length, key + strlen ("/ByteRange"), &range))
    {
      g_ptr_array_add (signatures, signature_new ());
      g_array_append_val (sane, is_sane);
      return;
    }
  for (guint i = 0; i < seen->len; i++)
    if (memcmp (&g_array_index (seen, ByteRange, i), &range, sizeof range) == 0)
      return;
  g_array_append_val (seen, range);

  signature = signature_new ();
  signature->signed_end = range.c + range.d;
  g_ptr_array_add (signatures, signature);
  is_sane = range_is_sane (data, length, &range, from, to);
  g_array_append_val (sane, is_sane);
  if (!is_sane)
    return;

  dictionary_time = find_pdf_date (data, from, to);
  if (dictionary_time != NULL)
    {
      g_free (signature->signing_time);
      signature->signing_time = format_date_time (dictionary_time);
    }
  sub_filter = find_sub_filter (data, from, to);
  /* A bare PKCS #1 signature with the certificate in /Cert: not read. */
  if (g_strcmp0 (sub_filter, "adbe.x509.rsa_sha1") == 0)
    return;

  der = hex_decode (data, range.b + 1, range.c - 1, &der_length);
  if (der == NULL || der_length == 0)
    return;
  verify_cms (signature, der, der_length, data, &range, dictionary_time);
}

static gboolean
looks_like_pdf (const guint8 *data,
                gsize         length)
{
  return find_in (data, 0, MIN (length, HEADER_WINDOW + 5), "%PDF-") >= 0;
}

/* All signatures of the PDF in @data, in file order, and the file's
 * verdict: none; valid (every signature valid and the last covers the file
 * to its end); modified (a signed range no longer matches its digest, or
 * bytes follow the last signed range); invalid (any other failure).
 * Returns NULL with @error only if @data is not a PDF at all. */
GPtrArray *
par_pdf_signatures_check (const guint8         *data,
                          gsize                 length,
                          ParSignatureVerdict  *verdict,
                          GError              **error)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GArray) seen = NULL;
  g_autoptr(GArray) sane = NULL;
  gsize object_start = 0;
  gsize endobj = 0;
  gboolean endobj_known = FALSE;
  gsize contents = 0;
  gboolean contents_known = FALSE;
  gboolean any_modified = FALSE, any_invalid = FALSE;
  gint64 covered = -1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (verdict != NULL)
    *verdict = PAR_SIGNATURE_NONE;
  if (data == NULL || !looks_like_pdf (data, length))
    {
      g_set_error (error, PAR_SIGNATURE_ERROR, PAR_SIGNATURE_ERROR_NOT_PDF,
                   _("The file is not a PDF document"));
      return NULL;
    }

  signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) par_pdf_signature_free);
  seen = g_array_new (FALSE, FALSE, sizeof (ByteRange));
  sane = g_array_new (FALSE, FALSE, sizeof (gboolean));
  /* Straight from one /ByteRange to the next (memchr's speed: most files
   * have none, and this runs over every file kept). */
  for (gssize found = find_in (data, 0, length, "/ByteRange");
       found >= 0 && signatures->len < MAX_SIGNATURES;
       found = find_in (data, found + 1, length, "/ByteRange"))
    {
      gsize i = found;

      if (i + strlen ("/ByteRange") == length || is_delimiter (data[i + strlen ("/ByteRange")]))
        {
          object_start = object_start_before (data, length, i);
          /* The object ends at the next "endobj" (or the end of the data);
           * the keys come in increasing order, so the last one found may
           * still be the next. */
          if (!endobj_known || endobj < i)
            {
              gssize next = find_in (data, i, length, "endobj");

              endobj = next >= 0 ? (gsize) next : length;
              endobj_known = TRUE;
            }
          /* The same for the first /Contents of the object. */
          if (!contents_known || contents < object_start)
            {
              gssize next = find_in (data, object_start, length, "/Contents");

              contents = next >= 0 ? (gsize) next : length;
              contents_known = TRUE;
            }
          /* Without /Contents it is not a signature dictionary. */
          if (contents < endobj)
            check_dictionary (data, length, i, object_start, endobj, signatures, sane, seen);
          ERR_clear_error ();
        }
    }

  for (guint i = 0; i < signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (signatures, i);

      if (signature->status == PAR_SIGNATURE_MODIFIED)
        any_modified = TRUE;
      else if (signature->status != PAR_SIGNATURE_VALID)
        any_invalid = TRUE;
      /* The ranges that describe their signature tell where the signed
       * part ends. */
      if (g_array_index (sane, gboolean, i))
        covered = MAX (covered, signature->signed_end);
    }
  if (verdict != NULL && signatures->len > 0)
    {
      if (any_modified || (covered >= 0 && (guint64) covered < length))
        *verdict = PAR_SIGNATURE_MODIFIED;
      else if (any_invalid)
        *verdict = PAR_SIGNATURE_INVALID;
      else
        *verdict = PAR_SIGNATURE_VALID;
    }
  return g_steal_pointer (&signatures);
}
