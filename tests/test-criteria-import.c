/* test-criteria-import.c: importing criteria sets from JSON and CSV (docs/criteria-files.md)
 *
 * Every fixture is written at test time into a temporary folder, so that the
 * bytes under test (BOM, CRLF, invalid UTF-8) are exactly the ones shown here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

/* A set already in the file, so that "nothing written" is checked
 * against counts that are not zero. */
static const char baseline_json[] =
  "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Bộ có sẵn\", \"level\": \"commune\", \"year\": 2024,\n"
  "  \"nodes\": [ { \"code\": \"1\", \"title\": \"Lĩnh vực có sẵn\", \"max\": 1,\n"
  "               \"method\": { \"type\": \"choice\", \"options\": [ { \"label\": \"Có\", \"points\": 1 },\n"
  "                                                           { \"label\": \"Không\", \"points\": 0 } ] } } ] }\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *baseline = NULL;

  test_fixture_set_up (f, data);
  baseline = test_fixture_write_file (f, "baseline.json", baseline_json, -1);
  g_assert_cmpint (par_criteria_import_file (f->db, baseline, NULL, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
}

typedef struct
{
  int n_sets;
  int n_nodes;
  int n_options;
  int n_audit;
} RowCounts;

static RowCounts
count_rows (Fixture *f)
{
  RowCounts counts;

  counts.n_sets = test_sqlite_int (f->path, "SELECT count(*) FROM criteria_set");
  counts.n_nodes = test_sqlite_int (f->path, "SELECT count(*) FROM criteria_node");
  counts.n_options = test_sqlite_int (f->path, "SELECT count(*) FROM criteria_option");
  counts.n_audit = test_sqlite_int (f->path, "SELECT count(*) FROM audit_log");
  return counts;
}

static void
assert_nothing_written (Fixture   *f,
                        RowCounts *before)
{
  RowCounts after = count_rows (f);

  g_assert_cmpint (before->n_sets, >, 0);
  g_assert_cmpint (before->n_nodes, >, 0);
  g_assert_cmpint (after.n_sets, ==, before->n_sets);
  g_assert_cmpint (after.n_nodes, ==, before->n_nodes);
  g_assert_cmpint (after.n_options, ==, before->n_options);
  g_assert_cmpint (after.n_audit, ==, before->n_audit);
}

static void
assert_message_has (const char *message,
                    const char *part)
{
  if (part != NULL && strstr (message, part) == NULL)
    g_error ("the message “%s” does not contain “%s”", message, part);
}

/* The good set ----------------------------------------------------------- */

/* The tree every good file must give, in tree order. Options are written
 * "label=thousandths|...". */
static const struct
{
  const char      *code;
  const char      *parent;
  const char      *title;
  gint64           max;
  ParScoringMethod method;
  gint64           step;
  gboolean         optional;
  const char      *evidence;
  const char      *guidance;
  const char      *options;
} expected_nodes[] = {
  { "1", NULL, "Công tác chỉ đạo, điều hành", 2750, PAR_METHOD_GROUP, 10, FALSE, "", "", "" },
  { "1.1", "1", "Kế hoạch CCHC năm", 2000, PAR_METHOD_GROUP, 10, FALSE, "Kế hoạch, báo cáo\nquý", "", "" },
  { "1.1.1", "1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 1000, PAR_METHOD_CHOICE, 10, FALSE,
    "Kế hoạch CCHC năm (bản chính ký số)", "Trước ngày 31/12, \"đúng hạn\"",
    "Đúng hạn=1000|Chậm=500|Không ban hành=0" },
  { "1.1.2", "1.1", "Mức độ hoàn thành kế hoạch", 1000, PAR_METHOD_MANUAL, 250, FALSE, "", "", "" },
  { "1.2", "1", "Tuyên truyền CCHC", 250, PAR_METHOD_MANUAL, 10, TRUE, "", "", "" },
  { "1.3", "1", "Sáng kiến (điểm cộng)", 1000, PAR_METHOD_BONUS, 10, FALSE, "", "", "" },
  { "1.10", "1", "Báo cáo định kỳ", 500, PAR_METHOD_CHOICE, 10, FALSE, "", "", "Có=500|Không=0" },
  { "2", NULL, "Cải cách thủ tục hành chính", 7250, PAR_METHOD_GROUP, 10, TRUE, "",
    "Không áp dụng nếu không có TTHC; xem hướng dẫn", "" },
  { "2.1", "2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 7000, PAR_METHOD_CHOICE, 10, FALSE, "", "",
    "100%, không trễ=7000|Dưới 100%=3125" },
  { "2.2", "2", "Xin lỗi khi trễ hạn", 250, PAR_METHOD_MANUAL, 125, FALSE, "", "", "" },
  { "2.3", "2", "Nhũng nhiễu (điểm trừ)", 2000, PAR_METHOD_PENALTY, 10, FALSE, "", "", "" },
  { "3", NULL, "Tác động (điều tra xã hội học)", 90000, PAR_METHOD_SURVEY, 10, FALSE, "", "", "" },
};

#define GOOD_NAME "Bộ chỉ số thử, cấp huyện"

static const char good_json[] =
  "{\n"
  "  \"format\": \"par-desk/criteria-set@1\",\n"
  "  \"name\": \"" GOOD_NAME "\",\n"
  "  \"level\": \"district\",\n"
  "  \"year\": 2025,\n"
  "  \"nodes\": [\n"
  "    { \"code\": \"1\", \"title\": \"Công tác chỉ đạo, điều hành\", \"max\": 2.75,\n"
  "      \"children\": [\n"
  "        { \"code\": \"1.1\", \"title\": \"Kế hoạch CCHC năm\", \"max\": 2, \"evidence\": \"Kế hoạch, báo cáo\\nquý\",\n"
  "          \"children\": [\n"
  "            { \"code\": \"1.1.1\", \"title\": \"Ban hành kế hoạch CCHC năm đúng thời hạn\", \"max\": 1,\n"
  "              \"method\": { \"type\": \"choice\",\n"
  "                          \"options\": [ { \"label\": \"Đúng hạn\", \"points\": 1 },\n"
  "                                       { \"label\": \"Chậm\", \"points\": 0.5 },\n"
  "                                       { \"label\": \"Không ban hành\", \"points\": 0 } ] },\n"
  "              \"evidence\": \"Kế hoạch CCHC năm (bản chính ký số)\",\n"
  "              \"guidance\": \"Trước ngày 31/12, \\\"đúng hạn\\\"\" },\n"
  "            { \"code\": \"1.1.2\", \"title\": \"Mức độ hoàn thành kế hoạch\", \"max\": 1,\n"
  "              \"method\": { \"type\": \"manual\", \"step\": 0.25 } } ] },\n"
  "        { \"code\": \"1.2\", \"title\": \"Tuyên truyền CCHC\", \"max\": \"0,25\", \"applicable_optional\": true },\n"
  "        { \"code\": \"1.3\", \"title\": \"Sáng kiến (điểm cộng)\", \"max\": 1, \"method\": { \"type\": \"bonus\" } },\n"
  "        { \"code\": \"1.10\", \"title\": \"Báo cáo định kỳ\", \"max\": 0.5,\n"
  "          \"method\": { \"type\": \"choice\", \"options\": [ { \"label\": \"Có\", \"points\": 0.5 },\n"
  "                                                      { \"label\": \"Không\", \"points\": 0 } ] } } ] },\n"
  "    { \"code\": \"2\", \"title\": \"Cải cách thủ tục hành chính\", \"max\": 7.25, \"applicable_optional\": true,\n"
  "      \"guidance\": \"Không áp dụng nếu không có TTHC; xem hướng dẫn\",\n"
  "      \"children\": [\n"
  "        { \"code\": \"2.1\", \"title\": \"Tỷ lệ hồ sơ giải quyết đúng hạn\", \"max\": 7,\n"
  "          \"method\": { \"type\": \"choice\", \"options\": [ { \"label\": \"100%, không trễ\", \"points\": 7 },\n"
  "                                                      { \"label\": \"Dưới 100%\", \"points\": 3.125 } ] } },\n"
  "        { \"code\": \"2.2\", \"title\": \"Xin lỗi khi trễ hạn\", \"max\": 0.25,\n"
  "          \"method\": { \"type\": \"manual\", \"step\": \"0,125\" } },\n"
  "        { \"code\": \"2.3\", \"title\": \"Nhũng nhiễu (điểm trừ)\", \"max\": 2, \"method\": { \"type\": \"penalty\" } } ] },\n"
  "    { \"code\": \"3\", \"title\": \"Tác động (điều tra xã hội học)\", \"max\": 90, \"method\": { \"type\": \"survey\" } }\n"
  "  ]\n"
  "}\n";

/* The same tree as CSV rows, out of order, optional columns in an order
 * of their own; NULL-titled rows are blank rows as spreadsheets write them. */
#define N_CSV_COLUMNS 9
static const char * const csv_header[N_CSV_COLUMNS] = {
  "code", "title", "max", "method", "options", "evidence", "guidance", "applicable_optional", "step",
};
static const char * const csv_rows[][N_CSV_COLUMNS] = {
  { "3", "Tác động (điều tra xã hội học)", "90", "survey", "", "", "", "", "" },
  { "1.10", "Báo cáo định kỳ", "0,5", "choice", "Có=0,5|Không=0", "", "", "no", "" },
  { "1", "Công tác chỉ đạo, điều hành", "2,75", "", "", "", "", "", "" },
  { "1.1.2", "Mức độ hoàn thành kế hoạch", "1", "manual", "", "", "", "", "0,25" },
  { "", "", "", "", "", "", "", "", "" },
  { "1.1", "Kế hoạch CCHC năm", "2", "", "", "Kế hoạch, báo cáo\nquý", "", "", "" },
  { "2.3", "Nhũng nhiễu (điểm trừ)", "2", "penalty", "", "", "", "", "" },
  { "1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", "1", "choice", "Đúng hạn=1|Chậm=0.5|Không ban hành=0",
    "Kế hoạch CCHC năm (bản chính ký số)", "Trước ngày 31/12, \"đúng hạn\"", "", "" },
  { "1.2", "Tuyên truyền CCHC", "0.25", "", "", "", "", "yes", "" },
  { "1.3", "Sáng kiến (điểm cộng)", "1", "bonus", "", "", "", "", "" },
  { "2", "Cải cách thủ tục hành chính", "7,25", "", "", "", "Không áp dụng nếu không có TTHC; xem hướng dẫn",
    "có", "" },
  { "2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "7", "choice", "100%, không trễ=7|Dưới 100%=3,125", "", "", "", "" },
  { "2.2", "Xin lỗi khi trễ hạn", "0.25", "manual", "", "", "", "", "0.125" },
};

typedef struct
{
  const char *file_name;
  char        separator;
  const char *line_end;
  gboolean    bom;
} CsvVariant;

static const CsvVariant csv_plain = { "good.csv", ',', "\n", FALSE };
/* Excel's "CSV UTF-8 (Comma delimited)" on Windows. */
static const CsvVariant csv_excel = { "good-excel.csv", ',', "\r\n", TRUE };
/* Excel in a Vietnamese locale, where the list separator is ";". */
static const CsvVariant csv_semicolon = { "good-vi.csv", ';', "\r\n", TRUE };

static void
append_csv_field (GString    *out,
                  const char *field,
                  char        separator,
                  const char *line_end)
{
  if (strchr (field, separator) == NULL && strchr (field, '"') == NULL && strchr (field, '\n') == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else if (*p == '\n')
        g_string_append (out, line_end);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
render_csv (const CsvVariant *variant)
{
  GString *out = g_string_new (variant->bom ? "\xEF\xBB\xBF" : "");

  for (int c = 0; c < N_CSV_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, variant->separator);
      append_csv_field (out, csv_header[c], variant->separator, variant->line_end);
    }
  g_string_append (out, variant->line_end);
  for (gsize r = 0; r < G_N_ELEMENTS (csv_rows); r++)
    {
      for (int c = 0; c < N_CSV_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, variant->separator);
          append_csv_field (out, csv_rows[r][c], variant->separator, variant->line_end);
        }
      g_string_append (out, variant->line_end);
    }
  g_string_append (out, variant->line_end);   /* a trailing empty line */
  return g_string_free (out, FALSE);
}

static char *
options_text (ParCriteriaNode *node)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
    {
      const ParChoiceOption *option = par_criteria_node_get_option (node, i);

      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT, i > 0 ? "|" : "", option->label, option->points_milli);
    }
  return g_string_free (text, FALSE);
}

