/* par-desk-pdf-reader.c: reads the PDFs named on stdin and writes what poppler found to stdout
 *
 * Started by PAR Desk and par-desk-cli, never by hand: what a document to
 * be kept holds is read here, in a process that is stopped when a document
 * takes longer than its time budget (see src/core/evidence/par-pdf-reader.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "par-pdf-reader.h"

int
main (int    argc,
      char **argv)
{
  /* poppler's text comes out the same in any locale; its messages go nowhere */
  setlocale (LC_ALL, "");
  return par_pdf_reader_serve (0, 1);
}
