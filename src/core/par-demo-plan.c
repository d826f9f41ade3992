/* par-demo-plan.c: the sample office's reform plan for the year, for par-demo.c
 *
 * The Department of Home Affairs' plan for 2025: some thirty tasks across
 * the seven areas. As of 30 June 2025 (the second quarter's end, the
 * screenshots' date) they are in every status: done on time and late,
 * overdue, in progress, not started and cancelled; more are finished
 * later in the year. Some have documents as evidence (par-demo.c keeps
 * them): the plans they carry out, the decisions that closed them. Most
 * serve items of the departments' PAR Index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-database-private.h"
#include "par-demo-plan.h"
#include "par-evidence-links.h"
#include "par-demo-task-items.h"
#include "par-plans.h"

#define DEMO_PLAN_UNIT "SNV"
#define DEMO_PLAN_YEAR 2025

typedef struct
{
  ParArea     area;
  const char *title;
  const char *lead;
  const char *coordinating;   /* codes, comma-separated */
  const char *output;
  const char *deadline;       /* a date, "Q1".."Q4" or "ongoing" */
  const char *progress;       /* "DATE:PERCENT" entries, comma-separated */
  const char *done;           /* completed on, or NULL */
  const char *cancelled;      /* cancelled from, or NULL */
} DemoTask;

