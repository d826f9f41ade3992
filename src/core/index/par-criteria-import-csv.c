/* par-criteria-import-csv.c: reading a criteria set from a CSV file
 *
 * One row a node, in any order: a node's parent is found from its code.
 * The columns are named in the header row (docs/criteria-files.md); Excel's
 * semicolons and CRLF line ends are read as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-criteria-import-private.h"
#include "par-points.h"

/* "1.2.3" → "1.2"; NULL for an area. */
static char *
parent_code (const char *code)
{
  const char *dot = strrchr (code, '.');

  return dot != NULL ? g_strndup (code, dot - code) : NULL;
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
parse_options (ParImportReader *reader,
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
          par_import_problem (reader, where,
                              _("option “%s” has no points (write it as Label=points)"), parts[i]);
          continue;
        }
      *equals = '\0';
      if (!par_points_parse (equals + 1, &points, &error))
        {
          par_import_problem (reader, where,
                              _("option “%s”: %s"), g_strstrip (parts[i]), error->message);
          continue;
        }
      par_criteria_node_add_option (node, g_strstrip (parts[i]), points);
    }
}

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

/* Excel in a Vietnamese locale separates with semicolons. */
static char
guess_separator (const char *contents)
{
  const char *end = strchr (contents, '\n');
  g_autofree char *first = end != NULL ? g_strndup (contents, end - contents) : g_strdup (contents);

  return strchr (first, ';') != NULL && strchr (first, ',') == NULL ? ';' : ',';
}

/* Finds each column's place in the header (-1 where it has none) and how
 * many columns the header has; FALSE if it has a problem. */
static gboolean
read_header (ParImportReader *reader,
             GPtrArray       *header,
             int              columns[N_COLUMNS],
             int             *n_header)
{
  g_autofree char *where = par_import_line_where (1);

  for (int i = 0; i < N_COLUMNS; i++)
    columns[i] = -1;
  *n_header = header->len;
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (g_ptr_array_index (header, i), -1));
      gboolean known = FALSE;

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]))
          {
            if (columns[c] >= 0)
              par_import_problem (reader, where, _("the column “%s” appears twice"), name);
            columns[c] = i;
            known = TRUE;
          }
      if (!known && *name != '\0')
        par_import_problem (reader, where,
                            _("unknown column “%s” (known: code, title, max, method, options, evidence, "
                              "step, applicable_optional, guidance)"), name);
      if (*name == '\0' && i == header->len - 1)
        (*n_header)--;   /* a trailing empty column, as spreadsheets add */
    }
  for (int c = COL_CODE; c <= COL_MAX; c++)
    if (columns[c] < 0)
      par_import_problem (reader, where, _("the header has no “%s” column"), column_names[c]);
  return reader->problems->len == 0;
}

/* Strips the fields of @record; TRUE when all are empty, a blank row as
 * spreadsheets write them. */
static gboolean
strip_record (GPtrArray *record)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < record->len; i++)
    if (*g_strstrip ((char *) g_ptr_array_index (record, i)) != '\0')
      blank = FALSE;
  return blank;
}

/* Fields beyond the header's columns must be empty. */
static void
check_record_width (ParImportReader *reader,
                    const char      *where,
                    GPtrArray       *record,
                    int              n_header)
{
  for (guint i = n_header; i < record->len; i++)
    if (*(char *) g_ptr_array_index (record, i) != '\0')
      {
        par_import_problem (reader, where, _("%u fields, but the header has %d"), record->len, n_header);
        break;
      }
}

static void
read_method (ParImportReader *reader,
             const char      *where,
             ParCriteriaNode *node,
             const char      *text)
{
  ParScoringMethod method;

  if (*text == '\0')
    return;
  if (!par_scoring_method_from_string (text, &method) || method == PAR_METHOD_GROUP)
    par_import_problem (reader, where,
                        _("unknown method “%s” (use manual, choice, survey, bonus or penalty)"),
                        text);
  else
    par_criteria_node_set_method (node, method);
}

static void
read_step (ParImportReader *reader,
           const char      *where,
           ParCriteriaNode *node,
           const char      *text)
{
  gint64 step;

  if (*text == '\0')
    return;
  if (!par_points_parse (text, &step, NULL) || step == 0)
    par_import_problem (reader, where, _("the step of %s must be a number above 0"),
                        par_criteria_node_get_code (node));
  else
    par_criteria_node_set_step (node, step);
}

