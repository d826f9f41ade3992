/* par-criteria-import-json.c: reading a criteria set from a JSON file
 *
 * The tree as the file nests it (docs/criteria-files.md). The text is looked over
 * before json-glib parses it, for what it would take too long over or
 * read wrongly; a problem names the node path, such as /nodes/0/children/2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <json-glib/json-glib.h>

#include "par-criteria-import-private.h"
#include "par-points.h"

#define FORMAT_TAG "par-desk/criteria-set@1"
#define MAX_JSON_DEPTH 64
#define MAX_NUMBER_DIGITS 15

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

/* A code under @parent must be "PARENT.N"; one at the top has no dot. */
static void
check_code_place (ParImportReader *reader,
                  const char      *where,
                  const char      *code,
                  ParCriteriaNode *parent)
{
  if (parent != NULL)
    {
      const char *parent_code_text = par_criteria_node_get_code (parent);

      if (!g_str_has_prefix (code, parent_code_text) || code[strlen (parent_code_text)] != '.'
          || strchr (code + strlen (parent_code_text) + 1, '.') != NULL)
        par_import_problem (reader, where, _("%s is under %s, so its code must be %s.N"), code,
                            parent_code_text, parent_code_text);
    }
  else if (strchr (code, '.') != NULL)
    par_import_problem (reader, where, _("%s is at the top, so its code must not contain a dot"), code);
}

/* The node's texts, and whether it may be marked not applicable. */
static void
read_texts (ParImportReader *reader,
            const char      *where,
            JsonObject      *object,
            ParCriteriaNode *node)
{
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
        par_import_problem (reader, where, _("applicable_optional must be true or false"));
    }
}

/* "options": [ { "label": "Có", "points": 1 }, … ] */
static void
read_options (ParImportReader *reader,
              const char      *where,
              JsonNode        *options,
              ParCriteriaNode *node)
{
  g_autoptr(GError) error = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (options))
    {
      par_import_problem (reader, where, _("options must be a list"));
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (options)); i++)
    {
      JsonNode *option = json_array_get_element (json_node_get_array (options), i);
      const char *label = JSON_NODE_HOLDS_OBJECT (option)
                          ? json_string (json_node_get_object (option), "label") : NULL;
      gint64 points;

      if (label == NULL
          || !json_points (json_object_get_member (json_node_get_object (option), "points"), &points, &error))
        {
          par_import_problem (reader, where, _("option %u needs a label and points"), i + 1);
          g_clear_error (&error);
          continue;
        }
      par_criteria_node_add_option (node, label, points);
    }
}

/* "method": { "type": "choice", "step": 0.25, "options": […] } */
static void
read_method (ParImportReader *reader,
             const char      *where,
             JsonNode        *method,
             ParCriteriaNode *node)
{
  JsonObject *method_object;
  const char *type;
  ParScoringMethod scoring = PAR_METHOD_MANUAL;

  if (method == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (method))
    {
      par_import_problem (reader, where, _("method must be an object such as {\"type\": \"manual\"}"));
      return;
    }
  method_object = json_node_get_object (method);
  type = json_string (method_object, "type");
  if (type == NULL || !par_scoring_method_from_string (type, &scoring) || scoring == PAR_METHOD_GROUP)
    par_import_problem (reader, where,
                        _("unknown method “%s” (use manual, choice, survey, bonus or penalty)"),
                        type != NULL ? type : "");
  else
    par_criteria_node_set_method (node, scoring);

  if (json_object_has_member (method_object, "step"))
    {
      gint64 step;

      if (!json_points (json_object_get_member (method_object, "step"), &step, NULL) || step == 0)
        par_import_problem (reader, where, _("the step of %s must be a number above 0"),
                            par_criteria_node_get_code (node));
      else
        par_criteria_node_set_step (node, step);
    }
  if (json_object_has_member (method_object, "options"))
    read_options (reader, where, json_object_get_member (method_object, "options"), node);
}

static void read_json_nodes (ParImportReader *reader,
                             JsonNode        *array,
                             ParCriteriaNode *parent,
                             const char      *path);

static void
read_json_node (ParImportReader *reader,
                JsonNode        *element,
                ParCriteriaNode *parent,
                const char      *path)
{
  JsonObject *object;
  const char *code;
  const char *title;
  g_autoptr(ParCriteriaNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  gint64 max = 0;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      par_import_problem (reader, path, _("a node must be an object with code, title and max"));
      return;
    }
  object = json_node_get_object (element);
  code = json_string (object, "code");
  title = json_string (object, "title");
  where = code != NULL ? g_strdup_printf ("%s (%s)", path, code) : g_strdup (path);

  if (!par_import_valid_code (code))
    {
      if (code == NULL || *code == '\0')
        par_import_problem (reader, where, _("the code is missing"));
      else
        par_import_problem (reader, where,
                            _("“%s” is not a code like 1.2.3 (letters and digits, at most 12 levels)"), code);
      return;
    }
  check_code_place (reader, where, code, parent);
  if (title == NULL || *title == '\0')
    par_import_problem (reader, where, _("%s has no title"), code);
  if (!json_points (json_object_get_member (object, "max"), &max, &error))
    par_import_problem (reader, where, _("the maximum of %s: %s"), code, error->message);

  node = par_criteria_node_new (code, title != NULL ? title : "", max);
  read_texts (reader, where, object, node);
  read_method (reader, where, json_object_get_member (object, "method"), node);

  if (g_hash_table_contains (reader->seen, code))
    {
      par_import_problem (reader, where, _("the code %s appears again (first at %s)"), code,
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
read_json_nodes (ParImportReader *reader,
                 JsonNode        *array,
                 ParCriteriaNode *parent,
                 const char      *path)
{
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      par_import_problem (reader, path, _("must be a list of nodes"));
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
json_syntax_problem (ParImportReader *reader,
                     GError          *error)
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
              par_import_problem (reader, where,
                                  _("this is not valid JSON (is the file cut short?): %s"), message);
              return;
            }
        }
    }
  par_import_problem (reader, _("JSON"), _("this is not valid JSON: %s"), message);
}