static const DemoTask demo_tasks[] = {
  { PAR_AREA_DIRECTION, "Ban hành kế hoạch cải cách hành chính năm 2025", "SNV-CCHC", "VP", "Kế hoạch",
    "2025-01-15", "2025-01-05:60", "2025-01-10", NULL },
  { PAR_AREA_DIRECTION, "Ban hành kế hoạch tuyên truyền cải cách hành chính", "SNV-CCHC", "STTTT", "Kế hoạch",
    "2025-01-31", "2025-01-20:50", "2025-02-12", NULL },
  { PAR_AREA_DIRECTION, "Kiểm tra công tác cải cách hành chính tại các sở, huyện", "SNV-CCHC", "STP,VP",
    "Báo cáo kết quả kiểm tra", "Q3", "2025-04-15:20,2025-06-10:45", NULL, NULL },
  { PAR_AREA_DIRECTION, "Báo cáo cải cách hành chính quý, 6 tháng, năm", "SNV-CCHC", NULL, "Báo cáo",
    "ongoing", "2025-03-25:25,2025-06-25:50", NULL, NULL },
  { PAR_AREA_DIRECTION, "Khảo sát sự hài lòng của người dân, tổ chức", "SNV", "SYT,SGDDT",
    "Báo cáo kết quả khảo sát", "2025-05-31", "2025-04-20:30", NULL, NULL },
  { PAR_AREA_INSTITUTIONS, "Rà soát văn bản quy phạm pháp luật về tổ chức bộ máy", "STP", "SNV-TCBM",
    "Danh mục văn bản", "Q2", "2025-03-10:40,2025-05-20:100", "2025-05-20", NULL },
  { PAR_AREA_INSTITUTIONS, "Kiểm tra việc thi hành pháp luật về cán bộ, công chức", "STP", "SNV",
    "Báo cáo", "2025-09-30", NULL, NULL, NULL },
  { PAR_AREA_INSTITUTIONS, "Xây dựng quy chế phối hợp thẩm định văn bản", "STP", "VP,SNV-CCHC",
    "Quyết định ban hành quy chế", "2025-04-30", "2025-03-01:30,2025-04-25:80", "2025-05-15", NULL },
  { PAR_AREA_INSTITUTIONS, "Sửa đổi quy chế làm việc của Sở", "SNV", NULL, "Quyết định", "Q1", NULL, NULL,
    "2025-03-05" },
  { PAR_AREA_PROCEDURES, "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực nội vụ", "SNV-CCHC", "STP",
    "Phương án đơn giản hóa", "Q2", "2025-04-01:30,2025-06-15:70", NULL, NULL },
  { PAR_AREA_PROCEDURES, "Công bố danh mục thủ tục hành chính mới, sửa đổi", "SNV-CCHC", "VP",
    "Quyết định công bố", "ongoing", "2025-02-28:20,2025-05-30:50", NULL, NULL },
  { PAR_AREA_PROCEDURES, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "SNV", "STTTT",
    "Hồ sơ được số hóa", "2025-12-15", "2025-05-05:15", NULL, NULL },
  { PAR_AREA_PROCEDURES, "Niêm yết thủ tục hành chính tại bộ phận một cửa", "SNV-CCHC", NULL,
    "Bảng niêm yết", "2025-03-31", "2025-03-20:100", "2025-03-20", NULL },
  { PAR_AREA_PROCEDURES, "Đánh giá chất lượng phục vụ người dân tại bộ phận một cửa", "SNV-CCHC", "VP",
    "Báo cáo đánh giá", "Q4", NULL, NULL, NULL },
  { PAR_AREA_APPARATUS, "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn", "SNV-TCBM", "SNV-CCHC",
    "Đề án", "2025-06-30", "2025-04-10:40,2025-06-20:90", "2025-06-30", NULL },
  { PAR_AREA_APPARATUS, "Sắp xếp đơn vị sự nghiệp công lập trực thuộc", "SNV-TCBM", "STC",
    "Quyết định sắp xếp", "Q2", "2025-03-15:20,2025-05-15:60", "2025-08-20", NULL },
  { PAR_AREA_APPARATUS, "Xây dựng đề án vị trí việc làm", "SNV-TCBM", "STC,SKHDT", "Đề án vị trí việc làm",
    "Q3", "2025-06-05:35", NULL, NULL },
  { PAR_AREA_APPARATUS, "Thẩm định tổ chức bộ máy các sở theo hướng dẫn mới", "SNV-TCBM", "VP", "Báo cáo thẩm định",
    "2025-11-30", NULL, NULL, NULL },
  { PAR_AREA_CIVIL_SERVICE, "Tuyển dụng công chức năm 2025", "SNV", "SNV-TCBM", "Kết quả tuyển dụng", "Q3",
    "2025-05-10:25", NULL, NULL },
  { PAR_AREA_CIVIL_SERVICE, "Đánh giá, xếp loại cán bộ, công chức", "SNV", NULL, "Kết quả đánh giá",
    "2025-12-31", NULL, NULL, NULL },
  { PAR_AREA_CIVIL_SERVICE, "Bồi dưỡng kỹ năng cải cách hành chính cho công chức", "SNV-CCHC", "SGDDT",
    "Lớp bồi dưỡng", "2025-05-15", "2025-04-01:50", NULL, NULL },
  { PAR_AREA_CIVIL_SERVICE, "Kiểm tra kỷ luật, kỷ cương hành chính", "SNV", "VP", "Thông báo kết luận", "Q2",
    "2025-06-28:100", "2025-06-28", NULL },
  { PAR_AREA_PUBLIC_FINANCE, "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp", "STC", "SNV-TCBM",
    "Quyết định giao tự chủ", "Q3", "2025-06-01:30", NULL, NULL },
  { PAR_AREA_PUBLIC_FINANCE, "Công khai dự toán, quyết toán ngân sách", "STC", NULL, "Báo cáo công khai",
    "2025-04-15", "2025-04-10:100", "2025-04-10", NULL },
  { PAR_AREA_PUBLIC_FINANCE, "Rà soát tiêu chuẩn, định mức sử dụng tài sản công", "STC", "SNV", "Báo cáo rà soát",
    "2025-03-31", "2025-03-15:40", NULL, NULL },
  { PAR_AREA_PUBLIC_FINANCE, "Thực hiện cơ chế khoán chi hành chính", "STC", NULL, "Quy chế chi tiêu nội bộ",
    "Q4", NULL, NULL, NULL },
  { PAR_AREA_DIGITAL_GOVERNMENT, "Nâng cấp hệ thống quản lý văn bản và điều hành", "STTTT", "VP",
    "Hệ thống nâng cấp", "Q3", "2025-05-20:40", NULL, NULL },
  { PAR_AREA_DIGITAL_GOVERNMENT, "Cung cấp dịch vụ công trực tuyến toàn trình", "STTTT", "SNV-CCHC,VP",
    "Danh mục dịch vụ công", "2025-06-15", "2025-03-30:30,2025-06-10:70", "2025-07-05", NULL },
  { PAR_AREA_DIGITAL_GOVERNMENT, "Ký số văn bản đi của Sở", "SNV", "STTTT", "Văn bản ký số", "ongoing",
    "2025-02-01:40,2025-06-01:75", NULL, NULL },
  { PAR_AREA_DIGITAL_GOVERNMENT, "Xây dựng cơ sở dữ liệu cán bộ, công chức", "SNV-TCBM", "STTTT",
    "Cơ sở dữ liệu", "2025-10-31", NULL, NULL, NULL },
  { PAR_AREA_DIGITAL_GOVERNMENT, "Triển khai phần mềm một cửa cũ (thay bằng hệ thống tỉnh)", "SNV", "STTTT",
    "Phần mềm", "Q2", "2025-02-10:10", NULL, "2025-04-01" },
};

static const char * const demo_notes[] = {
  "Đã trình lãnh đạo Sở",
  "Đang lấy ý kiến các phòng",
  "Chờ số liệu của các đơn vị",
  "Đã họp triển khai",
};

static gboolean
read_deadline (const char  *text,
               ParTaskSpec *spec)
{
  if (g_str_equal (text, "ongoing"))
    spec->deadline_kind = PAR_DEADLINE_ONGOING;
  else if (text[0] == 'Q')
    {
      spec->deadline_kind = PAR_DEADLINE_QUARTER;
      spec->deadline_quarter = text[1] - '0';
    }
  else
    {
      spec->deadline_kind = PAR_DEADLINE_DATE;
      return par_plan_parse_date (text, &spec->deadline_date);
    }
  return TRUE;
}

