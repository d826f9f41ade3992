/* test-plan-import.c: CSV files of tasks read into a plan: spreadsheet dialects, headers, heading rows, deadlines, every problem by line, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

/* The units every test names, and a plan of 2026 for the top one. */
typedef struct
{
  gint64 top, pnv, vp, ptp, team1, team2, plan;
} Units;

static void
make_units (Fixture *f,
            Units   *u)
{
  g_autoptr(GError) error = NULL;

  u->top = test_fixture_add_unit (f, "UBND", "Ủy ban nhân dân thành phố", 0);
  u->pnv = test_fixture_add_unit (f, "PNV", "Phòng Nội vụ", u->top);
  u->vp = test_fixture_add_unit (f, "VP", "Văn phòng HĐND và UBND", u->top);
  u->ptp = test_fixture_add_unit (f, "PTP", "Phòng Tư pháp", u->top);
  u->team1 = test_fixture_add_unit (f, "T1", "Tổ công tác", u->top);
  u->team2 = test_fixture_add_unit (f, "T2", "Tổ công tác", u->top);
  u->plan = par_plans_create (f->db, u->top, 2026, NULL, &error);
  g_assert_no_error (error);
}

static ParPlanImport *
read_csv (Fixture    *f,
          gint64      plan,
          const char *csv,
          gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, length < 0 ? strlen (csv) : (gsize) length);
  g_autoptr(GError) error = NULL;
  ParPlanImport *import = par_plan_import_read (f->db, plan, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  for (guint i = 0; i < par_plan_import_get_n_problems (import); i++)
    g_test_message ("line %u: %s", par_plan_import_get_problem (import, i)->line,
                    par_plan_import_get_problem (import, i)->message);
  return import;
}

/* The lines of the import's problems, as "3 6 7". */
static char *
problem_lines (ParPlanImport *import)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < par_plan_import_get_n_problems (import); i++)
    g_string_append_printf (lines, "%s%u", i > 0 ? " " : "", par_plan_import_get_problem (import, i)->line);
  return g_string_free (lines, FALSE);
}

/* Reads and writes @csv, which must have no problem; the plan's tasks after. */
static GPtrArray *
import_ok (Fixture    *f,
           gint64      plan,
           const char *csv,
           guint       n_tasks)
{
  g_autoptr(ParPlanImport) import = read_csv (f, plan, csv, -1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks;

  g_assert_cmpuint (par_plan_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (par_plan_import_get_n_tasks (import), ==, n_tasks);
  ids = par_plan_import_write (f->db, import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n_tasks);
  tasks = par_plans_list_tasks (f->db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_task_get_id (g_ptr_array_index (tasks, tasks->len - 1)), ==,
                   g_array_index (ids, gint64, ids->len - 1));
  return tasks;
}

/* "CODE|AREA|LEAD|COORDINATING|DEADLINE|TITLE|OUTPUT" of each task, joined by ";". */
static char *
describe (GPtrArray *tasks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);
      GStrv coordinating = par_task_get_coordinating_codes (task);
      g_autofree char *joined = g_strjoinv (",", coordinating);
      g_autofree char *deadline = NULL;
      GDate date;

      par_task_get_deadline (task, &date);
      deadline = par_plan_format_date (&date);
      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s;", par_task_get_code (task),
                              par_area_to_string (par_task_get_area (task)), par_task_get_lead_code (task),
                              joined, deadline, par_task_get_title (task), par_task_get_output (task));
    }
  return g_string_free (out, FALSE);
}

/* Excel's "CSV UTF-8": a byte-order mark, commas, CRLF; quoted cells with
 * separators, doubled quotes and line breaks; units by code and by name. */
