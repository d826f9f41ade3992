/* par-criteria-import.c: reading criteria sets from JSON and CSV files
 *
 * The formats are in formats.md §1. Reading collects every problem, each
 * naming the line (CSV) or the node path (JSON), so that the import dialog
 * can show them all; importing refuses the whole file if there is one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "par-criteria-import.h"
#include "par-points.h"

G_DEFINE_QUARK (par-import-error-quark, par_import_error)

#define FORMAT_TAG "par-desk/criteria-set@1"
#define MAX_PROBLEMS_IN_MESSAGE 5

/* Bounds for a file that may come from anyone. A real PAR Index has four
 * levels and a few hundred nodes in some hundred kilobytes. */
#define MAX_FILE_BYTES (8 * 1000 * 1000)
#define MAX_CODE_LEVELS 12
#define MAX_CODE_LENGTH 64
#define MAX_JSON_DEPTH 64
#define MAX_NUMBER_DIGITS 15
/* A problem quotes what it found: never more than this of it. */
#define MAX_PROBLEM_CHARS 240

typedef struct
{
  ParCriteriaSet *set;
  GPtrArray      *problems;
  GHashTable     *seen;       /* code → ParCriteriaNode, first occurrence */
  GHashTable     *paths;      /* JSON: code → node path in the file, first occurrence */
} Reader;

static void
problem (Reader     *reader,
         const char *where,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Reader     *reader,
         const char *where,
         const char *format,
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

static char *
line_where (int line)
{
  /* Translators: where a problem is in a CSV file */
  return g_strdup_printf (_("line %d"), line);
}

/* "1.2.3" → "1.2"; NULL for an area. */
static char *
parent_code (const char *code)
{
  const char *dot = strrchr (code, '.');

  return dot != NULL ? g_strndup (code, dot - code) : NULL;
}

static gboolean
valid_code (const char *code)
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

/* Compares codes segment by segment, numbers as numbers: 1.2 < 1.10. */
static int
compare_codes (const char *a,
               const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          guint64 na = g_ascii_strtoull (a, (char **) &a, 10);
          guint64 nb = g_ascii_strtoull (b, (char **) &b, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
        }
      else
        {
          if (*a != *b)
            return (guchar) *a < (guchar) *b ? -1 : 1;
          a++;
          b++;
        }
    }
  return (*a != '\0') - (*b != '\0');
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  return compare_codes (par_criteria_node_get_code (*(ParCriteriaNode **) a),
                        par_criteria_node_get_code (*(ParCriteriaNode **) b));
}

/* "On time=1|Late=0,5|Not issued=0" */
static void
parse_options (Reader          *reader,
               const char      *where,
               ParCriteriaNode *node,
               const char      *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *equals = strrchr (parts[i], '=');
      g_autoptr(GError) error = NULL;
      gint64 points;

      if (g_strstrip (parts[i])[0] == '\0')
        continue;
      if (equals == NULL)
        {
          problem (reader, where, _("option “%s” has no points (write it as Label=points)"), parts[i]);
          continue;
        }
      *equals = '\0';
      if (!par_points_parse (equals + 1, &points, &error))
        {
          problem (reader, where, _("option “%s”: %s"), g_strstrip (parts[i]), error->message);
          continue;
        }
      par_criteria_node_add_option (node, g_strstrip (parts[i]), points);
    }
}

/* The checks that need the whole tree: the parent's maximum is the sum of
 * its children's, methods are on leaves, choices fit the maximum. */
static void
check_node (Reader          *reader,
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

          problem (reader, where, _("%s has maximum %s but its items add up to %s"), code, max_text, sum_text);
        }
      if (method != PAR_METHOD_MANUAL && method != PAR_METHOD_GROUP)
        problem (reader, where, _("%s has items below it, so it cannot have the method “%s” (methods belong to the items)"),
                 code, par_scoring_method_to_string (method));
      par_criteria_node_set_method (node, PAR_METHOD_GROUP);
      return;
    }

  if (method == PAR_METHOD_GROUP)
    par_criteria_node_set_method (node, method = PAR_METHOD_MANUAL);
  if (method == PAR_METHOD_CHOICE)
    {
      if (par_criteria_node_get_n_options (node) == 0)
        problem (reader, where, _("%s is a choice but lists no options"), code);
      for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
        {
          const ParChoiceOption *option = par_criteria_node_get_option (node, i);

          if (option->points_milli > max)
            {
              g_autofree char *points = par_points_to_string (option->points_milli);
              g_autofree char *max_text = par_points_to_string (max);

              problem (reader, where, _("option “%s” of %s gives %s points, above the maximum %s"),
                       option->label, code, points, max_text);
            }
        }
    }
  else if (par_criteria_node_get_n_options (node) > 0)
    problem (reader, where, _("%s has options but its method is not “choice”"), code);
}