static void
assert_good_tree (ParCriteriaSet *set)
{
  GPtrArray *roots = par_criteria_set_get_roots (set);

  g_assert_cmpuint (par_criteria_set_get_n_nodes (set), ==, G_N_ELEMENTS (expected_nodes));
  g_assert_cmpint (par_criteria_set_get_max_total (set), ==, 100000);
  g_assert_cmpuint (roots->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected_nodes); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);
      ParCriteriaNode *parent = par_criteria_node_get_parent (node);
      g_autofree char *options = options_text (node);

      g_test_message ("node %u: %s", i, par_criteria_node_get_code (node));
      g_assert_cmpstr (par_criteria_node_get_code (node), ==, expected_nodes[i].code);
      g_assert_cmpstr (parent != NULL ? par_criteria_node_get_code (parent) : NULL, ==, expected_nodes[i].parent);
      g_assert_true (par_criteria_set_find_node (set, expected_nodes[i].code) == node);
      g_assert_cmpstr (par_criteria_node_get_title (node), ==, expected_nodes[i].title);
      g_assert_cmpint (par_criteria_node_get_max (node), ==, expected_nodes[i].max);
      g_assert_cmpint (par_criteria_node_get_method (node), ==, expected_nodes[i].method);
      g_assert_cmpint (par_criteria_node_get_step (node), ==, expected_nodes[i].step);
      g_assert_cmpint (par_criteria_node_get_applicable_optional (node), ==, expected_nodes[i].optional);
      g_assert_cmpstr (par_criteria_node_get_evidence (node), ==, expected_nodes[i].evidence);
      g_assert_cmpstr (par_criteria_node_get_guidance (node), ==, expected_nodes[i].guidance);
      g_assert_cmpstr (options, ==, expected_nodes[i].options);
    }
}

