/* par-criteria-import-checks.c: the checks both readers of criteria sets make, and the problems they report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "par-criteria-import-private.h"
#include "par-points.h"

/* Bounds for a file that may come from anyone: a real PAR Index has four
 * levels, and codes such as 2.3.1. */
#define MAX_CODE_LEVELS 12
#define MAX_CODE_LENGTH 64
/* A problem quotes what it found: never more than this of it. */
#define MAX_PROBLEM_CHARS 240

/* Adds a problem found at @where (a line, or a node path). */
void
par_import_problem (ParImportReader *reader,
                    const char      *where,
                    const char      *format,
                    ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_utf8_strlen (what, -1) > MAX_PROBLEM_CHARS)
    {
      char *cut = g_utf8_substring (what, 0, MAX_PROBLEM_CHARS);

      g_free (what);
      what = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  g_ptr_array_add (reader->problems, g_strdup_printf ("%s: %s", where, what));
}

char *
par_import_line_where (int line)
{
  /* Translators: where a problem is in a CSV file */
  return g_strdup_printf (_("line %d"), line);
}

gboolean
par_import_valid_code (const char *code)
{
  gboolean segment_empty = TRUE;
  int levels = 1;

  if (code == NULL || *code == '\0' || strlen (code) > MAX_CODE_LENGTH)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (segment_empty || ++levels > MAX_CODE_LEVELS)
            return FALSE;
          segment_empty = TRUE;
        }
      else if (g_ascii_isalnum (*p))
        segment_empty = FALSE;
      else
        return FALSE;
    }
  return !segment_empty;
}

/* The checks that need the whole tree: the parent's maximum is the sum of
 * its children's, methods are on leaves, choices fit the maximum. */
void
par_import_check_node (ParImportReader *reader,
                       ParCriteriaNode *node,
                       const char      *where)
{
  GPtrArray *children = par_criteria_node_get_children (node);
  ParScoringMethod method = par_criteria_node_get_method (node);
  gint64 max = par_criteria_node_get_max (node);
  const char *code = par_criteria_node_get_code (node);

  if (children->len > 0)
    {
      gint64 sum = 0;

      for (guint i = 0; i < children->len; i++)
        if (par_criteria_node_counts_in_max (g_ptr_array_index (children, i)))
          sum += par_criteria_node_get_max (g_ptr_array_index (children, i));
      if (sum != max)
        {
          g_autofree char *max_text = par_points_to_string (max);
          g_autofree char *sum_text = par_points_to_string (sum);

          par_import_problem (reader, where,
                              _("%s has maximum %s but its items add up to %s"), code, max_text, sum_text);
        }
      if (method != PAR_METHOD_MANUAL && method != PAR_METHOD_GROUP)
        par_import_problem (reader, where,
                            _("%s has items below it, so it cannot have the method “%s” (methods belong to the items)"),
                            code, par_scoring_method_to_string (method));
      par_criteria_node_set_method (node, PAR_METHOD_GROUP);
      return;
    }

  if (method == PAR_METHOD_GROUP)
    par_criteria_node_set_method (node, method = PAR_METHOD_MANUAL);
  if (method == PAR_METHOD_CHOICE)
    {
      if (par_criteria_node_get_n_options (node) == 0)
        par_import_problem (reader, where, _("%s is a choice but lists no options"), code);
      for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
        {
          const ParChoiceOption *option = par_criteria_node_get_option (node, i);

          if (option->points_milli > max)
            {
              g_autofree char *points = par_points_to_string (option->points_milli);
              g_autofree char *max_text = par_points_to_string (max);

              par_import_problem (reader, where,
                                  _("option “%s” of %s gives %s points, above the maximum %s"),
                                  option->label, code, points, max_text);
            }
        }
    }
  else if (par_criteria_node_get_n_options (node) > 0)
    par_import_problem (reader, where, _("%s has options but its method is not “choice”"), code);
}
