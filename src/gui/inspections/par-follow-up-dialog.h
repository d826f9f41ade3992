/* par-follow-up-dialog.h: record a finding or a recommendation of an inspection, or close a recommendation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_FOLLOW_UP_FINDING,          /* a finding of an inspection: its text and PAR Index code */
  PAR_FOLLOW_UP_RECOMMENDATION,   /* a recommendation: its text, the unit responsible, the deadline */
  PAR_FOLLOW_UP_CLOSE,            /* closing a recommendation: the date and the follow-up note */
} ParFollowUpKind;

#define PAR_TYPE_FOLLOW_UP_DIALOG (par_follow_up_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParFollowUpDialog, par_follow_up_dialog, PAR, FOLLOW_UP_DIALOG, ParFormDialog)

ParFollowUpDialog *par_follow_up_dialog_new (GtkWindow       *parent,
                                             ParDatabase     *db,
                                             ParFollowUpKind  kind,
                                             gint64           id,
                                             gint64           unit_id,
                                             const GDate     *date);

G_END_DECLS
