/* par-evidence-viewer-private.h: what the evidence viewer's own files share
 *
 * The viewer is one class in several files: par-evidence-viewer.c opens
 * the document and holds the class together, -pages.c renders the pages
 * and their thumbnails, -zoom.c and -find.c do what their names say,
 * -links.c fills the panel with the document's details and links and
 * makes or removes links, -trust.c trusts a signature's issuer, -copy.c
 * saves or opens a copy.
 *
 * They call one another from the top down, never back up:
 * par-evidence-viewer.c calls the others, -zoom.c and -find.c call
 * -pages.c, and -pages.c, -links.c, -trust.c and -copy.c call none of
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-evidence-details.h"
#include "par-evidence-viewer.h"

G_BEGIN_DECLS

typedef enum { ZOOM_FIT_WIDTH, ZOOM_FIT_PAGE, ZOOM_FIXED } ZoomMode;

#define MIN_ZOOM 0.5
#define MAX_ZOOM 4.0

struct _ParEvidenceViewer
{
  AdwWindow           parent_instance;

  ParContext         *context;
  ParDatabase        *db;              /* the context's when the viewer opened */
  gint64              document_id;
  char               *filename;
  ParPdfWorker       *worker;
  GCancellable       *cancellable;     /* everything, on close */
  GPtrArray          *pages;           /* ParPageView */
  GPtrArray          *pending;         /* GCancellable or NULL, per page */
  GPtrArray          *thumbnails;      /* ParPageView */
  ZoomMode            zoom_mode;
  double              zoom;
  int                 wanted_page;     /* to show once open, from 0 */
  char               *wanted_find;
  GCancellable       *finding;
  GArray             *hits;            /* ParFindHit */
  int                 current_hit;
  guint               update_source;
  int                 current_page;    /* being read: in the subtitle, marked in the sidebar */
  int                 followed_page;   /* the one the sidebar last scrolled to */
  guint               follow_source;   /* brings its thumbnail into view */
  gboolean            thumbnails_wanted;  /* once the first page is on screen */
  gboolean           *thumbnail_asked;    /* one per page */
  gboolean            has_preview;
  ParLinkTarget      *unlinked;        /* the last link removed, for Undo */
  AdwToast           *undo_toast;      /* the toast that offers it */
  guint               refresh_source;

  AdwToastOverlay    *toast_overlay;

  AdwWindowTitle     *title_widget;
  GtkMenuButton      *zoom_button;
  GtkToggleButton    *find_toggle;
  GtkSearchEntry     *find_entry;
  GtkLabel           *find_label;
  GtkStack           *stack;
  GtkPicture         *preview_picture;
  AdwStatusPage      *error_page;
  GtkPasswordEntry   *password_entry;
  GtkLabel           *password_error;
  GtkRevealer        *thumbnails_revealer;
  GtkScrolledWindow  *thumbnails_scroller;
  GtkBox             *thumbnails_box;
  GtkScrolledWindow  *pages_scroller;
  GtkBox             *pages_box;
  ParEvidenceDetails *details_panel;
};

/* par-evidence-viewer-pages.c */
void   par_evidence_viewer_class_init_pages    (GtkWidgetClass    *widget_class);
void   par_evidence_viewer_init_pages          (ParEvidenceViewer *self);
void   par_evidence_viewer_build_pages         (ParEvidenceViewer *self);
void   par_evidence_viewer_schedule_update     (ParEvidenceViewer *self);
void   par_evidence_viewer_apply_zoom          (ParEvidenceViewer *self);
void   par_evidence_viewer_scroll_to_page      (ParEvidenceViewer *self,
                                                int                page,
                                                double             y_in_page);

/* par-evidence-viewer-zoom.c */
void   par_evidence_viewer_class_init_zoom     (GtkWidgetClass    *widget_class);

/* par-evidence-viewer-find.c */
void   par_evidence_viewer_class_init_find     (GtkWidgetClass    *widget_class);
void   par_evidence_viewer_find                (ParEvidenceViewer *self,
                                                const char        *text);

/* par-evidence-viewer-links.c */
void   par_evidence_viewer_class_init_links    (GtkWidgetClass    *widget_class);
void   par_evidence_viewer_show_details        (ParEvidenceViewer *self);
void   par_evidence_viewer_database_changed    (ParEvidenceViewer *self,
                                                ParChange          what);

/* par-evidence-viewer-trust.c */
void   par_evidence_viewer_class_init_trust    (GtkWidgetClass    *widget_class);

/* par-evidence-viewer-copy.c */
void   par_evidence_viewer_class_init_copy     (GtkWidgetClass    *widget_class);

G_END_DECLS
