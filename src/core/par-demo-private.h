/* par-demo-private.h: what the files of the demo share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A kept document of the sample office, drawn at demo time. */
typedef struct
{
  const char *issuer[2];
  const char *number;
  const char *place_date;
  const char *type;
  const char *abstract;
  const char *body;
  const char *filename;
  const char *supports;     /* item code in the department set, scored for SNV, or NULL */
  const char *tasks;        /* codes of the tasks of SNV's plan it is evidence of, comma-separated, or NULL */
  const char *recommendation; /* the text of the recommendation it shows carried out, or NULL */
} DemoDocument;

/* par-demo-document.c */
gboolean par_demo_draw_document (const DemoDocument *doc,
                                 const char         *title,
                                 const char         *path);

G_END_DECLS
