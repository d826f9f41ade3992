/* par-plan-view-private.h: what the files of ParPlanView share: its fields and its internal functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-plan-row.h"
#include "par-plan-summary.h"
#include "par-plan-view.h"
#include "par-task-pane.h"

G_BEGIN_DECLS

struct _ParPlanView
{
  AdwBin              parent_instance;

  ParContext         *context;
  ParDatabase        *database;      /* the context's, followed */
  GPtrArray          *units;         /* ParUnit, in tree order */
  GHashTable         *unit_names;    /* unit id → its name, owned by @units */
  ParPlan            *plan;          /* NULL: the unit has none for the year */
  GPtrArray          *tasks;         /* ParTask of @plan, in plan order */
  GDate               as_of;
  GPtrArray          *task_rows;     /* a ParPlanRow for each of @tasks, kept while the plan is shown */
  ParPlanRow         *area_rows[PAR_N_AREAS];
  GListStore         *root_rows;     /* those of @area_rows shown */
  GtkSingleSelection *selection;
  gboolean            updating;
  GtkWidget          *status_buttons[PAR_N_TASK_STATUSES];

  GtkDropDown        *unit_dropdown;
  GtkSpinButton      *year_spin;
  GtkMenuButton      *as_of_button;
  GtkCalendar        *as_of_calendar;
  GtkStack           *content_stack;
  AdwStatusPage      *no_plan_page;
  GtkLabel           *plan_title_label;
  GtkBox             *summary_box;
  ParPlanSummary     *summary;
  GtkSearchEntry     *task_search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *area_dropdown;
  GtkDropDown        *filter_unit_dropdown;
  GtkToggleButton    *overdue_toggle;
  GtkLabel           *shown_label;
  GtkStack           *tasks_stack;
  AdwStatusPage      *empty_page;
  GtkColumnView      *task_view;
  ParTaskPane        *task_pane;
};

/* The files call one another from the top down, never back up:
 * par-plan-view.c calls the others; -columns.c and -evidence.c call -load.c; -load.c, -export.c and
 * -io.c call none. */

/* par-plan-view-load.c: the units, the chosen plan, the tree and its filters, the summary */
void        par_plan_view_report          (ParPlanView  *self,
                                           const char   *heading,
                                           const GError *error);
void        par_plan_view_init_tree       (ParPlanView  *self);
void        par_plan_view_reload_units    (ParPlanView  *self);
gint64      par_plan_view_selected_unit_id (ParPlanView *self);
void        par_plan_view_load_plan       (ParPlanView  *self);
void        par_plan_view_fill_tree       (ParPlanView  *self);
void        par_plan_view_move_rows       (ParPlanView  *self);
void        par_plan_view_clear_rows      (ParPlanView  *self);
void        par_plan_view_update_summary  (ParPlanView  *self);
ParPlanRow *par_plan_view_selected_row    (ParPlanView  *self);
const char *par_plan_view_unit_name       (ParPlanView  *self,
                                           gint64        unit_id);
void        par_plan_view_update_pane     (ParPlanView  *self);
void        par_plan_view_show_as_of      (ParPlanView  *self);
char       *par_plan_view_coordinating_names (ParPlanView *self,
                                              ParTask     *task);

/* par-plan-view-columns.c: the tree's columns and their cells */
void        par_plan_view_build_columns   (ParPlanView  *self);

/* par-plan-view-evidence.c: documents attached to a task, from the file dialog or dropped */
void        par_plan_view_class_evidence_init (GtkWidgetClass *widget_class);
void        par_plan_view_init_evidence   (ParPlanView  *self);

/* par-plan-view-export.c: the plan workbook and the quarterly report */
void        par_plan_view_class_export_init (GtkWidgetClass *widget_class);

/* par-plan-view-io.c: importing tasks from CSV, carrying them over, printing the quarterly report */
void        par_plan_view_class_io_init   (GtkWidgetClass *widget_class);

G_END_DECLS