/* CSV ------------------------------------------------------------------- */

/* One record of an RFC 4180 file; quoted fields may hold commas, quotes
 * and line breaks. Returns NULL at the end. *line is the record's first
 * line; *next_line is advanced past it. */
static GPtrArray *
csv_next_record (const char **cursor,
                 char         separator,
                 int         *next_line,
                 gboolean    *unterminated)
{
  const char *p = *cursor;
  GPtrArray *fields;
  GString *field;
  gboolean quoted = FALSE;

  if (*p == '\0')
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  for (;;)
    {
      char c = *p;

      if (c == '\0')
        {
          if (quoted)
            *unterminated = TRUE;
          break;
        }
      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else if (c == '\r' && p[1] == '\n')
            ;   /* a line break inside a cell, written the Windows way */
          else
            {
              if (c == '\n')
                (*next_line)++;
              g_string_append_c (field, c);
            }
          p++;
          continue;
        }
      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == separator)
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r' && p[1] == '\n')
        ;
      else if (c == '\n')
        {
          p++;
          (*next_line)++;
          break;
        }
      else
        g_string_append_c (field, c);
      p++;
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  *cursor = p;
  return fields;
}

enum {
  COL_CODE, COL_TITLE, COL_MAX, COL_METHOD, COL_OPTIONS, COL_EVIDENCE, COL_STEP, COL_OPTIONAL, COL_GUIDANCE,
  N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "code", "title", "max", "method", "options", "evidence", "step", "applicable_optional", "guidance",
};

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "có", "x" };
  static const char * const no[] = { "no", "n", "false", "0", "không", "" };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (g_strstrip (lower), yes[i]))
      return *value = TRUE, TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (lower, no[i]))
      return *value = FALSE, TRUE;
  return FALSE;
}

