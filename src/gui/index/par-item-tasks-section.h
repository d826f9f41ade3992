/* par-item-tasks-section.h: the item pane's list of the plan tasks serving the item, with their status today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_ITEM_TASKS_SECTION (par_item_tasks_section_get_type ())

G_DECLARE_FINAL_TYPE (ParItemTasksSection, par_item_tasks_section, PAR, ITEM_TASKS_SECTION, GtkBox)

void  par_item_tasks_section_set_context (ParItemTasksSection *self,
                                          ParContext          *context);
void  par_item_tasks_section_show        (ParItemTasksSection *self,
                                          ParCriteriaNode     *node);
guint par_item_tasks_section_get_n_tasks (ParItemTasksSection *self);

G_END_DECLS
