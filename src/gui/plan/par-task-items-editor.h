/* par-task-items-editor.h: the task (or inspection) dialog's PAR Index items: chosen in a chooser, shown as removable rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"
#include "par-task-item-chooser.h"

G_BEGIN_DECLS

#define PAR_TYPE_TASK_ITEMS_EDITOR (par_task_items_editor_get_type ())

G_DECLARE_FINAL_TYPE (ParTaskItemsEditor, par_task_items_editor, PAR, TASK_ITEMS_EDITOR, GtkBox)

gboolean            par_task_items_editor_load         (ParTaskItemsEditor  *self,
                                                        ParDatabase         *db,
                                                        gint64               task_id,
                                                        GError             **error);
void                par_task_items_editor_set_items    (ParTaskItemsEditor  *self,
                                                        ParDatabase         *db,
                                                        GPtrArray           *items);
void                par_task_items_editor_set_texts    (ParTaskItemsEditor  *self,
                                                        const char          *none,
                                                        const char          *tooltip);
GPtrArray          *par_task_items_editor_get_items    (ParTaskItemsEditor  *self);
GArray             *par_task_items_editor_get_node_ids (ParTaskItemsEditor  *self);
ParTaskItemChooser *par_task_items_editor_choose       (ParTaskItemsEditor  *self);

G_END_DECLS
