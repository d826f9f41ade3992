/* par-demo.c: a realistic sample office for newcomers and screenshots
 *
 * The province, its units and people are invented; the shape follows a real
 * provincial People's Committee and its Department of Home Affairs, which
 * runs the reform work and appraises the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-assessment.h"
#include "par-criteria-import.h"
#include "par-database-private.h"
#include "par-demo-inspections.h"
#include "par-demo-plan.h"
#include "par-demo-private.h"
#include "par-demo-signatures.h"
#include "par-demo.h"
#include "par-directory.h"
#include "par-evidence.h"
#include "par-holidays.h"
#include "par-staff-contact.h"

typedef struct
{
  const char  *code;
  const char  *parent;
  const char  *name;
  ParUnitLevel level;
} DemoUnit;

typedef struct
{
  const char  *unit;
  const char  *full_name;
  const char  *title;
  ParStaffRole role;
  const char  *email;   /* or NULL; an example domain (RFC 2606), for the inspections' calendar */
} DemoStaff;

static const DemoUnit demo_units[] = {
  { "UBND", NULL, "Ủy ban nhân dân tỉnh Sông Lam", PAR_UNIT_LEVEL_PROVINCE },
  { "VP", "UBND", "Văn phòng Ủy ban nhân dân tỉnh", PAR_UNIT_LEVEL_OFFICE },
  { "SNV", "UBND", "Sở Nội vụ", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SNV-CCHC", "SNV", "Phòng Cải cách hành chính", PAR_UNIT_LEVEL_OFFICE },
  { "SNV-TCBM", "SNV", "Phòng Tổ chức bộ máy", PAR_UNIT_LEVEL_OFFICE },
  { "STP", "UBND", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT },
  { "STC", "UBND", "Sở Tài chính", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SKHDT", "UBND", "Sở Kế hoạch và Đầu tư", PAR_UNIT_LEVEL_DEPARTMENT },
  { "STTTT", "UBND", "Sở Thông tin và Truyền thông", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SYT", "UBND", "Sở Y tế", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SGDDT", "UBND", "Sở Giáo dục và Đào tạo", PAR_UNIT_LEVEL_DEPARTMENT },
  { "TPLG", "UBND", "Ủy ban nhân dân thành phố Lam Giang", PAR_UNIT_LEVEL_DISTRICT },
  { "TPLG-HD", "TPLG", "Ủy ban nhân dân phường Hưng Dũng", PAR_UNIT_LEVEL_COMMUNE },
  { "TPLG-BT", "TPLG", "Ủy ban nhân dân phường Bến Thủy", PAR_UNIT_LEVEL_COMMUNE },
  { "HDS", "UBND", "Ủy ban nhân dân huyện Đông Sơn", PAR_UNIT_LEVEL_DISTRICT },
  { "HDS-DT", "HDS", "Ủy ban nhân dân xã Đông Tiến", PAR_UNIT_LEVEL_COMMUNE },
  { "HDS-DH", "HDS", "Ủy ban nhân dân xã Đông Hòa", PAR_UNIT_LEVEL_COMMUNE },
  { "HTL", "UBND", "Ủy ban nhân dân huyện Thanh Liêm", PAR_UNIT_LEVEL_DISTRICT },
};

static const DemoStaff demo_staff[] = {
  { "UBND", "Trần Văn Hùng", "Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo CCHC", PAR_STAFF_ROLE_LEADER,
    "hungtv@ubnd.songlam.example" },
  { "SNV", "Nguyễn Thị Thu Hà", "Giám đốc Sở Nội vụ", PAR_STAFF_ROLE_LEADER, "hantt@snv.songlam.example" },
  { "SNV", "Lê Quang Minh", "Phó Giám đốc Sở Nội vụ", PAR_STAFF_ROLE_STEERING_MEMBER, "minhlq@snv.songlam.example" },
  { "SNV-CCHC", "Phạm Thị Lan Anh", "Trưởng phòng Cải cách hành chính", PAR_STAFF_ROLE_PAR_OFFICER,
    "anhptl@snv.songlam.example" },
  { "SNV-CCHC", "Hoàng Đức Thắng", "Phó Trưởng phòng", PAR_STAFF_ROLE_PAR_OFFICER, "thanghd@snv.songlam.example" },
  { "SNV-CCHC", "Võ Thị Mai", "Chuyên viên", PAR_STAFF_ROLE_PAR_OFFICER, "maivt@snv.songlam.example" },
  { "SNV-CCHC", "Đặng Văn Tùng", "Chuyên viên", PAR_STAFF_ROLE_STAFF, NULL },
  { "SNV-TCBM", "Bùi Thị Hồng", "Trưởng phòng Tổ chức bộ máy", PAR_STAFF_ROLE_STAFF, "hongbt@snv.songlam.example" },
  { "VP", "Ngô Minh Tuấn", "Phó Chánh Văn phòng", PAR_STAFF_ROLE_STEERING_MEMBER, "tuannm@vpubnd.songlam.example" },
  { "VP", "Đỗ Thị Ngọc", "Chuyên viên Phòng Kiểm soát TTHC", PAR_STAFF_ROLE_PAR_OFFICER,
    "ngocdt@vpubnd.songlam.example" },
  { "STP", "Phan Văn Long", "Phó Giám đốc Sở Tư pháp", PAR_STAFF_ROLE_STEERING_MEMBER, "longpv@stp.songlam.example" },
  { "STP", "Lý Thị Thanh", "Chuyên viên Phòng Xây dựng và Kiểm tra VBQPPL", PAR_STAFF_ROLE_PAR_OFFICER, NULL },
  { "STC", "Vũ Hải Đăng", "Phó Giám đốc Sở Tài chính", PAR_STAFF_ROLE_STEERING_MEMBER, "dangvh@stc.songlam.example" },
  { "STTTT", "Đinh Công Sơn", "Phó Giám đốc Sở Thông tin và Truyền thông", PAR_STAFF_ROLE_STEERING_MEMBER,
    "sondc@stttt.songlam.example" },
  { "STTTT", "Mai Thị Kim Oanh", "Chuyên viên Phòng Chuyển đổi số", PAR_STAFF_ROLE_PAR_OFFICER,
    "oanhmtk@stttt.songlam.example" },
  { "TPLG", "Trịnh Quốc Bảo", "Phó Chủ tịch UBND thành phố", PAR_STAFF_ROLE_LEADER, "baotq@lamgiang.songlam.example" },
  { "TPLG", "Cao Thị Phương", "Chuyên viên Phòng Nội vụ", PAR_STAFF_ROLE_PAR_OFFICER, NULL },
  { "HDS", "Lương Văn Định", "Chủ tịch UBND huyện", PAR_STAFF_ROLE_LEADER, "dinhlv@dongson.songlam.example" },
  { "HDS", "Tạ Thị Hương", "Chuyên viên Phòng Nội vụ", PAR_STAFF_ROLE_PAR_OFFICER, "huongtt@dongson.songlam.example" },
  { "HDS-DT", "Nguyễn Văn Bình", "Công chức Văn phòng - Thống kê", PAR_STAFF_ROLE_PAR_OFFICER, NULL },
};

/* Imports a sample criteria set shipped in the resources. */
static ParCriteriaSet *
import_sample (ParDatabase  *db,
               const char   *name,
               GError      **error)
{
  g_autofree char *path = g_strconcat ("/io/github/pardesk/ParDesk/core/criteria/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  set = par_criteria_import_read_data (data, length, name, &problems);
  if (problems->len > 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_FAILED, "%s: %s", name,
                   (char *) g_ptr_array_index (problems, 0));
      return NULL;
    }
  if (par_criteria_set_save (set, db, error) == 0)
    return NULL;
  return g_steal_pointer (&set);
}

/* A plausible score for @node: a share of the maximum that the method
 * allows, lower for weaker units. */
static gint64
sample_points (ParCriteriaNode *node,
               GRand           *rand,
               int              strength)
{
  gint64 max = par_criteria_node_get_max (node);
  guint n_options = par_criteria_node_get_n_options (node);
  gint64 step = par_criteria_node_get_step (node);
  gint64 points;

  if (par_criteria_node_get_method (node) == PAR_METHOD_CHOICE && n_options > 0)
    {
      /* Strong units mostly reach the first (best) option. */
      guint index = g_rand_int_range (rand, 0, 100) < strength ? 0 : (guint) g_rand_int_range (rand, 0, n_options);

      return par_criteria_node_get_option (node, index)->points_milli;
    }
  if (par_criteria_node_get_method (node) == PAR_METHOD_PENALTY)
    return g_rand_int_range (rand, 0, 100) < 80 ? 0 : step * (max / step / 2);
  points = max * (strength - 15 + g_rand_int_range (rand, 0, 30)) / 100;
  points = CLAMP (points, 0, max);
  if (par_criteria_node_get_method (node) != PAR_METHOD_SURVEY)
    points -= points % step;
  return points;
}

typedef struct
{
  const char *unit;
  int         strength;     /* percent */
  gboolean    appraised;
} DemoAssessment;

static const DemoAssessment demo_assessments[] = {
  { "SNV", 94, TRUE },
  { "VP", 91, TRUE },
  { "STP", 86, TRUE },
  { "STC", 82, FALSE },
  { "SKHDT", 78, FALSE },
  { "STTTT", 88, FALSE },
  { "SYT", 71, FALSE },
  { "SGDDT", 75, FALSE },
};

static const char * const demo_explanations[] = {
  "Quyết định ban hành chậm 05 ngày do chờ ý kiến thẩm định của Sở Tư pháp.",
  "Đã triển khai nhưng chưa có báo cáo tổng hợp kết quả; sẽ bổ sung trong quý I.",
  "Văn bản đang trình ký, gửi kèm dự thảo và tờ trình.",
  "Đơn vị không phát sinh nhiệm vụ này trong năm đánh giá.",
};

static gboolean
score_unit (ParDatabase          *db,
            ParCriteriaSet       *set,
            const DemoAssessment *demo,
            GRand                *rand,
            GError              **error)
{
  g_autoptr(ParUnit) unit = par_directory_find_unit (db, demo->unit, error);
  g_autoptr(ParAssessment) assessment = NULL;
  guint n_explanations = 0;

  if (unit == NULL)
    return FALSE;
  assessment = par_assessment_load (db, set, par_unit_get_id (unit), error);
  if (assessment == NULL)
    return FALSE;

  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);
      ParScoringMethod method = par_criteria_node_get_method (node);
      gint64 points;

      if (!par_criteria_node_is_leaf (node))
        continue;
      /* The weakest units leave a few items for later. */
      if (g_rand_int_range (rand, 0, 100) >= demo->strength + 8)
        continue;
      points = sample_points (node, rand, demo->strength);
      if (method != PAR_METHOD_SURVEY
          && !par_assessment_set_score (assessment, node, PAR_SCORE_SELF, FALSE, points, error))
        return FALSE;
      if (demo->appraised || method == PAR_METHOD_SURVEY)
        {
          gint64 appraised = method == PAR_METHOD_SURVEY || g_rand_int_range (rand, 0, 100) < 85
                             ? points : sample_points (node, rand, demo->strength - 20);

          if (demo->appraised
              && !par_assessment_set_score (assessment, node, PAR_SCORE_APPRAISED, FALSE, appraised, error))
            return FALSE;
        }
      if (method != PAR_METHOD_SURVEY && points < par_criteria_node_get_max (node) && points > 0
          && n_explanations < 6 && g_rand_int_range (rand, 0, 100) < 35)
        {
          const char *text = demo_explanations[n_explanations++ % G_N_ELEMENTS (demo_explanations)];

          if (!par_assessment_set_explanation (assessment, node, text, error))
            return FALSE;
        }
    }
  return TRUE;
}