static void
test_excel (Fixture       *f,
            gconstpointer  data)
{
  Units u;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *got = NULL;
  const char *csv =
    "\xef\xbb\xbf" "Title,Code,Deadline,Lead Unit,Area,Coordinating units,Output\r\n"
    "\"Rà soát, công khai TTHC\",,30/04/2026,phong noi vu,procedures,\"VP; PTP\",Danh mục\r\n"
    "\"Triển khai \"\"một cửa\"\" điện tử\",A.2,Q4,VP,VII,\"Phòng Tư pháp\r\nPNV\",\"Báo cáo\r\nquý\"\r\n"
    "Tập huấn,A.3,Quý III,PTP,civil-service,,\r\n";

  make_units (f, &u);
  tasks = import_ok (f, u.plan, csv, 3);
  got = describe (tasks);
  g_assert_cmpstr (got, ==,
                   "III.1|procedures|PNV|VP,PTP|2026-04-30|Rà soát, công khai TTHC|Danh mục;"
                   "A.2|digital-government|VP|PTP,PNV|2026-12-31|Triển khai \"một cửa\" điện tử|Báo cáo\nquý;"
                   "A.3|civil-service|PTP||2026-09-30|Tập huấn|;");
}

/* LibreOffice's "Text CSV" with `;`, LF; Vietnamese headers with and
 * without diacritics; a quoted cell holding `;`. */
static void
test_libreoffice (Fixture       *f,
                  gconstpointer  data)
{
  Units u;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *got = NULL;

  make_units (f, &u);
  tasks = import_ok (f, u.plan,
                     "STT;Nội dung nhiệm vụ;Lĩnh vực;Đơn vị chủ trì;Đơn vị phối hợp;Sản phẩm;Thời hạn\n"
                     "B.1;Rà soát TTHC;III;VP;PNV;\"Báo cáo; danh mục\";15/06/2026\n"
                     "B.2;Tập huấn;Cải cách chế độ công vụ;Phòng Nội vụ;;;Quý II/2026\n", 2);
  more = import_ok (f, u.plan,
                    " so tt ;TEN NHIEM VU;linh  vuc;co quan chu tri;Phoi hop;Ket qua;Thoi gian hoan thanh\n"
                    "B.3;Kiểm tra;I;PTP;VP,PNV;;Thường xuyên\n", 1);
  got = describe (more);
  g_assert_cmpstr (got, ==,
                   "B.1|procedures|VP|PNV|2026-06-15|Rà soát TTHC|Báo cáo; danh mục;"
                   "B.2|civil-service|PNV||2026-06-30|Tập huấn|;"
                   "B.3|direction|PTP|VP,PNV|2026-12-31|Kiểm tra|;");
  g_assert_cmpuint (tasks->len, ==, 2);
}

/* Heading rows give the area and number the rows below them afresh;
 * blank rows and trailing empty columns are allowed. */
static void
test_headings (Fixture       *f,
               gconstpointer  data)
{
  Units u;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *got = NULL;
  const char *csv =
    "TT;Nhiệm vụ;Lĩnh vực;Chủ trì;Thời hạn;;\n"
    "1;Before any heading;I;PNV;Q1;;\n"
    "II.;CẢI CÁCH THỂ CHẾ;;;;;\n"
    "1;Rà soát văn bản;;VP;Thường xuyên;;\n"
    ";;;;;;\n"
    "\n"
    "2.;Theo dõi thi hành;;VP;Quý III;;\n"
    ";No code;;VP;Q2\n"
    "X.9;Own code, own area;V;PNV;Q2;;\n"
    "iii;Cải cách TTHC;;;\n"
    "1;Công khai TTHC;;PTP;Cả năm;;\n";

  make_units (f, &u);
  tasks = import_ok (f, u.plan, csv, 6);
  got = describe (tasks);
  g_assert_cmpstr (got, ==,
                   "1|direction|PNV||2026-03-31|Before any heading|;"
                   "II.1|institutions|VP||2026-12-31|Rà soát văn bản|;"
                   "II.2|institutions|VP||2026-09-30|Theo dõi thi hành|;"
                   "II.3|institutions|VP||2026-06-30|No code|;"
                   "X.9|civil-service|PNV||2026-06-30|Own code, own area|;"
                   "III.1|procedures|PTP||2026-12-31|Công khai TTHC|;");
}