static gboolean
record (ParDatabase     *db,
        gint64           id,
        const DemoTask  *t,
        guint           *n_notes,
        GError         **error)
{
  g_auto(GStrv) entries = g_strsplit (t->progress != NULL ? t->progress : "", ",", -1);
  GDate date;

  for (guint i = 0; entries[i] != NULL && *entries[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], ":", 2);
      const char *note = demo_notes[(*n_notes)++ % G_N_ELEMENTS (demo_notes)];
      guint percent = (guint) g_ascii_strtoull (parts[1], NULL, 10);

      if (!par_plan_parse_date (parts[0], &date))
        g_return_val_if_reached (FALSE);
      if (percent < 100 && !par_plans_record_progress (db, id, &date, percent, note, error))
        return FALSE;
    }
  if (t->done != NULL && (!par_plan_parse_date (t->done, &date)
                          || !par_plans_complete_task (db, id, &date, "Đã hoàn thành", error)))
    return FALSE;
  if (t->cancelled != NULL && (!par_plan_parse_date (t->cancelled, &date)
                               || !par_plans_cancel_task (db, id, &date, "Không còn phù hợp", error)))
    return FALSE;
  return TRUE;
}

/* The progress was recorded by whoever ran the demo; in the sample office
 * each lead unit's reform officer (else its first staff member, else the
 * office's reform officer) recorded its own. */
static gboolean
name_recorders (ParDatabase  *db,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db,
    "UPDATE progress_entry SET recorded_by = coalesce ("
    " (SELECT s.full_name FROM staff s JOIN task_unit l ON l.unit_id = s.unit_id AND l.role = 'lead'"
    "   WHERE l.task_id = progress_entry.task_id ORDER BY s.role <> 'par-officer', s.id LIMIT 1),"
    " (SELECT full_name FROM staff WHERE role = 'par-officer' ORDER BY id LIMIT 1),"
    " recorded_by)", error);

  return stmt != NULL && par_database_step_done (db, stmt, error);
}

static gint64
add_demo_task (ParDatabase    *db,
               gint64          plan,
               const DemoTask *t,
               GHashTable     *unit_ids,
               GError        **error)
{
  g_auto(GStrv) codes = g_strsplit (t->coordinating != NULL ? t->coordinating : "", ",", -1);
  g_autoptr(GArray) coordinating = g_array_new (FALSE, FALSE, sizeof (gint64));
  ParTaskSpec spec = { .title = t->title, .area = t->area, .output = t->output };

  for (guint i = 0; codes[i] != NULL && *codes[i] != '\0'; i++)
    {
      gint64 unit = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, codes[i]));

      g_array_append_val (coordinating, unit);
    }
  spec.lead_id = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, t->lead));
  spec.coordinating_ids = (const gint64 *) coordinating->data;
  spec.n_coordinating = coordinating->len;
  if (!read_deadline (t->deadline, &spec))
    g_return_val_if_reached (0);
  return par_plans_add_task (db, plan, &spec, error);
}

/* The plan of the Department of Home Affairs for the demo year; @unit_ids
 * maps the demo's unit codes to their ids. */
gboolean
par_demo_plan_fill (ParDatabase  *db,
                    GHashTable   *unit_ids,
                    GError      **error)
{
  gint64 unit = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, DEMO_PLAN_UNIT));
  g_autofree char *title = par_plans_default_title (DEMO_PLAN_YEAR);
  gint64 plan = par_plans_create (db, unit, DEMO_PLAN_YEAR, title, error);
  guint n_notes = 0;

  if (plan == 0)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (demo_tasks); i++)
    {
      gint64 id = add_demo_task (db, plan, &demo_tasks[i], unit_ids, error);

      if (id == 0 || !record (db, id, &demo_tasks[i], &n_notes, error))
        return FALSE;
    }
  /* Most tasks serve items of the PAR Index (par-demo-task-items.c). */
  return name_recorders (db, error) && par_demo_task_items_fill (db, plan, error);
}

/* Makes @document_id evidence of the tasks @codes (comma-separated) of the
 * demo plan. */
gboolean
par_demo_plan_link (ParDatabase  *db,
                    gint64        document_id,
                    const char   *codes,
                    GError      **error)
{
  g_autoptr(GPtrArray) plans = par_plans_list (db, error);
  g_autoptr(GPtrArray) tasks = NULL;
  g_auto(GStrv) wanted = g_strsplit (codes, ",", -1);
  ParPlan *plan = NULL;

  if (plans == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    if (par_plan_get_year (g_ptr_array_index (plans, i)) == DEMO_PLAN_YEAR
        && g_str_equal (par_plan_get_unit_code (g_ptr_array_index (plans, i)), DEMO_PLAN_UNIT))
      plan = g_ptr_array_index (plans, i);
  g_return_val_if_fail (plan != NULL, FALSE);   /* par_demo_plan_fill() made it */
  if ((tasks = par_plans_list_tasks (db, par_plan_get_id (plan), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);
      g_autoptr(ParLinkTarget) target = par_link_target_new_task (par_task_get_id (task));

      if (g_strv_contains ((const char * const *) wanted, par_task_get_code (task))
          && !par_evidence_link (db, document_id, target, error))
        return FALSE;
    }
  return TRUE;
}