static const DemoDocument demo_documents[] = {
  { { "ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM" }, "Số: 2815/QĐ-UBND", "Sông Lam, ngày 26 tháng 12 năm 2024", "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch cải cách hành chính tỉnh Sông Lam năm 2025",
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể "
    "cải cách hành chính nhà nước giai đoạn 2021 - 2030;", "QD-2815-UBND.pdf", "1.1.1", "I.1" },
  { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 15/KH-SNV", "Sông Lam, ngày 05 tháng 01 năm 2025", "KẾ HOẠCH",
    "Cải cách hành chính năm 2025 của Sở Nội vụ",
    "Thực hiện Quyết định số 2815/QĐ-UBND, Sở Nội vụ xây dựng kế hoạch cải cách hành chính năm 2025 với các "
    "nhiệm vụ, sản phẩm và thời hạn hoàn thành cụ thể.", "KH-15-SNV.pdf", "1.1.2", "I.1" },
  { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 42/KH-SNV", "Sông Lam, ngày 10 tháng 3 năm 2025", "KẾ HOẠCH",
    "Kiểm tra công tác cải cách hành chính năm 2025",
    "Đoàn kiểm tra làm việc tại các phòng chuyên môn và đơn vị trực thuộc theo lịch kèm theo.", "KH-42-SNV.pdf",
    "1.3.1", "I.3" },
  { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 318/BC-SNV", "Sông Lam, ngày 12 tháng 12 năm 2025", "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2025",
    "Năm 2025, Sở Nội vụ đã hoàn thành 100% nhiệm vụ trong kế hoạch cải cách hành chính; phối hợp chặt chẽ với "
    "các sở, ngành trong việc kiểm soát thủ tục hành chính.", "BC-318-SNV.pdf", "1.2", "I.4" },
  /* The decisions that closed tasks of the plan. */
  { { "UBND TỈNH SÔNG LAM", "SỞ TƯ PHÁP" }, "Số: 35/QĐ-STP", "Sông Lam, ngày 15 tháng 5 năm 2025", "QUYẾT ĐỊNH",
    "Ban hành Quy chế phối hợp thẩm định văn bản quy phạm pháp luật",
    "Quy chế quy định trách nhiệm, thời hạn và cách thức phối hợp giữa Sở Tư pháp với các sở, ngành trong "
    "việc thẩm định dự thảo văn bản quy phạm pháp luật của tỉnh.", "QD-35-STP.pdf", NULL, "II.3" },
  { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 120/QĐ-SNV", "Sông Lam, ngày 30 tháng 6 năm 2025", "QUYẾT ĐỊNH",
    "Phê duyệt Đề án rà soát chức năng, nhiệm vụ của các phòng chuyên môn",
    "Đề án xác định lại chức năng, nhiệm vụ của các phòng chuyên môn thuộc Sở, khắc phục chồng chéo và "
    "bảo đảm một việc chỉ giao một đơn vị chủ trì.", "QD-120-SNV.pdf", NULL, "IV.1" },
  { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 58/TB-SNV", "Sông Lam, ngày 28 tháng 6 năm 2025", "THÔNG BÁO",
    "Kết luận kiểm tra kỷ luật, kỷ cương hành chính 6 tháng đầu năm 2025",
    "Qua kiểm tra, các phòng chuyên môn chấp hành nghiêm thời giờ làm việc; đề nghị tiếp tục chấn chỉnh việc "
    "giải quyết hồ sơ đúng hạn.", "TB-58-SNV.pdf", NULL, "V.4" },
  /* The report of a unit inspected: what it did about a recommendation. */
  { { "UBND TỈNH SÔNG LAM", "SỞ TƯ PHÁP" }, "Số: 12/KH-STP", "Sông Lam, ngày 06 tháng 5 năm 2025", "KẾ HOẠCH",
    "Tự kiểm tra công tác cải cách hành chính năm 2025 của Sở Tư pháp",
    "Thực hiện kiến nghị của Đoàn kiểm tra cải cách hành chính tỉnh, Sở Tư pháp ban hành kế hoạch tự kiểm tra "
    "tại các phòng chuyên môn và đơn vị trực thuộc trong năm 2025.", "KH-12-STP.pdf", NULL, NULL,
    "Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025" },
};

