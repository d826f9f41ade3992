/* par-plan-area.h: the seven reform areas of a plan, their keys, numerals and names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In the order plans and reports list them (I to VII). */
typedef enum
{
  PAR_AREA_DIRECTION,
  PAR_AREA_INSTITUTIONS,
  PAR_AREA_PROCEDURES,
  PAR_AREA_APPARATUS,
  PAR_AREA_CIVIL_SERVICE,
  PAR_AREA_PUBLIC_FINANCE,
  PAR_AREA_DIGITAL_GOVERNMENT,
  PAR_N_AREAS
} ParArea;

const char *par_area_to_string   (ParArea      area);
gboolean    par_area_from_string (const char  *key,
                                  ParArea     *area);
const char *par_area_get_numeral (ParArea      area);
const char *par_area_get_name    (ParArea      area);
gboolean    par_area_parse       (const char  *text,
                                  ParArea     *area);

G_END_DECLS