static void
assert_good_set (ParCriteriaSet *set)
{
  g_assert_cmpstr (par_criteria_set_get_name (set), ==, GOOD_NAME);
  g_assert_cmpint (par_criteria_set_get_level (set), ==, PAR_UNIT_LEVEL_DISTRICT);
  g_assert_cmpint (par_criteria_set_get_year (set), ==, 2025);
  assert_good_tree (set);
}

/* Reads @path, imports it, reloads it: all three give the good tree. */
static void
check_good_file (Fixture    *f,
                 const char *path,
                 const char *name,
                 const char *level,
                 int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) read = NULL;
  g_autoptr(ParCriteriaSet) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  RowCounts before = count_rows (f);
  RowCounts after;
  gint64 id;

  read = par_criteria_import_read (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  assert_good_tree (read);

  id = par_criteria_import_file (f->db, path, name, level, year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  after = count_rows (f);
  g_assert_cmpint (after.n_sets, ==, before.n_sets + 1);
  g_assert_cmpint (after.n_nodes, ==, before.n_nodes + (int) G_N_ELEMENTS (expected_nodes));
  g_assert_cmpint (after.n_options, ==, before.n_options + 7);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM criteria_node WHERE set_id = %" G_GINT64_FORMAT
                                            " AND method = 'group'", id);

    g_assert_cmpint (test_sqlite_int (f->path, sql), ==, 3);
  }

  loaded = par_criteria_set_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_criteria_set_get_id (loaded), ==, id);
  assert_good_set (loaded);

  listed = par_criteria_set_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    if (par_criteria_set_get_id (g_ptr_array_index (listed, i)) == id)
      g_assert_cmpint (par_criteria_set_get_max_total (g_ptr_array_index (listed, i)), ==, 100000);
}