/* Kept documents: drawn, added like any PDF, linked to the items and the
 * plan's tasks of the Department of Home Affairs they support, and to the
 * recommendation one shows carried out. */
static gboolean
add_documents (ParDatabase    *db,
               ParCriteriaSet *set,
               GError        **error)
{
  g_autofree char *dir = g_dir_make_tmp ("par-desk-demo-XXXXXX", error);
  g_autoptr(ParUnit) snv = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  snv = par_directory_find_unit (db, "SNV", error);
  assessment = snv != NULL ? par_assessment_load (db, set, par_unit_get_id (snv), error) : NULL;
  ok = assessment != NULL;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (demo_documents); i++)
    {
      g_autofree char *path = g_build_filename (dir, demo_documents[i].filename, NULL);
      ParCriteriaNode *node = demo_documents[i].supports != NULL
                              ? par_criteria_set_find_node (set, demo_documents[i].supports) : NULL;
      gint64 id;

      if (!par_demo_draw_document (&demo_documents[i], NULL, path))
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_FAILED, "cairo could not write %s", path);
          ok = FALSE;
          break;
        }
      id = par_evidence_add_file (db, path, 0, NULL, NULL, error);
      ok = id != 0 && (node == NULL || par_assessment_link_document (assessment, node, id, error))
           && (demo_documents[i].tasks == NULL || par_demo_plan_link (db, id, demo_documents[i].tasks, error))
           && (demo_documents[i].recommendation == NULL
               || par_demo_inspections_link (db, id, demo_documents[i].recommendation, error));
      g_unlink (path);
    }
  g_rmdir (dir);
  return ok;
}

