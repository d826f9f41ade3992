/* par-pdf-signer.c: signing a PDF with an incremental update (detached CMS, SHA-256)
 *
 * The update appends, after the bytes given, what a reader needs to list
 * the signature: the signature dictionary (/Type /Sig, adbe.pkcs7.detached,
 * /ByteRange and /Contents), an invisible signature field and widget on the
 * first page, the AcroForm listing the fields (a new one, or the old one
 * with the field added, so that a second signature keeps the first), the
 * catalog or page updated to point at them, and a classic cross-reference
 * section whose trailer has /Prev. The CMS covers every byte but the
 * /Contents hex string; it carries a signingTime attribute set to the
 * time given, the signer's certificate and the chain given.
 *
 * Used by the demo to make its signed documents; the PDF structure is
 * read by par-pdf-signer-syntax.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/err.h>

#include "par-pdf-signer-private.h"

/* Room for the DER of the CMS, in bytes (written as twice as many hex
 * digits): a chain of three RSA 4096 certificates fits. */
#define CONTENTS_SIZE 12288
/* Room for "[0 b c d]". */
#define BYTE_RANGE_WIDTH 48

typedef struct
{
  GString *out;
  GArray  *numbers;   /* guint, the objects written */
  GArray  *offsets;   /* gsize, where they start */
} Update;

static void
begin_object (Update *update,
              guint   number)
{
  gsize offset = update->out->len;

  g_array_append_val (update->numbers, number);
  g_array_append_val (update->offsets, offset);
  g_string_append_printf (update->out, "%u 0 obj\n", number);
}

static void
end_object (Update *update)
{
  g_string_append (update->out, "\nendobj\n");
}

/* A PDF text string: literal if printable ASCII, else UTF-16BE in hex. */
static void
append_text_string (GString    *out,
                    const char *text)
{
  gboolean ascii = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    ascii = ascii && g_ascii_isprint (*p);
  if (ascii)
    {
      g_string_append_c (out, '(');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, ')');
      return;
    }
  g_string_append (out, "<FEFF");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        g_string_append_printf (out, "%04X%04X", 0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
      else
        g_string_append_printf (out, "%04X", c);
    }
  g_string_append_c (out, '>');
}

