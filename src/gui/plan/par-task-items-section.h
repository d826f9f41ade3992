/* par-task-items-section.h: the task (or inspection) pane's list of the PAR Index items the task serves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_TASK_ITEMS_SECTION (par_task_items_section_get_type ())

G_DECLARE_FINAL_TYPE (ParTaskItemsSection, par_task_items_section, PAR, TASK_ITEMS_SECTION, GtkBox)

void  par_task_items_section_show      (ParTaskItemsSection *self,
                                        ParDatabase         *db,
                                        ParTask             *task,
                                        gint64               unit_id);
void  par_task_items_section_show_items (ParTaskItemsSection *self,
                                         GPtrArray           *items,
                                         gint64               unit_id);
void  par_task_items_section_set_texts (ParTaskItemsSection *self,
                                        const char          *none,
                                        const char          *list);
guint par_task_items_section_get_n_items (ParTaskItemsSection *self);

G_END_DECLS
