/* par-text-fold.h: text folded for searching: lower case, no diacritics, đ → d
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gunichar par_text_fold_char (gunichar    c);
char    *par_text_fold      (const char *text);
char    *par_text_fold_words (const char *text);
char *par_text_snippet (const char *text,
                        const char *query,
                        guint       context_chars);

G_END_DECLS