static void
read_csv (Reader     *reader,
          const char *contents)
{
  const char *cursor = contents;
  int columns[N_COLUMNS];
  int n_header;
  int line = 1;
  int next_line = 1;
  gboolean unterminated = FALSE;
  char separator = ',';
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = NULL;

  /* Excel in a Vietnamese locale separates with semicolons. */
  {
    const char *end = strchr (contents, '\n');
    g_autofree char *first = end != NULL ? g_strndup (contents, end - contents) : g_strdup (contents);

    if (strchr (first, ';') != NULL && strchr (first, ',') == NULL)
      separator = ';';
  }

  header = csv_next_record (&cursor, separator, &next_line, &unterminated);
  where = line_where (1);
  if (header == NULL)
    {
      problem (reader, where, _("the file is empty; it needs a header row: code,title,max,method,options,evidence"));
      return;
    }
  for (int i = 0; i < N_COLUMNS; i++)
    columns[i] = -1;
  n_header = header->len;
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (g_ptr_array_index (header, i), -1));
      gboolean known = FALSE;

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]))
          {
            if (columns[c] >= 0)
              problem (reader, where, _("the column “%s” appears twice"), name);
            columns[c] = i;
            known = TRUE;
          }
      if (!known && *name != '\0')
        problem (reader, where, _("unknown column “%s” (known: code, title, max, method, options, evidence, "
                                  "step, applicable_optional, guidance)"), name);
      if (*name == '\0' && i == header->len - 1)
        n_header--;   /* a trailing empty column, as spreadsheets add */
    }
  for (int c = COL_CODE; c <= COL_MAX; c++)
    if (columns[c] < 0)
      problem (reader, where, _("the header has no “%s” column"), column_names[c]);
  if (reader->problems->len > 0)
    return;

  for (;;)
    {
      g_autoptr(GPtrArray) record = NULL;
      g_autoptr(ParCriteriaNode) node = NULL;
      g_autoptr(GError) error = NULL;
      const char *field[N_COLUMNS];
      gboolean blank = TRUE;
      gint64 max = 0;

      line = next_line;
      record = csv_next_record (&cursor, separator, &next_line, &unterminated);
      if (record == NULL)
        break;
      g_free (where);
      where = line_where (line);
      if (unterminated)
        {
          problem (reader, where, _("a quoted field is never closed"));
          break;
        }
      for (guint i = 0; i < record->len; i++)
        if (*g_strstrip ((char *) g_ptr_array_index (record, i)) != '\0')
          blank = FALSE;
      if (blank)
        continue;
      for (guint i = n_header; i < record->len; i++)
        if (*(char *) g_ptr_array_index (record, i) != '\0')
          {
            problem (reader, where, _("%u fields, but the header has %d"), record->len, n_header);
            break;
          }
      for (int c = 0; c < N_COLUMNS; c++)
        field[c] = columns[c] >= 0 && (guint) columns[c] < record->len ? g_ptr_array_index (record, columns[c]) : "";

      if (!valid_code (field[COL_CODE]))
        {
          if (*field[COL_CODE] == '\0')
            problem (reader, where, _("the code is missing"));
          else
            problem (reader, where, _("“%s” is not a code like 1.2.3 (letters and digits, at most 12 levels)"), field[COL_CODE]);
          continue;
        }
      if (*field[COL_TITLE] == '\0')
        problem (reader, where, _("%s has no title"), field[COL_CODE]);
      if (!par_points_parse (field[COL_MAX], &max, &error))
        {
          problem (reader, where, _("the maximum of %s: %s"), field[COL_CODE], error->message);
          g_clear_error (&error);
        }

      node = par_criteria_node_new (field[COL_CODE], field[COL_TITLE], max);
      par_criteria_node_set_source_line (node, line);
      if (*field[COL_METHOD] != '\0')
        {
          ParScoringMethod method;

          if (!par_scoring_method_from_string (field[COL_METHOD], &method) || method == PAR_METHOD_GROUP)
            problem (reader, where, _("unknown method “%s” (use manual, choice, survey, bonus or penalty)"),
                     field[COL_METHOD]);
          else
            par_criteria_node_set_method (node, method);
        }
      parse_options (reader, where, node, field[COL_OPTIONS]);
      par_criteria_node_set_evidence (node, field[COL_EVIDENCE]);
      par_criteria_node_set_guidance (node, field[COL_GUIDANCE]);
      if (*field[COL_STEP] != '\0')
        {
          gint64 step;

          if (!par_points_parse (field[COL_STEP], &step, &error) || step == 0)
            problem (reader, where, _("the step of %s must be a number above 0"), field[COL_CODE]);
          else
            par_criteria_node_set_step (node, step);
        }
      {
        gboolean optional = FALSE;

        if (!parse_yes_no (field[COL_OPTIONAL], &optional))
          problem (reader, where, _("applicable_optional must be yes or no, not “%s”"), field[COL_OPTIONAL]);
        par_criteria_node_set_applicable_optional (node, optional);
      }

      if (g_hash_table_contains (reader->seen, field[COL_CODE]))
        {
          ParCriteriaNode *first = g_hash_table_lookup (reader->seen, field[COL_CODE]);

          problem (reader, where, _("the code %s appears again (first on line %d)"), field[COL_CODE],
                   par_criteria_node_get_source_line (first));
          continue;
        }
      g_hash_table_insert (reader->seen, (gpointer) par_criteria_node_get_code (node), node);
      g_ptr_array_add (nodes, g_steal_pointer (&node));
    }

  /* Rows may come in any order: the parent is found from the code. */
  g_ptr_array_sort (nodes, compare_nodes);
  for (guint i = 0; i < nodes->len; i++)
    {
      ParCriteriaNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *parent = parent_code (par_criteria_node_get_code (node));

      if (parent == NULL)
        par_criteria_set_add_root (reader->set, node);
      else if (g_hash_table_contains (reader->seen, parent))
        par_criteria_node_add_child (g_hash_table_lookup (reader->seen, parent), node);
      else
        {
          g_autofree char *node_where = line_where (par_criteria_node_get_source_line (node));

          problem (reader, node_where, _("%s belongs under %s, which is not in the file"),
                   par_criteria_node_get_code (node), parent);
        }
    }
  par_criteria_set_index (reader->set);
  for (guint i = 0; i < par_criteria_set_get_n_nodes (reader->set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (reader->set, i);
      g_autofree char *node_where = line_where (par_criteria_node_get_source_line (node));

      check_node (reader, node, node_where);
    }
}

