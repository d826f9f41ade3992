/* par-task-item-chooser.h: ticking the PAR Index items a task serves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_TASK_ITEM_CHOOSER (par_task_item_chooser_get_type ())

G_DECLARE_FINAL_TYPE (ParTaskItemChooser, par_task_item_chooser, PAR, TASK_ITEM_CHOOSER, AdwWindow)

ParTaskItemChooser *par_task_item_chooser_new         (GtkWindow          *parent,
                                                       ParDatabase        *db,
                                                       GPtrArray          *chosen);
GPtrArray          *par_task_item_chooser_get_chosen  (ParTaskItemChooser *self);
gboolean            par_task_item_chooser_select_set  (ParTaskItemChooser *self,
                                                       gint64              set_id);
gboolean            par_task_item_chooser_toggle      (ParTaskItemChooser *self,
                                                       const char         *code);
guint               par_task_item_chooser_get_n_shown (ParTaskItemChooser *self);

ParTaskItem        *par_task_item_copy                (const ParTaskItem  *item);

G_END_DECLS