static void
test_good_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = test_fixture_write_file (f, "good.json", good_json, -1);

  check_good_file (f, path, NULL, NULL, 0);
}

static void
test_good_csv (Fixture       *f,
               gconstpointer  data)
{
  const CsvVariant *variant = data;
  g_autofree char *contents = render_csv (variant);
  g_autofree char *path = test_fixture_write_file (f, variant->file_name, contents, -1);

  g_test_message ("%s", contents);
  if (variant->bom)
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  if (g_str_equal (variant->line_end, "\r\n"))
    g_assert_nonnull (strstr (contents, "\r\n"));
  if (variant->separator == ',')
    g_assert_nonnull (strstr (contents, ",\"Công tác chỉ đạo, điều hành\",\"2,75\","));
  else
    g_assert_nonnull (strstr (contents, ";Công tác chỉ đạo, điều hành;2,75;"));
  check_good_file (f, path, GOOD_NAME, "district", 2025);
}

/* A JSON file's name, level and year give way to the ones given. */
static void
test_json_overrides (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = test_fixture_write_file (f, "good.json", good_json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  gint64 id;

  id = par_criteria_import_file (f->db, path, "Tên khác", "department", 2026, &error);
  g_assert_no_error (error);
  set = par_criteria_set_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (par_criteria_set_get_name (set), ==, "Tên khác");
  g_assert_cmpint (par_criteria_set_get_level (set), ==, PAR_UNIT_LEVEL_DEPARTMENT);
  g_assert_cmpint (par_criteria_set_get_year (set), ==, 2026);
  assert_good_tree (set);
}

/* Bonus and penalty items do not count in their parent's maximum, nor in
 * the set's. */
static void
test_bonus_not_counted (Fixture       *f,
                        gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Điểm cộng\", \"year\": 2025, \"nodes\": [\n"
    "  { \"code\": \"1\", \"title\": \"A\", \"max\": 2, \"children\": [\n"
    "    { \"code\": \"1.1\", \"title\": \"B\", \"max\": 1 },\n"
    "    { \"code\": \"1.2\", \"title\": \"C\", \"max\": 1 },\n"
    "    { \"code\": \"1.3\", \"title\": \"Điểm cộng\", \"max\": 1, \"method\": { \"type\": \"bonus\" } },\n"
    "    { \"code\": \"1.4\", \"title\": \"Điểm trừ\", \"max\": 0.5, \"method\": { \"type\": \"penalty\" } } ] },\n"
    "  { \"code\": \"2\", \"title\": \"Điểm cộng chung\", \"max\": 3, \"method\": { \"type\": \"bonus\" } } ] }\n";
  static const char csv[] =
    "code,title,max,method,options,evidence\n"
    "1,A,2,,,\n1.1,B,1,,,\n1.2,C,1,,,\n1.3,Điểm cộng,1,bonus,,\n1.4,Điểm trừ,\"0,5\",penalty,,\n";
  g_autofree char *json_path = test_fixture_write_file (f, "bonus.json", json, -1);
  g_autofree char *csv_path = test_fixture_write_file (f, "bonus.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  gint64 id;

  id = par_criteria_import_file (f->db, json_path, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  set = par_criteria_set_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_criteria_set_get_max_total (set), ==, 2000);
  g_assert_cmpint (par_criteria_node_get_method (par_criteria_set_find_node (set, "1.3")), ==, PAR_METHOD_BONUS);
  g_assert_cmpint (par_criteria_node_get_method (par_criteria_set_find_node (set, "1.4")), ==, PAR_METHOD_PENALTY);

  g_assert_cmpint (par_criteria_import_file (f->db, csv_path, "Điểm cộng", NULL, 2025, &error), >, 0);
  g_assert_no_error (error);
}

/* A CSV file carries no name and no year: the import says which to give. */
static void
test_csv_needs_name_and_year (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *contents = render_csv (&csv_plain);
  g_autofree char *path = test_fixture_write_file (f, "no-name.csv", contents, -1);
  RowCounts before = count_rows (f);
  struct
  {
    const char *name;
    int         year;
    gboolean    names_name;
    gboolean    names_year;
  } cases[] = {
    { NULL, 0, TRUE, TRUE },
    { "", 0, TRUE, TRUE },
    { GOOD_NAME, 0, FALSE, TRUE },
    { NULL, 2025, TRUE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (par_criteria_import_file (f->db, path, cases[i].name, "district", cases[i].year, &error),
                       ==, 0);
      g_assert_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_INVALID);
      g_test_message ("%s", error->message);
      assert_message_has (error->message, "no-name.csv");
      g_assert_true ((strstr (error->message, "--name") != NULL) == cases[i].names_name);
      g_assert_true ((strstr (error->message, "--year") != NULL) == cases[i].names_year);
      assert_nothing_written (f, &before);
    }
}

/* Reading collects every problem; the error shows the first ones and
 * counts the rest. */
static void
test_every_problem (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv[] =
    "code,title,max,method,options,evidence\n"
    "1,A,-1,,,\n"                       /* 2: negative */
    "2,B,abc,,,\n"                      /* 3: malformed */
    "3,C,1,automatic,,\n"               /* 4: unknown method */
    "4,D,1,choice,,\n"                  /* 5: no options */
    "5,E,1,choice,Có=2|Không=0,\n"      /* 6: above max */
    "5.1.1,F,1,,,\n"                    /* 7: orphan */
    "3,G,1,,,\n";                       /* 8: duplicate */
  g_autofree char *path = test_fixture_write_file (f, "many.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  RowCounts before = count_rows (f);
  const char *lines[] = { "line 2: ", "line 3: ", "line 4: ", "line 5: ", "line 6: ", "line 7: ", "line 8: " };

  set = par_criteria_import_read (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      gboolean found = FALSE;

      for (guint p = 0; p < problems->len; p++)
        found |= g_str_has_prefix (g_ptr_array_index (problems, p), lines[i]);
      g_assert_true (found);
    }

  g_assert_cmpint (par_criteria_import_file (f->db, path, "x", NULL, 2025, &error), ==, 0);
  g_assert_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_INVALID);
  assert_message_has (error->message, "many.csv");
  assert_message_has (error->message, "(and 2 more problems)");
  assert_nothing_written (f, &before);
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  RowCounts before = count_rows (f);

  g_assert_cmpint (par_criteria_import_file (f->db, path, NULL, NULL, 0, &error), ==, 0);
  g_assert_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_UNREADABLE);
  assert_message_has (error->message, "missing.json");
  assert_nothing_written (f, &before);
}

/* Bad files -------------------------------------------------------------- */

typedef struct
{
  const char *test_name;
  const char *file_name;
  const char *contents;
  const char *place;   /* the line or node path, as the message gives it */
  const char *what;
  const char *also;
} BadCase;

#define CSV_HEADER "code,title,max,method,options,evidence\n"
#define JSON_HEAD \
  "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Thử\", \"level\": \"department\", \"year\": 2025,\n" \
  "  \"nodes\": [\n"
#define JSON_TAIL "  ] }\n"

static const BadCase bad_cases[] = {
  /* CSV */
  { "csv-missing-code", "missing-code.csv",
    CSV_HEADER "1,A,1,,,\n1.1,B,1,,,\n,C,1,,,\n",
    "line 4: ", "the code is missing", NULL },
  { "csv-duplicate-code", "duplicate.csv",
    CSV_HEADER "1,A,2,,,\n1.1,B,1,,,\n1.2,C,1,,,\n1.1,D,1,,,\n",
    "line 5: ", "the code 1.1 appears again", "first on line 3" },
  { "csv-orphan-code", "orphan.csv",
    CSV_HEADER "1,A,1,,,\n1.1,B,1,,,\n2.1,C,1,,,\n",
    "line 4: ", "2.1 belongs under 2", NULL },
  { "csv-parent-sum", "sum.csv",
    CSV_HEADER "1,A,3,,,\n1.1,B,1,,,\n1.2,C,1,,,\n",
    "line 2: ", "1 has maximum 3 but its items add up to 2", NULL },
  { "csv-parent-sum-bonus", "sum-bonus.csv",
    CSV_HEADER "1,A,3,,,\n1.1,B,1,,,\n1.2,C,1,,,\n1.3,D,1,bonus,,\n",
    "line 2: ", "1 has maximum 3 but its items add up to 2", NULL },
  { "csv-parent-sum-semicolon", "sum-vi.csv",
    "\xEF\xBB\xBF" "code;title;max;method;options;evidence\r\n1;A;1;;;\r\n1.1;B;0,5;;;\r\n",
    "line 2: ", "1 has maximum 1 but its items add up to 0.5", NULL },
  { "csv-negative", "negative.csv",
    CSV_HEADER "1,A,-1,,,\n",
    "line 2: ", "negative", NULL },
  { "csv-malformed-number", "malformed.csv",
    CSV_HEADER "1,A,1,,,\n1.1,B,một,,,\n",
    "line 3: ", "not a number", NULL },
  { "csv-too-precise", "precise.csv",
    CSV_HEADER "1,A,\"0,1234\",,,\n",
    "line 2: ", "more than three decimals", NULL },
  { "csv-unknown-method", "method.csv",
    CSV_HEADER "1,A,1,automatic,,\n",
    "line 2: ", "unknown method “automatic”", NULL },
  { "csv-choice-without-options", "choice.csv",
    CSV_HEADER "1,A,1,choice,,\n",
    "line 2: ", "1 is a choice but lists no options", NULL },
  { "csv-option-above-max", "option.csv",
    CSV_HEADER "1,A,1,choice,Có=2|Không=0,\n",
    "line 2: ", "above the maximum", NULL },
  { "csv-invalid-utf8", "latin1.csv",
    CSV_HEADER "1,A,1,,,\n2,Th\xf4ng tin,1,,,\n",
    "line 3: ", "not UTF-8", NULL },
  { "csv-too-many-fields", "fields.csv",
    CSV_HEADER "1,A,1,,,,extra\n",
    "line 2: ", "7 fields, but the header has 6", NULL },
  { "csv-empty", "empty.csv",
    "",
    "line 1: ", "empty", NULL },
  { "csv-missing-column", "column.csv",
    "code,title,method\n1,A,manual\n",
    "line 1: ", "no “max” column", NULL },
  { "csv-unterminated-quote", "quote.csv",
    CSV_HEADER "1,A,1,,,\n2,\"B,1,,,\n",
    "line 3: ", "never closed", NULL },
  { "csv-line-after-multiline-cell", "multiline.csv",
    CSV_HEADER "1,A,2,,,\"Kế hoạch,\r\nbáo cáo\"\r\n1.1,B,1,,,\r\n1.2,C,-1,,,\r\n",
    "line 5: ", "negative", NULL },

  /* JSON */
  { "json-missing-code", "missing-code.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1 },\n"
    "    { \"title\": \"B\", \"max\": 1 }\n"
    JSON_TAIL,
    "/nodes/1: ", "the code is missing", NULL },
  { "json-duplicate-code", "duplicate.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 2, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 1 },\n"
    "      { \"code\": \"1.1\", \"title\": \"C\", \"max\": 1 } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/1 (1.1): ", "the code 1.1 appears again", "first at /nodes/0/children/0" },
  { "json-parent-sum", "sum.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1 },\n"
    "    { \"code\": \"2\", \"title\": \"B\", \"max\": 3, \"children\": [\n"
    "      { \"code\": \"2.1\", \"title\": \"C\", \"max\": 1 },\n"
    "      { \"code\": \"2.2\", \"title\": \"D\", \"max\": 1 } ] }\n"
    JSON_TAIL,
    "/nodes/1 (2): ", "2 has maximum 3 but its items add up to 2", NULL },
  { "json-parent-sum-bonus", "sum-bonus.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 3, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 1 },\n"
    "      { \"code\": \"1.2\", \"title\": \"C\", \"max\": 1 },\n"
    "      { \"code\": \"1.3\", \"title\": \"D\", \"max\": 1, \"method\": { \"type\": \"bonus\" } } ] }\n"
    JSON_TAIL,
    "/nodes/0 (1): ", "1 has maximum 3 but its items add up to 2", NULL },
  { "json-parent-sum-penalty", "sum-penalty.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 2.5, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 2 },\n"
    "      { \"code\": \"1.2\", \"title\": \"C\", \"max\": 0.5, \"method\": { \"type\": \"penalty\" } } ] }\n"
    JSON_TAIL,
    "/nodes/0 (1): ", "1 has maximum 2.5 but its items add up to 2", NULL },
  { "json-negative", "negative.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 1 },\n"
    "      { \"code\": \"1.2\", \"title\": \"C\", \"max\": -0.5 } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/1 (1.2): ", "negative", NULL },
  { "json-malformed-number", "malformed.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": \"1,2,3\" }\n"
    JSON_TAIL,
    "/nodes/0 (1): ", "not a number", NULL },
  { "json-number-not-a-number", "boolean.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": true }\n"
    JSON_TAIL,
    "/nodes/0 (1): ", "not a number", NULL },
  { "json-too-precise", "precise.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1 },\n"
    "    { \"code\": \"2\", \"title\": \"B\", \"max\": 0.0005 }\n"
    JSON_TAIL,
    "/nodes/1 (2): ", "more than three decimals", NULL },
  { "json-unknown-method", "method.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 1, \"method\": { \"type\": \"automatic\" } } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/0 (1.1): ", "unknown method “automatic”", NULL },
  { "json-choice-without-options", "choice.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1, \"method\": { \"type\": \"choice\", \"options\": [] } }\n"
    JSON_TAIL,
    "/nodes/0 (1): ", "1 is a choice but lists no options", NULL },
  { "json-option-above-max", "option.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 0.5, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 0.5,\n"
    "        \"method\": { \"type\": \"choice\", \"options\": [ { \"label\": \"Có\", \"points\": 0.75 } ] } } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/0 (1.1): ", "option “Có” of 1.1 gives 0.75 points, above the maximum 0.5", NULL },
  { "json-invalid-utf8", "latin1.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"Th\xf4ng tin\", \"max\": 1 }\n"
    JSON_TAIL,
    "line 3: ", "not UTF-8", NULL },
  { "json-wrong-format", "format.json",
    "{ \"format\": \"par-desk/criteria-set@2\", \"name\": \"Thử\", \"year\": 2025,\n"
    "  \"nodes\": [ { \"code\": \"1\", \"title\": \"A\", \"max\": 1 } ] }\n",
    "/format: ", "par-desk/criteria-set@1", NULL },
  { "json-no-format", "no-format.json",
    "{ \"name\": \"Thử\", \"year\": 2025, \"nodes\": [ { \"code\": \"1\", \"title\": \"A\", \"max\": 1 } ] }\n",
    "/format: ", "par-desk/criteria-set@1", NULL },
  { "json-truncated", "truncated.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1 },\n"
    "    { \"code\": \"2\", \"title\": \"B\",",
    "line 4, column ", "not valid JSON", NULL },
  { "json-child-code", "child-code.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1, \"children\": [\n"
    "      { \"code\": \"2.1\", \"title\": \"B\", \"max\": 1 } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/0 (2.1): ", "2.1 is under 1, so its code must be 1.N", NULL },
  { "json-grandchild-code", "grandchild-code.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1, \"children\": [\n"
    "      { \"code\": \"1.1\", \"title\": \"B\", \"max\": 0.5 },\n"
    "      { \"code\": \"1.1.2\", \"title\": \"C\", \"max\": 0.5 } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/1 (1.1.2): ", "so its code must be 1.N", NULL },
  /* The node after a skipped one keeps its place in the file. */
  { "json-path-after-skipped-node", "skipped.json",
    JSON_HEAD
    "    { \"code\": \"1\", \"title\": \"A\", \"max\": 2, \"children\": [\n"
    "      { \"title\": \"B\", \"max\": 1 },\n"
    "      { \"code\": \"1.2\", \"title\": \"C\", \"max\": 1, \"method\": { \"type\": \"choice\" } } ] }\n"
    JSON_TAIL,
    "/nodes/0/children/1 (1.2): ", "1.2 is a choice but lists no options", NULL },
  { "json-node-not-object", "not-object.json",
    JSON_HEAD "    1\n" JSON_TAIL,
    "/nodes/0: ", "must be an object", NULL },
  { "json-no-nodes", "no-nodes.json",
    "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Thử\", \"year\": 2025 }\n",
    "/nodes: ", "must be a list of nodes", NULL },
  { "json-year-not-number", "year.json",
    "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Thử\", \"year\": { \"value\": 2025 },\n"
    "  \"nodes\": [ { \"code\": \"1\", \"title\": \"A\", \"max\": 1 } ] }\n",
    "/year: ", "2025", NULL },
  { "json-empty", "empty.json",
    "",
    "line 1: ", "empty", NULL },
  { "json-not-an-object", "array.json",
    "[ { \"code\": \"1\", \"title\": \"A\", \"max\": 1 } ]\n",
    "/: ", "one object", NULL },
  /* Numbers too big for json-glib's integers, and text it would cut short */
  { "json-huge-integer", "huge-integer.json",
    JSON_HEAD "    { \"code\": \"1\", \"title\": \"A\", \"max\": 99999999999999999999999 }\n" JSON_TAIL,
    "line 3: ", "the number 99999999999999999999999 is too large", NULL },
  { "json-huge-double", "huge-double.json",
    JSON_HEAD "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1e308 }\n" JSON_TAIL,
    "/nodes/0 (1): ", "“1e+308” is too large", NULL },
  { "json-tiny-double", "tiny-double.json",
    JSON_HEAD "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1e-7 }\n" JSON_TAIL,
    "/nodes/0 (1): ", "“1e-07” has more than three decimals", NULL },
  { "json-nul-in-title", "nul.json",
    JSON_HEAD "    { \"code\": \"1\", \"title\": \"Kế hoạch\\u0000 ẩn\", \"max\": 1 }\n" JSON_TAIL,
    "line 3: ", "U+0000", NULL },
  /* json-glib stops after the first value: a second set must not be dropped in silence */
  { "json-two-sets", "two-sets.json",
    JSON_HEAD "    { \"code\": \"1\", \"title\": \"A\", \"max\": 1 }\n" JSON_TAIL
    JSON_HEAD "    { \"code\": \"1\", \"title\": \"B\", \"max\": 1 }\n" JSON_TAIL,
    "line 5: ", "goes on after the end of the set", NULL },
  { "csv-code-too-deep", "deep-code.csv",
    CSV_HEADER "1,A,1,,,\n1.1.1.1.1.1.1.1.1.1.1.1.1,B,1,,,\n",
    "line 3: ", "at most 12 levels", NULL },
};

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  const BadCase *bad = data;
  g_autofree char *path = test_fixture_write_file (f, bad->file_name, bad->contents, -1);
  gboolean csv = g_str_has_suffix (bad->file_name, ".csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  RowCounts before = count_rows (f);
  gboolean found = FALSE;

  /* The problem itself, as the import dialog lists it. */
  set = par_criteria_import_read (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      g_test_message ("problem: %s", problem);
      if (g_str_has_prefix (problem, bad->place) && strstr (problem, bad->what) != NULL
          && (bad->also == NULL || strstr (problem, bad->also) != NULL))
        found = TRUE;
    }
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_true (found);

  /* The import refuses the file, names it and the place, writes nothing.
   * A CSV file gets its name and year so that only its content is at fault. */
  g_assert_cmpint (par_criteria_import_file (f->db, path, csv ? "Thử" : NULL, NULL, csv ? 2025 : 0, &error), ==, 0);
  g_assert_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  assert_message_has (error->message, bad->file_name);
  g_assert_false (strstr (error->message, f->dir) != NULL);   /* the base name, not the whole path */
  assert_message_has (error->message, bad->place);
  assert_message_has (error->message, bad->what);
  assert_message_has (error->message, bad->also);
  assert_nothing_written (f, &before);
}

