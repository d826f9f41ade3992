/* par-points.c: points as exact thousandths, read from and written as text
 *
 * Scores are never floats: 0.1 + 0.2 must be 0.3. Text is read in either
 * decimal convention ("0.5" or "0,5"), since users type what their Excel
 * shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-points.h"

G_DEFINE_QUARK (par-points-error-quark, par_points_error)

/* Larger than any index will ever need, small enough never to overflow. */
#define MAX_POINTS_MILLI ((gint64) 1000000000000)

/* Reads "12", "0.5", "0,25", " 1.250 " into thousandths. */
gboolean
par_points_parse (const char  *text,
                  gint64      *milli,
                  GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = clean;
  gint64 whole = 0;
  gint64 fraction = 0;
  int n_whole = 0;
  int n_fraction = 0;

  if (*p == '-')
    {
      g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_NEGATIVE,
                   _("“%s” is negative; points start at 0"), clean);
      return FALSE;
    }
  if (*p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++, n_whole++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole * 1000 > MAX_POINTS_MILLI)
        {
          g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_TOO_LARGE,
                       _("“%s” is too large"), clean);
          return FALSE;
        }
    }
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++, n_fraction++)
      {
        if (n_fraction >= 3)
          {
            if (*p != '0')
              {
                g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_TOO_PRECISE,
                             _("“%s” has more than three decimals"), clean);
                return FALSE;
              }
            continue;
          }
        fraction = fraction * 10 + (*p - '0');
      }
  if (*p != '\0' || (n_whole == 0 && n_fraction == 0))
    {
      g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_MALFORMED,
                   _("“%s” is not a number"), clean);
      return FALSE;
    }
  for (int i = MIN (n_fraction, 3); i < 3; i++)
    fraction *= 10;
  *milli = whole * 1000 + fraction;
  return TRUE;
}

/* The form scripts read: a dot, no grouping, trailing zeros trimmed. */
char *
par_points_to_string (gint64 milli)
{
  guint64 magnitude = milli < 0 ? (guint64) -(milli + 1) + 1 : (guint64) milli;
  char *text;

  if (magnitude % 1000 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, milli < 0 ? "-" : "", magnitude / 1000);
  text = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%03u", milli < 0 ? "-" : "", magnitude / 1000,
                          (guint) (magnitude % 1000));
  for (char *end = text + strlen (text) - 1; *end == '0'; end--)
    *end = '\0';
  return text;
}

/* A percentage in hundredths of a percent (6702 → "67.02"). */
char *
par_percent_to_string (gint64 hundredths)
{
  return par_points_to_string (hundredths * 10);
}

/* part / whole × 100, in hundredths of a percent, rounded half up;
 * 0 when @whole_milli is not positive. */
gint64
par_percent_of (gint64 part_milli,
                gint64 whole_milli)
{
  if (whole_milli <= 0)
    return 0;
  /* hundredths = part × 10000 / whole, rounded half up (part ≥ 0) */
  if (part_milli >= 0)
    return (part_milli * 20000 + whole_milli) / (2 * whole_milli);
  return -((-part_milli * 20000 + whole_milli) / (2 * whole_milli));
}
