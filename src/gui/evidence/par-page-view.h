/* par-page-view.h: one page of a document in the viewer, with its find highlights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define PAR_TYPE_PAGE_VIEW (par_page_view_get_type ())

G_DECLARE_FINAL_TYPE (ParPageView, par_page_view, PAR, PAGE_VIEW, GtkWidget)

ParPageView *par_page_view_new               (int               index,
                                              double            width,
                                              double            height);
int          par_page_view_get_index         (ParPageView      *self);
void         par_page_view_set_zoom          (ParPageView      *self,
                                              double            zoom);
void         par_page_view_set_texture       (ParPageView      *self,
                                              GdkTexture       *texture,
                                              double            scale);
double       par_page_view_get_texture_scale (ParPageView      *self);
gsize        par_page_view_get_texture_bytes (ParPageView      *self);
void         par_page_view_set_highlights    (ParPageView      *self,
                                              GArray           *areas,
                                              int               current);

G_END_DECLS
