/* par-linked-documents.h: the documents linked to an item or a task, in a side pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_LINKED_DOCUMENTS (par_linked_documents_get_type ())

G_DECLARE_FINAL_TYPE (ParLinkedDocuments, par_linked_documents, PAR, LINKED_DOCUMENTS, GtkBox)

void   par_linked_documents_set_context   (ParLinkedDocuments *self,
                                           ParContext         *context);
void   par_linked_documents_set_documents (ParLinkedDocuments *self,
                                           GPtrArray          *documents);
guint  par_linked_documents_get_n_items   (ParLinkedDocuments *self);
gint64 par_linked_documents_get_id        (ParLinkedDocuments *self,
                                           guint               position);
void   par_linked_documents_set_attach_target (ParLinkedDocuments *self,
                                               GVariant           *target);

G_END_DECLS
