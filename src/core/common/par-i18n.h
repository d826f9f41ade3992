/* par-i18n.h: gettext set-up and the locale's ways of writing numbers and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <locale.h>

G_BEGIN_DECLS

void  par_i18n_init          (void);
locale_t par_machine_locale_begin (void);
void  par_machine_locale_end (locale_t   previous);
char *par_format_points      (gint64     milli);
char *par_format_date        (GDateTime *date);
char *par_format_iso_date    (const char *iso_date);
char *par_format_gdate       (const GDate *date);
gboolean par_parse_date      (const char *text,
                              char      **iso_date);

G_END_DECLS
