/* par-criteria-set.h: a criteria set: the tree of areas, criteria and sub-criteria of one year and level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-criteria-node.h"
#include "par-database.h"
#include "par-unit.h"

G_BEGIN_DECLS

#define PAR_TYPE_CRITERIA_SET (par_criteria_set_get_type ())

G_DECLARE_FINAL_TYPE (ParCriteriaSet, par_criteria_set, PAR, CRITERIA_SET, GObject)

ParCriteriaSet  *par_criteria_set_new           (void);
gint64           par_criteria_set_get_id        (ParCriteriaSet  *self);
const char      *par_criteria_set_get_name      (ParCriteriaSet  *self);
void             par_criteria_set_set_name      (ParCriteriaSet  *self,
                                                 const char      *name);
ParUnitLevel     par_criteria_set_get_level     (ParCriteriaSet  *self);
void             par_criteria_set_set_level     (ParCriteriaSet  *self,
                                                 ParUnitLevel     level);
int              par_criteria_set_get_year      (ParCriteriaSet  *self);
void             par_criteria_set_set_year      (ParCriteriaSet  *self,
                                                 int              year);
const char      *par_criteria_set_get_source_file (ParCriteriaSet *self);
void             par_criteria_set_set_source_file (ParCriteriaSet *self,
                                                   const char     *path);
gint64           par_criteria_set_get_max_total (ParCriteriaSet  *self);
GPtrArray       *par_criteria_set_get_roots     (ParCriteriaSet  *self);
guint            par_criteria_set_get_n_nodes   (ParCriteriaSet  *self);
ParCriteriaNode *par_criteria_set_get_node      (ParCriteriaSet  *self,
                                                 guint            index);
ParCriteriaNode *par_criteria_set_find_node     (ParCriteriaSet  *self,
                                                 const char      *code);
ParCriteriaNode *par_criteria_set_find_node_by_id (ParCriteriaSet *self,
                                                   gint64          id);
void             par_criteria_set_add_root      (ParCriteriaSet  *self,
                                                 ParCriteriaNode *node);
void             par_criteria_set_index         (ParCriteriaSet  *self);

gint64           par_criteria_set_save          (ParCriteriaSet  *self,
                                                 ParDatabase     *db,
                                                 GError         **error);
ParCriteriaSet  *par_criteria_set_load          (ParDatabase     *db,
                                                 gint64           set_id,
                                                 GError         **error);
GPtrArray       *par_criteria_set_list          (ParDatabase     *db,
                                                 GError         **error);

G_END_DECLS