/* JSON ------------------------------------------------------------------ */

/* A JSON number or string as thousandths. */
static gboolean
json_points (JsonNode  *value,
             gint64    *milli,
             GError   **error)
{
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
    {
      GType type = json_node_get_value_type (value);

      if (type == G_TYPE_STRING)
        return par_points_parse (json_node_get_string (value), milli, error);
      if (type == G_TYPE_INT64)
        {
          gint64 n = json_node_get_int (value);
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, n);

          return par_points_parse (text, milli, error);
        }
      if (type == G_TYPE_DOUBLE)
        {
          double number = json_node_get_double (value);
          char text[400];

          /* Fifteen significant digits give back what was written: 0.1
           * stays "0.1". */
          g_ascii_formatd (text, sizeof text, "%.15g", number);
          if (!isfinite (number) || fabs (number) >= 1e15)
            {
              g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_TOO_LARGE, _("“%s” is too large"), text);
              return FALSE;
            }
          /* only below 0.0001 has it an exponent */
          if (strchr (text, 'e') != NULL)
            {
              g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_TOO_PRECISE,
                           _("“%s” has more than three decimals"), text);
              return FALSE;
            }
          return par_points_parse (text, milli, error);
        }
    }
  g_set_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_MALFORMED, _("not a number"));
  return FALSE;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *value = json_object_get_member (object, member);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value);
}

static void read_json_nodes (Reader          *reader,
                             JsonNode        *array,
                             ParCriteriaNode *parent,
                             const char      *path);

static void
read_json_node (Reader          *reader,
                JsonNode        *element,
                ParCriteriaNode *parent,
                const char      *path)
{
  JsonObject *object;
  const char *code;
  const char *title;
  JsonNode *method;
  g_autoptr(ParCriteriaNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  gint64 max = 0;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      problem (reader, path, _("a node must be an object with code, title and max"));
      return;
    }
  object = json_node_get_object (element);
  code = json_string (object, "code");
  title = json_string (object, "title");
  where = code != NULL ? g_strdup_printf ("%s (%s)", path, code) : g_strdup (path);

  if (!valid_code (code))
    {
      if (code == NULL || *code == '\0')
        problem (reader, where, _("the code is missing"));
      else
        problem (reader, where, _("“%s” is not a code like 1.2.3 (letters and digits, at most 12 levels)"), code);
      return;
    }
  if (parent != NULL)
    {
      const char *parent_code_text = par_criteria_node_get_code (parent);

      if (!g_str_has_prefix (code, parent_code_text) || code[strlen (parent_code_text)] != '.'
          || strchr (code + strlen (parent_code_text) + 1, '.') != NULL)
        problem (reader, where, _("%s is under %s, so its code must be %s.N"), code, parent_code_text,
                 parent_code_text);
    }
  else if (strchr (code, '.') != NULL)
    problem (reader, where, _("%s is at the top, so its code must not contain a dot"), code);
  if (title == NULL || *title == '\0')
    problem (reader, where, _("%s has no title"), code);
  if (!json_points (json_object_get_member (object, "max"), &max, &error))
    problem (reader, where, _("the maximum of %s: %s"), code, error->message);
  g_clear_error (&error);

  node = par_criteria_node_new (code, title != NULL ? title : "", max);
  if (json_string (object, "evidence") != NULL)
    par_criteria_node_set_evidence (node, json_string (object, "evidence"));
  if (json_string (object, "guidance") != NULL)
    par_criteria_node_set_guidance (node, json_string (object, "guidance"));
  if (json_object_has_member (object, "applicable_optional"))
    {
      JsonNode *value = json_object_get_member (object, "applicable_optional");

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        par_criteria_node_set_applicable_optional (node, json_node_get_boolean (value));
      else
        problem (reader, where, _("applicable_optional must be true or false"));
    }

  method = json_object_get_member (object, "method");
  if (method != NULL && JSON_NODE_HOLDS_OBJECT (method))
    {
      JsonObject *method_object = json_node_get_object (method);
      const char *type = json_string (method_object, "type");
      ParScoringMethod scoring = PAR_METHOD_MANUAL;

      if (type == NULL || !par_scoring_method_from_string (type, &scoring) || scoring == PAR_METHOD_GROUP)
        problem (reader, where, _("unknown method “%s” (use manual, choice, survey, bonus or penalty)"),
                 type != NULL ? type : "");
      else
        par_criteria_node_set_method (node, scoring);

      if (json_object_has_member (method_object, "step"))
        {
          gint64 step;

          if (!json_points (json_object_get_member (method_object, "step"), &step, NULL) || step == 0)
            problem (reader, where, _("the step of %s must be a number above 0"), code);
          else
            par_criteria_node_set_step (node, step);
        }
      if (json_object_has_member (method_object, "options"))
        {
          JsonNode *options = json_object_get_member (method_object, "options");

          if (!JSON_NODE_HOLDS_ARRAY (options))
            problem (reader, where, _("options must be a list"));
          else
            for (guint i = 0; i < json_array_get_length (json_node_get_array (options)); i++)
              {
                JsonNode *option = json_array_get_element (json_node_get_array (options), i);
                const char *label = JSON_NODE_HOLDS_OBJECT (option)
                                    ? json_string (json_node_get_object (option), "label") : NULL;
                gint64 points;

                if (label == NULL
                    || !json_points (json_object_get_member (json_node_get_object (option), "points"), &points, &error))
                  {
                    problem (reader, where, _("option %u needs a label and points"), i + 1);
                    g_clear_error (&error);
                    continue;
                  }
                par_criteria_node_add_option (node, label, points);
              }
        }
    }
  else if (method != NULL)
    problem (reader, where, _("method must be an object such as {\"type\": \"manual\"}"));

  if (g_hash_table_contains (reader->seen, code))
    {
      problem (reader, where, _("the code %s appears again (first at %s)"), code,
               (const char *) g_hash_table_lookup (reader->paths, code));
      return;
    }
  g_hash_table_insert (reader->seen, (gpointer) par_criteria_node_get_code (node), node);
  g_hash_table_insert (reader->paths, (gpointer) par_criteria_node_get_code (node), g_strdup (path));
  if (parent != NULL)
    par_criteria_node_add_child (parent, node);
  else
    par_criteria_set_add_root (reader->set, node);

  if (json_object_has_member (object, "children"))
    {
      g_autofree char *children_path = g_strdup_printf ("%s/children", path);

      read_json_nodes (reader, json_object_get_member (object, "children"), node, children_path);
    }
}

