/* par-inspections-view-private.h: what the files of ParInspectionsView share: its fields and its internal functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-inspection-item.h"
#include "par-inspection-pane.h"
#include "par-inspections-month.h"
#include "par-inspections-view.h"

G_BEGIN_DECLS

struct _ParInspectionsView
{
  AdwBin               parent_instance;

  ParContext          *context;
  ParDatabase         *database;      /* the context's, followed */
  ParHolidayCalendar  *holidays;      /* of @database, made again when its holidays change */
  GDate                month;         /* the first day of the month shown */
  GDate                today;
  gint64               selected_id;   /* 0: none */
  int                  loaded_year;   /* the year of @inspections */
  GListStore          *inspections;   /* ParInspectionItem of the year of @month, by first day */
  GListStore          *overdue;       /* ParInspectionItem with an overdue recommendation, all years */
  GtkSingleSelection  *list_selection;
  GtkSingleSelection  *overdue_selection;
  gboolean             updating;

  GtkMenuButton       *month_button;
  GtkCalendar         *jump_calendar;
  GtkToggleButton     *month_toggle;
  GtkToggleButton     *list_toggle;
  GtkToggleButton     *overdue_toggle;
  GtkLabel            *counts_label;
  GtkStack            *mode_stack;
  ParInspectionsMonth *month_view;
  GtkStack            *list_stack;
  GtkColumnView       *inspection_list;
  GtkStack            *overdue_stack;
  GtkColumnView       *overdue_list;
  ParInspectionPane   *pane;
};

/* The files call one another from the top down: par-inspections-view.c
 * calls the others; -actions.c calls -lists.c; -lists.c and -export.c call
 * none. */

/* par-inspections-view-lists.c: the year's inspections, the overdue list, the header's counts */
void par_inspections_view_init_lists     (ParInspectionsView *self);
void par_inspections_view_load           (ParInspectionsView *self);
void par_inspections_view_load_overdue   (ParInspectionsView *self);
void par_inspections_view_sync_lists     (ParInspectionsView *self);
void par_inspections_view_report         (ParInspectionsView *self,
                                          const char         *heading,
                                          const GError       *error);

/* par-inspections-view-actions.c: findings, recommendations, cancelling, evidence */
void par_inspections_view_class_actions_init (GtkWidgetClass     *widget_class);
void par_inspections_view_init_actions       (ParInspectionsView *self);
void par_inspections_view_update_actions     (ParInspectionsView *self);

/* par-inspections-view-export.c: the year's inspection plan and calendar, written to files */
void par_inspections_view_class_export_init  (GtkWidgetClass     *widget_class);

G_END_DECLS
