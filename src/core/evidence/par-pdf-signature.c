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
 * The PDF syntax is read by par-pdf-signature-syntax.c, the CMS checked by
 * par-pdf-signature-cms.c; here the signature dictionaries are found and
 * the file's verdict given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <openssl/err.h>

#include "par-pdf-signature.h"
#include "par-pdf-signature-private.h"

/* More signature dictionaries than this are not looked at: no real
 * document has them, and each costs a digest of the whole file. */
#define MAX_SIGNATURES 100

/* The header may follow some junk, but not much (PDF 1.7, H.3). */
#define HEADER_WINDOW 1024

G_DEFINE_QUARK (par-signature-error-quark, par_signature_error)

void
par_pdf_signature_free (ParPdfSignature *signature)
{
  if (signature == NULL)
    return;
  g_free (signature->signer);
  g_free (signature->signing_time);
  g_clear_pointer (&signature->certificates, g_bytes_unref);
  g_clear_pointer (&signature->trust, par_trust_judgement_free);
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

/* What a badge says of a document: its verdict, and for a sound signature
 * whether its signer is trusted (@trust as ParEvidenceFields has it: "" if
 * unsigned, else a certificate status). */
const char *
par_signature_summary_label (const char *verdict,
                             const char *trust)
{
  if (g_strcmp0 (verdict, "valid") != 0)
    return par_signature_verdict_get_label (g_strcmp0 (verdict, "modified") == 0 ? PAR_SIGNATURE_MODIFIED
                                            : g_strcmp0 (verdict, "invalid") == 0 ? PAR_SIGNATURE_INVALID
                                            : PAR_SIGNATURE_NONE);
  switch (par_certificate_status_from_string (trust))
    {
    case PAR_CERTIFICATE_TRUSTED:
      return _("Signed, issuer trusted");
    case PAR_CERTIFICATE_UNTRUSTED:
      return _("Signed, issuer not trusted");
    case PAR_CERTIFICATE_EXPIRED:
      return _("Signed outside the certificate’s validity");
    case PAR_CERTIFICATE_REVOKED:
      return _("Signed with a revoked certificate");
    case PAR_CERTIFICATE_UNKNOWN:
    default:
      return _("Signed, certificate unreadable");
    }
}

/* What a person reads for @status, beside the signer's name. */
const char *
par_certificate_status_get_label (ParCertificateStatus status)
{
  switch (status)
    {
    case PAR_CERTIFICATE_TRUSTED:
      return _("Issuer trusted");
    case PAR_CERTIFICATE_UNTRUSTED:
      return _("Issuer not trusted");
    case PAR_CERTIFICATE_EXPIRED:
      return _("Certificate not valid when signed");
    case PAR_CERTIFICATE_REVOKED:
      return _("Certificate revoked before signing");
    case PAR_CERTIFICATE_UNKNOWN:
      return _("Certificate unreadable");
    default:
      g_return_val_if_reached (NULL);
    }
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
  for (pos = start; pos > from && par_pdf_is_space (data[pos - 1]); pos--)
    ;
  if (pos < from + strlen ("/Contents") || memcmp (data + pos - strlen ("/Contents"), "/Contents", strlen ("/Contents")) != 0)
    return FALSE;
  for (pos = start + 1; pos < range->c - 1; pos++)
    if (par_pdf_hex_value (data[pos]) < 0 && !par_pdf_is_space (data[pos]))
      return FALSE;
  return TRUE;
}

ParPdfSignature *
par_pdf_signature_new (void)
{
  ParPdfSignature *signature = g_new0 (ParPdfSignature, 1);

  signature->signer = g_strdup ("");
  signature->signing_time = g_strdup ("");
  signature->status = PAR_SIGNATURE_INVALID;
  signature->trust = par_trust_judgement_new_unknown ();
  return signature;
}

/* Judges @signature's certificates with @trust at its signing time. */
void
par_pdf_signature_judge (ParPdfSignature *signature,
                         ParTrust        *trust)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (signature->signing_time, NULL);

  g_return_if_fail (signature != NULL);
  g_return_if_fail (trust != NULL);

  g_clear_pointer (&signature->trust, par_trust_judgement_free);
  signature->trust = par_trust_judge (trust, signature->certificates, when);
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

  if (!par_pdf_parse_byte_range (data, length, key + strlen ("/ByteRange"), &range))
    {
      g_ptr_array_add (signatures, par_pdf_signature_new ());
      g_array_append_val (sane, is_sane);
      return;
    }
  for (guint i = 0; i < seen->len; i++)
    if (memcmp (&g_array_index (seen, ByteRange, i), &range, sizeof range) == 0)
      return;
  g_array_append_val (seen, range);

  signature = par_pdf_signature_new ();
  signature->signed_end = range.c + range.d;
  g_ptr_array_add (signatures, signature);
  is_sane = range_is_sane (data, length, &range, from, to);
  g_array_append_val (sane, is_sane);
  if (!is_sane)
    return;

  dictionary_time = par_pdf_find_date (data, from, to);
  if (dictionary_time != NULL)
    {
      g_free (signature->signing_time);
      signature->signing_time = par_pdf_format_date_time (dictionary_time);
    }
  sub_filter = par_pdf_find_sub_filter (data, from, to);
  /* A bare PKCS #1 signature with the certificate in /Cert: not read. */
  if (g_strcmp0 (sub_filter, "adbe.x509.rsa_sha1") == 0)
    return;

  der = par_pdf_hex_decode (data, range.b + 1, range.c - 1, &der_length);
  if (der == NULL || der_length == 0)
    return;
  par_pdf_verify_cms (signature, der, der_length, data, &range, dictionary_time);
}