/* Untrusted files are bounded: 10,000 levels of nesting are refused at
 * once (they took seconds and gigabytes), a file far too big is not even
 * read, and a problem never quotes megabytes of what it found. */
static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"x\", \"nodes\": ");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (json, "[{\"children\":");
  g_string_append (json, "1");
  for (int i = 0; i < 5000; i++)
    g_string_append (json, "}]");
  g_string_append (json, "}");
  path = test_fixture_write_file (f, "deep.json", json->str, json->len);
  set = par_criteria_import_read (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_message_has (g_ptr_array_index (problems, 0), "nested more than 64 deep");
}

static void
test_too_big (Fixture       *f,
              gconstpointer  data)
{
  gsize size = 9 * 1000 * 1000;
  g_autofree char *contents = g_malloc (size);
  g_autofree char *path = NULL;
  g_autofree char *most = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;

  memset (contents, 'A', size);
  path = test_fixture_write_file (f, "big.csv", contents, size);
  set = par_criteria_import_read (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  most = g_format_size (8 * 1000 * 1000);   /* "8.0 MB", in the locale's decimals */
  assert_message_has (g_ptr_array_index (problems, 0), most);
}

static void
test_messages_bounded (Fixture       *f,
                       gconstpointer  data)
{
  gsize size = 5 * 1000 * 1000;
  g_autofree char *contents = g_malloc (size);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  memset (contents, 'A', size);
  path = test_fixture_write_file (f, "garbage.csv", contents, size);
  g_assert_cmpint (par_criteria_import_file (f->db, path, "x", "department", 2025, &error), ==, 0);
  g_assert_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 2000);
  assert_message_has (error->message, "garbage.csv");
}