/* A file of one task a deadline, read (not written). */
static ParPlanImport *
read_deadlines (Fixture            *f,
                gint64              plan,
                const char * const *deadlines,
                gsize               n)
{
  g_autoptr(GString) csv = g_string_new ("title;area;lead;deadline\n");

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (csv, "Task %zu;I;PNV;%s\n", i, deadlines[i]);
  return read_csv (f, plan, csv->str, -1);
}

/* Every form of a deadline: dates, quarters with or without the year,
 * months (their last day), the words of ongoing tasks. */
static void
test_deadlines (Fixture       *f,
                gconstpointer  data)
{
  static const char * const good[][2] = {
    { "30/06/2026", "date 2026-06-30" }, { "2026-06-30", "date 2026-06-30" }, { "5/1/2027", "date 2027-01-05" },
    { "Q2", "quarter 2" }, { "q3", "quarter 3" }, { "Quý II", "quarter 2" }, { "Quý 2", "quarter 2" },
    { "QUY IV", "quarter 4" }, { "Quý II/2026", "quarter 2" }, { "Quý 1 năm 2026", "quarter 1" },
    { "Q1/2026", "quarter 1" }, { "Quý  III  năm  2026", "quarter 3" },
    { "06/2026", "date 2026-06-30" }, { "Tháng 6/2026", "date 2026-06-30" },
    { "Tháng 6 năm 2026", "date 2026-06-30" }, { "tháng 2/2028", "date 2028-02-29" },
    { "Tháng 2", "date 2026-02-28" }, { "Thường xuyên", "ongoing" }, { "Cả năm", "ongoing" },
    { "Trong năm", "ongoing" }, { "Hằng năm", "ongoing" }, { "hang nam", "ongoing" }, { "ongoing", "ongoing" },
    { "All  Year", "ongoing" }, { "THUONG XUYEN", "ongoing" },
  };
  static const char * const bad[] = { "Quý II/2027", "Q2 năm 2025", "Q5", "Quý V", "Tháng 13/2026", "13/2026",
                                      "31/02/2026", "soon", "06", "", "2026" };
  const char *good_texts[G_N_ELEMENTS (good)];
  g_autoptr(ParPlanImport) import = NULL;
  g_autoptr(ParPlanImport) refused = NULL;
  g_autofree char *lines = NULL;
  Units u;

  make_units (f, &u);
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    good_texts[i] = good[i][0];
  import = read_deadlines (f, u.plan, good_texts, G_N_ELEMENTS (good));
  g_assert_cmpuint (par_plan_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (par_plan_import_get_n_tasks (import), ==, G_N_ELEMENTS (good));
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const ParTaskSpec *spec = &par_plan_import_get_task (import, i)->spec;
      g_autofree char *iso = spec->deadline_kind == PAR_DEADLINE_DATE ? par_plan_format_date (&spec->deadline_date)
                                                                      : NULL;
      g_autofree char *got = spec->deadline_kind == PAR_DEADLINE_DATE ? g_strdup_printf ("date %s", iso)
                             : spec->deadline_kind == PAR_DEADLINE_QUARTER
                             ? g_strdup_printf ("quarter %d", spec->deadline_quarter) : g_strdup ("ongoing");

      g_test_message ("%s", good[i][0]);
      g_assert_cmpstr (got, ==, good[i][1]);
    }
  refused = read_deadlines (f, u.plan, bad, G_N_ELEMENTS (bad));
  lines = problem_lines (refused);
  g_assert_cmpstr (lines, ==, "2 3 4 5 6 7 8 9 10 11 12");
  g_assert_cmpuint (par_plan_import_get_n_tasks (refused), ==, 0);
  g_assert_nonnull (strstr (par_plan_import_get_problem (refused, 0)->message, "2027"));
}

