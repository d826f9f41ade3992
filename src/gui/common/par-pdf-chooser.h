/* par-pdf-chooser.h: PDF files picked in a file dialog or dropped on a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "par-context.h"

G_BEGIN_DECLS

typedef void (*ParPathsFunc) (GPtrArray *paths,
                              gpointer   user_data);

void par_pdf_chooser_run         (GtkWindow    *parent,
                                  const char   *title,
                                  const char   *accept_label,
                                  GObject      *owner,
                                  ParPathsFunc  callback);
void par_pdf_chooser_accept_drop (GtkWidget    *widget,
                                  GObject      *owner,
                                  ParPathsFunc  callback);
GPtrArray *par_pdf_chooser_paths_from_drop (const GValue *value);
void par_pdf_chooser_report      (ParContext   *context,
                                  GPtrArray    *results,
                                  const char   *message,
                                  const char   *refused_heading);

G_END_DECLS