/* "D:YYYYMMDDHHmmSS+HH'mm'" (PDF 1.7, 7.9.4). */
static void
append_date (GString   *out,
             GDateTime *when)
{
  g_autofree char *local = g_date_time_format (when, "%Y%m%d%H%M%S");
  gint64 offset = g_date_time_get_utc_offset (when) / G_TIME_SPAN_MINUTE;

  g_string_append_printf (out, "(D:%s%c%02d'%02d')", local, offset < 0 ? '-' : '+',
                          (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
}

/* The references of @value: an array of them, or a reference to one. */
static gboolean
read_refs (const PdfFile  *file,
           const PdfSpan  *value,
           GArray         *numbers,
           GError        **error)
{
  PdfSpan array = *value;
  guint number;

  if (par_pdf_value_get_ref (file->data, value, &number) && !par_pdf_file_get_object (file, number, &array, error))
    return FALSE;
  if (!par_pdf_array_get_refs (file->data, &array, numbers))
    return par_pdf_signer_unsupported (error, "an array that is not of references");
  return TRUE;
}

/* The first page of the document, down the page tree from the catalog. */
static gboolean
find_first_page (const PdfFile  *file,
                 const PdfSpan  *catalog,
                 guint          *number,
                 PdfSpan        *page,
                 GError        **error)
{
  PdfSpan value;
  guint node;

  if (!par_pdf_dict_get (file->data, catalog, "/Pages", &value)
      || !par_pdf_value_get_ref (file->data, &value, &node))
    return par_pdf_signer_unsupported (error, "no /Pages");
  for (guint depth = 0; depth < 32; depth++)
    {
      g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (guint));

      if (!par_pdf_file_get_object (file, node, page, error))
        return FALSE;
      if (!par_pdf_value_is_dict (file->data, page))
        return par_pdf_signer_unsupported (error, "a page that is not a dictionary");
      if (!par_pdf_dict_get (file->data, page, "/Kids", &value))
        {
          *number = node;
          return TRUE;
        }
      if (!read_refs (file, &value, kids, error))
        return FALSE;
      if (kids->len == 0)
        return par_pdf_signer_unsupported (error, "no pages");
      node = g_array_index (kids, guint, 0);
    }
  return par_pdf_signer_unsupported (error, "a page tree too deep");
}

/* What points at the fields and the widgets of the first page. */
typedef struct
{
  PdfSpan catalog;
  PdfSpan acroform;          /* empty if the file has none */
  PdfSpan page;
  guint   acroform_number;   /* 0 if the AcroForm is not an object of its own */
  guint   page_number;
  GArray *fields;            /* guint, the AcroForm's /Fields */
  GArray *annots;            /* guint, the page's /Annots */
} FieldOwners;

static void
field_owners_clear (FieldOwners *owners)
{
  g_clear_pointer (&owners->fields, g_array_unref);
  g_clear_pointer (&owners->annots, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FieldOwners, field_owners_clear)

static gboolean
read_field_owners (const PdfFile  *file,
                   FieldOwners    *owners,
                   GError        **error)
{
  PdfSpan value;

  owners->fields = g_array_new (FALSE, FALSE, sizeof (guint));
  owners->annots = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!par_pdf_file_get_object (file, file->root, &owners->catalog, error))
    return FALSE;
  if (!par_pdf_value_is_dict (file->data, &owners->catalog))
    return par_pdf_signer_unsupported (error, "the catalog is not a dictionary");
  if (!find_first_page (file, &owners->catalog, &owners->page_number, &owners->page, error))
    return FALSE;
  if (par_pdf_dict_get (file->data, &owners->catalog, "/AcroForm", &owners->acroform)
      && par_pdf_value_get_ref (file->data, &owners->acroform, &owners->acroform_number)
      && !par_pdf_file_get_object (file, owners->acroform_number, &owners->acroform, error))
    return FALSE;
  if (owners->acroform.end > owners->acroform.start)
    {
      if (!par_pdf_value_is_dict (file->data, &owners->acroform))
        return par_pdf_signer_unsupported (error, "the AcroForm is not a dictionary");
      if (par_pdf_dict_get (file->data, &owners->acroform, "/Fields", &value)
          && !read_refs (file, &value, owners->fields, error))
        return FALSE;
    }
  if (par_pdf_dict_get (file->data, &owners->page, "/Annots", &value)
      && !read_refs (file, &value, owners->annots, error))
    return FALSE;
  /* Each object is written once. */
  if (owners->page_number == file->root || owners->acroform_number == file->root
      || owners->acroform_number == owners->page_number)
    return par_pdf_signer_unsupported (error, "objects that are each other");
  return TRUE;
}

/* Object @number: the entries of @dict (if any) but @keys, then @extra. */
static gboolean
write_dictionary (Update         *update,
                  const PdfFile  *file,
                  guint           number,
                  const PdfSpan  *dict,
                  const char    **keys,
                  const char     *extra,
                  GError        **error)
{
  begin_object (update, number);
  g_string_append (update->out, "<<");
  if (dict->end > dict->start && !par_pdf_dict_copy_except (file->data, dict, keys, update->out))
    return par_pdf_signer_unsupported (error, "a malformed dictionary");
  g_string_append (update->out, extra);
  g_string_append (update->out, "\n>>");
  end_object (update);
  return TRUE;
}

static char *
refs_text (const char *key,
           GArray     *numbers)
{
  GString *text = g_string_new ("\n   ");

  g_string_append_printf (text, "%s [", key);
  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, "%s%u 0 R", i > 0 ? " " : "", g_array_index (numbers, guint, i));
  g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

/* The field of the signature dictionary @signature, and the objects that
 * point at it: the AcroForm (its /Fields with the field added), the
 * catalog if the AcroForm is new, and the first page (its /Annots with the
 * widget added). */
static gboolean
write_field (Update         *update,
             const PdfFile  *file,
             guint           signature,
             guint           field,
             guint          *next_number,
             GError        **error)
{
  static const char *acroform_keys[] = { "/Fields", "/SigFlags", NULL };
  static const char *catalog_keys[] = { "/AcroForm", NULL };
  static const char *page_keys[] = { "/Annots", NULL };
  g_auto(FieldOwners) owners = { 0 };
  g_autofree char *field_refs = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *annots = NULL;
  g_autofree char *acroform_ref = NULL;
  gboolean new_acroform;

  if (!read_field_owners (file, &owners, error))
    return FALSE;
  new_acroform = owners.acroform_number == 0;
  if (new_acroform)
    owners.acroform_number = (*next_number)++;
  g_array_append_val (owners.fields, field);
  g_array_append_val (owners.annots, field);
  field_refs = refs_text ("/Fields", owners.fields);
  fields = g_strconcat (field_refs, "\n   /SigFlags 3", NULL);
  annots = refs_text ("/Annots", owners.annots);
  acroform_ref = g_strdup_printf ("\n   /AcroForm %u 0 R", owners.acroform_number);
  if (!write_dictionary (update, file, owners.acroform_number, &owners.acroform, acroform_keys, fields, error)
      || !(new_acroform ? write_dictionary (update, file, file->root, &owners.catalog, catalog_keys, acroform_ref,
                                            error) : TRUE)
      || !write_dictionary (update, file, owners.page_number, &owners.page, page_keys, annots, error))
    return FALSE;

  /* The field and its widget, one object, on the first page. */
  begin_object (update, field);
  g_string_append_printf (update->out, "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /Rect [0 0 0 0]"
                          " /P %u 0 R /T (Signature%u) /V %u 0 R >>", owners.page_number, owners.fields->len,
                          signature);
  end_object (update);
  return TRUE;
}

/* The signature dictionary, its /ByteRange and /Contents left blank;
 * where they are into @byte_range and @contents. */
static void
write_signature_dictionary (Update             *update,
                            guint               number,
                            const ParPdfSigner *signer,
                            gsize              *byte_range,
                            gsize              *contents)
{
  GString *out = update->out;

  begin_object (update, number);
  g_string_append (out, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached\n   /ByteRange ");
  *byte_range = out->len;
  g_string_append_printf (out, "%*s", BYTE_RANGE_WIDTH, "");
  g_string_append (out, "\n   /Contents ");
  *contents = out->len;
  g_string_append_c (out, '<');
  for (guint i = 0; i < CONTENTS_SIZE; i++)
    g_string_append (out, "00");
  g_string_append (out, ">\n   /M ");
  append_date (out, signer->signing_time);
  if (signer->name != NULL)
    {
      g_string_append (out, "\n   /Name ");
      append_text_string (out, signer->name);
    }
  if (signer->reason != NULL)
    {
      g_string_append (out, "\n   /Reason ");
      append_text_string (out, signer->reason);
    }
  if (signer->location != NULL)
    {
      g_string_append (out, "\n   /Location ");
      append_text_string (out, signer->location);
    }
  g_string_append (out, "\n>>");
  end_object (update);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const guint *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* The cross-reference section of the update, its trailer and the end. */
static gboolean
write_cross_reference (Update         *update,
                       const PdfFile  *file,
                       guint           size,
                       GError        **error)
{
  static const char *trailer_keys[] = { "/Size", "/Root", "/Prev", NULL };
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, 2 * sizeof (guint64));
  gsize start = update->out->len;
  guint i = 0;

  for (guint k = 0; k < update->numbers->len; k++)
    {
      guint64 entry[2] = { g_array_index (update->numbers, guint, k), g_array_index (update->offsets, gsize, k) };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  g_string_append (update->out, "xref\n");
  /* One subsection for each run of consecutive numbers. */
  while (i < entries->len)
    {
      guint j = i + 1;
      guint64 *first = &g_array_index (entries, guint64, 2 * i);

      while (j < entries->len && g_array_index (entries, guint64, 2 * j) == first[0] + (j - i))
        j++;
      g_string_append_printf (update->out, "%" G_GUINT64_FORMAT " %u\n", first[0], j - i);
      for (; i < j; i++)
        g_string_append_printf (update->out, "%010" G_GUINT64_FORMAT " 00000 n \n",
                                g_array_index (entries, guint64, 2 * i + 1));
    }
  g_string_append_printf (update->out, "trailer\n<< /Size %u\n   /Root %u 0 R", size, file->root);
  if (!par_pdf_dict_copy_except (file->data, &file->trailer, trailer_keys, update->out))
    return par_pdf_signer_unsupported (error, "a malformed trailer");
  g_string_append_printf (update->out, "\n   /Prev %" G_GSIZE_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", file->startxref, start);
  return TRUE;
}

static gboolean
crypto_failed (GError **error)
{
  char detail[256];

  ERR_error_string_n (ERR_peek_last_error (), detail, sizeof detail);
  ERR_clear_error ();
  g_set_error (error, PAR_PDF_SIGNER_ERROR, PAR_PDF_SIGNER_ERROR_FAILED,
               _("The signature could not be made: %s"), detail);
  return FALSE;
}

/* The DER of a detached CMS SignedData over @content. */
static GBytes *
sign_content (const ParPdfSigner  *signer,
              const guint8        *content,
              gsize                length,
              GError             **error)
{
  unsigned int flags = CMS_BINARY | CMS_DETACHED | CMS_PARTIAL | CMS_NOSMIMECAP;
  CMS_ContentInfo *cms = CMS_sign (NULL, NULL, NULL, NULL, flags);
  CMS_SignerInfo *info = NULL;
  ASN1_TIME *time = ASN1_TIME_set (NULL, (time_t) g_date_time_to_unix (signer->signing_time));
  BIO *in = BIO_new_mem_buf (content, (int) length);
  unsigned char *der = NULL;
  int der_length = -1;
  gboolean ok;

  /* CMS_final would add the current time if the attribute were not there. */
  ok = cms != NULL && time != NULL && in != NULL && length <= G_MAXINT
       && (info = CMS_add1_signer (cms, signer->certificate, signer->key, EVP_sha256 (), flags)) != NULL
       && CMS_signed_add1_attr_by_NID (info, NID_pkcs9_signingTime, time->type, time, -1) == 1;
  for (int i = 0; ok && signer->chain != NULL && i < sk_X509_num (signer->chain); i++)
    ok = CMS_add1_cert (cms, sk_X509_value (signer->chain, i)) == 1;
  ok = ok && CMS_final (cms, in, NULL, flags) == 1 && (der_length = i2d_CMS_ContentInfo (cms, &der)) > 0;
  if (!ok)
    crypto_failed (error);
  BIO_free (in);
  ASN1_TIME_free (time);
  CMS_ContentInfo_free (cms);
  if (!ok)
    return NULL;
  {
    GBytes *bytes = g_bytes_new (der, der_length);

    OPENSSL_free (der);
    return bytes;
  }
}

/* Fills in the /ByteRange of the update in @out, signs and writes the CMS
 * into the /Contents gap. */
static gboolean
seal (GString             *out,
      gsize                byte_range,
      gsize                contents,
      const ParPdfSigner  *signer,
      GError             **error)
{
  gsize b = contents, c = contents + 2 + 2 * CONTENTS_SIZE, d = out->len - c;
  g_autofree char *range = g_strdup_printf ("[0 %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "]",
                                            b, c, d);
  g_autofree guint8 *signed_bytes = NULL;
  g_autoptr(GBytes) der = NULL;
  const guint8 *der_data;
  gsize der_length;

  if (strlen (range) > BYTE_RANGE_WIDTH)
    {
      g_set_error (error, PAR_PDF_SIGNER_ERROR, PAR_PDF_SIGNER_ERROR_FAILED,
                   _("The signature could not be made: %s"), "the file is too large");
      return FALSE;
    }
  memcpy (out->str + byte_range, range, strlen (range));
  signed_bytes = g_malloc (b + d);
  memcpy (signed_bytes, out->str, b);
  memcpy (signed_bytes + b, out->str + c, d);
  der = sign_content (signer, signed_bytes, b + d, error);
  if (der == NULL)
    return FALSE;
  der_data = g_bytes_get_data (der, &der_length);
  if (der_length > CONTENTS_SIZE)
    {
      g_set_error (error, PAR_PDF_SIGNER_ERROR, PAR_PDF_SIGNER_ERROR_FAILED,
                   _("The signature could not be made: %s"), "the certificates do not fit");
      return FALSE;
    }
  for (gsize i = 0; i < der_length; i++)
    {
      static const char hex[] = "0123456789ABCDEF";

      out->str[contents + 1 + 2 * i] = hex[der_data[i] >> 4];
      out->str[contents + 2 + 2 * i] = hex[der_data[i] & 0xF];
    }
  return TRUE;
}

/* @pdf with an incremental update that holds a signature of @signer over
 * the whole file; a PDF already signed gets a second signature, the first
 * kept. Only classic cross-reference tables are read (see
 * par-pdf-signer-syntax.c): anything else is refused with an error. */
GBytes *
par_pdf_sign (GBytes              *pdf,
              const ParPdfSigner  *signer,
              GError             **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  Update update = { NULL, numbers, offsets };
  PdfFile file;
  gsize length = 0, byte_range = 0, contents = 0;
  const guint8 *data;
  guint next;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (signer != NULL && signer->key != NULL && signer->certificate != NULL, NULL);
  g_return_val_if_fail (signer->signing_time != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (pdf, &length);
  if (data == NULL || length == 0)
    {
      par_pdf_signer_unsupported (error, "no bytes");
      return NULL;
    }
  if (!par_pdf_file_read (&file, data, length, error))
    return NULL;
  update.out = g_string_sized_new (length + 4 * CONTENTS_SIZE);
  g_string_append_len (update.out, (const char *) data, length);
  if (data[length - 1] != '\n' && data[length - 1] != '\r')
    g_string_append_c (update.out, '\n');
  next = file.size + 2;
  write_signature_dictionary (&update, file.size, signer, &byte_range, &contents);
  if (!write_field (&update, &file, file.size, file.size + 1, &next, error)
      || !write_cross_reference (&update, &file, next, error)
      || !seal (update.out, byte_range, contents, signer, error))
    {
      g_string_free (update.out, TRUE);
      return NULL;
    }
  return g_string_free_to_bytes (update.out);
}
