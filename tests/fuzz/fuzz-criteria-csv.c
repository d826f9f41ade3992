/* fuzz-criteria-csv.c: fuzz target for the criteria importer, with a source named "fuzz.csv"
 *
 * par_criteria_import_read_data() tells JSON from CSV by the first character of the text ('{' or
 * '[' is JSON), not by the name; the name only makes an empty file a JSON problem. The seed corpus
 * (corpus/criteria-csv/) is CSV, comma and semicolon, so that is where the mutations start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "par-criteria-import.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The importer wants NUL-terminated text, @size bytes without the NUL. */
  g_autofree char *contents = g_malloc (size + 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;

  if (size > 0)
    memcpy (contents, data, size);
  contents[size] = '\0';
  set = par_criteria_import_read_data (contents, size, "fuzz.csv", &problems);
  g_assert_nonnull (set);
  g_assert_nonnull (problems);
  return 0;
}