/* The sample sets ------------------------------------------------------- */

typedef struct
{
  const char  *file_name;
  ParUnitLevel level;
} Sample;

static const Sample departments_sample = { "departments-sample.json", PAR_UNIT_LEVEL_DEPARTMENT };
static const Sample districts_sample = { "districts-sample.json", PAR_UNIT_LEVEL_DISTRICT };

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  const Sample *sample = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "criteria", sample->file_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) read = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  GPtrArray *roots;
  guint n_by_method[PAR_N_METHODS] = { 0 };
  guint n_optional = 0;
  guint n_guidance = 0;
  gint64 id;

  read = par_criteria_import_read (path, &problems, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  id = par_criteria_import_file (f->db, path, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  set = par_criteria_set_load (f->db, id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (par_criteria_set_get_level (set), ==, sample->level);
  g_assert_cmpint (par_criteria_set_get_year (set), ==, 2025);
  g_assert_nonnull (strstr (par_criteria_set_get_name (set), "mẫu"));
  g_assert_cmpint (par_criteria_set_get_max_total (set), ==, 100000);
  g_assert_cmpuint (par_criteria_set_get_n_nodes (set), >=, 60);
  g_assert_cmpuint (par_criteria_set_get_n_nodes (set), <=, 90);
  g_assert_cmpuint (par_criteria_set_get_n_nodes (set), ==, par_criteria_set_get_n_nodes (read));

  roots = par_criteria_set_get_roots (set);
  g_assert_cmpuint (roots->len, ==, 8);
  for (guint i = 0; i < roots->len; i++)
    {
      GPtrArray *children = par_criteria_node_get_children (g_ptr_array_index (roots, i));

      g_assert_cmpuint (children->len, >=, 3);
      g_assert_cmpuint (children->len, <=, 6);
    }

  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);
      ParScoringMethod method = par_criteria_node_get_method (node);
      gint64 max = par_criteria_node_get_max (node);

      g_assert_cmpstr (par_criteria_node_get_title (node), !=, "");
      g_assert_cmpint (max, >=, 250);
      n_by_method[method]++;
      n_optional += par_criteria_node_get_applicable_optional (node);
      n_guidance += *par_criteria_node_get_guidance (node) != '\0';
      if (par_criteria_node_is_leaf (node) && method != PAR_METHOD_SURVEY)
        g_assert_cmpstr (par_criteria_node_get_evidence (node), !=, "");
      if (method == PAR_METHOD_MANUAL || method == PAR_METHOD_BONUS || method == PAR_METHOD_PENALTY)
        g_assert_cmpint (max % par_criteria_node_get_step (node), ==, 0);
      if (method == PAR_METHOD_CHOICE)
        {
          gint64 best = 0;

          g_assert_cmpuint (par_criteria_node_get_n_options (node), >=, 2);
          for (guint o = 0; o < par_criteria_node_get_n_options (node); o++)
            best = MAX (best, par_criteria_node_get_option (node, o)->points_milli);
          g_assert_cmpint (best, ==, max);
        }
    }
  for (int m = 0; m < PAR_N_METHODS; m++)
    {
      g_test_message ("%s: %u", par_scoring_method_to_string (m), n_by_method[m]);
      g_assert_cmpuint (n_by_method[m], >, 0);
    }
  g_assert_cmpuint (n_optional, >=, 2);
  g_assert_cmpuint (n_guidance, >=, 10);
}

