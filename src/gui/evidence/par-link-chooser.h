/* par-link-chooser.h: choosing what a document is evidence of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_LINK_CHOOSER (par_link_chooser_get_type ())

G_DECLARE_FINAL_TYPE (ParLinkChooser, par_link_chooser, PAR, LINK_CHOOSER, AdwWindow)

ParLinkChooser *par_link_chooser_new          (GtkWindow      *parent,
                                               ParContext     *context,
                                               gint64          document_id,
                                               const char     *document_title);
guint           par_link_chooser_get_n_shown  (ParLinkChooser *self);

const char     *par_link_chooser_get_icon_name (ParLinkTargetKind kind);

G_END_DECLS
