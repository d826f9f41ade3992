/* par-points.h: points as exact thousandths, read from and written as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PAR_POINTS_ERROR (par_points_error_quark ())

typedef enum
{
  PAR_POINTS_ERROR_MALFORMED,
  PAR_POINTS_ERROR_NEGATIVE,
  PAR_POINTS_ERROR_TOO_PRECISE,
  PAR_POINTS_ERROR_TOO_LARGE,
} ParPointsError;

GQuark   par_points_error_quark (void);
gboolean par_points_parse       (const char  *text,
                                 gint64      *milli,
                                 GError     **error);
char    *par_points_to_string   (gint64       milli);
char    *par_percent_to_string  (gint64       hundredths);
gint64   par_percent_of         (gint64       part_milli,
                                 gint64       whole_milli);

G_END_DECLS