/* The office's edit to the holiday table: a working day swapped for a
 * Saturday, as the Government allows around New Year, so that the holiday
 * preferences and the calendar show a day of kind "added". */
static gboolean
add_holiday_edits (ParDatabase  *db,
                   GError      **error)
{
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_JANUARY, 2026);

  return par_holidays_add (db, day, "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)", error);
}

/* Fills an empty file with the sample office. Refuses a file that already
 * holds data, so that nobody's work is mixed with invented records. */
gboolean
par_demo_fill (ParDatabase  *db,
               GError      **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  if (!par_database_is_empty (db))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("“%s” already holds data. The sample office goes only into a new, empty file."),
                   par_database_get_path (db));
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *u = &demo_units[i];
      gint64 parent = u->parent != NULL ? GPOINTER_TO_SIZE (g_hash_table_lookup (ids, u->parent)) : 0;
      gint64 id = par_directory_add_unit (db, u->code, u->name, u->level, parent, error);

      if (id == 0)
        return FALSE;
      g_hash_table_insert (ids, (gpointer) u->code, GSIZE_TO_POINTER ((gsize) id));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_staff); i++)
    {
      const DemoStaff *s = &demo_staff[i];
      gint64 unit = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, s->unit));

      if (par_directory_add_staff_contact (db, unit, s->full_name, s->title, s->role, s->email, NULL, error) == 0)
        return FALSE;
    }

  /* The PAR Index: this year's sets, the departments scored, some appraised. */
  {
    g_autoptr(ParCriteriaSet) departments = import_sample (db, "departments-sample.json", error);
    g_autoptr(ParCriteriaSet) districts = NULL;
    g_autoptr(GRand) rand = g_rand_new_with_seed (2025);

    if (departments == NULL)
      return FALSE;
    districts = import_sample (db, "districts-sample.json", error);
    if (districts == NULL)
      return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS (demo_assessments); i++)
      if (!score_unit (db, departments, &demo_assessments[i], rand, error))
        return FALSE;
    /* The Department of Home Affairs' reform plan for the year, before the
     * documents that are evidence of its tasks. */
    if (!par_demo_plan_fill (db, ids, error) || !add_holiday_edits (db, error)
        || !par_demo_inspections_fill (db, ids, error))
      return FALSE;
    /* Then the signed ones, and the sample authority they chain to. */
    return add_documents (db, departments, error) && par_demo_signatures_fill (db, departments, error);
  }
}