int
main (int    argc,
      char **argv)
{
  /* The messages checked are the English ones; the locale only makes the
   * Vietnamese text of the log readable. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) g_test_add (name, Fixture, data, fixture_set_up, func, test_fixture_tear_down)
  ADD ("/criteria-import/good/json", NULL, test_good_json);
  ADD ("/criteria-import/good/csv", &csv_plain, test_good_csv);
  ADD ("/criteria-import/good/csv-excel-bom-crlf", &csv_excel, test_good_csv);
  ADD ("/criteria-import/good/csv-semicolon", &csv_semicolon, test_good_csv);
  ADD ("/criteria-import/good/json-overrides", NULL, test_json_overrides);
  ADD ("/criteria-import/good/bonus-not-counted", NULL, test_bonus_not_counted);
  ADD ("/criteria-import/csv-needs-name-and-year", NULL, test_csv_needs_name_and_year);
  ADD ("/criteria-import/every-problem", NULL, test_every_problem);
  ADD ("/criteria-import/unreadable", NULL, test_unreadable);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/criteria-import/bad/%s", bad_cases[i].test_name);

      ADD (name, &bad_cases[i], test_bad_file);
    }
  ADD ("/criteria-import/deep-nesting", NULL, test_deep_nesting);
  ADD ("/criteria-import/too-big", NULL, test_too_big);
  ADD ("/criteria-import/messages-bounded", NULL, test_messages_bounded);
  ADD ("/criteria-import/sample/departments", &departments_sample, test_sample);
  ADD ("/criteria-import/sample/districts", &districts_sample, test_sample);
#undef ADD

  return g_test_run ();
}