static gboolean
looks_like_pdf (const guint8 *data,
                gsize         length)
{
  return par_pdf_find_in (data, 0, MIN (length, HEADER_WINDOW + 5), "%PDF-") >= 0;
}

/* Every signature dictionary of the PDF in @data, in file order, into
 * @signatures, with whether its ByteRange describes its /Contents gap
 * into @sane. */
static void
find_signatures (const guint8 *data,
                 gsize         length,
                 GPtrArray    *signatures,
                 GArray       *sane)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (ByteRange));
  gsize object_start = 0;
  gsize endobj = 0;
  gboolean endobj_known = FALSE;
  gsize contents = 0;
  gboolean contents_known = FALSE;

  /* Straight from one /ByteRange to the next (memchr's speed: most files
   * have none, and this runs over every file kept). */
  for (gssize found = par_pdf_find_in (data, 0, length, "/ByteRange");
       found >= 0 && signatures->len < MAX_SIGNATURES;
       found = par_pdf_find_in (data, found + 1, length, "/ByteRange"))
    {
      gsize i = found;

      if (i + strlen ("/ByteRange") == length || par_pdf_is_delimiter (data[i + strlen ("/ByteRange")]))
        {
          object_start = par_pdf_object_start_before (data, length, i);
          /* The object ends at the next "endobj" (or the end of the data);
           * the keys come in increasing order, so the last one found may
           * still be the next. */
          if (!endobj_known || endobj < i)
            {
              gssize next = par_pdf_find_in (data, i, length, "endobj");

              endobj = next >= 0 ? (gsize) next : length;
              endobj_known = TRUE;
            }
          /* The same for the first /Contents of the object. */
          if (!contents_known || contents < object_start)
            {
              gssize next = par_pdf_find_in (data, object_start, length, "/Contents");

              contents = next >= 0 ? (gsize) next : length;
              contents_known = TRUE;
            }
          /* Without /Contents it is not a signature dictionary. */
          if (contents < endobj)
            check_dictionary (data, length, i, object_start, endobj, signatures, sane, seen);
          ERR_clear_error ();
        }
    }
}

/* The verdict of the file whose signatures these are (see
 * par_pdf_signatures_check()). */
static ParSignatureVerdict
file_verdict (GPtrArray *signatures,
              GArray    *sane,
              gsize      length)
{
  gboolean any_modified = FALSE, any_invalid = FALSE;
  gint64 covered = -1;

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
  if (signatures->len == 0)
    return PAR_SIGNATURE_NONE;
  if (any_modified || (covered >= 0 && (guint64) covered < length))
    return PAR_SIGNATURE_MODIFIED;
  if (any_invalid)
    return PAR_SIGNATURE_INVALID;
  return PAR_SIGNATURE_VALID;
}

/* All signatures of the PDF in @data, in file order, and the file's
 * verdict: none; valid (every signature valid and the last covers the file
 * to its end); modified (a signed range no longer matches its digest, or
 * bytes follow the last signed range); invalid (any other failure). Each
 * signature's certificates are judged with @trust, unless it is NULL.
 * Returns NULL with @error only if @data is not a PDF at all. */
GPtrArray *
par_pdf_signatures_check_with_trust (const guint8         *data,
                                     gsize                 length,
                                     ParTrust             *trust,
                                     ParSignatureVerdict  *verdict,
                                     GError              **error)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GArray) sane = NULL;

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
  sane = g_array_new (FALSE, FALSE, sizeof (gboolean));
  find_signatures (data, length, signatures, sane);
  for (guint i = 0; trust != NULL && i < signatures->len; i++)
    par_pdf_signature_judge (g_ptr_array_index (signatures, i), trust);
  if (verdict != NULL)
    *verdict = file_verdict (signatures, sane, length);
  return g_steal_pointer (&signatures);
}

/* The same, with the system's CA certificates as the only trusted issuers. */
GPtrArray *
par_pdf_signatures_check (const guint8         *data,
                          gsize                 length,
                          ParSignatureVerdict  *verdict,
                          GError              **error)
{
  g_autoptr(ParTrust) trust = par_trust_new_system_only ();

  return par_pdf_signatures_check_with_trust (data, length, trust, verdict, error);
}