/* Skips the digits at *@p, the integer part of a number (its fraction and
 * exponent are the parser's), leaving *@p on the last; FALSE, with the
 * problem told, when they are too many for json-glib's integers. */
static gboolean
integer_fits (ParImportReader *reader,
              const char      *text,
              const char      *end,
              int              line,
              const char     **p)
{
  const char *start = *p;
  int digits = 0;

  while (*p < end && g_ascii_isdigit (**p))
    (*p)++, digits++;
  (*p)--;
  if (digits > MAX_NUMBER_DIGITS && (start == text || start[-1] != '.'))
    {
      g_autofree char *number = g_strndup (start, MIN (digits, 40));
      g_autofree char *where = par_import_line_where (line);

      par_import_problem (reader, where, _("the number %s%s is too large"), number, digits > 40 ? "…" : "");
      return FALSE;
    }
  return TRUE;
}

/* What json-glib would take too long over, or read wrongly, found first in
 * one pass over the text: nesting deep enough to exhaust the parser (a
 * 500 KB file of 10,000 levels took seconds and gigabytes), a number too
 * long for its integers (99999999999999999999999 became -1), and U+0000 in
 * a string (it cut the text short without a word). */
static gboolean
json_looks_sound (ParImportReader *reader,
                  const char      *text,
                  gsize            length)
{
  const char *end = text + length;
  int depth = 0;
  int line = 1;
  gboolean set_closed = FALSE;

  for (const char *p = text; p < end; p++)
    {
      g_autofree char *where = NULL;

      /* json-glib reads the first value and leaves the rest unread: a
       * second set pasted after the first would be lost without a word. */
      if (set_closed && !g_ascii_isspace (*p))
        {
          where = par_import_line_where (line);
          par_import_problem (reader, where,
                              _("the file goes on after the end of the set; a criteria file holds one set"));
          return FALSE;
        }
      switch (*p)
        {
        case '\n':
          line++;
          break;
        case '{':
        case '[':
          if (++depth <= MAX_JSON_DEPTH)
            break;
          where = par_import_line_where (line);
          par_import_problem (reader, where,
                              _("the nodes are nested more than %d deep; a criteria set has a few levels"),
                              MAX_JSON_DEPTH);
          return FALSE;
        case '}':
        case ']':
          set_closed = --depth == 0;
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
                      where = par_import_line_where (line);
                      par_import_problem (reader, where,
                                          _("a text holds the character U+0000 (\\u0000), which has no place "
                                            "in a title or a note"));
                      return FALSE;
                    }
                }
            }
          break;
        default:
          if (g_ascii_isdigit (*p) && !integer_fits (reader, text, end, line, &p))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

/* "name", "level" and "year" of the set. */
static void
read_set_fields (ParImportReader *reader,
                 JsonObject      *root)
{
  if (json_string (root, "name") != NULL)
    par_criteria_set_set_name (reader->set, json_string (root, "name"));
  if (json_string (root, "level") != NULL)
    {
      ParUnitLevel level;

      if (par_unit_level_from_string (json_string (root, "level"), &level))
        par_criteria_set_set_level (reader->set, level);
      else
        par_import_problem (reader, "/level",
                            _("unknown level “%s” (use province, department, district, commune or office)"),
                            json_string (root, "level"));
    }
  if (json_object_has_member (root, "year"))
    {
      JsonNode *year = json_object_get_member (root, "year");

      if (JSON_NODE_HOLDS_VALUE (year) && json_node_get_value_type (year) == G_TYPE_INT64)
        par_criteria_set_set_year (reader->set, (int) CLAMP (json_node_get_int (year), 0, G_MAXINT));
      else
        par_import_problem (reader, "/year", _("the year must be a whole number such as 2025"));
    }
}

void
par_import_read_json (ParImportReader *reader,
                      const char      *contents,
                      gsize            length)
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
      par_import_problem (reader, "/", _("the file must hold one object with format, name and nodes"));
      return;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  format = json_string (root, "format");
  if (g_strcmp0 (format, FORMAT_TAG) != 0)
    {
      par_import_problem (reader, "/format",
                          _("the format must be “%s”, not “%s”"), FORMAT_TAG, format != NULL ? format : "");
      return;
    }
  read_set_fields (reader, root);

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

      par_import_check_node (reader, node, where);
    }
}
