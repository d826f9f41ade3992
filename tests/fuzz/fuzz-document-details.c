/* fuzz-document-details.c: fuzz target for the reader of an official document's details from text
 *
 * par_document_details_new_from_text() gets the input as NUL-terminated text (a NUL inside the
 * input ends the text early, as it would for the C string a caller passes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "par-document-details.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(ParDocumentDetails) details = NULL;

  if (size > 0)
    memcpy (text, data, size);
  text[size] = '\0';
  details = par_document_details_new_from_text (text);
  /* Every field is a string, never NULL. */
  g_assert_nonnull (details);
  g_assert_nonnull (details->issuer);
  g_assert_nonnull (details->number);
  g_assert_nonnull (details->place);
  g_assert_nonnull (details->date);
  g_assert_nonnull (details->doc_type);
  g_assert_nonnull (details->abstract);
  return 0;
}
