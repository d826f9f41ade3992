/* par-holidays-page.h: the Preferences page of a year's public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_HOLIDAYS_PAGE (par_holidays_page_get_type ())

G_DECLARE_FINAL_TYPE (ParHolidaysPage, par_holidays_page, PAR, HOLIDAYS_PAGE, AdwPreferencesPage)

ParHolidaysPage *par_holidays_page_new      (ParDatabase     *db);
void             par_holidays_page_set_year (ParHolidaysPage *self,
                                             int              year);
int              par_holidays_page_get_year (ParHolidaysPage *self);

G_END_DECLS
