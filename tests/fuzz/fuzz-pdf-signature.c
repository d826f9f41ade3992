/* fuzz-pdf-signature.c: fuzz target for the offline signature check (/ByteRange scanner, CMS)
 *
 * par_pdf_signatures_check() reads the bytes as they are, with their length; the input is copied
 * to a buffer of exactly that size, so that AddressSanitizer sees any read past the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "par-pdf-signature.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree guint8 *bytes = g_memdup2 (data, size);
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  ParSignatureVerdict verdict = PAR_SIGNATURE_VALID;

  signatures = par_pdf_signatures_check (size > 0 ? bytes : (const guint8 *) "", size, &verdict,
                                         &error);
  /* Either a list (maybe empty) and a verdict, or "not a PDF". */
  if (signatures == NULL)
    {
      g_assert_error (error, PAR_SIGNATURE_ERROR, PAR_SIGNATURE_ERROR_NOT_PDF);
      g_assert_cmpint (verdict, ==, PAR_SIGNATURE_NONE);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (signatures->len > 0 || verdict == PAR_SIGNATURE_NONE);
      for (guint i = 0; i < signatures->len; i++)
        {
          ParPdfSignature *signature = g_ptr_array_index (signatures, i);

          g_assert_nonnull (signature->signer);
          g_assert_nonnull (signature->signing_time);
        }
    }
  return 0;
}
