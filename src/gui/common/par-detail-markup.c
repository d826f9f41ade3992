/* par-detail-markup.c: "label: value" details as Pango markup, for the panes and the evidence panels
 *
 * An empty value adds nothing, so a detail the document or the task does
 * not have takes no room. Values are escaped; labels are the program's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-detail-markup.h"

/* Adds "**label** value" on a line of its own (the side panes). */
void
par_detail_markup_append_line (GString    *markup,
                               const char *label,
                               const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append_printf (markup, "<span weight=\"bold\">%s</span> %s", label, escaped);
}

/* Adds the label in bold above the value, a blank line from the detail
 * before (the evidence panels). */
void
par_detail_markup_append_block (GString    *markup,
                                const char *label,
                                const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (markup, "%s<b>%s</b>\n%s", markup->len > 0 ? "\n\n" : "", label, escaped);
}