static void
read_json_nodes (Reader          *reader,
                 JsonNode        *array,
                 ParCriteriaNode *parent,
                 const char      *path)
{
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      problem (reader, path, _("must be a list of nodes"));
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (array)); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s/%u", path, i);

      read_json_node (reader, json_array_get_element (json_node_get_array (array), i), parent, element_path);
    }
}

/* A JSON parser error as "line L, column C" and the parser's words. */
static void
json_syntax_problem (Reader     *reader,
                     GError     *error)
{
  const char *message = error->message;
  const char *p = message;
  gint64 line;
  gint64 column;
  char *end;

  /* json-glib writes "<data>:LINE:COLUMN: Parse error: WHAT". */
  if (g_str_has_prefix (p, "<data>:"))
    {
      p += strlen ("<data>:");
      line = g_ascii_strtoll (p, &end, 10);
      if (end != p && *end == ':')
        {
          p = end + 1;
          column = g_ascii_strtoll (p, &end, 10);
          if (end != p && end[0] == ':' && end[1] == ' ')
            {
              g_autofree char *where = NULL;

              message = end + 2;
              if (g_str_has_prefix (message, "Parse error: "))
                message += strlen ("Parse error: ");
              /* Translators: where a problem is in a JSON file */
              where = g_strdup_printf (_("line %d, column %d"), (int) line, (int) column);
              problem (reader, where, _("this is not valid JSON (is the file cut short?): %s"), message);
              return;
            }
        }
    }
  problem (reader, _("JSON"), _("this is not valid JSON: %s"), message);
}

/* What json-glib would take too long over, or read wrongly, found first in
 * one pass over the text: nesting deep enough to exhaust the parser (a
 * 500 KB file of 10,000 levels took seconds and gigabytes), a number too
 * long for its integers (99999999999999999999999 became -1), and U+0000 in
 * a string (it cut the text short without a word). */