/* The node a row describes, or NULL when its code is not one. */
static ParCriteriaNode *
node_from_fields (ParImportReader *reader,
                  const char      *where,
                  int              line,
                  const char      *field[N_COLUMNS])
{
  ParCriteriaNode *node;
  g_autoptr(GError) error = NULL;
  gboolean optional = FALSE;
  gint64 max = 0;

  if (!par_import_valid_code (field[COL_CODE]))
    {
      if (*field[COL_CODE] == '\0')
        par_import_problem (reader, where, _("the code is missing"));
      else
        par_import_problem (reader, where,
                            _("“%s” is not a code like 1.2.3 (letters and digits, at most 12 levels)"),
                            field[COL_CODE]);
      return NULL;
    }
  if (*field[COL_TITLE] == '\0')
    par_import_problem (reader, where, _("%s has no title"), field[COL_CODE]);
  if (!par_points_parse (field[COL_MAX], &max, &error))
    par_import_problem (reader, where, _("the maximum of %s: %s"), field[COL_CODE], error->message);

  node = par_criteria_node_new (field[COL_CODE], field[COL_TITLE], max);
  par_criteria_node_set_source_line (node, line);
  read_method (reader, where, node, field[COL_METHOD]);
  parse_options (reader, where, node, field[COL_OPTIONS]);
  par_criteria_node_set_evidence (node, field[COL_EVIDENCE]);
  par_criteria_node_set_guidance (node, field[COL_GUIDANCE]);
  read_step (reader, where, node, field[COL_STEP]);
  if (!parse_yes_no (field[COL_OPTIONAL], &optional))
    par_import_problem (reader, where,
                        _("applicable_optional must be yes or no, not “%s”"), field[COL_OPTIONAL]);
  par_criteria_node_set_applicable_optional (node, optional);
  return node;
}

/* Keeps @node (taking it) unless its code came before. */
static void
keep_node (ParImportReader *reader,
           const char      *where,
           GPtrArray       *nodes,
           ParCriteriaNode *node)
{
  const char *code = par_criteria_node_get_code (node);

  if (g_hash_table_contains (reader->seen, code))
    {
      ParCriteriaNode *first = g_hash_table_lookup (reader->seen, code);

      par_import_problem (reader, where, _("the code %s appears again (first on line %d)"), code,
                          par_criteria_node_get_source_line (first));
      g_object_unref (node);
      return;
    }
  g_hash_table_insert (reader->seen, (gpointer) code, node);
  g_ptr_array_add (nodes, node);
}

/* Rows may come in any order: the parent is found from the code. */
static void
build_tree (ParImportReader *reader,
            GPtrArray       *nodes)
{
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
          g_autofree char *node_where = par_import_line_where (par_criteria_node_get_source_line (node));

          par_import_problem (reader, node_where, _("%s belongs under %s, which is not in the file"),
                              par_criteria_node_get_code (node), parent);
        }
    }
}

void
par_import_read_csv (ParImportReader *reader,
                     const char      *contents)
{
  const char *cursor = contents;
  char separator = guess_separator (contents);
  int columns[N_COLUMNS];
  int n_header;
  int next_line = 1;
  gboolean unterminated = FALSE;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);

  header = csv_next_record (&cursor, separator, &next_line, &unterminated);
  if (header == NULL)
    {
      g_autofree char *where = par_import_line_where (1);

      par_import_problem (reader, where,
                          _("the file is empty; it needs a header row: code,title,max,method,options,evidence"));
      return;
    }
  if (!read_header (reader, header, columns, &n_header))
    return;

  for (;;)
    {
      int line = next_line;
      g_autoptr(GPtrArray) record = csv_next_record (&cursor, separator, &next_line, &unterminated);
      g_autofree char *where = NULL;
      const char *field[N_COLUMNS];
      ParCriteriaNode *node;

      if (record == NULL)
        break;
      where = par_import_line_where (line);
      if (unterminated)
        {
          par_import_problem (reader, where, _("a quoted field is never closed"));
          break;
        }
      if (strip_record (record))
        continue;
      check_record_width (reader, where, record, n_header);
      for (int c = 0; c < N_COLUMNS; c++)
        field[c] = columns[c] >= 0 && (guint) columns[c] < record->len ? g_ptr_array_index (record, columns[c]) : "";
      node = node_from_fields (reader, where, line, field);
      if (node != NULL)
        keep_node (reader, where, nodes, node);
    }

  build_tree (reader, nodes);
  par_criteria_set_index (reader->set);
  for (guint i = 0; i < par_criteria_set_get_n_nodes (reader->set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (reader->set, i);
      g_autofree char *node_where = par_import_line_where (par_criteria_node_get_source_line (node));

      par_import_check_node (reader, node, node_where);
    }
}
