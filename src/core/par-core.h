/* par-core.h: everything libpar-core offers (no GTK here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-assessment.h"
#include "par-criteria-import.h"
#include "par-criteria-node.h"
#include "par-criteria-set.h"
#include "par-database.h"
#include "par-demo.h"
#include "par-directory.h"
#include "par-document-details.h"
#include "par-edit-queue.h"
#include "par-evidence.h"
#include "par-evidence-document.h"
#include "par-evidence-links.h"
#include "par-file-check.h"
#include "par-file-guard.h"
#include "par-i18n.h"
#include "par-link-target.h"
#include "par-pdf-signature.h"
#include "par-pdf-worker.h"
#include "par-points.h"
#include "par-ranking.h"
#include "par-workbook.h"
#include "par-xlsx-export.h"
#include "par-staff.h"
#include "par-text-fold.h"
#include "par-unit.h"