static gboolean
json_looks_sound (Reader     *reader,
                  const char *text,
                  gsize       length)
{
  const char *end = text + length;
  int depth = 0;
  int line = 1;

  for (const char *p = text; p < end; p++)
    {
      g_autofree char *where = NULL;

      switch (*p)
        {
        case '\n':
          line++;
          break;
        case '{':
        case '[':
          if (++depth <= MAX_JSON_DEPTH)
            break;
          where = line_where (line);
          problem (reader, where, _("the nodes are nested more than %d deep; a criteria set has a few levels"),
                   MAX_JSON_DEPTH);
          return FALSE;
        case '}':
        case ']':
          depth--;
          break;
        case '"':
          /* a string, to its closing quote */
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p == '\n')
                line++;
              else if (*p == '\\' && p + 1 < end)
                {
                  p++;
                  if (*p == 'u' && end - p >= 5 && strncmp (p + 1, "0000", 4) == 0)
                    {
                      where = line_where (line);
                      problem (reader, where, _("a text holds the character U+0000 (\\u0000), which has no place "
                                                "in a title or a note"));
                      return FALSE;
                    }
                }
            }
          break;
        default:
          if (g_ascii_isdigit (*p))
            {
              int digits = 0;
              const char *start = p;

              /* the integer part of a number: its fraction and exponent are the parser's */
              while (p < end && g_ascii_isdigit (*p))
                p++, digits++;
              if (digits > MAX_NUMBER_DIGITS && (start == text || start[-1] != '.'))
                {
                  g_autofree char *number = g_strndup (start, MIN (digits, 40));

                  where = line_where (line);
                  problem (reader, where, _("the number %s%s is too large"), number, digits > 40 ? "…" : "");
                  return FALSE;
                }
              p--;
            }
          break;
        }
    }
  return TRUE;
}

static void
read_json (Reader     *reader,
           const char *contents,
           gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  const char *format;

  if (!json_looks_sound (reader, contents, length))
    return;
  if (!json_parser_load_from_data (parser, contents, length, &error))
    {
      json_syntax_problem (reader, error);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      problem (reader, "/", _("the file must hold one object with format, name and nodes"));
      return;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  format = json_string (root, "format");
  if (g_strcmp0 (format, FORMAT_TAG) != 0)
    {
      problem (reader, "/format", _("the format must be “%s”, not “%s”"), FORMAT_TAG, format != NULL ? format : "");
      return;
    }
  if (json_string (root, "name") != NULL)
    par_criteria_set_set_name (reader->set, json_string (root, "name"));
  if (json_string (root, "level") != NULL)
    {
      ParUnitLevel level;

      if (par_unit_level_from_string (json_string (root, "level"), &level))
        par_criteria_set_set_level (reader->set, level);
      else
        problem (reader, "/level", _("unknown level “%s” (use province, department, district, commune or office)"),
                 json_string (root, "level"));
    }
  if (json_object_has_member (root, "year"))
    {
      JsonNode *year = json_object_get_member (root, "year");

      if (JSON_NODE_HOLDS_VALUE (year) && json_node_get_value_type (year) == G_TYPE_INT64)
        par_criteria_set_set_year (reader->set, (int) CLAMP (json_node_get_int (year), 0, G_MAXINT));
      else
        problem (reader, "/year", _("the year must be a whole number such as 2025"));
    }

  read_json_nodes (reader, json_object_get_member (root, "nodes"), NULL, "/nodes");
  par_criteria_set_index (reader->set);
  /* The checks that need the whole tree, in file order, each naming the
   * node's place in the file (not in the tree: skipped nodes shift it). */
  for (guint i = 0; i < par_criteria_set_get_n_nodes (reader->set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (reader->set, i);
      const char *code = par_criteria_node_get_code (node);
      g_autofree char *where = g_strdup_printf ("%s (%s)", (const char *) g_hash_table_lookup (reader->paths, code),
                                                code);

      check_node (reader, node, where);
    }
}

/* Reads a criteria set from @contents (JSON or CSV, told apart by the
 * content; NUL-terminated, @length bytes without the NUL) that came from
 * @source_name. Returns the set as far as it could be read, with every
 * problem in @problems (empty when the text is good). */
ParCriteriaSet *
par_criteria_import_read_data (const char  *contents,
                               gsize        length,
                               const char  *source_name,
                               GPtrArray  **problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  Reader reader;
  const char *text;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  reader.set = par_criteria_set_new ();
  reader.problems = g_ptr_array_new_with_free_func (g_free);
  reader.seen = seen;
  reader.paths = paths;
  par_criteria_set_set_source_file (reader.set, source_name);

  /* First: a file too big is not looked at (par_criteria_import_read()
   * passes its size alone). */
  text = contents;
  if (length <= MAX_FILE_BYTES && length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)   /* Excel's "CSV UTF-8" */
    {
      text += 3;
      length -= 3;
    }

  if (length > MAX_FILE_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *most = g_format_size (MAX_FILE_BYTES);

      problem (&reader, _("the file"), _("it is %s; a criteria set file is at most %s"), size, most);
    }
  else if (!g_utf8_validate_len (text, length, NULL))
    {
      const char *end = NULL;
      int line = 1;
      g_autofree char *where = NULL;

      g_utf8_validate_len (text, length, &end);
      for (const char *p = text; p < end; p++)
        line += *p == '\n';
      where = line_where (line);
      problem (&reader, where, _("the text is not UTF-8; save the file as “CSV UTF-8” or JSON"));
    }
  else if (memchr (text, '\0', length) != NULL)
    problem (&reader, _("the file"), _("it holds binary data, not text"));
  else
    {
      const char *first = text;

      while (g_ascii_isspace (*first))
        first++;
      if (*first == '\0' && g_str_has_suffix (source_name, ".json"))
        {
          g_autofree char *where = line_where (1);

          problem (&reader, where, _("the file is empty"));
        }
      else if (*first == '{' || *first == '[')
        read_json (&reader, text, length);
      else
        read_csv (&reader, text);
    }

  if (reader.problems->len == 0 && par_criteria_set_get_n_nodes (reader.set) == 0)
    problem (&reader, _("the file"), _("it holds no criteria"));

  *problems = reader.problems;
  return reader.set;
}

/* Reads a criteria set from @path (see par_criteria_import_read_data());
 * NULL with @error only if the file cannot be read at all. */
ParCriteriaSet *
par_criteria_import_read (const char  *path,
                          GPtrArray  **problems,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* Not even read when it is far too big to be a criteria set. */
  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_BYTES)
    return par_criteria_import_read_data ("", (gsize) st.st_size, path, problems);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_UNREADABLE, "%s", local_error->message);
      return NULL;
    }
  return par_criteria_import_read_data (contents, length, path, problems);
}