static guint
n_tasks (Fixture *f,
         gint64   plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = par_plans_list_tasks (f->db, plan, &error);

  g_assert_no_error (error);
  return tasks->len;
}

/* Reads @csv, expects problems on @lines, and that writing it is refused
 * with the plan unchanged. */
static ParPlanImport *
refuse (Fixture    *f,
        gint64      plan,
        const char *csv,
        gssize      length,
        const char *lines)
{
  ParPlanImport *import = read_csv (f, plan, csv, length);
  g_autofree char *got = problem_lines (import);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint before = n_tasks (f, plan);

  g_assert_cmpstr (got, ==, lines);
  ids = par_plan_import_write (f->db, import, &error);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_null (ids);
  g_assert_cmpuint (n_tasks (f, plan), ==, before);
  return import;
}

/* Whether the problem on @line says something with @needle in it. */
static gboolean
has_problem (ParPlanImport *import,
             guint          line,
             const char    *needle)
{
  for (guint i = 0; i < par_plan_import_get_n_problems (import); i++)
    {
      const ParPlanImportProblem *problem = par_plan_import_get_problem (import, i);

      if (problem->line == line && strstr (problem->message, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The header's problems: a header naming no column, a column twice, a
 * required column missing, all told on line 1; an empty file. */
static void
test_header_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ParPlanImport) header = NULL;
  g_autoptr(ParPlanImport) empty = NULL;
  g_autoptr(ParPlanImport) blank = NULL;
  Units u;

  make_units (f, &u);
  header = refuse (f, u.plan, "title;Nội dung;area;deadline;Ghi chú\nX;Y;I;Q1;\n", -1, "1 1 1");
  g_assert_true (has_problem (header, 1, "Ghi chú"));
  g_assert_true (has_problem (header, 1, "Nội dung"));
  g_assert_true (has_problem (header, 1, "Đơn vị chủ trì"));
  empty = refuse (f, u.plan, "", 0, "1");
  blank = refuse (f, u.plan, "\xef\xbb\xbf\r\n\r\n", -1, "1");
}

static gint64
add_coded_task (Fixture    *f,
                Units      *u,
                const char *code)
{
  ParTaskSpec spec = { .code = code, .title = "Có sẵn", .area = PAR_AREA_DIRECTION, .lead_id = u->pnv,
                       .deadline_kind = PAR_DEADLINE_ONGOING };
  g_autoptr(GError) error = NULL;
  gint64 id = par_plans_add_task (f->db, u->plan, &spec, &error);

  g_assert_no_error (error);
  return id;
}

/* One file with a problem of every kind a row can have: all of them
 * listed by the line their row starts on, nothing written. */
static void
test_row_problems (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParPlanImport) import = NULL;
  const char *csv =
    "code;title;area;lead;coordinating;deadline;\n"
    "P.1;Good;I;PNV;;Q1;\n"
    "P.2;;I;PNV;;Q1;\n"
    "P.3;Unknown area;IX;PNV;;Q1;\n"
    "P.4;Missing area;;PNV;;Q1;\n"
    "P.5;Missing lead;I;;;Q1;\n"
    "P.6;Unknown lead;I;Phòng Xây dựng;;Q1;\n"
    "P.7;Unknown coordinating;I;PNV;VP,NOPE;Q1;\n"
    "P.8;Shared name;I;to cong tac;;Q1;\n"
    "P.9;Twice;I;PNV;\"VP;Phòng Nội vụ\";Q1;\n"
    "P.10;Missing deadline;I;PNV;;;\n"
    "P.11;Bad deadline;I;PNV;;Q7;\n"
    "\"P.1\";Code twice in the file;I;PNV;;Q1;\n"
    "EX.1;Code in the plan;I;PNV;;Q1;\n"
    "P.12;\"Two\nlines\";I;PNV;;Q1;x\n"
    "P.13;More cells;I;PNV;;Q1;;extra\n"
    "P.14;Unterminated;I;PNV;;\"Q1;\n"
    "P.15;Swallowed by the quote;I;PNV;;Q1;\n";
  Units u;

  make_units (f, &u);
  add_coded_task (f, &u, "EX.1");
  import = refuse (f, u.plan, csv, -1, "3 4 5 6 7 8 9 10 11 12 13 14 15 17 18");
  g_assert_true (has_problem (import, 4, "“IX”"));
  g_assert_true (has_problem (import, 7, "“Phòng Xây dựng”"));
  g_assert_true (has_problem (import, 8, "“NOPE”"));
  g_assert_true (has_problem (import, 9, "“to cong tac”"));
  g_assert_true (has_problem (import, 10, "“Phòng Nội vụ”"));
  g_assert_true (has_problem (import, 12, "“Q7”"));
  g_assert_true (has_problem (import, 13, "P.1"));
  g_assert_true (has_problem (import, 14, "EX.1"));
  g_assert_true (has_problem (import, 15, "“x”"));
  g_assert_cmpuint (par_plan_import_get_n_tasks (import), ==, 1);
}

/* Codes: a default code skips the plan's codes and every code the file
 * gives, even a later row's; a code the plan took after the file was
 * read refuses the whole write. */
static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ParPlanImport) late = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  Units u;

  make_units (f, &u);
  add_coded_task (f, &u, "I.1");
  tasks = import_ok (f, u.plan, "code,title,area,lead,deadline\n,A,I,PNV,Q1\nI.2,B,I,PNV,Q1\n,C,I,PNV,Q1\n", 3);
  got = describe (tasks);
  g_assert_cmpstr (got, ==, "I.1|direction|PNV||2026-12-31|Có sẵn|;I.3|direction|PNV||2026-03-31|A|;"
                            "I.2|direction|PNV||2026-03-31|B|;I.4|direction|PNV||2026-03-31|C|;");
  late = read_csv (f, u.plan, "code,title,area,lead,deadline\nZ.0,A,I,PNV,Q1\nZ.1,B,I,PNV,Q1\n", -1);
  g_assert_cmpuint (par_plan_import_get_n_problems (late), ==, 0);
  add_coded_task (f, &u, "Z.1");
  ids = par_plan_import_write (f->db, late, &error);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_null (ids);
  g_assert_cmpuint (n_tasks (f, u.plan), ==, 5);
}

/* Excel's plain "CSV" writes the Windows code page: the problem says to
 * save as CSV UTF-8, on the line of the first byte that is not UTF-8. */
static void
test_not_utf8 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ParPlanImport) cp1252 = NULL;
  g_autoptr(ParPlanImport) cp1258 = NULL;
  g_autoptr(ParPlanImport) nul = NULL;
  g_autoptr(ParPlanImport) utf16 = NULL;
  Units u;

  make_units (f, &u);
  cp1252 = refuse (f, u.plan, "title,area,lead,deadline\nMột,I,PNV,Q1\nPh\xf2ng,I,PNV,Q1\n", -1, "3");
  g_assert_true (has_problem (cp1252, 3, "CSV UTF-8"));
  cp1258 = refuse (f, u.plan, "Nhi\xd2m v\xf5,L\xccnh v\xf9\xf2" "c,Ch\xf7 tr\xec,Th\xf2i h\xb9n\n", -1, "1");
  g_assert_true (has_problem (cp1258, 1, "CSV UTF-8"));
  utf16 = refuse (f, u.plan, "\xff\xfet\0i\0", 6, "1");
  nul = refuse (f, u.plan, "title,area,lead,deadline\nA\0,I,PNV,Q1\n", 37, "2");
}

/* A hostile file is bounded: its size, rows, cells a row and bytes a cell. */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *huge = g_malloc (PAR_PLAN_IMPORT_MAX_BYTES + 1);
  g_autoptr(GString) wide = g_string_new ("title;area;lead;deadline\nT;I;PNV;Q1");
  g_autoptr(GString) lengthy = g_string_new ("title;area;lead;deadline\n");
  g_autoptr(GString) tall = g_string_new ("code;title;area;lead;deadline\n");
  g_autoptr(GString) many = g_string_new ("title;area;lead;deadline\n");
  g_autoptr(ParPlanImport) import = NULL;
  g_autofree char *last = NULL;
  Units u;

  make_units (f, &u);
  memset (huge, 'a', PAR_PLAN_IMPORT_MAX_BYTES + 1);
  import = refuse (f, u.plan, huge, PAR_PLAN_IMPORT_MAX_BYTES + 1, "1");
  for (int i = 0; i < PAR_PLAN_IMPORT_MAX_COLUMNS + 10; i++)
    g_string_append_c (wide, ';');
  g_clear_pointer (&import, par_plan_import_free);
  import = refuse (f, u.plan, wide->str, -1, "2");
  last = g_strnfill (PAR_PLAN_IMPORT_MAX_CELL_BYTES + 1, 'x');
  g_string_append_printf (lengthy, "\"\n%s\";I;PNV;Q1\n", last);
  g_clear_pointer (&last, g_free);
  g_clear_pointer (&import, par_plan_import_free);
  import = refuse (f, u.plan, lengthy->str, -1, "2");
  for (int i = 0; i <= PAR_PLAN_IMPORT_MAX_ROWS; i++)
    g_string_append_printf (tall, "R.%d;Task;I;PNV;Q1\n", i);
  g_clear_pointer (&import, par_plan_import_free);
  import = refuse (f, u.plan, tall->str, -1, last = g_strdup_printf ("%d", PAR_PLAN_IMPORT_MAX_ROWS + 2));
  g_clear_pointer (&last, g_free);
  for (int i = 0; i < PAR_PLAN_IMPORT_MAX_PROBLEMS + 10; i++)
    g_string_append (many, ";I;PNV;Q1\n");
  g_clear_pointer (&import, par_plan_import_free);
  import = read_csv (f, u.plan, many->str, -1);
  g_assert_cmpuint (par_plan_import_get_n_problems (import), ==, PAR_PLAN_IMPORT_MAX_PROBLEMS + 1);
  last = g_strdup (par_plan_import_get_problem (import, PAR_PLAN_IMPORT_MAX_PROBLEMS)->message);
  g_assert_nonnull (strstr (last, G_STRINGIFY (PAR_PLAN_IMPORT_MAX_PROBLEMS)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

  g_test_add ("/plan-import/excel", Fixture, NULL, test_fixture_set_up, test_excel, test_fixture_tear_down);
  g_test_add ("/plan-import/libreoffice", Fixture, NULL, test_fixture_set_up, test_libreoffice,
              test_fixture_tear_down);
  g_test_add ("/plan-import/headings", Fixture, NULL, test_fixture_set_up, test_headings, test_fixture_tear_down);
  g_test_add ("/plan-import/deadlines", Fixture, NULL, test_fixture_set_up, test_deadlines, test_fixture_tear_down);
  g_test_add ("/plan-import/header-problems", Fixture, NULL, test_fixture_set_up, test_header_problems,
              test_fixture_tear_down);
  g_test_add ("/plan-import/row-problems", Fixture, NULL, test_fixture_set_up, test_row_problems,
              test_fixture_tear_down);
  g_test_add ("/plan-import/codes", Fixture, NULL, test_fixture_set_up, test_codes, test_fixture_tear_down);
  g_test_add ("/plan-import/not-utf8", Fixture, NULL, test_fixture_set_up, test_not_utf8, test_fixture_tear_down);
  g_test_add ("/plan-import/limits", Fixture, NULL, test_fixture_set_up, test_limits, test_fixture_tear_down);
  return g_test_run ();
}