/* Imports a set, all or nothing. @name, @level and @year (each may be NULL
 * or 0) override what a JSON file says; a CSV file needs all three.
 * Returns the new set's id, or 0 with an @error that names the file and
 * its first problems. */
gint64
par_criteria_import_file (ParDatabase  *db,
                          const char   *path,
                          const char   *name,
                          const char   *level,
                          int           year,
                          GError      **error)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  ParUnitLevel unit_level;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  set = par_criteria_import_read (path, &problems, error);
  if (set == NULL)
    {
      g_prefix_error (error, "%s: ", basename);
      return 0;
    }

  if (name != NULL && *name != '\0')
    par_criteria_set_set_name (set, name);
  if (level != NULL && *level != '\0')
    {
      if (par_unit_level_from_string (level, &unit_level))
        par_criteria_set_set_level (set, unit_level);
      else
        g_ptr_array_add (problems, g_strdup_printf (_("unknown level “%s” (use province, department, district, "
                                                      "commune or office)"), level));
    }
  if (year != 0)
    par_criteria_set_set_year (set, year);
  if (problems->len == 0)
    {
      /* A CSV file carries neither: say both at once. */
      if (*par_criteria_set_get_name (set) == '\0')
        g_ptr_array_add (problems, g_strdup (_("the set has no name (give one with --name)")));
      if (par_criteria_set_get_year (set) < 2000 || par_criteria_set_get_year (set) > 2100)
        g_ptr_array_add (problems, g_strdup (_("the set needs a year between 2000 and 2100 (give one with --year)")));
    }

  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message, _("%s was not imported: "), basename);
      for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
        g_string_append_printf (message, "%s%s", i > 0 ? "; " : "", (char *) g_ptr_array_index (problems, i));
      if (problems->len > MAX_PROBLEMS_IN_MESSAGE)
        g_string_append_printf (message, ngettext (" (and %u more problem)", " (and %u more problems)",
                                                   problems->len - MAX_PROBLEMS_IN_MESSAGE),
                                problems->len - MAX_PROBLEMS_IN_MESSAGE);
      g_set_error_literal (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_INVALID, message->str);
      return 0;
    }
  return par_criteria_set_save (set, db, error);
}
